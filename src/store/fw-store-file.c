/* fw-store-file.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-file"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fw-file.h"
#include "fw-store-file.h"
#include "fw-store-private.h"

/* A project file as the user opened it; the writing itself is
 * fw_file_replace_resolved () (src/core/fw-file.c), shared with every
 * export. */

struct _FwStoreFile
{
  gatomicrefcount  ref_count;
  char            *path;        /* as the user named it */
  char            *real_path;   /* the file saves go to */
  gboolean         known;       /* identity below is set */
  dev_t            device;
  ino_t            inode;
  goffset          size;
  struct timespec  mtime;
};

FwStoreFile *
fw_store_file_new (const char *path)
{
  FwStoreFile *file;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_new0 (FwStoreFile, 1);
  g_atomic_ref_count_init (&file->ref_count);
  file->path = g_strdup (path);
  file->real_path = fw_file_resolve (path);
  return file;
}

FwStoreFile *
fw_store_file_ref (FwStoreFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  g_atomic_ref_count_inc (&file->ref_count);
  return file;
}

void
fw_store_file_unref (FwStoreFile *file)
{
  if (file == NULL || !g_atomic_ref_count_dec (&file->ref_count))
    return;

  g_free (file->path);
  g_free (file->real_path);
  g_free (file);
}

const char *
fw_store_file_get_path (FwStoreFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->path;
}

const char *
fw_store_file_get_real_path (FwStoreFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->real_path;
}

static void
remember_identity (FwStoreFile       *file,
                   const struct stat *st)
{
  file->known = TRUE;
  file->device = st->st_dev;
  file->inode = st->st_ino;
  file->size = st->st_size;
  file->mtime = st->st_mtim;
}

gboolean
fw_store_file_changed_on_disk (FwStoreFile *file)
{
  struct stat st;

  g_return_val_if_fail (file != NULL, FALSE);

  if (!file->known)
    return FALSE;
  if (stat (file->real_path, &st) != 0)
    return TRUE;

  return st.st_dev != file->device || st.st_ino != file->inode || st.st_size != file->size ||
         st.st_mtim.tv_sec != file->mtime.tv_sec || st.st_mtim.tv_nsec != file->mtime.tv_nsec;
}

/* An older Flywheel's temporary (GLib's "NAME.XXXXXX") is ours when it
 * starts with SQLite's header and our application id. */
static gboolean
holds_our_header (int fd)
{
  guchar header[72];
  guint32 id;

  if (pread (fd, header, sizeof header, 0) != (ssize_t) sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    return FALSE;
  id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
       (guint32) header[70] << 8 | header[71];
  return id == FW_STORE_APPLICATION_ID;
}

gboolean
fw_store_file_save (FwStoreFile      *file,
                    const FwProject  *project,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  struct stat written;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = fw_store_save_bytes (project, error);
  if (bytes == NULL ||
      !fw_file_replace_resolved (file->real_path, file->path, bytes, holds_our_header,
                                 &written, error))
    return FALSE;

  remember_identity (file, &written);
  return TRUE;
}

FwProject *
fw_store_file_load (FwStoreFile  *file,
                    GError      **error)
{
  FwProject *project;
  struct stat st;
  gboolean known;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Taken before reading: if the file changes while it is read, the
   * next save sees a change rather than missing one. */
  known = stat (file->real_path, &st) == 0;

  project = fw_store_load_named (file->real_path, file->path, error);
  if (project == NULL)
    return NULL;

  if (known)
    remember_identity (file, &st);
  fw_file_remove_stale_temporaries (file->real_path, holds_our_header);
  return project;
}
