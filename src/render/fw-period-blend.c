/* fw-period-blend.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-period-blend"

#include <math.h>

#include "fw-period-blend.h"

guint
fw_period_blend_split (const FwProjection *projection,
                       double              position,
                       double             *fraction)
{
  guint horizon = fw_projection_get_horizon (projection);
  double whole;

  *fraction = 0.0;
  if (!(position > 0.0))
    return 0;
  if (position >= horizon)
    return horizon;

  whole = floor (position);
  *fraction = position - whole;
  return (guint) whole;
}

double
fw_period_blend (double from,
                 double to,
                 double fraction)
{
  /* Exactly period t's figure when there is nothing to blend. */
  if (fraction == 0.0 || !isfinite (from) || !isfinite (to))
    return from;

  return from + (to - from) * fraction;
}

void
fw_period_blend_figures (const FwProjection *projection,
                         double              position,
                         FwFigures          *figures)
{
  double f;
  guint t = fw_period_blend_split (projection, position, &f);
  const FwFigures *a = fw_projection_get_figures (projection, t);
  const FwFigures *b;

  *figures = *a;
  if (f == 0.0)
    return;

  b = fw_projection_get_figures (projection, t + 1);
  figures->total = fw_period_blend (a->total, b->total, f);
  figures->customers = fw_period_blend (a->customers, b->customers, f);
  figures->new_customers = fw_period_blend (a->new_customers, b->new_customers, f);
  figures->churn = fw_period_blend (a->churn, b->churn, f);
  figures->dropoff = fw_period_blend (a->dropoff, b->dropoff, f);
  figures->referrals = fw_period_blend (a->referrals, b->referrals, f);
  figures->momentum = fw_period_blend (a->momentum, b->momentum, f);
}

double
fw_period_blend_count (const FwProjection *projection,
                       double              position,
                       guint               stage)
{
  double f;
  guint t = fw_period_blend_split (projection, position, &f);
  double a = fw_projection_get_counts (projection, t)[stage];

  if (f == 0.0)
    return a;
  return fw_period_blend (a, fw_projection_get_counts (projection, t + 1)[stage], f);
}

double
fw_period_blend_advancing (const FwProjection *projection,
                           double              position,
                           guint               stage)
{
  double f;
  guint t = fw_period_blend_split (projection, position, &f);
  double a = fw_projection_get_advancing (projection, t, stage);

  if (f == 0.0)
    return a;
  return fw_period_blend (a, fw_projection_get_advancing (projection, t + 1, stage), f);
}
