/* fw-wheel-key.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-key"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-render-text.h"
#include "fw-wheel-key.h"

/* Between a number and its name, and between two entries, in text sizes. */
#define NAME_GAP  0.4
#define ENTRY_GAP 0.3
/* The marker's radius beside the number, in text sizes. */
#define MARKER_SIZE 0.4

PangoLayout *
fw_wheel_badge_layout (cairo_t            *cr,
                       const FwWheelStyle *style,
                       double              size,
                       double              min_size,
                       guint               number)
{
  g_autofree char *digits = g_strdup_printf ("%u", number);

  return fw_render_text_layout (cr, NULL, style->font_family, MAX (size, min_size), TRUE, digits);
}

void
fw_wheel_badge_size (PangoLayout *text,
                     double      *width,
                     double      *height)
{
  double w, h;

  fw_render_text_size (text, &w, &h);
  /* Round for one digit, a pill for more: a little air each side. */
  *height = h;
  *width = MAX (h, w + h * 0.5);
}

void
fw_wheel_badge_paint (cairo_t            *cr,
                      const FwWheelStyle *style,
                      PangoLayout        *text,
                      double              x0,
                      double              y0,
                      double              x1,
                      double              y1)
{
  double r = (y1 - y0) / 2.0;
  PangoRectangle logical;

  cairo_new_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2.0, G_PI / 2.0);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI / 2.0, 1.5 * G_PI);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, style->fg[0], style->fg[1], style->fg[2], 1.0);
  cairo_fill (cr);

  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, (x0 + x1) / 2.0 - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 (y0 + y1) / 2.0 - (logical.y + logical.height / 2.0) / PANGO_SCALE);
  cairo_set_source_rgba (cr, style->bg[0], style->bg[1], style->bg[2], 1.0);
  fw_render_show_layout (cr, text);
}

/* The widest number's pill, then the point's marker (its kind: where
 * the number covers the marker on a crowded rim, the key still says
 * friction or force): every name starts at the same x. */
static double
badge_column (cairo_t            *cr,
              const FwWheelKey   *key,
              guint               first,
              const FwWheelStyle *style,
              double              size)
{
  g_autoptr(PangoLayout) widest = fw_wheel_badge_layout (cr, style, size, 0.0, first + MAX (key->n, 1) - 1);
  double w, h;

  fw_wheel_badge_size (widest, &w, &h);
  return w + size * (NAME_GAP + MARKER_SIZE * 2.0);
}

static PangoLayout *
name_layout (cairo_t            *cr,
             const FwWheelKey   *key,
             const FwWheelStyle *style,
             double              size,
             double              width,
             guint               i)
{
  const FwPoint *point = fw_scenario_get_point (key->scenario, key->points[i]);
  PangoLayout *text = fw_render_text_layout (cr, NULL, style->font_family, size, FALSE, point->name);

  /* Whole words on as many lines as it takes: never "Surprise price
   * ri…" before a client. */
  pango_layout_set_width (text, (int) (MAX (width, size) * PANGO_SCALE));
  pango_layout_set_wrap (text, PANGO_WRAP_WORD);
  return text;
}

static PangoLayout *
more_layout (cairo_t            *cr,
             const FwWheelStyle *style,
             double              size,
             double              width,
             guint               more)
{
  g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more point",
                                                         "and %u more points", more), more);
  PangoLayout *text = fw_render_text_layout (cr, NULL, style->font_family, size, FALSE, words);

  pango_layout_set_width (text, (int) (MAX (width, size) * PANGO_SCALE));
  pango_layout_set_wrap (text, PANGO_WRAP_WORD);
  return text;
}

/* The height of entry @i's row: its number's pill or its name, wrapped. */
static double
row_height (cairo_t            *cr,
            const FwWheelKey   *key,
            const FwWheelStyle *style,
            double              size,
            double              name_w,
            guint               i)
{
  g_autoptr(PangoLayout) badge = fw_wheel_badge_layout (cr, style, size, 0.0, i + 1);
  g_autoptr(PangoLayout) name = name_layout (cr, key, style, size, name_w, i);
  double bw, bh, nw, nh;

  fw_wheel_badge_size (badge, &bw, &bh);
  fw_render_text_size (name, &nw, &nh);
  return MAX (bh, nh);
}

/* Lays the key out, drawing it at (@x, @y) when @cr_draw is not NULL:
 * every entry when all fit in @height, else as many as fit with a last
 * line summing the others up. Returns the height taken. */
