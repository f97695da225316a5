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
#include "fw-wheel-key.h"
#include "fw-wheel-private.h"

/* Point names beside their markers, for presenting: a room reads "Slow
 * onboarding" where an editor would hover for a tooltip. Each name sits
 * just outside its marker, on the side of the wheel the marker is on, so
 * it reads as the marker's, clear of the ring, the referral band, the
 * stage labels and the other names; where it has no room there, it
 * wraps onto more lines, moves further out or slides round the ring,
 * with a leader back to its marker. The points that move the wheel most
 * are named first; a name with no room anywhere near its marker is not
 * drawn over something (fw_wheel_fit_text gives a presented wheel's
 * names room first, by making its ring smaller): its marker gets a
 * number instead, which the key beside the wheel reads out
 * (fw-wheel-key.h), numbered clockwise from 12 o'clock so the room finds
 * them in order. */

/* Kept inside the area's edges by this much. */
#define EDGE_MARGIN 2.0
/* A name is tried this many steps further out, each half a line... */
#define MAX_PUSHES 4
/* ...and slid round the ring up to this far, in these steps (degrees):
 * the two top forces of a 4:3 screen's wheel have no room beside the
 * referral arrow, and read as well a little lower, by the ring's side.
 * On a crowded rim no further than two markers' spacing (at least
 * SLIDE_CROWDED): slid past its neighbours a name reads as theirs, and
 * the 200 names of a crowded wheel, most with no room, cost a sixth of
 * the time to try. */
#define SLIDE_STEP    5.0
#define SLIDE_MAX     40.0
#define SLIDE_CROWDED 10.0
/* A leader longer than this many text sizes no longer reads as joining
 * a name to its marker. */
#define MAX_LEADER 6.0
/* A wheel with more points than this is crowded (place_name()). */
#define CROWDED_POINTS 16
/* The gap a name keeps from other text, in text sizes. */
#define TEXT_GAP 0.3
/* The widths a name is wrapped to, in text sizes, widest first: a long
 * name takes more lines where the room beside the ring is narrow
 * ("Referral / programme / with rewards" at 9 o'clock). */
static const double wrap_widths[] = { 10.0, 7.0, 5.0, 14.0 };
/* ...on at most this many lines (MODEL.md's longest name, 80
 * characters, takes five at the widest). */
#define MAX_LINES 5

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

/* What a name keeps clear of: @avoid (the stage labels and the referral
 * label) and the stage labels' leaders (@fixed_leaders, four doubles a
 * piece), the referral band's boxes and the names placed so far (in
 * @placed, the band's first), and the leaders drawn to those names
 * (@leaders, four doubles each: marker and name ends). */
typedef struct
{
  const FwWheelLayout *layout;
  double               slide_max;  /* degrees */
  double               max_leader; /* text sizes */
  const FwWheelBox    *avoid;
  guint                n_avoid;
  const double        *fixed_leaders;
  guint                n_fixed_leaders;
  gboolean             cross_fixed;  /* a name's leader may cross theirs */
  guint                n_points;
  GArray              *placed;
  guint                n_band;
  GArray              *leaders;
} NameRoom;

