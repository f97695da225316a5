/* test-window-files.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-files"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>

#include "fw-application.h"
#include "fw-figures-panel.h"
#include "fw-json.h"
#include "fw-recovery.h"
#include "fw-renderer-choice.h"
#include "fw-store.h"
#include "fw-templates.h"
#include "fw-test-files.h"
#include "fw-test-window.h"
#include "fw-validate.h"
#include "fw-window.h"
#include "fw-window-private.h"

/* The window and the user's files (issue 8): one window per file, a file
 * opened beside the user's project in a window of its own, asking before
 * saving over a file another program changed, opening and saving off the
 * main loop, recovery copies of unsaved work offered back after a crash.
 * Run by tests/with-display.py. */

typedef FwTestFiles Fixture;

static void
open_file (FwWindow   *window,
           const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path));
  fw_test_wait_for_files (window);
  g_assert_null (fw_window_get_error (window));
}

static guint
n_stages_on_disk (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_store_load (path, &error);

  g_assert_no_error (error);
  return fw_project_get_scenario (project, 0)->stages->len;
}

static double
inflow_on_disk (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_store_load (path, &error);

  g_assert_no_error (error);
  return fw_project_get_scenario (project, 0)->inflow;
}

/* The message dialog the window asks with; fails if none shows. */
static GtkDialog *
wait_for_question (void)
{
  GtkMessageDialog *dialog = fw_test_wait_for_message_dialog ();

  g_assert_nonnull (dialog);
  return GTK_DIALOG (dialog);
}

static char *
dialog_text (GtkDialog *dialog)
{
  g_autofree char *text = NULL;

  g_object_get (dialog, "text", &text, NULL);
  return g_steal_pointer (&text);
}

/* The largest project MODEL.md describes, by its counts (50 scenarios of
 * 16 stages and 1000 points), written in @dir as @name; its path. (The
 * one with every name and note as long as allowed, fw-test-largest.h,
 * takes minutes to write and read on a loaded machine: the size limits'
 * tests use it.) */
