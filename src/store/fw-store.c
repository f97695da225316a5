/* fw-store.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fw-error.h"
#include "fw-store.h"
#include "fw-validate.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The largest valid project (50 scenarios of 1000 points, each with an
 * 80-character name and a 2000-character note of four-byte characters)
 * saves to about 416 MiB, so every file Flywheel can write reads back;
 * anything larger is not ours, and reading it whole would only let a
 * hostile file exhaust memory. */
#define MAX_FILE_SIZE ((sqlite3_int64) 512 * 1024 * 1024)

/* File format 1, whole; docs/file-format.md quotes it.
 *
 * STRICT tables keep every value in the storage class the loader expects
 * (a REAL column turns a bound integer into a real, never text into a
 * number). The CHECKs only guard the storage itself: MODEL.md's ranges
 * live in fw_validate_project () alone, so that the schema can never
 * refuse a project the validator accepts. Positions are 0-based and give
 * the order of scenarios, stages and points. */
static const char schema_sql[] =
  "CREATE TABLE project (\n"
  "  id         INTEGER PRIMARY KEY CHECK (id = 0),\n"
  "  name       TEXT NOT NULL,\n"
  "  period     TEXT NOT NULL CHECK (period IN ('week', 'month', 'quarter')),\n"
  "  horizon    INTEGER NOT NULL\n"
  ") STRICT;\n"
  "\n"
  "CREATE TABLE scenario (\n"
  "  position   INTEGER PRIMARY KEY,\n"
  "  name       TEXT NOT NULL,\n"
  "  inflow     REAL NOT NULL\n"
  ") STRICT;\n"
  "\n"
  "CREATE TABLE stage (\n"
  "  scenario   INTEGER NOT NULL REFERENCES scenario (position),\n"
  "  position   INTEGER NOT NULL,\n"
  "  name       TEXT NOT NULL,\n"
  "  color      TEXT NOT NULL,\n"
  "  count      REAL NOT NULL,\n"
  "  customer   INTEGER NOT NULL CHECK (customer IN (0, 1)),\n"
  "  advance    REAL NOT NULL,\n"
  "  loss       REAL NOT NULL,\n"
  "  referral   REAL NOT NULL,\n"
  "  weight     REAL NOT NULL,\n"
  "  PRIMARY KEY (scenario, position)\n"
  ") STRICT;\n"
  "\n"
  "CREATE TABLE point (\n"
  "  scenario   INTEGER NOT NULL REFERENCES scenario (position),\n"
  "  position   INTEGER NOT NULL,\n"
  "  name       TEXT NOT NULL,\n"
  "  kind       TEXT NOT NULL CHECK (kind IN ('friction', 'force')),\n"
  "  angle      REAL NOT NULL,\n"
  "  conversion REAL NOT NULL,\n"
  "  churn      REAL NOT NULL,\n"
  "  referral   REAL NOT NULL,\n"
  "  enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),\n"
  "  note       TEXT NOT NULL,\n"
  "  PRIMARY KEY (scenario, position)\n"
  ") STRICT;\n";

/* Saving ------------------------------------------------------------ */

static gboolean
build_failed (sqlite3  *db,
              GError  **error)
{
  /* The database is private and in memory: a failure here is ours
   * (memory, a bug), never the user's. */
  g_set_error (error, FW_ERROR, FW_ERROR_FAILED,
               "could not build the project file (%s)", sqlite3_errmsg (db));
  return FALSE;
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
                      "INSERT INTO scenario (position, name, inflow) "
                      "VALUES (?1, ?2, ?3)",
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
      g_set_error (error, FW_ERROR, FW_ERROR_FAILED,
                   "could not build the project file (%s)",
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
      !build_exec (db, schema_sql, error) ||
      !write_rows (db, project, error) ||
      !build_exec (db, "COMMIT", error))
    return NULL;

  data = sqlite3_serialize (db, "main", &size, 0);
  if (data == NULL)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_FAILED,
                   "could not build the project file (out of memory)");
      return NULL;
    }

  return g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
}

