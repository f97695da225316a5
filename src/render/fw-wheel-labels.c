/* fw-wheel-labels.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-labels"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-display-number.h"
#include "fw-render-text.h"
#include "fw-wheel-private.h"

/* The dark text colour on light arcs: the light theme's foreground, kept
 * in the dark theme too since the arc, not the window, is behind it. */
#define DARK_TEXT "#241f31"

PangoLayout *
fw_wheel_text_layout (cairo_t             *cr,
                      const FwWheelLayout *layout,
                      const FwWheelStyle  *style,
                      double               size,
                      gboolean             bold,
                      const char          *text)
{
  return fw_render_text_layout (cr, NULL, style->font_family, MAX (size, layout->min_text),
                                bold, text);
}

/* Draws @layout with its logical box centred horizontally on @x, its
 * top at @y. */
static void
show_centred (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y)
{
  PangoRectangle logical;

  /* The logical box may start right of the layout's origin (a centred
   * paragraph in a set width): centre the box, not the origin. */
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 y - (double) logical.y / PANGO_SCALE);
  fw_render_show_layout (cr, layout);
}

/* Text colour -------------------------------------------------------- */

static double
contrast (double l1,
          double l2)
{
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

/* White or dark text on an arc of colour @rgb: whichever contrasts more
 * by WCAG's measure. */
static FwRgb
text_color_on (FwRgb rgb)
{
  FwRgb white = { 1.0, 1.0, 1.0 };
  FwRgb dark = fw_wheel_parse_color (DARK_TEXT);
  double l = fw_wheel_luminance (rgb);

  return contrast (l, 1.0) >= contrast (l, fw_wheel_luminance (dark)) ? white : dark;
}

/* Fitting text in an arc ----------------------------------------------- */

typedef struct
{
  const FwWheelLayout *layout;
  double start, span;   /* the arc, degrees */
  double pad;           /* clearance from every edge */
  const double *markers; /* x, y of the markers on this arc, to keep clear of */
  guint n_markers;
} Sector;

static double
segment_distance (double x0, double y0,
                  double x1, double y1,
                  double px, double py)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0.0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0.0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (x0 + t * dx - px, y0 + t * dy - py);
}

static gboolean
point_in_sector (const Sector *sector,
                 double        x,
                 double        y)
{
  double degrees, distance, off, to_start, to_end;

  fw_wheel_layout_polar (sector->layout, x, y, &degrees, &distance);
  if (distance > sector->layout->outer - sector->pad)
    return FALSE;
  if (sector->span >= 360.0)
    return TRUE;

  off = fmod (degrees - sector->start + 720.0, 360.0);
  if (off > sector->span)
    return FALSE;
  /* Distance to each side's radius. */
  to_start = distance * sin (MIN (off, 90.0) * G_PI / 180.0);
  to_end = distance * sin (MIN (sector->span - off, 90.0) * G_PI / 180.0);

  return to_start >= sector->pad && to_end >= sector->pad;
}

/* Whether an upright box @w x @h centred on (@x, @y) fits in the sector:
 * its corners inside, its edges clear of the inner circle. */
static gboolean
box_fits (const Sector *sector,
          double        x,
          double        y,
          double        w,
          double        h)
{
  const FwWheelLayout *layout = sector->layout;
  double xs[4] = { x - w / 2, x + w / 2, x + w / 2, x - w / 2 };
  double ys[4] = { y - h / 2, y - h / 2, y + h / 2, y + h / 2 };
  /* Clear by a little more than the marker's halo: text touching a
   * marker reads as part of it. */
  double clear = layout->marker + MAX (3.0, layout->label_size * 0.25);

  for (guint k = 0; k < sector->n_markers; k++)
    {
      double mx = sector->markers[2 * k], my = sector->markers[2 * k + 1];
      double nx, ny;

      /* Further than that from the box along either axis: clear, with no
       * square root (a label is tried at hundreds of places against up
       * to 1000 markers). */
      if (mx < xs[0] - clear || mx > xs[1] + clear || my < ys[0] - clear || my > ys[2] + clear)
        continue;
      nx = CLAMP (mx, xs[0], xs[1]);
      ny = CLAMP (my, ys[0], ys[2]);
      if (hypot (mx - nx, my - ny) < clear)
        return FALSE;
    }

  for (guint i = 0; i < 4; i++)
    {
      guint j = (i + 1) % 4;

      if (!point_in_sector (sector, xs[i], ys[i]))
        return FALSE;
      if (segment_distance (xs[i], ys[i], xs[j], ys[j], layout->cx, layout->cy)
          < layout->inner + sector->pad)
        return FALSE;
    }
  return TRUE;
}

