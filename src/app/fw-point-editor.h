/* fw-point-editor.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-document.h"

G_BEGIN_DECLS

/* A popover that edits one point: name, kind, the three effects, note and
 * enabled state. Each field applies as it is typed through
 * fw_document_set_point(); a value the document refuses is marked invalid
 * in its field, with the reason as its tooltip, and never enters the
 * document. The popover closes itself if its point goes away. */
#define FW_TYPE_POINT_EDITOR (fw_point_editor_get_type ())

G_DECLARE_FINAL_TYPE (FwPointEditor, fw_point_editor, FW, POINT_EDITOR, GtkPopover)

GtkWidget *fw_point_editor_new (FwDocument *document,
                                guint       point);

/* Added by the wheel's author: the point being edited, so the wheel can
 * keep the popover pointing at its marker as it moves. */
guint      fw_point_editor_get_point (FwPointEditor *self);

G_END_DECLS
