/* fw-cli-simulate.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-simulate"

#include <glib/gi18n.h>

#include "fw-band.h"
#include "fw-cli-common.h"
#include "fw-engine.h"
#include "fw-error.h"
#include "fw-projection-output.h"
#include "fw-validate.h"

typedef enum
{
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_SUMMARY,
} Format;

static const char * const format_names[] = { "csv", "json", "summary", NULL };

/* --draws D and --seed S. @draws_text NULL (no band) leaves *@draws 0.
 * A seed without draws, or draws where there are no rows to hold them,
 * would be silently ignored: refused instead, so that the user learns
 * the band is not there. */
static gboolean
parse_band_options (const char  *draws_text,
                    const char  *seed_text,
                    Format       format,
                    guint       *draws,
                    guint64     *seed,
                    GError     **error)
{
  guint64 value;

  *draws = 0;
  *seed = FW_BAND_DEFAULT_SEED;

  if (draws_text == NULL)
    {
      if (seed_text != NULL)
        {
          g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                       _("--seed: only used with --draws (the seed is for the band's draws)"));
          return FALSE;
        }
      return TRUE;
    }

  if (!fw_cli_parse_whole ("--draws", draws_text, FW_BAND_MIN_DRAWS, FW_BAND_MAX_DRAWS, &value, error))
    return FALSE;
  *draws = (guint) value;

  if (seed_text != NULL &&
      !fw_cli_parse_whole ("--seed", seed_text, 0, G_MAXUINT64, seed, error))
    return FALSE;

  if (format == FORMAT_SUMMARY)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   _("--draws: the band is given per row, and --format summary has no rows"));
      return FALSE;
    }

  return TRUE;
}

int
fw_cli_simulate (int    argc,
                 char **argv)
{
  g_autofree char *scenario_name = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *horizon_text = NULL;
  g_autofree char *draws_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProjection) projection = NULL;
  g_autoptr(FwBand) band = NULL;
  g_autoptr(GError) error = NULL;
  const FwScenario *scenario;
  guint format;
  guint horizon;
  guint draws;
  guint64 seed;
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
      N_("Write csv, json or summary (default: csv)"), N_("FORMAT") },
    { "draws", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &draws_text,
      N_("Add the uncertainty band of customers from D draws, 1 to 100000"), N_("D") },
    { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed the band's draws, 0 to 18446744073709551615 (default: 1)"), N_("S") },
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
                       "summary: the json without the rows.\n"
                       "\n"
                       "--draws D adds the uncertainty band of customers to every row, from\n"
                       "the scenario's spreads: customers_p10, customers_p50 and customers_p90,\n"
                       "the 10th, 50th and 90th percentiles over D draws. The same file, seed\n"
                       "and D give the same band. A scenario without spreads has a band equal\n"
                       "to its customers.\n"
                       "\n"
                       "Numbers are written in the shortest form that reads back exactly, with\n"
                       "\".\" as the decimal separator whatever the locale. A figure too large\n"
                       "for a double is an empty CSV field and a JSON null."),
                     entries, &args, &status))
    return status;

  /* Arguments first: a typo is reported before any file is read. */
  if (!fw_cli_parse_choice ("--format", format_text, format_names, &format, &error) ||
      !fw_cli_parse_horizon (horizon_text, &horizon, &error) ||
      !parse_band_options (draws_text, seed_text, format, &draws, &seed, &error))
    return fw_cli_report_error (error);

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  scenario = fw_cli_find_scenario (project, args[0], scenario_name, &error);
  if (scenario == NULL)
    return fw_cli_report_error (error);

  /* --horizon overrides the project's; the JSON output names the
   * horizon that was run. */
  if (horizon == 0)
    horizon = project->horizon;
  projection = fw_projection_new ();
  fw_projection_run (projection, scenario, horizon);

  if (draws > 0)
    {
      band = fw_band_new (scenario, horizon, draws, seed);
      if (!fw_band_compute (band, NULL, &error))
        return fw_cli_report_error (error);
    }

  switch ((Format) format)
    {
    case FORMAT_CSV:
      output = fw_projection_to_csv (projection, scenario, band);
      break;
    case FORMAT_JSON:
      output = fw_projection_to_json (projection, project, scenario, band);
      break;
    case FORMAT_SUMMARY:
    default:
      output = fw_projection_to_summary_json (projection, project, scenario);
      break;
    }

  return fw_cli_print_document (output);
}