/* The widest box of height @h that fits centred on (@x, @y). */
static double
fit_width (const Sector *sector,
           double        x,
           double        y,
           double        h)
{
  double lo = 0.0, hi = sector->layout->outer * 2.0;

  if (!box_fits (sector, x, y, 1.0, h))
    return 0.0;
  for (guint i = 0; i < 12; i++)
    {
      double mid = (lo + hi) / 2.0;

      if (box_fits (sector, x, y, mid, h))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Where a label may go in an arc, nearest its middle first: fractions
 * of the arc's span, and of the band from the inner edge out (near 3 and
 * 9 o'clock a box fits best nearer the inner edge, where the band is not
 * curving away; a thin band running diagonally holds an upright box
 * poorly at 45 degrees but well nearer 12 or 3 o'clock). */
static const double along[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88 };
static const double radial[] = { 0.5, 0.42, 0.58, 0.34, 0.66 };

static void
spot_position (const Sector *sector,
               guint         a,
               guint         r,
               double       *x,
               double       *y)
{
  const FwWheelLayout *layout = sector->layout;

  fw_wheel_layout_position (layout, sector->start + sector->span * along[a],
                            layout->inner + (layout->outer - layout->inner) * radial[r],
                            x, y);
}

/* The spot nearest the arc's middle where a @w x @h box fits. */
static gboolean
find_spot (const Sector *sector,
           double        w,
           double        h,
           double       *x,
           double       *y)
{
  for (guint a = 0; a < G_N_ELEMENTS (along); a++)
    for (guint r = 0; r < G_N_ELEMENTS (radial); r++)
      {
        spot_position (sector, a, r, x, y);
        if (box_fits (sector, *x, *y, w, h))
          return TRUE;
      }
  return FALSE;
}

/* The widest box of height @h that fits in the arc, and where: in the
 * middle unless off it gives clearly more room. */
static double
best_fit (const Sector *sector,
          double        h,
          double       *x,
          double       *y)
{
  double best = -1.0;

  for (guint a = 0; a < G_N_ELEMENTS (along); a++)
    for (guint r = 0; r < G_N_ELEMENTS (radial); r++)
      {
        double px, py, w;

        spot_position (sector, a, r, &px, &py);
        w = fit_width (sector, px, py, h);
        if (w > best * (a == 0 ? 1.0 : 1.2) + 0.5)
          {
            best = w;
            *x = px;
            *y = py;
          }
      }
  return best;
}

typedef FwWheelBox Box;

guint
fw_wheel_referral_band_boxes (const FwWheelLayout      *layout,
                              const FwReferralGeometry *referral,
                              FwWheelBox               *boxes)
{
  double half, length;
  guint n;

  if (!referral->shown)
    return 0;
  /* Squares as wide as the band (and a little), close enough along it
   * that no text fits between two. */
  half = MAX (referral->width, 2.0) / 2.0 + 2.0;
  length = (referral->end - referral->start) * G_PI / 180.0 * referral->radius;
  n = (guint) CLAMP (ceil (length / half), 2, FW_WHEEL_MAX_BAND_BOXES);
  for (guint i = 0; i < n; i++)
    {
      double a = referral->start + (referral->end - referral->start) * i / (n - 1);
      double bx, by;

      fw_wheel_layout_position (layout, a, referral->radius, &bx, &by);
      boxes[i].x0 = bx - half;
      boxes[i].y0 = by - half;
      boxes[i].x1 = bx + half;
      boxes[i].y1 = by + half;
    }
  return n;
}


/* A stage's name presented takes at most this many lines. */
#define MAX_PRESENTED_LINES 4
/* ...and in the editor, inside its arc or outside the ring: three, as
 * "Nurture / and / delight" beside a 1024x768 window's ring, where two
 * read "Nurture / and deli..." (review R5-22). */
#define MAX_EDITOR_LINES 3

/* Kept this far inside the area's edges, so nothing outside the ring is
 * ever cut off by the widget or the page. */
#define EDGE_MARGIN 2.0

/* How far round the ring a label outside may slide from its arc's
 * middle to find room (beside the referral label at 12 o'clock, or past
 * a neighbour's label), in steps of SLIDE_STEP degrees: its leader line
 * then runs slanted from its arc. */
#define SLIDE_STEP 3.0
#define SLIDE_MAX  60.0

/* Where round the ring a stage's label outside still reads as its own:
 * from its arc's middle, @before degrees anticlockwise and @after
 * clockwise, halfway to each neighbour's middle. Past that it sits
 * nearer another stage's arc, and a room reads it as that stage's name
 * (a presenter saw "Champion", the last stage at 11 o'clock, slid past
 * 12 o'clock to between two other stages' labels at 1 o'clock, its
 * leader across their arcs). Presenting keeps every label in its cell:
 * its ring gives the labels the room they need for that
 * (fw_wheel_fit_text). The editor's wheel has only the room the window
 * leaves it, and lets a label slide further rather than lose it. */
typedef struct
{
  double middle, before, after;
} LabelCell;

static LabelCell
label_cell (const FwScenario *scenario,
            guint             index)
{
  guint n = scenario->stages->len;
  double start, end, prev_start, prev_end, next_start, next_end;
  LabelCell cell;

  fw_scenario_stage_arc (scenario, index, &start, &end);
  cell.middle = (start + end) / 2.0;
  if (n < 2)
    {
      cell.before = cell.after = 180.0;
      return cell;
    }
  fw_scenario_stage_arc (scenario, (index + n - 1) % n, &prev_start, &prev_end);
  fw_scenario_stage_arc (scenario, (index + 1) % n, &next_start, &next_end);
  /* Degrees round the ring to each neighbour's middle, halved. */
  cell.before = fmod (cell.middle - (prev_start + prev_end) / 2.0 + 720.0, 360.0) / 2.0;
  cell.after = fmod ((next_start + next_end) / 2.0 - cell.middle + 720.0, 360.0) / 2.0;
  return cell;
}

/* Whether a label centred on (@x, @y) lies within @cell. */
static gboolean
in_cell (const FwWheelLayout *layout,
         const LabelCell     *cell,
         double               x,
         double               y)
{
  double degrees, off;

  fw_wheel_layout_polar (layout, x, y, &degrees, NULL);
  off = remainder (degrees - cell->middle, 360.0);
  return off >= -cell->before && off <= cell->after;
}

/* Where a @w x @h label outside the ring at @angle goes, pushed out by
 * @attempt steps: its centre in (@bx, @by), its box in @box. FALSE when
 * the area has no room for it there. */
static gboolean
outside_box_at (const FwWheelLayout *layout,
                double               angle,
                double               anchor,
                double               w,
                double               h,
                guint                attempt,
                double              *bx,
                double              *by,
                Box                 *box)
{
  double dx = sin (angle * G_PI / 180.0), dy = -cos (angle * G_PI / 180.0);
  /* The box's nearest edge sits on the anchor circle. */
  double support = fabs (dx) * w / 2.0 + fabs (dy) * h / 2.0;
  double fx, fy;

  fw_wheel_layout_position (layout, angle, anchor + support + attempt * h * 0.8, &fx, &fy);
  *bx = CLAMP (fx, w / 2.0 + EDGE_MARGIN, MAX (w / 2.0, layout->width - w / 2.0 - EDGE_MARGIN));
  *by = CLAMP (fy, h / 2.0 + EDGE_MARGIN, MAX (h / 2.0, layout->height - h / 2.0 - EDGE_MARGIN));
  /* Pushed back into the area by more than a little, it would lie
   * over the ring: no room outside. */
  if (fabs (fx - *bx) > layout->label_size || fabs (fy - *by) > layout->label_size)
    return FALSE;
  /* Never past the edges, however small the area. */
  if (*bx - w / 2.0 < 0.0 || *bx + w / 2.0 > layout->width
      || *by - h / 2.0 < 0.0 || *by + h / 2.0 > layout->height)
    return FALSE;
  /* Nor over the ring and its markers, which a slide sideways could
   * bring it back to. */
  if (hypot (CLAMP (layout->cx, *bx - w / 2.0, *bx + w / 2.0) - layout->cx,
             CLAMP (layout->cy, *by - h / 2.0, *by + h / 2.0) - layout->cy)
      < layout->rim + layout->marker)
    return FALSE;
  box->x0 = *bx - w / 2.0 - 2.0;
  box->x1 = *bx + w / 2.0 + 2.0;
  box->y0 = *by - h / 2.0;
  box->y1 = *by + h / 2.0;
  return TRUE;
}

static gboolean
overlaps_any (const Box *box,
              const Box *placed,
              guint      n_placed)
{
  for (guint i = 0; i < n_placed; i++)
    if (fw_wheel_boxes_overlap (box, &placed[i]))
      return TRUE;
  return FALSE;
}

/* Where a count goes: its line's top middle at (@x, @y), in that
 * colour. The counts are written there by fw_wheel_paint_counts(), on
 * top of the ring, so that they can roll on without the ring. */
static void
place_count (FwWheelCountSpot *spot,
             double            x,
             double            y,
             double            r,
             double            g,
             double            b,
             double            a)
{
  spot->shown = TRUE;
  spot->x = x;
  spot->y = y;
  spot->rgba[0] = r;
  spot->rgba[1] = g;
  spot->rgba[2] = b;
  spot->rgba[3] = a;
}

/* The box a stage's label was drawn in, @w x @h centred on (@x, @y):
 * for tests, which check that it lies where it says. */
static void
label_box (FwWheelCountSpot *spot,
           double            x,
           double            y,
           double            w,
           double            h)
{
  spot->labelled = TRUE;
  spot->label[0] = x - w / 2.0;
  spot->label[1] = y - h / 2.0;
  spot->label[2] = x + w / 2.0;
  spot->label[3] = y + h / 2.0;
}

/* Where on its arc [@start, @end] a stage's leader leaves it: @from (in
 * the arc), or the angle nearest it a marker's radius and 0.4 text
 * sizes clear of every marker at @markers (@n angles). The four-a
 * template puts points at mid-arc, where a label straight out starts
 * its leader: ending on the marker, the leader named the point, not the
 * stage ("Advocate 677" pointing at a green force, review R5-06). @from
 * when the arc has no such angle: the marker is drawn over the line. */
static double
leader_clear_of_markers (const FwWheelLayout *layout,
                         const double        *markers,
                         guint                n,
                         double               from,
                         double               start,
                         double               end)
{
  double clear, step, span = end - start, u;

  if (n == 0 || layout->rim <= 0.0 || span <= 2.0)
    return from;
  /* A gap that shows between the line and the marker, at a glance from
   * the back of a room: a stroke's width read as touching. */
  clear = (layout->marker * FW_WHEEL_MARKER_EXTENT + MAX (layout->label_size * 0.4, 3.0))
          / layout->rim * 180.0 / G_PI;
  step = MIN (clear / 4.0, 1.0);
  /* Along the arc from its start: a stage over 12 o'clock has angles
   * either side of 0. */
  u = fmod (from - start + 720.0, 360.0);
  for (guint k = 0; k <= 2 * (guint) (span / step) + 1; k++)
    {
      double at = u + step * ((k + 1) / 2) * (k % 2 ? 1.0 : -1.0);
      gboolean clear_here = TRUE;

      if (at < 1.0 || at > span - 1.0)
        continue;
      for (guint i = 0; i < n && clear_here; i++)
        clear_here = fabs (remainder (markers[i] - (start + at), 360.0)) >= clear;
      if (clear_here)
        return start + at;
    }
  return from;
}

/* The other ways a leader may leave its arc, tried in turn when the
 * first crosses text: this many each side of the first, spread over the
 * arc. */
#define LEADER_VARIANTS 8
/* ...and turning this much further out, up to LEADER_REACHES times. */
#define LEADER_REACH(layout) ((layout)->label_size * 0.6)
#define LEADER_REACHES 3
/* ...and slanting round the ring, in steps this many degrees, up to
 * LEADER_SLANTS each way. */
#define LEADER_SLANT  4.0
#define LEADER_SLANTS 4
#define N_LEADER_SHAPES \
  ((2 * LEADER_VARIANTS + 1) * (2 * LEADER_SLANTS + 1) * (LEADER_REACHES + 1))

/* A stage's label beside the referral label keeps this far from it: a
 * space's width (reserve_referral). */
#define REFERRAL_GAP(layout) ((layout)->label_size * 0.5)

/* The leader of a label in @box slid to @at round the ring from its arc
 * [@start, @end], into @leader (four points, x and y each; the first
 * two the same unless it slants). The first
 * (@variant 0): from the arc (its point nearest the label's angle) out
 * to the label's angle past the markers, then on to the label's nearest
 * edge. A label slid or pushed away from its arc still shows which arc
 * it names; one straight out has a short radial line. Where that point
 * is on a marker, the leader leaves the arc beside it and turns as far
 * round past the markers (still radial for a label straight out: a line
 * slanting to the label's angle would cross the marker). The others
 * leave the arc further round it, @variant steps of an eighth of the
 * arc (clockwise when odd), straight out past the markers, and then on
 * to the label: a label parked over the referral label's end reads
 * best with its leader coming up beside that label, not through it
 * (verify10b V10B-01, -09). Each turns @reach steps of LEADER_REACH
 * further out and @slant steps of LEADER_SLANT round the ring
 * (clockwise when odd): at 1024x768 no point of "Generate leads"' arc
 * lies out past the end of "Referral inflow 47/month" over it, and
 * none out past the marker near its end. FALSE when the
 * variant leaves the arc or the turn the area. */
typedef struct
{
  gboolean shown;  /* the variant leaves the arc */
  double   from;   /* where it leaves the arc, clear of the markers */
  double   turn;   /* where it turns, unslanted */
} LeaderStart;

/* Where each variant of a label at @at leaves its arc: the search for
 * a place clear of the markers done once for every place tried at that
 * angle (it took half the placing's time). */
static void
leader_starts (const FwWheelLayout *layout,
               double               at,
               double               start,
               double               end,
               const double        *markers,
               guint                n_markers,
               LeaderStart          starts[2 * LEADER_VARIANTS + 1])
{
  double from = at;

  if (fmod (at - start + 720.0, 360.0) > end - start)
    from = fabs (remainder (at - start, 360.0)) < fabs (remainder (at - end, 360.0)) ? start + 1.0
                                                                                    : end - 1.0;
  for (guint variant = 0; variant <= 2 * LEADER_VARIANTS; variant++)
    {
      double u = fmod (from - start + 720.0, 360.0) + (end - start) / 8.0 * ((variant + 1) / 2)
                                                        * (variant % 2 ? 1.0 : -1.0);
      double here = variant > 0 ? start + u : from;

      starts[variant].shown = variant == 0 || (u >= 1.0 && u <= end - start - 1.0);
      if (!starts[variant].shown)
        continue;
      starts[variant].from = leader_clear_of_markers (layout, markers, n_markers, here, start, end);
      starts[variant].turn = variant > 0 ? starts[variant].from
                                         : at + remainder (starts[variant].from - from, 360.0);
    }
}

static gboolean
stage_leader (const FwWheelLayout *layout,
              const Box           *box,
              double               anchor,
              const LeaderStart   *leader_start,
              guint                slant,
              guint                reach,
              double               leader[8])
{
  double clear_from = leader_start->from, turn = leader_start->turn;

  if (!leader_start->shown)
    return FALSE;
  turn += LEADER_SLANT * ((slant + 1) / 2) * (slant % 2 ? 1.0 : -1.0);
  fw_wheel_layout_position (layout, clear_from, layout->outer - 2.0, &leader[0], &leader[1]);
  /* Slanting round the ring, straight out past the markers first. */
  if (slant > 0)
    fw_wheel_layout_position (layout, clear_from, anchor - 2.0, &leader[2], &leader[3]);
  else
    {
      leader[2] = leader[0];
      leader[3] = leader[1];
    }
  fw_wheel_layout_position (layout, turn, anchor - 2.0 + reach * LEADER_REACH (layout), &leader[4], &leader[5]);
  if (leader[4] < 0.0 || leader[4] > layout->width || leader[5] < 0.0 || leader[5] > layout->height)
    return FALSE;
  /* The box as placed has 2 px more either side than the text. */
  leader[6] = CLAMP (leader[4], box->x0 + 2.0, box->x1 - 2.0);
  leader[7] = CLAMP (leader[5], box->y0, box->y1);
  return TRUE;
}

static double
leader_length (const double leader[8])
{
  return hypot (leader[2] - leader[0], leader[3] - leader[1]) + hypot (leader[4] - leader[2], leader[5] - leader[3])
         + hypot (leader[6] - leader[4], leader[7] - leader[5]);
}

/* Whether any piece of a stage's leader (@leader, as stage_leader()
 * gives it) crosses @box. */
static gboolean
stage_leader_crosses_box (const double leader[8],
                          const Box   *box)
{
  for (guint i = 0; i < 6; i += 2)
    if (fw_wheel_segment_crosses_box (leader[i], leader[i + 1], leader[i + 2], leader[i + 3], box))
      return TRUE;
  return FALSE;
}

/* How clear a leader @leader is of the labels placed (@placed: the
 * referral label's first when @n_label, then the band's @n_band boxes,
 * then the stages') and of their leaders (@leaders, pieces of four
 * doubles): 0 when it crosses a label's words, 1 when it crosses
 * another leader only, 2 when clear of both. A leader may cross the
 * referral band (a label over 12 o'clock leads in under it) but no
 * text: a leader through "Referral inflow" or another stage's name
 * reads as underlining it (verify10b V10B-09); two leaders crossing
 * leave the room unsure which arc each label names, but where every
 * place crosses one, that is better than no label. */
static guint
stage_leader_clearance (const FwWheelLayout *layout,
                        const double         leader[8],
                        const Box           *placed,
                        guint                n_placed,
                        guint                n_label,
                        guint                n_band,
                        const GArray        *leaders)
{
  for (guint i = n_label > 0 ? 0 : n_band; i < n_placed; i = (i + 1 == n_label ? n_label + n_band : i + 1))
    {
      Box text = placed[i];

      /* The referral label's own words, not the space kept beside them
       * for other words (reserve_referral). */
      if (i < n_label)
        {
          text.x0 += REFERRAL_GAP (layout);
          text.x1 -= REFERRAL_GAP (layout);
        }
      if (stage_leader_crosses_box (leader, &text))
        return 0;
    }
  for (guint i = 0; i < leaders->len / 4; i++)
    {
      const double *other = &g_array_index (leaders, double, 4 * i);

      if (fw_wheel_segments_cross (leader, other) || fw_wheel_segments_cross (leader + 2, other)
          || fw_wheel_segments_cross (leader + 4, other))
        return 1;
    }
  return 2;
}

/* Whether no leader placed (@leaders) runs through @box. */
static gboolean
clear_of_leaders (const Box    *box,
                  const GArray *leaders)
{
  for (guint i = 0; i < leaders->len / 4; i++)
    {
      const double *other = &g_array_index (leaders, double, 4 * i);

      if (fw_wheel_segment_crosses_box (other[0], other[1], other[2], other[3], box))
        return FALSE;
    }
  return TRUE;
}

/* Labels of arcs too narrow to hold them, outside the ring with a leader
 * line in from their arc [@start, @end]; pushed further out when they
 * would cover one already placed, then slid round the ring, nearest
 * their arc first, to the first place whose leader crosses no text and
 * no other leader (else crosses no text). A name too long for the room
 * between the ring and the area's edge takes two lines, then is cut
 * short (down to @min_w). The leader keeps clear of the markers at
 * @markers (@n_markers angles); its two pieces are added to @leaders.
 * FALSE, drawing nothing, when there is no room for them there. */
static gboolean
paint_label_outside (cairo_t             *cr,
                     const FwWheelLayout *layout,
                     const FwWheelStyle  *style,
                     PangoLayout         *name,
                     PangoLayout         *count,
                     double               start,
                     double               end,
                     const LabelCell     *cell,
                     double               min_w,
                     gboolean             draw,
                     const double        *markers,
                     guint                n_markers,
                     Box                 *placed,
                     guint               *n_placed,
                     guint                n_label,
                     guint                n_band,
                     GArray              *leaders,
                     FwWheelCountSpot    *spot)
{
  double name_w, name_h, count_w, count_h, w, h, dx, room, angle = (start + end) / 2.0;
  double anchor, ax, bx = 0, by = 0, limit;
  double leader[8], found_leader[8] = { 0 }, found_x = 0, found_y = 0;
  /* What was found: nothing, a place whose leader crosses another
   * leader, one clear of every leader. */
  guint found = 0, here;
  double shortest;
  Box box = { 0, 0, 0, 0 }, found_box = { 0, 0, 0, 0 };

  /* Outside the markers that straddle the rim. */
  anchor = layout->rim + layout->marker + layout->label_size * 0.35;
  dx = sin (angle * G_PI / 180.0);
  fw_render_text_size (count, &count_w, &count_h);

  /* Beside the ring (towards 3 or 9 o'clock) the label is as wide as the
   * room between the ring and the edge allows. */
  fw_wheel_layout_position (layout, angle, anchor, &ax, NULL);
  room = fabs (dx) > 0.5 ? (dx > 0.0 ? layout->width - EDGE_MARGIN - ax : ax - EDGE_MARGIN)
                         : layout->width - 2.0 * EDGE_MARGIN;
  /* Presenting, a long name is given a wider column, rather than five
   * lines of a word each. */
  limit = MIN (layout->label_size * (layout->min_text > 0.0 ? 13.0 : 9.0), room);
  if (limit < count_w)
    return FALSE;
  /* A long name takes more lines before it is cut short: up to three in
   * the editor; presenting, where no name is ever cut short, up to four (MODEL.md allows 80
   * characters: a stage named "Activation through a guided onboarding
   * call" read "Activati..." before a room). */
  pango_layout_set_width (name, (int) (limit * PANGO_SCALE));
  pango_layout_set_wrap (name, PANGO_WRAP_WORD);
  pango_layout_set_height (name, layout->min_text > 0.0 ? -MAX_PRESENTED_LINES : -MAX_EDITOR_LINES);
  pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  fw_render_text_size (name, &name_w, &name_h);
  /* Whole (on up to two lines), or cut no shorter than @min_w. */
  if (pango_layout_is_ellipsized (name) && name_w < min_w)
    return FALSE;
  w = MAX (name_w, count_w);
  h = name_h + count_h;

  /* Straight out from the arc's middle, pushed out a little at most;
   * then slid round the ring, a step to one side and then the other. */
  for (guint slide = 0; slide <= 2 * (guint) (SLIDE_MAX / SLIDE_STEP) && found < 2; slide++)
    {
      double offset = SLIDE_STEP * ((slide + 1) / 2) * (slide % 2 ? 1.0 : -1.0);
      double at = angle + (slide == 0 ? 0.0 : offset);
      LeaderStart starts[2 * LEADER_VARIANTS + 1];
      gboolean started = FALSE;

      for (guint attempt = 0; attempt < 3 && found < 2; attempt++)
        {
          if (!outside_box_at (layout, at, anchor, w, h, attempt, &bx, &by, &box)
              || (cell != NULL && !in_cell (layout, cell, bx, by))
              || overlaps_any (&box, placed, *n_placed)
              || !clear_of_leaders (&box, leaders))
            continue;
          if (!started)
            leader_starts (layout, at, start, end, markers, n_markers, starts);
          started = TRUE;
          /* The first shape when it is clear (as nearly always); else
           * the shortest clear one, a leader that wanders reading worse
           * than a short one. */
          shortest = G_MAXDOUBLE;
          here = 0;

          for (guint tried = 0; tried < N_LEADER_SHAPES; tried++)
            {
              guint variant = tried % (2 * LEADER_VARIANTS + 1);
              guint slant = tried / (2 * LEADER_VARIANTS + 1) % (2 * LEADER_SLANTS + 1);
              guint reach = tried / ((2 * LEADER_VARIANTS + 1) * (2 * LEADER_SLANTS + 1));
              guint kind;
              double length;

              if (!stage_leader (layout, &box, anchor, &starts[variant], slant, reach, leader))
                continue;
              length = leader_length (leader);
              if (here == 2 && length >= shortest)
                continue;
              kind = stage_leader_clearance (layout, leader, placed, *n_placed, n_label, n_band, leaders);
              /* A crossing leader only while none is clear. */
              if (kind == 0 || (kind == 1 && found > 0) || kind < here)
                continue;
              if (kind > here)
                shortest = G_MAXDOUBLE;
              if (length >= shortest)
                continue;
              here = kind;
              shortest = length;
              found_box = box;
              found_x = bx;
              found_y = by;
              memcpy (found_leader, leader, sizeof leader);
              /* The first shape, clear: nothing to look further for. */
              if (tried == 0 && kind == 2)
                break;
            }
          found = MAX (found, here);
        }
    }
  if (found == 0)
    return FALSE;  /* crowded out */
  box = found_box;
  bx = found_x;
  by = found_y;
  placed[(*n_placed)++] = box;
  for (guint i = 0; i < 6; i += 2)
    if (found_leader[i] != found_leader[i + 2] || found_leader[i + 1] != found_leader[i + 3])
      g_array_append_vals (leaders, found_leader + i, 4);
  if (!draw)
    return TRUE;

  spot->led = TRUE;
  memcpy (spot->leader, found_leader, sizeof found_leader);
  cairo_new_path (cr);
  cairo_move_to (cr, found_leader[0], found_leader[1]);
  cairo_line_to (cr, found_leader[2], found_leader[3]);
  cairo_line_to (cr, found_leader[4], found_leader[5]);
  {
    double nx = found_leader[6], ny = found_leader[7];
    double length = hypot (nx - found_leader[4], ny - found_leader[5]);

    /* Stopping a little short of the text. */
    if (length > 4.0)
      cairo_line_to (cr, nx - (nx - found_leader[4]) / length * 3.0,
                     ny - (ny - found_leader[5]) / length * 3.0);
  }
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], FW_WHEEL_INK (style, 0.55));
  cairo_set_line_width (cr, FW_WHEEL_STROKE (style, 1.25));
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], style->fg[3]);
  show_centred (cr, name, bx, by - h / 2.0);
  place_count (spot, bx, by - h / 2.0 + name_h,
               style->fg[0], style->fg[1], style->fg[2], style->fg[3] * FW_WHEEL_INK (style, 0.75));
  label_box (spot, bx, by, w, h);
  return TRUE;
}

