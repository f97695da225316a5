/* fw-present-view.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-present-view"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-display-number.h"
#include "fw-figures-card.h"
#include "fw-period-blend.h"
#include "fw-period-words.h"
#include "fw-playback-bar.h"
#include "fw-point-text.h"
#include "fw-present-view.h"
#include "fw-wheel-key.h"
#include "fw-wheel-view.h"
#include "fw-widget-util.h"

/* The figures' captions at this share of the height when there is room
 * (values are 2.2 times as large), never below the floor; the height of
 * a 16:9 screen as wide, where the screen is higher than that: on a 4:3
 * projector (1024x768) the figures at the height's share took two
 * fifths of the width, and the wheel, left a column narrower than high,
 * had no room beside its ring for the points' and stages' names. */
#define FIGURES_TEXT_SHARE 0.034
#define WIDE_SCREEN_HEIGHT (9.0 / 16.0)
/* The figures take at most this share of the width; the wheel the rest;
 * up to the larger share when even their floor needs it. */
#define FIGURES_MAX_SHARE  0.45
#define FIGURES_MOST_SHARE 0.55
/* ...and this share of the height. */
#define FIGURES_HEIGHT_SHARE 0.94
/* Without the figures, the scenario's name and the period shown still
 * take a narrow column at the top right, at the smallest text (the
 * floor): the wheel, as high as the screen, keeps the rest. */
#define CAPTION_SHARE 0.22
/* The wheel keeps this share of the height clear of the screen's left,
 * top and bottom edges (the figures' column keeps its own pad): a
 * projector that crops the picture's edges (overscan) or a screen with
 * rounded corners cut a stage's name drawn 5-7 px from the edge
 * (verifier V10-05). */
#define WHEEL_MARGIN_SHARE 0.026
/* The key goes under the wheel only where the wheel's ring keeps at
 * least this share of its radius there (key_under_wheel()). */
#define KEY_UNDER_RING_KEPT 0.9
/* The card's figures (see build_card). */
#define N_CARD_ITEMS 6

struct _FwPresentView
{
  GtkWidget      parent_instance;

  FwSession     *session;
  GtkWidget     *wheel;           /* FwWheelView, presenting */

  gboolean       show_figures;
  gboolean       point_names;
  int            reveal_step;     /* -1: everything shown */
  double         text_scale;

  /* The figures as laid out at the last allocation. */
  double         min_text;
  double         card_text;       /* 0: not shown */
  guint          card_columns;    /* 1, or 2 when zoomed in on a low screen */
  double         card_x;
  double         card_column_width;
  double         card_title_width;
  guint          card_title_lines; /* the most lines any scenario's name takes */
  double         card_height;     /* the card's, or the caption's, height */
  double         card_width;      /* the column's width, the key's too */
  double         key_text;        /* the key's text size; 0: no key */
  double         key_height;      /* the room under the figures for it */
  gboolean       key_under;       /* the key under the wheel, across its column */
  double         key_width;       /* the key's width under the wheel */
  int            key_room;        /* the height it takes from the wheel's area, with the gap */
  guint64        key_rings;       /* the wheel's ring painting the card's key is of */
  /* The highest key at the floor since presenting started at this size
   * and zoom: S back from a scenario with a longer key keeps its room. */
  double         key_seen;
  double         key_seen_under;  /* ...and under the wheel */
  int            key_seen_width, key_seen_height;
  double         key_seen_scale;
  GskRenderNode *card_node;       /* kept until the figures, size or style change */
  double         rolled_position; /* playing: the position the numbers last rolled on at */
  char          *described;       /* the card's words a screen reader was last given */
  int            wheel_margin;    /* the wheel's area inset by it, left, top, bottom */
};

G_DEFINE_FINAL_TYPE (FwPresentView, fw_present_view, GTK_TYPE_WIDGET)

/* The key figures ------------------------------------------------------- */

static const char *
keep (GPtrArray *strings,
      char      *text)
{
  g_ptr_array_add (strings, text);
  return text;
}

/* During a guided reveal the figures come with the parts of the wheel
 * they speak of, never before the wheel shows anything: none while the
 * stages are still appearing; with the last stage, what the stages hold
 * and gain and lose (customers, new customers, churn); with the referral
 * loop, its inflow and the loop gain; with the points, the last step,
 * where the customers end up at the horizon. The card lists them in that
 * order, so the ones still to come are always at its foot: their room is
 * kept (nothing moves when they come) and never a gap between two shown
 * (docs/architecture.md, "Presenting"). */
static void
hide_unrevealed (FwPresentView     *self,
                 FwFiguresCardItem  items[N_CARD_ITEMS])
{
  int last = (int) fw_wheel_reveal_last_step (fw_session_get_scenario (self->session));
  int stages = last - 2;  /* the step that shows the last stage */
  int step = self->reveal_step;

  if (step < 0)
    return;
  items[0].hidden = items[1].hidden = items[2].hidden = step < stages;
  items[3].hidden = items[4].hidden = step < stages + 1;
  items[5].hidden = step < last;
}

/* The card's words and numbers, owned by @strings, for the session's
 * current scenario at its period, as far as a guided reveal has come. */
