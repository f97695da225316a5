/* fw-chart-layout.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-chart-private.h"
#include "fw-display-number.h"
#include "fw-render-text.h"

/* Text never goes below this (user units) and grows with the area up to
 * the larger figure, before the caller's scale: a chart on a projector
 * is read from the back of a room. */
#define MIN_TEXT_SIZE 11.0
#define MAX_TEXT_SIZE 26.0
/* The most of the area's height the legend may take: to show every
 * name whole in a picture (an export has no tooltips, and a client
 * reads the names off the slide), and otherwise. On screen several
 * scenarios' keys take what they need (fw_chart_layout_compute ()). */
#define LEGEND_SHARE_WHOLE 0.30
#define LEGEND_SHARE       0.16
/* A plot lower than this many text heights is hard to read: on screen
 * the legend's series keys give it their rows first (see
 * fw_chart_layout_compute ()). */
#define READABLE_PLOT      10.0
/* As many rows as the keys take: no name is ever cut or counted. */
#define UNLIMITED_ROWS     100000.0

double
fw_chart_layout_x_of (const FwChartLayout *layout,
                      double               t)
{
  return layout->plot_x + layout->plot_w * t / MAX (layout->horizon, 1);
}

double
fw_chart_layout_y_of (const FwChartLayout *layout,
                      double               v)
{
  double f = (v - layout->y_low) / (layout->y_high - layout->y_low);

  return layout->plot_y + layout->plot_h * (1.0 - f);
}

double
fw_chart_layout_period_at (const FwChartLayout *layout,
                           double               x)
{
  if (layout->plot_w <= 0.0)
    return 0.0;
  return (x - layout->plot_x) / layout->plot_w * MAX (layout->horizon, 1);
}

guint
fw_chart_layout_columns (const FwChartLayout *layout,
                         double               resolution)
{
  /* Bounded: a surface scaled up a thousand times still gets a summary
   * whose cost is a few screens' width. */
  return (guint) CLAMP (ceil (layout->plot_w * resolution - 1e-9), 1.0, 16384.0);
}

double
fw_chart_nice_step (double rough)
{
  double power, f;

  if (!(rough > 0.0) || !isfinite (rough))
    return 1.0;

  power = pow (10.0, floor (log10 (rough)));
  f = rough / power;
  /* Rounding can leave f a hair above a nice number it equals. */
  if (f <= 1.0 + 1e-9)
    return power;
  if (f <= 2.0 + 1e-9)
    return 2.0 * power;
  if (f <= 5.0 + 1e-9)
    return 5.0 * power;
  return 10.0 * power;
}

char *
fw_chart_y_tick_text (const FwChartLayout *layout,
                      guint                tick)
{
  double value = layout->y_low + tick * layout->y_step;

  /* i * step can miss zero by a rounding error: it reads "0". */
  if (fabs (value) < layout->y_step * 1e-9)
    value = 0.0;
  /* One form for the whole axis: exact ("2,500") while that stays short,
   * compact ("250k") from ten thousand on. */
  if (MAX (fabs (layout->y_low), fabs (layout->y_high)) >= 10000.0)
    return fw_display_compact (value);
  return fw_display_count (value);
}

char *
fw_chart_x_tick_text (guint period)
{
  return fw_display_count (period);
}

char *
fw_chart_more_text (guint count)
{
  /* The words the report lists its scenarios with. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more scenario", "and %u more scenarios", count),
                          count);
}

const char *
fw_chart_legend_name (const FwChart            *chart,
                      const FwChartLegendEntry *entry)
{
  switch (entry->kind)
    {
    case FW_CHART_LEGEND_SERIES:
      return fw_chart_series_name (entry->index);
    case FW_CHART_LEGEND_BAND:
      /* TRANSLATORS: the shaded band round the customers' line */
      return _("Customers, 10th–90th percentile");
    case FW_CHART_LEGEND_MORE:
      return NULL;
    case FW_CHART_LEGEND_SCENARIO:
    default:
      return chart->entries[entry->index].scenario.name;
    }
}

static double
text_width (FwChart    *chart,
            double      size,
            gboolean    bold,
            const char *text)
{
  g_autoptr(PangoLayout) layout = fw_render_text_layout (NULL, chart->measure,
                                                         chart->style.font_family,
                                                         size, bold, text);
  double w;

  fw_render_text_size (layout, &w, NULL);
  return w;
}

