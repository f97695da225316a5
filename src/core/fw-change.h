/* fw-change.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What one step of the document changed, as FwDocument::changed says it,
 * so that a view updates exactly that: a stage row its fields, the point
 * list the rows of the points that changed, the projection service the
 * scenarios that changed. Undo, redo and taking back a run may change
 * anything and say FW_CHANGE_ALL. */
typedef enum
{
  /* The project's own fields: name, period unit, horizon. */
  FW_CHANGE_PROJECT      = 1 << 0,
  /* Scenarios added, removed, reordered or renamed. */
  FW_CHANGE_SCENARIOS    = 1 << 1,
  /* The scenario's own values (inflow, spreads). */
  FW_CHANGE_INFLOW       = 1 << 2,
  /* Stages added, removed or moved: as GListModel::items-changed says
   * it, @stages_removed at @stage_position replaced by @stages_added (a
   * move replaces the stages from where it left to where it landed). */
  FW_CHANGE_STAGES       = 1 << 3,
  /* Values of the stages at @stage_position (@stages_removed of them,
   * as many as @stages_added), the list itself unchanged. */
  FW_CHANGE_STAGE_VALUES = 1 << 4,
  /* Points: as GListModel::items-changed says it, @points_removed at
   * @point_position were replaced by @points_added. A point edited in
   * place is one removed and one added at its index. */
  FW_CHANGE_POINTS       = 1 << 5,
  /* FwSession only: another document altogether (views start afresh). */
  FW_CHANGE_DOCUMENT     = 1 << 6,
  /* FwSession only: another scenario is the current one. */
  FW_CHANGE_SHOWN        = 1 << 7,
  /* FwSession only: just results, from work off the main loop (the
   * points' impacts); the document did not change. */
  FW_CHANGE_RESULTS      = 1 << 8,
} FwChangeFlags;

#define FW_CHANGE_ALL (FW_CHANGE_PROJECT | FW_CHANGE_SCENARIOS | FW_CHANGE_INFLOW | \
                       FW_CHANGE_STAGES | FW_CHANGE_STAGE_VALUES | FW_CHANGE_POINTS)

/* Every scenario, for changes of the project or FW_CHANGE_ALL. */
#define FW_CHANGE_EVERY_SCENARIO (-1)

typedef struct
{
  FwChangeFlags flags;
  int           scenario;        /* the scenario changed, or FW_CHANGE_EVERY_SCENARIO */
  guint         stage_position;  /* FW_CHANGE_STAGES, FW_CHANGE_STAGE_VALUES */
  guint         stages_removed;
  guint         stages_added;
  guint         point_position;  /* FW_CHANGE_POINTS */
  guint         points_removed;
  guint         points_added;
} FwChange;

#define FW_TYPE_CHANGE (fw_change_get_type ())

GType     fw_change_get_type       (void) G_GNUC_CONST;
FwChange *fw_change_copy           (const FwChange *change);
void      fw_change_free           (FwChange       *change);

/* Everything, in every scenario: what undo and redo report. */
void      fw_change_init_all       (FwChange       *change);
/* Whether @change may have touched scenario @scenario at all. */
gboolean  fw_change_touches        (const FwChange *change,
                                    guint           scenario);
/* Whether the values of stage @stage of @scenario may have changed: its
 * own edit, a structural change, or a change of everything. */
gboolean  fw_change_touches_stage  (const FwChange *change,
                                    guint           scenario,
                                    guint           stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwChange, fw_change_free)

G_END_DECLS
