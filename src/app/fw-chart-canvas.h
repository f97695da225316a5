/* fw-chart-canvas.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-chart.h"
#include "fw-session.h"

G_BEGIN_DECLS

/* The projection chart of a session, drawn by src/render's FwChart:
 * every scenario on show overlaid (the current one solid), the band of
 * customers when the projection service has one, a marker at the
 * session's period. A click or a drag on the plot sets the period; the
 * arrow keys, Page Up/Down, Home and End move it from the keyboard. A
 * click on a legend entry shows or hides that series (or the band).
 *
 * The axes, lines and legend are painted once into pixels and kept
 * until the data, the series shown, the size or the theme change; a
 * frame that only moves the marker or the pointer's line paints those
 * alone, so playback and hovering cost next to nothing.
 *
 * What is under the pointer (or, with the keyboard focus, at the
 * marker) is the "readout": FwChartView shows its values. */
#define FW_TYPE_CHART_CANVAS (fw_chart_canvas_get_type ())

G_DECLARE_FINAL_TYPE (FwChartCanvas, fw_chart_canvas, FW, CHART_CANVAS, GtkWidget)

GtkWidget *fw_chart_canvas_new              (void);
void       fw_chart_canvas_set_session      (FwChartCanvas *self,
                                             FwSession     *session);

/* The series drawn, a set of FW_CHART_SERIES_BIT(); property
 * "visible-series". */
guint      fw_chart_canvas_get_visible      (FwChartCanvas *self);
void       fw_chart_canvas_set_visible      (FwChartCanvas *self,
                                             guint          series);
/* Whether the band is drawn where there is one; "band-shown". */
gboolean   fw_chart_canvas_get_band_shown   (FwChartCanvas *self);
void       fw_chart_canvas_set_band_shown   (FwChartCanvas *self,
                                             gboolean       shown);
/* The size of the chart's text, times its own (Ctrl+plus and the
 * desktop's text size: fw-window-text-size.c). */
void       fw_chart_canvas_set_text_scale   (FwChartCanvas *self,
                                             double         scale);
/* Whether any scenario on show has a band (to offer its switch). */
gboolean   fw_chart_canvas_has_band         (FwChartCanvas *self);

/* The period whose values to read out: the one under the pointer, or
 * the marker's while the chart has the keyboard focus; -1 for none.
 * "readout-changed" says when it or its values change. */
int        fw_chart_canvas_get_readout      (FwChartCanvas *self);
/* Where the readout's period is drawn, in the canvas' coordinates. */
double     fw_chart_canvas_get_readout_x    (FwChartCanvas *self);
/* The values at @period of each scenario on show (FwChartHover); FALSE
 * when there is nothing drawn. */
gboolean   fw_chart_canvas_get_values       (FwChartCanvas *self,
                                             guint          period,
                                             FwChartHover  *values);
/* How many scenarios are drawn. */
guint      fw_chart_canvas_get_n_scenarios  (FwChartCanvas *self);
/* The name of scenario @index of those drawn (FwChartHover's order). */
const char *fw_chart_canvas_get_scenario_name (FwChartCanvas *self,
                                               guint          index);
/* "Month", "Week"...: the period unit as the axis names it. */
char      *fw_chart_canvas_dup_period_title (FwChartCanvas *self);
/* The project's period unit, which the flows of the readout are per. */
FwPeriod  fw_chart_canvas_get_period_unit  (FwChartCanvas *self);
/* What the canvas last said to screen readers as its value (the period
 * shown and the values there), as it said it: tests compare it with the
 * figures. GTK 4.8 has no getter for an accessible property. */
const char *fw_chart_canvas_get_value_text (FwChartCanvas *self);

/* For tests: the chart as drawn (its marker, its layout). */
FwChart   *fw_chart_canvas_get_chart        (FwChartCanvas *self);
/* How many times the marker's label has been painted into pixels: once
 * a period shown (and size, scale, style), not once a frame. */
guint      fw_chart_canvas_get_chips_painted (FwChartCanvas *self);

G_END_DECLS
