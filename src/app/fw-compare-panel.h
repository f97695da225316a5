/* fw-compare-panel.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* Scenarios side by side: a check box per scenario to show it beside
 * the current one (the session's shown scenarios, which the chart
 * overlays; "scenario.compare"), and a table of MODEL.md's summary
 * figures of every scenario on show, in the project's order, each with
 * its difference from the first column. */
#define FW_TYPE_COMPARE_PANEL (fw_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (FwComparePanel, fw_compare_panel, FW, COMPARE_PANEL, GtkWidget)

GtkWidget *fw_compare_panel_new         (void);
void       fw_compare_panel_set_session (FwComparePanel *self,
                                         FwSession      *session);
/* The table's text, row by row, cells separated by tabs: what a screen
 * reader and the tests read. */
char      *fw_compare_panel_get_text    (FwComparePanel *self);

G_END_DECLS
