/* test-chart.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart"

#include <math.h>
#include <string.h>

#include "fw-chart.h"
#include "fw-chart-columns.h"
#include "fw-chart-private.h"
#include "fw-render-text.h"
#include "fw-test-names.h"

/* The projection chart drawn headless: the per-column summary, the
 * layout, painted pixels, the hover lookup, and data a chart must
 * survive. Each test makes its own data. */

#define CUSTOMERS_LIGHT 0x1c71d8   /* fw-chart-painter.c's light palette */
#define CHURN_LIGHT     0xc01c28

/* Data ------------------------------------------------------------------ */

typedef struct
{
  guint   horizon;
  double *values[FW_CHART_N_SERIES];
  double *band[3];
  FwChartScenario scenario;
} Series;

/* Each series flat at its own level (customers 1000, new customers 200,
 * churn 100, referrals 50, momentum 600), or made by @fill. */
static void
series_init (Series     *series,
             const char *name,
             guint       horizon)
{
  static const double levels[FW_CHART_N_SERIES] = { 1000, 200, 100, 50, 600 };

  memset (series, 0, sizeof *series);
  series->horizon = horizon;
  series->scenario.name = name;
  series->scenario.horizon = horizon;
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    {
      series->values[s] = g_new (double, horizon + 1);
      for (guint t = 0; t <= horizon; t++)
        series->values[s][t] = levels[s];
      series->scenario.values[s] = series->values[s];
    }
}

static void
series_add_band (Series *series,
                 double  low,
                 double  high)
{
  for (guint k = 0; k < 3; k++)
    {
      series->band[k] = g_new (double, series->horizon + 1);
      for (guint t = 0; t <= series->horizon; t++)
        series->band[k][t] = k == 0 ? low : k == 1 ? (low + high) / 2 : high;
    }
  series->scenario.band_low = series->band[0];
  series->scenario.band_median = series->band[1];
  series->scenario.band_high = series->band[2];
}

static void
series_clear (Series *series)
{
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    g_free (series->values[s]);
  for (guint k = 0; k < 3; k++)
    g_free (series->band[k]);
}

/* Pixels ---------------------------------------------------------------- */

/* The chart painted on the view's background: white, or the dark
 * theme's (#1e1e1e) when @dark. */
