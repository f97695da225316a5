/* fw-present-view.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* What the window shows while presenting: the wheel and the key figures
 * in type scaled to the screen (nothing smaller than
 * FW_PRESENT_MIN_TEXT_SHARE of its height), point names beside their
 * markers, and a guided reveal, all driven from the keyboard or a
 * presenter's clicker:
 *
 *   PageDown, Right, Down, Enter, a click     next: the reveal's next part, then the next period
 *   PageUp, Left, Up, BackSpace, right-click  previous
 *   Space                                     play or pause (win.play-pause)
 *   Home, End                                 the first, the last period
 *   S, Shift+S                                the next, the previous scenario
 *   R                                         start the guided reveal again
 *   A                                         show everything at once
 *   N                                         hide or show the point names
 *   Escape                                    end presenting
 *
 * Each is an action of the view ("present.next", ...), so tests and the
 * window drive it the same way. It edits nothing: it only reads and
 * moves the session's period, scenario and playing state. */
#define FW_TYPE_PRESENT_VIEW (fw_present_view_get_type ())

G_DECLARE_FINAL_TYPE (FwPresentView, fw_present_view, FW, PRESENT_VIEW, GtkWidget)

/* The smallest text while presenting, as a share of the view's height
 * (the screen's, presenting full screen): 2.5%, read from the back of a
 * classroom, with a little to spare for rounding. */
#define FW_PRESENT_MIN_TEXT_SHARE 0.026

GtkWidget *fw_present_view_new            (void);
void       fw_present_view_set_session    (FwPresentView *self,
                                           FwSession     *session);
/* The wheel inside, which holds the keyboard focus while presenting. */
GtkWidget *fw_present_view_get_wheel      (FwPresentView *self);
/* Whether the key figures stand beside the wheel. */
void       fw_present_view_set_show_figures (FwPresentView *self,
                                           gboolean       shown);
/* The user's text size (1 normal), times the desktop's text scale. */
void       fw_present_view_set_text_scale (FwPresentView *self,
                                           double         scale);
/* Starts presenting afresh: everything shown, or with @reveal, a guided
 * reveal from its first step (no stage shown). */
void       fw_present_view_start          (FwPresentView *self,
                                           gboolean       reveal);
/* The guided reveal's step (fw_wheel_scene_set_reveal()); -1 when
 * everything shows. */
int        fw_present_view_get_reveal_step (FwPresentView *self);
/* The text size of the figures' captions, their smallest text, as laid
 * out now; 0 when the figures are hidden. */
double     fw_present_view_get_figures_text_size (FwPresentView *self);
/* The text size of what is drawn beside the wheel: the figures, or,
 * with them hidden, the caption of the scenario and the period shown
 * (at the floor, never below 2.5% of the height); 0 before a layout. */
double     fw_present_view_get_caption_text_size (FwPresentView *self);
/* Where the first figure's caption is drawn, from the view's top (the
 * title and the period above it); 0 before a layout. */
double     fw_present_view_get_figures_top   (FwPresentView *self);
/* The figures' columns as laid out now (1 or 2); 0 when hidden. */
guint      fw_present_view_get_figures_columns (FwPresentView *self);
/* The figures beside the wheel as they show now (as far as a guided
 * reveal has come), in words, as screen readers hear them. */
char      *fw_present_view_dup_figures_words (FwPresentView *self);
/* Whether the figures beside the wheel show every word whole (none cut
 * short, the scenario's name on as many lines as it takes) and lie
 * within the view: for tests of presenting zoomed in. */
gboolean   fw_present_view_figures_whole     (FwPresentView *self);

/* How many entries the key under the figures shows now (the points the
 * wheel numbers for want of room for their names), every name whole, and
 * its text size in @size (when not NULL); 0 with no key. */
guint      fw_present_view_get_key_shown     (FwPresentView *self,
                                              double        *size);

G_END_DECLS
