/* fw-wheel-room.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-wheel-room"

#include <math.h>
#include <string.h>

#include "fw-display-number.h"
#include "fw-render-text.h"
#include "fw-wheel-private.h"

/* The periods whose numbers the labels keep room for: the scene's
 * position's period and, between two periods, the next one. */
static guint
room_periods (const FwWheelScene *scene,
              guint               periods[2])
{
  double position = fw_wheel_scene_position (scene);
  double whole = floor (position);

  periods[0] = (guint) whole;
  periods[1] = (guint) whole + 1;
  return position > whole ? 2 : 1;
}

/* @scene as it shows @period exactly. */
static FwWheelScene
scene_at (const FwWheelScene *scene,
          guint               period)
{
  FwWheelScene at = *scene;

  at.period = period;
  at.position = period;
  return at;
}

/* Keeps the wider of @text's width and the room so far (the first
 * period's on a tie). */
static void
keep_wider (PangoLayout *count,
            const char  *text,
            double       value,
            gboolean     first,
            double      *kept_value,
            double      *kept_width)
{
  double width;

  pango_layout_set_text (count, text, -1);
  fw_render_text_size (count, &width, NULL);
  if (first || width > *kept_width)
    {
      *kept_value = value;
      *kept_width = width;
    }
}

/* The values of stage @i over every period whose texts may be the
 * widest: the largest, and the largest below each point where a text
 * drops a decimal or changes unit ("999.5" is wider than "1,000" in
 * some fonts, "99.9k" than "150k"), and the smallest (a minus sign). */
#define N_WIDEST 5

static guint
widest_values (const FwProjection *projection,
               guint               i,
               double              values[N_WIDEST])
{
  static const double below[] = { 999.95, 99950.0, 99950000.0 };
  double most = -INFINITY, least = INFINITY, under[G_N_ELEMENTS (below)];
  guint horizon = fw_projection_get_horizon (projection), n = 0;

  for (guint b = 0; b < G_N_ELEMENTS (below); b++)
    under[b] = -INFINITY;
  for (guint t = 0; t <= horizon; t++)
    {
      double v = fw_projection_get_counts (projection, t)[i];

      if (!isfinite (v))
        {
          values[n++] = v;  /* shown as a dash */
          continue;
        }
      most = MAX (most, v);
      least = MIN (least, v);
      for (guint b = 0; b < G_N_ELEMENTS (below); b++)
        if (fabs (v) < below[b])
          under[b] = MAX (under[b], v);
    }
  if (isfinite (most))
    values[n++] = most;
  if (isfinite (least) && least < 0.0)
    values[n++] = least;
  for (guint b = 0; b < G_N_ELEMENTS (below) && n < N_WIDEST; b++)
    if (isfinite (under[b]) && under[b] != most)
      values[n++] = under[b];
  return MIN (n, N_WIDEST);
}

/* The room of the widest numbers any period of @scene's projection
 * shows: each stage's widest count, the widest referral label, the
 * widest band the layout draws. */
static void
measure_every_period (FwWheelRoom         *room,
                      cairo_t             *cr,
                      const FwWheelLayout *layout,
                      const FwWheelStyle  *style,
                      const FwWheelScene  *scene,
                      PangoLayout         *count)
{
  const FwProjection *projection = scene->projection;
  guint n_stages = MIN (scene->scenario->stages->len, FW_MAX_STAGES);
  guint horizon = fw_projection_get_horizon (projection), busiest = 0;
  FwReferralGeometry referral;
  FwWheelScene at;

  for (guint i = 0; i < n_stages; i++)
    {
      double values[N_WIDEST];
      guint n = widest_values (projection, i, values);

      for (guint k = 0; k < n; k++)
        {
          g_autofree char *exact = fw_display_count (values[k]);
          g_autofree char *compact = fw_display_compact (values[k]);

          keep_wider (count, exact, values[k], k == 0, &room->count[0][i], &room->count_width[0][i]);
          keep_wider (count, compact, values[k], k == 0, &room->count[1][i], &room->count_width[1][i]);
          room->forms_differ = room->forms_differ || g_strcmp0 (exact, compact) != 0;
        }
    }

  /* The referral label at the most referrals; the band as wide as it
   * is ever drawn. */
  for (guint t = 1; t <= horizon; t++)
    if (fw_projection_get_figures (projection, t)->referrals
        > fw_projection_get_figures (projection, busiest)->referrals)
      busiest = t;
  at = scene_at (scene, busiest);
  fw_wheel_referral_geometry (layout, &at, &referral);
  if (referral.shown)
    {
      g_autoptr(PangoLayout) label = fw_wheel_referral_label_layout (cr, layout, style, &at, &referral);

      fw_render_text_size (label, &room->referral_width, &room->referral_height);
      room->band = MAX (referral.width, FW_WHEEL_BAND_WIDEST (layout));
    }
}