static gboolean
collides (const NameRoom   *room,
          const FwWheelBox *box,
          const double      leader[4])
{
  /* Text keeps a gap from other text: a name flush against a stage
   * label read as one line ("Long checkout form Generate leads"). */
  double gap = room->layout->label_size * TEXT_GAP;
  FwWheelBox wide = { box->x0 - gap, box->y0 - gap, box->x1 + gap, box->y1 + gap };

  for (guint i = 0; i < room->n_avoid; i++)
    {
      if (fw_wheel_boxes_overlap (&wide, &room->avoid[i]))
        return TRUE;
      /* A leader through a stage label or the referral caption reads
       * as underlining it. */
      if (fw_wheel_segment_crosses_box (leader[0], leader[1], leader[2], leader[3], &room->avoid[i]))
        return TRUE;
    }
  for (guint i = 0; i < room->n_fixed_leaders; i++)
    {
      const double *stage = &room->fixed_leaders[4 * i];

      /* A stage's leader through a name ran through "Outages and bugs"
       * (verify10b V10B-01); across the name's leader it left the room
       * unsure which line goes where. */
      /* (The name's plate keeps the line off its words.) */
      if (fw_wheel_segment_crosses_box (stage[0], stage[1], stage[2], stage[3], box)
          || (!room->cross_fixed && fw_wheel_segments_cross (leader, stage)))
        return TRUE;
    }
  for (guint i = 0; i < room->placed->len; i++)
    {
      const FwWheelBox *other = &g_array_index (room->placed, FwWheelBox, i);

      if (fw_wheel_boxes_overlap (i >= room->n_band ? &wide : box, other))
        return TRUE;
      /* A leader across another name reads as joining the wrong two. */
      if (i >= room->n_band
          && fw_wheel_segment_crosses_box (leader[0], leader[1], leader[2], leader[3], other))
        return TRUE;
    }
  for (guint i = 0; i < room->leaders->len / 4; i++)
    {
      const double *other = &g_array_index (room->leaders, double, 4 * i);

      if (fw_wheel_segment_crosses_box (other[0], other[1], other[2], other[3], box))
        return TRUE;
      /* Two leaders crossing leave the room unsure which marker is
       * whose name. */
      if (fw_wheel_segments_cross (leader, other))
        return TRUE;
    }
  return FALSE;
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

/* Where a leader from the marker at (@mx, @my) meets @box: the box's
 * point nearest the marker. */
static void
leader_end (const FwWheelBox *box,
            double            mx,
            double            my,
            double           *nx,
            double           *ny)
{
  *nx = CLAMP (mx, box->x0, box->x1);
  *ny = CLAMP (my, box->y0, box->y1);
}

/* The best place for a @w x @h name of the marker at @angle: round the
 * ring from the marker by a slide, out from the rim by a push, the
 * box's nearest edge on that circle, kept inside the area. Best is the
 * shortest leader; the first place beside the marker is taken at once.
 * FALSE when no place is clear. */
static gboolean
find_place (const NameRoom *room,
            double          angle,
            double          w,
            double          h,
            FwWheelBox     *best,
            double         *best_cost)
{
  const FwWheelLayout *layout = room->layout;
  double mx, my, gap = layout->marker + layout->label_size * 0.25;
  gboolean found = FALSE;

  fw_wheel_layout_position (layout, angle, layout->rim, &mx, &my);
  for (guint slide = 0; slide <= 2 * (guint) (room->slide_max / SLIDE_STEP + 1e-9); slide++)
    {
      double at = angle + SLIDE_STEP * ((slide + 1) / 2) * (slide % 2 ? 1.0 : -1.0);
      double dx = sin (at * G_PI / 180.0), dy = -cos (at * G_PI / 180.0);
      /* The box's nearest edge on the circle: its support along the
       * radius. */
      double support = fabs (dx) * w / 2.0 + fabs (dy) * h / 2.0;

      for (guint push = 0; push <= MAX_PUSHES; push++)
        {
          double r = layout->rim + gap + push * layout->label_size * 0.6 + support;
          double cx = layout->cx + dx * r, cy = layout->cy + dy * r;
          double leader[4], cost;
          FwWheelBox box;

          /* Kept inside the area: a name at the edge moves in along it. */
          cx = CLAMP (cx, EDGE_MARGIN + w / 2.0, layout->width - EDGE_MARGIN - w / 2.0);
          cy = CLAMP (cy, EDGE_MARGIN + h / 2.0, layout->height - EDGE_MARGIN - h / 2.0);
          box.x0 = cx - w / 2.0;
          box.x1 = cx + w / 2.0;
          box.y0 = cy - h / 2.0;
          box.y1 = cy + h / 2.0;
          if (box.x0 < EDGE_MARGIN - 0.5 || box.y0 < EDGE_MARGIN - 0.5)
            return found;  /* wider or taller than the area */
          leader[0] = mx;
          leader[1] = my;
          leader_end (&box, mx, my, &leader[2], &leader[3]);
          cost = hypot (leader[2] - mx, leader[3] - my);
          if (cost > layout->marker + layout->label_size * room->max_leader || (found && cost >= *best_cost))
            continue;
          if (!clear_of_ring (layout, &box) || collides (room, &box, leader))
            continue;
          *best = box;
          *best_cost = cost;
          found = TRUE;
          /* Beside the marker: nowhere is better. */
          if (cost <= gap + 1.0)
            return TRUE;
        }
    }
  return found;
}

/* Lays @text out for the marker at @angle, at the widths tried in turn,
 * and places it where its leader is shortest. FALSE when it has no room
 * at any width. */
static gboolean
place_name_in (const NameRoom *room,
               PangoLayout    *text,
               double          angle,
               FwWheelBox     *box,
               double         *wrap)
{
  const FwWheelLayout *layout = room->layout;
  double pad = layout->label_size * 0.2;  /* the plate's padding, each side */
  double best_cost = G_MAXDOUBLE, tried_w = 0.0, tried_h = 0.0;
  gboolean found = FALSE;

  pango_layout_set_wrap (text, PANGO_WRAP_WORD);
  pango_layout_set_height (text, -MAX_LINES);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  for (guint i = 0; i < G_N_ELEMENTS (wrap_widths); i++)
    {
      double width = MIN (layout->label_size * wrap_widths[i], layout->width - 2.0 * (EDGE_MARGIN + pad));
      double w, h, cost = best_cost;
      FwWheelBox here;

      pango_layout_set_width (text, (int) (width * PANGO_SCALE));
      /* Every word whole: a room reads "Free trial or self-..." as a
       * word lost. */
      if (!fw_render_text_words_whole (text))
        continue;
      fw_render_text_size (text, &w, &h);
      /* A wrap that changes nothing ("Slow follow-up" on one line at 10
       * and at 7 text sizes) has nothing new to try. */
      if (i > 0 && fabs (w - tried_w) < 0.5 && fabs (h - tried_h) < 0.5)
        continue;
      tried_w = w;
      tried_h = h;
      /* A narrower wrap is taken for a clearly shorter leader only: each
       * line more costs as much as half a line's height of leader ("at"
       * alone on a line of "Surprise price rise at renewal" read badly). */
      if (find_place (room, angle, w + 2.0 * pad, h, &here, &cost)
          && cost + pango_layout_get_line_count (text) * layout->label_size * 0.5 < best_cost - 0.5)
        {
          *box = here;
          *wrap = width;
          best_cost = cost + pango_layout_get_line_count (text) * layout->label_size * 0.5;
          found = TRUE;
        }
      /* Beside the marker at the widest wrap that has room: done. */
      if (found && cost <= layout->marker + layout->label_size * 0.25 + 1.0)
        break;
    }
  if (found)
    pango_layout_set_width (text, (int) (*wrap * PANGO_SCALE));
  return found;
}

/* place_name_in(), its leader crossing no stage's leader; on a crowded
 * wheel (more than CROWDED_POINTS points), where it has no room so,
 * crossing one (never its words): there every name given up is one
 * more number, and the 22-point client wheel at 1920x1080 numbered two
 * points more, more than the key beside the figures had room for. On a
 * lighter wheel a number costs little, and the crossing leaders left a
 * room unsure which line went where (verify10b V10B-01). Not past
 * twice FW_WHEEL_MAX_NUMBERED points either: most names there have no
 * room anyway, none is numbered, and a second search for each made
 * the 1000-point wheel's presented ring 60% slower (docs/performance.md). */
static gboolean
place_name (const NameRoom *room,
            PangoLayout    *text,
            double          angle,
            FwWheelBox     *box,
            double         *wrap)
{
  NameRoom crossing = *room;

  if (place_name_in (room, text, angle, box, wrap))
    return TRUE;
  if (room->n_fixed_leaders == 0 || room->n_points <= CROWDED_POINTS
      || room->n_points > 2 * FW_WHEEL_MAX_NUMBERED)
    return FALSE;
  crossing.cross_fixed = TRUE;
  return place_name_in (&crossing, text, angle, box, wrap);
}

/* A leader from the marker at @angle to a name or number pushed away
 * from it. */
static void
draw_leader (cairo_t             *cr,
             const FwWheelLayout *layout,
             const FwWheelStyle  *style,
             const FwWheelBox    *box,
             double               angle)
{
  double mx, my, nx, ny, d;

  fw_wheel_layout_position (layout, angle, layout->rim, &mx, &my);
  leader_end (box, mx, my, &nx, &ny);
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
  double h = box->y1 - box->y0, r = MIN (h * 0.3, layout->label_size * 0.4);
  double x0, y0, x1, y1, mx, my;

  fw_wheel_layout_position (layout, angle, layout->rim, &mx, &my);
  draw_leader (cr, layout, style, box, angle);

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

  /* Lines aligned towards the marker: flush left on the right of the
   * wheel, flush right on its left, centred over and under it. */
  if (mx < box->x0)
    pango_layout_set_alignment (text, PANGO_ALIGN_LEFT);
  else if (mx > box->x1)
    pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
  else
    pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, (x0 + x1) / 2.0 - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 y0 - (double) logical.y / PANGO_SCALE);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2],
                         style->fg[3] * (enabled || style->high_contrast ? 1.0 : 0.6));
  fw_render_show_layout (cr, text);
}

