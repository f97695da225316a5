/* fw-window-recovery.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-recovery"

#include <glib/gi18n.h>

#include "fw-focus-home.h"
#include "fw-store-file.h"
#include "fw-time-words.h"
#include "fw-window-private.h"

/* Each window keeps a recovery copy of its unsaved work (fw-recovery.h):
 * a few seconds after an edit the project (lent by the document, not
 * copied) is written on a thread, so the window never waits for the
 * disk. Saving, undoing back to the saved
 * state, discarding or closing removes the copy; a kill leaves it, and
 * the next start offers it back in a banner (Restore, Discard with a
 * moment to Undo). */

/* After the first edit of a burst: the copy then holds every edit up to
 * that moment, and any edit after it starts the next one. So the copy is
 * never more than about this far behind the window (plus a write), well
 * within the 10 seconds promised, and a long drag is not written on
 * every frame. */
#define RECOVERY_DELAY_SECONDS 2
/* The promise is kept here, not timed in a test (a test under load
 * would fail it): the delay stays well inside the 10 seconds, leaving
 * the rest to the write, which runs on a thread. */
G_STATIC_ASSERT (RECOVERY_DELAY_SECONDS <= 5);

/* A version of a project lent by its document (fw_document_lend ()),
 * shared by the window and its writes: given back when the last of
 * them lets go. */
typedef struct
{
  FwDocument      *document;
  const FwProject *project;
} Loan;

static Loan *
loan_new (FwDocument      *document,
          const FwProject *project)
{
  Loan *loan = g_rc_box_new0 (Loan);

  loan->document = g_object_ref (document);
  loan->project = project;
  return loan;
}

static void
loan_clear (Loan *loan)
{
  fw_document_give_back (loan->document, loan->project);
  g_object_unref (loan->document);
}

static Loan *
loan_ref (Loan *loan)
{
  return g_rc_box_acquire (loan);
}

static void
loan_unref (Loan *loan)
{
  if (loan != NULL)
    g_rc_box_release_full (loan, (GDestroyNotify) loan_clear);
}

struct _FwWindowRecovery
{
  FwRecovery   *store;
  char         *slot;
  guint         timeout;
  gboolean      writing;
  gboolean      again;        /* edits came while writing: write again */
  gboolean      written;      /* a copy of this slot may be on disk */
  GCancellable *cancellable;  /* of the write, for the window's end */
  /* The file the copy on disk names (its .info), when the document
   * knows the copy holds its project as it is now
   * (fw_document_is_copied()): then the copy is not written again. */
  char         *copied_path;
  char         *copied_identity;
  /* The version the copy on disk holds, kept so that the next copy is
   * that file and the changes since (fw_recovery_write_from ()); NULL
   * when not known. */
  Loan         *on_disk;
};

static void schedule (FwWindow *self);

static gboolean
has_unsaved_work (FwWindow *self)
{
  return self->document != NULL && fw_document_get_modified (self->document);
}

/* The copy on disk holds @project, naming @path and @identity. */
static void
mark_copied (FwWindowRecovery *recovery,
             FwDocument       *document,
             const FwProject  *project,
             const char       *path,
             const char       *identity)
{
  fw_document_set_copied (document, project);
  g_free (recovery->copied_path);
  g_free (recovery->copied_identity);
  recovery->copied_path = g_strdup (path);
  recovery->copied_identity = g_strdup (identity);
}

/* Whether the copy on disk already holds the work as it is now, for the
 * same file: writing it again would write the same bytes. Not while a
 * write runs, which may land another version after it. */
static gboolean
copy_is_current (FwWindow   *self,
                 const char *path,
                 const char *identity)
{
  FwWindowRecovery *recovery = self->recovery;

  return recovery->written && !recovery->writing &&
         fw_document_is_copied (self->document) &&
         g_strcmp0 (path, recovery->copied_path) == 0 &&
         g_strcmp0 (identity, recovery->copied_identity) == 0;
}

static void
remove_copy (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;

  if (recovery->written)
    fw_recovery_remove (recovery->store, recovery->slot);
  recovery->written = FALSE;
  g_clear_pointer (&recovery->on_disk, loan_unref);
  if (self->document != NULL)
    fw_document_set_copied (self->document, NULL);
}

/* The file the work belongs to, and what it was like on disk when last
 * opened or saved, so that a restored project still asks before saving
 * over a file that changed since. */
