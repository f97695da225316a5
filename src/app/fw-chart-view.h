/* fw-chart-view.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The projection under the wheel: a header (collapse, the series shown,
 * Chart or Table), the values at the period under the pointer or shown,
 * and either the chart (FwChartCanvas) or the same rows as a table
 * (FwProjectionTable). Collapsed, only the header shows; the window
 * gives the pane its room back (fw-window-chart.c). */
#define FW_TYPE_CHART_VIEW (fw_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FwChartView, fw_chart_view, FW, CHART_VIEW, GtkWidget)

GtkWidget  *fw_chart_view_new           (void);
void        fw_chart_view_set_session   (FwChartView *self,
                                         FwSession   *session);
/* Only the header shows; property "collapsed". */
gboolean    fw_chart_view_get_collapsed (FwChartView *self);
void        fw_chart_view_set_collapsed (FwChartView *self,
                                         gboolean     collapsed);
/* "chart" or "table"; property "page". */
const char *fw_chart_view_get_page      (FwChartView *self);
void        fw_chart_view_set_page      (FwChartView *self,
                                         const char  *page);

/* The view's height, @width wide and open on its chart, for a plot at
 * least @plot_height high: the header, the readout's lines, and the
 * chart's legend and axes as they are now (more scenarios or the band
 * take more). */
int         fw_chart_view_height_for_plot (FwChartView *self,
                                           int          width,
                                           int          plot_height);

/* The chart itself (the window's Ctrl+C copies it while it has the
 * focus) and the table, for tests too. */
GtkWidget  *fw_chart_view_get_canvas    (FwChartView *self);
GtkWidget  *fw_chart_view_get_table     (FwChartView *self);
/* The readout's least width, in characters (fw-chart-view.c says why). */
#define FW_CHART_READOUT_LEAST_CHARS 8

/* The header: its ▶/▼ Projection, the series and the Chart|Table
 * switch (the window reads its height; tests find the ▶ in it). */
GtkWidget  *fw_chart_view_get_header    (FwChartView *self);
/* The size of the chart's text and of its readout: the user's zoom
 * (Ctrl+plus/minus) @scale times the desktop's text scale for the text
 * the chart draws; the readout, a label, follows the desktop already and
 * is scaled by @scale alone. */
void        fw_chart_view_set_text_scale (FwChartView *self,
                                          double       scale,
                                          double       desktop_scale);
/* The readout's label: the window follows its height (as its words
 * change, "notify::label") to place the projection. */
GtkWidget  *fw_chart_view_get_readout_label (FwChartView *self);
/* The readout's text as shown (without its colours). */
const char *fw_chart_view_get_readout   (FwChartView *self);
/* What the Series menu says under the band's greyed-out switch, or NULL
 * when the band can be switched. */
const char *fw_chart_view_get_band_hint (FwChartView *self);

/* Whether a band from @low to @high reads as one number (as the
 * readout writes them): then it is not said. */
gboolean     fw_chart_view_band_is_point (double low,
                                          double high);

G_END_DECLS
