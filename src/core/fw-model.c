/* fw-model.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-model"

#include <math.h>
#include <string.h>

#include "fw-model.h"

/* GNOME's palette, ordered so that neighbouring stages contrast. */
static const char * const palette[] = {
  "#3584e4", /* blue */
  "#33d17a", /* green */
  "#f6d32d", /* yellow */
  "#ff7800", /* orange */
  "#e01b24", /* red */
  "#9141ac", /* purple */
  "#986a44", /* brown */
  "#2190a4", /* teal */
  "#1a5fb4", /* dark blue */
  "#26a269", /* dark green */
  "#e5a50a", /* dark yellow */
  "#c64600", /* dark orange */
  "#a51d2d", /* dark red */
  "#613583", /* dark purple */
  "#63452c", /* dark brown */
  "#5e5c64", /* slate */
};

const char *
fw_palette_color (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)];
}

FwStage *
fw_stage_new (const char *name,
              guint       index)
{
  FwStage *stage = g_new0 (FwStage, 1);

  stage->name = g_strdup (name ? name : "");
  g_strlcpy (stage->color, fw_palette_color (index), sizeof stage->color);
  stage->weight = 1.0;

  return stage;
}

FwStage *
fw_stage_copy (const FwStage *stage)
{
  FwStage *copy;

  g_return_val_if_fail (stage != NULL, NULL);

  copy = g_memdup2 (stage, sizeof *stage);
  copy->name = g_strdup (stage->name);

  return copy;
}

void
fw_stage_free (FwStage *stage)
{
  if (stage == NULL)
    return;

  g_free (stage->name);
  g_free (stage);
}

FwPoint *
fw_point_new (const char *name,
              double      angle)
{
  FwPoint *point = g_new0 (FwPoint, 1);

  point->name = g_strdup (name ? name : "");
  point->kind = FW_POINT_FRICTION;
  point->angle = angle;
  point->enabled = TRUE;
  point->note = g_strdup ("");

  return point;
}

FwPoint *
fw_point_copy (const FwPoint *point)
{
  FwPoint *copy;

  g_return_val_if_fail (point != NULL, NULL);

  copy = g_memdup2 (point, sizeof *point);
  copy->name = g_strdup (point->name);
  copy->note = g_strdup (point->note);

  return copy;
}

void
fw_point_free (FwPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->name);
  g_free (point->note);
  g_free (point);
}

static gatomicrefcount *
new_holders (void)
{
  gatomicrefcount *holders = g_new (gatomicrefcount, 1);

  g_atomic_ref_count_init (holders);
  return holders;
}

/* One holder of @list lets go of it; the last one frees it. */
static void
release_list (GPtrArray       *list,
              gatomicrefcount *holders)
{
  if (g_atomic_ref_count_dec (holders))
    {
      g_ptr_array_unref (list);
      g_free (holders);
    }
}

/* For g_ptr_array_copy (), which keeps the list's free function. */
static gpointer
copy_stage (gconstpointer stage,
            gpointer      unused)
{
  return fw_stage_copy (stage);
}

static gpointer
copy_point (gconstpointer point,
            gpointer      unused)
{
  return fw_point_copy (point);
}

/* A scenario with no lists yet, the caller's own. */
static FwScenario *
scenario_alloc (const char *name)
{
  FwScenario *scenario = g_new0 (FwScenario, 1);

  scenario->name = g_strdup (name ? name : "");
  g_atomic_ref_count_init (&scenario->ref_count);
  return scenario;
}

FwScenario *
fw_scenario_new (const char *name)
{
  FwScenario *scenario = scenario_alloc (name);

  scenario->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_stage_free);
  scenario->stages_holders = new_holders ();
  scenario->points = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_point_free);
  scenario->points_holders = new_holders ();

  return scenario;
}

FwScenario *
fw_scenario_copy (const FwScenario *scenario)
{
  FwScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = scenario_alloc (scenario->name);
  copy->inflow = scenario->inflow;
  copy->uncertainty = scenario->uncertainty;
  copy->stages = g_ptr_array_copy (scenario->stages, copy_stage, NULL);
  copy->stages_holders = new_holders ();
  copy->points = g_ptr_array_copy (scenario->points, copy_point, NULL);
  copy->points_holders = new_holders ();

  return copy;
}

/* A copy of @scenario's own values that shares its lists. */
static FwScenario *
copy_own_values (const FwScenario *scenario)
{
  FwScenario *copy = scenario_alloc (scenario->name);

  copy->inflow = scenario->inflow;
  copy->uncertainty = scenario->uncertainty;
  copy->stages = scenario->stages;
  copy->stages_holders = scenario->stages_holders;
  g_atomic_ref_count_inc (copy->stages_holders);
  copy->points = scenario->points;
  copy->points_holders = scenario->points_holders;
  g_atomic_ref_count_inc (copy->points_holders);

  return copy;
}

