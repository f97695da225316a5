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
 * saying so in the window, not silence. */

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  g_message ("Could not show help:%s: %s", APP_ID, error->message);
  fw_window_show_error (self, _("The guide could not be opened: it needs a help viewer, such as GNOME’s Help (the “yelp” package)."));
}

static void
help_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_show_uri_full (GTK_WINDOW (widget), "help:" APP_ID, GDK_CURRENT_TIME, NULL,
                     on_help_shown, g_object_ref (widget));
}

void
fw_window_class_add_help (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_activated);
}