/* g_file_set_contents_full () writes a temporary file beside @path,
 * fsyncs it and renames it over @path, so a crash leaves the old file or
 * the new one, whole (a killed save can leave its temporary
 * "name.XXXXXX" beside the target). It replaces @path rather than
 * writing into it, which also means a database someone else has open is
 * never changed under them. */
gboolean
fw_store_save (const FwProject  *project,
               const char       *path,
               GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = fw_store_save_bytes (project, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      /* Keeps GFileError's domain and code: the disk, not the project,
       * is at fault. GLib's message names the temporary file. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }

  return TRUE;
}

/* Loading ----------------------------------------------------------- */

/* Load errors are written without the file's name; the public functions
 * put it in front, once. */
static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      FwError      code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (FW_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* What a failing SQLite call says about the file. The image is private
 * and read-only, so corruption, a short image, a missing table or
 * column and an unreadable schema all mean a damaged file; a string or a
 * row past our limits means an invalid one; only a lack of memory or a
 * misuse is our own failure. */
static gboolean
fail_sqlite (GError  **error,
             sqlite3  *db,
             int       rc)
{
  g_autofree char *detail = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db)
                                                          : sqlite3_errstr (rc), -1);
  int primary = rc & 0xff;

  if (primary == SQLITE_NOMEM || rc == SQLITE_IOERR_NOMEM ||
      primary == SQLITE_MISUSE || primary == SQLITE_INTERNAL)
    return fail (error, FW_ERROR_FAILED, "could not be read (%s)", detail);

  if (primary == SQLITE_TOOBIG)
    return fail (error, FW_ERROR_INVALID,
                 "holds a value larger than a Flywheel project ever has (%s)", detail);

  return fail (error, FW_ERROR_DAMAGED, "is damaged (%s)", detail);
}

static gboolean
fail_too_large (GError **error)
{
  return fail (error, FW_ERROR_NOT_PROJECT,
               "not a Flywheel project (larger than %" G_GINT64_FORMAT " MiB)",
               (gint64) (MAX_FILE_SIZE / (1024 * 1024)));
}

static gboolean
is_sqlite_image (const unsigned char *image,
                 sqlite3_int64        size)
{
  static const char magic[] = "SQLite format 3"; /* 16 bytes with its NUL */

  return size >= (sqlite3_int64) sizeof magic && memcmp (image, magic, sizeof magic) == 0;
}

/* The file format's write and read versions, bytes 18 and 19 of the
 * header, are 2 in a database last written in WAL mode. */
static gboolean
is_wal_image (const unsigned char *image,
              sqlite3_int64        size)
{
  return size >= 20 && image[18] == 2 && image[19] == 2;
}

/* "Defense against the dark arts" (sqlite.org/security.html): nothing
 * in the file may run code, load code, change the database or make SQLite
 * spend unbounded memory or time. Triggers and views are switched off as
 * well as refused, and the limits are far above anything format 1 holds
 * (the longest value is a 2000-character note, at most 8000 bytes). */
static void
harden (sqlite3 *db)
{
  static const int configs[][2] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 0 },
    { SQLITE_DBCONFIG_ENABLE_VIEW, 0 },
    { SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0 },
  };
  static const int limits[][2] = {
    { SQLITE_LIMIT_LENGTH, 1000000 },
    { SQLITE_LIMIT_SQL_LENGTH, 100000 },
    { SQLITE_LIMIT_COLUMN, 100 },
    { SQLITE_LIMIT_EXPR_DEPTH, 10 },
    { SQLITE_LIMIT_COMPOUND_SELECT, 3 },
    { SQLITE_LIMIT_VDBE_OP, 25000 },
    { SQLITE_LIMIT_FUNCTION_ARG, 8 },
    { SQLITE_LIMIT_ATTACHED, 0 },
    { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50 },
    { SQLITE_LIMIT_VARIABLE_NUMBER, 10 },
    { SQLITE_LIMIT_TRIGGER_DEPTH, 10 },
  };

  sqlite3_extended_result_codes (db, 1);
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    sqlite3_db_config (db, configs[i][0], configs[i][1], (int *) NULL);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (db, limits[i][0], limits[i][1]);
}

