/* test-core-document-versions.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-document-versions"

/* The document's versions share what an edit does not change
 * (fw-model.h, docs/architecture.md "Versions share scenarios"): each
 * edit copies only the scenario, and the lists of it, that it writes;
 * nothing shared is ever written; undo and redo give back exactly the
 * versions there were; validation refuses what it refused before, with
 * the same words; and undo is bounded by memory as well as by steps. */

#include "fw-document.h"
#include "fw-error.h"
#include "fw-json.h"
#include "fw-validate.h"

#define N_SCENARIOS 3
#define EDITED      1

static FwScenario *
make_scenario (const char *name,
               guint       n_points,
               guint       note_chars)
{
  FwScenario *scenario = fw_scenario_new (name);

  scenario->inflow = 100;
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *stage_name = g_strdup_printf ("Stage %u", i + 1);
      FwStage *stage = fw_stage_new (stage_name, i);

      stage->count = 100 * (i + 1);
      stage->advance = 0.2;
      stage->loss = 0.1;
      stage->referral = i == 2 ? 0.05 : 0;
      stage->customer = i == 2;
      g_ptr_array_add (scenario->stages, stage);
    }
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *point_name = g_strdup_printf ("Point %u", i + 1);
      FwPoint *point = fw_point_new (point_name, 10.0 + (300.0 * i) / MAX (n_points, 1));

      point->conversion = -0.1;
      g_free (point->note);
      point->note = g_strnfill (note_chars, 'n');
      g_ptr_array_add (scenario->points, point);
    }
  return scenario;
}

static FwDocument *
make_document (guint n_points,
               guint note_chars)
{
  FwProject *project = fw_project_new ("Versions");

  for (guint s = 0; s < N_SCENARIOS; s++)
    {
      g_autofree char *name = g_strdup_printf ("Scenario %u", s + 1);

      g_ptr_array_add (project->scenarios, make_scenario (name, n_points, note_chars));
    }
  return fw_document_new (project);
}

/* One kind of edit, and what it may copy. */
typedef struct
{
  const char     *name;
  gboolean      (*edit) (FwDocument *document, GError **error);
  gboolean        copies_scenario;   /* of scenario EDITED; else none */
  FwScenarioParts parts;             /* the lists it copies */
} EditCase;

static gboolean
edit_count (FwDocument *d, GError **e)
{
  return fw_document_set_stage_field (d, EDITED, 1, FW_STAGE_COUNT, 555, e);
}

static gboolean
edit_weight (FwDocument *d, GError **e)
{
  return fw_document_set_stage_field (d, EDITED, 1, FW_STAGE_WEIGHT, 3, e);
}

static gboolean
edit_inflow (FwDocument *d, GError **e)
{
  return fw_document_set_inflow (d, EDITED, 42, e);
}

static gboolean
edit_spreads (FwDocument *d, GError **e)
{
  FwUncertainty spreads = { 0.1, 0.2, 0.3, 0.4 };

  return fw_document_set_uncertainty (d, EDITED, &spreads, e);
}

static gboolean
edit_rename_scenario (FwDocument *d, GError **e)
{
  return fw_document_rename_scenario (d, EDITED, "Renamed", e);
}

static gboolean
edit_move_point (FwDocument *d, GError **e)
{
  return fw_document_move_point (d, EDITED, 1, 15, e);
}

static gboolean
edit_disable_point (FwDocument *d, GError **e)
{
  return fw_document_set_point_enabled (d, EDITED, 0, FALSE, e);
}

static gboolean
edit_add_point (FwDocument *d, GError **e)
{
  g_autoptr(FwPoint) point = fw_point_new ("Added", 200);

  return fw_document_add_point (d, EDITED, point, e);
}

static gboolean
edit_remove_point (FwDocument *d, GError **e)
{
  return fw_document_remove_point (d, EDITED, 0, e);
}

static gboolean
edit_stage_name (FwDocument *d, GError **e)
{
  g_autoptr(FwStage) stage = fw_stage_copy (fw_scenario_get_stage (fw_document_get_scenario (d, EDITED), 0));

  g_free (stage->name);
  stage->name = g_strdup ("Attract");
  return fw_document_set_stage (d, EDITED, 0, stage, e);
}

static gboolean
edit_stage_weight (FwDocument *d, GError **e)
{
  g_autoptr(FwStage) stage = fw_stage_copy (fw_scenario_get_stage (fw_document_get_scenario (d, EDITED), 0));

  stage->weight = 2;
  return fw_document_set_stage (d, EDITED, 0, stage, e);
}

static gboolean
edit_point (FwDocument *d, GError **e)
{
  g_autoptr(FwPoint) point = fw_point_copy (fw_scenario_get_point (fw_document_get_scenario (d, EDITED), 1));

  g_free (point->note);
  point->note = g_strdup ("Typed");
  return fw_document_set_point (d, EDITED, 1, point, e);
}

