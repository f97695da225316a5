/* fw-render-text.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "fw-svg-fonts.h"

G_BEGIN_DECLS

/* Text for everything src/render draws (the wheel, the chart), set up one
 * way: an absolute size in user units and metrics that do not snap to the
 * device grid, so the same text takes the same room on screen, in a PNG
 * and in a PDF, at any scale, and can be measured before any surface
 * exists (to lay out a chart that is hit-tested before it is drawn). */

/* A context to measure text with, no surface needed: the same metrics as
 * a layout made on a cairo_t by fw_render_text_layout(). */
PangoContext *fw_render_text_context_new (void);
/* A context for drawing many texts on @cr: what fw_render_text_layout()
 * makes for each text when given @cr, made once (a context costs more
 * than laying out a short label). Valid while @cr's transformation and
 * target stay the same. */
PangoContext *fw_render_text_context_for_cairo (cairo_t *cr);

/* A layout of @text in @family ("Sans" when NULL) at @size user units,
 * made on @cr, or on @context when @cr is NULL. */
PangoLayout  *fw_render_text_layout      (cairo_t      *cr,
                                          PangoContext *context,
                                          const char   *family,
                                          double        size,
                                          gboolean      bold,
                                          const char   *text);

/* The logical size of @layout in user units. */
void          fw_render_text_size        (PangoLayout  *layout,
                                          double       *width,
                                          double       *height);

/* Whether @layout shows every word of its text whole: not ellipsized,
 * and wrapped, if at all, only between words (never a word broken
 * across two lines because it is wider than the layout). */
gboolean      fw_render_text_words_whole (PangoLayout  *layout);

/* Draws @layout at @cr's current point, as pango_cairo_show_layout()
 * does, except on a surface marked by fw_render_text_record_svg(): there
 * each line of a layout that is not ellipsized, runs left to right, is
 * drawn in a solid colour and has no attributes but fonts (markup such
 * as <b>) is appended to the mark's string as an SVG <text> element
 * (a <tspan> per font) instead of glyph outlines, so an exported SVG's
 * words can be searched and edited in a slide tool. */
void          fw_render_show_layout      (cairo_t      *cr,
                                          PangoLayout  *layout);

/* Marks @svg (a Cairo SVG surface, whose device space is the SVG's user
 * space) so that fw_render_show_layout() appends <text> elements to
 * @elements and notes the fonts their words use in @fonts (whose
 * fw_svg_fonts_style() then embeds them); both must outlive the drawing.
 * NULL for both removes the mark. */
void          fw_render_text_record_svg  (cairo_surface_t *svg,
                                          GString         *elements,
                                          FwSvgFonts      *fonts);

/* The smallest size any layout was made at by the calling thread since
 * its last reset (INFINITY when none): what a test measures to know that
 * nothing drawn is too small to read. */
void          fw_render_text_reset_smallest (void);
double        fw_render_text_get_smallest   (void);

G_END_DECLS
