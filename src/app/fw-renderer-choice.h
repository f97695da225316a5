/* fw-renderer-choice.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Picks GTK's cairo renderer instead of its GL one when OpenGL is only a
 * software rasterizer (Mesa's llvmpipe or softpipe: virtual machines,
 * remote desktops, Xvfb), unless the user chose a renderer with
 * GSK_RENDERER. GTK 4.8's GL renderer repaints the whole window on every
 * frame, which on a CPU costs 60 ms or more for this window, while the
 * cairo renderer repaints only what changed (docs/performance.md). GTK
 * itself made the same choice from 4.14 ("Don't use gpu renderers with
 * llvmpipe").
 *
 * The choice is made by setting GSK_RENDERER, and changing the
 * environment is only safe while the process has a single thread
 * (setenv() races with every getenv() in other threads; GLib's
 * g_setenv() documentation says so). Both GApplication (its D-Bus
 * thread) and Mesa (llvmpipe's rasterizer threads, as soon as a GL
 * context exists) start threads. So call this first thing in main(),
 * before g_application_run() or gtk_init(): OpenGL is asked in a child
 * process, forked while this one still has one thread, and only its
 * answer comes back.
 *
 * Returns the renderer chosen ("cairo") or NULL when GTK's default
 * stands (a GPU, no display, no OpenGL, or GSK_RENDERER already set). */
const char *fw_renderer_choose_before_threads (void);

G_END_DECLS
