/* fw-projection-output.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-band.h"
#include "fw-engine.h"

G_BEGIN_DECLS

/* The outputs of `simulate` and `compare` exactly as MODEL.md writes
 * them. Not finite figures are an empty CSV field and a JSON null.
 * @projection must have been run on @scenario. A computed @band of the
 * same horizon adds customers_p10, customers_p50 and customers_p90 to
 * every row (`simulate --draws`); NULL adds nothing. */
char *fw_projection_to_csv          (const FwProjection *projection,
                                     const FwScenario   *scenario,
                                     FwBand             *band);
char *fw_projection_to_json         (const FwProjection *projection,
                                     const FwProject    *project,
                                     const FwScenario   *scenario,
                                     FwBand             *band);
/* `simulate --format summary`: the JSON object without "rows". */
char *fw_projection_to_summary_json (const FwProjection *projection,
                                     const FwProject    *project,
                                     const FwScenario   *scenario);

/* `compare`: the summary of every scenario of @project, in file order;
 * @summaries[i] is the summary of scenario i. */
char *fw_summaries_to_csv           (const FwProject    *project,
                                     const FwSummary * const *summaries);
char *fw_summaries_to_json          (const FwProject    *project,
                                     const FwSummary * const *summaries);

G_END_DECLS
