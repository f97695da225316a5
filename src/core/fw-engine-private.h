/* fw-engine-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-engine.h"

G_BEGIN_DECLS

/* What the projection (fw-engine.c) and the band (fw-band.c) share, so
 * that both evaluate MODEL.md's formulas with the same code in the same
 * order: a band without spreads is then the projection's figure, bit for
 * bit. Nothing outside src/core includes this. */

/* MODEL.md's effective rates of stage @stage (of @n_stages) from its base
 * rates @base and the points that count on it, @points, in input order.
 * The products are taken factor by factor from the base rate, and a zero
 * factor makes them exactly zero even when other factors overflowed
 * (1000 points of +10 is 11^1000): 0 * inf would be nan. */
void fw_effective_rates (const FwRates        *base,
                         const FwPoint * const *points,
                         guint                  n_points,
                         guint                  stage,
                         guint                  n_stages,
                         FwRates               *rates);

/* Runs of the period equations side by side, FW_LANES at a time, lanes
 * innermost so that the compiler uses vector instructions (core builds
 * with -O3, never -ffast-math). Each lane performs exactly the operations
 * of the projection's period step, in the same order. */
#define FW_LANES 16

typedef struct
{
  double advance[FW_MAX_STAGES][FW_LANES];  /* a*_i */
  double loss[FW_MAX_STAGES][FW_LANES];     /* l*_i */
  double referral[FW_MAX_STAGES][FW_LANES]; /* r*_i */
  double counts[FW_MAX_STAGES][FW_LANES];   /* N_i(t) */
  double inflow[FW_LANES];                  /* E */
} FwLanes;

/* The stages whose people are customers, ascending: the order in which
 * the projection sums customers(t). */
typedef struct
{
  guint n;
  guint stages[FW_MAX_STAGES];
} FwCustomerStages;

void fw_customer_stages_init (FwCustomerStages *customers,
                              const gboolean   *customer,
                              guint             n_stages);

void fw_lanes_set       (FwLanes        *lanes,
                         guint           lane,
                         guint           n_stages,
                         const FwRates  *rates,
                         double          inflow,
                         const double   *counts);

/* @steps periods: each writes customers(t) of every lane to
 * @customers[s * @stride + lane] (unless @customers is NULL) and then
 * steps the state to t + 1. */
void fw_lanes_run       (FwLanes                *lanes,
                         guint                   n_stages,
                         const FwCustomerStages *customer_stages,
                         guint                   steps,
                         double                 *customers,
                         gsize                   stride);

/* customers(t) of the current state, FW_LANES values. */
void fw_lanes_customers (const FwLanes          *lanes,
                         const FwCustomerStages *customer_stages,
                         double                 *customers);

G_END_DECLS
