/* fw-point-list.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-list"

#include <glib/gi18n.h>

#include "fw-number.h"
#include "fw-point-list.h"
#include "fw-point-text.h"
#include "fw-wheel-painter.h"
#include "fw-widget-util.h"

struct _FwPointList
{
  GtkWidget   parent_instance;

  FwSession  *session;
  FwDocument *document;       /* the session's, kept here for short */

  GtkListBox *list;
  /* The rows, one for each point in order; a row shows whichever point
   * has its index, so an edit updates labels instead of rebuilding. */
  GPtrArray  *rows;
};

G_DEFINE_FINAL_TYPE (FwPointList, fw_point_list, GTK_TYPE_WIDGET)

/* The parts of one row; it lives as long as its GtkListBoxRow. */
typedef struct
{
  FwPointList *list;
  GtkWidget   *row;
  GtkWidget   *marker;
  GtkWidget   *name_label;
  GtkWidget   *place_label;
  GtkWidget   *impact_label;
  GtkWidget   *enabled_switch;
  GtkWidget   *edit_button;
  GtkWidget   *remove_button;
  FwPointKind  kind;      /* as the marker draws it */
  gboolean     enabled;
  char        *described; /* the row's accessible label, as last set */
} PointRow;

static void
point_row_free (gpointer data)
{
  PointRow *row = data;

  g_free (row->described);
  g_free (row);
}

static guint
row_index (PointRow *row)
{
  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row->row));
}

static void
draw_marker (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  PointRow *row = user_data;
  FwWheelStyle style;

  fw_wheel_style_init_light (&style);
  fw_wheel_paint_marker (cr, &style, row->kind, row->enabled,
                         width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 2.0);
}

static void
on_enabled_changed (GtkSwitch  *widget,
                    GParamSpec *pspec,
                    PointRow   *row)
{
  FwPointList *self = row->list;
  gboolean active = gtk_switch_get_active (widget);
  guint index = row_index (row);

  if (active == row->enabled)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "point.set-enabled", "(ub)", index, active);
  /* Refused (the window says why): the switch says what the point is. */
  if (fw_scenario_get_point (fw_session_get_scenario (self->session), index)->enabled != active)
    {
      g_signal_handlers_block_by_func (widget, on_enabled_changed, row);
      gtk_switch_set_active (widget, row->enabled);
      g_signal_handlers_unblock_by_func (widget, on_enabled_changed, row);
    }
}

static void
on_edit_clicked (GtkButton *button,
                 PointRow  *row)
{
  gtk_widget_activate_action (row->row, "win.edit-point", "u", row_index (row));
}

static void
on_remove_clicked (GtkButton *button,
                   PointRow  *row)
{
  FwPointList *self = row->list;
  guint index = row_index (row);
  guint n = fw_session_get_scenario (self->session)->points->len;

  gtk_widget_activate_action (GTK_WIDGET (self), "point.remove", "u", index);
  if (fw_session_get_scenario (self->session)->points->len == n)
    return;

  /* The next point moved up into this row; after the last one, the row
   * above takes the focus, so a user can go on removing. */
  n = self->rows->len;
  if (n > 0)
    {
      PointRow *next = g_ptr_array_index (self->rows, MIN (index, n - 1));

      gtk_widget_grab_focus (next->remove_button);
    }
}

/* The exact impact, worked out only when the tooltip is shown: it
 * changes with every edit, for every row. */
