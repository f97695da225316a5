/* fw-report-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-report.h"

G_BEGIN_DECLS

/* What fw-report.c works out (the numbers) and fw-report-painter.c
 * draws (the page). */
struct _FwReport
{
  /* The project's name, period and horizon, the reported scenario in
   * full, the others' names only. */
  FwProject    *project;
  guint         scenario;      /* the one reported */
  GDateTime    *date;
  FwProjection *projection;    /* the reported scenario's, with impacts */
  FwBand       *band;          /* NULL without spreads */
  /* One summary per scenario of the project, in file order, for the
   * comparison table (only filled when there are several). */
  FwSummary    *summaries;
  /* The enabled points of the reported scenario, ranked: friction by
   * impact from the costliest (most negative) up, forces from the
   * strongest down; ties in file order. Point indices. */
  GArray       *frictions;
  GArray       *forces;
  guint         n_disabled;    /* points switched off, not ranked */
  /* How many stages the last page painted named in full on its wheel
   * (tests: none may be cut short). */
  guint         wheel_names_whole;
  /* How many texts of the comparison table (its note, titles, names,
   * figures) the last page painted cut short with "…" (tests: none).
   * pdftotext cannot tell: a cut text keeps its whole words as the
   * PDF's text. */
  guint         table_cells_cut;
};

void fw_report_paint_page (FwReport *report,
                           cairo_t  *cr,
                           double    width,
                           double    height);

G_END_DECLS
