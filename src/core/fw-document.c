/* fw-document.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-document"

#include "fw-document.h"
#include "fw-point-places.h"
#include "fw-validate.h"

/* Enough to undo a long session of edits. A step holds what its edit
 * copied: one stage list (a few KiB) for a typed value, up to a whole
 * scenario (8 MiB in the largest project MODEL.md allows) for a point or
 * a layout edit; the oldest go while the steps hold more than
 * MAX_UNDO_BYTES, the last MIN_UNDO_STEPS always kept. */
#define MAX_UNDO_STEPS 500
#define MIN_UNDO_STEPS 10
#define MAX_UNDO_BYTES ((gsize) 256 << 20)

struct _FwDocument
{
  GObject       parent_instance;

  FwProject    *project;

  GQueue        undo;         /* of FwProject*, most recent first */
  GQueue        redo;         /* of FwProject*, most recent first */
  char         *merge_key;    /* of the edit that made the undo head */
  guint         step;         /* see fw_document_get_step() */
  int           stepped_scenario; /* see fw_document_get_stepped_scenario() */
  /* The last change was an edit, which an edit can still join (see
   * fw_document_set_amending()); and whether edits join it now. */
  gboolean      amendable;
  gboolean      amending;

  /* The project as last saved, compared by identity: undo and redo move
   * the very same objects around, so coming back to it is "not modified".
   * Cleared whenever that object is freed. */
  const FwProject *saved;
  /* The project a save in progress writes (fw_document_begin_save()),
   * cleared like @saved when the document lets go of it. */
  const FwProject *saving;
  const FwProject *lent_to_save;
  /* The version a recovery copy on disk holds (fw_document_set_copied()),
   * cleared like @saved when the document lets go of it. */
  const FwProject *copied;

  /* Versions lent to readers on other threads (fw_document_lend()),
   * with how many times each; and those the document let go of while
   * lent, freed when the last loan comes back. */
  GHashTable   *lent;
  GHashTable   *let_go;

  /* What each version on the undo list holds apart from the version
   * after it (fw_project_bytes_apart ()), worked out when it went on. */
  GHashTable   *undo_bytes;
};

G_DEFINE_FINAL_TYPE (FwDocument, fw_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
release (FwDocument *self,
         FwProject  *project)
{
  if (project == self->saved)
    self->saved = NULL;
  if (project == self->saving)
    self->saving = NULL;
  if (project == self->copied)
    self->copied = NULL;
  g_hash_table_remove (self->undo_bytes, project);
  if (g_hash_table_contains (self->lent, project))
    g_hash_table_add (self->let_go, project);
  else
    fw_project_free (project);
}

static void
clear_queue (FwDocument *self,
             GQueue     *queue)
{
  FwProject *project;

  while ((project = g_queue_pop_head (queue)) != NULL)
    release (self, project);
}

static void
fw_document_finalize (GObject *object)
{
  FwDocument *self = (FwDocument *) object;

  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);
  release (self, g_steal_pointer (&self->project));
  /* A borrower keeps the document alive until it gives its loan back. */
  g_warn_if_fail (g_hash_table_size (self->lent) == 0);
  g_clear_pointer (&self->lent, g_hash_table_unref);
  g_clear_pointer (&self->let_go, g_hash_table_unref);
  g_clear_pointer (&self->undo_bytes, g_hash_table_unref);
  g_clear_pointer (&self->merge_key, g_free);

  G_OBJECT_CLASS (fw_document_parent_class)->finalize (object);
}

