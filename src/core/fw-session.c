/* fw-session.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-session"

#include <math.h>
#include <string.h>

#include "fw-session.h"

struct _FwSession
{
  GObject              parent_instance;

  FwDocument          *document;
  FwProjectionService *projections;

  GArray              *shown;         /* of guint, the current one first */
  GPtrArray           *shown_names;   /* their names, to follow them when scenarios come and go */
  guint                n_scenarios;   /* the document's, when shown_names was taken */
  guint                period;
  double               position;      /* period + the eased fraction while playing */
  double               speed;         /* periods played a second */
  guint                roll;          /* fw_session_get_roll() */
  double               roll_step;     /* the position's step it last rolled at */
  int                  selected_stage;
  int                  selected_point;
  /* The stage the selected point is on, and the current scenario's
   * number of points, as of the last change: fewer points may mean the
   * selected one is gone. */
  guint                selected_point_stage;
  guint                n_points_seen;
  gboolean             playing;
  gboolean             presenting;
};

G_DEFINE_FINAL_TYPE (FwSession, fw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCENARIO_INDEX,
  PROP_PERIOD,
  PROP_SELECTED_STAGE,
  PROP_SELECTED_POINT,
  PROP_PLAYING,
  PROP_PRESENTING,
  PROP_POSITION,
  PROP_SPEED,
  PROP_ROLL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
current (FwSession *self)
{
  return g_array_index (self->shown, guint, 0);
}

static const FwProject *
project_of (FwSession *self)
{
  return fw_document_get_project (self->document);
}

static void
notify (FwSession *self,
        guint      prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Where @position is in steps the numbers roll on at while playing:
 * a period cut into as many equal steps as the speed allows at
 * FW_SESSION_ROLLS_A_SECOND (so a period's start is always one), or,
 * faster than that, one step every few periods. */
static double
roll_step (FwSession *self,
           double     position)
{
  double periods_a_roll = self->speed / FW_SESSION_ROLLS_A_SECOND;
  double whole = floor (position);

  if (periods_a_roll >= 1.0)
    return floor (whole / ceil (periods_a_roll));
  /* Steps of a period: t, t + 1/n, ..., t + (n-1)/n. */
  {
    double n = floor (1.0 / periods_a_roll);

    return whole * n + floor ((position - whole) * n);
  }
}

/* The one place the period and the position change: the period is the
 * position's whole part, both within 0..H. */
static void
set_position_clamped (FwSession *self,
                      double     position)
{
  guint horizon = project_of (self)->horizon;
  guint period;
  double step;

  if (!(position >= 0.0))
    position = 0.0;
  position = MIN (position, (double) horizon);
  period = MIN ((guint) floor (position), horizon);
  step = roll_step (self, position);

  g_object_freeze_notify (G_OBJECT (self));
  if (position != self->position)
    {
      /* Paused, every new position is a roll; playing, a new step. */
      if (!self->playing || step != self->roll_step)
        {
          self->roll++;
          notify (self, PROP_ROLL);
        }
      self->roll_step = step;
      self->position = position;
      notify (self, PROP_POSITION);
    }
  if (period != self->period)
    {
      self->period = period;
      notify (self, PROP_PERIOD);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_period_clamped (FwSession *self,
                    guint      period)
{
  set_position_clamped (self, (double) period);
}

/* Notes what follow_selection() compares with after the next change. */
static void
remember_points (FwSession *self)
{
  self->n_points_seen = fw_session_get_scenario (self)->points->len;
  if (self->selected_point >= 0)
    self->selected_point_stage =
      fw_projection_get_point_stage (fw_session_get_projection (self), (guint) self->selected_point);
}

/* What the selection names after an edit, one rule for every view: with
 * fewer points (a removal, an undone addition) the index of the selected
 * point may now name another one, so the selection falls back to the
 * stage that point was on (the keyboard stays where it was); otherwise
 * it is kept, clamped to what exists. */
static void
follow_selection (FwSession *self)
{
  const FwScenario *scenario = fw_session_get_scenario (self);
  int stage = self->selected_stage;
  int point = self->selected_point;

  if (point >= 0 && scenario->points->len < self->n_points_seen)
    {
      stage = (int) self->selected_point_stage;
      point = -1;
    }
  fw_session_set_selection (self, stage, point);
  remember_points (self);
}

static void
remember_names (FwSession *self)
{
  g_ptr_array_set_size (self->shown_names, 0);
  for (guint i = 0; i < self->shown->len; i++)
    g_ptr_array_add (self->shown_names,
                     g_strdup (fw_document_get_scenario (self->document,
                                                         g_array_index (self->shown, guint, i))->name));
}

static gboolean
is_shown (GArray *shown,
          guint   scenario)
{
  for (guint i = 0; i < shown->len; i++)
    if (g_array_index (shown, guint, i) == scenario)
      return TRUE;
  return FALSE;
}

/* Follows the scenarios on show when the list of scenarios changed
 * (added, removed, renamed, or any of it undone): a scenario is found
 * by its name (names are unique), else, when no scenario came or went,
 * at its place (it was renamed); one gone is no longer shown. When the
 * current one went, the one now at its place (or the last) is current.
 * TRUE when another scenario is current. */
static gboolean
follow_shown (FwSession *self)
{
  const FwProject *project = project_of (self);
  guint n = project->scenarios->len;
  gboolean same_count = n == self->n_scenarios;
  guint old_current = current (self);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean current_went = FALSE;
  gboolean changed;

  for (guint i = 0; i < self->shown->len; i++)
    {
      guint was = g_array_index (self->shown, guint, i);
      const char *name = g_ptr_array_index (self->shown_names, i);
      guint now = G_MAXUINT;

      for (guint k = 0; k < n && now == G_MAXUINT; k++)
        if (g_strcmp0 (fw_project_get_scenario (project, k)->name, name) == 0)
          now = k;
      if (now == G_MAXUINT && same_count && was < n)
        now = was;
      if (now == G_MAXUINT && i == 0)
        {
          now = MIN (was, n - 1);   /* the current one went: its neighbour */
          current_went = TRUE;
        }
      if (now != G_MAXUINT && !is_shown (shown, now))
        g_array_append_val (shown, now);
    }

  changed = shown->len != self->shown->len ||
            memcmp (shown->data, self->shown->data, shown->len * sizeof (guint)) != 0;
  g_array_set_size (self->shown, 0);
  g_array_append_vals (self->shown, shown->data, shown->len);
  self->n_scenarios = n;
  remember_names (self);
  if (changed)
    fw_projection_service_set_shown (self->projections, (const guint *) self->shown->data,
                                     self->shown->len);
  /* Another scenario is current even at the same place: the one after
   * the removed one moves up into it (the lists kept the removed one's
   * points, and sorting them against the new one's crashed). */
  return current_went || current (self) != old_current;
}

static void
on_document_changed (FwSession      *self,
                     const FwChange *change,
                     FwDocument     *document)
{
  gboolean other_current = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  if (change->flags & FW_CHANGE_SCENARIOS)
    other_current = follow_shown (self);
  fw_projection_service_update (self->projections, change);
  if (change->flags & FW_CHANGE_PROJECT)
    {
      /* A shorter horizon: the period shown and playback end there. */
      set_position_clamped (self, self->position);
      if (self->playing && self->period >= project_of (self)->horizon)
        fw_session_set_playing (self, FALSE);
    }
  if (other_current)
    {
      /* Another scenario has other stages and points. */
      fw_session_set_selection (self, -1, -1);
      remember_points (self);
    }
  else if (fw_change_touches (change, current (self)))
    follow_selection (self);

  if (other_current)
    {
      FwChange shown = *change;

      shown.flags |= FW_CHANGE_SHOWN;
      notify (self, PROP_SCENARIO_INDEX);
      g_signal_emit (self, signals[CHANGED], 0, &shown);
    }
  else
    {
      g_signal_emit (self, signals[CHANGED], 0, change);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_projection_completed (FwSession           *self,
                         guint                scenario,
                         FwProjectionService *projections)
{
  FwChange change = { .flags = FW_CHANGE_RESULTS, .scenario = (int) scenario };

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

static void
fw_session_dispose (GObject *object)
{
  FwSession *self = FW_SESSION (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->projections);

  G_OBJECT_CLASS (fw_session_parent_class)->dispose (object);
}

static void
fw_session_finalize (GObject *object)
{
  FwSession *self = FW_SESSION (object);

  g_array_unref (self->shown);
  g_ptr_array_unref (self->shown_names);

  G_OBJECT_CLASS (fw_session_parent_class)->finalize (object);
}

static void
fw_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FwSession *self = FW_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCENARIO_INDEX:
      g_value_set_uint (value, current (self));
      break;
    case PROP_PERIOD:
      g_value_set_uint (value, self->period);
      break;
    case PROP_SELECTED_STAGE:
      g_value_set_int (value, self->selected_stage);
      break;
    case PROP_SELECTED_POINT:
      g_value_set_int (value, self->selected_point);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_POSITION:
      g_value_set_double (value, self->position);
      break;
    case PROP_ROLL:
      g_value_set_uint (value, self->roll);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FwSession *self = FW_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      fw_session_set_document (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO_INDEX:
      fw_session_set_scenario_index (self, g_value_get_uint (value));
      break;
    case PROP_PERIOD:
      fw_session_set_period (self, g_value_get_uint (value));
      break;
    case PROP_SELECTED_STAGE:
      fw_session_set_selection (self, g_value_get_int (value), -1);
      break;
    case PROP_SELECTED_POINT:
      fw_session_set_selection (self, -1, g_value_get_int (value));
      break;
    case PROP_PLAYING:
      fw_session_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTING:
      fw_session_set_presenting (self, g_value_get_boolean (value));
      break;
    case PROP_POSITION:
      fw_session_set_position (self, g_value_get_double (value));
      break;
    case PROP_SPEED:
      fw_session_set_speed (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_session_class_init (FwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fw_session_dispose;
  object_class->finalize = fw_session_finalize;
  object_class->get_property = fw_session_get_property;
  object_class->set_property = fw_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, FW_TYPE_DOCUMENT, flags);
  properties[PROP_SCENARIO_INDEX] =
    g_param_spec_uint ("scenario-index", NULL, NULL, 0, FW_MAX_SCENARIOS - 1, 0, flags);
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL, 0, FW_MAX_HORIZON, 0, flags);
  properties[PROP_SELECTED_STAGE] =
    g_param_spec_int ("selected-stage", NULL, NULL, -1, FW_MAX_STAGES - 1, -1, flags);
  properties[PROP_SELECTED_POINT] =
    g_param_spec_int ("selected-point", NULL, NULL, -1, FW_MAX_POINTS - 1, -1, flags);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE, flags);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE, flags);
  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL, 0.0, FW_MAX_HORIZON, 0.0, flags);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, FW_SESSION_MIN_SPEED, FW_SESSION_MAX_SPEED,
                         FW_SESSION_DEFAULT_SPEED, flags);
  properties[PROP_ROLL] =
    g_param_spec_uint ("roll", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwSession::changed:
   * @change: (type FwChange): what changed
   *
   * The document changed (@change is the document's), or the session
   * shows another document or another current scenario, or work off the
   * main loop finished. The projections of the scenarios on show are
   * current when it is emitted.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE,
                  1, FW_TYPE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
fw_session_init (FwSession *self)
{
  guint first = 0;

  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->shown, first);
  self->shown_names = g_ptr_array_new_with_free_func (g_free);
  self->selected_stage = -1;
  self->selected_point = -1;
  self->speed = FW_SESSION_DEFAULT_SPEED;
  self->projections = fw_projection_service_new ();
  g_signal_connect_object (self->projections, "completed",
                           G_CALLBACK (on_projection_completed), self, G_CONNECT_SWAPPED);
}

FwSession *
fw_session_new (FwDocument *document)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (document), NULL);

  return g_object_new (FW_TYPE_SESSION, "document", document, NULL);
}

FwDocument *
fw_session_get_document (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), NULL);

  return self->document;
}

void
fw_session_set_document (FwSession  *self,
                         FwDocument *document)
{
  FwChange change = { .flags = FW_CHANGE_ALL | FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN,
                      .scenario = FW_CHANGE_EVERY_SCENARIO };
  guint old_current, first = 0;

  g_return_if_fail (FW_IS_SESSION (self));
  g_return_if_fail (FW_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  old_current = current (self);
  g_array_set_size (self->shown, 0);
  g_array_append_val (self->shown, first);
  self->n_scenarios = fw_document_get_n_scenarios (document);
  remember_names (self);
  fw_projection_service_set_document (self->projections, document);

  notify (self, PROP_DOCUMENT);
  if (old_current != 0)
    notify (self, PROP_SCENARIO_INDEX);
  fw_session_set_playing (self, FALSE);
  set_position_clamped (self, 0.0);
  fw_session_set_selection (self, -1, -1);
  remember_points (self);

  g_signal_emit (self, signals[CHANGED], 0, &change);

  g_object_thaw_notify (G_OBJECT (self));
}

FwProjectionService *
fw_session_get_projections (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), NULL);

  return self->projections;
}

guint
fw_session_get_scenario_index (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), 0);

  return current (self);
}

