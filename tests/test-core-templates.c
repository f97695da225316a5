/* test-core-templates.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-templates"

#include <math.h>
#include <string.h>

#include "fw-catalog.h"
#include "fw-engine.h"
#include "fw-error.h"
#include "fw-templates.h"
#include "fw-validate.h"

/* What each template is meant to be, written out independently of
 * fw-templates.c: the stage names in order, which stages hold customers,
 * and which catalog entry goes on which stage. The test environment runs
 * in the C locale, so names are the untranslated ones. */
typedef struct
{
  const char *catalog_id;
  const char *stage;
} ExpectedPoint;

typedef struct
{
  const char    *id;
  const char    *title;
  const char    *stages[8];
  gboolean       customer[8];
  ExpectedPoint  points[6];
} ExpectedTemplate;

static const ExpectedTemplate expected_templates[] = {
  { "attract-engage-delight", "Attract, engage, delight",
    { "Attract", "Engage", "Delight" },
    { FALSE, FALSE, TRUE },
    { { "hard-to-find-in-search", "Attract" },
      { "cant-try-before-buying", "Engage" },
      { "knowledge-base", "Engage" },
      { "uncoordinated-email", "Delight" },
      { "referral-programme", "Delight" } } },
  { "four-a", "Activate, adopt, adore, advocate",
    { "Activate", "Adopt", "Adore", "Advocate" },
    { FALSE, TRUE, TRUE, TRUE },
    { { "free-trial", "Activate" },
      { "hard-onboarding", "Adopt" },
      { "surprise-renewal-increase", "Adore" },
      { "referral-programme", "Advocate" } } },
  { "sales-cycle", "Seven-step sales cycle",
    { "Generate leads", "Initiate contact", "Qualify", "Pitch", "Close",
      "Nurture and delight", "Referrals" },
    { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE },
    { { "many-poor-leads", "Generate leads" },
      { "slow-first-response", "Initiate contact" },
      { "confusing-pricing", "Pitch" },
      { "customer-success-team", "Nurture and delight" },
      { "referral-programme", "Referrals" } } },
};

static guint
count_strings (const char * const *strings,
               guint               max)
{
  guint n = 0;

  while (n < max && strings[n] != NULL)
    n++;

  return n;
}

static guint
count_points (const ExpectedPoint *points,
              guint                max)
{
  guint n = 0;

  while (n < max && points[n].catalog_id != NULL)
    n++;

  return n;
}

static int
stage_index (const FwScenario *scenario,
             const char       *name)
{
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      if (g_strcmp0 (fw_scenario_get_stage (scenario, i)->name, name) == 0)
        return (int) i;
    }

  return -1;
}

static void
test_list (void)
{
  const FwTemplateInfo *infos;
  guint n = 0;

  infos = fw_templates_list (&n);

  g_assert_nonnull (infos);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_templates));

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (infos[i].id, ==, expected_templates[i].id);
      g_assert_cmpstr (infos[i].title, ==, expected_templates[i].title);
      g_assert_nonnull (infos[i].description);
      g_assert_cmpuint (strlen (infos[i].description), >, 0);
      g_assert_null (strchr (infos[i].description, '\n'));
    }
}

