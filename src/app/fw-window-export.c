/* fw-window-export.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-window-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-chart.h"
#include "fw-chart-view.h"
#include "fw-context-menu.h"
#include "fw-error-text.h"
#include "fw-export.h"
#include "fw-file.h"
#include "fw-report.h"
#include "fw-window-private.h"

/* Getting the model out of the window: Export (the wheel or the chart as
 * PNG, SVG or PDF, or the projection as CSV, the format taken from the
 * name), Export Report (the one-page PDF), Print (that same page through
 * GtkPrintOperation, so "Print to File" gives the same PDF) and Copy on
 * the wheel or the chart (it as an image on the clipboard). Everything is drawn
 * by src/render, as `flywheel-cli export` and `report` draw it, and every
 * file is written whole or not at all (fw_file_replace ()). */

/* The size a copied wheel or chart has: the PNG export's default, a
 * 16:9 slide. */
#define COPY_WIDTH  1600
#define COPY_HEIGHT 900

static const struct {
  FwExportFormat format;
  const char    *extension;
  const char    *mime_type;
  const char    *name;     /* translatable */
} formats[] = {
  { FW_EXPORT_PNG, ".png", "image/png",       N_("PNG image") },
  { FW_EXPORT_SVG, ".svg", "image/svg+xml",   N_("SVG drawing") },
  { FW_EXPORT_PDF, ".pdf", "application/pdf", N_("PDF document") },
  { FW_EXPORT_CSV, ".csv", "text/csv",        N_("CSV table of the projection") },
};

/* "Acme — Baseline": the name exports are offered under, safe as a file
 * name. */
static char *
suggested_name (FwWindow   *self,
                const char *extension)
{
  const FwProject *project = fw_document_get_project (self->document);
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  char *name = g_strdup_printf ("%s — %s%s", project->name, scenario->name, extension);

  return g_strdelimit (name, "/\\", '-');
}

static void
show_write_error (FwWindow     *self,
                  GFile        *file,
                  const GError *error)
{
  g_autofree char *message = fw_error_text_export (file, error);

  fw_window_show_error (self, message);
}

/* Where the dialogs start ---------------------------------------------------- */

/* The folder any window last exported into, for the rest of the session:
 * a second project, or one never saved, starts where the user just was
 * rather than where the program happened to be started. */
static GFile *session_export_folder;

