/* fw-render-style.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-layer-pool.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* What the widgets that draw through src/render (the wheel, the chart)
 * share: the theme's colours and font as the painters take them, and a
 * layer painted once into pixels and kept. */

/* Reads the colours and font the theme gives @widget into @style;
 * @family holds the copy of the font's family that style->font_family
 * points at. Returns TRUE when something really changed: GTK calls
 * css_changed for every state change (hover, focus) too, and a view
 * repaints its cached layers only on TRUE. */
gboolean       fw_render_style_update  (GtkWidget     *widget,
                                        FwWheelStyle  *style,
                                        char         **family);

typedef void (*FwRenderPaintFunc) (cairo_t *cr,
                                   gpointer data);

/* A node showing what @paint draws in @width x @height, painted once
 * into pixels at the screen's @scale and kept, never a recording of the
 * vectors themselves (a cairo node of the drawing replays it, vector by
 * vector, every frame: 5 to 9 ms for the wheel's 16 stages and 100
 * points under the cairo renderer). Text stays crisp because the pixels
 * are the device's own.
 *
 * How the pixels are kept depends on @widget's renderer. For GL, a
 * texture, which it uploads once and keeps. GTK 4.8's cairo renderer
 * instead converts a texture's every pixel through floats each time it
 * draws it, whatever the part of it on screen changed (a quarter of a
 * playback frame's CPU, perf, Dec 2026): there the pixels are an image
 * surface a cairo node paints, which pixman copies only where the frame
 * is redrawn, from @pool's reused pixels when not NULL. */
/* The same for @pixels already painted (@width x @height at @scale; from
 * @pool, or NULL): the caller keeps its reference. */
GskRenderNode *fw_render_pixels_node   (GtkWidget         *widget,
                                        FwLayerPool       *pool,
                                        cairo_surface_t   *pixels,
                                        int                width,
                                        int                height,
                                        int                scale);
GskRenderNode *fw_render_texture_node  (GtkWidget         *widget,
                                        FwLayerPool       *pool,
                                        int                width,
                                        int                height,
                                        int                scale,
                                        FwRenderPaintFunc  paint,
                                        gpointer           data);

G_END_DECLS
