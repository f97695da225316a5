/* fw-wheel-layout.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-layout"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "fw-wheel-layout.h"
#include "fw-wheel-private.h"

/* Stage names never go below this (logical pixels): the wheel is read
 * from the back of a room. */
#define MIN_LABEL_SIZE 12.0
/* ...and grow with the wheel up to this, for projection. */
#define MAX_LABEL_SIZE 30.0
/* With larger text the ring keeps at least this share of its radius at
 * the normal text size, where the area has the room. */
#define RING_KEPT 0.9
/* The hub's share of the ring's inner radius, the rest the tread the
 * people move along; for large text the hub grows into the tread up to
 * HUB_MAX_SHARE so that its words keep their place (fw_wheel_hub_room). */
#define HUB_SHARE     0.64
#define HUB_MAX_SHARE 0.84
/* A line of text is about this many times its size high. */
#define LINE_HEIGHT   1.2

void
fw_wheel_layout_compute (FwWheelLayout *layout,
                         double         width,
                         double         height)
{
  fw_wheel_layout_compute_text (layout, width, height, NULL);
}

/* Room outside the ring for the markers that straddle it, the referral
 * flow and its label, and labels of arcs too narrow to hold their own
 * (and, presenting, the points' names). */
static double
outside_room (double   label_size,
              double   marker,
              gboolean point_names)
{
  return marker * 1.2 + label_size * (point_names ? 4.2 : 3.0);
}

/* The ring's inner radius for an outer one: the band holds a bold name
 * over a count, never thinner than that; presenting, a name may take
 * two lines over its count. */
static double
ring_inner (double outer,
            double label_size,
            double min_size)
{
  double band = MAX (outer * 0.31, label_size * (min_size > 0.0 ? 5.2 : 4.4));

  return outer - MIN (band, outer * 0.5);
}

void
fw_wheel_layout_compute_text (FwWheelLayout     *layout,
                              double             width,
                              double             height,
                              const FwWheelText *text)
{
  double size, plain, outer, whole_hub, plain_figure = 0.0, plain_words = 0.0;
  double scale = text != NULL && isfinite (text->scale) && text->scale > 0.0 ? text->scale : 1.0;
  double min_size = text != NULL && isfinite (text->min_size) ? MAX (text->min_size, 0.0) : 0.0;
  double figure_scale = text != NULL && isfinite (text->figure_scale) && text->figure_scale > scale
                        ? text->figure_scale : scale;
  gboolean point_names = text != NULL && text->point_names;

  g_return_if_fail (layout != NULL);

  width = isfinite (width) ? MAX (width, 1.0) : 1.0;
  height = isfinite (height) ? MAX (height, 1.0) : 1.0;
  size = MIN (width, height);

  layout->width = width;
  layout->height = height;
  layout->cx = width / 2.0;
  layout->cy = height / 2.0;

  /* Larger text grows the hub's figure by the full factor too: its
   * normal size is the hub's (a share of the wheel, not a text size),
   * and the hub at larger text is smaller (the thicker band and the
   * room for the labels outside take from it): tied to it, the figure
   * came out smaller at 150% desktop text than at 100% (verify10's
   * V10-06). */
  if (figure_scale > 1.0)
    {
      FwWheelLayout normal;
      FwWheelText normal_text = *text;

      normal_text.scale = 1.0;
      normal_text.figure_scale = 0.0;
      fw_wheel_layout_compute_text (&normal, width, height, &normal_text);
      plain_figure = normal.figure_size;
      plain_words = fw_wheel_hub_caption_size (&normal);
    }

  /* The stage names' size at the normal text size. */
  plain = MAX (CLAMP (size * 0.021, MIN_LABEL_SIZE, MAX_LABEL_SIZE), min_size);
  /* Scaled as a whole, floor included: larger desktop text or a zoom
   * never makes the wheel's text smaller. */
  layout->label_size = MAX (plain * scale, min_size);
  /* The floor grows with a larger scale too, never shrinks below itself. */
  layout->min_text = min_size * MAX (scale, 1.0);
  /* Large presenting type would make the markers crowd the labels off
   * their arcs: there they grow less with the text. The text size is
   * the text's: markers are symbols and keep the size of the normal
   * text (but shrink with a smaller one), or larger text would take
   * the ring's room for them too. */
  layout->marker = MAX (MIN (layout->label_size, plain) * (min_size > 0.0 ? 0.65 : 0.8), 9.0);

  outer = size / 2.0 - outside_room (layout->label_size, layout->marker, point_names);
  if (scale > 1.0)
    {
      /* Larger text reads better on a ring that stays large: it keeps
       * RING_KEPT of its radius at the normal text size, as far as the
       * referral flow and its label still fit above it (the room the
       * text needs outside the ring elsewhere gives way: labels that
       * fit no arc slide round to where there is room, names with none
       * are left out). docs/model-notes.md, "Text size". */
      double kept = RING_KEPT * (size / 2.0 - outside_room (plain, layout->marker, point_names));
      double above = layout->marker * 1.55 + layout->label_size * 2.2 + 2.0;

      outer = MAX (outer, MIN (kept, size / 2.0 - above));
    }
  /* The hub the ring has before it gives any of its radius up. */
  whole_hub = ring_inner (MAX (outer, size * 0.2), layout->label_size, min_size) * HUB_SHARE;
  /* A crowded wheel presented, or a small editor's, gives up some of its
   * ring to the labels outside it, rather than cut a name short
   * (fw_wheel_fit_text). */
  if (text != NULL && isfinite (text->ring_given))
    outer *= 1.0 - CLAMP (text->ring_given, 0.0, FW_WHEEL_MAX_RING_GIVEN);
  layout->outer = MAX (outer, size * 0.2);

  layout->inner = ring_inner (layout->outer, layout->label_size, min_size);
  layout->rim = layout->outer + layout->marker * 0.15;

  /* The hub holds its figure over "momentum" and "people moving per
   * month" (on up to three lines): with larger text or presenting's
   * floor it takes the room that needs from the tread, rather than lose
   * the words (a presenter who zooms in must not lose the explanation).
   * The editor's wheel at its normal text keeps its proportions; a ring
   * that gave up some of its radius to the labels keeps the hub it had
   * as far as the tread allows, and with it "momentum" under the figure
   * (the hub of a 1024x768 window with the catalog open showed a bare
   * figure once its ring made room for "Initiate contact"). */
  layout->hub = MAX (layout->inner * HUB_SHARE, MIN (whole_hub, layout->inner * HUB_MAX_SHARE));
  if (figure_scale > 1.0 || min_size > 0.0)
    {
      double figure = MAX (plain_figure * figure_scale, layout->label_size * 1.25);
      double words = fw_wheel_hub_caption_size (layout) * 4.0 + figure;
      double needed = words * LINE_HEIGHT / FW_WHEEL_HUB_ROOM_HEIGHT;

      layout->hub = CLAMP (needed, layout->hub, layout->inner * HUB_MAX_SHARE);
    }
  layout->figure_size = MAX (layout->hub * 0.30, layout->label_size * 1.25);
  if (figure_scale > 1.0)
    {
      /* The figure at the factor times its normal size, as far as the
       * hub, grown into the tread, holds it over its words (four lines
       * at most); where it cannot, at least its normal size, over
       * "momentum" alone: in the editor the hub's words give way before
       * its figure does (presenting, the figure gives way to the words
       * when it is drawn, fw-wheel-labels.c). */
      double lines = layout->hub * FW_WHEEL_HUB_ROOM_HEIGHT / LINE_HEIGHT;
      double caption = fw_wheel_hub_caption_size (layout);
      double grown = MAX (MIN (plain_figure * figure_scale, lines - caption * 4.0),
                          MIN (plain_figure, lines - caption));

      layout->figure_size = MAX (layout->figure_size, grown);
    }
  layout->words_normal = plain_words > 0.0 ? MIN (plain_words, fw_wheel_hub_caption_size (layout))
                                           : fw_wheel_hub_caption_size (layout);
}

