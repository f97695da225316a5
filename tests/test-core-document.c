/* test-core-document.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-document"

#include <string.h>

#include "fw-catalog.h"
#include "fw-document.h"
#include "fw-json.h"
#include "fw-error.h"
#include "fw-session.h"
#include "fw-templates.h"

/* A view's eye on a document: through a session, as the window has it. */
typedef struct
{
  FwSession *session;
  guint      changed;
  guint      modified_notes;
  double     customers_seen;   /* customers(H) as a view read it in "changed" */
  FwChange   last;             /* what the last "changed" said */
} Watch;

static void
watch_clear (Watch *watch)
{
  g_clear_object (&watch->session);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Watch, watch_clear)

static void
on_changed (FwSession      *session,
            const FwChange *change,
            Watch          *watch)
{
  const FwProjection *projection = fw_session_get_projection (session);

  watch->changed++;
  watch->last = *change;
  watch->customers_seen = fw_projection_get_summary (projection)->customers_end;
}

static void
on_modified (FwDocument *document,
             GParamSpec *pspec,
             Watch      *watch)
{
  watch->modified_notes++;
}

static FwDocument *
new_document (Watch *watch)
{
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("attract-engage-delight", &error);
  FwDocument *document;

  g_assert_no_error (error);
  document = fw_document_new (project);
  watch->session = fw_session_new (document);
  g_signal_connect (watch->session, "changed", G_CALLBACK (on_changed), watch);
  g_signal_connect (document, "notify::modified", G_CALLBACK (on_modified), watch);

  return document;
}

/* customers(H) of scenario 0, worked out afresh. */
static double
customers_end (FwDocument *document)
{
  g_autoptr(FwProjection) projection = fw_projection_new ();

  fw_projection_run (projection, fw_document_get_scenario (document, 0),
                     fw_document_get_project (document)->horizon);
  return fw_projection_get_summary (projection)->customers_end;
}

/* An edit reaches the document, the projection is recomputed before the
 * views hear of it, and undo and redo walk back and forth. */
static void
test_document_edit_undo_redo (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(GError) error = NULL;
  double before = customers_end (document);

  g_assert_false (fw_document_get_modified (document));
  g_assert_false (fw_document_can_undo (document));

  g_assert_true (fw_document_set_inflow (document, 0, 5000, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 5000);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_cmpfloat (watch.customers_seen, >, before);
  g_assert_cmpfloat (watch.customers_seen, ==, customers_end (document));
  g_assert_true (fw_document_get_modified (document));
  g_assert_cmpuint (watch.modified_notes, ==, 1);

  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (customers_end (document), ==, before);
  g_assert_false (fw_document_get_modified (document));
  g_assert_cmpuint (watch.modified_notes, ==, 2);
  g_assert_true (fw_document_can_redo (document));

  g_assert_true (fw_document_redo (document));
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 5000);
  g_assert_false (fw_document_redo (document));
}

