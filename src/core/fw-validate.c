/* fw-validate.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-validate"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "fw-error.h"
#include "fw-json-writer.h"
#include "fw-number.h"
#include "fw-place.h"
#include "fw-validate.h"

/* How much of a bad text value a message quotes: enough to recognise it,
 * not a whole pasted paragraph. */
#define QUOTE_MAX_CHARS 40

/* A text value in double quotes, cut short after @max_chars. Shared
 * with the store, which quotes a bad value read from a file the same
 * way, and the command line, which shows names with it. */
char *
fw_quote_text_up_to (const char *value,
                     glong       max_chars)
{
  g_autofree char *cut = NULL;
  FwJsonWriter *writer;

  g_return_val_if_fail (value != NULL, NULL);

  if (g_utf8_strlen (value, -1) > max_chars)
    {
      g_autofree char *start = g_utf8_substring (value, 0, max_chars);

      cut = g_strconcat (start, "…", NULL);
    }

  /* Written as JSON writes a string, so a quote, a line break or a
   * control character in the value shows plainly in a one-line message,
   * and never reaches a terminal as an escape sequence. */
  writer = fw_json_writer_new (0);
  fw_json_writer_string (writer, cut != NULL ? cut : value);
  return fw_json_writer_free_to_string (writer);
}

char *
fw_quote_text (const char *value)
{
  return fw_quote_text_up_to (value, QUOTE_MAX_CHARS);
}

static gboolean
check_utf8 (const char  *path,
            const char  *value,
            GError     **error)
{
  if (!g_utf8_validate (value, -1, NULL))
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be valid UTF-8 text");

  return TRUE;
}

/* Lengths are in characters (Unicode code points), as a user counts them. */
static gboolean
check_length (const char  *path,
              const char  *value,
              glong        max,
              GError     **error)
{
  glong length = g_utf8_strlen (value, -1);

  if (length > max)
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be at most %ld characters long, got %ld", max, length);

  return TRUE;
}

/* How many items a list holds, e.g. "must have between 2 and 16 stages". */
static gboolean
check_list_size (const char  *path,
                 const char  *noun,
                 guint        size,
                 guint        min,
                 guint        max,
                 GError     **error)
{
  if (size < min || size > max)
    {
      if (min == 0)
        return fw_place_fail (error, FW_ERROR_INVALID, path, "must have at most %u %s, got %u", max, noun, size);
      return fw_place_fail (error, FW_ERROR_INVALID, path, "must have between %u and %u %s, got %u", min, max, noun, size);
    }

  return TRUE;
}

/* Names of a list must differ after trimming. @seen holds the trimmed
 * names of the items before @index; this one is added to it. */
static gboolean
check_unique_name (GPtrArray   *seen,
                   const char  *path,
                   const char  *key,
                   guint        index,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *trimmed = fw_name_trim (name);

  for (guint j = 0; j < seen->len; j++)
    {
      if (strcmp (g_ptr_array_index (seen, j), trimmed) == 0)
        {
          g_autofree char *item = fw_place_element (path, key, index);
          g_autofree char *place = fw_place_member (item, "name");
          g_autofree char *quoted = fw_quote_text (trimmed);

          return fw_place_fail (error, FW_ERROR_INVALID, place, "%s is already the name of %s[%u]", quoted, key, j);
        }
    }

  g_ptr_array_add (seen, g_steal_pointer (&trimmed));

  return TRUE;
}

/* The enums come from C code, but a bad value would index past a table
 * (fw_period_to_string, the writer), so they are checked like the rest. */
static gboolean
check_period (const char  *path,
              FwPeriod     period,
              GError     **error)
{
  if ((guint) period > FW_PERIOD_QUARTER)
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be \"week\", \"month\" or \"quarter\", got %d", (int) period);

  return TRUE;
}

static gboolean
check_kind (const char   *path,
            FwPointKind   kind,
            GError      **error)
{
  if ((guint) kind > FW_POINT_FORCE)
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be \"friction\" or \"force\", got %d", (int) kind);

  return TRUE;
}

