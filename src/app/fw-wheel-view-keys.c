/* fw-wheel-view-keys.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-view"

#include <math.h>

#include "fw-wheel-view-private.h"

/* The wheel from the keyboard alone:
 *   Left/Right, Home/End     previous/next, first/last stage (wrapping)
 *   Down/Up                  into a stage's points in rim order and back
 *   Ctrl+Left/Right, < >     move the selected point 5° round the rim
 *   Shift+Ctrl+Left/Right    the same by 1°
 *   Delete, BackSpace        remove the selected point
 *   Enter                    edit the point / reveal the stage
 * (Space plays and pauses the periods: fw-window-playback.c.)
 *   Escape                   cancel a drag, then clear the selection */

#define COARSE_STEP 5.0
#define FINE_STEP   1.0
/* A pause this long ends a run of keyboard moves: one undo step each. */
#define SEAL_DELAY_MS 1000

/* A selection made from the keyboard says what it is (the tip beside
 * it, fw-wheel-view-tip.c) and takes the side panel to its stage, as a
 * click does: the arrows showed only a ring (user review, R5-17). */
static void
select_from_keys (FwWheelView *self,
                  int          stage,
                  int          point)
{
  fw_wheel_view_select (self, stage, point);
  stage = fw_session_get_selected_stage (self->session);
  point = fw_session_get_selected_point (self->session);
  if (stage >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-stage", "i", stage);
  else if (point >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-stage", "u",
                                fw_projection_get_point_stage (fw_session_get_projection (self->session), point));
  fw_wheel_view_show_tip (self);
}

static const FwScenario *
scenario_of (FwWheelView *self)
{
  return fw_session_get_scenario (self->session);
}

/* The selection is the session's. */
static int
selected_stage (FwWheelView *self)
{
  return fw_session_get_selected_stage (self->session);
}

static int
selected_point (FwWheelView *self)
{
  return fw_session_get_selected_point (self->session);
}

static guint
stage_of_point (FwWheelView *self,
                guint        point)
{
  return fw_projection_get_point_stage (fw_session_get_projection (self->session), point);
}

static int
compare_rim_order (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const FwScenario *scenario = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  double ai = fw_angle_normalize (fw_scenario_get_point (scenario, i)->angle);
  double aj = fw_angle_normalize (fw_scenario_get_point (scenario, j)->angle);

  if (ai != aj)
    return ai < aj ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

/* The points on @stage in the order they sit on the rim, clockwise. */
static GArray *
points_on_stage (FwWheelView *self,
                 guint        stage)
{
  const FwScenario *scenario = scenario_of (self);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < scenario->points->len; k++)
    {
      if (stage_of_point (self, k) == stage)
        g_array_append_val (points, k);
    }
  g_array_sort_with_data (points, compare_rim_order, (gpointer) scenario);

  return points;
}

static int
index_in (GArray *points,
          guint   point)
{
  for (guint i = 0; i < points->len; i++)
    {
      if (g_array_index (points, guint, i) == point)
        return i;
    }

  return -1;
}

/* The stage the selection is on: the stage itself or the point's. */
static int
current_stage (FwWheelView *self)
{
  if (selected_point (self) >= 0)
    return stage_of_point (self, selected_point (self));

  return selected_stage (self);
}

static void
step_stage (FwWheelView *self,
            int          delta)
{
  int n = scenario_of (self)->stages->len;
  int current = current_stage (self);

  if (current < 0)
    select_from_keys (self, delta > 0 ? 0 : n - 1, -1);
  else
    select_from_keys (self, ((current + delta) % n + n) % n, -1);
}

static void
step_down (FwWheelView *self)
{
  g_autoptr(GArray) points = NULL;
  int stage = current_stage (self);
  int at;

  if (stage < 0)
    {
      select_from_keys (self, 0, -1);
      return;
    }

  points = points_on_stage (self, stage);
  if (points->len == 0)
    return;

  if (selected_point (self) < 0)
    {
      select_from_keys (self, -1, g_array_index (points, guint, 0));
      return;
    }

  at = index_in (points, selected_point (self));
  if (at + 1 < (int) points->len)
    select_from_keys (self, -1, g_array_index (points, guint, at + 1));
}

static void
step_up (FwWheelView *self)
{
  g_autoptr(GArray) points = NULL;
  int stage, at;

  if (selected_point (self) < 0)
    return;

  stage = current_stage (self);
  points = points_on_stage (self, stage);
  at = index_in (points, selected_point (self));
  if (at > 0)
    select_from_keys (self, -1, g_array_index (points, guint, at - 1));
  else
    select_from_keys (self, stage, -1);
}

static gboolean
seal_after_pause (gpointer data)
{
  FwWheelView *self = data;

  self->seal_source = 0;
  if (self->document != NULL)
    fw_document_seal (self->document);

  return G_SOURCE_REMOVE;
}

void
fw_wheel_view_seal_moves (FwWheelView *self)
{
  if (self->seal_source == 0)
    return;

  g_clear_handle_id (&self->seal_source, g_source_remove);
  if (self->document != NULL)
    fw_document_seal (self->document);
}

static void
move_selected (FwWheelView *self,
               double       degrees)
{
  const FwPoint *point;
  double angle;

  if (selected_point (self) < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  point = fw_scenario_get_point (scenario_of (self), selected_point (self));
  /* Kept on tenths of a degree, so steps never pile up rounding dust. */
  angle = round (fw_angle_normalize (point->angle + degrees) * 10.0) / 10.0;
  if (angle >= 360.0)
    angle -= 360.0;

  gtk_widget_activate_action (GTK_WIDGET (self), "point.move", "(ud)", (guint) selected_point (self), angle);

  /* Moves of the same point merge in the document until sealed. */
  g_clear_handle_id (&self->seal_source, g_source_remove);
  self->seal_source = g_timeout_add (SEAL_DELAY_MS, seal_after_pause, self);
}

static void
remove_selected (FwWheelView *self)
{
  guint point, stage, n_points;

  if (selected_point (self) < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  point = selected_point (self);
  stage = stage_of_point (self, point);
  n_points = scenario_of (self)->points->len;
  fw_wheel_view_seal_moves (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "point.remove", "u", point);
  if (scenario_of (self)->points->len == n_points)
    return;

  /* The keyboard stays where it was: on the stage the point was on. */
  select_from_keys (self, stage, -1);
}

static gboolean
activate_selected (FwWheelView *self)
{
  if (selected_point (self) >= 0)
    fw_wheel_view_edit_point (self, selected_point (self));
  else if (selected_stage (self) >= 0)
    /* Enter on a stage takes the keyboard to its fields in the panel. */
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-stage", "u",
                                (guint) selected_stage (self));
  else
    return FALSE;

  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwWheelView           *self)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  double step = ctrl && shift ? FINE_STEP : COARSE_STEP;

  /* Keys typed into the point editor bubble up here too (the popover is
   * a child of the wheel): only the wheel's own focus counts. */
  if (self->document == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return FALSE;

  /* Alt and Super belong to mnemonics and the desktop. */
  if (state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (fw_wheel_view_cancel_drag (self, TRUE))
        return TRUE;
      if (selected_point (self) < 0 && selected_stage (self) < 0)
        return FALSE;
      select_from_keys (self, -1, -1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (ctrl)
        move_selected (self, -step);
      else
        step_stage (self, -1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (ctrl)
        move_selected (self, step);
      else
        step_stage (self, 1);
      return TRUE;

    case GDK_KEY_less:
      move_selected (self, -COARSE_STEP);
      return TRUE;

    case GDK_KEY_greater:
      move_selected (self, COARSE_STEP);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (ctrl)
        return FALSE;
      step_down (self);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (ctrl)
        return FALSE;
      step_up (self);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      select_from_keys (self, 0, -1);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      select_from_keys (self, scenario_of (self)->stages->len - 1, -1);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (ctrl)
        return FALSE;
      remove_selected (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (ctrl)
        return FALSE;
      return activate_selected (self);

    default:
      return FALSE;
    }
}

/* The tip is the keyboard's: it goes with the focus. */
static void
on_focus_leave (GtkEventControllerFocus *controller,
                FwWheelView             *self)
{
  fw_wheel_view_hide_tip (self);
}

void
fw_wheel_view_init_keys (FwWheelView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
