/* test-render.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-render"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "fw-display-number.h"
#include "fw-engine.h"
#include "fw-figures-card.h"
#include "fw-period-blend.h"
#include "fw-render-text.h"
#include "fw-templates.h"
#include "fw-test-client.h"
#include "fw-tween.h"
#include "fw-wheel-layout.h"
#include "fw-wheel-motion.h"
#include "fw-wheel-painter.h"
#include "fw-wheel-private.h"

/* Data ------------------------------------------------------------------ */

static FwStage *
add_stage (FwScenario *scenario,
           const char *name,
           const char *color,
           double      count,
           double      advance,
           double      referral,
           double      weight)
{
  FwStage *stage = fw_stage_new (name, scenario->stages->len);

  g_strlcpy (stage->color, color, sizeof stage->color);
  stage->count = count;
  stage->advance = advance;
  stage->loss = 0.05;
  stage->referral = referral;
  stage->weight = weight;
  g_ptr_array_add (scenario->stages, stage);

  return stage;
}

static FwPoint *
add_point (FwScenario  *scenario,
           FwPointKind  kind,
           double       angle,
           gboolean     enabled)
{
  FwPoint *point = fw_point_new ("Point", angle);

  point->kind = kind;
  point->enabled = enabled;
  g_ptr_array_add (scenario->points, point);

  return point;
}

/* Four stages of unequal weight in colours far apart, turning. */
static FwScenario *
make_scenario (void)
{
  FwScenario *scenario = fw_scenario_new ("Test");

  scenario->inflow = 100;
  add_stage (scenario, "Attract", "#1c71d8", 1000, 0.3, 0.0, 1.0);
  add_stage (scenario, "Engage", "#9141ac", 500, 0.2, 0.0, 2.0);
  add_stage (scenario, "Buy", "#e5a50a", 300, 0.1, 0.0, 0.5);
  add_stage (scenario, "Delight", "#26a269", 800, 0.0, 0.1, 1.5);
  return scenario;
}

typedef struct
{
  FwScenario    *scenario;
  FwProjection  *projection;
  FwWheelLayout  layout;
  FwWheelStyle   style;
  FwWheelScene   scene;
} Fixture;

static void
fixture_init (Fixture    *f,
              FwScenario *scenario,
              double      width,
              double      height)
{
  f->scenario = scenario;
  f->projection = fw_projection_new ();
  fw_projection_run (f->projection, scenario, 12);
  fw_wheel_layout_compute (&f->layout, width, height);
  fw_wheel_style_init_light (&f->style);
  fw_wheel_scene_init (&f->scene);
  f->scene.scenario = scenario;
  f->scene.projection = f->projection;
  f->scene.period_label = "month";
  f->scene.momentum_shown = fw_projection_get_figures (f->projection, 0)->momentum;
}

static void
fixture_clear (Fixture *f)
{
  fw_projection_free (f->projection);
  fw_scenario_unref (f->scenario);
}

/* Layout ---------------------------------------------------------------- */

static void
test_layout_sizes (void)
{
  FwWheelLayout small, large;

  fw_wheel_layout_compute (&small, 200, 200);
  fw_wheel_layout_compute (&large, 1920, 1080);

  /* Readable from the back of a room at any size, larger when larger. */
  g_assert_cmpfloat (small.label_size, >=, 12.0);
  g_assert_cmpfloat (large.label_size, >, small.label_size);
  g_assert_cmpfloat (large.figure_size, >, large.label_size);

  /* Centred, inside the area, parts nested. */
  g_assert_cmpfloat (large.cx, ==, 960.0);
  g_assert_cmpfloat (large.cy, ==, 540.0);
  g_assert_cmpfloat (large.rim + large.marker, <, 540.0);
  g_assert_cmpfloat (large.hub, <, large.inner);
  g_assert_cmpfloat (large.inner, <, large.outer);
  g_assert_cmpfloat (large.outer, <=, large.rim);
  g_assert_cmpfloat (small.hub, >, 0.0);
  g_assert_cmpfloat (small.inner, <, small.outer);
}

/* Zooming in makes the text larger and keeps the ring large: at every
 * step up to the largest (2x) the ring keeps most of its radius (90%
 * where the area has the room above it for the referral label, 80% in
 * the editor's low wheel at 1280x720), its text grows by the step, and
 * the referral label over it stays inside the area. */
static void
test_layout_text_scale_keeps_ring (void)
{
  static const double steps[] = { 1.15, 1.3, 1.5, 1.75, 2.0 };
  /* The editor's wheel at 1280x720, presenting's there, a large area. */
  static const struct { double width, height, min_size; gboolean names; } areas[] = {
    { 608, 340, 0.0, FALSE }, { 906, 710, 18.0, TRUE }, { 1200, 900, 0.0, FALSE },
  };

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      FwWheelText plain_text = { 1.0, areas[a].min_size, areas[a].names };
      FwWheelLayout plain;

      fw_wheel_layout_compute_text (&plain, areas[a].width, areas[a].height, &plain_text);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          FwWheelText text = { steps[i], areas[a].min_size, areas[a].names };
          FwReferralGeometry referral;
          cairo_surface_t *surface;
          FwWheelRoom room;
          double box[4];
          cairo_t *cr;
          Fixture f;

          fixture_init (&f, make_scenario (), areas[a].width, areas[a].height);
          fw_wheel_layout_compute_text (&f.layout, areas[a].width, areas[a].height, &text);
          g_test_message ("%gx%g at %gx: ring %.1f px across (%.1f normal), names %.1f px",
                          areas[a].width, areas[a].height, steps[i], 2.0 * f.layout.outer,
                          2.0 * plain.outer, f.layout.label_size);
          g_assert_cmpfloat (f.layout.label_size, >=, plain.label_size * steps[i] - 1e-9);
          g_assert_cmpfloat (f.layout.outer, >=, plain.outer * (steps[i] <= 1.5 ? 0.88 : 0.8));
          g_assert_cmpfloat (f.layout.inner, <, f.layout.outer);
          g_assert_cmpfloat (f.layout.hub, >, 0.0);

          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) areas[a].width,
                                                (int) areas[a].height);
          cr = cairo_create (surface);
          fw_wheel_room_measure (&room, cr, &f.layout, &f.style, &f.scene);
          fw_wheel_kept_referral (&f.layout, &f.scene, &room, &referral, box);
          g_assert_cmpfloat (box[1], >=, 0.0);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          fixture_clear (&f);
        }
    }
}

static void
test_layout_polar (void)
{
  FwWheelLayout layout;
  double x, y, degrees, distance;

  fw_wheel_layout_compute (&layout, 800, 600);

  /* 12 o'clock is 0, clockwise: 3 o'clock is 90. */
  fw_wheel_layout_position (&layout, 0, 100, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 200, 1e-9);
  fw_wheel_layout_position (&layout, 90, 100, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 300, 1e-9);

  for (double a = 0; a < 360; a += 7.5)
    {
      fw_wheel_layout_position (&layout, a, 123, &x, &y);
      fw_wheel_layout_polar (&layout, x, y, &degrees, &distance);
      g_assert_cmpfloat_with_epsilon (degrees, a, 1e-9);
      g_assert_cmpfloat_with_epsilon (distance, 123, 1e-9);
    }
  /* Just left of 12 o'clock is just below 360, never 360 itself. */
  fw_wheel_layout_polar (&layout, 400 - 1e-12, 100, &degrees, NULL);
  g_assert_cmpfloat (degrees, <, 360.0);
  g_assert_cmpfloat (degrees, >=, 0.0);

  g_assert_cmpfloat_with_epsilon (fw_wheel_layout_radians (0), -G_PI / 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (fw_wheel_layout_radians (90), 0, 1e-12);
}

static void
test_layout_hit_stages (void)
{
  g_autoptr(FwScenario) scenario = make_scenario ();
  FwWheelLayout layout;
  double mid_radius;
  guint index = 999;

  fw_wheel_layout_compute (&layout, 900, 700);
  mid_radius = (layout.inner + layout.outer) / 2;

  for (guint i = 0; i < scenario->stages->len; i++)
    {
      double start, end, x, y;

      fw_scenario_stage_arc (scenario, i, &start, &end);
      fw_wheel_layout_position (&layout, (start + end) / 2, mid_radius, &x, &y);
      g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x, y, &index), ==, FW_WHEEL_HIT_STAGE);
      g_assert_cmpuint (index, ==, i);
    }

  /* Anywhere on the ring, the engine's own rule decides, boundaries
   * included. */
  for (double a = 0; a < 360; a += 0.37)
    {
      double x, y;

      fw_wheel_layout_position (&layout, a, mid_radius, &x, &y);
      g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x, y, &index), ==, FW_WHEEL_HIT_STAGE);
      g_assert_cmpuint (index, ==, fw_scenario_stage_at_angle (scenario, a));
    }

  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, layout.cx, layout.cy, NULL),
                   ==, FW_WHEEL_HIT_HUB);
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, 1, 1, NULL), ==, FW_WHEEL_HIT_NONE);
  /* Between the hub and the ring (the tread) is nothing to click. */
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, layout.cx,
                                        layout.cy - (layout.hub + layout.inner) / 2, NULL),
                   ==, FW_WHEEL_HIT_NONE);
}

