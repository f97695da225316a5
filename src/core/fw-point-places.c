/* fw-point-places.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-places"

#include "fw-point-places.h"

typedef struct
{
  guint  stage;
  double fraction;  /* along the stage's arc, in [0, 1) */
} Place;

struct _FwPointPlaces
{
  guint   n_stages;
  double  start[FW_MAX_STAGES];
  double  end[FW_MAX_STAGES];
  guint   n_points;
  Place  *places;
};

FwPointPlaces *
fw_point_places_capture (const FwScenario *scenario)
{
  FwPointPlaces *self;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (scenario->stages->len <= FW_MAX_STAGES, NULL);

  self = g_new0 (FwPointPlaces, 1);
  self->n_stages = scenario->stages->len;
  for (guint i = 0; i < self->n_stages; i++)
    fw_scenario_stage_arc (scenario, i, &self->start[i], &self->end[i]);

  self->n_points = scenario->points->len;
  self->places = g_new0 (Place, self->n_points);
  for (guint k = 0; k < self->n_points; k++)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, k);
      Place *place = &self->places[k];
      double span;

      place->stage = fw_scenario_stage_at_angle (scenario, point->angle);
      span = self->end[place->stage] - self->start[place->stage];
      place->fraction = (fw_angle_normalize (point->angle) - self->start[place->stage]) / span;
      place->fraction = CLAMP (place->fraction, 0.0, 1.0);
    }

  return self;
}

void
fw_point_places_restore (FwPointPlaces *self,
                         FwScenario    *scenario,
                         const int     *stage_map)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (scenario->points->len == self->n_points);

  /* Backwards, so removing a point does not shift the ones still to do. */
  for (guint k = self->n_points; k-- > 0;)
    {
      const Place *place = &self->places[k];
      FwPoint *point = fw_scenario_get_point (scenario, k);
      int target = stage_map != NULL ? stage_map[place->stage] : (int) place->stage;
      double start, end, angle;

      if (target < 0)
        {
          g_ptr_array_remove_index (scenario->points, k);
          continue;
        }

      fw_scenario_stage_arc (scenario, (guint) target, &start, &end);
      if (start == self->start[place->stage] && end == self->end[place->stage] &&
          fw_scenario_stage_at_angle (scenario, point->angle) == (guint) target)
        continue;

      angle = start + place->fraction * (end - start);
      /* Rounding can carry a point at the very end of an arc over the
       * boundary; the middle of its stage is where it then belongs. */
      if (fw_scenario_stage_at_angle (scenario, angle) != (guint) target)
        angle = start + 0.5 * (end - start);
      point->angle = angle;
    }
}

void
fw_point_places_free (FwPointPlaces *self)
{
  if (self == NULL)
    return;

  g_free (self->places);
  g_free (self);
}