static double
lay_out (cairo_t            *cr,
         cairo_t            *cr_draw,
         const FwWheelKey   *key,
         guint               first,
         const FwWheelStyle *style,
         double              size,
         double              x,
         double              y,
         double              width,
         double              height,
         guint              *shown)
{
  double column, name_x, name_w, top = 0.0, more_h, w;
  g_autofree double *rows = NULL;
  guint n_shown;

  if (shown != NULL)
    *shown = 0;
  if (key->n == 0)
    return 0.0;
  column = badge_column (cr, key, first, style, size);
  name_x = column + size * NAME_GAP;
  name_w = width - name_x;
  rows = g_new (double, key->n);
  for (guint i = 0; i < key->n; i++)
    {
      rows[i] = row_height (cr, key, style, size, name_w, i);
      top += (i > 0 ? size * ENTRY_GAP : 0.0) + rows[i];
    }
  n_shown = key->n;
  if (top > height + 0.5)
    {
      g_autoptr(PangoLayout) more = more_layout (cr, style, size, width, key->n);

      fw_render_text_size (more, &w, &more_h);
      top = 0.0;
      for (n_shown = 0; n_shown < key->n; n_shown++)
        {
          double bottom = top + (n_shown > 0 ? size * ENTRY_GAP : 0.0) + rows[n_shown];

          if (bottom + size * ENTRY_GAP + more_h > height + 0.5)
            break;
          top = bottom;
        }
    }
  if (shown != NULL)
    *shown = n_shown;

  top = 0.0;
  for (guint i = 0; i < n_shown; i++)
    {
      double gap = i > 0 ? size * ENTRY_GAP : 0.0;

      if (cr_draw != NULL)
        {
          g_autoptr(PangoLayout) badge = fw_wheel_badge_layout (cr, style, size, 0.0, first + i);
          g_autoptr(PangoLayout) name = name_layout (cr, key, style, size, name_w, i);
          PangoRectangle logical;
          double bw, bh;

          /* The number and the marker beside the name's first line,
           * right-aligned in their column. */
          double marker_x = x + column - size * MARKER_SIZE;

          fw_wheel_badge_size (badge, &bw, &bh);
          fw_wheel_badge_paint (cr_draw, style, badge, marker_x - size * (MARKER_SIZE + NAME_GAP) - bw,
                                y + top + gap, marker_x - size * (MARKER_SIZE + NAME_GAP), y + top + gap + bh);
          fw_wheel_paint_point_marker (cr_draw, style, fw_scenario_get_point (key->scenario, key->points[i]),
                                       marker_x, y + top + gap + bh / 2.0, size * MARKER_SIZE);
          pango_layout_get_extents (name, NULL, &logical);
          cairo_move_to (cr_draw, x + name_x - (double) logical.x / PANGO_SCALE,
                         y + top + gap - (double) logical.y / PANGO_SCALE);
          cairo_set_source_rgba (cr_draw, style->fg[0], style->fg[1], style->fg[2], style->fg[3]);
          fw_render_show_layout (cr_draw, name);
        }
      top += gap + rows[i];
    }
  if (n_shown < key->n)
    {
      g_autoptr(PangoLayout) more = more_layout (cr, style, size, name_w, key->n - n_shown);
      double h;

      fw_render_text_size (more, &w, &h);
      if (cr_draw != NULL)
        {
          cairo_move_to (cr_draw, x + name_x, y + top + size * ENTRY_GAP);
          cairo_set_source_rgba (cr_draw, style->fg[0], style->fg[1], style->fg[2], style->fg[3] * 0.75);
          fw_render_show_layout (cr_draw, more);
        }
      top += size * ENTRY_GAP + h;
    }
  return top;
}

/* Whether the key goes in two columns (lay_out_columns()). */
static gboolean
two_columns (cairo_t            *cr,
             const FwWheelKey   *key,
             const FwWheelStyle *style,
             double              size,
             double              width,
             double              height)
{
  double half = (width - size) / 2.0;
  FwWheelKey left = *key, right = *key;

  if (key->n < 2 || half < badge_column (cr, key, 1, style, size) + size * (NAME_GAP + 10.0)
      || lay_out (cr, NULL, key, 1, style, size, 0.0, 0.0, width, G_MAXDOUBLE, NULL) <= height + 0.5)
    return FALSE;
  left.n = (key->n + 1) / 2;
  right.points = key->points + left.n;
  right.n = key->n - left.n;
  return MAX (lay_out (cr, NULL, &left, 1, style, size, 0.0, 0.0, half, G_MAXDOUBLE, NULL),
              lay_out (cr, NULL, &right, left.n + 1, style, size, 0.0, 0.0, half, G_MAXDOUBLE, NULL))
         <= height + 0.5;
}

