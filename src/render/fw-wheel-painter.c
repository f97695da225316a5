/* fw-wheel-painter.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-painter"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fw-period-blend.h"
#include "fw-wheel-painter.h"
#include "fw-wheel-private.h"

/* How a point's marker looks where it sits: flagged when its effects
 * work against its kind (a friction that helps). */
static FwMarkerLook
resting_look (const FwPoint *point)
{
  return fw_point_works_against_kind (point) ? FW_MARKER_AGAINST : FW_MARKER_NORMAL;
}

/* The people drawn moving: at most this many per 100 user units of track
 * for the largest flow; the others in proportion. */
#define PEOPLE_PER_100 5.0
/* Upper bound on the people drawn for one flow, so a huge wheel in a
 * huge window still draws in a fraction of a millisecond. */
#define MAX_PEOPLE_PER_FLOW 48

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
rgba_from_hex (double      rgba[4],
               const char *hex)
{
  FwRgb rgb = fw_wheel_parse_color (hex);

  rgba[0] = rgb.r;
  rgba[1] = rgb.g;
  rgba[2] = rgb.b;
  rgba[3] = 1.0;
}

void
fw_wheel_style_init_light (FwWheelStyle *style)
{
  g_return_if_fail (style != NULL);

  /* GNOME's light theme: libadwaita's foreground, view background and
   * default accent. */
  style->dark = FALSE;
  rgba_from_hex (style->fg, "#241f31");
  rgba_from_hex (style->bg, "#ffffff");
  rgba_from_hex (style->accent, "#3584e4");
  style->font_family = NULL;
  style->high_contrast = FALSE;
}

void
fw_wheel_scene_init (FwWheelScene *scene)
{
  g_return_if_fail (scene != NULL);

  scene->scenario = NULL;
  scene->projection = NULL;
  scene->period = 0;
  scene->position = 0.0;
  scene->period_label = NULL;
  fw_wheel_motion_init (&scene->motion);
  scene->momentum_shown = 0.0;
  scene->highlight_stage = -1;
  scene->highlight_angle = 0.0;
  scene->selected_stage = -1;
  scene->selected_point = -1;
  scene->focused = FALSE;
  scene->dragged_point = -1;
  scene->dragged_angle = 0.0;
  scene->dragged_off = FALSE;
  scene->animate = TRUE;
  scene->point_names = FALSE;
  scene->room = NULL;
  scene->every_period = FALSE;
  scene->stamp_markers = FALSE;
  scene->no_text = FALSE;
  fw_wheel_scene_set_reveal (scene, -1);
}

guint
fw_wheel_reveal_last_step (const FwScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);

  return scenario->stages->len + 2;
}

void
fw_wheel_scene_set_reveal (FwWheelScene *scene,
                           int           step)
{
  guint n;

  g_return_if_fail (scene != NULL);

  n = scene->scenario != NULL ? scene->scenario->stages->len : 0;
  if (step < 0 || scene->scenario == NULL || (guint) step >= fw_wheel_reveal_last_step (scene->scenario))
    {
      scene->reveal_stages = G_MAXUINT;
      scene->reveal_referral = TRUE;
      scene->reveal_points = TRUE;
      return;
    }

  scene->reveal_stages = MIN ((guint) step, n);
  scene->reveal_referral = (guint) step >= n + 1;
  scene->reveal_points = FALSE;
}

/* Shared helpers ------------------------------------------------------- */

