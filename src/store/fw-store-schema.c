/* fw-store-schema.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-schema"

#include <stdarg.h>

#include "fw-store-private.h"

/* File format 2, whole; docs/file-format.md quotes it, and the test
 * /store/round-trip/docs-schema checks that the two agree.
 *
 * STRICT tables keep every value in the storage class the loader expects
 * (a REAL column turns a bound integer into a real, never text into a
 * number). The CHECKs only guard the storage itself: MODEL.md's ranges
 * live in fw_validate_project () alone, so that the schema can never
 * refuse a project the validator accepts. Positions are 0-based and give
 * the order of scenarios, stages and points. */
const char fw_store_schema_sql[] =
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
  "  inflow     REAL NOT NULL,\n"
  "  spread_advance  REAL NOT NULL DEFAULT 0,\n"
  "  spread_loss     REAL NOT NULL DEFAULT 0,\n"
  "  spread_referral REAL NOT NULL DEFAULT 0,\n"
  "  spread_inflow   REAL NOT NULL DEFAULT 0\n"
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

/* The steps from each older format to the next, in order: step k takes
 * a file of format k + 1 to format k + 2 (the first takes 1 to 2). Each
 * only adds to the schema, so that a migrated file and a new one have the
 * same columns with the same definitions; fw-store-load.c runs the steps
 * a file needs in one transaction on its private in-memory copy. */
const char * const fw_store_migrations[FW_STORE_SCHEMA_VERSION - 1] = {
  /* 1 -> 2: the uncertainty of each scenario (MODEL.md, December). A
   * format 1 file has none: every spread 0. */
  "ALTER TABLE scenario ADD COLUMN spread_advance  REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE scenario ADD COLUMN spread_loss     REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE scenario ADD COLUMN spread_referral REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE scenario ADD COLUMN spread_inflow   REAL NOT NULL DEFAULT 0;\n",
};

/* Errors ------------------------------------------------------------ */

gboolean
fw_store_fail (GError     **error,
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
gboolean
fw_store_fail_sqlite (GError  **error,
                      sqlite3  *db,
                      int       rc)
{
  g_autofree char *detail = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db)
                                                          : sqlite3_errstr (rc), -1);
  int primary = rc & 0xff;

  if (primary == SQLITE_NOMEM || rc == SQLITE_IOERR_NOMEM ||
      primary == SQLITE_MISUSE || primary == SQLITE_INTERNAL)
    return fw_store_fail (error, FW_ERROR_FAILED, "could not be read (%s)", detail);

  if (primary == SQLITE_TOOBIG)
    return fw_store_fail (error, FW_ERROR_INVALID,
                          "holds a value larger than a Flywheel project ever has (%s)", detail);

  return fw_store_fail (error, FW_ERROR_DAMAGED, "is damaged (%s)", detail);
}

