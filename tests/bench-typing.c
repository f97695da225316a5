/* bench-typing.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-typing"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw-bench-measure.h"
#include "fw-renderer-choice.h"
#include "fw-store.h"
#include "fw-templates.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* Whether the window stutters while values are typed into a stage field
 * at the longest horizon (100,000 periods) with spreads, against the same
 * at 24 periods (issue 9: the band "recomputed after every edit without
 * the window ever stuttering"; verify9's V9-09).
 *
 * The attract-engage-delight template with spreads on its baseline, in a
 * 1920x1080 window (wheel, chart and band on show), opened from a file as
 * a user opens it. Then, horizon by horizon in turn (so both see the same
 * load), values are typed into stage 1's "People now" one key at a time,
 * each key an edit as a user's is (the field applies as it is typed):
 * KEY_MS between keys, then a pause (5 s) before the next value, in
 * which the band of the last edit is waited for. Meanwhile:
 *  - a tick callback keeps the frame clock running, and every gap
 *    between frames is kept: what a user sees as a stutter;
 *  - a timeout every PROBE_MS at the input events' priority notes how
 *    late it runs: how long a key pressed then would have waited;
 *  - each key's own cost on the main loop: the wall clock and the main
 *    thread's CPU of the edit it sets off, up to the views told;
 *  - the CPU of the main thread, of the whole process (the rest is
 *    mostly the band's thread) and of the X server;
 *  - from each value's last key, how long until its band is in.
 *
 * Run under tests/with-display.py (`meson test -C build --benchmark -v
 * bench-typing`), or `build/tests/bench-typing [--runs N] [--values N]
 * [--pause MS] [--horizon 24|100000]` on a display of one's own. */

#define WIDTH     1920
#define HEIGHT    1080
#define KEY_MS    150
#define PROBE_MS  5
#define STUTTER_MS 40.0
/* The pause after each value (--pause): long enough for the band of
 * 100,000 periods on one core, so that each value's band can land. */
static guint pause_ms = 5000;

/* The values typed, key by key, into the field (it held 1000). */
static const char *const VALUES[] = { "710", "820", "930", "640", "550", "1460" };

/* What is measured apart: while keys are typed (from a value's first
 * key to KEY_MS after its last), and in the pause after (the band of
 * the last edit computed then). */
enum { TYPING, PAUSE, N_PHASES };
static const char *const PHASE_NAMES[N_PHASES] = { "typing", "pause" };

typedef struct
{
  guint    phase;
  GArray  *frame_gaps[N_PHASES];  /* ms between frames */
  GArray  *probe_late[N_PHASES];  /* ms a probe ran late */
  double   wall[N_PHASES];        /* s */
  double   main_cpu[N_PHASES];    /* s, the main thread */
  double   cpu[N_PHASES];         /* s, the whole process */
  double   xcpu[N_PHASES];        /* s, the X server */
  GArray  *key_wall;      /* ms on the main loop for each key's edit */
  GArray  *key_cpu;       /* ms of the main thread's CPU for each */
  GArray  *band_after;    /* ms from a value's last key to its band */
  gint64   last_frame;
  gint64   last_probe;
  guint    bands_ready;
} Measures;

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += g_array_index (values, double, i) > limit;
  return n;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Measures *measures = data;
  gint64 now = g_get_monotonic_time ();

  if (measures->last_frame != 0)
    {
      double gap = (now - measures->last_frame) / 1000.0;

      g_array_append_val (measures->frame_gaps[measures->phase], gap);
    }
  measures->last_frame = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_probe (gpointer data)
{
  Measures *measures = data;
  gint64 now = g_get_monotonic_time ();

  if (measures->last_probe != 0)
    {
      double late = MAX (0.0, (now - measures->last_probe) / 1000.0 - PROBE_MS);

      g_array_append_val (measures->probe_late[measures->phase], late);
    }
  measures->last_probe = now;
  return G_SOURCE_CONTINUE;
}

static void
on_band_ready (FwProjectionService *service,
               guint                scenario,
               Measures            *measures)
{
  measures->bands_ready++;
}

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms (whatever measures are attached to it
 * measure meanwhile). */
static void
run_for (double ms)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) MAX (ms, 0.0), wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
band_is_in (gpointer data)
{
  FwProjectionService *service = data;

  return fw_projection_service_get_band (service, 0) != NULL &&
         !fw_projection_service_is_band_busy (service, 0);
}

