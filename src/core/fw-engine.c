/* fw-engine.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-engine"

#include <math.h>
#include <string.h>

#include "fw-engine-private.h"

/* The simulation of ../shared/MODEL.md. Every formula is evaluated in the
 * order the contract writes it, so that an independent implementation
 * agrees to the last few bits, and the same functions serve the full run
 * and the impact runs, so that a point with no effect has an impact of
 * exactly zero. */

struct _FwProjection
{
  guint      n_stages;
  guint      n_points;
  guint      horizon;

  gboolean   customer[FW_MAX_STAGES];
  FwRates    rates[FW_MAX_STAGES];
  FwSummary  summary;
  gboolean   has_impacts;   /* FALSE after fw_projection_run_figures() */

  /* Buffers kept across runs; their capacities only grow. */
  double    *counts;        /* (horizon + 1) * n_stages */
  FwFigures *figures;       /* horizon + 1 */
  guint     *point_stage;   /* n_points */
  double    *point_impact;  /* n_points */
  /* The points of stage i, in input order, are
   * members[member_start[i] .. member_start[i + 1]). */
  guint     *members;       /* n_points */
  guint      member_start[FW_MAX_STAGES + 1];
  gsize      counts_capacity;
  gsize      figures_capacity;
  gsize      points_capacity;
};

/* The flows out of the state N of one period. */
typedef struct
{
  double advancing[FW_MAX_STAGES]; /* A_i */
  double lost[FW_MAX_STAGES];      /* L_i */
  double referrals;                /* R */
} Flows;

FwProjection *
fw_projection_new (void)
{
  return g_new0 (FwProjection, 1);
}

void
fw_projection_free (FwProjection *projection)
{
  if (projection == NULL)
    return;

  g_free (projection->counts);
  g_free (projection->figures);
  g_free (projection->point_stage);
  g_free (projection->point_impact);
  g_free (projection->members);
  g_free (projection);
}

static void
ensure_capacity (FwProjection *self,
                 guint         n_stages,
                 guint         horizon,
                 guint         n_points)
{
  gsize n_counts = ((gsize) horizon + 1) * n_stages;
  gsize n_figures = (gsize) horizon + 1;

  if (n_counts > self->counts_capacity)
    {
      self->counts = g_renew (double, self->counts, n_counts);
      self->counts_capacity = n_counts;
    }
  if (n_figures > self->figures_capacity)
    {
      self->figures = g_renew (FwFigures, self->figures, n_figures);
      self->figures_capacity = n_figures;
    }
  if (n_points > self->points_capacity)
    {
      self->point_stage = g_renew (guint, self->point_stage, n_points);
      self->point_impact = g_renew (double, self->point_impact, n_points);
      self->members = g_renew (guint, self->members, n_points);
      self->points_capacity = n_points;
    }
}

FwProjection *
fw_projection_copy (const FwProjection *projection)
{
  FwProjection *copy;

  g_return_val_if_fail (projection != NULL, NULL);

  copy = fw_projection_new ();
  ensure_capacity (copy, projection->n_stages, projection->horizon, projection->n_points);
  copy->n_stages = projection->n_stages;
  copy->n_points = projection->n_points;
  copy->horizon = projection->horizon;
  memcpy (copy->customer, projection->customer, sizeof copy->customer);
  memcpy (copy->rates, projection->rates, sizeof copy->rates);
  copy->summary = projection->summary;
  copy->has_impacts = projection->has_impacts;
  memcpy (copy->member_start, projection->member_start, sizeof copy->member_start);
  /* A projection never run has no rows (and memcpy no NULL source). */
  if (projection->counts != NULL && projection->n_stages > 0)
    memcpy (copy->counts, projection->counts,
            sizeof (double) * ((gsize) projection->horizon + 1) * projection->n_stages);
  if (projection->figures != NULL)
    memcpy (copy->figures, projection->figures, sizeof (FwFigures) * ((gsize) projection->horizon + 1));
  if (projection->n_points > 0)
    {
      memcpy (copy->point_stage, projection->point_stage, sizeof (guint) * projection->n_points);
      memcpy (copy->point_impact, projection->point_impact, sizeof (double) * projection->n_points);
      memcpy (copy->members, projection->members, sizeof (guint) * projection->n_points);
    }
  return copy;
}

