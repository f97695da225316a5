/* fw-scenario-picker.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How the header bar's scenario picker (a GtkDropDown over a
 * GtkStringList of names) shows its names.
 *
 * Why: GTK's own factory sizes the button to the longest name, and a
 * scenario name may be 80 characters (MODEL.md): one long name widened
 * the window by 260 px when a project opened. The button now cuts the
 * name short (the whole of it in its tooltip and for screen readers);
 * the open list shows names in full up to a wide limit, with a check
 * mark at the one on show, as GTK's own does. */
void fw_scenario_picker_init (GtkDropDown *dropdown);

G_END_DECLS
