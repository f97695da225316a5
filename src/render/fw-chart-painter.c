/* fw-chart-painter.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-render-text.h"
/* FwRgb, fw_wheel_parse_color(), fw_wheel_luminance(): one colour parser. */
#include "fw-wheel-private.h"

/* How far (device pixels: FwChart.resolution of them to a user unit) a
 * dropped point of a line may be from the line drawn instead: well under
 * a pixel, so the simplification is invisible on screen and in print. */
#define SIMPLIFY_TOLERANCE 0.2

/* Series colours from GNOME's palette: a darker shade on light
 * backgrounds, a lighter one on dark, each far enough from the others to
 * be told apart by the common colour-vision deficiencies together with
 * the legend's order (customers blue, new customers green, churn red,
 * referral inflow purple, momentum orange). */
static const char * const light_colors[FW_CHART_N_SERIES] = {
  "#1c71d8", "#26a269", "#c01c28", "#813d9c", "#e66100",
};
static const char * const dark_colors[FW_CHART_N_SERIES] = {
  "#62a0ea", "#57e389", "#f66151", "#c061cb", "#ffa348",
};

/* Dash patterns, in line widths; each dash has square ends half a line
 * long (0 length: a square dot), see append_dashes(). Long elements:
 * every dash is a shape to fill. A legend's key shows a whole period of
 * each and its first dash again (fw_chart_legend_sample()). */
typedef struct
{
  guint  n;
  double dashes[4];
} Dash;

static const Dash solid = { 0, { 0 } };

/* Several scenarios compared: the colour says which scenario a line is
 * (scenario_light_colors), so the dash says which series: customers
 * solid, the others each in a pattern of their own. One scenario alone
 * draws every series solid, told apart by the series' colours. (Dashes
 * used to tell the scenarios apart, every customers line in the same
 * blue: a client could not tell which was which, R5-08.) */
static const Dash series_dashes[FW_CHART_N_SERIES] = {
  { 0, { 0 } },                  /* customers */
  { 2, { 3.0, 3.0 } },           /* new customers: short dashes */
  { 2, { 0.0, 2.5 } },           /* churn: dots */
  { 4, { 5.0, 3.0, 0.0, 3.0 } }, /* referral inflow: dash and dot */
  { 2, { 7.0, 3.0 } },           /* momentum: long dashes */
};

/* Compared scenarios' hues, after Okabe and Ito's palette for the
 * common colour-vision deficiencies: blue, vermillion, bluish green,
 * reddish purple, ochre, grey. In that order the usual compare (two or
 * three scenarios) takes the three that differ most in hue and in
 * lightness. On light backgrounds (and paper) the shades are darkened
 * where the palette's own would not stand out from white (3:1 at least:
 * a 2 px line must be seen); on dark ones, lightened. Past six they come
 * round again: a chart of more than six lines is read through its
 * readout and legend, not by colour alone. A band takes its scenario's
 * hue. */
static const char * const scenario_light_colors[] = {
  "#0072b2", "#d55e00", "#009e73", "#b8488f", "#9a6a00", "#55535a",
};
static const char * const scenario_dark_colors[] = {
  "#56b4e9", "#ff8c42", "#2fd1a0", "#e48fc4", "#f0e442", "#c0bfbc",
};

/* How strongly a band is tinted: a faint wash of its line's colour, so
 * that where two or three overlap each still shows through. */
#define BAND_LIGHT_ALPHA 0.16
#define BAND_DARK_ALPHA  0.22

static gboolean
comparing (const FwChart *chart)
{
  return chart->n_entries > 1;
}

static FwRgb
compared_color (gboolean dark,
                guint    entry)
{
  guint k = entry % G_N_ELEMENTS (scenario_light_colors);

  return fw_wheel_parse_color (dark ? scenario_dark_colors[k] : scenario_light_colors[k]);
}

static FwRgb
scenario_color (const FwChart *chart,
                guint          entry)
{
  return compared_color (chart->style.dark, entry);
}

static const Dash *
series_dash (const FwChart *chart,
             guint          series)
{
  return comparing (chart) ? &series_dashes[series] : &solid;
}

static FwRgb
series_color (const FwChart *chart,
              guint          series)
{
  return fw_wheel_parse_color (chart->style.dark ? dark_colors[series] : light_colors[series]);
}

/* The colour a line of @series of @entry is drawn in: the series'
 * alone, the scenario's when several are compared. */
static FwRgb
line_color (const FwChart *chart,
            guint          entry,
            guint          series)
{
  return comparing (chart) ? scenario_color (chart, entry) : series_color (chart, series);
}

/* The colour of @entry's band (its customers line's) and the alpha of
 * its fill; in high contrast the fill is stronger. */
static FwRgb
band_color (const FwChart *chart,
            guint          entry,
            double        *alpha)
{
  if (alpha != NULL)
    *alpha = (chart->style.dark ? BAND_DARK_ALPHA : BAND_LIGHT_ALPHA)
             * (chart->style.high_contrast ? 1.6 : 1.0);
  return line_color (chart, entry, FW_CHART_CUSTOMERS);
}

/* Whether @entry's band is drawn, or, with the legend's toggles, would
 * be when switched on: the legend keys it either way. */
static gboolean
band_listed (const FwChart *chart,
             guint          entry)
{
  return chart->legend_toggles ? chart->entries[entry].has_band
                               : fw_chart_track_drawn (chart, entry, FW_CHART_TRACK_BAND_LOW);
}

static guint
n_bands_listed (const FwChart *chart)
{
  guint n = 0;

  for (guint i = 0; i < chart->n_entries; i++)
    n += band_listed (chart, i) ? 1 : 0;
  return n;
}

static void
rgb_out (FwRgb  color,
         double rgb[3])
{
  rgb[0] = color.r;
  rgb[1] = color.g;
  rgb[2] = color.b;
}

