/* fw-test-files.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-test-files"

#include <stdlib.h>
#include <string.h>

#include "fw-store.h"
#include "fw-templates.h"
#include "fw-test-files.h"
#include "fw-test-window.h"

void
fw_test_files_set_up (FwTestFiles   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  fixture->dir = g_dir_make_tmp ("fw-test-files-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (fixture->dir, "recovery", NULL);
  fixture->recovery = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (fw_window_new (NULL));
  fw_window_set_recovery (fixture->window, fixture->recovery);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fw_test_spin (100);
}

void
fw_test_files_tear_down (FwTestFiles   *fixture,
                         gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  fw_recovery_unref (fixture->recovery);
  g_assert_cmpint (system (command), ==, 0);
  g_free (fixture->dir);
  fw_test_spin (20);
}

char *
fw_test_write_template (const char *dir,
                        const char *template_id,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_template_create (template_id, &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (fw_store_save (project, path, &error));
  g_assert_no_error (error);
  return path;
}

guint
fw_test_count_copies (const char  *folder,
                      char       **first)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".info") && n++ == 0 && first != NULL)
      {
        g_autofree char *slot = g_strndup (name, strlen (name) - strlen (".info"));
        g_autofree char *file = g_strconcat (slot, ".flywheel", NULL);

        *first = g_build_filename (folder, file, NULL);
      }
  return n;
}
