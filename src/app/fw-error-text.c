/* fw-error-text.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-error-text"

#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "fw-display-number.h"
#include "fw-error.h"
#include "fw-error-text.h"
#include "fw-file.h"
#include "fw-model.h"
#include "fw-validate.h"

static const char *
why_not_opened (const GError *error)
{
  if (error->domain == FW_ERROR)
    switch ((FwError) error->code)
      {
      case FW_ERROR_NOT_PROJECT:
        return _("It is not a Flywheel project.");
      case FW_ERROR_DAMAGED:
        return _("The file is damaged, so Flywheel cannot read it. If you have another copy, open that one.");
      case FW_ERROR_TOO_NEW:
        return _("It was saved by a newer version of Flywheel; update Flywheel to open it.");
      case FW_ERROR_UNSAFE:
        return _("It contains active content that a Flywheel project never has, so it is not opened.");
      case FW_ERROR_INVALID:
        return _("Some of its values are outside what Flywheel allows, so it is not opened. “flywheel-cli check” lists them.");
      case FW_ERROR_PARSE:
        return _("Its contents cannot be read.");
      case FW_ERROR_NOT_FOUND:
        return _("It does not exist, or it was moved.");
      case FW_ERROR_FAILED:
      default:
        break;
      }

  if (error->domain == G_FILE_ERROR)
    switch ((GFileError) error->code)
      {
      case G_FILE_ERROR_NOENT:
        return _("It does not exist, or it was moved.");
      case G_FILE_ERROR_ACCES:
      case G_FILE_ERROR_PERM:
        return _("You are not allowed to read it.");
      case G_FILE_ERROR_ISDIR:
        return _("It is a folder, not a project file.");
      default:
        break;
      }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return _("Flywheel opens and saves files on this computer only.");

  return _("It could not be read just now. If another program has it open, close that program and try again.");
}

static const char *
why_not_saved (const GError *error)
{
  if (error->domain == G_FILE_ERROR)
    switch ((GFileError) error->code)
      {
      case G_FILE_ERROR_NOSPC:
        return _("The disk is full.");
      case G_FILE_ERROR_ACCES:
        return _("You are not allowed to save in that folder.");
      case G_FILE_ERROR_PERM:
        /* The folder may be written, the file not: it is another user's
         * (src/core/fw-file.c refuses to take it from them). */
        return _("The file belongs to another user, and saving it would take it from them. Save a copy under another name.");
      case G_FILE_ERROR_ROFS:
        return _("That disk cannot be written to.");
      case G_FILE_ERROR_NOENT:
      case G_FILE_ERROR_NOTDIR:
        return _("The folder it would go in does not exist.");
      case G_FILE_ERROR_ISDIR:
        return _("There is a folder of that name.");
      case G_FILE_ERROR_NAMETOOLONG:
        return _("The name is too long.");
      default:
        break;
      }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return _("Flywheel opens and saves files on this computer only.");

  return _("It could not be written.");
}

/* The developer's detail, for the log only. */
static void
log_detail (const char   *doing,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_message ("%s %s: %s (%s %d)", doing, name, error->message,
             g_quark_to_string (error->domain), error->code);
}

char *
fw_error_text_open (GFile        *file,
                    const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  log_detail ("Could not open", file, error);
  /* A named pipe, a device, a socket: said as the command line says it
   * (verification 8c, V8-04), not "not a Flywheel project". */
  {
    g_autofree char *path = g_file_get_path (file);
    GStatBuf info;

    if (path != NULL && g_stat (path, &info) == 0 && !S_ISREG (info.st_mode) && !S_ISDIR (info.st_mode))
      {
        g_autofree char *what = fw_file_not_a_file (info.st_mode);

        /* Translators: the first %s is a file name, the second says what
         * it is instead: "a named pipe, not a file" */
        return g_strdup_printf (_("Could not open “%s”: it is %s. Flywheel opens projects from files."),
                                name, what);
      }
  }
  /* Translators: the first %s is a file name, the second a sentence
   * saying why, such as "It is not a Flywheel project." */
  return g_strdup_printf (_("Could not open “%s”. %s"), name, why_not_opened (error));
}

