/* fw-test-window.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-test-window"
/* dl_iterate_phdr () (link.h), for the instrumented build. */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>
#ifdef __SANITIZE_ADDRESS__
#include <link.h>
#include <sanitizer/lsan_interface.h>

/* The sanitizers' allocator interface (its header is not in gcc 12's). */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);
#endif

#include "config.h"
#include "fw-app-resources.h"
#include "fw-application.h"
#include "fw-test-window.h"
#include "fw-wheel-view.h"

void
fw_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
fw_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 end = g_get_monotonic_time () + FW_TEST_PATIENCE_SECONDS * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

typedef struct
{
  gint64 from;     /* frame time (microseconds) that counts */
  guint  frames;   /* frames begun at or after it */
} FramesPast;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  FramesPast *past = data;

  if (gdk_frame_clock_get_frame_time (clock) >= past->from)
    past->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_past (gpointer data)
{
  return ((FramesPast *) data)->frames >= 2;
}

/* Frames, not a sleep: on a loaded machine (or in an instrumented
 * build) the window may draw nothing for longer than any fixed wait, and
 * a style is only applied, and a transition only advanced, in a frame. */
gboolean
fw_test_wait_frames_past (GtkWidget *widget,
                          guint      ms)
{
  FramesPast past = { g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND, 0 };
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &past, NULL);
  gboolean reached = fw_test_wait_until (two_frames_past, &past);

  gtk_widget_remove_tick_callback (widget, tick);
  return reached;
}

static gboolean
mark_idled (gpointer idled)
{
  *(gboolean *) idled = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_idled (gpointer idled)
{
  return *(gboolean *) idled;
}

gboolean
fw_test_wait_for_idle (void)
{
  gboolean idled = FALSE;

  /* GLib runs the ready callbacks of one priority in the order they
   * were queued: once this one has run, so has every one before it. */
  g_idle_add (mark_idled, &idled);
  return fw_test_wait_until (has_idled, &idled);
}

static gboolean
window_idle (gpointer window)
{
  return !fw_window_is_busy (window);
}

void
fw_test_wait_for_files (FwWindow *window)
{
  g_assert_true (fw_test_wait_until (window_idle, window));
  fw_test_spin (20);
}

#ifdef __SANITIZE_ADDRESS__
/* Whether @candidate is GLib's table of quarks: an array the allocator
 * handed out, whose first entries are the first quarks' strings. */
static gboolean
is_quark_table (gpointer candidate)
{
  const char **strings = candidate;

  if (candidate == NULL || (GPOINTER_TO_SIZE (candidate) % sizeof (gpointer)) != 0 ||
      !__sanitizer_get_ownership (candidate) ||
      __sanitizer_get_allocated_size (candidate) < 3 * sizeof (char *))
    return FALSE;
  return strings[0] == NULL && strings[1] == g_quark_to_string (1) &&
         strings[2] == g_quark_to_string (2);
}

/* Looks through libglib's writable data for the pointer to that table. */
static int
find_quark_table (struct dl_phdr_info *info,
                  size_t               size,
                  void                *data)
{
  gpointer *found = data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + segment->p_vaddr;
      guintptr end = start + segment->p_memsz;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;
      start = (start + sizeof (gpointer) - 1) & ~(guintptr) (sizeof (gpointer) - 1);
      for (gpointer *word = (gpointer *) start; (guintptr) (word + 1) <= end; word++)
        if (is_quark_table (*word))
          {
            *found = *word;
            return 1;
          }
    }
  return 0;
}
#endif

/* GLib's quarks (every type, signal and property name is one) live in a
 * table of 2048 entries; when the 2049th is made, GLib copies the table
 * into a larger one and never frees the old one, on purpose, so that
 * lookups need no lock (gquark.c, quark_new ()). A window test makes
 * about 2048 quarks, more or fewer with whatever GTK happened to load,
 * so now and then LeakSanitizer reported those 16,384 bytes, with a
 * stack that ends in g_malloc (GLib keeps no frame pointers) and that no
 * suppression can match. The table in use is told to LeakSanitizer as
 * not a leak as the test program starts (after GLib's own start, which
 * makes the table), long before it has 2048 quarks. */
__attribute__ ((constructor)) static void
forgive_glib_quark_table (void)
{
#ifdef __SANITIZE_ADDRESS__
  gpointer table = NULL;

  dl_iterate_phdr (find_quark_table, &table);
  if (table != NULL)
    __lsan_ignore_object (table);
  else
    g_printerr ("GLib's table of quarks was not found: its growth may be reported as a leak\n");
#endif
}

