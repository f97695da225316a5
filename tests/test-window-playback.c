/* test-window-playback.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-playback"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "fw-chart-view.h"
#include "fw-period-blend.h"
#include "fw-playback-bar.h"
#include "fw-renderer-choice.h"
#include "fw-wheel-view.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* Playing the periods in a real window on a private display: the
 * "win." playback actions on the session, the playback bar following
 * them, playback stopping at H, nothing running while paused, and the
 * horizon typed into the bar. */

typedef FwTestWindow Fixture;

static FwSession *
session (Fixture *fixture)
{
  return fw_window_get_session (fixture->window);
}

static guint
horizon (Fixture *fixture)
{
  return fw_document_get_project (fw_window_get_document (fixture->window))->horizon;
}

static FwPlaybackBar *
bar (Fixture *fixture)
{
  GtkWidget *found = fw_test_find_type (GTK_WIDGET (fixture->window), FW_TYPE_PLAYBACK_BAR);

  g_assert_nonnull (found);
  return FW_PLAYBACK_BAR (found);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The bar's button for @action. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  GtkWidget *found = fw_test_find (widget, is_action_button, action);

  g_assert_nonnull (found);
  return found;
}

/* Whether the bar's button for @action can be pressed: the window
 * disables the action where it would do nothing. */
static gboolean
button_enabled (GtkWidget  *widget,
                const char *action)
{
  return gtk_widget_is_sensitive (action_button (widget, action));
}

/* Steps, start and end: the session's period, the slider and its words
 * follow; stepping pauses; nothing steps past either end. */
static void
test_playback_steps (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkRange *slider = fw_playback_bar_get_slider (bar (fixture));
  guint h = horizon (fixture);
  g_autofree char *words = NULL;

  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 0);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, 0);
  g_assert_false (button_enabled (GTK_WIDGET (bar (fixture)), "win.step-back"));
  g_assert_true (button_enabled (GTK_WIDGET (bar (fixture)), "win.step-forward"));

  activate (fixture, "win.step-forward");
  activate (fixture, "win.step-forward");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 2);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, 2);
  words = fw_playback_bar_period_text (FW_PERIOD_MONTH, 2, h);
  g_assert_cmpstr (words, ==, "Month 2 of 24");
  g_assert_nonnull (fw_test_find_label_reading (GTK_WIDGET (bar (fixture)), words));

  activate (fixture, "win.step-back");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 1);

  /* Stepping while playing pauses there. */
  activate (fixture, "win.play-pause");
  g_assert_true (fw_session_get_playing (session (fixture)));
  activate (fixture, "win.step-forward");
  g_assert_false (fw_session_get_playing (session (fixture)));
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 2);

  activate (fixture, "win.go-to-end");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, h);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, h);
  g_assert_false (button_enabled (GTK_WIDGET (bar (fixture)), "win.step-forward"));
  g_assert_true (button_enabled (GTK_WIDGET (bar (fixture)), "win.step-back"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.step-forward", NULL);
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, h);

  activate (fixture, "win.go-to-start");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 0);
  activate (fixture, "win.step-back");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 0);

  /* The slider moved by the user shows that period. */
  gtk_range_set_value (slider, 7);
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 7);
}

/* The step buttons show what they do, one period back or on: an arrow
 * each way (the theme's go-previous and go-next), not the "skip to the
 * start/end" bars a player uses for first and last (win.go-to-start
 * and win.go-to-end, Home and End, have no buttons). The icon is one
 * the icon theme on show has, loaded from its own file (not the
 * theme's "image-missing"), and the words say the same. */
static void
test_playback_step_icons (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct { const char *action, *icon, *tooltip; } steps[] = {
    { "win.step-back", "go-previous-symbolic", "Previous period (Alt+←)" },
    { "win.step-forward", "go-next-symbolic", "Next period (Alt+→)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *button = action_button (GTK_WIDGET (bar (fixture)), steps[i].action);
      GtkWidget *image = fw_test_find_type (button, GTK_TYPE_IMAGE);
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (button));
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *tooltip = fw_test_tooltip_text (button);

      g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, steps[i].icon);
      g_assert_nonnull (image);
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, steps[i].icon);
      g_assert_true (gtk_icon_theme_has_icon (theme, steps[i].icon));
      icon = gtk_icon_theme_lookup_icon (theme, steps[i].icon, NULL, 16, gtk_widget_get_scale_factor (button),
                                         gtk_widget_get_direction (button), 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      basename = g_file_get_basename (file);
      g_assert_true (g_str_has_prefix (basename, steps[i].icon));
      g_assert_cmpstr (tooltip, ==, steps[i].tooltip);
    }
}

