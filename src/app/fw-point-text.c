/* fw-point-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-display-number.h"
#include "fw-period-words.h"
#include "fw-point-text.h"

char *
fw_point_text_place (FwPointKind  kind,
                     const char  *stage_name)
{
  g_return_val_if_fail (stage_name != NULL, NULL);

  if (kind == FW_POINT_FORCE)
    /* Translators: a force and the stage it sits on */
    return g_strdup_printf (_("Force on %s"), stage_name);

  /* Translators: a friction point and the stage it sits on */
  return g_strdup_printf (_("Friction on %s"), stage_name);
}

const char *
fw_point_text_period (FwPeriod period)
{
  switch (period)
    {
    case FW_PERIOD_WEEK:    return _("week");
    case FW_PERIOD_QUARTER: return _("quarter");
    case FW_PERIOD_MONTH:
    default:                return _("month");
    }
}

char *
fw_point_text_per_period (FwPeriod    period,
                          const char *name)
{
  return fw_period_words_per_period (period, name);
}

/* "+20%" or "−2.5%"; U+2212 MINUS SIGN as fw_display_change() writes it. */
static char *
signed_percent (double fraction)
{
  g_autofree char *size = fw_display_percent (fabs (fraction));

  return g_strconcat (fraction > 0 ? "+" : "−", size, NULL);
}

char *
fw_point_text_effects (double conversion,
                       double churn,
                       double referral)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (conversion != 0.0)
    {
      g_autofree char *change = signed_percent (conversion);

      /* Translators: %s is a relative change such as "−20%" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s conversion"), change));
    }
  if (churn != 0.0)
    {
      g_autofree char *size = fw_display_count (fabs (churn) * 100.0);

      /* Translators: percentage points of churn, e.g. "+1.5 pts churn" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s%s pts churn"), churn > 0 ? "+" : "−", size));
    }
  if (referral != 0.0)
    {
      g_autofree char *change = signed_percent (referral);

      /* Translators: %s is a relative change such as "+50%" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s referrals"), change));
    }
  if (parts->len == 0)
    return g_strdup (_("No effect"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

char *
fw_point_text_impact (const FwProject *project,
                      gboolean         enabled,
                      double           impact)
{
  g_autofree char *change = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (project != NULL, NULL);

  change = fw_display_change (impact);
  switch (project->period)
    {
    case FW_PERIOD_WEEK:
      words = g_strdup_printf (_("%s customers by week %u"), change, project->horizon);
      break;
    case FW_PERIOD_QUARTER:
      words = g_strdup_printf (_("%s customers by quarter %u"), change, project->horizon);
      break;
    case FW_PERIOD_MONTH:
    default:
      words = g_strdup_printf (_("%s customers by month %u"), change, project->horizon);
      break;
    }

  if (enabled)
    return g_steal_pointer (&words);

  /* Translators: the impact a disabled point would have */
  return g_strdup_printf (_("Off: would be %s"), words);
}

char *
fw_point_text_against (const FwPoint *point)
{
  gboolean friction;
  g_autoptr(GPtrArray) what = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (point != NULL, NULL);

  if (!fw_point_works_against_kind (point))
    return NULL;

  /* What it does the wrong way round for its kind. */
  friction = point->kind == FW_POINT_FRICTION;
  what = g_ptr_array_new ();
  if (friction ? point->conversion > 0.0 : point->conversion < 0.0)
    g_ptr_array_add (what, friction ? _("improves conversion") : _("worsens conversion"));
  if (friction ? point->churn < 0.0 : point->churn > 0.0)
    g_ptr_array_add (what, friction ? _("cuts churn") : _("adds to churn"));
  if (friction ? point->referral > 0.0 : point->referral < 0.0)
    g_ptr_array_add (what, friction ? _("raises referrals") : _("cuts referrals"));
  g_ptr_array_add (what, NULL);
  /* Translators: joins what a point does: "improves conversion, cuts churn" */
  list = g_strjoinv (_(", "), (char **) what->pdata);

  return friction
    ? g_strdup_printf (_("This friction helps: it %s. Type how much worse it makes things, or make it a force."), list)
    : g_strdup_printf (_("This force hurts: it %s. Type how much better it makes things, or make it a friction."), list);
}

/* The points that make a stage's rates differ from its fields: those on
 * it, switched on, that change its conversion or its churn (MODEL.md). */
static guint
count_rate_points (const FwScenario *scenario,
                   guint             stage)
{
  guint n_points = 0;

  for (guint k = 0; k < scenario->points->len; k++)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, k);

      if (point->enabled && (point->conversion != 0.0 || point->churn != 0.0) &&
          fw_scenario_stage_at_angle (scenario, point->angle) == stage)
        n_points++;
    }

  return n_points;
}

/* Whether the rates used show otherwise than the rates typed. */
static gboolean
shown_otherwise (const FwStage *entered,
                 double         advance,
                 double         loss)
{
  g_autofree char *shown_advance = fw_display_percent (advance);
  g_autofree char *shown_loss = fw_display_percent (loss);
  g_autofree char *entered_advance = fw_display_percent (entered->advance);
  g_autofree char *entered_loss = fw_display_percent (entered->loss);

  return !g_str_equal (shown_advance, entered_advance) || !g_str_equal (shown_loss, entered_loss);
}

/* "its 2 points", "its point": the same words after "before" and after
 * "With" (German and French too: "seinen 2 Punkten", "ses 2 points"). */
static char *
its_points (const FwScenario *scenario,
            guint             stage)
{
  guint n_points = count_rate_points (scenario, stage);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a stage's friction points and forces, in
                                        * "20% and 5% before its 2 points" and "With its 2 points: …" */
                                       "its point", "its %u points", n_points),
                          n_points);
}

char *
fw_point_text_before_points (const FwScenario *scenario,
                             guint             stage,
                             double            advance,
                             double            loss)
{
  const FwStage *entered = fw_scenario_get_stage (scenario, stage);
  g_autofree char *entered_advance = NULL;
  g_autofree char *entered_loss = NULL;
  g_autofree char *points = NULL;

  if (!shown_otherwise (entered, advance, loss))
    return NULL;

  entered_advance = fw_display_percent (entered->advance);
  entered_loss = fw_display_percent (entered->loss);
  points = its_points (scenario, stage);
  /* Translators: under a stage's rates with its points applied: the
   * advance and drop-off typed in its fields, "20% and 5% before its 2 points" */
  return g_strdup_printf (_("%s and %s before %s"), entered_advance, entered_loss, points);
}

char *
fw_point_text_with_points (const FwScenario *scenario,
                           guint             stage,
                           double            advance,
                           double            loss,
                           const char       *period)
{
  g_autofree char *shown_advance = NULL;
  g_autofree char *shown_loss = NULL;
  g_autofree char *points = NULL;

  if (!shown_otherwise (fw_scenario_get_stage (scenario, stage), advance, loss))
    return NULL;

  shown_advance = fw_display_percent (advance);
  shown_loss = fw_display_percent (loss);
  points = its_points (scenario, stage);
  /* Translators: under a stage's fields, the rates the projection uses:
   * "With its 2 points: 12% move on, 8% lost per month" */
  return g_strdup_printf (_("With %s: %s move on, %s lost per %s"), points, shown_advance, shown_loss, period);
}