/* A file of the template with spreads, at @horizon. */
static char *
write_project (const char *dir,
               guint       horizon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_template_create ("attract-engage-delight", &error);
  g_autofree char *name = g_strdup_printf ("h%u.flywheel", horizon);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  project->horizon = horizon;
  fw_project_get_scenario (project, 0)->uncertainty = (FwUncertainty) { 0.2, 0.2, 0.3, 0.1 };
  if (!fw_store_save (project, path, &error))
    g_error ("%s", error->message);
  return path;
}

static FwWindow *
open_window (const char *path)
{
  FwWindow *window = fw_window_new (NULL);
  FwProjectionService *service;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path);
  while (fw_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  /* The stage panel makes its rows a few a frame (fw-stage-panel.c). */
  while (fw_test_find_named (GTK_WIDGET (window), "stage-count") == NULL)
    g_main_context_iteration (NULL, TRUE);
  service = fw_session_get_projections (fw_window_get_session (window));
  if (!fw_test_wait_until (band_is_in, service))
    g_error ("the band of the file opened never came");
  run_for (1000);
  return window;
}

/* One key: the field's text becomes @text (what it holds after the
 * key), timed on the main loop and on its thread's CPU. */
static void
type_key (GtkEditable *field,
          const char  *text,
          Measures    *measures)
{
  gint64 t0 = g_get_monotonic_time ();
  double cpu0 = fw_bench_thread_cpu ();
  double wall, cpu;

  gtk_editable_set_text (field, text);
  wall = (g_get_monotonic_time () - t0) / 1000.0;
  cpu = (fw_bench_thread_cpu () - cpu0) * 1000.0;
  g_array_append_val (measures->key_wall, wall);
  g_array_append_val (measures->key_cpu, cpu);
  /* An outlier said as it happens: which key, to look into it. */
  if (cpu > 3 * STUTTER_MS / 4)
    printf ("  key %u (\"%s\"): %.1f ms on the main loop, %.1f ms of its CPU\n",
            measures->key_cpu->len, text, wall, cpu);
}

/* The clocks when a phase began. */
typedef struct
{
  gint64 wall;
  double main_cpu, cpu, xcpu;
} Mark;

static Mark
mark_now (void)
{
  return (Mark) { g_get_monotonic_time (), fw_bench_thread_cpu (), fw_bench_process_cpu (),
                  fw_bench_xvfb_cpu () };
}

/* Ends the phase under way (its clocks read since @mark) and starts
 * @next. */
static void
switch_phase (Measures *m,
              Mark     *mark,
              guint     next)
{
  Mark now = mark_now ();

  m->wall[m->phase] += (now.wall - mark->wall) / (double) G_USEC_PER_SEC;
  m->main_cpu[m->phase] += now.main_cpu - mark->main_cpu;
  m->cpu[m->phase] += now.cpu - mark->cpu;
  m->xcpu[m->phase] += now.xcpu - mark->xcpu;
  *mark = now;
  m->phase = next;
}

