/* fw-svg-fonts.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-svg-fonts"

#include <string.h>

#include <hb.h>
#include <hb-subset.h>

#include "fw-svg-fonts.h"

/* One face the SVG's words are drawn in. */
typedef struct
{
  hb_face_t *face;
  /* The family of its embedded copy, or NULL when it is only named. */
  char      *embedded;
  /* The font-family list its words name, escaped for an attribute. */
  char      *families;
  /* Every character it draws: what its copy keeps. */
  hb_set_t  *characters;
  int        weight;
  PangoStyle style;
} Face;

struct _FwSvgFonts
{
  GPtrArray *faces;
};

static void
face_free (Face *face)
{
  hb_face_destroy (face->face);
  hb_set_destroy (face->characters);
  g_free (face->embedded);
  g_free (face->families);
  g_free (face);
}

FwSvgFonts *
fw_svg_fonts_new (void)
{
  FwSvgFonts *fonts = g_new0 (FwSvgFonts, 1);

  fonts->faces = g_ptr_array_new_with_free_func ((GDestroyNotify) face_free);
  return fonts;
}

void
fw_svg_fonts_free (FwSvgFonts *fonts)
{
  if (fonts == NULL)
    return;
  g_ptr_array_unref (fonts->faces);
  g_free (fonts);
}

static gsize
table_length (hb_face_t *face,
              hb_tag_t   tag)
{
  hb_blob_t *blob = hb_face_reference_table (face, tag);
  gsize length = hb_blob_get_length (blob);

  hb_blob_destroy (blob);
  return length;
}

/* Whether @face may be embedded in a document cut to the characters it
 * draws: its licence's OS/2 fsType allows embedding (installable, or
 * for viewing and printing, or editable: the least restrictive bit set
 * counts) and subsetting, and not only as bitmaps; and it has outlines
 * (TrueType or CFF) and a cmap, which a viewer needs to draw <text>
 * with it. A font without an OS/2 table (older Apple fonts) states no
 * restriction. */
static gboolean
may_embed (hb_face_t *face)
{
  hb_blob_t *whole = hb_face_reference_blob (face);
  hb_blob_t *os2 = hb_face_reference_table (face, HB_TAG ('O', 'S', '/', '2'));
  unsigned int length = 0;
  const guint8 *data = (const guint8 *) hb_blob_get_data (os2, &length);
  guint fs_type = length >= 10 ? (guint) data[8] << 8 | data[9] : 0;
  gboolean has_data = hb_blob_get_length (whole) > 0;
  gboolean allowed = TRUE;

  hb_blob_destroy (os2);
  hb_blob_destroy (whole);

  /* Bit 1: restricted licence, unless bit 2 (preview and print) or
   * bit 3 (editable) is set too. */
  if ((fs_type & 0x000e) == 0x0002)
    allowed = FALSE;
  /* Bit 8: no subsetting (the whole font or nothing: we would rather
   * name it than put megabytes in a slide's picture); bit 9: bitmaps
   * only. */
  if (fs_type & 0x0300)
    allowed = FALSE;
  if (!allowed)
    g_debug ("a font's licence (fsType 0x%04x) does not allow embedding: only named", fs_type);

  return allowed && has_data
         && hb_face_get_glyph_count (face) > 1
         && table_length (face, HB_TAG ('c', 'm', 'a', 'p')) > 0
         && (table_length (face, HB_TAG ('g', 'l', 'y', 'f')) > 0
             || table_length (face, HB_TAG ('C', 'F', 'F', ' ')) > 0
             || table_length (face, HB_TAG ('C', 'F', 'F', '2')) > 0);
}

/* @family as a CSS string in single quotes (backslash-escaped inside)
 * in a double-quoted XML attribute: the quotes a CSS reader sees stay
 * plain, only what XML needs is an entity. */
static void
append_css_string (GString    *out,
                   const char *family)
{
  g_string_append_c (out, '\'');
  for (const char *c = family; *c != '\0'; c++)
    switch (*c)
      {
      case '\'':
      case '\\':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *c);
        break;
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        g_string_append_c (out, *c);
      }
  g_string_append_c (out, '\'');
}

/* A family name of the embedded copy's own, so a font of the same name
 * installed on the viewer's machine (another version of it, with other
 * glyphs and widths) is not taken instead: "DejaVu Sans (embedded 1)".
 * Only letters, digits, spaces and hyphens of @family, so it needs no
 * escaping in CSS or XML. */
static char *
embedded_name (const char *family,
               guint       number)
{
  GString *name = g_string_new (NULL);

  for (const char *c = family; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isalnum (u) || u == ' ' || u == '-')
        g_string_append_unichar (name, u);
    }
  g_string_append_printf (name, "%s(embedded %u)", name->len > 0 ? " " : "", number);
  return g_string_free (name, FALSE);
}

