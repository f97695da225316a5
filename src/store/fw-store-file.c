/* fw-store-file.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-store-file"

#include <stdio.h>
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

gboolean
fw_store_file_is_path (FwStoreFile *file,
                       const char  *path)
{
  g_autofree char *real = NULL;
  struct stat named, ours;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  real = fw_file_resolve (path);
  if (g_strcmp0 (real, file->real_path) == 0)
    return TRUE;

  /* Another name of the same file: a hard link, or a path whose folders
   * no link resolution can tell apart (a bind mount). Compared as the
   * two names stand now: once a save has replaced the file under one
   * name (docs/file-format.md, "Hard links"), its other names are
   * another file, holding the project as it was. */
  return stat (real, &named) == 0 && stat (file->real_path, &ours) == 0 &&
         named.st_dev == ours.st_dev && named.st_ino == ours.st_ino;
}

static char *
format_identity (dev_t                   device,
                 ino_t                   inode,
                 goffset                 size,
                 const struct timespec  *mtime)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
                          ":%" G_GINT64_FORMAT ":%ld",
                          (guint64) device, (guint64) inode, (gint64) size,
                          (gint64) mtime->tv_sec, (long) mtime->tv_nsec);
}

char *
fw_store_file_get_identity (FwStoreFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  if (!file->known)
    return NULL;
  return format_identity (file->device, file->inode, file->size, &file->mtime);
}

gboolean
fw_store_identity_is (const char        *identity,
                      const struct stat *st)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (st != NULL, FALSE);

  now = format_identity (st->st_dev, st->st_ino, st->st_size, &st->st_mtim);
  return g_strcmp0 (identity, now) == 0;
}

void
fw_store_file_set_identity (FwStoreFile *file,
                            const char  *identity)
{
  guint64 device, inode;
  gint64 size, sec;
  long nsec;

  g_return_if_fail (file != NULL);

  if (identity == NULL ||
      sscanf (identity, "%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
              ":%" G_GINT64_FORMAT ":%ld", &device, &inode, &size, &sec, &nsec) != 5)
    {
      file->known = FALSE;
      return;
    }
  file->known = TRUE;
  file->device = device;
  file->inode = inode;
  file->size = size;
  file->mtime.tv_sec = sec;
  file->mtime.tv_nsec = nsec;
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

/* A step of a load or a save, as the thread reports it to the caller's
 * main context. */
typedef struct
{
  FwStoreProgress progress;
  gpointer        data;
  GMainContext   *context;
} Progress;

/* A call carries copies of what it needs, so that it may run after the
 * task and its data are gone. */
typedef struct
{
  FwStoreProgress progress;
  gpointer        data;
  FwStoreStep     step;
} ProgressCall;

static gboolean
progress_call (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->step, call->data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_main_context_unref (progress->context);
  g_free (progress);
}

static void
report (GTask       *task,
        Progress    *progress,
        FwStoreStep  step)
{
  ProgressCall *call;

  if (progress == NULL || progress->progress == NULL)
    return;

  call = g_new (ProgressCall, 1);
  call->progress = progress->progress;
  call->data = progress->data;
  call->step = step;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, progress_call, call, g_free);
}

static Progress *
progress_new (FwStoreProgress progress,
              gpointer        data)
{
  Progress *p = g_new0 (Progress, 1);

  p->progress = progress;
  p->data = data;
  p->context = g_main_context_ref_thread_default ();
  return p;
}

