/* fw-error.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-error"

#include "fw-error.h"

G_DEFINE_QUARK (fw-error-quark, fw_error)

/* True when the error blames the input (a file or an argument the user
 * gave) rather than the machine: the command line maps this to exit 2. */
gboolean
fw_error_is_bad_input (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain == FW_ERROR)
    return error->code != FW_ERROR_FAILED;

  return FALSE;
}
