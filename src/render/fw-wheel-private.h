/* fw-wheel-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "fw-wheel-layout.h"
#include "fw-wheel-painter.h"

G_BEGIN_DECLS

/* Shared between the parts of the painter (fw-wheel-painter.c,
 * fw-wheel-labels.c, fw-wheel-markers.c) and the layout: one geometry,
 * so what is drawn, what is hit and what moves agree. */

/* Degrees a person drawn moving between stages travels during one cycle
 * of FwWheelMotion.flow_phase: people move about as fast as the tread. */
#define FW_WHEEL_FLOW_SPAN 30.0

/* How far a marker's shape reaches, as a multiple of layout->marker: the
 * hit test uses the same figure so a click lands on what is drawn. */
#define FW_WHEEL_MARKER_EXTENT 1.0

typedef struct
{
  double r, g, b;
} FwRgb;

/* Where the referral flow goes: from the middle of the last stage,
 * clockwise over 12 o'clock, to the middle of the first. */
typedef struct
{
  gboolean shown;     /* FALSE with no projection */
  double   start;     /* degrees, the middle of the last stage */
  double   end;       /* degrees, > start: the middle of the first + 360 */
  double   radius;    /* centre line of the band */
  double   width;     /* band width; 0 with no referrals */
  double   referrals; /* R(0) */
} FwReferralGeometry;

/* A box (x0, y0, x1, y1) drawn outside the ring, for other text to
 * keep clear of. */
typedef struct
{
  double x0, y0, x1, y1;
} FwWheelBox;

/* Whether the segments @a and @b (x0, y0, x1, y1 each) cross, sharing
 * no end: two leaders from the same marker may start together. */
static inline gboolean
fw_wheel_segments_cross (const double a[4],
                         const double b[4])
{
  double d1 = (b[2] - b[0]) * (a[1] - b[1]) - (b[3] - b[1]) * (a[0] - b[0]);
  double d2 = (b[2] - b[0]) * (a[3] - b[1]) - (b[3] - b[1]) * (a[2] - b[0]);
  double d3 = (a[2] - a[0]) * (b[1] - a[1]) - (a[3] - a[1]) * (b[0] - a[0]);
  double d4 = (a[2] - a[0]) * (b[3] - a[1]) - (a[3] - a[1]) * (b[2] - a[0]);

  return ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
         && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0));
}

