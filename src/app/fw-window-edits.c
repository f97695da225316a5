/* fw-window-edits.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-edits"

#include <glib/gi18n.h>

#include "fw-error-text.h"
#include "fw-point-value.h"
#include "fw-window-private.h"

/* The edits of the current scenario's points and stages, one action
 * each, installed once on the window: the wheel's keys and drag, the
 * point list, the point editor and the stage panel all reach the same
 * code (gtk_widget_activate_action() from a widget inside the window,
 * or a button's action-name and action-target). An edit the document
 * refuses is shown in the window's banner; a caller that needs to know
 * whether it went through compares fw_document_get_step() or the
 * document itself before and after.
 *
 *   point.add          (suddddbs)  add a point (fw_point_value_to_variant():
 *                             the catalog's dragged or chosen entry, a
 *                             custom one) as the last, and select it
 *   point.remove       u      remove point @index
 *   point.move         (ud)   put point @index at @angle (merges with the
 *                             moves of the same point just before it)
 *   point.set-enabled  (ub)   turn point @index on or off
 *   stage.add          u      insert a new stage at @position (0..n)
 *   stage.remove       u      remove stage @index and the points on it
 *   stage.move         (uu)   move stage @from to @to */

static guint
current_scenario (FwWindow *self)
{
  return fw_session_get_scenario_index (self->session);
}

static void
report (FwWindow *self,
        gboolean  done,
        GError   *error)
{
  if (!done && error != NULL)
    {
      g_autofree char *sentence = fw_error_text_edit (error);

      fw_window_show_error (self, sentence);
    }
}

static gboolean
point_exists (FwWindow *self,
              guint     point)
{
  return point < fw_session_get_scenario (self->session)->points->len;
}

static gboolean
stage_exists (FwWindow *self,
              guint     stage)
{
  return stage < fw_session_get_scenario (self->session)->stages->len;
}

static void
point_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwPoint) point = fw_point_value_from_variant (parameter);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (point == NULL)
    return;

  /* An addition is an undo step of its own, as a removal is. */
  fw_document_seal (self->document);
  done = fw_document_add_point (self->document, current_scenario (self), point, &error);
  report (self, done, error);
  /* Selected, so Delete, Enter or the arrows act on it next. */
  if (done)
    fw_session_set_selection (self->session, -1,
                              (int) fw_session_get_scenario (self->session)->points->len - 1);
}

static void
point_remove_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint point = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!point_exists (self, point))
    return;

  /* A removal is an undo step of its own, never part of a run of moves. */
  fw_document_seal (self->document);
  done = fw_document_remove_point (self->document, current_scenario (self), point, &error);
  report (self, done, error);
}

static void
point_move_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint point;
  double angle;
  gboolean done;

  g_variant_get (parameter, "(ud)", &point, &angle);
  if (!point_exists (self, point))
    return;

  done = fw_document_move_point (self->document, current_scenario (self), point, angle, &error);
  report (self, done, error);
}

static void
point_set_enabled_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint point;
  gboolean enabled, done;

  g_variant_get (parameter, "(ub)", &point, &enabled);
  if (!point_exists (self, point))
    return;

  done = fw_document_set_point_enabled (self->document, current_scenario (self), point, enabled, &error);
  report (self, done, error);
}

static void
stage_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (position > fw_session_get_scenario (self->session)->stages->len)
    return;

  /* The rule the document would refuse by, said as the panel says it. */
  if (fw_session_get_scenario (self->session)->stages->len >= FW_MAX_STAGES)
    {
      g_autofree char *full = g_strdup_printf (_("A wheel has at most %d stages"), FW_MAX_STAGES);

      fw_window_show_error (self, full);
      return;
    }

  done = fw_document_insert_stage (self->document, current_scenario (self), position, &error);
  report (self, done, error);
}

static void
stage_remove_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint stage = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!stage_exists (self, stage))
    return;

  if (fw_session_get_scenario (self->session)->stages->len <= FW_MIN_STAGES)
    {
      fw_window_show_error (self, _("A wheel needs at least 2 stages"));
      return;
    }

  done = fw_document_remove_stage (self->document, current_scenario (self), stage, &error);
  report (self, done, error);
}

static void
stage_move_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint from, to;
  gboolean done;

  g_variant_get (parameter, "(uu)", &from, &to);
  if (!stage_exists (self, from) || !stage_exists (self, to))
    return;

  done = fw_document_move_stage (self->document, current_scenario (self), from, to, &error);
  report (self, done, error);
}

void
fw_window_class_add_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "point.add", FW_POINT_VARIANT_TYPE, point_add_activated);
  gtk_widget_class_install_action (widget_class, "point.remove", "u", point_remove_activated);
  gtk_widget_class_install_action (widget_class, "point.move", "(ud)", point_move_activated);
  gtk_widget_class_install_action (widget_class, "point.set-enabled", "(ub)", point_set_enabled_activated);
  gtk_widget_class_install_action (widget_class, "stage.add", "u", stage_add_activated);
  gtk_widget_class_install_action (widget_class, "stage.remove", "u", stage_remove_activated);
  gtk_widget_class_install_action (widget_class, "stage.move", "(uu)", stage_move_activated);
}
