/* test-window-desktop.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-desktop"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>

#include "fw-app-resources.h"
#include "fw-color-scheme.h"
#include "fw-renderer-choice.h"
#include "fw-settings.h"
#include "fw-store.h"
#include "fw-templates.h"
#include "fw-present-view.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* The window as a citizen of the desktop: what it remembers between
 * runs, the desktop's dark style, files dropped on it. Runs on a private
 * virtual display and D-Bus session (tests/with-display.py) with
 * GSETTINGS_BACKEND=memory and the schema compiled in the build tree. */

/* A window closed at one size makes the next one open at that size. */
static void
test_window_size_remembered (void)
{
  GSettings *settings = fw_settings_get ();
  FwWindow *window;
  int width, height;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  window = fw_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1440);
  g_assert_cmpint (height, ==, 900);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (100);
  gtk_window_close (GTK_WINDOW (window));
  fw_test_spin (20);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = fw_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the main loop until @widget is @width wide, for at most
 * FW_TEST_PATIENCE_SECONDS (a loaded machine may take many frames). */
static int
width_becomes (GtkWidget *widget,
               int        width)
{
  gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

  while (gtk_widget_get_width (widget) != width && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return gtk_widget_get_width (widget);
}

/* The right pane (figures and lists): the end of the paned that holds
 * the catalog's paned. */
static GtkWidget *
side_pane (FwWindow *window)
{
  GtkWidget *catalog_paned = gtk_widget_get_parent (fw_window_get_palette (window));

  return gtk_paned_get_end_child (GTK_PANED (gtk_widget_get_parent (catalog_paned)));
}

/* The panes open as wide as they were left, and a pane the user widened
 * is remembered as the window closes. */
static void
test_window_panes_remembered (void)
{
  GSettings *settings = fw_settings_get ();
  FwWindow *window;
  GtkWidget *catalog_paned;

  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_int (settings, "catalog-pane-width", 320);
  g_settings_set_int (settings, "side-pane-width", 480);

  window = fw_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (width_becomes (fw_window_get_palette (window), 320), ==, 320);
  g_assert_cmpint (width_becomes (side_pane (window), 480), ==, 480);

  catalog_paned = gtk_widget_get_parent (fw_window_get_palette (window));
  gtk_paned_set_position (GTK_PANED (catalog_paned), 300);
  g_assert_cmpint (width_becomes (fw_window_get_palette (window), 300), ==, 300);
  gtk_window_close (GTK_WINDOW (window));
  fw_test_spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "catalog-pane-width"), ==, 300);
  g_assert_cmpint (g_settings_get_int (settings, "side-pane-width"), ==, 480);
}

/* A window made wider gives the room to the wheel and the chart in the
 * middle; the catalog and the right pane keep the widths the user gave
 * them (and that are remembered), as on any GNOME application with
 * sidebars. */
