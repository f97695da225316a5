/* fw-playback-bar.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-playback-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-error.h"
#include "fw-display-number.h"
#include "fw-number-entry.h"
#include "fw-period-words.h"
#include "fw-playback-bar.h"
#include "fw-typed-field.h"
#include "fw-widget-util.h"
#include "fw-wrap-box.h"

/* Periods a second the speed control offers; 1 is where a new window
 * starts (FW_SESSION_DEFAULT_SPEED): two years of months in 24 s. */
static const double speeds[] = { 0.5, 1, 2, 5, 10, 25 };

struct _FwPlaybackBar
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *settings_row;
  GtkButton     *step_back_button;
  GtkButton     *play_button;
  GtkButton     *step_forward_button;
  GtkScale      *period_scale;
  GtkAdjustment *period_adjustment;
  GtkLabel      *period_label;
  GtkDropDown   *speed_dropdown;
  GtkLabel      *horizon_caption;
  GtkSpinButton *horizon_spin;
  GtkLabel      *horizon_unit;
  GtkLabel      *horizon_error;

  FwSession     *session;
  FwDocument    *document;      /* the session's, for the horizon field */
  FwTypedField  *horizon_field;
  FwPeriod       unit_shown;    /* the unit the speeds are worded in */
  gboolean       syncing;       /* setting widgets from the session */
};

G_DEFINE_FINAL_TYPE (FwPlaybackBar, fw_playback_bar, GTK_TYPE_WIDGET)

static const FwProject *
project_of (FwPlaybackBar *self)
{
  return fw_document_get_project (fw_session_get_document (self->session));
}

char *
fw_playback_bar_period_text (FwPeriod unit,
                             guint    period,
                             guint    horizon)
{
  /* The words an exported wheel's caption uses too (src/render). */
  return fw_period_words_position (unit, period, horizon);
}

/* "2 months a second", in the project's unit. */
static char *
speed_text (FwPeriod unit,
            double   speed)
{
  g_autofree char *number = speed == 0.5 ? g_strdup ("½") : fw_display_count (speed);
  gulong n = speed > 1 ? 2 : 1;

  switch (unit)
    {
    case FW_PERIOD_WEEK:
      /* Translators: a playback speed: "2 weeks a second" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week a second", "%s weeks a second", n), number);
    case FW_PERIOD_QUARTER:
      /* Translators: a playback speed: "2 quarters a second" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s quarter a second", "%s quarters a second", n), number);
    case FW_PERIOD_MONTH:
    default:
      /* Translators: a playback speed: "2 months a second" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s month a second", "%s months a second", n), number);
    }
}

static const char *
unit_plural (FwPeriod unit)
{
  switch (unit)
    {
    case FW_PERIOD_WEEK:
      /* Translators: after the horizon field: "24 weeks" */
      return _("weeks");
    case FW_PERIOD_QUARTER:
      /* Translators: after the horizon field: "24 quarters" */
      return _("quarters");
    case FW_PERIOD_MONTH:
    default:
      /* Translators: after the horizon field: "24 months" */
      return _("months");
    }
}

static void
word_speeds (FwPlaybackBar *self)
{
  FwPeriod unit = project_of (self)->period;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GListModel *model = gtk_drop_down_get_model (self->speed_dropdown);
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (model != NULL && unit == self->unit_shown)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    {
      g_autofree char *text = speed_text (unit, speeds[i]);

      gtk_string_list_append (list, text);
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->speed_dropdown, G_LIST_MODEL (list));
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->speed_dropdown, selected);
  self->syncing = FALSE;
  self->unit_shown = unit;
}

static void
show_speed (FwPlaybackBar *self)
{
  double speed = fw_session_get_speed (self->session);
  guint nearest = 0;

  for (guint i = 1; i < G_N_ELEMENTS (speeds); i++)
    if (fabs (speeds[i] - speed) < fabs (speeds[nearest] - speed))
      nearest = i;
  if (gtk_drop_down_get_selected (self->speed_dropdown) == nearest)
    return;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->speed_dropdown, nearest);
  self->syncing = FALSE;
}

static void
on_speed_picked (FwPlaybackBar *self)
{
  guint picked = gtk_drop_down_get_selected (self->speed_dropdown);

  if (self->syncing || self->session == NULL || picked >= G_N_ELEMENTS (speeds))
    return;
  fw_session_set_speed (self->session, speeds[picked]);
}

/* The slider at the period shown, "Month 5 of 24", said to a screen
 * reader as the slider's description beside its number.
 *
 * A *period* slider: while playing it moves by whole periods, when the
 * period shown changes, not with the position gliding between two (the
 * wheel, the figures and the chart's marker ease between periods; the
 * slider, like its words beside it, says which period is on show).
 * GtkRange places its knob by allocation, so each new value lays the
 * whole window out again (and GTK 4.8 asks the X server for the
 * monitor's work area at each layout): gliding, that was a layout every
 * frame. Its value is always a whole period, so a screen reader never
 * hears a fraction (GTK 4.8 also keeps an accessible number within
 * 0.001 of the last one it had, which a gliding value had to keep
 * clear of). */