static char *
write_largest (const char *dir,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) big = fw_template_create ("four-a", &error);
  char *path = g_build_filename (dir, name, NULL);
  FwScenario *first;

  g_assert_no_error (error);
  first = fw_project_get_scenario (big, 0);
  while (first->stages->len < 16)
    {
      FwStage *stage = fw_stage_copy (fw_scenario_get_stage (first, 0));

      g_free (stage->name);
      stage->name = g_strdup_printf ("Stage %u", first->stages->len + 1);
      g_ptr_array_add (first->stages, stage);
    }
  for (guint i = 0; first->points->len < 1000; i++)
    {
      FwPoint *point = fw_point_copy (fw_scenario_get_point (first, i % 1));

      point->angle = (i * 0.35);
      g_ptr_array_add (first->points, point);
    }
  while (big->scenarios->len < 50)
    {
      FwScenario *copy = fw_scenario_copy (first);

      g_free (copy->name);
      copy->name = g_strdup_printf ("Scenario %u", big->scenarios->len + 1);
      g_ptr_array_add (big->scenarios, copy);
    }
  fw_validate_project (big, &error);
  g_assert_no_error (error);
  g_assert_true (fw_store_save (big, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Another program (here the store, as `flywheel-cli new --force` does)
 * replaces the file while it is open; Ctrl+S asks first. Cancel keeps
 * both: the other version on disk, the user's edits on screen; Save
 * Anyway writes the user's; Reload shows the other version. */
static void
test_asks_before_overwriting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Acme.flywheel");
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) other = fw_template_create ("sales-cycle", &error);
  g_autofree char *question = NULL;
  GtkDialog *dialog = NULL;
  FwDocument *document;

  open_file (fixture->window, path);
  document = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (document, 0, 4242, NULL));
  g_assert_true (fw_store_save (other, path, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  question = dialog_text (dialog);
  g_assert_cmpstr (question, ==, "“Acme.flywheel” was changed by another program");
  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  fw_test_wait_for_files (fixture->window);
  g_assert_cmpuint (n_stages_on_disk (path), ==, 7);
  g_assert_true (fw_document_get_modified (document));

  /* Asked again, and again not overwritten without a yes. */
  dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  g_assert_cmpuint (n_stages_on_disk (path), ==, 7);
  gtk_dialog_response (dialog, 1 /* Save Anyway */);
  fw_test_spin (50);
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_cmpuint (n_stages_on_disk (path), ==, 4);
  g_assert_cmpfloat (inflow_on_disk (path), ==, 4242);
  g_assert_false (fw_document_get_modified (document));

  /* Our own save is no outside change: the next save asks nothing. */
  g_assert_true (fw_document_set_inflow (document, 0, 4343, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_test_find_message_dialog ());
  g_assert_cmpfloat (inflow_on_disk (path), ==, 4343);

  /* Changed again outside; Reload shows that version. */
  g_assert_true (fw_store_save (other, path, &error));
  g_assert_true (fw_document_set_inflow (document, 0, 4444, NULL));
  dialog = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  gtk_dialog_response (dialog, 2 /* Reload */);
  fw_test_spin (50);
  fw_test_wait_for_files (fixture->window);
  g_assert_cmpuint (n_stages_on_disk (path), ==, 7);
  document = fw_window_get_document (fixture->window);
  g_assert_cmpuint (fw_document_get_scenario (document, 0)->stages->len, ==, 7);
  g_assert_false (fw_document_get_modified (document));
}

/* The chooser selects a file given it once its folder has loaded. */
static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (data);

  return chosen != NULL;
}

/* Either the chosen file has opened in a window beside @data, or
 * something asks the user. */
static gboolean
opened_beside_or_asking (gpointer data)
{
  FwWindow *other = fw_test_newest_window_but (data);

  return fw_test_find_message_dialog () != NULL
         || (other != NULL && !fw_window_is_busy (other) && fw_window_get_file (other) != NULL);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The user's work where it was while a file opened beside it: @window
 * still shows @document from @file, its changes unsaved. */
static void
assert_work_kept (FwWindow   *window,
                  FwDocument *document,
                  GFile      *file)
{
  g_assert_true (fw_window_get_document (window) == document);
  g_assert_true (g_file_equal (fw_window_get_file (window), file));
  g_assert_true (fw_document_get_modified (document));
  g_assert_true (gtk_widget_is_sensitive (window->wheel));
}

/* Open… with unsaved changes asks nothing (it asked "Save changes?"
 * before the chooser): the file chosen opens in a window of its own,
 * and the changes stay, unsaved, in the window they were made in. */
static void
test_open_asks_nothing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = fw_test_write_template (fixture->dir, "four-a", "First.flywheel");
  g_autofree char *second = fw_test_write_template (fixture->dir, "sales-cycle", "Second.flywheel");
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;
  FwDocument *before;
  FwWindow *other;

  open_file (fixture->window, first);
  before = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (before, 0, 321, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open", NULL));
  chooser = fw_test_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_null (fw_test_find_message_dialog ());
  g_assert_true (gtk_file_chooser_set_file (chooser, second_file, &error));
  g_assert_no_error (error);
  g_assert_true (fw_test_wait_until (chooser_has_file, chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (fw_test_wait_until (opened_beside_or_asking, fixture->window));
  g_assert_null (fw_test_find_message_dialog ());
  other = fw_test_newest_window_but (fixture->window);
  g_assert_true (g_file_equal (fw_window_get_file (other), second_file));
  g_assert_cmpuint (fw_document_get_scenario (fw_window_get_document (other), 0)->stages->len, ==, 7);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (other)));
  /* The work is where it was, unsaved; the file keeps what it had. */
  assert_work_kept (fixture->window, before, first_file);
  g_assert_cmpfloat (fw_document_get_scenario (before, 0)->inflow, ==, 321);
  g_assert_cmpfloat (inflow_on_disk (first), !=, 321);
  gtk_window_destroy (GTK_WINDOW (other));
}

/* The largest project MODEL.md describes opens in a window of its own while
 * the user goes on working in theirs (issue 8: "open the largest project
 * and keep working while it loads"): their window is not greyed, takes a
 * value typed into it, and keeps it once the big one has arrived. */
static void
test_keep_working_while_largest_loads (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *mine_path = fw_test_write_template (fixture->dir, "four-a", "Mine.flywheel");
  g_autofree char *big_path = write_largest (fixture->dir, "Largest.flywheel");
  g_autoptr(GFile) mine_file = g_file_new_for_path (mine_path);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  FwWindow *mine = fixture->window;
  FwDocument *document;
  FwWindow *loading;
  GtkWidget *count;

  open_file (mine, mine_path);
  document = fw_window_get_document (mine);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mine), "win.open-file", "s", big_path));
  loading = fw_test_newest_window_but (mine);
  g_assert_nonnull (loading);
  g_assert_true (fw_window_is_busy (loading));
  g_assert_false (fw_window_is_busy (mine));
  g_assert_null (fw_test_find_message_dialog ());

  /* A value typed, as a user types it, while the other window reads
   * the file (no main loop has run: it cannot have ended). */
  count = fw_test_find_named (GTK_WIDGET (mine), "stage-count");
  g_assert_nonnull (count);
  g_assert_true (gtk_widget_is_sensitive (count));
  gtk_widget_grab_focus (count);
  gtk_editable_set_text (GTK_EDITABLE (count), "4321");
  g_assert_true (fw_window_is_busy (loading));
  fw_test_spin (20);
  g_assert_cmpfloat (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->count, ==, 4321);

  fw_test_wait_for_files (loading);
  g_assert_null (fw_window_get_error (loading));
  g_assert_true (g_file_equal (fw_window_get_file (loading), big_file));
  g_assert_cmpuint (fw_document_get_n_scenarios (fw_window_get_document (loading)), ==, 50);
  g_assert_true (gtk_widget_is_sensitive (loading->wheel));

  /* Kept: the same project, the value in it and in its field, unsaved. */
  g_assert_null (fw_window_get_error (mine));
  assert_work_kept (mine, document, mine_file);
  g_assert_cmpfloat (fw_scenario_get_stage (fw_document_get_scenario (document, 0), 0)->count, ==, 4321);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (count)), ==, "4321");
  gtk_window_destroy (GTK_WINDOW (loading));
}

/* A file that is not a project, opened from a window holding one: the
 * message names it in that window, whose project is untouched, and the
 * window made for the file is gone again. */
static void
test_failed_open_leaves_work_alone (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *mine = fw_test_write_template (fixture->dir, "four-a", "Mine.flywheel");
  g_autofree char *bad = g_build_filename (fixture->dir, "notes.flywheel", NULL);
  g_autoptr(GFile) mine_file = g_file_new_for_path (mine);
  FwDocument *document;
  gpointer loading;

  g_assert_true (g_file_set_contents (bad, "this is not a project", -1, NULL));
  open_file (fixture->window, mine);
  document = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (document, 0, 55, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", bad));
  loading = fw_test_newest_window_but (fixture->window);
  g_assert_nonnull (loading);
  g_object_add_weak_pointer (loading, &loading);
  g_assert_true (fw_test_wait_until (is_gone, &loading));
  fw_test_spin (20);

  g_assert_null (fw_test_newest_window_but (fixture->window));
  g_assert_null (fw_test_find_message_dialog ());
  g_assert_cmpstr (fw_window_get_error (fixture->window), ==,
                   "Could not open “notes.flywheel”. It is not a Flywheel project.");
  assert_work_kept (fixture->window, document, mine_file);
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 55);
}

/* A file deleted while it is open: asked too, not silently re-created.
 * There is no other version to reload (review3 C9), so the choices are
 * to put it back, to save it elsewhere, or to cancel. */
