/* fw-chart-view.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart-canvas.h"
#include "fw-chart-text.h"
#include "fw-chart-view.h"
#include "fw-display-number.h"
#include "fw-projection-table.h"
#include "fw-widget-util.h"
#include "fw-wrap-box.h"

struct _FwChartView
{
  GtkWidget       parent_instance;

  FwSession      *session;
  gboolean        collapsed;

  GtkWidget      *header;
  GtkButton      *collapse_button;
  GtkImage       *collapse_icon;
  GtkWidget      *series_button;
  GtkWidget      *series_checks[6];     /* the series, then the band */
  GtkWidget      *band_hint;            /* why the band's switch is off */
  GtkWidget      *switcher;
  GtkLabel       *readout;
  char           *readout_text;         /* the same, plain */
  double          text_scale;           /* Ctrl+plus/minus: the readout's size */
  /* The readout's height, as reserved for its width, scenarios and
   * text size (reserve_readout_lines ()). */
  int             reserved_height;
  int             reserved_width;
  guint           reserved_scenarios;
  double          reserved_scale;
  /* The view's height the readout was last worded for, and the idle
   * that words it again for a new one (comparison_lines ()). */
  int             worded_height;
  guint           reword_id;
  GtkWidget      *body;                 /* the readout and the stack, under the header */
  GtkStack       *stack;
  FwChartCanvas  *canvas;
  FwProjectionTable *table;
};

G_DEFINE_FINAL_TYPE (FwChartView, fw_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLLAPSED,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BAND_CHECK FW_CHART_N_SERIES

/* Readout ----------------------------------------------------------------- */

/* "#1c71d8": for a swatch in the colour of a line. */
static char *
rgb_hex (const double rgb[3])
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) lround (rgb[0] * 255),
                          (guint) lround (rgb[1] * 255), (guint) lround (rgb[2] * 255));
}

/* The colour @series of the @i-th scenario on show is drawn in. */
static char *
line_hex (FwChartCanvas *canvas,
          guint          i,
          guint          series)
{
  double rgb[3];

  fw_chart_line_color (fw_chart_canvas_get_chart (canvas), i, series, rgb);
  return rgb_hex (rgb);
}

/* The colour the @i-th scenario on show is drawn in while compared. */
static char *
scenario_hex (FwChartCanvas *canvas,
              guint          i)
{
  double rgb[3];

  fw_chart_scenario_color (fw_chart_canvas_get_chart (canvas), i, rgb);
  return rgb_hex (rgb);
}

/* @text with its spaces made non-breaking: a value never wraps away
 * from its name. */
static char *
unbroken (const char *text)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (joined, "\u00a0");
      else
        g_string_append_c (joined, *p);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

gboolean
fw_chart_view_band_is_point (double low,
                             double high)
{
  g_autofree char *low_text = fw_display_count (low);
  g_autofree char *high_text = fw_display_count (high);

  return g_strcmp0 (low_text, high_text) == 0;
}

/* One scenario's values: "● Customers 1,234   ● Churn 12 …", each
 * swatch in its line's colour. */
static void
append_values (FwChartView        *self,
               GString            *markup,
               GString            *plain,
               const FwChartHover *values,
               guint               i)
{
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    {
      g_autofree char *number = NULL;
      g_autofree char *hex = NULL;
      g_autofree char *item = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *spaced = NULL;
      g_autofree char *caption = NULL;

      if (isnan (values->values[i][s]))
        continue;
      number = fw_display_count (values->values[i][s]);
      hex = line_hex (self->canvas, i, s);
      caption = fw_chart_series_caption (s, fw_chart_canvas_get_period_unit (self->canvas));
      item = g_strdup_printf (_("%s %s"), caption, number);
      /* The band belongs with the customers it spreads; where it has no
       * width yet (today, known exactly), "likely 1,500–1,500" says
       * nothing. */
      if (s == FW_CHART_CUSTOMERS && !isnan (values->band[i][0]) &&
          !fw_chart_view_band_is_point (values->band[i][0], values->band[i][2]))
        {
          g_autofree char *low = fw_display_count (values->band[i][0]);
          g_autofree char *high = fw_display_count (values->band[i][2]);
          g_autofree char *with_band = NULL;

          /* TRANSLATORS: customers and their band in the chart's
           * readout, e.g. "Customers 1,250 (likely 1,100–1,400)" */
          with_band = g_strdup_printf (_("%s (likely %s–%s)"), item, low, high);
          g_free (item);
          item = g_steal_pointer (&with_band);
        }
      escaped = g_markup_escape_text (item, -1);
      spaced = unbroken (escaped);
      g_string_append_printf (markup, "   <span foreground=\"%s\">●</span>\u00a0%s", hex, spaced);
      g_string_append_printf (plain, "%s%s", plain->len > 0 ? _(", ") : "", item);
    }
}

