/* fw-bench-clock.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-bench-clock"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "fw-bench-clock.h"

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

FwBenchClock
fw_bench_clock_start (void)
{
  return (FwBenchClock) { g_get_monotonic_time (), thread_cpu_ms () };
}

void
fw_bench_clock_report (const char   *what,
                       FwBenchClock  start)
{
  printf ("  %-56s %9.1f ms wall %9.1f ms CPU\n", what,
          (g_get_monotonic_time () - start.wall) / 1000.0, thread_cpu_ms () - start.cpu);
  fflush (stdout);
}

void
fw_bench_check (gboolean  ok,
                GError   *error)
{
  if (!ok)
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error != NULL ? error->message : "failed");
      exit (1);
    }
}

void
fw_bench_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}
