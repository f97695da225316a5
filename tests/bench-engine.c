/* bench-engine.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-engine"

/* How long the window's live recompute takes: every figure and every
 * point's impact, for wheels of several sizes; and the uncertainty band,
 * against a plain C loop doing the same arithmetic in the same run.
 * Speed is measured here, never asserted in a test; docs/performance.md
 * keeps the figures.
 *
 *   meson test -C build --benchmark -v      (or: build/tests/bench-engine)
 *   build/tests/bench-engine --band         (the band's figures only)
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "fw-band.h"
#include "fw-document.h"
#include "fw-engine.h"
#include "fw-random.h"
#include "fw-session.h"

typedef struct
{
  guint n_stages;
  guint n_points;
  guint horizon;
} Case;

static FwScenario *
make_scenario (const Case *c)
{
  FwScenario *scenario = fw_scenario_new ("Bench");
  GRand *rand = g_rand_new_with_seed (7);

  scenario->inflow = 120;
  for (guint i = 0; i < c->n_stages; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      FwStage *stage = fw_stage_new (name, i);

      stage->count = g_rand_double_range (rand, 10, 10000);
      stage->customer = i >= c->n_stages / 2;
      stage->advance = g_rand_double_range (rand, 0.1, 0.5);
      stage->loss = g_rand_double_range (rand, 0.01, 0.3);
      stage->referral = g_rand_double_range (rand, 0, 0.05);
      stage->weight = g_rand_double_range (rand, 0.5, 3);
      g_ptr_array_add (scenario->stages, stage);
    }
  for (guint k = 0; k < c->n_points; k++)
    {
      FwPoint *point = fw_point_new ("Point", g_rand_double_range (rand, 0, 360));

      point->conversion = g_rand_double_range (rand, -0.3, 0.3);
      point->churn = g_rand_double_range (rand, -0.02, 0.02);
      point->referral = g_rand_double_range (rand, -0.3, 0.5);
      point->enabled = g_rand_int_range (rand, 0, 10) != 0;
      g_ptr_array_add (scenario->points, point);
    }

  g_rand_free (rand);
  return scenario;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
run_case (const Case *c)
{
  g_autoptr(FwScenario) scenario = make_scenario (c);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 budget = 2 * G_USEC_PER_SEC, started;
  double sink = 0;

  /* Warm the buffers and the caches, as a window would be after its first
   * recompute. */
  for (guint i = 0; i < 3; i++)
    fw_projection_run (projection, scenario, c->horizon);

  started = g_get_monotonic_time ();
  while (samples->len < 5 || (g_get_monotonic_time () - started < budget && samples->len < 100000))
    {
      gint64 t0 = g_get_monotonic_time ();
      double us;

      fw_projection_run (projection, scenario, c->horizon);
      us = (double) (g_get_monotonic_time () - t0);
      sink += fw_projection_get_summary (projection)->customers_end;
      g_array_append_val (samples, us);
    }

  g_array_sort (samples, compare_doubles);
  printf ("%2u stages %4u points %5u periods: median %9.1f us  p95 %9.1f us  (%u runs)\n",
          c->n_stages, c->n_points, c->horizon,
          g_array_index (samples, double, samples->len / 2),
          g_array_index (samples, double, samples->len * 95 / 100),
          samples->len);
  if (!isfinite (sink))
    printf ("  (figures not finite)\n");
}

/* Microseconds of CPU time this thread has used: what "on one core"
 * means, and much less disturbed than the wall clock when other programs
 * share the machine (the wall clock is printed beside it). */
static double
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double
median_of (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
p95_of (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len * 95 / 100);
}

/* The band of @c's wheel with spreads, @draws draws, run for about two
 * seconds; returns the median in microseconds. */
static double
time_band (const FwScenario *scenario,
           guint             horizon,
           guint             draws,
           double           *p95)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started = g_get_monotonic_time ();

  while (samples->len < 5 || (g_get_monotonic_time () - started < 2 * G_USEC_PER_SEC && samples->len < 10000))
    {
      g_autoptr(FwBand) band = fw_band_new (scenario, horizon, draws, samples->len + 1);
      double t0 = thread_cpu_us ();
      double us;

      if (!fw_band_compute (band, NULL, NULL))
        g_error ("the band failed");
      us = thread_cpu_us () - t0;
      g_array_append_val (samples, us);
    }

  *p95 = p95_of (samples);
  return median_of (samples);
}

/* The arithmetic the band does per draw and period, written as plainly
 * as C allows: one draw after the other, scalar, customers(t) stored for
 * every draw and period, the rates drawn beforehand and not timed. No
 * percentiles, no draws, no points. */