static void
test_window_wider_grows_the_centre (void)
{
  GSettings *settings = fw_settings_get ();
  FwWindow *window;
  GtkWidget *wheel;
  int wheel_before, window_before;

  g_settings_set_int (settings, "window-width", 1440);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_int (settings, "catalog-pane-width", 260);
  g_settings_set_int (settings, "side-pane-width", 400);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = fw_window_new (NULL);
  wheel = fw_window_get_wheel (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (width_becomes (side_pane (window), 400), ==, 400);
  fw_test_spin (50);
  /* The window's own width, the shadow around it left out. */
  window_before = gtk_widget_get_width (GTK_WIDGET (window));
  wheel_before = gtk_widget_get_width (wheel);

  /* 480 pixels more: all of them for the wheel and the chart. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 900);
  g_assert_cmpint (width_becomes (GTK_WIDGET (window), window_before + 480), ==, window_before + 480);
  g_assert_cmpint (width_becomes (wheel, wheel_before + 480), ==, wheel_before + 480);
  g_assert_cmpint (gtk_widget_get_width (side_pane (window)), ==, 400);
  g_assert_cmpint (gtk_widget_get_width (fw_window_get_palette (window)), ==, 260);

  /* And back: the centre gives the room up again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  g_assert_cmpint (width_becomes (GTK_WIDGET (window), window_before), ==, window_before);
  g_assert_cmpint (width_becomes (wheel, wheel_before), ==, wheel_before);
  g_assert_cmpint (gtk_widget_get_width (side_pane (window)), ==, 400);
  g_assert_cmpint (gtk_widget_get_width (fw_window_get_palette (window)), ==, 260);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Run from a build folder without the settings schema, a window still
 * opens with the panes at the schema's default widths and the wheel
 * between them (GtkPaned alone gave the right pane the whole window).
 * Meaningful only in a process that has no schema: meson runs it so as
 * test-window-no-settings. */
static void
test_window_panes_without_settings (void)
{
  FwWindow *window;

  if (fw_settings_get () != NULL)
    {
      g_test_skip ("the settings schema is installed here");
      return;
    }

  window = fw_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (width_becomes (fw_window_get_palette (window), 260), ==, 260);
  g_assert_cmpint (width_becomes (side_pane (window), 400), ==, 400);
  g_assert_cmpint (gtk_widget_get_width (fw_window_get_wheel (window)), >, 400);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presenting without the figures gives the wheel the whole window; the
 * preference changed while presenting shows at once, and the editor
 * comes back when presenting ends. */
static void
test_window_presenting_preferences (void)
{
  GSettings *settings = fw_settings_get ();
  FwWindow *window = fw_window_new (NULL);
  FwPresentView *present = FW_PRESENT_VIEW (fw_window_get_present_view (window));

  g_settings_set_boolean (settings, "present-show-figures", FALSE);
  g_settings_set_boolean (settings, "present-fullscreen", FALSE);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  fw_test_spin (50);
  g_assert_false (gtk_widget_is_visible (side_pane (window)));
  g_assert_false (gtk_widget_is_visible (fw_window_get_palette (window)));
  g_assert_cmpfloat (fw_present_view_get_figures_text_size (present), ==, 0.0);

  g_settings_set_boolean (settings, "present-show-figures", TRUE);
  fw_test_spin (50);
  g_assert_cmpfloat (fw_present_view_get_figures_text_size (present), >, 0.0);

  g_settings_set_boolean (settings, "present-show-figures", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  fw_test_spin (50);
  g_assert_true (gtk_widget_is_visible (side_pane (window)));
  g_assert_true (gtk_widget_is_visible (fw_window_get_palette (window)));

  g_settings_reset (settings, "present-show-figures");
  g_settings_reset (settings, "present-fullscreen");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The icons load as the desktop loads them (gdk-pixbuf's SVG loader,
 * which recognises a file by its first bytes), at the size drawn for. */
static void
test_icons_load (void)
{
  static const struct { const char *suffix; int size; } icons[] = {
    { ".svg", 128 },
    { "-symbolic.svg", 16 },
    { "-application-x-flywheel.svg", 128 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *name = g_strconcat (APP_ID, icons[i].suffix, NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, icons[i].size);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, icons[i].size);
    }
}

/* The application's icon is in its resources, under the icons/ folder
 * GtkApplication gives the icon theme (its resource base path, from the
 * application ID): About shows the logo where the icon is not installed,
 * as under `make run` (review4 saw a broken image there). An icon theme
 * of the resources alone finds it. */
static void
test_icon_in_resources (void)
{
  g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();
  const char *none[] = { NULL };
  g_autofree char *resources = g_strconcat ("/", APP_ID, "/icons", NULL);
  g_autofree char *symbolic = g_strconcat (APP_ID, "-symbolic", NULL);

  g_strdelimit (resources, ".", '/');
  fw_app_resources_ensure ();
  gtk_icon_theme_set_search_path (theme, none);
  g_assert_false (gtk_icon_theme_has_icon (theme, APP_ID));
  gtk_icon_theme_add_resource_path (theme, resources);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, symbolic));
}

/* A stand-in for xdg-desktop-portal's Settings interface, on the test's
 * private session bus. It runs in a thread of its own, with its own
 * connection and main context, so the application's synchronous Read at
 * startup gets its answer while the test's thread waits for it. Read
 * answers as version 1 portals do, with the value wrapped in a second
 * variant. */
#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_IFACE "org.freedesktop.portal.Settings"

typedef struct
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GDBusConnection *connection;
  GMutex           lock;
  GCond            ready_cond;
  gboolean         ready;
  guint            scheme;
} FakePortal;

static const char portal_xml[] =
  "<node><interface name='" PORTAL_IFACE "'>"
  "  <method name='Read'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    <arg type='v' direction='out'/></method>"
  "  <signal name='SettingChanged'><arg type='s'/><arg type='s'/><arg type='v'/></signal>"
  "</interface></node>";

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *path,
                    const char            *interface,
                    const char            *method,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  FakePortal *portal = user_data;
  const char *namespace, *key;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    g_dbus_method_invocation_return_value (invocation,
      g_variant_new ("(v)", g_variant_new_variant (g_variant_new_uint32 (g_atomic_int_get (&portal->scheme)))));
  else
    g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                "Requested setting not found");
}