static gboolean
stopped (gpointer data)
{
  return !fw_session_get_playing (data);
}

static gboolean
past_first_period (gpointer data)
{
  return fw_session_get_period (data) >= 1;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Played, the periods advance by themselves from the frame clock, the
 * slider follows them, and playback stops at H; paused, nothing
 * runs: no tick callback, and time passing moves nothing. */
static void
test_playback_plays_and_stops (Fixture       *fixture,
                               gconstpointer  data)
{
  FwSession *shown = session (fixture);
  FwPlayback *playback = fw_window_get_playback (fixture->window);
  GtkRange *slider = fw_playback_bar_get_slider (bar (fixture));
  guint positions = 0;
  gint64 started;
  double seconds;

  g_assert_false (fw_playback_is_ticking (playback));

  /* At 5 periods a second, a period goes by in a fifth of a second. */
  fw_session_set_speed (shown, 5);
  started = g_get_monotonic_time ();
  activate (fixture, "win.play-pause");
  g_assert_true (fw_session_get_playing (shown));
  g_assert_true (fw_playback_is_ticking (playback));
  g_assert_true (fw_test_wait_until (past_first_period, shown));
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  /* Not before its time (a loaded machine may take longer, never less). */
  g_assert_cmpfloat (seconds, >=, 0.15);
  /* The slider on the period shown (slider-moves-by-periods). */
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, fw_session_get_period (shown));

  /* Paused between periods: back on a whole one, and nothing runs. */
  activate (fixture, "win.play-pause");
  g_assert_false (fw_session_get_playing (shown));
  g_assert_false (fw_playback_is_ticking (playback));
  g_assert_cmpfloat (fw_session_get_position (shown), ==, fw_session_get_period (shown));
  g_signal_connect (shown, "notify::position", G_CALLBACK (count_notify), &positions);
  fw_test_spin (400);
  g_assert_cmpuint (positions, ==, 0);
  g_assert_false (fw_playback_is_ticking (playback));

  /* To the end at the fastest speed: it stops at H by itself. */
  fw_session_set_speed (shown, FW_SESSION_MAX_SPEED);
  activate (fixture, "win.play-pause");
  g_assert_true (fw_test_wait_until (stopped, shown));
  g_assert_cmpuint (fw_session_get_period (shown), ==, horizon (fixture));
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, horizon (fixture));
  fw_test_spin (100);
  g_assert_false (fw_playback_is_ticking (playback));
  g_signal_handlers_disconnect_by_func (shown, count_notify, &positions);

  /* Played again from the end: from the beginning. */
  activate (fixture, "win.play-pause");
  g_assert_true (fw_session_get_playing (shown));
  g_assert_cmpuint (fw_session_get_period (shown), <, horizon (fixture));
  activate (fixture, "win.play-pause");
  g_assert_false (fw_playback_is_ticking (playback));
}

/* The slider's value, and its words beside it (the value text a screen
 * reader hears with it, set with them; test-e2e-playback reads that). */
static void
assert_slider_on (Fixture *fixture,
                  guint    period)
{
  GtkRange *slider = fw_playback_bar_get_slider (bar (fixture));
  g_autofree char *words = fw_playback_bar_period_text (FW_PERIOD_MONTH, period, horizon (fixture));

  g_assert_cmpfloat (gtk_range_get_value (slider), ==, period);
  g_assert_nonnull (fw_test_find_label_reading (GTK_WIDGET (bar (fixture)), words));
}

/* The slider shows the period on show, a whole one, wherever between
 * two the position is: 15 from 15.00004 to 15.9999. A screen reader
 * never hears a fraction of a period (nor, paused on 15 from a frame at
 * 15.00004, goes on hearing 15.00004: GTK 4.8 keeps an accessible
 * number within 0.001 of the last as "equal"). */
static void
test_playback_slider_shows_the_period (Fixture       *fixture,
                                       gconstpointer  data)
{
  FwSession *shown = session (fixture);

  g_assert_cmpuint (horizon (fixture), >, 16);
  fw_session_set_position (shown, 15.00004);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 15);
  assert_slider_on (fixture, 15);

  fw_session_set_position (shown, 15.9999);
  assert_slider_on (fixture, 15);
  fw_session_set_position (shown, 15.5);
  assert_slider_on (fixture, 15);
  fw_session_set_position (shown, 16.0);
  assert_slider_on (fixture, 16);
  fw_session_set_position (shown, 15.0);
  assert_slider_on (fixture, 15);
}

