/* fw-window-private.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-fit-label.h"
#include "fw-playback.h"
#include "fw-store-file.h"
#include "fw-window.h"

G_BEGIN_DECLS

/* The window's instance, shared by the files that make up FwWindow:
 * fw-window.c (parts, title, document), fw-window-actions.c (what the
 * user does) and fw-window-files.c (open, save, asking first). */
struct _FwWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template children */
  GtkLabel             *title_label;
  FwFitLabel           *subtitle_label;
  GtkMenuButton        *recent_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkWidget            *palette;
  GtkWidget            *wheel;
  GtkWidget            *playback_bar;
  GtkWidget            *figures;
  GtkWidget            *stage_panel;
  GtkWidget            *point_list;
  GtkStack             *side_stack;
  GtkDropDown          *scenario_dropdown;
  GtkWidget            *scenario_menu_button;
  GtkWidget            *compare_panel;
  GtkWidget            *spreads_editor;
  gboolean              syncing_picker; /* the window sets the picker, not the user */
  GtkPaned             *catalog_paned;
  GtkPaned             *side_paned;
  GtkWidget            *side_pane;
  GtkPaned             *lists_paned;   /* the figures above, the lists below */
  GtkWidget            *side_switcher;
  GtkWidget            *present_view;
  GtkWidget            *loading_page;  /* fw-window-loading.c; NULL until first needed */
  gboolean              loading;       /* a file is being read into the window */
  GtkPaned             *centre_paned;
  GtkWidget            *centre_column; /* the wheel, then the playback bar */
  GtkWidget            *chart;

  gboolean              reveal_next;      /* the next presenting starts a guided reveal */
  gboolean              fullscreen_wanted; /* F11's choice, kept through presenting */
  double                text_scale;        /* Ctrl+plus's, when there are no settings */
  int                   side_pane_width; /* to restore at the first allocation; 0 done */
  int                   catalog_width;   /* the catalog's, as last shown */
  gboolean              catalog_folded;  /* hidden for the wheel's room, not by the user */
  gboolean              catalog_insisted; /* shown by the user here: never folded */
  int                   chart_pane_height; /* the chart's, expanded, as the user set it; kept
                                            * in GSettings; 0: never set, room for a readable plot */
  gboolean              chart_pane_placed; /* once the window knows its height */
  int                   placed_bar_height; /* the playback bar's, when the chart was last placed */
  int                   chart_column_height; /* the centre column's, at the last allocation */
  int                   placed_chart_height; /* the projection's, open, as last placed */
  gboolean              placing_chart;     /* the divider moved by the window, not the user */
  int                   figures_pane_height; /* above the lists, as the user set it; kept in
                                              * GSettings; 0: never set, a share of the pane */
  gboolean              placing_lists;     /* that divider moved by the window, not the user */
  guint                 chart_contents;    /* the chart's scenarios and band, as last placed for */
  gboolean              allocating;        /* in size_allocate: panes move with the window */

  /* What the window shows of its document, and the projections. */
  FwSession            *session;
  FwPlayback           *playback;   /* plays the session's periods */
  FwDocument           *document;   /* the session's, kept here for short */
  GFile                *file;
  GFile                *export_folder; /* where this window last exported */
  GCancellable         *report_jobs;     /* reports worked out in a thread (Print,
                                          * Export Report); cancelled: the window closed */
  guint                 reports_under_way;
  gboolean              print_preparing;  /* Ctrl+P's report among them: one dialog */
  gboolean              export_chart;   /* ... whether it drew the chart */
  const char           *export_extension; /* ... and its type: ".svg"; NULL: none yet */
  gboolean              wheel_uncaptioned; /* Export's "Caption" unticked: exported and
                                            * copied wheels without their caption */
  gboolean              pristine;   /* untitled and never edited */
  char                 *template_title; /* what a new project started from,
                                         * until it is saved or another
                                         * project replaces it; else NULL */
  gboolean              closing;    /* the user agreed: close for real */

  /* fw-window-files.c: the open or save under way, if any */
  GCancellable         *file_operation;
  gboolean              close_when_done; /* closing waits for a save */
  /* fw-window-banner.c and fw-window-recovery.c */
  struct _FwWindowProgress *progress;
  struct _FwWindowRecovery *recovery;
  /* fw-window-notice.c */
  struct _FwWindowNotice   *notice;
};