double
fw_wheel_hub_caption_size (const FwWheelLayout *layout)
{
  return MAX (MAX (layout->label_size * 0.85, MIN_LABEL_SIZE), layout->min_text);
}

void
fw_wheel_layout_position (const FwWheelLayout *layout,
                          double               degrees,
                          double               radius,
                          double              *x,
                          double              *y)
{
  double a;

  g_return_if_fail (layout != NULL);

  a = degrees * G_PI / 180.0;
  if (x != NULL)
    *x = layout->cx + radius * sin (a);
  if (y != NULL)
    *y = layout->cy - radius * cos (a);
}

void
fw_wheel_layout_polar (const FwWheelLayout *layout,
                       double               x,
                       double               y,
                       double              *degrees,
                       double              *distance)
{
  double dx, dy, a;

  g_return_if_fail (layout != NULL);

  dx = x - layout->cx;
  dy = y - layout->cy;
  a = atan2 (dx, -dy) * 180.0 / G_PI;
  if (a < 0.0)
    a += 360.0;
  if (a >= 360.0)
    a = 0.0;

  if (degrees != NULL)
    *degrees = a;
  if (distance != NULL)
    *distance = hypot (dx, dy);
}

double
fw_wheel_layout_radians (double degrees)
{
  return (degrees - 90.0) * G_PI / 180.0;
}

typedef struct
{
  double angle;   /* normalized */
  guint  index;
} MarkerSlot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const MarkerSlot *sa = a, *sb = b;

  if (sa->angle != sb->angle)
    return sa->angle < sb->angle ? -1 : 1;
  return sa->index < sb->index ? -1 : (sa->index > sb->index);
}

/* A run of markers fanned out: slots [first, first + count) of the sorted
 * array, centred on the mean of their angles. */
typedef struct
{
  guint  first, count;
  double sum;
} MarkerRun;

static double
run_start (const MarkerRun *run,
           double           gap)
{
  return run->sum / run->count - (run->count - 1) * gap / 2.0;
}