static void
count_changes (gpointer  instance,
               guint    *count)
{
  (*count)++;
}

/* Playing, the slider moves by whole periods, once for each period
 * played, not with every frame: each value a GtkRange takes lays the
 * whole window out again. Here one period plays in 600 frames (a
 * 600 Hz display, or a slow speed): the slider takes one value, the
 * next period's, when it comes; paused, and stopped at H, it is on the
 * period exactly. */
static void
test_playback_slider_moves_by_periods (Fixture       *fixture,
                                       gconstpointer  data)
{
  FwSession *shown = session (fixture);
  GtkRange *slider = fw_playback_bar_get_slider (bar (fixture));
  guint changes = 0;

  fw_session_set_speed (shown, 1);
  fw_session_set_playing (shown, TRUE);
  g_signal_connect (slider, "value-changed", G_CALLBACK (count_changes), &changes);
  /* The session played on directly, no frame between: only the slider's
   * own rule decides what it takes. */
  for (guint i = 0; i < 700; i++)
    {
      g_assert_true (fw_session_play_on (shown, 1.0 / 600.0));
      g_assert_cmpfloat (gtk_range_get_value (slider), ==, fw_session_get_period (shown));
    }
  /* 700 frames of a 600th of a second: into period 1, one value taken. */
  g_assert_cmpuint (fw_session_get_period (shown), ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  fw_session_set_position (shown, 2.5);
  g_assert_cmpuint (changes, ==, 2);
  assert_slider_on (fixture, 2);
  /* Pausing on the period moves nothing. */
  fw_session_set_playing (shown, FALSE);
  g_assert_cmpuint (changes, ==, 2);
  assert_slider_on (fixture, 2);
  g_signal_handlers_disconnect_by_func (slider, count_changes, &changes);

  /* Stopped at H by a step too small to cross a period before: on H. */
  fw_session_set_playing (shown, TRUE);
  fw_session_set_position (shown, horizon (fixture) - 0.001);
  assert_slider_on (fixture, horizon (fixture) - 1);
  g_assert_false (fw_session_play_on (shown, 0.01));
  g_assert_cmpuint (fw_session_get_period (shown), ==, horizon (fixture));
  assert_slider_on (fixture, horizon (fixture));
}

/* A hidden window asks for no frames, even while playing. */
static void
test_playback_hidden (Fixture       *fixture,
                      gconstpointer  data)
{
  FwPlayback *playback = fw_window_get_playback (fixture->window);

  activate (fixture, "win.play-pause");
  g_assert_true (fw_playback_is_ticking (playback));
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_false (fw_playback_is_ticking (playback));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fw_test_spin (100);
  g_assert_true (fw_playback_is_ticking (playback));
  activate (fixture, "win.play-pause");
  g_assert_false (fw_playback_is_ticking (playback));
}

typedef struct
{
  FwWheelView *wheel;
  guint64      statics;
} Rolls;

static gboolean
rolled (gpointer data)
{
  Rolls *rolls = data;

  return fw_wheel_view_get_statics_painted (rolls->wheel) >= rolls->statics;
}

/* Playing, the wheel's counts roll on over the ring's pixels: the ring
 * (arcs, names, markers) is painted again only when its labels need
 * other room, which can happen only as the periods being blended
 * change, not at every roll of the counts. */
static void
test_playback_counts_roll (Fixture       *fixture,
                           gconstpointer  data)
{
  FwSession *shown = session (fixture);
  FwWheelView *wheel = FW_WHEEL_VIEW (fw_window_get_wheel (fixture->window));
  Rolls rolls = { wheel, 0 };
  guint64 statics0, rings0;
  guint period0, crossed;

  /* Half a period a second: several rolls (at most five a second) in
   * each period, however slow the machine. */
  fw_session_set_speed (shown, 0.5);
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (wheel), 0));
  statics0 = fw_wheel_view_get_statics_painted (wheel);
  rings0 = fw_wheel_view_get_rings_painted (wheel);
  period0 = fw_session_get_period (shown);
  activate (fixture, "win.play-pause");
  rolls.statics = statics0 + 6;
  g_assert_true (fw_test_wait_until (rolled, &rolls));
  crossed = fw_session_get_period (shown) - period0;
  g_test_message ("%" G_GUINT64_FORMAT " static layers, %" G_GUINT64_FORMAT " rings, %u periods on",
                  fw_wheel_view_get_statics_painted (wheel) - statics0,
                  fw_wheel_view_get_rings_painted (wheel) - rings0, crossed);
  /* At most: the first roll off the period, then one at each period. */
  g_assert_cmpuint (fw_wheel_view_get_rings_painted (wheel) - rings0, <=, crossed + 1);
  g_assert_cmpuint (crossed + 1, <, 6);
  activate (fixture, "win.play-pause");
}

