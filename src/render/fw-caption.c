/* fw-caption.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-caption"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-caption.h"
#include "fw-period-words.h"
#include "fw-render-text.h"

/* The caption's text size: a little above the wheel's stage names
 * (2.1% of the shorter side) so it reads as the picture's title, and
 * never below the wheel's own floor for text (12 units). */
#define CAPTION_SHARE    0.024
#define CAPTION_MIN_SIZE 12.0
/* Blank room around the caption, in lines of its text: it must not
 * touch the picture's edge, nor the wheel's lowest label. */
#define CAPTION_PAD      0.6

char *
fw_caption_text (const FwProject  *project,
                 const FwScenario *scenario,
                 guint             period)
{
  g_autofree char *position = NULL;

  g_return_val_if_fail (project != NULL && scenario != NULL, NULL);

  position = fw_period_words_position (project->period, period, project->horizon);
  /* TRANSLATORS: an exported wheel's caption: project, scenario, and
   * "Month 6 of 24" */
  return g_strdup_printf (_("%s · %s · %s"), project->name, scenario->name, position);
}

static double
caption_size (double width,
              double height)
{
  return MAX (MIN (width, height) * CAPTION_SHARE, CAPTION_MIN_SIZE);
}

static PangoLayout *
caption_layout (cairo_t    *cr,
                const char *family,
                const char *text,
                double      width,
                double      height)
{
  PangoContext *context = cr == NULL ? fw_render_text_context_new () : NULL;
  double size = caption_size (width, height);
  PangoLayout *layout = fw_render_text_layout (cr, context, family, size, FALSE, text);

  if (context != NULL)
    g_object_unref (context);

  /* Long names wrap between words, centred, rather than being cut. */
  pango_layout_set_width (layout, (int) (MAX (width - 2.0 * size, size) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

double
fw_caption_height (const char *text,
                   double      width,
                   double      height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_height;

  g_return_val_if_fail (text != NULL, 0.0);

  layout = caption_layout (NULL, NULL, text, width, height);
  fw_render_text_size (layout, NULL, &text_height);
  return text_height + 2.0 * CAPTION_PAD * caption_size (width, height);
}

void
fw_caption_paint (cairo_t            *cr,
                  const FwWheelStyle *style,
                  const char         *text,
                  double              width,
                  double              height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double text_height, pad;

  g_return_if_fail (cr != NULL && style != NULL && text != NULL);

  layout = caption_layout (cr, style->font_family, text, width, height);
  fw_render_text_size (layout, NULL, &text_height);
  pad = CAPTION_PAD * caption_size (width, height);
  cairo_save (cr);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], style->fg[3]);
  cairo_move_to (cr, caption_size (width, height), height - pad - text_height);
  fw_render_show_layout (cr, layout);
  cairo_restore (cr);
}
