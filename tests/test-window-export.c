/* test-window-export.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-export"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "fw-chart-view.h"
#include "fw-export.h"
#include "fw-report.h"
#include "fw-test-window.h"
#include "fw-window-private.h"

/* Getting the model out of the window, on a private virtual display
 * (tests/with-display.py): Export, Export Report, printing the report to
 * a file through GtkPrintOperation (no dialog) and Copy on the wheel. The
 * dialogs' answers are called directly (a native file chooser cannot be
 * driven here); the menu, the shortcuts and the actions behind them are
 * checked to lead there. */

typedef struct
{
  char     *dir;
  FwWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("fw-window-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = fw_test_window_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  fw_test_window_close (fixture->window);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static gboolean
not_preparing (gpointer window)
{
  return !fw_window_is_preparing_report (window);
}

/* Export Report into @file, as its dialog's answer does, until the
 * window is done with it (the file is written from a thread). */
static void
export_report (Fixture *fixture,
               GFile   *file)
{
  g_assert_true (fw_window_export_report_to (fixture->window, file));
  g_assert_true (fw_test_wait_until (not_preparing, fixture->window));
}

/* What a poppler tool says about @file; NULL (the caller skips) without it. */
static char *
poppler (const char *tool,
         GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *found = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, path, "-", NULL };
  char *out = NULL;

  if (found == NULL)
    return NULL;
  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static void
assert_png_size (GBytes *bytes,
                 guint   width,
                 guint   height)
{
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, height);
}

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) png = file_in (fixture, "wheel.png");
  g_autoptr(GFile) svg = file_in (fixture, "chart.SVG");
  g_autoptr(GFile) pdf = file_in (fixture, "wheel.pdf");
  g_autoptr(GFile) csv = file_in (fixture, "rows.csv");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const FwScenario *scenario = fw_session_get_scenario (fw_window_get_session (fixture->window));

  g_assert_true (fw_window_export_to (fixture->window, png, FW_EXPORT_WHEEL));
  bytes = contents (png);
  assert_png_size (bytes, 1600, 900);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (fw_window_export_to (fixture->window, svg, FW_EXPORT_CHART));
  bytes = contents (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (fw_window_export_to (fixture->window, csv, FW_EXPORT_WHEEL));
  bytes = contents (csv);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "period,"));
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_true (fw_window_export_to (fixture->window, pdf, FW_EXPORT_WHEEL));
  text = poppler ("pdftotext", pdf);
  if (text == NULL)
    {
      g_test_skip ("the PDF's text not checked: pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint i = 0; i < scenario->stages->len; i++)
    g_assert_nonnull (strstr (text, fw_scenario_get_stage (scenario, i)->name));
  g_assert_null (fw_window_get_error (fixture->window));
}

/* Runs the main loop until the projection service has the band of
 * scenario 0, for at most FW_TEST_PATIENCE_SECONDS. */
static FwBand *
wait_for_band (FwSession *session)
{
  FwProjectionService *service = fw_session_get_projections (session);
  gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

  while (fw_projection_service_get_band (service, 0) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return fw_projection_service_get_band (service, 0);
}

static GBytes *
export_chart (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GFile) file = file_in (fixture, name);

  g_assert_true (fw_window_export_to (fixture->window, file, FW_EXPORT_CHART));
  return contents (file);
}

/* The chart's exports and the report draw the band the projection
 * service has on screen, not one of their own: given other draws than
 * the command line's, the window's export follows the service (and
 * differs from `flywheel-cli export`'s), and with the command line's
 * draws it is that export, byte for byte. */
static void
test_band_from_service (Fixture       *fixture,
                        gconstpointer  data)
{
  FwSession *session = fw_window_get_session (fixture->window);
  FwDocument *document = fw_window_get_document (fixture->window);
  FwProjectionService *service = fw_session_get_projections (session);
  FwUncertainty spreads = { 0.2, 0.2, 0.3, 0.1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) computed = NULL;
  g_autoptr(GBytes) own_draws = NULL;
  g_autoptr(GBytes) same_draws = NULL;
  g_autoptr(FwReport) report = NULL;
  guint scenario = 0;
  FwBand *band;

  g_assert_true (fw_document_set_uncertainty (document, 0, &spreads, &error));
  g_assert_no_error (error);
  fw_projection_service_set_band_draws (service, 64, 7);
  band = wait_for_band (session);
  g_assert_nonnull (band);
  g_assert_cmpuint (fw_band_get_draws (band), ==, 64);

  own_draws = export_chart (fixture, "service.png");
  computed = fw_export_project (fw_document_get_project (document), &scenario, 1, NULL,
                                FW_EXPORT_PNG, FW_EXPORT_CHART, 1600, 900, -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (own_draws, computed));

  /* The report takes the same band. */
  report = fw_window_new_report (fixture->window);
  g_assert_true (fw_report_get_band (report) == band);

  fw_projection_service_set_band_draws (service, FW_BAND_DEFAULT_DRAWS, FW_BAND_DEFAULT_SEED);
  g_assert_nonnull (wait_for_band (session));
  same_draws = export_chart (fixture, "default.png");
  g_assert_true (g_bytes_equal (same_draws, computed));
}

/* Where playback stands is the window's state, not the projection's: a
 * chart exported at period 5 has no marker, and is exactly what
 * `flywheel-cli export --what chart` draws without --period
 * (docs/model-notes.md). */
static void
test_chart_without_marker (Fixture       *fixture,
                           gconstpointer  data)
{
  FwSession *session = fw_window_get_session (fixture->window);
  FwDocument *document = fw_window_get_document (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) unmarked = NULL;
  g_autoptr(GBytes) marked = NULL;
  guint scenario = 0;

  fw_session_set_period (session, 5);
  exported = export_chart (fixture, "chart.png");
  unmarked = fw_export_project (fw_document_get_project (document), &scenario, 1, NULL,
                                FW_EXPORT_PNG, FW_EXPORT_CHART, 1600, 900, -1, FALSE, &error);
  g_assert_no_error (error);
  marked = fw_export_project (fw_document_get_project (document), &scenario, 1, NULL,
                              FW_EXPORT_PNG, FW_EXPORT_CHART, 1600, 900, 5, FALSE, &error);
  g_assert_no_error (error);
  /* The marker shows in the image when asked for: the comparison can fail. */
  g_assert_false (g_bytes_equal (marked, unmarked));
  g_assert_true (g_bytes_equal (exported, unmarked));
}

/* Activates @action (a dialog's), and returns the folder the file
 * chooser it opened starts in; the chooser is cancelled. Without a
 * portal, GtkFileChooserNative shows a GtkFileChooserDialog. */
static GFile *
dialog_folder (Fixture    *fixture,
               const char *action)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;
  GFile *folder;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  for (guint tries = 0; dialog == NULL && tries < 600; tries++)
    {
      fw_test_spin (50);
      for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
            dialog = window;
        }
    }
  g_assert_nonnull (dialog);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  fw_test_spin (50);
  return folder;
}

