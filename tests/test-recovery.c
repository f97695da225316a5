/* test-recovery.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-recovery"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fw-document.h"
#include "fw-json.h"
#include "fw-recovery.h"
#include "fw-store.h"
#include "fw-store-file.h"
#include "fw-templates.h"

/* Recovery copies without a window (fw-recovery.h): written whole,
 * offered only when the program that wrote them is gone, taken over by
 * the one that offers them, removed on request. */

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fw-recovery-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static FwProject *
template_named (const char *name)
{
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_template_create ("four-a", &error);

  g_assert_no_error (error);
  g_free (project->name);
  project->name = g_strdup (name);
  return project;
}

static guint
count_with_suffix (const char *folder,
                   const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* A program's copies are offered once it has ended, not while it runs,
 * and the program that offers them takes them over. */
static void
test_recovery_orphans_only (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) saved = template_named ("Saved client");
  g_autoptr(FwProject) untitled = template_named ("Never saved");
  g_autoptr(FwRecovery) second = NULL;
  g_autoptr(FwRecovery) third = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(FwProject) loaded = NULL;
  FwRecovery *first = fw_recovery_new (folder, &error);
  g_autofree char *slot_a = NULL;
  g_autofree char *slot_b = NULL;
  const FwRecoveredCopy *copy;

  g_assert_no_error (error);
  slot_a = fw_recovery_new_slot (first);
  slot_b = fw_recovery_new_slot (first);
  g_assert_cmpstr (slot_a, !=, slot_b);
  g_assert_true (fw_recovery_write (first, slot_a, saved, "/somewhere/Client é.flywheel", "1:2:3:4:5", &error));
  g_assert_no_error (error);
  g_assert_true (fw_recovery_write (first, slot_b, untitled, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The first program still runs: nothing to offer. */
  second = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  copies = fw_recovery_adopt_orphans (second);
  g_assert_cmpuint (copies->len, ==, 0);
  g_clear_pointer (&copies, g_ptr_array_unref);

  fw_recovery_unref (first);
  copies = fw_recovery_adopt_orphans (second);
  g_assert_cmpuint (copies->len, ==, 2);

  copy = NULL;
  for (guint i = 0; i < copies->len; i++)
    if (g_strcmp0 (((FwRecoveredCopy *) copies->pdata[i])->path, "/somewhere/Client é.flywheel") == 0)
      copy = copies->pdata[i];
  g_assert_nonnull (copy);
  g_assert_cmpstr (copy->identity, ==, "1:2:3:4:5");
  g_assert_cmpstr (copy->project_name, ==, "Saved client");
  g_assert_cmpint (copy->written, >, 0);
  loaded = fw_recovery_load (second, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Saved client");

  /* Now the second program's: a third one is not offered them. */
  third = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  none = fw_recovery_adopt_orphans (third);
  g_assert_cmpuint (none->len, ==, 0);

  for (guint i = 0; i < copies->len; i++)
    fw_recovery_remove (second, ((FwRecoveredCopy *) copies->pdata[i])->slot);
  g_assert_cmpuint (count_with_suffix (folder, ".flywheel"), ==, 0);
  g_assert_cmpuint (count_with_suffix (folder, ".info"), ==, 0);
}

/* A program killed with SIGKILL leaves its copy, and its lock goes with
 * it: the next start offers the copy. */
static void
test_recovery_survives_kill (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwRecovery) next = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(FwProject) loaded = NULL;
  int status;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      FwRecovery *doomed = fw_recovery_new (folder, NULL);
      g_autofree char *slot = fw_recovery_new_slot (doomed);
      g_autoptr(FwProject) project = template_named ("Killed with work");

      if (!fw_recovery_write (doomed, slot, project, NULL, NULL, NULL))
        _exit (1);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  next = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  copies = fw_recovery_adopt_orphans (next);
  g_assert_cmpuint (copies->len, ==, 1);
  loaded = fw_recovery_load (next, copies->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Killed with work");
  g_assert_null (((FwRecoveredCopy *) copies->pdata[0])->path);
}

/* Nothing but a program's own copies outlives it: the next start removes
 * the lock file of one that was killed (it left no copy, so nothing else
 * would), never that of one still running; and a program ending
 * normally removes its own lock even while something still holds a
 * reference to it (a window not yet finalized when the program quits
 * through "Save changes?", or after SIGTERM). */
static void
test_recovery_stale_locks (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwRecovery) running = NULL;
  g_autoptr(FwRecovery) next = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  FwRecovery *ending;
  int status;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      if (fw_recovery_new (folder, NULL) == NULL)
        _exit (1);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 1);

  running = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  next = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 3);
  copies = fw_recovery_adopt_orphans (next);
  g_assert_cmpuint (copies->len, ==, 0);
  /* The killed one's is gone; the running one's and its own stay. */
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 2);

  /* Ending with a reference still held elsewhere. */
  ending = fw_recovery_ref (g_steal_pointer (&running));
  fw_recovery_end (ending);
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 1);
  fw_recovery_unref (ending);
  fw_recovery_unref (ending);
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 1);
  g_clear_pointer (&next, fw_recovery_unref);
  g_assert_cmpuint (count_with_suffix (folder, ".lock"), ==, 0);
}