/* Whether point @index counts: @toggled names a point whose enabled state
 * is taken as @toggled_enabled instead of its own (G_MAXUINT for none);
 * that is how an impact run disables or enables one point. */
static gboolean
point_counts (const FwPoint *point,
              guint          index,
              guint          toggled,
              gboolean       toggled_enabled)
{
  return index == toggled ? toggled_enabled : point->enabled;
}

void
fw_effective_rates (const FwRates         *base,
                    const FwPoint * const *points,
                    guint                  n_points,
                    guint                  stage,
                    guint                  n_stages,
                    FwRates               *rates)
{
  double advance = base->advance;
  double referral = base->referral;
  double churn_change = 0.0;

  for (guint k = 0; k < n_points; k++)
    {
      const FwPoint *point = points[k];

      advance = 1.0 + point->conversion == 0.0 ? 0.0 : advance * (1.0 + point->conversion);
      referral = 1.0 + point->referral == 0.0 ? 0.0 : referral * (1.0 + point->referral);
      churn_change += point->churn;
    }

  /* Once zero, a product stays zero whatever else overflows. */
  rates->advance = MIN (1.0, advance);
  rates->loss = MIN (1.0, MAX (0.0, base->loss + churn_change));
  rates->referral = referral;
  if (rates->advance + rates->loss > 1.0)
    rates->advance = 1.0 - rates->loss;
  if (stage == n_stages - 1)
    rates->advance = 0.0;
}

/* The effective rates of the stage whose points are @members (in input
 * order), the stage's own rates as the base. */
static void
effective_rates (const FwScenario *scenario,
                 guint             stage,
                 const guint      *members,
                 guint             n_members,
                 guint             toggled,
                 gboolean          toggled_enabled,
                 FwRates          *rates)
{
  const FwStage *st = g_ptr_array_index (scenario->stages, stage);
  const FwRates base = { st->advance, st->loss, st->referral };
  const FwPoint *counting[FW_MAX_POINTS];
  guint n_counting = 0;

  for (guint m = 0; m < n_members; m++)
    {
      guint k = members[m];
      const FwPoint *point = g_ptr_array_index (scenario->points, k);

      if (point_counts (point, k, toggled, toggled_enabled))
        counting[n_counting++] = point;
    }

  fw_effective_rates (&base, counting, n_counting, stage, scenario->stages->len, rates);
}

static void
stage_rates (const FwProjection *self,
             const FwScenario   *scenario,
             guint               stage,
             guint               toggled,
             gboolean            toggled_enabled,
             FwRates            *rates)
{
  guint start = self->member_start[stage];

  effective_rates (scenario, stage, self->members + start,
                   self->member_start[stage + 1] - start,
                   toggled, toggled_enabled, rates);
}

/* Groups the points by the stage they sit on, keeping input order. */
static void
place_points (FwProjection     *self,
              const FwScenario *scenario)
{
  guint fill[FW_MAX_STAGES] = { 0 };

  memset (self->member_start, 0, sizeof self->member_start);
  for (guint k = 0; k < self->n_points; k++)
    {
      const FwPoint *point = g_ptr_array_index (scenario->points, k);

      self->point_stage[k] = fw_scenario_stage_at_angle (scenario, point->angle);
      self->member_start[self->point_stage[k] + 1]++;
    }
  for (guint i = 0; i < self->n_stages; i++)
    self->member_start[i + 1] += self->member_start[i];
  for (guint k = 0; k < self->n_points; k++)
    {
      guint stage = self->point_stage[k];

      self->members[self->member_start[stage] + fill[stage]++] = k;
    }
}

static void
compute_flows (guint          n,
               const FwRates *rates,
               const double  *counts,
               Flows         *flows)
{
  flows->referrals = 0.0;
  for (guint i = 0; i < n; i++)
    {
      flows->advancing[i] = rates[i].advance * counts[i];
      flows->lost[i] = rates[i].loss * counts[i];
      flows->referrals += rates[i].referral * counts[i];
    }
}

static void
step (guint         n,
      const double *counts,
      const Flows  *flows,
      double        inflow,
      double       *next)
{
  next[0] = counts[0] - flows->advancing[0] - flows->lost[0] + inflow + flows->referrals;
  for (guint i = 1; i < n; i++)
    next[i] = counts[i] - flows->advancing[i] - flows->lost[i] + flows->advancing[i - 1];
}

