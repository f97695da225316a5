/* test-window-context-menu.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-context-menu"

#include <gtk/gtk.h>
#include <string.h>

#include "fw-chart-view.h"
#include "fw-context-menu.h"
#include "fw-renderer-choice.h"
#include "fw-test-window.h"
#include "fw-wheel-view-private.h"
#include "fw-window.h"

/* The wheel's and the chart's context menus (user review, R5-12 and its
 * addendum in R5-28): a right-click, the Menu key or Shift+F10 opens a
 * menu with Copy and Export, and on a point its own actions, which the
 * keyboard walks and activates. Real clicks and keys, with xdotool; run
 * by tests/with-display.py. */

/* Typed into the focused window, as a user types: keys sent to a
 * window (key --window) lose their modifiers on the way. */
static void
type (FwWindow   *window,
      const char *keys)
{
  fw_test_xdotool (GTK_WINDOW (window), "xdotool windowfocus --sync %%lu key %s", keys);
}

static void
right_click (GtkWidget *widget,
             double     x,
             double     y)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  int wx, wy;

  fw_test_window_point (widget, x, y, &wx, &wy);
  fw_test_xdotool (window, "xdotool mousemove --window %%lu %d %d click 3", wx, wy);
}

static gboolean
menu_shown (gpointer data)
{
  GtkWidget *menu = fw_context_menu_get_shown (data);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

static gboolean
menu_gone (gpointer data)
{
  return fw_context_menu_get_shown (data) == NULL;
}

/* Whether @model (sections included) has an item labelled @label, and
 * the label of the section that holds it (NULL if none). */
static gboolean
find_item (GMenuModel  *model,
           const char  *label,
           char       **section_label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          if (find_item (section, label, NULL))
            {
              if (section_label != NULL)
                g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", section_label);
              return TRUE;
            }
          continue;
        }
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        return TRUE;
    }

  return FALSE;
}

static GMenuModel *
shown_model (GtkWidget *widget)
{
  return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fw_context_menu_get_shown (widget)));
}

/* The whole menu on show: nothing to scroll to, its last item in view
 * (GTK 4.8 measured a menu shown at once a line short, and scrolled). */