static void
describe_file (FwWindow  *self,
               char     **path,
               char     **identity)
{
  FwStoreFile *store_file = fw_window_get_store_file (self);

  *path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  *identity = store_file != NULL ? fw_store_file_get_identity (store_file) : NULL;
}

/* A write outlives its window's wish for it when the window is closed
 * (saved or discarded) or the work saved while it ran: it then removes
 * what it wrote. It keeps the folder and the slot, since the window
 * (and its FwWindowRecovery) may be gone by the time it ends. */
typedef struct
{
  GWeakRef         window;
  FwRecovery      *store;
  char            *slot;
  FwDocument      *document;
  Loan            *lent;      /* the version written */
  FwRecoveryBase   base;      /* what it is made from, if anything */
  Loan            *base_loan; /* base.project's */
  char            *base_path;
  char            *base_identity;
  char            *path;      /* the file it names, and that file's identity */
  char            *identity;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  loan_unref (job->lent);
  loan_unref (job->base_loan);
  g_object_unref (job->document);
  g_weak_ref_clear (&job->window);
  fw_recovery_unref (job->store);
  g_free (job->slot);
  g_free (job->base_path);
  g_free (job->base_identity);
  g_free (job->path);
  g_free (job->identity);
  g_free (job);
}

/* What the copy is made from: the copy on disk, whose version is known;
 * or else the user's file, as long as it is still what was last opened
 * or saved (the document keeps that version); or nothing, and the copy
 * is written whole. */
static void
choose_base (FwWindow *self,
             WriteJob *job)
{
  FwWindowRecovery *recovery = self->recovery;
  FwStoreFile *store_file = fw_window_get_store_file (self);
  const FwProject *saved;

  if (recovery->written && recovery->on_disk != NULL)
    job->base_loan = loan_ref (recovery->on_disk);
  else if (store_file != NULL && job->identity != NULL &&
           (saved = fw_document_lend_saved (self->document)) != NULL)
    {
      job->base_loan = loan_new (self->document, saved);
      job->base_path = g_strdup (fw_store_file_get_real_path (store_file));
      job->base_identity = g_strdup (job->identity);
    }
  else
    return;

  job->base.path = job->base_path;
  job->base.identity = job->base_identity;
  job->base.project = job->base_loan->project;
}

/* A write of the work as it is now, of the file @path (with @identity,
 * both taken). */
static WriteJob *
write_job_new (FwWindow *self,
               char     *path,
               char     *identity)
{
  FwWindowRecovery *recovery = self->recovery;
  WriteJob *job = g_new0 (WriteJob, 1);

  g_weak_ref_init (&job->window, self);
  job->store = fw_recovery_ref (recovery->store);
  job->slot = g_strdup (recovery->slot);
  job->document = g_object_ref (self->document);
  job->lent = loan_new (self->document, fw_document_lend (self->document));
  job->path = path;
  job->identity = identity;
  choose_base (self, job);
  return job;
}

