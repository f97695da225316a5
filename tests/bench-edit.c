/* bench-edit.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-edit"

/* What one edit of the largest project MODEL.md allows costs the main
 * loop, what undo holds after many, and how soon the recovery copy of
 * an edit is on disk (issue 8, "Never lose work").
 *
 *   meson test -C build --benchmark -v bench-edit
 *   build/tests/bench-edit [--scenarios N] [--runs N] [--edits N]
 *
 * "before" is what an edit did until versions shared scenarios: the
 * whole project copied deep and validated whole (then the recovery copy
 * compared every field of every scenario with the copy before); "after"
 * is FwDocument's edit as it is. The two alternate run by run, so that
 * both see the same load on a shared machine. Each figure is the wall
 * clock and the CPU of the thread that did the work. */

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "fw-bench-clock.h"
#include "fw-document.h"
#include "fw-recovery.h"
#include "fw-store.h"
#include "fw-store-file.h"
#include "fw-test-largest.h"
#include "fw-validate.h"

/* The heap in use, in MiB: what is allocated and not freed (the
 * resident size would count memory freed but kept by malloc). */
static double
heap_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / 1048576.0;
}

static void
print_load (void)
{
  g_autofree char *load = NULL;

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    printf ("load average: %s", load);
}

/* What fw_project_copy () did before versions shared scenarios. */
static FwProject *
deep_copy (const FwProject *project)
{
  FwProject *copy = fw_project_new (project->name);

  copy->period = project->period;
  copy->horizon = project->horizon;
  for (guint s = 0; s < project->scenarios->len; s++)
    g_ptr_array_add (copy->scenarios, fw_scenario_copy (fw_project_get_scenario (project, s)));
  return copy;
}

/* The edit as it was: a deep copy of the whole project, one field
 * changed, the whole project validated. */
