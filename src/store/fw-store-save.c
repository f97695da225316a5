/* fw-store-save.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-save"

#include <string.h>

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

typedef struct
{
  sqlite3_stmt *project;
  sqlite3_stmt *scenario;
  sqlite3_stmt *stage;
  sqlite3_stmt *point;
  sqlite3_stmt *drop_stages;
  sqlite3_stmt *drop_points;
  sqlite3_stmt *drop_scenario;
} Statements;

static void
statements_clear (Statements *st)
{
  sqlite3_finalize (st->project);
  sqlite3_finalize (st->scenario);
  sqlite3_finalize (st->stage);
  sqlite3_finalize (st->point);
  sqlite3_finalize (st->drop_stages);
  sqlite3_finalize (st->drop_points);
  sqlite3_finalize (st->drop_scenario);
}

static gboolean
write_scenario (sqlite3           *db,
                Statements        *st,
                guint              s,
                const FwScenario  *scenario,
                GError           **error)
{
  sqlite3_bind_int64 (st->scenario, 1, s);
  bind_text (st->scenario, 2, scenario->name);
  sqlite3_bind_double (st->scenario, 3, scenario->inflow);
  sqlite3_bind_double (st->scenario, 4, scenario->uncertainty.advance);
  sqlite3_bind_double (st->scenario, 5, scenario->uncertainty.loss);
  sqlite3_bind_double (st->scenario, 6, scenario->uncertainty.referral);
  sqlite3_bind_double (st->scenario, 7, scenario->uncertainty.inflow);
  if (!build_insert (db, st->scenario, error))
    return FALSE;

  for (guint i = 0; i < scenario->stages->len; i++)
    {
      const FwStage *stage = g_ptr_array_index (scenario->stages, i);

      sqlite3_bind_int64 (st->stage, 1, s);
      sqlite3_bind_int64 (st->stage, 2, i);
      bind_text (st->stage, 3, stage->name);
      bind_text (st->stage, 4, stage->color);
      sqlite3_bind_double (st->stage, 5, stage->count);
      sqlite3_bind_int (st->stage, 6, stage->customer ? 1 : 0);
      sqlite3_bind_double (st->stage, 7, stage->advance);
      sqlite3_bind_double (st->stage, 8, stage->loss);
      sqlite3_bind_double (st->stage, 9, stage->referral);
      sqlite3_bind_double (st->stage, 10, stage->weight);
      if (!build_insert (db, st->stage, error))
        return FALSE;
    }

  for (guint i = 0; i < scenario->points->len; i++)
    {
      const FwPoint *point = g_ptr_array_index (scenario->points, i);

      sqlite3_bind_int64 (st->point, 1, s);
      sqlite3_bind_int64 (st->point, 2, i);
      bind_text (st->point, 3, point->name);
      bind_text (st->point, 4, fw_point_kind_to_string (point->kind));
      sqlite3_bind_double (st->point, 5, point->angle);
      sqlite3_bind_double (st->point, 6, point->conversion);
      sqlite3_bind_double (st->point, 7, point->churn);
      sqlite3_bind_double (st->point, 8, point->referral);
      sqlite3_bind_int (st->point, 9, point->enabled ? 1 : 0);
      bind_text (st->point, 10, point->note);
      if (!build_insert (db, st->point, error))
        return FALSE;
    }

  return TRUE;
}

/* Removes scenario @s and its rows. */
static gboolean
drop_scenario (sqlite3     *db,
               Statements  *st,
               guint        s,
               GError     **error)
{
  sqlite3_bind_int64 (st->drop_stages, 1, s);
  sqlite3_bind_int64 (st->drop_points, 1, s);
  sqlite3_bind_int64 (st->drop_scenario, 1, s);
  return build_insert (db, st->drop_stages, error) &&
         build_insert (db, st->drop_points, error) &&
         build_insert (db, st->drop_scenario, error);
}

/* Bit for bit: what write_scenario () stores is the same. (A -0.0
 * against a 0.0 counts as a change, which only costs a rewrite.) */
static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

/* Whether @a and @b are stored as the same rows: every field
 * write_scenario () writes, compared. Versions share what an edit did
 * not change (fw-model.h), and what is shared never changes: the same
 * object, or the same list, is the same rows without a look. */
