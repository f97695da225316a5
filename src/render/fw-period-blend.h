/* fw-period-blend.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-engine.h"

G_BEGIN_DECLS

/* What a view shows at a playback position between two periods, so the
 * wheel, its moving people and the figures glide rather than jump while
 * the periods play (FwSession's "position"). Period t's figure moved
 * the fraction f of the way to period t+1's, for the position t + f. At
 * a whole position (always, once paused) it is period t's figure
 * exactly, as MODEL.md defines it: the blend is never a number the
 * model reports, only the picture of one period turning into the next.
 * A figure that is not finite on either side is shown as period t's. */

/* Numbers written out (the counts on the wheel's arcs, the hub's
 * figure, the figures beside the wheel) roll on between periods only
 * when the session's roll changes (fw_session_get_roll(): at most
 * FW_SESSION_ROLLS_A_SECOND times a second, every view in the same
 * frame). What moves (the people, the tread, the chart's marker)
 * follows every frame. */

/* Period t and the fraction f of a position, within the projection's
 * 0..H (f is 0 at H). */
guint  fw_period_blend_split     (const FwProjection *projection,
                                  double              position,
                                  double             *fraction);
double fw_period_blend           (double              from,
                                  double              to,
                                  double              fraction);
void   fw_period_blend_figures   (const FwProjection *projection,
                                  double              position,
                                  FwFigures          *figures);
double fw_period_blend_count     (const FwProjection *projection,
                                  double              position,
                                  guint               stage);
double fw_period_blend_advancing (const FwProjection *projection,
                                  double              position,
                                  guint               stage);

G_END_DECLS
