/* bench-recovery.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-recovery"

/* How long a recovery copy of the largest project MODEL.md allows takes
 * to write after one edit (issue 8: "a recovery copy is written within
 * 10 seconds of the last edit"), and what each step of it costs.
 *
 *   meson test -C build --benchmark -v bench-recovery
 *   build/tests/bench-recovery [--scenarios N] [--runs N]
 *   build/tests/bench-recovery --write-largest PATH   # the file alone, for a look in the window
 *
 * Each figure is the wall clock and the CPU of the thread that did the
 * work (on a shared machine the wall clock is partly the scheduler's). */

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "fw-bench-clock.h"
#include "fw-file.h"
#include "fw-recovery.h"
#include "fw-store.h"
#include "fw-store-file.h"
#include "fw-test-largest.h"
#include "fw-validate.h"

/* One edit, as the window makes them: the inflow of the first scenario. */
static FwProject *
edited (const FwProject *project)
{
  FwProject *copy = fw_project_copy (project);

  fw_project_edit_scenario (copy, 0, FW_SCENARIO_OWN_VALUES)->inflow = 1234;
  return copy;
}

/* The copy holds what was written: a benchmark of a wrong copy is
 * worth nothing. (Read as a restore reads it; not timed.) */
static void
check_copy (FwRecovery      *recovery,
            const char      *slot,
            const FwProject *expected)
{
  g_autoptr(GError) error = NULL;
  FwRecoveredCopy copy = { (char *) slot, NULL, NULL, NULL, 0 };
  g_autoptr(FwProject) read = fw_recovery_load (recovery, &copy, &error);

  fw_bench_check (read != NULL, error);
  for (guint s = 0; s < expected->scenarios->len; s++)
    if (fw_project_get_scenario (read, s)->inflow != fw_project_get_scenario (expected, s)->inflow)
      {
        fprintf (stderr, "bench-recovery: the copy does not hold the edit\n");
        exit (1);
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProject) changed = NULL;
  g_autoptr(FwProject) again = NULL;
  g_autofree char *identity = NULL;
  FwRecoveryBase base;
  g_autoptr(FwRecovery) recovery = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *out = NULL;
  const char *write_largest = NULL;
  guint n_scenarios = FW_MAX_SCENARIOS;
  guint runs = 2;
  GStatBuf info;
  FwBenchClock c;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--scenarios") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);   /* CLAMP () evaluates it more than once */

          n_scenarios = CLAMP (n, 1, FW_MAX_SCENARIOS);
        }
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          runs = MAX (n, 1);
        }
      else if (g_str_equal (argv[i], "--write-largest") && i + 1 < argc)
        write_largest = argv[++i];
      else
        {
          fprintf (stderr, "usage: bench-recovery [--scenarios N] [--runs N] [--write-largest PATH]\n");
          return 2;
        }
    }

  printf ("bench-recovery: the largest project of %u scenarios (fw-test-largest.c)\n", n_scenarios);
  c = fw_bench_clock_start ();
  project = fw_test_largest_project (FW_LARGEST_FOR_STORE, n_scenarios);
  fw_bench_clock_report ("made in memory", c);

  if (write_largest != NULL)
    {
      fw_bench_check (fw_store_save (project, write_largest, &error), error);
      printf ("written to %s\n", write_largest);
      return 0;
    }

  dir = g_dir_make_tmp ("bench-recovery-XXXXXX", &error);
  fw_bench_check (dir != NULL, error);
  path = g_build_filename (dir, "largest.flywheel", NULL);
  state = g_build_filename (dir, "state", NULL);
  c = fw_bench_clock_start ();
  fw_bench_check (fw_store_save (project, path, &error), error);
  fw_bench_clock_report ("saved as the user's file (fw_store_save)", c);
  g_stat (path, &info);
  printf ("  the file: %.1f MiB\n", info.st_size / 1048576.0);

  changed = edited (project);
  again = fw_project_copy (changed);
  fw_project_edit_scenario (again, n_scenarios - 1, FW_SCENARIO_OWN_VALUES)->inflow = 4321;
  {
    g_autoptr(FwStoreFile) file = fw_store_file_new (path);
    g_autoptr(FwProject) loaded = fw_store_file_load (file, &error);

    fw_bench_check (loaded != NULL, error);
    identity = fw_store_file_get_identity (file);
  }
  recovery = fw_recovery_new (state, &error);
  fw_bench_check (recovery != NULL, error);
  slot = fw_recovery_new_slot (recovery);

  for (guint run = 0; run < runs; run++)
    {
      printf ("run %u\n", run + 1);
      c = fw_bench_clock_start ();
      fw_bench_check (fw_validate_project (changed, &error), error);
      fw_bench_clock_report ("validating the project", c);

      c = fw_bench_clock_start ();
      bytes = fw_store_save_bytes (changed, &error);
      fw_bench_check (bytes != NULL, error);
      fw_bench_clock_report ("building the file in memory (validating too)", c);

      out = g_build_filename (dir, "bytes.flywheel", NULL);
      c = fw_bench_clock_start ();
      fw_bench_check (fw_file_replace (out, bytes, &error), error);
      fw_bench_clock_report ("writing it whole (fw_file_replace: sync, rename)", c);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_unlink (out);
      g_clear_pointer (&out, g_free);

      c = fw_bench_clock_start ();
      fw_bench_check (fw_recovery_write (recovery, slot, changed, path, NULL, &error), error);
      fw_bench_clock_report ("the recovery copy after one edit, whole", c);

      /* As the window makes them: the first copy after opening from the
       * user's file, the next from the copy before it. */
      base.path = path;
      base.identity = identity;
      base.project = project;
      c = fw_bench_clock_start ();
      fw_bench_check (fw_recovery_write_from (recovery, slot, changed, &base, path, identity, &error), error);
      fw_bench_clock_report ("the same from the user's file and the change", c);
      check_copy (recovery, slot, changed);

      base.path = NULL;
      base.identity = NULL;
      base.project = changed;
      c = fw_bench_clock_start ();
      fw_bench_check (fw_recovery_write_from (recovery, slot, again, &base, path, identity, &error), error);
      fw_bench_clock_report ("the next edit's, from the copy before it", c);
      check_copy (recovery, slot, again);
    }

  fw_recovery_remove (recovery, slot);
  fw_recovery_end (recovery);
  g_unlink (path);
  fw_bench_remove_folder (state);
  g_rmdir (dir);
  return 0;
}
