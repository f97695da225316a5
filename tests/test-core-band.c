/* test-core-band.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-band"

#include <math.h>
#include <string.h>

#include <stdlib.h>
#include <unistd.h>

#include "fw-band.h"
#include "fw-band-thread.h"
#include "fw-engine.h"
#include "fw-random.h"
#include "fw-templates.h"
#include "fw-validate.h"

/* ---------------------------------------------------------------- helpers */

static FwStage *
add_stage (FwScenario *scenario,
           double      count,
           gboolean    customer,
           double      advance,
           double      loss,
           double      referral)
{
  g_autofree char *name = g_strdup_printf ("Stage %u", scenario->stages->len);
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
           double      angle,
           double      conversion,
           double      churn,
           double      referral)
{
  FwPoint *point = fw_point_new ("Point", angle);

  point->conversion = conversion;
  point->churn = churn;
  point->referral = referral;
  g_ptr_array_add (scenario->points, point);

  return point;
}

static FwBand *
computed_band (const FwScenario *scenario,
               guint             horizon,
               guint             draws,
               guint64           seed)
{
  g_autoptr(GError) error = NULL;
  FwBand *band;

  g_assert_true (fw_validate_scenario (scenario, "scenario", &error));
  g_assert_no_error (error);

  band = fw_band_new (scenario, horizon, draws, seed);
  g_assert_true (fw_band_compute (band, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fw_band_is_computed (band));

  return band;
}

/* Bit for bit, nan equal to nan (a wheel past a double's range). */
static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

static gboolean
bands_equal (FwBand *a,
             FwBand *b)
{
  guint horizon = fw_band_get_horizon (a);

  g_assert_cmpuint (horizon, ==, fw_band_get_horizon (b));
  for (guint level = FW_BAND_P10; level <= FW_BAND_P90; level++)
    if (memcmp (fw_band_get_customers (a, level), fw_band_get_customers (b, level),
                ((gsize) horizon + 1) * sizeof (double)) != 0)
      return FALSE;

  return TRUE;
}

/* The first scenario of a built-in template, with spreads. */
static FwScenario *
template_scenario (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_template_create (id, &error);

  g_assert_no_error (error);
  return fw_scenario_copy (fw_project_get_scenario (project, 0));
}

static void
set_spreads (FwScenario *scenario,
             double      advance,
             double      loss,
             double      referral,
             double      inflow)
{
  scenario->uncertainty = (FwUncertainty) { advance, loss, referral, inflow };
}

/* ----------------------------------------------------------------- random */

/* The published first outputs of splitmix64 from 0 and of xoshiro256**
 * from the state {1, 2, 3, 4}. */
static void
test_random_reference_outputs (void)
{
  static const guint64 xoshiro[] = {
    11520u, 0u, 1509978240u, G_GUINT64_CONSTANT (1215971899390074240),
    G_GUINT64_CONSTANT (1216172134540287360), G_GUINT64_CONSTANT (607988272756665600),
    G_GUINT64_CONSTANT (16172922978634559625), G_GUINT64_CONSTANT (8476171486693032832),
    G_GUINT64_CONSTANT (10595114339597558777), G_GUINT64_CONSTANT (2904607092377533576),
  };
  FwRandom random = { { 1, 2, 3, 4 } };
  guint64 state = 0;

  g_assert_cmphex (fw_splitmix64 (&state), ==, G_GUINT64_CONSTANT (0xe220a8397b1dcdaf));
  g_assert_cmphex (fw_splitmix64 (&state), ==, G_GUINT64_CONSTANT (0x6e789e6aa1b965f4));
  g_assert_cmphex (fw_splitmix64 (&state), ==, G_GUINT64_CONSTANT (0x06c45d188009454f));

  for (guint i = 0; i < G_N_ELEMENTS (xoshiro); i++)
    g_assert_cmpuint (fw_random_next (&random), ==, xoshiro[i]);
}

static void
test_random_symmetric (void)
{
  FwRandom random;
  double low = 1.0, high = -1.0, sum = 0.0;
  const guint n = 100000;

  fw_random_init (&random, 1);
  for (guint i = 0; i < n; i++)
    {
      double u = fw_random_symmetric (&random);

      g_assert_cmpfloat (u, >=, -1.0);
      g_assert_cmpfloat (u, <, 1.0);
      low = MIN (low, u);
      high = MAX (high, u);
      sum += u;
    }

  /* Spread over the whole interval, centred (the mean of n uniforms has
   * a standard deviation of 0.0018; 0.01 is more than five of them). */
  g_assert_cmpfloat (low, <, -0.999);
  g_assert_cmpfloat (high, >, 0.999);
  g_assert_cmpfloat (fabs (sum / n), <, 0.01);
}

/* ------------------------------------------------------------------- band */

static void
test_band_rank (void)
{
  struct { guint percent, draws, rank; } cases[] = {
    { 10, 1, 1 }, { 50, 1, 1 }, { 90, 1, 1 },
    { 10, 2, 1 }, { 50, 2, 1 }, { 90, 2, 2 },
    { 10, 7, 1 }, { 50, 7, 4 }, { 90, 7, 7 },
    { 10, 10, 1 }, { 50, 10, 5 }, { 90, 10, 9 },
    { 10, 11, 2 }, { 50, 11, 6 }, { 90, 11, 10 },
    { 10, 1000, 100 }, { 50, 1000, 500 }, { 90, 1000, 900 },
    { 10, 100000, 10000 }, { 90, 100000, 90000 },
    { 0, 5, 1 }, { 100, 5, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (fw_band_rank (cases[i].percent, cases[i].draws), ==, cases[i].rank);
}

/* Stage 0 is the customer stage and starts empty, so customers(1) is the
 * drawn inflow E * (1 + u * U_E) of each draw, and the band at t = 1 can
 * be worked out here from the documented draw order: per draw, three
 * numbers per stage, then U_E. */
static void
test_band_percentile_rule (void)
{
  const guint draws[] = { 1, 2, 10, 16, 17, 37 };

  for (guint c = 0; c < G_N_ELEMENTS (draws); c++)
    {
      g_autoptr(FwScenario) scenario = fw_scenario_new ("Inflow only");
      g_autoptr(FwBand) band = NULL;
      g_autofree double *inflows = g_new (double, draws[c]);
      const guint percents[] = { 10, 50, 90 };
      FwRandom random;

      scenario->inflow = 100;
      add_stage (scenario, 0, TRUE, 0, 0, 0);
      add_stage (scenario, 0, FALSE, 0, 0, 0);
      set_spreads (scenario, 0.5, 0.5, 0.5, 0.9);
      band = computed_band (scenario, 3, draws[c], 42);

      fw_random_init (&random, 42);
      for (guint d = 0; d < draws[c]; d++)
        {
          for (guint i = 0; i < 3 * 2; i++)
            fw_random_symmetric (&random);
          inflows[d] = 100 * (1.0 + 0.9 * fw_random_symmetric (&random));
        }
      /* Sorted by hand: insertion sort, a handful of values. */
      for (guint i = 1; i < draws[c]; i++)
        for (guint j = i; j > 0 && inflows[j - 1] > inflows[j]; j--)
          {
            double t = inflows[j];

            inflows[j] = inflows[j - 1];
            inflows[j - 1] = t;
          }

      for (guint level = 0; level < 3; level++)
        {
          guint k = (guint) ceil (percents[level] * draws[c] / 100.0);

          k = MAX (k, 1);
          g_assert_cmpfloat (fw_band_get_customers (band, level)[0], ==, 0);
          g_assert_cmpfloat (fw_band_get_customers (band, level)[1], ==, inflows[k - 1]);
        }

      /* D = 1: the three are the one draw. */
      if (draws[c] == 1)
        {
          g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P10)[2], ==,
                             fw_band_get_customers (band, FW_BAND_P90)[2]);
        }
    }
}

/* Without spreads every draw is the scenario itself, and the band is the
 * projection's customers, compared with ==, at every period: several
 * wheels (with points, a zero factor, a wheel that runs past a double's
 * range), a number of draws that leaves idle lanes, and one large enough
 * to need several blocks of periods. */
static void
test_band_zero_spreads_is_the_figure (void)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_scenario_unref);
  FwScenario *scenario;
  struct { guint horizon, draws; } runs[] = { { 1, 1 }, { 60, 37 }, { 25, 70000 } };

  g_ptr_array_add (scenarios, template_scenario ("attract-engage-delight"));
  g_ptr_array_add (scenarios, template_scenario ("four-a"));
  g_ptr_array_add (scenarios, template_scenario ("sales-cycle"));

  scenario = fw_scenario_new ("Points and a zero factor");
  scenario->inflow = 12.5;
  add_stage (scenario, 900, FALSE, 0.2, 0.3, 0.01);
  add_stage (scenario, 200, TRUE, 0.3, 0.1, 0.2);
  add_stage (scenario, 50, TRUE, 0.5, 0.05, 0.4);
  add_point (scenario, 10, -0.2, 0.05, 0.1);
  add_point (scenario, 20, 10, -0.3, -1);
  add_point (scenario, 150, -1, 0.5, 3);
  add_point (scenario, 300, 0.7, 0.9, 0.5)->enabled = FALSE;
  g_ptr_array_add (scenarios, scenario);

  scenario = fw_scenario_new ("Past a double");
  scenario->inflow = 1e300;
  add_stage (scenario, 1e12, TRUE, 1, 0, 100);
  add_stage (scenario, 1e12, TRUE, 0, 0, 100);
  g_ptr_array_add (scenarios, scenario);

  for (guint s = 0; s < scenarios->len; s++)
    for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
      {
        g_autoptr(FwProjection) projection = fw_projection_new ();
        g_autoptr(FwBand) band = NULL;

        scenario = g_ptr_array_index (scenarios, s);
        g_assert_true (fw_uncertainty_is_zero (&scenario->uncertainty));
        band = computed_band (scenario, runs[r].horizon, runs[r].draws, 7);
        fw_projection_run (projection, scenario, runs[r].horizon);

        for (guint t = 0; t <= runs[r].horizon; t++)
          {
            double figure = fw_projection_get_figures (projection, t)->customers;

            for (guint level = FW_BAND_P10; level <= FW_BAND_P90; level++)
              if (!same_double (fw_band_get_customers (band, level)[t], figure))
                g_error ("%s, H=%u, D=%u, t=%u, level %u: %.17g is not the figure %.17g",
                         scenario->name, runs[r].horizon, runs[r].draws, t, level,
                         fw_band_get_customers (band, level)[t], figure);
          }
      }
}

