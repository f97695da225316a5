/* fw-bench-clock.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks that time one step at a time share: each figure is
 * the wall clock and the CPU of the thread that did the work (on a
 * shared machine the wall clock is partly the scheduler's). */
typedef struct
{
  gint64 wall;
  double cpu;
} FwBenchClock;

FwBenchClock fw_bench_clock_start  (void);
/* Prints "  @what  ... ms wall ... ms CPU" since @start. */
void         fw_bench_clock_report (const char   *what,
                                    FwBenchClock  start);
/* Exits with @error's message (or "failed") when @ok is FALSE. */
void         fw_bench_check        (gboolean      ok,
                                    GError       *error);
/* Removes folder @path and the files in it. */
void         fw_bench_remove_folder (const char  *path);

G_END_DECLS
