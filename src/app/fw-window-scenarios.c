/* fw-window-scenarios.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-scenarios"

#include <glib/gi18n.h>

#include "fw-name-dialog.h"
#include "fw-validate.h"
#include "fw-window-private.h"

/* The project's scenarios and its name, one action each, installed once
 * on the window: the header bar's scenario menu, the scenario picker,
 * the compare page's check boxes, shortcuts and the tests all reach the
 * same code. Edits go through FwDocument (one undo step each); which
 * scenarios are on show is the session's (not an edit).
 *
 *   scenario.new            add a scenario with the current one's stages
 *                           and inflow, and no points; show it
 *   scenario.duplicate      copy the current scenario next to it, show
 *                           the copy compared with the original
 *   scenario.rename   s     rename the current scenario
 *   scenario.remove         remove the current scenario (undo brings it
 *                           back); the one now at its place is shown
 *   scenario.switch   u     make scenario @index the current one
 *   scenario.compare  (ub)  show scenario @index beside the current one,
 *                           or stop showing it
 *   project.rename    s     rename the project
 * and the ones that ask first, for menus and shortcuts:
 *   scenario.ask-rename, scenario.ask-remove, project.ask-rename
 * and scenario.show-compare, which opens the side panel's Compare page
 * (the compare check boxes and table, the spreads). */

static guint
current_scenario (FwWindow *self)
{
  return fw_session_get_scenario_index (self->session);
}

static gboolean
name_taken (const FwProject *project,
            const char      *name,
            int              except)
{
  for (guint i = 0; i < project->scenarios->len; i++)
    if ((int) i != except && g_strcmp0 (fw_project_get_scenario (project, i)->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* @format (with one %s for @base, and maybe a %u) made into a name no
 * other scenario has, @base shortened so the name keeps within
 * MODEL.md's 80 characters. */
static char *
free_name (const FwProject *project,
           const char      *base,
           const char      *first_format,
           const char      *next_format)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      glong over;

      name = n == 1 ? g_strdup_printf (first_format, base) : g_strdup_printf (next_format, base, n);
      over = g_utf8_strlen (name, -1) - FW_MAX_NAME_CHARS;
      if (over > 0)
        {
          g_autofree char *shorter = g_utf8_substring (base, 0, g_utf8_strlen (base, -1) - over - 1);
          g_autofree char *cut = g_strconcat (shorter, "…", NULL);

          g_free (name);
          name = n == 1 ? g_strdup_printf (first_format, cut) : g_strdup_printf (next_format, cut, n);
        }
      if (!name_taken (project, name, -1))
        return g_steal_pointer (&name);
    }
}

static void
show_only (FwWindow *self,
           guint     current,
           int       compared)
{
  guint shown[2] = { current, (guint) compared };

  fw_session_set_shown (self->session, shown, compared >= 0 ? 2 : 1);
}

static void
scenario_new_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const FwProject *project = fw_document_get_project (self->document);
  const FwScenario *current = fw_session_get_scenario (self->session);
  g_autoptr(FwScenario) fresh = fw_scenario_copy (current);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%u", project->scenarios->len + 1);
  guint position = project->scenarios->len;

  /* The same wheel (its stages, counts and inflow), a clean slate of
   * points and no spreads: what a user starts a new plan from. */
  g_ptr_array_set_size (fresh->points, 0);
  fresh->uncertainty = (FwUncertainty) { 0, 0, 0, 0 };
  g_free (fresh->name);
  /* TRANSLATORS: the name of a new scenario; %s is a number. */
  fresh->name = free_name (project, number, _("Scenario %s"), _("Scenario %s (%u)"));

  fw_document_seal (self->document);
  if (!fw_document_insert_scenario (self->document, position, fresh, &error))
    {
      fw_window_show_error (self, error->message);
      return;
    }
  show_only (self, position, -1);
}

