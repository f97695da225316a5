/* bench-open.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-open"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>

#include "fw-renderer-choice.h"
#include "fw-store.h"
#include "fw-test-largest.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* How long the window's main loop stalls while the largest project
 * MODEL.md allows opens (issue 8: "open the largest project and keep
 * working while it loads").
 *
 * A watchdog thread asks the main loop, every millisecond, to run a
 * call at high priority (an idle source of G_PRIORITY_HIGH) and waits for
 * it: the time the call waits is how long the loop was busy with
 * something else, a stall as the user feels it (no frame, no key, no
 * click). Beside each stall it reads how much CPU the main thread used
 * meanwhile: on a machine shared with other work a wait may be the
 * scheduler's, the CPU is the window's own. From the moment Open is
 * activated until the project is on show and the loop has been quiet
 * for a while, the benchmark reports the longest stalls, when they
 * happened, and how long the open took; then the same while the user
 * turns to the page that lists the points ("points").
 *
 * Run under tests/with-display.py:
 *   meson test -C build --benchmark -v bench-open
 * BENCH_OPEN_RUNS=N repeats the open N times (3 by default);
 * BENCH_OPEN_SCENARIOS=N opens a project of N scenarios instead of 50,
 * for a quicker look at what the window does once a project is in (the
 * load itself is then short). */

#define WIDTH   1920
#define HEIGHT  1080
#define QUIET_MS 3000   /* after the open: the views lay it out, impacts arrive */
#define STALL_MS 20.0

typedef struct
{
  double at_ms;         /* since Open was activated, when it ended */
  double ms;
  double cpu_ms;        /* of the main thread during it */
} Stall;

typedef struct
{
  GMutex     lock;
  GCond      cond;
  gboolean   stop;
  gboolean   answered;
  gint       finished;
  clockid_t  main_clock;   /* the main thread's CPU clock */
  gint64     start;
  GArray    *stalls;       /* Stall, every wait over STALL_MS */
  double     longest_ms;
  double     longest_cpu_ms;
} Watchdog;

static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
answer (gpointer data)
{
  Watchdog *dog = data;

  g_mutex_lock (&dog->lock);
  dog->answered = TRUE;
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->lock);
  return G_SOURCE_REMOVE;
}

static gpointer
watch (gpointer data)
{
  Watchdog *dog = data;

  g_mutex_lock (&dog->lock);
  while (!dog->stop)
    {
      gint64 asked = g_get_monotonic_time ();
      double cpu = cpu_ms (dog->main_clock);
      double waited, used;
      GSource *source;

      dog->answered = FALSE;
      /* Attached, never invoked: g_main_context_invoke () would run it
       * here whenever the main thread is not in its loop. */
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_HIGH);
      g_source_set_callback (source, answer, dog, NULL);
      g_source_attach (source, NULL);
      g_source_unref (source);
      while (!dog->answered)
        g_cond_wait (&dog->cond, &dog->lock);
      waited = (g_get_monotonic_time () - asked) / 1000.0;
      used = cpu_ms (dog->main_clock) - cpu;
      dog->longest_ms = MAX (dog->longest_ms, waited);
      dog->longest_cpu_ms = MAX (dog->longest_cpu_ms, used);
      if (waited > STALL_MS)
        {
          Stall stall = { (g_get_monotonic_time () - dog->start) / 1000.0, waited, used };

          g_array_append_val (dog->stalls, stall);
        }
      g_mutex_unlock (&dog->lock);
      g_usleep (1000);
      g_mutex_lock (&dog->lock);
    }
  g_mutex_unlock (&dog->lock);
  g_atomic_int_set (&dog->finished, TRUE);
  return NULL;
}

static void
run_for (double ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) (ms * 1000);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static int
longer_first (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Stall *) a)->ms, y = ((const Stall *) b)->ms;

  return (x < y) - (x > y);
}

static void
watchdog_start (Watchdog *dog)
{
  memset (dog, 0, sizeof *dog);
  g_mutex_init (&dog->lock);
  g_cond_init (&dog->cond);
  pthread_getcpuclockid (pthread_self (), &dog->main_clock);
  dog->stalls = g_array_new (FALSE, FALSE, sizeof (Stall));
  dog->start = g_get_monotonic_time ();
}

/* Stops the watchdog, prints what it saw (with @done_ms, when not
 * negative, as when the open was done) and frees it. */
