/* test-chart-view.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart-view"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fw-band.h"
#include "fw-chart-canvas.h"
#include "fw-chart-layout.h"
#include "fw-chart-view.h"
#include "fw-display-number.h"
#include "fw-test-window.h"
#include "fw-projection-rows.h"
#include "fw-projection-table.h"
#include "fw-renderer-choice.h"
#include "fw-session.h"
#include "fw-settings.h"
#include "fw-templates.h"
#include "fw-window.h"
#include "fw-test-names.h"

/* The projection under the wheel on a private display
 * (tests/with-display.py): series switched, values read out under the
 * real pointer (xdotool), the marker following the session's period and
 * setting it, the table's rows equal to the projection, scenarios
 * overlaid, and the pane collapsed and remembered in a real window. */

typedef struct
{
  FwSession   *session;
  GtkWindow   *window;
  FwChartView *view;
  FwChartCanvas *canvas;
} Fixture;

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 100;
}

static guint
count_widgets (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* A project of the first template with @n_scenarios scenarios (copies
 * of the first with more marketing each) over @horizon periods. */
static FwSession *
make_session (guint                n_scenarios,
              guint                horizon,
              const FwUncertainty *spreads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  FwProject *project = fw_template_create ("attract-engage-delight", &error);

  g_assert_no_error (error);
  project->horizon = horizon;
  if (spreads != NULL)
    fw_project_get_scenario (project, 0)->uncertainty = *spreads;
  for (guint i = 1; i < n_scenarios; i++)
    {
      FwScenario *copy = fw_scenario_copy (fw_project_get_scenario (project, 0));

      g_free (copy->name);
      copy->name = g_strdup_printf ("More marketing %u", i);
      copy->inflow *= 1.0 + 0.5 * i;
      g_ptr_array_add (project->scenarios, copy);
    }
  document = fw_document_new (project);
  return fw_session_new (document);
}

static void
fixture_set_up_spread (Fixture             *fixture,
                       guint                n_scenarios,
                       guint                horizon,
                       const FwUncertainty *spreads)
{
  fixture->session = make_session (n_scenarios, horizon, spreads);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 640);
  fixture->view = FW_CHART_VIEW (fw_chart_view_new ());
  fw_chart_view_set_session (fixture->view, fixture->session);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  fixture->canvas = FW_CHART_CANVAS (fw_chart_view_get_canvas (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (fw_test_wait_until (is_drawn, fixture->canvas));
}

static void
fixture_set_up_with (Fixture *fixture,
                     guint    n_scenarios,
                     guint    horizon)
{
  fixture_set_up_spread (fixture, n_scenarios, horizon, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_with (fixture, 1, 24);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
}

/* Real input -------------------------------------------------------------- */

/* The plot's point at period @t, halfway up. */
static void
plot_point (FwChartCanvas *canvas,
            double         t,
            int           *wx,
            int           *wy)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  const FwChartLayout *layout = fw_chart_get_layout (fw_chart_canvas_get_chart (canvas),
                                                     gtk_widget_get_width (widget),
                                                     gtk_widget_get_height (widget));

  fw_test_window_point (widget, fw_chart_layout_x_of (layout, t), layout->plot_y + layout->plot_h / 2.0,
                wx, wy);
}

typedef struct
{
  FwChartCanvas *canvas;
  int            period;
} ReadoutWait;

static gboolean
readout_is (gpointer data)
{
  ReadoutWait *wait = data;

  return fw_chart_canvas_get_readout (wait->canvas) == wait->period;
}

typedef struct
{
  FwSession *session;
  guint      period;
} PeriodWait;

static gboolean
period_is (gpointer data)
{
  PeriodWait *wait = data;

  return fw_session_get_period (wait->session) == wait->period;
}

/* Tests --------------------------------------------------------------------- */

/* The Series menu's switches show and hide lines: the chart stops
 * drawing churn, the readout stops naming it, and back. */
static void
test_toggle_series (Fixture       *fixture,
                    gconstpointer  data)
{
  FwChart *chart = fw_chart_canvas_get_chart (fixture->canvas);
  GtkWidget *menu = fw_test_find_type (GTK_WIDGET (fixture->view), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu));
  GtkWidget *check = NULL;
  const char *churn = fw_chart_series_name (FW_CHART_CHURN);

  /* The switch named for churn, as a screen reader finds it (the menu
   * also holds the words under the band's switch). */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_popover_get_child (popover));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) &&
        g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), churn) == 0)
      check = child;
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture->view), churn));

  gtk_widget_activate (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (fw_chart_get_visible (chart) & FW_CHART_SERIES_BIT (FW_CHART_CHURN), ==, 0);
  g_assert_cmpuint (fw_chart_canvas_get_visible (fixture->canvas), ==,
                    FW_CHART_ALL_SERIES & ~FW_CHART_SERIES_BIT (FW_CHART_CHURN));
  g_assert_null (strstr (fw_chart_view_get_readout (fixture->view), churn));

  /* The canvas' own switch (its legend) reaches the menu too. */
  fw_chart_canvas_set_visible (fixture->canvas, FW_CHART_ALL_SERIES);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture->view), churn));
}

/* The pointer over the plot reads out that period's values, as the
 * projection has them; a click there makes it the period shown, and the
 * keyboard moves it on. */
