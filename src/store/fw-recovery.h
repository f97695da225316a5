/* fw-recovery.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* Recovery copies: the unsaved work of each window, kept in the user's
 * state folder (by default ~/.local/state/flywheel/recovery) so that a
 * crash, a kill or a power cut costs at most the last few seconds of
 * editing (docs/file-format.md, "Recovery copies").
 *
 * One FwRecovery per running program. It holds a lock on a file named
 * after the program's instance for as long as it lives; every copy it
 * writes is named after that instance ("INSTANCE-N.flywheel", with
 * "INSTANCE-N.info" beside it saying which file the work belongs to). A
 * copy whose instance holds no lock any more was left by a program that
 * ended without saving or discarding it: an orphan, which the next
 * start offers back. Copies of a program still running are never
 * offered to another one.
 *
 * A copy is a complete project file, written whole (fw_file_replace ():
 * a temporary, synced and renamed), never over the user's own file;
 * made, when it can be, from a file that holds an earlier version of the
 * work (the user's file, read only, or the slot's last copy) with only
 * the changes written again, so that the largest project's copy takes
 * a fraction of a second rather than seconds of CPU. */
typedef struct _FwRecovery FwRecovery;

/* What a copy says about the work it holds. */
typedef struct
{
  char    *slot;          /* its name in the folder, without extension */
  char    *path;          /* the file the work belongs to; NULL if never saved */
  char    *identity;      /* that file as it was when opened or last saved (FwStoreFile) */
  char    *project_name;
  gint64   written;       /* when the copy was written, in seconds since 1970 */
} FwRecoveredCopy;

void             fw_recovered_copy_free (FwRecoveredCopy *copy);

/* Takes the folder (created 0700 if needed) and this instance's lock.
 * NULL with @error when the folder cannot be made or locked: the caller
 * goes on without recovery. */
FwRecovery      *fw_recovery_new        (const char   *folder,
                                         GError      **error);
/* g_get_user_state_dir ()/flywheel/recovery */
char            *fw_recovery_default_folder (void);
FwRecovery      *fw_recovery_ref        (FwRecovery   *self);
/* The program is ending normally: lets go of the lock now, however many
 * references are still held (a window not yet finalized, a write on its
 * way), so that no empty lock file outlives the program. Copies left
 * from here on are orphans, offered at the next start. The last unref
 * does the same. */
void             fw_recovery_end        (FwRecovery   *self);
/* The last reference lets go of the lock: what copies are left are
 * orphans, offered at the next start. */
void             fw_recovery_unref      (FwRecovery   *self);
const char      *fw_recovery_get_folder (FwRecovery   *self);

/* A new slot name for one window's copies (nothing is written yet). */
char            *fw_recovery_new_slot   (FwRecovery   *self);

/* Writes @project as the copy in @slot: the work belongs to @path (NULL
 * for a project never saved), whose identity as FwStoreFile keeps it is
 * @identity (may be NULL). Replaces the slot's earlier copy whole. */
gboolean         fw_recovery_write      (FwRecovery       *self,
                                         const char       *slot,
                                         const FwProject  *project,
                                         const char       *path,
                                         const char       *identity,
                                         GError          **error);
/* What a copy can be made from without building it whole
 * (fw_store_save_patched ()): a file known to hold @project, an
 * earlier version of the work. */
typedef struct
{
  const char      *path;      /* the user's file; NULL: the slot's own copy */
  const char      *identity;  /* what @path must still be (FwStoreFile's), or NULL */
  const FwProject *project;   /* what it holds */
} FwRecoveryBase;

/* fw_recovery_write () from @base (may be NULL): the file @base names,
 * copied, with only the scenarios that differ from @base->project
 * written again; written whole when that file cannot be used (changed,
 * gone, of another format). @project must be valid (a document's
 * version). */
gboolean         fw_recovery_write_from (FwRecovery            *self,
                                         const char            *slot,
                                         const FwProject       *project,
                                         const FwRecoveryBase  *base,
                                         const char            *path,
                                         const char            *identity,
                                         GError               **error);
/* The same on a thread. @project and @base->project are lent, not
 * copied: they must stay unchanged and alive until @callback runs
 * (fw_document_lend ()). */
void             fw_recovery_write_async  (FwRecovery          *self,
                                           const char          *slot,
                                           const FwProject     *project,
                                           const FwRecoveryBase *base,
                                           const char          *path,
                                           const char          *identity,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean         fw_recovery_write_finish (FwRecovery          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Removes the copy in @slot, if there is one. */
void             fw_recovery_remove     (FwRecovery   *self,
                                         const char   *slot);

/* The copies no running program holds, oldest first, each taken over by
 * this instance (renamed into a slot of its own, so that no other
 * program offers it too): the caller offers them, and what it neither
 * restores nor discards is an orphan again once this program ends. */
GPtrArray       *fw_recovery_adopt_orphans (FwRecovery *self);

/* The project a copy holds, read and checked like any project file. */
FwProject       *fw_recovery_load       (FwRecovery             *self,
                                         const FwRecoveredCopy  *copy,
                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwRecoveredCopy, fw_recovered_copy_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwRecovery, fw_recovery_unref)

G_END_DECLS
