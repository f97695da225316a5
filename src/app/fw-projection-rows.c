/* fw-projection-rows.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-projection-rows"

#include <math.h>

#include "fw-projection-rows.h"

/* A row ------------------------------------------------------------------ */

struct _FwProjectionRow
{
  GObject parent_instance;
  guint   period;
  double  values[FW_CHART_N_SERIES];
  double  likely_from, likely_to;   /* the band's 10th and 90th percentiles, or NAN */
};

G_DEFINE_FINAL_TYPE (FwProjectionRow, fw_projection_row, G_TYPE_OBJECT)

static void
fw_projection_row_class_init (FwProjectionRowClass *klass)
{
}

static void
fw_projection_row_init (FwProjectionRow *self)
{
}

guint
fw_projection_row_get_period (FwProjectionRow *row)
{
  g_return_val_if_fail (FW_IS_PROJECTION_ROW (row), 0);
  return row->period;
}

double
fw_projection_row_get_value (FwProjectionRow *row,
                             FwChartSeries    series)
{
  g_return_val_if_fail (FW_IS_PROJECTION_ROW (row), 0.0);
  g_return_val_if_fail (series < FW_CHART_N_SERIES, 0.0);
  return row->values[series];
}

double
fw_projection_row_get_likely (FwProjectionRow *row,
                              FwBandLevel      level)
{
  g_return_val_if_fail (FW_IS_PROJECTION_ROW (row), NAN);
  g_return_val_if_fail (level == FW_BAND_P10 || level == FW_BAND_P90, NAN);
  return level == FW_BAND_P10 ? row->likely_from : row->likely_to;
}

/* The model -------------------------------------------------------------- */

struct _FwProjectionRows
{
  GObject    parent_instance;
  FwSession *session;
  guint      chosen;      /* a scenario, or FW_PROJECTION_ROWS_CURRENT */
  guint      n_items;
};

static void fw_projection_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FwProjectionRows, fw_projection_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      fw_projection_rows_list_model_init))

static gboolean
is_shown (FwSession *session,
          guint      scenario)
{
  guint n_shown;
  const guint *shown = fw_session_get_shown (session, &n_shown);

  for (guint i = 0; i < n_shown; i++)
    if (shown[i] == scenario)
      return TRUE;
  return FALSE;
}

guint
fw_projection_rows_get_scenario (FwProjectionRows *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_ROWS (self), 0);

  if (self->session == NULL)
    return 0;
  if (self->chosen != FW_PROJECTION_ROWS_CURRENT && is_shown (self->session, self->chosen))
    return self->chosen;
  return fw_session_get_scenario_index (self->session);
}

static const FwProjection *
get_projection (FwProjectionRows *self)
{
  return fw_projection_service_get (fw_session_get_projections (self->session),
                                    fw_projection_rows_get_scenario (self));
}

/* The band of the scenario given, once complete for its horizon; NULL
 * while it is worked out, or when the scenario has no spreads. */
static FwBand *
get_band (FwProjectionRows *self)
{
  const FwProjection *projection = get_projection (self);
  FwBand *band;

  if (projection == NULL)
    return NULL;
  band = fw_projection_service_get_band (fw_session_get_projections (self->session),
                                         fw_projection_rows_get_scenario (self));
  if (band == NULL || fw_band_get_horizon (band) != fw_projection_get_horizon (projection))
    return NULL;
  return band;
}

gboolean
fw_projection_rows_has_band (FwProjectionRows *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_ROWS (self), FALSE);
  return self->session != NULL && get_band (self) != NULL;
}

static GType
fw_projection_rows_get_item_type (GListModel *model)
{
  return FW_TYPE_PROJECTION_ROW;
}

static guint
fw_projection_rows_get_n_items (GListModel *model)
{
  return FW_PROJECTION_ROWS (model)->n_items;
}

