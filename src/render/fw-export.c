/* fw-export.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <png.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "fw-caption.h"
#include "fw-chart.h"
#include "fw-display-number.h"
#include "fw-error.h"
#include "fw-export.h"
#include "fw-image-surface.h"
#include "fw-projection-output.h"
#include "fw-render-text.h"
#include "fw-svg-fonts.h"
#include "fw-wheel-painter.h"

gboolean
fw_export_format_for_path (const char     *path,
                           FwExportFormat *format)
{
  static const struct { const char *extension; FwExportFormat format; } formats[] = {
    { ".png", FW_EXPORT_PNG }, { ".svg", FW_EXPORT_SVG },
    { ".pdf", FW_EXPORT_PDF }, { ".csv", FW_EXPORT_CSV },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension)
        && strlen (lower) > strlen (formats[i].extension))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

void
fw_export_default_size (FwExportFormat  format,
                        guint          *width,
                        guint          *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (format == FW_EXPORT_PNG)
    {
      *width = 1600;
      *height = 900;
    }
  else
    {
      *width = 960;
      *height = 540;
    }
}

FwBand *
fw_export_band_new (const FwScenario *scenario,
                    guint             horizon)
{
  g_autoptr(FwBand) band = NULL;

  g_return_val_if_fail (scenario != NULL, NULL);

  if (fw_uncertainty_is_zero (&scenario->uncertainty))
    return NULL;

  band = fw_band_new (scenario, horizon, FW_BAND_DEFAULT_DRAWS, FW_BAND_DEFAULT_SEED);
  /* Without a cancellable it cannot fail. */
  if (!fw_band_compute (band, NULL, NULL))
    return NULL;
  return g_steal_pointer (&band);
}

/* Drawing ---------------------------------------------------------------- */

static const char *
period_label (const FwExportRequest *request)
{
  return fw_period_to_string (request->project->period);
}

static guint
wheel_period (const FwExportRequest *request)
{
  guint horizon = fw_projection_get_horizon (request->projections[0]);

  return request->period < 0 ? 0 : MIN ((guint) request->period, horizon);
}

static void
draw_wheel (cairo_t               *cr,
            const FwExportRequest *request)
{
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;
  guint period = wheel_period (request);
  g_autofree char *caption = NULL;
  double caption_height = 0.0;

  fw_wheel_style_init_light (&style);
  /* The caption takes the bottom of the picture; the wheel the rest. */
  if (request->caption)
    {
      caption = fw_caption_text (request->project, request->scenarios[0], period);
      caption_height = fw_caption_height (caption, request->width, request->height);
      fw_caption_paint (cr, &style, caption, request->width, request->height);
    }
  fw_wheel_layout_compute (&layout, request->width, MAX (request->height - caption_height, 1.0));
  fw_wheel_scene_init (&scene);
  scene.scenario = request->scenarios[0];
  scene.projection = request->projections[0];
  scene.period = period;
  scene.period_label = period_label (request);
  scene.momentum_shown = fw_projection_get_figures (request->projections[0], period)->momentum;
  /* As the window shows it at rest: no selection, focus or hover (the
   * scene's defaults), people where a still frame has them. */
  fw_wheel_paint (cr, &layout, &style, &scene);
}

/* A chart export's blank border: pasted on a slide beside other content,
 * the legend and the last period's label must not touch the image's
 * edges (the window's chart sits in a pane with padding of its own; an
 * image has none). It grows with the shorter side from nothing at a
 * small export, whose text is already at the chart's floor and whose
 * legend needs the whole width to name every scenario in full. */
#define CHART_MARGIN_SHARE 0.05
#define CHART_MARGIN_FROM  320.0

static void
draw_chart (cairo_t               *cr,
            const FwExportRequest *request)
{
  double margin = round (MAX (0.0, MIN (request->width, request->height) - CHART_MARGIN_FROM)
                         * CHART_MARGIN_SHARE);
  g_autoptr(FwChart) chart = fw_chart_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_chart_rows_free);
  g_autofree FwChartScenario *input = g_new (FwChartScenario, request->n_scenarios);
  FwWheelStyle style;

  fw_wheel_style_init_light (&style);
  for (guint i = 0; i < request->n_scenarios; i++)
    {
      g_ptr_array_add (rows, fw_chart_rows_new_from_projection (request->projections[i]));
      fw_chart_rows_describe (g_ptr_array_index (rows, i), request->scenarios[i]->name, &input[i]);
      if (request->bands != NULL && request->bands[i] != NULL)
        {
          input[i].band_low = fw_band_get_customers (request->bands[i], FW_BAND_P10);
          input[i].band_median = fw_band_get_customers (request->bands[i], FW_BAND_P50);
          input[i].band_high = fw_band_get_customers (request->bands[i], FW_BAND_P90);
        }
    }
  fw_chart_set_style (chart, &style);
  fw_chart_set_scenarios (chart, input, request->n_scenarios);
  fw_chart_set_period_label (chart, period_label (request));
  fw_chart_set_marker (chart, request->period);
  cairo_save (cr);
  cairo_translate (cr, margin, margin);
  fw_chart_paint (chart, cr, request->width - 2.0 * margin, request->height - 2.0 * margin);
  cairo_restore (cr);
}

