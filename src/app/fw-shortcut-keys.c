/* fw-shortcut-keys.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-shortcut-keys"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-shortcut-keys.h"

/* What GtkShortcutLabel writes on a key's cap when GTK's translations
 * have nothing better: the keysym's own name. */
static const char *
key_name (const char *keysym)
{
  if (g_strcmp0 (keysym, "Page_Up") == 0)
    /* Translators: a key's name, as in the keyboard shortcuts window */
    return C_("keyboard key", "Page Up");
  if (g_strcmp0 (keysym, "Page_Down") == 0)
    /* Translators: a key's name, as in the keyboard shortcuts window */
    return C_("keyboard key", "Page Down");
  if (g_strcmp0 (keysym, "BackSpace") == 0)
    /* Translators: a key's name, as in the keyboard shortcuts window */
    return C_("keyboard key", "Backspace");
  return NULL;
}

static void name_keys_in (GtkWidget *widget);

/* A shortcut label makes its key caps again when its accelerator
 * changes (those of actions follow the application's accelerators). */
static void
on_accelerator (GtkWidget *shortcut_label)
{
  name_keys_in (shortcut_label);
}

static void
name_keys_in (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUT_LABEL (widget) && g_object_get_data (G_OBJECT (widget), "fw-keys-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "fw-keys-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::accelerator", G_CALLBACK (on_accelerator), NULL);
    }
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "keycap"))
    {
      const char *name = key_name (gtk_label_get_text (GTK_LABEL (widget)));

      if (name != NULL)
        gtk_label_set_text (GTK_LABEL (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_keys_in (child);
}

void
fw_shortcut_keys_name (GtkWidget *shortcuts_window)
{
  g_return_if_fail (GTK_IS_WIDGET (shortcuts_window));

  name_keys_in (shortcuts_window);
}