static gboolean
edit_insert_stage (FwDocument *d, GError **e)
{
  return fw_document_insert_stage (d, EDITED, 1, e);
}

static gboolean
edit_remove_stage (FwDocument *d, GError **e)
{
  return fw_document_remove_stage (d, EDITED, 0, e);
}

static gboolean
edit_move_stage (FwDocument *d, GError **e)
{
  return fw_document_move_stage (d, EDITED, 0, 2, e);
}

static gboolean
set_first_angle (FwProject *project, guint scenario, gpointer data, GError **e)
{
  fw_scenario_get_point (fw_project_get_scenario (project, scenario), 0)->angle = 99;
  return TRUE;
}

static gboolean
edit_caller_function (FwDocument *d, GError **e)
{
  return fw_document_edit (d, EDITED, NULL, set_first_angle, NULL, e);
}

static gboolean
edit_horizon (FwDocument *d, GError **e)
{
  return fw_document_set_horizon (d, 60, e);
}

static gboolean
edit_rename_project (FwDocument *d, GError **e)
{
  return fw_document_rename_project (d, "Renamed project", e);
}

static const EditCase edit_cases[] = {
  { "stage count",     edit_count,           TRUE,  FW_SCENARIO_STAGES },
  { "stage weight",    edit_weight,          TRUE,  FW_SCENARIO_ALL },
  { "inflow",          edit_inflow,          TRUE,  FW_SCENARIO_OWN_VALUES },
  { "spreads",         edit_spreads,         TRUE,  FW_SCENARIO_OWN_VALUES },
  { "rename scenario", edit_rename_scenario, TRUE,  FW_SCENARIO_OWN_VALUES },
  { "move point",      edit_move_point,      TRUE,  FW_SCENARIO_POINTS },
  { "disable point",   edit_disable_point,   TRUE,  FW_SCENARIO_POINTS },
  { "add point",       edit_add_point,       TRUE,  FW_SCENARIO_POINTS },
  { "remove point",    edit_remove_point,    TRUE,  FW_SCENARIO_POINTS },
  { "stage renamed",   edit_stage_name,      TRUE,  FW_SCENARIO_STAGES },
  { "stage reweighed", edit_stage_weight,    TRUE,  FW_SCENARIO_ALL },
  { "point note",      edit_point,           TRUE,  FW_SCENARIO_POINTS },
  { "insert stage",    edit_insert_stage,    TRUE,  FW_SCENARIO_ALL },
  { "remove stage",    edit_remove_stage,    TRUE,  FW_SCENARIO_ALL },
  { "move stage",      edit_move_stage,      TRUE,  FW_SCENARIO_ALL },
  { "edit function",   edit_caller_function, TRUE,  FW_SCENARIO_ALL },
  { "horizon",         edit_horizon,         FALSE, FW_SCENARIO_OWN_VALUES },
  { "rename project",  edit_rename_project,  FALSE, FW_SCENARIO_OWN_VALUES },
};

/* Each edit shares every scenario but the one it writes, and of that
 * one the lists it does not write; the version before reads exactly as
 * it did (nothing shared was written); undo gives back that very
 * version, redo the edited one. */
static void
test_versions_edits_share (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (edit_cases); c++)
    {
      const EditCase *ec = &edit_cases[c];
      g_autoptr(FwDocument) document = make_document (4, 20);
      g_autoptr(GError) error = NULL;
      const FwProject *before = fw_document_lend (document);
      g_autofree char *before_json = fw_project_to_json (before);
      g_autofree char *after_json = NULL;
      g_autofree char *again = NULL;
      const FwProject *after;

      g_test_message ("%s", ec->name);
      g_assert_true (ec->edit (document, &error));
      g_assert_no_error (error);
      after = fw_document_get_project (document);
      g_assert_true (after != before);
      after_json = fw_project_to_json (after);
      g_assert_cmpstr (after_json, !=, before_json);

      for (guint s = 0; s < N_SCENARIOS; s++)
        {
          const FwScenario *was = fw_project_get_scenario (before, s);
          const FwScenario *now = fw_project_get_scenario (after, s);

          if (s != EDITED || !ec->copies_scenario)
            {
              g_assert_true (now == was);
              continue;
            }
          g_assert_true (now != was);
          g_assert_true ((now->stages != was->stages) == !!(ec->parts & FW_SCENARIO_STAGES));
          g_assert_true ((now->points != was->points) == !!(ec->parts & FW_SCENARIO_POINTS));
        }

      /* Nothing the version before holds was written. */
      again = fw_project_to_json (before);
      g_assert_cmpstr (again, ==, before_json);
      g_clear_pointer (&again, g_free);

      g_assert_true (fw_document_undo (document));
      g_assert_true (fw_document_get_project (document) == before);
      again = fw_project_to_json (fw_document_get_project (document));
      g_assert_cmpstr (again, ==, before_json);
      g_clear_pointer (&again, g_free);
      g_assert_false (fw_document_get_modified (document));

      g_assert_true (fw_document_redo (document));
      g_assert_true (fw_document_get_project (document) == after);
      again = fw_project_to_json (fw_document_get_project (document));
      g_assert_cmpstr (again, ==, after_json);

      fw_document_give_back (document, before);
    }
}

