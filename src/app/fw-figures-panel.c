/* fw-figures-panel.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-figures-panel"

#include <math.h>

#include <glib/gi18n.h>

#include "fw-error-text.h"
#include "fw-display-number.h"
#include "fw-figure-words.h"
#include "fw-figures-panel.h"
#include "fw-period-blend.h"
#include "fw-period-words.h"
#include "fw-number-entry.h"
#include "fw-point-text.h"
#include "fw-typed-field.h"
#include "fw-tween.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

typedef enum
{
  FIGURE_CUSTOMERS,
  FIGURE_CUSTOMERS_END,
  FIGURE_NEW_CUSTOMERS,
  FIGURE_CHURN,
  FIGURE_REFERRALS,
  FIGURE_MOMENTUM,
  FIGURE_LOOP_GAIN,
  N_FIGURES
} FigureId;

typedef struct
{
  GtkWidget *tile;
  GtkLabel  *value;
  GtkLabel  *change;
  FwTween    tween;     /* .to is the engine's value, the rest is display */
  double     baseline;  /* the value before the current edit */
} Figure;

/* How a figure reads: whether a rise is good news (for churn it is not),
 * and what it means, for its tooltip. */
typedef struct
{
  gboolean    rise_is_good;
  const char *meaning;
} FigureInfo;

static const FigureInfo figure_info[N_FIGURES] = {
  [FIGURE_CUSTOMERS]     = { TRUE,  N_("People in the customer stages now.") },
  [FIGURE_CUSTOMERS_END] = { TRUE,  N_("Customers at the end of the projection, if nothing changes.") },
  [FIGURE_NEW_CUSTOMERS] = { TRUE,  N_("People becoming paying customers, at today’s rates.") },
  [FIGURE_CHURN]         = { FALSE, N_("Customers lost, at today’s rates.") },
  [FIGURE_REFERRALS]     = { TRUE,  N_("New leads brought by people who recommend you.") },
  [FIGURE_MOMENTUM]      = { TRUE,  N_("People moving round the wheel: everyone advancing a stage, plus referral leads.") },
  [FIGURE_LOOP_GAIN]     = { TRUE,  NULL },
};

/* How the figures changed since they were last shown. */
typedef enum
{
  SHOW_AT_ONCE,     /* a new document: no easing, no change line */
  SHOW_OTHER,       /* another scenario: ease, but it is not an edit */
  SHOW_EDIT,        /* an edit: ease and say what changed */
} ShowMode;

struct _FwFiguresPanel
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkWidget     *figures_box;   /* in a scrolled window */
  GtkWidget     *inflow_box;    /* below it, always in sight */
  GtkLabel      *scenario_label;
  GtkLabel      *end_caption;
  GtkLabel      *new_caption;
  GtkLabel      *churn_caption;
  GtkLabel      *referrals_caption;
  GtkLabel      *momentum_caption;
  GtkLabel      *sustain_pill;
  GtkLabel      *new_total;
  GtkLabel      *churn_total;
  GtkLabel      *too_large_note;  /* what "—" means, shown while one is */
  GtkLabel      *inflow_label;
  GtkSpinButton *inflow_spin;
  GtkLabel      *inflow_error;
  Figure         figures[N_FIGURES];

  FwSession     *session;
  FwDocument    *document;    /* the session's, kept here for short */
  guint          scenario_index;
  guint          step;        /* the document's step the baselines belong to */
  guint          tick_id;
  guint          rolled;       /* the session's roll the values last rolled on at */
  gboolean       syncing;    /* the panel writes the spin button, not the user */
  FwTypedField  *inflow_field; /* for the current document */
  int            width;      /* as last allocated; 0 before */
  guint          remeasure_id;
};

G_DEFINE_FINAL_TYPE (FwFiguresPanel, fw_figures_panel, GTK_TYPE_WIDGET)

static const char *
gone_past_range (void)
{
  return _("The wheel grew past what can be computed.");
}

static char *
display_value (FigureId id,
               double   value)
{
  if (id == FIGURE_LOOP_GAIN)
    return fw_display_gain (value);
  return fw_display_count (value);
}