typedef struct
{
  guint  index;
  double angle;  /* [0, 360): clockwise from 12 o'clock */
} RimSlot;

static int
compare_rim (const void *a,
             const void *b)
{
  const RimSlot *ra = a, *rb = b;

  if (ra->angle != rb->angle)
    return ra->angle < rb->angle ? -1 : 1;
  return ra->index < rb->index ? -1 : (ra->index > rb->index ? 1 : 0);
}

/* Keeps @box, placed for the marker at @angle, and its leader, for the
 * next names and numbers to keep clear of. */
static void
keep_placed (NameRoom         *room,
             const FwWheelBox *box,
             double            angle)
{
  double leader[4];

  g_array_append_val (room->placed, *box);
  fw_wheel_layout_position (room->layout, angle, room->layout->rim, &leader[0], &leader[1]);
  leader_end (box, leader[0], leader[1], &leader[2], &leader[3]);
  g_array_append_vals (room->leaders, leader, 4);
}

/* Every point in @which gets a number beside its marker, from @first,
 * clockwise from 12 o'clock, placed as a name is (clear of the other
 * text, with a leader when pushed away); the points numbered, in the
 * numbers' order, go to @numbered (guint) when not NULL. A number with
 * no clear place outside goes over its own marker: a number always
 * tells the room which marker it is, where none leaves it guessing.
 * Returns how many. */
