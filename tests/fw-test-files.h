/* fw-test-files.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-recovery.h"
#include "fw-window.h"

G_BEGIN_DECLS

/* The fixture of the window tests about the user's files: a folder of
 * their own, and a window whose recovery copies go to a folder in it. */
typedef struct
{
  char       *dir;
  FwRecovery *recovery;
  FwWindow   *window;
} FwTestFiles;

void  fw_test_files_set_up      (FwTestFiles   *fixture,
                                 gconstpointer  data);
/* Ends the window and removes the folder with all in it. */
void  fw_test_files_tear_down   (FwTestFiles   *fixture,
                                 gconstpointer  data);

/* A project file of the template @template_id, made by the store in @dir
 * as another session would have left it; its path. */
char *fw_test_write_template    (const char    *dir,
                                 const char    *template_id,
                                 const char    *name);

/* How many recovery copies @folder holds (their .info files, written
 * after the project); @first, if not NULL, gets the project file of the
 * first one found. */
guint fw_test_count_copies      (const char    *folder,
                                 char         **first);

G_END_DECLS
