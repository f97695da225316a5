/* fw-test-client.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-model.h"
#include "fw-templates.h"

G_BEGIN_DECLS

/* A point added to a test's scenario: its name, angle, kind and
 * effects on conversion, churn and referrals; @off, turned off. */
typedef struct
{
  const char  *name;
  double       angle;
  FwPointKind  kind;
  double       c, d, q;
  gboolean     off;
} FwTestPoint;

static inline void
fw_test_add_points (FwScenario        *scenario,
                    const FwTestPoint *points,
                    guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      FwPoint *point = fw_point_new (points[i].name, points[i].angle);

      point->kind = points[i].kind;
      point->conversion = points[i].c;
      point->churn = points[i].d;
      point->referral = points[i].q;
      point->enabled = !points[i].off;
      g_ptr_array_add (scenario->points, point);
    }
}

/* A realistic client wheel (review R5-13's /tmp/r5/client.flywheel):
 * the seven-step sales cycle with 17 points from the catalog added, 22
 * points in all, where each sits on that client's wheel. */
static inline FwProject *
fw_test_client_project (void)
{
  static const FwTestPoint more[] = {
    { "Slow first response", 85.67, FW_POINT_FRICTION, -0.19, 0.007, 0 },
    { "Confusing pricing", 217.41, FW_POINT_FRICTION, -0.21, 0.001, 0 },
    { "Long checkout form", 4.74, FW_POINT_FRICTION, -0.26, 0.005, 0 },
    { "Lost context at hand-offs", 84.36, FW_POINT_FRICTION, -0.3, 0.009, 0 },
    { "No way to leave feedback", 301.13, FW_POINT_FRICTION, -0.17, 0.013, 0 },
    { "Outages and bugs", 54.22, FW_POINT_FRICTION, -0.21, 0.017, 0 },
    { "Surprise price rise at renewal", 188.35, FW_POINT_FRICTION, -0.24, 0.013, 0 },
    { "Many leads but few good ones", 23.05, FW_POINT_FRICTION, -0.24, 0.012, 0 },
    { "Hard onboarding", 170.19, FW_POINT_FRICTION, -0.23, 0.018, 0 },
    { "Two products, two sales teams", 257.09, FW_POINT_FRICTION, -0.28, 0.008, 0 },
    { "No help on the customer's channel", 288.33, FW_POINT_FRICTION, -0.16, 0.019, 0 },
    { "Referral programme with rewards", 316.39, FW_POINT_FORCE, 0.06, 0, 0.05 },
    { "Customer community", 78.12, FW_POINT_FORCE, 0.19, 0, 0.17 },
    { "Reviews and testimonials", 225.59, FW_POINT_FORCE, 0.1, 0, 0.2 },
    { "Useful content and SEO", 138.91, FW_POINT_FORCE, 0.1, 0, 0.23 },
    { "Loyalty rewards", 210.33, FW_POINT_FORCE, 0.19, 0, 0.27 },
    { "Showroom open on Saturdays", 334.42, FW_POINT_FORCE, 0.18, 0, 0.4 },
  };
  FwProject *project = fw_template_create ("sales-cycle", NULL);
  FwScenario *scenario = fw_project_get_scenario (project, 0);

  fw_test_add_points (scenario, more, G_N_ELEMENTS (more));
  g_assert_cmpuint (scenario->points->len, ==, 22);
  return project;
}

G_END_DECLS