static cairo_surface_t *
paint_on (FwChart  *chart,
          int       width,
          int       height,
          gboolean  dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  if (dark)
    cairo_set_source_rgb (cr, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  fw_chart_paint (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_surface_t *
paint (FwChart *chart,
       int      width,
       int      height)
{
  return paint_on (chart, width, height, FALSE);
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + (int) y * stride + (int) x * 4) & 0xffffff;
}

static gboolean
near_color (guint32 a,
            guint32 b,
            int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Whether a line of @color is drawn through (@x, @y): a line is
 * antialiased, so one of the pixel rows it covers most is its colour. */
static gboolean
line_at (cairo_surface_t *surface,
         double           x,
         double           y,
         guint32          color)
{
  for (int dy = -1; dy <= 1; dy++)
    if (near_color (pixel (surface, x, y + dy), color, 8))
      return TRUE;
  return FALSE;
}

/* How many pixels of the plot area are @color. */
static guint
count_color (cairo_surface_t     *surface,
             const FwChartLayout *layout,
             guint32              color)
{
  guint n = 0;

  for (int y = (int) layout->plot_y; y < (int) (layout->plot_y + layout->plot_h); y++)
    for (int x = (int) layout->plot_x; x < (int) (layout->plot_x + layout->plot_w); x++)
      if (near_color (pixel (surface, x, y), color, 6))
        n++;
  return n;
}

/* Columns --------------------------------------------------------------- */

static void
test_columns_keep_extremes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  /* With fewer pixels than periods, and more (up to three a period, the
   * column then moving more than one a period): the columns are
   * followed step by step, which must land where the index says. */
  static const guint sizes[][2] = { { 100001, 1807 }, { 25, 1807 }, { 5000, 333 }, { 2, 1 }, { 1000, 999 },
                                    { 100001, 1 }, { 100001, 3839 }, { 7, 17 }, { 3001, 1000 }, { 3001, 8999 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      guint n = sizes[k][0], width = sizes[k][1];
      g_autofree double *values = g_new (double, n);
      FwChartColumns columns = { 0 };
      gboolean gap = FALSE, any = FALSE;
      int last_column = -1;

      for (guint t = 0; t < n; t++)
        {
          /* A smooth rise, noise, spikes, and gaps of every kind. */
          double v = 1000.0 * t / n + g_rand_double_range (rand, -5, 5);

          if (g_rand_int_range (rand, 0, 97) == 0)
            v = g_rand_boolean (rand) ? NAN : INFINITY;
          else if (g_rand_int_range (rand, 0, 50) == 0)
            v *= 3;
          values[t] = v;
        }

      fw_chart_columns_compute (&columns, values, n, width);
      g_assert_cmpuint (columns.n_values, ==, n);
      g_assert_cmpuint (columns.n_columns, <=, MAX (width, 1));
      g_assert_true (columns.per_period == ((n - 1) * 3 <= width));

      /* Against a plain scan: every finite value lands in its column and
       * each column's first, last, low and high are exactly the data's. */
      {
        g_autofree FwChartColumn *expected = g_new0 (FwChartColumn, columns.n_columns);

        for (guint t = 0; t < n; t++)
          {
            guint c = fw_chart_columns_index (&columns, t);
            FwChartColumn *e = &expected[c];

            g_assert_cmpuint (c, <, columns.n_columns);
            g_assert_cmpint ((int) c, >=, last_column);  /* in order */
            last_column = (int) c;
            if (!isfinite (values[t]))
              {
                gap = TRUE;
                continue;
              }
            if (!e->drawn)
              {
                e->drawn = TRUE;
                e->joined = any && !gap;
                e->first = e->low = e->high = values[t];
              }
            e->low = MIN (e->low, values[t]);
            e->high = MAX (e->high, values[t]);
            e->last = values[t];
            any = TRUE;
            gap = FALSE;
          }

        for (guint c = 0; c < columns.n_columns; c++)
          {
            const FwChartColumn *got = &columns.columns[c];

            g_assert_cmpint (got->drawn, ==, expected[c].drawn);
            if (!got->drawn)
              continue;
            g_assert_cmpint (got->joined, ==, expected[c].joined);
            g_assert_cmpfloat (got->first, ==, expected[c].first);
            g_assert_cmpfloat (got->last, ==, expected[c].last);
            g_assert_cmpfloat (got->low, ==, expected[c].low);
            g_assert_cmpfloat (got->high, ==, expected[c].high);
          }
      }

      /* Pixel columns: the summary never holds more columns than pixels,
       * whatever H, and the last period lands in the last column. */
      if (!columns.per_period)
        {
          g_assert_cmpuint (columns.n_columns, ==, width);
          g_assert_cmpuint (fw_chart_columns_index (&columns, n - 1), ==, width - 1);
        }
      fw_chart_columns_clear (&columns);
    }
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat (fw_chart_nice_step (0.7), ==, 1.0);
  g_assert_cmpfloat (fw_chart_nice_step (1.0), ==, 1.0);
  g_assert_cmpfloat (fw_chart_nice_step (1.3), ==, 2.0);
  g_assert_cmpfloat (fw_chart_nice_step (3.0), ==, 5.0);
  g_assert_cmpfloat (fw_chart_nice_step (7.0), ==, 10.0);
  g_assert_cmpfloat (fw_chart_nice_step (230.0), ==, 500.0);
  g_assert_cmpfloat_with_epsilon (fw_chart_nice_step (0.013), 0.02, 1e-12);
  g_assert_cmpfloat (fw_chart_nice_step (0.0), ==, 1.0);
  g_assert_cmpfloat (fw_chart_nice_step (NAN), ==, 1.0);
}

/* Layout ---------------------------------------------------------------- */

static double
label_width (const char *text,
             double      size)
{
  PangoContext *context = fw_render_text_context_new ();
  PangoLayout *layout = fw_render_text_layout (NULL, context, NULL, size, FALSE, text);
  double w;

  fw_render_text_size (layout, &w, NULL);
  g_object_unref (layout);
  g_object_unref (context);
  return w;
}

static void
test_layout_readable (void)
{
  static const double sizes[][2] = { { 400, 250 }, { 640, 360 }, { 1920, 1080 }, { 250, 120 } };
  static const guint horizons[] = { 1, 24, 100000, 99999 };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (guint h = 0; h < G_N_ELEMENTS (horizons); h++)
      {
        g_autoptr(FwChart) chart = fw_chart_new ();
        const FwChartLayout *layout;
        Series series;

        series_init (&series, "Baseline", horizons[h]);
        series.values[FW_CHART_CUSTOMERS][horizons[h]] = 123456.0;
        fw_chart_set_scenarios (chart, &series.scenario, 1);
        fw_chart_set_period_label (chart, "month");
        layout = fw_chart_get_layout (chart, sizes[k][0], sizes[k][1]);

        /* Inside the area, text never below the readable minimum. */
        g_assert_cmpfloat (layout->text_size, >=, 11.0);
        g_assert_cmpfloat (layout->plot_x, >, 0);
        g_assert_cmpfloat (layout->plot_y, >, 0);
        g_assert_cmpfloat (layout->plot_x + layout->plot_w, <=, sizes[k][0]);
        g_assert_cmpfloat (layout->plot_y + layout->plot_h, <=, sizes[k][1]);
        g_assert_cmpuint (layout->horizon, ==, horizons[h]);

        /* The vertical axis holds every value, on a 1-2-5 step. */
        g_assert_cmpfloat (layout->y_low, <=, 0.0);
        g_assert_cmpfloat (layout->y_high, >=, 123456.0);
        g_assert_cmpuint (layout->n_y_ticks, >=, 2);
        {
          double mantissa = layout->y_step / pow (10, floor (log10 (layout->y_step)));

          g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9
                         || fabs (mantissa - 5) < 1e-9);
        }
        /* Neighbouring y labels never overlap. */
        g_assert_cmpfloat (layout->plot_h / MAX (layout->n_y_ticks - 1, 1), >=, layout->text_size * 1.2);

        /* Whole periods on the horizontal axis; labels never touch. */
        g_assert_cmpuint (layout->x_step, >=, 1);
        g_assert_cmpuint ((layout->n_x_ticks - 1) * layout->x_step, <=, horizons[h]);
        if (layout->n_x_ticks > 1)
          {
            g_autofree char *widest = g_strdup_printf ("%u", horizons[h]);
            double spacing = fw_chart_layout_x_of (layout, layout->x_step) - fw_chart_layout_x_of (layout, 0);

            g_assert_cmpfloat (spacing, >, label_width (widest, layout->text_size) * 1.1);
          }

        /* Legend entries inside the area and apart. */
        for (guint i = 0; i < layout->n_legend; i++)
          {
            const FwChartLegendEntry *a = &layout->legend[i];

            g_assert_cmpfloat (a->x, >=, 0);
            g_assert_cmpfloat (a->x + a->width, <=, sizes[k][0]);
            g_assert_cmpfloat (a->y + a->height, <=, layout->plot_y);
            for (guint j = i + 1; j < layout->n_legend; j++)
              {
                const FwChartLegendEntry *b = &layout->legend[j];

                g_assert_true (a->x + a->width <= b->x || b->x + b->width <= a->x
                               || a->y + a->height <= b->y || b->y + b->height <= a->y);
              }
          }
        series_clear (&series);
      }
}

static void
test_layout_text_scale (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  Series series;
  double plain;

  series_init (&series, "Baseline", 24);
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  plain = fw_chart_get_layout (chart, 1280, 720)->text_size;

  /* Presenting: text and lines grow by the factor given. */
  fw_chart_set_text_scale (chart, 2.0);
  g_assert_cmpfloat_with_epsilon (fw_chart_get_layout (chart, 1280, 720)->text_size, plain * 2, 1e-9);
  /* And the layout follows: a new size is laid out anew. */
  g_assert_cmpfloat (fw_chart_get_layout (chart, 1920, 1080)->text_size, >, plain * 2);
  series_clear (&series);
}

/* Painting ---------------------------------------------------------------- */

static void
test_paint_series_and_marker (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  cairo_surface_t *surface;
  FwWheelStyle style;
  Series series;
  guint32 accent;
  double x, y;

  series_init (&series, "Baseline", 24);
  fw_wheel_style_init_light (&style);
  fw_chart_set_style (chart, &style);
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  fw_chart_set_marker (chart, 12);
  surface = paint (chart, 800, 500);
  layout = fw_chart_get_layout (chart, 800, 500);

  /* Customers, flat at 1000, is drawn in its colour where 1000 is, in
   * the middle of a segment (away from the dots and the marker). */
  x = fw_chart_layout_x_of (layout, 5.5);
  y = fw_chart_layout_y_of (layout, 1000);
  g_assert_true (line_at (surface, x, y, CUSTOMERS_LIGHT));
  /* Churn at 100 in its own. */
  y = fw_chart_layout_y_of (layout, 100);
  g_assert_true (line_at (surface, x, y, CHURN_LIGHT));
  g_assert_false (line_at (surface, x, y, CUSTOMERS_LIGHT));
  /* Between the lines and the grid, the background. */
  y = fw_chart_layout_y_of (layout, 900);
  g_assert_cmphex (pixel (surface, x, y), ==, 0xffffff);

  /* The marker: the accent at period 12, from the top of the plot down,
   * where no series is drawn. */
  accent = ((guint32) (style.accent[0] * 255 + 0.5) << 16) | ((guint32) (style.accent[1] * 255 + 0.5) << 8)
           | (guint32) (style.accent[2] * 255 + 0.5);
  x = fw_chart_layout_x_of (layout, 12);
  g_assert_true (near_color (pixel (surface, x, fw_chart_layout_y_of (layout, 900)), accent, 8));
  g_assert_true (near_color (pixel (surface, x, fw_chart_layout_y_of (layout, 300)), accent, 8));
  /* ...and only there. */
  g_assert_cmphex (pixel (surface, fw_chart_layout_x_of (layout, 11.5), fw_chart_layout_y_of (layout, 900)),
                   ==, 0xffffff);
  cairo_surface_destroy (surface);

  /* Playing, the line glides: at 12.5 it is half way to 13, and no
   * longer at 12; its label still names month 12. */
  fw_chart_set_marker_position (chart, 12.5);
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 12);
  surface = paint (chart, 800, 500);
  {
    /* Off the pixel grid the line is antialiased over two columns: the
     * one it covers most is at least three quarters the accent. */
    double glide = fw_chart_layout_x_of (layout, 12.5);
    gboolean drawn = FALSE;

    for (int dx = -1; dx <= 1; dx++)
      drawn = drawn || near_color (pixel (surface, glide + dx, fw_chart_layout_y_of (layout, 900)),
                                   accent, 64);
    g_assert_true (drawn);
  }
  g_assert_cmphex (pixel (surface, x, fw_chart_layout_y_of (layout, 900)), ==, 0xffffff);
  cairo_surface_destroy (surface);
  /* A whole period puts it back exactly. */
  fw_chart_set_marker (chart, 12);
  g_assert_cmpfloat (fw_chart_get_marker_position (chart), ==, 12.0);

  /* No marker, no line. */
  fw_chart_set_marker (chart, -1);
  surface = paint (chart, 800, 500);
  g_assert_cmphex (pixel (surface, x, fw_chart_layout_y_of (layout, 900)), ==, 0xffffff);
  cairo_surface_destroy (surface);
  series_clear (&series);
}

static void
test_paint_hidden (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  cairo_surface_t *surface;
  Series series;

  series_init (&series, "Baseline", 100000);
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  surface = paint (chart, 600, 400);
  layout = fw_chart_get_layout (chart, 600, 400);
  g_assert_cmpuint (count_color (surface, layout, CUSTOMERS_LIGHT), >, layout->plot_w * 0.9);
  g_assert_cmpuint (count_color (surface, layout, CHURN_LIGHT), >, layout->plot_w * 0.9);
  cairo_surface_destroy (surface);

  /* Customers hidden: not a pixel of its colour in the plot, not in the
   * legend; the axis fits what is left (momentum's 600). */
  fw_chart_set_visible (chart, FW_CHART_ALL_SERIES & ~FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS));
  surface = paint (chart, 600, 400);
  layout = fw_chart_get_layout (chart, 600, 400);
  g_assert_cmpuint (count_color (surface, layout, CUSTOMERS_LIGHT), ==, 0);
  g_assert_cmpuint (count_color (surface, layout, CHURN_LIGHT), >, layout->plot_w * 0.9);
  g_assert_cmpfloat (layout->y_high, <, 1000);
  for (guint i = 0; i < layout->n_legend; i++)
    g_assert_false (layout->legend[i].kind == FW_CHART_LEGEND_SERIES
                    && layout->legend[i].index == FW_CHART_CUSTOMERS);
  cairo_surface_destroy (surface);

  /* The legend as the series' switches: customers still listed, marked
   * hidden, and found where it is drawn; still not a pixel of it in the
   * plot. */
  {
    const FwChartLegendEntry *found = NULL;

    fw_chart_set_legend_toggles (chart, TRUE);
    layout = fw_chart_get_layout (chart, 600, 400);
    for (guint i = 0; i < layout->n_legend; i++)
      if (layout->legend[i].kind == FW_CHART_LEGEND_SERIES
          && layout->legend[i].index == FW_CHART_CUSTOMERS)
        found = &layout->legend[i];
    g_assert_nonnull (found);
    g_assert_true (found->hidden);
    g_assert_true (fw_chart_legend_at (chart, 600, 400, found->x + 2, found->y + found->height / 2)
                   == found);
    g_assert_null (fw_chart_legend_at (chart, 600, 400, layout->plot_x + layout->plot_w / 2,
                                       layout->plot_y + layout->plot_h / 2));
    surface = paint (chart, 600, 400);
    g_assert_cmpuint (count_color (surface, layout, CUSTOMERS_LIGHT), ==, 0);
    cairo_surface_destroy (surface);
    fw_chart_set_legend_toggles (chart, FALSE);
    layout = fw_chart_get_layout (chart, 600, 400);
  }

  /* Nothing visible: axes only, nothing to find under the pointer. */
  fw_chart_set_visible (chart, 0);
  surface = paint (chart, 600, 400);
  g_assert_cmpuint (count_color (surface, layout, CHURN_LIGHT), ==, 0);
  cairo_surface_destroy (surface);
  series_clear (&series);
}

