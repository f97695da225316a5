/* fw-json.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* The most bytes of JSON text a project is read from, whatever its
 * source (a file, a pipe, a string). The largest project MODEL.md allows,
 * with every name and note at its longest in the characters JSON writes
 * longest (control characters, six bytes each as "\u0001"), dumps to
 * 640,185,752 bytes (610.5 MiB; docs/file-format.md, "Size limits").
 * Everything `dump` writes, `import` and `check` take back; the margin
 * above it covers a project written by hand with wider indentation. */
#define FW_JSON_MAX_TEXT_SIZE      ((gsize) 768 * 1024 * 1024)
#define FW_JSON_MAX_TEXT_SIZE_TEXT "768 MiB"

/* MODEL.md's JSON interchange format. Reading is strict: a missing
 * required field, a value of the wrong type, an unknown key and every
 * rule of fw-validate.h is an error naming the place
 * ("scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5").
 * The project returned is valid. */
FwProject *fw_project_from_json      (const char  *text,
                                      gssize       length,
                                      GError     **error);
/* Reads @path, which must be a regular file (a FIFO or a device is
 * refused without blocking); an error message starts with the file's
 * name. */
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
