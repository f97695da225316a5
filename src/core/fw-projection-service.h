/* fw-projection-service.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-document.h"
#include "fw-engine.h"

G_BEGIN_DECLS

/* Keeps one FwProjection per scenario on show, current with the
 * document: the only place the window's numbers are computed.
 *
 * Two paths, chosen by what a recompute costs (stages x periods x the
 * runs it needs: one, plus one per point for the impacts):
 *  - within a frame's budget, everything is recomputed at once, on the
 *    main loop, so the wheel and the figures follow a drag live;
 *  - beyond it (long horizons, many points), the counts and figures are
 *    still recomputed at once (they are one run), and the points'
 *    impacts are worked out in a thread (GTask) and swapped in when done,
 *    with "completed". Every edit restarts that work: the job running is
 *    cancelled, at most one runs per scenario, and a result computed
 *    from before an edit is dropped, never shown.
 * The uncertainty band goes the same second way (a job per scenario,
 * restarted on every edit), in the slot "completed" announces. */
#define FW_TYPE_PROJECTION_SERVICE (fw_projection_service_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionService, fw_projection_service, FW, PROJECTION_SERVICE, GObject)

/* Stage-periods a recompute may take on the main loop: 16 stages, 200
 * points and 1000 periods take about 2 ms (docs/performance.md). */
#define FW_PROJECTION_SYNC_BUDGET (4 * 1000 * 1000)

FwProjectionService *fw_projection_service_new          (void);
/* The document whose scenarios are projected; shows its scenario 0. */
void                 fw_projection_service_set_document (FwProjectionService *self,
                                                         FwDocument          *document);
/* The scenarios to keep projections of (indices into the document). */
void                 fw_projection_service_set_shown    (FwProjectionService *self,
                                                         const guint         *scenarios,
                                                         guint                n_scenarios);
/* Brings up to date what @change touched; the session calls it when the
 * document changed, before it tells the views. */
void                 fw_projection_service_update       (FwProjectionService *self,
                                                         const FwChange      *change);
/* The projection of shown scenario @scenario over the project's
 * horizon, or NULL if it is not on show. Its counts, figures and summary
 * are always current; its impacts may still be being worked out
 * (fw_projection_has_impacts() is FALSE until "completed"). Valid until
 * the next change of the document or of the scenarios shown. */
const FwProjection  *fw_projection_service_get          (FwProjectionService *self,
                                                         guint                scenario);
/* Whether work for @scenario is running or waiting off the main loop. */
gboolean             fw_projection_service_is_busy      (FwProjectionService *self,
                                                         guint                scenario);
/* For tests and benchmarks: another budget for the main loop's share. */
void                 fw_projection_service_set_sync_budget (FwProjectionService *self,
                                                            guint64              budget);

G_END_DECLS
