/* fw-tween.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A number easing from the value it showed to a new one (ease-out cubic),
 * timed in microseconds like GdkFrameClock's frame time. A value that is
 * not finite, or a jump with animations off, is shown at once. */
typedef struct
{
  double  from;
  double  to;
  gint64  start;     /* frame time the change started */
  gint64  duration;  /* microseconds; 0: no animation */
} FwTween;

#define FW_TWEEN_DURATION_US (450 * G_TIME_SPAN_MILLISECOND)

void     fw_tween_init      (FwTween *tween,
                             double   value);
/* Starts easing from the value shown at @now towards @to. */
void     fw_tween_retarget  (FwTween *tween,
                             double   to,
                             gint64   now,
                             gint64   duration);
double   fw_tween_value     (const FwTween *tween,
                             gint64         now);
gboolean fw_tween_is_done   (const FwTween *tween,
                             gint64         now);

G_END_DECLS
