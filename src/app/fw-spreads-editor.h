/* fw-spreads-editor.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The current scenario's uncertainty (MODEL.md, "Uncertainty"): how far
 * its advance, loss and referral rates and its inflow may be off, each
 * a ± percentage 0..100, typed like every other field (fw-typed-field.h:
 * applied as typed, refused text kept and said in words, one undo step
 * per field). The band on the chart follows. */
#define FW_TYPE_SPREADS_EDITOR (fw_spreads_editor_get_type ())

G_DECLARE_FINAL_TYPE (FwSpreadsEditor, fw_spreads_editor, FW, SPREADS_EDITOR, GtkWidget)

GtkWidget *fw_spreads_editor_new         (void);
void       fw_spreads_editor_set_session (FwSpreadsEditor *self,
                                          FwSession       *session);

G_END_DECLS
