/* fw-window-chart.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-chart"

#include <glib/gi18n.h>

#include "fw-chart-view.h"
#include "fw-settings.h"
#include "fw-widget-util.h"
#include "fw-window-private.h"

/* The centre column: the wheel above (with, at the end of its column,
 * the playback bar), the projection below, in a vertical GtkPaned. The
 * projection keeps its height when the window grows (the wheel takes
 * the rest), collapses to its header, and both its height and whether
 * it is collapsed are remembered (GSettings, written as the window
 * closes with the rest of its state, fw-window-state.c). */

/* The schema's default, for a program run without its settings. */
#define DEFAULT_CHART_PANE_HEIGHT 300

/* What the wheel and the playback bar keep when the projection opens. */
#define WHEEL_COLUMN_MIN 420

/* A collapsed projection dragged open this far past its header opens. */
#define DRAG_OPEN_MARGIN 48

static int
chart_height (FwWindow *self,
              int       position)
{
  /* What the divider takes is what the two children leave. */
  int start = gtk_widget_get_height (gtk_paned_get_start_child (self->centre_paned));
  int end = gtk_widget_get_height (gtk_paned_get_end_child (self->centre_paned));
  int handle = MAX (gtk_widget_get_height (GTK_WIDGET (self->centre_paned)) - start - end, 0);

  return gtk_widget_get_height (GTK_WIDGET (self->centre_paned)) - position - handle;
}

/* The divider where the projection has its height, or only its header
 * (the pane clamps the position to what the header needs). */
static void
apply_position (FwWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->centre_paned));

  if (fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    gtk_paned_set_position (self->centre_paned, height);
  else
    /* The wheel and its playback bar keep at least WHEEL_COLUMN_MIN
     * pixels when the window has them: on a small window a projection at
     * its remembered height left the wheel too little room for its
     * stage names (240 px high at 912x600 lost two of seven). */
    gtk_paned_set_position (self->centre_paned,
                            MAX (height - self->chart_pane_height - (height - chart_height (self, 0)),
                                 MIN (WHEEL_COLUMN_MIN, height)));
}

gboolean
fw_window_place_chart_pane (FwWindow *self)
{
  if (self->chart_pane_placed || gtk_widget_get_height (GTK_WIDGET (self->centre_paned)) <= 0)
    return FALSE;
  self->chart_pane_placed = TRUE;
  apply_position (self);
  return TRUE;
}

static void
on_collapsed (FwWindow *self)
{
  int current = chart_height (self, gtk_paned_get_position (self->centre_paned));

  /* Collapsing keeps the height it had, to open to it again. */
  if (fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)) && self->chart_pane_placed &&
      current > DRAG_OPEN_MARGIN * 3)
    self->chart_pane_height = current;
  if (self->chart_pane_placed)
    apply_position (self);
}

/* Dragging the divider of a collapsed projection up opens it. */
static void
on_position (FwWindow *self)
{
  GtkWidget *header;
  int header_height;

  if (!self->chart_pane_placed || !fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    return;
  header = gtk_widget_get_first_child (self->chart);
  header_height = header != NULL ? gtk_widget_get_height (header) : 0;
  if (chart_height (self, gtk_paned_get_position (self->centre_paned)) > header_height + DRAG_OPEN_MARGIN)
    {
      self->chart_pane_height = chart_height (self, gtk_paned_get_position (self->centre_paned));
      g_signal_handlers_block_by_func (self->chart, on_collapsed, self);
      fw_chart_view_set_collapsed (FW_CHART_VIEW (self->chart), FALSE);
      g_signal_handlers_unblock_by_func (self->chart, on_collapsed, self);
    }
}

void
fw_window_init_chart (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  gboolean collapsed = FALSE;

  self->chart_pane_height = DEFAULT_CHART_PANE_HEIGHT;
  if (settings != NULL)
    {
      self->chart_pane_height = g_settings_get_int (settings, "chart-pane-height");
      collapsed = g_settings_get_boolean (settings, "chart-pane-collapsed");
    }
  fw_chart_view_set_collapsed (FW_CHART_VIEW (self->chart), collapsed);
  fw_chart_view_set_session (FW_CHART_VIEW (self->chart), self->session);

  /* The divider takes the keyboard focus (F8 moves it). */
  fw_widget_set_accessible_label (GTK_WIDGET (self->centre_paned),
                                  _("Divider between the wheel and the projection"));
  g_signal_connect_object (self->chart, "notify::collapsed", G_CALLBACK (on_collapsed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->centre_paned, "notify::position", G_CALLBACK (on_position), self,
                           G_CONNECT_SWAPPED);
}

void
fw_window_save_chart_state (FwWindow  *self,
                            GSettings *settings)
{
  gboolean collapsed = fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart));
  int height = self->chart_pane_height;

  if (!collapsed && self->chart_pane_placed && gtk_widget_get_visible (self->chart))
    height = gtk_widget_get_height (self->chart);
  fw_settings_save_int (settings, "chart-pane-height", height);
  g_settings_set_boolean (settings, "chart-pane-collapsed", collapsed);
}
