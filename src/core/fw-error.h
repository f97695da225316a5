/* fw-error.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FW_ERROR (fw_error_quark ())

/* What went wrong with a project, a file or an argument. Every code but
 * FW_ERROR_FAILED means "the input is bad" (the command line exits 2);
 * FW_ERROR_FAILED and errors of other domains (GFileError, GIOErrorEnum)
 * mean the program could not do its job (exit 1). */
typedef enum
{
  FW_ERROR_INVALID,       /* a value breaks a rule of MODEL.md */
  FW_ERROR_PARSE,         /* the JSON text cannot be read */
  FW_ERROR_NOT_PROJECT,   /* not SQLite, or another program's database */
  FW_ERROR_DAMAGED,       /* a Flywheel file that fails its integrity check */
  FW_ERROR_TOO_NEW,       /* written by a newer Flywheel */
  FW_ERROR_UNSAFE,        /* carries triggers, views or other active content */
  FW_ERROR_NOT_FOUND,     /* a named scenario, template or input that is not there */
  FW_ERROR_FAILED,        /* anything else */
} FwError;

GQuark   fw_error_quark           (void);
gboolean fw_error_is_bad_input    (const GError *error);

G_END_DECLS