void
fw_chart_series_color (const FwChart *chart,
                       guint          series,
                       double         rgb[3])
{
  g_return_if_fail (series < FW_CHART_N_SERIES);

  rgb_out (series_color (chart, series), rgb);
}

void
fw_chart_line_color (const FwChart *chart,
                     guint          scenario,
                     guint          series,
                     double         rgb[3])
{
  g_return_if_fail (series < FW_CHART_N_SERIES);

  rgb_out (line_color (chart, scenario, series), rgb);
}

void
fw_chart_compared_color (gboolean dark,
                         guint    scenario,
                         double   rgb[3])
{
  rgb_out (compared_color (dark, scenario), rgb);
}

void
fw_chart_scenario_color (const FwChart *chart,
                         guint          scenario,
                         double         rgb[3])
{
  rgb_out (scenario_color (chart, scenario), rgb);
}

static void
set_fg (cairo_t       *cr,
        const FwChart *chart,
        double         alpha)
{
  const double *fg = chart->style.fg;

  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * alpha);
}

/* A dash's whole period, in line widths. */
static double
dash_period (const Dash *dash)
{
  double period = 0.0;

  for (guint i = 0; i < dash->n; i++)
    period += dash->dashes[i];
  return period;
}

/* The length (line widths, from the first dash's start to the last's
 * end, caps left out) of a legend key of @dash in a sample @room line
 * widths long: as many whole periods as fit, at least one, then its
 * first dash again, so that "dash dot" reads as dash, dot, dash and not
 * as a dash cut short (V10-02: the key of referral inflow was two plain
 * dashes). */
static double
key_length (const Dash *dash,
            double      room)
{
  double period = dash_period (dash);
  double periods = period > 0.0 ? MAX (floor ((room - dash->dashes[0]) / period), 1.0) : 1.0;

  return periods * period + dash->dashes[0];
}

double
fw_chart_legend_sample (const FwChart *chart,
                        double         size,
                        double         line_width)
{
  double longest = 0.0;

  if (!comparing (chart))
    return size * 2.4;
  /* Every key of the same length whichever series are shown: the
   * longest key's, a line width for the caps. */
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    if (series_dashes[s].n > 0)
      longest = MAX (longest, key_length (&series_dashes[s], 0.0));
  return MAX (size * 2.4, (longest + 1.0) * line_width);
}

/* Text ------------------------------------------------------------------- */

/* Draws @text with its logical box's point (@align_x, @align_y) (0 left or
 * top, 1 right or bottom) at (@x, @y); returns its width. A @max_width
 * above 0 cuts the text to it, with @ellipsize. */
static double
show_text (cairo_t            *cr,
           const FwChart      *chart,
           double              size,
           gboolean            bold,
           const char         *text,
           double              max_width,
           PangoEllipsizeMode  ellipsize,
           double              x,
           double              y,
           double              align_x,
           double              align_y)
{
  g_autoptr(PangoLayout) layout = fw_render_text_layout (NULL, chart->paint_text, chart->style.font_family,
                                                         size, bold, text);
  PangoRectangle logical;

  if (max_width > 0.0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, ellipsize);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr,
                 x - (logical.x + logical.width * align_x) / PANGO_SCALE,
                 y - (logical.y + logical.height * align_y) / PANGO_SCALE);
  fw_render_show_layout (cr, layout);

  return (double) logical.width / PANGO_SCALE;
}

/* Lines -------------------------------------------------------------------- */

typedef struct
{
  double x, y;
} Point;

/* Collects a polyline's points left to right, leaving out those the line
 * already passes within its tolerance (SIMPLIFY_TOLERANCE) of: a curve
 * that is smooth at the pixel scale becomes a few dozen segments instead of one or more
 * per column, and stroking costs by the segment. Each dropped point
 * bounds the slopes the line from the last kept point may take (a
 * cone); a new point outside the cone keeps the one before it. Points
 * at the same x are always kept. */
typedef struct
{
  GArray  *points;     /* of Point: kept */
  gboolean has_next;
  Point    next;       /* the last point given, not decided yet */
  double   low, high;  /* slopes from the last kept point that keep every
                        * dropped point within the tolerance */
  double   tolerance;  /* user units */
} Simplifier;

static void
simplifier_start (Simplifier *simplifier,
                  GArray     *points,
                  double      tolerance)
{
  simplifier->points = points;
  simplifier->tolerance = tolerance;
  simplifier->has_next = FALSE;
  g_array_set_size (points, 0);
}

static void
simplifier_add (Simplifier *simplifier,
                double      x,
                double      y)
{
  Point point = { x, y };
  const Point *anchor;
  double dn, dp;

  if (simplifier->points->len == 0)
    {
      g_array_append_val (simplifier->points, point);
      simplifier->low = -INFINITY;
      simplifier->high = INFINITY;
      return;
    }
  if (!simplifier->has_next)
    {
      simplifier->next = point;
      simplifier->has_next = TRUE;
      return;
    }

  anchor = &g_array_index (simplifier->points, Point, simplifier->points->len - 1);
  dn = simplifier->next.x - anchor->x;
  dp = x - anchor->x;
  if (dn > 0.0 && dp > dn)
    {
      double low = MAX (simplifier->low, (simplifier->next.y - simplifier->tolerance - anchor->y) / dn);
      double high = MIN (simplifier->high, (simplifier->next.y + simplifier->tolerance - anchor->y) / dn);
      double slope = (y - anchor->y) / dp;

      if (slope >= low && slope <= high)
        {
          /* The line to (x, y) passes the pending point: drop it. */
          simplifier->low = low;
          simplifier->high = high;
          simplifier->next = point;
          return;
        }
    }

  g_array_append_val (simplifier->points, simplifier->next);
  simplifier->low = -INFINITY;
  simplifier->high = INFINITY;
  simplifier->next = point;
}

