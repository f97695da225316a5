/* test-core-session.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-session"

#include <math.h>

#include "fw-scenario-model.h"
#include "fw-session.h"
#include "fw-templates.h"

/* The session (what a window shows), the document's detailed changes and
 * the projection service, without a display. */

typedef struct
{
  guint    n_changes;
  FwChange last;
  guint    n_notifies;
} Seen;

static void
on_changed (gpointer        emitter,
            const FwChange *change,
            Seen           *seen)
{
  seen->n_changes++;
  seen->last = *change;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Seen       *seen)
{
  seen->n_notifies++;
}

static FwProject *
two_scenarios (void)
{
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("attract-engage-delight", &error);
  FwScenario *copy;

  g_assert_no_error (error);
  copy = fw_scenario_copy (fw_project_get_scenario (project, 0));
  g_free (copy->name);
  copy->name = g_strdup ("Without the friction");
  copy->inflow += 100;
  g_ptr_array_add (project->scenarios, copy);
  return project;
}

/* Impacts equal to a run of the engine on what the document holds now. */
static void
assert_current (FwDocument         *document,
                guint               scenario,
                const FwProjection *projection)
{
  g_autoptr(FwProjection) expected = fw_projection_new ();

  fw_projection_run (expected, fw_document_get_scenario (document, scenario),
                     fw_document_get_project (document)->horizon);
  g_assert_cmpuint (fw_projection_get_n_points (projection), ==, fw_projection_get_n_points (expected));
  g_assert_cmpfloat (fw_projection_get_summary (projection)->customers_end, ==,
                     fw_projection_get_summary (expected)->customers_end);
  g_assert_true (fw_projection_has_impacts (projection));
  for (guint k = 0; k < fw_projection_get_n_points (expected); k++)
    g_assert_cmpfloat (fw_projection_get_point_impact (projection, k), ==,
                       fw_projection_get_point_impact (expected, k));
}

/* The current scenario removed, the next one moves up into its place:
 * the index stays 0, but another scenario is current, with other stages
 * and points, so the views hear "shown" (the point list kept the
 * removed one's rows, and sorting them crashed: review4 A2). */
static void
test_session_current_removed (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  g_autoptr(GError) error = NULL;
  Seen changes = { 0 };

  g_signal_connect (session, "changed", G_CALLBACK (on_changed), &changes);
  fw_session_set_selection (session, 0, -1);
  g_assert_true (fw_document_remove_scenario (document, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_session_get_scenario_index (session), ==, 0);
  g_assert_cmpstr (fw_session_get_scenario (session)->name, ==, "Without the friction");
  g_assert_true (changes.last.flags & FW_CHANGE_SHOWN);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, -1);
}

/* Switching the current scenario (the picker, S while presenting)
 * replaces it; only the ones ticked for comparison stay on show. Before,
 * each scenario left was kept as compared, so flipping through four
 * overlaid all four on the chart, unasked (user review, R5-19). */
static void
test_session_switch_replaces (void)
{
  FwProject *project = two_scenarios ();
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwSession) session = NULL;
  FwScenario *third = fw_scenario_copy (fw_project_get_scenario (project, 0));
  const guint *shown;
  guint n_shown;

  g_free (third->name);
  third->name = g_strdup ("Third");
  g_ptr_array_add (project->scenarios, third);
  document = fw_document_new (project);
  session = fw_session_new (document);

  /* Looked at one after another: one on show at a time. */
  fw_session_set_scenario_index (session, 1);
  fw_session_set_scenario_index (session, 2);
  shown = fw_session_get_shown (session, &n_shown);
  g_assert_cmpuint (n_shown, ==, 1);
  g_assert_cmpuint (shown[0], ==, 2);

  /* 0 ticked beside 2; switching to 1 keeps 0 compared, drops 2. */
  fw_session_set_shown (session, (guint[]) { 2, 0 }, 2);
  fw_session_set_scenario_index (session, 1);
  shown = fw_session_get_shown (session, &n_shown);
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_cmpuint (shown[0], ==, 1);
  g_assert_cmpuint (shown[1], ==, 0);

  /* Switching to the compared one: it is current, shown once. */
  fw_session_set_scenario_index (session, 0);
  shown = fw_session_get_shown (session, &n_shown);
  g_assert_cmpuint (n_shown, ==, 1);
  g_assert_cmpuint (shown[0], ==, 0);
}

