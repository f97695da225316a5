/* fw-stage-row.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* One stage in the stage panel: its colour, name and numbers, each
 * editable where it is shown, plus buttons to move and remove it.
 *
 * Field edits go straight to the document as they are typed; text that
 * is not a valid value is marked invalid in place, with the reason shown
 * under the row's fields, and never reaches it: what was applied of it on
 * the way (the "7" of "70") is taken back (fw_document_cancel_run()).
 * Moving and removing change the list around the row, so the row only
 * asks for them ("move", "remove") and the panel does them. */
#define FW_TYPE_STAGE_ROW (fw_stage_row_get_type ())

G_DECLARE_FINAL_TYPE (FwStageRow, fw_stage_row, FW, STAGE_ROW, GtkListBoxRow)

/* The row's controls that keyboard focus can be put back on after the
 * list has been rebuilt around it. */
typedef enum
{
  FW_STAGE_ROW_PART_NONE = -1,
  FW_STAGE_ROW_PART_NAME,
  FW_STAGE_ROW_PART_COLOR,
  FW_STAGE_ROW_PART_MOVE_UP,
  FW_STAGE_ROW_PART_MOVE_DOWN,
  FW_STAGE_ROW_PART_REMOVE,
  FW_STAGE_ROW_PART_COUNT,
  FW_STAGE_ROW_PART_CUSTOMER,
  FW_STAGE_ROW_PART_ADVANCE,
  FW_STAGE_ROW_PART_LOSS,
  FW_STAGE_ROW_PART_REFERRAL,
  FW_STAGE_ROW_PART_WEIGHT,
  FW_STAGE_ROW_N_PARTS
} FwStageRowPart;

/* A row showing stage @stage of @session's current scenario. */
GtkWidget      *fw_stage_row_new            (FwSession      *session,
                                             guint           stage);
guint           fw_stage_row_get_stage      (FwStageRow     *self);
/* The same stage at another index (a stage before it came or went):
 * shows it again there. */
void            fw_stage_row_set_stage      (FwStageRow     *self,
                                             guint           stage);
/* Shows the document's values again in every field, clearing invalid
 * marks, except in the field whose typing made the change (its text is
 * what the user is typing); text that already says a field's value is
 * left as written.
 *
 * The row's widgets are named for tests and tools (gtk_widget_get_name):
 * "stage-name", "stage-count", "stage-advance", "stage-loss",
 * "stage-referral", "stage-weight" (the entries) and "stage-errors" (the
 * label that shows the messages of the row's invalid fields), and
 * "stage-rates-note" (the rates its points make, when they differ). */
void            fw_stage_row_update         (FwStageRow     *self);
/* Only that note: a point's change touches no field. */
void            fw_stage_row_update_rates   (FwStageRow     *self);
/* Which of the row's controls has the keyboard focus, if any. */
/* The start of the keys the rows of the current scenario give their
 * fields' pending text. */
char           *fw_stage_row_key_prefix     (FwSession      *session);
FwStageRowPart  fw_stage_row_get_focus_part (FwStageRow     *self);
/* Focuses @part, or the nearest sensible control when @part cannot take
 * focus (a move button at an end of the list). */
void            fw_stage_row_focus_part     (FwStageRow     *self,
                                             FwStageRowPart  part);
/* Marks the row as the stage selected on the wheel. */
void            fw_stage_row_set_selected   (FwStageRow     *self,
                                             gboolean        selected);

G_END_DECLS
