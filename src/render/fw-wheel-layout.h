/* fw-wheel-layout.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* Where the parts of the wheel go in an area of a given size: the one
 * geometry the painter draws with and the widget hit-tests with, so a
 * click always lands on what was drawn. Sizes are in user units (logical
 * pixels on screen, points in a PDF); nothing here knows about GTK.
 *
 * Angles are the model's: degrees clockwise from 12 o'clock. */
typedef struct
{
  double width, height;  /* the area laid out */
  double cx, cy;         /* centre of the wheel */
  double outer;          /* outer radius of the ring of stage arcs */
  double inner;          /* inner radius of that ring */
  double hub;            /* radius of the hub that shows momentum */
  double rim;            /* radius the point markers sit on */
  double marker;         /* radius of a point marker */
  double label_size;     /* font size of stage names, >= a readable minimum */
  double figure_size;    /* font size of the hub's momentum figure */
  double words_normal;   /* the hub's words' size at the normal text: in the
                          * editor, larger words that do not fit the hub
                          * come back to it before they are left out */
  double min_text;       /* no text is drawn smaller than this (0: no floor) */
} FwWheelLayout;

/* How big the wheel's text is, besides what its area allows. */
typedef struct
{
  double scale;     /* the user's zoom times the desktop's text scale; 1 */
  double min_size;  /* a floor for every text, in user units; 0 for none
                     * (presenting: a share of the screen's height) */
  gboolean point_names; /* room outside the ring for the points' names */
  double   ring_given;  /* the share of the ring's radius given up to the
                         * text outside it: 0; presenting a crowded wheel,
                         * up to FW_WHEEL_MAX_RING_GIVEN (fw_wheel_fit_text) */
  double   figure_scale; /* the hub's figure grows by this, the scale asked
                          * for, where the stages' names were fitted to a
                          * smaller @scale (fw_wheel_fit_text): the figure
                          * has the hub to itself; 0: @scale */
} FwWheelText;

#define FW_WHEEL_MAX_RING_GIVEN 0.3

typedef enum
{
  FW_WHEEL_HIT_NONE,   /* outside the wheel */
  FW_WHEEL_HIT_HUB,
  FW_WHEEL_HIT_STAGE,  /* *index is the stage */
  FW_WHEEL_HIT_POINT,  /* *index is the point (the topmost drawn) */
} FwWheelHit;

void       fw_wheel_layout_compute   (FwWheelLayout       *layout,
                                      double               width,
                                      double               height);
/* The same with the text scaled by @text->scale (the ring leaves room
 * for it) and never below @text->min_size; NULL is the default. */
void       fw_wheel_layout_compute_text (FwWheelLayout     *layout,
                                      double               width,
                                      double               height,
                                      const FwWheelText   *text);
/* The position at @degrees and @radius from the centre. */
void       fw_wheel_layout_position  (const FwWheelLayout *layout,
                                      double               degrees,
                                      double               radius,
                                      double              *x,
                                      double              *y);
/* The model angle in [0, 360) of (@x, @y) and its distance from the centre. */
void       fw_wheel_layout_polar     (const FwWheelLayout *layout,
                                      double               x,
                                      double               y,
                                      double              *degrees,
                                      double              *distance);
/* Cairo's angle (radians, clockwise from 3 o'clock) for a model angle. */
double     fw_wheel_layout_radians   (double               degrees);
/* The angle, in degrees, each point's marker is drawn at, in a new
 * array of one per point: its own angle, except where markers would
 * hide each other (points dropped at nearly the same angle). Such a run
 * fans out evenly round its middle, a marker's width apart, so that each
 * shows and takes a click of its own. The model's angles are untouched. */
double    *fw_wheel_layout_marker_angles (const FwWheelLayout *layout,
                                          const FwScenario    *scenario);
/* What is drawn at (@x, @y): markers first, since they sit on the arcs. */
FwWheelHit fw_wheel_layout_hit       (const FwWheelLayout *layout,
                                      const FwScenario    *scenario,
                                      double               x,
                                      double               y,
                                      guint               *index);
/* Whether (@x, @y) is far enough outside the wheel that a point dragged
 * there is being dragged off it (to remove it). */
gboolean   fw_wheel_layout_is_off    (const FwWheelLayout *layout,
                                      double               x,
                                      double               y);

G_END_DECLS
