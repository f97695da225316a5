/* fw-cli-common.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-model.h"

G_BEGIN_DECLS

/* The name every message starts with, whatever path the binary was run
 * from: users know the command by this name. */
#define FW_CLI_NAME "flywheel-cli"

/* Exit codes, as --help documents them. */
#define FW_CLI_EXIT_OK      0
#define FW_CLI_EXIT_FAILURE 1 /* the machine could not do the job */
#define FW_CLI_EXIT_USAGE   2 /* the input or the arguments are wrong */

/* A subcommand's entry point: argv[0] is the subcommand's name. Returns
 * the exit code. */
typedef int (*FwCliEntry) (int    argc,
                           char **argv);

typedef struct
{
  const char *name;     /* "simulate" */
  const char *summary;  /* one line, translatable */
  FwCliEntry  entry;
} FwCliCommand;

/* The subcommands in the order `flywheel-cli --help` lists them
 * (fw-cli.c). */
extern const FwCliCommand fw_cli_commands[];
extern const guint        fw_cli_n_commands;

const FwCliCommand *fw_cli_lookup_command (const char *name);

/* Entry points, one file each. */
int fw_cli_new       (int argc, char **argv);
int fw_cli_templates (int argc, char **argv);
int fw_cli_catalog   (int argc, char **argv);
int fw_cli_import    (int argc, char **argv);
int fw_cli_dump      (int argc, char **argv);
int fw_cli_simulate  (int argc, char **argv);
int fw_cli_compare   (int argc, char **argv);
int fw_cli_check     (int argc, char **argv);
int fw_cli_export    (int argc, char **argv);
int fw_cli_report    (int argc, char **argv);

/* Arguments.
 *
 * Parses a subcommand's @argv with @entries (may be NULL), adds --help
 * and expects exactly the positional arguments named in @parameters
 * ("IN OUT"; NULL or "" for none). @description is the text after the
 * options in --help (may be NULL). GOption translates the descriptions
 * of @entries and @description, so they are given marked with N_().
 *
 * Returns TRUE with the positional arguments in *@args (free with
 * g_strfreev) when the command should go on; FALSE when it is done,
 * with the exit code in *@exit_code: --help was printed (0, or 1 when
 * stdout failed) or a usage error was reported (2). */
gboolean fw_cli_parse (int                 argc,
                       char              **argv,
                       const char         *parameters,
                       const char         *description,
                       const GOptionEntry *entries,
                       char             ***args,
                       int                *exit_code);

/* Reports a usage error of @command (whose positional arguments are
 * @parameters, as given to fw_cli_parse()) on stderr, with the usage
 * line and where to find help. Returns 2. */
int  fw_cli_usage_error (const char *command,
                         const char *parameters,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* Reads the value of an option such as --format: sets *@index to the
 * position of @value in the NULL-terminated @choices; a NULL @value (the
 * option not given) picks the first. A value not in the list is an
 * FW_ERROR_INVALID naming @option and the choices. */
gboolean fw_cli_parse_choice (const char         *option,
                              const char         *value,
                              const char * const *choices,
                              guint              *index,
                              GError            **error);

/* Reads the whole number @value of @option (decimal digits only) into
 * *@number; one outside [@min, @max] or not a number is an
 * FW_ERROR_INVALID naming the option, the range and the value. */
gboolean fw_cli_parse_whole (const char  *option,
                             const char  *value,
                             guint64      min,
                             guint64      max,
                             guint64     *number,
                             GError     **error);

/* --horizon N: @value NULL (the option not given) leaves *@horizon 0,
 * which means the project's. */
gboolean fw_cli_parse_horizon (const char  *value,
                               guint       *horizon,
                               GError     **error);

/* Input. */

typedef enum
{
  FW_CLI_FILE_STORE, /* a `.flywheel` SQLite project file */
  FW_CLI_FILE_JSON,  /* MODEL.md's JSON interchange format */
} FwCliFileType;

/* Reads the project at @path, telling the two formats apart by content
 * (an SQLite header, otherwise JSON), never by name; @path may be a pipe
 * (/dev/stdin). The project is valid. Every error message names the
 * file; one that is missing or cannot be opened is bad input
 * (FW_ERROR_NOT_FOUND). @type may be NULL. */
FwProject *fw_cli_load_project (const char     *path,
                                FwCliFileType  *type,
                                GError        **error);

/* The scenario of @project (read from @path) named @name, trimmed as
 * names are; @name NULL picks the first. A name not found is an
 * FW_ERROR_NOT_FOUND naming the file and listing the scenarios there
 * are, so the user can retype it. */
const FwScenario *fw_cli_find_scenario (const FwProject  *project,
                                        const char       *path,
                                        const char       *name,
                                        GError          **error);

/* Output. */

/* Prints "flywheel-cli: MESSAGE" on stderr, each line of @message with
 * its control characters escaped as JSON escapes them: a message may
 * quote a file's name, which nothing else has escaped, and an escape
 * sequence in it would reach the terminal. */
void fw_cli_print_error  (const char *message);

/* Prints "flywheel-cli: MESSAGE" on stderr (fw_cli_print_error ()) and
 * returns the exit code the error calls for: 2 for bad input, 1
 * otherwise. */
int  fw_cli_report_error (const GError *error);

/* Writes @text to stdout completely, flushing and checking for errors
 * (a full disk, a closed pipe). Returns 0, or reports the error and
 * returns 1. */
int  fw_cli_print (const char *text);

/* Like fw_cli_print(), ending the output with a newline when @text does
 * not, as a shell user expects of a document written to a terminal. */
int  fw_cli_print_document (const char *text);

G_END_DECLS
