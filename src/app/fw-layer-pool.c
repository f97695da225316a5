/* fw-layer-pool.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-layer-pool"

#include <string.h>

#include "fw-layer-pool.h"

static void
slot_clear (FwLayerSlot *slot)
{
  /* The recording first: with its snapshot gone, letting the pixels go
   * copies nothing. Still shown elsewhere, cairo copies them for the
   * snapshot, and the screen stays right. */
  g_clear_pointer (&slot->recording, cairo_surface_destroy);
  g_clear_pointer (&slot->pixels, cairo_surface_destroy);
}

static gboolean
slot_is_free (const FwLayerSlot *slot,
              int                width,
              int                height)
{
  return slot->pixels != NULL &&
         cairo_surface_get_reference_count (slot->pixels) == 1 &&
         (slot->recording == NULL || cairo_surface_get_reference_count (slot->recording) == 1) &&
         cairo_image_surface_get_width (slot->pixels) == width &&
         cairo_image_surface_get_height (slot->pixels) == height;
}

cairo_surface_t *
fw_layer_pool_take (FwLayerPool *pool,
                    int          width,
                    int          height)
{
  guint i;

  g_return_val_if_fail (pool != NULL, NULL);

  for (i = 0; i < G_N_ELEMENTS (pool->slots); i++)
    if (slot_is_free (&pool->slots[i], width, height))
      break;

  if (i < G_N_ELEMENTS (pool->slots))
    {
      FwLayerSlot *slot = &pool->slots[i];

      g_clear_pointer (&slot->recording, cairo_surface_destroy);
      /* Flushing detaches any snapshot still there (none should be) by
       * copying: never a torn picture. */
      cairo_surface_flush (slot->pixels);
      memset (cairo_image_surface_get_data (slot->pixels), 0,
              (gsize) cairo_image_surface_get_stride (slot->pixels) * (gsize) height);
      cairo_surface_mark_dirty (slot->pixels);
      cairo_surface_set_device_scale (slot->pixels, 1.0, 1.0);
    }
  else
    {
      /* None free: new pixels in the empty slot, else in the older one
       * (still on screen, it keeps its picture through cairo's copy).
       * Memory cairo owns, so that a snapshot taking it over at the end
       * steals it instead of copying it. */
      i = pool->slots[0].pixels == NULL ? 0 : 1;
      slot_clear (&pool->slots[i]);
      pool->slots[i].pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }

  /* The newest in slot 0, the older in slot 1. */
  if (i == 1)
    {
      FwLayerSlot newest = pool->slots[1];

      pool->slots[1] = pool->slots[0];
      pool->slots[0] = newest;
    }
  return cairo_surface_reference (pool->slots[0].pixels);
}

void
fw_layer_pool_shown (FwLayerPool     *pool,
                     cairo_surface_t *pixels,
                     GskRenderNode   *node)
{
  g_return_if_fail (pool != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pool->slots); i++)
    {
      FwLayerSlot *slot = &pool->slots[i];

      if (slot->pixels != pixels)
        continue;
      g_clear_pointer (&slot->recording, cairo_surface_destroy);
      if (node != NULL && gsk_render_node_get_node_type (node) == GSK_CAIRO_NODE)
        slot->recording = cairo_surface_reference (gsk_cairo_node_get_surface (node));
      else
        slot_clear (slot);
      return;
    }
}

void
fw_layer_pool_clear (FwLayerPool *pool)
{
  g_return_if_fail (pool != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pool->slots); i++)
    slot_clear (&pool->slots[i]);
}
