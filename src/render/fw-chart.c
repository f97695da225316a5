/* fw-chart.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-render-text.h"

FwChart *
fw_chart_new (void)
{
  FwChart *chart = g_new0 (FwChart, 1);

  chart->visible = FW_CHART_ALL_SERIES;
  chart->band_shown = TRUE;
  chart->marker = -1;
  chart->marker_position = -1.0;
  chart->text_scale = 1.0;
  chart->resolution = 1.0;
  fw_wheel_style_init_light (&chart->style);
  chart->measure = fw_render_text_context_new ();

  return chart;
}

static void
clear_entries (FwChart *chart)
{
  for (guint i = 0; i < chart->n_entries; i++)
    {
      g_free (chart->entries[i].name_copy);
      for (guint k = 0; k < FW_CHART_N_TRACKS; k++)
        fw_chart_columns_clear (&chart->entries[i].columns[k]);
    }
  g_clear_pointer (&chart->entries, g_free);
  chart->n_entries = 0;
  chart->horizon = 0;
}

void
fw_chart_free (FwChart *chart)
{
  if (chart == NULL)
    return;

  clear_entries (chart);
  g_free (chart->period_label);
  g_free (chart->marker_text);
  g_free (chart->font_family);
  g_clear_object (&chart->measure);
  g_free (chart);
}

static const double *
track_values (const FwChartScenario *scenario,
              guint                  track)
{
  switch (track)
    {
    case FW_CHART_TRACK_BAND_LOW:
      return scenario->band_low;
    case FW_CHART_TRACK_BAND_MEDIAN:
      return scenario->band_median;
    case FW_CHART_TRACK_BAND_HIGH:
      return scenario->band_high;
    default:
      return scenario->values[track];
    }
}

void
fw_chart_set_scenarios (FwChart               *chart,
                        const FwChartScenario *scenarios,
                        guint                  n_scenarios)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (scenarios != NULL || n_scenarios == 0);

  clear_entries (chart);
  n_scenarios = MIN (n_scenarios, FW_CHART_MAX_SCENARIOS);
  chart->entries = g_new0 (FwChartEntry, MAX (n_scenarios, 1));
  chart->n_entries = n_scenarios;

  for (guint i = 0; i < n_scenarios; i++)
    {
      FwChartEntry *entry = &chart->entries[i];

      entry->scenario = scenarios[i];
      entry->name_copy = g_strdup (scenarios[i].name != NULL ? scenarios[i].name : "");
      entry->scenario.name = entry->name_copy;
      entry->has_band = scenarios[i].band_low != NULL && scenarios[i].band_median != NULL
                        && scenarios[i].band_high != NULL;
      chart->horizon = MAX (chart->horizon, scenarios[i].horizon);

      /* Each track's range once, here: the axis then fits any set of
       * visible series without another pass over H values. */
      for (guint k = 0; k < FW_CHART_N_TRACKS; k++)
        {
          const double *values = track_values (&entry->scenario, k);
          double low = INFINITY, high = -INFINITY;

          if (values != NULL)
            for (guint t = 0; t <= entry->scenario.horizon; t++)
              if (isfinite (values[t]))
                {
                  low = MIN (low, values[t]);
                  high = MAX (high, values[t]);
                }
          entry->low[k] = low;
          entry->high[k] = high;
        }
    }

  chart->layout_valid = FALSE;
}

void
fw_chart_set_visible (FwChart *chart,
                      guint    series)
{
  g_return_if_fail (chart != NULL);

  series &= FW_CHART_ALL_SERIES;
  if (series == chart->visible)
    return;
  chart->visible = series;
  chart->layout_valid = FALSE;
}

guint
fw_chart_get_visible (const FwChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->visible;
}

void
fw_chart_set_band_shown (FwChart  *chart,
                         gboolean  shown)
{
  g_return_if_fail (chart != NULL);

  if (!shown == !chart->band_shown)
    return;
  chart->band_shown = !!shown;
  chart->layout_valid = FALSE;
}