static void
show_position (FwPlaybackBar *self)
{
  const FwProject *project = project_of (self);
  guint period = fw_session_get_period (self->session);
  g_autofree char *text = fw_playback_bar_period_text (project->period, period, project->horizon);

  self->syncing = TRUE;
  if (gtk_adjustment_get_upper (self->period_adjustment) != project->horizon)
    gtk_adjustment_set_upper (self->period_adjustment, project->horizon);
  if (gtk_adjustment_get_value (self->period_adjustment) != period)
    gtk_adjustment_set_value (self->period_adjustment, period);
  self->syncing = FALSE;

  if (g_strcmp0 (gtk_label_get_text (self->period_label), text) != 0)
    {
      gtk_label_set_text (self->period_label, text);
      /* The value text is the ARIA way; GTK 4.8's AT-SPI bridge gives a
       * slider's Value interface no text (only numbers) and describes a
       * slider by its description alone, so the words go there too:
       * Orca says "Period slider 5, Month 5 of 24". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
}

/* The user moved the slider (pointer, keys, scroll): that period. */
static void
on_slider_moved (FwPlaybackBar *self)
{
  double value = gtk_adjustment_get_value (self->period_adjustment);

  if (self->syncing || self->session == NULL)
    return;
  fw_session_set_period (self->session, (guint) MAX (0.0, round (value)));
  /* A drag lands on whole periods, even while playing. */
  show_position (self);
}

static void
show_playing (FwPlaybackBar *self)
{
  gboolean playing = fw_session_get_playing (self->session);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  fw_widget_set_accessible_label (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
  /* Translators: the play button's tooltip; Space is the key */
  fw_widget_set_tooltip (GTK_WIDGET (self->play_button), playing ? _("Pause (Space)") : _("Play the periods (Space)"));
}

/* The horizon as typed: a whole number of periods within MODEL.md's
 * range, or a reason in the user's words; the unit shown beside it may
 * follow ("36 months"). */
static gboolean
read_horizon (FwPlaybackBar *self,
              const char    *text,
              double        *value,
              GError       **error)
{
  const char *name = _("Horizon");

  if (!fw_typed_field_read_number (name, text, FALSE, gtk_label_get_text (self->horizon_unit),
                                   value, error))
    return FALSE;
  if (*value != floor (*value) || *value < FW_MIN_HORIZON || *value > FW_MAX_HORIZON)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   /* Translators: "Horizon: must be a whole number from 1 to 100000" */
                   _("%s: must be a whole number from %d to %d"), name, FW_MIN_HORIZON, FW_MAX_HORIZON);
      return FALSE;
    }
  return TRUE;
}

/* FwTypedApplyFunc */
static gboolean
apply_horizon (FwTypedField *typed,
               const char   *text,
               gpointer      user_data,
               GError      **error)
{
  FwPlaybackBar *self = user_data;
  double value;

  if (self->session == NULL)
    return TRUE;
  if (!read_horizon (self, text, &value, error))
    return FALSE;
  if ((guint) value == project_of (self)->horizon)
    return TRUE;

  return fw_document_set_horizon (self->document, (guint) value, error);
}

/* FwTypedShowFunc */
static char *
show_horizon (FwTypedField *typed,
              const char   *text,
              gpointer      user_data)
{
  FwPlaybackBar *self = user_data;
  double value;

  if (self->session == NULL)
    return NULL;
  if (text != NULL && fw_number_entry_parse (text, &value) && value == project_of (self)->horizon)
    return NULL;
  return g_strdup_printf ("%u", project_of (self)->horizon);
}

/* In words beside the field too: red alone tells a keyboard user
 * nothing, and a tooltip needs a pointer. */
static void
on_horizon_marked (FwTypedField  *typed,
                   FwPlaybackBar *self)
{
  const char *message = fw_typed_field_get_error (typed);

  fw_widget_set_label (self->horizon_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->horizon_error), message != NULL);
}

static void
show_horizon_field (FwPlaybackBar *self)
{
  if (self->horizon_field == NULL || fw_typed_field_is_applying (self->horizon_field))
    return;

  if (!fw_typed_field_is_pending (self->horizon_field))
    {
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->horizon_spin, project_of (self)->horizon);
      self->syncing = FALSE;
    }
  fw_typed_field_show (self->horizon_field);
  fw_widget_set_label (self->horizon_unit, unit_plural (project_of (self)->period));
}

static int
on_horizon_input (FwPlaybackBar *self,
                  double        *new_value,
                  GtkSpinButton *spin)
{
  if (!read_horizon (self, gtk_editable_get_text (GTK_EDITABLE (spin)), new_value, NULL))
    return GTK_INPUT_ERROR;
  return TRUE;
}

/* Text refused and kept stays (the spin button writes its value on
 * every focus change). */
static gboolean
on_horizon_output (FwPlaybackBar *self,
                   GtkSpinButton *spin)
{
  g_autofree char *text = NULL;

  if (self->horizon_field == NULL || fw_typed_field_is_pending (self->horizon_field))
    return TRUE;

  text = g_strdup_printf ("%.0f", gtk_spin_button_get_value (spin));
  fw_typed_field_set_text (self->horizon_field, text);
  return TRUE;
}

