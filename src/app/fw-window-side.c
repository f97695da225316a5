/* fw-window-side.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-side"

#include "fw-figures-panel.h"
#include "fw-settings.h"
#include "fw-window-private.h"

/* The right pane: the figures above, the lists (stages, friction and
 * forces, compare) below, in a vertical GtkPaned. The figures take their
 * natural height up to FIGURES_MAX_SHARE of the pane, and scroll beyond
 * it: on a 1280x720 screen they took the pane down to y=470 and left the
 * lists a 140 px strip, one and a half points at a time (review2's B3).
 * On a screen with room (1920x1080) nothing changes: the figures are
 * shorter than their share. A taller window gives the lists the room.
 *
 * The user may move the divider (a drag, or F8 and the arrows): the
 * figures' height is then theirs, remembered in GSettings (written as
 * the window closes, with the rest of its state, fw-window-state.c),
 * still never more than the figures need nor so much that the lists lose
 * their switcher and a row. */

/* The figures' largest share of the pane until the user sets a height. */
#define FIGURES_MAX_SHARE 0.5

/* What the lists keep whatever the divider says: the switcher and a row. */
#define MIN_LISTS_HEIGHT 160

/* The divider where the figures have their height: the user's, or
 * their natural height up to their share; never past what the figures
 * need. Called after each of the window's allocations (the figures'
 * height follows the text size, the scenario's name, a message); TRUE
 * when it moved the divider, and the window must allocate again. */
gboolean
fw_window_place_lists_pane (FwWindow *self)
{
  GtkWidget *paned = GTK_WIDGET (self->lists_paned);
  GtkWidget *figures = gtk_paned_get_start_child (self->lists_paned);
  int height = gtk_widget_get_height (paned);
  int width = gtk_widget_get_width (paned);
  int natural, wanted, position;

  if (height <= 0 || width <= 0 || !gtk_widget_get_visible (figures))
    return FALSE;

  gtk_widget_measure (figures, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  wanted = self->figures_pane_height > 0 ? self->figures_pane_height
                                         : (int) (height * FIGURES_MAX_SHARE);
  position = MIN (MIN (wanted, natural), MAX (height - MIN_LISTS_HEIGHT, 0));
  /* Until the user sets a height, the figures' first row shows whole:
   * at 150% desktop text and zoomed in, half the pane cut "Customers
   * after 60 months 1427" through its number (verify10b V10B-10). */
  if (self->figures_pane_height <= 0)
    position = MAX (position, MIN (fw_figures_panel_get_least_height (FW_FIGURES_PANEL (figures)),
                                   MAX (height - MIN_LISTS_HEIGHT, 0)));
  if (position == gtk_paned_get_position (self->lists_paned))
    return FALSE;

  self->placing_lists = TRUE;
  gtk_paned_set_position (self->lists_paned, position);
  self->placing_lists = FALSE;
  return TRUE;
}

/* The user moved the divider: outside the window's allocation (where
 * it follows the window's size) and not placed by the window. */
static void
on_position (FwWindow *self)
{
  if (self->placing_lists || self->allocating)
    return;
  self->figures_pane_height = MAX (gtk_paned_get_position (self->lists_paned), 1);
}

void
fw_window_init_lists_pane (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  /* 0: never set, the figures' share. */
  self->figures_pane_height = settings != NULL ? g_settings_get_int (settings, "figures-pane-height") : 0;
  g_signal_connect_object (self->lists_paned, "notify::position", G_CALLBACK (on_position), self,
                           G_CONNECT_SWAPPED);
}

void
fw_window_save_lists_pane (FwWindow  *self,
                           GSettings *settings)
{
  if (self->figures_pane_height > 0)
    fw_settings_save_int (settings, "figures-pane-height", self->figures_pane_height);
}