static void
build_card_of (FwPresentView     *self,
               FwFiguresCard     *card,
               FwFiguresCardItem  items[N_CARD_ITEMS],
               GPtrArray         *strings,
               gboolean           rolled_on)
{
  const FwProject *project = fw_document_get_project (fw_session_get_document (self->session));
  const FwScenario *scenario = fw_session_get_scenario (self->session);
  const FwProjection *projection = fw_session_get_projection (self->session);
  guint period = fw_session_get_period (self->session);
  const FwFigures *figures = fw_projection_get_figures (projection, period);
  const FwSummary *summary = fw_projection_get_summary (projection);
  FwFigures rolled;

  /* Playing, the figures roll on between two periods with the wheel's
   * counts, at the session's rolls (verify9b V9B-02: the card stayed on
   * the period while the wheel beside it counted on, 1824 customers
   * beside a Delight of 1960); the caption names the period, as the
   * editor's period words do. */
  if (rolled_on && fw_session_get_playing (self->session))
    {
      fw_period_blend_figures (projection, self->rolled_position, &rolled);
      figures = &rolled;
    }

  card->title = scenario->name;
  card->subtitle = keep (strings, fw_playback_bar_period_text (project->period, period, project->horizon));
  items[0].caption = _("Customers");
  items[0].value = keep (strings, fw_display_count (figures->customers));
  items[1].caption = keep (strings, fw_point_text_per_period (project->period, _("New customers")));
  items[1].value = keep (strings, fw_display_count (figures->new_customers));
  items[2].caption = keep (strings, fw_point_text_per_period (project->period, _("Churn")));
  items[2].value = keep (strings, fw_display_count (figures->churn));
  items[3].caption = keep (strings, fw_point_text_per_period (project->period, _("Referral inflow")));
  items[3].value = keep (strings, fw_display_count (figures->referrals));
  items[4].caption = _("Loop gain");
  items[4].value = keep (strings, fw_display_gain (summary->loop_gain));
  items[5].caption = keep (strings, fw_period_words_customers_after (project->period, project->horizon));
  items[5].value = keep (strings, fw_display_count (summary->customers_end));
  for (guint i = 0; i < N_CARD_ITEMS; i++)
    {
      items[i].note = NULL;
      items[i].hidden = FALSE;
    }
  items[4].note = fw_display_gain_verdict (summary->self_sustaining);
  hide_unrevealed (self, items);
  card->items = items;
  /* "Show the Figures" off: only the caption, what scenario and period
   * the room sees, which an instructor giving the wheel the stage still
   * needs (R5-25). */
  card->n_items = self->show_figures ? N_CARD_ITEMS : 0;
  card->columns = self->card_columns;
  card->column_width = self->card_column_width;
  card->title_width = self->card_title_width;
  card->title_lines = self->card_title_lines;
}

/* The card as drawn: playing, its figures rolled on with the wheel's. */
static void
build_card (FwPresentView     *self,
            FwFiguresCard     *card,
            FwFiguresCardItem  items[N_CARD_ITEMS],
            GPtrArray         *strings)
{
  build_card_of (self, card, items, strings, TRUE);
}

static const FwWheelStyle *
style_of (FwPresentView *self)
{
  return fw_wheel_view_get_style (FW_WHEEL_VIEW (self->wheel));
}

/* The figures as the room reads them, in words: what screen readers hear. */
static char *
card_words (const FwFiguresCard *card)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s, %s.", card->title, card->subtitle);
  for (guint i = 0; i < card->n_items; i++)
    {
      if (card->items[i].hidden)
        continue;
      g_string_append_printf (text, " %s: %s", card->items[i].caption, card->items[i].value);
      if (card->items[i].note != NULL)
        g_string_append_printf (text, ", %s", card->items[i].note);
      g_string_append_c (text, '.');
    }
  return g_string_free (text, FALSE);
}

/* What a screen reader hears: the period's own figures, as the
 * wheel's and the figures panel's descriptions stay the whole period's
 * while the numbers drawn roll on; said again only when they change,
 * not at every roll. */
static void
describe_card (FwPresentView *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;
  g_autofree char *text = NULL;

  build_card_of (self, &card, items, strings, FALSE);
  text = card_words (&card);
  if (g_strcmp0 (text, self->described) == 0)
    return;
  g_free (self->described);
  self->described = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->described,
                                  -1);
}

