/* fw-band.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-band"

#include <math.h>

#include "fw-band.h"
#include "fw-band-thread.h"
#include "fw-engine-private.h"
#include "fw-random.h"

/* How the band is computed (docs/model-notes.md has the user's side):
 *
 * 1. The draws, in order d = 0..D-1, from one xoshiro256** stream seeded
 *    with the user's seed: for each stage i in order U_a, U_l, U_r, then
 *    U_E, each uniform in [-1, 1). Every number is drawn whether its
 *    spread is 0 or not, so draw d uses the same U's whatever the spreads
 *    are: dragging one spread moves the band smoothly instead of
 *    reshuffling it. A draw's base rates go through fw_effective_rates (),
 *    the projection's own code, and are held with its inflow in a lane of
 *    an FwLanes (FW_LANES draws side by side).
 * 2. The periods, in blocks: for each block every lane group runs the
 *    block's periods with fw_lanes_run (), the projection's own period
 *    step, writing customers(t) of each draw into a block of values, its
 *    state kept for the next block. Then the three percentiles of each
 *    period are selected from its D values. Memory is the draws' state
 *    (about 530 bytes a draw) plus one block of at most BLOCK_VALUES
 *    doubles: never D x H. Both are kept per thread for the next band
 *    (the workspace, below).
 * 3. The cancellable is checked between lane groups, a few hundred
 *    microseconds of work at most. */

/* One block of customers(t) values: 8 MiB, which keeps a block of a few
 * periods for 100,000 draws, and the whole horizon for the window's
 * 1,000 draws up to H = 1,000. */
#define BLOCK_VALUES ((gsize) 1 << 20)

/* How many lane groups (16 draws each) run between two checks of the
 * cancellable. */
#define GROUPS_PER_CHECK 16

/* The largest buffers kept for the next band on the same thread: enough
 * for the window's 1,000 draws over a horizon of several thousand. */
#define WORKSPACE_KEEP ((gsize) 16 * 1024 * 1024)

struct _FwBand
{
  GObject     parent_instance;

  FwScenario *scenario;
  guint       horizon;
  guint       draws;
  guint64     seed;

  gboolean    computed;
  double     *customers[3];   /* FwBandLevel -> horizon + 1 values */
};

G_DEFINE_FINAL_TYPE (FwBand, fw_band, G_TYPE_OBJECT)

static const guint level_percent[] = { 10, 50, 90 };

static void
fw_band_finalize (GObject *object)
{
  FwBand *self = FW_BAND (object);

  fw_scenario_unref (self->scenario);
  for (guint i = 0; i < G_N_ELEMENTS (self->customers); i++)
    g_free (self->customers[i]);

  G_OBJECT_CLASS (fw_band_parent_class)->finalize (object);
}

static void
fw_band_class_init (FwBandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_band_finalize;
}

static void
fw_band_init (FwBand *self)
{
}

FwBand *
fw_band_new (const FwScenario *scenario,
             guint             horizon,
             guint             draws,
             guint64           seed)
{
  FwBand *self;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (scenario->stages->len >= FW_MIN_STAGES, NULL);
  g_return_val_if_fail (scenario->stages->len <= FW_MAX_STAGES, NULL);
  g_return_val_if_fail (horizon >= FW_MIN_HORIZON && horizon <= FW_MAX_HORIZON, NULL);
  g_return_val_if_fail (draws >= FW_BAND_MIN_DRAWS && draws <= FW_BAND_MAX_DRAWS, NULL);

  self = g_object_new (FW_TYPE_BAND, NULL);
  self->scenario = fw_scenario_ref (scenario);
  self->horizon = horizon;
  self->draws = draws;
  self->seed = seed;

  return self;
}

/* The percentiles' share of a draw's period, in stages (fw_band_cost ()). */
#define SELECT_COST_IN_STAGES 12

guint64
fw_band_cost (const FwScenario *scenario,
              guint             horizon,
              guint             draws)
{
  g_return_val_if_fail (scenario != NULL, 0);

  return (guint64) draws * ((guint64) horizon + 1) * (scenario->stages->len + SELECT_COST_IN_STAGES);
}

