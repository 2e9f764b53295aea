/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-util.h: shared helpers of the core tests. */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vt-store.h"

/* Built with VT_TEST_PG (and vt-test-pg.c), a test program runs its store
 * tests against a PostgreSQL server that vt_test_init() starts: each test
 * gets a new database on it, and open_new_store() opens that instead of
 * the file. The same test bodies thus run on both backends. */
#ifdef VT_TEST_PG
#include <stdio.h>
#include "vt-test-pg.h"

static VtTestPg *test_server;
#endif

/* A fresh directory per test, removed afterwards; with a server, also a
 * fresh database on it (@conninfo). */
typedef struct
{
  char *dir;
  char *path;
  char *conninfo;
} Fixture;

/* Starts the test server, if the program is built for one; when the
 * server cannot run here (no postgresql package), says so and skips the
 * whole program. */
static inline void
vt_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
#ifdef VT_TEST_PG
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *skip = NULL;

    test_server = vt_test_pg_start (&skip, &error);
    g_assert_no_error (error);
    if (test_server == NULL)
      {
        printf ("1..0 # SKIP %s\n", skip);
        exit (0);
      }
  }
#endif
}

/* Runs the tests, then stops the server. */
static inline int
vt_test_run (void)
{
  int result = g_test_run ();

#ifdef VT_TEST_PG
  g_clear_pointer (&test_server, vt_test_pg_free);
#endif
  return result;
}

static inline gboolean
fixture_is_server (const void *f)
{
  return ((const Fixture *) f)->conninfo != NULL;
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vt-core-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "suppliers.db", NULL);
#ifdef VT_TEST_PG
  f->conninfo = vt_test_pg_new_database (test_server, NULL, NULL);
#endif
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->conninfo);
}

/* The first column of the first row @query returns, asked of the file at
 * @path on a connection of its own, as another program would. */
static inline int
count_in_file (const char *path,
               const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Opens the test's database: the file, or the server's database. */
static inline VtStore *
open_new_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = f->conninfo ? vt_store_open_server_sync (f->conninfo, VT_STORE_OPEN_CREATE, NULL, &error)
                               : vt_store_open_sync (f->path, VT_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Opens the test's database once more, as a second workstation would. */
static inline VtStore *
open_same_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = f->conninfo ? vt_store_open_server_sync (f->conninfo, VT_STORE_OPEN_NONE, NULL, &error)
                               : vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Opens a second database of the same kind, named @name. */
static inline VtStore *
open_other_store (Fixture    *f,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  VtStore *store;

#ifdef VT_TEST_PG
  if (f->conninfo)
    {
      g_autofree char *conninfo = vt_test_pg_new_database (test_server, NULL, NULL);

      store = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
    }
  else
#endif
    store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* For tests of what only a database file has (its journal, its bytes on
 * the disk, migrating an old file): skips the test on a server. */
#define SKIP_ON_SERVER(f, why) \
  G_STMT_START { \
    if (fixture_is_server (f)) \
      { \
        g_test_skip (why); \
        return; \
      } \
  } G_STMT_END

static inline VtSupplier *
make_test_supplier (const char *name_vi,
                    const char *name_ko)
{
  VtSupplier *s = vt_supplier_new ();

  s->name_vi = g_strdup (name_vi);
  s->name_ko = g_strdup (name_ko);
  return s;
}

static inline char *
save_test_supplier (VtStore    *store,
                    const char *name_vi,
                    const char *name_ko)
{
  g_autoptr(VtSupplier) s = make_test_supplier (name_vi, name_ko);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (s->uuid);
}

static inline char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* Runs @statements on @path with a plain connection of its own, as
 * another program (or someone with a hostile file in mind) would. */
static inline void
run_sql (const char *path,
         const char *statements)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statements, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statements, message);
  sqlite3_close (db);
}
