/* test-core-json.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-json"

#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fw-error.h"
#include "fw-json.h"
#include "fw-test-largest.h"
#include "fw-json-writer.h"
#include "fw-model.h"
#include "fw-templates.h"
#include "fw-validate.h"

/* A small valid project with every kind of field; tests edit it. */
static const char base_json[] =
  "{\"format\": \"flywheel\", \"version\": 1,"
  " \"name\": \"Acme\", \"period\": \"month\", \"horizon\": 24,"
  " \"scenarios\": ["
  "  {\"name\": \"Baseline\", \"inflow\": 120,"
  "   \"stages\": ["
  "    {\"name\": \"Attract\", \"color\": \"#3584e4\", \"count\": 900, \"customer\": false,"
  "     \"advance\": 0.2, \"loss\": 0.3, \"referral\": 0, \"weight\": 1},"
  "    {\"name\": \"Convert\"},"
  "    {\"name\": \"Keep\", \"customer\": true, \"loss\": 0.05, \"referral\": 0.1}],"
  "   \"points\": ["
  "    {\"name\": \"Can't try before buying\", \"kind\": \"friction\", \"angle\": 40,"
  "     \"conversion\": -0.2, \"churn\": 0, \"referral\": 0, \"enabled\": true, \"note\": \"\"}]}]}";

/* ----------------------------------------------------------------- helpers */

/* A project of two stages and one point, with extra fields for stage 0
 * and the point (which must give the angle). */
#define SMALL_PROJECT(stage_fields, point_fields)                                     \
  "{\"format\": \"flywheel\", \"version\": 1, \"name\": \"A\", \"period\": \"week\","  \
  " \"horizon\": 1, \"scenarios\": [{\"name\": \"S\", \"stages\": ["                   \
  "{\"name\": \"A\"" stage_fields "}, {\"name\": \"B\"}],"                               \
  " \"points\": [{\"name\": \"P\"" point_fields "}]}]}"

/* Bit for bit, so that -0 and 0 differ. */
static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

#define assert_same_double(a, b) G_STMT_START {                         \
    double a_ = (a), b_ = (b);                                          \
    if (!same_double (a_, b_))                                          \
      g_error ("%s: %.17g is not %.17g", G_STRLOC, a_, b_);             \
  } G_STMT_END

static void
assert_stages_equal (const FwStage *a,
                     const FwStage *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->color, ==, b->color);
  assert_same_double (a->count, b->count);
  g_assert_cmpint (a->customer, ==, b->customer);
  assert_same_double (a->advance, b->advance);
  assert_same_double (a->loss, b->loss);
  assert_same_double (a->referral, b->referral);
  assert_same_double (a->weight, b->weight);
}

static void
assert_points_equal (const FwPoint *a,
                     const FwPoint *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->kind, ==, b->kind);
  assert_same_double (a->angle, b->angle);
  assert_same_double (a->conversion, b->conversion);
  assert_same_double (a->churn, b->churn);
  assert_same_double (a->referral, b->referral);
  g_assert_cmpint (a->enabled, ==, b->enabled);
  g_assert_cmpstr (a->note, ==, b->note);
}

static void
assert_projects_equal (const FwProject *a,
                       const FwProject *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->period, ==, b->period);
  g_assert_cmpuint (a->horizon, ==, b->horizon);
  g_assert_cmpuint (a->scenarios->len, ==, b->scenarios->len);

  for (guint s = 0; s < a->scenarios->len; s++)
    {
      const FwScenario *x = fw_project_get_scenario (a, s);
      const FwScenario *y = fw_project_get_scenario (b, s);

      g_assert_cmpstr (x->name, ==, y->name);
      assert_same_double (x->inflow, y->inflow);
      assert_same_double (x->uncertainty.advance, y->uncertainty.advance);
      assert_same_double (x->uncertainty.loss, y->uncertainty.loss);
      assert_same_double (x->uncertainty.referral, y->uncertainty.referral);
      assert_same_double (x->uncertainty.inflow, y->uncertainty.inflow);
      g_assert_cmpuint (x->stages->len, ==, y->stages->len);
      g_assert_cmpuint (x->points->len, ==, y->points->len);
      for (guint i = 0; i < x->stages->len; i++)
        assert_stages_equal (fw_scenario_get_stage (x, i), fw_scenario_get_stage (y, i));
      for (guint i = 0; i < x->points->len; i++)
        assert_points_equal (fw_scenario_get_point (x, i), fw_scenario_get_point (y, i));
    }
}

static FwStage *
add_stage (FwScenario *scenario,
           const char *name)
{
  FwStage *stage = fw_stage_new (name, scenario->stages->len);

  g_ptr_array_add (scenario->stages, stage);

  return stage;
}

static FwPoint *
add_point (FwScenario *scenario,
           const char *name,
           double      angle)
{
  FwPoint *point = fw_point_new (name, angle);

  g_ptr_array_add (scenario->points, point);

  return point;
}

/* Names and values that are easy to get wrong on the way to JSON and
 * back. */
static FwProject *
make_awkward_project (void)
{
  FwProject *project = fw_project_new ("Quote \" and back\\slash");
  FwScenario *first = fw_scenario_new ("Ünïcödé “curly” — dash");
  FwScenario *second = fw_scenario_new ("🚀 Launch / 発売");
  FwStage *stage;
  FwPoint *point;

  project->period = FW_PERIOD_QUARTER;
  project->horizon = 100000;

  first->inflow = 123456.789;
  /* Spreads at both ends of their range and one barely above 0; the
   * second scenario keeps none, which a dump leaves out. */
  first->uncertainty.advance = 1;
  first->uncertainty.loss = 0.2;
  first->uncertainty.referral = 5e-324;
  stage = add_stage (first, "Line\nbreak");
  stage->count = 1e12;
  stage->advance = 0.1;
  stage->loss = 0.2;
  stage->referral = 1e-7;
  stage->weight = 0.1;
  stage = add_stage (first, "Tab\tand bell \x01 and DEL \x7f");
  stage->count = 0.1;
  stage->customer = TRUE;
  stage->advance = 1;
  stage->referral = 100;
  stage->weight = 100;
  g_strlcpy (stage->color, "#abcdef", sizeof stage->color);
  stage = add_stage (first, "{\"json\": [1, 2]}");
  stage->loss = 1;
  stage->count = 123456.789;
  stage->weight = 1e-300;

  point = add_point (first, "Carriage\rreturn", -359.5);
  point->conversion = -1;
  point->churn = -0.0;
  point->referral = 10;
  point->kind = FW_POINT_FORCE;
  point->enabled = FALSE;
  g_free (point->note);
  point->note = g_strdup ("Line one\r\nline two \"quoted\" \\ é 😀\u200b");
  point = add_point (first, "Tiny", 5e-324);
  point->conversion = 10;
  point->churn = 1;
  point->referral = -1;
  point = add_point (first, "Huge", DBL_MAX);
  point->churn = -1e-7;
  add_point (first, "Past int64", 2e19);
  add_point (first, "Minus zero", -0.0);

  second->inflow = 1e20;
  add_stage (second, "A");
  add_stage (second, "B");

  g_ptr_array_add (project->scenarios, first);
  g_ptr_array_add (project->scenarios, second);

  return project;
}

