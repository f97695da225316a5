/* fw-point-editor.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-editor"

#include <glib/gi18n.h>
#include <math.h>
#include <stddef.h>

#include "fw-error-text.h"
#include "fw-number-entry.h"
#include "fw-point-editor.h"
#include "fw-point-text.h"
#include "fw-typed-field.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

/* The fields typed into (fw-typed-field.h). */
enum
{
  TYPED_NAME,
  TYPED_CONVERSION,   /* the effects, in Effect order */
  TYPED_CHURN,
  TYPED_REFERRAL,
  TYPED_NOTE,
  N_TYPED
};

struct _FwPointEditor
{
  GtkPopover   parent_instance;

  /* Template children */
  GtkLabel    *heading_label;
  GtkLabel    *summary_label;
  GtkEntry    *name_entry;
  GtkDropDown *kind_dropdown;
  GtkLabel    *conversion_caption;
  GtkLabel    *churn_caption;
  GtkLabel    *referral_caption;
  GtkEntry    *conversion_entry;
  GtkEntry    *churn_entry;
  GtkEntry    *referral_entry;
  GtkWidget   *note_scroller;
  GtkTextView *note_view;
  GtkSwitch   *enabled_switch;
  GtkButton   *remove_button;
  GtkLabel    *against_label;
  GtkLabel    *error_label;
  GtkScrolledWindow *scroller;

  FwSession   *session;
  FwDocument  *document;      /* the session's when the editor opened */
  guint        point;
  /* What the point's index means: a scenario switch, or fewer points
   * (another one removed before it), and the index names another point. */
  guint        scenario;
  guint        n_points;
  /* Set while the fields are filled from the document, so that filling
   * them is not taken for a click. */
  gboolean     updating;
  /* Its point went: what was typed for it goes too. */
  gboolean     point_gone;
  FwTypedField *typed[N_TYPED];
  char        *kind_error;    /* why the kind could not change */
};

G_DEFINE_FINAL_TYPE (FwPointEditor, fw_point_editor, GTK_TYPE_POPOVER)

/* The three effects, each typed in the point's own terms: how much
 * worse a friction makes conversion, how much it adds to churn, how much
 * it cuts referrals; how much a force improves them. The document keeps
 * them with the sign MODEL.md's arithmetic needs (a friction's
 * conversion of "20" worse is -0.2). */
typedef enum
{
  EFFECT_CONVERSION,
  EFFECT_CHURN,
  EFFECT_REFERRAL,
  N_EFFECTS
} Effect;

static const struct {
  gsize  offset;
  double min, max;      /* of the stored value (MODEL.md) */
} effects[N_EFFECTS] = {
  [EFFECT_CONVERSION] = { G_STRUCT_OFFSET (FwPoint, conversion), FW_MIN_CONVERSION, FW_MAX_CONVERSION },
  [EFFECT_CHURN]      = { G_STRUCT_OFFSET (FwPoint, churn), FW_MIN_CHURN_EFFECT, FW_MAX_CHURN_EFFECT },
  [EFFECT_REFERRAL]   = { G_STRUCT_OFFSET (FwPoint, referral), FW_MIN_REFERRAL_EFFECT, FW_MAX_REFERRAL_EFFECT },
};

/* +1 when the number typed for @effect of a point of @kind is the stored
 * value in percent, -1 when it is its opposite: a friction's "worse by
 * 20" conversion is -20 %, a force's "cuts churn by 2" is -2 points. */
static double
effect_sign (FwPointKind kind,
             Effect      effect)
{
  /* Conversion and referrals hurt when they fall; churn when it rises. */
  double hurt = effect == EFFECT_CHURN ? 1.0 : -1.0;

  return kind == FW_POINT_FRICTION ? hurt : -hurt;
}

/* The effect's caption, in the point's terms, with its mnemonic. */
static const char *
effect_caption (FwPointKind kind,
                Effect      effect)
{
  gboolean friction = kind == FW_POINT_FRICTION;

  switch (effect)
    {
    case EFFECT_CONVERSION: return friction ? _("_Conversion worse by") : _("_Conversion better by");
    case EFFECT_CHURN:      return friction ? _("C_hurn up by") : _("C_hurn down by");
    case EFFECT_REFERRAL:   return friction ? _("_Referrals down by") : _("_Referrals up by");
    case N_EFFECTS:
    default:                g_assert_not_reached ();
    }
}

