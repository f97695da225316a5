/* fw-chart-columns.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decimation: a series of H + 1 values summarised into at most one
 * column per pixel of the plot's width, keeping each column's lowest and
 * highest value (so no peak or dip is lost) and its first and last (so
 * neighbouring columns join where the data does). Drawing then costs the
 * width, not H: a 100,000-period projection draws as fast as a 24-period
 * one. Computed once when the data or the width changes; the values stay
 * in data units, so a change of the vertical scale costs nothing.
 *
 * When the periods are a few pixels apart or more, each period is its
 * own column and the summary is the data itself. A pixel column may then
 * also hold no period at all (drawn is FALSE, and the line runs on past
 * it). */

typedef struct
{
  double   first, last;  /* the first and last finite value, in period order */
  double   low, high;    /* the lowest and highest finite value */
  gboolean drawn;        /* the column holds a finite value */
  gboolean joined;       /* no gap (a value that is not finite) between this
                          * column's first value and the last drawn column's
                          * last: the line runs on */
} FwChartColumn;

typedef struct
{
  guint          n_values;    /* H + 1 */
  guint          n_columns;
  gboolean       per_period;  /* one column per period */
  FwChartColumn *columns;
} FwChartColumns;

/* Summarises @values[0 .. @n_values) for a plot @max_columns pixels
 * wide (at least 1). Frees what @columns held before. */
void   fw_chart_columns_compute  (FwChartColumns *columns,
                                  const double   *values,
                                  guint           n_values,
                                  guint           max_columns);
void   fw_chart_columns_clear    (FwChartColumns *columns);

/* The column period @t falls in. */
guint  fw_chart_columns_index    (const FwChartColumns *columns,
                                  guint                 t);

/* Where column @c is drawn along a plot from @x0, @width wide, for a
 * horizon of n_values - 1 periods: at its period in per-period mode, at
 * the middle of its pixel otherwise. */
double fw_chart_columns_x        (const FwChartColumns *columns,
                                  guint                 c,
                                  double                x0,
                                  double                width);

G_END_DECLS