/* Checks @key of the object at @path against [min, max]. */
static gboolean
check_member_range (const char  *path,
                    const char  *key,
                    double       value,
                    double       min,
                    double       max,
                    GError     **error)
{
  g_autofree char *place = fw_place_member (path, key);

  return fw_check_range (place, value, min, max, error);
}

static gboolean
check_member_name (const char  *path,
                   const char  *value,
                   GError     **error)
{
  g_autofree char *place = fw_place_member (path, "name");

  return fw_check_name (place, value, error);
}

char *
fw_name_trim (const char *name)
{
  const char *start = NULL;
  const char *end = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* One pass: @start is the first character that is not white space,
   * @end the byte after the last one. Bytes that are not UTF-8 count as
   * text, so that trimming never hides them from the UTF-8 check. */
  for (const char *p = name; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isspace (c))
        {
          if (start == NULL)
            start = p;
          end = next;
        }
      p = next;
    }

  if (start == NULL)
    return g_strdup ("");

  return g_strndup (start, end - start);
}

gboolean
fw_check_name (const char  *path,
               const char  *value,
               GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (value == NULL)
    value = "";

  if (!check_utf8 (path, value, error))
    return FALSE;

  trimmed = fw_name_trim (value);
  if (trimmed[0] == '\0')
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must not be empty");

  return check_length (path, trimmed, FW_MAX_NAME_CHARS, error);
}

gboolean
fw_check_note (const char  *path,
               const char  *value,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (value == NULL)
    value = "";

  return check_utf8 (path, value, error) &&
         check_length (path, value, FW_MAX_NOTE_CHARS, error);
}

gboolean
fw_check_color (const char  *path,
                const char  *value,
                GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (value == NULL)
    value = "";

  ok = strlen (value) == 7 && value[0] == '#';
  for (guint i = 1; ok && i < 7; i++)
    ok = g_ascii_isxdigit (value[i]);

  if (!ok)
    {
      g_autofree char *quoted = NULL;

      if (!g_utf8_validate (value, -1, NULL))
        return fw_place_fail (error, FW_ERROR_INVALID, path, "must be a colour written \"#rrggbb\"");

      quoted = fw_quote_text (value);
      return fw_place_fail (error, FW_ERROR_INVALID, path, "must be a colour written \"#rrggbb\", got %s", quoted);
    }

  return TRUE;
}

gboolean
fw_check_range (const char  *path,
                double       value,
                double       min,
                double       max,
                GError     **error)
{
  char got[FW_NUMBER_BUF_SIZE];
  char low[FW_NUMBER_BUF_SIZE];
  char high[FW_NUMBER_BUF_SIZE];

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);

  if (isfinite (value) && value >= min && value <= max)
    return TRUE;

  fw_number_format (value, got);
  fw_number_format (min, low);
  fw_number_format (max, high);

  /* An open end is not written as "inf": "between 0 and inf" would
   * suggest that inf itself is allowed. */
  if (isfinite (min) && isfinite (max))
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be between %s and %s, got %s", low, high, got);
  if (isfinite (min))
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be finite and at least %s, got %s", low, got);
  if (isfinite (max))
    return fw_place_fail (error, FW_ERROR_INVALID, path, "must be finite and at most %s, got %s", high, got);

  return fw_place_fail (error, FW_ERROR_INVALID, path, "must be finite, got %s", got);
}

gboolean
fw_check_weight (const char  *path,
                 double       value,
                 GError     **error)
{
  char got[FW_NUMBER_BUF_SIZE];
  char high[FW_NUMBER_BUF_SIZE];

  g_return_val_if_fail (path != NULL, FALSE);

  if (isfinite (value) && value > 0.0 && value <= FW_MAX_WEIGHT)
    return TRUE;

  return fw_place_fail (error, FW_ERROR_INVALID, path, "must be greater than 0 and at most %s, got %s",
               fw_number_format (FW_MAX_WEIGHT, high),
               fw_number_format (value, got));
}

