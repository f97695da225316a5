/* fw-settings.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Flywheel's GSettings (data/APP_ID.gschema.xml), shared by every window,
 * or NULL when the schema is not installed: a build run from its folder
 * without GSETTINGS_SCHEMA_DIR then remembers nothing, rather than
 * aborting as g_settings_new() would. The object lives as long as the
 * program. */
GSettings *fw_settings_get (void);

/* Sets integer @key to @value if the schema's range allows it, else
 * leaves it (GSettings would refuse it loudly): a pane hidden or squeezed
 * has no size worth keeping. */
void       fw_settings_save_int (GSettings  *settings,
                                 const char *key,
                                 int         value);

G_END_DECLS
