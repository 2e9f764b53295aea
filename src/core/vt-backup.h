/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-backup.h: where backups of a database live, what they are called,
 * when the next daily one is due and which old ones go.
 *
 * Only file names and dates: copying and restoring are the backend's
 * (vt_store_backup_async(), vt_store_restore_async()).
 */
#pragma once

#include <glib-object.h>

#include "vt-boxed.h"

G_BEGIN_DECLS

/**
 * VtBackupKind:
 * @VT_BACKUP_DAILY: made automatically, once a day
 * @VT_BACKUP_BEFORE_RESTORE: the database as it was just before a
 *   restore replaced it, so that the restore can be undone
 */
typedef enum
{
  VT_BACKUP_DAILY,
  VT_BACKUP_BEFORE_RESTORE,
} VtBackupKind;

#define VT_BACKUP_DEFAULT_KEEP 7

typedef struct _VtBackupInfo VtBackupInfo;

/**
 * VtBackupInfo:
 * @path: the backup file
 * @kind: why it was made
 * @created: when, in local time (from the file name)
 * @size: its size in bytes
 */
struct _VtBackupInfo
{
  char         *path;
  VtBackupKind  kind;
  GDateTime    *created;
  goffset       size;
};

#define VT_TYPE_BACKUP_INFO (vt_backup_info_get_type ())
VT_DECLARE_RC_BOXED (VtBackupInfo, vt_backup_info)

char         *vt_backup_dir_for_database  (const char    *database_path);
char         *vt_backup_file_name         (VtBackupKind   kind,
                                           GDateTime     *when);
char         *vt_backup_new_path          (const char    *dir,
                                           VtBackupKind   kind,
                                           GDateTime     *when);
VtBackupInfo *vt_backup_info_from_name    (const char    *dir,
                                           const char    *name);
GPtrArray    *vt_backup_list              (const char    *dir);
gboolean      vt_backup_is_due            (GPtrArray     *backups,
                                           GDateTime     *now);
guint         vt_backup_rotate            (const char    *dir,
                                           guint          keep,
                                           GError       **error);

G_END_DECLS
