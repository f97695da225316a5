/* fw-point-rank.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-rank"

#include <math.h>

#include "fw-point-rank.h"

/* NAN for a point the projection has no impact for (yet). */
static double
impact_of (const FwProjection *projection,
           guint               point)
{
  if (point >= fw_projection_get_n_points (projection))
    return NAN;
  return fw_projection_get_point_impact (projection, point);
}

int
fw_point_rank_compare (const FwScenario   *scenario,
                       const FwProjection *projection,
                       guint               a,
                       guint               b)
{
  double x = impact_of (projection, a);
  double y = impact_of (projection, b);
  FwPointKind kind_a = fw_scenario_get_point (scenario, a)->kind;
  FwPointKind kind_b = fw_scenario_get_point (scenario, b)->kind;

  if (isfinite (x) != isfinite (y))
    return isfinite (x) ? -1 : 1;
  if (kind_a != kind_b)
    return kind_a == FW_POINT_FRICTION ? -1 : 1;
  /* A force's gain is its strength: the largest first, as the costliest
   * friction comes first. */
  if (isfinite (x) && x != y)
    return (x < y) == (kind_a == FW_POINT_FRICTION) ? -1 : 1;
  return a < b ? -1 : a > b;
}
