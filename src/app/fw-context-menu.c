/* fw-context-menu.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-context-menu"

#include "fw-context-menu.h"

/* A right-click on the wheel or the chart opened nothing, and neither
 * did the Menu key: Copy and Export were only in the main menu, a
 * point's own actions only in its editor (user review, R5-12/R5-28).
 * The same menu for the pointer, a finger and the keyboard, as GTK's
 * own text widgets give theirs ("menu.popup": Menu, Shift+F10). */

#define MENU_KEY "fw-context-menu"

typedef struct
{
  FwContextMenuBuild build;
  gpointer           data;
  GtkWidget         *popover;  /* the menu on show (or closing), a child of the widget */
  guint              closed_idle;  /* unparents a closed menu */
  guint              popup_idle;   /* shows a new one */
} ContextMenu;

static void
drop_popover (ContextMenu *menu)
{
  if (menu->popover == NULL)
    return;
  g_signal_handlers_disconnect_matched (menu->popover, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, menu);
  g_clear_pointer (&menu->popover, gtk_widget_unparent);
}

static void
context_menu_free (gpointer data)
{
  ContextMenu *menu = data;

  g_clear_handle_id (&menu->closed_idle, g_source_remove);
  g_clear_handle_id (&menu->popup_idle, g_source_remove);
  drop_popover (menu);
  g_free (menu);
}

/* Not unparented while GTK is still hiding it (and running the chosen
 * item's action): at the next idle, unless another menu opened first
 * (which cancels it, fw_context_menu_popup). */
static gboolean
unparent_closed (gpointer data)
{
  ContextMenu *menu = data;

  menu->closed_idle = 0;
  drop_popover (menu);
  return G_SOURCE_REMOVE;
}

static void
on_closed (GtkPopover  *popover,
           ContextMenu *menu)
{
  if (menu->closed_idle == 0)
    menu->closed_idle = g_idle_add (unparent_closed, menu);
}

static gboolean
popup_when_laid_out (gpointer data)
{
  GtkWidget *widget = data;
  ContextMenu *menu = g_object_get_data (G_OBJECT (widget), MENU_KEY);

  menu->popup_idle = 0;
  if (menu->popover != NULL && gtk_widget_get_mapped (widget))
    gtk_popover_popup (GTK_POPOVER (menu->popover));
  return G_SOURCE_REMOVE;
}

gboolean
fw_context_menu_popup (GtkWidget *widget,
                       double     x,
                       double     y)
{
  ContextMenu *menu = g_object_get_data (G_OBJECT (widget), MENU_KEY);
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2, 1, 1 };

  g_return_val_if_fail (menu != NULL, FALSE);

  if (x >= 0 && y >= 0)
    rect = (GdkRectangle) { (int) x, (int) y, 1, 1 };
  model = menu->build (widget, x, y, &rect, menu->data);
  if (model == NULL)
    return FALSE;

  g_clear_handle_id (&menu->closed_idle, g_source_remove);
  drop_popover (menu);
  menu->popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (menu->popover, widget);
  /* As GTK's own context menus: beside the pointer, no arrow. */
  gtk_popover_set_has_arrow (GTK_POPOVER (menu->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (menu->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (menu->popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (menu->popover), &rect);
  g_signal_connect (menu->popover, "closed", G_CALLBACK (on_closed), menu);
  /* Shown from the next idle: GTK 4.8's menu puts in the lines between
   * its sections from an idle of its own, and a menu shown before them
   * measured itself a line short and scrolled its last item out of
   * sight (seen on the wheel's menu; the SWT toolkit met the same). */
  if (menu->popup_idle == 0)
    menu->popup_idle = g_idle_add (popup_when_laid_out, widget);
  return TRUE;
}

GtkWidget *
fw_context_menu_get_shown (GtkWidget *widget)
{
  ContextMenu *menu = g_object_get_data (G_OBJECT (widget), MENU_KEY);

  if (menu == NULL || menu->popover == NULL || !gtk_widget_get_visible (menu->popover))
    return NULL;
  return menu->popover;
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkWidget       *widget)
{
  if (fw_context_menu_popup (widget, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GtkWidget           *widget)
{
  if (fw_context_menu_popup (widget, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_menu_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return fw_context_menu_popup (widget, -1, -1);
}

/* The widget goes: so does its menu (a child left behind would outlive
 * it). */
static void
on_destroy (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), MENU_KEY, NULL);
}

void
fw_context_menu_attach (GtkWidget          *widget,
                        FwContextMenuBuild  build,
                        gpointer            data)
{
  ContextMenu *menu = g_new0 (ContextMenu, 1);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (on_menu_key, NULL, NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  menu->build = build;
  menu->data = data;
  g_object_set_data_full (G_OBJECT (widget), MENU_KEY, menu, context_menu_free);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_destroy), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  /* A finger's long press; with a mouse, pressing and holding is how a
   * marker is dragged. */
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          action));
  gtk_widget_add_controller (widget, keys);
}
