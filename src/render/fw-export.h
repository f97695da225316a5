/* fw-export.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "fw-band.h"
#include "fw-engine.h"
#include "fw-model.h"

G_BEGIN_DECLS

/* Exports: the wheel or the projection chart as PNG, SVG or PDF, drawn
 * by the same code as the screen (without selection, focus or hover),
 * and the projection as CSV (simulate's columns, by simulate's code). The
 * result is bytes, so the caller writes them whole or not at all
 * (fw_file_replace()) and the window and the command line share it. */

typedef enum
{
  FW_EXPORT_PNG,
  FW_EXPORT_SVG,
  FW_EXPORT_PDF,
  FW_EXPORT_CSV,
} FwExportFormat;

typedef enum
{
  FW_EXPORT_WHEEL,
  FW_EXPORT_CHART,
} FwExportView;

/* The sizes an export may take, in pixels for PNG and points (1/72 inch)
 * for SVG and PDF: from a thumbnail to a poster, and never an image
 * larger than memory comfortably holds (8000 x 8000 x 4 bytes = 256 MB). */
#define FW_EXPORT_MIN_SIDE 100
#define FW_EXPORT_MAX_SIDE 8000

/* The format named by @path's extension (".png", ".svg", ".pdf", ".csv",
 * in any case); FALSE for any other. */
gboolean     fw_export_format_for_path  (const char     *path,
                                         FwExportFormat *format);
/* What looks right on a 16:9 slide: 1600 x 900 pixels for PNG, 960 x 540
 * points (13.33 x 7.5 inches, a widescreen slide) for SVG and PDF. */
void         fw_export_default_size     (FwExportFormat  format,
                                         guint          *width,
                                         guint          *height);

typedef struct
{
  FwExportFormat      format;
  FwExportView        view;
  guint               width, height;  /* ignored for CSV */
  const FwProject    *project;
  /* The scenarios shown, each with its projection over the horizon
   * shown (1 to FW_CHART_MAX_SCENARIOS): the wheel and CSV show the
   * first, the chart overlays them all, named in its legend. */
  const FwScenario   *const *scenarios;
  const FwProjection *const *projections;
  /* NULL, or one per scenario: its computed band of customers, drawn on
   * the chart, or NULL for none (fw_export_band_new ()). */
  FwBand             *const *bands;
  guint               n_scenarios;
  /* The wheel shows its counts and figures at this period (-1: 0); the
   * chart marks it (-1: no marker). */
  int                 period;
  /* The wheel has a caption under it: project, scenario and "Month 6
   * of 24" (fw-caption.h). The chart names its scenarios in its legend
   * and CSV has none, so both ignore it. */
  gboolean            caption;
} FwExportRequest;

/* @scenario's band of customers over @horizon, computed as
 * `simulate --draws 1000` computes it (FW_BAND_DEFAULT_DRAWS draws, seed
 * FW_BAND_DEFAULT_SEED), or NULL when the scenario has no spreads: its
 * band would be the line itself. For the chart's exports and the report. */
FwBand      *fw_export_band_new         (const FwScenario      *scenario,
                                         guint                  horizon);

/* The export's bytes, or NULL with an FW_ERROR_FAILED error when drawing
 * failed (out of memory, a size the surface refuses). */
GBytes      *fw_export_render           (const FwExportRequest *request,
                                         GError               **error);

/* What `flywheel-cli export` and the window's Export do once the user
 * has chosen: runs the scenarios @scenarios of @project (indices, 1 to
 * FW_CHART_MAX_SCENARIOS, no repeats; the wheel and CSV show the first)
 * over the project's horizon, with their bands for the chart, and
 * renders the export (@width and @height ignored for CSV; @period as in
 * FwExportRequest). @ready_bands is NULL, or one per scenario: a band
 * already computed as fw_export_band_new () would compute it (the
 * window's projection service has the one on screen), or NULL to have
 * it computed here. @caption as in FwExportRequest. */
GBytes      *fw_export_project          (const FwProject       *project,
                                         const guint           *scenarios,
                                         guint                  n_scenarios,
                                         FwBand         *const *ready_bands,
                                         FwExportFormat         format,
                                         FwExportView           view,
                                         guint                  width,
                                         guint                  height,
                                         int                    period,
                                         gboolean               caption,
                                         GError               **error);

/* A cairo_write_func_t that appends to the GByteArray @closure: how
 * exports and the report collect a surface's bytes. */
cairo_status_t fw_export_append_bytes   (void                *closure,
                                         const unsigned char *data,
                                         unsigned int         length);

/* Names a PDF @surface in its metadata: @title, and Flywheel as its
 * creator (what pdfinfo and a viewer's title bar show). Any other
 * surface (a printer's PostScript, SVG) is left as it is, so a print
 * operation's page can be handed over whatever it prints to. */
void           fw_export_describe_pdf   (cairo_surface_t     *surface,
                                         const char          *title);

G_END_DECLS
