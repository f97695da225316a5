/* fw-window-chart.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-chart"

#include <glib/gi18n.h>

#include "fw-chart-canvas.h"
#include "fw-chart-view.h"
#include "fw-settings.h"
#include "fw-widget-util.h"
#include "fw-window-private.h"

/* The centre column: the wheel above (with, at the end of its column,
 * the playback bar), the projection below, in a vertical GtkPaned. The
 * projection keeps its height when the window grows (the wheel takes
 * the rest), collapses to its header, and both the height the user
 * gives it and whether it is collapsed are remembered (GSettings,
 * written as the window closes with the rest of its state,
 * fw-window-state.c).
 *
 * Until the user moves the divider, the projection gets the room for a
 * plot that can be read (PLOT_SHARE of the column, at least
 * MIN_PLOT_HEIGHT) above its legend and readout, which take more with
 * more scenarios and the band: a fixed share left a 1920x1080 window's
 * chart 75 px of plot with two scenarios and the band, and the divider
 * is not something a new user knows to drag. It grows as scenarios or
 * the band come and go. Never less than CHART_PANE_SHARE of the column
 * (at most the schema's 300 px), and the wheel keeps WHEEL_KEEPS:
 * the wheel is what the window is for. */

/* The projection's least height until the user sets one: this share of
 * the column, from the schema's least to its default. */
#define CHART_PANE_SHARE 0.3
#define MIN_CHART_PANE_HEIGHT     140
#define DEFAULT_CHART_PANE_HEIGHT 300

/* The plot's height until the user sets one: a fifth of the column, and
 * never under MIN_PLOT_HEIGHT (two scenarios' lines and a band apart). */
#define PLOT_SHARE      0.2
#define MIN_PLOT_HEIGHT 120

/* What the wheel keeps, above its playback bar, when the projection
 * opens at its default height: the bar's two rows took 80 px of 420, and
 * it takes more when a narrow column puts its horizon under its speed
 * (a 1024x768 window with both panes open), which came out of the
 * wheel, cutting a stage's name short. The user may drag the divider
 * further up, to the wheel's own minimum (the pane does not shrink the
 * wheel's column below it: it cropped the wheel's top), and the height
 * the divider is left at is the one it comes back to. */
#define WHEEL_KEEPS 340

/* While scenarios are compared the chart is what the user looks at:
 * its plot gets COMPARED_PLOT_HEIGHT at least and the wheel gives way,
 * down to WHEEL_KEEPS_COMPARED. At 1280x720 the wheel's 340 px left the
 * projection 250, the plot of two scenarios and the band 60 of them,
 * and four scenarios' a scroll away (verify9 V9-03). A taller window
 * (1920x1080) has the room for both, and places as it did. */
#define COMPARED_PLOT_HEIGHT 160
#define WHEEL_KEEPS_COMPARED 240

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

/* Whether the chart overlays several scenarios. */
static gboolean
comparing (FwWindow *self)
{
  GtkWidget *canvas = fw_chart_view_get_canvas (FW_CHART_VIEW (self->chart));

  return fw_chart_canvas_get_n_scenarios (FW_CHART_CANVAS (canvas)) > 1;
}

/* The projection's height: the user's, or else room for a readable
 * plot, at least a share of the column. */
static int
wanted_chart_height (FwChartView *chart,
                     FwWindow    *self)
{
  int column = gtk_widget_get_height (GTK_WIDGET (self->centre_paned));
  int share, plot;

  if (self->chart_pane_height > 0)
    return self->chart_pane_height;
  share = CLAMP ((int) (column * CHART_PANE_SHARE), MIN_CHART_PANE_HEIGHT, DEFAULT_CHART_PANE_HEIGHT);
  plot = MAX ((int) (column * PLOT_SHARE), comparing (self) ? COMPARED_PLOT_HEIGHT : MIN_PLOT_HEIGHT);
  return MAX (share, fw_chart_view_height_for_plot (chart, gtk_widget_get_width (GTK_WIDGET (self->centre_paned)),
                                                    plot));
}

/* The least the window places the divider at (the wheel's column):
 * WHEEL_KEEPS and the playback bar's height at the column's width, for
 * its own height; a height the user set is theirs, down to the wheel's
 * own minimum, where the pane stops a drag too. */
static int
least_position (FwWindow *self)
{
  if (self->chart_pane_height > 0)
    return 0;
  return MIN ((comparing (self) ? WHEEL_KEEPS_COMPARED : WHEEL_KEEPS) + self->placed_bar_height,
              gtk_widget_get_height (GTK_WIDGET (self->centre_paned)));
}

/* The playback bar's height at the column's width now. */
static int
playback_bar_height (FwWindow *self)
{
  int height = 0;

  gtk_widget_measure (self->playback_bar, GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (self->centre_paned)), NULL, &height, NULL, NULL);
  return height;
}

