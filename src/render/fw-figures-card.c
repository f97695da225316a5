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
#define COLUMN_GAP    1.5   /* between two columns of figures */
/* Two columns only where one would make the text smaller than this
 * share of what two allow. */
#define COLUMNS_WORTH 0.95

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
  gboolean            draw;     /* FALSE: only measure, even with @cr */
  const FwWheelStyle *style;
  double              x, y;
  double              width;    /* the widest line so far, from the pen's x */
  double              wrap;     /* captions wrap at this width; 0: never */
  gboolean            cut;      /* some text was cut short or a word broken */
} Pen;

/* Sets one line at the pen, in the foreground at @alpha, and moves the
 * pen down under it. With @wrap, the text wraps at that width, on at
 * most @most_lines lines (0: as many as it takes), the last one
 * ellipsized. Returns how many lines it took. */
static int
pen_text (Pen        *pen,
          double      size,
          gboolean    bold,
          double      alpha,
          double      wrap,
          int         most_lines,
          const char *text)
{
  g_autoptr(PangoLayout) layout = card_text (pen->cr, pen->context, pen->style, size, bold, text);
  PangoRectangle logical;
  const double *fg = pen->style->fg;

  if (wrap > 0.0)
    {
      pango_layout_set_width (layout, (int) (wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (most_lines > 0)
        {
          pango_layout_set_height (layout, -most_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_get_extents (layout, NULL, &logical);
  pen->cut = pen->cut || !fw_render_text_words_whole (layout);
  if (pen->draw)
    {
      cairo_move_to (pen->cr, pen->x - (double) logical.x / PANGO_SCALE,
                     pen->y - (double) logical.y / PANGO_SCALE);
      cairo_set_source_rgba (pen->cr, fg[0], fg[1], fg[2],
                             fg[3] * (pen->style->high_contrast ? 1.0 : alpha));
      fw_render_show_layout (pen->cr, layout);
    }
  pen->width = MAX (pen->width, (double) logical.width / PANGO_SCALE);
  pen->y += (double) logical.height / PANGO_SCALE;
  return pango_layout_get_line_count (layout);
}

static void
pen_line (Pen        *pen,
          double      size,
          gboolean    bold,
          double      alpha,
          const char *text)
{
  pen_text (pen, size, bold, alpha, 0.0, 0, text);
}

/* One figure: its caption over its value, and its note. */
static void
pen_item (Pen                     *pen,
          const FwFiguresCardItem *item,
          double                   size)
{
  gboolean draw = pen->draw;

  /* One a guided reveal has not come to: its room, nothing drawn. */
  pen->draw = draw && !item->hidden;
  pen_text (pen, size, FALSE, 0.8, pen->wrap, 0, item->caption);
  pen_line (pen, size * VALUE_SCALE, TRUE, 1.0, item->value);
  if (item->note != NULL)
    pen_line (pen, size, TRUE, 0.9, item->note);
  pen->draw = draw;
}

/* Sets the whole card from the pen's place; the pen ends under it. In
 * two columns the figures go in pairs, row by row, each column as wide
 * as its widest figure. */
static void
pen_card (Pen                 *pen,
          const FwFiguresCard *card,
          double               size)
{
  guint columns = CLAMP (card->columns, 1, 2);
  double left = pen->x, widths[2] = { 0.0, 0.0 };

  pen->wrap = columns > 1 ? card->column_width : 0.0;

  /* A scenario's name may be 80 characters: on one line it ran off the
   * screen, and it is the line that tells the room what they see. It
   * takes the lines it needs, never cut short ("...and wit..."): the
   * card's fit makes room for them. */
  if (card->title != NULL)
    {
      Pen measure = *pen;
      int lines;

      /* The room of the most lines any name shown in turn takes, the
       * name at its foot: S to a name on two lines moves nothing under
       * it (verifier V10B-02: every figure went 28 px down and back). */
      measure.draw = FALSE;
      lines = pen_text (&measure, size * TITLE_SCALE, TRUE, 1.0, card->title_width, 0, card->title);
      if ((int) card->title_lines > lines)
        pen->y += (measure.y - pen->y) / lines * (card->title_lines - lines);
      pen_text (pen, size * TITLE_SCALE, TRUE, 1.0, card->title_width, 0, card->title);
    }
  if (card->subtitle != NULL)
    pen_line (pen, size, FALSE, 0.8, card->subtitle);
  if (card->title != NULL || card->subtitle != NULL)
    pen->y += size * TITLE_GAP;

  for (guint i = 0; columns > 1 && i < card->n_items; i++)
    {
      Pen measure = *pen;

      measure.draw = FALSE;
      measure.width = 0.0;
      pen_item (&measure, &card->items[i], size);
      widths[i % columns] = MAX (widths[i % columns], measure.width);
    }

  for (guint i = 0; i < card->n_items; i += columns)
    {
      double top = pen->y + (i > 0 ? size * ITEM_GAP : 0.0), bottom = top;

      for (guint c = 0; c < columns && i + c < card->n_items; c++)
        {
          pen->x = left + (c > 0 ? widths[0] + size * COLUMN_GAP : 0.0);
          pen->y = top;
          pen_item (pen, &card->items[i + c], size);
          bottom = MAX (bottom, pen->y);
        }
      pen->y = bottom;
    }
  pen->x = left;
  if (columns > 1)
    pen->width = MAX (pen->width, widths[0] + size * COLUMN_GAP + widths[1]);
}

/* The card set at @text_size, measured: its size and whether a text
 * was cut. */
static void
measure_card (const FwFiguresCard *card,
              const FwWheelStyle  *style,
              double               text_size,
              Pen                 *pen)
{
  PangoContext *context;

  *pen = (Pen) { NULL, NULL, FALSE, style, 0.0, 0.0, 0.0, 0.0, FALSE };
  /* (PangoContext has no g_autoptr in Pango 1.50.) */
  context = fw_render_text_context_new ();
  pen->context = context;
  pen_card (pen, card, text_size);
  g_object_unref (context);
}

void
fw_figures_card_measure (const FwFiguresCard *card,
                         const FwWheelStyle  *style,
                         double               text_size,
                         double              *width,
                         double              *height)
{
  Pen pen;

  g_return_if_fail (card != NULL && style != NULL);

  measure_card (card, style, text_size, &pen);
  if (width != NULL)
    *width = pen.width;
  if (height != NULL)
    *height = pen.y;
}

gboolean
fw_figures_card_words_whole (const FwFiguresCard *card,
                             const FwWheelStyle  *style,
                             double               text_size)
{
  Pen pen;

  g_return_val_if_fail (card != NULL && style != NULL, FALSE);

  measure_card (card, style, text_size, &pen);
  return !pen.cut;
}

/* Measures @card at @size within @width, its captions in two columns
 * wrapping at what that size leaves each (the gap between the columns
 * grows with the text). */
static void
measure_within (FwFiguresCard      *card,
                const FwWheelStyle *style,
                double              size,
                double              width,
                double             *card_width,
                double             *card_height)
{
  if (card->columns > 1)
    card->column_width = (width - COLUMN_GAP * size) / 2.0;
  fw_figures_card_measure (card, style, size, card_width, card_height);
}

/* Whether @card fits @width x @height at @size. */
static gboolean
fits (FwFiguresCard      *card,
      const FwWheelStyle *style,
      double              size,
      double              width,
      double              height)
{
  double w, h;

  measure_within (card, style, size, width, &w, &h);
  return w <= width && h <= height;
}

/* The largest size on a grid of quarter pixels (a size that does not
 * change with every pixel of a window being resized), from @min_size up
 * to @preferred, at which @card, in its columns, fits @width x @height
 * (@min_size when none does). Captions wrap at words, so a larger size
 * may fit where a smaller one does not: rather than a bisection, which
 * can stop below a size that fits, whole pixels are tried downwards,
 * then the quarters above the one found. So a larger preference (zooming
 * in) can only add sizes to choose from, never make the text smaller;
 * and in two columns the captions' width follows the size tried. */
static double
fit_size (FwFiguresCard      *card,
          const FwWheelStyle *style,
          double              preferred,
          double              min_size,
          double              width,
          double              height)
{
  double top = floor (preferred * 4.0) / 4.0, whole, size = min_size;

  if (top > min_size && fits (card, style, top, width, height))
    return top;
  for (whole = floor (top); whole > min_size; whole -= 1.0)
    if (fits (card, style, whole, width, height))
      {
        size = whole;
        break;
      }
  for (double quarter = MIN (size + 0.75, top - 0.25); quarter > size; quarter -= 0.25)
    if (fits (card, style, quarter, width, height))
      {
        size = quarter;
        break;
      }
  measure_within (card, style, size, width, NULL, NULL);
  return size;
}

/* At @size, one column or pairs, whichever makes @card lower (one
 * column when both are as high). */
static void
choose_lower_columns (FwFiguresCard      *card,
                      const FwWheelStyle *style,
                      double              size)
{
  double w, h1, h2;

  card->columns = 1;
  fw_figures_card_measure (card, style, size, &w, &h1);
  card->columns = 2;
  fw_figures_card_measure (card, style, size, &w, &h2);
  card->columns = h2 < h1 ? 2 : 1;
}

double
fw_figures_card_fit (FwFiguresCard      *card,
                     const FwWheelStyle *style,
                     double              preferred,
                     double              min_size,
                     double              width,
                     double              height,
                     guint               most_columns)
{
  double one, two;

  g_return_val_if_fail (card != NULL && style != NULL, min_size);

  card->columns = 1;
  card->title_width = width;
  if (!(preferred > min_size))
    {
      /* At the floor already (zoomed out): in pairs where one column
       * is higher than the room and pairs are lower. One column of
       * floor-sized figures stood 568 px high in 667 at 1280x720 and
       * left the key under them room for two of five numbers
       * (verify10c V10C-01). */
      double w, h1;

      if (most_columns < 2)
        return min_size;
      fw_figures_card_measure (card, style, min_size, &w, &h1);
      if (h1 > height)
        choose_lower_columns (card, style, min_size);
      return min_size;
    }
  one = fit_size (card, style, preferred, min_size, width, height);
  if (most_columns < 2 || one >= preferred)
    return one;

  /* In pairs, a caption wraps at a word within its half of the width
   * ("New customers / per month"). */
  card->columns = 2;
  two = fit_size (card, style, preferred, min_size, width, height);
  /* Neither fits even at the floor (a key under them took the height):
   * the lower of the two, in pairs as a rule. */
  if (one <= min_size && two <= min_size)
    {
      choose_lower_columns (card, style, min_size);
      return min_size;
    }
  if (one >= two * COLUMNS_WORTH)
    {
      card->columns = 1;
      return one;
    }
  return two;
}

guint
fw_figures_card_title_lines (const FwFiguresCard *card,
                             const FwWheelStyle  *style,
                             double               text_size)
{
  PangoContext *context;
  Pen pen;
  int lines;

  g_return_val_if_fail (card != NULL && style != NULL, 0);

  if (card->title == NULL)
    return 0;
  pen = (Pen) { NULL, NULL, FALSE, style, 0.0, 0.0, 0.0, 0.0, FALSE };
  context = fw_render_text_context_new ();
  pen.context = context;
  lines = pen_text (&pen, text_size * TITLE_SCALE, TRUE, 1.0, card->title_width, 0, card->title);
  g_object_unref (context);
  return (guint) lines;
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
  Pen pen = { cr, NULL, TRUE, style, x, y, 0.0, 0.0, FALSE };

  g_return_if_fail (cr != NULL && card != NULL && style != NULL);

  fw_figures_card_measure (card, style, text_size, NULL, &card_height);
  pen.y = y + MAX (0.0, (height - card_height) / 2.0);
  cairo_save (cr);
  pen_card (&pen, card, text_size);
  cairo_restore (cr);
}
