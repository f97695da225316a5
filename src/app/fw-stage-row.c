/* fw-stage-row.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-stage-row"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fw-error-text.h"
#include "fw-display-number.h"
#include "fw-error.h"
#include "fw-number-entry.h"
#include "fw-point-text.h"
#include "fw-stage-row.h"
#include "fw-typed-field.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

/* The row's text fields. The numbers are edited one field at a time with
 * fw_document_set_stage_field(), the name with fw_document_set_stage(). */
typedef enum
{
  FIELD_NAME,
  FIELD_COUNT,
  FIELD_ADVANCE,
  FIELD_LOSS,
  FIELD_REFERRAL,
  FIELD_WEIGHT,
  N_FIELDS
} Field;

typedef struct
{
  GtkEntry *entry;
  GtkLabel *caption;       /* NULL for the name */
  GtkLabel *unit;          /* NULL for the name */
  char     *tooltip;       /* what the field means, when it is valid */
  FwTypedField *typed;     /* applying, refusing and keeping its text */
} FieldState;

/* How each number field is stored: rates are typed as percentages. */
static const struct {
  FwStageField doc_field;
  gboolean     percent;
} numbers[N_FIELDS] = {
  [FIELD_COUNT]    = { FW_STAGE_COUNT,    FALSE },
  [FIELD_ADVANCE]  = { FW_STAGE_ADVANCE,  TRUE },
  [FIELD_LOSS]     = { FW_STAGE_LOSS,     TRUE },
  [FIELD_REFERRAL] = { FW_STAGE_REFERRAL, FALSE },
  [FIELD_WEIGHT]   = { FW_STAGE_WEIGHT,   FALSE },
};

struct _FwStageRow
{
  GtkListBoxRow   parent_instance;

  FwSession      *session;
  FwDocument     *document;     /* the session's when the row was made */
  guint           stage;
  /* Showing the document's values: the widgets' signals are not edits. */
  gboolean        updating;

  FieldState      fields[N_FIELDS];

  GtkColorButton *color_button;
  GtkEntry       *name_entry;
  GtkButton      *move_up_button;
  GtkButton      *move_down_button;
  GtkButton      *remove_button;
  GtkWidget      *move_up_box;
  GtkWidget      *move_down_box;
  GtkWidget      *remove_box;
  GtkCheckButton *customer_check;
  GtkEntry       *count_entry;
  GtkEntry       *advance_entry;
  GtkEntry       *loss_entry;
  GtkEntry       *referral_entry;
  GtkEntry       *weight_entry;
  GtkLabel       *count_caption;
  GtkLabel       *advance_caption;
  GtkLabel       *loss_caption;
  GtkLabel       *referral_caption;
  GtkLabel       *weight_caption;
  GtkLabel       *count_unit;
  GtkLabel       *advance_unit;
  GtkLabel       *loss_unit;
  GtkLabel       *referral_unit;
  GtkLabel       *weight_unit;
  GtkLabel       *error_label;
  GtkLabel       *rates_note;
};