void
fw_chart_set_legend_toggles (FwChart  *chart,
                             gboolean  toggles)
{
  g_return_if_fail (chart != NULL);

  if (!toggles == !chart->legend_toggles)
    return;
  chart->legend_toggles = !!toggles;
  chart->layout_valid = FALSE;
}

const FwChartLegendEntry *
fw_chart_legend_at (FwChart *chart,
                    double   width,
                    double   height,
                    double   x,
                    double   y)
{
  const FwChartLayout *layout;

  g_return_val_if_fail (chart != NULL, NULL);

  layout = fw_chart_get_layout (chart, width, height);
  for (guint i = 0; i < layout->n_legend; i++)
    {
      const FwChartLegendEntry *entry = &layout->legend[i];

      if (x >= entry->x && x < entry->x + entry->width &&
          y >= entry->y && y < entry->y + entry->height)
        return entry;
    }
  return NULL;
}

int
fw_chart_get_marker (const FwChart *chart)
{
  g_return_val_if_fail (chart != NULL, -1);
  return chart->marker;
}

void
fw_chart_set_marker (FwChart *chart,
                     int      period)
{
  g_return_if_fail (chart != NULL);

  /* Only drawn: the layout stays. */
  chart->marker = period;
  chart->marker_position = period;
}

double
fw_chart_get_marker_position (const FwChart *chart)
{
  g_return_val_if_fail (chart != NULL, -1.0);
  return chart->marker_position;
}

void
fw_chart_set_marker_position (FwChart *chart,
                              double   position)
{
  g_return_if_fail (chart != NULL);

  if (!(position >= 0.0))
    {
      fw_chart_set_marker (chart, -1);
      return;
    }
  chart->marker = (int) MIN (floor (position), (double) G_MAXINT);
  chart->marker_position = position;
}

void
fw_chart_set_period_label (FwChart    *chart,
                           const char *label)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->period_label);
  chart->period_label = g_strdup (label);
  chart->layout_valid = FALSE;
}

void
fw_chart_set_text_scale (FwChart *chart,
                         double   scale)
{
  g_return_if_fail (chart != NULL);

  scale = isfinite (scale) ? CLAMP (scale, 0.25, 8.0) : 1.0;
  if (scale == chart->text_scale)
    return;
  chart->text_scale = scale;
  chart->layout_valid = FALSE;
}

void
fw_chart_set_style (FwChart            *chart,
                    const FwWheelStyle *style)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (style != NULL);

  g_free (chart->font_family);
  chart->font_family = g_strdup (style->font_family);
  /* Measured in the old font. */
  g_clear_pointer (&chart->marker_text, g_free);
  chart->style = *style;
  chart->style.font_family = chart->font_family;
  chart->layout_valid = FALSE;
}

const FwChartLayout *
fw_chart_get_layout (FwChart *chart,
                     double   width,
                     double   height)
{
  g_return_val_if_fail (chart != NULL, NULL);

  if (!chart->layout_valid || chart->layout.width != width || chart->layout.height != height)
    {
      fw_chart_layout_compute (chart, &chart->layout, width, height);
      chart->layout_valid = TRUE;
    }

  return &chart->layout;
}

/* The plot's height grows with the area's less the legend and the
 * axes, which grow a little with it (the text follows the area's size,
 * the legend may take more rows): a few steps settle it. */
#define HEIGHT_FOR_PLOT_STEPS 8

double
fw_chart_height_for_plot (FwChart *chart,
                          double   width,
                          double   plot_height)
{
  FwChartLayout layout;
  double height;

  g_return_val_if_fail (chart != NULL, 0.0);

  /* Laid out aside: the chart's own layout stays that of its area. */
  height = MAX (plot_height, 1.0);
  for (guint step = 0; step < HEIGHT_FOR_PLOT_STEPS; step++)
    {
      fw_chart_layout_compute (chart, &layout, width, height);
      if (layout.plot_h >= plot_height)
        break;
      height += MAX (ceil (plot_height - layout.plot_h), 1.0);
    }
  return ceil (height);
}