static void
invalidate_card (FwPresentView *self)
{
  g_clear_pointer (&self->card_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The numbers roll on (fw_session_get_roll()): in the same frame as the
 * wheel's counts, and at the position they rolled on at, whenever the
 * card is painted again before the next roll. */
static void
on_roll (FwPresentView *self)
{
  self->rolled_position = fw_session_get_position (self->session);
  if (fw_session_get_playing (self->session))
    invalidate_card (self);
}

/* Sizes ------------------------------------------------------------------- */

/* Presenting, S switches the scenario: were the figures' column as wide
 * as the name shown, the wheel beside it would grow, shrink and move
 * sideways with every press, a different picture each time rather than
 * the same wheel with other numbers. So the figures are fitted with
 * every scenario's name in turn, at the size the longest allows, each
 * name wrapping in the column, and the column is as wide as the widest
 * of them needs: the layout holds for the whole session and only the
 * words and numbers change. @card's own title is the one drawn; its
 * columns, widths and the size are set here; the room the widest and
 * highest take in @card_w and @card_h. */
static double
fit_every_name (FwPresentView *self,
                FwFiguresCard *card,
                double         width,
                double         height,
                double         preferred,
                guint          most_columns,
                double        *card_w,
                double        *card_h)
{
  FwDocument *document = fw_session_get_document (self->session);
  guint n = fw_document_get_n_scenarios (document);
  double size = G_MAXDOUBLE;

  card->title_lines = 0;
  for (guint s = 0; s < n; s++)
    {
      FwFiguresCard named = *card;
      double fitted;

      named.title = fw_document_get_scenario (document, s)->name;
      fitted = fw_figures_card_fit (&named, style_of (self), preferred, self->min_text,
                                    width, height, most_columns);
      if (fitted < size)
        {
          size = fitted;
          card->columns = named.columns;
          card->column_width = named.column_width;
          card->title_width = named.title_width;
        }
    }
  if (n == 0)
    size = fw_figures_card_fit (card, style_of (self), preferred, self->min_text,
                                width, height, most_columns);

  /* ...and the title keeps the room of the name on the most lines. */
  for (guint s = 0; s < n; s++)
    {
      FwFiguresCard named = *card;

      named.title = fw_document_get_scenario (document, s)->name;
      card->title_lines = MAX (card->title_lines, fw_figures_card_title_lines (&named, style_of (self), size));
    }
  *card_w = *card_h = 0.0;
  for (guint s = 0; s <= n; s++)
    {
      FwFiguresCard named = *card;
      double w, h;

      if (s < n)
        named.title = fw_document_get_scenario (document, s)->name;
      fw_figures_card_measure (&named, style_of (self), size, &w, &h);
      *card_w = MAX (*card_w, w);
      *card_h = MAX (*card_h, h);
    }
  return size;
}

/* How wide the figures are at the text size @figures_height allows (of
 * the view's @height), times @figures_scale (the zoom, or 1): the wheel
 * gets the rest. */
static void
lay_out_figures (FwPresentView *self,
                 FwFiguresCard *card,
                 int            width,
                 int            height,
                 double         figures_height,
                 double         figures_scale,
                 gboolean       keyed,
                 int           *wheel_width)
{
  double card_w, pad, room = 0.0;

  if (!self->show_figures)
    {
      room = width * CAPTION_SHARE;
      self->card_text = fit_every_name (self, card, room, height, self->min_text, 1, &card_w,
                                        &self->card_height);
      self->card_columns = 1;
      self->card_title_width = card->title_width;
      self->card_title_lines = card->title_lines;
      pad = self->card_text;
      *wheel_width = MAX (1, (int) floor (width - MIN (card_w, room) - 2.0 * pad));
      self->card_x = *wheel_width + pad;
      self->card_width = width - self->card_x - pad;
      return;
    }
  /* Zoomed in, the figures grow: where one column would stop them
   * growing (a low screen: 1280x720), they go in pairs, two columns.
   * Where even the floor does not fit their share of the width (a long
   * scenario name, large numbers), they go in pairs at any size, then
   * take a larger share from the wheel, which fits its words in what is
   * left (fw_wheel_fit_text): a figure is never cut off at the edge.
   * Every scenario's name is fitted, not only the one shown
   * (fit_every_name()). A key under them (lay_out()) leaves them less
   * height: they go in pairs sooner. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      double share = attempt < 2 ? FIGURES_MAX_SHARE : FIGURES_MOST_SHARE;
      double card_h;

      room = width * share - 3.0 * self->min_text;
      self->card_text = fit_every_name (self, card, room, figures_height,
                                        MAX (self->min_text, MIN (height, width * WIDE_SCREEN_HEIGHT)
                                                             * FIGURES_TEXT_SHARE) * figures_scale,
                                        figures_scale > 1.0 || attempt > 0
                                        || figures_height < height * FIGURES_HEIGHT_SHARE ? 2 : 1,
                                        &card_w, &card_h);
      self->card_height = card_h;
      if (card_w <= room + 0.5 && card_h <= figures_height + 0.5)
        break;
    }
  self->card_columns = card->columns;
  self->card_column_width = card->column_width;
  self->card_title_width = card->title_width;
  self->card_title_lines = card->title_lines;
  /* A key under the figures keeps a column of at least 16 text sizes
   * of its own: smaller figures in one narrow column (zoomed in) left it
   * 290 px at 1280x720, each name on three lines. */
  if (keyed)
    card_w = MAX (card_w, MIN (room, self->min_text * 16.0));
  pad = self->card_text * 1.5;
  card_w = MIN (card_w + 2.0 * pad, room + 3.0 * self->min_text);
  *wheel_width = MAX (1, (int) floor (width - card_w));
  self->card_x = *wheel_width + pad * 0.5;
  self->card_width = width - self->card_x - pad * 0.5;
}

/* The key's width: the figures' column's, or under the wheel its own. */
static double
key_column_width (FwPresentView *self)
{
  return self->key_under ? self->key_width : self->card_width;
}

/* The key's height at @size in its column, for @numbered, the
 * points of @scenario numbered. */
static double
measure_key (FwPresentView    *self,
             const FwScenario *scenario,
             GArray           *numbered,
             double            size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  FwWheelKey key;
  double h;

  key.scenario = scenario;
  key.points = (const guint *) numbered->data;
  key.n = numbered->len;
  h = self->key_under ? fw_wheel_key_measure_lowest (cr, &key, style_of (self), size, self->key_width)
                      : fw_wheel_key_measure (cr, &key, style_of (self), size, self->card_width, G_MAXDOUBLE, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return h;
}

/* The wheel's own area in the @wheel_width x @height the layout gives
 * it: inset by the margin at the screen's left, top and bottom, and
 * above the key where that goes under the wheel. */
static int
wheel_area_width (FwPresentView *self,
                  int            wheel_width)
{
  return MAX (wheel_width - self->wheel_margin, 1);
}

static int
wheel_area_height (FwPresentView *self,
                   int            height)
{
  return MAX (height - 2 * self->wheel_margin - self->key_room, 1);
}

/* The points each scenario's wheel at @wheel_width numbers, into
 * @numbered (a GArray of guint per scenario); how many at most. S
 * switches the scenario: the key's room is the largest any needs, so
 * the wheel and the figures stay put and only the key's lines change
 * (review R5-16). */
static guint
numbered_at (FwPresentView *self,
             int            wheel_width,
             int            height,
             GPtrArray     *numbered)
{
  FwDocument *document = fw_session_get_document (self->session);
  guint most = 0;

  g_ptr_array_set_size (numbered, 0);
  for (guint s = 0; s < fw_document_get_n_scenarios (document); s++)
    {
      GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

      fw_wheel_view_point_key (FW_WHEEL_VIEW (self->wheel), wheel_area_width (self, wheel_width),
                               wheel_area_height (self, height),
                               fw_document_get_scenario (document, s), points);
      most = MAX (most, points->len);
      g_ptr_array_add (numbered, points);
    }
  /* ...and the one shown as it is numbered (by impact): where it needs
   * more than every estimate, the key's room holds it all the same. */
  {
    GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

    fw_wheel_view_point_key (FW_WHEEL_VIEW (self->wheel), wheel_area_width (self, wheel_width),
                             wheel_area_height (self, height), NULL, points);
    most = MAX (most, points->len);
    g_ptr_array_add (numbered, points);
  }
  return most;
}

/* The highest of the scenarios' keys at @size. */
static double
highest_key (FwPresentView *self,
             GPtrArray     *numbered,
             double         size)
{
  FwDocument *document = fw_session_get_document (self->session);
  double most = 0.0;

  /* The document's scenarios, then the one shown (numbered_at()). */
  for (guint s = 0; s < numbered->len; s++)
    most = MAX (most, measure_key (self, s + 1 < numbered->len ? fw_document_get_scenario (document, s)
                                                               : fw_session_get_scenario (self->session),
                                   g_ptr_array_index (numbered, s), size));
  return most;
}

/* Whether every scenario's key shows every entry in the room laid out
 * for it. */
static gboolean
keys_whole (FwPresentView *self,
            GPtrArray     *numbered)
{
  FwDocument *document = fw_session_get_document (self->session);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  gboolean whole = TRUE;

  for (guint s = 0; whole && s < numbered->len; s++)
    {
      GArray *points = g_ptr_array_index (numbered, s);
      FwWheelKey key;
      guint shown;

      key.scenario = s + 1 < numbered->len ? fw_document_get_scenario (document, s)
                                           : fw_session_get_scenario (self->session);
      key.points = (const guint *) points->data;
      key.n = points->len;
      fw_wheel_key_measure (cr, &key, style_of (self), self->key_text, key_column_width (self),
                            self->key_height, &shown);
      whole = shown == key.n;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return whole;
}

/* The figures' and the key's layout, kept while another is tried. */
typedef struct
{
  double card_text, card_x, card_column_width, card_title_width, card_height, card_width;
  double key_text, key_height;
  guint  card_columns, card_title_lines;
  int    wheel_width;
} FiguresPlace;

static void
save_place (FwPresentView *self,
            int            wheel_width,
            FiguresPlace  *place)
{
  *place = (FiguresPlace) { self->card_text, self->card_x, self->card_column_width, self->card_title_width,
                            self->card_height, self->card_width, self->key_text, self->key_height,
                            self->card_columns, self->card_title_lines, wheel_width };
}

static int
restore_place (FwPresentView      *self,
               const FiguresPlace *place)
{
  self->card_text = place->card_text;
  self->card_x = place->card_x;
  self->card_column_width = place->card_column_width;
  self->card_title_width = place->card_title_width;
  self->card_height = place->card_height;
  self->card_width = place->card_width;
  self->key_text = place->key_text;
  self->key_height = place->key_height;
  self->card_columns = place->card_columns;
  self->card_title_lines = place->card_title_lines;
  return place->wheel_width;
}

/* On a screen higher than the wheel beside the figures needs (a 4:3
 * projector's 1024x768: the wheel's column is narrower than high, the
 * height under its ring blank), the key goes under the wheel, across
 * its column (in two columns where one is too high): there every entry
 * fits at the floor or larger, where under the figures at 1024x768 a
 * client wheel's key listed one of its twelve numbers and summed up the
 * others ("and 11 more points", verifier V10B-07), and the figures keep
 * their size. Only where the ring keeps its size (KEY_UNDER_RING_KEPT):
 * on a wide screen (1280x720, 1920x1080) the wheel is as high as its
 * column and the key stays under the figures. The key's room is the
 * highest any scenario needs (numbered_at()), so S moves nothing.
 * Returns whether the key went there; else leaves the layout as it was. */
static gboolean
key_under_wheel (FwPresentView *self,
                 int            wheel_width,
                 int            height,
                 GPtrArray     *numbered)
{
  FwWheelView *wheel = FW_WHEEL_VIEW (self->wheel);
  int area_w = wheel_area_width (self, wheel_width);
  double ring = fw_wheel_view_ring_at (wheel, area_w, wheel_area_height (self, height));
  double gap = self->min_text;

  self->key_under = TRUE;
  /* Air between the key and the figures' column beside it. */
  self->key_width = MAX (area_w - gap, 1.0);
  for (double size = self->key_text;; size = MAX (self->min_text, floor (size * 0.9)))
    {
      double key_h = 0.0;

      self->key_room = 0;
      numbered_at (self, wheel_width, height, numbered);
      /* Less height for the wheel may number more points: the key's
       * room grows until it holds what the wheel above it numbers. */
      for (guint attempt = 0; attempt < 4; attempt++)
        {
          double needed = MAX (highest_key (self, numbered, size), self->key_seen_under);

          if (attempt > 0 && needed <= key_h + 0.5)
            break;
          key_h = MAX (key_h, needed);
          self->key_room = (int) ceil (key_h + gap);
          numbered_at (self, wheel_width, height, numbered);
        }
      if (highest_key (self, numbered, size) <= key_h + 0.5
          && fw_wheel_view_ring_at (wheel, area_w, wheel_area_height (self, height)) >= ring * KEY_UNDER_RING_KEPT)
        {
          self->key_text = size;
          self->key_height = key_h;
          self->key_seen_under = key_h;
          return TRUE;
        }
      if (size <= self->min_text)
        break;
    }
  self->key_under = FALSE;
  self->key_room = 0;
  numbered_at (self, wheel_width, height, numbered);
  return FALSE;
}

/* The figures, and under them the key to the points the wheel numbers
 * (no room for their names beside the markers: fw-wheel-key.h); the
 * wheel gets the rest of the width. The key's text is the floor times
 * the zoom, or smaller down to the floor where it has no room; the
 * figures give it height first (smaller, in pairs), since a point the
 * room cannot identify is worse than a figure a size smaller. Which
 * points are numbered depends on the wheel's width, which depends on
 * the figures': laid out twice at most, the key then taking the room
 * left (and, where even that is short, summing up its last entries:
 * only a crowded wheel of a hundred points). */
static void
lay_out (FwPresentView *self,
         int            width,
         int            height,
         double         figures_scale,
         int           *wheel_width)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;
  double top = self->show_figures ? height * FIGURES_HEIGHT_SHARE : height;
  g_autoptr(GPtrArray) numbered = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double gap, key_h;

  self->min_text = ceil (height * FW_PRESENT_MIN_TEXT_SHARE);
  fw_wheel_view_set_text (FW_WHEEL_VIEW (self->wheel), self->text_scale, self->min_text);

  *wheel_width = width;
  self->card_text = 0.0;
  self->key_text = 0.0;
  self->key_height = 0.0;
  self->key_under = FALSE;
  self->key_room = 0;
  if (self->session == NULL)
    return;

  build_card (self, &card, items, strings);
  lay_out_figures (self, &card, width, height, top, figures_scale, FALSE, wheel_width);
  if (!self->point_names)
    return;
  self->key_text = self->min_text * MAX (self->text_scale, 1.0);
  gap = self->min_text;
  if (numbered_at (self, *wheel_width, height, numbered) == 0)
    {
      self->key_text = 0.0;
      return;
    }
  if (width != self->key_seen_width || height != self->key_seen_height || self->text_scale != self->key_seen_scale)
    self->key_seen = self->key_seen_under = 0.0;
  self->key_seen_width = width;
  self->key_seen_height = height;
  self->key_seen_scale = self->text_scale;
  /* Under the wheel since presenting started at this size: there
   * still, whatever scenario S shows. */
  if (self->key_seen_under > 0.0 && key_under_wheel (self, *wheel_width, height, numbered))
    return;
  key_h = MAX (highest_key (self, numbered, self->key_text), self->key_seen);
  if (self->card_height + gap + key_h > top + 0.5)
    {
      /* The floor's key first: the figures keep what it leaves. The
       * wheel then has another width, and may number more points: once
       * or twice more. */
      key_h = MAX (highest_key (self, numbered, self->min_text), self->key_seen);
      for (guint attempt = 0; self->show_figures && attempt < 3
                              && self->card_height + gap + key_h > top + 0.5; attempt++)
        {
          /* The height the figures are laid out to leave: kept, so that
           * S to a scenario with a shorter key lays them out alike. */
          self->key_seen = key_h;
          lay_out_figures (self, &card, width, height, MAX (top - gap - key_h, top * 0.3),
                           figures_scale, TRUE, wheel_width);
          numbered_at (self, *wheel_width, height, numbered);
          key_h = MAX (highest_key (self, numbered, self->min_text), self->key_seen);
        }
      /* The largest size from the zoomed one down that fits what is left. */
      for (; self->key_text > self->min_text; self->key_text = MAX (self->min_text, floor (self->key_text * 0.9)))
        if (self->card_height + gap + highest_key (self, numbered, self->key_text) <= top + 0.5)
          break;
    }
  self->key_height = MAX (0.0, (self->show_figures ? top : height - self->card_text)
                               - self->card_height - gap);
  /* Where the key under the figures still sums some entries up, it
   * goes under the wheel if it can, the figures laid out again in the
   * whole height; else it stays as laid out here. */
  if (self->show_figures && !keys_whole (self, numbered))
    {
      FiguresPlace beside;

      save_place (self, *wheel_width, &beside);
      lay_out_figures (self, &card, width, height, top, figures_scale, FALSE, wheel_width);
      self->key_text = self->min_text * MAX (self->text_scale, 1.0);
      if (!key_under_wheel (self, *wheel_width, height, numbered))
        *wheel_width = restore_place (self, &beside);
    }
}

static void
fw_present_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  gtk_widget_measure (self->wheel, orientation, -1, minimum, natural, NULL, NULL);
}

static void
fw_present_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);
  int wheel_width;

  /* The margin where every stage's name stays whole with it; at
   * 1024x768 a name of 44 characters beside the referral label needs
   * the screen's whole width, and a word cut short reads as nothing. */
  self->wheel_margin = (int) ceil (height * WHEEL_MARGIN_SHARE);
  lay_out (self, width, height, self->text_scale, &wheel_width);
  if (!fw_wheel_view_names_whole_at (FW_WHEEL_VIEW (self->wheel), wheel_area_width (self, wheel_width),
                                     wheel_area_height (self, height)))
    {
      self->wheel_margin = 0;
      lay_out (self, width, height, self->text_scale, &wheel_width);
      /* Zoomed in, the figures grow only where the wheel beside them
       * still shows every stage's name whole; else they keep their
       * normal size (the wheel's text still grows as far as it fits).
       * On a 4:3 projector (1024x768) the zoomed figures took back the
       * width a stage named in 44 characters needs beside the referral
       * label: a name cut short on the wheel reads as nothing, a figure
       * at its normal size reads as well. (Names whole with the margin
       * are whole here too: nothing more to try.) */
      if (self->show_figures && self->text_scale > 1.0
          && !fw_wheel_view_names_whole_at (FW_WHEEL_VIEW (self->wheel), wheel_area_width (self, wheel_width),
                                            wheel_area_height (self, height)))
        lay_out (self, width, height, 1.0, &wheel_width);
    }
  gtk_widget_allocate (self->wheel, wheel_area_width (self, wheel_width), wheel_area_height (self, height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (self->wheel_margin,
                                                                            self->wheel_margin)));
  invalidate_card (self);
}

