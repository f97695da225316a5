/* fw-projection-table.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-projection-table"

#include "config.h"

#include <glib/gi18n.h>

#include "fw-chart.h"
#include "fw-display-number.h"
#include "fw-projection-rows.h"
#include "fw-projection-table.h"
#include "fw-scenario-picker.h"
#include "fw-widget-util.h"

struct _FwProjectionTable
{
  GtkWidget          parent_instance;

  FwSession         *session;
  FwProjectionRows  *rows;
  GtkWidget         *header;
  GtkLabel          *caption;
  GtkWidget         *chooser_box;   /* "Scenario" and its list */
  GtkDropDown       *chooser;
  GtkStringList     *chooser_names;
  gboolean           syncing;       /* the table sets the list, not the user */
  GtkScrolledWindow *scroller;
  /* Holds the rows only while the table is on screen (see map); its
   * selected row is the period shown. */
  GtkSingleSelection *selection;
  /* The frame callback that brings the period's row into view once the
   * rows are laid out, 0 none; from which frame on. */
  guint              place_tick;
  gint64             place_from_frame;
  GtkColumnView     *view;
  GtkColumnViewColumn *period_column;
  /* The band's 10th and 90th percentiles, shown while the rows have it
   * and the chart shows it (band_shown). */
  GtkColumnViewColumn *likely_columns[2];
  gboolean           band_shown;
};

G_DEFINE_FINAL_TYPE (FwProjectionTable, fw_projection_table, GTK_TYPE_WIDGET)

/* Which column a cell belongs to: -1 the period, -2 and -3 the band's
 * low and high, else an FwChartSeries. */
#define PERIOD_COLUMN (-1)
#define LIKELY_FROM_COLUMN (-2)
#define LIKELY_TO_COLUMN (-3)

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Numbers line up on the right, in figures of one width. */
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  FwProjectionRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  if (column == PERIOD_COLUMN)
    text = fw_display_count (fw_projection_row_get_period (row));
  else if (column == LIKELY_FROM_COLUMN || column == LIKELY_TO_COLUMN)
    text = fw_display_count (fw_projection_row_get_likely (row, column == LIKELY_FROM_COLUMN ? FW_BAND_P10
                                                                                             : FW_BAND_P90));
  else
    /* "1,234" as the wheel and the figures say it, "—" when a wheel
     * grew past what a number holds (MODEL.md). */
    text = fw_display_count (fw_projection_row_get_value (row, (FwChartSeries) column));
  gtk_label_set_text (label, text);
}

/* @title on two lines, broken at the space nearest its middle
 * ("Customers,\nlikely from", "New\ncustomers"); a single word as it is.
 * A column is as wide as its title's widest line or its widest number,
 * and the eight columns fit the pane of a 1280x720 window without
 * scrolling sideways, where titles on one line made them 1.6 times its
 * width. (GTK 4.8 has no API to wrap a column's title, and a title
 * label set to wrap is given one line's height and cut.) */
static char *
two_line_title (const char *title)
{
  char *lines = g_strdup (title);
  glong middle = g_utf8_strlen (title, -1) / 2;
  char *best = NULL;
  glong best_distance = G_MAXLONG;
  glong at = 0;

  for (char *p = lines; *p != '\0'; p = g_utf8_next_char (p), at++)
    if (*p == ' ' && ABS (at - middle) < best_distance)
      {
        best = p;
        best_distance = ABS (at - middle);
      }
  if (best != NULL)
    *best = '\n';
  return lines;
}

static GtkColumnViewColumn *
add_column (FwProjectionTable *self,
            const char        *title,
            int                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autofree char *lines = two_line_title (title);
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (lines, factory);
  gtk_column_view_column_set_expand (view_column, column != PERIOD_COLUMN);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);
  return view_column;
}

/* The band's columns while the scenario read has a band and the chart's
 * band switch (Series → the likely range) is on: the table says what
 * the chart shows, and a user who turned the band off to read the lines
 * does not get it back in the table. Two columns fewer also keep the
 * table to the pane's width. */
static void
show_likely_columns (FwProjectionTable *self)
{
  gboolean band = self->band_shown && fw_projection_rows_has_band (self->rows);

  for (guint i = 0; i < G_N_ELEMENTS (self->likely_columns); i++)
    gtk_column_view_column_set_visible (self->likely_columns[i], band);
}

