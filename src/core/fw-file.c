/* fw-file.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-file"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fw-error.h"
#include "fw-file.h"

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

const char *
fw_file_describe_kind (guint mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    /* TRANSLATORS: what a path is instead of a file, in "%s, not a file" */
    return _("a folder");
  if (S_ISFIFO (mode))
    /* TRANSLATORS: what a path is instead of a file, in "%s, not a file" */
    return _("a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    /* TRANSLATORS: what a path is instead of a file, in "%s, not a file" */
    return _("a device");
  if (S_ISSOCK (mode))
    /* TRANSLATORS: what a path is instead of a file, in "%s, not a file" */
    return _("a socket");
  /* TRANSLATORS: what a path is instead of a file, in "%s, not a file" */
  return _("something else");
}

char *
fw_file_not_a_file (guint mode)
{
  /* TRANSLATORS: %s is "a named pipe", "a device", "a socket" */
  return g_strdup_printf (_("%s, not a file"), fw_file_describe_kind (mode));
}

int
fw_file_open_regular (const char  *path,
                      guint64     *size,
                      GError     **error)
{
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (size != NULL, -1);

  /* O_NONBLOCK makes open () return at once on a FIFO or a device; it
   * changes nothing for a regular file, whose reads never block. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno);
      return -1;
    }

  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      set_errno_error (error, EISDIR);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *what = fw_file_not_a_file (st.st_mode);

      close (fd);
      g_set_error_literal (error, FW_ERROR, FW_ERROR_NOT_PROJECT, what);
      return -1;
    }

  *size = (guint64) st.st_size;
  return fd;
}

gboolean
fw_file_read_fully (int       fd,
                    void     *buffer,
                    gsize     size,
                    gsize    *done,
                    GError  **error)
{
  guint8 *at = buffer;

  *done = 0;
  while (*done < size)
    {
      ssize_t n = read (fd, at + *done, MIN (size - *done, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
      if (n == 0)
        break;
      *done += (gsize) n;
    }

  return TRUE;
}

/* Writing ---------------------------------------------------------------- */

/* Links followed at most, as the kernel does (ELOOP beyond). */
#define MAX_LINKS 40

/* A temporary file of ours is ".NAME.fw-save-XXXXXX". NAME is cut to
 * this many bytes so that the whole stays under NAME_MAX (255). */
#define TEMP_NAME_MAX_BASE 200
#define TEMP_INFIX ".fw-save-"
#define TEMP_RANDOM_CHARS 6

/* A temporary file is stale when no live write holds its lock and it is
 * older than this: the age only covers the instant between a write
 * creating the file and locking it. */
#define STALE_AGE_SECONDS 10

/* Older Flywheels wrote with GLib, whose temporaries are "NAME.XXXXXX";
 * one of those is removed only when the caller recognises its content as
 * ours and it is older than this (GLib takes no lock). */
#define LEGACY_STALE_AGE_SECONDS 3600

char *
fw_file_resolve (const char *path)
{
  g_autofree char *current = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  char *real_folder;

  g_return_val_if_fail (path != NULL, NULL);

  current = g_strdup (path);
  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *link_folder = g_path_get_dirname (current);
          char *joined = g_build_filename (link_folder, target, NULL);

          g_free (current);
          current = joined;
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  folder = g_path_get_dirname (current);
  base = g_path_get_basename (current);
  real_folder = realpath (folder, NULL);
  if (real_folder == NULL)
    return g_steal_pointer (&current);

  g_free (folder);
  folder = g_strdup (real_folder);
  free (real_folder);
  return g_build_filename (folder, base, NULL);
}

static char *
temp_prefix (const char *base)
{
  g_autofree char *cut = g_strndup (base, TEMP_NAME_MAX_BASE);

  return g_strconcat (".", cut, TEMP_INFIX, NULL);
}

static gboolean
is_our_temporary (const char *entry,
                  const char *prefix)
{
  return g_str_has_prefix (entry, prefix) &&
         strlen (entry) == strlen (prefix) + TEMP_RANDOM_CHARS;
}

/* "NAME.XXXXXX", as GLib's g_file_set_contents () names its temporary. */
static gboolean
is_legacy_temporary (const char *entry,
                     const char *base)
{
  gsize length = strlen (base);

  if (strncmp (entry, base, length) != 0 || entry[length] != '.' ||
      strlen (entry) != length + 1 + 6)
    return FALSE;
  for (const char *p = entry + length + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* Removes @entry in @dir_fd if it is a regular file older than
 * @min_age seconds that no live write has locked (and, for an older
 * Flywheel's, that @is_ours recognises). */
static void
remove_if_stale (int                 dir_fd,
                 const char         *entry,
                 gint64              min_age,
                 FwFileRecogniser    is_ours)
{
  struct stat st;
  int fd;

  fd = openat (dir_fd, entry, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    return;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
      g_get_real_time () / G_USEC_PER_SEC - st.st_mtim.tv_sec >= min_age &&
      (is_ours == NULL || is_ours (fd)) &&
      flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      if (unlinkat (dir_fd, entry, 0) == 0)
        g_debug ("removed %s, left by a write that did not finish", entry);
    }

  close (fd);
}

static void
remove_stale_in (int               dir_fd,
                 const char       *base,
                 FwFileRecogniser  legacy_is_ours)
{
  g_autofree char *prefix = temp_prefix (base);
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) legacy = g_ptr_array_new_with_free_func (g_free);
  DIR *dir;
  struct dirent *entry;
  int list_fd;

  list_fd = openat (dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (list_fd < 0 || (dir = fdopendir (list_fd)) == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      if (is_our_temporary (entry->d_name, prefix))
        g_ptr_array_add (ours, g_strdup (entry->d_name));
      else if (legacy_is_ours != NULL && is_legacy_temporary (entry->d_name, base))
        g_ptr_array_add (legacy, g_strdup (entry->d_name));
    }
  closedir (dir);

  for (guint i = 0; i < ours->len; i++)
    remove_if_stale (dir_fd, g_ptr_array_index (ours, i), STALE_AGE_SECONDS, NULL);
  for (guint i = 0; i < legacy->len; i++)
    remove_if_stale (dir_fd, g_ptr_array_index (legacy, i), LEGACY_STALE_AGE_SECONDS, legacy_is_ours);
}

void
fw_file_remove_stale_temporaries (const char       *real_path,
                                  FwFileRecogniser  legacy_is_ours)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  int dir_fd;

  g_return_if_fail (real_path != NULL);

  folder = g_path_get_dirname (real_path);
  base = g_path_get_basename (real_path);
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    return;
  remove_stale_in (dir_fd, base, legacy_is_ours);
  close (dir_fd);
}

/* Creates ".NAME.fw-save-XXXXXX" in @dir_fd with @mode, and locks it
 * for as long as it is open: that lock is how a cleanup tells a live
 * write's file from a killed one's. */
static int
create_temporary (int          dir_fd,
                  const char  *base,
                  int          mode,
                  char       **name)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *prefix = temp_prefix (base);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      GString *candidate = g_string_new (prefix);
      int fd;

      for (guint i = 0; i < TEMP_RANDOM_CHARS; i++)
        g_string_append_c (candidate, chars[g_random_int_range (0, sizeof chars - 1)]);

      fd = openat (dir_fd, candidate->str,
                   O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
      if (fd >= 0)
        {
          flock (fd, LOCK_EX);
          *name = g_string_free (candidate, FALSE);
          return fd;
        }
      g_string_free (candidate, TRUE);
      if (errno != EEXIST)
        return -1;
    }

  errno = EEXIST;
  return -1;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      ssize_t n = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Why writing failed, in plain words; any other code keeps the system's
 * own (docs/file-format.md lists them). */
static const char *
failure_reason (int saved_errno)
{
  switch (g_file_error_from_errno (saved_errno))
    {
    case G_FILE_ERROR_NOENT:
      return "the folder does not exist";
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return "permission denied";
    case G_FILE_ERROR_NOSPC:
      return "the disk is full";
    case G_FILE_ERROR_ROFS:
      return "the disk is read-only";
    case G_FILE_ERROR_ISDIR:
      return "it is a folder";
    case G_FILE_ERROR_NOTDIR:
      return "a part of the path is not a folder";
    case G_FILE_ERROR_NAMETOOLONG:
      return "the name is too long";
    default:
      return g_strerror (saved_errno);
    }
}

static gboolean
fail_write (const char  *shown_path,
            int          saved_errno,
            GError     **error)
{
  g_autofree char *name = g_filename_display_name (shown_path);

  /* GFileError's domain and code: the disk, not the input, is at fault. */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: cannot save: %s", name, failure_reason (saved_errno));
  return FALSE;
}

/* "alice, group staff" (numbers when the names are unknown). The _r
 * calls: a save may run on a thread. */
static char *
describe_owner (const struct stat *st)
{
  char buffer[4096];
  struct passwd user, *found_user = NULL;
  struct group group, *found_group = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *group_name = NULL;

  if (getpwuid_r (st->st_uid, &user, buffer, sizeof buffer, &found_user) == 0 && found_user != NULL)
    user_name = g_strdup (found_user->pw_name);
  else
    user_name = g_strdup_printf ("%u", (guint) st->st_uid);
  if (getgrgid_r (st->st_gid, &group, buffer, sizeof buffer, &found_group) == 0 && found_group != NULL)
    group_name = g_strdup (found_group->gr_name);
  else
    group_name = g_strdup_printf ("%u", (guint) st->st_gid);

  return g_strdup_printf ("%s, group %s", user_name, group_name);
}

/* Gives the new file @fd the owner, group and permissions of the file it
 * replaces (@old; NULL for a new file). A private file stays private,
 * and another user's file (written by root, say) stays theirs. When the
 * owner or group cannot be kept, the write is refused: silently taking a
 * file away from its owner is worse than not saving. */
static gboolean
keep_ownership (const char         *shown_path,
                int                 fd,
                const struct stat  *old,
                GError            **error)
{
  struct stat now;

  if (old == NULL)
    return TRUE;

  if (fstat (fd, &now) != 0)
    return fail_write (shown_path, errno, error);

  if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
      fchown (fd, old->st_uid, old->st_gid) != 0)
    {
      g_autofree char *name = g_filename_display_name (shown_path);
      g_autofree char *owner = describe_owner (old);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   "%s: cannot save: it belongs to %s, and saving it as you would change that; "
                   "save a copy under another name", name, owner);
      return FALSE;
    }

  /* After fchown (), which clears set-id bits. */
  if (fchmod (fd, old->st_mode & 0777) != 0)
    return fail_write (shown_path, errno, error);

  return TRUE;
}

/* The bytes of fw_file_replace_resolved (), written into the temporary. */
static gboolean
fill_with_bytes (int          fd,
                 const char  *temp_path,
                 gpointer     data,
                 GError     **error)
{
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  errno = 0;
  return write_all (fd, bytes, size);
}

static gboolean
replace_resolved_with (const char        *real_path,
                       const char        *shown_path,
                       FwFileFill         fill,
                       gpointer           fill_data,
                       FwFileRecogniser   legacy_is_ours,
                       struct stat       *written,
                       GError           **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *temp_path = NULL;
  GError *local_error = NULL;
  struct stat old;
  gboolean replacing;
  int dir_fd, fd;
  int saved_errno;

  folder = g_path_get_dirname (real_path);
  base = g_path_get_basename (real_path);
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    return fail_write (shown_path, errno, error);

  remove_stale_in (dir_fd, base, legacy_is_ours);

  replacing = fstatat (dir_fd, base, &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG (old.st_mode);

  /* A file that replaces another is private until it has the other's
   * permissions; a new one gets 0644 less the umask straight away. */
  fd = create_temporary (dir_fd, base, replacing ? 0600 : 0644, &temp);
  if (fd < 0)
    {
      saved_errno = errno;
      close (dir_fd);
      return fail_write (shown_path, saved_errno, error);
    }

  temp_path = g_build_filename (folder, temp, NULL);
  errno = 0;
  if (!fill (fd, temp_path, fill_data, &local_error) ||
      !keep_ownership (shown_path, fd, replacing ? &old : NULL, &local_error) ||
      fsync (fd) != 0 ||
      /* The name is renamed over in the folder opened above, whatever
       * was swapped in since: a link put there is replaced, never
       * followed. */
      renameat (dir_fd, temp, dir_fd, base) != 0)
    {
      saved_errno = errno != 0 ? errno : EIO;
      unlinkat (dir_fd, temp, 0);
      close (fd);
      close (dir_fd);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return fail_write (shown_path, saved_errno, error);
    }

  /* The rename itself is durable once the folder is synced. Some file
   * systems refuse to sync a folder; the file is whole either way. */
  fsync (dir_fd);

  if (written != NULL && fstat (fd, written) != 0)
    memset (written, 0, sizeof *written);
  close (fd);
  close (dir_fd);
  return TRUE;
}

gboolean
fw_file_replace_resolved (const char        *real_path,
                          const char        *shown_path,
                          GBytes            *bytes,
                          FwFileRecogniser   legacy_is_ours,
                          struct stat       *written,
                          GError           **error)
{
  g_return_val_if_fail (real_path != NULL, FALSE);
  g_return_val_if_fail (shown_path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replace_resolved_with (real_path, shown_path, fill_with_bytes, bytes,
                                legacy_is_ours, written, error);
}

gboolean
fw_file_replace_with (const char  *path,
                      FwFileFill   fill,
                      gpointer     fill_data,
                      GError     **error)
{
  g_autofree char *real_path = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  real_path = fw_file_resolve (path);
  return replace_resolved_with (real_path, path, fill, fill_data, NULL, NULL, error);
}

gboolean
fw_file_replace (const char  *path,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autofree char *real_path = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  real_path = fw_file_resolve (path);
  return fw_file_replace_resolved (real_path, path, bytes, NULL, NULL, error);
}
