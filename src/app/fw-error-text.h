/* fw-error-text.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the window tells a user when a file could not be opened or saved:
 * a sentence in their language, chosen by the error's domain and code
 * (FW_ERROR, GFileError, GIOErrorEnum), never built by editing the
 * error's message. The message itself is written for the command line
 * and for developers (it may name SQLite's own complaint, such as
 * "btreeInitPage() returns error code 11"); it goes to the log, with
 * g_message(), where a bug report can quote it.
 *
 * "Could not open “Acme.flywheel”. The file is damaged, …" */
char *fw_error_text_open (GFile        *file,
                          const GError *error);
/* "Could not save “Acme.flywheel”. The disk is full. Your changes are
 * still here; …" */
char *fw_error_text_save (GFile        *file,
                          const GError *error);
/* "Could not export “Acme — Baseline.pdf”. The folder it would go in
 * does not exist. Nothing was written; export again into another
 * folder." (an export has no Save As, and leaves no work unsaved) */
char *fw_error_text_export (GFile        *file,
                            const GError *error);

/* The window's own words for values typed into a field the user knows
 * as @name ("Advance"). The rule is the core's (fw-validate.h decides
 * whether the value is allowed); the sentence is chosen from the rule
 * and its bounds, in the user's language, with numbers as the fields
 * write them. The core's messages are written for files and the command
 * line ("scenarios[0].stages[2].advance: must be ...") and are never
 * shown or edited. FALSE with @error set when the value breaks the rule. */
gboolean fw_error_text_check_range  (const char  *name,
                                     double       value,
                                     double       min,
                                     double       max,
                                     GError     **error);
gboolean fw_error_text_check_weight (const char  *name,
                                     double       value,
                                     GError     **error);
gboolean fw_error_text_check_name   (const char  *name,
                                     const char  *value,
                                     GError     **error);
gboolean fw_error_text_check_note   (const char  *name,
                                     const char  *value,
                                     GError     **error);

/* An edit the document refused, as the window says it: a sentence
 * chosen by the error's domain and code; the core's message goes to the
 * log. */
char    *fw_error_text_edit         (const GError *error);
/* The same, in place: *@error keeps its domain and code and gets the
 * sentence as its message (for a typed field's reason). */
void     fw_error_text_word_edit    (GError     **error);

G_END_DECLS