static gboolean
is_file_list_with_files (GtkWidget     *widget,
                         gconstpointer  data)
{
  GtkTreeModel *model = GTK_IS_TREE_VIEW (widget) ? gtk_tree_view_get_model (GTK_TREE_VIEW (widget)) : NULL;

  /* GTK 4.8's file list: a tree view of its GtkFileSystemModel. */
  return model != NULL && g_str_equal (G_OBJECT_TYPE_NAME (model), "GtkFileSystemModel")
         && gtk_tree_model_iter_n_children (model, NULL) > 0;
}

static gboolean
lists_files (gpointer dialog)
{
  return fw_test_find (dialog, is_file_list_with_files, NULL) != NULL;
}

/* The Export dialog on show (GTK's own, as there is no portal here),
 * once it lists the folder's files: GTK 4.8 answers a dialog closed
 * while it still reads the folder with an error dialog of its own
 * ("The folder contents could not be displayed: Operation was
 * cancelled"). The folder has files: the test exports one first. */
static GtkFileChooser *
open_export (Fixture *fixture)
{
  GtkFileChooser *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = fw_test_wait_for_file_chooser ();
  g_assert_nonnull (dialog);
  g_assert_true (fw_test_wait_until (lists_files, dialog));
  return dialog;
}

static gboolean
is_choice_list (GtkWidget     *widget,
                gconstpointer  data)
{
  /* GTK's drop-down for a choice; the type list is one too, without options. */
  return GTK_IS_DROP_DOWN (widget) && g_object_get_data (G_OBJECT (widget), "options") != NULL;
}

/* Picks @label in the dialog's "Draw" list, as a click would. */
static void
pick_drawing (GtkFileChooser *dialog,
              const char     *id)
{
  GtkWidget *list = fw_test_find (GTK_WIDGET (dialog), is_choice_list, NULL);
  const char **options;

  g_assert_nonnull (list);
  options = g_object_get_data (G_OBJECT (list), "options");
  for (guint i = 0; options[i] != NULL; i++)
    if (g_str_equal (options[i], id))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (list), i);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, id);
}

/* Picks the type whose name is @name in the dialog's type list. */
static void
pick_type (GtkFileChooser *dialog,
           const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (dialog);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_str_equal (gtk_file_filter_get_name (filter), name))
        gtk_file_chooser_set_filter (dialog, filter);
    }
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (dialog)), ==, name);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
has_error (gpointer window)
{
  return fw_window_get_error (window) != NULL;
}

/* Export clicked; waits until @name is written. A real click: GTK 4.8's
 * dialog answered gtk_dialog_response () with no response at all, and
 * its "response.activate" with a file in the root folder. */
static gboolean
names_file (gpointer dialog)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (dialog);

  return file != NULL;
}

static void
click_export (GtkFileChooser *dialog)
{
  GtkWidget *button;
  int x, y;

  /* The name is GTK's to take in first. */
  g_assert_true (fw_test_wait_until (names_file, dialog));
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  fw_test_window_point (button, gtk_widget_get_width (button) / 2.0,
                        gtk_widget_get_height (button) / 2.0, &x, &y);
  fw_test_xdotool (GTK_WINDOW (dialog), "xdotool mousemove --window %%lu %d %d click 1", x, y);
}

static void
accept_export (Fixture        *fixture,
               GtkFileChooser *dialog,
               const char     *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  click_export (dialog);
  g_assert_true (fw_test_wait_until (file_exists, path));
  fw_test_spin (50);
  g_assert_null (fw_window_get_error (fixture->window));
}

/* "The chart in each format": the Export dialog offers again what the
 * window last exported (review4 drew the chart once, then got the WHEEL
 * in chart.svg and chart.pdf), and the type picked in the list is the
 * type written, while an extension typed is honoured. */