static gboolean
query_int (sqlite3        *db,
           const char     *sql,
           sqlite3_int64  *value,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail_sqlite (error, db, rc);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_identity (sqlite3  *db,
                GError  **error)
{
  sqlite3_int64 application_id, version;

  if (!query_int (db, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (application_id != FW_STORE_APPLICATION_ID)
    return fail (error, FW_ERROR_NOT_PROJECT,
                 "not a Flywheel project (the database belongs to another program)");

  if (!query_int (db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version > FW_STORE_SCHEMA_VERSION)
    return fail (error, FW_ERROR_TOO_NEW,
                 "was saved by a newer Flywheel (file format %" G_GINT64_FORMAT
                 "; this one reads %d)", (gint64) version, FW_STORE_SCHEMA_VERSION);
  if (version != FW_STORE_SCHEMA_VERSION)
    return fail (error, FW_ERROR_NOT_PROJECT,
                 "not a Flywheel project (unknown file format %" G_GINT64_FORMAT ")",
                 (gint64) version);

  return TRUE;
}

/* quick_check verifies the b-trees, which is what a torn or bit-flipped
 * file breaks; it skips the index-content comparison of integrity_check,
 * which only an editing program needs. */
static gboolean
check_integrity (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail_sqlite (error, db, rc);

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_autofree char *detail = NULL;

      /* "*** in database main ***\nPage 11: btreeInitPage() returns
       * error code 11": the first line says nothing here. */
      if (result != NULL && g_str_has_prefix (result, "*** ") && strchr (result, '\n') != NULL)
        result = strchr (result, '\n') + 1;
      detail = g_utf8_make_valid (result != NULL ? result : "no result", -1);
      g_strdelimit (detail, "\n", ' ');

      return fail (error, FW_ERROR_DAMAGED, "is damaged (%s)", detail);
    }

  return TRUE;
}

/* Anything in the schema but plain tables and their indexes is refused.
 * The test is an allow-list on the CREATE text SQLite itself parses (the
 * "type" column is just data a hostile file can fill in as it likes). */
static gboolean
check_active_content (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *object = NULL;
  const char *what;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, sql LIKE 'CREATE VIRTUAL TABLE %' "
                           "FROM sqlite_schema "
                           "WHERE NOT ((type = 'table' AND rootpage > 0 "
                           "            AND sql LIKE 'CREATE TABLE %') "
                           "           OR (type = 'index' AND (sql IS NULL "
                           "               OR sql LIKE 'CREATE INDEX %' "
                           "               OR sql LIKE 'CREATE UNIQUE INDEX %'))) "
                           "LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return fail_sqlite (error, db, rc);

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "trigger") == 0)
    what = "a trigger";
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "view") == 0)
    what = "a view";
  else if (sqlite3_column_int (stmt, 2))
    what = "a virtual table";
  else
    what = "a schema object";

  object = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);
  return fail (error, FW_ERROR_UNSAFE,
               "not opened: it holds %s (“%s”), which a Flywheel project never has",
               what, object);
}

/* One row being read, so that each column reads in one line and every
 * error names its place like the JSON reader does:
 * "scenarios[0].stages[2].count: must be a number, got text". */
typedef struct
{
  sqlite3_stmt *stmt;
  const char   *place;  /* "scenarios[0].stages[2]", NULL for the project */
} Row;

static char *
field_path (const Row  *row,
            const char *field)
{
  if (row->place == NULL)
    return g_strdup (field);

  return g_strdup_printf ("%s.%s", row->place, field);
}

static gboolean G_GNUC_PRINTF (4, 5)
field_fail (const Row   *row,
            const char  *field,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *path = field_path (row, field);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return fail (error, FW_ERROR_INVALID, "%s: %s", path, message);
}

static const char *
storage_class_name (int type)
{
  switch (type)
    {
    case SQLITE_INTEGER:
      return "integer";
    case SQLITE_FLOAT:
      return "real";
    case SQLITE_TEXT:
      return "text";
    case SQLITE_BLOB:
      return "blob";
    default:
      return "null";
    }
}

/* A whole number counts as a number: a file written without STRICT
 * tables may hold 900 for 900.0. Every integer a valid project can hold
 * converts to a double exactly. */
