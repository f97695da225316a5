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
 * - FW_ERROR_NOT_PROJECT `a named pipe, not a file` (or `a device`,
 *   `a socket`: fw_file_not_a_file ()) for anything else.
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
 * pipe", "a device", "a socket", "a folder" (translated); NULL for a
 * regular file. */
const char *fw_file_describe_kind (guint mode);
/* "a named pipe, not a file": the one sentence the loaders, the command
 * line and the window all say about a path that is not a regular file
 * (@mode a stat () mode of such a path). */
char       *fw_file_not_a_file    (guint mode);

/* Writing a file whole, for project files and every export
 * (docs/file-format.md, "Saving").
 *
 * The path is followed through its links to the file they end at
 * (fw_file_resolve ()), and a complete new file is written beside that
 * one (".NAME.fw-save-XXXXXX", locked while the write lives), given the
 * replaced file's owner, group and permissions, synced and renamed over
 * it; then the folder is synced. A crash or a full disk leaves the old
 * file (or none) and never half of the new one. A link stays a link,
 * dangling or not. A write that cannot keep the owner or the group is
 * refused rather than taking the file away from them. Stale temporary
 * files of ours beside the file are removed first.
 *
 * The error names @path as given and says why in plain words ("cannot
 * save: permission denied"), in GFileError's domain: the disk, not the
 * input, is at fault. */
gboolean fw_file_replace      (const char  *path,
                               GBytes      *bytes,
                               GError     **error);

/* The same, with the new file's content written by @fill into the
 * temporary (open for writing as @fd; @temp_path names it, for a
 * library that opens files by name, as SQLite does) before it is
 * synced and renamed. A @fill that fails sets @error, or leaves errno
 * set for a message in the words above; the temporary is removed. */
typedef gboolean (*FwFileFill) (int          fd,
                                const char  *temp_path,
                                gpointer     data,
                                GError     **error);

gboolean fw_file_replace_with (const char  *path,
                               FwFileFill   fill,
                               gpointer     fill_data,
                               GError     **error);

/* @path followed through its symbolic links to the file they end at,
 * which need not exist (a dangling link names the file a write creates),
 * with its folder made absolute and free of links. What cannot be
 * resolved (a loop, a folder that does not exist) is returned as it is,
 * for opening or writing to fail on with the system's reason. */
char    *fw_file_resolve      (const char  *path);

/* Says whether the file open as @fd, named like an older Flywheel's
 * temporary ("NAME.XXXXXX", GLib's, which takes no lock), is one of ours
 * that may be removed. */
typedef gboolean (*FwFileRecogniser) (int fd);

struct stat;

/* fw_file_replace () of @real_path, already resolved (a caller that
 * keeps a file open resolves it once, when it is opened, so that a link
 * swapped in later is never followed), naming @shown_path in errors.
 * @legacy_is_ours (may be NULL) lets older temporaries be removed too.
 * *@written (may be NULL) receives the new file's fstat (). */
gboolean fw_file_replace_resolved (const char        *real_path,
                                   const char        *shown_path,
                                   GBytes            *bytes,
                                   FwFileRecogniser   legacy_is_ours,
                                   struct stat       *written,
                                   GError           **error);

/* Removes the temporary files of ours beside @real_path that no live
 * write holds and that are stale (older than 10 seconds; an older
 * Flywheel's, over an hour and recognised by @legacy_is_ours). */
void     fw_file_remove_stale_temporaries (const char       *real_path,
                                           FwFileRecogniser  legacy_is_ours);

G_END_DECLS