static void
test_band_reproducible (void)
{
  g_autoptr(FwScenario) scenario = template_scenario ("sales-cycle");
  g_autoptr(FwBand) first = NULL;
  g_autoptr(FwBand) again = NULL;
  g_autoptr(FwBand) other_seed = NULL;
  g_autoptr(FwBand) big_seed = NULL;
  guint horizon = 36;
  gboolean differ = FALSE;

  set_spreads (scenario, 0.2, 0.2, 0.3, 0.1);
  first = computed_band (scenario, horizon, 1000, 1);
  again = computed_band (scenario, horizon, 1000, 1);
  other_seed = computed_band (scenario, horizon, 1000, 2);
  big_seed = computed_band (scenario, horizon, 1000, G_MAXUINT64);

  g_assert_true (bands_equal (first, again));
  g_assert_false (bands_equal (first, other_seed));
  g_assert_false (bands_equal (first, big_seed));

  /* A real band: ordered, and wider than a point after period 0. */
  for (guint t = 0; t <= horizon; t++)
    {
      double p10 = fw_band_get_customers (first, FW_BAND_P10)[t];
      double p50 = fw_band_get_customers (first, FW_BAND_P50)[t];
      double p90 = fw_band_get_customers (first, FW_BAND_P90)[t];

      g_assert_cmpfloat (p10, <=, p50);
      g_assert_cmpfloat (p50, <=, p90);
      if (t > 1 && p10 < p90)
        differ = TRUE;
    }
  g_assert_true (differ);
}