static guint
place_numbers (cairo_t             *cr,
               NameRoom            *room,
               const FwWheelStyle  *style,
               const FwWheelScene  *scene,
               const double        *angles,
               const gboolean      *which,
               guint                first,
               gboolean             draw,
               GArray              *numbered)
{
  const FwWheelLayout *layout = room->layout;
  const FwScenario *scenario = scene->scenario;
  g_autofree RimSlot *slots = g_new (RimSlot, MAX (scenario->points->len, 1));
  /* A number is short: it reads as its marker's a little further round
   * or out than a name would, with its leader. */
  NameRoom wider = *room;
  guint n = 0;


  wider.slide_max = SLIDE_MAX;
  wider.max_leader = MAX_LEADER + 2.0;

  for (guint k = 0; k < scenario->points->len; k++)
    if (which[k] && (int) k != scene->dragged_point)
      slots[n++] = (RimSlot) { k, fw_angle_normalize (angles[k]) };
  qsort (slots, n, sizeof *slots, compare_rim);

  for (guint i = 0; i < n; i++)
    {
      guint k = slots[i].index;
      g_autoptr(PangoLayout) text = fw_wheel_badge_layout (cr, style, layout->label_size * 0.85,
                                                           layout->min_text, first + i);
      double w, h, cost = G_MAXDOUBLE;
      FwWheelBox box;

      fw_wheel_badge_size (text, &w, &h);
      if (!find_place (&wider, angles[k], w, h, &box, &cost))
        {
          /* No room outside: the number takes its marker's place, over
           * no other text (inside the ring it covered a stage's name,
           * beyond its marker another name or the referral arrow). */
          /* Two such numbers side by side on a tight run of markers
           * ("11" over "12") move apart: the later one in over the
           * ring, or out, by a number's height. */
          static const double steps[] = { 0.0, -1.0, 1.0, -2.0 };

          for (guint t = 0; t < G_N_ELEMENTS (steps); t++)
            {
              double cx, cy;
              gboolean clear = TRUE;

              fw_wheel_layout_position (layout, angles[k], layout->rim + steps[t] * h * 1.1, &cx, &cy);
              box = (FwWheelBox) { cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0 };
              for (guint j = room->n_band; j < room->placed->len && clear; j++)
                clear = !fw_wheel_boxes_overlap (&box, &g_array_index (room->placed, FwWheelBox, j));
              for (guint j = 0; j < room->n_fixed_leaders && clear; j++)
                clear = !fw_wheel_segment_crosses_box (room->fixed_leaders[4 * j], room->fixed_leaders[4 * j + 1],
                                                       room->fixed_leaders[4 * j + 2], room->fixed_leaders[4 * j + 3],
                                                       &box);
              if (clear)
                break;
              fw_wheel_layout_position (layout, angles[k], layout->rim, &cx, &cy);
              box = (FwWheelBox) { cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0 };
            }
        }
      keep_placed (room, &box, angles[k]);
      if (numbered != NULL)
        g_array_append_val (numbered, k);
      if (draw)
        {
          draw_leader (cr, layout, style, &box, angles[k]);
          fw_wheel_badge_paint (cr, style, text, box.x0, box.y0, box.x1, box.y1);
        }
    }
  return n;
}

