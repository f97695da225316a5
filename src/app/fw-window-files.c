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
#include "fw-projection-service.h"
#include "fw-store.h"
#include "fw-store-file.h"
#include "fw-templates.h"
#include "fw-typed-field.h"
#include "fw-window-private.h"

/* Opening, saving and starting projects, and asking before unsaved work
 * would be lost. A failure is shown in the window's banner and never
 * costs the user the project on screen: the store refuses bad files
 * whole and saves atomically, so the window only switches documents once
 * a load has fully succeeded. A file opens in a window of its own unless
 * the window holds nothing of the user's (fw_window_open_file ()), so the
 * project being worked on stays usable while another one loads. */

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

/* The file's name, or for a project never saved its own name, as the
 * title bar says it. */
static char *
display_name (FwWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (fw_document_get_project (self->document)->name);
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

void
fw_window_keep_store_file (FwWindow    *self,
                           FwStoreFile *store_file)
{
  g_object_set_data_full (G_OBJECT (self), STORE_FILE_KEY, fw_store_file_ref (store_file),
                          (GDestroyNotify) fw_store_file_unref);
}

FwStoreFile *
fw_window_get_store_file (FwWindow *self)
{
  return g_object_get_data (G_OBJECT (self), STORE_FILE_KEY);
}

/* The kept file when @path is the one it was opened as, else a new one. */
static FwStoreFile *
store_file_for (FwWindow   *self,
                const char *path)
{
  FwStoreFile *kept = fw_window_get_store_file (self);

  if (kept != NULL && g_strcmp0 (fw_store_file_get_path (kept), path) == 0)
    return fw_store_file_ref (kept);
  return fw_store_file_new (path);
}

/* The file an open under way is reading: the window holds it already,
 * for "one file, one window", though its document is not shown yet. */
#define LOADING_FILE_KEY "fw-window-loading-file"

/* One file, one window: two windows on one file would each save over
 * the other's work. Compared by the file itself (fw_store_file_is_path ()),
 * so a symbolic link and its target, or two hard links, are the same
 * file; a window still opening the file holds it. */
FwWindow *
fw_window_find_for_file (GtkApplication *application,
                         GFile          *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (application == NULL || (path = g_file_get_path (file)) == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      FwStoreFile *kept;
      FwStoreFile *loading;

      if (!FW_IS_WINDOW (l->data))
        continue;
      kept = FW_WINDOW (l->data)->file != NULL ? fw_window_get_store_file (l->data) : NULL;
      loading = g_object_get_data (l->data, LOADING_FILE_KEY);
      if ((kept != NULL && fw_store_file_is_path (kept, path)) ||
          (loading != NULL && fw_store_file_is_path (loading, path)))
        return l->data;
    }
  return NULL;
}

gboolean
fw_window_is_busy (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->file_operation != NULL;
}

/* While a file is read or written, nothing else may replace or write
 * the window's project. Opening stays: a file then opens in a window of
 * its own (fw_window_open_file ()). */
static void
set_busy (FwWindow     *self,
          GCancellable *operation)
{
  static const char *actions[] = { "win.new", "win.new-from-template",
                                   "win.save", "win.save-as", "win.save-to" };

  g_set_object (&self->file_operation, operation);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], operation == NULL);
  if (operation == NULL)
    fw_window_progress_end (self);
}

