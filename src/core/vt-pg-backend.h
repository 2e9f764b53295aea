/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-pg-backend.h: the shared PostgreSQL server backend. */
#pragma once

#include "vt-backend.h"

G_BEGIN_DECLS

#define VT_TYPE_PG_BACKEND (vt_pg_backend_get_type ())

G_DECLARE_FINAL_TYPE (VtPgBackend, vt_pg_backend, VT, PG_BACKEND, GObject)

VtPgBackend *vt_pg_backend_open           (const char        *conninfo,
                                           VtStoreOpenFlags   flags,
                                           GError           **error);

VtPgBackend *vt_pg_backend_open_with_password (const char       *conninfo,
                                               const char       *password,
                                               VtStoreOpenFlags  flags,
                                               GError          **error);
gboolean     vt_pg_backend_poll_changes   (VtPgBackend       *self,
                                           GStrv             *tables);
gboolean     vt_pg_backend_is_connected   (VtPgBackend       *self);
gboolean     vt_pg_backend_reconnect      (VtPgBackend       *self);

gboolean     vt_pg_conninfo_is_valid      (const char        *conninfo,
                                           GError           **error);
char        *vt_pg_translate_sql          (const char        *sqlite_sql);
char        *vt_pg_migration_sql          (int                version,
                                           GError           **error);
const char  *vt_pg_default_sslmode        (const char        *conninfo);
gboolean     vt_pg_setup_server           (const char        *conninfo,
                                           GError           **error);

G_END_DECLS