FwRgb
fw_wheel_parse_color (const char *color)
{
  FwRgb rgb = { 0.5, 0.5, 0.5 };
  guint value;

  if (color == NULL || color[0] != '#')
    return rgb;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return rgb;

  value = (guint) strtoul (color + 1, NULL, 16);
  rgb.r = ((value >> 16) & 0xff) / 255.0;
  rgb.g = ((value >> 8) & 0xff) / 255.0;
  rgb.b = (value & 0xff) / 255.0;

  return rgb;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance. */
double
fw_wheel_luminance (FwRgb rgb)
{
  return 0.2126 * linear_channel (rgb.r)
         + 0.7152 * linear_channel (rgb.g)
         + 0.0722 * linear_channel (rgb.b);
}

double
fw_wheel_scene_position (const FwWheelScene *scene)
{
  if (scene->position >= scene->period && scene->position < scene->period + 1.0)
    return scene->position;
  return scene->period;
}

double
fw_wheel_stage_count (const FwWheelScene *scene,
                      guint               stage)
{
  const FwScenario *scenario = scene->scenario;

  if (scene->projection != NULL
      && fw_projection_get_n_stages (scene->projection) == scenario->stages->len)
    return fw_period_blend_count (scene->projection, fw_wheel_scene_position (scene), stage);

  return fw_scenario_get_stage (scenario, stage)->count;
}

double
fw_wheel_gap (const FwWheelLayout *layout)
{
  return CLAMP (layout->outer * 0.012, 2.0, 6.0);
}

/* An annular sector from @start to @end degrees whose straight sides run
 * parallel to the boundary radii at @gap / 2 from them, so the gaps
 * between stages are the same width from the inner edge to the outer. */
void
fw_wheel_arc_path (cairo_t             *cr,
                   const FwWheelLayout *layout,
                   double               start,
                   double               end,
                   double               inner,
                   double               outer,
                   double               gap)
{
  double half = gap / 2.0;
  double d_outer, d_inner, a0, a1, rc;

  if (end - start >= 360.0 - 1e-9)
    {
      /* One arc all round: a plain ring. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, outer, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, layout->cx, layout->cy, inner, 2 * G_PI, 0);
      cairo_close_path (cr);
      return;
    }

  a0 = fw_wheel_layout_radians (start);
  a1 = fw_wheel_layout_radians (end);

  /* Softly rounded corners, as GNOME draws cards and buttons, when the
   * arc is wide enough for them. */
  rc = MIN (CLAMP (outer * 0.012, 0.0, 6.0), (outer - inner) * 0.15);
  if (rc > 0.5 && half + rc < inner)
    {
      double c_outer = asin ((half + rc) / (outer - rc));
      double c_inner = asin ((half + rc) / (inner + rc));

      if (a0 + MAX (c_outer, c_inner) * 1.05 < a1 - MAX (c_outer, c_inner) * 1.05)
        {
          double cx = layout->cx, cy = layout->cy;
          double ro = outer - rc, ri = inner + rc;
          double s_out = a0 + c_outer, e_out = a1 - c_outer;
          double s_in = a0 + c_inner, e_in = a1 - c_inner;

          /* Around each corner's fillet circle, from the side to the
           * edge, always turning clockwise on screen. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + ro * cos (s_out), cy + ro * sin (s_out), rc,
                     a0 - G_PI / 2.0, s_out);
          cairo_arc (cr, cx, cy, outer, s_out, e_out);
          cairo_arc (cr, cx + ro * cos (e_out), cy + ro * sin (e_out), rc,
                     e_out, a1 + G_PI / 2.0);
          cairo_arc (cr, cx + ri * cos (e_in), cy + ri * sin (e_in), rc,
                     a1 + G_PI / 2.0, e_in + G_PI);
          cairo_arc_negative (cr, cx, cy, inner, e_in, s_in);
          cairo_arc (cr, cx + ri * cos (s_in), cy + ri * sin (s_in), rc,
                     s_in + G_PI, a0 + 1.5 * G_PI);
          cairo_close_path (cr);
          return;
        }
    }

  d_outer = asin (MIN (half / outer, 1.0));
  d_inner = asin (MIN (half / MAX (inner, half), 1.0));

  /* An arc narrower than its gaps draws as nothing rather than inside out. */
  if (a1 - d_outer <= a0 + d_outer)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, outer, a0 + d_outer, a1 - d_outer);
  if (a1 - d_inner > a0 + d_inner)
    cairo_arc_negative (cr, layout->cx, layout->cy, inner, a1 - d_inner, a0 + d_inner);
  else
    {
      /* Narrow wedge: its sides meet before the inner edge. */
      double mid = (a0 + a1) / 2.0;
      double meet = half / MAX (sin ((a1 - a0) / 2.0), 1e-6);

      cairo_line_to (cr, layout->cx + meet * cos (mid), layout->cy + meet * sin (mid));
    }
  cairo_close_path (cr);
}

void
fw_wheel_referral_geometry (const FwWheelLayout *layout,
                            const FwWheelScene  *scene,
                            FwReferralGeometry  *geometry)
{
  const FwScenario *scenario = scene->scenario;
  FwFigures figures;
  double s, e, first_mid, last_mid, ratio;
  guint n;

  geometry->shown = FALSE;
  geometry->width = 0.0;
  geometry->referrals = 0.0;

  if (scenario == NULL || scenario->stages->len < 2 || scene->projection == NULL
      || fw_projection_get_n_stages (scene->projection) != scenario->stages->len)
    return;

  n = scenario->stages->len;
  fw_scenario_stage_arc (scenario, 0, &s, &e);
  first_mid = (s + e) / 2.0;
  fw_scenario_stage_arc (scenario, n - 1, &s, &e);
  last_mid = (s + e) / 2.0;

  fw_period_blend_figures (scene->projection, fw_wheel_scene_position (scene), &figures);
  geometry->shown = TRUE;
  geometry->start = last_mid;
  geometry->end = first_mid + 360.0;
  /* Outside the markers that straddle the rim and the focus ring. */
  geometry->radius = layout->outer + layout->marker * 1.55 + layout->label_size * 0.45;
  geometry->referrals = figures.referrals;

  if (isfinite (figures.referrals) && figures.referrals > 0.0)
    {
      ratio = (isfinite (figures.momentum) && figures.momentum > 0.0)
              ? figures.referrals / figures.momentum : 1.0;
      geometry->width = MAX (2.0, FW_WHEEL_BAND_WIDEST (layout) * CLAMP (ratio, 0.0, 1.0));
    }
  else if (!isfinite (figures.referrals))
    geometry->width = FW_WHEEL_BAND_WIDEST (layout);
}

void
fw_wheel_referral_points (const FwWheelLayout      *layout,
                          const FwReferralGeometry *geometry,
                          double                   *x0,
                          double                   *y0,
                          double                   *x1,
                          double                   *y1)
{
  fw_wheel_layout_position (layout, geometry->start, geometry->radius, x0, y0);
  fw_wheel_layout_position (layout, geometry->end, geometry->radius, x1, y1);
  if (fabs (*x1 - *x0) < 1.0)
    *x1 = *x0 + 1.0;
}

/* From the last stage's colour to the first's, left to right over the
 * top: the flow visibly carries one into the other. */
cairo_pattern_t *
fw_wheel_referral_pattern (const FwScenario *scenario,
                           double            x0,
                           double            y0,
                           double            x1,
                           double            y1,
                           double            alpha)
{
  FwRgb from = fw_wheel_parse_color (fw_scenario_get_stage (scenario, scenario->stages->len - 1)->color);
  FwRgb to = fw_wheel_parse_color (fw_scenario_get_stage (scenario, 0)->color);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (x0, y0, x1, y1);

  cairo_pattern_add_color_stop_rgba (gradient, 0.0, from.r, from.g, from.b, alpha);
  cairo_pattern_add_color_stop_rgba (gradient, 1.0, to.r, to.g, to.b, alpha);
  return gradient;
}

/* Static ---------------------------------------------------------------- */

static void
paint_hub_disc (cairo_t             *cr,
                const FwWheelLayout *layout,
                const FwWheelStyle  *style)
{
  cairo_new_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, layout->hub, 0, 2 * G_PI);
  set_rgba (cr, style->fg, style->dark ? 0.08 : 0.04);
  cairo_fill_preserve (cr);
  set_rgba (cr, style->fg, FW_WHEEL_INK (style, 0.12));
  cairo_set_line_width (cr, FW_WHEEL_STROKE (style, 1.0));
  cairo_stroke (cr);
}

/* The stages revealed so far in their colours; the others, during a
 * guided reveal, as a faint outline of where they will be. */
static void
paint_arcs (cairo_t             *cr,
            const FwWheelLayout *layout,
            const FwWheelStyle  *style,
            const FwWheelScene  *scene)
{
  const FwScenario *scenario = scene->scenario;
  double gap = scenario->stages->len > 1 ? fw_wheel_gap (layout) : 0.0;

  for (guint i = 0; i < scenario->stages->len; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, i);
      FwRgb rgb = fw_wheel_parse_color (stage->color);
      double start, end;

      fw_scenario_stage_arc (scenario, i, &start, &end);
      cairo_new_path (cr);
      fw_wheel_arc_path (cr, layout, start, end, layout->inner, layout->outer, gap);
      if (i < scene->reveal_stages)
        {
          cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
          if (style->high_contrast)
            {
              /* Each arc edged in the text colour: it stands apart from
               * its neighbours and the background whatever its colour. */
              cairo_fill_preserve (cr);
              set_rgba (cr, style->fg, 1.0);
              cairo_set_line_width (cr, 2.0);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
        }
      else
        {
          set_rgba (cr, style->fg, 0.05);
          cairo_fill_preserve (cr);
          set_rgba (cr, style->fg, 0.18);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
    }
}

/* The track people move along, inside the ring: a faint groove so the
 * moving dots have somewhere to be even at rest. */
static double
people_track_radius (const FwWheelLayout *layout)
{
  return layout->inner - (layout->inner - layout->hub) * 0.24;
}

static double
tread_radius (const FwWheelLayout *layout)
{
  return layout->hub + (layout->inner - layout->hub) * 0.36;
}

static void
paint_track (cairo_t             *cr,
             const FwWheelLayout *layout,
             const FwWheelStyle  *style)
{
  double band = layout->inner - layout->hub;

  cairo_new_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, people_track_radius (layout), 0, 2 * G_PI);
  set_rgba (cr, style->fg, style->dark ? 0.10 : 0.06);
  cairo_set_line_width (cr, band * 0.26);
  cairo_stroke (cr);
}

static void
arrow_head (cairo_t             *cr,
            const FwWheelLayout *layout,
            double               degrees,
            double               radius,
            double               length,
            double               half_width)
{
  double tip_x, tip_y, bx, by, tx, ty, nx, ny, a;

  /* Clockwise tangent at @degrees is (cos a, sin a) in screen space. */
  a = degrees * G_PI / 180.0;
  tx = cos (a);
  ty = sin (a);
  nx = sin (a);
  ny = -cos (a);
  fw_wheel_layout_position (layout, degrees, radius, &bx, &by);
  tip_x = bx + tx * length;
  tip_y = by + ty * length;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, bx + nx * half_width, by + ny * half_width);
  cairo_line_to (cr, bx - nx * half_width, by - ny * half_width);
  cairo_close_path (cr);
}

static void
paint_referral_band (cairo_t                  *cr,
                     const FwWheelLayout      *layout,
                     const FwWheelStyle       *style,
                     const FwWheelScene       *scene,
                     const FwReferralGeometry *geometry)
{
  const FwScenario *scenario = scene->scenario;
  double head_len, head_deg, head_half, x0, y0, x1, y1;
  cairo_pattern_t *gradient;

  if (!geometry->shown)
    return;

  if (geometry->width <= 0.0)
    {
      /* The wheel does not close: say so quietly with a dashed path. */
      double dash[2] = { 4.0, 5.0 };

      cairo_new_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, geometry->radius,
                 fw_wheel_layout_radians (geometry->start),
                 fw_wheel_layout_radians (geometry->end));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, FW_WHEEL_STROKE (style, 1.5));
      set_rgba (cr, style->fg, FW_WHEEL_INK (style, 0.35));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }

  head_len = MAX (geometry->width * 1.1, layout->label_size * 0.7);
  head_deg = head_len / geometry->radius * 180.0 / G_PI;

  fw_wheel_referral_points (layout, geometry, &x0, &y0, &x1, &y1);
  gradient = fw_wheel_referral_pattern (scenario, x0, y0, x1, y1, FW_WHEEL_INK (style, 0.75));

  cairo_new_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, geometry->radius,
             fw_wheel_layout_radians (geometry->start),
             fw_wheel_layout_radians (geometry->end - head_deg * 0.6));
  cairo_set_line_width (cr, FW_WHEEL_STROKE (style, geometry->width));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source (cr, gradient);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* The head stays outside the markers on the rim: the flow ends in the
   * middle of the first stage, where points often sit. */
  head_half = MAX (geometry->width * 1.1, layout->label_size * 0.45);
  head_half = MIN (head_half, geometry->radius - (layout->rim + layout->marker + 1.5));
  head_half = MAX (head_half, geometry->width / 2.0 + 1.0);
  cairo_new_path (cr);
  arrow_head (cr, layout, geometry->end - head_deg, geometry->radius, head_len, head_half);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

