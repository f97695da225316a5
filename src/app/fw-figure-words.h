/* fw-figure-words.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* The words the figures go by wherever they are shown (the figures
 * panel, the compare table), so both say the same. */

/* "24 months", "1 week": the project's horizon in its period unit. */
char *fw_figure_words_span            (const FwProject *project);
/* "Customers after 24 months": customers(H). */
char *fw_figure_words_customers_after (const FwProject *project);
/* "Churn over 24 months" for @figure "Churn": a sum over t = 0..H-1. */
char *fw_figure_words_over_horizon    (const FwProject *project,
                                       const char      *figure);

G_END_DECLS