static void
draw (cairo_surface_t       *surface,
      const FwExportRequest *request)
{
  FwWheelStyle style;
  cairo_t *cr = cairo_create (surface);

  /* An opaque page in the light style's background: it reads the same
   * pasted on any slide. */
  fw_wheel_style_init_light (&style);
  cairo_set_source_rgb (cr, style.bg[0], style.bg[1], style.bg[2]);
  cairo_paint (cr);

  if (request->view == FW_EXPORT_CHART)
    draw_chart (cr, request);
  else
    draw_wheel (cr, request);
  cairo_destroy (cr);
}

/* Text -------------------------------------------------------------------- */

/* "Acme — Baseline, month 6": the document's title; the chart names
 * every scenario it overlays. */
static char *
title_text (const FwExportRequest *request)
{
  guint shown = request->view == FW_EXPORT_CHART ? request->n_scenarios : 1;
  g_autoptr(GString) names = g_string_new (request->scenarios[0]->name);

  for (guint i = 1; i < shown; i++)
    /* TRANSLATORS: between the names of scenarios compared in an export's title */
    g_string_append_printf (names, _(" and %s"), request->scenarios[i]->name);

  if (request->view == FW_EXPORT_WHEEL || request->period >= 0)
    /* TRANSLATORS: an export's title: project, scenario, period unit and number */
    return g_strdup_printf (_("%s — %s, %s %u"), request->project->name, names->str,
                            period_label (request), wheel_period (request));
  /* TRANSLATORS: an export's title: project and scenario */
  return g_strdup_printf (_("%s — %s"), request->project->name, names->str);
}

/* What the picture shows, in words: the stages and their people for the
 * wheel, the series and the horizon for the chart. The SVG's words are
 * <text> elements (fw_render_show_layout()), scattered over the picture;
 * its <title> and <desc> say it all in order, for screen readers. */
static char *
description_text (const FwExportRequest *request)
{
  GString *text = g_string_new (NULL);

  if (request->view == FW_EXPORT_WHEEL)
    {
      guint period = wheel_period (request);
      const double *counts = fw_projection_get_counts (request->projections[0], period);
      g_autofree char *momentum = fw_display_count (fw_projection_get_figures (request->projections[0],
                                                                               period)->momentum);

      /* The caption drawn under the wheel, first, in the same words. */
      if (request->caption)
        {
          g_autofree char *caption = fw_caption_text (request->project, request->scenarios[0], period);

          g_string_append_printf (text, "%s. ", caption);
        }

      for (guint i = 0; i < request->scenarios[0]->stages->len; i++)
        {
          g_autofree char *count = fw_display_count (counts[i]);

          /* TRANSLATORS: one stage in an export's description: name, people */
          g_string_append_printf (text, _("%s: %s people. "),
                                  fw_scenario_get_stage (request->scenarios[0], i)->name, count);
        }
      /* TRANSLATORS: the end of a wheel export's description */
      g_string_append_printf (text, _("Momentum: %s people moving per %s."), momentum,
                              period_label (request));
    }
  else
    {
      for (guint s = 0; s < FW_CHART_N_SERIES; s++)
        g_string_append_printf (text, "%s%s", s > 0 ? ", " : "", fw_chart_series_name (s));
      /* TRANSLATORS: a chart export's description, after the series' names:
       * " for month 0 to 24." */
      g_string_append_printf (text, _(" for %s 0 to %u."), period_label (request),
                              fw_projection_get_horizon (request->projections[0]));
    }

  return g_string_free (text, FALSE);
}

/* Puts <title> and <desc> first inside the SVG's root element, then the
 * fonts of its words (@fonts: embedded, fw-svg-fonts.h), and the
 * picture's words (@words: <text> elements) last, over everything Cairo
 * drew: every word of the wheel and the chart is drawn after what lies
 * under it, and nothing is drawn over a word. */
