/* test-window-numbers.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-numbers"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "fw-chart-canvas.h"
#include "fw-chart-view.h"
#include "fw-compare-panel.h"
#include "fw-display-number.h"
#include "fw-json.h"
#include "fw-present-view.h"
#include "fw-projection-rows.h"
#include "fw-projection-table.h"
#include "fw-renderer-choice.h"
#include "fw-test-files.h"
#include "fw-test-window.h"
#include "fw-tween.h"
#include "fw-wheel-view.h"
#include "fw-window.h"

/* Every number on show in a 1280x720 window agrees, for the period
 * shown, with `flywheel-cli simulate` run on the window's project: the
 * figures panel, the chart's readout (the label a user reads), the
 * chart's words for a screen reader, the table, the wheel's referral
 * label, hub and counts, and the Compare page with `flywheel-cli
 * compare`. Checked after a file opens into an untouched window (the
 * pointer resting on the chart), after switching scenario, an edit, its
 * undo, another horizon, comparing, and at every period playback was
 * paused, stepped or stopped at. Numbers are compared as the window
 * writes them (fw_display_count () of the command line's exact doubles:
 * the rounding is the window's, the arithmetic the command line's), the
 * table's doubles exactly. Each check first waits for the projection
 * (the impacts and the band off the main loop) and for the figures'
 * easing to end, by frames, never by a fixed sleep. */

typedef struct
{
  char   *dir;
  char   *cli;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("fw-numbers-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cli = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "cli", "flywheel-cli", NULL);
  g_assert_true (g_file_test (fixture->cli, G_FILE_TEST_IS_EXECUTABLE));
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cli);
}

/* The command line -------------------------------------------------------- */

/* Runs flywheel-cli with @args (NULL-terminated, after the program),
 * which must succeed, and returns what it printed. */
static char *
cli_output (Fixture     *fixture,
            const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, fixture->cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_error ("flywheel-cli %s failed: %s", args[0], err);
  return out;
}

/* The same, its output read as JSON. */
static JsonNode *
run_cli (Fixture     *fixture,
         const char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = cli_output (fixture, args);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The window's project as JSON, as the command line reads it. */
static char *
write_project (Fixture  *fixture,
               FwWindow *window)
{
  g_autofree char *text = fw_project_to_json (fw_document_get_project (fw_window_get_document (window)));
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "shown.json", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* `simulate --format json --draws 1000` of the window's current
 * scenario: the band as the window draws it (1,000 draws, seed 1). */
static JsonNode *
simulate (Fixture  *fixture,
          FwWindow *window)
{
  g_autofree char *path = write_project (fixture, window);
  const char *name = fw_session_get_scenario (fw_window_get_session (window))->name;
  const char *args[] = { "simulate", "--format", "json", "--draws", "1000", "--scenario", name, path, NULL };

  return run_cli (fixture, args);
}

static JsonObject *
cli_row (JsonNode *run,
         guint     period)
{
  JsonArray *rows = json_object_get_array_member (json_node_get_object (run), "rows");

  g_assert_cmpuint (period, <, json_array_get_length (rows));
  return json_array_get_object_element (rows, period);
}

/* A number of the command line's output; NAN for its null. */
static double
cli_number (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

/* As the window writes @value. */
static char *
shown (double value)
{
  return fw_display_count (value);
}

/* The window --------------------------------------------------------------- */

/* The series the chart draws, the readout's words for them, and the
 * command line's names. */
static const struct
{
  FwChartSeries series;
  const char   *figure_caption;   /* the figures panel's caption starts so */
  const char   *member;
} SERIES[] = {
  { FW_CHART_CUSTOMERS,     "Customers",       "customers" },
  { FW_CHART_NEW_CUSTOMERS, "New customers",   "new_customers" },
  { FW_CHART_CHURN,         "Churn",           "churn" },
  { FW_CHART_REFERRALS,     "Referral inflow", "referrals" },
  { FW_CHART_MOMENTUM,      "Momentum",        "momentum" },
};

static gboolean
is_readout (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "fw-chart-readout");
}

static gboolean
is_caption (GtkWidget     *widget,
            gconstpointer  prefix)
{
  const char *text;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_has_css_class (widget, "fw-figure-caption"))
    return FALSE;
  text = gtk_label_get_text (GTK_LABEL (widget));
  /* "Customers" is not "Customers after 24 months". */
  return g_str_has_prefix (text, prefix) &&
         (text[strlen (prefix)] == '\0' || g_str_has_prefix (text + strlen (prefix), " per "));
}

/* The text of the figures panel's figure captioned @caption, as on
 * screen. */
static const char *
figure_text (FwWindow   *window,
             const char *caption)
{
  GtkWidget *label = fw_test_find (GTK_WIDGET (window), is_caption, caption);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (label)));
}