static FwProject *
load (const char  *text,
      GError     **error)
{
  return fw_project_from_json (text, -1, error);
}

/* The error @text gives, which must have @code. */
static char *
load_problem (const char *text,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = load (text, &error);

  g_assert_null (project);
  g_assert_error (error, FW_ERROR, code);

  return g_strdup (error->message);
}

#define assert_load_problem(text, code, expected) G_STMT_START { \
    g_autofree char *message_ = load_problem (text, code);       \
    g_assert_cmpstr (message_, ==, expected);                    \
  } G_STMT_END

/* The object at @path ("scenarios[0].stages[1]", NULL for the root). */
static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  JsonObject *object = json_node_get_object (root);
  g_auto(GStrv) steps = NULL;

  if (path == NULL)
    return object;

  steps = g_strsplit (path, ".", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      char *bracket = strchr (steps[i], '[');

      g_assert_nonnull (bracket);
      *bracket = '\0';
      object = json_array_get_object_element (json_object_get_array_member (object, steps[i]),
                                              atoi (bracket + 1));
    }

  return object;
}

/* base_json with @key of the object at @path set to @value (JSON text),
 * or removed when @value is NULL. */
static char *
edited (const char *path,
        const char *key,
        const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, base_json, -1, NULL));
  object = object_at (json_parser_get_root (parser), path);

  if (value == NULL)
    json_object_remove_member (object, key);
  else if (strcmp (value, "null") == 0)
    json_object_set_null_member (object, key);
  else
    json_object_set_member (object, key, json_from_string (value, NULL));

  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

static char *
edited_problem (const char *path,
                const char *key,
                const char *value,
                int         code)
{
  g_autofree char *text = edited (path, key, value);

  return load_problem (text, code);
}

