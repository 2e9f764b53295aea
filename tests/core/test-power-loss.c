/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-power-loss.c: a save the store confirmed survives a power cut.
 *
 * A SIGKILL cannot tell good durability settings from bad, since the
 * kernel still writes what the process wrote. A power cut loses whatever
 * was written but not yet synced. This test puts a VFS between SQLite and
 * the disk that holds back every write until the file is synced; at a
 * random moment it cuts the power: every further I/O fails, and of the
 * writes still held back a random half reach the disk, the rest are lost.
 * Then the file is reopened: it must be intact, hold every save the store
 * reported done, and no save in part.
 *
 * The same test with synchronous=OFF must find damage or loss, or it
 * would prove nothing.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vt-sqlite-backend.h"
#include "vt-test-util.h"

/* The VFS ------------------------------------------------------------------ */

typedef struct
{
  sqlite3_int64  offset;
  int            len;
  guint8        *data;
} Write;

static void
write_free (Write *w)
{
  g_free (w->data);
  g_free (w);
}

typedef struct
{
  sqlite3_file   base;
  sqlite3_file  *real;
  char          *path;
  GPtrArray     *pending;       /* of Write, in order */
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static gboolean power_cut;
static guint io_calls;
static guint cut_after;         /* 0: never */
/* Held-back writes of files closed before the cut, by path. */
static GHashTable *orphans;

static gboolean
io_allowed (void)
{
  if (power_cut)
    return FALSE;
  if (cut_after != 0 && ++io_calls >= cut_after)
    {
      power_cut = TRUE;
      return FALSE;
    }
  return TRUE;
}

static int
apply_write (sqlite3_file *real,
             Write        *w)
{
  return real->pMethods->xWrite (real, w->data, w->len, w->offset);
}

static int
flush_pending (ShimFile *f)
{
  for (guint i = 0; i < f->pending->len; i++)
    {
      int rc = apply_write (f->real, g_ptr_array_index (f->pending, i));

      if (rc != SQLITE_OK)
        return rc;
    }
  g_ptr_array_set_size (f->pending, 0);
  return SQLITE_OK;
}

static int
shim_close (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  /* Closing does not sync: what is held back stays at risk until the
   * power is cut (or the test ends normally). */
  if (f->pending->len > 0)
    {
      GPtrArray *list = g_hash_table_lookup (orphans, f->path);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
          g_hash_table_insert (orphans, g_strdup (f->path), list);
        }
      for (guint i = 0; i < f->pending->len; i++)
        g_ptr_array_add (list, g_ptr_array_steal_index (f->pending, i--));
    }
  rc = f->real->pMethods->xClose (f->real);
  g_ptr_array_unref (f->pending);
  g_free (f->real);
  g_free (f->path);
  return rc;
}

static sqlite3_int64
pending_end (ShimFile *f)
{
  sqlite3_int64 end = 0;

  for (guint i = 0; i < f->pending->len; i++)
    {
      Write *w = g_ptr_array_index (f->pending, i);

      end = MAX (end, w->offset + w->len);
    }
  return end;
}

static int
shim_read (sqlite3_file  *file,
           void          *buf,
           int            amt,
           sqlite3_int64  offset)
{
  ShimFile *f = (ShimFile *) file;
  sqlite3_int64 size = 0;
  int rc;

  if (power_cut)
    return SQLITE_IOERR_READ;
  rc = f->real->pMethods->xRead (f->real, buf, amt, offset);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return rc;
  /* What was written and not yet synced is what a reader sees. */
  for (guint i = 0; i < f->pending->len; i++)
    {
      Write *w = g_ptr_array_index (f->pending, i);
      sqlite3_int64 from = MAX (offset, w->offset);
      sqlite3_int64 to = MIN (offset + amt, w->offset + w->len);

      if (from < to)
        memcpy ((guint8 *) buf + (from - offset), w->data + (from - w->offset), to - from);
    }
  f->real->pMethods->xFileSize (f->real, &size);
  size = MAX (size, pending_end (f));
  return offset + amt <= size ? SQLITE_OK : SQLITE_IOERR_SHORT_READ;
}

