/* fw-cli-import.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-import"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-store.h"

int
fw_cli_import (int    argc,
               char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!fw_cli_parse (argc, argv, "IN OUT",
                     N_("Reads IN (Flywheel JSON, or a project file) and writes it as the\n"
                       "project file OUT. An existing OUT is replaced the way Save replaces\n"
                       "it: whole and at once, so a failure leaves the old OUT untouched."),
                     NULL, &args, &status))
    return status;

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  if (!fw_store_save (project, args[1], &error))
    return fw_cli_report_error (error);

  return FW_CLI_EXIT_OK;
}