static void
test_session_view_state (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  guint horizon = fw_document_get_project (document)->horizon;
  Seen period = { 0 }, scenario = { 0 }, changes = { 0 };
  const guint *shown;
  guint n_shown, both[] = { 1, 0 };

  g_signal_connect (session, "notify::period", G_CALLBACK (on_notify), &period);
  g_signal_connect (session, "notify::scenario-index", G_CALLBACK (on_notify), &scenario);
  g_signal_connect (session, "changed", G_CALLBACK (on_changed), &changes);

  /* A new session: the first scenario, period 0, nothing selected. */
  g_assert_cmpuint (fw_session_get_scenario_index (session), ==, 0);
  g_assert_cmpuint (fw_session_get_period (session), ==, 0);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, -1);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, -1);
  g_assert_false (fw_session_get_playing (session));
  g_assert_false (fw_session_get_presenting (session));

  /* The period is clamped to 0..H and notifies only when it changes. */
  fw_session_set_period (session, 5);
  fw_session_set_period (session, 5);
  g_assert_cmpuint (period.n_notifies, ==, 1);
  fw_session_set_period (session, horizon + 100);
  g_assert_cmpuint (fw_session_get_period (session), ==, horizon);
  g_assert_cmpuint (period.n_notifies, ==, 2);

  /* The selection is one stage or one point, of what exists. */
  fw_session_set_selection (session, 1, -1);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, 1);
  fw_session_set_selection (session, 1, 0);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, -1);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, 0);
  fw_session_set_selection (session, 99, -1);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, -1);

  /* Another current scenario: the selection goes, views hear "shown". */
  fw_session_set_selection (session, 0, -1);
  fw_session_set_scenario_index (session, 1);
  g_assert_cmpuint (scenario.n_notifies, ==, 1);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_true (changes.last.flags & FW_CHANGE_SHOWN);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, -1);
  g_assert_cmpstr (fw_session_get_scenario (session)->name, ==, "Without the friction");

  /* Compared side by side: both have projections, the current first. */
  fw_session_set_shown (session, both, 2);
  shown = fw_session_get_shown (session, &n_shown);
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_cmpuint (shown[0], ==, 1);
  g_assert_cmpuint (shown[1], ==, 0);
  assert_current (document, 0, fw_projection_service_get (fw_session_get_projections (session), 0));
  assert_current (document, 1, fw_session_get_projection (session));
  /* Switching to the compared one: it takes the current's place, and
   * the one left was never ticked, so it is not compared (R5-19). */
  fw_session_set_scenario_index (session, 0);
  shown = fw_session_get_shown (session, &n_shown);
  g_assert_cmpuint (n_shown, ==, 1);
  g_assert_cmpuint (shown[0], ==, 0);
  fw_session_set_shown (session, (guint[]) { 0, 1 }, 2);

  /* An edit of a scenario on show that is not the current one reaches
   * its projection too. */
  g_assert_true (fw_document_set_inflow (document, 1, 4321, NULL));
  assert_current (document, 1, fw_projection_service_get (fw_session_get_projections (session), 1));
  g_assert_cmpint (changes.last.scenario, ==, 1);

  fw_session_set_playing (session, TRUE);
  fw_session_set_presenting (session, TRUE);
  g_assert_true (fw_session_get_playing (session));
  g_assert_true (fw_session_get_presenting (session));
}

/* Another document: the view state starts afresh, presenting stays. */
/* The selection is the session's alone, and one rule keeps it naming
 * something after an edit, whichever view made the edit: a removed
 * point leaves its stage selected (the keyboard stays where it was). */
