/* test-core-model.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-model"

#include "fw-model.h"

static FwScenario *
scenario_with_weights (const double *weights,
                       guint         n)
{
  FwScenario *scenario = fw_scenario_new ("Test");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i);
      FwStage *stage = fw_stage_new (name, i);

      stage->weight = weights[i];
      g_ptr_array_add (scenario->stages, stage);
    }

  return scenario;
}

static void
test_model_defaults (void)
{
  g_autoptr(FwStage) stage = fw_stage_new ("Attract", 2);
  g_autoptr(FwPoint) point = fw_point_new ("Long forms", 40);
  g_autoptr(FwProject) project = fw_project_new ("Acme");

  g_assert_cmpstr (stage->color, ==, fw_palette_color (2));
  g_assert_cmpfloat (stage->count, ==, 0);
  g_assert_false (stage->customer);
  g_assert_cmpfloat (stage->weight, ==, 1);
  g_assert_cmpint (point->kind, ==, FW_POINT_FRICTION);
  g_assert_true (point->enabled);
  g_assert_cmpstr (point->note, ==, "");
  g_assert_cmpuint (project->scenarios->len, ==, 0);
}

/* A copy shares the scenarios; making one the copy's own to edit it
 * copies only the parts named, and never changes the other version. */
static void
test_model_copy_shares (void)
{
  g_autoptr(FwProject) project = fw_project_new ("Acme");
  g_autoptr(FwProject) copy = NULL;
  FwScenario *scenario = fw_scenario_new ("Baseline");
  FwScenario *own;

  g_ptr_array_add (scenario->stages, fw_stage_new ("Attract", 0));
  g_ptr_array_add (scenario->points, fw_point_new ("Forms", 10));
  g_ptr_array_add (project->scenarios, scenario);

  copy = fw_project_copy (project);
  g_assert_true (fw_project_get_scenario (copy, 0) == scenario);
  g_assert_nonnull (fw_project_find_scenario (copy, "Baseline"));
  g_assert_null (fw_project_find_scenario (copy, "baseline"));

  /* Its own values: both lists still shared. */
  own = fw_project_edit_scenario (copy, 0, FW_SCENARIO_OWN_VALUES);
  g_assert_true (own != scenario);
  g_assert_true (own->stages == scenario->stages);
  g_assert_true (own->points == scenario->points);
  g_free (own->name);
  own->name = g_strdup ("Renamed");
  g_assert_cmpstr (scenario->name, ==, "Baseline");

  /* The stages: copied, the points still shared. */
  g_assert_true (fw_project_edit_scenario (copy, 0, FW_SCENARIO_STAGES) == own);
  g_assert_true (own->stages != scenario->stages);
  g_assert_true (own->points == scenario->points);
  g_free (fw_scenario_get_stage (own, 0)->name);
  fw_scenario_get_stage (own, 0)->name = g_strdup ("Changed");
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 0)->name, ==, "Attract");

  /* The points too; a second time costs nothing. */
  g_assert_true (fw_project_edit_scenario (copy, 0, FW_SCENARIO_POINTS) == own);
  g_assert_true (own->points != scenario->points);
  fw_scenario_get_point (own, 0)->angle = 99;
  g_assert_cmpfloat (fw_scenario_get_point (scenario, 0)->angle, ==, 10);
  {
    GPtrArray *points = own->points;

    g_assert_true (fw_project_edit_scenario (copy, 0, FW_SCENARIO_ALL) == own);
    g_assert_true (own->points == points);
  }

  /* Each version outlives the other. */
  g_clear_pointer (&project, fw_project_free);
  g_assert_cmpstr (fw_scenario_get_stage (own, 0)->name, ==, "Changed");
}

/* What keeping a version costs besides another: only what it does not
 * share with it. */