/* How many lines @text takes wrapped at @width. */
static guint
text_lines (FwChart    *chart,
            double      size,
            gboolean    bold,
            const char *text,
            double      width)
{
  g_autoptr(PangoLayout) layout = fw_render_text_layout (NULL, chart->measure,
                                                         chart->style.font_family,
                                                         size, bold, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return (guint) MAX (pango_layout_get_line_count (layout), 1);
}

/* The legend's sizes, shared by its two parts: a key's sample line and
 * the gap before its name, a row, the gap between keys. */
#define LEGEND_SAMPLE(layout) ((layout)->legend_sample + (layout)->text_size * 0.45)
#define LEGEND_ROW(size)     ((size) * 1.45)
#define LEGEND_SPACING(size) ((size) * 1.3)

/* The scenarios' keys flowing in rows as the series' do, every name
 * whole: a name wider than a row wraps onto rows of its own. Fills
 * @layout's entries and returns the rows taken, or 0 (and no entries)
 * when that takes more than @rows. */
static guint
flow_scenario_keys (FwChart       *chart,
                    FwChartLayout *layout,
                    const double  *natural,
                    guint          n,
                    double         left,
                    double         right,
                    double         top,
                    guint          rows)
{
  double size = layout->text_size, spacing = LEGEND_SPACING (size), row_h = LEGEND_ROW (size);
  double x = left;
  guint row = 0, start = layout->n_legend;

  for (guint k = 0; k < n; k++)
    {
      FwChartLegendEntry *entry = &layout->legend[layout->n_legend++];
      double w = MIN (natural[k], right - left);
      guint lines = 1;

      if (natural[k] > right - left)
        lines = text_lines (chart, size, TRUE, chart->entries[k].scenario.name,
                            right - left - LEGEND_SAMPLE (layout));
      if (x > left && x + w > right)
        {
          x = left;
          row++;
        }
      entry->kind = FW_CHART_LEGEND_SCENARIO;
      entry->index = k;
      entry->hidden = FALSE;
      entry->cut = FALSE;
      entry->lines = lines;
      entry->x = x;
      entry->y = top + row * row_h;
      entry->width = w;
      entry->height = lines * row_h;
      /* A wrapped name takes its rows whole. */
      row += lines - 1;
      x += w + spacing;
      if (row + 1 > rows)
        {
          layout->n_legend = start;
          return 0;
        }
    }
  return n > 0 ? row + 1 : 0;
}

/* The scenarios' keys: below the series', every name whole
 * (flow_scenario_keys()) when @whole_rows rows hold them. Otherwise a
 * grid of equal columns: in at most @max_rows, each column gets a share
 * of the width and a longer name is cut in its middle (the painter), so
 * that "Q3 plan: ... (copy)" keeps both ends that tell it apart. When
 * even the narrowest readable columns cannot hold them all, the last key
 * says how many more there are. Returns the rows used. */
static guint
place_scenario_keys (FwChart       *chart,
                     FwChartLayout *layout,
                     double         left,
                     double         right,
                     double         top,
                     guint          whole_rows,
                     guint          max_rows)
{
  double size = layout->text_size, spacing = LEGEND_SPACING (size), row_h = LEGEND_ROW (size);
  double avail = MAX (right - left, 1.0);
  /* About a dozen letters: less and the names no longer tell apart. */
  double min_col = LEGEND_SAMPLE (layout) + size * 7.0;
  double comfy_col = LEGEND_SAMPLE (layout) + size * 20.0;
  double natural[FW_CHART_MAX_SCENARIOS];
  double widest = 0.0, col_w;
  guint n = MIN (chart->n_entries, FW_CHART_MAX_SCENARIOS);
  guint cols, rows, keyed;

  max_rows = MAX (max_rows, 1);
  for (guint i = 0; i < n; i++)
    {
      natural[i] = LEGEND_SAMPLE (layout) + text_width (chart, size, TRUE, chart->entries[i].scenario.name);
      widest = MAX (widest, natural[i]);
    }

  rows = flow_scenario_keys (chart, layout, natural, n, left, right, top, MAX (whole_rows, 1));
  if (rows > 0)
    return rows;

  /* All whole, in as few rows as they fit... */
  cols = (guint) MAX (floor ((avail + spacing) / (widest + spacing)), 0.0);
  if (cols >= 1 && (n + cols - 1) / cols <= MAX (whole_rows, 1))
    {
      cols = MIN (cols, n);
      col_w = widest;
    }
  else
    {
      /* ...or else in columns wide enough for some forty letters,
       * which tell most names apart in fewer rows than whole names
       * take; when even those need more rows than there are, in the
       * columns that keep within the rows, down to the narrowest. */
      guint comfortable = (guint) MAX (floor ((avail + spacing) / (comfy_col + spacing)), 1.0);
      guint most = (guint) MAX (floor ((avail + spacing) / (min_col + spacing)), 1.0);

      cols = MIN (comfortable, n);
      if ((n + cols - 1) / cols > max_rows)
        cols = MIN (MAX ((n + max_rows - 1) / max_rows, cols), most);
      col_w = (avail - (cols - 1) * spacing) / cols;
    }
  rows = MIN ((n + cols - 1) / cols, max_rows);
  keyed = MIN (n, cols * rows);
  if (keyed < n)
    {
      /* The count takes the last cells of the last row, as many as its
       * words need (with the largest count it could say). */
      g_autofree char *words = fw_chart_more_text (n);
      double more_w = text_width (chart, size, FALSE, words);
      guint cells = (guint) MIN (ceil ((more_w + spacing) / (col_w + spacing)), cols);

      keyed = cols * rows - MAX (cells, 1);
    }

  for (guint k = 0; k < keyed; k++)
    {
      FwChartLegendEntry *entry = &layout->legend[layout->n_legend++];

      entry->kind = FW_CHART_LEGEND_SCENARIO;
      entry->index = k;
      entry->hidden = FALSE;
      entry->x = left + (k % cols) * (col_w + spacing);
      entry->y = top + (k / cols) * row_h;
      entry->cut = natural[k] > col_w;
      entry->lines = 1;
      entry->width = MIN (natural[k], col_w);
      entry->height = row_h;
    }
  if (keyed < n)
    {
      FwChartLegendEntry *entry = &layout->legend[layout->n_legend++];

      entry->kind = FW_CHART_LEGEND_MORE;
      entry->index = n - keyed;
      entry->hidden = FALSE;
      entry->x = left + (keyed % cols) * (col_w + spacing);
      entry->y = top + (keyed / cols) * row_h;
      entry->cut = FALSE;
      entry->lines = 1;
      entry->width = right - entry->x;
      entry->height = row_h;
    }
  return rows;
}

/* The legend's entries in order, flowing in rows over the top of the
 * area: the series and the band (unless @series_keys is FALSE), then
 * the scenarios' keys, in at most @whole_height when that shows every
 * name whole, else @max_height. A series' or the band's name wider
 * than a whole row wraps onto rows of its own when @wrap (the column
 * beside the plot), else is cut in its middle. Returns the height the
 * rows take. */
static double
place_legend (FwChart       *chart,
              FwChartLayout *layout,
              double         left,
              double         right,
              double         top,
              double         whole_height,
              double         max_height,
              gboolean       series_keys,
              gboolean       wrap)
{
  double size = layout->text_size, spacing = LEGEND_SPACING (size), row_h = LEGEND_ROW (size);
  double x = left, y = top;
  gboolean any_band = FALSE;
  /* (Clamped: an unlimited height is a number of rows too.) */
  guint max_rows = (guint) CLAMP (floor (max_height / row_h), 1.0, UNLIMITED_ROWS);
  guint whole_rows = (guint) CLAMP (floor (whole_height / row_h), 1.0, UNLIMITED_ROWS);
  guint rows;

  layout->n_legend = 0;

  for (guint i = 0; i < chart->n_entries; i++)
    any_band = any_band || (chart->legend_toggles ? chart->entries[i].has_band
                                                  : fw_chart_track_drawn (chart, i, FW_CHART_TRACK_BAND_LOW));

  for (guint pass = 0; series_keys && pass < 2; pass++)
    {
      guint n = pass == 0 ? FW_CHART_N_SERIES : 1;

      for (guint i = 0; i < n; i++)
        {
          FwChartLegendEntry *entry = &layout->legend[layout->n_legend];
          gboolean wanted;
          double w;

          if (pass == 0)
            {
              gboolean present = FALSE;

              for (guint k = 0; k < chart->n_entries; k++)
                present = present || (chart->legend_toggles ? chart->entries[k].scenario.values[i] != NULL
                                                            : fw_chart_track_drawn (chart, k, i));
              wanted = present;
              entry->kind = FW_CHART_LEGEND_SERIES;
              entry->hidden = (chart->visible & FW_CHART_SERIES_BIT (i)) == 0;
            }
          else
            {
              wanted = any_band;
              entry->kind = FW_CHART_LEGEND_BAND;
              entry->hidden = !fw_chart_band_switched_on (chart);
            }
          if (!wanted)
            continue;

          entry->index = i;
          w = LEGEND_SAMPLE (layout) + text_width (chart, size, FALSE, fw_chart_legend_name (chart, entry));
          /* A name wider than a whole row is the only one cut, in its
           * middle (fw-chart-painter.c), or wrapped; every other name
           * starts a new row when it does not fit the rest of this
           * one, and is shown whole. */
          entry->lines = 1;
          if (wrap && w > right - left)
            entry->lines = text_lines (chart, size, FALSE, fw_chart_legend_name (chart, entry),
                                       right - left - LEGEND_SAMPLE (layout));
          entry->cut = !wrap && w > right - left;
          w = MIN (w, right - left);
          if (x > left && x + w > right)
            {
              x = left;
              y += row_h;
            }
          entry->x = x;
          entry->y = y;
          entry->width = w;
          entry->height = entry->lines * row_h;
          layout->n_legend++;
          x += w + spacing;
          /* A wrapped name takes its rows whole: the next key starts
           * under it. */
          if (entry->lines > 1)
            {
              y += (entry->lines - 1) * row_h;
              x = right;
            }
        }
    }
  rows = layout->n_legend > 0 ? (guint) lround ((y - top) / row_h) + 1 : 0;

  /* One scenario needs no key; several are told apart by their dash. */
  if (chart->n_entries > 1)
    rows += place_scenario_keys (chart, layout, left, right, top + rows * row_h,
                                 whole_rows > rows ? whole_rows - rows : 1,
                                 max_rows > rows ? max_rows - rows : 1);

  return rows * row_h;
}

/* Beside the plot (fw_chart_layout_compute ()): the column takes at
 * most these shares of the area's width, the narrower first, so the
 * plot keeps most of it; text zoomed in wraps more names and may need
 * the wider. */
static const double beside_shares[] = { 0.36, 0.46 };
/* The legend goes beside the plot where, above it, it would leave the
 * plot less than this share of the area's height. */
#define BESIDE_WHEN_PLOT_UNDER 0.5

/* The legend as a column at the right of the area, every key whole
 * (a name wider than the column wraps onto rows of its own), from the
 * top: FALSE (and @layout's legend as it was) when no column of a
 * share in beside_shares holds it in the area's height. The column is
 * as wide as the widest key needs, within the share, and its keys
 * start level with the plot's top where there is room. */
static gboolean
place_legend_beside (FwChart       *chart,
                     FwChartLayout *layout,
                     double         pad,
                     double         plot_top)
{
  double size = layout->text_size;
  double widest = LEGEND_SAMPLE (layout) + size * 8.0;
  double bottom = layout->height - pad;
  guint top_n = layout->n_legend;
  FwChartLegendEntry top_keys[FW_CHART_MAX_LEGEND];

  /* The keys above the plot, laid out already, have their natural
   * widths (the rows there are the area's whole width). */
  memcpy (top_keys, layout->legend, sizeof top_keys);
  for (guint i = 0; i < top_n; i++)
    widest = MAX (widest, top_keys[i].lines > 1 || top_keys[i].cut ? G_MAXDOUBLE : top_keys[i].width);

  for (guint s = 0; s < G_N_ELEMENTS (beside_shares); s++)
    {
      double column = MIN (widest, layout->width * beside_shares[s]);
      double left = layout->width - pad - column;
      double height = place_legend (chart, layout, left, layout->width - pad, pad,
                                    UNLIMITED_ROWS * LEGEND_ROW (size), UNLIMITED_ROWS * LEGEND_ROW (size),
                                    TRUE, TRUE);

      if (pad + height <= bottom)
        {
          double down = CLAMP (bottom - pad - height, 0.0, plot_top - pad);

          for (guint i = 0; i < layout->n_legend; i++)
            layout->legend[i].y += down;
          layout->legend_beside = TRUE;
          layout->legend_x = left;
          return TRUE;
        }
    }
  layout->n_legend = top_n;
  memcpy (layout->legend, top_keys, sizeof top_keys);
  return FALSE;
}

/* The vertical axis: from the lowest to the highest value drawn, on nice
 * ticks about @spacing apart. */
static void
place_y_axis (FwChart       *chart,
              FwChartLayout *layout,
              double         spacing)
{
  double low = 0.0, high = -INFINITY, step;
  guint target;

  for (guint i = 0; i < chart->n_entries; i++)
    for (guint k = 0; k < FW_CHART_N_TRACKS; k++)
      if (fw_chart_track_drawn (chart, i, k) && chart->entries[i].low[k] <= chart->entries[i].high[k])
        {
          /* The axis keeps 0 in sight: the figures are people. */
          low = MIN (low, chart->entries[i].low[k]);
          high = MAX (high, chart->entries[i].high[k]);
        }
  if (!(high > low))
    high = low + 1.0;

  target = (guint) CLAMP (floor (layout->plot_h / spacing), 1.0, 8.0);
  step = fw_chart_nice_step ((high - low) / target);
  if (!isfinite (step) || step <= 0.0)
    step = (high - low) / target;

  layout->y_step = step;
  layout->y_low = floor (low / step) * step;
  layout->y_high = ceil (high / step) * step;
  /* Near the top of a double's range, rounding up overflows. */
  if (!isfinite (layout->y_high) || !isfinite (layout->y_low) || layout->y_high <= layout->y_low)
    {
      layout->y_low = low;
      layout->y_high = high;
      layout->y_step = high - low;
    }
  layout->n_y_ticks = (guint) MIN (round ((layout->y_high - layout->y_low) / layout->y_step) + 1,
                                   FW_CHART_MAX_TICKS);
}

/* The horizontal axis: whole periods, labels never closer than their own
 * width and a gap. */
static void
place_x_axis (FwChart       *chart,
              FwChartLayout *layout,
              double         widest)
{
  double room = widest + layout->text_size * 1.5;
  double rough = layout->plot_w > 0.0 ? layout->horizon * room / layout->plot_w : layout->horizon;
  double step = fw_chart_nice_step (MAX (rough, 1.0));

  if (step > layout->horizon)
    step = MAX (layout->horizon, 1);
  layout->x_step = (guint) step;
  layout->n_x_ticks = layout->horizon / layout->x_step + 1;
  /* Ticks 0 and H only, and no room for both labels: 0 alone. */
  if (layout->n_x_ticks == 2 && layout->plot_w < room)
    layout->n_x_ticks = 1;
}

void
fw_chart_layout_compute (FwChart       *chart,
                         FwChartLayout *layout,
                         double         width,
                         double         height)
{
  g_autofree char *title = fw_chart_period_title (chart);
  g_autofree char *last_label = NULL;
  double text, pad, legend_h, whole_h, max_h, bottom, y_label_w = 0.0, widest_x, right_margin;
  gboolean keys_whole = chart->legend_toggles && chart->n_entries > 1;

  width = isfinite (width) ? MAX (width, 1.0) : 1.0;
  height = isfinite (height) ? MAX (height, 1.0) : 1.0;

  layout->width = width;
  layout->height = height;
  layout->horizon = MAX (chart->horizon, 1);

  text = CLAMP (MIN (width / 1.6, height) * 0.022, MIN_TEXT_SIZE, MAX_TEXT_SIZE);
  text *= chart->text_scale;
  layout->text_size = text;
  /* Never under 2: a line then fully covers a row of pixels somewhere,
   * and keeps its colour rather than a blend with the background. */
  layout->line_width = MAX (text * 0.13, 2.0);
  layout->legend_sample = fw_chart_legend_sample (chart, text, layout->line_width);
  pad = text * 0.6;

  last_label = fw_chart_x_tick_text (layout->horizon);
  widest_x = text_width (chart, text, FALSE, last_label);
  right_margin = MAX (pad, widest_x / 2.0 + pad * 0.5);

  /* From the top: the legend, room for the marker's label, the plot;
   * from the bottom: the axis title and the tick labels. */
  /* The legend keeps to a share of the height, whatever the number of
   * scenarios and the length of their names: the plot is the point
   * (in a picture, and on screen for one scenario). */
  /* On screen with several scenarios the key is where each scenario's
   * colour is named whole and each series' dash shown (the readout
   * shortens names and keys series by the scenario's colour): it keeps
   * every name whole and every series' dash, on as many rows as
   * they take, and is never dropped. The view asks for the height that
   * leaves the plot readable under it (fw_chart_height_for_plot ()) and
   * scrolls when the pane is lower: cut names ("Faster qu…"), keys
   * counted away or dropped, and a plot squeezed to a sliver at
   * 1280x720 zoomed in (verify10b V10B-05, V10B-06) told nothing apart. */
  whole_h = height * (chart->legend_toggles ? LEGEND_SHARE : LEGEND_SHARE_WHOLE);
  max_h = height * LEGEND_SHARE;
  if (keys_whole)
    whole_h = max_h = UNLIMITED_ROWS * LEGEND_ROW (text);
  legend_h = place_legend (chart, layout, pad, width - pad, pad, whole_h, max_h, TRUE, FALSE);
  layout->axis_title_shown = TRUE;
  layout->legend_beside = FALSE;
  layout->legend_x = width;
  bottom = pad + text * 1.3 + text * 0.3 + text * 1.3;
  layout->plot_y = pad + legend_h + (legend_h > 0.0 ? text * 0.6 : 0.0) + text * 1.6;
  layout->plot_h = height - layout->plot_y - bottom;

  /* Several scenarios compared on screen, in a short wide area (the
   * projection under the wheel at 1280x720): their whole key above the
   * plot left it a strip, 60 px of a 250 px pane with two scenarios and
   * the band, and the rest a scroll away with four (verify9 V9-03). The
   * key goes beside the plot instead, in a column at the right, and
   * the plot has the area's height. Where the plot keeps half the
   * height under the key (a 1920x1080 window), the key stays above,
   * where a wide plot keeps its width. */
  if (keys_whole && layout->plot_h < height * BESIDE_WHEN_PLOT_UNDER
      && place_legend_beside (chart, layout, pad, pad + text * 1.6))
    {
      layout->plot_y = pad + text * 1.6;
      layout->plot_h = height - layout->plot_y - bottom;
    }

  /* On screen (the legend toggles series) the readout above the chart
   * names every series in its colour with its value: where the plot is
   * too low to read (a 1280x720 window: two rows of keys left it 67 px),
   * the series' and the band's keys give it their rows, and the
   * scenarios' keys, which only the legend has, stay. Not with several
   * scenarios: each then has its own hue, and only the series' keys say
   * which dash is which series (verify10 V10-09). The Series menu
   * still shows and hides them. Then the axis title goes: the readout
   * and the marker name the period ("Month 7"). A picture has no
   * readout: its legend and title stay. */
  if (chart->legend_toggles && layout->plot_h < text * READABLE_PLOT && legend_h > 0.0
      && chart->n_entries <= 1)
    {
      legend_h = place_legend (chart, layout, pad, width - pad, pad, height * LEGEND_SHARE,
                               height * LEGEND_SHARE, FALSE, FALSE);
      layout->plot_y = pad + legend_h + (legend_h > 0.0 ? text * 0.6 : 0.0) + text * 1.6;
      layout->plot_h = height - layout->plot_y - bottom;
    }
  if (chart->legend_toggles && layout->plot_h < text * READABLE_PLOT)
    {
      layout->axis_title_shown = FALSE;
      bottom = pad + text * 1.5;
      layout->plot_h = height - layout->plot_y - bottom;
    }

  /* Too little room: the axis title goes first, then the legend (not
   * several scenarios' keys on screen: the view makes room for them). */
  if (layout->plot_h < text * 4.0)
    {
      layout->axis_title_shown = FALSE;
      bottom = pad + text * 1.5;
      layout->plot_h = height - layout->plot_y - bottom;
    }
  if (layout->plot_h < text * 4.0 && layout->n_legend > 0 && !keys_whole)
    {
      layout->n_legend = 0;
      layout->plot_y = pad + text * 1.6;
      layout->plot_h = height - layout->plot_y - bottom;
    }
  layout->plot_h = MAX (layout->plot_h, 1.0);
  layout->x_labels_y = layout->plot_y + layout->plot_h + text * 0.45;
  layout->axis_title_y = layout->x_labels_y + text * 1.3 + text * 0.3;

  place_y_axis (chart, layout, text * 2.8);
  for (guint i = 0; i < layout->n_y_ticks; i++)
    {
      g_autofree char *label = fw_chart_y_tick_text (layout, i);

      y_label_w = MAX (y_label_w, text_width (chart, text, FALSE, label));
    }

  layout->plot_x = pad + y_label_w + text * 0.6;
  /* (Beside the key, the last tick's label and a gap before it.) */
  layout->plot_w = MAX ((layout->legend_beside ? layout->legend_x - pad : width) - layout->plot_x - right_margin,
                        1.0);
  place_x_axis (chart, layout, widest_x);
}
