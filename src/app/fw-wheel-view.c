/* fw-wheel-view.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-view"

#include "fw-error-text.h"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fw-display-number.h"
#include "fw-image-surface.h"
#include "fw-period-blend.h"
#include "fw-point-editor.h"
#include "fw-point-text.h"
#include "fw-render-style.h"
#include "fw-wheel-view-private.h"
#include "fw-widget-util.h"

/* Below this the names and counts on the arcs no longer fit. */
#define MIN_SIZE     240
#define NATURAL_SIZE 560

G_DEFINE_FINAL_TYPE (FwWheelView, fw_wheel_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_ticking (FwWheelView *self);
static void relayout (FwWheelView *self);

/* Time as the frame clock counts it, also between frames and before the
 * widget has a clock, so tweens started from a document change line up
 * with the frames that draw them. */
static gint64
frame_time (FwWheelView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    return gdk_frame_clock_get_frame_time (clock);

  return g_get_monotonic_time ();
}

static const FwScenario *
get_scenario (FwWheelView *self)
{
  return self->session != NULL ? fw_session_get_scenario (self->session) : NULL;
}

/* Repainting the static layer costs a full vector redraw, so it is only
 * dropped when what it shows changed. */
void
fw_wheel_view_invalidate_static (FwWheelView *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->ring_pixels, cairo_surface_destroy);
  g_clear_pointer (&self->ring_node, gsk_render_node_unref);
  g_clear_pointer (&self->count_nodes, g_ptr_array_unref);
  self->counts_apart = FALSE;
  /* The overlay is drawn from the same document, size and style. */
  g_clear_pointer (&self->overlay_node, gsk_render_node_unref);
  g_clear_pointer (&self->hub_node, gsk_render_node_unref);
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Playing: the counts roll on, painted apart from the ring's pixels,
 * which stay while the labels keep their room. Presenting paused (its
 * labels keep every period's room too), the static layer is painted
 * again from the ring's pixels. */
static void
roll_counts (FwWheelView *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->count_nodes, g_ptr_array_unref);
  self->counts_apart = self->session != NULL && fw_session_get_playing (self->session);
  if (!self->counts_apart)
    g_clear_pointer (&self->ring_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The theme's colours and font; the cached layers are dropped only when
 * one of them really changed. */
static void
refresh_style (FwWheelView *self)
{
  if (fw_render_style_update (GTK_WIDGET (self), &self->style, &self->font_family))
    fw_wheel_view_invalidate_static (self);
}

/* The scene points into the document, which replaces its project on
 * every edit, and into the session's projection: refreshed before every
 * use. */
static void
sync_scene (FwWheelView *self)
{
  if (self->session == NULL)
    {
      self->scene.scenario = NULL;
      self->scene.projection = NULL;
      return;
    }

  self->scene.scenario = fw_session_get_scenario (self->session);
  self->scene.projection = fw_session_get_projection (self->session);
  self->scene.period = fw_session_get_period (self->session);
  self->scene.position = fw_session_get_position (self->session);
  self->scene.period_label = fw_point_text_period (fw_document_get_project (fw_session_get_document (self->session))->period);
  self->scene.animate = self->animations;
  self->scene.point_names = self->point_names;
  /* Presenting, the labels are fitted once to the widest numbers of any
   * period, so stepping or playing the periods never cuts a name short
   * nor moves a label (and never paints the ring again). */
  self->scene.every_period = self->presenting;
  fw_wheel_scene_set_reveal (&self->scene, self->reveal_step);
}

/* A context to lay text out on: text is measured the same on any
 * surface (fw-render-text.h). */
static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* The layout at @width x @height. Zoomed in (Ctrl+plus), the text grows
 * only as far as every stage's name still shows in full, and presenting
 * as far as the hub's words fit too (fw_wheel_fit_text): zooming in
 * never shrinks a name to a letter and an ellipsis, in the editor
 * either (the 16 stages of a crowded wheel at 1280x720). At normal size
 * or smaller there is nothing to fit, and nothing is laid out twice.
 * Fitting lays the labels out a few times over: the fit is kept until
 * the size, the text or the scenario changes (band results, which
 * reallocate, change none of them); an edit checks the fit kept
 * (refit_after_edit). */
static gboolean
fit_key_equal (const FwWheelFitKey *a,
               const FwWheelFitKey *b)
{
  return a->width == b->width && a->height == b->height
         && a->text.scale == b->text.scale && a->text.min_size == b->text.min_size
         && a->text.point_names == b->text.point_names && a->scenario == b->scenario
         && a->high_contrast == b->high_contrast && g_strcmp0 (a->font_family, b->font_family) == 0;
}

static void
compute_layout (FwWheelView *self,
                int          width,
                int          height)
{
  FwWheelFitKey key;
  cairo_t *cr;

  if (self->session == NULL)
    {
      fw_wheel_layout_compute_text (&self->layout, width, height, &self->text);
      return;
    }
  sync_scene (self);
  key.width = width;
  key.height = height;
  key.text = self->text;
  key.scenario = self->scene.scenario;
  key.high_contrast = self->style.high_contrast;
  key.font_family = (char *) self->style.font_family;
  if (self->fitted && fit_key_equal (&key, &self->fit_key))
    {
      self->layout = self->fitted_layout;
      return;
    }
  cr = measuring_context ();
  self->fitted_scale = fw_wheel_fit_text (cr, &self->layout, width, height, &self->text,
                                          &self->style, &self->scene);
  cairo_destroy (cr);
  g_free (self->fit_key.font_family);
  self->fit_key = key;
  self->fit_key.font_family = g_strdup (key.font_family);
  self->fitted_layout = self->layout;
  self->fitted = TRUE;
  self->names_whole_known = FALSE;
}

/* An edit in the editor, zoomed in: the text keeps the size it was
 * fitted to while every name still fits at it, else gives way as far as
 * they need (a longer name, a count grown a digit). It never grows on an
 * edit, so the text does not jump about while the user types; the next
 * resize or zoom fits it afresh. One label pass when the fit holds.
 * At normal size only an edit of the stages (@flags), their names or
 * counts, fits the ring again (a renamed stage may need the room a
 * smaller ring gives its label, or no longer need it); a point's edit
 * costs no label pass. */
static void
refit_after_edit (FwWheelView  *self,
                  FwChangeFlags flags)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  FwWheelText text = self->text;
  cairo_t *cr;

  if (!self->fitted || width <= 0 || height <= 0)
    return;
  if (!(self->fitted_scale > 1.0) && !(flags & (FW_CHANGE_STAGES | FW_CHANGE_STAGE_VALUES)))
    return;
  text.scale = self->fitted_scale;
  /* The hub's figure at the scale asked for, as fitting left it. */
  text.figure_scale = self->text.scale;
  cr = measuring_context ();
  self->fitted_scale = fw_wheel_fit_text (cr, &self->layout, width, height, &text,
                                          &self->style, &self->scene);
  cairo_destroy (cr);
  /* Kept for this scenario as it is now (an edit replaces it). */
  self->fit_key.scenario = self->scene.scenario;
  self->fitted_layout = self->layout;
  self->names_whole_known = FALSE;
}

/* Up to the figure the wheel turns at, eased or at once; while the
 * periods play, the wheel's speed follows the position itself, which
 * glides from period to period, and the hub's figure, a number written
 * out, rolls on with the counts on the arcs (on_position_changed). */
static void
retarget_motion (FwWheelView *self,
                 gboolean     jump)
{
  gboolean playing = self->session != NULL && fw_session_get_playing (self->session);
  gint64 now = frame_time (self);
  FwFigures figures;

  fw_period_blend_figures (self->scene.projection, fw_wheel_scene_position (&self->scene), &figures);
  fw_wheel_motion_set_target (&self->scene.motion, figures.momentum, figures.total);

  if (jump || !self->animations)
    {
      /* No animation: the final values at once, and no frames asked for. */
      self->scene.motion.speed = self->scene.motion.target_speed;
      fw_tween_init (&self->momentum, figures.momentum);
    }
  else if (playing)
    {
      /* Held between two rolls: a hub figure redrawn every frame costs
       * its text every frame, and cannot be read anyway. */
      if (!self->hold_numbers)
        fw_tween_init (&self->momentum, figures.momentum);
    }
  else if (self->momentum.to != figures.momentum)
    {
      fw_tween_retarget (&self->momentum, figures.momentum, now, FW_TWEEN_DURATION_US);
    }

  self->scene.momentum_shown = fw_tween_value (&self->momentum, now);
}

static void
append_selection (FwWheelView *self,
                        GString     *text)
{
  const FwScenario *scenario = get_scenario (self);

  if (self->scene.selected_point >= 0)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, self->scene.selected_point);
      guint stage = fw_projection_get_point_stage (self->scene.projection, self->scene.selected_point);
      const FwStage *on = fw_scenario_get_stage (scenario, stage);

      if (point->kind == FW_POINT_FORCE)
        /* Translators: a force on the wheel, on a stage */
        g_string_append_printf (text, _("Selected: force “%s” on %s"), point->name, on->name);
      else
        /* Translators: a friction point on the wheel, on a stage */
        g_string_append_printf (text, _("Selected: friction point “%s” on %s"), point->name, on->name);
      if (!point->enabled)
        g_string_append (text, _(", disabled"));
      g_string_append (text, ".");
      /* What it does to the customers, as its tooltip says it. */
      {
        g_autofree char *outcome = fw_point_text_impact (fw_document_get_project (self->document), point->enabled,
                                                         fw_projection_get_point_impact (self->scene.projection,
                                                                                         self->scene.selected_point));

        g_string_append_printf (text, " %s.", outcome);
      }
      /* The wheel flags it with a badge; a screen reader hears why. */
      {
        g_autofree char *against = fw_point_text_against (point);

        if (against != NULL)
          g_string_append_printf (text, " %s", against);
      }
    }
  else if (self->scene.selected_stage >= 0)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, self->scene.selected_stage);
      const FwRates *rates = fw_projection_get_rates (self->scene.projection, self->scene.selected_stage);
      g_autofree char *count = fw_display_count (fw_projection_get_counts (self->scene.projection, self->scene.period)[self->scene.selected_stage]);
      g_autofree char *advance = fw_display_percent (rates->advance);
      g_autofree char *loss = fw_display_percent (rates->loss);

      g_string_append_printf (text, _("Selected: stage %s."), stage->name);
      g_string_append (text, " ");
      /* Translators: a selected stage, for screen readers: "900 people, 12% move on, 8% lost per month." */
      g_string_append_printf (text, _("%s people, %s move on, %s lost per %s."), count, advance, loss,
                              self->scene.period_label);
      {
        g_autofree char *before = fw_point_text_before_points (scenario, self->scene.selected_stage,
                                                               rates->advance, rates->loss);

        if (before != NULL)
          g_string_append_printf (text, " %s.", before);
      }
    }
}