/* A refused edit says why, in the validator's words, and changes nothing. */
static void
test_document_refuses_invalid (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(GError) error = NULL;
  double advance = fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->advance;

  g_assert_false (fw_document_set_stage_field (document, 0, 0, FW_STAGE_ADVANCE, 1.5, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "scenarios[0].stages[0].advance: must be between 0 and 1, got 1.5");
  g_assert_cmpfloat (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->advance, ==, advance);
  g_assert_cmpuint (watch.changed, ==, 0);
  g_assert_false (fw_document_get_modified (document));
  g_assert_false (fw_document_can_undo (document));
}

/* The steps of one drag are one undo step; sealing starts the next. */
static void
test_document_merges_a_drag (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(GError) error = NULL;
  double start = fw_scenario_get_point (fw_document_get_scenario (document, 0), 0)->angle;

  for (guint i = 1; i <= 20; i++)
    g_assert_true (fw_document_move_point (document, 0, 0, start + i, &error));
  fw_document_seal (document);
  for (guint i = 1; i <= 5; i++)
    g_assert_true (fw_document_move_point (document, 0, 0, start + 20 + i, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (watch.changed, ==, 25);

  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (fw_scenario_get_point (fw_document_get_scenario (document, 0), 0)->angle, ==, start + 20);
  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (fw_scenario_get_point (fw_document_get_scenario (document, 0), 0)->angle, ==, start);
  g_assert_false (fw_document_can_undo (document));
}

/* Dropping a catalog point on the wheel changes the figures; its impact is
 * there at once; removing it gives the old figures back exactly. */
static void
test_document_points (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPoint) point = fw_catalog_entry_to_point (fw_catalog_lookup ("long-checkout-form"), 200);
  const FwScenario *scenario;
  double before = customers_end (document);
  guint index;

  g_assert_true (fw_document_add_point (document, 0, point, &error));
  g_assert_no_error (error);
  scenario = fw_document_get_scenario (document, 0);
  index = scenario->points->len - 1;
  g_assert_cmpfloat (fw_projection_get_point_impact (fw_session_get_projection (watch.session), index), <, 0);
  g_assert_cmpfloat (customers_end (document), <, before);

  g_assert_true (fw_document_set_point_enabled (document, 0, index, FALSE, &error));
  g_assert_cmpfloat (customers_end (document), ==, before);
  g_assert_true (fw_document_set_point_enabled (document, 0, index, TRUE, &error));
  g_assert_true (fw_document_remove_point (document, 0, index, &error));
  g_assert_cmpfloat (customers_end (document), ==, before);
  g_assert_cmpuint (fw_document_get_scenario (document, 0)->points->len, ==, index);
}

/* Saving makes the state "not modified"; undoing past the save and
 * redoing back to it is "not modified" again; an edit after a save never
 * merges into the step before it. */
static void
test_document_saved_state (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_document_set_inflow (document, 0, 100, &error));
  fw_document_mark_saved (document);
  g_assert_false (fw_document_get_modified (document));

  g_assert_true (fw_document_set_inflow (document, 0, 200, &error));
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 100);
  g_assert_false (fw_document_get_modified (document));
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (fw_document_redo (document));
  g_assert_false (fw_document_get_modified (document));

  /* A new edit drops the redo branch, and with it the way back. */
  g_assert_true (fw_document_set_inflow (document, 0, 300, &error));
  g_assert_false (fw_document_can_redo (document));
}

static void
test_document_switch_scenario (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("four-a", &error);
  g_autoptr(FwDocument) document = NULL;
  FwScenario *second;

  second = fw_scenario_copy (fw_project_get_scenario (project, 0));
  g_free (second->name);
  second->name = g_strdup ("More marketing");
  second->inflow *= 2;
  g_ptr_array_add (project->scenarios, second);

  document = fw_document_new (project);
  watch.session = fw_session_new (document);
  g_signal_connect (watch.session, "changed", G_CALLBACK (on_changed), &watch);
  fw_session_set_scenario_index (watch.session, 1);
  g_assert_cmpuint (watch.changed, ==, 1);
  g_assert_true (watch.last.flags & FW_CHANGE_SHOWN);
  g_assert_cmpstr (fw_session_get_scenario (watch.session)->name, ==, "More marketing");
  g_assert_cmpfloat (watch.customers_seen, ==,
                     fw_projection_get_summary (fw_projection_service_get (fw_session_get_projections (watch.session), 1))->customers_end);
  g_assert_false (fw_document_get_modified (document));

  /* An edit names its scenario: here the one on show. */
  g_assert_true (fw_document_set_inflow (document, fw_session_get_scenario_index (watch.session), 1, &error));
  g_assert_cmpfloat (fw_project_get_scenario (fw_document_get_project (document), 0)->inflow, !=, 1);
  g_assert_cmpfloat (fw_project_get_scenario (fw_document_get_project (document), 1)->inflow, ==, 1);
}