/* Inserting or removing a scenario copies none: the others move along,
 * shared. */
static void
test_versions_scenario_list (void)
{
  g_autoptr(FwDocument) document = make_document (4, 20);
  g_autoptr(FwScenario) fresh = make_scenario ("Inserted", 2, 10);
  const FwProject *before = fw_document_lend (document);
  const FwProject *after;

  g_assert_true (fw_document_insert_scenario (document, 1, fresh, NULL));
  after = fw_document_get_project (document);
  g_assert_cmpuint (after->scenarios->len, ==, N_SCENARIOS + 1);
  g_assert_true (fw_project_get_scenario (after, 0) == fw_project_get_scenario (before, 0));
  g_assert_true (fw_project_get_scenario (after, 2) == fw_project_get_scenario (before, 1));
  g_assert_true (fw_project_get_scenario (after, 3) == fw_project_get_scenario (before, 2));
  /* The inserted one is a copy: the caller keeps its own. */
  g_assert_true (fw_project_get_scenario (after, 1) != fresh);

  g_assert_true (fw_document_remove_scenario (document, 0, NULL));
  after = fw_document_get_project (document);
  g_assert_cmpuint (after->scenarios->len, ==, N_SCENARIOS);
  g_assert_true (fw_project_get_scenario (after, 1) == fw_project_get_scenario (before, 1));
  g_assert_true (fw_project_get_scenario (after, 2) == fw_project_get_scenario (before, 2));

  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_document_get_project (document) == before);
  fw_document_give_back (document, before);
}

/* A refused edit: the document's message is the one fw_validate_project ()
 * gives for the same change made to a copy sharing nothing, and the
 * document stays as it was. */
typedef struct
{
  const char *name;
  gboolean  (*edit) (FwDocument *document, GError **error);
  void      (*same) (FwProject *project);
} RefusedCase;

static gboolean
refuse_advance (FwDocument *d, GError **e)
{
  return fw_document_set_stage_field (d, 2, 1, FW_STAGE_ADVANCE, 1.5, e);
}

static void
same_advance (FwProject *p)
{
  fw_scenario_get_stage (fw_project_get_scenario (p, 2), 1)->advance = 1.5;
}

static gboolean
refuse_loss (FwDocument *d, GError **e)
{
  return fw_document_set_stage_field (d, EDITED, 0, FW_STAGE_LOSS, 0.9, e);
}

static void
same_loss (FwProject *p)
{
  fw_scenario_get_stage (fw_project_get_scenario (p, EDITED), 0)->loss = 0.9;
}

static gboolean
refuse_name (FwDocument *d, GError **e)
{
  return fw_document_rename_scenario (d, 0, "Scenario 3", e);
}

static void
same_name (FwProject *p)
{
  g_free (fw_project_get_scenario (p, 0)->name);
  fw_project_get_scenario (p, 0)->name = g_strdup ("Scenario 3");
}

static gboolean
refuse_stage_name (FwDocument *d, GError **e)
{
  g_autoptr(FwStage) stage = fw_stage_copy (fw_scenario_get_stage (fw_document_get_scenario (d, EDITED), 2));

  g_free (stage->name);
  stage->name = g_strdup ("Stage 1");
  return fw_document_set_stage (d, EDITED, 2, stage, e);
}

static void
same_stage_name (FwProject *p)
{
  FwStage *stage = fw_scenario_get_stage (fw_project_get_scenario (p, EDITED), 2);

  g_free (stage->name);
  stage->name = g_strdup ("Stage 1");
}

static gboolean
refuse_point (FwDocument *d, GError **e)
{
  g_autoptr(FwPoint) point = fw_point_copy (fw_scenario_get_point (fw_document_get_scenario (d, 0), 3));

  point->conversion = 11;
  return fw_document_set_point (d, 0, 3, point, e);
}

static void
same_point (FwProject *p)
{
  fw_scenario_get_point (fw_project_get_scenario (p, 0), 3)->conversion = 11;
}

static gboolean
refuse_horizon (FwDocument *d, GError **e)
{
  return fw_document_set_horizon (d, 0, e);
}

static void
same_horizon (FwProject *p)
{
  p->horizon = 0;
}

