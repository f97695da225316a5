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

G_END_DECLS