/* The box the card is centred in, from @y down @box_height: with the
 * key under it, the two centred in the height together; the figures
 * alone centred in the height; the caption alone at the top. */
static void
card_box (FwPresentView *self,
          int            height,
          double        *y,
          double        *box_height)
{
  if (self->key_text > 0.0 && !self->key_under)
    {
      *y = self->show_figures ? (height - self->card_height - self->min_text - self->key_height) / 2.0
                              : self->card_text;
      *box_height = self->card_height;
    }
  else
    {
      *y = self->show_figures ? 0.0 : self->card_text;
      *box_height = self->show_figures ? height : self->card_height;
    }
}

static void
record_card (FwPresentView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;
  GtkSnapshot *recorder;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  build_card (self, &card, items, strings);
  describe_card (self);

  recorder = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (recorder, &GRAPHENE_RECT_INIT (self->card_x, 0, width - self->card_x, height));
  if (self->key_text > 0.0 && !self->key_under)
    {
      /* The figures with the key's room under them, centred in the
       * height together; the caption alone at the top, the key under it.
       * The key lists what the wheel as painted numbers (none until a
       * guided reveal shows the points: its room is kept). */
      double gap = self->min_text;
      double y, box;
      FwWheelKey key;

      card_box (self, height, &y, &box);
      key.scenario = fw_session_get_scenario (self->session);
      key.points = fw_wheel_view_get_numbered_points (FW_WHEEL_VIEW (self->wheel), &key.n);
      fw_figures_card_paint (cr, &card, style_of (self), self->card_text, self->card_x, y, box);
      fw_wheel_key_paint (cr, &key, style_of (self), self->key_text, self->card_x, y + self->card_height + gap,
                          self->card_width, self->key_height);
    }
  else
    {
      /* The figures centred in the height; the caption alone at the top. */
      double y, box;

      card_box (self, height, &y, &box);
      fw_figures_card_paint (cr, &card, style_of (self), self->card_text, self->card_x, y, box);
    }
  cairo_destroy (cr);
  if (self->key_text > 0.0 && self->key_under)
    {
      /* The key under the wheel's area, in a node of its own: the
       * wheel's pixels between the two are not redrawn with the figures
       * at every period. */
      double x = self->wheel_margin, y = height - self->wheel_margin - self->key_room + self->min_text;
      FwWheelKey key;

      key.scenario = fw_session_get_scenario (self->session);
      key.points = fw_wheel_view_get_numbered_points (FW_WHEEL_VIEW (self->wheel), &key.n);
      cr = gtk_snapshot_append_cairo (recorder, &GRAPHENE_RECT_INIT (x, y, self->key_width, self->key_height));
      fw_wheel_key_paint (cr, &key, style_of (self), self->key_text, x, y, self->key_width, self->key_height);
      cairo_destroy (cr);
    }
  self->key_rings = fw_wheel_view_get_rings_painted (FW_WHEEL_VIEW (self->wheel));
  self->card_node = gtk_snapshot_free_to_node (recorder);
}

