/* fw-projection-service.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-projection-service"

#include "fw-projection-service.h"

#include "fw-engine-private.h"

/* One scenario on show. */
typedef struct
{
  guint         scenario;
  guint         id;           /* tells this slot from a later one for the same scenario */
  FwProjection *projection;
  /* Bumped by every recompute: a job's result counts only if the slot's
   * generation is still the one it was started for. */
  guint         generation;
  gboolean      running;      /* a job is in a thread for this slot */
  GCancellable *cancellable;  /* the running job's */

  /* The band, on the same pattern with its own generation (another
   * number of draws restarts the band, not the impacts). */
  FwBand       *band;         /* computed from the document as it is, or NULL */
  guint         band_generation;
  gboolean      band_running;
  GCancellable *band_cancellable;
  /* A long band waits for the edits to pause (band_wait_over ()): the
   * timeout that starts it, or 0. */
  GSource      *band_wait;
  FwProjectionService *service;
} Slot;

struct _FwProjectionService
{
  GObject     parent_instance;

  FwDocument *document;
  GPtrArray  *slots;          /* of Slot*, in the order shown */
  guint       next_id;
  guint64     sync_budget;
  guint       band_draws;
  guint64     band_seed;
  guint64     band_pause_cost;
  guint       band_pause_ms;
  guint       band_runs;      /* band jobs started, for tests and benchmarks */
};

G_DEFINE_FINAL_TYPE (FwProjectionService, fw_projection_service, G_TYPE_OBJECT)

enum {
  COMPLETED,
  BAND_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a job works from: a reference to the scenario, since the
 * document may let go of it (an undo step dropped) while the thread
 * reads it. Versions never change what they share (fw-model.h), so the
 * thread reads it without a copy. */
typedef struct
{
  FwScenario *scenario;
  guint       horizon;
  guint       slot_id;
  guint       generation;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  fw_scenario_unref (job->scenario);
  g_free (job);
}

/* A long band waiting for the edits to pause no longer waits. */
static void
stop_band_wait (Slot *slot)
{
  if (slot->band_wait == NULL)
    return;
  g_source_destroy (slot->band_wait);
  g_clear_pointer (&slot->band_wait, g_source_unref);
}

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  if (slot->cancellable != NULL)
    g_cancellable_cancel (slot->cancellable);
  g_clear_object (&slot->cancellable);
  if (slot->band_cancellable != NULL)
    g_cancellable_cancel (slot->band_cancellable);
  g_clear_object (&slot->band_cancellable);
  stop_band_wait (slot);
  g_clear_object (&slot->band);
  fw_projection_free (slot->projection);
  g_free (slot);
}

static Slot *
find_slot (FwProjectionService *self,
           guint                scenario)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (slot->scenario == scenario)
        return slot;
    }
  return NULL;
}

static Slot *
find_slot_by_id (FwProjectionService *self,
                 guint                id)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (slot->id == id)
        return slot;
    }
  return NULL;
}

/* Runs in a thread of GTask's pool. */
static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  FwProjection *projection;

  if (g_task_return_error_if_cancelled (task))
    return;

  projection = fw_projection_new ();
  fw_projection_run (projection, job->scenario, job->horizon);
  g_task_return_pointer (task, projection, (GDestroyNotify) fw_projection_free);
}

static void start_job (FwProjectionService *self,
                       Slot                *slot,
                       FwScenario          *copy);

/* Back on the main loop: swaps the result in if nothing changed since it
 * was started; otherwise starts again from what the document holds now. */
static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FwProjectionService *self = FW_PROJECTION_SERVICE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(FwProjection) projection = g_task_propagate_pointer (G_TASK (result), NULL);
  Slot *slot = find_slot_by_id (self, job->slot_id);

  if (slot == NULL)
    return;

  slot->running = FALSE;
  g_clear_object (&slot->cancellable);

  if (projection == NULL || job->generation != slot->generation)
    {
      /* Stale: the scenario changed meanwhile. Its figures are current
       * already; the impacts are worked out again. */
      if (self->document != NULL && !fw_projection_has_impacts (slot->projection))
        start_job (self, slot, NULL);
      return;
    }

  fw_projection_free (slot->projection);
  slot->projection = g_steal_pointer (&projection);
  g_signal_emit (self, signals[COMPLETED], 0, slot->scenario);
}