static void
test_export_offers_last (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) wheel = file_in (fixture, "wheel.png");
  g_autoptr(GFile) reference = file_in (fixture, "reference.png");
  g_autoptr(GFile) chart_png = file_in (fixture, "w-chart.png");
  g_autoptr(GFile) pdf_file = file_in (fixture, "w-chart.pdf");
  g_autoptr(GFile) svg_file = NULL;
  g_autoptr(GFile) png_file = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_svg = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  GtkFileChooser *dialog;

  /* A wheel exported into the fixture's folder, where the dialog then
   * starts; then the dialog: the wheel, as a PNG; the chart picked. */
  g_assert_true (fw_window_export_to (fixture->window, wheel, FW_EXPORT_WHEEL));
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, "wheel");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (dialog)), ==, "PNG image");
  name = gtk_file_chooser_get_current_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".png"));
  stem = g_strndup (name, strlen (name) - strlen (".png"));
  pick_drawing (dialog, "chart");
  gtk_file_chooser_set_current_name (dialog, "w-chart.png");
  accept_export (fixture, dialog, "w-chart.png");
  g_assert_true (fw_window_export_to (fixture->window, reference, FW_EXPORT_CHART));
  expected = contents (reference);
  bytes = contents (chart_png);
  g_assert_true (g_bytes_equal (bytes, expected));

  /* Again: the chart is offered. "SVG drawing" picked, the name left as
   * offered (".png"): an SVG is written under the type picked. */
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, "chart");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (dialog)), ==, "PNG image");
  pick_type (dialog, "SVG drawing");
  svg = g_strconcat (stem, ".svg", NULL);
  png = g_strconcat (stem, ".png", NULL);
  accept_export (fixture, dialog, svg);
  g_clear_pointer (&bytes, g_bytes_unref);
  svg_file = file_in (fixture, svg);
  bytes = contents (svg_file);
  /* The chart: its description names the series, not the wheel's momentum. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<desc>"));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Momentum:"));
  png_file = file_in (fixture, png);
  g_assert_false (g_file_query_exists (png_file, NULL));
  bytes_svg = g_bytes_ref (bytes);

  /* Again: the chart and SVG, the name saying so; a name typed with
   * another known extension is written as it says. */
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, "chart");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (dialog)), ==, "SVG drawing");
  g_clear_pointer (&name, g_free);
  name = gtk_file_chooser_get_current_name (dialog);
  g_assert_cmpstr (name, ==, svg);
  gtk_file_chooser_set_current_name (dialog, "w-chart.pdf");
  accept_export (fixture, dialog, "w-chart.pdf");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = contents (pdf_file);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF"));

  /* The wheel picked back: remembered too. */
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, "chart");
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (dialog)), ==, "PDF document");
  pick_drawing (dialog, "wheel");
  gtk_file_chooser_set_current_name (dialog, "w-wheel.pdf");
  accept_export (fixture, dialog, "w-wheel.pdf");
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "what"), ==, "wheel");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  fw_test_spin (50);

  /* A type picked makes a name GTK did not ask about replacing (the
   * offered "….pdf" becomes "….svg", there already): nothing is
   * replaced unasked, and the window says why. */
  dialog = open_export (fixture);
  pick_type (dialog, "SVG drawing");
  click_export (dialog);
  g_assert_true (fw_test_wait_until (has_error, fixture->window));
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), svg));
  {
    g_autoptr(GBytes) after = contents (svg_file);

    g_assert_true (g_bytes_equal (after, bytes_svg));
  }
}

static gboolean
is_caption_box (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                       "Caption the wheel with project, scenario and month") == 0;
}

static void copy_wheel (Fixture *fixture);
static GdkTexture *copied_texture (Fixture *fixture,
                                   void   (*copy) (Fixture *fixture));
static GBytes *pixels (GdkTexture *texture);

/* R5-21: a wheel exported or copied says which project, scenario and
 * month it shows, so two pasted side by side on a slide can be told
 * apart. The Export dialog's check box leaves the caption out; Copy
 * then draws the wheel as Export did, and the dialog remembers it. */