static void
test_paint_band (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  cairo_surface_t *surface;
  Series series;
  guint32 inside;
  double x;

  series_init (&series, "Baseline", 60);
  series_add_band (&series, 700, 1300);
  fw_chart_set_visible (chart, FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS));
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  surface = paint (chart, 800, 500);
  layout = fw_chart_get_layout (chart, 800, 500);
  x = fw_chart_layout_x_of (layout, 30.5);

  /* Inside the band, a tint of the customers' blue (more blue than red);
   * outside, the background; the axis reaches the band's top. */
  inside = pixel (surface, x, fw_chart_layout_y_of (layout, 850));
  g_assert_cmphex (inside, !=, 0xffffff);
  g_assert_cmpuint (inside & 0xff, >, (inside >> 16) & 0xff);
  g_assert_cmphex (pixel (surface, x, fw_chart_layout_y_of (layout, 650)), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, x, fw_chart_layout_y_of (layout, 1350)), ==, 0xffffff);
  g_assert_cmpfloat (layout->y_high, >=, 1300);
  cairo_surface_destroy (surface);

  /* Hidden band: the background there. */
  fw_chart_set_band_shown (chart, FALSE);
  surface = paint (chart, 800, 500);
  layout = fw_chart_get_layout (chart, 800, 500);
  g_assert_cmphex (pixel (surface, x, fw_chart_layout_y_of (layout, 850)), ==, 0xffffff);
  cairo_surface_destroy (surface);

  /* Shown, but the customers switched off (reading churn): the band is
   * theirs and goes with them, and the axis is the churn's alone. */
  fw_chart_set_band_shown (chart, TRUE);
  fw_chart_set_visible (chart, FW_CHART_SERIES_BIT (FW_CHART_CHURN));
  g_assert_false (fw_chart_track_drawn (chart, 0, FW_CHART_TRACK_BAND_LOW));
  layout = fw_chart_get_layout (chart, 800, 500);
  g_assert_cmpfloat (layout->y_high, <, 700);
  series_clear (&series);
}

/* How far apart two colours are: the largest difference of a channel. */
static int
color_distance (guint32 a,
                guint32 b)
{
  int most = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    most = MAX (most, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return most;
}

/* Two scenarios compared with their bands, overlapping (a baseline and
 * its copy without a friction): each band in a colour of its own, so
 * where one ends is seen through the other, in the light and the dark
 * theme and in high contrast; and the legend ties each colour to its
 * scenario: the scenario's key sits on a swatch of its band's colour,
 * and the band's entry shows both colours. */
static void
test_paint_bands_compared (void)
{
  for (guint theme = 0; theme < 3; theme++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      cairo_surface_t *surface;
      FwWheelStyle style;
      Series series[2];
      guint32 only[2], overlap, background;
      double x;

      fw_wheel_style_init_light (&style);
      if (theme == 1)
        {
          style.dark = TRUE;
          style.fg[0] = style.fg[1] = style.fg[2] = 1.0;
        }
      style.high_contrast = theme == 2;
      fw_chart_set_style (chart, &style);

      series_init (&series[0], "Baseline", 24);
      series_init (&series[1], "Baseline (copy)", 24);
      for (guint t = 0; t <= 24; t++)
        series[1].values[FW_CHART_CUSTOMERS][t] = 1400;
      series_add_band (&series[0], 800, 1100);
      series_add_band (&series[1], 1050, 1700);
      fw_chart_set_visible (chart, FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS));
      fw_chart_set_scenarios (chart, (FwChartScenario[]) { series[0].scenario, series[1].scenario }, 2);

      surface = paint_on (chart, 900, 500, style.dark);
      layout = fw_chart_get_layout (chart, 900, 500);
      x = fw_chart_layout_x_of (layout, 12.5);

      /* Away from the lines (customers at 1000 and 1400, medians at 950
       * and 1375) and the edges: the baseline's band alone, the copy's
       * alone, both. */
      background = pixel (surface, x, fw_chart_layout_y_of (layout, 400));
      only[0] = pixel (surface, x, fw_chart_layout_y_of (layout, 870));
      only[1] = pixel (surface, x, fw_chart_layout_y_of (layout, 1230));
      overlap = pixel (surface, x, fw_chart_layout_y_of (layout, 1075));
      g_test_message ("theme %u: background %06x, bands %06x and %06x, overlap %06x",
                      theme, background, only[0], only[1], overlap);
      g_assert_cmpint (color_distance (only[0], background), >=, 12);
      g_assert_cmpint (color_distance (only[1], background), >=, 12);
      g_assert_cmpint (color_distance (only[0], only[1]), >=, 30);
      g_assert_cmpint (color_distance (overlap, only[0]), >=, 8);
      g_assert_cmpint (color_distance (overlap, only[1]), >=, 8);

      /* The legend: each scenario's key on its band's colour (off its
       * dash, at the sample's top), and the band's entry in both. */
      {
        guint keys = 0, bands = 0;

        for (guint i = 0; i < layout->n_legend; i++)
          {
            const FwChartLegendEntry *entry = &layout->legend[i];
            double top = entry->y + entry->height / 2.0 - layout->text_size * 0.3;
            double sample = layout->legend_sample;

            if (entry->kind == FW_CHART_LEGEND_SCENARIO)
              {
                g_assert_cmpint (color_distance (pixel (surface, entry->x + sample / 2.0, top),
                                                 only[entry->index]), <=, 6);
                keys++;
              }
            else if (entry->kind == FW_CHART_LEGEND_BAND)
              {
                g_assert_cmpint (color_distance (pixel (surface, entry->x + sample * 0.25, top),
                                                 only[0]), <=, 6);
                g_assert_cmpint (color_distance (pixel (surface, entry->x + sample * 0.75, top),
                                                 only[1]), <=, 6);
                bands++;
              }
          }
        g_assert_cmpuint (keys, ==, 2);
        g_assert_cmpuint (bands, ==, 1);
      }
      cairo_surface_destroy (surface);
      series_clear (&series[0]);
      series_clear (&series[1]);
    }
}

/* The colour at the top of @index's scenario key in the legend (off its
 * dash): its swatch of the band's colour. */
static guint32
scenario_swatch (cairo_surface_t     *surface,
                 const FwChartLayout *layout,
                 guint                index)
{
  for (guint i = 0; i < layout->n_legend; i++)
    {
      const FwChartLegendEntry *entry = &layout->legend[i];

      if (entry->kind == FW_CHART_LEGEND_SCENARIO && entry->index == index)
        return pixel (surface, entry->x + layout->legend_sample / 2.0,
                      entry->y + entry->height / 2.0 - layout->text_size * 0.3);
    }
  g_assert_not_reached ();
}

/* On screen the legend is the switches: a scenario's key keeps its
 * band's swatch, dimmed while the band is off. The band goes with the
 * customers' line (fw_chart_band_switched_on()), so switching the
 * customers off dims the swatch just as switching the band off does:
 * a full swatch said a band was drawn that was not. */
