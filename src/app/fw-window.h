/* fw-window.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-document.h"
#include "fw-playback.h"
#include "fw-recovery.h"
#include "fw-session.h"

G_BEGIN_DECLS

/* A window on one project: the catalog palette, the wheel, the figures
 * and the stage and point lists around one FwDocument, with the file
 * behind it. Everything a user can do is a "win." action (installed on
 * the class), which is also how the tests drive it. */
#define FW_TYPE_WINDOW (fw_window_get_type ())

G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, GtkApplicationWindow)

/* A window on a new project from the first template; @application may be
 * NULL in tests. */
FwWindow   *fw_window_new          (GtkApplication *application);
FwDocument *fw_window_get_document (FwWindow       *self);
/* What the window shows: scenario, period, selection, projections. */
FwSession  *fw_window_get_session  (FwWindow       *self);
/* The file the project was opened from or last saved to; NULL if none. */
GFile      *fw_window_get_file     (FwWindow       *self);
/* Whether the window holds an untitled, unedited project (the one it
 * opened with), which opening a file may simply replace. */
gboolean    fw_window_is_pristine  (FwWindow       *self);
/* Opens @file: in this window if it holds an untouched new project, else
 * in a new window, this one's project untouched and usable meanwhile; the
 * window that has @file open already just comes forward. Errors are
 * shown in this window, and its project is kept. */
void        fw_window_open_file    (FwWindow       *self,
                                    GFile          *file);
/* Whether an open or a save is under way (off the main loop). */
gboolean    fw_window_is_busy      (FwWindow       *self);
/* The window of @application that has @file open (its real file, links
 * resolved), or NULL: a file is open in one window only. */
FwWindow   *fw_window_find_for_file (GtkApplication *application,
                                     GFile          *file);

/* Recovery copies of unsaved work (fw-recovery.h): the application gives
 * every window the program's @recovery once. */
void        fw_window_set_recovery (FwWindow       *self,
                                    FwRecovery     *recovery);
/* Writes the copy now, on this thread (the program is about to end). */
gboolean    fw_window_recovery_write_now (FwWindow *self);
/* The slot this window's copy is written to, or NULL without recovery. */
const char *fw_window_get_recovery_slot (FwWindow *self);
/* A banner offering @copy (taken) back: Restore, Discard. */
void        fw_window_offer_recovered (FwWindow        *self,
                                       FwRecoveredCopy *copy);
/* Shows the work in @copy, unsaved, under its original file's name. */
gboolean    fw_window_restore_copy (FwWindow               *self,
                                    const FwRecoveredCopy  *copy,
                                    GError                **error);

/* The message on show in the window's error banner, or NULL. */
const char *fw_window_get_error    (FwWindow       *self);
/* The window's parts, for tests and benchmarks. */
GtkWidget  *fw_window_get_wheel    (FwWindow       *self);
GtkWidget  *fw_window_get_palette  (FwWindow       *self);
/* What plays the session's periods (fw-playback.h). */
FwPlayback *fw_window_get_playback (FwWindow       *self);
/* The user's text size for the wheel and the figures (1 normal), as
 * Ctrl+plus and Ctrl+minus set it. */
double      fw_window_get_text_scale (FwWindow     *self);
/* The FwPresentView shown instead of the editor while presenting. */
GtkWidget  *fw_window_get_present_view (FwWindow   *self);

G_END_DECLS
