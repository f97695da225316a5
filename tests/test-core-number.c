/* test-core-number.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-number"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fw-number.h"

static void
assert_formats (double      value,
                const char *expected)
{
  char buf[FW_NUMBER_BUF_SIZE];

  g_assert_cmpstr (fw_number_format (value, buf), ==, expected);
}

static void
test_number_examples (void)
{
  assert_formats (0.0, "0");
  assert_formats (-0.0, "-0");
  assert_formats (1.0, "1");
  assert_formats (100.0, "100");
  assert_formats (120.0, "120");
  assert_formats (0.1, "0.1");
  assert_formats (0.2, "0.2");
  assert_formats (1.5, "1.5");
  assert_formats (-2.25, "-2.25");
  assert_formats (0.1 + 0.2, "0.30000000000000004");
  assert_formats (123456.789, "123456.789");
  assert_formats (1e12, "1000000000000");
  assert_formats (1e20, "100000000000000000000");
  assert_formats (1e21, "1e+21");
  assert_formats (3.5e40, "3.5e+40");
  assert_formats (1.5e-7, "0.00000015");
  assert_formats (1e-8, "1e-8");
  assert_formats (-1.25e-10, "-1.25e-10");
  assert_formats (DBL_MAX, "1.7976931348623157e+308");
  assert_formats (5e-324, "5e-324");
  assert_formats (9007199254740993.0, "9007199254740992");
  /* Shortest beats correctly rounded: Python's repr() agrees. */
  assert_formats (5.9604644775390625e-08, "5.960464477539063e-8");
  assert_formats (6.3108872417680944e-30, "6.310887241768095e-30");
  assert_formats (7.1202363472230444e-307, "7.120236347223045e-307");
  assert_formats (9.5, "9.5");
  assert_formats (999999999999999.9, "999999999999999.9");
  assert_formats (INFINITY, "inf");
  assert_formats (-INFINITY, "-inf");
  assert_formats (NAN, "nan");
}

static guint
significant_digits (const char *text)
{
  guint n = 0;
  gboolean leading = TRUE;
  const char *end = strpbrk (text, "e");

  for (const char *p = text; *p && p != end; p++)
    {
      if (!g_ascii_isdigit (*p) || (leading && *p == '0'))
        continue;
      leading = FALSE;
      n++;
    }
  /* "1200" has two significant digits, not four. */
  if (end == NULL && strchr (text, '.') == NULL)
    for (const char *p = text + strlen (text) - 1; p > text && *p == '0' && n > 1; p--)
      n--;
  return MAX (n, 1);
}

/* The fewest digits %.Ng needs to read back to @value. */
static guint
shortest_length (double value)
{
  for (guint p = 1; p < 17; p++)
    {
      char format[8], text[40];

      g_snprintf (format, sizeof format, "%%.%ug", p);
      g_ascii_formatd (text, sizeof text, format, value);
      if (g_ascii_strtod (text, NULL) == value)
        return p;
    }
  return 17;
}

/* Every finite double reads back to itself, and is never longer than
 * the 17 significant digits that always suffice. */
static void
test_number_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (20261124);

  for (guint i = 0; i < 50000; i++)
    {
      char buf[FW_NUMBER_BUF_SIZE];
      char longest[64];
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      if (i % 2 == 0)
        memcpy (&value, &bits, sizeof value);
      else
        value = g_rand_double_range (rand, -1e6, 1e6);
      if (!isfinite (value))
        continue;

      fw_number_format (value, buf);
      g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, value);
      g_assert_cmpuint (strlen (buf), <, FW_NUMBER_BUF_SIZE);
      g_ascii_formatd (longest, sizeof longest, "%.17g", value);
      g_assert_cmpuint (strlen (buf), <=, strlen (longest) + 6);
      g_assert_cmpuint (significant_digits (buf), <=, shortest_length (value));
    }

  g_rand_free (rand);
}

