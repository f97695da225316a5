/* fw-wheel-painter.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "fw-engine.h"
#include "fw-model.h"
#include "fw-wheel-layout.h"
#include "fw-wheel-motion.h"

G_BEGIN_DECLS

/* Draws the wheel with Cairo and Pango only, for the screen and for
 * exports alike (image, SVG and PDF surfaces).
 *
 * The drawing is split by how often it changes, so the widget can cache
 * what does not move:
 *  - static: the stage arcs with their names and counts, the referral
 *    path, the point markers; changes only with the document, the size or
 *    the style, and while the periods play, with the counts. It is two
 *    parts: the ring (arcs, names, markers), which the counts rolling on
 *    leave alone, and the counts with the referral path and its label;
 *    see FwWheelRoom;
 *  - motion: the turning tread and the people moving between stages;
 *    changes every frame while the wheel turns;
 *  - overlay: the hub's momentum figure, hover highlight, selection, focus
 *    and a point being dragged; changes on interaction and while the
 *    momentum figure eases.
 * Text is never rotated: it stays upright and crisp at any size. */

typedef struct
{
  gboolean dark;            /* dark theme: light text, darker track */
  double   fg[4];           /* text colour of the surrounding widget (RGBA) */
  double   bg[4];           /* background behind the wheel (RGBA) */
  double   accent[4];       /* selection and focus colour */
  const char *font_family;  /* NULL: "Sans" */
  gboolean high_contrast;   /* the desktop's high contrast: stronger strokes, text at full strength */
} FwWheelStyle;

/* The room the labels on the static layer keep for the numbers written
 * there: each stage's count (in both forms, exact and compact), the
 * referral label's figure and the referral band's width.
 *
 * Why: while the periods play, those numbers roll on between two
 * periods five times a second. Placed for the widest of the two
 * periods' numbers, the labels stay put while they roll, so a roll
 * paints the numbers again (fw_wheel_paint_counts()) and not the ring,
 * its 16 labels placed and shaped and its 1000 markers
 * (fw_wheel_paint_ring()). Paused, and in exports, the room is that of
 * the numbers shown: the labels sit as they always did. */
typedef struct
{
  double   count[2][FW_MAX_STAGES];  /* [compact]: the count whose text is widest */
  double   count_width[2][FW_MAX_STAGES];
  gboolean forms_differ;             /* some count reads differently in the two forms */
  double   referral_width;           /* the widest referral label... */
  double   referral_height;
  double   band;                     /* ...and referral band */
} FwWheelRoom;

/* Where fw_wheel_paint_ring() left room for each stage's count, for
 * fw_wheel_paint_counts() to write it in. */
typedef struct
{
  gboolean shown;
  double   x, y;     /* the middle of the count's top edge */
  double   rgba[4];
  gboolean labelled; /* the stage's label is drawn, within: */
  double   label[4]; /* its name and count's box: x0, y0, x1, y1 */
  gboolean led;       /* the label is outside the ring, with a leader: */
  double   leader[8]; /* its end on the arc, where it is out past the
                       * markers (the same unless it slants round the
                       * ring), its turn and its end at the label (x and
                       * y each) */
} FwWheelCountSpot;

typedef struct
{
  gboolean         compact;  /* every count in the compact form ("12k") */
  double           band;     /* the referral band's width the labels keep clear of */
  FwWheelCountSpot stages[FW_MAX_STAGES];
  /* The points numbered rather than named (fw_wheel_point_key()), in
   * the numbers' order: what the key beside the wheel lists. */
  guint            n_numbered;
  guint            numbered[FW_MAX_POINTS];
} FwWheelCountSpots;

