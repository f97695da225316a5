/* fw-point-editor.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-editor"

#include <glib/gi18n.h>
#include <stddef.h>

#include "fw-number-entry.h"
#include "fw-point-editor.h"
#include "fw-point-text.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

struct _FwPointEditor
{
  GtkPopover   parent_instance;

  /* Template children */
  GtkLabel    *heading_label;
  GtkLabel    *summary_label;
  GtkEntry    *name_entry;
  GtkDropDown *kind_dropdown;
  GtkEntry    *conversion_entry;
  GtkEntry    *churn_entry;
  GtkEntry    *referral_entry;
  GtkWidget   *note_scroller;
  GtkTextView *note_view;
  GtkSwitch   *enabled_switch;
  GtkButton   *remove_button;
  GtkLabel    *error_label;

  FwSession   *session;
  FwDocument  *document;      /* the session's when the editor opened */
  guint        point;
  /* What the point's index means: a scenario switch, or fewer points
   * (another one removed before it), and the index names another point. */
  guint        scenario;
  guint        n_points;
  /* Set while the fields are filled from the document, so that filling
   * them is not taken for typing. */
  gboolean     updating;
  /* Set around the editor's own edits from typing in @typing: the
   * "changed" they cause must not overwrite the text being typed. */
  gboolean     applying;
  GtkWidget   *typing;
};

G_DEFINE_FINAL_TYPE (FwPointEditor, fw_point_editor, GTK_TYPE_POPOVER)

/* The hint a field shows while its value is fine, kept while the field
 * shows an error in its place. */
#define HINT_KEY "fw-point-editor-hint"
/* Why a field's text is not the point's value, while it is marked. */
#define ERROR_KEY "fw-point-editor-error"

static const FwPoint *
current_point (FwPointEditor *self)
{
  const FwScenario *scenario = fw_document_get_scenario (self->document, self->scenario);

  if (self->point >= scenario->points->len)
    return NULL;

  return fw_scenario_get_point (scenario, self->point);
}

/* The fields that can be marked invalid, in the order their messages
 * are listed under them. */
static GtkWidget **
marked_fields (FwPointEditor *self,
               GtkWidget     *fields[7])
{
  fields[0] = GTK_WIDGET (self->name_entry);
  fields[1] = GTK_WIDGET (self->kind_dropdown);
  fields[2] = GTK_WIDGET (self->conversion_entry);
  fields[3] = GTK_WIDGET (self->churn_entry);
  fields[4] = GTK_WIDGET (self->referral_entry);
  fields[5] = self->note_scroller;
  fields[6] = GTK_WIDGET (self->enabled_switch);
  return fields;
}

/* The messages of the invalid fields, in words at the bottom of the
 * form: red alone tells a keyboard user nothing, and a tooltip needs a
 * pointer. */
static void
show_errors (FwPointEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *fields[7];

  marked_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *error = g_object_get_data (G_OBJECT (fields[i]), ERROR_KEY);

      if (error == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, error);
    }

  fw_widget_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
show_invalid (FwPointEditor *self,
              GtkWidget     *field,
              const char    *message)
{
  if (!gtk_widget_has_css_class (field, "error"))
    g_object_set_data_full (G_OBJECT (field), HINT_KEY,
                            g_strdup (gtk_widget_get_tooltip_text (field)), g_free);

  g_object_set_data_full (G_OBJECT (field), ERROR_KEY, g_strdup (message), g_free);
  fw_widget_mark_invalid (field, message, NULL);
  show_errors (self);
}

static void
show_valid (FwPointEditor *self,
            GtkWidget     *field)
{
  if (!gtk_widget_has_css_class (field, "error"))
    return;

  g_object_set_data (G_OBJECT (field), ERROR_KEY, NULL);
  fw_widget_mark_invalid (field, NULL, g_object_get_data (G_OBJECT (field), HINT_KEY));
  show_errors (self);
}

/* A percent as typed (fw_number_entry_parse_percent()). An empty field
 * is not taken for 0: it would put "no effect" in the document while
 * the user is only clearing the field to type another number. */
static gboolean
parse_percent (const char *text,
               double     *value)
{
  return fw_number_entry_parse_percent (text, value);
}

