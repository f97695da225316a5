/* fw-playback.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-playback"

#include "fw-idle-gate.h"
#include "fw-playback.h"

/* A frame later than this (the window was hidden, the machine stalled)
 * is played as this long: playback never jumps many periods at once. */
#define MAX_FRAME_SECONDS 0.1

struct _FwPlayback
{
  GObject    parent_instance;

  FwSession *session;
  GtkWidget *widget;          /* not owned */
  guint      tick_id;
  gint64     last_frame_time; /* 0: no frame seen since installing */
  double     held;            /* seconds of frames the gate held back */
  FwIdleGate gate;
  guint64    frames;
  gboolean   in_tick;         /* the callback is running: it removes itself */
};

G_DEFINE_FINAL_TYPE (FwPlayback, fw_playback, G_TYPE_OBJECT)

static void update_ticking (FwPlayback *self);

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FwPlayback *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = 0.0;
  gboolean playing;

  if (self->last_frame_time != 0)
    seconds = MIN ((now - self->last_frame_time) / (double) G_USEC_PER_SEC, MAX_FRAME_SECONDS);
  self->last_frame_time = now;
  self->held += seconds;

  /* Everything the position moves (the wheel, the slider, the chart's
   * marker, the figures) moves in the same frames, through the gate the
   * turning wheel takes (fw-idle-gate.h): on a machine too slow for
   * every frame, a frame that moves the slider and the chart but not the
   * wheel costs as much and shows less, and starves the main loop's idle
   * work. The time held back is played in the next frame let through, so
   * the periods still follow the clock. On an idle machine every frame
   * passes. */
  if (!fw_idle_gate_pass (&self->gate))
    return G_SOURCE_CONTINUE;
  seconds = self->held;
  self->held = 0.0;
  self->frames++;

  self->in_tick = TRUE;
  playing = fw_session_play_on (self->session, seconds);
  self->in_tick = FALSE;
  if (playing)
    return G_SOURCE_CONTINUE;

  /* Stopped at H: the callback removes itself by returning. */
  self->tick_id = 0;
  self->last_frame_time = 0;
  fw_idle_gate_clear (&self->gate);
  return G_SOURCE_REMOVE;
}

static void
update_ticking (FwPlayback *self)
{
  gboolean wanted = self->widget != NULL && self->session != NULL &&
                    fw_session_get_playing (self->session) &&
                    gtk_widget_get_mapped (self->widget);

  if (wanted && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->held = 0.0;
      self->tick_id = gtk_widget_add_tick_callback (self->widget, on_tick, self, NULL);
    }
  else if (!wanted && self->tick_id != 0 && !self->in_tick)
    {
      gtk_widget_remove_tick_callback (self->widget, self->tick_id);
      self->tick_id = 0;
      self->last_frame_time = 0;
      fw_idle_gate_clear (&self->gate);
    }
}

static void
on_widget_gone (gpointer  data,
                GObject  *where_the_widget_was)
{
  FwPlayback *self = data;

  self->widget = NULL;
  self->tick_id = 0;
  fw_idle_gate_clear (&self->gate);
}

static void
fw_playback_dispose (GObject *object)
{
  FwPlayback *self = FW_PLAYBACK (object);

  if (self->widget != NULL)
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (self->widget, self->tick_id);
      self->tick_id = 0;
      g_signal_handlers_disconnect_by_data (self->widget, self);
      g_object_weak_unref (G_OBJECT (self->widget), on_widget_gone, self);
      self->widget = NULL;
    }
  fw_idle_gate_clear (&self->gate);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_playback_parent_class)->dispose (object);
}

static void
fw_playback_class_init (FwPlaybackClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fw_playback_dispose;
}

static void
fw_playback_init (FwPlayback *self)
{
}

FwPlayback *
fw_playback_new (FwSession *session,
                 GtkWidget *widget)
{
  FwPlayback *self;

  g_return_val_if_fail (FW_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (FW_TYPE_PLAYBACK, NULL);
  self->session = g_object_ref (session);
  self->widget = widget;
  g_object_weak_ref (G_OBJECT (widget), on_widget_gone, self);

  g_signal_connect_object (session, "notify::playing",
                           G_CALLBACK (update_ticking), self, G_CONNECT_SWAPPED);
  /* A hidden window asks for no frames; shown again, it plays on. */
  g_signal_connect_object (widget, "map", G_CALLBACK (update_ticking), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (widget, "unmap", G_CALLBACK (update_ticking), self, G_CONNECT_SWAPPED);
  update_ticking (self);

  return self;
}

gboolean
fw_playback_is_ticking (FwPlayback *self)
{
  g_return_val_if_fail (FW_IS_PLAYBACK (self), FALSE);

  return self->tick_id != 0;
}

guint64
fw_playback_get_frames (FwPlayback *self)
{
  g_return_val_if_fail (FW_IS_PLAYBACK (self), 0);

  return self->frames;
}
