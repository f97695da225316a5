/* test-core-validate.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-validate"

#include <float.h>
#include <math.h>
#include <string.h>

#include "fw-error.h"
#include "fw-model.h"
#include "fw-validate.h"

/* ----------------------------------------------------------------- helpers */

/* A valid project: @n_scenarios scenarios of @n_stages stages ("Stage 0",
 * ...) and @n_points points each. */
static FwProject *
make_project_full (guint n_scenarios,
                   guint n_stages,
                   guint n_points)
{
  FwProject *project = fw_project_new ("Acme");

  for (guint s = 0; s < n_scenarios; s++)
    {
      g_autofree char *scenario_name = g_strdup_printf ("Scenario %u", s);
      FwScenario *scenario = fw_scenario_new (scenario_name);

      scenario->inflow = 120;
      for (guint i = 0; i < n_stages; i++)
        {
          g_autofree char *name = g_strdup_printf ("Stage %u", i);
          FwStage *stage = fw_stage_new (name, i);

          stage->count = 100;
          stage->advance = 0.2;
          stage->loss = 0.1;
          stage->referral = 0.01;
          stage->customer = i + 1 == n_stages;
          g_ptr_array_add (scenario->stages, stage);
        }
      for (guint i = 0; i < n_points; i++)
        {
          g_autofree char *name = g_strdup_printf ("Point %u", i);

          g_ptr_array_add (scenario->points, fw_point_new (name, 10.0 * i));
        }
      g_ptr_array_add (project->scenarios, scenario);
    }

  return project;
}

static FwProject *
make_project (void)
{
  return make_project_full (1, 3, 1);
}

static FwStage *
stage_of (FwProject *project,
          guint      index)
{
  return fw_scenario_get_stage (fw_project_get_scenario (project, 0), index);
}

static FwPoint *
point_of (FwProject *project,
          guint      index)
{
  return fw_scenario_get_point (fw_project_get_scenario (project, 0), index);
}

/* The message fw_validate_project() gives, NULL when it accepts. */
static char *
problem (const FwProject *project)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = fw_validate_project (project, &error);

  g_assert_true (ok == (error == NULL));
  if (ok)
    return NULL;

  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);

  return g_strdup (error->message);
}

#define assert_valid(project) G_STMT_START {          \
    g_autofree char *message_ = problem (project);    \
    g_assert_cmpstr (message_, ==, NULL);             \
  } G_STMT_END

#define assert_problem(project, expected) G_STMT_START { \
    g_autofree char *message_ = problem (project);       \
    g_assert_cmpstr (message_, ==, expected);            \
  } G_STMT_END

#define assert_refused(project) G_STMT_START {        \
    g_autofree char *message_ = problem (project);    \
    g_assert_nonnull (message_);                      \
  } G_STMT_END

/* @n copies of @unit, a character. */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}

/* Sets the double at @offset of stage 1 to @value and checks the outcome:
 * valid when @expected is NULL, else refused with that message. */
static void
check_stage_number (gsize       offset,
                    double      value,
                    const char *expected)
{
  g_autoptr(FwProject) project = make_project ();
  g_autofree char *message = NULL;

  G_STRUCT_MEMBER (double, stage_of (project, 1), offset) = value;
  message = problem (project);
  g_assert_cmpstr (message, ==, expected);
}

/* The same for point 0. */
static void
check_point_number (gsize       offset,
                    double      value,
                    const char *expected)
{
  g_autoptr(FwProject) project = make_project ();
  g_autofree char *message = NULL;

  G_STRUCT_MEMBER (double, point_of (project, 0), offset) = value;
  message = problem (project);
  g_assert_cmpstr (message, ==, expected);
}

/* ------------------------------------------------------------------- tests */

static void
test_valid_project (void)
{
  g_autoptr(FwProject) project = make_project ();

  assert_valid (project);

  /* Every scenario, stage and point is checked on its own too. */
  g_assert_true (fw_validate_scenario (fw_project_get_scenario (project, 0), "scenarios[0]", NULL));
  g_assert_true (fw_validate_stage (stage_of (project, 0), "scenarios[0].stages[0]", NULL));
  g_assert_true (fw_validate_point (point_of (project, 0), "scenarios[0].points[0]", NULL));
}

