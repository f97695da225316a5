/* fw-json-text.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON text, strictly: json-glib 1.6 accepts more than JSON and misreads
 * some of it (comments, repeated keys, lone surrogates, "\u0000", deep
 * nesting, whole numbers beyond a gint64; fw-json-text.c lists them), so
 * the reader parses through here and sees only what JSON means. */

/* Parses the @length bytes of @text (all of it up to its NUL when
 * @length is -1) and returns the root of the one JSON value it holds.
 * Whole numbers a gint64 cannot hold, and -0, come back as doubles. On
 * anything JSON does not allow, returns NULL with an FW_ERROR_PARSE error
 * that says where: "line 3, column 5: comments are not allowed in JSON". */
JsonNode *fw_json_text_parse (const char  *text,
                              gssize       length,
                              GError     **error);

G_END_DECLS
