/* fw-wheel-markers.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-markers"

#include <math.h>

#include "fw-wheel-private.h"

/* Friction and forces differ by shape first, colour second, so they are
 * told apart in grey print, on a washed-out projector and by people who
 * do not see red and green apart: friction is an octagon (a brake, a stop
 * sign) with a bar across; a force is a circle with an upward chevron (a
 * push). Glyphs stay upright, like text. */
#define FRICTION_COLOR "#d6401f"  /* red-orange */
#define FORCE_COLOR    "#218c5a"  /* green, dark enough for a white glyph */
#define REMOVE_COLOR   "#c01c28"
#define AGAINST_COLOR  "#f6d32d"  /* yellow: a warning, unlike either kind */

static void
octagon_path (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < 8; i++)
    {
      /* Flat top and bottom: start half a side off the vertical. */
      double a = (i * 45.0 + 22.5) * G_PI / 180.0;
      cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
body_path (cairo_t     *cr,
           FwPointKind  kind,
           double       x,
           double       y,
           double       r)
{
  cairo_new_path (cr);
  if (kind == FW_POINT_FRICTION)
    octagon_path (cr, x, y, r);
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

/* The glyph as a filled outline rather than a stroked line: with a
 * hundred markers, filling is much cheaper than stroking. */
static void
glyph_path (cairo_t     *cr,
            FwPointKind  kind,
            double       x,
            double       y,
            double       size)
{
  double h = MAX (0.75, size * 0.11);  /* half the line's thickness */

  cairo_new_path (cr);
  if (kind == FW_POINT_FRICTION)
    {
      /* The bar of a no-entry sign: progress held back. */
      cairo_rectangle (cr, x - size * 0.5, y - h, size, 2 * h);
    }
  else
    {
      /* An upward chevron, a push: two arms from (0, -0.22) down to
       * (+-0.42, 0.22), as thick as the bar. */
      const double ux = 0.42 / hypot (0.42, 0.44), uy = 0.44 / hypot (0.42, 0.44);
      double ax = x, ay = y - size * 0.22;
      double rx = x + size * 0.42, ry = y + size * 0.22;
      double lx = x - size * 0.42;
      double nx = uy * h, ny = -ux * h;   /* the arm's outer normal times h */

      cairo_move_to (cr, ax, ay - h / uy);
      cairo_line_to (cr, rx + nx, ry + ny);
      cairo_line_to (cr, rx - nx, ry - ny);
      cairo_line_to (cr, ax, ay + h / uy);
      cairo_line_to (cr, lx + nx, ry - ny);
      cairo_line_to (cr, lx - nx, ry + ny);
      cairo_close_path (cr);
    }
}

/* The flag of a point whose effects work against its kind: a yellow
 * warning badge with an exclamation mark at the marker's upper right,
 * readable on both themes (dark ink on yellow), and a yellow ring. */
static void
paint_against_flag (cairo_t *cr,
                    double   x,
                    double   y,
                    double   size)
{
  FwRgb yellow = fw_wheel_parse_color (AGAINST_COLOR);
  double r = MAX (4.0, size * 0.5);
  double bx = x + size * 0.8, by = y - size * 0.8;
  double bar = MAX (1.0, r * 0.22);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, size + MAX (1.0, size * 0.08), 0, 2 * G_PI);
  cairo_set_source_rgb (cr, yellow.r, yellow.g, yellow.b);
  cairo_set_line_width (cr, MAX (1.5, size * 0.16));
  cairo_stroke (cr);

  cairo_new_path (cr);
  cairo_arc (cr, bx, by, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, yellow.r, yellow.g, yellow.b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_set_line_width (cr, MAX (1.0, r * 0.12));
  cairo_stroke (cr);

  /* "!": a bar and a dot. */
  cairo_rectangle (cr, bx - bar / 2, by - r * 0.6, bar, r * 0.75);
  cairo_arc (cr, bx, by + r * 0.45, bar * 0.6, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
cross_path (cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  double d = size * 0.36;

  cairo_new_path (cr);
  cairo_move_to (cr, x - d, y - d);
  cairo_line_to (cr, x + d, y + d);
  cairo_move_to (cr, x + d, y - d);
  cairo_line_to (cr, x - d, y + d);
}

void
fw_wheel_paint_marker_look (cairo_t            *cr,
                            const FwWheelStyle *style,
                            FwPointKind         kind,
                            gboolean            enabled,
                            FwMarkerLook        look,
                            double              x,
                            double              y,
                            double              size)
{
  FwRgb color;
  FwPointKind shape;
  double halo = MAX (1.5, size * 0.14);
  double body = size - halo;

  if (!(size > 0.0))
    return;

  color = fw_wheel_parse_color (look == FW_MARKER_REMOVE ? REMOVE_COLOR
                                : kind == FW_POINT_FRICTION ? FRICTION_COLOR
                                : FORCE_COLOR);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* A halo in the background colour keeps neighbouring markers, and the
   * arc under them, apart; filled, not stroked, for speed. */
  shape = look == FW_MARKER_REMOVE ? FW_POINT_FORCE : kind;
  body_path (cr, shape, x, y, size);
  cairo_set_source_rgba (cr, style->bg[0], style->bg[1], style->bg[2], 1.0);
  cairo_fill (cr);
  body_path (cr, shape, x, y, body);

  if (look == FW_MARKER_REMOVE)
    {
      cairo_set_source_rgb (cr, color.r, color.g, color.b);
      cairo_fill (cr);
      cross_path (cr, x, y, size);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (1.5, size * 0.2));
      cairo_stroke (cr);
    }
  else if (enabled)
    {
      cairo_set_source_rgb (cr, color.r, color.g, color.b);
      cairo_fill (cr);
      glyph_path (cr, kind, x, y, size);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  else
    {
      double dash[2] = { MAX (1.5, size * 0.22), MAX (1.2, size * 0.16) };

      /* Disabled: the same shape, washed out, its outline broken. */
      cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.22);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.9);
      cairo_set_line_width (cr, MAX (1.0, size * 0.1));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      glyph_path (cr, kind, x, y, size * 0.9);
      cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.7);
      cairo_fill (cr);
    }

  if (look == FW_MARKER_AGAINST)
    paint_against_flag (cr, x, y, size);

  cairo_restore (cr);
}
