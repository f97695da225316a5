/* fw-validate.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* Every rule of ../shared/MODEL.md, and nothing else. A failure is an
 * FW_ERROR_INVALID whose message names the place and the value, e.g.
 * "scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5".
 * @path is the place of the checked object ("scenarios[0].stages[2]");
 * for the project itself it is NULL. */
gboolean fw_validate_project  (const FwProject  *project,
                               GError          **error);
/* The same for @project, a version made from @before by an edit:
 * @before must be valid, and what @project shares with it (fw-model.h)
 * is not checked again. The same rules in the same order, so a broken
 * one gives fw_validate_project ()'s message: the project's own fields,
 * the number of scenarios and their names are always checked, each
 * scenario, list or item only where the edit made it anew. */
gboolean fw_validate_project_since (const FwProject  *project,
                                    const FwProject  *before,
                                    GError          **error);
gboolean fw_validate_scenario (const FwScenario *scenario,
                               const char       *path,
                               GError          **error);
gboolean fw_validate_stage    (const FwStage    *stage,
                               const char       *path,
                               GError          **error);
gboolean fw_validate_point    (const FwPoint    *point,
                               const char       *path,
                               GError          **error);
/* @path is the place of the uncertainty object itself
 * ("scenarios[0].uncertainty"). */
gboolean fw_validate_uncertainty (const FwUncertainty *uncertainty,
                                  const char          *path,
                                  GError             **error);

/* Single fields, so that an editor can mark a value invalid where it is
 * typed, with the same words. @path names the field itself. */
gboolean fw_check_name        (const char  *path,
                               const char  *value,
                               GError     **error);
gboolean fw_check_note        (const char  *path,
                               const char  *value,
                               GError     **error);
gboolean fw_check_color       (const char  *path,
                               const char  *value,
                               GError     **error);
/* A finite number within [min, max]; max may be INFINITY. */
gboolean fw_check_range       (const char  *path,
                               double       value,
                               double       min,
                               double       max,
                               GError     **error);
gboolean fw_check_weight      (const char  *path,
                               double       value,
                               GError     **error);
gboolean fw_check_horizon     (const char  *path,
                               double       value,
                               GError     **error);

/* Names are compared and stored without leading and trailing white space
 * (Unicode white space, as g_unichar_isspace() knows it). */
char    *fw_name_trim         (const char *name);

/* A text value as every message quotes it ("got \"fortnight\""), so that
 * messages from the validator, the JSON reader and project files read
 * alike: written as JSON writes a string, cut after 40 characters with
 * "…" so that a pasted paragraph or a hostile file cannot fill the
 * screen. @value is valid UTF-8. */
char    *fw_quote_text        (const char *value);
/* The same, cut after @max_chars: a name shown whole is quoted with
 * FW_MAX_NAME_CHARS. */
char    *fw_quote_text_up_to  (const char *value,
                               glong       max_chars);

G_END_DECLS