static void
paint_markers (cairo_t             *cr,
               const FwWheelLayout *layout,
               const FwWheelStyle  *style,
               const FwWheelScene  *scene)
{
  const FwScenario *scenario = scene->scenario;
  g_autofree double *angles = fw_wheel_layout_marker_angles (layout, scenario);
  g_autoptr(FwMarkerStamps) stamps =
    scene->stamp_markers ? fw_marker_stamps_new (cr, style, layout->marker) : NULL;

  for (guint k = 0; k < scenario->points->len; k++)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, k);
      double x, y;

      if ((int) k == scene->dragged_point)
        continue;
      fw_wheel_layout_position (layout, angles[k], layout->rim, &x, &y);
      if (stamps != NULL)
        fw_marker_stamps_paint (stamps, cr, point->kind, point->enabled, resting_look (point), x, y);
      else
        fw_wheel_paint_marker_look (cr, style, point->kind, point->enabled,
                                    resting_look (point), x, y, layout->marker);
    }
}

void
fw_wheel_paint_ring (cairo_t             *cr,
                     const FwWheelLayout *layout,
                     const FwWheelStyle  *style,
                     const FwWheelScene  *scene,
                     FwWheelCountSpots   *spots)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (spots != NULL);

  memset (spots, 0, sizeof *spots);
  cairo_save (cr);
  paint_hub_disc (cr, layout, style);
  paint_track (cr, layout, style);

  if (scene->scenario != NULL && scene->scenario->stages->len > 0)
    {
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
      g_autoptr(GArray) leaders = g_array_new (FALSE, FALSE, sizeof (double));
      FwReferralGeometry kept;
      FwWheelRoom measured;
      const FwWheelRoom *room = scene->room;
      double referral_box[4];

      if (room == NULL)
        {
          fw_wheel_room_measure (&measured, cr, layout, style, scene);
          room = &measured;
        }
      paint_arcs (cr, layout, style, scene);
      /* The referral band and its label are the counts' to draw; the
       * labels here keep clear of the room they take (shown yet or not:
       * the labels stay put when they appear). */
      fw_wheel_kept_referral (layout, scene, room, &kept, referral_box);
      spots->band = room->band;
      if (!scene->no_text)
        fw_wheel_paint_stage_labels (cr, layout, style, scene, &kept, referral_box, room, placed, leaders,
                                     spots);
      if (scene->reveal_points)
        {
          paint_markers (cr, layout, style, scene);
          if (scene->point_names && !scene->no_text)
            {
              g_autoptr(GArray) numbered = g_array_new (FALSE, FALSE, sizeof (guint));
              FwWheelPointText out = { NULL, NULL, NULL, NULL, numbered };

              fw_wheel_place_point_names (cr, layout, style, scene, &kept, referral_box, placed,
                                          leaders, TRUE, FALSE, &out);
              spots->n_numbered = MIN (numbered->len, FW_MAX_POINTS);
              /* An empty GArray may have no data at all. */
              if (spots->n_numbered > 0)
                memcpy (spots->numbered, numbered->data, spots->n_numbered * sizeof (guint));
            }
        }
    }
  cairo_restore (cr);
}