static void
test_hover_and_click (Fixture       *fixture,
                      gconstpointer  data)
{
  const FwProjection *projection = fw_session_get_projection (fixture->session);
  const FwFigures *figures = fw_projection_get_figures (projection, 9);
  g_autofree char *customers = fw_display_count (figures->customers);
  g_autofree char *churn = fw_display_count (figures->churn);
  ReadoutWait hover = { fixture->canvas, 9 };
  PeriodWait clicked = { fixture->session, 9 }, stepped = { fixture->session, 10 };
  const char *readout;
  int x, y;

  g_assert_cmpint (fw_chart_canvas_get_readout (fixture->canvas), ==, -1);
  plot_point (fixture->canvas, 9, &x, &y);
  fw_test_xdotool (fixture->window, "xdotool mousemove --window %%lu %d %d", x, y);
  g_assert_true (fw_test_wait_until (readout_is, &hover));

  readout = fw_chart_view_get_readout (fixture->view);
  g_test_message ("readout: %s", readout);
  g_assert_true (g_str_has_prefix (readout, "Month 9"));
  g_assert_nonnull (strstr (readout, customers));
  g_assert_nonnull (strstr (readout, churn));
  /* A flow says per what; customers are a count at the period (user
   * review, C7). */
  g_assert_nonnull (strstr (readout, "Churn per month "));
  g_assert_nonnull (strstr (readout, "New customers per month "));
  g_assert_nonnull (strstr (readout, "Customers "));
  g_assert_null (strstr (readout, "Customers per month"));
  /* Hovering is looking, not choosing: the period shown stays. */
  g_assert_cmpuint (fw_session_get_period (fixture->session), ==, 0);

  fw_test_xdotool (fixture->window, "xdotool mousemove --window %%lu %d %d click 1", x, y);
  g_assert_true (fw_test_wait_until (period_is, &clicked));
  g_assert_cmpint (fw_chart_get_marker (fw_chart_canvas_get_chart (fixture->canvas)), ==, 9);

  /* The click gave the chart the keyboard focus; Right steps on. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));
  fw_test_xdotool (fixture->window, "xdotool key --window %%lu Right");
  g_assert_true (fw_test_wait_until (period_is, &stepped));

  /* Away from the plot, the readout goes back to the period shown. */
  fw_test_xdotool (fixture->window, "xdotool mousemove --window %%lu 2 2");
  hover.period = 10;  /* the focus is on the chart: its marker */
  g_assert_true (fw_test_wait_until (readout_is, &hover));
  g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), "Month 10"));
}

/* The marker follows the session's period, whoever sets it (playback,
 * the slider, the wheel), and the chart's accessible value with it;
 * while playing it eases with the position. */
static void
test_marker_follows (Fixture       *fixture,
                     gconstpointer  data)
{
  FwChart *chart = fw_chart_canvas_get_chart (fixture->canvas);

  g_assert_cmpint (fw_chart_get_marker (chart), ==, 0);
  fw_session_set_period (fixture->session, 17);
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 17);
  g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), "Month 17"));

  /* Playing, it glides between periods as the wheel's people do, its
   * label and the readout on the whole period; paused, back on it. */
  fw_session_set_speed (fixture->session, 1.0);
  fw_session_set_playing (fixture->session, TRUE);
  g_assert_true (fw_session_play_on (fixture->session, 0.5));
  g_assert_cmpfloat_with_epsilon (fw_chart_get_marker_position (chart), 17.5, 1e-9);
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 17);
  g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), "Month 17"));
  g_assert_true (fw_session_play_on (fixture->session, 0.75));
  g_assert_cmpfloat_with_epsilon (fw_chart_get_marker_position (chart), 18.25, 1e-9);
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 18);
  fw_session_set_playing (fixture->session, FALSE);
  g_assert_cmpfloat (fw_chart_get_marker_position (chart), ==, 18.0);

  fw_session_set_period (fixture->session, 24);
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 24);
}

/* Playing, the marker glides every frame but its label ("Month 17") is
 * painted into pixels once a period, then moved with the line: not laid
 * out, shaped and drawn again each frame. */
static void
test_marker_label_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  FwChart *chart = fw_chart_canvas_get_chart (fixture->canvas);
  guint painted;

  fw_session_set_period (fixture->session, 17);
  fw_session_set_speed (fixture->session, 1.0);
  fw_session_set_playing (fixture->session, TRUE);
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture->canvas), 0));
  painted = fw_chart_canvas_get_chips_painted (fixture->canvas);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_true (fw_session_play_on (fixture->session, 0.1));
      g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture->canvas), 0));
    }
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 17);
  g_assert_cmpuint (fw_chart_canvas_get_chips_painted (fixture->canvas), ==, painted);

  /* The next period: its label, once. */
  g_assert_true (fw_session_play_on (fixture->session, 0.3));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture->canvas), 0));
  g_assert_true (fw_session_play_on (fixture->session, 0.1));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture->canvas), 0));
  g_assert_cmpint (fw_chart_get_marker (chart), ==, 18);
  g_assert_cmpuint (fw_chart_canvas_get_chips_painted (fixture->canvas), ==, painted + 1);
  fw_session_set_playing (fixture->session, FALSE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* With one scenario the readout has no tooltip, and each new period
 * (every half second at the bench's speed) leaves it alone: GTK 4.8's
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is
 * and hides the tooltip window each time, even to set no tooltip again. */
static void
test_readout_tooltip_left_alone (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *readout;
  guint notified = 0;

  fw_session_set_period (fixture->session, 3);
  g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), "Month 3"));
  readout = fw_test_find (GTK_WIDGET (fixture->view), fw_test_is_label_with, "Month 3");
  g_assert_nonnull (readout);
  g_assert_null (gtk_widget_get_tooltip_text (readout));

  g_signal_connect (readout, "notify::tooltip-text", G_CALLBACK (count_notify), &notified);
  for (guint period = 4; period <= 8; period++)
    {
      g_autofree char *month = g_strdup_printf ("Month %u", period);

      fw_session_set_period (fixture->session, period);
      g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), month));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (readout)), month));
    }
  g_assert_cmpuint (notified, ==, 0);
  g_assert_null (gtk_widget_get_tooltip_text (readout));
  g_signal_handlers_disconnect_by_func (readout, count_notify, &notified);
}

/* The readout's least width is a few characters, not one: GTK 4.8
 * measures a wrapping label's least width by laying its text out at that
 * width, a character a line by default, again at every layout after its
 * text changed, and playing changes it at every period. The view gets
 * no wider for it, at any text size: its header needs more. */
static void
test_readout_least_width (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *readout;
  PangoFontMetrics *metrics;
  int digit, least = 0, header = 0;

  fw_session_set_period (fixture->session, 3);
  g_assert_true (g_str_has_prefix (fw_chart_view_get_readout (fixture->view), "Month 3"));
  readout = fw_test_find (GTK_WIDGET (fixture->view), fw_test_is_label_with, "Month 3");
  g_assert_nonnull (readout);

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (readout), NULL, NULL);
  digit = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  for (double scale = 1.0; scale <= 2.0; scale += 1.0)
    {
      fw_chart_view_set_text_scale (fixture->view, scale, 1.0);
      gtk_widget_measure (readout, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);
      gtk_widget_measure (fw_chart_view_get_header (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                          &header, NULL, NULL, NULL);
      g_test_message ("text scale %.0f: readout's least width %d px, header's %d px, a digit %d px",
                      scale, least, header, digit);
      g_assert_cmpint (least, >=, (FW_CHART_READOUT_LEAST_CHARS - 1) * digit);
      g_assert_cmpint (least, <=, header);
    }
}

