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

/* Enough to undo a long session of edits; each step is one project copy. */
#define MAX_UNDO_STEPS 500

struct _FwDocument
{
  GObject       parent_instance;

  FwProject    *project;
  guint         scenario;
  FwProjection *projection;

  GQueue        undo;         /* of FwProject*, most recent first */
  GQueue        redo;         /* of FwProject*, most recent first */
  char         *merge_key;    /* of the edit that made the undo head */
  guint         step;         /* see fw_document_get_step() */

  /* The project as last saved, compared by identity: undo and redo move
   * the very same objects around, so coming back to it is "not modified".
   * Cleared whenever that object is freed. */
  const FwProject *saved;
};

G_DEFINE_FINAL_TYPE (FwDocument, fw_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_SCENARIO_INDEX,
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
  g_clear_pointer (&self->project, fw_project_free);
  g_clear_pointer (&self->projection, fw_projection_free);
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
    case PROP_SCENARIO_INDEX:
      g_value_set_uint (value, self->scenario);
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
  properties[PROP_SCENARIO_INDEX] =
    g_param_spec_uint ("scenario-index", NULL, NULL, 0, FW_MAX_SCENARIOS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwDocument::changed:
   *
   * The project, or the scenario on show, changed; the projection has
   * already been recomputed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_document_init (FwDocument *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->projection = fw_projection_new ();
}

static void
recompute (FwDocument *self)
{
  if (self->scenario >= self->project->scenarios->len)
    self->scenario = self->project->scenarios->len - 1;

  fw_projection_run (self->projection,
                     fw_project_get_scenario (self->project, self->scenario),
                     self->project->horizon);
}

/* Recomputes, then tells the views, then the property watchers. */
static void
announce (FwDocument *self,
          gboolean    was_modified,
          gboolean    could_undo,
          gboolean    could_redo,
          guint       old_scenario)
{
  recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);

  if (was_modified != fw_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != fw_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != fw_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (old_scenario != self->scenario)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO_INDEX]);
}



FwDocument *
fw_document_new (FwProject *project)
{
  FwDocument *self;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (fw_validate_project (project, NULL), NULL);

  self = g_object_new (FW_TYPE_DOCUMENT, NULL);
  self->project = project;
  self->saved = project;
  recompute (self);

  return self;
}

const FwProject *
fw_document_get_project (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->project;
}

guint
fw_document_get_scenario_index (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), 0);

  return self->scenario;
}

const FwScenario *
fw_document_get_scenario (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return fw_project_get_scenario (self->project, self->scenario);
}

void
fw_document_set_scenario_index (FwDocument *self,
                                guint       index)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (index < self->project->scenarios->len);

  if (index != self->scenario)
    {
      guint old = self->scenario;

      self->scenario = index;
      self->step++;
      announce (self, fw_document_get_modified (self), fw_document_can_undo (self),
                fw_document_can_redo (self), old);
    }
}