static void
fw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwDocument *self = FW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, fw_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fw_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fw_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_document_class_init (FwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_document_finalize;
  object_class->get_property = fw_document_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwDocument::changed:
   * @change: (type FwChange): what changed
   *
   * The project changed; @change says which scenario and which of its
   * parts, so that each view updates exactly that.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE,
                  1, FW_TYPE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
fw_document_init (FwDocument *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->stepped_scenario = -1;
  self->lent = g_hash_table_new (NULL, NULL);
  self->let_go = g_hash_table_new (NULL, NULL);
  self->undo_bytes = g_hash_table_new (NULL, NULL);
}

/* Tells the views what changed, then the property watchers. */
static void
announce (FwDocument     *self,
          const FwChange *change,
          gboolean        was_modified,
          gboolean        could_undo,
          gboolean        could_redo)
{
  g_signal_emit (self, signals[CHANGED], 0, change);

  if (was_modified != fw_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != fw_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != fw_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Undo, redo and a run taken back may change anything. */
static void
announce_all (FwDocument *self,
              gboolean    was_modified,
              gboolean    could_undo,
              gboolean    could_redo)
{
  FwChange change;

  fw_change_init_all (&change);
  announce (self, &change, was_modified, could_undo, could_redo);
}



FwDocument *
fw_document_new (FwProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (fw_validate_project (project, NULL), NULL);

  return fw_document_new_validated (project);
}

FwDocument *
fw_document_new_validated (FwProject *project)
{
  FwDocument *self;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (project->scenarios->len >= FW_MIN_SCENARIOS &&
                        project->scenarios->len <= FW_MAX_SCENARIOS, NULL);

  self = g_object_new (FW_TYPE_DOCUMENT, NULL);
  self->project = project;
  self->saved = project;

  return self;
}

const FwProject *
fw_document_get_project (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->project;
}

guint
fw_document_get_n_scenarios (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), 0);

  return self->project->scenarios->len;
}

const FwScenario *
fw_document_get_scenario (FwDocument *self,
                          guint       index)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->project->scenarios->len, NULL);

  return fw_project_get_scenario (self->project, index);
}

gboolean
fw_document_get_modified (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->project != self->saved;
}

void
fw_document_mark_saved (FwDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (FW_IS_DOCUMENT (self));

  was_modified = fw_document_get_modified (self);
  self->saved = self->project;
  /* The next edit must not merge into a step from before the save, or
   * undoing it would skip the saved state. */
  fw_document_seal (self);
  self->amendable = FALSE;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
fw_document_mark_unsaved (FwDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (FW_IS_DOCUMENT (self));

  was_modified = fw_document_get_modified (self);
  self->saved = NULL;
  if (!was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
fw_document_set_copied (FwDocument      *self,
                        const FwProject *project)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  /* A version let go of while lent is freed when given back: its
   * address could then be a later version's. */
  if (project != NULL && g_hash_table_contains (self->let_go, project))
    project = NULL;
  self->copied = project;
}

gboolean
fw_document_is_copied (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->copied != NULL && self->project == self->copied;
}

static const FwProject *
lend_version (FwDocument      *self,
              const FwProject *version)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->lent, version));

  g_hash_table_insert (self->lent, (gpointer) version, GUINT_TO_POINTER (count + 1));
  return version;
}

const FwProject *
fw_document_lend (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return lend_version (self, self->project);
}

const FwProject *
fw_document_lend_saved (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  /* @saved is cleared when the document lets go of that version, so
   * it is alive whenever it is set. */
  return self->saved != NULL ? lend_version (self, self->saved) : NULL;
}

void
fw_document_give_back (FwDocument      *self,
                       const FwProject *project)
{
  FwProject *version = (FwProject *) project;
  guint count;

  g_return_if_fail (FW_IS_DOCUMENT (self));

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->lent, version));
  g_return_if_fail (count > 0);
  if (count > 1)
    {
      g_hash_table_insert (self->lent, version, GUINT_TO_POINTER (count - 1));
      return;
    }
  g_hash_table_remove (self->lent, version);
  if (g_hash_table_remove (self->let_go, version))
    fw_project_free (version);
}

const FwProject *
fw_document_begin_save (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->lent_to_save == NULL, NULL);

  /* As fw_document_mark_saved (): an edit made while the file is
   * written is a step of its own, never merged into the saved one. */
  fw_document_seal (self);
  self->amendable = FALSE;
  self->saving = self->project;
  self->lent_to_save = fw_document_lend (self);
  return self->lent_to_save;
}