static void
test_asks_when_file_deleted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Gone.flywheel");
  g_autofree char *question = NULL;
  GtkFileChooser *chooser;
  GtkDialog *dialog = NULL;
  FwDocument *document;

  open_file (fixture->window, path);
  document = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (document, 0, 12, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  question = dialog_text (dialog);
  g_assert_cmpstr (question, ==, "“Gone.flywheel” was moved or deleted by another program");
  g_assert_null (fw_test_find_button (GTK_WIDGET (dialog), "_Reload"));
  g_assert_null (fw_test_find_button (GTK_WIDGET (dialog), "Save _Anyway"));
  g_assert_nonnull (fw_test_find_button (GTK_WIDGET (dialog), "Save _As…"));
  g_assert_nonnull (fw_test_find_button (GTK_WIDGET (dialog), "_Save"));
  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  fw_test_spin (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (fw_document_get_modified (document));

  /* Save puts it back where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  g_signal_emit_by_name (fw_test_find_button (GTK_WIDGET (dialog), "_Save"), "clicked");
  fw_test_spin (50);
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_cmpfloat (inflow_on_disk (path), ==, 12);
  g_assert_false (fw_document_get_modified (document));

  /* Save As asks where to save it (what follows is Save As's own
   * path); cancelled, nothing is written and the work stays unsaved. */
  g_assert_true (fw_document_set_inflow (document, 0, 13, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  g_signal_emit_by_name (fw_test_find_button (GTK_WIDGET (dialog), "Save _As…"), "clicked");
  chooser = fw_test_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  /* Left to read its folder first: GTK's chooser still reading it when
   * the test's folder is removed would complain in a dialog of its own. */
  fw_test_spin (500);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  fw_test_spin (50);
  fw_test_wait_for_files (fixture->window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (fw_document_get_modified (document));
}

/* Edits made while a save is under way stay on screen and stay unsaved:
 * the file holds what was there when the save began. */
static void
test_edits_during_save_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Busy.flywheel");
  FwDocument *document;

  open_file (fixture->window, path);
  document = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (document, 0, 100, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  /* No main loop has run: the save's thread cannot have reported. */
  g_assert_true (fw_window_is_busy (fixture->window));
  g_assert_true (fw_document_set_inflow (document, 0, 200, NULL));
  fw_test_wait_for_files (fixture->window);

  g_assert_cmpfloat (inflow_on_disk (path), ==, 100);
  g_assert_cmpfloat (fw_document_get_scenario (document, 0)->inflow, ==, 200);
  g_assert_true (fw_document_get_modified (document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  /* Undoing back to what was saved is "not modified". */
  g_assert_true (fw_document_undo (document));
  g_assert_false (fw_document_get_modified (document));
}

static gboolean
tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* The largest project MODEL.md describes (50 scenarios of 16 stages and
 * 1000 points) opens and saves on a thread: the action returns at once
 * and the window goes on (the ticks of a 5 ms timer meanwhile are
 * logged, not asserted: the window's own frames share the loop, and
 * the machine's load decides how many). An untouched new project is
 * replaced in place, greyed out meanwhile, so that nobody edits what is
 * about to be replaced. From a project the user worked on, the file opens
 * in a window of its own; Cancel in its progress banner closes it. */
static void
test_big_files_off_the_main_loop (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = write_largest (fixture->dir, "Big.flywheel");
  FwDocument *before;
  gpointer loading;
  guint ticks = 0;
  guint timer;
  gint64 start;

  timer = g_timeout_add (5, tick, &ticks);
  start = g_get_monotonic_time ();
  g_assert_true (fw_window_is_pristine (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", path));
  g_assert_true (fw_window_is_busy (fixture->window));
  g_assert_false (gtk_widget_is_sensitive (fixture->window->wheel));
  fw_test_wait_for_files (fixture->window);
  g_assert_true (gtk_widget_is_sensitive (fixture->window->wheel));
  g_test_message ("opened in %.0f ms, %u ticks of 5 ms meanwhile",
                  (g_get_monotonic_time () - start) / 1000.0, ticks);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_cmpuint (fw_document_get_n_scenarios (fw_window_get_document (fixture->window)), ==, 50);

  ticks = 0;
  g_assert_true (fw_document_set_inflow (fw_window_get_document (fixture->window), 0, 9, NULL));
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (fw_window_is_busy (fixture->window));
  fw_test_wait_for_files (fixture->window);
  g_test_message ("saved in %.0f ms, %u ticks of 5 ms meanwhile",
                  (g_get_monotonic_time () - start) / 1000.0, ticks);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_cmpfloat (inflow_on_disk (path), ==, 9);
  g_source_remove (timer);

  /* Cancel: from a new project the user has worked on (an edit, and
   * its undo: not untouched), the big one opens in a window of its own,
   * and its Cancel closes that window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-from-template", "s", "four-a"));
  fw_test_spin (50);
  before = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (before, 0, 77, NULL));
  g_assert_true (fw_document_undo (before));
  g_assert_false (fw_window_is_pristine (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", path));
  loading = fw_test_newest_window_but (fixture->window);
  g_assert_nonnull (loading);
  g_object_add_weak_pointer (loading, &loading);
  g_assert_true (fw_window_is_busy (loading));
  g_assert_false (gtk_widget_is_sensitive (FW_WINDOW (loading)->wheel));
  /* The user's own project is neither busy nor greyed. */
  g_assert_false (fw_window_is_busy (fixture->window));
  g_assert_true (gtk_widget_is_sensitive (fixture->window->wheel));
  {
    /* The banner's Cancel button, as a user clicks it (the banner shows
     * once the open takes a moment). */
    GtkWidget *cancel = fw_test_find (loading, fw_test_is_button, "_Cancel");

    g_assert_nonnull (cancel);
    g_signal_emit_by_name (cancel, "clicked");
  }
  g_assert_true (fw_test_wait_until (is_gone, &loading));
  g_assert_null (fw_test_newest_window_but (fixture->window));
  g_assert_true (fw_window_get_document (fixture->window) == before);
  g_assert_true (gtk_widget_is_sensitive (fixture->window->wheel));
  g_assert_null (fw_window_get_error (fixture->window));
}

/* The texts with a digit on show under @root (each with its parents up
 * to @root visible; @root's own visibility aside, for a window not shown
 * yet): labels, and fields as they read. */
static void
add_numbers_on_show (GtkWidget  *widget,
                     GHashTable *numbers)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  if (text != NULL && strpbrk (text, "0123456789") != NULL)
    g_hash_table_add (numbers, g_strdup (text));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      add_numbers_on_show (child, numbers);
}

static GHashTable *
numbers_on_show (GtkWidget *root)
{
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_numbers_on_show (root, numbers);
  return numbers;
}

/* The figures of the project @window shows, as its figures panel reads
 * them. */
static GHashTable *
figures_on_show (FwWindow *window)
{
  GtkWidget *figures = fw_test_find_type (GTK_WIDGET (window), FW_TYPE_FIGURES_PANEL);

  g_assert_nonnull (figures);
  return numbers_on_show (figures);
}

/* Whether @widget and its parents up to @root are visible. */
static gboolean
shown_under (GtkWidget *widget,
             GtkWidget *root)
{
  for (; widget != NULL && widget != root; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget == root;
}

/* None of @figures (another project's) is on show in @window. */
static void
assert_none_on_show (FwWindow   *window,
                     GHashTable *figures)
{
  g_autoptr(GHashTable) shown = numbers_on_show (GTK_WIDGET (window));
  GHashTableIter iter;
  gpointer text;

  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (g_hash_table_contains (shown, text))
      g_error ("“%s”, a figure of the project being replaced, is on show while the file loads", (char *) text);
  g_assert_false (shown_under (fw_window_get_wheel (window), GTK_WIDGET (window)));
}

static gboolean
same_numbers (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer text;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (!g_hash_table_contains (b, text))
      return FALSE;
  return TRUE;
}

/* The page said while the file is read (fw-window-loading.c) names it. */
static void
assert_says_loading (FwWindow   *window,
                     const char *name)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);
  GtkWidget *said = fw_test_find (GTK_WIDGET (window), fw_test_is_label_with, quoted);

  g_assert_nonnull (said);
  g_assert_true (gtk_widget_get_visible (said));
  g_assert_true (fw_window_is_loading (window));
}

/* While a file is read into a window, the window shows no figures but
 * the file's (verification 8, V8-03): the untouched project it replaces
 * gives way to a page saying the file is being read, and the window made
 * for a file, named after it from the start, never shows the example it
 * starts with. After the load the file's figures show; after Cancel, the
 * project the window had, as it was. Before, the old figures stayed on
 * show, greyed, under the file's name. (Checked before the main loop
 * runs again: the load cannot have ended.) */
static void
test_no_other_figures_while_loading (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = write_largest (fixture->dir, "Big.flywheel");
  g_autofree char *other = fw_test_write_template (fixture->dir, "sales-cycle", "Other.flywheel");
  g_autoptr(GHashTable) example = NULL;
  g_autoptr(GHashTable) before = figures_on_show (fixture->window);
  g_autoptr(GHashTable) after = NULL;
  FwDocument *document = fw_window_get_document (fixture->window);
  gpointer loading;

  g_assert_cmpuint (g_hash_table_size (before), >, 3);
  g_assert_true (fw_window_is_pristine (fixture->window));

  /* Cancelled: the untouched project back, its figures as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", path));
  g_assert_true (fw_window_is_busy (fixture->window));
  assert_says_loading (fixture->window, "Big.flywheel");
  assert_none_on_show (fixture->window, before);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "Big.flywheel"));
  g_signal_emit_by_name (fw_test_find (GTK_WIDGET (fixture->window), fw_test_is_button, "_Cancel"), "clicked");
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_true (fw_window_get_document (fixture->window) == document);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "Untitled"));
  g_assert_false (fw_window_is_loading (fixture->window));
  g_assert_true (shown_under (fw_window_get_wheel (fixture->window), GTK_WIDGET (fixture->window)));
  after = figures_on_show (fixture->window);
  g_assert_true (same_numbers (before, after));
  g_clear_pointer (&after, g_hash_table_unref);

  /* Loaded: the file's figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", path));
  assert_says_loading (fixture->window, "Big.flywheel");
  assert_none_on_show (fixture->window, before);
  fw_test_wait_for_files (fixture->window);
  g_assert_null (fw_window_get_error (fixture->window));
  g_assert_cmpuint (fw_document_get_n_scenarios (fw_window_get_document (fixture->window)), ==, 50);
  g_assert_false (fw_window_is_loading (fixture->window));
  g_assert_true (shown_under (fw_window_get_wheel (fixture->window), GTK_WIDGET (fixture->window)));
  after = figures_on_show (fixture->window);
  g_assert_cmpuint (g_hash_table_size (after), >, 3);
  g_assert_false (same_numbers (before, after));

  /* From a window holding a project, the file opens in a window of its
   * own: its name at once, and not the example's figures under it. */
  g_assert_true (fw_document_set_inflow (fw_window_get_document (fixture->window), 0, 77, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", other));
  loading = fw_test_newest_window_but (fixture->window);
  g_assert_nonnull (loading);
  g_object_add_weak_pointer (loading, &loading);
  g_assert_true (fw_window_is_busy (loading));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (loading)), "Other.flywheel"));
  assert_says_loading (loading, "Other.flywheel");
  /* The example it starts with, as its figures panel holds it. */
  example = figures_on_show (loading);
  g_assert_cmpuint (g_hash_table_size (example), >, 3);
  assert_none_on_show (loading, example);
  g_signal_emit_by_name (fw_test_find (loading, fw_test_is_button, "_Cancel"), "clicked");
  g_assert_true (fw_test_wait_until (is_gone, &loading));
  fw_document_mark_saved (fw_window_get_document (fixture->window));
}

/* While a file is read into a window, nothing acts on the project it
 * is about to replace: F5 (and Shift+F5) does not present it, Copy does
 * not copy it, the header's scenario picker and scenario menu are
 * insensitive; once the file's project is in, F5 presents that one.
 * Before, F5 presented the old project over the loading page and the
 * picker listed the old project's scenarios. (Checked before the main
 * loop runs again: the load cannot have ended.) */
static void
test_nothing_acts_on_the_old_project_while_loading (Fixture       *fixture,
                                                    gconstpointer  data)
{
  g_autofree char *path = write_largest (fixture->dir, "Big.flywheel");
  FwWindow *window = fixture->window;
  FwSession *session = fw_window_get_session (window);

  g_assert_true (fw_window_is_pristine (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path));
  assert_says_loading (window, "Big.flywheel");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-start", NULL);
  g_assert_false (fw_session_get_presenting (fw_window_get_session (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-reveal", NULL);
  g_assert_false (fw_session_get_presenting (fw_window_get_session (window)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->scenario_dropdown)));
  g_assert_false (gtk_widget_is_sensitive (window->scenario_menu_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-wheel", NULL);
  g_assert_null (fw_test_find_shown (GTK_WIDGET (window), fw_test_is_label_with, "Copied the wheel"));
  /* (F5 is bound to win.present-start, Shift+F5 to win.present-reveal:
   * fw-window-present.c. An xdotool key press here left the display's
   * focus to the next test.) */

  fw_test_wait_for_files (window);
  g_assert_null (fw_window_get_error (window));
  g_assert_false (fw_window_is_loading (window));
  session = fw_window_get_session (window);
  g_assert_cmpuint (fw_document_get_n_scenarios (fw_window_get_document (window)), ==, 50);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->scenario_dropdown)));
  g_assert_true (gtk_widget_is_sensitive (window->scenario_menu_button));
  /* The file's project in: F5 presents it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-start", NULL));
  g_assert_true (fw_session_get_presenting (session));
  fw_session_set_presenting (session, FALSE);
}

/* `flywheel FILE` twice, or the same file by another name: through a
 * symbolic link, a linked folder, or a hard link: one window. */
static void
test_one_file_one_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-one-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Once.flywheel", NULL);
  g_autofree char *soft = g_build_filename (dir, "link.flywheel", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.flywheel", NULL);
  g_autofree char *folder_link = g_build_filename (dir, "here", NULL);
  g_autofree char *through_folder_path = g_build_filename (dir, "here", ".", "Once.flywheel", NULL);
  g_autoptr(FwProject) project = fw_template_create ("four-a", NULL);
  g_autoptr(FwApplication) app = fw_application_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) through_link = g_file_new_for_path (soft);
  g_autoptr(GFile) hard_link = g_file_new_for_path (hard);
  g_autoptr(GFile) through_folder = g_file_new_for_path (through_folder_path);
  g_autoptr(FwWindow) other = NULL;
  GList *windows;
  FwWindow *window;

  g_assert_true (fw_store_save (project, path, &error));
  g_assert_cmpint (symlink ("Once.flywheel", soft), ==, 0);
  g_assert_cmpint (symlink (".", folder_link), ==, 0);
  g_assert_cmpint (link (path, hard), ==, 0);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  fw_test_wait_for_files (window);
  g_assert_true (g_file_equal (fw_window_get_file (window), file));
  g_assert_true (fw_document_set_inflow (fw_window_get_document (window), 0, 31, NULL));

  /* Edited, so not pristine: a second file would get its own window;
   * the same one brings this window forward. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_application_open (G_APPLICATION (app), &through_link, 1, "");
  g_application_open (G_APPLICATION (app), &through_folder, 1, "");
  g_application_open (G_APPLICATION (app), &hard_link, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpfloat (fw_document_get_scenario (fw_window_get_document (window), 0)->inflow, ==, 31);
  /* Saves still go where the user opened it, not to the other names. */
  g_assert_true (g_file_equal (fw_window_get_file (window), file));

  /* Opening it from another window's Open does the same. */
  other = g_object_ref (fw_window_new (GTK_APPLICATION (app)));
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open-file", "s", path);
  fw_test_wait_for_files (other);
  g_assert_null (fw_window_get_file (other));
  g_assert_true (fw_window_find_for_file (GTK_APPLICATION (app), through_link) == window);
  g_assert_true (fw_window_find_for_file (GTK_APPLICATION (app), hard_link) == window);

  /* A save replaces the file under the name it was opened by; the hard
   * link keeps the project as it was, a file of its own now, which
   * opens in a window of its own (docs/file-format.md, "Hard links"). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  fw_test_wait_for_files (window);
  g_assert_null (fw_window_get_error (window));
  g_assert_cmpfloat (inflow_on_disk (path), ==, 31);
  g_assert_cmpfloat (inflow_on_disk (hard), !=, 31);
  g_assert_true (fw_window_find_for_file (GTK_APPLICATION (app), file) == window);
  g_assert_null (fw_window_find_for_file (GTK_APPLICATION (app), hard_link));

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin (50);
  g_unlink (folder_link);
  g_unlink (hard);
  g_unlink (soft);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
n_windows (FwApplication *app)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Where a file opens (issue 8, "keep working while it loads"): an
 * untouched new project is replaced in place, as `flywheel FILE` does;
 * a window holding a project keeps it, and the file opens in a window of
 * its own, shown once it is ready or takes a moment; a file open
 * already, or still opening, brings its window forward, asked for from
 * any window or from the command line. */
static gboolean
first_window_in_front (gpointer data)
{
  GtkWindow *window = data;
  GtkApplication *app = gtk_window_get_application (window);

  return gtk_application_get_windows (app)->data == window;
}

static void
test_where_a_file_opens (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-where-XXXXXX", &error);
  g_autofree char *a_path = fw_test_write_template (dir, "four-a", "A.flywheel");
  g_autofree char *b_path = fw_test_write_template (dir, "sales-cycle", "B.flywheel");
  g_autoptr(GFile) a = g_file_new_for_path (a_path);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  g_autoptr(FwApplication) app = fw_application_new ();
  FwDocument *document;
  FwWindow *first;
  FwWindow *second;

  /* An id of its own, as in save-as-onto-file-open-elsewhere. */
  g_application_set_application_id (G_APPLICATION (app), "io.github.flywheelapp.Flywheel.TestWhere");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Untouched: replaced in place. */
  first = fw_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (first));
  fw_test_spin (50);
  g_assert_true (fw_window_is_pristine (first));
  open_file (first, a_path);
  g_assert_cmpuint (n_windows (app), ==, 1);
  g_assert_true (g_file_equal (fw_window_get_file (first), a));
  document = fw_window_get_document (first);

  /* Holding a project, unmodified: B opens beside it, not in it. No main
   * loop runs before the checks, so B is still opening, not shown yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.open-file", "s", b_path));
  second = fw_window_find_for_file (GTK_APPLICATION (app), b);
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_true (fw_window_is_busy (second));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (second)));
  g_assert_cmpuint (n_windows (app), ==, 2);
  /* Named after the file from the start, not "Untitled". */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (second)), ==, "B.flywheel — Flywheel");

  /* Asked for again while it opens: that window comes, no third. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.open-file", "s", b_path));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (second)));
  g_application_open (G_APPLICATION (app), &b, 1, "");
  g_assert_cmpuint (n_windows (app), ==, 2);
  fw_test_wait_for_files (second);
  g_assert_null (fw_window_get_error (second));
  g_assert_true (g_file_equal (fw_window_get_file (second), b));
  g_assert_true (fw_window_get_document (first) == document);
  g_assert_true (g_file_equal (fw_window_get_file (first), a));

  /* A from the second window: the first comes forward (GtkApplication
   * puts the window that became active first in its list once the X
   * server's focus change comes back: waited for, not a fixed pause). */
  fw_test_spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.open-file", "s", a_path));
  if (!fw_test_wait_until (first_window_in_front, first))
    g_error ("the window holding A did not come forward");
  g_assert_cmpuint (n_windows (app), ==, 2);
  g_assert_true (fw_window_get_document (second) != document);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
  fw_test_spin (50);
  g_unlink (a_path);
  g_unlink (b_path);
  g_rmdir (dir);
}

/* Save As onto a file another window has open (directly or through a
 * link, or still opening it) is refused in words that name the file,
 * and nothing is written; "Switch to That Window" brings that window
 * forward. The window that asked keeps its work, unsaved. */
static void
test_save_as_onto_file_open_elsewhere (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-save-as-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Held.flywheel", NULL);
  g_autofree char *link = g_build_filename (dir, "link.flywheel", NULL);
  g_autofree char *other_path = g_build_filename (dir, "Other.flywheel", NULL);
  g_autoptr(FwProject) project = fw_template_create ("four-a", NULL);
  g_autoptr(FwApplication) app = fw_application_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *question = NULL;
  g_autofree char *detail = NULL;
  GtkDialog *dialog = NULL;
  FwWindow *holder;
  FwWindow *saver;

  g_assert_true (fw_store_save (project, path, &error));
  g_assert_cmpint (symlink ("Held.flywheel", link), ==, 0);
  /* An id of its own: the application of another test in this process
   * may still hold the program's object path on the bus. */
  g_application_set_application_id (G_APPLICATION (app), "io.github.flywheelapp.Flywheel.TestSaveAs");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  holder = g_object_ref (fw_window_new (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (holder));
  open_file (holder, path);
  saver = g_object_ref (fw_window_new (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (saver));
  g_assert_true (fw_document_set_inflow (fw_window_get_document (saver), 0, 808, NULL));
  fw_test_spin (50);

  /* Through the link: the same file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (saver), "win.save-to", "s", link));
  dialog = wait_for_question ();
  question = dialog_text (dialog);
  g_assert_cmpstr (question, ==, "“link.flywheel” is open in another window");
  g_object_get (dialog, "secondary-text", &detail, NULL);
  g_assert_nonnull (strstr (detail, "another name"));
  g_assert_false (fw_window_is_busy (saver));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (saver));
  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  fw_test_spin (50);
  fw_test_wait_for_files (saver);
  g_assert_cmpuint (n_stages_on_disk (path), ==, 4);
  g_assert_cmpfloat (inflow_on_disk (path), !=, 808);
  g_assert_true (fw_document_get_modified (fw_window_get_document (saver)));
  g_assert_null (fw_window_get_file (saver));

  /* By its own name; "Switch to That Window" presents the holder. */
  dialog = NULL;
  gtk_window_present (GTK_WINDOW (saver));
  fw_test_spin (50);
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == saver);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (saver), "win.save-to", "s", path));
  dialog = wait_for_question ();
  g_clear_pointer (&question, g_free);
  question = dialog_text (dialog);
  g_assert_cmpstr (question, ==, "“Held.flywheel” is open in another window");
  gtk_dialog_response (dialog, 3 /* Switch to That Window */);
  fw_test_spin (100);
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == holder);
  g_assert_cmpfloat (inflow_on_disk (path), !=, 808);

  /* A window still opening the file holds it too. */
  gtk_window_destroy (GTK_WINDOW (holder));
  g_clear_object (&holder);
  fw_test_spin (50);
  holder = g_object_ref (fw_window_new (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (holder), "win.open-file", "s", path));
  g_assert_true (fw_window_is_busy (holder));
  g_assert_true (fw_window_find_for_file (GTK_APPLICATION (app), file) == holder);
  fw_test_wait_for_files (holder);
  g_assert_true (fw_window_find_for_file (GTK_APPLICATION (app), file) == holder);

  /* Another name is saved as asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (saver), "win.save-to", "s", other_path));
  fw_test_wait_for_files (saver);
  g_assert_null (fw_window_get_error (saver));
  g_assert_cmpfloat (inflow_on_disk (other_path), ==, 808);
  g_assert_false (fw_document_get_modified (fw_window_get_document (saver)));

  gtk_window_destroy (GTK_WINDOW (saver));
  gtk_window_destroy (GTK_WINDOW (holder));
  g_object_unref (saver);
  g_object_unref (holder);
  fw_test_spin (50);
  g_unlink (link);
  g_unlink (path);
  g_unlink (other_path);
  g_rmdir (dir);
}

/* Recovery ----------------------------------------------------------------- */

/* A new project a program left unsaved when it ended, offered back in
 * the fixture's window. */
static void
offer_unsaved_new_project (Fixture *fixture)
{
  g_autoptr(FwProject) untitled = fw_template_create ("sales-cycle", NULL);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = NULL;
  FwRecovery *dead = fw_recovery_new (fw_recovery_get_folder (fixture->recovery), &error);

  g_assert_no_error (error);
  slot = fw_recovery_new_slot (dead);
  g_assert_true (fw_recovery_write (dead, slot, untitled, NULL, NULL, &error));
  g_assert_no_error (error);
  fw_recovery_unref (dead);
  copies = fw_recovery_adopt_orphans (fixture->recovery);
  g_assert_cmpuint (copies->len, ==, 1);
  fw_window_offer_recovered (fixture->window, g_steal_pointer (&copies->pdata[0]));
  fw_test_spin (300);
}

static guint
n_copies (Fixture *fixture)
{
  return fw_test_count_copies (fw_recovery_get_folder (fixture->recovery), NULL);
}

static gboolean
has_copy (gpointer data)
{
  return n_copies (data) == 1;
}

static gboolean
copy_holds_77 (gpointer copy)
{
  return inflow_on_disk (copy) == 77;
}

static char *
copy_path (Fixture *fixture)
{
  g_autofree char *name = g_strconcat (fw_window_get_recovery_slot (fixture->window), ".flywheel", NULL);

  return g_build_filename (fw_recovery_get_folder (fixture->recovery), name, NULL);
}

/* An edit is in a recovery copy (never in the user's file); a save
 * removes it. The same for a project never saved. How soon the copy
 * comes is the timer's (fw-window-recovery.c), not asserted here. */
static void
test_recovery_copy_follows_edits (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Work.flywheel");
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  FwDocument *document;

  /* A file opened into the untouched window. */
  open_file (fixture->window, path);
  document = fw_window_get_document (fixture->window);
  g_assert_true (fw_document_set_inflow (document, 0, 66, NULL));
  g_assert_true (fw_test_wait_until (has_copy, fixture));
  copy = copy_path (fixture);
  fw_test_spin (100);
  g_assert_cmpfloat (inflow_on_disk (copy), ==, 66);
  g_assert_cmpfloat (inflow_on_disk (path), !=, 66);

  /* A later edit reaches the copy too. */
  g_assert_true (fw_document_set_inflow (document, 0, 77, NULL));
  g_assert_true (fw_test_wait_until (copy_holds_77, copy));
  g_assert_cmpfloat (inflow_on_disk (copy), ==, 77);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  fw_test_wait_for_files (fixture->window);
  fw_test_spin (100);
  g_assert_cmpuint (n_copies (fixture), ==, 0);
  g_assert_cmpfloat (inflow_on_disk (path), ==, 77);

  /* Never saved: a new project in the same window (saved, so nothing
   * to ask). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-from-template", "s", "four-a"));
  fw_test_spin (50);
  g_assert_null (fw_window_get_file (fixture->window));
  g_assert_true (fw_document_set_inflow (fw_window_get_document (fixture->window), 0, 55, NULL));
  g_assert_true (fw_test_wait_until (has_copy, fixture));
  g_free (copy);
  copy = copy_path (fixture);
  fw_test_spin (100);
  g_assert_cmpfloat (inflow_on_disk (copy), ==, 55);
  /* Undone back to where it started: nothing left to recover. */
  g_assert_true (fw_document_undo (fw_window_get_document (fixture->window)));
  fw_test_spin (100);
  g_assert_cmpuint (n_copies (fixture), ==, 0);
}

/* Work left by a program that ended without saving is offered in a
 * banner; Restore shows it unsaved, under its file's name; saving goes
 * to that file (asking, when it changed since) and removes the copy.
 * Discard removes the copy. */
static void
test_recovery_restore_and_discard (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Client.flywheel");
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) edited = fw_store_load (path, &error);
  g_autoptr(FwProject) untitled = fw_template_create ("sales-cycle", NULL);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *slot_a = NULL;
  g_autofree char *slot_b = NULL;
  GtkDialog *dialog = NULL;
  GtkWidget *restore;
  FwRecovery *dead;

  /* A program that had Client.flywheel open with an edit, and a new
   * project, and ended without a word. */
  {
    g_autofree char *folder = g_strdup (fw_recovery_get_folder (fixture->recovery));
    FwWindow *opened = g_object_ref_sink (fw_window_new (NULL));

    dead = fw_recovery_new (folder, &error);
    g_assert_no_error (error);
    fw_window_set_recovery (opened, dead);
    open_file (opened, path);
    g_assert_true (fw_document_set_inflow (fw_window_get_document (opened), 0, 1234, NULL));
    g_assert_true (fw_window_recovery_write_now (opened));
    slot_a = g_strdup (fw_window_get_recovery_slot (opened));
    gtk_window_destroy (GTK_WINDOW (opened));
    g_object_unref (opened);
    slot_b = fw_recovery_new_slot (dead);
    g_assert_true (fw_recovery_write (dead, slot_b, untitled, NULL, NULL, &error));
    fw_recovery_unref (dead);
  }
  fw_test_spin (50);

  copies = fw_recovery_adopt_orphans (fixture->recovery);
  g_assert_cmpuint (copies->len, ==, 2);
  for (guint i = 0; i < copies->len; i++)
    fw_window_offer_recovered (fixture->window, g_steal_pointer (&copies->pdata[i]));
  fw_test_spin (300);

  /* Restore Client's: it fills this untouched window. */
  g_assert_true (fw_window_is_pristine (fixture->window));
  restore = fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_label_with, "Unsaved changes to “Client.flywheel” from ");
  g_assert_nonnull (restore);
  restore = fw_test_find_shown (gtk_widget_get_parent (restore), fw_test_is_button, "_Restore");
  g_assert_nonnull (restore);
  g_signal_emit_by_name (restore, "clicked");
  fw_test_spin (100);
  g_assert_true (g_file_equal (fw_window_get_file (fixture->window), file));
  g_assert_true (fw_document_get_modified (fw_window_get_document (fixture->window)));
  g_assert_cmpfloat (fw_document_get_scenario (fw_window_get_document (fixture->window), 0)->inflow, ==, 1234);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• Client.flywheel"));

  /* The other, the new project never saved: Discard, and its copy is
   * gone once the moment to undo it is over. */
  g_assert_nonnull (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_label_with, "An unsaved new project, “Seven-step sales cycle”, from "));
  g_signal_emit_by_name (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Discard"), "clicked");
  fw_test_spin (100);
  g_assert_null (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Restore"));
  g_assert_true (fw_test_wait_until (has_copy, fixture));

  /* The file changed since the work was recovered: saving asks. */
  g_assert_true (fw_store_save (untitled, path, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  dialog = wait_for_question ();
  gtk_dialog_response (dialog, 1 /* Save Anyway */);
  fw_test_spin (50);
  fw_test_wait_for_files (fixture->window);
  fw_test_spin (100);
  g_assert_cmpfloat (inflow_on_disk (path), ==, 1234);
  g_assert_false (fw_document_get_modified (fw_window_get_document (fixture->window)));
  g_assert_cmpuint (n_copies (fixture), ==, 0);
}

/* Presenting shows no banner: the recovery offer, naming another of
 * the presenter's files with its Discard button, stayed across the top
 * of the projected screen. It waits, and is there again, Restore and
 * the copy with it, when presenting ends. */
static void
test_recovery_offer_not_presented (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *offer;

  offer_unsaved_new_project (fixture);
  offer = fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_label_with, "An unsaved new project");
  g_assert_nonnull (offer);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present-start", NULL));
  fw_test_spin (100);
  g_assert_true (fw_session_get_presenting (fw_window_get_session (fixture->window)));
  g_assert_false (gtk_widget_is_visible (offer));
  g_assert_null (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Restore"));
  g_assert_null (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Discard"));

  g_assert_true (gtk_widget_activate_action (fw_window_get_present_view (fixture->window), "present.end", NULL));
  fw_test_spin (100);
  g_assert_false (fw_session_get_presenting (fw_window_get_session (fixture->window)));
  g_assert_true (gtk_widget_is_visible (offer));
  g_assert_nonnull (fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Restore"));
  g_assert_cmpuint (n_copies (fixture), ==, 1);
}

/* Restore clicked while the window opens a file (`flywheel FILE` after
 * a crash offers the copy in the window that opens FILE): the work goes
 * into a window of its own, not into the one the file is about to fill,
 * and both are there once the file has arrived. */
static void
test_restore_while_opening (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fw_test_write_template (fixture->dir, "four-a", "Opening.flywheel");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *restore;
  FwWindow *restored;

  offer_unsaved_new_project (fixture);
  restore = fw_test_find_shown (GTK_WIDGET (fixture->window), fw_test_is_button, "_Restore");
  g_assert_nonnull (restore);

  /* The untouched window opens the file; no main loop runs before the
   * click, so it is still reading. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", "s", path));
  g_assert_true (fw_window_is_busy (fixture->window));
  g_signal_emit_by_name (restore, "clicked");
  restored = fw_test_newest_window_but (fixture->window);
  g_assert_nonnull (restored);
  g_assert_true (fw_document_get_modified (fw_window_get_document (restored)));

  fw_test_wait_for_files (fixture->window);
  g_assert_true (g_file_equal (fw_window_get_file (fixture->window), file));
  g_assert_cmpuint (fw_document_get_scenario (fw_window_get_document (restored), 0)->stages->len, ==, 7);
  g_assert_true (fw_document_get_modified (fw_window_get_document (restored)));
  gtk_window_destroy (GTK_WINDOW (restored));
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);
  /* open-asks-nothing opens GTK's file chooser itself. */
  fw_test_start_cloud_providers ();

#define ADD(path, func) \
  g_test_add ("/window-files/" path, Fixture, NULL, fw_test_files_set_up, func, fw_test_files_tear_down)

  ADD ("asks-before-overwriting", test_asks_before_overwriting);
  ADD ("asks-when-file-deleted", test_asks_when_file_deleted);
  ADD ("open-asks-nothing", test_open_asks_nothing);
  ADD ("keep-working-while-largest-loads", test_keep_working_while_largest_loads);
  ADD ("no-other-figures-while-loading", test_no_other_figures_while_loading);
  ADD ("nothing-acts-on-the-old-project-while-loading", test_nothing_acts_on_the_old_project_while_loading);
  ADD ("failed-open-leaves-work-alone", test_failed_open_leaves_work_alone);
  ADD ("edits-during-save-kept", test_edits_during_save_kept);
  ADD ("big-files-off-the-main-loop", test_big_files_off_the_main_loop);
  ADD ("recovery-copy-follows-edits", test_recovery_copy_follows_edits);
  ADD ("recovery-restore-and-discard", test_recovery_restore_and_discard);
  ADD ("restore-while-opening", test_restore_while_opening);
  ADD ("recovery-offer-not-presented", test_recovery_offer_not_presented);
  g_test_add_func ("/window-files/one-file-one-window", test_one_file_one_window);
  g_test_add_func ("/window-files/where-a-file-opens", test_where_a_file_opens);
  g_test_add_func ("/window-files/save-as-onto-file-open-elsewhere", test_save_as_onto_file_open_elsewhere);
  return g_test_run ();
}