/* The list of the scenarios on show, the one read selected; hidden
 * while only one is on show. */
static void
update_chooser (FwProjectionTable *self)
{
  const FwProject *project = fw_document_get_project (fw_session_get_document (self->session));
  guint n_shown, read = fw_projection_rows_get_scenario (self->rows), selected = 0;
  const guint *shown = fw_session_get_shown (self->session, &n_shown);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->chooser_names));
  gboolean same = n_before == n_shown;

  for (guint i = 0; i < n_shown; i++)
    {
      const char *name = fw_project_get_scenario (project, shown[i])->name;

      g_ptr_array_add (names, (gpointer) name);
      if (shown[i] == read)
        selected = i;
      if (same && g_strcmp0 (gtk_string_list_get_string (self->chooser_names, i), name) != 0)
        same = FALSE;
    }
  g_ptr_array_add (names, NULL);

  self->syncing = TRUE;
  if (!same)
    gtk_string_list_splice (self->chooser_names, 0, n_before, (const char * const *) names->pdata);
  if (gtk_drop_down_get_selected (self->chooser) != selected)
    gtk_drop_down_set_selected (self->chooser, selected);
  self->syncing = FALSE;
  gtk_widget_set_visible (self->chooser_box, n_shown > 1);
}

/* The first column is named for the project's period unit ("Month"),
 * the caption for the scenario read. */
static void
update_titles (FwProjectionTable *self)
{
  const FwProject *project;
  const FwScenario *scenario;
  g_autoptr(FwChart) chart = fw_chart_new ();
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;

  if (self->session == NULL)
    return;
  project = fw_document_get_project (fw_session_get_document (self->session));
  scenario = fw_project_get_scenario (project, fw_projection_rows_get_scenario (self->rows));
  fw_chart_set_period_label (chart, fw_period_to_string (project->period));
  title = fw_chart_period_title (chart);
  gtk_column_view_column_set_title (self->period_column, title);

  /* TRANSLATORS: over the table of the projection; %s is a scenario */
  caption = g_strdup_printf (_("%s, period by period"), scenario != NULL ? scenario->name : "");
  gtk_label_set_text (self->caption, caption);
  /* A screen reader entering the table hears whose rows they are. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption,
                                  -1);
  update_chooser (self);
}

static void
on_session_changed (FwProjectionTable *self,
                    const FwChange    *change)
{
  /* Scenarios added or removed renumber them: back to the current. */
  if ((change->flags & (FW_CHANGE_SCENARIOS | FW_CHANGE_DOCUMENT)) != 0)
    fw_projection_rows_set_scenario (self->rows, FW_PROJECTION_ROWS_CURRENT);
  update_titles (self);
}

/* The user chose another of the scenarios on show. */
static void
on_chooser_selected (FwProjectionTable *self)
{
  guint n_shown, selected = gtk_drop_down_get_selected (self->chooser);
  const guint *shown;

  if (self->syncing || self->session == NULL)
    return;
  shown = fw_session_get_shown (self->session, &n_shown);
  if (selected >= n_shown)
    return;
  fw_projection_rows_set_scenario (self->rows, selected == 0 ? FW_PROJECTION_ROWS_CURRENT : shown[selected]);
  update_titles (self);
}

/* How far down the row of @period is, and how high a row is, in the
 * scroller's adjustment: GTK 4.8's column view cannot scroll to an item
 * itself (4.12 can), but its rows are of one height, so a row's place
 * is its share of the whole. FALSE while the rows are not laid out. */
static gboolean
row_place (FwProjectionTable *self,
           guint              period,
           double            *top,
           double            *height)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double upper = gtk_adjustment_get_upper (adjustment);

  if (n == 0 || period >= n || upper <= 0.0 || gtk_adjustment_get_page_size (adjustment) <= 0.0)
    return FALSE;
  *height = upper / n;
  *top = *height * period;
  return TRUE;
}

/* Scrolls so that @period's row is in the middle, the rows round it
 * showing too; FALSE while the rows are not laid out. */
