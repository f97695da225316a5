/* fw-point-value.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* FwPoint as a boxed type, so a point can travel in a GValue: what the
 * catalog palette offers in a drag and the wheel accepts in a drop. Only
 * our own widgets produce this type, so a drop of any other data (text
 * from another program) is never mistaken for a point. */
#define FW_TYPE_POINT_VALUE (fw_point_value_get_type ())

GType fw_point_value_get_type (void) G_GNUC_CONST;

/* A point as the parameter of the "point.add" action, and back: name,
 * kind, angle, conversion, churn, referral, enabled, note. */
#define FW_POINT_VARIANT_TYPE "(suddddbs)"

GVariant *fw_point_value_to_variant   (const FwPoint *point);
/* NULL when @variant is not of FW_POINT_VARIANT_TYPE or its kind is
 * unknown; the values themselves are the document's to check. */
FwPoint  *fw_point_value_from_variant (GVariant      *variant);

G_END_DECLS