static FwChartView *
chart_view (FwWindow *window)
{
  GtkWidget *found = fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW);

  g_assert_nonnull (found);
  return FW_CHART_VIEW (found);
}

static FwChartCanvas *
canvas (FwWindow *window)
{
  return FW_CHART_CANVAS (fw_chart_view_get_canvas (chart_view (window)));
}

/* The readout label's text as on screen: read from the label, never
 * through fw_chart_view_get_readout (), which would say it afresh. */
static const char *
readout_text (FwWindow *window)
{
  GtkWidget *label = fw_test_find (GTK_WIDGET (window), is_readout, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* In @text, words separated by no-break spaces read as plain ones. */
static char *
plain_spaces (const char *text)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "\u00a0", " ", 0);
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/* The value the readout gives @name ("Customers 1,234 (likely …)"
 * gives "1,234", and the band in @band if asked), or NULL: the items
 * of the first scenario's values, separated by "●". */
static char *
readout_value (const char  *readout,
               const char  *name,
               char       **band)
{
  g_autofree char *plain = plain_spaces (readout);
  g_auto(GStrv) items = g_strsplit (plain, "●", -1);

  for (guint i = 1; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      const char *value;
      const char *open;

      if (!g_str_has_prefix (item, name) || item[strlen (name)] != ' ')
        continue;
      value = item + strlen (name) + 1;
      open = strstr (value, " (likely ");
      if (band != NULL)
        *band = open != NULL ? g_strndup (open + strlen (" (likely "), strlen (open) - strlen (" (likely ") - 1)
                             : NULL;
      return open != NULL ? g_strndup (value, open - value) : g_strdup (value);
    }
  return NULL;
}

/* The value in the chart's words for a screen reader ("Month 3:
 * Customers 1,234, New customers 56, …"), or NULL. */
static char *
spoken_value (const char *spoken,
              const char *name)
{
  const char *values = strstr (spoken, ": ");
  g_autofree char *key = g_strconcat (name, " ", NULL);
  g_auto(GStrv) items = NULL;

  if (values == NULL)
    return NULL;
  items = g_strsplit (values + 2, ", ", -1);
  /* The first scenario's values end where the next scenario's name
   * starts (". Without friction: …"). */
  for (guint i = 0; items[i] != NULL; i++)
    if (g_str_has_prefix (items[i], key))
      {
        const char *value = items[i] + strlen (key);
        const char *end = strstr (value, ". ");

        return end != NULL ? g_strndup (value, end - value) : g_strdup (value);
      }
  return NULL;
}

static gboolean
projection_settled (gpointer data)
{
  FwWindow *window = data;
  FwSession *session = fw_window_get_session (window);
  FwProjectionService *service = fw_session_get_projections (session);
  guint n_shown;
  const guint *shown_scenarios = fw_session_get_shown (session, &n_shown);

  if (fw_window_is_busy (window) || fw_session_get_playing (session))
    return FALSE;
  for (guint i = 0; i < n_shown; i++)
    if (fw_projection_service_is_busy (service, shown_scenarios[i]) ||
        fw_projection_service_is_band_busy (service, shown_scenarios[i]))
      return FALSE;
  return TRUE;
}

/* Until the window shows what it will show: the file read, the impacts
 * and the band in, and then frames past the figures' easing, so the
 * idle work after the last change has run and every label says its
 * final word. */
static gboolean
wheel_drew (gpointer data)
{
  FwWheelView *wheel = data;
  guint64 *before = g_object_get_data (G_OBJECT (wheel), "frames-before");

  return fw_wheel_view_get_frames_drawn (wheel) > *before || !fw_wheel_view_is_ticking (wheel);
}

/* The wheel on show: the editor's, or presenting's own. */
static FwWheelView *
shown_wheel (FwWindow *window)
{
  if (fw_session_get_presenting (fw_window_get_session (window)))
    return FW_WHEEL_VIEW (fw_present_view_get_wheel (FW_PRESENT_VIEW (fw_window_get_present_view (window))));
  return FW_WHEEL_VIEW (fw_window_get_wheel (window));
}

static void
wait_for_numbers (FwWindow *window)
{
  FwWheelView *wheel = shown_wheel (window);
  guint64 before;

  g_assert_true (fw_test_wait_until (projection_settled, window));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window),
                                           FW_TWEEN_DURATION_US / G_TIME_SPAN_MILLISECOND + 50));
  /* Under load the turning wheel skips a frame's drawing until the main
   * loop has been idle (fw-idle-gate.h): its hub is the eased value's
   * last one drawn until it draws again, which it does while it turns
   * (at rest it drew its last frame already). */
  before = fw_wheel_view_get_frames_drawn (wheel);
  g_object_set_data (G_OBJECT (wheel), "frames-before", &before);
  g_assert_true (fw_test_wait_until (wheel_drew, wheel));
  g_object_set_data (G_OBJECT (wheel), "frames-before", NULL);
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
}