GFile *
fw_window_export_folder (FwWindow *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GFile *parent;

  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  if (self->export_folder != NULL)
    return g_object_ref (self->export_folder);
  if (self->file != NULL && (parent = g_file_get_parent (self->file)) != NULL)
    return parent;
  if (session_export_folder != NULL)
    return g_object_ref (session_export_folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/* After an export into @file: its folder is where the next one starts. */
static void
remember_export_folder (FwWindow *self,
                        GFile    *file)
{
  GFile *folder = g_file_get_parent (file);

  if (folder == NULL)
    return;
  g_set_object (&self->export_folder, folder);
  g_set_object (&session_export_folder, folder);
  g_object_unref (folder);
}

static void
start_in_export_folder (FwWindow       *self,
                        GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = fw_window_export_folder (self);

  /* A folder that went away since is no reason not to show the dialog. */
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* Says where an export (or a print to a file) went, with Open and
 * Open Folder. */
static void
notify_written (FwWindow *self,
                GFile    *file,
                gboolean  printed)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent != NULL ? fw_window_display_folder (parent) : NULL;
  g_autofree char *text = NULL;

  if (printed)
    text = folder != NULL
      /* TRANSLATORS: after Print to File: a file's name, then its folder ("~/Documents") */
      ? g_strdup_printf (_("Printed “%s” to %s"), name, folder)
      : g_strdup_printf (_("Printed “%s”"), name);
  else
    text = folder != NULL
      /* TRANSLATORS: after an export: a file's name, then its folder ("~/Documents") */
      ? g_strdup_printf (_("Exported “%s” to %s"), name, folder)
      : g_strdup_printf (_("Exported “%s”"), name);
  fw_window_notify (self, text, file);
}

/* After an export into @file: where it went in a notice (and its folder
 * is where the next one starts), or, with @error, why not in the banner.
 * FALSE then. */
static gboolean
say_exported (FwWindow     *self,
              GFile        *file,
              const GError *error)
{
  if (error != NULL)
    {
      show_write_error (self, file, error);
      return FALSE;
    }
  remember_export_folder (self, file);
  notify_written (self, file, FALSE);
  return TRUE;
}

/* The local path exports write @file at; NULL with @error set for a
 * file elsewhere (a portal's URI, a network share without a mount). */
static char *
export_path (GFile   *file,
             GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 "%s", "exports are written to local files only");
  return path;
}

/* Writes @bytes to @file whole; says so in a notice, or why not in the
 * banner. */
static gboolean
write_whole (FwWindow  *self,
             GFile     *file,
             GBytes    *bytes,
             GError    *render_error)
{
  g_autoptr(GError) error = render_error;
  g_autofree char *path = NULL;

  if (bytes != NULL && error == NULL && (path = export_path (file, &error)) != NULL)
    fw_file_replace (path, bytes, &error);
  return say_exported (self, file, error);
}

/* The band the chart shows for document scenario @scenario, when the
 * projection service has it ready: exports draw that one, so they match
 * the screen and nothing is computed twice (render computes it only
 * while the service is still at work). */
static FwBand *
ready_band (FwWindow *self,
            guint     scenario)
{
  return fw_projection_service_get_band (fw_session_get_projections (self->session), scenario);
}

/* The wheel or the chart (@view) as the window shows it, drawn by
 * src/render in @format at @width x @height: what Export writes and Copy
 * puts on the clipboard. The wheel has its caption (project, scenario,
 * "Month 6 of 24") unless the Export dialog's "Caption" was last
 * unticked: a wheel pasted into a slide beside another must say which
 * it is (review5's R5-21), and Copy draws what Export would, so the
 * two never disagree about a picture the user asked for once. */
static GBytes *
draw_view (FwWindow        *self,
           FwExportFormat   format,
           guint            view,
           guint            width,
           guint            height,
           GError         **error)
{
  const FwProject *project = fw_document_get_project (self->document);
  FwBand *bands[FW_CHART_MAX_SCENARIOS] = { NULL };
  const guint *shown;
  guint n_shown;

  /* What the window shows: the chart overlays the scenarios on show. */
  shown = fw_session_get_shown (self->session, &n_shown);
  n_shown = view == FW_EXPORT_CHART ? MIN (n_shown, FW_CHART_MAX_SCENARIOS) : 1;
  for (guint i = 0; i < n_shown; i++)
    bands[i] = ready_band (self, shown[i]);
  /* The wheel is drawn at the period shown (its counts then); the chart
   * without the playback marker, as `flywheel-cli export --what chart`
   * draws it without --period: where playback stands is the window's
   * state, like the selection, not part of the projection handed out
   * (docs/model-notes.md). */
  return fw_export_project (project, shown, n_shown, bands, format, view, width, height,
                            view == FW_EXPORT_CHART ? -1 : (int) fw_session_get_period (self->session),
                            !self->wheel_uncaptioned, error);
}

gboolean
fw_window_export_to (FwWindow *self,
                     GFile    *file,
                     guint     view)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  FwExportFormat format;
  guint width, height;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_basename (file);
  if (!fw_export_format_for_path (path, &format))
    {
      g_autofree char *message =
        /* TRANSLATORS: %s is a file name */
        g_strdup_printf (_("Could not export to “%s”: its name must end in .png, .svg, .pdf "
                           "or .csv, which says what to write."), path);

      fw_window_show_error (self, message);
      return FALSE;
    }

  /* The next Export offers the same again: a deck wants the chart in
   * each format, and the dialog must not quietly go back to the wheel
   * (review4 got the wheel in chart.svg and chart.pdf). */
  self->export_chart = view == FW_EXPORT_CHART;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      self->export_extension = formats[i].extension;

  fw_export_default_size (format, &width, &height);
  bytes = draw_view (self, format, view, width, height, &error);
  return write_whole (self, file, bytes, error);
}

/* The projection on show of @scenario when its impacts are in: the
 * report's own run would be the same numbers again. */
static const FwProjection *
ready_projection (FwWindow *self,
                  guint     scenario)
{
  const FwProjection *projection = fw_projection_service_get (fw_session_get_projections (self->session),
                                                              scenario);

  return projection != NULL && fw_projection_has_impacts (projection) ? projection : NULL;
}

FwReport *
fw_window_new_report (FwWindow *self)
{
  guint scenario = fw_session_get_scenario_index (self->session);

  return fw_report_new_with_results (fw_document_get_project (self->document), scenario, NULL,
                                     ready_projection (self, scenario), ready_band (self, scenario));
}