static void
measure_typing (const char *path,
                guint       horizon,
                guint       n_values)
{
  FwWindow *window = open_window (path);
  FwProjectionService *service = fw_session_get_projections (fw_window_get_session (window));
  GtkEditable *field = GTK_EDITABLE (fw_test_find_named (GTK_WIDGET (window), "stage-count"));
  Measures m = { .phase = PAUSE };
  double load0;
  guint tick, probe, keys = 0, bands_missing = 0;
  Mark mark;

  g_assert_nonnull (field);
  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      m.frame_gaps[phase] = g_array_new (FALSE, FALSE, sizeof (double));
      m.probe_late[phase] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  m.key_wall = g_array_new (FALSE, FALSE, sizeof (double));
  m.key_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  m.band_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (service, "band-ready", G_CALLBACK (on_band_ready), &m);
  gtk_widget_grab_focus (GTK_WIDGET (field));

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), on_tick, &m, NULL);
  probe = g_timeout_add_full (G_PRIORITY_DEFAULT, PROBE_MS, on_probe, &m, NULL);
  load0 = fw_bench_load_average ();
  mark = mark_now ();

  for (guint v = 0; v < n_values; v++)
    {
      const char *value = VALUES[v % G_N_ELEMENTS (VALUES)];
      gint64 last_key;

      /* Select all and type: each key leaves the field one digit longer. */
      switch_phase (&m, &mark, TYPING);
      for (gsize k = 1; k <= strlen (value); k++)
        {
          g_autofree char *text = g_strndup (value, k);

          type_key (field, text, &m);
          keys++;
          run_for (KEY_MS);
        }
      last_key = g_get_monotonic_time () - KEY_MS * 1000;
      switch_phase (&m, &mark, PAUSE);
      /* The band of the last key's edit, within the pause. */
      while (!band_is_in (service) && g_get_monotonic_time () - last_key < pause_ms * 1000)
        run_for (1);
      if (band_is_in (service))
        {
          double after = (g_get_monotonic_time () - last_key) / 1000.0;

          g_array_append_val (m.band_after, after);
        }
      else
        bands_missing++;
      run_for (MAX (0.0, pause_ms - (g_get_monotonic_time () - last_key) / 1000.0));
    }

  switch_phase (&m, &mark, TYPING);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  g_source_remove (probe);
  g_signal_handlers_disconnect_by_data (service, &m);

  for (guint phase = 0; phase < N_PHASES; phase++)
    printf ("H %6u %-6s load %4.1f-%4.1f | %5.1f s, frames %4u, gaps > %.0f ms %3u, p95 %5.1f ms, worst %6.1f ms"
            " | a key waits p99 %5.1f ms, worst %6.1f ms | CPU main thread %3.0f%%, other threads %3.0f%%,"
            " Xvfb %3.0f%%\n",
            horizon, PHASE_NAMES[phase], load0, fw_bench_load_average (), m.wall[phase],
            m.frame_gaps[phase]->len, STUTTER_MS, count_over (m.frame_gaps[phase], STUTTER_MS),
            fw_bench_percentile (m.frame_gaps[phase], 0.95), fw_bench_percentile (m.frame_gaps[phase], 1.0),
            fw_bench_percentile (m.probe_late[phase], 0.99), fw_bench_percentile (m.probe_late[phase], 1.0),
            100 * m.main_cpu[phase] / m.wall[phase], 100 * (m.cpu[phase] - m.main_cpu[phase]) / m.wall[phase],
            100 * m.xcpu[phase] / m.wall[phase]);
  printf ("H %6u %u keys: each key's edit on the main loop median %5.2f ms (CPU %5.2f ms), worst %6.2f ms"
          " (CPU %5.2f ms)\n",
          horizon, keys, fw_bench_percentile (m.key_wall, 0.5), fw_bench_percentile (m.key_cpu, 0.5),
          fw_bench_percentile (m.key_wall, 1.0), fw_bench_percentile (m.key_cpu, 1.0));
  printf ("H %6u bands in %u; a value's band in after its last key median %6.0f ms, worst %6.0f ms,"
          " missing %u of %u\n",
          horizon, m.bands_ready,
          fw_bench_percentile (m.band_after, 0.5), fw_bench_percentile (m.band_after, 1.0), bands_missing, n_values);
  fflush (stdout);

  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      g_array_unref (m.frame_gaps[phase]);
      g_array_unref (m.probe_late[phase]);
    }
  g_array_unref (m.key_wall);
  g_array_unref (m.key_cpu);
  g_array_unref (m.band_after);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (200);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *short_path = NULL;
  g_autofree char *long_path = NULL;
  guint runs = 2, n_values = G_N_ELEMENTS (VALUES), only = 0;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_strcmp0 (argv[i], "--runs") == 0)
        runs = (guint) MAX (1, atoi (argv[i + 1]));
      else if (g_strcmp0 (argv[i], "--values") == 0)
        n_values = (guint) MAX (1, atoi (argv[i + 1]));
      else if (g_strcmp0 (argv[i], "--horizon") == 0)
        only = (guint) CLAMP (atoi (argv[i + 1]), 1, FW_MAX_HORIZON);
      else if (g_strcmp0 (argv[i], "--pause") == 0)
        pause_ms = (guint) MAX (1, atoi (argv[i + 1]));
    }

  fw_renderer_choose_before_threads ();
  gtk_init ();

  dir = g_dir_make_tmp ("fw-bench-typing-XXXXXX", &error);
  g_assert_no_error (error);
  short_path = write_project (dir, 24);
  long_path = write_project (dir, FW_MAX_HORIZON);

  printf ("renderer: GSK_RENDERER=%s, display %s; %u values a run, a key every %d ms, %d ms pause after each\n",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(GTK's choice)",
          g_getenv ("DISPLAY"), n_values, KEY_MS, pause_ms);
  for (guint run = 0; run < runs; run++)
    {
      /* --horizon 24 or 100000: that one alone (to profile it). */
      if (only != FW_MAX_HORIZON)
        measure_typing (short_path, 24, n_values);
      if (only != 24)
        measure_typing (long_path, FW_MAX_HORIZON, n_values);
    }

  g_unlink (short_path);
  g_unlink (long_path);
  g_rmdir (dir);
  return 0;
}