static void
fw_present_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  gtk_widget_snapshot_child (widget, self->wheel, snapshot);
  if (self->card_text <= 0.0 || self->session == NULL)
    return;
  /* The ring painted again (another scenario, a step of the reveal, N):
   * the key follows what it numbers. */
  if (self->key_text > 0.0 && self->key_rings != fw_wheel_view_get_rings_painted (FW_WHEEL_VIEW (self->wheel)))
    g_clear_pointer (&self->card_node, gsk_render_node_unref);
  if (self->card_node == NULL)
    record_card (self);
  if (self->card_node != NULL)
    gtk_snapshot_append_node (snapshot, self->card_node);
}

static void
fw_present_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fw_present_view_parent_class)->css_changed (widget, change);

  /* The wheel's colours and font, which the figures share. */
  gtk_widget_queue_allocate (widget);
}

/* Stepping ---------------------------------------------------------------- */

static guint
last_step (FwPresentView *self)
{
  return fw_wheel_reveal_last_step (fw_session_get_scenario (self->session));
}

static void
set_reveal (FwPresentView *self,
            int            step)
{
  self->reveal_step = step;
  fw_wheel_view_set_reveal (FW_WHEEL_VIEW (self->wheel), step);
  /* The figures come with the wheel's parts (hide_unrevealed()). */
  invalidate_card (self);
}