static char *
effect_hint (FwPointKind kind,
             Effect      effect)
{
  gboolean friction = kind == FW_POINT_FRICTION;

  switch (effect)
    {
    case EFFECT_CONVERSION:
      return g_strdup (friction ? _("How much smaller this friction makes the share of people who move on: 20 turns 30 % into 24 %.")
                                : _("How much larger this force makes the share of people who move on: 20 turns 30 % into 36 %."));
    case EFFECT_CHURN:
      return g_strdup (friction ? _("How many percentage points this friction adds to the share of people lost each period: 2 turns 5 % into 7 %.")
                                : _("How many percentage points this force takes off the share of people lost each period: 2 turns 5 % into 3 %."));
    case EFFECT_REFERRAL:
      return g_strdup (friction ? _("How much this friction cuts the new leads each person here brings: 50 turns 0.1 into 0.05.")
                                : _("How much this force adds to the new leads each person here brings: 50 turns 0.1 into 0.15."));
    case N_EFFECTS:
    default:
      g_assert_not_reached ();
    }
}

static double
effect_value (const FwPoint *point,
              Effect         effect)
{
  return G_STRUCT_MEMBER (double, point, effects[effect].offset);
}

static const FwPoint *
current_point (FwPointEditor *self)
{
  const FwScenario *scenario;

  if (self->document == NULL)
    return NULL;
  scenario = fw_document_get_scenario (self->document, self->scenario);
  if (self->point >= scenario->points->len)
    return NULL;

  return fw_scenario_get_point (scenario, self->point);
}

/* The messages of the invalid fields, in words at the bottom of the
 * form: red alone tells a keyboard user nothing, and a tooltip needs a
 * pointer. */
static void
show_errors (FwPointEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < N_TYPED; i++)
    {
      const char *error = self->typed[i] != NULL ? fw_typed_field_get_error (self->typed[i]) : NULL;

      if (error == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, error);
    }
  if (self->kind_error != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, self->kind_error);
    }

  fw_widget_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
on_field_marked (FwTypedField  *typed,
                 FwPointEditor *self)
{
  show_errors (self);
}

static int
effect_of (FwPointEditor *self,
           FwTypedField  *typed)
{
  for (Effect effect = 0; effect < N_EFFECTS; effect++)
    if (self->typed[TYPED_CONVERSION + effect] == typed)
      return effect;
  return -1;
}

/* Puts @edited in the document, as an edit of the point. */
static gboolean
set_point (FwPointEditor  *self,
           const FwPoint  *edited,
           GError        **error)
{
  if (fw_document_set_point (self->document, self->scenario, self->point, edited, error))
    return TRUE;
  fw_error_text_word_edit (error);
  return FALSE;
}

/* An effect's text into the document (FwTypedApplyFunc). */
/* The unit the editor shows beside @effect's field ("%", or "pts" for
 * churn's percentage points), which may be typed after the number. */
static const char *
effect_unit (Effect effect)
{
  /* Translators: short for percentage points, as in "+1.5 pts churn" */
  return effect == EFFECT_CHURN ? _("pts") : "%";
}

static gboolean
apply_effect (FwTypedField  *typed,
              const char    *text,
              gpointer       user_data,
              GError       **error)
{
  FwPointEditor *self = user_data;
  const FwPoint *point = current_point (self);
  Effect effect = effect_of (self, typed);
  g_autofree char *name = NULL;
  g_autoptr(FwPoint) edited = NULL;
  double sign, typed_value, lo, hi, value;

  if (point == NULL)
    return TRUE;

  name = fw_widget_strip_mnemonic (effect_caption (point->kind, effect));
  if (!fw_typed_field_read_number (name, text, TRUE, effect_unit (effect), &typed_value, error))
    return FALSE;

  /* Checked in the units and the direction typed, so the message speaks
   * of what the user sees; the document checks the stored value again. */
  sign = effect_sign (point->kind, effect);
  lo = MIN (sign * effects[effect].min, sign * effects[effect].max) * 100.0;
  hi = MAX (sign * effects[effect].min, sign * effects[effect].max) * 100.0;
  if (!fw_error_text_check_range (name, typed_value, lo, hi, error))
    return FALSE;

  value = sign * typed_value / 100.0;
  if (value == 0.0)
    value = 0.0;    /* no "-0" stored for a typed 0 */
  if (effect_value (point, effect) == value)
    return TRUE;

  edited = fw_point_copy (point);
  G_STRUCT_MEMBER (double, edited, effects[effect].offset) = value;
  return set_point (self, edited, error);
}

