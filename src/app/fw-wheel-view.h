/* fw-wheel-view.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The wheel: draws the document's scenario through the renderer, turns
 * from the frame clock, accepts points dropped from the palette, lets
 * points be dragged round the rim or off it, and is driven entirely from
 * the keyboard as well.
 *
 * Selection is either a stage or a point (the other is -1). Errors (an
 * edit the document refuses) are reported through the "win.show-error"
 * action, so the window shows them where the user looks. */
#define FW_TYPE_WHEEL_VIEW (fw_wheel_view_get_type ())

G_DECLARE_FINAL_TYPE (FwWheelView, fw_wheel_view, FW, WHEEL_VIEW, GtkWidget)

GtkWidget  *fw_wheel_view_new                (void);
FwSession  *fw_wheel_view_get_session        (FwWheelView *self);
/* Shows @session's current scenario at its period, and keeps the
 * selection in it. */
void        fw_wheel_view_set_session        (FwWheelView *self,
                                              FwSession   *session);
/* Properties "selected-stage" and "selected-point" (int, -1 for none),
 * the session's selection as the wheel keeps it. */
int         fw_wheel_view_get_selected_stage (FwWheelView *self);
int         fw_wheel_view_get_selected_point (FwWheelView *self);
void        fw_wheel_view_select_stage       (FwWheelView *self,
                                              int          stage);
void        fw_wheel_view_select_point       (FwWheelView *self,
                                              int          point);
/* Opens the point editor popover on @point, pointing at its marker. */
void        fw_wheel_view_edit_point         (FwWheelView *self,
                                              guint        point);
/* Whether a tick callback is installed right now (tests check that a
 * wheel at rest costs nothing), and frames drawn so far (benchmarks). */
gboolean    fw_wheel_view_is_ticking         (FwWheelView *self);
guint64     fw_wheel_view_get_frames_drawn   (FwWheelView *self);
/* What the wheel says it shows to screen readers (its accessible
 * description): counts, points and momentum at the session's period. */
const char *fw_wheel_view_get_description    (FwWheelView *self);

G_END_DECLS
