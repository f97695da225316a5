/* fw-wheel-names.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-names"

#include <math.h>
#include <stdlib.h>

#include "fw-render-text.h"
#include "fw-wheel-private.h"

/* Point names beside their markers, for presenting: a room reads "Slow
 * onboarding" where an editor would hover for a tooltip. Each name sits
 * just outside its marker, on the side of the wheel the marker is on, so
 * it reads as the marker's, clear of the referral band and the stage
 * labels; where names would cover each other, the points that move the
 * wheel most are named first and a name with no room is left out rather
 * than drawn over another. */

/* Kept inside the area's edges by this much. */
#define EDGE_MARGIN 2.0
/* Tries a name this many rows further out before giving up on it. */
#define MAX_PUSHES 3
/* ...and at each, fanned this many rows to either side along the ring,
 * with a leader back to its marker. */
#define MAX_FAN 3

typedef struct
{
  guint  index;
  double weight;   /* |impact|, or -1 when unknown */
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  return ra->index < rb->index ? -1 : (ra->index > rb->index ? 1 : 0);
}


static gboolean
collides (const FwWheelBox *box,
          const FwWheelBox *avoid,
          guint             n_avoid,
          GArray           *placed)
{
  for (guint i = 0; i < n_avoid; i++)
    if (fw_wheel_boxes_overlap (box, &avoid[i]))
      return TRUE;
  for (guint i = 0; i < placed->len; i++)
    if (fw_wheel_boxes_overlap (box, &g_array_index (placed, FwWheelBox, i)))
      return TRUE;
  return FALSE;
}

/* The points in the order they are named: largest impact first. */
static Ranked *
rank_points (const FwWheelScene *scene)
{
  const FwScenario *scenario = scene->scenario;
  guint n = scenario->points->len;
  Ranked *ranked = g_new (Ranked, MAX (n, 1));
  gboolean impacts = scene->projection != NULL
                     && fw_projection_get_n_points (scene->projection) == n
                     && fw_projection_has_impacts (scene->projection);

  for (guint k = 0; k < n; k++)
    {
      double impact = impacts ? fw_projection_get_point_impact (scene->projection, k) : NAN;

      ranked[k].index = k;
      ranked[k].weight = isfinite (impact) ? fabs (impact) : -1.0;
    }
  qsort (ranked, n, sizeof *ranked, compare_ranked);
  return ranked;
}

/* Whether @box keeps clear of the ring and the markers on its rim. */
static gboolean
clear_of_ring (const FwWheelLayout *layout,
               const FwWheelBox    *box)
{
  double nx = CLAMP (layout->cx, box->x0, box->x1);
  double ny = CLAMP (layout->cy, box->y0, box->y1);

  return hypot (nx - layout->cx, ny - layout->cy) >= layout->rim + layout->marker;
}

/* Places @text for a marker at @angle: beside the marker, on its side
 * of the wheel, extending away from the wheel (to the right on the right
 * half, upwards at the top), pushed out row by row while it would cover
 * something, and at each row fanned a row at a time to either side
 * along the ring (a crowded stretch of rim spreads its names out, each
 * with a leader to its marker). FALSE when it finds no room. */
