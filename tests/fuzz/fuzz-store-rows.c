/* fuzz-store-rows.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-store-rows"

/* libFuzzer target: row-level mutations of a valid project file. Byte
 * mutations of a whole file mostly break SQLite's b-trees and are
 * refused by the integrity check; this target keeps the file a sound
 * database and changes its rows instead, as a hand-edited or hostile
 * file would: values of any type and size in any column, rows deleted
 * and duplicated. The loader must refuse or accept without crashing, and
 * what it accepts is valid.
 *
 * The input is a list of operations, each starting with a byte:
 *   op % 3 == 0: set a column  (table, row, column, type, length, bytes)
 *   op % 3 == 1: delete a row  (table, row)
 *   op % 3 == 2: copy a row under a new position (table, row, position) */

#include <stdint.h>
#include <string.h>

#include <sqlite3.h>

#include "fw-store.h"
#include "fw-templates.h"
#include "fw-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef struct
{
  const char  *name;
  const char  *columns[11];
} Table;

static const Table tables[] = {
  { "project", { "id", "name", "period", "horizon", NULL } },
  { "scenario", { "position", "name", "inflow", "spread_advance", "spread_loss",
                  "spread_referral", "spread_inflow", NULL } },
  { "stage", { "scenario", "position", "name", "color", "count", "customer",
               "advance", "loss", "referral", "weight", NULL } },
  { "point", { "scenario", "position", "name", "kind", "angle", "conversion",
               "churn", "referral", "enabled", "note", NULL } },
};

typedef struct
{
  const uint8_t *at;
  const uint8_t *end;
} Input;

static guint
next_byte (Input *in)
{
  return in->at < in->end ? *in->at++ : 0;
}

static guint
n_columns (const Table *table)
{
  guint n = 0;

  while (table->columns[n] != NULL)
    n++;
  return n;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            Input        *in)
{
  guint type = next_byte (in) % 5;
  gsize wanted = (gsize) next_byte (in) * 4;  /* not inside MIN (): read once */
  gsize length = MIN (wanted, (gsize) (in->end - in->at));
  const uint8_t *bytes = in->at;
  double number = 0;

  in->at += length;
  switch (type)
    {
    case 0:
      sqlite3_bind_null (stmt, index);
      break;
    case 1:
      memcpy (&number, bytes, MIN (length, sizeof number));
      sqlite3_bind_double (stmt, index, number);
      break;
    case 2:
      {
        gint64 value = 0;

        memcpy (&value, bytes, MIN (length, sizeof value));
        sqlite3_bind_int64 (stmt, index, value);
      }
      break;
    case 3:
      sqlite3_bind_text (stmt, index, (const char *) bytes, (int) length, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_blob (stmt, index, bytes, (int) length, SQLITE_TRANSIENT);
      break;
    }
}

static void
run (sqlite3    *db,
     const char *sql,
     Input      *in,
     gboolean    with_value)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (with_value)
    bind_value (stmt, 1, in);
  sqlite3_bind_int (stmt, with_value ? 2 : 1, (int) next_byte (in));
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}

static GBytes *
seed_file (void)
{
  static GBytes *seed;

  if (seed == NULL)
    {
      g_autoptr(FwProject) project = fw_template_create ("sales-cycle", NULL);

      fw_project_get_scenario (project, 0)->uncertainty.advance = 0.2;
      seed = fw_store_save_bytes (project, NULL);
    }
  return seed;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *seed = seed_file ();
  g_autoptr(GBytes) mutated = NULL;
  g_autoptr(FwProject) project = NULL;
  Input in = { data, data + size };
  sqlite3 *db = NULL;
  sqlite3_int64 image_size = 0;
  unsigned char *image;
  gsize seed_size;
  const void *seed_data = g_bytes_get_data (seed, &seed_size);

  image = sqlite3_malloc64 (seed_size);
  memcpy (image, seed_data, seed_size);
  sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  sqlite3_deserialize (db, "main", image, seed_size, seed_size,
                       SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);

  for (guint ops = 0; in.at < in.end && ops < 32; ops++)
    {
      guint op = next_byte (&in) % 3;
      const Table *table = &tables[next_byte (&in) % G_N_ELEMENTS (tables)];
      g_autofree char *sql = NULL;

      if (op == 0)
        sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE rowid IN "
                               "(SELECT rowid FROM %s LIMIT 1 OFFSET ?2)",
                               table->name,
                               table->columns[next_byte (&in) % n_columns (table)],
                               table->name);
      else if (op == 1)
        sql = g_strdup_printf ("DELETE FROM %s WHERE rowid IN "
                               "(SELECT rowid FROM %s LIMIT 1 OFFSET ?1)",
                               table->name, table->name);
      else
        sql = g_strdup_printf ("CREATE TEMP TABLE copy AS SELECT * FROM %s LIMIT 1 OFFSET ?1;",
                               table->name);
      run (db, sql, &in, op == 0);
      if (op == 2)
        {
          g_autofree char *insert = g_strdup_printf ("UPDATE temp.copy SET %s = %s + 1000 + %u; "
                                                     "INSERT OR IGNORE INTO %s SELECT * FROM temp.copy; "
                                                     "DROP TABLE temp.copy",
                                                     table->columns[0], table->columns[0],
                                                     next_byte (&in), table->name);

          sqlite3_exec (db, insert, NULL, NULL, NULL);
        }
    }

  image = sqlite3_serialize (db, "main", &image_size, 0);
  sqlite3_close (db);
  if (image == NULL)
    return 0;

  mutated = g_bytes_new_with_free_func (image, (gsize) image_size, sqlite3_free, image);
  project = fw_store_load_bytes (mutated, NULL);
  if (project != NULL)
    g_assert_true (fw_validate_project (project, NULL));
  return 0;
}
