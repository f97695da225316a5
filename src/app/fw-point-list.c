/* fw-point-list.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-list"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-display-number.h"
#include "fw-point-list.h"
#include "fw-point-rank.h"
#include "fw-point-text.h"
#include "fw-scenario-model.h"
#include "fw-wheel-painter.h"
#include "fw-widget-util.h"

struct _FwPointList
{
  GtkWidget   parent_instance;

  FwSession  *session;
  FwDocument *document;       /* the session's, kept here for short */

  /* The points as a list model that says exactly what changed, shown by
   * a list view that makes rows only for the points on screen and binds
   * one again only when its point changed: a thousand points cost what
   * a screenful does. */
  FwScenarioModel *model;
  /* The same points, in the order shown: as added, or by impact. */
  GtkSortListModel *sorted;
  GtkSorter  *by_impact;      /* costliest first; set on @sorted when chosen */
  /* What the list view is given of @sorted: all of it, but while a new
   * project or scenario comes in, a first screenful that grows each
   * frame (see fill_gradually ()). */
  GtkSliceListModel *shown;
  guint       fill_tick;
  guint       fill_step;      /* rows added on the next frame */
  gint64      fill_last_frame;
  gboolean    sort_by_impact;
  GtkWidget  *sort_check;
  GtkWidget  *box;
  GtkWidget  *scrolled;
  GtkListView *list;
  GtkWidget  *placeholder;
  /* The rows bound to a point right now: every edit changes every
   * point's impact, so they show it again on every change. */
  GPtrArray  *rows;
  /* What waits for the list to be laid out with its new rows (the list
   * view finds a row only then, and warns if asked before): scrolling
   * back to the first point, or to the place a removal kept. */
  guint       layout_tick;
  gboolean    laid_out;
  gboolean    home_pending;
  guint       place_pending;  /* G_MAXUINT: none */
};

G_DEFINE_FINAL_TYPE (FwPointList, fw_point_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT_BY_IMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The parts of one row; it lives as long as the list view's row. */
typedef struct
{
  FwPointList *list;
  FwScenarioItem *item;  /* the point shown; NULL while unbound */
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
  gboolean     against;   /* its effects work against its kind */
  char        *described; /* the row's accessible label, as last set */
} PointRow;

static void
point_row_free (gpointer data)
{
  PointRow *row = data;

  g_free (row->described);
  g_free (row);
}

static void show_every_row (FwPointList *self);

static guint
row_index (PointRow *row)
{
  return fw_scenario_item_get_index (row->item);
}

static void
draw_marker (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  PointRow *row = user_data;
  const FwScenario *scenario;
  FwWheelStyle style;
  guint index;

  if (row->item == NULL || row->list->session == NULL)
    return;
  scenario = fw_session_get_scenario (row->list->session);
  index = row_index (row);
  if (index >= scenario->points->len)
    return;

  fw_wheel_style_init_light (&style);
  /* Smaller than the row, so a flag (a friction that helps) fits. */
  fw_wheel_paint_point_marker (cr, &style, fw_scenario_get_point (scenario, index),
                               width / 2.0 - 2.0, height / 2.0 + 2.0, MIN (width, height) / 2.0 - 5.0);
}

static void
on_enabled_changed (GtkSwitch  *widget,
                    GParamSpec *pspec,
                    PointRow   *row)
{
  FwPointList *self = row->list;
  gboolean active = gtk_switch_get_active (widget);
  guint index;

  if (row->item == NULL || active == row->enabled)
    return;

  index = row_index (row);
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
  if (row->item != NULL)
    gtk_widget_activate_action (row->row, "win.edit-point", "u", row_index (row));
}

/* The row on screen that shows point @index, if there is one. */
static PointRow *
find_row (FwPointList *self,
          guint        index)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PointRow *row = g_ptr_array_index (self->rows, i);

      if (row_index (row) == index)
        return row;
    }
  return NULL;
}

/* Where the point at @index stands in the list as shown (sorted by
 * impact or not); G_MAXUINT if it is not there. */
static guint
shown_position (FwPointList *self,
                guint        index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint position = 0; position < n; position++)
    if (fw_point_list_get_point_at (self, position) == index)
      return position;
  return G_MAXUINT;
}

static void after_layout (FwPointList *self);