static int
shim_write (sqlite3_file  *file,
            const void    *buf,
            int            amt,
            sqlite3_int64  offset)
{
  ShimFile *f = (ShimFile *) file;
  Write *w;

  if (!io_allowed ())
    return SQLITE_IOERR_WRITE;
  w = g_new (Write, 1);
  w->offset = offset;
  w->len = amt;
  w->data = g_memdup2 (buf, amt);
  g_ptr_array_add (f->pending, w);
  return SQLITE_OK;
}

static int
shim_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  if (!io_allowed ())
    return SQLITE_IOERR_TRUNCATE;
  /* Kept simple: a truncation reaches the disk with what came before. */
  rc = flush_pending (f);
  return rc != SQLITE_OK ? rc : f->real->pMethods->xTruncate (f->real, size);
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  if (!io_allowed ())
    return SQLITE_IOERR_FSYNC;
  rc = flush_pending (f);
  return rc != SQLITE_OK ? rc : f->real->pMethods->xSync (f->real, flags);
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  ShimFile *f = (ShimFile *) file;
  int rc = f->real->pMethods->xFileSize (f->real, size);

  if (power_cut)
    return SQLITE_IOERR_FSTAT;
  *size = MAX (*size, pending_end (f));
  return rc;
}

#define PASS(name, args, call) \
  static int shim_##name args { ShimFile *f = (ShimFile *) file; return f->real->pMethods->call; }

PASS (lock, (sqlite3_file *file, int level), xLock (f->real, level))
PASS (unlock, (sqlite3_file *file, int level), xUnlock (f->real, level))
PASS (check_reserved, (sqlite3_file *file, int *out), xCheckReservedLock (f->real, out))
PASS (file_control, (sqlite3_file *file, int op, void *arg), xFileControl (f->real, op, arg))
PASS (sector_size, (sqlite3_file *file), xSectorSize (f->real))
PASS (device_characteristics, (sqlite3_file *file), xDeviceCharacteristics (f->real))
PASS (shm_map, (sqlite3_file *file, int page, int size, int extend, void volatile **out),
      xShmMap (f->real, page, size, extend, out))
PASS (shm_lock, (sqlite3_file *file, int offset, int n, int flags), xShmLock (f->real, offset, n, flags))
PASS (shm_unmap, (sqlite3_file *file, int delete_flag), xShmUnmap (f->real, delete_flag))

static void
shim_shm_barrier (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *) file;

  f->real->pMethods->xShmBarrier (f->real);
}

static int
shim_fetch (sqlite3_file   *file,
            sqlite3_int64   offset,
            int             amt,
            void          **out)
{
  /* No memory mapping: reads must see held-back writes. */
  *out = NULL;
  return SQLITE_OK;
}

static int
shim_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *p)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods shim_io = {
  .iVersion = 3,
  .xClose = shim_close,
  .xRead = shim_read,
  .xWrite = shim_write,
  .xTruncate = shim_truncate,
  .xSync = shim_sync,
  .xFileSize = shim_file_size,
  .xLock = shim_lock,
  .xUnlock = shim_unlock,
  .xCheckReservedLock = shim_check_reserved,
  .xFileControl = shim_file_control,
  .xSectorSize = shim_sector_size,
  .xDeviceCharacteristics = shim_device_characteristics,
  .xShmMap = shim_shm_map,
  .xShmLock = shim_shm_lock,
  .xShmBarrier = shim_shm_barrier,
  .xShmUnmap = shim_shm_unmap,
  .xFetch = shim_fetch,
  .xUnfetch = shim_unfetch,
};