static FwProject *
edit_before (const FwProject *project,
             guint            scenario,
             double           count)
{
  FwProject *copy = deep_copy (project);

  fw_scenario_get_stage (fw_project_get_scenario (copy, scenario), 0)->count = count;
  fw_bench_check (fw_validate_project (copy, NULL), NULL);
  return copy;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwProject) old_version = NULL;
  g_autoptr(FwRecovery) recovery = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *slot_before = NULL;
  g_autofree char *slot_after = NULL;
  const FwProject *lent;
  FwRecoveryBase base_before, base_after;
  guint n_scenarios = FW_MAX_SCENARIOS;
  guint runs = 3;
  guint edits = 40;
  guint undo_steps = 0;
  double heap;
  FwBenchClock c;

  for (int i = 1; i < argc; i++)
    {
      int n = i + 1 < argc ? atoi (argv[i + 1]) : 0;   /* CLAMP () evaluates it more than once */

      if (g_str_equal (argv[i], "--scenarios") && i + 1 < argc)
        n_scenarios = CLAMP (n, 1, FW_MAX_SCENARIOS);
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = MAX (n, 1);
      else if (g_str_equal (argv[i], "--edits") && i + 1 < argc)
        edits = MAX (n, 1);
      else
        {
          fprintf (stderr, "usage: bench-edit [--scenarios N] [--runs N] [--edits N]\n");
          return 2;
        }
      i++;
    }

  printf ("bench-edit: the largest project of %u scenarios (fw-test-largest.c)\n", n_scenarios);
  print_load ();
  c = fw_bench_clock_start ();
  document = fw_document_new_validated (fw_test_largest_project (FW_LARGEST_FOR_STORE, n_scenarios));
  old_version = deep_copy (fw_document_get_project (document));
  fw_bench_clock_report ("made in memory (twice)", c);

  dir = g_dir_make_tmp ("bench-edit-XXXXXX", &error);
  fw_bench_check (dir != NULL, error);
  path = g_build_filename (dir, "largest.flywheel", NULL);
  state = g_build_filename (dir, "state", NULL);
  {
    g_autoptr(FwStoreFile) file = fw_store_file_new (path);

    c = fw_bench_clock_start ();
    fw_bench_check (fw_store_file_save (file, fw_document_get_project (document), &error), error);
    fw_bench_clock_report ("saved as the user's file", c);
    identity = fw_store_file_get_identity (file);
  }
  fw_document_mark_saved (document);
  recovery = fw_recovery_new (state, &error);
  fw_bench_check (recovery != NULL, error);
  slot_before = fw_recovery_new_slot (recovery);
  slot_after = fw_recovery_new_slot (recovery);
  /* The first copies come from the user's file, the next from the copy
   * before, as the window writes them. */
  base_before = (FwRecoveryBase) { path, identity, old_version };
  lent = fw_document_lend (document);
  base_after = (FwRecoveryBase) { path, identity, lent };

  printf ("one edit (a stage's count, another scenario each run), then its recovery copy\n");
  for (guint run = 0; run < runs; run++)
    {
      guint scenario = (run + 1) % n_scenarios;
      FwProject *edited;
      const FwProject *now;

      printf ("run %u\n", run + 1);
      c = fw_bench_clock_start ();
      edited = edit_before (old_version, scenario, run + 1);
      fw_bench_clock_report ("before: copy the project, validate it whole", c);
      c = fw_bench_clock_start ();
      fw_bench_check (fw_recovery_write_from (recovery, slot_before, edited, &base_before, path, identity, &error), error);
      fw_bench_clock_report ("before: its recovery copy (every field compared)", c);
      g_clear_pointer (&old_version, fw_project_free);
      old_version = edited;
      base_before = (FwRecoveryBase) { NULL, NULL, old_version };

      c = fw_bench_clock_start ();
      fw_bench_check (fw_document_set_stage_field (document, scenario, 0, FW_STAGE_COUNT, run + 1, &error), error);
      fw_bench_clock_report ("after: fw_document_set_stage_field ()", c);
      now = fw_document_lend (document);
      c = fw_bench_clock_start ();
      fw_bench_check (fw_recovery_write_from (recovery, slot_after, now, &base_after, path, identity, &error), error);
      fw_bench_clock_report ("after: its recovery copy (shared scenarios skipped)", c);
      fw_document_give_back (document, base_after.project);
      base_after = (FwRecoveryBase) { NULL, NULL, now };

      c = fw_bench_clock_start ();
      fw_bench_check (fw_document_move_point (document, scenario, run % 2, run + 1.5, &error), error);
      fw_bench_clock_report ("after: fw_document_move_point () (copies 1000 points)", c);
    }
  fw_document_give_back (document, base_after.project);
  g_clear_pointer (&old_version, fw_project_free);

  printf ("memory: %u more edits, stage counts and point moves in turn\n", edits);
  printf ("  before, each undo step held the whole project: %.0f MiB\n",
          fw_project_bytes_apart (fw_document_get_project (document), NULL) / 1048576.0);
  heap = heap_mib ();
  c = fw_bench_clock_start ();
  for (guint i = 0; i < edits; i++)
    {
      guint scenario = i % n_scenarios;

      if (i % 2 == 0)
        fw_bench_check (fw_document_set_stage_field (document, scenario, 1, FW_STAGE_COUNT, i, &error), error);
      else
        fw_bench_check (fw_document_move_point (document, scenario, 0, i, &error), error);
    }
  fw_bench_clock_report ("the edits", c);
  printf ("  heap in use %.0f MiB -> %.0f MiB\n", heap, heap_mib ());
  while (fw_document_undo (document))
    undo_steps++;
  printf ("  undo steps kept: %u\n", undo_steps);

  fw_recovery_remove (recovery, slot_before);
  fw_recovery_remove (recovery, slot_after);
  fw_recovery_end (recovery);
  g_unlink (path);
  fw_bench_remove_folder (state);
  g_rmdir (dir);
  return 0;
}
