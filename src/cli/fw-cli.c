/* fw-cli.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli"

#include "config.h"

#include <locale.h>
#include <signal.h>

#include <glib/gi18n.h>

#include "fw-cli-common.h"

const FwCliCommand fw_cli_commands[] = {
  { "new",       N_("Create a project file from a template"),             fw_cli_new },
  { "templates", N_("List the templates \"new\" can start from"),         fw_cli_templates },
  { "catalog",   N_("List the catalog of friction points and forces"),    fw_cli_catalog },
  { "import",    N_("Convert a JSON file into a project file"),           fw_cli_import },
  { "dump",      N_("Write a project as JSON, every field filled in"),    fw_cli_dump },
  { "simulate",  N_("Run a scenario and write its projection"),           fw_cli_simulate },
  { "compare",   N_("Run every scenario and write their summaries"),      fw_cli_compare },
  { "check",     N_("Check a project or JSON file and say what is wrong"), fw_cli_check },
  { "export",    N_("Draw the wheel or the chart as PNG, SVG or PDF, or write CSV"), fw_cli_export },
  { "report",    N_("Write a one-page PDF report on a scenario"),         fw_cli_report },
};
const guint fw_cli_n_commands = G_N_ELEMENTS (fw_cli_commands);

static void
print_usage_error (const char *message)
{
  fw_cli_print_error (message);
  g_printerr (_("Usage: %s COMMAND [OPTION…] [ARGUMENT…]\n"), FW_CLI_NAME);
  g_printerr (_("Try \"%s --help\" for the list of commands.\n"), FW_CLI_NAME);
}

static int
print_help (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Usage:\n  %s COMMAND [OPTION…] [ARGUMENT…]\n\n"), FW_CLI_NAME);
  g_string_append (text, _("Model a sales flywheel: create, check, convert and simulate projects.\n\n"));
  g_string_append (text, _("Commands:\n"));
  for (guint i = 0; i < fw_cli_n_commands; i++)
    g_string_append_printf (text, "  %-10s %s\n",
                            fw_cli_commands[i].name, _(fw_cli_commands[i].summary));
  g_string_append (text, _("\nOptions:\n"
                           "  -h, --help   Show this help and exit\n"
                           "  --version    Show the version and exit\n\n"));
  g_string_append (text, _("Files are told apart by their content, not by their name: a file that\n"
                           "starts with the SQLite header is a project file (.flywheel), anything\n"
                           "else is read as Flywheel JSON. A FILE may also be /dev/stdin when a\n"
                           "pipe feeds it; named pipes and devices are refused.\n\n"));
  g_string_append (text, _("Exit status: 0 on success, 2 when the input or the arguments are wrong,\n"
                           "1 when something else failed (for example, an output that cannot be\n"
                           "written).\n\n"));
  g_string_append_printf (text, _("Run \"%s help COMMAND\" or \"%s COMMAND --help\" for a command's options.\n"),
                          FW_CLI_NAME, FW_CLI_NAME);

  return fw_cli_print (text->str);
}

static int
print_version (void)
{
  g_autofree char *text = g_strdup_printf ("%s %s\n", FW_CLI_NAME, PACKAGE_VERSION);

  return fw_cli_print (text);
}

/* `help COMMAND` is `COMMAND --help`. */
static int
help_command (int    argc,
              char **argv)
{
  const FwCliCommand *command;
  char *help_argv[3];

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_help ();

  if (argc > 2)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument \"%s\""), argv[2]);

      print_usage_error (message);
      return FW_CLI_EXIT_USAGE;
    }

  command = fw_cli_lookup_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command \"%s\""), argv[1]);

      print_usage_error (message);
      return FW_CLI_EXIT_USAGE;
    }

  help_argv[0] = (char *) command->name;
  help_argv[1] = (char *) "--help";
  help_argv[2] = NULL;
  return command->entry (2, help_argv);
}

static int
run (int    argc,
     char **argv)
{
  const FwCliCommand *command;
  const char *name;

  if (argc < 2)
    {
      print_usage_error (_("missing command"));
      return FW_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    return help_command (argc - 1, argv + 1);

  if (g_str_equal (name, "--version"))
    {
      if (argc > 2)
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument \"%s\""), argv[2]);

          print_usage_error (message);
          return FW_CLI_EXIT_USAGE;
        }
      return print_version ();
    }

  if (name[0] == '-')
    {
      g_autofree char *message = g_strdup_printf (_("unknown option %s"), name);

      print_usage_error (message);
      return FW_CLI_EXIT_USAGE;
    }

  command = fw_cli_lookup_command (name);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command \"%s\""), name);

      print_usage_error (message);
      return FW_CLI_EXIT_USAGE;
    }

  return command->entry (argc - 1, argv + 1);
}

int
main (int    argc,
      char **argv)
{
  /* Messages follow the user's language; numbers never depend on the
   * locale (fw-number.h), so LC_NUMERIC needs no special care. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A closed pipe must be an error we report (exit 1), not a signal
   * that kills us silently halfway through an output. */
  signal (SIGPIPE, SIG_IGN);

  g_set_prgname (FW_CLI_NAME);

  return run (argc, argv);
}
