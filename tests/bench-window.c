/* bench-window.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-window"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw-bench-measure.h"
#include "fw-present-view.h"
#include "fw-renderer-choice.h"
#include "fw-stage-row.h"
#include "fw-store.h"
#include "fw-test-window.h"
#include "fw-wheel-view.h"
#include "fw-window.h"

/* How smoothly the wheel turns in a 1920x1080 window with 16 stages and
 * 100 points, against the floor the display itself sets: a bare window of
 * the same size repainting an empty area every frame, measured in the
 * same run. Under Xvfb the X server does the compositing in software, so
 * the floor is far below a real screen's 60 Hz; what matters is how close
 * the wheel comes to it and what it costs on top.
 *
 * Then the same wheel while the periods play, two a second.
 *
 * Then the same wheel presenting (F5: the present view's own wheel, the
 * editor hidden), turning and then playing, to compare with editing's in
 * the same run.
 *
 * Then a scenario of 1000 points is opened with the point list on show,
 * and a point dragged round the rim one step per frame (the time to open,
 * and the frames during the drag).
 *
 * Run under tests/with-display.py (`make bench` does): it reports frames
 * per second, frame intervals, the time GTK spends on each frame (from the
 * frame clock's update phase to the end of its paint phase: our ticks,
 * snapshot and rendering), and CPU use of this process and of Xvfb. */

#define WIDTH  1920
#define HEIGHT 1080
#define WARMUP_S  1.5
#define MEASURE_S 6.0

/* The frame clock's phases whose CPU is counted apart: the update
 * (tick callbacks: the wheel's, playback's, and what their signals set
 * off), the layout (measuring and allocating the window, when anything
 * asked for it) and the paint (snapshot, render, and the copy to the X
 * server). The bench's handlers are connected after GTK's own, so each
 * marks the end of its phase; the before-paint mark starts the update. */
enum { PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, N_PHASES };

typedef struct
{
  GArray  *intervals;   /* ms between frames */
  GArray  *work;        /* ms from update to after-paint */
  gint64   last_frame;
  gint64   update_start;
  gboolean measuring;
  double   mark;                 /* the main thread's CPU at the last phase's end */
  double   phase_cpu[N_PHASES];  /* s, over the frames measured */
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->mark = fw_bench_thread_cpu ();
}

static void
end_phase (Frames *frames,
           guint   phase)
{
  double now = fw_bench_thread_cpu ();

  if (frames->measuring && frames->mark > 0.0)
    frames->phase_cpu[phase] += now - frames->mark;
  frames->mark = now;
}

static void
on_update (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->update_start = g_get_monotonic_time ();
  end_phase (frames, PHASE_UPDATE);
}

static void
on_layout (GdkFrameClock *clock,
           Frames        *frames)
{
  end_phase (frames, PHASE_LAYOUT);
}

static void
on_paint (GdkFrameClock *clock,
          Frames        *frames)
{
  end_phase (frames, PHASE_PAINT);
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->measuring)
    {
      double interval = (now - frames->last_frame) / 1000.0;
      double work = (now - frames->update_start) / 1000.0;

      if (frames->last_frame != 0)
        g_array_append_val (frames->intervals, interval);
      if (frames->update_start != 0)
        g_array_append_val (frames->work, work);
    }
  frames->last_frame = now;
}

static void
run_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs @window for WARMUP_S, then measures it for MEASURE_S. With
 * @wheel, also how many frames the wheel itself drew then, and the CPU
 * a wheel frame: the turning wheel skips frames a loaded machine cannot
 * afford (fw-idle-gate.h), so the CPU a frame of the window's clock
 * would flatter whatever draws fewer frames. */
