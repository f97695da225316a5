/* fw-chart-canvas.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-band.h"
#include "fw-chart-canvas.h"
#include "fw-chart-layout.h"
#include "fw-chart-text.h"
#include "fw-render-style.h"
#include "fw-widget-util.h"

struct _FwChartCanvas
{
  GtkWidget      parent_instance;

  FwSession     *session;
  FwChart       *chart;

  /* What the chart points at, one per scenario on show: FwChart keeps
   * pointers into these arrays, so they live until the next rebuild. */
  GPtrArray     *rows;           /* FwChartRows */
  GPtrArray     *names;          /* char *: the scenarios' names */
  GPtrArray     *bands;          /* GObject (FwBand) or NULL, kept alive */
  gboolean       data_dirty;     /* the session changed since the rebuild */
  gboolean       any_band;

  guint          visible;
  gboolean       band_shown;

  FwWheelStyle   style;
  char          *font_family;

  /* The static layer (axes, lines, legend) as pixels. */
  GskRenderNode *static_node;
  FwLayerPool    static_pixels;  /* its pixels, reused at each repaint */
  int            static_width, static_height, static_scale;

  /* The device pixel the marker was last drawn at (G_MININT: none). */
  int            marker_pixel;
  /* The marker's label as pixels, for the period and size it shows. */
  GskRenderNode *chip_node;
  int            chip_period, chip_scale;
  double         chip_w, chip_h;
  guint          chips_painted;

  /* The period under the pointer, or -1; and where the pointer is
   * (pointer_in: over the canvas at all). The period is worked out
   * again from the pointer's place whenever the data or the size
   * change (follow_pointer ()): a period kept from before read out
   * another project's month under a pointer that had not moved. */
  int            hover_period;
  double         hover_x, hover_y;
  gboolean       pointer_in;
  gboolean       dragging;

  /* Words (the readout, the accessible value) follow the data once the
   * edits of a moment are done, not after each. */
  guint          refresh_idle;
  int            words_width;    /* the width they were last said for */
  char          *value_text;     /* the accessible value, as last set */
  /* What the legend's rows depend on (the scenarios' names, the series
   * and the band shown), as last measured for: the height asked for
   * changes with it (legend_changed ()). */
  char          *legend_key;
};