/* A close asked for while a file was read or written happens now. */
static void
close_if_asked (FwWindow *self)
{
  if (self->close_when_done && !self->closing && self->document != NULL)
    {
      self->close_when_done = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Opening ------------------------------------------------------------------ */

typedef struct
{
  FwWindow    *self;
  GFile       *file;
  FwStoreFile *store_file;
  /* For a window made for this file (fw_window_open_file ()): the window
   * the user opened it from, which hears of a failure. The new window
   * shows itself once the project is ready or the open takes a moment
   * (show_timeout), and goes again if the open does not go through. */
  gboolean     own_window;
  GWeakRef     opener;
  guint        show_timeout;
} Load;

static void
load_free (Load *load)
{
  g_clear_handle_id (&load->show_timeout, g_source_remove);
  g_weak_ref_clear (&load->opener);
  g_object_unref (load->self);
  g_object_unref (load->file);
  fw_store_file_unref (load->store_file);
  g_free (load);
}

static void
on_load_step (FwStoreStep step,
              gpointer    user_data)
{
  Load *load = user_data;
  g_autofree char *name = g_file_get_basename (load->file);
  g_autofree char *text = NULL;

  if (load->self->file_operation == NULL)
    return;
  text = step == FW_STORE_STEP_READING
         ? g_strdup_printf (_("Opening “%s”: reading…"), name)
         : g_strdup_printf (_("Opening “%s”: checking…"), name);
  fw_window_progress_say (load->self, text);
}

/* The window made for a file shows itself, its progress banner with it:
 * the open is taking a moment. */
static gboolean
show_loading (gpointer user_data)
{
  Load *load = user_data;

  load->show_timeout = 0;
  /* Not once the window is being destroyed (fw_window_dispose ()). */
  if (load->self->file_operation != NULL)
    gtk_window_present (GTK_WINDOW (load->self));
  return G_SOURCE_REMOVE;
}

/* A window reading a file bears its name from the start (the window
 * list, the header bar), not "Untitled flywheel" while it says it is
 * opening the file; the project it replaces is not shown under that
 * name, the loading page stands in for it until the file has arrived
 * (fw-window-loading.c). */
static void
name_after (FwWindow *self,
            GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("%s — Flywheel"), name);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? fw_window_display_folder (parent) : g_strdup ("");

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->title_label, name);
  fw_fit_label_set_text (self->subtitle_label, folder);
}

/* An open that did not go through in a window made for it: the window
 * goes, and @message (NULL for a cancel) is said in the window the user
 * opened the file from, whose project was never touched. With that
 * window gone too, this one stays, an untouched new project saying why. */
