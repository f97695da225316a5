/* fw-file.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-file"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
    return "a folder";
  if (S_ISFIFO (mode))
    return "a named pipe";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a file";
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
      close (fd);
      g_set_error (error, FW_ERROR, FW_ERROR_NOT_PROJECT, "not a regular file (%s)",
                   fw_file_describe_kind (st.st_mode));
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

/* Why writing failed, in plain words. GLib's message names the
 * temporary file beside the target ("Failed to create file
 * “dir/x.flywheel.95Y5Y3”: No such file or directory"), which the user
 * never asked for; its last part, the system's own words, is all that
 * is kept when the code says nothing more precise. */
static const char *
failure_reason (const GError *error)
{
  const char *last;

  if (error->domain == G_FILE_ERROR)
    {
      switch ((GFileError) error->code)
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
          break;
        }
    }

  last = g_strrstr (error->message, ": ");

  return last != NULL ? last + 2 : error->message;
}

/* g_file_set_contents_full () writes a temporary file beside @path,
 * fsyncs it and renames it over @path, so a crash leaves the old file or
 * the new one, whole (a killed write can leave its temporary
 * "name.XXXXXX" beside the target). It replaces @path rather than
 * writing into it, which also means a database someone else has open is
 * never changed under them. */
gboolean
fw_file_replace (const char  *path,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  gconstpointer data;
  GStatBuf info;
  int mode = 0644;
  gsize size;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Writing through a symbolic link writes the file it points to, and
   * leaves the link a link (GLib would replace the link itself). */
  target = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? realpath (path, NULL) : NULL;
  if (target == NULL)
    target = g_strdup (path);

  /* Replacing a file keeps its permissions: a file a user made private
   * stays private. */
  if (g_stat (target, &info) == 0 && S_ISREG (info.st_mode))
    mode = info.st_mode & 0777;

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (target, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Keeps GFileError's domain and code: the disk, not the input, is
       * at fault. */
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: cannot save: %s", name, failure_reason (local_error));
      return FALSE;
    }

  return TRUE;
}
