/* fw-store-load.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-load"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fw-file.h"
#include "fw-store-private.h"
#include "fw-validate.h"

/* Loading: the file's bytes are read once, checked for what only a file
 * on disk has (a journal beside it), opened as a private, read-only,
 * in-memory database and checked in the order docs/file-format.md gives;
 * fw-store-rows.c reads the project out of it. */

static gboolean
fail_too_large (GError **error)
{
  return fw_store_fail (error, FW_ERROR_NOT_PROJECT,
                        "not a Flywheel project (larger than %" G_GUINT64_FORMAT " MiB)",
                        FW_STORE_MAX_FILE_SIZE / (1024 * 1024));
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
void
fw_store_harden (sqlite3 *db)
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
    return fw_store_fail_sqlite (error, db, rc);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
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
                  gsize                 size,
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

  journal_name = g_filename_display_name (journal);
  return fw_store_fail (error, FW_ERROR_FAILED,
                        "is being changed by another program (%s is beside it); "
                        "close that program and open the file again", journal_name);
}

/* An SQLite header is 100 bytes; application_id is bytes 68-71 and
 * user_version (the file format) bytes 60-63, big-endian, exactly where
 * PRAGMA application_id and PRAGMA user_version read them. */
#define HEADER_SIZE 100

static gint32
header_int (const unsigned char *header,
            guint                offset)
{
  return (gint32) ((guint32) header[offset] << 24 | (guint32) header[offset + 1] << 16 |
                   (guint32) header[offset + 2] << 8 | (guint32) header[offset + 3]);
}

/* Steps 3 to 7 of docs/file-format.md's checks, on the first bytes of a
 * file or image (@start, @start_size of them, up to HEADER_SIZE) whose
 * whole size is @size: a file that is not ours is refused by its header
 * before the rest of it is read. @path, when the bytes come from a file,
 * is where a journal beside it would be. *@version is the file format. */
static gboolean
check_start (const unsigned char  *start,
             gsize                 start_size,
             guint64               size,
             const char           *path,
             gint32               *version,
             GError              **error)
{
  if (size == 0)
    return fw_store_fail (error, FW_ERROR_NOT_PROJECT, "not a Flywheel project (it is empty)");
  if (!is_sqlite_image (start, start_size))
    return fw_store_fail (error, FW_ERROR_NOT_PROJECT, "not a Flywheel project (not an SQLite database)");
  if (path != NULL && !check_no_journal (path, start, start_size, error))
    return FALSE;
  if (size < HEADER_SIZE || start_size < HEADER_SIZE)
    return fw_store_fail (error, FW_ERROR_DAMAGED,
                          "is damaged (it is shorter than an SQLite header, %d bytes)", HEADER_SIZE);

  if ((guint32) header_int (start, 68) != FW_STORE_APPLICATION_ID)
    return fw_store_fail (error, FW_ERROR_NOT_PROJECT,
                          "not a Flywheel project (the database belongs to another program)");

  *version = header_int (start, 60);
  if (*version > FW_STORE_SCHEMA_VERSION)
    return fw_store_fail (error, FW_ERROR_TOO_NEW,
                          "was saved by a newer Flywheel (file format %d; this one reads %d)",
                          *version, FW_STORE_SCHEMA_VERSION);
  if (*version < 1)
    return fw_store_fail (error, FW_ERROR_NOT_PROJECT,
                          "not a Flywheel project (unknown file format %d)", *version);

  return TRUE;
}

/* Brings the private copy of an older file up to the current format:
 * the steps from @version on, in one transaction, then user_version. A
 * step that fails (a table or column missing or already there) means the
 * file is not the format it says, and it is refused as damaged; the file
 * on disk is never touched. */
static gboolean
migrate (sqlite3        *db,
         sqlite3_int64   version,
         GError        **error)
{
  g_autofree char *finish = NULL;
  int rc;

  if (version == FW_STORE_SCHEMA_VERSION)
    return TRUE;

  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (sqlite3_int64 k = version; rc == SQLITE_OK && k < FW_STORE_SCHEMA_VERSION; k++)
    rc = sqlite3_exec (db, fw_store_migrations[k - 1], NULL, NULL, NULL);

  finish = g_strdup_printf ("PRAGMA user_version = %d; COMMIT", FW_STORE_SCHEMA_VERSION);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, finish, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_utf8_make_valid (sqlite3_errmsg (db), -1);

      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      if ((rc & 0xff) == SQLITE_NOMEM)
        return fw_store_fail_sqlite (error, db, rc);
      return fw_store_fail (error, FW_ERROR_DAMAGED,
                            "is damaged (file format %" G_GINT64_FORMAT " could not be read: %s)",
                            (gint64) version, detail);
    }

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
    return fw_store_fail_sqlite (error, db, rc);

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

      return fw_store_fail (error, FW_ERROR_DAMAGED, "is damaged (%s)", detail);
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
    return fw_store_fail_sqlite (error, db, rc);

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "trigger") == 0)
    what = "a trigger";
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "view") == 0)
    what = "a view";
  else if (sqlite3_column_int (stmt, 2))
    what = "a virtual table";
  else
    what = "a schema object";

  object = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);
  return fw_store_fail (error, FW_ERROR_UNSAFE,
                        "not opened: it holds %s (“%s”), which a Flywheel project never has",
                        what, object);
}

