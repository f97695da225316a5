/* fw-typed-field.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-typed-field"

#include <glib/gi18n.h>

#include "fw-error.h"
#include "fw-number-entry.h"
#include "fw-typed-field.h"
#include "fw-validate.h"
#include "fw-widget-util.h"

#define FIELD_KEY    "fw-typed-field"
#define REGISTRY_KEY "fw-typed-fields"
#define STASH_KEY    "fw-typed-stash"

typedef enum
{
  /* The text says the document's value. */
  STATE_SHOWN,
  /* The text was refused: it stays, marked, and tries again after every
   * edit. */
  STATE_PENDING,
  /* Pending text that went in as part of another edit's run: pending
   * again if that run is taken back. */
  STATE_LANDED,
} State;

struct _FwTypedField
{
  GtkWidget        *widget;     /* unowned: the field lives on it */
  FwDocument       *document;
  FwTypedApplyFunc  apply;
  FwTypedShowFunc   show;
  GCallback         marked;
  gpointer          user_data;

  State             state;
  guint             landed_step;
  char             *error;
  char             *landed_error; /* the reason it had before it landed */
  char             *hint;
  char             *key;        /* what the field edits, for the stash */
  char             *typed;      /* the text last typed: the widget may be
                                 * half gone when the field is freed */
  gboolean          setting;    /* writing the text ourselves */
  gboolean          on_commit;  /* applies on Enter or leaving only */
  gboolean          uncommitted; /* typed since, not applied yet */
  gboolean          applying;   /* our own edit of the document */
};

/* The typed fields of one document, which try again after its edits. */
typedef struct
{
  GPtrArray *fields;       /* of FwTypedField, unowned */
  gboolean   retrying;     /* a retry's own edit: no retry of that */
  gboolean   cancelling;   /* a field is taking its run back */
} Registry;

/* Text */

static GtkTextBuffer *
text_buffer (FwTypedField *field)
{
  return GTK_IS_TEXT_VIEW (field->widget) ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)) : NULL;
}