/* Choosing where ---------------------------------------------------------- */

/* The file an accepted Export writes: the name typed, its type settled
 * with the type list. GtkFileChooserNative does not tell when the type
 * list changes in GTK's own dialog, and a portal says which type only
 * when it answers, so the name cannot follow the list while the dialog
 * is up; instead, on Export, a type picked from the list wins over the
 * extension the dialog itself offered: "SVG drawing" with
 * "Acme — Baseline.png" left as offered writes "Acme — Baseline.svg"
 * (who picks a type expects that type, as LibreOffice's "automatic file
 * name extension" gives it). An extension the user typed (other than
 * the one offered) is honoured whatever the list says, and a name
 * without a known one takes the list's. GTK's own dialog asks before
 * replacing the file as named ("….png"), not the one then written
 * ("….svg"): on_export_response () never replaces that one unasked. */
static GFile *
export_file (GFile      *chosen,
             const char *offered,
             const char *picked)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autoptr(GFile) parent = g_file_get_parent (chosen);
  g_autofree char *named = NULL;
  g_autofree char *stem = NULL;

  if (name == NULL || parent == NULL || picked == NULL)
    return g_object_ref (chosen);
  if (!fw_export_format_for_path (name, NULL))
    named = g_strconcat (name, picked, NULL);
  else if (offered != NULL && g_ascii_strcasecmp (picked, offered) != 0
           && g_ascii_strcasecmp (name + strlen (name) - strlen (offered), offered) == 0)
    {
      stem = g_strndup (name, strlen (name) - strlen (offered));
      named = g_strconcat (stem, picked, NULL);
    }
  else
    return g_object_ref (chosen);
  return g_file_get_child (parent, named);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    FwWindow        *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
      const char *picked = filter != NULL ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
      const char *offered = g_object_get_data (G_OBJECT (native), "extension");
      const char *what = gtk_file_chooser_get_choice (chooser, "what");
      const char *caption = gtk_file_chooser_get_choice (chooser, "caption");

      /* Remembered for the next Export and for Copy. */
      if (caption != NULL)
        self->wheel_uncaptioned = g_strcmp0 (caption, "true") != 0;
      if (chosen != NULL)
        {
          g_autoptr(GFile) file = export_file (chosen, offered, picked);

          /* The dialog asked about replacing the name it showed, not the
           * one the type picked made: that one, if it is there, is
           * never replaced unasked. */
          if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
            {
              g_autofree char *base = g_file_get_basename (file);
              g_autofree char *message =
                /* TRANSLATORS: %s is a file name */
                g_strdup_printf (_("Nothing was exported: “%s” already exists. To replace it, "
                                   "export again and type its name."), base);

              fw_window_show_error (self, message);
            }
          else
            fw_window_export_to (self, file,
                                 g_strcmp0 (what, "chart") == 0 ? FW_EXPORT_CHART : FW_EXPORT_WHEEL);
        }
    }
  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *native;
  const char *ids[] = { "wheel", "chart" };
  const char *labels[] = { _("The wheel"), _("The projection chart") };
  /* What was last drawn comes first: GTK 4.8's own dialog (the one shown
   * without a portal) ignores gtk_file_chooser_set_choice () for a list
   * choice (it looks up a box where it stored the drop-down) and shows
   * the first option; the portal takes the choice set below. */
  guint last = self->export_chart ? 1 : 0;
  const char *what_ids[] = { ids[last], ids[1 - last], NULL };
  const char *what_labels[] = { labels[last], labels[1 - last], NULL };
  /* The dialog offers what this window last exported, drawing and type
   * (fw_window_export_to () remembers them), so "the chart in each
   * format" is the chart each time. */
  const char *extension = self->export_extension != NULL ? self->export_extension : ".png";
  g_autofree char *name = suggested_name (self, extension);

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      g_object_set_data (G_OBJECT (filter), "extension", (gpointer) formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (g_str_equal (formats[i].extension, extension))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  /* TRANSLATORS: in the Export dialog: what to draw */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "what", _("Draw"),
                               what_ids, what_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "what", ids[last]);
  /* A check box (no options): ticked unless the user unticked it last
   * time. GTK 4.8's own dialog honours set_choice () for a check box. */
  /* TRANSLATORS: in the Export dialog: a check box */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "caption",
                               _("Caption the wheel with project, scenario and month"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "caption",
                               self->wheel_uncaptioned ? "false" : "true");
  start_in_export_folder (self, GTK_FILE_CHOOSER (native));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "extension", (gpointer) extension);

  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_report_response (GtkNativeDialog *native,
                           int              response,
                           FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *name = chosen != NULL ? g_file_get_basename (chosen) : NULL;
      g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
      g_autoptr(GFile) file = NULL;

      /* A report is a PDF, whatever the name typed. */
      if (lower != NULL && !g_str_has_suffix (lower, ".pdf"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (name, ".pdf", NULL);

          file = g_file_get_child (parent, named);
        }
      else
        file = g_steal_pointer (&chosen);

      if (file != NULL)
        fw_window_export_report_to (self, file);
    }
  g_object_unref (native);
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, ".pdf");
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_export_folder (self, GTK_FILE_CHOOSER (native));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (on_export_report_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Printing ------------------------------------------------------------------ */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              FwReport          *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autofree char *title = fw_report_get_title (report);

  /* Printed to a PDF file (or to a printer that takes PDF), the file
   * carries the title `flywheel-cli report` and Export Report give it. */
  fw_export_describe_pdf (cairo_get_target (cr), title);
  /* The whole sheet in points, as the PDF's page: the report keeps its
   * own margins, wide enough for a printer's unprintable edge. */
  fw_report_paint (report, cr, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* A print operation of @report (taken). */
static GtkPrintOperation *
new_print_operation (FwWindow *self,
                     FwReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *title = NULL;

  /* The locale's paper, as the exported report has it; the print dialog
   * may change it, and the page is drawn for whatever it is. */
  paper = gtk_paper_size_new (fw_paper_for_locale () == FW_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                         : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = fw_report_get_title (report);
  gtk_print_operation_set_job_name (operation, title);
  {
    /* "Print to File" offers the report's name, as Export Report does,
     * not "output.pdf". */
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *basename = g_strdelimit (g_strdup (title), "/\\", '-');
    g_autoptr(GFile) folder = fw_window_export_folder (self);
    g_autofree char *folder_path = g_file_get_path (folder);

    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
    /* ... in the folder the export dialogs start in. GTK's file backend
     * takes the folder as a path (it builds the file's URI from it): a
     * URI there leaves "Print to File" without a file, and printing
     * fails. A folder with no local path keeps GTK's default. */
    if (folder_path != NULL)
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder_path);
    gtk_print_operation_set_print_settings (operation, settings);
  }

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page), report,
                         (GClosureNotify) (void (*) (void)) fw_report_free, 0);
  return operation;
}

