/* fw-store-save.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-save"

#include "fw-store-file.h"
#include "fw-store-private.h"
#include "fw-validate.h"

/* Saving: the project is built into a private in-memory database whose
 * bytes are then written over the target in one piece. */

static gboolean
build_failed (sqlite3  *db,
              GError  **error)
{
  /* The database is private and in memory: a failure here is ours
   * (memory, a bug), never the user's. */
  return fw_store_fail (error, FW_ERROR_FAILED,
                        "could not build the project file (%s)", sqlite3_errmsg (db));
}

static gboolean
build_exec (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return build_failed (db, error);

  return TRUE;
}

static gboolean
build_prepare (sqlite3       *db,
               const char    *sql,
               sqlite3_stmt **stmt,
               GError       **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    return build_failed (db, error);

  return TRUE;
}

/* Runs an INSERT whose parameters are bound and makes it ready for the
 * next row. */
static gboolean
build_insert (sqlite3       *db,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return build_failed (db, error);

  return TRUE;
}

/* Strings stay owned by the project until the statement has run, so
 * SQLite need not copy them. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static gboolean
write_rows (sqlite3          *db,
            const FwProject  *project,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) project_stmt = NULL;
  g_autoptr(sqlite3_stmt) scenario_stmt = NULL;
  g_autoptr(sqlite3_stmt) stage_stmt = NULL;
  g_autoptr(sqlite3_stmt) point_stmt = NULL;

  if (!build_prepare (db,
                      "INSERT INTO project (id, name, period, horizon) "
                      "VALUES (0, ?1, ?2, ?3)",
                      &project_stmt, error) ||
      !build_prepare (db,
                      "INSERT INTO scenario (position, name, inflow, spread_advance, "
                      "spread_loss, spread_referral, spread_inflow) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                      &scenario_stmt, error) ||
      !build_prepare (db,
                      "INSERT INTO stage (scenario, position, name, color, count, customer, "
                      "advance, loss, referral, weight) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      &stage_stmt, error) ||
      !build_prepare (db,
                      "INSERT INTO point (scenario, position, name, kind, angle, conversion, "
                      "churn, referral, enabled, note) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      &point_stmt, error))
    return FALSE;

  bind_text (project_stmt, 1, project->name);
  bind_text (project_stmt, 2, fw_period_to_string (project->period));
  sqlite3_bind_int64 (project_stmt, 3, project->horizon);
  if (!build_insert (db, project_stmt, error))
    return FALSE;

  for (guint s = 0; s < project->scenarios->len; s++)
    {
      const FwScenario *scenario = g_ptr_array_index (project->scenarios, s);

      sqlite3_bind_int64 (scenario_stmt, 1, s);
      bind_text (scenario_stmt, 2, scenario->name);
      sqlite3_bind_double (scenario_stmt, 3, scenario->inflow);
      sqlite3_bind_double (scenario_stmt, 4, scenario->uncertainty.advance);
      sqlite3_bind_double (scenario_stmt, 5, scenario->uncertainty.loss);
      sqlite3_bind_double (scenario_stmt, 6, scenario->uncertainty.referral);
      sqlite3_bind_double (scenario_stmt, 7, scenario->uncertainty.inflow);
      if (!build_insert (db, scenario_stmt, error))
        return FALSE;

      for (guint i = 0; i < scenario->stages->len; i++)
        {
          const FwStage *stage = g_ptr_array_index (scenario->stages, i);

          sqlite3_bind_int64 (stage_stmt, 1, s);
          sqlite3_bind_int64 (stage_stmt, 2, i);
          bind_text (stage_stmt, 3, stage->name);
          bind_text (stage_stmt, 4, stage->color);
          sqlite3_bind_double (stage_stmt, 5, stage->count);
          sqlite3_bind_int (stage_stmt, 6, stage->customer ? 1 : 0);
          sqlite3_bind_double (stage_stmt, 7, stage->advance);
          sqlite3_bind_double (stage_stmt, 8, stage->loss);
          sqlite3_bind_double (stage_stmt, 9, stage->referral);
          sqlite3_bind_double (stage_stmt, 10, stage->weight);
          if (!build_insert (db, stage_stmt, error))
            return FALSE;
        }

      for (guint i = 0; i < scenario->points->len; i++)
        {
          const FwPoint *point = g_ptr_array_index (scenario->points, i);

          sqlite3_bind_int64 (point_stmt, 1, s);
          sqlite3_bind_int64 (point_stmt, 2, i);
          bind_text (point_stmt, 3, point->name);
          bind_text (point_stmt, 4, fw_point_kind_to_string (point->kind));
          sqlite3_bind_double (point_stmt, 5, point->angle);
          sqlite3_bind_double (point_stmt, 6, point->conversion);
          sqlite3_bind_double (point_stmt, 7, point->churn);
          sqlite3_bind_double (point_stmt, 8, point->referral);
          sqlite3_bind_int (point_stmt, 9, point->enabled ? 1 : 0);
          bind_text (point_stmt, 10, point->note);
          if (!build_insert (db, point_stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The file is built whole in a private in-memory database, in one
 * transaction, and handed out as bytes: nothing on disk is touched until
 * fw_store_save () writes them in one piece.
 *
 * Doubles are bound as REAL and read back bit for bit, with one
 * exception SQLite makes for REAL columns: a negative zero is stored as
 * the integer 0 and so reads back as +0.0 (equal to it, and nothing in
 * the model tells the two apart). */
GBytes *
fw_store_save_bytes (const FwProject  *project,
                     GError          **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *identity_sql = NULL;
  sqlite3_int64 size = 0;
  unsigned char *data;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fw_validate_project (project, error))
    return NULL;

  if (sqlite3_open_v2 (":memory:", &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      fw_store_fail (error, FW_ERROR_FAILED, "could not build the project file (%s)",
                     db != NULL ? sqlite3_errmsg (db) : "out of memory");
      return NULL;
    }

  /* Foreign keys only guard against our own bugs here: a stage or a
   * point is always written after its scenario. */
  identity_sql = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                                  "BEGIN;"
                                  "PRAGMA application_id = %d;"
                                  "PRAGMA user_version = %d;",
                                  FW_STORE_APPLICATION_ID,
                                  FW_STORE_SCHEMA_VERSION);
  if (!build_exec (db, identity_sql, error) ||
      !build_exec (db, fw_store_schema_sql, error) ||
      !write_rows (db, project, error) ||
      !build_exec (db, "COMMIT", error))
    return NULL;

  data = sqlite3_serialize (db, "main", &size, 0);
  if (data == NULL)
    {
      fw_store_fail (error, FW_ERROR_FAILED, "could not build the project file (out of memory)");
      return NULL;
    }

  return g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
}

/* Resolved at each call: a caller that keeps a file open (the window)
 * keeps an FwStoreFile instead, resolved once when it was opened. */
gboolean
fw_store_save (const FwProject  *project,
               const char       *path,
               GError          **error)
{
  g_autoptr(FwStoreFile) file = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = fw_store_file_new (path);
  return fw_store_file_save (file, project, error);
}