void
fw_session_set_scenario_index (FwSession *self,
                               guint      index)
{
  g_autoptr(GArray) shown = NULL;

  g_return_if_fail (FW_IS_SESSION (self));

  if (index == current (self))
    return;

  /* It takes the place of the one shown before, which the user looked
   * at but never ticked (user review, R5-19: flipping through scenarios
   * piled each one left onto the chart as compared). The ones ticked for
   * comparison stay on show, after it. */
  shown = g_array_copy (self->shown);
  g_array_remove_index (shown, 0);
  for (guint i = 0; i < shown->len; i++)
    if (g_array_index (shown, guint, i) == index)
      g_array_remove_index (shown, i--);
  g_array_prepend_val (shown, index);
  fw_session_set_shown (self, (const guint *) shown->data, shown->len);
}

const FwScenario *
fw_session_get_scenario (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), NULL);

  return fw_document_get_scenario (self->document, current (self));
}

const FwProjection *
fw_session_get_projection (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), NULL);

  return fw_projection_service_get (self->projections, current (self));
}

const guint *
fw_session_get_shown (FwSession *self,
                      guint     *n_shown)
{
  g_return_val_if_fail (FW_IS_SESSION (self), NULL);

  if (n_shown != NULL)
    *n_shown = self->shown->len;
  return (const guint *) self->shown->data;
}

