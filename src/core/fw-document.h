/* fw-document.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-change.h"
#include "fw-model.h"

G_BEGIN_DECLS

/* The one project a window works on, and the only way to change it.
 *
 * Every change is an edit: a function applied to a new version of the
 * project, which is then validated; an edit that breaks a rule is
 * refused with the validator's message and the document stays as it was.
 * An accepted edit becomes an undo step and emits "changed" with what it
 * changed (an FwChange), so that the projection service and the views
 * update exactly that.
 *
 * The document holds the project and nothing of how a window shows it:
 * which scenarios are on show, the period, the selection live in the
 * window's FwSession. Every edit names the scenario it changes, so an
 * edit can target any scenario, not only the one on show.
 *
 * Versions share what they have in common (fw-model.h): a new version
 * shares every scenario with the one before but the one its edit makes
 * its own, and of that one, the lists the edit does not change. So an
 * edit costs what it changes, not the project (the largest project
 * MODEL.md allows holds 400 MB), validation checks only what is not
 * shared with the valid version before (fw_validate_project_since ()),
 * and undo keeps versions, far simpler and safer than inverse operations
 * for every kind of edit. Undo keeps at most 500 steps, and drops the
 * oldest while what the steps hold apart from each other passes 256 MiB
 * (the last 10 steps always stay). Edits with the same merge key in a
 * row (the steps of one drag, the keystrokes in one field) make a single
 * undo step, until fw_document_seal() ends the run. */

#define FW_TYPE_DOCUMENT (fw_document_get_type ())

G_DECLARE_FINAL_TYPE (FwDocument, fw_document, FW, DOCUMENT, GObject)

/* Changes @project, a new version sharing its scenarios with the
 * version before: it changes a scenario only through
 * fw_project_edit_scenario (), naming the parts it changes, and may
 * change the project's own fields and list of scenarios freely. Returns
 * FALSE with @error set to refuse the edit. */
typedef gboolean (*FwEditFunc) (FwProject  *project,
                                guint       scenario,
                                gpointer    user_data,
                                GError    **error);

typedef enum
{
  FW_STAGE_COUNT,
  FW_STAGE_ADVANCE,
  FW_STAGE_LOSS,
  FW_STAGE_REFERRAL,
  FW_STAGE_WEIGHT,
} FwStageField;

/* Takes @project, which must be valid (as fw_validate_project() says). */
FwDocument         *fw_document_new              (FwProject    *project);
/* The same for a project fw_validate_project() has accepted since it
 * last changed, without checking it again: the store's loaders validate
 * every project they return, on their own thread, and checking the
 * largest project MODEL.md allows once more would hold the window's main
 * loop for half a second (docs/performance.md, "Opening the largest
 * project in the window"). */
FwDocument         *fw_document_new_validated    (FwProject    *project);

const FwProject    *fw_document_get_project      (FwDocument   *self);
guint               fw_document_get_n_scenarios  (FwDocument   *self);
/* Scenario @index (< fw_document_get_n_scenarios()); valid until the
 * next change of the document. */
const FwScenario   *fw_document_get_scenario     (FwDocument   *self,
                                                  guint         index);

gboolean            fw_document_get_modified     (FwDocument   *self);
/* After a save: the project as it is now is what the file holds. */
void                fw_document_mark_saved       (FwDocument   *self);
/* The project as it is now is not what any file holds (a project
 * restored from a recovery copy). */
void                fw_document_mark_unsaved     (FwDocument   *self);
/* @project (a version lent by fw_document_lend(), or NULL for none) is
 * what a recovery copy on disk holds; compared by identity, as the saved
 * version is, and forgotten when the document lets go of that version.
 * fw_document_is_copied(): the project as it is now is that version, so
 * writing the copy again would write the same thing. */
void                fw_document_set_copied       (FwDocument      *self,
                                                  const FwProject *project);