static void
test_session_selection_follows_edits (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  g_autoptr(GError) error = NULL;
  const FwScenario *scenario = fw_session_get_scenario (session);
  guint n_points = scenario->points->len;
  guint last = n_points - 1;
  guint stage;
  double start, end;
  Seen point = { 0 };

  g_assert_cmpuint (n_points, >=, 2);
  g_signal_connect (session, "notify::selected-point", G_CALLBACK (on_notify), &point);

  /* The last point, moved to the last stage, then removed. */
  fw_session_set_selection (session, -1, (int) last);
  g_assert_cmpuint (point.n_notifies, ==, 1);
  fw_scenario_stage_arc (scenario, scenario->stages->len - 1, &start, &end);
  g_assert_true (fw_document_move_point (document, 0, last, (start + end) / 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, (int) last);
  stage = fw_session_get_scenario (session)->stages->len - 1;
  g_assert_true (fw_document_remove_point (document, 0, last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, -1);
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, (int) stage);
  g_assert_cmpuint (point.n_notifies, ==, 2);

  /* Undone: the point is back, the stage stays selected. */
  g_assert_true (fw_document_undo (document));
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, (int) stage);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, -1);

  /* An edit of another scenario leaves the selection alone. */
  fw_session_set_selection (session, -1, 0);
  g_assert_true (fw_document_remove_point (document, 1, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, 0);

  /* An edit that keeps the points keeps the point selected. */
  g_assert_true (fw_document_set_inflow (document, 0, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fw_session_get_selected_point (session), ==, 0);
}

/* Playback in the session: the position eases between whole periods
 * while playing, stops at H, is back on a whole period when paused, and
 * nothing moves while paused. */
static void
test_session_playback (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  g_autoptr(GError) error = NULL;
  guint horizon = fw_document_get_project (document)->horizon;
  Seen period = { 0 }, position = { 0 };

  g_signal_connect (session, "notify::period", G_CALLBACK (on_notify), &period);
  g_signal_connect (session, "notify::position", G_CALLBACK (on_notify), &position);

  /* Paused, time passing moves nothing. */
  g_assert_false (fw_session_get_playing (session));
  g_assert_false (fw_session_play_on (session, 10.0));
  g_assert_cmpuint (fw_session_get_period (session), ==, 0);
  g_assert_cmpuint (position.n_notifies, ==, 0);

  /* Two periods a second: a quarter of a second is half a period. */
  fw_session_set_speed (session, 2.0);
  g_assert_cmpfloat (fw_session_get_speed (session), ==, 2.0);
  fw_session_set_playing (session, TRUE);
  g_assert_true (fw_session_play_on (session, 0.25));
  g_assert_cmpfloat (fw_session_get_position (session), ==, 0.5);
  g_assert_cmpuint (fw_session_get_period (session), ==, 0);
  g_assert_cmpuint (period.n_notifies, ==, 0);
  g_assert_true (fw_session_play_on (session, 0.5));
  g_assert_cmpfloat (fw_session_get_position (session), ==, 1.5);
  g_assert_cmpuint (fw_session_get_period (session), ==, 1);
  g_assert_cmpuint (period.n_notifies, ==, 1);

  /* Paused between periods: exactly the period, no fraction. */
  fw_session_set_playing (session, FALSE);
  g_assert_cmpfloat (fw_session_get_position (session), ==, 1.0);
  g_assert_cmpuint (fw_session_get_period (session), ==, 1);

  /* Played to the end: it stops at H, not past it. */
  fw_session_set_playing (session, TRUE);
  while (fw_session_play_on (session, 0.4))
    g_assert_cmpfloat (fw_session_get_position (session), <, horizon);
  g_assert_false (fw_session_get_playing (session));
  g_assert_cmpuint (fw_session_get_period (session), ==, horizon);
  g_assert_cmpfloat (fw_session_get_position (session), ==, horizon);

  /* The speed keeps to its range; a setter out of range clamps. */
  fw_session_set_speed (session, 1e6);
  g_assert_cmpfloat (fw_session_get_speed (session), ==, FW_SESSION_MAX_SPEED);
  fw_session_set_speed (session, 0.0);
  g_assert_cmpfloat (fw_session_get_speed (session), ==, FW_SESSION_MIN_SPEED);

  /* A shorter horizon takes the period shown with it, and ends playing
   * that is past it. */
  fw_session_set_period (session, horizon - 2);
  fw_session_set_playing (session, TRUE);
  g_assert_true (fw_document_set_horizon (document, horizon - 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_session_get_period (session), ==, horizon - 5);
  g_assert_false (fw_session_get_playing (session));

  /* Another document: period 0, paused. */
  fw_session_set_playing (session, TRUE);
  {
    g_autoptr(FwDocument) other = fw_document_new (two_scenarios ());

    fw_session_set_document (session, other);
  }
  g_assert_false (fw_session_get_playing (session));
  g_assert_cmpfloat (fw_session_get_position (session), ==, 0.0);
}

/* The numbers' roll: every move while paused; while playing, evenly
 * spaced steps of a period, each period's start one of them, never
 * more than FW_SESSION_ROLLS_A_SECOND a second of play, and above that
 * speed one every few periods. */
static void
test_session_roll (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  Seen roll = { 0 };
  guint rolls, last;

  g_signal_connect (session, "notify::roll", G_CALLBACK (on_notify), &roll);

  /* Paused: each new position. */
  fw_session_set_period (session, 2);
  fw_session_set_period (session, 1);
  g_assert_cmpuint (roll.n_notifies, ==, 2);
  g_assert_cmpuint (fw_session_get_roll (session), ==, 2);

  /* Two periods a second: two steps a period, at t and t + 1/2. Played
   * in sixtieths of a second, from period 1 to just past 3. */
  fw_session_set_speed (session, 2.0);
  fw_session_set_playing (session, TRUE);
  rolls = roll.n_notifies;
  last = fw_session_get_period (session);
  for (guint i = 0; i < 61; i++)
    {
      guint before = roll.n_notifies;

      g_assert_true (fw_session_play_on (session, 1.0 / 60.0));
      /* A new period is always a roll. */
      if (fw_session_get_period (session) != last)
        g_assert_cmpuint (roll.n_notifies, ==, before + 1);
      last = fw_session_get_period (session);
    }
  g_assert_cmpuint (fw_session_get_period (session), ==, 3);
  g_assert_cmpuint (roll.n_notifies - rolls, ==, 4);

  /* Half a period a second: every fifth of a second, ten a period. */
  fw_session_set_speed (session, 0.5);
  rolls = roll.n_notifies;
  for (guint i = 0; i < 120; i++)
    g_assert_true (fw_session_play_on (session, 1.0 / 60.0));
  g_assert_cmpuint (roll.n_notifies - rolls, >=, 9);
  g_assert_cmpuint (roll.n_notifies - rolls, <=, 11);

  /* Twenty periods a second: one roll every four periods. */
  fw_session_set_period (session, 0);
  fw_session_set_speed (session, 20.0);
  rolls = roll.n_notifies;
  for (guint i = 0; i < 29; i++)
    g_assert_true (fw_session_play_on (session, 1.0 / 60.0));
  g_assert_cmpuint (fw_session_get_period (session), ==, 9);
  g_assert_cmpuint (roll.n_notifies - rolls, ==, 2);
}

static void
test_session_new_document (void)
{
  g_autoptr(FwDocument) first = fw_document_new (two_scenarios ());
  g_autoptr(FwDocument) second = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (first);
  Seen changes = { 0 };

  fw_session_set_scenario_index (session, 1);
  fw_session_set_period (session, 3);
  fw_session_set_playing (session, TRUE);
  fw_session_set_presenting (session, TRUE);
  g_signal_connect (session, "changed", G_CALLBACK (on_changed), &changes);

  fw_session_set_document (session, second);
  g_assert_true (fw_session_get_document (session) == second);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_true (changes.last.flags & FW_CHANGE_DOCUMENT);
  g_assert_cmpuint (fw_session_get_scenario_index (session), ==, 0);
  g_assert_cmpuint (fw_session_get_period (session), ==, 0);
  g_assert_false (fw_session_get_playing (session));
  g_assert_true (fw_session_get_presenting (session));

  /* The old document's edits are nothing to the session any more. */
  g_assert_true (fw_document_set_inflow (first, 0, 1, NULL));
  g_assert_cmpuint (changes.n_changes, ==, 1);
}

static void
assert_change (const FwChange *change,
               FwChangeFlags   flags,
               int             scenario)
{
  g_assert_cmphex (change->flags, ==, flags);
  g_assert_cmpint (change->scenario, ==, scenario);
}

/* Each edit says what it changed, exactly enough for a list model. */
static void
test_document_says_what_changed (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  const FwScenario *scenario = fw_document_get_scenario (document, 1);
  guint n_points = scenario->points->len;
  guint n_stages = scenario->stages->len;
  g_autoptr(FwPoint) point = fw_point_copy (fw_scenario_get_point (scenario, 0));
  Seen seen = { 0 };

  g_assert_cmpuint (n_points, >, 1);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &seen);

  g_assert_true (fw_document_set_inflow (document, 1, 10, NULL));
  assert_change (&seen.last, FW_CHANGE_INFLOW, 1);

  g_assert_true (fw_document_set_stage_field (document, 1, 2, FW_STAGE_LOSS, 0.01, NULL));
  assert_change (&seen.last, FW_CHANGE_STAGE_VALUES, 1);
  g_assert_cmpuint (seen.last.stage_position, ==, 2);
  g_assert_cmpuint (seen.last.stages_removed, ==, 1);
  g_assert_cmpuint (seen.last.stages_added, ==, 1);
  g_assert_true (fw_change_touches_stage (&seen.last, 1, 2));
  g_assert_false (fw_change_touches_stage (&seen.last, 1, 1));
  g_assert_false (fw_change_touches_stage (&seen.last, 0, 2));

  /* A weight moves every arc and the points on them. */
  g_assert_true (fw_document_set_stage_field (document, 1, 0, FW_STAGE_WEIGHT, 2, NULL));
  assert_change (&seen.last, FW_CHANGE_STAGE_VALUES | FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.stages_removed, ==, n_stages);
  g_assert_cmpuint (seen.last.points_removed, ==, n_points);
  g_assert_cmpuint (seen.last.points_added, ==, n_points);

  g_assert_true (fw_document_move_point (document, 1, 1, 42, NULL));
  assert_change (&seen.last, FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.point_position, ==, 1);
  g_assert_cmpuint (seen.last.points_removed, ==, 1);
  g_assert_cmpuint (seen.last.points_added, ==, 1);

  g_assert_true (fw_document_add_point (document, 1, point, NULL));
  assert_change (&seen.last, FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.point_position, ==, n_points);
  g_assert_cmpuint (seen.last.points_removed, ==, 0);
  g_assert_cmpuint (seen.last.points_added, ==, 1);

  g_assert_true (fw_document_remove_point (document, 1, 0, NULL));
  assert_change (&seen.last, FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.point_position, ==, 0);
  g_assert_cmpuint (seen.last.points_removed, ==, 1);
  g_assert_cmpuint (seen.last.points_added, ==, 0);

  /* Structure: the stages around the change, and every point. */
  g_assert_true (fw_document_insert_stage (document, 1, 1, NULL));
  assert_change (&seen.last, FW_CHANGE_STAGES | FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.stage_position, ==, 1);
  g_assert_cmpuint (seen.last.stages_removed, ==, 0);
  g_assert_cmpuint (seen.last.stages_added, ==, 1);

  g_assert_true (fw_document_move_stage (document, 1, 3, 1, NULL));
  assert_change (&seen.last, FW_CHANGE_STAGES | FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.stage_position, ==, 1);
  g_assert_cmpuint (seen.last.stages_removed, ==, 3);
  g_assert_cmpuint (seen.last.stages_added, ==, 3);

  g_assert_true (fw_document_remove_stage (document, 1, 2, NULL));
  assert_change (&seen.last, FW_CHANGE_STAGES | FW_CHANGE_POINTS, 1);
  g_assert_cmpuint (seen.last.stage_position, ==, 2);
  g_assert_cmpuint (seen.last.stages_removed, ==, 1);
  g_assert_cmpuint (seen.last.stages_added, ==, 0);
  g_assert_cmpuint (seen.last.points_added, ==, fw_document_get_scenario (document, 1)->points->len);

  /* The other scenario was never touched. */
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, !=, 10);

  /* Undo may change anything. */
  g_assert_true (fw_document_undo (document));
  assert_change (&seen.last, FW_CHANGE_ALL, FW_CHANGE_EVERY_SCENARIO);
  g_assert_true (fw_change_touches (&seen.last, 0));
}

