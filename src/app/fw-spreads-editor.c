/* fw-spreads-editor.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-spreads-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-number-entry.h"
#include "fw-spreads-editor.h"
#include "fw-typed-field.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

typedef enum
{
  SPREAD_ADVANCE,
  SPREAD_LOSS,
  SPREAD_REFERRAL,
  SPREAD_INFLOW,
  N_SPREADS
} SpreadId;

/* Each field's caption (a mnemonic) and what it means. */
static const struct {
  const char *caption;
  const char *hint;
} spread_info[N_SPREADS] = {
  [SPREAD_ADVANCE]  = { N_("_Advance rates ±"),
                        N_("How far each stage's advance rate may be off, as a percentage of it") },
  [SPREAD_LOSS]     = { N_("_Drop-off and churn ±"),
                        N_("How far each stage's drop-off or churn rate may be off, as a percentage of it") },
  [SPREAD_REFERRAL] = { N_("Re_ferral rates ±"),
                        N_("How far each stage's referral rate may be off, as a percentage of it") },
  [SPREAD_INFLOW]   = { N_("_Marketing inflow ±"),
                        N_("How far the new leads from marketing may be off, as a percentage of them") },
};

typedef struct
{
  FwSpreadsEditor *editor;
  SpreadId         id;
  GtkWidget       *entry;
  GtkLabel        *error;   /* why the field's text was refused, under it */
  FwTypedField    *field;
} Spread;

struct _FwSpreadsEditor
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *heading;
  Spread      spreads[N_SPREADS];

  FwSession  *session;
};

G_DEFINE_FINAL_TYPE (FwSpreadsEditor, fw_spreads_editor, GTK_TYPE_WIDGET)

static double *
spread_in (FwUncertainty *uncertainty,
           SpreadId       id)
{
  switch (id)
    {
    case SPREAD_ADVANCE:  return &uncertainty->advance;
    case SPREAD_LOSS:     return &uncertainty->loss;
    case SPREAD_REFERRAL: return &uncertainty->referral;
    case SPREAD_INFLOW:   return &uncertainty->inflow;
    case N_SPREADS:
    default:
      g_assert_not_reached ();
    }
}

static double
document_spread (Spread *spread)
{
  FwUncertainty uncertainty = fw_session_get_scenario (spread->editor->session)->uncertainty;

  return *spread_in (&uncertainty, spread->id);
}

/* The caption as the user reads it, to name the field in messages. */
static char *
spread_name (SpreadId id)
{
  g_autofree char *plain = fw_widget_strip_mnemonic (_(spread_info[id].caption));

  /* "Advance rates ±" reads "Advance rates" in a sentence. */
  if (g_str_has_suffix (plain, "±"))
    plain[strlen (plain) - strlen ("±")] = '\0';
  return g_strchomp (g_steal_pointer (&plain));
}

/* FwTypedApplyFunc: a percentage 0..100, as MODEL.md's spread 0..1. */
static gboolean
apply_spread (FwTypedField  *field,
              const char    *text,
              gpointer       user_data,
              GError       **error)
{
  Spread *spread = user_data;
  FwSession *session = spread->editor->session;
  g_autofree char *name = spread_name (spread->id);
  FwUncertainty uncertainty;
  double percent;

  if (session == NULL)
    return TRUE;
  if (!fw_typed_field_read_number (name, text, TRUE, NULL, &percent, error) ||
      !fw_check_range (name, percent, 0, FW_MAX_SPREAD * 100, error))
    return FALSE;
  if (percent / 100.0 == document_spread (spread))
    return TRUE;

  uncertainty = fw_session_get_scenario (session)->uncertainty;
  *spread_in (&uncertainty, spread->id) = percent / 100.0;
  return fw_document_set_uncertainty (fw_session_get_document (session),
                                      fw_session_get_scenario_index (session), &uncertainty, error);
}

/* FwTypedShowFunc */
static char *
show_spread (FwTypedField *field,
             const char   *text,
             gpointer      user_data)
{
  Spread *spread = user_data;
  double percent;

  if (spread->editor->session == NULL)
    return NULL;
  if (text != NULL && fw_number_entry_parse_percent (text, &percent) &&
      percent / 100.0 == document_spread (spread))
    return NULL;
  return fw_number_entry_format_percent (document_spread (spread));
}

/* Once laid out, scrolls the page the editor is on so that the whole
 * of @widget shows: a message under the last field was drawn at the
 * page's bottom edge, half cut off, at 1280x720. A tick comes before
 * the frame's layout, so the label just shown has its place only on the
 * second: the first one waits. */