/* The table's rows are the projection's, row for row. */
static void
test_table_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *rows = fw_projection_table_get_model (FW_PROJECTION_TABLE (fw_chart_view_get_table (fixture->view)));
  const FwProjection *projection = fw_session_get_projection (fixture->session);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 25);
  for (guint t = 0; t <= 24; t++)
    {
      g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, t);
      const FwFigures *figures = fw_projection_get_figures (projection, t);

      g_assert_cmpuint (fw_projection_row_get_period (row), ==, t);
      g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==, figures->customers);
      g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_NEW_CUSTOMERS), ==, figures->new_customers);
      g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CHURN), ==, figures->churn);
      g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_REFERRALS), ==, figures->referrals);
      g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_MOMENTUM), ==, figures->momentum);
    }

  /* An edit: the rows follow it. */
  {
    FwDocument *document = fw_session_get_document (fixture->session);
    g_autoptr(GError) error = NULL;
    g_autoptr(FwProjectionRow) row = NULL;

    g_assert_true (fw_document_set_inflow (document, 0, 2000, &error));
    g_assert_no_error (error);
    projection = fw_session_get_projection (fixture->session);
    row = g_list_model_get_item (rows, 24);
    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==,
                       fw_projection_get_figures (projection, 24)->customers);
  }
}

/* 100,000 periods: 100,001 rows, and only those on screen made into
 * widgets. */
static void
test_table_long (void)
{
  Fixture fixture;
  GtkWidget *table;
  GListModel *rows;
  g_autoptr(FwProjectionRow) last = NULL;

  fixture_set_up_with (&fixture, 1, 100000);
  fw_chart_view_set_page (fixture.view, "table");
  table = fw_chart_view_get_table (fixture.view);
  g_assert_true (fw_test_wait_until (is_drawn, table));
  rows = fw_projection_table_get_model (FW_PROJECTION_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 100001);
  last = g_list_model_get_item (rows, 100000);
  g_assert_cmpfloat (fw_projection_row_get_value (last, FW_CHART_CUSTOMERS), ==,
                     fw_projection_get_figures (fw_session_get_projection (fixture.session), 100000)->customers);
  /* GTK 4.8's column view keeps about 200 rows round those on screen
   * (six cells each): thousands of widgets, not 600,000. */
  g_assert_cmpuint (count_widgets (table), <, 5000);
  fixture_tear_down (&fixture, NULL);
}

/* Every scenario on show is drawn, the current one first. */
static void
test_compare (void)
{
  Fixture fixture;
  FwChartHover values;
  const FwChartLayout *layout;
  guint n_scenario_entries = 0;

  fixture_set_up_with (&fixture, 3, 24);
  fw_session_set_shown (fixture.session, (guint[]) { 2, 0 }, 2);
  g_assert_true (fw_chart_canvas_get_values (fixture.canvas, 24, &values));
  g_assert_cmpuint (values.n_scenarios, ==, 2);
  g_assert_cmpstr (fw_chart_canvas_get_scenario_name (fixture.canvas, 0), ==, "More marketing 2");
  g_assert_cmpstr (fw_chart_canvas_get_scenario_name (fixture.canvas, 1), ==, "Baseline");
  g_assert_cmpfloat (values.values[0][FW_CHART_CUSTOMERS], >, values.values[1][FW_CHART_CUSTOMERS]);

  layout = fw_chart_get_layout (fw_chart_canvas_get_chart (fixture.canvas),
                                gtk_widget_get_width (GTK_WIDGET (fixture.canvas)),
                                gtk_widget_get_height (GTK_WIDGET (fixture.canvas)));
  for (guint i = 0; i < layout->n_legend; i++)
    n_scenario_entries += layout->legend[i].kind == FW_CHART_LEGEND_SCENARIO;
  g_assert_cmpuint (n_scenario_entries, ==, 2);
  /* Both named in the readout. */
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), "More marketing 2"));
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), "Baseline"));
  fixture_tear_down (&fixture, NULL);
}

/* Five scenarios with long names (as a consultant names them) in a
 * projection area as short as the window gives it at 1920x1080: the
 * readout keeps to three lines (the values, then two that compare),
 * names shortened in their middle only as two lines need it, and all
 * of them whole in its tooltip; the legend keys every scenario; the
 * plot keeps the most of the area. */