G_DEFINE_FINAL_TYPE (FwStageRow, fw_stage_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Numbers as typed and shown. */

/* Reads @field's text: rates in percent, where a '%' may follow. */
static gboolean
parse_field (Field       field,
             const char *text,
             double     *typed)
{
  if (numbers[field].percent)
    return fw_number_entry_parse_percent (text, typed);
  return fw_number_entry_parse (text, typed);
}

/* A stage's value as its field shows it: rates as percentages ("7" for
 * 0.07), other numbers exactly. */
static char *
format_field_value (Field  field,
                    double value)
{
  if (numbers[field].percent)
    return fw_number_entry_format_percent (value);
  return fw_number_entry_format (value);
}

static double
stage_value (const FwStage *stage,
             Field          field)
{
  switch (field)
    {
    case FIELD_COUNT:    return stage->count;
    case FIELD_ADVANCE:  return stage->advance;
    case FIELD_LOSS:     return stage->loss;
    case FIELD_REFERRAL: return stage->referral;
    case FIELD_WEIGHT:   return stage->weight;
    case FIELD_NAME:
    case N_FIELDS:
    default:             g_assert_not_reached ();
    }
}

/* What the document would store for @typed. */
static double
typed_to_value (Field  field,
                double typed)
{
  return numbers[field].percent ? typed / 100.0 : typed;
}

static const FwStage *
get_stage (FwStageRow *self)
{
  const FwScenario *scenario = fw_session_get_scenario (self->session);

  g_assert (self->stage < scenario->stages->len);
  return fw_scenario_get_stage (scenario, self->stage);
}

static const char *
period_noun (FwStageRow *self)
{
  return fw_point_text_period (fw_document_get_project (self->document)->period);
}

/* The field's name in messages ("Advance: must be between 0 and 100"). */
static const char *
field_name (FwStageRow *self,
            Field       field)
{
  switch (field)
    {
    case FIELD_NAME:     return _("Name");
    case FIELD_COUNT:    return _("People now");
    case FIELD_ADVANCE:  return _("Advance");
    case FIELD_LOSS:     return get_stage (self)->customer ? _("Churn") : _("Drop-off");
    case FIELD_REFERRAL: return _("Referrals");
    case FIELD_WEIGHT:   return _("Share of circle");
    case N_FIELDS:
    default:             g_assert_not_reached ();
    }
}

/* The unit shown beside @field, which may be typed after its number
 * ("1500 people"); NULL for the share of circle, whose label beside it
 * is the share it makes ("33%"), not a unit. */
static const char *
field_unit (FwStageRow *self,
            Field       field)
{
  if (field == FIELD_WEIGHT || self->fields[field].unit == NULL)
    return NULL;
  return gtk_label_get_text (self->fields[field].unit);
}

/* Marking fields valid and invalid: fw-typed-field.c does it for each
 * field; the row lists their reasons. */

static Field
field_of (FwStageRow   *self,
          FwTypedField *typed)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->fields[field].typed == typed)
      return field;

  g_assert_not_reached ();
}

/* The messages of the row's invalid fields, in words under its fields:
 * red alone tells a keyboard user nothing, and a tooltip needs a
 * pointer. */
