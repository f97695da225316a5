/* fw-time-words.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When something was written, as GNOME says it in a sentence, with its
 * preposition: "from today at 14:05", "from yesterday at 09:12", "from
 * 3 December at 16:40" earlier this year, "from 3 December 2025" before
 * it; never "12/04/26", which reads one way in Europe and another in the
 * US. @when and @now in the same (local) time zone; translated. */
char *fw_time_words_since (GDateTime *when,
                           GDateTime *now);

G_END_DECLS