static gboolean
place_name (const FwWheelLayout *layout,
            PangoLayout         *text,
            double               angle,
            const FwWheelBox    *avoid,
            guint                n_avoid,
            GArray              *placed,
            FwWheelBox          *box)
{
  double dx = sin (angle * G_PI / 180.0), dy = -cos (angle * G_PI / 180.0);
  double side = dx >= 0.0 ? 1.0 : -1.0;
  double w, h, pad, gap, mx, my, room;

  fw_wheel_layout_position (layout, angle, layout->rim, &mx, &my);
  pad = layout->label_size * 0.2;  /* the plate's padding, each side */
  gap = layout->marker + layout->label_size * 0.25;

  /* As wide as the room to the area's edge allows, cut short past that. */
  room = (side > 0.0 ? layout->width - EDGE_MARGIN - (mx + dx * gap)
                     : (mx + dx * gap) - EDGE_MARGIN) - 2.0 * pad;
  room = MIN (room, layout->label_size * 10.0);
  if (room < layout->label_size * 3.0)
    return FALSE;
  /* A long name takes a second and a third line ("Referral programme /
   * with rewards" beside a marker near 11 o'clock, where the room to the
   * edge is narrow); one that needs more, or a word wider than the room,
   * is left out: a room reads "Free trial or self-..." as a word lost. */
  pango_layout_set_width (text, (int) (room * PANGO_SCALE));
  pango_layout_set_wrap (text, PANGO_WRAP_WORD);
  pango_layout_set_height (text, -3);
  pango_layout_set_alignment (text, side > 0.0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  if (!fw_render_text_words_whole (text))
    return FALSE;
  fw_render_text_size (text, &w, &h);
  w += 2.0 * pad;

  for (guint push = 0; push <= MAX_PUSHES; push++)
    for (guint fan = 0; fan <= 2 * MAX_FAN; fan++)
      {
        double r = gap + push * layout->label_size * 1.2;
        /* Along the ring: the tangent at the marker, a row's height. */
        double along = ((fan + 1) / 2) * (fan % 2 ? 1.0 : -1.0) * (h + pad);
        double cx = mx + dx * r + side * w / 2.0 - dy * along;
        double cy = my + dy * r + dy * h / 2.0 + dx * along;

        box->x0 = cx - w / 2.0;
        box->x1 = cx + w / 2.0;
        box->y0 = cy - h / 2.0;
        box->y1 = cy + h / 2.0;
        if (box->x0 < EDGE_MARGIN || box->x1 > layout->width - EDGE_MARGIN
            || box->y0 < EDGE_MARGIN || box->y1 > layout->height - EDGE_MARGIN)
          {
            /* Straight out past the edge: no row further out can do. */
            if (fan == 0)
              return FALSE;
            continue;
          }
        if (fan > 0 && !clear_of_ring (layout, box))
          continue;
        if (!collides (box, avoid, n_avoid, placed))
          return TRUE;
      }
  return FALSE;
}

static void
draw_name (cairo_t             *cr,
           const FwWheelLayout *layout,
           const FwWheelStyle  *style,
           PangoLayout         *text,
           const FwWheelBox    *box,
           double               angle,
           gboolean             enabled)
{
  PangoRectangle logical;
  double h = box->y1 - box->y0, r = h * 0.3;
  double x0, y0, x1, y1, mx, my, nx, ny, d;

  /* A leader from the marker to a name pushed away from it. */
  fw_wheel_layout_position (layout, angle, layout->rim, &mx, &my);
  nx = CLAMP (mx, box->x0, box->x1);
  ny = CLAMP (my, box->y0, box->y1);
  d = hypot (nx - mx, ny - my);
  if (d > layout->marker + layout->label_size * 0.6)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, mx + (nx - mx) * layout->marker / d, my + (ny - my) * layout->marker / d);
      cairo_line_to (cr, nx, ny);
      cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], 0.5);
      cairo_set_line_width (cr, style->high_contrast ? 2.0 : 1.25);
      cairo_stroke (cr);
    }

  /* A plate in the background's colour: the name reads over whatever
   * passes behind it (the people walking the band). */
  x0 = box->x0;
  y0 = box->y0;
  x1 = box->x1;
  y1 = box->y1;
  cairo_new_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2.0, 0);
  cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2.0);
  cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2.0, G_PI);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, style->bg[0], style->bg[1], style->bg[2], style->high_contrast ? 1.0 : 0.85);
  cairo_fill (cr);

  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, (x0 + x1) / 2.0 - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 y0 - (double) logical.y / PANGO_SCALE);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2],
                         style->fg[3] * (enabled || style->high_contrast ? 1.0 : 0.6));
  pango_cairo_show_layout (cr, text);
}

void
fw_wheel_paint_point_names (cairo_t             *cr,
                            const FwWheelLayout *layout,
                            const FwWheelStyle  *style,
                            const FwWheelScene  *scene,
                            const FwReferralGeometry *referral,
                            const FwWheelBox    *avoid,
                            guint                n_avoid,
                            GArray              *named)
{
  const FwScenario *scenario = scene->scenario;
  g_autofree double *angles = NULL;
  g_autofree Ranked *ranked = NULL;
  g_autoptr(GArray) placed = NULL;
  guint n_band;

  if (scenario == NULL || scenario->points->len == 0)
    return;

  angles = fw_wheel_layout_marker_angles (layout, scenario);
  ranked = rank_points (scene);
  placed = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  /* Clear of the referral band as the stage labels are: a plate over
   * it hid the flow the room is being shown ("Referral programme with
   * rewards" across the arc at 11 o'clock). */
  if (referral != NULL)
    {
      g_array_set_size (placed, FW_WHEEL_MAX_BAND_BOXES);
      g_array_set_size (placed, fw_wheel_referral_band_boxes (layout, referral,
                                                              (FwWheelBox *) placed->data));
    }
  n_band = placed->len;

  for (guint i = 0; i < scenario->points->len; i++)
    {
      guint k = ranked[i].index;
      const FwPoint *point = fw_scenario_get_point (scenario, k);
      g_autoptr(PangoLayout) text = NULL;
      FwWheelBox box;

      if ((int) k == scene->dragged_point)
        continue;
      text = fw_wheel_text_layout (cr, layout, style, layout->label_size * 0.85, FALSE, point->name);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      if (!place_name (layout, text, angles[k], avoid, n_avoid, placed, &box))
        continue;
      g_array_append_val (placed, box);
      draw_name (cr, layout, style, text, &box, angles[k], point->enabled);
    }
  if (named != NULL)
    g_array_append_vals (named, &g_array_index (placed, FwWheelBox, n_band), placed->len - n_band);
}