static void
test_wheel_caption (Fixture       *fixture,
                    gconstpointer  data)
{
  FwSession *session = fw_window_get_session (fixture->window);
  const FwProject *project = fw_document_get_project (fw_window_get_document (fixture->window));
  const FwScenario *scenario = fw_session_get_scenario (session);
  g_autoptr(GFile) captioned = file_in (fixture, "captioned.pdf");
  g_autoptr(GFile) bare = file_in (fixture, "bare.pdf");
  g_autofree char *caption = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bare_text = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GdkTexture) expected_texture = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GBytes) expected_pixels = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *dialog;
  GtkWidget *box;
  guint shown = fw_session_get_scenario_index (session);

  fw_session_set_period (session, 5);
  caption = g_strdup_printf ("%s · %s · Month 5 of %u", project->name, scenario->name,
                             project->horizon);
  g_assert_true (fw_window_export_to (fixture->window, captioned, FW_EXPORT_WHEEL));
  text = poppler ("pdftotext", captioned);
  if (text != NULL)
    g_assert_nonnull (strstr (text, caption));

  /* The dialog: the check box ticked; unticked, the wheel has none. */
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "caption"), ==, "true");
  box = fw_test_find (GTK_WIDGET (dialog), is_caption_box, NULL);
  g_assert_nonnull (box);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (box)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (box), FALSE);
  pick_drawing (dialog, "wheel");
  gtk_file_chooser_set_current_name (dialog, "bare.pdf");
  accept_export (fixture, dialog, "bare.pdf");
  bare_text = poppler ("pdftotext", bare);
  if (bare_text != NULL)
    {
      g_assert_null (strstr (bare_text, "Month 5 of"));
      g_assert_nonnull (strstr (bare_text, fw_scenario_get_stage (scenario, 0)->name));
    }

  /* Copy follows: the wheel without its caption, pixel for pixel. */
  expected = fw_export_project (project, &shown, 1, NULL, FW_EXPORT_PNG, FW_EXPORT_WHEEL,
                                1600, 900, 5, FALSE, &error);
  g_assert_no_error (error);
  expected_texture = gdk_texture_new_from_bytes (expected, &error);
  g_assert_no_error (error);
  texture = copied_texture (fixture, copy_wheel);
  copied = pixels (texture);
  expected_pixels = pixels (expected_texture);
  g_assert_true (g_bytes_equal (copied, expected_pixels));

  /* Remembered for the next Export. */
  dialog = open_export (fixture);
  g_assert_cmpstr (gtk_file_chooser_get_choice (dialog, "caption"), ==, "false");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  fw_test_spin (50);
  g_assert_null (fw_window_get_error (fixture->window));
}

/* The export dialogs (and Print to File) start in the project's folder,
 * not wherever the program was started from; then wherever the user last
 * exported, and a project never saved starts there too. */
static void
test_export_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *projects = g_build_filename (fixture->dir, "projects", NULL);
  g_autofree char *slides = g_build_filename (fixture->dir, "slides", NULL);
  g_autofree char *saved = g_build_filename (projects, "acme.flywheel", NULL);
  g_autofree char *chart = g_build_filename (slides, "chart.png", NULL);
  g_autoptr(GFile) projects_folder = g_file_new_for_path (projects);
  g_autoptr(GFile) slides_folder = g_file_new_for_path (slides);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr(GFile) chart_file = g_file_new_for_path (chart);
  g_autoptr(GFile) folder = NULL;
  FwWindow *untitled;

  g_assert_cmpint (g_mkdir (projects, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (slides, 0700), ==, 0);
  fw_window_save_to (fixture->window, saved_file);
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_window_get_error (fixture->window));

  folder = fw_window_export_folder (fixture->window);
  g_assert_true (g_file_equal (folder, projects_folder));
  g_clear_object (&folder);
  /* The dialogs themselves: not the folder the test was started in. */
  folder = dialog_folder (fixture, "win.export");
  g_assert_true (g_file_equal (folder, projects_folder));
  g_clear_object (&folder);
  folder = dialog_folder (fixture, "win.export-report");
  g_assert_true (g_file_equal (folder, projects_folder));
  g_clear_object (&folder);

  g_assert_true (fw_window_export_to (fixture->window, chart_file, FW_EXPORT_CHART));
  folder = fw_window_export_folder (fixture->window);
  g_assert_true (g_file_equal (folder, slides_folder));
  g_clear_object (&folder);
  folder = dialog_folder (fixture, "win.export");
  g_assert_true (g_file_equal (folder, slides_folder));
  g_clear_object (&folder);

  untitled = g_object_ref_sink (fw_window_new (NULL));
  folder = fw_window_export_folder (untitled);
  g_assert_true (g_file_equal (folder, slides_folder));
  gtk_window_destroy (GTK_WINDOW (untitled));
  g_object_unref (untitled);

  g_unlink (chart);
  g_unlink (saved);
  g_rmdir (slides);
  g_rmdir (projects);
}

static void
test_export_refusals_keep_files (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) jpeg = file_in (fixture, "wheel.jpg");
  g_autoptr(GFile) nowhere = file_in (fixture, "no-such-folder/wheel.png");
  g_autoptr(GFile) report = file_in (fixture, "no-such-folder/report.pdf");

  g_assert_false (fw_window_export_to (fixture->window, jpeg, FW_EXPORT_WHEEL));
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), ".png"));
  g_assert_false (g_file_query_exists (jpeg, NULL));

  g_assert_false (fw_window_export_to (fixture->window, nowhere, FW_EXPORT_WHEEL));
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), "wheel.png"));
  export_report (fixture, report);
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), "report.pdf"));
  g_assert_false (g_file_query_exists (report, NULL));
}