/* A copy is private to the user, and never written where the project
 * file is. A project without its info (a write cut short) is never
 * offered. */
static void
test_recovery_private_and_whole (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *half = g_build_filename (folder, "0123456789abcdef-1.flywheel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = template_named ("Private");
  g_autoptr(FwRecovery) recovery = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *written = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (half, "SQLite format 3", -1, NULL));
  /* The folder is made when missing, private. */
  {
    g_autofree char *inner = g_build_filename (folder, "state", "flywheel", NULL);

    recovery = fw_recovery_new (inner, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (inner, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    g_clear_pointer (&recovery, fw_recovery_unref);
  }

  recovery = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  copies = fw_recovery_adopt_orphans (recovery);
  g_assert_cmpuint (copies->len, ==, 0);
  /* The dead write is cleared away. */
  g_assert_false (g_file_test (half, G_FILE_TEST_EXISTS));

  slot = fw_recovery_new_slot (recovery);
  g_assert_true (fw_recovery_write (recovery, slot, project, "/nowhere/x.flywheel", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test ("/nowhere/x.flywheel", G_FILE_TEST_EXISTS));
  written = g_strconcat (folder, G_DIR_SEPARATOR_S, slot, ".flywheel", NULL);
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (fw_recovery_write_finish (NULL, result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The window's way: a copy handed over and written on a thread. */
static void
test_recovery_async (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwRecovery) recovery = fw_recovery_new (folder, &error);
  g_autofree char *slot = fw_recovery_new_slot (recovery);
  g_autofree char *path = NULL;
  g_autoptr(FwProject) loaded = NULL;
  g_autoptr(FwProject) lent = template_named ("On a thread");
  gboolean done = FALSE;

  g_assert_no_error (error);
  fw_recovery_write_async (recovery, slot, lent, NULL, NULL, NULL, NULL, on_written, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  path = g_strconcat (folder, G_DIR_SEPARATOR_S, slot, ".flywheel", NULL);
  loaded = fw_store_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "On a thread");
  fw_recovery_remove (recovery, slot);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A file's identity survives as text, so a restored project still knows
 * whether its file changed since. */
static void
test_recovery_identity (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "x.flywheel", NULL);
  g_autoptr(FwProject) project = template_named ("Identity");
  g_autoptr(FwStoreFile) file = fw_store_file_new (path);
  g_autoptr(FwStoreFile) again = fw_store_file_new (path);
  g_autoptr(FwStoreFile) unknown = fw_store_file_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *identity = NULL;

  g_assert_null (fw_store_file_get_identity (file));
  g_assert_true (fw_store_file_save (file, project, &error));
  g_assert_no_error (error);
  identity = fw_store_file_get_identity (file);
  g_assert_nonnull (identity);

  fw_store_file_set_identity (again, identity);
  g_assert_false (fw_store_file_changed_on_disk (again));
  g_assert_true (fw_store_save (project, path, &error));
  g_assert_true (fw_store_file_changed_on_disk (again));
  g_assert_true (fw_store_file_is_path (again, path));

  fw_store_file_set_identity (unknown, "not an identity");
  g_assert_null (fw_store_file_get_identity (unknown));
}

static void
assert_copy_holds (FwRecovery      *recovery,
                   const char      *slot,
                   const FwProject *expected)
{
  g_autoptr(GError) error = NULL;
  FwRecoveredCopy copy = { (char *) slot, NULL, NULL, NULL, 0 };
  g_autoptr(FwProject) read = fw_recovery_load (recovery, &copy, &error);
  g_autofree char *want = fw_project_to_json (expected);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = fw_project_to_json (read);
  g_assert_cmpstr (got, ==, want);
}

static FwScenario *
renamed_copy (const FwScenario *scenario,
              const char       *name)
{
  FwScenario *copy = fw_scenario_copy (scenario);

  g_free (copy->name);
  copy->name = g_strdup (name);
  return copy;
}

/* A copy made from the user's file, or from the copy before it, and the
 * changes: it holds the work exactly, whatever changed (a field, a
 * point added, a scenario added or removed). The user's file is never
 * written; one that changed since it was opened is not used. */
static void
test_recovery_from_base (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *user_path = g_build_filename (folder, "user.flywheel", NULL);
  g_autofree char *identity = NULL;
  g_autofree char *user_before = NULL;
  g_autofree char *user_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) saved = template_named ("Client");
  g_autoptr(FwProject) edited = NULL;
  g_autoptr(FwProject) more = NULL;
  g_autoptr(FwProject) fewer = NULL;
  g_autoptr(FwRecovery) recovery = NULL;
  g_autoptr(FwStoreFile) file = NULL;
  g_autoptr(FwProject) loaded = NULL;
  g_autofree char *slot = NULL;
  FwRecoveryBase base;
  gsize length;

  fw_project_get_scenario (saved, 0)->inflow = 100;
  g_ptr_array_add (saved->scenarios, renamed_copy (fw_project_get_scenario (saved, 0), "Second"));
  g_assert_true (fw_store_save (saved, user_path, &error));
  g_assert_no_error (error);
  file = fw_store_file_new (user_path);
  loaded = fw_store_file_load (file, &error);
  g_assert_no_error (error);
  identity = fw_store_file_get_identity (file);
  g_assert_true (g_file_get_contents (user_path, &user_before, &length, NULL));

  recovery = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  slot = fw_recovery_new_slot (recovery);

  /* One field of the second scenario, from the user's file. */
  edited = fw_project_copy (loaded);
  fw_project_edit_scenario (edited, 1, FW_SCENARIO_OWN_VALUES)->inflow = 250;
  base = (FwRecoveryBase) { user_path, identity, loaded };
  g_assert_true (fw_recovery_write_from (recovery, slot, edited, &base, user_path, identity, &error));
  g_assert_no_error (error);
  assert_copy_holds (recovery, slot, edited);

  /* The same by the store alone, which fails rather than writing whole:
   * the copy was made from the file, not built again. */
  {
    g_autofree char *patched = g_build_filename (folder, "patched.flywheel", NULL);
    g_autoptr(FwProject) read = NULL;
    g_autofree char *want = fw_project_to_json (edited);
    g_autofree char *got = NULL;

    g_assert_true (fw_store_save_patched (edited, patched, user_path, identity, loaded, &error));
    g_assert_no_error (error);
    read = fw_store_load (patched, &error);
    g_assert_no_error (error);
    got = fw_project_to_json (read);
    g_assert_cmpstr (got, ==, want);
    g_unlink (patched);
  }

  /* A point more and a scenario more, from that copy. */
  more = fw_project_copy (edited);
  g_ptr_array_add (fw_project_edit_scenario (more, 0, FW_SCENARIO_POINTS)->points,
                   fw_point_new ("Onboarding", 12));
  g_ptr_array_add (more->scenarios, renamed_copy (fw_project_get_scenario (more, 1), "Third"));
  g_free (more->name);
  more->name = g_strdup ("Client, renamed");
  base = (FwRecoveryBase) { NULL, NULL, edited };
  g_assert_true (fw_recovery_write_from (recovery, slot, more, &base, user_path, identity, &error));
  g_assert_no_error (error);
  assert_copy_holds (recovery, slot, more);

  /* Scenarios removed, again from the copy before. */
  fewer = fw_project_copy (more);
  g_ptr_array_remove_range (fewer->scenarios, 1, 2);
  base = (FwRecoveryBase) { NULL, NULL, more };
  g_assert_true (fw_recovery_write_from (recovery, slot, fewer, &base, user_path, identity, &error));
  g_assert_no_error (error);
  assert_copy_holds (recovery, slot, fewer);

  g_assert_true (g_file_get_contents (user_path, &user_after, &length, NULL));
  g_assert_true (memcmp (user_before, user_after, length) == 0);

  /* The user's file changed since it was opened: it no longer holds
   * @loaded, so it is not used (the patch alone fails), and the copy
   * is written whole, still right. */
  {
    g_autoptr(FwProject) other = template_named ("Someone else");

    g_assert_true (fw_store_save (other, user_path, &error));
    g_assert_no_error (error);
  }
  g_assert_false (fw_store_save_patched (edited, user_path, user_path, identity, loaded, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  base = (FwRecoveryBase) { user_path, identity, loaded };
  g_assert_true (fw_recovery_write_from (recovery, slot, edited, &base, user_path, identity, &error));
  g_assert_no_error (error);
  assert_copy_holds (recovery, slot, edited);

  fw_recovery_remove (recovery, slot);
  g_unlink (user_path);
  fw_recovery_end (recovery);
  g_rmdir (folder);
}

static gboolean
edit_step (FwDocument *document,
           guint       step)
{
  g_autoptr(FwScenario) copy = NULL;

  switch (step)
    {
    case 0: return fw_document_set_stage_field (document, 1, 0, FW_STAGE_COUNT, 777, NULL);
    case 1: return fw_document_set_inflow (document, 2, 55, NULL);
    case 2: return fw_document_move_point (document, 0, 0, 33, NULL);
    case 3: return fw_document_rename_scenario (document, 1, "Renamed", NULL);
    case 4: return fw_document_insert_stage (document, 2, 1, NULL);
    case 5: return fw_document_set_horizon (document, 48, NULL);
    /* Back to what the file holds: a new scenario, the same rows. */
    case 6: return fw_document_set_inflow (document, 2, fw_document_get_scenario (document, 0)->inflow, NULL);
    case 7: return fw_document_undo (document) && fw_document_undo (document);
    case 8: return fw_document_remove_scenario (document, 0, NULL);
    default:
      copy = renamed_copy (fw_document_get_scenario (document, 0), "Fourth");
      return fw_document_insert_scenario (document, 1, copy, NULL);
    }
}

/* Recovery copies of the document's versions as the window writes them,
 * each from the copy before: versions share the scenarios an edit did
 * not change (fw-model.h), and whatever the edit, the copy holds the
 * version exactly. */
static void
test_recovery_document_versions (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *user_path = g_build_filename (folder, "user.flywheel", NULL);
  g_autoptr(FwProject) saved = template_named ("Versions");
  g_autoptr(FwStoreFile) file = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(FwRecovery) recovery = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *slot = NULL;
  const FwProject *before;
  FwRecoveryBase base;

  g_ptr_array_add (saved->scenarios, renamed_copy (fw_project_get_scenario (saved, 0), "Second"));
  g_ptr_array_add (saved->scenarios, renamed_copy (fw_project_get_scenario (saved, 0), "Third"));
  g_assert_true (fw_store_save (saved, user_path, &error));
  g_assert_no_error (error);
  file = fw_store_file_new (user_path);
  document = fw_document_new_validated (fw_store_file_load (file, &error));
  g_assert_no_error (error);
  identity = fw_store_file_get_identity (file);
  recovery = fw_recovery_new (folder, &error);
  g_assert_no_error (error);
  slot = fw_recovery_new_slot (recovery);

  /* The first copy from the user's file, every next one from the last. */
  before = fw_document_lend (document);
  base = (FwRecoveryBase) { user_path, identity, before };
  for (guint step = 0; step < 10; step++)
    {
      const FwProject *now;

      g_test_message ("step %u", step);
      g_assert_true (edit_step (document, step));
      now = fw_document_lend (document);
      g_assert_true (fw_recovery_write_from (recovery, slot, now, &base, user_path, identity, &error));
      g_assert_no_error (error);
      assert_copy_holds (recovery, slot, now);
      fw_document_give_back (document, before);
      before = now;
      base = (FwRecoveryBase) { NULL, NULL, before };
    }
  fw_document_give_back (document, before);
  fw_recovery_remove (recovery, slot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/orphans-only", test_recovery_orphans_only);
  g_test_add_func ("/recovery/survives-kill", test_recovery_survives_kill);
  g_test_add_func ("/recovery/stale-locks", test_recovery_stale_locks);
  g_test_add_func ("/recovery/private-and-whole", test_recovery_private_and_whole);
  g_test_add_func ("/recovery/async", test_recovery_async);
  g_test_add_func ("/recovery/identity", test_recovery_identity);
  g_test_add_func ("/recovery/from-base", test_recovery_from_base);
  g_test_add_func ("/recovery/document-versions", test_recovery_document_versions);
  return g_test_run ();
}
