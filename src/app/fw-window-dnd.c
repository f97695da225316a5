/* fw-window-dnd.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-dnd"

#include "fw-window-private.h"

/* Project files dropped on the window, from a file manager or a
 * desktop: the first opens as Open does (here if the window holds an
 * untouched new project, else in a window of its own; a file that is not
 * a project refused with a sentence that says so); any others open
 * through the application, each in a window of its own. Drops of catalog entries are the wheel's own
 * (fw-wheel-view-dnd.c): the innermost widget that accepts a drop's
 * type takes it, so the two never meet. */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWindow      *self)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GSList *files = NULL;
  GtkApplication *application;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    files = g_slist_prepend (NULL, g_value_get_object (value));

  if (files == NULL)
    return FALSE;

  fw_window_open_file (self, files->data);

  for (GSList *l = files->next; l != NULL; l = l->next)
    g_ptr_array_add (others, l->data);
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (others->len > 0 && application != NULL)
    g_application_open (G_APPLICATION (application), (GFile **) others->pdata, (int) others->len, "");

  g_slist_free (files);
  return TRUE;
}

void
fw_window_add_file_drop (FwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