static double
sum_customers (guint           n,
               const gboolean *customer,
               const double   *counts)
{
  double customers = 0.0;

  for (guint i = 0; i < n; i++)
    if (customer[i])
      customers += counts[i];

  return customers;
}

static void
compute_figures (guint           n,
                 const gboolean *customer,
                 const double   *counts,
                 const Flows    *flows,
                 double          inflow,
                 FwFigures      *figures)
{
  double advancing = 0.0;

  figures->total = 0.0;
  for (guint i = 0; i < n; i++)
    figures->total += counts[i];

  figures->customers = sum_customers (n, customer, counts);

  figures->new_customers = 0.0;
  for (guint i = 1; i < n; i++)
    if (customer[i] && !customer[i - 1])
      figures->new_customers += flows->advancing[i - 1];
  if (customer[0])
    figures->new_customers += inflow + flows->referrals;

  figures->churn = 0.0;
  figures->dropoff = 0.0;
  for (guint i = 0; i < n; i++)
    {
      if (customer[i])
        figures->churn += flows->lost[i];
      else
        figures->dropoff += flows->lost[i];
    }

  figures->referrals = flows->referrals;

  for (guint i = 0; i < n; i++)
    advancing += flows->advancing[i];
  figures->momentum = advancing + flows->referrals;
}

/* G, and the steady customer base, from the lifetime of one new lead. */
static void
compute_loop_gain (guint           n,
                   const gboolean *customer,
                   const FwRates  *rates,
                   double          inflow,
                   FwSummary      *summary)
{
  double reach = 1.0;         /* P_i */
  double gain = 0.0;          /* G */
  double customer_time = 0.0; /* sum of T_i over customer stages */
  gboolean all_finite = TRUE;

  for (guint i = 0; i < n; i++)
    {
      double leaving = rates[i].advance + rates[i].loss;
      double time;                 /* T_i */

      if (leaving > 0.0)
        {
          time = reach / leaving;
          reach = reach * rates[i].advance / leaving;
        }
      else
        {
          time = reach > 0.0 ? INFINITY : 0.0;
          reach = 0.0;
        }

      if (isinf (time))
        all_finite = FALSE;
      if (rates[i].referral != 0.0)
        gain += rates[i].referral * time;
      if (customer[i])
        customer_time += time;
    }

  summary->loop_gain = gain;
  summary->self_sustaining = gain >= 1.0;
  summary->has_steady = gain < 1.0 && all_finite;
  summary->steady_customers = summary->has_steady
                            ? (inflow / (1.0 - gain)) * customer_time
                            : 0.0;
}

/* The impact runs: one simulation per point, each with one stage's rates
 * changed, FW_LANES at a time (fw-lanes.c); each lane performs exactly
 * the operations of the full run, in the same order, so a point whose
 * toggle changes nothing has an impact of exactly zero. */

/* impact_k = customers(H) with k enabled - customers(H) with k disabled.
 * One of the two is the full run's; the other needs a run of its own,
 * unless toggling k leaves its stage's rates as they are. */
static void
compute_impacts (FwProjection     *self,
                 const FwScenario *scenario)
{
  double baseline = self->figures[self->horizon].customers;
  FwCustomerStages customer_stages;
  FwLanes batch;
  guint pending[FW_LANES];
  guint n_pending = 0;

  fw_customer_stages_init (&customer_stages, self->customer, self->n_stages);

  for (guint k = 0; k <= self->n_points; k++)
    {
      gboolean flush = k == self->n_points ? n_pending > 0 : n_pending == FW_LANES;

      if (flush)
        {
          double toggled[FW_LANES];

          /* Idle lanes repeat the full run; their answers are unused. */
          for (guint j = n_pending; j < FW_LANES; j++)
            fw_lanes_set (&batch, j, self->n_stages, self->rates, scenario->inflow, self->counts);
          fw_lanes_run (&batch, self->n_stages, &customer_stages, self->horizon, NULL, 0);
          fw_lanes_customers (&batch, &customer_stages, toggled);
          for (guint j = 0; j < n_pending; j++)
            {
              const FwPoint *point = g_ptr_array_index (scenario->points, pending[j]);

              self->point_impact[pending[j]] = point->enabled
                                             ? baseline - toggled[j]
                                             : toggled[j] - baseline;
            }
          n_pending = 0;
        }

      if (k < self->n_points)
        {
          const FwPoint *point = g_ptr_array_index (scenario->points, k);
          guint stage = self->point_stage[k];
          FwRates rates[FW_MAX_STAGES];

          memcpy (rates, self->rates, self->n_stages * sizeof (FwRates));
          stage_rates (self, scenario, stage, k, !point->enabled, &rates[stage]);
          if (memcmp (&rates[stage], &self->rates[stage], sizeof (FwRates)) == 0)
            {
              self->point_impact[k] = baseline - baseline;
              continue;
            }
          fw_lanes_set (&batch, n_pending, self->n_stages, rates, scenario->inflow, self->counts);
          pending[n_pending++] = k;
        }
    }
}