/* Whether the band's ends read as @low–@high, as the command line's
 * 10th and 90th percentiles. */
static void
assert_band (const char *band,
             JsonObject *row)
{
  g_autofree char *low = shown (cli_number (row, "customers_p10"));
  g_autofree char *high = shown (cli_number (row, "customers_p90"));
  g_autofree char *expected = g_strdup_printf ("%s–%s", low, high);

  g_assert_cmpstr (band, ==, expected);
}

/* The readout's values at @period (its first line: the current
 * scenario's), as the command line computes them there. */
static void
assert_readout_at (FwWindow   *window,
                   JsonNode   *run,
                   guint       period)
{
  /* Its first line: the compared scenarios' follow on lines of their
   * own ("Customers: ● Without friction 1,096 ● Baseline 1,073"). */
  g_auto(GStrv) lines = g_strsplit (readout_text (window), "\n", 2);
  const char *readout = lines[0];
  g_autofree char *title = g_strdup_printf ("Month %u ", period);
  g_autofree char *plain = plain_spaces (readout);
  JsonObject *row = cli_row (run, period);

  g_test_message ("readout: %s", readout);
  g_assert_true (g_str_has_prefix (plain, title));
  for (guint s = 0; s < G_N_ELEMENTS (SERIES); s++)
    {
      g_autofree char *band = NULL;
      /* As the readout names it, with its time frame ("New customers
       * per month"). */
      g_autofree char *caption = fw_chart_series_caption (SERIES[s].series, FW_PERIOD_MONTH);
      g_autofree char *value = readout_value (readout, caption, &band);
      g_autofree char *expected = shown (cli_number (row, SERIES[s].member));

      g_assert_cmpstr (value, ==, expected);
      if (band != NULL)
        assert_band (band, row);
    }
}

/* @wheel's referral label, hub and counts as painted, and its counts
 * and momentum as described to screen readers, against @row. */
static void
assert_wheel_agrees (FwWheelView      *wheel,
                     const FwScenario *scenario,
                     JsonObject       *row)
{
  const char *description = fw_wheel_view_get_description (wheel);
  JsonArray *counts = json_object_get_array_member (row, "stages");
  g_autofree char *referrals = shown (cli_number (row, "referrals"));
  g_autofree char *momentum = shown (cli_number (row, "momentum"));
  const char *label = fw_wheel_view_get_painted_referrals (wheel);
  g_autofree char *said_momentum = g_strdup_printf ("Momentum %s people per month.", momentum);
  g_autofree char *ending = g_strdup_printf (" %s/month", referrals);
  guint n_painted = 0;

  g_assert_nonnull (label);
  g_test_message ("wheel: %s; hub %s", label, fw_wheel_view_get_painted_momentum (wheel));
  /* "Referrals 154/month", or "Referral inflow 51/month" beside a
   * stage named "Referrals". */
  g_assert_true (g_str_has_suffix (label, ending));
  g_assert_cmpstr (fw_wheel_view_get_painted_momentum (wheel), ==, momentum);
  g_assert_nonnull (strstr (description, said_momentum));
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      double exact = json_array_get_double_element (counts, i);
      g_autofree char *count = shown (exact);
      g_autofree char *compact = fw_display_compact (exact);
      g_autofree char *said = g_strdup_printf ("%s %s", fw_scenario_get_stage (scenario, i)->name, count);
      const char *painted = fw_wheel_view_get_painted_count (wheel, i);

      g_assert_nonnull (strstr (description, said));
      /* On its arc, whole or short ("12.6k") as the wheel has room;
       * a wheel too small for a count writes none. */
      if (painted == NULL)
        continue;
      n_painted++;
      if (g_strcmp0 (painted, count) != 0)
        g_assert_cmpstr (painted, ==, compact);
    }
  g_assert_cmpuint (n_painted, >, 0);
}

