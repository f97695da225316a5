/* fw-store-file.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* A project file as the user opened it: where its saves go.
 *
 * The path the user named is resolved once, when the file is opened (or
 * first saved), through every symbolic link to the real file, and every
 * save goes to that real file: a link swapped in later, pointing
 * somewhere else, is never followed. A dangling link is saved through
 * too: the file it names is created and the link stays a link.
 *
 * A save writes a complete new file beside the real one (named
 * ".NAME.fw-save-XXXXXX", locked while the save is alive), syncs it,
 * gives it the replaced file's owner, group and permissions, renames it
 * over the real file and syncs the folder: a crash at any moment leaves
 * the old file or the new one, whole. A save that cannot keep the owner
 * or the group is refused rather than taking the file away from them.
 * Temporary files of ours that a killed save left beside the file are
 * removed when it is opened and at the next save.
 *
 * It also remembers the file's identity on disk (device, inode, size,
 * modification time) as of the last open or save, so that a caller can
 * tell whether another program changed it since. */
typedef struct _FwStoreFile FwStoreFile;

/* Resolves @path through its links. What cannot be resolved (a loop of
 * links, a folder that does not exist) is kept as it is, for loading or
 * saving to fail on with the system's reason. */
FwStoreFile *fw_store_file_new          (const char         *path);
FwStoreFile *fw_store_file_ref          (FwStoreFile        *file);
void         fw_store_file_unref        (FwStoreFile        *file);

/* The path as the user named it, and the real file saves go to. */
const char  *fw_store_file_get_path     (FwStoreFile        *file);
const char  *fw_store_file_get_real_path (FwStoreFile       *file);
/* Whether @path names the same file as @file: the same real file once
 * symbolic links are resolved, or the same file on disk under another
 * name (a hard link), by device and inode as they are now. */
gboolean     fw_store_file_is_path      (FwStoreFile        *file,
                                         const char         *path);

/* Loads the real file (fw_store_load ()), removes our stale temporary
 * files beside it and remembers its identity. */
FwProject   *fw_store_file_load         (FwStoreFile        *file,
                                         GError            **error);
/* Saves @project over the real file, as above, and remembers the new
 * file's identity. Errors keep GFileError's domain and code, and name
 * the path as the user named it: "x.flywheel: cannot save: …". */
gboolean     fw_store_file_save         (FwStoreFile        *file,
                                         const FwProject    *project,
                                         GError            **error);

/* Off the main loop. The work runs on a thread (GTask); @progress, when
 * not NULL, is called in the caller's thread-default main context as
 * each step begins, and @callback when it is done. @cancellable stops a
 * load at the next step (G_IO_ERROR_CANCELLED), and a save before it
 * starts writing: once writing has begun the save completes, whole, so
 * the file is never left half saved. One operation at a time per file.
 * The save works on its own copy of @project: the caller may go on
 * editing. */
typedef enum
{
  FW_STORE_STEP_READING,    /* reading the file (load) */
  FW_STORE_STEP_CHECKING,   /* checking and reading rows (load) */
  FW_STORE_STEP_BUILDING,   /* building the database in memory (save) */
  FW_STORE_STEP_WRITING,    /* writing, syncing and renaming (save) */
} FwStoreStep;

typedef void (*FwStoreProgress) (FwStoreStep step,
                                 gpointer    user_data);

void         fw_store_file_load_async   (FwStoreFile         *file,
                                         GCancellable        *cancellable,
                                         FwStoreProgress      progress,
                                         gpointer             progress_data,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
FwProject   *fw_store_file_load_finish  (FwStoreFile         *file,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Saves a copy of @project (fw_project_copy (): its scenarios shared,
 * and so never changed, fw-model.h). */
void         fw_store_file_save_async   (FwStoreFile         *file,
                                         const FwProject     *project,
                                         GCancellable        *cancellable,
                                         FwStoreProgress      progress,
                                         gpointer             progress_data,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The same without copying @project, which must stay unchanged and
 * alive until @callback runs (fw_document_begin_save () lends it so).
 * Finished with fw_store_file_save_finish (). */
void         fw_store_file_save_lent_async (FwStoreFile         *file,
                                            const FwProject     *project,
                                            GCancellable        *cancellable,
                                            FwStoreProgress      progress,
                                            gpointer             progress_data,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     fw_store_file_save_finish  (FwStoreFile         *file,
                                         GAsyncResult        *result,
                                         GError             **error);

/* TRUE when the real file is no longer the one last opened or saved
 * (replaced, removed, or written since). */
gboolean     fw_store_file_changed_on_disk (FwStoreFile     *file);

/* That identity as text, to keep with a recovery copy (fw-recovery.h);
 * NULL when the file has not been opened or saved. Giving it back to a
 * new FwStoreFile of the same path lets a restored project still tell
 * whether the file changed since the user last opened or saved it. */
char        *fw_store_file_get_identity (FwStoreFile        *file);
void         fw_store_file_set_identity (FwStoreFile        *file,
                                         const char         *identity);

struct stat;

/* Whether @st (a stat () or fstat ()) is the file @identity describes,
 * as it was then: the same file, size and modification time. */
gboolean     fw_store_identity_is       (const char         *identity,
                                         const struct stat  *st);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwStoreFile, fw_store_file_unref)

G_END_DECLS