static double
figure_target (FigureId         id,
               const FwFigures *figures,
               const FwSummary *summary)
{
  switch (id)
    {
    case FIGURE_CUSTOMERS:     return figures->customers;
    case FIGURE_CUSTOMERS_END: return summary->customers_end;
    case FIGURE_NEW_CUSTOMERS: return figures->new_customers;
    case FIGURE_CHURN:         return figures->churn;
    case FIGURE_REFERRALS:     return figures->referrals;
    case FIGURE_MOMENTUM:      return figures->momentum;
    case FIGURE_LOOP_GAIN:     return summary->loop_gain;
    case N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

/* The loop gain in words: what a consultant would say to a client. */
static char *
describe_gain (double gain)
{
  g_autofree char *shown = NULL;

  if (isinf (gain) && gain > 0)
    return g_strdup (_("Some people stay for good on a stage that refers others, so each new lead "
                       "brings referrals without end: the wheel keeps turning without marketing."));
  if (!isfinite (gain))
    return g_strdup (gone_past_range ());

  shown = fw_display_gain (gain);
  return g_strdup_printf (_("Each new lead brings %s more through referrals; at 1 or more "
                            "the wheel keeps turning without marketing."), shown);
}

/* What the figure means. It used to add the "exact value" in the
 * shortest round-trip form, 17 significant digits for most figures
 * ("3719.8451234567893"): a number no reader can use beside the figure
 * that is rounded for reading (user review, C6). Every number the window
 * shows follows fw-display-number.h; the exact values are what the
 * command line and exports write. */
static char *
figure_tooltip (FigureId id,
                double   value)
{
  g_autofree char *meaning = NULL;

  if (id == FIGURE_LOOP_GAIN)
    meaning = describe_gain (value);
  else
    meaning = g_strdup (_(figure_info[id].meaning));

  /* An infinite loop gain is a real answer, explained above; any other
   * figure that is not finite is a wheel past the range of a double. */
  if (!isfinite (value))
    {
      if (id == FIGURE_LOOP_GAIN)
        return g_steal_pointer (&meaning);
      return g_strdup_printf ("%s\n%s", meaning, gone_past_range ());
    }

  return g_steal_pointer (&meaning);
}

/* "+12 since last edit", coloured by whether the change is good news;
 * empty when the number shown did not change, so a figure an edit left
 * alone stays quiet. */
static void
show_change (Figure   *figure,
             FigureId  id,
             double    before,
             double    after)
{
  g_autofree char *shown_before = NULL;
  g_autofree char *shown_after = NULL;
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  gboolean good;

  gtk_widget_remove_css_class (GTK_WIDGET (figure->change), "fw-change-good");
  gtk_widget_remove_css_class (GTK_WIDGET (figure->change), "fw-change-bad");

  shown_before = display_value (id, before);
  shown_after = display_value (id, after);
  if (!isfinite (before) || !isfinite (after) || g_strcmp0 (shown_before, shown_after) == 0)
    {
      gtk_label_set_text (figure->change, "");
      return;
    }

  if (id == FIGURE_LOOP_GAIN)
    {
      g_autofree char *size = fw_display_gain (fabs (after - before));

      /* U+2212 MINUS SIGN, as fw_display_change() writes it. */
      change = g_strconcat (after > before ? "+" : "−", size, NULL);
    }
  else
    change = fw_display_change (after - before);

  /* TRANSLATORS: %s is a signed change such as "+12" or "−3.5". */
  text = g_strdup_printf (_("%s since last edit"), change);
  gtk_label_set_text (figure->change, text);

  good = (after > before) == figure_info[id].rise_is_good;
  gtk_widget_add_css_class (GTK_WIDGET (figure->change), good ? "fw-change-good" : "fw-change-bad");
}

/* Longer figures than this many characters take the smaller font. */
#define LONG_FIGURE_CHARS 7

/* Writes every figure as it is at @now; TRUE while any still eases. */
static gboolean
update_values (FwFiguresPanel *self,
               gint64          now)
{
  gboolean moving = FALSE;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      Figure *figure = &self->figures[i];
      g_autofree char *text = display_value (i, fw_tween_value (&figure->tween, now));

      /* A figure of many digits is written smaller (and, past that,
       * ellipsized, the tile's tooltip saying it in full) rather than
       * widening the panel, which would shrink and shift the wheel. */
      fw_widget_set_css_class (GTK_WIDGET (figure->value), "fw-figure-long",
                               g_utf8_strlen (text, -1) > LONG_FIGURE_CHARS);
      fw_widget_set_label (figure->value, text);
      moving |= !fw_tween_is_done (&figure->tween, now);
    }

  return moving;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  FwFiguresPanel *self = FW_FIGURES_PANEL (widget);

  if (update_values (self, gdk_frame_clock_get_frame_time (frame_clock)))
    return G_SOURCE_CONTINUE;

  /* At rest: no frames are asked for until the next change. */
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_easing (FwFiguresPanel *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  for (guint i = 0; i < N_FIGURES; i++)
    fw_tween_init (&self->figures[i].tween, self->figures[i].tween.to);
  update_values (self, 0);
}

static gboolean
can_animate (FwFiguresPanel *self)
{
  gboolean enabled = FALSE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

static void
update_captions (FwFiguresPanel *self)
{
  static const char *inflow[] = {
    N_("New leads from _marketing per week"),
    N_("New leads from _marketing per month"),
    N_("New leads from _marketing per quarter"),
  };
  const FwProject *project = fw_document_get_project (self->document);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  g_autofree char *new_caption = fw_point_text_per_period (project->period, _("New customers"));
  g_autofree char *churn_caption = fw_point_text_per_period (project->period, _("Churn"));
  g_autofree char *referrals_caption = fw_point_text_per_period (project->period, _("Referral inflow"));
  g_autofree char *momentum_caption = fw_point_text_per_period (project->period, _("Momentum"));
  g_autofree char *end_caption = fw_period_words_customers_after (project->period, project->horizon);
  g_autofree char *inflow_name = NULL;

  gtk_label_set_text (self->new_caption, new_caption);
  gtk_label_set_text (self->churn_caption, churn_caption);
  gtk_label_set_text (self->referrals_caption, referrals_caption);
  gtk_label_set_text (self->momentum_caption, momentum_caption);
  gtk_label_set_text (self->end_caption, end_caption);
  gtk_label_set_text_with_mnemonic (self->inflow_label,
                                    _(inflow[MIN (project->period, G_N_ELEMENTS (inflow) - 1)]));
  inflow_name = g_strdup (gtk_label_get_text (self->inflow_label));
  fw_widget_set_accessible_label (GTK_WIDGET (self->inflow_spin), inflow_name);
  gtk_label_set_text (self->scenario_label, scenario->name);
  fw_widget_set_tooltip (GTK_WIDGET (self->scenario_label), scenario->name);
}

/* @text with the space before its last @number made non-breaking:
 * the caption wraps, the number stays on the line of the word before
 * it. Wrapped at 150% desktop text, "Total over 60 months:" ended a
 * line and its number went to the next, out of the figures' sight
 * (verify10b V10B-10). */
static char *
keep_number_with_words (const char *text,
                        const char *number)
{
  const char *at = g_strrstr (text, number);

  if (at == NULL || at == text || at[-1] != ' ')
    return g_strdup (text);
  return g_strdup_printf ("%.*s\u00a0%s", (int) (at - 1 - text), text, at);
}

/* The per-period flows' sums over the horizon, under them: what a
 * business owner plans a year with. */
static void
update_totals (FwFiguresPanel  *self,
               const FwSummary *summary)
{
  const FwProject *project = fw_document_get_project (self->document);
  g_autofree char *span = fw_figure_words_span (project);
  g_autofree char *new_total = fw_display_count (summary->total_new_customers);
  g_autofree char *churn_total = fw_display_count (summary->total_churn);
  /* TRANSLATORS: under a figure per period, its sum over the horizon:
   * the first %s is a span such as "24 months", the second a number. */
  g_autofree char *new_text = g_strdup_printf (_("Total over %s: %s"), span, new_total);
  g_autofree char *churn_text = g_strdup_printf (_("Total over %s: %s"), span, churn_total);
  g_autofree char *new_shown = keep_number_with_words (new_text, new_total);
  g_autofree char *churn_shown = keep_number_with_words (churn_text, churn_total);

  fw_widget_set_label (self->new_total, new_shown);
  fw_widget_set_label (self->churn_total, churn_shown);

  /* A "—" said nothing (user review, R5-18): read as "no data" or a bug,
   * it is a wheel whose figures grew past what a double holds. Said
   * under the figures, where the dashes are, with the loop gain that
   * makes it grow. */
  {
    gboolean too_large = !isfinite (summary->customers_end) || !isfinite (summary->total_new_customers) ||
                         !isfinite (summary->total_churn) || !isfinite (summary->total_referrals);
    g_autofree char *gain = fw_display_gain (summary->loop_gain);
    /* TRANSLATORS: under the figures when some read "—"; %s is the loop gain, such as "833" */
    g_autofree char *note = too_large ? g_strdup_printf (_("— too large to compute: the wheel grows without "
                                                           "limit (loop gain %s)"), gain)
                                      : NULL;

    fw_widget_set_label (self->too_large_note, note != NULL ? note : "");
    gtk_widget_set_visible (GTK_WIDGET (self->too_large_note), too_large);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figures[FIGURE_NEW_CUSTOMERS].tile),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, new_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figures[FIGURE_CHURN].tile),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, churn_text, -1);
}

static void
update_sustaining (FwFiguresPanel  *self,
                   const FwSummary *summary)
{
  GtkWidget *pill = GTK_WIDGET (self->sustain_pill);
  g_autofree char *explained = describe_gain (summary->loop_gain);

  gtk_widget_remove_css_class (pill, summary->self_sustaining ? "fw-pill-neutral" : "fw-pill-good");
  gtk_widget_add_css_class (pill, summary->self_sustaining ? "fw-pill-good" : "fw-pill-neutral");
  gtk_label_set_text (self->sustain_pill, fw_display_gain_verdict (summary->self_sustaining));
  fw_widget_set_tooltip_lazily (pill, explained);
}

/* Screen readers hear "Churn per month: 60, +30 since last edit" once,
 * at the final value, not every frame of the easing. */
static void
describe_tile (Figure   *figure,
               FigureId  id,
               double    value)
{
  GtkWidget *caption = gtk_widget_get_first_child (figure->tile);
  g_autofree char *shown = display_value (id, value);
  g_autofree char *label = NULL;
  const char *change = gtk_label_get_text (figure->change);

  if (change[0] != '\0')
    label = g_strdup_printf ("%s: %s, %s", gtk_label_get_text (GTK_LABEL (caption)), shown, change);
  else
    label = g_strdup_printf ("%s: %s", gtk_label_get_text (GTK_LABEL (caption)), shown);
  fw_widget_set_accessible_label (GTK_WIDGET (figure->tile), label);
}

static void
show_figures (FwFiguresPanel *self,
              ShowMode        mode)
{
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwFigures *figures = fw_projection_get_figures (projection, fw_session_get_period (self->session));
  const FwSummary *summary = fw_projection_get_summary (projection);
  gboolean playing = fw_session_get_playing (self->session);
  gboolean animate = mode != SHOW_AT_ONCE && !playing && can_animate (self);
  FwFigures shown;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 now = frame_clock ? gdk_frame_clock_get_frame_time (frame_clock) : g_get_monotonic_time ();

  update_captions (self);
  update_sustaining (self, summary);
  /* Playing, the values glide with the position (on_position_changed
   * moves them every frame); words for a screen reader and the tooltips
   * say the whole period's figures. */
  fw_period_blend_figures (projection, fw_session_get_position (self->session), &shown);
  update_totals (self, summary);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      Figure *figure = &self->figures[i];
      double target = figure_target (i, figures, summary);
      double value = figure_target (i, &shown, summary);
      g_autofree char *tooltip = figure_tooltip (i, target);

      if (mode == SHOW_EDIT)
        show_change (figure, i, figure->baseline, target);
      else
        show_change (figure, i, target, target);

      if (mode == SHOW_AT_ONCE || playing)
        fw_tween_init (&figure->tween, value);
      else
        fw_tween_retarget (&figure->tween, target, now, animate ? FW_TWEEN_DURATION_US : 0);

      /* Lazily: the text changes with every period played, and GTK's own
       * tooltip text queues a resize of the window each time it does. */
      fw_widget_set_tooltip_lazily (figure->tile, tooltip);
      describe_tile (figure, i, target);
    }

  if (update_values (self, now) && animate)
    {
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
    }
  else
    stop_easing (self);
}