/* The points' names, largest impact first, each where it has room;
 * @has_name says which were placed. */
static void
place_names (cairo_t             *cr,
             NameRoom            *room,
             const FwWheelStyle  *style,
             const FwWheelScene  *scene,
             const double        *angles,
             const Ranked        *ranked,
             gboolean             draw,
             gboolean             until_one_fails,
             gboolean            *has_name)
{
  const FwWheelLayout *layout = room->layout;
  const FwScenario *scenario = scene->scenario;

  for (guint i = 0; i < scenario->points->len; i++)
    {
      guint k = ranked[i].index;
      const FwPoint *point = fw_scenario_get_point (scenario, k);
      g_autoptr(PangoLayout) text = NULL;
      double wrap;
      FwWheelBox box;

      has_name[k] = FALSE;
      if ((int) k == scene->dragged_point)
        continue;
      text = fw_wheel_text_layout (cr, layout, style, layout->label_size * 0.85, FALSE, point->name);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      if (!place_name (room, text, angles[k], &box, &wrap))
        {
          if (until_one_fails)
            break;
          continue;
        }
      keep_placed (room, &box, angles[k]);
      has_name[k] = TRUE;
      if (draw)
        draw_name (cr, layout, style, text, &box, angles[k], point->enabled);
    }
}

/* Which points have no name (and are not being dragged): into @left;
 * how many. */
static guint
unnamed_left (const FwWheelScene *scene,
              const gboolean     *has_name,
              gboolean           *left)
{
  guint count = 0;

  for (guint k = 0; k < scene->scenario->points->len; k++)
    {
      left[k] = !has_name[k] && (int) k != scene->dragged_point;
      count += left[k];
    }
  return count;
}

guint
fw_wheel_place_point_names (cairo_t             *cr,
                            const FwWheelLayout *layout,
                            const FwWheelStyle  *style,
                            const FwWheelScene  *scene,
                            const FwReferralGeometry *kept,
                            const double         referral_box[4],
                            GArray              *stage_boxes,
                            GArray              *stage_leaders,
                            gboolean             draw,
                            gboolean             until_one_fails,
                            FwWheelPointText    *out)
{
  const FwScenario *scenario = scene->scenario;
  g_autofree double *angles = NULL;
  g_autofree Ranked *ranked = NULL;
  g_autofree gboolean *has_name = NULL;
  g_autofree gboolean *left = NULL;
  guint n_named, n_before_numbers;
  GArray *numbered = out != NULL ? out->numbered : NULL;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GArray) leaders = NULL;
  g_autoptr(GArray) avoid = NULL;
  NameRoom room;

  if (scenario == NULL || scenario->points->len == 0)
    return 0;

  angles = fw_wheel_layout_marker_angles (layout, scenario);
  ranked = rank_points (scene);
  placed = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  leaders = g_array_new (FALSE, FALSE, sizeof (double));
  avoid = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  if (stage_boxes != NULL)
    g_array_append_vals (avoid, stage_boxes->data, stage_boxes->len);
  /* Clear of the referral band and its label as the stage labels are,
   * once the loop is shown: a plate over the band hid the flow the room
   * is being shown ("Referral programme with rewards" across the arc at
   * 11 o'clock). */
  if (scene->reveal_referral && kept != NULL)
    {
      FwWheelBox label = { referral_box[0], referral_box[1], referral_box[2], referral_box[3] };

      if (label.x1 > label.x0)
        g_array_append_val (avoid, label);
      g_array_set_size (placed, FW_WHEEL_MAX_BAND_BOXES);
      g_array_set_size (placed, fw_wheel_referral_band_boxes (layout, kept,
                                                              (FwWheelBox *) placed->data));
    }
  room.layout = layout;
  room.slide_max = CLAMP (2.0 * 360.0 / scenario->points->len, SLIDE_CROWDED, SLIDE_MAX);
  room.max_leader = MAX_LEADER;
  room.avoid = (const FwWheelBox *) avoid->data;
  room.n_avoid = avoid->len;
  room.fixed_leaders = stage_leaders != NULL ? (const double *) stage_leaders->data : NULL;
  room.n_fixed_leaders = stage_leaders != NULL ? stage_leaders->len / 4 : 0;
  room.cross_fixed = FALSE;
  room.n_points = scenario->points->len;
  room.placed = placed;
  room.n_band = placed->len;
  room.leaders = leaders;
  has_name = g_new0 (gboolean, scenario->points->len);
  left = g_new0 (gboolean, scenario->points->len);

  if (until_one_fails)
    {
      place_names (cr, &room, style, scene, angles, ranked, FALSE, TRUE, has_name);
      n_named = placed->len - room.n_band;
    }
  else
    {
      /* The names first, largest impact first: a number placed first
       * took the room by its marker a name needed, and the names left
       * out for it got numbers in turn (19 of 22 numbered). Then a
       * number for every point left without a name, clockwise. */
      place_names (cr, &room, style, scene, angles, ranked, draw, FALSE, has_name);
      n_named = placed->len - room.n_band;
      if (unnamed_left (scene, has_name, left) <= FW_WHEEL_MAX_NUMBERED)
        place_numbers (cr, &room, style, scene, angles, left, 1, draw, numbered);
    }
  /* The names, placed before any number, then the numbers. */
  n_before_numbers = room.n_band + n_named;
  if (out != NULL && out->names != NULL)
    g_array_append_vals (out->names, &g_array_index (placed, FwWheelBox, room.n_band), n_named);
  if (out != NULL && out->name_leaders != NULL)
    g_array_append_vals (out->name_leaders, leaders->data, 4 * n_named);
  if (out != NULL && out->badges != NULL)
    g_array_append_vals (out->badges, &g_array_index (placed, FwWheelBox, n_before_numbers),
                         placed->len - n_before_numbers);
  if (out != NULL && out->badge_leaders != NULL)
    g_array_append_vals (out->badge_leaders, &g_array_index (leaders, double, 4 * n_named),
                         leaders->len - 4 * n_named);
  return n_named;
}

