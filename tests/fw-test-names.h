/* fw-test-names.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Scenario names as a consultant writes them (the reviewer's project,
 * /tmp/rv2/proj/gen.py): two long ones (70 and 78 characters), a
 * middling one and two short; for the tests of how the chart and the
 * Compare page keep to their room. */
static const char *const fw_test_consultant_names[] = {
  "Baseline today (current processes, no changes, as measured in Q3 2026)",
  "Without the long checkout form and with a redesigned one-page self-service buy",
  "Optimistic: referral programme plus community",
  "Pessimistic",
  "Free trial",
};

G_END_DECLS
