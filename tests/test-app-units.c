/* test-app-units.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-app-units"

#include <float.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fw-idle-gate.h"
#include "fw-layer-pool.h"
#include "fw-number-entry.h"
#include "fw-time-words.h"

/* Locales ---------------------------------------------------------------- */

/* Where locales this test built live; removed at the end. */
static char *locale_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* Makes @name (such as "de_DE.UTF-8") the numbers' locale: an installed
 * one, or one built here with localedef, as tests/test-cli.py does.
 * FALSE, with the test skipped, when neither works. */
static gboolean
use_locale (const char *name)
{
  g_autofree char *source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;
  g_autofree char *why = NULL;
  const char *argv[] = { "localedef", "-i", NULL, "-f", "UTF-8", NULL, NULL };
  const char *old_path = g_getenv ("LOCPATH");
  int status = -1;

  if (setlocale (LC_NUMERIC, name) != NULL)
    return TRUE;

  if (locale_dir == NULL)
    {
      locale_dir = g_dir_make_tmp ("fw-locales-XXXXXX", NULL);
      g_assert_nonnull (locale_dir);
    }

  /* A directory of its own in front of LOCPATH: glibc remembers a
   * locale it did not find along a path, so the path must be new. */
  dir = g_build_filename (locale_dir, name, NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  source = g_strndup (name, strcspn (name, "."));
  target = g_build_filename (dir, name, NULL);
  argv[2] = source;
  argv[5] = target;
  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  path = old_path != NULL ? g_strconcat (dir, ":", old_path, NULL) : g_strdup (dir);
  g_setenv ("LOCPATH", path, TRUE);

  if (setlocale (LC_NUMERIC, name) != NULL)
    return TRUE;

  why = g_strdup_printf ("no %s locale (installed, or built with localedef)", name);
  g_test_skip (why);
  return FALSE;
}

static void
use_c_locale (void)
{
  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
}

/* Checks ----------------------------------------------------------------- */

static void
assert_parses (const char *text,
               double      expected)
{
  double value = NAN;

  if (!fw_number_entry_parse (text, &value))
    g_error ("“%s” should read as %.17g", text, expected);
  if (value != expected)
    g_error ("“%s” should read as %.17g, got %.17g", text, expected, value);
}

static void
assert_refused (const char *text)
{
  double value = 42.0;

  if (fw_number_entry_parse (text, &value))
    g_error ("“%s” should be refused, got %.17g", text, value);
  /* Left alone on refusal. */
  g_assert_cmpfloat (value, ==, 42.0);
}

static void
assert_percent (const char *text,
                double      expected)
{
  double value = NAN;

  if (!fw_number_entry_parse_percent (text, &value) || value != expected)
    g_error ("“%s” should read as %.17g percent, got %.17g", text, expected, value);
}

static void
assert_percent_refused (const char *text)
{
  double value;

  if (fw_number_entry_parse_percent (text, &value))
    g_error ("“%s” should be refused as a percent, got %.17g", text, value);
}

static void
assert_format (double      value,
               const char *expected)
{
  g_autofree char *text = fw_number_entry_format (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_format_percent (double      fraction,
                       const char *expected)
{
  g_autofree char *text = fw_number_entry_format_percent (fraction);

  g_assert_cmpstr (text, ==, expected);
}

/* What a field shows for @fraction, read back, is @fraction. */
static void
assert_percent_round_trip (double fraction)
{
  g_autofree char *text = fw_number_entry_format_percent (fraction);
  double percent = NAN;

  if (!fw_number_entry_parse_percent (text, &percent))
    g_error ("%.17g was shown as “%s”, which does not read back", fraction, text);
  if (percent / 100.0 != fraction)
    g_error ("%.17g was shown as “%s”, which reads back as %.17g", fraction, text, percent / 100.0);
}

static void
assert_round_trip (double value)
{
  g_autofree char *text = fw_number_entry_format (value);
  double back = NAN;

  if (!fw_number_entry_parse (text, &back) || back != value)
    g_error ("%.17g was shown as “%s”, which reads back as %.17g", value, text, back);
}

/* Tests ------------------------------------------------------------------ */

static void
test_parse_plain (void)
{
  use_c_locale ();

  assert_parses ("12.5", 12.5);
  assert_parses ("120", 120);
  assert_parses ("0", 0);
  assert_parses ("007", 7);
  assert_parses (".5", 0.5);
  assert_parses ("20.", 20);          /* a "20." being typed on to "20.5" */
  assert_parses ("  7  ", 7);
  assert_parses ("\t3\n", 3);
  assert_parses ("\u00a012\u202f", 12); /* no-break spaces around */
  assert_parses ("1e6", 1e6);
  assert_parses ("2.5E-3", 2.5e-3);
  assert_parses ("0.1", 0.1);
}

static void
test_parse_signs (void)
{
  double zero = 1.0;

  use_c_locale ();

  assert_parses ("-5", -5);
  assert_parses ("+4", 4);
  assert_parses ("\u221220", -20);    /* U+2212 MINUS SIGN, as fields show it */
  assert_parses (" \u22120.5 ", -0.5);
  assert_parses ("1e\u22123", 1e-3);
  assert_parses ("-0", 0);
  g_assert_true (fw_number_entry_parse ("-0", &zero) && signbit (zero));

  assert_refused ("--5");
  assert_refused ("+-5");
  assert_refused ("\u2212-5");
  assert_refused ("5-");
  assert_refused ("- 5");
  assert_refused ("-");
  assert_refused ("\u2212");
  assert_refused ("\u2013" "5");      /* an en dash is not a minus */
}

static void
test_parse_junk (void)
{
  static const char *junk[] = {
    "", " ", "\t", "abc", "12abc", "abc12", "12 abc", "1.2.3", ".", "..5", "1 2",
    "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "\u221e",
    "0x10", "0X1p3", "1e", "1e+", "e5", "1e5.5", "12%", "1,5", "1,00", ",500",
    "\u0661\u0662",                   /* Arabic-Indic digits */
    "1\u00a0000",                     /* the C locale does not group */
  };

  use_c_locale ();

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    assert_refused (junk[i]);

  /* Not UTF-8. */
  assert_refused ("12\xff");
}

/* A locale that names no grouping mark and writes '.' (C, POSIX: a
 * desktop session without LANG) groups as English does: the user review
 * typed "1,500" there and was refused (C3). A comma is never a decimal
 * point there. */
static void
test_parse_c_grouping (void)
{
  use_c_locale ();

  assert_parses ("1,500", 1500);
  assert_parses ("1,234,567.5", 1234567.5);
  assert_parses ("\u22121,000", -1000);
  assert_refused ("1,5");
  assert_refused ("1,50");
  assert_refused ("1,5000");
  assert_refused ("1234,567");
}

/* A unit the field shows beside it may be typed after the number (C3):
 * "25%" was refused in a field that says "%", or, in a field whose text
 * kept it, read "25% %". */
static void
test_parse_unit (void)
{
  double value = NAN;

  use_c_locale ();

  g_assert_true (fw_number_entry_parse_unit ("1500 people", "people", &value));
  g_assert_cmpfloat (value, ==, 1500);
  g_assert_true (fw_number_entry_parse_unit ("1,500people", "people", &value));
  g_assert_cmpfloat (value, ==, 1500);
  g_assert_true (fw_number_entry_parse_unit (" 0.5 Per Person ", "per person", &value));
  g_assert_cmpfloat (value, ==, 0.5);
  g_assert_true (fw_number_entry_parse_unit ("36 months", "months", &value));
  g_assert_cmpfloat (value, ==, 36);
  g_assert_true (fw_number_entry_parse_unit ("25%", "%", &value));
  g_assert_cmpfloat (value, ==, 25);
  g_assert_true (fw_number_entry_parse_unit ("12", "people", &value));
  g_assert_cmpfloat (value, ==, 12);
  g_assert_true (fw_number_entry_parse_unit ("7", NULL, &value));
  g_assert_cmpfloat (value, ==, 7);

  value = 42;
  g_assert_false (fw_number_entry_parse_unit ("people", "people", &value));
  g_assert_false (fw_number_entry_parse_unit ("people 25", "people", &value));
  g_assert_false (fw_number_entry_parse_unit ("25 people people", "people", &value));
  g_assert_false (fw_number_entry_parse_unit ("25 persons", "people", &value));
  g_assert_false (fw_number_entry_parse_unit ("25%", "people", &value));
  g_assert_false (fw_number_entry_parse_unit ("25 people", NULL, &value));
  g_assert_cmpfloat (value, ==, 42);

  if (use_locale ("de_DE.UTF-8"))
    {
      g_assert_true (fw_number_entry_parse_unit ("1.500 Personen", "Personen", &value));
      g_assert_cmpfloat (value, ==, 1500);
      g_assert_true (fw_number_entry_parse_unit ("12,5 %", "%", &value));
      g_assert_cmpfloat (value, ==, 12.5);
    }
  if (use_locale ("fr_FR.UTF-8"))
    {
      g_assert_true (fw_number_entry_parse_unit ("1\u202f500\u00a0personnes", "personnes", &value));
      g_assert_cmpfloat (value, ==, 1500);
      g_assert_true (fw_number_entry_parse_unit ("25\u00a0%", "%", &value));
      g_assert_cmpfloat (value, ==, 25);
    }
  use_c_locale ();
}

static void
test_parse_big (void)
{
  g_autoptr(GString) huge = g_string_new ("1");

  use_c_locale ();

  assert_parses ("1000000000000", 1e12);
  assert_parses ("123456789012345678", 123456789012345678.0);
  assert_parses ("1e308", 1e308);
  assert_parses ("-1.7976931348623157e308", -DBL_MAX);

  /* Past a double: refused, not infinity. */
  assert_refused ("1e309");
  assert_refused ("-1e999");
  assert_refused ("1.8e308");
  for (guint i = 0; i < 400; i++)
    g_string_append_c (huge, '0');
  assert_refused (huge->str);
  /* Below a double's precision: refused, not silently 0. */
  assert_refused ("1e-999");

  assert_round_trip (1e21);
  assert_round_trip (DBL_MAX);
  assert_round_trip (-123456789.125);
}

static void
test_parse_percent (void)
{
  use_c_locale ();

  assert_percent ("20", 20);
  assert_percent ("20%", 20);
  assert_percent ("20 %", 20);
  assert_percent (" \u221212.5 % ", -12.5);
  assert_percent ("0.5%", 0.5);

  assert_percent_refused ("");
  assert_percent_refused ("%");
  assert_percent_refused ("20%%");
  assert_percent_refused ("%20");
  assert_percent_refused ("20 % 5");
  assert_percent_refused ("nan%");
}

static void
test_format_plain (void)
{
  use_c_locale ();

  assert_format (0.1, "0.1");
  assert_format (120, "120");
  assert_format (12.5, "12.5");
  assert_format (0.1 + 0.2, "0.30000000000000004");  /* exact: reads back the same */
  assert_format (0.0, "0");
  assert_format (-0.0, "0");
  assert_format (-5, "\u22125");
  assert_format (123456789, "123456789");           /* never grouped */
  assert_format (1e21, "1e+21");

  for (double v = -1000; v <= 1000; v += 0.125)
    assert_round_trip (v);
}

static void
test_format_percent (void)
{
  use_c_locale ();

  assert_format_percent (0.07, "7");
  assert_format_percent (0.2, "20");
  assert_format_percent (0.3, "30");      /* never "3e+01" */
  assert_format_percent (0.29, "29");
  assert_format_percent (1.0, "100");
  assert_format_percent (-0.2, "\u221220");
  assert_format_percent (0.125, "12.5");
  assert_format_percent (0.005, "0.5");
  assert_format_percent (0.0, "0");
  assert_format_percent (-0.0, "0");

  /* 0.07 -> "7" -> 0.07 exactly, and so for every percent a user types
   * with up to three decimals (stored as the typed number / 100). */
  assert_percent_round_trip (0.07);
  for (int i = -100000; i <= 100000; i++)
    assert_percent_round_trip ((i / 1000.0) / 100.0);
  assert_percent_round_trip (1e-7 / 100.0);   /* "1e-07" typed */
  assert_percent_round_trip (123456.789);

  /* Fractions written by a file or the command line, which no typed
   * percent gives (23.8 / 100 is 0.23800000000000002, not 0.238), show
   * as they are written: never "23.799999999999997". */
  assert_format_percent (0.238, "23.8");
  assert_format_percent (0.144, "14.4");
  assert_format_percent (0.173, "17.3");
  assert_format_percent (0.352, "35.2");
  assert_format_percent (0.5005, "50.05");

  /* A fraction no typed percent gives (from a file, say) still shows
   * the percent nearest to it. */
  {
    g_autofree char *text = fw_number_entry_format_percent (1.0 / 3.0);
    double percent;

    g_assert_true (fw_number_entry_parse_percent (text, &percent));
    g_assert_cmpfloat_with_epsilon (percent, 100.0 / 3.0, 1e-12);
  }
}

static void
test_locale_comma (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;

  /* Both decimal separators. */
  assert_parses ("12,5", 12.5);
  assert_parses ("12.5", 12.5);
  assert_parses ("\u22120,5", -0.5);
  assert_parses (",5", 0.5);
  /* '.' groups only where it cannot be a decimal point. */
  assert_parses ("1.000,5", 1000.5);
  assert_parses ("1.234.567", 1234567);
  /* "1.500" is how German writes fifteen hundred (C3); a '.' that
   * cannot be a thousands mark stays a decimal point. */
  assert_parses ("1.000", 1000);
  assert_parses ("1.500", 1500);
  assert_parses ("12.000", 12000);
  assert_parses ("\u22121.500", -1500);
  assert_parses ("1.5", 1.5);
  assert_parses ("1.50", 1.5);
  assert_parses ("1.5000", 1.5);
  assert_parses ("0.500", 0.5);
  assert_parses ("1234.567", 1234.567);
  /* The decimal comma is never a thousands mark. */
  assert_parses ("1,500", 1.5);
  assert_parses ("1.500,25", 1500.25);
  assert_refused ("1.00,5");
  assert_refused ("1.000.5");
  assert_refused ("1,2,3");
  assert_refused ("12,5abc");
  assert_refused ("1,000.5");
  assert_percent ("12,5 %", 12.5);

  assert_format (12.5, "12,5");
  assert_format (-0.25, "\u22120,25");
  assert_format (1234567, "1234567");
  assert_format_percent (0.125, "12,5");
  assert_format_percent (0.07, "7");
  assert_percent_round_trip (0.07);
  for (int i = -1000; i <= 1000; i++)
    assert_percent_round_trip ((i / 10.0) / 100.0);
  for (double v = -100; v <= 100; v += 0.125)
    assert_round_trip (v);

  use_c_locale ();
}

static void
test_locale_grouping (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_parses ("1,000", 1000);
  assert_parses ("1,234,567.5", 1234567.5);
  assert_parses ("\u22121,000", -1000);
  assert_parses ("1,000e3", 1e6);
  assert_parses ("1,500", 1500);
  assert_parses ("1.500", 1.5);
  assert_percent ("25%", 25);
  /* A comma that does not group three digits is refused, never guessed. */
  assert_refused ("1,5");
  assert_refused ("1,00");
  assert_refused ("1,0000");
  assert_refused ("12,345,67");
  assert_refused ("1234,567");
  assert_refused (",123");
  assert_refused ("1,");
  assert_refused ("0.5,000");
  assert_format (1234567.5, "1234567.5");

  use_c_locale ();
}

static void
test_locale_space (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    return;

  /* The locale groups with U+202F; a user types a plain space. */
  assert_parses ("1\u202f000", 1000);
  assert_parses ("1 000", 1000);
  assert_parses ("1\u00a0234\u00a0567,5", 1234567.5);
  assert_parses ("12,5", 12.5);
  assert_parses ("12.5", 12.5);
  assert_refused ("1 5");
  assert_refused ("1  000");
  assert_percent ("12,5 %", 12.5);
  assert_format (12.5, "12,5");
  /* The decimal comma is never a thousands mark; '.' is a decimal. */
  assert_parses ("1\u202f500", 1500);
  assert_parses ("1\u00a0500", 1500);
  assert_parses ("1,500", 1.5);
  assert_parses ("1.500", 1.5);
  assert_percent ("25\u202f%", 25);

  use_c_locale ();
}

/* The animation gate ------------------------------------------------------ */

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Always ready, above idle priority: a frame clock that is always due. */
static gboolean
stay_busy (gpointer user_data)
{
  guint *left = user_data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A frame passes, then none until the idle work queued meanwhile (GTK's
 * accessibility registration, in the window) has had its turn. */
static void
test_idle_gate_yields (void)
{
  FwIdleGate gate = FW_IDLE_GATE_INIT;
  gboolean idle_ran = FALSE;
  guint busy_left = 50;

  g_assert_true (fw_idle_gate_pass (&gate));
  g_assert_false (fw_idle_gate_is_open (&gate));
  g_assert_false (fw_idle_gate_pass (&gate));

  g_idle_add (set_flag, &idle_ran);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, stay_busy, &busy_left, NULL);
  /* While something more urgent is always ready, the gate stays shut. */
  for (guint i = 0; i < 49; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_false (fw_idle_gate_is_open (&gate));
      g_assert_false (idle_ran);
    }
  while (!fw_idle_gate_is_open (&gate))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (busy_left, ==, 0);
  g_assert_true (idle_ran);

  g_assert_true (fw_idle_gate_pass (&gate));
  fw_idle_gate_clear (&gate);
}

/* Clearing opens the gate and leaves no idle behind that could touch it
 * after its owner is gone. */
static void
test_idle_gate_clear (void)
{
  FwIdleGate *gate = g_new0 (FwIdleGate, 1);
  gboolean later = FALSE;

  g_assert_true (fw_idle_gate_pass (gate));
  fw_idle_gate_clear (gate);
  g_assert_true (fw_idle_gate_is_open (gate));
  g_free (gate);

  g_idle_add (set_flag, &later);
  while (!later)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_main_context_pending (NULL));
}

/* The layer pool ---------------------------------------------------------- */

/* A cairo node painting @pixels, as fw_render_texture_node() makes one. */
static GskRenderNode *
node_showing (cairo_surface_t *pixels,
              int              size)
{
  GtkSnapshot *recorder = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (recorder, &GRAPHENE_RECT_INIT (0, 0, size, size));

  cairo_set_source_surface (cr, pixels, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (recorder);
}

static void
fill (cairo_surface_t *pixels,
      double           red)
{
  cairo_t *cr = cairo_create (pixels);

  cairo_set_source_rgb (cr, red, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (pixels);
}

/* The first pixel @node draws, as 0xAARRGGBB. */
static guint32
drawn_by (GskRenderNode *node)
{
  cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (out);
  guint32 pixel;

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (out);
  pixel = *(guint32 *) cairo_image_surface_get_data (out);
  cairo_surface_destroy (out);
  return pixel;
}

static gboolean
all_clear (cairo_surface_t *pixels)
{
  const guchar *data = cairo_image_surface_get_data (pixels);
  gsize size = (gsize) cairo_image_surface_get_stride (pixels) * cairo_image_surface_get_height (pixels);

  for (gsize i = 0; i < size; i++)
    if (data[i] != 0)
      return FALSE;
  return TRUE;
}

/* Pixels a node still shows are never handed out again; once it is gone
 * they are, cleared; the node showing the other ones keeps its picture. */
static void
test_layer_pool_reuses_unshown (void)
{
  FwLayerPool pool = FW_LAYER_POOL_INIT;
  cairo_surface_t *first;
  GskRenderNode *first_node, *second_node;
  cairo_surface_t *second, *third, *reused;

  /* GSK registers its node types with its first renderer; no display here. */
  g_type_ensure (GSK_TYPE_CAIRO_NODE);
  first = fw_layer_pool_take (&pool, 8, 8);

  g_assert_true (all_clear (first));
  fill (first, 1.0);
  first_node = node_showing (first, 8);
  fw_layer_pool_shown (&pool, first, first_node);
  cairo_surface_destroy (first);

  /* Shown: the next layer gets other pixels. */
  second = fw_layer_pool_take (&pool, 8, 8);
  g_assert_true (second != first);
  fill (second, 0.0);
  second_node = node_showing (second, 8);
  fw_layer_pool_shown (&pool, second, second_node);
  cairo_surface_destroy (second);

  /* Both shown: new pixels again (the older slot's go to the node that
   * shows them, as cairo's copy), and both nodes keep their pictures. */
  third = fw_layer_pool_take (&pool, 8, 8);
  g_assert_true (all_clear (third));
  fill (third, 0.5);
  g_assert_cmphex (drawn_by (first_node), ==, 0xffff0000);
  g_assert_cmphex (drawn_by (second_node), ==, 0xff000000);
  cairo_surface_destroy (third);

  /* The second node gone (the third pixels were never shown, and are
   * free too): free pixels come back cleared. */
  gsk_render_node_unref (second_node);
  reused = fw_layer_pool_take (&pool, 8, 8);
  /* (Both still in the pool, so the pointers say which.) */
  g_assert_true (reused == second || reused == third);
  third = reused;
  g_assert_true (all_clear (third));
  fill (third, 1.0);
  g_assert_cmphex (drawn_by (first_node), ==, 0xffff0000);
  cairo_surface_destroy (third);

  gsk_render_node_unref (first_node);
  fw_layer_pool_clear (&pool);
}

/* Another size is other pixels. */
static void
test_layer_pool_size (void)
{
  FwLayerPool pool = FW_LAYER_POOL_INIT;
  cairo_surface_t *small = fw_layer_pool_take (&pool, 8, 8);
  cairo_surface_t *large;

  cairo_surface_destroy (small);
  large = fw_layer_pool_take (&pool, 16, 8);
  g_assert_cmpint (cairo_image_surface_get_width (large), ==, 16);
  g_assert_cmpint (cairo_image_surface_get_height (large), ==, 8);
  g_assert_true (all_clear (large));
  cairo_surface_destroy (large);
  fw_layer_pool_clear (&pool);
}

static void
assert_since (GDateTime  *when,
              GDateTime  *now,
              const char *expected)
{
  g_autofree char *words = fw_time_words_since (when, now);

  g_assert_cmpstr (words, ==, expected);
}

/* When a recovery copy was written, as GNOME says it: today, yesterday,
 * or the month by its name, never a numeric date such as "12/04/26". */
static void
test_time_words (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 12, 4, 16, 30, 0);
  g_autoptr(GDateTime) early = g_date_time_new (utc, 2026, 12, 4, 0, 5, 0);
  g_autoptr(GDateTime) last_night = g_date_time_new (utc, 2026, 12, 3, 23, 59, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (utc, 2026, 12, 3, 9, 12, 0);
  g_autoptr(GDateTime) before = g_date_time_new (utc, 2026, 12, 2, 14, 5, 0);
  g_autoptr(GDateTime) january = g_date_time_new (utc, 2026, 1, 1, 8, 0, 0);
  g_autoptr(GDateTime) new_year = g_date_time_new (utc, 2027, 1, 1, 10, 0, 0);
  g_autoptr(GDateTime) new_years_eve = g_date_time_new (utc, 2026, 12, 31, 23, 0, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new (utc, 2025, 12, 4, 14, 5, 0);

  use_c_locale ();
  assert_since (now, now, "from today at 16:30");
  assert_since (early, now, "from today at 00:05");
  assert_since (last_night, now, "from yesterday at 23:59");
  assert_since (yesterday, now, "from yesterday at 09:12");
  assert_since (before, now, "from 2 December at 14:05");
  assert_since (january, now, "from 1 January at 08:00");
  /* Yesterday across the turn of the year. */
  assert_since (new_years_eve, new_year, "from yesterday at 23:00");
  assert_since (last_year, now, "from 4 December 2025");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/idle-gate/yields", test_idle_gate_yields);
  g_test_add_func ("/app/idle-gate/clear", test_idle_gate_clear);
  g_test_add_func ("/app/layer-pool/reuses-unshown", test_layer_pool_reuses_unshown);
  g_test_add_func ("/app/layer-pool/size", test_layer_pool_size);
  g_test_add_func ("/app/number-entry/parse/plain", test_parse_plain);
  g_test_add_func ("/app/number-entry/parse/signs", test_parse_signs);
  g_test_add_func ("/app/number-entry/parse/junk", test_parse_junk);
  g_test_add_func ("/app/number-entry/parse/c-grouping", test_parse_c_grouping);
  g_test_add_func ("/app/number-entry/parse/unit", test_parse_unit);
  g_test_add_func ("/app/number-entry/parse/big", test_parse_big);
  g_test_add_func ("/app/number-entry/parse/percent", test_parse_percent);
  g_test_add_func ("/app/number-entry/format/plain", test_format_plain);
  g_test_add_func ("/app/number-entry/format/percent", test_format_percent);
  g_test_add_func ("/app/number-entry/locale/comma", test_locale_comma);
  g_test_add_func ("/app/number-entry/locale/grouping", test_locale_grouping);
  g_test_add_func ("/app/number-entry/locale/space", test_locale_space);
  g_test_add_func ("/app/time-words/since", test_time_words);

  status = g_test_run ();

  if (locale_dir != NULL)
    remove_tree (locale_dir);
  g_free (locale_dir);
  return status;
}