static GBytes *
svg_with_text (GByteArray            *svg,
               const GString         *words,
               FwSvgFonts            *fonts,
               const FwExportRequest *request)
{
  g_autofree char *title = title_text (request);
  g_autofree char *description = description_text (request);
  g_autofree char *described = g_markup_printf_escaped ("\n<title>%s</title>\n<desc>%s</desc>",
                                                        title, description);
  g_autofree char *style = fw_svg_fonts_style (fonts);
  g_autofree char *elements = g_strconcat (described, style, NULL);
  const char *data = (const char *) svg->data;
  const char *root = g_strstr_len (data, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (root - data)) : NULL;
  const char *close = g_strrstr_len (data, svg->len, "</svg>");
  GByteArray *result;

  if (end == NULL || close == NULL || close < end)
    return g_byte_array_free_to_bytes (g_byte_array_ref (svg));

  result = g_byte_array_sized_new (svg->len + strlen (elements) + words->len);
  g_byte_array_append (result, svg->data, end + 1 - data);
  g_byte_array_append (result, (const guint8 *) elements, strlen (elements));
  g_byte_array_append (result, (const guint8 *) end + 1, close - (end + 1));
  g_byte_array_append (result, (const guint8 *) words->str, words->len);
  g_byte_array_append (result, (const guint8 *) close, svg->len - (close - data));
  return g_byte_array_free_to_bytes (result);
}

/* PNG ------------------------------------------------------------------- */

/* Cairo's PNG writer lets zlib compress at its default level and libpng
 * try every row filter: about 60 ms of CPU for a 1920 x 1080 wheel, most
 * of an export. The wheel and the chart are large areas of flat colour,
 * which the "Sub" filter and zlib's fastest level compress almost as
 * well (12% larger) in a quarter of the time (docs/performance.md). */
typedef struct
{
  GByteArray *out;
  GError     *error;
} PngWriter;

static void
png_append (png_structp  png,
            png_bytep    data,
            png_size_t   length)
{
  PngWriter *writer = png_get_io_ptr (png);

  g_byte_array_append (writer->out, data, length);
}

static void
png_flush_nothing (png_structp png)
{
}

static void
png_fail (png_structp      png,
          png_const_charp  message)
{
  PngWriter *writer = png_get_error_ptr (png);

  if (writer->error == NULL)
    g_set_error (&writer->error, FW_ERROR, FW_ERROR_FAILED,
                 _("could not draw the export (%s)"), message);
  png_longjmp (png, 1);
}

static void
png_warn (png_structp      png,
          png_const_charp  message)
{
  g_debug ("libpng: %s", message);
}

/* Appends @surface (CAIRO_FORMAT_RGB24) to @out as an RGB PNG: zlib's
 * fastest level, and no row filter, which suits the wheel's and the
 * chart's large areas of flat colour (an unchanged row is a long match
 * one row back): for the 1920x1080 wheel 15 ms and 248 kB, where "Sub"
 * took 17 ms for 302 kB and Z_RLE was no faster (docs/performance.md). */
static gboolean
write_png (cairo_surface_t  *surface,
           GByteArray       *out,
           GError          **error)
{
  PngWriter writer = { out, NULL };
  png_structp png;
  png_infop info;
  int width, height, stride;
  const guchar *data;

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &writer, png_fail, png_warn);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error (error, FW_ERROR, FW_ERROR_FAILED, _("could not draw the export (%s)"),
                   cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  png_set_write_fn (png, &writer, png_append, png_flush_nothing);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (png, info);
  /* Cairo's RGB24 is a native-endian 32-bit xRGB word: B, G, R, x in
   * memory on little-endian machines, x, R, G, B on big-endian ones. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  png_set_filler (png, 0, PNG_FILLER_AFTER);
  png_set_bgr (png);
#else
  png_set_filler (png, 0, PNG_FILLER_BEFORE);
#endif
  for (int y = 0; y < height; y++)
    png_write_row (png, data + (gsize) y * stride);
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

/* Surfaces ------------------------------------------------------------------ */

cairo_status_t
fw_export_append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
fw_export_describe_pdf (cairo_surface_t *surface,
                        const char      *title)
{
  g_return_if_fail (surface != NULL && title != NULL);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Flywheel");
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, FW_ERROR, FW_ERROR_FAILED,
               _("could not draw the export (%s)"), cairo_status_to_string (status));
  return FALSE;
}

