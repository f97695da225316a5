/* fw-idle-gate.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lets a continuous animation draw a frame only once the main loop has
 * been idle since its last one.
 *
 * Why: when a frame takes longer than the frame interval (a software
 * renderer on a loaded machine, a sanitizer build), the frame clock is
 * always due again and the main loop never reaches
 * G_PRIORITY_DEFAULT_IDLE. GTK does real work at that priority: its
 * registration on the accessibility bus is one such idle, and a turning
 * wheel kept Flywheel out of a screen reader's reach for 17 s on a loaded
 * machine, and for ever in an ASan build. With the gate, a slow machine
 * shows fewer frames of the animation instead; a fast one, where the
 * loop goes idle between frames anyway, shows every frame.
 *
 * The animation's state should follow the clock, not the frame count,
 * so a frame skipped here costs smoothness, never correctness. */
typedef struct
{
  guint idle_id; /* the idle that reopens the gate; 0 while open */
} FwIdleGate;

#define FW_IDLE_GATE_INIT { 0 }

/* TRUE when a frame may be drawn now: the gate then closes until an
 * idle of G_PRIORITY_DEFAULT_IDLE has run on the thread-default main
 * context. FALSE while closed. */
gboolean fw_idle_gate_pass  (FwIdleGate *gate);
gboolean fw_idle_gate_is_open (const FwIdleGate *gate);
/* Opens the gate and removes its idle (call when the animation stops
 * and when its owner goes away). */
void     fw_idle_gate_clear (FwIdleGate *gate);

G_END_DECLS
