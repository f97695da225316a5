/* fw-number-entry.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-number-entry"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fw-number.h"
#include "fw-number-entry.h"

/* U+2212 MINUS SIGN, as fw_display_change() and the fields write it. */
#define MINUS_SIGN "\u2212"

static const char *
decimal_separator (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && point[0] != '\0' ? point : ".";
}

/* NULL where the locale does not group digits. */
static const char *
grouping_mark (void)
{
  const char *mark = localeconv ()->thousands_sep;

  if (mark == NULL || mark[0] == '\0' || !g_utf8_validate (mark, -1, NULL) ||
      strcmp (mark, decimal_separator ()) == 0)
    return NULL;
  return mark;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* How the text at hand is read: its decimal points and grouping mark. */
typedef struct
{
  const char *decimal;      /* the locale's separator */
  gboolean    dot_decimal;  /* '.' is a decimal point too */
  const char *group;        /* NULL: no grouping */
  gboolean    group_space;  /* the locale groups with a space: any space will do */
} Reading;

static gboolean
three_digits_follow (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
         !g_ascii_isdigit (p[3]);
}

/* Whether the one '.' at @dot in @text is shaped as a thousands mark:
 * one to three digits before it, the first not 0, after an optional
 * sign; exactly three digits after it. "1.500" and "12.000" are, "0.500",
 * "1.5" and "1.5000" are not. */
static gboolean
dot_groups (const char *text,
            const char *dot)
{
  const char *start = text;
  gsize whole;

  if (*start == '+' || *start == '-')
    start++;
  else if (g_str_has_prefix (start, MINUS_SIGN))
    start += strlen (MINUS_SIGN);

  whole = dot - start;
  if (whole < 1 || whole > 3 || *start == '0')
    return FALSE;
  for (const char *p = start; p < dot; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return three_digits_follow (dot + 1);
}

static void
reading_init (Reading    *reading,
              const char *text)
{
  const char *first_dot = strchr (text, '.');

  reading->decimal = decimal_separator ();
  reading->group = grouping_mark ();
  reading->dot_decimal = TRUE;

  /* A locale that names no grouping mark (C and POSIX: a session started
   * without LANG) writes '.' as its decimal point, so a ',' there can
   * only group, as English writes "1,500"; it is taken between groups of
   * three digits, as in en_US, never as a decimal comma ("1,5" is
   * refused). */
  if (reading->group == NULL && strcmp (reading->decimal, ".") == 0)
    reading->group = ",";

  /* Where '.' groups digits (German), '.' is still taken as a decimal
   * point, as everywhere, except where it can only be the thousands mark
   * a German user writes: beside the locale's decimal comma ("1.000,5"),
   * more than once ("1.000.000"), or once with three digits after it and
   * no more than three before ("1.500" is 1500, as the user means it;
   * "1.5" and "0.500" stay decimals). */
  if (reading->group != NULL && strcmp (reading->group, ".") == 0)
    {
      if (strstr (text, reading->decimal) != NULL ||
          (first_dot != NULL && strchr (first_dot + 1, '.') != NULL) ||
          (first_dot != NULL && dot_groups (text, first_dot)))
        reading->dot_decimal = FALSE;
      else
        reading->group = NULL;
    }

  reading->group_space = reading->group != NULL &&
                         is_space (g_utf8_get_char (reading->group)) &&
                         *g_utf8_next_char (reading->group) == '\0';
}

/* The length of the grouping mark at @p, or 0. */
static gsize
match_group (const Reading *reading,
             const char    *p)
{
  if (reading->group == NULL)
    return 0;
  /* "1 000" for a locale that writes a narrow no-break space. */
  if (reading->group_space && is_space (g_utf8_get_char (p)))
    return g_utf8_next_char (p) - p;
  if (g_str_has_prefix (p, reading->group))
    return strlen (reading->group);
  return 0;
}

/* The length of a decimal point at @p, or 0. */
static gsize
match_decimal (const Reading *reading,
               const char    *p)
{
  if (g_str_has_prefix (p, reading->decimal))
    return strlen (reading->decimal);
  if (reading->dot_decimal && *p == '.')
    return 1;
  return 0;
}

/* Appends the sign at *@p, if any, to @ascii. */
static void
read_sign (const char **p,
           GString     *ascii)
{
  if (**p == '+' || **p == '-')
    g_string_append_c (ascii, *(*p)++);
  else if (g_str_has_prefix (*p, MINUS_SIGN))
    {
      g_string_append_c (ascii, '-');
      *p += strlen (MINUS_SIGN);
    }
}

/* Rewrites the number at @p in the C form g_ascii_strtod() reads; FALSE
 * when it is not a number by the rules of fw_number_entry_parse(). */
static gboolean
to_ascii (const Reading *reading,
          const char    *p,
          GString       *ascii)
{
  guint digits = 0;
  guint run = 0;          /* digits since the start or the last grouping mark */
  gboolean grouped = FALSE;
  gsize n;

  read_sign (&p, ascii);

  for (;;)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (ascii, *p++);
          digits++;
          run++;
        }
      else if (run > 0 && (grouped ? run == 3 : run <= 3) &&
               (n = match_group (reading, p)) > 0 && three_digits_follow (p + n))
        {
          p += n;
          run = 0;
          grouped = TRUE;
        }
      else
        break;
    }

  if ((n = match_decimal (reading, p)) > 0)
    {
      p += n;
      g_string_append_c (ascii, '.');
      while (g_ascii_isdigit (*p))
        {
          g_string_append_c (ascii, *p++);
          digits++;
        }
    }

  if (digits == 0)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      guint exponent_digits = 0;

      g_string_append_c (ascii, *p++);
      read_sign (&p, ascii);
      while (g_ascii_isdigit (*p))
        {
          g_string_append_c (ascii, *p++);
          exponent_digits++;
        }
      if (exponent_digits == 0)
        return FALSE;
    }

  return *p == '\0';
}

