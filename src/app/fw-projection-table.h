/* fw-projection-table.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The chart's rows as a table, for reading the numbers month by month
 * and for screen readers: period, customers, new customers, churn,
 * referral inflow and momentum, numbers as the user's locale writes
 * them; and, while the scenario read has a band and the chart shows
 * it, the customers it likely falls between (the band's 10th and 90th percentiles, which
 * the chart draws). The period shown is the selected row, kept in view.
 * A GtkColumnView over FwProjectionRows: only the rows on screen
 * exist as widgets, whatever the horizon.
 *
 * It shows one scenario at a time, the current one first. When
 * scenarios are compared, a "Scenario" list above it chooses which of
 * those on show it reads: a table per scenario keeps each row one
 * period with the same six columns, which a screen reader walks row by
 * row and column by column, where a row per scenario and period (or a
 * column per scenario and series) would make the user keep count of
 * which number belongs to which. The chart's readout says all of them
 * at one period. */
#define FW_TYPE_PROJECTION_TABLE (fw_projection_table_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionTable, fw_projection_table, FW, PROJECTION_TABLE, GtkWidget)

GtkWidget  *fw_projection_table_new         (void);
void        fw_projection_table_set_session (FwProjectionTable *self,
                                             FwSession         *session);
/* Whether the chart shows the band (its Series switch): the table's
 * "likely from / to" columns show only then, and where there is a band. */
void        fw_projection_table_set_band_shown (FwProjectionTable *self,
                                                gboolean           shown);
/* For tests: the rows shown. */
GListModel *fw_projection_table_get_model   (FwProjectionTable *self);
/* For tests: the list choosing the scenario (shown only when several
 * are on show). */
GtkWidget  *fw_projection_table_get_chooser (FwProjectionTable *self);

G_END_DECLS