void
fw_wheel_room_measure (FwWheelRoom         *room,
                       cairo_t             *cr,
                       const FwWheelLayout *layout,
                       const FwWheelStyle  *style,
                       const FwWheelScene  *scene)
{
  g_autoptr(PangoLayout) count = NULL;
  guint periods[2], n_periods, n_stages;

  g_return_if_fail (room != NULL && cr != NULL && layout != NULL && style != NULL && scene != NULL);

  /* Zeroed whole, padding included: rooms compare field by field. */
  memset (room, 0, sizeof *room);
  if (scene->scenario == NULL)
    return;

  n_periods = room_periods (scene, periods);
  n_stages = MIN (scene->scenario->stages->len, FW_MAX_STAGES);
  /* The counts as fw_wheel_paint_stage_labels() lays them out. */
  count = fw_wheel_text_layout (cr, layout, style, layout->label_size, FALSE, "");
  if (scene->every_period && scene->projection != NULL
      && fw_projection_get_n_stages (scene->projection) == scene->scenario->stages->len)
    {
      measure_every_period (room, cr, layout, style, scene, count);
      return;
    }

  for (guint p = 0; p < n_periods; p++)
    {
      FwWheelScene at = scene_at (scene, periods[p]);
      FwReferralGeometry referral;

      for (guint i = 0; i < n_stages; i++)
        {
          double value = fw_wheel_stage_count (&at, i);
          g_autofree char *exact = fw_display_count (value);
          g_autofree char *compact = fw_display_compact (value);

          keep_wider (count, exact, value, p == 0, &room->count[0][i], &room->count_width[0][i]);
          keep_wider (count, compact, value, p == 0, &room->count[1][i], &room->count_width[1][i]);
          room->forms_differ = room->forms_differ || g_strcmp0 (exact, compact) != 0;
        }

      fw_wheel_referral_geometry (layout, &at, &referral);
      if (referral.shown)
        {
          g_autoptr(PangoLayout) label = fw_wheel_referral_label_layout (cr, layout, style, &at, &referral);
          double width, height;

          fw_render_text_size (label, &width, &height);
          if (width > room->referral_width)
            {
              room->referral_width = width;
              room->referral_height = height;
            }
          room->band = MAX (room->band, referral.width);
        }
    }
}

double
fw_wheel_room_key (const FwWheelScene *scene)
{
  guint periods[2];

  g_return_val_if_fail (scene != NULL, 0.0);

  /* Every period's room is the same. */
  if (scene->every_period)
    return 0.0;
  return room_periods (scene, periods) == 2 ? periods[0] + 0.5 : periods[0];
}

void
fw_wheel_room_widen (FwWheelRoom       *room,
                     const FwWheelRoom *other)
{
  g_return_if_fail (room != NULL && other != NULL);

  for (guint form = 0; form < 2; form++)
    for (guint i = 0; i < FW_MAX_STAGES; i++)
      if (other->count_width[form][i] > room->count_width[form][i])
        {
          room->count[form][i] = other->count[form][i];
          room->count_width[form][i] = other->count_width[form][i];
        }
  room->forms_differ = room->forms_differ || other->forms_differ;
  room->referral_width = MAX (room->referral_width, other->referral_width);
  room->referral_height = MAX (room->referral_height, other->referral_height);
  room->band = MAX (room->band, other->band);
}

gboolean
fw_wheel_room_same_places (const FwWheelRoom *a,
                           const FwWheelRoom *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* The numbers themselves do not move a label: only their widths. */
  return memcmp (a->count_width, b->count_width, sizeof a->count_width) == 0 &&
         a->forms_differ == b->forms_differ &&
         a->referral_width == b->referral_width &&
         a->referral_height == b->referral_height &&
         a->band == b->band;
}
