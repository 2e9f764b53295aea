/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vt-application.h"
#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_WINDOW (vt_window_get_type ())

G_DECLARE_FINAL_TYPE (VtWindow, vt_window, VT, WINDOW, AdwApplicationWindow)

VtWindow *vt_window_new        (VtApplication *application);
const char *vt_window_get_visible_page (VtWindow *self);
const char *vt_window_get_help_screen  (VtWindow *self);
void      vt_window_show_toast (VtWindow      *self,
                                const char    *message);
GtkWindow *vt_window_import_file (VtWindow    *self,
                                  GFile       *file);

G_END_DECLS