/* Everything on show at the period shown agrees with @run. */
static void
assert_all_agree (FwWindow *window,
                  JsonNode *run)
{
  FwSession *session = fw_window_get_session (window);
  guint period = fw_session_get_period (session);
  JsonObject *row = cli_row (run, period);
  FwWheelView *wheel = FW_WHEEL_VIEW (fw_window_get_wheel (window));
  FwProjectionTable *table = FW_PROJECTION_TABLE (fw_chart_view_get_table (chart_view (window)));
  g_autoptr(FwProjectionRow) table_row = g_list_model_get_item (fw_projection_table_get_model (table), period);
  const char *spoken = fw_chart_canvas_get_value_text (canvas (window));
  const FwScenario *scenario = fw_session_get_scenario (session);

  g_test_message ("period %u: figures, readout, table, wheel against flywheel-cli", period);

  /* The figures panel and the readout, as written; the table exactly. */
  assert_readout_at (window, run, period);
  g_assert_nonnull (spoken);
  g_assert_nonnull (table_row);
  for (guint s = 0; s < G_N_ELEMENTS (SERIES); s++)
    {
      double exact = cli_number (row, SERIES[s].member);
      g_autofree char *expected = shown (exact);
      g_autofree char *caption = fw_chart_series_caption (SERIES[s].series, FW_PERIOD_MONTH);
      g_autofree char *said = spoken_value (spoken, caption);

      g_assert_cmpstr (figure_text (window, SERIES[s].figure_caption), ==, expected);
      g_assert_cmpstr (said, ==, expected);
      if (isnan (exact))
        g_assert_true (isnan (fw_projection_row_get_value (table_row, SERIES[s].series)));
      else
        g_assert_cmpfloat (fw_projection_row_get_value (table_row, SERIES[s].series), ==, exact);
    }

  assert_wheel_agrees (wheel, scenario, row);

  /* The horizon's figures: customers at its end, and the totals. */
  {
    JsonObject *summary = json_object_get_object_member (json_node_get_object (run), "summary");
    g_autofree char *end = shown (cli_number (summary, "customers_end"));
    g_autofree char *caption = g_strdup_printf ("Customers after %u months",
                                                fw_document_get_project (fw_window_get_document (window))->horizon);

    g_assert_cmpstr (figure_text (window, caption), ==, end);

    /* "Total over 24 months: 4,817" under new customers, then churn. */
    for (guint k = 0; k < 2; k++)
      {
        GtkWidget *tile = gtk_widget_get_parent (fw_test_find (GTK_WIDGET (window), is_caption,
                                                               k == 0 ? "New customers" : "Churn"));
        GtkWidget *total = gtk_widget_get_last_child (tile);
        g_autofree char *sum = shown (cli_number (summary, k == 0 ? "total_new_customers" : "total_churn"));
        /* (A no-break space: the number wraps with its words.) */
        g_autofree char *ending = g_strdup_printf (":\u00a0%s", sum);

        g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (total)), "Total over "));
        g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (total)), ending));
      }
  }
}

/* Compared, the readout's second line gives every scenario on show's
 * customers at the period shown ("Customers:  ● Without friction 1,096
 * ● Baseline 1,073"): each as `simulate` of that scenario says. */
static void
assert_compared (Fixture  *fixture,
                 FwWindow *window)
{
  FwSession *session = fw_window_get_session (window);
  g_autofree char *path = write_project (fixture, window);
  g_autofree char *plain = plain_spaces (readout_text (window));
  const char *line = strchr (plain, '\n');
  guint n_shown;
  const guint *on_show = fw_session_get_shown (session, &n_shown);

  if (n_shown < 2)
    return;
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line + 1, "Customers:"));
  for (guint i = 0; i < n_shown; i++)
    {
      const char *name = fw_document_get_scenario (fw_window_get_document (window), on_show[i])->name;
      const char *args[] = { "simulate", "--format", "json", "--scenario", name, path, NULL };
      g_autoptr(JsonNode) run = run_cli (fixture, args);
      g_autofree char *customers = shown (cli_number (cli_row (run, fw_session_get_period (session)), "customers"));
      g_autofree char *expected = g_strdup_printf (" %s %s", name, customers);
      const char *at = strstr (line, expected);

      g_assert_nonnull (at);
      g_assert_true (at[strlen (expected)] == '\0' || at[strlen (expected)] == ' ');
    }
}