static gpointer
portal_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { portal_method_call };
  FakePortal *portal = data;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autofree char *address = NULL;
  g_autoptr(GVariant) reply = NULL;

  g_main_context_push_thread_default (portal->context);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_assert_nonnull (address);
  portal->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, NULL);
  g_assert_nonnull (portal->connection);
  g_assert_cmpuint (g_dbus_connection_register_object (portal->connection, PORTAL_PATH,
                                                       node->interfaces[0], &vtable,
                                                       portal, NULL, NULL), >, 0);
  reply = g_dbus_connection_call_sync (portal->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", PORTAL_NAME, 4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);

  g_mutex_lock (&portal->lock);
  portal->ready = TRUE;
  g_cond_signal (&portal->ready_cond);
  g_mutex_unlock (&portal->lock);

  g_main_loop_run (portal->loop);

  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

static FakePortal *
fake_portal_start (guint scheme)
{
  FakePortal *portal = g_new0 (FakePortal, 1);

  portal->scheme = scheme;
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);
  g_mutex_init (&portal->lock);
  g_cond_init (&portal->ready_cond);
  portal->thread = g_thread_new ("fake-portal", portal_thread, portal);

  g_mutex_lock (&portal->lock);
  while (!portal->ready)
    g_cond_wait (&portal->ready_cond, &portal->lock);
  g_mutex_unlock (&portal->lock);
  return portal;
}

/* The user picks another style in the desktop's settings. */
static void
fake_portal_set (FakePortal *portal,
                 guint       scheme)
{
  g_atomic_int_set (&portal->scheme, scheme);
  g_dbus_connection_emit_signal (portal->connection, NULL, PORTAL_PATH, PORTAL_IFACE, "SettingChanged",
                                 g_variant_new ("(ssv)", "org.freedesktop.appearance", "color-scheme",
                                                g_variant_new_uint32 (scheme)),
                                 NULL);
}

static void
fake_portal_stop (FakePortal *portal)
{
  g_main_loop_quit (portal->loop);
  g_thread_join (portal->thread);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_mutex_clear (&portal->lock);
  g_cond_clear (&portal->ready_cond);
  g_free (portal);
}

