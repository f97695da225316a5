/* fw-scenario-picker.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-scenario-picker"

#include "fw-scenario-picker.h"

/* The button: about a short sentence, as a header bar can spare; and
 * never narrower than the name it shows, up to that, however narrow
 * the window: at 1024x768 it read a bare "…" while the subtitle beside
 * it kept the project's folder (user review, R5-22), then "Without
 * the…" for "Without the email friction", which two such scenarios
 * share (R5-07). The header bar takes the room from the title and
 * subtitle, which give way first (the folder before the project's
 * name). */
#define BUTTON_CHARS 28
/* The open list: an 80-character name on one line. */
#define LIST_CHARS 80

static const char *
name_of (GtkListItem *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  return string != NULL ? gtk_string_object_get_string (string) : "";
}

static void
setup_button_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), BUTTON_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *name = name_of (item);

  gtk_label_set_text (GTK_LABEL (label), name);
  /* As wide as the whole name (in average characters, with one to spare
   * for a name of wide letters), up to the button's most. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (name, -1) + 1, BUTTON_CHARS));
  /* The whole name when it was cut short. */
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (name, -1) > BUTTON_CHARS ? name : NULL);
}

/* The open list's row: the name, and a check mark at the one on show. */
static void
setup_list_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LIST_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
show_check (GtkListItem *item)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (item), "fw-dropdown");
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_widget_set_opacity (check,
                          dropdown != NULL &&
                          gtk_drop_down_get_selected (dropdown) == gtk_list_item_get_position (item)
                          ? 1.0 : 0.0);
}

/* How many characters wide the open list's names ask to be: the
 * longest name's length, up to LIST_CHARS, and a little more, since a
 * width in characters counts average ones and names are not. The
 * drop-down's popover is as wide as the button or as its list's
 * minimum width, and an ellipsizing label asks for almost none: without
 * this every long name was cut to the button's 24 characters, and names
 * that differ only in their middle all read the same. Every row asks
 * the same width, so the list does not change width as it scrolls. */
static int
list_width_chars (GtkDropDown *dropdown)
{
  GListModel *names = gtk_drop_down_get_model (dropdown);
  glong longest = 0;

  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      longest = MAX (longest, g_utf8_strlen (gtk_string_object_get_string (name), -1));
    }
  return (int) MIN (longest + 3, LIST_CHARS);
}

static void
bind_list_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GtkDropDown              *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (box));

  gtk_label_set_text (label, name_of (item));
  gtk_label_set_width_chars (label, list_width_chars (dropdown));
  g_object_set_data (G_OBJECT (item), "fw-dropdown", dropdown);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (show_check), item, G_CONNECT_SWAPPED);
  show_check (item);
}

static void
unbind_list_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, show_check, item);
  g_object_set_data (G_OBJECT (item), "fw-dropdown", NULL);
}

void
fw_scenario_picker_init (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_signal_connect (button, "setup", G_CALLBACK (setup_button_label), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (bind_button_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_list_row), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_list_row), dropdown);
  g_signal_connect (list, "unbind", G_CALLBACK (unbind_list_row), dropdown);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}
