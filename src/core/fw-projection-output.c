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

/* The band's columns, after momentum, in FwBandLevel order. */
static const char * const band_columns[] = {
  "customers_p10", "customers_p50", "customers_p90",
};

static void
check_band (const FwProjection *projection,
            FwBand             *band)
{
  g_assert (band == NULL ||
            (fw_band_is_computed (band) &&
             fw_band_get_horizon (band) == fw_projection_get_horizon (projection)));
}

/* A name's control characters are escaped as JSON escapes them
 * (docs/model-notes.md, "Number text"): a name comes from a file, and an
 * escape sequence in it must not reach the terminal `simulate` and
 * `compare` print to (it can retitle it, or worse), nor a CSV file that
 * is later shown with cat. Then RFC 4180: a field holding a comma or a
 * quote is quoted, its quotes doubled (a line break no longer can be in
 * it). */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  g_autoptr(GString) safe = g_string_new (NULL);

  fw_text_append_controls_escaped (safe, text);
  if (strpbrk (safe->str, ",\"") == NULL)
    {
      g_string_append_len (out, safe->str, safe->len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = safe->str; *p; p++)
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
                      const FwScenario   *scenario,
                      FwBand             *band)
{
  GString *out;
  guint n, horizon;

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);

  n = fw_projection_get_n_stages (projection);
  horizon = fw_projection_get_horizon (projection);
  g_return_val_if_fail (n == scenario->stages->len, NULL);
  check_band (projection, band);

  out = g_string_sized_new (64 * (horizon + 2) * (n + 8) / 4);

  g_string_append (out, "period");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, fw_scenario_get_stage (scenario, i)->name);
    }
  for (guint c = 0; c < G_N_ELEMENTS (figure_columns); c++)
    g_string_append_printf (out, ",%s", figure_columns[c].name);
  for (guint level = 0; band != NULL && level < G_N_ELEMENTS (band_columns); level++)
    g_string_append_printf (out, ",%s", band_columns[level]);
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
      for (guint level = 0; band != NULL && level < G_N_ELEMENTS (band_columns); level++)
        append_csv_number (out, fw_band_get_customers (band, level)[t]);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* A JSON document ends with a line break. */
static char *
writer_to_document (FwJsonWriter *writer)
{
  g_autofree char *json = fw_json_writer_free_to_string (writer);

  return g_strconcat (json, "\n", NULL);
}

/* The summary's keys, in MODEL.md's order, into the open object. */
static void
write_summary_members (FwJsonWriter    *writer,
                       const FwSummary *summary)
{
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
}

static void
write_summary (FwJsonWriter    *writer,
               const FwSummary *summary)
{
  fw_json_writer_begin_object (writer);
  write_summary_members (writer, summary);
  fw_json_writer_end_object (writer);
}

static void
write_rows (FwJsonWriter       *writer,
            const FwProjection *projection,
            FwBand             *band)
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
      for (guint level = 0; band != NULL && level < G_N_ELEMENTS (band_columns); level++)
        {
          fw_json_writer_key (writer, band_columns[level]);
          fw_json_writer_number (writer, fw_band_get_customers (band, level)[t]);
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

/* MODEL.md's object, with its rows or without them. */
static char *
projection_json (const FwProjection *projection,
                 const FwProject    *project,
                 const FwScenario   *scenario,
                 gboolean            with_rows,
                 FwBand             *band)
{
  FwJsonWriter *writer;

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (fw_projection_get_n_stages (projection) == scenario->stages->len, NULL);
  g_return_val_if_fail (fw_projection_get_n_points (projection) == scenario->points->len, NULL);
  check_band (projection, band);

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
  if (with_rows)
    {
      fw_json_writer_key (writer, "rows");
      write_rows (writer, projection, band);
    }
  fw_json_writer_key (writer, "summary");
  write_summary (writer, fw_projection_get_summary (projection));
  fw_json_writer_key (writer, "points");
  write_points (writer, projection, scenario);
  fw_json_writer_end_object (writer);

  return writer_to_document (writer);
}

char *
fw_projection_to_json (const FwProjection *projection,
                       const FwProject    *project,
                       const FwScenario   *scenario,
                       FwBand             *band)
{
  return projection_json (projection, project, scenario, TRUE, band);
}

char *
fw_projection_to_summary_json (const FwProjection *projection,
                               const FwProject    *project,
                               const FwScenario   *scenario)
{
  return projection_json (projection, project, scenario, FALSE, NULL);
}

/* ----------------------------------------------------------------- compare */

static const char * const summary_columns[] = {
  "loop_gain", "self_sustaining", "steady_customers", "customers_end",
  "total_churn", "total_referrals", "total_new_customers",
};

char *
fw_summaries_to_csv (const FwProject         *project,
                     const FwSummary * const *summaries)
{
  GString *out;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (summaries != NULL, NULL);

  out = g_string_new ("scenario");
  for (guint c = 0; c < G_N_ELEMENTS (summary_columns); c++)
    g_string_append_printf (out, ",%s", summary_columns[c]);
  g_string_append_c (out, '\n');

  for (guint s = 0; s < project->scenarios->len; s++)
    {
      const FwSummary *summary = summaries[s];

      append_csv_field (out, fw_project_get_scenario (project, s)->name);
      append_csv_number (out, summary->loop_gain);
      g_string_append (out, summary->self_sustaining ? ",true" : ",false");
      append_csv_number (out, summary->has_steady ? summary->steady_customers : NAN);
      append_csv_number (out, summary->customers_end);
      append_csv_number (out, summary->total_churn);
      append_csv_number (out, summary->total_referrals);
      append_csv_number (out, summary->total_new_customers);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
fw_summaries_to_json (const FwProject         *project,
                      const FwSummary * const *summaries)
{
  FwJsonWriter *writer;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (summaries != NULL, NULL);

  writer = fw_json_writer_new (2);
  fw_json_writer_begin_array (writer);
  for (guint s = 0; s < project->scenarios->len; s++)
    {
      fw_json_writer_begin_object (writer);
      fw_json_writer_key (writer, "scenario");
      fw_json_writer_string (writer, fw_project_get_scenario (project, s)->name);
      write_summary_members (writer, summaries[s]);
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);

  return writer_to_document (writer);
}
