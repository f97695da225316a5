/* fw-projection-service.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-band.h"
#include "fw-document.h"
#include "fw-engine.h"

G_BEGIN_DECLS

/* Keeps one FwProjection per scenario on show, current with the
 * document: the only place the window's numbers are computed.
 *
 * Two paths, chosen by what a recompute costs (stages x periods x the
 * runs it needs: one for the figures, and the impacts' runs, the points
 * FW_LANES at a time):
 *  - within a frame's budget, everything is recomputed at once, on the
 *    main loop, so the wheel and the figures follow a drag live;
 *  - beyond it (long horizons, many points), the counts and figures are
 *    still recomputed at once (they are one run), and the points'
 *    impacts are worked out in a thread (GTask) and swapped in when done,
 *    with "completed". Every edit restarts that work: the job running is
 *    cancelled, at most one runs per scenario, and a result computed
 *    from before an edit is dropped, never shown.
 *
 * The uncertainty band of every scenario on show that has spreads
 * (MODEL.md, "Uncertainty") always goes the second way: an FwBand of
 * the project's horizon, fw_projection_service_get_band_draws() draws
 * (1,000 unless set) and the seed (MODEL.md's 1 unless set), computed in
 * a thread. Every edit of the scenario cancels it and drops what it had:
 * fw_projection_service_get_band() is NULL until the band of what the
 * document holds now is ready, and "band-ready" then says so. A band
 * finished from before an edit is dropped, never shown; at most one
 * band job runs per scenario (a cancelled one stops within a few
 * hundred microseconds, and its stale answer starts the next).
 * A long band (fw_band_cost() over FW_PROJECTION_BAND_PAUSE_COST: the
 * longest horizons) that an edit drops starts only once the edits
 * have paused for FW_PROJECTION_BAND_PAUSE_MS: typed keys come faster
 * than it can finish, so one per key would only be cancelled by the
 * next, while taking a core from the main loop and the display server.
 * A short band starts at once, and so does every band of a scenario
 * newly on show or of other draws.
 *
 * Signals, both emitted on the main loop, never during an edit:
 *  - "completed" (guint scenario): the points' impacts of @scenario are
 *    in; FwSession passes it on as "changed" with FW_CHANGE_RESULTS.
 *  - "band-ready" (guint scenario): the band of @scenario is in
 *    (fw_projection_service_get_band() now returns it). Views that draw
 *    the band (the chart) connect to it on fw_session_get_projections();
 *    the session's "changed" after an edit is the moment the band goes
 *    (the getter is then NULL). */
#define FW_TYPE_PROJECTION_SERVICE (fw_projection_service_get_type ())

G_DECLARE_FINAL_TYPE (FwProjectionService, fw_projection_service, FW, PROJECTION_SERVICE, GObject)

/* What a recompute may cost on the main loop, in stage-periods of one
 * lane of the impacts' runs (fw-projection-service.c, cost_of ()): 16
 * stages, 200 points and 1000 periods (3.5e6) take about 2.6 ms, 3 stages
 * and 5 points over 100,000 periods (7.2e6) about 6 ms
 * (docs/performance.md). */
#define FW_PROJECTION_SYNC_BUDGET (4 * 1000 * 1000)
/* A band costing more (fw_band_cost(): about 50 ms of a core) waits,
 * after an edit, until no edit has come for FW_PROJECTION_BAND_PAUSE_MS:
 * 1,000 draws of 3 stages beyond about 2,600 periods, of 16 stages
 * beyond about 1,400. */
#define FW_PROJECTION_BAND_PAUSE_COST ((guint64) 40 * 1000 * 1000)
#define FW_PROJECTION_BAND_PAUSE_MS   300

FwProjectionService *fw_projection_service_new          (void);
/* The document whose scenarios are projected; shows its scenario 0. */
void                 fw_projection_service_set_document (FwProjectionService *self,
                                                         FwDocument          *document);
/* Works out, on any thread, what a service given @document computes
 * first on the main loop (the figures of its first scenario, the
 * scenario on show, and the copy its points' impacts are worked out
 * from), and keeps it with @document: the service given it next then
 * takes it instead of computing it again, as long as the document has
 * not changed since. Nothing may use @document meanwhile (the window
 * prepares a document it has just loaded, before anyone sees it). For
 * the largest project MODEL.md allows, about 90 ms off the main loop. */
void                 fw_projection_service_prepare      (FwDocument          *document);
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
/* Whether the points' impacts of @scenario are being worked out off the
 * main loop. */
gboolean             fw_projection_service_is_busy      (FwProjectionService *self,
                                                         guint                scenario);
/* The band of shown scenario @scenario, computed from what the document
 * holds now, or NULL: not on show, no spreads (then its band is its
 * customers figure, fw_projection_service_get()), or not ready yet. It is
 * complete (fw_band_is_computed()); valid until the next change of the
 * document or of the scenarios shown (take a reference to keep it). */
FwBand              *fw_projection_service_get_band     (FwProjectionService *self,
                                                         guint                scenario);
/* Draws (FW_BAND_MIN_DRAWS..FW_BAND_MAX_DRAWS) and seed of the bands;
 * setting either recomputes the bands on show. */
void                 fw_projection_service_set_band_draws (FwProjectionService *self,
                                                           guint                draws,
                                                           guint64              seed);
guint                fw_projection_service_get_band_draws (FwProjectionService *self);
guint64              fw_projection_service_get_band_seed  (FwProjectionService *self);
/* Whether the band of @scenario is on its way: being worked out off the
 * main loop, or waiting for the edits to pause. */
gboolean             fw_projection_service_is_band_busy (FwProjectionService *self,
                                                         guint                scenario);
/* How many band jobs this service has started so far: for tests and
 * benchmarks (a burst of edits at a long horizon starts one). */
guint                fw_projection_service_get_band_runs (FwProjectionService *self);
/* For tests and benchmarks: which bands wait for a pause in the edits
 * (costing more than @cost; G_MAXUINT64: none), and for how long. */
void                 fw_projection_service_set_band_pause (FwProjectionService *self,
                                                           guint64              cost,
                                                           guint                ms);
/* For tests and benchmarks: another budget for the main loop's share. */
void                 fw_projection_service_set_sync_budget (FwProjectionService *self,
                                                            guint64              budget);

G_END_DECLS
