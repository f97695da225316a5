/* fw-color-scheme.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-color-scheme"

#include "fw-color-scheme.h"

#define PORTAL_NAME       "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define SETTINGS_IFACE    "org.freedesktop.portal.Settings"
#define APPEARANCE        "org.freedesktop.appearance"
#define COLOR_SCHEME      "color-scheme"
#define READ_TIMEOUT_MS   1000

FwColorScheme
fw_color_scheme_from_variant (GVariant *value)
{
  g_autoptr(GVariant) inner = value ? g_variant_ref (value) : NULL;
  guint32 scheme;

  while (inner != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *child = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = child;
    }

  if (inner == NULL || !g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    return FW_COLOR_SCHEME_NO_PREFERENCE;

  scheme = g_variant_get_uint32 (inner);
  if (scheme > FW_COLOR_SCHEME_PREFER_LIGHT)
    return FW_COLOR_SCHEME_NO_PREFERENCE;
  return (FwColorScheme) scheme;
}

#define GTK_OWN_CHOICE "fw-color-scheme-gtk-own"

/* Dark for "prefer dark", light for "prefer light"; for "no preference"
 * whatever GTK had before the portal was asked (light, unless the user's
 * settings.ini says otherwise). */
static void
apply (GtkSettings   *settings,
       FwColorScheme  scheme)
{
  gboolean dark;

  if (scheme == FW_COLOR_SCHEME_NO_PREFERENCE)
    dark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (settings), GTK_OWN_CHOICE));
  else
    dark = scheme == FW_COLOR_SCHEME_PREFER_DARK;

  g_debug ("Desktop colour scheme %d: %s style", scheme, dark ? "dark" : "light");
  g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
on_setting_changed (GDBusProxy *proxy,
                    const char *sender_name,
                    const char *signal_name,
                    GVariant   *parameters,
                    gpointer    user_data)
{
  GtkSettings *settings = user_data;
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (g_strcmp0 (signal_name, "SettingChanged") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE) && g_str_equal (key, COLOR_SCHEME))
    apply (settings, fw_color_scheme_from_variant (value));
}

static void
on_read_late (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkSettings) settings = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, NULL);
  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  apply (settings, fw_color_scheme_from_variant (value));
}

void
fw_color_scheme_follow (GtkSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  GDBusProxy *proxy;

  gboolean gtk_own = FALSE;

  g_return_if_fail (GTK_IS_SETTINGS (settings));

  g_object_get (settings, "gtk-application-prefer-dark-theme", &gtk_own, NULL);
  g_object_set_data (G_OBJECT (settings), GTK_OWN_CHOICE, GINT_TO_POINTER (gtk_own));

  /* The portal may be started for us (D-Bus activation), as on a GNOME
   * session where nothing has asked it anything yet; where none is
   * installed the bus says so at once. */
  proxy = g_dbus_proxy_new_for_bus_sync (G_BUS_TYPE_SESSION,
                                         G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                                         NULL, PORTAL_NAME, PORTAL_PATH, SETTINGS_IFACE,
                                         NULL, &error);
  if (proxy == NULL)
    {
      g_debug ("No session bus to find a portal on: %s", error->message);
      return;
    }

  reply = g_dbus_proxy_call_sync (proxy, "Read", g_variant_new ("(ss)", APPEARANCE, COLOR_SCHEME),
                                  G_DBUS_CALL_FLAGS_NONE, READ_TIMEOUT_MS, NULL, &error);
  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &value);
      apply (settings, fw_color_scheme_from_variant (value));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      /* A portal still starting up: the window opens in GTK's style and
       * turns dark, if it should, when the answer comes. */
      g_dbus_proxy_call (proxy, "Read", g_variant_new ("(ss)", APPEARANCE, COLOR_SCHEME),
                         G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_read_late, g_object_ref (settings));
    }
  else
    {
      /* No portal, or one without the appearance namespace: GTK's own
       * setting stands, and there is nothing to follow. */
      g_debug ("No colour scheme from the Settings portal: %s", error->message);
      g_object_unref (proxy);
      return;
    }

  /* The proxy lives as long as @settings: GTK's default settings, for
   * the whole run. */
  g_signal_connect_object (proxy, "g-signal", G_CALLBACK (on_setting_changed), settings, 0);
  g_object_set_data_full (G_OBJECT (settings), "fw-color-scheme-portal", proxy, g_object_unref);
}
