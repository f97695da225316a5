/* fw-cli-list.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-cli-list"

#include <glib/gi18n.h>

#include "fw-catalog.h"
#include "fw-cli-common.h"
#include "fw-json-writer.h"
#include "fw-number.h"
#include "fw-templates.h"

/* `templates` and `catalog`: the two lists a user picks from, as an
 * aligned table for reading or as JSON for scripts. The table shows
 * translated names; JSON keeps the original strings, which stay the same
 * whatever the reader's language. */

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
} Format;

static const char * const format_names[] = { "text", "json", NULL };

#define N_COLUMNS_MAX 8

typedef struct
{
  guint      n_columns;
  GPtrArray *cells;  /* of char*, row after row */
} Table;

static void
table_init (Table *table,
            guint  n_columns)
{
  g_assert (n_columns <= N_COLUMNS_MAX);

  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);
}

static void
table_add (Table      *table,
           const char *cell)
{
  g_ptr_array_add (table->cells, g_strdup (cell));
}

/* Pads every column but the last to its widest cell, counted in
 * characters, not bytes, so that names with accents line up. Frees the
 * table. */
static char *
table_free_to_string (Table *table)
{
  g_autoptr(GPtrArray) cells = g_steal_pointer (&table->cells);
  GString *text = g_string_new (NULL);
  glong widths[N_COLUMNS_MAX] = { 0 };

  for (guint i = 0; i < cells->len; i++)
    {
      guint column = i % table->n_columns;

      widths[column] = MAX (widths[column], g_utf8_strlen (g_ptr_array_index (cells, i), -1));
    }

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      guint column = i % table->n_columns;

      g_string_append (text, cell);
      if (column + 1 == table->n_columns)
        g_string_append_c (text, '\n');
      else
        for (glong pad = g_utf8_strlen (cell, -1); pad < widths[column] + 2; pad++)
          g_string_append_c (text, ' ');
    }

  return g_string_free (text, FALSE);
}

/* Parses a list command's arguments; returns FALSE with the exit code in
 * *@status when the command is done. */