static gboolean
centre_row (FwProjectionTable *self,
            guint              period)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top, height, page = gtk_adjustment_get_page_size (adjustment);

  if (!row_place (self, period, &top, &height))
    return FALSE;
  gtk_adjustment_set_value (adjustment, top + height / 2.0 - page / 2.0);
  return TRUE;
}

/* Brings the row of the period shown into view, in the middle, when it
 * is not (wholly) there: stepping through rows on screen does not move
 * the table under the reader's eyes. Run from a frame callback, the
 * frame after the view has laid out its rows: the rows come at map and
 * anew with every edit, and a scroll before they are laid out is
 * clamped to 0 (map) or names a row the view has not placed yet (GTK
 * warns "failed to scroll to given position" and ignores it). */
static gboolean
place_when_laid_out (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  FwProjectionTable *self = FW_PROJECTION_TABLE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint period;
  double top, height, value, page;

  if (self->session == NULL)
    {
      self->place_tick = 0;
      return G_SOURCE_REMOVE;
    }
  period = fw_session_get_period (self->session);
  if (gdk_frame_clock_get_frame_counter (clock) < self->place_from_frame ||
      !row_place (self, period, &top, &height))
    return G_SOURCE_CONTINUE;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top < value || top + height > value + page)
    centre_row (self, period);
  self->place_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Selects the row of the period shown, and brings it into view once
 * laid out. */
static void
follow_period (FwProjectionTable *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->session == NULL || clock == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, fw_session_get_period (self->session));
  /* The frame that starts next updates before it lays out: the one
   * after it has the rows in place. */
  self->place_from_frame = gdk_frame_clock_get_frame_counter (clock) + 2;
  if (self->place_tick == 0)
    self->place_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), place_when_laid_out, NULL, NULL);
}

