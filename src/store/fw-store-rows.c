/* fw-store-rows.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-rows"

#include "fw-place.h"
#include "fw-store-private.h"
#include "fw-validate.h"

/* Reading a project out of an opened file, row by row and value by
 * value. Every value is checked for its storage class before it is
 * used, and every failure names its place the way the JSON reader does;
 * the ranges are left to fw_validate_project (). */

/* One row being read, so that each column reads in one line and every
 * error names its place like the JSON reader does:
 * "scenarios[0].stages[2].count: must be a number, got text". */
typedef struct
{
  sqlite3_stmt *stmt;
  const char   *place;  /* "scenarios[0].stages[2]", NULL for the project */
} Row;

static gboolean G_GNUC_PRINTF (4, 5)
field_fail (const Row   *row,
            const char  *field,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *path = fw_place_member (row->place, field);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return fw_place_fail (error, FW_ERROR_INVALID, path, "%s", message);
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
    return fw_store_fail_sqlite (error, sqlite3_db_handle (row->stmt), SQLITE_NOMEM);
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
  path = fw_place_member (row->place, "color");
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
    return fw_store_fail (error, FW_ERROR_DAMAGED, "is damaged (it holds no project row)");
  if (rc != SQLITE_ROW)
    return fw_store_fail_sqlite (error, db, rc);

  row.stmt = stmt;
  if (!read_text (&row, 0, "name", &project->name, error) ||
      !read_text (&row, 1, "period", &period, error) ||
      !read_number (&row, 2, "horizon", &horizon, error))
    return FALSE;

  if (!fw_period_from_string (period, &project->period))
    {
      g_autofree char *quoted = fw_quote_text (period);

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
    return fw_store_fail (error, FW_ERROR_DAMAGED,
                          "is damaged (it holds more than one project row)");
  if (rc != SQLITE_DONE)
    return fw_store_fail_sqlite (error, db, rc);

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
      g_autofree char *quoted = fw_quote_text (kind);

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
      g_autofree char *item_place = fw_place_element (place, list, i);
      Row row = { stmt, item_place };
      gpointer item = NULL;

      if (!read_item (&row, &item, error))
        return FALSE;
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    return fw_store_fail_sqlite (error, sqlite3_db_handle (stmt), rc);

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
    return fw_store_fail_sqlite (error, db, rc);

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
                        "SELECT position, name, inflow, spread_advance, spread_loss, "
                        "spread_referral, spread_inflow FROM scenario "
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
      g_autofree char *place = fw_place_element (NULL, "scenarios", s);
      g_autoptr(FwScenario) scenario = fw_scenario_new (NULL);
      Row row = { scenario_stmt, place };
      sqlite3_int64 position = 0;

      if (!read_integer (&row, 0, "position", &position, error) ||
          !read_text (&row, 1, "name", &scenario->name, error) ||
          !read_number (&row, 2, "inflow", &scenario->inflow, error) ||
          !read_number (&row, 3, "uncertainty.advance", &scenario->uncertainty.advance, error) ||
          !read_number (&row, 4, "uncertainty.loss", &scenario->uncertainty.loss, error) ||
          !read_number (&row, 5, "uncertainty.referral", &scenario->uncertainty.referral, error) ||
          !read_number (&row, 6, "uncertainty.inflow", &scenario->uncertainty.inflow, error) ||
          !read_items (stage_stmt, position, place, "stages",
                       read_stage, scenario->stages, error) ||
          !read_items (point_stmt, position, place, "points",
                       read_point, scenario->points, error))
        return FALSE;

      g_ptr_array_add (project->scenarios, g_steal_pointer (&scenario));
    }

  if (rc != SQLITE_DONE)
    return fw_store_fail_sqlite (error, db, rc);

  return TRUE;
}

FwProject *
fw_store_read_project (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(FwProject) project = NULL;

  g_assert (db != NULL);

  if (!read_project_row (db, &project, error) ||
      !read_scenarios (db, project, error))
    return NULL;

  return g_steal_pointer (&project);
}