FwWindow *
fw_test_window_new (void)
{
  FwWindow *window = g_object_ref_sink (fw_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin (100);
  return window;
}

static gboolean
wheel_laid_out (gpointer data)
{
  return fw_wheel_view_get_label_size (FW_WHEEL_VIEW (data)) > 0.0;
}

FwWindow *
fw_test_window_new_sized (int width,
                          int height)
{
  return fw_test_window_new_sized_in (NULL, width, height);
}

FwWindow *
fw_test_window_new_sized_in (GtkApplication *application,
                             int             width,
                             int             height)
{
  FwWindow *window = g_object_ref_sink (fw_window_new (application));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (fw_test_wait_until (wheel_laid_out, fw_window_get_wheel (window)));
  g_assert_true (fw_test_wait_frames_past (GTK_WIDGET (window), 0));
  return window;
}

GtkApplication *
fw_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  FwApplication *app = fw_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return GTK_APPLICATION (app);
}

void
fw_test_window_close (FwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  fw_test_spin (20);
}

FwWindow *
fw_test_newest_window_but (FwWindow *than)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  FwWindow *newest = NULL;

  /* GTK appends each window as it is made. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (FW_IS_WINDOW (window) && window != (GObject *) than)
        newest = FW_WINDOW (window);
    }
  return newest;
}

void
fw_test_window_set_up (FwTestWindow *fixture,
                       gconstpointer data)
{
  fixture->window = fw_test_window_new ();
}

void
fw_test_window_tear_down (FwTestWindow *fixture,
                          gconstpointer data)
{
  fw_test_window_close (g_steal_pointer (&fixture->window));
}

static GtkWidget *
find (GtkWidget    *root,
      FwTestMatch   matches,
      gconstpointer data,
      gboolean      shown)
{
  if (matches (root, data) && (!shown || gtk_widget_is_visible (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, matches, data, shown);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
fw_test_find (GtkWidget    *root,
              FwTestMatch   matches,
              gconstpointer data)
{
  return find (root, matches, data, FALSE);
}

GtkWidget *
fw_test_find_shown (GtkWidget    *root,
                    FwTestMatch   matches,
                    gconstpointer data)
{
  return find (root, matches, data, TRUE);
}

gboolean
fw_test_is_button (GtkWidget    *widget,
                   gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
fw_test_is_label_with (GtkWidget    *widget,
                       gconstpointer part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

gboolean
fw_test_is_label_reading (GtkWidget    *widget,
                          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
fw_test_is_stack_with (GtkWidget    *widget,
                       gconstpointer page)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), page) != NULL;
}

static gboolean
is_type (GtkWidget    *widget,
         gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_named (GtkWidget    *widget,
          gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
fw_test_find_type (GtkWidget *root,
                   GType      type)
{
  return fw_test_find (root, is_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
fw_test_find_named (GtkWidget  *root,
                    const char *name)
{
  return fw_test_find (root, is_named, name);
}

GtkWidget *
fw_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return fw_test_find (root, fw_test_is_button, label);
}

GtkWidget *
fw_test_find_label_reading (GtkWidget  *root,
                            const char *text)
{
  return fw_test_find (root, fw_test_is_label_reading, text);
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

/* A menu's item: GTK 4.8's GtkModelButton, a private type, whose "text"
 * is the label without its mnemonic's underline. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  text)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;
  g_object_get (widget, "text", &label, NULL);
  return g_strcmp0 (label, text) == 0;
}

GtkWidget *
fw_test_find_main_menu_item (FwWindow   *window,
                             const char *text)
{
  GtkWidget *button = fw_test_find (GTK_WIDGET (window), is_main_menu_button, NULL);

  g_assert_nonnull (button);
  return fw_test_find (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                       is_menu_item, text);
}

gboolean
fw_test_menu_item_ticked (GtkWidget *item)
{
  gboolean active = FALSE;

  g_object_get (item, "active", &active, NULL);
  return active;
}

/* The first toplevel on show that is a @type (the list is not ours). */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WIDGET (item);
    }
  return NULL;
}