/* The window's numbers now, against the command line's run of the
 * project it holds. */
static void
check (Fixture    *fixture,
       FwWindow   *window,
       const char *when)
{
  g_autoptr(JsonNode) run = NULL;

  g_test_message ("%s", when);
  wait_for_numbers (window);
  run = simulate (fixture, window);
  assert_all_agree (window, run);
  assert_compared (fixture, window);
}

/* A project of @name with two scenarios, each with spreads (a band,
 * worked out off the main loop), the first with 200 points more over a
 * horizon of @horizon (beyond the main loop's budget at 3000: its
 * impacts are worked out off it too). */
static char *
write_two_scenarios (Fixture    *fixture,
                     const char *name,
                     guint       horizon)
{
  g_autofree char *template = fw_test_write_template (fixture->dir, "sales-cycle", "template.flywheel");
  const char *args[] = { "dump", template, NULL };
  g_autoptr(JsonNode) project = run_cli (fixture, args);
  JsonObject *root = json_node_get_object (project);
  JsonArray *scenarios = json_object_get_array_member (root, "scenarios");
  JsonObject *first = json_array_get_object_element (scenarios, 0);
  JsonArray *points = json_object_get_array_member (first, "points");
  JsonNode *copy;
  JsonObject *second;
  JsonObject *spreads = json_object_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = g_build_filename (fixture->dir, "project.json", NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  json_object_set_int_member (root, "horizon", horizon);
  json_object_set_double_member (spreads, "advance", 0.2);
  json_object_set_double_member (spreads, "loss", 0.2);
  json_object_set_double_member (spreads, "referral", 0.3);
  json_object_set_double_member (spreads, "inflow", 0.1);
  json_object_set_object_member (first, "uncertainty", spreads);

  /* A deep copy (json_node_copy () shares the object). */
  {
    g_autofree char *text = json_to_string (json_array_get_element (scenarios, 0), FALSE);

    copy = json_from_string (text, &error);
    g_assert_no_error (error);
  }
  second = json_node_get_object (copy);
  json_object_set_string_member (second, "name", "Without friction");
  json_object_set_double_member (second, "inflow", 650);
  json_array_add_element (scenarios, copy);

  for (guint k = 0; k < 200; k++)
    {
      JsonObject *point = json_object_new ();
      g_autofree char *point_name = g_strdup_printf ("Point %u", k);

      json_object_set_string_member (point, "name", point_name);
      json_object_set_double_member (point, "angle", fmod (k * 1.7, 360.0));
      json_object_set_double_member (point, "conversion", -0.001);
      json_object_set_double_member (point, "referral", 0.001);
      json_array_add_object_element (points, point);
    }

  json_generator_set_root (generator, project);
  g_assert_true (json_generator_to_file (generator, json, &error));
  g_assert_no_error (error);
  {
    const char *import[] = { "import", json, path, NULL };

    g_free (cli_output (fixture, import));
  }
  return path;
}

/* Tests ------------------------------------------------------------------- */

/* The real pointer over the chart, @fraction of the way across it;
 * where it is, in the canvas's coordinates. */
static double
pointer_to_chart (FwWindow *window,
                  double    fraction)
{
  GtkWidget *widget = GTK_WIDGET (canvas (window));
  double x = round (gtk_widget_get_width (widget) * fraction);
  int wx, wy;

  fw_test_window_point (widget, x, round (gtk_widget_get_height (widget) * 0.6), &wx, &wy);
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mousemove --window %%lu %d %d", wx - 3, wy);
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mousemove --window %%lu %d %d", wx, wy);
  return x;
}

/* The real pointer over the wheel's corner, off the chart. */
static void
pointer_away (FwWindow *window)
{
  int wx, wy;

  fw_test_window_point (fw_window_get_wheel (window), 5, 5, &wx, &wy);
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mousemove --window %%lu %d %d", wx, wy);
}

/* The canvas has no focus: a readout period is the pointer's. */
static gboolean
hovering (gpointer data)
{
  return fw_chart_canvas_get_readout (data) >= 0;
}

static gboolean
not_hovering (gpointer data)
{
  return fw_chart_canvas_get_readout (data) < 0;
}

/* A file opened into an untouched window (the new project it started
 * with replaced), with the pointer resting on the chart as the file
 * comes: the readout says the period shown, as the figures do, not the
 * template's period that was under the pointer; once the pointer moves,
 * the file's period under it, with the file's values there; away from
 * the chart, the period shown again. The file's impacts and band arrive
 * off the main loop, after its figures. */
static void
test_open_into_untouched (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_two_scenarios (fixture, "Opened.flywheel", 3000);
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwChartCanvas *chart = canvas (window);
  g_autoptr(JsonNode) run = NULL;
  double pointer_x;
  int hovered;

  g_assert_true (fw_window_is_pristine (window));
  /* The template's month 12 or so under the pointer. */
  pointer_to_chart (window, 0.5);
  g_assert_true (fw_test_wait_until (hovering, chart));
  hovered = fw_chart_canvas_get_readout (chart);
  g_test_message ("the template's period %d under the pointer", hovered);
  g_assert_cmpint (hovered, <=, 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path));
  wait_for_numbers (window);
  g_assert_cmpstr (fw_session_get_scenario (fw_window_get_session (window))->name, ==, "Baseline");
  g_assert_cmpuint (fw_document_get_project (fw_window_get_document (window))->horizon, ==, 3000);

  /* The template's period under the pointer is no period of the file:
   * the readout says the period shown, as the figures do (it used to
   * keep saying the template's month 11, of the file). */
  g_assert_cmpint (fw_chart_canvas_get_readout (chart), ==, -1);
  check (fixture, window, "the file opened, the pointer still on the chart");

  /* The pointer moving on: the file's period under it (a period is a
   * fifth of a pixel wide), with the file's values there. */
  pointer_x = pointer_to_chart (window, 0.6);
  g_assert_true (fw_test_wait_until (hovering, chart));
  wait_for_numbers (window);
  hovered = fw_chart_canvas_get_readout (chart);
  g_test_message ("the file's period %d under the pointer", hovered);
  g_assert_cmpint (hovered, >, 24);
  g_assert_cmpfloat (fabs (fw_chart_canvas_get_readout_x (chart) - pointer_x), <=, 1.0);
  g_clear_pointer (&run, json_node_unref);
  run = simulate (fixture, window);
  assert_readout_at (window, run, (guint) hovered);

  /* Away from the chart: the period shown again. */
  pointer_away (window);
  g_assert_true (fw_test_wait_until (not_hovering, chart));
  check (fixture, window, "the pointer away");
  fw_test_window_close (window);
}

