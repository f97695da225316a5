/* fw-json-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-json-text"

#include <stdarg.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "fw-error.h"
#include "fw-json-text.h"
#include "fw-validate.h"

/* json-glib 1.6 accepts more than JSON and reads some of it wrongly: it
 * skips comments, takes 'single quoted' strings, raw control characters,
 * unknown escapes and numbers such as 0x10, 01 and .5, reads "\u0000" as
 * the end of the string and a lone "\ud800" as bytes that are not UTF-8,
 * ignores a second value after the first ("{}{}"), keeps the last value
 * of a key given twice, and stores every whole number in a gint64 without
 * a range check, so that 20000000000000000000 comes back negative and -0
 * loses its sign. This file stands between the text and json-glib, so
 * that the reader (fw-json-reader.c) only ever sees strict JSON: a pass
 * over the text refuses what JSON does not allow and rewrites the whole
 * numbers a gint64 cannot hold as "N.0", which json-glib reads as the
 * double JSON means (a column json-glib reports later on the same line is
 * then off by two per rewritten number); the parse that follows refuses
 * repeated keys and words json-glib's messages the way ours are. */

/* A project nests five levels (project, scenarios, scenario, stages,
 * stage); json-glib 1.6 parses recursively and overflows the stack on
 * some ten thousand, so the depth is limited before it parses. */
#define MAX_DEPTH 64

/* How much of a token that is not a number a message repeats. */
#define TOKEN_MAX_CHARS 40

/* ------------------------------------------------------------------ errors */

/* Errors in the text itself have no path yet, only a position: line and
 * column from 1, the column counted in characters. */
G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (GError     **error,
         const char  *text,
         const char  *at,
         const char  *format,
         ...)
{
  g_autofree char *problem = NULL;
  guint line = 1, column = 1;
  va_list args;

  for (const char *p = text; p < at; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        {
          column++;
        }
    }

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, FW_ERROR, FW_ERROR_PARSE, "line %u, column %u: %s", line, column, problem);

  return FALSE;
}

/* ---------------------------------------------------------------- the scan */

/* The pass over the text described at the top of this file. */
typedef struct
{
  const char *text;
  const char *end;
  GString    *patched;  /* NULL until a number needs rewriting */
  const char *copied;   /* how much of the text is in @patched */
} Scan;

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

/* JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const char *p,
                const char *end,
                gboolean   *whole)
{
  const char *digits;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    p = skip_digits (p, end);
  else
    return FALSE;

  *whole = TRUE;

  if (p < end && *p == '.')
    {
      digits = ++p;
      p = skip_digits (p, end);
      if (p == digits)
        return FALSE;
      *whole = FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      digits = p;
      p = skip_digits (p, end);
      if (p == digits)
        return FALSE;
      *whole = FALSE;
    }

  return p == end;
}

static gboolean
scan_number (Scan        *scan,
             const char **cursor,
             GError     **error)
{
  const char *start = *cursor;
  const char *p = start;
  g_autofree char *token = NULL;
  gboolean whole;
  gint64 ignored;

  while (p < scan->end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
    p++;
  *cursor = p;

  token = g_strndup (start, p - start);
  if (!is_json_number (start, p, &whole))
    return fail_at (error, scan->text, start, "%.*s%s is not a JSON number",
                    TOKEN_MAX_CHARS, token, strlen (token) > TOKEN_MAX_CHARS ? "…" : "");

  if (whole && (strcmp (token, "-0") == 0 ||
                !g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &ignored, NULL)))
    {
      if (scan->patched == NULL)
        scan->patched = g_string_sized_new (scan->end - scan->text + 64);
      g_string_append_len (scan->patched, scan->copied, p - scan->copied);
      g_string_append (scan->patched, ".0");
      scan->copied = p;
    }

  return TRUE;
}

/* The code unit of the four hex digits at @p, or -1. */
static int
escape_code (const char *p,
             const char *end)
{
  int code = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }

  return code;
}

/* @cursor is at the backslash of an escape; it is moved to its last
 * character. */
static gboolean
scan_escape (Scan        *scan,
             const char **cursor,
             GError     **error)
{
  const char *start = *cursor;
  const char *p = start + 1;
  int code;

  if (p == scan->end || strchr ("\"\\/bfnrtu", *p) == NULL)
    return fail_at (error, scan->text, start, "unknown escape in a string");

  *cursor = p;
  if (*p != 'u')
    return TRUE;

  code = escape_code (p + 1, scan->end);
  if (code < 0)
    return fail_at (error, scan->text, start, "\\u must be followed by four hexadecimal digits");
  if (code == 0)
    return fail_at (error, scan->text, start, "\\u0000 is not allowed in text");
  *cursor = p + 4;

  /* UTF-16 surrogates come in pairs, high then low: json-glib turns a
   * lone one into bytes that are not UTF-8, or into a wrong message. */
  if (code >= 0xd800 && code <= 0xdbff)
    {
      int low = scan->end - p > 6 && p[5] == '\\' && p[6] == 'u' ? escape_code (p + 7, scan->end) : -1;

      if (low >= 0xdc00 && low <= 0xdfff)
        {
          *cursor = p + 10;
          return TRUE;
        }
    }
  if (code >= 0xd800 && code <= 0xdfff)
    return fail_at (error, scan->text, start,
                    "%.6s is half of a UTF-16 surrogate pair, without the other half", start);

  return TRUE;
}

static gboolean
scan_string (Scan        *scan,
             const char **cursor,
             GError     **error)
{
  const char *p = *cursor + 1;

  for (; p < scan->end && *p != '"'; p++)
    {
      if ((guchar) *p < 0x20)
        return fail_at (error, scan->text, p,
                        "a control character in a string must be written as an escape, such as \\n");

      if (*p == '\\' && !scan_escape (scan, &p, error))
        return FALSE;
    }

  /* An unterminated string is left for json-glib to report. */
  *cursor = p < scan->end ? p + 1 : p;

  return TRUE;
}