static void
test_legend_swatch_dims_with_band (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  Series series[2];
  guint32 shown[2], band_off[2], customers_off[2];
  guint states[3][2] = {
    { FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS) | FW_CHART_SERIES_BIT (FW_CHART_CHURN), TRUE },
    { FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS) | FW_CHART_SERIES_BIT (FW_CHART_CHURN), FALSE },
    { FW_CHART_SERIES_BIT (FW_CHART_CHURN), TRUE },
  };
  guint32 *seen[3] = { shown, band_off, customers_off };

  series_init (&series[0], "Baseline", 24);
  series_init (&series[1], "Baseline (copy)", 24);
  series_add_band (&series[0], 800, 1100);
  series_add_band (&series[1], 1050, 1700);
  fw_chart_set_legend_toggles (chart, TRUE);
  fw_chart_set_scenarios (chart, (FwChartScenario[]) { series[0].scenario, series[1].scenario }, 2);

  for (guint k = 0; k < G_N_ELEMENTS (states); k++)
    {
      cairo_surface_t *surface;

      fw_chart_set_visible (chart, states[k][0]);
      fw_chart_set_band_shown (chart, states[k][1]);
      surface = paint (chart, 900, 500);
      for (guint i = 0; i < 2; i++)
        seen[k][i] = scenario_swatch (surface, fw_chart_get_layout (chart, 900, 500), i);
      cairo_surface_destroy (surface);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_test_message ("scenario %u's swatch: shown %06x, band off %06x, customers off %06x",
                      i, shown[i], band_off[i], customers_off[i]);
      /* Dimmed, yet still there (the key still ties the colour). */
      g_assert_cmpint (color_distance (shown[i], band_off[i]), >=, 8);
      g_assert_cmphex (band_off[i], !=, 0xffffff);
      /* The customers off: the swatch as with the band off. */
      g_assert_cmpint (color_distance (customers_off[i], band_off[i]), <=, 2);
    }
  series_clear (&series[0]);
  series_clear (&series[1]);
}

/* Decimation as drawn: a single spike in 100,000 periods still shows. */
static void
test_paint_spike_kept (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  cairo_surface_t *surface;
  Series series;
  guint spike = 61234;

  series_init (&series, "Baseline", 100000);
  series.values[FW_CHART_CHURN][spike] = 900;
  fw_chart_set_visible (chart, FW_CHART_SERIES_BIT (FW_CHART_CHURN));
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  surface = paint (chart, 700, 400);
  layout = fw_chart_get_layout (chart, 700, 400);

  /* Near the top of the spike, in churn's colour, in the spike's pixel
   * column (give or take one). */
  {
    double y = fw_chart_layout_y_of (layout, 850);
    double x = fw_chart_layout_x_of (layout, spike);
    gboolean found = FALSE;

    for (int dx = -1; dx <= 1; dx++)
      found = found || line_at (surface, x + dx, y, CHURN_LIGHT);
    g_assert_true (found);
    g_assert_cmphex (pixel (surface, x + 6, y), ==, 0xffffff);
  }
  cairo_surface_destroy (surface);
  series_clear (&series);
}

/* The colour found most along a line drawn at (x, @y) for x across the
 * plot: the line's own where it is drawn (antialiased pixels are blends
 * with the background, each rarer than the line's colour). */
static guint32
line_color_at (cairo_surface_t     *surface,
               const FwChartLayout *layout,
               double               y,
               guint32              background)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 best = background;
  guint most = 0;

  for (double x = layout->plot_x + 30; x < layout->plot_x + layout->plot_w - 30; x += 1)
    for (int dy = -1; dy <= 1; dy++)
      {
        guint32 color = pixel (surface, x, y + dy);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (color))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (color), GUINT_TO_POINTER (n));
        if (n > most && color_distance (color, background) > 40)
          {
            most = n;
            best = color;
          }
      }
  return best;
}

/* The share of the plot's width along which a line of @color is drawn
 * at @y. */
static double
drawn_share (cairo_surface_t     *surface,
             const FwChartLayout *layout,
             double               y,
             guint32              color)
{
  guint hits = 0, total = 0;

  for (double x = layout->plot_x + 30; x < layout->plot_x + layout->plot_w - 30; x += 1, total++)
    if (line_at (surface, x, y, color))
      hits++;
  return (double) hits / MAX (total, 1);
}

/* Three scenarios compared (R5-08: each customers line was the same
 * blue, told apart by a dash 1-2 px apart): in the light and the dark
 * theme and in high contrast, each scenario's lines are drawn in a hue
 * of its own, far from the others' and from the background, the
 * customers solid; its other series in the same hue, dashed (churn
 * here); and its legend key in that hue. */

/* Runs of ink (pixels far from the white background: a line, not the
 * light grid) along the most inked row within two of @y, from @x0 to
 * @x1: each run's length in pixels and the gap before it. */
typedef struct
{
  guint  n;
  double length[64], gap[64];
} Runs;

static void
ink_runs (cairo_surface_t *surface,
          double           x0,
          double           x1,
          double           y,
          Runs            *runs)
{
  guint best = 0;

  memset (runs, 0, sizeof *runs);
  for (int dy = -2; dy <= 2; dy++)
    {
      Runs row = { 0 };
      double last_end = x0;
      int start = -1;
      guint inked = 0;

      for (int x = (int) floor (x0); x <= (int) ceil (x1) + 1; x++)
        {
          guint32 c = x <= (int) ceil (x1) ? pixel (surface, x, y + dy) : 0xffffff;
          int away = 765 - (int) (((c >> 16) & 0xff) + ((c >> 8) & 0xff) + (c & 0xff));
          gboolean ink = away > 200;

          inked += ink;
          if (ink && start < 0)
            start = x;
          else if (!ink && start >= 0)
            {
              if (row.n < G_N_ELEMENTS (row.length))
                {
                  row.gap[row.n] = start - last_end;
                  row.length[row.n++] = x - start;
                }
              last_end = x;
              start = -1;
            }
        }
      if (inked > best)
        {
          best = inked;
          *runs = row;
        }
    }
}

/* V10-02: while scenarios are compared the series are told apart by
 * their dash, so each legend key must show its pattern as the line
 * draws it: a whole period, and the first dash again, the same lengths
 * and gaps as the line's from its start. The keys were 2.4 text heights
 * whatever the pattern: "Referral inflow" (dash, dot) showed two plain
 * dashes in an export and cut fragments in the window. Checked at the
 * window's sizes, an export's and the report's small text. */
static void
test_legend_keys_show_their_dash (void)
{
  static const struct { int width, height; double scale; } sizes[] = {
    { 900, 500, 1.0 }, { 1600, 900, 1.0 }, { 1920, 1080, 1.0 }, { 800, 450, 0.75 }, { 1280, 720, 1.6 },
  };
  static const double levels[FW_CHART_N_SERIES] = { 1000, 200, 100, 50, 600 };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      cairo_surface_t *surface;
      Series a, b;

      /* Two scenarios alike: each line drawn twice in the same place. */
      series_init (&a, "Baseline", 24);
      series_init (&b, "Baseline (copy)", 24);
      fw_chart_set_text_scale (chart, sizes[k].scale);
      fw_chart_set_scenarios (chart, (FwChartScenario[]) { a.scenario, b.scenario }, 2);
      surface = paint (chart, sizes[k].width, sizes[k].height);
      layout = fw_chart_get_layout (chart, sizes[k].width, sizes[k].height);

      for (guint s = FW_CHART_NEW_CUSTOMERS; s < FW_CHART_N_SERIES; s++)
        {
          const FwChartLegendEntry *key = NULL;
          double lw = layout->line_width;
          Runs line, sample;
          guint period = 0;

          for (guint i = 0; i < layout->n_legend; i++)
            if (layout->legend[i].kind == FW_CHART_LEGEND_SERIES && layout->legend[i].index == s)
              key = &layout->legend[i];
          g_assert_nonnull (key);

          ink_runs (surface, layout->plot_x - lw, layout->plot_x + layout->legend_sample * 3,
                    fw_chart_layout_y_of (layout, levels[s]), &line);
          ink_runs (surface, key->x - 1, key->x + layout->legend_sample + 1,
                    key->y + key->height / key->lines / 2.0, &sample);
          g_test_message ("%dx%d x%.2f, %s: line %u runs (%g %g %g %g), key %u runs (%g %g %g %g), "
                          "sample %.1f px, line %.1f px",
                          sizes[k].width, sizes[k].height, sizes[k].scale, fw_chart_series_name (s),
                          line.n, line.length[0], line.gap[1], line.length[1], line.gap[2],
                          sample.n, sample.length[0], sample.gap[1], sample.length[1], sample.gap[2],
                          layout->legend_sample, lw);

          /* The line's period, in runs: the first p runs repeat. */
          g_assert_cmpuint (line.n, >=, 4);
          for (guint p = 1; p + 1 < line.n && period == 0; p++)
            {
              gboolean repeats = TRUE;

              for (guint i = 0; i + p < line.n - 1 && i < 2 * p; i++)
                repeats = repeats && fabs (line.length[i + p] - line.length[i]) <= 1.5
                          && (i == 0 || fabs (line.gap[i + p] - line.gap[i]) <= 1.5);
              if (repeats)
                period = p;
            }
          g_assert_cmpuint (period, >=, 1);

          /* A whole period and its first dash again... */
          g_assert_cmpuint (sample.n, >=, period + 1);
          /* ...each dash and gap as the line draws them from its start:
           * none cut short. */
          for (guint i = 0; i < sample.n; i++)
            {
              g_assert_cmpfloat (fabs (sample.length[i] - line.length[i]), <=, 1.5);
              if (i > 0)
                g_assert_cmpfloat (fabs (sample.gap[i] - line.gap[i]), <=, 1.5);
            }
        }
      cairo_surface_destroy (surface);
      series_clear (&a);
      series_clear (&b);
    }
}

