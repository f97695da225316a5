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
 * figure, the figures beside the wheel) roll on between periods at most
 * this often while playing: five times a second still shows them
 * counting up or down from one period to the next, a number changing
 * faster cannot be read, and each change costs a redraw of text (the
 * wheel's static layer, about 7 ms; the panel's layout). At ten a
 * second that redraw was most of what playback cost beyond the turning
 * wheel (bench-window, docs/performance.md). What moves (the people,
 * the tread, the slider, the chart's marker) follows every frame. */
#define FW_PERIOD_BLEND_TEXT_INTERVAL_US (G_USEC_PER_SEC / 5)

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