static void
test_report_and_print_to_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) exported = file_in (fixture, "report.pdf");
  g_autoptr(GFile) printed = file_in (fixture, "printed.pdf");
  g_autofree char *printed_path = g_file_get_path (printed);
  const FwProject *project = fw_document_get_project (fw_window_get_document (fixture->window));
  const FwScenario *scenario = fw_session_get_scenario (fw_window_get_session (fixture->window));
  g_autofree char *exported_info = NULL;
  g_autofree char *printed_info = NULL;
  g_autofree char *text = NULL;

  export_report (fixture, exported);
  g_assert_true (fw_window_print_report_to (fixture->window, printed_path));
  g_assert_true (g_file_query_exists (printed, NULL));

  exported_info = poppler ("pdfinfo", exported);
  printed_info = poppler ("pdfinfo", printed);
  if (exported_info == NULL)
    {
      g_test_skip ("pages not checked: pdfinfo (poppler-utils) is not installed");
      return;
    }
  /* One page each, on the same paper. */
  g_assert_nonnull (strstr (exported_info, "Pages:           1\n"));
  g_assert_nonnull (strstr (printed_info, "Pages:           1\n"));
  g_assert_cmpstr (strstr (exported_info, "Page size:"), !=, NULL);
  {
    g_autofree char *a = g_strndup (strstr (exported_info, "Page size:"), 40);
    g_autofree char *b = g_strndup (strstr (printed_info, "Page size:"), 40);

    g_assert_cmpstr (strchr (a, '(') != NULL ? strchr (a, '(') : a, ==,
                     strchr (b, '(') != NULL ? strchr (b, '(') : b);
  }

  /* Titled as the exported report is ("Acme — Baseline"), not untitled. */
  {
    g_autofree char *title = g_strdup_printf ("%s — %s", project->name, scenario->name);
    const char *line = strstr (printed_info, "Title:");

    g_assert_nonnull (line);
    g_assert_nonnull (strstr (exported_info, "Title:"));
    g_assert_true (strncmp (line, strstr (exported_info, "Title:"), strcspn (line, "\n")) == 0);
    g_assert_nonnull (g_strstr_len (line, strcspn (line, "\n"), title));
  }

  /* The printed page is the report: names and ranking as text. */
  text = poppler ("pdftotext", printed);
  g_assert_nonnull (strstr (text, project->name));
  g_assert_nonnull (strstr (text, scenario->name));
  g_assert_nonnull (strstr (text, "Costliest friction"));
  g_assert_nonnull (strstr (text, "Summary"));
  g_assert_null (fw_window_get_error (fixture->window));
}

/* Selects GTK's "Print to File" printer in the print dialog's list, once
 * its backend has listed it; FALSE if it never came. */
static gboolean
has_print_to_file (gpointer data)
{
  GtkSelectionModel *printers = data;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (printers)); i++)
    {
      /* GtkPrinters, read by their properties: their header is
       * gtk4-unix-print's, which nothing else here needs. */
      g_autoptr(GObject) printer = g_list_model_get_item (G_LIST_MODEL (printers), i);
      g_autofree char *name = NULL;
      gboolean is_virtual = FALSE;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (printer), "is-virtual") == NULL)
        continue;
      g_object_get (printer, "name", &name, "is-virtual", &is_virtual, NULL);
      if (is_virtual && g_strcmp0 (name, "Print to File") == 0)
        return gtk_selection_model_select_item (printers, i, TRUE);
    }
  return FALSE;
}

/* The PDF is whole once it ends with its trailer. */
static gboolean
pdf_is_written (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 16)
    return FALSE;
  /* The last line ("%%EOF"); the body holds NUL bytes. */
  return g_strstr_len (contents + length - 16, 16, "%%EOF") != NULL;
}

/* Ctrl+P, "Print to File", Print, as a user prints the report to a file:
 * the PDF lands in the folder the export dialogs start in, named as
 * Export Report names it. (fw_window_print_report_to () skips the
 * dialog: a folder the dialog could not use went unnoticed there.) */
/* Whether a label on show holds @data, in any window. */
static gboolean
notice_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (fw_test_find_shown (window, fw_test_is_label_with, data) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_print_dialog_to_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) exported = file_in (fixture, "first.pdf");
  const FwProject *project = fw_document_get_project (fw_window_get_document (fixture->window));
  const FwScenario *scenario = fw_session_get_scenario (fw_window_get_session (fixture->window));
  g_autofree char *name = g_strdup_printf ("%s — %s.pdf", project->name, scenario->name);
  g_autofree char *printed = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) printed_file = g_file_new_for_path (printed);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *notice;
  g_autofree char *text = NULL;
  g_autofree char *said = NULL;

  /* An export into the fixture's folder: where printing to a file starts. */
  export_report (fixture, exported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  dialog = fw_test_wait_for_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  list = fw_test_find_type (dialog, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (list);
  g_assert_true (fw_test_wait_until (has_print_to_file, gtk_column_view_get_model (GTK_COLUMN_VIEW (list))));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);

  g_assert_true (fw_test_wait_until (pdf_is_written, printed));
  g_assert_null (fw_window_get_error (fixture->window));
  text = poppler ("pdftotext", printed_file);
  if (text != NULL)
    g_assert_nonnull (strstr (text, project->name));

  /* Said as an export is, with Open and Open Folder (R5-15): before,
   * the PDF appeared and the window said nothing. */
  said = g_strdup_printf ("Printed “%s” to %s", name, fixture->dir);
  g_assert_true (fw_test_wait_until (notice_shown, said));
  notice = gtk_widget_get_parent (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_label_with, said));
  g_assert_nonnull (fw_test_find_shown (notice, fw_test_is_button, "_Open"));
  g_assert_nonnull (fw_test_find_shown (notice, fw_test_is_button, "Open _Folder"));

  /* Sent to a printer (no output file), it is the printer's to say. */
  {
    g_autoptr(GtkPrintSettings) to_printer = gtk_print_settings_new ();

    gtk_print_settings_set_printer (to_printer, "Office");
    g_assert_false (fw_window_printed (fixture->window, to_printer));
  }
}

/* A report drawn into pixels, A4 at 72 dpi. */
static GBytes *
report_pixels (FwReport *report)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *pixels;

  fw_paper_get_size (FW_PAPER_A4, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  fw_report_paint (report, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * (gsize) height);
  cairo_surface_destroy (surface);
  return pixels;
}