static gboolean
has_toplevel (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

/* Waits for a toplevel of @type on show; NULL if none came. */
GtkWidget *
fw_test_wait_for_toplevel (GType type)
{
  if (!fw_test_wait_until (has_toplevel, GSIZE_TO_POINTER (type)))
    return NULL;
  return find_toplevel (type);
}

GtkMessageDialog *
fw_test_find_message_dialog (void)
{
  return (GtkMessageDialog *) find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
}

GtkMessageDialog *
fw_test_wait_for_message_dialog (void)
{
  return (GtkMessageDialog *) fw_test_wait_for_toplevel (GTK_TYPE_MESSAGE_DIALOG);
}

GtkFileChooser *
fw_test_wait_for_file_chooser (void)
{
  return (GtkFileChooser *) fw_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

void
fw_test_xdotool (GtkWindow  *window,
                 const char *format,
                 ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  command = g_strdup_printf (args, (gulong) gdk_x11_surface_get_xid (surface));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

void
fw_test_window_point (GtkWidget *widget,
                      double     x,
                      double     y,
                      int       *wx,
                      int       *wy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int) lround (point.x + sx);
  *wy = (int) lround (point.y + sy);
}

void
fw_test_screen_point (GtkWidget *widget,
                      double     x,
                      double     y,
                      int       *sx,
                      int       *sy)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  Window child;
  int wx, wy;

  fw_test_window_point (widget, x, y, &wx, &wy);
  g_assert_true (XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface),
                                        DefaultRootWindow (display), wx, wy, sx, sy, &child));
}

char *
fw_test_tooltip_text (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new (NULL));
  GtkWidget *box;
  char *text = NULL;
  gboolean shown = FALSE;

  /* What GTK does when the pointer rests on the widget's middle: it
   * asks the widget for its tooltip, and shows one if it says so. */
  g_signal_emit_by_name (widget, "query-tooltip",
                         gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2,
                         FALSE, tooltip, &shown);
  if (!shown)
    return NULL;

  /* GTK 4.8 cannot read a tooltip's text back: the label that shows it
   * sits beside a custom widget, which can be found. */
  gtk_tooltip_set_custom (tooltip, probe);
  box = gtk_widget_get_parent (probe);
  g_assert_nonnull (box);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && child != probe)
      {
        g_assert_null (text);
        text = g_strdup (gtk_label_get_text (GTK_LABEL (child)));
      }
  gtk_tooltip_set_custom (tooltip, NULL);
  g_assert_nonnull (text);
  return text;
}

static void
on_providers_read (gboolean *read)
{
  *read = TRUE;
}

static gboolean
is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

/* libcloudproviders 0.3 (Debian 12) leaks, in its load_cloud_providers(),
 * the path it builds for each system data directory without a
 * "cloud-providers" folder (the loop's `continue` skips the g_free()):
 * 2 x 128 bytes the first time GTK's file chooser shows its places
 * sidebar. Its stack, as LeakSanitizer records it with the fast unwinder
 * the instrumented suite uses, ends in g_realloc (GLib keeps no frame
 * pointers), so tests/sanitizers/lsan.supp's entry for the library cannot
 * match it there. Here the library's singleton is made, and its folders
 * read (on the session bus's arrival, then "providers-changed"), with
 * LeakSanitizer told to overlook what this thread allocates meanwhile:
 * before any window, nothing of Flywheel's runs then. The choosers opened
 * later share that singleton and read nothing again. */
void
fw_test_start_cloud_providers (void)
{
  static GObject *collector;  /* the choosers' singleton, kept */
  GObject *(*dup_singleton) (void);
  gboolean read = FALSE;
  gulong handler;

  dup_singleton = (GObject *(*) (void)) dlsym (RTLD_DEFAULT, "cloud_providers_collector_dup_singleton");
  /* A GTK without the library, or no bus to find providers on. */
  if (dup_singleton == NULL || collector != NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return;

#ifdef __SANITIZE_ADDRESS__
  __lsan_disable ();
#endif
  collector = dup_singleton ();
  handler = g_signal_connect_swapped (collector, "providers-changed", G_CALLBACK (on_providers_read), &read);
  if (!fw_test_wait_until (is_set, &read))
    g_test_message ("libcloudproviders did not read its folders");
  g_signal_handler_disconnect (collector, handler);
#ifdef __SANITIZE_ADDRESS__
  __lsan_enable ();
#endif
}

void
fw_test_load_app_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  fw_app_resources_ensure ();
  gtk_css_provider_load_from_resource (css, APP_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