static int
shim_open (sqlite3_vfs   *vfs,
           const char    *name,
           sqlite3_file  *file,
           int            flags,
           int           *out_flags)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  f->base.pMethods = NULL;
  if (power_cut)
    return SQLITE_CANTOPEN;
  f->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      g_free (f->real);
      return rc;
    }
  f->path = g_strdup (name ? name : "");
  f->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
  /* A file reopened before the cut sees what was held back for it. */
  if (name != NULL && g_hash_table_lookup (orphans, name) != NULL)
    {
      g_autoptr(GPtrArray) list = NULL;

      g_hash_table_steal_extended (orphans, name, NULL, (gpointer *) &list);
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (f->pending, g_ptr_array_steal_index (list, i--));
    }
  f->base.pMethods = &shim_io;
  return SQLITE_OK;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  if (!io_allowed ())
    return SQLITE_IOERR_DELETE;
  g_hash_table_remove (orphans, name);
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n,
                    char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          us)
{
  return real_vfs->xSleep (real_vfs, us);
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static void
shim_register (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = sizeof (ShimFile),
    .mxPathname = real_vfs->mxPathname,
    .zName = "vt-power-loss",
    .xOpen = shim_open,
    .xDelete = shim_delete,
    .xAccess = shim_access,
    .xFullPathname = shim_full_pathname,
    .xRandomness = shim_randomness,
    .xSleep = shim_sleep,
    .xGetLastError = shim_get_last_error,
    .xCurrentTimeInt64 = shim_current_time_int64,
  };
  orphans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  /* The default, so that the store's own open goes through it. */
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

/* The power comes back: of what was held back, a random half had reached
 * the disk. */
static void
power_restored (GRand *rand)
{
  GHashTableIter iter;
  gpointer path, list;

  g_hash_table_iter_init (&iter, orphans);
  while (g_hash_table_iter_next (&iter, &path, &list))
    {
      sqlite3_file *real = g_malloc0 (real_vfs->szOsFile);
      int out_flags = 0;

      if (real_vfs->xOpen (real_vfs, path, real, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB, &out_flags) == SQLITE_OK)
        {
          GPtrArray *writes = list;

          for (guint i = 0; i < writes->len; i++)
            if (g_rand_boolean (rand))
              apply_write (real, g_ptr_array_index (writes, i));
          real->pMethods->xClose (real);
        }
      g_free (real);
    }
  g_hash_table_remove_all (orphans);
  power_cut = FALSE;
  cut_after = 0;
  io_calls = 0;
}

/* The test ------------------------------------------------------------------ */

typedef struct
{
  guint rounds;
  guint corrupt;
  guint lost;                   /* confirmed saves missing */
  guint partial;                /* saves found in part */
  guint confirmed;
} Outcome;

static void
check_file (const char *path,
            GPtrArray  *confirmed,
            Outcome    *out)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  /* Without the shim: as the next start of the app would. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, real_vfs->zName), ==, SQLITE_OK);
  ok = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      out->corrupt++;
      sqlite3_close (db);
      return;
    }

  /* Every confirmed save is there... */
  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM suppliers WHERE uuid = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      out->corrupt++;
      sqlite3_close (db);
      return;
    }
  for (guint i = 0; i < confirmed->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (confirmed, i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        out->lost++;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  /* ...and no save is there in part: each supplier has its contact and
   * its audit row, written in the same transaction. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                     "SELECT count(*) FROM suppliers s WHERE "
                     "(SELECT count(*) FROM contacts c WHERE c.supplier_id = s.id) <> 1 "
                     "OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = s.uuid)",
                     -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out->partial += sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
run_rounds (Fixture    *f,
            const char *journal_mode,
            gboolean    sync_off,
            guint       rounds,
            Outcome    *out)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (sync_off ? 3 : 5);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *mode_sql = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);
  g_autoptr(GPtrArray) confirmed = g_ptr_array_new_with_free_func (g_free);

  shim_register ();
  {
    g_autoptr(VtStore) store = open_new_store (f);
  }

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VtSqliteBackend) sqlite = vt_sqlite_backend_open (f->path, VT_STORE_OPEN_NONE, &error);
      VtBackend *backend;

      g_assert_no_error (error);
      backend = VT_BACKEND (sqlite);
      g_assert_cmpint (sqlite3_exec (vt_sqlite_backend_get_db (sqlite), mode_sql, NULL, NULL, NULL), ==, SQLITE_OK);
      if (sync_off)
        g_assert_cmpint (sqlite3_exec (vt_sqlite_backend_get_db (sqlite), "PRAGMA synchronous = OFF",
                                       NULL, NULL, NULL), ==, SQLITE_OK);

      /* The power goes at a random I/O call within the next saves. */
      io_calls = 0;
      /* A save takes about 50 calls (pages of the tables, the indexes and
       * the search index, then the sync). */
      cut_after = g_rand_int_range (rand, 1, 600);
      for (guint i = 0; i < 40; i++)
        {
          g_autofree char *name = g_strdup_printf ("Công ty Điện lực %u-%u", r, i);
          g_autoptr(VtSupplier) s = make_test_supplier (name, NULL);

          g_ptr_array_add (s->contacts, vt_contact_new ("Trần", "Thị", "Lan"));
          if (!vt_backend_save_supplier (backend, s, NULL))
            break;
          g_ptr_array_add (confirmed, g_strdup (s->uuid));
        }
      /* The saves may all have fitted before the cut: cut it now. */
      power_cut = TRUE;
      g_clear_object (&sqlite);
      power_restored (rand);
      g_unlink (shm);

      check_file (f->path, confirmed, out);
      out->rounds++;
      if (out->corrupt > 0)
        {
          /* A damaged file cannot be worked on: start again. */
          fixture_tear_down (f, NULL);
          fixture_set_up (f, NULL);
          g_ptr_array_set_size (confirmed, 0);
          g_clear_pointer (&shm, g_free);
          shm = g_strconcat (f->path, "-shm", NULL);
          {
            g_autoptr(VtStore) store = open_new_store (f);
          }
        }
    }
  out->confirmed = confirmed->len;
}