/* A German desktop writes "0,5"; the files and outputs never do. */
static void
test_number_ignores_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8" };
  gboolean tried = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      tried = TRUE;
      assert_formats (0.5, "0.5");
      assert_formats (1234.5, "1234.5");
    }
  setlocale (LC_ALL, "C");

  if (!tried)
    g_test_skip ("no locale with a decimal comma is installed");
}

/* The plain definition the formatter's bisection must agree with: at
 * each length from 1, the correctly rounded digits or a neighbour in the
 * last digit, the first that reads back. Returns the text "DIGITSeEXP". */
static char *
slow_shortest (double value)
{
  for (int p = 1; p <= 17; p++)
    {
      char text[40], format[8];
      guint64 mantissa = 0;
      char *mark;
      int e;

      g_snprintf (format, sizeof format, "%%.%de", p - 1);
      g_ascii_formatd (text, sizeof text, format, value);
      mark = strchr (text, 'e');
      e = atoi (mark + 1);
      for (const char *c = text; c < mark; c++)
        if (g_ascii_isdigit (*c))
          mantissa = mantissa * 10 + (guint64) (*c - '0');

      for (int delta = 0; delta <= 2; delta++)
        {
          guint64 candidate = delta == 0 ? mantissa : delta == 1 ? mantissa - 1 : mantissa + 1;
          char trial[48];

          if (candidate == 0)
            continue;
          g_snprintf (trial, sizeof trial, "%" G_GUINT64_FORMAT "e%d", candidate, e - p + 1);
          if (g_ascii_strtod (trial, NULL) == value)
            return g_strdup (trial);
        }
    }

  g_assert_not_reached ();
}

/* Both texts denote the same decimal: compare digits without trailing
 * zeros, and the position of the first digit. */
static void
assert_same_decimal (double value)
{
  char buf[FW_NUMBER_BUF_SIZE];
  g_autofree char *slow = slow_shortest (fabs (value));
  char fast_digits[40] = "", slow_digits[40] = "";
  int fast_exp = 0, slow_exp = 0, n = 0;
  const char *p;
  char *e;

  fw_number_format (fabs (value), buf);

  /* fast: digits of buf with the position of its first nonzero digit */
  {
    int point = -1, first = -1, i = 0;

    for (p = buf; *p && *p != 'e'; p++, i++)
      {
        if (*p == '.')
          {
            point = i;
            i--;
            continue;
          }
        if (first < 0 && *p != '0')
          first = i;
        if (first >= 0)
          fast_digits[n++] = *p;
      }
    if (point < 0)
      point = i;
    fast_exp = point - first - 1;
    if (*p == 'e')
      fast_exp += atoi (p + 1);
    while (n > 1 && fast_digits[n - 1] == '0')
      fast_digits[--n] = '\0';
  }

  /* slow: "MANTISSAeEXP" */
  e = strchr (slow, 'e');
  n = (int) (e - slow);
  memcpy (slow_digits, slow, n);
  slow_exp = atoi (e + 1) + n - 1;
  while (n > 1 && slow_digits[n - 1] == '0')
    slow_digits[--n] = '\0';

  if (strcmp (fast_digits, slow_digits) != 0 || fast_exp != slow_exp)
    g_error ("%.17g: formatted %s, the plain search gives %s", value, buf, slow);
}

static void
test_number_matches_plain_search (void)
{
  GRand *rand = g_rand_new_with_seed (11);

  /* Every power of two, where the gap below is half the gap above. */
  for (int k = -1074; k <= 1023; k++)
    assert_same_decimal (ldexp (1.0, k));

  for (guint i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value) && value != 0.0)
        assert_same_decimal (value);
      assert_same_decimal (g_rand_double_range (rand, 0.001, 1e7));
      assert_same_decimal ((double) g_rand_int_range (rand, 1, G_MAXINT32));
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/number/examples", test_number_examples);
  g_test_add_func ("/core/number/round-trip", test_number_round_trip);
  g_test_add_func ("/core/number/ignores-locale", test_number_ignores_locale);
  g_test_add_func ("/core/number/matches-plain-search", test_number_matches_plain_search);

  return g_test_run ();
}
