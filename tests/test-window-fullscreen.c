/* test-window-fullscreen.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-fullscreen"

#include <gtk/gtk.h>

#include "fw-renderer-choice.h"
#include "fw-settings.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* Full screen as a window manager really makes it, on a 1280x720
 * projector's screen (run by tests/with-display.py --wm --size
 * 1280x720: Openbox, which has no compositor, as on many projector
 * PCs): F11 and the main menu's "Full Screen", and the presenting
 * preference beside it. Without a window manager nothing makes a window full screen
 * under Xvfb, so the other window tests cannot see any of this. */

#define SCREEN_WIDTH  1280
#define SCREEN_HEIGHT 720

/* Registered, so its start-up runs as the program's does: the
 * accelerators, the presenting preferences' actions, the style sheet. */
static GtkApplication *app;

typedef struct
{
  FwWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = fw_test_window_new_sized_in (app, SCREEN_WIDTH - 200, SCREEN_HEIGHT - 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fw_test_window_close (fixture->window);
  g_settings_reset (fw_settings_get (), "present-fullscreen");
}

static gboolean
is_full_screen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
is_not_full_screen (gpointer data)
{
  return !gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static void
click_menu_item (FwWindow   *window,
                 const char *text)
{
  GtkWidget *item = fw_test_find_main_menu_item (window, text);

  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
}

/* The main menu has F11's plain full screen, with its key, beside the
 * panes it shows: the editor fills the screen, nothing is presented,
 * and F11 brings the window back. The presenting section's check item
 * says it is about presenting ("Present in Full Screen"): unticked,
 * presenting stays in the window. On main before this the menu had no
 * plain full screen, and the presenting preference read "Full Screen",
 * so a user clicking it for a full-screen window saw nothing happen
 * (review5's R5-02). */
static void
test_menu_full_screen (Fixture       *fixture,
                       gconstpointer  data)
{
  FwWindow *window = fixture->window;
  FwSession *session = fw_window_get_session (window);
  GtkWidget *item = fw_test_find_main_menu_item (window, "Full Screen");
  GtkWidget *preference = fw_test_find_main_menu_item (window, "Present in Full Screen");
  g_autofree char *accel = NULL;

  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_nonnull (item);
  g_object_get (item, "accel", &accel, NULL);
  g_assert_cmpstr (accel, ==, "F11");

  click_menu_item (window, "Full Screen");
  g_assert_true (fw_test_wait_until (is_full_screen, window));
  g_assert_false (fw_session_get_presenting (session));
  g_assert_true (gtk_widget_is_visible (fw_window_get_wheel (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  g_assert_true (fw_test_wait_until (is_not_full_screen, window));

  g_assert_nonnull (preference);
  g_assert_true (fw_test_menu_item_ticked (preference));
  click_menu_item (window, "Present in Full Screen");
  g_assert_false (g_settings_get_boolean (fw_settings_get (), "present-fullscreen"));
  g_assert_false (fw_test_menu_item_ticked (preference));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-start", NULL));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 300));
  g_assert_true (fw_session_get_presenting (session));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  fw_session_set_presenting (session, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  app = fw_test_application_new ();

#define ADD(path, func) \
  g_test_add ("/window-fullscreen/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("menu-full-screen", test_menu_full_screen);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
