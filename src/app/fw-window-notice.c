/* fw-window-notice.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-notice"

#include <glib/gi18n.h>

#include "fw-widget-util.h"
#include "fw-window-private.h"

/* A brief word that something the user asked for happened where the
 * window shows nothing else of it: an export written (with the file's
 * name and folder, and Open and Open Folder), the wheel copied. Before
 * it, Export and Ctrl+C left the user to trust they had worked
 * (review3's C6).
 *
 * It rises over the bottom of the window rather than sliding in as a
 * banner: nothing under it moves (a banner shrinks the wheel for a
 * moment, and at 1280x720 every pixel of it counts), and it asks
 * nothing, so it takes no focus and goes by itself after a few seconds
 * (longer with actions to reach; never while the keyboard is on one of
 * them), or at once with its close button. A screen reader hears it as
 * it shows: its box is an alert, named by its sentence. */

#define NOTICE_SECONDS              5
#define NOTICE_WITH_ACTIONS_SECONDS 10
/* Longer than this, a notice is read in the longer time. */
#define NOTICE_SHORT_CHARS          60

struct _FwWindowNotice
{
  GtkWidget *revealer;
  GtkWidget *box;
  GtkLabel  *label;
  GtkWidget *open;
  GtkWidget *folder;
  GFile     *file;      /* what Open opens; NULL: nothing to open */
  guint      timeout;
};

static void
hide_notice (FwWindow *self)
{
  FwWindowNotice *notice = self->notice;

  g_clear_handle_id (&notice->timeout, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (notice->revealer), FALSE);
}

static gboolean
on_timeout (gpointer user_data)
{
  FwWindow *self = user_data;
  FwWindowNotice *notice = self->notice;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The keyboard is on Open or Open Folder: the user is about to use it. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, notice->box))
    return G_SOURCE_CONTINUE;
  notice->timeout = 0;
  hide_notice (self);
  return G_SOURCE_REMOVE;
}

/* Gone from sight: gone from the focus chain and the accessible tree too. */
static void
on_child_revealed (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
show_file (FwWindow *self,
           GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  fw_window_show_uri (self, uri, _("No program to open it with was found."));
  hide_notice (self);
}

static void
on_open_clicked (FwWindow *self)
{
  if (self->notice->file != NULL)
    show_file (self, self->notice->file);
}

static void
on_folder_clicked (FwWindow *self)
{
  g_autoptr(GFile) parent = self->notice->file != NULL ? g_file_get_parent (self->notice->file) : NULL;

  if (parent != NULL)
    show_file (self, parent);
}

static GtkWidget *
add_button (FwWindowNotice *notice,
            GtkWidget      *button)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (notice->box), button);
  return button;
}

/* Over the window's content: the window's child goes into an overlay,
 * as the window is made (later, it would take the focus away). */
void
fw_window_init_notice (FwWindow *self)
{
  FwWindowNotice *notice;
  GtkWidget *content, *overlay, *close;

  g_return_if_fail (self->notice == NULL);

  notice = self->notice = g_new0 (FwWindowNotice, 1);
  content = g_object_ref (gtk_window_get_child (GTK_WINDOW (self)));
  overlay = gtk_overlay_new ();
  gtk_window_set_child (GTK_WINDOW (self), overlay);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
  g_object_unref (content);

  notice->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (notice->revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_halign (notice->revealer, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (notice->revealer, GTK_ALIGN_END);
  gtk_widget_set_visible (notice->revealer, FALSE);
  g_signal_connect (notice->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), NULL);

  notice->box = g_object_new (GTK_TYPE_BOX,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                              "orientation", GTK_ORIENTATION_HORIZONTAL,
                              "spacing", 12,
                              "margin-bottom", 18,
                              "margin-start", 18,
                              "margin-end", 18,
                              NULL);
  gtk_widget_add_css_class (notice->box, "app-notification");
  gtk_widget_set_name (notice->box, "notice");

  notice->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (notice->label, TRUE);
  /* On one line while it fits, not wrapped to a narrow block. */
  gtk_label_set_natural_wrap_mode (notice->label, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (notice->label, 60);
  gtk_label_set_xalign (notice->label, 0.0);
  gtk_widget_set_valign (GTK_WIDGET (notice->label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (notice->box), GTK_WIDGET (notice->label));

  notice->open = add_button (notice, gtk_button_new_with_mnemonic (_("_Open")));
  g_signal_connect_object (notice->open, "clicked", G_CALLBACK (on_open_clicked), self, G_CONNECT_SWAPPED);
  notice->folder = add_button (notice, gtk_button_new_with_mnemonic (_("Open _Folder")));
  g_signal_connect_object (notice->folder, "clicked", G_CALLBACK (on_folder_clicked), self, G_CONNECT_SWAPPED);
  close = add_button (notice, gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_has_frame (GTK_BUTTON (close), FALSE);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  fw_widget_set_accessible_label (close, _("Dismiss"));
  g_signal_connect_object (close, "clicked", G_CALLBACK (hide_notice), self, G_CONNECT_SWAPPED);
  fw_widget_name_plainly (notice->box);

  gtk_revealer_set_child (GTK_REVEALER (notice->revealer), notice->box);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), notice->revealer);
}

void
fw_window_notify (FwWindow   *self,
                  const char *text,
                  GFile      *file)
{
  FwWindowNotice *notice = self->notice;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  g_set_object (&notice->file, file);
  gtk_label_set_text (notice->label, text);
  fw_widget_set_accessible_label (notice->box, text);
  gtk_widget_set_visible (notice->open, file != NULL);
  gtk_widget_set_visible (notice->folder, file != NULL);

  /* A second notice replaces the first, and is announced as new. */
  if (gtk_widget_get_visible (notice->revealer))
    gtk_widget_set_visible (notice->revealer, FALSE);
  gtk_widget_set_visible (notice->revealer, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (notice->revealer), TRUE);
  g_clear_handle_id (&notice->timeout, g_source_remove);
  /* Actions to reach, or a sentence with a reason in it (a save that
   * left a typed value out), need the longer time. */
  notice->timeout = g_timeout_add_seconds (file != NULL || g_utf8_strlen (text, -1) > NOTICE_SHORT_CHARS
                                           ? NOTICE_WITH_ACTIONS_SECONDS : NOTICE_SECONDS,
                                           on_timeout, self);
}

void
fw_window_dismiss_notice (FwWindow *self)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  if (self->notice != NULL)
    hide_notice (self);
}

const char *
fw_window_get_notice (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  if (self->notice == NULL || !gtk_revealer_get_reveal_child (GTK_REVEALER (self->notice->revealer)))
    return NULL;
  return gtk_label_get_text (self->notice->label);
}

void
fw_window_notice_free (FwWindow *self)
{
  FwWindowNotice *notice = self->notice;

  if (notice == NULL)
    return;
  g_clear_handle_id (&notice->timeout, g_source_remove);
  g_clear_object (&notice->file);
  g_clear_pointer (&self->notice, g_free);
}
