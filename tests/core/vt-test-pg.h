/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-pg.h: a real PostgreSQL server for the tests, on loopback.
 *
 * vt_test_pg_start() runs initdb into a new temporary folder and starts
 * the server on a free port, with its socket in that folder, as an
 * unprivileged user when the tests run as root (the server refuses to run
 * as root). vt_test_pg_free() stops it and removes the folder. Each test
 * takes a fresh database with vt_test_pg_new_database().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtTestPg VtTestPg;

VtTestPg *vt_test_pg_start        (char      **skip_reason,
                                   GError    **error);
void      vt_test_pg_free         (VtTestPg   *pg);
char     *vt_test_pg_new_database (VtTestPg   *pg,
                                   const char *user,
                                   char      **dbname);
char     *vt_test_pg_conninfo     (VtTestPg   *pg,
                                   const char *dbname,
                                   const char *user);
gboolean  vt_test_pg_admin_exec   (VtTestPg   *pg,
                                   const char *dbname,
                                   const char *sql,
                                   GError    **error);
gboolean  vt_test_pg_stop_server  (VtTestPg   *pg,
                                   GError    **error);
gboolean  vt_test_pg_start_server (VtTestPg   *pg,
                                   GError    **error);
gboolean  vt_test_pg_require_password (VtTestPg    *pg,
                                       const char  *user,
                                       const char  *password,
                                       GError     **error);
int       vt_test_pg_get_port     (VtTestPg   *pg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtTestPg, vt_test_pg_free)

G_END_DECLS
