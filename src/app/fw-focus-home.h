/* fw-focus-home.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps @window's keyboard focus somewhere a user can see it. When the
 * focused widget goes away (hidden with its panel, its row removed, a
 * popover or a dialog closed) GTK leaves the window with no focus at all:
 * the arrow keys do nothing and Tab starts over from the header bar.
 * After such a loss the focus goes to @home (the wheel) once the main
 * loop is idle, so a view that rebuilt itself has had its chance to put
 * the focus back where it belongs first. Escape in a text field of
 * @window, when the field has nothing to take back, sends the focus
 * home too. */
void fw_focus_home_install (GtkWindow *window,
                            GtkWidget *home);

/* Another home, for as long as it is the one on show (the presenting
 * wheel while presenting). */
void fw_focus_home_set     (GtkWindow *window,
                            GtkWidget *home);

/* @window shows another project (opened, new, restored), or the control
 * with the focus is going away: the focus goes home, as in a new window,
 * so that Space plays at once; now if home can take it, else once it
 * can (the window shown, the main loop idle); unless the user is in a
 * menu. A focus taken away by
 * greying out home's part of the window (while a file opens) comes home
 * by itself when that part is usable again. */
void fw_focus_home_return (GtkWindow *window);

/* Whether @window's focus is on a widget a user can see: one that is
 * mapped (shown, with everything around it). */
gboolean fw_focus_home_is_visible (GtkWindow *window);

G_END_DECLS
