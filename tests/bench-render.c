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
#include <time.h>

#include <glib/gstdio.h>

#include "fw-chart.h"
#include "fw-engine.h"
#include "fw-export.h"
#include "fw-file.h"
#include "fw-test-largest.h"
#include "fw-wheel-painter.h"

/* What a frame of the wheel costs under software rendering, on an image
 * surface the size of a full HD window: the static layer (drawn when the
 * document or the size changes, then cached by the widget), and the
 * motion and overlay layers drawn on every frame while the wheel turns.
 * The case: 16 stages and 100 points.
 *
 * Then the projection chart at the same size, for H = 24 and H = 100,000:
 * a frame that moves the marker (what playback draws), and the first
 * frame after the data changed (the per-column summary recomputed).
 * Measured, never asserted: `meson test -C build --benchmark -v
 * bench-render`. Times are the process's CPU time, so that other work on
 * a shared machine does not count (the wall-clock time is printed too). */

#define WIDTH  1920
#define HEIGHT 1080

static FwScenario *
make_scenario (guint n_points)
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
  for (guint k = 0; k < n_points; k++)
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

/* CPU time of this thread, in ms: unlike the wall clock, not inflated
 * by other processes taking the core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef void (*PaintFunc) (cairo_t *, const FwWheelLayout *, const FwWheelStyle *,
                           const FwWheelScene *);

/* Frame times: the first WARMUP frames warm the font and glyph caches
 * and are not kept. */
#define WARMUP 3

typedef struct
{
  guint   runs;
  double *cpu, *wall;
  double  cpu_start;
  gint64  wall_start;
} Samples;

static void
samples_init (Samples *samples,
              guint    runs)
{
  samples->runs = runs;
  samples->cpu = g_new (double, runs);
  samples->wall = g_new (double, runs);
}

static void
samples_start (Samples *samples)
{
  samples->wall_start = g_get_monotonic_time ();
  samples->cpu_start = cpu_ms ();
}

static void
samples_stop (Samples *samples,
              guint    frame)
{
  if (frame < WARMUP)
    return;
  samples->cpu[frame - WARMUP] = cpu_ms () - samples->cpu_start;
  samples->wall[frame - WARMUP] = (g_get_monotonic_time () - samples->wall_start) / 1000.0;
}

/* Prints the median and 95th percentile, and frees. */
static void
samples_report (Samples    *samples,
                const char *what)
{
  guint runs = samples->runs;

  qsort (samples->cpu, runs, sizeof (double), compare_doubles);
  qsort (samples->wall, runs, sizeof (double), compare_doubles);
  printf ("%-46s CPU median %7.3f ms  p95 %7.3f ms  (wall median %7.3f ms, %u runs)\n", what,
          samples->cpu[runs / 2], samples->cpu[(guint) (runs * 0.95)], samples->wall[runs / 2], runs);
  g_free (samples->cpu);
  g_free (samples->wall);
}

/* To look at what was measured: BENCH_RENDER_PNG=DIR keeps each case's
 * last frame there. */
static void
save_png (cairo_surface_t *surface,
          const char      *what)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("BENCH_RENDER_PNG") == NULL)
    return;
  name = g_strdup_printf ("%s.png", what);
  g_strdelimit (name, " ,:=+()", '-');
  path = g_build_filename (g_getenv ("BENCH_RENDER_PNG"), name, NULL);
  cairo_surface_write_to_png (surface, path);
}

/* Where the ring left the counts, for paint_counts(). */
static FwWheelCountSpots roll_spots;

static void
paint_ring (cairo_t             *cr,
            const FwWheelLayout *layout,
            const FwWheelStyle  *style,
            const FwWheelScene  *scene)
{
  FwWheelCountSpots spots;

  fw_wheel_paint_ring (cr, layout, style, scene, &spots);
}

