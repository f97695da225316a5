/* fw-stage-panel.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-stage-panel"

#include <glib/gi18n.h>

#include "fw-scenario-model.h"
#include "fw-stage-panel.h"
#include "fw-stage-row.h"
#include "fw-typed-field.h"
#include "fw-widget-util.h"

struct _FwStagePanel
{
  GtkWidget   parent_instance;

  FwSession  *session;
  FwDocument *document;       /* the session's, kept here for short */

  GtkWidget  *box;
  GtkListBox *list;
  GtkWidget  *add_box;
  GtkWidget  *add_button;

  /* The stages as a list model that says exactly what changed, bound
   * to the list box: a stage added or removed adds or removes its row,
   * a move renews the rows it passes over, and every other row stays
   * (focus, scroll, what is being typed) and shows its new values. */
  FwScenarioModel *model;
  /* What the list box shows of it: every stage, except for the frames
   * after another project or scenario comes on show, when the rows are
   * made a few a frame (ROWS_FIRST, then ROWS_BATCH: see more_rows()). */
  GtkSliceListModel *slice;
  guint       rows_tick;
  gboolean    stash_left;     /* stashed text to forget once every row is made */
  /* The row that had the keyboard focus before a change, and where in
   * it, in case the change takes that row away. */
  int         focus_before;
  FwStageRowPart focus_part;
  gboolean    stashed;        /* pending text kept while rows are renewed */

  int         selected;       /* the stage selected on the wheel; -1 none */
  gboolean    revealing;      /* focus moved by reveal: not a new selection */
  gboolean    focus_entering; /* the selection comes from focus entering a row */
  int         scroll_to;      /* row to scroll to once laid out; -1 none */
  double      keep_scroll;    /* scroll position to restore after rows were renewed; -1 none */
  guint       scroll_frames;  /* frames left to keep the row in view */
  guint       scroll_tick;
};

G_DEFINE_FINAL_TYPE (FwStagePanel, fw_stage_panel, GTK_TYPE_WIDGET)

/* A stage row costs about 2 ms to make and more to lay out the first
 * time (a template of 30 widgets); the largest wheel has 16. Made all
 * at once after the largest project opened, they were about 25 ms of
 * the callback that shows it and much of the first frame's layout
 * (docs/performance.md): the first 8 come at once (a wheel of up to
 * 8 stages, every template's, is made as it always was), the rest 4 a
 * frame. Anything that needs a row not made yet (focus, a reveal) makes
 * every row at once. */
#define ROWS_FIRST 8
#define ROWS_BATCH 4

/* The row of @stage if it is made yet (see need_row()). */
static FwStageRow *
get_row (FwStagePanel *self,
         int           stage)
{
  GtkListBoxRow *row = stage >= 0 ? gtk_list_box_get_row_at_index (self->list, stage) : NULL;

  return row != NULL ? FW_STAGE_ROW (row) : NULL;
}

static void show_selected (FwStagePanel *self);

/* Every row made: the list shows the whole model from now on. */
static void
finish_rows (FwStagePanel *self)
{
  if (self->rows_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rows_tick);
      self->rows_tick = 0;
    }
  if (self->slice == NULL || gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;

  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  show_selected (self);
  /* Each row took back its text as it was made (fw_typed_field_stash()):
   * what is left was typed into a stage that is gone. */
  if (self->stash_left)
    {
      g_autofree char *prefix = fw_stage_row_key_prefix (self->session);

      fw_typed_field_forget_stashed (self->document, prefix);
      self->stash_left = FALSE;
    }
}

/* A few more rows each frame, laid out in the same frame, until all
 * are made. */
