/* fw-store.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* `.flywheel` project files: SQLite databases (docs/file-format.md).
 *
 * Loading reads the file's bytes once and opens them as an in-memory,
 * read-only database: the file itself is never opened by SQLite, so
 * opening can neither change it nor leave a journal beside it. A file that
 * is not SQLite, belongs to another program, is damaged, comes from a newer
 * Flywheel, carries triggers or views, or holds an invalid value is refused
 * with an FW_ERROR whose message says which, and the returned project is
 * always valid.
 *
 * Saving builds the database in memory, serializes it and writes the bytes
 * beside the target, syncs and renames over it: a crash at any moment
 * leaves the old file or the new one, whole (fw-store-file.h, which also
 * keeps a file's links, owner and permissions). */

#define FW_STORE_APPLICATION_ID 0x46574C31 /* "FWL1" */
/* The format this Flywheel writes; it reads every format from 1 up to it. */
#define FW_STORE_SCHEMA_VERSION 2

/* The largest file the loader reads. The largest project MODEL.md
 * allows, every name and note at its longest in four-byte characters (the
 * most bytes a character takes in SQLite's text), saves to 436,346,880
 * bytes (416.1 MiB; docs/file-format.md, "Size limits"): every file
 * Flywheel writes reads back. Anything larger is not ours, and reading it
 * whole would only let a hostile file exhaust memory. */
#define FW_STORE_MAX_FILE_SIZE ((guint64) 512 * 1024 * 1024)

FwProject *fw_store_load        (const char       *path,
                                 GError          **error);
FwProject *fw_store_load_bytes  (GBytes           *bytes,
                                 GError          **error);
gboolean   fw_store_save        (const FwProject  *project,
                                 const char       *path,
                                 GError          **error);
GBytes    *fw_store_save_bytes  (const FwProject  *project,
                                 GError          **error);

/* Writes @project to @path (whole, as fw_file_replace () does) as a
 * copy of @base_path, a file of this format known to hold @base, with
 * only what differs written again (fw-store-patch.c): for the largest
 * projects a fraction of the work of fw_store_save (). @base_identity
 * (FwStoreFile's), when not NULL, is what @base_path must still be for
 * it to hold @base. @project must be valid (a document's version): it
 * is not validated again. Fails, writing nothing, when @base_path is not
 * such a file; the caller then saves whole. */
gboolean   fw_store_save_patched (const FwProject  *project,
                                  const char       *path,
                                  const char       *base_path,
                                  const char       *base_identity,
                                  const FwProject  *base,
                                  GError          **error);

G_END_DECLS