static void
ellipsize_to (PangoLayout *layout,
              double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* How well a label fits, best last: with the counts of the whole wheel
 * in one form, a stage that fits worse with exact counts than with
 * compact ones makes every stage use the compact form. */
typedef enum
{
  FIT_NONE,     /* left out */
  FIT_SHORT,    /* inside, its name cut short */
  FIT_OUTSIDE,  /* outside the ring, whole */
  FIT_WHOLE,    /* inside, whole */
} Fit;

static void
draw_two_lines (cairo_t          *cr,
                PangoLayout      *name,
                PangoLayout      *count,
                double            w,
                double            x,
                double            y,
                FwRgb             ink,
                FwWheelCountSpot *spot)
{
  double name_w, name_h, count_w, count_h;

  fw_render_text_size (name, &name_w, &name_h);
  if (name_w > w)
    ellipsize_to (name, w);
  fw_render_text_size (count, &count_w, &count_h);

  cairo_set_source_rgb (cr, ink.r, ink.g, ink.b);
  show_centred (cr, name, x, y - (name_h + count_h) / 2.0);
  place_count (spot, x, y - (name_h + count_h) / 2.0 + name_h, ink.r, ink.g, ink.b, 0.9);
  fw_render_text_size (name, &name_w, NULL);
  label_box (spot, x, y, MAX (name_w, count_w), name_h + count_h);
}

static void
draw_one_line (cairo_t          *cr,
               PangoLayout      *name,
               PangoLayout      *count,
               double            w,
               double            space,
               double            x,
               double            y,
               FwRgb             ink,
               FwWheelCountSpot *spot)
{
  double name_w, name_h, count_w, count_h, used;

  fw_render_text_size (count, &count_w, &count_h);
  fw_render_text_size (name, &name_w, &name_h);
  if (name_w > w - space - count_w)
    {
      ellipsize_to (name, w - space - count_w);
      fw_render_text_size (name, &name_w, &name_h);
    }
  used = name_w + space + count_w;

  cairo_set_source_rgb (cr, ink.r, ink.g, ink.b);
  show_centred (cr, name, x - used / 2.0 + name_w / 2.0, y - name_h / 2.0);
  place_count (spot, x + used / 2.0 - count_w / 2.0, y - name_h / 2.0, ink.r, ink.g, ink.b, 0.9);
  label_box (spot, x, y - name_h / 2.0 + MAX (name_h, count_h) / 2.0, used, MAX (name_h, count_h));
}

/* The width of the shortest stub of a name that still says which stage
 * it is: its first four characters and an ellipsis. */
static double
stub_width (PangoLayout *name,
            double       name_w)
{
  const char *text = pango_layout_get_text (name);
  g_autoptr(PangoLayout) stub = NULL;
  g_autofree char *stub_text = NULL;
  double w, h;

  if (g_utf8_strlen (text, -1) <= 5)
    return name_w;

  stub_text = g_strconcat ("", text, NULL);
  *g_utf8_offset_to_pointer (stub_text, 4) = '\0';
  stub = pango_layout_copy (name);
  pango_layout_set_text (stub, stub_text, -1);
  fw_render_text_size (stub, &w, &h);
  /* Room for the ellipsis too. */
  return MIN (name_w, w + h * 0.5);
}

static double
set_count (PangoLayout *count,
           const char  *text)
{
  double w, h;

  pango_layout_set_text (count, text, -1);
  fw_render_text_size (count, &w, &h);
  return w;
}

/* Inside the arc, in order of preference: the whole name over the count
 * (exact, then compact); the whole name and the count on one line (a
 * thin band); the name ellipsized over the count; ellipsized on one
 * line. FALSE when none fits and the label must go outside. Squeezed
 * (no room outside either), any stub that fits will do; when not even
 * that fits the label is left out: the stage panel lists every stage. */
static Fit
paint_label_inside (cairo_t             *cr,
                    const FwWheelLayout *layout,
                    const Sector        *sector,
                    PangoLayout         *name,
                    PangoLayout         *count,
                    const char          *count_text,
                    gboolean             squeezed,
                    gboolean             whole_only,
                    gboolean             draw,
                    gboolean             draw_short,
                    FwRgb                ink,
                    FwWheelCountSpot    *spot)
{
  static const double wraps[] = { 0.75, 0.6, 0.45, 0.35, 0.28 };
  /* Presenting keeps every word: a long name takes more lines. */
  guint n_wraps = layout->min_text > 0.0 ? G_N_ELEMENTS (wraps) : 3;
  guint max_lines = layout->min_text > 0.0 ? MAX_PRESENTED_LINES : MAX_EDITOR_LINES;
  double name_w, name_h, count_w, count_h, min_w, space, w, x = 0, y = 0;

  fw_render_text_size (name, &name_w, &name_h);
  fw_render_text_size (count, &count_w, &count_h);
  /* Squeezed: the arc holds a short stub better than outside holds the
   * label; any stub then, rather than nothing. */
  min_w = squeezed ? MIN (name_w, name_h * 1.2) : stub_width (name, name_w);
  space = layout->label_size * 0.35;

  count_w = set_count (count, count_text);
  if (find_spot (sector, MAX (name_w, count_w), name_h + count_h, &x, &y))
    {
      if (draw)
        draw_two_lines (cr, name, count, MAX (name_w, count_w), x, y, ink, spot);
      return FIT_WHOLE;
    }
  if (find_spot (sector, name_w + space + count_w, MAX (name_h, count_h), &x, &y))
    {
      if (draw)
        draw_one_line (cr, name, count, name_w + space + count_w, space, x, y, ink, spot);
      return FIT_WHOLE;
    }

  /* A long name over two or three lines ("Nurture and / delight"). */
  if (strchr (pango_layout_get_text (name), ' ') != NULL)
    for (guint i = 0; i < n_wraps; i++)
      {
        double wrap_w, wrap_h;

        pango_layout_set_width (name, (int) (name_w * wraps[i] * PANGO_SCALE));
        pango_layout_set_wrap (name, PANGO_WRAP_WORD);
        pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
        fw_render_text_size (name, &wrap_w, &wrap_h);
        if (pango_layout_get_line_count (name) <= (int) max_lines && fw_render_text_words_whole (name)
            && find_spot (sector, MAX (wrap_w, count_w), wrap_h + count_h, &x, &y))
          {
            if (draw)
              draw_two_lines (cr, name, count, MAX (wrap_w, count_w), x, y, ink, spot);
            return FIT_WHOLE;
          }
        pango_layout_set_width (name, -1);
      }

  /* Only asked whether it fits whole: the search for the most room to
   * cut the name short in is the costly part. */
  if (whole_only)
    return FIT_NONE;

  w = best_fit (sector, name_h + count_h, &x, &y);
  if (w >= min_w && w >= count_w)
    {
      if (draw && (draw_short || w >= name_w))
        draw_two_lines (cr, name, count, w, x, y, ink, spot);
      return w >= name_w ? FIT_WHOLE : FIT_SHORT;
    }
  w = best_fit (sector, MAX (name_h, count_h), &x, &y);
  if (w >= min_w + space + count_w)
    {
      if (draw && (draw_short || w >= name_w + space + count_w))
        draw_one_line (cr, name, count, w, space, x, y, ink, spot);
      return w >= name_w + space + count_w ? FIT_WHOLE : FIT_SHORT;
    }
  /* The last resort before leaving the label out: the name alone, on
   * one line, at least its first letters; the count is in the stage
   * panel. */
  if (squeezed && w >= stub_width (name, name_w))
    {
      if (draw)
        {
          double shown_w, shown_h;

          if (name_w > w)
            ellipsize_to (name, w);
          fw_render_text_size (name, &shown_w, &shown_h);
          cairo_set_source_rgb (cr, ink.r, ink.g, ink.b);
          show_centred (cr, name, x, y - shown_h / 2.0);
          label_box (spot, x, y, shown_w, shown_h);
        }
      return FIT_SHORT;
    }

  return FIT_NONE;
}

/* One pass over the stages with every count in one form: placing only
 * (@draw FALSE) to see how well each label fits, or drawing too. */
typedef struct
{
  cairo_t                  *cr;
  const FwWheelLayout      *layout;
  const FwWheelStyle       *style;
  const FwWheelScene       *scene;
  const FwReferralGeometry *referral;
  const double             *reserved;
  const FwWheelRoom        *room;       /* the room the counts are placed in */
  FwWheelCountSpots        *spots;      /* where the counts go; NULL unless drawing */
  const double             *markers;    /* x, y of every marker but the dragged */
  const double             *angles;     /* and its angle */
  guint                     n_markers;
  gboolean                  stop_short; /* a pass stops at the first name cut short or left out */
} LabelContext;

/* Whether a label shows its stage's whole name. */
static gboolean
fit_whole (Fit fit)
{
  return fit == FIT_WHOLE || fit == FIT_OUTSIDE;
}

/* Outside labels keep clear of the referral label and band: the boxes
 * placed before any stage's label. */
static guint
reserve_referral (const LabelContext *context,
                  Box                *placed,
                  guint              *n_label,
                  guint              *n_band)
{
  const double *reserved = context->reserved;
  guint n_placed = 0;

  if (reserved[2] > reserved[0])
    {
      /* With a space's width to spare: a stage's label beside it
       * ("Referrals 200" by "Referrals 50/month") must not read as one
       * line with it. */
      double gap = REFERRAL_GAP (context->layout);

      placed[0].x0 = reserved[0] - gap;
      placed[0].y0 = reserved[1];
      placed[0].x1 = reserved[2] + gap;
      placed[0].y1 = reserved[3];
      n_placed = 1;
    }
  *n_label = n_placed;
  /* ...and of the referral band. */
  *n_band = fw_wheel_referral_band_boxes (context->layout, context->referral, placed + n_placed);
  return n_placed + *n_band;
}

/* Places (and with @draw, draws) every stage's label with its count in
 * the compact form or not; @fits gets how well each one fitted. With
 * @probe, only finds whether every label fits whole inside its arc,
 * stopping at the first that does not; with the context's stop_short,
 * whether every name shows whole, stopping (FALSE) at the first that
 * does not. */
static gboolean
label_pass (const LabelContext *context,
            gboolean            compact,
            gboolean            probe,
            gboolean            draw,
            Fit                *fits,
            GArray             *outside_boxes,
            GArray             *outside_leaders)
{
  const FwWheelLayout *layout = context->layout;
  const FwScenario *scenario = context->scene->scenario;
  Box placed[FW_MAX_STAGES + 1 + FW_WHEEL_MAX_BAND_BOXES];
  guint n_label, n_band;
  guint n_reserved = reserve_referral (context, placed, &n_label, &n_band);
  guint n_placed = n_reserved;
  /* The leaders of the labels placed outside, for the next to keep
   * clear of. */
  g_autoptr(GArray) leaders = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *near = g_new (double, 2 * MAX (context->n_markers, 1));

  if (context->spots != NULL)
    {
      memset (context->spots->stages, 0, sizeof context->spots->stages);
      context->spots->compact = compact;
    }
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, i);
      /* Placed for the count that takes the most room (FwWheelRoom). */
      double value = context->room->count[compact][i];
      g_autofree char *count_text = compact ? fw_display_compact (value) : fw_display_count (value);
      FwWheelCountSpot scratch, *spot = context->spots != NULL ? &context->spots->stages[i] : &scratch;
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) count = NULL;
      g_autoptr(PangoLayout) outside = NULL;
      double start, end, name_w, name_h;
      LabelCell cell;
      Sector sector;
      FwRgb ink;

      /* Fitting asks only whether every name shows whole: the answer
       * is known at the first that does not (a crowded wheel's first). */
      if (context->stop_short && i > 0 && !fit_whole (fits[i - 1]))
        return FALSE;
      /* A stage a guided reveal has not shown yet has no label. */
      fits[i] = FIT_NONE;
      if (i >= context->scene->reveal_stages)
        continue;

      fw_scenario_stage_arc (scenario, i, &start, &end);
      sector.layout = layout;
      sector.start = start;
      sector.span = end - start;
      sector.pad = fw_wheel_gap (layout) / 2.0 + layout->label_size * 0.2;
      sector.markers = near;
      sector.n_markers = 0;
      for (guint k = 0; k < context->n_markers; k++)
        {
          double off = fmod (context->angles[k] - start, 360.0);

          if (off < 0.0)
            off += 360.0;
          /* Only the markers over this arc or just past its ends. */
          if (off <= sector.span + 10.0 || off >= 350.0)
            {
              near[2 * sector.n_markers] = context->markers[2 * k];
              near[2 * sector.n_markers + 1] = context->markers[2 * k + 1];
              sector.n_markers++;
            }
        }

      name = fw_wheel_text_layout (context->cr, layout, context->style, layout->label_size, TRUE,
                                   stage->name);
      pango_layout_set_single_paragraph_mode (name, TRUE);
      count = fw_wheel_text_layout (context->cr, layout, context->style, layout->label_size, FALSE,
                                    count_text);

      ink = text_color_on (fw_wheel_parse_color (stage->color));
      fits[i] = paint_label_inside (context->cr, layout, &sector, name, count, count_text,
                                    FALSE, probe, draw, FALSE, ink, spot);
      if (fits[i] == FIT_WHOLE)
        continue;
      if (probe)
        return FALSE;
      /* Outside, whole if there is room, else cut short to a stub; a
       * label cut short inside stays there unless outside holds it
       * whole. */
      outside = pango_layout_copy (name);
      pango_layout_set_text (count, count_text, -1);
      fw_render_text_size (name, &name_w, &name_h);
      cell = label_cell (scenario, i);
      if (n_placed < G_N_ELEMENTS (placed)
          && paint_label_outside (context->cr, layout, context->style, outside, count,
                                  start, end, layout->min_text > 0.0 ? &cell : NULL,
                                  fits[i] == FIT_SHORT ? name_w : stub_width (name, name_w),
                                  draw, context->angles, context->n_markers, placed, &n_placed,
                                  n_label, n_band, leaders, spot))
        {
          /* Whole outside (as it must be to leave a short label
           * inside), or cut short there too. */
          fits[i] = fw_render_text_words_whole (outside) ? FIT_OUTSIDE : FIT_SHORT;
          continue;
        }
      if (fits[i] == FIT_SHORT)
        {
          /* Drawn inside after all: place it again, drawing. */
          if (draw)
            {
              g_object_unref (name);
              name = fw_wheel_text_layout (context->cr, layout, context->style, layout->label_size,
                                           TRUE, stage->name);
              pango_layout_set_single_paragraph_mode (name, TRUE);
              paint_label_inside (context->cr, layout, &sector, name, count, count_text,
                                  FALSE, FALSE, TRUE, TRUE, ink, spot);
            }
          continue;
        }
      /* Squeezed, a label partly under a marker beats no label. */
      sector.n_markers = 0;
      fits[i] = MIN (paint_label_inside (context->cr, layout, &sector, name, count, count_text,
                                         TRUE, FALSE, draw, TRUE, ink, spot), FIT_SHORT);
    }
  if (context->stop_short && scenario->stages->len > 0 && !fit_whole (fits[scenario->stages->len - 1]))
    return FALSE;
  if (outside_boxes != NULL)
    g_array_append_vals (outside_boxes, placed + n_reserved, n_placed - n_reserved);
  if (outside_leaders != NULL && leaders->len > 0)
    g_array_append_vals (outside_leaders, leaders->data, leaders->len);
  return TRUE;
}