G_DEFINE_FINAL_TYPE (FwChartCanvas, fw_chart_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VISIBLE_SERIES,
  PROP_BAND_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  READOUT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
invalidate_static (FwChartCanvas *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->chip_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint
get_horizon (FwChartCanvas *self)
{
  if (self->session == NULL)
    return 0;
  return fw_document_get_project (fw_session_get_document (self->session))->horizon;
}

/* Data ---------------------------------------------------------------- */

/* The band of the scenario on show at @index into @input, when the
 * projection service has one, and keeps it alive with the rows. */
static void
describe_band (FwChartCanvas   *self,
               guint            scenario,
               FwChartScenario *input)
{
  FwBand *band = fw_projection_service_get_band (fw_session_get_projections (self->session), scenario);

  /* NULL until worked out (and for a scenario without spreads, whose
   * band is its line). */
  if (band == NULL || fw_band_get_horizon (band) != input->horizon)
    {
      g_ptr_array_add (self->bands, NULL);
      return;
    }
  g_ptr_array_add (self->bands, g_object_ref (band));
  input->band_low = fw_band_get_customers (band, FW_BAND_P10);
  input->band_median = fw_band_get_customers (band, FW_BAND_P50);
  input->band_high = fw_band_get_customers (band, FW_BAND_P90);
}

/* The chart's arrays from the session's projections: one scenario per
 * scenario on show, the current one first (drawn solid and on top). Done
 * when drawn, not on every "changed", so a drag that edits many times
 * per frame copies the figures once per frame, and a hidden chart not
 * at all. */
static void
rebuild_data (FwChartCanvas *self)
{
  FwProjectionService *service;
  const FwProject *project;
  const guint *shown;
  guint n_shown = 0;
  g_autofree FwChartScenario *input = NULL;
  guint n = 0;

  self->data_dirty = FALSE;
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->bands, 0);
  self->any_band = FALSE;

  if (self->session == NULL)
    {
      fw_chart_set_scenarios (self->chart, NULL, 0);
      return;
    }

  project = fw_document_get_project (fw_session_get_document (self->session));
  service = fw_session_get_projections (self->session);
  shown = fw_session_get_shown (self->session, &n_shown);
  n_shown = MIN (n_shown, FW_CHART_MAX_SCENARIOS);
  input = g_new0 (FwChartScenario, MAX (n_shown, 1));

  for (guint i = 0; i < n_shown; i++)
    {
      const FwProjection *projection = fw_projection_service_get (service, shown[i]);
      FwChartRows *rows;

      if (projection == NULL || shown[i] >= project->scenarios->len)
        continue;
      rows = fw_chart_rows_new_from_projection (projection);
      g_ptr_array_add (self->rows, rows);
      g_ptr_array_add (self->names, g_strdup (fw_project_get_scenario (project, shown[i])->name));
      fw_chart_rows_describe (rows, g_ptr_array_index (self->names, n), &input[n]);
      describe_band (self, shown[i], &input[n]);
      self->any_band = self->any_band || input[n].band_low != NULL;
      n++;
    }

  fw_chart_set_scenarios (self->chart, input, n);
  fw_chart_set_period_label (self->chart, fw_period_to_string (project->period));
  fw_chart_set_marker_position (self->chart, fw_session_get_position (self->session));
}

static int period_at (FwChartCanvas *self,
                      double         x,
                      double         y,
                      gboolean       anywhere);

/* The period under a pointer that has not moved, for the chart as it
 * is now (another project, horizon or size puts another period there).
 * A drag keeps the period it set. TRUE if it changed. */
static gboolean
follow_pointer (FwChartCanvas *self)
{
  int period;

  if (!self->pointer_in || self->dragging)
    return FALSE;
  period = period_at (self, self->hover_x, self->hover_y, FALSE);
  if (period == self->hover_period)
    return FALSE;
  self->hover_period = period;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
ensure_data (FwChartCanvas *self)
{
  if (!self->data_dirty)
    return;
  rebuild_data (self);
  /* Its words are said again after every change of the data
   * (schedule_refresh ()), which reads this. */
  follow_pointer (self);
}

/* Readout --------------------------------------------------------------- */

int
fw_chart_canvas_get_readout (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), -1);

  if (self->session == NULL)
    return -1;
  /* The pointer's period for the data as it is now. */
  ensure_data (self);
  if (self->hover_period >= 0)
    return self->hover_period;
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    return (int) fw_session_get_period (self->session);
  return -1;
}

double
fw_chart_canvas_get_readout_x (FwChartCanvas *self)
{
  int period = fw_chart_canvas_get_readout (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (period < 0 || width <= 0 || height <= 0)
    return 0.0;
  ensure_data (self);
  return fw_chart_layout_x_of (fw_chart_get_layout (self->chart, width, height), period);
}

gboolean
fw_chart_canvas_get_values (FwChartCanvas *self,
                            guint          period,
                            FwChartHover  *values)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const FwChartLayout *layout;

  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), FALSE);

  /* Values do not depend on the size; a canvas not laid out yet looks
   * them up in an area of its natural size. */
  if (width <= 0 || height <= 0)
    {
      width = 800;
      height = 400;
    }
  ensure_data (self);
  layout = fw_chart_get_layout (self->chart, width, height);
  return fw_chart_lookup (self->chart, width, height,
                          fw_chart_layout_x_of (layout, period),
                          layout->plot_y + layout->plot_h / 2.0, values);
}

guint
fw_chart_canvas_get_n_scenarios (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), 0);

  ensure_data (self);
  return self->names->len;
}

const char *
fw_chart_canvas_get_scenario_name (FwChartCanvas *self,
                                   guint          index)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), NULL);

  ensure_data (self);
  return index < self->names->len ? g_ptr_array_index (self->names, index) : NULL;
}

char *
fw_chart_canvas_dup_period_title (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), NULL);

  ensure_data (self);
  return fw_chart_period_title (self->chart);
}

FwPeriod
fw_chart_canvas_get_period_unit (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), FW_PERIOD_MONTH);

  if (self->session == NULL)
    return FW_PERIOD_MONTH;
  return fw_document_get_project (fw_session_get_document (self->session))->period;
}

/* For a screen reader, the chart is a slider over the periods: its value
 * is the period shown, said with the values at it. */