/* Works out the points' impacts of @slot's scenario in a thread, from
 * @copy (taken) when it is already a reference to the scenario as it is,
 * or else from a reference taken now. */
static void
start_job (FwProjectionService *self,
           Slot                *slot,
           FwScenario          *copy)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  /* One job per scenario: the one running finishes (or notices it was
   * cancelled) and its answer, stale by then, starts the next. */
  if (slot->running)
    {
      g_clear_pointer (&copy, fw_scenario_unref);
      return;
    }

  job = g_new0 (Job, 1);
  job->scenario = copy != NULL ? copy
                               : fw_scenario_ref (fw_document_get_scenario (self->document, slot->scenario));
  job->horizon = fw_document_get_project (self->document)->horizon;
  job->slot_id = slot->id;
  job->generation = slot->generation;

  slot->running = TRUE;
  slot->cancellable = g_cancellable_new ();
  task = g_task_new (self, slot->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job);
}

/* ----------------------------------------------------------------- band */

/* A band job: the band (which holds its own reference to the scenario) and
 * which slot and generation it was started for. The service is kept
 * alive until the job is back, so the answer always has somewhere to go
 * (a slot gone meanwhile just drops it). */
typedef struct
{
  FwProjectionService *service;
  guint                slot_id;
  guint                generation;
} BandJob;

static void start_band (FwProjectionService *self,
                        Slot                *slot);

static gboolean
wants_band (FwProjectionService *self,
            Slot                *slot)
{
  const FwScenario *scenario = fw_document_get_scenario (self->document, slot->scenario);

  return !fw_uncertainty_is_zero (&scenario->uncertainty);
}

static void
band_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FwBand *band = FW_BAND (object);
  BandJob *job = user_data;
  g_autoptr(FwProjectionService) self = job->service;
  gboolean computed = fw_band_compute_finish (band, result, NULL);
  Slot *slot = find_slot_by_id (self, job->slot_id);
  guint generation = job->generation;

  g_free (job);
  if (slot == NULL)
    return;

  slot->band_running = FALSE;
  g_clear_object (&slot->band_cancellable);

  if (!computed || generation != slot->band_generation)
    {
      /* Stale or cancelled: the band of what the document holds now is
       * still wanted, unless it has no spreads any more, or it waits
       * for the edits to pause (and starts then). */
      if (self->document != NULL && slot->band == NULL && slot->band_wait == NULL &&
          wants_band (self, slot))
        start_band (self, slot);
      return;
    }

  g_set_object (&slot->band, band);
  g_signal_emit (self, signals[BAND_READY], 0, slot->scenario);
}

static void
start_band (FwProjectionService *self,
            Slot                *slot)
{
  g_autoptr(FwBand) band = NULL;
  BandJob *job;

  if (slot->band_running)
    return;

  band = fw_band_new (fw_document_get_scenario (self->document, slot->scenario),
                      fw_document_get_project (self->document)->horizon,
                      self->band_draws, self->band_seed);
  job = g_new0 (BandJob, 1);
  job->service = g_object_ref (self);
  job->slot_id = slot->id;
  job->generation = slot->band_generation;

  slot->band_running = TRUE;
  slot->band_cancellable = g_cancellable_new ();
  self->band_runs++;
  fw_band_compute_async (band, slot->band_cancellable, band_done, job);
}

/* The edits paused: the band of what the document holds now. */
static gboolean
band_wait_over (gpointer data)
{
  Slot *slot = data;

  g_clear_pointer (&slot->band_wait, g_source_unref);
  if (slot->service->document != NULL && slot->band == NULL && wants_band (slot->service, slot))
    start_band (slot->service, slot);
  return G_SOURCE_REMOVE;
}

