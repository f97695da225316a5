/* fw-report.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-report"

#include "config.h"

#include <langinfo.h>
#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "fw-error.h"
#include "fw-export.h"
#include "fw-point-rank.h"
#include "fw-report-private.h"

/* Paper ------------------------------------------------------------------ */

FwPaper
fw_paper_for_locale (void)
{
#ifdef __GLIBC__
  /* glibc answers LC_PAPER's width in millimetres as a 32-bit word in
   * the pointer nl_langinfo () returns, the rest of which is not set
   * (GTK reads it through the same union): 216 for US Letter (the
   * Americas but Brazil, the Philippines), 210 for A4. */
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return FW_PAPER_LETTER;
#endif
  return FW_PAPER_A4;
}

void
fw_paper_get_size (FwPaper  paper,
                   double  *width,
                   double  *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == FW_PAPER_LETTER)
    {
      *width = 612.0;    /* 8.5 x 11 inches */
      *height = 792.0;
    }
  else
    {
      *width = 595.276;  /* 210 x 297 mm */
      *height = 841.89;
    }
}

/* The numbers ------------------------------------------------------------ */

typedef struct
{
  const FwScenario   *scenario;
  const FwProjection *projection;
} RankOrder;

/* Frictions costliest first, forces strongest first, as the window's
 * list sorted by impact (fw_point_rank_compare()). */
static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RankOrder *order = user_data;

  return fw_point_rank_compare (order->scenario, order->projection,
                                *(const guint *) a, *(const guint *) b);
}

static void
rank_points (FwReport *self)
{
  const FwScenario *scenario = fw_project_get_scenario (self->project, self->scenario);
  RankOrder order = { scenario, self->projection };

  self->frictions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->forces = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < scenario->points->len; k++)
    {
      const FwPoint *point = fw_scenario_get_point (scenario, k);

      if (!point->enabled)
        self->n_disabled++;
      else if (point->kind == FW_POINT_FRICTION)
        g_array_append_val (self->frictions, k);
      else
        g_array_append_val (self->forces, k);
    }

  g_array_sort_with_data (self->frictions, compare_ranks, &order);
  g_array_sort_with_data (self->forces, compare_ranks, &order);
}

/* What the page shows of @project: its name, period and horizon, the
 * reported scenario in full (shared, never changed) and the others by
 * name only (their summaries are worked out beforehand), so a report on
 * MODEL.md's largest project does not copy fifty scenarios of a
 * thousand notes. */
static FwProject *
copy_shown (const FwProject *project,
            guint            reported)
{
  FwProject *copy = fw_project_new (project->name);

  copy->period = project->period;
  copy->horizon = project->horizon;
  for (guint i = 0; i < project->scenarios->len; i++)
    {
      const FwScenario *scenario = fw_project_get_scenario (project, i);

      g_ptr_array_add (copy->scenarios, i == reported ? fw_scenario_ref (scenario)
                                                      : fw_scenario_new (scenario->name));
    }
  return copy;
}

FwReport *
fw_report_new (const FwProject *project,
               guint            scenario,
               GDateTime       *date)
{
  return fw_report_new_with_band (project, scenario, date, NULL);
}

FwReport *
fw_report_new_with_band (const FwProject *project,
                         guint            scenario,
                         GDateTime       *date,
                         FwBand          *band)
{
  return fw_report_new_with_results (project, scenario, date, NULL, band);
}

FwReport *
fw_report_new_with_results (const FwProject    *project,
                            guint               scenario,
                            GDateTime          *date,
                            const FwProjection *projection,
                            FwBand             *band)
{
  FwReport *self;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (scenario < project->scenarios->len, NULL);

  self = g_new0 (FwReport, 1);
  self->project = copy_shown (project, scenario);
  self->scenario = scenario;
  self->date = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();

  /* The window's projection on show, its impacts in, is this run's
   * answer already: at H = 100000 with 1000 points running it again was
   * seconds (V10-12). */
  if (projection != NULL && fw_projection_has_impacts (projection)
      && fw_projection_get_horizon (projection) == project->horizon)
    self->projection = fw_projection_copy (projection);
  else
    {
      self->projection = fw_projection_new ();
      fw_projection_run (self->projection, fw_project_get_scenario (self->project, scenario),
                         project->horizon);
    }
  if (band != NULL)
    self->band = g_object_ref (band);
  else
    self->band = fw_export_band_new (fw_project_get_scenario (self->project, scenario),
                                     project->horizon);
  rank_points (self);

  if (project->scenarios->len > 1)
    {
      g_autoptr(FwProjection) other = fw_projection_new ();

      self->summaries = g_new (FwSummary, project->scenarios->len);
      for (guint i = 0; i < project->scenarios->len; i++)
        {
          const FwProjection *source = self->projection;

          /* The summary needs no impacts: one run per scenario. */
          if (i != scenario)
            {
              fw_projection_run_figures (other, fw_project_get_scenario (project, i),
                                         project->horizon);
              source = other;
            }
          self->summaries[i] = *fw_projection_get_summary (source);
        }
    }

  return self;
}

void
fw_report_free (FwReport *self)
{
  if (self == NULL)
    return;

  fw_project_free (self->project);
  g_date_time_unref (self->date);
  fw_projection_free (self->projection);
  g_clear_object (&self->band);
  g_free (self->summaries);
  g_array_unref (self->frictions);
  g_array_unref (self->forces);
  g_free (self);
}

FwBand *
fw_report_get_band (FwReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->band;
}

char *
fw_report_get_title (FwReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* TRANSLATORS: the report's title: project and scenario */
  return g_strdup_printf (_("%s — %s"), self->project->name,
                          fw_project_get_scenario (self->project, self->scenario)->name);
}

void
fw_report_paint (FwReport *self,
                 cairo_t  *cr,
                 double    width,
                 double    height)
{
  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  if (width > height)
    {
      /* The report is a portrait page: its figures, chart, rankings and
       * table stacked down the sheet. A sheet turned to landscape (the
       * print dialog offers it) gets that page drawn for the same sheet
       * upright, scaled to the sheet's height and centred: smaller type,
       * rather than a layout squeezed into a low page that printed the
       * chart as a line, empty rankings and the table over the footer
       * (verifier V10-07). */
      double scale = height / width;

      cairo_translate (cr, (width - height * scale) / 2.0, 0.0);
      cairo_scale (cr, scale, scale);
      fw_report_paint_page (self, cr, height, width);
    }
  else
    fw_report_paint_page (self, cr, width, height);
  cairo_restore (cr);
}

/* PDF ------------------------------------------------------------------- */

GBytes *
fw_report_render_pdf (FwReport  *self,
                      FwPaper    paper,
                      GError   **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fw_paper_get_size (paper, &width, &height);
  title = fw_report_get_title (self);
  surface = cairo_pdf_surface_create_for_stream (fw_export_append_bytes, out, width, height);
  fw_export_describe_pdf (surface, title);

  cr = cairo_create (surface);
  fw_report_paint (self, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FW_ERROR, FW_ERROR_FAILED,
                   _("could not draw the report (%s)"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
