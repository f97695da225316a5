/* fw-chart-data.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-chart-data.h"
#include "fw-period-words.h"

const char *
fw_chart_series_name (FwChartSeries series)
{
  switch (series)
    {
    case FW_CHART_CUSTOMERS:
      return _("Customers");
    case FW_CHART_NEW_CUSTOMERS:
      return _("New customers");
    case FW_CHART_CHURN:
      return _("Churn");
    case FW_CHART_REFERRALS:
      return _("Referral inflow");
    case FW_CHART_MOMENTUM:
      return _("Momentum");
    case FW_CHART_N_SERIES:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

char *
fw_chart_series_caption (FwChartSeries series,
                         FwPeriod      period)
{
  if (series == FW_CHART_CUSTOMERS)
    return g_strdup (fw_chart_series_name (series));
  return fw_period_words_per_period (period, fw_chart_series_name (series));
}

FwChartRows *
fw_chart_rows_new_from_projection (const FwProjection *projection)
{
  FwChartRows *rows;
  guint n;

  g_return_val_if_fail (projection != NULL, NULL);

  rows = g_new0 (FwChartRows, 1);
  rows->horizon = fw_projection_get_horizon (projection);
  n = rows->horizon + 1;
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    rows->values[s] = g_new (double, n);

  for (guint t = 0; t < n; t++)
    {
      const FwFigures *figures = fw_projection_get_figures (projection, t);

      rows->values[FW_CHART_CUSTOMERS][t] = figures->customers;
      rows->values[FW_CHART_NEW_CUSTOMERS][t] = figures->new_customers;
      rows->values[FW_CHART_CHURN][t] = figures->churn;
      rows->values[FW_CHART_REFERRALS][t] = figures->referrals;
      rows->values[FW_CHART_MOMENTUM][t] = figures->momentum;
    }

  return rows;
}

void
fw_chart_rows_free (FwChartRows *rows)
{
  if (rows == NULL)
    return;
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    g_free (rows->values[s]);
  g_free (rows);
}

void
fw_chart_rows_describe (const FwChartRows *rows,
                        const char        *name,
                        FwChartScenario   *scenario)
{
  g_return_if_fail (rows != NULL);
  g_return_if_fail (scenario != NULL);

  scenario->name = name;
  scenario->horizon = rows->horizon;
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    scenario->values[s] = rows->values[s];
  scenario->band_low = NULL;
  scenario->band_median = NULL;
  scenario->band_high = NULL;
}
