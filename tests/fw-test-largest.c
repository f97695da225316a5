/* fw-test-largest.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-test-largest"

#include "fw-test-largest.h"

/* The longest number a double is written as ("-2.2250738585072014e-308",
 * 24 characters): a normal double with 17 significant digits and a
 * three-digit exponent, valid for every field (it is tiny). */
#define LONGEST_NUMBER    2.2250738585072014e-308

/* Characters that are not white space (so trimming keeps them) and that
 * each writer stores at its longest: JSON escapes these controls as
 * "\u00XX" (\b \t \n \f \r have short forms and are left out). */
static const gunichar json_digits[] = {
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0b, 0x0e, 0x0f, 0x10, 0x11, 0x12,
  0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};

/* @length characters, all the same but for the last three, which spell
 * @index in base 26 so that names in a list differ. */
static char *
make_text (FwLargestKind kind,
           guint         length,
           guint         index)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    {
      guint digit = 0;
      gunichar c;

      if (i + 3 >= length)
        {
          guint place = length - 1 - i;

          digit = index;
          for (guint p = 0; p < place; p++)
            digit /= G_N_ELEMENTS (json_digits);
          digit %= G_N_ELEMENTS (json_digits);
        }
      c = kind == FW_LARGEST_FOR_JSON ? json_digits[digit] : 0x1F300 + digit;
      g_string_append_unichar (text, c);
    }

  return g_string_free (text, FALSE);
}

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static FwScenario *
make_scenario (FwLargestKind kind,
               guint         index)
{
  FwScenario *scenario = fw_scenario_new (NULL);

  replace (&scenario->name, make_text (kind, FW_MAX_NAME_CHARS, index));
  scenario->inflow = LONGEST_NUMBER;
  scenario->uncertainty.advance = LONGEST_NUMBER;
  scenario->uncertainty.loss = LONGEST_NUMBER;
  scenario->uncertainty.referral = LONGEST_NUMBER;
  scenario->uncertainty.inflow = LONGEST_NUMBER;

  for (guint i = 0; i < FW_MAX_STAGES; i++)
    {
      FwStage *stage = fw_stage_new (NULL, i);

      replace (&stage->name, make_text (kind, FW_MAX_NAME_CHARS, i));
      stage->count = LONGEST_NUMBER;
      stage->customer = FALSE;   /* "false" is longer than "true" */
      stage->advance = LONGEST_NUMBER;
      stage->loss = LONGEST_NUMBER;
      stage->referral = LONGEST_NUMBER;
      stage->weight = LONGEST_NUMBER;
      g_ptr_array_add (scenario->stages, stage);
    }

  for (guint i = 0; i < FW_MAX_POINTS; i++)
    {
      FwPoint *point = fw_point_new (NULL, -LONGEST_NUMBER);

      replace (&point->name, make_text (kind, FW_MAX_NAME_CHARS, i));
      replace (&point->note, make_text (kind, FW_MAX_NOTE_CHARS, i));
      point->kind = FW_POINT_FRICTION;
      point->conversion = -LONGEST_NUMBER;
      point->churn = -LONGEST_NUMBER;
      point->referral = -LONGEST_NUMBER;
      point->enabled = FALSE;
      g_ptr_array_add (scenario->points, point);
    }

  return scenario;
}

FwProject *
fw_test_largest_project (FwLargestKind kind,
                         guint         n_scenarios)
{
  FwProject *project = fw_project_new (NULL);

  g_return_val_if_fail (n_scenarios >= 1 && n_scenarios <= FW_MAX_SCENARIOS, NULL);

  replace (&project->name, make_text (kind, FW_MAX_NAME_CHARS, 0));
  project->period = FW_PERIOD_QUARTER;
  project->horizon = FW_MAX_HORIZON;
  for (guint s = 0; s < n_scenarios; s++)
    g_ptr_array_add (project->scenarios, make_scenario (kind, s));

  return project;
}
