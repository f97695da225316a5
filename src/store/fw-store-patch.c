/* fw-store-patch.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-patch"

/* copy_file_range () */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fw-file.h"
#include "fw-store-file.h"
#include "fw-store-private.h"

/* A project file made from another that holds an earlier version: the
 * other file's bytes copied (by the kernel, without passing through the
 * program), then only the scenarios that changed written again, in the
 * copy, never in the other file. The largest project MODEL.md allows is
 * a 416 MiB file; building it whole takes seconds of CPU, an edit
 * changes one scenario of fifty (docs/performance.md, "Recovery
 * copies"). */

#define HEADER_SIZE 100

typedef struct
{
  int              base_fd;
  const char      *base_identity;
  const FwProject *base;
  const FwProject *project;
} Patch;

static gint32
header_int (const guchar *header,
            guint         offset)
{
  return (gint32) ((guint32) header[offset] << 24 | (guint32) header[offset + 1] << 16 |
                   (guint32) header[offset + 2] << 8 | header[offset + 3]);
}

/* Only a file as fw_store_save () writes it: this format (an older one
 * needs migrating, which a load does), our application id, and a
 * rollback journal (a file in WAL mode may have pages elsewhere). */
static gboolean
is_our_format (int fd)
{
  guchar header[HEADER_SIZE];

  return pread (fd, header, sizeof header, 0) == (ssize_t) sizeof header &&
         memcmp (header, "SQLite format 3", 16) == 0 &&
         header[18] == 1 && header[19] == 1 &&
         header_int (header, 68) == FW_STORE_APPLICATION_ID &&
         header_int (header, 60) == FW_STORE_SCHEMA_VERSION;
}

static gboolean
copy_bytes (int      from,
            int      to,
            guint64  size)
{
  guint64 done = 0;
  gboolean plain = FALSE;
  char buffer[65536];

  while (done < size)
    {
      ssize_t n;

      if (!plain)
        {
          n = copy_file_range (from, NULL, to, NULL, MIN (size - done, (guint64) 1 << 30), 0);
          /* Across file systems before Linux 5.3, or not offered. */
          if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP))
            {
              plain = TRUE;
              continue;
            }
        }
      else
        {
          n = pread (from, buffer, sizeof buffer, (off_t) done);
          if (n > 0 && write (to, buffer, (size_t) n) != n)
            return FALSE;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (guint64) n;
    }
  return TRUE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || fw_store_fail_sqlite (error, db, rc);
}

/* The copy's scenarios are at positions 0 to n - 1, as the base's
 * are in memory, so that a scenario's index is its key. */
static gboolean
positions_match (sqlite3         *db,
                 const FwProject *base,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT count(*), ifnull(min(position), 0), ifnull(max(position), -1) "
                           "FROM scenario", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fw_store_fail_sqlite (error, db, rc);

  if (sqlite3_column_int64 (stmt, 0) != base->scenarios->len ||
      sqlite3_column_int64 (stmt, 1) != 0 ||
      sqlite3_column_int64 (stmt, 2) != (sqlite3_int64) base->scenarios->len - 1)
    return fw_store_fail (error, FW_ERROR_FAILED, "does not hold the version it was taken for");
  return TRUE;
}

static gboolean
fill_patched (int          fd,
              const char  *temp_path,
              gpointer     data,
              GError     **error)
{
  Patch *patch = data;
  g_autoptr(sqlite3) db = NULL;
  struct stat before, after;
  int rc;

  if (fstat (patch->base_fd, &before) != 0 ||
      !copy_bytes (patch->base_fd, fd, (guint64) before.st_size))
    return FALSE;
  /* Changed while it was copied: not the version it was taken for. */
  if (fstat (patch->base_fd, &after) != 0 ||
      after.st_size != before.st_size ||
      after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
      after.st_mtim.tv_nsec != before.st_mtim.tv_nsec ||
      (patch->base_identity != NULL && !fw_store_identity_is (patch->base_identity, &after)))
    return fw_store_fail (error, FW_ERROR_FAILED, "changed while it was copied");

  rc = sqlite3_open_v2 (temp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    return fw_store_fail_sqlite (error, db, rc);
  fw_store_harden (db);

  /* The copy is private until it is renamed into place, synced first
   * as a whole (fw_file_replace_with ()): SQLite need neither sync nor
   * keep a journal on disk. */
  if (!exec (db, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; BEGIN", error) ||
      !positions_match (db, patch->base, error) ||
      !fw_store_write_rows (db, patch->project, patch->base, error) ||
      !exec (db, "COMMIT", error))
    return FALSE;

  rc = sqlite3_close (g_steal_pointer (&db));
  return rc == SQLITE_OK || fw_store_fail (error, FW_ERROR_FAILED, "could not be closed");
}

gboolean
fw_store_save_patched (const FwProject  *project,
                       const char       *path,
                       const char       *base_path,
                       const char       *base_identity,
                       const FwProject  *base,
                       GError          **error)
{
  Patch patch = { -1, base_identity, base, project };
  struct stat st;
  guint64 size;
  gboolean ok;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (base_path != NULL, FALSE);
  g_return_val_if_fail (base != NULL, FALSE);

  patch.base_fd = fw_file_open_regular (base_path, &size, error);
  if (patch.base_fd < 0)
    return FALSE;
  if (fstat (patch.base_fd, &st) != 0 ||
      (base_identity != NULL && !fw_store_identity_is (base_identity, &st)))
    ok = fw_store_fail (error, FW_ERROR_FAILED, "changed since it was opened or saved");
  else if (!is_our_format (patch.base_fd))
    ok = fw_store_fail (error, FW_ERROR_FAILED, "is not in this version's own format");
  else
    ok = fw_file_replace_with (path, fill_patched, &patch, error);
  close (patch.base_fd);
  return ok;
}