char *
fw_error_text_save (GFile        *file,
                    const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  log_detail ("Could not save", file, error);
  /* Translators: the first %s is a file name, the second a sentence
   * saying why, such as "The disk is full." */
  return g_strdup_printf (_("Could not save “%s”. %s Your changes are still here; try saving somewhere else with Save As."),
                          name, why_not_saved (error));
}

char *
fw_error_text_export (GFile        *file,
                      const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  log_detail ("Could not export", file, error);
  /* Translators: the first %s is a file name, the second a sentence
   * saying why, such as "The disk is full." An export that failed left
   * the file as it was, or none. */
  return g_strdup_printf (_("Could not export “%s”. %s Nothing was written; export again into another folder."),
                          name, why_not_saved (error));
}

/* Typed values */

gboolean
fw_error_text_check_range (const char  *name,
                           double       value,
                           double       min,
                           double       max,
                           GError     **error)
{
  g_autofree char *got = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (fw_check_range (name, value, min, max, NULL))
    return TRUE;

  /* Grouped as the figures are ("1,000,000,000,000"), every digit kept:
   * "got 100.04" must not read as the limit 100. */
  got = fw_display_exact (value);
  low = fw_display_exact (min);
  high = fw_display_exact (max);
  if (!isfinite (value))
    /* Translators: %s is a field's name, such as "Advance". */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: type a finite number"), name);
  else if (isfinite (min) && isfinite (max))
    /* Translators: a field's name, its smallest and largest value, and
     * what was typed: "Advance: must be between 0 and 100, got 150". */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be between %s and %s, got %s"),
                 name, low, high, got);
  else if (value < min)
    /* Translators: "Churn: must be at least 0, got -5". */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be at least %s, got %s"), name, low, got);
  else
    /* Translators: "Conversion: must be at most 100, got 150". */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be at most %s, got %s"), name, high, got);
  return FALSE;
}

gboolean
fw_error_text_check_weight (const char  *name,
                            double       value,
                            GError     **error)
{
  g_autofree char *got = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (fw_check_weight (name, value, NULL))
    return TRUE;

  got = fw_display_exact (value);
  high = fw_display_exact (FW_MAX_WEIGHT);
  /* Translators: "Share of circle: must be more than 0 and at most 100, got 0". */
  g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be more than 0 and at most %s, got %s"),
               name, high, got);
  return FALSE;
}

/* What a name or a note breaks: it is empty, or too long. */
static gboolean
check_text (const char  *name,
            const char  *value,
            gboolean     is_name,
            GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong max = is_name ? FW_MAX_NAME_CHARS : FW_MAX_NOTE_CHARS;

  if (is_name ? fw_check_name (name, value, NULL) : fw_check_note (name, value, NULL))
    return TRUE;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      /* Translators: %s is a field's name. */
      g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be text"), name);
      return FALSE;
    }

  trimmed = is_name ? fw_name_trim (value) : g_strdup (value);
  if (trimmed[0] == '\0')
    /* Translators: %s is a field's name, such as "Name". */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must not be empty"), name);
  else
    /* Translators: a field's name, how many characters it may hold and
     * how many were typed. */
    g_set_error (error, FW_ERROR, FW_ERROR_INVALID, _("%s: must be at most %ld characters long, got %ld"),
                 name, max, g_utf8_strlen (trimmed, -1));
  return FALSE;
}

gboolean
fw_error_text_check_name (const char  *name,
                          const char  *value,
                          GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return check_text (name, value, TRUE, error);
}

gboolean
fw_error_text_check_note (const char  *name,
                          const char  *value,
                          GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return check_text (name, value, FALSE, error);
}

/* Edits */

char *
fw_error_text_edit (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  g_message ("Edit refused: %s (%s %d)", error->message,
             g_quark_to_string (error->domain), error->code);
  if (g_error_matches (error, FW_ERROR, FW_ERROR_INVALID))
    return g_strdup (_("That change would break one of the model’s rules, so it was not made."));
  return g_strdup (_("That change could not be made."));
}

void
fw_error_text_word_edit (GError **error)
{
  char *sentence;

  if (error == NULL || *error == NULL)
    return;

  sentence = fw_error_text_edit (*error);
  g_free ((*error)->message);
  (*error)->message = sentence;
}