guint
fw_wheel_count_point_names (cairo_t             *cr,
                            const FwWheelLayout *layout,
                            const FwWheelStyle  *style,
                            const FwWheelScene  *scene)
{
  return fw_wheel_point_key (cr, layout, style, scene, NULL);
}

guint
fw_wheel_point_key (cairo_t             *cr,
                    const FwWheelLayout *layout,
                    const FwWheelStyle  *style,
                    const FwWheelScene  *scene,
                    GArray              *numbered)
{
  g_autoptr(GArray) stage_boxes = NULL;
  g_autoptr(GArray) stage_leaders = NULL;
  FwWheelPointText out = { NULL, NULL, NULL, NULL, numbered };
  FwReferralGeometry kept;
  double referral_box[4];

  g_return_val_if_fail (cr != NULL && layout != NULL && style != NULL && scene != NULL, 0);

  if (scene->scenario == NULL || scene->scenario->stages->len == 0
      || !scene->reveal_points || !scene->point_names)
    return 0;
  stage_boxes = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  stage_leaders = g_array_new (FALSE, FALSE, sizeof (double));
  fw_wheel_place_stage_labels (cr, layout, style, scene, &kept, referral_box, stage_boxes, stage_leaders);
  return fw_wheel_place_point_names (cr, layout, style, scene, &kept, referral_box, stage_boxes,
                                     stage_leaders, FALSE, FALSE, &out);
}

gboolean
fw_wheel_point_names_all_shown (cairo_t             *cr,
                                const FwWheelLayout *layout,
                                const FwWheelStyle  *style,
                                const FwWheelScene  *scene)
{
  g_autoptr(GArray) stage_boxes = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  g_autoptr(GArray) stage_leaders = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_points = scene->scenario->points->len - (scene->dragged_point >= 0);
  FwReferralGeometry kept;
  double referral_box[4];

  fw_wheel_place_stage_labels (cr, layout, style, scene, &kept, referral_box, stage_boxes, stage_leaders);
  /* Stopped at the first name left out: a crowded wheel's is among its
   * first few dozen. */
  return fw_wheel_place_point_names (cr, layout, style, scene, &kept, referral_box, stage_boxes,
                                     stage_leaders, FALSE, TRUE, NULL) == n_points;
}