static void
test_layout_hit_points (void)
{
  g_autoptr(FwScenario) scenario = make_scenario ();
  FwWheelLayout layout;
  guint index = 999;
  double x, y;

  add_point (scenario, FW_POINT_FRICTION, 40, TRUE);
  add_point (scenario, FW_POINT_FORCE, 200, FALSE);
  add_point (scenario, FW_POINT_FRICTION, 202, TRUE);  /* overlaps the one before */
  add_point (scenario, FW_POINT_FORCE, -30, TRUE);     /* any finite angle */
  fw_wheel_layout_compute (&layout, 1000, 800);

  fw_wheel_layout_position (&layout, 40, layout.rim, &x, &y);
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x, y, &index), ==, FW_WHEEL_HIT_POINT);
  g_assert_cmpuint (index, ==, 0);
  /* On the edge of the marker still hits, just past it does not. */
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x, y - layout.marker * 0.95, &index),
                   ==, FW_WHEEL_HIT_POINT);
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x + layout.marker * 1.1 * cos (G_PI / 4),
                                        y - layout.marker * 1.1 * sin (G_PI / 4), &index),
                   !=, FW_WHEEL_HIT_POINT);

  /* Points 2 degrees apart, whose markers would hide each other, fan
   * out round their middle: each drawn whole, each hit at its own place;
   * a lone point's marker stays at its angle. */
  {
    g_autofree double *angles = fw_wheel_layout_marker_angles (&layout, scenario);
    double x1, y1, x2, y2;

    g_assert_cmpfloat (angles[0], ==, 40);
    g_assert_cmpfloat (angles[3], ==, -30);
    g_assert_cmpfloat_with_epsilon ((angles[1] + angles[2]) / 2, 201, 1e-9);
    fw_wheel_layout_position (&layout, angles[1], layout.rim, &x1, &y1);
    fw_wheel_layout_position (&layout, angles[2], layout.rim, &x2, &y2);
    g_assert_cmpfloat (hypot (x2 - x1, y2 - y1), >=, 2 * layout.marker);
    g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x1, y1, &index), ==, FW_WHEEL_HIT_POINT);
    g_assert_cmpuint (index, ==, 1);
    g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x2, y2, &index), ==, FW_WHEEL_HIT_POINT);
    g_assert_cmpuint (index, ==, 2);
  }

  /* Ten points dropped at the same angle: ten markers, none on another. */
  {
    g_autoptr(FwScenario) crowded = make_scenario ();
    g_autofree double *angles = NULL;

    for (guint k = 0; k < 10; k++)
      add_point (crowded, FW_POINT_FRICTION, 100, TRUE);
    angles = fw_wheel_layout_marker_angles (&layout, crowded);
    for (guint k = 0; k < 10; k++)
      for (guint j = k + 1; j < 10; j++)
        {
          double xa, ya, xb, yb;

          fw_wheel_layout_position (&layout, angles[k], layout.rim, &xa, &ya);
          fw_wheel_layout_position (&layout, angles[j], layout.rim, &xb, &yb);
          g_assert_cmpfloat (hypot (xb - xa, yb - ya), >=, 2 * layout.marker - 1e-6);
        }
  }

  /* Across the top of the wheel, where 359 degrees meets 0: points at
   * 359.5 and 0.5 fan out round 0 like any others, and the lone point
   * at 40 stays. */
  {
    g_autoptr(FwScenario) seam = make_scenario ();
    g_autofree double *angles = NULL;
    double xa, ya, xb, yb, xc, yc;

    add_point (seam, FW_POINT_FRICTION, 359.5, TRUE);
    add_point (seam, FW_POINT_FORCE, 0.5, TRUE);
    add_point (seam, FW_POINT_FORCE, 40, TRUE);
    angles = fw_wheel_layout_marker_angles (&layout, seam);
    fw_wheel_layout_position (&layout, angles[0], layout.rim, &xa, &ya);
    fw_wheel_layout_position (&layout, angles[1], layout.rim, &xb, &yb);
    fw_wheel_layout_position (&layout, angles[2], layout.rim, &xc, &yc);
    g_assert_cmpfloat (hypot (xb - xa, yb - ya), >=, 2 * layout.marker - 1e-6);
    /* Round their middle, the top: the friction left of it, the force
     * right of it, as their angles are. */
    g_assert_cmpfloat_with_epsilon ((xa + xb) / 2, layout.cx, 1e-6);
    g_assert_cmpfloat (xa, <, layout.cx);
    g_assert_cmpfloat (xb, >, layout.cx);
    g_assert_cmpfloat (angles[2], ==, 40);
    g_assert_cmpint (fw_wheel_layout_hit (&layout, seam, xa, ya, &index), ==, FW_WHEEL_HIT_POINT);
    g_assert_cmpuint (index, ==, 0);
    g_assert_cmpint (fw_wheel_layout_hit (&layout, seam, xb, yb, &index), ==, FW_WHEEL_HIT_POINT);
    g_assert_cmpuint (index, ==, 1);
  }

  fw_wheel_layout_position (&layout, 330, layout.rim, &x, &y);
  g_assert_cmpint (fw_wheel_layout_hit (&layout, scenario, x, y, &index), ==, FW_WHEEL_HIT_POINT);
  g_assert_cmpuint (index, ==, 3);
}

static void
test_layout_is_off (void)
{
  FwWheelLayout layout;
  double x, y;

  fw_wheel_layout_compute (&layout, 1000, 1000);
  fw_wheel_layout_position (&layout, 123, layout.rim, &x, &y);
  g_assert_false (fw_wheel_layout_is_off (&layout, x, y));
  g_assert_false (fw_wheel_layout_is_off (&layout, layout.cx, layout.cy));
  fw_wheel_layout_position (&layout, 123, layout.outer + layout.marker * 1.5, &x, &y);
  g_assert_false (fw_wheel_layout_is_off (&layout, x, y));
  fw_wheel_layout_position (&layout, 123, layout.outer + layout.marker * 3, &x, &y);
  g_assert_true (fw_wheel_layout_is_off (&layout, x, y));
}

/* Motion ---------------------------------------------------------------- */

static void
test_motion_rest (void)
{
  FwWheelMotion motion;

  fw_wheel_motion_init (&motion);
  g_assert_false (fw_wheel_motion_is_moving (&motion));

  /* Nothing moving, nobody on the wheel, or figures out of range: rest. */
  fw_wheel_motion_set_target (&motion, 0, 1000);
  g_assert_cmpfloat (motion.target_speed, ==, 0);
  fw_wheel_motion_set_target (&motion, 100, 0);
  g_assert_cmpfloat (motion.target_speed, ==, 0);
  fw_wheel_motion_set_target (&motion, INFINITY, 1000);
  g_assert_cmpfloat (motion.target_speed, ==, 0);
  fw_wheel_motion_set_target (&motion, NAN, 1000);
  g_assert_cmpfloat (motion.target_speed, ==, 0);
  fw_wheel_motion_set_target (&motion, 100, INFINITY);
  g_assert_cmpfloat (motion.target_speed, ==, 0);
  /* A turn in days is no visible motion: no frames are spent on it. */
  fw_wheel_motion_set_target (&motion, 1e-6, 1e12);
  g_assert_cmpfloat (motion.target_speed, ==, 0);

  g_assert_false (fw_wheel_motion_advance (&motion, 0.016));
  g_assert_cmpfloat (motion.rotation, ==, 0);
  g_assert_cmpfloat (motion.flow_phase, ==, 0);
}

static void
test_motion_speed (void)
{
  FwWheelMotion motion;
  double slow, typical, fast, runaway;

  fw_wheel_motion_init (&motion);
  fw_wheel_motion_set_target (&motion, 50, 1000);
  slow = motion.target_speed;
  fw_wheel_motion_set_target (&motion, 200, 1000);
  typical = motion.target_speed;
  fw_wheel_motion_set_target (&motion, 1000, 1000);
  fast = motion.target_speed;
  fw_wheel_motion_set_target (&motion, 1e9, 1000);
  runaway = motion.target_speed;

  /* Rises with the share moving, saturating: a typical wheel turns once
   * in 10 to 30 s, a runaway one never faster than once in 6 s. */
  g_assert_cmpfloat (slow, >, 0);
  g_assert_cmpfloat (slow, <, typical);
  g_assert_cmpfloat (typical, <, fast);
  g_assert_cmpfloat (fast, <=, runaway);
  g_assert_cmpfloat (360.0 / typical, >=, 10.0);
  g_assert_cmpfloat (360.0 / typical, <=, 30.0);
  g_assert_cmpfloat (360.0 / runaway, >=, 6.0);
}

static void
test_motion_eases (void)
{
  FwWheelMotion motion;
  double target, previous = 0;

  fw_wheel_motion_init (&motion);
  fw_wheel_motion_set_target (&motion, 250, 1000);
  target = motion.target_speed;

  /* Eases up, never jumps or overshoots, and is most of the way there
   * after a second. */
  g_assert_true (fw_wheel_motion_advance (&motion, 1.0 / 60));
  g_assert_cmpfloat (motion.speed, >, 0);
  g_assert_cmpfloat (motion.speed, <, target * 0.1);
  for (guint i = 0; i < 59; i++)
    {
      g_assert_true (fw_wheel_motion_advance (&motion, 1.0 / 60));
      g_assert_cmpfloat (motion.speed, >, previous);
      g_assert_cmpfloat (motion.speed, <=, target);
      previous = motion.speed;
    }
  g_assert_cmpfloat (motion.speed, >, target * 0.8);
  g_assert_cmpfloat (motion.rotation, >, 0);
  g_assert_cmpfloat (motion.rotation, <, 360);
  g_assert_cmpfloat (motion.flow_phase, >=, 0);
  g_assert_cmpfloat (motion.flow_phase, <, 1);

  /* Stopping eases down too, then comes to rest exactly. */
  fw_wheel_motion_set_target (&motion, 0, 1000);
  g_assert_true (fw_wheel_motion_advance (&motion, 1.0 / 60));
  g_assert_cmpfloat (motion.speed, >, 0);
  for (guint i = 0; i < 600 && fw_wheel_motion_advance (&motion, 1.0 / 60); i++)
    ;
  g_assert_false (fw_wheel_motion_is_moving (&motion));
  g_assert_cmpfloat (motion.speed, ==, 0);
  g_assert_false (fw_wheel_motion_advance (&motion, 1.0 / 60));
}

static void
test_motion_clamps (void)
{
  FwWheelMotion a, b;

  fw_wheel_motion_init (&a);
  fw_wheel_motion_set_target (&a, 300, 1000);
  a.speed = a.target_speed;
  b = a;

  /* A window back from hidden after a minute moves on one short frame
   * gap, not a minute's worth; time never runs backwards. */
  fw_wheel_motion_advance (&a, 60.0);
  fw_wheel_motion_advance (&b, 0.1);
  g_assert_cmpfloat (a.rotation, ==, b.rotation);
  g_assert_cmpfloat (a.rotation, <, 10);

  b = a;
  fw_wheel_motion_advance (&a, -5.0);
  fw_wheel_motion_advance (&a, NAN);
  g_assert_cmpfloat (a.rotation, ==, b.rotation);

  /* Rotation stays in [0, 360) however long it turns. */
  for (guint i = 0; i < 10000; i++)
    fw_wheel_motion_advance (&a, 0.1);
  g_assert_cmpfloat (a.rotation, >=, 0);
  g_assert_cmpfloat (a.rotation, <, 360);
}

/* Tween ----------------------------------------------------------------- */

static void
test_tween (void)
{
  const gint64 d = FW_TWEEN_DURATION_US;
  FwTween tween;
  double mid;

  fw_tween_init (&tween, 10);
  g_assert_cmpfloat (fw_tween_value (&tween, 0), ==, 10);
  g_assert_true (fw_tween_is_done (&tween, 0));

  fw_tween_retarget (&tween, 110, 1000, d);
  g_assert_cmpfloat (fw_tween_value (&tween, 1000), ==, 10);
  g_assert_false (fw_tween_is_done (&tween, 1000));
  /* Ease-out cubic: at half time, 1 - 0.5^3 = 87.5% of the way. */
  mid = fw_tween_value (&tween, 1000 + d / 2);
  g_assert_cmpfloat_with_epsilon (mid, 10 + 100 * 0.875, 1e-9);
  g_assert_cmpfloat (fw_tween_value (&tween, 1000 + d), ==, 110);
  g_assert_cmpfloat (fw_tween_value (&tween, 1000 + 10 * d), ==, 110);
  g_assert_true (fw_tween_is_done (&tween, 1000 + d));

  /* A new target midway starts from what is shown, without a jump. */
  fw_tween_retarget (&tween, 0, 1000 + d, d);
  fw_tween_retarget (&tween, 50, 1000 + d + d / 2, d);
  g_assert_cmpfloat_with_epsilon (tween.from, 110 - 110 * 0.875, 1e-9);

  /* No duration, or a value out of range: shown at once. */
  fw_tween_retarget (&tween, 7, 5000, 0);
  g_assert_cmpfloat (fw_tween_value (&tween, 5000), ==, 7);
  g_assert_true (fw_tween_is_done (&tween, 5000));
  fw_tween_retarget (&tween, INFINITY, 6000, d);
  g_assert_true (isinf (fw_tween_value (&tween, 6000)));
  g_assert_true (fw_tween_is_done (&tween, 6000));
  fw_tween_retarget (&tween, 3, 7000, d);
  g_assert_cmpfloat (fw_tween_value (&tween, 7000), ==, 3);
  fw_tween_retarget (&tween, NAN, 8000, d);
  g_assert_true (isnan (fw_tween_value (&tween, 8001)));
}