static void
check_template (gconstpointer data)
{
  const ExpectedTemplate *expected = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = NULL;
  FwScenario *scenario;
  guint n_stages = count_strings (expected->stages, G_N_ELEMENTS (expected->stages));
  guint n_points = count_points (expected->points, G_N_ELEMENTS (expected->points));

  project = fw_template_create (expected->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  fw_validate_project (project, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (project->name, ==, expected->title);
  g_assert_cmpint (project->period, ==, FW_PERIOD_MONTH);
  g_assert_cmpuint (project->horizon, ==, 24);
  g_assert_cmpuint (project->scenarios->len, ==, 1);

  scenario = fw_project_get_scenario (project, 0);
  g_assert_cmpstr (scenario->name, ==, "Baseline");
  g_assert_cmpfloat (scenario->inflow, >, 0.0);

  g_assert_cmpuint (scenario->stages->len, ==, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      FwStage *stage = fw_scenario_get_stage (scenario, i);

      g_assert_cmpstr (stage->name, ==, expected->stages[i]);
      g_assert_cmpint (stage->customer, ==, expected->customer[i]);
      g_assert_cmpfloat (stage->count, >, 0.0);
      /* Only customers bring referrals in these wheels, and every
       * customer stage loses some people. */
      if (stage->customer)
        g_assert_cmpfloat (stage->loss, >, 0.0);
      else
        g_assert_cmpfloat (stage->referral, ==, 0.0);
      if (i + 1 < n_stages)
        g_assert_cmpfloat (stage->advance, >, 0.0);
      /* Neighbouring arcs are told apart by colour. */
      if (i > 0)
        g_assert_cmpstr (stage->color, !=, fw_scenario_get_stage (scenario, i - 1)->color);
    }

  g_assert_cmpuint (scenario->points->len, ==, n_points);
  g_assert_cmpuint (n_points, >=, 3);
  g_assert_cmpuint (n_points, <=, 5);
  for (guint i = 0; i < n_points; i++)
    {
      FwPoint *point = fw_scenario_get_point (scenario, i);
      const FwCatalogEntry *entry = fw_catalog_lookup (expected->points[i].catalog_id);
      int stage = stage_index (scenario, expected->points[i].stage);
      double start, end;

      g_assert_nonnull (entry);
      g_assert_cmpint (stage, >=, 0);
      g_assert_cmpstr (point->name, ==, entry->name);
      g_assert_cmpint (point->kind, ==, entry->kind);
      g_assert_true (point->enabled);

      /* On the intended stage, and clear of its boundaries, so that a
       * rounding of the weights cannot move it. */
      g_assert_cmpuint (fw_scenario_stage_at_angle (scenario, point->angle), ==, (guint) stage);
      fw_scenario_stage_arc (scenario, stage, &start, &end);
      g_assert_cmpfloat (point->angle, >, start + 1.0);
      g_assert_cmpfloat (point->angle, <, end - 1.0);
    }
}

static void
test_four_a_advocate_refers_most (void)
{
  g_autoptr(FwProject) project = fw_template_create ("four-a", NULL);
  FwScenario *scenario = fw_project_get_scenario (project, 0);
  guint last = scenario->stages->len - 1;

  for (guint i = 0; i < last; i++)
    g_assert_cmpfloat (fw_scenario_get_stage (scenario, i)->referral, <,
                       fw_scenario_get_stage (scenario, last)->referral);
}

static void
test_templates_are_independent (void)
{
  g_autoptr(FwProject) first = fw_template_create ("sales-cycle", NULL);
  g_autoptr(FwProject) second = fw_template_create ("sales-cycle", NULL);
  FwStage *stage;

  /* Each call hands out a project the caller owns outright. */
  stage = fw_scenario_get_stage (fw_project_get_scenario (first, 0), 0);
  stage->count = 1.0;
  g_free (stage->name);
  stage->name = g_strdup ("Changed");

  stage = fw_scenario_get_stage (fw_project_get_scenario (second, 0), 0);
  g_assert_cmpfloat (stage->count, !=, 1.0);
  g_assert_cmpstr (stage->name, ==, "Generate leads");
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = NULL;

  project = fw_template_create ("no-such-template", &error);
  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-template"));
  g_assert_nonnull (strstr (error->message, "attract-engage-delight"));
  g_clear_error (&error);

  project = fw_template_create ("", &error);
  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_NOT_FOUND);
}

static void
check_wheel_turns (gconstpointer data)
{
  const ExpectedTemplate *expected = data;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProjection) projection = NULL;
  const FwSummary *summary;
  FwScenario *scenario;

  project = fw_template_create (expected->id, NULL);
  scenario = fw_project_get_scenario (project, 0);
  projection = fw_projection_new ();
  fw_projection_run (projection, scenario, project->horizon);
  summary = fw_projection_get_summary (projection);

  /* Close to turning by itself, but not quite: marketing still matters
   * and so does every point. */
  g_assert_cmpfloat (summary->loop_gain, >=, 0.2);
  g_assert_cmpfloat (summary->loop_gain, <=, 0.95);
  g_assert_false (summary->self_sustaining);
  g_assert_true (summary->has_steady);
  g_assert_cmpfloat (summary->steady_customers, >, 0.0);
  g_assert_cmpfloat (summary->customers_end, >,
                     fw_projection_get_figures (projection, 0)->customers);

  for (guint i = 0; i < scenario->points->len; i++)
    g_assert_cmpfloat (fabs (fw_projection_get_point_impact (projection, i)), >, 0.0);
}

