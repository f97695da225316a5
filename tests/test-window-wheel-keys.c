/* test-window-wheel-keys.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-wheel-keys"

#include <gtk/gtk.h>
#include <string.h>

#include "fw-display-number.h"
#include "fw-point-text.h"
#include "fw-renderer-choice.h"
#include "fw-stage-row.h"
#include "fw-test-window.h"
#include "fw-wheel-view-private.h"
#include "fw-window.h"

/* Walking round the wheel with the arrow keys, as a keyboard-only user
 * does (user review, R5-17): what is selected is named, with its
 * impact, beside it (the keyboard's tip) and for a screen reader (the
 * wheel's accessible description, the selection first), the side
 * panel follows the selected stage, and the focus never leaves the
 * wheel. Real keys, typed with xdotool; run by tests/with-display.py. */

static void
press (FwWindow   *window,
       const char *key)
{
  fw_test_xdotool (GTK_WINDOW (window), "xdotool key --window %%lu %s", key);
}

typedef struct
{
  FwWheelView *wheel;
  const char  *part;
} TipWanted;

static gboolean
tip_says (gpointer data)
{
  TipWanted *wanted = data;
  const char *text = fw_wheel_view_get_tip_text (wanted->wheel);

  return text != NULL && strstr (text, wanted->part) != NULL;
}

static gboolean
tip_gone (gpointer data)
{
  return fw_wheel_view_get_tip_text (data) == NULL;
}

/* The stage row the Stages panel shows as selected, or -1. */
static int
panel_selected_stage (FwWindow *window)
{
  GtkWidget *row = fw_test_find_type (GTK_WIDGET (window), FW_TYPE_STAGE_ROW);
  int selected = -1;

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (FW_IS_STAGE_ROW (row) && gtk_widget_has_css_class (row, "fw-selected"))
        selected = (int) fw_stage_row_get_stage (FW_STAGE_ROW (row));
    }

  return selected;
}

static gboolean
wheel_has_focus (FwWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window)) == fw_window_get_wheel (window);
}

