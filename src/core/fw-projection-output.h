/* fw-projection-output.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-engine.h"

G_BEGIN_DECLS

/* The two outputs of `simulate` exactly as MODEL.md writes them. Not finite
 * figures are an empty CSV field and a JSON null. @projection must have
 * been run on @scenario. */
char *fw_projection_to_csv  (const FwProjection *projection,
                             const FwScenario   *scenario);
char *fw_projection_to_json (const FwProjection *projection,
                             const FwProject    *project,
                             const FwScenario   *scenario);

G_END_DECLS
