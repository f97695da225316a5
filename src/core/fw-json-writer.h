/* fw-json-writer.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small streaming JSON writer. json-glib's generator writes doubles with
 * 17 significant digits ("0.20000000000000001"); MODEL.md asks for the
 * shortest round-trip form, and a user reading a dump expects "0.2". */
typedef struct _FwJsonWriter FwJsonWriter;

/* @indent: spaces per level, 0 for one line. */
FwJsonWriter *fw_json_writer_new          (guint indent);
/* Frees the writer and returns the text. */
char         *fw_json_writer_free_to_string (FwJsonWriter *writer);

void fw_json_writer_begin_object  (FwJsonWriter *writer);
void fw_json_writer_end_object    (FwJsonWriter *writer);
void fw_json_writer_begin_array   (FwJsonWriter *writer);
void fw_json_writer_end_array     (FwJsonWriter *writer);
/* Inside an object, each value is preceded by its key. */
void fw_json_writer_key           (FwJsonWriter *writer, const char *key);
void fw_json_writer_string        (FwJsonWriter *writer, const char *value);
/* Not finite numbers are written as null, as MODEL.md asks. */
void fw_json_writer_number        (FwJsonWriter *writer, double value);
void fw_json_writer_int           (FwJsonWriter *writer, gint64 value);
void fw_json_writer_boolean       (FwJsonWriter *writer, gboolean value);
void fw_json_writer_null          (FwJsonWriter *writer);

/* Appends @text with its control characters escaped as a JSON string
 * escapes them (\n, \r, \t, \b, \f, otherwise \u001b-style, for the C0
 * controls, DEL and the C1 controls U+0080..U+009F) and nothing else
 * changed: no quotes around it, quotes and backslashes as they are. For
 * text that is not JSON but must be safe to print on a terminal, such as
 * a name in a CSV field. Text that is not UTF-8 is repaired with U+FFFD,
 * as the writer repairs it. */
void fw_text_append_controls_escaped (GString *out, const char *text);

G_END_DECLS