/* Played through the horizon, the labels keep the room of every period
 * played so far: the ring is painted again only when a count needs more
 * room than any before (the counts grow by a digit, say), not at every
 * period whose numbers read a little wider or narrower. */
static void
test_playback_ring_keeps_room (Fixture       *fixture,
                               gconstpointer  data)
{
  FwSession *shown = session (fixture);
  FwWheelView *wheel = FW_WHEEL_VIEW (fw_window_get_wheel (fixture->window));
  guint64 rings0;
  guint rings, periods;

  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (wheel), 0));
  fw_session_set_speed (shown, 4.0);
  rings0 = fw_wheel_view_get_rings_painted (wheel);
  activate (fixture, "win.play-pause");
  g_assert_true (fw_test_wait_until (stopped, shown));
  rings = fw_wheel_view_get_rings_painted (wheel) - rings0;
  periods = horizon (fixture);
  g_test_message ("%u rings painted over %u periods", rings, periods);
  g_assert_cmpuint (rings, >, 0);
  g_assert_cmpuint (rings, <=, periods / 4);
}

/* The wheel's snapshot, as GTK takes it for a frame. */
static GskRenderNode *
wheel_node (GtkWidget *wheel)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (wheel)->snapshot (wheel, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Playing, a roll of the counts leaves the ring's pixels alone: the
 * wheel's first node is the same one from roll to roll (GTK redraws
 * nothing of it), and each count is a node of its own in a small box.
 * A roll, five a second, then redraws a few small boxes, not the whole
 * wheel (which also stretched the frame's surface to the figures panel).
 * Paused, the static layer is the counts over the ring again, in one
 * node: the paused picture as it always was. */
static void
test_playback_counts_roll_apart (Fixture       *fixture,
                                 gconstpointer  data)
{
  FwSession *shown = session (fixture);
  GtkWidget *wheel = fw_window_get_wheel (fixture->window);
  FwWheelView *view = FW_WHEEL_VIEW (wheel);
  double area = gtk_widget_get_width (wheel) * (double) gtk_widget_get_height (wheel);
  guint stages = fw_session_get_scenario (shown)->stages->len;
  GskRenderNode *before, *after, *paused;
  guint64 statics;
  guint counts = 0, rolled = 0;
  double covered = 0.0;

  g_assert_true (fw_test_wait_frames_past (wheel, 0));
  fw_session_set_speed (shown, 1);
  fw_session_set_playing (shown, TRUE);
  /* At one period a second the numbers roll on every fifth of a period
   * (fw_session_get_roll()): a quarter of a period always rolls them. */
  statics = fw_wheel_view_get_statics_painted (view);
  g_assert_true (fw_session_play_on (shown, 0.25));
  before = wheel_node (wheel);
  g_assert_cmpuint (fw_wheel_view_get_statics_painted (view), ==, statics + 1);
  statics = fw_wheel_view_get_statics_painted (view);
  g_assert_true (fw_session_play_on (shown, 0.25));
  after = wheel_node (wheel);
  /* It rolled. */
  g_assert_cmpuint (fw_wheel_view_get_statics_painted (view), ==, statics + 1);

  g_assert_cmpint (gsk_render_node_get_node_type (after), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (after), ==, gsk_container_node_get_n_children (before));
  g_assert_true (gsk_container_node_get_child (after, 0) == gsk_container_node_get_child (before, 0));
  /* After the ring: the counts' nodes, in a container of their own
   * (GSK gives up on diffing more than 30 rectangles and takes the
   * bounds of the container it is in: the counts', not the wheel's
   * whole area), then the moving people's and the overlay's. */
  g_assert_cmpuint (gsk_container_node_get_n_children (after), ==, 4);
  g_assert_cmpint (gsk_render_node_get_node_type (gsk_container_node_get_child (after, 1)), ==,
                   GSK_CONTAINER_NODE);
  for (guint i = 0; i < gsk_container_node_get_n_children (gsk_container_node_get_child (after, 1)); i++)
    {
      GskRenderNode *count = gsk_container_node_get_child (gsk_container_node_get_child (after, 1), i);
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (count, &bounds);
      covered += bounds.size.width * bounds.size.height;
      counts++;
      rolled += count != gsk_container_node_get_child (gsk_container_node_get_child (before, 1), i);
    }
  g_test_message ("%u parts of the counts apart, %u painted again at the roll, covering %.0f of the "
                  "wheel's %.0f px", counts, rolled, covered, area);
  g_assert_cmpfloat (covered, <, area / 4.0);
  g_assert_cmpuint (counts, >=, stages);
  g_assert_cmpuint (counts, <=, stages + 2);
  g_assert_cmpuint (rolled, ==, counts);

  /* The hub's figure rolled too, in a node of its own in a small box
   * (the overlay's first part); the marks round the wheel (selection,
   * highlights: its second part, as large as the wheel) stayed, so GTK
   * did not redraw the whole wheel for the hub's new figure. */
  {
    guint last = gsk_container_node_get_n_children (after) - 1;
    GskRenderNode *overlay_before = gsk_container_node_get_child (before, last);
    GskRenderNode *overlay_after = gsk_container_node_get_child (after, last);
    GskRenderNode *hub;
    graphene_rect_t bounds;

    g_assert_cmpint (gsk_render_node_get_node_type (overlay_after), ==, GSK_CONTAINER_NODE);
    g_assert_cmpuint (gsk_container_node_get_n_children (overlay_after), ==, 2);
    g_assert_true (gsk_container_node_get_child (overlay_after, 1) ==
                   gsk_container_node_get_child (overlay_before, 1));
    hub = gsk_container_node_get_child (overlay_after, 0);
    g_assert_true (hub != gsk_container_node_get_child (overlay_before, 0));
    gsk_render_node_get_bounds (hub, &bounds);
    g_test_message ("the hub's figure in %.0f x %.0f px", bounds.size.width, bounds.size.height);
    g_assert_cmpfloat (bounds.size.width * bounds.size.height, <, area / 20.0);
  }

  fw_session_set_playing (shown, FALSE);
  paused = wheel_node (wheel);
  g_assert_cmpuint (gsk_container_node_get_n_children (paused), ==, 3);
  g_assert_true (gsk_container_node_get_child (paused, 0) != gsk_container_node_get_child (after, 0));

  gsk_render_node_unref (before);
  gsk_render_node_unref (after);
  gsk_render_node_unref (paused);
}

static gboolean
is_caption (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "fw-figure-caption") &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The figures panel's value captioned @caption, as on screen. */
static const char *
figure_text (Fixture    *fixture,
             const char *caption)
{
  GtkWidget *label = fw_test_find (GTK_WIDGET (fixture->window), is_caption, caption);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (label)));
}

