/* fw-image-surface.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-image-surface"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "fw-image-surface.h"

/* A transparent huge page on x86-64 and most arm64 kernels. The buffer
 * is aligned to it and rounded up to whole ones: a huge page is only
 * used for an aligned, whole 2 MiB stretch. */
#define HUGE_PAGE (2u << 20)
/* Below this a surface is small enough that its faults do not matter. */
#define MIN_HUGE_SIZE (4u << 20)

static const cairo_user_data_key_t pixels_key;

cairo_surface_t *
fw_image_surface_new (cairo_format_t format,
                      int            width,
                      int            height)
{
  cairo_surface_t *surface;
  gsize size, rounded;
  void *pixels = NULL;
  int stride;

  stride = cairo_format_stride_for_width (format, width);
  if (stride <= 0 || height <= 0)
    return cairo_image_surface_create (format, width, height);

  size = (gsize) stride * (gsize) height;
  rounded = (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
  if (size < MIN_HUGE_SIZE || posix_memalign (&pixels, HUGE_PAGE, rounded) != 0)
    return cairo_image_surface_create (format, width, height);

#ifdef MADV_HUGEPAGE
  /* Only advice: with huge pages off the memory is ordinary pages. */
  (void) madvise (pixels, rounded, MADV_HUGEPAGE);
#endif
  /* cairo_image_surface_create() hands out cleared pixels too. */
  memset (pixels, 0, size);

  surface = cairo_image_surface_create_for_data (pixels, format, width, height, stride);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_surface_set_user_data (surface, &pixels_key, pixels, free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      free (pixels);
      return cairo_image_surface_create (format, width, height);
    }
  return surface;
}