static gboolean
menu_whole (gpointer data)
{
  GtkWidget *menu = fw_context_menu_get_shown (data);
  GtkWidget *scrolled = menu != NULL ? fw_test_find_type (menu, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adjustment;

  if (scrolled == NULL || gtk_widget_get_height (scrolled) <= 0)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_test_message ("menu: %g of %g", gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment));
  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static gboolean
focus_on (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_root_get_focus (gtk_widget_get_root (widget)) == widget;
}

static void
test_wheel_menu (void)
{
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  GtkWidget *wheel = fw_window_get_wheel (window);
  FwWheelView *view = FW_WHEEL_VIEW (wheel);
  FwSession *session = fw_window_get_session (window);
  const FwScenario *scenario = fw_session_get_scenario (session);
  g_autofree char *section = NULL;
  GdkRectangle rect;
  guint point = 0;

  g_assert_cmpuint (scenario->points->len, >, 0);
  g_assert_true (fw_scenario_get_point (scenario, point)->enabled);

  /* A right-click on a point's marker: the point selected, its name
   * heading its own actions, then the wheel's Copy and Export. */
  fw_wheel_view_marker_rect (view, point, &rect);
  right_click (wheel, rect.x + rect.width / 2.0, rect.y + rect.height / 2.0);
  g_assert_true (fw_test_wait_until (menu_shown, wheel));
  g_assert_cmpint (fw_session_get_selected_point (session), ==, (int) point);
  g_assert_true (find_item (shown_model (wheel), "Turn _Off", &section));
  g_assert_cmpstr (section, ==, fw_scenario_get_point (scenario, point)->name);
  g_assert_true (find_item (shown_model (wheel), "_Remove", NULL));
  g_assert_true (find_item (shown_model (wheel), "_Edit…", NULL));
  g_assert_true (find_item (shown_model (wheel), "_Copy the Wheel as an Image", NULL));
  g_assert_true (find_item (shown_model (wheel), "_Export the Wheel…", NULL));
  g_assert_true (fw_test_wait_frames_past (wheel, 100));
  g_assert_true (menu_whole (wheel));

  /* The keyboard walks it: Down to "Turn Off", Enter. */
  type (window, "Down");
  type (window, "Return");
  g_assert_true (fw_test_wait_until (menu_gone, wheel));
  scenario = fw_session_get_scenario (session);
  g_assert_false (fw_scenario_get_point (scenario, point)->enabled);
  g_assert_true (fw_test_wait_until (focus_on, wheel));

  /* The Menu key, on the selection: now it offers "Turn On". */
  type (window, "Menu");
  g_assert_true (fw_test_wait_until (menu_shown, wheel));
  g_assert_true (find_item (shown_model (wheel), "Turn _On", NULL));
  type (window, "Escape");
  g_assert_true (fw_test_wait_until (menu_gone, wheel));
  g_assert_true (fw_test_wait_until (focus_on, wheel));

  /* Shift+F10 on a stage: its fields, and the wheel's Copy. */
  fw_session_set_selection (session, 0, -1);
  type (window, "shift+F10");
  g_assert_true (fw_test_wait_until (menu_shown, wheel));
  g_clear_pointer (&section, g_free);
  g_assert_true (find_item (shown_model (wheel), "_Edit in the Stages List", &section));
  g_assert_cmpstr (section, ==, fw_scenario_get_stage (scenario, 0)->name);
  g_assert_false (find_item (shown_model (wheel), "_Remove", NULL));
  type (window, "Escape");
  g_assert_true (fw_test_wait_until (menu_gone, wheel));

  /* A right-click on the hub: nothing selected, Copy and Export only. */
  right_click (wheel, view->layout.cx, view->layout.cy);
  g_assert_true (fw_test_wait_until (menu_shown, wheel));
  g_assert_cmpint (fw_session_get_selected_point (session), <, 0);
  g_assert_cmpint (fw_session_get_selected_stage (session), <, 0);
  g_assert_true (find_item (shown_model (wheel), "_Copy the Wheel as an Image", NULL));
  g_assert_false (find_item (shown_model (wheel), "Turn _On", NULL));
  type (window, "Escape");
  g_assert_true (fw_test_wait_until (menu_gone, wheel));

  fw_test_window_close (window);
}

static gboolean
chart_copied (gpointer data)
{
  return fw_test_find_shown (data, fw_test_is_label_with, "Copied the chart as an image") != NULL;
}

static void
test_chart_menu (void)
{
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  GtkWidget *canvas = fw_chart_view_get_canvas (FW_CHART_VIEW (fw_test_find_type (GTK_WIDGET (window),
                                                                                   FW_TYPE_CHART_VIEW)));

  g_assert_true (gtk_widget_get_mapped (canvas));
  right_click (canvas, gtk_widget_get_width (canvas) / 2.0, gtk_widget_get_height (canvas) / 2.0);
  g_assert_true (fw_test_wait_until (menu_shown, canvas));
  g_assert_true (find_item (shown_model (canvas), "_Copy the Chart as an Image", NULL));
  g_assert_true (find_item (shown_model (canvas), "_Export the Chart…", NULL));
  g_assert_true (fw_test_wait_until (menu_whole, canvas));
  type (window, "Escape");
  g_assert_true (fw_test_wait_until (menu_gone, canvas));

  /* The Menu key on the focused chart; Enter on its first item copies
   * the chart, as Ctrl+C there does. */
  g_assert_true (gtk_widget_grab_focus (canvas));
  type (window, "Menu");
  g_assert_true (fw_test_wait_until (menu_shown, canvas));
  type (window, "Return");
  g_assert_true (fw_test_wait_until (menu_gone, canvas));
  g_assert_true (fw_test_wait_until (focus_on, canvas));
  g_assert_true (fw_test_wait_until (chart_copied, window));

  fw_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_STATE_HOME", g_get_tmp_dir (), FALSE);
  g_test_add_func ("/window-context-menu/wheel", test_wheel_menu);
  g_test_add_func ("/window-context-menu/chart", test_chart_menu);
  return g_test_run ();
}