void
fw_session_set_shown (FwSession   *self,
                      const guint *scenarios,
                      guint        n_scenarios)
{
  FwChange change = { .flags = FW_CHANGE_ALL | FW_CHANGE_SHOWN };
  guint old_current;

  g_return_if_fail (FW_IS_SESSION (self));
  g_return_if_fail (scenarios != NULL && n_scenarios > 0);
  for (guint i = 0; i < n_scenarios; i++)
    {
      g_return_if_fail (scenarios[i] < fw_document_get_n_scenarios (self->document));
      for (guint j = 0; j < i; j++)
        g_return_if_fail (scenarios[j] != scenarios[i]);
    }

  old_current = current (self);
  if (n_scenarios == self->shown->len &&
      memcmp (scenarios, self->shown->data, n_scenarios * sizeof (guint)) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_array_set_size (self->shown, 0);
  g_array_append_vals (self->shown, scenarios, n_scenarios);
  remember_names (self);
  fw_projection_service_set_shown (self->projections, scenarios, n_scenarios);

  if (current (self) != old_current)
    {
      /* Another scenario has other stages and points. */
      fw_session_set_selection (self, -1, -1);
      remember_points (self);
      notify (self, PROP_SCENARIO_INDEX);
    }
  change.scenario = (int) current (self);
  g_signal_emit (self, signals[CHANGED], 0, &change);

  g_object_thaw_notify (G_OBJECT (self));
}

guint
fw_session_get_period (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), 0);

  return self->period;
}

