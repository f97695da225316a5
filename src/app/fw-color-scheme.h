/* fw-color-scheme.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The desktop's dark style, followed without libadwaita. GNOME (and KDE)
 * publish the user's choice through the Settings portal
 * (org.freedesktop.portal.Settings, namespace org.freedesktop.appearance,
 * key color-scheme); GTK 4.8 alone does not read it. Flywheel reads it at
 * startup, follows its SettingChanged signal while running, and sets
 * GtkSettings:gtk-application-prefer-dark-theme, which switches Adwaita
 * to its dark variant. Without a portal nothing changes: GTK's own
 * setting (from the theme or settings.ini) stands. */

/* The portal's color-scheme values. */
typedef enum
{
  FW_COLOR_SCHEME_NO_PREFERENCE = 0,
  FW_COLOR_SCHEME_PREFER_DARK   = 1,
  FW_COLOR_SCHEME_PREFER_LIGHT  = 2,
} FwColorScheme;

/* What a color-scheme value read from the portal means. Portals before
 * version 2 of the interface wrap the value in extra variants; any depth
 * is unwrapped. Anything that is not a uint32 is no preference. */
FwColorScheme fw_color_scheme_from_variant (GVariant *value);

/* Starts following the portal on @settings (GTK's default settings in
 * the application). Reads the current value synchronously, so the first
 * window already has the right style, with a short timeout so a missing
 * or stuck portal never delays startup by more than a moment. */
void          fw_color_scheme_follow       (GtkSettings *settings);

G_END_DECLS