guint
fw_band_rank (guint percent,
              guint draws)
{
  guint rank;

  g_return_val_if_fail (percent <= 100, 1);
  g_return_val_if_fail (draws <= FW_BAND_MAX_DRAWS, 1);

  rank = (percent * draws + 99) / 100;  /* ceil, exactly, in integers */
  return MAX (rank, 1);
}

/* ---------------------------------------------------------------- draws */

/* The enabled points of each stage, in input order: points are not drawn,
 * so these are the same for every draw. */
typedef struct
{
  GPtrArray *points[FW_MAX_STAGES];
} StagePoints;

static void
stage_points_init (StagePoints      *sp,
                   const FwScenario *scenario)
{
  guint n = scenario->stages->len;

  for (guint i = 0; i < n; i++)
    sp->points[i] = g_ptr_array_new ();
  for (guint k = 0; k < scenario->points->len; k++)
    {
      const FwPoint *point = g_ptr_array_index (scenario->points, k);

      if (point->enabled)
        g_ptr_array_add (sp->points[fw_scenario_stage_at_angle (scenario, point->angle)],
                         (gpointer) point);
    }
}

static void
stage_points_clear (StagePoints *sp,
                    guint        n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (sp->points[i]);
}

/* x * (1 + u * U): one drawn input. With u = 0 it is x itself, bit for
 * bit (1 + 0 * U is exactly 1), so a scenario without spreads draws its
 * own inputs every time. */
static inline double
drawn (double    x,
       double    spread,
       FwRandom *random)
{
  return x * (1.0 + spread * fw_random_symmetric (random));
}

/* Draw @d's rates and inflow into its lane. */
static void
draw_one (const FwScenario  *scenario,
          const StagePoints *sp,
          const double      *start,
          FwRandom          *random,
          FwLanes           *lanes,
          guint              lane)
{
  const FwUncertainty *u = &scenario->uncertainty;
  guint n = scenario->stages->len;
  FwRates rates[FW_MAX_STAGES];
  double inflow;

  for (guint i = 0; i < n; i++)
    {
      const FwStage *stage = g_ptr_array_index (scenario->stages, i);
      FwRates base;

      /* Three separate statements: the order of the draws is part of
       * the band's definition. */
      base.advance = drawn (stage->advance, u->advance, random);
      base.loss = drawn (stage->loss, u->loss, random);
      base.referral = drawn (stage->referral, u->referral, random);
      fw_effective_rates (&base, (const FwPoint * const *) sp->points[i]->pdata,
                          sp->points[i]->len, i, n, &rates[i]);
    }
  inflow = drawn (scenario->inflow, u->inflow, random);

  fw_lanes_set (lanes, lane, n, rates, inflow, start);
}

/* ----------------------------------------------------------- percentiles */

static inline void
swap (double *a,
      double *b)
{
  double t = *a;

  *a = *b;
  *b = t;
}

static inline double
median3 (double a,
         double b,
         double c)
{
  if (a < b)
    return b < c ? b : (a < c ? c : a);
  return a < c ? a : (b < c ? c : b);
}

/* Moves the values of v[lo..hi) that are below @pivot (@or_equal: or
 * equal to it) to the front, keeping each side's values, and returns
 * where the others start. Branch-free (Lomuto's scheme with an
 * unconditional swap): on values in random order a branch would be
 * mispredicted half the time, which made selection cost as much as the
 * simulation itself. */
static gssize
partition (double   *v,
           gssize    lo,
           gssize    hi,
           double    pivot,
           gboolean  or_equal)
{
  gssize first = lo;

  if (or_equal)
    {
      for (gssize i = lo; i < hi; i++)
        {
          double x = v[i];

          v[i] = v[first];
          v[first] = x;
          first += x <= pivot;
        }
    }
  else
    {
      for (gssize i = lo; i < hi; i++)
        {
          double x = v[i];

          v[i] = v[first];
          v[first] = x;
          first += x < pivot;
        }
    }

  return first;
}

/* Puts the value of (0-based) rank @k of v[lo..hi) at v[k], smaller or
 * equal ones before it and larger or equal ones after (quickselect with
 * a median-of-three pivot). Each round splits the values below, equal to
 * and above the pivot, so that many equal values (every draw alike, as
 * without spreads) end it at once. No value is nan. */
