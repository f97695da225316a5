/* fw-point-places.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* Where each point of a scenario sits in terms a user thinks in: on which
 * stage, and how far along that stage's arc (0 at its start, 1 at its
 * end). Captured before the arcs change and restored after, it keeps
 * every point on its stage at the same relative place when stages grow,
 * shrink, appear, disappear or move. */
typedef struct _FwPointPlaces FwPointPlaces;

FwPointPlaces *fw_point_places_capture (const FwScenario *scenario);
/* Puts the points back: point k goes to stage @stage_map[its old stage]
 * at the same fraction of that arc, or is removed when the map says -1;
 * a %NULL map keeps every point on the stage of the same index.
 * Points whose arcs did not change keep their angle exactly. */
void           fw_point_places_restore (FwPointPlaces    *places,
                                        FwScenario       *scenario,
                                        const int        *stage_map);
void           fw_point_places_free    (FwPointPlaces    *places);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwPointPlaces, fw_point_places_free)

G_END_DECLS
