/* fw-display-number.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-display-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fw-display-number.h"
#include "fw-number.h"

#define NONE  "—"       /* a figure out of range of a double (MODEL.md) */
#define MINUS "\u2212"  /* a real minus sign, not a hyphen */

/* Drops the zeros that printf leaves after the decimal separator, and
 * the separator with them when nothing is left: "12.0k" reads "12k",
 * "0.30" reads "0.3". Only called on text without grouping, so the last
 * run of non-digits is the separator (several bytes in some locales). */
static char *
trim_zero_decimals (char *text)
{
  char *sep_end = NULL, *sep_start, *end;

  for (char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && c > text)
      sep_end = c + 1;
  if (sep_end == NULL)
    return text;

  sep_start = sep_end - 1;
  while (sep_start > text && !g_ascii_isdigit (sep_start[-1]))
    sep_start--;

  end = sep_end + strlen (sep_end);
  while (end > sep_end && end[-1] == '0')
    end--;
  *(end > sep_end ? end : sep_start) = '\0';

  return text;
}

/* @magnitude (finite, at least 1) as "1.6 × 10³⁰⁸": a mantissa of one
 * decimal and the exponent in superscript digits. */
static char *
power_of_ten (double magnitude)
{
  static const char *const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  int exponent = (int) floor (log10 (magnitude));
  double mantissa = round (magnitude / pow (10.0, exponent) * 10.0) / 10.0;
  g_autofree char *digits = NULL;
  GString *text;

  /* 9.96 × 10ⁿ rounds to 10.0 × 10ⁿ: 1 × 10ⁿ⁺¹. */
  if (mantissa >= 10.0)
    {
      mantissa /= 10.0;
      exponent++;
    }
  text = g_string_new (NULL);
  g_string_append_printf (text, "%.1f", mantissa);
  /* "1.0" is "1", as every figure here drops a zero decimal. */
  if (g_str_has_suffix (text->str, "0") && text->len >= 3 && !g_ascii_isdigit (text->str[text->len - 2]))
    g_string_truncate (text, text->len - 2);
  g_string_append (text, " × 10");
  digits = g_strdup_printf ("%d", exponent);
  for (const char *d = digits; *d != '\0'; d++)
    g_string_append (text, *d == '-' ? "⁻" : superscripts[*d - '0']);

  return g_string_free (text, FALSE);
}

/* From here up people are shown whole. A tenth of a person says
 * nothing about hundreds of them, and "848.4" beside "1,521" (or
 * "278.6 customers" in a column of whole ones) reads as sloppiness;
 * below it a fraction is a real share of the figure (a referral inflow
 * of 2.4 a month is not 2), and the one decimal stays, as
 * fw_display_percent () keeps one below 10%. */
#define WHOLE_FROM 10.0

/* From here up every figure is a power of ten ("4.4 × 10⁵⁷"). */
#define POWER_FROM 1e15

/* @magnitude >= 0 and finite, without a sign: the grouped presentation
 * that fw_display_count() and fw_display_change() share, and so every
 * count, change and difference the window, the report and the exports
 * show: one rule in one place. */
static char *
format_magnitude (double magnitude)
{
  /* Past a thousand trillion the wheel has run away and a double no
   * longer holds every whole number: sixty digits read as an exact
   * count, and cut to fit, "4419832547…" read as billions (verify9,
   * V9-08). A power of ten, as the compact form and the axis write it. */
  if (round (magnitude) >= POWER_FROM)
    return power_of_ten (magnitude);
  /* Decide by the value as it would be shown, so 9.96 becomes "10"
   * and not "10.0" (9.94 stays "9.9"), and 0.996 "1" and not "1.00". */
  if (round (magnitude * 10.0) / 10.0 >= WHOLE_FROM)
    return g_strdup_printf ("%'.0f", magnitude);
  if (round (magnitude * 100.0) / 100.0 >= 1.0)
    return trim_zero_decimals (g_strdup_printf ("%'.1f", magnitude));
  return trim_zero_decimals (g_strdup_printf ("%.2f", magnitude));
}

static gboolean
shows_zero (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if (*c >= '1' && *c <= '9')
      return FALSE;
  return TRUE;
}

char *
fw_display_count (double value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return g_strdup (NONE);

  text = format_magnitude (fabs (value));
  if (value < 0.0 && !shows_zero (text))
    return g_strconcat (MINUS, text, NULL);
  if (shows_zero (text))
    return g_strdup ("0");
  return g_steal_pointer (&text);
}

char *
fw_display_exact (double value)
{
  char buf[FW_NUMBER_BUF_SIZE];
  const char *ascii, *point, *decimal;
  g_autofree char *whole = NULL;

  if (!isfinite (value))
    return g_strdup (NONE);
  if (value == 0.0)
    return g_strdup ("0");

  ascii = fw_number_format (fabs (value), buf);
  point = strchr (ascii, '.');
  decimal = localeconv ()->decimal_point;
  if (decimal == NULL || decimal[0] == '\0')
    decimal = ".";

  /* The whole part of the shortest text is the double's own below 2^53
   * (it reads back to @value, so it cannot have rounded up into it):
   * printf groups it, as format_magnitude() does. */
  if (strchr (ascii, 'e') == NULL && fabs (value) < 9007199254740992.0)
    whole = g_strdup_printf ("%'.0f", trunc (fabs (value)));
  else
    whole = g_strndup (ascii, point != NULL ? (gsize) (point - ascii) : strlen (ascii));

  return g_strconcat (value < 0.0 ? MINUS : "", whole,
                      point != NULL ? decimal : "", point != NULL ? point + 1 : "", NULL);
}