static gboolean
parse_list_args (int          argc,
                 char       **argv,
                 const char  *description,
                 guint       *format,
                 int         *status)
{
  g_autofree char *format_text = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("Write text or json (default: text)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!fw_cli_parse (argc, argv, NULL, description, entries, &args, status))
    return FALSE;

  if (!fw_cli_parse_choice ("--format", format_text, format_names, format, &error))
    {
      *status = fw_cli_report_error (error);
      return FALSE;
    }

  return TRUE;
}

static char *
templates_to_text (const FwTemplateInfo *infos,
                   guint                 n_infos)
{
  Table table;

  table_init (&table, 3);
  table_add (&table, _("ID"));
  table_add (&table, _("TITLE"));
  table_add (&table, _("DESCRIPTION"));
  for (guint i = 0; i < n_infos; i++)
    {
      table_add (&table, infos[i].id);
      table_add (&table, _(infos[i].title));
      table_add (&table, _(infos[i].description));
    }

  return table_free_to_string (&table);
}

static char *
templates_to_json (const FwTemplateInfo *infos,
                   guint                 n_infos)
{
  FwJsonWriter *writer = fw_json_writer_new (2);

  fw_json_writer_begin_array (writer);
  for (guint i = 0; i < n_infos; i++)
    {
      fw_json_writer_begin_object (writer);
      fw_json_writer_key (writer, "id");
      fw_json_writer_string (writer, infos[i].id);
      fw_json_writer_key (writer, "title");
      fw_json_writer_string (writer, infos[i].title);
      fw_json_writer_key (writer, "description");
      fw_json_writer_string (writer, infos[i].description);
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);

  return fw_json_writer_free_to_string (writer);
}

int
fw_cli_templates (int    argc,
                  char **argv)
{
  g_autofree char *text = NULL;
  const FwTemplateInfo *infos;
  guint n_infos;
  guint format;
  int status;

  if (!parse_list_args (argc, argv,
                        N_("Lists the templates \"new --template ID\" starts from: their id,\n"
                           "title and description."),
                        &format, &status))
    return status;

  infos = fw_templates_list (&n_infos);
  if (format == FORMAT_JSON)
    text = templates_to_json (infos, n_infos);
  else
    text = templates_to_text (infos, n_infos);

  return fw_cli_print_document (text);
}

/* "conversion -0.3, churn +0.01": the effects a point has, with their
 * signs, in the units of the JSON fields a user would edit. */
static char *
format_effects (const FwCatalogEntry *entry)
{
  const struct { const char *label; double value; } effects[] = {
    { N_("conversion"), entry->conversion },
    { N_("churn"), entry->churn },
    { N_("referral"), entry->referral },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (effects); i++)
    {
      char number[FW_NUMBER_BUF_SIZE];

      if (effects[i].value == 0)
        continue;

      g_string_append_printf (text, "%s%s %s%s",
                              text->len > 0 ? ", " : "",
                              _(effects[i].label),
                              effects[i].value > 0 ? "+" : "",
                              fw_number_format (effects[i].value, number));
    }

  if (text->len == 0)
    g_string_append (text, _("none"));

  return g_string_free (text, FALSE);
}

static char *
catalog_to_text (const FwCatalogEntry *entries,
                 guint                 n_entries)
{
  Table table;

  table_init (&table, 5);
  table_add (&table, _("KIND"));
  table_add (&table, _("ID"));
  table_add (&table, _("NAME"));
  table_add (&table, _("EFFECTS"));
  table_add (&table, _("EXPLANATION"));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *effects = format_effects (&entries[i]);

      table_add (&table, fw_point_kind_to_string (entries[i].kind));
      table_add (&table, entries[i].id);
      table_add (&table, _(entries[i].name));
      table_add (&table, effects);
      table_add (&table, _(entries[i].explanation));
    }

  return table_free_to_string (&table);
}

static char *
catalog_to_json (const FwCatalogEntry *entries,
                 guint                 n_entries)
{
  FwJsonWriter *writer = fw_json_writer_new (2);

  fw_json_writer_begin_array (writer);
  for (guint i = 0; i < n_entries; i++)
    {
      fw_json_writer_begin_object (writer);
      fw_json_writer_key (writer, "id");
      fw_json_writer_string (writer, entries[i].id);
      fw_json_writer_key (writer, "kind");
      fw_json_writer_string (writer, fw_point_kind_to_string (entries[i].kind));
      fw_json_writer_key (writer, "name");
      fw_json_writer_string (writer, entries[i].name);
      fw_json_writer_key (writer, "explanation");
      fw_json_writer_string (writer, entries[i].explanation);
      fw_json_writer_key (writer, "conversion");
      fw_json_writer_number (writer, entries[i].conversion);
      fw_json_writer_key (writer, "churn");
      fw_json_writer_number (writer, entries[i].churn);
      fw_json_writer_key (writer, "referral");
      fw_json_writer_number (writer, entries[i].referral);
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);

  return fw_json_writer_free_to_string (writer);
}

int
fw_cli_catalog (int    argc,
                char **argv)
{
  g_autofree char *text = NULL;
  const FwCatalogEntry *entries;
  guint n_entries;
  guint format;
  int status;

  if (!parse_list_args (argc, argv,
                        N_("Lists the friction points and forces that can be placed on the\n"
                           "wheel: kind, id, name, default effects and explanation. Effects are\n"
                           "those of the JSON format: conversion and referral change a stage's\n"
                           "rate relatively (-0.2 is a fifth less), churn adds to its loss rate."),
                        &format, &status))
    return status;

  entries = fw_catalog_list (&n_entries);
  if (format == FORMAT_JSON)
    text = catalog_to_json (entries, n_entries);
  else
    text = catalog_to_text (entries, n_entries);

  return fw_cli_print_document (text);
}