void
fw_document_end_save (FwDocument *self,
                      gboolean    written)
{
  gboolean was_modified;

  g_return_if_fail (FW_IS_DOCUMENT (self));

  was_modified = fw_document_get_modified (self);
  /* The saved version may have been freed meanwhile (undone, then
   * replaced by another edit): then no version the document holds is
   * what the file holds, not even the one saved before. */
  if (written)
    self->saved = self->saving;
  self->saving = NULL;
  if (self->lent_to_save != NULL)
    fw_document_give_back (self, g_steal_pointer (&self->lent_to_save));
  if (was_modified != fw_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* fw_document_edit (): a caller's edit function, which may change any
 * part of its scenario. */
typedef struct
{
  FwEditFunc func;
  gpointer   user_data;
} WholeScenario;

static gboolean
edit_whole_scenario (FwProject  *project,
                     guint       scenario,
                     gpointer    user_data,
                     GError    **error)
{
  const WholeScenario *whole = user_data;

  fw_project_edit_scenario (project, scenario, FW_SCENARIO_ALL);
  return whole->func (project, scenario, whole->user_data, error);
}

gboolean
fw_document_edit (FwDocument  *self,
                  guint        scenario,
                  const char  *merge_key,
                  FwEditFunc   func,
                  gpointer     user_data,
                  GError     **error)
{
  FwChange change = { .flags = FW_CHANGE_ALL & ~(FW_CHANGE_PROJECT | FW_CHANGE_SCENARIOS),
                      .scenario = (int) scenario };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);

  change.stages_removed = fw_document_get_scenario (self, scenario)->stages->len;
  change.points_removed = fw_document_get_scenario (self, scenario)->points->len;
  /* How many there are after the edit is only known then. */
  change.stages_added = G_MAXUINT;
  change.points_added = G_MAXUINT;
  return fw_document_edit_full (self, scenario, merge_key, edit_whole_scenario,
                                &(WholeScenario) { func, user_data }, &change, error);
}

/* Puts @project on the undo list, most recent first, then drops the
 * oldest steps past the limits (see MAX_UNDO_STEPS). @after is the
 * version that follows it. */
static void
push_undo (FwDocument      *self,
           FwProject       *project,
           const FwProject *after)
{
  gsize total = 0;
  guint kept = 0;

  g_queue_push_head (&self->undo, project);
  g_hash_table_insert (self->undo_bytes, project,
                       GSIZE_TO_POINTER (fw_project_bytes_apart (project, after)));

  for (GList *l = self->undo.head; l != NULL; l = l->next)
    {
      total += GPOINTER_TO_SIZE (g_hash_table_lookup (self->undo_bytes, l->data));
      if (kept < MIN_UNDO_STEPS || (total <= MAX_UNDO_BYTES && kept < MAX_UNDO_STEPS))
        kept++;
      else
        break;
    }
  while (g_queue_get_length (&self->undo) > kept)
    release (self, g_queue_pop_tail (&self->undo));
}

gboolean
fw_document_edit_full (FwDocument      *self,
                       guint            scenario,
                       const char      *merge_key,
                       FwEditFunc       func,
                       gpointer         user_data,
                       const FwChange  *change,
                       GError         **error)
{
  g_autoptr(FwProject) edited = NULL;
  gboolean was_modified, could_undo, could_redo;
  FwChange said;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < self->project->scenarios->len, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  /* Shares every scenario with the project as it is; @func makes its own
   * only what it changes, and only that needs checking again. */
  edited = fw_project_copy (self->project);
  if (!func (edited, scenario, user_data, error) ||
      !fw_validate_project_since (edited, self->project, error))
    return FALSE;

  was_modified = fw_document_get_modified (self);
  could_undo = fw_document_can_undo (self);
  could_redo = fw_document_can_redo (self);

  if (self->amending)
    {
      /* Part of the last edit: its undo step already holds the state
       * before it, and its run goes on under its own key. */
      g_return_val_if_fail (self->amendable, FALSE);
      release (self, self->project);
    }
  else if (merge_key != NULL && g_strcmp0 (merge_key, self->merge_key) == 0 &&
           !g_queue_is_empty (&self->undo))
    {
      /* Same run of edits: the undo head already holds the state before
       * it, so the intermediate state is dropped. */
      release (self, self->project);
    }
  else
    {
      push_undo (self, self->project, edited);
      g_free (self->merge_key);
      self->merge_key = g_strdup (merge_key);
      self->step++;
    }
  clear_queue (self, &self->redo);
  self->project = g_steal_pointer (&edited);
  self->amendable = TRUE;

  said = *change;
  if (said.stages_added == G_MAXUINT)
    said.stages_added = fw_project_get_scenario (self->project, scenario)->stages->len;
  if (said.points_added == G_MAXUINT)
    said.points_added = fw_project_get_scenario (self->project, scenario)->points->len;
  announce (self, &said, was_modified, could_undo, could_redo);
  return TRUE;
}

gboolean
fw_document_can_amend (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return self->amendable && !g_queue_is_empty (&self->undo);
}

void
fw_document_set_amending (FwDocument *self,
                          gboolean    amending)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (!amending || fw_document_can_amend (self));

  self->amending = amending;
}

