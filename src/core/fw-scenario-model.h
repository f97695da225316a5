/* fw-scenario-model.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* One stage or point of the session's current scenario, as an item of
 * FwScenarioModel: its index, kept current as items before it come and
 * go. A point or stage replaced (a point moved or edited, the stages a
 * move passes over) is a new item, so a list view binds it again. */
#define FW_TYPE_SCENARIO_ITEM (fw_scenario_item_get_type ())

G_DECLARE_FINAL_TYPE (FwScenarioItem, fw_scenario_item, FW, SCENARIO_ITEM, GObject)

guint            fw_scenario_item_get_index (FwScenarioItem *self);

typedef enum
{
  FW_SCENARIO_MODEL_STAGES,
  FW_SCENARIO_MODEL_POINTS,
} FwScenarioModelKind;

/* The stages or the points of a session's current scenario as a
 * GListModel of FwScenarioItem that says exactly what changed: the
 * document's FwChange becomes one items-changed (one point added at the
 * end; one removed; a point edited in place is 1 removed and 1 added at
 * its index; a stage inserted, removed or moved). A change that says no
 * range (an undo) replaces every item only if their number changed;
 * otherwise the items stay and views show the new values in them.
 * Another document or scenario replaces every item. Values changing
 * (a stage's rates, every point's impact) are not items-changed: views
 * refresh the rows they show on the session's "changed". */
#define FW_TYPE_SCENARIO_MODEL (fw_scenario_model_get_type ())

G_DECLARE_FINAL_TYPE (FwScenarioModel, fw_scenario_model, FW, SCENARIO_MODEL, GObject)

FwScenarioModel *fw_scenario_model_new      (FwSession           *session,
                                             FwScenarioModelKind  kind);

G_END_DECLS
