/* fw-window-pending.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-pending"

#include <glib/gi18n.h>

#include "fw-typed-field.h"
#include "fw-window-private.h"

/* Work the document does not hold: text typed into a field and refused
 * (fw-typed-field.h) is kept, marked, until the user says what becomes of
 * it. So it is unsaved work like an edit: opening another file, starting
 * a new project, closing the window or quitting asks first, and says
 * which value was not applied and why, since saving cannot keep it. */

/* Reasons listed in the question at most; a longer list ends in "…". */
#define MAX_REASONS 4

gboolean
fw_window_has_pending_text (FwWindow *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (self->document == NULL)
    return FALSE;
  pending = fw_typed_field_list_pending (self->document);
  return pending->len > 0;
}

gboolean
fw_window_has_unsaved_work (FwWindow *self)
{
  return self->document != NULL &&
         (fw_document_get_modified (self->document) || fw_window_has_pending_text (self));
}

static char *
pending_heading (GPtrArray *pending)
{
  const FwPendingText *first = g_ptr_array_index (pending, 0);

  if (pending->len > 1)
    return g_strdup_printf (ngettext ("%u typed value was not applied",
                                      "%u typed values were not applied", pending->len),
                            pending->len);
  if (first->name != NULL)
    /* Translators: “80” in Drop-off (%), stage Engage was not applied */
    return g_strdup_printf (_("“%s” in %s was not applied"), first->text, first->name);
  return g_strdup_printf (_("“%s” was not applied"), first->text);
}

static char *
pending_body (FwWindow  *self,
              GPtrArray *pending)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < pending->len && i < MAX_REASONS; i++)
    {
      const FwPendingText *each = g_ptr_array_index (pending, i);

      if (pending->len > 1 && each->name != NULL)
        g_string_append_printf (body, _("%s: “%s”. %s"), each->name, each->text, each->reason);
      else
        g_string_append (body, each->reason);
      g_string_append_c (body, '\n');
    }
  if (pending->len > MAX_REASONS)
    g_string_append (body, "…\n");
  g_string_append_c (body, '\n');
  g_string_append (body, pending->len > 1
                   ? _("Go back to correct them, or press Escape in a field to take its value back. "
                       "If you go on, they are lost.")
                   : _("Go back to correct it, or press Escape in the field to take it back. "
                       "If you go on, it is lost."));
  if (fw_document_get_modified (self->document))
    {
      g_string_append_c (body, ' ');
      g_string_append (body, _("The project also has other changes that are not saved."));
    }
  return g_string_free (body, FALSE);
}

GtkWidget *
fw_window_pending_question (FwWindow  *self,
                            GPtrArray *pending)
{
  g_autofree char *heading = pending_heading (pending);
  g_autofree char *body = pending_body (self, pending);
  GtkWidget *dialog;
  GtkWidget *discard;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", heading);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", body);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Go Back"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  /* Saving keeps the edits that did go in, never the refused text. */
  if (fw_document_get_modified (self->document))
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save Other Changes"), GTK_RESPONSE_ACCEPT);
  /* The safe answer, for Enter and Escape alike. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return dialog;
}

void
fw_window_focus_pending (FwWindow *self)
{
  g_autoptr(GPtrArray) pending = fw_typed_field_list_pending (self->document);

  for (guint i = 0; i < pending->len; i++)
    {
      GtkWidget *widget = ((FwPendingText *) g_ptr_array_index (pending, i))->widget;

      if (widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_grab_focus (widget))
        return;
    }
}

/* The file holds the document, never text a field refused: a save that
 * said nothing let the user believe the marked value was saved too (user
 * review, B2). Every field that can refuse text is a typed field, so this
 * one path covers them all: the inflow, the stage fields, the point
 * editor's, a scenario not on show. The save itself goes through (the
 * edits that did apply are the user's work, and asking first would put a
 * dialog in front of every Ctrl+S); the notice names what was left out
 * and why, and the keyboard is put back on the field to correct it. */
void
fw_window_tell_saved_without_pending (FwWindow *self,
                                      GFile    *file)
{
  g_autoptr(GPtrArray) pending = fw_typed_field_list_pending (self->document);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  const FwPendingText *first;

  /* A save is news of its own: an older notice (one that said a value
   * was left out, since corrected) would now be wrong. */
  if (pending->len == 0)
    {
      fw_window_dismiss_notice (self);
      return;
    }

  first = g_ptr_array_index (pending, 0);
  name = g_file_get_basename (file);
  if (pending->len == 1)
    /* Translators: Saved “Acme.flywheel” without “-5”, which was not
     * applied. New leads from marketing: must be between 0 and … */
    text = g_strdup_printf (_("Saved “%s” without “%s”, which was not applied. %s"),
                            name, first->text, first->reason);
  else
    text = g_strdup_printf (ngettext ("Saved “%s” without %u typed value that was not applied. %s",
                                      "Saved “%s” without %u typed values that were not applied. %s",
                                      pending->len),
                            name, pending->len, first->reason);
  fw_window_notify (self, text, NULL);
  fw_window_focus_pending (self);
}