/* The band shares the scenario, which never changes: editing it after
 * making the band (as the user does while a window computes it, in a
 * new version of the project) changes nothing. */
static void
test_band_owns_its_scenario (void)
{
  g_autoptr(FwProject) project = fw_project_new ("Edited");
  g_autoptr(FwBand) expected = NULL;
  g_autoptr(FwBand) band = NULL;
  g_autoptr(GError) error = NULL;
  FwScenario *scenario = template_scenario ("four-a");

  set_spreads (scenario, 0.3, 0.1, 0.2, 0.4);
  g_ptr_array_add (project->scenarios, scenario);
  expected = computed_band (scenario, 24, 200, 5);
  band = fw_band_new (scenario, 24, 200, 5);

  scenario = fw_project_edit_scenario (project, 0, FW_SCENARIO_ALL);
  fw_scenario_get_stage (scenario, 0)->count = 1e9;
  scenario->uncertainty.advance = 1;
  g_ptr_array_set_size (scenario->points, 0);

  g_assert_true (fw_band_compute (band, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bands_equal (expected, band));
}

/* A drawn rate is clamped as an effective rate is: the spread of 1 draws
 * a loss of 0.8 anywhere in [0, 1.6) and an advance likewise, and a
 * share above 1 would take more people out of a stage than are in it. */
static void
test_band_clamps (void)
{
  g_autoptr(FwScenario) losing = fw_scenario_new ("Losing");
  g_autoptr(FwScenario) advancing = fw_scenario_new ("Advancing");
  g_autoptr(FwScenario) both = fw_scenario_new ("Both");
  g_autoptr(FwBand) band = NULL;

  /* Customers(1) = 1000 (1 - l*): exactly 0 for the 37.5% of draws
   * whose loss is clamped to 1, never below. (The last stage, whose
   * advance is 0 whatever a* + l* is, so nothing else hides the clamp.) */
  add_stage (losing, 0, FALSE, 0, 0, 0);
  add_stage (losing, 1000, TRUE, 0, 0.8, 0);
  set_spreads (losing, 0, 1, 0, 0);
  band = computed_band (losing, 1, 1000, 3);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P10)[1], ==, 0);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P50)[1], >, 0);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P90)[1], <=, 1000);
  g_clear_object (&band);

  /* Customers(1) = 1000 a*: exactly 1000 for the clamped draws, never
   * more. */
  add_stage (advancing, 1000, FALSE, 0.8, 0, 0);
  add_stage (advancing, 0, TRUE, 0, 0, 0);
  set_spreads (advancing, 1, 0, 0, 0);
  band = computed_band (advancing, 1, 1000, 3);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P90)[1], ==, 1000);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P10)[1], <, 1000);
  g_assert_cmpfloat (fw_band_get_customers (band, FW_BAND_P10)[1], >=, 0);
  g_clear_object (&band);

  /* Both drawn high: a* + l* is cut back to 1, so the first stage never
   * goes below 0 (by more than rounding) and the customers never exceed
   * the people there were. */
  add_stage (both, 1000, FALSE, 0.5, 0.5, 0);
  add_stage (both, 0, TRUE, 0, 0, 0);
  set_spreads (both, 1, 1, 0, 0);
  band = computed_band (both, 5, 1000, 3);
  for (guint t = 0; t <= 5; t++)
    for (guint level = FW_BAND_P10; level <= FW_BAND_P90; level++)
      {
        g_assert_cmpfloat (fw_band_get_customers (band, level)[t], >=, 0);
        g_assert_cmpfloat (fw_band_get_customers (band, level)[t], <=, 1000 * (1 + 1e-12));
      }
}