static void
show_errors (FwStageRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (Field field = 0; field < N_FIELDS; field++)
    {
      const char *error = self->fields[field].typed != NULL
                          ? fw_typed_field_get_error (self->fields[field].typed) : NULL;

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
on_field_marked (FwTypedField *typed,
                 FwStageRow   *self)
{
  show_errors (self);
}

/* The clash between advance and loss in the percentages the user typed,
 * rather than the document's fractions; written as the other refusals
 * write their numbers (fw_error_text_check_range()). */
static char *
sum_message (FwStageRow *self,
             Field       field,
             double      typed)
{
  const FwStage *stage = get_stage (self);
  Field other = field == FIELD_ADVANCE ? FIELD_LOSS : FIELD_ADVANCE;
  g_autofree char *mine = fw_display_exact (typed);
  g_autofree char *theirs = fw_display_exact (fw_number_entry_percent (stage_value (stage, other)));
  g_autofree char *loss_name = g_utf8_strdown (field_name (self, FIELD_LOSS), -1);

  return g_strdup_printf (_("%s and %s together must be at most 100%%, got %s%% + %s%%"),
                          field_name (self, FIELD_ADVANCE), loss_name,
                          field == FIELD_ADVANCE ? mine : theirs,
                          field == FIELD_ADVANCE ? theirs : mine);
}

/* Edits. */

static gboolean
check_typed (FwStageRow  *self,
             Field        field,
             double       typed,
             GError     **error)
{
  const char *name = field_name (self, field);

  switch (field)
    {
    case FIELD_COUNT:    return fw_error_text_check_range (name, typed, 0.0, FW_MAX_COUNT, error);
    case FIELD_ADVANCE:
    case FIELD_LOSS:     return fw_error_text_check_range (name, typed, 0.0, 100.0, error);
    case FIELD_REFERRAL: return fw_error_text_check_range (name, typed, 0.0, FW_MAX_REFERRAL, error);
    case FIELD_WEIGHT:   return fw_error_text_check_weight (name, typed, error);
    case FIELD_NAME:
    case N_FIELDS:
    default:             g_assert_not_reached ();
    }
}

/* Whether the row still shows a stage: a row on its way out of a list
 * being rebuilt gets the focus-leave of its fields after its stage went. */
static gboolean
has_stage (FwStageRow *self)
{
  return self->document != NULL && self->session != NULL &&
         self->stage < fw_session_get_scenario (self->session)->stages->len;
}

static gboolean
apply_stage (FwStageRow     *self,
             const FwStage  *value,
             GError        **error)
{
  return fw_document_set_stage (self->document, fw_session_get_scenario_index (self->session),
                                self->stage, value, error);
}

/* The text of a number field into the document (FwTypedApplyFunc). */
static gboolean
apply_number (FwTypedField  *typed,
              const char    *text,
              gpointer       user_data,
              GError       **error)
{
  FwStageRow *self = user_data;
  Field field = field_of (self, typed);
  g_autoptr(GError) refused = NULL;
  const FwStage *stage;
  double typed_value, value;

  if (!has_stage (self))
    return TRUE;

  if (!fw_typed_field_read_number (field_name (self, field), text, numbers[field].percent,
                                   field_unit (self, field), &typed_value, error) ||
      !check_typed (self, field, typed_value, error))
    return FALSE;

  value = typed_to_value (field, typed_value);
  stage = get_stage (self);
  if (value == stage_value (stage, field))
    return TRUE;

  if (fw_document_set_stage_field (self->document, fw_session_get_scenario_index (self->session),
                                   self->stage, numbers[field].doc_field, value, &refused))
    return TRUE;

  if ((field == FIELD_ADVANCE && !(value + stage->loss <= 1.0)) ||
      (field == FIELD_LOSS && !(stage->advance + value <= 1.0)))
    {
      g_autofree char *message = sum_message (self, field, typed_value);

      g_set_error_literal (error, FW_ERROR, FW_ERROR_INVALID, message);
    }
  else
    {
      fw_error_text_word_edit (&refused);
      g_propagate_error (error, g_steal_pointer (&refused));
    }
  return FALSE;
}

/* The name field's text into the document (FwTypedApplyFunc). */
static gboolean
apply_name (FwTypedField  *typed,
            const char    *text,
            gpointer       user_data,
            GError       **error)
{
  FwStageRow *self = user_data;
  const FwScenario *scenario;
  g_autoptr(FwStage) copy = NULL;
  g_autofree char *trimmed = NULL;

  if (!has_stage (self))
    return TRUE;

  if (!fw_error_text_check_name (field_name (self, FIELD_NAME), text, error))
    return FALSE;

  trimmed = fw_name_trim (text);
  if (strcmp (trimmed, get_stage (self)->name) == 0)
    return TRUE;

  /* Said here in words; the document would name the other stage by its
   * index. */
  scenario = fw_session_get_scenario (self->session);
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      if (i != self->stage && strcmp (fw_scenario_get_stage (scenario, i)->name, trimmed) == 0)
        {
          g_autofree char *quoted = fw_quote_text (trimmed);

          g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                       _("%s: %s is already the name of another stage"),
                       field_name (self, FIELD_NAME), quoted);
          return FALSE;
        }
    }

  copy = fw_stage_copy (get_stage (self));
  g_free (copy->name);
  copy->name = g_steal_pointer (&trimmed);

  if (apply_stage (self, copy, error))
    return TRUE;
  fw_error_text_word_edit (error);
  return FALSE;
}

/* The document's value as a field writes it, or NULL when @text already
 * says it, perhaps written differently ("7.0" for 7), so that the cursor
 * does not jump (FwTypedShowFunc). */
static char *
show_value (FwTypedField *typed,
            const char   *text,
            gpointer      user_data)
{
  FwStageRow *self = user_data;
  Field field = field_of (self, typed);
  const FwStage *stage;
  double value;

  if (!has_stage (self))
    return NULL;

  stage = get_stage (self);
  if (field == FIELD_NAME)
    {
      g_autofree char *trimmed = text != NULL ? fw_name_trim (text) : NULL;

      return g_strcmp0 (trimmed, stage->name) == 0 ? NULL : g_strdup (stage->name);
    }

  if (text != NULL && parse_field (field, text, &value) &&
      typed_to_value (field, value) == stage_value (stage, field))
    return NULL;
  return format_field_value (field, stage_value (stage, field));
}

static void
show_error (FwStageRow   *self,
            const GError *error)
{
  g_autofree char *message = fw_error_text_edit (error);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", message);
}