static char *
get_note_text (FwPointEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether the document's value goes into @field now: not while the
 * field's own typing made the change (its text is what is being typed),
 * always otherwise, invalid text included, so that after an undo or an
 * edit made elsewhere no field says what the document does not hold. */
static gboolean
takes_document (FwPointEditor *self,
                gpointer       field)
{
  return !(self->applying && GTK_WIDGET (field) == self->typing);
}

/* Fills an effect field from the document unless it already says the
 * same: rewriting it would move the cursor or eat a "20." being typed.
 * @fill: the first time, to write the value as fields write it. */
static void
sync_effect (FwPointEditor *self,
             GtkEntry      *entry,
             double         value,
             gboolean       fill)
{
  g_autofree char *text = NULL;
  double typed;

  if (!takes_document (self, entry))
    return;

  if (fill ||
      !parse_percent (gtk_editable_get_text (GTK_EDITABLE (entry)), &typed) ||
      typed / 100.0 != value)
    {
      text = fw_number_entry_format_percent (value);
      fw_widget_set_text (GTK_EDITABLE (entry), text);
    }
  show_valid (self, GTK_WIDGET (entry));
}

static void
refresh (FwPointEditor *self,
         gboolean       fill)
{
  const FwPoint *point = current_point (self);
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwScenario *scenario = fw_document_get_scenario (self->document, self->scenario);
  const FwStage *stage;
  g_autofree char *trimmed = NULL;
  g_autofree char *note = NULL;
  g_autofree char *place = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *summary = NULL;

  if (point == NULL)
    return;

  self->updating = TRUE;

  gtk_label_set_text (self->heading_label, point->name);
  stage = fw_scenario_get_stage (scenario, fw_projection_get_point_stage (projection, self->point));
  place = fw_point_text_place (point->kind, stage->name);
  outcome = fw_point_text_impact (fw_document_get_project (self->document), point->enabled,
                                  fw_projection_get_point_impact (projection, self->point));
  /* "Friction on Engage · −35 customers by month 24" */
  summary = g_strdup_printf ("%s · %s", place, outcome);
  gtk_label_set_text (self->summary_label, summary);

  if (takes_document (self, self->name_entry))
    {
      trimmed = fw_name_trim (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      if (g_strcmp0 (trimmed, point->name) != 0)
        fw_widget_set_text (GTK_EDITABLE (self->name_entry), point->name);
      show_valid (self, GTK_WIDGET (self->name_entry));
    }

  if (gtk_drop_down_get_selected (self->kind_dropdown) != (guint) point->kind)
    gtk_drop_down_set_selected (self->kind_dropdown, point->kind);
  show_valid (self, GTK_WIDGET (self->kind_dropdown));

  sync_effect (self, self->conversion_entry, point->conversion, fill);
  sync_effect (self, self->churn_entry, point->churn, fill);
  sync_effect (self, self->referral_entry, point->referral, fill);

  if (takes_document (self, self->note_scroller))
    {
      note = get_note_text (self);
      if (g_strcmp0 (note, point->note) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), point->note, -1);
      show_valid (self, self->note_scroller);
    }

  if (gtk_switch_get_active (self->enabled_switch) != point->enabled)
    gtk_switch_set_active (self->enabled_switch, point->enabled);
  show_valid (self, GTK_WIDGET (self->enabled_switch));

  self->updating = FALSE;
}

static void
on_session_changed (FwPointEditor  *self,
                    const FwChange *change,
                    FwSession      *session)
{
  guint n_points;

  /* Another document or scenario: its point is not on show any more. */
  if (change->flags & (FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN))
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }
  if (!fw_change_touches (change, self->scenario))
    return;

  /* Its point may be gone, or its index may now name another point. */
  n_points = fw_document_get_scenario (self->document, self->scenario)->points->len;
  if (n_points < self->n_points || self->point >= n_points)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  self->n_points = n_points;
  refresh (self, FALSE);
}

/* @field's text has stopped being a value: takes back what the document
 * holds of it so far (the "200" applied on the way to "2000", when 2000%
 * is out of range), so that a value half-typed never stays in the
 * document, and marks the field with @message. The open run is the
 * field's own: fields seal the document when they get the focus. */
static void
refuse (FwPointEditor *self,
        gpointer       field,
        const char    *message)
{
  show_invalid (self, GTK_WIDGET (field), message);

  self->applying = TRUE;
  self->typing = GTK_WIDGET (field);
  fw_document_cancel_run (self->document);
  self->applying = FALSE;
}