static char *
show_effect (FwTypedField *typed,
             const char   *text,
             gpointer      user_data)
{
  FwPointEditor *self = user_data;
  const FwPoint *point = current_point (self);
  Effect effect = effect_of (self, typed);
  double sign, typed_value;

  if (point == NULL)
    return NULL;

  sign = effect_sign (point->kind, effect);
  if (text != NULL && fw_number_entry_parse_percent (text, &typed_value) &&
      sign * typed_value / 100.0 == effect_value (point, effect))
    return NULL;
  return fw_number_entry_format_percent (sign * effect_value (point, effect) + 0.0);
}

static gboolean
apply_name (FwTypedField  *typed,
            const char    *text,
            gpointer       user_data,
            GError       **error)
{
  FwPointEditor *self = user_data;
  const FwPoint *point = current_point (self);
  g_autoptr(FwPoint) edited = NULL;
  g_autofree char *trimmed = NULL;

  if (point == NULL)
    return TRUE;
  if (!fw_error_text_check_name (_("Name"), text, error))
    return FALSE;

  trimmed = fw_name_trim (text);
  if (g_strcmp0 (trimmed, point->name) == 0)
    return TRUE;

  edited = fw_point_copy (point);
  g_free (edited->name);
  edited->name = g_steal_pointer (&trimmed);
  return set_point (self, edited, error);
}

static char *
show_name (FwTypedField *typed,
           const char   *text,
           gpointer      user_data)
{
  FwPointEditor *self = user_data;
  const FwPoint *point = current_point (self);
  g_autofree char *trimmed = text != NULL ? fw_name_trim (text) : NULL;

  if (point == NULL || g_strcmp0 (trimmed, point->name) == 0)
    return NULL;
  return g_strdup (point->name);
}

static gboolean
apply_note (FwTypedField  *typed,
            const char    *text,
            gpointer       user_data,
            GError       **error)
{
  FwPointEditor *self = user_data;
  const FwPoint *point = current_point (self);
  g_autoptr(FwPoint) edited = NULL;

  if (point == NULL)
    return TRUE;
  if (!fw_error_text_check_note (_("Note"), text, error))
    return FALSE;
  if (g_strcmp0 (text, point->note) == 0)
    return TRUE;

  edited = fw_point_copy (point);
  g_free (edited->note);
  edited->note = g_strdup (text);
  return set_point (self, edited, error);
}

static char *
show_note (FwTypedField *typed,
           const char   *text,
           gpointer      user_data)
{
  const FwPoint *point = current_point (user_data);

  if (point == NULL || g_strcmp0 (text, point->note) == 0)
    return NULL;
  return g_strdup (point->note);
}

/* Captions, hints and names follow the point's kind; a point whose
 * effects work against its kind says so. */
static void
show_kind_words (FwPointEditor *self,
                 const FwPoint *point)
{
  GtkLabel *captions[N_EFFECTS] = { self->conversion_caption, self->churn_caption, self->referral_caption };

  for (Effect effect = 0; effect < N_EFFECTS; effect++)
    {
      const char *caption = effect_caption (point->kind, effect);
      g_autofree char *plain = fw_widget_strip_mnemonic (caption);
      g_autofree char *hint = effect_hint (point->kind, effect);
      /* "Conversion worse by (percent), point Slow first response": a
       * screen reader user hears which point, as a stage's fields name
       * their stage. */
      g_autofree char *label = g_strdup_printf (_("%s (%s), point %s"), plain,
                                                effect == EFFECT_CHURN ? _("percentage points") : _("percent"),
                                                point->name);

      if (g_strcmp0 (gtk_label_get_label (captions[effect]), caption) != 0)
        gtk_label_set_text_with_mnemonic (captions[effect], caption);
      fw_typed_field_set_hint (self->typed[TYPED_CONVERSION + effect], hint);
      fw_widget_set_accessible_label (fw_typed_field_get_widget (self->typed[TYPED_CONVERSION + effect]), label);
    }

  {
    g_autofree char *editor_name = g_strdup_printf (_("Edit point %s"), point->name);
    g_autofree char *name_name = g_strdup_printf (_("Name of point %s"), point->name);
    g_autofree char *note_name = g_strdup_printf (_("Note on point %s"), point->name);

    fw_widget_set_accessible_label (GTK_WIDGET (self), editor_name);
    fw_widget_set_accessible_label (GTK_WIDGET (self->name_entry), name_name);
    fw_widget_set_accessible_label (GTK_WIDGET (self->note_view), note_name);
  }

  {
    g_autofree char *against = fw_point_text_against (point);

    fw_widget_set_label (self->against_label, against != NULL ? against : "");
    gtk_widget_set_visible (GTK_WIDGET (self->against_label), against != NULL);
    /* A screen reader hears it with the point's name. */
    if (against != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, against, -1);
    else
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  }
}