static void
simplifier_finish (Simplifier *simplifier)
{
  if (simplifier->has_next)
    g_array_append_val (simplifier->points, simplifier->next);
  simplifier->has_next = FALSE;
}

/* One track's path as it is built: lines to stroke and bodies to fill,
 * each a list of points split into sub-paths. */
typedef struct
{
  GArray    *lines, *line_starts;    /* Point; guint: where each starts */
  GArray    *bodies, *body_starts;
  GArray    *line, *top, *bottom;    /* the run under way */
  Simplifier line_s, top_s, bottom_s;
  gboolean   in_line, in_body;
  double     body_last_x, body_top, body_bottom;
  Point      body_exit;              /* where the line leaves a thick run */
  double     pad;                    /* half the line's width */
  double     pixel;                  /* a device pixel, in user units */
} TrackPath;

static void
track_path_init (TrackPath *path,
                 double     line_width,
                 double     pixel)
{
  path->lines = g_array_new (FALSE, FALSE, sizeof (Point));
  path->line_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  path->bodies = g_array_new (FALSE, FALSE, sizeof (Point));
  path->body_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  path->line = g_array_new (FALSE, FALSE, sizeof (Point));
  path->top = g_array_new (FALSE, FALSE, sizeof (Point));
  path->bottom = g_array_new (FALSE, FALSE, sizeof (Point));
  path->in_line = path->in_body = FALSE;
  path->pad = line_width / 2.0;
  path->pixel = pixel;
}

static void
track_path_clear (TrackPath *path)
{
  g_array_unref (path->lines);
  g_array_unref (path->line_starts);
  g_array_unref (path->bodies);
  g_array_unref (path->body_starts);
  g_array_unref (path->line);
  g_array_unref (path->top);
  g_array_unref (path->bottom);
}

/* Adds the sub-paths of @points split at @starts to @cr; a sub-path of
 * one point is a dot (the caps are round). */
static void
append_subpaths (cairo_t *cr,
                 GArray  *points,
                 GArray  *starts,
                 gboolean close)
{
  for (guint k = 0; k < starts->len; k++)
    {
      guint from = g_array_index (starts, guint, k);
      guint to = k + 1 < starts->len ? g_array_index (starts, guint, k + 1) : points->len;
      const Point *first = &g_array_index (points, Point, from);

      cairo_move_to (cr, first->x, first->y);
      if (to - from == 1)
        cairo_line_to (cr, first->x, first->y);
      for (guint i = from + 1; i < to; i++)
        cairo_line_to (cr, g_array_index (points, Point, i).x, g_array_index (points, Point, i).y);
      if (close)
        cairo_close_path (cr);
    }
}

/* Dashed lines are filled, not stroked: each dash becomes a rectangle
 * with square ends (a dot of length 0 becomes a square), all of them
 * one path filled at once. Cairo strokes a dashed path dash by dash,
 * each with its own caps (half circles with round caps), and that made
 * the overlaid scenarios cost most of the chart's time (3 to 6 ms at
 * 1920x1080, docs/performance.md); a rectangle is four edges. Every
 * rectangle turns the same way, so where two overlap (at a corner of
 * the line) the non-zero fill draws them once. */
static void
add_dash (cairo_t     *cr,
          const Point *a,
          double       ux,
          double       uy,
          double       from,
          double       to,
          double       half)
{
  /* Along the unit direction (ux, uy), from @from - @half to @to + @half,
   * @half either side. */
  double x0 = a->x + ux * (from - half), y0 = a->y + uy * (from - half);
  double x1 = a->x + ux * (to + half), y1 = a->y + uy * (to + half);
  double nx = -uy * half, ny = ux * half;

  cairo_move_to (cr, x0 + nx, y0 + ny);
  cairo_line_to (cr, x1 + nx, y1 + ny);
  cairo_line_to (cr, x1 - nx, y1 - ny);
  /* cairo_fill() closes each sub-path itself. */
  cairo_line_to (cr, x0 - nx, y0 - ny);
}

static void
append_dashes (cairo_t    *cr,
               GArray     *points,
               GArray     *starts,
               const Dash *dash,
               double      line_width)
{
  double half = line_width / 2.0;

  for (guint k = 0; k < starts->len; k++)
    {
      guint from = g_array_index (starts, guint, k);
      guint to = k + 1 < starts->len ? g_array_index (starts, guint, k + 1) : points->len;
      /* Where in the pattern the line is: element @d, @left of it to go. */
      guint d = 0;
      double left = dash->dashes[0] * line_width;

      if (to - from == 1)
        {
          const Point *p = &g_array_index (points, Point, from);

          add_dash (cr, p, 1.0, 0.0, 0.0, 0.0, half);
          continue;
        }
      for (guint i = from; i + 1 < to; i++)
        {
          const Point *a = &g_array_index (points, Point, i);
          const Point *b = &g_array_index (points, Point, i + 1);
          double length = hypot (b->x - a->x, b->y - a->y);
          double ux, uy, at = 0.0;

          if (length <= 0.0)
            continue;
          ux = (b->x - a->x) / length;
          uy = (b->y - a->y) / length;
          /* Even elements are drawn, odd ones are the gaps. A dash that
           * goes round a corner is drawn in two pieces. */
          while (at < length)
            {
              double step = MIN (left, length - at);

              if (d % 2 == 0)
                add_dash (cr, a, ux, uy, at, at + step, half);
              at += step;
              left -= step;
              if (left <= 0.0)
                {
                  d = (d + 1) % dash->n;
                  left = dash->dashes[d] * line_width;
                  /* A dot is drawn where it starts: at a corner, on
                   * the next segment. */
                  if (d % 2 == 0 && left <= 0.0 && at < length)
                    {
                      add_dash (cr, a, ux, uy, at, at, half);
                      d = (d + 1) % dash->n;
                      left = dash->dashes[d] * line_width;
                    }
                }
            }
        }
    }
}