/* Where every marker but the dragged one is, for labels to keep clear
 * of; @markers holds 2 * n doubles, @angles n. */
static void
label_context_init (LabelContext             *context,
                    cairo_t                  *cr,
                    const FwWheelLayout      *layout,
                    const FwWheelStyle       *style,
                    const FwWheelScene       *scene,
                    const FwReferralGeometry *referral,
                    const double             *reserved,
                    const FwWheelRoom        *room,
                    FwWheelCountSpots        *spots,
                    double                   *markers,
                    double                   *angles)
{
  const FwScenario *scenario = scene->scenario;

  context->cr = cr;
  context->layout = layout;
  context->style = style;
  context->scene = scene;
  context->referral = referral;
  context->reserved = reserved;
  context->room = room;
  context->spots = spots;
  context->markers = markers;
  context->angles = angles;
  context->n_markers = 0;
  context->stop_short = FALSE;
  {
    g_autofree double *drawn = fw_wheel_layout_marker_angles (layout, scenario);

    for (guint k = 0; k < scenario->points->len; k++)
      {
        if ((int) k == scene->dragged_point)
          continue;
        fw_wheel_layout_position (layout, drawn[k], layout->rim,
                                  &markers[2 * context->n_markers],
                                  &markers[2 * context->n_markers + 1]);
        angles[context->n_markers++] = drawn[k];
      }
  }
}

