/* fw-wheel-view.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* The wheel: draws the document's scenario through the renderer, turns
 * from the frame clock, accepts points dropped from the palette, lets
 * points be dragged round the rim or off it, and is driven entirely from
 * the keyboard as well.
 *
 * The selection is the session's (a stage or a point). Errors (an
 * edit the document refuses) are reported through the "win.show-error"
 * action, so the window shows them where the user looks. */
#define FW_TYPE_WHEEL_VIEW (fw_wheel_view_get_type ())

G_DECLARE_FINAL_TYPE (FwWheelView, fw_wheel_view, FW, WHEEL_VIEW, GtkWidget)

GtkWidget  *fw_wheel_view_new                (void);
FwSession  *fw_wheel_view_get_session        (FwWheelView *self);
/* Shows @session's current scenario at its period and its selection;
 * the wheel's keys and clicks select through the session. */
void        fw_wheel_view_set_session        (FwWheelView *self,
                                              FwSession   *session);
/* Opens the point editor popover on @point, pointing at its marker. */
void        fw_wheel_view_edit_point         (FwWheelView *self,
                                              guint        point);
/* The size of the wheel's text: @scale times what its area gives (the
 * user's zoom and the desktop's text scale), never below @min_size. */
void        fw_wheel_view_set_text           (FwWheelView *self,
                                              double       scale,
                                              double       min_size);
/* The colours and font the wheel draws with, from the theme. */
const FwWheelStyle *fw_wheel_view_get_style  (FwWheelView *self);
/* The stage names' size as laid out now, in logical pixels. */
double      fw_wheel_view_get_label_size     (FwWheelView *self);

/* A wheel made with "presenting" TRUE shows the session for a room:
 * it takes no edits (no drops, drags, editing keys or popovers), shows
 * no selection and no focus ring, and its owner sets what it shows: */
GtkWidget  *fw_wheel_view_new_presenting     (void);
/* each point's name beside its marker; */
void        fw_wheel_view_set_point_names    (FwWheelView *self,
                                              gboolean     shown);
/* a step of a guided reveal (fw_wheel_scene_set_reveal()); -1 all. */
void        fw_wheel_view_set_reveal         (FwWheelView *self,
                                              int          step);

/* Whether a tick callback is installed right now (tests check that a
 * wheel at rest costs nothing), and frames drawn so far (benchmarks). */
gboolean    fw_wheel_view_is_ticking         (FwWheelView *self);
guint64     fw_wheel_view_get_frames_drawn   (FwWheelView *self);
/* How many times the static layer was painted so far, and how many of
 * those painted the ring as well (tests: while the periods play, the
 * counts roll on over the ring's pixels, FwWheelRoom). */
guint64     fw_wheel_view_get_statics_painted (FwWheelView *self);
guint64     fw_wheel_view_get_rings_painted  (FwWheelView *self);
/* The points the ring as last painted numbers rather than names (no
 * room for their names), in the numbers' order, @n of them; changes
 * only when the ring is painted again (fw_wheel_view_get_rings_painted()). */
const guint *fw_wheel_view_get_numbered_points (FwWheelView *self,
                                              guint       *n);
/* The points the presenting wheel would number laid out at @width x
 * @height with everything a guided reveal shows, into @numbered (guint,
 * when not NULL); returns how many. Of the scenario shown with NULL; of
 * @scenario without its projection (the points in their order rather
 * than by impact, the counts as entered): an estimate that does not
 * depend on which scenario is shown. The layout is kept for an
 * allocation at that size. */
guint       fw_wheel_view_point_key          (FwWheelView      *self,
                                              int               width,
                                              int               height,
                                              const FwScenario *scenario,
                                              GArray           *numbered);
/* How many stage labels the wheel draws at its size now, and in @whole
 * (when not NULL) how many show the name in full (tests: no stage's
 * label may vanish in a small window, none is cut short presenting). */
guint       fw_wheel_view_count_stage_labels (FwWheelView *self,
                                              guint       *whole);
/* Whether, laid out at @width x @height (the layout fitted there and
 * kept: allocating that size next costs nothing more), every stage's
 * name shows in full, whatever part of a guided reveal shows: what
 * presenting asks before the figures beside the wheel grow. */
gboolean    fw_wheel_view_names_whole_at     (FwWheelView *self,
                                              int          width,
                                              int          height);
/* The ring's outer radius laid out at @width x @height (the layout
 * kept, as fw_wheel_view_names_whole_at()): what presenting asks before
 * it takes height from the wheel's area for the key of its points. */
double      fw_wheel_view_ring_at            (FwWheelView *self,
                                              int          width,
                                              int          height);
/* How many of the hub's figure, "momentum" and "people moving per
 * month" the wheel draws now, and in @inside (when not NULL) whether
 * they keep within the hub (tests: presenting's zoom loses no words). */
guint       fw_wheel_view_count_hub_texts    (FwWheelView *self,
                                              gboolean    *inside);
/* The sizes its text is drawn at now (fw_wheel_measure_text_sizes();
 * tests: larger desktop text makes none of it smaller). */
void        fw_wheel_view_get_text_sizes     (FwWheelView      *self,
                                              FwWheelTextSizes *sizes);
/* What the wheel says it shows to screen readers (its accessible
 * description): counts, points and momentum at the session's period. */
const char *fw_wheel_view_get_description    (FwWheelView *self);
/* The words of the keyboard's tip beside the selection, as on show, or
 * NULL while it is not (fw-wheel-view-tip.c). */
const char *fw_wheel_view_get_tip_text       (FwWheelView *self);
/* The numbers in the wheel's last painted frame, as written there
 * (tests compare them with the figures and `flywheel-cli simulate`):
 * the referral label ("Referrals 120/month"; NULL while it is not
 * drawn), the hub's figure of momentum and the stages' counts. */
const char *fw_wheel_view_get_painted_referrals (FwWheelView *self);
const char *fw_wheel_view_get_painted_momentum  (FwWheelView *self);
/* Stage @stage's count as last painted on its arc, or NULL (none). */
const char *fw_wheel_view_get_painted_count     (FwWheelView *self,
                                                 guint        stage);

G_END_DECLS
