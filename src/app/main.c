/* main.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flywheel"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fw-application.h"
#include "fw-renderer-choice.h"

/* --version and the --help family print and exit without a window:
 * no renderer to choose, and no reason to spend the OpenGL probe's
 * fraction of a second first. */
static gboolean
opens_no_window (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--version") || g_str_equal (argv[i], "-h") ||
        g_str_has_prefix (argv[i], "--help"))
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Here and nowhere later: it may set GSK_RENDERER, which is only safe
   * while this process has one thread, before GApplication and GTK start
   * theirs (fw-renderer-choice.h). */
  if (!opens_no_window (argc, argv))
    fw_renderer_choose_before_threads ();

  app = fw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
