/* bench-engine.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-engine"

/* How long the window's live recompute takes: every figure and every
 * point's impact, for wheels of several sizes. Speed is measured here,
 * never asserted in a test; docs/performance.md keeps the figures.
 *
 *   meson test -C build --benchmark -v      (or: build/tests/bench-engine)
 */

#include <math.h>
#include <stdio.h>

#include "fw-document.h"
#include "fw-engine.h"
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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_case (&cases[i]);
  run_drag (&cases[0]);

  return 0;
}
