/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-sqlite-backend.h: the embedded SQLite backend. */
#pragma once

#include <sqlite3.h>

#include "vt-backend.h"

G_BEGIN_DECLS

#define VT_TYPE_SQLITE_BACKEND (vt_sqlite_backend_get_type ())

G_DECLARE_FINAL_TYPE (VtSqliteBackend, vt_sqlite_backend, VT, SQLITE_BACKEND, GObject)

VtSqliteBackend *vt_sqlite_backend_open                 (const char        *path,
                                                         VtStoreOpenFlags   flags,
                                                         GError           **error);
sqlite3         *vt_sqlite_backend_get_db               (VtSqliteBackend   *self);
const char      *vt_sqlite_backend_get_journal_mode     (VtSqliteBackend   *self);
void             vt_sqlite_backend_set_busy_timeout     (VtSqliteBackend   *self,
                                                         int                milliseconds);
gboolean         vt_sqlite_backend_idle                 (VtSqliteBackend   *self,
                                                         gboolean         (*should_stop) (gpointer data),
                                                         gpointer           data);

int              vt_sqlite_get_latest_schema_version    (void);
gboolean         vt_sqlite_schema_matches_build         (sqlite3           *db,
                                                         int                version);
gboolean         vt_sqlite_verify_file                  (const char        *path,
                                                         GCancellable      *cancellable,
                                                         GError           **error);
gboolean         vt_sqlite_check_backup_file            (const char        *path,
                                                         int               *schema_version,
                                                         GError           **error);
gboolean         vt_sqlite_migrate                      (sqlite3           *db,
                                                         int                target_version,
                                                         GError           **error);
gboolean         vt_fs_type_is_network                  (unsigned long      f_type);
gboolean         vt_path_is_on_network_fs               (const char        *path);

G_END_DECLS
