/* fw-random.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-random"

#include "fw-random.h"

/* Written from the published algorithms (prng.di.unimi.it); the test
 * the tests under /core/random/ check them against their reference outputs. */

guint64
fw_splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
fw_random_init (FwRandom *random,
                guint64   seed)
{
  guint64 state = seed;

  /* splitmix64 never gives four zeros in a row, the one state
   * xoshiro256** must not start from. */
  for (guint i = 0; i < G_N_ELEMENTS (random->s); i++)
    random->s[i] = fw_splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
fw_random_next (FwRandom *random)
{
  guint64 *s = random->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

double
fw_random_symmetric (FwRandom *random)
{
  return (double) (fw_random_next (random) >> 11) * 0x1.0p-52 - 1.0;
}