static gboolean
save_steps (FwStoreFile      *file,
            const FwProject  *project,
            GTask            *task,
            Progress         *progress,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  struct stat written;

  report (task, progress, FW_STORE_STEP_BUILDING);
  bytes = fw_store_save_bytes (project, error);
  if (bytes == NULL)
    return FALSE;

  /* The last moment a save can stop without writing anything. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report (task, progress, FW_STORE_STEP_WRITING);
  if (!fw_file_replace_resolved (file->real_path, file->path, bytes, holds_our_header,
                                 &written, error))
    return FALSE;

  remember_identity (file, &written);
  return TRUE;
}

gboolean
fw_store_file_save (FwStoreFile      *file,
                    const FwProject  *project,
                    GError          **error)
{
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_steps (file, project, NULL, NULL, NULL, error);
}

static FwProject *
load_steps (FwStoreFile   *file,
            GTask         *task,
            Progress      *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  FwProject *project;
  struct stat st;
  gboolean known;

  /* Taken before reading: if the file changes while it is read, the
   * next save sees a change rather than missing one. */
  known = stat (file->real_path, &st) == 0;

  report (task, progress, FW_STORE_STEP_READING);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  project = fw_store_load_named (file->real_path, file->path, error);
  if (project == NULL)
    return NULL;

  report (task, progress, FW_STORE_STEP_CHECKING);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      fw_project_free (project);
      return NULL;
    }

  if (known)
    remember_identity (file, &st);
  fw_file_remove_stale_temporaries (file->real_path, holds_our_header);
  return project;
}

FwProject *
fw_store_file_load (FwStoreFile  *file,
                    GError      **error)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_steps (file, NULL, NULL, NULL, error);
}

/* Asynchronous ----------------------------------------------------------- */

typedef struct
{
  Progress  *progress;
  FwProject *project;   /* the save's own copy, or lent */
  gboolean   lent;
} TaskData;

static void
task_data_free (TaskData *data)
{
  if (data->progress != NULL)
    progress_free (data->progress);
  if (!data->lent)
    fw_project_free (data->project);
  g_free (data);
}

static GTask *
new_task (FwStoreFile         *file,
          GCancellable        *cancellable,
          FwStoreProgress      progress,
          gpointer             progress_data,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag,
          FwProject           *project)
{
  /* FwStoreFile is not a GObject: the task has no source object and
   * keeps the file alive through its data. */
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->progress = progress != NULL ? progress_new (progress, progress_data) : NULL;
  data->project = project;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_object_set_data_full (G_OBJECT (task), "fw-store-file", fw_store_file_ref (file),
                          (GDestroyNotify) fw_store_file_unref);
  /* A save that has begun writing finishes whatever happens to the
   * cancellable; the result is still returned, not dropped. */
  g_task_set_return_on_cancel (task, FALSE);
  return task;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FwStoreFile *file = g_object_get_data (G_OBJECT (task), "fw-store-file");
  TaskData *data = task_data;
  GError *error = NULL;
  FwProject *project = load_steps (file, task, data->progress, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, (GDestroyNotify) fw_project_free);
}

void
fw_store_file_load_async (FwStoreFile         *file,
                          GCancellable        *cancellable,
                          FwStoreProgress      progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (file != NULL);

  task = new_task (file, cancellable, progress, progress_data, callback, user_data,
                   fw_store_file_load_async, NULL);
  g_task_run_in_thread (task, load_thread);
}

FwProject *
fw_store_file_load_finish (FwStoreFile   *file,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fw_store_file_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FwStoreFile *file = g_object_get_data (G_OBJECT (task), "fw-store-file");
  TaskData *data = task_data;
  GError *error = NULL;

  if (save_steps (file, data->project, task, data->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_store_file_save_async (FwStoreFile         *file,
                          const FwProject     *project,
                          GCancellable        *cancellable,
                          FwStoreProgress      progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (file != NULL);
  g_return_if_fail (project != NULL);

  task = new_task (file, cancellable, progress, progress_data, callback, user_data,
                   fw_store_file_save_async, fw_project_copy (project));
  g_task_run_in_thread (task, save_thread);
}

void
fw_store_file_save_lent_async (FwStoreFile         *file,
                               const FwProject     *project,
                               GCancellable        *cancellable,
                               FwStoreProgress      progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (file != NULL);
  g_return_if_fail (project != NULL);

  /* Tagged like a save that copies: one finish for both. */
  task = new_task (file, cancellable, progress, progress_data, callback, user_data,
                   fw_store_file_save_async, (FwProject *) project);
  ((TaskData *) g_task_get_task_data (task))->lent = TRUE;
  g_task_run_in_thread (task, save_thread);
}

gboolean
fw_store_file_save_finish (FwStoreFile   *file,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fw_store_file_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