static void
drop_own_window (FwWindow   *self,
                 Load       *load,
                 const char *message)
{
  g_autoptr(FwWindow) opener = g_weak_ref_get (&load->opener);

  if (opener == NULL && message != NULL)
    {
      fw_window_update_title (self);
      fw_window_show_error (self, message);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  if (message != NULL)
    {
      fw_window_show_error (opener, message);
      gtk_window_present (GTK_WINDOW (opener));
    }
}

/* The open ends: @document on show, or @error said (none for a cancel). */
static void
show_loaded (FwWindow     *self,
             Load         *load,
             FwDocument   *document,
             const GError *error)
{
  set_busy (self, NULL);
  g_object_set_data (G_OBJECT (self), LOADING_FILE_KEY, NULL);
  /* The editor back, before anything is drawn: the file's project,
   * set below, or the one it had. */
  fw_window_show_loading (self, NULL);
  g_clear_handle_id (&load->show_timeout, g_source_remove);

  if (document == NULL)
    {
      g_autofree char *message = NULL;

      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = fw_error_text_open (load->file, error);
      if (load->own_window)
        drop_own_window (self, load, message);
      else
        {
          /* The project it had, under its own name again. */
          fw_window_update_title (self);
          if (message != NULL)
            fw_window_show_error (self, message);
        }
    }
  else
    {
      fw_window_set_document (self, document, load->file);
      fw_window_keep_store_file (self, load->store_file);
      fw_window_dismiss_error (self);
      remember_recent (load->file);
      /* Shown already if it took a moment: then the user may be at work
       * in another window, and is not taken from it. */
      if (load->own_window && !gtk_widget_get_visible (GTK_WIDGET (self)))
        gtk_window_present (GTK_WINDOW (self));
    }
  load_free (load);
  close_if_asked (self);
}

/* On a thread too: the projection the window shows first, which would
 * otherwise hold the main loop up for about 90 ms with the largest
 * project (fw_projection_service_prepare ()). */
static void
prepare_document (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  fw_projection_service_prepare (FW_DOCUMENT (task_data));
  g_task_return_boolean (task, TRUE);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(FwWindow) self = g_object_ref (load->self);
  FwDocument *document = g_task_get_task_data (G_TASK (result));

  /* Closed meanwhile: nothing to show it in. */
  if (self->file_operation == NULL)
    {
      load_free (load);
      return;
    }
  /* Cancelled after the file was read: the window keeps what it had. */
  show_loaded (self, load, g_cancellable_is_cancelled (self->file_operation) ? NULL : document, NULL);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(FwWindow) self = g_object_ref (load->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  FwProject *project = fw_store_file_load_finish (load->store_file, result, &error);

  /* Closed meanwhile: nothing to show it in. */
  if (self->file_operation == NULL)
    {
      g_clear_pointer (&project, fw_project_free);
      load_free (load);
      return;
    }
  if (project == NULL)
    {
      show_loaded (self, load, NULL, error);
      return;
    }

  /* The store checked it, on its thread (fw-store-file.h). */
  task = g_task_new (NULL, self->file_operation, on_prepared, load);
  g_task_set_source_tag (task, on_loaded);
  g_task_set_task_data (task, fw_document_new_validated (project), g_object_unref);
  g_task_run_in_thread (task, prepare_document);
}

/* Reads @file on a thread into @self; @opener, if not NULL, is the window
 * the user opened it from, @self a window made for it (see Load). */
static void
load_into (FwWindow *self,
           GFile    *file,
           FwWindow *opener)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  Load *load;

  if (self->file_operation != NULL)
    return;
  if ((path = local_path (self, file, &error)) == NULL)
    {
      g_autofree char *message = fw_error_text_open (file, error);

      fw_window_show_error (opener != NULL ? opener : self, message);
      if (opener != NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  load->store_file = fw_store_file_new (path);
  g_weak_ref_init (&load->opener, opener);
  if (opener != NULL)
    {
      load->own_window = TRUE;
      load->show_timeout = g_timeout_add (FW_WINDOW_PROGRESS_DELAY_MS, show_loading, load);
    }
  name_after (self, file);
  g_object_set_data_full (G_OBJECT (self), LOADING_FILE_KEY, fw_store_file_ref (load->store_file),
                          (GDestroyNotify) fw_store_file_unref);
  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  /* The project on screen gives way to a page saying the file is being
   * read (fw-window-loading.c): it is about to be replaced, so an edit
   * made meanwhile would be lost without a word, and text being typed
   * into a field would land in the file that opens (both seen with large
   * files); and its figures, under the file's name, are not the file's.
   * Only an untouched new project, or the example a window made for the
   * file starts with, is replaced so (fw_window_open_file ()), or a
   * project the user chose to reload. Cancel in the banner gives the
   * project back as it was, or closes a window made for the file. */
  fw_window_show_loading (self, file);
  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Opening “%s”…"), name);
  fw_window_progress_begin (self, text, cancellable);
  fw_store_file_load_async (load->store_file, cancellable, on_load_step, load, on_loaded, load);
}

/* Reads @file on a thread; the window's document is replaced only once
 * the whole file has been read and checked, and the window answers
 * meanwhile (with Cancel in a banner when it takes a while). */
void
fw_window_load (FwWindow *self,
                GFile    *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_into (self, file, NULL);
}

/* Saving ------------------------------------------------------------------- */

typedef struct
{
  FwWindow     *self;
  FwDocument   *document;   /* whose version is written */
  GFile        *file;
  FwStoreFile  *store_file;
  Continuation *continuation;
} Save;

static void
save_free (Save *save)
{
  g_object_unref (save->document);
  g_object_unref (save->self);
  g_object_unref (save->file);
  fw_store_file_unref (save->store_file);
  if (save->continuation != NULL)
    continuation_free (save->continuation);
  g_free (save);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  g_autoptr(FwWindow) self = g_object_ref (save->self);
  g_autoptr(GError) error = NULL;
  gboolean saved = fw_store_file_save_finish (save->store_file, result, &error);

  fw_document_end_save (save->document, saved);
  /* Destroyed meanwhile: the file is saved (or not), nothing to show. */
  if (self->document == NULL)
    {
      save_free (save);
      return;
    }
  set_busy (self, NULL);

  if (!saved)
    {
      g_autofree char *message = fw_error_text_save (save->file, error);

      /* Closing waited for this save; it failed, so closing asks again. */
      fw_window_show_error (self, message);
      save_free (save);
      close_if_asked (self);
      return;
    }

  g_set_object (&self->file, save->file);
  fw_window_keep_store_file (self, save->store_file);
  self->pristine = FALSE;
  fw_window_dismiss_error (self);
  fw_window_update_title (self);
  remember_recent (save->file);
  /* A save the user asked for by itself (Save, Save As), not one that
   * makes way for something else: text a field refused is not in the
   * file, and the user must hear so. */
  if (save->continuation == NULL || save->continuation->then == NULL)
    fw_window_tell_saved_without_pending (self, save->file);
  if (save->continuation != NULL)
    continuation_run (save->continuation, self);
  save_free (save);
  close_if_asked (self);
}

static void
save_now (FwWindow     *self,
          GFile        *file,
          FwStoreFile  *store_file,
          Continuation *continuation)
{
  g_autoptr(GCancellable) operation = g_cancellable_new ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Saving “%s”…"), name);
  Save *save = g_new0 (Save, 1);

  save->self = g_object_ref (self);
  save->document = g_object_ref (self->document);
  save->file = g_object_ref (file);
  save->store_file = fw_store_file_ref (store_file);
  save->continuation = continuation;

  set_busy (self, operation);
  /* A save cannot be cancelled from the window: once writing has begun
   * it ends whole, and before that it takes a moment. */
  fw_window_progress_begin (self, text, NULL);
  /* The version on screen, lent by the document until the save ends:
   * copying the largest project would hold the window a few hundred ms. */
  fw_store_file_save_lent_async (store_file, fw_document_begin_save (self->document), NULL,
                                 NULL, NULL, on_saved, save);
}

/* Asking before saving over a file another program changed */

typedef struct
{
  FwWindow     *self;
  GFile        *file;
  FwStoreFile  *store_file;
  Continuation *continuation;
} Conflict;

enum
{
  RESPONSE_SAVE_ANYWAY = 1,
  RESPONSE_RELOAD = 2,
  RESPONSE_SAVE_AS = 4,
};

static void save_done_then (FwWindow *self,
                            gpointer  data);

static void
on_conflict_response (GtkDialog *dialog,
                      int        response,
                      gpointer   user_data)
{
  Conflict *conflict = user_data;
  FwWindow *self = conflict->self;

  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case RESPONSE_SAVE_ANYWAY:
      save_now (self, conflict->file, conflict->store_file, g_steal_pointer (&conflict->continuation));
      break;

    case RESPONSE_RELOAD:
      /* The user chose the file as it is now over the unsaved changes. */
      fw_window_load (self, conflict->file);
      break;

    case RESPONSE_SAVE_AS:
      /* What was to follow the save (closing, say) follows this one. */
      if (conflict->continuation != NULL)
        fw_window_choose_save (self, save_done_then, g_steal_pointer (&conflict->continuation),
                               (GDestroyNotify) continuation_free);
      else
        fw_window_choose_save (self, NULL, NULL, NULL);
      break;

    default:
      /* Closing waited for a save that will not happen now. */
      self->close_when_done = FALSE;
      break;
    }

  g_object_unref (conflict->file);
  fw_store_file_unref (conflict->store_file);
  if (conflict->continuation != NULL)
    continuation_free (conflict->continuation);
  g_free (conflict);
}

/* The file was replaced or written to: the user picks between that
 * version and theirs. */
static GtkWidget *
changed_question (FwWindow   *self,
                  const char *name)
{
  g_autoptr(GString) secondary = NULL;
  GtkWidget *dialog;
  GtkWidget *anyway;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"), name);
  secondary = g_string_new (_("Since you opened or last saved it, the file on disk has changed. "
                               "Saving replaces that version with yours; reloading shows that "
                               "version and drops your unsaved changes."));
  /* Refused text stays in its field through a save, not a reload. */
  if (fw_window_has_pending_text (self))
    {
      g_string_append_c (secondary, ' ');
      g_string_append (secondary, _("Reloading also drops the typed values that were not applied."));
    }
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary->str);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Reload"), RESPONSE_RELOAD);
  anyway = gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save _Anyway"), RESPONSE_SAVE_ANYWAY);
  gtk_widget_add_css_class (anyway, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return dialog;
}

/* The file is gone from where it was (deleted, or moved away): there is
 * no other version to show, so no Reload (it could only fail). Saving
 * puts the project back where it was; Save As lets the user follow the
 * file to where it went, or pick another place. Nothing is replaced
 * either way, so neither is marked destructive. */
static GtkWidget *
missing_question (FwWindow   *self,
                  const char *name)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was moved or deleted by another program"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The file is no longer where you opened or last saved it. "
                                              "Saving puts your project there again; Save As saves it "
                                              "under another name or in another folder."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Save _As…"), RESPONSE_SAVE_AS);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), RESPONSE_SAVE_ANYWAY),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE_ANYWAY);
  return dialog;
}

static void
ask_before_overwriting (FwWindow     *self,
                        GFile        *file,
                        FwStoreFile  *store_file,
                        Continuation *continuation)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *real = g_file_get_path (file);
  GtkWidget *dialog;
  Conflict *conflict;

  /* The name as the user gave it: a link left dangling counts as gone,
   * as does the file it named. */
  dialog = g_file_test (real, G_FILE_TEST_EXISTS) ? changed_question (self, name)
                                                   : missing_question (self, name);
  /* As the settle dialog: the dialog holds the window until it goes. */
  g_object_set_data_full (G_OBJECT (dialog), "fw-window-asking",
                          g_object_ref (self), g_object_unref);

  conflict = g_new0 (Conflict, 1);
  conflict->self = self;
  conflict->file = g_object_ref (file);
  conflict->store_file = fw_store_file_ref (store_file);
  conflict->continuation = continuation;
  g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), conflict);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Refusing to save over a file another window has open */