GBytes *
fw_export_render (const FwExportRequest *request,
                  GError               **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GString) words = NULL;
  g_autoptr(FwSvgFonts) fonts = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->project != NULL, NULL);
  g_return_val_if_fail (request->scenarios != NULL && request->projections != NULL, NULL);
  g_return_val_if_fail (request->n_scenarios >= 1 && request->n_scenarios <= FW_CHART_MAX_SCENARIOS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (request->format == FW_EXPORT_CSV)
    {
      char *csv = fw_projection_to_csv (request->projections[0], request->scenarios[0], NULL);

      return g_bytes_new_take (csv, strlen (csv));
    }

  g_return_val_if_fail (request->width >= FW_EXPORT_MIN_SIDE && request->width <= FW_EXPORT_MAX_SIDE, NULL);
  g_return_val_if_fail (request->height >= FW_EXPORT_MIN_SIDE && request->height <= FW_EXPORT_MAX_SIDE, NULL);

  out = g_byte_array_new ();
  switch (request->format)
    {
    case FW_EXPORT_PDF:
      {
        g_autofree char *title = title_text (request);

        surface = cairo_pdf_surface_create_for_stream (fw_export_append_bytes, out, request->width, request->height);
        fw_export_describe_pdf (surface, title);
      }
      break;
    case FW_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (fw_export_append_bytes, out, request->width, request->height);
      /* Sizes in points, as PDF's, so a 960 x 540 export is a slide. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      /* Its words as <text>, not glyph outlines (fw-render-text.h), in
       * fonts it embeds (fw-svg-fonts.h). */
      words = g_string_new (NULL);
      fonts = fw_svg_fonts_new ();
      fw_render_text_record_svg (surface, words, fonts);
      break;
    case FW_EXPORT_PNG:
    case FW_EXPORT_CSV:
    default:
      surface = fw_image_surface_new (CAIRO_FORMAT_RGB24, (int) request->width, (int) request->height);
      break;
    }

  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  draw (surface, request);
  if (request->format == FW_EXPORT_PNG)
    {
      gboolean written = check_status (cairo_surface_status (surface), error)
                         && write_png (surface, out, error);

      cairo_surface_destroy (surface);
      if (!written)
        return NULL;
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;

  if (request->format == FW_EXPORT_SVG)
    return svg_with_text (out, words, fonts, request);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
fw_export_project (const FwProject  *project,
                   const guint      *scenarios,
                   guint             n_scenarios,
                   FwBand   *const  *ready_bands,
                   FwExportFormat    format,
                   FwExportView      view,
                   guint             width,
                   guint             height,
                   int               period,
                   gboolean          caption,
                   GError          **error)
{
  const FwScenario *shown[FW_CHART_MAX_SCENARIOS];
  FwProjection *projections[FW_CHART_MAX_SCENARIOS];
  FwBand *bands[FW_CHART_MAX_SCENARIOS] = { NULL };
  FwExportRequest request = { 0 };
  GBytes *bytes;

  g_return_val_if_fail (project != NULL && scenarios != NULL, NULL);
  g_return_val_if_fail (n_scenarios >= 1 && n_scenarios <= FW_CHART_MAX_SCENARIOS, NULL);

  for (guint i = 0; i < n_scenarios; i++)
    {
      g_return_val_if_fail (scenarios[i] < project->scenarios->len, NULL);
      shown[i] = fw_project_get_scenario (project, scenarios[i]);
      projections[i] = fw_projection_new ();
      fw_projection_run (projections[i], shown[i], project->horizon);
      /* The chart draws each scenario's band, as the window does: the
       * one given, or one computed the same way. */
      if (view != FW_EXPORT_CHART || format == FW_EXPORT_CSV)
        continue;
      if (ready_bands != NULL && ready_bands[i] != NULL)
        bands[i] = g_object_ref (ready_bands[i]);
      else
        bands[i] = fw_export_band_new (shown[i], project->horizon);
    }

  request.format = format;
  request.view = view;
  request.width = width;
  request.height = height;
  request.project = project;
  request.scenarios = shown;
  request.projections = (const FwProjection * const *) projections;
  request.bands = bands;
  request.n_scenarios = n_scenarios;
  request.period = period;
  request.caption = caption;
  bytes = fw_export_render (&request, error);

  for (guint i = 0; i < n_scenarios; i++)
    {
      fw_projection_free (projections[i]);
      g_clear_object (&bands[i]);
    }
  return bytes;
}
