/* fw-wheel-view-tip.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-display-number.h"
#include "fw-point-text.h"
#include "fw-wheel-view-private.h"

/* What a stage or a point of the wheel is, in words: the tooltip the
 * pointer gets, and the same words beside the selection while the
 * keyboard walks round the wheel. Moving with the arrows showed only a
 * ring round a marker among four packed ones: a keyboard-only user had
 * to open each point to learn its name (user review, R5-17). GTK 4.8
 * shows a tooltip only under the pointer, so the keyboard's is a
 * popover of its own, which never takes the focus from the wheel. */

char *
fw_wheel_view_point_markup (FwWheelView *self,
                            guint        index)
{
  const FwProject *project = fw_document_get_project (self->document);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  const FwPoint *point = fw_scenario_get_point (scenario, index);
  guint stage = fw_projection_get_point_stage (self->scene.projection, index);
  double impact = fw_projection_get_point_impact (self->scene.projection, index);
  g_autofree char *place = fw_point_text_place (point->kind, fw_scenario_get_stage (scenario, stage)->name);
  g_autofree char *effects = fw_point_text_effects (point->conversion, point->churn, point->referral);
  g_autofree char *outcome = fw_point_text_impact (project, point->enabled, impact);
  g_autofree char *against = fw_point_text_against (point);

  /* Name, "Friction on Engage", effects, impact; and why it is flagged. */
  if (against != NULL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s\n%s\n%s\n%s", point->name, place, effects, outcome, against);
  return g_markup_printf_escaped ("<b>%s</b>\n%s\n%s\n%s", point->name, place, effects, outcome);
}

char *
fw_wheel_view_stage_markup (FwWheelView *self,
                            guint        index)
{
  const FwStage *stage = fw_scenario_get_stage (fw_session_get_scenario (self->session), index);
  const FwRates *rates = fw_projection_get_rates (self->scene.projection, index);
  const double *counts = fw_projection_get_counts (self->scene.projection, self->scene.period);
  g_autofree char *count = fw_display_count (counts[index]);
  g_autofree char *advance = fw_display_percent (rates->advance);
  g_autofree char *loss = fw_display_percent (rates->loss);
  const char *period = fw_point_text_period (fw_document_get_project (self->document)->period);
  g_autofree char *markup = g_markup_printf_escaped (_("<b>%s</b>\n%s people\n%s move on, %s lost per %s"),
                                                     stage->name, count, advance, loss, period);
  g_autofree char *before = fw_point_text_before_points (fw_session_get_scenario (self->session), index,
                                                         rates->advance, rates->loss);
  g_autofree char *escaped = NULL;

  /* The rates used, points applied; and the fields' when those differ. */
  if (before == NULL)
    return g_steal_pointer (&markup);
  escaped = g_markup_escape_text (before, -1);
  return g_strconcat (markup, "\n", escaped, NULL);
}

/* The rectangle the tip points at: the selected point's marker, or the
 * middle of the selected stage's arc; and the side away from the
 * wheel's centre, so the tip never covers the ring's middle nor the
 * markers next to the one it names. */
gboolean
fw_wheel_view_selection_rect (FwWheelView     *self,
                              GdkRectangle    *rect,
                              GtkPositionType *side)
{
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  double x, y, dx, dy;

  if (self->scene.selected_point >= 0 && self->scene.selected_point < (int) scenario->points->len)
    {
      fw_wheel_view_marker_rect (self, self->scene.selected_point, rect);
    }
  else if (self->scene.selected_stage >= 0 && self->scene.selected_stage < (int) scenario->stages->len)
    {
      double start, end;

      fw_scenario_stage_arc (scenario, self->scene.selected_stage, &start, &end);
      fw_wheel_layout_position (&self->layout, (start + end) / 2.0, self->layout.outer, &x, &y);
      *rect = (GdkRectangle) { (int) x - 1, (int) y - 1, 2, 2 };
    }
  else
    {
      return FALSE;
    }

  dx = rect->x + rect->width / 2.0 - self->layout.cx;
  dy = rect->y + rect->height / 2.0 - self->layout.cy;
  if (ABS (dx) >= ABS (dy))
    *side = dx < 0 ? GTK_POS_LEFT : GTK_POS_RIGHT;
  else
    *side = dy < 0 ? GTK_POS_TOP : GTK_POS_BOTTOM;

  return TRUE;
}

static char *
selection_markup (FwWheelView *self)
{
  if (self->scene.selected_point >= 0)
    return fw_wheel_view_point_markup (self, self->scene.selected_point);
  if (self->scene.selected_stage >= 0)
    return fw_wheel_view_stage_markup (self, self->scene.selected_stage);
  return NULL;
}

static void
create_tip (FwWheelView *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  self->tip = gtk_popover_new ();
  gtk_widget_add_css_class (self->tip, "wheel-tip");
  /* Only words: no click lands on it, no focus moves into it, and it
   * stays up while the arrows move the selection on. */
  gtk_popover_set_autohide (GTK_POPOVER (self->tip), FALSE);
  gtk_widget_set_can_focus (self->tip, FALSE);
  gtk_widget_set_can_target (self->tip, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_popover_set_child (GTK_POPOVER (self->tip), label);
  gtk_widget_set_parent (self->tip, GTK_WIDGET (self));
  self->tip_label = label;
}

/* The tip's words and place, from the selection as it is now. */
void
fw_wheel_view_update_tip (FwWheelView *self)
{
  g_autofree char *markup = NULL;
  GtkPositionType side;
  GdkRectangle rect;

  if (self->tip == NULL || !gtk_widget_get_visible (self->tip))
    return;

  markup = self->document != NULL && self->session != NULL ? selection_markup (self) : NULL;
  if (markup == NULL || !fw_wheel_view_selection_rect (self, &rect, &side))
    {
      fw_wheel_view_hide_tip (self);
      return;
    }

  gtk_label_set_markup (GTK_LABEL (self->tip_label), markup);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tip), &rect);
  gtk_popover_set_position (GTK_POPOVER (self->tip), side);
}

void
fw_wheel_view_show_tip (FwWheelView *self)
{
  if (self->presenting || self->document == NULL || self->editor != NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->scene.selected_point < 0 && self->scene.selected_stage < 0)
    {
      fw_wheel_view_hide_tip (self);
      return;
    }

  if (self->tip == NULL)
    create_tip (self);
  gtk_popover_popup (GTK_POPOVER (self->tip));
  fw_wheel_view_update_tip (self);
}

void
fw_wheel_view_hide_tip (FwWheelView *self)
{
  if (self->tip != NULL && gtk_widget_get_visible (self->tip))
    gtk_popover_popdown (GTK_POPOVER (self->tip));
}

const char *
fw_wheel_view_get_tip_text (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  if (self->tip == NULL || !gtk_widget_get_visible (self->tip))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->tip_label));
}
