/* fw-chart-data.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-engine.h"

G_BEGIN_DECLS

/* What the projection chart draws: plain arrays of the engine's figures,
 * one value per period t = 0..H, so the chart depends on no engine (the
 * projection today, the uncertainty band tomorrow) and draws anything a
 * caller can put in an array. */

typedef enum
{
  FW_CHART_CUSTOMERS,
  FW_CHART_NEW_CUSTOMERS,
  FW_CHART_CHURN,
  FW_CHART_REFERRALS,     /* referral inflow, R(t) */
  FW_CHART_MOMENTUM,
  FW_CHART_N_SERIES
} FwChartSeries;

/* Sets of series, for fw_chart_set_visible(). */
#define FW_CHART_SERIES_BIT(series) (1u << (series))
#define FW_CHART_ALL_SERIES         ((1u << FW_CHART_N_SERIES) - 1)

/* MODEL.md's most scenarios in a project: all can be overlaid. */
#define FW_CHART_MAX_SCENARIOS 50

/* One scenario as the chart draws it. The arrays are the caller's; each
 * holds horizon + 1 values (t = 0..horizon). A value that is not finite
 * (a wheel that grew past the range of a double) is a gap in the line. A
 * series left NULL is not drawn. The band of customers (the 10th, 50th
 * and 90th percentiles) is drawn when all three arrays are given. */
typedef struct
{
  const char   *name;                         /* for the legend */
  guint         horizon;
  const double *values[FW_CHART_N_SERIES];
  const double *band_low;                     /* p10 */
  const double *band_median;                  /* p50 */
  const double *band_high;                    /* p90 */
} FwChartScenario;

/* The series' names as the legend and a tooltip say them ("Churn"). */
const char  *fw_chart_series_name (FwChartSeries series);
/* The series' name with its time frame where it is a flow: "Customers",
 * "New customers per month" (user review, C7: a rate says per what). */
char        *fw_chart_series_caption (FwChartSeries series,
                                      FwPeriod      period);

/* The figures of a projection copied into arrays the chart can point
 * at: for a caller that has an FwProjection rather than arrays of its
 * own. */
typedef struct
{
  guint   horizon;
  double *values[FW_CHART_N_SERIES];
} FwChartRows;

FwChartRows *fw_chart_rows_new_from_projection (const FwProjection *projection);
void         fw_chart_rows_free                (FwChartRows        *rows);
/* Fills @scenario with @rows' arrays (no band) and @name; @rows and
 * @name must outlive the chart's use of @scenario. */
void         fw_chart_rows_describe            (const FwChartRows  *rows,
                                                const char         *name,
                                                FwChartScenario    *scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwChartRows, fw_chart_rows_free)

G_END_DECLS
