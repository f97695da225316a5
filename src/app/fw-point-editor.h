/* fw-point-editor.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* A popover that edits one point: name, kind, the three effects, note and
 * enabled state. Each field applies as it is typed through
 * fw_document_set_point(); text that is not a valid value (a blank effect
 * included: type 0 for no effect) is marked invalid in its field, with
 * the reason as its tooltip and in words at the bottom of the popover,
 * and never enters the document: what was applied of it on the way (the
 * "200" of "2000") is taken back (fw_document_cancel_run()). The popover
 * closes itself if its point goes away.
 *
 * Widget names, for tests and tools: "point-name", "point-conversion",
 * "point-churn", "point-referral" (the entries) and "point-errors" (the
 * messages). */
#define FW_TYPE_POINT_EDITOR (fw_point_editor_get_type ())

G_DECLARE_FINAL_TYPE (FwPointEditor, fw_point_editor, FW, POINT_EDITOR, GtkPopover)

/* Edits point @point of @session's current scenario. */
GtkWidget *fw_point_editor_new (FwSession  *session,
                                guint       point);

/* Added by the wheel's author: the point being edited, so the wheel can
 * keep the popover pointing at its marker as it moves. */
guint      fw_point_editor_get_point (FwPointEditor *self);

G_END_DECLS