/* @text without the spaces around it (any Unicode space). */
static char *
trim_spaces (const char *text)
{
  const char *start = text;
  const char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
parse_trimmed (const char *trimmed,
               double     *value)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  Reading reading;
  char *end = NULL;
  double parsed;

  reading_init (&reading, trimmed);
  if (!to_ascii (&reading, trimmed, ascii))
    return FALSE;

  errno = 0;
  parsed = g_ascii_strtod (ascii->str, &end);
  /* ERANGE: past a double (1e999), or below its precision (1e-999). */
  if (end != ascii->str + ascii->len || errno == ERANGE || !isfinite (parsed))
    return FALSE;

  *value = parsed;
  return TRUE;
}

gboolean
fw_number_entry_parse (const char *text,
                       double     *value)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = trim_spaces (text);
  return parse_trimmed (trimmed, value);
}

gboolean
fw_number_entry_parse_unit (const char *text,
                            const char *unit,
                            double     *value)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *unit_folded = NULL;
  g_autofree char *number = NULL;
  gsize len, unit_len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL) || (unit != NULL && !g_utf8_validate (unit, -1, NULL)))
    return FALSE;

  trimmed = trim_spaces (text);
  if (unit == NULL || unit[0] == '\0')
    return parse_trimmed (trimmed, value);

  /* Compared case-blind ("25 People"); folding leaves digits, signs,
   * separators and spaces as they are, and makes an exponent's 'E' the
   * 'e' that reads the same. */
  folded = g_utf8_casefold (trimmed, -1);
  {
    g_autofree char *unit_trimmed = trim_spaces (unit);

    unit_folded = g_utf8_casefold (unit_trimmed, -1);
  }
  len = strlen (folded);
  unit_len = strlen (unit_folded);
  if (unit_len == 0 || len <= unit_len || !g_str_has_suffix (folded, unit_folded))
    return parse_trimmed (trimmed, value);

  folded[len - unit_len] = '\0';
  number = trim_spaces (folded);
  return parse_trimmed (number, value);
}

gboolean
fw_number_entry_parse_percent (const char *text,
                               double     *percent)
{
  return fw_number_entry_parse_unit (text, "%", percent);
}

/* @ascii (as g_ascii_formatd() or fw_number_format() write) as a field
 * shows it: the locale's decimal separator, a true minus sign in front
 * (the exponent's stays '-', which reads as well). */
static char *
localize (const char *ascii)
{
  GString *out = g_string_new (NULL);
  const char *decimal = decimal_separator ();

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (out, decimal);
      else if (*p == '-' && p == ascii)
        g_string_append (out, MINUS_SIGN);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
fw_number_entry_format (double value)
{
  char buf[FW_NUMBER_BUF_SIZE];

  /* -0 as "0": a field has no use for the sign of nothing. */
  if (value == 0.0)
    return g_strdup ("0");

  return localize (fw_number_format (value, buf));
}

/* How many significant digits @value needs to be read back exactly:
 * its shortest decimal writing. */
static int
shortest_digits (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int digits;

  for (digits = 1; digits < 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return digits;
}

double
fw_number_entry_percent (double fraction)
{
  double percent = fraction * 100.0;
  double candidates[5];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int digits, written;

  if (fraction == 0.0 || !isfinite (percent))
    return percent == 0.0 ? 0.0 : percent;

  /* The product rounds, so the percent that was typed for @fraction may
   * be a neighbour of it: try those too. */
  candidates[0] = percent;
  candidates[1] = nextafter (percent, INFINITY);
  candidates[2] = nextafter (percent, -INFINITY);
  candidates[3] = nextafter (candidates[1], INFINITY);
  candidates[4] = nextafter (candidates[2], -INFINITY);

  /* A fraction written by a file, a template or the command line
   * (0.238) is not what any typed percent divides to (23.8 / 100 is
   * 0.23800000000000002), and its product is 23.799999999999997: it
   * shows with as many digits as the fraction is written with ("23.8"). */
  written = shortest_digits (fraction);

  /* From as many digits as the whole part has, so that %g never writes
   * 30 as "3e+01"; the shortest text wins, either one that divides back
   * to @fraction or the fraction's own writing. */
  digits = (int) CLAMP (floor (log10 (fabs (percent))) + 1, 1, 17);
  for (; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_ascii_formatd (buf, sizeof buf, format, candidates[i]);
          if (g_ascii_strtod (buf, NULL) / 100.0 == fraction)
            return g_ascii_strtod (buf, NULL);
        }
      if (digits >= written)
        {
          g_ascii_formatd (buf, sizeof buf, format, percent);
          return g_ascii_strtod (buf, NULL);
        }
    }

  /* Not reached: written is at most 17. */
  return percent;
}

char *
fw_number_entry_format_percent (double fraction)
{
  /* The shortest text of that double has no more digits than the text
   * that read back to it. */
  return fw_number_entry_format (fw_number_entry_percent (fraction));
}
