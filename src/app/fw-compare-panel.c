/* fw-compare-panel.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-compare-panel"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-chart.h"
#include "fw-compare-panel.h"
#include "fw-display-number.h"
#include "fw-figure-words.h"
#include "fw-render-style.h"
#include "fw-widget-util.h"

/* The summary figures of MODEL.md, one row each. */
typedef enum
{
  ROW_CUSTOMERS_END,
  ROW_NEW_CUSTOMERS,
  ROW_CHURN,
  ROW_REFERRALS,
  ROW_LOOP_GAIN,
  ROW_SELF_SUSTAINING,
  ROW_STEADY,
  N_ROWS
} RowId;

/* Whether a rise is good news: it colours the differences. */
static const gboolean rise_is_good[N_ROWS] = {
  [ROW_CUSTOMERS_END] = TRUE,
  [ROW_NEW_CUSTOMERS] = TRUE,
  [ROW_CHURN] = FALSE,
  [ROW_REFERRALS] = TRUE,
  [ROW_LOOP_GAIN] = TRUE,
  [ROW_SELF_SUSTAINING] = TRUE,
  [ROW_STEADY] = TRUE,
};

struct _FwComparePanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *checks_box;    /* one check button per scenario */
  GPtrArray  *checks;        /* of GtkCheckButton*, by scenario index */
  GtkGrid    *table;         /* ours: moved in and out of the scroller */
  GtkScrolledWindow *scroller; /* the table's, past COLUMNS_IN_VIEW */
  GtkLabel   *table_note;

  FwSession  *session;
  gboolean    syncing;       /* the panel sets the check boxes, not the user */
};

G_DEFINE_FINAL_TYPE (FwComparePanel, fw_compare_panel, GTK_TYPE_WIDGET)

