/* fw-change.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-change"

#include "fw-change.h"

G_DEFINE_BOXED_TYPE (FwChange, fw_change, fw_change_copy, fw_change_free)

FwChange *
fw_change_copy (const FwChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return g_memdup2 (change, sizeof *change);
}

void
fw_change_free (FwChange *change)
{
  g_free (change);
}

void
fw_change_init_all (FwChange *change)
{
  g_return_if_fail (change != NULL);

  *change = (FwChange) { .flags = FW_CHANGE_ALL, .scenario = FW_CHANGE_EVERY_SCENARIO };
}

gboolean
fw_change_touches (const FwChange *change,
                   guint           scenario)
{
  g_return_val_if_fail (change != NULL, TRUE);

  return change->scenario == FW_CHANGE_EVERY_SCENARIO || (guint) change->scenario == scenario;
}

gboolean
fw_change_touches_stage (const FwChange *change,
                         guint           scenario,
                         guint           stage)
{
  g_return_val_if_fail (change != NULL, TRUE);

  if (!fw_change_touches (change, scenario))
    return FALSE;
  if (change->flags & (FW_CHANGE_STAGES | FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN))
    return TRUE;
  return (change->flags & FW_CHANGE_STAGE_VALUES) &&
         stage >= change->stage_position && stage - change->stage_position < change->stages_added;
}
