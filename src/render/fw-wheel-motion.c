/* fw-wheel-motion.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-motion"

#include <math.h>

#include "fw-wheel-motion.h"
#include "fw-wheel-private.h"

/* The fastest the wheel ever turns: one turn in 8 s. A runaway wheel must
 * still read as a wheel, not a blur, in a classroom. */
#define MAX_SPEED 45.0
/* How quickly speed saturates with the share of people moving: a wheel
 * moving a quarter of its people a period turns once in about 13 s, a
 * tenth once in about 24 s. */
#define SHARE_GAIN 4.0
/* Time constant of the easing to a new speed, in seconds. */
#define EASE_SECONDS 0.5
/* A frame gap longer than this (a window coming back from hidden, a
 * debugger) is taken as this, so nothing jumps. */
#define MAX_STEP 0.1
/* Below this (degrees per second) an easing-out wheel is at rest. */
#define REST_SPEED 0.05

void
fw_wheel_motion_init (FwWheelMotion *motion)
{
  g_return_if_fail (motion != NULL);

  motion->speed = 0.0;
  motion->target_speed = 0.0;
  motion->rotation = 0.0;
  motion->flow_phase = 0.0;
}

void
fw_wheel_motion_set_target (FwWheelMotion *motion,
                            double         momentum,
                            double         total)
{
  double share;

  g_return_if_fail (motion != NULL);

  if (!isfinite (momentum) || !isfinite (total) || momentum <= 0.0 || total <= 0.0)
    {
      motion->target_speed = 0.0;
      return;
    }

  /* Momentum counts referral leads too, so the share can pass 1: the
   * saturation keeps that readable. */
  share = momentum / total;
  motion->target_speed = MAX_SPEED * (1.0 - exp (-SHARE_GAIN * share));
  /* A turn in hours is no visible motion: rest, and spend no frames on it. */
  if (motion->target_speed < REST_SPEED)
    motion->target_speed = 0.0;
}

static double
wrap (double value,
      double period)
{
  value = fmod (value, period);
  if (value < 0.0)
    value += period;
  /* fmod of a tiny negative value can round up to the period itself. */
  if (value >= period)
    value = 0.0;
  return value;
}

gboolean
fw_wheel_motion_advance (FwWheelMotion *motion,
                         double         seconds)
{
  double dt, mean_speed, old_speed;

  g_return_val_if_fail (motion != NULL, FALSE);

  dt = isfinite (seconds) ? CLAMP (seconds, 0.0, MAX_STEP) : 0.0;

  /* Exact exponential easing, so the result does not depend on how the
   * frames happen to be spaced. */
  old_speed = motion->speed;
  motion->speed = motion->target_speed
                  + (old_speed - motion->target_speed) * exp (-dt / EASE_SECONDS);
  if (motion->target_speed == 0.0 && motion->speed < REST_SPEED)
    motion->speed = 0.0;

  mean_speed = 0.5 * (old_speed + motion->speed);
  motion->rotation = wrap (motion->rotation + mean_speed * dt, 360.0);
  motion->flow_phase = wrap (motion->flow_phase + mean_speed * dt / FW_WHEEL_FLOW_SPAN, 1.0);

  return fw_wheel_motion_is_moving (motion);
}

gboolean
fw_wheel_motion_is_moving (const FwWheelMotion *motion)
{
  g_return_val_if_fail (motion != NULL, FALSE);

  return motion->speed != 0.0 || motion->target_speed != 0.0;
}