/* The window draws the marker in two parts (fw-chart-canvas.c): its
 * line as a rectangle of the accent, and its label from pixels painted
 * by fw_chart_paint_marker_chip() at the place fw_chart_marker_place()
 * gives. Put together, they are what fw_chart_paint_marker() (exports)
 * draws, gliding between periods or on one; the label is measured once
 * for its text, not at every call. */
static void
test_marker_in_parts (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const double positions[] = { 12.0, 12.37, 0.0, 23.8 };
  FwWheelStyle style;
  Series series;

  series_init (&series, "Baseline", 24);
  fw_wheel_style_init_light (&style);
  fw_chart_set_style (chart, &style);
  fw_chart_set_scenarios (chart, &series.scenario, 1);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
      cairo_surface_t *parts = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
      FwChartMarkerPlace place, again;
      guint differ = 0;
      cairo_t *cr;

      fw_chart_set_marker (chart, (int) positions[i]);
      fw_chart_set_marker_position (chart, positions[i]);
      g_assert_true (fw_chart_marker_place (chart, 800, 500, &place));
      g_assert_true (fw_chart_marker_place (chart, 800, 500, &again));
      g_assert_true (memcmp (&place, &again, sizeof place) == 0);

      cr = cairo_create (whole);
      fw_chart_paint_marker (chart, cr, 800, 500);
      cairo_destroy (cr);

      cr = cairo_create (parts);
      cairo_rectangle (cr, place.x - place.line_width / 2.0, place.top, place.line_width, place.bottom - place.top);
      cairo_set_source_rgba (cr, style.accent[0], style.accent[1], style.accent[2], style.accent[3]);
      cairo_fill (cr);
      fw_chart_paint_marker_chip (chart, cr, 800, 500, place.chip_x, place.chip_y);
      cairo_destroy (cr);

      cairo_surface_flush (whole);
      cairo_surface_flush (parts);
      for (int y = 0; y < 500; y++)
        {
          const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (whole) + y * cairo_image_surface_get_stride (whole));
          const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (parts) + y * cairo_image_surface_get_stride (parts));

          for (int x = 0; x < 800; x++)
            differ += a[x] != b[x];
        }
      g_test_message ("marker at %g: %u pixels differ", positions[i], differ);
      g_assert_cmpuint (differ, ==, 0);
      /* Something was drawn: the label's pill, in the accent. */
      g_assert_cmpfloat (place.chip_w, >, place.chip_h);
      cairo_surface_destroy (whole);
      cairo_surface_destroy (parts);
    }
  series_clear (&series);
}

static void
test_paint_scenarios (void)
{
  for (guint theme = 0; theme < 3; theme++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      cairo_surface_t *surface;
      FwWheelStyle style;
      Series series[3];
      guint32 background, hue[3];
      guint n_scenario_entries = 0;

      fw_wheel_style_init_light (&style);
      if (theme == 1)
        {
          style.dark = TRUE;
          style.fg[0] = style.fg[1] = style.fg[2] = 1.0;
        }
      style.high_contrast = theme == 2;
      fw_chart_set_style (chart, &style);

      for (guint i = 0; i < 3; i++)
        {
          series_init (&series[i], i == 0 ? "Baseline" : i == 1 ? "Without friction" : "Rewards", 24);
          for (guint t = 0; t <= 24; t++)
            {
              series[i].values[FW_CHART_CUSTOMERS][t] = 1000 + 300 * i;
              series[i].values[FW_CHART_CHURN][t] = 100 + 300 * i;
            }
        }
      fw_chart_set_visible (chart, FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS) | FW_CHART_SERIES_BIT (FW_CHART_CHURN));
      fw_chart_set_scenarios (chart, (FwChartScenario[]) { series[0].scenario, series[1].scenario,
                                                           series[2].scenario }, 3);
      surface = paint_on (chart, 900, 500, style.dark);
      layout = fw_chart_get_layout (chart, 900, 500);
      background = pixel (surface, layout->plot_x + 40, fw_chart_layout_y_of (layout, 850));

      /* Each named in the legend (the names are copied). */
      for (guint i = 0; i < layout->n_legend; i++)
        if (layout->legend[i].kind == FW_CHART_LEGEND_SCENARIO)
          n_scenario_entries++;
      g_assert_cmpuint (n_scenario_entries, ==, 3);

      for (guint i = 0; i < 3; i++)
        {
          double rgb[3];
          guint32 expected;

          hue[i] = line_color_at (surface, layout, fw_chart_layout_y_of (layout, 1000 + 300 * i), background);
          fw_chart_line_color (chart, i, FW_CHART_CUSTOMERS, rgb);
          expected = ((guint32) lround (rgb[0] * 255) << 16) | ((guint32) lround (rgb[1] * 255) << 8)
                     | (guint32) lround (rgb[2] * 255);
          g_test_message ("theme %u: scenario %u drawn in %06x (its colour %06x), background %06x",
                          theme, i, hue[i], expected, background);
          g_assert_cmpint (color_distance (hue[i], expected), <=, 8);
          g_assert_cmpint (color_distance (hue[i], background), >=, 80);
          /* Customers solid, along the whole plot. */
          g_assert_cmpfloat (drawn_share (surface, layout, fw_chart_layout_y_of (layout, 1000 + 300 * i), hue[i]),
                             >, 0.95);
          /* Churn in the same hue, dashed: drawn, with gaps. */
          g_assert_cmpfloat (drawn_share (surface, layout, fw_chart_layout_y_of (layout, 100 + 300 * i), hue[i]),
                             >, 0.15);
          g_assert_cmpfloat (drawn_share (surface, layout, fw_chart_layout_y_of (layout, 100 + 300 * i), hue[i]),
                             <, 0.9);
          /* Apart from one another: by 100 of the channels' summed
           * differences (blue 0072b2 and bluish green 009e73 are 107
           * apart; the old blues were 0). */
          for (guint j = 0; j < i; j++)
            {
              int apart = 0;

              for (int shift = 0; shift <= 16; shift += 8)
                apart += ABS ((int) ((hue[i] >> shift) & 0xff) - (int) ((hue[j] >> shift) & 0xff));
              g_assert_cmpint (apart, >=, 100);
            }
        }

      /* Each key's sample is its scenario's hue. */
      for (guint i = 0; i < layout->n_legend; i++)
        {
          const FwChartLegendEntry *entry = &layout->legend[i];
          double cy = entry->y + entry->height / entry->lines / 2.0;

          if (entry->kind == FW_CHART_LEGEND_SCENARIO)
            g_assert_true (line_at (surface, entry->x + layout->legend_sample / 2.0, cy,
                                    hue[entry->index]));
        }
      cairo_surface_destroy (surface);
      for (guint i = 0; i < 3; i++)
        series_clear (&series[i]);
    }
}

/* One scenario alone keeps the series' colours, every line solid. */
static void
test_paint_one_scenario_colors (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  cairo_surface_t *surface;
  Series series;

  series_init (&series, "Baseline", 24);
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  surface = paint (chart, 900, 500);
  layout = fw_chart_get_layout (chart, 900, 500);
  g_assert_cmpfloat (drawn_share (surface, layout, fw_chart_layout_y_of (layout, 1000), CUSTOMERS_LIGHT), >, 0.95);
  g_assert_cmpfloat (drawn_share (surface, layout, fw_chart_layout_y_of (layout, 100), CHURN_LIGHT), >, 0.95);
  cairo_surface_destroy (surface);
  series_clear (&series);
}

/* Scenarios with long names (the consultant's, up to 80 characters),
 * five and fifty of them, in the projection's area at 1920x1080 and
 * 1280x720, and in an export. Every key stays inside the area without
 * overlapping another. In an export the legend keeps to its share of
 * the height, the plot keeps the rest, and a key that cannot be whole
 * is cut (in the middle, by the painter) or counted in "and N more".
 * On screen every name is whole, on as many rows as it takes, and the
 * height the view asks for (fw_chart_height_for_plot ()) leaves the
 * plot its height under them (V10B-05). */
/* Whether @entry keeps off the plot: above it, or in the column beside
 * it (a short wide area on screen, compared). */
static gboolean
key_off_plot (const FwChartLayout      *layout,
              const FwChartLegendEntry *entry)
{
  return entry->y + entry->height < layout->plot_y ||
         (layout->legend_beside && entry->x >= layout->plot_x + layout->plot_w);
}