static void
activate (FwWindow   *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

/* The Compare page's table against `flywheel-cli compare`: each
 * scenario on show, each summary figure as the window writes it. */
static void
check_compare (Fixture  *fixture,
               FwWindow *window)
{
  FwComparePanel *panel = FW_COMPARE_PANEL (fw_test_find_type (GTK_WIDGET (window), FW_TYPE_COMPARE_PANEL));
  g_autofree char *path = write_project (fixture, window);
  const char *args[] = { "compare", "--format", "json", path, NULL };
  g_autoptr(JsonNode) summaries = run_cli (fixture, args);
  JsonArray *array = json_node_get_array (summaries);
  g_autofree char *text = fw_compare_panel_get_text (panel);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) names = g_strsplit (lines[0], "\t", -1);
  static const struct { const char *caption; const char *member; } ROWS[] = {
    { "Customers after", "customers_end" },
    { "New customers over", "total_new_customers" },
    { "Churn over", "total_churn" },
    { "Referral inflow over", "total_referrals" },
    { "Customers it settles at", "steady_customers" },
    { "Loop gain", "loop_gain" },
  };

  g_test_message ("compare:\n%s", text);
  for (guint c = 1; names[c] != NULL; c++)
    {
      JsonObject *summary = NULL;

      for (guint k = 0; k < json_array_get_length (array); k++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, k), "scenario"),
                       names[c]) == 0)
          summary = json_array_get_object_element (array, k);
      g_assert_nonnull (summary);

      for (guint r = 0; r < G_N_ELEMENTS (ROWS); r++)
        for (guint l = 1; lines[l] != NULL; l++)
          {
            g_auto(GStrv) cells = g_strsplit (lines[l], "\t", -1);
            g_autofree char *expected = NULL;
            double value;

            if (cells[0] == NULL || !g_str_has_prefix (cells[0], ROWS[r].caption))
              continue;
            value = cli_number (summary, ROWS[r].member);
            if (g_str_equal (ROWS[r].member, "loop_gain"))
              expected = fw_display_gain (value);
            else
              expected = isnan (value) ? g_strdup ("—") : shown (value);
            /* The value, then the difference from the first, if any. */
            g_assert_true (g_strv_length (cells) > c);
            g_assert_true (g_str_has_prefix (cells[c], expected));
            g_assert_true (cells[c][strlen (expected)] == '\0' || cells[c][strlen (expected)] == ' ');
          }
    }
}

