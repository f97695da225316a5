/* fw-window-state.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-state"

#include "fw-settings.h"
#include "fw-window-private.h"

/* A window opens as big as the last one closed, and maximized if that one
 * was. The size is written once, as the window closes, not on every step
 * of a resize. GTK 4 keeps the default size at the window's unmaximized,
 * non-fullscreen size, so presenting or maximizing never overwrites the
 * size the window comes back to. */

void
fw_window_restore_state (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

void
fw_window_save_state (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  /* Within the schema's range, or GSettings refuses the value. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", CLAMP (width, 360, 32767));
      g_settings_set_int (settings, "window-height", CLAMP (height, 360, 32767));
    }
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}
