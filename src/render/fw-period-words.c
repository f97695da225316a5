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