static gboolean
read_number (const Row   *row,
             int          column,
             const char  *field,
             double      *value,
             GError     **error)
{
  int type = sqlite3_column_type (row->stmt, column);

  if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
    return field_fail (row, field, error, "must be a number, got %s", storage_class_name (type));

  *value = sqlite3_column_double (row->stmt, column);
  return TRUE;
}

static gboolean
read_integer (const Row      *row,
              int             column,
              const char     *field,
              sqlite3_int64  *value,
              GError        **error)
{
  int type = sqlite3_column_type (row->stmt, column);

  if (type != SQLITE_INTEGER)
    return field_fail (row, field, error, "must be a whole number, got %s",
                       storage_class_name (type));

  *value = sqlite3_column_int64 (row->stmt, column);
  return TRUE;
}

static gboolean
read_boolean (const Row   *row,
              int          column,
              const char  *field,
              gboolean    *value,
              GError     **error)
{
  int type = sqlite3_column_type (row->stmt, column);
  sqlite3_int64 number;

  if (type != SQLITE_INTEGER)
    return field_fail (row, field, error, "must be 0 or 1, got %s", storage_class_name (type));

  number = sqlite3_column_int64 (row->stmt, column);
  if (number != 0 && number != 1)
    return field_fail (row, field, error, "must be 0 or 1, got %" G_GINT64_FORMAT,
                       (gint64) number);

  *value = number == 1;
  return TRUE;
}

/* A text value quoted in a message as fw-validate.c quotes it: cut
 * after 40 characters, so that a hostile file cannot fill the screen. */
static char *
quote_text (const char *value)
{
  if (g_utf8_strlen (value, -1) <= 40)
    return g_strdup_printf ("\"%s\"", value);

  return g_strdup_printf ("\"%.*s…\"",
                          (int) (g_utf8_offset_to_pointer (value, 40) - value), value);
}

/* Replaces *@value. g_utf8_validate () with a length also refuses an
 * embedded NUL, which would silently cut the string short. */
static gboolean
read_text (const Row   *row,
           int          column,
           const char  *field,
           char       **value,
           GError     **error)
{
  int type = sqlite3_column_type (row->stmt, column);
  const char *text;
  int length;

  if (type != SQLITE_TEXT)
    return field_fail (row, field, error, "must be text, got %s", storage_class_name (type));

  text = (const char *) sqlite3_column_text (row->stmt, column);
  length = sqlite3_column_bytes (row->stmt, column);
  if (text == NULL)
    return fail_sqlite (error, sqlite3_db_handle (row->stmt), SQLITE_NOMEM);
  if (!g_utf8_validate (text, length, NULL))
    return field_fail (row, field, error, "must be valid UTF-8 text");

  g_free (*value);
  *value = g_strndup (text, length);
  return TRUE;
}

static gboolean
read_color (const Row   *row,
            int          column,
            char         color[8],
            GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  if (!read_text (row, column, "color", &text, error))
    return FALSE;

  /* Checked before the copy: a longer string would be cut to a valid
   * colour by the fixed-size field. */
  path = field_path (row, "color");
  if (!fw_check_color (path, text, error))
    return FALSE;

  g_strlcpy (color, text, 8);
  return TRUE;
}

static gboolean
read_project_row (sqlite3    *db,
                  FwProject **out,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FwProject) project = fw_project_new (NULL);
  g_autofree char *period = NULL;
  double horizon;
  Row row = { NULL, NULL };
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, period, horizon FROM project", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return fail (error, FW_ERROR_DAMAGED, "is damaged (it holds no project row)");
  if (rc != SQLITE_ROW)
    return fail_sqlite (error, db, rc);

  row.stmt = stmt;
  if (!read_text (&row, 0, "name", &project->name, error) ||
      !read_text (&row, 1, "period", &period, error) ||
      !read_number (&row, 2, "horizon", &horizon, error))
    return FALSE;

  if (!fw_period_from_string (period, &project->period))
    {
      g_autofree char *quoted = quote_text (period);

      return field_fail (&row, "period", error,
                         "must be \"week\", \"month\" or \"quarter\", got %s", quoted);
    }

  /* Read as any number and checked before the narrowing to guint, with
   * the validator's words for 24.5 as for 1e10. */
  if (!fw_check_horizon ("horizon", horizon, error))
    return FALSE;
  project->horizon = (guint) horizon;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return fail (error, FW_ERROR_DAMAGED, "is damaged (it holds more than one project row)");
  if (rc != SQLITE_DONE)
    return fail_sqlite (error, db, rc);

  *out = g_steal_pointer (&project);
  return TRUE;
}