/* Display numbers ------------------------------------------------------- */

static void
assert_text (char       *text,
             const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_number_count (void)
{
  assert_text (fw_display_count (0), "0");
  assert_text (fw_display_count (-0.0), "0");
  assert_text (fw_display_count (0.35), "0.35");
  assert_text (fw_display_count (0.3), "0.3");
  assert_text (fw_display_count (0.001), "0");
  assert_text (fw_display_count (2.44), "2.4");
  assert_text (fw_display_count (9.94), "9.9");
  /* Whole people from 10 up: "848" beside "1521", never "848.4". */
  assert_text (fw_display_count (9.96), "10");
  assert_text (fw_display_count (12.64), "13");
  assert_text (fw_display_count (12.0), "12");
  assert_text (fw_display_count (848.4), "848");
  assert_text (fw_display_count (999.4), "999");
  assert_text (fw_display_count (999.96), "1000");   /* no grouping in C.UTF-8 */
  assert_text (fw_display_count (1234.5), "1234");
  assert_text (fw_display_count (1e12), "1000000000000");
  assert_text (fw_display_count (999999999999999.0), "999999999999999");
  /* Run away past a thousand trillion: a power of ten, never sixty
   * digits read as an exact count. */
  assert_text (fw_display_count (4.4198e57), "4.4 × 10⁵⁷");
  assert_text (fw_display_count (-1e15), "−1 × 10¹⁵");
  assert_text (fw_display_change (2.04e20), "+2 × 10²⁰");
  assert_text (fw_display_change (-2.04e20), "−2 × 10²⁰");
  assert_text (fw_display_count (-5), "−5");
  assert_text (fw_display_count (INFINITY), "—");
  assert_text (fw_display_count (NAN), "—");
}

static void
test_number_compact (void)
{
  assert_text (fw_display_compact (950), "950");
  assert_text (fw_display_compact (12.6), "13");    /* whole people, as fw_display_count () */
  assert_text (fw_display_compact (2.44), "2.4");
  assert_text (fw_display_compact (1000), "1k");
  /* Three significant digits: 1,135 and 1,116 read apart, not both
   * "1.1k" (user review V10-11). */
  assert_text (fw_display_compact (1135), "1.14k");
  assert_text (fw_display_compact (1116), "1.12k");
  assert_text (fw_display_compact (1100), "1.1k");
  assert_text (fw_display_compact (9996), "10k");
  assert_text (fw_display_compact (12600), "12.6k");
  assert_text (fw_display_compact (99960), "100k");
  assert_text (fw_display_compact (1234567), "1.23M");
  assert_text (fw_display_compact (126000), "126k");
  assert_text (fw_display_compact (999999), "1M");
  assert_text (fw_display_compact (3.4e6), "3.4M");
  assert_text (fw_display_compact (1.2e9), "1.2B");
  assert_text (fw_display_compact (5e12), "5T");
  /* A runaway wheel's figures, as a power of ten people read. */
  assert_text (fw_display_compact (3.5e40), "3.5 × 10⁴⁰");
  assert_text (fw_display_compact (1e16), "1 × 10¹⁶");
  assert_text (fw_display_compact (1.6e308), "1.6 × 10³⁰⁸");
  assert_text (fw_display_compact (-9.97e20), "−1 × 10²¹");
  assert_text (fw_display_compact (-12600), "−12.6k");
  assert_text (fw_display_compact (-INFINITY), "—");
}

static void
test_number_change (void)
{
  assert_text (fw_display_change (12), "+12");
  assert_text (fw_display_change (-3.5), "−3.5");
  assert_text (fw_display_change (647.5), "+648");
  assert_text (fw_display_change (0), "±0");
  assert_text (fw_display_change (-0.0001), "±0");
  assert_text (fw_display_change (2500), "+2500");
  assert_text (fw_display_change (NAN), "—");
}

/* A figure's difference from another's, as the tables that compare
 * scenarios write it (the window's Compare page and the report). */
static void
test_number_difference (void)
{
  assert_text (fw_display_difference (1360.83, 1676.86, FALSE), "+316");
  assert_text (fw_display_difference (586.31, 291.7, FALSE), "−295");
  assert_text (fw_display_difference (12.1, 4.4, FALSE), "−7.7");
  assert_text (fw_display_difference (1.138, 1.529, TRUE), "+0.39");
  assert_text (fw_display_difference (1.529, 1.138, TRUE), "−0.39");
  /* Gains that read apart by a rounding: the step shown, never "+0.00". */
  assert_text (fw_display_difference (0.0349, 0.0351, TRUE), "+0.01");
  assert_text (fw_display_difference (0.0351, 0.0349, TRUE), "−0.01");
  /* Nothing where the two read the same, or one is not a number. */
  g_assert_null (fw_display_difference (1361.2, 1360.9, FALSE));
  g_assert_null (fw_display_difference (0.001, 0.004, TRUE));
  g_assert_null (fw_display_difference (NAN, 12, FALSE));
  g_assert_null (fw_display_difference (12, INFINITY, FALSE));
}

static void
test_number_percent_gain (void)
{
  assert_text (fw_display_percent (0.35), "35%");
  assert_text (fw_display_percent (0.025), "2.5%");
  assert_text (fw_display_percent (0.05), "5%");
  assert_text (fw_display_percent (1), "100%");
  assert_text (fw_display_percent (0), "0%");
  assert_text (fw_display_percent (-0.2), "−20%");
  assert_text (fw_display_percent (NAN), "—");

  assert_text (fw_display_gain (0.84), "0.84");
  assert_text (fw_display_gain (1), "1.00");
  /* Just short of self-sustaining never reads as 1.00. */
  assert_text (fw_display_gain (0.9996), "0.99");
  assert_text (fw_display_gain (12.345), "12.3");
  assert_text (fw_display_gain (INFINITY), "∞");
  assert_text (fw_display_gain (NAN), "—");
}

static void
test_number_grouping (void)
{
  static const char * const locales[] = { "en_US.UTF-8", "en_GB.UTF-8", "C.UTF-8" };
  const char *found = NULL;
  char *text;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_ALL, locales[i]) != NULL && strcmp (locales[i], "C.UTF-8") != 0)
      found = locales[i];
  if (found == NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("no English locale installed to check grouping");
      return;
    }

  text = fw_display_count (1234567.8);
  g_assert_cmpstr (text, ==, "1,234,568");
  g_free (text);
  text = fw_display_change (-2500);
  g_assert_cmpstr (text, ==, "−2,500");
  g_free (text);
  /* Every digit, grouped the same way. */
  assert_text (fw_display_exact (1e12), "1,000,000,000,000");
  assert_text (fw_display_exact (99999999999999.0), "99,999,999,999,999");
  assert_text (fw_display_exact (-1234567.25), "−1,234,567.25");
  assert_text (fw_display_exact (100.04), "100.04");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The numbers a message repeats: never rounded, "—" when not finite. */
static void
test_number_exact (void)
{
  assert_text (fw_display_exact (0), "0");
  assert_text (fw_display_exact (-0.0), "0");
  assert_text (fw_display_exact (100.04), "100.04");   /* not the limit 100 */
  assert_text (fw_display_exact (0.1), "0.1");
  assert_text (fw_display_exact (1234.5), "1234.5");   /* no grouping in C.UTF-8 */
  assert_text (fw_display_exact (1e12), "1000000000000");
  assert_text (fw_display_exact (-5), "−5");
  assert_text (fw_display_exact (1e-8), "1e-8");
  assert_text (fw_display_exact (1.5e22), "1.5e+22");
  assert_text (fw_display_exact (INFINITY), "—");
  assert_text (fw_display_exact (NAN), "—");
}

/* Painting -------------------------------------------------------------- */

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           rgba[4])
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;
  double a;

  cairo_surface_flush (surface);
  p = *(const guint32 *) (data + (int) y * stride + (int) x * 4);
  a = ((p >> 24) & 0xff) / 255.0;
  rgba[3] = a;
  /* Premultiplied ARGB: unpremultiply. */
  rgba[0] = a > 0 ? ((p >> 16) & 0xff) / 255.0 / a : 0;
  rgba[1] = a > 0 ? ((p >> 8) & 0xff) / 255.0 / a : 0;
  rgba[2] = a > 0 ? (p & 0xff) / 255.0 / a : 0;
}

static cairo_surface_t *
paint_to_image (Fixture *f,
                void   (*paint) (cairo_t *, const FwWheelLayout *, const FwWheelStyle *,
                                 const FwWheelScene *),
                gboolean opaque)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) f->layout.width,
                                                         (int) f->layout.height);
  cairo_t *cr = cairo_create (surface);

  if (opaque)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  paint (cr, &f->layout, &f->style, &f->scene);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
test_paint_stage_colours (void)
{
  Fixture f;
  cairo_surface_t *surface;

  fixture_init (&f, make_scenario (), 700, 600);
  surface = paint_to_image (&f, fw_wheel_paint_static, FALSE);

  /* Across the middle of each band, away from its label (which sits near
   * the middle of the arc), the arc is the stage's colour. */
  for (guint i = 0; i < f.scenario->stages->len; i++)
    {
      const FwStage *stage = fw_scenario_get_stage (f.scenario, i);
      guint value = (guint) g_ascii_strtoull (stage->color + 1, NULL, 16);
      double start, end, x, y, rgba[4];

      fw_scenario_stage_arc (f.scenario, i, &start, &end);
      fw_wheel_layout_position (&f.layout, start + (end - start) * 0.06,
                                (f.layout.inner + f.layout.outer) / 2, &x, &y);
      pixel_at (surface, x, y, rgba);
      g_assert_cmpfloat (rgba[3], ==, 1.0);
      g_assert_cmpfloat_with_epsilon (rgba[0], ((value >> 16) & 0xff) / 255.0, 0.01);
      g_assert_cmpfloat_with_epsilon (rgba[1], ((value >> 8) & 0xff) / 255.0, 0.01);
      g_assert_cmpfloat_with_epsilon (rgba[2], (value & 0xff) / 255.0, 0.01);
    }

  /* Outside the ring, left and right of the referral flow, nothing. */
  {
    double rgba[4];

    pixel_at (surface, 2, f.layout.height - 2, rgba);
    g_assert_cmpfloat (rgba[3], ==, 0.0);
  }

  cairo_surface_destroy (surface);
  fixture_clear (&f);
}