/* Inflow input: a typed field (fw-typed-field.h) in a spin button, whose
 * arrows step the value too. */

static gboolean
read_inflow (FwFiguresPanel  *self,
             const char      *text,
             double          *value,
             GError         **error)
{
  /* The validator's own words, as every other field says them, naming
   * the field as the user sees it. The spin button holds no more than
   * its upper bound: beyond that is refused in words, not cut short. */
  const char *name = _("New leads from marketing");
  double upper = gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (self->inflow_spin));

  return fw_typed_field_read_number (name, text, FALSE, NULL, value, error) &&
         fw_error_text_check_range (name, *value, 0.0, upper, error);
}

static double
document_inflow (FwFiguresPanel *self)
{
  return fw_session_get_scenario (self->session)->inflow;
}

/* FwTypedApplyFunc */
static gboolean
apply_inflow (FwTypedField  *typed,
              const char    *text,
              gpointer       user_data,
              GError       **error)
{
  FwFiguresPanel *self = user_data;
  double value;

  if (self->session == NULL)
    return TRUE;
  if (!read_inflow (self, text, &value, error))
    return FALSE;
  if (value == document_inflow (self))
    return TRUE;

  if (fw_document_set_inflow (self->document, fw_session_get_scenario_index (self->session),
                              value, error))
    return TRUE;
  fw_error_text_word_edit (error);
  return FALSE;
}

