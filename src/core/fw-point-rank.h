/* fw-point-rank.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-engine.h"
#include "fw-model.h"

G_BEGIN_DECLS

/* "What to fix first": the order the window's list sorted by impact and
 * the report's ranking both give @scenario's points, by @projection's
 * impacts (customers at the horizon). Frictions before forces, each by
 * its kind as the user set it; the frictions costliest first (the most
 * negative impact), then the forces strongest first (the most positive);
 * an impact not worked out yet, or not finite, after all the others;
 * ties in the order added. A qsort-style result for points @a and @b. */
int fw_point_rank_compare (const FwScenario   *scenario,
                           const FwProjection *projection,
                           guint               a,
                           guint               b);

G_END_DECLS