/* Puts @edited in the document; a refusal marks @field with the reason
 * and the value stays out of the document. */
static void
apply (FwPointEditor *self,
       const FwPoint *edited,
       gpointer       field)
{
  g_autoptr(GError) error = NULL;
  gboolean applied;

  self->applying = TRUE;
  self->typing = GTK_WIDGET (field);
  applied = fw_document_set_point (self->document, self->scenario, self->point, edited, &error);
  self->applying = FALSE;

  if (applied)
    show_valid (self, GTK_WIDGET (field));
  else
    refuse (self, field, error->message);
}

static void
on_name_changed (FwPointEditor *self,
                 GtkEditable   *entry)
{
  g_autoptr(FwPoint) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;
  const FwPoint *point = current_point (self);
  const char *text = gtk_editable_get_text (entry);

  if (self->updating || point == NULL)
    return;

  if (!fw_check_name (_("Name"), text, &error))
    {
      refuse (self, entry, error->message);
      return;
    }

  trimmed = fw_name_trim (text);
  if (g_strcmp0 (trimmed, point->name) == 0)
    {
      show_valid (self, GTK_WIDGET (entry));
      return;
    }

  edited = fw_point_copy (point);
  g_free (edited->name);
  edited->name = g_steal_pointer (&trimmed);
  apply (self, edited, entry);
}

/* One of the effects, typed in percent (conversion and referral: a
 * relative change; churn: percentage points of the loss rate). */
static void
apply_effect (FwPointEditor *self,
              GtkEntry      *entry,
              const char    *what,
              gsize          offset,
              double         min,
              double         max)
{
  g_autoptr(FwPoint) edited = NULL;
  g_autoptr(GError) error = NULL;
  const FwPoint *point = current_point (self);
  double typed, value;

  if (self->updating || point == NULL)
    return;

  if (!parse_percent (gtk_editable_get_text (GTK_EDITABLE (entry)), &typed))
    {
      g_autofree char *message =
        /* Translators: shown on an effect field holding something else than a number */
        g_strdup_printf (_("%s: type a number, such as −20 or 12.5; 0 means no effect"), what);

      refuse (self, entry, message);
      return;
    }

  /* Checked in the units typed, so the message speaks of what the user
   * sees; the document checks the stored fraction again. */
  if (!fw_check_range (what, typed, min * 100.0, max * 100.0, &error))
    {
      refuse (self, entry, error->message);
      return;
    }

  value = typed / 100.0;
  if (G_STRUCT_MEMBER (double, point, offset) == value)
    {
      show_valid (self, GTK_WIDGET (entry));
      return;
    }

  edited = fw_point_copy (point);
  G_STRUCT_MEMBER (double, edited, offset) = value;
  apply (self, edited, entry);
}

static void
on_conversion_changed (FwPointEditor *self,
                       GtkEntry      *entry)
{
  apply_effect (self, entry, _("Conversion (%)"), G_STRUCT_OFFSET (FwPoint, conversion),
                FW_MIN_CONVERSION, FW_MAX_CONVERSION);
}

static void
on_churn_changed (FwPointEditor *self,
                  GtkEntry      *entry)
{
  apply_effect (self, entry, _("Churn (percentage points)"), G_STRUCT_OFFSET (FwPoint, churn),
                FW_MIN_CHURN_EFFECT, FW_MAX_CHURN_EFFECT);
}

static void
on_referral_changed (FwPointEditor *self,
                     GtkEntry      *entry)
{
  apply_effect (self, entry, _("Referrals (%)"), G_STRUCT_OFFSET (FwPoint, referral),
                FW_MIN_REFERRAL_EFFECT, FW_MAX_REFERRAL_EFFECT);
}

static void
on_kind_changed (FwPointEditor *self,
                 GParamSpec    *pspec,
                 GtkDropDown   *dropdown)
{
  g_autoptr(FwPoint) edited = NULL;
  const FwPoint *point = current_point (self);
  FwPointKind kind = gtk_drop_down_get_selected (dropdown) == 1 ? FW_POINT_FORCE : FW_POINT_FRICTION;

  if (self->updating || point == NULL || point->kind == kind)
    return;

  edited = fw_point_copy (point);
  edited->kind = kind;
  /* A click is one undo step of its own, not part of typing a field. */
  fw_document_seal (self->document);
  apply (self, edited, dropdown);
  fw_document_seal (self->document);
}

