/* fw-application.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "fw-app-resources.h"
#include "fw-application.h"
#include "fw-color-scheme.h"
#include "fw-settings.h"
#include "fw-shortcut-keys.h"
#include "fw-window.h"

struct _FwApplication
{
  GtkApplication parent_instance;

  /* Recovery copies of unsaved work (fw-recovery.h); NULL when the
   * state folder cannot be used. */
  FwRecovery    *recovery;
  /* Copies left by a program that ended without saving or discarding
   * them, offered in the first window shown. */
  GPtrArray     *recovered;
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
  { "win.help",       { "F1", NULL } },
  { "win.show-catalog",      { "F9", NULL } },
  { "app.side-pane-visible", { "<Shift>F9", NULL } },
  { "win.show-projection",   { "<Control>F9", NULL } },
  { "scenario.new",        { "<Shift><Control>n", NULL } },
  { "scenario.duplicate",  { "<Control>d", NULL } },
  { "scenario.ask-rename", { "F2", NULL } },
  { "win.export",     { "<Shift><Control>e", NULL } },
  { "win.print",      { "<Control>p", NULL } },
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

/* Writes every window's unsaved work as a recovery copy, at once: the
 * program is about to end without asking (SIGTERM, the session ending). */
static void
write_recovery_copies (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (FW_IS_WINDOW (l->data))
      fw_window_recovery_write_now (l->data);
}

/* SIGTERM, SIGINT and SIGHUP (a logout, `kill`, Ctrl+C, a closed
 * terminal) end the program at once, as users and service managers
 * expect, but no unsaved work is lost: it is written as recovery copies
 * first, offered back at the next start. */
static gboolean
on_terminate (gpointer user_data)
{
  GApplication *app = user_data;

  g_message ("Asked to end: keeping unsaved work as recovery copies");
  write_recovery_copies (GTK_APPLICATION (app));
  g_application_quit (app);
  return G_SOURCE_CONTINUE;
}

/* The session is ending (GtkApplication:register-session): the session
 * manager may end the program any moment now. */
static void
on_query_end (GtkApplication *app)
{
  write_recovery_copies (app);
}

static void
start_recovery (FwApplication *self)
{
  g_autofree char *folder = fw_recovery_default_folder ();
  g_autoptr(GError) error = NULL;

  self->recovery = fw_recovery_new (folder, &error);
  if (self->recovery == NULL)
    {
      g_warning ("No recovery copies: %s", error->message);
      return;
    }
  self->recovered = fw_recovery_adopt_orphans (self->recovery);
}

/* The copies found at start, each offered in @window (once). */
static void
offer_recovered (FwApplication *self,
                 FwWindow      *window)
{
  if (self->recovered == NULL)
    return;
  for (guint i = 0; i < self->recovered->len; i++)
    fw_window_offer_recovered (window, g_steal_pointer (&self->recovered->pdata[i]));
  g_clear_pointer (&self->recovered, g_ptr_array_unref);
}

static void
fw_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  FwApplication *self = FW_APPLICATION (application);

  GTK_APPLICATION_CLASS (fw_application_parent_class)->window_added (application, window);
  /* GtkApplication has just given the window its shortcuts window. */
  if (GTK_IS_APPLICATION_WINDOW (window) &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL)
    fw_shortcut_keys_name (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  if (FW_IS_WINDOW (window) && self->recovery != NULL &&
      fw_window_get_recovery_slot (FW_WINDOW (window)) == NULL)
    fw_window_set_recovery (FW_WINDOW (window), self->recovery);
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

/* The presenting preferences and the right pane shown as stateful
 * actions ("app.present-fullscreen", "app.side-pane-visible"), so the
 * menu shows them as check items bound to the settings. (The catalog's
 * is the window's "win.show-catalog": a window may fold it away.) */
static void
add_preference_actions (GActionMap *map)
{
  static const char *keys[] = { "present-fullscreen", "present-show-figures",
                                "side-pane-visible" };
  GSettings *settings = fw_settings_get ();

  for (guint i = 0; settings != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (settings, keys[i]);

      g_action_map_add_action (map, action);
    }
}

static void
fw_application_startup (GApplication *application)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* Before GtkApplication's startup, which looks in the resource for the
   * shortcuts window (gtk/help-overlay.ui). */
  fw_app_resources_ensure ();
  G_APPLICATION_CLASS (fw_application_parent_class)->startup (application);

  fw_color_scheme_follow (gtk_settings_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  add_preference_actions (G_ACTION_MAP (application));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, APP_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);

  start_recovery (FW_APPLICATION (application));
  g_unix_signal_add (SIGTERM, on_terminate, application);
  g_unix_signal_add (SIGINT, on_terminate, application);
  g_unix_signal_add (SIGHUP, on_terminate, application);
  g_signal_connect (application, "query-end", G_CALLBACK (on_query_end), NULL);
}

static void
fw_application_shutdown (GApplication *application)
{
  FwApplication *self = FW_APPLICATION (application);

  G_APPLICATION_CLASS (fw_application_parent_class)->shutdown (application);
  g_clear_pointer (&self->recovered, g_ptr_array_unref);
  /* Windows may outlive this (not finalized yet after SIGTERM, or after
   * quitting through "Save changes?"), each holding the recovery folder:
   * the lock goes now all the same, or its empty file would stay. */
  if (self->recovery != NULL)
    fw_recovery_end (self->recovery);
  g_clear_pointer (&self->recovery, fw_recovery_unref);
}

static void
fw_application_activate (GApplication *application)
{
  FwWindow *window = fw_window_new (GTK_APPLICATION (application));

  offer_recovered (FW_APPLICATION (application), window);
  gtk_window_present (GTK_WINDOW (window));
}

/* A file from the command line or a file manager opens as from the
 * window in front (fw_window_open_file ()): in it if it holds an
 * untouched new project, so `flywheel FILE` opens one window, not two;
 * else in a window of its own; a file already open brings its window
 * forward instead. */
static void
fw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));
      FwWindow *window = FW_IS_WINDOW (active) ? FW_WINDOW (active)
                                               : fw_window_new (GTK_APPLICATION (application));

      offer_recovered (FW_APPLICATION (application), window);
      fw_window_open_file (window, files[i]);
      /* Taken in place: the window comes forward (a file manager was in
       * front). A window of its own shows itself. */
      if (fw_window_find_for_file (GTK_APPLICATION (application), files[i]) == window ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_present (GTK_WINDOW (window));
    }
}

/* `flywheel --version` answers here, in the process that was run,
 * without reaching a running instance. */
static int
fw_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("flywheel %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
fw_application_class_init (FwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = fw_application_handle_local_options;
  app_class->startup = fw_application_startup;
  app_class->activate = fw_application_activate;
  app_class->open = fw_application_open;
  app_class->shutdown = fw_application_shutdown;
  GTK_APPLICATION_CLASS (klass)->window_added = fw_application_window_added;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static void
fw_application_init (FwApplication *self)
{
  GApplication *application = G_APPLICATION (self);

  g_application_add_main_option_entries (application, option_entries);
  /* `flywheel --help`: "Usage: flywheel [OPTION…] [FILE…]" */
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Open Flywheel projects (.flywheel files), or a new project."));
}

FwApplication *
fw_application_new (void)
{
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_RESOURCE_PATH,
                       /* For "query-end" when the session ends. */
                       "register-session", TRUE,
                       NULL);
}