static double
time_plain_loop (const FwScenario *scenario,
                 guint             horizon,
                 guint             draws)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = scenario->stages->len;
  g_autofree double *advance = g_new (double, (gsize) draws * n);
  g_autofree double *loss = g_new (double, (gsize) draws * n);
  g_autofree double *referral = g_new (double, (gsize) draws * n);
  g_autofree double *inflow = g_new (double, draws);
  g_autofree double *out = g_new (double, (gsize) draws * (horizon + 1));
  gboolean customer[FW_MAX_STAGES];
  double start[FW_MAX_STAGES];
  gint64 started;
  FwRandom random;
  double sink = 0;

  fw_random_init (&random, 1);
  for (guint i = 0; i < n; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, i);

      customer[i] = stage->customer;
      start[i] = stage->count;
    }
  for (guint d = 0; d < draws; d++)
    {
      for (guint i = 0; i < n; i++)
        {
          const FwStage *stage = fw_scenario_get_stage (scenario, i);

          advance[d * n + i] = i + 1 == n ? 0 : stage->advance * (1 + 0.1 * fw_random_symmetric (&random));
          loss[d * n + i] = stage->loss * (1 + 0.1 * fw_random_symmetric (&random));
          referral[d * n + i] = stage->referral * (1 + 0.1 * fw_random_symmetric (&random));
        }
      inflow[d] = scenario->inflow * (1 + 0.1 * fw_random_symmetric (&random));
    }

  started = g_get_monotonic_time ();
  while (samples->len < 5 || (g_get_monotonic_time () - started < 2 * G_USEC_PER_SEC && samples->len < 10000))
    {
      double t0 = thread_cpu_us ();
      double us;

      for (guint d = 0; d < draws; d++)
        {
          const double *a = advance + (gsize) d * n;
          const double *l = loss + (gsize) d * n;
          const double *r = referral + (gsize) d * n;
          double counts[FW_MAX_STAGES];

          memcpy (counts, start, n * sizeof (double));
          for (guint t = 0; t <= horizon; t++)
            {
              double customers = 0, referrals = 0;

              for (guint i = 0; i < n; i++)
                if (customer[i])
                  customers += counts[i];
              out[(gsize) t * draws + d] = customers;
              if (t == horizon)
                break;

              for (guint i = 0; i < n; i++)
                referrals += r[i] * counts[i];
              for (guint i = n - 1; i >= 1; i--)
                counts[i] = counts[i] - a[i] * counts[i] - l[i] * counts[i] + a[i - 1] * counts[i - 1];
              counts[0] = counts[0] - a[0] * counts[0] - l[0] * counts[0] + inflow[d] + referrals;
            }
        }
      us = thread_cpu_us () - t0;
      sink += out[(gsize) horizon * draws];
      g_array_append_val (samples, us);
    }

  if (!isfinite (sink))
    printf ("  (plain loop not finite)\n");
  return median_of (samples);
}

static void
run_band (const Case *c,
          guint       draws)
{
  g_autoptr(FwScenario) scenario = make_scenario (c);
  double band_us, band_p95, plain_us;
  double updates = (double) draws * c->horizon * c->n_stages;

  scenario->uncertainty = (FwUncertainty) { 0.2, 0.2, 0.3, 0.1 };
  band_us = time_band (scenario, c->horizon, draws, &band_p95);
  plain_us = time_plain_loop (scenario, c->horizon, draws);

  printf ("band, %5u draws, %2u stages %4u points %5u periods: median %9.1f us  p95 %9.1f us (CPU time)\n",
          draws, c->n_stages, c->n_points, c->horizon, band_us, band_p95);
  printf ("  stage-updates per second: band %.3g, plain C loop %.3g (%.1f us): band/plain %.2fx the time\n",
          updates / (band_us * 1e-6), updates / (plain_us * 1e-6), plain_us, band_us / plain_us);
}

/* The most draws over a long horizon, once: its time, and how much
 * memory it took (the growth of the peak resident size), which must stay
 * far below D x H doubles. */
static void
run_band_large (const Case *c,
                guint       draws)
{
  g_autoptr(FwScenario) scenario = make_scenario (c);
  g_autoptr(FwBand) band = NULL;
  struct rusage before, after;
  double t0, us;

  scenario->uncertainty = (FwUncertainty) { 0.2, 0.2, 0.3, 0.1 };
  getrusage (RUSAGE_SELF, &before);
  t0 = thread_cpu_us ();
  band = fw_band_new (scenario, c->horizon, draws, 1);
  if (!fw_band_compute (band, NULL, NULL))
    g_error ("the band failed");
  us = thread_cpu_us () - t0;
  getrusage (RUSAGE_SELF, &after);

  printf ("band, %6u draws, %2u stages %4u points %5u periods: %.0f ms (CPU time), %.3g stage-updates/s, "
          "peak memory +%ld MiB (D x H doubles would be %.0f MiB)\n",
          draws, c->n_stages, c->n_points, c->horizon, us / 1000,
          (double) draws * c->horizon * c->n_stages / (us * 1e-6),
          (after.ru_maxrss - before.ru_maxrss) / 1024,
          (double) draws * (c->horizon + 1) * sizeof (double) / (1024 * 1024));
}

