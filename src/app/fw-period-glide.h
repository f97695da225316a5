/* fw-period-glide.h
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The period slider's knob and fill while the periods play, drawn over
 * the slider (a GtkOverlay's overlay) at the position as it glides.
 *
 * GTK 4.8 places a GtkRange's knob by allocating it, and any allocation
 * lays the whole window out in the next frame (GDK asking the X server
 * for the monitor's work area each time): at playback's speeds, a
 * layout every frame. While gliding, the slider keeps the whole period
 * as its value (what its accessible value and "Month 5 of 24" say), its
 * own knob and fill are hidden, and this widget draws them, in the
 * theme's own style (the slider's style nodes), where the range itself
 * would put them for the position: a redraw a frame, no layout. Resting, it draws nothing and the
 * slider shows its own knob again. Not focusable, not a target, not in
 * the accessible tree: the slider stays the control. */
#define FW_TYPE_PERIOD_GLIDE (fw_period_glide_get_type ())
G_DECLARE_FINAL_TYPE (FwPeriodGlide, fw_period_glide, FW, PERIOD_GLIDE, GtkWidget)

GtkWidget *fw_period_glide_new      (GtkRange      *range);
/* Draws the knob at @value (in the range's units) and hides the range's
 * own knob and fill; a frame is asked for only when the knob would move
 * a pixel. */
void       fw_period_glide_show     (FwPeriodGlide *self,
                                     double         value);
/* The range's own knob and fill again. */
void       fw_period_glide_hide     (FwPeriodGlide *self);
gboolean   fw_period_glide_is_shown (FwPeriodGlide *self);
/* How many frames it has asked for since it was made. */
guint      fw_period_glide_get_draws (FwPeriodGlide *self);
/* Where the drawn knob's border box starts, in the range's coordinates,
 * for @value; FALSE when the range has no knob laid out yet. */
gboolean   fw_period_glide_knob_x   (FwPeriodGlide *self,
                                     double         value,
                                     double        *x);

G_END_DECLS
