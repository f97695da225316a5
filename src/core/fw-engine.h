/* fw-engine.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* The figures of one period t, all computed from N(t) (MODEL.md). */
typedef struct
{
  double total;
  double customers;
  double new_customers;
  double churn;
  double dropoff;
  double referrals;
  double momentum;
} FwFigures;

typedef struct
{
  double   loop_gain;          /* G; INFINITY when a term is infinite */
  gboolean self_sustaining;    /* G >= 1 */
  gboolean has_steady;         /* FALSE: steady_customers is "none" */
  double   steady_customers;
  double   customers_end;      /* customers(H) */
  double   total_churn;        /* sums over t = 0 .. H-1 */
  double   total_referrals;
  double   total_new_customers;
} FwSummary;

/* The effective rates a*, l*, r* of one stage, points applied. */
typedef struct
{
  double advance;
  double loss;
  double referral;
} FwRates;

/* A projection of one scenario over a horizon: the engine's whole answer.
 * It keeps its buffers between runs, so that a window recomputing on every
 * drag allocates nothing once it has seen the largest wheel. */
typedef struct _FwProjection FwProjection;

FwProjection    *fw_projection_new            (void);
void             fw_projection_free           (FwProjection *projection);
/* A copy of everything @projection holds, to keep while the original is
 * run again (the window's report, printed from the projection on show). */
FwProjection    *fw_projection_copy           (const FwProjection *projection);

/* Recomputes everything (rows 0..horizon, summary, every point's stage and
 * impact) for a valid @scenario; the scenario must have passed
 * fw_validate_scenario(). */
void             fw_projection_run            (FwProjection     *projection,
                                               const FwScenario *scenario,
                                               guint             horizon);

/* The same without the points' impacts, which are most of the cost (one
 * run per point): for a projection too long to finish within a frame,
 * whose impacts are worked out off the main loop. The impacts read NAN
 * until a full fw_projection_run(). */
void             fw_projection_run_figures    (FwProjection     *projection,
                                               const FwScenario *scenario,
                                               guint             horizon);
/* FALSE after fw_projection_run_figures(), TRUE after fw_projection_run(). */
gboolean         fw_projection_has_impacts    (const FwProjection *projection);

guint            fw_projection_get_horizon    (const FwProjection *projection);
guint            fw_projection_get_n_stages   (const FwProjection *projection);
guint            fw_projection_get_n_points   (const FwProjection *projection);
/* N(t): n_stages counts. */
const double    *fw_projection_get_counts     (const FwProjection *projection,
                                               guint               period);
const FwFigures *fw_projection_get_figures    (const FwProjection *projection,
                                               guint               period);
const FwSummary *fw_projection_get_summary    (const FwProjection *projection);
const FwRates   *fw_projection_get_rates      (const FwProjection *projection,
                                               guint               stage);
/* The stage point @index sits on, and its impact on customers(H). */
guint            fw_projection_get_point_stage  (const FwProjection *projection,
                                                 guint               point);
double           fw_projection_get_point_impact (const FwProjection *projection,
                                                 guint               point);

/* A_i(t): the people advancing from @stage to the next in @period (0 for
 * the last stage), for views that draw the flows round the wheel. */
double           fw_projection_get_advancing  (const FwProjection *projection,
                                               guint               period,
                                               guint               stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwProjection, fw_projection_free)

G_END_DECLS
