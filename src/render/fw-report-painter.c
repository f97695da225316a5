/* fw-report-painter.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "fw-chart.h"
#include "fw-chart-settle.h"
#include "fw-display-number.h"
#include "fw-period-words.h"
#include "fw-render-text.h"
#include "fw-report-private.h"
#include "fw-wheel-painter.h"

/* The page, top to bottom: a header (project, scenario, date), the wheel
 * beside the summary figures, the projection chart with its band, the
 * friction and the forces ranked by impact side by side, and the
 * scenarios compared. Every part gets a share of the page's height that
 * does not depend on what the project holds; lists take the rows that
 * fit their share and say how many more there are, so the report is one
 * page whatever it shows. Sizes are points (1/72 inch) and scale with
 * the paper's width. */

/* GNOME's palette: text, secondary text, rules, accent, and the red and
 * green of losses and gains, each readable on white. */
#define COLOR_TEXT   "#241f31"
#define COLOR_MUTED  "#5e5c64"
#define COLOR_RULE   "#deddda"
#define COLOR_SHADE  "#f6f5f4"
#define COLOR_ACCENT "#1c71d8"
#define COLOR_BAD    "#c01c28"
#define COLOR_GOOD   "#26a269"

typedef struct _TableTitles TableTitles;

typedef struct
{
  cairo_t         *cr;
  FwReport        *report;
  const FwScenario *scenario;
  double           unit;     /* 1 on A4: every size is a multiple of it */
  double           left, right, width;  /* the text column */
  guint            cut;      /* texts drawn ellipsized so far */
  TableTitles     *table;    /* worked out once a page (page_table()) */
} Page;

static void
set_color (cairo_t    *cr,
           const char *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  cairo_set_source_rgb (cr, ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                        (value & 0xff) / 255.0);
}

/* Text ------------------------------------------------------------------- */

typedef enum
{
  TEXT_PLAIN = 0,
  TEXT_BOLD = 1 << 0,
  TEXT_WRAP = 1 << 1,       /* else ellipsized at the width */
  TEXT_RIGHT = 1 << 2,
  TEXT_MARKUP = 1 << 3,
} TextFlags;

/* A layout of @text at @size points (times the page's unit), @width wide
 * (0: as wide as it is), wrapped onto at most @lines lines (0: any). */
static PangoLayout *
text_layout (Page       *page,
             const char *text,
             double      size,
             TextFlags   flags,
             double      width,
             int         lines)
{
  PangoLayout *layout = fw_render_text_layout (page->cr, NULL, NULL, size * page->unit,
                                               (flags & TEXT_BOLD) != 0,
                                               (flags & TEXT_MARKUP) != 0 ? NULL : text);

  if ((flags & TEXT_MARKUP) != 0)
    pango_layout_set_markup (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if ((flags & TEXT_WRAP) != 0)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, lines > 0 ? -lines : -1000);
        }
      if ((flags & TEXT_RIGHT) != 0)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  double height;

  fw_render_text_size (layout, NULL, &height);
  return height;
}

/* Draws @text with its top left at (@x, @y); returns its height. */
static double
show_text (Page       *page,
           const char *text,
           double      size,
           TextFlags   flags,
           const char *color,
           double      x,
           double      y,
           double      width,
           int         lines)
{
  g_autoptr(PangoLayout) layout = text_layout (page, text, size, flags, width, lines);

  if (pango_layout_is_ellipsized (layout))
    page->cut++;
  set_color (page->cr, color);
  cairo_move_to (page->cr, x, y);
  fw_render_show_layout (page->cr, layout);
  return layout_height (layout);
}

static void
draw_rule (Page       *page,
           double      y,
           double      thickness,
           const char *color)
{
  set_color (page->cr, color);
  cairo_rectangle (page->cr, page->left, y, page->width, thickness * page->unit);
  cairo_fill (page->cr);
}

/* A section's title in the accent colour; returns the height it took. */
static double
show_heading (Page       *page,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  return show_text (page, text, 10.5, TEXT_BOLD, COLOR_ACCENT, x, y, width, 1) + 3 * page->unit;
}

/* "24 months": the horizon in the project's own unit. */
static char *
horizon_text (const FwProject *project)
{
  return fw_period_words_span (project->period, project->horizon);
}

/* Header ------------------------------------------------------------------ */

static double
draw_header (Page   *page,
             double  y)
{
  FwReport *report = page->report;
  g_autofree char *date = NULL;
  g_autofree char *horizon = horizon_text (report->project);
  g_autofree char *subtitle = NULL;
  double date_width = 150 * page->unit;
  double title_width = page->width - date_width - 12 * page->unit;
  double title_height, subtitle_height, title_size;

  /* TRANSLATORS: the report's date, as strftime () formats it: "4 December 2026" */
  date = g_date_time_format (report->date, _("%-d %B %Y"));
  /* TRANSLATORS: under the project's name in the report: the scenario's
   * name and the horizon ("24 months") */
  subtitle = g_strdup_printf (_("Scenario: %s · Projection over %s"), page->scenario->name, horizon);

  show_text (page, date, 9.5, TEXT_RIGHT, COLOR_MUTED, page->right - date_width,
             y + 6 * page->unit, date_width, 1);
  /* The project's name in full: on two lines at most, smaller when it
   * is long (MODEL.md allows 80 characters). */
  for (title_size = 20; title_size > 12; title_size -= 2)
    {
      g_autoptr(PangoLayout) title = text_layout (page, report->project->name, title_size,
                                                  TEXT_BOLD | TEXT_WRAP, title_width, 0);

      if (pango_layout_get_line_count (title) <= 2)
        break;
    }
  title_height = show_text (page, report->project->name, title_size, TEXT_BOLD | TEXT_WRAP,
                            COLOR_TEXT, page->left, y, title_width, 2);
  y += title_height + 2 * page->unit;
  subtitle_height = show_text (page, subtitle, 11, TEXT_WRAP, COLOR_MUTED, page->left, y,
                               page->width, 2);
  y += subtitle_height + 8 * page->unit;
  draw_rule (page, y, 1.5, COLOR_ACCENT);
  return y + 1.5 * page->unit;
}