/* FwTypedShowFunc */
static char *
show_inflow (FwTypedField *typed,
             const char   *text,
             gpointer      user_data)
{
  FwFiguresPanel *self = user_data;
  double value;

  if (self->session == NULL)
    return NULL;
  if (text != NULL && fw_number_entry_parse (text, &value) && value == document_inflow (self))
    return NULL;
  return fw_number_entry_format (document_inflow (self));
}

/* In words under the field too: red alone tells a keyboard user
 * nothing, and a tooltip needs a pointer. */
static void
on_inflow_marked (FwTypedField   *typed,
                  FwFiguresPanel *self)
{
  const char *message = fw_typed_field_get_error (typed);

  fw_widget_set_label (self->inflow_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->inflow_error), message != NULL);
}

/* Shows the document's inflow, unless the user is typing another or
 * kept one that was refused. */
static void
sync_inflow (FwFiguresPanel *self)
{
  if (self->inflow_field == NULL || fw_typed_field_is_applying (self->inflow_field))
    return;

  /* The spin button's own value follows, so its arrows step from it. */
  if (!fw_typed_field_is_pending (self->inflow_field))
    {
      self->syncing = TRUE;
      gtk_spin_button_set_value (self->inflow_spin, document_inflow (self));
      self->syncing = FALSE;
    }
  fw_typed_field_show (self->inflow_field);
}

