/* test-report.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "fw-chart-settle.h"
#include "fw-display-number.h"
#include "fw-export.h"
#include "fw-report-private.h"
#include "fw-templates.h"
#include "fw-wheel-layout.h"
#include "fw-test-largest.h"

/* The one-page report through src/render, without a display: whatever
 * the project holds, everything drawn stays on the page, inside its
 * margins; the paper's sizes; and, run under German with this build's
 * translations (meson runs it a second time with LC_ALL=de_DE.UTF-8),
 * the report's words in the user's language. */

static gboolean german;

static FwProject *
sample_project (guint n_scenarios)
{
  FwProject *project = fw_project_new ("Acme");

  for (guint s = 0; s < n_scenarios; s++)
    {
      g_autofree char *name = g_strdup_printf ("Scenario %u", s + 1);
      FwScenario *scenario = fw_scenario_new (name);

      scenario->inflow = 100 + s;
      for (guint i = 0; i < 3; i++)
        {
          FwStage *stage = fw_stage_new (i == 0 ? "Attract" : i == 1 ? "Engage" : "Delight", i);

          stage->count = 100 * (i + 1);
          stage->customer = i == 2;
          stage->advance = i == 2 ? 0 : 0.3;
          stage->loss = 0.1;
          stage->referral = i == 2 ? 0.1 : 0;
          g_ptr_array_add (scenario->stages, stage);
        }
      for (guint k = 0; k < 4; k++)
        {
          FwPoint *point = fw_point_new (k % 2 ? "Referral reward" : "Slow replies", 30 + 90 * k);

          point->kind = k % 2 ? FW_POINT_FORCE : FW_POINT_FRICTION;
          point->conversion = k % 2 ? 0.1 * (k + 1) : -0.1 * (k + 1);
          g_ptr_array_add (scenario->points, point);
        }
      g_ptr_array_add (project->scenarios, scenario);
    }
  return project;
}

/* Draws @report on a sheet of @width x @height points into a recording
 * surface, checks that every mark lies on the sheet, inside a margin of
 * @margin points, and gives the size of what was drawn. */
static void
assert_on_sheet (FwReport *report,
                 double    width,
                 double    height,
                 double    margin,
                 double   *ink_width,
                 double   *ink_height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  double x, y, w, h;
  cairo_t *cr = cairo_create (surface);

  fw_report_paint (report, cr, width, height);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (x, >=, margin);
  g_assert_cmpfloat (y, >=, margin);
  g_assert_cmpfloat (x + w, <=, width - margin);
  g_assert_cmpfloat (y + h, <=, height - margin);
  cairo_surface_destroy (surface);
  *ink_width = w;
  *ink_height = h;
}

/* Draws @report on @paper and checks that every mark lies on the page,
 * inside a margin of @margin points, and fills most of it. */
static void
assert_on_page (FwReport *report,
                FwPaper   paper,
                double    margin)
{
  double width, height, w, h;

  fw_paper_get_size (paper, &width, &height);
  assert_on_sheet (report, width, height, margin, &w, &h);
  g_assert_cmpfloat (w, >, width / 2);
  g_assert_cmpfloat (h, >, height / 2);
}

/* A sheet turned to landscape in the print dialog gets the portrait
 * page, upright and smaller, the same drawing as on the upright sheet
 * (the same proportions of ink), never a layout squeezed into a low
 * page: that printed the chart as a line, the rankings empty and the
 * scenarios' table over the footer (verifier V10-07). */
static void
test_report_landscape_sheet (void)
{
  g_autoptr(FwProject) project = sample_project (4);
  g_autoptr(FwReport) report = fw_report_new (project, 1, NULL);

  for (FwPaper paper = FW_PAPER_A4; paper <= FW_PAPER_LETTER; paper++)
    {
      double width, height, upright_w, upright_h, turned_w, turned_h;

      fw_paper_get_size (paper, &width, &height);
      assert_on_sheet (report, width, height, 20, &upright_w, &upright_h);
      assert_on_sheet (report, height, width, 14, &turned_w, &turned_h);
      g_test_message ("ink %.0f x %.0f pt upright, %.0f x %.0f pt on the turned sheet",
                      upright_w, upright_h, turned_w, turned_h);
      g_assert_cmpfloat_with_epsilon (turned_h / turned_w, upright_h / upright_w,
                                      0.01 * upright_h / upright_w);
      g_assert_cmpfloat (turned_h, >, 0.8 * width * (upright_h / height));
    }
}

