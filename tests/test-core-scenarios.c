/* test-core-scenarios.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-scenarios"

#include "fw-error.h"
#include "fw-session.h"
#include "fw-templates.h"

/* The document's edits of its scenarios and of the project's name, and
 * the session following the scenarios on show through them, without a
 * display. */

static FwDocument *
new_document (void)
{
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("attract-engage-delight", &error);

  g_assert_no_error (error);
  return fw_document_new (project);
}

static void
test_scenario_edits (void)
{
  g_autoptr(FwDocument) document = new_document ();
  g_autoptr(FwScenario) copy = fw_scenario_copy (fw_document_get_scenario (document, 0));
  g_autoptr(GError) error = NULL;
  FwUncertainty spreads = { 0.2, 0.1, 0.3, 1.0 }, too_wide = { 1.5, 0, 0, 0 };

  /* A second scenario of the same name is refused; renamed, it goes in. */
  g_assert_false (fw_document_insert_scenario (document, 1, copy, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fw_document_get_n_scenarios (document), ==, 1);
  g_free (copy->name);
  copy->name = g_strdup ("Copy");
  g_assert_true (fw_document_insert_scenario (document, 0, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_document_get_n_scenarios (document), ==, 2);
  g_assert_cmpstr (fw_document_get_scenario (document, 0)->name, ==, "Copy");

  /* Names are trimmed, unique and not empty. */
  g_assert_true (fw_document_rename_scenario (document, 0, "  Plan B ", NULL));
  g_assert_cmpstr (fw_document_get_scenario (document, 0)->name, ==, "Plan B");
  g_assert_false (fw_document_rename_scenario (document, 0, fw_document_get_scenario (document, 1)->name, NULL));
  g_assert_false (fw_document_rename_scenario (document, 0, " ", NULL));
  g_assert_true (fw_document_rename_project (document, " Acme ", NULL));
  g_assert_cmpstr (fw_document_get_project (document)->name, ==, "Acme");
  g_assert_false (fw_document_rename_project (document, "", NULL));

  /* Spreads: MODEL.md's 0..1, merged into one undo step. */
  g_assert_true (fw_document_set_uncertainty (document, 1, &spreads, NULL));
  spreads.advance = 0.25;
  g_assert_true (fw_document_set_uncertainty (document, 1, &spreads, NULL));
  g_assert_false (fw_document_set_uncertainty (document, 1, &too_wide, NULL));
  g_assert_cmpfloat (fw_document_get_scenario (document, 1)->uncertainty.advance, ==, 0.25);
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_uncertainty_is_zero (&fw_document_get_scenario (document, 1)->uncertainty));

  /* The last scenario cannot go. */
  g_assert_true (fw_document_remove_scenario (document, 0, NULL));
  g_assert_false (fw_document_remove_scenario (document, 0, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpuint (fw_document_get_n_scenarios (document), ==, 1);
}

static void
assert_shown (FwSession   *session,
              const char **names)
{
  FwDocument *document = fw_session_get_document (session);
  guint n;
  const guint *shown = fw_session_get_shown (session, &n);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (fw_document_get_scenario (document, shown[i])->name, ==, names[i]);
  /* Each has its projection, of the scenario it now is. */
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (fw_projection_service_get (fw_session_get_projections (session), shown[i]));
}

/* Scenarios come and go before, between and as the ones on show; the
 * session keeps showing the same scenarios, found by name. */
static void
test_shown_follow (void)
{
  g_autoptr(FwDocument) document = new_document ();
  g_autoptr(FwSession) session = fw_session_new (document);
  g_autoptr(FwScenario) scenario = fw_scenario_copy (fw_document_get_scenario (document, 0));
  const char *baseline = fw_document_get_scenario (document, 0)->name;
  g_autofree char *first = g_strdup (baseline);

  for (guint i = 0; i < 3; i++)
    {
      g_free (scenario->name);
      scenario->name = g_strdup_printf ("S%u", i);
      g_assert_true (fw_document_insert_scenario (document, i + 1, scenario, NULL));
    }
  /* first, S0, S1, S2: S1 current, first compared. */
  fw_session_set_shown (session, (guint[]) { 2, 0 }, 2);
  assert_shown (session, (const char *[]) { "S1", first, NULL });

  /* One added before them both. */
  g_free (scenario->name);
  scenario->name = g_strdup ("Early");
  g_assert_true (fw_document_insert_scenario (document, 0, scenario, NULL));
  assert_shown (session, (const char *[]) { "S1", first, NULL });
  g_assert_cmpuint (fw_session_get_scenario_index (session), ==, 3);

  /* One between removed, then the undo. */
  g_assert_true (fw_document_remove_scenario (document, 2, NULL));  /* S0 */
  assert_shown (session, (const char *[]) { "S1", first, NULL });
  g_assert_true (fw_document_undo (document));
  assert_shown (session, (const char *[]) { "S1", first, NULL });

  /* Renamed: still shown, also through its undo. */
  g_assert_true (fw_document_rename_scenario (document, 3, "Plan", NULL));
  assert_shown (session, (const char *[]) { "Plan", first, NULL });
  g_assert_true (fw_document_undo (document));
  assert_shown (session, (const char *[]) { "S1", first, NULL });

  /* The current one removed: the one now at its place is current; the
   * compared one stays. */
  g_assert_true (fw_document_remove_scenario (document, 3, NULL));
  assert_shown (session, (const char *[]) { "S2", first, NULL });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/scenarios/edits", test_scenario_edits);
  g_test_add_func ("/core/scenarios/shown-follow", test_shown_follow);

  return g_test_run ();
}
