/* fw-template-chooser.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* The New dialog: the core's templates, each with its title, its stages
 * named in order, its description and a small preview of its wheel drawn
 * by the renderer (shape and colours, no text); "Create" (or
 * activating a template) emits "chosen" with the template's id and closes
 * the dialog; Escape or "Cancel" closes it without a choice. */
#define FW_TYPE_TEMPLATE_CHOOSER (fw_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (FwTemplateChooser, fw_template_chooser, FW, TEMPLATE_CHOOSER, GtkWindow)

/* Signal "chosen": void (FwTemplateChooser *, const char *template_id). */
GtkWidget *fw_template_chooser_new (GtkWindow *parent);

/* The names of @project's first scenario's stages in order, joined by
 * arrows: what a template's card lists under its preview. */
char      *fw_template_chooser_stage_list (const FwProject *project);

G_END_DECLS
