/* fw-figure-words.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-figure-words"

#include <glib/gi18n.h>

#include "fw-figure-words.h"
#include "fw-period-words.h"

char *
fw_figure_words_span (const FwProject *project)
{
  return fw_period_words_span (project->period, project->horizon);
}

/* The report says the same (src/render/fw-period-words.c). */
char *
fw_figure_words_customers_after (const FwProject *project)
{
  return fw_period_words_customers_after (project->period, project->horizon);
}

char *
fw_figure_words_over_horizon (const FwProject *project,
                              const char      *figure)
{
  return fw_period_words_over_horizon (project->period, project->horizon, figure);
}