static void
scenario_duplicate_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const FwProject *project = fw_document_get_project (self->document);
  guint original = current_scenario (self);
  g_autoptr(FwScenario) copy = fw_scenario_copy (fw_session_get_scenario (self->session));
  g_autoptr(GError) error = NULL;

  g_free (copy->name);
  /* TRANSLATORS: the name of a copy of the scenario %s; the second form
   * numbers further copies. */
  copy->name = free_name (project, fw_session_get_scenario (self->session)->name,
                          _("%s (copy)"), _("%s (copy %u)"));

  fw_document_seal (self->document);
  if (!fw_document_insert_scenario (self->document, original + 1, copy, &error))
    {
      fw_window_show_error (self, error->message);
      return;
    }
  /* The copy is where the user changes things; the original beside it
   * says at once what each change is worth. */
  show_only (self, original + 1, (int) original);
}

/* Why @name cannot be the current scenario's new name, in words. */
static char *
scenario_name_problem (const char *name,
                       gpointer    user_data)
{
  FwWindow *self = FW_WINDOW (user_data);
  g_autofree char *trimmed = fw_name_trim (name);
  glong length = g_utf8_strlen (trimmed, -1);

  if (length == 0)
    return g_strdup (_("A scenario needs a name."));
  if (length > FW_MAX_NAME_CHARS)
    return g_strdup_printf (_("A name can have at most %d characters; this one has %ld."),
                            FW_MAX_NAME_CHARS, length);
  if (name_taken (fw_document_get_project (self->document), trimmed, (int) current_scenario (self)))
    return g_strdup_printf (_("Another scenario is already called “%s”."), trimmed);
  return NULL;
}

static void
scenario_rename_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *problem = scenario_name_problem (name, self);
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = fw_name_trim (name);

  if (problem != NULL)
    {
      fw_window_show_error (self, problem);
      return;
    }
  if (g_strcmp0 (trimmed, fw_session_get_scenario (self->session)->name) == 0)
    return;
  fw_document_seal (self->document);
  if (!fw_document_rename_scenario (self->document, current_scenario (self), name, &error))
    fw_window_show_error (self, error->message);
}

static void
rename_scenario_accepted (const char *name,
                          gpointer    user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "scenario.rename", "s", name);
}

static void
scenario_ask_rename_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_name_dialog_ask (GTK_WINDOW (self), _("Rename Scenario"), _("_Name of the scenario"),
                      fw_session_get_scenario (self->session)->name, _("_Rename"),
                      scenario_name_problem, rename_scenario_accepted, self);
}

static void
scenario_remove_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (fw_document_get_n_scenarios (self->document) <= FW_MIN_SCENARIOS)
    {
      fw_window_show_error (self, _("A project keeps at least one scenario."));
      return;
    }
  fw_document_seal (self->document);
  if (!fw_document_remove_scenario (self->document, current_scenario (self), &error))
    fw_window_show_error (self, error->message);
}

static void
on_remove_response (GtkDialog *dialog,
                    int        response,
                    FwWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "scenario.remove", NULL);
}

static void
scenario_ask_remove_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *remove;

  if (fw_document_get_n_scenarios (self->document) <= FW_MIN_SCENARIOS)
    {
      fw_window_show_error (self, _("A project keeps at least one scenario."));
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete the scenario “%s”?"),
                                   fw_session_get_scenario (self->session)->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Its stages and points go with it. Undo (Ctrl+Z) brings it back."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  remove = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
scenario_switch_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < fw_document_get_n_scenarios (self->document))
    fw_session_set_scenario_index (self->session, index);
}

static void
scenario_compare_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint *now;
  guint n_now, index;
  gboolean compared;

  g_variant_get (parameter, "(ub)", &index, &compared);
  if (index >= fw_document_get_n_scenarios (self->document) || index == current_scenario (self))
    return;

  /* The others keep their order; one added goes last. */
  now = fw_session_get_shown (self->session, &n_now);
  for (guint i = 0; i < n_now; i++)
    if (now[i] != index)
      g_array_append_val (shown, now[i]);
  if (compared)
    g_array_append_val (shown, index);
  fw_session_set_shown (self->session, (const guint *) shown->data, shown->len);
}

