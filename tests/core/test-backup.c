/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: backups are whole and checked, daily ones rotate, and a
 * restore gives back exactly what was backed up, refuses anything that is
 * not a sound VITASK Suppliers database, and can itself be undone. */

#include "config.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "vt-backup.h"
#include "vt-command.h"
#include "vt-sqlite-backend.h"
#include "vt-store.h"
#include "vt-test-util.h"

#define ADD(path, func) \
  g_test_add ("/core/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
count_found (VtStore    *store,
             const char *text)
{
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->text = g_strdup (text);
  page = vt_store_query_suppliers_sync (store, query, NULL, &error);
  g_assert_no_error (error);
  return page->total;
}

/* Every row of every table (the search index and its shadow tables
 * too), as sorted text: two databases with the same dump hold the same
 * data. */
static char *
dump_database (const char *path)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      int rc;

      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (row, "%d:%s|", sqlite3_column_type (stmt, c), text ? text : "");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      g_string_append_printf (out, "## %s (%u)\n", (char *) tables->pdata[t], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *) rows->pdata[r]);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Compares @path's data with @expected (or asserts it differs). */
static void
assert_dump (const char *path,
             gboolean    same,
             const char *expected)
{
  g_autofree char *dump = dump_database (path);

  if (same)
    g_assert_cmpstr (dump, ==, expected);
  else
    g_assert_cmpstr (dump, !=, expected);
}

static char *
dump_store (VtStore *store)
{
  /* The store's own writes are committed; read them from the file. */
  return dump_database (vt_store_get_path (store));
}

