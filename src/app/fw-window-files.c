/* fw-window-files.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-files"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-error-text.h"
#include "fw-store.h"
#include "fw-store-file.h"
#include "fw-templates.h"
#include "fw-window-private.h"

/* Opening, saving and starting projects, and asking before unsaved work
 * would be lost. A failure is shown in the window's banner and never
 * costs the user the project on screen: the store refuses bad files
 * whole and saves atomically, so the window only switches documents once
 * a load has fully succeeded. */

#define MIME_TYPE "application/x-flywheel"
#define MAX_RECENT 8

typedef struct
{
  FwWindowThen    then;
  gpointer        data;
  GDestroyNotify  free_data;
} Continuation;

static Continuation *
continuation_new (FwWindowThen   then,
                  gpointer       data,
                  GDestroyNotify free_data)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->then = then;
  c->data = data;
  c->free_data = free_data;
  return c;
}

static void
continuation_free (Continuation *c)
{
  if (c->free_data != NULL)
    c->free_data (c->data);
  g_free (c);
}

static void
continuation_run (Continuation *c,
                  FwWindow     *self)
{
  if (c->then != NULL)
    c->then (self, c->data);
}

static char *
display_name (FwWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (_("Untitled"));
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) MIME_TYPE,
    .app_name = (char *) "Flywheel",
    .app_exec = (char *) "flywheel %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static char *
local_path (FwWindow  *self,
            GFile     *file,
            GError   **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* For the log; the window says it in a sentence (fw-error-text.c). */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s is not a local file", name);
    }
  return path;
}

/* The project file the window's document came from or was last saved
 * to, resolved through its links when it was opened (fw-store-file.h):
 * saving writes there, never through a link swapped in since. Kept on the
 * window as data, so it lives and dies with it. */
#define STORE_FILE_KEY "fw-window-store-file"

static void
keep_store_file (FwWindow    *self,
                 FwStoreFile *store_file)
{
  g_object_set_data_full (G_OBJECT (self), STORE_FILE_KEY, fw_store_file_ref (store_file),
                          (GDestroyNotify) fw_store_file_unref);
}

/* The kept file when @path is the one it was opened as, else a new one. */
static FwStoreFile *
store_file_for (FwWindow   *self,
                const char *path)
{
  FwStoreFile *kept = g_object_get_data (G_OBJECT (self), STORE_FILE_KEY);

  if (kept != NULL && g_strcmp0 (fw_store_file_get_path (kept), path) == 0)
    return fw_store_file_ref (kept);
  return fw_store_file_new (path);
}

gboolean
fw_window_load (FwWindow *self,
                GFile    *file)
{
  g_autoptr(FwStoreFile) store_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autofree char *path = NULL;
  FwProject *project = NULL;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = local_path (self, file, &error)) != NULL)
    {
      store_file = fw_store_file_new (path);
      project = fw_store_file_load (store_file, &error);
    }

  if (project == NULL)
    {
      g_autofree char *message = fw_error_text_open (file, error);

      fw_window_show_error (self, message);
      return FALSE;
    }

  document = fw_document_new (project);
  fw_window_set_document (self, document, file);
  keep_store_file (self, store_file);
  fw_window_dismiss_error (self);
  remember_recent (file);
  return TRUE;
}

gboolean
fw_window_save_to (FwWindow *self,
                   GFile    *file)
{
  g_autoptr(FwStoreFile) store_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean saved = FALSE;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A save is a point the user may come back to: end any run of merged
   * edits, so the next keystroke starts a new undo step. */
  fw_document_seal (self->document);

  if ((path = local_path (self, file, &error)) != NULL)
    {
      store_file = store_file_for (self, path);
      saved = fw_store_file_save (store_file, fw_document_get_project (self->document), &error);
    }

  if (!saved)
    {
      g_autofree char *message = fw_error_text_save (file, error);

      fw_window_show_error (self, message);
      return FALSE;
    }

  g_set_object (&self->file, file);
  keep_store_file (self, store_file);
  self->pristine = FALSE;
  fw_document_mark_saved (self->document);
  fw_window_dismiss_error (self);
  fw_window_update_title (self);
  remember_recent (file);
  return TRUE;
}

