/* fw-place.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-place"

#include <stdarg.h>

#include "fw-place.h"

char *
fw_place_member (const char *place,
                 const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return place != NULL ? g_strdup_printf ("%s.%s", place, key) : g_strdup (key);
}

char *
fw_place_element (const char *place,
                  const char *key,
                  guint       index)
{
  g_return_val_if_fail (key != NULL, NULL);

  return place != NULL ? g_strdup_printf ("%s.%s[%u]", place, key, index)
                       : g_strdup_printf ("%s[%u]", key, index);
}

gboolean
fw_place_fail (GError     **error,
               FwError      code,
               const char  *place,
               const char  *format,
               ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL)
    g_set_error (error, FW_ERROR, code, "%s: %s", place, problem);
  else
    g_set_error_literal (error, FW_ERROR, code, problem);

  return FALSE;
}