static int
on_inflow_input (FwFiguresPanel *self,
                 double         *new_value,
                 GtkSpinButton  *spin)
{
  if (!read_inflow (self, gtk_editable_get_text (GTK_EDITABLE (spin)), new_value, NULL))
    return GTK_INPUT_ERROR;
  return TRUE;
}

/* The exact value, so what the user typed reads back unchanged; text
 * refused and kept stays (the spin button writes its value on every
 * focus change). */
static gboolean
on_inflow_output (FwFiguresPanel *self,
                  GtkSpinButton  *spin)
{
  g_autofree char *text = NULL;

  if (self->inflow_field == NULL || fw_typed_field_is_pending (self->inflow_field))
    return TRUE;

  text = fw_number_entry_format (gtk_spin_button_get_value (spin));
  fw_typed_field_set_text (self->inflow_field, text);
  return TRUE;
}

/* The arrows (or the spin button reading typed text back): clicks in a
 * row merge into one undo step, as the document merges same-field
 * edits. */
static void
on_inflow_value_changed (FwFiguresPanel *self,
                         GtkSpinButton  *spin)
{
  g_autoptr(GError) error = NULL;
  double value = gtk_spin_button_get_value (spin);

  if (self->syncing || self->session == NULL || value == document_inflow (self))
    return;

  if (!fw_document_set_inflow (self->document, fw_session_get_scenario_index (self->session),
                               value, &error))
    {
      g_autofree char *sentence = fw_error_text_edit (error);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", sentence);
      return;
    }
  /* A value set with the arrows is the user's word over text kept. */
  fw_typed_field_take_back (self->inflow_field);
}

