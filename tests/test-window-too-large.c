/* test-window-too-large.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-too-large"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "fw-json.h"
#include "fw-renderer-choice.h"
#include "fw-store.h"
#include "fw-test-window.h"
#include "fw-window.h"
#include "fw-window-private.h"

/* A runaway wheel (tests/data/boom.json: referrals past 100% a week for
 * 2000 weeks) grows past what a double holds, and its figures read "—":
 * the figures pane says under its heading what the dash means, with the
 * loop gain, and says nothing of it for an ordinary wheel (user review,
 * R5-18). Run by tests/with-display.py. */

static gboolean
note_shown (gpointer data)
{
  GtkWidget *note = fw_test_find_named (data, "figures-too-large");

  return note != NULL && gtk_widget_is_visible (note) &&
         strstr (gtk_label_get_text (GTK_LABEL (note)), "too large to compute") != NULL;
}

static void
test_runaway_explained (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "boom.json", NULL);
  g_autofree char *folder = g_dir_make_tmp ("too-large-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "boom.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FwProject *project = fw_project_from_json_file (json, &error);
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  GtkWidget *note;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  /* An ordinary wheel: nothing to explain. */
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  g_assert_false (note_shown (window));

  g_assert_true (fw_store_save (project, path, &error));
  g_assert_no_error (error);
  fw_window_load (window, file);
  fw_test_wait_for_files (window);
  g_assert_true (fw_test_wait_until (note_shown, window));
  note = fw_test_find_named (GTK_WIDGET (window), "figures-too-large");
  g_test_message ("note: %s", gtk_label_get_text (GTK_LABEL (note)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "grows without limit (loop gain "));
  /* In view: under the heading, above the figures it explains. */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (note, gtk_widget_get_parent (note), &bounds));
    g_assert_cmpfloat (bounds.origin.y, <, 100.0);
  }

  fw_test_window_close (window);
  fw_project_free (project);
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);
  g_test_add_func ("/window-too-large/runaway-explained", test_runaway_explained);
  return g_test_run ();
}