static void
report_print_error (FwWindow          *self,
                    GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_print_operation_get_error (operation, &error);
  g_message ("Printing failed: %s", error != NULL ? error->message : "no reason given");
  /* TRANSLATORS: in the window's banner when printing failed */
  message = g_strdup (_("The report could not be printed. Check the printer, or print to a "
                        "file instead."));
  fw_window_show_error (self, message);
}

gboolean
fw_window_print_report_to (FwWindow    *self,
                           const char  *pdf_path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  operation = new_print_operation (self, fw_window_new_report (self));
  gtk_print_operation_set_export_filename (operation, pdf_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      report_print_error (self, operation);
      return FALSE;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (pdf_path);

    remember_export_folder (self, file);
  }
  return TRUE;
}

gboolean
fw_window_printed (FwWindow         *self,
                   GtkPrintSettings *settings)
{
  const char *uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)
                                     : NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);

  /* Sent to a printer: the printer's own queue says what became of it. */
  if (uri == NULL || !g_str_has_prefix (uri, "file:"))
    return FALSE;
  /* Printed to a file ("Print to File"): a file the user will look for,
   * so it is said where it went, with Open and Open Folder, as after
   * Export Report (which writes the same page); and its folder is
   * remembered as an export's. */
  file = g_file_new_for_uri (uri);
  remember_export_folder (self, file);
  notify_written (self, file, TRUE);
  return TRUE;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               FwWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_print_error (self, operation);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    fw_window_printed (self, gtk_print_operation_get_print_settings (operation));
  g_object_unref (operation);
}

/* Preparing the report off the main loop -------------------------------------- */

