/* fw-chart.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "fw-chart-data.h"
#include "fw-chart-layout.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* The projection chart: series over t = 0..H, drawn with Cairo and Pango
 * only, for the window and for exports alike.
 *
 * Like Sysprof's chart layers, each series draws itself from a summary
 * that does not depend on H (fw-chart-columns.h) and answers what is
 * under the pointer (fw_chart_lookup()), without drawing. FwChart keeps
 * what it derives from the data (the summary per pixel column, each
 * series' range) and from the size (the layout) until they change, so a
 * frame that only moves the marker costs the drawing alone.
 *
 * Several scenarios can be overlaid: each is then drawn in a colour of
 * its own (a colour-blind safe palette), its band a wash of it, and the
 * series are told apart by their dash (customers solid); the legend
 * names every scenario whole by its colour. One scenario alone draws
 * each series in the series' colour. Colours follow the caller's style
 * (the same FwWheelStyle the wheel takes): light and dark variants;
 * text and grid take the foreground. */

typedef struct _FwChart FwChart;

FwChart  *fw_chart_new              (void);
void      fw_chart_free             (FwChart               *chart);

/* The scenarios to draw, 0 to FW_CHART_MAX_SCENARIOS. The structs and
 * names are copied; the arrays are not: keep them alive and unchanged
 * while the chart is used, and set the scenarios again when they change
 * (that is when the summary per column is recomputed). */
void      fw_chart_set_scenarios    (FwChart               *chart,
                                     const FwChartScenario *scenarios,
                                     guint                  n_scenarios);
/* Which series are drawn: a set of FW_CHART_SERIES_BIT() (default all).
 * The vertical axis fits what is drawn. */
void      fw_chart_set_visible      (FwChart               *chart,
                                     guint                  series);
guint     fw_chart_get_visible      (const FwChart         *chart);
/* Whether the band of customers is drawn where the data has one
 * (default TRUE). */
void      fw_chart_set_band_shown   (FwChart               *chart,
                                     gboolean               shown);
/* Whether the legend doubles as the series' switches (default FALSE):
 * it then lists every series the data has and the band, hidden ones
 * dimmed, so that a click on an entry (fw_chart_legend_at()) can show
 * it again, and the legend keeps to less of the height (a cut name is
 * there to be pointed at). Exports list only what is drawn, every
 * scenario's name whole while the legend keeps within 30% of it. */
void      fw_chart_set_legend_toggles (FwChart             *chart,
                                       gboolean             toggles);
/* The period the window shows, marked by a line; -1 for none. */
void      fw_chart_set_marker       (FwChart               *chart,
                                     int                    period);
int       fw_chart_get_marker       (const FwChart         *chart);
/* While the periods play, the marker's line glides: drawn at @position
 * (the period shown plus how far playback has gone towards the next,
 * FwSession's "position"), its label still naming the whole period.
 * fw_chart_set_marker() puts the line back on its period. */
void      fw_chart_set_marker_position (FwChart            *chart,
                                        double              position);
double    fw_chart_get_marker_position (const FwChart      *chart);
/* The period unit, "week", "month" or "quarter" (MODEL.md): names the
 * axis ("Month"). NULL: "Period". */
void      fw_chart_set_period_label (FwChart               *chart,
                                     const char            *label);
/* The colour @series is drawn in with the chart's style when one
 * scenario is: for a view's own marks that must match the lines (a
 * readout's swatches). */
void      fw_chart_series_color     (const FwChart         *chart,
                                     guint                  series,
                                     double                 rgb[3]);
/* The colour @series of the @scenario-th scenario set is drawn in now:
 * the series' colour for one scenario, the scenario's when several are
 * compared. */
void      fw_chart_line_color       (const FwChart         *chart,
                                     guint                  scenario,
                                     guint                  series,
                                     double                 rgb[3]);
/* The colour that names the @scenario-th scenario set while several
 * are compared: its lines', its band's, its key's. */
void      fw_chart_scenario_color   (const FwChart         *chart,
                                     guint                  scenario,
                                     double                 rgb[3]);
