/* fw-chart-columns.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-columns"

#include <math.h>

#include "fw-chart-columns.h"

/* Pixels between periods below which a line through every period would
 * double back within a few pixels (a period-to-period oscillation): the
 * stroke then costs far more than the per-pixel summary draws. */
#define PERIOD_SPACING 3

void
fw_chart_columns_clear (FwChartColumns *columns)
{
  g_return_if_fail (columns != NULL);

  g_clear_pointer (&columns->columns, g_free);
  columns->n_values = 0;
  columns->n_columns = 0;
  columns->per_period = FALSE;
}

guint
fw_chart_columns_index (const FwChartColumns *columns,
                        guint                 t)
{
  guint64 c;

  if (columns->per_period || columns->n_values < 2)
    return MIN (t, columns->n_columns - 1);

  /* Period t sits at t / H of the width: the pixel it falls in. */
  c = (guint64) t * columns->n_columns / (columns->n_values - 1);
  return (guint) MIN (c, (guint64) columns->n_columns - 1);
}

double
fw_chart_columns_x (const FwChartColumns *columns,
                    guint                 c,
                    double                x0,
                    double                width)
{
  if (columns->per_period)
    return columns->n_values > 1 ? x0 + width * c / (columns->n_values - 1) : x0;

  return x0 + width * (c + 0.5) / columns->n_columns;
}

void
fw_chart_columns_compute (FwChartColumns *columns,
                          const double   *values,
                          guint           n_values,
                          guint           max_columns)
{
  gboolean gap = FALSE, any_drawn = FALSE;
  guint c = 0;
  guint64 step, span, numerator = 0;

  g_return_if_fail (columns != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  max_columns = MAX (max_columns, 1);
  fw_chart_columns_clear (columns);
  columns->n_values = n_values;
  /* Periods at least PERIOD_SPACING pixels apart are drawn one by one;
   * closer, a column holds whatever periods fall in its pixel. */
  columns->per_period = n_values <= 1
                        || (guint64) (n_values - 1) * PERIOD_SPACING <= max_columns;
  columns->n_columns = columns->per_period ? MAX (n_values, 1) : max_columns;
  columns->columns = g_new0 (FwChartColumn, columns->n_columns);

  /* The column of period t, fw_chart_columns_index (), followed step by
   * step rather than divided out for each period: the same integers
   * (c = floor (t x n_columns / (n_values - 1)), the last one clamped),
   * without a 64-bit division for each of up to 100,001 periods of each
   * series, which was most of the chart's cost after an edit at the
   * longest horizon (docs/performance.md). */
  step = columns->n_columns;
  span = n_values > 1 ? n_values - 1 : 1;
  for (guint t = 0; t < n_values; t++, numerator += step)
    {
      double v = values[t];
      FwChartColumn *column;

      if (columns->per_period)
        c = MIN (t, columns->n_columns - 1);
      else
        while (c + 1 < columns->n_columns && numerator >= (guint64) (c + 1) * span)
          c++;

      if (!isfinite (v))
        {
          gap = TRUE;
          continue;
        }

      column = &columns->columns[c];
      if (!column->drawn)
        {
          column->drawn = TRUE;
          column->joined = any_drawn && !gap;
          column->first = column->low = column->high = v;
        }
      else
        {
          column->low = MIN (column->low, v);
          column->high = MAX (column->high, v);
        }
      column->last = v;
      any_drawn = TRUE;
      gap = FALSE;
    }
}