/* One form of count for the whole wheel: a consultant cannot show
 * "1k, 2000, 3k" side by side. Exact counts while every label fits whole
 * inside its arc with them (the quick probe, stopping at the first that
 * does not). Otherwise both forms are placed, and the compact form is
 * shown only when it fits some label better: a label that goes outside
 * the ring, or is cut short, with either form (a long name on a narrow
 * arc) is no reason to show "1.1k" where the table says 1,135 (user
 * review V10-11). Only when some count reads differently in the two
 * forms is there a choice. */
static gboolean
choose_compact (const LabelContext *context)
{
  Fit exact[FW_MAX_STAGES], compact[FW_MAX_STAGES];
  LabelContext placing = *context;
  guint n_stages = MIN (context->scene->scenario->stages->len, FW_MAX_STAGES);

  if (!context->room->forms_differ || label_pass (context, FALSE, TRUE, FALSE, exact, NULL, NULL))
    return FALSE;

  /* Every label placed, whatever the caller asks of its own pass. */
  placing.stop_short = FALSE;
  placing.spots = NULL;
  label_pass (&placing, FALSE, FALSE, FALSE, exact, NULL, NULL);
  label_pass (&placing, TRUE, FALSE, FALSE, compact, NULL, NULL);
  for (guint i = 0; i < n_stages; i++)
    if (compact[i] > exact[i])
      return TRUE;
  return FALSE;
}

/* What deciding about labels without drawing them needs: the referral
 * label's box as the painter reserves it (painted into nothing), and
 * where the markers are. */
typedef struct
{
  FwReferralGeometry referral;
  FwWheelRoom        room;
  double             reserved[4];
  double            *markers;
  double            *angles;
} LabelProbe;

static void
label_probe_init (LabelProbe          *probe,
                  LabelContext        *context,
                  cairo_t             *cr,
                  const FwWheelLayout *layout,
                  const FwWheelStyle  *style,
                  const FwWheelScene  *scene)
{
  guint n_points = scene->scenario->points->len;

  probe->markers = g_new (double, 2 * MAX (n_points, 1));
  probe->angles = g_new (double, MAX (n_points, 1));
  if (scene->room != NULL)
    probe->room = *scene->room;
  else
    fw_wheel_room_measure (&probe->room, cr, layout, style, scene);
  fw_wheel_kept_referral (layout, scene, &probe->room, &probe->referral, probe->reserved);
  label_context_init (context, cr, layout, style, scene, &probe->referral, probe->reserved,
                      &probe->room, NULL, probe->markers, probe->angles);
}