void
fw_session_set_period (FwSession *self,
                       guint      period)
{
  g_return_if_fail (FW_IS_SESSION (self));

  set_period_clamped (self, period);
}

int
fw_session_get_selected_stage (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), -1);

  return self->selected_stage;
}

int
fw_session_get_selected_point (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), -1);

  return self->selected_point;
}

void
fw_session_set_selection (FwSession *self,
                          int        stage,
                          int        point)
{
  const FwScenario *scenario;

  g_return_if_fail (FW_IS_SESSION (self));

  scenario = fw_session_get_scenario (self);
  if (stage < 0 || stage >= (int) scenario->stages->len)
    stage = -1;
  if (point < 0 || point >= (int) scenario->points->len)
    point = -1;
  if (point >= 0)
    stage = -1;

  g_object_freeze_notify (G_OBJECT (self));
  if (stage != self->selected_stage)
    {
      self->selected_stage = stage;
      notify (self, PROP_SELECTED_STAGE);
    }
  if (point >= 0)
    self->selected_point_stage =
      fw_projection_get_point_stage (fw_session_get_projection (self), (guint) point);
  if (point != self->selected_point)
    {
      self->selected_point = point;
      notify (self, PROP_SELECTED_POINT);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
fw_session_get_playing (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), FALSE);

  return self->playing;
}

