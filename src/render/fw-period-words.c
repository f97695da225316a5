/* fw-period-words.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-period-words"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-period-words.h"

/* Each phrase is written out whole for each unit (not "%u %s" with the
 * unit's name put in): languages inflect the noun with the count and
 * with the sentence around it ("nach 24 Monaten", "24 Monate"). */

char *
fw_period_words_span (FwPeriod period,
                      guint    count)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", count), count);
    case FW_PERIOD_QUARTER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quarter", "%u quarters", count), count);
    case FW_PERIOD_MONTH:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", count), count);
    }
}

char *
fw_period_words_position (FwPeriod period,
                          guint    at,
                          guint    horizon)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:
      /* Translators: the period slider's value, and an exported wheel's caption: "Week 5 of 24" */
      return g_strdup_printf (_("Week %u of %u"), at, horizon);
    case FW_PERIOD_QUARTER:
      /* Translators: the period slider's value, and an exported wheel's caption: "Quarter 5 of 24" */
      return g_strdup_printf (_("Quarter %u of %u"), at, horizon);
    case FW_PERIOD_MONTH:
    default:
      /* Translators: the period slider's value, and an exported wheel's caption: "Month 5 of 24" */
      return g_strdup_printf (_("Month %u of %u"), at, horizon);
    }
}

char *
fw_period_words_customers_after (FwPeriod period,
                                 guint    h)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers after %u week",
                                           "Customers after %u weeks", h), h);
    case FW_PERIOD_QUARTER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers after %u quarter",
                                           "Customers after %u quarters", h), h);
    case FW_PERIOD_MONTH:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers after %u month",
                                           "Customers after %u months", h), h);
    }
}

char *
fw_period_words_customers_now_after (FwPeriod period,
                                     guint    h)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers now and after %u week",
                                           "Customers now and after %u weeks", h), h);
    case FW_PERIOD_QUARTER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers now and after %u quarter",
                                           "Customers now and after %u quarters", h), h);
    case FW_PERIOD_MONTH:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customers now and after %u month",
                                           "Customers now and after %u months", h), h);
    }
}

char *
fw_period_words_per_period (FwPeriod    period,
                            const char *figure)
{
  /* TRANSLATORS: %s is a figure's name, such as "Churn". */
  static const char *per_period[] = { N_("%s per week"), N_("%s per month"), N_("%s per quarter") };

  return g_strdup_printf (_(per_period[MIN ((guint) period, G_N_ELEMENTS (per_period) - 1)]), figure);
}

char *
fw_period_words_over_horizon (FwPeriod    period,
                              guint       horizon,
                              const char *figure)
{
  g_autofree char *span = fw_period_words_span (period, horizon);

  /* TRANSLATORS: a figure summed over the horizon, e.g. "Churn over 24
   * months"; the first %s is the figure, the second "24 months". */
  return g_strdup_printf (_("%s over %s"), figure, span);
}