/* Whether the arc of @stage shows in its own colour at (@x, @y). */
static gboolean
stage_coloured (Fixture         *f,
                cairo_surface_t *surface,
                guint            stage)
{
  const FwStage *s = fw_scenario_get_stage (f->scenario, stage);
  guint value = (guint) g_ascii_strtoull (s->color + 1, NULL, 16);
  double start, end, x, y, rgba[4];

  fw_scenario_stage_arc (f->scenario, stage, &start, &end);
  fw_wheel_layout_position (&f->layout, start + (end - start) * 0.06,
                            (f->layout.inner + f->layout.outer) / 2, &x, &y);
  pixel_at (surface, x, y, rgba);
  return fabs (rgba[0] - ((value >> 16) & 0xff) / 255.0) < 0.02
         && fabs (rgba[1] - ((value >> 8) & 0xff) / 255.0) < 0.02
         && fabs (rgba[2] - (value & 0xff) / 255.0) < 0.02;
}

/* Ink at the marker of @point. */
static double
marker_ink (Fixture         *f,
            cairo_surface_t *surface,
            guint            point)
{
  double x, y, rgba[4];

  fw_wheel_layout_position (&f->layout, fw_scenario_get_point (f->scenario, point)->angle,
                            f->layout.rim, &x, &y);
  pixel_at (surface, x, y, rgba);
  return rgba[3];
}

/* A guided reveal, drawn as the screen and an export draw it: the first
 * n stages at step n, then the referral loop, then the points. */
static void
test_paint_reveal (void)
{
  FwScenario *scenario = make_scenario ();
  guint n = scenario->stages->len, last;
  Fixture f;

  add_point (scenario, FW_POINT_FRICTION, 40, TRUE);
  fixture_init (&f, scenario, 700, 600);
  last = fw_wheel_reveal_last_step (scenario);
  g_assert_cmpuint (last, ==, n + 2);

  for (guint step = 0; step <= last + 1; step++)
    {
      cairo_surface_t *surface;
      FwReferralGeometry referral;
      double x, y, rgba[4];

      fw_wheel_scene_set_reveal (&f.scene, step == last + 1 ? -1 : (int) step);
      surface = paint_to_image (&f, fw_wheel_paint_static, FALSE);
      for (guint i = 0; i < n; i++)
        g_assert_true (stage_coloured (&f, surface, i) == (i < step));

      /* The referral band, at 12 o'clock, from step n + 1. */
      fw_wheel_referral_geometry (&f.layout, &f.scene, &referral);
      fw_wheel_layout_position (&f.layout, 0.0, referral.radius, &x, &y);
      pixel_at (surface, x, y, rgba);
      g_assert_true ((rgba[3] > 0.3) == (step >= n + 1));
      /* The point's marker, last. */
      g_assert_true ((marker_ink (&f, surface, 0) > 0.5) == (step >= n + 2));
      cairo_surface_destroy (surface);
    }
  fixture_clear (&f);
}

/* Presenting's text: a floor for every size the wheel lays out, point
 * names included, measured as the render layer makes its text. */
static void
test_paint_text_floor (void)
{
  FwScenario *scenario = make_scenario ();
  FwWheelText text = { 1.0, 24.0, TRUE };
  cairo_surface_t *surface;
  Fixture f;

  add_point (scenario, FW_POINT_FRICTION, 40, TRUE);
  add_point (scenario, FW_POINT_FORCE, 200, TRUE);
  fixture_init (&f, scenario, 900, 700);
  fw_wheel_layout_compute_text (&f.layout, 900, 700, &text);
  g_assert_cmpfloat (f.layout.label_size, >=, 24.0);
  f.scene.point_names = TRUE;

  fw_render_text_reset_smallest ();
  surface = paint_to_image (&f, fw_wheel_paint, FALSE);
  g_assert_cmpfloat (fw_render_text_get_smallest (), >=, 24.0);
  cairo_surface_destroy (surface);

  /* A larger text scale never makes the text smaller. */
  {
    FwWheelLayout larger;
    FwWheelText scaled = { 1.5, 0.0, FALSE };

    fw_wheel_layout_compute_text (&larger, 900, 700, &scaled);
    fw_wheel_layout_compute (&f.layout, 900, 700);
    g_assert_cmpfloat (larger.label_size, >=, f.layout.label_size * 1.5 - 1e-9);
  }
  fixture_clear (&f);
}

/* Presenting's point names keep clear of the referral band as the stage
 * labels do: "Referral programme with rewards" beside a marker under
 * the band is drawn outside it, not across it, wherever on the band's
 * stretch of rim the marker is. */
static void
test_paint_names_clear_of_referral (void)
{
  static const double sizes[][2] = { { 900, 700 }, { 1280, 560 }, { 1920, 900 } };
  guint named_total = 0, tried = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (double angle = 300.0; angle <= 420.0; angle += 10.0)
      {
        FwScenario *scenario = make_scenario ();
        FwWheelText text = { 1.0, 24.0, TRUE };
        FwReferralGeometry referral;
        FwWheelBox band[FW_WHEEL_MAX_BAND_BOXES];
        g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
        cairo_surface_t *surface;
        cairo_t *cr;
        FwPoint *point = add_point (scenario, FW_POINT_FORCE, fmod (angle, 360.0), TRUE);
        const double no_label[4] = { 0, 0, 0, 0 };
        guint n_band;
        Fixture f;

        g_free (point->name);
        point->name = g_strdup ("Referral programme with rewards");
        fixture_init (&f, scenario, sizes[s][0], sizes[s][1]);
        fw_wheel_layout_compute_text (&f.layout, sizes[s][0], sizes[s][1], &text);
        f.scene.point_names = TRUE;
        fw_wheel_referral_geometry (&f.layout, &f.scene, &referral);
        g_assert_true (referral.shown);
        n_band = fw_wheel_referral_band_boxes (&f.layout, &referral, band);
        g_assert_cmpuint (n_band, >=, 2);

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[s][0], (int) sizes[s][1]);
        cr = cairo_create (surface);
        fw_wheel_place_point_names (cr, &f.layout, &f.style, &f.scene, &referral, no_label, NULL, NULL, TRUE, FALSE,
                                    &(FwWheelPointText) { named, NULL, NULL, NULL, NULL });
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        tried++;
        named_total += named->len;
        for (guint i = 0; i < named->len; i++)
          for (guint b = 0; b < n_band; b++)
            if (fw_wheel_boxes_overlap (&g_array_index (named, FwWheelBox, i), &band[b]))
              g_error ("at %gx%g the name of the point at %g degrees is drawn over the referral band",
                       sizes[s][0], sizes[s][1], fmod (angle, 360.0));
        fixture_clear (&f);
      }
  /* ...and still named, pushed out past the band, nearly everywhere. */
  g_test_message ("named %u of %u points under the referral band", named_total, tried);
  g_assert_cmpuint (named_total, >=, tried * 3 / 4);
}

/* How far from white a pixel is: more ink, larger. */
static double
ink (const double rgba[4])
{
  return (3.0 - rgba[0] - rgba[1] - rgba[2]) * rgba[3];
}

static void
test_paint_markers (void)
{
  FwScenario *scenario = make_scenario ();
  cairo_surface_t *surface;
  double x, y, on[4], off[4], force[4], moved[4];
  Fixture f;

  add_point (scenario, FW_POINT_FRICTION, 45, TRUE);
  add_point (scenario, FW_POINT_FRICTION, 225, FALSE);
  add_point (scenario, FW_POINT_FORCE, 135, TRUE);
  add_point (scenario, FW_POINT_FORCE, 315, TRUE);
  fixture_init (&f, scenario, 800, 800);
  f.scene.dragged_point = 3;   /* left out of the static layer */
  surface = paint_to_image (&f, fw_wheel_paint_static, TRUE);

  /* Sampled in the body of each marker, below its glyph. */
  fw_wheel_layout_position (&f.layout, 45, f.layout.rim, &x, &y);
  pixel_at (surface, x, y + f.layout.marker * 0.6, on);
  fw_wheel_layout_position (&f.layout, 225, f.layout.rim, &x, &y);
  pixel_at (surface, x, y + f.layout.marker * 0.6, off);
  fw_wheel_layout_position (&f.layout, 135, f.layout.rim, &x, &y);
  pixel_at (surface, x, y + f.layout.marker * 0.6, force);
  fw_wheel_layout_position (&f.layout, 315, f.layout.rim + f.layout.marker * 0.6, &x, &y);
  pixel_at (surface, x, y, moved);

  /* Friction is red-orange, a force green: */
  g_assert_cmpfloat (on[0], >, on[1] + 0.3);
  g_assert_cmpfloat (force[1], >, force[0] + 0.2);
  /* a disabled marker is drawn, but dimmer; */
  g_assert_cmpfloat (ink (off), >, 0.05);
  g_assert_cmpfloat (ink (off), <, ink (on) * 0.6);
  /* the point being dragged is not in the static layer (white there). */
  g_assert_cmpfloat (ink (moved), <, 0.05);

  cairo_surface_destroy (surface);

  /* The overlay draws it where it is dragged to. */
  f.scene.dragged_angle = 100;
  surface = paint_to_image (&f, fw_wheel_paint_overlay, TRUE);
  fw_wheel_layout_position (&f.layout, 100, f.layout.rim, &x, &y);
  pixel_at (surface, x, y + f.layout.marker * 0.6, moved);
  g_assert_cmpfloat (moved[1], >, moved[0] + 0.2);
  cairo_surface_destroy (surface);

  /* Dragged off the wheel, it takes the red "remove" look. */
  f.scene.dragged_off = TRUE;
  surface = paint_to_image (&f, fw_wheel_paint_overlay, TRUE);
  pixel_at (surface, x, y + f.layout.marker * 0.6, moved);
  g_assert_cmpfloat (moved[0], >, moved[1] + 0.3);
  cairo_surface_destroy (surface);

  fixture_clear (&f);
}

/* The window's ring copies its markers from stamps (fw-wheel-stamps.c):
 * the picture is the one the paths paint, each marker within an eighth
 * of a pixel, for every look, at the screen's scales. */
