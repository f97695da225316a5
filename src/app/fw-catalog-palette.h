/* fw-catalog-palette.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The catalog of friction points and forces, searchable, from which a
 * user drags an entry onto the wheel (the drag carries an
 * FW_TYPE_POINT_VALUE). Activating an entry from the keyboard adds it to
 * the stage selected on the wheel ("win.add-point-here"), and "Custom
 * point…" makes a new point of the user's own ("win.add-custom-point"). */
#define FW_TYPE_CATALOG_PALETTE (fw_catalog_palette_get_type ())

G_DECLARE_FINAL_TYPE (FwCatalogPalette, fw_catalog_palette, FW, CATALOG_PALETTE, GtkWidget)

GtkWidget *fw_catalog_palette_new (void);
/* The window's Find: the cursor in the search field. */
gboolean   fw_catalog_palette_focus_search (FwCatalogPalette *self);

G_END_DECLS
