/* fw-period-glide.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-period-glide"

#include <math.h>

#include "fw-period-glide.h"

struct _FwPeriodGlide
{
  GtkWidget  parent_instance;

  GtkRange  *range;   /* not owned: the overlay holds both */
  gboolean   shown;
  double     value;
  double     drawn_x; /* where the knob was last asked for */
  guint      draws;   /* frames asked for */
};

G_DEFINE_FINAL_TYPE (FwPeriodGlide, fw_period_glide, GTK_TYPE_WIDGET)

/* GtkRange's parts, by their CSS names: "trough" under the range, its
 * "highlight" (the fill up to the knob) and "slider" (the knob). */
static GtkWidget *
child_named (GtkWidget  *parent,
             const char *name)
{
  if (parent == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), name) == 0)
      return child;
  return NULL;
}

typedef struct
{
  GtkWidget       *highlight;  /* may be NULL */
  GtkWidget       *slider;
  graphene_rect_t  knob;       /* the knob's border box, in @relative_to's coordinates */
  graphene_rect_t  fill;       /* the highlight's, likewise; empty without one */
} Parts;

/* Where the range's fraction of the way is @value. */
static double
fraction (GtkRange *range,
          double    value)
{
  GtkAdjustment *adjustment = gtk_range_get_adjustment (range);
  double lower = gtk_adjustment_get_lower (adjustment);
  double span = gtk_adjustment_get_upper (adjustment) - lower - gtk_adjustment_get_page_size (adjustment);

  return span > 0.0 ? CLAMP ((value - lower) / span, 0.0, 1.0) : 0.0;
}

/* Where GTK 4.8's GtkRange allocates the knob within the trough for
 * @fraction (gtk_range_compute_slider_position(): the travel is the
 * trough less the knob, in whole pixels, towards the start). */
static int
knob_offset (int    travel,
             double fraction)
{
  return CLAMP ((int) (travel * fraction), 0, travel);
}

/* And how wide the fill up to it (gtk_range_allocate_trough()). */
static int
fill_width (int    trough,
            int    least,
            double fraction)
{
  return MAX (least, (int) (fraction * trough));
}

/* The knob and fill as the range would lay them out for @value, from
 * where it laid them out for its own value: moved by the difference
 * between the two, so they land where the range's own would, pixel for
 * pixel (what /window/playback/slider-glides checks). */
static gboolean
lay_out (FwPeriodGlide *self,
         GtkWidget     *relative_to,
         double         value,
         Parts         *parts)
{
  GtkWidget *trough = child_named (GTK_WIDGET (self->range), "trough");
  double shown = gtk_range_get_value (self->range);
  int knob_min = 0, fill_min = 0, width, travel;
  double to, from, knob_shift, fill_shift;
  gboolean inverted;

  parts->slider = child_named (trough, "slider");
  parts->highlight = child_named (trough, "highlight");
  if (parts->slider == NULL || !gtk_widget_compute_bounds (parts->slider, relative_to, &parts->knob))
    return FALSE;
  if (parts->highlight == NULL || !gtk_widget_compute_bounds (parts->highlight, relative_to, &parts->fill))
    graphene_rect_init (&parts->fill, 0, 0, 0, 0);

  width = gtk_widget_get_width (trough);
  gtk_widget_measure (parts->slider, GTK_ORIENTATION_HORIZONTAL, -1, &knob_min, NULL, NULL, NULL);
  if (parts->highlight != NULL)
    gtk_widget_measure (parts->highlight, GTK_ORIENTATION_HORIZONTAL, -1, &fill_min, NULL, NULL, NULL);
  travel = MAX (0, width - knob_min);
  inverted = gtk_range_get_inverted (self->range) != (gtk_widget_get_direction (GTK_WIDGET (self->range)) == GTK_TEXT_DIR_RTL);
  to = fraction (self->range, value);
  from = fraction (self->range, shown);

  knob_shift = knob_offset (travel, to) - knob_offset (travel, from);
  fill_shift = fill_width (width, fill_min, to) - fill_width (width, fill_min, from);
  parts->knob.origin.x += inverted ? -knob_shift : knob_shift;
  if (parts->fill.size.width > 0.0)
    {
      parts->fill.size.width = MAX (0.0, parts->fill.size.width + fill_shift);
      if (inverted)
        parts->fill.origin.x -= fill_shift;
    }
  return TRUE;
}