/* Point k's stage and fraction along that stage's arc. */
static guint
point_stage (FwDocument *document,
             guint       k,
             double     *fraction)
{
  const FwScenario *scenario = fw_document_get_scenario (document, 0);
  const FwPoint *point = fw_scenario_get_point (scenario, k);
  guint stage = fw_scenario_stage_at_angle (scenario, point->angle);
  double start, end;

  fw_scenario_stage_arc (scenario, stage, &start, &end);
  if (fraction != NULL)
    *fraction = (point->angle - start) / (end - start);
  return stage;
}

/* A document with only a point a quarter of the way into each stage. */
static FwDocument *
new_document_with_points (Watch *watch)
{
  FwDocument *document = new_document (watch);
  guint n = fw_document_get_scenario (document, 0)->stages->len;

  while (fw_document_get_scenario (document, 0)->points->len > 0)
    g_assert_true (fw_document_remove_point (document, 0, 0, NULL));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("on stage %u", i);
      g_autoptr(FwPoint) point = NULL;
      double start, end;

      fw_scenario_stage_arc (fw_document_get_scenario (document, 0), i, &start, &end);
      point = fw_point_new (name, start + 0.25 * (end - start));
      g_assert_true (fw_document_add_point (document, 0, point, &error));
      g_assert_no_error (error);
    }
  return document;
}

/* Weights, inserted, moved and removed stages move arcs; each point keeps
 * its stage and its relative place on it, and a removed stage takes its
 * points with it. */
static void
test_document_layout_keeps_points (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document_with_points (&watch);
  g_autoptr(GError) error = NULL;
  const FwScenario *scenario;
  double fraction;

  g_assert_true (fw_document_set_stage_field (document, 0, 0, FW_STAGE_WEIGHT, 3, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < 3; k++)
    {
      g_assert_cmpuint (point_stage (document, k, &fraction), ==, k);
      g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
    }

  g_assert_true (fw_document_insert_stage (document, 0, 1, &error));
  g_assert_no_error (error);
  scenario = fw_document_get_scenario (document, 0);
  g_assert_cmpuint (scenario->stages->len, ==, 4);
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 1)->name, ==, "Stage 2");
  g_assert_cmpuint (point_stage (document, 0, NULL), ==, 0);
  g_assert_cmpuint (point_stage (document, 1, &fraction), ==, 2);
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
  g_assert_cmpuint (point_stage (document, 2, NULL), ==, 3);

  /* The last stage to the front: its point goes with it. */
  g_assert_true (fw_document_move_stage (document, 0, 3, 0, &error));
  g_assert_no_error (error);
  scenario = fw_document_get_scenario (document, 0);
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 0)->name, ==, "Delight");
  g_assert_cmpuint (point_stage (document, 2, &fraction), ==, 0);
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
  g_assert_cmpuint (point_stage (document, 0, NULL), ==, 1);
  g_assert_cmpuint (point_stage (document, 1, NULL), ==, 3);

  /* Removing "Attract" (now stage 1) removes the point on it. */
  g_assert_true (fw_document_remove_stage (document, 0, 1, &error));
  g_assert_no_error (error);
  scenario = fw_document_get_scenario (document, 0);
  g_assert_cmpuint (scenario->stages->len, ==, 3);
  g_assert_cmpuint (scenario->points->len, ==, 2);
  g_assert_cmpstr (fw_scenario_get_point (scenario, 0)->name, ==, "on stage 1");
  g_assert_cmpuint (point_stage (document, 0, NULL), ==, 2);
  g_assert_cmpstr (fw_scenario_get_point (scenario, 1)->name, ==, "on stage 2");
  g_assert_cmpuint (point_stage (document, 1, NULL), ==, 0);

  /* Each layout edit is one undo step. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (fw_document_undo (document));
  scenario = fw_document_get_scenario (document, 0);
  g_assert_cmpuint (scenario->stages->len, ==, 3);
  g_assert_cmpuint (scenario->points->len, ==, 3);
}

/* A run of keystrokes taken back leaves the document as before the run,
 * with nothing to undo or redo of it. */
