/* fw-chart-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "fw-chart.h"
#include "fw-chart-columns.h"

G_BEGIN_DECLS

/* Shared by the parts of FwChart: fw-chart.c (state, caches, hover),
 * fw-chart-layout.c (geometry) and fw-chart-painter.c (drawing). */

/* The arrays of a scenario the chart summarises: the series, then the
 * band's three. */
enum
{
  FW_CHART_TRACK_BAND_LOW = FW_CHART_N_SERIES,
  FW_CHART_TRACK_BAND_MEDIAN,
  FW_CHART_TRACK_BAND_HIGH,
  FW_CHART_N_TRACKS
};

typedef struct
{
  FwChartScenario scenario;          /* name points at name_copy */
  char           *name_copy;
  gboolean        has_band;
  /* The lowest and highest finite value of each track; low > high when
   * it has none. */
  double          low[FW_CHART_N_TRACKS];
  double          high[FW_CHART_N_TRACKS];
  /* Per-column summaries, for columns_width columns; computed when a
   * track is first drawn or looked up at that width. */
  FwChartColumns  columns[FW_CHART_N_TRACKS];
  gboolean        columns_valid[FW_CHART_N_TRACKS];
} FwChartEntry;

struct _FwChart
{
  FwChartEntry *entries;
  guint         n_entries;
  guint         horizon;             /* the longest scenario's */

  guint         visible;
  gboolean      band_shown;
  gboolean      legend_toggles;      /* hidden series listed, dimmed */
  int           marker;
  double        marker_position;     /* where its line is: marker + a fraction */
  /* The marker's label as last measured: its text, size and extent. */
  char         *marker_text;
  double        marker_text_size, marker_text_w, marker_text_h;
  char         *period_label;
  double        text_scale;
  FwWheelStyle  style;
  char         *font_family;         /* style.font_family points here */

  PangoContext *measure;             /* text metrics without a surface */
  PangoContext *paint_text;          /* while painting: for the target */

  gboolean      layout_valid;
  FwChartLayout layout;
  guint         columns_width;       /* the width the summaries are for */
  /* Device units per user unit of the surface last painted on (1 until
   * then): the summaries have a column per device pixel and the lines
   * are simplified within a fraction of one. A vector surface (PDF, SVG,
   * a print) has no pixels: it is printed or zoomed, so it is taken at
   * FW_CHART_VECTOR_RESOLUTION. */
  double        resolution;
};

/* Device units per point (or user unit) a vector surface is drawn for:
 * 288 dpi, as a printer or a PDF viewer zoomed to 400% shows it. At 1
 * (72 dpi) a report's 60 months were simplified to a vertex every 3-4
 * months with corners a reader could see (V10-03). */
#define FW_CHART_VECTOR_RESOLUTION 4.0


/* fw-chart.c */
/* How many summary columns the plot spans at the chart's resolution. */
guint        fw_chart_plot_columns  (const FwChart *chart);
/* Takes the resolution of @cr's target (FwChart.resolution). */
void         fw_chart_set_resolution_from (FwChart *chart,
                                           cairo_t *cr);
/* The track's summary at the layout's width, computed if needed; NULL
 * when the scenario has no such array. */
const FwChartColumns *fw_chart_track_columns (FwChart *chart,
                                              guint    entry,
                                              guint    track);
/* Whether @track of @entry is drawn (visible, present). */
gboolean     fw_chart_track_drawn    (const FwChart *chart,
                                      guint          entry,
                                      guint          track);
/* Whether the band is switched on: its own switch, and the customers'
 * line, whose band it is (it goes with them: verify9's V9-06). */
gboolean     fw_chart_band_switched_on (const FwChart *chart);

/* fw-chart-painter.c */
/* The length of a legend key's sample line for text of @size and lines
 * @line_width wide: 2.4 text heights, and while scenarios are compared
 * (the series told apart by their dash) at least the longest series'
 * whole period and first dash again, so that every key shows its
 * pattern as the line starts it (V10-02). */
double       fw_chart_legend_sample  (const FwChart *chart,
                                      double         size,
                                      double         line_width);

/* fw-chart-layout.c */
void         fw_chart_layout_compute (FwChart       *chart,
                                      FwChartLayout *layout,
                                      double         width,
                                      double         height);
/* The text of a vertical tick or a horizontal one. */
char        *fw_chart_y_tick_text    (const FwChartLayout *layout,
                                      guint          tick);
char        *fw_chart_x_tick_text    (guint          period);
/* The key of the scenarios the legend has no room for: "and 3 more
 * scenarios". */
char        *fw_chart_more_text      (guint          count);
/* The legend entry's name; NULL for the "and 3 more" key. */
const char  *fw_chart_legend_name    (const FwChart            *chart,
                                      const FwChartLegendEntry *entry);

G_END_DECLS
