/* fw-json.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* MODEL.md's JSON interchange format. Reading is strict: a missing
 * required field, a value of the wrong type, an unknown key and every
 * rule of fw-validate.h is an error naming the place
 * ("scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5").
 * The project returned is valid. */
FwProject *fw_project_from_json      (const char  *text,
                                      gssize       length,
                                      GError     **error);
/* Reads @path; an error message starts with the file's name. */
FwProject *fw_project_from_json_file (const char  *path,
                                      GError     **error);

/* Writes every field, defaults included, numbers in the shortest form
 * that reads back to the same double, two-space indented. */
char      *fw_project_to_json        (const FwProject *project);

/* Added with the reader and the dump, which share them: the "format" and
 * "version" a file carries. */
#define FW_JSON_FORMAT  "flywheel"
#define FW_JSON_VERSION 1

G_END_DECLS