static void
test_arrows_name_the_selection (void)
{
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwWheelView *wheel = FW_WHEEL_VIEW (fw_window_get_wheel (window));
  FwSession *session = fw_window_get_session (window);
  const FwScenario *scenario = fw_session_get_scenario (session);
  const FwProjection *projection = fw_session_get_projection (session);
  const FwProject *project = fw_document_get_project (fw_window_get_document (window));
  const FwStage *second = fw_scenario_get_stage (scenario, 1);
  g_autofree char *second_count = fw_display_count (fw_projection_get_counts (projection, 0)[1]);
  g_autofree char *said_stage = g_strdup_printf ("Selected: stage %s. %s people,", second->name, second_count);
  g_autofree char *impact = NULL;
  g_autofree char *said_point = NULL;
  const FwPoint *point;
  int point_index;

  g_assert_cmpuint (scenario->points->len, >, 0);
  gtk_widget_grab_focus (GTK_WIDGET (wheel));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  g_assert_null (fw_wheel_view_get_tip_text (wheel));

  /* Right, Right: the second stage, named beside it with its people,
   * the Stages panel on its row. */
  press (window, "Right");
  press (window, "Right");
  g_assert_true (fw_test_wait_until (tip_says, &(TipWanted) { wheel, second->name }));
  g_assert_cmpint (fw_session_get_selected_stage (session), ==, 1);
  g_assert_nonnull (strstr (fw_wheel_view_get_tip_text (wheel), second_count));
  g_assert_true (g_str_has_prefix (fw_wheel_view_get_description (wheel), said_stage));
  g_assert_cmpint (panel_selected_stage (window), ==, 1);
  g_assert_true (wheel_has_focus (window));

  /* Into the points of the stage the arrows reach first that has any:
   * its name and what it costs or brings, as its tooltip says. */
  for (guint i = 0; i < scenario->stages->len && fw_session_get_selected_point (session) < 0; i++)
    {
      press (window, "Down");
      fw_test_spin (50);
      if (fw_session_get_selected_point (session) < 0)
        press (window, "Right");
    }
  point_index = fw_session_get_selected_point (session);
  g_assert_cmpint (point_index, >=, 0);
  point = fw_scenario_get_point (scenario, point_index);
  impact = fw_point_text_impact (project, point->enabled, fw_projection_get_point_impact (projection, point_index));
  g_assert_true (fw_test_wait_until (tip_says, &(TipWanted) { wheel, point->name }));
  g_assert_nonnull (strstr (fw_wheel_view_get_tip_text (wheel), impact));
  said_point = g_strdup_printf ("“%s” on %s.", point->name,
                                fw_scenario_get_stage (scenario, fw_projection_get_point_stage (projection, point_index))->name);
  g_test_message ("description: %s", fw_wheel_view_get_description (wheel));
  g_assert_true (g_str_has_prefix (fw_wheel_view_get_description (wheel), "Selected: "));
  g_assert_nonnull (strstr (fw_wheel_view_get_description (wheel), said_point));
  g_assert_nonnull (strstr (fw_wheel_view_get_description (wheel), impact));
  /* The panel shows the point's stage. */
  g_assert_cmpint (panel_selected_stage (window), ==, (int) fw_projection_get_point_stage (projection, point_index));
  g_assert_true (wheel_has_focus (window));

  /* From a point a press selected (the panel still on another stage),
   * Down to the next point on that stage: the panel follows too. */
  {
    int stage = -1, first = -1;

    for (guint s = 0; s < scenario->stages->len && stage < 0; s++)
      {
        guint on = 0;

        first = -1;
        for (guint k = 0; k < scenario->points->len; k++)
          {
            if (fw_projection_get_point_stage (projection, k) != s)
              continue;
            on++;
            if (first < 0 || fw_angle_normalize (fw_scenario_get_point (scenario, k)->angle) <
                             fw_angle_normalize (fw_scenario_get_point (scenario, first)->angle))
              first = (int) k;
          }
        if (on >= 2)
          stage = (int) s;
      }
    g_assert_cmpint (stage, >=, 0);
    press (window, stage == 0 ? "End" : "Home");
    g_assert_true (fw_test_wait_until (tip_says, &(TipWanted) { wheel, fw_scenario_get_stage (scenario, stage == 0 ? scenario->stages->len - 1 : 0)->name }));
    g_assert_cmpint (panel_selected_stage (window), !=, stage);
    fw_session_set_selection (session, -1, first);
    press (window, "Down");
    fw_test_spin (100);
    g_assert_cmpint (fw_session_get_selected_point (session), !=, first);
    g_assert_cmpint (fw_projection_get_point_stage (projection, fw_session_get_selected_point (session)), ==, stage);
    g_assert_cmpint (panel_selected_stage (window), ==, stage);
  }

  /* Escape clears the selection and the tip goes with it. */
  press (window, "Escape");
  g_assert_true (fw_test_wait_until (tip_gone, wheel));
  g_assert_cmpint (fw_session_get_selected_point (session), <, 0);
  g_assert_true (wheel_has_focus (window));

  /* The tip is the keyboard's: leaving the wheel takes it away. */
  press (window, "Right");
  g_assert_true (fw_test_wait_until (tip_says, &(TipWanted) { wheel, fw_scenario_get_stage (scenario, 0)->name }));
  press (window, "Tab");
  g_assert_true (fw_test_wait_until (tip_gone, wheel));

  fw_test_window_close (window);
}

typedef struct
{
  FwWindow   *window;
  const char *text;
} NoteWanted;

/* The rates note under a stage's fields reads @text (NULL: is hidden). */
static gboolean
note_reads (gpointer data)
{
  NoteWanted *wanted = data;
  GtkWidget *note = fw_test_find_named (GTK_WIDGET (wanted->window), "stage-rates-note");

  for (; note != NULL; note = fw_test_find_named (gtk_widget_get_parent (note), "stage-rates-note"))
    {
      if (wanted->text == NULL)
        return !gtk_widget_get_visible (note);
      return gtk_widget_get_visible (note) && strstr (gtk_label_get_text (GTK_LABEL (note)), wanted->text) != NULL;
    }
  return FALSE;
}

/* A stage's tooltip gives the rates used, its points applied, and says
 * what its fields hold; the fields say the rates used under them. Both
 * quiet when no point changes the stage (user review, R5-26). */