static gboolean
prefers_dark (void)
{
  gboolean dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

/* Waits, for at most FW_TEST_PATIENCE_SECONDS, for the dark style to
 * become @dark. */
static gboolean
dark_becomes (gboolean dark)
{
  gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

  while (prefers_dark () != dark && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return prefers_dark () == dark;
}

/* The portal's values, however deeply a portal wraps them. */
static void
test_color_scheme_values (void)
{
  g_autoptr(GVariant) dark = g_variant_ref_sink (g_variant_new_uint32 (1));
  g_autoptr(GVariant) light = g_variant_ref_sink (g_variant_new_variant (g_variant_new_uint32 (2)));
  g_autoptr(GVariant) none = g_variant_ref_sink (g_variant_new_variant (g_variant_new_variant (g_variant_new_uint32 (0))));
  g_autoptr(GVariant) unknown = g_variant_ref_sink (g_variant_new_uint32 (7));
  g_autoptr(GVariant) text = g_variant_ref_sink (g_variant_new_string ("dark"));

  g_assert_cmpint (fw_color_scheme_from_variant (dark), ==, FW_COLOR_SCHEME_PREFER_DARK);
  g_assert_cmpint (fw_color_scheme_from_variant (light), ==, FW_COLOR_SCHEME_PREFER_LIGHT);
  g_assert_cmpint (fw_color_scheme_from_variant (none), ==, FW_COLOR_SCHEME_NO_PREFERENCE);
  g_assert_cmpint (fw_color_scheme_from_variant (unknown), ==, FW_COLOR_SCHEME_NO_PREFERENCE);
  g_assert_cmpint (fw_color_scheme_from_variant (text), ==, FW_COLOR_SCHEME_NO_PREFERENCE);
  g_assert_cmpint (fw_color_scheme_from_variant (NULL), ==, FW_COLOR_SCHEME_NO_PREFERENCE);
}

/* No portal on the bus: nothing changes, nothing waits. Not timed (a
 * loaded machine would fail that): a read that timed out, as from a
 * portal still starting, keeps the portal's proxy to hear the late
 * answer (fw-color-scheme.c); the bus saying at once that there is no
 * portal keeps none. */
static void
test_color_scheme_without_portal (void)
{
  GtkSettings *settings = gtk_settings_get_default ();

  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  fw_color_scheme_follow (settings);
  g_assert_false (prefers_dark ());
  g_assert_null (g_object_get_data (G_OBJECT (settings), "fw-color-scheme-portal"));
}

/* A desktop in dark style makes the window dark at once; switching the
 * style while it runs switches the window, both ways; "no preference"
 * gives GTK's own choice back. */
static void
test_color_scheme_follows_portal (void)
{
  FakePortal *portal = fake_portal_start (FW_COLOR_SCHEME_PREFER_DARK);

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  fw_color_scheme_follow (gtk_settings_get_default ());
  g_assert_true (prefers_dark ());

  fake_portal_set (portal, FW_COLOR_SCHEME_PREFER_LIGHT);
  g_assert_true (dark_becomes (FALSE));
  fake_portal_set (portal, FW_COLOR_SCHEME_PREFER_DARK);
  g_assert_true (dark_becomes (TRUE));
  fake_portal_set (portal, FW_COLOR_SCHEME_NO_PREFERENCE);
  g_assert_true (dark_becomes (FALSE));

  fake_portal_stop (portal);
}

/* Drops a list of @paths on @window's own drop target, as a file manager
 * would; returns what the drop handler answered. */
static gboolean
drop_files (FwWindow          *window,
            const char *const *paths)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoslist(GFile) files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  g_value_unset (&value);
  return accepted;
}

static char *
write_project (const char *dir,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwProject) project = fw_template_create ("four-a", &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (fw_store_save (project, path, &error));
  return path;
}

/* A project dropped on the window opens in it, as Open would; with
 * unsaved changes it asks first and keeps the work until answered. */
static void
test_window_drop_opens_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-drop-XXXXXX", NULL);
  g_autofree char *path = write_project (dir, "dropped.flywheel");
  g_autofree char *other = write_project (dir, "second.flywheel");
  const char *paths[] = { path, NULL };
  const char *others[] = { other, NULL };
  FwWindow *window = fw_window_new (NULL);
  g_autofree char *opened = NULL;
  FwDocument *before;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (50);

  g_assert_true (drop_files (window, paths));
  fw_test_spin (20);
  fw_test_wait_for_files (window);
  g_assert_null (fw_window_get_error (window));
  g_assert_nonnull (fw_window_get_file (window));
  opened = g_file_get_path (fw_window_get_file (window));
  g_assert_cmpstr (opened, ==, path);

  /* Unsaved changes: the drop asks (a dialog), the work stays. */
  before = fw_window_get_document (window);
  g_assert_true (fw_document_set_inflow (before, 0, 1234, NULL));
  g_assert_true (drop_files (window, others));
  fw_test_spin (50);
  g_assert_true (fw_window_get_document (window) == before);
  g_assert_true (fw_document_get_modified (before));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (other);
  g_rmdir (dir);
  fw_test_spin (20);
}

/* Every page of a project file but the first gets a page type SQLite
 * does not know: the file still starts like a project, and only SQLite's
 * integrity check finds out ("btreeInitPage() returns error code 11"). */