/* The height of a line of the readout, in pixels; and in @char_width,
 * if given, a character's usual width. */
static int
readout_line (FwChartView *self,
              int         *char_width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->readout));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int line = (int) ceil (pango_font_metrics_get_height (metrics) * self->text_scale / PANGO_SCALE);

  if (char_width != NULL)
    *char_width = MAX ((int) ceil (pango_font_metrics_get_approximate_char_width (metrics) *
                                   self->text_scale / PANGO_SCALE), 1);
  pango_font_metrics_unref (metrics);
  return line;
}

/* The readout keeps one height while the pointer moves, whatever its
 * numbers: otherwise a value growing a digit would wrap, the chart below
 * would shrink by a line, and its whole picture would be painted again
 * under the pointer. It is what the text needs at this width, at least
 * two lines, and once a line has been needed it is kept (for this width,
 * these scenarios and this text size): the height changes at most once,
 * never back and forth. Each paragraph takes the lines its words need,
 * never cut: kept to two lines, zoomed in at 1280x720 it ended "Churn
 * per month 43…" and "Faster qu…" (V10B-05); the projection pane
 * scrolls when they leave the plot too little room. (It used to keep
 * several scenarios' paragraphs to a line each: at 1280x720 the edited
 * scenario's values were cut after the first.) */
static void
reserve_readout_lines (FwChartView *self,
                       guint        n_scenarios)
{
  int line = readout_line (self, NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (self->readout));
  int height = line * 2;

  if (width != self->reserved_width || n_scenarios != self->reserved_scenarios ||
      self->text_scale != self->reserved_scale)
    {
      self->reserved_height = 0;
      self->reserved_width = width;
      self->reserved_scenarios = n_scenarios;
      self->reserved_scale = self->text_scale;
    }

  gtk_label_set_wrap (self->readout, TRUE);
  if (width > 0 && gtk_label_get_label (self->readout) != NULL)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->readout), NULL);
      int needed;

      pango_layout_set_markup (layout, gtk_label_get_label (self->readout), -1);
      pango_layout_set_attributes (layout, gtk_label_get_attributes (self->readout));
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      needed = pango_layout_get_line_count (layout) * line;
      height = MAX (height, needed);
      g_object_unref (layout);
    }
  self->reserved_height = MAX (self->reserved_height, height);
  gtk_widget_set_size_request (GTK_WIDGET (self->readout), -1, self->reserved_height);
}

/* Names in the comparison paragraph, in characters: whole when every
 * scenario's name and figure fit its lines (two where the plot keeps a
 * readable height, comparison_lines ()); otherwise as many as let them,
 * down to a dozen (less and they no longer tell apart). Its tooltip has
 * them whole. */
#define FEWEST_NAME_CHARS 12
/* The plot's height (pixels) a second line of comparison must leave:
 * at 1280x720 three scenarios keep 80 px (test-window-720). */
#define READABLE_PLOT_PX  80

static int height_of (GtkWidget *widget,
                      int        width);

/* How many lines the comparison may take after @values_markup (the
 * edited scenario's values): two where the plot under the readout keeps
 * READABLE_PLOT_PX with them (the view's height is the pane's, whatever
 * the readout's), else one. */
static int
comparison_lines (FwChartView *self,
                  const char  *values_markup)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->readout));
  int view = gtk_widget_get_height (GTK_WIDGET (self));
  int line = readout_line (self, NULL);
  PangoLayout *layout;
  int values_lines, canvas;

  if (width <= 0 || view <= 0)
    return 2;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->readout), NULL);
  pango_layout_set_attributes (layout, gtk_label_get_attributes (self->readout));
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, values_markup, -1);
  values_lines = MIN (pango_layout_get_line_count (layout), 2);
  g_object_unref (layout);
  canvas = view - height_of (self->header, gtk_widget_get_width (GTK_WIDGET (self))) - (values_lines + 2) * line;
  return fw_chart_height_for_plot (fw_chart_canvas_get_chart (self->canvas),
                                   gtk_widget_get_width (GTK_WIDGET (self->canvas)),
                                   READABLE_PLOT_PX) <= canvas ? 2 : 1;
}

