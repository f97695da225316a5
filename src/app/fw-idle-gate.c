/* fw-idle-gate.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-idle-gate"

#include "fw-idle-gate.h"

static gboolean
reopen (gpointer user_data)
{
  FwIdleGate *gate = user_data;

  gate->idle_id = 0;
  return G_SOURCE_REMOVE;
}

gboolean
fw_idle_gate_pass (FwIdleGate *gate)
{
  GSource *source;

  if (gate->idle_id != 0)
    return FALSE;

  /* The same priority as g_idle_add(): GLib dispatches every ready
   * source of the highest ready priority in one iteration, so once this
   * one runs, the other idles waiting at that priority have run too. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, reopen, gate, NULL);
  g_source_set_static_name (source, "[flywheel] animation yields to idle work");
  gate->idle_id = g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);

  return TRUE;
}

gboolean
fw_idle_gate_is_open (const FwIdleGate *gate)
{
  return gate->idle_id == 0;
}

void
fw_idle_gate_clear (FwIdleGate *gate)
{
  if (gate->idle_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (g_main_context_get_thread_default (),
                                                          gate->idle_id);

      if (source != NULL)
        g_source_destroy (source);
      gate->idle_id = 0;
    }
}
