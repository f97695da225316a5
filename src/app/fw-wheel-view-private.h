/* fw-wheel-view-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-tween.h"
#include "fw-wheel-layout.h"
#include "fw-wheel-painter.h"
#include "fw-idle-gate.h"
#include "fw-layer-pool.h"
#include "fw-wheel-view.h"

G_BEGIN_DECLS

/* What a wheel's text fitted to its names depends on. */
typedef struct
{
  int                 width, height;
  FwWheelText         text;
  const FwScenario   *scenario;
  gboolean            high_contrast;
  char               *font_family;  /* owned in the kept key */
} FwWheelFitKey;

/* What the overlay layer was last recorded from. */
typedef struct
{
  double   momentum_shown;
  int      highlight_stage;
  double   highlight_angle;
  int      selected_stage;
  int      selected_point;
  gboolean focused;
  int      dragged_point;
  double   dragged_angle;
  gboolean dragged_off;
} OverlayKey;

/* The wheel's instance, shared by the files that make up FwWheelView:
 * fw-wheel-view.c (drawing, animation, selection, accessibility),
 * fw-wheel-view-dnd.c (drops from the palette, dragging points with the
 * pointer) and fw-wheel-view-keys.c (the keyboard). */
struct _FwWheelView
{
  GtkWidget       parent_instance;

  /* What the wheel shows; the document is the session's, kept here for
   * short and refreshed when the session shows another. */
  FwSession      *session;
  FwDocument     *document;

  /* What the painter draws from; the scenario and projection pointers
   * are refreshed on every "changed", since an edit replaces them. */
  FwWheelScene    scene;
  FwWheelStyle    style;
  char           *font_family;   /* owned; style.font_family points here */
  FwWheelLayout   layout;
  FwWheelText     text;          /* scale and floor of the wheel's text */

  /* The layout its text was last fitted for (compute_layout in
   * fw-wheel-view.c), kept while these stay the same, and the scale the
   * text was given. */
  FwWheelFitKey   fit_key;
  FwWheelLayout   fitted_layout;
  double          fitted_scale;
  /* Whether every stage's name shows whole in the fitted layout, once
   * asked (fw_wheel_view_names_whole_at): known until the next fit. */
  gboolean        names_whole_known;
  gboolean        names_whole;
  gboolean        fitted;

  /* Presenting (construct-only): the wheel as a room sees it, driven by
   * its FwPresentView. No editing input, no selection, no focus ring,
   * point names if asked for, and a guided reveal's step (-1: all). */
  gboolean        presenting;
  gboolean        point_names;
  int             reveal_step;

  /* The static layer, recorded once and replayed every frame until the
   * document, the size, the scale or the style changes, or the counts
   * roll on while the periods play. It is the ring's pixels with the
   * counts painted over them: a roll paints the counts again, and the
   * ring only when its labels need other room (FwWheelRoom). */
  GskRenderNode  *static_node;
  FwLayerPool     static_pixels;  /* its pixels, reused at each repaint */
  cairo_surface_t *ring_pixels;   /* the ring alone (fw_wheel_paint_ring()); NULL: out of date */
  FwWheelRoom     ring_room;      /* the room its labels keep for the counts */
  double          ring_room_key;  /* which periods that room is for (fw_wheel_room_key()) */
  FwWheelCountSpots count_spots;  /* where it left the counts */
  guint64         statics_painted; /* for tests */
  guint64         rings_painted;
  int             static_width;
  int             static_height;
  int             static_scale;
  guint           rolled;         /* the session's roll the numbers were last rolled at */
  /* Playing, the static layer is two: the ring's pixels as they are
   * (ring_node) and each part of the counts in pixels of its own, in the
   * small box it covers (count_nodes; fw_wheel_paint_count_part()). A
   * roll then repaints and redraws those boxes, not the whole wheel: the
   * counts over a copy of the ring's pixels made GTK redraw, and copy to
   * the X server, the whole 1248 x 587 area five times a second, and
   * stretched the frame's surface from the wheel to the figures panel.
   * Paused, and in exports, the counts are painted over the ring as
   * before, so those pictures stay as they were. */
  gboolean        counts_apart;
  GskRenderNode  *ring_node;
  GPtrArray      *count_nodes;    /* of GskRenderNode; NULL: to be painted */
  gboolean        hold_numbers;   /* playing: the hub's figure waits for the counts' roll */
  /* The overlay, kept while what it shows stays the same: the hub's
   * figure and the marks apart (hub_node, marks_node), in one container
   * (overlay_node), so that a new hub figure, each roll while playing,
   * redraws the hub's box alone and not the marks' area round the whole
   * wheel. */
  GskRenderNode  *overlay_node;
  GskRenderNode  *hub_node;
  GskRenderNode  *marks_node;
  OverlayKey      overlay_key;

