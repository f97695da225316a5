/* fw-scenario-model.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-scenario-model"

#include "fw-scenario-model.h"

struct _FwScenarioItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (FwScenarioItem, fw_scenario_item, G_TYPE_OBJECT)

static void
fw_scenario_item_class_init (FwScenarioItemClass *klass)
{
}

static void
fw_scenario_item_init (FwScenarioItem *self)
{
}

guint
fw_scenario_item_get_index (FwScenarioItem *self)
{
  g_return_val_if_fail (FW_IS_SCENARIO_ITEM (self), 0);

  return self->index;
}

struct _FwScenarioModel
{
  GObject              parent_instance;

  FwSession           *session;
  FwScenarioModelKind  kind;
  GPtrArray           *items;   /* of FwScenarioItem; item i has index i */
};

static GType
fw_scenario_model_get_item_type (GListModel *model)
{
  return FW_TYPE_SCENARIO_ITEM;
}

static guint
fw_scenario_model_get_n_items (GListModel *model)
{
  return FW_SCENARIO_MODEL (model)->items->len;
}

static gpointer
fw_scenario_model_get_item (GListModel *model,
                            guint       position)
{
  FwScenarioModel *self = FW_SCENARIO_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fw_scenario_model_get_item_type;
  iface->get_n_items = fw_scenario_model_get_n_items;
  iface->get_item = fw_scenario_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FwScenarioModel, fw_scenario_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* How many stages or points the current scenario has now. */
static guint
n_now (FwScenarioModel *self)
{
  const FwScenario *scenario = fw_session_get_scenario (self->session);

  return self->kind == FW_SCENARIO_MODEL_STAGES ? scenario->stages->len : scenario->points->len;
}

/* Replaces @removed items at @position with @added new ones, numbers
 * the items after them again, and says so. */
static void
splice (FwScenarioModel *self,
        guint            position,
        guint            removed,
        guint            added)
{
  g_assert (position + removed <= self->items->len);

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, (int) (position + i), g_object_new (FW_TYPE_SCENARIO_ITEM, NULL));
  for (guint i = position; i < self->items->len; i++)
    ((FwScenarioItem *) g_ptr_array_index (self->items, i))->index = i;

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
replace_all (FwScenarioModel *self)
{
  splice (self, 0, self->items->len, n_now (self));
}

/* The range @change gives for this model's kind, if it gives one. */
static gboolean
get_range (FwScenarioModel *self,
           const FwChange  *change,
           guint           *position,
           guint           *removed,
           guint           *added)
{
  if (self->kind == FW_SCENARIO_MODEL_STAGES)
    {
      *position = change->stage_position;
      *removed = change->stages_removed;
      *added = change->stages_added;
      return (change->flags & FW_CHANGE_STAGES) != 0;
    }

  *position = change->point_position;
  *removed = change->points_removed;
  *added = change->points_added;
  return (change->flags & FW_CHANGE_POINTS) != 0;
}

static void
on_session_changed (FwScenarioModel *self,
                    const FwChange  *change,
                    FwSession       *session)
{
  guint position, removed, added, n = n_now (self);

  /* Other stages and points altogether. */
  if (change->flags & (FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN))
    {
      replace_all (self);
      return;
    }
  if (!fw_change_touches (change, fw_session_get_scenario_index (session)))
    return;

  /* No range (an undo may have changed anything): the items stay as
   * long as there are as many, and the views show the new values. */
  if ((change->flags & FW_CHANGE_ALL) == FW_CHANGE_ALL)
    {
      if (n != self->items->len)
        replace_all (self);
      return;
    }

  if (!get_range (self, change, &position, &removed, &added))
    return;

  /* A range that does not fit the list as it was would be a bug in
   * what the document says; the whole list is the safe answer. */
  if (position + removed > self->items->len || self->items->len - removed + added != n)
    {
      g_critical ("A change that does not fit: %u removed and %u added at %u of %u, now %u",
                  removed, added, position, self->items->len, n);
      replace_all (self);
      return;
    }

  splice (self, position, removed, added);
}

static void
fw_scenario_model_dispose (GObject *object)
{
  FwScenarioModel *self = FW_SCENARIO_MODEL (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_scenario_model_parent_class)->dispose (object);
}

static void
fw_scenario_model_finalize (GObject *object)
{
  FwScenarioModel *self = FW_SCENARIO_MODEL (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (fw_scenario_model_parent_class)->finalize (object);
}

static void
fw_scenario_model_class_init (FwScenarioModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_scenario_model_dispose;
  object_class->finalize = fw_scenario_model_finalize;
}

static void
fw_scenario_model_init (FwScenarioModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

FwScenarioModel *
fw_scenario_model_new (FwSession           *session,
                       FwScenarioModelKind  kind)
{
  FwScenarioModel *self;

  g_return_val_if_fail (FW_IS_SESSION (session), NULL);

  self = g_object_new (FW_TYPE_SCENARIO_MODEL, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  replace_all (self);

  return self;
}