static void
on_enabled_changed (FwPointEditor *self,
                    GParamSpec    *pspec,
                    GtkSwitch     *toggle)
{
  g_autoptr(FwPoint) edited = NULL;
  const FwPoint *point = current_point (self);
  gboolean enabled = gtk_switch_get_active (toggle);

  if (self->updating || point == NULL || point->enabled == enabled)
    return;

  edited = fw_point_copy (point);
  edited->enabled = enabled;
  fw_document_seal (self->document);
  apply (self, edited, toggle);
  fw_document_seal (self->document);
}

static void
on_note_changed (FwPointEditor *self,
                 GtkTextBuffer *buffer)
{
  g_autoptr(FwPoint) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  const FwPoint *point = current_point (self);

  if (self->updating || point == NULL)
    return;

  note = get_note_text (self);
  if (!fw_check_note (_("Note"), note, &error))
    {
      refuse (self, self->note_scroller, error->message);
      return;
    }
  if (g_strcmp0 (note, point->note) == 0)
    {
      show_valid (self, self->note_scroller);
      return;
    }

  edited = fw_point_copy (point);
  g_free (edited->note);
  edited->note = g_steal_pointer (&note);
  apply (self, edited, self->note_scroller);
}

static void
on_remove_clicked (FwPointEditor *self,
                   GtkButton     *button)
{
  if (current_point (self) == NULL)
    return;

  /* Removing makes the document shorter, which closes this popover. */
  gtk_widget_activate_action (GTK_WIDGET (self), "point.remove", "u", self->point);
}

static void
fw_point_editor_dispose (GObject *object)
{
  FwPointEditor *self = FW_POINT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_POINT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_point_editor_parent_class)->dispose (object);
}

static void
fw_point_editor_class_init (FwPointEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_point_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-point-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, conversion_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, churn_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, referral_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, note_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_conversion_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_churn_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_referral_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

/* Getting the focus, a field starts a run of keystrokes of its own, so
 * that taking back its run when its text turns invalid takes back only
 * what was typed there; leaving it ends the run. */
static void
on_field_focus (FwPointEditor *self)
{
  if (self->document != NULL)
    fw_document_seal (self->document);
}

static void
fw_point_editor_init (FwPointEditor *self)
{
  GtkWidget *typed[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  typed[0] = GTK_WIDGET (self->name_entry);
  typed[1] = GTK_WIDGET (self->conversion_entry);
  typed[2] = GTK_WIDGET (self->churn_entry);
  typed[3] = GTK_WIDGET (self->referral_entry);
  typed[4] = GTK_WIDGET (self->note_view);

  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Edit point"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->kind_dropdown), _("Kind of point: friction or force"));

  /* GTK 4.8's switch toggles on Enter only; Space is what every other
   * toggle answers to, and what a keyboard user tries first. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                                                         gtk_keyval_trigger_new (GDK_KEY_KP_Space, 0)),
                                                            g_object_ref (gtk_activate_action_get ())));
    gtk_widget_add_controller (GTK_WIDGET (self->enabled_switch), shortcuts);
  }
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "enter", G_CALLBACK (on_field_focus), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_focus), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (typed[i], focus);
    }
}

GtkWidget *
fw_point_editor_new (FwSession *session,
                     guint      point)
{
  FwPointEditor *self;

  g_return_val_if_fail (FW_IS_SESSION (session), NULL);
  g_return_val_if_fail (point < fw_session_get_scenario (session)->points->len, NULL);

  self = g_object_new (FW_TYPE_POINT_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->document = g_object_ref (fw_session_get_document (session));
  self->point = point;
  self->scenario = fw_session_get_scenario_index (session);
  self->n_points = fw_session_get_scenario (session)->points->len;
  g_signal_connect_object (session, "changed",
                           G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);

  /* Edits start a new undo step: not merged into an earlier edit of the
   * same point. */
  fw_document_seal (self->document);
  refresh (self, TRUE);

  return GTK_WIDGET (self);
}

guint
fw_point_editor_get_point (FwPointEditor *self)
{
  g_return_val_if_fail (FW_IS_POINT_EDITOR (self), 0);

  return self->point;
}