void
fw_window_new_from_template (FwWindow   *self,
                             const char *template_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  FwProject *project;

  g_return_if_fail (FW_IS_WINDOW (self));

  if ((project = fw_template_create (template_id, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no template “%s”."), template_id);

      g_message ("Template %s: %s", template_id, error->message);
      fw_window_show_error (self, message);
      return;
    }

  document = fw_document_new (project);
  fw_window_set_document (self, document, NULL);
  fw_window_dismiss_error (self);
  self->pristine = TRUE;
}

static void
load_then (FwWindow *self,
           gpointer  data)
{
  fw_window_load (self, G_FILE (data));
}

void
fw_window_open_file (FwWindow *self,
                     GFile    *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  fw_window_settle_changes (self, load_then, g_object_ref (file), g_object_unref);
}

/* Asking before discarding */

/* The dialog owns the reference to its window (see
 * fw_window_settle_changes ()), so @self needs none of its own. */
typedef struct
{
  FwWindow     *self;
  Continuation *continuation;
} Settle;

static void
save_done_then (FwWindow *self,
                gpointer  data)
{
  continuation_run (data, self);
}

static void
on_settle_response (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  Settle *settle = user_data;
  FwWindow *self = settle->self;
  Continuation *c = settle->continuation;

  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      if (self->file != NULL)
        {
          if (fw_window_save_to (self, self->file))
            continuation_run (c, self);
          continuation_free (c);
        }
      else
        fw_window_choose_save (self, save_done_then, c, (GDestroyNotify) continuation_free);
      break;

    case GTK_RESPONSE_REJECT:
      continuation_run (c, self);
      continuation_free (c);
      break;

    default:
      continuation_free (c);
      break;
    }

  g_free (settle);
}

void
fw_window_settle_changes (FwWindow       *self,
                          FwWindowThen    then,
                          gpointer        data,
                          GDestroyNotify  free_data)
{
  Continuation *c = continuation_new (then, data, free_data);
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  GtkWidget *discard;
  Settle *settle;

  g_return_if_fail (FW_IS_WINDOW (self));

  if (!fw_document_get_modified (self->document))
    {
      continuation_run (c, self);
      continuation_free (c);
      return;
    }

  name = display_name (self);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s”?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            self->file != NULL
                                            ? _("If you don’t save, the changes since the last save are lost.")
                                            : _("This project has never been saved. If you don’t save it, it is lost."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  /* Discard may close the window from inside the dialog's "response",
   * and that emission keeps the dialog alive after gtk_window_destroy ()
   * until it returns. The dialog then lets go of its transient parent as
   * it is finalized, so the parent must outlive it: the dialog holds the
   * window's last reference until then (issue 8, finding 1). */
  g_object_set_data_full (G_OBJECT (dialog), "fw-window-settling",
                          g_object_ref (self), g_object_unref);

  settle = g_new0 (Settle, 1);
  settle->self = self;
  settle->continuation = c;
  g_signal_connect (dialog, "response", G_CALLBACK (on_settle_response), settle);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File choosers */

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Flywheel projects"));
  gtk_file_filter_add_mime_type (projects, MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "flywheel");
  gtk_file_chooser_add_filter (chooser, projects);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  FwWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        fw_window_load (self, file);
    }

  g_object_unref (native);
  g_object_unref (self);
}

void
fw_window_choose_open (FwWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* "Acme" becomes "Acme.flywheel"; a name the user gave an extension of
 * their own keeps it. */
static GFile *
with_extension (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (base == NULL || strchr (base, '.') != NULL)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  named = g_strconcat (base, ".flywheel", NULL);
  return parent ? g_file_get_child (parent, named) : g_object_ref (file);
}

static void
on_save_response (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  Continuation *c = g_object_get_data (G_OBJECT (native), "continuation");
  FwWindow *self = g_object_get_data (G_OBJECT (native), "window");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = chosen ? with_extension (chosen) : NULL;

      if (file != NULL && fw_window_save_to (self, file))
        continuation_run (c, self);
    }

  g_object_unref (native);
}

void
fw_window_choose_save (FwWindow       *self,
                       FwWindowThen    then,
                       gpointer        data,
                       GDestroyNotify  free_data)
{
  const FwProject *project = fw_document_get_project (self->document);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Save the Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), self->file, NULL);
  else
    {
      /* The project's name, made safe as a file name. */
      name = g_strconcat (project->name, ".flywheel", NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_object_set_data_full (G_OBJECT (native), "continuation",
                          continuation_new (then, data, free_data),
                          (GDestroyNotify) continuation_free);
  g_object_set_data_full (G_OBJECT (native), "window", g_object_ref (self), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_save_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Recent projects */

static gint
newer_first (gconstpointer a,
             gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

/* "Acme.flywheel — ~/Clients": two projects of the same name in
 * different folders must be told apart. */
static char *
recent_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent ? fw_window_display_folder (parent) : NULL;

  if (folder == NULL)
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s — %s", name, folder);
}

void
fw_window_refresh_recent (FwWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint shown = 0;

  items = g_list_sort (items, newer_first);
  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (mime, MIME_TYPE) != 0 || !gtk_recent_info_is_local (info) ||
          !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      path = g_file_get_path (file);
      if (path == NULL)
        continue;

      label = recent_label (file);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-file", "s", path);
      g_menu_append_item (menu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (shown == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No recent projects"), "win.no-recent");

      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->recent_button, G_MENU_MODEL (menu));
}