/* A wheel too big for a frame: 16 stages, 200 points, 20,000 periods. */
static FwProject *
long_project (void)
{
  FwProject *project = fw_project_new ("Long");
  FwScenario *scenario = fw_scenario_new ("Baseline");

  project->horizon = 20000;
  scenario->inflow = 50;
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      FwStage *stage = fw_stage_new (name, i);

      stage->count = 100 + 10 * i;
      stage->advance = 0.2;
      stage->loss = 0.05;
      stage->referral = i >= 12 ? 0.01 : 0.0;
      stage->customer = i >= 10;
      g_ptr_array_add (scenario->stages, stage);
    }
  for (guint k = 0; k < 200; k++)
    {
      g_autofree char *name = g_strdup_printf ("Point %u", k + 1);
      FwPoint *point = fw_point_new (name, k * 1.8 + 0.5);

      point->conversion = k % 2 ? 0.01 : -0.01;
      g_ptr_array_add (scenario->points, point);
    }
  g_ptr_array_add (project->scenarios, scenario);
  return project;
}

typedef struct
{
  FwDocument *document;
  FwSession  *session;
  guint       n_completed;
  gboolean    stale_seen;
} Waiting;

/* Every result the service announces must be of the document as it is. */
static void
on_completed (FwProjectionService *service,
              guint                scenario,
              Waiting             *waiting)
{
  const FwProjection *projection = fw_projection_service_get (service, scenario);
  g_autoptr(FwProjection) expected = fw_projection_new ();

  waiting->n_completed++;
  fw_projection_run (expected, fw_document_get_scenario (waiting->document, scenario),
                     fw_document_get_project (waiting->document)->horizon);
  for (guint k = 0; k < fw_projection_get_n_points (expected); k++)
    if (fw_projection_get_point_impact (projection, k) != fw_projection_get_point_impact (expected, k))
      waiting->stale_seen = TRUE;
}