/* Presenting: its own wheel and its figures beside it, at the period
 * shown, against `simulate`. */
static void
check_presenting (Fixture    *fixture,
                  FwWindow   *window,
                  const char *when)
{
  FwSession *session = fw_window_get_session (window);
  FwPresentView *present = FW_PRESENT_VIEW (fw_window_get_present_view (window));
  g_autoptr(JsonNode) run = NULL;
  g_autofree char *words = NULL;
  JsonObject *row;

  g_test_message ("presenting, %s", when);
  g_assert_true (fw_session_get_presenting (session));
  wait_for_numbers (window);
  run = simulate (fixture, window);
  row = cli_row (run, fw_session_get_period (session));
  assert_wheel_agrees (shown_wheel (window), fw_session_get_scenario (session), row);
  words = fw_present_view_dup_figures_words (present);
  g_test_message ("card: %s", words);
  for (guint s = 0; s < 4; s++)
    {
      g_autofree char *value = shown (cli_number (row, SERIES[s].member));
      g_autofree char *item = g_strdup_printf (" %s%s: %s.", SERIES[s].figure_caption,
                                               s == 0 ? "" : " per month", value);

      g_assert_nonnull (strstr (words, item));
    }
}

/* The same after every kind of change that replaces what is on show:
 * another scenario, an edit and its undo, another horizon, the periods
 * moved, scenarios compared; the Compare page with `compare`. */