static void
update_accessible (FwChartCanvas *self)
{
  g_autofree char *text = NULL;
  guint period;

  if (self->session == NULL)
    return;

  period = fw_session_get_period (self->session);
  text = fw_chart_text_describe (self, period);
  g_free (self->value_text);
  self->value_text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) get_horizon (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) period,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

const char *
fw_chart_canvas_get_value_text (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), NULL);
  return self->value_text;
}

/* The height asked for holds the legend (fw_chart_canvas_measure ()):
 * asked again when what its rows depend on has changed, not for every
 * period played. */
static void
legend_changed (FwChartCanvas *self)
{
  g_autoptr(GString) key = g_string_new (NULL);

  ensure_data (self);
  g_string_append_printf (key, "%x %d %d", self->visible, self->band_shown, self->any_band);
  for (guint i = 0; i < self->names->len; i++)
    g_string_append_printf (key, "\n%s", (const char *) g_ptr_array_index (self->names, i));
  if (g_strcmp0 (key->str, self->legend_key) == 0)
    return;
  g_free (self->legend_key);
  self->legend_key = g_string_free (g_steal_pointer (&key), FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
readout_changed (FwChartCanvas *self)
{
  legend_changed (self);
  g_signal_emit (self, signals[READOUT_CHANGED], 0);
}

/* Session ---------------------------------------------------------------- */

static gboolean
refresh_words (gpointer data)
{
  FwChartCanvas *self = data;

  self->refresh_idle = 0;
  update_accessible (self);
  readout_changed (self);
  return G_SOURCE_REMOVE;
}

/* Before the next frame is drawn (GDK draws at G_PRIORITY_HIGH_IDLE +
 * 20), once for all the changes before it. */
static void
schedule_refresh (FwChartCanvas *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_words, self, NULL);
}

/* The readout's words depend on the width too (names shortened to
 * share a line): said again for a new one. */
static void
fw_chart_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  FwChartCanvas *self = FW_CHART_CANVAS (widget);

  if (width != self->words_width || follow_pointer (self))
    {
      self->words_width = width;
      schedule_refresh (self);
    }
}

static void
on_session_changed (FwChartCanvas  *self,
                    const FwChange *change)
{
  /* Everything the chart shows comes from the scenarios on show; another
   * scenario's edit is nothing to it, but compare may show any. The
   * figures are copied when next needed (drawn, read out), once for all
   * the edits of a drag's step. */
  self->data_dirty = TRUE;
  invalidate_static (self);
  schedule_refresh (self);
}

static void
on_band_ready (FwChartCanvas *self,
               guint          scenario)
{
  self->data_dirty = TRUE;
  invalidate_static (self);
  schedule_refresh (self);
}

static void
on_period_changed (FwChartCanvas *self)
{
  fw_chart_set_marker_position (self->chart, fw_session_get_position (self->session));
  /* Only the marker: the static layer stays. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
  if (self->hover_period < 0)
    readout_changed (self);
}

/* Where the marker's line is drawn now, in device pixels. */
static int
marker_pixel (FwChartCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const FwChartLayout *layout;

  if (width <= 0 || height <= 0 || self->data_dirty)
    return G_MININT;
  layout = fw_chart_get_layout (self->chart, width, height);
  return fw_widget_device_pixel (GTK_WIDGET (self),
                                 fw_chart_layout_x_of (layout, fw_session_get_position (self->session)));
}

/* Playing, the marker glides with the position as the wheel's people
 * do; its label, the readout and the words for a screen reader change
 * with the whole period (on_period_changed). A frame is asked for only
 * once the line has moved a device pixel, and then only the strip the
 * marker covers is drawn again. */
static void
on_position_changed (FwChartCanvas *self)
{
  int pixel;

  fw_chart_set_marker_position (self->chart, fw_session_get_position (self->session));
  pixel = marker_pixel (self);
  if (pixel != G_MININT && pixel == self->marker_pixel)
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fw_chart_canvas_set_session (FwChartCanvas *self,
                             FwSession     *session)
{
  g_return_if_fail (FW_IS_CHART_CANVAS (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (fw_session_get_projections (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::period", G_CALLBACK (on_period_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::position", G_CALLBACK (on_position_changed), self,
                               G_CONNECT_SWAPPED);
      /* A band arrives after the edit that started it (off the main
       * loop): drawn when it does. */
      g_signal_connect_object (fw_session_get_projections (session), "band-ready",
                               G_CALLBACK (on_band_ready), self, G_CONNECT_SWAPPED);
    }
  self->data_dirty = TRUE;
  invalidate_static (self);
  if (session != NULL)
    on_period_changed (self);
}

/* Series ---------------------------------------------------------------- */

guint
fw_chart_canvas_get_visible (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), 0);
  return self->visible;
}

void
fw_chart_canvas_set_visible (FwChartCanvas *self,
                             guint          series)
{
  g_return_if_fail (FW_IS_CHART_CANVAS (self));

  series &= FW_CHART_ALL_SERIES;
  if (series == self->visible)
    return;
  self->visible = series;
  fw_chart_set_visible (self->chart, series);
  invalidate_static (self);
  readout_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_SERIES]);
}

