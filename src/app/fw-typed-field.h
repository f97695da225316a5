/* fw-typed-field.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-document.h"

G_BEGIN_DECLS

/* What every field typed into does with its text, in one place: the
 * stage rows, the point editor and the marketing inflow all use it.
 *
 * Text applies as it is typed (the figures follow live), or for a field
 * set so, on Enter and on leaving it. Text that
 * cannot be the value (not a number, out of range, breaking a rule with
 * another field) is refused with a reason in the user's words: the
 * field is marked (red, the reason as tooltip and, for a screen reader,
 * invalid with the reason as its description) and what its keystrokes
 * applied on the way is taken back (fw_document_cancel_run()), so
 * nothing invalid is ever in the document. The text is *pending*: it
 * stays, marked, until
 *  - the user changes it into something valid,
 *  - Escape takes it back (the document's value returns), or
 *  - another edit makes it valid: after every edit, pending fields try
 *    again, and one that now applies goes in as part of that edit, one
 *    undo step for both (fw_document_set_amending()). If that edit is
 *    then taken back itself, the text is pending again.
 * An undo, a redo or another scenario shows the document's values in
 * every field that is not pending.
 *
 * A field is a GtkEditable (an entry, a spin button) or a GtkTextView. */
typedef struct _FwTypedField FwTypedField;

/* Puts @text into the document, or returns FALSE with @error set to why
 * it cannot be, in the user's words. Text that already says the
 * document's value applies nothing and returns TRUE. */
typedef gboolean (*FwTypedApplyFunc) (FwTypedField *field,
                                      const char   *text,
                                      gpointer      user_data,
                                      GError      **error);
/* The document's value as the field writes it, or NULL when @text
 * already says that value (so "7.0" is not rewritten as "7" while it is
 * typed). */
typedef char    *(*FwTypedShowFunc)  (FwTypedField *field,
                                      const char   *text,
                                      gpointer      user_data);

/* Makes @widget a typed field of @document; the field lives as long as
 * the widget. @marked is called whenever the field's reason changes
 * (to list the reasons of a form's fields under it), may be NULL. */
FwTypedField *fw_typed_field_new         (GtkWidget        *widget,
                                          FwDocument       *document,
                                          FwTypedApplyFunc  apply,
                                          FwTypedShowFunc   show,
                                          GCallback         marked,
                                          gpointer          user_data);
GtkWidget    *fw_typed_field_get_widget  (FwTypedField     *field);
/* Why the field's text is not in the document; NULL when it is. */
const char   *fw_typed_field_get_error   (FwTypedField     *field);
/* What the field means, shown as its tooltip and description while its
 * text is valid. */
void          fw_typed_field_set_hint    (FwTypedField     *field,
                                          const char       *hint);
/* Shows the document's value, unless the text is pending or is being
 * typed right now: views call it when the document changes. */
void          fw_typed_field_show        (FwTypedField     *field);
/* Sets the text without taking it for typing (a spin button writing its
 * value). */
void          fw_typed_field_set_text    (FwTypedField     *field,
                                          const char       *text);
/* Whether the text was refused and is kept, marked, or is typed and not
 * committed yet (a spin button must not write its value over it: on
 * Enter it reads the text before the field does). */
gboolean      fw_typed_field_is_pending  (FwTypedField     *field);
/* Applies the text on Enter or on leaving the field, not as it is typed:
 * for a value whose every step costs (the horizon: "36" typed went
 * through a horizon of 3, computed with its band, and took the period
 * shown down to 3 on the way). Refused text is marked then too. */
void          fw_typed_field_set_apply_on_commit (FwTypedField *field,
                                                  gboolean      on_commit);
/* What Escape does: the document's value back in the field, any mark
 * gone. Also for a value set another way (a spin button's arrows). */
void          fw_typed_field_take_back   (FwTypedField     *field);
/* Another document behind the field (a file opened in the window): its
 * value, unmarked. */
void          fw_typed_field_set_document (FwTypedField    *field,
                                           FwDocument      *document);
/* What the field edits, as a key its view makes (the scenario's and the
 * stage's names and the field's). A field whose widget goes with its row
 * (a stage moved past, another scenario shown) is stashed: it stops
 * following the document, its pending text is kept by the document under
 * its key, and a field given the same key later shows it again,
 * pending. */
void          fw_typed_field_set_key     (FwTypedField     *field,
                                          const char       *key);
void          fw_typed_field_stash       (FwTypedField     *field);
/* Drops the kept pending text of keys starting with @prefix that no
 * field took back: a view calls it once its rows are renewed (a stage
 * removed takes its typed text with it). */
void          fw_typed_field_forget_stashed (FwDocument    *document,
                                             const char    *prefix);
/* Whether @document keeps pending text of fields not shown now. */
gboolean      fw_typed_field_has_stashed (FwDocument       *document);
/* Text the user typed into a field of a document and that was refused,
 * still kept: what would be lost if the document went (a file opened in
 * its window, the window closed). */
typedef struct
{
  char      *name;    /* the field's, as a screen reader says it; may be NULL */
  char      *text;    /* what the user typed */
  char      *reason;  /* why it was refused, naming the field */
  GtkWidget *widget;  /* the field on show, or NULL (stashed); unowned */
} FwPendingText;

void          fw_pending_text_free       (FwPendingText    *pending);
/* Every pending text of @document, on show first, then stashed: a
 * GPtrArray of FwPendingText, empty when there is none. */
GPtrArray    *fw_typed_field_list_pending (FwDocument      *document);

/* Whether the text is being applied by this field right now: a view
 * that refreshes on the document's "changed" leaves it alone. */
gboolean      fw_typed_field_is_applying (FwTypedField     *field);

/* Reads @text as a number typed into the field called @name (as the
 * user sees it: "Advance"), in percent when @percent ("20 %" allowed),
 * the @unit the field shows beside it ("people", "months"; NULL for
 * none) allowed after the number: FALSE with @error saying why not, in
 * the same words for every field ("Advance: type a number", "Advance:
 * must be a number, got “lots”"). */
gboolean      fw_typed_field_read_number (const char       *name,
                                          const char       *text,
                                          gboolean          percent,
                                          const char       *unit,
                                          double           *value,
                                          GError          **error);

G_END_DECLS
