/* fw-cli-export.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-chart-data.h"
#include "fw-cli-common.h"
#include "fw-engine.h"
#include "fw-error.h"
#include "fw-export.h"
#include "fw-file.h"
#include "fw-validate.h"

#define PARAMETERS "FILE OUT"

static const char * const view_names[] = { "wheel", "chart", NULL };

/* A whole number from @text within @min..@max, or a usage error naming
 * @option and the range. */
static gboolean
parse_number (const char  *option,
              const char  *text,
              guint        min,
              guint        max,
              guint       *value,
              GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   _("%s: must be a whole number between %u and %u, got \"%s\""),
                   option, min, max, text);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

/* The size from --width and --height, the format's default when neither
 * is given, and 16:9 for the one not given. */
static gboolean
parse_size (FwExportFormat   format,
            const char      *width_text,
            const char      *height_text,
            guint           *width,
            guint           *height,
            GError         **error)
{
  fw_export_default_size (format, width, height);
  if (width_text != NULL
      && !parse_number ("--width", width_text, FW_EXPORT_MIN_SIDE, FW_EXPORT_MAX_SIDE, width, error))
    return FALSE;
  if (height_text != NULL
      && !parse_number ("--height", height_text, FW_EXPORT_MIN_SIDE, FW_EXPORT_MAX_SIDE, height, error))
    return FALSE;

  if (width_text != NULL && height_text == NULL)
    *height = CLAMP ((*width * 9 + 8) / 16, FW_EXPORT_MIN_SIDE, FW_EXPORT_MAX_SIDE);
  else if (height_text != NULL && width_text == NULL)
    *width = CLAMP ((*height * 16 + 4) / 9, FW_EXPORT_MIN_SIDE, FW_EXPORT_MAX_SIDE);
  return TRUE;
}

int
fw_cli_export (int    argc,
               char **argv)
{
  g_auto(GStrv) scenario_names = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *view_text = NULL;
  gboolean no_caption = FALSE;
  g_auto(GStrv) args = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint indices[FW_CHART_MAX_SCENARIOS];
  guint width, height;
  FwExportFormat format;
  const char *out;
  guint view, period = 0, n_names;
  int status;
  const GOptionEntry entries[] = {
    { "scenario", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &scenario_names,
      N_("Export scenario NAME (default: the first); the chart overlays several"), N_("NAME") },
    { "period", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &period_text,
      N_("Show period T: the wheel's counts then, a marker on the chart"),
      N_("T") },
    { "width", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &width_text,
      N_("Width in pixels (PNG) or points (SVG, PDF), 100 to 8000"), N_("W") },
    { "height", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &height_text,
      N_("Height in pixels (PNG) or points (SVG, PDF), 100 to 8000"), N_("H") },
    { "what", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &view_text,
      N_("Draw the wheel or the chart (default: wheel)"), N_("WHAT") },
    { "no-caption", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &no_caption,
      N_("Leave out the wheel's caption (project, scenario, \"Month T of H\")"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, PARAMETERS,
                     N_("Draws a scenario of FILE (a project file, or Flywheel JSON) into OUT,\n"
                       "in the format OUT's name ends with:\n"
                       "\n"
                       "  .png  an image, 1600x900 pixels unless --width/--height say otherwise\n"
                       "  .svg  a vector drawing, 960x540 points (a 16:9 slide)\n"
                       "  .pdf  one page, 960x540 points, text kept as text, fonts embedded\n"
                       "  .csv  the projection, exactly as \"simulate --format csv\" writes it\n"
                       "\n"
                       "The wheel and the chart are drawn as the window draws them, without\n"
                       "selection or focus, over the project's horizon. Under the wheel a\n"
                       "caption names the project, the scenario and the period shown\n"
                       "(\"Month 6 of 24\"), unless --no-caption. --scenario given\n"
                       "several times overlays those scenarios on the chart. With only one of\n"
                       "--width and --height, the other keeps 16:9. OUT is replaced whole or\n"
                       "left as it was: never half written."),
                     entries, &args, &status))
    return status;
  out = args[1];

  /* Arguments first: a typo is reported before any file is read. */
  if (!fw_export_format_for_path (out, &format))
    {
      g_autofree char *display = g_filename_display_name (out);

      return fw_cli_usage_error ("export", PARAMETERS,
                                 _("%s: cannot tell the format from the name; it must end in "
                                   ".png, .svg, .pdf or .csv"), display);
    }
  if (format == FW_EXPORT_CSV)
    {
      const char *option = view_text != NULL ? "--what" : width_text != NULL ? "--width"
                           : height_text != NULL ? "--height" : period_text != NULL ? "--period"
                           : no_caption ? "--no-caption" : NULL;

      if (option != NULL)
        return fw_cli_usage_error ("export", PARAMETERS,
                                   _("%s: does not apply to CSV, which holds every period of "
                                     "the projection"), option);
    }
  n_names = scenario_names != NULL ? g_strv_length (scenario_names) : 0;
  if (!fw_cli_parse_choice ("--what", view_text, view_names, &view, &error))
    return fw_cli_report_error (error);
  if (no_caption && view == 1)
    return fw_cli_usage_error ("export", PARAMETERS,
                               _("--no-caption: only the wheel has a caption; the chart names "
                                 "its scenarios in its legend"));
  if (n_names > 1 && (view != 1 || format == FW_EXPORT_CSV))
    return fw_cli_usage_error ("export", PARAMETERS,
                               _("--scenario: the wheel and CSV show one scenario; only the "
                                 "chart (--what chart) overlays several"));
  if (!parse_size (format, width_text, height_text, &width, &height, &error)
      || (period_text != NULL
          && !parse_number ("--period", period_text, 0, FW_MAX_HORIZON, &period, &error)))
    return fw_cli_report_error (error);

  project = fw_cli_load_project (args[0], NULL, &error);
  if (project == NULL)
    return fw_cli_report_error (error);

  for (guint i = 0; i < MAX (n_names, 1); i++)
    {
      const FwScenario *scenario = fw_cli_find_scenario (project, args[0],
                                                         n_names > 0 ? scenario_names[i] : NULL,
                                                         &error);

      if (scenario == NULL)
        return fw_cli_report_error (error);
      if (g_ptr_array_find (scenarios, scenario, NULL))
        {
          g_autofree char *quoted = fw_quote_text_up_to (scenario->name, FW_MAX_NAME_CHARS);

          return fw_cli_usage_error ("export", PARAMETERS,
                                     _("--scenario: %s is given twice"), quoted);
        }
      g_ptr_array_add (scenarios, (gpointer) scenario);
    }

  if (period > project->horizon)
    {
      g_autofree char *display = g_filename_display_name (args[0]);

      g_set_error (&error, FW_ERROR, FW_ERROR_INVALID,
                   _("--period: must be between 0 and %u, the horizon of %s; got %u"),
                   project->horizon, display, period);
      return fw_cli_report_error (error);
    }

  for (guint i = 0; i < scenarios->len; i++)
    g_ptr_array_find (project->scenarios, g_ptr_array_index (scenarios, i), &indices[i]);
  bytes = fw_export_project (project, indices, scenarios->len, NULL, format,
                             view == 1 ? FW_EXPORT_CHART : FW_EXPORT_WHEEL,
                             width, height, period_text != NULL ? (int) period : -1,
                             !no_caption, &error);
  if (bytes == NULL || !fw_file_replace (out, bytes, &error))
    return fw_cli_report_error (error);

  return FW_CLI_EXIT_OK;
}