static void
refresh (FwPointEditor *self)
{
  const FwPoint *point = current_point (self);
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwScenario *scenario = fw_document_get_scenario (self->document, self->scenario);
  const FwStage *stage;
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

  if (gtk_drop_down_get_selected (self->kind_dropdown) != (guint) point->kind)
    gtk_drop_down_set_selected (self->kind_dropdown, point->kind);
  show_kind_words (self, point);

  for (guint i = 0; i < N_TYPED; i++)
    {
      /* Text refused and kept here outlives the popover (a click
       * elsewhere closes it): the document keeps it under this key, and
       * the point's next editor shows it again (fw_typed_field_stash ()).
       * Unlike a stage's keys (fw_stage_row_key_prefix ()), it starts
       * with a line break, which no scenario name does. */
      g_autofree char *key = g_strdup_printf ("\npoint\n%s\n%s\n%u", scenario->name, point->name, i);

      fw_typed_field_show (self->typed[i]);
      fw_typed_field_set_key (self->typed[i], key);
    }

  if (gtk_switch_get_active (self->enabled_switch) != point->enabled)
    gtk_switch_set_active (self->enabled_switch, point->enabled);

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
      self->point_gone = TRUE;
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }

  self->n_points = n_points;
  refresh (self);
}

/* A click is one undo step of its own, not part of typing a field. */
static gboolean
apply_click (FwPointEditor  *self,
             const FwPoint  *edited,
             GError        **error)
{
  gboolean applied;

  fw_document_seal (self->document);
  applied = set_point (self, edited, error);
  fw_document_seal (self->document);
  return applied;
}

/* Switching kind keeps the size of each effect and points it the new
 * kind's way: a friction that makes conversion 20 % worse becomes a
 * force that makes it 20 % better, and a friction flagged for helping
 * (typed "-20" worse) becomes the force it was meant to be, 20 % better,
 * no longer flagged. */
static void
on_kind_changed (FwPointEditor *self,
                 GParamSpec    *pspec,
                 GtkDropDown   *dropdown)
{
  g_autoptr(FwPoint) edited = NULL;
  g_autoptr(GError) error = NULL;
  const FwPoint *point = current_point (self);
  FwPointKind kind = gtk_drop_down_get_selected (dropdown) == 1 ? FW_POINT_FORCE : FW_POINT_FRICTION;

  if (self->updating || point == NULL || point->kind == kind)
    return;

  edited = fw_point_copy (point);
  edited->kind = kind;
  for (Effect effect = 0; effect < N_EFFECTS; effect++)
    G_STRUCT_MEMBER (double, edited, effects[effect].offset) =
      effect_sign (kind, effect) * fabs (effect_value (point, effect)) + 0.0;

  g_clear_pointer (&self->kind_error, g_free);
  if (!apply_click (self, edited, &error))
    {
      const char *other = kind == FW_POINT_FORCE ? _("a force") : _("a friction");

      /* Conversion may rise tenfold but fall only to nothing: a force
       * improving it by 500 % has no friction of the same size. */
      self->kind_error = g_strdup_printf (_("Kind: its effects are too large for %s; make them smaller first"),
                                          other);
      self->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, point->kind);
      self->updating = FALSE;
    }
  fw_widget_mark_invalid (GTK_WIDGET (dropdown), self->kind_error, NULL);
  show_errors (self);
}

