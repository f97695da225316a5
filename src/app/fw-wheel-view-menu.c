/* fw-wheel-view-menu.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-context-menu.h"
#include "fw-wheel-view-private.h"

/* The wheel's context menu: for a point, its own actions (edit, turn
 * off or on, remove); for a stage, its fields; then Copy and Export of
 * the wheel, which were only in the main menu. A right-click selects
 * what it is on, as in any list; the Menu key acts on the selection. */

static void
add_item (GMenu      *section,
          const char *label,
          const char *action,
          GVariant   *target,
          const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

static GMenu *
point_section (FwWheelView *self,
               guint        index)
{
  const FwPoint *point = fw_scenario_get_point (fw_session_get_scenario (self->session), index);
  GMenu *section = g_menu_new ();

  /* TRANSLATORS: the wheel's context menu, on a friction point or a force */
  add_item (section, _("_Edit…"), "win.edit-point", g_variant_new_uint32 (index), "Return");
  add_item (section, point->enabled
                     /* TRANSLATORS: the wheel's context menu: leave the point out of the projection */
                     ? _("Turn _Off")
                     /* TRANSLATORS: the wheel's context menu: count the point in again */
                     : _("Turn _On"),
            "point.set-enabled", g_variant_new ("(ub)", index, !point->enabled), NULL);
  /* TRANSLATORS: the wheel's context menu: remove the point (Ctrl+Z brings it back) */
  add_item (section, _("_Remove"), "point.remove", g_variant_new_uint32 (index), "Delete");
  return section;
}

static GMenu *
stage_section (FwWheelView *self,
               guint        index)
{
  GMenu *section = g_menu_new ();

  /* TRANSLATORS: the wheel's context menu, on a stage: its fields in the Stages list */
  add_item (section, _("_Edit in the Stages List"), "win.reveal-stage", g_variant_new_uint32 (index), "Return");
  return section;
}

static GMenuModel *
build_menu (GtkWidget    *widget,
            double        x,
            double        y,
            GdkRectangle *rect,
            gpointer      data)
{
  FwWheelView *self = FW_WHEEL_VIEW (widget);
  g_autoptr(GMenu) section = NULL;
  g_autoptr(GMenu) copy = g_menu_new ();
  GMenu *menu;
  GtkPositionType side;

  if (self->document == NULL || self->presenting)
    return NULL;

  fw_wheel_view_cancel_drag (self, TRUE);
  fw_wheel_view_hide_tip (self);
  if (x >= 0 && y >= 0)
    {
      guint index = 0;

      gtk_widget_grab_focus (widget);
      switch (fw_wheel_view_hit (self, x, y, &index))
        {
        case FW_WHEEL_HIT_POINT:
          fw_wheel_view_select (self, -1, (int) index);
          break;
        case FW_WHEEL_HIT_STAGE:
          fw_wheel_view_activate_stage (self, (int) index);
          break;
        case FW_WHEEL_HIT_HUB:
        case FW_WHEEL_HIT_NONE:
        default:
          fw_wheel_view_select (self, -1, -1);
          break;
        }
    }
  else
    {
      fw_wheel_view_selection_rect (self, rect, &side);
    }

  menu = g_menu_new ();
  if (fw_session_get_selected_point (self->session) >= 0)
    {
      guint index = fw_session_get_selected_point (self->session);

      section = point_section (self, index);
      g_menu_append_section (menu, fw_scenario_get_point (fw_session_get_scenario (self->session), index)->name,
                             G_MENU_MODEL (section));
    }
  else if (fw_session_get_selected_stage (self->session) >= 0)
    {
      guint index = fw_session_get_selected_stage (self->session);

      section = stage_section (self, index);
      g_menu_append_section (menu, fw_scenario_get_stage (fw_session_get_scenario (self->session), index)->name,
                             G_MENU_MODEL (section));
    }

  /* TRANSLATORS: the wheel's context menu */
  add_item (copy, _("_Copy the Wheel as an Image"), "win.copy-wheel", NULL, "<Control>c");
  /* TRANSLATORS: the wheel's context menu: the Export dialog, drawing the wheel */
  add_item (copy, _("_Export the Wheel…"), "win.export-drawing", g_variant_new_string ("wheel"), NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));

  return G_MENU_MODEL (menu);
}

void
fw_wheel_view_init_menu (FwWheelView *self)
{
  fw_context_menu_attach (GTK_WIDGET (self), build_menu, NULL);
}
