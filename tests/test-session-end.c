/* test-session-end.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session-end"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "fw-application.h"
#include "fw-recovery.h"
#include "fw-renderer-choice.h"
#include "fw-store.h"
#include "fw-test-files.h"
#include "fw-test-window.h"
#include "fw-window.h"

/* The session ending (issue 8): a logout may end the program any moment
 * after GTK tells the session manager it may, so unsaved work must be in
 * a recovery copy by then.
 *
 * GTK learns of a logout from the session manager on the session bus
 * (org.gnome.SessionManager, which FwApplication registers with through
 * "register-session"): a QueryEndSession signal, to which GTK answers by
 * emitting GtkApplication::query-end and then calling EndSessionResponse.
 * Xvfb has no session manager, so this test is one: it owns the name on
 * its own connection, in its own thread (GTK registers with a blocking
 * call from the main thread), takes the real program's registration,
 * sends QueryEndSession and looks in the recovery folder the moment the
 * answer comes, before anything else can write there. Run by
 * tests/with-display.py, which gives it a private session bus. */

static const char manager_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='RegisterClient'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='client_startup_id' direction='in'/>"
  "      <arg type='o' name='client_id' direction='out'/>"
  "    </method>"
  "    <method name='UnregisterClient'>"
  "      <arg type='o' name='client_id' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static const char client_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager.ClientPrivate'>"
  "    <method name='EndSessionResponse'>"
  "      <arg type='b' name='is_ok' direction='in'/>"
  "      <arg type='s' name='reason' direction='in'/>"
  "    </method>"
  "    <signal name='QueryEndSession'><arg type='u' name='flags'/></signal>"
  "    <signal name='EndSession'><arg type='u' name='flags'/></signal>"
  "    <signal name='CancelEndSession'/>"
  "    <signal name='Stop'/>"
  "  </interface>"
  "</node>";

#define CLIENT_PATH "/org/gnome/SessionManager/Client1"

/* What the session manager saw; written in its thread, read under @lock. */
typedef struct
{
  GMutex           lock;
  GCond            cond;
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GDBusConnection *connection;
  char            *recovery_folder;
  gboolean         owned;
  gboolean         registered;
  char            *app_id;
  guint            responses;
  gboolean         ok_to_end;
  guint            copies_at_response;  /* recovery copies on disk then */
  double           inflow_at_response;  /* in the copy, then */
  gboolean         unregistered;
} Manager;

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Manager *manager = user_data;

  g_mutex_lock (&manager->lock);
  if (g_str_equal (method_name, "RegisterClient"))
    {
      g_variant_get (parameters, "(ss)", &manager->app_id, NULL);
      manager->registered = TRUE;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", CLIENT_PATH));
    }
  else if (g_str_equal (method_name, "UnregisterClient"))
    {
      manager->unregistered = TRUE;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "EndSessionResponse"))
    {
      g_autofree char *copy = NULL;

      /* The program says the session may end: what is on disk now is
       * all a logout leaves of its work. */
      g_variant_get (parameters, "(bs)", &manager->ok_to_end, NULL);
      manager->copies_at_response = fw_test_count_copies (manager->recovery_folder, &copy);
      if (copy != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(FwProject) project = fw_store_load (copy, &error);

          g_assert_no_error (error);
          manager->inflow_at_response = fw_project_get_scenario (project, 0)->inflow;
        }
      manager->responses++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  g_cond_broadcast (&manager->cond);
  g_mutex_unlock (&manager->lock);
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Manager *manager = user_data;

  g_mutex_lock (&manager->lock);
  manager->owned = TRUE;
  g_cond_broadcast (&manager->cond);
  g_mutex_unlock (&manager->lock);
}

