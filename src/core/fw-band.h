/* fw-band.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* MODEL.md's uncertainty band: the 10th, 50th and 90th percentile of
 * customers(t), t = 0..H, over D draws of a scenario's inputs.
 *
 * A band is made for one scenario, horizon, number of draws and seed, and
 * keeps a reference to the scenario, which never changes (fw-model.h), so
 * that it can be computed on any thread while the user goes on editing
 * (an edit makes a new version of the scenario); a window makes a
 * new band on every edit and cancels the one still running (see
 * fw_band_compute_async ()). The same scenario, horizon, draws and seed
 * give the same band bit for bit; a scenario without spreads gives the
 * projection's customers exactly. How the draws are made is in
 * docs/model-notes.md ("The uncertainty band"). */

#define FW_BAND_MIN_DRAWS     1
#define FW_BAND_MAX_DRAWS     100000
#define FW_BAND_DEFAULT_DRAWS 1000
#define FW_BAND_DEFAULT_SEED  1

typedef enum
{
  FW_BAND_P10,
  FW_BAND_P50,
  FW_BAND_P90,
} FwBandLevel;

#define FW_TYPE_BAND (fw_band_get_type ())
G_DECLARE_FINAL_TYPE (FwBand, fw_band, FW, BAND, GObject)

/* @scenario must be valid (fw_validate_scenario ()); it is shared, not
 * copied, so it must not change from now on (fw-model.h).
 * @horizon 1..FW_MAX_HORIZON, @draws FW_BAND_MIN_DRAWS..FW_BAND_MAX_DRAWS,
 * @seed any 64-bit number. */
FwBand       *fw_band_new            (const FwScenario     *scenario,
                                      guint                 horizon,
                                      guint                 draws,
                                      guint64               seed);

/* Computes the band, checking @cancellable between blocks of work (a
 * few milliseconds each); FALSE with G_IO_ERROR_CANCELLED when it was
 * cancelled, the band then stays uncomputed. Not to be called on one band
 * from two threads at once. */
gboolean      fw_band_compute        (FwBand               *band,
                                      GCancellable         *cancellable,
                                      GError              **error);
/* The same on the band's own thread, below the program's priority
 * (a GTask run there, fw-band-thread.h); @callback runs in the calling
 * thread's main context. */
void          fw_band_compute_async  (FwBand               *band,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean      fw_band_compute_finish (FwBand               *band,
                                      GAsyncResult         *result,
                                      GError              **error);

gboolean      fw_band_is_computed    (FwBand               *band);
guint         fw_band_get_horizon    (FwBand               *band);
guint         fw_band_get_draws      (FwBand               *band);
guint64       fw_band_get_seed       (FwBand               *band);

/* horizon + 1 values, one per period; only once computed. */
const double *fw_band_get_customers  (FwBand               *band,
                                      FwBandLevel           level);

/* What computing a band of @draws draws of @scenario over @horizon
 * periods costs, in the units of the projection service's budgets (one
 * stage of one run over one period): each draw's period steps every
 * stage, and then takes part in selecting that period's three
 * percentiles, which costs about as much as twelve stages
 * (docs/performance.md: 1,000 draws of 3 stages over 100,000 periods,
 * about 1.9 s of a core, 1.5e9 of these units). */
guint64       fw_band_cost           (const FwScenario     *scenario,
                                      guint                 horizon,
                                      guint                 draws);

/* MODEL.md's nearest rank of the @percent-th percentile of @draws values
 * (1-based): ceil(percent * draws / 100), and 1 when that is 0. */
guint         fw_band_rank           (guint                 percent,
                                      guint                 draws);

G_END_DECLS