static void
wait_until_idle (FwProjectionService *service)
{
  while (fw_projection_service_is_busy (service, 0))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_service_long_horizon (void)
{
  g_autoptr(FwDocument) document = fw_document_new (long_project ());
  g_autoptr(FwSession) session = fw_session_new (document);
  FwProjectionService *service = fw_session_get_projections (session);
  Waiting waiting = { document, session, 0, FALSE };
  const FwProjection *projection;
  g_autoptr(FwProjection) figures = fw_projection_new ();

  g_signal_connect (service, "completed", G_CALLBACK (on_completed), &waiting);

  /* At once: every period's figures, current; the impacts are pending,
   * worked out in a thread. */
  projection = fw_session_get_projection (session);
  fw_projection_run_figures (figures, fw_document_get_scenario (document, 0), 20000);
  g_assert_cmpuint (fw_projection_get_horizon (projection), ==, 20000);
  g_assert_cmpfloat (fw_projection_get_summary (projection)->customers_end, ==,
                     fw_projection_get_summary (figures)->customers_end);
  g_assert_false (fw_projection_has_impacts (projection));
  g_assert_true (isnan (fw_projection_get_point_impact (projection, 0)));
  g_assert_true (fw_projection_service_is_busy (service, 0));

  wait_until_idle (service);
  g_assert_cmpuint (waiting.n_completed, ==, 1);
  assert_current (document, 0, fw_session_get_projection (session));

  /* Edits in quick succession (a drag): the figures follow each at once,
   * and what the thread worked out before the last edit is never shown. */
  for (guint step = 1; step <= 5; step++)
    {
      g_autoptr(FwProjection) now = fw_projection_new ();

      g_assert_true (fw_document_move_point (document, 0, 0, 0.5 + step, NULL));
      fw_projection_run_figures (now, fw_document_get_scenario (document, 0), 20000);
      g_assert_cmpfloat (fw_projection_get_summary (fw_session_get_projection (session))->customers_end, ==,
                         fw_projection_get_summary (now)->customers_end);
      g_assert_false (fw_projection_has_impacts (fw_session_get_projection (session)));
    }
  wait_until_idle (service);
  g_assert_false (waiting.stale_seen);
  g_assert_cmpuint (waiting.n_completed, >=, 2);
  g_assert_cmpuint (waiting.n_completed, <=, 3);
  assert_current (document, 0, fw_session_get_projection (session));

  /* Undo goes the same way. */
  g_assert_true (fw_document_undo (document));
  wait_until_idle (service);
  g_assert_false (waiting.stale_seen);
  assert_current (document, 0, fw_session_get_projection (session));
}

/* A few points over the longest horizon: the impacts' runs go side by
 * side, 16 at once, and one batch over 100,001 periods costs the main
 * loop more than a frame (docs/performance.md, "An edit at the longest
 * horizon"): each typed key shows the figures at once and leaves the
 * impacts to a thread, whatever the number of points. */
static void
test_service_few_points_long (void)
{
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("attract-engage-delight", &error);
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwSession) session = NULL;
  FwProjectionService *service;
  g_autoptr(FwProjection) figures = fw_projection_new ();

  g_assert_no_error (error);
  project->horizon = FW_MAX_HORIZON;
  document = fw_document_new (project);
  session = fw_session_new (document);
  service = fw_session_get_projections (session);
  g_assert_cmpuint (fw_document_get_scenario (document, 0)->points->len, <, 16);
  wait_until_idle (service);

  g_assert_true (fw_document_set_stage_field (document, 0, 0, FW_STAGE_COUNT, 710, NULL));
  fw_projection_run_figures (figures, fw_document_get_scenario (document, 0), FW_MAX_HORIZON);
  g_assert_cmpfloat (fw_projection_get_summary (fw_session_get_projection (session))->customers_end, ==,
                     fw_projection_get_summary (figures)->customers_end);
  g_assert_false (fw_projection_has_impacts (fw_session_get_projection (session)));
  g_assert_true (fw_projection_service_is_busy (service, 0));
  wait_until_idle (service);
  assert_current (document, 0, fw_session_get_projection (session));
}