static void
end_line (TrackPath *path)
{
  if (!path->in_line)
    return;
  simplifier_finish (&path->line_s);
  g_array_append_val (path->line_starts, path->lines->len);
  g_array_append_vals (path->lines, path->line->data, path->line->len);
  path->in_line = FALSE;
}

static void
line_point (TrackPath *path,
            double     x,
            double     y)
{
  if (!path->in_line)
    {
      simplifier_start (&path->line_s, path->line, SIMPLIFY_TOLERANCE * path->pixel);
      path->in_line = TRUE;
    }
  simplifier_add (&path->line_s, x, y);
}

/* A run of thick columns (each holding a peak or dip inside it: data
 * that swings within a pixel) is filled as one body from its lows to its
 * highs, a half line wider all round, rather than stroked up and down
 * each pixel: the same pixels, at the cost of its outline. */
static void
end_body (TrackPath *path)
{
  if (!path->in_body)
    return;

  simplifier_add (&path->top_s, path->body_last_x + MAX (path->pad, path->pixel / 2.0), path->body_top);
  simplifier_add (&path->bottom_s, path->body_last_x + MAX (path->pad, path->pixel / 2.0), path->body_bottom);
  simplifier_finish (&path->top_s);
  simplifier_finish (&path->bottom_s);

  g_array_append_val (path->body_starts, path->bodies->len);
  g_array_append_vals (path->bodies, path->top->data, path->top->len);
  for (guint i = path->bottom->len; i > 0; i--)
    g_array_append_val (path->bodies, g_array_index (path->bottom, Point, i - 1));
  path->in_body = FALSE;
}

static void
body_column (TrackPath *path,
             double     x,
             double     top,
             double     bottom)
{
  top -= path->pad;
  bottom += path->pad;
  if (!path->in_body)
    {
      simplifier_start (&path->top_s, path->top, SIMPLIFY_TOLERANCE * path->pixel);
      simplifier_start (&path->bottom_s, path->bottom, SIMPLIFY_TOLERANCE * path->pixel);
      simplifier_add (&path->top_s, x - MAX (path->pad, path->pixel / 2.0), top);
      simplifier_add (&path->bottom_s, x - MAX (path->pad, path->pixel / 2.0), bottom);
      path->in_body = TRUE;
    }
  simplifier_add (&path->top_s, x, top);
  simplifier_add (&path->bottom_s, x, bottom);
  path->body_last_x = x;
  path->body_top = top;
  path->body_bottom = bottom;
}

/* Whether the data jumps into or out of column @c by more than
 * @allowed (user units) or half the column's own range: it swings from
 * period to period, so a line through the column's middle would not
 * cover what the column holds, even with its extremes at its ends. */
static gboolean
jumps (const FwChartLayout  *layout,
       const FwChartColumns *columns,
       guint                 c,
       double                allowed)
{
  const FwChartColumn *column = &columns->columns[c];
  double range = fabs (column->high - column->low);
  double limit = MAX (allowed * (layout->y_high - layout->y_low) / MAX (layout->plot_h, 1.0),
                      range / 2.0);
  const FwChartColumn *before = NULL, *after = NULL;

  for (guint k = c; k > 0 && before == NULL; k--)
    if (columns->columns[k - 1].drawn)
      before = &columns->columns[k - 1];
  for (guint k = c + 1; k < columns->n_columns && after == NULL; k++)
    if (columns->columns[k].drawn)
      after = &columns->columns[k];

  if (before != NULL && column->joined && fabs (column->first - before->last) > limit)
    return TRUE;
  if (after != NULL && after->joined && fabs (after->first - column->last) > limit)
    return TRUE;
  return FALSE;
}

/* Builds a track's columns into @path as lines (to stroke) and, where
 * the data swings within a pixel, bodies (to fill): a sub-path for each
 * run without gaps. A thin column (its extremes at its
 * ends: the data is monotonic across the pixel) is one point, through
 * which the line runs; the lines into and out of a thick run join it at
 * its first and last values. */
static void
build_track_path (TrackPath            *path,
                const FwChartLayout  *layout,
                const FwChartColumns *columns,
                double                width)
{
  for (guint c = 0; c < columns->n_columns; c++)
    {
      const FwChartColumn *column = &columns->columns[c];
      double x, y_first, y_last, y_low, y_high, y_lo_end, y_hi_end;

      if (!column->drawn)
        continue;
      if (!column->joined)
        {
          end_line (path);
          end_body (path);
        }

      x = fw_chart_columns_x (columns, c, layout->plot_x, width);
      y_first = fw_chart_layout_y_of (layout, column->first);
      if (columns->per_period)
        {
          line_point (path, x, y_first);
          continue;
        }

      y_last = fw_chart_layout_y_of (layout, column->last);
      y_low = fw_chart_layout_y_of (layout, column->low);
      y_high = fw_chart_layout_y_of (layout, column->high);
      /* Screen y grows downwards: the high is the smaller y. */
      y_hi_end = MIN (y_first, y_last);
      y_lo_end = MAX (y_first, y_last);
      if (y_high >= y_hi_end - SIMPLIFY_TOLERANCE * path->pixel
          && y_low <= y_lo_end + SIMPLIFY_TOLERANCE * path->pixel
          && !jumps (layout, columns, c, path->pad * 2.0))
        {
          if (path->in_body)
            {
              end_body (path);
              line_point (path, path->body_exit.x, path->body_exit.y);
            }
          line_point (path, x, (y_first + y_last) / 2.0);
        }
      else
        {
          if (path->in_line)
            {
              line_point (path, x, y_first);
              end_line (path);
            }
          body_column (path, x, y_high, y_low);
          path->body_exit.x = x;
          path->body_exit.y = y_last;
        }
    }
  end_line (path);
  end_body (path);
}

