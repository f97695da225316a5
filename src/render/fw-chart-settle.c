/* fw-chart-settle.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-settle"

#include "config.h"

#include <math.h>

#include "fw-chart-layout.h"
#include "fw-chart-settle.h"

/* The shortened chart must make the change readable: only a horizon at
 * least this many times the periods drawn is shortened. A 24- or
 * 120-month report keeps its whole horizon, flat tail and all. */
#define SHORTEN_FACTOR 10

/* Half a unit: a figure that moves less rounds to the same number on the
 * page. Far up a double's range, the last bits of a settled value can
 * wobble by more than that: a relative part covers them. */
static gboolean
near (double value,
      double end)
{
  return isfinite (value) && fabs (value - end) <= MAX (0.5, 1e-9 * fabs (end));
}

/* The first period from which @values stays near its value at @horizon. */
static guint
array_settled_from (const double *values,
                    guint         horizon)
{
  double end = values[horizon];
  guint t = horizon;

  if (!isfinite (end))
    return horizon;
  while (t > 0 && near (values[t - 1], end))
    t--;
  return t;
}

guint
fw_chart_settled_from (const FwChartScenario *scenario,
                       guint                  series)
{
  const double *band[] = { scenario->band_low, scenario->band_median, scenario->band_high };
  guint settled = 0;

  g_return_val_if_fail (scenario != NULL, 0);

  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    if ((series & FW_CHART_SERIES_BIT (s)) != 0 && scenario->values[s] != NULL)
      settled = MAX (settled, array_settled_from (scenario->values[s], scenario->horizon));
  if (band[0] != NULL && band[1] != NULL && band[2] != NULL)
    for (guint b = 0; b < G_N_ELEMENTS (band); b++)
      settled = MAX (settled, array_settled_from (band[b], scenario->horizon));
  return settled;
}

guint
fw_chart_shown_horizon (const FwChartScenario *scenario,
                        guint                  series,
                        guint                 *settled)
{
  guint from = fw_chart_settled_from (scenario, series);
  /* Half as much again, at least ten periods, up to a round number (a
   * multiple of a step of 1, 2 or 5 times a power of ten). */
  double rough = MAX (from * 1.5, 10.0);
  double step = fw_chart_nice_step (rough / 5.0);
  double shown = ceil (rough / step) * step;

  if (settled != NULL)
    *settled = from;
  if (shown * SHORTEN_FACTOR > scenario->horizon)
    return scenario->horizon;
  return (guint) shown;
}