static double
select_rank (double *v,
             gssize  lo,
             gssize  hi,
             gssize  k)
{
  while (hi - lo > 1)
    {
      double pivot = median3 (v[lo], v[lo + (hi - lo) / 2], v[hi - 1]);
      gssize below = partition (v, lo, hi, pivot, FALSE);
      gssize not_above;

      if (k < below)
        {
          hi = below;
          continue;
        }
      not_above = partition (v, below, hi, pivot, TRUE);
      if (k < not_above)
        return v[k];   /* the pivot's value, already at k */
      lo = not_above;
    }

  return v[k];
}

/* MODEL.md's nearest-rank percentiles of the @n values of @v (which are
 * reordered). A nan (a wheel whose numbers ran past a double's range into
 * inf - inf) sorts after +inf, as it does in the reference: a percentile
 * whose rank falls among them is nan. */
static void
select_percentiles (double *v,
                    guint   n,
                    double  out[3])
{
  gssize m = 0;
  gssize lo = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (v[i]))
      swap (&v[m++], &v[i]);

  for (guint level = 0; level < 3; level++)
    {
      gssize k = (gssize) fw_band_rank (level_percent[level], n) - 1;

      if (k >= m)
        {
          out[level] = NAN;
          continue;
        }
      out[level] = select_rank (v, lo, m, k);
      lo = k;
    }
}

/* ------------------------------------------------------------- workspace */

/* The draws' state and the block of values, kept per thread between
 * bands. A window makes a new band on every edit; fresh buffers for each
 * (about 1 MiB for 1,000 draws) cost a page fault per 4 KiB, which was
 * measured to triple the time of a band on a virtual machine. Per
 * thread, so that bands on several threads never share one. */
typedef struct
{
  FwLanes *lanes;
  gsize    n_lanes;
  double  *values;
  gsize    n_values;
} Workspace;

static void
workspace_free (gpointer data)
{
  Workspace *workspace = data;

  g_free (workspace->lanes);
  g_free (workspace->values);
  g_free (workspace);
}

static GPrivate workspace_key = G_PRIVATE_INIT (workspace_free);

static Workspace *
workspace_take (gsize n_lanes,
                gsize n_values)
{
  Workspace *workspace = g_private_get (&workspace_key);

  if (workspace == NULL)
    {
      workspace = g_new0 (Workspace, 1);
      g_private_set (&workspace_key, workspace);
    }
  if (workspace->n_lanes < n_lanes)
    {
      g_free (workspace->lanes);
      workspace->lanes = g_new (FwLanes, n_lanes);
      workspace->n_lanes = n_lanes;
    }
  if (workspace->n_values < n_values)
    {
      g_free (workspace->values);
      workspace->values = g_new (double, n_values);
      workspace->n_values = n_values;
    }

  return workspace;
}

/* Buffers beyond WORKSPACE_KEEP (a band of 100,000 draws takes about
 * 60 MiB) are given back at once. */
static void
workspace_release (Workspace *workspace)
{
  if (workspace->n_lanes * sizeof (FwLanes) + workspace->n_values * sizeof (double) > WORKSPACE_KEEP)
    {
      g_clear_pointer (&workspace->lanes, g_free);
      g_clear_pointer (&workspace->values, g_free);
      workspace->n_lanes = 0;
      workspace->n_values = 0;
    }
}

