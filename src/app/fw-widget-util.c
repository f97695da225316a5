/* fw-widget-util.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-widget-util"

#include <math.h>
#include <string.h>

#include "fw-widget-util.h"

#define ACCESSIBLE_LABEL_KEY "fw-accessible-label"

void
fw_widget_set_label (GtkLabel   *label,
                     const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

void
fw_widget_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* What a screen reader says of @widget after its name; NULL, nothing. */
static void
set_description (GtkWidget  *widget,
                 const char *text)
{
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

#define LAZY_TOOLTIP_KEY "fw-lazy-tooltip"

static gboolean
on_query_lazy_tooltip (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), LAZY_TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

gboolean
fw_widget_set_tooltip_lazily (GtkWidget  *widget,
                              const char *text)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  /* As GTK: an empty tooltip is none. */
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), LAZY_TOOLTIP_KEY), text) == 0)
    return FALSE;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_lazy_tooltip, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_lazy_tooltip), NULL);
  /* One tooltip: a text given the eager way before (a .ui file's) goes. */
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    gtk_widget_set_tooltip_text (widget, NULL);
  g_object_set_data_full (G_OBJECT (widget), LAZY_TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  set_description (widget, text);
  /* Under the pointer, a tooltip may be on show: it takes the new text
   * now, as after gtk_widget_set_tooltip_text (). GTK marks the widgets
   * under the pointer as prelit, so only those ask the display. */
  if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT)
    gtk_widget_trigger_tooltip_query (widget);
  return TRUE;
}

gboolean
fw_widget_set_text (GtkEditable *editable,
                    const char  *text)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), FALSE);

  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return FALSE;

  gtk_editable_set_text (editable, text);
  return TRUE;
}

gboolean
fw_widget_tab_past_rows (GtkWidget        *container,
                         GtkWidget        *rows,
                         GtkDirectionType  direction,
                         gboolean         *moved)
{
  GtkRoot *root = gtk_widget_get_root (container);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_return_val_if_fail (gtk_widget_is_ancestor (rows, container), FALSE);
  g_return_val_if_fail (moved != NULL, FALSE);

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
      || focus == NULL || (focus != rows && !gtk_widget_is_ancestor (focus, rows)))
    return FALSE;

  /* GTK orders Tab by the widget tree: the siblings after (before) the
   * list, then those after (before) each of its parents, up to
   * @container; those not on show are passed over, as GTK passes them. */
  *moved = FALSE;
  for (GtkWidget *part = rows; part != container && !*moved; part = gtk_widget_get_parent (part))
    for (GtkWidget *next = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (part)
                                                            : gtk_widget_get_prev_sibling (part);
         next != NULL && !*moved;
         next = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (next)
                                                 : gtk_widget_get_prev_sibling (next))
      if (gtk_widget_get_visible (next) && gtk_widget_get_child_visible (next))
        *moved = gtk_widget_child_focus (next, direction);
  return TRUE;
}

void
fw_widget_set_css_class (GtkWidget  *widget,
                         const char *css_class,
                         gboolean    on)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* The part of @widget a keyboard reaches: a colour button, a drop-down
 * and a menu button are a box around a button of their own, which a screen reader lands
 * on and would call by its type ("GtkButton", "GtkToggleButton"). */
static GtkWidget *
focusable_part (GtkWidget *widget)
{
  if (GTK_IS_COLOR_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      if (GTK_IS_BUTTON (child))
        return child;
    }
  return NULL;
}

static void
set_label_alone (GtkWidget  *widget,
                 const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8 reads the label relations out after the label ("Advance,
   * stage Engage Advance"): the name given here says it all. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
fw_widget_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  GtkWidget *part;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_label_alone (widget, label);
  if ((part = focusable_part (widget)) != NULL)
    set_label_alone (part, label);
  /* GTK 4.8 has no getter for it. */
  g_object_set_data_full (G_OBJECT (widget), ACCESSIBLE_LABEL_KEY, g_strdup (label), g_free);
}

const char *
fw_widget_get_accessible_label (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), ACCESSIBLE_LABEL_KEY);
}

char *
fw_widget_strip_mnemonic (const char *text)
{
  GString *plain;

  g_return_val_if_fail (text != NULL, NULL);

  plain = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      /* "__" is a real underscore; "_x" marks x as the mnemonic. */
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/* The label @widget shows, as typed into a .ui file or a call, when it
 * underlines a mnemonic in it; NULL otherwise. */
static const char *
mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

void
fw_widget_name_plainly (GtkWidget *root)
{
  const char *label;

  g_return_if_fail (GTK_IS_WIDGET (root));

  /* GTK 4.8 gives a button its label as written, "_Open", as its name,
   * then its label child's "Open" again; a screen reader reads out
   * "underscore Open Open". */
  if ((label = mnemonic_label (root)) != NULL)
    {
      g_autofree char *plain = fw_widget_strip_mnemonic (label);

      set_label_alone (root, plain);
    }
  else
    {
      /* A field with a caption that points at it ("_Note"), and a name
       * of its own from the .ui file: GTK 4.8 reads both, "Note Note".
       * Every such field here has a name of its own. */
      GList *labels = gtk_widget_list_mnemonic_labels (root);

      if (labels != NULL)
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      g_list_free (labels);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fw_widget_name_plainly (child);
}

void
fw_widget_mark_invalid (GtkWidget  *field,
                        const char *message,
                        const char *hint)
{
  const char *text = message != NULL ? message : hint;

  g_return_if_fail (GTK_IS_WIDGET (field));

  fw_widget_set_css_class (field, "error", message != NULL);
  /* Lazily: a row of the stage panel has six such fields (and a form
   * is refreshed on every edit); the text and the description are the
   * same as gtk_widget_set_tooltip_text () would give. */
  fw_widget_set_tooltip_lazily (field, text);

  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

int
fw_widget_device_pixel (GtkWidget *widget,
                        double     x)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  return (int) floor (x * gtk_widget_get_scale_factor (widget) + 0.5);
}