static char *
row_caption (RowId            row,
             const FwProject *project)
{
  switch (row)
    {
    case ROW_CUSTOMERS_END:   return fw_figure_words_customers_after (project);
    case ROW_NEW_CUSTOMERS:   return fw_figure_words_over_horizon (project, _("New customers"));
    case ROW_CHURN:           return fw_figure_words_over_horizon (project, _("Churn"));
    case ROW_REFERRALS:       return fw_figure_words_over_horizon (project, _("Referral inflow"));
    case ROW_LOOP_GAIN:       return g_strdup (_("Loop gain"));
    case ROW_SELF_SUSTAINING: return g_strdup (_("Self-sustaining"));
    /* A count with no time frame read as a figure of some month (user
     * review, C7): it is where the wheel ends up in the long run. */
    case ROW_STEADY:          return g_strdup (_("Customers in the long run"));
    case N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

/* The row's number; NAN when there is none (no steady state). */
static double
row_value (RowId            row,
           const FwSummary *summary)
{
  switch (row)
    {
    case ROW_CUSTOMERS_END:   return summary->customers_end;
    case ROW_NEW_CUSTOMERS:   return summary->total_new_customers;
    case ROW_CHURN:           return summary->total_churn;
    case ROW_REFERRALS:       return summary->total_referrals;
    case ROW_LOOP_GAIN:       return summary->loop_gain;
    case ROW_SELF_SUSTAINING: return summary->self_sustaining ? 1 : 0;
    case ROW_STEADY:          return summary->has_steady ? summary->steady_customers : NAN;
    case N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static char *
row_text (RowId            row,
          const FwSummary *summary)
{
  switch (row)
    {
    case ROW_LOOP_GAIN:
      return fw_display_gain (summary->loop_gain);
    case ROW_SELF_SUSTAINING:
      return g_strdup (summary->self_sustaining ? _("Yes") : _("No"));
    case ROW_STEADY:
      /* No steady state: the wheel grows without end, or never settles. */
      return summary->has_steady ? fw_display_count (summary->steady_customers) : g_strdup ("—");
    default:
      return fw_display_count (row_value (row, summary));
    }
}

/* "+45" or "−3.2" from the first column (fw_display_difference(), as
 * the report writes it); NULL when there is nothing to say (the same,
 * not a number, or a yes/no). */
static char *
row_difference (RowId            row,
                const FwSummary *first,
                const FwSummary *other,
                gboolean        *good)
{
  double a = row_value (row, first);
  double b = row_value (row, other);

  if (row == ROW_SELF_SUSTAINING)
    return NULL;
  *good = (b > a) == rise_is_good[row];
  return fw_display_difference (a, b, row == ROW_LOOP_GAIN);
}

/* The scenarios on show in the project's order: the table's columns. */
static GArray *
columns (FwComparePanel *self)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_shown;
  const guint *shown = fw_session_get_shown (self->session, &n_shown);
  guint n = fw_document_get_n_scenarios (fw_session_get_document (self->session));

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < n_shown; k++)
      if (shown[k] == i)
        g_array_append_val (indices, i);
  return indices;
}

/* A column's width, in characters of its (bold) heading: "Baseline" and
 * "(copy)" each on a line of their own, whole. (At 8, a bold "Baseline"
 * was wider than its column and read "Base…line".) */
#define HEADING_CHARS 9

/* The scenarios whose columns, names, values and differences, fit the
 * pane's default width (400 px) beside the row captions; the consultant's
 * meeting is about the difference in the second column. More than that
 * scroll sideways, with a scrollbar in sight. */
#define COLUMNS_IN_VIEW 3

/* The row captions' widths, in characters: at most CAPTION_CHARS (two
 * lines), down to CAPTION_MIN_CHARS when the figures need the room. */
#define CAPTION_CHARS     18
#define CAPTION_MIN_CHARS 10

static GtkWidget *
cell (const char *text,
      const char *css_class,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A column's key: a short thick line in the colour the chart draws
 * that scenario's lines in while scenarios are compared, under its
 * heading, so the client matches a column to its line at a glance. The
 * colour follows the theme as the chart's does (a lighter shade on a
 * dark one). */
#define SWATCH_HEIGHT 4

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  guint entry = GPOINTER_TO_UINT (data);
  g_autofree char *family = NULL;
  FwWheelStyle style = { 0 };
  double rgb[3];

  fw_render_style_update (GTK_WIDGET (area), &style, &family);
  fw_chart_compared_color (style.dark, entry, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
swatch (guint entry)
{
  /* Only decoration: the heading names the column. */
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SWATCH_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, GUINT_TO_POINTER (entry), NULL);
  gtk_widget_add_css_class (area, "fw-compare-swatch");
  g_object_set_data (G_OBJECT (area), "fw-entry", GUINT_TO_POINTER (entry));
  return area;
}

/* The chart's entry for scenario @index: its place among the scenarios
 * on show that have a projection (the chart skips any still without
 * one), as fw-chart-canvas.c hands them to the chart. */
static guint
chart_entry (FwComparePanel *self,
             guint           index)
{
  FwProjectionService *service = fw_session_get_projections (self->session);
  guint n_shown, entry = 0;
  const guint *shown = fw_session_get_shown (self->session, &n_shown);

  for (guint k = 0; k < n_shown && shown[k] != index; k++)
    if (fw_projection_service_get (service, shown[k]) != NULL)
      entry++;
  return entry;
}

static void
clear_table (FwComparePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

/* Up to COLUMNS_IN_VIEW columns the table is as wide as the pane, in
 * the page itself, so the captions may wrap to leave the figures room:
 * in a scroller, GTK 4.8 asks for the table's height at its narrowest
 * width, whatever width it then gets. Wider, it scrolls sideways with a
 * real scrollbar under it, not an overlay one that shows only once the
 * pointer moves: a column cut at the pane's edge must say there is more. */
static void
place_table (FwComparePanel *self,
             gboolean        scrolls)
{
  GtkWidget *table = GTK_WIDGET (self->table);
  gboolean in_scroller = gtk_widget_is_ancestor (table, GTK_WIDGET (self->scroller));

  if (scrolls == in_scroller)
    return;
  if (in_scroller)
    gtk_scrolled_window_set_child (self->scroller, NULL);
  else
    gtk_box_remove (GTK_BOX (self->box), table);

  if (scrolls)
    {
      int bar = 0;

      /* Room under the last row for the scrollbar: GTK 4.8 lays it over
       * the child, whose natural height the scroller takes. */
      gtk_widget_measure (gtk_scrolled_window_get_hscrollbar (self->scroller), GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &bar, NULL, NULL);
      gtk_widget_set_margin_bottom (table, bar);
      gtk_scrolled_window_set_child (self->scroller, table);
    }
  else
    {
      gtk_widget_set_margin_bottom (table, 0);
      gtk_box_insert_child_after (GTK_BOX (self->box), table, GTK_WIDGET (self->scroller));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), scrolls);
}

static void
update_table (FwComparePanel *self)
{
  FwProjectionService *service = fw_session_get_projections (self->session);
  FwDocument *document = fw_session_get_document (self->session);
  const FwProject *project = fw_document_get_project (document);
  g_autoptr(GArray) shown = columns (self);
  const FwSummary *first = NULL;
  gboolean scrolls;

  clear_table (self);
  scrolls = shown->len > COLUMNS_IN_VIEW;
  place_table (self, scrolls);

  for (guint c = 0; c < shown->len; c++)
    {
      guint index = g_array_index (shown, guint, c);
      const FwProjection *projection = fw_projection_service_get (service, index);
      const FwSummary *summary;
      GtkWidget *name;

      if (projection == NULL)
        continue;
      summary = fw_projection_get_summary (projection);
      if (first == NULL)
        first = summary;

      /* The name whole, wrapped at its words on as many lines as it
       * takes, and the column keeps to a figure's width. A name cut
       * short (it was cut in the middle of a second line) read
       * "Base…line" or "Without the…ome" (user review, C11): a heading
       * is what tells the columns apart, so all of it shows; a long name
       * makes a taller heading, never a wider column. The tooltip has it
       * on one line. Fixed width: a scrolling scroller asks for the
       * height at the narrowest width. */
      name = cell (fw_document_get_scenario (document, index)->name, "fw-compare-heading", 1);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_RIGHT);
      gtk_label_set_width_chars (GTK_LABEL (name), HEADING_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (name), HEADING_CHARS);
      gtk_widget_set_valign (name, GTK_ALIGN_END);
      gtk_widget_set_tooltip_text (name, fw_document_get_scenario (document, index)->name);
      if (shown->len > 1)
        {
          /* Compared: the heading over its line's colour (R5-08's hues). */
          GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

          gtk_widget_set_valign (head, GTK_ALIGN_END);
          gtk_box_append (GTK_BOX (head), name);
          gtk_box_append (GTK_BOX (head), swatch (chart_entry (self, index)));
          gtk_grid_attach (self->table, head, (int) c + 1, 0, 1, 1);
        }
      else
        gtk_grid_attach (self->table, name, (int) c + 1, 0, 1, 1);

      for (RowId row = 0; row < N_ROWS; row++)
        {
          g_autofree char *text = row_text (row, summary);
          g_autofree char *difference = NULL;
          gboolean good = TRUE;
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          gtk_box_append (GTK_BOX (box), cell (text, "fw-compare-value", 1));
          if (summary != first)
            difference = row_difference (row, first, summary, &good);
          if (difference != NULL)
            {
              GtkWidget *label = cell (difference, good ? "fw-change-good" : "fw-change-bad", 1);

              gtk_widget_add_css_class (label, "fw-compare-difference");
              gtk_box_append (GTK_BOX (box), label);
            }
          gtk_grid_attach (self->table, box, (int) c + 1, (int) row + 1, 1, 1);
        }
    }

  for (RowId row = 0; row < N_ROWS; row++)
    {
      g_autofree char *caption = row_caption (row, project);
      GtkWidget *label = cell (caption, "fw-compare-caption", 0);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* Scrolling sideways, as wide as it may grow, not narrower: the
       * scroller then asks for the table's height at its narrowest (any
       * width would do), and captions wrapped word by word there left a
       * gap as tall as the extra lines under the table. */
      gtk_label_set_width_chars (GTK_LABEL (label), scrolls ? CAPTION_CHARS : CAPTION_MIN_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), CAPTION_CHARS);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (self->table, label, 0, (int) row + 1, 1, 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->table_note), shown->len > 1);
  if (shown->len > 1)
    {
      g_autofree char *note =
        g_strdup_printf (_("Below each figure: its difference from “%s”."),
                         fw_document_get_scenario (document, g_array_index (shown, guint, 0))->name);

      gtk_label_set_text (self->table_note, note);
    }
}