typedef struct _FwWindowProgress FwWindowProgress;
typedef struct _FwWindowRecovery FwWindowRecovery;
typedef struct _FwWindowNotice   FwWindowNotice;

/* fw-window.c */
void fw_window_set_document       (FwWindow    *self,
                                   FwDocument  *document,
                                   GFile       *file);
void fw_window_show_error         (FwWindow    *self,
                                   const char  *message);
void fw_window_dismiss_error      (FwWindow    *self);
void fw_window_update_title       (FwWindow    *self);
/* "~/Documents" for a folder in the user's home, else its full name. */
char *fw_window_display_folder    (GFile       *folder);

/* fw-window-state.c: size and maximized state, kept in GSettings */
void fw_window_restore_state      (FwWindow    *self);
void fw_window_save_state         (FwWindow    *self);
gboolean fw_window_place_side_pane (FwWindow   *self);
/* The catalog and the side pane shown or hidden as the settings say. */
void fw_window_init_panes         (FwWindow    *self);
/* The catalog folded away, or back, for the wheel's room at the
 * window's width now; TRUE when it changed, and the window must
 * allocate its children again. */
gboolean fw_window_fold_catalog   (FwWindow    *self);
/* Whether this window shows the catalog; showing or hiding it as the
 * user asks ("win.show-catalog", F9), remembered. */
gboolean fw_window_get_catalog_shown (FwWindow *self);
void     fw_window_set_catalog_shown (FwWindow *self,
                                      gboolean  shown);

/* fw-window-side.c: the right pane, figures above, lists below */
void fw_window_init_lists_pane    (FwWindow    *self);
gboolean fw_window_place_lists_pane (FwWindow  *self);
void fw_window_save_lists_pane    (FwWindow    *self,
                                   GSettings   *settings);

/* fw-window-present.c: presenting (F5), plain full screen (F11) */
void fw_window_class_add_present  (GtkWidgetClass *widget_class);
void fw_window_init_present       (FwWindow    *self);

/* fw-window-text-size.c: Ctrl+plus, Ctrl+minus, Ctrl+0; the desktop's text scale */
void fw_window_class_add_text_size (GtkWidgetClass *widget_class);
void fw_window_init_text_size     (FwWindow    *self);

/* fw-window-chart.c: the centre column, wheel above, projection below */
void fw_window_init_chart         (FwWindow    *self);
gboolean fw_window_place_chart_pane (FwWindow  *self);
void fw_window_save_chart_state   (FwWindow    *self,
                                   GSettings   *settings);

/* fw-window-help.c: "win.help", the user guide */
void fw_window_class_add_help     (GtkWidgetClass *widget_class);
/* Shows @uri in the program the desktop has for it, or says @failure in
 * the banner when there is none. */
void fw_window_show_uri           (FwWindow    *self,
                                   const char  *uri,
                                   const char  *failure);

/* fw-window-dnd.c: project files dropped on the window */
void fw_window_add_file_drop      (FwWindow    *self);

/* fw-window-export.c: Export, Export Report, Print, Copy on the wheel and
 * the chart (Ctrl+C on either, fw_window_add_copy_keys, which gives the
 * chart its context menu too) */
void fw_window_class_add_export_actions (GtkWidgetClass *widget_class);
void fw_window_add_copy_keys      (FwWindow    *self);
/* What the dialogs' answers do; the tests call them directly. Each says
 * why it failed in the banner. @view: FW_EXPORT_WHEEL or FW_EXPORT_CHART.
 * Export Report returns at once (TRUE: started) and writes the file from
 * a thread (fw_window_is_preparing_report ()). */
