/* fw-band-thread.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-band-thread"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fw-band-thread.h"

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Work;

/* Lowers the calling thread's priority once (Linux gives each thread
 * its own nice value; setpriority () on its thread id sets it). If the
 * system refuses, the band runs at the usual priority, as before. */
static void
lower_priority (void)
{
  static GPrivate lowered;
  pid_t tid;
  int nice_now;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
  tid = (pid_t) syscall (SYS_gettid);
  errno = 0;
  nice_now = getpriority (PRIO_PROCESS, (id_t) tid);
  if (errno == 0)
    (void) setpriority (PRIO_PROCESS, (id_t) tid, MIN (nice_now + FW_BAND_THREAD_NICE, 19));
}

static void
run_work (gpointer data,
          gpointer user_data)
{
  Work *work = data;

  lower_priority ();
  work->func (work->task, g_task_get_source_object (work->task), g_task_get_task_data (work->task),
              g_task_get_cancellable (work->task));
  g_object_unref (work->task);
  g_free (work);
}

static gpointer
make_pool (gpointer data)
{
  GError *error = NULL;
  GThreadPool *pool = g_thread_pool_new (run_work, NULL, 1, TRUE, &error);

  /* An exclusive pool starts its thread now: only if that fails. */
  if (pool == NULL)
    g_error ("the band's thread could not start: %s", error->message);
  return pool;
}

void
fw_band_thread_run (GTask           *task,
                    GTaskThreadFunc  func)
{
  static GOnce once = G_ONCE_INIT;
  GThreadPool *pool = g_once (&once, make_pool, NULL);
  Work *work = g_new (Work, 1);

  work->task = g_object_ref (task);
  work->func = func;
  g_thread_pool_push (pool, work, NULL);
}
