/* fw-caption.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "fw-model.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* The caption under an exported or copied wheel: "Acme · Baseline ·
 * Month 6 of 24". Two wheels pasted side by side on a slide (a scenario
 * against another, month 0 against month 36) read the same but for
 * their numbers; the caption says which is which (review5's R5-21).
 * The window's Export and Copy and `flywheel-cli export` all draw it
 * here. */

/* The caption's words for @scenario of @project at @period. */
char   *fw_caption_text   (const FwProject  *project,
                           const FwScenario *scenario,
                           guint             period);

/* The height the caption @text takes across a picture of @width x
 * @height, wrapped between words when the names are long (never cut
 * short): what the wheel leaves free at the bottom. */
double  fw_caption_height (const char       *text,
                           double            width,
                           double            height);

/* Draws @text centred in the bottom fw_caption_height () of a
 * @width x @height picture, in @style's text colour. */
void    fw_caption_paint  (cairo_t            *cr,
                           const FwWheelStyle *style,
                           const char         *text,
                           double              width,
                           double              height);

G_END_DECLS