static gboolean
same_rows (const FwScenario *a,
           const FwScenario *b)
{
  if (a == b)
    return TRUE;

  if (g_strcmp0 (a->name, b->name) != 0 || !same_double (a->inflow, b->inflow) ||
      !same_double (a->uncertainty.advance, b->uncertainty.advance) ||
      !same_double (a->uncertainty.loss, b->uncertainty.loss) ||
      !same_double (a->uncertainty.referral, b->uncertainty.referral) ||
      !same_double (a->uncertainty.inflow, b->uncertainty.inflow) ||
      a->stages->len != b->stages->len || a->points->len != b->points->len)
    return FALSE;

  for (guint i = 0; a->stages != b->stages && i < a->stages->len; i++)
    {
      const FwStage *x = g_ptr_array_index (a->stages, i);
      const FwStage *y = g_ptr_array_index (b->stages, i);

      if (g_strcmp0 (x->name, y->name) != 0 || strcmp (x->color, y->color) != 0 ||
          !same_double (x->count, y->count) || !x->customer != !y->customer ||
          !same_double (x->advance, y->advance) || !same_double (x->loss, y->loss) ||
          !same_double (x->referral, y->referral) || !same_double (x->weight, y->weight))
        return FALSE;
    }

  for (guint i = 0; a->points != b->points && i < a->points->len; i++)
    {
      const FwPoint *x = g_ptr_array_index (a->points, i);
      const FwPoint *y = g_ptr_array_index (b->points, i);

      if (g_strcmp0 (x->name, y->name) != 0 || x->kind != y->kind ||
          !same_double (x->angle, y->angle) || !same_double (x->conversion, y->conversion) ||
          !same_double (x->churn, y->churn) || !same_double (x->referral, y->referral) ||
          !x->enabled != !y->enabled || g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
fw_store_write_rows (sqlite3          *db,
                     const FwProject  *project,
                     const FwProject  *base,
                     GError          **error)
{
  Statements st = { NULL, };
  guint n_base = base != NULL ? base->scenarios->len : 0;
  gboolean ok;

  ok = build_prepare (db,
                      "INSERT OR REPLACE INTO project (id, name, period, horizon) "
                      "VALUES (0, ?1, ?2, ?3)",
                      &st.project, error) &&
       build_prepare (db,
                      "INSERT INTO scenario (position, name, inflow, spread_advance, "
                      "spread_loss, spread_referral, spread_inflow) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                      &st.scenario, error) &&
       build_prepare (db,
                      "INSERT INTO stage (scenario, position, name, color, count, customer, "
                      "advance, loss, referral, weight) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      &st.stage, error) &&
       build_prepare (db,
                      "INSERT INTO point (scenario, position, name, kind, angle, conversion, "
                      "churn, referral, enabled, note) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      &st.point, error) &&
       build_prepare (db, "DELETE FROM stage WHERE scenario = ?1", &st.drop_stages, error) &&
       build_prepare (db, "DELETE FROM point WHERE scenario = ?1", &st.drop_points, error) &&
       build_prepare (db, "DELETE FROM scenario WHERE position = ?1", &st.drop_scenario, error);

  if (ok)
    {
      bind_text (st.project, 1, project->name);
      bind_text (st.project, 2, fw_period_to_string (project->period));
      sqlite3_bind_int64 (st.project, 3, project->horizon);
      ok = build_insert (db, st.project, error);
    }

  /* A scenario stored as it is stays; any other is written again whole
   * (an edit changes one scenario, and a point's position is its key,
   * so a point added or removed moves every one after it anyway). */
  for (guint s = 0; ok && s < MAX (n_base, project->scenarios->len); s++)
    {
      const FwScenario *now = s < project->scenarios->len ? g_ptr_array_index (project->scenarios, s) : NULL;
      const FwScenario *was = s < n_base ? g_ptr_array_index (base->scenarios, s) : NULL;

      if (now != NULL && was != NULL && same_rows (now, was))
        continue;
      if (was != NULL)
        ok = drop_scenario (db, &st, s, error);
      if (ok && now != NULL)
        ok = write_scenario (db, &st, s, now, error);
    }

  statements_clear (&st);
  return ok;
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
      !fw_store_write_rows (db, project, NULL, error) ||
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
