/* fw-stage-panel.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The side panel's list of stages: every field of every stage can be
 * edited here (name, colour, count, customer, advance, loss, referral,
 * weight), and stages added (up to 16), removed (down to 2) and moved up
 * and down. Invalid text is marked where it is typed, with the reason,
 * and never reaches the document. */
#define FW_TYPE_STAGE_PANEL (fw_stage_panel_get_type ())

G_DECLARE_FINAL_TYPE (FwStagePanel, fw_stage_panel, FW, STAGE_PANEL, GtkWidget)

GtkWidget *fw_stage_panel_new          (void);
void       fw_stage_panel_set_session  (FwStagePanel *self,
                                        FwSession    *session);
/* Shows and focuses stage @stage's row (the wheel's selection). */
void       fw_stage_panel_reveal_stage (FwStagePanel *self,
                                        guint         stage);

/* Added by the stage panel's author: reveal_stage() moves the keyboard
 * focus only when it is already in the panel (taking it from the wheel
 * would stop arrow-key navigation there); this one always moves it to
 * stage @stage's name. */
void       fw_stage_panel_focus_stage  (FwStagePanel *self,
                                        guint         stage);

G_END_DECLS
