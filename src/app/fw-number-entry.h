/* fw-number-entry.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as a user types them into a field and reads them back there:
 * in the user's locale, unlike files and the command line, which always
 * write '.' (fw-number.h). The fields' own words (what to type, which
 * unit, which range) stay with each field; only reading and writing the
 * number is here. Uses the locale's LC_NUMERIC at the time of the call. */

/* Reads @text as a plain decimal number:
 *  - the locale's decimal separator and '.' are both a decimal point
 *    ("12,5" and "12.5" in German); where the locale groups digits with
 *    '.', a '.' groups when the text cannot mean a decimal point (it
 *    also has the locale's separator, or more than one '.') and when it
 *    is shaped as a thousands mark ("1.500" is 1500 in German; "1.5" and
 *    "0.500" are decimals);
 *  - the locale's digit grouping mark is taken between groups of three
 *    digits before the decimal point ("1,000,000" in English, "1.000,5"
 *    in German; any space where the locale groups with one, so "1 500"
 *    with a no-break or narrow no-break space in French), nowhere else,
 *    so "1,5" in English is refused rather than read as 15; a locale
 *    that names no grouping mark and writes '.' as its decimal point
 *    (C, POSIX) groups with ',' as English does;
 *  - a leading '+', '-' or U+2212 MINUS SIGN (as fields show negative
 *    numbers), an exponent ("1e6"), spaces before and after;
 *  - anything else is refused: "", "12abc", "nan", "inf", "0x10", and
 *    numbers past the range of a double ("1e999").
 * Returns FALSE, leaving @value alone, when @text is not such a number. */
gboolean  fw_number_entry_parse          (const char *text,
                                          double     *value);

/* The same, with the unit a field shows beside it (@unit: "people",
 * "per person", "months", "%"; NULL or "" for none) allowed after the
 * number, with or without a space, in any case: a user who reads
 * "2000 people" types "1500 people", and "25%" into a field marked "%"
 * is 25, not refused. The unit is stripped only once, only at the end:
 * "people 25" and "25 people people" are refused. */
gboolean  fw_number_entry_parse_unit     (const char *text,
                                          const char *unit,
                                          double     *value);

/* The same, for a field in percent: a '%' may follow the number
 * ("20 %"). @percent is the number as typed, in percent. */
gboolean  fw_number_entry_parse_percent  (const char *text,
                                          double     *percent);

/* @value as a field shows it: the shortest text that reads back to the
 * same double ("0.1", "120", "1e+21"), with the locale's decimal
 * separator and U+2212 MINUS SIGN; no digit grouping; "0" for -0. */
char     *fw_number_entry_format         (double      value);

/* @fraction as a field in percent shows it: the shortest text whose
 * number, divided by 100, is @fraction again, so 0.07 is "7", never
 * "7.000000000000001", and reads back to 0.07 exactly. Written as
 * fw_number_entry_format() writes. */
char     *fw_number_entry_format_percent (double      fraction);
/* The number fw_number_entry_format_percent() writes for @fraction: the
 * percent as typed (7 for 0.07, never 7.000000000000001), for a message
 * that writes it another way (fw_display_exact()). */
double    fw_number_entry_percent        (double      fraction);

G_END_DECLS
