/* fw-template-chooser.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-template-chooser"

#include <math.h>

#include <glib/gi18n.h>

#include "fw-engine.h"
#include "fw-template-chooser.h"
#include "fw-templates.h"
#include "fw-wheel-layout.h"
#include "fw-wheel-painter.h"
#include "fw-widget-util.h"

#define PREVIEW_SIZE 168
/* The preview is the wheel as the window draws it, shrunk: laid out at
 * 1 / PREVIEW_SCALE of the area, where the stage names have room, then
 * scaled down like a thumbnail. Laid out at the area's own size, the
 * names (kept at a readable minimum) would crowd the small ring. */
#define PREVIEW_SCALE 0.6

struct _FwTemplateChooser
{
  GtkWindow   parent_instance;

  /* Template children */
  GtkFlowBox *flow;
  GtkButton  *create_button;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FwTemplateChooser, fw_template_chooser, GTK_TYPE_WINDOW)

/* A template's wheel as it starts: made and projected once, when the
 * dialog opens, and only painted after that. */
typedef struct
{
  FwProject    *project;
  FwProjection *projection;
} Preview;

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_clear_pointer (&preview->project, fw_project_free);
  g_clear_pointer (&preview->projection, fw_projection_free);
  g_free (preview);
}

static Preview *
preview_new (const char *template_id)
{
  g_autoptr(GError) error = NULL;
  Preview *preview = g_new0 (Preview, 1);

  preview->project = fw_template_create (template_id, &error);
  if (preview->project == NULL)
    {
      /* Templates are built in: only a programming error gets here. */
      g_critical ("Template %s: %s", template_id, error->message);
      return preview;
    }

  preview->projection = fw_projection_new ();
  fw_projection_run (preview->projection,
                     fw_project_get_scenario (preview->project, 0),
                     preview->project->horizon);
  return preview;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  const Preview *preview = user_data;
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;

  if (preview->projection == NULL)
    return;

  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  fw_wheel_layout_compute (&layout, width / PREVIEW_SCALE, height / PREVIEW_SCALE);
  fw_wheel_style_init_light (&style);
  fw_wheel_scene_init (&scene);
  scene.scenario = fw_project_get_scenario (preview->project, 0);
  scene.projection = preview->projection;
  scene.period_label = fw_period_to_string (preview->project->period);
  scene.animate = FALSE;
  /* The stages are named in full under the preview (stage_list): at a
   * thumbnail's size, names on the wheel only fitted cut short. */
  scene.no_text = TRUE;

  fw_wheel_paint_static (cr, &layout, &style, &scene);
}

