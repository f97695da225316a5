/* test-svg-fonts.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-svg-fonts"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fw-export.h"
#include "fw-svg-fonts.h"
#include "fw-templates.h"

/* An exported SVG carries the fonts of its words (fw-svg-fonts.h): read
 * back as a client's viewer would, each @font-face in its <style> is a
 * font HarfBuzz loads, with glyphs, and its cmap has every character of
 * every <text> that names it first; one @font-face per face used. A font
 * whose licence forbids embedding is only named, and the export still
 * succeeds. */

/* Reading an SVG back ------------------------------------------------------ */

/* Words drawn in one font: the characters of a <text> or <tspan>. */
typedef struct
{
  char *family;  /* the first family its font-family names */
  int   weight;
  char *words;
} Piece;

typedef struct
{
  GPtrArray *pieces;
  GString   *style;
  /* The element being read and its font, innermost last. */
  GPtrArray *elements;
  GPtrArray *families;
  GArray    *weights;
} Svg;

static void
piece_free (Piece *piece)
{
  g_free (piece->family);
  g_free (piece->words);
  g_free (piece);
}

/* The first family of a CSS font-family list: "'A (embedded 1)', 'A',
 * sans-serif" gives "A (embedded 1)". */
static char *
first_family (const char *list)
{
  const char *end;

  if (list == NULL)
    return NULL;
  while (*list == ' ')
    list++;
  if (*list == '\'' || *list == '"')
    {
      end = strchr (list + 1, *list);
      g_assert_nonnull (end);
      return g_strndup (list + 1, end - list - 1);
    }
  end = strchr (list, ',');
  return end != NULL ? g_strndup (list, end - list) : g_strdup (list);
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  Svg *svg = data;
  const char *family = NULL, *weight = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "font-family"))
      family = values[i];
    else if (g_str_equal (names[i], "font-weight"))
      weight = values[i];
  /* A <tspan> without a font of its own takes its <text>'s. */
  if (family == NULL && svg->families->len > 0)
    family = g_ptr_array_index (svg->families, svg->families->len - 1);
  if (weight == NULL && svg->weights->len > 0)
    g_array_append_val (svg->weights, g_array_index (svg->weights, int, svg->weights->len - 1));
  else
    {
      int value = weight != NULL ? atoi (weight) : 400;

      g_array_append_val (svg->weights, value);
    }
  g_ptr_array_add (svg->elements, g_strdup (name));
  g_ptr_array_add (svg->families, g_strdup (family));
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              data,
         GError              **error)
{
  Svg *svg = data;

  g_ptr_array_set_size (svg->elements, svg->elements->len - 1);
  g_ptr_array_set_size (svg->families, svg->families->len - 1);
  g_array_set_size (svg->weights, svg->weights->len - 1);
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              data,
          GError              **error)
{
  Svg *svg = data;
  const char *element;
  Piece *piece;

  if (svg->elements->len == 0)
    return;
  element = g_ptr_array_index (svg->elements, svg->elements->len - 1);
  if (g_str_equal (element, "style"))
    {
      g_string_append_len (svg->style, text, length);
      return;
    }
  if (!g_str_equal (element, "text") && !g_str_equal (element, "tspan"))
    return;
  piece = g_new0 (Piece, 1);
  piece->family = first_family (g_ptr_array_index (svg->families, svg->families->len - 1));
  piece->weight = g_array_index (svg->weights, int, svg->weights->len - 1);
  piece->words = g_strndup (text, length);
  g_ptr_array_add (svg->pieces, piece);
}

/* Reads @bytes as XML (failing the test if it is not) into @svg. */
static void
svg_read (Svg    *svg,
          GBytes *bytes)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  svg->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  svg->style = g_string_new (NULL);
  svg->elements = g_ptr_array_new_with_free_func (g_free);
  svg->families = g_ptr_array_new_with_free_func (g_free);
  svg->weights = g_array_new (FALSE, FALSE, sizeof (int));
  context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
svg_clear (Svg *svg)
{
  g_ptr_array_unref (svg->pieces);
  g_string_free (svg->style, TRUE);
  g_ptr_array_unref (svg->elements);
  g_ptr_array_unref (svg->families);
  g_array_unref (svg->weights);
}

/* An @font-face of the style, its font loaded by HarfBuzz. */
typedef struct
{
  hb_face_t *face;
  hb_font_t *font;
  int        weight;
  guint      used;
} Embedded;

static void
embedded_free (Embedded *embedded)
{
  hb_font_destroy (embedded->font);
  hb_face_destroy (embedded->face);
  g_free (embedded);
}

/* The @font-face rules of @style by family, each decoded from base64
 * and loaded with HarfBuzz: a font with glyphs and a cmap. */