/* What the window recomputes after one edit of the shown scenario: every
 * figure and every point's impact (fw_projection_run ()) and the band of
 * 1,000 draws, one after the other on one core. */
static void
run_whole_recompute (const Case *c)
{
  g_autoptr(FwScenario) scenario = make_scenario (c);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started = g_get_monotonic_time ();

  scenario->uncertainty = (FwUncertainty) { 0.2, 0.2, 0.3, 0.1 };
  while (samples->len < 5 || (g_get_monotonic_time () - started < 2 * G_USEC_PER_SEC && samples->len < 10000))
    {
      double t0 = thread_cpu_us ();
      g_autoptr(FwBand) band = NULL;
      double us;

      fw_projection_run (projection, scenario, c->horizon);
      band = fw_band_new (scenario, c->horizon, FW_BAND_DEFAULT_DRAWS, FW_BAND_DEFAULT_SEED);
      if (!fw_band_compute (band, NULL, NULL))
        g_error ("the band failed");
      us = thread_cpu_us () - t0;
      g_array_append_val (samples, us);
    }

  printf ("whole recompute (figures, impacts, band of %u), %2u stages %4u points %5u periods: "
          "median %9.1f us  p95 %9.1f us  (CPU time, %u runs)\n",
          FW_BAND_DEFAULT_DRAWS, c->n_stages, c->n_points, c->horizon,
          median_of (samples), p95_of (samples), samples->len);
}

/* The same recompute as the window's session does it, with the band off
 * the main loop: an edit of the document (copy, validation), the
 * projection service's figures and impacts at once, the band's job
 * started (a copy of the scenario), and later the band's arrival
 * swapped in and announced. What counts for a window that must never
 * stutter is the main loop's share: the edit's dispatch plus the
 * arrival's, in CPU time of the main thread. The band's latency (edit to
 * "band-ready", wall clock) is printed beside it; it includes waiting for
 * a core on a loaded machine. */
typedef struct
{
  gboolean ready;
} Arrival;

static void
on_band_ready (FwProjectionService *service,
               guint                scenario,
               Arrival             *arrival)
{
  arrival->ready = TRUE;
}

static void
run_main_loop_share (const Case *c)
{
  FwProject *project = fw_project_new ("Bench");
  FwScenario *scenario = make_scenario (c);
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwSession) session = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Arrival arrival = { FALSE };
  FwProjectionService *service;

  scenario->uncertainty = (FwUncertainty) { 0.2, 0.2, 0.3, 0.1 };
  project->horizon = c->horizon;
  g_ptr_array_add (project->scenarios, scenario);
  document = fw_document_new (project);
  session = fw_session_new (document);
  service = fw_session_get_projections (session);
  g_signal_connect (service, "band-ready", G_CALLBACK (on_band_ready), &arrival);
  while (fw_projection_service_is_band_busy (service, 0))
    g_main_context_iteration (NULL, TRUE);

  for (guint step = 0; step < 500; step++)
    {
      gint64 started = g_get_monotonic_time ();
      double t0 = thread_cpu_us (), edit_us, share_us, latency_us;

      if (!fw_document_move_point (document, 0, 0, step * 0.18, NULL))
        g_error ("the benchmark's edit was refused");
      edit_us = thread_cpu_us () - t0;
      if (fw_projection_service_get_band (service, 0) != NULL)
        g_error ("a band from before the edit is still shown");

      /* Blocking in poll () costs the main thread no CPU time; the
       * dispatch of the band's arrival does. */
      arrival.ready = FALSE;
      while (!arrival.ready)
        g_main_context_iteration (NULL, TRUE);
      share_us = thread_cpu_us () - t0;
      latency_us = (double) (g_get_monotonic_time () - started);
      g_array_append_val (edits, edit_us);
      g_array_append_val (shares, share_us);
      g_array_append_val (latencies, latency_us);
    }

  printf ("main loop per edit with the band (figures, impacts, band started and swapped in), "
          "%2u stages %4u points %5u periods:\n"
          "  the edit's dispatch: median %7.1f us  p95 %7.1f us (main thread CPU time)\n"
          "  edit and the band's arrival together: median %7.1f us  p95 %7.1f us (main thread CPU time)\n"
          "  edit to band-ready: median %7.1f us  p95 %7.1f us (wall clock, %u edits)\n",
          c->n_stages, c->n_points, c->horizon,
          median_of (edits), p95_of (edits), median_of (shares), p95_of (shares),
          median_of (latencies), p95_of (latencies), latencies->len);
}

