/* fw-file.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files: reading the one a project comes from (for both loaders, the
 * JSON reader and the store, and the command line), and writing a file
 * whole (project files and exports).
 *
 * Opens @path for reading without ever blocking: open () on a FIFO that
 * nobody writes to would wait forever, so the file is opened with
 * O_NONBLOCK and the descriptor itself (not the path, which may have
 * changed meanwhile) is checked with fstat (). Returns the descriptor, or
 * -1 with:
 * - a G_FILE_ERROR from errno when it cannot be opened
 *   (`No such file or directory`; `Is a directory` for a folder);
 * - FW_ERROR_NOT_PROJECT `not a regular file (a named pipe)` (or `a
 *   device`, `a socket`) for anything else.
 * Messages do not name the file: the caller puts its name in front.
 * *@size is the file's size. */
int      fw_file_open_regular (const char  *path,
                               guint64     *size,
                               GError     **error);

/* Reads up to @size bytes from @fd into @buffer, going on after a short
 * read or EINTR; *@done is what was read (less than @size only when the
 * file ended early). FALSE with a G_FILE_ERROR from errno on failure. */
gboolean fw_file_read_fully   (int          fd,
                               void        *buffer,
                               gsize        size,
                               gsize       *done,
                               GError     **error);

/* What a file that is not a regular file is, for a message: "a named
 * pipe", "a device", "a socket", "a folder"; NULL for a regular file. */
const char *fw_file_describe_kind (guint mode);

/* Writes @bytes to @path whole or not at all: a temporary file beside
 * @path, synced, then renamed over it, so a crash or a full disk leaves
 * the old file (or none) and never half of the new one. A symbolic link
 * is followed and stays a link; a file replaced keeps its permissions.
 * The error names @path and says why in plain words ("permission
 * denied"), in GFileError's domain: the disk, not the input, is at
 * fault. Used for project files and every export. */
gboolean fw_file_replace (const char  *path,
                          GBytes      *bytes,
                          GError     **error);

G_END_DECLS
