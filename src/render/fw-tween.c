/* fw-tween.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-tween"

#include <math.h>

#include "fw-tween.h"

/* A tween that cannot ease (a value out of range of a double, or no
 * time to ease in) shows its target at once rather than a NaN. */
static gboolean
is_instant (const FwTween *tween)
{
  return tween->duration <= 0 || !isfinite (tween->from) || !isfinite (tween->to);
}

void
fw_tween_init (FwTween *tween,
               double   value)
{
  g_return_if_fail (tween != NULL);

  tween->from = value;
  tween->to = value;
  tween->start = 0;
  tween->duration = 0;
}

void
fw_tween_retarget (FwTween *tween,
                   double   to,
                   gint64   now,
                   gint64   duration)
{
  g_return_if_fail (tween != NULL);

  /* Start from what is on screen now, so a change that arrives while the
   * last one is still easing continues smoothly instead of jumping. */
  tween->from = fw_tween_value (tween, now);
  tween->to = to;
  tween->start = now;
  tween->duration = MAX (duration, 0);
}

double
fw_tween_value (const FwTween *tween,
                gint64         now)
{
  double t, eased;

  g_return_val_if_fail (tween != NULL, 0.0);

  if (is_instant (tween) || now >= tween->start + tween->duration)
    return tween->to;
  if (now <= tween->start)
    return tween->from;

  t = (double) (now - tween->start) / (double) tween->duration;
  /* Ease-out cubic: quick to react, gentle to settle. */
  eased = 1.0 - pow (1.0 - t, 3.0);

  return tween->from + (tween->to - tween->from) * eased;
}

gboolean
fw_tween_is_done (const FwTween *tween,
                  gint64         now)
{
  g_return_val_if_fail (tween != NULL, TRUE);

  return is_instant (tween) || tween->from == tween->to
         || now >= tween->start + tween->duration;
}