/* Whether every figure is back at the value the current edit started
 * from: the same project state gives the very same doubles. */
static gboolean
returns_to_baseline (FwFiguresPanel *self)
{
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwFigures *figures = fw_projection_get_figures (projection, fw_session_get_period (self->session));
  const FwSummary *summary = fw_projection_get_summary (projection);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      double target = figure_target (i, figures, summary);

      if (!(target == self->figures[i].baseline || (isnan (target) && isnan (self->figures[i].baseline))))
        return FALSE;
    }
  return TRUE;
}

static void show_document (FwFiguresPanel *self);

static void
on_session_changed (FwFiguresPanel *self,
                    const FwChange *change,
                    FwSession      *session)
{
  guint index = fw_session_get_scenario_index (session);
  /* Another scenario on show is no edit of this one, and nor is a
   * scenario added, removed or renamed: the one shown deleted puts its
   * neighbour in its place at the same index (whose figures showed as
   * "+316 since last edit" on the deleted one's). */
  ShowMode mode = index == self->scenario_index &&
                  !(change->flags & (FW_CHANGE_SHOWN | FW_CHANGE_SCENARIOS))
                  ? SHOW_EDIT : SHOW_OTHER;
  guint step;

  if (change->flags & FW_CHANGE_DOCUMENT)
    {
      show_document (self);
      return;
    }
  /* The figures need no impacts, and another scenario's edit is not
   * shown here. */
  if (change->flags == FW_CHANGE_RESULTS ||
      (!(change->flags & FW_CHANGE_SHOWN) && !fw_change_touches (change, index)))
    return;

  /* The horizon (or the period unit) changed what "customers after H
   * months" means: 4,459 after 36 months is not "+739" on 3,720 after
   * 24. The figures are shown as they are, without a change. */
  if ((change->flags & FW_CHANGE_ALL) == FW_CHANGE_PROJECT)
    mode = SHOW_OTHER;

  step = fw_document_get_step (self->document);

  self->scenario_index = index;
  if (step != self->step)
    {
      /* A new edit: its change is counted from the figures before it, and
       * the keystrokes of one field are one edit. A step that brings the
       * figures back to where the last edit started (an undo, or a
       * half-typed value taken back) is no change to speak of. */
      if (mode == SHOW_EDIT && returns_to_baseline (self))
        mode = SHOW_OTHER;
      else
        for (guint i = 0; i < N_FIGURES; i++)
          self->figures[i].baseline = self->figures[i].tween.to;
      self->step = step;
    }
  show_figures (self, mode);
  sync_inflow (self);
}

static void
fw_figures_panel_unmap (GtkWidget *widget)
{
  /* Nothing eases unseen: the numbers are at their values when shown again. */
  stop_easing (FW_FIGURES_PANEL (widget));

  GTK_WIDGET_CLASS (fw_figures_panel_parent_class)->unmap (widget);
}

/* The panel's height: at least the inflow and a little of the figures
 * (they scroll), at best all of both. The figures are measured here, for
 * the panel's width, not through their scrolled window: GTK 4.8's asks
 * its child's height for no width in particular (-1), which a panel of
 * wrapping captions answers at its narrowest (every caption on many
 * lines, a tall natural height, and blank room taken from the lists
 * below it). Asked for no width, the panel answers for the width it
 * has, once it has one. */
static void
fw_figures_panel_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FwFiguresPanel *self = FW_FIGURES_PANEL (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int figures = 0, inflow = 0;

  *minimum = *natural = 0;
  if (child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0 && self->width > 0)
    for_size = self->width;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;
  gtk_widget_measure (self->figures_box, orientation, for_size, NULL, &figures, NULL, NULL);
  gtk_widget_measure (self->inflow_box, orientation, for_size, NULL, &inflow, NULL, NULL);
  *natural = MAX (*minimum, figures + inflow);
}