static void
test_model_bytes_apart (void)
{
  g_autoptr(FwProject) project = fw_project_new ("Acme");
  g_autoptr(FwProject) copy = NULL;
  FwScenario *scenario = fw_scenario_new ("Baseline");
  FwPoint *point = fw_point_new ("Forms", 10);
  gsize alone, shared, stages, points;

  g_free (point->note);
  point->note = g_strnfill (1000, 'n');
  g_ptr_array_add (scenario->stages, fw_stage_new ("Attract", 0));
  g_ptr_array_add (scenario->points, point);
  g_ptr_array_add (project->scenarios, scenario);
  copy = fw_project_copy (project);

  alone = fw_project_bytes_apart (copy, NULL);
  shared = fw_project_bytes_apart (copy, project);
  g_assert_cmpuint (alone, >, shared + 1000);
  fw_project_edit_scenario (copy, 0, FW_SCENARIO_STAGES);
  stages = fw_project_bytes_apart (copy, project);
  g_assert_cmpuint (stages, >, shared);
  g_assert_cmpuint (stages, <, shared + 1000);
  fw_project_edit_scenario (copy, 0, FW_SCENARIO_POINTS);
  points = fw_project_bytes_apart (copy, project);
  g_assert_cmpuint (points, ==, alone);
}

static void
test_model_enum_strings (void)
{
  FwPeriod period;
  FwPointKind kind;

  g_assert_true (fw_period_from_string ("quarter", &period));
  g_assert_cmpint (period, ==, FW_PERIOD_QUARTER);
  g_assert_cmpstr (fw_period_to_string (FW_PERIOD_WEEK), ==, "week");
  g_assert_false (fw_period_from_string ("Month", &period));
  g_assert_false (fw_period_from_string ("year", &period));
  g_assert_true (fw_point_kind_from_string ("force", &kind));
  g_assert_cmpint (kind, ==, FW_POINT_FORCE);
  g_assert_false (fw_point_kind_from_string ("push", &kind));
}

/* Three equal stages: [0,120), [120,240), [240,360). */
static void
test_model_stage_at_angle (void)
{
  const double weights[] = { 1, 1, 1 };
  g_autoptr(FwScenario) scenario = scenario_with_weights (weights, 3);
  double start, end;

  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 0), ==, 0);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 119.999), ==, 0);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 120), ==, 1);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 240), ==, 2);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 359.999), ==, 2);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 360), ==, 0);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 480), ==, 1);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, -1), ==, 2);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, -120), ==, 2);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, -121), ==, 1);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, -720), ==, 0);
  /* -1e-20 mod 360 rounds to 360 itself: past the last boundary. */
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, -1e-20), ==, 2);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 1e300), <, 3);

  fw_scenario_stage_arc (scenario, 1, &start, &end);
  g_assert_cmpfloat (start, ==, 120);
  g_assert_cmpfloat (end, ==, 240);
}

/* Weights 1 and 3: the first stage takes a quarter of the circle. */
static void
test_model_arcs_follow_weights (void)
{
  const double weights[] = { 1, 3 };
  g_autoptr(FwScenario) scenario = scenario_with_weights (weights, 2);
  double start, end;

  fw_scenario_stage_arc (scenario, 0, &start, &end);
  g_assert_cmpfloat (start, ==, 0);
  g_assert_cmpfloat (end, ==, 90);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 89.9), ==, 0);
  g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, 90), ==, 1);
}

/* MODEL.md's rim angle: modulo 360 into [0, 360), negative angles too. */
static void
test_model_angle_normalize (void)
{
  g_assert_cmpfloat (fw_angle_normalize (0.0), ==, 0.0);
  g_assert_cmpfloat (fw_angle_normalize (400.0), ==, 40.0);
  g_assert_cmpfloat (fw_angle_normalize (-30.0), ==, 330.0);
  g_assert_cmpfloat (fw_angle_normalize (-720.0), ==, 0.0);
  g_assert_cmpfloat (fw_angle_normalize (359.5), ==, 359.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/defaults", test_model_defaults);
  g_test_add_func ("/core/model/copy-shares", test_model_copy_shares);
  g_test_add_func ("/core/model/bytes-apart", test_model_bytes_apart);
  g_test_add_func ("/core/model/enum-strings", test_model_enum_strings);
  g_test_add_func ("/core/model/angle-normalize", test_model_angle_normalize);
  g_test_add_func ("/core/model/stage-at-angle", test_model_stage_at_angle);
  g_test_add_func ("/core/model/arcs-follow-weights", test_model_arcs_follow_weights);

  return g_test_run ();
}