static void
label_probe_clear (LabelProbe *probe)
{
  g_free (probe->markers);
  g_free (probe->angles);
}

gboolean
fw_wheel_labels_compact (cairo_t             *cr,
                         const FwWheelLayout *layout,
                         const FwWheelStyle  *style,
                         const FwWheelScene  *scene)
{
  LabelProbe probe;
  LabelContext context;
  gboolean compact;

  label_probe_init (&probe, &context, cr, layout, style, scene);
  compact = choose_compact (&context);
  label_probe_clear (&probe);
  return compact;
}

guint
fw_wheel_count_stage_labels (cairo_t             *cr,
                             const FwWheelLayout *layout,
                             const FwWheelStyle  *style,
                             const FwWheelScene  *scene,
                             guint               *whole)
{
  LabelProbe probe;
  LabelContext context;
  Fit fits[FW_MAX_STAGES];
  guint n_stages, drawn = 0, in_full = 0;

  g_return_val_if_fail (cr != NULL && layout != NULL && style != NULL && scene != NULL, 0);

  if (whole != NULL)
    *whole = 0;
  if (scene->scenario == NULL)
    return 0;

  n_stages = MIN (scene->scenario->stages->len, FW_MAX_STAGES);
  label_probe_init (&probe, &context, cr, layout, style, scene);
  label_pass (&context, choose_compact (&context), FALSE, FALSE, fits, NULL, NULL);
  label_probe_clear (&probe);
  for (guint i = 0; i < n_stages; i++)
    {
      drawn += fits[i] != FIT_NONE;
      in_full += fits[i] == FIT_WHOLE || fits[i] == FIT_OUTSIDE;
    }
  if (whole != NULL)
    *whole = in_full;
  return drawn;
}

void
fw_wheel_place_stage_labels (cairo_t             *cr,
                             const FwWheelLayout *layout,
                             const FwWheelStyle  *style,
                             const FwWheelScene  *scene,
                             FwReferralGeometry  *kept,
                             double               referral_box[4],
                             GArray              *placed,
                             GArray              *leaders)
{
  LabelProbe probe;
  LabelContext context;
  Fit fits[FW_MAX_STAGES];

  label_probe_init (&probe, &context, cr, layout, style, scene);
  label_pass (&context, choose_compact (&context), FALSE, FALSE, fits, placed, leaders);
  *kept = probe.referral;
  memcpy (referral_box, probe.reserved, sizeof probe.reserved);
  label_probe_clear (&probe);
}

void
fw_wheel_paint_stage_labels (cairo_t             *cr,
                             const FwWheelLayout *layout,
                             const FwWheelStyle  *style,
                             const FwWheelScene  *scene,
                             const FwReferralGeometry *referral,
                             const double         reserved[4],
                             const FwWheelRoom   *room,
                             GArray              *placed,
                             GArray              *leaders,
                             FwWheelCountSpots   *spots)
{
  guint n_points = scene->scenario->points->len;
  g_autofree double *markers = g_new (double, 2 * MAX (n_points, 1));
  g_autofree double *angles = g_new (double, MAX (n_points, 1));
  Fit fits[FW_MAX_STAGES];
  LabelContext context;

  label_context_init (&context, cr, layout, style, scene, referral, reserved, room, NULL,
                      markers, angles);
  /* Deciding the form places labels too: only the last pass says where
   * the counts go. */
  context.spots = NULL;
  {
    gboolean compact = choose_compact (&context);

    context.spots = spots;
    label_pass (&context, compact, FALSE, TRUE, fits, placed, leaders);
  }
}

char *
fw_wheel_stage_count_text (const FwWheelScene      *scene,
                           const FwWheelCountSpots *spots,
                           guint                    stage)
{
  double value;

  g_return_val_if_fail (scene != NULL && spots != NULL, NULL);

  if (scene->scenario == NULL || stage >= MIN (scene->scenario->stages->len, FW_MAX_STAGES) ||
      !spots->stages[stage].shown)
    return NULL;
  value = fw_wheel_stage_count (scene, stage);
  return spots->compact ? fw_display_compact (value) : fw_display_count (value);
}

void
fw_wheel_paint_stage_counts (cairo_t                 *cr,
                             const FwWheelLayout     *layout,
                             const FwWheelStyle      *style,
                             const FwWheelScene      *scene,
                             const FwWheelCountSpots *spots,
                             guint                    first,
                             guint                    end)
{
  guint n_stages = MIN (MIN (scene->scenario->stages->len, FW_MAX_STAGES), end);
  g_autoptr(PangoLayout) count = NULL;

  if (first >= n_stages)
    return;
  count = fw_wheel_text_layout (cr, layout, style, layout->label_size, FALSE, "");
  for (guint i = first; i < n_stages; i++)
    {
      const FwWheelCountSpot *spot = &spots->stages[i];
      g_autofree char *text = fw_wheel_stage_count_text (scene, spots, i);

      if (text == NULL)
        continue;
      /* Placed for the widest count of the periods the scene is between
       * (FwWheelRoom): a narrower one sits in the middle of that room. */
      pango_layout_set_text (count, text, -1);
      cairo_set_source_rgba (cr, spot->rgba[0], spot->rgba[1], spot->rgba[2], spot->rgba[3]);
      show_centred (cr, count, spot->x, spot->y);
    }
}

/* Referral label -------------------------------------------------------- */

/* Whether a stage's name holds the word the referral label starts with,
 * as the sales cycle's stage "Referrals" does: the label then says
 * "Referral inflow", the name the figures and the chart give the same
 * number, so that a stage and the flow are not read as one thing when
 * they sit side by side at 12 o'clock (docs/architecture.md, "The
 * wheel widget"). */
static gboolean
stage_named_like_referrals (const FwScenario *scenario)
{
  /* TRANSLATORS: the stem of the first word of the wheel's referral label
   * ("Referrals 120/month"), in lower case. A stage whose name holds it,
   * in any case ("Referrals", "Referral partners"), makes the label read
   * "Referral inflow 120/month" instead. */
  g_autofree char *stem = g_utf8_casefold (C_("stem in a stage name", "referral"), -1);

  if (scenario == NULL)
    return FALSE;
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      g_autofree char *name = g_utf8_casefold (fw_scenario_get_stage (scenario, i)->name, -1);

      if (strstr (name, stem) != NULL)
        return TRUE;
    }
  return FALSE;
}

PangoLayout *
fw_wheel_referral_label_layout (cairo_t                  *cr,
                                const FwWheelLayout      *layout,
                                const FwWheelStyle       *style,
                                const FwWheelScene       *scene,
                                const FwReferralGeometry *geometry)
{
  g_autofree char *figure = fw_display_count (geometry->referrals);
  g_autofree char *markup = NULL;
  gboolean inflow = stage_named_like_referrals (scene->scenario);
  PangoLayout *text;

  if (geometry->width <= 0.0)
    markup = g_markup_printf_escaped ("%s", _("No referrals"));
  else if (inflow && scene->period_label != NULL)
    /* TRANSLATORS: the referral flow on the wheel when a stage is named
     * "Referrals", e.g. "Referral inflow 120/month" */
    markup = g_markup_printf_escaped (_("<b>Referral inflow</b> %s/%s"), figure, scene->period_label);
  else if (inflow)
    markup = g_markup_printf_escaped (_("<b>Referral inflow</b> %s"), figure);
  else if (scene->period_label != NULL)
    /* TRANSLATORS: the referral flow on the wheel, e.g. "Referrals 120/month" */
    markup = g_markup_printf_escaped (_("<b>Referrals</b> %s/%s"), figure, scene->period_label);
  else
    markup = g_markup_printf_escaped (_("<b>Referrals</b> %s"), figure);

  text = fw_wheel_text_layout (cr, layout, style, layout->label_size * 0.95, FALSE, "");
  pango_layout_set_markup (text, markup, -1);
  return text;
}

char *
fw_wheel_referral_text (cairo_t             *cr,
                        const FwWheelLayout *layout,
                        const FwWheelStyle  *style,
                        const FwWheelScene  *scene)
{
  FwReferralGeometry geometry;
  g_autoptr(PangoLayout) text = NULL;

  g_return_val_if_fail (cr != NULL && layout != NULL && style != NULL && scene != NULL, NULL);

  fw_wheel_referral_geometry (layout, scene, &geometry);
  if (!geometry.shown || !scene->reveal_referral)
    return NULL;
  text = fw_wheel_referral_label_layout (cr, layout, style, scene, &geometry);
  return g_strdup (pango_layout_get_text (text));
}

/* The top of a referral label @h high over a band @band wide: centred
 * over 12 o'clock, which the flow always crosses, steady whatever the
 * stages' weights. */
static double
referral_label_top (const FwWheelLayout      *layout,
                    const FwReferralGeometry *geometry,
                    double                    band,
                    double                    h)
{
  return layout->cy - geometry->radius - MAX (band, 2.0) / 2.0 - layout->label_size * 0.2 - h;
}

void
fw_wheel_kept_referral (const FwWheelLayout *layout,
                        const FwWheelScene  *scene,
                        const FwWheelRoom   *room,
                        FwReferralGeometry  *kept,
                        double               box[4])
{
  double top;

  fw_wheel_referral_geometry (layout, scene, kept);
  kept->width = room->band;
  box[0] = box[1] = box[2] = box[3] = 0.0;
  if (!kept->shown)
    return;

  top = referral_label_top (layout, kept, room->band, room->referral_height);
  box[0] = layout->cx - room->referral_width / 2.0;
  box[1] = top;
  box[2] = layout->cx + room->referral_width / 2.0;
  box[3] = top + room->referral_height;
}