static gpointer
fw_projection_rows_get_item (GListModel *model,
                             guint       position)
{
  FwProjectionRows *self = FW_PROJECTION_ROWS (model);
  const FwProjection *projection;
  const FwFigures *figures;
  FwProjectionRow *row;
  FwBand *band;

  if (position >= self->n_items)
    return NULL;
  projection = get_projection (self);
  if (projection == NULL || position > fw_projection_get_horizon (projection))
    return NULL;

  figures = fw_projection_get_figures (projection, position);
  row = g_object_new (FW_TYPE_PROJECTION_ROW, NULL);
  row->period = position;
  /* The chart's series, from the same figures (fw-chart-data.c). */
  row->values[FW_CHART_CUSTOMERS] = figures->customers;
  row->values[FW_CHART_NEW_CUSTOMERS] = figures->new_customers;
  row->values[FW_CHART_CHURN] = figures->churn;
  row->values[FW_CHART_REFERRALS] = figures->referrals;
  row->values[FW_CHART_MOMENTUM] = figures->momentum;
  band = get_band (self);
  row->likely_from = band != NULL ? fw_band_get_customers (band, FW_BAND_P10)[position] : NAN;
  row->likely_to = band != NULL ? fw_band_get_customers (band, FW_BAND_P90)[position] : NAN;
  return row;
}

static void
fw_projection_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fw_projection_rows_get_item_type;
  iface->get_n_items = fw_projection_rows_get_n_items;
  iface->get_item = fw_projection_rows_get_item;
}

static guint
count_rows (FwProjectionRows *self)
{
  const FwProjection *projection;

  if (self->session == NULL)
    return 0;
  projection = get_projection (self);
  return projection != NULL ? fw_projection_get_horizon (projection) + 1 : 0;
}

/* Every row may have changed: the rows on show are asked for again. */
static void
refresh (FwProjectionRows *self)
{
  guint removed = self->n_items;

  self->n_items = count_rows (self);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

static void
on_session_changed (FwProjectionRows *self,
                    const FwChange   *change)
{
  guint current = fw_projection_rows_get_scenario (self);

  /* The points' impacts arriving, or another scenario's edit, change
   * none of the figures of the scenario given. */
  if ((change->flags & (FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN)) == 0 &&
      ((change->flags & FW_CHANGE_RESULTS) != 0 || !fw_change_touches (change, current)))
    return;
  refresh (self);
}

/* The band arrives after the edit that started it, off the main loop:
 * the rows of its scenario are asked for again with it. */
static void
on_band_ready (FwProjectionRows *self,
               guint             scenario)
{
  if (scenario == fw_projection_rows_get_scenario (self))
    refresh (self);
}

void
fw_projection_rows_set_session (FwProjectionRows *self,
                                FwSession        *session)
{
  g_return_if_fail (FW_IS_PROJECTION_ROWS (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (fw_session_get_projections (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (fw_session_get_projections (session), "band-ready",
                               G_CALLBACK (on_band_ready), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

void
fw_projection_rows_set_scenario (FwProjectionRows *self,
                                 guint             scenario)
{
  guint before;

  g_return_if_fail (FW_IS_PROJECTION_ROWS (self));

  before = fw_projection_rows_get_scenario (self);
  self->chosen = scenario;
  if (fw_projection_rows_get_scenario (self) != before)
    refresh (self);
}

static void
fw_projection_rows_dispose (GObject *object)
{
  FwProjectionRows *self = FW_PROJECTION_ROWS (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (fw_session_get_projections (self->session), self);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_projection_rows_parent_class)->dispose (object);
}

static void
fw_projection_rows_class_init (FwProjectionRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fw_projection_rows_dispose;
}

static void
fw_projection_rows_init (FwProjectionRows *self)
{
  self->chosen = FW_PROJECTION_ROWS_CURRENT;
}

FwProjectionRows *
fw_projection_rows_new (void)
{
  return g_object_new (FW_TYPE_PROJECTION_ROWS, NULL);
}