/* The wheel and the summary --------------------------------------------- */

static void
draw_wheel (Page   *page,
            double  x,
            double  y,
            double  width,
            double  side)
{
  /* The wheel is laid out as on a screen 1.8 times the size and drawn
   * scaled down: its labels keep the room the screen gives them, at a
   * size (about 7 points) that reads well on paper. The area is wider
   * than the wheel: the labels of narrow arcs beside it go outside the
   * ring whole ("Initiate contact") rather than cut short inside. */
  const double zoom = 1.8;
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;

  fw_wheel_layout_compute (&layout, width * zoom, side * zoom);
  fw_wheel_style_init_light (&style);
  fw_wheel_scene_init (&scene);
  scene.scenario = page->scenario;
  scene.projection = page->report->projection;
  scene.period = 0;
  scene.period_label = fw_period_to_string (page->report->project->period);
  scene.momentum_shown = fw_projection_get_figures (page->report->projection, 0)->momentum;

  fw_wheel_count_stage_labels (page->cr, &layout, &style, &scene, &page->report->wheel_names_whole);
  cairo_save (page->cr);
  cairo_translate (page->cr, x, y);
  cairo_rectangle (page->cr, 0, 0, width, side);
  cairo_clip (page->cr);
  cairo_scale (page->cr, 1 / zoom, 1 / zoom);
  fw_wheel_paint (page->cr, &layout, &style, &scene);
  cairo_restore (page->cr);
}

typedef struct
{
  char       *value;    /* markup */
  char       *caption;
} Figure;

/* The summary: five figures, each a large value over a caption. */

static void
draw_figures (Page   *page,
              double  x,
              double  y,
              double  width,
              double  height)
{
  const FwSummary *summary = fw_projection_get_summary (page->report->projection);
  const FwFigures *start = fw_projection_get_figures (page->report->projection, 0);
  guint h = page->report->project->horizon;
  g_autofree char *horizon = horizon_text (page->report->project);
  g_autofree char *gain = fw_display_gain (summary->loop_gain);
  g_autofree char *now = fw_display_count (start->customers);
  g_autofree char *end = fw_display_count (summary->customers_end);
  g_autofree char *new_customers = fw_display_count (summary->total_new_customers);
  g_autofree char *churn = fw_display_count (summary->total_churn);
  g_autofree char *referrals = fw_display_count (summary->total_referrals);
  Figure figures[5];
  double value_size, needed = 0, gap;

  /* The window's words and tone: green when the wheel turns by itself,
   * grey (not an alarm's red) when it needs marketing, as most do. */
  figures[0].value = g_markup_printf_escaped ("%s  <span size='60%%' foreground='%s'>%s</span>", gain,
                                              summary->self_sustaining ? COLOR_GOOD : COLOR_MUTED,
                                              fw_display_gain_verdict (summary->self_sustaining));
  figures[0].caption = g_strdup (summary->self_sustaining
                                 ? _("Loop gain: the referral leads one new lead brings. At 1 or "
                                     "more the wheel turns without marketing.")
                                 : _("Loop gain: the referral leads one new lead brings. Below 1 "
                                     "the wheel needs marketing to keep turning."));
  figures[1].value = g_markup_printf_escaped ("%s → %s", now, end);
  figures[1].caption = fw_period_words_customers_now_after (page->report->project->period, h);
  figures[2].value = g_markup_escape_text (new_customers, -1);
  /* TRANSLATORS: %s is the horizon, "24 months" */
  figures[2].caption = g_strdup_printf (_("New customers over %s"), horizon);
  figures[3].value = g_markup_escape_text (churn, -1);
  /* TRANSLATORS: %s is the horizon, "24 months" */
  figures[3].caption = g_strdup_printf (_("Customers lost to churn over %s"), horizon);
  figures[4].value = g_markup_escape_text (referrals, -1);
  /* TRANSLATORS: %s is the horizon, "24 months" */
  figures[4].caption = g_strdup_printf (_("Referral inflow: leads from referrals over %s"), horizon);

  y += show_heading (page, _("Summary"), x, y, width);
  height -= 10.5 * 1.3 * page->unit + 3 * page->unit;

  /* The figures share the wheel's height, evenly spaced; their size
   * comes down a step at a time until they fit (a small paper). */
  for (value_size = 16; value_size > 11; value_size -= 1)
    {
      needed = 0;
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        {
          g_autoptr(PangoLayout) value = text_layout (page, figures[i].value, value_size,
                                                      TEXT_BOLD | TEXT_MARKUP, width, 1);
          g_autoptr(PangoLayout) caption = text_layout (page, figures[i].caption, 8,
                                                        TEXT_WRAP, width, 2);

          needed += layout_height (value) + layout_height (caption);
        }
      if (needed <= height)
        break;
    }
  gap = MAX (height - needed, 0) / G_N_ELEMENTS (figures);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      y += show_text (page, figures[i].value, value_size, TEXT_BOLD | TEXT_MARKUP, COLOR_TEXT,
                      x, y, width, 1);
      y += show_text (page, figures[i].caption, 8, TEXT_WRAP, COLOR_MUTED, x, y, width, 2);
      y += gap;
      g_free (figures[i].value);
      g_free (figures[i].caption);
    }
}