FwScenario *
fw_scenario_ref (const FwScenario *scenario)
{
  FwScenario *self = (FwScenario *) scenario;

  g_return_val_if_fail (scenario != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fw_scenario_unref (FwScenario *scenario)
{
  if (scenario == NULL || !g_atomic_ref_count_dec (&scenario->ref_count))
    return;

  g_free (scenario->name);
  release_list (scenario->stages, scenario->stages_holders);
  release_list (scenario->points, scenario->points_holders);
  g_free (scenario);
}

FwStage *
fw_scenario_get_stage (const FwScenario *scenario,
                       guint             index)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (index < scenario->stages->len, NULL);

  return g_ptr_array_index (scenario->stages, index);
}

FwPoint *
fw_scenario_get_point (const FwScenario *scenario,
                       guint             index)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (index < scenario->points->len, NULL);

  return g_ptr_array_index (scenario->points, index);
}

gboolean
fw_uncertainty_is_zero (const FwUncertainty *uncertainty)
{
  g_return_val_if_fail (uncertainty != NULL, TRUE);

  return uncertainty->advance == 0.0 && uncertainty->loss == 0.0 &&
         uncertainty->referral == 0.0 && uncertainty->inflow == 0.0;
}

FwProject *
fw_project_new (const char *name)
{
  FwProject *project = g_new0 (FwProject, 1);

  project->name = g_strdup (name ? name : "");
  project->period = FW_PERIOD_MONTH;
  project->horizon = 24;
  project->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_scenario_unref);

  return project;
}

FwProject *
fw_project_copy (const FwProject *project)
{
  FwProject *copy;

  g_return_val_if_fail (project != NULL, NULL);

  copy = fw_project_new (project->name);
  copy->period = project->period;
  copy->horizon = project->horizon;
  for (guint i = 0; i < project->scenarios->len; i++)
    g_ptr_array_add (copy->scenarios, fw_scenario_ref (g_ptr_array_index (project->scenarios, i)));

  return copy;
}

/* Whether only one holds it. A count of one cannot go up behind our
 * back (nobody else has a pointer to take a reference with); one that
 * goes down meanwhile only costs a copy that was not needed. */
static gboolean
held_once (gatomicrefcount *count)
{
  return g_atomic_ref_count_compare (count, 1);
}

FwScenario *
fw_project_edit_scenario (FwProject       *project,
                          guint            index,
                          FwScenarioParts  parts)
{
  FwScenario *scenario;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < project->scenarios->len, NULL);

  scenario = g_ptr_array_index (project->scenarios, index);
  if (!held_once (&scenario->ref_count))
    {
      FwScenario *own = copy_own_values (scenario);

      /* The array's free function lets go of the shared one. */
      g_ptr_array_index (project->scenarios, index) = own;
      fw_scenario_unref (scenario);
      scenario = own;
    }

  if ((parts & FW_SCENARIO_STAGES) && !held_once (scenario->stages_holders))
    {
      GPtrArray *stages = g_ptr_array_copy (scenario->stages, copy_stage, NULL);

      release_list (scenario->stages, scenario->stages_holders);
      scenario->stages = stages;
      scenario->stages_holders = new_holders ();
    }

  if ((parts & FW_SCENARIO_POINTS) && !held_once (scenario->points_holders))
    {
      GPtrArray *points = g_ptr_array_copy (scenario->points, copy_point, NULL);

      release_list (scenario->points, scenario->points_holders);
      scenario->points = points;
      scenario->points_holders = new_holders ();
    }

  return scenario;
}

static gsize
text_bytes (const char *text)
{
  return text != NULL ? strlen (text) + 1 : 0;
}

static gsize
stages_bytes (const GPtrArray *stages)
{
  gsize bytes = sizeof (GPtrArray) + stages->len * sizeof (gpointer);

  for (guint i = 0; i < stages->len; i++)
    bytes += sizeof (FwStage) + text_bytes (((const FwStage *) g_ptr_array_index (stages, i))->name);
  return bytes;
}

static gsize
points_bytes (const GPtrArray *points)
{
  gsize bytes = sizeof (GPtrArray) + points->len * sizeof (gpointer);

  for (guint i = 0; i < points->len; i++)
    {
      const FwPoint *point = g_ptr_array_index (points, i);

      bytes += sizeof (FwPoint) + text_bytes (point->name) + text_bytes (point->note);
    }
  return bytes;
}