static void
paint_counts (cairo_t             *cr,
              const FwWheelLayout *layout,
              const FwWheelStyle  *style,
              const FwWheelScene  *scene)
{
  fw_wheel_paint_counts (cr, layout, style, scene, &roll_spots);
}

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
  Samples samples;

  samples_init (&samples, runs);
  for (guint i = 0; i < runs + WARMUP; i++)
    {
      cairo_t *cr = cairo_create (surface);

      fw_wheel_motion_advance (&scene->motion, 1.0 / 60.0);
      samples_start (&samples);
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
      samples_stop (&samples, i);
      cairo_destroy (cr);
    }

  samples_report (&samples, what);

  save_png (surface, what);
  cairo_surface_destroy (surface);
}

/* The chart ------------------------------------------------------------ */

typedef struct
{
  FwScenario      *scenarios[3];
  FwChartRows     *rows[3];
  FwChartScenario  input[3];
  double          *band[3];       /* p10, p50, p90 of the first */
} ChartData;

/* Three variants of the bench wheel over @horizon periods; with @band, a
 * band round the first's customers (made up here: the band engine is
 * separate, the chart draws whatever arrays it is given). */
static void
chart_data_init (ChartData *data,
                 guint      horizon,
                 gboolean   band)
{
  static const char * const names[] = { "Baseline", "Without the long checkout", "With referral rewards" };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FwProjection) projection = fw_projection_new ();

      data->scenarios[i] = make_scenario (100);
      data->scenarios[i]->inflow = 500 + 150 * i;
      fw_projection_run (projection, data->scenarios[i], horizon);
      data->rows[i] = fw_chart_rows_new_from_projection (projection);
      fw_chart_rows_describe (data->rows[i], names[i], &data->input[i]);
    }

  for (guint k = 0; k < 3; k++)
    data->band[k] = NULL;
  if (band)
    {
      const double *customers = data->rows[0]->values[FW_CHART_CUSTOMERS];

      for (guint k = 0; k < 3; k++)
        {
          data->band[k] = g_new (double, horizon + 1);
          for (guint t = 0; t <= horizon; t++)
            data->band[k][t] = customers[t] * (0.9 + 0.1 * k) * (1.0 + 0.05 * k * t / horizon);
        }
      data->input[0].band_low = data->band[0];
      data->input[0].band_median = data->band[1];
      data->input[0].band_high = data->band[2];
    }
}

static void
chart_data_clear (ChartData *data)
{
  for (guint i = 0; i < 3; i++)
    {
      fw_chart_rows_free (data->rows[i]);
      fw_scenario_unref (data->scenarios[i]);
      g_free (data->band[i]);
    }
}

typedef enum
{
  CHART_WHOLE,         /* the whole chart, layout and summaries cached */
  CHART_DATA_CHANGED,  /* the whole chart after the data changed */
  CHART_MARKER,        /* the static layer kept as an image: playback */
} ChartFrame;

/* Paints @runs frames of @chart at WIDTH x HEIGHT over a white
 * background, moving the marker on a period before each (playback). */