static void
on_check_toggled (GtkCheckButton *check,
                  FwComparePanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "fw-scenario"));

  if (self->syncing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "scenario.compare", "(ub)",
                              index, gtk_check_button_get_active (check));
}

/* One check box per scenario, made again only when the scenarios' names
 * or number changed, so the one the user just ticked keeps the focus. */
static void
update_checks (FwComparePanel *self)
{
  FwDocument *document = fw_session_get_document (self->session);
  guint n = fw_document_get_n_scenarios (document);
  guint current = fw_session_get_scenario_index (self->session);
  guint n_shown;
  const guint *shown = fw_session_get_shown (self->session, &n_shown);
  gboolean same = self->checks->len == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (g_object_get_data (g_ptr_array_index (self->checks, i), "fw-name"),
                      fw_document_get_scenario (document, i)->name) == 0;

  if (!same)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->checks_box)) != NULL)
        gtk_box_remove (GTK_BOX (self->checks_box), child);
      g_ptr_array_set_size (self->checks, 0);
      for (guint i = 0; i < n; i++)
        {
          const char *name = fw_document_get_scenario (document, i)->name;
          g_autofree char *label = g_strdup_printf (_("Compare scenario %s"), name);
          GtkWidget *check = gtk_check_button_new_with_label (name);

          /* A long name wraps, not the pane made wider, nor cut short
           * (user review, C11): names that start alike differ at their
           * ends, and every word of them shows. (The button's own
           * label, not a child of ours: the theme spaces a labelled
           * check button as a text button.) */
          for (GtkWidget *text = gtk_widget_get_first_child (check); text != NULL;
               text = gtk_widget_get_next_sibling (text))
            if (GTK_IS_LABEL (text))
              {
                gtk_label_set_wrap (GTK_LABEL (text), TRUE);
                gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
                gtk_label_set_xalign (GTK_LABEL (text), 0.0);
              }

          g_object_set_data (G_OBJECT (check), "fw-scenario", GUINT_TO_POINTER (i));
          g_object_set_data_full (G_OBJECT (check), "fw-name", g_strdup (name), g_free);
          /* Its label is only the scenario's name: say what ticking does. */
          fw_widget_set_accessible_label (check, label);
          g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
          gtk_box_append (GTK_BOX (self->checks_box), check);
          g_ptr_array_add (self->checks, check);
        }
    }

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char *name = fw_document_get_scenario (document, i)->name;
      g_autofree char *editing = NULL;
      gboolean on = FALSE;

      for (guint k = 0; k < n_shown; k++)
        on |= shown[k] == i;
      gtk_check_button_set_active (check, on);
      /* The current scenario is always on show: it is the one edited. */
      gtk_widget_set_sensitive (GTK_WIDGET (check), i != current);
      /* The name whole (the label may cut it), and for the one edited
       * why it cannot be unticked. */
      editing = g_strconcat (name, "\n", _("The scenario you are editing is always shown"), NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (check), i == current ? editing : name);
    }
  self->syncing = FALSE;
}