void
fw_projection_run (FwProjection     *self,
                   const FwScenario *scenario,
                   guint             horizon)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scenario != NULL);

  fw_projection_run_figures (self, scenario, horizon);
  compute_impacts (self, scenario);
  self->has_impacts = TRUE;
}

void
fw_projection_run_figures (FwProjection     *self,
                           const FwScenario *scenario,
                           guint             horizon)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (scenario->stages->len >= FW_MIN_STAGES);
  g_return_if_fail (scenario->stages->len <= FW_MAX_STAGES);
  g_return_if_fail (horizon >= FW_MIN_HORIZON && horizon <= FW_MAX_HORIZON);

  n = scenario->stages->len;
  ensure_capacity (self, n, horizon, scenario->points->len);
  self->n_stages = n;
  self->n_points = scenario->points->len;
  self->horizon = horizon;

  place_points (self, scenario);

  for (guint i = 0; i < n; i++)
    {
      const FwStage *stage = g_ptr_array_index (scenario->stages, i);

      self->customer[i] = stage->customer;
      self->counts[i] = stage->count;
      stage_rates (self, scenario, i, G_MAXUINT, FALSE, &self->rates[i]);
    }

  memset (&self->summary, 0, sizeof self->summary);
  for (guint t = 0; t <= horizon; t++)
    {
      double *counts = self->counts + (gsize) t * n;
      FwFigures *figures = &self->figures[t];
      Flows flows;

      compute_flows (n, self->rates, counts, &flows);
      compute_figures (n, self->customer, counts, &flows, scenario->inflow, figures);
      if (t == horizon)
        break;

      step (n, counts, &flows, scenario->inflow, counts + n);
      self->summary.total_churn += figures->churn;
      self->summary.total_referrals += figures->referrals;
      self->summary.total_new_customers += figures->new_customers;
    }

  self->summary.customers_end = self->figures[horizon].customers;
  compute_loop_gain (n, self->customer, self->rates, scenario->inflow, &self->summary);

  /* Not worked out: NAN says so to anyone who reads one regardless. */
  for (guint k = 0; k < self->n_points; k++)
    self->point_impact[k] = NAN;
  self->has_impacts = FALSE;
}

gboolean
fw_projection_has_impacts (const FwProjection *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_impacts;
}

guint
fw_projection_get_horizon (const FwProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->horizon;
}

guint
fw_projection_get_n_stages (const FwProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_stages;
}

guint
fw_projection_get_n_points (const FwProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

const double *
fw_projection_get_counts (const FwProjection *self,
                          guint               period)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (period <= self->horizon, NULL);

  return self->counts + (gsize) period * self->n_stages;
}

const FwFigures *
fw_projection_get_figures (const FwProjection *self,
                           guint               period)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (period <= self->horizon, NULL);

  return &self->figures[period];
}

const FwSummary *
fw_projection_get_summary (const FwProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->summary;
}

const FwRates *
fw_projection_get_rates (const FwProjection *self,
                         guint               stage)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (stage < self->n_stages, NULL);

  return &self->rates[stage];
}

guint
fw_projection_get_point_stage (const FwProjection *self,
                               guint               point)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (point < self->n_points, 0);

  return self->point_stage[point];
}

double
fw_projection_get_point_impact (const FwProjection *self,
                                guint               point)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (point < self->n_points, 0.0);

  return self->point_impact[point];
}

double
fw_projection_get_advancing (const FwProjection *self,
                             guint               period,
                             guint               stage)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (period <= self->horizon, 0.0);
  g_return_val_if_fail (stage < self->n_stages, 0.0);

  /* The same product the period step forms for A_i; the last stage's
   * effective advance is already 0. */
  return self->rates[stage].advance * self->counts[(gsize) period * self->n_stages + stage];
}