int
fw_figures_panel_get_least_height (FwFiguresPanel *self)
{
  int inflow = 0, row = 0;

  g_return_val_if_fail (FW_IS_FIGURES_PANEL (self), 0);

  if (self->width <= 0)
    return 0;
  gtk_widget_measure (self->inflow_box, GTK_ORIENTATION_VERTICAL, self->width, NULL, &inflow, NULL, NULL);
  /* The first row's foot, where the figures' box has put it. */
  for (FigureId id = FIGURE_CUSTOMERS; id <= FIGURE_CUSTOMERS_END; id++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->figures[id].tile, self->figures_box, &bounds))
        row = MAX (row, (int) ceil (bounds.origin.y + bounds.size.height));
    }
  return row > 0 ? inflow + gtk_widget_get_margin_top (self->figures_box) + row : 0;
}

static gboolean
remeasure (gpointer user_data)
{
  FwFiguresPanel *self = user_data;

  self->remeasure_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
fw_figures_panel_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FwFiguresPanel *self = FW_FIGURES_PANEL (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  /* A new width: measured again for it, after this layout. */
  if (width != self->width)
    {
      self->width = width;
      if (self->remeasure_id == 0)
        self->remeasure_id = g_idle_add (remeasure, self);
    }
}

static void
fw_figures_panel_dispose (GObject *object)
{
  FwFiguresPanel *self = FW_FIGURES_PANEL (object);
  GtkWidget *child;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->remeasure_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_FIGURES_PANEL);
  /* The template's root box has no id, so disposing the template leaves
   * it in place: a widget unparents its own children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fw_figures_panel_parent_class)->dispose (object);
}

#define FIGURE_OFFSET(id, field) \
  (G_STRUCT_OFFSET (FwFiguresPanel, figures) + (id) * sizeof (Figure) + G_STRUCT_OFFSET (Figure, field))

static void
bind_figure (GtkWidgetClass *widget_class,
             const char     *prefix,
             FigureId        id)
{
  g_autofree char *tile = g_strconcat (prefix, "_tile", NULL);
  g_autofree char *value = g_strconcat (prefix, "_value", NULL);
  g_autofree char *change = g_strconcat (prefix, "_change", NULL);

  gtk_widget_class_bind_template_child_full (widget_class, tile, FALSE, FIGURE_OFFSET (id, tile));
  gtk_widget_class_bind_template_child_full (widget_class, value, FALSE, FIGURE_OFFSET (id, value));
  gtk_widget_class_bind_template_child_full (widget_class, change, FALSE, FIGURE_OFFSET (id, change));
}

static void
fw_figures_panel_class_init (FwFiguresPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_figures_panel_dispose;
  widget_class->unmap = fw_figures_panel_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-figures-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, end_caption);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, new_caption);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, churn_caption);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, referrals_caption);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, momentum_caption);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, sustain_pill);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, new_total);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, churn_total);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, figures_box);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, inflow_box);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, inflow_label);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, inflow_error);
  gtk_widget_class_bind_template_child (widget_class, FwFiguresPanel, inflow_spin);
  bind_figure (widget_class, "customers", FIGURE_CUSTOMERS);
  bind_figure (widget_class, "end", FIGURE_CUSTOMERS_END);
  bind_figure (widget_class, "new", FIGURE_NEW_CUSTOMERS);
  bind_figure (widget_class, "churn", FIGURE_CHURN);
  bind_figure (widget_class, "referrals", FIGURE_REFERRALS);
  bind_figure (widget_class, "momentum", FIGURE_MOMENTUM);
  bind_figure (widget_class, "gain", FIGURE_LOOP_GAIN);
  gtk_widget_class_bind_template_callback (widget_class, on_inflow_input);
  gtk_widget_class_bind_template_callback (widget_class, on_inflow_output);
  gtk_widget_class_bind_template_callback (widget_class, on_inflow_value_changed);

  widget_class->measure = fw_figures_panel_measure;
  widget_class->size_allocate = fw_figures_panel_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "figurespanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_figures_panel_init (FwFiguresPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fw_widget_name_plainly (GTK_WIDGET (self));

  self->too_large_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->too_large_note), "figures-too-large");
  gtk_label_set_wrap (self->too_large_note, TRUE);
  gtk_label_set_xalign (self->too_large_note, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->too_large_note), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->too_large_note), FALSE);
  /* Under the heading, above the dashes: in view however short the
   * pane (at 1280x720 the totals' row is the last one shown). */
  gtk_box_insert_child_after (GTK_BOX (self->figures_box), GTK_WIDGET (self->too_large_note),
                              gtk_widget_get_first_child (self->figures_box));

  for (guint i = 0; i < N_FIGURES; i++)
    {
      fw_tween_init (&self->figures[i].tween, 0.0);
      gtk_label_set_text (self->figures[i].value, "—");
    }

  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Figures"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->inflow_spin), FALSE);
}