static void
test_compare_long_names (void)
{
  const char *const *names = fw_test_consultant_names;
  Fixture fixture;
  GtkWidget *readout;
  const FwChartLayout *layout;
  PangoFontMetrics *metrics;
  const char *tooltip;
  double line;
  guint keyed = 0;

  fixture.session = make_session (5, 36, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fw_test_consultant_names); i++)
    g_assert_true (fw_document_rename_scenario (fw_session_get_document (fixture.session), i, names[i], NULL));
  fw_session_set_shown (fixture.session, (guint[]) { 0, 1, 2, 3, 4 }, 5);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 1200, 300);
  fixture.view = FW_CHART_VIEW (fw_chart_view_new ());
  fw_chart_view_set_session (fixture.view, fixture.session);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  fixture.canvas = FW_CHART_CANVAS (fw_chart_view_get_canvas (fixture.view));
  gtk_window_present (fixture.window);
  g_assert_true (fw_test_wait_until (is_drawn, fixture.canvas));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture.canvas), 0));

  /* The readout: the label under the header, two lines high. */
  readout = fw_test_find_shown (GTK_WIDGET (fixture.view), fw_test_is_label_with, "Month ");
  g_assert_nonnull (readout);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (readout), NULL, NULL);
  line = pango_font_metrics_get_height (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  g_test_message ("readout %d px high, a line %g; canvas %d of %d", gtk_widget_get_height (readout), line,
                  gtk_widget_get_height (GTK_WIDGET (fixture.canvas)), gtk_widget_get_height (GTK_WIDGET (fixture.view)));
  g_assert_cmpfloat (gtk_widget_get_height (readout), <=, line * 3 + 8);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (readout))), ==, 3);
  /* Each named; whole in the tooltip. */
  g_test_message ("readout: %s", fw_chart_view_get_readout (fixture.view));
  for (guint i = 0; i < G_N_ELEMENTS (fw_test_consultant_names); i++)
    {
      g_autofree char *start = g_strndup (names[i], 5);

      g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), start));
    }
  /* At this width two lines hold them whole. */
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), names[1]));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (readout))));
  tooltip = gtk_widget_get_tooltip_text (readout);
  g_assert_nonnull (tooltip);
  for (guint i = 0; i < G_N_ELEMENTS (fw_test_consultant_names); i++)
    g_assert_nonnull (strstr (tooltip, names[i]));

  layout = fw_chart_get_layout (fw_chart_canvas_get_chart (fixture.canvas),
                                gtk_widget_get_width (GTK_WIDGET (fixture.canvas)),
                                gtk_widget_get_height (GTK_WIDGET (fixture.canvas)));
  for (guint i = 0; i < layout->n_legend; i++)
    keyed += layout->legend[i].kind == FW_CHART_LEGEND_SCENARIO;
  g_test_message ("plot %g px high of %d", layout->plot_h, gtk_widget_get_height (GTK_WIDGET (fixture.view)));
  g_assert_cmpuint (keyed, ==, 5);
  g_assert_cmpfloat (layout->plot_h, >=, gtk_widget_get_height (GTK_WIDGET (fixture.view)) * 0.35);

  /* The table's scenario list (a page of the same stack) does not make
   * the projection wider than the editor's column at 1280x720 (about
   * 600 px beside the side panes) with a 78-character name in it. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (fixture.view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_test_message ("the projection at least %d px wide", minimum);
    g_assert_cmpint (minimum, <=, 560);
  }
  fixture_tear_down (&fixture, NULL);
}

/* The client's three scenarios compared in the projection as wide as
 * the window gives it at 1440x900 (R5-08: the readout cut them to
 * "Today (as me…ured in Q3)" with room to wrap): the readout names each
 * whole, after a swatch of the colour its lines are drawn in, a
 * different one each; the legend keys each whole. */
static void
test_compare_client_names (void)
{
  static const char *const names[] = { "Today (as measured in Q3)", "Faster quotes",
                                        "Faster quotes + transparent pricing page" };
  Fixture fixture;
  GtkWidget *readout;
  const FwChartLayout *layout;
  const char *markup;
  guint keyed = 0;

  fixture.session = make_session (3, 36, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (fw_document_rename_scenario (fw_session_get_document (fixture.session), i, names[i], NULL));
  fw_session_set_shown (fixture.session, (guint[]) { 0, 1, 2 }, 3);
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 720, 330);
  fixture.view = FW_CHART_VIEW (fw_chart_view_new ());
  fw_chart_view_set_session (fixture.view, fixture.session);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  fixture.canvas = FW_CHART_CANVAS (fw_chart_view_get_canvas (fixture.view));
  gtk_window_present (fixture.window);
  g_assert_true (fw_test_wait_until (is_drawn, fixture.canvas));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture.canvas), 0));

  readout = fw_test_find_shown (GTK_WIDGET (fixture.view), fw_test_is_label_with, "Month ");
  g_assert_nonnull (readout);
  g_test_message ("readout: %s", fw_chart_view_get_readout (fixture.view));
  markup = gtk_label_get_label (GTK_LABEL (readout));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      double rgb[3];
      g_autofree char *swatch = NULL;
      g_autofree char *escaped = g_markup_escape_text (names[i], -1);

      g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), names[i]));
      /* Shown, not cut by the label's own ellipsis either. */
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (readout)), names[i]));
      fw_chart_scenario_color (fw_chart_canvas_get_chart (fixture.canvas), i, rgb);
      swatch = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>\u00a0%s%s",
                                (guint) lround (rgb[0] * 255), (guint) lround (rgb[1] * 255),
                                (guint) lround (rgb[2] * 255), i == 0 ? "<b>" : "", escaped);
      g_assert_nonnull (strstr (markup, swatch));
    }
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (readout))));

  layout = fw_chart_get_layout (fw_chart_canvas_get_chart (fixture.canvas),
                                gtk_widget_get_width (GTK_WIDGET (fixture.canvas)),
                                gtk_widget_get_height (GTK_WIDGET (fixture.canvas)));
  for (guint i = 0; i < layout->n_legend; i++)
    if (layout->legend[i].kind == FW_CHART_LEGEND_SCENARIO)
      {
        g_assert_false (layout->legend[i].cut);
        keyed++;
      }
  g_assert_cmpuint (keyed, ==, 3);
  fixture_tear_down (&fixture, NULL);
}

/* Compared, the table reads one scenario on show at a time, the
 * current one first; a "Scenario" list chooses another, and the rows,
 * the caption and the table's description follow it. */
static void
test_table_compare (void)
{
  Fixture fixture;
  FwProjectionTable *table;
  GtkWidget *chooser;
  GListModel *rows;
  FwProjectionService *service;

  fixture_set_up_with (&fixture, 3, 24);
  table = FW_PROJECTION_TABLE (fw_chart_view_get_table (fixture.view));
  chooser = fw_projection_table_get_chooser (table);
  rows = fw_projection_table_get_model (table);
  fw_chart_view_set_page (fixture.view, "table");
  g_assert_true (fw_test_wait_until (is_drawn, GTK_WIDGET (table)));
  /* One scenario on show: nothing to choose. */
  g_assert_false (gtk_widget_is_visible (chooser));

  fw_session_set_shown (fixture.session, (guint[]) { 0, 2 }, 2);
  service = fw_session_get_projections (fixture.session);
  g_assert_true (gtk_widget_is_visible (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (chooser))), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (chooser)), ==, 0);
  {
    g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, 24);

    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==,
                       fw_projection_get_figures (fw_projection_service_get (service, 0), 24)->customers);
  }

  /* The second scenario compared: its rows. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), 1);
  {
    g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, 24);
    const FwFigures *figures = fw_projection_get_figures (fw_projection_service_get (service, 2), 24);

    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==, figures->customers);
    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CHURN), ==, figures->churn);
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (table))))),
                            "More marketing 2"));

  /* An edit of that scenario: its rows follow. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FwProjectionRow) row = NULL;

    g_assert_true (fw_document_set_inflow (fw_session_get_document (fixture.session), 2, 5000, &error));
    g_assert_no_error (error);
    row = g_list_model_get_item (rows, 24);
    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==,
                       fw_projection_get_figures (fw_projection_service_get (service, 2), 24)->customers);
  }

  /* Back to one on show: the current scenario's rows, nothing to choose. */
  fw_session_set_shown (fixture.session, (guint[]) { 0 }, 1);
  g_assert_false (gtk_widget_is_visible (chooser));
  {
    g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, 24);

    g_assert_cmpfloat (fw_projection_row_get_value (row, FW_CHART_CUSTOMERS), ==,
                       fw_projection_get_figures (fw_session_get_projection (fixture.session), 24)->customers);
  }
  fixture_tear_down (&fixture, NULL);
}

