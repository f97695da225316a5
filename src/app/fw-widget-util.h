/* fw-widget-util.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small steps every view takes when it shows the document, in one place
 * so that every field and label behaves the same. */

/* These touch the widget only when the value changes: views refresh on
 * every edit, and setting the same text again would still queue a
 * resize, move an entry's cursor, or make a screen reader announce it
 * once more. */
void     fw_widget_set_label            (GtkLabel    *label,
                                         const char  *text);
void     fw_widget_set_tooltip          (GtkWidget   *widget,
                                         const char  *text);
/* The same for widgets made and refreshed by the hundred (the rows of
 * a long list): gtk_widget_set_tooltip_text () asks the display where
 * the pointer is on every call (GTK 4.8 on X11: two round trips to the
 * server), which a thousand rows cannot afford. The text is given when
 * GTK asks for the tooltip ("query-tooltip"), and is the accessible
 * description, as GTK makes it; only a widget under the pointer, whose
 * tooltip may be on show, asks the display again. A tooltip given
 * before with gtk_widget_set_tooltip_text () goes, and that function's
 * getter does not know this one (tests ask as GTK does:
 * fw_test_tooltip_text ()). Returns whether the text changed. */
gboolean fw_widget_set_tooltip_lazily   (GtkWidget   *widget,
                                         const char  *text);
/* Returns whether the text changed (the caller's signal handlers ran). */
gboolean fw_widget_set_text             (GtkEditable *editable,
                                         const char  *text);

/* @x, a position in @widget in logical pixels, as the device pixel a
 * frame draws it at. What follows a value every frame (the chart's
 * marker while the periods play) compares it with where it was last
 * drawn and asks for no frame until it has moved a pixel: a frame that
 * would move nothing on screen still costs GTK a redraw of its area. */
int      fw_widget_device_pixel         (GtkWidget   *widget,
                                         double       x);

/* "Tab leaves the list", for the focus vfunc of @container, which holds
 * the list @rows: GTK 4.8's lists take Tab as "next row" (61 presses
 * through a five-year table, thirty-odd through the catalog), while in
 * GNOME's lists the arrows move between rows and Tab goes on to the
 * next control. When the focus is within @rows and @direction is Tab or
 * Shift+Tab, the focus goes to the first control past the list in
 * @container that takes it, in that direction, and *@moved says whether
 * one did (FALSE: the focus goes on past @container, as GTK goes on
 * when a focus vfunc returns FALSE); returns TRUE then. FALSE for
 * anything else, which the vfunc hands on to GTK's own. */
gboolean fw_widget_tab_past_rows        (GtkWidget        *container,
                                         GtkWidget        *rows,
                                         GtkDirectionType  direction,
                                         gboolean         *moved);

/* Adds @css_class when @on, removes it otherwise. */
void     fw_widget_set_css_class        (GtkWidget   *widget,
                                         const char  *css_class,
                                         gboolean     on);
/* The name a screen reader says for @widget: @label alone, not followed
 * by the labels that point at it (GTK 4.8 reads both). For a colour
 * button, a drop-down or a menu button, the button inside it that takes
 * the focus gets the name too. */
void     fw_widget_set_accessible_label (GtkWidget   *widget,
                                         const char  *label);
/* The name last given by fw_widget_set_accessible_label (), or NULL. */
const char *fw_widget_get_accessible_label (GtkWidget *widget);
/* @text without its mnemonic underscores: "Re_move" as "Remove". */
char    *fw_widget_strip_mnemonic       (const char  *text);
/* Gives every button and check button under @root (itself included)
 * whose label marks a mnemonic the label's plain words as its name, and
 * lets every field a caption points at (with a mnemonic) be called by
 * its own name alone: each such field must have one. Widgets built from
 * templates call it once, after the template. */
void     fw_widget_name_plainly         (GtkWidget   *root);

/* Marks @field as holding text that cannot be used: red (the "error"
 * style class), @message as its tooltip and, for a screen reader,
 * invalid with @message as its description. With @message NULL, marks
 * it valid again, with @hint (what the field means, or NULL) as its
 * tooltip and description. The tooltip is given lazily
 * (fw_widget_set_tooltip_lazily ()). */
void     fw_widget_mark_invalid         (GtkWidget   *field,
                                         const char  *message,
                                         const char  *hint);

G_END_DECLS