/* Playing, the numbers written out roll on together: the wheel's counts
 * and the figures beside it in the same frames, and a frame that starts
 * a new period (new words, slider, readout) is one of them, so GTK
 * redraws and lays the window out once for all of them. At most
 * FW_SESSION_ROLLS_A_SECOND rolls a second of play, whatever the frame
 * rate: played here in frames of a sixtieth of a second, as fast as the
 * machine goes. */
static void
test_playback_numbers_roll_together (Fixture       *fixture,
                                     gconstpointer  data)
{
  FwSession *shown = session (fixture);
  GtkWidget *wheel = fw_window_get_wheel (fixture->window);
  FwWheelView *view = FW_WHEEL_VIEW (wheel);
  g_autofree char *figure = NULL;
  guint frames = 120, rolls = 0, figure_rolls = 0, periods = 0;
  double speed = 2.0;

  g_assert_true (fw_test_wait_frames_past (wheel, 0));
  fw_session_set_speed (shown, speed);
  fw_session_set_playing (shown, TRUE);
  gsk_render_node_unref (wheel_node (wheel));
  figure = g_strdup (figure_text (fixture, "Customers"));

  for (guint i = 0; i < frames; i++)
    {
      guint64 statics = fw_wheel_view_get_statics_painted (view);
      guint period = fw_session_get_period (shown);
      gboolean wheel_rolled, figures_rolled, new_period;

      g_assert_true (fw_session_play_on (shown, 1.0 / 60.0));
      gsk_render_node_unref (wheel_node (wheel));
      wheel_rolled = fw_wheel_view_get_statics_painted (view) != statics;
      figures_rolled = g_strcmp0 (figure, figure_text (fixture, "Customers")) != 0;
      new_period = fw_session_get_period (shown) != period;
      g_free (figure);
      figure = g_strdup (figure_text (fixture, "Customers"));

      /* The figures roll only with the wheel's counts; a new period
       * rolls them both. */
      if (figures_rolled || new_period)
        g_assert_true (wheel_rolled);
      rolls += wheel_rolled;
      figure_rolls += figures_rolled;
      periods += new_period;
    }
  fw_session_set_playing (shown, FALSE);

  g_test_message ("%u frames, %u rolls of the wheel's counts, %u of the customers figure, %u new periods",
                  frames, rolls, figure_rolls, periods);
  g_assert_cmpuint (periods, >=, 3);
  g_assert_cmpuint (figure_rolls, >, 0);
  g_assert_cmpuint (rolls, >=, periods);
  g_assert_cmpuint (rolls, <=, frames / 60.0 * FW_SESSION_ROLLS_A_SECOND + 1);
}