/* Says in words what the wheel draws, for screen readers: "Selected: …
 * 3 stages: Attract 900 people, Engage 300, Delight 120. 2 friction
 * points and 1 force. Momentum 245 people per month.". */
static char *
describe_wheel (FwWheelView *self)
{
  const FwScenario *scenario = get_scenario (self);
  const FwProjection *projection = self->scene.projection;
  const double *counts;
  GString *text = g_string_new (NULL);
  guint n_stages, n_frictions = 0, n_forces = 0;
  g_autofree char *momentum = NULL;

  if (scenario == NULL)
    return g_string_free (text, FALSE);

  /* The selection first: a screen reader walking round the wheel with
   * the arrows hears what it is on before the whole wheel again. */
  append_selection (self, text);
  if (text->len > 0)
    g_string_append (text, " ");

  n_stages = scenario->stages->len;
  counts = fw_projection_get_counts (projection, self->scene.period);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u stage: ", "%u stages: ", n_stages), n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, i);
      g_autofree char *count = fw_display_count (counts[i]);

      if (i > 0)
        g_string_append (text, ", ");
      if (i == 0)
        /* Translators: the first stage in the wheel's description: "Attract 900 people" */
        g_string_append_printf (text, _("%s %s people"), stage->name, count);
      else
        g_string_append_printf (text, "%s %s", stage->name, count);
    }
  g_string_append (text, ". ");

  for (guint k = 0; k < scenario->points->len; k++)
    {
      if (fw_scenario_get_point (scenario, k)->kind == FW_POINT_FORCE)
        n_forces++;
      else
        n_frictions++;
    }
  if (n_frictions > 0 || n_forces > 0)
    {
      g_autofree char *frictions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u friction point", "%u friction points", n_frictions), n_frictions);
      g_autofree char *forces = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u force", "%u forces", n_forces), n_forces);

      if (n_frictions > 0 && n_forces > 0)
        /* Translators: "2 friction points and 1 force. " */
        g_string_append_printf (text, _("%s and %s. "), frictions, forces);
      else
        g_string_append_printf (text, "%s. ", n_forces > 0 ? forces : frictions);
    }

  momentum = fw_display_count (fw_projection_get_figures (projection, self->scene.period)->momentum);
  /* Translators: "Momentum 245 people per month." */
  g_string_append_printf (text, _("Momentum %s people per %s."), momentum, self->scene.period_label);

  return g_string_free (text, FALSE);
}

