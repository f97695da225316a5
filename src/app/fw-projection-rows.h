/* fw-projection-rows.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-band.h"
#include "fw-chart-data.h"
#include "fw-session.h"

G_BEGIN_DECLS

/* The projection of one scenario on show (the session's current one
 * unless another is chosen) as a GListModel of rows, one per period
 * t = 0..H, for the table beside the chart. The
 * rows are made when a view asks for them (a GtkColumnView asks for what
 * it shows), never all at once: a 100,000-period horizon is a count, not
 * 100,001 objects. Each row is a snapshot of its period's figures; when
 * the projection changes the model says so with "items-changed" over
 * every row, and the view asks again for those it shows. */

#define FW_TYPE_PROJECTION_ROW (fw_projection_row_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionRow, fw_projection_row, FW, PROJECTION_ROW, GObject)

guint   fw_projection_row_get_period (FwProjectionRow *row);
/* The figure the chart draws as @series at the row's period. */
double  fw_projection_row_get_value  (FwProjectionRow *row,
                                      FwChartSeries    series);
/* The customers the band puts at the row's period: FW_BAND_P10 ("likely
 * from") or FW_BAND_P90 ("likely to"); NAN when the scenario has no
 * band (no spreads) or it is not worked out yet. */
double  fw_projection_row_get_likely (FwProjectionRow *row,
                                      FwBandLevel      level);

#define FW_TYPE_PROJECTION_ROWS (fw_projection_rows_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionRows, fw_projection_rows, FW, PROJECTION_ROWS, GObject)

FwProjectionRows *fw_projection_rows_new         (void);
void              fw_projection_rows_set_session (FwProjectionRows *self,
                                                  FwSession        *session);
/* The scenario (its index in the document) whose rows are given, one of
 * those on show; FW_PROJECTION_ROWS_CURRENT follows the session's
 * current scenario, and so does a chosen one once it is no longer on
 * show. */
#define FW_PROJECTION_ROWS_CURRENT G_MAXUINT
void              fw_projection_rows_set_scenario (FwProjectionRows *self,
                                                   guint             scenario);
/* Whether the rows carry the band (fw_projection_row_get_likely()). */
gboolean          fw_projection_rows_has_band    (FwProjectionRows *self);
/* The scenario given now (never FW_PROJECTION_ROWS_CURRENT). */
guint             fw_projection_rows_get_scenario (FwProjectionRows *self);

G_END_DECLS
