/* test-core-engine.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-engine"

#include <math.h>

#include "fw-engine.h"
#include "fw-projection-output.h"

static FwStage *
add_stage (FwScenario *scenario,
           const char *name,
           double      count,
           gboolean    customer,
           double      advance,
           double      loss,
           double      referral)
{
  FwStage *stage = fw_stage_new (name, scenario->stages->len);

  stage->count = count;
  stage->customer = customer;
  stage->advance = advance;
  stage->loss = loss;
  stage->referral = referral;
  g_ptr_array_add (scenario->stages, stage);

  return stage;
}

static FwPoint *
add_point (FwScenario *scenario,
           const char *name,
           double      angle,
           double      conversion,
           double      churn,
           double      referral)
{
  FwPoint *point = fw_point_new (name, angle);

  point->conversion = conversion;
  point->churn = churn;
  point->referral = referral;
  g_ptr_array_add (scenario->points, point);

  return point;
}

/* Leads (100, advance 0.2, loss 0.3) and Customers (50, churn 0.1,
 * referral 0.2, advance 0.5 which the last stage ignores), inflow 10.
 * Worked by hand:
 *   t=0: A0=20 L0=30 L1=5 R=10 -> N(1) = (100-20-30+10+10, 50-5+20) = (70, 65)
 *   t=1: A0=14 L0=21 L1=6.5 R=13 -> N(2) = (58, 72.5)
 *   G: T0 = 1/0.5 = 2, P1 = 0.2/0.5 = 0.4, T1 = 0.4/0.1 = 4; G = 0.2*4 = 0.8
 *   steady customers = 10/(1-0.8) * 4 = 200 (check: N0 = 100, N1 = 200
 *   is a fixed point of the step). */
static FwScenario *
two_stage_scenario (void)
{
  FwScenario *scenario = fw_scenario_new ("Baseline");

  scenario->inflow = 10;
  add_stage (scenario, "Leads", 100, FALSE, 0.2, 0.3, 0);
  add_stage (scenario, "Customers", 50, TRUE, 0.5, 0.1, 0.2);

  return scenario;
}

static void
test_engine_hand_computed (void)
{
  g_autoptr(FwScenario) scenario = two_stage_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  const FwFigures *f;
  const FwSummary *summary;
  const double *counts;

  fw_projection_run (projection, scenario, 2);

  f = fw_projection_get_figures (projection, 0);
  g_assert_cmpfloat (f->total, ==, 150);
  g_assert_cmpfloat (f->customers, ==, 50);
  g_assert_cmpfloat (f->new_customers, ==, 20);
  g_assert_cmpfloat (f->churn, ==, 5);
  g_assert_cmpfloat (f->dropoff, ==, 30);
  g_assert_cmpfloat (f->referrals, ==, 10);
  g_assert_cmpfloat (f->momentum, ==, 30);

  counts = fw_projection_get_counts (projection, 1);
  g_assert_cmpfloat (counts[0], ==, 70);
  g_assert_cmpfloat (counts[1], ==, 65);
  f = fw_projection_get_figures (projection, 1);
  g_assert_cmpfloat_with_epsilon (f->churn, 6.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->momentum, 27, 1e-12);

  counts = fw_projection_get_counts (projection, 2);
  g_assert_cmpfloat_with_epsilon (counts[0], 58, 1e-12);
  g_assert_cmpfloat_with_epsilon (counts[1], 72.5, 1e-12);

  summary = fw_projection_get_summary (projection);
  g_assert_cmpfloat_with_epsilon (summary->loop_gain, 0.8, 1e-12);
  g_assert_false (summary->self_sustaining);
  g_assert_true (summary->has_steady);
  g_assert_cmpfloat_with_epsilon (summary->steady_customers, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->customers_end, 72.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary->total_churn, 11.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary->total_referrals, 23, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary->total_new_customers, 34, 1e-12);

  /* The last stage's advance is ignored. */
  g_assert_cmpfloat (fw_projection_get_rates (projection, 1)->advance, ==, 0);
}

/* A friction point at 270 degrees sits on Customers ([180, 360)) and adds
 * 0.1 to churn: N1(1) = 50-10+20 = 60, N1(2) = 60-12+14 = 62, so its
 * impact is 62 - 72.5 = -10.5, whether it is enabled or not. */
static void
test_engine_point_impact (void)
{
  g_autoptr(FwScenario) scenario = two_stage_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  FwPoint *point = add_point (scenario, "Swamped by email", 270, 0, 0.1, 0);

  fw_projection_run (projection, scenario, 2);
  g_assert_cmpuint (fw_projection_get_point_stage (projection, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_rates (projection, 1)->loss, 0.2, 1e-15);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_summary (projection)->customers_end, 62, 1e-12);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_point_impact (projection, 0), -10.5, 1e-12);

  point->enabled = FALSE;
  fw_projection_run (projection, scenario, 2);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_summary (projection)->customers_end, 72.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_point_impact (projection, 0), -10.5, 1e-12);
}

