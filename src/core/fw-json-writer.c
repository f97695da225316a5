/* fw-json-writer.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-json-writer"

#include <math.h>
#include <string.h>

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

/* Whether byte @c (followed by @next) must be escaped: the control
 * characters, DEL and the C1 controls (U+0080..U+009F, "\xc2\x80" ..
 * "\xc2\x9f" in UTF-8; U+009B starts an escape sequence on many
 * terminals), so that text this writes is safe to show on a terminal,
 * and, when @json, the quote and backslash JSON itself needs. */
static inline gboolean
needs_escape (guchar   c,
              guchar   next,
              gboolean json)
{
  return c < 0x20 || c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f) ||
         (json && (c == '"' || c == '\\'));
}

/* How many bytes @c (followed by @next) takes escaped; for a C1
 * control, both its bytes together. */
static inline guint
escaped_length (guchar   c,
                guchar   next,
                gboolean json)
{
  if (!needs_escape (c, next, json))
    return 1;
  switch (c)
    {
    case '"': case '\\': case '\b': case '\f': case '\n': case '\r': case '\t':
      return 2;
    default:
      return 6;
    }
}

/* Writes @value into @out, which has room for exactly its escaped form.
 * By hand rather than a printf or a GString call per byte: a name made
 * of control characters is six bytes of output per byte of input, and
 * a call per byte made `dump` of such a project twice as slow
 * (docs/performance.md, "The largest JSON round trip"). */
static inline void
write_escaped (char       *out,
               const char *value,
               gboolean    json)
{
  static const char hex[] = "0123456789abcdef";

  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      char short_form = 0;

      if (!needs_escape (c, (guchar) p[1], json))
        {
          *out++ = (char) c;
          continue;
        }

      switch (c)
        {
        case '"':  short_form = '"'; break;
        case '\\': short_form = '\\'; break;
        case '\b': short_form = 'b'; break;
        case '\f': short_form = 'f'; break;
        case '\n': short_form = 'n'; break;
        case '\r': short_form = 'r'; break;
        case '\t': short_form = 't'; break;
        default:
          /* A C1 control is escaped by its code point, the byte after
           * 0xc2 (other control characters have no short form). */
          if (c == 0xc2)
            c = (guchar) *++p;
          break;
        }

      *out++ = '\\';
      if (short_form != 0)
        {
          *out++ = short_form;
          continue;
        }
      *out++ = 'u';
      *out++ = '0';
      *out++ = '0';
      *out++ = hex[c >> 4];
      *out++ = hex[c & 0xf];
    }
}

/* Appends @value escaped; when @json, as a JSON string: between quotes,
 * its quotes and backslashes escaped too. */
static inline void
append_escaped (GString    *out,
                const char *value,
                gboolean    json)
{
  g_autofree char *valid = NULL;
  gsize start, length = 0, quotes = json ? 2 : 0;

  /* The model's strings are checked UTF-8, but a writer must not emit
   * text that no reader accepts: anything else is repaired with U+FFFD. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  /* Measured first, so the string grows once. */
  for (const char *p = value; *p != '\0'; p++)
    {
      guint bytes = escaped_length ((guchar) *p, (guchar) p[1], json);

      length += bytes;
      if (bytes == 6 && (guchar) *p == 0xc2)
        p++;
    }

  start = out->len;
  g_string_set_size (out, start + length + quotes);
  write_escaped (out->str + start + quotes / 2, value, json);
  if (json)
    {
      out->str[start] = '"';
      out->str[start + length + 1] = '"';
    }
}

static void
append_string (GString    *out,
               const char *value)
{
  append_escaped (out, value, TRUE);
}

void
fw_text_append_controls_escaped (GString    *out,
                                 const char *text)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  append_escaped (out, text, FALSE);
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
