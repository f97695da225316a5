/* fw-focus-home.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-focus-home"

#include "fw-focus-home.h"

typedef struct
{
  GtkWindow *window;   /* unowned: the data lives on it */
  GtkWidget *home;     /* unowned: a descendant of the window */
  guint      idle_id;
} FocusHome;

gboolean
fw_focus_home_is_visible (GtkWindow *window)
{
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL && gtk_widget_get_mapped (focus);
}

static gboolean
bring_focus_home (gpointer data)
{
  FocusHome *home = data;

  home->idle_id = 0;
  /* Only a window the user is in: a dialog on top has the keyboard. */
  if (gtk_widget_get_mapped (GTK_WIDGET (home->window)) &&
      gtk_window_is_active (home->window) &&
      !fw_focus_home_is_visible (home->window) &&
      gtk_widget_get_mapped (home->home))
    gtk_widget_grab_focus (home->home);

  return G_SOURCE_REMOVE;
}

static void
on_focus_changed (GtkWindow  *window,
                  GParamSpec *pspec,
                  FocusHome  *home)
{
  if (home->idle_id == 0 && !fw_focus_home_is_visible (window))
    home->idle_id = g_idle_add (bring_focus_home, home);
}

static void
focus_home_free (gpointer data)
{
  FocusHome *home = data;

  g_clear_handle_id (&home->idle_id, g_source_remove);
  g_free (home);
}

void
fw_focus_home_install (GtkWindow *window,
                       GtkWidget *home_widget)
{
  FocusHome *home;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (home_widget));

  home = g_new0 (FocusHome, 1);
  home->window = window;
  home->home = home_widget;
  g_object_set_data_full (G_OBJECT (window), "fw-focus-home", home, focus_home_free);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), home);
  /* Coming back to the window (a dialog closed) with nowhere to go. */
  g_signal_connect (window, "notify::is-active", G_CALLBACK (on_focus_changed), home);
}

void
fw_focus_home_set (GtkWindow *window,
                   GtkWidget *home_widget)
{
  FocusHome *home;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (home_widget));

  home = g_object_get_data (G_OBJECT (window), "fw-focus-home");
  g_return_if_fail (home != NULL);
  home->home = home_widget;
}