/* A scenario with spreads: its band is drawn once the projection
 * service has worked it out (off the main loop), read out, and switched
 * off and on like a series. */
static gboolean
has_band (gpointer data)
{
  return fw_chart_canvas_has_band (data);
}

static void
test_band (void)
{
  Fixture fixture;
  FwChartHover values;
  FwBand *band;
  FwUncertainty spreads = { 0.2, 0.2, 0.3, 0.1 };

  fixture_set_up_spread (&fixture, 1, 24, &spreads);
  g_assert_true (fw_test_wait_until (has_band, fixture.canvas));

  band = fw_projection_service_get_band (fw_session_get_projections (fixture.session), 0);
  g_assert_nonnull (band);
  g_assert_true (fw_chart_canvas_get_values (fixture.canvas, 12, &values));
  g_assert_cmpfloat (values.band[0][0], ==, fw_band_get_customers (band, FW_BAND_P10)[12]);
  g_assert_cmpfloat (values.band[0][2], ==, fw_band_get_customers (band, FW_BAND_P90)[12]);
  g_assert_cmpfloat (values.band[0][0], <, values.band[0][2]);
  fw_session_set_period (fixture.session, 12);
  g_assert_nonnull (strstr (fw_chart_view_get_readout (fixture.view), "likely"));
  /* Today is known exactly: no "likely 1,500–1,500". */
  g_assert_true (fw_chart_view_band_is_point (values.band[0][0], values.band[0][0]));
  fw_session_set_period (fixture.session, 0);
  g_assert_null (strstr (fw_chart_view_get_readout (fixture.view), "likely"));
  fw_session_set_period (fixture.session, 12);

  fw_chart_canvas_set_band_shown (fixture.canvas, FALSE);
  g_assert_true (fw_chart_canvas_get_values (fixture.canvas, 12, &values));
  g_assert_true (isnan (values.band[0][0]));
  g_assert_null (strstr (fw_chart_view_get_readout (fixture.view), "likely"));
  fixture_tear_down (&fixture, NULL);
}

static gboolean
table_has_band (gpointer data)
{
  return fw_projection_rows_has_band (FW_PROJECTION_ROWS (data));
}

/* Whether the table's header shows a column titled @title. */
static gboolean
shows_column (GtkWidget  *table,
              const char *title)
{
  GtkWidget *label = fw_test_find_label_reading (table, title);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* The band the chart draws is in the table too, beside the customers
 * (R5-14): "likely from" and "likely to", the 10th and 90th percentiles
 * as the chart's, while the chart shows the band; no such columns for a
 * scenario without spreads. */
static void
test_table_band (void)
{
  Fixture fixture;
  FwUncertainty spreads = { 0.2, 0.2, 0.3, 0.1 };
  GtkWidget *table;
  GListModel *rows;
  FwBand *band;

  fixture_set_up_spread (&fixture, 1, 24, &spreads);
  fw_chart_view_set_page (fixture.view, "table");
  table = fw_chart_view_get_table (fixture.view);
  rows = fw_projection_table_get_model (FW_PROJECTION_TABLE (table));
  g_assert_true (fw_test_wait_until (table_has_band, rows));
  g_assert_true (fw_test_wait_until (is_drawn, table));
  band = fw_projection_service_get_band (fw_session_get_projections (fixture.session), 0);
  g_assert_nonnull (band);
  for (guint t = 0; t <= 24; t += 12)
    {
      g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, t);

      g_assert_cmpfloat (fw_projection_row_get_likely (row, FW_BAND_P10), ==,
                         fw_band_get_customers (band, FW_BAND_P10)[t]);
      g_assert_cmpfloat (fw_projection_row_get_likely (row, FW_BAND_P90), ==,
                         fw_band_get_customers (band, FW_BAND_P90)[t]);
    }
  g_assert_true (shows_column (table, "Likely\nfrom"));
  g_assert_true (shows_column (table, "Likely\nto"));

  /* The chart's band switched off (Series), the table leaves the band
   * out too: it says what the chart shows. On again, back. */
  fw_chart_canvas_set_band_shown (fixture.canvas, FALSE);
  g_assert_true (fw_test_wait_frames_past (table, 1));
  g_assert_false (shows_column (table, "Likely\nfrom"));
  g_assert_false (shows_column (table, "Likely\nto"));
  g_assert_true (shows_column (table, "Customers"));
  fw_chart_canvas_set_band_shown (fixture.canvas, TRUE);
  g_assert_true (fw_test_wait_frames_past (table, 1));
  g_assert_true (shows_column (table, "Likely\nfrom"));
  fixture_tear_down (&fixture, NULL);

  fixture_set_up_with (&fixture, 1, 24);
  fw_chart_view_set_page (fixture.view, "table");
  table = fw_chart_view_get_table (fixture.view);
  g_assert_true (fw_test_wait_until (is_drawn, table));
  rows = fw_projection_table_get_model (FW_PROJECTION_TABLE (table));
  g_assert_false (fw_projection_rows_has_band (FW_PROJECTION_ROWS (rows)));
  {
    g_autoptr(FwProjectionRow) row = g_list_model_get_item (rows, 12);

    g_assert_true (isnan (fw_projection_row_get_likely (row, FW_BAND_P10)));
  }
  g_assert_true (shows_column (table, "Customers"));
  g_assert_false (shows_column (table, "Likely\nfrom"));
  g_assert_false (shows_column (table, "Likely\nto"));
  fixture_tear_down (&fixture, NULL);
}

