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
 *    the style;
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

void fw_wheel_paint_static      (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
void fw_wheel_paint_motion      (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene);
void fw_wheel_paint_overlay     (cairo_t             *cr,
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

/* How many of the hub's three texts (its figure, "momentum", "people
 * moving per month") the overlay draws: 3 unless a small editor's hub
 * drops the words; in @inside (when not NULL) whether they keep within
 * the room the hub gives them. For tests of presenting's zoom. */
guint fw_wheel_count_hub_texts  (cairo_t             *cr,
                                 const FwWheelLayout *layout,
                                 const FwWheelStyle  *style,
                                 const FwWheelScene  *scene,
                                 gboolean            *inside);

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