static void
on_customer_toggled (GtkCheckButton *check,
                     FwStageRow     *self)
{
  g_autoptr(FwStage) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  copy = fw_stage_copy (get_stage (self));
  copy->customer = gtk_check_button_get_active (check);

  /* A click is one undo step of its own, not part of typing the name. */
  fw_document_seal (self->document);
  if (!apply_stage (self, copy, &error))
    {
      self->updating = TRUE;
      gtk_check_button_set_active (check, get_stage (self)->customer);
      self->updating = FALSE;
      show_error (self, error);
    }
  fw_document_seal (self->document);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) lround (CLAMP (rgba->red, 0.0, 1.0) * 255.0),
                          (int) lround (CLAMP (rgba->green, 0.0, 1.0) * 255.0),
                          (int) lround (CLAMP (rgba->blue, 0.0, 1.0) * 255.0));
}

static void
on_color_set (GtkColorButton *button,
              FwStageRow     *self)
{
  g_autoptr(FwStage) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  if (self->updating)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = rgba_to_hex (&rgba);
  if (g_ascii_strcasecmp (hex, get_stage (self)->color) == 0)
    return;

  copy = fw_stage_copy (get_stage (self));
  g_strlcpy (copy->color, hex, sizeof copy->color);

  fw_document_seal (self->document);
  if (!apply_stage (self, copy, &error))
    {
      show_error (self, error);
      fw_stage_row_update (self);
    }
  fw_document_seal (self->document);
}

static void
on_move_up_clicked (GtkButton  *button,
                    FwStageRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_move_down_clicked (GtkButton  *button,
                      FwStageRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_remove_clicked (GtkButton  *button,
                   FwStageRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Showing the document. */


/* The tooltip goes on the box around the button, where it shows even
 * when the button is insensitive; a screen reader hears it as the
 * button's description. */
static void
set_button_tooltip (GtkWidget  *box,
                    GtkButton  *button,
                    const char *text)
{
  /* Lazily, as every tooltip of the row (fw-widget-util.h): sixteen
   * rows of eleven tooltips, given eagerly, asked the display where the
   * pointer was 176 times as a project opened. */
  if (fw_widget_set_tooltip_lazily (box, text))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

static void
set_field_tooltip (FwStageRow *self,
                   Field       field,
                   char       *tooltip)
{
  FieldState *state = &self->fields[field];

  if (g_strcmp0 (state->tooltip, tooltip) == 0)
    {
      g_free (tooltip);
      return;
    }

  g_free (state->tooltip);
  state->tooltip = tooltip;
  if (state->typed != NULL)
    fw_typed_field_set_hint (state->typed, tooltip);
}

static void
show_color (FwStageRow    *self,
            const FwStage *stage)
{
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  hex = rgba_to_hex (&rgba);
  if (g_ascii_strcasecmp (hex, stage->color) != 0 && gdk_rgba_parse (&rgba, stage->color))
    {
      self->updating = TRUE;
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
      self->updating = FALSE;
    }
}

/* Captions, units, tooltips and accessible names: they follow the
 * stage's name, its customer flag and the project's period. */
static void
show_words (FwStageRow    *self,
            const FwStage *stage,
            guint          n_stages)
{
  const char *period = period_noun (self);
  gboolean last = self->stage + 1 == n_stages;
  g_autofree char *advance_caption = g_strdup_printf (_("_Advance per %s"), period);
  g_autofree char *loss_caption = g_strdup_printf (stage->customer ? _("C_hurn per %s")
                                                                   : _("_Drop-off per %s"),
                                                   period);
  g_autofree char *referral_caption = g_strdup_printf (_("_Referrals per %s"), period);
  g_autofree char *color_label = g_strdup_printf (_("Colour of stage %s"), stage->name);
  g_autofree char *up_label = g_strdup_printf (_("Move %s up"), stage->name);
  g_autofree char *down_label = g_strdup_printf (_("Move %s down"), stage->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove stage %s"), stage->name);
  g_autofree char *customer_label = g_strdup_printf (_("People in %s are paying customers"), stage->name);
  g_autofree char *name_label = g_strdup_printf (_("Name of stage %s"), stage->name);
  double start, end;

  fw_widget_set_label (self->advance_caption, advance_caption);
  fw_widget_set_label (self->loss_caption, loss_caption);
  fw_widget_set_label (self->referral_caption, referral_caption);

  /* The share of circle as the wheel draws it, so "1" means something. */
  fw_scenario_stage_arc (fw_session_get_scenario (self->session), self->stage, &start, &end);
  {
    g_autofree char *share = fw_display_percent ((end - start) / 360.0);

    fw_widget_set_label (self->weight_unit, share);
  }

  set_field_tooltip (self, FIELD_NAME, g_strdup (_("The stage's name, as the wheel shows it.")));
  set_field_tooltip (self, FIELD_COUNT, g_strdup (_("How many people are in this stage today.")));
  set_field_tooltip (self, FIELD_ADVANCE,
                     last ? g_strdup_printf (_("The percentage of people here who move on each %s; "
                                               "not used for the last stage, as the wheel closes through referrals."),
                                             period)
                          : g_strdup_printf (_("The percentage of people here who move on to the next stage each %s."),
                                             period));
  set_field_tooltip (self, FIELD_LOSS,
                     stage->customer
                     ? g_strdup_printf (_("The percentage of customers here who stop buying each %s (churn)."), period)
                     : g_strdup_printf (_("The percentage of people here who drop out without moving on each %s."), period));
  set_field_tooltip (self, FIELD_REFERRAL,
                     g_strdup_printf (_("How many new leads each person here brings in each %s, on average."), period));
  set_field_tooltip (self, FIELD_WEIGHT,
                     g_strdup (_("How much of the wheel this stage's arc takes compared with the others: 2 is twice as wide as 1.")));

  fw_widget_set_tooltip_lazily (GTK_WIDGET (self->color_button), _("The colour of this stage's arc on the wheel."));
  fw_widget_set_tooltip_lazily (GTK_WIDGET (self->customer_check),
                                _("Tick if people in this stage pay you: they count as customers, and those who leave count as churn."));
  set_button_tooltip (self->move_up_box, self->move_up_button,
                      self->stage > 0 ? _("Move this stage one place up (anticlockwise on the wheel)")
                                      : _("This is already the first stage"));
  set_button_tooltip (self->move_down_box, self->move_down_button,
                      !last ? _("Move this stage one place down (clockwise on the wheel)")
                            : _("This is already the last stage"));
  set_button_tooltip (self->remove_box, self->remove_button,
                      n_stages > FW_MIN_STAGES ? _("Remove this stage, with the friction points and forces on it")
                                               : _("A wheel needs at least 2 stages"));

  if (g_strcmp0 (gtk_color_button_get_title (self->color_button), color_label) != 0)
    gtk_color_button_set_title (self->color_button, color_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->color_button), color_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->move_up_button), up_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->move_down_button), down_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->remove_button), remove_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->customer_check), customer_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self->name_entry), name_label);
  fw_widget_set_accessible_label (GTK_WIDGET (self), stage->name);

  for (Field field = FIELD_COUNT; field < N_FIELDS; field++)
    {
      const char *caption = gtk_label_get_text (self->fields[field].caption);
      const char *unit = gtk_label_get_text (self->fields[field].unit);
      g_autofree char *label = NULL;

      /* "Advance per month, %, stage Engage": a screen reader user hears
       * which stage, and the unit a sighted user sees beside the field. */
      if (field != FIELD_WEIGHT && unit[0] != '\0')
        label = g_strdup_printf (_("%s (%s), stage %s"), caption, unit, stage->name);
      else
        label = g_strdup_printf (_("%s, stage %s"), caption, stage->name);
      fw_widget_set_accessible_label (GTK_WIDGET (self->fields[field].entry), label);
    }
}