void
fw_wheel_paint_referral_label (cairo_t                  *cr,
                               const FwWheelLayout      *layout,
                               const FwWheelStyle       *style,
                               const FwWheelScene       *scene,
                               const FwReferralGeometry *geometry,
                               double                    band)
{
  g_autoptr(PangoLayout) text = NULL;
  double w, h;

  if (!geometry->shown)
    return;

  text = fw_wheel_referral_label_layout (cr, layout, style, scene, geometry);
  fw_render_text_size (text, &w, &h);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2],
                         style->fg[3] * (geometry->width > 0.0 ? 1.0 : FW_WHEEL_INK (style, 0.6)));
  show_centred (cr, text, layout->cx, referral_label_top (layout, geometry, band, h));
}

/* Hub ------------------------------------------------------------------ */

/* The hub's figure at @size, shrunk to the hub's width when too long. */
static PangoLayout *
hub_figure (cairo_t             *cr,
            const FwWheelLayout *layout,
            const FwWheelStyle  *style,
            const char          *text,
            double               size,
            double               room)
{
  PangoLayout *figure = fw_wheel_text_layout (cr, layout, style, size, TRUE, text);
  double w, h;

  fw_render_text_size (figure, &w, &h);
  if (w > room)
    {
      /* A long figure shrinks to the hub rather than spilling over. */
      g_object_unref (figure);
      figure = fw_wheel_text_layout (cr, layout, style, size * room / w, TRUE, text);
    }
  return figure;
}

/* The hub's text laid out: its figure, "momentum" and "people moving
 * per month", which of them show, and how tall the three are. */
typedef struct
{
  PangoLayout *figure, *caption, *unit;
  double       fig_h, cap_h, unit_h;
  gboolean     show_caption, show_unit;
  gboolean     inside;  /* within the room the hub gives its text */
} HubText;

static void
hub_text_clear (HubText *hub)
{
  g_clear_object (&hub->figure);
  g_clear_object (&hub->caption);
  g_clear_object (&hub->unit);
}

/* How wide a line of text may be whose outer edge lies @y from the
 * hub's centre, and still keep within the hub's circle. */
static double
hub_chord (const FwWheelLayout *layout,
           double               y)
{
  return y < layout->hub ? 2.0 * sqrt (layout->hub * layout->hub - y * y) : 0.0;
}

/* The size @text was laid out at, or 0 for none. */
static double
size_of (PangoLayout *text)
{
  return text != NULL ? pango_font_description_get_size (pango_layout_get_font_description (text))
                        / (double) PANGO_SCALE
                      : 0.0;
}

/* The hub's text with its words at @small. */
static void
hub_text_lay_out_at (HubText             *hub,
                     cairo_t             *cr,
                     const FwWheelLayout *layout,
                     const FwWheelStyle  *style,
                     const FwWheelScene  *scene,
                     double               small)
{
  g_autofree char *figure_text = fw_display_count (scene->momentum_shown);
  g_autofree char *unit_text = NULL;
  double fig_w, cap_w, unit_w, room, room_h, caption_room, text_room;
  gboolean keep_words = layout->min_text > 0.0;

  room = layout->hub * FW_WHEEL_HUB_ROOM_WIDTH;
  room_h = layout->hub * FW_WHEEL_HUB_ROOM_HEIGHT;

  hub->figure = hub_figure (cr, layout, style, figure_text, layout->figure_size, room);
  fw_render_text_size (hub->figure, &fig_w, &hub->fig_h);

  hub->caption = fw_wheel_text_layout (cr, layout, style, small, TRUE, _("momentum"));
  fw_render_text_size (hub->caption, &cap_w, &hub->cap_h);

  if (scene->period_label != NULL)
    /* TRANSLATORS: under the momentum figure; %s is "week", "month"... */
    unit_text = g_strdup_printf (_("people moving per %s"), scene->period_label);
  else
    unit_text = g_strdup (_("people moving per period"));
  hub->unit = fw_wheel_text_layout (cr, layout, style, small, FALSE, unit_text);
  pango_layout_set_alignment (hub->unit, PANGO_ALIGN_CENTER);
  pango_layout_set_width (hub->unit, (int) (room * PANGO_SCALE));
  pango_layout_set_wrap (hub->unit, PANGO_WRAP_WORD);
  fw_render_text_size (hub->unit, &unit_w, &hub->unit_h);

  /* Presenting, every word stays: the figure gives way to its words
   * first (down to a size still above theirs), and the words take the
   * lines they need; the layout grew the hub for them. */
  if (keep_words && hub->fig_h + hub->cap_h + hub->unit_h > room_h)
    {
      double size = size_of (hub->figure);
      double smaller = MAX (size * MAX (room_h - hub->cap_h - hub->unit_h, 0.0) / hub->fig_h,
                            small * 1.2);

      if (smaller < size)
        {
          g_object_unref (hub->figure);
          hub->figure = hub_figure (cr, layout, style, figure_text, smaller, room);
          fw_render_text_size (hub->figure, &fig_w, &hub->fig_h);
        }
      /* ...where even so they spill (at 1024x768 "momentum" touched
       * the hub's edge and "per month" sat on the tick ring, verifier
       * V10B-08), the words go as in the editor, the smaller first, and
       * the figure keeps its size; the fit tries a layout that keeps
       * them all first (words_fit()). */
      if (hub->fig_h + hub->cap_h + hub->unit_h > room_h + 0.5 || cap_w > room + 0.5 || unit_w > room + 0.5)
        {
          keep_words = FALSE;
          g_object_unref (hub->figure);
          hub->figure = hub_figure (cr, layout, style, figure_text, layout->figure_size, room);
          fw_render_text_size (hub->figure, &fig_w, &hub->fig_h);
        }
    }

  /* In the editor a small hub keeps the figure and drops the words that
   * do not fit, the explanation first. The figure over "momentum" alone
   * is a short block, and the hub's circle is wider at its edges than
   * the room kept for three lines: at 1024x768 "momentum" was 3 px
   * wider than that room, and the hub showed a bare number (review5's
   * R5-05). */
  caption_room = MAX (room, hub_chord (layout, (hub->fig_h + hub->cap_h) / 2.0));
  hub->show_caption = keep_words || (cap_w <= caption_room && fig_w <= caption_room
                                     && hub->fig_h + hub->cap_h <= room_h);
  hub->show_unit = keep_words || (hub->show_caption && pango_layout_get_line_count (hub->unit) <= 2
                                  && cap_w <= room && hub->fig_h + hub->cap_h + hub->unit_h <= room_h);
  if (!hub->show_caption)
    hub->cap_h = 0.0;
  if (!hub->show_unit)
    hub->unit_h = 0.0;
  text_room = hub->show_caption && !hub->show_unit && !keep_words ? caption_room : room;
  hub->inside = hub->fig_h + hub->cap_h + hub->unit_h <= room_h + 0.5
                && fig_w <= text_room + 0.5 && (!hub->show_caption || cap_w <= text_room + 0.5)
                && (!hub->show_unit || unit_w <= room + 0.5);
}

static void
hub_text_lay_out (HubText             *hub,
                  cairo_t             *cr,
                  const FwWheelLayout *layout,
                  const FwWheelStyle  *style,
                  const FwWheelScene  *scene)
{
  double small = fw_wheel_hub_caption_size (layout);
  HubText normal = { NULL };

  hub_text_lay_out_at (hub, cr, layout, style, scene, small);
  /* Larger text in the editor: words that the hub has no room for at
   * their larger size come back to their normal size before they are
   * left out (a 250 px wheel at 150% desktop text dropped "momentum",
   * which it showed at 100%). Presenting keeps its words anyway. */
  if ((hub->show_caption && hub->show_unit) || !(layout->words_normal < small - 1e-6))
    return;
  hub_text_lay_out_at (&normal, cr, layout, style, scene, layout->words_normal);
  if (normal.show_caption + normal.show_unit > hub->show_caption + hub->show_unit)
    {
      hub_text_clear (hub);
      *hub = normal;
    }
  else
    hub_text_clear (&normal);
}

/* The hub's momentum counts everyone moving round the whole wheel, its
 * stages and its referral loop: a guided reveal shows it once both are
 * on screen, never on a wheel still empty or half drawn. */
static gboolean
hub_text_revealed (const FwWheelScene *scene)
{
  return scene->reveal_referral;
}

void
fw_wheel_paint_hub_text (cairo_t             *cr,
                         const FwWheelLayout *layout,
                         const FwWheelStyle  *style,
                         const FwWheelScene  *scene)
{
  HubText hub = { NULL };
  double top;

  if (!hub_text_revealed (scene))
    return;
  hub_text_lay_out (&hub, cr, layout, style, scene);
  top = layout->cy - (hub.fig_h + hub.cap_h + hub.unit_h) / 2.0;
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], style->fg[3]);
  show_centred (cr, hub.figure, layout->cx, top);
  if (hub.show_caption)
    {
      cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], style->fg[3] * FW_WHEEL_INK (style, 0.85));
      show_centred (cr, hub.caption, layout->cx, top + hub.fig_h);
    }
  if (hub.show_unit)
    {
      cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], style->fg[3] * FW_WHEEL_INK (style, 0.7));
      show_centred (cr, hub.unit, layout->cx, top + hub.fig_h + hub.cap_h);
    }
  hub_text_clear (&hub);
}

guint
fw_wheel_count_hub_texts (cairo_t             *cr,
                          const FwWheelLayout *layout,
                          const FwWheelStyle  *style,
                          const FwWheelScene  *scene,
                          gboolean            *inside)
{
  HubText hub = { NULL };
  guint shown;

  g_return_val_if_fail (cr != NULL && layout != NULL && style != NULL && scene != NULL, 0);

  if (inside != NULL)
    *inside = TRUE;
  if (!hub_text_revealed (scene))
    return 0;
  hub_text_lay_out (&hub, cr, layout, style, scene);
  shown = 1 + hub.show_caption + hub.show_unit;
  if (inside != NULL)
    *inside = hub.inside;
  hub_text_clear (&hub);
  return shown;
}

/* Whether, laid out with @text, every stage's name shows in full: all
 * the editor asks of its wheel at the normal text size (its hub keeps
 * its figure and drops the words it has no room for). */