GtkWidget *
fw_figures_panel_new (void)
{
  return g_object_new (FW_TYPE_FIGURES_PANEL, NULL);
}

/* Another document: its figures at once, with no change to speak of. */
static void
show_document (FwFiguresPanel *self)
{
  g_set_object (&self->document, fw_session_get_document (self->session));
  if (self->inflow_field == NULL)
    self->inflow_field = fw_typed_field_new (GTK_WIDGET (self->inflow_spin), self->document,
                                             apply_inflow, show_inflow,
                                             G_CALLBACK (on_inflow_marked), self);
  else
    fw_typed_field_set_document (self->inflow_field, self->document);
  fw_typed_field_set_hint (self->inflow_field,
                           _("The scenario’s marketing inflow: new leads each period."));
  self->scenario_index = fw_session_get_scenario_index (self->session);
  self->step = fw_document_get_step (self->document);
  show_figures (self, SHOW_AT_ONCE);
  for (guint i = 0; i < N_FIGURES; i++)
    self->figures[i].baseline = self->figures[i].tween.to;
  sync_inflow (self);
}

/* Another period: its figures, eased, with no change line (nothing was
 * edited). */
static void
on_period_changed (FwFiguresPanel *self)
{
  show_figures (self, SHOW_OTHER);
}

/* Playing: the values between two periods, rolling on with the
 * session's roll (fw_session_get_roll()), in the same frames as the
 * wheel's counts and each new period, while the position itself
 * glides. Paused, the position is back on its period, whose figures
 * ease in exactly. */
static void
on_position_changed (FwFiguresPanel *self)
{
  const FwProjection *projection = fw_session_get_projection (self->session);
  const FwSummary *summary = fw_projection_get_summary (projection);
  guint roll = fw_session_get_roll (self->session);
  FwFigures shown;

  if (!fw_session_get_playing (self->session))
    {
      show_figures (self, SHOW_OTHER);
      return;
    }
  if (roll == self->rolled)
    return;
  self->rolled = roll;

  fw_period_blend_figures (projection, fw_session_get_position (self->session), &shown);
  for (guint i = 0; i < N_FIGURES; i++)
    fw_tween_init (&self->figures[i].tween, figure_target (i, &shown, summary));
  stop_easing (self);
}

/* Playback stopped: the whole period's figures, even where the position
 * did not move (stopped at H, or paused on a whole period), so the last
 * roll's in-between values never stay on show. */
static void
on_playing_changed (FwFiguresPanel *self)
{
  if (!fw_session_get_playing (self->session))
    show_figures (self, SHOW_OTHER);
}

void
fw_figures_panel_set_session (FwFiguresPanel *self,
                              FwSession      *session)
{
  g_return_if_fail (FW_IS_FIGURES_PANEL (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->inflow_spin), session != NULL);

  if (session == NULL)
    {
      g_clear_object (&self->document);
      stop_easing (self);
      for (guint i = 0; i < N_FIGURES; i++)
        {
          gtk_label_set_text (self->figures[i].value, "—");
          gtk_label_set_text (self->figures[i].change, "");
        }
      return;
    }

  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::period", G_CALLBACK (on_period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::position", G_CALLBACK (on_position_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::playing", G_CALLBACK (on_playing_changed), self, G_CONNECT_SWAPPED);
  show_document (self);
}