/* The rates the wheel's tooltip gives, points applied, under the fields
 * when they differ: else the tooltip seemed to contradict the fields
 * (user review, R5-26). */
static void
show_rates_used (FwStageRow       *self,
                 const FwScenario *scenario)
{
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwRates *rates = projection != NULL && self->stage < fw_projection_get_n_stages (projection)
                         ? fw_projection_get_rates (projection, self->stage) : NULL;
  g_autofree char *note = rates != NULL
                          ? fw_point_text_with_points (scenario, self->stage, rates->advance, rates->loss,
                                                       period_noun (self))
                          : NULL;

  fw_widget_set_label (self->rates_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rates_note), note != NULL);
}

void
fw_stage_row_update_rates (FwStageRow *self)
{
  g_return_if_fail (FW_IS_STAGE_ROW (self));

  show_rates_used (self, fw_session_get_scenario (self->session));
}

void
fw_stage_row_update (FwStageRow *self)
{
  const FwScenario *scenario;
  const FwStage *stage;

  g_return_if_fail (FW_IS_STAGE_ROW (self));

  scenario = fw_session_get_scenario (self->session);
  g_return_if_fail (self->stage < scenario->stages->len);
  stage = fw_scenario_get_stage (scenario, self->stage);

  show_color (self, stage);

  if (gtk_check_button_get_active (self->customer_check) != stage->customer)
    {
      self->updating = TRUE;
      gtk_check_button_set_active (self->customer_check, stage->customer);
      self->updating = FALSE;
    }

  /* Every field shows the document's value, except text being typed
   * and text refused and kept (fw-typed-field.h), or kept from a row
   * that showed this stage before. */
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->fields[field].typed != NULL)
      {
        g_autofree char *prefix = fw_stage_row_key_prefix (self->session);
        g_autofree char *key = g_strdup_printf ("%s%s\n%d", prefix, stage->name, field);

        fw_typed_field_show (self->fields[field].typed);
        fw_typed_field_set_key (self->fields[field].typed, key);
      }

  gtk_widget_set_sensitive (GTK_WIDGET (self->move_up_button), self->stage > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_down_button), self->stage + 1 < scenario->stages->len);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), scenario->stages->len > FW_MIN_STAGES);

  show_words (self, stage, scenario->stages->len);
  show_rates_used (self, scenario);
}