static void
on_remove_clicked (GtkButton *button,
                   PointRow  *row)
{
  FwPointList *self = row->list;
  guint position, n;

  if (row->item == NULL)
    return;

  position = shown_position (self, row_index (row));
  n = fw_session_get_scenario (self->session)->points->len;
  gtk_widget_activate_action (GTK_WIDGET (self), "point.remove", "u", row_index (row));
  if (fw_session_get_scenario (self->session)->points->len == n || n == 1 || position == G_MAXUINT)
    return;

  /* The user stays where they were in the list as they see it: the row
   * that moved up into this place (by impact, not the next point in the
   * document, which may be anywhere) takes the focus, in view, and after
   * the last row the one above, so a user can go on removing. Once the
   * list has its new rows: on a loaded machine that is a frame later.
   * The place may be past the rows given to the view so far. */
  show_every_row (self);
  self->place_pending = MIN (position, n - 2);
  after_layout (self);
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
  g_autofree char *impact = NULL;
  g_autofree char *text = NULL;

  if (index >= fw_projection_get_n_points (projection))
    return FALSE;

  /* As the row and the ranking write it ("+12", "−3.5"), not in 17
   * digits (user review, C6). */
  impact = fw_display_change (fw_projection_get_point_impact (projection, index));
  text = g_strdup_printf (_("Customers at the end of the horizon with this point on, minus without it: %s"),
                          impact);
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
  /* No hyphen where a word too long for the row is broken: Pango 1.50
   * lays a line out again for each place it tries to break with one; a
   * name of 80 letters without a space took two to four times as long
   * to lay out at a row's width (Pango alone, docs/performance.md), and
   * a row is measured at several widths. */
  {
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
    gtk_label_set_attributes (GTK_LABEL (label), attributes);
    pango_attr_list_unref (attributes);
  }
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The list view asks for a row: its widgets, not yet showing a point. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FwPointList              *self)
{
  PointRow *row = g_new0 (PointRow, 1);
  /* A group with the point's name and place as its label: the list
   * view's own row widget cannot be given one in GTK 4.8. */
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 12,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  row->list = self;
  row->enabled = TRUE;
  row->row = box;
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
  fw_widget_set_tooltip_lazily (row->edit_button, _("Edit this point's name, effects and note"));
  g_signal_connect (row->edit_button, "clicked", G_CALLBACK (on_edit_clicked), row);
  gtk_box_append (GTK_BOX (box), row->edit_button);

  row->remove_button = flat_button ("user-trash-symbolic");
  fw_widget_set_tooltip_lazily (row->remove_button, _("Remove this point from the wheel"));
  g_signal_connect (row->remove_button, "clicked", G_CALLBACK (on_remove_clicked), row);
  gtk_box_append (GTK_BOX (box), row->remove_button);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
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
  gboolean against = fw_point_works_against_kind (point);
  g_autofree char *place = fw_point_text_place (point->kind, stage_name);
  g_autofree char *against_text = fw_point_text_against (point);
  g_autofree char *impact_shown = fw_point_text_impact (project, point->enabled, impact);
  /* Without the impact, which changes with every edit anywhere: the
   * impact label reads it out itself. */
  g_autofree char *row_label = g_strdup_printf ("%s, %s", point->name, place);
  g_autofree char *switch_label = g_strdup_printf (_("Use %s"), point->name);
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), point->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), point->name);
  /* The note, for a reminder of why the point is there. */
  const char *name_tooltip = point->note[0] != '\0' ? point->note : NULL;

  if (row->kind != point->kind || row->enabled != point->enabled || row->against != against)
    {
      row->kind = point->kind;
      row->enabled = point->enabled;
      row->against = against;
      gtk_widget_queue_draw (row->marker);
    }

  /* A point working against its kind says so where it is listed, in
   * words and (for a screen reader) as the row's description. */
  if (against)
    {
      g_autofree char *flagged =
        g_strdup_printf ("%s · %s", place,
                         point->kind == FW_POINT_FRICTION ? _("helps, though a friction")
                                                          : _("hurts, though a force"));

      fw_widget_set_label (GTK_LABEL (row->place_label), flagged);
    }
  else
    fw_widget_set_label (GTK_LABEL (row->place_label), place);
  fw_widget_set_css_class (row->row, "fw-against-kind", against);
  /* Tooltips given lazily: a project opened binds a couple of hundred
   * rows at once, and GTK's own setter costs round trips to the display
   * each time. */
  fw_widget_set_tooltip_lazily (row->place_label, against_text);
  if (against_text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, against_text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  fw_widget_set_label (GTK_LABEL (row->name_label), point->name);
  fw_widget_set_label (GTK_LABEL (row->impact_label), impact_shown);
  fw_widget_set_tooltip_lazily (row->name_label, name_tooltip);
  fw_widget_set_css_class (row->impact_label, "fw-impact-gain", point->enabled && impact > 0);
  fw_widget_set_css_class (row->impact_label, "fw-impact-loss", point->enabled && impact < 0);
  fw_widget_set_css_class (row->row, "fw-disabled", !point->enabled);

  if (gtk_switch_get_active (GTK_SWITCH (row->enabled_switch)) != point->enabled)
    {
      g_signal_handlers_block_by_func (row->enabled_switch, on_enabled_changed, row);
      gtk_switch_set_active (GTK_SWITCH (row->enabled_switch), point->enabled);
      g_signal_handlers_unblock_by_func (row->enabled_switch, on_enabled_changed, row);
    }

  fw_widget_set_tooltip_lazily (row->enabled_switch,
                                point->enabled ? _("On: this point changes the wheel. Turn off to compare.")
                                               : _("Off: this point has no effect. Turn on to use it."));

  /* Every label below follows from the row's: with a thousand points,
   * an edit elsewhere should not touch them all. */
  if (g_strcmp0 (row->described, row_label) == 0)
    return;

  g_free (row->described);
  row->described = g_strdup (row_label);
  fw_widget_set_accessible_label (row->row, row_label);
  /* The list view's own item round the row is what the keyboard lands
   * on: without the row's name it is read as nothing at all. */
  if (gtk_widget_get_parent (row->row) != NULL)
    fw_widget_set_accessible_label (gtk_widget_get_parent (row->row), row_label);
  fw_widget_set_accessible_label (row->enabled_switch, switch_label);
  fw_widget_set_accessible_label (row->edit_button, edit_label);
  fw_widget_set_accessible_label (row->remove_button, remove_label);
}