/* The divider where the projection has its height, or only its header
 * (the pane clamps the position to what the header needs). */
static void
apply_position (FwWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->centre_paned));

  self->placed_bar_height = playback_bar_height (self);
  self->placing_chart = TRUE;
  if (fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    gtk_paned_set_position (self->centre_paned, height);
  else
    /* By default the wheel keeps at least WHEEL_KEEPS pixels above
     * its playback bar when the window has them: on a small
     * window a projection at 300 px left the wheel too little room for
     * its stage names (240 px high at 912x600 lost two of seven). */
    {
      /* The height it is placed at, kept, if the window cannot give it
       * that now, for when it can (chart_squeezed). */
      self->placed_chart_height = wanted_chart_height (FW_CHART_VIEW (self->chart), self);
      gtk_paned_set_position (self->centre_paned,
                              MAX (height - self->placed_chart_height - (height - chart_height (self, 0)),
                                   least_position (self)));
    }
  self->placing_chart = FALSE;
}

/* Whether the window has grown taller since it squeezed the open
 * projection below its height (the user's, or the default): a window
 * made as small as it goes left the projection its header, and the
 * pane, which gives a taller window's height to the wheel, kept it at
 * that when the window grew back (review R5-20: only F8 and Page Up
 * brought the chart back). It gets its height back as the room comes. */
static gboolean
chart_squeezed (FwWindow *self)
{
  int column = gtk_widget_get_height (GTK_WIDGET (self->centre_paned));
  gboolean grown = column > self->chart_column_height;

  self->chart_column_height = column;
  return grown && self->chart_pane_placed
         && !fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart))
         && chart_height (self, gtk_paned_get_position (self->centre_paned))
            < (self->chart_pane_height > 0 ? self->chart_pane_height : self->placed_chart_height);
}

gboolean
fw_window_place_chart_pane (FwWindow *self)
{
  if (gtk_widget_get_height (GTK_WIDGET (self->centre_paned)) <= 0)
    return FALSE;
  if (chart_squeezed (self))
    {
      apply_position (self);
      return TRUE;
    }
  /* Placed already, it is placed again only at its default height, when
   * the playback bar has changed height (a pane shown or hidden folds
   * or unfolds its settings), so that the wheel keeps WHEEL_KEEPS. */
  if (self->chart_pane_placed &&
      (self->chart_pane_height > 0 || fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)) ||
       playback_bar_height (self) == self->placed_bar_height))
    return FALSE;
  self->chart_pane_placed = TRUE;
  apply_position (self);
  return TRUE;
}

static void
on_collapsed (FwWindow *self)
{
  int current = chart_height (self, gtk_paned_get_position (self->centre_paned));

  /* Collapsing keeps the height the user gave it, to open to it again
   * (a height never set is the default again). */
  if (fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)) && self->chart_pane_placed &&
      self->chart_pane_height > 0 && current > DRAG_OPEN_MARGIN * 3)
    self->chart_pane_height = current;
  if (self->chart_pane_placed)
    apply_position (self);
}

/* The user moved the divider (a drag, or F8 and the arrows): outside
 * the window's allocation (where it follows the window's size) and not
 * placed by the window. The projection's new height is theirs, to keep;
 * dragging the divider of a collapsed projection up opens it. */