static gboolean
more_rows (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  FwStagePanel *self = FW_STAGE_PANEL (widget);
  guint made = gtk_slice_list_model_get_size (self->slice);

  if (made + ROWS_BATCH >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    {
      self->rows_tick = 0;
      finish_rows (self);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, made + ROWS_BATCH);
  show_selected (self);
  return G_SOURCE_CONTINUE;
}

/* Before another project or scenario replaces every row: only the
 * first few are made at once. */
static void
start_rows (FwStagePanel *self)
{
  gtk_slice_list_model_set_size (self->slice, ROWS_FIRST);
  if (self->rows_tick == 0)
    self->rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), more_rows, NULL, NULL);
}

/* The row of @stage, made now (with every other) if it was not yet. */
static FwStageRow *
need_row (FwStagePanel *self,
          int           stage)
{
  if (get_row (self, stage) == NULL)
    finish_rows (self);
  return get_row (self, stage);
}

static guint
n_stages (FwStagePanel *self)
{
  return fw_session_get_scenario (self->session)->stages->len;
}

static void
show_selected (FwStagePanel *self)
{
  for (int i = 0; get_row (self, i) != NULL; i++)
    fw_stage_row_set_selected (get_row (self, i), i == self->selected);
}

/* Which row holds the keyboard focus, and where in it. */
static int
find_focus (FwStagePanel   *self,
            FwStageRowPart *part)
{
  FwStageRow *row;

  for (int i = 0; (row = get_row (self, i)) != NULL; i++)
    {
      *part = fw_stage_row_get_focus_part (row);
      if (*part != FW_STAGE_ROW_PART_NONE)
        return i;
    }

  *part = FW_STAGE_ROW_PART_NONE;
  return -1;
}

/* How many frames the scroll to a row is made again: focus moving into
 * the row makes the viewport scroll to the focused field (only the name
 * line in view), sometimes a frame later, and a rebuilt list is laid out
 * over more than one frame. */
#define SCROLL_FRAMES 3

static GtkWidget *
get_scrolled (FwStagePanel *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
}

/* Scrolls the scrolled window around the panel back to where it was
 * before rows were renewed, then so that the whole row to scroll to shows (its
 * start, if it is taller than the view). Waits for the frame's layout: a
 * row just built has no place in the list yet. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  FwStagePanel *self = FW_STAGE_PANEL (widget);
  FwStageRow *row = self->scroll_to >= 0 ? need_row (self, self->scroll_to) : get_row (self, 0);
  GtkWidget *scrolled = get_scrolled (self);
  GtkWidget *content;
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;

  if (row == NULL || scrolled == NULL || self->scroll_frames == 0)
    {
      self->keep_scroll = -1.0;
      self->scroll_to = -1;
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* The adjustment counts in the scrolled content's coordinates: the
   * viewport's child when the panel sits in a viewport. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  if (gtk_widget_get_height (GTK_WIDGET (row)) == 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (self->keep_scroll >= 0.0)
    {
      gtk_adjustment_set_value (adjustment, self->keep_scroll);
      self->keep_scroll = -1.0;
    }
  if (self->scroll_to >= 0)
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);

  self->scroll_frames--;
  return G_SOURCE_CONTINUE;
}

static void
start_scrolling (FwStagePanel *self)
{
  self->scroll_frames = SCROLL_FRAMES;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
scroll_to_stage (FwStagePanel *self,
                 int           stage)
{
  self->scroll_to = stage;
  start_scrolling (self);
}

/* Rows renewed may take the view to its top for a moment: it comes back
 * to where it was (near the stage removed, say). */
static void
keep_scroll (FwStagePanel *self)
{
  GtkWidget *scrolled = get_scrolled (self);

  if (scrolled == NULL)
    return;

  self->keep_scroll =
    gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  start_scrolling (self);
}

/* Another project starts at its first stage. */
static void
scroll_to_top (FwStagePanel *self)
{
  if (get_scrolled (self) == NULL)
    return;

  self->keep_scroll = 0.0;
  self->scroll_to = -1;
  start_scrolling (self);
}

/* Focus entering a row selects its stage on the wheel, once: the window
 * answers with fw_stage_panel_reveal_stage(), which finds it selected. */