static void
on_period_changed (FwProjectionTable *self)
{
  /* "notify::period" comes once a whole period, so playing moves the
   * selection once a period, not every frame. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    follow_period (self);
}

/* New rows (an edit, another scenario read, a new horizon) drop the
 * selection: the period shown is selected again. */
static void
on_rows_changed (FwProjectionTable *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    follow_period (self);
}

void
fw_projection_table_set_session (FwProjectionTable *self,
                                 FwSession         *session)
{
  g_return_if_fail (FW_IS_PROJECTION_TABLE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  fw_projection_rows_set_scenario (self->rows, FW_PROJECTION_ROWS_CURRENT);
  fw_projection_rows_set_session (self->rows, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::period", G_CALLBACK (on_period_changed), self,
                               G_CONNECT_SWAPPED);
    }
  update_titles (self);
  on_period_changed (self);
}

GListModel *
fw_projection_table_get_model (FwProjectionTable *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GtkWidget *
fw_projection_table_get_chooser (FwProjectionTable *self)
{
  g_return_val_if_fail (FW_IS_PROJECTION_TABLE (self), NULL);
  return GTK_WIDGET (self->chooser);
}

/* GTK 4.8's column view makes and binds rows for about 200 items round
 * its top whenever its model changes, on screen or not: with six cells
 * a row, tens of milliseconds on the main loop for every new project
 * and every edit with a long projection, for a table on a page nobody
 * looks at (the chart's stack keeps it hidden behind the chart). So the
 * view gets the rows when it comes on screen and gives them back when
 * it goes: showing the table makes its rows then. */
static void
fw_projection_table_map (GtkWidget *widget)
{
  FwProjectionTable *self = FW_PROJECTION_TABLE (widget);

  GTK_WIDGET_CLASS (fw_projection_table_parent_class)->map (widget);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  /* Opening the table shows the period on show, selected and in the
   * middle. */
  follow_period (self);
}

static void
fw_projection_table_unmap (GtkWidget *widget)
{
  FwProjectionTable *self = FW_PROJECTION_TABLE (widget);

  if (self->place_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->place_tick);
  self->place_tick = 0;
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  GTK_WIDGET_CLASS (fw_projection_table_parent_class)->unmap (widget);
}

/* Tab leaves the rows instead of walking all of them, as the catalog's
 * list does (fw_widget_tab_past_rows ()): the arrows move between rows,
 * Shift+Tab goes back to the scenario chooser above them when it shows,
 * Tab on past the table. */
static gboolean
fw_projection_table_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  FwProjectionTable *self = FW_PROJECTION_TABLE (widget);
  gboolean moved;

  if (fw_widget_tab_past_rows (widget, GTK_WIDGET (self->view), direction, &moved))
    return moved;
  return GTK_WIDGET_CLASS (fw_projection_table_parent_class)->focus (widget, direction);
}

static void
fw_projection_table_dispose (GObject *object)
{
  FwProjectionTable *self = FW_PROJECTION_TABLE (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->chooser_names);

  G_OBJECT_CLASS (fw_projection_table_parent_class)->dispose (object);
}

static void
fw_projection_table_class_init (FwProjectionTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_projection_table_dispose;
  widget_class->map = fw_projection_table_map;
  widget_class->unmap = fw_projection_table_unmap;
  widget_class->focus = fw_projection_table_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwprojectiontable");
  /* A group named by its caption ("Baseline, period by period"), not a
   * nameless element a screen reader reads as "FwProjectionTable". */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_projection_table_init (FwProjectionTable *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->header, 12);
  gtk_widget_set_margin_end (self->header, 12);
  gtk_widget_set_margin_bottom (self->header, 4);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0.0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->caption), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->caption));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->caption, NULL, -1);

  /* Which of the scenarios compared the table reads. */
  {
    GtkWidget *label = gtk_label_new (_("Scenario"));

    self->chooser_names = gtk_string_list_new (NULL);
    self->chooser = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->chooser_names)), NULL));
    /* Shown as the header bar's picker shows them: a long name must not
     * make the projection (every page of its stack) wider than the
     * column, which cut the chart at its right at 1280x720. */
    fw_scenario_picker_init (self->chooser);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->chooser));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->chooser),
                                 _("The scenario whose numbers the table shows"));
    /* On the drop-down's button too, which has the focus: GTK 4.8
     * calls it "GtkToggleButton" otherwise (verify9's V9-05). */
    fw_widget_set_accessible_label (GTK_WIDGET (self->chooser), _("Scenario in the table"));
    g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (on_chooser_selected), self);
    self->chooser_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (self->chooser_box), label);
    gtk_box_append (GTK_BOX (self->chooser_box), GTK_WIDGET (self->chooser));
    gtk_widget_set_visible (self->chooser_box, FALSE);
    gtk_box_append (GTK_BOX (self->header), self->chooser_box);
  }

  self->rows = fw_projection_rows_new ();
  self->selection = gtk_single_selection_new (NULL);
  /* The period shown is selected, not the first row by default; the
   * user may select another row to read it. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* After the view has taken in the new rows: selecting one before
   * makes it look for a row it does not have yet (a crash in 4.8). */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_rows_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Projection table"),
                                  -1);

  self->period_column = add_column (self, _("Period"), PERIOD_COLUMN);
  for (guint s = 0; s < FW_CHART_N_SERIES; s++)
    {
      add_column (self, fw_chart_series_name (s), (int) s);
      /* The band the chart draws round the customers, beside them:
       * the table is the chart's equivalent for a screen reader. */
      if (s == FW_CHART_CUSTOMERS)
        {
          /* TRANSLATORS: a column of the projection table, right after
           * "Customers": the band's 10th percentile of customers. Keep
           * it short: eight columns share a narrow pane. */
          self->likely_columns[0] = add_column (self, _("Likely from"), LIKELY_FROM_COLUMN);
          /* TRANSLATORS: a column of the projection table, after "Likely
           * from": the band's 90th percentile of customers. Keep it short. */
          self->likely_columns[1] = add_column (self, _("Likely to"), LIKELY_TO_COLUMN);
        }
    }
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (show_likely_columns), self,
                           G_CONNECT_SWAPPED);
  /* As the chart starts (fw_chart_view keeps the two in step). */
  self->band_shown = TRUE;
  show_likely_columns (self);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
fw_projection_table_new (void)
{
  return g_object_new (FW_TYPE_PROJECTION_TABLE, NULL);
}

void
fw_projection_table_set_band_shown (FwProjectionTable *self,
                                    gboolean           shown)
{
  g_return_if_fail (FW_IS_PROJECTION_TABLE (self));

  self->band_shown = shown;
  show_likely_columns (self);
}