/* A drag as the window does it: every step an edit of the document,
 * which copies the project and validates it; the window's session then
 * has the projection service recompute and tells the views. */
static void
run_drag (const Case *c)
{
  FwProject *project = fw_project_new ("Bench");
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwSession) session = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  project->horizon = c->horizon;
  g_ptr_array_add (project->scenarios, make_scenario (c));
  document = fw_document_new (project);
  session = fw_session_new (document);

  for (guint step = 0; step < 2000; step++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double us;

      if (!fw_document_move_point (document, 0, 0, step * 0.18, NULL))
        g_error ("the benchmark's drag was refused");
      us = (double) (g_get_monotonic_time () - t0);
      g_array_append_val (samples, us);
    }

  g_array_sort (samples, compare_doubles);
  printf ("drag step, %2u stages %4u points %5u periods: median %9.1f us  p95 %9.1f us  (%u steps)\n",
          c->n_stages, c->n_points, c->horizon,
          g_array_index (samples, double, samples->len / 2),
          g_array_index (samples, double, samples->len * 95 / 100),
          samples->len);
}

/* The figures' run and the impacts apart, in CPU time (the fastest of
 * seven, after a warm-up): what the projection service's cost model
 * (fw-projection-service.c, cost_of ()) is calibrated on, a stage-period
 * of the figures against one of a batch of FW_LANES impact runs. */
static void
run_costs (const Case *c)
{
  g_autoptr(FwScenario) scenario = make_scenario (c);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  double figures = G_MAXDOUBLE, whole = G_MAXDOUBLE;
  guint batches = (c->n_points + 15) / 16;

  fw_projection_run (projection, scenario, c->horizon);
  for (guint i = 0; i < 7; i++)
    {
      double t0 = thread_cpu_us ();

      fw_projection_run_figures (projection, scenario, c->horizon);
      figures = MIN (figures, thread_cpu_us () - t0);
      t0 = thread_cpu_us ();
      fw_projection_run (projection, scenario, c->horizon);
      whole = MIN (whole, thread_cpu_us () - t0);
    }
  printf ("%2u stages %4u points %6u periods: figures %8.0f us (%.1f ns a stage-period), "
          "impacts %8.0f us (%u batches, %.1f ns a stage-period of a batch)\n",
          c->n_stages, c->n_points, c->horizon, figures,
          1000.0 * figures / ((c->horizon + 1.0) * c->n_stages), whole - figures, batches,
          batches > 0 ? 1000.0 * (whole - figures) / ((c->horizon + 1.0) * c->n_stages * batches) : 0.0);
}

int
main (int   argc,
      char *argv[])
{
  /* The target first: the live recompute of a big wheel. */
  static const Case cases[] = {
    { 16, 200, 60 },
    { 3, 5, 24 },
    { 7, 40, 24 },
    { 16, 1000, 60 },
    { 16, 200, 1000 },
    { 16, 1000, 100000 },
  };

  /* The band's targets (issue 9): 1,000 draws of 16 stages over 60
   * periods, and the whole recompute of 12 stages and 200 points. */
  static const Case band_case = { 16, 200, 60 };
  static const Case edit_case = { 12, 200, 60 };

  /* --costs: what the service's cost model weighs (the template over
   * the longest horizon among them). */
  if (argc > 1 && g_str_equal (argv[1], "--costs"))
    {
      static const Case costs[] = {
        { 3, 5, 100000 }, { 3, 1, 100000 }, { 3, 40, 20000 }, { 16, 16, 10000 }, { 16, 200, 1000 }, { 16, 200, 60 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (costs); i++)
        run_costs (&costs[i]);
      return 0;
    }

  if (argc > 1 && g_str_equal (argv[1], "--band"))
    {
      run_band (&band_case, 1000);
      run_whole_recompute (&edit_case);
      run_main_loop_share (&edit_case);
      run_band_large (&(Case) { 16, 200, 1000 }, FW_BAND_MAX_DRAWS);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_case (&cases[i]);
  run_drag (&cases[0]);
  run_band (&band_case, 1000);
  run_band_large (&(Case) { 16, 200, 1000 }, FW_BAND_MAX_DRAWS);
  run_whole_recompute (&edit_case);
  run_main_loop_share (&edit_case);

  return 0;
}
