/* fw-catalog.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* The friction points and forces a user drags onto the wheel: what sales
 * and marketing teams commonly meet, with default effects a user then
 * tunes (docs/model-notes.md says where the numbers come from). */
typedef struct
{
  const char  *id;          /* "cant-try-before-buying", stable across versions */
  const char  *name;        /* "Can't try before buying" */
  FwPointKind  kind;
  const char  *explanation; /* one line */
  double       conversion;
  double       churn;
  double       referral;
} FwCatalogEntry;

const FwCatalogEntry *fw_catalog_list   (guint *n_entries);
const FwCatalogEntry *fw_catalog_lookup (const char *id);
/* A new point from @entry, placed at @angle. */
FwPoint              *fw_catalog_entry_to_point (const FwCatalogEntry *entry,
                                                 double                angle);

G_END_DECLS
