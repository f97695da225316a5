/* fw-display-number.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as people read them, shared by the wheel, the panels and the
 * exports. These are presentations of the engine's values (rounded,
 * grouped), never new figures. Every number the window, presenting and
 * the report show a user goes through these, tooltips included; the
 * exact values are what files, the command line and CSV write
 * (fw_number_format()). A value that is not finite (a wheel
 * that grew past the range of a double) is shown as "—" (MODEL.md). */

/* "1,234", "848", "12", "2.4", "0.35": whole people from 10 up,
 * grouped by the locale; below 10 one decimal (two below 1), so a small
 * flow does not read 0; "—" when not finite. */
char *fw_display_count    (double value);
/* "1,234,567.25", "150", "−0.5": every digit of @value (the shortest
 * text that reads back to it), grouped and with the decimal separator
 * of the locale, as fw_display_count() groups; for the numbers a message
 * repeats back to the user, where rounding could make "100.04" read as
 * the limit "100". Past 2^53 (whole doubles there have more digits than
 * they mean) and in exponent form ("1e-8", "1e+21") the digits are not
 * grouped. "—" when not finite. */
char *fw_display_exact    (double value);
/* "1.14k", "12.6k", "3.4M": three significant digits, for a wheel
 * whose labels do not fit with whole counts; below 1000 as
 * fw_display_count(). */
char *fw_display_compact  (double value);
/* "+12", "−3.5", "±0": the change since the edit before. */
char *fw_display_change   (double value);
/* "35%" for a rate of 0.35; "2.5%" below 10%. */
char *fw_display_percent  (double rate);
/* "0.84", "∞" for the loop gain. */
char *fw_display_gain     (double gain);
/* "Self-sustaining" or "Needs marketing": what the loop gain says about
 * the wheel, in the one wording the window, presenting and the report
 * (screen, print, CLI) share. A gain below 1 is most plans' ordinary
 * case, so its words say what to do, not that something is wrong. */
const char *fw_display_gain_verdict (gboolean self_sustaining);
/* "+316", "−15", "+0.39": how @other differs from @first, as the tables
 * that compare scenarios (the window's Compare page, the report) write
 * it under @other's figure: in the digits the figures are shown in
 * (fw_display_gain() for a loop gain, @gain TRUE; else
 * fw_display_count()), with fw_display_change()'s signs. NULL when there
 * is nothing to say: the two figures read the same, or one is not a
 * number. */
char *fw_display_difference (double   first,
                             double   other,
                             gboolean gain);

G_END_DECLS