static void
test_changes_agree (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_two_scenarios (fixture, "Changes.flywheel", 60);
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwSession *session = fw_window_get_session (window);
  FwDocument *document;
  g_autoptr(GError) error = NULL;

  activate (window, "win.open-file", g_variant_new_string (path));
  wait_for_numbers (window);
  document = fw_window_get_document (window);
  fw_session_set_period (session, 7);
  check (fixture, window, "opened, period 7");

  activate (window, "scenario.switch", g_variant_new_uint32 (1));
  check (fixture, window, "the other scenario");

  g_assert_true (fw_document_set_inflow (document, 1, 900, &error));
  g_assert_no_error (error);
  check (fixture, window, "its inflow edited");
  activate (window, "win.undo", NULL);
  check (fixture, window, "the edit undone");

  activate (window, "scenario.switch", g_variant_new_uint32 (0));
  check (fixture, window, "back to the first");

  /* Another horizon typed with the pointer resting on the chart: the
   * readout is of the period under it in the new chart. */
  {
    FwChartCanvas *chart = canvas (window);
    double pointer_x = pointer_to_chart (window, 0.7);
    g_autoptr(JsonNode) run = NULL;
    int hovered;

    g_assert_true (fw_test_wait_until (hovering, chart));
    g_assert_true (fw_document_set_horizon (document, 36, &error));
    g_assert_no_error (error);
    wait_for_numbers (window);
    hovered = fw_chart_canvas_get_readout (chart);
    g_test_message ("period %d under the pointer at 36 months", hovered);
    /* Within half a period of the pointer (a period is narrower than
     * the canvas over 36). */
    g_assert_cmpfloat (fabs (fw_chart_canvas_get_readout_x (chart) - pointer_x), <=,
                       gtk_widget_get_width (GTK_WIDGET (chart)) / 72.0 + 1.0);
    run = simulate (fixture, window);
    assert_readout_at (window, run, (guint) hovered);
    pointer_away (window);
    g_assert_true (fw_test_wait_until (not_hovering, chart));
  }
  fw_session_set_period (session, 36);
  check (fixture, window, "a longer horizon, its end");
  g_assert_true (fw_document_set_horizon (document, 12, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_session_get_period (session), ==, 12);
  check (fixture, window, "a shorter one: the period shown ends there");
  activate (window, "win.undo", NULL);
  check (fixture, window, "the horizon undone");

  activate (window, "scenario.compare", g_variant_new ("(ub)", 1, TRUE));
  fw_session_set_period (session, 20);
  check (fixture, window, "two scenarios compared");
  check_compare (fixture, window);
  activate (window, "scenario.switch", g_variant_new_uint32 (1));
  activate (window, "scenario.compare", g_variant_new ("(ub)", 0, TRUE));
  check (fixture, window, "compared, the other one current");
  check_compare (fixture, window);

  fw_test_window_close (window);
}

static gboolean
reached (gpointer data)
{
  FwSession *session = fw_window_get_session (data);
  guint *target = g_object_get_data (data, "target");

  return fw_session_get_period (session) >= *target || !fw_session_get_playing (session);
}

static gboolean
at_target (gpointer data)
{
  guint *target = g_object_get_data (data, "target");

  return fw_session_get_period (fw_window_get_session (data)) == *target;
}

/* Played, paused between periods, stepped with the actions (Alt+arrows)
 * and the chart's own arrows, stopped by itself at H: at each period
 * where playback rests, the wheel's referral label, the figures'
 * referral inflow, the readout's and `simulate`'s are one number, and
 * so is everything else on show. (Stopped at H, the wheel kept the last
 * eased value it had written: "Referrals 376/month" beside the figures'
 * 381.) */
static void
test_paused_periods_agree (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "attract-engage-delight", "Play.flywheel");
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwSession *session = fw_window_get_session (window);
  static const guint targets[] = { 3, 8, 9, 15 };
  guint target;

  activate (window, "win.open-file", g_variant_new_string (path));
  wait_for_numbers (window);
  g_object_set_data (G_OBJECT (window), "target", &target);

  /* Paused at a few periods, at several speeds: between two periods,
   * back on the whole one. */
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *when = NULL;

      target = targets[i];
      fw_session_set_speed (session, 2 + i);
      activate (window, "win.play-pause", NULL);
      g_assert_true (fw_test_wait_until (reached, window));
      activate (window, "win.play-pause", NULL);
      when = g_strdup_printf ("paused at %u", fw_session_get_period (session));
      check (fixture, window, when);
    }

  /* Stepped: the actions, then the chart's arrows. */
  activate (window, "win.step-forward", NULL);
  check (fixture, window, "a step on");
  activate (window, "win.step-back", NULL);
  activate (window, "win.step-back", NULL);
  check (fixture, window, "two steps back");
  gtk_widget_grab_focus (GTK_WIDGET (canvas (window)));
  target = fw_session_get_period (session) + 1;
  fw_test_xdotool (GTK_WINDOW (window), "xdotool key --window %%lu Right");
  g_assert_true (fw_test_wait_until (at_target, window));
  check (fixture, window, "the chart's arrow");
  gtk_widget_grab_focus (fw_window_get_wheel (window));

  /* Played to the end: it stops at H by itself. */
  target = G_MAXUINT;
  fw_session_set_speed (session, FW_SESSION_MAX_SPEED);
  activate (window, "win.play-pause", NULL);
  g_assert_true (fw_test_wait_until (reached, window));
  g_assert_cmpuint (fw_session_get_period (session), ==,
                    fw_document_get_project (fw_window_get_document (window))->horizon);
  check (fixture, window, "stopped at the horizon");

  /* Presenting (F5), where the room reads them: the same, at H, a step
   * back, and stopped at H again. */
  activate (window, "win.present-start", NULL);
  check_presenting (fixture, window, "at the horizon");
  activate (window, "win.step-back", NULL);
  check_presenting (fixture, window, "a step back");
  fw_session_set_speed (session, FW_SESSION_MAX_SPEED);
  activate (window, "win.go-to-start", NULL);
  activate (window, "win.play-pause", NULL);
  g_assert_true (fw_test_wait_until (reached, window));
  check_presenting (fixture, window, "played to the horizon");
  fw_session_set_presenting (session, FALSE);

  fw_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);

#define ADD(path, func) \
  g_test_add ("/window/numbers/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("open-into-untouched", test_open_into_untouched);
  ADD ("changes-agree", test_changes_agree);
  ADD ("paused-periods-agree", test_paused_periods_agree);

  return g_test_run ();
}
