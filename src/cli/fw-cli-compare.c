/* fw-cli-compare.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-compare"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-engine.h"
#include "fw-projection-output.h"

typedef enum
{
  FORMAT_CSV,
  FORMAT_JSON,
} Format;

static const char * const format_names[] = { "csv", "json", NULL };

int
fw_cli_compare (int    argc,
                char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *horizon_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GPtrArray) projections = NULL;
  g_autofree const FwSummary **summaries = NULL;
  g_autoptr(GError) error = NULL;
  guint format;
  guint horizon;
  int status;
  const GOptionEntry entries[] = {
    { "horizon", 'H', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &horizon_text,
      N_("Run every scenario N periods, 1 to 100000 (default: the project's horizon)"), N_("N") },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("Write csv or json (default: csv)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, "FILE",
                     N_("Runs every scenario of FILE (a project file, or Flywheel JSON) and\n"
                       "writes their summaries side by side, in the file's order.\n"
                       "\n"
                       "csv:  scenario, loop_gain, self_sustaining, steady_customers,\n"
                       "      customers_end, total_churn, total_referrals, total_new_customers;\n"
                       "      one row per scenario, booleans as true or false.\n"
                       "json: a list of objects with \"scenario\" and the same keys.\n"
                       "\n"
                       "A figure that is not finite (an infinite loop gain, a wheel past the\n"
                       "range of a double) or not defined (no steady customer base) is an\n"
                       "empty CSV field and a JSON null."),
                     entries, &args, &status))
    return status;

  if (!fw_cli_parse_choice ("--format", format_text, format_names, &format, &error) ||
      !fw_cli_parse_horizon (horizon_text, &horizon, &error))
    return fw_cli_report_error (error);

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  if (horizon == 0)
    horizon = project->horizon;

  projections = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_projection_free);
  summaries = g_new (const FwSummary *, project->scenarios->len);
  for (guint s = 0; s < project->scenarios->len; s++)
    {
      FwProjection *projection = fw_projection_new ();

      fw_projection_run (projection, fw_project_get_scenario (project, s), horizon);
      g_ptr_array_add (projections, projection);
      summaries[s] = fw_projection_get_summary (projection);
    }

  if (format == FORMAT_JSON)
    output = fw_summaries_to_json (project, summaries);
  else
    output = fw_summaries_to_csv (project, summaries);

  return fw_cli_print_document (output);
}