gboolean fw_window_export_to      (FwWindow    *self,
                                   GFile       *file,
                                   guint        view);
gboolean fw_window_export_report_to (FwWindow  *self,
                                   GFile       *file);
/* The folder the export dialogs (and Print to File) start in: the one
 * this window last exported into, else the project's, else the one any
 * window last exported into this session, else Documents, else home. */
GFile   *fw_window_export_folder  (FwWindow    *self);
/* Prints the report through GtkPrintOperation into @pdf_path, no dialog. */
gboolean fw_window_print_report_to (FwWindow   *self,
                                   const char  *pdf_path);
/* After a print operation applied with @settings: when it printed to a
 * file (their output URI, as GTK's "Print to File" sets it), remembers
 * its folder and says where it went, with Open and Open Folder; TRUE
 * then. FALSE for a printer. */
gboolean fw_window_printed        (FwWindow         *self,
                                   GtkPrintSettings *settings);
/* Whether a report is being worked out in a thread: Ctrl+P's (the
 * print dialog opens when it is ready) or Export Report's (the file is
 * written when it is, then the window says where it went, or why not). */
gboolean fw_window_is_preparing_report (FwWindow *self);
/* The report of the scenario on show, as Export Report and Print draw
 * it (an FwReport; the band the chart shows). */
struct _FwReport *fw_window_new_report (FwWindow *self);
/* The wheel or the chart (FW_EXPORT_WHEEL, FW_EXPORT_CHART) as Copy puts
 * it on the clipboard. */
GdkTexture *fw_window_render_texture (FwWindow  *self,
                                      guint      view,
                                      GError   **error);

/* fw-window-actions.c */
void fw_window_class_add_actions  (GtkWidgetClass *widget_class);
void fw_window_update_actions     (FwWindow    *self);

/* fw-window-playback.c: "win.play-pause", steps, and their keys */
void fw_window_class_add_playback_actions (GtkWidgetClass *widget_class);
void fw_window_init_playback      (FwWindow    *self);

/* fw-window-edits.c */
void fw_window_class_add_edit_actions (GtkWidgetClass *widget_class);

/* fw-window-scenarios.c: the scenarios, compare, the project's name */
void fw_window_class_add_scenario_actions (GtkWidgetClass *widget_class);
void fw_window_update_scenario_actions    (FwWindow       *self);

/* fw-window-files.c */
typedef void (*FwWindowThen) (FwWindow *self,
                              gpointer  data);
/* Runs @then once the unsaved changes, if any, are saved or discarded;
 * not at all if the user cancels. @data is freed with @free_data. */
/* fw-window-files.c: a new project from template @template_id, named
 * as a new document is ("Untitled flywheel"), not after its template;
 * @template_title gets the template's title, to show where it came from.
 * NULL with @error when there is no such template. */
FwProject *fw_window_untitled_project (const char  *template_id,
                                       char       **template_title,
                                       GError     **error);

void fw_window_settle_changes     (FwWindow       *self,
                                   FwWindowThen    then,
                                   gpointer        data,
                                   GDestroyNotify  free_data);
/* Both run off the main loop (fw_window_is_busy ()); failures show in
 * the window's banner. fw_window_load () replaces this window's project
 * whatever it holds (Reload); opening a file the user chose goes through
 * fw_window_open_file (), which decides which window takes it. */
void fw_window_load               (FwWindow    *self,
                                   GFile       *file);
void fw_window_save_to            (FwWindow    *self,
                                   GFile       *file);
void fw_window_choose_open        (FwWindow    *self);
/* Asks where to save; then saves and runs @then (may be NULL). */
void fw_window_choose_save        (FwWindow       *self,
                                   FwWindowThen    then,
                                   gpointer        data,
                                   GDestroyNotify  free_data);
void fw_window_new_from_template  (FwWindow    *self,
                                   const char  *template_id);
void fw_window_refresh_recent     (FwWindow    *self);
/* The project file the document came from or was saved to (links
 * resolved when it was opened), or NULL. */
