/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VT_TYPE_APPLICATION (vt_application_get_type ())

G_DECLARE_FINAL_TYPE (VtApplication, vt_application, VT, APPLICATION, AdwApplication)

VtApplication *vt_application_new                    (void);
GSettings     *vt_application_get_settings           (VtApplication *self);
const char    *vt_application_get_database_path      (VtApplication *self);
const char    *vt_application_get_server             (VtApplication *self);
void           vt_application_request_restart        (VtApplication *self);
gboolean       vt_application_get_restart_requested  (VtApplication *self);
const char    *vt_application_get_help_screen        (GtkWindow     *window);

G_END_DECLS