/* The chart ---------------------------------------------------------------- */

/* What the chart says when it stops before the horizon (@shown < H):
 * where it stops, from when nothing changes, and where customers stay,
 * so no reader takes the last tick for the horizon. */
static char *
settled_note (Page  *page,
              guint  shown,
              guint  settled)
{
  FwReport *report = page->report;
  guint h = report->project->horizon;
  g_autofree char *customers = fw_display_count (fw_projection_get_summary (report->projection)->customers_end);

  switch (report->project->period)
    {
    case FW_PERIOD_WEEK:
      /* TRANSLATORS: over the report's chart when it stops before the
       * horizon: "Drawn to week 300 of 100000: from week 212 on, every
       * line stays level (352 customers)." */
      return g_strdup_printf (_("Drawn to week %u of %u: from week %u on, every line stays level "
                                "(%s customers)."), shown, h, settled, customers);
    case FW_PERIOD_QUARTER:
      /* TRANSLATORS: over the report's chart when it stops before the
       * horizon: "Drawn to quarter 300 of 100000: from quarter 212 on,
       * every line stays level (352 customers)." */
      return g_strdup_printf (_("Drawn to quarter %u of %u: from quarter %u on, every line stays "
                                "level (%s customers)."), shown, h, settled, customers);
    case FW_PERIOD_MONTH:
    default:
      /* TRANSLATORS: over the report's chart when it stops before the
       * horizon: "Drawn to month 300 of 100000: from month 212 on, every
       * line stays level (352 customers)." */
      return g_strdup_printf (_("Drawn to month %u of %u: from month %u on, every line stays "
                                "level (%s customers)."), shown, h, settled, customers);
    }
}

static double
draw_chart (Page   *page,
            double  y,
            double  height)
{
  FwReport *report = page->report;
  g_autoptr(FwChart) chart = fw_chart_new ();
  g_autoptr(FwChartRows) rows = fw_chart_rows_new_from_projection (report->projection);
  /* The summary's figures; momentum, people moving round the wheel,
   * is the window's to show and would flatten the rest. */
  const guint series = FW_CHART_SERIES_BIT (FW_CHART_CUSTOMERS)
                       | FW_CHART_SERIES_BIT (FW_CHART_NEW_CUSTOMERS)
                       | FW_CHART_SERIES_BIT (FW_CHART_CHURN)
                       | FW_CHART_SERIES_BIT (FW_CHART_REFERRALS);
  FwChartScenario input;
  FwWheelStyle style;
  double heading;
  guint shown, settled;

  heading = show_heading (page, _("Projection"), page->left, y, page->width);
  fw_chart_rows_describe (rows, page->scenario->name, &input);
  if (report->band != NULL)
    {
      input.band_low = fw_band_get_customers (report->band, FW_BAND_P10);
      input.band_median = fw_band_get_customers (report->band, FW_BAND_P50);
      input.band_high = fw_band_get_customers (report->band, FW_BAND_P90);
    }

  /* A projection that settles long before its horizon is drawn up to
   * where it settles (and a margin), and the chart says so: at
   * H = 100000 every change fell in the first pixel column (V10-10).
   * The arrays keep every period; the chart reads the first ones. */
  shown = fw_chart_shown_horizon (&input, series, &settled);
  if (shown < input.horizon)
    {
      g_autoptr(PangoLayout) title = text_layout (page, _("Projection"), 10.5, TEXT_BOLD, 0, 0);
      g_autofree char *note = settled_note (page, shown, settled);
      double gap = 12 * page->unit, title_width, note_height;

      fw_render_text_size (title, &title_width, NULL);
      note_height = show_text (page, note, 7, TEXT_RIGHT | TEXT_WRAP, COLOR_TEXT,
                               page->left + title_width + gap, y + 3.5 * page->unit,
                               page->width - title_width - gap, 2);
      heading = MAX (heading, 3.5 * page->unit + note_height + 3 * page->unit);
      input.horizon = shown;
    }

  fw_wheel_style_init_light (&style);
  fw_chart_set_style (chart, &style);
  fw_chart_set_scenarios (chart, &input, 1);
  fw_chart_set_visible (chart, series);
  fw_chart_set_period_label (chart, fw_period_to_string (report->project->period));
  fw_chart_set_text_scale (chart, 0.75);
  fw_chart_set_marker (chart, -1);

  cairo_save (page->cr);
  cairo_translate (page->cr, page->left, y + heading);
  fw_chart_paint (chart, page->cr, page->width, height - heading);
  cairo_restore (page->cr);
  return y + height;
}

/* The ranking ------------------------------------------------------------- */

/* One ranked point: its rank, its name in full (wrapped), its stage, and
 * its impact; returns the height it took, or draws nothing and returns
 * -1 when it would pass @bottom. A @bottom below 0 measures: draws
 * nothing and returns the height it would take. */