static void
damage_pages (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize size = 0;
  guint page_size;

  g_assert_true (g_file_get_contents (path, &bytes, &size, NULL));
  page_size = ((guchar) bytes[16] << 8) | (guchar) bytes[17];
  g_assert_cmpuint (size / page_size, >, 2);
  for (gsize page = 1; page < size / page_size; page++)
    bytes[page * page_size] = 0x42;
  g_assert_true (g_file_set_contents (path, bytes, (gssize) size, NULL));
}

/* A damaged file is refused in a sentence that says what the user can
 * do; SQLite's own words go to the log, never to the window. */
static void
test_window_damaged_file_in_words (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-damaged-XXXXXX", NULL);
  g_autofree char *path = write_project (dir, "Acme.flywheel");
  FwWindow *window = fw_window_new (NULL);
  const char *error;

  damage_pages (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", path));
  fw_test_wait_for_files (window);

  error = fw_window_get_error (window);
  g_assert_cmpstr (error, ==, "Could not open “Acme.flywheel”. The file is damaged, so Flywheel "
                              "cannot read it. If you have another copy, open that one.");
  g_assert_null (strstr (error, "btree"));
  g_assert_null (strstr (error, "SQLite"));
  g_assert_null (fw_window_get_file (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Saving where there is no folder says so, names the file once and
 * keeps the changes. */
static void
test_window_save_failure_in_words (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gone", "Acme.flywheel", NULL);
  FwWindow *window = fw_window_new (NULL);

  g_assert_true (fw_document_set_inflow (fw_window_get_document (window), 0, 4321, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-to", "s", path));
  fw_test_wait_for_files (window);
  g_assert_cmpstr (fw_window_get_error (window), ==,
                   "Could not save “Acme.flywheel”. The folder it would go in does not exist. "
                   "Your changes are still here; try saving somewhere else with Save As.");
  g_assert_true (fw_document_get_modified (fw_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_rmdir (dir);
}

/* With no help viewer on the machine, F1 says so in the window. (main()
 * points XDG_DATA_DIRS at a folder with the system's MIME database and no
 * applications, so no viewer is found even where one is installed.) */
static void
test_window_help_without_viewer (void)
{
  FwWindow *window = fw_window_new (NULL);
  gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  while (fw_window_get_error (window) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (fw_window_get_error (window), ==,
                   "The guide could not be opened: it needs a help viewer, such as GNOME’s Help (the “yelp” package).");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *no_apps = g_dir_make_tmp ("fw-no-apps-XXXXXX", NULL);
  g_autofree char *mime = g_build_filename (no_apps, "mime", NULL);

  g_assert_no_errno (symlink ("/usr/share/mime", mime));
  g_setenv ("XDG_DATA_DIRS", no_apps, TRUE);
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/window-desktop/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window-desktop/icons-load", test_icons_load);
  g_test_add_func ("/window-desktop/icon-in-resources", test_icon_in_resources);
  g_test_add_func ("/window-desktop/panes-remembered", test_window_panes_remembered);
  g_test_add_func ("/window-desktop/wider-grows-the-centre", test_window_wider_grows_the_centre);
  g_test_add_func ("/window-desktop/panes-without-settings", test_window_panes_without_settings);
  g_test_add_func ("/window-desktop/presenting-preferences", test_window_presenting_preferences);
  g_test_add_func ("/window-desktop/color-scheme-values", test_color_scheme_values);
  g_test_add_func ("/window-desktop/color-scheme-without-portal", test_color_scheme_without_portal);
  g_test_add_func ("/window-desktop/color-scheme-follows-portal", test_color_scheme_follows_portal);
  g_test_add_func ("/window-desktop/drop-opens-project", test_window_drop_opens_project);
  g_test_add_func ("/window-desktop/help-without-viewer", test_window_help_without_viewer);
  g_test_add_func ("/window-errors/damaged-file-in-words", test_window_damaged_file_in_words);
  g_test_add_func ("/window-errors/save-failure-in-words", test_window_save_failure_in_words);

  {
    int status = g_test_run ();

    g_unlink (mime);
    g_rmdir (no_apps);
    return status;
  }
}