/* Scenario names are unique in a project, and stage names in a
 * scenario (fw-validate.c), so the names say which field of which stage
 * a text was typed into, wherever its row is now. */
char *
fw_stage_row_key_prefix (FwSession *session)
{
  g_return_val_if_fail (FW_IS_SESSION (session), NULL);

  return g_strdup_printf ("%s\n", fw_session_get_scenario (session)->name);
}

/* Keeps the text refused and kept in the row's fields (pending) with
 * the document as the row goes: a row showing the same stage later
 * shows it again (fw_typed_field_stash()). */
static void
stash_pending (FwStageRow *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->fields[field].typed != NULL)
      fw_typed_field_stash (self->fields[field].typed);
}

/* The row's parts, in FwStageRowPart order. */
static GtkWidget *
part_widget (FwStageRow     *self,
             FwStageRowPart  part)
{
  switch (part)
    {
    case FW_STAGE_ROW_PART_NAME:      return GTK_WIDGET (self->name_entry);
    case FW_STAGE_ROW_PART_COLOR:     return GTK_WIDGET (self->color_button);
    case FW_STAGE_ROW_PART_MOVE_UP:   return GTK_WIDGET (self->move_up_button);
    case FW_STAGE_ROW_PART_MOVE_DOWN: return GTK_WIDGET (self->move_down_button);
    case FW_STAGE_ROW_PART_REMOVE:    return GTK_WIDGET (self->remove_button);
    case FW_STAGE_ROW_PART_COUNT:     return GTK_WIDGET (self->count_entry);
    case FW_STAGE_ROW_PART_CUSTOMER:  return GTK_WIDGET (self->customer_check);
    case FW_STAGE_ROW_PART_ADVANCE:   return GTK_WIDGET (self->advance_entry);
    case FW_STAGE_ROW_PART_LOSS:      return GTK_WIDGET (self->loss_entry);
    case FW_STAGE_ROW_PART_REFERRAL:  return GTK_WIDGET (self->referral_entry);
    case FW_STAGE_ROW_PART_WEIGHT:    return GTK_WIDGET (self->weight_entry);
    case FW_STAGE_ROW_PART_NONE:
    case FW_STAGE_ROW_N_PARTS:
    default:                          return NULL;
    }
}

