/* fw-document-layout.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-document-layout"

#include "fw-document.h"
#include "fw-error.h"
#include "fw-point-places.h"
#include "fw-validate.h"

/* Edits that replace a whole stage or point, and edits of the wheel's
 * layout. All of them go through fw_document_edit(), so they validate,
 * undo and announce like every other edit. */

typedef struct
{
  guint          index;
  guint          to;
  const FwStage *stage;
  const FwPoint *point;
} LayoutArgs;

/* Whether the arcs can be computed at all: an invalid weight is refused
 * by validation after the edit, and arcs made from it mean nothing. */
static gboolean
weights_valid (const FwScenario *scenario)
{
  for (guint i = 0; i < scenario->stages->len; i++)
    if (!fw_check_weight ("weight", fw_scenario_get_stage (scenario, i)->weight, NULL))
      return FALSE;
  return TRUE;
}

/* Puts the points back on their stages after the arcs changed; a no-op
 * when the edit is about to be refused anyway. */
static void
restore_places (FwPointPlaces *places,
                FwScenario    *scenario,
                const int     *stage_map)
{
  if (weights_valid (scenario) && scenario->stages->len >= FW_MIN_STAGES &&
      scenario->stages->len <= FW_MAX_STAGES)
    fw_point_places_restore (places, scenario, stage_map);
}

static gboolean
edit_set_stage (FwProject  *project,
                guint       scenario,
                gpointer    user_data,
                GError    **error)
{
  const LayoutArgs *args = user_data;
  const FwScenario *before = fw_project_get_scenario (project, scenario);
  /* The same weight leaves every arc where it was, and so every point:
   * the points stay shared with the version before. */
  gboolean arcs_move = fw_scenario_get_stage (before, args->index)->weight != args->stage->weight;
  g_autoptr(FwPointPlaces) places = arcs_move ? fw_point_places_capture (before) : NULL;
  FwScenario *edited = fw_project_edit_scenario (project, scenario,
                                                 arcs_move ? FW_SCENARIO_ALL : FW_SCENARIO_STAGES);

  fw_stage_free (g_ptr_array_index (edited->stages, args->index));
  g_ptr_array_index (edited->stages, args->index) = fw_stage_copy (args->stage);
  if (arcs_move)
    restore_places (places, edited, NULL);
  return TRUE;
}

/* How many stages and points scenario @scenario has, checking it is one. */
static gboolean
get_sizes (FwDocument *self,
           guint       scenario,
           guint      *n_stages,
           guint      *n_points)
{
  const FwScenario *shown;

  if (scenario >= fw_document_get_n_scenarios (self))
    return FALSE;
  shown = fw_document_get_scenario (self, scenario);
  *n_stages = shown->stages->len;
  *n_points = shown->points->len;
  return TRUE;
}

/* A change of the arcs: @removed stages at @position replaced by
 * @added. Points keep their stages, so their angles move (and points on
 * a stage removed go with it). */
static void
layout_changed (FwChange *change,
                guint     scenario,
                guint     position,
                guint     removed,
                guint     added,
                guint     n_points)
{
  *change = (FwChange) { .flags = FW_CHANGE_STAGES | FW_CHANGE_POINTS, .scenario = (int) scenario,
                         .stage_position = position, .stages_removed = removed, .stages_added = added,
                         .points_removed = n_points, .points_added = G_MAXUINT };
}