static void
test_layout_many_scenarios (void)
{
  /* Width, height, and on screen (legend toggles) or exported. */
  static const double sizes[][3] = { { 1200, 260, 1 }, { 860, 170, 1 }, { 1600, 900, 0 }, { 400, 250, 0 },
                                     { 960, 540, 0 } };
  const char *const *names = fw_test_consultant_names;
  static const guint counts[] = { 5, FW_CHART_MAX_SCENARIOS };
  /* (g_autofree on an array frees its first element only.) */
  char *generated[FW_CHART_MAX_SCENARIOS] = { NULL };
  Series series[FW_CHART_MAX_SCENARIOS];
  FwChartScenario scenarios[FW_CHART_MAX_SCENARIOS];

  for (guint i = 0; i < FW_CHART_MAX_SCENARIOS; i++)
    {
      if (i >= G_N_ELEMENTS (fw_test_consultant_names))
        generated[i] = g_strdup_printf ("Scenario number %u of the plans we can make", i + 1);
      series_init (&series[i], i < G_N_ELEMENTS (fw_test_consultant_names) ? names[i] : generated[i], 36);
      scenarios[i] = series[i].scenario;
    }

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      {
        g_autoptr(FwChart) chart = fw_chart_new ();
        g_autoptr(FwChart) alone = fw_chart_new ();
        double width = sizes[k][0], height = sizes[k][1];
        const FwChartLayout *layout;
        double plot_h_alone, legend_bottom = 0.0;
        guint keyed = 0, more = 0, cut = 0;

        fw_chart_set_legend_toggles (alone, sizes[k][2] != 0);
        fw_chart_set_legend_toggles (chart, sizes[k][2] != 0);
        fw_chart_set_scenarios (alone, scenarios, 1);
        plot_h_alone = fw_chart_get_layout (alone, width, height)->plot_h;
        fw_chart_set_scenarios (chart, scenarios, counts[c]);
        layout = fw_chart_get_layout (chart, width, height);

        for (guint i = 0; i < layout->n_legend; i++)
          {
            const FwChartLegendEntry *entry = &layout->legend[i];

            g_assert_cmpfloat (entry->x, >=, 0.0);
            g_assert_cmpfloat (entry->x + entry->width, <=, width);
            legend_bottom = MAX (legend_bottom, entry->y + entry->height);
            for (guint j = 0; j < i; j++)
              {
                const FwChartLegendEntry *other = &layout->legend[j];

                /* (Keys on rows next to each other touch, give or
                 * take a rounding error.) */
                g_assert_false (entry->x < other->x + other->width - 1e-6 &&
                                other->x < entry->x + entry->width - 1e-6 &&
                                entry->y < other->y + other->height - 1e-6 &&
                                other->y < entry->y + entry->height - 1e-6);
              }
            if (entry->kind == FW_CHART_LEGEND_SCENARIO)
              {
                keyed++;
                cut += entry->cut;
              }
            if (entry->kind == FW_CHART_LEGEND_MORE)
              more += entry->index;
          }

        if (sizes[k][2] != 0)
          {
            double tall = fw_chart_height_for_plot (chart, width, 100.0);

            g_assert_cmpuint (keyed, ==, counts[c]);
            g_assert_cmpuint (more, ==, 0);
            g_assert_cmpuint (cut, ==, 0);
            layout = fw_chart_get_layout (chart, width, tall);
            g_test_message ("%gx%g on screen, %u scenarios: %g high for the plot's 100", width, height,
                            counts[c], tall);
            g_assert_cmpfloat (layout->plot_h, >=, 100.0);
            for (guint i = 0; i < layout->n_legend; i++)
              g_assert_true (key_off_plot (layout, &layout->legend[i]));
            cairo_surface_destroy (paint (chart, (int) width, (int) tall));
            continue;
          }
        if (layout->n_legend > 0)
          {
            /* Every scenario keyed or counted, the legend in its share:
             * more when that shows every name whole; at least a row of
             * keys. */
            g_assert_cmpuint (keyed + more, ==, counts[c]);
            g_assert_cmpfloat (legend_bottom - layout->legend[0].y, <=,
                               MAX (height * 0.30, layout->legend[0].height * 2) + 0.5);
            g_assert_cmpfloat (legend_bottom, <, layout->plot_y);
          }
        /* Whatever the number and the names, the plot keeps most of
         * the area; in a small one, it loses at most two rows of keys
         * and the gap under them. */
        if (height >= 250)
          g_assert_cmpfloat (layout->plot_h, >=, height * 0.5);
        else
          g_assert_cmpfloat (layout->plot_h, >=, plot_h_alone - layout->text_size * (1.45 * 2 + 0.6) - 1);
        /* The longest names do not fit beside the others: cut. */
        if (layout->n_legend > 0 && counts[c] == 5 && width < 960)
          g_assert_cmpuint (cut, >, 0);

        /* And it paints. */
        cairo_surface_destroy (paint (chart, (int) width, (int) height));
      }
  for (guint i = 0; i < FW_CHART_MAX_SCENARIOS; i++)
    {
      series_clear (&series[i]);
      g_free (generated[i]);
    }
}

/* A scenario named @names[i] in @series[i] and @scenarios[i], each over
 * @horizon periods. */
static void
series_init_named (Series            *series,
                   FwChartScenario   *scenarios,
                   const char *const *names,
                   guint              n,
                   guint              horizon)
{
  for (guint i = 0; i < n; i++)
    {
      series_init (&series[i], names[i], horizon);
      scenarios[i] = series[i].scenario;
    }
}

/* The client's three scenarios (R5-08: the legend cut them to "Today
 * (as me…ured in Q3)" with room to spare): in an export (1600x900, a
 * 960x540 slide), in the window's projection at 1440x900 and 1920x1080
 * (legend toggles), each key is the name whole; at 260 points wide the
 * longest wraps onto a second row rather than being cut. */
static void
test_layout_names_whole (void)
{
  static const char *const names[] = { "Today (as measured in Q3)", "Faster quotes",
                                        "Faster quotes + transparent pricing page" };
  static const double sizes[][3] = { { 1600, 900, 0 }, { 960, 540, 0 }, { 730, 230, 1 }, { 1000, 330, 1 },
                                     { 260, 400, 0 } };
  Series series[3];
  FwChartScenario scenarios[3];

  series_init_named (series, scenarios, names, 3, 36);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      guint keyed = 0, wrapped = 0;

      fw_chart_set_legend_toggles (chart, sizes[k][2] != 0);
      fw_chart_set_scenarios (chart, scenarios, 3);
      layout = fw_chart_get_layout (chart, sizes[k][0], sizes[k][1]);
      for (guint i = 0; i < layout->n_legend; i++)
        {
          const FwChartLegendEntry *entry = &layout->legend[i];

          if (entry->kind != FW_CHART_LEGEND_SCENARIO)
            continue;
          g_test_message ("%gx%g: \"%s\" at %g,%g, %g wide, %u line(s)%s", sizes[k][0], sizes[k][1],
                          names[entry->index], entry->x, entry->y, entry->width, entry->lines,
                          entry->cut ? ", cut" : "");
          g_assert_false (entry->cut);
          g_assert_cmpfloat (entry->x + entry->width, <=, sizes[k][0]);
          keyed++;
          wrapped += entry->lines > 1;
        }
      g_assert_cmpuint (keyed, ==, 3);
      if (sizes[k][0] < 500)
        g_assert_cmpuint (wrapped, ==, 1);
      else
        g_assert_cmpuint (wrapped, ==, 0);
      cairo_surface_destroy (paint (chart, (int) sizes[k][0], (int) sizes[k][1]));
    }
  for (guint i = 0; i < 3; i++)
    series_clear (&series[i]);
}

/* Four scenarios compared in the window with the text zoomed in
 * (Ctrl+plus three times, verify10 V10-09): the legend cut the names in
 * their middle ("Today (as m…ured in Q3)") although another row fitted,
 * and dropped the series' keys, which alone tell the dashed and dotted
 * lines apart when each scenario has its own hue. Every name whole, on
 * rows of its own if need be, and every series keyed, the plot still
 * above its floor. */