void
fw_document_seal (FwDocument *self)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  g_clear_pointer (&self->merge_key, g_free);
}

gboolean
fw_document_cancel_run (FwDocument *self)
{
  gboolean was_modified, could_undo, could_redo;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  if (self->merge_key == NULL || g_queue_is_empty (&self->undo))
    return FALSE;

  was_modified = fw_document_get_modified (self);
  could_undo = fw_document_can_undo (self);
  could_redo = fw_document_can_redo (self);

  /* The undo head is the state before the run: back to it, as if the run
   * had never been typed, and with nothing to redo. */
  release (self, self->project);
  self->project = g_queue_pop_head (&self->undo);
  fw_document_seal (self);
  self->amendable = FALSE;
  self->step++;

  announce_all (self, was_modified, could_undo, could_redo);
  return TRUE;
}

guint
fw_document_get_step (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), 0);

  return self->step;
}

gboolean
fw_document_can_undo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
fw_document_can_redo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/* The one scenario of @after that is not in @before (edited, renamed,
 * or back after a delete), or -1: none (a project-wide edit, a scenario
 * gone) or several. Scenarios are shared between versions until edited
 * (fw_project_edit_scenario()), so identity says which one changed. */
static int
changed_scenario (const FwProject *before,
                  const FwProject *after)
{
  int changed = -1;

  for (guint i = 0; i < after->scenarios->len; i++)
    {
      if (g_ptr_array_find (before->scenarios, g_ptr_array_index (after->scenarios, i), NULL))
        continue;
      if (changed >= 0)
        return -1;
      changed = (int) i;
    }
  return changed;
}

/* Moves the current project onto @to and takes the head of @from. */
static gboolean
swap_step (FwDocument *self,
           GQueue     *from,
           GQueue     *to)
{
  gboolean was_modified = fw_document_get_modified (self);
  gboolean could_undo = fw_document_can_undo (self);
  gboolean could_redo = fw_document_can_redo (self);

  if (g_queue_is_empty (from))
    return FALSE;

  self->stepped_scenario = changed_scenario (self->project, g_queue_peek_head (from));

  if (to == &self->undo)
    push_undo (self, self->project, g_queue_peek_head (from));
  else
    g_queue_push_head (to, self->project);
  self->project = g_queue_pop_head (from);
  fw_document_seal (self);
  self->amendable = FALSE;
  self->step++;

  announce_all (self, was_modified, could_undo, could_redo);
  return TRUE;
}

int
fw_document_get_stepped_scenario (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), -1);

  return self->stepped_scenario;
}

gboolean
fw_document_undo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return swap_step (self, &self->undo, &self->redo);
}

gboolean
fw_document_redo (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return swap_step (self, &self->redo, &self->undo);
}

/* The common edits. Each carries its arguments in a small struct. */

typedef struct
{
  guint        index;
  FwStageField field;
  double       value;
  gboolean     enabled;
  const FwPoint *point;
} EditArgs;