/* The comparison paragraph of @series, names in @chars characters at
 * most (G_MAXUINT: whole), each after a swatch of the colour its
 * scenario's lines are drawn in. */
static void
append_comparison (FwChartView        *self,
                   GString            *markup,
                   GString            *plain,
                   const FwChartHover *values,
                   guint               series,
                   guint               chars)
{
  g_autofree char *caption = fw_chart_series_caption (series, fw_chart_canvas_get_period_unit (self->canvas));
  g_autofree char *name = g_markup_escape_text (caption, -1);

  g_string_append_printf (markup, "%s:", name);
  g_string_append_printf (plain, "%s:", caption);
  for (guint i = 0; i < values->n_scenarios; i++)
    {
      g_autofree char *shown = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *spaced = NULL;
      g_autofree char *number = NULL;
      g_autofree char *hex = NULL;

      if (isnan (values->values[i][series]))
        continue;
      shown = fw_chart_text_shorten (fw_chart_canvas_get_scenario_name (self->canvas, i), chars);
      escaped = g_markup_escape_text (shown, -1);
      /* A name wraps between its words, never away from its figure. */
      number = fw_display_count (values->values[i][series]);
      spaced = unbroken (number);
      hex = scenario_hex (self->canvas, i);
      g_string_append_printf (markup, i == 0 ? "   <span foreground=\"%s\">●</span>\u00a0<b>%s\u00a0%s</b>"
                                             : "   <span foreground=\"%s\">●</span>\u00a0%s\u00a0<b>%s</b>",
                              hex, escaped, spaced);
      g_string_append_printf (plain, "  %s %s", shown, number);
    }
}

/* The lines the comparison paragraph takes in @layout with names in
 * @chars characters at most. */
static int
comparison_line_count (FwChartView        *self,
                       PangoLayout        *layout,
                       const FwChartHover *values,
                       guint               series,
                       guint               chars)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);

  append_comparison (self, markup, plain, values, series, chars);
  pango_layout_set_markup (layout, markup->str, -1);
  return pango_layout_get_line_count (layout);
}

/* The most characters that keep the comparison paragraph to @lines
 * lines of the readout's width, as measured: G_MAXUINT when the names
 * fit whole. One line that even the shortest names overflow is two:
 * the paragraph takes two all the same (nothing is cut), and names of a
 * dozen letters ("Today…n Q3)", "Faster…uotes") told four scenarios
 * apart worse than the longer ones two lines hold. */
static guint
comparison_name_chars (FwChartView        *self,
                       const FwChartHover *values,
                       guint               series,
                       int                 lines)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->readout));
  PangoLayout *layout;
  guint chars, longest = FEWEST_NAME_CHARS;

  if (width <= 0)
    return G_MAXUINT;
  for (guint i = 0; i < values->n_scenarios; i++)
    longest = MAX (longest, (guint) g_utf8_strlen (fw_chart_canvas_get_scenario_name (self->canvas, i), -1));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->readout), NULL);
  pango_layout_set_attributes (layout, gtk_label_get_attributes (self->readout));
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (lines < 2 && comparison_line_count (self, layout, values, series, FEWEST_NAME_CHARS) > lines)
    lines = 2;
  for (chars = longest; chars > FEWEST_NAME_CHARS; chars--)
    if (comparison_line_count (self, layout, values, series, chars) <= lines)
      break;
  g_object_unref (layout);
  return chars == longest ? G_MAXUINT : chars;
}

/* Several scenarios: the first line (or two) holds the values of the
 * one edited, as for one scenario; the next compares one figure
 * (customers, unless hidden) of every scenario on show, each named, the
 * edited one first and in bold, so it reads like a row of a comparison:
 * "Customers:  ● Baseline today in Q3 2026 1,380   ● Optimistic 279",
 * each swatch in the colour of its scenario's lines, names whole when
 * two lines hold them (R5-08: "Today (as me…ured in Q3)" was cut with
 * room to spare). The
 * edited one's name used to lead the first line, and at 1280x720 it left
 * its values no room. @full gets every value of every scenario, names
 * whole, one a line. */