static double
draw_ranked_point (Page   *page,
                   guint   rank,
                   guint   index,
                   double  x,
                   double  y,
                   double  width,
                   double  bottom)
{
  const FwReport *report = page->report;
  const FwPoint *point = fw_scenario_get_point (page->scenario, index);
  guint stage = fw_projection_get_point_stage (report->projection, index);
  double impact = fw_projection_get_point_impact (report->projection, index);
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  g_autofree char *impact_text = fw_display_change (impact);
  double number_width = 16 * page->unit, impact_width = 58 * page->unit;
  double name_width = width - number_width - impact_width - 6 * page->unit;
  g_autoptr(PangoLayout) name = text_layout (page, point->name, 8.5, TEXT_WRAP, name_width, 0);
  g_autoptr(PangoLayout) where = text_layout (page, fw_scenario_get_stage (page->scenario, stage)->name,
                                              7, TEXT_PLAIN, name_width, 1);
  double height = layout_height (name) + layout_height (where) + 4 * page->unit;

  if (y + height > bottom || bottom < 0)
    return bottom < 0 ? height : -1;

  show_text (page, rank_text, 8.5, TEXT_PLAIN, COLOR_MUTED, x, y, number_width, 1);
  set_color (page->cr, COLOR_TEXT);
  cairo_move_to (page->cr, x + number_width, y);
  fw_render_show_layout (page->cr, name);
  set_color (page->cr, COLOR_MUTED);
  cairo_move_to (page->cr, x + number_width, y + layout_height (name));
  fw_render_show_layout (page->cr, where);
  show_text (page, impact_text, 8.5, TEXT_BOLD | TEXT_RIGHT,
             !isfinite (impact) || impact == 0 ? COLOR_MUTED : impact < 0 ? COLOR_BAD : COLOR_GOOD,
             x + width - impact_width, y, impact_width, 1);
  cairo_set_line_width (page->cr, 0.5 * page->unit);
  set_color (page->cr, COLOR_RULE);
  cairo_move_to (page->cr, x, y + height - 2 * page->unit);
  cairo_line_to (page->cr, x + width, y + height - 2 * page->unit);
  cairo_stroke (page->cr);
  return height;
}

/* The height of the line that says how many more a list has. */
static double
more_line_height (Page   *page,
                  double  width)
{
  g_autoptr(PangoLayout) more = text_layout (page, "0", 8, TEXT_PLAIN, width, 1);

  return layout_height (more) + 2 * page->unit;
}

/* Whether every point of @ranked fits between @y (above its heading
 * @title) and @bottom. */
static gboolean
ranking_fits_whole (Page       *page,
                    const char *title,
                    GArray     *ranked,
                    double      y,
                    double      width,
                    double      bottom)
{
  g_autoptr(PangoLayout) heading = text_layout (page, title, 10.5, TEXT_BOLD, width, 1);

  /* As show_heading() takes it. */
  y += layout_height (heading) + 3 * page->unit;
  for (guint k = 0; k < ranked->len && y <= bottom; k++)
    y += draw_ranked_point (page, k + 1, g_array_index (ranked, guint, k), 0, 0, width, -1);
  return y <= bottom;
}

/* Returns where the list ended. Its points are drawn down to @rows_bottom,
 * the "and N more" line under them (draw_rankings() keeps room for it
 * under @rows_bottom). */
static double
draw_ranking (Page       *page,
              const char *title,
              const char *empty,
              GArray     *ranked,
              double      x,
              double      y,
              double      width,
              double      rows_bottom,
              guint       max_rows,
              guint      *n_shown)
{
  guint shown = 0;

  y += show_heading (page, title, x, y, width);
  if (ranked->len == 0)
    return y + show_text (page, empty, 8.5, TEXT_WRAP, COLOR_MUTED, x, y, width, 2);

  for (; shown < MIN (ranked->len, max_rows); shown++)
    {
      double height = draw_ranked_point (page, shown + 1, g_array_index (ranked, guint, shown),
                                         x, y, width, rows_bottom);

      if (height < 0)
        break;
      y += height;
    }

  *n_shown = shown;
  if (shown < ranked->len)
    {
      /* TRANSLATORS: the end of a list in the report that did not fit */
      g_autofree char *text = g_strdup_printf (_("and %u more"), ranked->len - shown);

      y += show_text (page, text, 8, TEXT_PLAIN, COLOR_MUTED, x + 16 * page->unit, y + page->unit,
                      width, 1) + page->unit;
    }
  return y;
}

/* The note under the ranking: what its impacts are. */
static char *
ranking_note (Page *page)
{
  FwReport *report = page->report;
  g_autofree char *horizon = horizon_text (report->project);
  char *note;

  if (report->n_disabled > 0)
    /* TRANSLATORS: under the ranking in the report; %s is the horizon,
     * "24 months"; %u the number of points switched off */
    note = g_strdup_printf (ngettext ("Impact: the change in customers after %s that each point "
                                      "makes. %u point switched off is not ranked.",
                                      "Impact: the change in customers after %s that each point "
                                      "makes. %u points switched off are not ranked.",
                                      report->n_disabled),
                            horizon, report->n_disabled);
  else
    /* TRANSLATORS: under the ranking in the report; %s is the horizon */
    note = g_strdup_printf (_("Impact: the change in customers after %s that each point makes."),
                            horizon);
  return note;
}