static void
compare_stamped (Fixture *f,
                 int      scale)
{
  int width = (int) f->layout.width * scale, height = (int) f->layout.height * scale;
  cairo_surface_t *surfaces[2];
  double total = 0.0;
  int worst = 0;

  for (guint stamped = 0; stamped < 2; stamped++)
    {
      cairo_t *cr;

      surfaces[stamped] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_set_device_scale (surfaces[stamped], scale, scale);
      cr = cairo_create (surfaces[stamped]);
      f->scene.stamp_markers = stamped;
      fw_wheel_paint_static (cr, &f->layout, &f->style, &f->scene);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[stamped]);
    }

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        {
          const guchar *a = cairo_image_surface_get_data (surfaces[0]);
          const guchar *b = cairo_image_surface_get_data (surfaces[1]);
          int at = y * cairo_image_surface_get_stride (surfaces[0]) + x * 4 + c;
          int d = abs ((int) a[at] - (int) b[at]);

          total += d;
          worst = MAX (worst, d);
        }

  /* Only antialiased edges differ, by the eighth of a pixel at most a
   * marker moves: a marker missing, misplaced by a pixel or in another
   * look would differ by far more (whole pixels of 255). */
  g_test_message ("scale %d: mean difference %.4f, worst %d", scale, total / (width * height * 4.0), worst);
  g_assert_cmpfloat (total / (width * height * 4.0), <, 0.5);
  g_assert_cmpint (worst, <=, 96);

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

static void
test_paint_stamped_markers (void)
{
  FwScenario *scenario = make_scenario ();
  FwMarkerStamps *stamps;
  cairo_surface_t *surface;
  cairo_t *cr;
  Fixture f;

  /* Both kinds, on and off, flagged or not, round the whole ring. */
  for (guint i = 0; i < 240; i++)
    {
      FwPoint *point = add_point (scenario, i % 2 ? FW_POINT_FORCE : FW_POINT_FRICTION,
                                  i * 1.5 + 0.37, i % 3 != 0);

      if (i % 5 == 0)
        point->conversion = point->kind == FW_POINT_FRICTION ? 0.1 : -0.1;
      g_assert_cmpint (fw_point_works_against_kind (point), ==, i % 5 == 0);
    }
  fixture_init (&f, scenario, 900, 700);
  compare_stamped (&f, 1);
  compare_stamped (&f, 2);

  /* Stamps only where there are pixels to copy at a plain scale. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  stamps = fw_marker_stamps_new (cr, &f.style, 10.0);
  g_assert_nonnull (stamps);
  fw_marker_stamps_free (stamps);
  cairo_scale (cr, 1.5, 1.5);
  g_assert_null (fw_marker_stamps_new (cr, &f.style, 10.0));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  g_assert_null (fw_marker_stamps_new (cr, &f.style, 10.0));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  fixture_clear (&f);
}

/* The outline of a selected stage runs along its outer edge, where the
 * markers sit: the markers stay on top, whole. */
static void
test_paint_selection_under_markers (void)
{
  FwScenario *scenario = make_scenario ();
  cairo_surface_t *surface;
  double x, y, rgba[4];
  Fixture f;

  add_point (scenario, FW_POINT_FRICTION, 180, TRUE);
  fixture_init (&f, scenario, 800, 800);
  f.scene.selected_stage = (int) fw_scenario_stage_at_angle (f.scenario, 180);
  surface = paint_to_image (&f, fw_wheel_paint, TRUE);

  /* On the outline, inside the marker's body (above its bar): the
   * friction colour, not the accent or the outline's halo. */
  fw_wheel_layout_position (&f.layout, 180, f.layout.outer - 1.0, &x, &y);
  pixel_at (surface, x, y, rgba);
  g_assert_cmpfloat (rgba[0], >, rgba[1] + 0.3);
  g_assert_cmpfloat (rgba[0], >, rgba[2] + 0.3);

  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

static gboolean
labels_compact (Fixture *f)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  gboolean compact = fw_wheel_labels_compact (cr, &f->layout, &f->style, &f->scene);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return compact;
}

/* Every stage's count in one form: exact while all of them fit so, and
 * compact for all as soon as one of them needs it. */
static void
test_paint_count_form (void)
{
  static const char * const names[] = {
    "Awareness", "Interest", "Research", "Consideration", "Evaluation", "Trial",
    "Demo", "Proposal", "Negotiation", "Purchase", "Onboarding", "Adoption",
    "Retention", "Expansion", "Loyalty", "Advocacy",
  };
  FwScenario *scenario;
  Fixture f;

  /* Four wide arcs, counts of a thousand and under: "1,000" fits. */
  fixture_init (&f, make_scenario (), 900, 800);
  g_assert_false (labels_compact (&f));
  fixture_clear (&f);

  /* Sixteen arcs, some narrow, counts to two million: whole counts cut
   * names short that fit whole beside "494k": compact everywhere, not
   * "494k" beside "246,912". */
  scenario = fw_scenario_new ("Sixteen");
  scenario->inflow = 500;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_stage (scenario, names[i], i % 2 ? "#1c71d8" : "#e5a50a", 123456.0 * (i + 1), 0.25,
               i >= 12 ? 0.05 : 0.0, 1.0 + i % 3);
  fixture_init (&f, scenario, 740, 810);
  g_assert_true (labels_compact (&f));
  fixture_clear (&f);
}

/* A label that does not fit inside its arc with either form (a long
 * name on a narrow arc goes outside the ring) is no reason for the
 * compact form: the wheel of a sales pipeline (user review V10-11) kept
 * "1.5k" beside "600" while "Generate leads 1,500" fitted whole. */
static void
test_paint_count_form_needless (void)
{
  FwScenario *scenario = fw_scenario_new ("Pipeline");
  Fixture f;

  scenario->inflow = 400;
  add_stage (scenario, "Generate leads", "#1a5fb4", 1500, 0.35, 0.0, 1.0);
  add_stage (scenario, "Initiate contact", "#2190a4", 600, 0.45, 0.0, 1.0);
  add_stage (scenario, "Qualify", "#26a269", 400, 0.4, 0.0, 1.0);
  add_stage (scenario, "Pitch", "#9141ac", 250, 0.5, 0.0, 1.0);
  add_stage (scenario, "Close", "#c01c28", 150, 0.5, 0.0, 1.0);
  add_stage (scenario, "Nurture and delight and keep them happy", "#e66100", 500, 0.08, 0.03, 0.2);
  add_stage (scenario, "Referrals", "#e5a50a", 200, 0.0, 0.1, 1.0);
  fixture_init (&f, scenario, 960, 540);
  g_assert_false (labels_compact (&f));
  fixture_clear (&f);
}

/* While the periods play, the counts roll on between two periods, over
 * a ring painted once for both (fw-wheel-view.c): the stage labels keep
 * room for the wider count of the two periods, so that nothing on the
 * ring moves between two rolls, and every count of either period fits
 * the room kept for it. */
static void
test_paint_counts_roll_in_place (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 800);
  cairo_t *cr = cairo_create (surface);
  guint wider = 0;
  Fixture f;

  fixture_init (&f, make_scenario (), 900, 800);
  for (guint t = 0; t < 12; t++)
    {
      FwWheelRoom start, end, early, late;
      FwWheelCountSpots early_spots, late_spots;

      f.scene.period = t;
      f.scene.position = t;
      fw_wheel_room_measure (&start, cr, &f.layout, &f.style, &f.scene);
      f.scene.position = t + 0.2;
      fw_wheel_room_measure (&early, cr, &f.layout, &f.style, &f.scene);
      f.scene.position = t + 0.8;
      fw_wheel_room_measure (&late, cr, &f.layout, &f.style, &f.scene);
      f.scene.period = t + 1;
      f.scene.position = t + 1;
      fw_wheel_room_measure (&end, cr, &f.layout, &f.style, &f.scene);

      g_assert_true (fw_wheel_room_same_places (&early, &late));
      for (guint form = 0; form < 2; form++)
        for (guint i = 0; i < f.scenario->stages->len; i++)
          {
            g_assert_cmpfloat (early.count_width[form][i], ==,
                               MAX (start.count_width[form][i], end.count_width[form][i]));
            wider += start.count_width[form][i] != end.count_width[form][i];
          }
      g_assert_cmpfloat (early.referral_width, ==, MAX (start.referral_width, end.referral_width));
      g_assert_cmpfloat (early.band, ==, MAX (start.band, end.band));

      /* The ring's labels, and so the counts' spots, stay put. */
      f.scene.period = t;
      f.scene.position = t + 0.2;
      f.scene.room = &early;
      fw_wheel_paint_ring (cr, &f.layout, &f.style, &f.scene, &early_spots);
      f.scene.position = t + 0.8;
      f.scene.room = &late;
      fw_wheel_paint_ring (cr, &f.layout, &f.style, &f.scene, &late_spots);
      f.scene.room = NULL;
      g_assert_cmpmem (&early_spots, sizeof early_spots, &late_spots, sizeof late_spots);
    }
  /* Some count in the projection takes more room than the period
   * before's: the room was put to the test. */
  g_test_message ("%u counts wider or narrower than the period before's", wider);
  g_assert_cmpuint (wider, >, 0);

  fixture_clear (&f);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* Playing, the wheel view keeps each part of the counts in pixels of its
 * own (fw_wheel_paint_count_part()): painted in order over the ring, the
 * parts are exactly what fw_wheel_paint_counts() paints, and every part
 * but the referral band covers a small box, not the wheel. */
static void
test_paint_count_parts (void)
{
  cairo_surface_t *whole, *parts;
  FwWheelCountSpots spots;
  cairo_t *cr;
  guint n;
  Fixture f;

  fixture_init (&f, make_scenario (), 700, 640);
  f.scene.period = 3;
  f.scene.position = 3.4;
  n = fw_wheel_count_parts (&f.scene);
  g_assert_cmpuint (n, ==, 2 + f.scenario->stages->len);

  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 640);
  cr = cairo_create (whole);
  fw_wheel_paint_ring (cr, &f.layout, &f.style, &f.scene, &spots);
  fw_wheel_paint_counts (cr, &f.layout, &f.style, &f.scene, &spots);
  cairo_destroy (cr);

  parts = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 640);
  cr = cairo_create (parts);
  fw_wheel_paint_ring (cr, &f.layout, &f.style, &f.scene, &spots);
  for (guint part = 0; part < n; part++)
    fw_wheel_paint_count_part (cr, &f.layout, &f.style, &f.scene, &spots, part);
  cairo_destroy (cr);
  g_assert_true (surfaces_equal (whole, parts));

  /* Each stage's count on its own: something, in a small box. */
  for (guint part = 2; part < n; part++)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      double x, y, w, h;

      cr = cairo_create (recording);
      fw_wheel_paint_count_part (cr, &f.layout, &f.style, &f.scene, &spots, part);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      cairo_surface_destroy (recording);
      g_assert_cmpfloat (w * h, >, 0.0);
      g_assert_cmpfloat (w * h, <, 700.0 * 640.0 / 100.0);
    }

  cairo_surface_destroy (whole);
  cairo_surface_destroy (parts);
  fixture_clear (&f);
}

