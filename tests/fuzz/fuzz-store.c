/* fuzz-store.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-store"

/* libFuzzer target: any bytes as a `.flywheel` file. The loader must
 * refuse or accept without crashing; what it accepts is valid, saves,
 * and loads back. */

#include <stdint.h>

#include "fw-store.h"
#include "fw-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(FwProject) project = fw_store_load_bytes (bytes, NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(FwProject) again = NULL;

  if (project == NULL)
    return 0;

  g_assert_true (fw_validate_project (project, NULL));
  saved = fw_store_save_bytes (project, NULL);
  g_assert_nonnull (saved);
  again = fw_store_load_bytes (saved, NULL);
  g_assert_nonnull (again);
  return 0;
}