/* Within the budget everything is recomputed at once, impacts included. */
static void
test_service_within_budget (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);

  assert_current (document, 0, fw_session_get_projection (session));
  g_assert_false (fw_projection_service_is_busy (fw_session_get_projections (session), 0));
  g_assert_true (fw_document_set_stage_field (document, 0, 0, FW_STAGE_ADVANCE, 0.3, NULL));
  assert_current (document, 0, fw_session_get_projection (session));
  /* A scenario not on show has no projection kept. */
  g_assert_null (fw_projection_service_get (fw_session_get_projections (session), 1));
}

static gpointer
prepare_in_thread (gpointer document)
{
  fw_projection_service_prepare (document);
  return NULL;
}

/* What a loading thread works out ahead (fw_projection_service_prepare ())
 * is what the service shows: the same figures, the impacts still worked
 * out in a thread for a long projection, all at once within the budget;
 * and never once the document has changed since. */
static void
test_service_prepared (void)
{
  g_autoptr(FwDocument) long_document = fw_document_new (long_project ());
  g_autoptr(FwDocument) short_document = fw_document_new (two_scenarios ());
  g_autoptr(FwDocument) edited = fw_document_new (long_project ());
  g_autoptr(FwProjection) figures = fw_projection_new ();
  FwProjectionService *service;
  FwSession *session;

  g_thread_join (g_thread_new ("prepare", prepare_in_thread, long_document));
  session = fw_session_new (long_document);
  service = fw_session_get_projections (session);
  fw_projection_run_figures (figures, fw_document_get_scenario (long_document, 0), 20000);
  g_assert_cmpfloat (fw_projection_get_summary (fw_session_get_projection (session))->customers_end, ==,
                     fw_projection_get_summary (figures)->customers_end);
  g_assert_false (fw_projection_has_impacts (fw_session_get_projection (session)));
  g_assert_true (fw_projection_service_is_busy (service, 0));
  wait_until_idle (service);
  assert_current (long_document, 0, fw_session_get_projection (session));
  g_object_unref (session);

  g_thread_join (g_thread_new ("prepare", prepare_in_thread, short_document));
  session = fw_session_new (short_document);
  g_assert_false (fw_projection_service_is_busy (fw_session_get_projections (session), 0));
  assert_current (short_document, 0, fw_session_get_projection (session));
  g_object_unref (session);

  /* Prepared, then edited: what was prepared is of the version before. */
  g_thread_join (g_thread_new ("prepare", prepare_in_thread, edited));
  g_assert_true (fw_document_set_inflow (edited, 0, 5000, NULL));
  session = fw_session_new (edited);
  service = fw_session_get_projections (session);
  fw_projection_run_figures (figures, fw_document_get_scenario (edited, 0), 20000);
  g_assert_cmpfloat (fw_projection_get_summary (fw_session_get_projection (session))->customers_end, ==,
                     fw_projection_get_summary (figures)->customers_end);
  wait_until_idle (service);
  assert_current (edited, 0, fw_session_get_projection (session));
  g_object_unref (session);
}

