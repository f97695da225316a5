/* fw-figures-card.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-figures-card"

#include <math.h>

#include "fw-figures-card.h"
#include "fw-render-text.h"

/* Sizes as multiples of the captions' size, the smallest text. */
#define TITLE_SCALE   1.35
#define VALUE_SCALE   2.2
#define ITEM_GAP      0.55  /* between one figure and the next */
#define TITLE_GAP     0.9   /* between the title block and the first figure */

/* One line of text laid out, on @cr or, to measure, on @context. */
static PangoLayout *
card_text (cairo_t            *cr,
           PangoContext       *context,
           const FwWheelStyle *style,
           double              size,
           gboolean            bold,
           const char         *text)
{
  PangoLayout *layout = fw_render_text_layout (cr, context, style->font_family, size, bold, text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

typedef struct
{
  cairo_t            *cr;       /* NULL: only measure */
  PangoContext       *context;  /* for measuring without @cr */
  const FwWheelStyle *style;
  double              x, y;
  double              width;    /* the widest line so far */
} Pen;

/* Sets one line at the pen, in the foreground at @alpha, and moves the
 * pen down under it. */
static void
pen_line (Pen        *pen,
          double      size,
          gboolean    bold,
          double      alpha,
          const char *text)
{
  g_autoptr(PangoLayout) layout = card_text (pen->cr, pen->context, pen->style, size, bold, text);
  PangoRectangle logical;
  const double *fg = pen->style->fg;

  pango_layout_get_extents (layout, NULL, &logical);
  if (pen->cr != NULL)
    {
      cairo_move_to (pen->cr, pen->x - (double) logical.x / PANGO_SCALE,
                     pen->y - (double) logical.y / PANGO_SCALE);
      cairo_set_source_rgba (pen->cr, fg[0], fg[1], fg[2],
                             fg[3] * (pen->style->high_contrast ? 1.0 : alpha));
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->width = MAX (pen->width, (double) logical.width / PANGO_SCALE);
  pen->y += (double) logical.height / PANGO_SCALE;
}

/* Sets the whole card from the pen's place; the pen ends under it. */
static void
pen_card (Pen                 *pen,
          const FwFiguresCard *card,
          double               size)
{
  if (card->title != NULL)
    pen_line (pen, size * TITLE_SCALE, TRUE, 1.0, card->title);
  if (card->subtitle != NULL)
    pen_line (pen, size, FALSE, 0.8, card->subtitle);
  if (card->title != NULL || card->subtitle != NULL)
    pen->y += size * TITLE_GAP;

  for (guint i = 0; i < card->n_items; i++)
    {
      const FwFiguresCardItem *item = &card->items[i];

      if (i > 0)
        pen->y += size * ITEM_GAP;
      pen_line (pen, size, FALSE, 0.8, item->caption);
      pen_line (pen, size * VALUE_SCALE, TRUE, 1.0, item->value);
      if (item->note != NULL)
        pen_line (pen, size, TRUE, 0.9, item->note);
    }
}

void
fw_figures_card_measure (const FwFiguresCard *card,
                         const FwWheelStyle  *style,
                         double               text_size,
                         double              *width,
                         double              *height)
{
  PangoContext *context;
  Pen pen = { NULL, NULL, style, 0.0, 0.0, 0.0 };

  g_return_if_fail (card != NULL && style != NULL);

  /* (PangoContext has no g_autoptr in Pango 1.50.) */
  context = fw_render_text_context_new ();
  pen.context = context;
  pen_card (&pen, card, text_size);
  g_object_unref (context);
  if (width != NULL)
    *width = pen.width;
  if (height != NULL)
    *height = pen.y;
}

double
fw_figures_card_fit (const FwFiguresCard *card,
                     const FwWheelStyle  *style,
                     double               preferred,
                     double               min_size,
                     double               height)
{
  double h;

  g_return_val_if_fail (card != NULL && style != NULL, min_size);

  if (!(preferred > min_size))
    return min_size;
  /* Height grows in proportion to the size (give or take rounding):
   * one measure gives the answer, a second checks it. */
  fw_figures_card_measure (card, style, preferred, NULL, &h);
  if (h <= height || h <= 0.0)
    return preferred;
  return MAX (min_size, floor (preferred * height / h * 0.98 * 4.0) / 4.0);
}

void
fw_figures_card_paint (cairo_t             *cr,
                       const FwFiguresCard *card,
                       const FwWheelStyle  *style,
                       double               text_size,
                       double               x,
                       double               y,
                       double               height)
{
  double card_height;
  Pen pen = { cr, NULL, style, x, y, 0.0 };

  g_return_if_fail (cr != NULL && card != NULL && style != NULL);

  fw_figures_card_measure (card, style, text_size, NULL, &card_height);
  pen.y = y + MAX (0.0, (height - card_height) / 2.0);
  cairo_save (cr);
  pen_card (&pen, card, text_size);
  cairo_restore (cr);
}