static void
on_row_focus_enter (GtkEventControllerFocus *controller,
                    FwStagePanel            *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int stage = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (self->revealing || stage < 0 || stage == self->selected)
    return;

  self->selected = stage;
  show_selected (self);
  self->focus_entering = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-stage", "i", stage);
  self->focus_entering = FALSE;
}

static void
focus_stage (FwStagePanel   *self,
             int             stage,
             FwStageRowPart  part)
{
  FwStageRow *row = need_row (self, stage);

  if (row == NULL)
    return;

  fw_stage_row_focus_part (row, part);
  scroll_to_stage (self, stage);
}

static void
on_row_move (FwStageRow   *row,
             int           delta,
             FwStagePanel *self)
{
  guint from = fw_stage_row_get_stage (row);
  int to = (int) from + delta;
  FwStageRowPart part = delta < 0 ? FW_STAGE_ROW_PART_MOVE_UP : FW_STAGE_ROW_PART_MOVE_DOWN;
  guint step = fw_document_get_step (self->document);

  if (to < 0 || to >= (int) n_stages (self))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "stage.move", "(uu)", from, (guint) to);
  if (fw_document_get_step (self->document) == step)
    return;

  /* The list was rebuilt: follow the stage with the same button, so
   * pressing it again moves it further. */
  focus_stage (self, to, part);
}

static void
on_row_remove (FwStageRow   *row,
               FwStagePanel *self)
{
  guint stage = fw_stage_row_get_stage (row);
  guint n = n_stages (self);

  gtk_widget_activate_action (GTK_WIDGET (self), "stage.remove", "u", stage);
  if (n_stages (self) == n)
    return;

  /* The next stage takes its place, so a user can go on removing. */
  focus_stage (self, MIN (stage, n_stages (self) - 1), FW_STAGE_ROW_PART_REMOVE);
}

static void
update_add_button (FwStagePanel *self)
{
  gboolean room = n_stages (self) < FW_MAX_STAGES;
  g_autofree char *full = g_strdup_printf (_("A wheel has at most %d stages"), FW_MAX_STAGES);

  /* A focused button that turns insensitive hands the focus on to the
   * window's next widget, which scrolls the list to its top: give it to
   * the last stage first (adding a stage then moves it to the new one). */
  if (!room && gtk_widget_has_focus (self->add_button))
    {
      self->revealing = TRUE;
      fw_stage_row_focus_part (need_row (self, (int) n_stages (self) - 1), FW_STAGE_ROW_PART_NAME);
      self->revealing = FALSE;
    }
  gtk_widget_set_sensitive (self->add_button, room);
  /* On the box around the button, so that it shows when the button is
   * insensitive too (an insensitive widget gets no pointer events). */
  gtk_widget_set_tooltip_text (self->add_box,
                               room ? _("Add a stage at the end of the wheel") : full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  room ? _("Add a stage at the end of the wheel") : full,
                                  -1);
}

/* The list box asks for the row of a stage the model added. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FwStagePanel *self = user_data;
  GtkWidget *row = fw_stage_row_new (self->session, fw_scenario_item_get_index (item));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus_enter), self, 0);
  gtk_widget_add_controller (row, focus);
  return row;
}

/* Before the model changes the rows: where the focus is. */
static void
before_change (FwStagePanel   *self,
               const FwChange *change,
               FwSession      *session)
{
  self->focus_before = find_focus (self, &self->focus_part);
  /* Rows may go, and what was typed in them and refused is kept with the
   * document as they go (fw_stage_row_stash_pending()), for the rows that
   * show those stages after. */
  if (change->flags & (FW_CHANGE_STAGES | FW_CHANGE_SHOWN | FW_CHANGE_DOCUMENT))
    self->stashed = TRUE;
  /* Rows going and coming must not be taken for a new selection. */
  self->revealing = TRUE;
  if (change->flags & FW_CHANGE_DOCUMENT)
    scroll_to_top (self);
  else if (change->flags & (FW_CHANGE_STAGES | FW_CHANGE_SHOWN))
    keep_scroll (self);
  if (change->flags & (FW_CHANGE_DOCUMENT | FW_CHANGE_SHOWN))
    start_rows (self);
}