static void
test_paint_motion (void)
{
  cairo_surface_t *first, *second;
  FwScenario *still;
  Fixture f;

  /* A turning wheel: people are drawn moving, so two phases differ. */
  fixture_init (&f, make_scenario (), 600, 600);
  f.scene.motion.flow_phase = 0.1;
  first = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  f.scene.motion.flow_phase = 0.4;
  second = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  g_assert_false (surfaces_equal (first, second));
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);

  /* With animation off, nobody is drawn moving. */
  f.scene.animate = FALSE;
  f.scene.motion.flow_phase = 0.1;
  first = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  f.scene.motion.flow_phase = 0.4;
  second = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  g_assert_true (surfaces_equal (first, second));
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  fixture_clear (&f);

  /* Momentum 0: no flows, no people. */
  still = make_scenario ();
  still->inflow = 0;
  for (guint i = 0; i < still->stages->len; i++)
    {
      fw_scenario_get_stage (still, i)->advance = 0;
      fw_scenario_get_stage (still, i)->referral = 0;
    }
  fixture_init (&f, still, 600, 600);
  g_assert_cmpfloat (fw_projection_get_figures (f.projection, 0)->momentum, ==, 0);
  f.scene.motion.flow_phase = 0.1;
  first = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  f.scene.motion.flow_phase = 0.4;
  second = paint_to_image (&f, fw_wheel_paint_motion, FALSE);
  g_assert_true (surfaces_equal (first, second));
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  fixture_clear (&f);
}

static void
test_paint_overlay_states (void)
{
  cairo_surface_t *plain, *shown;
  Fixture f;

  fixture_init (&f, make_scenario (), 600, 600);
  add_point (f.scenario, FW_POINT_FRICTION, 30, TRUE);
  plain = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);

  /* Each state is visible: it changes what the overlay draws. */
  f.scene.focused = TRUE;
  shown = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);
  g_assert_false (surfaces_equal (plain, shown));
  cairo_surface_destroy (shown);
  f.scene.focused = FALSE;

  f.scene.selected_stage = 1;
  shown = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);
  g_assert_false (surfaces_equal (plain, shown));
  cairo_surface_destroy (shown);
  f.scene.selected_stage = -1;

  f.scene.highlight_stage = 2;
  f.scene.highlight_angle = 200;
  shown = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);
  g_assert_false (surfaces_equal (plain, shown));
  cairo_surface_destroy (shown);
  f.scene.highlight_stage = -1;

  f.scene.selected_point = 0;
  shown = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);
  g_assert_false (surfaces_equal (plain, shown));
  cairo_surface_destroy (shown);

  cairo_surface_destroy (plain);
  fixture_clear (&f);
}

/* Whether anything is drawn in the square of side 2 * @r around (@x, @y). */
static gboolean
has_ink (cairo_surface_t *surface,
         double           x,
         double           y,
         double           r)
{
  for (double py = y - r; py <= y + r; py++)
    for (double px = x - r; px <= x + r; px++)
      {
        double rgba[4];

        pixel_at (surface, px, py, rgba);
        if (rgba[3] > 0.5)
          return TRUE;
      }
  return FALSE;
}

static void
test_paint_labels (void)
{
  FwScenario *scenario = make_scenario ();
  cairo_surface_t *surface;
  double start, end, x, y;
  Fixture f;

  /* A sliver of an arc cannot hold its name: it goes outside the ring,
   * at the arc's angle, with a leader line. */
  fw_scenario_get_stage (scenario, 2)->weight = 0.05;
  fixture_init (&f, scenario, 800, 800);
  surface = paint_to_image (&f, fw_wheel_paint_static, FALSE);
  fw_scenario_stage_arc (f.scenario, 2, &start, &end);
  fw_wheel_layout_position (&f.layout, (start + end) / 2,
                            f.layout.rim + f.layout.marker * 0.5, &x, &y);
  g_assert_true (has_ink (surface, x, y, 2));
  fw_wheel_layout_position (&f.layout, (start + end) / 2,
                            f.layout.rim + f.layout.marker + f.layout.label_size * 2, &x, &y);
  g_assert_true (has_ink (surface, x, y, f.layout.label_size));
  /* Where no arc is narrow, nothing is drawn outside the ring there. */
  fw_wheel_layout_position (&f.layout, 200, f.layout.rim + f.layout.marker * 0.5, &x, &y);
  g_assert_false (has_ink (surface, x, y, 2));
  cairo_surface_destroy (surface);

  /* The hub shows the momentum figure, in the overlay. */
  surface = paint_to_image (&f, fw_wheel_paint_overlay, FALSE);
  g_assert_true (has_ink (surface, f.layout.cx, f.layout.cy - f.layout.figure_size * 0.3,
                          f.layout.figure_size * 0.4));
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

/* A template's first scenario as the window draws it at @width x
 * @height, from @projection already run. */
static void
template_wheel_init (FwProject     *project,
                     FwProjection  *projection,
                     double         width,
                     double         height,
                     FwWheelLayout *layout,
                     FwWheelStyle  *style,
                     FwWheelScene  *scene)
{
  fw_wheel_layout_compute (layout, width, height);
  fw_wheel_style_init_light (style);
  fw_wheel_scene_init (scene);
  scene->scenario = fw_project_get_scenario (project, 0);
  scene->projection = projection;
  scene->period_label = fw_period_to_string (project->period);
  scene->momentum_shown = fw_projection_get_figures (projection, 0)->momentum;
}

/* Presenting on a 4:3 projector (1024x768, the floor 20 px), the four-a
 * template's wheel in the area presenting gave it there: every point
 * named, the two top forces ("Free trial or self-purchase", "Referral
 * programme with rewards") too, which had no room beside the referral
 * arrow; and every stage's name whole, a 44-character one included.
 * The stock sales cycle too ("Nurture and delight" read "Nur..." there,
 * review R5-23): every stage whole, every point named or numbered. Its
 * points had names there only with a stage's leader through a word or
 * another leader: "Generate leads"' through "50/month" of the referral
 * label, "Nurture and delight"'s across "Customer success team"'s
 * (verify10b V10B-01, -09); a leader now crosses neither, and a point
 * with no room for its name beside that leader is numbered. */
static void
test_paint_names_on_a_small_screen (void)
{
  static const double areas[][2] = { { 625, 764 }, { 690, 764 } };
  static const char *const first_names[] = { NULL, "Activation through a guided onboarding calls", NULL };

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    for (guint n = 0; n < G_N_ELEMENTS (first_names); n++)
      {
        const char *template = n < 2 ? "four-a" : "sales-cycle";
        g_autoptr(FwProjection) projection = fw_projection_new ();
        FwProject *project = fw_template_create (template, NULL);
        FwScenario *scenario = fw_project_get_scenario (project, 0);
        FwWheelText text = { 1.0, 20.0, TRUE, 0.0 };
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t *cr = cairo_create (surface);
        FwWheelLayout layout;
        FwWheelStyle style;
        FwWheelScene scene;
        guint whole = 0, named;

        if (first_names[n] != NULL)
          {
            FwStage *stage = fw_scenario_get_stage (scenario, 0);

            g_free (stage->name);
            stage->name = g_strdup (first_names[n]);
          }
        fw_projection_run (projection, scenario, project->horizon);
        template_wheel_init (project, projection, areas[a][0], areas[a][1], &layout, &style, &scene);
        scene.point_names = TRUE;
        scene.every_period = TRUE;
        fw_wheel_fit_text (cr, &layout, areas[a][0], areas[a][1], &text, &style, &scene);
        fw_wheel_count_stage_labels (cr, &layout, &style, &scene, &whole);
        named = fw_wheel_count_point_names (cr, &layout, &style, &scene);
        g_test_message ("%s%s in %gx%g: %u of %u stage names whole, %u of %u points named", template,
                        first_names[n] != NULL ? ", a stage named at length," : "",
                        areas[a][0], areas[a][1], whole, scenario->stages->len, named, scenario->points->len);
        if (n < 2)
          g_assert_cmpuint (named, ==, scenario->points->len);
        else
          {
            g_autoptr(GArray) numbered = g_array_new (FALSE, FALSE, sizeof (guint));

            fw_wheel_point_key (cr, &layout, &style, &scene, numbered);
            g_assert_cmpuint (named + numbered->len, ==, scenario->points->len);
            /* Most still named. */
            g_assert_cmpuint (named, >=, scenario->points->len - 2);
          }
        /* The long name needs the width presenting now gives the wheel. */
        if (first_names[n] == NULL || a > 0)
          g_assert_cmpuint (whole, ==, scenario->stages->len);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        fw_project_free (project);
      }
}

/* Where a stage's label sits outside the ring, its leader leaves the
 * arc clear of every point marker: the four-a template puts its points
 * at mid-arc, and the leaders of "Advocate" and "Activate" ended on the
 * green forces there, which the room read as the stages (review R5-06:
 * the editor at 1280x720, and presenting there zoomed in). */
static void
test_paint_leaders_clear_of_markers (void)
{
  /* The editor's wheel at 1280x720 (with the projection at its default
   * height and taller), and presenting's there zoomed in three steps
   * (the wheel's area as wide as the figures beside it leave it). */
  static const struct { double width, height, min_size, scale; } areas[] = {
    { 608, 340, 0.0, 1.0 }, { 608, 282, 0.0, 1.0 }, { 760, 720, 19.0, 1.5 }, { 700, 720, 19.0, 1.5 },
  };
  g_autoptr(FwProject) project = fw_template_create ("four-a", NULL);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  FwScenario *scenario = fw_project_get_scenario (project, 0);

  fw_projection_run (projection, scenario, project->horizon);
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) areas[a].width,
                                                             (int) areas[a].height);
      cairo_t *cr = cairo_create (surface);
      g_autofree double *angles = NULL;
      FwWheelCountSpots spots;
      FwWheelLayout layout;
      FwWheelStyle style;
      FwWheelScene scene;
      guint led = 0;

      template_wheel_init (project, projection, areas[a].width, areas[a].height, &layout, &style, &scene);
      if (areas[a].min_size > 0.0)
        {
          FwWheelText text = { areas[a].scale, areas[a].min_size, TRUE, 0.0 };

          scene.point_names = TRUE;
          scene.every_period = TRUE;
          fw_wheel_fit_text (cr, &layout, areas[a].width, areas[a].height, &text, &style, &scene);
        }
      fw_wheel_paint_ring (cr, &layout, &style, &scene, &spots);
      angles = fw_wheel_layout_marker_angles (&layout, scenario);
      for (guint i = 0; i < scenario->stages->len; i++)
        {
          const double *leader = spots.stages[i].leader;

          if (!spots.stages[i].led)
            continue;
          led++;
          for (guint k = 0; k < scenario->points->len; k++)
            {
              double mx, my, end, line;

              fw_wheel_layout_position (&layout, angles[k], layout.rim, &mx, &my);
              end = hypot (leader[0] - mx, leader[1] - my);
              /* Nearest along the leader, tried at small steps. */
              line = end;
              for (guint t = 1; t <= 100; t++)
                line = MIN (line, hypot (leader[0] + (leader[2] - leader[0]) * t / 100.0 - mx,
                                         leader[1] + (leader[3] - leader[1]) * t / 100.0 - my));
              g_test_message ("%gx%g at %gx: stage %u's leader %.1f px from point %u's marker "
                              "(%.1f px along it; marker radius %.1f)", areas[a].width, areas[a].height,
                              areas[a].scale, i, end, k, line, layout.marker);
              /* A marker's radius and a gap that shows clear. */
              g_assert_cmpfloat (end, >=, layout.marker * FW_WHEEL_MARKER_EXTENT + layout.label_size * 0.3);
              g_assert_cmpfloat (line, >=, layout.marker * FW_WHEEL_MARKER_EXTENT + 1.0);
            }
        }
      /* The case the review saw: some label outside, with its leader. */
      g_assert_cmpuint (led, >=, 1);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Whether two boxes come nearer each other than @gap. */