/* @text has no NUL byte before @length (it is checked UTF-8). */
static gboolean
scan_text (Scan    *scan,
           GError **error)
{
  const char *p = scan->text;
  guint depth = 0;
  gboolean closed = FALSE;

  while (p < scan->end)
    {
      char c = *p;

      if (closed && !strchr (" \t\r\n", c))
        return fail_at (error, scan->text, p, "unexpected text after the end of the JSON value");

      if (c == '"')
        {
          if (!scan_string (scan, &p, error))
            return FALSE;
          continue;
        }

      if (c == '-' || c == '.' || g_ascii_isdigit (c))
        {
          if (!scan_number (scan, &p, error))
            return FALSE;
          continue;
        }

      if (c == '/')
        return fail_at (error, scan->text, p, "comments are not allowed in JSON");
      if (c == '\'')
        return fail_at (error, scan->text, p, "strings must be in double quotes");

      if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        return fail_at (error, scan->text, p, "nested more than %d levels deep", MAX_DEPTH);
      if ((c == '}' || c == ']') && depth > 0 && --depth == 0)
        closed = TRUE;

      p++;
    }

  return TRUE;
}

/* Checks @text as described above; *patched is the text to parse instead
 * of @text, or NULL when @text is fine as it is. */
static gboolean
check_text (const char  *text,
            gsize        length,
            char       **patched,
            GError     **error)
{
  Scan scan = { text, text + length, NULL, text };

  if (!scan_text (&scan, error))
    {
      if (scan.patched != NULL)
        g_string_free (scan.patched, TRUE);
      return FALSE;
    }

  *patched = NULL;
  if (scan.patched != NULL)
    {
      g_string_append_len (scan.patched, scan.copied, scan.end - scan.copied);
      *patched = g_string_free (scan.patched, FALSE);
    }

  return TRUE;
}

/* --------------------------------------------------------------- the parse */

/* json-glib keeps the last value of a key given twice and says nothing.
 * Its "object-member" signal comes after each member is stored, so an
 * object that has had more members read than it holds has a repeated
 * key. */
typedef struct
{
  GHashTable *counts;    /* JsonObject* -> members read */
  char       *repeated;  /* the first repeated key */
  guint       line;      /* where json-glib was when it saw it */
} MemberCheck;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    user_data)
{
  MemberCheck *check = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (check->counts, object)) + 1;

  g_hash_table_insert (check->counts, object, GUINT_TO_POINTER (count));

  if (count > json_object_get_size (object) && check->repeated == NULL)
    {
      check->repeated = g_strdup (name);
      check->line = json_parser_get_current_line (parser);
    }
}

/* json-glib says "<data>:3:5: Parse error: unexpected ..."; the place is
 * written the way the rest of this file writes it. Another form of
 * message is kept as it is. */
static void
set_parse_error (GError       **error,
                 const GError  *parse_error)
{
  const char *message = parse_error->message;
  const char *prefix = "<data>:";
  guint64 line, column;
  char *end;

  if (g_str_has_prefix (message, prefix))
    {
      line = g_ascii_strtoull (message + strlen (prefix), &end, 10);
      if (*end == ':')
        {
          column = g_ascii_strtoull (end + 1, &end, 10);
          if (g_str_has_prefix (end, ": "))
            {
              end += 2;
              if (g_str_has_prefix (end, "Parse error: "))
                end += strlen ("Parse error: ");
              g_set_error (error, FW_ERROR, FW_ERROR_PARSE,
                           "line %" G_GUINT64_FORMAT ", column %" G_GUINT64_FORMAT ": %s",
                           line, column, end);
              return;
            }
        }
    }

  g_set_error_literal (error, FW_ERROR, FW_ERROR_PARSE, message);
}

static gboolean
parse (JsonParser  *parser,
       const char  *text,
       gssize       length,
       GError     **error)
{
  MemberCheck check = { g_hash_table_new (NULL, NULL), NULL, 0 };
  g_autoptr(GError) parse_error = NULL;
  gboolean ok;
  gulong handler;

  handler = g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &check);
  ok = json_parser_load_from_data (parser, text, length, &parse_error);
  g_signal_handler_disconnect (parser, handler);
  g_hash_table_unref (check.counts);

  if (!ok)
    set_parse_error (error, parse_error);
  else if (check.repeated != NULL)
    {
      g_autofree char *key = fw_quote_text (check.repeated);

      g_set_error (error, FW_ERROR, FW_ERROR_PARSE,
                   "line %u: the key %s appears twice in the same object", check.line, key);
      ok = FALSE;
    }
  else if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, FW_ERROR, FW_ERROR_PARSE, "the text holds no JSON value");
      ok = FALSE;
    }

  g_free (check.repeated);

  return ok;
}

/* ------------------------------------------------------------------ public */

JsonNode *
fw_json_text_parse (const char  *text,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *patched = NULL;
  const char *invalid;
  gsize size;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (text) : (gsize) length;

  if (!g_utf8_validate (text, size, &invalid))
    {
      if (*invalid == '\0')
        fail_at (error, text, invalid, "the text holds a NUL character");
      else
        fail_at (error, text, invalid, "the text is not valid UTF-8");
      return NULL;
    }

  parser = json_parser_new ();
  if (!check_text (text, size, &patched, error) ||
      !parse (parser, patched != NULL ? patched : text, patched != NULL ? -1 : (gssize) size, error))
    return NULL;

  return json_parser_steal_root (parser);
}