static char *
get_text (FwTypedField *field)
{
  GtkTextBuffer *buffer = text_buffer (field);
  GtkTextIter start, end;

  if (buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
fw_typed_field_set_text (FwTypedField *field,
                         const char   *text)
{
  GtkTextBuffer *buffer;
  g_autofree char *now = NULL;

  g_return_if_fail (field != NULL);

  now = get_text (field);
  if (g_strcmp0 (now, text) == 0)
    return;

  field->setting = TRUE;
  if ((buffer = text_buffer (field)) != NULL)
    gtk_text_buffer_set_text (buffer, text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  field->setting = FALSE;
}

/* Marks */

/* The widget that shows the mark: a text view's scrolled frame. */
static GtkWidget *
marked_widget (FwTypedField *field)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (field->widget, GTK_TYPE_SCROLLED_WINDOW);

  if (GTK_IS_TEXT_VIEW (field->widget) && scrolled != NULL)
    return scrolled;
  return field->widget;
}

static void
set_error (FwTypedField *field,
           const char   *error)
{
  if (g_strcmp0 (field->error, error) == 0)
    return;

  g_free (field->error);
  field->error = g_strdup (error);
  fw_widget_mark_invalid (marked_widget (field), field->error, field->hint);
  if (field->marked != NULL)
    ((void (*) (FwTypedField *, gpointer)) field->marked) (field, field->user_data);
}

void
fw_typed_field_set_hint (FwTypedField *field,
                         const char   *hint)
{
  g_return_if_fail (field != NULL);

  if (g_strcmp0 (field->hint, hint) == 0)
    return;

  g_free (field->hint);
  field->hint = g_strdup (hint);
  fw_widget_mark_invalid (marked_widget (field), field->error, field->hint);
}

/* Showing the document */

static void
show_document (FwTypedField *field)
{
  g_autofree char *text = get_text (field);
  g_autofree char *shown = field->show (field, text, field->user_data);

  if (shown != NULL)
    fw_typed_field_set_text (field, shown);
}

static void
follow_document (FwTypedField *field)
{
  field->uncommitted = FALSE;
  field->state = STATE_SHOWN;
  g_clear_pointer (&field->landed_error, g_free);
  show_document (field);
  set_error (field, NULL);
}

void
fw_typed_field_show (FwTypedField *field)
{
  g_return_if_fail (field != NULL);

  /* Pending text is the user's until they say otherwise; landed text is
   * the document's value already; text not committed yet is being
   * typed. */
  if (field->applying || field->state != STATE_SHOWN || field->uncommitted)
    return;

  follow_document (field);
}

/* Applying */

static Registry *
get_registry (FwDocument *document)
{
  return g_object_get_data (G_OBJECT (document), REGISTRY_KEY);
}

static gboolean
apply_text (FwTypedField  *field,
            GError       **error)
{
  g_autofree char *text = get_text (field);
  gboolean applied;

  field->applying = TRUE;
  applied = field->apply (field, text, field->user_data, error);
  field->applying = FALSE;
  return applied;
}

/* The user typed: the text applies, or is refused and what its
 * keystrokes applied so far is taken back. */
static void
apply_typed (FwTypedField *field)
{
  g_autoptr(GError) error = NULL;
  Registry *registry;

  if (apply_text (field, &error))
    {
      field->state = STATE_SHOWN;
      g_clear_pointer (&field->landed_error, g_free);
      set_error (field, NULL);
      return;
    }

  field->state = STATE_PENDING;
  g_clear_pointer (&field->landed_error, g_free);
  set_error (field, error->message);

  /* The open run is this field's own (fields seal when they get the
   * focus): the "7" applied on the way to a refused "70" goes. */
  registry = get_registry (field->document);
  registry->cancelling = TRUE;
  field->applying = TRUE;
  fw_document_cancel_run (field->document);
  field->applying = FALSE;
  registry->cancelling = FALSE;
}

static void
on_typed (FwTypedField *field)
{
  if (field->setting)
    return;

  g_free (field->typed);
  field->typed = get_text (field);
  if (field->on_commit)
    {
      field->uncommitted = TRUE;
      return;
    }
  apply_typed (field);
}

/* After a change of the document that was not this field's own typing. */
static void
after_change (FwTypedField *field,
              Registry     *registry)
{
  g_autoptr(GError) error = NULL;

  switch (field->state)
    {
    case STATE_LANDED:
      if (fw_document_get_step (field->document) == field->landed_step)
        return;   /* the run it joined goes on */
      if (registry->cancelling)
        {
          /* The edit that made it valid was taken back: the text is
           * still what the user typed, and refused again. */
          field->state = STATE_PENDING;
          set_error (field, field->landed_error);
          /* Pending again: its reason is the error now, and landing once
           * more keeps a new copy. */
          g_clear_pointer (&field->landed_error, g_free);
          return;
        }
      /* A new step, an undo or a redo: it is the document's now. */
      follow_document (field);
      return;

    case STATE_PENDING:
      if (!fw_document_can_amend (field->document))
        return;
      fw_document_set_amending (field->document, TRUE);
      registry->retrying = TRUE;
      if (apply_text (field, &error))
        {
          field->state = STATE_LANDED;
          field->landed_step = fw_document_get_step (field->document);
          field->landed_error = g_strdup (field->error);
          set_error (field, NULL);
        }
      else
        set_error (field, error->message);
      registry->retrying = FALSE;
      fw_document_set_amending (field->document, FALSE);
      return;

    case STATE_SHOWN:
    default:
      return;
    }
}

static void
on_document_changed (FwDocument     *document,
                     const FwChange *change,
                     Registry       *registry)
{
  g_autoptr(GPtrArray) widgets = NULL;

  if (registry->retrying)
    return;

  /* A retry's edit may rebuild views, and fields with them. */
  widgets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < registry->fields->len; i++)
    g_ptr_array_add (widgets, g_object_ref (((FwTypedField *) g_ptr_array_index (registry->fields, i))->widget));

  for (guint i = 0; i < widgets->len; i++)
    {
      FwTypedField *field = g_object_get_data (g_ptr_array_index (widgets, i), FIELD_KEY);

      if (field != NULL && field->document == document && !field->applying &&
          g_ptr_array_find (registry->fields, field, NULL))
        after_change (field, registry);
    }
}

static void
registry_free (gpointer data)
{
  Registry *registry = data;

  g_ptr_array_unref (registry->fields);
  g_free (registry);
}

static Registry *
ensure_registry (FwDocument *document)
{
  Registry *registry = get_registry (document);

  if (registry != NULL)
    return registry;

  registry = g_new0 (Registry, 1);
  registry->fields = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (document), REGISTRY_KEY, registry, registry_free);
  /* After every view has shown the change. */
  g_signal_connect_after (document, "changed", G_CALLBACK (on_document_changed), registry);
  return registry;
}

/* Events of the widget */

/* Leaving the field, or Enter: the end of a run of keystrokes. Valid
 * text is written as the field writes the document's value, however it
 * was typed: "25%" beside the field's own "%" read "25% %", "1,500"
 * reads "1500" as the field shows every count; pending text stays. */
static void
finish (FwTypedField *field)
{
  g_autofree char *shown = NULL;

  if (field->uncommitted)
    {
      /* One undo step of its own; a refusal has nothing to take back. */
      field->uncommitted = FALSE;
      fw_document_seal (field->document);
      apply_typed (field);
    }
  fw_document_seal (field->document);
  if (field->state != STATE_SHOWN)
    return;
  /* Without the text, show() writes the value whatever the text says. */
  shown = field->show (field, NULL, field->user_data);
  if (shown != NULL)
    fw_typed_field_set_text (field, shown);
}

