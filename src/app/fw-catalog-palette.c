/* fw-catalog-palette.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-catalog-palette"

#include <string.h>

#include <glib/gi18n.h>

#include "fw-catalog.h"
#include "fw-catalog-palette.h"
#include "fw-point-text.h"
#include "fw-point-value.h"
#include "fw-wheel-painter.h"
#include "fw-widget-util.h"

/* The marker in a row, and in the drag icon: big enough to tell a
 * friction's shape from a force's at a glance. */
#define ROW_MARKER_SIZE   24
#define DRAG_MARKER_RADIUS 11.0
#define DRAG_PADDING        6.0
#define DRAG_CORNER         4.0

struct _FwCatalogPalette
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkButton      *custom_button;

  /* The search as typed, case-folded and normalised, split into words;
   * NULL shows every entry. */
  char          **words;
};

G_DEFINE_FINAL_TYPE (FwCatalogPalette, fw_catalog_palette, GTK_TYPE_WIDGET)

/* Text as the search compares it: case and accents' encodings folded
 * the same way on both sides. */
static char *
fold_text (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

static const FwCatalogEntry *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "fw-catalog-entry");
}

/* "−20% conversion · +1.5 pts churn": what the entry does to its stage,
 * worded as the wheel and the point editor word a point's effects. */
static char *
effect_summary (const FwCatalogEntry *entry)
{
  /* An entry without effects is a start for the user's own. */
  if (entry->conversion == 0.0 && entry->churn == 0.0 && entry->referral == 0.0)
    return g_strdup (_("No effect until you set one"));

  return fw_point_text_effects (entry->conversion, entry->churn, entry->referral);
}

static const char *
kind_title (FwPointKind kind)
{
  return kind == FW_POINT_FORCE ? _("Forces") : _("Friction");
}

static void
draw_marker (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const FwCatalogEntry *entry = user_data;
  FwWheelStyle style;

  fw_wheel_style_init_light (&style);
  fw_wheel_paint_marker (cr, &style, entry->kind, TRUE,
                         width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 2.0);
}

/* The drag icon: the marker as the wheel will show it, with the entry's
 * name, held by the marker's centre so that the drop lands where the
 * marker is seen. Drawn as vectors into a render node, so it stays sharp
 * on HiDPI screens. */
static GdkPaintable *
make_drag_icon (GtkWidget            *widget,
                const FwCatalogEntry *entry,
                int                  *hot_x,
                int                  *hot_y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _(entry->name));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  FwWheelStyle style;
  double width, height;
  int text_width, text_height;
  cairo_t *cr;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  width = 3 * DRAG_PADDING + 2 * DRAG_MARKER_RADIUS + text_width + DRAG_PADDING;
  height = MAX (2 * DRAG_MARKER_RADIUS, text_height) + 2 * DRAG_PADDING;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Small corners: where no compositor blends the icon (plain X11),
   * what lies outside them shows black. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - DRAG_CORNER, DRAG_CORNER, DRAG_CORNER - 0.5, -G_PI / 2, 0);
  cairo_arc (cr, width - DRAG_CORNER, height - DRAG_CORNER, DRAG_CORNER - 0.5, 0, G_PI / 2);
  cairo_arc (cr, DRAG_CORNER, height - DRAG_CORNER, DRAG_CORNER - 0.5, G_PI / 2, G_PI);
  cairo_arc (cr, DRAG_CORNER, DRAG_CORNER, DRAG_CORNER - 0.5, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  fw_wheel_style_init_light (&style);
  fw_wheel_paint_marker (cr, &style, entry->kind, TRUE,
                         DRAG_PADDING + DRAG_MARKER_RADIUS, height / 2.0, DRAG_MARKER_RADIUS);

  cairo_set_source_rgba (cr, 0.13, 0.13, 0.15, 1);
  cairo_move_to (cr, 2 * DRAG_PADDING + 2 * DRAG_MARKER_RADIUS, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);

  *hot_x = (int) (DRAG_PADDING + DRAG_MARKER_RADIUS);
  *hot_y = (int) (height / 2.0);
  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width, height));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  g_autoptr(FwPoint) point = fw_catalog_entry_to_point (row_entry (row), 0.0);

  /* The wheel sets the angle where the point is dropped; the boxed value
   * is copied into the provider. */
  return gdk_content_provider_new_typed (FW_TYPE_POINT_VALUE, point);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkListBoxRow *row)
{
  g_autoptr(GdkPaintable) icon = NULL;
  int hot_x, hot_y;

  icon = make_drag_icon (GTK_WIDGET (row), row_entry (row), &hot_x, &hot_y);
  gtk_drag_source_set_icon (source, icon, hot_x, hot_y);
}