static char *
project_name_problem (const char *name,
                      gpointer    user_data)
{
  g_autofree char *trimmed = fw_name_trim (name);
  glong length = g_utf8_strlen (trimmed, -1);

  if (length == 0)
    return g_strdup (_("A project needs a name."));
  if (length > FW_MAX_NAME_CHARS)
    return g_strdup_printf (_("A name can have at most %d characters; this one has %ld."),
                            FW_MAX_NAME_CHARS, length);
  return NULL;
}

static void
project_rename_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *problem = project_name_problem (name, self);
  g_autofree char *trimmed = fw_name_trim (name);
  g_autoptr(GError) error = NULL;

  if (problem != NULL)
    {
      fw_window_show_error (self, problem);
      return;
    }
  if (g_strcmp0 (trimmed, fw_document_get_project (self->document)->name) == 0)
    return;
  fw_document_seal (self->document);
  if (!fw_document_rename_project (self->document, name, &error))
    fw_window_show_error (self, error->message);
}

static void
rename_project_accepted (const char *name,
                         gpointer    user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "project.rename", "s", name);
}

static void
project_ask_rename_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_name_dialog_ask (GTK_WINDOW (self), _("Rename Project"), _("_Name of the project"),
                      fw_document_get_project (self->document)->name, _("_Rename"),
                      project_name_problem, rename_project_accepted, self);
}

/* The compare page: its check boxes and table, and the spreads. */
static void
scenario_show_compare_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->side_stack, "scenarios");
  gtk_widget_child_focus (self->compare_panel, GTK_DIR_TAB_FORWARD);
}

/* Delete needs another scenario to fall back on. Presenting, nothing is
 * added, renamed or deleted: Ctrl+D put a "(copy)" in front of the
 * room and F2 a rename dialog (verifier V10-13); nor while a file is
 * read into the window. */
void
fw_window_update_scenario_actions (FwWindow *self)
{
  gboolean editing = !fw_session_get_presenting (self->session) && !fw_window_is_loading (self);
  gboolean several = editing && fw_document_get_n_scenarios (self->document) > FW_MIN_SCENARIOS;
  gboolean room = editing && fw_document_get_n_scenarios (self->document) < FW_MAX_SCENARIOS;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.remove", several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.ask-remove", several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.new", room);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.duplicate", room);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.rename", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenario.ask-rename", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.rename", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.ask-rename", editing);
}

void
fw_window_class_add_scenario_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "scenario.new", NULL, scenario_new_activated);
  gtk_widget_class_install_action (widget_class, "scenario.duplicate", NULL, scenario_duplicate_activated);
  gtk_widget_class_install_action (widget_class, "scenario.rename", "s", scenario_rename_activated);
  gtk_widget_class_install_action (widget_class, "scenario.ask-rename", NULL, scenario_ask_rename_activated);
  gtk_widget_class_install_action (widget_class, "scenario.remove", NULL, scenario_remove_activated);
  gtk_widget_class_install_action (widget_class, "scenario.ask-remove", NULL, scenario_ask_remove_activated);
  gtk_widget_class_install_action (widget_class, "scenario.switch", "u", scenario_switch_activated);
  gtk_widget_class_install_action (widget_class, "scenario.compare", "(ub)", scenario_compare_activated);
  gtk_widget_class_install_action (widget_class, "scenario.show-compare", NULL, scenario_show_compare_activated);
  gtk_widget_class_install_action (widget_class, "project.rename", "s", project_rename_activated);
  gtk_widget_class_install_action (widget_class, "project.ask-rename", NULL, project_ask_rename_activated);
}