enum
{
  RESPONSE_SWITCH = 3,
};

static void
on_open_elsewhere_response (GtkDialog *dialog,
                            int        response,
                            gpointer   user_data)
{
  GWeakRef *holder_ref = user_data;
  g_autoptr(FwWindow) holder = g_weak_ref_get (holder_ref);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_SWITCH && holder != NULL)
    gtk_window_present (GTK_WINDOW (holder));
  g_weak_ref_clear (holder_ref);
  g_free (holder_ref);
}

/* One file, one window, for Save As too: saving over a file another
 * window shows would leave that window with a stale project, and its
 * next save would silently take this one back. The user is told which
 * file and may go to that window; nothing is written. */
static void
refuse_open_elsewhere (FwWindow *self,
                       GFile    *file,
                       FwWindow *holder)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;
  GWeakRef *holder_ref;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” is open in another window"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Saving this project over it would replace the project "
                                              "in that window. Save this one under another name, or "
                                              "switch to that window to work on the file there."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Switch to That Window"),
                                                   RESPONSE_SWITCH),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SWITCH);
  /* As the settle dialog: the dialog holds the window until it goes. */
  g_object_set_data_full (G_OBJECT (dialog), "fw-window-asking",
                          g_object_ref (self), g_object_unref);

  holder_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (holder_ref, holder);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_elsewhere_response), holder_ref);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to @file off the main loop, asking first if another program
 * changed the file since it was opened or last saved; then runs
 * @continuation (taken; may be NULL) if the save went through. A file
 * another window has open is refused, and @continuation dropped. */