gboolean
fw_chart_canvas_get_band_shown (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), FALSE);
  return self->band_shown;
}

void
fw_chart_canvas_set_band_shown (FwChartCanvas *self,
                                gboolean       shown)
{
  g_return_if_fail (FW_IS_CHART_CANVAS (self));

  shown = !!shown;
  if (shown == self->band_shown)
    return;
  self->band_shown = shown;
  fw_chart_set_band_shown (self->chart, shown);
  invalidate_static (self);
  readout_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_SHOWN]);
}

void
fw_chart_canvas_set_text_scale (FwChartCanvas *self,
                                double         scale)
{
  g_return_if_fail (FW_IS_CHART_CANVAS (self));

  fw_chart_set_text_scale (self->chart, scale);
  invalidate_static (self);
  /* Larger text, taller legend rows. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
fw_chart_canvas_has_band (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), FALSE);

  ensure_data (self);
  return self->any_band;
}

guint
fw_chart_canvas_get_chips_painted (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), 0);

  return self->chips_painted;
}

FwChart *
fw_chart_canvas_get_chart (FwChartCanvas *self)
{
  g_return_val_if_fail (FW_IS_CHART_CANVAS (self), NULL);

  ensure_data (self);
  return self->chart;
}

/* Pointer and keyboard --------------------------------------------------- */

/* The period drawn nearest @x, or -1 when @x is outside the plot (with a
 * little slack at its ends, so the first and last periods are easy to
 * hit). */
static int
period_at (FwChartCanvas *self,
           double         x,
           double         y,
           gboolean       anywhere)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const FwChartLayout *layout;
  double slack, t;
  guint horizon;

  if (self->session == NULL || width <= 0 || height <= 0)
    return -1;
  ensure_data (self);
  layout = fw_chart_get_layout (self->chart, width, height);
  horizon = layout->horizon;
  slack = layout->text_size;
  if (!anywhere && (x < layout->plot_x - slack || x > layout->plot_x + layout->plot_w + slack ||
                    y < layout->plot_y - slack || y > layout->plot_y + layout->plot_h + slack))
    return -1;
  t = round (fw_chart_layout_period_at (layout, x));
  return (int) CLAMP (t, 0.0, (double) horizon);
}

static void
set_hover (FwChartCanvas *self,
           int            period)
{
  if (period == self->hover_period)
    return;
  self->hover_period = period;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  readout_changed (self);
}

static void
on_motion (FwChartCanvas *self,
           double         x,
           double         y)
{
  self->pointer_in = TRUE;
  self->hover_x = x;
  self->hover_y = y;
  set_hover (self, self->dragging ? self->hover_period : period_at (self, x, y, FALSE));
}

static void
on_leave (FwChartCanvas *self)
{
  self->pointer_in = FALSE;
  if (!self->dragging)
    set_hover (self, -1);
}

/* A legend entry shows or hides its series (or the band). */
static gboolean
toggle_legend_at (FwChartCanvas *self,
                  double         x,
                  double         y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const FwChartLegendEntry *entry;

  ensure_data (self);
  entry = fw_chart_legend_at (self->chart, width, height, x, y);
  if (entry == NULL)
    return FALSE;

  switch (entry->kind)
    {
    case FW_CHART_LEGEND_SERIES:
      fw_chart_canvas_set_visible (self, self->visible ^ FW_CHART_SERIES_BIT (entry->index));
      break;
    case FW_CHART_LEGEND_BAND:
      fw_chart_canvas_set_band_shown (self, !self->band_shown);
      break;
    case FW_CHART_LEGEND_SCENARIO:
    default:
      break;
    }
  return TRUE;
}

