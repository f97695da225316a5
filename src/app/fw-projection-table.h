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
 * referral inflow and momentum of the current scenario, numbers as the
 * user's locale writes them. A GtkColumnView over FwProjectionRows:
 * only the rows on screen exist as widgets, whatever the horizon. */
#define FW_TYPE_PROJECTION_TABLE (fw_projection_table_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionTable, fw_projection_table, FW, PROJECTION_TABLE, GtkWidget)

GtkWidget  *fw_projection_table_new         (void);
void        fw_projection_table_set_session (FwProjectionTable *self,
                                             FwSession         *session);
/* For tests: the rows shown. */
GListModel *fw_projection_table_get_model   (FwProjectionTable *self);
/* Scrolls so that @period's row shows. */
void        fw_projection_table_scroll_to   (FwProjectionTable *self,
                                             guint              period);

G_END_DECLS