/* How many dialogs are on show. */
static guint
dialogs_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += GTK_IS_DIALOG (window) && gtk_widget_get_visible (window);
    }
  return n;
}

static gboolean
no_dialog (gpointer data)
{
  return dialogs_shown () == 0;
}

/* Ctrl+P answers at once (V10-12: on MODEL.md's largest project at
 * H = 100000 the window froze 2-3 s before the dialog): the report is
 * worked out in a thread while the window says so and goes on (the
 * period moves meanwhile), the print dialog opens when the page is
 * ready, and a second Ctrl+P meanwhile opens no second dialog. The page
 * is drawn from the projection on show, the same page as one worked out
 * afresh. */
static void
test_print_prepares_report (Fixture       *fixture,
                            gconstpointer  data)
{
  FwSession *session = fw_window_get_session (fixture->window);
  FwProjectionService *service = fw_session_get_projections (session);
  const FwProject *project = fw_document_get_project (fw_window_get_document (fixture->window));
  guint scenario = fw_session_get_scenario_index (session);
  const FwProjection *shown = fw_projection_service_get (service, scenario);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 5, 12, 0, 0);
  g_autoptr(FwReport) afresh = fw_report_new_with_results (project, scenario, date, NULL, NULL);
  g_autoptr(FwReport) reused = NULL;
  g_autoptr(GBytes) afresh_pixels = NULL;
  g_autoptr(GBytes) reused_pixels = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (shown);
  g_assert_true (fw_projection_has_impacts (shown));
  reused = fw_report_new_with_results (project, scenario, date, shown, fw_report_get_band (afresh));
  afresh_pixels = report_pixels (afresh);
  reused_pixels = report_pixels (reused);
  g_assert_true (g_bytes_equal (afresh_pixels, reused_pixels));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  /* Back at once, before the page is ready: no dialog yet, a notice. */
  g_assert_true (fw_window_is_preparing_report (fixture->window));
  g_assert_cmpstr (fw_window_get_notice (fixture->window), ==, "Preparing the report…");
  g_assert_cmpuint (dialogs_shown (), ==, 0);
  /* The window goes on meanwhile; Ctrl+P again is the same report. */
  fw_session_set_period (session, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));

  dialog = fw_test_wait_for_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (fw_test_wait_until (not_preparing, fixture->window));
  g_assert_cmpuint (fw_session_get_period (session), ==, 3);
  g_assert_null (fw_window_get_notice (fixture->window));
  /* One dialog for the two Ctrl+P, and nothing more to come. */
  g_assert_cmpuint (dialogs_shown (), ==, 1);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (fw_test_wait_until (no_dialog, NULL));
  fw_test_spin (200);
  g_assert_cmpuint (dialogs_shown (), ==, 0);
  g_assert_false (fw_window_is_preparing_report (fixture->window));
}

static GtkWidget *notice_with (Fixture    *fixture,
                               const char *part);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @fixture's folder, sorted, joined by spaces. */
static char *
folder_listing (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A turn of the main loop: counted when @data's window is still
 * preparing a report then. (Queued at a high priority, it runs on the
 * loop's first turn, before the report's own answer could.) */
static gboolean
count_while_preparing (gpointer data)
{
  gpointer *window_and_count = data;

  if (fw_window_is_preparing_report (window_and_count[0]))
    (*(guint *) window_and_count[1])++;
  return G_SOURCE_REMOVE;
}

/* Export Report answers at once, as Ctrl+P does (on MODEL.md's largest
 * project at H = 100000 it froze the window for seconds): the report is
 * prepared in the same thread Ctrl+P's is, the window says so and goes
 * on (the period moves, the main loop runs), and then says where the
 * file went. The file is a whole one-page PDF, with no temporary left
 * beside it; a write that fails says so, naming the file, and leaves
 * nothing; a window closed meanwhile still gets its file, whole. */
static void
test_export_report_off_main_loop (Fixture       *fixture,
                                  gconstpointer  data)
{
  FwSession *session = fw_window_get_session (fixture->window);
  g_autoptr(GFile) exported = file_in (fixture, "report.pdf");
  g_autoptr(GFile) nowhere = file_in (fixture, "no-such-folder/report.pdf");
  g_autofree char *path = g_file_get_path (exported);
  g_autofree char *said = g_strdup_printf ("Exported “report.pdf” to %s", fixture->dir);
  g_autofree char *listing = NULL;
  g_autofree char *info = NULL;
  guint turns = 0;

  g_assert_true (fw_window_export_report_to (fixture->window, exported));
  /* Back before the report is written: the window says it is preparing. */
  g_assert_true (fw_window_is_preparing_report (fixture->window));
  g_assert_cmpstr (fw_window_get_notice (fixture->window), ==, "Preparing the report…");
  g_assert_null (notice_with (fixture, "Exported"));
  /* The main loop runs meanwhile, and the window follows edits of the
   * session. */
  g_idle_add_full (G_PRIORITY_HIGH, count_while_preparing,
                   (gpointer []) { fixture->window, &turns }, NULL);
  fw_session_set_period (session, 3);
  g_assert_true (fw_test_wait_until (not_preparing, fixture->window));
  g_assert_cmpuint (turns, ==, 1);
  g_assert_cmpuint (fw_session_get_period (session), ==, 3);

  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_nonnull (notice_with (fixture, said));
  g_assert_true (pdf_is_written (path));
  {
    g_autoptr(GBytes) bytes = contents (exported);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  }
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "report.pdf");
  info = poppler ("pdfinfo", exported);
  if (info != NULL)
    g_assert_nonnull (strstr (info, "Pages:           1\n"));
  else
    g_test_message ("pages not counted: pdfinfo (poppler-utils) is not installed");

  /* A folder that is not there: said in the banner, naming the file. */
  g_assert_true (fw_window_export_report_to (fixture->window, nowhere));
  g_assert_true (fw_test_wait_until (not_preparing, fixture->window));
  g_assert_nonnull (fw_window_get_error (fixture->window));
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), "“report.pdf”"));
  g_assert_nonnull (strstr (fw_window_get_error (fixture->window), "does not exist"));
  g_assert_false (g_file_query_exists (nowhere, NULL));
  g_clear_pointer (&listing, g_free);
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "report.pdf");

  /* A window closed while its report is prepared: the file is still
   * written, whole, and nothing is said to the window gone. */
  {
    g_autoptr(GFile) closed = file_in (fixture, "closed.pdf");
    g_autofree char *closed_path = g_file_get_path (closed);
    FwWindow *other = fw_test_window_new ();

    g_assert_true (fw_window_export_report_to (other, closed));
    fw_test_window_close (other);
    g_assert_true (fw_test_wait_until (pdf_is_written, closed_path));
    fw_test_spin (50);
    g_clear_pointer (&listing, g_free);
    listing = folder_listing (fixture);
    g_assert_cmpstr (listing, ==, "closed.pdf report.pdf");
  }
}