static Face *
face_new (FwSvgFonts *fonts,
          hb_face_t  *hb_face,
          PangoFont  *font)
{
  g_autoptr(PangoFontDescription) described = pango_font_describe (font);
  const char *family = pango_font_description_get_family (described);
  GString *families = g_string_new (NULL);
  g_autofree char *named = NULL;
  Face *face = g_new0 (Face, 1);

  if (family == NULL)
    family = "Sans";
  face->face = hb_face_reference (hb_face);
  face->characters = hb_set_create ();
  face->weight = (int) pango_font_description_get_weight (described);
  face->style = pango_font_description_get_style (described);
  if (may_embed (hb_face))
    {
      face->embedded = embedded_name (family, fonts->faces->len + 1);
      append_css_string (families, face->embedded);
      g_string_append (families, ", ");
    }
  append_css_string (families, family);
  g_string_append (families, ", sans-serif");
  face->families = g_string_free (families, FALSE);
  g_ptr_array_add (fonts->faces, face);
  return face;
}

const char *
fw_svg_fonts_use (FwSvgFonts *fonts,
                  PangoFont  *font,
                  const char *text,
                  gssize      length)
{
  hb_font_t *hb_font;
  hb_face_t *hb_face;
  Face *face = NULL;
  const char *end;

  g_return_val_if_fail (fonts != NULL && PANGO_IS_FONT (font) && text != NULL, NULL);

  hb_font = pango_font_get_hb_font (font);
  hb_face = hb_font != NULL ? hb_font_get_face (hb_font) : hb_face_get_empty ();
  /* A handful of faces at most: a list is enough. Pango gives every
   * size of one face file the same hb_face. */
  for (guint i = 0; i < fonts->faces->len && face == NULL; i++)
    if (((Face *) g_ptr_array_index (fonts->faces, i))->face == hb_face)
      face = g_ptr_array_index (fonts->faces, i);
  if (face == NULL)
    face = face_new (fonts, hb_face, font);

  end = length < 0 ? text + strlen (text) : text + length;
  for (const char *c = text; c < end; c = g_utf8_next_char (c))
    hb_set_add (face->characters, g_utf8_get_char (c));
  return face->families;
}

/* @face cut to its characters, or NULL if the subsetter refuses it. */
static hb_blob_t *
subset (const Face *face)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *cut;
  hb_blob_t *blob;

  if (input == NULL)
    return NULL;
  hb_set_union (hb_subset_input_unicode_set (input), face->characters);
  /* Hinting is for small sizes on low-resolution screens; a viewer of a
   * vector picture scales it, and it is a third of a TrueType font. The
   * cmap and the layout tables (GSUB, GPOS, GDEF: kerning, ligatures)
   * stay, for the glyphs of the characters kept: about a fifth of a
   * copy (docs/performance.md, "Export"); the name table keeps the
   * font's names and copyright notice. A MATH table lays out formulas,
   * which <text> never is. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), HB_TAG ('M', 'A', 'T', 'H'));
  cut = hb_subset_or_fail (face->face, input);
  hb_subset_input_destroy (input);
  if (cut == NULL)
    return NULL;
  blob = hb_face_reference_blob (cut);
  hb_face_destroy (cut);
  if (hb_blob_get_length (blob) == 0)
    {
      hb_blob_destroy (blob);
      return NULL;
    }
  return blob;
}

static gboolean
blob_has_table (hb_blob_t *blob,
                hb_tag_t   tag)
{
  hb_face_t *face = hb_face_create (blob, 0);
  gboolean has = table_length (face, tag) > 0;

  hb_face_destroy (face);
  return has;
}

char *
fw_svg_fonts_style (FwSvgFonts *fonts)
{
  g_autoptr(GString) rules = g_string_new (NULL);

  g_return_val_if_fail (fonts != NULL, NULL);

  for (guint i = 0; i < fonts->faces->len; i++)
    {
      const Face *face = g_ptr_array_index (fonts->faces, i);
      hb_blob_t *blob;
      gboolean cff;
      g_autofree char *data = NULL;
      unsigned int length;
      const char *bytes;

      if (face->embedded == NULL || hb_set_is_empty (face->characters))
        continue;
      blob = subset (face);
      if (blob == NULL)
        {
          /* Its words still name its family after the embedded one. */
          g_debug ("the subsetter refused the font of \"%s\": only named", face->embedded);
          continue;
        }
      cff = blob_has_table (blob, HB_TAG ('C', 'F', 'F', ' '))
            || blob_has_table (blob, HB_TAG ('C', 'F', 'F', '2'));
      bytes = hb_blob_get_data (blob, &length);
      data = g_base64_encode ((const guchar *) bytes, length);
      hb_blob_destroy (blob);
      g_string_append_printf (rules,
                              "@font-face { font-family: \"%s\"; src: url(data:%s;base64,%s) format(\"%s\");"
                              " font-weight: %d; font-style: %s; }\n",
                              face->embedded, cff ? "font/otf" : "font/ttf", data,
                              cff ? "opentype" : "truetype", face->weight,
                              face->style == PANGO_STYLE_ITALIC ? "italic"
                              : face->style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
    }
  if (rules->len == 0)
    return g_strdup ("");
  return g_strdup_printf ("\n<defs>\n<style type=\"text/css\">\n%s</style>\n</defs>", rules->str);
}