/* The width of the plot a scenario's columns span: its share when it is
 * shorter than the longest. */
static double
track_width (const FwChart       *chart,
             const FwChartLayout *layout,
             guint                entry)
{
  return layout->plot_w * chart->entries[entry].scenario.horizon / MAX (layout->horizon, 1);
}

/* Strokes a track's lines and fills its bodies, in @dash. */
static void
stroke_track (const FwChart        *chart,
              cairo_t              *cr,
              const FwChartLayout  *layout,
              const FwChartColumns *columns,
              double                width,
              double                line_width,
              const Dash           *dash,
              FwRgb                 rgb,
              double                alpha)
{
  TrackPath path;

  track_path_init (&path, line_width, 1.0 / chart->resolution);
  build_track_path (&path, layout, columns, width);

  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
  cairo_new_path (cr);
  if (dash->n == 0)
    {
      append_subpaths (cr, path.lines, path.line_starts, FALSE);
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }
  else
    append_dashes (cr, path.lines, path.line_starts, dash, line_width);
  /* Dashes and bodies are filled together: one pass of the rasterizer. */
  append_subpaths (cr, path.bodies, path.body_starts, TRUE);
  cairo_fill (cr);

  track_path_clear (&path);
}

static void
paint_band (FwChart             *chart,
            cairo_t             *cr,
            const FwChartLayout *layout,
            guint                entry)
{
  const FwChartColumns *low, *high, *median;
  double width = track_width (chart, layout, entry);
  double alpha;
  FwRgb rgb = band_color (chart, entry, &alpha);
  GArray *top = g_array_new (FALSE, FALSE, sizeof (Point));
  GArray *bottom = g_array_new (FALSE, FALSE, sizeof (Point));
  Simplifier top_s, bottom_s;
  guint c = 0;

  low = fw_chart_track_columns (chart, entry, FW_CHART_TRACK_BAND_LOW);
  high = fw_chart_track_columns (chart, entry, FW_CHART_TRACK_BAND_HIGH);
  median = fw_chart_track_columns (chart, entry, FW_CHART_TRACK_BAND_MEDIAN);

  /* One filled shape per run of columns where both edges are drawn:
   * along the top of the 90th percentile, back along the bottom of the
   * 10th. */
  cairo_new_path (cr);
  while (c < low->n_columns)
    {
      guint start, end;

      if (!low->columns[c].drawn || !high->columns[c].drawn)
        {
          c++;
          continue;
        }
      start = c;
      end = c + 1;
      while (end < low->n_columns && low->columns[end].drawn && high->columns[end].drawn
             && low->columns[end].joined && high->columns[end].joined)
        end++;

      /* Each edge as few segments as the simplifier leaves: a band is
       * as smooth as the lines, and a polygon costs by the edge. */
      simplifier_start (&top_s, top, SIMPLIFY_TOLERANCE / chart->resolution);
      simplifier_start (&bottom_s, bottom, SIMPLIFY_TOLERANCE / chart->resolution);
      for (guint k = start; k < end; k++)
        {
          double x = fw_chart_columns_x (high, k, layout->plot_x, width);

          simplifier_add (&top_s, x, fw_chart_layout_y_of (layout, high->columns[k].high));
          simplifier_add (&bottom_s, x, fw_chart_layout_y_of (layout, low->columns[k].low));
        }
      simplifier_finish (&top_s);
      simplifier_finish (&bottom_s);
      for (guint k = 0; k < top->len; k++)
        cairo_line_to (cr, g_array_index (top, Point, k).x, g_array_index (top, Point, k).y);
      for (guint k = bottom->len; k > 0; k--)
        cairo_line_to (cr, g_array_index (bottom, Point, k - 1).x,
                       g_array_index (bottom, Point, k - 1).y);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      c = end;
    }
  g_array_unref (top);
  g_array_unref (bottom);
  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
  cairo_fill (cr);

  /* Where bands overlap, each one's edges, in its colour and its
   * scenario's dash, say where it ends; so does high contrast, where a
   * tint alone is too faint. */
  if (n_bands_listed (chart) > 1 || chart->style.high_contrast)
    {
      double edge = layout->line_width * (chart->style.high_contrast ? 0.6 : 0.45);

      stroke_track (chart, cr, layout, low, width, edge, &solid, rgb, 0.9);
      stroke_track (chart, cr, layout, high, width, edge, &solid, rgb, 0.9);
    }

  /* The median, finer than the series' lines. */
  stroke_track (chart, cr, layout, median, width, layout->line_width * 0.6, &solid, rgb, 0.9);
}