static GHashTable *
embedded_fonts (const char *style)
{
  GHashTable *fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) embedded_free);
  g_autoptr(GRegex) rule = g_regex_new ("@font-face\\s*\\{\\s*font-family:\\s*\"([^\"]+)\";"
                                        "\\s*src:\\s*url\\(data:font/(ttf|otf);base64,([A-Za-z0-9+/=]+)\\)"
                                        "\\s*format\\(\"(truetype|opentype)\"\\);"
                                        "\\s*font-weight:\\s*([0-9]+);", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint rules = 0;

  for (const char *at = style; (at = strstr (at, "@font-face")) != NULL; at++)
    rules++;
  g_regex_match (rule, style, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *family = g_match_info_fetch (match, 1);
      g_autofree char *encoded = g_match_info_fetch (match, 3);
      g_autofree char *weight = g_match_info_fetch (match, 5);
      gsize length;
      guchar *data = g_base64_decode (encoded, &length);
      hb_blob_t *blob = hb_blob_create ((const char *) data, length, HB_MEMORY_MODE_READONLY,
                                        data, g_free);
      Embedded *embedded = g_new0 (Embedded, 1);

      embedded->face = hb_face_create (blob, 0);
      embedded->font = hb_font_create (embedded->face);
      embedded->weight = atoi (weight);
      hb_blob_destroy (blob);
      g_assert_cmpuint (hb_face_get_glyph_count (embedded->face), >, 1);
      /* One rule per face: no family twice. */
      g_assert_false (g_hash_table_contains (fonts, family));
      g_hash_table_insert (fonts, g_steal_pointer (&family), embedded);
    }
  /* Every rule is one the pattern read. */
  g_assert_cmpuint (g_hash_table_size (fonts), ==, rules);
  return fonts;
}

/* Checks @bytes: valid XML whose every word is drawn in an embedded
 * font that has it, one @font-face per face used (each used, with the
 * weight its words ask for). Gives the number of @font-face rules. */
static guint
assert_fonts_embedded (GBytes     *bytes,
                       const char *what)
{
  Svg svg = { 0 };
  g_autoptr(GHashTable) fonts = NULL;
  GHashTableIter iter;
  Embedded *embedded;
  guint n_characters = 0, n_fonts;

  svg_read (&svg, bytes);
  fonts = embedded_fonts (svg.style->str);
  g_assert_cmpuint (svg.pieces->len, >, 0);
  for (guint i = 0; i < svg.pieces->len; i++)
    {
      const Piece *piece = g_ptr_array_index (svg.pieces, i);

      if (piece->family == NULL)
        {
          /* Only the spacing between a <text>'s <tspan>s has no font. */
          for (const char *c = piece->words; *c != '\0'; c++)
            g_assert_true (g_ascii_isspace (*c));
          continue;
        }
      embedded = g_hash_table_lookup (fonts, piece->family);
      if (embedded == NULL)
        g_error ("%s: \"%s\" is drawn in \"%s\", which the SVG does not embed",
                 what, piece->words, piece->family);
      embedded->used++;
      g_assert_cmpint (embedded->weight, ==, piece->weight);
      for (const char *c = piece->words; *c != '\0'; c = g_utf8_next_char (c))
        {
          hb_codepoint_t glyph = 0;
          gunichar u = g_utf8_get_char (c);

          if (!hb_font_get_nominal_glyph (embedded->font, u, &glyph) || glyph == 0)
            g_error ("%s: the font embedded as \"%s\" has no glyph for U+%04X in \"%s\"",
                     what, piece->family, u, piece->words);
          n_characters++;
        }
    }
  g_hash_table_iter_init (&iter, fonts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &embedded))
    g_assert_cmpuint (embedded->used, >, 0);
  n_fonts = g_hash_table_size (fonts);
  g_test_message ("%s: %u characters in %u embedded fonts, %" G_GSIZE_FORMAT " bytes",
                  what, n_characters, n_fonts, g_bytes_get_size (bytes));
  svg_clear (&svg);
  return n_fonts;
}

/* Projects ----------------------------------------------------------------- */

