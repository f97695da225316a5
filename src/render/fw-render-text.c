/* fw-render-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-render-text"

#include <math.h>

#include "fw-render-text.h"
#include "fw-svg-fonts.h"

static void
unhint_metrics (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* See fw_render_text_get_smallest(). One per thread: the window's
 * report and export threads lay text out while the main thread draws,
 * and a test measures what the thread it runs on drew. */
static _Thread_local double smallest_size = INFINITY;

void
fw_render_text_reset_smallest (void)
{
  smallest_size = INFINITY;
}

double
fw_render_text_get_smallest (void)
{
  return smallest_size;
}

PangoContext *
fw_render_text_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  unhint_metrics (context);
  return context;
}

PangoContext *
fw_render_text_context_for_cairo (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  unhint_metrics (context);
  return context;
}

PangoLayout *
fw_render_text_layout (cairo_t      *cr,
                       PangoContext *context,
                       const char   *family,
                       double        size,
                       gboolean      bold,
                       const char   *text)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  g_return_val_if_fail (cr != NULL || context != NULL, NULL);

  if (cr != NULL)
    {
      layout = pango_cairo_create_layout (cr);
      unhint_metrics (pango_layout_get_context (layout));
      pango_layout_context_changed (layout);
    }
  else
    layout = pango_layout_new (context);

  smallest_size = MIN (smallest_size, MAX (size, 1.0));

  font = pango_font_description_new ();
  pango_font_description_set_family (font, family != NULL ? family : "Sans");
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

void
fw_render_text_size (PangoLayout *layout,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

gboolean
fw_render_text_words_whole (PangoLayout *layout)
{
  const char *text;
  GSList *lines;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  if (pango_layout_is_ellipsized (layout))
    return FALSE;
  text = pango_layout_get_text (layout);
  lines = pango_layout_get_lines_readonly (layout);
  /* Every line after the first starts after a space or a hyphen: no
   * word was broken to fit the width. */
  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      gunichar before;

      if (line->start_index <= 0)
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));
      if (!g_unichar_isspace (before) && before != '-' && before != 0x2010 && before != '\n')
        return FALSE;
    }
  return TRUE;
}

/* SVG text -------------------------------------------------------------- */

/* Cairo 1.16's SVG surface draws every glyph as an outline <symbol>: the
 * picture is exact, but no word in it can be searched, edited or
 * restyled. On an export's surface the text is written as <text>
 * instead, one element per line, at the place, size and width Pango gave
 * it (textLength keeps the layout's width in any other font). */
static const cairo_user_data_key_t svg_text_key;

/* What a marked surface's words are written to. */
typedef struct
{
  GString    *elements;
  FwSvgFonts *fonts;
} SvgText;

void
fw_render_text_record_svg (cairo_surface_t *svg,
                           GString         *elements,
                           FwSvgFonts      *fonts)
{
  SvgText *mark = NULL;

  g_return_if_fail (svg != NULL);
  g_return_if_fail ((elements == NULL) == (fonts == NULL));

  if (elements != NULL)
    {
      mark = g_new (SvgText, 1);
      mark->elements = elements;
      mark->fonts = fonts;
    }
  cairo_surface_set_user_data (svg, &svg_text_key, mark, g_free);
}

/* Whether @layout can be said as lines of text: left to right, in a
 * solid colour, with attributes (markup) that change only the font of a
 * run, which a <tspan> says; not a colour, an underline or a shift. */
static gboolean
plain_lines (cairo_t     *cr,
             PangoLayout *layout)
{
  PangoAttrList *attributes = pango_layout_get_attributes (layout);
  gboolean plain = TRUE;
  double r, g, b, a;

  if (pango_layout_is_ellipsized (layout))
    return FALSE;
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (attributes != NULL)
    {
      GSList *list = pango_attr_list_get_attributes (attributes);

      for (GSList *l = list; l != NULL; l = l->next)
        switch (((PangoAttribute *) l->data)->klass->type)
          {
          case PANGO_ATTR_FAMILY:
          case PANGO_ATTR_STYLE:
          case PANGO_ATTR_WEIGHT:
          case PANGO_ATTR_FONT_DESC:
          case PANGO_ATTR_LANGUAGE:
            break;
          default:
            plain = FALSE;
          }
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
    }
  for (GSList *l = pango_layout_get_lines_readonly (layout); plain && l != NULL; l = l->next)
    plain = ((PangoLayoutLine *) l->data)->resolved_dir != PANGO_DIRECTION_RTL;
  return plain;
}

static const char *
number (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
        double value)
{
  /* Locale-independent: a German desktop must not write "12,5". */
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.3f", fabs (value) < 5e-4 ? 0.0 : value);
}

/* Appends <@tag @frame ...>@words</@tag>: @words in @font at (@x, @y),
 * stretched or squeezed to @width, the width Pango gave them; the font
 * named is its embedded copy first (fw-svg-fonts.h). */
