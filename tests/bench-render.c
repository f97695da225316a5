/* bench-render.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-render"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fw-engine.h"
#include "fw-wheel-painter.h"

/* What a frame of the wheel costs under software rendering, on an image
 * surface the size of a full HD window: the static layer (drawn when the
 * document or the size changes, then cached by the widget), and the
 * motion and overlay layers drawn on every frame while the wheel turns.
 * The case: 16 stages and 100 points. Measured, never asserted:
 * `meson test -C build --benchmark -v bench-render`. */

#define WIDTH  1920
#define HEIGHT 1080

static FwScenario *
make_scenario (void)
{
  static const char * const names[] = {
    "Awareness", "Interest", "Consideration", "Intent", "Evaluation", "Trial",
    "Purchase", "Onboarding", "Adoption", "Retention", "Expansion", "Loyalty",
    "Advocacy", "Community", "Renewal", "Referral",
  };
  FwScenario *scenario = fw_scenario_new ("Bench");

  scenario->inflow = 500;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      FwStage *stage = fw_stage_new (names[i], i);

      stage->count = 500 + 300 * ((i * 7) % 5);
      stage->advance = 0.2 + 0.02 * (i % 4);
      stage->loss = 0.05;
      stage->referral = i >= 10 ? 0.05 : 0.0;
      stage->customer = i >= 6;
      g_ptr_array_add (scenario->stages, stage);
    }
  for (guint k = 0; k < 100; k++)
    {
      FwPoint *point = fw_point_new ("Point", fmod (k * 137.5, 360.0));

      point->kind = k % 3 == 0 ? FW_POINT_FORCE : FW_POINT_FRICTION;
      point->enabled = k % 7 != 0;
      point->conversion = point->kind == FW_POINT_FORCE ? 0.05 : -0.05;
      g_ptr_array_add (scenario->points, point);
    }
  return scenario;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef void (*PaintFunc) (cairo_t *, const FwWheelLayout *, const FwWheelStyle *,
                           const FwWheelScene *);

/* Paints @runs frames, moving the wheel on a frame (1/60 s) before each,
 * and prints the median and 95th percentile in milliseconds. */
static void
measure (const char          *what,
         PaintFunc            paint,
         cairo_surface_t     *background,
         const FwWheelLayout *layout,
         const FwWheelStyle  *style,
         FwWheelScene        *scene,
         guint                runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double *times = g_new (double, runs);

  for (guint i = 0; i < runs + 3; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      fw_wheel_motion_advance (&scene->motion, 1.0 / 60.0);
      start = g_get_monotonic_time ();
      if (background != NULL)
        {
          /* The cached static layer, as the widget replays it. */
          cairo_set_source_surface (cr, background, 0, 0);
          cairo_paint (cr);
        }
      if (paint != NULL)
        paint (cr, layout, style, scene);
      else
        {
          fw_wheel_paint_motion (cr, layout, style, scene);
          fw_wheel_paint_overlay (cr, layout, style, scene);
        }
      cairo_surface_flush (surface);
      /* The first frames warm the font and glyph caches. */
      if (i >= 3)
        times[i - 3] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }

  qsort (times, runs, sizeof *times, compare_doubles);
  printf ("%-40s median %7.3f ms  p95 %7.3f ms  (%u runs)\n", what,
          times[runs / 2], times[(guint) (runs * 0.95)], runs);

  g_free (times);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(FwScenario) scenario = make_scenario ();
  g_autoptr(FwProjection) projection = fw_projection_new ();
  const FwFigures *figures;
  cairo_surface_t *cached;
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;
  cairo_t *cr;

  fw_projection_run (projection, scenario, 24);
  figures = fw_projection_get_figures (projection, 0);

  fw_wheel_layout_compute (&layout, WIDTH, HEIGHT);
  fw_wheel_style_init_light (&style);
  fw_wheel_scene_init (&scene);
  scene.scenario = scenario;
  scene.projection = projection;
  scene.period_label = "month";
  scene.momentum_shown = figures->momentum;
  fw_wheel_motion_set_target (&scene.motion, figures->momentum, figures->total);
  scene.motion.speed = scene.motion.target_speed;

  printf ("bench-render: %dx%d, %u stages, %u points, image surface (software)\n",
          WIDTH, HEIGHT, scenario->stages->len, scenario->points->len);

  measure ("static (on document or size change)", fw_wheel_paint_static,
           NULL, &layout, &style, &scene, 40);
  measure ("motion (every frame)", fw_wheel_paint_motion,
           NULL, &layout, &style, &scene, 400);

  scene.selected_point = 7;
  scene.focused = TRUE;
  scene.highlight_stage = 3;
  scene.highlight_angle = 70.0;
  measure ("overlay (every frame, selection + hover)", fw_wheel_paint_overlay,
           NULL, &layout, &style, &scene, 400);

  cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (cached);
  fw_wheel_paint_static (cr, &layout, &style, &scene);
  cairo_destroy (cr);
  measure ("frame (cached static + motion + overlay)", NULL,
           cached, &layout, &style, &scene, 400);
  cairo_surface_destroy (cached);

  return 0;
}