/* A copy holds the same answer, and keeps it while the original is run
 * again (the window's report is printed from a copy of the projection on
 * show, which the next edit runs again in place). */
static void
test_engine_copy (void)
{
  g_autoptr(FwScenario) scenario = two_stage_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(FwProjection) copy = NULL;
  g_autoptr(FwProjection) empty = fw_projection_new ();
  g_autoptr(FwProjection) empty_copy = fw_projection_copy (empty);
  g_autoptr(FwProjection) fresh = fw_projection_new ();

  add_point (scenario, "Swamped by email", 270, 0, 0.1, 0);
  fw_projection_run (projection, scenario, 2);
  fw_projection_run (fresh, scenario, 2);
  copy = fw_projection_copy (projection);

  fw_projection_run_figures (projection, scenario, 1);
  g_assert_true (fw_projection_has_impacts (copy));
  g_assert_cmpuint (fw_projection_get_horizon (copy), ==, 2);
  g_assert_cmpuint (fw_projection_get_n_stages (copy), ==, 2);
  g_assert_cmpuint (fw_projection_get_n_points (copy), ==, 1);
  for (guint t = 0; t <= 2; t++)
    {
      g_assert_cmpmem (fw_projection_get_counts (copy, t), 2 * sizeof (double),
                       fw_projection_get_counts (fresh, t), 2 * sizeof (double));
      g_assert_cmpmem (fw_projection_get_figures (copy, t), sizeof (FwFigures),
                       fw_projection_get_figures (fresh, t), sizeof (FwFigures));
    }
  g_assert_cmpfloat_with_epsilon (fw_projection_get_summary (copy)->customers_end, 62, 1e-12);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_point_impact (copy, 0), -10.5, 1e-12);
  g_assert_cmpuint (fw_projection_get_point_stage (copy, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_rates (copy, 1)->loss, 0.2, 1e-15);
  g_assert_cmpuint (fw_projection_get_horizon (empty_copy), ==, 0);
}

/* Effects combine as MODEL.md says: conversions multiply, churn changes
 * add and clamp to [0, 1], and advance gives way to loss. */
static void
test_engine_effective_rates (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Rates");
  g_autoptr(FwProjection) projection = fw_projection_new ();
  const FwRates *rates;
  FwPoint *off;

  add_stage (scenario, "A", 10, FALSE, 0.4, 0.1, 0.5);
  add_stage (scenario, "B", 10, TRUE, 0.5, 0.5, 1.0);
  add_point (scenario, "x1.5", 10, 0.5, 0, 1.0);
  add_point (scenario, "x2", 20, 1.0, -0.3, -0.5);
  off = add_point (scenario, "disabled", 30, 5.0, 0.5, 5.0);
  off->enabled = FALSE;
  add_point (scenario, "on B", 200, 0, 0.7, -1.0);

  fw_projection_run (projection, scenario, 1);

  /* a* = min(1, 0.4*1.5*2) = 1, l* = max(0, 0.1-0.3) = 0, r* = 0.5*2*0.5 */
  rates = fw_projection_get_rates (projection, 0);
  g_assert_cmpfloat_with_epsilon (rates->advance, 1.0, 1e-15);
  g_assert_cmpfloat (rates->loss, ==, 0);
  g_assert_cmpfloat_with_epsilon (rates->referral, 0.5, 1e-15);

  /* l* = min(1, 0.5+0.7) = 1, so a* = 0; r* = 1*(1-1) = 0 */
  rates = fw_projection_get_rates (projection, 1);
  g_assert_cmpfloat (rates->loss, ==, 1);
  g_assert_cmpfloat (rates->advance, ==, 0);
  g_assert_cmpfloat (rates->referral, ==, 0);
}

static void
test_engine_advance_gives_way_to_loss (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Clamp");
  g_autoptr(FwProjection) projection = fw_projection_new ();

  add_stage (scenario, "A", 10, FALSE, 0.6, 0.3, 0);
  add_stage (scenario, "B", 10, TRUE, 0, 0.1, 0);
  add_point (scenario, "boost", 90, 0.5, 0.05, 0);

  fw_projection_run (projection, scenario, 1);
  /* a* = 0.9, l* = 0.35: a* becomes 1 - 0.35 */
  g_assert_cmpfloat_with_epsilon (fw_projection_get_rates (projection, 0)->advance, 0.65, 1e-15);
  g_assert_cmpfloat_with_epsilon (fw_projection_get_rates (projection, 0)->loss, 0.35, 1e-15);
}

