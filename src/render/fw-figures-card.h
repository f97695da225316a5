/* fw-figures-card.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* A column of key figures in large type, for presenting beside the
 * wheel: a title, a line under it, then each figure as a caption over
 * its value (and an optional note). The caller writes the words and the
 * numbers (already formatted); this only sets them, with Cairo and Pango,
 * so the screen and an export draw them alike. Every text is a multiple
 * of one size, the captions' (the smallest): text_size. */
typedef struct
{
  const char *caption;  /* "Customers now" */
  const char *value;    /* "1,234" */
  const char *note;     /* NULL, or a word under the value ("Self-sustaining") */
  gboolean    hidden;   /* its room kept, nothing drawn: a guided reveal
                         * has not come to it yet, so nothing moves when
                         * it does */
} FwFiguresCardItem;

typedef struct
{
  const char              *title;     /* the scenario's name */
  const char              *subtitle;  /* NULL, or the period shown ("Month 3 of 24") */
  const FwFiguresCardItem *items;
  guint                    n_items;
  guint                    columns;   /* 0 or 1: one column; 2: the figures in pairs */
  double                   column_width; /* in two columns, the captions wrap at this width */
  double                   title_width;  /* the title wraps at this width, on as many
                                          * lines as it takes; 0: one line, however long */
  guint                    title_lines;  /* the title keeps the room of at least this
                                          * many lines, its own at their foot (0: its own) */
} FwFiguresCard;

/* The room @card takes with its smallest text at @text_size. */
void   fw_figures_card_measure  (const FwFiguresCard *card,
                                 const FwWheelStyle  *style,
                                 double               text_size,
                                 double              *width,
                                 double              *height);
/* Whether every text of @card set at @text_size shows whole: none cut
 * short, no word broken across two lines. */
gboolean fw_figures_card_words_whole (const FwFiguresCard *card,
                                      const FwWheelStyle  *style,
                                      double               text_size);
/* The largest text size from @min_size up to @preferred at which @card
 * fits @width x @height (@min_size when even that does not), in one
 * column or, when @most_columns allows two and one column would have to
 * be clearly smaller, in two: written to @card->columns (and the
 * captions' width in two, @card->column_width). The title wraps at
 * @width (@card->title_width). */
double fw_figures_card_fit      (FwFiguresCard       *card,
                                 const FwWheelStyle  *style,
                                 double               preferred,
                                 double               min_size,
                                 double               width,
                                 double               height,
                                 guint                most_columns);
/* How many lines @card's title takes at @text_size (its own: whatever
 * @card->title_lines keeps). */
guint  fw_figures_card_title_lines (const FwFiguresCard *card,
                                    const FwWheelStyle  *style,
                                    double               text_size);
/* Draws @card with its top left at (@x, @y), centred in @height. */
void   fw_figures_card_paint    (cairo_t             *cr,
                                 const FwFiguresCard *card,
                                 const FwWheelStyle  *style,
                                 double               text_size,
                                 double               x,
                                 double               y,
                                 double               height);

G_END_DECLS
