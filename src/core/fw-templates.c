/* fw-templates.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-templates"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-catalog.h"
#include "fw-error.h"
#include "fw-templates.h"

/* Every number below is illustrative: plausible monthly rates for a small
 * business, chosen so that each wheel visibly turns but is not
 * self-sustaining (loop gain between about 0.5 and 0.75 with the
 * template's points applied) and settles at a customer base well above
 * its starting one. They are not benchmarks; docs/model-notes.md
 * ("Templates") gives the numbers and the reasons for them. */

typedef struct
{
  const char *name;      /* N_(): translated when the stage is made */
  const char *color;
  double      count;
  gboolean    customer;
  double      advance;
  double      loss;
  double      referral;
  double      weight;
} StageSpec;

/* A catalog entry and the stage it is meant for: the angle is worked out
 * from the stage's arc, never written down, so that changing a weight
 * cannot quietly move a point onto a neighbouring stage. */
typedef struct
{
  const char *catalog_id;
  guint       stage;
  /* N_(): the point's note where the catalog's explanation names stages
   * of another wheel ("slows Attract" on the sales cycle's "Generate
   * leads"); NULL keeps the explanation. A template's notes name its own
   * stages only (user review, C1; tests/test-core-templates.c). */
  const char *note;
} PointSpec;

typedef struct
{
  double           inflow;
  const StageSpec *stages;
  guint            n_stages;
  const PointSpec *points;
  guint            n_points;
} TemplateSpec;

/* Attract, engage, delight: the inbound flywheel. Strangers (Attract)
 * become prospects (Engage) and then customers (Delight), whose
 * referrals are the only way the wheel feeds itself. */
static const StageSpec aed_stages[] = {
  { N_("Attract"), "#1c71d8", 2000, FALSE, 0.30, 0.40, 0.00, 1 },
  { N_("Engage"),  "#9141ac",  800, FALSE, 0.30, 0.20, 0.00, 1 },
  { N_("Delight"), "#e66100", 1500, TRUE,  0.00, 0.025, 0.08, 1 },
};

static const PointSpec aed_points[] = {
  { "hard-to-find-in-search", 0 },
  { "cant-try-before-buying", 1,
    N_("No trial, demo or sample, so prospects hesitate to commit at Engage.") },
  { "knowledge-base", 1 },
  { "uncoordinated-email", 2 },
  { "referral-programme", 2 },
};

/* Activate, adopt, adore, advocate: a product-led wheel. Sign-ups who
 * reach value (Activate) start paying (Adopt); the customers who come to
 * love it (Adore) and then champion it (Advocate) refer the most. */
static const StageSpec four_a_stages[] = {
  { N_("Activate"), "#1c71d8", 1200, FALSE, 0.30, 0.40, 0.00, 1 },
  { N_("Adopt"),    "#2190a4",  900, TRUE,  0.20, 0.05, 0.01, 1 },
  { N_("Adore"),    "#26a269", 1200, TRUE,  0.05, 0.03, 0.02, 1 },
  { N_("Advocate"), "#c64600",  300, TRUE,  0.00, 0.03, 0.08, 1 },
};

static const PointSpec four_a_points[] = {
  { "free-trial", 0,
    N_("Sign-ups try the product and buy without waiting for sales; helps Activate.") },
  { "hard-onboarding", 1 },
  { "surprise-renewal-increase", 2,
    N_("Unannounced increases at renewal push customers away and stop referrals; hurts Adore.") },
  { "referral-programme", 3,
    N_("Customers get a reward for each friend who signs up; lifts referrals at Advocate.") },
};

/* The seven-step sales cycle. "Close" holds the people being closed, so
 * they are not customers yet: customers start at "Nurture and delight",
 * and "Referrals" holds the customers who actively refer. Nurture and
 * delight gets a wider arc because customers spend most of their time
 * there and its name is the longest on the rim. */
static const StageSpec sales_stages[] = {
  { N_("Generate leads"),      "#1a5fb4", 1500, FALSE, 0.35, 0.30, 0.00, 1 },
  { N_("Initiate contact"),    "#2190a4",  600, FALSE, 0.45, 0.20, 0.00, 1 },
  { N_("Qualify"),             "#26a269",  400, FALSE, 0.40, 0.30, 0.00, 1 },
  { N_("Pitch"),               "#9141ac",  250, FALSE, 0.50, 0.20, 0.00, 1 },
  { N_("Close"),               "#c01c28",  150, FALSE, 0.50, 0.20, 0.00, 1 },
  { N_("Nurture and delight"), "#e66100",  500, TRUE,  0.08, 0.03, 0.03, 1.5 },
  { N_("Referrals"),           "#e5a50a",  200, TRUE,  0.00, 0.02, 0.10, 1 },
};