/* Whether the band of @slot's scenario costs more than one typed key's
 * time allows: it could not finish before the next key, which would
 * cancel it, and meanwhile it takes a core from the main loop and the
 * display server (docs/performance.md, "An edit at the longest
 * horizon"). */
static gboolean
band_is_long (FwProjectionService *self,
              Slot                *slot)
{
  return fw_band_cost (fw_document_get_scenario (self->document, slot->scenario),
                       fw_document_get_project (self->document)->horizon,
                       self->band_draws) > self->band_pause_cost;
}

/* The band is out of date: drop it, stop the job working on it, and
 * start on the new one: at once, or after an edit (@edited) when it is
 * long, once the edits have paused for band_pause_ms (each edit of a
 * burst starts the wait again), so that a burst of typing starts one
 * long band, for its last edit, not one per key. */
static void
restart_band (FwProjectionService *self,
              Slot                *slot,
              gboolean             edited)
{
  slot->band_generation++;
  g_clear_object (&slot->band);
  if (slot->band_cancellable != NULL)
    g_cancellable_cancel (slot->band_cancellable);
  stop_band_wait (slot);
  if (!wants_band (self, slot))
    return;
  if (!edited || !band_is_long (self, slot))
    {
      start_band (self, slot);
      return;
    }
  slot->band_wait = g_timeout_source_new (self->band_pause_ms);
  g_source_set_callback (slot->band_wait, band_wait_over, slot, NULL);
  g_source_set_static_name (slot->band_wait, "[flywheel] band after the edits pause");
  g_source_attach (slot->band_wait, g_main_context_get_thread_default ());
}

/* ----------------------------------------------------------- projection */

/* The figures' run steps one wheel at a time, and writes each period's
 * figures: a stage-period of it costs about as much as this many of
 * the impacts' lanes (docs/performance.md, "An edit at the longest
 * horizon"). */
#define FIGURES_COST_IN_LANES 8

/* What a full recompute costs, in stage-periods of one lane of the
 * impacts' runs: the figures' run, then the points' impacts, FW_LANES
 * points side by side (fw-lanes.c), where a batch costs all its lanes
 * however few are points (the idle ones repeat the full run). Counting
 * one run per point instead made 5 points over 100,000 periods look
 * cheaper than they are (6 ms on the main loop for each typed key). */
static guint64
cost_of (const FwScenario *scenario,
         guint             horizon)
{
  guint64 batches = (scenario->points->len + FW_LANES - 1) / FW_LANES;

  return ((guint64) horizon + 1) * scenario->stages->len * (FIGURES_COST_IN_LANES + FW_LANES * batches);
}

/* ------------------------------------------------------ prepared ahead */

/* What fw_projection_service_prepare () worked out, kept with the
 * document until a service is given it. */
typedef struct
{
  const FwProject *project;     /* the version of the document it is of */
  FwProjection    *projection;  /* of its first scenario */
  FwScenario      *scenario;    /* that scenario (a reference) for the impacts' job, or NULL */
} Prepared;

#define PREPARED_KEY "fw-projection-service-prepared"

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;

  fw_projection_free (prepared->projection);
  g_clear_pointer (&prepared->scenario, fw_scenario_unref);
  g_free (prepared);
}

/* Takes what was prepared for @slot's scenario of the document, if
 * anything was: the figures, and the points' impacts when they took no
 * longer than the main loop's budget (else the scenario they are worked
 * out from, for the job it starts). Whatever was prepared goes either way:
 * it is of the document's first version, and only its first
 * projection may use it. */
static gboolean
take_prepared (FwProjectionService *self,
               Slot                *slot,
               guint64              cost)
{
  Prepared *prepared = g_object_steal_data (G_OBJECT (self->document), PREPARED_KEY);
  gboolean taken = FALSE;

  if (prepared == NULL)
    return FALSE;

  if (prepared->project == fw_document_get_project (self->document) && slot->scenario == 0 &&
      (fw_projection_has_impacts (prepared->projection) || cost > self->sync_budget))
    {
      fw_projection_free (slot->projection);
      slot->projection = g_steal_pointer (&prepared->projection);
      if (!fw_projection_has_impacts (slot->projection))
        start_job (self, slot, g_steal_pointer (&prepared->scenario));
      taken = TRUE;
    }
  prepared_free (prepared);
  return taken;
}