static GBytes *
export (const FwProject *project,
        FwExportView     view)
{
  const guint shown[] = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = fw_export_project (project, shown, 1, NULL, FW_EXPORT_SVG, view,
                                     960, 540, 3, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* A German and French client's wheel: umlauts, ß, accents, an en dash,
 * and the caption's "·" between the project's and the scenario's names. */
static FwProject *
accented_project (void)
{
  static const char *stages[] = {
    "Größe prüfen", "Première visite", "Angebot – Entwurf", "Clients fidèles",
  };
  FwProject *project = fw_project_new ("Nordlicht Möbelwerkstatt");
  FwScenario *scenario = fw_scenario_new ("Günstiger Frühling – été");

  scenario->inflow = 80;
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      FwStage *stage = fw_stage_new (stages[i], i);

      stage->count = 120.0 * (i + 1);
      stage->customer = i == G_N_ELEMENTS (stages) - 1;
      stage->advance = stage->customer ? 0 : 0.3;
      stage->loss = 0.1;
      stage->referral = stage->customer ? 0.2 : 0;
      g_ptr_array_add (scenario->stages, stage);
    }
  g_ptr_array_add (scenario->points, fw_point_new ("Bouche-à-oreille", 200.0));
  ((FwPoint *) g_ptr_array_index (scenario->points, 0))->kind = FW_POINT_FORCE;
  ((FwPoint *) g_ptr_array_index (scenario->points, 0))->referral = 0.2;
  g_ptr_array_add (scenario->points, fw_point_new ("Lieferzeit zu lang", 60.0));
  ((FwPoint *) g_ptr_array_index (scenario->points, 1))->conversion = -0.2;
  g_ptr_array_add (project->scenarios, scenario);
  return project;
}

static void
test_templates_embed_their_fonts (void)
{
  guint n_templates;
  const FwTemplateInfo *templates = fw_templates_list (&n_templates);

  for (guint t = 0; t < n_templates; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FwProject) project = fw_template_create (templates[t].id, &error);
      g_autoptr(GBytes) wheel = NULL;
      g_autoptr(GBytes) chart = NULL;
      g_autofree char *wheel_name = g_strdup_printf ("%s wheel", templates[t].id);
      g_autofree char *chart_name = g_strdup_printf ("%s chart", templates[t].id);

      g_assert_no_error (error);
      wheel = export (project, FW_EXPORT_WHEEL);
      chart = export (project, FW_EXPORT_CHART);
      /* The wheel's words are in two weights: two faces. */
      g_assert_cmpuint (assert_fonts_embedded (wheel, wheel_name), >=, 2);
      g_assert_cmpuint (assert_fonts_embedded (chart, chart_name), >=, 1);
    }
}

static void
test_accented_names_are_covered (void)
{
  g_autoptr(FwProject) project = accented_project ();
  g_autoptr(GBytes) wheel = export (project, FW_EXPORT_WHEEL);
  g_autoptr(GBytes) chart = export (project, FW_EXPORT_CHART);
  gsize length;
  const char *data = g_bytes_get_data (wheel, &length);

  /* The names are there as words, to be covered. */
  g_assert_nonnull (g_strstr_len (data, length, "Größe prüfen"));
  g_assert_nonnull (g_strstr_len (data, length, "Angebot – Entwurf"));
  g_assert_nonnull (g_strstr_len (data, length, "Nordlicht Möbelwerkstatt · "));
  assert_fonts_embedded (wheel, "accented wheel");
  assert_fonts_embedded (chart, "accented chart");
}

/* Fonts that may not be embedded ------------------------------------------- */

/* The font Pango draws @description ("DejaVu Sans 12") with. */
static PangoFont *
load_font (const char *description)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *described = pango_font_description_from_string (description);
  PangoFont *font = pango_font_map_load_font (map, context, described);

  pango_font_description_free (described);
  g_object_unref (context);
  g_assert_nonnull (font);
  return font;
}

/* The bytes of the face Pango draws @description with, as its file. */
static GBytes *
system_font_bytes (const char *description)
{
  g_autoptr(PangoFont) font = load_font (description);
  hb_blob_t *blob = hb_face_reference_blob (hb_font_get_face (pango_font_get_hb_font (font)));
  unsigned int length;
  const char *data = hb_blob_get_data (blob, &length);
  GBytes *bytes = g_bytes_new (data, length);

  hb_blob_destroy (blob);
  g_assert_cmpuint (length, >, 1000);
  return bytes;
}

/* @font with its OS/2 table's fsType (the licence's embedding bits) set
 * to @fs_type, written to @path. */
static void
write_with_fs_type (GBytes     *font,
                    guint       fs_type,
                    const char *path)
{
  gsize length;
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (font), &length);
  guint n_tables = data[4] << 8 | data[5];
  gboolean found = FALSE;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *record = data + 12 + 16 * i;
      guint32 offset = (guint32) record[8] << 24 | record[9] << 16 | record[10] << 8 | record[11];

      if (memcmp (record, "OS/2", 4) != 0)
        continue;
      g_assert_cmpuint (offset + 10, <=, length);
      data[offset + 8] = fs_type >> 8;
      data[offset + 9] = fs_type & 0xff;
      found = TRUE;
    }
  g_assert_true (found);
  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);
  g_free (data);
}

/* Exports the accented wheel with @path the only font there is (the
 * default font map made anew over a fontconfig configuration holding
 * it alone) and gives the number of fonts it embeds; when none, its
 * words name @family, as before fonts were embedded. */