static gboolean
scroll_into_view (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  gint64 *first_frame = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double shift = 0.0;

  if (scrolled == NULL)
    return G_SOURCE_REMOVE;
  if (*first_frame < 0)
    *first_frame = gdk_frame_clock_get_frame_counter (clock);
  if (gdk_frame_clock_get_frame_counter (clock) == *first_frame)
    return G_SOURCE_CONTINUE;
  /* Where it is in the page's view: below its foot, or above its top. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return G_SOURCE_REMOVE;
  if (bounds.origin.y + bounds.size.height > gtk_widget_get_height (scrolled))
    shift = bounds.origin.y + bounds.size.height - gtk_widget_get_height (scrolled);
  if (bounds.origin.y + shift < 0.0)
    shift = bounds.origin.y;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
  return G_SOURCE_REMOVE;
}

/* A refused field's reason right under it, as the stages' fields have
 * theirs, in view. */
static void
on_marked (FwTypedField *field,
           Spread       *marked)
{
  const char *message = fw_typed_field_get_error (field);

  fw_widget_set_label (marked->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (marked->error), message != NULL);
  if (message != NULL)
    {
      gint64 *first_frame = g_new (gint64, 1);

      *first_frame = -1;
      gtk_widget_add_tick_callback (GTK_WIDGET (marked->error), scroll_into_view, first_frame, g_free);
    }
}

static void
update_heading (FwSpreadsEditor *self)
{
  g_autofree char *text =
    g_strdup_printf (_("Uncertainty of “%s”"), fw_session_get_scenario (self->session)->name);

  fw_widget_set_label (self->heading, text);
}

static void
on_session_changed (FwSpreadsEditor *self,
                    const FwChange  *change)
{
  if (change->flags == FW_CHANGE_RESULTS)
    return;
  if (change->flags & FW_CHANGE_DOCUMENT)
    for (SpreadId id = 0; id < N_SPREADS; id++)
      fw_typed_field_set_document (self->spreads[id].field, fw_session_get_document (self->session));
  update_heading (self);
  for (SpreadId id = 0; id < N_SPREADS; id++)
    if (!fw_typed_field_is_applying (self->spreads[id].field))
      fw_typed_field_show (self->spreads[id].field);
}

static void
fw_spreads_editor_dispose (GObject *object)
{
  FwSpreadsEditor *self = FW_SPREADS_EDITOR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (fw_spreads_editor_parent_class)->dispose (object);
}

static void
fw_spreads_editor_class_init (FwSpreadsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_spreads_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwspreadseditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_spreads_editor_init (FwSpreadsEditor *self)
{
  GtkWidget *intro;
  GtkWidget *grid;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  /* The name whole, on as many lines as it takes: it is the scenario
   * these fields change, and a long one must not widen the pane. */
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_label_set_wrap_mode (self->heading, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->heading));

  intro = gtk_label_new (_("How far each estimate may be off. The chart then shows the range "
                           "the customers will likely fall in (10th to 90th percentile of "
                           "1,000 draws)."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (self->box), intro);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_box_append (GTK_BOX (self->box), grid);

  for (SpreadId id = 0; id < N_SPREADS; id++)
    {
      Spread *spread = &self->spreads[id];
      GtkWidget *caption = gtk_label_new_with_mnemonic (_(spread_info[id].caption));
      GtkWidget *unit = gtk_label_new ("%");
      g_autofree char *name = spread_name (id);
      /* "Advance rates, uncertainty (± %)": what the field is, not only
       * what it is about. */
      g_autofree char *label = g_strdup_printf (_("%s, uncertainty (± %%)"), name);

      spread->editor = self;
      spread->id = id;
      spread->entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (spread->entry), 6);
      gtk_entry_set_alignment (GTK_ENTRY (spread->entry), 1.0);
      gtk_widget_set_hexpand (caption, TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      /* The caption gives way, never the field (a longer translation
       * wraps). */
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (caption), spread->entry);
      fw_widget_set_accessible_label (spread->entry, label);
      gtk_grid_attach (GTK_GRID (grid), caption, 0, 2 * (int) id, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spread->entry, 1, 2 * (int) id, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), unit, 2, 2 * (int) id, 1, 1);

      spread->error = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (spread->error, TRUE);
      gtk_label_set_xalign (spread->error, 0);
      gtk_widget_add_css_class (GTK_WIDGET (spread->error), "error");
      gtk_widget_set_visible (GTK_WIDGET (spread->error), FALSE);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (spread->error), 0, 2 * (int) id + 1, 3, 1);
    }
}

GtkWidget *
fw_spreads_editor_new (void)
{
  return g_object_new (FW_TYPE_SPREADS_EDITOR, NULL);
}

void
fw_spreads_editor_set_session (FwSpreadsEditor *self,
                               FwSession       *session)
{
  g_return_if_fail (FW_IS_SPREADS_EDITOR (self));
  g_return_if_fail (FW_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  for (SpreadId id = 0; id < N_SPREADS; id++)
    {
      Spread *spread = &self->spreads[id];

      spread->field = fw_typed_field_new (spread->entry, fw_session_get_document (session),
                                          apply_spread, show_spread, G_CALLBACK (on_marked), spread);
      fw_typed_field_set_hint (spread->field, _(spread_info[id].hint));
    }
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  update_heading (self);
  for (SpreadId id = 0; id < N_SPREADS; id++)
    fw_typed_field_show (self->spreads[id].field);
}
