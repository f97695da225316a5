/* fw-period-words.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* A count of the project's periods put into words, in the project's own
 * unit (week, month or quarter), for every place that shows one: the
 * window's figures, compare table and presenting view, and the report.
 * They live in render because the report needs them and render must not
 * depend on the app; the app uses these, so both say the same. */

/* "24 months", "1 week". */
char *fw_period_words_span                (FwPeriod period,
                                           guint    count);
/* "Month 5 of 24": where period @period stands in @horizon, as the
 * playback bar, the presenting view and an exported wheel's caption
 * say it. */
char *fw_period_words_position            (FwPeriod period,
                                           guint    at,
                                           guint    horizon);
/* "Customers after 24 months": customers(H). */
char *fw_period_words_customers_after     (FwPeriod period,
                                           guint    horizon);
/* "Customers now and after 24 months": customers(0) → customers(H). */
char *fw_period_words_customers_now_after (FwPeriod period,
                                           guint    horizon);
/* "Churn per month": a flow's @figure, per the project's period; every
 * figure that is a rate says per what (user review, C7). */
char *fw_period_words_per_period          (FwPeriod    period,
                                           const char *figure);
/* "Churn over 24 months" for @figure "Churn": a sum over t = 0..H-1. */
char *fw_period_words_over_horizon        (FwPeriod    period,
                                           guint       horizon,
                                           const char *figure);

G_END_DECLS
