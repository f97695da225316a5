/* fw-number.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-number"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw-number.h"

/* Fixed notation for decimal exponents in [-7, 21), scientific outside,
 * as JavaScript writes numbers: counts of people read naturally
 * ("1200000") while a wheel that blew up reads "3.5e+40". */
#define FIXED_MIN_EXPONENT (-7)
#define FIXED_MAX_EXPONENT 21

/* The shortest digits (no dot, no trailing zeros) and the decimal
 * exponent of their first digit that read back to @value exactly, as
 * Python's repr() and JavaScript find them.
 *
 * At each length p the correctly rounded p digits are tried first; when
 * they miss @value, one of their neighbours in the last digit may still
 * hit it (2^-24 = 5.9604644775390625e-08 rounds to ...062e-08 at 16
 * digits, which misses, while ...063e-08 hits), and a shorter form beats
 * the closer one. */
static void
shortest_digits (double  value,
                 char    digits[24],
                 int    *exponent)
{
  for (int p = 1; p <= 17; p++)
    {
      char text[40], format[8];
      guint64 mantissa = 0;
      int e;
      char *mark;

      g_snprintf (format, sizeof format, "%%.%de", p - 1);
      g_ascii_formatd (text, sizeof text, format, value);
      mark = strchr (text, 'e');
      g_assert (mark != NULL);
      e = atoi (mark + 1);
      for (const char *c = text; c < mark; c++)
        if (g_ascii_isdigit (*c))
          mantissa = mantissa * 10 + (guint64) (*c - '0');

      /* value ~ mantissa * 10^(e - p + 1) */
      for (int delta = 0; delta <= 2; delta++)
        {
          guint64 candidate = delta == 0 ? mantissa : delta == 1 ? mantissa - 1 : mantissa + 1;
          char trial[48];
          int n;

          if (candidate == 0)
            continue;
          g_snprintf (trial, sizeof trial, "%" G_GUINT64_FORMAT "e%d", candidate, e - p + 1);
          if (g_ascii_strtod (trial, NULL) != value)
            continue;

          n = g_snprintf (digits, 24, "%" G_GUINT64_FORMAT, candidate);
          /* 999 + 1 carries into a new leading digit. */
          *exponent = e - p + n;
          while (n > 1 && digits[n - 1] == '0')
            digits[--n] = '\0';
          return;
        }
    }

  g_assert_not_reached ();
}

const char *
fw_number_format (double value,
                  char   buf[FW_NUMBER_BUF_SIZE])
{
  char digits[24];
  const char *sign;
  int exponent, n;

  if (isnan (value))
    return strcpy (buf, "nan");
  if (isinf (value))
    return strcpy (buf, value > 0 ? "inf" : "-inf");
  if (value == 0.0)
    return strcpy (buf, signbit (value) ? "-0" : "0");

  shortest_digits (fabs (value), digits, &exponent);
  n = (int) strlen (digits);

  /* Every branch writes at most 26 characters (sign, "0.", six zeros and
   * 17 digits), well within FW_NUMBER_BUF_SIZE. */
  sign = signbit (value) ? "-" : "";
  if (exponent >= FIXED_MIN_EXPONENT && exponent < FIXED_MAX_EXPONENT)
    {
      if (exponent < 0)         /* 0.000ddd */
        g_snprintf (buf, FW_NUMBER_BUF_SIZE, "%s0.%.*s%s",
                    sign, -exponent - 1, "000000", digits);
      else if (n <= exponent + 1) /* ddd000 */
        g_snprintf (buf, FW_NUMBER_BUF_SIZE, "%s%s%.*s",
                    sign, digits, exponent + 1 - n, "00000000000000000000");
      else                      /* ddd.ddd */
        g_snprintf (buf, FW_NUMBER_BUF_SIZE, "%s%.*s.%s",
                    sign, exponent + 1, digits, digits + exponent + 1);
    }
  else                          /* d.ddde+xx */
    {
      g_snprintf (buf, FW_NUMBER_BUF_SIZE, "%s%c%s%se%c%d",
                  sign, digits[0], n > 1 ? "." : "", digits + 1,
                  exponent < 0 ? '-' : '+', ABS (exponent));
    }

  return buf;
}

void
fw_number_append (GString *out,
                  double   value)
{
  char buf[FW_NUMBER_BUF_SIZE];

  g_string_append (out, fw_number_format (value, buf));
}