static gboolean
boxes_near (const FwWheelBox *a,
            const FwWheelBox *b,
            double            gap)
{
  FwWheelBox wide = { a->x0 - gap, a->y0 - gap, a->x1 + gap, a->y1 + gap };

  return fw_wheel_boxes_overlap (&wide, b);
}

/* Whether the segment @s crosses @box, tried at small steps along it:
 * the test's own way, not the placing's. */
static gboolean
segment_meets_box (const double      s[4],
                   const FwWheelBox *box)
{
  for (guint i = 0; i <= 200; i++)
    {
      double x = s[0] + (s[2] - s[0]) * i / 200.0, y = s[1] + (s[3] - s[1]) * i / 200.0;

      if (x > box->x0 + 0.5 && x < box->x1 - 0.5 && y > box->y0 + 0.5 && y < box->y1 - 0.5)
        return TRUE;
    }
  return FALSE;
}

/* A consultant's wheel (the sales cycle's seven stages, 22 points, as
 * the review's client project) presented at 1920x1080 and 1280x720:
 * no name touches another name, a stage label or the referral caption,
 * and no leader crosses text or another leader ("Long checkout form
 * Generate leads" read as one line, and its leader ran through
 * "Referral inflow 65/month"). */
static void
test_paint_names_apart_on_a_client_wheel (void)
{
  /* The wheel's area when presenting on those screens, and the text's
   * floor there (FW_PRESENT_MIN_TEXT_SHARE of the height). */
  static const double areas[][3] = { { 1140, 1080, 29 }, { 760, 720, 19 } };

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      g_autoptr(FwProjection) projection = fw_projection_new ();
      g_autoptr(FwProject) project = fw_test_client_project ();
      FwScenario *scenario = fw_project_get_scenario (project, 0);
      FwWheelText text = { 1.0, areas[a][2], TRUE, 0.0 };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) areas[a][0], (int) areas[a][1]);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) stages = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
      g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
      g_autoptr(GArray) leaders = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) stage_leaders = g_array_new (FALSE, FALSE, sizeof (double));
      FwReferralGeometry kept;
      FwWheelLayout layout;
      FwWheelStyle style;
      FwWheelScene scene;
      double referral_box[4], gap;
      guint n_leaders;

      fw_projection_run (projection, scenario, project->horizon);
      template_wheel_init (project, projection, areas[a][0], areas[a][1], &layout, &style, &scene);
      scene.point_names = TRUE;
      scene.every_period = TRUE;
      fw_wheel_fit_text (cr, &layout, areas[a][0], areas[a][1], &text, &style, &scene);
      fw_wheel_place_stage_labels (cr, &layout, &style, &scene, &kept, referral_box, stages, stage_leaders);
      fw_wheel_place_point_names (cr, &layout, &style, &scene, &kept, referral_box, stages, stage_leaders,
                                  FALSE, FALSE, &(FwWheelPointText) { names, leaders, NULL, NULL, NULL });
      /* The other text: stage labels and the referral caption. */
      if (scene.reveal_referral && referral_box[2] > referral_box[0])
        {
          FwWheelBox caption = { referral_box[0], referral_box[1], referral_box[2], referral_box[3] };

          g_array_append_val (stages, caption);
        }
      n_leaders = leaders->len / 4;
      g_test_message ("%gx%g: %u of 22 points named, %u other labels", areas[a][0], areas[a][1],
                      names->len, stages->len);
      /* A space's width apart at least: less reads as one line. */
      gap = layout.label_size * 0.2;
      for (guint i = 0; i < names->len; i++)
        {
          const FwWheelBox *name = &g_array_index (names, FwWheelBox, i);
          const double *leader = &g_array_index (leaders, double, 4 * i);

          for (guint j = 0; j < stages->len; j++)
            {
              g_assert_false (boxes_near (name, &g_array_index (stages, FwWheelBox, j), gap));
              g_assert_false (segment_meets_box (leader, &g_array_index (stages, FwWheelBox, j)));
            }
          for (guint j = 0; j < names->len; j++)
            {
              if (j == i)
                continue;
              g_assert_false (boxes_near (name, &g_array_index (names, FwWheelBox, j), gap));
              g_assert_false (segment_meets_box (leader, &g_array_index (names, FwWheelBox, j)));
            }
          for (guint j = i + 1; j < n_leaders; j++)
            g_assert_false (fw_wheel_segments_cross (leader, &g_array_index (leaders, double, 4 * j)));
        }
      /* Most of them named still: the check is not met by naming none. */
      g_assert_cmpuint (names->len, >=, 12);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A stage's label outside the ring keeps a space's width from the
 * referral label at 12 o'clock: "Referrals 200" (the sales cycle's stage)
 * touched "Referrals 50/month" on the wheel of a 1280x720 window. */
static void
test_paint_labels_clear_of_referrals (void)
{
  static const double sizes[][2] = { { 608, 282 }, { 600, 260 }, { 640, 300 }, { 700, 340 } };
  g_autoptr(FwProject) project = fw_template_create ("sales-cycle", NULL);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  FwScenario *scenario = fw_project_get_scenario (project, 0);
  guint checked = 0;

  fw_projection_run (projection, scenario, project->horizon);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[k][0], (int) sizes[k][1]);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
      FwReferralGeometry referral;
      FwWheelCountSpots spots;
      FwWheelLayout layout;
      FwWheelStyle style;
      FwWheelScene scene;
      FwWheelRoom room;
      double box[4];

      template_wheel_init (project, projection, sizes[k][0], sizes[k][1], &layout, &style, &scene);
      fw_wheel_room_measure (&room, cr, &layout, &style, &scene);
      fw_wheel_kept_referral (&layout, &scene, &room, &referral, box);
      g_assert_cmpfloat (box[2], >, box[0]);
      fw_wheel_paint_stage_labels (cr, &layout, &style, &scene, &referral, box, &room, placed, NULL, &spots);

      for (guint i = 0; i < placed->len; i++)
        {
          const FwWheelBox *label = &g_array_index (placed, FwWheelBox, i);
          /* The text, without the 2 px the placing adds either side. */
          double x0 = label->x0 + 2.0, x1 = label->x1 - 2.0;

          if (label->y1 <= box[1] || label->y0 >= box[3])
            continue;   /* above or below it */
          checked++;
          g_test_message ("%gx%g: a label at %g..%g beside the referral label at %g..%g",
                          sizes[k][0], sizes[k][1], x0, x1, box[0], box[2]);
          g_assert_cmpfloat (MAX (x0 - box[2], box[0] - x1), >=, layout.label_size * 0.4);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* The sizes are those where a label sits beside it. */
  g_assert_cmpuint (checked, >, 0);
}

/* The referral label's words, with the referral geometry of @scenario
 * at 800x600. */
static char *
referral_words (FwProject *project)
{
  g_autoptr(FwProjection) projection = fw_projection_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) label = NULL;
  FwReferralGeometry referral;
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;
  char *words;

  fw_projection_run (projection, fw_project_get_scenario (project, 0), project->horizon);
  template_wheel_init (project, projection, 800, 600, &layout, &style, &scene);
  fw_wheel_referral_geometry (&layout, &scene, &referral);
  g_assert_true (referral.shown);
  label = fw_wheel_referral_label_layout (cr, &layout, &style, &scene, &referral);
  words = g_strdup (pango_layout_get_text (label));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return words;
}

/* The sales cycle has a stage named "Referrals" beside the referral
 * label at 12 o'clock: the label then says "Referral inflow" (the
 * figures' name for it), so the wheel does not read "Referrals 200 ·
 * Referrals 50/month". A wheel with no such stage keeps "Referrals". */
static void
test_referral_label_words (void)
{
  g_autoptr(FwProject) sales = fw_template_create ("sales-cycle", NULL);
  g_autoptr(FwProject) plain = fw_template_create ("attract-engage-delight", NULL);
  g_autofree char *sales_words = referral_words (sales);
  g_autofree char *plain_words = referral_words (plain);
  g_autofree char *renamed_words = NULL;
  FwScenario *scenario = fw_project_get_scenario (plain, 0);

  g_assert_true (g_str_has_prefix (sales_words, "Referral inflow "));
  g_assert_true (g_str_has_suffix (sales_words, "/month"));
  g_assert_true (g_str_has_prefix (plain_words, "Referrals "));
  g_assert_true (g_str_has_suffix (plain_words, "/month"));

  /* Any stage that holds the word, in any case. */
  g_free (fw_scenario_get_stage (scenario, 1)->name);
  fw_scenario_get_stage (scenario, 1)->name = g_strdup ("Our REFERRAL partners");
  renamed_words = referral_words (plain);
  g_assert_true (g_str_has_prefix (renamed_words, "Referral inflow "));
}