void
fw_projection_service_prepare (FwDocument *document)
{
  const FwProject *project;
  const FwScenario *scenario;
  Prepared *prepared;

  g_return_if_fail (FW_IS_DOCUMENT (document));

  project = fw_document_get_project (document);
  scenario = fw_project_get_scenario (project, 0);
  prepared = g_new0 (Prepared, 1);
  prepared->project = project;
  prepared->projection = fw_projection_new ();
  /* As recompute () will, with the budget services start with. */
  if (cost_of (scenario, project->horizon) <= FW_PROJECTION_SYNC_BUDGET)
    fw_projection_run (prepared->projection, scenario, project->horizon);
  else
    {
      fw_projection_run_figures (prepared->projection, scenario, project->horizon);
      prepared->scenario = fw_scenario_ref (scenario);
    }
  g_object_set_data_full (G_OBJECT (document), PREPARED_KEY, prepared, prepared_free);
}

/* ----------------------------------------------------------- recompute */

/* @edited: for an edit of the scenario, rather than its first
 * projection, or other draws of its band (restart_band ()). */
static void
recompute (FwProjectionService *self,
           Slot                *slot,
           gboolean             edited)
{
  const FwScenario *scenario = fw_document_get_scenario (self->document, slot->scenario);
  guint horizon = fw_document_get_project (self->document)->horizon;
  guint64 cost = cost_of (scenario, horizon);

  slot->generation++;
  if (slot->cancellable != NULL)
    g_cancellable_cancel (slot->cancellable);
  restart_band (self, slot, edited);

  if (take_prepared (self, slot, cost))
    return;

  if (cost <= self->sync_budget)
    {
      fw_projection_run (slot->projection, scenario, horizon);
      return;
    }

  fw_projection_run_figures (slot->projection, scenario, horizon);
  start_job (self, slot, NULL);
}

static void
fw_projection_service_dispose (GObject *object)
{
  FwProjectionService *self = FW_PROJECTION_SERVICE (object);

  g_ptr_array_set_size (self->slots, 0);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fw_projection_service_parent_class)->dispose (object);
}

static void
fw_projection_service_finalize (GObject *object)
{
  FwProjectionService *self = FW_PROJECTION_SERVICE (object);

  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (fw_projection_service_parent_class)->finalize (object);
}

