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

GVariant *
fw_point_value_to_variant (const FwPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return g_variant_new (FW_POINT_VARIANT_TYPE, point->name != NULL ? point->name : "",
                        (guint32) point->kind, point->angle, point->conversion, point->churn,
                        point->referral, point->enabled, point->note != NULL ? point->note : "");
}

FwPoint *
fw_point_value_from_variant (GVariant *variant)
{
  const char *name, *note;
  guint32 kind;
  double angle, conversion, churn, referral;
  gboolean enabled;
  FwPoint *point;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (FW_POINT_VARIANT_TYPE)))
    return NULL;
  g_variant_get (variant, "(&suddddb&s)", &name, &kind, &angle, &conversion, &churn,
                 &referral, &enabled, &note);
  if (kind != FW_POINT_FRICTION && kind != FW_POINT_FORCE)
    return NULL;

  point = fw_point_new (name, angle);
  point->kind = (FwPointKind) kind;
  point->conversion = conversion;
  point->churn = churn;
  point->referral = referral;
  point->enabled = enabled;
  g_free (point->note);
  point->note = g_strdup (note);
  return point;
}