/* The ids the templates and the documentation rely on. */
static const char * const required_ids[] = {
  "learn-only-via-support", "cant-try-before-buying", "crossed-sales-support",
  "uncoordinated-email", "two-products-two-teams", "many-poor-leads",
  "long-checkout-form", "no-preferred-channel", "hard-to-find-in-search",
  "slow-first-response", "confusing-pricing", "hard-onboarding",
  "surprise-renewal-increase", "no-feedback-channel",
  "referral-programme", "round-the-clock-chat", "knowledge-base",
  "customer-community", "free-trial", "onboarding-sequence",
  "customer-success-team", "shared-customer-record", "reviews-testimonials",
  "affiliate-programme", "transparent-pricing", "loyalty-rewards",
  "useful-content-seo", "fast-response-promise",
};

static gboolean
is_kebab_case (const char *id)
{
  if (!g_ascii_islower (id[0]))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (p[1] == '-' || p[1] == '\0')
            return FALSE;
        }
      else if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static void
test_catalog_entries (void)
{
  const FwCatalogEntry *entries;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0, n_friction = 0, n_force = 0;

  entries = fw_catalog_list (&n);
  g_assert_nonnull (entries);

  for (guint i = 0; i < n; i++)
    {
      const FwCatalogEntry *entry = &entries[i];
      int sign = entry->kind == FW_POINT_FORCE ? 1 : -1;

      g_test_message ("catalog entry %s", entry->id);

      g_assert_true (is_kebab_case (entry->id));
      g_assert_true (g_hash_table_add (ids, (gpointer) entry->id));
      g_assert_true (g_hash_table_add (names, (gpointer) entry->name));

      g_assert_cmpuint (g_utf8_strlen (entry->name, -1), >=, 1);
      g_assert_cmpuint (g_utf8_strlen (entry->name, -1), <=, 40);
      g_assert_cmpuint (strlen (entry->explanation), >, 0);
      g_assert_null (strchr (entry->explanation, '\n'));

      g_assert_cmpfloat (entry->conversion, >=, FW_MIN_CONVERSION);
      g_assert_cmpfloat (entry->conversion, <=, FW_MAX_CONVERSION);
      g_assert_cmpfloat (entry->churn, >=, FW_MIN_CHURN_EFFECT);
      g_assert_cmpfloat (entry->churn, <=, FW_MAX_CHURN_EFFECT);
      g_assert_cmpfloat (entry->referral, >=, FW_MIN_REFERRAL_EFFECT);
      g_assert_cmpfloat (entry->referral, <=, FW_MAX_REFERRAL_EFFECT);

      /* A friction never helps and a force never hurts; lower churn
       * helps, so its sign is the other way round. Each does something. */
      g_assert_cmpfloat (sign * entry->conversion, >=, 0.0);
      g_assert_cmpfloat (-sign * entry->churn, >=, 0.0);
      g_assert_cmpfloat (sign * entry->referral, >=, 0.0);
      g_assert_true (entry->conversion != 0.0 || entry->churn != 0.0 || entry->referral != 0.0);

      g_assert_true (fw_catalog_lookup (entry->id) == entry);

      if (entry->kind == FW_POINT_FORCE)
        n_force++;
      else
        n_friction++;
    }

  g_assert_cmpuint (n_friction, >=, 12);
  g_assert_cmpuint (n_force, >=, 12);

  for (guint i = 0; i < G_N_ELEMENTS (required_ids); i++)
    {
      const FwCatalogEntry *entry = fw_catalog_lookup (required_ids[i]);

      /* Compared as strings so that a failure names the missing id. */
      g_assert_cmpstr (entry ? entry->id : NULL, ==, required_ids[i]);
    }

  g_assert_null (fw_catalog_lookup ("no-such-entry"));
  g_assert_null (fw_catalog_lookup (""));
}