typedef struct
{
  GdkTexture *texture;
  gboolean    done;
} ReadTexture;

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReadTexture *read = user_data;
  g_autoptr(GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

/* Ctrl+C on the wheel or the chart: a shortcut on @widget itself to
 * @action, so it copies only while @widget has the focus (a text field
 * keeps its own Ctrl+C). */
static gboolean
has_copy_shortcut (GtkWidget  *widget,
                   const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) ctrl_c = gtk_shortcut_trigger_parse_string ("<Control>c");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_c)
              && GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                              action_name))
            return TRUE;
        }
    }
  return FALSE;
}

/* The image on the window's clipboard (something else put there first,
 * then @copy run). */
static GdkTexture *
copied_texture (Fixture *fixture,
                void   (*copy) (Fixture *fixture))
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  ReadTexture read = { NULL, FALSE };
  gint64 end;

  gdk_clipboard_set_text (clipboard, "something else");
  copy (fixture);
  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, &read);
  end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;
  while (!read.done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (read.done);
  g_assert_nonnull (read.texture);
  return read.texture;
}

static void
copy_wheel (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-wheel", NULL));
}

static void
test_copy_wheel (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (has_copy_shortcut (fw_window_get_wheel (fixture->window), "win.copy-wheel"));
  texture = copied_texture (fixture, copy_wheel);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 900);
  g_assert_null (fw_window_get_error (fixture->window));

  /* With its caption, as Export draws it by default (R5-21). */
  {
    const FwProject *project = fw_document_get_project (fw_window_get_document (fixture->window));
    guint shown = fw_session_get_scenario_index (fw_window_get_session (fixture->window));
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) png = fw_export_project (project, &shown, 1, NULL, FW_EXPORT_PNG,
                                               FW_EXPORT_WHEEL, 1600, 900, 0, TRUE, &error);
    g_autoptr(GdkTexture) expected = gdk_texture_new_from_bytes (png, &error);
    g_autoptr(GBytes) expected_pixels = pixels (expected);
    g_autoptr(GBytes) copied = pixels (texture);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (copied, expected_pixels));
  }
}

/* @texture's pixels, as GDK downloads them. */
static GBytes *
pixels (GdkTexture *texture)
{
  gsize stride = 4 * gdk_texture_get_width (texture);
  gsize size = stride * gdk_texture_get_height (texture);
  guchar *data = g_malloc (size);

  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, size);
}

static void
copy_chart_from_menu (Fixture *fixture)
{
  GtkWidget *item = fw_test_find_main_menu_item (fixture->window, "Copy the Chart as an Image");

  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
}

/* Ctrl+C on the focused chart, or the main menu's "Copy the Chart as an
 * Image", puts on the clipboard the chart as Export draws it as PNG,
 * pixel for pixel; the window says so. On main before this Ctrl+C on
 * the chart did nothing, and no menu offered a copy (review5's R5-12). */
static void
test_copy_chart (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *canvas = fw_chart_view_get_canvas (FW_CHART_VIEW (fw_test_find_type (GTK_WIDGET (fixture->window),
                                                                                  FW_TYPE_CHART_VIEW)));
  g_autoptr(GFile) png = file_in (fixture, "chart.png");
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) chart = NULL;
  g_autoptr(GdkTexture) wheel = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GBytes) chart_pixels = NULL;
  g_autoptr(GBytes) wheel_pixels = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (has_copy_shortcut (canvas, "win.copy-chart"));
  g_assert_true (fw_window_export_to (fixture->window, png, FW_EXPORT_CHART));
  exported = contents (png);
  chart = gdk_texture_new_from_bytes (exported, &error);
  g_assert_no_error (error);
  wheel = fw_window_render_texture (fixture->window, FW_EXPORT_WHEEL, &error);
  g_assert_no_error (error);

  texture = copied_texture (fixture, copy_chart_from_menu);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 900);
  copied = pixels (texture);
  chart_pixels = pixels (chart);
  wheel_pixels = pixels (wheel);
  g_assert_true (g_bytes_equal (copied, chart_pixels));
  g_assert_false (g_bytes_equal (copied, wheel_pixels));
  g_assert_nonnull (notice_with (fixture, "Copied the chart"));
  g_assert_null (fw_window_get_error (fixture->window));
}

