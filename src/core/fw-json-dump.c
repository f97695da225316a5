/* fw-json-dump.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-json-dump"

#include "fw-json.h"
#include "fw-json-writer.h"

/* Keys are written in MODEL.md's order and every field is written, the
 * defaults too (but for a scenario's all-zero uncertainty, below), so that a dump documents the whole project and two dumps
 * of the same project compare byte for byte. */

static void
write_string (FwJsonWriter *writer,
              const char   *key,
              const char   *value)
{
  fw_json_writer_key (writer, key);
  fw_json_writer_string (writer, value);
}

static void
write_number (FwJsonWriter *writer,
              const char   *key,
              double        value)
{
  fw_json_writer_key (writer, key);
  fw_json_writer_number (writer, value);
}

static void
write_boolean (FwJsonWriter *writer,
               const char   *key,
               gboolean      value)
{
  fw_json_writer_key (writer, key);
  fw_json_writer_boolean (writer, value);
}

static void
write_stage (FwJsonWriter  *writer,
             const FwStage *stage)
{
  fw_json_writer_begin_object (writer);
  write_string (writer, "name", stage->name);
  write_string (writer, "color", stage->color);
  write_number (writer, "count", stage->count);
  write_boolean (writer, "customer", stage->customer);
  write_number (writer, "advance", stage->advance);
  write_number (writer, "loss", stage->loss);
  write_number (writer, "referral", stage->referral);
  write_number (writer, "weight", stage->weight);
  fw_json_writer_end_object (writer);
}

static void
write_point (FwJsonWriter  *writer,
             const FwPoint *point)
{
  fw_json_writer_begin_object (writer);
  write_string (writer, "name", point->name);
  write_string (writer, "kind", fw_point_kind_to_string (point->kind));
  write_number (writer, "angle", point->angle);
  write_number (writer, "conversion", point->conversion);
  write_number (writer, "churn", point->churn);
  write_number (writer, "referral", point->referral);
  write_boolean (writer, "enabled", point->enabled);
  write_string (writer, "note", point->note);
  fw_json_writer_end_object (writer);
}

static void
write_scenario (FwJsonWriter     *writer,
                const FwScenario *scenario)
{
  fw_json_writer_begin_object (writer);
  write_string (writer, "name", scenario->name);
  write_number (writer, "inflow", scenario->inflow);

  fw_json_writer_key (writer, "stages");
  fw_json_writer_begin_array (writer);
  for (guint i = 0; i < scenario->stages->len; i++)
    write_stage (writer, g_ptr_array_index (scenario->stages, i));
  fw_json_writer_end_array (writer);

  fw_json_writer_key (writer, "points");
  fw_json_writer_begin_array (writer);
  for (guint i = 0; i < scenario->points->len; i++)
    write_point (writer, g_ptr_array_index (scenario->points, i));
  fw_json_writer_end_array (writer);

  /* The one default left out: a scenario without spreads dumps exactly as
   * before uncertainty existed (MODEL.md's own example round-trips byte
   * for byte, and older readers still take it). Any spread set writes all
   * four. */
  if (fw_uncertainty_is_zero (&scenario->uncertainty))
    {
      fw_json_writer_end_object (writer);
      return;
    }

  fw_json_writer_key (writer, "uncertainty");
  fw_json_writer_begin_object (writer);
  write_number (writer, "advance", scenario->uncertainty.advance);
  write_number (writer, "loss", scenario->uncertainty.loss);
  write_number (writer, "referral", scenario->uncertainty.referral);
  write_number (writer, "inflow", scenario->uncertainty.inflow);
  fw_json_writer_end_object (writer);

  fw_json_writer_end_object (writer);
}

char *
fw_project_to_json (const FwProject *project)
{
  g_autofree char *text = NULL;
  FwJsonWriter *writer;

  g_return_val_if_fail (project != NULL, NULL);

  writer = fw_json_writer_new (2);
  fw_json_writer_begin_object (writer);
  write_string (writer, "format", FW_JSON_FORMAT);
  fw_json_writer_key (writer, "version");
  fw_json_writer_int (writer, FW_JSON_VERSION);
  write_string (writer, "name", project->name);
  write_string (writer, "period", fw_period_to_string (project->period));
  fw_json_writer_key (writer, "horizon");
  fw_json_writer_int (writer, project->horizon);

  fw_json_writer_key (writer, "scenarios");
  fw_json_writer_begin_array (writer);
  for (guint i = 0; i < project->scenarios->len; i++)
    write_scenario (writer, g_ptr_array_index (project->scenarios, i));
  fw_json_writer_end_array (writer);

  fw_json_writer_end_object (writer);
  text = fw_json_writer_free_to_string (writer);

  /* A text file ends with a line break. */
  return g_strconcat (text, "\n", NULL);
}
