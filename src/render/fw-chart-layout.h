/* fw-chart-layout.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-chart-data.h"

G_BEGIN_DECLS

/* Where the parts of the projection chart go in an area of a given size:
 * the one geometry the painter draws with and the hover lookup uses, so
 * what the pointer finds is what is drawn. Sizes are user units (logical
 * pixels on screen, points in a PDF). Computed by FwChart from its data,
 * the visible series and the text scale (fw_chart_get_layout()). */

#define FW_CHART_MAX_TICKS  16
#define FW_CHART_MAX_LEGEND (FW_CHART_N_SERIES + 1 + FW_CHART_MAX_SCENARIOS)

typedef enum
{
  FW_CHART_LEGEND_SERIES,    /* index: an FwChartSeries */
  FW_CHART_LEGEND_BAND,      /* the band of customers */
  FW_CHART_LEGEND_SCENARIO,  /* index: the scenario, keyed by its colour */
  FW_CHART_LEGEND_MORE,      /* index: how many scenarios have no key */
} FwChartLegendKind;

typedef struct
{
  FwChartLegendKind kind;
  guint             index;
  double            x, y, width, height;  /* the sample and the name */
  gboolean          hidden;   /* listed but not drawn (legend toggles) */
  gboolean          cut;      /* the name is wider than its room: cut in the middle */
  guint             lines;    /* the name wraps onto this many rows (1: it fits one) */
} FwChartLegendEntry;

typedef struct
{
  double width, height;             /* the area laid out */
  double text_size;                 /* tick labels, legend, axis title */
  double line_width;                /* a series' line */
  double legend_sample;             /* a legend key's sample line: long
                                     * enough for a whole period of every
                                     * series' dash and its first dash
                                     * again (fw_chart_legend_sample()) */
  double plot_x, plot_y;            /* the plot area: left, top */
  double plot_w, plot_h;

  guint  horizon;                   /* the x axis runs 0..horizon */
  guint  x_step;                    /* periods between labelled ticks */
  guint  n_x_ticks;                 /* ticks at 0, x_step, 2 x_step... */

  double y_low, y_high;             /* values at the bottom and top */
  double y_step;
  guint  n_y_ticks;                 /* ticks at y_low + i * y_step */

  gboolean axis_title_shown;        /* the period unit under the axis */
  double   axis_title_y;            /* its top */
  double   x_labels_y;              /* top of the tick labels */

  /* On screen, compared, in a short wide area: the legend is a column
   * at the right of the plot from legend_x, not rows above it. */
  gboolean legend_beside;
  double   legend_x;

  guint              n_legend;      /* 0 when the area is too small */
  FwChartLegendEntry legend[FW_CHART_MAX_LEGEND];
} FwChartLayout;

/* Where period @t (may be fractional) and value @v are drawn. */
double fw_chart_layout_x_of      (const FwChartLayout *layout,
                                  double               t);
double fw_chart_layout_y_of      (const FwChartLayout *layout,
                                  double               v);
/* The period (fractional, not clamped) drawn at @x. */
double fw_chart_layout_period_at (const FwChartLayout *layout,
                                  double               x);
/* The plot's width in whole device pixels, @resolution of them to a
 * unit of the layout: how finely series are decimated. */
guint  fw_chart_layout_columns   (const FwChartLayout *layout,
                                  double               resolution);

/* The largest "nice" number (1, 2 or 5 times a power of ten) step that
 * is at least @rough. */
double fw_chart_nice_step        (double               rough);

G_END_DECLS
