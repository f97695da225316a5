/* fw-window-actions.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-actions"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-catalog.h"
#include "fw-catalog-palette.h"
#include "fw-point-value.h"
#include "fw-stage-panel.h"
#include "fw-template-chooser.h"
#include "fw-wheel-view.h"
#include "fw-window-private.h"

/* Everything a user does in a window is one of these "win." actions: the
 * buttons, menus, shortcuts and widgets activate them, and the tests
 * drive the window through the very same ones. */

/* Undo and redo show the scenario they changed: an edit taken back in
 * a scenario not on show changed nothing visible, and a deleted one
 * came back only into the picker (user review, R5-09). */
static void
show_stepped_scenario (FwWindow *self)
{
  int stepped = fw_document_get_stepped_scenario (self->document);

  if (stepped >= 0)
    fw_session_set_scenario_index (self->session, (guint) stepped);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (fw_document_undo (self->document))
    show_stepped_scenario (self);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (fw_document_redo (self->document))
    show_stepped_scenario (self);
}

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  fw_window_show_error (FW_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
dismiss_error_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  fw_window_dismiss_error (FW_WINDOW (widget));
}

/* Adds @point through "point.add" (fw-window-edits.c), the one path a
 * drop on the wheel takes too: it is selected, or the banner says why
 * not. Returns whether it was added. */
static gboolean
add_point (FwWindow      *self,
           const FwPoint *point)
{
  guint before = fw_session_get_scenario (self->session)->points->len;

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "point.add",
                                      fw_point_value_to_variant (point));
  return fw_session_get_scenario (self->session)->points->len > before;
}

static const FwCatalogEntry *
lookup_entry (FwWindow   *self,
              const char *id)
{
  const FwCatalogEntry *entry = fw_catalog_lookup (id);

  if (entry == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no catalog entry “%s”"), id);
      fw_window_show_error (self, message);
    }
  return entry;
}

static void
add_point_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const char *id;
  double angle;
  const FwCatalogEntry *entry;
  g_autoptr(FwPoint) point = NULL;

  g_variant_get (parameter, "(&sd)", &id, &angle);
  if ((entry = lookup_entry (self, id)) == NULL)
    return;

  point = fw_catalog_entry_to_point (entry, angle);
  add_point (self, point);
}

/* The stage a new point goes to from the keyboard: the one selected on
 * the wheel, or the stage of the selected point, or the first. */
static guint
target_stage (FwWindow *self)
{
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  int stage = fw_session_get_selected_stage (self->session);
  int point = fw_session_get_selected_point (self->session);

  if (stage >= 0 && (guint) stage < scenario->stages->len)
    return (guint) stage;
  if (point >= 0 && (guint) point < scenario->points->len)
    return fw_scenario_stage_at_angle (scenario, fw_scenario_get_point (scenario, (guint) point)->angle);
  return 0;
}

/* Where on @stage's arc a new point is easiest to see and grab: of 13
 * places spread over the middle 60% of the arc (never on a seam between
 * stages), the one farthest from the points already there; the middle
 * when the stage is empty, and the middle first on a tie. */
static double
free_angle_on_stage (const FwScenario *scenario,
                     guint             stage)
{
  const int half = 6;
  double start, end, best_angle, best_gap = -1.0;

  fw_scenario_stage_arc (scenario, stage, &start, &end);
  best_angle = start + 0.5 * (end - start);

  for (int slot = 0; slot <= 2 * half; slot++)
    {
      /* 0, +1, -1, +2, -2, ...: from the middle outwards. */
      int offset = (slot + 1) / 2 * (slot % 2 ? 1 : -1);
      double angle = start + (end - start) * (0.5 + 0.3 * offset / half);
      double gap = G_MAXDOUBLE;

      for (guint k = 0; k < scenario->points->len; k++)
        {
          const FwPoint *point = fw_scenario_get_point (scenario, k);

          if (fw_scenario_stage_at_angle (scenario, point->angle) == stage)
            gap = MIN (gap, fabs (fw_angle_normalize (point->angle) - angle));
        }
      if (gap > best_gap + 1e-9)
        {
          best_gap = gap;
          best_angle = angle;
        }
    }
  return best_angle;
}

static void
add_point_here_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  const FwCatalogEntry *entry;
  g_autoptr(FwPoint) point = NULL;

  if ((entry = lookup_entry (self, g_variant_get_string (parameter, NULL))) == NULL)
    return;

  point = fw_catalog_entry_to_point (entry, free_angle_on_stage (scenario, target_stage (self)));
  add_point (self, point);
}