  /* Hidden (the editor's wheel while presenting): the session's changes
   * are only noted, and taken in when the wheel is shown again. */
  gboolean        behind;

  /* Animation: installed only while something moves. */
  guint           tick_id;
  gint64          last_frame_time;  /* 0: no frame seen since installing */
  FwIdleGate      frame_gate;       /* slow frames leave idle work its turn */
  FwTween         momentum;
  gboolean        animations;       /* GtkSettings:gtk-enable-animations */
  GtkSettings    *settings;         /* the one we listen to */
  guint64         frames_drawn;

  /* A point being dragged with the pointer (-1 none). */
  GtkGesture     *drag_gesture;
  gboolean        press_active;    /* a primary press is being tracked */
  int             drag_point;
  double          drag_start_x;
  double          drag_start_y;
  gboolean        drag_moved;      /* past the drag threshold */
  gboolean        drag_edited;     /* the document holds moves of this drag */

  /* Keyboard moves of a point merge into one undo step until a pause. */
  guint           seal_source;

  char           *description;     /* the accessible description, as last set */
  /* The numbers as last painted, for tests that compare what the wheel
   * shows with the figures (fw_wheel_view_get_painted_referrals()). */
  char           *painted_referrals; /* the referral label's text */
  GPtrArray      *painted_counts;    /* each stage's count's text, or NULL */
  char           *painted_momentum;  /* the hub's figure */

  GtkWidget      *editor;          /* FwPointEditor child, or NULL */
  /* The keyboard's tooltip: the selection's name and impact beside it
   * (fw-wheel-view-tip.c), or NULL until first shown. */
  GtkWidget      *tip;
  GtkWidget      *tip_label;
  guint           editor_cleanup;  /* idle that unparents a closed editor */
};

/* fw-wheel-view.c */
void     fw_wheel_view_invalidate_static  (FwWheelView *self);
/* Asks the session to select a stage or a point (-1 for none). */
void     fw_wheel_view_select             (FwWheelView *self,
                                           int          stage,
                                           int          point);
/* The point or stage under (@x, @y) in widget coordinates. */
FwWheelHit fw_wheel_view_hit              (FwWheelView *self,
                                           double       x,
                                           double       y,
                                           guint       *index);
/* The model angle of (@x, @y), rounded to a tenth of a degree so files
 * hold tidy numbers, in [0, 360). */
double   fw_wheel_view_angle_at           (FwWheelView *self,
                                           double       x,
                                           double       y);
/* The rectangle a point's marker covers, for popovers and tooltips. */
void     fw_wheel_view_marker_rect        (FwWheelView  *self,
                                           guint         point,
                                           GdkRectangle *rect);
/* Selects the stage and asks the window to reveal it in its side panel. */
void     fw_wheel_view_activate_stage     (FwWheelView *self,
                                           int          stage);

/* fw-wheel-view-dnd.c */
void     fw_wheel_view_init_dnd           (FwWheelView *self);
/* Ends a press of the pointer without acting on it; with @restore, a
 * point dragged so far goes back where it was. Returns whether a point
 * was being dragged. */
gboolean fw_wheel_view_cancel_drag        (FwWheelView *self,
                                           gboolean     restore);

/* fw-wheel-view-tip.c: a point's and a stage's words, as the tooltip
 * gives them and the keyboard's tip beside the selection. */
char    *fw_wheel_view_point_markup       (FwWheelView *self,
                                           guint        index);
char    *fw_wheel_view_stage_markup       (FwWheelView *self,
                                           guint        index);
/* The rectangle the selection is drawn in (the point's marker, or the
 * middle of the stage's arc) and the side away from the wheel's centre;
 * FALSE with nothing selected. */
gboolean fw_wheel_view_selection_rect     (FwWheelView     *self,
                                           GdkRectangle    *rect,
                                           GtkPositionType *side);
/* Shows the tip beside the selection (hides it with none); updates the
 * one on show after any change; hides it. */
void     fw_wheel_view_show_tip           (FwWheelView *self);
void     fw_wheel_view_update_tip         (FwWheelView *self);
void     fw_wheel_view_hide_tip           (FwWheelView *self);

/* fw-wheel-view-menu.c: the wheel's context menu */
void     fw_wheel_view_init_menu          (FwWheelView *self);

/* fw-wheel-view-keys.c */
void     fw_wheel_view_init_keys          (FwWheelView *self);
/* Ends a run of keyboard moves as one undo step. */
void     fw_wheel_view_seal_moves         (FwWheelView *self);

G_END_DECLS