void
fw_session_set_playing (FwSession *self,
                        gboolean   playing)
{
  g_return_if_fail (FW_IS_SESSION (self));

  playing = !!playing;
  if (playing == self->playing)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->playing = playing;
  /* Played from here: the numbers show this position already. */
  self->roll_step = roll_step (self, self->position);
  notify (self, PROP_PLAYING);
  /* Paused: exactly the period's own figures, no fraction. */
  if (!playing)
    set_position_clamped (self, (double) self->period);
  g_object_thaw_notify (G_OBJECT (self));
}

double
fw_session_get_position (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), 0.0);

  return self->position;
}

void
fw_session_set_position (FwSession *self,
                         double     position)
{
  g_return_if_fail (FW_IS_SESSION (self));

  set_position_clamped (self, position);
}

guint
fw_session_get_roll (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), 0);

  return self->roll;
}

double
fw_session_get_speed (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), FW_SESSION_DEFAULT_SPEED);

  return self->speed;
}

void
fw_session_set_speed (FwSession *self,
                      double     speed)
{
  g_return_if_fail (FW_IS_SESSION (self));
  g_return_if_fail (isfinite (speed));

  speed = CLAMP (speed, FW_SESSION_MIN_SPEED, FW_SESSION_MAX_SPEED);
  if (speed == self->speed)
    return;

  self->speed = speed;
  /* The steps of the new speed, counted from where the numbers are. */
  self->roll_step = roll_step (self, self->position);
  notify (self, PROP_SPEED);
}

gboolean
fw_session_play_on (FwSession *self,
                    double     seconds)
{
  g_return_val_if_fail (FW_IS_SESSION (self), FALSE);

  if (!self->playing)
    return FALSE;

  if (seconds > 0.0)
    set_position_clamped (self, self->position + seconds * self->speed);
  if (self->position >= project_of (self)->horizon)
    fw_session_set_playing (self, FALSE);

  return self->playing;
}

gboolean
fw_session_get_presenting (FwSession *self)
{
  g_return_val_if_fail (FW_IS_SESSION (self), FALSE);

  return self->presenting;
}

void
fw_session_set_presenting (FwSession *self,
                           gboolean   presenting)
{
  g_return_if_fail (FW_IS_SESSION (self));

  presenting = !!presenting;
  if (presenting == self->presenting)
    return;

  self->presenting = presenting;
  notify (self, PROP_PRESENTING);
}
