/* fw-projection-output.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-projection-output"

#include <math.h>
#include <string.h>

#include "fw-json-writer.h"
#include "fw-number.h"
#include "fw-projection-output.h"

/* The per-period figures in MODEL.md's column order; the CSV header and
 * the JSON rows both come from this one table. */
static const struct
{
  const char *name;
  gsize       offset;
} figure_columns[] = {
  { "total",         G_STRUCT_OFFSET (FwFigures, total) },
  { "customers",     G_STRUCT_OFFSET (FwFigures, customers) },
  { "new_customers", G_STRUCT_OFFSET (FwFigures, new_customers) },
  { "churn",         G_STRUCT_OFFSET (FwFigures, churn) },
  { "dropoff",       G_STRUCT_OFFSET (FwFigures, dropoff) },
  { "referrals",     G_STRUCT_OFFSET (FwFigures, referrals) },
  { "momentum",      G_STRUCT_OFFSET (FwFigures, momentum) },
};

static double
figure_value (const FwFigures *figures,
              guint            column)
{
  return G_STRUCT_MEMBER (double, figures, figure_columns[column].offset);
}

/* RFC 4180: a field holding a comma, a quote or a line break is quoted,
 * its quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A figure that is not finite is an empty field. */
static void
append_csv_number (GString *out,
                   double   value)
{
  g_string_append_c (out, ',');
  if (isfinite (value))
    fw_number_append (out, value);
}

char *
fw_projection_to_csv (const FwProjection *projection,
                      const FwScenario   *scenario)
{
  GString *out;
  guint n, horizon;

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);

  n = fw_projection_get_n_stages (projection);
  horizon = fw_projection_get_horizon (projection);
  g_return_val_if_fail (n == scenario->stages->len, NULL);

  out = g_string_sized_new (64 * (horizon + 2) * (n + 8) / 4);

  g_string_append (out, "period");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, fw_scenario_get_stage (scenario, i)->name);
    }
  for (guint c = 0; c < G_N_ELEMENTS (figure_columns); c++)
    g_string_append_printf (out, ",%s", figure_columns[c].name);
  g_string_append_c (out, '\n');

  for (guint t = 0; t <= horizon; t++)
    {
      const double *counts = fw_projection_get_counts (projection, t);
      const FwFigures *figures = fw_projection_get_figures (projection, t);

      g_string_append_printf (out, "%u", t);
      for (guint i = 0; i < n; i++)
        append_csv_number (out, counts[i]);
      for (guint c = 0; c < G_N_ELEMENTS (figure_columns); c++)
        append_csv_number (out, figure_value (figures, c));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
write_summary (FwJsonWriter    *writer,
               const FwSummary *summary)
{
  fw_json_writer_begin_object (writer);
  /* An infinite loop gain is null, as any other figure that is not
   * finite; the writer does that for every number. */
  fw_json_writer_key (writer, "loop_gain");
  fw_json_writer_number (writer, summary->loop_gain);
  fw_json_writer_key (writer, "self_sustaining");
  fw_json_writer_boolean (writer, summary->self_sustaining);
  fw_json_writer_key (writer, "steady_customers");
  if (summary->has_steady)
    fw_json_writer_number (writer, summary->steady_customers);
  else
    fw_json_writer_null (writer);
  fw_json_writer_key (writer, "customers_end");
  fw_json_writer_number (writer, summary->customers_end);
  fw_json_writer_key (writer, "total_churn");
  fw_json_writer_number (writer, summary->total_churn);
  fw_json_writer_key (writer, "total_referrals");
  fw_json_writer_number (writer, summary->total_referrals);
  fw_json_writer_key (writer, "total_new_customers");
  fw_json_writer_number (writer, summary->total_new_customers);
  fw_json_writer_end_object (writer);
}

static void
write_rows (FwJsonWriter       *writer,
            const FwProjection *projection)
{
  guint n = fw_projection_get_n_stages (projection);
  guint horizon = fw_projection_get_horizon (projection);

  fw_json_writer_begin_array (writer);
  for (guint t = 0; t <= horizon; t++)
    {
      const double *counts = fw_projection_get_counts (projection, t);
      const FwFigures *figures = fw_projection_get_figures (projection, t);

      fw_json_writer_begin_object (writer);
      fw_json_writer_key (writer, "period");
      fw_json_writer_int (writer, t);
      fw_json_writer_key (writer, "stages");
      fw_json_writer_begin_array (writer);
      for (guint i = 0; i < n; i++)
        fw_json_writer_number (writer, counts[i]);
      fw_json_writer_end_array (writer);
      for (guint c = 0; c < G_N_ELEMENTS (figure_columns); c++)
        {
          fw_json_writer_key (writer, figure_columns[c].name);
          fw_json_writer_number (writer, figure_value (figures, c));
        }
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);
}

static void
write_points (FwJsonWriter       *writer,
              const FwProjection *projection,
              const FwScenario   *scenario)
{
  fw_json_writer_begin_array (writer);
  for (guint k = 0; k < fw_projection_get_n_points (projection); k++)
    {
      fw_json_writer_begin_object (writer);
      fw_json_writer_key (writer, "name");
      fw_json_writer_string (writer, fw_scenario_get_point (scenario, k)->name);
      fw_json_writer_key (writer, "stage");
      fw_json_writer_int (writer, fw_projection_get_point_stage (projection, k));
      fw_json_writer_key (writer, "impact");
      fw_json_writer_number (writer, fw_projection_get_point_impact (projection, k));
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);
}

char *
fw_projection_to_json (const FwProjection *projection,
                       const FwProject    *project,
                       const FwScenario   *scenario)
{
  FwJsonWriter *writer;
  char *json, *text;

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (fw_projection_get_n_stages (projection) == scenario->stages->len, NULL);
  g_return_val_if_fail (fw_projection_get_n_points (projection) == scenario->points->len, NULL);

  writer = fw_json_writer_new (2);
  fw_json_writer_begin_object (writer);
  fw_json_writer_key (writer, "project");
  fw_json_writer_string (writer, project->name);
  fw_json_writer_key (writer, "scenario");
  fw_json_writer_string (writer, scenario->name);
  fw_json_writer_key (writer, "period");
  fw_json_writer_string (writer, fw_period_to_string (project->period));
  fw_json_writer_key (writer, "horizon");
  fw_json_writer_int (writer, fw_projection_get_horizon (projection));
  fw_json_writer_key (writer, "rows");
  write_rows (writer, projection);
  fw_json_writer_key (writer, "summary");
  write_summary (writer, fw_projection_get_summary (projection));
  fw_json_writer_key (writer, "points");
  write_points (writer, projection, scenario);
  fw_json_writer_end_object (writer);

  json = fw_json_writer_free_to_string (writer);
  text = g_strconcat (json, "\n", NULL);
  g_free (json);
  return text;
}