/* The ranking's two lists side by side. */
#define RANKING_GAP 20

/* Returns where the ranking ended. */
static double
draw_rankings (Page   *page,
               double  y,
               double  bottom)
{
  FwReport *report = page->report;
  g_autofree char *note = ranking_note (page);
  g_autoptr(PangoLayout) layout = NULL;
  double gap = RANKING_GAP * page->unit, column = (page->width - gap) / 2, end;
  guint frictions_shown = 0, forces_shown = 0;

  layout = text_layout (page, note, 7.5, TEXT_WRAP, page->width, 2);
  bottom -= layout_height (layout) + 4 * page->unit;

  /* Both lists' points end at the same line, and when either list is
   * cut the room for "and N more" is kept under both: the costliest
   * friction, what to fix first, never gives a ranked row to that line
   * while the forces beside it keep theirs (V10-04: on US Letter 2
   * frictions and "and 3 more" beside 3 forces). */
  if (!ranking_fits_whole (page, _("Costliest friction"), report->frictions, y, column, bottom)
      || !ranking_fits_whole (page, _("Strongest forces"), report->forces, y, column, bottom))
    bottom -= more_line_height (page, column);

  end = draw_ranking (page, _("Costliest friction"), _("No friction points on this wheel."),
                      report->frictions, page->left, y, column, bottom, G_MAXUINT, &frictions_shown);
  /* Frictions' names are often longer (two lines a row): when their
   * list is cut, the forces show no more rows than it does. */
  end = MAX (end, draw_ranking (page, _("Strongest forces"), _("No forces on this wheel."),
                                report->forces, page->left + column + gap, y, column, bottom,
                                frictions_shown < report->frictions->len ? MAX (frictions_shown, 1) : G_MAXUINT,
                                &forces_shown));

  /* The note follows the longer list. */
  set_color (page->cr, COLOR_MUTED);
  cairo_move_to (page->cr, page->left, end + 4 * page->unit);
  fw_render_show_layout (page->cr, layout);
  return end + 4 * page->unit + layout_height (layout);
}

/* The least height the ranking takes: each list's heading and its first
 * @least points (and "and N more"), and the note under them; as
 * draw_ranking() lays them out. */
static double
rankings_least (Page  *page,
                guint  least)
{
  FwReport *report = page->report;
  double column = (page->width - RANKING_GAP * page->unit) / 2, most = 0;
  g_autofree char *note = ranking_note (page);
  g_autoptr(PangoLayout) layout = text_layout (page, note, 7.5, TEXT_WRAP, page->width, 2);
  GArray *lists[] = { report->frictions, report->forces };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      /* An empty list says so on two lines at most. */
      double height = lists[l]->len == 0 ? 2 * 8.5 * 1.3 * page->unit : 0;

      for (guint k = 0; k < MIN (least, lists[l]->len); k++)
        height += draw_ranked_point (page, k + 1, g_array_index (lists[l], guint, k), 0, 0, column, -1);
      if (lists[l]->len > least)
        height += more_line_height (page, column);
      most = MAX (most, height);
    }
  return (10.5 * 1.3 + 3) * page->unit + most + 4 * page->unit + layout_height (layout);
}

/* The comparison ----------------------------------------------------------- */

#define N_COLUMNS 7
/* The column titles: 7.5 points, smaller down to 6.5 before a title
 * takes more than four lines or breaks a word, and then as many lines
 * as it needs. The sums' titles say over what ("New customers over 24
 * months", longer in German), and a title cut short with an ellipsis
 * hides just that: "New customers over 100000 m…" (V10-10). */
#define TITLE_SIZE      7.5
#define TITLE_SIZE_LEAST 6.5
#define TITLE_LINES     4
#define TITLE_ROW_LEAST 40
#define TABLE_ROW 12
/* A row under the first also says, in a smaller line under each figure,
 * its difference from the first scenario, as the window's Compare page
 * does: what a change (a friction removed in a copy) is worth. */
#define DIFFERENCE_LINE 7.5
#define DIFFERENCE_SIZE 6.5
#define TABLE_NAME_SIZE 8
/* The heading's line, and the line that says how many more there are. */
#define TABLE_HEADING (10.5 * 1.3 + 3)
#define TABLE_MORE    12
/* Between the ranking and the table. */
#define TABLE_GAP     10

/* The column titles, their size and the height of their row, and the
 * columns' widths. */
struct _TableTitles
{
  char       *end, *new_customers, *churn, *referrals;
  const char *cells[N_COLUMNS];
  double      size;
  double      height;
  double      widths[N_COLUMNS];
};

/* The width of @text on one line at @size points, bold. */
static double
bold_width (Page       *page,
            const char *text,
            double      size)
{
  g_autoptr(PangoLayout) layout = text_layout (page, text, size, TEXT_BOLD, 0, 0);
  double width;

  fw_render_text_size (layout, &width, NULL);
  return width;
}

/* The widest word of @text at @size points, bold. */
static double
widest_word (Page       *page,
             const char *text,
             double      size)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, bold_width (page, words[i], size));
  return widest;
}

/* The columns: the names take what the six figures leave, some forty
 * letters. A figure column has 11% of the width, more when its longest
 * figure (German's "10.937.178" at a long horizon was cut to
 * "10.937.1…", V10-10) or its title's longest word needs it. */
