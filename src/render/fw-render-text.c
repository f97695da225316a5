/* fw-render-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-render-text"

#include <math.h>

#include "fw-render-text.h"

static void
unhint_metrics (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* See fw_render_text_get_smallest(). */
static double smallest_size = INFINITY;

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