static void
append_scenarios (FwChartView        *self,
                  GString            *markup,
                  GString            *plain,
                  GString            *full,
                  const FwChartHover *values)
{
  int series = -1;
  guint chars;

  for (guint i = 0; i < values->n_scenarios; i++)
    {
      const char *name = fw_chart_canvas_get_scenario_name (self->canvas, i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GString) unused = g_string_new (NULL);

      append_values (self, unused, line, values, i);
      g_string_append_printf (full, "\n%s: %s", name, line->str);
      for (guint s = 0; i > 0 && series < 0 && s < FW_CHART_N_SERIES; s++)
        if (!isnan (values->values[i][s]))
          series = (int) s;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    append_values (self, markup, line, values, 0);
    g_string_append_printf (plain, " %s", line->str);
  }

  if (series < 0)
    return;
  chars = comparison_name_chars (self, values, (guint) series, comparison_lines (self, markup->str));
  g_string_append_c (markup, '\n');
  g_string_append_c (plain, '\n');
  append_comparison (self, markup, plain, values, (guint) series, chars);
}

/* The values at the period under the pointer, or else at the period
 * shown: always something to read, and what the mouse points at first. */
static void
update_readout (FwChartView *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) full = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  FwChartHover values;
  gboolean several = FALSE;
  int period;

  if (self->session == NULL)
    return;

  period = fw_chart_canvas_get_readout (self->canvas);
  if (period < 0)
    period = (int) fw_session_get_period (self->session);

  title = fw_chart_text_period (self->canvas, (guint) period);
  escaped = g_markup_escape_text (title, -1);
  g_string_append_printf (markup, "<b>%s</b>", escaped);
  g_string_append (plain, title);
  g_string_append (full, title);

  if (fw_chart_canvas_get_values (self->canvas, (guint) period, &values))
    {
      several = values.n_scenarios > 1;
      if (several)
        append_scenarios (self, markup, plain, full, &values);
      else
        {
          g_autoptr(GString) line = g_string_new (NULL);

          append_values (self, markup, line, &values, 0);
          g_string_append_printf (plain, " %s", line->str);
        }
    }

  /* The same words, and the same width they were measured for. */
  if (g_strcmp0 (plain->str, self->readout_text) == 0 &&
      gtk_widget_get_width (GTK_WIDGET (self->readout)) == self->reserved_width)
    return;
  g_free (self->readout_text);
  self->readout_text = g_strdup (plain->str);
  gtk_label_set_markup (self->readout, markup->str);
  /* Several scenarios' names are shortened, and each other one's values
   * but one left out: all of them, whole, on demand. Set only when it
   * changes: GTK 4.8 asks the X server where the pointer is for every
   * tooltip set, and one scenario's readout (no tooltip) changes with
   * every period played. */
  fw_widget_set_tooltip (GTK_WIDGET (self->readout), several ? full->str : NULL);
  reserve_readout_lines (self, fw_chart_canvas_get_n_scenarios (self->canvas));
}

void
fw_chart_view_set_text_scale (FwChartView *self,
                              double       scale,
                              double       desktop_scale)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  g_return_if_fail (FW_IS_CHART_VIEW (self));
  g_return_if_fail (scale > 0.0 && desktop_scale > 0.0);

  fw_chart_canvas_set_text_scale (self->canvas, scale * desktop_scale);
  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  /* The readout is a label: it follows the desktop's text size already;
   * the user's zoom scales it here, as it scales the chart's own text. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  gtk_label_set_attributes (self->readout, attributes);
  reserve_readout_lines (self, fw_chart_canvas_get_n_scenarios (self->canvas));
}

const char *
fw_chart_view_get_band_hint (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);

  return gtk_widget_get_visible (self->band_hint) ? gtk_label_get_text (GTK_LABEL (self->band_hint)) : NULL;
}

GtkWidget *
fw_chart_view_get_readout_label (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);
  return GTK_WIDGET (self->readout);
}

const char *
fw_chart_view_get_readout (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);

  update_readout (self);
  return self->readout_text;
}

/* Series switches ---------------------------------------------------------- */

static void
sync_checks (FwChartView *self)
{
  guint visible = fw_chart_canvas_get_visible (self->canvas);

  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->series_checks[s]),
                                 (visible & FW_CHART_SERIES_BIT (s)) != 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->series_checks[BAND_CHECK]),
                               fw_chart_canvas_get_band_shown (self->canvas));
  gtk_widget_set_sensitive (self->series_checks[BAND_CHECK], fw_chart_canvas_has_band (self->canvas));
  gtk_widget_set_visible (self->band_hint, !fw_chart_canvas_has_band (self->canvas));
  /* The table shows the band's columns as the chart shows the band. */
  fw_projection_table_set_band_shown (self->table, fw_chart_canvas_get_band_shown (self->canvas));
}