/* The arrows: clicks in a row make one undo step (the document merges
 * edits of the horizon). */
static void
on_horizon_value_changed (FwPlaybackBar *self,
                          GtkSpinButton *spin)
{
  g_autoptr(GError) error = NULL;
  guint value = (guint) gtk_spin_button_get_value_as_int (spin);

  if (self->syncing || self->session == NULL || value == project_of (self)->horizon)
    return;

  if (!fw_document_set_horizon (self->document, value, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
      return;
    }
  fw_typed_field_take_back (self->horizon_field);
}

static void
show_document (FwPlaybackBar *self)
{
  g_set_object (&self->document, fw_session_get_document (self->session));
  if (self->horizon_field == NULL)
    {
      self->horizon_field = fw_typed_field_new (GTK_WIDGET (self->horizon_spin), self->document,
                                              apply_horizon, show_horizon,
                                              G_CALLBACK (on_horizon_marked), self);
      fw_typed_field_set_apply_on_commit (self->horizon_field, TRUE);
    }
  else
    fw_typed_field_set_document (self->horizon_field, self->document);
  fw_typed_field_set_hint (self->horizon_field,
                           _("How many periods the projection runs: the last one the slider reaches."));
}

static void
on_session_changed (FwPlaybackBar  *self,
                    const FwChange *change)
{
  if (change->flags & FW_CHANGE_DOCUMENT)
    show_document (self);
  if (!(change->flags & (FW_CHANGE_PROJECT | FW_CHANGE_DOCUMENT)))
    return;

  word_speeds (self);
  show_speed (self);
  show_position (self);
  show_horizon_field (self);
}

static void
fw_playback_bar_dispose (GObject *object)
{
  FwPlaybackBar *self = FW_PLAYBACK_BAR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_PLAYBACK_BAR);

  G_OBJECT_CLASS (fw_playback_bar_parent_class)->dispose (object);
}

static void
fw_playback_bar_class_init (FwPlaybackBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_playback_bar_dispose;

  g_type_ensure (FW_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-playback-bar.ui");
  /* Every direct child bound, so gtk_widget_dispose_template() removes them all. */
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, box);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, settings_row);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, step_back_button);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, step_forward_button);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, period_scale);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, period_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, period_label);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, horizon_caption);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, horizon_unit);
  gtk_widget_class_bind_template_child (widget_class, FwPlaybackBar, horizon_error);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "playbackbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
fw_playback_bar_init (FwPlaybackBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  fw_widget_name_plainly (GTK_WIDGET (self));

  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Playback"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->period_scale), _("Period"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->speed_dropdown), _("Playback speed"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->horizon_spin), _("Horizon"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->step_back_button), _("Previous period"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->step_forward_button), _("Next period"));
  /* Translators: tooltips; Alt+← and Alt+→ are the keys */
  fw_widget_set_tooltip (GTK_WIDGET (self->step_back_button), _("Previous period (Alt+←)"));
  fw_widget_set_tooltip (GTK_WIDGET (self->step_forward_button), _("Next period (Alt+→)"));
  fw_widget_set_tooltip (GTK_WIDGET (self->period_scale), _("The period on show: drag, or use the arrow keys"));
  fw_widget_set_tooltip (GTK_WIDGET (self->speed_dropdown), _("How fast the periods play"));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  g_signal_connect_object (self->period_adjustment, "value-changed",
                           G_CALLBACK (on_slider_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speed_dropdown, "notify::selected",
                           G_CALLBACK (on_speed_picked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->horizon_spin, "input",
                           G_CALLBACK (on_horizon_input), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->horizon_spin, "output",
                           G_CALLBACK (on_horizon_output), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->horizon_spin, "value-changed",
                           G_CALLBACK (on_horizon_value_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fw_playback_bar_new (void)
{
  return g_object_new (FW_TYPE_PLAYBACK_BAR, NULL);
}

void
fw_playback_bar_set_session (FwPlaybackBar *self,
                             FwSession     *session)
{
  FwChange all = { .flags = FW_CHANGE_ALL | FW_CHANGE_DOCUMENT, .scenario = FW_CHANGE_EVERY_SCENARIO };

  g_return_if_fail (FW_IS_PLAYBACK_BAR (self));
  g_return_if_fail (FW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  /* The period, not the position: the slider moves by whole periods. */
  g_signal_connect_object (session, "notify::period", G_CALLBACK (show_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::playing", G_CALLBACK (show_playing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::speed", G_CALLBACK (show_speed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  on_session_changed (self, &all);
  show_playing (self);
}

GtkRange *
fw_playback_bar_get_slider (FwPlaybackBar *self)
{
  g_return_val_if_fail (FW_IS_PLAYBACK_BAR (self), NULL);

  return GTK_RANGE (self->period_scale);
}

GtkWidget *
fw_playback_bar_get_horizon (FwPlaybackBar *self)
{
  g_return_val_if_fail (FW_IS_PLAYBACK_BAR (self), NULL);

  return GTK_WIDGET (self->horizon_spin);
}
