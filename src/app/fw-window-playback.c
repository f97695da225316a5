/* fw-window-playback.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-playback"

#include "fw-playback.h"
#include "fw-window-private.h"

/* Playing the periods forward, pausing and stepping: "win." actions on
 * the window's session, the same for the playback bar's buttons, the
 * keyboard, presenting and the tests.
 *
 *   win.play-pause    Space (unless the focus wants it: see below)
 *   win.step-forward  Alt+Right   one period on, pausing
 *   win.step-back     Alt+Left    one period back, pausing
 *   win.go-to-start   Alt+Home    period 0 (playing goes on from there)
 *   win.go-to-end     Alt+End     period H, paused
 *
 * The plain arrows, Home and End belong to the wheel (stages and
 * points); the period slider takes them too when it has the focus. */

static FwSession *
session_of (GtkWidget *widget)
{
  return fw_window_get_session (FW_WINDOW (widget));
}

static guint
horizon_of (FwSession *session)
{
  return fw_document_get_project (fw_session_get_document (session))->horizon;
}

static void
play_pause_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwSession *session = session_of (widget);

  if (fw_session_get_playing (session))
    {
      fw_session_set_playing (session, FALSE);
      return;
    }
  /* At the end, playing again starts from the beginning, as a media
   * player does. */
  if (fw_session_get_period (session) >= horizon_of (session))
    fw_session_set_period (session, 0);
  fw_session_set_playing (session, TRUE);
}

static void
step (GtkWidget *widget,
      int        delta)
{
  FwSession *session = session_of (widget);
  guint period = fw_session_get_period (session);

  fw_session_set_playing (session, FALSE);
  if (delta < 0 && period > 0)
    fw_session_set_period (session, period - 1);
  else if (delta > 0)
    fw_session_set_period (session, period + 1);
}

static void
step_forward_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step (widget, 1);
}

static void
step_back_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step (widget, -1);
}

static void
go_to_start_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  fw_session_set_period (session_of (widget), 0);
}

static void
go_to_end_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwSession *session = session_of (widget);

  fw_session_set_playing (session, FALSE);
  fw_session_set_period (session, horizon_of (session));
}

/* Stepping past either end is not offered: the buttons grey out there. */
static void
update_playback_actions (FwWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint period = fw_session_get_period (self->session);
  guint horizon = horizon_of (self->session);

  gtk_widget_action_set_enabled (widget, "win.step-back", period > 0);
  gtk_widget_action_set_enabled (widget, "win.go-to-start", period > 0);
  gtk_widget_action_set_enabled (widget, "win.step-forward", period < horizon);
  gtk_widget_action_set_enabled (widget, "win.go-to-end", period < horizon);
}

/* The tab on show in a row of tabs (a GtkStackSwitcher's toggle
 * button that is already active): Space there would do nothing. */
static gboolean
is_active_tab (GtkWidget *focus)
{
  return GTK_IS_TOGGLE_BUTTON (focus) &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)) &&
         GTK_IS_STACK_SWITCHER (gtk_widget_get_parent (focus));
}

/* Space is the instructor's play and pause, wherever the focus is,
 * except where Space already means something: typing into a field,
 * pressing the focused button, flipping a switch or a check box,
 * activating a row. The playback bar's buttons do not take the focus
 * when clicked (as a media player's), and a click on the tab on show
 * leaves it there, so after either Space still plays (verifier V10-01:
 * after one click on "Next period" Space stepped again instead). */
static gboolean
focus_takes_space (GtkWidget *focus)
{
  if (focus == NULL || is_active_tab (focus))
    return FALSE;

  return GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
         GTK_IS_BUTTON (focus) || GTK_IS_CHECK_BUTTON (focus) ||
         GTK_IS_SWITCH (focus) ||
         (GTK_IS_LIST_BOX_ROW (focus) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwWindow              *self)
{
  if (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return FALSE;
  if (focus_takes_space (gtk_root_get_focus (GTK_ROOT (self))))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.play-pause", NULL);
  return TRUE;
}

void
fw_window_class_add_playback_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.play-pause", NULL, play_pause_activated);
  gtk_widget_class_install_action (widget_class, "win.step-forward", NULL, step_forward_activated);
  gtk_widget_class_install_action (widget_class, "win.step-back", NULL, step_back_activated);
  gtk_widget_class_install_action (widget_class, "win.go-to-start", NULL, go_to_start_activated);
  gtk_widget_class_install_action (widget_class, "win.go-to-end", NULL, go_to_end_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.step-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, "win.step-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.step-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "win.step-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.go-to-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, GDK_ALT_MASK, "win.go-to-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_ALT_MASK, "win.go-to-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, GDK_ALT_MASK, "win.go-to-end", NULL);
}

void
fw_window_init_playback (FwWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->playback = fw_playback_new (self->session, GTK_WIDGET (self));

  /* Before the focused widget sees the key, so that Space plays on the
   * wheel (whose Enter edits) and on the slider alike. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self->session, "notify::period",
                           G_CALLBACK (update_playback_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (update_playback_actions), self, G_CONNECT_SWAPPED);
  update_playback_actions (self);
}

FwPlayback *
fw_window_get_playback (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  return self->playback;
}