static void
on_enabled_changed (FwPointEditor *self,
                    GParamSpec    *pspec,
                    GtkSwitch     *toggle)
{
  g_autoptr(FwPoint) edited = NULL;
  g_autoptr(GError) error = NULL;
  const FwPoint *point = current_point (self);
  gboolean enabled = gtk_switch_get_active (toggle);

  if (self->updating || point == NULL || point->enabled == enabled)
    return;

  edited = fw_point_copy (point);
  edited->enabled = enabled;
  if (!apply_click (self, edited, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);  /* worded by set_point () */
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

  /* Closed, whichever way: refused text is kept for the point's next
   * editor, and the window asks before it is lost (fw-window-pending.c). */
  for (guint i = 0; i < N_TYPED; i++)
    {
      if (self->typed[i] != NULL && !self->point_gone)
        fw_typed_field_stash (self->typed[i]);
      self->typed[i] = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_POINT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->session);
  g_clear_pointer (&self->kind_error, g_free);

  G_OBJECT_CLASS (fw_point_editor_parent_class)->dispose (object);
}

/* What the popover adds round its form (its padding, its arrow, its
 * frame), and a margin from the screen's edges. */
#define SCREEN_ALLOWANCE 48

/* The form never taller than the screen it opens on: on a low screen
 * (1024x600, or 1280x720 with a long note and a message) it scrolls
 * rather than running off the edge, where its Remove button would be
 * out of reach. Set as it shows, before GTK sizes the popover. */
static void
fw_point_editor_show (GtkWidget *widget)
{
  FwPointEditor *self = FW_POINT_EDITOR (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkNative *native = parent != NULL ? gtk_widget_get_native (parent) : NULL;
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface) : NULL;

  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_scrolled_window_set_max_content_height (self->scroller, MAX (geometry.height - SCREEN_ALLOWANCE, 120));
    }
  GTK_WIDGET_CLASS (fw_point_editor_parent_class)->show (widget);
}

/* Ctrl+Tab moves on through the form as Tab does (it is how a keyboard
 * user leaves the note). The scrolled window round the form would take
 * it to move the focus out of itself, that is out of the whole form,
 * and leave it where it was. */
static void
on_move_focus_out (FwPointEditor    *self,
                   GtkDirectionType  direction)
{
  g_signal_stop_emission_by_name (self->scroller, "move-focus-out");
  g_signal_emit_by_name (gtk_widget_get_root (GTK_WIDGET (self)), "move-focus", direction);
}

static void
fw_point_editor_class_init (FwPointEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_point_editor_dispose;
  widget_class->show = fw_point_editor_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-point-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, conversion_caption);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, churn_caption);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, referral_caption);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, conversion_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, churn_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, referral_entry);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, note_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, against_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FwPointEditor, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
fw_point_editor_init (FwPointEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  fw_widget_set_accessible_label (GTK_WIDGET (self->kind_dropdown), _("Kind of point: friction or force"));
  g_signal_connect_swapped (self->scroller, "move-focus-out", G_CALLBACK (on_move_focus_out), self);

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

  {
    GtkWidget *widgets[N_TYPED] = {
      [TYPED_NAME] = GTK_WIDGET (self->name_entry),
      [TYPED_CONVERSION] = GTK_WIDGET (self->conversion_entry),
      [TYPED_CHURN] = GTK_WIDGET (self->churn_entry),
      [TYPED_REFERRAL] = GTK_WIDGET (self->referral_entry),
      [TYPED_NOTE] = GTK_WIDGET (self->note_view),
    };

    for (guint i = 0; i < N_TYPED; i++)
      self->typed[i] =
        fw_typed_field_new (widgets[i], self->document,
                            i == TYPED_NAME ? apply_name : i == TYPED_NOTE ? apply_note : apply_effect,
                            i == TYPED_NAME ? show_name : i == TYPED_NOTE ? show_note : show_effect,
                            G_CALLBACK (on_field_marked), self);
    fw_typed_field_set_hint (self->typed[TYPED_NAME], _("The point's name, as the wheel and the list show it"));
  }

  /* Edits start a new undo step: not merged into an earlier edit of the
   * same point. */
  fw_document_seal (self->document);
  refresh (self);

  return GTK_WIDGET (self);
}

guint
fw_point_editor_get_point (FwPointEditor *self)
{
  g_return_val_if_fail (FW_IS_POINT_EDITOR (self), 0);

  return self->point;
}