static void
on_check_toggled (GtkCheckButton *check,
                  FwChartView    *self)
{
  gboolean active = gtk_check_button_get_active (check);

  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    if (GTK_WIDGET (check) == self->series_checks[s])
      {
        guint visible = fw_chart_canvas_get_visible (self->canvas);

        fw_chart_canvas_set_visible (self->canvas, active ? visible | FW_CHART_SERIES_BIT (s)
                                                          : visible & ~FW_CHART_SERIES_BIT (s));
        return;
      }
  fw_chart_canvas_set_band_shown (self->canvas, active);
}

static GtkWidget *
build_series_menu (FwChartView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; i <= BAND_CHECK; i++)
    {
      const char *name = i < FW_CHART_N_SERIES ? fw_chart_series_name (i)
                                               /* TRANSLATORS: the switch for the chart's band */
                                               : _("Customers, 10th–90th percentile");
      GtkWidget *check = gtk_check_button_new_with_label (name);

      self->series_checks[i] = check;
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_widget_set_tooltip_text (self->series_checks[BAND_CHECK],
                               _("Drawn when the scenario has spreads and its band is worked out"));
  /* A switch greyed out says why, in the menu itself (a tooltip on a
   * greyed-out item is easily never seen), and what gives a band. */
  self->band_hint = gtk_label_new (_("The band needs spreads: give this scenario’s rates a spread "
                                     "under “Uncertainty” on the Compare page."));
  gtk_label_set_wrap (GTK_LABEL (self->band_hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->band_hint), 32);
  gtk_label_set_xalign (GTK_LABEL (self->band_hint), 0.0);
  gtk_widget_add_css_class (self->band_hint, "dim-label");
  gtk_widget_set_margin_start (self->band_hint, 6);
  gtk_widget_set_visible (self->band_hint, FALSE);
  gtk_box_append (GTK_BOX (box), self->band_hint);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->series_checks[BAND_CHECK]),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->band_hint, NULL,
                                  -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Series"));
  gtk_widget_set_tooltip_text (button, _("The lines the chart draws (or click their names in the chart)"));
  fw_widget_set_accessible_label (button, _("Series shown"));
  return button;
}

/* Collapsing ---------------------------------------------------------------- */

static void
show_collapsed (FwChartView *self)
{
  gboolean chart = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "chart") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->stack), !self->collapsed);
  gtk_widget_set_visible (GTK_WIDGET (self->readout), !self->collapsed && chart);
  gtk_widget_set_visible (self->series_button, !self->collapsed && chart);
  gtk_widget_set_visible (self->switcher, !self->collapsed);
  gtk_image_set_from_icon_name (self->collapse_icon,
                                self->collapsed ? "pan-end-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->collapse_button),
                               self->collapsed ? _("Show the projection") : _("Hide the projection"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->collapse_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, !self->collapsed, -1);
}

gboolean
fw_chart_view_get_collapsed (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), FALSE);
  return self->collapsed;
}