/* Ctrl+P and Export Report answer at once (V10-12: on MODEL.md's
 * largest project at H = 100000 the window froze for seconds while the
 * report was built). The report's numbers are worked out in a thread
 * from what the window shows when asked: a copy of the project (its
 * scenarios shared, never changed once shared), the projection
 * service's projection of the scenario on show (copied: the service
 * runs it again in place on the next edit) and its band; what the
 * service has not finished (impacts, band) and the other scenarios'
 * figures are computed there, by fw_report_new_with_results () as
 * `flywheel-cli report` does. The window says it is preparing the
 * report meanwhile. For Print the page then goes to the print dialog;
 * for Export Report the same thread draws the PDF and writes it whole
 * (fw_file_replace (): a temporary renamed over the file, so a failed
 * or interrupted write leaves the old file or none, never half of one),
 * and the window says where it went or why not. */
typedef struct
{
  FwProject    *project;
  guint         scenario;
  FwProjection *projection;   /* NULL: its impacts were not in */
  FwBand       *band;         /* NULL: not ready, or no spreads */
  GFile        *file;         /* Export Report's; NULL: for the print dialog */
  char         *path;         /* ... its local path */
  FwPaper       paper;        /* ... on the locale's paper */
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  fw_project_free (job->project);
  fw_projection_free (job->projection);
  g_clear_object (&job->band);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

/* In a thread of GTask's pool. */
static void
prepare_report (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(FwReport) report = fw_report_new_with_results (job->project, job->scenario, NULL,
                                                           job->projection, job->band);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  /* Drawing the page touches nothing shared: its own cairo surface, and
   * Pango's font map is one per thread (pango_cairo_font_map_get_default ()). */
  if (job->file != NULL
      && ((bytes = fw_report_render_pdf (report, job->paper, &error)) == NULL
          || !fw_file_replace (job->path, bytes, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) fw_report_free);
}

/* Starts preparing the report of the scenario on show, for the print
 * dialog or (@file) for Export Report into @path (local, taken); @done
 * gets it on the main loop and calls report_finished () first. */
static void
start_report (FwWindow            *self,
              GFile               *file,
              char                *path,
              GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;
  const FwProjection *projection;
  ReportJob *job = g_new0 (ReportJob, 1);

  job->project = fw_project_copy (fw_document_get_project (self->document));
  job->scenario = fw_session_get_scenario_index (self->session);
  projection = ready_projection (self, job->scenario);
  job->projection = projection != NULL ? fw_projection_copy (projection) : NULL;
  job->band = ready_band (self, job->scenario);
  if (job->band != NULL)
    g_object_ref (job->band);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->path = path;
  job->paper = fw_paper_for_locale ();

  /* TRANSLATORS: in the window's notice, from Ctrl+P until the print
   * dialog opens, or from Export Report until the file is written */
  fw_window_notify (self, _("Preparing the report…"), NULL);
  if (self->report_jobs == NULL)
    self->report_jobs = g_cancellable_new ();
  self->reports_under_way++;
  /* An export under way keeps the program running until its file is
   * written (closing the last window would otherwise end the process
   * half way through the write, leaving the temporary behind and no
   * report); Ctrl+P's report is dropped with its window. */
  if (file != NULL && g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());

  task = g_task_new (self, self->report_jobs, done, NULL);
  g_task_set_source_tag (task, start_report);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, prepare_report);
}

/* A report's thread is back: FALSE when its window closed meanwhile
 * (nothing is then said). */
static gboolean
report_finished (FwWindow     *self,
                 GAsyncResult *result)
{
  ReportJob *job = g_task_get_task_data (G_TASK (result));

  if (job->file != NULL && g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return FALSE;
  self->reports_under_way--;
  if (self->reports_under_way == 0
      && g_strcmp0 (fw_window_get_notice (self), _("Preparing the report…")) == 0)
    fw_window_dismiss_notice (self);
  return TRUE;
}

static void
on_report_prepared (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (object);
  FwReport *report = g_task_propagate_pointer (G_TASK (result), NULL);
  GtkPrintOperation *operation;

  self->print_preparing = FALSE;
  if (!report_finished (self, result) || report == NULL)
    {
      g_clear_pointer (&report, fw_report_free);
      return;
    }

  operation = new_print_operation (self, report);
  /* Asynchronous where the platform allows: the window keeps drawing
   * while the dialog is up. "done" ends every run, failed or not, and
   * owns the operation. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  /* A second Ctrl+P while the first is prepared: one dialog. */
  if (self->print_preparing)
    {
      fw_window_notify (self, _("Preparing the report…"), NULL);
      return;
    }
  self->print_preparing = TRUE;
  start_report (self, NULL, NULL, on_report_prepared);
}

static void
on_report_exported (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (object);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report_finished (self, result))
    say_exported (self, job->file, error);
}

gboolean
fw_window_export_report_to (FwWindow *self,
                            GFile    *file)
{
  g_autoptr(GError) error = NULL;
  char *path;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = export_path (file, &error)) == NULL)
    return say_exported (self, file, error);
  start_report (self, file, path, on_report_exported);
  return TRUE;
}