typedef struct
{
  const FwScenario   *scenario;
  const FwProjection *projection;
  guint               period;       /* the period whose counts and figures are shown */
  double              position;     /* while playing, period + the way to the next
                                     * (period <= position < period + 1): counts
                                     * and flows ease between the two; any other
                                     * value means the period itself */
  const char         *period_label; /* "month": momentum is per period */

  FwWheelMotion       motion;
  double              momentum_shown;  /* the hub's figure, easing */

  int                 highlight_stage; /* drop hover; -1 none */
  double              highlight_angle; /* where a drop would land */
  int                 selected_stage;  /* -1 none */
  int                 selected_point;  /* -1 none */
  gboolean            focused;         /* draw the keyboard focus */
  int                 dragged_point;   /* -1 none: left out of static */
  double              dragged_angle;
  gboolean            dragged_off;     /* would be removed if dropped */
  gboolean            animate;         /* FALSE: no people in motion */

  /* Presenting and teaching. A guided reveal shows the wheel in parts:
   * the stages one at a time, then the referral loop, then the points
   * (fw_wheel_scene_set_reveal()); what is not shown yet leaves the
   * layout as it is, so nothing jumps when it appears. */
  gboolean            point_names;     /* each point's name beside its marker */
  guint               reveal_stages;   /* stages drawn, from the first */
  gboolean            reveal_referral; /* the referral loop drawn */
  gboolean            reveal_points;   /* the points drawn */

  const FwWheelRoom  *room;            /* NULL: the room of the numbers shown */
  gboolean            every_period;    /* ...or, with no room given, of the widest
                                        * numbers any period shows (presenting:
                                        * the labels fitted once stay whole and
                                        * put whatever period is shown) */

  /* A thumbnail (the template chooser's): the wheel's shape, colours,
   * markers and referral arrow with no text at all: at a thumbnail's
   * size its names only fit cut short ("Nurture an...", "Ge..."), and
   * the chooser lists the stages in full beside it. */
  gboolean            no_text;

  /* The window's ring: on pixels, the markers are copied from one
   * painting of each look (fw-wheel-stamps.c), each within an eighth of
   * a pixel of where the paths put it, at a fraction of the cost.
   * FALSE (exports, the default): every marker drawn as paths. */
  gboolean            stamp_markers;
} FwWheelScene;

/* A guided reveal's steps: 0 shows no stage yet, 1 to n the first n of
 * the scenario's n stages, n + 1 the referral loop too and n + 2, the
 * last step, the points: everything. */
guint fw_wheel_reveal_last_step  (const FwScenario   *scenario);
/* Shows the scene's scenario as at @step of a guided reveal; a negative
 * step, or one past the last, shows everything (the default). */
void  fw_wheel_scene_set_reveal  (FwWheelScene       *scene,
                                  int                 step);

void fw_wheel_style_init_light  (FwWheelStyle       *style);
void fw_wheel_scene_init        (FwWheelScene       *scene);
/* Where between two periods the scene is: its position when that lies
 * within its period, else the period (fw-period-blend.h). */
double fw_wheel_scene_position  (const FwWheelScene *scene);

/* The room for @scene's numbers at its position: between two periods
 * (playing), the wider of the two periods' numbers each; on a period,
 * its own. @cr only measures text. */
void     fw_wheel_room_measure     (FwWheelRoom         *room,
                                    cairo_t             *cr,
                                    const FwWheelLayout *layout,
                                    const FwWheelStyle  *style,
                                    const FwWheelScene  *scene);
/* Which periods @scene's room is measured from, as one number: with the
 * same key, the same document and the same size, the same room (a view
 * measures it once per period played rather than at every roll). */
double   fw_wheel_room_key         (const FwWheelScene  *scene);
/* Whether labels placed with room @a sit exactly where they would with
 * room @b: the same widths, whatever the numbers. */
gboolean fw_wheel_room_same_places (const FwWheelRoom   *a,
                                    const FwWheelRoom   *b);
/* Widens @room to hold every number @other holds too (each width the
 * wider of the two, with its number): a view playing the periods keeps
 * the room of every period played so far, so the ring is painted again
 * only when a number needs more room than any before, not at each
 * period whose numbers read narrower or wider. */
void     fw_wheel_room_widen       (FwWheelRoom         *room,
                                    const FwWheelRoom   *other);