/* The parts of what rolls on, in the order they are painted: the
 * referral band, its label, then each stage's count. */
enum { PART_BAND, PART_LABEL, PART_FIRST_COUNT };

/* Parts @first to @end - 1. */
static void
paint_count_parts (cairo_t                 *cr,
                   const FwWheelLayout     *layout,
                   const FwWheelStyle      *style,
                   const FwWheelScene      *scene,
                   const FwWheelCountSpots *spots,
                   guint                    first,
                   guint                    end)
{
  const FwScenario *scenario;
  FwReferralGeometry referral;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (spots != NULL);

  scenario = scene->scenario;
  if (scenario == NULL || scenario->stages->len == 0)
    return;

  cairo_save (cr);
  fw_wheel_referral_geometry (layout, scene, &referral);
  if (scene->reveal_referral)
    {
      if (first <= PART_BAND && PART_BAND < end)
        paint_referral_band (cr, layout, style, scene, &referral);
      if (!scene->no_text && first <= PART_LABEL && PART_LABEL < end)
        fw_wheel_paint_referral_label (cr, layout, style, scene, &referral, spots->band);
    }

  if (end > PART_FIRST_COUNT)
    fw_wheel_paint_stage_counts (cr, layout, style, scene, spots,
                                 MAX (first, PART_FIRST_COUNT) - PART_FIRST_COUNT, end - PART_FIRST_COUNT);
  cairo_restore (cr);
}

