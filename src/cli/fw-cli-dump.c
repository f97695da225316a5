/* fw-cli-dump.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-dump"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-json.h"

int
fw_cli_dump (int    argc,
             char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!fw_cli_parse (argc, argv, "FILE",
                     N_("Writes the project in FILE (a project file, or Flywheel JSON) to\n"
                       "standard output as Flywheel JSON, every field written, defaults\n"
                       "filled in. \"flywheel-cli import\" reads it back."),
                     NULL, &args, &status))
    return status;

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  json = fw_project_to_json (project);
  return fw_cli_print_document (json);
}