/* After it: every row shows its stage's values, in place. */
static void
after_change (FwStagePanel   *self,
              const FwChange *change,
              FwSession      *session)
{
  const FwScenario *scenario = fw_session_get_scenario (session);
  FwStageRow *row;
  FwStageRowPart part;

  guint current = fw_session_get_scenario_index (session);

  if (change->flags & FW_CHANGE_DOCUMENT)
    g_set_object (&self->document, fw_session_get_document (session));

  /* Every row of this scenario took back its text as it was made: what
   * is left was typed into a stage that is gone (removed, by the user's
   * word). Another scenario's stays until it is shown again. */
  if (self->stashed)
    {
      self->stash_left = TRUE;
      self->stashed = FALSE;
      /* Rows still to be made take theirs back when they are. */
      if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
        {
          g_autofree char *prefix = fw_stage_row_key_prefix (session);

          fw_typed_field_forget_stashed (self->document, prefix);
          self->stash_left = FALSE;
        }
    }

  if (change->flags == FW_CHANGE_RESULTS ||
      (!(change->flags & FW_CHANGE_SHOWN) && !fw_change_touches (change, current)))
    {
      self->revealing = FALSE;
      return;
    }

  /* A row after a stage added or removed shows the same stage as
   * before, at another index; a row whose stage changed shows it anew. */
  for (int i = 0; (row = get_row (self, i)) != NULL && (guint) i < scenario->stages->len; i++)
    {
      if (fw_stage_row_get_stage (row) != (guint) i)
        fw_stage_row_set_stage (row, (guint) i);
      else if (fw_change_touches_stage (change, current, (guint) i) ||
               (change->flags & FW_CHANGE_ALL) == FW_CHANGE_ALL)
        fw_stage_row_update (row);
      /* A point added, moved, switched or removed changes the rates its
       * stage uses, which the row says under its fields. */
      else if (change->flags & FW_CHANGE_POINTS)
        fw_stage_row_update_rates (row);
    }

  /* Nothing is marked after the stages changed until the wheel (through
   * reveal) or the focus says which stage is selected now: a guess could
   * disagree with the wheel, and focus entering that row would then not
   * tell the wheel. */
  if (change->flags & (FW_CHANGE_STAGES | FW_CHANGE_SHOWN | FW_CHANGE_DOCUMENT))
    {
      self->selected = -1;
      show_selected (self);
    }
  self->revealing = FALSE;

  /* The focused row went (a move renews the rows it passes over, an undo
   * may renew them all): the row in its place takes the focus. Callers
   * that know better (add, move, remove) focus again. */
  if (self->focus_before >= 0 && find_focus (self, &part) < 0 && scenario->stages->len > 0)
    focus_stage (self, MIN (self->focus_before, (int) scenario->stages->len - 1), self->focus_part);
  self->focus_before = -1;

  update_add_button (self);
}

static void
on_add_clicked (GtkButton    *button,
                FwStagePanel *self)
{
  /* At the end, where the button sits under the list: inserting after
   * the stage selected on the wheel put it somewhere out of sight. */
  guint position = n_stages (self);

  gtk_widget_activate_action (GTK_WIDGET (self), "stage.add", "u", position);
  if (n_stages (self) == position)
    return;

  /* Ready to be named: the name entry selects its text on focus. */
  focus_stage (self, (int) position, FW_STAGE_ROW_PART_NAME);
}

GtkWidget *
fw_stage_panel_new (void)
{
  return g_object_new (FW_TYPE_STAGE_PANEL, NULL);
}

