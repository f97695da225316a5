/* fw-shortcut-keys.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the keys of the keyboard shortcuts window (Ctrl+?) as users read
 * them: GTK 4.8 shows Page Up, Page Down and Backspace by their X11
 * keysyms ("Page_Up", "Page_Down", "BackSpace") in English and in any
 * language GTK has no word for them in. Where GTK has one, it stays. */
void fw_shortcut_keys_name (GtkWidget *shortcuts_window);

G_END_DECLS
