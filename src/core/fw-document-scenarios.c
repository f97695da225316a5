/* fw-document-scenarios.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-document-scenarios"

#include "fw-document.h"
#include "fw-validate.h"

/* Edits of the project's list of scenarios, of its name and of a
 * scenario's own values (its name, its spreads). All go through
 * fw_document_edit_full(), so they validate (names unique, 1 to 50
 * scenarios), undo and announce like every other edit. Names are
 * stored trimmed, as the validator compares them. */

typedef struct
{
  guint                position;
  const FwScenario    *scenario;
  const char          *name;
  const FwUncertainty *uncertainty;
} ScenarioArgs;

static gboolean
edit_insert_scenario (FwProject  *project,
                      guint       scenario,
                      gpointer    user_data,
                      GError    **error)
{
  const ScenarioArgs *args = user_data;

  g_ptr_array_insert (project->scenarios, (int) args->position, fw_scenario_copy (args->scenario));
  return TRUE;
}

gboolean
fw_document_insert_scenario (FwDocument        *self,
                             guint              position,
                             const FwScenario  *scenario,
                             GError           **error)
{
  ScenarioArgs args = { .position = position, .scenario = scenario };
  FwChange change = { .flags = FW_CHANGE_SCENARIOS, .scenario = FW_CHANGE_EVERY_SCENARIO };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (position <= fw_document_get_n_scenarios (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  return fw_document_edit_full (self, 0, NULL, edit_insert_scenario, &args, &change, error);
}

static gboolean
edit_remove_scenario (FwProject  *project,
                      guint       scenario,
                      gpointer    user_data,
                      GError    **error)
{
  g_ptr_array_remove_index (project->scenarios, scenario);
  return TRUE;
}

gboolean
fw_document_remove_scenario (FwDocument  *self,
                             guint        scenario,
                             GError     **error)
{
  FwChange change = { .flags = FW_CHANGE_SCENARIOS, .scenario = FW_CHANGE_EVERY_SCENARIO };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);

  /* The last scenario is refused by the validator (1 to 50). */
  return fw_document_edit_full (self, scenario, NULL, edit_remove_scenario, NULL, &change, error);
}

static gboolean
edit_rename_scenario (FwProject  *project,
                      guint       scenario,
                      gpointer    user_data,
                      GError    **error)
{
  const ScenarioArgs *args = user_data;
  /* Its name is its own: stages and points stay shared. */
  FwScenario *edited = fw_project_edit_scenario (project, scenario, FW_SCENARIO_OWN_VALUES);

  g_free (edited->name);
  edited->name = fw_name_trim (args->name);
  return TRUE;
}

gboolean
fw_document_rename_scenario (FwDocument  *self,
                             guint        scenario,
                             const char  *name,
                             GError     **error)
{
  ScenarioArgs args = { .name = name };
  /* Nothing it shows changes; the list of scenarios does. */
  FwChange change = { .flags = FW_CHANGE_SCENARIOS, .scenario = (int) scenario };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return fw_document_edit_full (self, scenario, NULL, edit_rename_scenario, &args, &change, error);
}

static gboolean
edit_rename_project (FwProject  *project,
                     guint       scenario,
                     gpointer    user_data,
                     GError    **error)
{
  const ScenarioArgs *args = user_data;

  g_free (project->name);
  project->name = fw_name_trim (args->name);
  return TRUE;
}

gboolean
fw_document_rename_project (FwDocument  *self,
                            const char  *name,
                            GError     **error)
{
  ScenarioArgs args = { .name = name };
  FwChange change = { .flags = FW_CHANGE_PROJECT, .scenario = FW_CHANGE_EVERY_SCENARIO };

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return fw_document_edit_full (self, 0, NULL, edit_rename_project, &args, &change, error);
}

static gboolean
edit_uncertainty (FwProject  *project,
                  guint       scenario,
                  gpointer    user_data,
                  GError    **error)
{
  const ScenarioArgs *args = user_data;

  fw_project_edit_scenario (project, scenario, FW_SCENARIO_OWN_VALUES)->uncertainty = *args->uncertainty;
  return TRUE;
}

gboolean
fw_document_set_uncertainty (FwDocument          *self,
                             guint                scenario,
                             const FwUncertainty *uncertainty,
                             GError             **error)
{
  ScenarioArgs args = { .uncertainty = uncertainty };
  /* The figures do not depend on the spreads, only the band does; but
   * the band is the scenario's, so the scenario is what changed. */
  FwChange change = { .flags = FW_CHANGE_INFLOW, .scenario = (int) scenario };
  g_autofree char *key = NULL;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < fw_document_get_n_scenarios (self), FALSE);
  g_return_val_if_fail (uncertainty != NULL, FALSE);

  key = g_strdup_printf ("scenario %u uncertainty", scenario);
  return fw_document_edit_full (self, scenario, key, edit_uncertainty, &args, &change, error);
}