void
fw_wheel_paint_counts (cairo_t                 *cr,
                       const FwWheelLayout     *layout,
                       const FwWheelStyle      *style,
                       const FwWheelScene      *scene,
                       const FwWheelCountSpots *spots)
{
  paint_count_parts (cr, layout, style, scene, spots, 0, G_MAXUINT);
}

guint
fw_wheel_count_parts (const FwWheelScene *scene)
{
  g_return_val_if_fail (scene != NULL, 0);

  if (scene->scenario == NULL || scene->scenario->stages->len == 0)
    return 0;
  return PART_FIRST_COUNT + MIN (scene->scenario->stages->len, FW_MAX_STAGES);
}

void
fw_wheel_paint_count_part (cairo_t                 *cr,
                           const FwWheelLayout     *layout,
                           const FwWheelStyle      *style,
                           const FwWheelScene      *scene,
                           const FwWheelCountSpots *spots,
                           guint                    part)
{
  paint_count_parts (cr, layout, style, scene, spots, part, part + 1);
}

void
fw_wheel_paint_static (cairo_t             *cr,
                       const FwWheelLayout *layout,
                       const FwWheelStyle  *style,
                       const FwWheelScene  *scene)
{
  FwWheelCountSpots spots;

  fw_wheel_paint_ring (cr, layout, style, scene, &spots);
  fw_wheel_paint_counts (cr, layout, style, scene, &spots);
}

/* Motion ---------------------------------------------------------------- */

/* A stable pseudo-random offset in [-1, 1] for person @j, so the people
 * walk in a loose crowd rather than a file, without a per-frame random
 * number. */
static double
crowd_offset (guint j)
{
  guint h = j * 2654435761u;

  h ^= h >> 15;
  return ((h & 0xffff) / 65535.0) * 2.0 - 1.0;
}

/* Adds the people of one flow to the current path: @n dots spread over
 * [@start, @end] degrees at @radius, moved on by @phase and shrinking to
 * nothing at both ends so they appear and vanish smoothly. Only those
 * between @from and @to (fractions of the way) are added. */
