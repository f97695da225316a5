/* test-render-leaders.c: presenting's leader lines cross no words
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>

#include "fw-engine.h"
#include "fw-json.h"
#include "fw-wheel-layout.h"
#include "fw-wheel-painter.h"
#include "fw-wheel-private.h"

/* The client project a verifier presented (verify10b, tests/data/
 * client-v10b.json: four scenarios of the sales cycle with 6 to 10
 * points), in the areas presenting gives its wheel on three screens, at
 * the text's floor there, at normal size and zoomed in (Ctrl+plus once
 * and twice). Measured in the running program: 1920x1080, 1280x720 and
 * 1024x768, the wheel's area narrower or wider with the key's room. */
static const struct
{
  double width, height, floor;
} areas[] = {
  { 1027, 1022, 29 }, { 1099, 1022, 29 },
  { 685, 682, 19 }, { 730, 682, 19 },
  { 516, 728, 20 }, { 569, 728, 20 },
};
static const double zooms[] = { 1.0, 1.15, 1.3 };

/* A piece of a leader line, and the text it leads to (never "crossed"
 * by its own leader). */
typedef struct
{
  double      seg[4];
  const char *what;
  guint       own;    /* index in the texts */
} Piece;

typedef struct
{
  FwWheelBox  box;
  const char *what;
} Text;

/* Whether the segment @s passes through @box's inside, tried at small
 * steps along it: the test's own way, not the placing's. */
static gboolean
segment_meets_box (const double      s[4],
                   const FwWheelBox *box)
{
  for (guint i = 0; i <= 400; i++)
    {
      double x = s[0] + (s[2] - s[0]) * i / 400.0, y = s[1] + (s[3] - s[1]) * i / 400.0;

      if (x > box->x0 + 0.5 && x < box->x1 - 0.5 && y > box->y0 + 0.5 && y < box->y1 - 0.5)
        return TRUE;
    }
  return FALSE;
}

static void
add_text (GArray           *texts,
          const FwWheelBox *box,
          const char       *what)
{
  Text text = { *box, what };

  g_array_append_val (texts, text);
}

static void
add_piece (GArray       *pieces,
           const double  seg[4],
           const char   *what,
           guint         own)
{
  Piece piece = { { seg[0], seg[1], seg[2], seg[3] }, what, own };

  /* A piece of no length is no line. */
  if (hypot (seg[2] - seg[0], seg[3] - seg[1]) > 0.5)
    g_array_append_val (pieces, piece);
}

/* A point's leader as drawn: from its marker's edge to its text, when
 * drawn at all (fw-wheel-names.c draws none beside the marker). */
static void
add_point_leader (GArray              *pieces,
                  const FwWheelLayout *layout,
                  const double         leader[4],
                  const char          *what,
                  guint                own)
{
  double d = hypot (leader[2] - leader[0], leader[3] - leader[1]);
  double seg[4];

  if (d <= layout->marker + layout->label_size * 0.6)
    return;
  seg[0] = leader[0] + (leader[2] - leader[0]) * layout->marker / d;
  seg[1] = leader[1] + (leader[3] - leader[1]) * layout->marker / d;
  seg[2] = leader[2];
  seg[3] = leader[3];
  add_piece (pieces, seg, what, own);
}

static gboolean
inside_area (const FwWheelBox    *box,
             const FwWheelLayout *layout)
{
  return box->x0 >= -0.5 && box->y0 >= -0.5 && box->x1 <= layout->width + 0.5
         && box->y1 <= layout->height + 0.5;
}

/* Everything written on the wheel and every leader, as painted: the
 * stage labels and their leaders where fw_wheel_paint_ring() says it
 * drew them, the referral label's box, and the points' names and
 * numbers placed as the painter places them. Returns how many points
 * are named or numbered. */
static guint
collect (cairo_t             *cr,
         const FwWheelLayout *layout,
         const FwWheelStyle  *style,
         const FwWheelScene  *scene,
         GArray              *texts,
         GArray              *pieces)
{
  g_autoptr(GArray) stage_boxes = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  g_autoptr(GArray) stage_leaders = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  g_autoptr(GArray) name_leaders = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) badges = g_array_new (FALSE, FALSE, sizeof (FwWheelBox));
  g_autoptr(GArray) badge_leaders = g_array_new (FALSE, FALSE, sizeof (double));
  FwWheelPointText out = { names, name_leaders, badges, badge_leaders, NULL };
  FwWheelCountSpots spots;
  FwReferralGeometry kept;
  double referral_box[4];
  guint first;

  fw_wheel_paint_ring (cr, layout, style, scene, &spots);
  for (guint i = 0; i < scene->scenario->stages->len; i++)
    {
      const FwWheelCountSpot *spot = &spots.stages[i];
      FwWheelBox box = { spot->label[0], spot->label[1], spot->label[2], spot->label[3] };

      if (!spot->labelled)
        continue;
      add_text (texts, &box, fw_scenario_get_stage (scene->scenario, i)->name);
      if (spot->led)
        {
          for (guint p = 0; p < 6; p += 2)
            add_piece (pieces, spot->leader + p, fw_scenario_get_stage (scene->scenario, i)->name, texts->len - 1);
        }
    }

  fw_wheel_place_stage_labels (cr, layout, style, scene, &kept, referral_box, stage_boxes, stage_leaders);
  if (referral_box[2] > referral_box[0])
    {
      FwWheelBox box = { referral_box[0], referral_box[1], referral_box[2], referral_box[3] };

      add_text (texts, &box, "the referral label");
    }
  fw_wheel_place_point_names (cr, layout, style, scene, &kept, referral_box, stage_boxes, stage_leaders,
                              FALSE, FALSE, &out);
  first = texts->len;
  for (guint i = 0; i < names->len; i++)
    {
      add_text (texts, &g_array_index (names, FwWheelBox, i), "a point's name");
      add_point_leader (pieces, layout, &g_array_index (name_leaders, double, 4 * i), "a point's name",
                        first + i);
    }
  first = texts->len;
  for (guint i = 0; i < badges->len; i++)
    {
      add_text (texts, &g_array_index (badges, FwWheelBox, i), "a point's number");
      add_point_leader (pieces, layout, &g_array_index (badge_leaders, double, 4 * i), "a point's number",
                        first + i);
    }
  return names->len + badges->len;
}

