/* fw-name-dialog.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Why @name cannot be the new name, in the user's words, or NULL. */
typedef char *(*FwNameProblem)  (const char *name,
                                 gpointer    user_data);
/* The user chose @name (which @problem accepted). */
typedef void  (*FwNameAccepted) (const char *name,
                                 gpointer    user_data);

/* Asks for a name in a small modal dialog over @parent: @caption over an
 * entry holding @current (selected, so typing replaces it), the reason a
 * name cannot be under it as it is typed, and @accept_label (a mnemonic,
 * the default: Enter) only sensitive for a name @problem accepts. Escape
 * or Cancel close it with nothing done. @user_data must live as long as
 * @parent (the dialog goes with it). */
void fw_name_dialog_ask (GtkWindow      *parent,
                         const char     *title,
                         const char     *caption,
                         const char     *current,
                         const char     *accept_label,
                         FwNameProblem   problem,
                         FwNameAccepted  accepted,
                         gpointer        user_data);

G_END_DECLS
