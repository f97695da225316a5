/* bench-store.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-store"

/* How long Save and Open take for projects of several sizes: the whole
 * path a user waits on (build the database, serialize, write, sync and
 * rename; read, check defensively, read rows, validate).
 *
 *   meson test -C build --benchmark -v      (or: build/tests/bench-store)
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "fw-store.h"
#include "fw-templates.h"

static FwProject *
make_project (guint n_scenarios,
              guint n_points)
{
  FwProject *project = fw_template_create ("sales-cycle", NULL);
  FwScenario *base = fw_project_get_scenario (project, 0);

  for (guint k = base->points->len; k < n_points; k++)
    {
      g_autofree char *name = g_strdup_printf ("Point %u", k);
      FwPoint *point = fw_point_new (name, k * 1.7);

      point->conversion = 0.01;
      g_ptr_array_add (base->points, point);
    }
  for (guint s = 1; s < n_scenarios; s++)
    {
      FwScenario *copy = fw_scenario_copy (base);

      g_free (copy->name);
      copy->name = g_strdup_printf ("Scenario %u", s + 1);
      g_ptr_array_add (project->scenarios, copy);
    }

  return project;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static void
run_case (const char *dir,
          guint       n_scenarios,
          guint       n_points,
          guint       repeats)
{
  g_autoptr(FwProject) project = make_project (n_scenarios, n_points);
  g_autofree char *path = g_build_filename (dir, "bench.flywheel", NULL);
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf info;

  for (guint i = 0; i < repeats; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FwProject) loaded = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (!fw_store_save (project, path, &error))
        g_error ("save: %s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (saves, ms);

      t0 = g_get_monotonic_time ();
      loaded = fw_store_load (path, &error);
      if (loaded == NULL)
        g_error ("load: %s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (loads, ms);
    }

  g_stat (path, &info);
  printf ("%2u scenarios x %4u points (%8.1f KiB): save median %8.2f ms, open median %8.2f ms\n",
          n_scenarios, n_points, info.st_size / 1024.0, median (saves), median (loads));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-store-XXXXXX", NULL);

  run_case (dir, 1, 0, 50);       /* a template as it comes */
  run_case (dir, 3, 40, 30);      /* a consultant's project */
  run_case (dir, 1, 1000, 20);    /* the most points a scenario holds */
  run_case (dir, 50, 1000, 3);    /* MODEL.md's largest project */

  g_rmdir (dir);
  return 0;
}