gsize
fw_project_bytes_apart (const FwProject *project,
                        const FwProject *other)
{
  gsize bytes;

  g_return_val_if_fail (project != NULL, 0);

  bytes = sizeof (FwProject) + text_bytes (project->name) +
          sizeof (GPtrArray) + project->scenarios->len * sizeof (gpointer);

  for (guint i = 0; i < project->scenarios->len; i++)
    {
      const FwScenario *scenario = g_ptr_array_index (project->scenarios, i);
      gboolean shared = FALSE, stages_shared = FALSE, points_shared = FALSE;

      /* At most fifty by fifty pointers: cheaper than any hash. */
      for (guint j = 0; other != NULL && j < other->scenarios->len; j++)
        {
          const FwScenario *theirs = g_ptr_array_index (other->scenarios, j);

          shared |= theirs == scenario;
          stages_shared |= theirs->stages == scenario->stages;
          points_shared |= theirs->points == scenario->points;
        }

      if (shared)
        continue;
      bytes += sizeof (FwScenario) + text_bytes (scenario->name);
      if (!stages_shared)
        bytes += stages_bytes (scenario->stages);
      if (!points_shared)
        bytes += points_bytes (scenario->points);
    }

  return bytes;
}

void
fw_project_free (FwProject *project)
{
  if (project == NULL)
    return;

  g_free (project->name);
  g_ptr_array_unref (project->scenarios);
  g_free (project);
}

FwScenario *
fw_project_get_scenario (const FwProject *project,
                         guint            index)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (index < project->scenarios->len, NULL);

  return g_ptr_array_index (project->scenarios, index);
}

FwScenario *
fw_project_find_scenario (const FwProject *project,
                          const char      *name)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < project->scenarios->len; i++)
    {
      FwScenario *scenario = g_ptr_array_index (project->scenarios, i);

      if (g_strcmp0 (scenario->name, name) == 0)
        return scenario;
    }

  return NULL;
}

static const char * const period_names[] = { "week", "month", "quarter" };
static const char * const kind_names[] = { "friction", "force" };

const char *
fw_period_to_string (FwPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (period_names), NULL);

  return period_names[period];
}

gboolean
fw_period_from_string (const char *text,
                       FwPeriod   *period)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (period_names); i++)
    {
      if (strcmp (text, period_names[i]) == 0)
        {
          *period = (FwPeriod) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fw_point_kind_to_string (FwPointKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
fw_point_kind_from_string (const char  *text,
                           FwPointKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (text, kind_names[i]) == 0)
        {
          *kind = (FwPointKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

static double
total_weight (const FwScenario *scenario)
{
  double total = 0.0;

  for (guint i = 0; i < scenario->stages->len; i++)
    total += ((const FwStage *) g_ptr_array_index (scenario->stages, i))->weight;

  return total;
}

/* Boundaries are summed in stage order exactly as MODEL.md writes them,
 * s_(i+1) = s_i + 360 * w_i / W, so that every implementation of the
 * model puts a point on a boundary into the same stage. */
void
fw_scenario_stage_arc (const FwScenario *scenario,
                       guint             index,
                       double           *start,
                       double           *end)
{
  double total, s = 0.0;

  g_return_if_fail (scenario != NULL);
  g_return_if_fail (index < scenario->stages->len);

  total = total_weight (scenario);
  for (guint i = 0; i < index; i++)
    s = s + 360.0 * ((const FwStage *) g_ptr_array_index (scenario->stages, i))->weight / total;

  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = s + 360.0 * ((const FwStage *) g_ptr_array_index (scenario->stages, index))->weight / total;
}

double
fw_angle_normalize (double angle)
{
  double a = fmod (angle, 360.0);

  return a < 0.0 ? a + 360.0 : a;
}

guint
fw_scenario_stage_at_angle (const FwScenario *scenario,
                            double            angle)
{
  double total, a, s = 0.0;
  guint n;

  g_return_val_if_fail (scenario != NULL, 0);
  g_return_val_if_fail (scenario->stages->len > 0, 0);

  n = scenario->stages->len;
  total = total_weight (scenario);

  a = fw_angle_normalize (angle);

  for (guint i = 0; i + 1 < n; i++)
    {
      s = s + 360.0 * ((const FwStage *) g_ptr_array_index (scenario->stages, i))->weight / total;
      if (a < s)
        return i;
    }

  /* Past the last boundary, rounding included, is the last stage. */
  return n - 1;
}

gboolean
fw_point_works_against_kind (const FwPoint *point)
{
  gboolean helps, hurts;

  g_return_val_if_fail (point != NULL, FALSE);

  /* Conversion and referrals help when they grow; churn when it falls. */
  helps = point->conversion > 0.0 || point->churn < 0.0 || point->referral > 0.0;
  hurts = point->conversion < 0.0 || point->churn > 0.0 || point->referral < 0.0;

  return point->kind == FW_POINT_FRICTION ? helps : hurts;
}