static void
add_custom_point_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  g_autoptr(FwPoint) point = NULL;

  point = fw_point_new (_("My friction point"),
                        free_angle_on_stage (scenario, target_stage (self)));
  point->conversion = -0.1;
  if (add_point (self, point))
    fw_wheel_view_edit_point (FW_WHEEL_VIEW (self->wheel),
                              fw_session_get_scenario (self->session)->points->len - 1);
}

static void
select_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  int stage = g_variant_get_int32 (parameter);

  fw_session_set_selection (self->session, stage, -1);
  gtk_stack_set_visible_child_name (self->side_stack, "stages");
  /* Shows the stage's row without taking the keyboard from the wheel. */
  if (stage >= 0)
    fw_stage_panel_reveal_stage (FW_STAGE_PANEL (self->stage_panel), (guint) stage);
}

static void
reveal_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint stage = g_variant_get_uint32 (parameter);

  if (stage >= fw_session_get_scenario (self->session)->stages->len)
    return;
  fw_session_set_selection (self->session, (int) stage, -1);
  /* Presenting hides the panel: the focus stays on the wheel, with the
   * stage selected, rather than going to fields no one can see. */
  if (!gtk_widget_is_visible (GTK_WIDGET (self->side_stack)))
    return;
  gtk_stack_set_visible_child_name (self->side_stack, "stages");
  fw_stage_panel_focus_stage (FW_STAGE_PANEL (self->stage_panel), stage);
}

/* The stage of a point the keyboard selected on the wheel, shown in the
 * Stages panel if that is on show, the selection and the focus left
 * where they are. */
static void
show_stage_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint stage = g_variant_get_uint32 (parameter);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "stages") == 0)
    fw_stage_panel_reveal_stage (FW_STAGE_PANEL (self->stage_panel), stage);
}

static void
select_point_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_session_set_selection (self->session, -1, g_variant_get_int32 (parameter));
}

static void
edit_point_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint point = g_variant_get_uint32 (parameter);

  if (point < fw_session_get_scenario (self->session)->points->len)
    fw_wheel_view_edit_point (FW_WHEEL_VIEW (self->wheel), point);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_catalog_palette_focus_search (FW_CATALOG_PALETTE (self->palette));
}

static void
new_chosen (FwWindow *self,
            gpointer  data);

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fw_window_settle_changes (FW_WINDOW (widget), new_chosen, NULL, NULL);
}

static void
on_template_chosen (FwWindow   *self,
                    const char *template_id)
{
  fw_window_new_from_template (self, template_id);
}


static void
new_chosen (FwWindow *self,
            gpointer  data)
{
  GtkWidget *chooser = fw_template_chooser_new (GTK_WINDOW (self));

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_template_chosen),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
new_from_template_then (FwWindow *self,
                        gpointer  data)
{
  fw_window_new_from_template (self, data);
}

static void
new_from_template_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  fw_window_settle_changes (FW_WINDOW (widget), new_from_template_then,
                            g_variant_dup_string (parameter, NULL), g_free);
}

/* Nothing to ask first: the file opens in a window of its own unless
 * this one holds nothing of the user's (fw_window_open_file ()). */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fw_window_choose_open (FW_WINDOW (widget));
}

static void
open_file_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  fw_window_open_file (FW_WINDOW (widget), file);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  if (self->file != NULL)
    fw_window_save_to (self, self->file);
  else
    fw_window_choose_save (self, NULL, NULL, NULL);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  fw_window_choose_save (FW_WINDOW (widget), NULL, NULL, NULL);
}

static void
save_to_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  fw_window_save_to (FW_WINDOW (widget), file);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
fw_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s", new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.save-to", "s", save_to_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", show_error_activated);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_activated);
  gtk_widget_class_install_action (widget_class, "win.add-point", "(sd)", add_point_activated);
  gtk_widget_class_install_action (widget_class, "win.add-point-here", "s", add_point_here_activated);
  gtk_widget_class_install_action (widget_class, "win.add-custom-point", NULL, add_custom_point_activated);
  gtk_widget_class_install_action (widget_class, "win.select-stage", "i", select_stage_activated);
  gtk_widget_class_install_action (widget_class, "win.reveal-stage", "u", reveal_stage_activated);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "u", show_stage_activated);
  gtk_widget_class_install_action (widget_class, "win.select-point", "i", select_point_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-point", "u", edit_point_activated);
}

void
fw_window_update_actions (FwWindow *self)
{
  /* Presenting edits nothing: Ctrl+Z there would change the wheel in
   * front of the room with no way to see why. Nor does a window reading
   * a file: the project it would change is out of sight and about to go. */
  gboolean editing = !fw_session_get_presenting (self->session) && !fw_window_is_loading (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", editing && fw_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", editing && fw_document_can_redo (self->document));
  fw_window_update_scenario_actions (self);
}
