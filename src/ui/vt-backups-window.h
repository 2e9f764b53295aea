/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vt-backup.h"
#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_BACKUPS_WINDOW (vt_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (VtBackupsWindow, vt_backups_window, VT, BACKUPS_WINDOW, AdwWindow)

VtBackupsWindow *vt_backups_window_new      (GtkWindow          *parent,
                                             VtStore            *store,
                                             const char         *dir);
char            *vt_backup_info_get_title   (const VtBackupInfo *info);
char            *vt_backup_info_get_details (const VtBackupInfo *info);

G_END_DECLS
