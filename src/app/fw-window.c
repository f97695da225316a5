/* fw-window.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window"

#include <glib/gi18n.h>

#include "fw-catalog-palette.h"
#include "fw-compare-panel.h"
#include "fw-chart-view.h"
#include "fw-figures-panel.h"
#include "fw-focus-home.h"
#include "fw-playback-bar.h"
#include "fw-point-list.h"
#include "fw-scenario-picker.h"
#include "fw-spreads-editor.h"
#include "fw-settings.h"
#include "fw-app-resources.h"
#include "fw-stage-panel.h"
#include "fw-templates.h"
#include "fw-wheel-view.h"
#include "fw-widget-util.h"
#include "fw-window-private.h"

/* A new window starts on this template, so a user sees a wheel at once. */
#define FIRST_TEMPLATE "attract-engage-delight"

G_DEFINE_FINAL_TYPE (FwWindow, fw_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PRESENTING,
  PROP_CATALOG_SHOWN,
  PROP_PROJECTION_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_scenario_picked (FwWindow *self);
static void update_scenarios   (FwWindow *self);
static void on_project_changed (FwWindow       *self,
                                const FwChange *change);
static void on_project_changed (FwWindow *self, const FwChange *change);

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = FW_WINDOW (object);

  /* An open under way is dropped; a save under way finishes on its
   * thread, whole (fw-store-file.h). */
  if (self->file_operation != NULL)
    g_cancellable_cancel (self->file_operation);
  g_clear_object (&self->file_operation);
  /* A report still being worked out is dropped (an export's file is
   * still written whole: fw-window-export.c). */
  if (self->report_jobs != NULL)
    g_cancellable_cancel (self->report_jobs);
  g_clear_object (&self->report_jobs);
  fw_window_progress_free (self);
  fw_window_recovery_free (self);
  fw_window_notice_free (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);
  g_clear_object (&self->playback);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->template_title, g_free);
  g_clear_object (&self->export_folder);

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
close_now (FwWindow *self,
           gpointer  data)
{
  self->closing = TRUE;
  /* Saved or discarded: no copy of the work is kept. */
  fw_window_recovery_forget (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing with unsaved changes, or refused text kept in a field, asks first; the close that follows the
 * user's answer goes through. */
static gboolean
fw_window_close_request (GtkWindow *window)
{
  FwWindow *self = FW_WINDOW (window);

  fw_window_save_state (self);
  /* A save under way ends first (it cannot be stopped half way); the
   * window then closes, or asks if the save failed. */
  if (self->file_operation != NULL && fw_document_get_modified (self->document))
    {
      self->close_when_done = TRUE;
      return TRUE;
    }
  if (self->closing || !fw_window_has_unsaved_work (self))
    {
      fw_window_recovery_forget (self);
      return GTK_WINDOW_CLASS (fw_window_parent_class)->close_request (window);
    }

  fw_window_settle_changes (self, close_now, NULL, NULL);
  return TRUE;
}

static void
fw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      /* Asked for by the "win.present" action before the session exists. */
      g_value_set_boolean (value, self->session != NULL && fw_session_get_presenting (self->session));
      break;
    case PROP_CATALOG_SHOWN:
      g_value_set_boolean (value, fw_window_get_catalog_shown (self));
      break;
    case PROP_PROJECTION_SHOWN:
      /* Asked for by the action before the template is built. */
      g_value_set_boolean (value, self->chart == NULL || !fw_chart_view_get_collapsed (FW_CHART_VIEW (self->chart)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FwWindow *self = FW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      fw_session_set_presenting (self->session, g_value_get_boolean (value));
      break;
    case PROP_CATALOG_SHOWN:
      fw_window_set_catalog_shown (self, g_value_get_boolean (value));
      break;
    case PROP_PROJECTION_SHOWN:
      /* As the projection header's own ▶ does: the height and the
       * collapsed state are remembered from there (fw-window-chart.c). */
      fw_chart_view_set_collapsed (FW_CHART_VIEW (self->chart), !g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_projection_collapsed (FwWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTION_SHOWN]);
}

static void
fw_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  FwWindow *self = FW_WINDOW (widget);

  /* A divider that moves now follows the window's size: the user did
   * not move it (fw-window-chart.c). */
  self->allocating = TRUE;
  GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* Once, when the window first knows its width: the remembered width of
   * the right pane, then the children again with it. */
  if (fw_window_place_side_pane (self))
    GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* The catalog folded away when the wheel would have too little room
   * beside it, or back when it has enough again. */
  if (fw_window_fold_catalog (self))
    GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* The same for the chart's height under the wheel (and again at its
   * default height when the playback bar's height changes). */
  if (fw_window_place_chart_pane (self))
    GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* And the figures' share of the right pane, at every allocation: it
   * follows the window's height and the figures' own. */
  if (fw_window_place_lists_pane (self))
    GTK_WIDGET_CLASS (fw_window_parent_class)->size_allocate (widget, width, height, baseline);
  self->allocating = FALSE;
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fw_window_dispose;
  object_class->get_property = fw_window_get_property;
  object_class->set_property = fw_window_set_property;
  window_class->close_request = fw_window_close_request;
  widget_class->size_allocate = fw_window_size_allocate;

  /* Every template lives in the resource; the window is the first thing
   * built, before any widget that uses one. */
  fw_app_resources_ensure ();

  g_type_ensure (FW_TYPE_CATALOG_PALETTE);
  g_type_ensure (FW_TYPE_FIT_LABEL);
  g_type_ensure (FW_TYPE_COMPARE_PANEL);
  g_type_ensure (FW_TYPE_SPREADS_EDITOR);
  g_type_ensure (FW_TYPE_CHART_VIEW);
  g_type_ensure (FW_TYPE_FIGURES_PANEL);
  g_type_ensure (FW_TYPE_PLAYBACK_BAR);
  g_type_ensure (FW_TYPE_POINT_LIST);
  g_type_ensure (FW_TYPE_STAGE_PANEL);
  g_type_ensure (FW_TYPE_WHEEL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/flywheelapp/Flywheel/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, wheel);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, playback_bar);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, figures);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, stage_panel);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, point_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, scenario_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, compare_panel);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, spreads_editor);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, catalog_paned);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, lists_paned);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, side_switcher);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, centre_paned);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, centre_column);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, chart);

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What this window shows, not only the setting: the catalog may be
   * folded away for the wheel's room (fw-window-state.c). */
  properties[PROP_CATALOG_SHOWN] =
    g_param_spec_boolean ("catalog-shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the projection under the wheel is open, or folded to its
   * header. */
  properties[PROP_PROJECTION_SHOWN] =
    g_param_spec_boolean ("projection-shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The header bar's toggle; F5 and the rest in fw-window-present.c. */
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  /* F9 and the main menu's check item. */
  gtk_widget_class_install_property_action (widget_class, "win.show-catalog", "catalog-shown");
  /* Ctrl+F9 and the main menu's check item: the projection had only its
   * header's small ▶ and a divider reached by F8 (user review). */
  gtk_widget_class_install_property_action (widget_class, "win.show-projection", "projection-shown");
  fw_window_class_add_present (widget_class);
  fw_window_class_add_text_size (widget_class);

  fw_window_class_add_actions (widget_class);
  fw_window_class_add_help (widget_class);
  fw_window_class_add_edit_actions (widget_class);
  fw_window_class_add_playback_actions (widget_class);
  fw_window_class_add_scenario_actions (widget_class);
  fw_window_class_add_export_actions (widget_class);
}

/* Three pages in the side switcher: GTK gives each button at least 100
 * pixels of text and all the width of the widest, wider together than
 * the side pane at its narrowest. Each is as wide as its title instead.
 * Set here rather than in style.css, which only an application loads:
 * the window's width must not depend on it. */
static void
narrow_side_switcher (FwWindow *self)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (css, "button.text-button { min-width: 64px; }", -1);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->side_switcher)), FALSE);
  for (GtkWidget *button = gtk_widget_get_first_child (self->side_switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_style_context_add_provider (gtk_widget_get_style_context (button), GTK_STYLE_PROVIDER (css),
                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
fw_window_init (FwWindow *self)
{
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template_title = NULL;
  FwProject *project;

  gtk_widget_init_template (GTK_WIDGET (self));
  fw_window_init_notice (self);
  fw_window_restore_state (self);
  fw_window_init_panes (self);
  fw_window_add_file_drop (self);
  fw_window_add_copy_keys (self);
  fw_widget_name_plainly (GTK_WIDGET (self));
  narrow_side_switcher (self);
  fw_widget_set_accessible_label (GTK_WIDGET (self->scenario_dropdown), _("Scenario on show"));
  fw_scenario_picker_init (self->scenario_dropdown);
  /* The dividers take the keyboard focus (F8 moves them). */
  fw_widget_set_accessible_label (GTK_WIDGET (self->catalog_paned), _("Divider between the catalog and the wheel"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->side_paned), _("Divider between the wheel and the side panel"));
  fw_widget_set_accessible_label (GTK_WIDGET (self->lists_paned), _("Divider between the figures and the lists"));
  fw_window_init_lists_pane (self);
  g_signal_connect_object (self->scenario_dropdown, "notify::selected",
                           G_CALLBACK (on_scenario_picked), self, G_CONNECT_SWAPPED);

  /* The templates are built in; failing to make one is a programming
   * error, caught by the tests. */
  project = fw_window_untitled_project (FIRST_TEMPLATE, &template_title, &error);
  g_assert_no_error (error);
  document = fw_document_new (project);

  /* One session for the window's life: opening a file gives it another
   * document, and every view follows it from there. */
  self->session = fw_session_new (document);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (update_scenarios), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  /* An error is about the last thing tried; the next edit that works
   * makes it old news. */
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (fw_window_dismiss_error), self, G_CONNECT_SWAPPED);
  fw_wheel_view_set_session (FW_WHEEL_VIEW (self->wheel), self->session);
  fw_figures_panel_set_session (FW_FIGURES_PANEL (self->figures), self->session);
  fw_stage_panel_set_session (FW_STAGE_PANEL (self->stage_panel), self->session);
  fw_point_list_set_session (FW_POINT_LIST (self->point_list), self->session);
  fw_playback_bar_set_session (FW_PLAYBACK_BAR (self->playback_bar), self->session);
  fw_window_init_present (self);
  fw_window_init_text_size (self);
  fw_compare_panel_set_session (FW_COMPARE_PANEL (self->compare_panel), self->session);
  fw_spreads_editor_set_session (FW_SPREADS_EDITOR (self->spreads_editor), self->session);
  fw_window_init_chart (self);
  /* The menu's check item follows the header's ▶ too. */
  g_signal_connect_object (self->chart, "notify::collapsed",
                           G_CALLBACK (on_projection_collapsed), self, G_CONNECT_SWAPPED);

  fw_window_set_document (self, document, NULL);
  self->template_title = g_steal_pointer (&template_title);
  fw_window_update_title (self);
  self->pristine = TRUE;
  fw_window_init_playback (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (fw_window_refresh_recent), self, G_CONNECT_SWAPPED);
  fw_window_refresh_recent (self);
  gtk_widget_grab_focus (self->wheel);
  fw_focus_home_install (GTK_WINDOW (self), self->wheel);
}

FwWindow *
fw_window_new (GtkApplication *application)
{
  return g_object_new (FW_TYPE_WINDOW, "application", application, NULL);
}

/* The scenario picker lists the project's scenarios; it only shows when
 * there is more than one to pick from. */
static void
update_scenarios (FwWindow *self)
{
  const FwProject *project = fw_document_get_project (self->document);
  GListModel *model = gtk_drop_down_get_model (self->scenario_dropdown);
  guint n = project->scenarios->len;
  gboolean same = model != NULL && g_list_model_get_n_items (model) == n;
  guint shown = fw_session_get_scenario_index (self->session);

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                      fw_project_get_scenario (project, i)->name) == 0;

  /* A new model selects its first item: that is not the user's pick. */
  self->syncing_picker = TRUE;
  if (!same)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < n; i++)
        gtk_string_list_append (names, fw_project_get_scenario (project, i)->name);
      gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (names));
    }
  if (gtk_drop_down_get_selected (self->scenario_dropdown) != shown)
    gtk_drop_down_set_selected (self->scenario_dropdown, shown);
  self->syncing_picker = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_dropdown), n > 1);
  fw_window_update_scenario_actions (self);
}

