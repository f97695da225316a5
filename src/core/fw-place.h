/* fw-place.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-error.h"

G_BEGIN_DECLS

/* Every message about a value names its place the way MODEL.md does:
 * "scenarios[0].stages[2].advance: must be between 0 and 1, got 1.5".
 * The validator, the JSON reader and project files build places and
 * messages with these, so all of them read alike. A NULL place is the
 * project itself. */

/* "scenarios[0]" + "stages" -> "scenarios[0].stages"; NULL + "name" -> "name" */
char     *fw_place_member  (const char *place,
                            const char *key);
/* "scenarios[0]" + "stages" + 2 -> "scenarios[0].stages[2]" */
char     *fw_place_element (const char *place,
                            const char *key,
                            guint       index);

/* Sets "<place>: <problem>" (the problem alone when @place is NULL) in the
 * FW_ERROR domain and returns FALSE, so that a check can end in
 * `return fw_place_fail (...)`. */
gboolean  fw_place_fail    (GError     **error,
                            FwError      code,
                            const char  *place,
                            const char  *format,
                            ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
