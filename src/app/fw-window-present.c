/* fw-window-present.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-present"

#include "fw-focus-home.h"
#include "fw-present-view.h"
#include "fw-settings.h"
#include "fw-window-private.h"

/* Presenting, for a projector at the front of a room or a client
 * meeting: the window swaps its editor (header bar, catalog, wheel,
 * figures and lists) for an FwPresentView (the wheel and the key figures
 * in large type, point names, a guided reveal), full screen. Everything
 * comes back as it was when it ends. It is the session's state
 * ("presenting"); the window follows it.
 *
 *   F5         present (from a clicker's "start" button too)
 *   Shift+F5   present step by step: a guided reveal
 *   Escape     end (the present view's key)
 *   F11        plain full screen, presenting or not
 *
 * Two preferences (menu, GSettings) shape it: whether it fills the
 * screen, and whether the figures stand beside the wheel. */

static gboolean
presenting_preference (const char *key)
{
  GSettings *settings = fw_settings_get ();

  return settings == NULL || g_settings_get_boolean (settings, key);
}

static FwPresentView *
present_view (FwWindow *self)
{
  return FW_PRESENT_VIEW (self->present_view);
}

static void
show_presenting_layout (FwWindow *self)
{
  gboolean presenting = fw_session_get_presenting (self->session);

  fw_present_view_set_show_figures (present_view (self),
                                    presenting_preference ("present-show-figures"));
  /* The header bar, found rather than bound: a bound template child is
   * unparented by dispose_template, and GtkWindow would then unparent
   * its titlebar a second time. */
  gtk_widget_set_visible (gtk_window_get_titlebar (GTK_WINDOW (self)), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), !presenting);
  fw_window_show_banners (self, !presenting);
  fw_window_show_editor_or_loading (self);
  gtk_widget_set_visible (self->present_view, presenting);

  if (presenting && presenting_preference ("present-fullscreen"))
    gtk_window_fullscreen (GTK_WINDOW (self));
  else if (self->fullscreen_wanted)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

static void
on_presenting (FwWindow *self)
{
  gboolean presenting = fw_session_get_presenting (self->session);
  GtkWidget *home;

  /* The session notifies only when presenting really changes. */
  if (presenting)
    fw_present_view_start (present_view (self), self->reveal_next);
  self->reveal_next = FALSE;
  show_presenting_layout (self);
  fw_window_update_actions (self);

  /* The keyboard goes with the wheel on show, and comes back to it from
   * wherever it might otherwise be lost. */
  home = presenting ? fw_present_view_get_wheel (present_view (self)) : self->wheel;
  fw_focus_home_set (GTK_WINDOW (self), home);
  gtk_widget_grab_focus (home);
  g_object_notify (G_OBJECT (self), "presenting");
}

/* A preference changed from the menu while presenting shows at once. */
static void
on_presenting_preference_changed (FwWindow *self)
{
  if (fw_session_get_presenting (self->session))
    show_presenting_layout (self);
}

static void
present_start_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_session_set_presenting (self->session, TRUE);
}

/* Presents from a guided reveal's first step; already presenting, the
 * reveal starts again. */
static void
present_reveal_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (fw_session_get_presenting (self->session))
    {
      fw_present_view_start (present_view (self), TRUE);
      return;
    }
  self->reveal_next = TRUE;
  fw_session_set_presenting (self->session, TRUE);
}

/* F11: plain full screen, the editor and all; what presenting comes
 * back to when it ends. */
static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  self->fullscreen_wanted = !gtk_window_is_fullscreen (GTK_WINDOW (self));
  if (self->fullscreen_wanted)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

void
fw_window_class_add_present (GtkWidgetClass *widget_class)
{
  g_type_ensure (FW_TYPE_PRESENT_VIEW);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, present_view);

  gtk_widget_class_install_action (widget_class, "win.present-start", NULL, present_start_activated);
  gtk_widget_class_install_action (widget_class, "win.present-reveal", NULL, present_reveal_activated);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "win.present-reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
}

void
fw_window_init_present (FwWindow *self)
{
  GSettings *settings = fw_settings_get ();

  fw_present_view_set_session (present_view (self), self->session);
  g_signal_connect_object (self->session, "notify::presenting",
                           G_CALLBACK (on_presenting), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::present-fullscreen",
                               G_CALLBACK (on_presenting_preference_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::present-show-figures",
                               G_CALLBACK (on_presenting_preference_changed), self, G_CONNECT_SWAPPED);
    }
}