/* The key in two columns side by side, the first half of the entries
 * in the left, where one column is too high for @height and @width has
 * room for two names of ten text sizes: zoomed in, a low screen's key
 * of fifteen numbers summed up its last eight. Else one column. */
static double
lay_out_columns (cairo_t            *cr,
                 cairo_t            *cr_draw,
                 const FwWheelKey   *key,
                 const FwWheelStyle *style,
                 double              size,
                 double              x,
                 double              y,
                 double              width,
                 double              height,
                 guint              *shown)
{
  double half = (width - size) / 2.0;
  FwWheelKey left = *key, right = *key;
  double h1, h2;

  if (!two_columns (cr, key, style, size, width, height))
    return lay_out (cr, cr_draw, key, 1, style, size, x, y, width, height, shown);
  left.n = (key->n + 1) / 2;
  right.points = key->points + left.n;
  right.n = key->n - left.n;
  h1 = lay_out (cr, NULL, &left, 1, style, size, 0.0, 0.0, half, G_MAXDOUBLE, NULL);
  h2 = lay_out (cr, NULL, &right, left.n + 1, style, size, 0.0, 0.0, half, G_MAXDOUBLE, NULL);
  if (cr_draw != NULL)
    {
      lay_out (cr, cr_draw, &left, 1, style, size, x, y, half, height, NULL);
      lay_out (cr, cr_draw, &right, left.n + 1, style, size, x + half + size, y, half, height, NULL);
    }
  if (shown != NULL)
    *shown = key->n;
  return MAX (h1, h2);
}

double
fw_wheel_key_measure (cairo_t            *cr,
                      const FwWheelKey   *key,
                      const FwWheelStyle *style,
                      double              size,
                      double              width,
                      double              height,
                      guint              *shown)
{
  g_return_val_if_fail (cr != NULL && key != NULL && style != NULL, 0.0);

  return lay_out_columns (cr, NULL, key, style, size, 0.0, 0.0, width, height, shown);
}

double
fw_wheel_key_measure_lowest (cairo_t            *cr,
                             const FwWheelKey   *key,
                             const FwWheelStyle *style,
                             double              size,
                             double              width)
{
  double one;

  g_return_val_if_fail (cr != NULL && key != NULL && style != NULL, 0.0);

  one = lay_out (cr, NULL, key, 1, style, size, 0.0, 0.0, width, G_MAXDOUBLE, NULL);
  /* Two columns as high as the higher of them, where they fit: the
   * height that makes two_columns() choose them. */
  if (two_columns (cr, key, style, size, width, one - 1.0))
    return lay_out_columns (cr, NULL, key, style, size, 0.0, 0.0, width, one - 1.0, NULL);
  return one;
}

void
fw_wheel_key_paint (cairo_t            *cr,
                    const FwWheelKey   *key,
                    const FwWheelStyle *style,
                    double              size,
                    double              x,
                    double              y,
                    double              width,
                    double              height)
{
  g_return_if_fail (cr != NULL && key != NULL && style != NULL);

  cairo_save (cr);
  lay_out_columns (cr, cr, key, style, size, x, y, width, height, NULL);
  cairo_restore (cr);
}

gboolean
fw_wheel_key_words_whole (cairo_t            *cr,
                          const FwWheelKey   *key,
                          const FwWheelStyle *style,
                          double              size,
                          double              width,
                          double              height)
{
  gboolean two;

  g_return_val_if_fail (cr != NULL && key != NULL && style != NULL, FALSE);

  two = two_columns (cr, key, style, size, width, height);
  for (guint i = 0; i < key->n; i++)
    {
      guint first = two && i >= (key->n + 1) / 2 ? (key->n + 1) / 2 + 1 : 1;
      double column = two ? (width - size) / 2.0 : width;
      FwWheelKey part = *key;
      g_autoptr(PangoLayout) name = NULL;

      part.n = two ? (i < (key->n + 1) / 2 ? (key->n + 1) / 2 : key->n - (key->n + 1) / 2) : key->n;
      name = name_layout (cr, key, style, size,
                          column - badge_column (cr, &part, first, style, size) - size * NAME_GAP, i);
      if (!fw_render_text_words_whole (name))
        return FALSE;
    }
  return TRUE;
}