static void
test_full_sync (Fixture       *f,
                gconstpointer  data)
{
  Outcome out = { 0 };

  run_rounds (f, data, FALSE, g_test_slow () ? 300 : 100, &out);
  g_test_message ("%s: %u power cuts, %u confirmed saves; %u damaged, %u lost, %u partial",
                  (const char *) data, out.rounds, out.confirmed, out.corrupt, out.lost, out.partial);
  g_assert_cmpuint (out.confirmed, >, out.rounds);
  g_assert_cmpuint (out.corrupt, ==, 0);
  g_assert_cmpuint (out.lost, ==, 0);
  g_assert_cmpuint (out.partial, ==, 0);
}

/* The control: without syncs the same cuts must do harm, or the test
 * above would pass whatever the settings. */
static void
test_sync_off_is_caught (Fixture       *f,
                         gconstpointer  data)
{
  Outcome out = { 0 };

  run_rounds (f, data, TRUE, 20, &out);
  g_test_message ("%s, synchronous=OFF: %u power cuts; %u damaged, %u lost, %u partial",
                  (const char *) data, out.rounds, out.corrupt, out.lost, out.partial);
  g_assert_cmpuint (out.corrupt + out.lost + out.partial, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/power-loss/wal", Fixture, "WAL", fixture_set_up, test_full_sync, fixture_tear_down);
  g_test_add ("/core/power-loss/delete", Fixture, "DELETE", fixture_set_up, test_full_sync, fixture_tear_down);
  g_test_add ("/core/power-loss/wal-sync-off", Fixture, "WAL", fixture_set_up, test_sync_off_is_caught,
              fixture_tear_down);
  g_test_add ("/core/power-loss/delete-sync-off", Fixture, "DELETE", fixture_set_up, test_sync_off_is_caught,
              fixture_tear_down);
  return g_test_run ();
}
