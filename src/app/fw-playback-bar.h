/* fw-playback-bar.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The bar between the wheel and the chart that plays the periods: step
 * back, play or pause, step forward (the window's "win.step-back",
 * "win.play-pause", "win.step-forward"), the period slider (named
 * "Period", its value read as "Month 5 of 24"), the speed, and the
 * project's horizon, typed like every other field (fw-typed-field.h).
 * Everything it shows is the session's; what it changes goes to the
 * session (period, speed) or, for the horizon, to the document as an
 * undoable edit. */
#define FW_TYPE_PLAYBACK_BAR (fw_playback_bar_get_type ())

G_DECLARE_FINAL_TYPE (FwPlaybackBar, fw_playback_bar, FW, PLAYBACK_BAR, GtkWidget)

GtkWidget *fw_playback_bar_new         (void);
void       fw_playback_bar_set_session (FwPlaybackBar *self,
                                        FwSession     *session);
/* Its parts, for tests. */
GtkRange  *fw_playback_bar_get_slider  (FwPlaybackBar *self);
GtkWidget *fw_playback_bar_get_horizon (FwPlaybackBar *self);
/* "Month 5 of 24": what the slider's value reads as. */
char      *fw_playback_bar_period_text (FwPeriod       unit,
                                        guint          period,
                                        guint          horizon);

G_END_DECLS
