/* fw-renderer-choice.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-renderer-choice"

#include <epoxy/gl.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fw-renderer-choice.h"

/* The child's answers, as exit statuses. */
enum {
  PROBE_HARDWARE = 0,
  PROBE_SOFTWARE = 10,
};

/* Whether the display's OpenGL is drawn by the CPU. No GL at all is not
 * our concern: GTK then falls back to cairo by itself. */
static gboolean
gl_is_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean software;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL to ask: %s", error ? error->message : "unknown reason");
      return FALSE;
    }

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  software = renderer != NULL &&
             (strstr (renderer, "llvmpipe") != NULL ||
              strstr (renderer, "softpipe") != NULL ||
              strstr (renderer, "Software Rasterizer") != NULL);
  g_debug ("OpenGL renderer: %s", renderer ? renderer : "(none)");
  gdk_gl_context_clear_current ();

  return software;
}

/* In the child: open the display, ask OpenGL, answer with the exit
 * status. _exit() skips atexit handlers that belong to the parent. */
static void G_GNUC_NORETURN
probe_and_exit (void)
{
  GdkDisplay *display;

  if (!gtk_init_check () || (display = gdk_display_get_default ()) == NULL)
    _exit (PROBE_HARDWARE);
  _exit (gl_is_software (display) ? PROBE_SOFTWARE : PROBE_HARDWARE);
}

const char *
fw_renderer_choose_before_threads (void)
{
  pid_t child;
  int status = 0;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return NULL;

  /* Nothing here may have started a thread yet (see the header), so the
   * child is a faithful copy that may initialize GTK on its own. */
  child = fork ();
  if (child < 0)
    {
      g_debug ("Could not ask OpenGL (fork: %s); keeping GTK's renderer", g_strerror (errno));
      return NULL;
    }
  if (child == 0)
    probe_and_exit ();

  while (waitpid (child, &status, 0) < 0)
    if (errno != EINTR)
      return NULL;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != PROBE_SOFTWARE)
    return NULL;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  return "cairo";
}
