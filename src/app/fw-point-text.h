/* fw-point-text.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* How a point is put into words in the wheel's tooltips, its accessible
 * description and the point editor, worded as the catalog palette and
 * the point list word it. The numbers come from the model and the
 * engine; these only present them. */

/* "Friction on Engage" or "Force on Engage". */
char       *fw_point_text_place    (FwPointKind      kind,
                                    const char      *stage_name);
/* "month": the period a rate or a flow is counted in. */
const char *fw_point_text_period   (FwPeriod         period);
/* "Churn per month": a figure's @name, per the project's period. */
char       *fw_point_text_per_period (FwPeriod       period,
                                    const char      *name);
/* "−20% conversion · +1.5 pts churn · +50% referrals", or "No effect":
 * conversion and referral are relative changes, churn an absolute change
 * of the loss rate in percentage points. */
char       *fw_point_text_effects  (double           conversion,
                                    double           churn,
                                    double           referral);
/* "−42 customers by month 24"; for a disabled point "Off: would be …". */
char       *fw_point_text_impact   (const FwProject *project,
                                    gboolean         enabled,
                                    double           impact);

/* For a point whose effects work against its kind
 * (fw_point_works_against_kind()), what it does instead, in a sentence:
 * "This friction helps: it improves conversion. Type how much worse it
 * makes things, or make it a force."; NULL for any other point. */
char       *fw_point_text_against  (const FwPoint   *point);

/* "20% and 5% before its 2 points": a stage's advance and drop-off as
 * typed in its fields, when its points make the rates the projection
 * uses (@advance, @loss) show otherwise; NULL when they show the same.
 * The wheel's tooltip gives the rates used, and said without this the
 * fields beside it seemed to contradict it (user review, R5-26). */
char       *fw_point_text_before_points (const FwScenario *scenario,
                                         guint             stage,
                                         double            advance,
                                         double            loss);
/* "With its 2 points: 12% move on, 8% lost per month": under a stage's
 * fields, the rates the projection uses when they show otherwise than
 * the fields; NULL when they show the same. */
char       *fw_point_text_with_points (const FwScenario *scenario,
                                       guint             stage,
                                       double            advance,
                                       double            loss,
                                       const char       *period);

G_END_DECLS