static void
test_catalog_points (void)
{
  const FwCatalogEntry *entries;
  guint n = 0;

  entries = fw_catalog_list (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwPoint) point = fw_catalog_entry_to_point (&entries[i], 123.5);
      g_autoptr(GError) error = NULL;

      fw_validate_point (point, "points[0]", &error);
      g_assert_no_error (error);

      g_assert_cmpstr (point->name, ==, entries[i].name);
      g_assert_cmpstr (point->note, ==, entries[i].explanation);
      g_assert_cmpint (point->kind, ==, entries[i].kind);
      g_assert_cmpfloat (point->angle, ==, 123.5);
      g_assert_cmpfloat (point->conversion, ==, entries[i].conversion);
      g_assert_cmpfloat (point->churn, ==, entries[i].churn);
      g_assert_cmpfloat (point->referral, ==, entries[i].referral);
      g_assert_true (point->enabled);
    }
}

/* Whether @word occurs in @text as a whole word (or words), capitalised
 * as a stage's name is written. */
static gboolean
names_word (const char *text,
            const char *word)
{
  gsize len = strlen (word);

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    {
      gboolean starts = at == text || !g_ascii_isalpha (at[-1]);
      gboolean ends = !g_ascii_isalpha (at[len]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* Every template's words (its description and its points' notes) name
 * its own stages only. The notes were the catalog's explanations, which
 * name the inbound wheel's stages: the sales cycle's "Generate leads"
 * said "slows Attract", four-a's Advocate "lifts referrals at Delight"
 * (user review, C1). A stage name of any template, or the catalog's
 * "Close", in a template without that stage fails. */
static void
test_template_words_name_own_stages (void)
{
  g_autoptr(GPtrArray) every_stage = g_ptr_array_new_with_free_func (g_free);
  const FwTemplateInfo *infos;
  guint n;

  infos = fw_templates_list (&n);
  for (guint t = 0; t < n; t++)
    {
      g_autoptr(FwProject) project = fw_template_create (infos[t].id, NULL);
      const FwScenario *scenario = fw_project_get_scenario (project, 0);

      for (guint i = 0; i < scenario->stages->len; i++)
        g_ptr_array_add (every_stage, g_strdup (fw_scenario_get_stage (scenario, i)->name));
    }
  g_ptr_array_add (every_stage, g_strdup ("Close"));

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(FwProject) project = fw_template_create (infos[t].id, NULL);
      const FwScenario *scenario = fw_project_get_scenario (project, 0);

      for (guint k = 0; k <= scenario->points->len; k++)
        {
          const char *text = k < scenario->points->len ? fw_scenario_get_point (scenario, k)->note
                                                        : infos[t].description;

          for (guint w = 0; w < every_stage->len; w++)
            {
              const char *stage = g_ptr_array_index (every_stage, w);
              gboolean own = FALSE;

              if (!names_word (text, stage))
                continue;
              for (guint i = 0; i < scenario->stages->len; i++)
                own |= strcmp (fw_scenario_get_stage (scenario, i)->name, stage) == 0;
              if (!own)
                g_error ("template %s: “%s” names the stage “%s”, which it does not have",
                         infos[t].id, text, stage);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/templates/list", test_list);
  for (guint i = 0; i < G_N_ELEMENTS (expected_templates); i++)
    {
      g_autofree char *create = g_strdup_printf ("/core/templates/%s/create", expected_templates[i].id);
      g_autofree char *turns = g_strdup_printf ("/core/templates/%s/turns", expected_templates[i].id);

      g_test_add_data_func (create, &expected_templates[i], check_template);
      g_test_add_data_func (turns, &expected_templates[i], check_wheel_turns);
    }
  g_test_add_func ("/core/templates/four-a/advocate-refers-most", test_four_a_advocate_refers_most);
  g_test_add_func ("/core/templates/independent", test_templates_are_independent);
  g_test_add_func ("/core/templates/unknown", test_unknown);
  g_test_add_func ("/core/templates/words-name-own-stages", test_template_words_name_own_stages);
  g_test_add_func ("/core/catalog/entries", test_catalog_entries);
  g_test_add_func ("/core/catalog/to-point", test_catalog_points);

  return g_test_run ();
}
