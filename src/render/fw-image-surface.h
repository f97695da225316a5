/* fw-image-surface.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A cairo image surface for one large picture drawn once (a PNG export,
 * a copied wheel): as cairo_image_surface_create(), cleared, but with its
 * pixels in transparent huge pages where the kernel offers them, so the
 * first touch of 8 MB costs a handful of page faults instead of two
 * thousand (docs/performance.md, "Export"). Falls back to ordinary
 * memory, and is freed by cairo_surface_destroy() either way. */
cairo_surface_t *fw_image_surface_new (cairo_format_t format,
                                       int            width,
                                       int            height);

G_END_DECLS