/* The rim is a circle: points at 359.5 and 0.5 degrees are neighbours,
 * though sorting puts them at the two ends. The slots, sorted, start
 * over at the widest gap between neighbours instead, the ones moved to
 * the end a turn further on (360.5), so a crowd across the top of the
 * wheel is one run like any other. The widest gap is at least 360 / n
 * degrees, more than the markers need. */
static void
unwrap_at_widest_gap (MarkerSlot *slots,
                      guint       n)
{
  g_autofree MarkerSlot *rotated = NULL;
  guint start = 0;
  double widest = slots[0].angle + 360.0 - slots[n - 1].angle;

  for (guint i = 1; i < n; i++)
    if (slots[i].angle - slots[i - 1].angle > widest)
      {
        widest = slots[i].angle - slots[i - 1].angle;
        start = i;
      }
  if (start == 0)
    return;

  rotated = g_new (MarkerSlot, n);
  for (guint j = 0; j < n; j++)
    {
      rotated[j] = slots[(start + j) % n];
      if (start + j >= n)
        rotated[j].angle += 360.0;
    }
  memcpy (slots, rotated, n * sizeof *slots);
}

double *
fw_wheel_layout_marker_angles (const FwWheelLayout *layout,
                               const FwScenario    *scenario)
{
  guint n;
  double *angles;
  double gap;
  g_autofree MarkerSlot *slots = NULL;
  g_autofree MarkerRun *runs = NULL;
  guint n_runs = 0;

  g_return_val_if_fail (layout != NULL && scenario != NULL, NULL);

  n = scenario->points->len;
  angles = g_new (double, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    angles[k] = fw_scenario_get_point (scenario, k)->angle;

  /* Centre to centre, a marker's width and a little air. */
  gap = 2.1 * layout->marker / MAX (layout->rim, 1.0) * 180.0 / G_PI;
  if (n < 2 || !(gap > 0.0) || gap * n >= 360.0)
    return angles;

  slots = g_new (MarkerSlot, n);
  for (guint k = 0; k < n; k++)
    slots[k] = (MarkerSlot) { fw_angle_normalize (angles[k]), k };
  qsort (slots, n, sizeof *slots, compare_slots);
  unwrap_at_widest_gap (slots, n);

  /* Runs in rim order, merged while one would reach into the one before
   * (the last marker of one a gap short of the first of the next). */
  runs = g_new (MarkerRun, n);
  for (guint i = 0; i < n; i++)
    {
      runs[n_runs++] = (MarkerRun) { i, 1, slots[i].angle };
      while (n_runs >= 2)
        {
          MarkerRun *before = &runs[n_runs - 2], *last = &runs[n_runs - 1];

          if (run_start (last, gap) >= run_start (before, gap) + before->count * gap - 1e-9)
            break;
          before->count += last->count;
          before->sum += last->sum;
          n_runs--;
        }
    }

  for (guint r = 0; r < n_runs; r++)
    {
      double start = run_start (&runs[r], gap);

      /* A lone marker stays exactly where its point is. */
      if (runs[r].count == 1)
        continue;
      for (guint j = 0; j < runs[r].count; j++)
        angles[slots[runs[r].first + j].index] = start + j * gap;
    }

  return angles;
}

FwWheelHit
fw_wheel_layout_hit (const FwWheelLayout *layout,
                     const FwScenario    *scenario,
                     double               x,
                     double               y,
                     guint               *index)
{
  double degrees, distance;

  g_return_val_if_fail (layout != NULL, FW_WHEEL_HIT_NONE);

  /* Markers are drawn last, in order, so the last one under the pointer
   * is the one the user sees. */
  if (scenario != NULL)
    {
      g_autofree double *angles = fw_wheel_layout_marker_angles (layout, scenario);

      for (guint k = scenario->points->len; k > 0; k--)
        {
          double px, py;

          fw_wheel_layout_position (layout, angles[k - 1], layout->rim, &px, &py);
          if (hypot (x - px, y - py) <= layout->marker * FW_WHEEL_MARKER_EXTENT)
            {
              if (index != NULL)
                *index = k - 1;
              return FW_WHEEL_HIT_POINT;
            }
        }
    }

  fw_wheel_layout_polar (layout, x, y, &degrees, &distance);

  if (scenario != NULL && scenario->stages->len > 0
      && distance >= layout->inner && distance <= layout->outer)
    {
      /* The engine's own rule, so a click and a drop agree with where a
       * point would land. */
      if (index != NULL)
        *index = fw_scenario_stage_at_angle (scenario, degrees);
      return FW_WHEEL_HIT_STAGE;
    }

  if (distance <= layout->hub)
    return FW_WHEEL_HIT_HUB;

  return FW_WHEEL_HIT_NONE;
}

gboolean
fw_wheel_layout_is_off (const FwWheelLayout *layout,
                        double               x,
                        double               y)
{
  double distance;

  g_return_val_if_fail (layout != NULL, FALSE);

  fw_wheel_layout_polar (layout, x, y, NULL, &distance);

  return distance > layout->outer + 2.5 * layout->marker;
}