static const PointSpec sales_points[] = {
  { "many-poor-leads", 0,
    N_("Marketing brings volume rather than fit, so few leads are worth following up; slows Generate leads.") },
  { "slow-first-response", 1,
    N_("Enquiries wait days for an answer and the prospect moves on; slows Initiate contact.") },
  { "confusing-pricing", 3,
    N_("Prospects can't tell what they would pay, so they put the decision off; slows Pitch.") },
  { "customer-success-team", 5,
    N_("People who check in, spot risk early and help customers grow; cuts churn at Nurture and delight.") },
  { "referral-programme", 6,
    N_("Customers get a reward for each friend who signs up; lifts referrals from the Referrals stage.") },
};

/* Titles and descriptions are N_() here; the table is static, so whoever
 * shows fw_templates_list() translates with _() at display time. */
static const FwTemplateInfo infos[] = {
  { "attract-engage-delight", N_("Attract, engage, delight"),
    N_("The inbound flywheel: strangers become prospects, prospects become customers who refer others.") },
  { "four-a", N_("Activate, adopt, adore, advocate"),
    N_("A product-led wheel: users get value, pay, come to love the product and champion it.") },
  { "sales-cycle", N_("Seven-step sales cycle"),
    N_("A classic sales pipeline, closed into a wheel by delighted customers who bring referrals.") },
};

#define SPEC(inflow, stages, points) \
  { inflow, stages, G_N_ELEMENTS (stages), points, G_N_ELEMENTS (points) }

/* In the order of infos[]. */
static const TemplateSpec specs[] = {
  SPEC (700, aed_stages, aed_points),
  SPEC (600, four_a_stages, four_a_points),
  SPEC (500, sales_stages, sales_points),
};

#undef SPEC

G_STATIC_ASSERT (G_N_ELEMENTS (infos) == G_N_ELEMENTS (specs));

const FwTemplateInfo *
fw_templates_list (guint *n_templates)
{
  g_return_val_if_fail (n_templates != NULL, NULL);

  *n_templates = G_N_ELEMENTS (infos);

  return infos;
}

static FwStage *
stage_from_spec (const StageSpec *spec,
                 guint            index)
{
  FwStage *stage = fw_stage_new (_(spec->name), index);

  g_strlcpy (stage->color, spec->color, sizeof stage->color);
  stage->count = spec->count;
  stage->customer = spec->customer;
  stage->advance = spec->advance;
  stage->loss = spec->loss;
  stage->referral = spec->referral;
  stage->weight = spec->weight;

  return stage;
}

/* Points that share a stage are spread evenly inside its arc (a single
 * point sits in the middle) so that none hides another and none comes
 * near a boundary. */
static double
point_angle (const FwScenario *scenario,
             const PointSpec  *points,
             guint             n_points,
             guint             which)
{
  guint stage = points[which].stage;
  guint rank = 0, n_on_stage = 0;
  double start, end;

  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].stage != stage)
        continue;
      if (i < which)
        rank++;
      n_on_stage++;
    }

  fw_scenario_stage_arc (scenario, stage, &start, &end);

  return start + (end - start) * (rank + 1) / (n_on_stage + 1);
}

static FwScenario *
scenario_from_spec (const TemplateSpec *spec)
{
  FwScenario *scenario = fw_scenario_new (_("Baseline"));

  scenario->inflow = spec->inflow;

  for (guint i = 0; i < spec->n_stages; i++)
    g_ptr_array_add (scenario->stages, stage_from_spec (&spec->stages[i], i));

  for (guint i = 0; i < spec->n_points; i++)
    {
      const FwCatalogEntry *entry = fw_catalog_lookup (spec->points[i].catalog_id);
      FwPoint *point;
      double angle;

      g_assert (entry != NULL);
      g_assert (spec->points[i].stage < spec->n_stages);

      angle = point_angle (scenario, spec->points, spec->n_points, i);
      g_assert (fw_scenario_stage_at_angle (scenario, angle) == spec->points[i].stage);

      point = fw_catalog_entry_to_point (entry, angle);
      if (spec->points[i].note != NULL)
        {
          g_free (point->note);
          point->note = g_strdup (_(spec->points[i].note));
        }
      g_ptr_array_add (scenario->points, point);
    }

  return scenario;
}

static char *
known_ids (void)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, infos[i].id);
    }

  return g_string_free (ids, FALSE);
}

static int
find_template (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    {
      if (strcmp (infos[i].id, id) == 0)
        return (int) i;
    }

  return -1;
}

FwProject *
fw_template_create (const char  *id,
                    GError     **error)
{
  FwProject *project;
  int index;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  index = find_template (id);
  if (index < 0)
    {
      g_autofree char *ids = known_ids ();

      g_set_error (error, FW_ERROR, FW_ERROR_NOT_FOUND,
                   "template: no template \"%s\"; known templates are %s",
                   id, ids);
      return NULL;
    }

  project = fw_project_new (_(infos[index].title));
  project->period = FW_PERIOD_MONTH;
  project->horizon = 24;
  g_ptr_array_add (project->scenarios, scenario_from_spec (&specs[index]));

  return project;
}
