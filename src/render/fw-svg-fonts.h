/* fw-svg-fonts.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The fonts an exported SVG's <text> elements are drawn in, embedded in
 * the SVG itself: a client's machine without DejaVu Sans (or whatever
 * font Pango chose) still shows the picture as it was exported, as a PDF
 * does. Each face is cut to the characters it draws (HarfBuzz's
 * subsetter, keeping its cmap and the layout tables for kerning and
 * ligatures, so a viewer that lays out the text again finds every
 * glyph) and written as an @font-face rule with a family name of its
 * own. A face whose licence forbids embedding (OS/2 fsType), a bitmap
 * font, or one the subsetter refuses is only named, as before. */
typedef struct _FwSvgFonts FwSvgFonts;

FwSvgFonts *fw_svg_fonts_new   (void);
void        fw_svg_fonts_free  (FwSvgFonts *fonts);

/* Notes that @font draws @text (@length bytes, or -1 if nul-terminated)
 * and returns the CSS font-family list to give those words: the family
 * of the face's embedded copy first when it may be embedded, then the
 * family @font names, then sans-serif. Owned by @fonts. */
const char *fw_svg_fonts_use   (FwSvgFonts *fonts,
                                PangoFont  *font,
                                const char *text,
                                gssize      length);

/* A <defs> element holding a <style> with one @font-face per face
 * noted, each the face cut to the characters noted for it; "" when no
 * face could be embedded. Newly allocated. */
char       *fw_svg_fonts_style (FwSvgFonts *fonts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwSvgFonts, fw_svg_fonts_free)

G_END_DECLS