static void
update_description (FwWheelView *self)
{
  g_autofree char *description = describe_wheel (self);

  /* The keyboard's tip says the same things in its own words. */
  fw_wheel_view_update_tip (self);

  /* Said again only when it says something new. */
  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* The selection is the session's: the wheel asks it to change and
 * draws what it holds (on_session_selection). */
void
fw_wheel_view_select (FwWheelView *self,
                      int          stage,
                      int          point)
{
  if (self->session != NULL)
    fw_session_set_selection (self->session, stage, point);
}

/* Takes the session's selection into the scene, wherever it was set: a
 * key, a click, a list, an action, or an edit that removed the point. */
static void
on_session_selection (FwWheelView *self)
{
  int stage = self->session != NULL ? fw_session_get_selected_stage (self->session) : -1;
  int point = self->session != NULL ? fw_session_get_selected_point (self->session) : -1;

  /* A room sees the wheel, not the editor's selection. */
  if (self->presenting)
    return;
  if (stage == self->scene.selected_stage && point == self->scene.selected_point)
    return;

  /* A run of keyboard moves ends with the point it moved. */
  if (point != self->scene.selected_point)
    fw_wheel_view_seal_moves (self);

  self->scene.selected_stage = stage;
  self->scene.selected_point = point;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fw_wheel_view_marker_rect (FwWheelView  *self,
                           guint         point,
                           GdkRectangle *rect)
{
  /* Where the marker is drawn, fanned out from its neighbours. */
  g_autofree double *angles = fw_wheel_layout_marker_angles (&self->layout, get_scenario (self));
  double x, y, r = self->layout.marker;

  fw_wheel_layout_position (&self->layout, angles[point], self->layout.rim, &x, &y);
  rect->x = (int) floor (x - r);
  rect->y = (int) floor (y - r);
  rect->width = (int) ceil (2 * r);
  rect->height = (int) ceil (2 * r);
}

static void
close_editor (FwWheelView *self)
{
  if (self->editor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
}

/* Keeps the popover's arrow on its marker as the point moves. The
 * editor opens beside its marker, outward from the wheel's centre: GTK
 * slides a popover beside its target up or down to keep it on the
 * screen (GDK_ANCHOR_SLIDE_Y), while one below or above it only flips,
 * and on a 1280x720 screen the editor (about 430 px) fits neither below
 * nor above a marker low on the wheel: it ran off the bottom edge, its
 * Remove button out of reach. Outward, it leaves the wheel's centre in
 * view; GTK flips it inward where the screen's edge is too near. */
static void
place_editor (FwWheelView *self)
{
  const FwScenario *scenario = get_scenario (self);
  GdkRectangle rect;
  int point;

  if (self->editor == NULL || scenario == NULL)
    return;

  point = (int) fw_point_editor_get_point (FW_POINT_EDITOR (self->editor));
  if (point >= (int) scenario->points->len)
    return;

  fw_wheel_view_marker_rect (self, point, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &rect);
  gtk_popover_set_position (GTK_POPOVER (self->editor),
                            rect.x + rect.width / 2.0 < self->layout.cx ? GTK_POS_LEFT : GTK_POS_RIGHT);
}

static void reset_for_document (FwWheelView *self);

/* A hidden wheel (the editor's, while presenting takes the screen) does
 * nothing for an edit, a period or a playing position but note that it
 * is behind: catch_up() takes in what the session holds when it is
 * shown again. So presenting costs what its own wheel costs. */
static gboolean
defer_while_hidden (FwWheelView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  self->behind = TRUE;
  return TRUE;
}

static void
catch_up (FwWheelView *self)
{
  if (!self->behind)
    return;
  self->behind = FALSE;
  if (self->session == NULL)
    return;

  sync_scene (self);
  on_session_selection (self);
  /* Straight to what the session shows: nothing eases from a state the
   * user never saw. */
  retarget_motion (self, TRUE);
  /* Presenting may have shown another scenario, with other names. */
  relayout (self);
  place_editor (self);
  update_description (self);
}

static void
on_session_changed (FwWheelView    *self,
                    const FwChange *change)
{
  const FwScenario *scenario;

  if (change->flags & FW_CHANGE_DOCUMENT)
    {
      reset_for_document (self);
      return;
    }
  /* Results from off the main loop: the impacts, in the tooltips only. */
  if (!(change->flags & FW_CHANGE_SHOWN) &&
      !fw_change_touches (change, fw_session_get_scenario_index (self->session)))
    return;
  if (change->flags == FW_CHANGE_RESULTS)
    return;
  if (defer_while_hidden (self))
    return;

  sync_scene (self);
  scenario = self->scene.scenario;

  /* What the selection names after the edit is the session's rule. */
  on_session_selection (self);
  if (self->drag_point >= (int) scenario->points->len)
    fw_wheel_view_cancel_drag (self, FALSE);

  /* Another scenario has other names to fit (presenting never edits);
   * an edit, other names or counts. Before the popover is placed: the
   * markers move with the text's size. */
  if (self->presenting || (change->flags & FW_CHANGE_SHOWN))
    relayout (self);
  else
    {
      refit_after_edit (self, change->flags);
      fw_wheel_view_invalidate_static (self);
    }
  retarget_motion (self, FALSE);
  place_editor (self);
  update_description (self);
  update_ticking (self);
}

/* Another period: other counts and figures, eased like an edit's. While
 * playing, on_position_changed paints and the words for a screen reader
 * wait for the pause (a description a period would flood it). */
static void
on_period_changed (FwWheelView *self)
{
  if (fw_session_get_playing (self->session) || defer_while_hidden (self))
    return;

  sync_scene (self);
  retarget_motion (self, FALSE);
  update_description (self);
  if (self->scene.every_period)
    roll_counts (self);
  else
    fw_wheel_view_invalidate_static (self);
  update_ticking (self);
}

/* Playback stopped: the numbers written out show the whole period. A
 * pause between two periods moves the position back onto one
 * (on_position_changed), but playback that stops at H by itself, or a
 * pause on a whole period, moves nothing: the counts, the referral
 * label and the hub then kept the last roll's in-between values (a
 * referral figure a few below the figures panel's at H). */
static void
on_playing_changed (FwWheelView *self)
{
  if (!fw_session_get_playing (self->session))
    on_period_changed (self);
}

/* Playing: every frame the position moves on a little. The moving
 * people and the wheel's speed follow it at once; the numbers written
 * out (the counts on the arcs and the hub's figure) roll on when the
 * session's roll does (fw_session_get_roll()), in the same frames as
 * the figures beside the wheel and each new period. Paused, the
 * position is back on its period and everything shows that period
 * exactly. */
static void
on_position_changed (FwWheelView *self)
{
  gboolean playing = fw_session_get_playing (self->session);
  guint session_roll = fw_session_get_roll (self->session);
  gboolean roll = !playing || session_roll != self->rolled;

  if (defer_while_hidden (self))
    return;
  self->rolled = session_roll;
  sync_scene (self);
  self->hold_numbers = !roll;
  retarget_motion (self, FALSE);
  self->hold_numbers = FALSE;
  if (!playing)
    update_description (self);
  /* Presenting, the ring's labels keep the room of every period's
   * numbers (FwWheelScene.every_period): only the counts change. */
  if (roll && (playing || self->scene.every_period))
    roll_counts (self);
  else if (roll)
    fw_wheel_view_invalidate_static (self);
  /* Between two rolls only the moving layers change: a frame through the
   * same gate the turning takes (fw-idle-gate.h), so playing on a slow
   * machine never starves the main loop's idle work either. */
  else if (fw_idle_gate_pass (&self->frame_gate))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  update_ticking (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FwWheelView *self = FW_WHEEL_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = 0.0;
  gboolean moving, easing;

  if (self->last_frame_time != 0)
    seconds = (now - self->last_frame_time) / (double) G_USEC_PER_SEC;
  self->last_frame_time = now;

  moving = fw_wheel_motion_advance (&self->scene.motion, seconds);
  self->scene.momentum_shown = fw_tween_value (&self->momentum, now);
  easing = !fw_tween_is_done (&self->momentum, now);

  if (moving || easing)
    {
      /* Only the moving layers are painted again: the static one is
       * replayed. On a machine too slow for every frame, one is skipped
       * until the main loop has been idle (fw-idle-gate.h): the motion
       * follows the clock, so the wheel is where it should be either way. */
      if (fw_idle_gate_pass (&self->frame_gate))
        gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }

  /* At rest, the last frame is always drawn; then nothing is asked of
   * the frame clock until the next change. */
  gtk_widget_queue_draw (widget);
  fw_idle_gate_clear (&self->frame_gate);
  self->tick_id = 0;
  self->last_frame_time = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
wants_frames (FwWheelView *self)
{
  if (!self->animations || self->document == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  return fw_wheel_motion_is_moving (&self->scene.motion) ||
         !fw_tween_is_done (&self->momentum, frame_time (self));
}

/* Installs the tick callback while something moves and removes it as
 * soon as nothing does, so a wheel at rest, hidden or with animations
 * off costs no CPU at all. */
static void
update_ticking (FwWheelView *self)
{
  gboolean wanted = wants_frames (self);

  if (wanted && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
    }
  else if (!wanted && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
      self->last_frame_time = 0;
      fw_idle_gate_clear (&self->frame_gate);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_enable_animations (FwWheelView *self,
                      GParamSpec  *pspec,
                      GtkSettings *settings)
{
  gboolean animations = TRUE;

  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  if (animations == self->animations)
    return;

  self->animations = animations;
  self->scene.animate = animations;
  if (self->document != NULL)
    retarget_motion (self, !animations);
  update_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_settings (FwWheelView *self,
                GtkSettings *settings)
{
  if (settings == self->settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_enable_animations, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "notify::gtk-enable-animations",
                               G_CALLBACK (on_enable_animations), self, G_CONNECT_SWAPPED);
      on_enable_animations (self, NULL, settings);
    }
}

/* The rectangle around the wheel, grown by @margin, inside the widget:
 * the per-frame layers are recorded no larger than this. */
static void
wheel_bounds (FwWheelView     *self,
              double           margin,
              graphene_rect_t *bounds)
{
  const FwWheelLayout *layout = &self->layout;
  double r = MAX (layout->outer, layout->rim + layout->marker) + margin;
  double x0 = MAX (0.0, layout->cx - r);
  double y0 = MAX (0.0, layout->cy - r);
  double x1 = MIN (layout->width, layout->cx + r);
  double y1 = MIN (layout->height, layout->cy + r);

  graphene_rect_init (bounds, x0, y0, MAX (0.0, x1 - x0), MAX (0.0, y1 - y0));
}

/* The numbers just painted in the counts layer, which a test compares
 * with the figures panel's (the layer is pixels: its text is not
 * otherwise to be read back). One layout per paint of the counts, at
 * most five a second while playing. */
static void
remember_numbers (FwWheelView *self,
                  cairo_t     *cr)
{
  g_free (self->painted_referrals);
  self->painted_referrals = fw_wheel_referral_text (cr, &self->layout, &self->style, &self->scene);
  if (self->painted_counts == NULL)
    return;
  g_ptr_array_set_size (self->painted_counts, 0);
  for (guint i = 0; self->scene.scenario != NULL && i < self->scene.scenario->stages->len; i++)
    g_ptr_array_add (self->painted_counts, fw_wheel_stage_count_text (&self->scene, &self->count_spots, i));
}

/* The counts over the ring's pixels. */
static void
paint_static (cairo_t  *cr,
              gpointer  data)
{
  FwWheelView *self = data;

  cairo_save (cr);
  cairo_set_source_surface (cr, self->ring_pixels, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_restore (cr);
  fw_wheel_paint_counts (cr, &self->layout, &self->style, &self->scene, &self->count_spots);
  remember_numbers (self, cr);
}

/* The ring, painted again only when it is out of date or its labels
 * need other room for the counts shown now (the next period's, while
 * playing, as well). */
static void
update_ring (FwWheelView *self,
             int          width,
             int          height,
             int          scale)
{
  gboolean kept = self->ring_pixels != NULL && self->static_width == width &&
                  self->static_height == height && self->static_scale == scale;
  double key = fw_wheel_room_key (&self->scene);
  cairo_surface_t *scratch;
  FwWheelRoom room;
  cairo_t *cr;

  /* Between the same two periods, the same room: most rolls end here. */
  if (kept && key == self->ring_room_key)
    return;

  /* Text is measured the same on any surface (fw-render-text.h). */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  fw_wheel_room_measure (&room, cr, &self->layout, &self->style, &self->scene);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  self->ring_room_key = key;
  /* Playing, the labels keep the room of every period played since the
   * ring was last painted afresh (a pause, an edit, a resize paint it
   * for the numbers shown): a count only gets more room, so the ring is
   * painted again when a number needs more than any before, not at each
   * period. Counts sit in the middle of their room. */
  if (kept && self->session != NULL && fw_session_get_playing (self->session))
    {
      fw_wheel_room_widen (&room, &self->ring_room);
      /* The referral band thickens a little with every period its flow
       * grows: its room grows in whole pixels, so the label above it
       * moves by a pixel now and then rather than the ring being
       * painted again each period. */
      room.band = ceil (room.band);
    }
  if (kept && fw_wheel_room_same_places (&room, &self->ring_room))
    return;

  g_clear_pointer (&self->ring_pixels, cairo_surface_destroy);
  self->ring_pixels = fw_image_surface_new (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->ring_pixels, scale, scale);
  self->ring_room = room;
  self->scene.room = &self->ring_room;
  cr = cairo_create (self->ring_pixels);
  fw_wheel_paint_ring (cr, &self->layout, &self->style, &self->scene, &self->count_spots);
  cairo_destroy (cr);
  self->scene.room = NULL;
  cairo_surface_flush (self->ring_pixels);
  self->rings_painted++;
}

typedef struct
{
  FwWheelView *self;
  guint        part;
  int          x, y;  /* where the part's pixels go */
} CountPart;

static void
paint_count_part (cairo_t  *cr,
                  gpointer  data)
{
  CountPart *part = data;
  FwWheelView *self = part->self;

  cairo_translate (cr, -part->x, -part->y);
  fw_wheel_paint_count_part (cr, &self->layout, &self->style, &self->scene, &self->count_spots, part->part);
}

/* Each part of the counts in pixels of its own, placed in the box its
 * ink covers (measured on a recording; painted straight into the pixels,
 * so the text is rendered as over the ring). */
static void
record_count_parts (FwWheelView *self,
                    int          scale)
{
  guint n = fw_wheel_count_parts (&self->scene);
  cairo_surface_t *scratch;
  cairo_t *cr;

  self->count_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      CountPart part = { self, i, 0, 0 };
      GskRenderNode *pixels;
      GtkSnapshot *placed;
      double x, y, w, h;
      int x1, y1;

      cr = cairo_create (recording);
      fw_wheel_paint_count_part (cr, &self->layout, &self->style, &self->scene, &self->count_spots, i);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      cairo_surface_destroy (recording);
      if (w <= 0.0 || h <= 0.0)
        continue;

      /* A pixel or two round the ink: antialiasing, and hinting the
       * recording does not do. */
      part.x = (int) floor (x) - 2;
      part.y = (int) floor (y) - 2;
      x1 = (int) ceil (x + w) + 2;
      y1 = (int) ceil (y + h) + 2;
      pixels = fw_render_texture_node (GTK_WIDGET (self), NULL, x1 - part.x, y1 - part.y, scale,
                                       paint_count_part, &part);
      placed = gtk_snapshot_new ();
      gtk_snapshot_translate (placed, &GRAPHENE_POINT_INIT (part.x, part.y));
      gtk_snapshot_append_node (placed, pixels);
      gsk_render_node_unref (pixels);
      g_ptr_array_add (self->count_nodes, gtk_snapshot_free_to_node (placed));
    }

  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  remember_numbers (self, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

/* Playing: the ring's pixels as a node of their own, kept while the ring
 * is, and the counts apart. */
static void
record_apart (FwWheelView *self,
              int          width,
              int          height,
              int          scale)
{
  guint64 rings = self->rings_painted;
  gboolean same = self->static_width == width && self->static_height == height &&
                  self->static_scale == scale;

  update_ring (self, width, height, scale);
  if (self->ring_node == NULL || !same || rings != self->rings_painted)
    {
      g_clear_pointer (&self->ring_node, gsk_render_node_unref);
      self->ring_node = fw_render_pixels_node (GTK_WIDGET (self), NULL, self->ring_pixels, width, height, scale);
    }
  self->static_width = width;
  self->static_height = height;
  self->static_scale = scale;
  if (self->count_nodes == NULL)
    {
      record_count_parts (self, scale);
      self->statics_painted++;
    }
}

/* The static layer as pixels (fw_render_texture_node() says why). */
static void
record_static (FwWheelView *self,
               int          width,
               int          height,
               int          scale)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  update_ring (self, width, height, scale);
  self->static_node = fw_render_texture_node (GTK_WIDGET (self), &self->static_pixels,
                                              width, height, scale, paint_static, self);
  self->static_width = width;
  self->static_height = height;
  self->static_scale = scale;
  self->statics_painted++;
}

/* Everything of the scene the overlay is drawn from, besides what
 * invalidates the static layer too. Zeroed first, so that it compares
 * with memcmp (padding included). */
static void
get_overlay_key (FwWheelView *self,
                 OverlayKey  *key)
{
  const FwWheelScene *scene = &self->scene;

  memset (key, 0, sizeof *key);
  key->momentum_shown = scene->momentum_shown;
  key->highlight_stage = scene->highlight_stage;
  key->highlight_angle = scene->highlight_stage >= 0 ? scene->highlight_angle : 0.0;
  key->selected_stage = scene->selected_stage;
  key->selected_point = scene->selected_point;
  key->focused = scene->focused;
  key->dragged_point = scene->dragged_point;
  key->dragged_angle = scene->dragged_point >= 0 ? scene->dragged_angle : 0.0;
  key->dragged_off = scene->dragged_off;
}

/* The hub's figure and its words, in the box their ink covers
 * (measured on a recording, as the counts' parts are). */
static GskRenderNode *
record_hub (FwWheelView *self)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  GtkSnapshot *recorder;
  double x, y, w, h;
  cairo_t *cr;

  cr = cairo_create (recording);
  fw_wheel_paint_hub (cr, &self->layout, &self->style, &self->scene);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  cairo_surface_destroy (recording);
  if (w <= 0.0 || h <= 0.0)
    return NULL;

  recorder = gtk_snapshot_new ();
  /* A pixel or two round the ink for the antialiasing. */
  cr = gtk_snapshot_append_cairo (recorder, &GRAPHENE_RECT_INIT (floor (x) - 2, floor (y) - 2,
                                                                 ceil (w) + 4, ceil (h) + 4));
  fw_wheel_paint_hub (cr, &self->layout, &self->style, &self->scene);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (recorder);
}

/* The marks: highlights reach the labels round the ring; a point
 * dragged off the wheel may be anywhere in the widget. */
static GskRenderNode *
record_marks (FwWheelView *self)
{
  GtkSnapshot *recorder = gtk_snapshot_new ();
  graphene_rect_t bounds;
  double margin;
  cairo_t *cr;

  margin = self->scene.dragged_off ? MAX (self->layout.width, self->layout.height)
                                   : self->layout.marker + 4 * self->layout.label_size;
  wheel_bounds (self, margin, &bounds);
  cr = gtk_snapshot_append_cairo (recorder, &bounds);
  fw_wheel_paint_marks (cr, &self->layout, &self->style, &self->scene);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (recorder);
}

/* While the wheel turns at a steady speed only the motion layer changes:
 * the overlay is recorded again only when what it shows changed, and
 * then only its part that changed. The hub's figure (at each roll while
 * playing) is a node in its own small box: recorded with the marks in
 * one node round the whole wheel, it made GTK redraw all of the wheel's
 * area at each roll. Under software GL each cairo node is a texture
 * upload, so keeping them halves the cost of a frame at rest speed. */
static void
record_overlay (FwWheelView     *self,
                const OverlayKey *key)
{
  GtkSnapshot *recorder;

  if (self->hub_node == NULL || key->momentum_shown != self->overlay_key.momentum_shown)
    {
      g_clear_pointer (&self->hub_node, gsk_render_node_unref);
      self->hub_node = record_hub (self);
      /* The hub's figure as painted (fw-wheel-labels.c writes it so). */
      g_free (self->painted_momentum);
      self->painted_momentum = fw_display_count (self->scene.momentum_shown);
    }
  /* The key's fields after the hub's figure are the marks'. */
  if (self->marks_node == NULL ||
      memcmp (&key->highlight_stage, &self->overlay_key.highlight_stage,
              sizeof *key - G_STRUCT_OFFSET (OverlayKey, highlight_stage)) != 0)
    {
      g_clear_pointer (&self->marks_node, gsk_render_node_unref);
      self->marks_node = record_marks (self);
    }

  recorder = gtk_snapshot_new ();
  if (self->hub_node != NULL)
    gtk_snapshot_append_node (recorder, self->hub_node);
  if (self->marks_node != NULL)
    gtk_snapshot_append_node (recorder, self->marks_node);
  g_clear_pointer (&self->overlay_node, gsk_render_node_unref);
  self->overlay_node = gtk_snapshot_free_to_node (recorder);
  self->overlay_key = *key;
}

static void
fw_wheel_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FwWheelView *self = FW_WHEEL_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t bounds;
  OverlayKey key;
  cairo_t *cr;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  sync_scene (self);
  /* Presenting keeps the keyboard focus but shows no ring to the room. */
  self->scene.focused = !self->presenting && gtk_widget_has_visible_focus (widget);
  if (self->layout.width != width || self->layout.height != height)
    compute_layout (self, width, height);

  if (self->counts_apart)
    {
      GskRenderNode *counts;

      record_apart (self, width, height, scale);
      gtk_snapshot_append_node (snapshot, self->ring_node);

      /* The counts in a container of their own: at a roll all of them
       * change at once, and GSK 4.8 gives up on a diff past 30
       * rectangles (MAX_RECTS_IN_DIFF) and takes the bounds of the
       * container it is diffing. Nested, that is the counts' own box
       * (inside the moving people's, redrawn every frame anyway), not the
       * wheel's whole area, and the diff of the rest of the window goes
       * on from a region of a few rectangles, so the figures beside the
       * wheel are redrawn as their labels, not as the whole panel. */
      counts = gsk_container_node_new ((GskRenderNode **) self->count_nodes->pdata, self->count_nodes->len);
      gtk_snapshot_append_node (snapshot, counts);
      gsk_render_node_unref (counts);
    }
  else
    {
      if (self->static_node == NULL || self->static_width != width ||
          self->static_height != height || self->static_scale != scale)
        record_static (self, width, height, scale);
      if (self->static_node != NULL)
        gtk_snapshot_append_node (snapshot, self->static_node);
    }

  /* The tread and the people moving round the ring, and those on the
   * referral path just outside it. */
  wheel_bounds (self, 2 * self->layout.marker + self->layout.label_size, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  fw_wheel_paint_motion (cr, &self->layout, &self->style, &self->scene);
  cairo_destroy (cr);

  get_overlay_key (self, &key);
  if (self->overlay_node == NULL || memcmp (&key, &self->overlay_key, sizeof key) != 0)
    record_overlay (self, &key);
  if (self->overlay_node != NULL)
    gtk_snapshot_append_node (snapshot, self->overlay_node);

  self->frames_drawn++;
}

static void
fw_wheel_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = MIN_SIZE;
  *natural = NATURAL_SIZE;
}

static void
fw_wheel_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FwWheelView *self = FW_WHEEL_VIEW (widget);

  compute_layout (self, width, height);
  if (width != self->static_width || height != self->static_height)
    fw_wheel_view_invalidate_static (self);

  if (self->editor != NULL)
    {
      place_editor (self);
      gtk_popover_present (GTK_POPOVER (self->editor));
    }
  if (self->tip != NULL && gtk_widget_get_visible (self->tip))
    {
      fw_wheel_view_update_tip (self);
      gtk_popover_present (GTK_POPOVER (self->tip));
    }
}

static void
fw_wheel_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->css_changed (widget, change);

  refresh_style (FW_WHEEL_VIEW (widget));
}

static void
fw_wheel_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->system_setting_changed (widget, setting);

  /* Fonts and their rendering live in the cached layer's text. */
  fw_wheel_view_invalidate_static (FW_WHEEL_VIEW (widget));
  refresh_style (FW_WHEEL_VIEW (widget));
}

static void
fw_wheel_view_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->state_flags_changed (widget, previous);

  /* The focus ring is part of the overlay. */
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
fw_wheel_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->map (widget);

  catch_up (FW_WHEEL_VIEW (widget));
  update_ticking (FW_WHEEL_VIEW (widget));
}

static void
fw_wheel_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->unmap (widget);

  fw_wheel_view_hide_tip (FW_WHEEL_VIEW (widget));

  /* A hidden wheel asks for no frames; map puts the callback back. */
  update_ticking (FW_WHEEL_VIEW (widget));
}

static void
fw_wheel_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fw_wheel_view_parent_class)->root (widget);

  watch_settings (FW_WHEEL_VIEW (widget), gtk_widget_get_settings (widget));
}