char *
fw_display_compact (double value)
{
  static const struct { double scale; const char *suffix; } units[] = {
    { 1e3, "k" }, { 1e6, "M" }, { 1e9, "B" }, { 1e12, "T" },
  };
  g_autofree char *text = NULL;
  double magnitude;

  if (!isfinite (value))
    return g_strdup (NONE);

  magnitude = fabs (value);
  if (round (magnitude) < 1000.0)
    return fw_display_count (value);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double scaled = magnitude / units[i].scale;
      /* Three significant digits ("1.14k", "11.4k", "114k"): with two,
       * 1,135 and 1,116 both read "1.1k", and a count that changes
       * month by month looks frozen. Decided by the value as shown, so
       * 9.996k reads "10k"; one that rounds up to 1000 of a unit moves
       * on to the next unit. */
      int decimals = scaled < 9.995 ? 2 : scaled < 99.95 ? 1 : 0;
      double shown = round (scaled * pow (10.0, decimals)) / pow (10.0, decimals);

      if (shown >= 1000.0 && i + 1 < G_N_ELEMENTS (units))
        continue;
      if (shown >= 1000.0)
        break;
      text = trim_zero_decimals (g_strdup_printf ("%.*f", decimals, scaled));
      return g_strconcat (value < 0.0 ? MINUS : "", text, units[i].suffix, NULL);
    }

  /* Past a thousand trillion the wheel has run away: a power of ten,
   * written as people read one ("1.6 × 10³⁰⁸"), not the "1.6e+308" a
   * program prints, which a chart's axis showed (user review, R5-18). */
  return g_strconcat (value < 0.0 ? MINUS : "", text = power_of_ten (magnitude), NULL);
}

char *
fw_display_change (double value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return g_strdup (NONE);

  text = format_magnitude (fabs (value));
  if (shows_zero (text))
    return g_strdup ("±0");

  return g_strconcat (value < 0.0 ? MINUS : "+", text, NULL);
}

char *
fw_display_percent (double rate)
{
  g_autofree char *text = NULL;
  double percent;

  if (!isfinite (rate))
    return g_strdup (NONE);

  percent = rate * 100.0;
  if (fabs (round (percent * 10.0) / 10.0) < 10.0)
    text = trim_zero_decimals (g_strdup_printf ("%.1f", fabs (percent)));
  else
    text = g_strdup_printf ("%'.0f", fabs (percent));

  if (shows_zero (text))
    return g_strdup ("0%");
  return g_strconcat (percent < 0.0 ? MINUS : "", text, "%", NULL);
}

char *
fw_display_gain (double gain)
{
  if (isnan (gain))
    return g_strdup (NONE);
  if (isinf (gain))
    return g_strdup (gain > 0.0 ? "∞" : MINUS "∞");

  /* The wheel is self-sustaining from 1 on: a gain just below it must
   * never be rounded up to read "1.00". */
  if (gain < 1.0 && round (gain * 100.0) >= 100.0)
    return g_strdup ("0.99");
  if (gain < 0.0)
    return g_strdup ("0.00");
  if (round (gain * 100.0) < 1000.0)
    return g_strdup_printf ("%.2f", gain);
  if (round (gain * 10.0) < 1000.0)
    return g_strdup_printf ("%.1f", gain);
  return fw_display_count (gain);
}

const char *
fw_display_gain_verdict (gboolean self_sustaining)
{
  /* TRANSLATORS: beside the loop gain: the wheel turns without marketing
   * (gain 1 or more), or it does not; the same words on screen and in
   * the report */
  return self_sustaining ? _("Self-sustaining") : _("Needs marketing");
}

char *
fw_display_difference (double   first,
                       double   other,
                       gboolean gain)
{
  g_autofree char *shown_first = NULL;
  g_autofree char *shown_other = NULL;
  g_autofree char *size = NULL;

  if (!isfinite (first) || !isfinite (other))
    return NULL;
  /* Figures that read the same have no difference to show, whatever
   * digits the rounding hides. */
  shown_first = gain ? fw_display_gain (first) : fw_display_count (first);
  shown_other = gain ? fw_display_gain (other) : fw_display_count (other);
  if (g_strcmp0 (shown_first, shown_other) == 0)
    return NULL;

  if (!gain)
    return fw_display_change (other - first);
  size = fw_display_gain (fabs (other - first));
  if (shows_zero (size))
    {
      /* Two gains a hair apart either side of a rounding ("0.03" and
       * "0.04", 0.004 apart): the difference of the gains as shown,
       * "+0.01", rather than a "+0.00" beside figures that differ. */
      double most = MAX (fabs (first), fabs (other));
      double step = most < 10.0 ? 100.0 : most < 100.0 ? 10.0 : 1.0;
      double shown = (round (other * step) - round (first * step)) / step;

      if (shown == 0.0)
        return NULL;
      g_free (size);
      size = fw_display_gain (fabs (shown));
    }
  return g_strconcat (other > first ? "+" : MINUS, size, NULL);
}
