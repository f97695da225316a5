/* fw-cli-common.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fw-cli-common.h"
#include "fw-error.h"
#include "fw-json.h"
#include "fw-store.h"

/* Every SQLite database starts with these 16 bytes, NUL included. */
#define SQLITE_HEADER     "SQLite format 3"
#define SQLITE_HEADER_LEN 16

/* Enough of a file's start to tell the formats apart. */
#define SNIFF_SIZE 4096
#define READ_CHUNK (64 * 1024)

/* What is read from a pipe at most: the limit the store and the JSON
 * reader set on files (256 MiB). */
#define MAX_STREAM_SIZE (256u * 1024 * 1024)

const FwCliCommand *
fw_cli_lookup_command (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < fw_cli_n_commands; i++)
    if (g_str_equal (fw_cli_commands[i].name, name))
      return &fw_cli_commands[i];

  return NULL;
}

static void
print_usage_error (const char *command,
                   const char *parameters,
                   const char *message)
{
  g_printerr ("%s: %s\n", FW_CLI_NAME, message);
  if (parameters != NULL && parameters[0] != '\0')
    g_printerr (_("Usage: %s %s [OPTION…] %s\n"), FW_CLI_NAME, command, parameters);
  else
    g_printerr (_("Usage: %s %s [OPTION…]\n"), FW_CLI_NAME, command);
  g_printerr (_("Try \"%s help %s\" for more information.\n"), FW_CLI_NAME, command);
}

int
fw_cli_usage_error (const char *command,
                    const char *parameters,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  g_return_val_if_fail (command != NULL && format != NULL, FW_CLI_EXIT_USAGE);

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  print_usage_error (command, parameters, message);
  return FW_CLI_EXIT_USAGE;
}

/* Checks the positional arguments against the names in @parameters
 * (separated by single spaces), so that a missing one is reported by the
 * name --help gives it. Returns the problem, or NULL. */
static char *
check_positional (const char         *parameters,
                  const char * const *args)
{
  g_auto(GStrv) names = g_strsplit (parameters != NULL ? parameters : "", " ", -1);
  guint n_names = g_strv_length (names);
  guint n_args = args != NULL ? g_strv_length ((char **) args) : 0;

  if (n_args < n_names)
    return g_strdup_printf (_("missing argument %s"), names[n_args]);

  if (n_args > n_names)
    {
      g_autofree char *display = g_filename_display_name (args[n_names]);

      return g_strdup_printf (_("unexpected argument \"%s\""), display);
    }

  return NULL;
}

gboolean
fw_cli_parse (int                 argc,
              char              **argv,
              const char         *parameters,
              const char         *description,
              const GOptionEntry *entries,
              char             ***args,
              int                *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remaining = NULL;
  g_autofree char *prgname = NULL;
  g_autofree char *problem = NULL;
  const FwCliCommand *command;
  gboolean help = FALSE;
  /* Our own --help instead of GOption's, which prints with g_print()
   * and exits: a help text sent to a full disk must fail like any other
   * output. */
  GOptionEntry common_entries[] = {
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &help,
      N_("Show this help and exit"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (argc >= 1 && argv != NULL, FALSE);
  g_return_val_if_fail (args != NULL && exit_code != NULL, FALSE);

  command = fw_cli_lookup_command (argv[0]);
  g_assert (command != NULL);

  /* GOption writes the usage line with the program's name. */
  prgname = g_strdup_printf ("%s %s", FW_CLI_NAME, command->name);
  g_set_prgname (prgname);

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_usage_error (command->name, parameters, error->message);
      *exit_code = FW_CLI_EXIT_USAGE;
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      *exit_code = fw_cli_print (text);
      return FALSE;
    }

  problem = check_positional (parameters, (const char * const *) remaining);
  if (problem != NULL)
    {
      print_usage_error (command->name, parameters, problem);
      *exit_code = FW_CLI_EXIT_USAGE;
      return FALSE;
    }

  *args = remaining != NULL ? g_steal_pointer (&remaining) : g_new0 (char *, 1);
  *exit_code = FW_CLI_EXIT_OK;
  return TRUE;
}

gboolean
fw_cli_parse_choice (const char         *option,
                     const char         *value,
                     const char * const *choices,
                     guint              *index,
                     GError            **error)
{
  g_autoptr(GString) list = NULL;
  guint n_choices;

  g_return_val_if_fail (option != NULL, FALSE);
  g_return_val_if_fail (choices != NULL && choices[0] != NULL, FALSE);
  g_return_val_if_fail (index != NULL, FALSE);

  if (value == NULL)
    {
      *index = 0;
      return TRUE;
    }

  n_choices = g_strv_length ((char **) choices);
  for (guint i = 0; i < n_choices; i++)
    if (g_str_equal (choices[i], value))
      {
        *index = i;
        return TRUE;
      }

  list = g_string_new (choices[0]);
  for (guint i = 1; i < n_choices; i++)
    g_string_append_printf (list, "%s%s",
                            i + 1 < n_choices ? ", " : _(" or "),
                            choices[i]);

  g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
               _("%s: must be %s, got \"%s\""), option, list->str, value);
  return FALSE;
}

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

