/* fw-band-thread.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The uncertainty band's own worker thread, at a lower priority than
 * the rest of the program (nice FW_BAND_THREAD_NICE above it).
 *
 * A band of the longest horizon takes seconds of a core; computed in
 * GTask's pool at the main thread's priority it took the core the main
 * loop and the display server wanted after an edit, and the window
 * stuttered (docs/performance.md, "An edit at the longest horizon").
 * Lowered, it yields to them and uses what they leave. With the
 * kernel's autogroups (a desktop session's default) a thread's nice
 * weighs it against the other threads of its own session only, so the
 * band is not starved by other programs any more than before. A thread
 * of its own, since a thread's priority cannot be raised back without
 * privileges: GTask's pool would hand the lowered thread to other work.
 * One thread: bands of several scenarios take their turn. */

#define FW_BAND_THREAD_NICE 10

/* Runs @func for @task (a reference is taken) on the band's thread,
 * as g_task_run_in_thread () would on GTask's pool. */
void fw_band_thread_run (GTask           *task,
                         GTaskThreadFunc  func);

G_END_DECLS