/* The list view shows a point in a row: a new item (a point added,
 * edited or moved in the document) or a row scrolled into view. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FwPointList              *self)
{
  PointRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "fw-point-row");

  row->item = gtk_list_item_get_item (list_item);
  g_ptr_array_add (self->rows, row);
  show_point (self, row, row_index (row));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FwPointList              *self)
{
  PointRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "fw-point-row");

  g_ptr_array_remove_fast (self->rows, row);
  row->item = NULL;
}

/* Shows the points of the rows on screen again: an edit anywhere
 * changes every point's impact, and the model only renews the rows of
 * the points that changed themselves. */
static void
refresh_rows (FwPointList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PointRow *row = g_ptr_array_index (self->rows, i);

      show_point (self, row, row_index (row));
    }
}

static void
update_placeholder (FwPointList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_widget_set_visible (self->sort_check, !empty);
  gtk_widget_set_visible (self->placeholder, empty);
  gtk_widget_set_visible (self->scrolled, !empty);
}

/* The row at @position as shown in view, with the focus on its remove
 * button, so a user can go on removing. */
static void
show_place (FwPointList *self,
            guint        position)
{
  PointRow *row;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  row = find_row (self, fw_point_list_get_point_at (self, position));
  if (row != NULL)
    gtk_widget_grab_focus (row->remove_button);
}

/* Once the list has been laid out with its new rows. Ticks come before
 * the frame's layout, so the first tick that finds the list shown waits
 * for the next one. */
static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  FwPointList *self = FW_POINT_LIST (widget);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list)))
    {
      self->laid_out = FALSE;
      return G_SOURCE_CONTINUE;
    }
  if (!self->laid_out)
    {
      self->laid_out = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (self->home_pending)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));

      gtk_adjustment_set_value (adjustment, 0.0);
      /* A list of a first few rows shorter than the view is at 0
       * already, and the value does not change: the view would keep
       * its old anchor (the row the last project was scrolled to) and
       * scroll back there as rows come. Told again, it anchors at the
       * top. */
      g_signal_emit_by_name (adjustment, "value-changed");
    }
  if (self->place_pending != G_MAXUINT)
    show_place (self, self->place_pending);
  self->home_pending = FALSE;
  self->place_pending = G_MAXUINT;
  self->layout_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
after_layout (FwPointList *self)
{
  self->laid_out = FALSE;
  if (self->layout_tick == 0)
    self->layout_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), layout_tick_cb, NULL, NULL);
}

/* Another project starts at its first point: GtkListView keeps its
 * scroll through a model whose items were all replaced. */
static void
scroll_home (FwPointList *self)
{
  self->home_pending = TRUE;
  self->place_pending = G_MAXUINT;
  after_layout (self);
}

