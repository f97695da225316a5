/* fw-wrap-box.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of widgets that goes onto more lines when it is given less than
 * their natural widths together, a child starting the next line where it
 * would not fit: the projection's header and the playback bar's settings,
 * so that the wheel's column can be as narrow as the wheel (a 1024x768
 * window with both panes open) and still show every control whole. Its
 * minimum width is its widest child's. A line's spare width goes to its
 * children that expand horizontally; without one it is left at the
 * line's end. Children are added with gtk_widget_set_parent() or as
 * <child> elements of a .ui file. */
#define FW_TYPE_WRAP_BOX (fw_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (FwWrapBox, fw_wrap_box, FW, WRAP_BOX, GtkWidget)

/* @spacing between the children of a line, @row_spacing between lines. */
GtkWidget *fw_wrap_box_new (int spacing,
                            int row_spacing);

G_END_DECLS