/* Presenting the client wheel (V10B-01, -03, -09): no leader runs
 * through a stage's label, the referral label, a point's name or
 * number; no two leaders cross; nothing leaves the wheel's own area,
 * which ends where the figures begin; and every stage is still named
 * whole, every point named or numbered. */
static void
test_leaders_cross_no_words (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "client-v10b.json", NULL);
  g_autoptr(GError) error = NULL;
  FwProject *project = fw_project_from_json_file (path, &error);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint s = 0; s < project->scenarios->len; s++)
    {
      FwScenario *scenario = fw_project_get_scenario (project, s);
      g_autoptr(FwProjection) projection = fw_projection_new ();

      fw_projection_run (projection, scenario, project->horizon);
      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
          {
            FwWheelText text = { zooms[z], areas[a].floor, TRUE, 0.0, 0.0 };
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) areas[a].width,
                                                                   (int) areas[a].height);
            cairo_t *cr = cairo_create (surface);
            g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (Text));
            g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
            FwWheelLayout layout;
            FwWheelStyle style;
            FwWheelScene scene;
            guint identified, whole;

            fw_wheel_style_init_light (&style);
            fw_wheel_scene_init (&scene);
            scene.scenario = scenario;
            scene.projection = projection;
            scene.period_label = fw_period_to_string (project->period);
            scene.momentum_shown = fw_projection_get_figures (projection, 0)->momentum;
            scene.point_names = TRUE;
            scene.every_period = TRUE;
            fw_wheel_fit_text (cr, &layout, areas[a].width, areas[a].height, &text, &style, &scene);
            identified = collect (cr, &layout, &style, &scene, texts, pieces);
            g_test_message ("\"%s\" at %gx%g zoomed %g: %u words, %u leader pieces", scenario->name,
                            areas[a].width, areas[a].height, zooms[z], texts->len, pieces->len);

            for (guint i = 0; i < pieces->len; i++)
              {
                const Piece *piece = &g_array_index (pieces, Piece, i);

                for (guint j = 0; j < texts->len; j++)
                  {
                    const Text *other = &g_array_index (texts, Text, j);

                    if (j != piece->own && segment_meets_box (piece->seg, &other->box))
                      g_error ("\"%s\" at %gx%g zoomed %g: the leader of %s (%.0f,%.0f)-(%.0f,%.0f) "
                               "runs through %s (%.0f,%.0f)-(%.0f,%.0f)",
                               scenario->name, areas[a].width, areas[a].height, zooms[z], piece->what,
                               piece->seg[0], piece->seg[1], piece->seg[2], piece->seg[3], other->what,
                               other->box.x0, other->box.y0, other->box.x1, other->box.y1);
                  }
                for (guint j = i + 1; j < pieces->len; j++)
                  {
                    const Piece *other = &g_array_index (pieces, Piece, j);

                    if (fw_wheel_segments_cross (piece->seg, other->seg))
                      g_error ("\"%s\" at %gx%g zoomed %g: the leaders of %s and %s cross",
                               scenario->name, areas[a].width, areas[a].height, zooms[z], piece->what,
                               other->what);
                  }
                for (guint e = 0; e < 4; e += 2)
                  {
                    g_assert_cmpfloat (piece->seg[e], >=, 0.0);
                    g_assert_cmpfloat (piece->seg[e], <=, layout.width);
                    g_assert_cmpfloat (piece->seg[e + 1], >=, 0.0);
                    g_assert_cmpfloat (piece->seg[e + 1], <=, layout.height);
                  }
              }
            for (guint j = 0; j < texts->len; j++)
              if (!inside_area (&g_array_index (texts, Text, j).box, &layout))
                g_error ("\"%s\" at %gx%g zoomed %g: %s leaves the wheel's area", scenario->name,
                         areas[a].width, areas[a].height, zooms[z], g_array_index (texts, Text, j).what);

            /* Not met by leaving words out. */
            fw_wheel_count_stage_labels (cr, &layout, &style, &scene, &whole);
            g_assert_cmpuint (whole, ==, scenario->stages->len);
            g_assert_cmpuint (identified, ==, scenario->points->len);
            checked += pieces->len;
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
    }
  g_test_message ("%u leader pieces checked", checked);
  /* There are leaders to check: the case the verifier saw. */
  g_assert_cmpuint (checked, >, 100);
  fw_project_free (project);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/leaders/cross-no-words", test_leaders_cross_no_words);
  return g_test_run ();
}