static gboolean
refuse_project_name (FwDocument *d, GError **e)
{
  return fw_document_rename_project (d, "   ", e);
}

static void
same_project_name (FwProject *p)
{
  g_free (p->name);
  p->name = g_strdup ("");
}

static gboolean
refuse_spreads (FwDocument *d, GError **e)
{
  FwUncertainty spreads = { 0, 0, 1.5, 0 };

  return fw_document_set_uncertainty (d, 2, &spreads, e);
}

static void
same_spreads (FwProject *p)
{
  fw_project_get_scenario (p, 2)->uncertainty.referral = 1.5;
}

static const RefusedCase refused_cases[] = {
  { "advance",       refuse_advance,      same_advance },
  { "loss",          refuse_loss,         same_loss },
  { "scenario name", refuse_name,         same_name },
  { "stage name",    refuse_stage_name,   same_stage_name },
  { "point",         refuse_point,        same_point },
  { "horizon",       refuse_horizon,      same_horizon },
  { "project name",  refuse_project_name, same_project_name },
  { "spreads",       refuse_spreads,      same_spreads },
};

static void
test_versions_refused_same_message (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (refused_cases); c++)
    {
      const RefusedCase *rc = &refused_cases[c];
      g_autoptr(FwDocument) document = make_document (4, 20);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) expected = NULL;
      const FwProject *before = fw_document_get_project (document);
      g_autofree char *before_json = fw_project_to_json (before);
      g_autofree char *again = NULL;
      /* Through JSON: a copy that shares nothing with the document. */
      g_autoptr(FwProject) alone = fw_project_from_json (before_json, -1, NULL);

      g_test_message ("%s", rc->name);
      rc->same (alone);
      g_assert_false (fw_validate_project (alone, &expected));
      g_assert_false (rc->edit (document, &error));
      g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected->message);

      g_assert_true (fw_document_get_project (document) == before);
      g_assert_false (fw_document_can_undo (document));
      again = fw_project_to_json (before);
      g_assert_cmpstr (again, ==, before_json);
    }
}

/* Versions that differ only where an edit made something anew are
 * validated there only: the rest is shared with a valid version, and
 * what is shared never changes. */
static void
test_versions_validate_since (void)
{
  g_autoptr(FwDocument) document = make_document (4, 20);
  const FwProject *before = fw_document_get_project (document);
  g_autoptr(FwProject) next = fw_project_copy (before);
  g_autoptr(GError) whole = NULL;
  g_autoptr(GError) since = NULL;

  g_assert_true (fw_validate_project_since (next, before, NULL));
  fw_project_edit_scenario (next, 2, FW_SCENARIO_POINTS);
  fw_scenario_get_point (fw_project_get_scenario (next, 2), 1)->churn = 2;
  g_assert_false (fw_validate_project (next, &whole));
  g_assert_false (fw_validate_project_since (next, before, &since));
  g_assert_cmpstr (since->message, ==, whole->message);
  g_assert_cmpstr (since->message, ==, "scenarios[2].points[1].churn: must be between -1 and 1, got 2");
}

/* Undo keeps at most 256 MiB of what the steps hold apart from each
 * other (the last ten steps always): with points lists of 2 MiB, the
 * oldest go long before 500 steps. Typed values, which copy a stage
 * list, keep the full 500. */
static void
test_versions_undo_bounded (void)
{
  g_autoptr(FwDocument) big = make_document (1000, 2000);
  g_autoptr(FwDocument) small = make_document (1000, 2000);
  guint steps = 0;

  for (guint i = 0; i < 160; i++)
    g_assert_true (fw_document_move_point (big, EDITED, i % 2, 10 + i % 7, NULL));
  while (fw_document_undo (big))
    steps++;
  g_test_message ("point edits: %u undo steps kept of 160", steps);
  g_assert_cmpuint (steps, <, 160);
  /* 256 MiB of lists of 1000 points of 2000 characters. */
  g_assert_cmpuint (steps, >=, (256u << 20) / (1000 * (2000 + 20 + sizeof (FwPoint)) + 8000) - 2);

  for (guint i = 0; i < 520; i++)
    g_assert_true (fw_document_set_stage_field (small, i % N_SCENARIOS, i % 2, FW_STAGE_COUNT, i, NULL));
  for (steps = 0; fw_document_undo (small);)
    steps++;
  g_assert_cmpuint (steps, ==, 500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/versions/edits-share", test_versions_edits_share);
  g_test_add_func ("/core/document/versions/scenario-list", test_versions_scenario_list);
  g_test_add_func ("/core/document/versions/refused-same-message", test_versions_refused_same_message);
  g_test_add_func ("/core/document/versions/validate-since", test_versions_validate_since);
  g_test_add_func ("/core/document/versions/undo-bounded", test_versions_undo_bounded);

  return g_test_run ();
}