static void
test_paint_unusual (void)
{
  Fixture f;
  cairo_surface_t *surface;

  /* Figures out of range, tiny areas, a stage a sliver wide: drawn, not
   * crashed on. */
  fixture_init (&f, make_scenario (), 120, 90);
  fw_scenario_get_stage (f.scenario, 2)->weight = 0.01;
  f.scene.momentum_shown = INFINITY;
  f.scene.selected_stage = 2;
  f.scene.focused = TRUE;
  surface = paint_to_image (&f, fw_wheel_paint, TRUE);
  cairo_surface_destroy (surface);

  f.scene.projection = NULL;
  f.scene.momentum_shown = NAN;
  surface = paint_to_image (&f, fw_wheel_paint, TRUE);
  cairo_surface_destroy (surface);

  f.scene.scenario = NULL;
  surface = paint_to_image (&f, fw_wheel_paint, TRUE);
  cairo_surface_destroy (surface);
  fixture_clear (&f);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
paint_templates_to (cairo_surface_t *surface)
{
  static const char * const ids[] = { "attract-engage-delight", "four-a", "sales-cycle" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(FwProject) project = fw_template_create (ids[i], NULL);
      g_autoptr(FwProjection) projection = fw_projection_new ();
      FwScenario *scenario = fw_project_get_scenario (project, 0);
      FwWheelLayout layout;
      FwWheelStyle style;
      FwWheelScene scene;
      cairo_t *cr = cairo_create (surface);

      fw_projection_run (projection, scenario, project->horizon);
      template_wheel_init (project, projection, 600, 500, &layout, &style, &scene);
      fw_wheel_paint (cr, &layout, &style, &scene);
      cairo_show_page (cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_paint_vector (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  cairo_surface_t *surface;

  /* Exports draw the same wheel on vector surfaces. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 600, 500);
  paint_templates_to (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_true (memcmp (pdf->data, "%PDF", 4) == 0);

  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, 600, 500);
  paint_templates_to (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (svg->len, >, 1000);
  g_byte_array_append (svg, (const guint8 *) "", 1);
  g_assert_nonnull (strstr ((const char *) svg->data, "<svg"));
  g_assert_nonnull (strstr ((const char *) svg->data, "<path"));
}

/* How much of an SVG of the sales cycle's wheel is text: its glyphs. */
static guint
count_svg_glyphs (gboolean no_text)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  FwProject *project = fw_template_create ("sales-cycle", NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, svg, 168, 168);
  cairo_t *cr = cairo_create (surface);
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;
  guint glyphs = 0;

  fw_projection_run (projection, fw_project_get_scenario (project, 0), project->horizon);
  template_wheel_init (project, projection, 168, 168, &layout, &style, &scene);
  scene.no_text = no_text;
  fw_wheel_paint (cr, &layout, &style, &scene);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_byte_array_append (svg, (const guint8 *) "", 1);
  for (const char *at = (const char *) svg->data; (at = strstr (at, "xlink:href=\"#glyph")) != NULL; at++)
    glyphs++;
  fw_project_free (project);
  return glyphs;
}

/* A thumbnail (the New dialog's) draws the wheel with no text at all:
 * at 168 px the sales cycle's names only fitted cut short ("Nurture
 * an...", "Ge..."); the dialog names the stages in full beside it. */
static void
test_paint_thumbnail_has_no_text (void)
{
  guint with_text = count_svg_glyphs (FALSE);

  g_test_message ("glyphs drawn: %u with text, %u without", with_text, count_svg_glyphs (TRUE));
  g_assert_cmpuint (with_text, >, 20);
  g_assert_cmpuint (count_svg_glyphs (TRUE), ==, 0);
}

static void
test_paint_marker_alone (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  FwWheelStyle style;
  double rgba[4];

  fw_wheel_style_init_light (&style);
  fw_wheel_paint_marker (cr, &style, FW_POINT_FORCE, TRUE, 20, 20, 12);
  cairo_destroy (cr);

  pixel_at (surface, 20, 27, rgba);
  g_assert_cmpfloat (rgba[3], ==, 1.0);
  g_assert_cmpfloat (rgba[1], >, rgba[0] + 0.2);
  pixel_at (surface, 1, 1, rgba);
  g_assert_cmpfloat (rgba[3], ==, 0.0);
  cairo_surface_destroy (surface);
}

/* Between two periods while playing, the picture blends period t into
 * t + 1; at a whole position it is period t's figure exactly, and the
 * scene draws what the position says. */
static void
test_period_blend (void)
{
  g_autoptr(FwProject) project = fw_template_create ("attract-engage-delight", NULL);
  const FwScenario *scenario = fw_project_get_scenario (project, 0);
  FwProjection *projection = fw_projection_new ();
  const FwFigures *a, *b;
  FwFigures figures;
  FwWheelScene scene;
  double f;

  fw_projection_run (projection, scenario, project->horizon);
  a = fw_projection_get_figures (projection, 3);
  b = fw_projection_get_figures (projection, 4);

  fw_period_blend_figures (projection, 3.0, &figures);
  g_assert_cmpfloat (figures.customers, ==, a->customers);
  g_assert_cmpfloat (figures.momentum, ==, a->momentum);
  fw_period_blend_figures (projection, 3.5, &figures);
  g_assert_cmpfloat_with_epsilon (figures.customers, (a->customers + b->customers) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (fw_period_blend_count (projection, 3.25, 1),
                                  0.75 * fw_projection_get_counts (projection, 3)[1] +
                                  0.25 * fw_projection_get_counts (projection, 4)[1], 1e-9);

  /* Ends: nothing before 0 or past H to blend with. */
  g_assert_cmpuint (fw_period_blend_split (projection, -1.0, &f), ==, 0);
  g_assert_cmpfloat (f, ==, 0.0);
  g_assert_cmpuint (fw_period_blend_split (projection, project->horizon + 0.5, &f), ==, project->horizon);
  g_assert_cmpfloat (f, ==, 0.0);
  g_assert_cmpfloat (fw_period_blend (INFINITY, 5.0, 0.5), ==, INFINITY);
  g_assert_cmpfloat (fw_period_blend (2.0, NAN, 0.5), ==, 2.0);

  /* The scene: a position within its period is drawn, any other is not. */
  fw_wheel_scene_init (&scene);
  scene.scenario = scenario;
  scene.projection = projection;
  scene.period = 3;
  scene.position = 3.5;
  g_assert_cmpfloat (fw_wheel_scene_position (&scene), ==, 3.5);
  g_assert_cmpfloat_with_epsilon (fw_wheel_stage_count (&scene, 1),
                                  fw_period_blend_count (projection, 3.5, 1), 1e-12);
  scene.position = 0.0;
  g_assert_cmpfloat (fw_wheel_scene_position (&scene), ==, 3.0);
  g_assert_cmpfloat (fw_wheel_stage_count (&scene, 1), ==, fw_projection_get_counts (projection, 3)[1]);

  fw_projection_free (projection);
}

/* Presenting's figures: a scenario's name of MODEL.md's 80 characters
 * wraps within the card's width and does not push the figures' text
 * down to the smallest size (it ran off the screen on one line); it
 * takes the lines it needs, every word whole, never cut short with an
 * ellipsis ("...and wit..." lost the words that said which scenario). */
static void
test_figures_card_long_title (void)
{
  FwFiguresCardItem items[] = {
    { "Customers", "12,345", NULL },
    { "Loop gain", "0.82", "Needs marketing" },
  };
  g_autofree char *title = g_strjoinv (" ", (char *[]) { "Baseline", "today", "(current",
                                                          "processes,", "no", "changes,", "as",
                                                          "measured", "in", "Q3", "2026,", "by",
                                                          "the", "team)", NULL });
  FwFiguresCard card = { title, "Month 3 of 24", items, G_N_ELEMENTS (items), 1, 0.0, 0.0 };
  FwWheelStyle style;
  double width = 400.0, size, card_width, card_height, one_line_height;

  fw_wheel_style_init_light (&style);
  g_assert_cmpuint (strlen (title), >=, 70);
  size = fw_figures_card_fit (&card, &style, 24.0, 18.0, width, 1000.0, 1);
  fw_figures_card_measure (&card, &style, size, &card_width, &card_height);
  g_test_message ("text %.2f px, card %.0f x %.0f px in %.0f", size, card_width, card_height, width);
  g_assert_cmpfloat (size, ==, 24.0);
  g_assert_cmpfloat (card_width, <=, width);
  g_assert_true (fw_figures_card_words_whole (&card, &style, size));

  /* A longer name takes more lines, still whole; a short one, one. */
  {
    g_autofree char *longer = g_strjoin (" ", title, "and", title, NULL);
    FwFiguresCard again = card;
    double longer_width, longer_height;

    again.title = longer;
    fw_figures_card_measure (&again, &style, size, &longer_width, &longer_height);
    g_assert_cmpfloat (longer_height, >, card_height);
    g_assert_cmpfloat (longer_width, <=, width);
    g_assert_true (fw_figures_card_words_whole (&again, &style, size));
    again.title = "Baseline";
    fw_figures_card_measure (&again, &style, size, NULL, &one_line_height);
    g_assert_cmpfloat (one_line_height, <, card_height);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/sizes", test_layout_sizes);
  g_test_add_func ("/render/layout/text-scale-keeps-ring", test_layout_text_scale_keeps_ring);
  g_test_add_func ("/render/layout/polar", test_layout_polar);
  g_test_add_func ("/render/layout/hit-stages", test_layout_hit_stages);
  g_test_add_func ("/render/layout/hit-points", test_layout_hit_points);
  g_test_add_func ("/render/layout/is-off", test_layout_is_off);
  g_test_add_func ("/render/motion/rest", test_motion_rest);
  g_test_add_func ("/render/motion/speed", test_motion_speed);
  g_test_add_func ("/render/motion/eases", test_motion_eases);
  g_test_add_func ("/render/motion/clamps", test_motion_clamps);
  g_test_add_func ("/render/tween", test_tween);
  g_test_add_func ("/render/number/count", test_number_count);
  g_test_add_func ("/render/number/compact", test_number_compact);
  g_test_add_func ("/render/number/change", test_number_change);
  g_test_add_func ("/render/number/difference", test_number_difference);
  g_test_add_func ("/render/number/percent-gain", test_number_percent_gain);
  g_test_add_func ("/render/number/grouping", test_number_grouping);
  g_test_add_func ("/render/number/exact", test_number_exact);
  g_test_add_func ("/render/paint/stage-colours", test_paint_stage_colours);
  g_test_add_func ("/render/paint/markers", test_paint_markers);
  g_test_add_func ("/render/paint/stamped-markers", test_paint_stamped_markers);
  g_test_add_func ("/render/paint/reveal", test_paint_reveal);
  g_test_add_func ("/render/paint/text-floor", test_paint_text_floor);
  g_test_add_func ("/render/paint/names-clear-of-referral", test_paint_names_clear_of_referral);
  g_test_add_func ("/render/paint/names-on-a-small-screen", test_paint_names_on_a_small_screen);
  g_test_add_func ("/render/paint/leaders-clear-of-markers", test_paint_leaders_clear_of_markers);
  g_test_add_func ("/render/paint/names-apart-on-a-client-wheel", test_paint_names_apart_on_a_client_wheel);
  g_test_add_func ("/render/paint/thumbnail-has-no-text", test_paint_thumbnail_has_no_text);
  g_test_add_func ("/render/paint/motion", test_paint_motion);
  g_test_add_func ("/render/paint/count-form", test_paint_count_form);
  g_test_add_func ("/render/paint/count-form-needless", test_paint_count_form_needless);
  g_test_add_func ("/render/paint/counts-roll-in-place", test_paint_counts_roll_in_place);
  g_test_add_func ("/render/paint/count-parts", test_paint_count_parts);
  g_test_add_func ("/render/paint/selection-under-markers", test_paint_selection_under_markers);
  g_test_add_func ("/render/paint/overlay-states", test_paint_overlay_states);
  g_test_add_func ("/render/paint/labels", test_paint_labels);
  g_test_add_func ("/render/paint/labels-clear-of-referrals", test_paint_labels_clear_of_referrals);
  g_test_add_func ("/render/paint/referral-label-words", test_referral_label_words);
  g_test_add_func ("/render/paint/unusual", test_paint_unusual);
  g_test_add_func ("/render/paint/vector", test_paint_vector);
  g_test_add_func ("/render/paint/marker-alone", test_paint_marker_alone);
  g_test_add_func ("/render/period-blend", test_period_blend);
  g_test_add_func ("/render/figures-card/long-title", test_figures_card_long_title);

  return g_test_run ();
}
