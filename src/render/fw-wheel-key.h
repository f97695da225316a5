/* fw-wheel-key.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "fw-model.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* Presenting, a point whose name has no room beside its marker gets a
 * number there instead, and the key beside the wheel reads the number
 * with the name ("3  Long checkout form"): no marker is left for the
 * room to guess at (review R5-13: 8 of a client wheel's 22 markers had
 * no name at all). The number is drawn the same way on the wheel and in
 * the key, so the eye matches them: bold, in the background's colour, on
 * a pill of the text's colour. */

/* At most this many points are numbered: a key of more does not fit
 * a screen beside the figures at the smallest text presenting allows
 * (2.5% of the height), and a rim of numbers is no easier to read than
 * bare markers. A crowded wheel (sixteen stages and 40 points or more)
 * keeps the names that have room, its other markers bare. */
#define FW_WHEEL_MAX_NUMBERED 20

/* The number's text, bold at @size (never below @min_size). */
PangoLayout *fw_wheel_badge_layout (cairo_t            *cr,
                                    const FwWheelStyle *style,
                                    double              size,
                                    double              min_size,
                                    guint               number);
/* The pill @text takes: as high as its line, at least as wide. */
void         fw_wheel_badge_size   (PangoLayout        *text,
                                    double             *width,
                                    double             *height);
/* Draws the pill with @text centred in the box (@x0, @y0)-(@x1, @y1). */
void         fw_wheel_badge_paint  (cairo_t            *cr,
                                    const FwWheelStyle *style,
                                    PangoLayout        *text,
                                    double              x0,
                                    double              y0,
                                    double              x1,
                                    double              y1);

/* The key: @n entries, entry i the number i + 1, the marker and the
 * name of @scenario's point @points[i], one under the other (in two
 * columns where one is too high and the width has room), each name
 * wrapped at a word beside its number, its text at @size. */
typedef struct
{
  const FwScenario *scenario;
  const guint      *points;
  guint             n;
} FwWheelKey;

/* The height the key takes in @width, and how many entries fit in
 * @height (G_MAXDOUBLE for all) into @shown: the others are summed up
 * on a last line ("and 3 more"). */
double       fw_wheel_key_measure  (cairo_t            *cr,
                                    const FwWheelKey   *key,
                                    const FwWheelStyle *style,
                                    double              size,
                                    double              width,
                                    double              height,
                                    guint              *shown);
/* The lowest height the key takes in @width, every entry shown: in two
 * columns where @width has room for them (the key under a wheel, across
 * its column). Painted in that height, it takes the same columns. */
double       fw_wheel_key_measure_lowest (cairo_t            *cr,
                                    const FwWheelKey   *key,
                                    const FwWheelStyle *style,
                                    double              size,
                                    double              width);
/* Draws the key with its top left at (@x, @y), in @width x @height. */
void         fw_wheel_key_paint    (cairo_t            *cr,
                                    const FwWheelKey   *key,
                                    const FwWheelStyle *style,
                                    double              size,
                                    double              x,
                                    double              y,
                                    double              width,
                                    double              height);
/* Whether every name the key shows in @width x @height is whole (no
 * word cut). */
gboolean     fw_wheel_key_words_whole (cairo_t            *cr,
                                    const FwWheelKey   *key,
                                    const FwWheelStyle *style,
                                    double              size,
                                    double              width,
                                    double              height);

G_END_DECLS