static void
table_widths (Page              *page,
              const TableTitles *titles,
              double             widths[N_COLUMNS])
{
  const FwReport *report = page->report;
  const FwProject *project = report->project;
  double total = page->width - 4 * page->unit;
  /* The cell's margins, and a hair for rounding to Pango units. */
  double base = total * 0.11, pad = 6.5 * page->unit, numbers = 0, extra = 0, room;
  double words[N_COLUMNS];

  /* The figures first: a number is never cut. */
  for (guint c = 1; c < N_COLUMNS; c++)
    widths[c] = base;
  for (guint i = 0; report->summaries != NULL && i < project->scenarios->len; i++)
    {
      const FwSummary *summary = &report->summaries[i];
      char *figures[N_COLUMNS] = {
        NULL, fw_display_gain (summary->loop_gain),
        g_strdup (summary->self_sustaining ? _("Yes") : _("No")),
        fw_display_count (summary->customers_end), fw_display_count (summary->total_new_customers),
        fw_display_count (summary->total_churn), fw_display_count (summary->total_referrals),
      };

      for (guint c = 1; c < N_COLUMNS; c++)
        {
          widths[c] = MAX (widths[c], bold_width (page, figures[c], TABLE_NAME_SIZE) + pad);
          g_free (figures[c]);
        }
    }

  /* Then the titles' longest words ("Kreisverstärkung"), as far as
   * three quarters of the width allows; past that they break, with a
   * hyphen. */
  for (guint c = 1; c < N_COLUMNS; c++)
    {
      numbers += widths[c];
      words[c] = MAX (widest_word (page, titles->cells[c], TITLE_SIZE) + pad - widths[c], 0);
      extra += words[c];
    }
  room = total * 0.8 - numbers;
  for (guint c = 1; c < N_COLUMNS; c++)
    if (extra > 0 && room > 0)
      widths[c] += words[c] * MIN (room / extra, 1.0);
  widths[0] = total;
  for (guint c = 1; c < N_COLUMNS; c++)
    widths[0] -= widths[c];
}

/* The titles, the columns' widths for them and the figures, and the
 * titles' size and row. */
static void
table_titles_init (Page         *page,
                   TableTitles  *titles)
{
  double *widths = titles->widths;
  const FwProject *project = page->report->project;
  guint h = project->horizon;

  titles->end = fw_period_words_customers_after (project->period, h);
  /* Sums over the horizon, said so (user review, C7): "Churn" alone
   * reads as a month's. */
  titles->new_customers = fw_period_words_over_horizon (project->period, h, _("New customers"));
  titles->churn = fw_period_words_over_horizon (project->period, h, _("Churn"));
  titles->referrals = fw_period_words_over_horizon (project->period, h, _("Referral inflow"));
  titles->cells[0] = _("Scenario");
  titles->cells[1] = _("Loop gain");
  titles->cells[2] = _("Self-sustaining");
  titles->cells[3] = titles->end;
  titles->cells[4] = titles->new_customers;
  titles->cells[5] = titles->churn;
  titles->cells[6] = titles->referrals;
  table_widths (page, titles, widths);

  for (titles->size = TITLE_SIZE; ; titles->size -= 0.5)
    {
      int lines = 0;
      double tallest = 0;
      gboolean whole = TRUE;    /* no word broken */

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autoptr(PangoLayout) layout = text_layout (page, titles->cells[c], titles->size,
                                                       TEXT_BOLD | TEXT_WRAP,
                                                       widths[c] - 6 * page->unit, 0);

          lines = MAX (lines, pango_layout_get_line_count (layout));
          whole &= widest_word (page, titles->cells[c], titles->size) <= widths[c] - 6 * page->unit;
          tallest = MAX (tallest, layout_height (layout) / page->unit);
        }
      /* Four lines' room at least, as before titles could grow. */
      titles->height = MAX (tallest + 4, TITLE_ROW_LEAST) * page->unit;
      if ((lines <= TITLE_LINES && whole) || titles->size <= TITLE_SIZE_LEAST)
        break;
    }
}

static void
table_titles_free (TableTitles *titles)
{
  if (titles == NULL)
    return;
  g_free (titles->end);
  g_free (titles->new_customers);
  g_free (titles->churn);
  g_free (titles->referrals);
  g_free (titles);
}

/* The table's titles and columns, measured once for the page: the page
 * is shared out by trying the table with fewer rows. */
static const TableTitles *
page_table (Page *page)
{
  if (page->table == NULL)
    {
      page->table = g_new0 (TableTitles, 1);
      table_titles_init (page, page->table);
    }
  return page->table;
}

/* The scenario in row @row of a table of @rows: the project's order,
 * but the reported scenario is always in the table: when it is past
 * the rows that fit, it takes the last of them. */
static guint
table_scenario (const FwReport *report,
                guint           row,
                guint           rows)
{
  return row + 1 == rows && report->scenario >= rows ? report->scenario : row;
}

/* The height of scenario @i's row: its name whole, wrapped in its
 * column (R5-11: "Faster quotes + transpare…" was cut in the very
 * document handed to the client), beside its figures and, under the
 * first, their differences. */
static double
table_row_height (Page         *page,
                  const double *widths,
                  guint         i)
{
  FwReport *report = page->report;
  g_autoptr(PangoLayout) name = text_layout (page, fw_project_get_scenario (report->project, i)->name,
                                             TABLE_NAME_SIZE,
                                             (i == report->scenario ? TEXT_BOLD : TEXT_PLAIN) | TEXT_WRAP,
                                             widths[0] - 6 * page->unit, 0);

  return MAX ((TABLE_ROW + (i > 0 ? DIFFERENCE_LINE : 0)) * page->unit,
              layout_height (name) + 4 * page->unit);
}