static FwProject *
load_edited (const char *path,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = edited (path, key, value);
  FwProject *project = load (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static char *
write_json (guint indent,
            void (*write) (FwJsonWriter *writer))
{
  FwJsonWriter *writer = fw_json_writer_new (indent);

  write (writer);

  return fw_json_writer_free_to_string (writer);
}

/* ------------------------------------------------------------- round trip */

static void
test_round_trip (void)
{
  g_autoptr(FwProject) project = make_awkward_project ();
  g_autoptr(FwProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = fw_project_to_json (project);
  again = load (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  assert_projects_equal (project, again);

  second = fw_project_to_json (again);
  g_assert_cmpstr (first, ==, second);

  /* The numbers are written short, as a user would write them. */
  g_assert_nonnull (strstr (first, "\"inflow\": 123456.789,"));
  g_assert_nonnull (strstr (first, "\"count\": 1000000000000,"));
  g_assert_nonnull (strstr (first, "\"referral\": 0.0000001,"));
  g_assert_nonnull (strstr (first, "\"weight\": 0.1\n"));
  g_assert_nonnull (strstr (first, "\"churn\": -0,"));
  g_assert_nonnull (strstr (first, "\"inflow\": 100000000000000000000,"));
  /* Text is escaped where JSON needs it, and where a terminal would
   * take a character as a command (DEL, C1 controls); nowhere else. */
  g_assert_nonnull (strstr (first, "\"name\": \"Quote \\\" and back\\\\slash\""));
  g_assert_nonnull (strstr (first, "\"name\": \"Tab\\tand bell \\u0001 and DEL \\u007f\""));
  g_assert_nonnull (strstr (first, "\"name\": \"🚀 Launch / 発売\""));
}

/* Any finite double survives the trip, including the whole numbers past
 * the range of a gint64 that json-glib would read wrongly on its own. */
static void
test_round_trip_numbers (void)
{
  g_autoptr(FwProject) project = fw_project_new ("Numbers");
  g_autoptr(FwProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FwScenario *scenario = fw_scenario_new ("S");

  add_stage (scenario, "A");
  add_stage (scenario, "B");
  for (guint i = 0; i < FW_MAX_POINTS; i++)
    {
      double angle;

      do
        {
          guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

          memcpy (&angle, &bits, sizeof angle);
          /* Every fourth one a whole number near or past 2^63. */
          if (i % 4 == 0)
            angle = floor (ldexp (g_test_rand_double_range (-1, 1), g_test_rand_int_range (55, 70)));
        }
      while (!isfinite (angle));

      add_point (scenario, "P", angle);
    }
  g_ptr_array_add (project->scenarios, scenario);

  text = fw_project_to_json (project);
  again = load (text, &error);
  g_assert_no_error (error);
  assert_projects_equal (project, again);
}

/* A change in formatting shows here first. */
static void
test_dump_text (void)
{
  g_autoptr(FwProject) project = fw_project_new ("Tiny");
  g_autofree char *text = NULL;
  FwScenario *scenario = fw_scenario_new ("S");
  FwScenario *other = fw_scenario_new ("T");
  FwStage *stage;
  FwPoint *point;

  project->period = FW_PERIOD_WEEK;
  project->horizon = 3;

  scenario->inflow = 0.5;
  stage = add_stage (scenario, "A");
  stage->count = 10;
  stage->advance = 0.2;
  stage->loss = 0.1;
  stage = add_stage (scenario, "B \"b\"");
  stage->customer = TRUE;
  stage->loss = 0.05;
  stage->referral = 0.05;
  stage->weight = 2.5;
  point = add_point (scenario, "P", 90);
  point->kind = FW_POINT_FORCE;
  point->conversion = 0.1;
  point->churn = -0.01;
  point->enabled = FALSE;
  g_free (point->note);
  point->note = g_strdup ("n\né");

  add_stage (other, "X");
  add_stage (other, "Y");

  g_ptr_array_add (project->scenarios, scenario);
  g_ptr_array_add (project->scenarios, other);

  text = fw_project_to_json (project);
  g_assert_cmpstr (text, ==,
    "{\n"
    "  \"format\": \"flywheel\",\n"
    "  \"version\": 1,\n"
    "  \"name\": \"Tiny\",\n"
    "  \"period\": \"week\",\n"
    "  \"horizon\": 3,\n"
    "  \"scenarios\": [\n"
    "    {\n"
    "      \"name\": \"S\",\n"
    "      \"inflow\": 0.5,\n"
    "      \"stages\": [\n"
    "        {\n"
    "          \"name\": \"A\",\n"
    "          \"color\": \"#3584e4\",\n"
    "          \"count\": 10,\n"
    "          \"customer\": false,\n"
    "          \"advance\": 0.2,\n"
    "          \"loss\": 0.1,\n"
    "          \"referral\": 0,\n"
    "          \"weight\": 1\n"
    "        },\n"
    "        {\n"
    "          \"name\": \"B \\\"b\\\"\",\n"
    "          \"color\": \"#33d17a\",\n"
    "          \"count\": 0,\n"
    "          \"customer\": true,\n"
    "          \"advance\": 0,\n"
    "          \"loss\": 0.05,\n"
    "          \"referral\": 0.05,\n"
    "          \"weight\": 2.5\n"
    "        }\n"
    "      ],\n"
    "      \"points\": [\n"
    "        {\n"
    "          \"name\": \"P\",\n"
    "          \"kind\": \"force\",\n"
    "          \"angle\": 90,\n"
    "          \"conversion\": 0.1,\n"
    "          \"churn\": -0.01,\n"
    "          \"referral\": 0,\n"
    "          \"enabled\": false,\n"
    "          \"note\": \"n\\né\"\n"
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"name\": \"T\",\n"
    "      \"inflow\": 0,\n"
    "      \"stages\": [\n"
    "        {\n"
    "          \"name\": \"X\",\n"
    "          \"color\": \"#3584e4\",\n"
    "          \"count\": 0,\n"
    "          \"customer\": false,\n"
    "          \"advance\": 0,\n"
    "          \"loss\": 0,\n"
    "          \"referral\": 0,\n"
    "          \"weight\": 1\n"
    "        },\n"
    "        {\n"
    "          \"name\": \"Y\",\n"
    "          \"color\": \"#33d17a\",\n"
    "          \"count\": 0,\n"
    "          \"customer\": false,\n"
    "          \"advance\": 0,\n"
    "          \"loss\": 0,\n"
    "          \"referral\": 0,\n"
    "          \"weight\": 1\n"
    "        }\n"
    "      ],\n"
    "      \"points\": []\n"
    "    }\n"
    "  ]\n"
    "}\n");
}

/* ---------------------------------------------------------------- reading */

static void
test_read_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = load (base_json, &error);
  FwScenario *scenario;
  FwStage *stage;
  FwPoint *point;

  g_assert_no_error (error);
  g_assert_cmpstr (project->name, ==, "Acme");
  g_assert_cmpint (project->period, ==, FW_PERIOD_MONTH);
  g_assert_cmpuint (project->horizon, ==, 24);

  scenario = fw_project_get_scenario (project, 0);
  g_assert_cmpstr (scenario->name, ==, "Baseline");
  g_assert_cmpfloat (scenario->inflow, ==, 120);
  g_assert_cmpuint (scenario->stages->len, ==, 3);

  stage = fw_scenario_get_stage (scenario, 0);
  g_assert_cmpstr (stage->name, ==, "Attract");
  g_assert_cmpfloat (stage->count, ==, 900);
  g_assert_cmpfloat (stage->advance, ==, 0.2);
  g_assert_cmpfloat (stage->loss, ==, 0.3);
  stage = fw_scenario_get_stage (scenario, 2);
  g_assert_true (stage->customer);
  g_assert_cmpfloat (stage->referral, ==, 0.1);

  point = fw_scenario_get_point (scenario, 0);
  g_assert_cmpstr (point->name, ==, "Can't try before buying");
  g_assert_cmpfloat (point->angle, ==, 40);
  g_assert_cmpfloat (point->conversion, ==, -0.2);
}

/* A text that is not NUL-terminated is read up to @length. */
static void
test_read_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (base_json, "this is not read", NULL);
  g_autoptr(FwProject) project = fw_project_from_json (text, strlen (base_json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
}

static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = load (
    "{\"format\": \"flywheel\", \"version\": 1, \"name\": \"Min\", \"period\": \"week\","
    " \"horizon\": 1, \"scenarios\": ["
    "  {\"name\": \"S\", \"stages\": [{\"name\": \"A\"}, {\"name\": \"B\"}]},"
    "  {\"name\": \"T\", \"stages\": [{\"name\": \"A\"}, {\"name\": \"B\"}],"
    "   \"points\": [{\"name\": \"P\", \"angle\": 10}]}]}", &error);
  FwScenario *scenario;
  FwPoint *point;

  g_assert_no_error (error);

  scenario = fw_project_get_scenario (project, 0);
  g_assert_cmpfloat (scenario->inflow, ==, 0);
  g_assert_cmpuint (scenario->points->len, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      FwStage *stage = fw_scenario_get_stage (scenario, i);

      g_assert_cmpstr (stage->color, ==, fw_palette_color (i));
      g_assert_cmpfloat (stage->count, ==, 0);
      g_assert_false (stage->customer);
      g_assert_cmpfloat (stage->advance, ==, 0);
      g_assert_cmpfloat (stage->loss, ==, 0);
      g_assert_cmpfloat (stage->referral, ==, 0);
      g_assert_cmpfloat (stage->weight, ==, 1);
    }
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 0)->color, !=,
                   fw_scenario_get_stage (scenario, 1)->color);

  point = fw_scenario_get_point (fw_project_get_scenario (project, 1), 0);
  g_assert_cmpint (point->kind, ==, FW_POINT_FRICTION);
  g_assert_cmpfloat (point->angle, ==, 10);
  g_assert_cmpfloat (point->conversion, ==, 0);
  g_assert_cmpfloat (point->churn, ==, 0);
  g_assert_cmpfloat (point->referral, ==, 0);
  g_assert_true (point->enabled);
  g_assert_cmpstr (point->note, ==, "");
}

static void
test_names_trimmed_colours_lowered (void)
{
  g_autoptr(FwProject) named = load_edited (NULL, "name", "\"\\t Acme \\u3000\"");
  g_autoptr(FwProject) stage_named = load_edited ("scenarios[0].stages[1]", "name", "\"  Convert \\n\"");
  g_autoptr(FwProject) coloured = load_edited ("scenarios[0].stages[0]", "color", "\"#3584E4\"");
  g_autoptr(FwProject) noted = load_edited ("scenarios[0].points[0]", "note", "\"  spaced  \"");

  g_assert_cmpstr (named->name, ==, "Acme");
  g_assert_cmpstr (fw_scenario_get_stage (fw_project_get_scenario (stage_named, 0), 1)->name, ==, "Convert");
  g_assert_cmpstr (fw_scenario_get_stage (fw_project_get_scenario (coloured, 0), 0)->color, ==, "#3584e4");
  /* A note is free text, kept as written. */
  g_assert_cmpstr (fw_scenario_get_point (fw_project_get_scenario (noted, 0), 0)->note, ==, "  spaced  ");
}

/* Escapes read as the characters they stand for, surrogate pairs too.
 * (Not through edited(): json-glib's generator would write them out.) */
static void
test_escapes_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = load (SMALL_PROJECT ("", ", \"angle\": 0, \"note\":"
                                                      " \"\\ud83d\\ude80\\tA\\u00e9\\\"\\\\\\/\\b\\f\\r\\n\""),
                                       &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fw_scenario_get_point (fw_project_get_scenario (project, 0), 0)->note, ==,
                   "🚀\tAé\"\\/\b\f\r\n");
}

static void
test_required (void)
{
  struct {
    const char *path;
    const char *key;
  } required[] = {
    { NULL, "format" },
    { NULL, "version" },
    { NULL, "name" },
    { NULL, "period" },
    { NULL, "horizon" },
    { NULL, "scenarios" },
    { "scenarios[0]", "name" },
    { "scenarios[0]", "stages" },
    { "scenarios[0].stages[1]", "name" },
    { "scenarios[0].points[0]", "name" },
    { "scenarios[0].points[0]", "angle" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *message = edited_problem (required[i].path, required[i].key, NULL, FW_ERROR_INVALID);
      g_autofree char *expected = required[i].path != NULL
        ? g_strdup_printf ("%s.%s: required but missing", required[i].path, required[i].key)
        : g_strdup_printf ("%s: required but missing", required[i].key);

      g_assert_cmpstr (message, ==, expected);
    }
}

/* Every key MODEL.md calls optional may be left out. */
static void
test_optional (void)
{
  struct {
    const char *path;
    const char *key;
  } optional[] = {
    { "scenarios[0]", "inflow" },
    { "scenarios[0]", "points" },
    { "scenarios[0].stages[0]", "color" },
    { "scenarios[0].stages[0]", "count" },
    { "scenarios[0].stages[0]", "customer" },
    { "scenarios[0].stages[0]", "advance" },
    { "scenarios[0].stages[0]", "loss" },
    { "scenarios[0].stages[0]", "referral" },
    { "scenarios[0].stages[0]", "weight" },
    { "scenarios[0].points[0]", "kind" },
    { "scenarios[0].points[0]", "conversion" },
    { "scenarios[0].points[0]", "churn" },
    { "scenarios[0].points[0]", "referral" },
    { "scenarios[0].points[0]", "enabled" },
    { "scenarios[0].points[0]", "note" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autoptr(FwProject) project = load_edited (optional[i].path, optional[i].key, NULL);

      g_assert_nonnull (project);
    }
}

static void
test_unknown_key (void)
{
  const char *places[] = {
    NULL, "scenarios[0]", "scenarios[0].stages[1]", "scenarios[0].points[0]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *message = edited_problem (places[i], "colour", "\"#3584e4\"", FW_ERROR_INVALID);
      g_autofree char *expected = places[i] != NULL
        ? g_strdup_printf ("%s.colour: unknown key", places[i])
        : g_strdup ("colour: unknown key");

      g_assert_cmpstr (message, ==, expected);
    }
}

static void
test_wrong_type (void)
{
  struct {
    const char *path;
    const char *key;
    const char *value;
    const char *expected;
  } cases[] = {
    { "scenarios[0].stages[0]", "count", "\"900\"", "scenarios[0].stages[0].count: must be a number, got \"900\"" },
    { "scenarios[0].stages[0]", "count", "\"9\\\"00\"", "scenarios[0].stages[0].count: must be a number, got \"9\\\"00\"" },
    { "scenarios[0].stages[0]", "advance", "null", "scenarios[0].stages[0].advance: must be a number, got null" },
    { "scenarios[0].stages[0]", "weight", "true", "scenarios[0].stages[0].weight: must be a number, got true" },
    { "scenarios[0].stages[0]", "customer", "1", "scenarios[0].stages[0].customer: must be true or false, got 1" },
    { "scenarios[0].stages[0]", "customer", "null", "scenarios[0].stages[0].customer: must be true or false, got null" },
    { "scenarios[0].stages[0]", "name", "12", "scenarios[0].stages[0].name: must be a string, got 12" },
    { "scenarios[0].stages[0]", "color", "null", "scenarios[0].stages[0].color: must be a string, got null" },
    { "scenarios[0]", "stages", "{}", "scenarios[0].stages: must be a list, got an object" },
    { "scenarios[0]", "stages", "[[], {}]", "scenarios[0].stages[0]: must be an object, got a list" },
    { "scenarios[0]", "points", "\"none\"", "scenarios[0].points: must be a list, got \"none\"" },
    { "scenarios[0]", "inflow", "false", "scenarios[0].inflow: must be a number, got false" },
    { "scenarios[0]", "name", "null", "scenarios[0].name: must be a string, got null" },
    { NULL, "scenarios", "[1]", "scenarios[0]: must be an object, got 1" },
    { NULL, "scenarios", "{\"name\": \"x\"}", "scenarios: must be a list, got an object" },
    { NULL, "horizon", "\"24\"", "horizon: must be a number, got \"24\"" },
    { NULL, "version", "\"1\"", "version: must be a number, got \"1\"" },
    { NULL, "name", "true", "name: must be a string, got true" },
    { NULL, "period", "2", "period: must be a string, got 2" },
    { "scenarios[0].points[0]", "enabled", "\"yes\"", "scenarios[0].points[0].enabled: must be true or false, got \"yes\"" },
    { "scenarios[0].points[0]", "angle", "[40]", "scenarios[0].points[0].angle: must be a number, got a list" },
    { "scenarios[0].points[0]", "note", "0.5", "scenarios[0].points[0].note: must be a string, got 0.5" },
    { "scenarios[0].points[0]", "kind", "0", "scenarios[0].points[0].kind: must be a string, got 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = edited_problem (cases[i].path, cases[i].key, cases[i].value, FW_ERROR_INVALID);

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

static void
test_long_value_quoted_short (void)
{
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *value = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *message = edited_problem ("scenarios[0].stages[0]", "count", value, FW_ERROR_INVALID);
  g_autofree char *expected = g_strdup_printf ("scenarios[0].stages[0].count: must be a number, got \"%.40s…\"",
                                               long_text);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_root_not_object (void)
{
  assert_load_problem ("[1, 2]", FW_ERROR_INVALID, "a Flywheel project must be a JSON object, got a list");
  assert_load_problem ("\"flywheel\"", FW_ERROR_INVALID, "a Flywheel project must be a JSON object, got \"flywheel\"");
  assert_load_problem ("null", FW_ERROR_INVALID, "a Flywheel project must be a JSON object, got null");
}

static void
test_format (void)
{
  g_autofree char *other = edited_problem (NULL, "format", "\"other\"", FW_ERROR_INVALID);

  g_assert_cmpstr (other, ==, "format: must be \"flywheel\", got \"other\"");
}

static void
test_version (void)
{
  g_autofree char *two = edited_problem (NULL, "version", "2", FW_ERROR_TOO_NEW);
  g_autofree char *zero = edited_problem (NULL, "version", "0", FW_ERROR_INVALID);
  g_autofree char *half = edited_problem (NULL, "version", "1.5", FW_ERROR_INVALID);
  g_autoptr(FwProject) one = load_edited (NULL, "version", "1.0");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *newer = NULL;
  g_autofree char *message = NULL;
  JsonObject *root;

  g_assert_cmpstr (two, ==, "version: this file is version 2, newer than this Flywheel reads (1)");
  g_assert_cmpstr (zero, ==, "version: must be 1, got 0");
  g_assert_cmpstr (half, ==, "version: must be 1, got 1.5");

  /* A newer file is "too new" even when it has keys this one does not
   * know, which is the likely reason they are there. */
  g_assert_true (json_parser_load_from_data (parser, base_json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", 3);
  json_object_set_string_member (root, "currency", "EUR");
  json_generator_set_root (generator, json_parser_get_root (parser));
  newer = json_generator_to_data (generator, NULL);
  message = load_problem (newer, FW_ERROR_TOO_NEW);
  g_assert_cmpstr (message, ==, "version: this file is version 3, newer than this Flywheel reads (1)");
}

static void
test_period (void)
{
  const char *periods[] = { "week", "month", "quarter" };
  g_autofree char *monthly = edited_problem (NULL, "period", "\"monthly\"", FW_ERROR_INVALID);
  g_autofree char *capital = edited_problem (NULL, "period", "\"Month\"", FW_ERROR_INVALID);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *value = g_strdup_printf ("\"%s\"", periods[i]);
      g_autoptr(FwProject) project = load_edited (NULL, "period", value);

      g_assert_cmpstr (fw_period_to_string (project->period), ==, periods[i]);
    }

  g_assert_cmpstr (monthly, ==, "period: must be \"week\", \"month\" or \"quarter\", got \"monthly\"");
  g_assert_cmpstr (capital, ==, "period: must be \"week\", \"month\" or \"quarter\", got \"Month\"");
}

static void
test_kind (void)
{
  g_autoptr(FwProject) force = load_edited ("scenarios[0].points[0]", "kind", "\"force\"");
  g_autofree char *push = edited_problem ("scenarios[0].points[0]", "kind", "\"push\"", FW_ERROR_INVALID);

  g_assert_cmpint (fw_scenario_get_point (fw_project_get_scenario (force, 0), 0)->kind, ==, FW_POINT_FORCE);
  g_assert_cmpstr (push, ==, "scenarios[0].points[0].kind: must be \"friction\" or \"force\", got \"push\"");
}

static void
test_horizon (void)
{
  g_autoptr(FwProject) whole = load_edited (NULL, "horizon", "24.0");
  g_autoptr(FwProject) exponent = load_edited (NULL, "horizon", "1e5");
  g_autofree char *half = edited_problem (NULL, "horizon", "24.5", FW_ERROR_INVALID);
  g_autofree char *zero = edited_problem (NULL, "horizon", "0", FW_ERROR_INVALID);
  g_autofree char *big = edited_problem (NULL, "horizon", "4294967297", FW_ERROR_INVALID);

  g_assert_cmpuint (whole->horizon, ==, 24);
  g_assert_cmpuint (exponent->horizon, ==, 100000);
  g_assert_cmpstr (half, ==, "horizon: must be a whole number between 1 and 100000, got 24.5");
  g_assert_cmpstr (zero, ==, "horizon: must be a whole number between 1 and 100000, got 0");
  /* Not wrapped into a guint first. */
  g_assert_cmpstr (big, ==, "horizon: must be a whole number between 1 and 100000, got 4294967297");
}

/* After reading, every rule of fw-validate.h applies, with the same
 * places. */
static void
test_rules (void)
{
  struct {
    const char *path;
    const char *key;
    const char *value;
    const char *expected;
  } cases[] = {
    { "scenarios[0].stages[2]", "advance", "1.5", "scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5" },
    { "scenarios[0].stages[0]", "advance", "0.8", "scenarios[0].stages[0]: advance + loss must be at most 1, got 0.8 + 0.3" },
    { "scenarios[0].stages[1]", "weight", "0", "scenarios[0].stages[1].weight: must be greater than 0 and at most 100, got 0" },
    { "scenarios[0].stages[1]", "name", "\" Attract \"", "scenarios[0].stages[1].name: \"Attract\" is already the name of stages[0]" },
    { "scenarios[0].stages[1]", "name", "\"  \"", "scenarios[0].stages[1].name: must not be empty" },
    { "scenarios[0].stages[0]", "color", "\"red\"", "scenarios[0].stages[0].color: must be a colour written \"#rrggbb\", got \"red\"" },
    { "scenarios[0]", "inflow", "-1", "scenarios[0].inflow: must be finite and at least 0, got -1" },
    { "scenarios[0]", "stages", "[{\"name\": \"Only\"}]", "scenarios[0].stages: must have between 2 and 16 stages, got 1" },
    { "scenarios[0].points[0]", "churn", "-1.5", "scenarios[0].points[0].churn: must be between -1 and 1, got -1.5" },
    { NULL, "scenarios", "[]", "scenarios: must have between 1 and 50 scenarios, got 0" },
    { NULL, "name", "\"\"", "name: must not be empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = edited_problem (cases[i].path, cases[i].key, cases[i].value, FW_ERROR_INVALID);

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

/* A number too large for a double reads as infinity, which the rules
 * refuse. (Not through edited(): json-glib's generator writes it "inf.0".) */
static void
test_rules_infinite (void)
{
  assert_load_problem (SMALL_PROJECT (", \"count\": 1e400", ", \"angle\": 0"), FW_ERROR_INVALID,
                       "scenarios[0].stages[0].count: must be between 0 and 1000000000000, got inf");
  assert_load_problem (SMALL_PROJECT ("", ", \"angle\": -1e400"), FW_ERROR_INVALID,
                       "scenarios[0].points[0].angle: must be finite, got -inf");
}


/* Whole numbers past a gint64 are read as the doubles they are, and -0
 * keeps its sign (json-glib alone would wrap the one and drop the other). */
static void
test_big_whole_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = load (SMALL_PROJECT ("", ", \"angle\": 18446744073709551716, \"churn\": -0"),
                                       &error);
  g_autofree char *counted = load_problem (SMALL_PROJECT (", \"count\": 99999999999999999999", ", \"angle\": 0"),
                                           FW_ERROR_INVALID);
  FwPoint *point;

  g_assert_no_error (error);
  point = fw_scenario_get_point (fw_project_get_scenario (project, 0), 0);
  assert_same_double (point->angle, 18446744073709551716.0);
  assert_same_double (point->churn, -0.0);

  g_assert_cmpstr (counted, ==,
                   "scenarios[0].stages[0].count: must be between 0 and 1000000000000, got 100000000000000000000");
}

static void
test_parse_errors (void)
{
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "", "the text holds no JSON value" },
    { " \n\t", "the text holds no JSON value" },
    { "{} {}", "line 1, column 4: unexpected text after the end of the JSON value" },
    { "{}\n[]", "line 2, column 1: unexpected text after the end of the JSON value" },
    { "// note\n{}", "line 1, column 1: comments are not allowed in JSON" },
    { "{\"a\": /* note */ 1}", "line 1, column 7: comments are not allowed in JSON" },
    { "{'name': 1}", "line 1, column 2: strings must be in double quotes" },
    { "{\"a\": 0x10}", "line 1, column 7: 0x10 is not a JSON number" },
    { "{\"a\": 01}", "line 1, column 7: 01 is not a JSON number" },
    { "{\"a\": .5}", "line 1, column 7: .5 is not a JSON number" },
    { "{\"a\": 1.}", "line 1, column 7: 1. is not a JSON number" },
    { "{\"a\": -}", "line 1, column 7: - is not a JSON number" },
    { "{\"a\": +1}", NULL },
    { "{\"a\": -Infinity}", "line 1, column 7: -Infinity is not a JSON number" },
    { "{\"a\": NaN}", NULL },
    { "{\"é\": \"x\ty\"}", "line 1, column 9: a control character in a string must be written as an escape, such as \\n" },
    { "{\"a\": \"\\x\"}", "line 1, column 8: unknown escape in a string" },
    { "{\"a\": \"a\\u0000b\"}", "line 1, column 9: \\u0000 is not allowed in text" },
    { "{\"a\": \"\\u12\"}", "line 1, column 8: \\u must be followed by four hexadecimal digits" },
    { "{\"a\": \"\\uzzzz\"}", "line 1, column 8: \\u must be followed by four hexadecimal digits" },
    { "{\"a\": \"\\ud800x\"}", "line 1, column 8: \\ud800 is half of a UTF-16 surrogate pair, without the other half" },
    { "{\"a\": \"\\ud800\\u0041\"}", "line 1, column 8: \\ud800 is half of a UTF-16 surrogate pair, without the other half" },
    { "{\"a\": \"\\uDC00\"}", "line 1, column 8: \\uDC00 is half of a UTF-16 surrogate pair, without the other half" },
    { "{\"a\": 1,\n \"b\": 2,\n \"a\": 3}", "line 3: the key \"a\" appears twice in the same object" },
    { "{\"a\": {\"b\": 1, \"b\": 1}}", "line 1: the key \"b\" appears twice in the same object" },
    { "{\n\"a\": \"é\xff\"}", "line 2, column 8: the text is not valid UTF-8" },
    { "{\"a\": 1,}", NULL },
    { "{\"a\" 1}", NULL },
    { "[1, 2", NULL },
    { "{\"a\": \"unterminated}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = load_problem (cases[i].text, FW_ERROR_PARSE);

      if (cases[i].expected != NULL)
        {
          g_assert_cmpstr (message, ==, cases[i].expected);
        }
      else
        {
          /* json-glib's own words, with the place written as above. */
          g_assert_true (g_str_has_prefix (message, "line 1, column "));
          g_assert_null (strstr (message, "<data>"));
        }
    }
}

/* json-glib would recurse until the stack runs out. */
static void
test_deep_nesting (void)
{
  g_autofree char *open = g_strnfill (100000, '[');
  g_autofree char *ok_open = g_strnfill (64, '[');
  g_autofree char *ok_close = g_strnfill (64, ']');
  g_autofree char *ok = g_strconcat (ok_open, ok_close, NULL);

  assert_load_problem (open, FW_ERROR_PARSE, "line 1, column 65: nested more than 64 levels deep");
  assert_load_problem (ok, FW_ERROR_INVALID, "a Flywheel project must be a JSON object, got a list");
}

static void
test_nul_in_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_project_from_json ("{\"a\": \"x\0y\"}", 12, &error);

  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 1, column 9: the text holds a NUL character");
}

/* ------------------------------------------------------------------ files */

typedef struct
{
  char *dir;
} Files;

static void
files_set_up (Files         *files,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  files->dir = g_dir_make_tmp ("test-core-json-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
files_tear_down (Files         *files,
                 gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (files->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (files->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (files->dir), ==, 0);
  g_free (files->dir);
}

static char *
write_file (Files      *files,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (files->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_file_read (Files         *files,
                gconstpointer  data)
{
  g_autoptr(FwProject) project = make_awkward_project ();
  g_autofree char *text = fw_project_to_json (project);
  g_autofree char *path = write_file (files, "awkward.json", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) again = fw_project_from_json_file (path, &error);

  g_assert_no_error (error);
  assert_projects_equal (project, again);
}

static void
test_file_errors_named (Files         *files,
                        gconstpointer  data)
{
  g_autofree char *bad = edited ("scenarios[0].stages[2]", "advance", "1.5");
  g_autofree char *bad_path = write_file (files, "bad.json", bad);
  g_autofree char *broken_path = write_file (files, "broken.json", "{\"format\": }");
  g_autofree char *expected = g_strdup_printf ("%s: scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5",
                                               bad_path);
  g_autofree char *broken_prefix = g_strdup_printf ("%s: line 1, column ", broken_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_project_from_json_file (bad_path, &error);

  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (fw_project_from_json_file (broken_path, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, broken_prefix));
}

static void
test_file_missing (Files         *files,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (files->dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_project_from_json_file (path, &error);

  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_NOT_FOUND);
  /* Named once, not once by GLib and again by the reader. */
  g_assert_cmpuint (count_occurrences (error->message, path), ==, 1);
  g_assert_true (g_str_has_suffix (error->message, "No such file or directory"));
  g_assert_true (fw_error_is_bad_input (error));
}

static void
test_file_directory (Files         *files,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_project_from_json_file (files->dir, &error);

  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_occurrences (error->message, files->dir), ==, 1);
}

static void
test_file_too_large (Files         *files,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (files, "huge.json", "");
  g_autofree char *expected = g_strdup_printf ("%s: larger than " FW_JSON_MAX_TEXT_SIZE_TEXT
                                               ", which is too large for a Flywheel project",
                                               path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = NULL;
  int fd;

  /* Sparse: the size is what counts, and it is refused unread. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, FW_JSON_MAX_TEXT_SIZE + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  project = fw_project_from_json_file (path, &error);
  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A FIFO nobody writes to is refused at once, never waited on (issue 8,
 * finding 8); so is a device. */
static void
test_file_not_regular (Files         *files,
                       gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (files->dir, "f.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) device_error = NULL;
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProject) device = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  project = fw_project_from_json_file (fifo, &error);
  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_NOT_PROJECT);
  g_assert_true (g_str_has_suffix (error->message, "f.json: a named pipe, not a file"));

  device = fw_project_from_json_file ("/dev/null", &device_error);
  g_assert_null (device);
  g_assert_error (device_error, FW_ERROR, FW_ERROR_NOT_PROJECT);
  g_assert_cmpstr (device_error->message, ==, "/dev/null: a device, not a file");
}

/* Text that is not a file meets the same limit. */
static void
test_text_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = NULL;
  const char *text = "{}";

  /* Only the length is looked at before the refusal. */
  project = fw_project_from_json (text, (gssize) FW_JSON_MAX_TEXT_SIZE + 1, &error);
  g_assert_null (project);
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "larger than " FW_JSON_MAX_TEXT_SIZE_TEXT
                                       ", which is too large for a Flywheel project");
}

/* Everything `dump` writes, `import` takes back (issue 8, finding 7): the
 * largest project MODEL.md allows, in the characters JSON writes longest,
 * dumps to less than the reader's limit. Scenarios of the largest project
 * are all the same size, so one and two scenarios give the size of fifty
 * exactly, without building 610 MiB of text. */
static void
test_largest_dump_fits (void)
{
  g_autoptr(FwProject) one = fw_test_largest_project (FW_LARGEST_FOR_JSON, 1);
  g_autoptr(FwProject) two = fw_test_largest_project (FW_LARGEST_FOR_JSON, 2);
  g_autofree char *one_json = fw_project_to_json (one);
  g_autofree char *two_json = fw_project_to_json (two);
  g_autoptr(FwProject) back = NULL;
  g_autoptr(GError) error = NULL;
  guint64 per_scenario = strlen (two_json) - strlen (one_json);
  guint64 largest = strlen (one_json) + (FW_MAX_SCENARIOS - 1) * per_scenario;

  g_assert_true (fw_validate_project (two, &error));
  g_assert_no_error (error);
  /* docs/file-format.md gives this figure; `dump` adds a newline. */
  g_assert_cmpuint (largest, ==, 640185752);
  g_assert_cmpuint (largest + 1, <=, FW_JSON_MAX_TEXT_SIZE);

  /* And what is written reads back. */
  back = fw_project_from_json (two_json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

/* ----------------------------------------------------------------- writer */

static void
write_escapes (FwJsonWriter *writer)
{
  fw_json_writer_string (writer, "\"\\/\b\f\n\r\t\x01\x1f\x7f é \xc2\x9b\xc2\xa0 🚀");
}

static void
write_empty (FwJsonWriter *writer)
{
  fw_json_writer_begin_object (writer);
  fw_json_writer_key (writer, "a");
  fw_json_writer_begin_array (writer);
  fw_json_writer_end_array (writer);
  fw_json_writer_key (writer, "b");
  fw_json_writer_begin_object (writer);
  fw_json_writer_end_object (writer);
  fw_json_writer_end_object (writer);
}

static void
write_values (FwJsonWriter *writer)
{
  fw_json_writer_begin_object (writer);
  fw_json_writer_key (writer, "a");
  fw_json_writer_begin_array (writer);
  fw_json_writer_number (writer, 1);
  fw_json_writer_number (writer, 0.1);
  fw_json_writer_number (writer, NAN);
  fw_json_writer_number (writer, INFINITY);
  fw_json_writer_number (writer, -INFINITY);
  fw_json_writer_int (writer, G_MININT64);
  fw_json_writer_boolean (writer, TRUE);
  fw_json_writer_boolean (writer, FALSE);
  fw_json_writer_null (writer);
  fw_json_writer_string (writer, NULL);
  fw_json_writer_string (writer, "x");
  fw_json_writer_end_array (writer);
  fw_json_writer_key (writer, "b");
  fw_json_writer_begin_array (writer);
  fw_json_writer_begin_object (writer);
  fw_json_writer_end_object (writer);
  fw_json_writer_end_array (writer);
  fw_json_writer_end_object (writer);
}

static void
write_not_utf8 (FwJsonWriter *writer)
{
  fw_json_writer_string (writer, "a\xff" "b");
}

static void
test_writer_escapes (void)
{
  g_autofree char *text = write_json (2, write_escapes);

  /* DEL and the C1 controls (U+009B is a terminal's CSI) are escaped
   * too; U+00A0, right after them, is not. */
  g_assert_cmpstr (text, ==, "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f é \\u009b\xc2\xa0 🚀\"");
}

/* The writer's escaping without JSON's own: text for a CSV field keeps
 * its quotes and backslashes and gets no quotes around it, but no
 * control character (C0, DEL, C1) is left raw; text that is not UTF-8
 * is repaired as the writer repairs it. */
static void
test_controls_escaped (void)
{
  g_autoptr(GString) out = g_string_new ("x");

  fw_text_append_controls_escaped (out, "\"\\/\b\f\n\r\t\x01\x1b]0;T\x07\x1f\x7f é \xc2\x80\xc2\x9b\xc2\x9f\xc2\xa0 🚀");
  g_assert_cmpstr (out->str, ==,
                   "x\"\\/\\b\\f\\n\\r\\t\\u0001\\u001b]0;T\\u0007\\u001f\\u007f é "
                   "\\u0080\\u009b\\u009f\xc2\xa0 🚀");

  g_string_truncate (out, 0);
  fw_text_append_controls_escaped (out, "a\xff" "b");
  g_assert_cmpstr (out->str, ==, "a\xef\xbf\xbd" "b");

  g_string_truncate (out, 0);
  fw_text_append_controls_escaped (out, "");
  g_assert_cmpstr (out->str, ==, "");
}

static void
test_writer_empty (void)
{
  g_autofree char *indented = write_json (2, write_empty);
  g_autofree char *compact = write_json (0, write_empty);

  g_assert_cmpstr (indented, ==, "{\n  \"a\": [],\n  \"b\": {}\n}");
  g_assert_cmpstr (compact, ==, "{\"a\":[],\"b\":{}}");
}

static void
test_writer_values (void)
{
  g_autofree char *compact = write_json (0, write_values);
  g_autofree char *indented = write_json (4, write_values);

  g_assert_cmpstr (compact, ==,
                   "{\"a\":[1,0.1,null,null,null,-9223372036854775808,true,false,null,null,\"x\"],"
                   "\"b\":[{}]}");
  g_assert_cmpstr (indented, ==,
                   "{\n"
                   "    \"a\": [\n"
                   "        1,\n"
                   "        0.1,\n"
                   "        null,\n"
                   "        null,\n"
                   "        null,\n"
                   "        -9223372036854775808,\n"
                   "        true,\n"
                   "        false,\n"
                   "        null,\n"
                   "        null,\n"
                   "        \"x\"\n"
                   "    ],\n"
                   "    \"b\": [\n"
                   "        {}\n"
                   "    ]\n"
                   "}");
}

/* Whatever it is given, the writer writes JSON that reads. */
static void
test_writer_not_utf8 (void)
{
  g_autofree char *text = write_json (0, write_not_utf8);

  g_assert_cmpstr (text, ==, "\"a\xef\xbf\xbd" "b\"");
}

/* Damaged JSON never crashes the reader: every mutation of a real dump
 * (bytes flipped, cut, repeated, spliced) is read either as a valid
 * project or refused with an FW_ERROR, never anything else. */
static void
test_fuzz_mutations (void)
{
  g_autoptr(FwProject) project = fw_template_create ("sales-cycle", NULL);
  g_autofree char *text = fw_project_to_json (project);
  gsize length = strlen (text);
  GRand *rand = g_rand_new_with_seed (1124);
  static const char pieces[] = "{}[]\",:0123456789.eE+-truefalsenull \\u00\n";
  guint valid = 0;

  for (guint trial = 0; trial < 3000; trial++)
    {
      g_autofree char *mutated = g_memdup2 (text, length + 1);
      gsize mutated_length = length;
      guint n_changes = g_rand_int_range (rand, 1, 6);
      g_autoptr(FwProject) result = NULL;
      g_autoptr(GError) error = NULL;

      for (guint c = 0; c < n_changes; c++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) mutated_length);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: /* flip a byte */
              mutated[at] = (char) g_rand_int_range (rand, 1, 256);
              break;
            case 1: /* a JSON-ish character */
              mutated[at] = pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)];
              break;
            case 2: /* cut */
              mutated_length = at;
              mutated[at] = '\0';
              break;
            default: /* drop a byte */
              memmove (mutated + at, mutated + at + 1, mutated_length - at);
              mutated_length--;
              break;
            }
          if (mutated_length == 0)
            break;
        }

      result = fw_project_from_json (mutated, mutated_length, &error);
      if (result != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (fw_validate_project (result, NULL));
          valid++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == FW_ERROR);
          g_assert_cmpstr (error->message, !=, "");
        }
    }

  /* Some mutations (a digit for a digit) still read: the test reaches
   * both outcomes. */
  g_assert_cmpuint (valid, >, 0);
  g_rand_free (rand);
}

/* ------------------------------------------------------------ uncertainty */

static void
test_uncertainty_read (void)
{
  g_autoptr(FwProject) full = load_edited ("scenarios[0]", "uncertainty",
                                           "{\"advance\": 0.2, \"loss\": 0.25, \"referral\": 0.3, \"inflow\": 1}");
  g_autoptr(FwProject) partial = load_edited ("scenarios[0]", "uncertainty", "{\"loss\": 0.5}");
  g_autoptr(FwProject) empty = load_edited ("scenarios[0]", "uncertainty", "{}");
  g_autoptr(FwProject) absent = load_edited ("scenarios[0]", "uncertainty", NULL);
  const FwUncertainty *u = &fw_project_get_scenario (full, 0)->uncertainty;

  g_assert_cmpfloat (u->advance, ==, 0.2);
  g_assert_cmpfloat (u->loss, ==, 0.25);
  g_assert_cmpfloat (u->referral, ==, 0.3);
  g_assert_cmpfloat (u->inflow, ==, 1);

  /* Missing keys default to 0, one by one. */
  u = &fw_project_get_scenario (partial, 0)->uncertainty;
  g_assert_cmpfloat (u->advance, ==, 0);
  g_assert_cmpfloat (u->loss, ==, 0.5);
  g_assert_cmpfloat (u->referral, ==, 0);
  g_assert_cmpfloat (u->inflow, ==, 0);
  g_assert_true (fw_uncertainty_is_zero (&fw_project_get_scenario (empty, 0)->uncertainty));
  g_assert_true (fw_uncertainty_is_zero (&fw_project_get_scenario (absent, 0)->uncertainty));
}

static void
test_uncertainty_refused (void)
{
  struct {
    const char *value;
    const char *expected;
  } cases[] = {
    { "{\"loss\": 1.5}", "scenarios[0].uncertainty.loss: must be between 0 and 1, got 1.5" },
    { "{\"advance\": -0.1}", "scenarios[0].uncertainty.advance: must be between 0 and 1, got -0.1" },
    { "{\"referral\": 2}", "scenarios[0].uncertainty.referral: must be between 0 and 1, got 2" },
    { "{\"inflow\": \"10%\"}", "scenarios[0].uncertainty.inflow: must be a number, got \"10%\"" },
    { "{\"spread\": 0.1}", "scenarios[0].uncertainty.spread: unknown key" },
    { "{\"Advance\": 0.1}", "scenarios[0].uncertainty.Advance: unknown key" },
    { "[0.1, 0.2]", "scenarios[0].uncertainty: must be an object, got a list" },
    { "0.2", "scenarios[0].uncertainty: must be an object, got 0.2" },
    { "null", "scenarios[0].uncertainty: must be an object, got null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = edited_problem ("scenarios[0]", "uncertainty", cases[i].value,
                                                 FW_ERROR_INVALID);

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

/* Zero spreads are left out of a dump; any spread set writes all four. */
static void
test_uncertainty_dump (void)
{
  g_autoptr(FwProject) project = load_edited ("scenarios[0]", "uncertainty", "{\"inflow\": 0.1}");
  g_autoptr(FwProject) plain = load_edited ("scenarios[0]", "uncertainty", "{\"loss\": 0}");
  g_autofree char *text = fw_project_to_json (project);
  g_autofree char *plain_text = fw_project_to_json (plain);
  g_autoptr(FwProject) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, "\"uncertainty\": {\n"
                                  "        \"advance\": 0,\n"
                                  "        \"loss\": 0,\n"
                                  "        \"referral\": 0,\n"
                                  "        \"inflow\": 0.1\n"
                                  "      }"));
  g_assert_null (strstr (plain_text, "uncertainty"));

  back = fw_project_from_json (text, -1, &error);
  g_assert_no_error (error);
  assert_projects_equal (project, back);
}

/* A copied scenario keeps its spreads (duplicating a scenario, undo). */
static void
test_uncertainty_copied (void)
{
  g_autoptr(FwProject) project = make_awkward_project ();
  g_autoptr(FwProject) copy = fw_project_copy (project);

  assert_projects_equal (project, copy);
  g_assert_cmpfloat (fw_project_get_scenario (copy, 0)->uncertainty.advance, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/round-trip", test_round_trip);
  g_test_add_func ("/core/json/round-trip-numbers", test_round_trip_numbers);
  g_test_add_func ("/core/json/dump-text", test_dump_text);
  g_test_add_func ("/core/json/read", test_read_base);
  g_test_add_func ("/core/json/read-length", test_read_length);
  g_test_add_func ("/core/json/defaults", test_defaults);
  g_test_add_func ("/core/json/names-trimmed-colours-lowered", test_names_trimmed_colours_lowered);
  g_test_add_func ("/core/json/escapes-read", test_escapes_read);
  g_test_add_func ("/core/json/required", test_required);
  g_test_add_func ("/core/json/optional", test_optional);
  g_test_add_func ("/core/json/unknown-key", test_unknown_key);
  g_test_add_func ("/core/json/wrong-type", test_wrong_type);
  g_test_add_func ("/core/json/long-value-quoted-short", test_long_value_quoted_short);
  g_test_add_func ("/core/json/root-not-object", test_root_not_object);
  g_test_add_func ("/core/json/format", test_format);
  g_test_add_func ("/core/json/version", test_version);
  g_test_add_func ("/core/json/period", test_period);
  g_test_add_func ("/core/json/kind", test_kind);
  g_test_add_func ("/core/json/horizon", test_horizon);
  g_test_add_func ("/core/json/rules", test_rules);
  g_test_add_func ("/core/json/rules-infinite", test_rules_infinite);
  g_test_add_func ("/core/json/big-whole-numbers", test_big_whole_numbers);
  g_test_add_func ("/core/json/parse-errors", test_parse_errors);
  g_test_add_func ("/core/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/json/nul-in-text", test_nul_in_text);
  g_test_add_func ("/core/json/uncertainty/read", test_uncertainty_read);
  g_test_add_func ("/core/json/uncertainty/refused", test_uncertainty_refused);
  g_test_add_func ("/core/json/uncertainty/dump", test_uncertainty_dump);
  g_test_add_func ("/core/json/uncertainty/copied", test_uncertainty_copied);
  g_test_add ("/core/json/file/read", Files, NULL, files_set_up, test_file_read, files_tear_down);
  g_test_add ("/core/json/file/errors-named", Files, NULL, files_set_up, test_file_errors_named, files_tear_down);
  g_test_add ("/core/json/file/missing", Files, NULL, files_set_up, test_file_missing, files_tear_down);
  g_test_add ("/core/json/file/directory", Files, NULL, files_set_up, test_file_directory, files_tear_down);
  g_test_add ("/core/json/file/too-large", Files, NULL, files_set_up, test_file_too_large, files_tear_down);
  g_test_add ("/core/json/file/not-regular", Files, NULL, files_set_up, test_file_not_regular, files_tear_down);
  g_test_add_func ("/core/json/limits/text-too-large", test_text_too_large);
  g_test_add_func ("/core/json/limits/largest-dump-fits", test_largest_dump_fits);
  g_test_add_func ("/core/json/writer/escapes", test_writer_escapes);
  g_test_add_func ("/core/json/writer/controls-escaped", test_controls_escaped);
  g_test_add_func ("/core/json/writer/empty", test_writer_empty);
  g_test_add_func ("/core/json/writer/values", test_writer_values);
  g_test_add_func ("/core/json/writer/not-utf8", test_writer_not_utf8);
  g_test_add_func ("/core/json/fuzz-mutations", test_fuzz_mutations);

  return g_test_run ();
}
