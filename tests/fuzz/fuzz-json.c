/* fuzz-json.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-json"

/* libFuzzer target: any bytes as JSON text. The reader must refuse or
 * accept without crashing; what it accepts is valid, and dumps to text
 * that reads back to the same dump. */

#include <stdint.h>

#include "fw-json.h"
#include "fw-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FwProject) project = NULL;
  g_autoptr(FwProject) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  project = fw_project_from_json ((const char *) data, (gssize) size, NULL);
  if (project == NULL)
    return 0;

  g_assert_true (fw_validate_project (project, NULL));
  first = fw_project_to_json (project);
  again = fw_project_from_json (first, -1, NULL);
  g_assert_nonnull (again);
  second = fw_project_to_json (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}
