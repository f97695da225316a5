/* test-window-german.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-german"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "fw-test-window.h"
#include "fw-renderer-choice.h"
#include "fw-time-words.h"
#include "fw-window.h"
#include "fw-window-private.h"

/* The window in German, with the translations compiled in this build
 * (BUILD_LOCALEDIR, build/po) rather than installed ones: what a German
 * user reads, and numbers as German writes them. Run by meson with
 * LC_ALL=de_DE.UTF-8 and LANGUAGE=de on a private virtual display. */

static gboolean german_numbers;

static gboolean
has_action (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static const char *
stack_page_title (GtkWidget  *window,
                  const char *name)
{
  GtkWidget *stack = fw_test_find (window, fw_test_is_stack_with, name);

  g_assert_nonnull (stack);
  return gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack),
                                                       gtk_stack_get_child_by_name (GTK_STACK (stack), name)));
}

/* What the window says, in German: title, tabs, tooltips, the template's
 * stage names; and its figures written the German way. */
static void
test_window_speaks_german (void)
{
  FwWindow *window = fw_window_new (NULL);
  const FwScenario *scenario;
  GtkWidget *undo;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (200);

  /* A new project is named as a new document (C10). */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Unbenanntes Flywheel — Flywheel");
  g_assert_true (g_str_has_prefix (fw_fit_label_get_text (window->subtitle_label), "Aus der Vorlage „"));
  g_assert_cmpstr (stack_page_title (GTK_WIDGET (window), "stages"), ==, "Phasen");
  g_assert_cmpstr (stack_page_title (GTK_WIDGET (window), "points"), ==, "Reibung & Kräfte");

  undo = fw_test_find (GTK_WIDGET (window), has_action, "win.undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Rückgängig (Strg+Z)");

  scenario = fw_document_get_scenario (fw_window_get_document (window), 0);
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 0)->name, ==, "Anziehen");
  g_assert_cmpstr (fw_scenario_get_stage (scenario, 2)->name, ==, "Begeistern");

  /* The starting template has 1500 customers: "1.500" in German. */
  if (german_numbers)
    {
      gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

      /* Figures may ease into place over a few frames. */
      while (fw_test_find_label_reading (GTK_WIDGET (window), "1.500") == NULL &&
             g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
      g_assert_nonnull (fw_test_find_label_reading (GTK_WIDGET (window), "1.500"));
      g_assert_null (fw_test_find_label_reading (GTK_WIDGET (window), "1,500"));
    }
  else
    g_test_message ("de_DE.UTF-8 is not installed: numbers not checked");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An error in German: the sentence chosen by code, the file named once. */
static void
test_window_error_in_german (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-german-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notizen.flywheel", NULL);
  FwWindow *window = fw_window_new (NULL);

  g_assert_true (g_file_set_contents (path, "kein Projekt", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path));
  fw_test_wait_for_files (window);
  g_assert_cmpstr (fw_window_get_error (window), ==,
                   "„notizen.flywheel“ konnte nicht geöffnet werden. Es ist kein Flywheel-Projekt.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A value refused where it is typed, and an edit the document refuses,
 * in German: sentences the window chooses by rule and code, never the
 * core's English ("must be between 0 and 1, got 1.5"). */
static void
test_window_validation_in_german (void)
{
  FwWindow *window = fw_window_new (NULL);
  GtkWidget *advance, *loss, *name, *errors;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (200);
  advance = fw_test_find_named (GTK_WIDGET (window), "stage-advance");
  name = fw_test_find_named (GTK_WIDGET (window), "stage-name");
  errors = fw_test_find_named (GTK_WIDGET (window), "stage-errors");
  g_assert_nonnull (advance);
  g_assert_nonnull (name);
  g_assert_nonnull (errors);

  gtk_editable_set_text (GTK_EDITABLE (advance), "150");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (errors)), ==,
                   "Übergang: muss zwischen 0 und 100 liegen, erhalten: 150");
  /* Advance and drop-off past 100 % together: both numbers written as
   * the range's are, the German way. */
  loss = fw_test_find_named (GTK_WIDGET (window), "stage-loss");
  g_assert_nonnull (loss);
  gtk_editable_set_text (GTK_EDITABLE (advance), "10");
  gtk_editable_set_text (GTK_EDITABLE (loss), "45");
  /* As moving to another field would: the refusal takes back only its
   * own field's run, not the drop-off just typed. */
  fw_document_seal (fw_window_get_document (window));
  gtk_editable_set_text (GTK_EDITABLE (advance), "60,5");
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (errors)));
  if (german_numbers)
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (errors)), "erhalten: 60,5 % + 45 %"));
  gtk_editable_set_text (GTK_EDITABLE (advance), "10");
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (errors)), ==, "Name: darf nicht leer sein");
  gtk_editable_set_text (GTK_EDITABLE (name), "Anziehen");

  /* The starting wheel has three stages; a wheel needs two. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stage.remove", "u", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "stage.remove", "u", 0));
  fw_test_spin (20);
  g_assert_cmpstr (fw_window_get_error (window), ==, "Ein Rad braucht mindestens 2 Phasen");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* When a recovery copy was written, said the German way: "von heute",
 * "vom 2. Dezember", never "04.12.26" nor "12/04/26". */
static void
test_time_words_in_german (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 12, 4, 16, 30, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (utc, 2026, 12, 3, 9, 12, 0);
  g_autoptr(GDateTime) before = g_date_time_new (utc, 2026, 12, 2, 14, 5, 0);
  g_autofree char *today_words = fw_time_words_since (now, now);
  g_autofree char *yesterday_words = fw_time_words_since (yesterday, now);
  g_autofree char *before_words = fw_time_words_since (before, now);

  g_assert_cmpstr (today_words, ==, "von heute, 16:30 Uhr");
  g_assert_cmpstr (yesterday_words, ==, "von gestern, 09:12 Uhr");
  /* Month names follow LC_TIME, German only where de_DE is installed. */
  if (german_numbers)
    g_assert_cmpstr (before_words, ==, "vom 2. Dezember, 14:05 Uhr");
}

int
main (int   argc,
      char *argv[])
{
  const char *numeric;

  /* The environment asks for German; without de_DE.UTF-8 installed the
   * messages still follow LANGUAGE under C.UTF-8, numbers do not. */
  if (setlocale (LC_ALL, "") == NULL)
    {
      /* In the environment too: gtk_init() sets the locale again. */
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");
    }
  numeric = setlocale (LC_NUMERIC, NULL);
  german_numbers = numeric != NULL && g_str_has_prefix (numeric, "de");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window-german/speaks-german", test_window_speaks_german);
  g_test_add_func ("/window-german/error-in-german", test_window_error_in_german);
  g_test_add_func ("/window-german/validation-in-german", test_window_validation_in_german);
  g_test_add_func ("/window-german/time-words-in-german", test_time_words_in_german);

  return g_test_run ();
}
