/* fw-templates.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* The starting wheels a user picks from. Their numbers are illustrative:
 * plausible for a small business, not data (docs/model-notes.md). */
typedef struct
{
  const char *id;          /* "attract-engage-delight", as the CLI names it */
  const char *title;       /* "Attract, engage, delight" */
  const char *description; /* one line */
} FwTemplateInfo;

const FwTemplateInfo *fw_templates_list    (guint *n_templates);
/* A new, valid project from template @id; FW_ERROR_NOT_FOUND otherwise. */
FwProject            *fw_template_create   (const char  *id,
                                            GError     **error);

G_END_DECLS
