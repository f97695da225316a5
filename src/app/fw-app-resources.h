/* fw-app-resources.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the window's GResource (templates, style, shortcuts window)
 * once, however often it is called. By hand, because in a static library
 * an object no one calls into is left out of the link, constructor and
 * all. The application calls it before GtkApplication's startup looks
 * for gtk/help-overlay.ui; the window's class for programs without one. */
void fw_app_resources_ensure (void);

G_END_DECLS