static gboolean
read_stage (const Row  *row,
            gpointer   *out,
            GError    **error)
{
  g_autoptr(FwStage) stage = fw_stage_new (NULL, 0);

  if (!read_text (row, 0, "name", &stage->name, error) ||
      !read_color (row, 1, stage->color, error) ||
      !read_number (row, 2, "count", &stage->count, error) ||
      !read_boolean (row, 3, "customer", &stage->customer, error) ||
      !read_number (row, 4, "advance", &stage->advance, error) ||
      !read_number (row, 5, "loss", &stage->loss, error) ||
      !read_number (row, 6, "referral", &stage->referral, error) ||
      !read_number (row, 7, "weight", &stage->weight, error))
    return FALSE;

  *out = g_steal_pointer (&stage);
  return TRUE;
}

static gboolean
read_point (const Row  *row,
            gpointer   *out,
            GError    **error)
{
  g_autoptr(FwPoint) point = fw_point_new (NULL, 0.0);
  g_autofree char *kind = NULL;

  if (!read_text (row, 0, "name", &point->name, error) ||
      !read_text (row, 1, "kind", &kind, error))
    return FALSE;

  if (!fw_point_kind_from_string (kind, &point->kind))
    {
      g_autofree char *quoted = quote_text (kind);

      return field_fail (row, "kind", error,
                         "must be \"friction\" or \"force\", got %s", quoted);
    }

  if (!read_number (row, 2, "angle", &point->angle, error) ||
      !read_number (row, 3, "conversion", &point->conversion, error) ||
      !read_number (row, 4, "churn", &point->churn, error) ||
      !read_number (row, 5, "referral", &point->referral, error) ||
      !read_boolean (row, 6, "enabled", &point->enabled, error) ||
      !read_text (row, 7, "note", &point->note, error))
    return FALSE;

  *out = g_steal_pointer (&point);
  return TRUE;
}

typedef gboolean (*ReadItem) (const Row *row, gpointer *item, GError **error);

/* Reads the stages or the points of the scenario at @position into
 * @items. @stmt selects them in order and stops one past the model's
 * limit: the validator then refuses the list in its own words, and a
 * hostile file cannot make us build millions of rows. */
static gboolean
read_items (sqlite3_stmt  *stmt,
            sqlite3_int64  position,
            const char    *place,
            const char    *list,
            ReadItem       read_item,
            GPtrArray     *items,
            GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, position);

  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      g_autofree char *item_place = g_strdup_printf ("%s.%s[%u]", place, list, i);
      Row row = { stmt, item_place };
      gpointer item = NULL;

      if (!read_item (&row, &item, error))
        return FALSE;
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    return fail_sqlite (error, sqlite3_db_handle (stmt), rc);

  return TRUE;
}

/* The LIMIT is the statement's last parameter. */
static gboolean
prepare_limited (sqlite3       *db,
                 const char    *sql,
                 int            limit,
                 sqlite3_stmt **stmt,
                 GError       **error)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return fail_sqlite (error, db, rc);

  sqlite3_bind_int (*stmt, sqlite3_bind_parameter_count (*stmt), limit + 1);
  return TRUE;
}

