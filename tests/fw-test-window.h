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

/* What the window tests do again and again, in one place. */

/* How long a test waits for what it expects before it fails: a bound
 * for failing (an instrumented build on a machine shared by many builds
 * is that slow), never a speed. A pass returns at once; speed is
 * measured by the benchmarks (tests/bench-*), never asserted. */
#define FW_TEST_PATIENCE_SECONDS 60

/* Runs the main loop for @ms milliseconds. */
void       fw_test_spin               (guint        ms);
/* Runs the main loop until @done says so, for at most
 * FW_TEST_PATIENCE_SECONDS; FALSE if it never did. */
gboolean   fw_test_wait_until         (gboolean   (*done) (gpointer),
                                       gpointer     data);
/* Until @widget's frame clock has begun two frames timed @ms or more
 * from now: what was queued before (a new style, a layout) has been
 * applied in the first, and a CSS transition of @ms has run its course.
 * A minute's bound, for failing; FALSE if the frames never came. */
gboolean   fw_test_wait_frames_past   (GtkWidget   *widget,
                                       guint        ms);
/* Until every idle callback queued so far (G_PRIORITY_DEFAULT_IDLE)
 * has run, however long frames or other work hold them back: what
 * the window deferred "until idle" has happened. FALSE if they never
 * ran within FW_TEST_PATIENCE_SECONDS. */
gboolean   fw_test_wait_for_idle      (void);
/* Until the open or save under way in @window, if any, has ended. */
void       fw_test_wait_for_files     (FwWindow    *window);

/* A new window (its own reference), shown and laid out; and its end. */
FwWindow  *fw_test_window_new         (void);
void       fw_test_window_close       (FwWindow    *window);
/* The same, @width x @height (ignoring the size the settings remember),
 * its wheel laid out and a frame drawn. */
FwWindow  *fw_test_window_new_sized   (int          width,
                                       int          height);
/* The same in @application (NULL: none): with the shortcuts window
 * GtkApplication gives each of its windows. */
FwWindow  *fw_test_window_new_sized_in (GtkApplication *application,
                                        int             width,
                                        int             height);
/* Flywheel's application, registered (not unique), so its start-up runs
 * as the program's does: the shortcuts window, the accelerators, the
 * presenting preferences' actions, the style sheet. */
GtkApplication *fw_test_application_new (void);

/* The newest FwWindow GTK has (shown or not, till destroyed) other than
 * @than, or NULL: the window a file opened in when @than kept its own
 * project (fw_window_open_file ()). */
FwWindow  *fw_test_newest_window_but  (FwWindow    *than);

/* The fixture of the tests of one window and nothing else. */
typedef struct
{
  FwWindow *window;
} FwTestWindow;

void       fw_test_window_set_up      (FwTestWindow *fixture,
                                       gconstpointer data);
void       fw_test_window_tear_down   (FwTestWindow *fixture,
                                       gconstpointer data);

/* Whether @widget is what a search looks for, as @data describes it. */
typedef gboolean (*FwTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
/* The first widget under @root (itself included), depth first, that
 * @matches; _shown: the first of those on show (it and its parents
 * visible). */
GtkWidget *fw_test_find               (GtkWidget    *root,
                                       FwTestMatch   matches,
                                       gconstpointer data);
GtkWidget *fw_test_find_shown         (GtkWidget    *root,
                                       FwTestMatch   matches,
                                       gconstpointer data);
/* Matches: a button labelled @data ("_Restore"); a label whose text
 * holds @data; a label that reads @data exactly; a stack with a page
 * named @data. */
gboolean   fw_test_is_button          (GtkWidget    *widget,
                                       gconstpointer label);
gboolean   fw_test_is_label_with      (GtkWidget    *widget,
                                       gconstpointer part);
gboolean   fw_test_is_label_reading   (GtkWidget    *widget,
                                       gconstpointer text);
gboolean   fw_test_is_stack_with      (GtkWidget    *widget,
                                       gconstpointer page);
/* The first widget under @root (itself included) of @type; of that
 * widget name; the first button labelled @label; the first label that
 * reads @text. */
GtkWidget *fw_test_find_type          (GtkWidget   *root,
                                       GType        type);
GtkWidget *fw_test_find_named         (GtkWidget   *root,
                                       const char  *name);
GtkWidget *fw_test_find_button        (GtkWidget   *root,
                                       const char  *label);
GtkWidget *fw_test_find_label_reading (GtkWidget   *root,
                                       const char  *text);
/* The main menu's (☰) item labelled @text, as the user reads it (no
 * mnemonic underline), or NULL; whether a check item has its tick. The
 * items are there before the menu first opens. */
GtkWidget *fw_test_find_main_menu_item (FwWindow   *window,
                                        const char *text);
gboolean   fw_test_menu_item_ticked   (GtkWidget   *item);
/* The message dialog on show, or NULL. */
GtkMessageDialog *fw_test_find_message_dialog (void);
/* Waits for a toplevel of @type to show (GTK's own dialogs too); NULL
 * if none did within the bound. */
GtkWidget        *fw_test_wait_for_toplevel     (GType         type);
/* Waits for a message dialog to show; NULL if none did within the bound. */
GtkMessageDialog *fw_test_wait_for_message_dialog (void);
/* The file chooser a GtkFileChooserNative shows without a portal, once
 * on show; NULL if none came. */
GtkFileChooser   *fw_test_wait_for_file_chooser  (void);

/* The text of the tooltip GTK would show for @widget, asked as GTK asks
 * when the pointer rests on it ("query-tooltip": tooltips given lazily,
 * fw_widget_set_tooltip_lazily (), are known only then), or NULL when it
 * would show none. Free it. */
char      *fw_test_tooltip_text       (GtkWidget   *widget);

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

/* Where (@x, @y) of @widget is on the X screen: through its own
 * surface, a popover's included (GDK places those itself, kept on the
 * monitor as far as their layout lets it). */
void       fw_test_screen_point       (GtkWidget   *widget,
                                       double       x,
                                       double       y,
                                       int         *sx,
                                       int         *sy);

/* Lets libcloudproviders, which GTK's file chooser loads, read its
 * folders before any chooser opens, so that LeakSanitizer overlooks what
 * it leaks doing so (see fw-test-window.c). For a test that opens a real
 * file chooser: once, in main(), before any window. */
void       fw_test_start_cloud_providers (void);

/* The application's style sheet (ui/style.css), which only FwApplication
 * loads at startup: for a test that measures what users see (bold
 * headings are wider). Once, in main(), after gtk_init(). */
void       fw_test_load_app_style     (void);

G_END_DECLS
