/* fw-window-loading.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-loading"

#include <glib/gi18n.h>

#include "fw-widget-util.h"
#include "fw-window-private.h"

/* While a file is read into the window, the editor (wheel, chart,
 * figures, lists) gives way to a page that says so: the project it
 * showed is not the file's, and its figures, greyed out under the file's
 * name, were taken for the file's by a client watching the largest
 * project open (verification 8, V8-03). The progress banner above keeps
 * its Cancel; when the open ends either way, the editor is back, with
 * the file's project or, cancelled or refused, the one it had. */

static GtkWidget *
loading_page_new (FwWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->side_paned));

  gtk_widget_add_css_class (page, "canvas");
  gtk_widget_add_css_class (page, "fw-loading-page");
  gtk_widget_set_hexpand (page, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_widget_set_valign (spinner, GTK_ALIGN_END);
  gtk_widget_set_vexpand (spinner, TRUE);
  gtk_widget_set_size_request (spinner, 48, 48);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (page), spinner);
  gtk_box_append (GTK_BOX (page), label);
  gtk_widget_set_visible (page, FALSE);
  /* Where the editor is, before the present view; after the banners,
   * which fw_window_show_banners () finds up to the editor. */
  gtk_box_insert_child_after (GTK_BOX (content), page, GTK_WIDGET (self->side_paned));
  return page;
}

/* What acts on the project on show would act on one about to go: F5
 * presented the old project while the file was read, Copy and Export
 * would hand it out under the file's name, and the header's scenario
 * picker listed its scenarios. None of them until the file's project is
 * in (or, cancelled, the old one is back); the picker and the scenario
 * menu stay in place, insensitive, so the header does not jump. */
static void
hold_what_acts_on_the_project (FwWindow *self)
{
  static const char *actions[] = {
    "win.present-start", "win.present-reveal", "win.export", "win.export-report", "win.print",
    "win.copy-wheel", "win.copy-chart", "scenario.switch",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !self->loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_dropdown), !self->loading);
  gtk_widget_set_sensitive (self->scenario_menu_button, !self->loading);
  /* Undo and redo too (fw_window_update_actions () asks). */
  if (self->session != NULL && self->document != NULL)
    fw_window_update_actions (self);
}

void
fw_window_show_loading (FwWindow *self,
                        GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkWidget *spinner;
  GtkWidget *label;

  if (self->loading_page == NULL)
    self->loading_page = loading_page_new (self);
  spinner = gtk_widget_get_first_child (self->loading_page);
  label = gtk_widget_get_next_sibling (spinner);
  if (file != NULL)
    {
      name = g_file_get_basename (file);
      /* Translators: shown instead of the wheel and figures while the
       * file is read; “Acme.flywheel” shows here once it has been read. */
      text = g_strdup_printf (_("“%s” shows here once it has been read."), name);
      gtk_label_set_text (GTK_LABEL (label), text);
      fw_widget_set_accessible_label (label, text);
      gtk_spinner_start (GTK_SPINNER (spinner));
    }
  else
    gtk_spinner_stop (GTK_SPINNER (spinner));
  self->loading = file != NULL;
  /* Hidden, and insensitive too: nothing reaches it from the keyboard. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->side_paned), !self->loading);
  hold_what_acts_on_the_project (self);
  fw_window_show_editor_or_loading (self);
}

gboolean
fw_window_is_loading (FwWindow *self)
{
  return self->loading;
}

/* Presenting hides both: the present view takes their place. */
void
fw_window_show_editor_or_loading (FwWindow *self)
{
  gboolean presenting = fw_session_get_presenting (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->side_paned), !presenting && !self->loading);
  if (self->loading_page != NULL)
    gtk_widget_set_visible (self->loading_page, !presenting && self->loading);
}
