/* test-app-error-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-app-error-text"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "fw-error.h"
#include "fw-error-text.h"
#include "fw-file.h"

/* The sentences the window says, chosen by error code (fw-error-text.h);
 * no display needed. */

static char *
save_text (GQuark      domain,
           int         code,
           const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/somewhere/Acme.flywheel");
  g_autoptr(GError) error = g_error_new_literal (domain, code, message);

  return fw_error_text_save (file, error);
}

/* A file of another user, in a folder the user may write, is refused for
 * the file's sake (src/core/fw-file.c, keep_ownership ()): the sentence
 * names the file's owner, not the folder. */
static void
test_save_other_users_file (void)
{
  g_autofree char *text =
    save_text (G_FILE_ERROR, G_FILE_ERROR_PERM,
               "/somewhere/Acme.flywheel: cannot save: it belongs to alice, group staff, ...");
  g_autofree char *folder = save_text (G_FILE_ERROR, G_FILE_ERROR_ACCES, "permission denied");

  g_assert_nonnull (strstr (text, "belongs to another user"));
  g_assert_null (strstr (text, "folder"));
  g_assert_null (strstr (text, "alice"));   /* the detail is for the log */
  g_assert_nonnull (strstr (folder, "not allowed to save in that folder"));
}

/* An export that failed is said as one: the file's name and why, and
 * not a save's "try Save As" (exports have none; nothing is unsaved). */
static void
test_export_failed (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/somewhere/Acme — Baseline.pdf");
  g_autoptr(GError) error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "no folder");
  g_autofree char *text = fw_error_text_export (file, error);

  g_assert_cmpstr (text, ==, "Could not export “Acme — Baseline.pdf”. The folder it would go in "
                             "does not exist. Nothing was written; export again into another folder.");
}

/* A refused number is repeated with its digits grouped as the figures
 * are, the limits too, where the locale groups digits. */
static void
test_range_grouped (void)
{
  g_autoptr(GError) error = NULL;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("no en_US.UTF-8 locale installed to check grouping");
      return;
    }
  g_assert_false (fw_error_text_check_range ("New leads from marketing", 99999999999999.0, 0, 1e12, &error));
  g_assert_error (error, FW_ERROR, FW_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "New leads from marketing: must be between 0 and 1,000,000,000,000, got 99,999,999,999,999");
  g_clear_error (&error);
  /* Never rounded onto the limit. */
  g_assert_false (fw_error_text_check_range ("Drop-off", 100.04, 0, 100, &error));
  g_assert_cmpstr (error->message, ==, "Drop-off: must be between 0 and 100, got 100.04");
  setlocale (LC_ALL, "C.UTF-8");
}

/* A named pipe opened in the window is said to be one, in the words the
 * loaders and the command line use ("a named pipe, not a file"), not
 * "It is not a Flywheel project" (verification 8c, V8-04). */
static void
test_open_named_pipe (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-error-text-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "f.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  guint64 size;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_cmpint (fw_file_open_regular (path, &size, &error), ==, -1);
  g_assert_cmpstr (error->message, ==, "a named pipe, not a file");
  text = fw_error_text_open (file, error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "“f.flywheel”"));
  g_assert_nonnull (strstr (text, error->message));
  g_assert_null (strstr (text, "not a Flywheel project"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error-text/save/other-users-file", test_save_other_users_file);
  g_test_add_func ("/error-text/export/failed", test_export_failed);
  g_test_add_func ("/error-text/range/grouped", test_range_grouped);
  g_test_add_func ("/error-text/open/named-pipe", test_open_named_pipe);

  return g_test_run ();
}
