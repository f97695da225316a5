/* fw-session.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-document.h"
#include "fw-projection-service.h"

G_BEGIN_DECLS

/* What one window shows of its document, apart from the document: the
 * scenarios on show (the current one first, then any compared with it),
 * the period shown (0..H), the selection, whether the periods play and
 * whether the window presents. Views observe the session, not the
 * document: its "changed" comes after the projections of the scenarios
 * on show are current, so a view only ever reads current figures, from
 * the session's FwProjectionService.
 *
 * Every property notifies only when its value changes. */
#define FW_TYPE_SESSION (fw_session_get_type ())

G_DECLARE_FINAL_TYPE (FwSession, fw_session, FW, SESSION, GObject)

FwSession           *fw_session_new                (FwDocument *document);

FwDocument          *fw_session_get_document       (FwSession  *self);
/* Another document: the view state starts afresh (its first scenario,
 * period 0, nothing selected, not playing); presenting stays. */
void                 fw_session_set_document       (FwSession  *self,
                                                    FwDocument *document);
FwProjectionService *fw_session_get_projections    (FwSession  *self);

/* The current scenario: the first on show, the one edits go to. Setting
 * it replaces the current one; the others compared stay on show. */
guint                fw_session_get_scenario_index (FwSession  *self);
void                 fw_session_set_scenario_index (FwSession  *self,
                                                    guint       index);
const FwScenario    *fw_session_get_scenario       (FwSession  *self);
/* Its projection; see fw_projection_service_get(). */
const FwProjection  *fw_session_get_projection     (FwSession  *self);
/* The scenarios on show, the current one first. */
const guint         *fw_session_get_shown          (FwSession  *self,
                                                    guint      *n_shown);
/* Shows @scenarios (no repeats, at least one); the first is current. */
void                 fw_session_set_shown          (FwSession   *self,
                                                    const guint *scenarios,
                                                    guint        n_scenarios);

/* The period shown, 0..H (clamped). Setting it sets the position to it
 * exactly. */
guint                fw_session_get_period         (FwSession  *self);
void                 fw_session_set_period         (FwSession  *self,
                                                    guint       period);
/* The position, 0..H: the period shown plus how far playback has gone
 * towards the next one, for views that ease between periods. It equals
 * the period whenever playback is paused, so paused views show exactly
 * the period's figures. "notify::position" comes every frame while
 * playing; "notify::period" only when the whole period changes. */
double               fw_session_get_position       (FwSession  *self);
void                 fw_session_set_position       (FwSession  *self,
                                                    double      position);

/* Selection: a stage or a point of the current scenario, or nothing
 * (-1); at most one of the two. */
int                  fw_session_get_selected_stage (FwSession  *self);
int                  fw_session_get_selected_point (FwSession  *self);
void                 fw_session_set_selection      (FwSession  *self,
                                                    int         stage,
                                                    int         point);

/* Playing: the periods advance by themselves at the speed. Pausing puts
 * the position back on its period. Nothing runs in the session itself:
 * whoever drives playback (the window's FwPlayback, from the frame
 * clock) calls fw_session_play_on() each frame while playing. */
gboolean             fw_session_get_playing        (FwSession  *self);
void                 fw_session_set_playing        (FwSession  *self,
                                                    gboolean    playing);
/* Periods played a second. */
#define FW_SESSION_MIN_SPEED     0.25
#define FW_SESSION_MAX_SPEED     100.0
#define FW_SESSION_DEFAULT_SPEED 1.0
double               fw_session_get_speed          (FwSession  *self);
void                 fw_session_set_speed          (FwSession  *self,
                                                    double      speed);
/* Plays on by @seconds at the speed; at H playback stops there. Returns
 * whether it is still playing (FALSE at once when paused). */
gboolean             fw_session_play_on            (FwSession  *self,
                                                    double      seconds);
/* The numbers written out (the wheel's counts and hub figure, the
 * figures beside it) roll on between two periods while playing, at most
 * this often a second of play: five times a second still shows them
 * counting from one period to the next, a number changing faster
 * cannot be read, and each roll costs a redraw of text (and, for the
 * figures' labels, a layout of the window). */
#define FW_SESSION_ROLLS_A_SECOND 5
/* How many times the numbers have rolled on: every change of the
 * position while paused; while playing, when the position reaches the
 * next of evenly spaced steps of a period (at most
 * FW_SESSION_ROLLS_A_SECOND a second at the speed), the first of them
 * each period's start. Every view that writes numbers rolls them when
 * this changes, so they all roll in the same frame, and that frame is
 * also the one where a new period changes the words, the slider and
 * the chart's readout: GTK redraws and lays out the window once for all
 * of them, not once each (docs/performance.md). "notify::roll" comes
 * with the position's. */
guint                fw_session_get_roll           (FwSession  *self);
gboolean             fw_session_get_presenting     (FwSession  *self);
void                 fw_session_set_presenting     (FwSession  *self,
                                                    gboolean    presenting);

G_END_DECLS