char *
fw_template_chooser_stage_list (const FwProject *project)
{
  const FwScenario *scenario = fw_project_get_scenario ((FwProject *) project, 0);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; scenario != NULL && i < scenario->stages->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between two stage names in the list under a
         * template's preview, in the order people move round the wheel:
         * "Attract → Engage → Delight". */
        g_string_append (list, _(" → "));
      g_string_append (list, fw_scenario_get_stage (scenario, i)->name);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static GtkWidget *
create_card (const FwTemplateInfo *info)
{
  const char *title = _(info->title);
  const char *description = _(info->description);
  g_autofree char *preview_name = NULL;
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *description_label = gtk_label_new (description);
  Preview *preview = preview_new (info->id);
  g_autofree char *stages = preview->project != NULL ? fw_template_chooser_stage_list (preview->project)
                                                     : g_strdup ("");
  GtkWidget *stages_label = gtk_label_new (stages);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), PREVIEW_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview,
                                  preview, preview_free);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  /* TRANSLATORS: %s is a template's title. */
  preview_name = g_strdup_printf (_("Preview of “%s”"), title);
  fw_widget_set_accessible_label (area, preview_name);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 18);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title_label, "heading");

  /* Every stage's name whole, wrapped between words. */
  gtk_label_set_wrap (GTK_LABEL (stages_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (stages_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (stages_label), 22);

  gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (description_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (description_label), 22);
  gtk_widget_add_css_class (description_label, "dim-label");
  gtk_widget_set_valign (description_label, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), stages_label);
  gtk_box_append (GTK_BOX (box), description_label);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "fw-template");
  gtk_widget_set_tooltip_text (child, _("Double-click or press Enter to start from this wheel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data (G_OBJECT (child), "fw-template-id", (gpointer) info->id);

  return child;
}

/* Emits "chosen" and closes; the dialog is kept alive through the
 * handlers, which may well open a window of their own. */
static void
choose (FwTemplateChooser *self,
        GtkFlowBoxChild   *child)
{
  g_autoptr(FwTemplateChooser) hold = g_object_ref (self);
  const char *id = g_object_get_data (G_OBJECT (child), "fw-template-id");

  g_signal_emit (self, signals[CHOSEN], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkFlowBoxChild *
get_selected (FwTemplateChooser *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->flow);

  return selected != NULL ? selected->data : NULL;
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwTemplateChooser *self = FW_TEMPLATE_CHOOSER (widget);
  GtkFlowBoxChild *child = get_selected (self);

  if (child != NULL)
    choose (self, child);
}

static void
on_child_activated (FwTemplateChooser *self,
                    GtkFlowBoxChild   *child,
                    GtkFlowBox        *flow)
{
  choose (self, child);
}

static void
on_selection_changed (FwTemplateChooser *self,
                      GtkFlowBox        *flow)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.create", get_selected (self) != NULL);
}

/* The card @step places after @child in reading order (negative:
 * before), or, with @vertical, the nearest card in the row above or
 * below: the flow box's own arrow keys need a cursor it only sets on a
 * click, so from the keyboard alone they did nothing. */
static GtkFlowBoxChild *
neighbour (GtkFlowBox      *flow,
           GtkFlowBoxChild *child,
           int              step,
           gboolean         vertical)
{
  int index = gtk_flow_box_child_get_index (child);
  graphene_rect_t here, there;
  GtkFlowBoxChild *best = NULL;
  double best_distance = G_MAXDOUBLE;

  if (!vertical)
    return gtk_flow_box_get_child_at_index (flow, index + step);

  if (!gtk_widget_compute_bounds (GTK_WIDGET (child), GTK_WIDGET (flow), &here))
    return NULL;
  for (int i = 0; ; i++)
    {
      GtkFlowBoxChild *other = gtk_flow_box_get_child_at_index (flow, i);
      double distance;

      if (other == NULL)
        break;
      if (other == child
          || !gtk_widget_compute_bounds (GTK_WIDGET (other), GTK_WIDGET (flow), &there))
        continue;
      /* Only cards wholly above (or below) this one's row. */
      if (step < 0 ? there.origin.y + there.size.height > here.origin.y + 1.0
                   : there.origin.y < here.origin.y + here.size.height - 1.0)
        continue;
      distance = fabs (there.origin.y - here.origin.y) * 4.0
                 + fabs (there.origin.x - here.origin.x);
      if (distance < best_distance)
        {
          best = other;
          best_distance = distance;
        }
    }
  return best;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwTemplateChooser     *self)
{
  GtkFlowBoxChild *current = get_selected (self);
  GtkFlowBoxChild *next = NULL;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self->flow)) == GTK_TEXT_DIR_RTL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (current == NULL)
    current = gtk_flow_box_get_child_at_index (self->flow, 0);
  if (current == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = neighbour (self->flow, current, rtl ? 1 : -1, FALSE);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = neighbour (self->flow, current, rtl ? -1 : 1, FALSE);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = neighbour (self->flow, current, -1, TRUE);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = neighbour (self->flow, current, 1, TRUE);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      next = gtk_flow_box_get_child_at_index (self->flow, 0);
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      for (int i = gtk_flow_box_child_get_index (current); ; i++)
        {
          GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow, i);

          if (child == NULL)
            break;
          next = child;
        }
      break;
    default:
      return FALSE;
    }

  /* At the first or last card the key is used up all the same, so
   * focus does not wander off to the header bar. */
  if (next != NULL)
    {
      gtk_flow_box_select_child (self->flow, next);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  return TRUE;
}

static void
fw_template_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FW_TYPE_TEMPLATE_CHOOSER);

  G_OBJECT_CLASS (fw_template_chooser_parent_class)->dispose (object);
}

static void
fw_template_chooser_class_init (FwTemplateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_template_chooser_dispose;

  /**
   * FwTemplateChooser::chosen:
   * @template_id: the id of the chosen template, as fw_template_create() takes it
   *
   * The user chose a template; the dialog closes right after.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-template-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, FwTemplateChooser, flow);
  gtk_widget_class_bind_template_child (widget_class, FwTemplateChooser, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);

  gtk_widget_class_install_action (widget_class, "chooser.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fw_template_chooser_init (FwTemplateChooser *self)
{
  const FwTemplateInfo *templates;
  GtkFlowBoxChild *first;
  GtkEventController *keys;
  guint n_templates = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  /* Before the flow box's own handling, which needs a cursor it does
   * not have until a card is clicked. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->flow), keys);

  templates = fw_templates_list (&n_templates);
  for (guint i = 0; i < n_templates; i++)
    gtk_flow_box_append (self->flow, create_card (&templates[i]));

  /* The first template is chosen unless the user picks another, and has
   * the focus, so Enter alone creates it and the arrows move the choice. */
  first = gtk_flow_box_get_child_at_index (self->flow, 0);
  if (first != NULL)
    {
      gtk_flow_box_select_child (self->flow, first);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (first));
    }
  on_selection_changed (self, self->flow);
}

GtkWidget *
fw_template_chooser_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (FW_TYPE_TEMPLATE_CHOOSER,
                       "transient-for", parent,
                       NULL);
}