static void
save_then (FwWindow     *self,
           GFile        *file,
           Continuation *continuation)
{
  g_autoptr(FwStoreFile) store_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FwWindow *holder;

  if (self->file_operation != NULL)
    {
      if (continuation != NULL)
        continuation_free (continuation);
      return;
    }

  /* A save is a point the user may come back to: end any run of merged
   * edits, so the next keystroke starts a new undo step. */
  fw_document_seal (self->document);

  if ((path = local_path (self, file, &error)) == NULL)
    {
      g_autofree char *message = fw_error_text_save (file, error);

      fw_window_show_error (self, message);
      if (continuation != NULL)
        continuation_free (continuation);
      return;
    }

  holder = fw_window_find_for_file (gtk_window_get_application (GTK_WINDOW (self)), file);
  if (holder != NULL && holder != self)
    {
      refuse_open_elsewhere (self, file, holder);
      if (continuation != NULL)
        continuation_free (continuation);
      return;
    }

  store_file = store_file_for (self, path);
  if (fw_store_file_changed_on_disk (store_file))
    ask_before_overwriting (self, file, store_file, continuation);
  else
    save_now (self, file, store_file, continuation);
}

void
fw_window_save_to (FwWindow *self,
                   GFile    *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  save_then (self, file, NULL);
}

/* A user who starts a new project expects it named like a new document,
 * not after the template it starts from: the template's name as the
 * project's put "Attract, engage, delight" on the title bar, in Save
 * As's suggested file name and at the top of the client's report (user
 * review, C10). The template stays in sight in the title bar's subtitle
 * until the project is saved. */
