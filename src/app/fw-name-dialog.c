/* fw-name-dialog.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-name-dialog"

#include <glib/gi18n.h>

#include "fw-name-dialog.h"
#include "fw-widget-util.h"

/* Renaming a scenario or the project: one dialog for both, so they read
 * and behave alike. The name is checked as it is typed, by the caller's
 * rules, and said under the entry (and to a screen reader, as the
 * entry's description), instead of being refused after the fact. */

typedef struct
{
  GtkEntry       *entry;
  GtkLabel       *problem_label;
  GtkWidget      *accept;
  FwNameProblem   problem;
  FwNameAccepted  accepted;
  gpointer        user_data;
} Ask;

static void
on_text_changed (Ask *ask)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (ask->entry));
  g_autofree char *problem = ask->problem (text, ask->user_data);

  gtk_label_set_text (ask->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (ask->problem_label), problem != NULL);
  gtk_widget_set_sensitive (ask->accept, problem == NULL);
  fw_widget_set_css_class (GTK_WIDGET (ask->entry), "error", problem != NULL);
  if (problem != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (ask->entry),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (ask->entry), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem != NULL ? problem : "",
                                  -1);
}

static void
on_response (GtkDialog *dialog,
             int        response,
             Ask       *ask)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
      g_autofree char *problem = ask->problem (name, ask->user_data);

      /* Enter in the entry reaches here even while the button is not
       * sensitive; the reason is on screen already. */
      if (problem != NULL)
        return;
      gtk_window_destroy (GTK_WINDOW (dialog));
      ask->accepted (name, ask->user_data);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
fw_name_dialog_ask (GtkWindow      *parent,
                    const char     *title,
                    const char     *caption,
                    const char     *current,
                    const char     *accept_label,
                    FwNameProblem   problem,
                    FwNameAccepted  accepted,
                    gpointer        user_data)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  Ask *ask;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (problem != NULL && accepted != NULL);

  ask = g_new0 (Ask, 1);
  ask->problem = problem;
  ask->accepted = accepted;
  ask->user_data = user_data;

  dialog = gtk_dialog_new_with_buttons (title, parent,
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        NULL);
  ask->accept = gtk_dialog_add_button (GTK_DIALOG (dialog), accept_label, GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (ask->accept, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_window_set_resizable (GTK_WINDOW (dialog), FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "fw-name-dialog", ask, g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), box);

  label = gtk_label_new_with_mnemonic (caption);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  ask->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (ask->entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (ask->entry), current);
  gtk_widget_set_size_request (GTK_WIDGET (ask->entry), 320, -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (ask->entry));
  fw_widget_set_accessible_label (GTK_WIDGET (ask->entry), gtk_label_get_text (GTK_LABEL (label)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->entry));

  ask->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (ask->problem_label, 0);
  gtk_label_set_wrap (ask->problem_label, TRUE);
  gtk_label_set_max_width_chars (ask->problem_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (ask->problem_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->problem_label));

  g_signal_connect_swapped (ask->entry, "changed", G_CALLBACK (on_text_changed), ask);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ask);
  on_text_changed (ask);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (ask->entry));
  gtk_editable_select_region (GTK_EDITABLE (ask->entry), 0, -1);
}