static void
on_position (FwWindow *self)
{
  GtkWidget *header;
  int header_height;

  if (!self->chart_pane_placed || self->placing_chart || self->allocating)
    return;
  if (!fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    {
      self->chart_pane_height = MAX (chart_height (self, gtk_paned_get_position (self->centre_paned)),
                                     MIN_CHART_PANE_HEIGHT);
      return;
    }
  header = fw_chart_view_get_header (FW_CHART_VIEW (self->chart));
  header_height = header != NULL ? gtk_widget_get_height (header) : 0;
  if (chart_height (self, gtk_paned_get_position (self->centre_paned)) > header_height + DRAG_OPEN_MARGIN)
    {
      self->chart_pane_height = chart_height (self, gtk_paned_get_position (self->centre_paned));
      g_signal_handlers_block_by_func (self->chart, on_collapsed, self);
      fw_chart_view_set_collapsed (FW_CHART_VIEW (self->chart), FALSE);
      g_signal_handlers_unblock_by_func (self->chart, on_collapsed, self);
        }
}

/* F8 and an arrow up (the keys the shortcuts window gives for a
 * divider) open a collapsed projection at once, to its height: moved a
 * pixel a press, as GtkPaned moves it, it took DRAG_OPEN_MARGIN presses
 * before anything showed. An open projection's divider moves
 * DIVIDER_STEP a press of an arrow: GtkPaned's pixel a press took 15
 * presses for 15 px (verify9 V9-03). Only with the divider itself
 * focused: keys a control inside the pane leaves unhandled reach it
 * too. */
#define DIVIDER_STEP 24

static gboolean
on_move_handle (FwWindow      *self,
                GtkScrollType  scroll)
{
  if (!gtk_widget_is_focus (GTK_WIDGET (self->centre_paned)))
    return FALSE;
  if (!fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    {
      int step;

      switch (scroll)
        {
        case GTK_SCROLL_STEP_UP:
        case GTK_SCROLL_STEP_LEFT:
        case GTK_SCROLL_STEP_BACKWARD:
          step = -DIVIDER_STEP;
          break;
        case GTK_SCROLL_STEP_DOWN:
        case GTK_SCROLL_STEP_RIGHT:
        case GTK_SCROLL_STEP_FORWARD:
          step = DIVIDER_STEP;
          break;
        default:
          return FALSE;
        }
      /* Within the children's least heights, as GtkPaned keeps it;
       * the height it leaves is the user's (on_position ()). And
       * GtkPaned's own pixel not added after (the signal has no
       * accumulator: its handler runs whatever this one returns). */
      {
        int least = 0, most = 0;

        g_object_get (self->centre_paned, "min-position", &least, "max-position", &most, NULL);
        gtk_paned_set_position (self->centre_paned,
                                CLAMP (gtk_paned_get_position (self->centre_paned) + step, least, most));
      }
      g_signal_stop_emission_by_name (self->centre_paned, "move-handle");
      return TRUE;
    }
  switch (scroll)
    {
    case GTK_SCROLL_STEP_UP:
    case GTK_SCROLL_STEP_LEFT:
    case GTK_SCROLL_STEP_BACKWARD:
    case GTK_SCROLL_PAGE_UP:
    case GTK_SCROLL_PAGE_LEFT:
    case GTK_SCROLL_PAGE_BACKWARD:
    case GTK_SCROLL_START:
      fw_chart_view_set_collapsed (FW_CHART_VIEW (self->chart), FALSE);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Scenarios or the band shown or gone, or the readout's lines more or
 * fewer: a projection at its default height takes the room its legend
 * and readout now need. Only then, not on every readout (the pointer's
 * moves). (The readout's lines follow the projection's height: placed
 * for a 160 px plot under three lines, two scenarios' names whole on a
 * fourth left it 145.) */
static void
on_chart_contents (FwWindow *self)
{
  FwChartCanvas *canvas;
  GtkWidget *readout;
  int readout_height = 0;
  guint contents;

  /* A window closing under the pointer: the chart's readout changes as
   * the pointer leaves it, after the template let go of the chart. */
  if (self->chart == NULL)
    return;
  canvas = FW_CHART_CANVAS (fw_chart_view_get_canvas (FW_CHART_VIEW (self->chart)));
  readout = fw_chart_view_get_readout_label (FW_CHART_VIEW (self->chart));
  gtk_widget_measure (readout, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (readout), NULL, &readout_height,
                      NULL, NULL);
  contents = (guint) MAX (readout_height, 0) * 256 + fw_chart_canvas_get_n_scenarios (canvas) * 2 +
             (fw_chart_canvas_has_band (canvas) ? 1 : 0);

  if (contents == self->chart_contents)
    return;
  self->chart_contents = contents;
  if (self->chart_pane_placed && self->chart_pane_height <= 0 &&
      !fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)))
    apply_position (self);
}

void
fw_window_init_chart (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  gboolean collapsed = FALSE;

  self->chart_pane_height = 0;
  if (settings != NULL)
    {
      g_autoptr(GVariant) set = g_settings_get_user_value (settings, "chart-pane-height");

      /* Only a height the user set: the schema's default is a share. */
      if (set != NULL)
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
  g_signal_connect_object (self->centre_paned, "move-handle", G_CALLBACK (on_move_handle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (fw_chart_view_get_canvas (FW_CHART_VIEW (self->chart)), "readout-changed",
                           G_CALLBACK (on_chart_contents), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fw_chart_view_get_readout_label (FW_CHART_VIEW (self->chart)), "notify::label",
                           G_CALLBACK (on_chart_contents), self, G_CONNECT_SWAPPED);
}

void
fw_window_save_chart_state (FwWindow  *self,
                            GSettings *settings)
{
  gboolean collapsed = fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart));
  int height = self->chart_pane_height;

  g_settings_set_boolean (settings, "chart-pane-collapsed", collapsed);
  /* A height the user never set stays a share of the next window's
   * column, whatever its size. */
  if (height <= 0)
    return;
  if (!collapsed && self->chart_pane_placed && gtk_widget_get_visible (self->chart))
    height = gtk_widget_get_height (self->chart);
  fw_settings_save_int (settings, "chart-pane-height", height);
}