static void
draw_part (GtkSnapshot           *snapshot,
           GtkWidget             *part,
           const graphene_rect_t *box)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (part);

  gtk_snapshot_render_background (snapshot, context, box->origin.x, box->origin.y,
                                  box->size.width, box->size.height);
  gtk_snapshot_render_frame (snapshot, context, box->origin.x, box->origin.y,
                             box->size.width, box->size.height);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
fw_period_glide_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FwPeriodGlide *self = FW_PERIOD_GLIDE (widget);
  Parts parts;

  if (!self->shown || self->range == NULL || !lay_out (self, widget, self->value, &parts))
    return;

  if (parts.highlight != NULL && parts.fill.size.width > 0.0)
    draw_part (snapshot, parts.highlight, &parts.fill);
  draw_part (snapshot, parts.slider, &parts.knob);
}

static void
set_parts_visible (FwPeriodGlide *self,
                   gboolean       visible)
{
  GtkWidget *trough = child_named (GTK_WIDGET (self->range), "trough");
  GtkWidget *parts[] = { child_named (trough, "highlight"), child_named (trough, "slider") };

  /* Opacity is a redraw, not a layout. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      gtk_widget_set_opacity (parts[i], visible ? 1.0 : 0.0);
}

static void
fw_period_glide_class_init (FwPeriodGlideClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = fw_period_glide_snapshot;
  gtk_widget_class_set_css_name (widget_class, "periodglide");
  /* A picture of the slider's knob: the slider itself is the control. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
fw_period_glide_init (FwPeriodGlide *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  self->drawn_x = NAN;
}

GtkWidget *
fw_period_glide_new (GtkRange *range)
{
  FwPeriodGlide *self;

  g_return_val_if_fail (GTK_IS_RANGE (range), NULL);

  self = g_object_new (FW_TYPE_PERIOD_GLIDE, NULL);
  self->range = range;
  return GTK_WIDGET (self);
}

void
fw_period_glide_show (FwPeriodGlide *self,
                      double         value)
{
  GtkWidget *widget;
  double x;

  g_return_if_fail (FW_IS_PERIOD_GLIDE (self));

  widget = GTK_WIDGET (self);
  self->value = value;
  if (!self->shown)
    {
      self->shown = TRUE;
      set_parts_visible (self, FALSE);
      self->drawn_x = NAN;
    }
  /* A frame only once the knob moves a pixel (the fill's end moves with
   * it): the range's own knob takes whole pixels, so does this one. */
  if (!fw_period_glide_knob_x (self, value, &x))
    {
      self->draws++;
      gtk_widget_queue_draw (widget);
      return;
    }
  if (x != self->drawn_x)
    {
      self->drawn_x = x;
      self->draws++;
      gtk_widget_queue_draw (widget);
    }
}

void
fw_period_glide_hide (FwPeriodGlide *self)
{
  g_return_if_fail (FW_IS_PERIOD_GLIDE (self));

  if (!self->shown)
    return;
  self->shown = FALSE;
  self->drawn_x = NAN;
  set_parts_visible (self, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
fw_period_glide_is_shown (FwPeriodGlide *self)
{
  g_return_val_if_fail (FW_IS_PERIOD_GLIDE (self), FALSE);

  return self->shown;
}

guint
fw_period_glide_get_draws (FwPeriodGlide *self)
{
  g_return_val_if_fail (FW_IS_PERIOD_GLIDE (self), 0);

  return self->draws;
}

gboolean
fw_period_glide_knob_x (FwPeriodGlide *self,
                        double         value,
                        double        *x)
{
  Parts parts;

  g_return_val_if_fail (FW_IS_PERIOD_GLIDE (self), FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  if (self->range == NULL || !lay_out (self, GTK_WIDGET (self->range), value, &parts))
    return FALSE;
  *x = parts.knob.origin.x;
  return TRUE;
}
