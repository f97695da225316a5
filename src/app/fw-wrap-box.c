/* fw-wrap-box.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wrap-box"

#include "fw-wrap-box.h"

struct _FwWrapBox
{
  GtkWidget parent_instance;

  int       spacing;      /* between the children of a line */
  int       row_spacing;  /* between lines */
};

G_DEFINE_FINAL_TYPE (FwWrapBox, fw_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where one child goes: its line and its width there. */
typedef struct
{
  GtkWidget *child;
  guint      line;
  int        width;
} Place;

/* The visible children broken into lines for @width (-1: one line at
 * their natural widths): each child at its natural width, or at the
 * whole width when that is less (never below its own minimum); a child
 * that does not fit after those before it starts the next line. Returns
 * the places in order and the number of lines in @n_lines. */
static GArray *
break_lines (FwWrapBox *self,
             int        width,
             guint     *n_lines)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));
  int used = 0;
  guint line = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Place place = { child, 0, 0 };
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      place.width = width < 0 ? natural : MAX (minimum, MIN (natural, width));
      if (places->len > 0 && width >= 0 && used + self->spacing + place.width > width)
        {
          line++;
          used = 0;
        }
      else if (places->len > 0)
        used += self->spacing;
      used += place.width;
      place.line = line;
      g_array_append_val (places, place);
    }
  *n_lines = places->len > 0 ? line + 1 : 0;
  return places;
}

/* The height of each line of @places, as tall as its tallest child
 * wants to be at the width it gets, in a new array of @n_lines; the
 * lines' minimum and natural heights together, with the space between
 * lines, in @minimum_total and @natural_total. */
static int *
line_heights (FwWrapBox *self,
              GArray    *places,
              guint      n_lines,
              int       *minimum_total,
              int       *natural_total)
{
  int *minimum = g_new0 (int, MAX (n_lines, 1));
  int *natural = g_new0 (int, MAX (n_lines, 1));

  for (guint i = 0; i < places->len; i++)
    {
      const Place *place = &g_array_index (places, Place, i);
      int child_minimum, child_natural;

      gtk_widget_measure (place->child, GTK_ORIENTATION_VERTICAL, place->width,
                          &child_minimum, &child_natural, NULL, NULL);
      minimum[place->line] = MAX (minimum[place->line], child_minimum);
      natural[place->line] = MAX (natural[place->line], child_natural);
    }
  *minimum_total = *natural_total = n_lines > 1 ? self->row_spacing * (int) (n_lines - 1) : 0;
  for (guint l = 0; l < n_lines; l++)
    {
      *minimum_total += minimum[l];
      *natural_total += natural[l];
    }
  g_free (minimum);
  return natural;
}

static GtkSizeRequestMode
fw_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fw_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  FwWrapBox *self = FW_WRAP_BOX (widget);
  g_autoptr(GArray) places = NULL;
  guint n_lines;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as its widest child, each on a line of its own; as
       * wide as all of them on one line. */
      places = break_lines (self, -1, &n_lines);
      for (guint i = 0; i < places->len; i++)
        {
          const Place *place = &g_array_index (places, Place, i);
          int child_minimum;

          gtk_widget_measure (place->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += place->width + (i > 0 ? self->spacing : 0);
        }
      return;
    }

  places = break_lines (self, for_size, &n_lines);
  g_free (line_heights (self, places, n_lines, minimum, natural));
}

static void
fw_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  FwWrapBox *self = FW_WRAP_BOX (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  g_autoptr(GArray) places = NULL;
  g_autofree int *heights = NULL;
  guint n_lines, first = 0;
  int minimum_total, natural_total, y = 0;

  places = break_lines (self, width, &n_lines);
  heights = line_heights (self, places, n_lines, &minimum_total, &natural_total);
  for (guint l = 0; l < n_lines; l++)
    {
      guint end = first, n_expand = 0;
      int spare = width, share = 0, odd = 0, x = 0;

      /* This line's children, and what they leave of the width. */
      while (end < places->len && g_array_index (places, Place, end).line == l)
        {
          const Place *place = &g_array_index (places, Place, end);

          spare -= place->width + (end > first ? self->spacing : 0);
          n_expand += gtk_widget_compute_expand (place->child, GTK_ORIENTATION_HORIZONTAL);
          end++;
        }
      /* The spare width shared by those that expand, the first ones
       * taking a pixel more when it does not divide evenly. */
      spare = MAX (spare, 0);
      if (n_expand > 0)
        {
          share = spare / (int) n_expand;
          odd = spare % (int) n_expand;
        }

      for (guint i = first; i < end; i++)
        {
          const Place *place = &g_array_index (places, Place, i);
          int child_width = place->width;
          GtkAllocation rect;

          if (gtk_widget_compute_expand (place->child, GTK_ORIENTATION_HORIZONTAL))
            {
              child_width += share + (odd > 0);
              odd--;
            }
          rect.x = rtl ? width - x - child_width : x;
          rect.y = y;
          rect.width = child_width;
          rect.height = heights[l];
          gtk_widget_size_allocate (place->child, &rect, -1);
          x += child_width + self->spacing;
        }
      y += heights[l] + self->row_spacing;
      first = end;
    }
}

static void
fw_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwWrapBox *self = FW_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FwWrapBox *self = FW_WRAP_BOX (object);
  int *field;

  switch (prop_id)
    {
    case PROP_SPACING:
      field = &self->spacing;
      break;
    case PROP_ROW_SPACING:
      field = &self->row_spacing;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*field == g_value_get_int (value))
    return;
  *field = g_value_get_int (value);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (object, pspec);
}

static void
fw_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_wrap_box_parent_class)->dispose (object);
}

static void
fw_wrap_box_class_init (FwWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_wrap_box_dispose;
  object_class->get_property = fw_wrap_box_get_property;
  object_class->set_property = fw_wrap_box_set_property;
  widget_class->get_request_mode = fw_wrap_box_get_request_mode;
  widget_class->measure = fw_wrap_box_measure;
  widget_class->size_allocate = fw_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  /* Layout only, as a GtkBox: a screen reader passes through it. With
   * GtkWidget's own role it was read by its type name, "FwWrapBox"
   * (test-e2e-intent's projection-table-names). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
fw_wrap_box_init (FwWrapBox *self)
{
}

GtkWidget *
fw_wrap_box_new (int spacing,
                 int row_spacing)
{
  return g_object_new (FW_TYPE_WRAP_BOX, "spacing", spacing, "row-spacing", row_spacing, NULL);
}
