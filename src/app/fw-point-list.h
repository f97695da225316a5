/* fw-point-list.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-session.h"

G_BEGIN_DECLS

/* The side panel's list of the scenario's points: name, kind, the stage
 * it sits on and its impact, with controls to enable, edit (the point
 * editor) and remove each one, so nothing on the wheel is reachable only
 * by mouse. They are listed as added or, with the "sort-by-impact"
 * property (action "points.sort-by-impact"), by impact on the customers
 * at the horizon, the costliest friction first. */
#define FW_TYPE_POINT_LIST (fw_point_list_get_type ())

G_DECLARE_FINAL_TYPE (FwPointList, fw_point_list, FW, POINT_LIST, GtkWidget)

GtkWidget *fw_point_list_new          (void);
void       fw_point_list_set_session  (FwPointList *self,
                                       FwSession   *session);
/* The index of the point listed at @position (as shown: as added, or by
 * impact with "points.sort-by-impact"); G_MAXUINT past the end. */
guint      fw_point_list_get_point_at (FwPointList *self,
                                       guint        position);

G_END_DECLS