FwProject *
fw_window_untitled_project (const char  *template_id,
                            char       **template_title,
                            GError     **error)
{
  FwProject *project = fw_template_create (template_id, error);

  if (project == NULL)
    return NULL;
  *template_title = g_steal_pointer (&project->name);
  /* Translators: the name of a new project, as a new document's */
  project->name = g_strdup (_("Untitled flywheel"));
  return project;
}

void
fw_window_new_from_template (FwWindow   *self,
                             const char *template_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwDocument) document = NULL;
  g_autofree char *template_title = NULL;
  FwProject *project;

  g_return_if_fail (FW_IS_WINDOW (self));

  if ((project = fw_window_untitled_project (template_id, &template_title, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no template “%s”."), template_id);

      g_message ("Template %s: %s", template_id, error->message);
      fw_window_show_error (self, message);
      return;
    }

  document = fw_document_new (project);
  fw_window_set_document (self, document, NULL);
  self->template_title = g_steal_pointer (&template_title);
  fw_window_update_title (self);
  fw_window_dismiss_error (self);
  self->pristine = TRUE;
}

/* Where a file opens, as in other document applications: the window
 * that has it open already comes forward (one file, one window, a file
 * still opening included); a window holding nothing of the user's (an
 * untouched new project, not busy) takes it in place; any other keeps
 * its project, untouched and usable while the file loads in a window of
 * its own. So nothing needs asking about unsaved changes here. */
void
fw_window_open_file (FwWindow *self,
                     GFile    *file)
{
  FwWindow *holder;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  holder = fw_window_find_for_file (gtk_window_get_application (GTK_WINDOW (self)), file);
  if (holder == NULL && self->file != NULL && g_file_equal (self->file, file))
    holder = self;
  if (holder != NULL)
    gtk_window_present (GTK_WINDOW (holder));
  else if (fw_window_is_pristine (self) && !fw_window_is_busy (self))
    load_into (self, file, NULL);
  else
    load_into (fw_window_new_sibling (self), file, self);
}

/* Asking before discarding */

/* The dialog owns the reference to its window (see
 * fw_window_settle_changes ()), so @self needs none of its own. */
typedef struct
{
  FwWindow     *self;
  Continuation *continuation;
  gboolean      about_pending;  /* the question was about refused text */
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
        save_then (self, self->file, c);
      else
        fw_window_choose_save (self, save_done_then, c, (GDestroyNotify) continuation_free);
      break;

    case GTK_RESPONSE_REJECT:
      continuation_run (c, self);
      continuation_free (c);
      break;

    default:
      continuation_free (c);
      if (settle->about_pending)
        fw_window_focus_pending (self);
      break;
    }

  g_free (settle);
}

static GtkWidget *
save_question (FwWindow *self)
{
  g_autofree char *name = display_name (self);
  GtkWidget *dialog;
  GtkWidget *discard;

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
  return dialog;
}

void
fw_window_settle_changes (FwWindow       *self,
                          FwWindowThen    then,
                          gpointer        data,
                          GDestroyNotify  free_data)
{
  Continuation *c = continuation_new (then, data, free_data);
  g_autoptr(GPtrArray) pending = NULL;
  GtkWidget *dialog;
  Settle *settle;

  g_return_if_fail (FW_IS_WINDOW (self));

  /* Text refused and kept in a field is the user's too, though the
   * document never held it (fw-window-pending.c). */
  pending = fw_typed_field_list_pending (self->document);
  if (!fw_document_get_modified (self->document) && pending->len == 0)
    {
      continuation_run (c, self);
      continuation_free (c);
      return;
    }

  dialog = pending->len > 0 ? fw_window_pending_question (self, pending) : save_question (self);

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
  settle->about_pending = pending->len > 0;
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
        fw_window_open_file (self, file);
    }

  g_object_unref (native);
  g_object_unref (self);
}

/* Open…: the file chosen opens as fw_window_open_file () says, in this
 * window only if it holds nothing of the user's, so nothing is asked
 * first. */
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
  FwWindow *self = g_object_get_data (G_OBJECT (native), "window");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) file = chosen ? with_extension (chosen) : NULL;

      if (file != NULL)
        save_then (self, file, g_object_steal_data (G_OBJECT (native), "continuation"));
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