/* A scenario's key whose name the legend cut shows it whole; the count
 * of those without a key names them. */
static gboolean
on_query_tooltip (FwChartCanvas *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  const FwChartLegendEntry *entry;
  g_autoptr(GString) text = NULL;

  if (keyboard)
    return FALSE;
  ensure_data (self);
  entry = fw_chart_legend_at (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (entry == NULL)
    return FALSE;
  if (entry->kind == FW_CHART_LEGEND_SCENARIO && entry->cut)
    text = g_string_new (fw_chart_canvas_get_scenario_name (self, entry->index));
  else if (entry->kind == FW_CHART_LEGEND_MORE)
    {
      text = g_string_new (NULL);
      for (guint i = self->names->len - MIN (entry->index, self->names->len); i < self->names->len; i++)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                (const char *) g_ptr_array_index (self->names, i));
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FwChartCanvas  *self)
{
  int period;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (toggle_legend_at (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  period = period_at (self, x, y, FALSE);
  if (period < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->dragging = TRUE;
  /* Clicking stops playback where the user points, as a scrub does. */
  fw_session_set_playing (self->session, FALSE);
  fw_session_set_period (self->session, (guint) period);
  set_hover (self, period);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FwChartCanvas  *self)
{
  double x0, y0;
  int period;

  if (!self->dragging)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x0, &y0);
  period = period_at (self, x0 + dx, y0 + dy, TRUE);
  if (period < 0)
    return;
  fw_session_set_period (self->session, (guint) period);
  set_hover (self, period);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             FwChartCanvas  *self)
{
  self->dragging = FALSE;
}

static gboolean
on_key_pressed (FwChartCanvas   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  guint horizon = get_horizon (self);
  guint period, page;
  int next;

  if (self->session == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  period = fw_session_get_period (self->session);
  /* A tenth of the horizon, at least one period. */
  page = MAX (horizon / 10, 1);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = (int) period - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = (int) period + 1;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      next = (int) period + (int) page;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      next = (int) period - (int) page;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      next = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      next = (int) horizon;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  fw_session_set_period (self->session, (guint) CLAMP (next, 0, (int) horizon));
  return GDK_EVENT_STOP;
}

static void
on_focus_changed (FwChartCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  readout_changed (self);
}

/* Drawing ------------------------------------------------------------------ */

static void
paint_static (cairo_t  *cr,
              gpointer  data)
{
  FwChartCanvas *self = data;

  fw_chart_paint_static (self->chart, cr, self->static_width, self->static_height);
}

/* The line at the period under the pointer, and a dot where it meets
 * each line drawn, so the values the readout lists are seen on the lines
 * they come from. */
static void
paint_hover (FwChartCanvas       *self,
             cairo_t             *cr,
             const FwChartLayout *layout,
             double               width,
             double               height)
{
  FwChartHover hover;
  double x;

  if (!fw_chart_canvas_get_values (self, (guint) self->hover_period, &hover))
    return;
  x = hover.x;
  cairo_set_source_rgba (cr, self->style.fg[0], self->style.fg[1], self->style.fg[2], 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, floor (x) + 0.5, layout->plot_y);
  cairo_line_to (cr, floor (x) + 0.5, layout->plot_y + layout->plot_h);
  cairo_stroke (cr);

  for (guint i = 0; i < hover.n_scenarios; i++)
    for (guint s = 0; s < FW_CHART_N_SERIES; s++)
      {
        double v = hover.values[i][s];

        if (!isfinite (v))
          continue;
        cairo_new_path (cr);
        cairo_arc (cr, x, fw_chart_layout_y_of (layout, v), layout->line_width * 1.8, 0, 2 * G_PI);
        cairo_set_source_rgba (cr, self->style.bg[0], self->style.bg[1], self->style.bg[2], 1.0);
        cairo_fill_preserve (cr);
        {
          double rgb[3];

          fw_chart_line_color (self->chart, i, s, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        }
        cairo_set_line_width (cr, layout->line_width);
        cairo_stroke (cr);
      }
}

typedef struct
{
  FwChart *chart;
  int      width, height;
} ChipPaint;

static void
paint_chip (cairo_t  *cr,
            gpointer  data)
{
  ChipPaint *chip = data;

  /* A pixel to spare round it for the antialiasing. */
  fw_chart_paint_marker_chip (chip->chart, cr, chip->width, chip->height, 1.0, 1.0);
}

/* The marker as fw_chart_paint_marker() draws it, in two nodes that
 * cost a playing frame next to nothing: the line a colour node, the
 * label pixels painted once a period and moved. GTK then redraws the
 * line's strip and the label's box where they were and where they are,
 * not a strip as wide as the label down the whole chart. */
static void
snapshot_marker (FwChartCanvas *self,
                 GtkSnapshot   *snapshot,
                 int            width,
                 int            height,
                 int            scale)
{
  const double *a = self->style.accent;
  GdkRGBA accent = { a[0], a[1], a[2], a[3] };
  FwChartMarkerPlace place;
  int period = fw_chart_get_marker (self->chart);

  if (!fw_chart_marker_place (self->chart, width, height, &place))
    return;

  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (place.x - place.line_width / 2.0, place.top,
                                                  place.line_width, place.bottom - place.top));

  if (self->chip_node == NULL || self->chip_period != period || self->chip_scale != scale ||
      self->chip_w != place.chip_w || self->chip_h != place.chip_h)
    {
      ChipPaint chip = { self->chart, width, height };

      g_clear_pointer (&self->chip_node, gsk_render_node_unref);
      self->chip_node = fw_render_texture_node (GTK_WIDGET (self), NULL, (int) ceil (place.chip_w) + 2,
                                                (int) ceil (place.chip_h) + 2, scale, paint_chip, &chip);
      self->chip_period = period;
      self->chip_scale = scale;
      self->chip_w = place.chip_w;
      self->chip_h = place.chip_h;
      self->chips_painted++;
    }
  /* On a whole device pixel: the label's pixels stay as sharp as painted. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round ((place.chip_x - 1.0) * scale) / scale,
                                                          round ((place.chip_y - 1.0) * scale) / scale));
  gtk_snapshot_append_node (snapshot, self->chip_node);
  gtk_snapshot_restore (snapshot);
}

static void
fw_chart_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FwChartCanvas *self = FW_CHART_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const FwChartLayout *layout;
  cairo_t *cr;

  if (self->session == NULL || width <= 0 || height <= 0)
    return;

  ensure_data (self);
  layout = fw_chart_get_layout (self->chart, width, height);
  if (self->static_node == NULL || self->static_width != width ||
      self->static_height != height || self->static_scale != scale)
    {
      g_clear_pointer (&self->static_node, gsk_render_node_unref);
      self->static_width = width;
      self->static_height = height;
      self->static_scale = scale;
      self->static_node = fw_render_texture_node (GTK_WIDGET (self), &self->static_pixels,
                                                  width, height, scale, paint_static, self);
    }
  gtk_snapshot_append_node (snapshot, self->static_node);

  self->marker_pixel = marker_pixel (self);
  snapshot_marker (self, snapshot, width, height, scale);

  if (self->hover_period >= 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      paint_hover (self, cr, layout, width, height);
      cairo_destroy (cr);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      const double *a = self->style.accent;
      GdkRGBA accent = { a[0], a[1], a[2], 0.6 };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

/* Made insensitive (the window reading a file greys its panes), the
 * canvas hears no more of the pointer: GTK 4.8 neither says it left
 * then nor when it leaves afterwards, and a period kept under a
 * pointer gone elsewhere read out the file's month 1461 beside the
 * figures' month 0 until the pointer came back. It counts as gone; a
 * move over the chart brings it back. */
static void
fw_chart_canvas_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  FwChartCanvas *self = FW_CHART_CANVAS (widget);

  GTK_WIDGET_CLASS (fw_chart_canvas_parent_class)->state_flags_changed (widget, previous);
  if (!gtk_widget_is_sensitive (widget) && self->pointer_in)
    {
      self->dragging = FALSE;
      on_leave (self);
    }
}

static void
fw_chart_canvas_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  FwChartCanvas *self = FW_CHART_CANVAS (widget);

  GTK_WIDGET_CLASS (fw_chart_canvas_parent_class)->css_changed (widget, change);
  if (fw_render_style_update (widget, &self->style, &self->font_family))
    {
      fw_chart_set_style (self->chart, &self->style);
      invalidate_static (self);
      gtk_widget_queue_resize (widget);
    }
}

/* The plot's least height on screen (pixels), under a legend of any
 * number of rows: at 1280x720 with four scenarios compared and the text
 * zoomed in, the legend and the readout left it a sliver (V10B-05). */
#define LEAST_PLOT_PX 100

static GtkSizeRequestMode
fw_chart_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Small enough for a 1280x720 window beside the wheel; the pane gives
 * it the rest. At least as high as keeps the plot LEAST_PLOT_PX under
 * the legend at this width: several scenarios' keys take as many rows
 * as their whole names need (fw-chart-layout.c), and the projection
 * pane scrolls rather than squash the plot. */
static void
fw_chart_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  FwChartCanvas *self = FW_CHART_CANVAS (widget);
  int width;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
      return;
    }
  width = for_size > 0 ? for_size : gtk_widget_get_width (widget);
  if (width <= 0)
    width = 640;
  ensure_data (self);
  *minimum = MAX (140, (int) fw_chart_height_for_plot (self->chart, width, LEAST_PLOT_PX));
  *natural = MAX (300, *minimum);
}

static void
fw_chart_canvas_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FwChartCanvas *self = FW_CHART_CANVAS (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_SERIES:
      g_value_set_uint (value, self->visible);
      break;
    case PROP_BAND_SHOWN:
      g_value_set_boolean (value, self->band_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_canvas_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FwChartCanvas *self = FW_CHART_CANVAS (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_SERIES:
      fw_chart_canvas_set_visible (self, g_value_get_uint (value));
      break;
    case PROP_BAND_SHOWN:
      fw_chart_canvas_set_band_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_canvas_dispose (GObject *object)
{
  FwChartCanvas *self = FW_CHART_CANVAS (object);

  fw_chart_canvas_set_session (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_pointer (&self->chip_node, gsk_render_node_unref);
  fw_layer_pool_clear (&self->static_pixels);

  G_OBJECT_CLASS (fw_chart_canvas_parent_class)->dispose (object);
}

static void
fw_chart_canvas_finalize (GObject *object)
{
  FwChartCanvas *self = FW_CHART_CANVAS (object);

  /* The chart points into the rows: it goes first. */
  g_clear_pointer (&self->chart, fw_chart_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->legend_key, g_free);

  G_OBJECT_CLASS (fw_chart_canvas_parent_class)->finalize (object);
}

static void
fw_chart_canvas_class_init (FwChartCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_chart_canvas_dispose;
  object_class->finalize = fw_chart_canvas_finalize;
  object_class->get_property = fw_chart_canvas_get_property;
  object_class->set_property = fw_chart_canvas_set_property;
  widget_class->snapshot = fw_chart_canvas_snapshot;
  widget_class->css_changed = fw_chart_canvas_css_changed;
  widget_class->state_flags_changed = fw_chart_canvas_state_flags_changed;
  widget_class->measure = fw_chart_canvas_measure;
  widget_class->get_request_mode = fw_chart_canvas_get_request_mode;
  widget_class->size_allocate = fw_chart_canvas_size_allocate;

  properties[PROP_VISIBLE_SERIES] =
    g_param_spec_uint ("visible-series", NULL, NULL, 0, FW_CHART_ALL_SERIES, FW_CHART_ALL_SERIES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BAND_SHOWN] =
    g_param_spec_boolean ("band-shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[READOUT_CHANGED] =
    g_signal_new ("readout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "fwchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
fw_chart_canvas_init (FwChartCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *drag;

  self->chart = fw_chart_new ();
  fw_chart_set_legend_toggles (self->chart, TRUE);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_chart_rows_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->bands = g_ptr_array_new_with_free_func (unref_if_set);
  self->visible = FW_CHART_ALL_SERIES;
  self->band_shown = TRUE;
  self->hover_period = -1;
  self->marker_pixel = G_MININT;
  self->data_dirty = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Projection chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right move one period, Page Up and Page Down a tenth of the horizon"),
                                  -1);

  controller = gtk_event_controller_motion_new ();
  /* Entering says where the pointer is as a move does. */
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, controller);

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (widget, controller);
}

GtkWidget *
fw_chart_canvas_new (void)
{
  return g_object_new (FW_TYPE_CHART_CANVAS, NULL);
}