static void
test_document_cancel_run (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  double advance = fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->advance;
  guint step;

  g_assert_false (fw_document_cancel_run (document));
  g_assert_false (fw_document_get_modified (document));

  /* "7" of "70", then "70" is refused (advance + loss > 1). */
  step = fw_document_get_step (document);
  g_assert_true (fw_document_set_stage_field (document, 0, 0, FW_STAGE_ADVANCE, 0.07, NULL));
  g_assert_cmpuint (fw_document_get_step (document), !=, step);
  step = fw_document_get_step (document);
  g_assert_true (fw_document_set_stage_field (document, 0, 0, FW_STAGE_ADVANCE, 0.08, NULL));
  g_assert_cmpuint (fw_document_get_step (document), ==, step);
  g_assert_false (fw_document_set_stage_field (document, 0, 0, FW_STAGE_ADVANCE, 0.7 + 0.3, NULL) &&
                  fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->loss > 0);
  g_assert_true (fw_document_cancel_run (document));
  g_assert_cmpuint (fw_document_get_step (document), !=, step);
  g_assert_cmpfloat (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->advance, ==, advance);
  g_assert_false (fw_document_can_undo (document));
  g_assert_false (fw_document_can_redo (document));
  g_assert_false (fw_document_get_modified (document));

  /* A sealed run is an undo step, not something to take back. */
  g_assert_true (fw_document_set_inflow (document, 0, 1, NULL));
  fw_document_seal (document);
  g_assert_false (fw_document_cancel_run (document));
  g_assert_true (fw_document_can_undo (document));
}

/* The stage count stays within 2..16, with a message that says so; a
 * whole-stage or whole-point edit is validated like any other. */
