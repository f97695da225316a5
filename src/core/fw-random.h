/* fw-random.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The band's pseudo-random generator: xoshiro256** 1.0 (Blackman and
 * Vigna, 2018), its 256-bit state filled from the seed by splitmix64, as
 * its authors recommend. Written here rather than taken from GLib, whose
 * GRand (a Mersenne Twister) promises no sequence across versions: the
 * band must be the same bit for bit for a seed (docs/model-notes.md). */
typedef struct
{
  guint64 s[4];
} FwRandom;

/* One splitmix64 step: advances *@state and returns the next output. */
guint64 fw_splitmix64       (guint64  *state);

void    fw_random_init      (FwRandom *random,
                             guint64   seed);
guint64 fw_random_next      (FwRandom *random);

/* A uniform double in [-1, 1): the top 53 bits of the next output as
 * k * 2^-52 - 1, exact in a double. */
double  fw_random_symmetric (FwRandom *random);

G_END_DECLS