static void
on_focus_enter (FwTypedField *field)
{
  /* Its typing is a run of its own, which a refusal takes back whole. */
  fw_document_seal (field->document);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        modifiers,
                FwTypedField          *field)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  text = get_text (field);
  shown = field->show (field, text, field->user_data);
  /* Nothing to take back: Escape does what it does around the field
   * (closes the point editor, say). */
  if (field->state != STATE_PENDING && shown == NULL)
    return GDK_EVENT_PROPAGATE;

  fw_typed_field_take_back (field);
  if (!GTK_IS_TEXT_VIEW (field->widget))
    gtk_editable_set_position (GTK_EDITABLE (field->widget), -1);
  return GDK_EVENT_STOP;
}

void
fw_typed_field_set_apply_on_commit (FwTypedField *field,
                                    gboolean      on_commit)
{
  g_return_if_fail (field != NULL);

  field->on_commit = on_commit;
}

void
fw_typed_field_take_back (FwTypedField *field)
{
  g_return_if_fail (field != NULL);

  fw_document_seal (field->document);
  follow_document (field);
}

gboolean
fw_typed_field_is_pending (FwTypedField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->state == STATE_PENDING || field->uncommitted;
}

/* The stash */

/* Pending text whose field went with its row (a stage moved, the rows of
 * another scenario shown), kept by the document under the field's key
 * until a field with that key comes back. */
typedef struct
{
  char *text;
  char *error;
  char *name;   /* the field's, to say where the text was typed */
} Stashed;

static void
stashed_free (gpointer data)
{
  Stashed *stashed = data;

  g_free (stashed->text);
  g_free (stashed->error);
  g_free (stashed->name);
  g_free (stashed);
}

static GHashTable *
get_stash (FwDocument *document,
           gboolean    create)
{
  GHashTable *stash = g_object_get_data (G_OBJECT (document), STASH_KEY);

  if (stash == NULL && create)
    {
      stash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stashed_free);
      g_object_set_data_full (G_OBJECT (document), STASH_KEY, stash, (GDestroyNotify) g_hash_table_unref);
    }
  return stash;
}

void
fw_typed_field_stash (FwTypedField *field)
{
  Registry *registry;
  Stashed *stashed;
  gboolean pending;

  g_return_if_fail (field != NULL);

  /* Its widget is going: it no longer tries again after edits, which
   * would apply its text to whatever its row's index names now. */
  pending = field->state == STATE_PENDING;
  field->state = STATE_SHOWN;
  if ((registry = get_registry (field->document)) != NULL)
    g_ptr_array_remove (registry->fields, field);

  if (field->key == NULL || field->typed == NULL || !pending)
    return;

  stashed = g_new0 (Stashed, 1);
  stashed->text = g_strdup (field->typed);
  stashed->error = g_strdup (field->error);
  stashed->name = g_strdup (fw_widget_get_accessible_label (field->widget));
  g_hash_table_replace (get_stash (field->document, TRUE), g_strdup (field->key), stashed);
}

/* A field that shows what a stashed text was typed for takes it back,
 * still pending: it tries again after the next edit. */
static void
unstash (FwTypedField *field)
{
  GHashTable *table = get_stash (field->document, FALSE);
  Stashed *stashed = table != NULL ? g_hash_table_lookup (table, field->key) : NULL;

  if (stashed == NULL || field->state != STATE_SHOWN || field->applying)
    return;

  fw_typed_field_set_text (field, stashed->text);
  g_free (field->typed);
  field->typed = g_strdup (stashed->text);
  field->state = STATE_PENDING;
  set_error (field, stashed->error);
  g_hash_table_remove (table, field->key);
}

void
fw_typed_field_set_key (FwTypedField *field,
                        const char   *key)
{
  g_return_if_fail (field != NULL);
  g_return_if_fail (key != NULL);

  if (g_strcmp0 (field->key, key) != 0)
    {
      g_free (field->key);
      field->key = g_strdup (key);
    }
  unstash (field);
}

void
fw_typed_field_forget_stashed (FwDocument *document,
                               const char *prefix)
{
  GHashTable *table;
  GHashTableIter iter;
  const char *key;

  g_return_if_fail (FW_IS_DOCUMENT (document));
  g_return_if_fail (prefix != NULL);

  if ((table = get_stash (document, FALSE)) == NULL)
    return;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
}

gboolean
fw_typed_field_has_stashed (FwDocument *document)
{
  GHashTable *table;

  g_return_val_if_fail (FW_IS_DOCUMENT (document), FALSE);

  table = get_stash (document, FALSE);
  return table != NULL && g_hash_table_size (table) > 0;
}