/* Names: 1..80 characters after trimming, for the project, a scenario, a
 * stage and a point alike. The test data is the path of the name. */
static char **
name_field (FwProject  *project,
            const char *path)
{
  if (strcmp (path, "name") == 0)
    return &project->name;
  if (strcmp (path, "scenarios[0].name") == 0)
    return &fw_project_get_scenario (project, 0)->name;
  if (strcmp (path, "scenarios[0].stages[1].name") == 0)
    return &stage_of (project, 1)->name;
  if (strcmp (path, "scenarios[0].points[0].name") == 0)
    return &point_of (project, 0)->name;

  g_assert_not_reached ();
}

static char *
name_problem (const char *path,
              const char *name)
{
  g_autoptr(FwProject) project = make_project ();
  char **field = name_field (project, path);

  g_free (*field);
  *field = g_strdup (name);

  return problem (project);
}

static void
test_name (gconstpointer data)
{
  const char *path = data;
  g_autofree char *e80 = repeat ("é", 80);
  g_autofree char *e81 = repeat ("é", 81);
  g_autofree char *rocket80 = repeat ("🚀", 80);
  g_autofree char *padded80 = g_strconcat ("  \t", e80, "\u3000\n", NULL);
  g_autofree char *too_long = g_strdup_printf ("%s: must be at most 80 characters long, got 81", path);
  g_autofree char *empty = g_strdup_printf ("%s: must not be empty", path);
  g_autofree char *not_utf8 = g_strdup_printf ("%s: must be valid UTF-8 text", path);
  struct {
    const char *name;
    const char *expected;
  } cases[] = {
    { "A", NULL },
    { e80, NULL },          /* 80 characters, 160 bytes */
    { rocket80, NULL },     /* 80 characters, 320 bytes */
    { padded80, NULL },     /* white space around does not count */
    { e81, too_long },
    { "", empty },
    { " \t\n ", empty },
    { "\u3000\u00a0", empty }, /* Unicode white space is white space */
    { "Ab\xff", not_utf8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = name_problem (path, cases[i].name);

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

static void
test_name_null (void)
{
  g_autoptr(FwProject) project = make_project ();

  g_clear_pointer (&stage_of (project, 0)->name, g_free);
  assert_problem (project, "scenarios[0].stages[0].name: must not be empty");
}

static void
test_name_trim (void)
{
  struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Attract", "Attract" },
    { "  Attract \t", "Attract" },
    { "\n Keep  them \r\n", "Keep  them" },        /* inner space stays */
    { "\u3000Ünïcödé\u00a0\u2003", "Ünïcödé" },    /* ideographic, no-break, em space */
    { "🚀 Launch ", "🚀 Launch" },
    { "", "" },
    { " \t ", "" },
    { " \xff ", "\xff" },                          /* bad bytes are kept, not trimmed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *trimmed = fw_name_trim (cases[i].in);

      g_assert_cmpstr (trimmed, ==, cases[i].out);
    }
}

static void
test_horizon (void)
{
  g_autoptr(FwProject) project = make_project ();
  g_autoptr(GError) error = NULL;

  project->horizon = 1;
  assert_valid (project);
  project->horizon = 100000;
  assert_valid (project);
  project->horizon = 0;
  assert_problem (project, "horizon: must be a whole number between 1 and 100000, got 0");
  project->horizon = 100001;
  assert_problem (project, "horizon: must be a whole number between 1 and 100000, got 100001");

  /* What a file may hold before it becomes a guint. */
  g_assert_true (fw_check_horizon ("horizon", 24.0, NULL));
  g_assert_false (fw_check_horizon ("horizon", 24.5, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "horizon: must be a whole number between 1 and 100000, got 24.5");
  g_clear_error (&error);
  g_assert_false (fw_check_horizon ("horizon", NAN, &error));
  g_assert_cmpstr (error->message, ==, "horizon: must be a whole number between 1 and 100000, got nan");
  g_clear_error (&error);
  g_assert_false (fw_check_horizon ("horizon", INFINITY, &error));
  g_assert_cmpstr (error->message, ==, "horizon: must be a whole number between 1 and 100000, got inf");
}

static void
test_period (void)
{
  g_autoptr(FwProject) project = make_project ();

  for (FwPeriod period = FW_PERIOD_WEEK; period <= FW_PERIOD_QUARTER; period++)
    {
      project->period = period;
      assert_valid (project);
    }

  project->period = (FwPeriod) 3;
  assert_problem (project, "period: must be \"week\", \"month\" or \"quarter\", got 3");
}

static void
test_scenario_count (void)
{
  g_autoptr(FwProject) none = make_project_full (0, 3, 0);
  g_autoptr(FwProject) one = make_project_full (1, 2, 0);
  g_autoptr(FwProject) fifty = make_project_full (50, 2, 0);
  g_autoptr(FwProject) fifty_one = make_project_full (51, 2, 0);

  assert_problem (none, "scenarios: must have between 1 and 50 scenarios, got 0");
  assert_valid (one);
  assert_valid (fifty);
  assert_problem (fifty_one, "scenarios: must have between 1 and 50 scenarios, got 51");
}

static void
test_scenario_names_unique (void)
{
  g_autoptr(FwProject) project = make_project_full (3, 2, 0);
  FwScenario *third = fw_project_get_scenario (project, 2);

  assert_valid (project);

  g_free (third->name);
  third->name = g_strdup (" Scenario 0\t");
  assert_problem (project, "scenarios[2].name: \"Scenario 0\" is already the name of scenarios[0]");

  /* Names are compared as they are: case matters. */
  g_free (third->name);
  third->name = g_strdup ("scenario 0");
  assert_valid (project);
}

static void
test_inflow (void)
{
  g_autoptr(FwProject) project = make_project ();
  FwScenario *scenario = fw_project_get_scenario (project, 0);

  scenario->inflow = 0;
  assert_valid (project);
  scenario->inflow = 1e300;
  assert_valid (project);
  scenario->inflow = -1;
  assert_problem (project, "scenarios[0].inflow: must be finite and at least 0, got -1");
  scenario->inflow = -1e-300;
  assert_refused (project);
  scenario->inflow = INFINITY;
  assert_problem (project, "scenarios[0].inflow: must be finite and at least 0, got inf");
  scenario->inflow = NAN;
  assert_problem (project, "scenarios[0].inflow: must be finite and at least 0, got nan");
}

static void
test_uncertainty (void)
{
  g_autoptr(FwProject) project = make_project ();
  FwScenario *scenario = fw_project_get_scenario (project, 0);
  FwUncertainty *u = &scenario->uncertainty;

  *u = (FwUncertainty) { 0, 0, 0, 0 };
  assert_valid (project);
  *u = (FwUncertainty) { 1, 1, 1, 1 };
  assert_valid (project);
  *u = (FwUncertainty) { 0.2, 1.5, 0, 0 };
  assert_problem (project, "scenarios[0].uncertainty.loss: must be between 0 and 1, got 1.5");
  *u = (FwUncertainty) { -0.1, 0, 0, 0 };
  assert_problem (project, "scenarios[0].uncertainty.advance: must be between 0 and 1, got -0.1");
  *u = (FwUncertainty) { 0, 0, NAN, 0 };
  assert_problem (project, "scenarios[0].uncertainty.referral: must be between 0 and 1, got nan");
  *u = (FwUncertainty) { 0, 0, 0, 1.0000000000000002 };
  assert_problem (project, "scenarios[0].uncertainty.inflow: must be between 0 and 1, got 1.0000000000000002");
  *u = (FwUncertainty) { 0, 0, 0, INFINITY };
  assert_refused (project);
}

static void
test_stage_count (void)
{
  g_autoptr(FwProject) one = make_project_full (1, 1, 0);
  g_autoptr(FwProject) two = make_project_full (1, 2, 0);
  g_autoptr(FwProject) sixteen = make_project_full (1, 16, 0);
  g_autoptr(FwProject) seventeen = make_project_full (1, 17, 0);
  g_autoptr(FwProject) later = make_project_full (2, 2, 0);

  assert_problem (one, "scenarios[0].stages: must have between 2 and 16 stages, got 1");
  assert_valid (two);
  assert_valid (sixteen);
  assert_problem (seventeen, "scenarios[0].stages: must have between 2 and 16 stages, got 17");

  /* The place names the scenario. */
  g_ptr_array_remove_index (fw_project_get_scenario (later, 1)->stages, 0);
  assert_problem (later, "scenarios[1].stages: must have between 2 and 16 stages, got 1");
}

static void
test_stage_names_unique (void)
{
  g_autoptr(FwProject) project = make_project_full (2, 4, 0);

  g_free (stage_of (project, 0)->name);
  stage_of (project, 0)->name = g_strdup ("Attract");
  g_free (stage_of (project, 3)->name);
  stage_of (project, 3)->name = g_strdup ("  Attract ");
  assert_problem (project, "scenarios[0].stages[3].name: \"Attract\" is already the name of stages[0]");

  /* Case matters, and another scenario may use the same names. */
  g_free (stage_of (project, 3)->name);
  stage_of (project, 3)->name = g_strdup ("attract");
  assert_valid (project);
}

static void
test_point_names_may_repeat (void)
{
  g_autoptr(FwProject) project = make_project_full (1, 3, 2);

  g_free (point_of (project, 1)->name);
  point_of (project, 1)->name = g_strdup ("Point 0");
  assert_valid (project);
}

static void
test_color (void)
{
  g_autoptr(FwProject) project = make_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = repeat ("x", 100);
  g_autofree char *expected = NULL;
  FwStage *stage = stage_of (project, 1);

  g_strlcpy (stage->color, "#3584e4", sizeof stage->color);
  assert_valid (project);
  g_strlcpy (stage->color, "#3584E4", sizeof stage->color);
  assert_valid (project);
  g_strlcpy (stage->color, "#3584e", sizeof stage->color);
  assert_problem (project, "scenarios[0].stages[1].color: must be a colour written \"#rrggbb\", got \"#3584e\"");
  g_strlcpy (stage->color, "#3584g4", sizeof stage->color);
  assert_refused (project);
  g_strlcpy (stage->color, "3584e4f", sizeof stage->color);
  assert_refused (project);
  g_strlcpy (stage->color, "", sizeof stage->color);
  assert_problem (project, "scenarios[0].stages[1].color: must be a colour written \"#rrggbb\", got \"\"");

  g_assert_false (fw_check_color ("color", "#3584e4ff", NULL));
  g_assert_false (fw_check_color ("color", "#\xff\xff\xff", &error));
  g_assert_cmpstr (error->message, ==, "color: must be a colour written \"#rrggbb\"");
  g_clear_error (&error);

  /* A long value is quoted cut short. */
  g_assert_false (fw_check_color ("color", long_text, &error));
  expected = g_strdup_printf ("color: must be a colour written \"#rrggbb\", got \"%.40s…\"", long_text);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_count (void)
{
  gsize count = G_STRUCT_OFFSET (FwStage, count);

  check_stage_number (count, 0, NULL);
  check_stage_number (count, 1e12, NULL);
  check_stage_number (count, 0.5, NULL);
  check_stage_number (count, -1, "scenarios[0].stages[1].count: must be between 0 and 1000000000000, got -1");
  check_stage_number (count, nextafter (1e12, INFINITY),
                      "scenarios[0].stages[1].count: must be between 0 and 1000000000000, got 1000000000000.0001");
  check_stage_number (count, INFINITY, "scenarios[0].stages[1].count: must be between 0 and 1000000000000, got inf");
  check_stage_number (count, NAN, "scenarios[0].stages[1].count: must be between 0 and 1000000000000, got nan");
}

/* The message for stage @index with rates @advance and @loss. */
static char *
rates_problem (guint  index,
               double advance,
               double loss)
{
  g_autoptr(FwProject) project = make_project ();

  stage_of (project, index)->advance = advance;
  stage_of (project, index)->loss = loss;

  return problem (project);
}

#define assert_rates(index, advance, loss, expected) G_STMT_START { \
    g_autofree char *message_ = rates_problem (index, advance, loss); \
    g_assert_cmpstr (message_, ==, expected);                         \
  } G_STMT_END

static void
test_advance (void)
{
  assert_rates (1, 0, 0, NULL);
  assert_rates (1, 1, 0, NULL);
  assert_rates (1, 1.0000001, 0, "scenarios[0].stages[1].advance: must be between 0 and 1, got 1.0000001");
  assert_rates (1, 1.5, 0, "scenarios[0].stages[1].advance: must be between 0 and 1, got 1.5");
  assert_rates (1, -0.1, 0, "scenarios[0].stages[1].advance: must be between 0 and 1, got -0.1");
  assert_rates (1, NAN, 0, "scenarios[0].stages[1].advance: must be between 0 and 1, got nan");
  assert_rates (1, -INFINITY, 0, "scenarios[0].stages[1].advance: must be between 0 and 1, got -inf");

  /* The last stage's advance is ignored by the engine but still checked. */
  assert_rates (2, 1.5, 0, "scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5");
}

static void
test_loss (void)
{
  assert_rates (1, 0, 1, NULL);
  assert_rates (1, 0, 1.0000001, "scenarios[0].stages[1].loss: must be between 0 and 1, got 1.0000001");
  assert_rates (1, 0, -0.5, "scenarios[0].stages[1].loss: must be between 0 and 1, got -0.5");
  assert_rates (1, 0, INFINITY, "scenarios[0].stages[1].loss: must be between 0 and 1, got inf");
}

static void
test_advance_plus_loss (void)
{
  assert_rates (1, 0.5, 0.5, NULL);
  assert_rates (1, 0.7, 0.3, NULL);
  assert_rates (1, 0.7, 0.5, "scenarios[0].stages[1]: advance + loss must be at most 1, got 0.7 + 0.5");
  /* Summed in double, as written: 0.5 + (0.5 + 2^-53) rounds to 1 and
   * passes, 0.5 + (0.5 + 2^-52) does not. */
  assert_rates (1, 0.5, 0.5 + 0x1p-53, NULL);
  assert_rates (1, 0.5, 0.5 + 0x1p-52,
                "scenarios[0].stages[1]: advance + loss must be at most 1, got 0.5 + 0.5000000000000002");
  /* The last stage too. */
  assert_rates (2, 0.7, 0.5, "scenarios[0].stages[2]: advance + loss must be at most 1, got 0.7 + 0.5");
}

static void
test_referral (void)
{
  gsize referral = G_STRUCT_OFFSET (FwStage, referral);

  check_stage_number (referral, 0, NULL);
  check_stage_number (referral, 100, NULL);
  check_stage_number (referral, 100.00001, "scenarios[0].stages[1].referral: must be between 0 and 100, got 100.00001");
  check_stage_number (referral, -0.1, "scenarios[0].stages[1].referral: must be between 0 and 100, got -0.1");
  check_stage_number (referral, NAN, "scenarios[0].stages[1].referral: must be between 0 and 100, got nan");
}

static void
test_weight (void)
{
  gsize weight = G_STRUCT_OFFSET (FwStage, weight);

  check_stage_number (weight, 100, NULL);
  check_stage_number (weight, 1e-300, NULL);
  check_stage_number (weight, 0, "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got 0");
  check_stage_number (weight, -1, "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got -1");
  check_stage_number (weight, 100.0000001,
                      "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got 100.0000001");
  check_stage_number (weight, INFINITY, "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got inf");
  check_stage_number (weight, NAN, "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got nan");
}

static void
test_point_count (void)
{
  g_autoptr(FwProject) none = make_project_full (1, 3, 0);
  g_autoptr(FwProject) thousand = make_project_full (1, 3, 1000);
  g_autoptr(FwProject) too_many = make_project_full (1, 3, 1001);

  assert_valid (none);
  assert_valid (thousand);
  assert_problem (too_many, "scenarios[0].points: must have at most 1000 points, got 1001");
}

static void
test_point_kind (void)
{
  g_autoptr(FwProject) project = make_project ();

  point_of (project, 0)->kind = FW_POINT_FORCE;
  assert_valid (project);
  point_of (project, 0)->kind = FW_POINT_FRICTION;
  assert_valid (project);
  point_of (project, 0)->kind = (FwPointKind) 2;
  assert_problem (project, "scenarios[0].points[0].kind: must be \"friction\" or \"force\", got 2");
}

static void
test_angle (void)
{
  gsize angle = G_STRUCT_OFFSET (FwPoint, angle);

  check_point_number (angle, -1e6, NULL);
  check_point_number (angle, 720, NULL);
  check_point_number (angle, -DBL_MAX, NULL);
  check_point_number (angle, INFINITY, "scenarios[0].points[0].angle: must be finite, got inf");
  check_point_number (angle, NAN, "scenarios[0].points[0].angle: must be finite, got nan");
}

static void
test_conversion (void)
{
  gsize conversion = G_STRUCT_OFFSET (FwPoint, conversion);

  check_point_number (conversion, -1, NULL);
  check_point_number (conversion, 10, NULL);
  check_point_number (conversion, -1.0000001, "scenarios[0].points[0].conversion: must be between -1 and 10, got -1.0000001");
  check_point_number (conversion, 10.000001, "scenarios[0].points[0].conversion: must be between -1 and 10, got 10.000001");
  check_point_number (conversion, NAN, "scenarios[0].points[0].conversion: must be between -1 and 10, got nan");
}

static void
test_churn (void)
{
  gsize churn = G_STRUCT_OFFSET (FwPoint, churn);

  check_point_number (churn, -1, NULL);
  check_point_number (churn, 1, NULL);
  check_point_number (churn, -1.0000001, "scenarios[0].points[0].churn: must be between -1 and 1, got -1.0000001");
  check_point_number (churn, 1.0000001, "scenarios[0].points[0].churn: must be between -1 and 1, got 1.0000001");
  check_point_number (churn, -INFINITY, "scenarios[0].points[0].churn: must be between -1 and 1, got -inf");
}

static void
test_referral_effect (void)
{
  gsize referral = G_STRUCT_OFFSET (FwPoint, referral);

  check_point_number (referral, -1, NULL);
  check_point_number (referral, 10, NULL);
  check_point_number (referral, -1.0000001, "scenarios[0].points[0].referral: must be between -1 and 10, got -1.0000001");
  check_point_number (referral, 10.5, "scenarios[0].points[0].referral: must be between -1 and 10, got 10.5");
  check_point_number (referral, NAN, "scenarios[0].points[0].referral: must be between -1 and 10, got nan");
}

static void
test_note (void)
{
  g_autoptr(FwProject) project = make_project ();
  g_autofree char *u2000 = repeat ("ü", 2000);
  g_autofree char *u2001 = repeat ("ü", 2001);
  g_autofree char *spaced = g_strconcat (" ", u2000, NULL);
  FwPoint *point = point_of (project, 0);

  g_free (point->note);
  point->note = g_strdup ("");
  assert_valid (project);

  g_free (point->note);
  point->note = g_strdup (u2000);
  assert_valid (project);

  g_free (point->note);
  point->note = g_strdup (u2001);
  assert_problem (project, "scenarios[0].points[0].note: must be at most 2000 characters long, got 2001");

  /* A note is free text: it is not trimmed, its spaces count. */
  g_free (point->note);
  point->note = g_strdup (spaced);
  assert_problem (project, "scenarios[0].points[0].note: must be at most 2000 characters long, got 2001");

  g_free (point->note);
  point->note = g_strdup ("caf\xc3");
  assert_problem (project, "scenarios[0].points[0].note: must be valid UTF-8 text");
}

static void
test_check_range (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_check_range ("x", 5, 5, 5, NULL));
  g_assert_true (fw_check_range ("x", 1e308, 0, INFINITY, NULL));

  g_assert_false (fw_check_range ("x", 6, -INFINITY, 5, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "x: must be finite and at most 5, got 6");
  g_clear_error (&error);

  g_assert_false (fw_check_range ("x", -INFINITY, -INFINITY, INFINITY, &error));
  g_assert_cmpstr (error->message, ==, "x: must be finite, got -inf");
  g_clear_error (&error);

  g_assert_false (fw_check_range ("x", 0.1, 0.25, 0.5, &error));
  g_assert_cmpstr (error->message, ==, "x: must be between 0.25 and 0.5, got 0.1");
}

/* Checked on its own, without a place (an editor checking one stage),
 * a message names only the field. */
static void
test_stage_without_path (void)
{
  g_autoptr(FwStage) stage = fw_stage_new ("Attract", 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_validate_stage (stage, NULL, NULL));

  stage->advance = 0.7;
  stage->loss = 0.5;
  g_assert_false (fw_validate_stage (stage, NULL, &error));
  g_assert_cmpstr (error->message, ==, "advance + loss must be at most 1, got 0.7 + 0.5");
  g_clear_error (&error);

  stage->advance = 2;
  g_assert_false (fw_validate_stage (stage, NULL, &error));
  g_assert_cmpstr (error->message, ==, "advance: must be between 0 and 1, got 2");
}

/* Counted in characters, not bytes: 40 of them are quoted whole, and a
 * longer value is cut after 40 without splitting a character. */
static void
test_quote_text (void)
{
  g_autofree char *forty = g_strnfill (40, 'x');
  g_autoptr(GString) wheels = g_string_new (NULL);
  g_autofree char *empty = fw_quote_text ("");
  g_autofree char *plain = fw_quote_text ("fortnight");
  g_autofree char *whole = fw_quote_text (forty);
  g_autofree char *whole_expected = g_strdup_printf ("\"%s\"", forty);
  g_autofree char *cut = NULL;
  g_autofree char *cut_expected = NULL;

  g_assert_cmpstr (empty, ==, "\"\"");
  g_assert_cmpstr (plain, ==, "\"fortnight\"");
  g_assert_cmpstr (whole, ==, whole_expected);

  for (guint i = 0; i < 41; i++)
    g_string_append (wheels, "🎡");
  cut = fw_quote_text (wheels->str);
  cut_expected = g_strdup_printf ("\"%.*s…\"", 40 * 4, wheels->str);
  g_assert_cmpstr (cut, ==, cut_expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/validate/valid-project", test_valid_project);
  g_test_add_data_func ("/core/validate/name/project", "name", test_name);
  g_test_add_data_func ("/core/validate/name/scenario", "scenarios[0].name", test_name);
  g_test_add_data_func ("/core/validate/name/stage", "scenarios[0].stages[1].name", test_name);
  g_test_add_data_func ("/core/validate/name/point", "scenarios[0].points[0].name", test_name);
  g_test_add_func ("/core/validate/name/null", test_name_null);
  g_test_add_func ("/core/validate/name/trim", test_name_trim);
  g_test_add_func ("/core/validate/horizon", test_horizon);
  g_test_add_func ("/core/validate/period", test_period);
  g_test_add_func ("/core/validate/scenario-count", test_scenario_count);
  g_test_add_func ("/core/validate/scenario-names-unique", test_scenario_names_unique);
  g_test_add_func ("/core/validate/inflow", test_inflow);
  g_test_add_func ("/core/validate/uncertainty", test_uncertainty);
  g_test_add_func ("/core/validate/stage-count", test_stage_count);
  g_test_add_func ("/core/validate/stage-names-unique", test_stage_names_unique);
  g_test_add_func ("/core/validate/point-names-may-repeat", test_point_names_may_repeat);
  g_test_add_func ("/core/validate/color", test_color);
  g_test_add_func ("/core/validate/count", test_count);
  g_test_add_func ("/core/validate/advance", test_advance);
  g_test_add_func ("/core/validate/loss", test_loss);
  g_test_add_func ("/core/validate/advance-plus-loss", test_advance_plus_loss);
  g_test_add_func ("/core/validate/referral", test_referral);
  g_test_add_func ("/core/validate/weight", test_weight);
  g_test_add_func ("/core/validate/point-count", test_point_count);
  g_test_add_func ("/core/validate/point-kind", test_point_kind);
  g_test_add_func ("/core/validate/angle", test_angle);
  g_test_add_func ("/core/validate/conversion", test_conversion);
  g_test_add_func ("/core/validate/churn", test_churn);
  g_test_add_func ("/core/validate/referral-effect", test_referral_effect);
  g_test_add_func ("/core/validate/note", test_note);
  g_test_add_func ("/core/validate/check-range", test_check_range);
  g_test_add_func ("/core/validate/stage-without-path", test_stage_without_path);
  g_test_add_func ("/core/validate/quote-text", test_quote_text);

  return g_test_run ();
}