FwStoreFile *fw_window_get_store_file (FwWindow  *self);
void fw_window_keep_store_file    (FwWindow    *self,
                                   FwStoreFile *store_file);

/* fw-window-pending.c: refused text kept in fields counts as unsaved work */
gboolean   fw_window_has_pending_text (FwWindow  *self);
/* The document modified, or refused text kept in a field. */
gboolean   fw_window_has_unsaved_work (FwWindow  *self);
/* "“80” in Drop-off (%), stage Engage was not applied": Go Back
 * (GTK_RESPONSE_CANCEL), Discard (REJECT), and Save Other Changes
 * (ACCEPT) when the document is modified. @pending: of FwPendingText. */
GtkWidget *fw_window_pending_question (FwWindow  *self,
                                       GPtrArray *pending);
/* Going back: the keyboard to the first refused field on show. */
void       fw_window_focus_pending    (FwWindow  *self);
/* After a save the user asked for: when refused text is kept in fields,
 * a notice says the file was saved without it and why, and the keyboard
 * goes back to the first marked field on show. When there is none, any
 * notice still showing goes. */
void       fw_window_tell_saved_without_pending (FwWindow *self,
                                                 GFile    *file);

/* fw-window-banner.c: banners below the error banner, and the progress
 * of a slow open or save in one of them. */
GtkWidget *fw_window_banner_new   (FwWindow    *self,
                                   GtkWidget   *lead,
                                   const char  *text,
                                   GtkLabel   **label_out);
GtkWidget *fw_window_banner_add_button (GtkWidget  *banner,
                                        const char *mnemonic,
                                        gboolean    suggested);
/* Every banner shown or not (presenting shows none), each kept. */
void       fw_window_show_banners (FwWindow    *self,
                                   gboolean     shown);
/* An open or a save shows its progress only when it takes more than a
 * moment: a banner that flashes for a small file would be noise. A
 * window made to open a file shows itself after as long. */
#define FW_WINDOW_PROGRESS_DELAY_MS 300
/* Shows @text after a moment; with Cancel when @cancellable is given. */
void fw_window_progress_begin     (FwWindow     *self,
                                   const char   *text,
                                   GCancellable *cancellable);
void fw_window_progress_say       (FwWindow     *self,
                                   const char   *text);
void fw_window_progress_end       (FwWindow     *self);
void fw_window_progress_free      (FwWindow     *self);

/* fw-window-loading.c: while a file is read into the window, a page
 * saying so stands in for the editor, so that no figures but the file's
 * are shown under its name. @file NULL: the editor back. */
void     fw_window_show_loading   (FwWindow    *self,
                                   GFile       *file);
gboolean fw_window_is_loading     (FwWindow    *self);
/* The editor on show, or the loading page while a file is read; neither
 * while presenting. */
void     fw_window_show_editor_or_loading (FwWindow *self);

/* fw-window-notice.c: a brief word over the bottom of the window that
 * something happened (an export written, the wheel copied), heard by
 * screen readers, gone by itself; with Open and Open Folder when @file
 * is given. The one on show replaces any before it. */
void        fw_window_init_notice (FwWindow    *self);
void        fw_window_notify      (FwWindow    *self,
                                   const char  *text,
                                   GFile       *file);
/* Takes the one on show away at once. */
void        fw_window_dismiss_notice (FwWindow *self);
/* Its text while on show, else NULL. */
const char *fw_window_get_notice  (FwWindow    *self);
void        fw_window_notice_free (FwWindow    *self);

/* fw-window-recovery.c */
void fw_window_recovery_follow    (FwWindow    *self,
                                   FwDocument  *document);
/* The copy goes: the work was saved or the user discarded it. */
void fw_window_recovery_forget    (FwWindow    *self);
void fw_window_recovery_free      (FwWindow    *self);
/* A new window (not shown yet) in @self's application, keeping its
 * recovery copies where @self does; owned by GTK's toplevels. */
FwWindow *fw_window_new_sibling   (FwWindow    *self);

G_END_DECLS