/* The table's height with @rows of its scenarios (and a line for those
 * left out, if any). */
static double
table_height (Page  *page,
              guint  rows)
{
  guint n = page->report->project->scenarios->len;
  const TableTitles *titles = page_table (page);
  double height = TABLE_HEADING * page->unit + titles->height;

  for (guint row = 0; row < MIN (rows, n); row++)
    height += table_row_height (page, titles->widths, table_scenario (page->report, row, rows));
  return height + (rows < n ? TABLE_MORE * page->unit : 0);
}

/* One line of the table, @size points, in cells on @lines lines at most
 * (-1: every cell whole, as the column titles are; 0: the first cell, a
 * name, whole on as many as it needs, the others on one), each in
 * @colors[c] (a NULL cell is left empty). */
static void
draw_table_row (Page              *page,
                const char *const *cells,
                const char       **colors,
                const double      *widths,
                double             y,
                double             size,
                gboolean           bold,
                int                lines)
{
  double x = page->left + 4 * page->unit;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int cell_lines = lines != 0 ? MAX (lines, 0) : c == 0 ? 0 : 1;
      TextFlags flags = (bold ? TEXT_BOLD : TEXT_PLAIN) | (c > 0 ? TEXT_RIGHT : TEXT_PLAIN)
                        | (cell_lines != 1 ? TEXT_WRAP : TEXT_PLAIN);

      if (cells[c] != NULL)
        show_text (page, cells[c], size, flags, colors[c], x, y + 2 * page->unit,
                   widths[c] - 6 * page->unit, cell_lines);
      x += widths[c];
    }
}

/* The line under a scenario's figures: each one's difference from the
 * first scenario's, green where it is better, red where worse (the
 * window's Compare page, in the report's colours). */
static void
draw_differences (Page            *page,
                  const FwSummary *first,
                  const FwSummary *summary,
                  const double    *widths,
                  double           y)
{
  /* The columns' figures, and whether a rise is good news; the name and
   * "Self-sustaining" (a yes or no) have none. */
  const double from[N_COLUMNS] = {
    NAN, first->loop_gain, NAN, first->customers_end, first->total_new_customers,
    first->total_churn, first->total_referrals,
  };
  const double to[N_COLUMNS] = {
    NAN, summary->loop_gain, NAN, summary->customers_end, summary->total_new_customers,
    summary->total_churn, summary->total_referrals,
  };
  const gboolean rise_is_good[N_COLUMNS] = { TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE };
  char *cells[N_COLUMNS];
  const char *colors[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      cells[c] = fw_display_difference (from[c], to[c], c == 1);
      colors[c] = (to[c] > from[c]) == rise_is_good[c] ? COLOR_GOOD : COLOR_BAD;
    }
  /* Under the figures' line (8 points, its top at y + 2). */
  draw_table_row (page, (const char **) cells, colors, widths, y + 8.3 * page->unit,
                  DIFFERENCE_SIZE, FALSE, 1);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (cells[c]);
}

static void
draw_comparison (Page  *page,
                 double y,
                 guint  rows)
{
  FwReport *report = page->report;
  guint n = report->project->scenarios->len;
  g_autofree char *note = NULL;
  const char *muted[N_COLUMNS], *text[N_COLUMNS];
  const TableTitles *titles = page_table (page);
  const double *widths = titles->widths;
  double heading_w;
  guint cut = page->cut;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      muted[c] = COLOR_MUTED;
      text[c] = COLOR_TEXT;
    }

  /* The heading, and on its line what the smaller figures are: the
   * window's words. */
  {
    g_autoptr(PangoLayout) heading = text_layout (page, _("Scenarios compared"), 10.5, TEXT_BOLD, 0, 0);
    double gap = 12 * page->unit;

    fw_render_text_size (heading, &heading_w, NULL);
    note = g_strdup_printf (_("Below each figure: its difference from “%s”."),
                            fw_project_get_scenario (report->project, 0)->name);
    show_text (page, note, 7, TEXT_RIGHT, COLOR_MUTED, page->left + heading_w + gap,
               y + 3.5 * page->unit, page->width - heading_w - gap, 1);
  }
  y += show_heading (page, _("Scenarios compared"), page->left, y, page->width);
  set_color (page->cr, COLOR_SHADE);
  cairo_rectangle (page->cr, page->left, y, page->width, titles->height);
  cairo_fill (page->cr);
  draw_table_row (page, titles->cells, muted, widths, y, titles->size, TRUE, -1);
  y += titles->height;

  for (guint shown = 0; shown < MIN (rows, n); shown++)
    {
      guint i = table_scenario (report, shown, rows);
      const FwSummary *summary = &report->summaries[i];
      g_autofree char *gain = fw_display_gain (summary->loop_gain);
      g_autofree char *end = fw_display_count (summary->customers_end);
      g_autofree char *new_customers = fw_display_count (summary->total_new_customers);
      g_autofree char *churn = fw_display_count (summary->total_churn);
      g_autofree char *referrals = fw_display_count (summary->total_referrals);
      const char *cells[N_COLUMNS] = {
        fw_project_get_scenario (report->project, i)->name, gain,
        summary->self_sustaining ? _("Yes") : _("No"), end, new_customers, churn, referrals,
      };
      double row = table_row_height (page, widths, i);

      if (i == report->scenario)
        {
          set_color (page->cr, "#e8f0fb");
          cairo_rectangle (page->cr, page->left, y, page->width, row);
          cairo_fill (page->cr);
        }
      draw_table_row (page, cells, text, widths, y, TABLE_NAME_SIZE, i == report->scenario, 0);
      if (i > 0)
        draw_differences (page, &report->summaries[0], summary, widths, y);
      y += row;
      draw_rule (page, y - 0.5 * page->unit, 0.5, COLOR_RULE);
    }

  if (rows < n)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more scenario",
                                                         "and %u more scenarios", n - rows),
                                               n - rows);

      show_text (page, more, 8, TEXT_PLAIN, COLOR_MUTED, page->left + 4 * page->unit,
                 y + 2 * page->unit, page->width, 1);
    }
  report->table_cells_cut = page->cut - cut;
}