static void
add_people (cairo_t             *cr,
            const FwWheelLayout *layout,
            double               start,
            double               end,
            double               radius,
            double               spread,
            double               dot,
            guint                n,
            double               phase,
            double               from,
            double               to)
{
  for (guint j = 0; j < n; j++)
    {
      double u = (double) j / n + phase;
      double size, x, y;

      u -= floor (u);
      if (u < from || u >= to)
        continue;
      size = dot * sqrt (sin (G_PI * u));
      if (size < 0.3)
        continue;

      fw_wheel_layout_position (layout, start + (end - start) * u,
                                radius + spread * crowd_offset (j), &x, &y);
      cairo_move_to (cr, x + size, y);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
}

static guint
people_for (double flow,
            double largest,
            double length)
{
  double n;

  if (!(flow > 0.0) || !(largest > 0.0))
    return 0;
  n = length / 100.0 * PEOPLE_PER_100 * MIN (flow / largest, 1.0);
  return (guint) CLAMP (ceil (n), 1, MAX_PEOPLE_PER_FLOW);
}

static guint
phase_turns (double span)
{
  return (guint) MAX (1.0, round (span / FW_WHEEL_FLOW_SPAN));
}

static void
paint_tread (cairo_t             *cr,
             const FwWheelLayout *layout,
             const FwWheelStyle  *style,
             const FwWheelScene  *scene)
{
  double r = tread_radius (layout);
  double band = layout->inner - layout->hub;
  double step = 2 * G_PI * r / 60.0;
  double dash[2] = { step * 0.22, step * 0.78 };
  double a = fw_wheel_layout_radians (scene->motion.rotation);

  /* Sixty short spokes as one dashed circle starting at the rotation:
   * one stroke, the cheapest way to show the wheel turning. */
  cairo_new_path (cr);
  cairo_arc (cr, layout->cx, layout->cy, r, a, a + 2 * G_PI);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, band * 0.2);
  set_rgba (cr, style->fg, style->dark ? 0.22 : 0.14);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_people (cairo_t             *cr,
              const FwWheelLayout *layout,
              const FwWheelStyle  *style,
              const FwWheelScene  *scene)
{
  const FwScenario *scenario = scene->scenario;
  double flows[FW_MAX_STAGES], mids[FW_MAX_STAGES], cuts[FW_MAX_STAGES];
  guint people[FW_MAX_STAGES];
  double phases[FW_MAX_STAGES];
  double largest = 0.0, phase = scene->motion.flow_phase;
  double track = people_track_radius (layout);
  double band = layout->inner - layout->hub;
  double dot = CLAMP (band * 0.05, 2.5, 7.0);
  double spread = band * 0.07;
  FwReferralGeometry referral;
  guint n;

  if (scenario == NULL || scene->projection == NULL || !scene->animate)
    return;
  n = scenario->stages->len;
  if (n < 2 || n > FW_MAX_STAGES || fw_projection_get_n_stages (scene->projection) != n)
    return;

  for (guint i = 0; i < n; i++)
    {
      double s, e;

      fw_scenario_stage_arc (scenario, i, &s, &e);
      mids[i] = (s + e) / 2.0;
      cuts[i] = e;
      flows[i] = i + 1 < n ? fw_period_blend_advancing (scene->projection, fw_wheel_scene_position (scene), i) : 0.0;
      if (isfinite (flows[i]))
        largest = MAX (largest, flows[i]);
    }
  fw_wheel_referral_geometry (layout, scene, &referral);
  if (isfinite (referral.referrals))
    largest = MAX (largest, referral.referrals);
  if (!(largest > 0.0))
    return;

  /* Inside the ring, people cross each boundary from the middle of one
   * stage to the middle of the next, as many as the flow A_i is large
   * next to the largest flow. */
  for (guint i = 0; i + 1 < n; i++)
    {
      double span = mids[i + 1] - mids[i];
      guint turns = phase_turns (span);

      people[i] = people_for (isfinite (flows[i]) ? flows[i] : largest, largest,
                              span * G_PI / 180.0 * track);
      phases[i] = phase * turns - floor (phase * turns);
      /* Where on the way the boundary is crossed. */
      cuts[i] = (cuts[i] - mids[i]) / span;
    }

  /* They take the colour of the stage they are in, so a person visibly
   * becomes a prospect, then a customer: one fill for each stage. */
  for (guint i = 0; i + 1 < n; i++)
    {
      /* Nobody walks onto a stage the reveal has not shown yet. */
      if (i + 1 >= scene->reveal_stages)
        people[i] = 0;
    }
  for (guint k = 0; k < n; k++)
    {
      FwRgb rgb = fw_wheel_parse_color (fw_scenario_get_stage (scenario, k)->color);

      cairo_new_path (cr);
      if (k > 0)
        add_people (cr, layout, mids[k - 1], mids[k], track, spread, dot,
                    people[k - 1], phases[k - 1], cuts[k - 1], 1.0);
      if (k + 1 < n)
        add_people (cr, layout, mids[k], mids[k + 1], track, spread, dot,
                    people[k], phases[k], 0.0, cuts[k]);
      cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
      cairo_fill (cr);
    }

  /* Outside it, the referrals go from the last stage back to the first,
   * beads on the referral band in its colours. */
  if (referral.shown && referral.width > 0.0 && scene->reveal_referral)
    {
      double span = referral.end - referral.start;
      double flow = isfinite (referral.referrals) ? referral.referrals : largest;
      guint turns = phase_turns (span);
      double x0, y0, x1, y1;
      cairo_pattern_t *gradient;

      cairo_new_path (cr);
      add_people (cr, layout, referral.start, referral.end - 2.0, referral.radius, 0.0,
                  MAX (dot * 0.8, referral.width * 0.5 + 1.5),
                  people_for (flow, largest, span * G_PI / 180.0 * referral.radius),
                  phase * turns - floor (phase * turns), 0.0, 1.0);
      fw_wheel_referral_points (layout, &referral, &x0, &y0, &x1, &y1);
      gradient = fw_wheel_referral_pattern (scenario, x0, y0, x1, y1, 1.0);
      cairo_set_source (cr, gradient);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
    }
}

void
fw_wheel_paint_motion (cairo_t             *cr,
                       const FwWheelLayout *layout,
                       const FwWheelStyle  *style,
                       const FwWheelScene  *scene)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);

  cairo_save (cr);
  paint_tread (cr, layout, style, scene);
  paint_people (cr, layout, style, scene);
  cairo_restore (cr);
}

