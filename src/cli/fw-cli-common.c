/* fw-cli-common.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-error.h"
#include "fw-json-writer.h"
#include "fw-validate.h"

const FwCliCommand *
fw_cli_lookup_command (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < fw_cli_n_commands; i++)
    if (g_str_equal (fw_cli_commands[i].name, name))
      return &fw_cli_commands[i];

  return NULL;
}

void
fw_cli_print_error (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      fw_text_append_controls_escaped (out, lines[i]);
    }
  g_printerr ("%s: %s\n", FW_CLI_NAME, out->str);
}

static void
print_usage_error (const char *command,
                   const char *parameters,
                   const char *message)
{
  fw_cli_print_error (message);
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

const FwScenario *
fw_cli_find_scenario (const FwProject  *project,
                      const char       *path,
                      const char       *name,
                      GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *display = NULL;
  g_autofree char *quoted_name = NULL;
  g_autoptr(GString) names = NULL;
  const FwScenario *scenario;

  g_return_val_if_fail (project != NULL && path != NULL, NULL);

  if (name == NULL)
    return fw_project_get_scenario (project, 0);

  /* Bytes that are not UTF-8 cannot name a scenario, but the message
   * still quotes them. */
  if (g_utf8_validate (name, -1, NULL))
    trimmed = fw_name_trim (name);
  else
    trimmed = g_utf8_make_valid (name, -1);

  scenario = fw_project_find_scenario (project, trimmed);
  if (scenario != NULL)
    return scenario;

  names = g_string_new (NULL);
  for (guint i = 0; i < project->scenarios->len; i++)
    {
      g_autofree char *quoted = fw_quote_text_up_to (fw_project_get_scenario (project, i)->name,
                                                     FW_MAX_NAME_CHARS);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", quoted);
    }

  display = g_filename_display_name (path);
  quoted_name = fw_quote_text_up_to (trimmed, FW_MAX_NAME_CHARS);
  g_set_error (error, FW_ERROR, FW_ERROR_NOT_FOUND,
               _("%s: no scenario named %s; the scenarios are %s"),
               display, quoted_name, names->str);
  return NULL;
}

gboolean
fw_cli_parse_whole (const char  *option,
                    const char  *value,
                    guint64      min,
                    guint64      max,
                    guint64     *number,
                    GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (option != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  /* Decimal digits only: no sign, no space, no 0x. */
  if (g_ascii_string_to_unsigned (value, 10, min, max, number, NULL))
    return TRUE;

  /* The bounds as text: a G_GUINT64_FORMAT inside a translatable
   * message is invisible to gettext. */
  shown = g_utf8_make_valid (value, -1);
  low = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
  high = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
  g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
               _("%s: must be a whole number between %s and %s, got \"%s\""),
               option, low, high, shown);
  return FALSE;
}

gboolean
fw_cli_parse_horizon (const char  *value,
                      guint       *horizon,
                      GError     **error)
{
  guint64 number;

  *horizon = 0;
  if (value == NULL)
    return TRUE;

  if (!fw_cli_parse_whole ("--horizon", value, FW_MIN_HORIZON, FW_MAX_HORIZON, &number, error))
    return FALSE;

  *horizon = (guint) number;
  return TRUE;
}

int
fw_cli_report_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, FW_CLI_EXIT_FAILURE);

  fw_cli_print_error (error->message);

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