static void
test_stage_rates_explained (void)
{
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwWheelView *wheel = FW_WHEEL_VIEW (fw_window_get_wheel (window));
  FwSession *session = fw_window_get_session (window);
  FwDocument *document = fw_window_get_document (window);
  const FwScenario *scenario = fw_session_get_scenario (session);
  const FwProjection *projection = fw_session_get_projection (session);
  const FwStage *stage;
  const FwRates *rates;
  g_autofree char *markup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *used = NULL;
  g_autoptr(GError) error = NULL;
  guint first_point, on;

  /* The first point's stage, with every point elsewhere off. */
  g_assert_cmpuint (scenario->points->len, >, 0);
  first_point = 0;
  on = fw_projection_get_point_stage (projection, first_point);
  for (guint k = 1; k < scenario->points->len; k++)
    g_assert_true (fw_document_set_point_enabled (document, fw_session_get_scenario_index (session), k,
                                                  FALSE, &error));
  g_assert_no_error (error);
  scenario = fw_session_get_scenario (session);
  projection = fw_session_get_projection (session);
  stage = fw_scenario_get_stage (scenario, on);
  rates = fw_projection_get_rates (projection, on);
  g_assert_true (rates->advance != stage->advance || rates->loss != stage->loss);

  {
    g_autofree char *advance = fw_display_percent (stage->advance);
    g_autofree char *loss = fw_display_percent (stage->loss);
    g_autofree char *advance_used = fw_display_percent (rates->advance);
    g_autofree char *loss_used = fw_display_percent (rates->loss);

    before = g_strdup_printf ("%s and %s before its point", advance, loss);
    used = g_strdup_printf ("With its point: %s move on, %s lost per month", advance_used, loss_used);
  }
  markup = fw_wheel_view_stage_markup (wheel, on);
  g_test_message ("tooltip: %s", markup);
  g_assert_nonnull (strstr (markup, before));
  g_assert_true (fw_test_wait_until (note_reads, &(NoteWanted) { window, used }));

  /* The point off: the stage's rates are its fields', nothing to say. */
  g_assert_true (fw_document_set_point_enabled (document, fw_session_get_scenario_index (session), first_point,
                                                FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&markup, g_free);
  markup = fw_wheel_view_stage_markup (wheel, on);
  g_assert_null (strstr (markup, "before its"));
  g_assert_true (fw_test_wait_until (note_reads, &(NoteWanted) { window, NULL }));

  fw_test_window_close (window);
}

typedef struct
{
  GtkWidget  *field;
  const char *text;
} TextWanted;

static gboolean
field_reads (gpointer data)
{
  TextWanted *wanted = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (wanted->field)), wanted->text) == 0;
}

static gboolean
field_marked (gpointer field)
{
  return gtk_widget_has_css_class (field, "error");
}

static gboolean
wheel_focused (gpointer window)
{
  return wheel_has_focus (window);
}

static gboolean
first_stage_selected (gpointer session)
{
  return fw_session_get_selected_stage (session) == 0;
}

/* Escape in a field of the editor: the first takes back a value being
 * typed and leaves the caret there; the next sends the keyboard to the
 * wheel, which shows its ring and answers the arrows. The verifier's
 * V10B-11, at 1024x768: the caret stayed in "People now" however often
 * Escape was pressed, and Right moved it. */
static void
test_escape_in_field_to_wheel (void)
{
  FwWindow *window = fw_test_window_new_sized (1024, 768);
  FwSession *session = fw_window_get_session (window);
  GtkWidget *wheel = fw_window_get_wheel (window);
  GtkWidget *count = fw_test_find_named (GTK_WIDGET (window), "stage-count");
  g_autofree char *before = NULL;

  g_assert_nonnull (count);
  g_assert_true (gtk_widget_get_mapped (count));
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (count)));
  g_assert_cmpint (fw_session_get_selected_stage (session), <, 0);
  g_assert_true (gtk_widget_grab_focus (count));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));

  /* "x" over the selected text: refused, kept; Escape takes it back. */
  press (window, "x");
  g_assert_true (fw_test_wait_until (field_marked, count));
  press (window, "Escape");
  g_assert_true (fw_test_wait_until (field_reads, &(TextWanted) { count, before }));
  g_assert_false (gtk_widget_has_css_class (count, "error"));
  g_assert_false (wheel_has_focus (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), count));

  /* Nothing left to take back: the keyboard goes to the wheel. */
  press (window, "Escape");
  g_assert_true (fw_test_wait_until (wheel_focused, window));
  g_assert_true (gtk_widget_has_visible_focus (wheel));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (count)), ==, before);
  press (window, "Right");
  g_assert_true (fw_test_wait_until (first_stage_selected, session));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (count)), ==, before);

  fw_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);
  g_test_add_func ("/window-wheel-keys/arrows-name-the-selection", test_arrows_name_the_selection);
  g_test_add_func ("/window-wheel-keys/stage-rates-explained", test_stage_rates_explained);
  g_test_add_func ("/window-wheel-keys/escape-in-field-to-wheel", test_escape_in_field_to_wheel);
  return g_test_run ();
}
