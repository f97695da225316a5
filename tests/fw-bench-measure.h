/* fw-bench-measure.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the window benchmarks read while the window runs: CPU seconds of
 * the calling thread, of this process and of the X server, the load
 * average, and percentiles of what they kept. */

/* CPU seconds used so far by the calling thread. */
double fw_bench_thread_cpu   (void);
/* CPU seconds used so far by this process, all its threads. */
double fw_bench_process_cpu  (void);
/* CPU seconds used so far by the X server tests/with-display.py started
 * (it gives its pid in FW_XVFB_PID), or -1 when that is not known. */
double fw_bench_xvfb_cpu     (void);
/* The load average over the last minute, as `uptime` says it, or -1. */
double fw_bench_load_average (void);
/* The @p-th quantile (0..1) of @values (doubles, sorted in place): the
 * value at index p x (n - 1), rounded down; 0 when there is none. */
double fw_bench_percentile   (GArray *values,
                              double  p);

G_END_DECLS