/* Whether the segment (@x0, @y0)-(@x1, @y1) crosses @box (Liang-Barsky). */
static inline gboolean
fw_wheel_segment_crosses_box (double            x0,
                              double            y0,
                              double            x1,
                              double            y1,
                              const FwWheelBox *box)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - box->x0, box->x1 - x0, y0 - box->y0, box->y1 - y0 };
  double t0 = 0.0, t1 = 1.0;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      if (p[i] < 0.0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static inline gboolean
fw_wheel_boxes_overlap (const FwWheelBox *a,
                        const FwWheelBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* How strong secondary ink is drawn: @alpha, or full strength in the
 * desktop's high contrast. */
#define FW_WHEEL_INK(style, alpha) ((style)->high_contrast ? 1.0 : (alpha))
/* A stroke's width, heavier in high contrast. */
#define FW_WHEEL_STROKE(style, width) ((style)->high_contrast ? (width) * 1.8 : (width))

/* The referral band's widest: as thick as the text is large, when the
 * referrals are everyone moving. */
#define FW_WHEEL_BAND_WIDEST(layout) ((layout)->label_size * 0.8)

/* fw-wheel-painter.c */
FwRgb        fw_wheel_parse_color         (const char          *color);
double       fw_wheel_luminance           (FwRgb                rgb);
/* The stage's count at the scene's position (from the projection when it
 * matches). */
double       fw_wheel_stage_count         (const FwWheelScene  *scene,
                                           guint                stage);
void         fw_wheel_arc_path            (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           double               start,
                                           double               end,
                                           double               inner,
                                           double               outer,
                                           double               gap);
double       fw_wheel_gap                 (const FwWheelLayout *layout);
void         fw_wheel_referral_geometry   (const FwWheelLayout *layout,
                                           const FwWheelScene  *scene,
                                           FwReferralGeometry  *geometry);
/* The ends of the referral band, and the gradient it is drawn in. */
void         fw_wheel_referral_points     (const FwWheelLayout *layout,
                                           const FwReferralGeometry *geometry,
                                           double              *x0,
                                           double              *y0,
                                           double              *x1,
                                           double              *y1);
cairo_pattern_t *fw_wheel_referral_pattern (const FwScenario   *scenario,
                                           double               x0,
                                           double               y0,
                                           double               x1,
                                           double               y1,
                                           double               alpha);

/* fw-wheel-labels.c */
/* Text at @size, but never below the layout's floor (min_text). */
PangoLayout *fw_wheel_text_layout         (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           double               size,
                                           gboolean             bold,
                                           const char          *text);
/* The stage names of the stages the scene reveals, placed with room for
 * the counts in @room; where each count goes into @spots (the counts
 * are written by fw_wheel_paint_counts()). Labels placed outside keep
 * clear of @referral's band and of @reserved, a box (x0, y0, x1, y1):
 * the referral label. Those drawn outside the ring are added to @placed
 * (FwWheelBox), and their leaders to @leaders (two straight pieces of
 * four doubles each: x0, y0, x1, y1), when not NULL. */
void         fw_wheel_paint_stage_labels  (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           const FwReferralGeometry *referral,
                                           const double         reserved[4],
                                           const FwWheelRoom   *room,
                                           GArray              *placed,
                                           GArray              *leaders,
                                           FwWheelCountSpots   *spots);
/* Whether the stage labels show every count in the compact form ("12k")
 * rather than exact ("12,000"): one form for the whole wheel. */
gboolean     fw_wheel_labels_compact      (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene);
/* The referral band taken as a row of small boxes along it, for text
 * outside the ring to keep clear of (stage labels and point names
 * alike): written to @boxes, at most FW_WHEEL_MAX_BAND_BOXES; how many
 * (none while the band is not shown). */
#define FW_WHEEL_MAX_BAND_BOXES 96
guint        fw_wheel_referral_band_boxes (const FwWheelLayout *layout,
                                           const FwReferralGeometry *referral,
                                           FwWheelBox          *boxes);
/* The counts of stages @first to @end - 1 at the scene's position,
 * where @spots says. */
void         fw_wheel_paint_stage_counts  (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           const FwWheelCountSpots *spots,
                                           guint                first,
                                           guint                end);
/* The referral label's text for @geometry's figure. */
PangoLayout *fw_wheel_referral_label_layout (cairo_t           *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           const FwReferralGeometry *geometry);
/* The referral band as other text keeps clear of it, @room's width, in
 * @kept; in @box, the box kept for its label (all 0 when not shown). */
void         fw_wheel_kept_referral       (const FwWheelLayout *layout,
                                           const FwWheelScene  *scene,
                                           const FwWheelRoom   *room,
                                           FwReferralGeometry  *kept,
                                           double               box[4]);
/* The label, over 12 o'clock, above a band @band wide: the room's, so
 * that it stays put while the figure rolls on. */
void         fw_wheel_paint_referral_label (cairo_t            *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           const FwReferralGeometry *geometry,
                                           double               band);
/* fw-wheel-layout.c: the size of the hub's words under its figure. The
 * hub's text takes at most FW_WHEEL_HUB_ROOM_WIDTH and _HEIGHT times its
 * radius (a little more than the square inside the disc: the corners
 * are empty). */
#define FW_WHEEL_HUB_ROOM_WIDTH  1.7
#define FW_WHEEL_HUB_ROOM_HEIGHT 1.6
double       fw_wheel_hub_caption_size    (const FwWheelLayout *layout);
/* fw-wheel-labels.c: the hub's figure and words. In the editor a hub
 * too small for them keeps the figure and drops the words; presenting
 * (a floor on the text size) it keeps every word. */
void         fw_wheel_paint_hub_text      (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene);

/* What fw_wheel_place_point_names() placed; each array may be NULL. */
typedef struct
{
  GArray *names;          /* FwWheelBox: the names placed */
  GArray *name_leaders;   /* their leaders, four doubles each: marker and name ends */
  GArray *badges;         /* FwWheelBox: the numbers placed instead of names */
  GArray *badge_leaders;  /* theirs */
  GArray *numbered;       /* guint: the points numbered, in the numbers' order */
} FwWheelPointText;

/* fw-wheel-names.c: each point's name beside its marker, outside the
 * ring, clear of the stage labels in @stage_boxes (FwWheelBox, may be
 * NULL) and their leaders @stage_leaders (four doubles a piece, may be
 * NULL), of the referral band @kept and its label @referral_box once the
 * scene shows the loop, and of one another; a name with no room is not
 * drawn over something: unless @until_one_fails, its marker gets a
 * number instead (fw-wheel-key.h). Drawn with @draw, else only placed;
 * what is placed goes to @out when not NULL. Returns how many names
 * are placed. With @until_one_fails, it stops at the first name with
 * no room and numbers none. */
guint        fw_wheel_place_point_names   (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           const FwReferralGeometry *kept,
                                           const double         referral_box[4],
                                           GArray              *stage_boxes,
                                           GArray              *stage_leaders,
                                           gboolean             draw,
                                           gboolean             until_one_fails,
                                           FwWheelPointText    *out);
/* Whether every point's name has room (the scene showing the points and
 * their names), as fw_wheel_count_point_names() would count them, but
 * placing no more once one is left out: what fitting asks. */
gboolean     fw_wheel_point_names_all_shown (cairo_t           *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene);

/* fw-wheel-labels.c: the stage labels placed as
 * fw_wheel_paint_stage_labels() places them, drawing nothing: the boxes
 * of those outside the ring added to @placed and their leaders to
 * @leaders (may be NULL), the referral band and its label's box as they
 * are kept. */
void         fw_wheel_place_stage_labels  (cairo_t             *cr,
                                           const FwWheelLayout *layout,
                                           const FwWheelStyle  *style,
                                           const FwWheelScene  *scene,
                                           FwReferralGeometry  *kept,
                                           double               referral_box[4],
                                           GArray              *placed,
                                           GArray              *leaders);

/* fw-wheel-markers.c */
typedef enum
{
  FW_MARKER_NORMAL,
  FW_MARKER_REMOVE,   /* dragged off the wheel: will be removed */
  FW_MARKER_AGAINST,  /* its effects work against its kind: flagged */
} FwMarkerLook;

void         fw_wheel_paint_marker_look   (cairo_t             *cr,
                                           const FwWheelStyle  *style,
                                           FwPointKind          kind,
                                           gboolean             enabled,
                                           FwMarkerLook         look,
                                           double               x,
                                           double               y,
                                           double               size);

/* fw-wheel-stamps.c: markers copied from pixels painted once per look
 * (the window's ring, with up to 1000 of them). NULL when @cr does not
 * paint pixels at a plain scale: draw the markers as paths then. */
typedef struct _FwMarkerStamps FwMarkerStamps;

FwMarkerStamps *fw_marker_stamps_new      (cairo_t             *cr,
                                           const FwWheelStyle  *style,
                                           double               size);
/* Paints the marker of that look centred on (@x, @y), as
 * fw_wheel_paint_marker_look() would at the stamps' size, to within an
 * eighth of a device pixel. */
void         fw_marker_stamps_paint       (FwMarkerStamps      *stamps,
                                           cairo_t             *cr,
                                           FwPointKind          kind,
                                           gboolean             enabled,
                                           FwMarkerLook         look,
                                           double               x,
                                           double               y);
void         fw_marker_stamps_free        (FwMarkerStamps      *stamps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwMarkerStamps, fw_marker_stamps_free)

G_END_DECLS