static void
count_tick (GdkFrameClock *clock,
            guint         *count)
{
  (*count)++;
}

static gboolean
keep_busy (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  FwSession *session;
  double     position;
} Held;

static gboolean
moved_past (gpointer data)
{
  const Held *held = data;

  return fw_session_get_position (held->session) > held->position;
}

/* On a machine too slow for every frame (here: a main loop kept busy
 * above idle priority, below the frame clock's), the position moves
 * only in a frame after the loop has been idle, as the turning wheel
 * draws (fw-idle-gate.h): the slider, the chart and the figures then
 * move in the frames the wheel draws, and idle work (the accessibility
 * bus's registration) is not starved. Once the loop is idle again,
 * playing goes on. */
static void
test_playback_yields_to_idle (Fixture       *fixture,
                              gconstpointer  data)
{
  FwSession *shown = session (fixture);
  FwPlayback *playback = fw_window_get_playback (fixture->window);
  Held held = { shown, 0.0 };
  GSource *busy;
  guint64 frames0;
  guint ticks = 0;

  fw_session_set_speed (shown, 0.5);
  activate (fixture, "win.play-pause");
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (fixture->window), 0));

  busy = g_idle_source_new ();
  g_source_set_priority (busy, G_PRIORITY_HIGH_IDLE + 50);
  g_source_set_callback (busy, keep_busy, NULL, NULL);
  g_source_attach (busy, NULL);
  frames0 = fw_playback_get_frames (playback);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "update",
                    G_CALLBACK (count_tick), &ticks);
  fw_test_spin (300);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)),
                                        count_tick, &ticks);
  g_test_message ("%u frames of the clock, %" G_GUINT64_FORMAT " moved the position",
                  ticks, fw_playback_get_frames (playback) - frames0);
  /* The frame clock went on; the position moved in one frame at most
   * (the one that found the gate open). */
  g_assert_cmpuint (ticks, >, 1);
  g_assert_cmpuint (fw_playback_get_frames (playback) - frames0, <=, 1);
  g_assert_true (fw_session_get_playing (shown));

  g_source_destroy (busy);
  g_source_unref (busy);
  held.position = fw_session_get_position (shown);
  g_assert_true (fw_test_wait_until (moved_past, &held));
  activate (fixture, "win.play-pause");
}

/* Enter in the horizon field, as the user presses it: its text's
 * "activate", which the spin button reads back itself too. */
static void
press_enter (GtkWidget *field)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (field)), "activate");
  fw_test_spin (20);
}

/* The horizon typed into the bar: an undoable edit of the project,
 * applied on Enter or on leaving the field; text out of MODEL.md's range
 * is refused in words, the document untouched. */