static gboolean
on_impact_query_tooltip (GtkWidget  *label,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         PointRow   *row)
{
  FwPointList *self = row->list;
  const FwProjection *projection = fw_session_get_projection (self->session);
  guint index = row_index (row);
  char exact[FW_NUMBER_BUF_SIZE];
  g_autofree char *text = NULL;

  if (index >= fw_projection_get_n_points (projection))
    return FALSE;

  text = g_strdup_printf (_("Customers at the end of the horizon with this point on, minus without it: %s"),
                          fw_number_format (fw_projection_get_point_impact (projection, index), exact));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
flat_button (const char *icon_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* Wrapped, not cut short: the list is read from across a room. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static PointRow *
add_row (FwPointList *self)
{
  PointRow *row = g_new0 (PointRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  row->list = self;
  row->enabled = TRUE;
  row->row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row->row, "fw-point-row");
  /* The row owns its parts' struct: it goes when the row goes. */
  g_object_set_data_full (G_OBJECT (row->row), "fw-point-row", row, point_row_free);

  row->marker = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->marker), 24);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (row->marker), 24);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->marker), draw_marker, row, NULL);
  gtk_widget_set_valign (row->marker, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), row->marker);

  row->name_label = new_label ("fw-point-name");
  row->place_label = new_label ("fw-point-place");
  row->impact_label = new_label ("fw-point-impact");
  gtk_widget_set_has_tooltip (row->impact_label, TRUE);
  g_signal_connect (row->impact_label, "query-tooltip", G_CALLBACK (on_impact_query_tooltip), row);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), row->name_label);
  gtk_box_append (GTK_BOX (text), row->place_label);
  gtk_box_append (GTK_BOX (text), row->impact_label);
  gtk_box_append (GTK_BOX (box), text);

  row->enabled_switch = gtk_switch_new ();
  gtk_widget_set_valign (row->enabled_switch, GTK_ALIGN_CENTER);
  g_signal_connect (row->enabled_switch, "notify::active", G_CALLBACK (on_enabled_changed), row);
  gtk_box_append (GTK_BOX (box), row->enabled_switch);

  row->edit_button = flat_button ("document-edit-symbolic");
  g_signal_connect (row->edit_button, "clicked", G_CALLBACK (on_edit_clicked), row);
  gtk_box_append (GTK_BOX (box), row->edit_button);

  row->remove_button = flat_button ("user-trash-symbolic");
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (box), row->remove_button);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_append (self->list, row->row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
show_point (FwPointList *self,
            PointRow    *row,
            guint        index)
{
  const FwProject *project = fw_document_get_project (self->document);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwPoint *point = fw_scenario_get_point (scenario, index);
  guint stage = fw_projection_get_point_stage (projection, index);
  double impact = fw_projection_get_point_impact (projection, index);
  const char *stage_name = fw_scenario_get_stage (scenario, stage)->name;
  g_autofree char *place = fw_point_text_place (point->kind, stage_name);
  g_autofree char *impact_shown = fw_point_text_impact (project, point->enabled, impact);
  /* Without the impact, which changes with every edit anywhere: the
   * impact label reads it out itself. */
  g_autofree char *row_label = g_strdup_printf ("%s, %s", point->name, place);
  g_autofree char *switch_label = g_strdup_printf (_("Use %s"), point->name);
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), point->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), point->name);
  /* The note, for a reminder of why the point is there. */
  const char *name_tooltip = point->note[0] != '\0' ? point->note : NULL;

  if (row->kind != point->kind || row->enabled != point->enabled)
    {
      row->kind = point->kind;
      row->enabled = point->enabled;
      gtk_widget_queue_draw (row->marker);
    }

  fw_widget_set_label (GTK_LABEL (row->name_label), point->name);
  fw_widget_set_label (GTK_LABEL (row->place_label), place);
  fw_widget_set_label (GTK_LABEL (row->impact_label), impact_shown);
  fw_widget_set_tooltip (row->name_label, name_tooltip);
  fw_widget_set_css_class (row->impact_label, "fw-impact-gain", point->enabled && impact > 0);
  fw_widget_set_css_class (row->impact_label, "fw-impact-loss", point->enabled && impact < 0);
  fw_widget_set_css_class (row->row, "fw-disabled", !point->enabled);

  if (gtk_switch_get_active (GTK_SWITCH (row->enabled_switch)) != point->enabled)
    {
      g_signal_handlers_block_by_func (row->enabled_switch, on_enabled_changed, row);
      gtk_switch_set_active (GTK_SWITCH (row->enabled_switch), point->enabled);
      g_signal_handlers_unblock_by_func (row->enabled_switch, on_enabled_changed, row);
    }

  fw_widget_set_tooltip (row->enabled_switch,
                         point->enabled ? _("On: this point changes the wheel. Turn off to compare.")
                                        : _("Off: this point has no effect. Turn on to use it."));
  fw_widget_set_tooltip (row->edit_button, _("Edit this point's name, effects and note"));
  fw_widget_set_tooltip (row->remove_button, _("Remove this point from the wheel"));

  /* Every label below follows from the row's: with a thousand points,
   * an edit elsewhere should not touch them all. */
  if (g_strcmp0 (row->described, row_label) == 0)
    return;

  g_free (row->described);
  row->described = g_strdup (row_label);
  fw_widget_set_accessible_label (row->row, row_label);
  fw_widget_set_accessible_label (row->enabled_switch, switch_label);
  fw_widget_set_accessible_label (row->edit_button, edit_label);
  fw_widget_set_accessible_label (row->remove_button, remove_label);
}

static void
update (FwPointList *self)
{
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  guint n = scenario->points->len;

  while (self->rows->len > n)
    {
      PointRow *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

      gtk_list_box_remove (self->list, row->row);
    }
  while (self->rows->len < n)
    add_row (self);

  for (guint i = 0; i < n; i++)
    show_point (self, g_ptr_array_index (self->rows, i), i);
}

static void
remove_rows (FwPointList *self)
{
  while (self->rows->len > 0)
    {
      PointRow *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

      gtk_list_box_remove (self->list, row->row);
    }
}

static void
on_session_changed (FwPointList    *self,
                    const FwChange *change,
                    FwSession      *session)
{
  if (change->flags & FW_CHANGE_DOCUMENT)
    {
      /* Rows of another document's points would show the wrong kinds. */
      g_set_object (&self->document, fw_session_get_document (session));
      remove_rows (self);
    }
  else if (!(change->flags & FW_CHANGE_SHOWN) &&
           !fw_change_touches (change, fw_session_get_scenario_index (session)))
    return;

  update (self);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  FwPointList   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-point", "i",
                              gtk_list_box_row_get_index (row));
}

GtkWidget *
fw_point_list_new (void)
{
  return g_object_new (FW_TYPE_POINT_LIST, NULL);
}

void
fw_point_list_set_session (FwPointList *self,
                           FwSession   *session)
{
  g_return_if_fail (FW_IS_POINT_LIST (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_clear_object (&self->document);
  remove_rows (self);

  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
      g_set_object (&self->document, fw_session_get_document (session));
      update (self);
    }
}

static void
fw_point_list_dispose (GObject *object)
{
  FwPointList *self = (FwPointList *) object;

  if (self->list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list));
      self->list = NULL;
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_point_list_parent_class)->dispose (object);
}

static void
fw_point_list_class_init (FwPointListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_point_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwpointlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_point_list_init (FwPointList *self)
{
  GtkWidget *placeholder;

  /* Rows are freed with their widgets (see add_row). */
  self->rows = g_ptr_array_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  /* The list's frame hugs its rows instead of filling the panel. */
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-point-list");
  fw_widget_set_accessible_label (GTK_WIDGET (self->list), _("Friction points and forces"));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, 0);

  placeholder = gtk_label_new (_("No friction points or forces yet. Drag one from the catalog onto the wheel, "
                                 "or select one there and press Enter."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (placeholder), 40);
  gtk_widget_add_css_class (placeholder, "fw-list-placeholder");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  /* No scrolled window of its own: the window puts the list in one. */
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}