/* The reveal's next part while there is one, then the next period. */
static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  if (self->reveal_step >= 0 && (guint) self->reveal_step < last_step (self))
    set_reveal (self, self->reveal_step + 1);
  else
    gtk_widget_activate_action (widget, "win.step-forward", NULL);
}

/* Back a period; at the first, back a part of the reveal. */
static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  if (self->reveal_step > 0 && fw_session_get_period (self->session) == 0)
    set_reveal (self, self->reveal_step - 1);
  else
    gtk_widget_activate_action (widget, "win.step-back", NULL);
}

static void
reveal_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_reveal (FW_PRESENT_VIEW (widget), 0);
}

static void
show_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_reveal (FW_PRESENT_VIEW (widget), -1);
}

static void
names_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  self->point_names = !self->point_names;
  fw_wheel_view_set_point_names (FW_WHEEL_VIEW (self->wheel), self->point_names);
  /* The key and its room go with the names (and the ring takes the
   * room they leave). */
  gtk_widget_queue_allocate (widget);
}

/* The next scenario (+1) or the previous (-1), round the list. */
static void
scenario_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);
  guint n = fw_document_get_n_scenarios (fw_session_get_document (self->session));
  int delta = g_variant_get_int32 (parameter);
  guint current = fw_session_get_scenario_index (self->session);

  if (n > 1)
    fw_session_set_scenario_index (self->session, (current + (delta > 0 ? 1 : n - 1)) % n);
}

