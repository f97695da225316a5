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
 * PCs): F11 and the main menu's "Full Screen", the presenting
 * preference beside it, and a presentation that reaches the screen's
 * edges. Without a window manager nothing makes a window full screen
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

typedef struct
{
  FwWindow *window;
  int       width, height;
} EdgesWait;

static gboolean
present_view_fills_screen (gpointer data)
{
  EdgesWait *wait = data;
  GtkWidget *present = fw_window_get_present_view (wait->window);

  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->window));

  return gtk_window_is_fullscreen (GTK_WINDOW (wait->window))
         && gtk_widget_get_mapped (present)
         && gdk_surface_get_width (surface) == wait->width
         && gdk_surface_get_height (surface) == wait->height;
}

/* Presenting full screen, the presentation is the whole screen, like a
 * slide: the present view from the screen's top left corner to its
 * bottom right one. On main before this GTK 4.8's decorations for a
 * window without a compositor (Adwaita's window.solid-csd: a 4 px
 * padding, a 1 px border) stayed full screen, a light grey frame 5 px
 * wide round the picture (review5's R5-03). */
static void
test_present_reaches_the_edges (Fixture       *fixture,
                                gconstpointer  data)
{
  FwWindow *window = fixture->window;
  GtkWidget *present = fw_window_get_present_view (window);
  GdkMonitor *monitor;
  GdkRectangle screen;
  graphene_rect_t bounds;
  double x, y;
  EdgesWait wait = { window, 0, 0 };

  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                                gtk_native_get_surface (GTK_NATIVE (window)));
  gdk_monitor_get_geometry (monitor, &screen);
  g_assert_cmpint (screen.width, ==, SCREEN_WIDTH);
  g_assert_cmpint (screen.height, ==, SCREEN_HEIGHT);
  wait.width = screen.width;
  wait.height = screen.height;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-start", NULL));
  g_assert_true (fw_test_wait_until (present_view_fills_screen, &wait));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 100));
  /* In the surface's pixels (the screen's, full screen): the window's
   * own coordinates start inside its padding and border. */
  g_assert_true (gtk_widget_compute_bounds (present, GTK_WIDGET (window), &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &x, &y);
  x += bounds.origin.x;
  y += bounds.origin.y;
  g_test_message ("full screen %d x %d; the present view at %g, %g, %g x %g",
                  screen.width, screen.height, x, y, bounds.size.width, bounds.size.height);
  g_assert_cmpfloat (x, ==, 0.0);
  g_assert_cmpfloat (y, ==, 0.0);
  g_assert_cmpfloat (bounds.size.width, ==, screen.width);
  g_assert_cmpfloat (bounds.size.height, ==, screen.height);

  /* Back in the editor, the window is a window again. */
  fw_session_set_presenting (fw_window_get_session (window), FALSE);
  g_assert_true (fw_test_wait_until (is_not_full_screen, window));
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
  ADD ("present-reaches-the-edges", test_present_reaches_the_edges);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
