/* test-window-recovery.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-recovery"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "fw-test-files.h"
#include "fw-test-window.h"
#include "fw-renderer-choice.h"
#include "fw-window.h"

/* A window's recovery copy is written again only when it would hold
 * something else: SIGTERM and the session's end
 * (fw_window_recovery_write_now ()) skip a copy already on disk, which
 * for the largest project took 32 s of the time a session manager gives.
 * Run by tests/with-display.py. */

typedef FwTestFiles Fixture;

/* The recovery copy's project file, the only one in the folder. A copy
 * is written to a temporary file renamed over it, so each write gives it
 * a new inode: the inode tells whether it was written again. */
static guint64
copy_inode (Fixture *fixture)
{
  g_autofree char *copy = NULL;
  GStatBuf st;

  g_assert_cmpuint (fw_test_count_copies (fw_recovery_get_folder (fixture->recovery), &copy), ==, 1);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  return st.st_ino;
}

static void
test_write_now_skips_a_current_copy (Fixture       *fixture,
                                     gconstpointer  data)
{
  FwDocument *document = fw_window_get_document (fixture->window);
  guint64 first, second, undone;

  /* Written at once, before the window's own timer can fire. */
  g_assert_true (fw_document_set_inflow (document, 0, 55, NULL));
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  first = copy_inode (fixture);

  /* Nothing changed since: not written again. */
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  g_assert_cmpuint (copy_inode (fixture), ==, first);

  /* An edit (a step of its own, as after leaving the field): written. */
  fw_document_seal (document);
  g_assert_true (fw_document_set_inflow (document, 0, 66, NULL));
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  second = copy_inode (fixture);
  g_assert_cmpuint (second, !=, first);
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  g_assert_cmpuint (copy_inode (fixture), ==, second);

  /* Undone back to a version written before, but not the one on disk
   * now: written. */
  g_assert_true (fw_document_undo (document));
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  undone = copy_inode (fixture);
  g_assert_cmpuint (undone, !=, second);
  g_assert_true (fw_window_recovery_write_now (fixture->window));
  g_assert_cmpuint (copy_inode (fixture), ==, undone);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  /* As test-window-files: nothing of the user's state folder touched. */
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);
  g_test_add ("/window-recovery/write-now-skips-a-current-copy", Fixture, NULL,
              fw_test_files_set_up, test_write_now_skips_a_current_copy, fw_test_files_tear_down);
  return g_test_run ();
}