static gboolean
edit_stage_field (FwProject  *project,
                  guint       scenario,
                  gpointer    user_data,
                  GError    **error)
{
  const EditArgs *args = user_data;
  /* A weight moves arcs, and the points' angles with them. */
  FwScenario *edited = fw_project_edit_scenario (project, scenario,
                                                 args->field == FW_STAGE_WEIGHT ? FW_SCENARIO_ALL
                                                                                : FW_SCENARIO_STAGES);
  FwStage *stage = fw_scenario_get_stage (edited, args->index);

  /* The points stay on their stages. */
  if (args->field == FW_STAGE_WEIGHT)
    {
      g_autoptr(FwPointPlaces) places = fw_point_places_capture (edited);

      stage->weight = args->value;
      /* An invalid weight is refused by validation after this; arcs
       * computed from it would be meaningless. */
      if (fw_check_weight ("weight", stage->weight, NULL))
        fw_point_places_restore (places, edited, NULL);
      return TRUE;
    }

  switch (args->field)
    {
    case FW_STAGE_COUNT:    stage->count = args->value;    break;
    case FW_STAGE_ADVANCE:  stage->advance = args->value;  break;
    case FW_STAGE_LOSS:     stage->loss = args->value;     break;
    case FW_STAGE_REFERRAL: stage->referral = args->value; break;
    default:                g_assert_not_reached ();
    }

  return TRUE;
}

gboolean
fw_document_set_stage_field (FwDocument    *self,
                             guint          scenario,
                             guint          stage,
                             FwStageField   field,
                             double         value,
                             GError       **error)
{
  EditArgs args = { .index = stage, .field = field, .value = value };
  FwChange change = { .flags = FW_CHANGE_STAGE_VALUES, .scenario = (int) scenario,
                      .stage_position = stage, .stages_removed = 1, .stages_added = 1 };
  g_autofree char *key = NULL;
  guint n_points;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);
  g_return_val_if_fail (stage < fw_document_get_scenario (self, scenario)->stages->len, FALSE);

  /* A weight changes every arc's share of the circle, and the points'
   * angles with them. */
  if (field == FW_STAGE_WEIGHT)
    {
      n_points = fw_document_get_scenario (self, scenario)->points->len;
      change.flags |= FW_CHANGE_POINTS;
      change.stage_position = 0;
      change.stages_removed = change.stages_added = fw_document_get_scenario (self, scenario)->stages->len;
      change.points_removed = change.points_added = n_points;
    }

  key = g_strdup_printf ("scenario %u stage %u field %d", scenario, stage, field);
  return fw_document_edit_full (self, scenario, key, edit_stage_field, &args, &change, error);
}

static gboolean
edit_inflow (FwProject  *project,
             guint       scenario,
             gpointer    user_data,
             GError    **error)
{
  const EditArgs *args = user_data;

  fw_project_edit_scenario (project, scenario, FW_SCENARIO_OWN_VALUES)->inflow = args->value;
  return TRUE;
}

gboolean
fw_document_set_inflow (FwDocument  *self,
                        guint        scenario,
                        double       inflow,
                        GError     **error)
{
  EditArgs args = { .value = inflow };
  FwChange change = { .flags = FW_CHANGE_INFLOW, .scenario = (int) scenario };
  g_autofree char *key = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);

  key = g_strdup_printf ("scenario %u inflow", scenario);
  return fw_document_edit_full (self, scenario, key, edit_inflow, &args, &change, error);
}

static gboolean
edit_horizon (FwProject  *project,
              guint       scenario,
              gpointer    user_data,
              GError    **error)
{
  const EditArgs *args = user_data;

  project->horizon = (guint) args->index;
  return TRUE;
}

gboolean
fw_document_set_horizon (FwDocument  *self,
                         guint        horizon,
                         GError     **error)
{
  EditArgs args = { .index = horizon };
  FwChange change = { .flags = FW_CHANGE_PROJECT, .scenario = FW_CHANGE_EVERY_SCENARIO };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  /* The validator words a horizon out of range ("horizon: must be a
   * whole number between 1 and 100000, got 0"). */
  return fw_document_edit_full (self, 0, "project horizon", edit_horizon, &args, &change, error);
}