static gboolean
read_scenarios (sqlite3    *db,
                FwProject  *project,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) scenario_stmt = NULL;
  g_autoptr(sqlite3_stmt) stage_stmt = NULL;
  g_autoptr(sqlite3_stmt) point_stmt = NULL;
  int rc;

  if (!prepare_limited (db,
                        "SELECT position, name, inflow FROM scenario "
                        "ORDER BY position LIMIT ?1",
                        FW_MAX_SCENARIOS, &scenario_stmt, error) ||
      !prepare_limited (db,
                        "SELECT name, color, count, customer, advance, loss, referral, weight "
                        "FROM stage WHERE scenario = ?1 ORDER BY position LIMIT ?2",
                        FW_MAX_STAGES, &stage_stmt, error) ||
      !prepare_limited (db,
                        "SELECT name, kind, angle, conversion, churn, referral, enabled, note "
                        "FROM point WHERE scenario = ?1 ORDER BY position LIMIT ?2",
                        FW_MAX_POINTS, &point_stmt, error))
    return FALSE;

  for (guint s = 0; (rc = sqlite3_step (scenario_stmt)) == SQLITE_ROW; s++)
    {
      g_autofree char *place = g_strdup_printf ("scenarios[%u]", s);
      g_autoptr(FwScenario) scenario = fw_scenario_new (NULL);
      Row row = { scenario_stmt, place };
      sqlite3_int64 position = 0;

      if (!read_integer (&row, 0, "position", &position, error) ||
          !read_text (&row, 1, "name", &scenario->name, error) ||
          !read_number (&row, 2, "inflow", &scenario->inflow, error) ||
          !read_items (stage_stmt, position, place, "stages",
                       read_stage, scenario->stages, error) ||
          !read_items (point_stmt, position, place, "points",
                       read_point, scenario->points, error))
        return FALSE;

      g_ptr_array_add (project->scenarios, g_steal_pointer (&scenario));
    }

  if (rc != SQLITE_DONE)
    return fail_sqlite (error, db, rc);

  return TRUE;
}

/* Rows that no scenario owns can only come from a file edited by hand
 * or by another tool; dropping them silently would lose data. */
static gboolean
check_orphans (sqlite3  *db,
               GError  **error)
{
  sqlite3_int64 orphans;

  if (!query_int (db,
                  "SELECT (SELECT count(*) FROM stage "
                  "        WHERE scenario NOT IN (SELECT position FROM scenario)) "
                  "     + (SELECT count(*) FROM point "
                  "        WHERE scenario NOT IN (SELECT position FROM scenario))",
                  &orphans, error))
    return FALSE;

  if (orphans > 0)
    return fail (error, FW_ERROR_DAMAGED,
                 "is damaged (it holds stages or points of no scenario)");

  return TRUE;
}

/* Opens @image (allocated with sqlite3_malloc64 (), taken) as a private,
 * read-only, in-memory database and reads the project out of it. The
 * checks run in the order docs/file-format.md gives: each one may rely
 * on those before it. */
static FwProject *
load_image (unsigned char  *image,
            sqlite3_int64   size,
            GError        **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(FwProject) project = NULL;
  int rc;

  if (size == 0)
    {
      sqlite3_free (image);
      fail (error, FW_ERROR_NOT_PROJECT, "not a Flywheel project (it is empty)");
      return NULL;
    }
  if (!is_sqlite_image (image, size))
    {
      sqlite3_free (image);
      fail (error, FW_ERROR_NOT_PROJECT, "not a Flywheel project (not an SQLite database)");
      return NULL;
    }

  /* SQLite refuses to open an image in WAL mode from memory (there is
   * no WAL file beside it). Everything committed and checkpointed is in
   * these bytes, so the private copy is marked as a rollback-journal
   * database and read: fw_store_load () has already refused a file
   * whose -wal still holds changes, and bytes handed to
   * fw_store_load_bytes () are all there is. The file is left as it is. */
  if (is_wal_image (image, size))
    image[18] = image[19] = 1;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (image);
      fail_sqlite (error, db, rc);
      return NULL;
    }

  harden (db);

  /* From here on SQLite owns the image, even if this fails. */
  rc = sqlite3_deserialize (db, "main", image, size, size,
                            SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE);
  if (rc != SQLITE_OK)
    {
      fail_sqlite (error, db, rc);
      return NULL;
    }

  if (!check_identity (db, error) ||
      !check_integrity (db, error) ||
      !check_active_content (db, error) ||
      !read_project_row (db, &project, error) ||
      !read_scenarios (db, project, error) ||
      !check_orphans (db, error) ||
      !fw_validate_project (project, error))
    return NULL;

  return g_steal_pointer (&project);
}