static gboolean
names_whole (cairo_t             *cr,
             FwWheelLayout       *layout,
             double               width,
             double               height,
             const FwWheelText   *text,
             const FwWheelStyle  *style,
             const FwWheelScene  *full)
{
  LabelProbe probe;
  LabelContext context;
  Fit fits[FW_MAX_STAGES];
  gboolean whole;

  fw_wheel_layout_compute_text (layout, width, height, text);
  label_probe_init (&probe, &context, cr, layout, style, full);
  context.stop_short = TRUE;
  whole = label_pass (&context, choose_compact (&context), FALSE, FALSE, fits, NULL, NULL);
  label_probe_clear (&probe);
  return whole;
}

void
fw_wheel_measure_text_sizes (cairo_t             *cr,
                             const FwWheelLayout *layout,
                             const FwWheelStyle  *style,
                             const FwWheelScene  *scene,
                             FwWheelTextSizes    *sizes)
{
  HubText hub = { NULL };
  FwReferralGeometry geometry;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL && scene != NULL && sizes != NULL);

  memset (sizes, 0, sizeof *sizes);
  if (scene->scenario == NULL || scene->no_text)
    return;
  if (fw_wheel_count_stage_labels (cr, layout, style, scene, NULL) > 0)
    {
      /* Names and counts are laid out as fw_wheel_paint_stage_labels()
       * lays them out: at the layout's size, never below its floor. */
      g_autoptr(PangoLayout) name = fw_wheel_text_layout (cr, layout, style, layout->label_size, TRUE, "");

      sizes->names = size_of (name);
    }
  fw_wheel_referral_geometry (layout, scene, &geometry);
  if (geometry.shown && scene->reveal_referral)
    {
      g_autoptr(PangoLayout) label = fw_wheel_referral_label_layout (cr, layout, style, scene, &geometry);

      sizes->referral = size_of (label);
    }
  if (!hub_text_revealed (scene))
    return;
  hub_text_lay_out (&hub, cr, layout, style, scene);
  sizes->figure = size_of (hub.figure);
  sizes->caption = hub.show_caption ? size_of (hub.caption) : 0.0;
  sizes->unit = hub.show_unit ? size_of (hub.unit) : 0.0;
  hub_text_clear (&hub);
}

/* Whether, laid out with @text, every stage's name shows in full and the
 * hub keeps its words within it (@full: the scene with everything
 * revealed), and with @names, every point's name is shown too. */
static gboolean
words_fit (cairo_t             *cr,
           FwWheelLayout       *layout,
           double               width,
           double               height,
           const FwWheelText   *text,
           const FwWheelStyle  *style,
           const FwWheelScene  *full,
           gboolean             names)
{
  gboolean inside = FALSE;

  if (!names_whole (cr, layout, width, height, text, style, full))
    return FALSE;
  /* Presenting, a hub that drops a word to keep within its circle does
   * not fit either: a larger text size must keep all three. */
  if (fw_wheel_count_hub_texts (cr, layout, style, full, &inside) < 3 && layout->min_text > 0.0)
    return FALSE;
  if (!inside)
    return FALSE;
  return !names || fw_wheel_point_names_all_shown (cr, layout, style, full);
}

/* The scales tried, from the one asked for down to 1, this far apart. */
#define FIT_STEP 0.05
/* The share of the ring's radius a presented wheel gives up to its
 * labels, tried this far apart. */
#define RING_STEP 0.03

/* The editor at its normal text size (or smaller): where a stage's name
 * would be cut short, the ring gives up as little of its radius as the
 * labels outside it need, at most FW_WHEEL_MAX_RING_GIVEN, rather than
 * show "Ini..." for "Initiate contact" (a 1024x768 window with the
 * catalog open left the wheel 350 px: review R5-22). A slightly smaller
 * ring reads as the same wheel; a name cut to its first letters does
 * not read at all. Where even the smallest ring leaves a name short (a
 * crowded wheel), the ring keeps its size: it would shrink for nothing.
 * That is asked first, so a crowded wheel costs two label passes, not
 * one for each ring tried. Nothing is laid out twice when every name
 * fits as it is, as at 1280x720 and larger. */
static void
fit_editor_ring (cairo_t             *cr,
                 FwWheelLayout       *layout,
                 double               width,
                 double               height,
                 const FwWheelText   *text,
                 const FwWheelStyle  *style,
                 const FwWheelScene  *full)
{
  FwWheelText trial = *text;

  if (names_whole (cr, layout, width, height, text, style, full))
    return;
  trial.ring_given = FW_WHEEL_MAX_RING_GIVEN;
  if (names_whole (cr, layout, width, height, &trial, style, full))
    for (int given = 1; given * RING_STEP < FW_WHEEL_MAX_RING_GIVEN - 1e-9; given++)
      {
        trial.ring_given = given * RING_STEP;
        if (names_whole (cr, layout, width, height, &trial, style, full))
          return;
      }
  else
    trial.ring_given = text->ring_given;
  fw_wheel_layout_compute_text (layout, width, height, &trial);
}

/* fw_wheel_fit_text() with or without every point's name counted:
 * @fitted says whether the words fit at the scale returned. */
static double
fit_words (cairo_t             *cr,
           FwWheelLayout       *layout,
           double               width,
           double               height,
           const FwWheelText   *text,
           const FwWheelStyle  *style,
           const FwWheelScene  *full,
           gboolean             presenting,
           gboolean             names,
           gboolean            *fitted)
{
  FwWheelText trial;

  *fitted = TRUE;
  /* Down from the scale asked for, on a fixed grid of scales: whether a
   * scale fits is not monotonic (labels slide round to where there is
   * room), so no halving; and on a grid a larger scale asked for never
   * ends smaller than a smaller one. */
  if (words_fit (cr, layout, width, height, text, style, full, names))
    return text->scale;
  trial = *text;
  /* The hub's figure keeps the scale asked for: the hub is its own, and
   * its words count in whether a scale fits (fw_wheel_layout_compute_text
   * grows it only as far as they still fit). */
  trial.figure_scale = MAX (text->figure_scale, text->scale);
  for (int step = (int) floor (text->scale / FIT_STEP + 1e-6); step * FIT_STEP > 1.0 + 1e-9; step--)
    {
      trial.scale = step * FIT_STEP;
      if (trial.scale < text->scale - 1e-9 && words_fit (cr, layout, width, height, &trial, style, full, names))
        return trial.scale;
    }
  /* Larger text never makes the text smaller than normal, even where the
   * normal size itself leaves something out (a window too small). */
  trial.scale = MIN (text->scale, 1.0);
  /* Presenting, where even the normal size leaves a name cut short or
   * crowded away from its arc, the ring gives up some of its radius to
   * the labels outside it, a step at a time, as little as they need,
   * rather than lose a word before a room (the text cannot go below its
   * floor). Not at larger sizes: a smaller ring also has a smaller hub
   * for its words, so whether a size fits is no simpler to find, and
   * each try lays every label out again. */
  if (presenting)
    for (int given = 0; given * RING_STEP <= FW_WHEEL_MAX_RING_GIVEN + 1e-9; given++)
      {
        trial.ring_given = given * RING_STEP;
        if (words_fit (cr, layout, width, height, &trial, style, full, names))
          return trial.scale;
      }
  trial.ring_given = text->ring_given;
  *fitted = FALSE;
  /* The editor's ring makes room as at the normal size. */
  if (!presenting)
    fit_editor_ring (cr, layout, width, height, &trial, style, full);
  else
    fw_wheel_layout_compute_text (layout, width, height, &trial);
  return trial.scale;
}


double
fw_wheel_fit_text (cairo_t             *cr,
                   FwWheelLayout       *layout,
                   double               width,
                   double               height,
                   const FwWheelText   *text,
                   const FwWheelStyle  *style,
                   const FwWheelScene  *scene)
{
  FwWheelScene full;
  FwWheelText most;
  gboolean presenting, fitted;
  double scale;

  g_return_val_if_fail (cr != NULL && layout != NULL && text != NULL, 1.0);
  g_return_val_if_fail (style != NULL && scene != NULL, 1.0);

  /* Presenting (a floor under the text) keeps every word at any size;
   * the editor at normal size or smaller has nothing to fit. */
  presenting = text->min_size > 0.0;
  fw_wheel_layout_compute_text (layout, width, height, text);
  if (scene->scenario == NULL || scene->no_text)
    return text->scale;

  /* The whole wheel, whatever part of a guided reveal shows: the text
   * keeps one size as the stages appear. */
  full = *scene;
  fw_wheel_scene_set_reveal (&full, -1);

  /* The editor at normal size or smaller: no text to grow, but its ring
   * makes room for a name that would be cut short. */
  if (!(text->scale > 1.0 || presenting))
    {
      fit_editor_ring (cr, layout, width, height, text, style, &full);
      return text->scale;
    }

  /* Presenting with the points' names shown, their names count as
   * words too: at 1024x768 the two top forces of the four-a wheel had
   * no room beside the referral arrow until the ring gave some up. A
   * crowded wheel (200 points) has no room for every name however small
   * its ring: where the smallest ring at the normal size leaves a name
   * out, only the stages' words are fitted (the names that have room
   * show), rather than lay every label and name out again at each size
   * tried for nothing. Zoomed in (Ctrl+plus), the presenter asked for
   * larger text: it grows as far as the stages' words fit, and a name
   * with no room at that size is left out until Ctrl+0 (the names held
   * the text at its normal size, and Ctrl+plus did nothing). */
  if (presenting && full.point_names && full.scenario->points->len > 0 && text->scale <= 1.0)
    {
      most = *text;
      most.scale = MIN (text->scale, 1.0);
      most.ring_given = FW_WHEEL_MAX_RING_GIVEN;
      fw_wheel_layout_compute_text (layout, width, height, &most);
      if (fw_wheel_point_names_all_shown (cr, layout, style, &full))
        {
          scale = fit_words (cr, layout, width, height, text, style, &full, presenting, TRUE, &fitted);
          if (fitted)
            return scale;
        }
    }
  return fit_words (cr, layout, width, height, text, style, &full, presenting, FALSE, &fitted);
}