/* The job's version is on disk now, in the window's slot. */
static void
job_landed (FwWindowRecovery *recovery,
            WriteJob         *job)
{
  mark_copied (recovery, job->document, job->lent->project, job->path, job->identity);
  loan_unref (recovery->on_disk);
  recovery->on_disk = loan_ref (job->lent);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteJob *job = user_data;
  g_autoptr(FwWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean written = fw_recovery_write_finish (job->store, result, &error);
  FwWindowRecovery *recovery = self != NULL ? self->recovery : NULL;

  if (recovery != NULL)
    recovery->writing = FALSE;
  if (recovery != NULL && recovery->again && has_unsaved_work (self))
    {
      recovery->again = FALSE;
      schedule (self);
    }
  if (!written && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write a recovery copy: %s", error->message);

  /* Closed, or saved or taken back while it was written: old news. */
  if (self == NULL || self->closing || recovery == NULL || !has_unsaved_work (self))
    {
      fw_recovery_remove (job->store, job->slot);
      fw_document_set_copied (job->document, NULL);
      if (recovery != NULL)
        g_clear_pointer (&recovery->on_disk, loan_unref);
    }
  else if (written && g_strcmp0 (job->slot, recovery->slot) == 0)
    job_landed (recovery, job);
  write_job_free (job);
}

static gboolean
write_copy (gpointer user_data)
{
  FwWindow *self = user_data;
  FwWindowRecovery *recovery = self->recovery;
  char *path = NULL;
  char *identity = NULL;
  WriteJob *job;

  recovery->timeout = 0;
  if (!has_unsaved_work (self))
    return G_SOURCE_REMOVE;
  /* One write at a time per slot, so an older copy never lands last. */
  if (recovery->writing)
    {
      recovery->again = TRUE;
      return G_SOURCE_REMOVE;
    }

  describe_file (self, &path, &identity);
  /* Undone back to the version last written, say. */
  if (copy_is_current (self, path, identity))
    {
      g_free (path);
      g_free (identity);
      return G_SOURCE_REMOVE;
    }
  job = write_job_new (self, path, identity);
  recovery->writing = TRUE;
  recovery->written = TRUE;
  fw_recovery_write_async (recovery->store, recovery->slot, job->lent->project,
                           job->base.project != NULL ? &job->base : NULL,
                           job->path, job->identity, recovery->cancellable, on_written, job);
  return G_SOURCE_REMOVE;
}

static void
schedule (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;

  if (recovery->timeout == 0)
    recovery->timeout = g_timeout_add_seconds (RECOVERY_DELAY_SECONDS, write_copy, self);
}

/* Every edit, save and switch of documents comes here. */
static void
on_document_state (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;

  if (recovery == NULL)
    return;

  if (has_unsaved_work (self))
    schedule (self);
  else
    {
      g_clear_handle_id (&recovery->timeout, g_source_remove);
      /* A write under way removes its copy when it ends (on_written). */
      if (!recovery->writing)
        remove_copy (self);
    }
}

void
fw_window_recovery_follow (FwWindow   *self,
                           FwDocument *document)
{
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_document_state),
                           self, G_CONNECT_SWAPPED);
  on_document_state (self);
}

void
fw_window_set_recovery (FwWindow   *self,
                        FwRecovery *store)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (self->recovery == NULL);

  if (store == NULL)
    return;
  self->recovery = g_new0 (FwWindowRecovery, 1);
  self->recovery->store = fw_recovery_ref (store);
  self->recovery->slot = fw_recovery_new_slot (store);
  self->recovery->cancellable = g_cancellable_new ();
  on_document_state (self);
}

FwWindow *
fw_window_new_sibling (FwWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  FwWindow *window = fw_window_new (application);

  /* The application gives its windows their recovery when they join it
   * (fw-application.c); a window of none, in the tests, has its own. */
  if (application == NULL && self->recovery != NULL)
    fw_window_set_recovery (window, self->recovery->store);
  return window;
}

gboolean
fw_window_recovery_write_now (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;
  char *path = NULL;
  char *identity = NULL;
  g_autoptr(GError) error = NULL;
  WriteJob *job;
  gboolean written;

  if (recovery == NULL || !has_unsaved_work (self))
    return TRUE;

  g_clear_handle_id (&recovery->timeout, g_source_remove);
  describe_file (self, &path, &identity);
  /* SIGTERM or the session ending: a copy already on disk is not
   * written again, which for the largest project took 32 s of the time
   * a session manager gives (review3). */
  if (copy_is_current (self, path, identity))
    {
      g_free (path);
      g_free (identity);
      return TRUE;
    }
  job = write_job_new (self, path, identity);
  recovery->written = TRUE;
  written = fw_recovery_write_from (recovery->store, recovery->slot, job->lent->project,
                                    job->base.project != NULL ? &job->base : NULL,
                                    job->path, job->identity, &error);
  if (written)
    job_landed (recovery, job);
  else
    g_warning ("Could not write a recovery copy: %s", error->message);
  write_job_free (job);
  return written;
}

const char *
fw_window_get_recovery_slot (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->recovery != NULL ? self->recovery->slot : NULL;
}

void
fw_window_recovery_forget (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;

  if (recovery == NULL)
    return;
  g_clear_handle_id (&recovery->timeout, g_source_remove);
  g_cancellable_cancel (recovery->cancellable);
  recovery->written = TRUE;
  remove_copy (self);
}

/* The window is going away; its copy stays unless it was forgotten (a
 * program ended by SIGTERM or by the session keeps it). */
