/* fw-window-state.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-state"

#include "fw-settings.h"
#include "fw-window-private.h"

/* A window opens as big as the last one closed, maximized if that one
 * was, with its panes as wide. Everything is written once, as the window
 * closes, not on every step of a resize. GTK 4 keeps the default size at
 * the window's unmaximized, non-fullscreen size, so presenting or
 * maximizing never overwrites the size the window comes back to.
 *
 * The right pane's width is kept, not the divider's position: the
 * divider is counted from the left, and the wheel in the middle is what
 * grows and shrinks with the window (the panes do not resize with it). */

/* The panes' widths when there are no settings to read (a program run
 * from its build folder without GSETTINGS_SCHEMA_DIR): GtkPaned alone
 * would give the right pane the whole window and hide the wheel. The
 * same values as the schema's defaults
 * (data/io.github.flywheelapp.Flywheel.gschema.xml.in). */
#define DEFAULT_CATALOG_PANE_WIDTH 260
#define DEFAULT_SIDE_PANE_WIDTH    400

/* GtkPaned's divider, in Adwaita a 1 pixel line: for the first guess. */
#define HANDLE_WIDTH 1

/* The right pane's width, made exact once the window has its real width:
 * window decorations take a few pixels of the default size, and a
 * maximized window has another width altogether. Called after each of
 * the window's allocations until it has done its job once; TRUE when it
 * moved the divider, and the window must allocate its children again. */
gboolean
fw_window_place_side_pane (FwWindow *self)
{
  GtkPaned *paned = self->side_paned;
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int start = gtk_widget_get_width (gtk_paned_get_start_child (paned));
  int end = gtk_widget_get_width (gtk_paned_get_end_child (paned));
  int position;

  if (self->side_pane_width <= 0 || width <= 0 || start <= 0 || end <= 0)
    return FALSE;

  /* What the divider takes is what the two children leave. */
  position = start + end - self->side_pane_width;
  self->side_pane_width = 0;
  if (position == gtk_paned_get_position (paned))
    return FALSE;
  gtk_paned_set_position (paned, MAX (position, 0));
  return TRUE;
}

/* The catalog and the figures and lists can be hidden (F9, Shift+F9,
 * the menu), remembered, to give the wheel their room on a small screen
 * or a projector's 1024x768. Presenting hides the whole editor anyway.
 *
 * The catalog also folds away by itself while the window is too narrow
 * to leave the wheel's column WHEEL_ROOM beside both panes, and comes
 * back when the window is wide enough: at 1024x768 or 912x600 the
 * wheel's column had about 350 px and 240 px beside them, where the
 * seven-stage wheel cut two stages' names short (it needs about 450 px
 * at the 340 px it gets in height). The settings keep the user's choice;
 * F9 and the menu act on, and the menu's tick says, what this window
 * shows (not the setting), and a catalog the user shows stays, whatever
 * the room, until they hide it. */
#define WHEEL_ROOM 450

static void
show_panes (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  gboolean catalog_was = gtk_widget_get_visible (self->palette);

  if (settings == NULL)
    return;
  gtk_widget_set_visible (self->palette, g_settings_get_boolean (settings, "catalog-visible") &&
                                         !self->catalog_folded);
  gtk_widget_set_visible (self->side_pane, g_settings_get_boolean (settings, "side-pane-visible"));
  if (gtk_widget_get_visible (self->palette) != catalog_was)
    g_object_notify (G_OBJECT (self), "catalog-shown");
}

/* Hidden in another window, the catalog is no longer one shown here. */
static void
on_catalog_setting (FwWindow *self)
{
  if (!g_settings_get_boolean (fw_settings_get (), "catalog-visible"))
    self->catalog_insisted = FALSE;
  show_panes (self);
}