gboolean
fw_window_is_preparing_report (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);

  return self->reports_under_way > 0;
}

/* Copying ------------------------------------------------------------------- */

GdkTexture *
fw_window_render_texture (FwWindow  *self,
                          guint      view,
                          GError   **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);

  /* The PNG export, read back as a texture: the clipboard offers it as
   * image/png (and whatever else GDK converts a texture to), drawn
   * exactly as an exported wheel or chart. */
  png = draw_view (self, FW_EXPORT_PNG, view, COPY_WIDTH, COPY_HEIGHT, error);
  return png != NULL ? gdk_texture_new_from_bytes (png, error) : NULL;
}

static void
copy_view (FwWindow *self,
           guint     view)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = fw_window_render_texture (self, view, &error);

  if (texture == NULL)
    {
      g_message ("Copying the %s failed: %s", view == FW_EXPORT_CHART ? "chart" : "wheel", error->message);
      fw_window_show_error (self, view == FW_EXPORT_CHART
                                  /* TRANSLATORS: in the window's banner */
                                  ? _("The chart could not be copied.")
                                  /* TRANSLATORS: in the window's banner */
                                  : _("The wheel could not be copied."));
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  fw_window_notify (self, view == FW_EXPORT_CHART
                          /* TRANSLATORS: after Ctrl+C on the chart, or the main menu's item */
                          ? _("Copied the chart as an image")
                          /* TRANSLATORS: after Ctrl+C on the wheel, or the main menu's item */
                          : _("Copied the wheel as an image"),
                    NULL);
}

/* Export… from the wheel's or the chart's context menu: the dialog
 * offers the drawing the menu was opened on. */
static void
export_drawing_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  self->export_chart = g_str_equal (g_variant_get_string (parameter, NULL), "chart");
  export_activated (widget, "win.export", NULL);
}

static void
copy_wheel_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy_view (FW_WINDOW (widget), FW_EXPORT_WHEEL);
}

static void
copy_chart_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy_view (FW_WINDOW (widget), FW_EXPORT_CHART);
}

/* Setting up ----------------------------------------------------------------- */

void
fw_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-drawing", "s", export_drawing_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-wheel", NULL, copy_wheel_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_activated);
}

/* Ctrl+C on @widget runs @action. */
static void
add_copy_key (GtkWidget  *widget,
              const char *action)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>c"),
                                                          gtk_named_action_new (action)));
  gtk_widget_add_controller (widget, controller);
}

/* The chart's context menu (fw-context-menu.c): Copy and Export of the
 * chart; the wheel's is its own (fw-wheel-view-menu.c), with its
 * points' and stages' actions. */
static GMenuModel *
chart_menu (GtkWidget    *widget,
            double        x,
            double        y,
            GdkRectangle *rect,
            gpointer      data)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) copy = NULL;
  g_autoptr(GMenuItem) export = NULL;

  if (x >= 0 && y >= 0)
    gtk_widget_grab_focus (widget);
  /* TRANSLATORS: the projection chart's context menu */
  copy = g_menu_item_new (_("_Copy the Chart as an Image"), "win.copy-chart");
  g_menu_item_set_attribute (copy, "accel", "s", "<Control>c");
  g_menu_append_item (menu, copy);
  /* TRANSLATORS: the projection chart's context menu: the Export dialog, drawing the chart */
  export = g_menu_item_new (_("_Export the Chart…"), NULL);
  g_menu_item_set_action_and_target_value (export, "win.export-drawing", g_variant_new_string ("chart"));
  g_menu_append_item (menu, export);
  return G_MENU_MODEL (menu);
}

void
fw_window_add_copy_keys (FwWindow *self)
{
  fw_context_menu_attach (fw_chart_view_get_canvas (FW_CHART_VIEW (self->chart)), chart_menu, self);

  /* Ctrl+C copies the wheel while the wheel has the focus, the chart
   * while the chart has it (clicked, or reached with Tab): in a text
   * field it still copies text. */
  add_copy_key (self->wheel, "win.copy-wheel");
  add_copy_key (fw_chart_view_get_canvas (FW_CHART_VIEW (self->chart)), "win.copy-chart");
}