/* A double, so that a reader can pass what a file holds (24.5, 1e9)
 * before it is stored in the project's guint. */
gboolean
fw_check_horizon (const char  *path,
                  double       value,
                  GError     **error)
{
  char got[FW_NUMBER_BUF_SIZE];

  g_return_val_if_fail (path != NULL, FALSE);

  if (isfinite (value) && value == floor (value) &&
      value >= FW_MIN_HORIZON && value <= FW_MAX_HORIZON)
    return TRUE;

  return fw_place_fail (error, FW_ERROR_INVALID, path, "must be a whole number between %d and %d, got %s",
               FW_MIN_HORIZON, FW_MAX_HORIZON, fw_number_format (value, got));
}

gboolean
fw_validate_stage (const FwStage  *stage,
                   const char     *path,
                   GError        **error)
{
  g_autofree char *color_path = fw_place_member (path, "color");
  g_autofree char *weight_path = fw_place_member (path, "weight");

  g_return_val_if_fail (stage != NULL, FALSE);

  if (!check_member_name (path, stage->name, error) ||
      !fw_check_color (color_path, stage->color, error) ||
      !check_member_range (path, "count", stage->count, 0.0, FW_MAX_COUNT, error) ||
      !check_member_range (path, "advance", stage->advance, 0.0, 1.0, error) ||
      !check_member_range (path, "loss", stage->loss, 0.0, 1.0, error))
    return FALSE;

  /* Summed in double exactly as written, the way the engine will see it.
   * The last stage's advance is ignored by the engine, but a file that
   * says more than everyone leaves a stage is wrong wherever it is. */
  if (!(stage->advance + stage->loss <= 1.0))
    {
      char advance[FW_NUMBER_BUF_SIZE];
      char loss[FW_NUMBER_BUF_SIZE];

      return fw_place_fail (error, FW_ERROR_INVALID, path, "advance + loss must be at most 1, got %s + %s",
                   fw_number_format (stage->advance, advance),
                   fw_number_format (stage->loss, loss));
    }

  return check_member_range (path, "referral", stage->referral, 0.0, FW_MAX_REFERRAL, error) &&
         fw_check_weight (weight_path, stage->weight, error);
}

gboolean
fw_validate_point (const FwPoint  *point,
                   const char     *path,
                   GError        **error)
{
  g_autofree char *kind_path = fw_place_member (path, "kind");
  g_autofree char *note_path = fw_place_member (path, "note");

  g_return_val_if_fail (point != NULL, FALSE);

  return check_member_name (path, point->name, error) &&
         check_kind (kind_path, point->kind, error) &&
         check_member_range (path, "angle", point->angle, -INFINITY, INFINITY, error) &&
         check_member_range (path, "conversion", point->conversion,
                             FW_MIN_CONVERSION, FW_MAX_CONVERSION, error) &&
         check_member_range (path, "churn", point->churn,
                             FW_MIN_CHURN_EFFECT, FW_MAX_CHURN_EFFECT, error) &&
         check_member_range (path, "referral", point->referral,
                             FW_MIN_REFERRAL_EFFECT, FW_MAX_REFERRAL_EFFECT, error) &&
         fw_check_note (note_path, point->note, error);
}

gboolean
fw_validate_uncertainty (const FwUncertainty  *uncertainty,
                         const char           *path,
                         GError              **error)
{
  g_return_val_if_fail (uncertainty != NULL, FALSE);

  return check_member_range (path, "advance", uncertainty->advance, 0.0, FW_MAX_SPREAD, error) &&
         check_member_range (path, "loss", uncertainty->loss, 0.0, FW_MAX_SPREAD, error) &&
         check_member_range (path, "referral", uncertainty->referral, 0.0, FW_MAX_SPREAD, error) &&
         check_member_range (path, "inflow", uncertainty->inflow, 0.0, FW_MAX_SPREAD, error);
}

/* The checks of fw_validate_scenario () in its order, but for a list
 * known to be valid (@stages_valid, @points_valid): what is left out
 * would pass, so the first rule broken and its message are the same. */
