/* fw-store-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fw-error.h"
#include "fw-store.h"

G_BEGIN_DECLS

/* What the parts of the store share; nothing outside src/store includes
 * this. fw-store-schema.c holds the format and the error helpers,
 * fw-store-save.c writes files, fw-store-load.c checks and opens them and
 * fw-store-rows.c reads a project out of an opened one. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* fw-store-schema.c ------------------------------------------------- */

/* File format FW_STORE_SCHEMA_VERSION, whole, as SQL that creates it;
 * docs/file-format.md quotes it. */
extern const char fw_store_schema_sql[];

/* fw_store_migrations[k] is the SQL that takes format k + 1 to k + 2. */
extern const char * const fw_store_migrations[FW_STORE_SCHEMA_VERSION - 1];

/* Sets an FW_ERROR with @code and returns FALSE, so that a check can end
 * in `return fw_store_fail (...)`. The message is written without the
 * file's name: fw_store_load () puts it in front, once. */
gboolean fw_store_fail        (GError     **error,
                               FwError      code,
                               const char  *format,
                               ...) G_GNUC_PRINTF (3, 4);

/* Sets the FW_ERROR that a failing SQLite call (@rc, with @db's message
 * when @db is not NULL) means for the file being read, and returns FALSE. */
gboolean fw_store_fail_sqlite (GError  **error,
                               sqlite3  *db,
                               int       rc);

/* fw-store-save.c --------------------------------------------------- */

/* Writes @project's rows into @db, which has the schema. With @base
 * NULL, @db is empty and every row is written; otherwise @db holds
 * @base's rows exactly, and only what differs is written again (the
 * project row, and each scenario that is not stored as it was, whole),
 * so that @db then holds @project's rows. */
gboolean fw_store_write_rows (sqlite3          *db,
                              const FwProject  *project,
                              const FwProject  *base,
                              GError          **error);

/* fw-store-load.c --------------------------------------------------- */

/* Switches off everything a hostile file could use on @db (triggers,
 * views, extensions, writing the schema) and limits what SQLite may
 * spend: for every database opened from a file. */
void       fw_store_harden     (sqlite3     *db);

/* fw_store_load () of @path, naming @shown_path in messages (the path as
 * the user named it, when @path is the real file it leads to). */
FwProject *fw_store_load_named (const char  *path,
                                const char  *shown_path,
                                GError     **error);

/* fw-store-rows.c --------------------------------------------------- */

/* Reads the project row and every scenario, with its stages and points,
 * out of @db, which has passed the identity, integrity and active
 * content checks. The project is not validated yet. */
FwProject *fw_store_read_project (sqlite3  *db,
                                  GError  **error);

G_END_DECLS