static void
test_playback_horizon (Fixture       *fixture,
                       gconstpointer  data)
{
  FwDocument *document = fw_window_get_document (fixture->window);
  GtkWidget *field = fw_playback_bar_get_horizon (bar (fixture));
  GtkRange *slider = fw_playback_bar_get_slider (bar (fixture));
  const char *refused[] = { "0", "100001", "2.5", "lots" };

  g_assert_cmpuint (horizon (fixture), ==, 24);
  gtk_widget_grab_focus (field);
  fw_test_spin (20);
  gtk_editable_set_text (GTK_EDITABLE (field), "36");
  press_enter (field);
  g_assert_cmpuint (horizon (fixture), ==, 36);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (slider)), ==, 36);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *tooltip = NULL;

      gtk_editable_set_text (GTK_EDITABLE (field), refused[i]);
      press_enter (field);
      g_assert_cmpuint (horizon (fixture), ==, 36);
      g_assert_true (gtk_widget_has_css_class (field, "error"));
      tooltip = fw_test_tooltip_text (field);
      g_assert_nonnull (tooltip);
      g_assert_nonnull (strstr (tooltip, "Horizon"));
    }
  /* Leaving the field applies it too. */
  gtk_editable_set_text (GTK_EDITABLE (field), "12");
  gtk_widget_grab_focus (fw_window_get_wheel (fixture->window));
  fw_test_spin (20);
  g_assert_cmpuint (horizon (fixture), ==, 12);
  g_assert_false (gtk_widget_has_css_class (field, "error"));

  /* A shorter horizon takes the period shown with it. */
  activate (fixture, "win.go-to-end");
  g_assert_cmpuint (fw_session_get_period (session (fixture)), ==, 12);

  /* Undone, one step at a time: 36, then 24. */
  fw_document_seal (document);
  g_assert_true (fw_document_undo (document));
  g_assert_cmpuint (horizon (fixture), ==, 36);
  g_assert_true (fw_document_undo (document));
  g_assert_cmpuint (horizon (fixture), ==, 24);
  fw_test_spin (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "24");
}

/* Typing "36" at the last month of 24 went through a horizon of 3 on
 * the way ("Month 3 of 3", computed with its band), and landed on
 * "Month 3 of 36" (user review, R5-24): the field applies on Enter, and
 * the month shown stays while it is within the new horizon. */
static void
test_playback_horizon_typed_whole (Fixture       *fixture,
                                   gconstpointer  data)
{
  FwDocument *document = fw_window_get_document (fixture->window);
  GtkWidget *field = fw_playback_bar_get_horizon (bar (fixture));
  FwSession *shown = session (fixture);

  activate (fixture, "win.go-to-end");
  g_assert_cmpuint (fw_session_get_period (shown), ==, 24);
  gtk_widget_grab_focus (field);
  fw_test_spin (20);

  gtk_editable_set_text (GTK_EDITABLE (field), "3");
  fw_test_spin (20);
  g_assert_cmpuint (horizon (fixture), ==, 24);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 24);
  gtk_editable_set_text (GTK_EDITABLE (field), "36");
  fw_test_spin (20);
  g_assert_cmpuint (horizon (fixture), ==, 24);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "36");
  press_enter (field);
  g_assert_cmpuint (horizon (fixture), ==, 36);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 24);

  /* Shorter than the month shown: clamped; undone, the month stays. */
  gtk_editable_set_text (GTK_EDITABLE (field), "10");
  press_enter (field);
  g_assert_cmpuint (horizon (fixture), ==, 10);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 10);
  gtk_widget_grab_focus (fw_window_get_wheel (fixture->window));
  fw_test_spin (20);
  g_assert_true (fw_document_undo (document));
  g_assert_cmpuint (horizon (fixture), ==, 36);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 10);
  g_assert_true (fw_document_undo (document));
  g_assert_cmpuint (horizon (fixture), ==, 24);
  g_assert_cmpuint (fw_session_get_period (shown), ==, 10);
}

/* Where the table's row of a period is: its period cell reads the
 * period; the row widget holds it (GtkColumnView: row > cell > label). */
typedef struct
{
  GtkWidget *table;
  const char *period;
} TableRow;

static gboolean
is_period_cell (GtkWidget     *widget,
                gconstpointer  data)
{
  GtkWidget *cell = gtk_widget_get_parent (widget);

  /* The first cell of its row, so not a count that reads the same. */
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0 &&
         cell != NULL && gtk_widget_get_parent (cell) != NULL &&
         gtk_widget_get_first_child (gtk_widget_get_parent (cell)) == cell;
}

/* Whether the row of the period is selected and wholly inside the
 * table's visible area. */