static void
paint_series (FwChart             *chart,
              cairo_t             *cr,
              const FwChartLayout *layout,
              guint                entry,
              guint                series)
{
  const FwChartColumns *columns = fw_chart_track_columns (chart, entry, series);
  double width = track_width (chart, layout, entry);
  FwRgb rgb = line_color (chart, entry, series);
  const Dash *dash = series_dash (chart, series);

  stroke_track (chart, cr, layout, columns, width, layout->line_width, dash, rgb, 1.0);

  /* Few periods far apart: a dot on each, so a value reads as a value
   * and not as a point on a slope (solid lines only: one scenario's
   * series, or compared scenarios' customers; a dot would break a
   * series' dash). */
  if (columns->per_period && dash->n == 0
      && width / MAX (columns->n_values - 1, 1) >= layout->text_size * 1.2)
    {
      double r = layout->line_width * 1.35;

      cairo_new_path (cr);
      for (guint c = 0; c < columns->n_columns; c++)
        if (columns->columns[c].drawn)
          {
            double x = fw_chart_columns_x (columns, c, layout->plot_x, width);

            cairo_new_sub_path (cr);
            cairo_arc (cr, x, fw_chart_layout_y_of (layout, columns->columns[c].first),
                       r, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
}

/* Axes --------------------------------------------------------------------- */

/* A horizontal line on the pixel grid: crisp at one pixel. */
static double
crisp (double y)
{
  return floor (y) + 0.5;
}

static void
paint_axes (FwChart             *chart,
            cairo_t             *cr,
            const FwChartLayout *layout)
{
  double size = layout->text_size;
  double left = layout->plot_x, right = layout->plot_x + layout->plot_w;
  double bottom = layout->plot_y + layout->plot_h;

  /* The grid, faint, then the baseline, stronger. */
  cairo_set_line_width (cr, 1.0);
  cairo_new_path (cr);
  for (guint i = 0; i < layout->n_y_ticks; i++)
    {
      double y = crisp (fw_chart_layout_y_of (layout, layout->y_low + i * layout->y_step));

      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  set_fg (cr, chart, chart->style.dark ? 0.16 : 0.11);
  cairo_stroke (cr);

  cairo_move_to (cr, left, crisp (bottom));
  cairo_line_to (cr, right, crisp (bottom));
  for (guint i = 0; i < layout->n_x_ticks; i++)
    {
      double x = crisp (fw_chart_layout_x_of (layout, (double) i * layout->x_step));

      cairo_move_to (cr, x, crisp (bottom));
      cairo_line_to (cr, x, crisp (bottom) + size * 0.3);
    }
  set_fg (cr, chart, 0.45);
  cairo_stroke (cr);

  set_fg (cr, chart, 0.78);
  for (guint i = 0; i < layout->n_y_ticks; i++)
    {
      double value = layout->y_low + i * layout->y_step;
      g_autofree char *label = fw_chart_y_tick_text (layout, i);

      show_text (cr, chart, size, FALSE, label, 0.0, PANGO_ELLIPSIZE_NONE, left - size * 0.5,
                 fw_chart_layout_y_of (layout, value), 1.0, 0.5);
    }
  for (guint i = 0; i < layout->n_x_ticks; i++)
    {
      g_autofree char *label = fw_chart_x_tick_text (i * layout->x_step);

      show_text (cr, chart, size, FALSE, label, 0.0, PANGO_ELLIPSIZE_NONE,
                 fw_chart_layout_x_of (layout, (double) i * layout->x_step),
                 layout->x_labels_y, 0.5, 0.0);
    }

  if (layout->axis_title_shown)
    {
      g_autofree char *title = fw_chart_period_title (chart);

      set_fg (cr, chart, 0.9);
      show_text (cr, chart, size, TRUE, title, layout->plot_w, PANGO_ELLIPSIZE_END,
                 left + layout->plot_w / 2.0, layout->axis_title_y, 0.5, 0.0);
    }
}

/* Marker ------------------------------------------------------------------- */

/* The label's extent, measured again only when its text or size
 * changes (text is measured the same on any surface: fw-render-text.h). */
static void
marker_text_size (FwChart    *chart,
                  const char *text,
                  double      size,
                  double     *w,
                  double     *h)
{
  if (chart->marker_text == NULL || chart->marker_text_size != size ||
      strcmp (chart->marker_text, text) != 0)
    {
      g_autoptr(PangoLayout) label = fw_render_text_layout (NULL, chart->measure, chart->style.font_family,
                                                            size, TRUE, text);

      fw_render_text_size (label, &chart->marker_text_w, &chart->marker_text_h);
      g_free (chart->marker_text);
      chart->marker_text = g_strdup (text);
      chart->marker_text_size = size;
    }
  *w = chart->marker_text_w;
  *h = chart->marker_text_h;
}

/* "Month 12": the marker's label. */
static char *
marker_label (FwChart *chart)
{
  g_autofree char *title = fw_chart_period_title (chart);

  /* TRANSLATORS: the chart's marker, e.g. "Month 12" */
  return g_strdup_printf (_("%s %u"), title, (guint) chart->marker);
}

static gboolean
place_marker (FwChart             *chart,
              const FwChartLayout *layout,
              FwChartMarkerPlace  *place)
{
  g_autofree char *text = NULL;
  double size, w, h;

  if (chart->marker < 0 || (guint) chart->marker > layout->horizon || chart->n_entries == 0)
    return FALSE;

  place->x = fw_chart_layout_x_of (layout, MIN (chart->marker_position, (double) layout->horizon));
  place->line_width = MAX (layout->line_width * 0.75, 1.5);
  place->top = layout->plot_y;
  place->bottom = layout->plot_y + layout->plot_h;
  size = layout->text_size * 0.9;
  text = marker_label (chart);
  marker_text_size (chart, text, size, &w, &h);
  place->chip_w = w + size * 0.8;
  place->chip_h = h + size * 0.2;
  /* Never over the vertical axis' labels. */
  place->chip_x = CLAMP (place->x - place->chip_w / 2.0, layout->plot_x - layout->line_width,
                         MAX (layout->width - place->chip_w, layout->plot_x));
  place->chip_y = layout->plot_y - place->chip_h - layout->text_size * 0.1;
  return TRUE;
}

/* The label: a pill in the accent, its top left corner at (@x, @y). */
static void
paint_marker_chip (FwChart                  *chart,
                   cairo_t                  *cr,
                   const FwChartLayout      *layout,
                   const FwChartMarkerPlace *place,
                   double                    x,
                   double                    y)
{
  const double *accent = chart->style.accent;
  double size = layout->text_size * 0.9;
  double chip_w = place->chip_w, chip_h = place->chip_h;
  g_autofree char *text = marker_label (chart);

  cairo_new_path (cr);
  cairo_set_source_rgba (cr, accent[0], accent[1], accent[2], accent[3]);
  cairo_move_to (cr, x + chip_h / 2.0, y);
  cairo_arc (cr, x + chip_w - chip_h / 2.0, y + chip_h / 2.0, chip_h / 2.0,
             -G_PI / 2.0, G_PI / 2.0);
  cairo_arc (cr, x + chip_h / 2.0, y + chip_h / 2.0, chip_h / 2.0,
             G_PI / 2.0, 1.5 * G_PI);
  cairo_close_path (cr);
  cairo_fill (cr);

  /* White or black on the accent, whichever reads better. */
  {
    FwRgb rgb = { accent[0], accent[1], accent[2] };

    if (fw_wheel_luminance (rgb) > 0.4)
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
    else
      cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  }
  show_text (cr, chart, size, TRUE, text, 0.0, PANGO_ELLIPSIZE_NONE, x + chip_w / 2.0,
             y + chip_h / 2.0, 0.5, 0.5);
}

static void
paint_marker (FwChart             *chart,
              cairo_t             *cr,
              const FwChartLayout *layout)
{
  const double *accent = chart->style.accent;
  FwChartMarkerPlace place;

  if (!place_marker (chart, layout, &place))
    return;

  /* The line where playback has got to; its label names the period.
   * Square ends, at the plot's top and bottom: a rectangle, which a view
   * draws as one (fw_chart_marker_place()). */
  cairo_new_path (cr);
  cairo_rectangle (cr, place.x - place.line_width / 2.0, place.top, place.line_width, place.bottom - place.top);
  cairo_set_source_rgba (cr, accent[0], accent[1], accent[2], accent[3]);
  cairo_fill (cr);

  paint_marker_chip (chart, cr, layout, &place, place.chip_x, place.chip_y);
}

/* Legend ------------------------------------------------------------------- */

static void
paint_legend (FwChart             *chart,
              cairo_t             *cr,
              const FwChartLayout *layout)
{
  double size = layout->text_size;
  double sample = layout->legend_sample, between = size * 0.45;

  for (guint i = 0; i < layout->n_legend; i++)
    {
      const FwChartLegendEntry *entry = &layout->legend[i];
      /* The sample by the name's first row. */
      double cy = entry->y + entry->height / MAX (entry->lines, 1) / 2.0;
      double x0 = entry->x, x1 = entry->x + sample;
      /* A hidden series (legend toggles) is listed faintly, its sample
       * an outline: there to be clicked, plainly not drawn. */
      double alpha = entry->hidden ? 0.4 : 1.0;

      if (entry->kind == FW_CHART_LEGEND_MORE)
        {
          g_autofree char *more = fw_chart_more_text (entry->index);

          set_fg (cr, chart, 0.7);
          show_text (cr, chart, size, FALSE, more, entry->width, PANGO_ELLIPSIZE_END,
                     x0, cy, 0.0, 0.5);
          continue;
        }

      cairo_new_path (cr);
      switch (entry->kind)
        {
        case FW_CHART_LEGEND_SERIES:
          {
            FwRgb rgb = series_color (chart, entry->index);

            /* Compared scenarios: the series is its dash, drawn in the
             * text's colour (the colours are the scenarios'). */
            if (comparing (chart))
              {
                const Dash *dash = series_dash (chart, entry->index);
                double lw = layout->line_width;
                double length = dash->n > 0 ? key_length (dash, sample / lw - 1.0) * lw : sample - lw;
                g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
                g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
                guint zero = 0;
                Point ends[2] = { { x0 + lw / 2.0, cy }, { x0 + lw / 2.0 + length, cy } };

                /* Drawn as the lines are (append_dashes()), from the
                 * pattern's start: the same square dots and dashes. */
                g_array_append_vals (points, ends, 2);
                g_array_append_val (starts, zero);
                set_fg (cr, chart, 0.85 * alpha);
                if (dash->n > 0)
                  append_dashes (cr, points, starts, dash, lw);
                else
                  cairo_rectangle (cr, x0, cy - lw / 2.0, length + lw, lw);
                cairo_fill (cr);
                break;
              }
            cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, alpha);
            cairo_set_line_width (cr, MAX (layout->line_width * 1.4, 3.0));
            cairo_move_to (cr, x0, cy);
            cairo_line_to (cr, x1, cy);
            if (entry->hidden)
              {
                /* An outline of the line it would be. */
                double w = MAX (layout->line_width * 1.4, 3.0);

                cairo_new_path (cr);
                cairo_rectangle (cr, x0, cy - w / 2.0, sample, w);
                cairo_set_line_width (cr, 1.0);
              }
            cairo_stroke (cr);
          }
          break;

        case FW_CHART_LEGEND_BAND:
          {
            /* A slice of each band's colour, as many as there are
             * bands (a whole sample for one). */
            guint n = MAX (MIN (n_bands_listed (chart), G_N_ELEMENTS (scenario_light_colors)), 1), k = 0;

            for (guint b = 0; b < chart->n_entries && k < n; b++)
              if (band_listed (chart, b))
                {
                  double fill, sx = x0 + sample * k / n, sw = sample / n;
                  FwRgb rgb = band_color (chart, b, &fill);

                  cairo_new_path (cr);
                  cairo_rectangle (cr, sx, cy - size * 0.45, sw, size * 0.9);
                  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, fill * alpha);
                  cairo_fill (cr);
                  cairo_move_to (cr, sx, cy);
                  cairo_line_to (cr, sx + sw, cy);
                  cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, 0.9 * alpha);
                  cairo_set_line_width (cr, layout->line_width * 0.6);
                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
                  cairo_stroke (cr);
                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                  k++;
                }
          }
          break;

        case FW_CHART_LEGEND_SCENARIO:
        default:
          /* The scenario's colour, on a swatch of its band's when its
           * band is drawn; dimmed when the band is switched off, which
           * the customers' line switched off does too (the band is
           * theirs): a full swatch would key a band not drawn. */
          if (band_listed (chart, entry->index))
            {
              double fill;
              FwRgb rgb = band_color (chart, entry->index, &fill);

              cairo_rectangle (cr, x0, cy - size * 0.45, sample, size * 0.9);
              cairo_set_source_rgba (cr, rgb.r, rgb.g, rgb.b, fill * (fw_chart_band_switched_on (chart) ? 1.0 : 0.4));
              cairo_fill (cr);
            }
          {
            FwRgb rgb = scenario_color (chart, entry->index);

            cairo_new_path (cr);
            cairo_set_source_rgb (cr, rgb.r, rgb.g, rgb.b);
            cairo_set_line_width (cr, MAX (layout->line_width * 1.4, 3.0));
            cairo_move_to (cr, x0 + layout->line_width / 2.0, cy);
            cairo_line_to (cr, x1 - layout->line_width / 2.0, cy);
            cairo_stroke (cr);
          }
          break;
        }

      set_fg (cr, chart, 0.9 * alpha);
      if (entry->lines > 1)
        {
          /* A name wider than a row, wrapped onto its rows: its first
           * line by the sample. */
          g_autoptr(PangoLayout) text = fw_render_text_layout (NULL, chart->paint_text,
                                                               chart->style.font_family, size,
                                                               entry->kind == FW_CHART_LEGEND_SCENARIO,
                                                               fw_chart_legend_name (chart, entry));
          PangoRectangle line;

          pango_layout_set_width (text, (int) ((entry->width - sample - between) * PANGO_SCALE));
          pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
          pango_layout_line_get_extents (pango_layout_get_line_readonly (text, 0), NULL, &line);
          cairo_move_to (cr, x1 + between, cy - (double) line.height / PANGO_SCALE / 2.0);
          fw_render_show_layout (cr, text);
          continue;
        }
      /* Only a name wider than its room is cut (fw-chart-layout.c), in
       * the middle, so both ends of "Q3 plan: ... (copy)" still tell it
       * apart; any other is drawn whole: limited to its measured width
       * it could lose its last letters to rounding. */
      show_text (cr, chart, size, entry->kind == FW_CHART_LEGEND_SCENARIO,
                 fw_chart_legend_name (chart, entry),
                 entry->cut ? entry->width - sample - between : 0.0, PANGO_ELLIPSIZE_MIDDLE,
                 x1 + between, cy, 0.0, 0.5);
    }
}

/* All ---------------------------------------------------------------------- */

/* Every text of one painting is laid out in one context made for @cr. */
static void
begin (FwChart *chart,
       cairo_t *cr)
{
  chart->paint_text = fw_render_text_context_for_cairo (cr);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

static void
end (FwChart *chart,
     cairo_t *cr)
{
  cairo_restore (cr);
  g_clear_object (&chart->paint_text);
}

void
fw_chart_paint_static (FwChart *chart,
                       cairo_t *cr,
                       double   width,
                       double   height)
{
  const FwChartLayout *layout;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = fw_chart_get_layout (chart, width, height);
  /* The summaries and the simplification at the target's pixels (a
   * PDF's at a printer's). */
  fw_chart_set_resolution_from (chart, cr);
  begin (chart, cr);

  paint_axes (chart, cr, layout);

  /* The data stays in the plot (and half a line past it, for the caps).
   * The first scenario is drawn last, on top; in each, customers on top. */
  cairo_save (cr);
  cairo_rectangle (cr, layout->plot_x - layout->line_width * 2, layout->plot_y - layout->line_width * 2,
                   layout->plot_w + layout->line_width * 4, layout->plot_h + layout->line_width * 4);
  cairo_clip (cr);
  for (guint i = chart->n_entries; i > 0; i--)
    if (fw_chart_track_drawn (chart, i - 1, FW_CHART_TRACK_BAND_LOW))
      paint_band (chart, cr, layout, i - 1);
  for (guint i = chart->n_entries; i > 0; i--)
    for (guint s = FW_CHART_N_SERIES; s > 0; s--)
      if (fw_chart_track_drawn (chart, i - 1, s - 1))
        paint_series (chart, cr, layout, i - 1, s - 1);
  cairo_restore (cr);

  paint_legend (chart, cr, layout);
  end (chart, cr);
}

void
fw_chart_paint_marker (FwChart *chart,
                       cairo_t *cr,
                       double   width,
                       double   height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  begin (chart, cr);
  paint_marker (chart, cr, fw_chart_get_layout (chart, width, height));
  end (chart, cr);
}

gboolean
fw_chart_marker_place (FwChart            *chart,
                       double              width,
                       double              height,
                       FwChartMarkerPlace *place)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  return place_marker (chart, fw_chart_get_layout (chart, width, height), place);
}

void
fw_chart_paint_marker_chip (FwChart *chart,
                            cairo_t *cr,
                            double   width,
                            double   height,
                            double   x,
                            double   y)
{
  const FwChartLayout *layout;
  FwChartMarkerPlace place;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  layout = fw_chart_get_layout (chart, width, height);
  if (!place_marker (chart, layout, &place))
    return;
  begin (chart, cr);
  paint_marker_chip (chart, cr, layout, &place, x, y);
  end (chart, cr);
}

void
fw_chart_paint (FwChart *chart,
                cairo_t *cr,
                double   width,
                double   height)
{
  fw_chart_paint_static (chart, cr, width, height);
  fw_chart_paint_marker (chart, cr, width, height);
}
