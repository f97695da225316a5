/* fw-cli-report.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-report"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-error.h"
#include "fw-file.h"
#include "fw-report.h"

#define PARAMETERS "FILE OUT"

static const char * const paper_names[] = { "a4", "letter", NULL };

int
fw_cli_report (int    argc,
               char **argv)
{
  g_autofree char *scenario_name = NULL;
  g_autofree char *paper_text = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  const FwScenario *scenario;
  FwPaper paper;
  guint index, paper_index;
  int status;
  const GOptionEntry entries[] = {
    { "scenario", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &scenario_name,
      N_("Report on scenario NAME (default: the first)"), N_("NAME") },
    { "paper", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &paper_text,
      N_("Paper size, a4 or letter (default: the locale's, LC_PAPER)"), N_("SIZE") },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, PARAMETERS,
                     N_("Writes a one-page report on a scenario of FILE (a project file, or\n"
                       "Flywheel JSON) into OUT, a PDF: the project and scenario names, the\n"
                       "date, the wheel, the summary figures (loop gain, customers now and at\n"
                       "the horizon, new customers, churn, referral inflow), the projection with\n"
                       "its uncertainty band (1000 draws, seed 1, when the scenario has spreads),\n"
                       "the friction points and forces ranked by their impact on customers, and\n"
                       "a table comparing the scenarios when the project has several.\n"
                       "\n"
                       "It is always one page, on the paper of the user's locale (US Letter\n"
                       "where LC_PAPER says so, A4 elsewhere), in the user's language, with text\n"
                       "kept as text and fonts embedded. OUT is replaced whole or left as it\n"
                       "was: never half written."),
                     entries, &args, &status))
    return status;

  /* Arguments first: a typo is reported before any file is read. */
  lower = g_ascii_strdown (args[1], -1);
  if (!g_str_has_suffix (lower, ".pdf") || g_str_equal (lower, ".pdf"))
    {
      g_autofree char *display = g_filename_display_name (args[1]);

      return fw_cli_usage_error ("report", PARAMETERS,
                                 _("%s: a report is a PDF; the name must end in .pdf"), display);
    }
  if (!fw_cli_parse_choice ("--paper", paper_text, paper_names, &paper_index, &error))
    return fw_cli_report_error (error);
  paper = paper_text == NULL ? fw_paper_for_locale ()
          : paper_index == 1 ? FW_PAPER_LETTER : FW_PAPER_A4;

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);
  scenario = fw_cli_find_scenario (project, args[0], scenario_name, &error);
  if (scenario == NULL)
    return fw_cli_report_error (error);
  g_ptr_array_find (project->scenarios, scenario, &index);

  report = fw_report_new (project, index, NULL);
  bytes = fw_report_render_pdf (report, paper, &error);
  if (bytes == NULL || !fw_file_replace (args[1], bytes, &error))
    return fw_cli_report_error (error);

  return FW_CLI_EXIT_OK;
}
