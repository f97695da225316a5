/* fw-cli-new.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-new"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-error.h"
#include "fw-store.h"
#include "fw-templates.h"

#define PARAMETERS "OUT"

/* Whether a file is there to replace, through any symbolic links. A
 * dangling link is not one: saving writes through it, creating the file
 * it names and keeping the link (docs/file-format.md, "Links"), as
 * `import`, Save and Export do; it used to be refused here with
 * "already exists" though nothing was there (verification 8c, V8-01). */
static gboolean
path_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

int
fw_cli_new (int    argc,
            char **argv)
{
  g_autofree char *template_id = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "template", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &template_id,
      N_("Start from template NAME (see \"flywheel-cli templates\")"), N_("NAME") },
    { "force", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, PARAMETERS,
                     N_("Writes a new project file OUT from a template. An existing OUT is\n"
                       "left alone unless --force is given; it is then replaced whole, never\n"
                       "half-written."),
                     entries, &args, &status))
    return status;

  if (template_id == NULL)
    return fw_cli_usage_error (argv[0], PARAMETERS,
                               _("missing --template NAME (\"%s templates\" lists them)"),
                               FW_CLI_NAME);

  project = fw_template_create (template_id, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  display = g_filename_display_name (args[0]);
  if (!force && path_exists (args[0]))
    {
      g_autofree char *message = g_strdup_printf (_("%s: already exists; use --force to replace it"),
                                                  display);

      fw_cli_print_error (message);
      return FW_CLI_EXIT_USAGE;
    }

  if (!fw_store_save (project, args[0], &error))
    return fw_cli_report_error (error);

  return FW_CLI_EXIT_OK;
}
