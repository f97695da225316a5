/* fw-wheel-stamps.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-stamps"

#include <math.h>

#include "fw-wheel-private.h"

/* A marker's pixels, painted once and copied for every marker that
 * looks the same.
 *
 * Why: the window's ring holds up to 1000 markers, and painting each as
 * paths (a halo, a body, a glyph, a dashed outline when it is off, a
 * flag when it works against its kind: up to eight fills and strokes)
 * took about 40 ms of the first frame after the largest project opened
 * (docs/performance.md). A copy of a few hundred pixels costs a
 * microsecond or two.
 *
 * A marker's edges are antialiased where its centre falls within a
 * pixel, so each look is painted at every quarter of a pixel across and
 * down (16 stamps at most) and a marker is copied from the stamp of the
 * quarter nearest its centre: it lands at most an eighth of a pixel from
 * where the paths would have put it, which no eye tells apart. Exports
 * still paint every marker as paths (vector formats have no pixels). */

#define PHASES 4   /* stamps per device pixel, across and down */
#define N_LOOKS 3  /* FwMarkerLook */

struct _FwMarkerStamps
{
  const FwWheelStyle *style;
  double              size;      /* the markers' size, user units */
  double              scale;     /* device pixels per user unit */
  cairo_antialias_t   antialias;
  int                 reach;     /* device pixels from a stamp's centre pixel to its edge */
  cairo_surface_t    *stamps[2][2][N_LOOKS][PHASES * PHASES]; /* [kind][enabled][look][phase] */
};

/* How far from its centre a marker of @size paints, in user units: the
 * flag of a point working against its kind reaches furthest (its badge
 * up and to the right, fw-wheel-markers.c); a little more for the
 * antialiased edge. */
static double
marker_reach (double size)
{
  double ring = size + MAX (1.0, size * 0.08) + MAX (1.5, size * 0.16) / 2.0;
  double badge = MAX (4.0, size * 0.5);
  double flag = size * 0.8 + badge + MAX (1.0, badge * 0.12) / 2.0;

  return MAX (ring, flag) + 1.0;
}

FwMarkerStamps *
fw_marker_stamps_new (cairo_t            *cr,
                      const FwWheelStyle *style,
                      double              size)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  FwMarkerStamps *stamps;
  cairo_matrix_t matrix;
  double sx, sy;

  /* Only pixels can be copied, and only when user units map onto them
   * at a plain scale (the ring is never painted turned or stretched). */
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || !(size > 0.0))
    return NULL;
  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (matrix.xx != 1.0 || matrix.yy != 1.0 || matrix.xy != 0.0 || matrix.yx != 0.0 || sx != sy || !(sx > 0.0))
    return NULL;

  stamps = g_new0 (FwMarkerStamps, 1);
  stamps->style = style;
  stamps->size = size;
  stamps->scale = sx;
  stamps->antialias = cairo_get_antialias (cr);
  stamps->reach = (int) ceil (marker_reach (size) * sx) + 1;
  return stamps;
}

void
fw_marker_stamps_free (FwMarkerStamps *stamps)
{
  cairo_surface_t **all;

  if (stamps == NULL)
    return;
  all = &stamps->stamps[0][0][0][0];
  for (guint i = 0; i < sizeof stamps->stamps / sizeof stamps->stamps[0][0][0][0]; i++)
    if (all[i] != NULL)
      cairo_surface_destroy (all[i]);
  g_free (stamps);
}

static cairo_surface_t *
make_stamp (FwMarkerStamps *stamps,
            FwPointKind     kind,
            gboolean        enabled,
            FwMarkerLook    look,
            int             phase_x,
            int             phase_y)
{
  int side = 2 * stamps->reach + 2;
  cairo_surface_t *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
  cairo_t *cr;

  cairo_surface_set_device_scale (stamp, stamps->scale, stamps->scale);
  cr = cairo_create (stamp);
  cairo_set_antialias (cr, stamps->antialias);
  fw_wheel_paint_marker_look (cr, stamps->style, kind, enabled, look,
                              (stamps->reach + (double) phase_x / PHASES) / stamps->scale,
                              (stamps->reach + (double) phase_y / PHASES) / stamps->scale,
                              stamps->size);
  cairo_destroy (cr);
  cairo_surface_flush (stamp);
  return stamp;
}

void
fw_marker_stamps_paint (FwMarkerStamps *stamps,
                        cairo_t        *cr,
                        FwPointKind     kind,
                        gboolean        enabled,
                        FwMarkerLook    look,
                        double          x,
                        double          y)
{
  cairo_surface_t **stamp;
  double dx = x, dy = y, ox, oy, ux, uy;
  double qx, qy;
  int px, py;
  double side;

  g_return_if_fail ((guint) kind < 2 && (guint) look < N_LOOKS);

  /* The device pixel and the quarter of it the marker's centre is
   * nearest (cairo's "device" space is before the surface's own scale
   * and offset: pixels are after them). */
  cairo_user_to_device (cr, &dx, &dy);
  cairo_surface_get_device_offset (cairo_get_group_target (cr), &ox, &oy);
  dx = dx * stamps->scale + ox;
  dy = dy * stamps->scale + oy;
  qx = floor (dx * PHASES + 0.5);
  qy = floor (dy * PHASES + 0.5);
  px = (int) (qx - PHASES * floor (qx / PHASES));
  py = (int) (qy - PHASES * floor (qy / PHASES));

  stamp = &stamps->stamps[kind][enabled ? 1 : 0][look][py * PHASES + px];
  if (*stamp == NULL)
    *stamp = make_stamp (stamps, kind, enabled, look, px, py);

  /* The stamp's corner on a whole device pixel: copied, not resampled. */
  ux = (floor (qx / PHASES) - stamps->reach - ox) / stamps->scale;
  uy = (floor (qy / PHASES) - stamps->reach - oy) / stamps->scale;
  cairo_device_to_user (cr, &ux, &uy);
  side = (2 * stamps->reach + 2) / stamps->scale;

  cairo_save (cr);
  cairo_set_source_surface (cr, *stamp, ux, uy);
  cairo_rectangle (cr, ux, uy, side, side);
  cairo_fill (cr);
  cairo_restore (cr);
}
