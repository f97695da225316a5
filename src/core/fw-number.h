/* fw-number.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any double in the shortest form, sign and exponent included. */
#define FW_NUMBER_BUF_SIZE 32

/* Writes @value in the shortest form that reads back to the same double,
 * with '.' whatever the locale: "0.1", "120", "1e+21", "-0". Not finite
 * values are written "inf", "-inf" and "nan" (callers that must write
 * null or an empty field check isfinite() first). Returns @buf. */
const char *fw_number_format  (double value,
                               char   buf[FW_NUMBER_BUF_SIZE]);

/* Appends the same form to @out. */
void        fw_number_append  (GString *out,
                               double   value);

G_END_DECLS