static void
test_band_cancelled (void)
{
  g_autoptr(FwScenario) scenario = template_scenario ("sales-cycle");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FwBand) band = NULL;
  g_autoptr(GError) error = NULL;

  set_spreads (scenario, 0.2, 0.2, 0.2, 0.2);
  band = fw_band_new (scenario, 100000, 100000, 1);
  g_cancellable_cancel (cancellable);
  g_assert_false (fw_band_compute (band, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (fw_band_is_computed (band));
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!fw_band_compute_finish (FW_BAND (source), result, error))
    g_assert_nonnull (*error);
}

/* Off the main loop: the same band as computed in place; and the largest
 * band, cancelled from the main thread while it runs, stops. */
static void
test_band_async (void)
{
  g_autoptr(FwScenario) scenario = template_scenario ("attract-engage-delight");
  g_autoptr(FwBand) expected = NULL;
  g_autoptr(FwBand) band = NULL;
  g_autoptr(FwBand) huge = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;
  gint64 started;

  set_spreads (scenario, 0.2, 0.2, 0.3, 0.1);
  expected = computed_band (scenario, 60, 1000, 9);

  band = fw_band_new (scenario, 60, 1000, 9);
  fw_band_compute_async (band, NULL, on_computed, &error);
  while (!fw_band_is_computed (band) && error == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The callback runs after the band is marked computed: let it. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_error (error);
  g_assert_true (bands_equal (expected, band));

  huge = fw_band_new (scenario, 100000, 100000, 9);
  fw_band_compute_async (huge, cancellable, on_computed, &error);
  g_usleep (50 * 1000);
  started = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (fw_band_is_computed (huge));
  /* Not timed (a loaded machine fails any bound): uncancelled, this band
   * would run for hours, so a cancel not heeded fails by the test's
   * timeout. How soon it stops is logged. */
  g_test_message ("cancelled in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);
}

/* The nice value of thread @tid of this process, from /proc (field 19
 * of its stat), or G_MININT. */
static int
thread_nice (const char *tid)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/stat", tid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return G_MININT;
  /* After the command name, state is field 3: nice (19) is the 17th. */
  fields = g_strsplit (after + 2, " ", -1);
  return g_strv_length (fields) > 16 ? atoi (fields[16]) : G_MININT;
}

/* Whether a thread of this process runs at nice @nice. */
static gboolean
some_thread_at (int nice)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    if (thread_nice (tid) == nice)
      return TRUE;
  return FALSE;
}

