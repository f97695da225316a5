/* bench-json.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-json"

/* How long `flywheel-cli dump` takes to write a project as JSON, apart
 * from reading the file: for names and notes of plain text, and for the
 * longest dump there is, every character a control character written
 * as six bytes ("\u0001", docs/file-format.md "Size limits").
 *
 *   meson test -C build --benchmark -v bench-json   (or: build/tests/bench-json)
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fw-json.h"
#include "fw-test-largest.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* CPU time, not wall time: the figures stay comparable on a machine
 * that others load. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
run_case (const char    *what,
          FwLargestKind  kind,
          guint          n_scenarios,
          guint          repeats)
{
  g_autoptr(FwProject) project = fw_test_largest_project (kind, n_scenarios);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize bytes = 0;

  for (guint i = 0; i < repeats; i++)
    {
      double t0 = cpu_ms ();
      g_autofree char *json = fw_project_to_json (project);
      double ms = cpu_ms () - t0;

      bytes = strlen (json);
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  printf ("dump, %s, %u scenarios (%.1f MB): CPU median %.0f ms, %.0f MB/s\n",
          what, n_scenarios, bytes / 1e6, g_array_index (times, double, repeats / 2),
          bytes / 1e3 / g_array_index (times, double, repeats / 2));
}

int
main (int   argc,
      char *argv[])
{
  /* Five of the largest project's fifty scenarios: a tenth of its dump,
   * enough for a steady figure without 1.3 GiB of memory. */
  run_case ("control characters", FW_LARGEST_FOR_JSON, 5, 5);
  run_case ("four-byte UTF-8", FW_LARGEST_FOR_STORE, 5, 5);
  return 0;
}