static void
on_scale_factor (FwWheelView *self)
{
  fw_wheel_view_invalidate_static (self);
}

static gboolean
fw_wheel_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  FwWheelView *self = FW_WHEEL_VIEW (widget);
  g_autofree char *markup = NULL;
  FwWheelHit hit;
  guint index = 0;

  if (self->document == NULL || self->drag_point >= 0)
    return FALSE;

  /* From the keyboard, the tooltip is about what is selected. */
  if (keyboard_mode && self->scene.selected_point >= 0)
    {
      hit = FW_WHEEL_HIT_POINT;
      index = self->scene.selected_point;
    }
  else if (keyboard_mode && self->scene.selected_stage >= 0)
    {
      hit = FW_WHEEL_HIT_STAGE;
      index = self->scene.selected_stage;
    }
  else if (keyboard_mode)
    {
      hit = FW_WHEEL_HIT_NONE;
    }
  else
    {
      hit = fw_wheel_view_hit (self, x, y, &index);
    }

  if (hit == FW_WHEEL_HIT_POINT)
    {
      GdkRectangle rect;

      markup = fw_wheel_view_point_markup (self, index);
      fw_wheel_view_marker_rect (self, index, &rect);
      gtk_tooltip_set_tip_area (tooltip, &rect);
    }
  else if (hit == FW_WHEEL_HIT_STAGE)
    {
      markup = fw_wheel_view_stage_markup (self, index);
    }
  else
    {
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
fw_wheel_view_dispose (GObject *object)
{
  FwWheelView *self = FW_WHEEL_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  fw_idle_gate_clear (&self->frame_gate);
  fw_wheel_view_seal_moves (self);
  g_clear_handle_id (&self->editor_cleanup, g_source_remove);
  close_editor (self);
  g_clear_pointer (&self->tip, gtk_widget_unparent);
  self->tip_label = NULL;
  watch_settings (self, NULL);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->ring_pixels, cairo_surface_destroy);
  g_clear_pointer (&self->ring_node, gsk_render_node_unref);
  g_clear_pointer (&self->count_nodes, g_ptr_array_unref);
  fw_layer_pool_clear (&self->static_pixels);
  g_clear_pointer (&self->overlay_node, gsk_render_node_unref);
  g_clear_pointer (&self->hub_node, gsk_render_node_unref);
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  g_clear_pointer (&self->painted_referrals, g_free);
  g_clear_pointer (&self->painted_momentum, g_free);
  g_clear_pointer (&self->painted_counts, g_ptr_array_unref);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fw_wheel_view_parent_class)->dispose (object);
}