static void
end_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwPresentView *self = FW_PRESENT_VIEW (widget);

  fw_session_set_presenting (self->session, FALSE);
}

/* A presenter's click: next; a right-click: previous. */
static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FwPresentView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (self->wheel);
  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == GDK_BUTTON_SECONDARY ? "present.previous" : "present.next",
                              NULL);
}

/* Class ------------------------------------------------------------------- */

static void
fw_present_view_dispose (GObject *object)
{
  FwPresentView *self = FW_PRESENT_VIEW (object);

  g_clear_pointer (&self->wheel, gtk_widget_unparent);
  g_clear_pointer (&self->card_node, gsk_render_node_unref);
  g_clear_pointer (&self->described, g_free);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (fw_present_view_parent_class)->dispose (object);
}

static void
fw_present_view_class_init (FwPresentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint next_keys[] = { GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_KEY_Right, GDK_KEY_KP_Right,
                                     GDK_KEY_Down, GDK_KEY_KP_Down, GDK_KEY_Return, GDK_KEY_KP_Enter };
  static const guint previous_keys[] = { GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, GDK_KEY_Left, GDK_KEY_KP_Left,
                                         GDK_KEY_Up, GDK_KEY_KP_Up, GDK_KEY_BackSpace };

  object_class->dispose = fw_present_view_dispose;
  widget_class->measure = fw_present_view_measure;
  widget_class->size_allocate = fw_present_view_size_allocate;
  widget_class->snapshot = fw_present_view_snapshot;
  widget_class->css_changed = fw_present_view_css_changed;

  gtk_widget_class_install_action (widget_class, "present.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "present.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "present.reveal", NULL, reveal_activated);
  gtk_widget_class_install_action (widget_class, "present.show-all", NULL, show_all_activated);
  gtk_widget_class_install_action (widget_class, "present.names", NULL, names_activated);
  gtk_widget_class_install_action (widget_class, "present.scenario", "i", scenario_activated);
  gtk_widget_class_install_action (widget_class, "present.end", NULL, end_activated);

  /* A presenter's clicker sends Page Down and Page Up (some send the
   * arrows, Enter or BackSpace): all of them step. */
  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, next_keys[i], 0, "present.next", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, previous_keys[i], 0, "present.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "win.play-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.go-to-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.go-to-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "present.scenario", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_SHIFT_MASK, "present.scenario", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "present.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "present.show-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "present.names", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "present.end", NULL);

  gtk_widget_class_set_css_name (widget_class, "fwpresent");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fw_present_view_init (FwPresentView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->show_figures = TRUE;
  self->point_names = TRUE;
  self->reveal_step = -1;
  self->text_scale = 1.0;
  self->card_columns = 1;

  self->wheel = fw_wheel_view_new_presenting ();
  gtk_widget_set_parent (self->wheel, GTK_WIDGET (self));
  fw_wheel_view_set_point_names (FW_WHEEL_VIEW (self->wheel), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "canvas");
  fw_widget_set_accessible_label (GTK_WIDGET (self), _("Presentation"));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
fw_present_view_new (void)
{
  return g_object_new (FW_TYPE_PRESENT_VIEW, NULL);
}

/* The figures follow every change of the session's scenario or period. */
static void
on_session_changed (FwPresentView *self)
{
  /* Another scenario has other stages: a reveal in progress keeps its
   * place as far as the new one allows. */
  if (self->reveal_step >= 0 && (guint) self->reveal_step > last_step (self))
    set_reveal (self, (int) last_step (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
fw_present_view_set_session (FwPresentView *self,
                             FwSession     *session)
{
  g_return_if_fail (FW_IS_PRESENT_VIEW (self));
  g_return_if_fail (FW_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::period", G_CALLBACK (invalidate_card), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::roll", G_CALLBACK (on_roll), self, G_CONNECT_SWAPPED);
  /* Stopped or paused: the period's own figures, not the last roll's. */
  g_signal_connect_object (session, "notify::playing", G_CALLBACK (invalidate_card), self, G_CONNECT_SWAPPED);
  self->rolled_position = fw_session_get_position (session);
  fw_wheel_view_set_session (FW_WHEEL_VIEW (self->wheel), session);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkWidget *
fw_present_view_get_wheel (FwPresentView *self)
{
  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), NULL);

  return self->wheel;
}

void
fw_present_view_set_show_figures (FwPresentView *self,
                                  gboolean       shown)
{
  g_return_if_fail (FW_IS_PRESENT_VIEW (self));

  if (self->show_figures == !!shown)
    return;
  self->show_figures = !!shown;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
fw_present_view_set_text_scale (FwPresentView *self,
                                double         scale)
{
  g_return_if_fail (FW_IS_PRESENT_VIEW (self));

  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
fw_present_view_start (FwPresentView *self,
                       gboolean       reveal)
{
  g_return_if_fail (FW_IS_PRESENT_VIEW (self));

  set_reveal (self, reveal ? 0 : -1);
  self->key_seen = self->key_seen_under = 0.0;
  self->point_names = TRUE;
  fw_wheel_view_set_point_names (FW_WHEEL_VIEW (self->wheel), TRUE);
}

int
fw_present_view_get_reveal_step (FwPresentView *self)
{
  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), -1);

  return self->reveal_step;
}

double
fw_present_view_get_figures_text_size (FwPresentView *self)
{
  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), 0.0);

  return self->show_figures ? self->card_text : 0.0;
}

double
fw_present_view_get_caption_text_size (FwPresentView *self)
{
  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), 0.0);

  return self->card_text;
}