static gboolean
has_no_band (gpointer data)
{
  return !fw_chart_canvas_has_band (data);
}

/* The band is that of the scenarios on show: showing a scenario without
 * spreads alone, after one with, leaves no band of the first on the
 * chart, and showing the first again brings it back; comparing both
 * overlays it. (fw_session_set_scenario_index(), the picker's switch,
 * replaces the scenario shown, so the one left takes its band with it.) */
static void
test_band_follows_scenario (void)
{
  Fixture fixture;
  FwChartHover values;
  FwUncertainty spreads = { 0.2, 0.2, 0.3, 0.1 };
  FwUncertainty none = { 0.0, 0.0, 0.0, 0.0 };
  guint both[] = { 0, 1 };

  fixture_set_up_spread (&fixture, 2, 24, &spreads);
  g_assert_true (fw_document_set_uncertainty (fw_session_get_document (fixture.session), 1, &none, NULL));
  g_assert_true (fw_test_wait_until (has_band, fixture.canvas));

  g_assert_null (fw_chart_view_get_band_hint (fixture.view));

  fw_session_set_shown (fixture.session, both + 1, 1);
  g_assert_true (fw_test_wait_until (has_no_band, fixture.canvas));
  /* The band's switch, greyed out, says what gives a band. */
  g_assert_nonnull (fw_chart_view_get_band_hint (fixture.view));
  g_assert_nonnull (strstr (fw_chart_view_get_band_hint (fixture.view), "Uncertainty"));
  g_assert_true (fw_chart_canvas_get_values (fixture.canvas, 12, &values));
  g_assert_true (isnan (values.band[0][0]));
  fw_session_set_period (fixture.session, 12);
  g_assert_null (strstr (fw_chart_view_get_readout (fixture.view), "likely"));

  fw_session_set_shown (fixture.session, both, 1);
  g_assert_true (fw_test_wait_until (has_band, fixture.canvas));
  g_assert_true (fw_chart_canvas_get_values (fixture.canvas, 12, &values));
  g_assert_false (isnan (values.band[0][0]));

  /* Compared, the plain scenario current: the other's band is overlaid. */
  both[0] = 1;
  both[1] = 0;
  fw_session_set_shown (fixture.session, both, 2);
  g_assert_true (fw_test_wait_until (has_band, fixture.canvas));
  fixture_tear_down (&fixture, NULL);
}

/* In the window: the projection under the wheel, collapsed to its
 * header and back to its height, and collapsed again in the next
 * window (GSettings). */
typedef struct
{
  GtkWidget *widget;
  int        below;
} HeightWait;

static gboolean
height_below (gpointer data)
{
  HeightWait *wait = data;

  return gtk_widget_get_height (wait->widget) > 0 && gtk_widget_get_height (wait->widget) < wait->below;
}

static gboolean
height_above (gpointer data)
{
  HeightWait *wait = data;

  return gtk_widget_get_height (wait->widget) > wait->below;
}

static void
test_window_pane (void)
{
  FwWindow *window = fw_window_new (NULL);
  GtkWidget *view, *wheel;
  HeightWait wait;
  int open_height;

  gtk_window_present (GTK_WINDOW (window));
  view = fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW);
  g_assert_nonnull (view);
  wheel = fw_window_get_wheel (window);
  g_assert_true (fw_test_wait_until (is_drawn, fw_chart_view_get_canvas (FW_CHART_VIEW (view))));
  /* The wheel above the chart, in the same column. */
  {
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (wheel, view, &GRAPHENE_POINT_INIT (0, 0), &point));
    g_assert_cmpfloat (point.y, <, 0);
  }
  open_height = gtk_widget_get_height (view);
  g_assert_cmpint (open_height, >=, 200);

  fw_chart_view_set_collapsed (FW_CHART_VIEW (view), TRUE);
  wait = (HeightWait) { view, 80 };
  g_assert_true (fw_test_wait_until (height_below, &wait));
  fw_chart_view_set_collapsed (FW_CHART_VIEW (view), FALSE);
  wait = (HeightWait) { view, open_height - 2 };
  g_assert_true (fw_test_wait_until (height_above, &wait));

  /* Closed collapsed, the next window opens collapsed. */
  fw_chart_view_set_collapsed (FW_CHART_VIEW (view), TRUE);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (fw_settings_get (), "chart-pane-collapsed"));
  /* A height the user never set is not saved: the next window works out
   * its own default for its size and what the chart shows. */
  {
    g_autoptr(GVariant) saved = g_settings_get_user_value (fw_settings_get (), "chart-pane-height");

    g_assert_null (saved);
  }

  window = fw_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  view = fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW);
  g_assert_true (fw_chart_view_get_collapsed (FW_CHART_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  g_settings_reset (fw_settings_get (), "chart-pane-height");
}

/* A new editing window of @width x @height, laid out; its projection
 * and its chart's canvas. */
static FwWindow *
window_of_size (int             width,
                int             height,
                FwChartView   **view,
                FwChartCanvas **canvas)
{
  FwWindow *window = fw_test_window_new_sized (width, height);

  *view = FW_CHART_VIEW (fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW));
  g_assert_nonnull (*view);
  *canvas = FW_CHART_CANVAS (fw_chart_view_get_canvas (*view));
  g_assert_true (fw_test_wait_until (is_drawn, *canvas));
  return window;
}

/* The ▼/▶ before "Projection": the header's first button. */
static GtkWidget *
collapse_button (FwChartView *view)
{
  GtkWidget *button = gtk_widget_get_first_child (fw_chart_view_get_header (view));

  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

/* The collapsed projection's header on show: the ▶ mapped, as tall as
 * it asks to be, and inside the window's content. Squeezed by the pane
 * to nothing, nothing on screen opened the projection again. */
static gboolean
header_whole (gpointer data)
{
  GtkWidget *button = data;
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (gtk_widget_get_root (button)));
  graphene_rect_t bounds;
  int natural;

  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return gtk_widget_get_mapped (button) && gtk_widget_compute_bounds (button, content, &bounds) &&
         bounds.size.height >= natural && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (content);
}

static gboolean
is_open (gpointer view)
{
  return !fw_chart_view_get_collapsed (view);
}

/* Tab, as often as it takes, reaches @widget (GtkWindow's own move:
 * its child's focus chain, from the start again at its end). */
