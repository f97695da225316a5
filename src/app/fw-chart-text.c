/* fw-chart-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart-text.h"
#include "fw-display-number.h"

char *
fw_chart_text_period (FwChartCanvas *canvas,
                      guint          period)
{
  g_autofree char *title = fw_chart_canvas_dup_period_title (canvas);

  /* TRANSLATORS: the chart's marker, e.g. "Month 12" */
  return g_strdup_printf (_("%s %u"), title, period);
}

char *
fw_chart_text_shorten (const char *name,
                       guint       max_chars)
{
  glong length = g_utf8_strlen (name, -1);
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  glong keep;

  if (length <= (glong) max_chars || max_chars < 3)
    return g_strdup (name);
  /* The ellipsis takes one; the start, which names the plan, the more. */
  keep = (glong) max_chars - 1;
  head = g_utf8_substring (name, 0, (keep + 1) / 2);
  tail = g_utf8_substring (name, length - keep / 2, length);
  return g_strconcat (g_strchomp (head), "…", g_strchug (tail), NULL);
}

/* "Customers 1,234, New customers per month 56, …" for scenario @i. */
static void
append_values (GString            *text,
               const FwChartHover *values,
               guint               i,
               FwPeriod            unit)
{
  gboolean first = TRUE;

  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    {
      g_autofree char *number = NULL;
      g_autofree char *caption = NULL;

      if (isnan (values->values[i][s]))
        continue;
      number = fw_display_count (values->values[i][s]);
      caption = fw_chart_series_caption (s, unit);
      if (!first)
        g_string_append (text, _(", "));
      /* TRANSLATORS: a series and its value, e.g. "Churn 12" */
      g_string_append_printf (text, _("%s %s"), caption, number);
      first = FALSE;
    }
  if (!isnan (values->band[i][0]))
    {
      g_autofree char *low = fw_display_count (values->band[i][0]);
      g_autofree char *high = fw_display_count (values->band[i][2]);

      if (!first)
        g_string_append (text, _(", "));
      /* TRANSLATORS: the band of customers at a period, e.g.
       * "customers likely between 1,100 and 1,400" */
      g_string_append_printf (text, _("customers likely between %s and %s"), low, high);
    }
}

char *
fw_chart_text_describe (FwChartCanvas *canvas,
                        guint          period)
{
  g_autofree char *title = fw_chart_text_period (canvas, period);
  FwChartHover values;
  GString *text;

  if (!fw_chart_canvas_get_values (canvas, period, &values))
    return g_steal_pointer (&title);

  text = g_string_new (title);
  if (values.n_scenarios == 1)
    {
      g_string_append (text, _(": "));
      append_values (text, &values, 0, fw_chart_canvas_get_period_unit (canvas));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < values.n_scenarios; i++)
    {
      g_string_append (text, _(". "));
      g_string_append (text, fw_chart_canvas_get_scenario_name (canvas, i));
      g_string_append (text, _(": "));
      append_values (text, &values, i, fw_chart_canvas_get_period_unit (canvas));
    }
  return g_string_free (text, FALSE);
}
