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

/* The current scenario: the first on show, the one edits go to. */
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

/* The period shown, 0..H (clamped). */
guint                fw_session_get_period         (FwSession  *self);
void                 fw_session_set_period         (FwSession  *self,
                                                    guint       period);

/* Selection: a stage or a point of the current scenario, or nothing
 * (-1); at most one of the two. */
int                  fw_session_get_selected_stage (FwSession  *self);
int                  fw_session_get_selected_point (FwSession  *self);
void                 fw_session_set_selection      (FwSession  *self,
                                                    int         stage,
                                                    int         point);

gboolean             fw_session_get_playing        (FwSession  *self);
void                 fw_session_set_playing        (FwSession  *self,
                                                    gboolean    playing);
gboolean             fw_session_get_presenting     (FwSession  *self);
void                 fw_session_set_presenting     (FwSession  *self,
                                                    gboolean    presenting);

G_END_DECLS
