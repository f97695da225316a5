/* fw-json-writer.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-json-writer"

#include <math.h>

#include "fw-json-writer.h"
#include "fw-number.h"

/* One open object or array: the writer needs to know which, to expect keys
 * in an object, and how many items it holds so far, to put a comma before
 * every item but the first and to write an empty one as {} or []. */
typedef struct
{
  gboolean is_object;
  guint    n_items;
} Frame;

struct _FwJsonWriter
{
  GString  *out;
  guint     indent;
  GArray   *frames;     /* of Frame, innermost last */
  gboolean  after_key;  /* a key was written, its value comes next */
};

FwJsonWriter *
fw_json_writer_new (guint indent)
{
  FwJsonWriter *writer = g_new0 (FwJsonWriter, 1);

  writer->out = g_string_new (NULL);
  writer->indent = indent;
  writer->frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  return writer;
}

char *
fw_json_writer_free_to_string (FwJsonWriter *writer)
{
  char *text;

  g_return_val_if_fail (writer != NULL, NULL);

  /* Still open containers are a bug in the caller; the text is returned
   * anyway so that it can be looked at. */
  g_warn_if_fail (writer->frames->len == 0 && !writer->after_key);

  text = g_string_free (writer->out, FALSE);
  g_array_unref (writer->frames);
  g_free (writer);

  return text;
}

static Frame *
innermost (FwJsonWriter *writer)
{
  if (writer->frames->len == 0)
    return NULL;

  return &g_array_index (writer->frames, Frame, writer->frames->len - 1);
}

/* A line break and the indentation of the current depth; nothing on one
 * line (indent 0). */
static void
new_line (FwJsonWriter *writer)
{
  if (writer->indent == 0)
    return;

  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->frames->len * writer->indent; i++)
    g_string_append_c (writer->out, ' ');
}

/* What comes before an item of the innermost container: a comma unless
 * it is the first, then its own line. */
static void
begin_item (FwJsonWriter *writer,
            Frame        *frame)
{
  if (frame->n_items++ > 0)
    g_string_append_c (writer->out, ',');
  new_line (writer);
}

/* Called before every value. After a key the separator is written
 * already; in an array the value is a new item; at the top level there is
 * nothing to separate. */
static gboolean
begin_value (FwJsonWriter *writer)
{
  Frame *frame = innermost (writer);

  if (writer->after_key)
    {
      writer->after_key = FALSE;
      return TRUE;
    }

  if (frame == NULL)
    return TRUE;

  g_return_val_if_fail (!frame->is_object, FALSE); /* a key comes first */
  begin_item (writer, frame);

  return TRUE;
}

static void
append_string (GString    *out,
               const char *value)
{
  g_autofree char *valid = NULL;

  /* The model's strings are checked UTF-8, but a writer must not emit
   * text that no reader accepts: anything else is repaired with U+FFFD. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Other control characters have no short form. DEL and the C1
           * controls (U+0080..U+009F, "\xc2\x80".."\xc2\x9f" in UTF-8;
           * U+009B starts an escape sequence on many terminals) are
           * escaped as well, so that text this writes is safe to show on
           * a terminal. Everything else, UTF-8 included, is written as
           * it is. */
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else if (c == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
            g_string_append_printf (out, "\\u%04x", (guchar) *++p);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
begin_container (FwJsonWriter *writer,
                 gboolean      is_object)
{
  Frame frame = { is_object, 0 };

  if (!begin_value (writer))
    return;

  g_string_append_c (writer->out, is_object ? '{' : '[');
  g_array_append_val (writer->frames, frame);
}

static void
end_container (FwJsonWriter *writer,
               gboolean      is_object)
{
  Frame *frame = innermost (writer);
  guint n_items;

  g_return_if_fail (frame != NULL && frame->is_object == is_object);
  g_return_if_fail (!writer->after_key);

  n_items = frame->n_items;
  g_array_set_size (writer->frames, writer->frames->len - 1);

  /* An empty container stays on one line: {} and []. */
  if (n_items > 0)
    new_line (writer);
  g_string_append_c (writer->out, is_object ? '}' : ']');
}

void
fw_json_writer_begin_object (FwJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_container (writer, TRUE);
}

void
fw_json_writer_end_object (FwJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  end_container (writer, TRUE);
}

void
fw_json_writer_begin_array (FwJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  begin_container (writer, FALSE);
}

void
fw_json_writer_end_array (FwJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  end_container (writer, FALSE);
}

void
fw_json_writer_key (FwJsonWriter *writer,
                    const char   *key)
{
  Frame *frame;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (key != NULL);

  frame = innermost (writer);
  g_return_if_fail (frame != NULL && frame->is_object);
  g_return_if_fail (!writer->after_key);

  begin_item (writer, frame);
  append_string (writer->out, key);
  g_string_append (writer->out, writer->indent > 0 ? ": " : ":");
  writer->after_key = TRUE;
}

/* NULL is written as null, which spares callers a branch for optional
 * text. */
void
fw_json_writer_string (FwJsonWriter *writer,
                       const char   *value)
{
  g_return_if_fail (writer != NULL);

  if (value == NULL)
    {
      fw_json_writer_null (writer);
      return;
    }

  if (begin_value (writer))
    append_string (writer->out, value);
}

void
fw_json_writer_number (FwJsonWriter *writer,
                       double        value)
{
  g_return_if_fail (writer != NULL);

  if (!isfinite (value))
    {
      fw_json_writer_null (writer);
      return;
    }

  if (begin_value (writer))
    fw_number_append (writer->out, value);
}

void
fw_json_writer_int (FwJsonWriter *writer,
                    gint64        value)
{
  g_return_if_fail (writer != NULL);

  if (begin_value (writer))
    g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
fw_json_writer_boolean (FwJsonWriter *writer,
                        gboolean      value)
{
  g_return_if_fail (writer != NULL);

  if (begin_value (writer))
    g_string_append (writer->out, value ? "true" : "false");
}

void
fw_json_writer_null (FwJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);

  if (begin_value (writer))
    g_string_append (writer->out, "null");
}
