/* fw-json-reader.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-json-reader"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "fw-error.h"
#include "fw-file.h"
#include "fw-json.h"
#include "fw-json-text.h"
#include "fw-number.h"
#include "fw-place.h"
#include "fw-validate.h"

/* Reads MODEL.md's JSON format into an FwProject, one field at a time,
 * each error naming its place. The text itself is checked and parsed by
 * fw-json-text.c first, because json-glib 1.6 accepts more than JSON and
 * misreads some of it: what reaches this file is a strict document. */


static const char * const project_keys[] = {
  "format", "version", "name", "period", "horizon", "scenarios", NULL
};
static const char * const scenario_keys[] = {
  "name", "inflow", "stages", "points", "uncertainty", NULL
};
static const char * const uncertainty_keys[] = {
  "advance", "loss", "referral", "inflow", NULL
};
static const char * const stage_keys[] = {
  "name", "color", "count", "customer", "advance", "loss", "referral", "weight", NULL
};
static const char * const point_keys[] = {
  "name", "kind", "angle", "conversion", "churn", "referral", "enabled", "note", NULL
};

/* ------------------------------------------------------------------ errors */

/* What a node holds, for "got ..." in a message. */
static char *
describe (JsonNode *node)
{
  char buf[FW_NUMBER_BUF_SIZE];
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return fw_quote_text (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return g_strdup (fw_number_format (json_node_get_double (node), buf));
}

static gboolean
wrong_type (GError     **error,
            const char  *place,
            const char  *expected,
            JsonNode    *node)
{
  g_autofree char *got = describe (node);

  return fw_place_fail (error, FW_ERROR_INVALID, place, "must be %s, got %s", expected, got);
}

/* ------------------------------------------------------------------ fields */

/* The node of @key in @object, or NULL when it is absent, which is an
 * error when it is @required. *place is the key's path for messages. */
static gboolean
find (JsonObject  *object,
      const char  *path,
      const char  *key,
      gboolean     required,
      char       **place,
      JsonNode   **node,
      GError     **error)
{
  *place = fw_place_member (path, key);
  *node = json_object_get_member (object, key);

  if (*node == NULL && required)
    return fw_place_fail (error, FW_ERROR_INVALID, *place, "required but missing");

  return TRUE;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Each read_*() leaves *value as it is when an optional key is absent:
 * the value it holds is the default. */

static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *key,
             gboolean     required,
             char       **value,
             GError     **error)
{
  g_autofree char *place = NULL;
  JsonNode *node;

  if (!find (object, path, key, required, &place, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_STRING))
    return wrong_type (error, place, "a string", node);

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));

  return TRUE;
}

/* Whole numbers come as G_TYPE_INT64, others as G_TYPE_DOUBLE. */
static gboolean
read_number (JsonObject  *object,
             const char  *path,
             const char  *key,
             gboolean     required,
             double      *value,
             GError     **error)
{
  g_autofree char *place = NULL;
  JsonNode *node;

  if (!find (object, path, key, required, &place, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_INT64) && !holds (node, G_TYPE_DOUBLE))
    return wrong_type (error, place, "a number", node);

  *value = json_node_get_double (node);

  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *path,
              const char  *key,
              gboolean    *value,
              GError     **error)
{
  g_autofree char *place = NULL;
  JsonNode *node;

  if (!find (object, path, key, FALSE, &place, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_BOOLEAN))
    return wrong_type (error, place, "true or false", node);

  *value = json_node_get_boolean (node);

  return TRUE;
}

/* Names are required everywhere and stored trimmed. */
static gboolean
read_name (JsonObject  *object,
           const char  *path,
           char       **name,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (object, path, "name", TRUE, &text, error))
    return FALSE;

  *name = fw_name_trim (text);

  return TRUE;
}

