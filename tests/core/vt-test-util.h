/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-test-util.h: shared helpers of the core tests. */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vt-store.h"

/* A fresh directory per test, removed afterwards. */
typedef struct
{
  char *dir;
  char *path;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vt-core-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "suppliers.db", NULL);
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
}

static inline VtStore *
open_new_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = vt_store_open_sync (f->path, VT_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

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