void
fw_window_recovery_free (FwWindow *self)
{
  FwWindowRecovery *recovery = self->recovery;

  if (recovery == NULL)
    return;
  g_clear_handle_id (&recovery->timeout, g_source_remove);
  g_clear_object (&recovery->cancellable);
  g_clear_pointer (&recovery->store, fw_recovery_unref);
  g_free (recovery->slot);
  g_free (recovery->copied_path);
  g_free (recovery->copied_identity);
  g_clear_pointer (&recovery->on_disk, loan_unref);
  g_clear_pointer (&self->recovery, g_free);
}

/* Restoring ---------------------------------------------------------------- */

gboolean
fw_window_restore_copy (FwWindow               *self,
                        const FwRecoveredCopy  *copy,
                        GError                **error)
{
  FwWindowRecovery *recovery = self->recovery;
  g_autoptr(FwDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  FwProject *project;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (recovery != NULL, FALSE);

  if ((project = fw_recovery_load (recovery->store, copy, error)) == NULL)
    return FALSE;

  /* The window's own copy (if any) gives way to the restored one, whose
   * slot it keeps writing from now on. */
  fw_window_recovery_forget (self);
  g_free (recovery->slot);
  recovery->slot = g_strdup (copy->slot);
  recovery->written = TRUE;
  g_clear_object (&recovery->cancellable);
  recovery->cancellable = g_cancellable_new ();

  /* Read as any project file is, which validates it. */
  document = fw_document_new_validated (project);
  fw_document_mark_unsaved (document);
  if (copy->path != NULL)
    {
      g_autoptr(FwStoreFile) store_file = fw_store_file_new (copy->path);

      fw_store_file_set_identity (store_file, copy->identity);
      file = g_file_new_for_path (copy->path);
      fw_window_set_document (self, document, file);
      fw_window_keep_store_file (self, store_file);
    }
  else
    fw_window_set_document (self, document, NULL);
  fw_window_dismiss_error (self);
  return TRUE;
}

/* Offering ----------------------------------------------------------------- */

/* Discard takes the copy away from sight at once but deletes it only
 * this long after, with Undo in the banner meanwhile (as GNOME's Files
 * does for a deletion): recovered work is the user's last chance at it,
 * so one stray key or click must never be enough to lose it. A window
 * closed meanwhile deletes it then; a program killed meanwhile leaves
 * it, offered again at the next start. */
#define DISCARD_UNDO_SECONDS 10

typedef struct
{
  FwWindow        *self;
  FwRecovery      *store;     /* the window's, kept: the banner may outlive it */
  FwRecoveredCopy *copy;
  GtkWidget       *banner;
  GtkLabel        *label;
  GtkWidget       *discard;
  GtkWidget       *restore;
  GtkWidget       *undo;
  char            *text;      /* the offer, said again after Undo */
  guint            discard_timeout;   /* discarded, deleted when it fires */
} Offer;

static void
delete_copy (Offer *offer)
{
  g_clear_handle_id (&offer->discard_timeout, g_source_remove);
  fw_recovery_remove (offer->store, offer->copy->slot);
}

static void
offer_free (Offer *offer)
{
  /* Discarded, and the window closes before the time to undo is up. */
  if (offer->discard_timeout != 0)
    delete_copy (offer);
  fw_recovery_unref (offer->store);
  fw_recovered_copy_free (offer->copy);
  g_free (offer->text);
  g_free (offer);
}

static void
withdraw (Offer *offer)
{
  GtkWidget *banner = offer->banner;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (offer->self));

  /* Before the banner goes: GTK would give the keyboard to the next
   * control down, the catalog's search field, where Space no longer
   * plays. It goes home instead. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, banner))
    fw_focus_home_return (GTK_WINDOW (offer->self));
  gtk_revealer_set_reveal_child (GTK_REVEALER (banner), FALSE);
  /* The offer goes with its banner. */
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (banner)), banner);
}

static void
on_restore_clicked (GtkButton *button,
                    Offer     *offer)
{
  FwWindow *self = offer->self;
  FwWindow *target = self;
  g_autoptr(GError) error = NULL;

  /* Into this window if it holds nothing of the user's, else its own.
   * A window opening a file is about to hold that file: restoring into
   * it would be replaced by the file as it arrives. */
  if (!fw_window_is_pristine (self) || fw_window_is_busy (self))
    target = fw_window_new_sibling (self);

  if (!fw_window_restore_copy (target, offer->copy, &error))
    {
      g_autofree char *message = NULL;

      g_message ("Recovery copy %s: %s", offer->copy->slot, error->message);
      message = g_strdup (_("The recovered work could not be read: the copy is damaged."));
      fw_window_show_error (self, message);
      if (target != self)
        gtk_window_destroy (GTK_WINDOW (target));
      return;
    }
  gtk_window_present (GTK_WINDOW (target));
  withdraw (offer);
}