guint
fw_present_view_get_figures_columns (FwPresentView *self)
{
  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), 0);

  return self->show_figures && self->card_text > 0.0 ? self->card_columns : 0;
}

char *
fw_present_view_dup_figures_words (FwPresentView *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;

  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), NULL);

  if (self->session == NULL)
    return NULL;
  build_card (self, &card, items, strings);
  return card_words (&card);
}

double
fw_present_view_get_figures_top (FwPresentView *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;
  double y, box, w, h, above;

  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), 0.0);

  if (self->session == NULL || self->card_text <= 0.0)
    return 0.0;
  build_card (self, &card, items, strings);
  card_box (self, gtk_widget_get_height (GTK_WIDGET (self)), &y, &box);
  /* fw_figures_card_paint() centres the card as measured in the box;
   * the figures start under its title block. */
  fw_figures_card_measure (&card, style_of (self), self->card_text, &w, &h);
  card.n_items = 0;
  fw_figures_card_measure (&card, style_of (self), self->card_text, &w, &above);
  return y + MAX (0.0, (box - h) / 2.0) + above;
}

gboolean
fw_present_view_figures_whole (FwPresentView *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  FwFiguresCardItem items[N_CARD_ITEMS];
  FwFiguresCard card;
  double w, h;

  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), FALSE);

  if (self->session == NULL || self->card_text <= 0.0)
    return TRUE;
  build_card (self, &card, items, strings);
  fw_figures_card_measure (&card, style_of (self), self->card_text, &w, &h);
  return fw_figures_card_words_whole (&card, style_of (self), self->card_text)
         && self->card_x + w <= gtk_widget_get_width (GTK_WIDGET (self)) + 0.5
         && h <= gtk_widget_get_height (GTK_WIDGET (self)) + 0.5;
}

guint
fw_present_view_get_key_shown (FwPresentView *self,
                               double        *size)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  FwWheelKey key;
  guint shown = 0;

  g_return_val_if_fail (FW_IS_PRESENT_VIEW (self), 0);

  if (size != NULL)
    *size = self->key_text;
  if (self->session == NULL || self->key_text <= 0.0)
    return 0;
  key.scenario = fw_session_get_scenario (self->session);
  key.points = fw_wheel_view_get_numbered_points (FW_WHEEL_VIEW (self->wheel), &key.n);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  fw_wheel_key_measure (cr, &key, style_of (self), self->key_text, key_column_width (self), self->key_height,
                        &shown);
  if (!fw_wheel_key_words_whole (cr, &key, style_of (self), self->key_text, key_column_width (self),
                                 self->key_height))
    shown = 0;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return shown;
}