static void
fw_wheel_view_finalize (GObject *object)
{
  FwWheelView *self = FW_WHEEL_VIEW (object);

  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->fit_key.font_family, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (fw_wheel_view_parent_class)->finalize (object);
}

static void
fw_wheel_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwWheelView *self = FW_WHEEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_wheel_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwWheelView *self = FW_WHEEL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      fw_wheel_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_PRESENTING:
      self->presenting = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Input for editing only on a wheel that edits. */
static void
fw_wheel_view_constructed (GObject *object)
{
  FwWheelView *self = FW_WHEEL_VIEW (object);

  G_OBJECT_CLASS (fw_wheel_view_parent_class)->constructed (object);

  if (self->presenting)
    {
      /* Tooltips are written for the editor's eyes, at its sizes. */
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), FALSE);
      return;
    }
  fw_wheel_view_init_dnd (self);
  fw_wheel_view_init_keys (self);
  fw_wheel_view_init_menu (self);
}

static void
fw_wheel_view_class_init (FwWheelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fw_wheel_view_constructed;
  object_class->dispose = fw_wheel_view_dispose;
  object_class->finalize = fw_wheel_view_finalize;
  object_class->get_property = fw_wheel_view_get_property;
  object_class->set_property = fw_wheel_view_set_property;

  widget_class->snapshot = fw_wheel_view_snapshot;
  widget_class->measure = fw_wheel_view_measure;
  widget_class->size_allocate = fw_wheel_view_size_allocate;
  widget_class->css_changed = fw_wheel_view_css_changed;
  widget_class->system_setting_changed = fw_wheel_view_system_setting_changed;
  widget_class->state_flags_changed = fw_wheel_view_state_flags_changed;
  widget_class->map = fw_wheel_view_map;
  widget_class->unmap = fw_wheel_view_unmap;
  widget_class->root = fw_wheel_view_root;
  widget_class->query_tooltip = fw_wheel_view_query_tooltip;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, FW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fwwheel");
  /* GTK 4.8 has no "application" role (4.12); its WIDGET role is the one
   * documented for an interactive component, unlike IMG, which screen
   * readers present as a picture that cannot be operated. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
fw_wheel_view_init (FwWheelView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->drag_point = -1;
  self->animations = TRUE;
  self->reveal_step = -1;
  self->painted_counts = g_ptr_array_new_with_free_func (g_free);
  self->text.scale = 1.0;
  self->text.min_size = 0.0;
  self->text.point_names = FALSE;

  fw_wheel_scene_init (&self->scene);
  /* The ring is pixels: its markers are copied from stamps. */
  self->scene.stamp_markers = TRUE;
  fw_wheel_motion_init (&self->scene.motion);
  fw_wheel_style_init_light (&self->style);
  self->style.font_family = NULL;
  fw_tween_init (&self->momentum, 0.0);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_add_css_class (widget, "wheel");
  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Flywheel"));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), NULL);
}

