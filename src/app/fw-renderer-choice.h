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
 * llvmpipe"). Must run before the first window is shown; returns the
 * renderer chosen ("cairo") or NULL when GTK's default stands. */
const char *fw_renderer_choose (GdkDisplay *display);

G_END_DECLS