static gboolean
tab_reaches (GtkWindow *window,
             GtkWidget *widget)
{
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (int i = 0; i < 300; i++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_root_set_focus (GTK_ROOT (window), NULL);
      if (gtk_root_get_focus (GTK_ROOT (window)) == widget)
        return TRUE;
    }
  return FALSE;
}

/* At every size, collapsed, the projection keeps its header, whose ▶
 * (a click, or Tab and Space) opens it again, as F8 and an arrow up
 * do; and the next window, collapsed as this one was left, shows it
 * too. */
static void
test_window_pane_header (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 1024, 768 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      FwChartCanvas *canvas;
      FwChartView *view;
      FwWindow *window;
      GtkWidget *button;
      HeightWait wait;
      int open_height;

      g_test_message ("%dx%d", sizes[i][0], sizes[i][1]);
      g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
      g_settings_reset (fw_settings_get (), "chart-pane-height");
      window = window_of_size (sizes[i][0], sizes[i][1], &view, &canvas);
      button = collapse_button (view);
      open_height = gtk_widget_get_height (GTK_WIDGET (view));

      g_signal_emit_by_name (button, "clicked");
      g_assert_true (fw_chart_view_get_collapsed (view));
      g_assert_true (fw_test_wait_until (header_whole, button));
      g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
      g_assert_true (header_whole (button));
      g_assert_true (tab_reaches (GTK_WINDOW (window), button));
      /* Space on the focused ▶ is its "activate" (a click once it has
       * looked pressed a moment). */
      g_assert_true (gtk_widget_activate (button));
      g_assert_true (fw_test_wait_until (is_open, view));
      wait = (HeightWait) { GTK_WIDGET (view), open_height - 2 };
      g_assert_true (fw_test_wait_until (height_above, &wait));

      /* F8 from the wheel goes to the divider above the projection, and
       * an arrow up opens it, to its height (not a pixel a press). */
      g_signal_emit_by_name (button, "clicked");
      g_assert_true (fw_test_wait_until (header_whole, button));
      gtk_widget_grab_focus (fw_window_get_wheel (window));
      fw_test_xdotool (GTK_WINDOW (window), "xdotool windowfocus --sync %%lu key F8 Up");
      g_assert_true (fw_test_wait_until (is_open, view));
      g_assert_true (fw_test_wait_until (height_above, &wait));

      /* Left collapsed, the next window opens collapsed, its header on
       * show. */
      g_signal_emit_by_name (button, "clicked");
      gtk_window_close (GTK_WINDOW (window));
      g_object_unref (window);
      g_assert_true (g_settings_get_boolean (fw_settings_get (), "chart-pane-collapsed"));
      window = fw_test_window_new_sized (sizes[i][0], sizes[i][1]);
      view = FW_CHART_VIEW (fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW));
      g_assert_true (fw_chart_view_get_collapsed (view));
      button = collapse_button (view);
      g_assert_true (fw_test_wait_until (header_whole, button));
      g_assert_true (header_whole (button));
      g_signal_emit_by_name (button, "clicked");
      wait = (HeightWait) { GTK_WIDGET (view), 200 };
      g_assert_true (fw_test_wait_until (height_above, &wait));
      fw_test_window_close (window);
    }
  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  g_settings_reset (fw_settings_get (), "chart-pane-height");
}

static gboolean
window_below (gpointer data)
{
  HeightWait *wait = data;

  return gtk_widget_get_height (wait->widget) < wait->below;
}

/* Made as small as it goes (`xdotool windowsize` 300x300: GTK keeps its
 * minimum, about 958x420), the window keeps the open projection's
 * header, its ▼ on show; grown back, the projection has its height
 * again. Before this the smallest window squeezed the header away, and
 * growing it back gave the room to the wheel: the chart was gone for a
 * mouse user (review R5-20; only F8 and Page Up brought it back). */
