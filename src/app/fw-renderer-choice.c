/* fw-renderer-choice.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-renderer-choice"

#include <epoxy/gl.h>
#include <string.h>

#include "fw-renderer-choice.h"

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

const char *
fw_renderer_choose (GdkDisplay *display)
{
  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL || !gl_is_software (display))
    return NULL;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  return "cairo";
}
