/* fw-window-help.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-help"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-window-private.h"

/* F1 and Help in the main menu open the user guide (help/, installed as
 * share/help/LANG/APP_ID) in the desktop's help viewer, Yelp on GNOME,
 * which picks the user's language. A desktop without one gets a sentence
 * saying so in the window, not silence; so does a file the window
 * offers to open (fw_window_show_uri ()). */

typedef struct
{
  FwWindow *window;
  char     *uri;
  char     *failure;   /* for the window's banner */
} Showing;

static void
on_shown (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Showing *showing = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_message ("Could not show %s: %s", showing->uri, error->message);
      fw_window_show_error (showing->window, showing->failure);
    }
  g_object_unref (showing->window);
  g_free (showing->uri);
  g_free (showing->failure);
  g_free (showing);
}

void
fw_window_show_uri (FwWindow   *self,
                    const char *uri,
                    const char *failure)
{
  Showing *showing = g_new0 (Showing, 1);

  showing->window = g_object_ref (self);
  showing->uri = g_strdup (uri);
  showing->failure = g_strdup (failure);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, on_shown, showing);
}

static void
help_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fw_window_show_uri (FW_WINDOW (widget), "help:" APP_ID,
                      _("The guide could not be opened: it needs a help viewer, such as GNOME’s Help (the “yelp” package)."));
}

void
fw_window_class_add_help (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_activated);
}