static void
test_layout_zoomed_compare (void)
{
  static const char *const names[] = { "Today (as measured in Q3)", "Today (as measured in Q3) (copy)",
                                        "Faster quotes", "Faster quotes + transparent pricing page" };
  static const double sizes[][3] = { { 1250, 235, 1.5 }, { 1250, 300, 1.5 }, { 900, 260, 1.3 } };
  Series series[4];
  FwChartScenario scenarios[4];

  series_init_named (series, scenarios, names, 4, 20);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      guint keyed = 0, series_keyed = 0;

      fw_chart_set_legend_toggles (chart, TRUE);
      fw_chart_set_text_scale (chart, sizes[k][2]);
      fw_chart_set_scenarios (chart, scenarios, 4);
      layout = fw_chart_get_layout (chart, sizes[k][0], sizes[k][1]);
      for (guint i = 0; i < layout->n_legend; i++)
        {
          const FwChartLegendEntry *entry = &layout->legend[i];

          g_test_message ("%gx%g: kind %d index %u at %g,%g, %g wide, %u line(s)%s", sizes[k][0],
                          sizes[k][1], entry->kind, entry->index, entry->x, entry->y, entry->width,
                          entry->lines, entry->cut ? ", cut" : "");
          g_assert_false (entry->cut);
          g_assert_cmpfloat (entry->x + entry->width, <=, sizes[k][0]);
          g_assert_true (key_off_plot (layout, entry));
          keyed += entry->kind == FW_CHART_LEGEND_SCENARIO;
          series_keyed += entry->kind == FW_CHART_LEGEND_SERIES;
        }
      g_test_message ("plot %g high at %g", layout->plot_h, layout->plot_y);
      g_assert_cmpuint (keyed, ==, 4);
      g_assert_cmpuint (series_keyed, ==, FW_CHART_N_SERIES);
      g_assert_cmpfloat (layout->plot_h, >=, layout->text_size * 4.0);
      cairo_surface_destroy (paint (chart, (int) sizes[k][0], (int) sizes[k][1]));
    }
  for (guint i = 0; i < 4; i++)
    series_clear (&series[i]);
}

/* Two, three and four scenarios compared on screen, each with its band,
 * in the projection under the wheel at 1280x720 (about 600x220): the
 * key goes in a column beside the plot, every key whole and off the
 * plot, and the plot has most of the height; above it, the key left
 * the plot 60 px of 250 (verify9 V9-03). In a taller area (1920x1080's
 * 1200x330) the key of two stays above a wide plot. */
static void
test_layout_beside_short_wide (void)
{
  static const char *const names[] = { "Today (as measured in Q3)", "Today (as measured in Q3) (copy)",
                                        "Faster quotes", "Faster quotes + transparent pricing page" };
  Series series[4];
  FwChartScenario scenarios[4];

  series_init_named (series, scenarios, names, 4, 24);
  for (guint i = 0; i < 4; i++)
    {
      series_add_band (&series[i], 800, 1200);
      scenarios[i] = series[i].scenario;
    }
  for (guint n = 2; n <= 4; n++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      const FwChartLayout *layout;
      guint keyed = 0, series_keyed = 0, band_keyed = 0;

      fw_chart_set_legend_toggles (chart, TRUE);
      fw_chart_set_scenarios (chart, scenarios, n);
      layout = fw_chart_get_layout (chart, 600, 220);
      g_test_message ("%u scenarios at 600x220: the plot %g x %g, key %s", n, layout->plot_w, layout->plot_h,
                      layout->legend_beside ? "beside" : "above");
      g_assert_true (layout->legend_beside);
      g_assert_cmpfloat (layout->plot_h, >=, 220 * 0.6);
      g_assert_cmpfloat (layout->plot_w, >=, 600 * 0.45);
      for (guint i = 0; i < layout->n_legend; i++)
        {
          const FwChartLegendEntry *entry = &layout->legend[i];

          g_assert_false (entry->cut);
          g_assert_cmpfloat (entry->x, >=, layout->plot_x + layout->plot_w);
          g_assert_cmpfloat (entry->x + entry->width, <=, 600);
          g_assert_cmpfloat (entry->y, >=, 0);
          g_assert_cmpfloat (entry->y + entry->height, <=, 220);
          keyed += entry->kind == FW_CHART_LEGEND_SCENARIO;
          series_keyed += entry->kind == FW_CHART_LEGEND_SERIES;
          band_keyed += entry->kind == FW_CHART_LEGEND_BAND;
        }
      g_assert_cmpuint (keyed, ==, n);
      g_assert_cmpuint (series_keyed, ==, FW_CHART_N_SERIES);
      g_assert_cmpuint (band_keyed, ==, 1);
      cairo_surface_destroy (paint (chart, 600, 220));
      /* A picture keeps its key above the plot. */
      fw_chart_set_legend_toggles (chart, FALSE);
      g_assert_false (fw_chart_get_layout (chart, 600, 220)->legend_beside);
    }
  {
    g_autoptr(FwChart) chart = fw_chart_new ();

    fw_chart_set_legend_toggles (chart, TRUE);
    fw_chart_set_scenarios (chart, scenarios, 2);
    g_assert_false (fw_chart_get_layout (chart, 1200, 330)->legend_beside);
  }
  for (guint i = 0; i < 4; i++)
    series_clear (&series[i]);
}

/* Hover ------------------------------------------------------------------- */

static void
test_hover (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  FwChartHover hover;
  Series series[2];

  for (guint i = 0; i < 2; i++)
    {
      series_init (&series[i], i == 0 ? "Baseline" : "Other", 24);
      for (guint t = 0; t <= 24; t++)
        series[i].values[FW_CHART_CUSTOMERS][t] = 1000 + 10 * t + 500 * i;
    }
  fw_chart_set_scenarios (chart, (FwChartScenario[]) { series[0].scenario, series[1].scenario }, 2);
  layout = fw_chart_get_layout (chart, 800, 500);

  /* On churn at period 10: the period, every value, churn nearest. */
  g_assert_true (fw_chart_lookup (chart, 800, 500, fw_chart_layout_x_of (layout, 10.2),
                                  fw_chart_layout_y_of (layout, 100) + 1, &hover));
  g_assert_cmpuint (hover.period, ==, 10);
  g_assert_cmpfloat_with_epsilon (hover.x, fw_chart_layout_x_of (layout, 10), 1e-9);
  g_assert_cmpuint (hover.n_scenarios, ==, 2);
  g_assert_cmpfloat (hover.values[0][FW_CHART_CUSTOMERS], ==, 1100);
  g_assert_cmpfloat (hover.values[1][FW_CHART_CUSTOMERS], ==, 1600);
  g_assert_cmpfloat (hover.values[0][FW_CHART_MOMENTUM], ==, 600);
  g_assert_cmpint (hover.nearest_series, ==, FW_CHART_CHURN);
  g_assert_cmpint (hover.nearest_scenario, ==, 0);  /* a tie: the one on top */
  g_assert_cmpfloat (hover.nearest_distance, <, 1.5);
  g_assert_true (isnan (hover.band[0][0]));

  /* Near the second scenario's customers, between two periods: the line
   * runs straight between them. */
  g_assert_true (fw_chart_lookup (chart, 800, 500, fw_chart_layout_x_of (layout, 17.5),
                                  fw_chart_layout_y_of (layout, 1675) - 3, &hover));
  g_assert_cmpint (hover.nearest_scenario, ==, 1);
  g_assert_cmpint (hover.nearest_series, ==, FW_CHART_CUSTOMERS);
  g_assert_cmpfloat_with_epsilon (hover.nearest_distance, 3, 0.01);

  /* Hidden series are not found and have no value. */
  fw_chart_set_visible (chart, FW_CHART_ALL_SERIES & ~FW_CHART_SERIES_BIT (FW_CHART_CHURN));
  layout = fw_chart_get_layout (chart, 800, 500);
  g_assert_true (fw_chart_lookup (chart, 800, 500, fw_chart_layout_x_of (layout, 10),
                                  fw_chart_layout_y_of (layout, 100), &hover));
  g_assert_true (isnan (hover.values[0][FW_CHART_CHURN]));
  g_assert_cmpint (hover.nearest_series, !=, FW_CHART_CHURN);

  /* Outside the plot: nothing; the ends clamp to 0 and H. */
  g_assert_false (fw_chart_lookup (chart, 800, 500, 2, 2, &hover));
  g_assert_false (fw_chart_lookup (chart, 800, 500, 799, layout->plot_y + 10, &hover));
  g_assert_true (fw_chart_lookup (chart, 800, 500, layout->plot_x + layout->plot_w + 1,
                                  layout->plot_y + 10, &hover));
  g_assert_cmpuint (hover.period, ==, 24);
  for (guint i = 0; i < 2; i++)
    series_clear (&series[i]);
}