FwStageRowPart
fw_stage_row_get_focus_part (FwStageRow *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (FW_IS_STAGE_ROW (self), FW_STAGE_ROW_PART_NONE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    return FW_STAGE_ROW_PART_NONE;

  for (FwStageRowPart part = 0; part < FW_STAGE_ROW_N_PARTS; part++)
    {
      GtkWidget *widget = part_widget (self, part);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return part;
    }

  return FW_STAGE_ROW_PART_NONE;
}

void
fw_stage_row_focus_part (FwStageRow     *self,
                         FwStageRowPart  part)
{
  GtkWidget *widget;

  g_return_if_fail (FW_IS_STAGE_ROW (self));

  widget = part_widget (self, part);
  if (widget != NULL && !gtk_widget_is_sensitive (widget))
    {
      /* A move button at the end of the list: the other one, if it
       * moves anywhere, else the name. */
      if (part == FW_STAGE_ROW_PART_MOVE_UP)
        widget = part_widget (self, FW_STAGE_ROW_PART_MOVE_DOWN);
      else if (part == FW_STAGE_ROW_PART_MOVE_DOWN)
        widget = part_widget (self, FW_STAGE_ROW_PART_MOVE_UP);
    }
  if (widget == NULL || !gtk_widget_is_sensitive (widget))
    widget = GTK_WIDGET (self->name_entry);

  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

void
fw_stage_row_set_selected (FwStageRow *self,
                           gboolean    selected)
{
  g_return_if_fail (FW_IS_STAGE_ROW (self));

  fw_widget_set_css_class (GTK_WIDGET (self), "fw-selected", selected);
}

void
fw_stage_row_set_stage (FwStageRow *self,
                        guint       stage)
{
  g_return_if_fail (FW_IS_STAGE_ROW (self));
  g_return_if_fail (stage < fw_session_get_scenario (self->session)->stages->len);

  self->stage = stage;
  fw_stage_row_update (self);
}

guint
fw_stage_row_get_stage (FwStageRow *self)
{
  g_return_val_if_fail (FW_IS_STAGE_ROW (self), 0);

  return self->stage;
}

GtkWidget *
fw_stage_row_new (FwSession *session,
                  guint      stage)
{
  FwStageRow *self;

  g_return_val_if_fail (FW_IS_SESSION (session), NULL);
  g_return_val_if_fail (stage < fw_session_get_scenario (session)->stages->len, NULL);

  self = g_object_new (FW_TYPE_STAGE_ROW, NULL);
  self->session = g_object_ref (session);
  self->document = g_object_ref (fw_session_get_document (session));
  self->stage = stage;
  for (Field field = 0; field < N_FIELDS; field++)
    self->fields[field].typed =
      fw_typed_field_new (GTK_WIDGET (self->fields[field].entry), self->document,
                          field == FIELD_NAME ? apply_name : apply_number, show_value,
                          G_CALLBACK (on_field_marked), self);
  fw_stage_row_update (self);

  return GTK_WIDGET (self);
}

static void
fw_stage_row_dispose (GObject *object)
{
  FwStageRow *self = (FwStageRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_STAGE_ROW);
  g_clear_object (&self->document);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_stage_row_parent_class)->dispose (object);
}

static void
fw_stage_row_finalize (GObject *object)
{
  FwStageRow *self = (FwStageRow *) object;

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_free (self->fields[field].tooltip);
    }

  G_OBJECT_CLASS (fw_stage_row_parent_class)->finalize (object);
}

/* The row leaves the list (its stage moved, removed, another scenario
 * shown): what was typed in it and refused goes to the document, for
 * the row that shows the stage next; its fields edit nothing more. */
static void
fw_stage_row_unroot (GtkWidget *widget)
{
  stash_pending (FW_STAGE_ROW (widget));

  GTK_WIDGET_CLASS (fw_stage_row_parent_class)->unroot (widget);
}

static void
fw_stage_row_class_init (FwStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_stage_row_dispose;
  object_class->finalize = fw_stage_row_finalize;
  widget_class->unroot = fw_stage_row_unroot;

  /**
   * FwStageRow::move:
   * @delta: -1 to move the stage up, 1 to move it down
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, move_up_box);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, move_down_box);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, remove_box);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, customer_check);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, count_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, advance_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, loss_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, referral_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, weight_entry);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, count_caption);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, advance_caption);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, loss_caption);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, referral_caption);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, weight_caption);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, count_unit);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, advance_unit);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, loss_unit);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, referral_unit);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, weight_unit);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FwStageRow, rates_note);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);
  gtk_widget_class_bind_template_callback (widget_class, on_move_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_move_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
fw_stage_row_init (FwStageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  self->fields[FIELD_NAME] = (FieldState) { self->name_entry, NULL, NULL };
  self->fields[FIELD_COUNT] = (FieldState) { self->count_entry, self->count_caption, self->count_unit };
  self->fields[FIELD_ADVANCE] = (FieldState) { self->advance_entry, self->advance_caption, self->advance_unit };
  self->fields[FIELD_LOSS] = (FieldState) { self->loss_entry, self->loss_caption, self->loss_unit };
  self->fields[FIELD_REFERRAL] = (FieldState) { self->referral_entry, self->referral_caption, self->referral_unit };
  self->fields[FIELD_WEIGHT] = (FieldState) { self->weight_entry, self->weight_caption, self->weight_unit };
}
