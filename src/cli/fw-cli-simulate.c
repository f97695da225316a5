/* fw-cli-simulate.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-simulate"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-engine.h"
#include "fw-error.h"
#include "fw-projection-output.h"
#include "fw-validate.h"

typedef enum
{
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

static const char * const format_names[] = { "csv", "json", NULL };

/* @text NULL (the option not given) leaves *@horizon 0: the project's. */
static gboolean
parse_horizon (const char  *text,
               guint       *horizon,
               GError     **error)
{
  guint64 value;

  *horizon = 0;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, FW_MIN_HORIZON, FW_MAX_HORIZON, &value, NULL))
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   _("--horizon: must be a whole number between %d and %d, got \"%s\""),
                   FW_MIN_HORIZON, FW_MAX_HORIZON, text);
      return FALSE;
    }

  *horizon = (guint) value;
  return TRUE;
}

int
fw_cli_simulate (int    argc,
                 char **argv)
{
  g_autofree char *scenario_name = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *horizon_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  const FwScenario *scenario;
  guint format;
  guint horizon;
  int status;
  /* The scenario's name is taken as the bytes typed, not converted from
   * the locale's character set: names are UTF-8, and a C locale must not
   * stop a user from naming "Año 2". */
  const GOptionEntry entries[] = {
    { "scenario", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &scenario_name,
      N_("Run scenario NAME (default: the first)"), N_("NAME") },
    { "horizon", 'H', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &horizon_text,
      N_("Run N periods, 1 to 100000 (default: the project's horizon)"), N_("N") },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("Write csv or json (default: csv)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, "FILE",
                     N_("Runs a scenario of FILE (a project file, or Flywheel JSON) and writes\n"
                       "the projection to standard output: periods 0 to N, one row each.\n"
                       "\n"
                       "csv:  period, the count in each stage, total, customers,\n"
                       "      new_customers, churn, dropoff, referrals, momentum.\n"
                       "json: the same rows, the summary (loop gain, steady customers, totals)\n"
                       "      and each point's impact on the customers at the end.\n"
                       "\n"
                       "Numbers are written in the shortest form that reads back exactly, with\n"
                       "\".\" as the decimal separator whatever the locale. A figure too large\n"
                       "for a double is an empty CSV field and a JSON null."),
                     entries, &args, &status))
    return status;

  /* Arguments first: a typo is reported before any file is read. */
  if (!fw_cli_parse_choice ("--format", format_text, format_names, &format, &error) ||
      !parse_horizon (horizon_text, &horizon, &error))
    return fw_cli_report_error (error);

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  scenario = fw_cli_find_scenario (project, args[0], scenario_name, &error);
  if (scenario == NULL)
    return fw_cli_report_error (error);

  /* --horizon overrides the project's; the JSON output names the
   * horizon that was run. */
  projection = fw_projection_new ();
  fw_projection_run (projection, scenario, horizon != 0 ? horizon : project->horizon);

  if (format == FORMAT_JSON)
    output = fw_projection_to_json (projection, project, scenario);
  else
    output = fw_projection_to_csv (projection, scenario);

  return fw_cli_print_document (output);
}
