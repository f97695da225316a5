/* fw-file.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-file"

#include <errno.h>
#include <fcntl.h>
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