/* The band is worked out below the main thread's priority, so that the
 * main loop and the display server win the cores while it runs
 * (fw-band-thread.h); the main thread keeps its own. */
static void
test_band_thread_lowered (void)
{
  g_autoptr(FwScenario) scenario = template_scenario ("attract-engage-delight");
  g_autoptr(FwBand) huge = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *self_tid = g_strdup_printf ("%d", (int) getpid ());
  int own = thread_nice (self_tid);
  GError *error = NULL;

  g_assert_cmpint (own, !=, G_MININT);
  if (own + FW_BAND_THREAD_NICE > 19)
    {
      g_test_skip ("this test runs at a nice value with no room below it");
      return;
    }
  set_spreads (scenario, 0.2, 0.2, 0.3, 0.1);
  huge = fw_band_new (scenario, 100000, 100000, 9);
  fw_band_compute_async (huge, cancellable, on_computed, &error);
  /* Until the thread has taken it up (a minute's bound, for failing). */
  for (guint i = 0; i < 6000 && !some_thread_at (own + FW_BAND_THREAD_NICE); i++)
    g_usleep (10 * 1000);
  g_assert_true (some_thread_at (own + FW_BAND_THREAD_NICE));
  g_assert_cmpint (thread_nice (self_tid), ==, own);

  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/random/reference-outputs", test_random_reference_outputs);
  g_test_add_func ("/core/random/symmetric", test_random_symmetric);
  g_test_add_func ("/core/band/rank", test_band_rank);
  g_test_add_func ("/core/band/percentile-rule", test_band_percentile_rule);
  g_test_add_func ("/core/band/zero-spreads-is-the-figure", test_band_zero_spreads_is_the_figure);
  g_test_add_func ("/core/band/reproducible", test_band_reproducible);
  g_test_add_func ("/core/band/owns-its-scenario", test_band_owns_its_scenario);
  g_test_add_func ("/core/band/clamps", test_band_clamps);
  g_test_add_func ("/core/band/cancelled", test_band_cancelled);
  g_test_add_func ("/core/band/async", test_band_async);
  g_test_add_func ("/core/band/thread-lowered", test_band_thread_lowered);

  return g_test_run ();
}
