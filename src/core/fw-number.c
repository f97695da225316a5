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

/* A decimal mantissa * 10^exponent: the digits of a candidate text. */
typedef struct
{
  guint64 mantissa;
  int     exponent;
} Decimal;

/* @value's correctly rounded @precision significant digits. */
static Decimal
round_to_digits (double value,
                 int    precision)
{
  char text[40], format[8];
  Decimal d = { 0, 0 };
  char *mark;

  g_snprintf (format, sizeof format, "%%.%de", precision - 1);
  g_ascii_formatd (text, sizeof text, format, value);
  mark = strchr (text, 'e');
  g_assert (mark != NULL);
  for (const char *c = text; c < mark; c++)
    if (g_ascii_isdigit (*c))
      d.mantissa = d.mantissa * 10 + (guint64) (*c - '0');
  d.exponent = atoi (mark + 1) - precision + 1;

  return d;
}

static gboolean
reads_back (Decimal d,
            double  value)
{
  char text[48];

  if (d.mantissa == 0)
    return FALSE;
  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT "e%d", d.mantissa, d.exponent);
  return g_ascii_strtod (text, NULL) == value;
}

/* The shortest digits (no dot, no trailing zeros) and the decimal
 * exponent of their first digit that read back to @value exactly, as
 * Python's repr() and JavaScript find them.
 *
 * The correctly rounded digits read back from some length on (17 always
 * do), so that length is searched for, not walked to: a handful of
 * conversions instead of up to seventeen, which matters for a projection
 * of 100,000 periods. One digit fewer can still read back through a neighbour in
 * the last digit where the gap below @value is half the gap above it (at
 * powers of two): 2^-24 = 5.9604644775390625e-08 rounds to ...062e-08 at
 * 16 digits, which misses, while ...063e-08 hits. tests/test-core-number.c
 * checks this against the plain search over every length. */
static void
shortest_digits (double  value,
                 char    digits[24],
                 int    *exponent)
{
  Decimal rounded[18];
  gboolean known[18] = { FALSE };
  Decimal best, shorter;
  int low = 1, high = 17, n;

#define ROUNDED(p) (known[p] ? rounded[p] : (known[p] = TRUE, rounded[p] = round_to_digits (value, p)))

  /* Computed figures mostly need 16 or 17 digits and typed ones few: try
   * 16 and 15 first, then bisect what is left. */
  while (low < high)
    {
      int middle = high >= 16 ? high - 1 : (low + high) / 2;

      if (reads_back (ROUNDED (middle), value))
        high = middle;
      else
        low = middle + 1;
    }
  best = ROUNDED (low);

  if (low > 1)
    {
      shorter = ROUNDED (low - 1);
      shorter.mantissa--;
      if (reads_back (shorter, value))
        best = shorter;
      else
        {
          shorter.mantissa += 2;
          if (reads_back (shorter, value))
            best = shorter;
        }
    }

#undef ROUNDED

  n = g_snprintf (digits, 24, "%" G_GUINT64_FORMAT, best.mantissa);
  /* 999 + 1 carries into a new leading digit, 100 - 1 loses one. */
  *exponent = best.exponent + n - 1;
  while (n > 1 && digits[n - 1] == '0')
    digits[--n] = '\0';
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
