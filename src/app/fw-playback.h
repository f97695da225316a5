/* fw-playback.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* Drives a session's playback from a widget's frame clock: while the
 * session plays, a tick callback advances it by the time between frames
 * (fw_session_play_on()), so periods follow the display's frame rate
 * and ease between whole periods. A frame that moves the position waits
 * for the main loop to have been idle, as the turning wheel's frames do
 * (fw-idle-gate.h), the time between carried over. The callback exists only while the
 * session plays and the widget is mapped: paused, nothing runs at all,
 * no tick callback and no timer. */
#define FW_TYPE_PLAYBACK (fw_playback_get_type ())

G_DECLARE_FINAL_TYPE (FwPlayback, fw_playback, FW, PLAYBACK, GObject)

/* @widget lends its frame clock; it is not referenced (it owns the
 * playback, or outlives it). */
FwPlayback *fw_playback_new        (FwSession  *session,
                                    GtkWidget  *widget);
/* Whether a tick callback is installed right now (tests check that a
 * paused playback costs nothing). */
gboolean    fw_playback_is_ticking (FwPlayback *self);
/* Frames that advanced playback so far (benchmarks): on a machine too
 * slow for every frame, fewer than the frame clock's (fw-idle-gate.h). */
guint64     fw_playback_get_frames (FwPlayback *self);

G_END_DECLS
