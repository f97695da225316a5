/* fw-cli-load.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

/* Loading the project a command names: a project file or JSON, told apart
 * by content, from a regular file or from the pipe on standard input. */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fw-cli-common.h"
#include "fw-error.h"
#include "fw-file.h"
#include "fw-json.h"
#include "fw-store.h"

/* Every SQLite database starts with these 16 bytes, NUL included. */
#define SQLITE_HEADER     "SQLite format 3"
#define SQLITE_HEADER_LEN 16

/* Enough of a file's start to tell the formats apart. */
#define SNIFF_SIZE 4096
#define READ_CHUNK (64 * 1024)

/* An input that cannot be opened is a bad argument (exit 2), as the JSON
 * reader has it too; only a failure of the machine (an I/O error, no
 * memory) is exit 1. */
static void
set_open_error (GError     **error,
                const char  *display,
                int          saved_errno)
{
  GFileError code = g_file_error_from_errno (saved_errno);

  switch (code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_NAMETOOLONG:
    case G_FILE_ERROR_LOOP:
      g_set_error (error, FW_ERROR, FW_ERROR_NOT_FOUND, "%s: %s",
                   display, g_strerror (saved_errno));
      break;
    default:
      g_set_error (error, G_FILE_ERROR, code, _("%s: cannot be read: %s"),
                   display, g_strerror (saved_errno));
      break;
    }
}

/* Reads from @fd until @buffer holds @limit bytes or the end is reached
 * (*@eof). Returns 0 or the errno of the failure. */
static int
read_up_to (int         fd,
            GByteArray *buffer,
            gsize       limit,
            gboolean   *eof)
{
  *eof = FALSE;

  while (buffer->len < limit)
    {
      gsize had = buffer->len;
      gsize want = MIN (limit - had, READ_CHUNK);
      gssize n;

      g_byte_array_set_size (buffer, had + want);
      n = read (fd, buffer->data + had, want);
      g_byte_array_set_size (buffer, had + MAX (n, 0));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0)
        {
          *eof = TRUE;
          break;
        }
    }

  return 0;
}

/* Tells the formats apart by the start of a file: SQLite's header makes
 * a project file; JSON text starts with an object or an array, after
 * white space and perhaps a byte order mark an editor left there. A
 * start that is only white space is left to the JSON reader, which says
 * what is wrong; an empty file is neither. */
static gboolean
sniff (const GByteArray *start,
       gboolean          whole,
       FwCliFileType    *type)
{
  const char *data = (const char *) start->data;
  gsize length = start->len;
  gsize i = 0;

  if (length >= SQLITE_HEADER_LEN && memcmp (data, SQLITE_HEADER, SQLITE_HEADER_LEN) == 0)
    {
      *type = FW_CLI_FILE_STORE;
      return TRUE;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  *type = FW_CLI_FILE_JSON;
  if (i < length)
    return data[i] == '{' || data[i] == '[';

  return !(whole && length == 0);
}

/* A pipe can be read only once: the rest of its bytes are read after the
 * start, up to one byte past the loader's own size limit (so that an
 * endless stream is refused rather than filling memory), and handed to
 * the loader, which refuses what is too large in its own words. */
static FwProject *
load_stream (int            fd,
             GByteArray    *contents,
             FwCliFileType  type,
             const char    *display,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  FwProject *project;
  gboolean eof;
  int saved_errno;

  gsize limit = type == FW_CLI_FILE_STORE ? FW_STORE_MAX_FILE_SIZE : FW_JSON_MAX_TEXT_SIZE;

  saved_errno = read_up_to (fd, contents, limit + 1, &eof);
  if (saved_errno != 0)
    {
      set_open_error (error, display, saved_errno);
      return NULL;
    }

  if (type == FW_CLI_FILE_STORE)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents->data, contents->len);

      project = fw_store_load_bytes (bytes, &local_error);
    }
  else
    project = fw_project_from_json ((const char *) contents->data, contents->len, &local_error);

  if (project == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display);

  return project;
}

/* The pipe a shell connected to standard input
 * (`… | flywheel-cli check /dev/stdin`), when that is what @opened is: it
 * is read, but no other pipe, and no device or socket, which could block
 * or never end. */
static gboolean
is_standard_input_pipe (const struct stat *opened)
{
  struct stat input;

  return (S_ISFIFO (opened->st_mode) || S_ISSOCK (opened->st_mode)) &&
         fstat (STDIN_FILENO, &input) == 0 &&
         opened->st_dev == input.st_dev && opened->st_ino == input.st_ino;
}

FwProject *
fw_cli_load_project (const char     *path,
                     FwCliFileType  *type,
                     GError        **error)
{
  g_autoptr(GByteArray) start = NULL;
  g_autofree char *display = NULL;
  FwCliFileType sniffed;
  FwProject *project;
  struct stat info;
  gboolean whole;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  /* Opened without blocking, then checked by what was opened (not by the
   * path, which could be swapped meanwhile): open () on a FIFO that no
   * one writes to would wait forever. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_open_error (error, display, saved_errno);
      return NULL;
    }

  if (S_ISDIR (info.st_mode))
    {
      close (fd);
      g_set_error (error, FW_ERROR, FW_ERROR_NOT_FOUND,
                   _("%s: is a directory, not a file"), display);
      return NULL;
    }

  if (!S_ISREG (info.st_mode))
    {
      if (!is_standard_input_pipe (&info))
        {
          g_autofree char *what = fw_file_not_a_file (info.st_mode);

          close (fd);
          /* TRANSLATORS: the second %s is "a named pipe, not a file" */
          g_set_error (error, FW_ERROR, FW_ERROR_NOT_PROJECT,
                       _("%s: %s; Flywheel reads projects from files, "
                         "or from a pipe on standard input (/dev/stdin)"),
                       display, what);
          return NULL;
        }
      /* The shell's pipe: reads wait for the program writing into it. */
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
    }

  start = g_byte_array_new ();
  saved_errno = read_up_to (fd, start, SNIFF_SIZE, &whole);
  if (saved_errno != 0)
    {
      close (fd);
      set_open_error (error, display, saved_errno);
      return NULL;
    }

  if (!sniff (start, whole, &sniffed))
    {
      close (fd);
      g_set_error (error, FW_ERROR, FW_ERROR_NOT_PROJECT,
                   start->len == 0
                   ? _("%s: empty file, not a Flywheel project")
                   : _("%s: not a Flywheel project (neither a project file nor JSON)"),
                   display);
      return NULL;
    }

  /* A regular file is read again by its loader: the store checks what
   * only a file on disk has (a journal left beside it), and both
   * loaders name the file in their messages. */
  if (S_ISREG (info.st_mode))
    {
      close (fd);
      if (sniffed == FW_CLI_FILE_STORE)
        project = fw_store_load (path, error);
      else
        project = fw_project_from_json_file (path, error);
    }
  else
    {
      project = load_stream (fd, start, sniffed, display, error);
      close (fd);
    }

  if (project != NULL && type != NULL)
    *type = sniffed;

  return project;
}