gboolean            fw_document_is_copied        (FwDocument      *self);
/* The project as it is now, lent to a reader on another thread (a save,
 * a recovery copy) without copying it: versions never change, and this
 * one stays alive, even if the document moves on, until it is given
 * back. The borrower keeps a reference to the document meanwhile. Both
 * on the document's own thread. */
const FwProject    *fw_document_lend             (FwDocument      *self);
/* The same for the version the file holds as last opened or saved
 * (what fw_document_get_modified () compares with), so that a reader
 * may compare it with a later one; NULL when the document holds no such
 * version (never saved, restored, or that version let go of). */
const FwProject    *fw_document_lend_saved       (FwDocument      *self);
void                fw_document_give_back        (FwDocument      *self,
                                                  const FwProject *project);
/* A save that runs while the user goes on editing: begin lends the
 * version it writes until end, which says whether it was written and
 * marks that version saved. Edits made meanwhile stay unsaved, and
 * undoing back to the written version clears "modified" again. One save
 * at a time. */
const FwProject    *fw_document_begin_save       (FwDocument   *self);
void                fw_document_end_save         (FwDocument   *self,
                                                  gboolean      written);

/* Applies @func to a new version of the project, scenario @scenario made
 * its own whole beforehand (fw_project_edit_scenario () with
 * FW_SCENARIO_ALL); says it changed the whole scenario. */
gboolean            fw_document_edit             (FwDocument   *self,
                                                  guint         scenario,
                                                  const char   *merge_key,
                                                  FwEditFunc    func,
                                                  gpointer      user_data,
                                                  GError      **error);
/* The same, saying exactly what @func changes (@change->scenario is
 * @scenario's index or FW_CHANGE_EVERY_SCENARIO). @stages_added and
 * @points_added may be G_MAXUINT: all there are after the edit. */
gboolean            fw_document_edit_full        (FwDocument     *self,
                                                  guint           scenario,
                                                  const char     *merge_key,
                                                  FwEditFunc      func,
                                                  gpointer        user_data,
                                                  const FwChange *change,
                                                  GError        **error);
void                fw_document_seal             (FwDocument   *self);
/* Takes back the open run of merged edits, if there is one: the document
 * returns to the state before the run, with no undo or redo step left of
 * it. A field whose text stops being valid calls this, so that what was
 * applied of a value half-typed (the "7" of "70" when 70 breaks a rule)
 * does not stay; fields seal when they gain focus, so the open run is
 * their own. Returns FALSE when there was no open run. */
gboolean            fw_document_cancel_run       (FwDocument   *self);
/* Amending: a value typed earlier and refused (drop-off 80% while
 * advance is 25%) becomes valid through a later edit (advance 10%), and
 * goes in as part of that edit: one undo step for both. Between
 * fw_document_set_amending (TRUE) and (FALSE), accepted edits replace
 * the project without a step of their own, and the open run (if any)
 * goes on under its own key. Only possible right after an edit: not
 * after an undo, a redo, a run taken back or a save
 * (fw_document_can_amend()). */
gboolean            fw_document_can_amend        (FwDocument   *self);
void                fw_document_set_amending     (FwDocument   *self,
                                                  gboolean      amending);
/* A number that changes whenever the document takes a new step: an edit
 * that is not the continuation of the open run, an undo, a redo, a run
 * taken back. It stays the same while a run of merged
 * edits goes on, so a view can tell "the edit before" from "the
 * keystroke before". */
guint               fw_document_get_step         (FwDocument   *self);
/* The scenario the last undo or redo changed (edited, renamed, brought
 * back after a delete), by its index now; -1 for none or several (the
 * horizon, a scenario taken away): the window shows it, so an undo is
 * never unseen in a scenario not on show. */
int                 fw_document_get_stepped_scenario (FwDocument *self);

gboolean            fw_document_can_undo         (FwDocument   *self);
gboolean            fw_document_can_redo         (FwDocument   *self);
gboolean            fw_document_undo             (FwDocument   *self);
gboolean            fw_document_redo             (FwDocument   *self);

/* Common edits of scenario @scenario. Each refuses what breaks a rule,
 * with the validator's message, and merges with an edit of the same field
 * or point just before it. */