static gboolean
period_row_selected_in_view (gpointer data)
{
  TableRow *find = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (fw_test_find_type (find->table, GTK_TYPE_COLUMN_VIEW),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *label = fw_test_find (find->table, is_period_cell, find->period);
  GtkWidget *row;
  graphene_rect_t bounds;

  if (label == NULL || !gtk_widget_get_mapped (label))
    return FALSE;
  row = gtk_widget_get_parent (gtk_widget_get_parent (label));
  if (!gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0 &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* The table (the chart's accessible equivalent) opens on the period
 * shown, its row selected and in view, and follows the period while it
 * is open, through an edit too (R5-14): at month 36 of 36 a 1280x720 window's table showed
 * months 0 to 5. */
/* A drop-down row's check mark: the image after the row's words (the
 * menu's hidden search entry has an image of its own). */
static gboolean
is_check_mark (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && GTK_IS_LABEL (gtk_widget_get_prev_sibling (widget));
}

static GtkWidget *
check_mark (GtkWidget *popover)
{
  return fw_test_find_shown (popover, is_check_mark, NULL);
}

/* The speed menu's rows laid out: the first row's check mark placed. */
static gboolean
check_mark_placed (gpointer data)
{
  GtkWidget *check = check_mark (data);

  return check != NULL && gtk_widget_get_width (check) > 0;
}

/* The speed menu: a space between each speed and the check mark GTK 4.8
 * puts straight after the picked one's words (verify9b V9B-09: "1 month
 * a second✓"). */
static void
test_playback_speed_menu_spaced (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *dropdown = fw_test_find_type (GTK_WIDGET (bar (fixture)), GTK_TYPE_DROP_DOWN);
  GtkWidget *popover;
  GtkWidget *check;
  graphene_rect_t words, mark;

  g_assert_nonnull (dropdown);
  popover = fw_test_find_type (dropdown, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  fw_test_load_app_style ();
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (fw_test_wait_until (check_mark_placed, popover));
  check = check_mark (popover);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_prev_sibling (check)));
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_prev_sibling (check), popover, &words));
  g_assert_true (gtk_widget_compute_bounds (check, popover, &mark));
  g_test_message ("the words end at x %.0f, the check mark starts at %.0f",
                  words.origin.x + words.size.width, mark.origin.x);
  g_assert_cmpfloat (mark.origin.x - (words.origin.x + words.size.width), >=, 6.0);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_playback_table_follows (void)
{
  FwWindow *window = fw_test_window_new_sized (1280, 720);
  FwSession *shown = fw_window_get_session (window);
  FwChartView *view = FW_CHART_VIEW (fw_test_find_type (GTK_WIDGET (window), FW_TYPE_CHART_VIEW));
  TableRow find = { fw_chart_view_get_table (view), "36" };
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_document_set_horizon (fw_window_get_document (window), 36, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-end", NULL));
  g_assert_cmpuint (fw_session_get_period (shown), ==, 36);
  fw_chart_view_set_page (view, "table");
  g_assert_true (fw_test_wait_until (period_row_selected_in_view, &find));

  /* Stepping back and to the start: the row shown follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step-back", NULL));
  find.period = "35";
  g_assert_true (fw_test_wait_until (period_row_selected_in_view, &find));
  /* An edit gives new rows: the period shown stays selected. */
  g_assert_true (fw_document_set_inflow (fw_window_get_document (window), 0, 900, &error));
  g_assert_no_error (error);
  g_assert_true (fw_test_wait_until (period_row_selected_in_view, &find));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-to-start", NULL));
  find.period = "0";
  g_assert_true (fw_test_wait_until (period_row_selected_in_view, &find));
  fw_test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/window/playback/" name, Fixture, NULL, fw_test_window_set_up, func, fw_test_window_tear_down)
  ADD ("steps", test_playback_steps);
  g_test_add_func ("/window/playback/table-follows", test_playback_table_follows);
  ADD ("step-icons", test_playback_step_icons);
  ADD ("plays-and-stops", test_playback_plays_and_stops);
  ADD ("slider-shows-the-period", test_playback_slider_shows_the_period);
  ADD ("slider-moves-by-periods", test_playback_slider_moves_by_periods);
  ADD ("hidden", test_playback_hidden);
  ADD ("counts-roll", test_playback_counts_roll);
  ADD ("yields-to-idle", test_playback_yields_to_idle);
  ADD ("ring-keeps-room", test_playback_ring_keeps_room);
  ADD ("counts-roll-apart", test_playback_counts_roll_apart);
  ADD ("numbers-roll-together", test_playback_numbers_roll_together);
  ADD ("horizon", test_playback_horizon);
  ADD ("horizon-typed-whole", test_playback_horizon_typed_whole);
  /* Last: it loads the window's style sheet for the rest of the run. */
  ADD ("speed-menu-spaced", test_playback_speed_menu_spaced);
#undef ADD

  return g_test_run ();
}