static gboolean
edit_add_point (FwProject  *project,
                guint       scenario,
                gpointer    user_data,
                GError    **error)
{
  const EditArgs *args = user_data;

  g_ptr_array_add (fw_project_edit_scenario (project, scenario, FW_SCENARIO_POINTS)->points,
                   fw_point_copy (args->point));
  return TRUE;
}

gboolean
fw_document_add_point (FwDocument     *self,
                       guint           scenario,
                       const FwPoint  *point,
                       GError        **error)
{
  EditArgs args = { .point = point };
  FwChange change = { .flags = FW_CHANGE_POINTS, .scenario = (int) scenario, .points_added = 1 };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  change.point_position = fw_document_get_scenario (self, scenario)->points->len;
  return fw_document_edit_full (self, scenario, NULL, edit_add_point, &args, &change, error);
}

static gboolean
edit_move_point (FwProject  *project,
                 guint       scenario,
                 gpointer    user_data,
                 GError    **error)
{
  const EditArgs *args = user_data;

  fw_scenario_get_point (fw_project_edit_scenario (project, scenario, FW_SCENARIO_POINTS),
                         args->index)->angle = args->value;
  return TRUE;
}

/* One point replaced in place: removed and added at its index. */
static void
point_changed (FwChange *change,
               guint     scenario,
               guint     point)
{
  *change = (FwChange) { .flags = FW_CHANGE_POINTS, .scenario = (int) scenario,
                         .point_position = point, .points_removed = 1, .points_added = 1 };
}

static gboolean
check_point (FwDocument *self,
             guint       scenario,
             guint       point)
{
  return scenario < fw_document_get_n_scenarios (self) &&
         point < fw_document_get_scenario (self, scenario)->points->len;
}

gboolean
fw_document_move_point (FwDocument  *self,
                        guint        scenario,
                        guint        point,
                        double       angle,
                        GError     **error)
{
  EditArgs args = { .index = point, .value = angle };
  g_autofree char *key = NULL;
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (check_point (self, scenario, point), FALSE);

  point_changed (&change, scenario, point);
  key = g_strdup_printf ("scenario %u move point %u", scenario, point);
  return fw_document_edit_full (self, scenario, key, edit_move_point, &args, &change, error);
}

static gboolean
edit_point_enabled (FwProject  *project,
                    guint       scenario,
                    gpointer    user_data,
                    GError    **error)
{
  const EditArgs *args = user_data;

  fw_scenario_get_point (fw_project_edit_scenario (project, scenario, FW_SCENARIO_POINTS),
                         args->index)->enabled = args->enabled;
  return TRUE;
}

gboolean
fw_document_set_point_enabled (FwDocument  *self,
                               guint        scenario,
                               guint        point,
                               gboolean     enabled,
                               GError     **error)
{
  EditArgs args = { .index = point, .enabled = enabled };
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (check_point (self, scenario, point), FALSE);

  point_changed (&change, scenario, point);
  return fw_document_edit_full (self, scenario, NULL, edit_point_enabled, &args, &change, error);
}

static gboolean
edit_remove_point (FwProject  *project,
                   guint       scenario,
                   gpointer    user_data,
                   GError    **error)
{
  const EditArgs *args = user_data;

  g_ptr_array_remove_index (fw_project_edit_scenario (project, scenario, FW_SCENARIO_POINTS)->points,
                            args->index);
  return TRUE;
}

gboolean
fw_document_remove_point (FwDocument  *self,
                          guint        scenario,
                          guint        point,
                          GError     **error)
{
  EditArgs args = { .index = point };
  FwChange change = { .flags = FW_CHANGE_POINTS, .scenario = (int) scenario,
                      .point_position = point, .points_removed = 1 };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (check_point (self, scenario, point), FALSE);

  return fw_document_edit_full (self, scenario, NULL, edit_remove_point, &args, &change, error);
}