static void
measure (const char  *label,
         GtkWindow   *window,
         FwWheelView *wheel)
{
  guint64 drawn0 = 0, drawn = 0;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Frames frames = { 0 };
  double cpu0, xcpu0, cpu, xcpu;
  gint64 t0;
  double wall, fps;
  double work50, work95, int50, int95;

  frames.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  frames.work = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update), &frames);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), &frames);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

  run_for (WARMUP_S);
  frames.measuring = TRUE;
  if (wheel != NULL)
    drawn0 = fw_wheel_view_get_frames_drawn (wheel);
  cpu0 = fw_bench_process_cpu ();
  xcpu0 = fw_bench_xvfb_cpu ();
  t0 = g_get_monotonic_time ();
  run_for (MEASURE_S);
  wall = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  cpu = fw_bench_process_cpu () - cpu0;
  if (wheel != NULL)
    drawn = fw_wheel_view_get_frames_drawn (wheel) - drawn0;
  xcpu = xcpu0 < 0 ? -1.0 : fw_bench_xvfb_cpu () - xcpu0;
  frames.measuring = FALSE;
  g_signal_handlers_disconnect_by_data (clock, &frames);

  fps = frames.intervals->len / wall;
  int50 = fw_bench_percentile (frames.intervals, 0.5);
  int95 = fw_bench_percentile (frames.intervals, 0.95);
  work50 = fw_bench_percentile (frames.work, 0.5);
  work95 = fw_bench_percentile (frames.work, 0.95);
  printf ("%-6s %6.1f fps | interval p50 %5.1f ms p95 %5.1f ms | frame work p50 %5.2f ms p95 %5.2f ms"
          " | CPU flywheel %3.0f%% Xvfb %3.0f%%\n",
          label, fps, int50, int95, work50, work95,
          100.0 * cpu / wall, xcpu < 0 ? -1.0 : 100.0 * xcpu / wall);
  /* CPU per wheel frame drawn: what compares the turning wheel and
   * playback in one run even when a loaded machine starves both. */
  if (wheel != NULL)
    printf ("%-6s wheel drew %.1f frames a second, CPU a wheel frame %.2f ms\n",
            label, drawn / wall, drawn > 0 ? 1000.0 * cpu / drawn : 0.0);
  /* Where a wheel frame's CPU goes, by the frame clock's phases (the
   * main thread's CPU; "other" is the rest of the process: events, idle
   * work, other threads). */
  if (wheel != NULL && drawn > 0)
    printf ("%-6s a wheel frame's CPU: update %.2f ms, layout %.2f ms, paint %.2f ms, other %.2f ms\n",
            label, 1000.0 * frames.phase_cpu[PHASE_UPDATE] / drawn,
            1000.0 * frames.phase_cpu[PHASE_LAYOUT] / drawn, 1000.0 * frames.phase_cpu[PHASE_PAINT] / drawn,
            1000.0 * (cpu - frames.phase_cpu[PHASE_UPDATE] - frames.phase_cpu[PHASE_LAYOUT] -
                      frames.phase_cpu[PHASE_PAINT]) / drawn);
  fflush (stdout);

  g_array_unref (frames.intervals);
  g_array_unref (frames.work);
}

/* The floor: an empty area asked to repaint on every frame. */
static gboolean
repaint_every_frame (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
draw_nothing (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
}

static void
measure_floor (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_nothing, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_widget_add_tick_callback (area, repaint_every_frame, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));

  measure ("floor", GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 16 stages and @n_points points spread round the rim, every stage busy. */
static FwProject *
big_project (guint n_points)
{
  FwProject *project = fw_project_new ("Benchmark");
  FwScenario *scenario = fw_scenario_new ("Baseline");

  project->horizon = 24;
  scenario->inflow = 500;
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      FwStage *stage = fw_stage_new (name, i);

      stage->count = 1000 + 250 * i;
      stage->advance = 0.25;
      stage->loss = 0.05;
      stage->referral = i >= 12 ? 0.05 : 0.0;
      stage->customer = i >= 10;
      stage->weight = 1 + (i % 3);
      g_ptr_array_add (scenario->stages, stage);
    }
  for (guint k = 0; k < n_points; k++)
    {
      g_autofree char *name = g_strdup_printf ("Point %u", k + 1);
      FwPoint *point = fw_point_new (name, k * 360.0 / n_points + 1.0);

      point->kind = k % 2 ? FW_POINT_FORCE : FW_POINT_FRICTION;
      point->conversion = k % 2 ? 0.05 : -0.05;
      point->enabled = k % 7 != 0;
      g_ptr_array_add (scenario->points, point);
    }
  g_ptr_array_add (project->scenarios, scenario);
  return project;
}

/* How many widgets of @type are under @root, itself included. */
static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_type (child, type);
  return count;
}

