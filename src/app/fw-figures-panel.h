/* fw-figures-panel.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The live figures of the session's current scenario at its period,
 * read from the session's projection (and the summary): customers, new customers,
 * churn, referral inflow, momentum and loop gain with a self-sustaining
 * marker, plus the marketing inflow as an input. Numbers ease to their new
 * values and each shows its change since the edit before. */
#define FW_TYPE_FIGURES_PANEL (fw_figures_panel_get_type ())

G_DECLARE_FINAL_TYPE (FwFiguresPanel, fw_figures_panel, FW, FIGURES_PANEL, GtkWidget)

GtkWidget *fw_figures_panel_new          (void);
void       fw_figures_panel_set_session  (FwFiguresPanel *self,
                                          FwSession      *session);
/* The height that shows the marketing inflow and the figures' first
 * row whole (customers now and at the horizon), as laid out now; 0
 * before the first layout. */
int        fw_figures_panel_get_least_height (FwFiguresPanel *self);

G_END_DECLS