/* The notice on show whose sentence holds @part, or NULL. */
static GtkWidget *
notice_with (Fixture    *fixture,
             const char *part)
{
  GtkWidget *label = fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_label_with, part);

  return label != NULL ? gtk_widget_get_parent (label) : NULL;
}

/* After an export and after Copy the window says so, briefly and
 * without asking anything: a notice over the window with the file's
 * name and folder, Open and Open Folder for an export; "Copied the
 * wheel" for Copy. A screen reader hears it as it shows (an alert,
 * named by its sentence); the keyboard stays where it was. Before,
 * nothing told the user it had worked (review3's C6). */
static void
test_notices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) png = file_in (fixture, "said.png");
  g_autoptr(GFile) pdf = file_in (fixture, "report.pdf");
  g_autofree char *said = NULL;
  GtkWidget *notice, *focus;

  gtk_widget_grab_focus (fw_window_get_wheel (fixture->window));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_true (fw_window_export_to (fixture->window, png, FW_EXPORT_WHEEL));
  said = g_strdup_printf ("Exported “said.png” to %s", fixture->dir);
  notice = notice_with (fixture, said);
  g_assert_nonnull (notice);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (notice)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_nonnull (fw_test_find_shown (notice, fw_test_is_button, "_Open"));
  g_assert_nonnull (fw_test_find_shown (notice, fw_test_is_button, "Open _Folder"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == focus);

  export_report (fixture, pdf);
  g_assert_nonnull (notice_with (fixture, "Exported “report.pdf”"));
  /* One at a time: the newest. */
  g_assert_null (notice_with (fixture, "said.png"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-wheel", NULL));
  notice = notice_with (fixture, "Copied the wheel");
  g_assert_nonnull (notice);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (notice)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
  /* Nothing to open after a copy. */
  g_assert_null (fw_test_find_shown (notice, fw_test_is_button, "_Open"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == focus);
  g_assert_null (fw_window_get_error (fixture->window));
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  const char *wanted[] = { "win.export", "win.export-report", "win.print", "win.copy-wheel",
                           "win.copy-chart" };
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (fixture->window);
  guint found = 0;
  const char *name, *property;
  const GVariantType *parameter;
  GType owner;

  /* The menu's entries and the shortcuts activate these, parameterless. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter, &property); i++)
    for (guint k = 0; k < G_N_ELEMENTS (wanted); k++)
      if (g_str_equal (name, wanted[k]))
        {
          g_assert_null (parameter);
          found++;
        }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (wanted));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  /* A still wheel: nothing here needs it to turn, and its frames would
   * only take the loaded machine's time. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* export-folder opens GTK's file chooser itself. */
  fw_test_start_cloud_providers ();

  g_test_add ("/window-export/formats", Fixture, NULL, fixture_set_up, test_export_formats,
              fixture_tear_down);
  g_test_add ("/window-export/band-from-service", Fixture, NULL, fixture_set_up,
              test_band_from_service, fixture_tear_down);
  g_test_add ("/window-export/chart-without-marker", Fixture, NULL, fixture_set_up,
              test_chart_without_marker, fixture_tear_down);
  g_test_add ("/window-export/export-offers-last", Fixture, NULL, fixture_set_up,
              test_export_offers_last, fixture_tear_down);
  g_test_add ("/window-export/wheel-caption", Fixture, NULL, fixture_set_up,
              test_wheel_caption, fixture_tear_down);
  g_test_add ("/window-export/export-folder", Fixture, NULL, fixture_set_up,
              test_export_folder, fixture_tear_down);
  g_test_add ("/window-export/refusals-keep-files", Fixture, NULL, fixture_set_up,
              test_export_refusals_keep_files, fixture_tear_down);
  g_test_add ("/window-export/report-and-print-to-file", Fixture, NULL, fixture_set_up,
              test_report_and_print_to_file, fixture_tear_down);
  g_test_add ("/window-export/print-dialog-to-file", Fixture, NULL, fixture_set_up,
              test_print_dialog_to_file, fixture_tear_down);
  g_test_add ("/window-export/print-prepares-report", Fixture, NULL, fixture_set_up,
              test_print_prepares_report, fixture_tear_down);
  g_test_add ("/window-export/export-report-off-main-loop", Fixture, NULL, fixture_set_up,
              test_export_report_off_main_loop, fixture_tear_down);
  g_test_add ("/window-export/copy-wheel", Fixture, NULL, fixture_set_up, test_copy_wheel,
              fixture_tear_down);
  g_test_add ("/window-export/copy-chart", Fixture, NULL, fixture_set_up, test_copy_chart,
              fixture_tear_down);
  g_test_add ("/window-export/notices", Fixture, NULL, fixture_set_up, test_notices,
              fixture_tear_down);
  g_test_add ("/window-export/actions", Fixture, NULL, fixture_set_up, test_actions,
              fixture_tear_down);
  return g_test_run ();
}