static void
measure_wheel (void)
{
  g_autoptr(FwProject) project = big_project (100);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.flywheel", NULL);
  FwWindow *window;
  FwWheelView *wheel;
  guint64 frames0;

  g_assert_no_error (error);
  if (!fw_store_save (project, path, &error))
    g_error ("%s", error->message);

  window = fw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path);
  /* Opening runs on a thread. */
  while (fw_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  /* The stage panel then makes its rows a few a frame (fw-stage-panel.c):
   * all of them before the turning is measured, or on a loaded machine,
   * past the warm-up, the turning's figures carry part of the open. */
  while (count_type (GTK_WIDGET (window), FW_TYPE_STAGE_ROW) < 16)
    g_main_context_iteration (NULL, TRUE);
  wheel = FW_WHEEL_VIEW (fw_window_get_wheel (window));

  frames0 = fw_wheel_view_get_frames_drawn (wheel);
  measure ("wheel", GTK_WINDOW (window), wheel);
  printf ("wheel  %d x %d window, wheel area %d x %d, %" G_GUINT64_FORMAT " wheel frames drawn, ticking: %s\n",
          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
          gtk_widget_get_width (GTK_WIDGET (wheel)), gtk_widget_get_height (GTK_WIDGET (wheel)),
          fw_wheel_view_get_frames_drawn (wheel) - frames0,
          fw_wheel_view_is_ticking (wheel) ? "yes" : "no");

  /* The same wheel while the periods play (two a second: the 24 months
   * last past the measurement; BENCH_WINDOW_SPEED, e.g. 1, the window's
   * default, plays at another speed): counts, moving people, hub and
   * figures easing between periods on top of the turning. */
  {
    FwSession *session = fw_window_get_session (window);
    FwPlayback *playback = fw_window_get_playback (window);
    guint64 played0 = fw_playback_get_frames (playback);
    const char *speed = g_getenv ("BENCH_WINDOW_SPEED");

    fw_session_set_speed (session, speed != NULL ? g_ascii_strtod (speed, NULL) : 2.0);
    printf ("play   %g periods a second\n", fw_session_get_speed (session));
    fw_session_set_period (session, 0);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.play-pause", NULL);
    frames0 = fw_wheel_view_get_frames_drawn (wheel);
    measure ("play", GTK_WINDOW (window), wheel);
    printf ("play   %" G_GUINT64_FORMAT " wheel frames drawn, %" G_GUINT64_FORMAT
            " playback ticks, reached period %u of %u, still playing: %s\n",
            fw_wheel_view_get_frames_drawn (wheel) - frames0,
            fw_playback_get_frames (playback) - played0,
            fw_session_get_period (session),
            fw_document_get_project (fw_window_get_document (window))->horizon,
            fw_session_get_playing (session) ? "yes" : "no");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.play-pause", NULL);
  }

  /* Presenting (F5): the present view's own wheel, larger and with the
   * point names, the editor hidden; turning, then playing as above. */
  {
    FwSession *session = fw_window_get_session (window);
    FwWheelView *editor = wheel;
    guint64 editor_frames0;

    fw_session_set_period (session, 0);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present-start", NULL);
    wheel = FW_WHEEL_VIEW (fw_present_view_get_wheel (FW_PRESENT_VIEW (fw_test_find_type (GTK_WIDGET (window),
                                                                                  FW_TYPE_PRESENT_VIEW))));
    editor_frames0 = fw_wheel_view_get_frames_drawn (editor);
    measure ("pres", GTK_WINDOW (window), wheel);
    printf ("pres   wheel area %d x %d\n",
            gtk_widget_get_width (GTK_WIDGET (wheel)), gtk_widget_get_height (GTK_WIDGET (wheel)));
    fw_session_set_period (session, 0);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.play-pause", NULL);
    measure ("pplay", GTK_WINDOW (window), wheel);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.play-pause", NULL);
    printf ("pres   the hidden editing wheel drew %" G_GUINT64_FORMAT " frames meanwhile\n",
            fw_wheel_view_get_frames_drawn (editor) - editor_frames0);
    fw_session_set_presenting (session, FALSE);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GtkWidget *window;
  double     angle;
  guint      steps;
} Drag;

/* One step of a drag per frame, through the same action the wheel's
 * drag uses: the edit, the recompute, the wheel, the figures and the
 * point list's rows follow it. */
static gboolean
drag_step (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  Drag *drag = data;

  drag->angle += 0.7;
  if (drag->angle >= 360.0)
    drag->angle -= 360.0;
  gtk_widget_activate_action (drag->window, "point.move", "(ud)", 0, drag->angle);
  drag->steps++;
  return G_SOURCE_CONTINUE;
}

/* Opening a scenario of 1000 points with the point list on show, then a
 * point dragged round the rim, one step per frame. */
static void
measure_thousand_points (void)
{
  g_autoptr(FwProject) project = big_project (1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "thousand.flywheel", NULL);
  Drag drag = { 0 };
  FwWindow *window;
  GtkWidget *stack;
  gint64 t0;
  double open_ms, cpu0;
  guint tick;

  g_assert_no_error (error);
  if (!fw_store_save (project, path, &error))
    g_error ("%s", error->message);

  window = fw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  /* The side panel's stack: the one with a "points" page (the window
   * has other stacks, the chart's Chart/Table among them). */
  stack = fw_test_find (GTK_WIDGET (window), fw_test_is_stack_with, "points");
  g_assert_nonnull (stack);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "points");
  run_for (WARMUP_S);

  /* Open: read, validate, project, and lay out until the loop is idle. */
  cpu0 = fw_bench_process_cpu ();
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path);
  /* Opening runs on a thread: until it is done, then until the loop
   * is idle. */
  while (fw_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  printf ("open   1000 points, point list on show: %.1f ms wall, %.1f ms CPU\n",
          open_ms, (fw_bench_process_cpu () - cpu0) * 1000.0);

  drag.window = GTK_WIDGET (window);
  tick = gtk_widget_add_tick_callback (fw_window_get_wheel (window), drag_step, &drag, NULL);
  measure ("drag", GTK_WINDOW (window), NULL);
  gtk_widget_remove_tick_callback (fw_window_get_wheel (window), tick);
  printf ("drag   1000 points: %u steps, one per frame, each an edit and a recompute\n", drag.steps);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The renderer the application would pick on this display, chosen as
   * main.c does: before GTK starts any thread. */
  fw_renderer_choose_before_threads ();
  gtk_init ();

  printf ("renderer: GSK_RENDERER=%s, display %s\n",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(GTK's choice)",
          g_getenv ("DISPLAY"));
  measure_floor ();
  measure_wheel ();
  /* --wheel: the floor, the turning wheel and playback, editing and
   * presenting, only. */
  if (argc > 1 && g_strcmp0 (argv[1], "--wheel") == 0)
    return 0;
  measure_thousand_points ();
  measure_floor ();
  return 0;
}
