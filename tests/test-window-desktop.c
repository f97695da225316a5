/* test-window-desktop.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-desktop"

#include "config.h"

#include <gtk/gtk.h>

#include "fw-settings.h"
#include "fw-window.h"

/* The window as a citizen of the desktop: what it remembers between
 * runs. Runs on a private virtual display (tests/with-display.py) with
 * GSETTINGS_BACKEND=memory and the schema compiled in the build tree. */

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A window closed at one size makes the next one open at that size. */
static void
test_window_size_remembered (void)
{
  GSettings *settings = fw_settings_get ();
  FwWindow *window;
  int width, height;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  window = fw_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1440);
  g_assert_cmpint (height, ==, 900);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  gtk_window_close (GTK_WINDOW (window));
  spin (20);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = fw_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window-desktop/size-remembered", test_window_size_remembered);

  return g_test_run ();
}