static void
watchdog_report (Watchdog   *dog,
                 GThread    *thread,
                 const char *label,
                 double      done_ms)
{
  double stalled_ms = 0.0;
  GString *worst = g_string_new (NULL);

  g_mutex_lock (&dog->lock);
  dog->stop = TRUE;
  g_mutex_unlock (&dog->lock);
  /* Its last call may still wait for the loop. */
  while (!g_atomic_int_get (&dog->finished))
    g_main_context_iteration (NULL, FALSE);
  g_thread_join (thread);

  for (guint i = 0; i < dog->stalls->len; i++)
    stalled_ms += g_array_index (dog->stalls, Stall, i).ms;
  g_array_sort (dog->stalls, longer_first);
  for (guint i = 0; i < MIN (dog->stalls->len, 5); i++)
    {
      Stall *stall = &g_array_index (dog->stalls, Stall, i);

      g_string_append_printf (worst, " %.0f(%.0f)@%.0f", stall->ms, stall->cpu_ms, stall->at_ms);
    }

  printf ("%-8s longest stall %7.1f ms wall, most main-thread CPU in one %7.1f ms | %3u stalls over %.0f ms,"
          " %7.1f ms in all |",
          label, dog->longest_ms, dog->longest_cpu_ms, dog->stalls->len, STALL_MS, stalled_ms);
  if (done_ms >= 0.0)
    printf (" open done %7.1f ms |", done_ms);
  printf (" worst wall (CPU) @ since start, ms:%s\n", worst->str);
  fflush (stdout);

  g_string_free (worst, TRUE);
  g_array_unref (dog->stalls);
  g_mutex_clear (&dog->lock);
  g_cond_clear (&dog->cond);
}

static void
open_once (const char *label,
           const char *path,
           guint       n_scenarios)
{
  FwWindow *window = fw_window_new (NULL);
  Watchdog dog;
  double loaded_ms;
  GThread *thread;
  GtkWidget *points;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  run_for (1000);

  watchdog_start (&dog);
  thread = g_thread_new ("watchdog", watch, &dog);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path);
  while (fw_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  loaded_ms = (g_get_monotonic_time () - dog.start) / 1000.0;
  /* Then until the views have taken it and the loop has been quiet. */
  run_for (QUIET_MS);
  watchdog_report (&dog, thread, label, loaded_ms);

  if (fw_document_get_n_scenarios (fw_window_get_document (window)) != n_scenarios)
    g_error ("%s: the project did not open (%s)", label,
             fw_window_get_error (window) ? fw_window_get_error (window) : "no error shown");

  /* The user then looks at the points: the side panel's page that lists
   * them (a page of the stack, hidden until now). */
  points = fw_test_find_named (GTK_WIDGET (window), "FwPointList");
  g_assert_nonnull (points);
  watchdog_start (&dog);
  thread = g_thread_new ("watchdog", watch, &dog);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (points)), points);
  run_for (QUIET_MS);
  watchdog_report (&dog, thread, "points", -1.0);

  /* Not modified: it closes without asking. */
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (200);
}

static void
measure (const char    *label,
         FwLargestKind  kind,
         guint          n_scenarios,
         guint          runs)
{
  g_autoptr(FwProject) project = fw_test_largest_project (kind, n_scenarios);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-bench-open-XXXXXX", &error);
  g_autofree char *path = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "largest.flywheel", NULL);
  if (!fw_store_save (project, path, &error))
    g_error ("%s", error->message);
  g_stat (path, &st);
  printf ("%s: %u scenarios of 16 stages and 1000 points, horizon %u, names at their longest,"
          " %.1f MiB on disk\n", label, n_scenarios, project->horizon, st.st_size / 1048576.0);
  fflush (stdout);

  for (guint i = 0; i < runs; i++)
    open_once (label, path, n_scenarios);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("BENCH_OPEN_RUNS");
  const char *scenarios_env = g_getenv ("BENCH_OPEN_SCENARIOS");
  guint runs = runs_env ? (guint) atoi (runs_env) : 3;
  guint n_scenarios = scenarios_env ? (guint) atoi (scenarios_env) : FW_MAX_SCENARIOS;

  fw_renderer_choose_before_threads ();
  gtk_init ();
  printf ("renderer: GSK_RENDERER=%s; a stall is a wait of the watchdog's call at G_PRIORITY_HIGH\n",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(GTK's choice)");

  measure ("largest", FW_LARGEST_FOR_STORE, CLAMP (n_scenarios, 1, FW_MAX_SCENARIOS), MAX (runs, 1));
  return 0;
}
