/* fw-render-style.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-render-style"

#include <string.h>

#include "fw-image-surface.h"
#include "fw-render-style.h"

static gboolean
rgba_equal (const double a[4],
            const double b[4])
{
  return memcmp (a, b, 4 * sizeof (double)) == 0;
}

static void
rgba_to_doubles (const GdkRGBA *rgba,
                 double         out[4])
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha;
}

/* The first of @names the theme defines; @fallback otherwise. Libadwaita
 * and GTK's own theme name their colours differently. */
static void
lookup_theme_color (GtkStyleContext *context,
                    const char      *const *names,
                    const char      *fallback,
                    double           out[4])
{
  GdkRGBA rgba;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (gtk_style_context_lookup_color (context, names[i], &rgba))
        {
          rgba_to_doubles (&rgba, out);
          return;
        }
    }

  gdk_rgba_parse (&rgba, fallback);
  rgba_to_doubles (&rgba, out);
}

gboolean
fw_render_style_update (GtkWidget     *widget,
                        FwWheelStyle  *style,
                        char         **family)
{
  /* The app's style sheet names what the drawings sit on; the rest are
   * what libadwaita and GTK's own theme call their backgrounds. */
  static const char * const bg_names[] = { "fw_wheel_bg_color", "view_bg_color", "theme_base_color", NULL };
  static const char * const accent_names[] = { "accent_bg_color", "theme_selected_bg_color", NULL };
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  const char *font_family = font != NULL ? pango_font_description_get_family (font) : NULL;
  FwWheelStyle read = { 0 };
  GdkRGBA fg;

  gtk_style_context_get_color (context, &fg);
  rgba_to_doubles (&fg, read.fg);
  /* Light text means a dark theme, whatever the theme is called. */
  read.dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
  lookup_theme_color (context, bg_names, read.dark ? "#242424" : "#fafafa", read.bg);
  lookup_theme_color (context, accent_names, "#3584e4", read.accent);
  {
    g_autofree char *theme = NULL;

    /* GTK's HighContrast and HighContrastInverse themes, which GNOME's
     * High Contrast switch selects without libadwaita. */
    g_object_get (gtk_widget_get_settings (widget), "gtk-theme-name", &theme, NULL);
    read.high_contrast = theme != NULL && strstr (theme, "HighContrast") != NULL;
  }

  if (read.dark == style->dark &&
      read.high_contrast == style->high_contrast &&
      rgba_equal (read.fg, style->fg) &&
      rgba_equal (read.bg, style->bg) &&
      rgba_equal (read.accent, style->accent) &&
      g_strcmp0 (font_family, *family) == 0)
    return FALSE;

  if (g_strcmp0 (font_family, *family) != 0)
    {
      g_free (*family);
      *family = g_strdup (font_family);
    }
  read.font_family = *family;
  *style = read;
  return TRUE;
}

static gboolean
draws_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

GskRenderNode *
fw_render_pixels_node (GtkWidget       *widget,
                       FwLayerPool     *pool,
                       cairo_surface_t *surface,
                       int              width,
                       int              height,
                       int              scale)
{
  g_autoptr(GBytes) pixels = NULL;
  GskRenderNode *node;
  GdkTexture *texture;
  GtkSnapshot *recorder;
  cairo_t *cr;

  if (draws_with_cairo (widget))
    {
      /* The recording holds one operation, "paint these pixels": cairo
       * keeps the surface (a snapshot it never has to copy, as nothing
       * writes to it again while the node lives). */
      recorder = gtk_snapshot_new ();
      cr = gtk_snapshot_append_cairo (recorder, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      node = gtk_snapshot_free_to_node (recorder);
      if (pool != NULL)
        fw_layer_pool_shown (pool, surface, node);
      return node;
    }

  /* Cairo's ARGB32 is premultiplied native-endian: GDK_MEMORY_DEFAULT. */
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                       (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                    pixels, cairo_image_surface_get_stride (surface));

  recorder = gtk_snapshot_new ();
  gtk_snapshot_append_texture (recorder, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_object_unref (texture);
  return gtk_snapshot_free_to_node (recorder);
}

GskRenderNode *
fw_render_texture_node (GtkWidget         *widget,
                        FwLayerPool       *pool,
                        int                width,
                        int                height,
                        int                scale,
                        FwRenderPaintFunc  paint,
                        gpointer           data)
{
  gboolean with_cairo = draws_with_cairo (widget);
  cairo_surface_t *surface;
  GskRenderNode *node;
  cairo_t *cr;

  /* A new layer is drawn on every change (five times a second while the
   * periods play): under the cairo renderer the pool's pixels, reused
   * once no frame shows them (fw-layer-pool.h); else new pixels, in huge
   * pages to spare a thousand page faults on a large window
   * (fw-image-surface.h). */
  if (with_cairo && pool != NULL)
    surface = fw_layer_pool_take (pool, width * scale, height * scale);
  else
    surface = fw_image_surface_new (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  paint (cr, data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  node = fw_render_pixels_node (widget, with_cairo ? pool : NULL, surface, width, height, scale);
  cairo_surface_destroy (surface);
  return node;
}