gboolean            fw_document_set_stage_field  (FwDocument   *self,
                                                  guint         scenario,
                                                  guint         stage,
                                                  FwStageField  field,
                                                  double        value,
                                                  GError      **error);
gboolean            fw_document_set_inflow       (FwDocument   *self,
                                                  guint         scenario,
                                                  double        inflow,
                                                  GError      **error);
/* The project's horizon H (MODEL.md: 1..100000), shared by every
 * scenario; typed edits of it merge into one undo step. */
gboolean            fw_document_set_horizon      (FwDocument   *self,
                                                  guint         horizon,
                                                  GError      **error);
/* Adds a copy of @point; its index is the scenario's last. */
gboolean            fw_document_add_point        (FwDocument   *self,
                                                  guint         scenario,
                                                  const FwPoint *point,
                                                  GError      **error);
gboolean            fw_document_move_point       (FwDocument   *self,
                                                  guint         scenario,
                                                  guint         point,
                                                  double        angle,
                                                  GError      **error);
gboolean            fw_document_set_point_enabled (FwDocument  *self,
                               guint          scenario,
                                                   guint        point,
                                                   gboolean     enabled,
                                                   GError     **error);
gboolean            fw_document_remove_point     (FwDocument   *self,
                                                  guint         scenario,
                                                  guint         point,
                                                  GError      **error);

/* Stage and point edits that replace a whole record, as the side panel
 * and the point editor type into them; each merges with the edit of the
 * same stage or point just before it. */
gboolean            fw_document_set_stage        (FwDocument    *self,
                                                  guint          scenario,
                                                  guint          stage,
                                                  const FwStage *value,
                                                  GError       **error);
gboolean            fw_document_set_point        (FwDocument    *self,
                                                  guint          scenario,
                                                  guint          point,
                                                  const FwPoint *value,
                                                  GError       **error);

/* Edits of the wheel's layout. Points belong to stages in a user's mind,
 * not to angles: when arcs grow, shrink, appear or move, each point keeps
 * its stage and its relative place inside that stage's arc (a weight set
 * through fw_document_set_stage_field() or fw_document_set_stage() does
 * the same). Removing a stage removes the points on it. */
/* Inserts a new stage at @position (0..n) with a fresh name and colour,
 * no people, and the rates and weight of the stage before it. */
gboolean            fw_document_insert_stage     (FwDocument    *self,
                                                  guint          scenario,
                                                  guint          position,
                                                  GError       **error);
gboolean            fw_document_remove_stage     (FwDocument    *self,
                                                  guint          scenario,
                                                  guint          stage,
                                                  GError       **error);
gboolean            fw_document_move_stage       (FwDocument    *self,
                                                  guint          scenario,
                                                  guint          from,
                                                  guint          to,
                                                  GError       **error);

/* The project's scenarios and its own fields (fw-document-scenarios.c).
 * Names are stored trimmed; the validator refuses an empty, too long or
 * repeated name, a 51st scenario and the removal of the last one. */
/* Inserts a copy of @scenario at @position (0..n). */
gboolean            fw_document_insert_scenario  (FwDocument        *self,
                                                  guint              position,
                                                  const FwScenario  *scenario,
                                                  GError           **error);
gboolean            fw_document_remove_scenario  (FwDocument   *self,
                                                  guint         scenario,
                                                  GError      **error);
gboolean            fw_document_rename_scenario  (FwDocument   *self,
                                                  guint         scenario,
                                                  const char   *name,
                                                  GError      **error);
gboolean            fw_document_rename_project   (FwDocument   *self,
                                                  const char   *name,
                                                  GError      **error);
/* MODEL.md's spreads of scenario @scenario; merges with the edit of the
 * same scenario's spreads just before it. */
gboolean            fw_document_set_uncertainty  (FwDocument          *self,
                                                  guint                scenario,
                                                  const FwUncertainty *uncertainty,
                                                  GError             **error);

G_END_DECLS