/* A stage nobody leaves, with referrals, makes one lead's referrals
 * unbounded: G is infinite, the wheel self-sustaining, no steady base. */
static void
test_engine_infinite_loop_gain (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Forever");
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autofree char *json = NULL;
  g_autoptr(FwProject) project = fw_project_new ("P");
  const FwSummary *summary;

  add_stage (scenario, "A", 10, FALSE, 0.5, 0, 0);
  add_stage (scenario, "B", 10, TRUE, 0, 0, 0.01);
  fw_projection_run (projection, scenario, 3);

  summary = fw_projection_get_summary (projection);
  g_assert_true (isinf (summary->loop_gain));
  g_assert_true (summary->self_sustaining);
  g_assert_false (summary->has_steady);

  json = fw_projection_to_json (projection, project, scenario, NULL);
  g_assert_nonnull (strstr (json, "\"loop_gain\": null"));
  g_assert_nonnull (strstr (json, "\"steady_customers\": null"));
}

/* A stage nobody leaves without referrals adds nothing to G, but its
 * infinite time still means no steady base. */
static void
test_engine_unreferring_sink (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Sink");
  g_autoptr(FwProjection) projection = fw_projection_new ();
  const FwSummary *summary;

  add_stage (scenario, "A", 10, FALSE, 0.5, 0.25, 0.2);
  add_stage (scenario, "B", 10, TRUE, 0, 0, 0);
  fw_projection_run (projection, scenario, 3);

  summary = fw_projection_get_summary (projection);
  g_assert_cmpfloat_with_epsilon (summary->loop_gain, 0.2 / 0.75, 1e-15);
  g_assert_false (summary->self_sustaining);
  g_assert_false (summary->has_steady);
}

static double
total_at (FwProjection *projection,
          guint         period)
{
  return fw_projection_get_figures (projection, period)->total;
}

/* MODEL.md's invariants: with no inflow the wheel grows when G > 1 and
 * shrinks when G < 1; with inflow and G < 1, customers approach the
 * steady base. Checked over many random wheels. */
static void
test_engine_invariants (void)
{
  GRand *rand = g_rand_new_with_seed (4242);

  for (guint trial = 0; trial < 300; trial++)
    {
      g_autoptr(FwScenario) scenario = fw_scenario_new ("Random");
      g_autoptr(FwProjection) projection = fw_projection_new ();
      guint n = g_rand_int_range (rand, 2, 9);
      const FwSummary *summary;
      double gain;

      for (guint i = 0; i < n; i++)
        {
          double advance = g_rand_double_range (rand, 0.05, 0.6);
          double loss = g_rand_double_range (rand, 0.02, 0.3);

          add_stage (scenario, "S", g_rand_double_range (rand, 1, 1000),
                     i >= n / 2, advance, loss, g_rand_double_range (rand, 0, 0.4));
        }

      fw_projection_run (projection, scenario, 1);
      gain = fw_projection_get_summary (projection)->loop_gain;
      if (fabs (gain - 1.0) < 0.05)
        continue;

      fw_projection_run (projection, scenario, 3000);
      if (gain > 1.0)
        {
          /* A growing wheel may outgrow a double: judge it at the last
           * period it is still finite, well past the start. */
          guint last = 3000;

          while (!isfinite (total_at (projection, last)))
            last--;
          g_assert_cmpuint (last, >, 100);
          g_assert_cmpfloat (total_at (projection, last), >, total_at (projection, 0));
        }
      else
        g_assert_cmpfloat (total_at (projection, 3000), <, total_at (projection, 0));

      if (gain < 1.0)
        {
          scenario->inflow = g_rand_double_range (rand, 1, 500);
          fw_projection_run (projection, scenario, 3000);
          summary = fw_projection_get_summary (projection);
          g_assert_true (summary->has_steady);
          g_assert_cmpfloat (fabs (summary->customers_end - summary->steady_customers),
                             <=, 1e-6 * summary->steady_customers);
        }
    }

  g_rand_free (rand);
}

/* A wheel that outgrows a double keeps running: figures become inf or
 * nan, and the outputs write them as null and as empty fields. */