void
fw_chart_view_set_collapsed (FwChartView *self,
                             gboolean     collapsed)
{
  g_return_if_fail (FW_IS_CHART_VIEW (self));

  collapsed = !!collapsed;
  if (collapsed == self->collapsed)
    return;
  /* The focus must not stay on a control that goes away. */
  if (collapsed && gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL &&
      gtk_widget_get_focus_child (GTK_WIDGET (self)) != self->header)
    gtk_widget_grab_focus (GTK_WIDGET (self->collapse_button));
  self->collapsed = collapsed;
  show_collapsed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

static void
on_collapse_clicked (FwChartView *self)
{
  fw_chart_view_set_collapsed (self, !self->collapsed);
}

const char *
fw_chart_view_get_page (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
fw_chart_view_set_page (FwChartView *self,
                        const char  *page)
{
  g_return_if_fail (FW_IS_CHART_VIEW (self));
  g_return_if_fail (g_strcmp0 (page, "chart") == 0 || g_strcmp0 (page, "table") == 0);

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* (The table opens at the period shown by itself, when mapped.) */
static void
on_page_changed (FwChartView *self)
{
  show_collapsed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Session ------------------------------------------------------------------- */

static void
on_session_changed (FwChartView *self)
{
  sync_checks (self);
}

void
fw_chart_view_set_session (FwChartView *self,
                           FwSession   *session)
{
  g_return_if_fail (FW_IS_CHART_VIEW (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  fw_chart_canvas_set_session (self->canvas, session);
  fw_projection_table_set_session (self->table, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                             G_CONNECT_SWAPPED);
  sync_checks (self);
  update_readout (self);
}

GtkWidget *
fw_chart_view_get_canvas (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);
  return GTK_WIDGET (self->canvas);
}

GtkWidget *
fw_chart_view_get_header (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);
  return self->header;
}

GtkWidget *
fw_chart_view_get_table (FwChartView *self)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), NULL);
  return GTK_WIDGET (self->table);
}

/* What a widget takes of the view's height: its own when on show; a
 * hidden readout (the table's page) its reserved lines all the same, so
 * the room the chart needs does not change with the page. */
static int
height_of (GtkWidget *widget,
           int        width)
{
  int minimum = 0, natural = 0, requested = -1;

  if (!gtk_widget_get_visible (widget))
    {
      gtk_widget_get_size_request (widget, NULL, &requested);
      return MAX (requested, 0);
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return natural;
}

int
fw_chart_view_height_for_plot (FwChartView *self,
                               int          width,
                               int          plot_height)
{
  g_return_val_if_fail (FW_IS_CHART_VIEW (self), 0);

  return height_of (self->header, width) + height_of (GTK_WIDGET (self->readout), width) +
         (int) fw_chart_height_for_plot (fw_chart_canvas_get_chart (self->canvas), width, plot_height);
}

/* Building ------------------------------------------------------------------ */

/* On one line when the column is wide enough; on a narrow one (a
 * 1024x768 window with both panes open) the series menu and the switch
 * go under the title rather than widening the wheel's column past the
 * room the panes leave it. */
static void
build_header (FwChartView *self)
{
  GtkWidget *box = fw_wrap_box_new (6, 2);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Projection"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkStackSwitcher *switcher;

  self->header = box;
  gtk_widget_add_css_class (box, "fw-chart-header");

  self->collapse_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->collapse_icon));
  gtk_box_append (GTK_BOX (inner), title);
  self->collapse_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_child (self->collapse_button, inner);
  gtk_button_set_has_frame (self->collapse_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->collapse_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Projection chart and table"),
                                  -1);
  g_signal_connect_swapped (self->collapse_button, "clicked", G_CALLBACK (on_collapse_clicked), self);
  gtk_widget_set_parent (GTK_WIDGET (self->collapse_button), box);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_parent (spacer, box);

  self->series_button = build_series_menu (self);
  gtk_widget_set_parent (self->series_button, box);

  switcher = GTK_STACK_SWITCHER (gtk_stack_switcher_new ());
  gtk_stack_switcher_set_stack (switcher, self->stack);
  self->switcher = GTK_WIDGET (switcher);
  gtk_widget_set_parent (self->switcher, box);
}

static void
fw_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwChartView *self = FW_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    case PROP_PAGE:
      g_value_set_string (value, fw_chart_view_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwChartView *self = FW_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLLAPSED:
      fw_chart_view_set_collapsed (self, g_value_get_boolean (value));
      break;
    case PROP_PAGE:
      fw_chart_view_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_chart_view_dispose (GObject *object)
{
  FwChartView *self = FW_CHART_VIEW (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->reword_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->readout_text, g_free);

  G_OBJECT_CLASS (fw_chart_view_parent_class)->dispose (object);
}

/* As wide as the header, the readout and the plot or table ask; at
 * least as high as the header's first row (its ▼ Projection, the
 * series and the switch where they fit beside it), whatever the rest
 * asks: the pane keeps that much of the projection at any window size.
 * The scroller under it takes what the view is given. */
static void
fw_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FwChartView *self = FW_CHART_VIEW (widget);

  gtk_widget_measure (self->body, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int row = 0;

      /* Not the scroller's own least height: its scrollbar's, a few
       * pixels over the header's row, would raise the window's. */
      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, -1, NULL, &row, NULL, NULL);
      *minimum = row;
      *natural = MAX (*natural, *minimum);
    }
}