static GtkWidget *
new_text_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Bounds the natural width, so long explanations wrap inside the
   * sidebar instead of widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (const FwCatalogEntry *entry)
{
  const char *name = _(entry->name);
  const char *explanation = _(entry->explanation);
  g_autofree char *effects = effect_summary (entry);
  g_autofree char *haystack = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *marker = gtk_drawing_area_new ();
  GtkWidget *effect_label;
  GtkDragSource *drag;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (marker), ROW_MARKER_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (marker), ROW_MARKER_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (marker), draw_marker, (gpointer) entry, NULL);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  fw_widget_set_accessible_label (marker, kind_title (entry->kind));

  effect_label = new_text_label (effects, "fw-catalog-effect");
  gtk_widget_add_css_class (effect_label, entry->kind == FW_POINT_FORCE ? "fw-force" : "fw-friction");
  gtk_box_append (GTK_BOX (text), new_text_label (name, "fw-catalog-name"));
  gtk_box_append (GTK_BOX (text), new_text_label (explanation, "fw-catalog-explanation"));
  gtk_box_append (GTK_BOX (text), effect_label);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "fw-catalog-row");
  gtk_widget_set_tooltip_text (row, _("Drag onto a stage of the wheel, or press Enter to add it to the selected stage"));

  /* TRANSLATORS: "Friction: Long checkout form, −20% conversion". */
  accessible = g_strdup_printf (_("%s: %s, %s"), kind_title (entry->kind), name, effects);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                  -1);

  haystack = g_strconcat (name, "\n", explanation, NULL);
  g_object_set_data (G_OBJECT (row), "fw-catalog-entry", (gpointer) entry);
  g_object_set_data_full (G_OBJECT (row), "fw-catalog-haystack", fold_text (haystack), g_free);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  FwCatalogPalette *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "fw-catalog-haystack");

  /* Every word typed must appear, in any order: "churn email" finds
   * "Swamped by uncoordinated email". */
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    if (self->words[i][0] != '\0' && strstr (haystack, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* "Friction" above the first friction shown, "Forces" above the first
 * force; the list box passes the previous row still visible. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const FwCatalogEntry *entry = row_entry (row);
  GtkWidget *header;

  if (before != NULL && row_entry (before)->kind == entry->kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (kind_title (entry->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "fw-catalog-section");
  fw_widget_set_accessible_label (header, kind_title (entry->kind));
  gtk_list_box_row_set_header (row, header);
}

static GtkListBoxRow *
first_shown_row (FwCatalogPalette *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
on_search_changed (FwCatalogPalette *self,
                   GtkSearchEntry   *entry)
{
  g_autofree char *folded = fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->words, g_strfreev);
  if (g_strstrip (folded)[0] != '\0')
    self->words = g_strsplit_set (folded, " \t\n", -1);

  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
  /* The list box's own placeholder stayed hidden here (GTK 4.8) when
   * the filter left no row, so the palette says "No matches" itself. */
  gtk_stack_set_visible_child_name (self->stack, first_shown_row (self) != NULL ? "list" : "empty");
}

static void
on_row_activated (FwCatalogPalette *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-point-here", "s", row_entry (row)->id);
}

/* Enter in the search adds the best (first) match, as in GNOME's own
 * search fields. */
static void
on_search_activate (FwCatalogPalette *self,
                    GtkSearchEntry   *entry)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkListBoxRow *row;

  /* Enter adds the best match for what was typed; with nothing typed
   * there is no match, only the catalog's first entry, which nobody
   * chose (review4 saw each Enter add another copy of it). */
  if (typed[0] == '\0')
    return;
  row = first_shown_row (self);
  if (row != NULL)
    on_row_activated (self, row, self->list);
}

static void
on_stop_search (FwCatalogPalette *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Down from the search goes into the results. */
static gboolean
on_search_key_pressed (FwCatalogPalette      *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = first_shown_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}


/* The search's hint whole where the field has room for it, else a
 * shorter one: at 150% desktop text in a 1280x720 window it read
 * "Search friction …" (verify10b's V10B-10). Its accessible name stays
 * the whole sentence. Chosen by the width the field's text was just
 * given, in its font; the pane's width does not follow the hint, so the
 * choice holds in the next layout. TRUE when it changed. */
static gboolean
fit_search_hint (FwCatalogPalette *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));
  /* TRANSLATORS: the catalog's search field's hint where there is room */
  const char *whole = _("Search friction and forces");
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (text, whole);
  g_autofree char *shown = NULL;
  const char *hint;
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  /* TRANSLATORS: the catalog's search field's hint where the field is
   * too narrow for "Search friction and forces": one short word */
  hint = width <= gtk_widget_get_width (text) ? whole : _("Search");
  g_object_get (self->search_entry, "placeholder-text", &shown, NULL);
  if (g_strcmp0 (shown, hint) == 0)
    return FALSE;
  g_object_set (self->search_entry, "placeholder-text", hint, NULL);
  return TRUE;
}

/* As a bin: the template's box takes the palette's whole size. */
static void
fw_catalog_palette_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
fw_catalog_palette_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL)
    return;
  gtk_widget_allocate (child, width, height, baseline, NULL);
  /* A new hint is laid out at once, not left to a frame drawn
   * without it. */
  if (fit_search_hint (FW_CATALOG_PALETTE (widget)))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Tab leaves the list instead of visiting each of its thirty-odd rows,
 * as in GNOME's lists and the projection's table: the arrows move
 * between entries, Tab goes on to Custom point…, Shift+Tab back to the
 * search, so a keyboard user reaches the wheel in a few presses. */
