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
  gboolean   go_home;   /* at idle, wherever the focus is */
  gboolean   displaced; /* the focus was lost while home was greyed out */
} FocusHome;

gboolean
fw_focus_home_is_visible (GtkWindow *window)
{
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL && gtk_widget_get_mapped (focus);
}

/* Whether the user has a popover open (a menu): the keyboard is theirs. */
static gboolean
in_popover (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static gboolean
bring_focus_home (gpointer data)
{
  FocusHome *home = data;
  gboolean go_home = home->go_home;

  home->idle_id = 0;
  /* Not on screen yet (a small file opens before its window shows):
   * sent home all the same once it is (on_map ()). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (home->window)) || !gtk_widget_get_mapped (home->home))
    return G_SOURCE_REMOVE;
  home->go_home = FALSE;
  /* Sent home: only if the user is not in a menu. Lost: only in a
   * window the user is in (a dialog on top has the keyboard). */
  if (go_home ? !in_popover (home->window)
              : gtk_window_is_active (home->window) && !fw_focus_home_is_visible (home->window))
    gtk_widget_grab_focus (home->home);

  return G_SOURCE_REMOVE;
}

static void
schedule (FocusHome *home,
          gboolean   go_home)
{
  home->go_home |= go_home;
  if (home->idle_id == 0)
    home->idle_id = g_idle_add (bring_focus_home, home);
}

/* Whether the keyboard is home (on it, or inside it) and on screen:
 * before the window shows, GTK may yet give the focus to another
 * control (on_map ()). */
static gboolean
is_home (FocusHome *home)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (home->window));

  return focus != NULL && gtk_widget_get_mapped (focus) &&
         (focus == home->home || gtk_widget_is_ancestor (focus, home->home));
}

static void
on_focus_changed (GtkWindow  *window,
                  GParamSpec *pspec,
                  FocusHome  *home)
{
  /* Home: a request to go there is answered. Left queued, it would take
   * the keyboard from wherever it goes next when its idle callback runs,
   * which can be seconds later on a slow machine (frames slower than the
   * screen's refresh starve idle callbacks): a save's notice put the
   * keyboard on the field it names and lost it to the wheel so. */
  if (is_home (home))
    home->go_home = FALSE;
  /* Greying out the part of the window home is in (while a file opens)
   * takes the focus away from it; GTK then gives it to the first control
   * it finds when the window shows (a header bar button, a banner's
   * Discard), where a first Space or Enter would press it. */
  if (!gtk_widget_is_sensitive (home->home) && gtk_root_get_focus (GTK_ROOT (window)) == NULL)
    home->displaced = TRUE;
  if (!fw_focus_home_is_visible (window))
    schedule (home, FALSE);
}

/* GTK gives a window shown without a focus the first control it finds;
 * the focus sent home before comes home now. */
static void
on_map (GtkWindow *window,
        FocusHome *home)
{
  if (home->go_home)
    schedule (home, TRUE);
}

/* Home usable again (the file opened, or could not be): the focus its
 * greying took away comes back. */
static void
on_home_state (GtkWidget     *widget,
               GtkStateFlags  previous,
               FocusHome     *home)
{
  if (home->displaced && (previous & GTK_STATE_FLAG_INSENSITIVE) && gtk_widget_is_sensitive (widget))
    {
      home->displaced = FALSE;
      schedule (home, TRUE);
    }
}

/* Escape that comes back unanswered from a text field of the window
 * sends the keyboard home: an instructor at the keyboard gets back to
 * the wheel, and its arrows, without the mouse (verifier's V10B-11: the
 * caret stayed in "People now" however often Escape was pressed). A
 * value being typed is taken back by the first Escape, which the field
 * keeps (fw-typed-field.c); the next one comes here. A menu's or a
 * dialog's Escape closes it, as before: neither reaches the window. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FocusHome             *home)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  focus = gtk_root_get_focus (GTK_ROOT (home->window));
  if (focus == NULL || !(GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)) ||
      gtk_widget_is_ancestor (focus, home->home) || in_popover (home->window))
    return GDK_EVENT_PROPAGATE;

  /* Moved by a key, as by Tab: its ring shows where it went (GTK shows
   * rings after Tab and the arrows only). */
  gtk_window_set_focus_visible (home->window, TRUE);
  fw_focus_home_return (home->window);
  return GDK_EVENT_STOP;
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
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (home_widget));

  home = g_new0 (FocusHome, 1);
  home->window = window;
  home->home = home_widget;
  g_object_set_data_full (G_OBJECT (window), "fw-focus-home", home, focus_home_free);
  g_signal_connect (home_widget, "state-flags-changed", G_CALLBACK (on_home_state), home);
  g_signal_connect (window, "map", G_CALLBACK (on_map), home);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_changed), home);
  /* Coming back to the window (a dialog closed) with nowhere to go. */
  g_signal_connect (window, "notify::is-active", G_CALLBACK (on_focus_changed), home);

  /* After the field and everything around it had their say. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_BUBBLE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), home);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
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
  g_signal_handlers_disconnect_by_func (home->home, on_home_state, home);
  home->home = home_widget;
  g_signal_connect (home_widget, "state-flags-changed", G_CALLBACK (on_home_state), home);
}

void
fw_focus_home_return (GtkWindow *window)
{
  FocusHome *home;

  g_return_if_fail (GTK_IS_WINDOW (window));

  home = g_object_get_data (G_OBJECT (window), "fw-focus-home");
  if (home == NULL)
    return;
  /* At once when it can: a control about to go away (a banner's button)
   * then never holds the focus as it goes, which GTK would hand on to
   * the next control down at the next frame. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_mapped (home->home) &&
      !in_popover (window) && gtk_widget_grab_focus (home->home))
    {
      /* There already (no focus change to hear of): answered all the same. */
      home->go_home = FALSE;
      return;
    }
  schedule (home, TRUE);
}