/* The same colour without a chart at hand: the @scenario-th scenario
 * set's in the dark (@dark) or light style, for the views that key their
 * own marks to the chart's lines (the Compare page's table). */
void      fw_chart_compared_color   (gboolean               dark,
                                     guint                  scenario,
                                     double                 rgb[3]);
/* "Month", "Week"...: the period unit as the axis names it. */
char     *fw_chart_period_title     (const FwChart         *chart);
/* Text and lines grow by @scale (1.0 by default; larger to present). */
void      fw_chart_set_text_scale   (FwChart               *chart,
                                     double                 scale);
/* Colours and font: copied. */
void      fw_chart_set_style        (FwChart               *chart,
                                     const FwWheelStyle    *style);

/* The geometry for an area @width x @height (cached). */
const FwChartLayout *fw_chart_get_layout (FwChart     *chart,
                                          double       width,
                                          double       height);
/* The least height of an area @width wide whose plot is at least
 * @plot_height high, with the legend and axes the chart has now: how
 * much room to give the chart for a plot that can be read. */
double    fw_chart_height_for_plot  (FwChart               *chart,
                                     double                 width,
                                     double                 plot_height);

/* Draws the chart in the area (0, 0) .. (@width, @height) of @cr; the
 * background is the caller's. In two layers, as the wheel is, so a view
 * can keep the first as an image while playback moves the marker:
 *  - static: axes, grid, band, series, legend; changes with the data,
 *    the visible series, the size, the scale or the style;
 *  - marker: the line at the period shown and its label.
 * fw_chart_paint() draws both: what exports draw. */
void      fw_chart_paint_static     (FwChart               *chart,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height);
void      fw_chart_paint_marker     (FwChart               *chart,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height);
/* Where fw_chart_paint_marker() puts the marker at @width x @height:
 * its line, @line_width wide, centred on @x from @top to @bottom, and its
 * label, a pill of @chip_w x @chip_h at (@chip_x, @chip_y). */
typedef struct
{
  double x, line_width, top, bottom;
  double chip_x, chip_y, chip_w, chip_h;
} FwChartMarkerPlace;

/* FALSE when there is no marker. The label's text is measured once per
 * period and size, not at each call: playback asks every frame. */
gboolean  fw_chart_marker_place     (FwChart               *chart,
                                     double                 width,
                                     double                 height,
                                     FwChartMarkerPlace    *place);
/* The marker's label alone, its pill's top left corner at (@x, @y): a
 * view keeps it as pixels while the period stays, and draws the line
 * itself (fw-chart-canvas.c). */
void      fw_chart_paint_marker_chip (FwChart              *chart,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      double                x,
                                      double                y);
void      fw_chart_paint            (FwChart               *chart,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height);

/* The legend entry at (@x, @y) in an area @width x @height, or NULL. */
const FwChartLegendEntry *fw_chart_legend_at (FwChart *chart,
                                              double   width,
                                              double   height,
                                              double   x,
                                              double   y);

/* What is under the pointer, for a tooltip. */
typedef struct
{
  guint  period;                         /* the period nearest the pointer */
  double x;                              /* where that period is drawn */
  guint  n_scenarios;
  /* Each scenario's value of each series at the period; NAN when the
   * series is hidden or absent, or the period is past that scenario's
   * horizon. The band is NAN when there is none or it is hidden. */
  double values[FW_CHART_MAX_SCENARIOS][FW_CHART_N_SERIES];
  double band[FW_CHART_MAX_SCENARIOS][3];  /* p10, p50, p90 */
  /* The drawn line nearest the pointer (vertically, at the pointer's
   * column), or -1 when nothing is drawn there. */
  int    nearest_scenario;
  int    nearest_series;
  double nearest_distance;                /* user units */
} FwChartHover;

/* Fills @hover for the point (@x, @y) of an area @width x @height.
 * Returns FALSE (leaving @hover unset) when the point is outside the plot
 * or there is nothing to show. Draws nothing. */
gboolean  fw_chart_lookup           (FwChart               *chart,
                                     double                 width,
                                     double                 height,
                                     double                 x,
                                     double                 y,
                                     FwChartHover          *hover);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwChart, fw_chart_free)

G_END_DECLS
