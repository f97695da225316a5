/* fw-point-value.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-point-value"

#include "fw-point-value.h"

/* A name of its own for the GType, so that a drag carrying a point reads
 * as "FwPointValue" in GTK's debugging tools. */
typedef FwPoint FwPointValue;

G_DEFINE_BOXED_TYPE (FwPointValue, fw_point_value, fw_point_copy, fw_point_free)
