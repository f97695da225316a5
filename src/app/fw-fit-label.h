/* fw-fit-label.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A line of text given in forms, longest first ("Acme — ~/Clients",
 * then "Acme"): it shows the longest form that fits the width it is
 * given, and only the shortest is ever cut (at its end), so a folder
 * goes whole before a project's name loses a letter. Whenever the text
 * shown is not the first form whole, the first form is its tooltip.
 * Its natural width is the first form's, so it takes the whole text
 * back as soon as there is room; its minimum is the cut shortest form's.
 * The header bar's subtitle: at 150% desktop text in a 1280x720 window
 * it read "Nordlicht Möbelwerkstatt G…" and nothing told the rest
 * (verify10b's V10B-10). Style classes go on the widget itself and
 * apply to its text. A screen reader hears the whole text, always. */
#define FW_TYPE_FIT_LABEL (fw_fit_label_get_type ())

G_DECLARE_FINAL_TYPE (FwFitLabel, fw_fit_label, FW, FIT_LABEL, GtkWidget)

GtkWidget  *fw_fit_label_new       (void);
/* @forms: NULL-terminated, longest first; one form is a plain label cut
 * at its end. */
void        fw_fit_label_set_forms (FwFitLabel         *self,
                                    const char * const *forms);
/* The same with one form. */
void        fw_fit_label_set_text  (FwFitLabel         *self,
                                    const char         *text);
/* The whole text (the first form), whatever is shown. */
const char *fw_fit_label_get_text  (FwFitLabel         *self);
/* The label on show now, as last allocated (its text the form chosen). */
GtkLabel   *fw_fit_label_get_shown (FwFitLabel         *self);

G_END_DECLS