GtkWidget *
fw_wheel_view_new (void)
{
  return g_object_new (FW_TYPE_WHEEL_VIEW, NULL);
}

GtkWidget *
fw_wheel_view_new_presenting (void)
{
  return g_object_new (FW_TYPE_WHEEL_VIEW, "presenting", TRUE, NULL);
}

/* What changes the layout of the text: laid out again, drawn again. */
static void
relayout (FwWheelView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width > 0 && height > 0)
    compute_layout (self, width, height);
  fw_wheel_view_invalidate_static (self);
}

void
fw_wheel_view_set_text (FwWheelView *self,
                        double       scale,
                        double       min_size)
{
  g_return_if_fail (FW_IS_WHEEL_VIEW (self));

  if (self->text.scale == scale && self->text.min_size == min_size)
    return;
  self->text.scale = scale;
  self->text.min_size = min_size;
  relayout (self);
}

const FwWheelStyle *
fw_wheel_view_get_style (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return &self->style;
}

double
fw_wheel_view_get_label_size (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0.0);

  return self->layout.label_size;
}

void
fw_wheel_view_set_point_names (FwWheelView *self,
                               gboolean     shown)
{
  g_return_if_fail (FW_IS_WHEEL_VIEW (self));

  if (self->point_names == !!shown)
    return;
  self->point_names = !!shown;
  self->text.point_names = self->point_names;
  relayout (self);
}