gboolean
fw_chart_track_drawn (const FwChart *chart,
                      guint          entry,
                      guint          track)
{
  const FwChartEntry *e = &chart->entries[entry];

  if (track < FW_CHART_N_SERIES)
    return (chart->visible & FW_CHART_SERIES_BIT (track)) != 0
           && e->scenario.values[track] != NULL;

  return e->has_band && fw_chart_band_switched_on (chart);
}

gboolean
fw_chart_band_switched_on (const FwChart *chart)
{
  /* The band is the customers' band: with their line switched off it
   * goes too, and no longer sets the axis over the series left on
   * (reading churn, the axis jumped to the customers' thousands as
   * soon as a scenario had spreads: verify9's V9-06). */
  return chart->band_shown && (chart->visible & FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS)) != 0;
}

guint
fw_chart_plot_columns (const FwChart *chart)
{
  return fw_chart_layout_columns (&chart->layout, chart->resolution);
}

void
fw_chart_set_resolution_from (FwChart *chart,
                              cairo_t *cr)
{
  double dx = 1.0, dy = 0.0, resolution;

  cairo_user_to_device_distance (cr, &dx, &dy);
  resolution = hypot (dx, dy);
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_RECORDING:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      resolution *= FW_CHART_VECTOR_RESOLUTION;
      break;
    default:
      break;
    }
  if (!isfinite (resolution) || resolution <= 0.0)
    resolution = 1.0;
  /* The summaries follow the resolution (fw_chart_track_columns()). */
  chart->resolution = CLAMP (resolution, 1.0 / 16.0, 16.0);
}

const FwChartColumns *
fw_chart_track_columns (FwChart *chart,
                        guint    entry,
                        guint    track)
{
  FwChartEntry *e = &chart->entries[entry];
  guint width = fw_chart_plot_columns (chart);
  const double *values = track_values (&e->scenario, track);

  if (values == NULL)
    return NULL;

  /* A new width makes every summary stale; each is recomputed when it is
   * next needed, so hidden series cost nothing. */
  if (width != chart->columns_width)
    {
      for (guint i = 0; i < chart->n_entries; i++)
        for (guint k = 0; k < FW_CHART_N_TRACKS; k++)
          chart->entries[i].columns_valid[k] = FALSE;
      chart->columns_width = width;
    }

  if (!e->columns_valid[track])
    {
      fw_chart_columns_compute (&e->columns[track], values, e->scenario.horizon + 1,
                                /* A shorter scenario takes its share of
                                 * the width, so its columns are pixels
                                 * too. */
                                chart->horizon > 0
                                ? (guint) ceil ((double) width * e->scenario.horizon / chart->horizon)
                                : width);
      e->columns_valid[track] = TRUE;
    }

  return &e->columns[track];
}

char *
fw_chart_period_title (const FwChart *chart)
{
  const char *label = chart->period_label;

  if (label == NULL || label[0] == '\0')
    return g_strdup (_("Period"));
  if (g_str_equal (label, "week"))
    return g_strdup (_("Week"));
  if (g_str_equal (label, "month"))
    return g_strdup (_("Month"));
  if (g_str_equal (label, "quarter"))
    return g_strdup (_("Quarter"));

  /* A unit MODEL.md does not list yet: shown as given, capitalised. */
  {
    g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);

    return g_strconcat (first, g_utf8_next_char (label), NULL);
  }
}

/* Hover ------------------------------------------------------------------ */