static gboolean
read_color (JsonObject  *object,
            const char  *path,
            char         color[8],
            GError     **error)
{
  g_autofree char *place = fw_place_member (path, "color");
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (!read_string (object, path, "color", FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* Checked here, not only by fw_validate_project(): it has to fit. */
  if (!fw_check_color (place, text, error))
    return FALSE;

  lower = g_ascii_strdown (text, -1);
  g_strlcpy (color, lower, 8);

  return TRUE;
}

static gboolean
read_kind (JsonObject   *object,
           const char   *path,
           FwPointKind  *kind,
           GError      **error)
{
  g_autofree char *text = NULL;

  if (!read_string (object, path, "kind", FALSE, &text, error))
    return FALSE;

  if (text != NULL && !fw_point_kind_from_string (text, kind))
    {
      g_autofree char *place = fw_place_member (path, "kind");
      g_autofree char *got = fw_quote_text (text);

      return fw_place_fail (error, FW_ERROR_INVALID, place, "must be \"friction\" or \"force\", got %s", got);
    }

  return TRUE;
}

/* An object, and one that holds only @keys. */
static JsonObject *
read_object (JsonNode            *node,
             const char          *path,
             const char * const  *keys,
             GError             **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (error, path, "an object", node);
      return NULL;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (keys, l->data))
        {
          g_autofree char *place = fw_place_member (path, l->data);

          fw_place_fail (error, FW_ERROR_INVALID, place, "unknown key");
          return NULL;
        }
    }

  return object;
}

/* Reads the item at @index of a list; NULL with @error set on failure. */
typedef gpointer (*ReadItemFunc) (JsonNode    *node,
                                  const char  *path,
                                  guint        index,
                                  GError     **error);