static void
test_document_layout_limits (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document_with_points (&watch);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwStage) stage = NULL;
  g_autoptr(FwPoint) point = NULL;
  guint changes;

  g_assert_true (fw_document_remove_stage (document, 0, 0, &error));
  g_assert_false (fw_document_remove_stage (document, 0, 0, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at least 2"));
  g_clear_error (&error);

  while (fw_document_get_scenario (document, 0)->stages->len < FW_MAX_STAGES)
    g_assert_true (fw_document_insert_stage (document, 0, 0, NULL));
  g_assert_false (fw_document_insert_stage (document, 0, 0, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_clear_error (&error);

  /* Names made for new stages stay unique. */
  for (guint i = 0; i < FW_MAX_STAGES; i++)
    for (guint j = i + 1; j < FW_MAX_STAGES; j++)
      g_assert_cmpstr (fw_scenario_get_stage (fw_document_get_scenario (document, 0), i)->name, !=,
                       fw_scenario_get_stage (fw_document_get_scenario (document, 0), j)->name);

  changes = watch.changed;
  stage = fw_stage_copy (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0));
  stage->advance = 0.9;
  stage->loss = 0.2;
  g_assert_false (fw_document_set_stage (document, 0, 0, stage, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (watch.changed, ==, changes);

  stage->loss = 0.1;
  g_free (stage->name);
  stage->name = g_strdup ("Discover");
  g_assert_true (fw_document_set_stage (document, 0, 0, stage, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->name, ==, "Discover");

  point = fw_point_copy (fw_scenario_get_point (fw_document_get_scenario (document, 0), 0));
  point->conversion = 11;
  g_assert_false (fw_document_set_point (document, 0, 0, point, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_clear_error (&error);
  point->conversion = 0.5;
  point->enabled = FALSE;
  g_assert_true (fw_document_set_point (document, 0, 0, point, &error));
  g_assert_no_error (error);
  g_assert_false (fw_scenario_get_point (fw_document_get_scenario (document, 0), 0)->enabled);
}

/* A save that runs while the user goes on editing marks only what it
 * wrote as saved; an edit merged away meanwhile leaves nothing marked.
 * A restored project is unsaved from the start. */
static void
test_document_save_while_editing (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  g_autoptr(FwProject) written = NULL;

  g_assert_true (fw_document_set_inflow (document, 0, 10, NULL));
  written = fw_project_copy (fw_document_begin_save (document));
  g_assert_true (fw_document_set_inflow (document, 0, 20, NULL));
  fw_document_end_save (document, TRUE);
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 10);
  g_assert_false (fw_document_get_modified (document));

  /* Failed: nothing changes. */
  g_assert_true (fw_document_set_inflow (document, 0, 30, NULL));
  (void) fw_document_begin_save (document);
  fw_document_end_save (document, FALSE);
  g_assert_true (fw_document_get_modified (document));

  /* Edits after the save began never merge into the written version:
   * undoing them comes back to it. */
  (void) fw_document_begin_save (document);
  g_assert_true (fw_document_set_inflow (document, 0, 31, NULL));
  g_assert_true (fw_document_set_inflow (document, 0, 32, NULL));
  fw_document_end_save (document, TRUE);
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (fw_document_undo (document));
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 30);
  g_assert_false (fw_document_get_modified (document));

  /* The written version undone and replaced by another edit meanwhile
   * (so freed): nothing on screen is what the file holds. */
  g_assert_true (fw_document_set_inflow (document, 0, 40, NULL));
  (void) fw_document_begin_save (document);
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_set_inflow (document, 0, 41, NULL));
  fw_document_end_save (document, TRUE);
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_get_modified (document));

  fw_document_mark_saved (document);
  g_assert_false (fw_document_get_modified (document));
  fw_document_mark_unsaved (document);
  g_assert_true (fw_document_get_modified (document));
}

/* A version lent to another thread stays alive and unchanged while the
 * document moves past it, and is freed when it comes back (valgrind and
 * ASan see a use after free or a leak here if not). */
static void
test_document_lend (void)
{
  g_auto(Watch) watch = { 0 };
  g_autoptr(FwDocument) document = new_document (&watch);
  const FwProject *lent, *twice;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (fw_document_set_inflow (document, 0, 10, NULL));
  lent = fw_document_lend (document);
  twice = fw_document_lend (document);
  g_assert_true (lent == twice);
  g_assert_true (lent == fw_document_get_project (document));
  before = fw_project_to_json (lent);

  /* Undone and replaced: the document lets go of it; it stays. */
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_set_inflow (document, 0, 20, NULL));
  g_assert_true (fw_document_set_inflow (document, 0, 21, NULL));
  after = fw_project_to_json (lent);
  g_assert_cmpstr (after, ==, before);
  fw_document_give_back (document, twice);
  g_assert_cmpfloat (fw_project_get_scenario (lent, 0)->inflow, ==, 10);
  fw_document_give_back (document, lent);

  /* Lent and still held by the document: nothing is freed. */
  lent = fw_document_lend (document);
  fw_document_give_back (document, lent);
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/edit-undo-redo", test_document_edit_undo_redo);
  g_test_add_func ("/core/document/refuses-invalid", test_document_refuses_invalid);
  g_test_add_func ("/core/document/merges-a-drag", test_document_merges_a_drag);
  g_test_add_func ("/core/document/points", test_document_points);
  g_test_add_func ("/core/document/saved-state", test_document_saved_state);
  g_test_add_func ("/core/document/switch-scenario", test_document_switch_scenario);
  g_test_add_func ("/core/document/layout-keeps-points", test_document_layout_keeps_points);
  g_test_add_func ("/core/document/layout-limits", test_document_layout_limits);
  g_test_add_func ("/core/document/cancel-run", test_document_cancel_run);
  g_test_add_func ("/core/document/save-while-editing", test_document_save_while_editing);
  g_test_add_func ("/core/document/lend", test_document_lend);

  return g_test_run ();
}