void
fw_stage_panel_set_session (FwStagePanel *self,
                            FwSession    *session)
{
  g_return_if_fail (FW_IS_STAGE_PANEL (self));
  g_return_if_fail (session == NULL || FW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  finish_rows (self);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  self->stash_left = FALSE;
  g_set_object (&self->session, session);
  if (session == NULL)
    {
      g_clear_object (&self->document);
      gtk_widget_set_sensitive (self->add_button, FALSE);
      return;
    }

  g_set_object (&self->document, fw_session_get_document (session));
  /* In this order: the focus is noted before the model adds and removes
   * rows, and every row is brought up to date after. */
  g_signal_connect_object (session, "changed", G_CALLBACK (before_change), self, G_CONNECT_SWAPPED);
  self->model = fw_scenario_model_new (session, FW_SCENARIO_MODEL_STAGES);
  g_signal_connect_object (session, "changed", G_CALLBACK (after_change), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->model)), 0, G_MAXUINT);
  self->revealing = TRUE;
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->slice), create_row, self, NULL);
  self->revealing = FALSE;
  update_add_button (self);
}

void
fw_stage_panel_reveal_stage (FwStagePanel *self,
                             guint         stage)
{
  FwStageRowPart part;
  int focused;

  g_return_if_fail (FW_IS_STAGE_PANEL (self));

  if (self->session == NULL || stage >= n_stages (self))
    return;

  self->selected = (int) stage;
  show_selected (self);

  /* When the focus entering a row selected its stage (a click on its
   * check box, say), the user is working in that row: scrolling now
   * would move the field they are about to click out from under the
   * pointer, and the click would land beside it. GTK keeps the focused
   * control in view by itself. */
  if (self->focus_entering)
    return;
  scroll_to_stage (self, (int) stage);

  /* Keyboard focus moves only within the panel: taking it from the
   * wheel would stop a user walking round the stages with the arrow
   * keys there. */
  focused = find_focus (self, &part);
  if (focused >= 0 && focused != (int) stage)
    {
      self->revealing = TRUE;
      fw_stage_row_focus_part (need_row (self, (int) stage), FW_STAGE_ROW_PART_NAME);
      self->revealing = FALSE;
    }
}

void
fw_stage_panel_focus_stage (FwStagePanel *self,
                            guint         stage)
{
  g_return_if_fail (FW_IS_STAGE_PANEL (self));

  if (self->session == NULL || stage >= n_stages (self))
    return;

  self->revealing = TRUE;
  self->selected = (int) stage;
  show_selected (self);
  focus_stage (self, (int) stage, FW_STAGE_ROW_PART_NAME);
  self->revealing = FALSE;
}

static void
fw_stage_panel_dispose (GObject *object)
{
  FwStagePanel *self = (FwStagePanel *) object;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->rows_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rows_tick);
      self->rows_tick = 0;
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (fw_stage_panel_parent_class)->dispose (object);
}

static void
fw_stage_panel_class_init (FwStagePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_stage_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fwstagepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_stage_panel_init (FwStagePanel *self)
{
  GtkWidget *add_content;

  self->focus_before = -1;
  self->selected = -1;
  self->scroll_to = -1;
  self->keep_scroll = -1.0;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  /* The list's frame hugs its rows instead of filling the panel. */
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "fw-stage-list");
  fw_widget_set_accessible_label (GTK_WIDGET (self->list), _("Stages"));

  /* No scrolled window of its own: the window puts the whole panel in
   * one, and nested ones would fight over the scrolling. */
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  add_content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (add_content, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (add_content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (add_content), gtk_label_new_with_mnemonic (_("Add sta_ge")));

  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), add_content);
  gtk_widget_add_css_class (self->add_button, "fw-add-stage");
  /* Named for tests and tools, as the rows' fields are. */
  gtk_widget_set_name (self->add_button, "stage-add");
  fw_widget_set_accessible_label (self->add_button, _("Add stage"));
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self, 0);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  self->add_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->add_box), self->add_button);
  gtk_box_append (GTK_BOX (self->box), self->add_box);
}