/* Appends the items of the list @key to @items. */
static gboolean
read_list (JsonObject    *object,
           const char    *path,
           const char    *key,
           gboolean       required,
           ReadItemFunc   read_item,
           GPtrArray     *items,
           GError       **error)
{
  g_autofree char *place = NULL;
  JsonNode *node;
  JsonArray *array;

  if (!find (object, path, key, required, &place, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (error, place, "a list", node);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", place, i);
      gpointer item = read_item (json_array_get_element (array, i), item_path, i, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/* ------------------------------------------------------------------- model */

/* Only what a model field cannot hold is checked while reading (a colour
 * must fit in 8 bytes, a horizon in a guint, a kind in the enum); every
 * range is left to fw_validate_project(), which runs on the result. */

static gpointer
read_stage (JsonNode    *node,
            const char  *path,
            guint        index,
            GError     **error)
{
  g_autoptr(FwStage) stage = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;

  if ((object = read_object (node, path, stage_keys, error)) == NULL ||
      !read_name (object, path, &name, error))
    return NULL;

  stage = fw_stage_new (name, index);
  if (!read_color (object, path, stage->color, error) ||
      !read_number (object, path, "count", FALSE, &stage->count, error) ||
      !read_boolean (object, path, "customer", &stage->customer, error) ||
      !read_number (object, path, "advance", FALSE, &stage->advance, error) ||
      !read_number (object, path, "loss", FALSE, &stage->loss, error) ||
      !read_number (object, path, "referral", FALSE, &stage->referral, error) ||
      !read_number (object, path, "weight", FALSE, &stage->weight, error))
    return NULL;

  return g_steal_pointer (&stage);
}

static gpointer
read_point (JsonNode    *node,
            const char  *path,
            guint        index,
            GError     **error)
{
  g_autoptr(FwPoint) point = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;
  double angle = 0.0;

  if ((object = read_object (node, path, point_keys, error)) == NULL ||
      !read_name (object, path, &name, error) ||
      !read_number (object, path, "angle", TRUE, &angle, error))
    return NULL;

  point = fw_point_new (name, angle);
  if (!read_kind (object, path, &point->kind, error) ||
      !read_number (object, path, "conversion", FALSE, &point->conversion, error) ||
      !read_number (object, path, "churn", FALSE, &point->churn, error) ||
      !read_number (object, path, "referral", FALSE, &point->referral, error) ||
      !read_boolean (object, path, "enabled", &point->enabled, error) ||
      !read_string (object, path, "note", FALSE, &point->note, error))
    return NULL;

  return g_steal_pointer (&point);
}

/* The optional "uncertainty" object; a missing spread stays 0. */
static gboolean
read_uncertainty (JsonObject     *scenario,
                  const char     *path,
                  FwUncertainty  *uncertainty,
                  GError        **error)
{
  g_autofree char *place = NULL;
  JsonNode *node;
  JsonObject *object;

  if (!find (scenario, path, "uncertainty", FALSE, &place, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  return (object = read_object (node, place, uncertainty_keys, error)) != NULL &&
         read_number (object, place, "advance", FALSE, &uncertainty->advance, error) &&
         read_number (object, place, "loss", FALSE, &uncertainty->loss, error) &&
         read_number (object, place, "referral", FALSE, &uncertainty->referral, error) &&
         read_number (object, place, "inflow", FALSE, &uncertainty->inflow, error);
}

static gpointer
read_scenario (JsonNode    *node,
               const char  *path,
               guint        index,
               GError     **error)
{
  g_autoptr(FwScenario) scenario = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;

  if ((object = read_object (node, path, scenario_keys, error)) == NULL ||
      !read_name (object, path, &name, error))
    return NULL;

  scenario = fw_scenario_new (name);
  if (!read_number (object, path, "inflow", FALSE, &scenario->inflow, error) ||
      !read_list (object, path, "stages", TRUE, read_stage, scenario->stages, error) ||
      !read_list (object, path, "points", FALSE, read_point, scenario->points, error) ||
      !read_uncertainty (object, path, &scenario->uncertainty, error))
    return NULL;

  return g_steal_pointer (&scenario);
}

static gboolean
read_format (JsonObject  *object,
             GError     **error)
{
  g_autofree char *format = NULL;

  if (!read_string (object, NULL, "format", TRUE, &format, error))
    return FALSE;

  if (strcmp (format, FW_JSON_FORMAT) != 0)
    {
      g_autofree char *got = fw_quote_text (format);

      return fw_place_fail (error, FW_ERROR_INVALID, "format", "must be \"%s\", got %s", FW_JSON_FORMAT, got);
    }

  return TRUE;
}

static gboolean
read_version (JsonObject  *object,
              GError     **error)
{
  char got[FW_NUMBER_BUF_SIZE];
  double version = 0.0;

  if (!read_number (object, NULL, "version", TRUE, &version, error))
    return FALSE;

  if (version == FW_JSON_VERSION)
    return TRUE;

  fw_number_format (version, got);
  if (isfinite (version) && version == floor (version) && version > FW_JSON_VERSION)
    return fw_place_fail (error, FW_ERROR_TOO_NEW, "version",
                 "this file is version %s, newer than this Flywheel reads (%d)",
                 got, FW_JSON_VERSION);

  return fw_place_fail (error, FW_ERROR_INVALID, "version", "must be %d, got %s", FW_JSON_VERSION, got);
}

static gboolean
read_period (JsonObject  *object,
             FwPeriod    *period,
             GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (object, NULL, "period", TRUE, &text, error))
    return FALSE;

  if (!fw_period_from_string (text, period))
    {
      g_autofree char *got = fw_quote_text (text);

      return fw_place_fail (error, FW_ERROR_INVALID, "period",
                   "must be \"week\", \"month\" or \"quarter\", got %s", got);
    }

  return TRUE;
}

/* A file may write 24 or 24.0; 24.5 is refused here because the model
 * holds a guint. */
static gboolean
read_horizon (JsonObject  *object,
              guint       *horizon,
              GError     **error)
{
  double value = 0.0;

  if (!read_number (object, NULL, "horizon", TRUE, &value, error) ||
      !fw_check_horizon ("horizon", value, error))
    return FALSE;

  *horizon = (guint) value;

  return TRUE;
}

static FwProject *
read_project (JsonNode  *root,
              GError   **error)
{
  g_autoptr(FwProject) project = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *got = describe (root);

      fw_place_fail (error, FW_ERROR_INVALID, NULL, "a Flywheel project must be a JSON object, got %s", got);
      return NULL;
    }

  object = json_node_get_object (root);

  /* Format and version before anything else: a newer file may well have
   * keys this version does not know, and "too new" is the useful message
   * then. */
  if (!read_format (object, error) ||
      !read_version (object, error) ||
      read_object (root, NULL, project_keys, error) == NULL ||
      !read_name (object, NULL, &name, error))
    return NULL;

  project = fw_project_new (name);
  if (!read_period (object, &project->period, error) ||
      !read_horizon (object, &project->horizon, error) ||
      !read_list (object, NULL, "scenarios", TRUE, read_scenario, project->scenarios, error))
    return NULL;

  return g_steal_pointer (&project);
}

/* ------------------------------------------------------------------ public */

/* @name is the file's, or NULL for text from elsewhere. */
static FwProject *
refuse_too_large (GError     **error,
                                const char  *name)
{
  fw_place_fail (error, FW_ERROR_INVALID, name,
                 "larger than " FW_JSON_MAX_TEXT_SIZE_TEXT ", which is too large for a Flywheel project");
  return NULL;
}

FwProject *
fw_project_from_json (const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FwProject) project = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((length < 0 ? strlen (text) : (gsize) length) > FW_JSON_MAX_TEXT_SIZE)
    return refuse_too_large (error, NULL);

  root = fw_json_text_parse (text, length, error);
  if (root == NULL)
    return NULL;

  project = read_project (root, error);
  if (project == NULL || !fw_validate_project (project, error))
    return NULL;

  return g_steal_pointer (&project);
}

/* A file that is not there or cannot be opened is a bad argument, not a
 * failure of the program. */
static void
propagate_read_error (GError     **error,
                      const char  *name,
                      GError      *read_error)
{
  if (read_error->domain == G_FILE_ERROR)
    {
      switch (read_error->code)
        {
        case G_FILE_ERROR_NOENT:
        case G_FILE_ERROR_NOTDIR:
        case G_FILE_ERROR_ISDIR:
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
        case G_FILE_ERROR_NAMETOOLONG:
        case G_FILE_ERROR_LOOP:
          read_error->domain = FW_ERROR;
          read_error->code = FW_ERROR_NOT_FOUND;
          break;
        default:
          break;
        }
    }

  g_propagate_prefixed_error (error, read_error, "%s: ", name);
}

FwProject *
fw_project_from_json_file (const char  *path,
                           GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  GError *local_error = NULL;
  FwProject *project;
  guint64 size;
  gsize length;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);

  fd = fw_file_open_regular (path, &size, &local_error);
  if (fd < 0)
    {
      propagate_read_error (error, name, local_error);
      return NULL;
    }

  /* Sized before reading, so that a huge file is refused unread (by
   * fw_project_from_json (), in the same words as text from elsewhere). */
  if (size > FW_JSON_MAX_TEXT_SIZE)
    {
      close (fd);
      return refuse_too_large (error, name);
    }
  contents = g_try_malloc ((gsize) size + 1);
  if (contents == NULL)
    {
      close (fd);
      g_set_error (error, FW_ERROR, FW_ERROR_FAILED, "%s: could not be read (out of memory)", name);
      return NULL;
    }
  if (!fw_file_read_fully (fd, contents, (gsize) size, &length, &local_error))
    {
      close (fd);
      propagate_read_error (error, name, local_error);
      return NULL;
    }
  close (fd);
  contents[length] = '\0';

  project = fw_project_from_json (contents, length, &local_error);
  if (project == NULL)
    g_propagate_prefixed_error (error, local_error, "%s: ", name);

  return project;
}