/* The vertical extent, in user units, the track is drawn over at @x. */
static gboolean
drawn_extent (FwChart             *chart,
              const FwChartLayout *layout,
              guint                entry,
              guint                track,
              double               x,
              double              *top,
              double              *bottom)
{
  const FwChartEntry *e = &chart->entries[entry];
  const FwChartColumns *columns = fw_chart_track_columns (chart, entry, track);
  const double *values = track_values (&e->scenario, track);
  double t = fw_chart_layout_period_at (layout, x);
  double y0, y1;

  if (columns == NULL || t < -0.5 || t > e->scenario.horizon + 0.5)
    return FALSE;

  if (columns->per_period)
    {
      /* Between two periods the line runs straight from one to the
       * other. */
      guint a = (guint) floor (CLAMP (t, 0.0, e->scenario.horizon));
      guint b = MIN (a + 1, e->scenario.horizon);
      double f = CLAMP (t, 0.0, e->scenario.horizon) - a;

      if (!isfinite (values[a]) || !isfinite (values[b]))
        {
          guint nearest = f < 0.5 ? a : b;

          if (!isfinite (values[nearest]))
            return FALSE;
          y0 = y1 = fw_chart_layout_y_of (layout, values[nearest]);
        }
      else
        y0 = y1 = fw_chart_layout_y_of (layout, values[a] + (values[b] - values[a]) * f);
    }
  else
    {
      guint c = fw_chart_columns_index (columns, (guint) CLAMP (round (t), 0.0, e->scenario.horizon));
      const FwChartColumn *column = &columns->columns[c];

      if (!column->drawn)
        return FALSE;
      y0 = fw_chart_layout_y_of (layout, column->high);
      y1 = fw_chart_layout_y_of (layout, column->low);
    }

  *top = MIN (y0, y1);
  *bottom = MAX (y0, y1);
  return TRUE;
}

gboolean
fw_chart_lookup (FwChart      *chart,
                 double        width,
                 double        height,
                 double        x,
                 double        y,
                 FwChartHover *hover)
{
  const FwChartLayout *layout;
  double slack, t;
  guint period;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hover != NULL, FALSE);

  layout = fw_chart_get_layout (chart, width, height);
  if (chart->n_entries == 0 || layout->plot_w <= 0.0 || layout->plot_h <= 0.0)
    return FALSE;

  /* The ends of the lines reach half a line past the plot. */
  slack = layout->line_width;
  if (x < layout->plot_x - slack || x > layout->plot_x + layout->plot_w + slack
      || y < layout->plot_y - slack || y > layout->plot_y + layout->plot_h + slack)
    return FALSE;

  t = CLAMP (round (fw_chart_layout_period_at (layout, x)), 0.0, (double) layout->horizon);
  period = (guint) t;

  hover->period = period;
  hover->x = fw_chart_layout_x_of (layout, period);
  hover->n_scenarios = chart->n_entries;
  hover->nearest_scenario = -1;
  hover->nearest_series = -1;
  hover->nearest_distance = INFINITY;

  for (guint i = 0; i < chart->n_entries; i++)
    {
      const FwChartEntry *e = &chart->entries[i];
      gboolean in_range = period <= e->scenario.horizon;

      for (guint s = 0; s < FW_CHART_N_SERIES; s++)
        {
          double top, bottom, distance;

          hover->values[i][s] = NAN;
          if (!fw_chart_track_drawn (chart, i, s) || !in_range)
            continue;
          hover->values[i][s] = e->scenario.values[s][period];

          if (!drawn_extent (chart, layout, i, s, x, &top, &bottom))
            continue;
          distance = y < top ? top - y : y > bottom ? y - bottom : 0.0;
          /* On a tie the scenario drawn on top (the first) wins. */
          if (distance < hover->nearest_distance)
            {
              hover->nearest_distance = distance;
              hover->nearest_scenario = (int) i;
              hover->nearest_series = (int) s;
            }
        }

      for (guint k = 0; k < 3; k++)
        hover->band[i][k] = fw_chart_track_drawn (chart, i, FW_CHART_TRACK_BAND_LOW) && in_range
                            ? track_values (&e->scenario, FW_CHART_TRACK_BAND_LOW + k)[period]
                            : NAN;
    }

  return TRUE;
}
