/* fw-window-banner.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-banner"

#include <glib/gi18n.h>

#include "fw-widget-util.h"
#include "fw-window-private.h"

/* Banners under the header bar, below the error banner: the progress of
 * a slow open or save (with Cancel for an open), and the recovered work
 * offered back after a crash (fw-window-recovery.c). Each is a row of an
 * icon or spinner, a sentence and buttons, sliding in and out. */

GtkWidget *
fw_window_banner_new (FwWindow   *self,
                      GtkWidget  *lead,
                      const char *text,
                      GtkLabel  **label_out)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->error_revealer));

  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_add_css_class (box, "info-banner");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (lead != NULL)
    gtk_box_append (GTK_BOX (box), lead);
  gtk_box_append (GTK_BOX (box), label);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  /* After the banners already there, just above the window's panes. */
  gtk_box_insert_child_after (GTK_BOX (content), revealer,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->side_paned)));
  /* One that comes while presenting waits for its end. */
  gtk_widget_set_visible (revealer, !fw_session_get_presenting (self->session));
  if (label_out != NULL)
    *label_out = GTK_LABEL (label);
  return revealer;
}

GtkWidget *
fw_window_banner_add_button (GtkWidget  *banner,
                             const char *mnemonic,
                             gboolean    suggested)
{
  GtkWidget *box = gtk_revealer_get_child (GTK_REVEALER (banner));
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), button);
  fw_widget_name_plainly (button);
  return button;
}

/* Presenting shows none of them: a projector showed the recovery offer
 * across the top of the screen, naming another of the presenter's files,
 * its Discard button one click away. Each stays as it is (an offer, a
 * progress), shown again when presenting ends. */
void
fw_window_show_banners (FwWindow *self,
                        gboolean  shown)
{
  GtkWidget *banner;

  for (banner = gtk_widget_get_next_sibling (GTK_WIDGET (self->error_revealer));
       banner != NULL && banner != GTK_WIDGET (self->side_paned);
       banner = gtk_widget_get_next_sibling (banner))
    gtk_widget_set_visible (banner, shown);
}

/* Progress ---------------------------------------------------------------- */


struct _FwWindowProgress
{
  GtkWidget    *banner;
  GtkLabel     *label;
  GtkWidget    *spinner;
  GtkWidget    *cancel;
  GCancellable *cancellable;   /* what Cancel cancels; NULL for a save */
  guint         timeout;
};

static void
on_cancel_clicked (FwWindow *self)
{
  if (self->progress != NULL && self->progress->cancellable != NULL)
    g_cancellable_cancel (self->progress->cancellable);
}

static gboolean
reveal_progress (gpointer user_data)
{
  FwWindow *self = user_data;
  FwWindowProgress *progress = self->progress;

  progress->timeout = 0;
  gtk_spinner_start (GTK_SPINNER (progress->spinner));
  gtk_revealer_set_reveal_child (GTK_REVEALER (progress->banner), TRUE);
  return G_SOURCE_REMOVE;
}

static FwWindowProgress *
ensure_progress (FwWindow *self)
{
  FwWindowProgress *progress = self->progress;

  if (progress != NULL)
    return progress;

  progress = self->progress = g_new0 (FwWindowProgress, 1);
  progress->spinner = gtk_spinner_new ();
  progress->banner = fw_window_banner_new (self, progress->spinner, NULL, &progress->label);
  progress->cancel = fw_window_banner_add_button (progress->banner, _("_Cancel"), FALSE);
  g_signal_connect_object (progress->cancel, "clicked", G_CALLBACK (on_cancel_clicked),
                           self, G_CONNECT_SWAPPED);
  return progress;
}

void
fw_window_progress_begin (FwWindow     *self,
                          const char   *text,
                          GCancellable *cancellable)
{
  FwWindowProgress *progress = ensure_progress (self);

  g_set_object (&progress->cancellable, cancellable);
  gtk_widget_set_visible (progress->cancel, cancellable != NULL);
  fw_window_progress_say (self, text);
  if (progress->timeout == 0 && !gtk_revealer_get_reveal_child (GTK_REVEALER (progress->banner)))
    progress->timeout = g_timeout_add (FW_WINDOW_PROGRESS_DELAY_MS, reveal_progress, self);
}

void
fw_window_progress_say (FwWindow   *self,
                        const char *text)
{
  FwWindowProgress *progress = ensure_progress (self);

  gtk_label_set_text (progress->label, text);
  fw_widget_set_accessible_label (GTK_WIDGET (progress->label), text);
}

void
fw_window_progress_end (FwWindow *self)
{
  FwWindowProgress *progress = self->progress;

  if (progress == NULL)
    return;
  g_clear_handle_id (&progress->timeout, g_source_remove);
  g_clear_object (&progress->cancellable);
  gtk_spinner_stop (GTK_SPINNER (progress->spinner));
  gtk_revealer_set_reveal_child (GTK_REVEALER (progress->banner), FALSE);
}

gboolean
fw_window_progress_is_shown (FwWindow *self)
{
  return self->progress != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->progress->banner));
}

void
fw_window_progress_free (FwWindow *self)
{
  if (self->progress == NULL)
    return;
  g_clear_handle_id (&self->progress->timeout, g_source_remove);
  g_clear_object (&self->progress->cancellable);
  g_clear_pointer (&self->progress, g_free);
}
