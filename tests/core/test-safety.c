/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety.c: damaged, foreign, hostile, locked, read-only and full
 * database files, and crashes in the middle of writing. */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <sqlite3.h>

#include "vt-sqlite-backend.h"
#include "vt-store.h"
#include "vt-test-util.h"

#define ADD(path, func) \
  g_test_add ("/core/safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static char *
helper_path (void)
{
  const char *root = g_getenv ("VT_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "core", "vt-core-test-helper", NULL);
}

/* A closed database with some data, checkpointed into the main file. */
static void
make_database (Fixture  *f,
               gboolean  sample)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;

  if (sample)
    g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  else
    g_free (save_test_supplier (store, "Công ty An Toàn", NULL));
  g_assert_no_error (error);
}

/* Opens @path and expects @code; the file must not change. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (f->path, VT_STORE_ERROR_NOT_A_DATABASE);

  /* A text file, shorter than a database header. */
  g_assert_true (g_file_set_contents (f->path, "Tên,Tỉnh\n", -1, NULL));
  assert_refused (f->path, VT_STORE_ERROR_NOT_A_DATABASE);

  /* The header of a database and nothing else of it. */
  memcpy (bytes, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VtStore) store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);

    g_assert_null (store);
    g_assert_true (g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE)
                   || g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT));
  }
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  run_sql (f->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 2.5)");
  assert_refused (f->path, VT_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;

  /* An empty file (e.g. made by "touch") becomes a new database. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vt_store_get_schema_version (store), ==, vt_sqlite_get_latest_schema_version ());
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;

  make_database (f, TRUE);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100000);
  g_assert_true (g_file_set_contents (f->path, contents, len / 2, NULL));

  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT)
                 || g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE));
}

static void
test_corrupted_page (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len, page = 4096;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;

  make_database (f, TRUE);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  /* Scribble over a page in the middle, as a failing disk would. */
  for (gsize i = 0; i < page; i++)
    contents[(len / page / 2) * page + i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));

  /* Opening reads only the schema, so it may succeed; the check that
   * the window runs right after reads every page. */
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  if (store != NULL)
    {
      g_assert_no_error (error);
      g_assert_false (vt_store_verify_sync (store, NULL, &error));
    }
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "backup"));
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  make_database (f, TRUE);
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_verify_sync (store, NULL, &error));
  g_assert_no_error (error);

  /* While the store writes, on its own connection. */
  g_free (save_test_supplier (store, "Công ty Kiểm Tra", NULL));
  g_assert_true (vt_store_verify_sync (store, NULL, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (vt_store_verify_sync (store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_hostile_trigger (Fixture       *f,
                      gconstpointer  data)
{
  make_database (f, FALSE);
  run_sql (f->path, "PRAGMA journal_mode = DELETE;"
                "CREATE TRIGGER keep_tidy AFTER INSERT ON visits BEGIN DELETE FROM suppliers; END;");
  assert_refused (f->path, VT_STORE_ERROR_UNTRUSTED);
}

static void
test_hostile_view (Fixture       *f,
                   gconstpointer  data)
{
  make_database (f, FALSE);
  /* A view that never ends, and one that calls functions. */
  run_sql (f->path, "PRAGMA journal_mode = DELETE;"
                "CREATE VIEW slow AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r;"
                "CREATE VIEW calls AS SELECT randomblob (1000000000), load_extension ('x') FROM suppliers;");
  assert_refused (f->path, VT_STORE_ERROR_UNTRUSTED);
}

static void
test_altered_table (Fixture       *f,
                    gconstpointer  data)
{
  make_database (f, FALSE);
  /* A changed definition of one of our own tables is refused too. */
  run_sql (f->path, "PRAGMA journal_mode = DELETE; ALTER TABLE suppliers ADD COLUMN extra TEXT");
  assert_refused (f->path, VT_STORE_ERROR_UNTRUSTED);
}

/* A file as the migrations build it is recognised by the digest taken at
 * build time, so that opening it skips building the schema to compare
 * with; statistics from ANALYZE change nothing, and anything added does
 * not match, so the object-by-object check runs and refuses it. */
static void
test_schema_digest (Fixture       *f,
                    gconstpointer  data)
{
  int latest = vt_sqlite_get_latest_schema_version ();
  sqlite3 *db = NULL;

  make_database (f, FALSE);
  run_sql (f->path, "PRAGMA journal_mode = DELETE; ANALYZE");
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (vt_sqlite_schema_matches_build (db, latest));
  g_assert_false (vt_sqlite_schema_matches_build (db, latest - 1));
  sqlite3_close (db);

  run_sql (f->path, "CREATE INDEX harmless_looking ON suppliers (name_vi)");
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_false (vt_sqlite_schema_matches_build (db, latest));
  sqlite3_close (db);
  assert_refused (f->path, VT_STORE_ERROR_UNTRUSTED);
}

static void
test_read_only_flag (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Chỉ đọc", NULL);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_database (f, FALSE);
  before = checksum_file (f->path);
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_is_read_only (store));
  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_cmpuint (counts->suppliers, ==, 1);
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Root ignores file modes, so the read-only file is opened by a child
 * running as nobody (RELIABILITY.md). */
static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *helper = helper_path ();
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  make_database (f, FALSE);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

  if (getuid () == 0)
    {
      const char *argv[] = { setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                             helper, "open", f->path, NULL };

      if (setpriv == NULL)
        {
          g_chmod (f->dir, 0700);
          g_test_skip ("running as root without setpriv: cannot drop privileges");
          return;
        }
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  else
    {
      const char *argv[] = { helper, "open", f->path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  g_chmod (f->dir, 0700);
  g_chmod (f->path, 0600);

  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");
  /* Opened read-only, the data is there, a save is refused. */
  g_assert_cmpstr (out, ==, "open=ok read-only=1 suppliers=1 save=5\n");
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Chờ", NULL);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  make_database (f, FALSE);
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  vt_store_set_busy_timeout (store, 200);

  /* Another writer holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; DELETE FROM audit_log", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_clear_error (&error);
  g_assert_null (s->uuid);

  /* Reading goes on meanwhile (WAL). */
  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->suppliers, ==, 1);

  /* Once the other writer is done, the same save works. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  sqlite3_close (other);
}

static void
test_locked_exclusive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  make_database (f, FALSE);
  /* A program that keeps the file to itself, even from readers. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "DELETE FROM audit_log", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_LOCKED);
  /* It waited for the busy timeout on the worker, not forever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  sqlite3_close (other);
}

/* SQLITE_FULL comes from PRAGMA max_page_count (RELIABILITY.md); the
 * backend is used directly, on this thread, to reach its connection. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VtSqliteBackend) backend = NULL;
  g_autoptr(VtSupplier) big = make_test_supplier ("Công ty Đầy đĩa", NULL);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean healthy = FALSE;
  g_autofree char *report = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt = NULL;
  int pages;

  make_database (f, FALSE);
  backend = vt_sqlite_backend_open (f->path, VT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  sqlite3_prepare_v2 (vt_sqlite_backend_get_db (backend), "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 2);
  g_assert_cmpint (sqlite3_exec (vt_sqlite_backend_get_db (backend), limit, NULL, NULL, NULL), ==, SQLITE_OK);

  big->notes = g_strnfill (200000, 'x');
  g_assert_false (vt_backend_save_supplier (VT_BACKEND (backend), big, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "intact"));
  g_clear_error (&error);
  g_assert_null (big->uuid);

  /* Nothing half-saved, nothing lost. */
  counts = vt_backend_count (VT_BACKEND (backend), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->suppliers, ==, 1);
  g_assert_true (vt_backend_check (VT_BACKEND (backend), &healthy, &report, &error));
  g_assert_no_error (error);
  g_assert_true (healthy);

  /* Space again: the same save goes through. */
  g_assert_cmpint (sqlite3_exec (vt_sqlite_backend_get_db (backend), "PRAGMA max_page_count = 1000000",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (vt_backend_save_supplier (VT_BACKEND (backend), big, &error));
  g_assert_no_error (error);
}

static int
count_rows (VtSqliteBackend *backend,
            const char      *query)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (vt_sqlite_backend_get_db (backend), query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Triggers are off on our connections; foreign-key actions must still
 * work, or deleting a supplier would leave orphans. */
static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtSqliteBackend) backend = vt_sqlite_backend_open (f->path, VT_STORE_OPEN_CREATE, NULL);
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Xóa", NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (s->certifications, vt_certification_new ("ISO 9001"));
  g_ptr_array_add (s->contacts, vt_contact_new (NULL, NULL, "Lan"));
  g_assert_true (vt_backend_save_supplier (VT_BACKEND (backend), s, &error));
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM certifications"), ==, 1);
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM supplier_fts"), ==, 1);
  g_assert_true (vt_backend_delete_supplier (VT_BACKEND (backend), s->uuid, s->version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM certifications"), ==, 0);
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM stage_history"), ==, 0);
  g_assert_cmpint (count_rows (backend, "SELECT count(*) FROM supplier_fts"), ==, 0);
}

static void
test_network_fs (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);

  g_assert_true (vt_fs_type_is_network (0x6969));      /* NFS */
  g_assert_true (vt_fs_type_is_network (0xFF534D42));  /* CIFS */
  g_assert_true (vt_fs_type_is_network (0xFE534D42));  /* SMB2 */
  g_assert_true (vt_fs_type_is_network (0x65735546));  /* FUSE (gvfs) */
  g_assert_false (vt_fs_type_is_network (0xEF53));     /* ext4 */
  g_assert_false (vt_fs_type_is_network (0x01021994)); /* tmpfs */
  g_assert_false (vt_fs_type_is_network (0x58465342)); /* XFS */
  g_assert_false (vt_path_is_on_network_fs (f->path));
  g_assert_cmpstr (vt_store_get_journal_mode (store), ==, "wal");
}

/* Reads whole lines from @fd until it would block or ends; adds the UUIDs
 * to @committed. Returns FALSE at the end of the stream. */
static gboolean
read_reported (int         fd,
               GString    *partial,
               GHashTable *committed)
{
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    {
      char *nl;

      g_string_append_len (partial, buf, n);
      while ((nl = strchr (partial->str, '\n')) != NULL)
        {
          g_hash_table_add (committed, g_strndup (partial->str, nl - partial->str));
          g_string_erase (partial, 0, nl - partial->str + 1);
        }
    }
  return n != 0;
}

/* A writer going through the store's own save paths (supplier, stage
 * move, visit) is killed with SIGKILL again and again; after each kill the
 * database is intact and holds everything whose save had returned.
 *
 * CI runs 100 rounds within two minutes. The long mode runs hundreds:
 *   meson test -C _build core-safety --test-args='-m slow' --timeout-multiplier 0
 * or any number with VT_CRASH_ROUNDS=1000 (see docs/reliability.md). */
static void
test_crash_loop (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *helper = helper_path ();
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *wanted = g_getenv ("VT_CRASH_ROUNDS");
  gboolean long_mode = g_test_slow () || wanted != NULL;
  guint kills = wanted ? (guint) g_ascii_strtoull (wanted, NULL, 10) : long_mode ? 500 : 100;
  /* Under the sanitizers on a busy machine a round can take a second or
   * more; the power-loss test is the proof of durability, this one checks
   * the app's own save paths survive kills. The long mode has no limit. */
  gint64 deadline = long_mode ? G_MAXINT64 : g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint done = 0;

  make_database (f, FALSE);

  for (guint round = 0; round < kills && g_get_monotonic_time () < deadline; round++)
    {
      const char *argv[] = { helper, "write", f->path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) partial = g_string_new (NULL);
      GPid pid;
      int out_fd, status;
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      GHashTableIter iter;
      gpointer uuid;
      gint64 kill_at;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);

      /* Let it start (slow under sanitizers and on a busy machine: the
       * kill must land while it writes, not while it loads), then write
       * for a while, reading what it reports. */
      {
        guint before = g_hash_table_size (committed);
        gint64 started_by = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

        while (g_hash_table_size (committed) == before && g_get_monotonic_time () < started_by)
          {
            read_reported (out_fd, partial, committed);
            g_usleep (1000);
          }
      }
      kill_at = g_get_monotonic_time () + g_rand_int_range (rand, 0, 140) * 1000;
      while (g_get_monotonic_time () < kill_at)
        {
          read_reported (out_fd, partial, committed);
          g_usleep (2000);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_unix_set_fd_nonblocking (out_fd, FALSE, NULL);
      while (read_reported (out_fd, partial, committed))
        ;
      close (out_fd);
      g_assert_true (WIFSIGNALED (status));

      /* Another process recovers the file: intact, nothing committed lost. */
      g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM suppliers s WHERE uuid = ? AND stage = 'appraised' "
                                               "AND EXISTS (SELECT 1 FROM visits v WHERE v.supplier_id = s.id) "
                                               "AND (SELECT count(*) FROM stage_history h WHERE h.supplier_id = s.id) = 2",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_hash_table_iter_init (&iter, committed);
      while (g_hash_table_iter_next (&iter, &uuid, NULL))
        {
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            g_error ("Supplier %s, its stage move or its visit was reported committed but is missing",
                     (char *) uuid);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      done++;
    }

  g_test_message ("%u kills, %u committed rows checked", done, g_hash_table_size (committed));
  g_assert_cmpuint (done, >=, 30);
  g_assert_cmpuint (g_hash_table_size (committed), >, done);

  /* And the store itself opens it and finds it consistent. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VtStore) store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
    g_autofree char *report = NULL;
    gboolean healthy = FALSE;

    g_assert_no_error (error);
    report = vt_store_check_sync (store, &healthy, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (healthy);
  }
}

static guint
count_reported (GHashTable *reported,
                const char *prefix)
{
  GHashTableIter iter;
  gpointer line;
  guint n = 0;

  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    n += g_str_has_prefix (line, prefix);
  return n;
}

/* A large import drops the suppliers' indexes and builds them again inside
 * its transaction. A writer importing 3 000 rows at a time is killed at
 * random points: after each kill the file is intact, holds whole imports
 * only (every one reported, none that no writer began), and has every
 * index it had. */
static void
test_crash_during_import (Fixture       *f,
                          gconstpointer  data)
{
  static const char count_indexes[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'suppliers'";
  g_autofree char *helper = helper_path ();
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  gint64 deadline = g_get_monotonic_time () + 100 * G_USEC_PER_SEC;
  guint rounds = 0, interrupted = 0;
  int indexes;

  make_database (f, FALSE);
  indexes = count_in_file (f->path, count_indexes);
  g_assert_cmpint (indexes, >=, 10);

  while (rounds < 8 && (rounds < 3 || g_get_monotonic_time () < deadline))
    {
      const char *argv[] = { helper, "import", f->path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) partial = g_string_new (NULL);
      GPid pid;
      int out_fd, status, suppliers;
      guint imported_before = count_reported (reported, "imported ");
      guint begun_before = count_reported (reported, "begin ");
      guint imported, begun;
      gint64 kill_at, started_by = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);
      /* Wait for its first import to begin, then kill it somewhere in it
       * or in one of the next. */
      while (count_reported (reported, "begin ") == begun_before && g_get_monotonic_time () < started_by)
        {
          read_reported (out_fd, partial, reported);
          g_usleep (2000);
        }
      kill_at = g_get_monotonic_time () + g_rand_int_range (rand, 0, 3000) * 1000;
      while (g_get_monotonic_time () < kill_at)
        {
          read_reported (out_fd, partial, reported);
          g_usleep (2000);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_unix_set_fd_nonblocking (out_fd, FALSE, NULL);
      while (read_reported (out_fd, partial, reported))
        ;
      close (out_fd);
      g_assert_true (WIFSIGNALED (status));

      imported = count_reported (reported, "imported ");
      begun = count_reported (reported, "begin ");
      interrupted += begun - begun_before > imported - imported_before;
      g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM pragma_integrity_check "
                                               "WHERE integrity_check <> 'ok'"), ==, 0);
      g_assert_cmpint (count_in_file (f->path, count_indexes), ==, indexes);
      suppliers = count_in_file (f->path, "SELECT count(*) FROM suppliers");
      g_assert_cmpint ((suppliers - 1) % 3000, ==, 0);
      g_assert_cmpint ((suppliers - 1) / 3000, >=, (int) imported);
      /* No import appears that no writer began. (Its report can be cut
       * off by the kill, so the file may hold more than was reported.) */
      g_assert_cmpint ((suppliers - 1) / 3000, <=, (int) begun);
      g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM supplier_fts"), ==, suppliers);
      rounds++;
    }
  g_test_message ("%u kills, %u of them during an import", rounds, interrupted);
  g_assert_cmpuint (interrupted, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("not-a-database", test_not_a_database);
  ADD ("other-program", test_other_program);
  ADD ("empty-file", test_empty_file);
  ADD ("truncated", test_truncated);
  ADD ("corrupted-page", test_corrupted_page);
  ADD ("verify", test_verify);
  ADD ("crash-during-import", test_crash_during_import);
  ADD ("hostile-trigger", test_hostile_trigger);
  ADD ("hostile-view", test_hostile_view);
  ADD ("altered-table", test_altered_table);
  ADD ("schema-digest", test_schema_digest);
  ADD ("read-only-flag", test_read_only_flag);
  ADD ("read-only-file", test_read_only_file);
  ADD ("locked", test_locked);
  ADD ("locked-exclusive", test_locked_exclusive);
  ADD ("disk-full", test_disk_full);
  ADD ("cascade", test_cascade);
  ADD ("network-fs", test_network_fs);
  ADD ("crash-loop", test_crash_loop);

  return g_test_run ();
}
