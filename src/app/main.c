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
  fw_renderer_choose_before_threads ();

  app = fw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