const FwProjection *
fw_document_get_projection (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  return self->projection;
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
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
fw_document_edit (FwDocument  *self,
                  const char  *merge_key,
                  FwEditFunc   func,
                  gpointer     user_data,
                  GError     **error)
{
  g_autoptr(FwProject) edited = NULL;
  gboolean was_modified, could_undo, could_redo;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  edited = fw_project_copy (self->project);
  if (!func (edited, self->scenario, user_data, error) ||
      !fw_validate_project (edited, error))
    return FALSE;

  was_modified = fw_document_get_modified (self);
  could_undo = fw_document_can_undo (self);
  could_redo = fw_document_can_redo (self);

  if (merge_key != NULL && g_strcmp0 (merge_key, self->merge_key) == 0 &&
      !g_queue_is_empty (&self->undo))
    {
      /* Same run of edits: the undo head already holds the state before
       * it, so the intermediate state is dropped. */
      release (self, self->project);
    }
  else
    {
      g_queue_push_head (&self->undo, self->project);
      if (g_queue_get_length (&self->undo) > MAX_UNDO_STEPS)
        release (self, g_queue_pop_tail (&self->undo));
      g_free (self->merge_key);
      self->merge_key = g_strdup (merge_key);
      self->step++;
    }
  clear_queue (self, &self->redo);
  self->project = g_steal_pointer (&edited);

  announce (self, was_modified, could_undo, could_redo, self->scenario);
  return TRUE;
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
  self->step++;

  announce (self, was_modified, could_undo, could_redo, self->scenario);
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

/* Moves the current project onto @to and takes the head of @from. */
static gboolean
swap_step (FwDocument *self,
           GQueue     *from,
           GQueue     *to)
{
  gboolean was_modified = fw_document_get_modified (self);
  gboolean could_undo = fw_document_can_undo (self);
  gboolean could_redo = fw_document_can_redo (self);
  guint old_scenario = self->scenario;

  if (g_queue_is_empty (from))
    return FALSE;

  g_queue_push_head (to, self->project);
  self->project = g_queue_pop_head (from);
  fw_document_seal (self);
  self->step++;

  announce (self, was_modified, could_undo, could_redo, old_scenario);
  return TRUE;
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
  FwScenario *edited = fw_project_get_scenario (project, scenario);
  FwStage *stage = fw_scenario_get_stage (edited, args->index);

  /* A weight moves arcs; the points stay on their stages. */
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
                             guint          stage,
                             FwStageField   field,
                             double         value,
                             GError       **error)
{
  EditArgs args = { .index = stage, .field = field, .value = value };
  g_autofree char *key = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (stage < fw_document_get_scenario (self)->stages->len, FALSE);

  key = g_strdup_printf ("stage %u field %d", stage, field);
  return fw_document_edit (self, key, edit_stage_field, &args, error);
}

static gboolean
edit_inflow (FwProject  *project,
             guint       scenario,
             gpointer    user_data,
             GError    **error)
{
  const EditArgs *args = user_data;

  fw_project_get_scenario (project, scenario)->inflow = args->value;
  return TRUE;
}

gboolean
fw_document_set_inflow (FwDocument  *self,
                        double       inflow,
                        GError     **error)
{
  EditArgs args = { .value = inflow };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);

  return fw_document_edit (self, "inflow", edit_inflow, &args, error);
}

static gboolean
edit_add_point (FwProject  *project,
                guint       scenario,
                gpointer    user_data,
                GError    **error)
{
  const EditArgs *args = user_data;

  g_ptr_array_add (fw_project_get_scenario (project, scenario)->points,
                   fw_point_copy (args->point));
  return TRUE;
}

gboolean
fw_document_add_point (FwDocument     *self,
                       const FwPoint  *point,
                       GError        **error)
{
  EditArgs args = { .point = point };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  return fw_document_edit (self, NULL, edit_add_point, &args, error);
}

static gboolean
edit_move_point (FwProject  *project,
                 guint       scenario,
                 gpointer    user_data,
                 GError    **error)
{
  const EditArgs *args = user_data;

  fw_scenario_get_point (fw_project_get_scenario (project, scenario), args->index)->angle = args->value;
  return TRUE;
}

gboolean
fw_document_move_point (FwDocument  *self,
                        guint        point,
                        double       angle,
                        GError     **error)
{
  EditArgs args = { .index = point, .value = angle };
  g_autofree char *key = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (point < fw_document_get_scenario (self)->points->len, FALSE);

  key = g_strdup_printf ("move point %u", point);
  return fw_document_edit (self, key, edit_move_point, &args, error);
}

static gboolean
edit_point_enabled (FwProject  *project,
                    guint       scenario,
                    gpointer    user_data,
                    GError    **error)
{
  const EditArgs *args = user_data;

  fw_scenario_get_point (fw_project_get_scenario (project, scenario), args->index)->enabled = args->enabled;
  return TRUE;
}

gboolean
fw_document_set_point_enabled (FwDocument  *self,
                               guint        point,
                               gboolean     enabled,
                               GError     **error)
{
  EditArgs args = { .index = point, .enabled = enabled };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (point < fw_document_get_scenario (self)->points->len, FALSE);

  return fw_document_edit (self, NULL, edit_point_enabled, &args, error);
}

static gboolean
edit_remove_point (FwProject  *project,
                   guint       scenario,
                   gpointer    user_data,
                   GError    **error)
{
  const EditArgs *args = user_data;

  g_ptr_array_remove_index (fw_project_get_scenario (project, scenario)->points, args->index);
  return TRUE;
}

gboolean
fw_document_remove_point (FwDocument  *self,
                          guint        point,
                          GError     **error)
{
  EditArgs args = { .index = point };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (point < fw_document_get_scenario (self)->points->len, FALSE);

  return fw_document_edit (self, NULL, edit_remove_point, &args, error);
}