/* The project's name is in the header bar's subtitle. */
static void
on_project_changed (FwWindow       *self,
                    const FwChange *change)
{
  if (change->flags & FW_CHANGE_PROJECT)
    fw_window_update_title (self);
}

static void
on_scenario_picked (FwWindow *self)
{
  guint picked = gtk_drop_down_get_selected (self->scenario_dropdown);

  if (self->session != NULL && !self->syncing_picker && picked != GTK_INVALID_LIST_POSITION &&
      picked < fw_document_get_n_scenarios (self->document) &&
      picked != fw_session_get_scenario_index (self->session))
    gtk_widget_activate_action (GTK_WIDGET (self), "scenario.switch", "u", picked);
}

static void
on_document_modified (FwWindow *self)
{
  self->pristine = FALSE;
  fw_window_update_title (self);
  fw_window_update_actions (self);
}

void
fw_window_set_document (FwWindow   *self,
                        FwDocument *document,
                        GFile      *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (FW_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  self->pristine = FALSE;
  g_clear_pointer (&self->template_title, g_free);

  g_signal_connect_object (document, "notify::modified",
                           G_CALLBACK (on_document_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo",
                           G_CALLBACK (fw_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-redo",
                           G_CALLBACK (fw_window_update_actions), self, G_CONNECT_SWAPPED);

  /* The views hear of it from the session. */
  fw_session_set_document (self->session, document);
  fw_window_recovery_follow (self, document);

  update_scenarios (self);
  fw_window_update_title (self);
  fw_window_update_actions (self);
  /* Another project on show starts, as a new window does, on the wheel:
   * Space plays it at once. */
  fw_focus_home_return (GTK_WINDOW (self));
}

/* A folder as people read it: "~/Documents" for one in their home. */
char *
fw_window_display_folder (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *inside = g_file_get_relative_path (home, folder);

  if (g_file_equal (home, folder))
    return g_strdup ("~");
  if (inside != NULL)
    return g_build_filename ("~", inside, NULL);
  return g_file_get_parse_name (folder);
}

/* "Acme.flywheel", or a project's name before it is saved ("Untitled
 * flywheel"), with "•" for unsaved changes, in the header bar and the
 * window list alike; the subtitle names the project and, for a file, its
 * folder, or for a new project the template it started from. */
void
fw_window_update_title (FwWindow *self)
{
  const FwProject *project = fw_document_get_project (self->document);
  gboolean modified = fw_document_get_modified (self->document);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  const char *forms[3] = { NULL };

  /* Never saved: the project's own name ("Untitled flywheel" for a new
   * one), the name Save As suggests and the report prints. */
  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    name = g_strdup (project->name);

  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);
  window_title = g_strdup_printf (_("%s — Flywheel"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *folder = parent ? fw_window_display_folder (parent) : g_strdup ("");

      subtitle = g_strdup_printf ("%s — %s", project->name, folder);
      /* Where the header has no room for it all: the name alone, before
       * the name is cut. */
      forms[1] = project->name;
    }
  else if (self->template_title != NULL)
    /* Translators: under a new project's name in the title bar: the
     * template it starts from */
    subtitle = g_strdup_printf (_("From the template “%s”"), self->template_title);
  else
    subtitle = g_strdup (_("Not saved yet"));
  forms[0] = subtitle;
  fw_fit_label_set_forms (self->subtitle_label, forms);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                               modified ? _("This project has unsaved changes") : NULL);
}

void
fw_window_show_error (FwWindow   *self,
                      const char *message)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  /* Screen readers hear it too, not only sighted users. */
  fw_widget_set_accessible_label (GTK_WIDGET (self->error_label), message);
}

void
fw_window_dismiss_error (FwWindow *self)
{
  /* Called on every edit: nothing to do when no error is on show. The
   * text stays, so it slides away with the banner instead of blanking
   * first; fw_window_get_error() only reports a banner on show. */
  if (gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

FwDocument *
fw_window_get_document (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->document;
}

FwSession *
fw_window_get_session (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->session;
}

GFile *
fw_window_get_file (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
fw_window_is_pristine (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  /* Refused text typed into a field is the user's work too: a file
   * opened from outside or a recovered copy goes to a window of its own. */
  return self->pristine && !fw_document_get_modified (self->document) &&
         !fw_window_has_pending_text (self);
}

const char *
fw_window_get_error (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

GtkWidget *
fw_window_get_wheel (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->wheel;
}

GtkWidget *
fw_window_get_palette (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->palette;
}

GtkWidget *
fw_window_get_present_view (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->present_view;
}
