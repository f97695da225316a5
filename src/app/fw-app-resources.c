/* fw-app-resources.c
 *
 * Copyright 2026 The Flywheel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fw-app-resources"

#include "fw-app-resources.h"
#include "fw-resources.h"

void
fw_app_resources_ensure (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      fw_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