gboolean
fw_document_set_stage (FwDocument    *self,
                       guint          scenario,
                       guint          stage,
                       const FwStage *value,
                       GError       **error)
{
  LayoutArgs args = { .index = stage, .stage = value };
  g_autofree char *key = NULL;
  guint n_stages = 0, n_points = 0;
  const FwStage *old;
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (get_sizes (self, scenario, &n_stages, &n_points), FALSE);
  g_return_val_if_fail (stage < n_stages, FALSE);

  old = fw_scenario_get_stage (fw_document_get_scenario (self, scenario), stage);
  change = (FwChange) { .flags = FW_CHANGE_STAGE_VALUES, .scenario = (int) scenario,
                        .stage_position = stage, .stages_removed = 1, .stages_added = 1 };
  /* Another weight changes every arc, and moves the points with them. */
  if (old->weight != value->weight)
    {
      change.flags |= FW_CHANGE_POINTS;
      change.stage_position = 0;
      change.stages_removed = change.stages_added = n_stages;
      change.points_removed = change.points_added = n_points;
    }
  /* Another name changes how the points on the stage are described. */
  else if (g_strcmp0 (old->name, value->name) != 0)
    {
      change.flags |= FW_CHANGE_POINTS;
      change.points_removed = change.points_added = n_points;
    }

  key = g_strdup_printf ("scenario %u stage %u", scenario, stage);
  return fw_document_edit_full (self, scenario, key, edit_set_stage, &args, &change, error);
}

static gboolean
edit_set_point (FwProject  *project,
                guint       scenario,
                gpointer    user_data,
                GError    **error)
{
  const LayoutArgs *args = user_data;
  FwScenario *edited = fw_project_edit_scenario (project, scenario, FW_SCENARIO_POINTS);

  fw_point_free (g_ptr_array_index (edited->points, args->index));
  g_ptr_array_index (edited->points, args->index) = fw_point_copy (args->point);
  return TRUE;
}

gboolean
fw_document_set_point (FwDocument    *self,
                       guint          scenario,
                       guint          point,
                       const FwPoint *value,
                       GError       **error)
{
  LayoutArgs args = { .index = point, .point = value };
  FwChange change = { .flags = FW_CHANGE_POINTS, .scenario = (int) scenario,
                      .point_position = point, .points_removed = 1, .points_added = 1 };
  g_autofree char *key = NULL;
  guint n_stages = 0, n_points = 0;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (get_sizes (self, scenario, &n_stages, &n_points), FALSE);
  g_return_val_if_fail (point < n_points, FALSE);

  key = g_strdup_printf ("scenario %u point %u", scenario, point);
  return fw_document_edit_full (self, scenario, key, edit_set_point, &args, &change, error);
}