static void
test_report_paper_sizes (void)
{
  double width, height;

  fw_paper_get_size (FW_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 210 / 25.4 * 72, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 297 / 25.4 * 72, 0.01);
  fw_paper_get_size (FW_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

static void
test_report_largest_stays_on_the_page (void)
{
  for (guint kind = FW_LARGEST_FOR_JSON; kind <= FW_LARGEST_FOR_STORE; kind++)
    {
      g_autoptr(FwProject) project = fw_test_largest_project (kind, 50);
      g_autoptr(FwReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;

      /* The most of everything the page shows; a horizon of 100,000
       * periods would only make the engine's part (1000 impacts, the
       * band) take a minute, and draws the same page. */
      project->horizon = 120;
      report = fw_report_new (project, 49, NULL);

      assert_on_page (report, FW_PAPER_A4, 20);
      assert_on_page (report, FW_PAPER_LETTER, 20);
      pdf = fw_report_render_pdf (report, FW_PAPER_LETTER, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
    }
}

/* The report's wheel names every stage in full, as a consultant hands
 * it out: the seven steps (the longest names of the templates, "Nurture
 * and delight" and "Initiate contact" beside narrow arcs) and sixteen
 * stages of a long customer journey with a point on each, on both
 * papers. */
static void
test_report_wheel_names_whole (void)
{
  static const char *const journey[] = {
    "Awareness", "Interest", "Consideration", "Evaluation", "Free trial", "Purchase",
    "Onboarding", "First value", "Adoption", "Habit", "Renewal", "Expansion", "Loyalty",
    "Advocacy", "Referrals", "Win-back",
  };
  g_autoptr(FwProject) seven = fw_template_create ("sales-cycle", NULL);
  g_autoptr(FwProject) sixteen = fw_template_create ("sales-cycle", NULL);
  FwScenario *scenario = fw_project_get_scenario (sixteen, 0);
  FwProject *projects[] = { seven, sixteen };

  g_ptr_array_set_size (scenario->stages, 0);
  g_ptr_array_set_size (scenario->points, 0);
  for (guint i = 0; i < G_N_ELEMENTS (journey); i++)
    {
      FwStage *stage = fw_stage_new (journey[i], i);

      stage->count = 1000 + 97 * i;
      stage->advance = i + 1 < G_N_ELEMENTS (journey) ? 0.3 : 0.0;
      stage->referral = i >= 12 ? 0.05 : 0.0;
      stage->customer = i >= 5;
      g_ptr_array_add (scenario->stages, stage);
      g_ptr_array_add (scenario->points, fw_point_new (journey[i], i * 22.5 + 11.0));
    }

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    for (FwPaper paper = FW_PAPER_A4; paper <= FW_PAPER_LETTER; paper++)
      {
        g_autoptr(FwReport) report = fw_report_new (projects[p], 0, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) pdf = fw_report_render_pdf (report, paper, &error);
        guint n_stages = fw_project_get_scenario (projects[p], 0)->stages->len;

        g_assert_no_error (error);
        g_test_message ("%s: %u of %u stages named in full", projects[p]->name,
                        report->wheel_names_whole, n_stages);
        g_assert_cmpuint (report->wheel_names_whole, ==, n_stages);
      }
}

/* The PDF's text, from pdftotext; NULL (and the test skipped) without it. */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-raw", NULL, "-", NULL };
  int fd, status;

  if (pdftotext == NULL)
    return NULL;
  fd = g_file_open_tmp ("test-report-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  argv[2] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return g_steal_pointer (&out);
}

static void
test_report_words (void)
{
  g_autoptr(FwProject) project = sample_project (2);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);
  g_autoptr(FwReport) report = fw_report_new (project, 1, date);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fw_report_render_pdf (report, FW_PAPER_A4, &error);
  g_autofree char *text = NULL;
  g_autofree char *title = fw_report_get_title (report);

  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Acme — Scenario 2");
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (text, fw_scenario_get_stage (fw_project_get_scenario (project, 1),
                                                            i)->name));
  if (german)
    {
      g_assert_nonnull (strstr (text, "4. Dezember 2026"));
      g_assert_nonnull (strstr (text, "Szenario: Scenario 2"));
      g_assert_nonnull (strstr (text, "Zusammenfassung"));
      g_assert_nonnull (strstr (text, "Teuerste Reibungspunkte"));
      g_assert_nonnull (strstr (text, "Stärkste Kräfte"));
      g_assert_nonnull (strstr (text, "Szenarien im Vergleich"));
      /* The window's words for a gain below 1, not an alarm. */
      g_assert_nonnull (strstr (text, "Braucht Marketing"));
      g_assert_null (strstr (text, "Nicht selbsttragend"));
    }
  else
    {
      g_assert_nonnull (strstr (text, "4 December 2026"));
      g_assert_nonnull (strstr (text, "Scenario: Scenario 2"));
      g_assert_nonnull (strstr (text, "Summary"));
      g_assert_nonnull (strstr (text, "Costliest friction"));
      g_assert_nonnull (strstr (text, "Strongest forces"));
      g_assert_nonnull (strstr (text, "Scenarios compared"));
    }
}

/* The report counts time in the project's own period, wherever it names
 * it: a weekly or quarterly project's report never says "month". */
static void
test_report_period_unit (void)
{
  const struct { FwPeriod period; const char *unit, *unit_de; } cases[] = {
    { FW_PERIOD_WEEK, "week", "woche" },
    { FW_PERIOD_QUARTER, "quarter", "quartal" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(FwProject) project = sample_project (2);
      g_autoptr(FwReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *text = NULL;
      g_autofree char *lower = NULL;

      project->period = cases[c].period;
      report = fw_report_new (project, 0, NULL);
      pdf = fw_report_render_pdf (report, FW_PAPER_A4, &error);
      g_assert_no_error (error);
      text = pdf_text (pdf);
      if (text == NULL)
        {
          g_test_skip ("pdftotext (poppler-utils) is not installed");
          return;
        }
      lower = g_utf8_strdown (text, -1);
      g_assert_null (strstr (lower, german ? "monat" : "month"));
      g_assert_nonnull (strstr (lower, german ? cases[c].unit_de : cases[c].unit));
    }
}

static void
test_report_band_only_with_spreads (void)
{
  g_autoptr(FwProject) project = sample_project (1);
  g_autoptr(FwReport) plain = fw_report_new (project, 0, NULL);
  g_autoptr(FwReport) uncertain = NULL;
  FwScenario *scenario = fw_project_get_scenario (project, 0);

  g_assert_null (fw_report_get_band (plain));
  scenario->uncertainty.advance = 0.2;
  uncertain = fw_report_new (project, 0, NULL);
  g_assert_nonnull (fw_report_get_band (uncertain));
  g_assert_true (fw_band_is_computed (fw_report_get_band (uncertain)));
  g_assert_cmpuint (fw_band_get_draws (fw_report_get_band (uncertain)), ==, FW_BAND_DEFAULT_DRAWS);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} ReadPng;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  ReadPng *read = closure;

  if (read->offset + length > read->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, read->data + read->offset, length);
  read->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG export, decoded by another reader (cairo's, through libpng):
 * its size, the white page and each stage's colour in the middle of its
 * arc, so a channel swapped in the encoder (cairo's pixels are BGRx in
 * memory) shows. */
static void
test_export_png_pixels (void)
{
  g_autoptr(FwProject) project = sample_project (1);
  FwScenario *scenario = fw_project_get_scenario (project, 0);
  const guint shown = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *image;
  FwWheelLayout layout;
  ReadPng read = { NULL, 0, 0 };
  const guint8 *pixels;
  int stride;

  /* Stage colours far apart in every channel. */
  g_strlcpy (fw_scenario_get_stage (scenario, 0)->color, "#e01b24", 8);
  g_strlcpy (fw_scenario_get_stage (scenario, 1)->color, "#2ec27e", 8);
  g_strlcpy (fw_scenario_get_stage (scenario, 2)->color, "#1c71d8", 8);
  /* No markers on the arcs. */
  g_ptr_array_set_size (scenario->points, 0);

  png = fw_export_project (project, &shown, 1, NULL, FW_EXPORT_PNG, FW_EXPORT_WHEEL, 1920, 1080, -1, FALSE, &error);
  g_assert_no_error (error);
  read.data = g_bytes_get_data (png, &read.length);
  image = cairo_image_surface_create_from_png_stream (read_png, &read);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);

  g_assert_cmphex (*(const guint32 *) pixels & 0xffffff, ==, 0xffffff);
  fw_wheel_layout_compute (&layout, 1920, 1080);
  for (guint i = 0; i < 3; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (scenario, i);
      guint32 expected = (guint32) g_ascii_strtoull (stage->color + 1, NULL, 16);
      double start, end, x, y;
      guint32 pixel;

      fw_scenario_stage_arc (scenario, i, &start, &end);
      /* Near the arc's start, clear of its label in the middle. */
      fw_wheel_layout_position (&layout, start + (end - start) * 0.12,
                                (layout.inner + layout.outer) / 2, &x, &y);
      pixel = *(const guint32 *) (pixels + (int) y * stride + (int) x * 4) & 0xffffff;
      /* The arc is its colour, perhaps shaded: the strongest channel
       * stays the strongest. */
      for (guint shift = 0; shift <= 16; shift += 8)
        if (((expected >> shift) & 0xff) > 0xc0)
          g_assert_cmpuint ((pixel >> shift) & 0xff, >, 0x80);
        else if (((expected >> shift) & 0xff) < 0x40)
          g_assert_cmpuint ((pixel >> shift) & 0xff, <, 0xa0);
    }
  cairo_surface_destroy (image);
}

/* An exported chart has a blank border: pasted on a slide beside other
 * content, its legend and its last period's label do not touch the
 * image's edges (they were 10 px and 1 px from them at 1600 x 900). */
static void
test_export_chart_margin (void)
{
  g_autoptr(FwProject) project = sample_project (2);
  const guint shown[] = { 0, 1 };
  const int width = 1600, height = 900, border = 27;  /* 3% of the height */
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *image;
  ReadPng read = { NULL, 0, 0 };
  const guint8 *pixels;
  guint inked_border = 0, inked_inside = 0;
  int stride;

  png = fw_export_project (project, shown, 2, NULL, FW_EXPORT_PNG, FW_EXPORT_CHART, width, height, -1, FALSE, &error);
  g_assert_no_error (error);
  read.data = g_bytes_get_data (png, &read.length);
  image = cairo_image_surface_create_from_png_stream (read_png, &read);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean inked = (*(const guint32 *) (pixels + y * stride + x * 4) & 0xffffff) != 0xffffff;
        gboolean edge = x < border || y < border || x >= width - border || y >= height - border;

        if (inked && edge && inked_border < 5)
          g_test_message ("ink at (%d, %d), within %d px of an edge", x, y, border);
        inked_border += inked && edge;
        inked_inside += inked && !edge;
      }
  g_test_message ("%u inked pixels within %d px of the edges, %u inside", inked_border, border, inked_inside);
  g_assert_cmpuint (inked_border, ==, 0);
  /* The chart itself is there: its lines, legend and labels. */
  g_assert_cmpuint (inked_inside, >, (guint) (width * height / 100));
  cairo_surface_destroy (image);
}

/* The first @needle in @length bytes at @data (which may hold NULs), or
 * NULL. */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = data; p != NULL && p + n <= data + length;
       p = memchr (p + 1, needle[0], data + length - p - 1))
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The text of every /ActualText span in the content streams of @pdf.
 * Cairo writes one wherever the glyphs drawn are not the characters one
 * for one: a ligature ("fl" drawn as one glyph), or the characters an
 * ellipsis ("…") stands for -- which pdftotext gives back as if they had
 * been drawn, so a cut name is only seen here. */
static GPtrArray *
pdf_actual_texts (GBytes *pdf)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size, *p = data;

  while ((p = find_bytes (p, end - p, "stream\n")) != NULL)
    {
      const char *stop = find_bytes (p + 7, end - p - 7, "endstream");
      g_autoptr(GZlibDecompressor) inflate = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GByteArray) text = g_byte_array_new ();
      char buffer[4096];
      gssize n;

      if (stop == NULL)
        break;
      raw = g_memory_input_stream_new_from_data (p + 7, stop - p - 7, NULL);
      in = g_converter_input_stream_new (raw, G_CONVERTER (inflate));
      while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
        g_byte_array_append (text, (const guint8 *) buffer, n);
      g_byte_array_append (text, (const guint8 *) "", 1);
      for (const char *at = (const char *) text->data;
           (at = strstr (at, "/ActualText <")) != NULL; at++)
        {
          /* UTF-16BE in hex, after its byte order mark FEFF. */
          const char *hex = at + strlen ("/ActualText <feff");
          GString *utf16 = g_string_new (NULL);
          g_autofree gunichar2 *units = NULL;

          for (; g_ascii_isxdigit (hex[0]) && g_ascii_isxdigit (hex[1]); hex += 2)
            g_string_append_c (utf16, (char) (g_ascii_xdigit_value (hex[0]) * 16
                                              + g_ascii_xdigit_value (hex[1])));
          units = g_new0 (gunichar2, utf16->len / 2 + 1);
          for (gsize i = 0; i + 1 < utf16->len; i += 2)
            units[i / 2] = (gunichar2) (((guint8) utf16->str[i] << 8) | (guint8) utf16->str[i + 1]);
          g_ptr_array_add (found, g_utf16_to_utf8 (units, utf16->len / 2, NULL, NULL, NULL));
          g_string_free (utf16, TRUE);
        }
      p = stop + strlen ("endstream");
    }
  return found;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* What an ellipsis stands for in a chart of the first @n scenarios of
 * @project exported as a PDF @width points wide (16:9): the spans that
 * are not ligatures; none when every name is drawn whole. */
static GPtrArray *
chart_cuts (const FwProject *project,
            guint            n,
            guint            width)
{
  const char *ligatures[] = { "fi", "fl", "ff", "ffi", "ffl", NULL };
  const guint shown[] = { 0, 1, 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fw_export_project (project, shown, n, NULL, FW_EXPORT_PDF, FW_EXPORT_CHART,
                                             width, width * 9 / 16, -1, FALSE, &error);
  GPtrArray *spans;

  g_assert_no_error (error);
  spans = pdf_actual_texts (pdf);
  /* A name wrapped onto a second row (fw-chart-layout.c) leaves the
   * space it broke at as a span of its own: white space, nothing cut. */
  for (guint i = spans->len; i > 0; i--)
    if (g_strv_contains (ligatures, g_ptr_array_index (spans, i - 1))
        || is_blank (g_ptr_array_index (spans, i - 1)))
      g_ptr_array_remove_index (spans, i - 1);
  for (guint i = 0; i < spans->len; i++)
    g_test_message ("%u scenarios, %u points wide: “%s” drawn as an ellipsis",
                    n, width, (const char *) g_ptr_array_index (spans, i));
  return spans;
}

/* A chart comparing scenarios names each one whole in its legend, at the
 * export's default size and at any from a small one up, even at the
 * longest a scenario's name may be (MODEL.md: 80 characters): the legend
 * takes more rows rather than cutting a name a client has to read, up
 * to its share of the height (fw-chart-layout.c). Beyond, a name is cut
 * in its middle. */
static void
test_export_chart_legend_names (void)
{
  const char *names[] = {
    "Baseline (copy)",
    "Baseline",
    /* 80 characters, in words. */
    "Northern region expansion with the referral programme and a second sales hire Q3",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_template_create ("attract-engage-delight", &error);
  g_autoptr(GPtrArray) cuts = NULL;
  const char *cut;

  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (names[2], -1), ==, FW_MAX_NAME_CHARS);
  while (project->scenarios->len < G_N_ELEMENTS (names))
    g_ptr_array_add (project->scenarios, fw_scenario_copy (fw_project_get_scenario (project, 0)));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      FwScenario *scenario = fw_project_get_scenario (project, i);

      g_free (scenario->name);
      scenario->name = g_strdup (names[i]);
    }
  /* The reviewer's project: 36 months, spreads (so the band's entry too). */
  project->horizon = 36;
  fw_project_get_scenario (project, 0)->uncertainty.advance = 0.2;
  fw_project_get_scenario (project, 0)->uncertainty.loss = 0.2;

  /* The reviewer's chart: the first two at the PDF's default 960 x 540
   * ("Baseline (cop…" at the end of the legend's first row). */
  cuts = chart_cuts (project, 2, 960);
  g_assert_cmpuint (cuts->len, ==, 0);
  g_clear_pointer (&cuts, g_ptr_array_unref);

  /* All three, from a small chart to a large one. */
  for (guint width = 560; width <= 1600; width += 48)
    {
      cuts = chart_cuts (project, 3, width);
      g_assert_cmpuint (cuts->len, ==, 0);
      g_clear_pointer (&cuts, g_ptr_array_unref);
    }

  /* Too small for the long name whole within the legend's share of the
   * height (it keeps the plot the most of the chart): cut, in the
   * middle, both its ends still there; the short one beside it whole. */
  {
    FwScenario *second = fw_project_get_scenario (project, 1);

    g_free (second->name);
    second->name = g_strdup (names[2]);
  }
  cuts = chart_cuts (project, 2, 320);
  g_assert_cmpuint (cuts->len, ==, 1);
  cut = g_ptr_array_index (cuts, 0);
  g_assert_nonnull (strstr (names[2], cut));
  g_assert_false (g_str_has_prefix (names[2], cut));
  g_assert_false (g_str_has_suffix (names[2], cut));
}

/* A text with every run of white space made one space: a title wrapped
 * in its cell reads as one line. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
  return g_string_free (line, FALSE);
}

/* MODEL.md's longest horizon, 100,000 months, on one page a consultant
 * can hand out (V10-10): every column title whole, no "…" ("New
 * customers over 100000 m…" hid the span it names; German's figures
 * were "10.937.1…"), and the projection,
 * which settles within a few dozen months, drawn up to where it settles
 * with the chart saying that the rest to month 100000 stays level,
 * rather than every change in the first pixel column. */
static void
test_report_longest_horizon (void)
{
  g_autoptr(FwProject) project = sample_project (3);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *customers = NULL;
  const char *titles_en[] = {
    "Customers after 100000 months", "New customers over 100000 months",
    "Churn over 100000 months", "Referral inflow over 100000 months",
  };
  const char *titles_de[] = {
    "Kunden nach 100000 Monaten", "Neukunden über 100000 Monate",
    "Abwanderung über 100000 Monate", "Empfehlungen über 100000 Monate",
  };

  project->horizon = 100000;
  report = fw_report_new (project, 0, date);
  assert_on_page (report, FW_PAPER_A4, 20);
  g_assert_cmpuint (report->table_cells_cut, ==, 0);
  assert_on_page (report, FW_PAPER_LETTER, 20);
  g_assert_cmpuint (report->table_cells_cut, ==, 0);
  pdf = fw_report_render_pdf (report, FW_PAPER_A4, &error);
  g_assert_no_error (error);
  raw = pdf_text (pdf);
  if (raw == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = one_line (raw);

  g_assert_null (strstr (text, "…"));
  for (guint i = 0; i < G_N_ELEMENTS (titles_en); i++)
    g_assert_nonnull (strstr (text, german ? titles_de[i] : titles_en[i]));

  /* Where the chart stops, said on it, with the customers it stays at:
   * the figures' own number at H. */
  customers = fw_display_count (fw_projection_get_summary (report->projection)->customers_end);
  {
    g_autofree char *said = g_strdup_printf (german ? "bleibt jede Linie gleich (%s Kunden)"
                                                    : "every line stays level (%s customers)",
                                             customers);

    g_assert_nonnull (strstr (text, german ? "Gezeichnet bis Monat" : "Drawn to month"));
    g_assert_nonnull (strstr (text, german ? "von 100000" : "of 100000"));
    g_assert_nonnull (strstr (text, said));
  }
}

/* The rule the report's chart follows (docs/model-notes.md): drawn to
 * where the projection settles, with a margin, only when that is a
 * tenth of the horizon or less; from the settling period on, every
 * drawn figure stays within half a unit of its value at H. */
static void
test_report_chart_settles (void)
{
  g_autoptr(FwProject) project = sample_project (1);
  const guint series = FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS) | FW_CHART_SERIES_BIT (FW_CHART_CHURN);
  const guint horizons[] = { 24, 120, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      g_autoptr(FwProjection) projection = fw_projection_new ();
      g_autoptr(FwChartRows) rows = NULL;
      FwChartScenario input;
      guint settled, shown;

      fw_projection_run_figures (projection, fw_project_get_scenario (project, 0), horizons[i]);
      rows = fw_chart_rows_new_from_projection (projection);
      fw_chart_rows_describe (rows, "Acme", &input);
      shown = fw_chart_shown_horizon (&input, series, &settled);

      for (guint t = settled; t <= horizons[i]; t++)
        {
          g_assert_cmpfloat (fabs (rows->values[FW_CHART_CUSTOMERS][t]
                                   - rows->values[FW_CHART_CUSTOMERS][horizons[i]]), <=, 0.5);
          g_assert_cmpfloat (fabs (rows->values[FW_CHART_CHURN][t]
                                   - rows->values[FW_CHART_CHURN][horizons[i]]), <=, 0.5);
        }
      /* Still moving a period before. */
      if (settled > 0)
        g_assert_cmpfloat (MAX (fabs (rows->values[FW_CHART_CUSTOMERS][settled - 1]
                                      - rows->values[FW_CHART_CUSTOMERS][horizons[i]]),
                                fabs (rows->values[FW_CHART_CHURN][settled - 1]
                                      - rows->values[FW_CHART_CHURN][horizons[i]])), >, 0.5);

      if (horizons[i] < 1000)
        g_assert_cmpuint (shown, ==, horizons[i]);
      else
        {
          g_assert_cmpuint (shown, >=, settled + settled / 2);
          g_assert_cmpuint (shown * 10, <=, horizons[i]);
        }
    }

  /* A wheel that grows without end never settles: drawn whole. */
  {
    g_autoptr(FwProjection) projection = fw_projection_new ();
    g_autoptr(FwChartRows) rows = NULL;
    FwScenario *growing = fw_project_edit_scenario (project, 0, FW_SCENARIO_STAGES);
    FwChartScenario input;

    fw_scenario_get_stage (growing, 2)->referral = 3.0;
    fw_projection_run_figures (projection, growing, 5000);
    g_assert_true (fw_projection_get_summary (projection)->self_sustaining);
    rows = fw_chart_rows_new_from_projection (projection);
    fw_chart_rows_describe (rows, "Acme", &input);
    g_assert_cmpuint (fw_chart_shown_horizon (&input, series, NULL), ==, 5000);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *messages;

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  german = messages != NULL && g_str_has_prefix (messages, "de");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/paper-sizes", test_report_paper_sizes);
  g_test_add_func ("/report/largest-stays-on-the-page", test_report_largest_stays_on_the_page);
  g_test_add_func ("/report/landscape-sheet", test_report_landscape_sheet);
  g_test_add_func ("/report/words", test_report_words);
  g_test_add_func ("/report/period-unit", test_report_period_unit);
  g_test_add_func ("/report/wheel-names-whole", test_report_wheel_names_whole);
  g_test_add_func ("/report/longest-horizon", test_report_longest_horizon);
  g_test_add_func ("/report/chart-settles", test_report_chart_settles);
  g_test_add_func ("/report/band-only-with-spreads", test_report_band_only_with_spreads);
  g_test_add_func ("/export/png-pixels", test_export_png_pixels);
  g_test_add_func ("/export/chart-legend-names", test_export_chart_legend_names);
  g_test_add_func ("/export/chart-margin", test_export_chart_margin);
  return g_test_run ();
}
