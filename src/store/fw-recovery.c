/* fw-recovery.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-recovery"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fw-file.h"
#include "fw-recovery.h"
#include "fw-store.h"

/* The folder holds, per running program, "INSTANCE.lock" (locked with
 * flock () for the program's life: the kernel lets go of it however the
 * program ends, kill -9 included) and its copies, "INSTANCE-N.flywheel"
 * with "INSTANCE-N.info" (a key file) beside each. The info is written
 * after the project, so an info always has its project; a project
 * without its info is a write that never finished and is never offered. */

#define GROUP          "Recovery"
#define LOCK_SUFFIX    ".lock"
#define INFO_SUFFIX    ".info"
#define PROJECT_SUFFIX ".flywheel"

struct _FwRecovery
{
  gatomicrefcount ref_count;
  char   *folder;
  char   *instance;   /* 16 hex digits: process id, random */
  int     lock_fd;
  guint   next_slot;  /* atomic */
};

void
fw_recovered_copy_free (FwRecoveredCopy *copy)
{
  if (copy == NULL)
    return;
  g_free (copy->slot);
  g_free (copy->path);
  g_free (copy->identity);
  g_free (copy->project_name);
  g_free (copy);
}

char *
fw_recovery_default_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "flywheel", "recovery", NULL);
}

static char *
in_folder (FwRecovery *self,
           const char *slot,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (slot, suffix, NULL);

  return g_build_filename (self->folder, name, NULL);
}

/* Whether the lock file @fd, locked, is still the one named @lock_path:
 * a program clearing stale locks (clear_stale_locks ()) removes a lock
 * file it could lock itself, which it can between another program's
 * creating the file and locking it. */
static gboolean
lock_is_ours (int         fd,
              const char *lock_path)
{
  GStatBuf named;
  struct stat held;

  return fstat (fd, &held) == 0 && g_lstat (lock_path, &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

FwRecovery *
fw_recovery_new (const char  *folder,
                 GError     **error)
{
  g_autoptr(GString) instance = g_string_new (NULL);
  g_autofree char *lock_path = NULL;
  FwRecovery *self;
  int saved = 0;
  int fd;

  g_return_val_if_fail (folder != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      return NULL;
    }

  /* A fresh name for this program: its process id (a child forked from
   * a program shares its random state) and random digits, chosen again
   * in the unlikely case the name is taken, or when another program,
   * clearing away stale locks, took this one for stale in the instant
   * between its creation and its locking (see lock_is_ours ()). */
  for (int attempt = 0;; attempt++)
    {
      g_string_printf (instance, "%08x%08x", (guint) getpid (), g_random_int ());
      g_free (lock_path);
      lock_path = g_strconcat (folder, G_DIR_SEPARATOR_S, instance->str, LOCK_SUFFIX, NULL);
      fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0)
        saved = errno;
      else if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        saved = errno == EWOULDBLOCK ? EEXIST : errno;
      else if (!lock_is_ours (fd, lock_path))
        saved = EEXIST;
      else
        break;
      if (fd >= 0)
        close (fd);
      fd = -1;
      if (saved != EEXIST || attempt == 8)
        break;
    }
  if (fd < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", lock_path, g_strerror (saved));
      return NULL;
    }

  self = g_new0 (FwRecovery, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->folder = g_strdup (folder);
  self->instance = g_string_free (g_steal_pointer (&instance), FALSE);
  self->lock_fd = fd;
  return self;
}

FwRecovery *
fw_recovery_ref (FwRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/* Ending normally: every window has been saved or discarded, or its
 * copy stays for the next start (SIGTERM, the session ending). Either
 * way the lock goes, so what is left is an orphan. */
void
fw_recovery_end (FwRecovery *self)
{
  g_autofree char *lock_path = NULL;

  g_return_if_fail (self != NULL);

  if (self->lock_fd < 0)
    return;
  /* Removed while still locked, so no other program can take the name
   * for stale and then see this one's removal as its own. */
  lock_path = in_folder (self, self->instance, LOCK_SUFFIX);
  g_unlink (lock_path);
  close (self->lock_fd);
  self->lock_fd = -1;
}

void
fw_recovery_unref (FwRecovery *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  fw_recovery_end (self);
  g_free (self->folder);
  g_free (self->instance);
  g_free (self);
}

const char *
fw_recovery_get_folder (FwRecovery *self)
{
  return self->folder;
}

char *
fw_recovery_new_slot (FwRecovery *self)
{
  guint n = g_atomic_int_add (&self->next_slot, 1) + 1;

  return g_strdup_printf ("%s-%u", self->instance, n);
}

static GBytes *
info_bytes (const char      *path,
            const char      *identity,
            const char      *project_name,
            gint64           written)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  char *data;
  gsize length;

  if (path != NULL)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

      if (uri != NULL)
        g_key_file_set_string (info, GROUP, "uri", uri);
    }
  if (identity != NULL)
    g_key_file_set_string (info, GROUP, "identity", identity);
  g_key_file_set_string (info, GROUP, "name", project_name);
  g_key_file_set_int64 (info, GROUP, "written", written);
  data = g_key_file_to_data (info, &length, NULL);
  return g_bytes_new_take (data, length);
}

/* The copy from @base, when there is one that can be used: the
 * largest project's file takes seconds of CPU to build whole, and an
 * edit changes one scenario of fifty. */
static gboolean
write_patched (const char            *project_path,
               const FwProject       *project,
               const FwRecoveryBase  *base)
{
  g_autoptr(GError) error = NULL;

  if (base == NULL || base->project == NULL)
    return FALSE;
  if (fw_store_save_patched (project, project_path, base->path != NULL ? base->path : project_path,
                             base->identity, base->project, &error))
    return TRUE;
  g_debug ("Recovery copy written whole: its base %s %s", base->path != NULL ? base->path : "(its own)",
           error->message);
  return FALSE;
}

gboolean
fw_recovery_write_from (FwRecovery            *self,
                        const char            *slot,
                        const FwProject       *project,
                        const FwRecoveryBase  *base,
                        const char            *path,
                        const char            *identity,
                        GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) info = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  project_path = in_folder (self, slot, PROJECT_SUFFIX);
  info_path = in_folder (self, slot, INFO_SUFFIX);
  if (!write_patched (project_path, project, base) &&
      ((bytes = fw_store_save_bytes (project, error)) == NULL ||
       !fw_file_replace (project_path, bytes, error)))
    return FALSE;

  info = info_bytes (path, identity, project->name, g_get_real_time () / G_USEC_PER_SEC);
  return fw_file_replace (info_path, info, error);
}