/* "Stage 4", or the first "Stage N" after it that no stage is called. */
static char *
fresh_stage_name (const FwScenario *scenario,
                  guint             number)
{
  for (;; number++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", number);
      gboolean taken = FALSE;

      for (guint i = 0; i < scenario->stages->len && !taken; i++)
        taken = g_strcmp0 (fw_scenario_get_stage (scenario, i)->name, name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

/* The first palette colour no stage wears, so a new arc stands out. */
static const char *
fresh_stage_color (const FwScenario *scenario,
                   guint             position)
{
  for (guint c = 0; c < FW_MAX_STAGES; c++)
    {
      const char *color = fw_palette_color (position + c);
      gboolean taken = FALSE;

      for (guint i = 0; i < scenario->stages->len && !taken; i++)
        taken = g_ascii_strcasecmp (fw_scenario_get_stage (scenario, i)->color, color) == 0;
      if (!taken)
        return color;
    }
  return fw_palette_color (position);
}

static gboolean
edit_insert_stage (FwProject  *project,
                   guint       scenario,
                   gpointer    user_data,
                   GError    **error)
{
  const LayoutArgs *args = user_data;
  FwScenario *edited = fw_project_edit_scenario (project, scenario, FW_SCENARIO_ALL);
  g_autoptr(FwPointPlaces) places = fw_point_places_capture (edited);
  g_autofree char *name = fresh_stage_name (edited, args->index + 1);
  FwStage *stage = fw_stage_new (name, args->index);
  const FwStage *neighbour;
  int map[FW_MAX_STAGES + 1];

  g_strlcpy (stage->color, fresh_stage_color (edited, args->index), sizeof stage->color);
  /* A new stage takes its neighbour's rates and share of the circle, so
   * inserting one does not stop the flow (an advance of 0 would); it
   * starts with no people. */
  neighbour = fw_scenario_get_stage (edited, args->index > 0 ? args->index - 1 : 0);
  stage->customer = neighbour->customer;
  stage->advance = neighbour->advance;
  stage->loss = neighbour->loss;
  stage->referral = neighbour->referral;
  stage->weight = neighbour->weight;
  for (guint i = 0; i < edited->stages->len; i++)
    map[i] = (int) (i < args->index ? i : i + 1);

  g_ptr_array_insert (edited->stages, (int) args->index, stage);
  restore_places (places, edited, map);
  return TRUE;
}

gboolean
fw_document_insert_stage (FwDocument  *self,
                          guint        scenario,
                          guint        position,
                          GError     **error)
{
  LayoutArgs args = { .index = position };
  guint n_stages = 0, n_points = 0;
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (get_sizes (self, scenario, &n_stages, &n_points), FALSE);
  g_return_val_if_fail (position <= n_stages, FALSE);

  if (n_stages >= FW_MAX_STAGES)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   "A wheel has at most %d stages", FW_MAX_STAGES);
      return FALSE;
    }

  layout_changed (&change, scenario, position, 0, 1, n_points);
  return fw_document_edit_full (self, scenario, NULL, edit_insert_stage, &args, &change, error);
}

static gboolean
edit_remove_stage (FwProject  *project,
                   guint       scenario,
                   gpointer    user_data,
                   GError    **error)
{
  const LayoutArgs *args = user_data;
  FwScenario *edited = fw_project_edit_scenario (project, scenario, FW_SCENARIO_ALL);
  g_autoptr(FwPointPlaces) places = fw_point_places_capture (edited);
  int map[FW_MAX_STAGES];

  for (guint i = 0; i < edited->stages->len; i++)
    map[i] = i == args->index ? -1 : (int) (i < args->index ? i : i - 1);

  g_ptr_array_remove_index (edited->stages, args->index);
  restore_places (places, edited, map);
  return TRUE;
}

gboolean
fw_document_remove_stage (FwDocument  *self,
                          guint        scenario,
                          guint        stage,
                          GError     **error)
{
  LayoutArgs args = { .index = stage };
  guint n_stages = 0, n_points = 0;
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (get_sizes (self, scenario, &n_stages, &n_points), FALSE);
  g_return_val_if_fail (stage < n_stages, FALSE);

  if (n_stages <= FW_MIN_STAGES)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID,
                   "A wheel needs at least %d stages", FW_MIN_STAGES);
      return FALSE;
    }

  layout_changed (&change, scenario, stage, 1, 0, n_points);
  return fw_document_edit_full (self, scenario, NULL, edit_remove_stage, &args, &change, error);
}

static gboolean
edit_move_stage (FwProject  *project,
                 guint       scenario,
                 gpointer    user_data,
                 GError    **error)
{
  const LayoutArgs *args = user_data;
  FwScenario *edited = fw_project_edit_scenario (project, scenario, FW_SCENARIO_ALL);
  g_autoptr(FwPointPlaces) places = fw_point_places_capture (edited);
  FwStage *moved = g_ptr_array_steal_index (edited->stages, args->index);
  int map[FW_MAX_STAGES];

  /* Where each old index lands once @moved is taken out and put back. */
  for (guint i = 0; i <= edited->stages->len; i++)
    {
      guint rest = i < args->index ? i : i - 1;

      if (i == args->index)
        map[i] = (int) args->to;
      else
        map[i] = (int) (rest < args->to ? rest : rest + 1);
    }

  g_ptr_array_insert (edited->stages, (int) args->to, moved);
  restore_places (places, edited, map);
  return TRUE;
}

gboolean
fw_document_move_stage (FwDocument  *self,
                        guint        scenario,
                        guint        from,
                        guint        to,
                        GError     **error)
{
  LayoutArgs args = { .index = from, .to = to };
  guint n_stages = 0, n_points = 0;
  FwChange change;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (get_sizes (self, scenario, &n_stages, &n_points), FALSE);
  g_return_val_if_fail (from < n_stages && to < n_stages, FALSE);

  if (from == to)
    return TRUE;

  layout_changed (&change, scenario, MIN (from, to), 0, 0, n_points);
  change.stages_removed = change.stages_added = MAX (from, to) - MIN (from, to) + 1;
  return fw_document_edit_full (self, scenario, NULL, edit_move_stage, &args, &change, error);
}