/* The static layer is the ring and the counts painted over it. */
void fw_wheel_paint_static      (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
/* The ring and everything on it that stays while the periods play: hub,
 * arcs, stage names (placed in the scene's room), markers, point names;
 * where each count goes into @spots. */
void fw_wheel_paint_ring        (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene,
                                 FwWheelCountSpots   *spots);
/* What rolls on: the counts at @spots, the referral band and its label. */
void fw_wheel_paint_counts      (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene,
                                 const FwWheelCountSpots *spots);
/* The same, one part at a time: fw_wheel_count_parts() of them (the
 * referral band, its label, each stage's count; 0 for no scenario), for
 * a view that keeps each part's pixels apart, so that a roll redraws
 * the few small boxes the numbers cover and not the whole ring. Painted
 * in order over the ring, the parts are fw_wheel_paint_counts(). */
guint fw_wheel_count_parts      (const FwWheelScene  *scene);
void fw_wheel_paint_count_part  (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene,
                                 const FwWheelCountSpots *spots,
                                 guint                part);
void fw_wheel_paint_motion      (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
void fw_wheel_paint_overlay     (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
/* The overlay in two parts, which painted in this order are
 * fw_wheel_paint_overlay(): the hub's figure and its words, and the
 * marks (highlight, selection, a dragged point, focus). The view keeps
 * them apart so that a new hub figure (each roll while playing) redraws
 * the hub alone, not the marks' area round the whole wheel. */
void fw_wheel_paint_hub         (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
void fw_wheel_paint_marks       (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
/* All three in order: what exports draw. */
void fw_wheel_paint             (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);

/* How many stage labels fw_wheel_paint_static() draws (inside its arc,
 * whole or cut short, or outside the ring): every stage's, unless the
 * area is too small for one; and in @whole (when not NULL) how many of
 * them show the stage's name in full. For tests of small windows and of
 * presenting. */
guint fw_wheel_count_stage_labels (cairo_t             *cr,
                                   const FwWheelLayout *layout,
                                   const FwWheelStyle  *style,
                                   const FwWheelScene  *scene,
                                   guint               *whole);

/* Stage @stage's count as fw_wheel_paint_counts() writes it on its
 * arc ("848", or "12.6k" where the wheel is crowded), placed by
 * fw_wheel_paint_ring() in @spots; NULL where it writes none. */
char *fw_wheel_stage_count_text (const FwWheelScene      *scene,
                                 const FwWheelCountSpots *spots,
                                 guint                    stage);
/* The referral label's words as fw_wheel_paint_counts() writes them
 * ("Referrals 120/month"), or NULL when it draws none. For tests that
 * compare the wheel's numbers with the figures'. */
char *fw_wheel_referral_text    (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);

/* How many point names fw_wheel_paint_static() draws beside their
 * markers (0 unless the scene shows the points and their names): every
 * point's, unless the area has no room near its marker for one. For
 * tests of presenting. */
guint fw_wheel_count_point_names (cairo_t             *cr,
                                  const FwWheelLayout *layout,
                                  const FwWheelStyle  *style,
                                  const FwWheelScene  *scene);
/* The same, and the points whose names have no room, which the wheel
 * numbers instead, into @numbered (guint point indices, when not NULL):
 * entry i is the point numbered i + 1, clockwise from 12 o'clock. What
 * the key beside a presented wheel lists (fw-wheel-key.h). */
guint fw_wheel_point_key         (cairo_t             *cr,
                                  const FwWheelLayout *layout,
                                  const FwWheelStyle  *style,
                                  const FwWheelScene  *scene,
                                  GArray              *numbered);

/* How many of the hub's three texts (its figure, "momentum", "people
 * moving per month") the overlay draws: 3 unless a small editor's hub
 * drops the words, 0 while a guided reveal has not shown the referral
 * loop; in @inside (when not NULL) whether they keep within the room
 * the hub gives them. For tests of presenting's zoom and reveal. */
guint fw_wheel_count_hub_texts  (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene,
                                 gboolean            *inside);

/* The sizes (user units) the wheel's text is drawn at, each 0 when it
 * is not drawn: what a test compares to know that larger desktop text
 * or a zoom makes none of it smaller. */
typedef struct
{
  double names;     /* the stages' names and their counts */
  double referral;  /* the referral label */
  double figure;    /* the hub's figure, as shrunk to fit the hub */
  double caption;   /* "momentum" */
  double unit;      /* "people moving per month" */
} FwWheelTextSizes;

void  fw_wheel_measure_text_sizes (cairo_t             *cr,
                                   const FwWheelLayout *layout,
                                   const FwWheelStyle  *style,
                                   const FwWheelScene  *scene,
                                   FwWheelTextSizes    *sizes);

/* Lays the wheel out in @width x @height into @layout with its text at
 * the largest scale, from @text->scale down to 1, at which every
 * stage's name still shows in full and the hub keeps its words: zooming
 * in while presenting never loses a word; the text stops growing where
 * the screen has no more room. The whole scenario counts, whatever part
 * of a guided reveal @scene shows. Returns the scale laid out with (1
 * when even the normal size leaves something out, @text->scale when it
 * is not above 1). */
double fw_wheel_fit_text        (cairo_t             *cr,
                                 FwWheelLayout       *layout,
                                 double               width,
                                 double               height,
                                 const FwWheelText   *text,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);

/* One point marker centred on (@x, @y) with radius @size: the same shape
 * and colour as on the wheel, for lists, the palette and drag icons. */
/* @point's marker as the wheel draws it: its kind, dimmed when disabled,
 * flagged when its effects work against its kind. */
void fw_wheel_paint_point_marker (cairo_t             *cr,
                                  const FwWheelStyle  *style,
                                  const FwPoint       *point,
                                  double               x,
                                  double               y,
                                  double               size);
void fw_wheel_paint_marker      (cairo_t             *cr,
                                 const FwWheelStyle  *style,
                                 FwPointKind          kind,
                                 gboolean             enabled,
                                 double               x,
                                 double               y,
                                 double               size);

G_END_DECLS
