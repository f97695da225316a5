/* fw-layer-pool.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The pixels of a cached layer that is painted again and again at one
 * size, reused once the screen no longer shows them (cairo renderer).
 *
 * Why: the wheel's static layer is painted again at every roll of its
 * counts, five times a second while the periods play, and a new layer of
 * a large window is megabytes of new memory: a page fault a page, then
 * clearing, then (for memory cairo does not own) a copy when the surface
 * was let go while a render node still showed it. That cost more than
 * painting the layer itself (perf, docs/performance.md, "Playback").
 *
 * When a layer is shown, GTK's cairo node holds a recording that paints
 * the pixels; cairo's snapshot in it holds no reference to them, so the
 * pool holds the recording instead: once nothing else does, the node and
 * every frame that showed it are gone and the pixels can be painted over.
 * Two slots, as GTK keeps the last frame's nodes until the next one. */
typedef struct
{
  cairo_surface_t *pixels;    /* an ARGB32 image surface, owned */
  cairo_surface_t *recording; /* the shown node's recording, or NULL */
} FwLayerSlot;

typedef struct
{
  FwLayerSlot slots[2];
} FwLayerPool;

#define FW_LAYER_POOL_INIT { { { NULL, NULL }, { NULL, NULL } } }

/* Cleared pixels of @width x @height (device scale 1), a new reference
 * the caller drops after painting and showing them: reused ones when a
 * slot is free, new ones otherwise. */
cairo_surface_t *fw_layer_pool_take   (FwLayerPool     *pool,
                                       int              width,
                                       int              height);
/* @node, a cairo node painting @pixels (from fw_layer_pool_take()), now
 * shows them; anything else means the pool can no longer tell when they
 * are free, and lets them go. */
void             fw_layer_pool_shown  (FwLayerPool     *pool,
                                       cairo_surface_t *pixels,
                                       GskRenderNode   *node);
void             fw_layer_pool_clear  (FwLayerPool     *pool);

G_END_DECLS