/* Rows that no scenario owns can only come from a file edited by hand
 * or by another tool; dropping them silently would lose data. */
static gboolean
check_orphans (sqlite3  *db,
               GError  **error)
{
  sqlite3_int64 orphans = 0;

  if (!query_int (db,
                  "SELECT (SELECT count(*) FROM stage "
                  "        WHERE scenario NOT IN (SELECT position FROM scenario)) "
                  "     + (SELECT count(*) FROM point "
                  "        WHERE scenario NOT IN (SELECT position FROM scenario))",
                  &orphans, error))
    return FALSE;

  if (orphans > 0)
    return fw_store_fail (error, FW_ERROR_DAMAGED,
                          "is damaged (it holds stages or points of no scenario)");

  return TRUE;
}

/* Opens @image (allocated with sqlite3_malloc64 (), taken), whose start
 * has passed check_start () and which says it has file format @version,
 * as a private, in-memory database and reads the project out of it. The
 * checks run in the order docs/file-format.md gives: each one may rely
 * on those before it. */
static FwProject *
load_image (unsigned char  *image,
            sqlite3_int64   size,
            gint32          version,
            GError        **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(FwProject) project = NULL;
  unsigned flags;
  int rc;

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
      fw_store_fail_sqlite (error, db, rc);
      return NULL;
    }

  fw_store_harden (db);

  /* A file of the current format is read-only; an older one is a
   * writable copy that may grow, for the migration steps. */
  flags = SQLITE_DESERIALIZE_FREEONCLOSE;
  if (version == FW_STORE_SCHEMA_VERSION)
    flags |= SQLITE_DESERIALIZE_READONLY;
  else
    flags |= SQLITE_DESERIALIZE_RESIZEABLE;

  /* From here on SQLite owns the image, even if this fails. */
  rc = sqlite3_deserialize (db, "main", image, size, size, flags);
  if (rc != SQLITE_OK)
    {
      fw_store_fail_sqlite (error, db, rc);
      return NULL;
    }

  if (!check_integrity (db, error) ||
      !check_active_content (db, error) ||
      !migrate (db, version, error))
    return NULL;

  project = fw_store_read_project (db, error);
  if (project == NULL ||
      !check_orphans (db, error) ||
      !fw_validate_project (project, error))
    return NULL;

  return g_steal_pointer (&project);
}

/* Reads the file into memory that SQLite can take over, so that the
 * bytes are held once: first its header, which check_start () must
 * accept (a 200 MB file of anything else costs 100 bytes of reading),
 * then the rest. fw_file_open_regular () never blocks (a FIFO cannot
 * hang us) and sizes the descriptor itself. */
static unsigned char *
read_file (const char     *path,
           sqlite3_int64  *size,
           gint32         *version,
           GError        **error)
{
  unsigned char start[HEADER_SIZE];
  unsigned char *image;
  guint64 file_size;
  gsize start_size, done;
  int fd;

  fd = fw_file_open_regular (path, &file_size, error);
  if (fd < 0)
    return NULL;

  if (file_size > FW_STORE_MAX_FILE_SIZE)
    {
      close (fd);
      fail_too_large (error);
      return NULL;
    }

  if (!fw_file_read_fully (fd, start, MIN (file_size, sizeof start), &start_size, error) ||
      !check_start (start, start_size, file_size, path, version, error))
    {
      close (fd);
      return NULL;
    }

  image = sqlite3_malloc64 (file_size);
  if (image == NULL)
    {
      close (fd);
      fw_store_fail (error, FW_ERROR_FAILED, "could not be read (out of memory)");
      return NULL;
    }

  memcpy (image, start, start_size);
  if (!fw_file_read_fully (fd, image + start_size, (gsize) file_size - start_size, &done, error))
    {
      close (fd);
      sqlite3_free (image);
      return NULL;
    }

  close (fd);
  *size = (sqlite3_int64) (start_size + done);
  return image;
}

FwProject *
fw_store_load_named (const char  *path,
                     const char  *shown_path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  unsigned char *image;
  sqlite3_int64 size = 0;
  gint32 version = 0;
  FwProject *project = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  image = read_file (path, &size, &version, &local_error);
  if (image != NULL)
    project = load_image (image, size, version, &local_error);

  if (project == NULL)
    {
      name = g_filename_display_name (shown_path);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
    }

  return project;
}

FwProject *
fw_store_load (const char  *path,
               GError     **error)
{
  return fw_store_load_named (path, path, error);
}

FwProject *
fw_store_load_bytes (GBytes  *bytes,
                     GError **error)
{
  gconstpointer data;
  unsigned char *image;
  gint32 version = 0;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if ((guint64) size > FW_STORE_MAX_FILE_SIZE)
    {
      fail_too_large (error);
      return NULL;
    }
  if (!check_start (data, MIN (size, HEADER_SIZE), size, NULL, &version, error))
    return NULL;

  /* SQLite gets its own copy: the caller's bytes are immutable, and the
   * image may be patched (see load_image ()). */
  image = sqlite3_malloc64 (MAX (size, 1));
  if (image == NULL)
    {
      fw_store_fail (error, FW_ERROR_FAILED, "could not be read (out of memory)");
      return NULL;
    }
  if (size > 0)
    memcpy (image, data, size);

  return load_image (image, (sqlite3_int64) size, version, error);
}