static gboolean
on_discard_final (gpointer user_data)
{
  Offer *offer = user_data;

  offer->discard_timeout = 0;
  delete_copy (offer);
  withdraw (offer);
  return G_SOURCE_REMOVE;
}

/* The banner as an offer (Discard, Restore) or as a discarded copy's
 * last moments (Undo), keeping the keyboard on it when it was there. */
static void
show_discarded (Offer    *offer,
                gboolean  discarded)
{
  GtkWidget *from = discarded ? offer->discard : offer->undo;
  GtkWidget *to = discarded ? offer->undo : offer->restore;
  gboolean had_focus = gtk_widget_has_focus (from);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (discarded && offer->copy->path != NULL)
    {
      name = g_filename_display_basename (offer->copy->path);
      text = g_strdup_printf (_("The unsaved changes to “%s” will be discarded."), name);
    }
  else if (discarded)
    text = g_strdup_printf (_("The unsaved new project “%s” will be discarded."),
                            offer->copy->project_name != NULL ? offer->copy->project_name : "");
  gtk_label_set_text (offer->label, discarded ? text : offer->text);
  gtk_widget_set_visible (offer->undo, discarded);
  gtk_widget_set_visible (offer->discard, !discarded);
  gtk_widget_set_visible (offer->restore, !discarded);
  if (had_focus)
    gtk_widget_grab_focus (to);
}

static void
on_discard_clicked (GtkButton *button,
                    Offer     *offer)
{
  if (offer->discard_timeout != 0)
    return;
  offer->discard_timeout = g_timeout_add_seconds (DISCARD_UNDO_SECONDS, on_discard_final, offer);
  show_discarded (offer, TRUE);
}

static void
on_undo_clicked (GtkButton *button,
                 Offer     *offer)
{
  g_clear_handle_id (&offer->discard_timeout, g_source_remove);
  show_discarded (offer, FALSE);
}

static char *
offer_text (const FwRecoveredCopy *copy)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (copy->written);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* "from today at 14:05", never "12/04/26" (whose day and month depend
   * on the country). */
  g_autofree char *time = when != NULL && now != NULL ? fw_time_words_since (when, now) : g_strdup ("");

  if (copy->path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (copy->path);

      /* Translators: the second %s says when, with its preposition:
       * "from today at 14:05". */
      return g_strdup_printf (_("Unsaved changes to “%s” %s were kept when Flywheel ended."),
                              name, time);
    }
  /* Translators: the second %s says when, with its preposition: "from
   * yesterday at 09:12". */
  return g_strdup_printf (_("An unsaved new project, “%s”, %s was kept when Flywheel ended."),
                          copy->project_name != NULL ? copy->project_name : "", time);
}

void
fw_window_offer_recovered (FwWindow        *self,
                           FwRecoveredCopy *copy)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-revert-symbolic");
  Offer *offer;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (self->recovery != NULL);

  offer = g_new0 (Offer, 1);
  offer->self = self;
  offer->store = fw_recovery_ref (self->recovery->store);
  offer->copy = copy;
  offer->text = offer_text (copy);
  offer->banner = fw_window_banner_new (self, icon, offer->text, &offer->label);
  offer->discard = fw_window_banner_add_button (offer->banner, _("_Discard"), FALSE);
  offer->restore = fw_window_banner_add_button (offer->banner, _("_Restore"), TRUE);
  offer->undo = fw_window_banner_add_button (offer->banner, _("_Undo"), FALSE);
  gtk_widget_set_visible (offer->undo, FALSE);
  g_signal_connect (offer->discard, "clicked", G_CALLBACK (on_discard_clicked), offer);
  g_signal_connect (offer->restore, "clicked", G_CALLBACK (on_restore_clicked), offer);
  g_signal_connect (offer->undo, "clicked", G_CALLBACK (on_undo_clicked), offer);
  g_object_set_data_full (G_OBJECT (offer->banner), "fw-offer", offer, (GDestroyNotify) offer_free);
  gtk_revealer_set_reveal_child (GTK_REVEALER (offer->banner), TRUE);
}