/* Overlay --------------------------------------------------------------- */

static void
stage_outline (cairo_t             *cr,
               const FwWheelLayout *layout,
               const FwWheelStyle  *style,
               const FwScenario    *scenario,
               int                  stage,
               double               width,
               gboolean             dashed)
{
  double start, end, gap;

  if (stage < 0 || (guint) stage >= scenario->stages->len)
    return;

  gap = scenario->stages->len > 1 ? fw_wheel_gap (layout) : 0.0;
  fw_scenario_stage_arc (scenario, (guint) stage, &start, &end);
  cairo_new_path (cr);
  fw_wheel_arc_path (cr, layout, start, end, layout->inner, layout->outer, gap);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* A halo in the background colour first, so the accent reads on an
   * arc of any colour, the accent's own included. */
  set_rgba (cr, style->bg, 1.0);
  cairo_set_line_width (cr, width + 3.0);
  cairo_stroke_preserve (cr);
  if (dashed)
    {
      double dash[2] = { width * 2.0, width * 1.5 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  set_rgba (cr, style->accent, 1.0);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Redraws the markers over @stage's arc and just past its ends, so an
 * outline drawn round the stage never covers them. */
static void
markers_over_stage (cairo_t             *cr,
                    const FwWheelLayout *layout,
                    const FwWheelStyle  *style,
                    const FwWheelScene  *scene,
                    int                  stage)
{
  const FwScenario *scenario = scene->scenario;
  g_autofree double *angles = NULL;
  double start, end, reach;

  if (stage < 0 || (guint) stage >= scenario->stages->len)
    return;
  fw_scenario_stage_arc (scenario, (guint) stage, &start, &end);
  /* The angle a marker and the outline's halo reach on the rim. */
  reach = (layout->marker + 4.0) / MAX (layout->rim, 1.0) * 180.0 / G_PI;

  angles = fw_wheel_layout_marker_angles (layout, scenario);
  for (guint k = 0; k < scenario->points->len; k++)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, k);
      double off = fmod (angles[k] - start + reach, 360.0);
      double x, y;

      if (off < 0.0)
        off += 360.0;
      if ((int) k == scene->dragged_point || off > end - start + 2.0 * reach)
        continue;
      fw_wheel_layout_position (layout, angles[k], layout->rim, &x, &y);
      fw_wheel_paint_marker_look (cr, style, point->kind, point->enabled,
                                  resting_look (point), x, y, layout->marker);
    }
}

static void
paint_highlight (cairo_t             *cr,
                 const FwWheelLayout *layout,
                 const FwWheelStyle  *style,
                 const FwWheelScene  *scene)
{
  const FwScenario *scenario = scene->scenario;
  double start, end, gap, x0, y0, x1, y1;
  double dash[2] = { 4.0, 4.0 };

  if (scene->highlight_stage < 0 || (guint) scene->highlight_stage >= scenario->stages->len)
    return;

  /* Brighten the arc the drop would land on... */
  gap = scenario->stages->len > 1 ? fw_wheel_gap (layout) : 0.0;
  fw_scenario_stage_arc (scenario, (guint) scene->highlight_stage, &start, &end);
  cairo_new_path (cr);
  fw_wheel_arc_path (cr, layout, start, end, layout->inner, layout->outer, gap);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.15);
  cairo_fill (cr);
  stage_outline (cr, layout, style, scenario, scene->highlight_stage, 3.0, FALSE);
  markers_over_stage (cr, layout, style, scene, scene->highlight_stage);

  /* ...and show where on it: a ghost line across the ring and a ghost
   * marker on the rim. */
  fw_wheel_layout_position (layout, scene->highlight_angle, layout->inner, &x0, &y0);
  fw_wheel_layout_position (layout, scene->highlight_angle, layout->rim, &x1, &y1);
  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dash, 2, 0);
  set_rgba (cr, style->fg, 0.8);
  cairo_stroke (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x1, y1, layout->marker, 0, 2 * G_PI);
  set_rgba (cr, style->bg, 0.6);
  cairo_fill_preserve (cr);
  set_rgba (cr, style->accent, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
marker_ring (cairo_t             *cr,
             const FwWheelLayout *layout,
             const FwWheelStyle  *style,
             double               angle,
             double               radius,
             gboolean             dashed)
{
  double x, y;

  fw_wheel_layout_position (layout, angle, layout->rim, &x, &y);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_rgba (cr, style->bg, 1.0);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  if (dashed)
    {
      double dash[2] = { 4.0, 3.0 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  set_rgba (cr, style->accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_selection (cairo_t             *cr,
                 const FwWheelLayout *layout,
                 const FwWheelStyle  *style,
                 const FwWheelScene  *scene)
{
  const FwScenario *scenario = scene->scenario;
  gboolean has_point = scene->selected_point >= 0
                       && (guint) scene->selected_point < scenario->points->len
                       && scene->selected_point != scene->dragged_point;

  if (scene->selected_stage >= 0 && !has_point)
    {
      stage_outline (cr, layout, style, scenario, scene->selected_stage, 3.5, FALSE);
      markers_over_stage (cr, layout, style, scene, scene->selected_stage);
    }

  if (has_point)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, (guint) scene->selected_point);
      g_autofree double *angles = fw_wheel_layout_marker_angles (layout, scenario);
      double angle = angles[scene->selected_point];
      double x, y;

      /* Redrawn on top, so a selected point buried under its neighbours
       * comes forward. */
      fw_wheel_layout_position (layout, angle, layout->rim, &x, &y);
      fw_wheel_paint_marker_look (cr, style, point->kind, point->enabled,
                                  resting_look (point), x, y, layout->marker);
      marker_ring (cr, layout, style, angle, layout->marker + 4.0, FALSE);
      if (scene->focused)
        marker_ring (cr, layout, style, angle, layout->marker + 9.0, TRUE);
    }
  else if (scene->focused && scene->selected_stage >= 0
           && (guint) scene->selected_stage < scenario->stages->len)
    {
      double start, end;
      double dash[2] = { 6.0, 4.0 };

      /* Keyboard focus on a stage: a dashed arc just outside it. */
      fw_scenario_stage_arc (scenario, (guint) scene->selected_stage, &start, &end);
      cairo_new_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->outer + 5.0,
                 fw_wheel_layout_radians (start), fw_wheel_layout_radians (end));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.0);
      set_rgba (cr, style->accent, 1.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (scene->focused)
    {
      double dash[2] = { 6.0, 4.0 };

      /* Focus on the wheel as a whole. */
      cairo_new_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->outer + layout->marker * 1.3, 0, 2 * G_PI);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.0);
      set_rgba (cr, style->accent, 1.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
paint_dragged (cairo_t             *cr,
               const FwWheelLayout *layout,
               const FwWheelStyle  *style,
               const FwWheelScene  *scene)
{
  const FwPoint *point;
  double x, y;

  if (scene->dragged_point < 0 || (guint) scene->dragged_point >= scene->scenario->points->len)
    return;

  point = fw_scenario_get_point (scene->scenario, (guint) scene->dragged_point);
  fw_wheel_layout_position (layout, scene->dragged_angle, layout->rim, &x, &y);
  fw_wheel_paint_marker_look (cr, style, point->kind, point->enabled,
                              scene->dragged_off ? FW_MARKER_REMOVE : resting_look (point),
                              x, y, layout->marker * 1.15);
}

void
fw_wheel_paint_overlay (cairo_t             *cr,
                        const FwWheelLayout *layout,
                        const FwWheelStyle  *style,
                        const FwWheelScene  *scene)
{
  /* Each part checks its arguments. */
  fw_wheel_paint_hub (cr, layout, style, scene);
  fw_wheel_paint_marks (cr, layout, style, scene);
}

void
fw_wheel_paint_hub (cairo_t             *cr,
                    const FwWheelLayout *layout,
                    const FwWheelStyle  *style,
                    const FwWheelScene  *scene)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);

  if (scene->no_text)
    return;
  cairo_save (cr);
  fw_wheel_paint_hub_text (cr, layout, style, scene);
  cairo_restore (cr);
}

void
fw_wheel_paint_marks (cairo_t             *cr,
                      const FwWheelLayout *layout,
                      const FwWheelStyle  *style,
                      const FwWheelScene  *scene)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (scene != NULL);

  cairo_save (cr);
  if (scene->scenario != NULL && scene->scenario->stages->len > 0)
    {
      paint_highlight (cr, layout, style, scene);
      paint_selection (cr, layout, style, scene);
      paint_dragged (cr, layout, style, scene);
    }
  else if (scene->focused)
    {
      double dash[2] = { 6.0, 4.0 };

      cairo_new_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->outer, 0, 2 * G_PI);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.0);
      set_rgba (cr, style->accent, 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
fw_wheel_paint (cairo_t             *cr,
                const FwWheelLayout *layout,
                const FwWheelStyle  *style,
                const FwWheelScene  *scene)
{
  g_return_if_fail (cr != NULL);

  fw_wheel_paint_static (cr, layout, style, scene);
  fw_wheel_paint_motion (cr, layout, style, scene);
  fw_wheel_paint_overlay (cr, layout, style, scene);
}

void
fw_wheel_paint_point_marker (cairo_t            *cr,
                             const FwWheelStyle *style,
                             const FwPoint      *point,
                             double              x,
                             double              y,
                             double              size)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (point != NULL);

  fw_wheel_paint_marker_look (cr, style, point->kind, point->enabled, resting_look (point), x, y, size);
}

void
fw_wheel_paint_marker (cairo_t            *cr,
                       const FwWheelStyle *style,
                       FwPointKind         kind,
                       gboolean            enabled,
                       double              x,
                       double              y,
                       double              size)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  fw_wheel_paint_marker_look (cr, style, kind, enabled, FW_MARKER_NORMAL, x, y, size);
}