static void
measure_chart (const char            *what,
               FwChart               *chart,
               const FwChartScenario *input,
               guint                  n_scenarios,
               guint                  horizon,
               ChartFrame             frame,
               guint                  runs)
{
  cairo_surface_t *cached = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  Samples samples;

  fw_chart_set_scenarios (chart, input, n_scenarios);
  if (frame == CHART_MARKER)
    {
      cairo_t *cr;

      cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (cached);
      fw_chart_paint_static (chart, cr, WIDTH, HEIGHT);
      cairo_destroy (cr);
    }
  samples_init (&samples, runs);
  for (guint i = 0; i < runs + WARMUP; i++)
    {
      cairo_t *cr = cairo_create (surface);

      /* The background is the caller's (GTK paints the window's). */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_surface_flush (surface);

      samples_start (&samples);
      if (frame == CHART_DATA_CHANGED)
        fw_chart_set_scenarios (chart, input, n_scenarios);
      fw_chart_set_marker (chart, (int) ((guint64) i * horizon / (runs + WARMUP)));
      if (frame == CHART_MARKER)
        {
          cairo_set_source_surface (cr, cached, 0, 0);
          cairo_paint (cr);
          fw_chart_paint_marker (chart, cr, WIDTH, HEIGHT);
        }
      else
        fw_chart_paint (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      samples_stop (&samples, i);
      cairo_destroy (cr);
    }

  samples_report (&samples, what);

  save_png (surface, what);
  g_clear_pointer (&cached, cairo_surface_destroy);
  cairo_surface_destroy (surface);
}

static void
bench_chart (void)
{
  static const guint horizons[] = { 24, 100000 };

  printf ("\nchart: %dx%d, 16-stage wheel, every series, image surface (software);\n"
          "each frame moves the marker; the background is cleared before the clock starts;\n"
          "whole: everything drawn; marker frame: the static layer kept as an image (playback)\n", WIDTH, HEIGHT);

  for (guint h = 0; h < G_N_ELEMENTS (horizons); h++)
    {
      ChartData data;
      g_autoptr(FwChart) chart = fw_chart_new ();
      g_autofree char *one = g_strdup_printf ("H=%u, 1 scenario: whole", horizons[h]);
      g_autofree char *changed = g_strdup_printf ("H=%u, 1 scenario: whole after data change", horizons[h]);
      g_autofree char *three = g_strdup_printf ("H=%u, 3 scenarios + band: whole", horizons[h]);
      g_autofree char *marker = g_strdup_printf ("H=%u, 3 scenarios + band: marker frame", horizons[h]);

      chart_data_init (&data, horizons[h], TRUE);
      fw_chart_set_period_label (chart, "month");
      fw_chart_set_band_shown (chart, FALSE);
      measure_chart (one, chart, data.input, 1, horizons[h], CHART_WHOLE, 200);
      measure_chart (changed, chart, data.input, 1, horizons[h], CHART_DATA_CHANGED, 40);
      fw_chart_set_band_shown (chart, TRUE);
      measure_chart (three, chart, data.input, 3, horizons[h], CHART_WHOLE, 200);
      measure_chart (marker, chart, data.input, 3, horizons[h], CHART_MARKER, 200);
      chart_data_clear (&data);
    }

  /* The worst case for drawing: every series swinging from one period
   * to the next (a wheel that moves everyone each period), so every
   * pixel column holds a peak and a dip. */
  {
    guint horizon = 100000;
    g_autoptr(FwChart) chart = fw_chart_new ();
    FwChartScenario input = { "Swinging", horizon, { NULL }, NULL, NULL, NULL };
    double *values[FW_CHART_N_SERIES];

    for (guint s = 0; s < FW_CHART_N_SERIES; s++)
      {
        values[s] = g_new (double, horizon + 1);
        for (guint t = 0; t <= horizon; t++)
          values[s][t] = 1000.0 * (s + 1) + (t % 2 ? 300.0 : -300.0) * (1.0 + sin (t * 1e-4));
        input.values[s] = values[s];
      }
    fw_chart_set_period_label (chart, "month");
    measure_chart ("H=100000 swinging every period: whole", chart, &input, 1, horizon,
                   CHART_WHOLE, 100);
    for (guint s = 0; s < FW_CHART_N_SERIES; s++)
      g_free (values[s]);
  }
}

/* Export ------------------------------------------------------------------ */

/* `flywheel-cli export` without the process around it: the issue's
 * case, a 16-stage, 200-point wheel as a 1920x1080 PNG, drawn, encoded
 * and written whole (fw_file_replace(): a temporary file, fsync, rename)
 * into a temporary folder; and the same as PDF and as SVG (whose fonts
 * are cut to the characters drawn and embedded, fw-svg-fonts.c). */
static void
bench_export (void)
{
  g_autoptr(FwScenario) scenario = make_scenario (200);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  g_autoptr(FwProject) project = fw_project_new ("Bench");
  g_autofree char *dir = g_dir_make_tmp ("bench-render-XXXXXX", NULL);
  static const struct { FwExportFormat format; const char *name; } cases[] = {
    { FW_EXPORT_PNG, "export.png" }, { FW_EXPORT_PDF, "export.pdf" },
    { FW_EXPORT_SVG, "export.svg" },
  };

  g_assert (dir != NULL);
  project->horizon = 24;
  fw_projection_run (projection, scenario, project->horizon);
  printf ("\nexport: %u stages, %u points, 1920x1080, drawn, encoded and written whole\n",
          scenario->stages->len, scenario->points->len);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = g_build_filename (dir, cases[c].name, NULL);
      g_autofree char *what = g_strdup_printf ("%s (%s)", cases[c].name, "render + encode + write");
      const FwScenario *scenarios[] = { scenario };
      const FwProjection *projections[] = { projection };
      FwExportRequest request = {
        .format = cases[c].format, .view = FW_EXPORT_WHEEL, .width = WIDTH, .height = HEIGHT,
        .project = project, .scenarios = scenarios, .projections = projections,
        .n_scenarios = 1, .period = -1,
      };
      Samples samples;

      samples_init (&samples, 20);
      for (guint i = 0; i < 20 + WARMUP; i++)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;

          samples_start (&samples);
          bytes = fw_export_render (&request, &error);
          g_assert_no_error (error);
          fw_file_replace (path, bytes, &error);
          g_assert_no_error (error);
          samples_stop (&samples, i);
        }
      samples_report (&samples, what);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The ring of the largest scenario MODEL.md allows (16 stages and 1000
 * points, every point off and flagged, the names at their longest), at
 * the size the window gives the wheel at 1920x1080: what the first frame
 * after opening it paints (bench-open). Its markers as paths, as
 * exports draw them, and copied from stamps, as the window does. */
static void
bench_largest_ring (void)
{
  g_autoptr(FwProject) project = fw_test_largest_project (FW_LARGEST_FOR_STORE, 1);
  const FwScenario *scenario = g_ptr_array_index (project->scenarios, 0);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  FwWheelLayout layout;
  FwWheelStyle style;
  FwWheelScene scene;

  fw_projection_run (projection, scenario, 24);
  fw_wheel_layout_compute (&layout, 1248, 643);
  fw_wheel_style_init_light (&style);
  fw_wheel_scene_init (&scene);
  scene.scenario = scenario;
  scene.projection = projection;
  scene.period_label = "quarter";

  printf ("\nthe largest scenario's ring: %u stages, %u points, 1248x643\n",
          scenario->stages->len, scenario->points->len);
  scene.stamp_markers = FALSE;
  measure ("largest ring, markers as paths (exports)", paint_ring, NULL, &layout, &style, &scene, 20);
  scene.stamp_markers = TRUE;
  measure ("largest ring, markers stamped (the window)", paint_ring, NULL, &layout, &style, &scene, 20);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(FwScenario) scenario = make_scenario (100);
  g_autoptr(FwProjection) projection = fw_projection_new ();
  const FwFigures *figures;
  cairo_surface_t *cached, *ring;
  FwWheelRoom room;
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

  /* Playing, between two periods: a roll of the counts paints them over
   * the ring's kept pixels, as the widget does (fw-wheel-view.c). */
  scene.position = 0.5;
  ring = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (ring);
  fw_wheel_room_measure (&room, cr, &layout, &style, &scene);
  scene.room = &room;
  fw_wheel_paint_ring (cr, &layout, &style, &scene, &roll_spots);
  scene.room = NULL;
  cairo_destroy (cr);
  measure ("static, playing: ring (once a period or less)", paint_ring,
           NULL, &layout, &style, &scene, 40);
  measure ("static, playing: a roll (counts over the ring)", paint_counts,
           ring, &layout, &style, &scene, 200);
  cairo_surface_destroy (ring);
  scene.position = 0.0;
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

  bench_largest_ring ();
  bench_chart ();
  bench_export ();

  return 0;
}
