/* fw-cli-check.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-check"

#include <glib/gi18n.h>

#include "fw-cli-common.h"
#include "fw-json-writer.h"
#include "fw-number.h"
#include "fw-validate.h"

/* "24 months": the horizon in the project's own unit. */
static char *
format_horizon (FwPeriod period,
                guint    horizon)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:
      return g_strdup_printf (ngettext ("%u week", "%u weeks", horizon), horizon);
    case FW_PERIOD_MONTH:
      return g_strdup_printf (ngettext ("%u month", "%u months", horizon), horizon);
    case FW_PERIOD_QUARTER:
      return g_strdup_printf (ngettext ("%u quarter", "%u quarters", horizon), horizon);
    default:
      g_assert_not_reached ();
    }
}

/* One line for the file, one for each scenario: enough to see that the
 * file holds what the user meant, short enough to read at a glance. */
static char *
describe (const char      *path,
          FwCliFileType    type,
          const FwProject *project)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autoptr(GString) display = g_string_new (NULL);
  g_autofree char *horizon = format_horizon (project->period, project->horizon);
  GString *text = g_string_new (NULL);
  guint n_scenarios = project->scenarios->len;

  g_autofree char *project_name = fw_quote_text_up_to (project->name, FW_MAX_NAME_CHARS);

  /* Names are quoted as JSON writes them: one held in a file could carry
   * control characters, which must never reach a terminal raw (an escape
   * sequence can retitle it, or worse). The file's own name is a name
   * too, escaped as error messages escape it (fw_cli_print_error ()). */
  fw_text_append_controls_escaped (display, display_name);
  g_string_append_printf (text,
                          ngettext ("%s: valid %s %s: %u scenario, horizon %s\n",
                                    "%s: valid %s %s: %u scenarios, horizon %s\n",
                                    n_scenarios),
                          display->str,
                          type == FW_CLI_FILE_STORE ? _("project file") : _("Flywheel JSON"),
                          project_name, n_scenarios, horizon);

  for (guint i = 0; i < n_scenarios; i++)
    {
      const FwScenario *scenario = fw_project_get_scenario (project, i);
      char inflow[FW_NUMBER_BUF_SIZE];
      g_autofree char *stages = g_strdup_printf (ngettext ("%u stage", "%u stages",
                                                           scenario->stages->len),
                                                 scenario->stages->len);
      g_autofree char *points = g_strdup_printf (ngettext ("%u point", "%u points",
                                                           scenario->points->len),
                                                 scenario->points->len);

      g_autofree char *scenario_name = fw_quote_text_up_to (scenario->name, FW_MAX_NAME_CHARS);

      g_string_append_printf (text, _("  %s: %s, %s, inflow %s\n"),
                              scenario_name, stages, points,
                              fw_number_format (scenario->inflow, inflow));
    }

  return g_string_free (text, FALSE);
}

int
fw_cli_check (int    argc,
              char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FwCliFileType type;
  int status;

  if (!fw_cli_parse (argc, argv, "FILE",
                     N_("Reads FILE (a project file, or Flywheel JSON) and checks every rule\n"
                       "of the model. A valid file is summed up on standard output (exit 0);\n"
                       "otherwise the first problem is named with its place, as in\n"
                       "\"x.json: scenarios[0].stages[2].advance: must be between 0 and 1,\n"
                       "got 1.5\" (exit 2)."),
                     NULL, &args, &status))
    return status;

  project = fw_cli_load_project (args[0], &type, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  text = describe (args[0], type, project);
  return fw_cli_print (text);
}
