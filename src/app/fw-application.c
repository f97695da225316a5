/* fw-application.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-app-resources.h"
#include "fw-application.h"
#include "fw-renderer-choice.h"
#include "fw-window.h"

struct _FwApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (FwApplication, fw_application, GTK_TYPE_APPLICATION)

/* Window actions' shortcuts, in one place; the keyboard shortcuts window
 * (ui/gtk/help-overlay.ui) lists the same. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "win.new",        { "<Control>n", NULL } },
  { "win.open",       { "<Control>o", NULL } },
  { "win.save",       { "<Control>s", NULL } },
  { "win.save-as",    { "<Shift><Control>s", NULL } },
  { "win.close",      { "<Control>w", NULL } },
  { "win.undo",       { "<Control>z", NULL } },
  { "win.redo",       { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.find",       { "<Control>f", NULL } },
  { "app.quit",       { "<Control>q", NULL } },
};

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Each window asks about its own unsaved changes as it closes; quitting
   * happens when the last one has gone. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *authors[] = { "The Flywheel authors", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Flywheel"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "comments", _("Model the sales and marketing flywheel: stages, friction and forces, momentum"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
fw_application_startup (GApplication *application)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* Before GtkApplication's startup, which looks in the resource for the
   * shortcuts window (gtk/help-overlay.ui). */
  fw_app_resources_ensure ();
  G_APPLICATION_CLASS (fw_application_parent_class)->startup (application);

  fw_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, APP_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
fw_application_activate (GApplication *application)
{
  FwWindow *window = fw_window_new (GTK_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
}

/* A file goes into the window that holds an untouched new project, if
 * there is one, so `flywheel FILE` opens one window, not two. */
static void
fw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
      FwWindow *window;

      if (FW_IS_WINDOW (active) && fw_window_is_pristine (FW_WINDOW (active)))
        window = FW_WINDOW (active);
      else
        window = fw_window_new (GTK_APPLICATION (application));

      fw_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
fw_application_class_init (FwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = fw_application_startup;
  app_class->activate = fw_application_activate;
  app_class->open = fw_application_open;
}

static void
fw_application_init (FwApplication *self)
{
}

FwApplication *
fw_application_new (void)
{
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_RESOURCE_PATH,
                       NULL);
}
