/* fw-test-largest.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-model.h"

G_BEGIN_DECLS

/* The largest projects MODEL.md allows, for the tests and benchmarks that
 * check the loaders' size limits against what the writers produce
 * (docs/file-format.md, "Size limits"). Every name has 80 characters and
 * every note 2000, every list is as long as it may be and every number
 * takes the most digits it can; what differs is the character repeated. */
typedef enum
{
  /* Control characters (U+0001...), which JSON writes as six bytes
   * each ("\u0001"): the longest `dump`. */
  FW_LARGEST_FOR_JSON,
  /* Four-byte UTF-8 characters (U+1F300...), the most bytes a character
   * takes in SQLite's text: the largest `.flywheel` file. */
  FW_LARGEST_FOR_STORE,
} FwLargestKind;

/* A valid project of @n_scenarios scenarios (1..50) of 16 stages and
 * 1000 points each. All scenarios take the same number of bytes, so a
 * size measured for one and two scenarios gives the size for fifty. */
FwProject *fw_test_largest_project (FwLargestKind kind,
                                    guint         n_scenarios);

G_END_DECLS