/* GTK 4.8's list view makes and keeps rows for up to 200 items round
 * the top, whatever shows, and measures every one of them in the frame
 * after they change: with MODEL.md's longest names, seconds of one
 * frame (docs/performance.md). So a new list of points is given to the
 * view a few rows at a time: a first few at once, then more on each
 * frame while the list is on screen, more when the last frame came
 * quickly and fewer when it did not, until the view makes no more rows;
 * then all the rest at once, which only adds to the list's length.
 * Two at first: a row with two of MODEL.md's longest names takes tens
 * of milliseconds to lay out at the panel's width the first time the
 * list shows, and eight of them held that frame up for over 300 ms; a
 * list of short names doubles from two to a screenful in a few frames. */
#define FIRST_ROWS        2
#define MAX_ROWS_AT_ONCE  128
#define QUICK_FRAME_US    (34 * G_TIME_SPAN_MILLISECOND)

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  FwPointList *self = FW_POINT_LIST (widget);
  guint size = gtk_slice_list_model_get_size (self->shown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint rows = self->rows->len;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (!gtk_widget_get_mapped (widget))
    {
      /* Hidden: no frames to spread over; on_map () goes on. */
      self->fill_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->fill_last_frame != 0)
    self->fill_step = now - self->fill_last_frame < QUICK_FRAME_US
                      ? MIN (self->fill_step * 2, MAX_ROWS_AT_ONCE)
                      : MAX (self->fill_step / 2, 1);
  self->fill_last_frame = now;
  gtk_slice_list_model_set_size (self->shown, size + self->fill_step);
  /* The view made fewer rows than it was given items: it has all it
   * will make, and the rest only add to the list's length. */
  if (size + self->fill_step >= n || self->rows->len - rows < self->fill_step)
    {
      gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
      self->fill_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Gives the view every point now, as when the list is in use. */
static void
show_every_row (FwPointList *self)
{
  if (self->fill_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
      self->fill_tick = 0;
    }
  if (self->shown != NULL)
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static void
keep_filling (FwPointList *self)
{
  if (self->fill_tick == 0 && self->shown != NULL &&
      gtk_slice_list_model_get_size (self->shown) != G_MAXUINT &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->fill_step = FIRST_ROWS;
      self->fill_last_frame = 0;
      self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
    }
}

/* Before the model replaces every point (another project, another
 * scenario on show): the view keeps only the first rows, and grows back
 * from there. */
static void
fill_gradually (FwPointList    *self,
                const FwChange *change)
{
  if ((change->flags & (FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN)) == 0)
    return;
  gtk_slice_list_model_set_size (self->shown, FIRST_ROWS);
  keep_filling (self);
}

static void
on_map (FwPointList *self)
{
  keep_filling (self);
}

static void
on_session_changed (FwPointList    *self,
                    const FwChange *change,
                    FwSession      *session)
{
  if (change->flags & FW_CHANGE_DOCUMENT)
    {
      g_set_object (&self->document, fw_session_get_document (session));
      scroll_home (self);
    }
  else if (!(change->flags & FW_CHANGE_SHOWN) &&
           !fw_change_touches (change, fw_session_get_scenario_index (session)))
    return;

  /* Every edit (and impacts arriving from a thread) may change the
   * order; the sort model moves only the rows whose place changed. */
  if (self->sort_by_impact)
    gtk_sorter_changed (self->by_impact, GTK_SORTER_CHANGE_DIFFERENT);
  refresh_rows (self);
}

/* Enter on a row (or a double click) selects its point on the wheel. */
static void
on_activate (GtkListView *list,
             guint        position,
             FwPointList *self)
{
  g_autoptr(FwScenarioItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-point", "i",
                                (int) fw_scenario_item_get_index (item));
}

/* What to fix first (fw_point_rank_compare()): the costliest friction on
 * top, then the strongest force; impacts still being worked out (long
 * horizons) last. */
static int
compare_impacts (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  FwPointList *self = user_data;

  return fw_point_rank_compare (fw_session_get_scenario (self->session),
                                fw_session_get_projection (self->session),
                                fw_scenario_item_get_index ((FwScenarioItem *) a),
                                fw_scenario_item_get_index ((FwScenarioItem *) b));
}

static void
set_sort_by_impact (FwPointList *self,
                    gboolean     by_impact)
{
  by_impact = !!by_impact;
  if (by_impact == self->sort_by_impact)
    return;

  self->sort_by_impact = by_impact;
  gtk_sort_list_model_set_sorter (self->sorted, by_impact ? self->by_impact : NULL);
  /* The list view would keep the row it showed at the top, now
   * anywhere: the new order is read from its first row, the costliest. */
  scroll_home (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY_IMPACT]);
}

static void
fw_point_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwPointList *self = FW_POINT_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT_BY_IMPACT:
      g_value_set_boolean (value, self->sort_by_impact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_point_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwPointList *self = FW_POINT_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT_BY_IMPACT:
      set_sort_by_impact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (FW_IS_POINT_LIST (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->sorted);
  g_clear_object (&self->shown);
  g_set_object (&self->session, session);
  g_clear_object (&self->document);

  if (session == NULL)
    return;

  /* Before the model hears of a new project, the view is cut to its
   * first rows (fill_gradually ()). Then the model: it has the list view
   * renew the rows of the points that changed before refresh_rows()
   * shows the others' new impacts. */
  g_signal_connect_object (session, "changed", G_CALLBACK (fill_gradually), self, G_CONNECT_SWAPPED);
  self->model = fw_scenario_model_new (session, FW_SCENARIO_MODEL_POINTS);
  g_set_object (&self->document, fw_session_get_document (session));
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->model)),
                                         self->sort_by_impact ? g_object_ref (self->by_impact) : NULL);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  update_placeholder (self);
  keep_filling (self);
}