/* Reads the whole file into memory that SQLite can take over, so that
 * the bytes are held once. The descriptor is opened without blocking (a
 * FIFO cannot hang us) and sized with fstat () on itself. */
static unsigned char *
read_file (const char     *path,
           sqlite3_int64  *size,
           GError        **error)
{
  unsigned char *image;
  struct stat st;
  sqlite3_int64 done = 0;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    goto failed;

  if (fstat (fd, &st) != 0)
    goto failed;

  if (S_ISDIR (st.st_mode))
    {
      errno = EISDIR;
      goto failed;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      fail (error, FW_ERROR_NOT_PROJECT, "not a Flywheel project (not a regular file)");
      return NULL;
    }
  if (st.st_size > MAX_FILE_SIZE)
    {
      close (fd);
      fail_too_large (error);
      return NULL;
    }

  image = sqlite3_malloc64 (MAX (st.st_size, 1));
  if (image == NULL)
    {
      close (fd);
      fail (error, FW_ERROR_FAILED, "could not be read (out of memory)");
      return NULL;
    }

  while (done < st.st_size)
    {
      ssize_t n = read (fd, image + done, (size_t) (st.st_size - done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          sqlite3_free (image);
          goto failed;
        }
      if (n == 0)
        break;
      done += n;
    }

  close (fd);
  *size = done;
  return image;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return NULL;
}

/* Flywheel never leaves a journal beside a file, but another program
 * writing to it (the sqlite3 shell, say) does while it works, and
 * leaves one if it crashes. The main file's bytes alone are then stale
 * or half written; SQLite would replay or roll back the journal, which
 * means writing, and loading never writes. So the file is refused until
 * that program has closed it. A -wal counts when it holds anything; a
 * rollback journal when it starts with a live header (SQLite zeroes it
 * or deletes the file on commit). */
static gboolean
check_no_journal (const char           *path,
                  const unsigned char  *image,
                  sqlite3_int64         size,
                  GError              **error)
{
  static const guchar journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  gboolean wal = is_wal_image (image, size);
  g_autofree char *journal = g_strconcat (path, wal ? "-wal" : "-journal", NULL);
  g_autofree char *journal_name = NULL;
  gboolean live = FALSE;
  GStatBuf st;

  if (wal)
    {
      live = g_stat (journal, &st) == 0 && st.st_size > 0;
    }
  else
    {
      guchar header[sizeof journal_magic];
      int fd = g_open (journal, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

      if (fd >= 0)
        {
          live = read (fd, header, sizeof header) == (ssize_t) sizeof header &&
                 memcmp (header, journal_magic, sizeof header) == 0;
          close (fd);
        }
    }

  if (!live)
    return TRUE;

  journal_name = g_filename_display_basename (journal);
  return fail (error, FW_ERROR_FAILED,
               "is being changed by another program (%s is beside it); "
               "close that program and open the file again", journal_name);
}

FwProject *
fw_store_load (const char  *path,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  unsigned char *image;
  sqlite3_int64 size = 0;
  FwProject *project = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  image = read_file (path, &size, &local_error);
  if (image != NULL)
    {
      if (is_sqlite_image (image, size) &&
          !check_no_journal (path, image, size, &local_error))
        sqlite3_free (image);
      else
        project = load_image (image, size, &local_error);
    }

  if (project == NULL)
    {
      name = g_filename_display_basename (path);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
    }

  return project;
}

FwProject *
fw_store_load_bytes (GBytes  *bytes,
                     GError **error)
{
  gconstpointer data;
  unsigned char *image;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if ((guint64) size > (guint64) MAX_FILE_SIZE)
    {
      fail_too_large (error);
      return NULL;
    }

  /* SQLite gets its own copy: the caller's bytes are immutable, and the
   * image may be patched (see load_image ()). */
  image = sqlite3_malloc64 (MAX (size, 1));
  if (image == NULL)
    {
      fail (error, FW_ERROR_FAILED, "could not be read (out of memory)");
      return NULL;
    }
  if (size > 0)
    memcpy (image, data, size);

  return load_image (image, (sqlite3_int64) size, error);
}