void
fw_wheel_view_set_reveal (FwWheelView *self,
                          int          step)
{
  g_return_if_fail (FW_IS_WHEEL_VIEW (self));

  if (step < 0)
    step = -1;
  if (self->reveal_step == step)
    return;
  self->reveal_step = step;
  fw_wheel_view_invalidate_static (self);
}

FwSession *
fw_wheel_view_get_session (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return self->session;
}

/* Another document (or none): nothing of the last one's drag, editor,
 * selection or turning carries over. */
static void
reset_for_document (FwWheelView *self)
{
  FwDocument *document = self->session != NULL ? fw_session_get_document (self->session) : NULL;

  fw_wheel_view_cancel_drag (self, FALSE);
  fw_wheel_view_seal_moves (self);
  close_editor (self);
  fw_wheel_view_hide_tip (self);
  g_set_object (&self->document, document);
  self->behind = FALSE;   /* everything is taken in below */

  /* A new project starts from rest: the wheel spins up to its speed. */
  fw_wheel_motion_init (&self->scene.motion);
  sync_scene (self);
  if (document != NULL)
    {
      fw_tween_init (&self->momentum,
                     fw_projection_get_figures (self->scene.projection, self->scene.period)->momentum);
      retarget_motion (self, FALSE);
    }

  on_session_selection (self);
  update_description (self);
  /* Other names to fit the text to. */
  relayout (self);
  update_ticking (self);
}