static guint
export_with_only (const char *path,
                  const char *family)
{
  FcConfig *config = FcConfigCreate ();
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  g_autoptr(FwProject) project = accented_project ();
  g_autoptr(GBytes) wheel = NULL;
  Svg svg = { 0 };
  guint n_faces = 0;

  g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) path));
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
  g_object_unref (map);

  wheel = export (project, FW_EXPORT_WHEEL);
  svg_read (&svg, wheel);
  for (const char *at = svg.style->str; (at = strstr (at, "@font-face")) != NULL; at++)
    n_faces++;
  /* With nothing embedded, the words name the font as before. */
  for (guint i = 0; i < svg.pieces->len && n_faces == 0; i++)
    {
      const Piece *piece = g_ptr_array_index (svg.pieces, i);

      if (piece->family != NULL)
        g_assert_cmpstr (piece->family, ==, family);
    }
  if (n_faces > 0)
    assert_fonts_embedded (wheel, path);
  svg_clear (&svg);
  pango_cairo_font_map_set_default (NULL);
  return n_faces;
}

static void
test_licence_forbids_embedding (void)
{
  g_autoptr(GBytes) font = system_font_bytes ("DejaVu Sans 12");
  g_autofree char *dir = g_dir_make_tmp ("test-svg-fonts-XXXXXX", NULL);
  static const struct { guint fs_type; gboolean embedded; const char *what; } cases[] = {
    { 0x0000, TRUE,  "installable" },
    { 0x0002, FALSE, "restricted licence" },
    { 0x0004, TRUE,  "preview and print" },
    { 0x0006, TRUE,  "restricted, but preview and print" },
    { 0x0008, TRUE,  "editable" },
    { 0x0108, FALSE, "editable, no subsetting" },
    { 0x0200, FALSE, "bitmaps only" },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("fs-type-%04x.ttf", cases[i].fs_type);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      write_with_fs_type (font, cases[i].fs_type, path);
      g_test_message ("fsType 0x%04x, %s", cases[i].fs_type, cases[i].what);
      g_assert_cmpuint (export_with_only (path, "DejaVu Sans") > 0, ==, cases[i].embedded);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A font with PostScript (CFF) outlines, as OpenType fonts such as
 * Cantarell have, is embedded as one, and covers the words too. */
static void
test_cff_font (void)
{
  g_autoptr(GBytes) font = system_font_bytes ("Cantarell 12");
  g_autofree char *dir = g_dir_make_tmp ("test-svg-fonts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cff.otf", NULL);
  g_autoptr(GError) error = NULL;
  hb_blob_t *blob = hb_blob_create (g_bytes_get_data (font, NULL), g_bytes_get_size (font),
                                    HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_face_t *face = hb_face_create (blob, 0);
  hb_blob_t *cff = hb_face_reference_table (face, HB_TAG ('C', 'F', 'F', ' '));
  gboolean is_cff = hb_blob_get_length (cff) > 0;

  hb_blob_destroy (cff);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  if (!is_cff)
    {
      g_test_skip ("no font with CFF outlines (Cantarell) installed");
      g_rmdir (dir);
      return;
    }
  g_file_set_contents (path, g_bytes_get_data (font, NULL), g_bytes_get_size (font), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (export_with_only (path, "Cantarell"), >=, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* The module's own words: the family list a piece of text names, and
 * the <defs> it writes (nothing when no words were noted). */
static void
test_use_and_style (void)
{
  g_autoptr(PangoFont) font = load_font ("DejaVu Sans 12");
  g_autoptr(FwSvgFonts) fonts = fw_svg_fonts_new ();
  g_autofree char *style = NULL;

  g_assert_cmpstr (fw_svg_fonts_use (fonts, font, "Größe – é", -1), ==,
                   "'DejaVu Sans (embedded 1)', 'DejaVu Sans', sans-serif");
  style = fw_svg_fonts_style (fonts);
  g_assert_nonnull (strstr (style, "<defs>\n<style type=\"text/css\">\n@font-face { font-family: \"DejaVu Sans (embedded 1)\";"));
  /* No words, nothing to embed. */
  {
    g_autoptr(FwSvgFonts) unused = fw_svg_fonts_new ();
    g_autofree char *empty = fw_svg_fonts_style (unused);

    g_assert_cmpstr (empty, ==, "");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/svg-fonts/templates", test_templates_embed_their_fonts);
  g_test_add_func ("/svg-fonts/accented-names", test_accented_names_are_covered);
  g_test_add_func ("/svg-fonts/licence", test_licence_forbids_embedding);
  g_test_add_func ("/svg-fonts/cff", test_cff_font);
  g_test_add_func ("/svg-fonts/use-and-style", test_use_and_style);

  return g_test_run ();
}
