/* fw-wheel-view-dnd.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-view"

#include <math.h>

#include "fw-point-value.h"
#include "fw-wheel-view-private.h"

/* The pointer side of the wheel: points dropped from the palette, points
 * dragged round the rim or off it, clicks on stages and markers, and the
 * cursor that says what a press would do. */

static int
drag_threshold (FwWheelView *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-dnd-drag-threshold", &threshold,
                NULL);
  return threshold;
}

static void
set_cursor (FwWheelView *self,
            const char  *name)
{
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (self));
  const char *current = cursor != NULL ? gdk_cursor_get_name (cursor) : NULL;

  if (g_strcmp0 (current, name) != 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* What a press at (@x, @y) would do, shown before it is done. */
static void
update_cursor (FwWheelView *self,
               double       x,
               double       y)
{
  guint index;

  if (self->drag_point >= 0)
    {
      set_cursor (self, "grabbing");
      return;
    }

  switch (fw_wheel_view_hit (self, x, y, &index))
    {
    case FW_WHEEL_HIT_POINT:
      set_cursor (self, "grab");
      break;
    case FW_WHEEL_HIT_STAGE:
      set_cursor (self, "pointer");
      break;
    case FW_WHEEL_HIT_HUB:
    case FW_WHEEL_HIT_NONE:
    default:
      set_cursor (self, NULL);
      break;
    }
}

static void
on_pointer_motion (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   FwWheelView              *self)
{
  update_cursor (self, x, y);
}

static void
on_pointer_leave (GtkEventControllerMotion *motion,
                  FwWheelView              *self)
{
  if (self->drag_point < 0)
    set_cursor (self, NULL);
}

/* Forgets the point being dragged and its look. */
static void
clear_drag (FwWheelView *self)
{
  gboolean was_shown = self->scene.dragged_point >= 0;

  self->drag_point = -1;
  self->drag_moved = FALSE;
  self->drag_edited = FALSE;
  self->scene.dragged_point = -1;
  self->scene.dragged_off = FALSE;

  /* The static layer left the dragged point out. */
  if (was_shown)
    fw_wheel_view_invalidate_static (self);
}

/* Ends the press without acting on it; with @restore, a point dragged
 * so far goes back where it was. */
static void
abandon_press (FwWheelView *self,
               gboolean     restore)
{
  gboolean edited = self->drag_edited;

  self->press_active = FALSE;
  clear_drag (self);
  set_cursor (self, NULL);

  /* The moves of this drag are a run of their own (sealed when it
   * started): taking the run back puts the point back exactly, and
   * leaves no redo step of a drag the user called off. */
  if (restore && edited && self->document != NULL)
    fw_document_cancel_run (self->document);
}

gboolean
fw_wheel_view_cancel_drag (FwWheelView *self,
                           gboolean     restore)
{
  gboolean dragging = self->drag_point >= 0;

  if (!self->press_active)
    return FALSE;

  abandon_press (self, restore);
  /* Stops the gesture for good: its drag-end is not acted on. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));

  return dragging;
}

/* The system took the pointer away (a grab, a window closing). */
static void
on_gesture_cancel (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   FwWheelView      *self)
{
  if (self->press_active)
    abandon_press (self, TRUE);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FwWheelView    *self)
{
  guint index;

  if (self->document == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* The pointer has its own tooltip. */
  fw_wheel_view_hide_tip (self);

  self->press_active = TRUE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_moved = FALSE;
  self->drag_edited = FALSE;
  self->drag_point = -1;

  if (fw_wheel_view_hit (self, x, y, &index) == FW_WHEEL_HIT_POINT)
    {
      /* Selected at once, as a press selects in any list. */
      fw_wheel_view_select (self, -1, index);
      self->drag_point = index;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      set_cursor (self, "grabbing");
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                FwWheelView    *self)
{
  const FwPoint *point;
  double x, y, angle;
  gboolean off;

  if (self->drag_point < 0)
    return;

  if (!self->drag_moved)
    {
      if (hypot (offset_x, offset_y) < drag_threshold (self))
        return;

      /* The moves of this drag become one undo step of their own. */
      self->drag_moved = TRUE;
      fw_wheel_view_seal_moves (self);
      fw_document_seal (self->document);
    }

  x = self->drag_start_x + offset_x;
  y = self->drag_start_y + offset_y;
  angle = fw_wheel_view_angle_at (self, x, y);
  off = fw_wheel_layout_is_off (&self->layout, x, y);

  if (self->scene.dragged_point != self->drag_point)
    {
      self->scene.dragged_point = self->drag_point;
      fw_wheel_view_invalidate_static (self);
    }
  self->scene.dragged_angle = angle;
  self->scene.dragged_off = off;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Off the wheel, the point stays where it last was in the document:
   * brought back, it carries on from there; let go, it is removed. */
  point = fw_scenario_get_point (fw_session_get_scenario (self->session), self->drag_point);
  if (off || point->angle == angle)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "point.move", "(ud)", (guint) self->drag_point, angle);
  point = fw_scenario_get_point (fw_session_get_scenario (self->session), self->drag_point);
  if (point->angle != angle)
    {
      /* Refused (the window says why): back to where the drag began. */
      fw_wheel_view_cancel_drag (self, TRUE);
      return;
    }
  self->drag_edited = TRUE;
}

static void
click_at (FwWheelView *self,
          double       x,
          double       y)
{
  guint index;

  switch (fw_wheel_view_hit (self, x, y, &index))
    {
    case FW_WHEEL_HIT_STAGE:
      fw_wheel_view_activate_stage (self, index);
      break;
    case FW_WHEEL_HIT_POINT:
      fw_wheel_view_edit_point (self, index);
      break;
    case FW_WHEEL_HIT_HUB:
    case FW_WHEEL_HIT_NONE:
    default:
      fw_wheel_view_select (self, -1, -1);
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             FwWheelView    *self)
{
  int point = self->drag_point;
  gboolean moved = self->drag_moved;
  gboolean edited = self->drag_edited;
  gboolean off = self->scene.dragged_off;

  /* A cancelled press ends here too, after the gesture was reset. */
  if (!self->press_active || self->document == NULL)
    return;
  self->press_active = FALSE;

  if (point < 0)
    {
      /* A press that was not on a marker: a click, if it stayed put. */
      if (hypot (offset_x, offset_y) < drag_threshold (self))
        click_at (self, self->drag_start_x, self->drag_start_y);
      return;
    }

  clear_drag (self);
  update_cursor (self, self->drag_start_x + offset_x, self->drag_start_y + offset_y);

  if (!moved)
    {
      /* A click on a marker edits the point. */
      fw_wheel_view_edit_point (self, point);
      return;
    }

  if (!off)
    {
      fw_document_seal (self->document);
      fw_wheel_view_select (self, -1, point);
      return;
    }

  /* Dragged off: removed as one undo step, from where it was before the
   * drag rather than from the last place it passed through. */
  if (edited)
    fw_document_undo (self->document);
  /* As with Delete, the selection moves to the stage it was on. */
  gtk_widget_activate_action (GTK_WIDGET (self), "point.remove", "u", (guint) point);
}

static void
clear_highlight (FwWheelView *self)
{
  if (self->scene.highlight_stage >= 0)
    {
      self->scene.highlight_stage = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The hub has no angle a user could mean: the centre's direction is
 * only noise, so a point dropped there would land on the seam between
 * the first and the last stage. Drops count only on the ring and just
 * outside it. */
static gboolean
is_over_hub (FwWheelView *self,
             double       x,
             double       y)
{
  double distance;

  fw_wheel_layout_polar (&self->layout, x, y, NULL, &distance);
  return distance < self->layout.hub;
}

static GdkDragAction
on_drop_hover (GtkDropTarget *target,
               double         x,
               double         y,
               FwWheelView   *self)
{
  const FwScenario *scenario;
  double angle;
  int stage;

  if (self->document == NULL)
    return 0;

  if (is_over_hub (self, x, y))
    {
      /* Nothing to light and nothing to drop on: refused, so the
       * pointer shows that letting go here does nothing. */
      clear_highlight (self);
      return 0;
    }

  scenario = fw_session_get_scenario (self->session);
  angle = fw_wheel_view_angle_at (self, x, y);
  stage = fw_scenario_stage_at_angle (scenario, angle);

  if (stage != self->scene.highlight_stage || angle != self->scene.highlight_angle)
    {
      self->scene.highlight_stage = stage;
      self->scene.highlight_angle = angle;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               FwWheelView   *self)
{
  clear_highlight (self);
}

/* The point lands where the pointer is, on the stage that was lit. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWheelView   *self)
{
  g_autoptr(FwPoint) point = NULL;
  const FwPoint *dropped = g_value_get_boxed (value);
  guint before;

  clear_highlight (self);

  if (self->document == NULL || dropped == NULL || is_over_hub (self, x, y))
    return FALSE;

  point = fw_point_copy (dropped);
  point->angle = fw_wheel_view_angle_at (self, x, y);
  /* The window's one path for adding a point, as the catalog's keyboard
   * path takes: it adds, selects the new point and says any refusal. */
  before = fw_session_get_scenario (self->session)->points->len;
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "point.add",
                                      fw_point_value_to_variant (point));
  if (fw_session_get_scenario (self->session)->points->len <= before)
    return FALSE;

  /* Delete or Enter act on the new point from here. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
fw_wheel_view_init_dnd (FwWheelView *self)
{
  GtkDropTarget *target;
  GtkEventController *motion;
  GtkGesture *drag;

  target = gtk_drop_target_new (FW_TYPE_POINT_VALUE, GDK_ACTION_COPY);
  /* The value is read while hovering, as GtkColorSwatch does, so the
   * drop can never land somewhere the highlight did not show. */
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_hover), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_hover), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_gesture_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  self->drag_gesture = drag;

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_pointer_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_pointer_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