static void
test_window_pane_smallest (void)
{
  FwChartCanvas *canvas;
  FwChartView *view;
  FwWindow *window;
  GtkWidget *button;
  HeightWait wait;
  int open_height;

  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  g_settings_reset (fw_settings_get (), "chart-pane-height");
  window = window_of_size (1280, 720, &view, &canvas);
  button = collapse_button (view);
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  open_height = gtk_widget_get_height (GTK_WIDGET (view));
  g_test_message ("1280x720: the projection %d px", open_height);

  fw_test_xdotool (GTK_WINDOW (window), "xdotool windowsize %%lu 300 300");
  wait = (HeightWait) { GTK_WIDGET (window), 600 };
  g_assert_true (fw_test_wait_until (window_below, &wait));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  fw_test_spin (300);
  g_test_message ("smallest: the window %d x %d, the projection %d px",
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_false (fw_chart_view_get_collapsed (view));
  g_assert_true (header_whole (button));

  fw_test_xdotool (GTK_WINDOW (window), "xdotool windowsize %%lu 1280 720");
  wait = (HeightWait) { GTK_WIDGET (view), open_height - 2 };
  g_assert_true (fw_test_wait_until (height_above, &wait));
  g_test_message ("grown back: the projection %d px", gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_true (header_whole (button));
  fw_test_window_close (window);
  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  g_settings_reset (fw_settings_get (), "chart-pane-height");
}

/* The height of the plot the canvas draws now. */
static double
plot_height (FwChartCanvas *canvas)
{
  return fw_chart_get_layout (fw_chart_canvas_get_chart (canvas), gtk_widget_get_width (GTK_WIDGET (canvas)),
                              gtk_widget_get_height (GTK_WIDGET (canvas)))->plot_h;
}

/* Where the wheel's top is in the column the divider splits: below 0,
 * GtkPaned has cropped it. */
static double
wheel_top (FwWindow *window)
{
  GtkWidget *wheel = fw_window_get_wheel (window);
  GtkWidget *paned = gtk_widget_get_ancestor (wheel, GTK_TYPE_PANED);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (wheel, paned, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* The consultant's picture on a 1920x1080 screen, the divider never
 * touched: the baseline and its copy compared, with the band. Their
 * readout and legend take two lines each; the plot must still be
 * readable (at 75 px the band was a sliver and the two lines 20 px
 * apart), and the wheel keep most of its column. */
static void
test_window_plot_readable (void)
{
  g_autoptr(GError) error = NULL;
  FwUncertainty spreads = { 0.2, 0.2, 0.3, 0.1 };
  FwChartCanvas *canvas;
  FwChartView *view;
  FwWindow *window;
  FwSession *session;
  guint both[] = { 1, 0 };

  g_settings_reset (fw_settings_get (), "chart-pane-height");
  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  window = window_of_size (1920, 1080, &view, &canvas);
  session = fw_window_get_session (window);
  g_test_message ("one scenario: the projection %d px high, its plot %.0f px",
                  gtk_widget_get_height (GTK_WIDGET (view)), plot_height (canvas));
  g_assert_cmpfloat (plot_height (canvas), >=, 180.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "scenario.duplicate", NULL));
  g_assert_cmpuint (fw_document_get_n_scenarios (fw_window_get_document (window)), ==, 2);
  g_assert_true (fw_document_set_uncertainty (fw_window_get_document (window), 1, &spreads, &error));
  g_assert_no_error (error);
  fw_session_set_shown (session, both, 2);
  g_assert_true (fw_test_wait_until (has_band, canvas));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  g_test_message ("two scenarios and the band: the projection %d px high, its plot %.0f px; the wheel %d px",
                  gtk_widget_get_height (GTK_WIDGET (view)), plot_height (canvas),
                  gtk_widget_get_height (fw_window_get_wheel (window)));
  g_assert_cmpuint (fw_chart_canvas_get_n_scenarios (canvas), ==, 2);
  g_assert_cmpfloat (plot_height (canvas), >=, 180.0);
  g_assert_cmpint (gtk_widget_get_height (fw_window_get_wheel (window)), >=, 450);
  g_assert_cmpfloat (wheel_top (window), >=, 0.0);
  fw_test_window_close (window);
}

/* The divider dragged as far up as it goes at 1280x720: the wheel
 * shrinks to fit what is left of its column, whole (GtkPaned cropped
 * its top), and the next window has the divider where it was left
 * (a drag past where the window would place it came back smaller). */
static void
test_window_divider_far_up (void)
{
  FwChartCanvas *canvas;
  FwChartView *view;
  FwWindow *window;
  HeightWait wait;
  int x, y, wheel_before, left;

  g_settings_reset (fw_settings_get (), "chart-pane-height");
  g_settings_reset (fw_settings_get (), "chart-pane-collapsed");
  window = window_of_size (1280, 720, &view, &canvas);
  wheel_before = gtk_widget_get_height (fw_window_get_wheel (window));
  g_assert_cmpfloat (wheel_top (window), >=, 0.0);

  /* Real input: from the divider, just above the projection, to the
   * top of the window. */
  fw_test_window_point (GTK_WIDGET (view), gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, -1.0, &x, &y);
  wait = (HeightWait) { GTK_WIDGET (view), gtk_widget_get_height (GTK_WIDGET (view)) + 10 };
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mousemove --window %%lu %d %d", x, y);
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mousedown 1");
  for (int step = 1; step <= 8; step++)
    fw_test_xdotool (GTK_WINDOW (window), "xdotool mousemove --window %%lu %d %d", x, y - (y - 10) * step / 8);
  fw_test_xdotool (GTK_WINDOW (window), "xdotool mouseup 1");
  g_assert_true (fw_test_wait_until (height_above, &wait));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  left = gtk_widget_get_height (GTK_WIDGET (view));
  g_test_message ("dragged up: the projection %d px high; the wheel %d px high (%d before), its top at %.0f",
                  left, gtk_widget_get_height (fw_window_get_wheel (window)), wheel_before, wheel_top (window));
  g_assert_cmpfloat (wheel_top (window), >=, 0.0);
  g_assert_cmpint (gtk_widget_get_height (fw_window_get_wheel (window)), <, wheel_before);
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);
  g_test_message ("remembered: %d px", g_settings_get_int (fw_settings_get (), "chart-pane-height"));

  window = window_of_size (1280, 720, &view, &canvas);
  g_test_message ("the next window: the projection %d px high", gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_cmpint (abs (gtk_widget_get_height (GTK_WIDGET (view)) - left), <=, 2);
  g_assert_cmpfloat (wheel_top (window), >=, 0.0);
  fw_test_window_close (window);
  g_settings_reset (fw_settings_get (), "chart-pane-height");
}

int
main (int    argc,
      char **argv)
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-view/toggle-series", Fixture, NULL, fixture_set_up, test_toggle_series, fixture_tear_down);
  g_test_add ("/chart-view/hover-and-click", Fixture, NULL, fixture_set_up, test_hover_and_click, fixture_tear_down);
  g_test_add ("/chart-view/marker-follows", Fixture, NULL, fixture_set_up, test_marker_follows, fixture_tear_down);
  g_test_add ("/chart-view/marker-label-kept", Fixture, NULL, fixture_set_up, test_marker_label_kept, fixture_tear_down);
  g_test_add ("/chart-view/readout-tooltip-left-alone", Fixture, NULL, fixture_set_up, test_readout_tooltip_left_alone,
              fixture_tear_down);
  g_test_add ("/chart-view/readout-least-width", Fixture, NULL, fixture_set_up, test_readout_least_width,
              fixture_tear_down);
  g_test_add ("/chart-view/table-rows", Fixture, NULL, fixture_set_up, test_table_rows, fixture_tear_down);
  g_test_add_func ("/chart-view/table-long", test_table_long);
  g_test_add_func ("/chart-view/compare", test_compare);
  g_test_add_func ("/chart-view/compare-long-names", test_compare_long_names);
  g_test_add_func ("/chart-view/compare-client-names", test_compare_client_names);
  g_test_add_func ("/chart-view/table-compare", test_table_compare);
  g_test_add_func ("/chart-view/table-band", test_table_band);
  g_test_add_func ("/chart-view/band", test_band);
  g_test_add_func ("/chart-view/band-follows-scenario", test_band_follows_scenario);
  g_test_add_func ("/chart-view/window-pane", test_window_pane);
  g_test_add_func ("/chart-view/window-pane-header", test_window_pane_header);
  g_test_add_func ("/chart-view/window-pane-smallest", test_window_pane_smallest);
  g_test_add_func ("/chart-view/window-plot-readable", test_window_plot_readable);
  g_test_add_func ("/chart-view/window-divider-far-up", test_window_divider_far_up);

  return g_test_run ();
}