static void
fw_point_list_dispose (GObject *object)
{
  FwPointList *self = (FwPointList *) object;

  if (self->layout_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick);
      self->layout_tick = 0;
    }
  if (self->fill_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
      self->fill_tick = 0;
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->list = NULL;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->model);
  g_clear_object (&self->sorted);
  g_clear_object (&self->shown);
  g_clear_object (&self->by_impact);
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
  object_class->get_property = fw_point_list_get_property;
  object_class->set_property = fw_point_list_set_property;

  /**
   * FwPointList:sort-by-impact:
   *
   * Whether the points are listed by their impact on the customers at
   * the horizon, costliest first, instead of in the order added; the
   * action "points.sort-by-impact" toggles it.
   */
  properties[PROP_SORT_BY_IMPACT] =
    g_param_spec_boolean ("sort-by-impact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "points.sort-by-impact", "sort-by-impact");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwpointlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_point_list_init (FwPointList *self)
{
  GtkListItemFactory *factory;

  /* The rows bound right now; each is freed with its widgets. */
  self->rows = g_ptr_array_new ();
  self->place_pending = G_MAXUINT;
  self->by_impact = GTK_SORTER (gtk_custom_sorter_new (compare_impacts, self, NULL));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-point-list");
  fw_widget_set_accessible_label (GTK_WIDGET (self->list), _("Friction points and forces"));
  g_signal_connect_object (self->list, "activate", G_CALLBACK (on_activate), self, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);

  /* A scrolled window of its own, with the list view as its direct
   * child: that is what lets the view make rows only for what shows. */
  self->scrolled = gtk_scrolled_window_new ();
  fw_widget_set_accessible_label (self->scrolled, _("Friction points and forces, scrollable"));
  /* The page itself takes the "points." actions: a screen reader lists
   * it, so it needs a name too. */
  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Friction points and forces on the wheel"));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (self->scrolled, TRUE);

  self->placeholder = gtk_label_new (_("No friction points or forces yet. Drag one from the catalog onto the wheel, "
                                       "or select one there and press Enter."));
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->placeholder), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (self->placeholder), 40);
  gtk_widget_set_valign (self->placeholder, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->placeholder, 12);
  gtk_widget_set_margin_end (self->placeholder, 12);
  gtk_widget_set_margin_top (self->placeholder, 12);
  gtk_widget_add_css_class (self->placeholder, "fw-list-placeholder");
  gtk_widget_add_css_class (self->placeholder, "dim-label");

  /* What to fix first: the costliest friction on top, its cost said in
   * customers at the horizon on its row. */
  self->sort_check = gtk_check_button_new_with_label (_("Sort by impact, costliest first"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sort_check), "points.sort-by-impact");
  gtk_widget_set_tooltip_text (self->sort_check,
                               _("List the points by how many customers at the end of the horizon "
                                 "each one costs or brings, the costliest friction first"));
  gtk_widget_set_margin_start (self->sort_check, 12);
  gtk_widget_set_margin_end (self->sort_check, 12);
  gtk_widget_set_margin_top (self->sort_check, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), self->sort_check);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);
  gtk_box_append (GTK_BOX (self->box), self->scrolled);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

guint
fw_point_list_get_point_at (FwPointList *self,
                            guint        position)
{
  g_autoptr(FwScenarioItem) item = NULL;

  g_return_val_if_fail (FW_IS_POINT_LIST (self), G_MAXUINT);

  if (self->sorted == NULL)
    return G_MAXUINT;
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return item != NULL ? fw_scenario_item_get_index (item) : G_MAXUINT;
}