/* A pipe or a device can be read only once: the rest of its bytes are
 * read after the start, up to a limit so that an endless stream
 * (/dev/zero) is refused rather than filling memory, and handed to the
 * loader. */
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

  saved_errno = read_up_to (fd, contents, MAX_STREAM_SIZE + 1, &eof);
  if (saved_errno != 0)
    {
      set_open_error (error, display, saved_errno);
      return NULL;
    }

  if (contents->len > MAX_STREAM_SIZE)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   _("%s: larger than %u MiB, which is too large for a Flywheel project"),
                   display, MAX_STREAM_SIZE / (1024 * 1024));
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

FwProject *
fw_cli_load_project (const char     *path,
                     FwCliFileType  *type,
                     GError        **error)
{
  g_autoptr(GByteArray) start = NULL;
  g_autofree char *display = NULL;
  FwCliFileType sniffed;
  FwProject *project;
  GStatBuf info;
  gboolean whole;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_stat (path, &info) != 0)
    {
      set_open_error (error, display, errno);
      return NULL;
    }

  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, FW_ERROR, FW_ERROR_NOT_FOUND,
                   _("%s: is a directory, not a file"), display);
      return NULL;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_open_error (error, display, errno);
      return NULL;
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

int
fw_cli_report_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, FW_CLI_EXIT_FAILURE);

  g_printerr ("%s: %s\n", FW_CLI_NAME, error->message);

  return fw_error_is_bad_input (error) ? FW_CLI_EXIT_USAGE : FW_CLI_EXIT_FAILURE;
}

static int
write_stdout (const char *data,
              gsize       length)
{
  gsize written;
  int saved_errno;

  errno = 0;
  written = fwrite (data, 1, length, stdout);
  if (written == length && fflush (stdout) == 0 && !ferror (stdout))
    return FW_CLI_EXIT_OK;

  saved_errno = errno != 0 ? errno : EIO;
  /* A reader that went away (`| head`) wants no more output and no
   * complaint, as with any Unix tool; the status still says we stopped. */
  if (saved_errno == EPIPE)
    return FW_CLI_EXIT_FAILURE;
  g_printerr (_("%s: cannot write to standard output: %s\n"),
              FW_CLI_NAME, g_strerror (saved_errno));
  return FW_CLI_EXIT_FAILURE;
}

int
fw_cli_print (const char *text)
{
  g_return_val_if_fail (text != NULL, FW_CLI_EXIT_FAILURE);

  return write_stdout (text, strlen (text));
}

int
fw_cli_print_document (const char *text)
{
  gsize length;
  int status;

  g_return_val_if_fail (text != NULL, FW_CLI_EXIT_FAILURE);

  length = strlen (text);
  status = write_stdout (text, length);
  if (status == FW_CLI_EXIT_OK && (length == 0 || text[length - 1] != '\n'))
    status = write_stdout ("\n", 1);

  return status;
}
