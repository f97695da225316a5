/* fw-lanes.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-lanes"

#include "fw-engine-private.h"

/* The period equations of MODEL.md over FW_LANES independent runs at
 * once: the impact runs of fw-engine.c and the draws of fw-band.c. Every
 * expression is the one fw-engine.c's compute_flows () and step () form,
 * with the same operands in the same order, so a lane whose inputs are
 * the projection's reproduces its numbers bit for bit. */

void
fw_customer_stages_init (FwCustomerStages *customers,
                         const gboolean   *customer,
                         guint             n_stages)
{
  customers->n = 0;
  for (guint i = 0; i < n_stages; i++)
    if (customer[i])
      customers->stages[customers->n++] = i;
}

void
fw_lanes_set (FwLanes       *lanes,
              guint          lane,
              guint          n_stages,
              const FwRates *rates,
              double         inflow,
              const double  *counts)
{
  g_assert (lane < FW_LANES);

  for (guint i = 0; i < n_stages; i++)
    {
      lanes->advance[i][lane] = rates[i].advance;
      lanes->loss[i][lane] = rates[i].loss;
      lanes->referral[i][lane] = rates[i].referral;
      lanes->counts[i][lane] = counts[i];
    }
  lanes->inflow[lane] = inflow;
}

/* sum over the customer stages of N_i, from 0 in ascending order, as
 * the projection's sum_customers () adds them. */
void
fw_lanes_customers (const FwLanes          *lanes,
                    const FwCustomerStages *customer_stages,
                    double                 *customers)
{
  double sum[FW_LANES] = { 0.0 };

  for (guint c = 0; c < customer_stages->n; c++)
    {
      const double *counts = lanes->counts[customer_stages->stages[c]];

      for (guint j = 0; j < FW_LANES; j++)
        sum[j] += counts[j];
    }
  for (guint j = 0; j < FW_LANES; j++)
    customers[j] = sum[j];
}

/* The state is updated in place: stage i needs the old count of stage
 * i - 1, so the stages are stepped from the last to the second, and
 * stage 0, which needs R(t) of the old state, last. */
void
fw_lanes_run (FwLanes                *lanes,
              guint                   n_stages,
              const FwCustomerStages *customer_stages,
              guint                   steps,
              double                 *customers,
              gsize                   stride)
{
  double (*restrict counts)[FW_LANES] = lanes->counts;
  const double (*restrict advance)[FW_LANES] = (const double (*)[FW_LANES]) lanes->advance;
  const double (*restrict loss)[FW_LANES] = (const double (*)[FW_LANES]) lanes->loss;
  const double (*restrict referral)[FW_LANES] = (const double (*)[FW_LANES]) lanes->referral;
  const double *restrict inflow = lanes->inflow;

  for (guint s = 0; s < steps; s++)
    {
      double referrals[FW_LANES] = { 0.0 };

      if (customers != NULL)
        fw_lanes_customers (lanes, customer_stages, customers + s * stride);

      for (guint i = 0; i < n_stages; i++)
        for (guint j = 0; j < FW_LANES; j++)
          referrals[j] += referral[i][j] * counts[i][j];

      for (guint i = n_stages - 1; i >= 1; i--)
        for (guint j = 0; j < FW_LANES; j++)
          counts[i][j] = counts[i][j] - advance[i][j] * counts[i][j]
                         - loss[i][j] * counts[i][j]
                         + advance[i - 1][j] * counts[i - 1][j];

      for (guint j = 0; j < FW_LANES; j++)
        counts[0][j] = counts[0][j] - advance[0][j] * counts[0][j]
                       - loss[0][j] * counts[0][j] + inflow[j] + referrals[j];
    }
}