typedef struct
{
  guint n_signals;
  guint position, removed, added;
} ItemsSeen;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ItemsSeen  *seen)
{
  seen->n_signals++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
assert_items (ItemsSeen *seen,
              guint      n_signals,
              guint      position,
              guint      removed,
              guint      added)
{
  g_assert_cmpuint (seen->n_signals, ==, n_signals);
  g_assert_cmpuint (seen->position, ==, position);
  g_assert_cmpuint (seen->removed, ==, removed);
  g_assert_cmpuint (seen->added, ==, added);
}

/* Every item's index is its position. */
static void
assert_numbered (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FwScenarioItem) item = g_list_model_get_item (model, i);

      g_assert_cmpuint (fw_scenario_item_get_index (item), ==, i);
    }
}

/* The lists say exactly what changed, so a list view renews only that. */
static void
test_scenario_models (void)
{
  g_autoptr(FwDocument) document = fw_document_new (two_scenarios ());
  g_autoptr(FwSession) session = fw_session_new (document);
  g_autoptr(FwScenarioModel) points = fw_scenario_model_new (session, FW_SCENARIO_MODEL_POINTS);
  g_autoptr(FwScenarioModel) stages = fw_scenario_model_new (session, FW_SCENARIO_MODEL_STAGES);
  guint n_points = fw_session_get_scenario (session)->points->len;
  guint n_stages = fw_session_get_scenario (session)->stages->len;
  g_autoptr(FwPoint) point = fw_point_copy (fw_scenario_get_point (fw_session_get_scenario (session), 0));
  g_autoptr(FwScenarioItem) kept = g_list_model_get_item (G_LIST_MODEL (points), n_points - 1);
  ItemsSeen p = { 0 }, s = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (points)), ==, n_points);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stages)), ==, n_stages);
  g_signal_connect (points, "items-changed", G_CALLBACK (on_items_changed), &p);
  g_signal_connect (stages, "items-changed", G_CALLBACK (on_items_changed), &s);

  /* A value of a stage: no item changes, the rows show it in place. */
  g_assert_true (fw_document_set_stage_field (document, 0, 1, FW_STAGE_LOSS, 0.02, NULL));
  g_assert_cmpuint (p.n_signals + s.n_signals, ==, 0);

  g_assert_true (fw_document_move_point (document, 0, 1, 200, NULL));
  assert_items (&p, 1, 1, 1, 1);
  g_assert_true (fw_document_add_point (document, 0, point, NULL));
  assert_items (&p, 2, n_points, 0, 1);
  g_assert_true (fw_document_remove_point (document, 0, 0, NULL));
  assert_items (&p, 3, 0, 1, 0);
  /* The last point kept its item, one place up. */
  g_assert_cmpuint (fw_scenario_item_get_index (kept), ==, n_points - 2);
  assert_numbered (G_LIST_MODEL (points));

  g_assert_true (fw_document_insert_stage (document, 0, 1, NULL));
  assert_items (&s, 1, 1, 0, 1);
  g_assert_true (fw_document_move_stage (document, 0, 0, 2, NULL));
  assert_items (&s, 2, 0, 3, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stages)), ==, n_stages + 1);
  assert_numbered (G_LIST_MODEL (stages));

  /* Another scenario's edits are nothing to these lists. */
  g_assert_true (fw_document_remove_point (document, 1, 0, NULL));
  g_assert_cmpuint (p.n_signals, ==, 5);

  /* An undo of a value: the items stay; of an insertion: all renewed. */
  g_assert_true (fw_document_undo (document));
  g_assert_cmpuint (p.n_signals, ==, 5);
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_undo (document));
  assert_items (&s, 3, 0, n_stages + 1, n_stages);

  /* Another scenario on show: everything anew. */
  fw_session_set_scenario_index (session, 1);
  assert_items (&p, p.n_signals, 0, p.removed, fw_document_get_scenario (document, 1)->points->len);
  assert_numbered (G_LIST_MODEL (points));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/session/view-state", test_session_view_state);
  g_test_add_func ("/core/session/new-document", test_session_new_document);
  g_test_add_func ("/core/session/switch-replaces", test_session_switch_replaces);
  g_test_add_func ("/core/session/current-removed", test_session_current_removed);
  g_test_add_func ("/core/session/selection-follows-edits", test_session_selection_follows_edits);
  g_test_add_func ("/core/session/playback", test_session_playback);
  g_test_add_func ("/core/session/roll", test_session_roll);
  g_test_add_func ("/core/document/says-what-changed", test_document_says_what_changed);
  g_test_add_func ("/core/scenario-model/items-changed", test_scenario_models);
  g_test_add_func ("/core/projection-service/within-budget", test_service_within_budget);
  g_test_add_func ("/core/projection-service/long-horizon", test_service_long_horizon);
  g_test_add_func ("/core/projection-service/few-points-long", test_service_few_points_long);
  g_test_add_func ("/core/projection-service/prepared", test_service_prepared);

  return g_test_run ();
}