static void
test_hover_decimated (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  const FwChartLayout *layout;
  FwChartHover hover;
  Series series;
  guint spike = 50000;

  /* At H = 100,000 a pixel holds many periods: the pointer finds what is
   * drawn in its column (the spike), and the values at its period. */
  series_init (&series, "Baseline", 100000);
  series.values[FW_CHART_CHURN][spike] = 900;
  series_add_band (&series, 800, 1200);
  fw_chart_set_scenarios (chart, &series.scenario, 1);
  layout = fw_chart_get_layout (chart, 700, 400);
  g_assert_true (fw_chart_lookup (chart, 700, 400, fw_chart_layout_x_of (layout, spike),
                                  fw_chart_layout_y_of (layout, 880), &hover));
  g_assert_cmpuint (hover.period, >=, spike - 100000 / (guint) layout->plot_w);
  g_assert_cmpuint (hover.period, <=, spike + 100000 / (guint) layout->plot_w);
  g_assert_cmpint (hover.nearest_series, ==, FW_CHART_CHURN);
  g_assert_cmpfloat (hover.nearest_distance, ==, 0.0);
  g_assert_cmpfloat (hover.band[0][0], ==, 800);
  g_assert_cmpfloat (hover.band[0][1], ==, 1000);
  g_assert_cmpfloat (hover.band[0][2], ==, 1200);
  series_clear (&series);
}

/* Degenerate data ----------------------------------------------------------- */

static void
test_degenerate (void)
{
  static const double sizes[][2] = { { 1, 1 }, { 30, 20 }, { 400, 250 }, { 1920, 1080 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(FwChart) chart = fw_chart_new ();
      Series one, zeros, wild;
      cairo_surface_t *surface;
      FwChartHover hover;

      /* No scenario at all. */
      surface = paint (chart, (int) sizes[k][0], (int) sizes[k][1]);
      cairo_surface_destroy (surface);
      g_assert_false (fw_chart_lookup (chart, sizes[k][0], sizes[k][1], sizes[k][0] / 2,
                                       sizes[k][1] / 2, &hover));

      /* H = 1. */
      series_init (&one, "One", 1);
      fw_chart_set_scenarios (chart, &one.scenario, 1);
      fw_chart_set_marker (chart, 1);
      surface = paint (chart, (int) sizes[k][0], (int) sizes[k][1]);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (fw_chart_get_layout (chart, sizes[k][0], sizes[k][1])->n_x_ticks, <=, 2);

      /* All zeros: an axis from 0 to a nice top, not a division by 0. */
      series_init (&zeros, "Zeros", 24);
      for (guint s = 0; s < FW_CHART_N_SERIES; s++)
        memset (zeros.values[s], 0, sizeof (double) * 25);
      fw_chart_set_scenarios (chart, &zeros.scenario, 1);
      surface = paint (chart, (int) sizes[k][0], (int) sizes[k][1]);
      cairo_surface_destroy (surface);
      {
        const FwChartLayout *layout = fw_chart_get_layout (chart, sizes[k][0], sizes[k][1]);

        g_assert_cmpfloat (layout->y_low, ==, 0);
        g_assert_cmpfloat (layout->y_high, >, 0);
        g_assert_true (isfinite (layout->y_high));
      }

      /* Values out of a double's range, NaN, a run of them at the start,
       * negative and huge values, a band with holes: gaps, never a crash,
       * an axis that stays finite. */
      series_init (&wild, "Wild", 500);
      for (guint t = 0; t <= 500; t++)
        {
          wild.values[FW_CHART_CUSTOMERS][t] = t < 20 ? NAN : t % 7 == 0 ? INFINITY : 1e300 * t;
          wild.values[FW_CHART_CHURN][t] = t % 2 ? -INFINITY : -50;
          wild.values[FW_CHART_MOMENTUM][t] = NAN;
        }
      series_add_band (&wild, 1, 2);
      wild.band[0][100] = NAN;
      wild.band[2][200] = INFINITY;
      fw_chart_set_scenarios (chart, &wild.scenario, 1);
      fw_chart_set_marker (chart, 600);  /* past H: not drawn */
      surface = paint (chart, (int) sizes[k][0], (int) sizes[k][1]);
      cairo_surface_destroy (surface);
      {
        const FwChartLayout *layout = fw_chart_get_layout (chart, sizes[k][0], sizes[k][1]);

        g_assert_true (isfinite (layout->y_low));
        g_assert_true (isfinite (layout->y_high));
        g_assert_cmpfloat (layout->y_low, <=, -50);
        if (fw_chart_lookup (chart, sizes[k][0], sizes[k][1],
                             fw_chart_layout_x_of (layout, 70), layout->plot_y + 1, &hover))
          {
            /* The values as they are, for the tooltip to say "—". */
            g_assert_cmpfloat (hover.values[0][FW_CHART_CUSTOMERS], ==,
                               hover.period % 7 == 0 ? INFINITY : 1e300 * hover.period);
            g_assert_true (isnan (hover.values[0][FW_CHART_MOMENTUM]));
          }
      }

      series_clear (&one);
      series_clear (&zeros);
      series_clear (&wild);
    }
}

static void
test_rows_from_projection (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Rows");
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(FwChartRows) rows = NULL;
  FwChartScenario described;

  scenario->inflow = 100;
  for (guint i = 0; i < 3; i++)
    {
      FwStage *stage = fw_stage_new ("Stage", i);

      stage->count = 100 * (i + 1);
      stage->advance = i < 2 ? 0.3 : 0;
      stage->loss = 0.1;
      stage->referral = i == 2 ? 0.05 : 0;
      stage->customer = i == 2;
      g_ptr_array_add (scenario->stages, stage);
    }
  fw_projection_run (projection, scenario, 30);
  rows = fw_chart_rows_new_from_projection (projection);
  fw_chart_rows_describe (rows, "Rows", &described);

  g_assert_cmpuint (described.horizon, ==, 30);
  g_assert_null (described.band_low);
  for (guint t = 0; t <= 30; t++)
    {
      const FwFigures *figures = fw_projection_get_figures (projection, t);

      g_assert_cmpfloat (described.values[FW_CHART_CUSTOMERS][t], ==, figures->customers);
      g_assert_cmpfloat (described.values[FW_CHART_NEW_CUSTOMERS][t], ==, figures->new_customers);
      g_assert_cmpfloat (described.values[FW_CHART_CHURN][t], ==, figures->churn);
      g_assert_cmpfloat (described.values[FW_CHART_REFERRALS][t], ==, figures->referrals);
      g_assert_cmpfloat (described.values[FW_CHART_MOMENTUM][t], ==, figures->momentum);
    }
}

static void
test_period_title (void)
{
  g_autoptr(FwChart) chart = fw_chart_new ();
  static const char * const cases[][2] = {
    { "week", "Week" }, { "month", "Month" }, { "quarter", "Quarter" },
    { NULL, "Period" }, { "", "Period" }, { "ética", "Ética" },
  };

  /* The axis and the marker name MODEL.md's unit as a title. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = NULL;

      fw_chart_set_period_label (chart, cases[i][0]);
      title = fw_chart_period_title (chart);
      g_assert_cmpstr (title, ==, cases[i][1]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/chart/columns/keep-extremes", test_columns_keep_extremes);
  g_test_add_func ("/render/chart/layout/nice-step", test_nice_step);
  g_test_add_func ("/render/chart/layout/readable", test_layout_readable);
  g_test_add_func ("/render/chart/layout/text-scale", test_layout_text_scale);
  g_test_add_func ("/render/chart/layout/zoomed-compare", test_layout_zoomed_compare);
  g_test_add_func ("/render/chart/paint/series-and-marker", test_paint_series_and_marker);
  g_test_add_func ("/render/chart/paint/hidden", test_paint_hidden);
  g_test_add_func ("/render/chart/paint/band", test_paint_band);
  g_test_add_func ("/render/chart/paint/bands-compared", test_paint_bands_compared);
  g_test_add_func ("/render/chart/paint/legend-swatch-dims-with-band", test_legend_swatch_dims_with_band);
  g_test_add_func ("/render/chart/paint/spike-kept", test_paint_spike_kept);
  g_test_add_func ("/render/chart/paint/scenarios", test_paint_scenarios);
  g_test_add_func ("/render/chart/paint/one-scenario-colors", test_paint_one_scenario_colors);

  g_test_add_func ("/render/chart/paint/marker-in-parts", test_marker_in_parts);
  g_test_add_func ("/render/chart/paint/legend-keys-show-their-dash", test_legend_keys_show_their_dash);
  g_test_add_func ("/render/chart/layout/many-scenarios", test_layout_many_scenarios);
  g_test_add_func ("/render/chart/layout/names-whole", test_layout_names_whole);
  g_test_add_func ("/render/chart/layout/beside-short-wide", test_layout_beside_short_wide);
  g_test_add_func ("/render/chart/hover", test_hover);
  g_test_add_func ("/render/chart/hover/decimated", test_hover_decimated);
  g_test_add_func ("/render/chart/degenerate", test_degenerate);
  g_test_add_func ("/render/chart/rows-from-projection", test_rows_from_projection);
  g_test_add_func ("/render/chart/period-title", test_period_title);

  return g_test_run ();
}
