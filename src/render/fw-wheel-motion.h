/* fw-wheel-motion.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the wheel moves: a pure function of time, so it is tested without a
 * display and the widget only feeds it frame times.
 *
 * The wheel turns at a speed that rises with momentum relative to the
 * people on the wheel (the share of them moving this period), saturating
 * so a runaway wheel still reads. When the figures change, the speed
 * eases exponentially to the new target instead of jumping. The flow
 * phase drives the people drawn moving between stages. */
typedef struct
{
  double speed;         /* degrees per second now */
  double target_speed;  /* degrees per second it eases to */
  double rotation;      /* degrees turned, kept in [0, 360) */
  double flow_phase;    /* in [0, 1), advances with speed */
} FwWheelMotion;

void     fw_wheel_motion_init       (FwWheelMotion *motion);
/* Sets the speed the wheel eases to for @momentum people moving out of
 * @total on the wheel; 0 when either is 0 or not finite. */
void     fw_wheel_motion_set_target (FwWheelMotion *motion,
                                     double         momentum,
                                     double         total);
/* Moves time on by @seconds (clamped to a sane frame gap). Returns TRUE
 * while anything still moves, FALSE once the wheel is at rest (target 0
 * reached), when the caller should stop asking for frames. */
gboolean fw_wheel_motion_advance    (FwWheelMotion *motion,
                                     double         seconds);
gboolean fw_wheel_motion_is_moving  (const FwWheelMotion *motion);

G_END_DECLS