/* The page ------------------------------------------------------------------ */

static void
draw_footer (Page   *page,
             double  bottom)
{
  g_autofree char *title = fw_report_get_title (page->report);
  /* TRANSLATORS: the report's footer, right */
  g_autoptr(PangoLayout) made = text_layout (page, _("Made with Flywheel"), 7, TEXT_PLAIN, 0, 0);
  double made_width;

  fw_render_text_size (made, &made_width, NULL);
  draw_rule (page, bottom - 14 * page->unit, 0.5, COLOR_RULE);
  /* The project and the scenario whole, on a second line into the
   * margin if they need it (R5-11: "…— Faster quotes…" was cut at half
   * the width). */
  show_text (page, title, 7, TEXT_WRAP, COLOR_MUTED, page->left, bottom - 10 * page->unit,
             page->width - made_width - 16 * page->unit, 2);
  set_color (page->cr, COLOR_MUTED);
  cairo_move_to (page->cr, page->right - made_width, bottom - 10 * page->unit);
  fw_render_show_layout (page->cr, made);
}

void
fw_report_paint_page (FwReport *report,
                      cairo_t  *cr,
                      double    width,
                      double    height)
{
  Page page = { cr, report, fw_project_get_scenario (report->project, report->scenario) };
  double margin, y, bottom, body, wheel_side, wheel_width, gap, chart_height;
  guint n_scenarios = report->project->scenarios->len, table_rows = 0;

  /* The page is laid out for A4's width and scaled to the paper. */
  page.unit = width / 595.276;
  margin = 40 * page.unit;
  page.left = margin;
  page.right = width - margin;
  page.width = page.right - page.left;

  y = draw_header (&page, margin) + 12 * page.unit;
  bottom = height - margin + 6 * page.unit;
  draw_footer (&page, bottom);
  bottom -= 20 * page.unit;
  body = bottom - y;

  /* The page is shared out: the wheel beside the summary almost a
   * third of the body (smaller, its hub loses its words), the chart a
   * quarter, the table every scenario with its name whole, the ranking
   * the rest. When the table needs more, the ranking gives up its
   * points past the first two of each list, then the chart a sixth of
   * its height, then the ranking its second points, before a scenario
   * is left out ("and N more", never the one reported). Eight scenarios
   * whose names take two lines fit on A4 and on US Letter (R5-11: the
   * fourth was left out by fixed shares while room remained);
   * docs/report.md says how many. */
  gap = 12 * page.unit;
  wheel_side = MIN (body * 0.31, page.width * 0.45);
  chart_height = body * 0.25;
  if (n_scenarios > 1)
    {
      guint least = 2;
      double least_height = rankings_least (&page, least);

      table_rows = n_scenarios;
      while (table_rows > 2)
        {
          double room = bottom - (y + wheel_side + chart_height + 24 * page.unit) - least_height
                        - TABLE_GAP * page.unit;

          if (table_height (&page, table_rows) <= room)
            break;
          if (chart_height > body * 0.21)
            chart_height = body * 0.21;
          else if (least > 1)
            least_height = rankings_least (&page, --least);
          else
            table_rows--;
        }
    }

  /* Three points of each ranked list before the chart's last sixth:
   * what to fix first is what the page is for (V10-04: on US Letter
   * the chart kept its quarter while two frictions were listed). */
  if (chart_height > body * 0.21)
    {
      double table = n_scenarios > 1 ? table_height (&page, table_rows) + TABLE_GAP * page.unit : 0.0;
      double room = bottom - (y + wheel_side + chart_height + 24 * page.unit) - table;

      if (room < rankings_least (&page, 3))
        chart_height = body * 0.21;
    }

  /* The wheel in an area a third wider for the labels outside its
   * ring. */
  wheel_width = wheel_side * 1.35;
  draw_wheel (&page, page.left, y, wheel_width, wheel_side);
  draw_figures (&page, page.left + wheel_width + gap, y, page.width - wheel_width - gap, wheel_side);
  y += wheel_side + 12 * page.unit;

  y = draw_chart (&page, y, chart_height) + 12 * page.unit;

  if (n_scenarios > 1)
    {
      y = draw_rankings (&page, y, bottom - table_height (&page, table_rows) - TABLE_GAP * page.unit);
      draw_comparison (&page, y + TABLE_GAP * page.unit, table_rows);
    }
  else
    draw_rankings (&page, y, bottom);
  table_titles_free (page.table);
}