static void
on_session_changed (FwComparePanel *self,
                    const FwChange *change)
{
  /* The points' impacts and the band are not in the table. */
  if (change->flags == FW_CHANGE_RESULTS)
    return;
  if (change->flags & (FW_CHANGE_SCENARIOS | FW_CHANGE_SHOWN | FW_CHANGE_DOCUMENT))
    update_checks (self);
  update_table (self);
}

static void
fw_compare_panel_dispose (GObject *object)
{
  FwComparePanel *self = FW_COMPARE_PANEL (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->table);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_compare_panel_parent_class)->dispose (object);
}

static void
fw_compare_panel_class_init (FwComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_compare_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwcomparepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Shift and the mouse wheel: the table sideways, as GtkScrolledWindow
 * does itself for a wheel's up and down with Shift held. The scroller's
 * own controller no longer sees those (scroll_sideways_only()), so this
 * one does GTK's sum: a wheel's notch moves page^(2/3) pixels. */
static gboolean
on_table_wheel (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                GtkScrolledWindow        *scroller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double step = dy;

  if ((state & GDK_SHIFT_MASK) == 0)
    return FALSE;      /* the page's: up and down */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step *= pow (page, 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return TRUE;
}

/* The table scrolls sideways when it is wider than the pane, but the
 * wheel's up and down belong to the page it is on (the spreads below the
 * fold): GTK 4.8's GtkScrolledWindow takes every wheel event over it,
 * even in a direction it cannot scroll. Its own scroll controller is told
 * to read sideways motion only (a touchpad's swipe, a tilting wheel);
 * the rest goes on to the page, but for Shift and the wheel, which
 * on_table_wheel() turns sideways. */
static void
scroll_sideways_only (GtkWidget *scroller)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scroller);
  GtkEventController *wheel;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_scroll_set_flags (GTK_EVENT_CONTROLLER_SCROLL (controller),
                                               GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL |
                                               GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
    }

  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (wheel, "scroll", G_CALLBACK (on_table_wheel), scroller);
  gtk_widget_add_controller (scroller, wheel);
}