static gboolean
validate_scenario (const FwScenario  *scenario,
                   const char        *path,
                   gboolean           stages_valid,
                   gboolean           points_valid,
                   GError           **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stages_path = fw_place_member (path, "stages");
  g_autofree char *points_path = fw_place_member (path, "points");
  g_autofree char *uncertainty_path = fw_place_member (path, "uncertainty");

  if (!check_member_name (path, scenario->name, error) ||
      !check_member_range (path, "inflow", scenario->inflow, 0.0, INFINITY, error))
    return FALSE;

  if (!stages_valid &&
      !check_list_size (stages_path, "stages", scenario->stages->len,
                        FW_MIN_STAGES, FW_MAX_STAGES, error))
    return FALSE;

  for (guint i = 0; !stages_valid && i < scenario->stages->len; i++)
    {
      const FwStage *stage = g_ptr_array_index (scenario->stages, i);
      g_autofree char *stage_path = fw_place_element (path, "stages", i);

      if (!fw_validate_stage (stage, stage_path, error) ||
          !check_unique_name (seen, path, "stages", i, stage->name, error))
        return FALSE;
    }

  if (!points_valid &&
      !check_list_size (points_path, "points", scenario->points->len, 0, FW_MAX_POINTS, error))
    return FALSE;

  for (guint i = 0; !points_valid && i < scenario->points->len; i++)
    {
      g_autofree char *point_path = fw_place_element (path, "points", i);

      if (!fw_validate_point (g_ptr_array_index (scenario->points, i), point_path, error))
        return FALSE;
    }

  return fw_validate_uncertainty (&scenario->uncertainty, uncertainty_path, error);
}

gboolean
fw_validate_scenario (const FwScenario  *scenario,
                      const char        *path,
                      GError           **error)
{
  g_return_val_if_fail (scenario != NULL, FALSE);

  return validate_scenario (scenario, path, FALSE, FALSE, error);
}

/* Whether @scenario of a version after @before needs checking again,
 * and which of its lists: what it shares with @before, which is valid,
 * is valid too, since what is shared never changes (fw-model.h). */
static void
find_shared (const FwScenario *scenario,
             const FwProject  *before,
             gboolean         *whole,
             gboolean         *stages,
             gboolean         *points)
{
  *whole = *stages = *points = FALSE;
  for (guint j = 0; before != NULL && j < before->scenarios->len; j++)
    {
      const FwScenario *was = g_ptr_array_index (before->scenarios, j);

      *whole |= was == scenario;
      *stages |= was->stages == scenario->stages;
      *points |= was->points == scenario->points;
    }
}

static gboolean
validate_project (const FwProject  *project,
                  const FwProject  *before,
                  GError          **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  if (!fw_check_name ("name", project->name, error) ||
      !check_period ("period", project->period, error) ||
      !fw_check_horizon ("horizon", project->horizon, error) ||
      !check_list_size ("scenarios", "scenarios", project->scenarios->len,
                        FW_MIN_SCENARIOS, FW_MAX_SCENARIOS, error))
    return FALSE;

  for (guint i = 0; i < project->scenarios->len; i++)
    {
      const FwScenario *scenario = g_ptr_array_index (project->scenarios, i);
      g_autofree char *scenario_path = fw_place_element (NULL, "scenarios", i);
      gboolean whole, stages, points;

      find_shared (scenario, before, &whole, &stages, &points);
      if ((!whole && !validate_scenario (scenario, scenario_path, stages, points, error)) ||
          !check_unique_name (seen, NULL, "scenarios", i, scenario->name, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
fw_validate_project (const FwProject  *project,
                     GError          **error)
{
  g_return_val_if_fail (project != NULL, FALSE);

  return validate_project (project, NULL, error);
}

gboolean
fw_validate_project_since (const FwProject  *project,
                           const FwProject  *before,
                           GError          **error)
{
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (before != NULL, FALSE);

  return validate_project (project, before, error);
}