static gboolean
fw_catalog_palette_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  FwCatalogPalette *self = FW_CATALOG_PALETTE (widget);
  gboolean moved;

  if (fw_widget_tab_past_rows (widget, GTK_WIDGET (self->list), direction, &moved))
    return moved;
  return GTK_WIDGET_CLASS (fw_catalog_palette_parent_class)->focus (widget, direction);
}

static void
fw_catalog_palette_dispose (GObject *object)
{
  FwCatalogPalette *self = FW_CATALOG_PALETTE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_CATALOG_PALETTE);
  /* The template's root box has no id, so disposing the template leaves
   * it in place: a widget unparents its own children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (fw_catalog_palette_parent_class)->dispose (object);
}

static void
fw_catalog_palette_class_init (FwCatalogPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_catalog_palette_dispose;
  widget_class->measure = fw_catalog_palette_measure;
  widget_class->size_allocate = fw_catalog_palette_size_allocate;
  widget_class->focus = fw_catalog_palette_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-catalog-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, FwCatalogPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FwCatalogPalette, stack);
  gtk_widget_class_bind_template_child (widget_class, FwCatalogPalette, list);
  gtk_widget_class_bind_template_child (widget_class, FwCatalogPalette, custom_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "catalogpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_catalog_palette_init (FwCatalogPalette *self)
{
  const FwCatalogEntry *entries;
  GtkEventController *keys;
  guint n_entries = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  /* Friction first, then forces, each in the catalog's order, so that
   * each kind is one section whatever order the catalog lists them in. */
  entries = fw_catalog_list (&n_entries);
  for (int kind = FW_POINT_FRICTION; kind <= FW_POINT_FORCE; kind++)
    for (guint i = 0; i < n_entries; i++)
      if ((int) entries[i].kind == kind)
        gtk_list_box_append (self->list, create_row (&entries[i]));

  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  fw_widget_set_accessible_label (GTK_WIDGET (self->custom_button), _("Custom point"));
  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Catalog of friction and forces"));
}

/* Not the palette's grab_focus: GTK 4.8 focuses a container when
 * Shift+Tab finds nothing before the focus inside it, so focusing the
 * palette as the search took Shift+Tab straight back to the search, for
 * good (verify9's V9-02). */
gboolean
fw_catalog_palette_focus_search (FwCatalogPalette *self)
{
  g_return_val_if_fail (FW_IS_CATALOG_PALETTE (self), FALSE);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
fw_catalog_palette_new (void)
{
  return g_object_new (FW_TYPE_CATALOG_PALETTE, NULL);
}
