/* fw-chart-settle.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-chart-data.h"

G_BEGIN_DECLS

/* Where a projection stops changing, for a printed chart whose horizon
 * is far longer than its change: at H = 100000 a report's chart drew
 * every change in its first pixel column, a spike at 0 then a flat line
 * (verifier V10-10). docs/model-notes.md, "The report's chart at long
 * horizons", states the rule; the numbers the report prints stay those
 * of MODEL.md at H. */

/* The first period from which every array of @scenario drawn with
 * @series (a set of FW_CHART_SERIES_BIT()) and its band, if it has one,
 * stays within half a unit (the figures' last shown digit) of its value
 * at the horizon, to the horizon: the horizon itself when a value there
 * is not finite or the projection still changes at its end. */
guint fw_chart_settled_from  (const FwChartScenario *scenario,
                              guint                  series);

/* The last period a printed chart of @scenario draws: the horizon, or,
 * when the projection has settled (fw_chart_settled_from()) before a
 * tenth of it, the settling period with half as much again for margin,
 * rounded up to a round number, so its change fills the plot. */
guint fw_chart_shown_horizon (const FwChartScenario *scenario,
                              guint                  series,
                              guint                 *settled);

G_END_DECLS