gboolean
fw_recovery_write (FwRecovery       *self,
                   const char       *slot,
                   const FwProject  *project,
                   const char       *path,
                   const char       *identity,
                   GError          **error)
{
  return fw_recovery_write_from (self, slot, project, NULL, path, identity, error);
}

typedef struct
{
  char            *slot;
  const FwProject *project;   /* lent */
  FwRecoveryBase   base;      /* its project lent too; its strings ours */
  char            *path;
  char            *identity;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->slot);
  g_free ((char *) data->base.path);
  g_free ((char *) data->base.identity);
  g_free (data->path);
  g_free (data->identity);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FwRecovery *self = g_object_get_data (G_OBJECT (task), "fw-recovery");
  WriteData *data = task_data;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      fw_recovery_write_from (self, data->slot, data->project, &data->base,
                              data->path, data->identity, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fw_recovery_write_async (FwRecovery          *self,
                         const char          *slot,
                         const FwProject     *project,
                         const FwRecoveryBase *base,
                         const char          *path,
                         const char          *identity,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (slot != NULL);
  g_return_if_fail (project != NULL);

  data = g_new0 (WriteData, 1);
  data->slot = g_strdup (slot);
  data->project = project;
  if (base != NULL)
    {
      data->base.path = g_strdup (base->path);
      data->base.identity = g_strdup (base->identity);
      data->base.project = base->project;
    }
  data->path = g_strdup (path);
  data->identity = g_strdup (identity);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_recovery_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_object_set_data_full (G_OBJECT (task), "fw-recovery", fw_recovery_ref (self),
                          (GDestroyNotify) fw_recovery_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
fw_recovery_write_finish (FwRecovery    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fw_recovery_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fw_recovery_remove (FwRecovery *self,
                    const char *slot)
{
  g_autofree char *project_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (slot != NULL);

  /* The info first: a project without its info is never offered. */
  info_path = in_folder (self, slot, INFO_SUFFIX);
  project_path = in_folder (self, slot, PROJECT_SUFFIX);
  g_unlink (info_path);
  g_unlink (project_path);
}

/* Whether the program that wrote copies named @instance still runs: it
 * holds its lock file. The lock file of one that does not (killed, or
 * ended before this version removed it on every way out) is removed. */
static gboolean
instance_alive (FwRecovery *self,
                const char *instance)
{
  g_autofree char *lock_path = NULL;
  gboolean alive;
  int fd;

  if (g_str_equal (instance, self->instance))
    return TRUE;

  lock_path = in_folder (self, instance, LOCK_SUFFIX);
  fd = g_open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return FALSE;
  alive = flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  /* Removed while this program holds it, so the one that made it (if
   * it only just did) sees the name gone and picks another. */
  if (!alive)
    g_unlink (lock_path);
  close (fd);
  return alive;
}

static FwRecoveredCopy *
read_info (FwRecovery *self,
           const char *slot)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = in_folder (self, slot, INFO_SUFFIX);
  g_autofree char *uri = NULL;
  FwRecoveredCopy *copy;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  copy = g_new0 (FwRecoveredCopy, 1);
  copy->slot = g_strdup (slot);
  uri = g_key_file_get_string (info, GROUP, "uri", NULL);
  if (uri != NULL)
    copy->path = g_filename_from_uri (uri, NULL, NULL);
  copy->identity = g_key_file_get_string (info, GROUP, "identity", NULL);
  copy->project_name = g_key_file_get_string (info, GROUP, "name", NULL);
  copy->written = g_key_file_get_int64 (info, GROUP, "written", NULL);
  return copy;
}

/* Moves an orphan into a slot of ours. Links first, then unlinks, so a
 * crash half way leaves the copy under one name or both, never none. */
static gboolean
take_over (FwRecovery      *self,
           FwRecoveredCopy *copy)
{
  g_autofree char *slot = fw_recovery_new_slot (self);
  g_autofree char *old_project = in_folder (self, copy->slot, PROJECT_SUFFIX);
  g_autofree char *old_info = in_folder (self, copy->slot, INFO_SUFFIX);
  g_autofree char *new_project = in_folder (self, slot, PROJECT_SUFFIX);
  g_autofree char *new_info = in_folder (self, slot, INFO_SUFFIX);

  if (link (old_project, new_project) != 0)
    return FALSE;
  if (link (old_info, new_info) != 0)
    {
      g_unlink (new_project);
      return FALSE;
    }
  fw_recovery_remove (self, copy->slot);
  g_free (copy->slot);
  copy->slot = g_steal_pointer (&slot);
  return TRUE;
}

static gint
older_first (gconstpointer a,
             gconstpointer b)
{
  const FwRecoveredCopy *ca = *(FwRecoveredCopy * const *) a;
  const FwRecoveredCopy *cb = *(FwRecoveredCopy * const *) b;

  return (ca->written > cb->written) - (ca->written < cb->written);
}

GPtrArray *
fw_recovery_adopt_orphans (FwRecovery *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_recovered_copy_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) locks = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (self != NULL, copies);

  /* Every slot with a file in the folder; one whose info is missing is
   * a write that never finished, removed below once its program is gone.
   * And every other program's lock, each removed below if that program
   * has ended: a lock left without copies would stay for ever. */
  dir = g_dir_open (self->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean lock = g_str_has_suffix (name, LOCK_SUFFIX);
      const char *suffix = g_str_has_suffix (name, INFO_SUFFIX) ? INFO_SUFFIX
                           : g_str_has_suffix (name, PROJECT_SUFFIX) ? PROJECT_SUFFIX
                           : lock ? LOCK_SUFFIX : NULL;
      g_autofree char *slot = NULL;

      if (suffix == NULL || name[0] == '.')
        continue;
      slot = g_strndup (name, strlen (name) - strlen (suffix));
      if (lock)
        g_ptr_array_add (locks, g_steal_pointer (&slot));
      else if (!g_ptr_array_find_with_equal_func (slots, slot, g_str_equal, NULL))
        g_ptr_array_add (slots, g_steal_pointer (&slot));
    }

  for (guint i = 0; i < slots->len; i++)
    {
      const char *slot = slots->pdata[i];
      const char *dash = strrchr (slot, '-');
      g_autofree char *instance = dash ? g_strndup (slot, dash - slot) : NULL;
      g_autofree char *project_path = in_folder (self, slot, PROJECT_SUFFIX);
      g_autofree char *info_path = in_folder (self, slot, INFO_SUFFIX);
      FwRecoveredCopy *copy;

      if (instance == NULL || instance_alive (self, instance))
        continue;
      if (!g_file_test (project_path, G_FILE_TEST_IS_REGULAR) ||
          !g_file_test (info_path, G_FILE_TEST_IS_REGULAR))
        {
          fw_recovery_remove (self, slot);
          continue;
        }
      if ((copy = read_info (self, slot)) == NULL)
        continue;
      if (take_over (self, copy))
        g_ptr_array_add (copies, copy);
      else
        fw_recovered_copy_free (copy);
    }

  for (guint i = 0; i < locks->len; i++)
    instance_alive (self, locks->pdata[i]);

  g_ptr_array_sort (copies, older_first);
  return copies;
}

FwProject *
fw_recovery_load (FwRecovery             *self,
                  const FwRecoveredCopy  *copy,
                  GError                **error)
{
  g_autofree char *project_path = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (copy != NULL, NULL);

  project_path = in_folder (self, copy->slot, PROJECT_SUFFIX);
  return fw_store_load (project_path, error);
}