/* What the user would lose */

void
fw_pending_text_free (FwPendingText *pending)
{
  g_free (pending->name);
  g_free (pending->text);
  g_free (pending->reason);
  g_free (pending);
}

static void
add_pending (GPtrArray  *list,
             const char *name,
             const char *text,
             const char *reason,
             GtkWidget  *widget)
{
  FwPendingText *pending = g_new0 (FwPendingText, 1);

  pending->name = g_strdup (name);
  pending->text = g_strdup (text);
  pending->reason = g_strdup (reason);
  pending->widget = widget;
  g_ptr_array_add (list, pending);
}

GPtrArray *
fw_typed_field_list_pending (FwDocument *document)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_pending_text_free);
  Registry *registry;
  GHashTable *table;

  g_return_val_if_fail (FW_IS_DOCUMENT (document), list);

  if ((registry = get_registry (document)) != NULL)
    for (guint i = 0; i < registry->fields->len; i++)
      {
        FwTypedField *field = g_ptr_array_index (registry->fields, i);
        g_autofree char *text = NULL;

        if (field->state != STATE_PENDING)
          continue;
        text = get_text (field);
        add_pending (list, fw_widget_get_accessible_label (field->widget), text, field->error,
                     field->widget);
      }

  if ((table = get_stash (document, FALSE)) != NULL)
    {
      GHashTableIter iter;
      Stashed *stashed;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stashed))
        add_pending (list, stashed->name, stashed->text, stashed->error, NULL);
    }
  return list;
}

static void
field_free (gpointer data)
{
  FwTypedField *field = data;
  Registry *registry = get_registry (field->document);

  if (registry != NULL)
    g_ptr_array_remove (registry->fields, field);
  g_object_unref (field->document);
  g_free (field->error);
  g_free (field->landed_error);
  g_free (field->hint);
  g_free (field->key);
  g_free (field->typed);
  g_free (field);
}

FwTypedField *
fw_typed_field_new (GtkWidget        *widget,
                    FwDocument       *document,
                    FwTypedApplyFunc  apply,
                    FwTypedShowFunc   show,
                    GCallback         marked,
                    gpointer          user_data)
{
  FwTypedField *field;
  GtkEventController *focus, *keys;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget), NULL);
  g_return_val_if_fail (FW_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (apply != NULL && show != NULL, NULL);

  field = g_new0 (FwTypedField, 1);
  field->widget = widget;
  field->document = g_object_ref (document);
  field->apply = apply;
  field->show = show;
  field->marked = marked;
  field->user_data = user_data;
  g_object_set_data_full (G_OBJECT (widget), FIELD_KEY, field, field_free);
  g_ptr_array_add (ensure_registry (document)->fields, field);

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (text_buffer (field), "changed", G_CALLBACK (on_typed), field);
  else
    g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_typed), field);
  /* (A spin button reads its text back on Enter itself; its text, a
   * delegate, says when, for a field that applies on Enter.) */
  if (GTK_IS_ENTRY (widget))
    g_signal_connect_swapped (widget, "activate", G_CALLBACK (finish), field);
  else if (GTK_IS_SPIN_BUTTON (widget))
    g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (widget)), "activate",
                              G_CALLBACK (finish), field);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), field);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (finish), field);
  gtk_widget_add_controller (widget, focus);

  /* Before the field's own handling, which would keep Escape. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), field);
  gtk_widget_add_controller (widget, keys);

  return field;
}

void
fw_typed_field_set_document (FwTypedField *field,
                             FwDocument   *document)
{
  Registry *registry;

  g_return_if_fail (field != NULL);
  g_return_if_fail (FW_IS_DOCUMENT (document));

  if (field->document == document)
    return;

  if ((registry = get_registry (field->document)) != NULL)
    g_ptr_array_remove (registry->fields, field);
  g_set_object (&field->document, document);
  g_ptr_array_add (ensure_registry (document)->fields, field);
  follow_document (field);
}

GtkWidget *
fw_typed_field_get_widget (FwTypedField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->widget;
}

const char *
fw_typed_field_get_error (FwTypedField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->error;
}

gboolean
fw_typed_field_is_applying (FwTypedField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->applying;
}

gboolean
fw_typed_field_read_number (const char  *name,
                            const char  *text,
                            gboolean     percent,
                            const char  *unit,
                            double      *value,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (name != NULL && text != NULL && value != NULL, FALSE);

  if (fw_number_entry_parse_unit (text, unit, value) ||
      (percent && fw_number_entry_parse_percent (text, value)))
    return TRUE;

  /* A cleared field is not "no value" (nor 0): it keeps the document's
   * value, and says so. */
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: type a number"), name);
      return FALSE;
    }

  quoted = fw_quote_text (stripped);
  g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be a number, got %s"), name, quoted);
  return FALSE;
}