static void
fw_projection_service_class_init (FwProjectionServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_projection_service_dispose;
  object_class->finalize = fw_projection_service_finalize;

  /**
   * FwProjectionService::completed:
   * @scenario: the scenario whose work off the main loop is done
   *
   * The projection of @scenario now has everything (its impacts); it
   * was computed from what the document holds now.
   */
  signals[COMPLETED] =
    g_signal_new ("completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * FwProjectionService::band-ready:
   * @scenario: the scenario whose band is in
   *
   * fw_projection_service_get_band() now returns the band of @scenario,
   * computed from what the document holds now.
   */
  signals[BAND_READY] =
    g_signal_new ("band-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
fw_projection_service_init (FwProjectionService *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->sync_budget = FW_PROJECTION_SYNC_BUDGET;
  self->band_draws = FW_BAND_DEFAULT_DRAWS;
  self->band_seed = FW_BAND_DEFAULT_SEED;
  self->band_pause_cost = FW_PROJECTION_BAND_PAUSE_COST;
  self->band_pause_ms = FW_PROJECTION_BAND_PAUSE_MS;
}

FwProjectionService *
fw_projection_service_new (void)
{
  return g_object_new (FW_TYPE_PROJECTION_SERVICE, NULL);
}

void
fw_projection_service_set_document (FwProjectionService *self,
                                    FwDocument          *document)
{
  guint first = 0;

  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));
  g_return_if_fail (document == NULL || FW_IS_DOCUMENT (document));

  /* Nothing of the old document's projections is kept. */
  g_ptr_array_set_size (self->slots, 0);
  g_set_object (&self->document, document);
  if (document != NULL)
    fw_projection_service_set_shown (self, &first, 1);
}

void
fw_projection_service_set_shown (FwProjectionService *self,
                                 const guint         *scenarios,
                                 guint                n_scenarios)
{
  g_autoptr(GPtrArray) slots = NULL;

  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (scenarios != NULL || n_scenarios == 0);

  /* Scenarios still shown keep their projections (and their work). */
  slots = g_ptr_array_new_with_free_func (slot_free);
  for (guint i = 0; i < n_scenarios; i++)
    {
      Slot *slot = find_slot (self, scenarios[i]);
      guint at;

      g_return_if_fail (scenarios[i] < fw_document_get_n_scenarios (self->document));

      if (slot != NULL && g_ptr_array_find (self->slots, slot, &at))
        {
          g_ptr_array_add (slots, g_ptr_array_steal_index (self->slots, at));
          continue;
        }

      slot = g_new0 (Slot, 1);
      slot->scenario = scenarios[i];
      slot->id = ++self->next_id;
      slot->projection = fw_projection_new ();
      slot->service = self;
      g_ptr_array_add (slots, slot);
      recompute (self, slot, FALSE);
    }

  g_ptr_array_unref (self->slots);
  self->slots = g_steal_pointer (&slots);
}

void
fw_projection_service_update (FwProjectionService *self,
                              const FwChange      *change)
{
  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));
  g_return_if_fail (change != NULL);

  if (self->document == NULL)
    return;

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (fw_change_touches (change, slot->scenario))
        recompute (self, slot, TRUE);
    }
}

const FwProjection *
fw_projection_service_get (FwProjectionService *self,
                           guint                scenario)
{
  Slot *slot;

  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), NULL);

  slot = find_slot (self, scenario);
  return slot != NULL ? slot->projection : NULL;
}

gboolean
fw_projection_service_is_busy (FwProjectionService *self,
                               guint                scenario)
{
  Slot *slot;

  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), FALSE);

  slot = find_slot (self, scenario);
  return slot != NULL && slot->running;
}

FwBand *
fw_projection_service_get_band (FwProjectionService *self,
                                guint                scenario)
{
  Slot *slot;

  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), NULL);

  slot = find_slot (self, scenario);
  return slot != NULL ? slot->band : NULL;
}

gboolean
fw_projection_service_is_band_busy (FwProjectionService *self,
                                    guint                scenario)
{
  Slot *slot;

  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), FALSE);

  slot = find_slot (self, scenario);
  return slot != NULL && (slot->band_running || slot->band_wait != NULL);
}

guint
fw_projection_service_get_band_runs (FwProjectionService *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), 0);

  return self->band_runs;
}

void
fw_projection_service_set_band_pause (FwProjectionService *self,
                                      guint64              cost,
                                      guint                ms)
{
  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));

  self->band_pause_cost = cost;
  self->band_pause_ms = ms;
}

void
fw_projection_service_set_band_draws (FwProjectionService *self,
                                      guint                draws,
                                      guint64              seed)
{
  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));
  g_return_if_fail (draws >= FW_BAND_MIN_DRAWS && draws <= FW_BAND_MAX_DRAWS);

  if (draws == self->band_draws && seed == self->band_seed)
    return;

  self->band_draws = draws;
  self->band_seed = seed;
  if (self->document == NULL)
    return;
  for (guint i = 0; i < self->slots->len; i++)
    restart_band (self, g_ptr_array_index (self->slots, i), FALSE);
}

guint
fw_projection_service_get_band_draws (FwProjectionService *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), FW_BAND_DEFAULT_DRAWS);

  return self->band_draws;
}

guint64
fw_projection_service_get_band_seed (FwProjectionService *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_SERVICE (self), FW_BAND_DEFAULT_SEED);

  return self->band_seed;
}

void
fw_projection_service_set_sync_budget (FwProjectionService *self,
                                       guint64              budget)
{
  g_return_if_fail (FW_IS_PROJECTION_SERVICE (self));

  self->sync_budget = budget;
}