void
fw_wheel_view_set_session (FwWheelView *self,
                           FwSession   *session)
{
  g_return_if_fail (FW_IS_WHEEL_VIEW (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (session == self->session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed",
                               G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::period",
                               G_CALLBACK (on_period_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::position",
                               G_CALLBACK (on_position_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::playing",
                               G_CALLBACK (on_playing_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-stage",
                               G_CALLBACK (on_session_selection), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-point",
                               G_CALLBACK (on_session_selection), self, G_CONNECT_SWAPPED);
    }
  reset_for_document (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static gboolean
cleanup_editor (gpointer data)
{
  FwWheelView *self = data;

  self->editor_cleanup = 0;
  if (self->editor != NULL && !gtk_widget_get_visible (self->editor))
    close_editor (self);

  return G_SOURCE_REMOVE;
}

static void
on_editor_closed (FwWheelView *self,
                  GtkPopover  *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The edits made in the popover are one undo step. */
  if (self->document != NULL)
    fw_document_seal (self->document);

  /* The keyboard comes back to the point it left, unless the user
   * closed the popover by going somewhere else. */
  if (focus == NULL || focus == GTK_WIDGET (editor) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (editor)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  /* Not unparented here: GTK is still in the middle of hiding it. */
  if (self->editor_cleanup == 0)
    self->editor_cleanup = g_idle_add (cleanup_editor, self);
}

void
fw_wheel_view_edit_point (FwWheelView *self,
                          guint        point)
{
  const FwScenario *scenario;

  g_return_if_fail (FW_IS_WHEEL_VIEW (self));
  g_return_if_fail (self->document != NULL);

  scenario = get_scenario (self);
  g_return_if_fail (point < scenario->points->len);

  fw_wheel_view_cancel_drag (self, TRUE);
  fw_wheel_view_seal_moves (self);
  fw_wheel_view_select (self, -1, point);

  fw_wheel_view_hide_tip (self);
  close_editor (self);
  self->editor = fw_point_editor_new (self->session, point);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  g_signal_connect_object (self->editor, "closed",
                           G_CALLBACK (on_editor_closed), self, G_CONNECT_SWAPPED);
  place_editor (self);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

gboolean
fw_wheel_view_is_ticking (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), FALSE);

  return self->tick_id != 0;
}

const char *
fw_wheel_view_get_description (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return self->description;
}

guint
fw_wheel_view_count_stage_labels (FwWheelView *self,
                                  guint       *whole)
{
  cairo_t *cr;
  guint drawn;

  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  if (whole != NULL)
    *whole = 0;
  if (self->scene.scenario == NULL)
    return 0;

  cr = measuring_context ();
  drawn = fw_wheel_count_stage_labels (cr, &self->layout, &self->style, &self->scene, whole);
  cairo_destroy (cr);
  return drawn;
}

gboolean
fw_wheel_view_names_whole_at (FwWheelView *self,
                              int          width,
                              int          height)
{
  FwWheelScene full;
  cairo_t *cr;
  guint whole = 0;

  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), TRUE);

  if (self->session == NULL || width <= 0 || height <= 0)
    return TRUE;
  compute_layout (self, width, height);
  if (self->names_whole_known)
    return self->names_whole;
  full = self->scene;
  fw_wheel_scene_set_reveal (&full, -1);
  cr = measuring_context ();
  fw_wheel_count_stage_labels (cr, &self->layout, &self->style, &full, &whole);
  cairo_destroy (cr);
  self->names_whole = whole == full.scenario->stages->len;
  self->names_whole_known = TRUE;
  return self->names_whole;
}

double
fw_wheel_view_ring_at (FwWheelView *self,
                       int          width,
                       int          height)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0.0);

  if (width <= 0 || height <= 0)
    return 0.0;
  compute_layout (self, width, height);
  return self->layout.outer;
}

guint
fw_wheel_view_count_hub_texts (FwWheelView *self,
                               gboolean    *inside)
{
  cairo_t *cr;
  guint shown;

  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  if (inside != NULL)
    *inside = FALSE;
  if (self->scene.scenario == NULL)
    return 0;

  cr = measuring_context ();
  shown = fw_wheel_count_hub_texts (cr, &self->layout, &self->style, &self->scene, inside);
  cairo_destroy (cr);
  return shown;
}

void
fw_wheel_view_get_text_sizes (FwWheelView      *self,
                              FwWheelTextSizes *sizes)
{
  cairo_t *cr;

  g_return_if_fail (FW_IS_WHEEL_VIEW (self) && sizes != NULL);

  cr = measuring_context ();
  fw_wheel_measure_text_sizes (cr, &self->layout, &self->style, &self->scene, sizes);
  cairo_destroy (cr);
}

const char *
fw_wheel_view_get_painted_referrals (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return self->painted_referrals;
}

const char *
fw_wheel_view_get_painted_count (FwWheelView *self,
                                 guint        stage)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return self->painted_counts != NULL && stage < self->painted_counts->len
         ? g_ptr_array_index (self->painted_counts, stage) : NULL;
}

const char *
fw_wheel_view_get_painted_momentum (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);

  return self->painted_momentum;
}

guint64
fw_wheel_view_get_frames_drawn (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  return self->frames_drawn;
}

guint64
fw_wheel_view_get_statics_painted (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  return self->statics_painted;
}

guint64
fw_wheel_view_get_rings_painted (FwWheelView *self)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  return self->rings_painted;
}

FwWheelHit
fw_wheel_view_hit (FwWheelView *self,
                   double       x,
                   double       y,
                   guint       *index)
{
  const FwScenario *scenario = get_scenario (self);

  if (scenario == NULL || self->layout.width <= 0)
    return FW_WHEEL_HIT_NONE;

  return fw_wheel_layout_hit (&self->layout, scenario, x, y, index);
}

double
fw_wheel_view_angle_at (FwWheelView *self,
                        double       x,
                        double       y)
{
  double degrees, distance;

  fw_wheel_layout_polar (&self->layout, x, y, &degrees, &distance);
  degrees = round (degrees * 10.0) / 10.0;

  return degrees >= 360.0 ? degrees - 360.0 : degrees;
}

void
fw_wheel_view_activate_stage (FwWheelView *self,
                              int          stage)
{
  fw_wheel_view_select (self, stage, -1);
  stage = fw_session_get_selected_stage (self->session);
  if (stage >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-stage", "i", stage);
}

const guint *
fw_wheel_view_get_numbered_points (FwWheelView *self,
                                   guint       *n)
{
  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), NULL);
  g_return_val_if_fail (n != NULL, NULL);

  *n = self->point_names ? self->count_spots.n_numbered : 0;
  return self->count_spots.numbered;
}

guint
fw_wheel_view_point_key (FwWheelView      *self,
                         int               width,
                         int               height,
                         const FwScenario *scenario,
                         GArray           *numbered)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));
  FwWheelScene full;
  cairo_t *cr;

  g_return_val_if_fail (FW_IS_WHEEL_VIEW (self), 0);

  if (self->session == NULL || !self->point_names || width <= 0 || height <= 0)
    return 0;
  compute_layout (self, width, height);
  full = self->scene;
  /* A scenario of the document at this layout, without projection
   * (its points in their order, the stages' counts as entered): the
   * same whichever scenario is shown, so the key's room sized by it
   * does not move when S shows another. */
  if (scenario != NULL)
    {
      full.scenario = scenario;
      full.projection = NULL;
    }
  fw_wheel_scene_set_reveal (&full, -1);
  cr = measuring_context ();
  fw_wheel_point_key (cr, &self->layout, &self->style, &full, points);
  cairo_destroy (cr);
  if (numbered != NULL)
    g_array_append_vals (numbered, points->data, points->len);
  return points->len;
}