static void
append_words (const SvgText *mark,
              const char    *tag,
              const char    *frame,
              PangoFont     *font,
              double         x,
              double         y,
              double         width,
              const char    *words,
              gsize          length)
{
  g_autoptr(PangoFontDescription) described = pango_font_describe_with_absolute_size (font);
  /* Escaped for an attribute already. */
  const char *families = fw_svg_fonts_use (mark->fonts, font, words, length);
  PangoStyle style = pango_font_description_get_style (described);
  g_autofree char *text = g_markup_escape_text (words, length);
  g_autofree char *attributes = NULL;
  char n[4][G_ASCII_DTOSTR_BUF_SIZE];

  attributes = g_markup_printf_escaped (" font-size=\"%s\" font-weight=\"%d\" font-style=\"%s\""
                                        " textLength=\"%s\" lengthAdjust=\"spacingAndGlyphs\"",
                                        number (n[2], (double) pango_font_description_get_size (described)
                                                      / PANGO_SCALE),
                                        (int) pango_font_description_get_weight (described),
                                        style == PANGO_STYLE_ITALIC ? "italic"
                                        : style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal",
                                        number (n[3], width));
  /* @frame is markup already (escaped by the caller). */
  g_string_append_printf (mark->elements, "<%s%s x=\"%s\" y=\"%s\" font-family=\"%s\"%s>%s</%s>",
                          tag, frame, number (n[0], x), number (n[1], y), families, attributes,
                          text, tag);
}

/* One line as a <text>: its runs (each in its font, at its place) as
 * <tspan>s when the line has more than one. */
static void
append_line (const SvgText   *mark,
             cairo_t         *cr,
             PangoLayout     *layout,
             PangoLayoutIter *iter,
             double           x0,
             double           y0)
{
  PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
  const char *text = pango_layout_get_text (layout);
  const char *start = text + line->start_index;
  const char *end = start + line->length;
  g_autofree char *frame = NULL;
  PangoRectangle logical;
  cairo_matrix_t m;
  double r, g, b, a, y;
  int from;
  char n[7][G_ASCII_DTOSTR_BUF_SIZE], colour[8];

  /* A wrapped line keeps the space it broke at: not part of its words. */
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (end == start || line->runs == NULL)
    return;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_line_index_to_x (line, line->start_index, FALSE, &from);
  y = y0 + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  cairo_get_matrix (cr, &m);
  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
  g_snprintf (colour, sizeof colour, "#%02x%02x%02x", (int) round (CLAMP (r, 0, 1) * 255),
              (int) round (CLAMP (g, 0, 1) * 255), (int) round (CLAMP (b, 0, 1) * 255));
  frame = g_markup_printf_escaped (" transform=\"matrix(%s %s %s %s %s %s)\" fill=\"%s\""
                                   " fill-opacity=\"%s\" xml:space=\"preserve\"",
                                   number (n[0], m.xx), number (n[1], m.yx), number (n[2], m.xy),
                                   number (n[3], m.yy), number (n[4], m.x0), number (n[5], m.y0),
                                   colour, number (n[6], CLAMP (a, 0, 1)));

  if (line->runs->next != NULL)
    g_string_append_printf (mark->elements, "<text%s>", frame);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      const PangoItem *item = ((PangoLayoutRun *) l->data)->item;
      const char *run_start = text + item->offset;
      const char *run_end = MIN (run_start + item->length, end);
      int left, right;

      if (run_end <= run_start)
        continue;
      pango_layout_line_index_to_x (line, item->offset, FALSE, &left);
      if (run_end == text + line->start_index + line->length)
        right = from + logical.width;
      else
        pango_layout_line_index_to_x (line, run_end - text, FALSE, &right);
      append_words (mark, line->runs->next != NULL ? "tspan" : "text",
                    line->runs->next != NULL ? "" : frame, item->analysis.font,
                    x0 + (double) (logical.x + left) / PANGO_SCALE, y,
                    (double) (right - left) / PANGO_SCALE, run_start, run_end - run_start);
    }
  g_string_append (mark->elements, line->runs->next != NULL ? "</text>\n" : "\n");
}

void
fw_render_show_layout (cairo_t     *cr,
                       PangoLayout *layout)
{
  const SvgText *mark;
  PangoLayoutIter *iter;
  double x0 = 0.0, y0 = 0.0;

  g_return_if_fail (cr != NULL && PANGO_IS_LAYOUT (layout));

  /* The group target: text drawn into a group (painted later with an
   * opacity or a mask) stays glyphs, composited as drawn. */
  mark = cairo_surface_get_user_data (cairo_get_group_target (cr), &svg_text_key);
  if (mark == NULL || !plain_lines (cr, layout))
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  iter = pango_layout_get_iter (layout);
  do
    append_line (mark, cr, layout, iter, x0, y0);
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
