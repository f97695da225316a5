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

G_END_DECLS