void
fw_window_init_panes (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::catalog-visible",
                               G_CALLBACK (on_catalog_setting), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::side-pane-visible",
                               G_CALLBACK (show_panes), self, G_CONNECT_SWAPPED);
      show_panes (self);
    }
  /* The main menu's "Show the Catalog" read "win.show-catalog"'s state
   * while the template was being built, before the catalog was bound
   * (fw_window_get_catalog_shown: not shown), and only hears again when
   * the catalog comes or goes: a window that opened with it on screen
   * had the item unticked until then. */
  g_object_notify (G_OBJECT (self), "catalog-shown");
}

gboolean
fw_window_fold_catalog (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  int room, side = 0;
  gboolean fold;

  /* Presenting, the editor and its panes are not on show. */
  if (settings == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->side_paned)))
    return FALSE;

  if (gtk_widget_get_visible (self->palette) && gtk_widget_get_width (self->palette) > 0)
    self->catalog_width = gtk_widget_get_width (self->palette);
  if (gtk_widget_get_visible (self->side_pane))
    gtk_widget_measure (self->side_pane, GTK_ORIENTATION_HORIZONTAL, -1, &side, NULL, NULL, NULL);
  if (gtk_widget_get_visible (self->side_pane))
    side = MAX (side, gtk_widget_get_width (self->side_pane)) + HANDLE_WIDTH;
  room = gtk_widget_get_width (GTK_WIDGET (self->side_paned)) - side - self->catalog_width - HANDLE_WIDTH;
  fold = g_settings_get_boolean (settings, "catalog-visible") && !self->catalog_insisted && room < WHEEL_ROOM;
  if (fold == self->catalog_folded)
    return FALSE;
  self->catalog_folded = fold;
  show_panes (self);
  return TRUE;
}

gboolean
fw_window_get_catalog_shown (FwWindow *self)
{
  /* Asked for by the "win.show-catalog" action before the template is
   * built as well. */
  return self->palette != NULL && gtk_widget_get_visible (self->palette);
}

void
fw_window_set_catalog_shown (FwWindow *self,
                             gboolean  shown)
{
  GSettings *settings = fw_settings_get ();

  self->catalog_insisted = shown;
  self->catalog_folded = FALSE;
  if (settings == NULL)
    {
      gtk_widget_set_visible (self->palette, shown);
      g_object_notify (G_OBJECT (self), "catalog-shown");
      return;
    }
  g_settings_set_boolean (settings, "catalog-visible", shown);
  show_panes (self);
}

void
fw_window_restore_state (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  int width, height;
  int catalog = DEFAULT_CATALOG_PANE_WIDTH;
  int side = DEFAULT_SIDE_PANE_WIDTH;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (settings != NULL)
    {
      width = g_settings_get_int (settings, "window-width");
      height = g_settings_get_int (settings, "window-height");
      catalog = g_settings_get_int (settings, "catalog-pane-width");
      side = g_settings_get_int (settings, "side-pane-width");
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  gtk_paned_set_position (self->catalog_paned, catalog);
  self->catalog_width = catalog;
  gtk_paned_set_position (self->side_paned, MAX (width - side - HANDLE_WIDTH, 0));
  self->side_pane_width = side;
}

static void
save_pane_width (GSettings  *settings,
                 const char *key,
                 GtkWidget  *pane)
{
  if (gtk_widget_get_visible (pane))
    fw_settings_save_int (settings, key, gtk_widget_get_width (pane));
}

void
fw_window_save_state (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  int width, height;

  /* A window never shown (one made to open a file, closed before it
   * took a moment) has no size or panes of the user's to keep. */
  if (settings == NULL || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  fw_settings_save_int (settings, "window-width", width);
  fw_settings_save_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* Only while the editor is on show: presenting, or while a file is
   * read (fw-window-loading.c), its panes have no width of the user's. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->side_paned)))
    {
      save_pane_width (settings, "catalog-pane-width", self->palette);
      save_pane_width (settings, "side-pane-width", self->side_pane);
    }
  fw_window_save_chart_state (self, settings);
  fw_window_save_lists_pane (self, settings);
  g_settings_apply (settings);
}