static void
test_engine_overflow_is_not_fatal (void)
{
  g_autoptr(FwScenario) scenario = fw_scenario_new ("Boom");
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(FwProject) project = fw_project_new ("P");
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  const FwFigures *last;

  add_stage (scenario, "A", 1e12, TRUE, 0.5, 0, 100);
  add_stage (scenario, "B", 1e12, TRUE, 0, 0, 100);
  add_point (scenario, "More", 10, 0, 0, 10);

  fw_projection_run (projection, scenario, 500);
  last = fw_projection_get_figures (projection, 500);
  g_assert_false (isfinite (last->total));

  csv = fw_projection_to_csv (projection, scenario, NULL);
  /* dropoff sums over no stage: it stays 0 */
  g_assert_true (g_str_has_suffix (csv, "500,,,,,,,0,,\n"));
  json = fw_projection_to_json (projection, project, scenario, NULL);
  g_assert_null (strstr (json, "inf"));
  g_assert_null (strstr (json, "nan"));
  g_assert_nonnull (strstr (json, "\"customers_end\": null"));
}

/* A point whose effects are all zero changes nothing, exactly. */
static void
test_engine_neutral_point_has_zero_impact (void)
{
  g_autoptr(FwScenario) scenario = two_stage_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();

  add_point (scenario, "Nothing", 30, 0, 0, 0);
  add_point (scenario, "Something", 300, 0.5, 0, 0);
  fw_projection_run (projection, scenario, 24);
  g_assert_cmpfloat (fw_projection_get_point_impact (projection, 0), ==, 0);
  /* On the last stage, conversion has nothing to act on. */
  g_assert_cmpfloat (fw_projection_get_point_impact (projection, 1), ==, 0);
}

/* The projection reuses its buffers: a big run then a small one then a
 * big one again give the same answers as fresh projections. */
static void
test_engine_reuse (void)
{
  g_autoptr(FwScenario) small = two_stage_scenario ();
  g_autoptr(FwScenario) big = fw_scenario_new ("Big");
  g_autoptr(FwProjection) reused = fw_projection_new ();
  g_autoptr(FwProjection) fresh = fw_projection_new ();

  for (guint i = 0; i < 16; i++)
    add_stage (big, "S", 100 + i, i > 8, 0.3, 0.1, 0.02);
  for (guint k = 0; k < 50; k++)
    add_point (big, "P", k * 7.3, 0.1, 0.01, 0.1);

  fw_projection_run (reused, big, 100);
  fw_projection_run (reused, small, 5);
  fw_projection_run (fresh, small, 5);
  g_assert_cmpmem (fw_projection_get_figures (reused, 5), sizeof (FwFigures),
                   fw_projection_get_figures (fresh, 5), sizeof (FwFigures));
  fw_projection_run (reused, big, 60);
  fw_projection_run (fresh, big, 60);
  g_assert_cmpmem (fw_projection_get_counts (reused, 60), 16 * sizeof (double),
                   fw_projection_get_counts (fresh, 60), 16 * sizeof (double));
  for (guint k = 0; k < 50; k++)
    g_assert_cmpfloat (fw_projection_get_point_impact (reused, k), ==,
                       fw_projection_get_point_impact (fresh, k));
}

static void
test_engine_csv_layout (void)
{
  g_autoptr(FwScenario) scenario = two_stage_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autofree char *csv = NULL;

  g_free (fw_scenario_get_stage (scenario, 1)->name);
  fw_scenario_get_stage (scenario, 1)->name = g_strdup ("Happy, \"loyal\" customers");
  fw_projection_run (projection, scenario, 2);
  csv = fw_projection_to_csv (projection, scenario, NULL);

  g_assert_cmpstr (csv, ==,
    "period,Leads,\"Happy, \"\"loyal\"\" customers\",total,customers,new_customers,churn,dropoff,referrals,momentum\n"
    "0,100,50,150,50,20,5,30,10,30\n"
    "1,70,65,135,65,14,6.5,21,13,27\n"
    "2,58,72.5,130.5,72.5,11.600000000000001,7.25,17.4,14.5,26.1\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/engine/hand-computed", test_engine_hand_computed);
  g_test_add_func ("/core/engine/point-impact", test_engine_point_impact);
  g_test_add_func ("/core/engine/copy", test_engine_copy);
  g_test_add_func ("/core/engine/effective-rates", test_engine_effective_rates);
  g_test_add_func ("/core/engine/advance-gives-way-to-loss", test_engine_advance_gives_way_to_loss);
  g_test_add_func ("/core/engine/infinite-loop-gain", test_engine_infinite_loop_gain);
  g_test_add_func ("/core/engine/unreferring-sink", test_engine_unreferring_sink);
  g_test_add_func ("/core/engine/invariants", test_engine_invariants);
  g_test_add_func ("/core/engine/overflow-is-not-fatal", test_engine_overflow_is_not_fatal);
  g_test_add_func ("/core/engine/neutral-point", test_engine_neutral_point_has_zero_impact);
  g_test_add_func ("/core/engine/reuse", test_engine_reuse);
  g_test_add_func ("/core/engine/csv-layout", test_engine_csv_layout);

  return g_test_run ();
}
