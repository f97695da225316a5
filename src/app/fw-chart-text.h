/* fw-chart-text.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-chart-canvas.h"

G_BEGIN_DECLS

/* The chart's values in words, one way for everything that says them:
 * the readout over the chart, its accessible value, the tests. */

/* "Month 12": the period as the marker names it. */
char *fw_chart_text_period   (FwChartCanvas *canvas,
                              guint          period);
/* The values at @period of every series drawn, for a screen reader:
 * "Month 12: Customers 1,234, New customers 56, …", and with several
 * scenarios on show each one named: "Month 12. Baseline: Customers
 * 1,234, … Without onboarding: Customers 1,100, …". */
char *fw_chart_text_describe (FwChartCanvas *canvas,
                              guint          period);
/* @name in at most @max_chars characters, cut in its middle ("Baseline
 * today…in Q3 2026"): both ends tell names apart that start alike. */
char *fw_chart_text_shorten  (const char    *name,
                              guint          max_chars);

G_END_DECLS