static gpointer
manager_thread (gpointer data)
{
  Manager *manager = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) manager_info = g_dbus_node_info_new_for_xml (manager_xml, &error);
  g_autoptr(GDBusNodeInfo) client_info = g_dbus_node_info_new_for_xml (client_xml, &error);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  guint owner;

  g_assert_no_error (error);
  g_main_context_push_thread_default (manager->context);
  /* A connection of its own: the program's calls arrive here while its
   * main thread waits for the answer. */
  manager->connection = g_dbus_connection_new_for_address_sync (address,
                                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                                NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (manager->connection, "/org/gnome/SessionManager",
                                     manager_info->interfaces[0], &vtable, manager, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (manager->connection, CLIENT_PATH,
                                     client_info->interfaces[0], &vtable, manager, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (manager->connection, "org.gnome.SessionManager",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired, NULL,
                                        manager, NULL);
  g_main_loop_run (manager->loop);
  g_bus_unown_name (owner);
  g_dbus_connection_close_sync (manager->connection, NULL, NULL);
  g_main_context_pop_thread_default (manager->context);
  return NULL;
}

/* Emits @signal on the client object, as gnome-session does. */
static void
manager_emit (Manager    *manager,
              const char *signal,
              GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (manager->connection, NULL, CLIENT_PATH,
                                 "org.gnome.SessionManager.ClientPrivate", signal,
                                 parameters, &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (manager->connection, NULL, &error);
  g_assert_no_error (error);
}

/* The answers the manager's thread has had so far, read under its lock;
 * and whether the program has unregistered. */
static guint
responses (Manager  *manager,
           gboolean *unregistered)
{
  guint n;

  g_mutex_lock (&manager->lock);
  n = manager->responses;
  *unregistered = manager->unregistered;
  g_mutex_unlock (&manager->lock);
  return n;
}

static gboolean
answered (gpointer manager)
{
  gboolean unregistered;

  return responses (manager, &unregistered) > 0;
}

static gboolean
answered_twice (gpointer manager)
{
  gboolean unregistered;

  return responses (manager, &unregistered) > 1 && unregistered;
}

static void
test_query_end_writes_recovery_copies (void)
{
  g_autoptr(FwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  Manager manager = { 0 };
  FwWindow *edited;
  FwWindow *untouched;

  manager.recovery_folder = fw_recovery_default_folder ();
  manager.context = g_main_context_new ();
  manager.loop = g_main_loop_new (manager.context, FALSE);
  g_mutex_init (&manager.lock);
  g_cond_init (&manager.cond);
  g_assert_cmpuint (fw_test_count_copies (manager.recovery_folder, NULL), ==, 0);

  manager.thread = g_thread_new ("session-manager", manager_thread, &manager);
  g_mutex_lock (&manager.lock);
  while (!manager.owned)
    g_cond_wait (&manager.cond, &manager.lock);
  g_mutex_unlock (&manager.lock);

  /* The program as it starts: it registers with the session manager. */
  app = fw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_mutex_lock (&manager.lock);
  g_assert_true (manager.registered);
  g_assert_cmpstr (manager.app_id, ==, g_application_get_application_id (G_APPLICATION (app)));
  g_mutex_unlock (&manager.lock);

  /* One window with unsaved work, one without. */
  edited = fw_window_new (GTK_APPLICATION (app));
  untouched = fw_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (edited));
  gtk_window_present (GTK_WINDOW (untouched));
  g_assert_true (fw_document_set_inflow (fw_window_get_document (edited), 0, 6161, NULL));

  /* At once, well before a copy's own delay: the logout asks. */
  manager_emit (&manager, "QueryEndSession", g_variant_new ("(u)", 0));
  g_assert_true (fw_test_wait_until (answered, &manager));
  g_mutex_lock (&manager.lock);
  g_assert_true (manager.ok_to_end);
  g_assert_cmpuint (manager.copies_at_response, ==, 1);
  g_assert_cmpfloat (manager.inflow_at_response, ==, 6161);
  g_mutex_unlock (&manager.lock);

  /* The session ends: GTK answers, unregisters and quits; the copy
   * stays for the next start to offer. */
  manager_emit (&manager, "EndSession", g_variant_new ("(u)", 0));
  g_assert_true (fw_test_wait_until (answered_twice, &manager));
  g_assert_cmpuint (fw_test_count_copies (manager.recovery_folder, &copy), ==, 1);

  gtk_window_destroy (GTK_WINDOW (untouched));
  gtk_window_destroy (GTK_WINDOW (edited));
  g_assert_cmpuint (fw_test_count_copies (manager.recovery_folder, NULL), ==, 1);
  g_unlink (copy);

  g_main_loop_quit (manager.loop);
  g_thread_join (manager.thread);
  g_main_loop_unref (manager.loop);
  g_main_context_unref (manager.context);
  g_free (manager.app_id);
  g_free (manager.recovery_folder);
  g_mutex_clear (&manager.lock);
  g_cond_clear (&manager.cond);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn as flywheel draws on this display (main.c). */
  fw_renderer_choose_before_threads ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-end/query-end-writes-recovery-copies", test_query_end_writes_recovery_copies);
  return g_test_run ();
}
