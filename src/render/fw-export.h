/* fw-export.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
  guint               n_scenarios;
  /* The wheel shows its counts and figures at this period (-1: 0); the
   * chart marks it (-1: no marker). */
  int                 period;
} FwExportRequest;

/* The export's bytes, or NULL with an FW_ERROR_FAILED error when drawing
 * failed (out of memory, a size the surface refuses). */
GBytes      *fw_export_render           (const FwExportRequest *request,
                                         GError               **error);

G_END_DECLS
