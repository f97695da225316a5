/* fw-test-window.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-window.h"

G_BEGIN_DECLS

/* What the window tests do again and again, in one place (the older
 * test-window*.c files still have their own copies). */

/* Runs the main loop for @ms milliseconds. */
void       fw_test_spin               (guint        ms);
/* Runs the main loop until @done says so, for at most a minute (a bound
 * for failing on a loaded machine, not a speed); FALSE if it never did. */
gboolean   fw_test_wait_until         (gboolean   (*done) (gpointer),
                                       gpointer     data);
/* Until @widget's frame clock has begun two frames timed @ms or more
 * from now: what was queued before (a new style, a layout) has been
 * applied in the first, and a CSS transition of @ms has run its course.
 * A minute's bound, for failing; FALSE if the frames never came. */
gboolean   fw_test_wait_frames_past   (GtkWidget   *widget,
                                       guint        ms);
/* Until the open or save under way in @window, if any, has ended. */
void       fw_test_wait_for_files     (FwWindow    *window);
/* The first widget under @root (itself included) of that widget name. */
GtkWidget *fw_test_find_named         (GtkWidget   *root,
                                       const char  *name);
/* The first button under @root labelled @label ("_Restore"). */
GtkWidget *fw_test_find_button        (GtkWidget   *root,
                                       const char  *label);
/* The message dialog on show, or NULL. */
GtkMessageDialog *fw_test_find_message_dialog (void);
/* Waits for a message dialog to show; NULL if none did within the bound. */
GtkMessageDialog *fw_test_wait_for_message_dialog (void);

/* Runs xdotool (real input on the virtual display): @format, printf
 * style, whose "%%lu" then becomes @window's X11 window, as in
 * "xdotool mousemove --window %%lu %d %d click 1". */
void       fw_test_xdotool            (GtkWindow   *window,
                                       const char  *format,
                                       ...);
/* Where (@x, @y) of @widget is in its window's X11 window. */
void       fw_test_window_point       (GtkWidget   *widget,
                                       double       x,
                                       double       y,
                                       int         *wx,
                                       int         *wy);

G_END_DECLS