static VtStore *
store_with_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = open_new_store (f);

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_backup_restore_identical (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(VtStore) store = store_with_sample (f);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *safety = g_build_filename (f->dir, "safety", "before.db", NULL);
  g_autofree char *safety_dir = g_path_get_dirname (safety);
  g_autofree char *original = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
  g_autoptr(GError) error = NULL;
  int version = 0;

  original = dump_store (store);
  g_assert_true (vt_store_backup_sync (store, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_sqlite_check_backup_file (backup, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, vt_sqlite_get_latest_schema_version ());
  assert_dump (backup, TRUE, original);
  /* Only the user may read it; no partial file is left. */
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* Work goes on after the backup. */
  uuid = save_test_supplier (store, "Công ty Sau Sao Lưu", "백업 이후 회사");
  changed = dump_store (store);
  g_assert_cmpstr (changed, !=, original);

  g_assert_true (vt_store_restore_sync (store, backup, safety, NULL, &error));
  g_assert_no_error (error);
  restored = dump_store (store);
  g_assert_cmpstr (restored, ==, original);

  /* The data from before the restore was kept, so it can be undone. */
  g_assert_cmpuint (file_mode (safety_dir), ==, 0700);
  assert_dump (safety, TRUE, changed);

  /* The same store goes on working, search included. */
  g_assert_cmpuint (count_found (store, "Sau Sao Lưu"), ==, 0);
  g_free (save_test_supplier (store, "Công ty Sau Khôi Phục", NULL));
  {
    g_autoptr(VtSupplier) gone = vt_store_get_supplier_sync (store, uuid, NULL, &error);

    g_assert_null (gone);
    g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Undo the restore. */
  g_assert_true (vt_store_restore_sync (store, safety, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_dump (vt_store_get_path (store), TRUE, changed);
  g_assert_cmpuint (count_found (store, "Sau Sao Lưu"), ==, 1);
  g_unlink (safety);
  g_rmdir (safety_dir);

  /* Another process sees the restored data and a sound file. */
  g_clear_object (&store);
  {
    g_autoptr(VtStore) again = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
    gboolean healthy = FALSE;
    g_autofree char *report = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (vt_store_get_journal_mode (again), ==, "wal");
    report = vt_store_check_sync (again, &healthy, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (healthy);
  }
}

/* Opens @path with a restore from @backup and expects @code; the
 * database keeps every row and no safety copy is made. */
static void
assert_restore_refused (VtStore    *store,
                        const char *backup,
                        int         code)
{
  g_autofree char *before = dump_store (store);
  g_autofree char *dir = g_path_get_dirname (backup);
  g_autofree char *safety = g_build_filename (dir, "refused-safety.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vt_store_restore_sync (store, backup, safety, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_false (g_file_test (safety, G_FILE_TEST_EXISTS));
  assert_dump (vt_store_get_path (store), TRUE, before);

  /* And the store still saves. */
  g_free (save_test_supplier (store, "Công ty Vẫn Hoạt Động", NULL));
}

static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = store_with_sample (f);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_backup_sync (store, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100000);

  /* Not a database at all, and an empty file. */
  g_assert_true (g_file_set_contents (other, "Tên,Tỉnh\nCông ty A,Hà Nội\n", -1, NULL));
  assert_restore_refused (store, other, VT_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_set_contents (other, "", 0, NULL));
  assert_restore_refused (store, other, VT_STORE_ERROR_NOT_A_DATABASE);
  g_unlink (other);

  /* Another program's database. */
  run_sql (other, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 2.5)");
  assert_restore_refused (store, other, VT_STORE_ERROR_NOT_A_DATABASE);
  g_unlink (other);

  /* Truncated: half of a backup. */
  g_assert_true (g_file_set_contents (other, contents, len / 2, NULL));
  {
    g_autofree char *before = dump_store (store);

    g_assert_false (vt_store_restore_sync (store, other, NULL, NULL, &error));
    g_assert_true (g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT)
                   || g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE));
    g_clear_error (&error);
    assert_dump (vt_store_get_path (store), TRUE, before);
  }

  /* A page in the middle scribbled over. */
  {
    g_autofree char *damaged = g_memdup2 (contents, len);
    gsize page = 4096;

    for (gsize i = 0; i < page; i++)
      damaged[(len / page / 2) * page + i] = (char) (i * 7 + 3);
    g_assert_true (g_file_set_contents (other, damaged, len, NULL));
    assert_restore_refused (store, other, VT_STORE_ERROR_CORRUPT);
  }

  /* From a newer version. */
  g_assert_true (g_file_set_contents (other, contents, len, NULL));
  run_sql (other, "PRAGMA user_version = 999");
  assert_restore_refused (store, other, VT_STORE_ERROR_NEWER_VERSION);

  /* A hostile one: a hidden trigger that would empty the suppliers. */
  g_assert_true (g_file_set_contents (other, contents, len, NULL));
  run_sql (other, "CREATE TRIGGER tidy AFTER INSERT ON visits BEGIN DELETE FROM suppliers; END");
  assert_restore_refused (store, other, VT_STORE_ERROR_UNTRUSTED);

  /* The database itself. */
  assert_restore_refused (store, f->path, VT_STORE_ERROR_INVALID);

  /* A file that is not there. */
  assert_restore_refused (store, "/nonexistent/backup.db", VT_STORE_ERROR_NOT_FOUND);
}

/* A backup from an older version of the app is upgraded on restore. */
static void
test_restore_older_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_true (vt_sqlite_migrate (db, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO suppliers (uuid, name_vi, name_vi_fold, search_fold, sort_key, created_at, updated_at) "
                                     "VALUES ('6c1f7b1e-0000-4000-8000-000000000001', 'Công ty Cũ', 'cong ty cu', 'cong ty cu', "
                                     "x'00', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (vt_store_restore_sync (store, old, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VtSupplier) s = vt_store_get_supplier_sync (store, "6c1f7b1e-0000-4000-8000-000000000001", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (s->name_vi, ==, "Công ty Cũ");
    /* Found through the search index the upgrade built. */
    g_assert_cmpuint (count_found (store, "cong ty cu"), ==, 1);
  }
  g_clear_object (&store);
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vt_store_get_schema_version (store), ==, vt_sqlite_get_latest_schema_version ());
}

static GDateTime *
local_time (int y, int m, int d, int h, int mi)
{
  return g_date_time_new_local (y, m, d, h, mi, 0);
}

static void
test_names_and_due (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) when = local_time (2026, 11, 23, 9, 5);
  g_autoptr(GDateTime) same_day = local_time (2026, 11, 23, 23, 59);
  g_autoptr(GDateTime) next_day = local_time (2026, 11, 24, 0, 1);
  g_autofree char *name = vt_backup_file_name (VT_BACKUP_DAILY, when);
  g_autofree char *before = vt_backup_file_name (VT_BACKUP_BEFORE_RESTORE, when);
  g_autoptr(VtBackupInfo) info = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_backup_info_unref);
  g_autofree char *a = vt_backup_dir_for_database ("/home/lan/suppliers.db");
  g_autofree char *b = vt_backup_dir_for_database ("/media/usb/suppliers.db");

  g_assert_cmpstr (name, ==, "daily-2026-11-23-090500.db");
  g_assert_cmpstr (before, ==, "before-restore-2026-11-23-090500.db");

  info = vt_backup_info_from_name ("/x", name);
  g_assert_nonnull (info);
  g_assert_cmpint (info->kind, ==, VT_BACKUP_DAILY);
  g_assert_true (g_date_time_equal (info->created, when));
  g_assert_cmpstr (info->path, ==, "/x/daily-2026-11-23-090500.db");
  g_assert_null (vt_backup_info_from_name ("/x", "suppliers.db"));
  g_assert_null (vt_backup_info_from_name ("/x", "daily-2026-11-23-090500.db.partial"));
  g_assert_null (vt_backup_info_from_name ("/x", "daily-2026-13-45-090500.db"));
  g_assert_null (vt_backup_info_from_name ("/x", "daily-2026-11-23-0905.db"));

  /* Two databases of the same name have folders of their own. */
  g_assert_cmpstr (a, !=, b);
  {
    g_autofree char *base = g_path_get_basename (a);

    g_assert_true (g_str_has_prefix (base, "suppliers-"));
  }

  /* Due on the first start of a day and after midnight; not again the
   * same day; a backup before a restore does not count. */
  g_assert_true (vt_backup_is_due (list, when));
  g_ptr_array_add (list, vt_backup_info_from_name ("/x", before));
  g_assert_true (vt_backup_is_due (list, when));
  g_ptr_array_add (list, vt_backup_info_ref (info));
  g_assert_false (vt_backup_is_due (list, when));
  g_assert_false (vt_backup_is_due (list, same_day));
  g_assert_true (vt_backup_is_due (list, next_day));
}

static void
test_daily_rotation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *foreign = g_build_filename (dir, "my-notes.txt", NULL);
  g_autofree char *before = g_build_filename (dir, "before-restore-2026-01-01-120000.db", NULL);
  g_autofree char *newest = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint daily = 0;

  g_free (save_test_supplier (store, "Công ty Hằng Ngày", NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (foreign, "keep me", -1, NULL));
  g_assert_true (g_file_set_contents (before, "", 0, NULL));

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) morning = local_time (2026, 3, day, 8, 30);
      g_autoptr(GDateTime) evening = local_time (2026, 3, day, 18, 0);
      g_autofree char *made = vt_store_back_up_daily_sync (store, dir, 7, morning, NULL, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (made, ".db"));
      g_assert_true (vt_sqlite_check_backup_file (made, NULL, &error));
      g_assert_no_error (error);
      /* Once a day only. */
      again = vt_store_back_up_daily_sync (store, dir, 7, evening, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, "");
      g_free (newest);
      newest = g_steal_pointer (&made);
    }

  list = vt_backup_list (dir);
  for (guint i = 0; i < list->len; i++)
    {
      VtBackupInfo *info = list->pdata[i];

      if (info->kind == VT_BACKUP_DAILY)
        daily++;
    }
  g_assert_cmpuint (daily, ==, 7);
  g_assert_cmpuint (list->len, ==, 8);
  /* Newest first, the newest kept, the oldest gone, other files kept. */
  g_assert_cmpstr (((VtBackupInfo *) list->pdata[0])->path, ==, newest);
  {
    g_autofree char *gone = g_build_filename (dir, "daily-2026-03-03-083000.db", NULL);
    g_autofree char *kept = g_build_filename (dir, "daily-2026-03-04-083000.db", NULL);

    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (before, G_FILE_TEST_EXISTS));

  /* Fewer kept from now on. */
  g_assert_cmpuint (vt_backup_rotate (dir, 2, &error), ==, 5);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = vt_backup_list (dir);
  g_assert_cmpuint (list->len, ==, 3);

  /* Clean up what the fixture does not know about. */
  for (guint i = 0; i < list->len; i++)
    g_unlink (((VtBackupInfo *) list->pdata[i])->path);
  g_unlink (foreign);
  g_rmdir (dir);
}

