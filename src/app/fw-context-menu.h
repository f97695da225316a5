/* fw-context-menu.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A drawn view's context menu: a GtkPopoverMenu from a GMenuModel,
 * opened by a right-click, a long press on a touch screen, or the Menu
 * key and Shift+F10 while the view has the focus. */

/* Builds the menu for a press at (@x, @y) of @widget, or for the
 * keyboard (@x and @y negative), and sets @rect to what the menu points
 * at. NULL: no menu there. */
typedef GMenuModel *(*FwContextMenuBuild) (GtkWidget    *widget,
                                           double        x,
                                           double        y,
                                           GdkRectangle *rect,
                                           gpointer      data);

void       fw_context_menu_attach    (GtkWidget          *widget,
                                      FwContextMenuBuild  build,
                                      gpointer            data);
/* Opens @widget's menu as the keyboard does (tests, and callers that
 * know better where the menu belongs). Returns whether one opened. */
gboolean   fw_context_menu_popup     (GtkWidget          *widget,
                                      double              x,
                                      double              y);
/* @widget's menu while it is on show, else NULL. */
GtkWidget *fw_context_menu_get_shown (GtkWidget          *widget);

G_END_DECLS