static void
fw_compare_panel_init (FwComparePanel *self)
{
  GtkWidget *intro;
  GtkWidget *scroller;

  self->checks = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (self->box), heading (_("Compare scenarios")));
  intro = gtk_label_new (_("Tick scenarios to show them beside the one you are editing, "
                           "on the chart and in the table below."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (self->box), intro);

  self->checks_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  fw_widget_set_accessible_label (self->checks_box, _("Scenarios to compare"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (GTK_LABEL (intro)), -1);
  gtk_box_append (GTK_BOX (self->box), self->checks_box);

  self->table = GTK_GRID (g_object_ref_sink (gtk_grid_new ()));
  gtk_grid_set_column_spacing (self->table, 12);
  gtk_grid_set_row_spacing (self->table, 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->table), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "fw-compare-table");
  fw_widget_set_accessible_label (GTK_WIDGET (self->table), _("Summary figures of the scenarios on show"));
  scroller = gtk_scrolled_window_new ();
  fw_widget_set_accessible_label (scroller, _("Summary figures, scrollable"));
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_overlay_scrolling (self->scroller, FALSE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  scroll_sideways_only (scroller);
  gtk_box_append (GTK_BOX (self->box), scroller);
  /* In the page until there are too many columns (place_table ()). */
  gtk_widget_set_visible (scroller, FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->table));

  self->table_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->table_note, TRUE);
  gtk_label_set_xalign (self->table_note, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->table_note), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->table_note));
}

GtkWidget *
fw_compare_panel_new (void)
{
  return g_object_new (FW_TYPE_COMPARE_PANEL, NULL);
}

void
fw_compare_panel_set_session (FwComparePanel *self,
                              FwSession      *session)
{
  g_return_if_fail (FW_IS_COMPARE_PANEL (self));
  g_return_if_fail (FW_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  update_checks (self);
  update_table (self);
}

char *
fw_compare_panel_get_text (FwComparePanel *self)
{
  GString *text = g_string_new (NULL);
  int n_columns = 0;

  g_return_val_if_fail (FW_IS_COMPARE_PANEL (self), NULL);

  while (gtk_grid_get_child_at (self->table, n_columns, 0) != NULL ||
         gtk_grid_get_child_at (self->table, n_columns, 1) != NULL)
    n_columns++;

  for (int row = 0; row <= N_ROWS; row++)
    {
      for (int column = 0; column < n_columns; column++)
        {
          GtkWidget *child = gtk_grid_get_child_at (self->table, column, row);

          if (column > 0)
            g_string_append_c (text, '\t');
          /* A value cell is a box of the value and its difference. */
          for (GtkWidget *label = child != NULL && GTK_IS_BOX (child) ? gtk_widget_get_first_child (child) : child;
               label != NULL;
               label = child != NULL && GTK_IS_BOX (child) ? gtk_widget_get_next_sibling (label) : NULL)
            {
              /* (A heading's box holds its swatch too: no text.) */
              if (!GTK_IS_LABEL (label))
                continue;
              if (label != child && label != gtk_widget_get_first_child (child))
                g_string_append_c (text, ' ');
              g_string_append (text, gtk_label_get_text (GTK_LABEL (label)));
            }
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