static void
test_new_database_mode (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_free (save_test_supplier (store, "Công ty Riêng Tư", NULL));
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
}

static void
discard_print (const char *text)
{
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VtStore) store = store_with_sample (f);
  g_autofree char *backup = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *original = dump_store (store);
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  g_autoptr(GError) error = NULL;
  GPrintFunc old_print = g_set_print_handler (discard_print);

  g_clear_object (&store);
  g_assert_cmpint (vt_command_backup (f->path, backup, &error), ==, 0);
  g_assert_no_error (error);
  assert_dump (backup, TRUE, original);

  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_free (save_test_supplier (store, "Công ty Dòng Lệnh", NULL));
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (bad, "not a backup", -1, NULL));
  g_assert_cmpint (vt_command_restore (f->path, bad, NULL, &error), !=, 0);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  assert_dump (f->path, FALSE, original);

  g_assert_cmpint (vt_command_restore (f->path, backup, f->dir, &error), ==, 0);
  g_assert_no_error (error);
  assert_dump (f->path, TRUE, original);

  /* A database too damaged to open is moved aside, not deleted. */
  g_assert_true (g_file_set_contents (f->path, "garbage, not a database", -1, NULL));
  g_assert_cmpint (vt_command_restore (f->path, backup, f->dir, &error), ==, 0);
  g_assert_no_error (error);
  assert_dump (f->path, TRUE, original);
  {
    g_autoptr(GPtrArray) list = vt_backup_list (f->dir);
    guint garbage = 0;

    for (guint i = 0; i < list->len; i++)
      {
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (((VtBackupInfo *) list->pdata[i])->path, &contents, NULL, NULL));
        if (g_str_equal (contents, "garbage, not a database"))
          garbage++;
      }
    g_assert_cmpuint (garbage, ==, 1);
    /* Two restores in the same second kept both earlier states. */
    g_assert_cmpuint (list->len, ==, 2);
  }

  g_set_print_handler (old_print);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("backup-restore-identical", test_backup_restore_identical);
  ADD ("restore-refuses", test_restore_refuses);
  ADD ("restore-older-version", test_restore_older_version);
  ADD ("names-and-due", test_names_and_due);
  ADD ("daily-rotation", test_daily_rotation);
  ADD ("new-database-mode", test_new_database_mode);
  ADD ("command-line", test_command_line);

  return g_test_run ();
}
