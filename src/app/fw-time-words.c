/* fw-time-words.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-time-words"

#include <glib/gi18n.h>

#include "fw-time-words.h"

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

char *
fw_time_words_since (GDateTime *when,
                     GDateTime *now)
{
  g_autoptr(GDateTime) yesterday = NULL;
  const char *format;

  g_return_val_if_fail (when != NULL && now != NULL, NULL);

  yesterday = g_date_time_add_days (now, -1);
  /* Translators: when a copy of unsaved work was written, put in a
   * sentence after the work's name: "Unsaved changes to “Acme.flywheel”
   * from today at 14:05 were kept…". Formats as g_date_time_format()
   * reads them; say it as your language says it in a sentence, with the
   * clock your locale uses. */
  if (same_day (when, now))
    format = _("from today at %H:%M");
  else if (yesterday != NULL && same_day (when, yesterday))
    /* Translators: see "from today at %H:%M". */
    format = _("from yesterday at %H:%M");
  else if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: see "from today at %H:%M"; earlier this year, the
     * month by its name (%B: the form a full date uses). */
    format = _("from %-d %B at %H:%M");
  else
    /* Translators: see "from today at %H:%M"; a year before. */
    format = _("from %-d %B %Y");
  return g_date_time_format (when, format);
}