static gboolean
reword_readout (gpointer data)
{
  FwChartView *self = data;

  self->reword_id = 0;
  update_readout (self);
  return G_SOURCE_REMOVE;
}

/* The scroller gets at least its least height: lower (the pane at the
 * header's row), its foot, scrollbar and all, is cut, as the plot was. */
static void
fw_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FwChartView *self = FW_CHART_VIEW (widget);
  int least = 0;

  gtk_widget_measure (self->body, GTK_ORIENTATION_VERTICAL, width, &least, NULL, NULL, NULL);
  gtk_widget_allocate (self->body, width, MAX (height, least), -1, NULL);
  /* How many lines the comparison takes depends on the view's height:
   * worded again once the pane has moved (the wheel giving way as
   * scenarios are compared left two names cut on one line where two
   * lines held them whole). Not now: it sets the label's text. */
  if (height != self->worded_height && self->session != NULL && self->reword_id == 0)
    self->reword_id = g_idle_add (reword_readout, self);
  self->worded_height = height;
}

static void
fw_chart_view_class_init (FwChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_chart_view_dispose;
  object_class->get_property = fw_chart_view_get_property;
  object_class->set_property = fw_chart_view_set_property;

  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "chart",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = fw_chart_view_measure;
  widget_class->size_allocate = fw_chart_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "fwchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_chart_view_init (FwChartView *self)
{
  GtkStackPage *page;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Projection"),
                                  -1);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->canvas = FW_CHART_CANVAS (fw_chart_canvas_new ());
  self->table = FW_PROJECTION_TABLE (fw_projection_table_new ());
  page = gtk_stack_add_titled (self->stack, GTK_WIDGET (self->canvas), "chart", _("Chart"));
  gtk_stack_page_set_icon_name (page, NULL);
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->table), "table", _("Table"));

  build_header (self);

  self->text_scale = 1.0;
  self->readout = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->readout, 0.0);
  gtk_label_set_wrap (self->readout, TRUE);
  gtk_label_set_wrap_mode (self->readout, PANGO_WRAP_WORD_CHAR);
  /* A wrapping label's least width is, by default, its text laid out
   * with as many line breaks as possible: a character a line here,
   * shaped afresh at every layout after the text changed, and playing
   * changes it at every period: 0.9 ms a measure of a one-line readout
   * on the bench's machine, against 0.25 ms at eight characters
   * (docs/performance.md, "Playback"). The view needs no less width for
   * it: its header needs more (/chart-view/readout-least-width). */
  gtk_label_set_width_chars (self->readout, FW_CHART_READOUT_LEAST_CHARS);
  gtk_label_set_yalign (self->readout, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->readout), "fw-chart-readout");
  gtk_widget_add_css_class (GTK_WIDGET (self->readout), "numeric");

  /* The header, the readout and the plot or table go in a scroller
   * with no scrollbar of its own, as tall as they are where there is
   * room, and the view asks for no more than the header's first row
   * (fw_chart_view_measure): a window at its smallest (958x417)
   * squeezed the open projection, header and all, to nothing, and
   * nothing on screen said the chart was there (review R5-20).
   * Squeezed, it scrolls, with a scrollbar that says so: the plot keeps
   * its least height under a legend of any number of rows
   * (fw_chart_canvas_measure ()) rather than being squashed to a
   * sliver (V10B-05), and the ▼ Projection stays. */
  self->body = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->body), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (self->body), FALSE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->body), TRUE);
  gtk_widget_set_vexpand (self->body, TRUE);
  /* Screen readers meet the scroller first: it says what it holds. */
  fw_widget_set_accessible_label (self->body, _("Projection"));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), self->header);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->readout));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->body), box);
  }
  gtk_widget_set_parent (self->body, GTK_WIDGET (self));
  /* (The scroller may be taller than the view: fw_chart_view_size_allocate ().) */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (self->canvas, "readout-changed", G_CALLBACK (update_readout), self,
                           G_CONNECT_SWAPPED);
  /* A band arriving makes its switch available. */
  g_signal_connect_object (self->canvas, "readout-changed", G_CALLBACK (sync_checks), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::visible-series", G_CALLBACK (sync_checks), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::band-shown", G_CALLBACK (sync_checks), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (on_page_changed),
                           self, G_CONNECT_SWAPPED);
  show_collapsed (self);
}

GtkWidget *
fw_chart_view_new (void)
{
  return g_object_new (FW_TYPE_CHART_VIEW, NULL);
}
