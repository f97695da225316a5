/* fw-report.h
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

/* The one-page client report: a scenario's wheel, its summary figures,
 * its projection with the uncertainty band, its friction and forces
 * ranked by impact and, when the project has several scenarios, a table
 * comparing them. Drawn with Cairo and Pango only, so the command line
 * (`flywheel-cli report`), the window's "Export Report" and printing
 * (GtkPrintOperation hands over a cairo_t) share every line of it.
 *
 * Whatever the project holds (16 stages, 1000 points, 50 scenarios), it
 * is one page: lists that do not fit end in "and N more". Its words are
 * in the user's language (gettext). */

typedef enum
{
  FW_PAPER_A4,
  FW_PAPER_LETTER,
} FwPaper;

/* The paper the user's locale asks for (LC_PAPER, as GTK reads it):
 * US Letter where the locale's paper is 216 mm wide, A4 everywhere else.
 * The caller must have called setlocale (LC_ALL, ""). */
FwPaper      fw_paper_for_locale   (void);
/* The paper's size in points (1/72 inch), portrait. */
void         fw_paper_get_size     (FwPaper          paper,
                                    double          *width,
                                    double          *height);

typedef struct _FwReport FwReport;

/* Everything the report shows, worked out once: @project (what it
 * shows is copied; it must be valid) with its scenario @scenario reported, dated @date
 * (referenced; NULL: now). Runs the engine for the reported scenario
 * (figures and impacts), the band when the scenario has spreads
 * (FW_BAND_DEFAULT_DRAWS draws, seed FW_BAND_DEFAULT_SEED, as
 * `simulate --draws 1000`), and every other scenario's summary. */
FwReport    *fw_report_new         (const FwProject *project,
                                    guint            scenario,
                                    GDateTime       *date);
/* The same, drawing @band (referenced; NULL: computed as above) as the
 * reported scenario's band: the window passes the one its projection
 * service has on screen rather than computing it again. */
FwReport    *fw_report_new_with_band (const FwProject *project,
                                      guint            scenario,
                                      GDateTime       *date,
                                      FwBand          *band);
/* The same, taking @projection (copied; NULL: run as above) as the
 * reported scenario's when it has its impacts and the project's horizon:
 * the window passes the one its projection service has on show. Any
 * thread: nothing here touches the caller's objects but to read them,
 * so they must not change meanwhile (a project copy whose scenarios are
 * shared is enough, as they never change once shared). */
FwReport    *fw_report_new_with_results (const FwProject    *project,
                                         guint               scenario,
                                         GDateTime          *date,
                                         const FwProjection *projection,
                                         FwBand             *band);
void         fw_report_free        (FwReport        *report);

/* The reported scenario's band of customers, or NULL when it has no
 * spreads (the band would be the line itself). */
FwBand      *fw_report_get_band    (FwReport        *report);

/* Draws the page into (0, 0) .. (@width, @height) of @cr, in points,
 * on the caller's white paper (nothing is drawn outside the margins,
 * so a printer's unprintable edge loses nothing). A sheet wider than
 * high gets the portrait page, scaled to fit and centred. */
void         fw_report_paint       (FwReport        *report,
                                    cairo_t         *cr,
                                    double           width,
                                    double           height);

/* The report as a one-page PDF on @paper (text as text, fonts embedded),
 * or NULL with an FW_ERROR_FAILED error when drawing failed. */
GBytes      *fw_report_render_pdf  (FwReport        *report,
                                    FwPaper          paper,
                                    GError         **error);

/* The PDF's title: "Acme — Baseline". */
char        *fw_report_get_title   (FwReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwReport, fw_report_free)

G_END_DECLS
