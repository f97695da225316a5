/* fuzz-replay.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

/* Runs a fuzz target over every file in the folders given: the seed
 * corpora in tests/fuzz/, replayed by `meson test` with the ordinary
 * build (no clang needed), so that every input that ever found a bug
 * keeps being tried. Prints one TAP line per input. */

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          printf ("Bail out! cannot read %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

      for (guint k = 0; k < names->len; k++)
        {
          const char *path = g_ptr_array_index (names, k);
          g_autofree char *data = NULL;
          gsize size;

          if (!g_file_get_contents (path, &data, &size, NULL))
            {
              printf ("Bail out! cannot read %s\n", path);
              return 1;
            }
          LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
          printf ("ok %u %s\n", ++count, path);
          fflush (stdout);
        }
    }

  printf ("1..%u\n", count);
  return 0;
}
