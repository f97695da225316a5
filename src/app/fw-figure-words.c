/* fw-figure-words.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-figure-words"

#include <glib/gi18n.h>

#include "fw-figure-words.h"
#include "fw-point-text.h"

char *
fw_figure_words_span (const FwProject *project)
{
  guint h = project->horizon;

  switch (project->period)
    {
    case FW_PERIOD_WEEK:
      return g_strdup_printf (g_dngettext (NULL, "%u week", "%u weeks", h), h);
    case FW_PERIOD_QUARTER:
      return g_strdup_printf (g_dngettext (NULL, "%u quarter", "%u quarters", h), h);
    case FW_PERIOD_MONTH:
    default:
      return g_strdup_printf (g_dngettext (NULL, "%u month", "%u months", h), h);
    }
}

/* The figures panel's words for the same tile (fw-point-text.c). */
char *
fw_figure_words_customers_after (const FwProject *project)
{
  return fw_point_text_customers_after (project->period, project->horizon);
}

char *
fw_figure_words_over_horizon (const FwProject *project,
                              const char      *figure)
{
  g_autofree char *span = fw_figure_words_span (project);

  /* TRANSLATORS: a figure summed over the horizon, e.g. "Churn over 24
   * months"; the first %s is the figure, the second "24 months". */
  return g_strdup_printf (_("%s over %s"), figure, span);
}
