/* fw-fit-label.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-fit-label"

#include "fw-fit-label.h"
#include "fw-widget-util.h"

/* One GtkLabel per form, each measured as GTK draws it (its font, its
 * CSS); the one chosen is the only child-visible one. Choosing by
 * child visibility in size_allocate, as GtkStack and GtkNotebook do,
 * changes nothing the widget measures, so the choice settles in one
 * layout: no text is set while allocating. */
struct _FwFitLabel
{
  GtkWidget parent_instance;

  GPtrArray *labels;   /* GtkLabel, longest form first */
  guint      shown;
};

G_DEFINE_FINAL_TYPE (FwFitLabel, fw_fit_label, GTK_TYPE_WIDGET)

static GtkWidget *
label_at (FwFitLabel *self,
          guint       i)
{
  return g_ptr_array_index (self->labels, i);
}

static void
fw_fit_label_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FwFitLabel *self = FW_FIT_LABEL (widget);

  *minimum = *natural = 0;
  /* Across: the shortest form, cut, at the least; the first whole
   * ideally. Down: one line, the tallest of the forms. */
  for (guint i = 0; i < self->labels->len; i++)
    {
      int min = 0, nat = 0, min_base = -1, nat_base = -1;

      gtk_widget_measure (label_at (self, i), orientation, -1, &min, &nat, &min_base, &nat_base);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          if (i == self->labels->len - 1)
            *minimum = min;
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
          if (i == self->shown)
            {
              *minimum_baseline = min_base;
              *natural_baseline = nat_base;
            }
        }
    }
  *natural = MAX (*natural, *minimum);
}

/* The first form whose whole width fits @width; the last if none does. */
static guint
choose (FwFitLabel *self,
        int         width)
{
  for (guint i = 0; i + 1 < self->labels->len; i++)
    {
      int natural = 0;

      gtk_widget_measure (label_at (self, i), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (natural <= width)
        return i;
    }
  return self->labels->len - 1;
}

static void
fw_fit_label_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  FwFitLabel *self = FW_FIT_LABEL (widget);
  const char *tooltip;
  GtkWidget *label;
  int natural = 0;

  if (self->labels->len == 0)
    return;
  self->shown = choose (self, width);
  for (guint i = 0; i < self->labels->len; i++)
    gtk_widget_set_child_visible (label_at (self, i), i == self->shown);
  label = label_at (self, self->shown);
  gtk_widget_allocate (label, width, height, baseline, NULL);

  /* The whole text where any of it is missing. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  tooltip = self->shown > 0 || natural > width ? fw_fit_label_get_text (self) : NULL;
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (widget)) != 0)
    gtk_widget_set_tooltip_text (widget, tooltip);
}

static void
fw_fit_label_dispose (GObject *object)
{
  FwFitLabel *self = FW_FIT_LABEL (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_fit_label_parent_class)->dispose (object);
}

static void
fw_fit_label_class_init (FwFitLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_fit_label_dispose;
  widget_class->measure = fw_fit_label_measure;
  widget_class->size_allocate = fw_fit_label_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "fitlabel");
  /* One label to a screen reader, the whole text: the forms are what
   * the eye gets where room is short. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
fw_fit_label_init (FwFitLabel *self)
{
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_widget_unparent);
  fw_fit_label_set_text (self, "");
}

GtkWidget *
fw_fit_label_new (void)
{
  return g_object_new (FW_TYPE_FIT_LABEL, NULL);
}

void
fw_fit_label_set_forms (FwFitLabel         *self,
                        const char * const *forms)
{
  guint n;

  g_return_if_fail (FW_IS_FIT_LABEL (self));
  g_return_if_fail (forms != NULL && forms[0] != NULL);

  n = g_strv_length ((char **) forms);
  g_ptr_array_set_size (self->labels, MIN (self->labels->len, n));
  while (self->labels->len < n)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_set_parent (label, GTK_WIDGET (self));
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      g_ptr_array_add (self->labels, label);
    }
  for (guint i = 0; i < n; i++)
    {
      GtkLabel *label = GTK_LABEL (label_at (self, i));

      gtk_label_set_text (label, forms[i]);
      /* Only the last form is ever cut; the others are shown whole or
       * not at all. */
      gtk_label_set_ellipsize (label, i == n - 1 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      gtk_label_set_single_line_mode (label, TRUE);
    }
  self->shown = MIN (self->shown, n - 1);
  fw_widget_set_accessible_label (GTK_WIDGET (self), forms[0]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
fw_fit_label_set_text (FwFitLabel *self,
                       const char *text)
{
  const char *forms[] = { text, NULL };

  fw_fit_label_set_forms (self, forms);
}

const char *
fw_fit_label_get_text (FwFitLabel *self)
{
  g_return_val_if_fail (FW_IS_FIT_LABEL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (label_at (self, 0)));
}

GtkLabel *
fw_fit_label_get_shown (FwFitLabel *self)
{
  g_return_val_if_fail (FW_IS_FIT_LABEL (self), NULL);

  return GTK_LABEL (label_at (self, self->shown));
}
