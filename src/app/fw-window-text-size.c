/* fw-window-text-size.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-text-size"

#include <math.h>

#include "fw-chart-view.h"
#include "fw-figures-panel.h"
#include "fw-present-view.h"
#include "fw-settings.h"
#include "fw-wheel-view.h"
#include "fw-window-private.h"

/* The size of the wheel's, the chart's and the figures' text:
 *   Ctrl+plus, Ctrl+minus, Ctrl+0   larger, smaller, normal (remembered:
 *                                   the "text-scale" setting)
 * times the desktop's text scale (GtkSettings:gtk-xft-dpi, which GNOME's
 * "Large Text" and text scaling factor set), so larger desktop text
 * never makes the wheel's text smaller. GTK's own labels follow the
 * desktop already; the wheel and the chart draw their text at sizes of
 * their own, and the figures' values are set in pixels, so all three are
 * scaled here. */

/* The steps Ctrl+plus and Ctrl+minus go through. */
static const double steps[] = { 0.75, 0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0 };

/* The figures' sizes in style.css, scaled (one provider for the display:
 * the setting is the same for every window). */
#define FIGURE_VALUE_PX      28.0
#define FIGURE_VALUE_LONG_PX 20.0

static GtkCssProvider *figures_css;

static double
desktop_scale (GtkWidget *widget)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
  /* 96 dpi, in 1024ths, is a scale of 1; -1 is "not set". */
  return dpi > 0 ? MAX (dpi / (96.0 * 1024.0), 1.0) : 1.0;
}

static double
user_scale (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  return settings != NULL ? g_settings_get_double (settings, "text-scale") : self->text_scale;
}

static void
apply_text_size (FwWindow *self)
{
  double user = user_scale (self);
  double scale = user * desktop_scale (GTK_WIDGET (self));
  char css[256];
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  char value_long[G_ASCII_DTOSTR_BUF_SIZE];

  fw_wheel_view_set_text (FW_WHEEL_VIEW (self->wheel), scale, 0.0);
  fw_present_view_set_text_scale (FW_PRESENT_VIEW (self->present_view), scale);
  fw_chart_view_set_text_scale (FW_CHART_VIEW (self->chart), user, desktop_scale (GTK_WIDGET (self)));

  if (figures_css == NULL)
    {
      figures_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (figures_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  /* The captions are in em of the panel's font, which follows the
   * desktop: only the user's scale for them. */
  /* CSS wants "30.8px" in every locale, not German's "30,8px". */
  g_snprintf (css, sizeof css,
              "figurespanel { font-size: %d%%; }\n"
              "figurespanel .fw-figure-value { font-size: %spx; }\n"
              "figurespanel .fw-figure-value.fw-figure-long { font-size: %spx; }\n",
              (int) round (user * 100.0),
              g_ascii_formatd (value, sizeof value, "%.1f", FIGURE_VALUE_PX * scale),
              g_ascii_formatd (value_long, sizeof value_long, "%.1f", FIGURE_VALUE_LONG_PX * scale));
  gtk_css_provider_load_from_data (figures_css, css, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger", user < steps[G_N_ELEMENTS (steps) - 1] - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller", user > steps[0] + 1e-6);
}

static void
set_user_scale (FwWindow *self,
                double    scale)
{
  GSettings *settings = fw_settings_get ();

  self->text_scale = scale;
  if (settings != NULL)
    g_settings_set_double (settings, "text-scale", scale);  /* applied on "changed" */
  else
    apply_text_size (self);
}

static void
text_larger_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  double now = user_scale (FW_WINDOW (widget));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] > now + 1e-6)
      {
        set_user_scale (FW_WINDOW (widget), steps[i]);
        return;
      }
}

static void
text_smaller_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  double now = user_scale (FW_WINDOW (widget));

  for (guint i = G_N_ELEMENTS (steps); i-- > 0;)
    if (steps[i] < now - 1e-6)
      {
        set_user_scale (FW_WINDOW (widget), steps[i]);
        return;
      }
}

static void
text_normal_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_user_scale (FW_WINDOW (widget), 1.0);
}

void
fw_window_class_add_text_size (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_larger_activated);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_smaller_activated);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, text_normal_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.text-normal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.text-normal", NULL);
}

void
fw_window_init_text_size (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  self->text_scale = 1.0;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::text-scale",
                             G_CALLBACK (apply_text_size), self, G_CONNECT_SWAPPED);
  /* The desktop's text scale, and the settings of another display. */
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (apply_text_size), self, G_CONNECT_SWAPPED);
  apply_text_size (self);
}

double
fw_window_get_text_scale (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), 1.0);

  return user_scale (self);
}