/* --------------------------------------------------------------- compute */

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
fw_band_compute (FwBand        *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const FwScenario *scenario;
  Workspace *workspace;
  FwLanes *lanes;
  double *values;
  g_autofree double *start = NULL;
  double *customers[3];
  gboolean customer[FW_MAX_STAGES];
  FwCustomerStages customer_stages;
  StagePoints sp;
  FwRandom random;
  guint n, n_groups, block;
  gsize stride;
  gboolean ok = TRUE;

  g_return_val_if_fail (FW_IS_BAND (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scenario = self->scenario;
  n = scenario->stages->len;
  n_groups = (self->draws + FW_LANES - 1) / FW_LANES;
  stride = (gsize) n_groups * FW_LANES;
  block = (guint) CLAMP (BLOCK_VALUES / stride, 1, (gsize) self->horizon + 1);

  start = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      const FwStage *stage = g_ptr_array_index (scenario->stages, i);

      start[i] = stage->count;
      customer[i] = stage->customer;
    }
  fw_customer_stages_init (&customer_stages, customer, n);

  /* 1. The draws. Idle lanes of the last group repeat its first draw;
   *    their values are never selected. */
  workspace = workspace_take (n_groups, (gsize) block * stride);
  lanes = workspace->lanes;
  values = workspace->values;
  stage_points_init (&sp, scenario);
  fw_random_init (&random, self->seed);
  for (guint d = 0; d < self->draws && ok; d++)
    {
      draw_one (scenario, &sp, start, &random, &lanes[d / FW_LANES], d % FW_LANES);
      if (d % (FW_LANES * GROUPS_PER_CHECK) == 0)
        ok = !cancelled (cancellable, error);
    }
  stage_points_clear (&sp, n);
  for (guint lane = self->draws % FW_LANES; ok && lane != 0 && lane < FW_LANES; lane++)
    {
      FwLanes *last = &lanes[n_groups - 1];

      for (guint i = 0; i < n; i++)
        {
          last->advance[i][lane] = last->advance[i][0];
          last->loss[i][lane] = last->loss[i][0];
          last->referral[i][lane] = last->referral[i][0];
          last->counts[i][lane] = last->counts[i][0];
        }
      last->inflow[lane] = last->inflow[0];
    }
  if (!ok)
    {
      workspace_release (workspace);
      return FALSE;
    }

  /* 2. The periods, block by block. */
  for (guint level = 0; level < 3; level++)
    customers[level] = g_new (double, (gsize) self->horizon + 1);

  for (guint t0 = 0; t0 <= self->horizon && ok; t0 += block)
    {
      guint t1 = MIN (t0 + block, self->horizon + 1);
      gboolean last_block = t1 == self->horizon + 1;
      guint steps = last_block ? t1 - t0 - 1 : t1 - t0;

      for (guint g = 0; g < n_groups && ok; g++)
        {
          fw_lanes_run (&lanes[g], n, &customer_stages, steps, values + (gsize) g * FW_LANES, stride);
          if (last_block)
            fw_lanes_customers (&lanes[g], &customer_stages,
                                values + (gsize) (t1 - 1 - t0) * stride + (gsize) g * FW_LANES);
          if (g % GROUPS_PER_CHECK == GROUPS_PER_CHECK - 1)
            ok = !cancelled (cancellable, error);
        }

      for (guint t = t0; t < t1 && ok; t++)
        {
          double out[3];

          select_percentiles (values + (gsize) (t - t0) * stride, self->draws, out);
          for (guint level = 0; level < 3; level++)
            customers[level][t] = out[level];
        }

      if (ok)
        ok = !cancelled (cancellable, error);
    }

  workspace_release (workspace);
  if (!ok)
    {
      for (guint level = 0; level < 3; level++)
        g_free (customers[level]);
      return FALSE;
    }

  for (guint level = 0; level < 3; level++)
    {
      g_free (self->customers[level]);
      self->customers[level] = customers[level];
    }
  self->computed = TRUE;

  return TRUE;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (fw_band_compute (FW_BAND (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_band_compute_async (FwBand              *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_BAND (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_band_compute_async);
  /* Its own thread, below the main loop's priority (fw-band-thread.h). */
  fw_band_thread_run (task, compute_in_thread);
}

gboolean
fw_band_compute_finish (FwBand        *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (FW_IS_BAND (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
fw_band_is_computed (FwBand *self)
{
  g_return_val_if_fail (FW_IS_BAND (self), FALSE);

  return self->computed;
}

guint
fw_band_get_horizon (FwBand *self)
{
  g_return_val_if_fail (FW_IS_BAND (self), 0);

  return self->horizon;
}

guint
fw_band_get_draws (FwBand *self)
{
  g_return_val_if_fail (FW_IS_BAND (self), 0);

  return self->draws;
}

guint64
fw_band_get_seed (FwBand *self)
{
  g_return_val_if_fail (FW_IS_BAND (self), 0);

  return self->seed;
}

const double *
fw_band_get_customers (FwBand      *self,
                       FwBandLevel  level)
{
  g_return_val_if_fail (FW_IS_BAND (self), NULL);
  g_return_val_if_fail ((guint) level < 3, NULL);
  g_return_val_if_fail (self->computed, NULL);

  return self->customers[level];
}
