/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-sqlite-backend.c: the embedded SQLite backend.
 *
 * One object owns one connection and is used by one thread (VtStore's
 * worker). A database file may come from anywhere, so it is opened with
 * SQLite's hardening (defensive mode, untrusted schema, no triggers or
 * views, cell size checks, no mmap), its schema is compared with the one
 * our migrations build before anything else runs, and quick_check runs on
 * open. See RELIABILITY.md for the measurements behind these choices.
 */

#define G_LOG_DOMAIN "vt-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vt-assessment.h"
#include "vt-attachment.h"
#include "vt-audit.h"
#include "vt-collation.h"
#include "vt-core-resources.h"
#include "vt-criteria.h"
#include "vt-error.h"
#include "vt-import.h"
#include "vt-import-match.h"
#include "vt-improvement-action.h"
#include "vt-person.h"
#include "vt-readiness.h"
#include "vt-round.h"
#include "vt-round-stats.h"
#include "vt-schema-digest.h"
#include "vt-search.h"
#include "vt-search-cache.h"
#include "vt-search-keys.h"
#include "vt-sqlite-backend.h"
#include "vt-supplier.h"
#include "vt-supplier-query.h"
#include "vt-supplier-summary.h"
#include "vt-visit.h"

#define MIGRATIONS_PATH "/vn/vitask/Suppliers/sql/"
#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define SEARCH_INDEX_VERSION 3
#define SQLITE_HEADER "SQLite format 3"

struct _VtSqliteBackend
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;     /* SQL text → sqlite3_stmt, prepared once */
  const char *journal_mode;
  int         schema_version;
  guint       tx_depth;
  gboolean    read_only;

  /* The search keys in memory, and the data_version (which counts other
   * connections' commits) they were read at. NULL until built, and again
   * whenever a search key may have changed. */
  VtSearchCache *search_cache;
  gint64         search_cache_version;
  /* The writes of this connection when the cache was read: it also holds
   * stages, rounds and readiness, which change without a search key. */
  gint64         search_cache_changes;

  /* Written into the reason of every audit row while set: a save that
   * asked the person why (a target changed mid-round). */
  const char *audit_reason;

  /* While an import runs: the one time written on every row it saves, and
   * the 2025 unit of each province already looked up ("list\x1fcode" →
   * code), so that a 100 000-row file does not ask for them each row. */
  char       *import_now;
  GHashTable *import_provinces;

  /* The id of the supplier save_supplier_tx() saved last. */
  gint64      saved_id;
};

static void vt_sqlite_backend_iface_init (VtBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtSqliteBackend, vt_sqlite_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VT_TYPE_BACKEND, vt_sqlite_backend_iface_init))

/* Statements come from the cache and go back reset, so that no read
 * transaction stays open between calls. */
typedef sqlite3_stmt VtStmt;

static void
vt_stmt_release (VtStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtStmt, vt_stmt_release)

/* Statements built at run time (searches) are not cached. */
typedef sqlite3_stmt VtOwnedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtOwnedStmt, sqlite3_finalize)

/* Errors ------------------------------------------------------------------ */

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  VtStoreError code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = VT_STORE_ERROR_LOCKED;
      message = _("Another program is writing to this database, so it cannot be used just now. Wait a moment and try again; if it stays locked, close the other program or window that has it open.");
      break;
    case SQLITE_READONLY:
      code = VT_STORE_ERROR_READ_ONLY;
      message = _("This database can only be read: the file or its folder cannot be written. The change was not saved.");
      break;
    case SQLITE_FULL:
      code = VT_STORE_ERROR_FULL;
      message = _("The disk is full. The change was not saved; everything saved before is intact. Free some disk space and try again.");
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      code = VT_STORE_ERROR_IO;
      message = _("The disk or network failed while the database was being read or written. The change was not saved. Check the disk or the network connection and try again.");
      break;
    case SQLITE_CORRUPT:
      code = VT_STORE_ERROR_CORRUPT;
      message = _("The database file is damaged. Restore it from a backup, or ask for help; do not keep working in it.");
      break;
    case SQLITE_NOTADB:
      code = VT_STORE_ERROR_NOT_A_DATABASE;
      message = _("This file is not a VITASK Suppliers database.");
      break;
    case SQLITE_CONSTRAINT:
      code = VT_STORE_ERROR_INVALID;
      message = _("The change breaks a rule of the database (a value out of range, a duplicate, or a record still in use) and was not saved.");
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      return;
    default:
      code = VT_STORE_ERROR_FAILED;
      message = _("The database reported an error.");
      break;
    }

  /* The technical detail helps whoever is asked for help. */
  g_set_error (error, VT_STORE_ERROR, code, "%s (%s)", message, detail);
}

static gboolean
exec_sql (VtSqliteBackend  *self,
          const char       *sql,
          GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

static VtStmt *
prepare (VtSqliteBackend  *self,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows (or whose rows do not matter). */
static gboolean
step_done (VtSqliteBackend  *self,
           VtStmt           *stmt,
           GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

/* Returns SQLITE_ROW, SQLITE_DONE, or -1 with @error set. */
static int
step_row (VtSqliteBackend  *self,
          VtStmt           *stmt,
          GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  set_sqlite_error (error, self->db, rc);
  return -1;
}

static void
bind_text (VtStmt     *stmt,
           int         index,
           const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_text_take (VtStmt *stmt,
                int     index,
                char   *text)
{
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      sqlite3_bind_null (stmt, index);
    }
  else
    sqlite3_bind_text (stmt, index, text, -1, g_free);
}

static void
bind_int (VtStmt *stmt,
          int     index,
          gint64  value,
          gint64  unset)
{
  if (value == unset)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_bytes (VtStmt *stmt,
            int     index,
            GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  sqlite3_bind_blob64 (stmt, index, size ? data : "", size, SQLITE_TRANSIENT);
}

static char *
column_dup (VtStmt *stmt,
            int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gint64
column_int (VtStmt *stmt,
            int     column,
            gint64  unset)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return unset;
  return sqlite3_column_int64 (stmt, column);
}

static GDateTime *
column_time (VtStmt *stmt,
             int     column)
{
  return vt_time_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

static void
column_date (VtStmt *stmt,
             int     column,
             GDate  *date)
{
  vt_date_from_iso (date, (const char *) sqlite3_column_text (stmt, column));
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return vt_time_to_iso (now);
}

/* The time to write on a change: the import's, while one runs. */
static char *
change_time (VtSqliteBackend *self)
{
  return self->import_now ? g_strdup (self->import_now) : now_iso ();
}

/* Transactions ------------------------------------------------------------ */

/* The outermost level takes the write lock at once (BEGIN IMMEDIATE), so
 * that a busy database fails at the start, after the busy timeout, rather
 * than half-way. Inner levels are savepoints. */
static gboolean
tx_begin (VtSqliteBackend  *self,
          GError          **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                           _("This database is open read-only. The change was not saved."));
      return FALSE;
    }

  if (!exec_sql (self, self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT vt", error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static void
tx_rollback (VtSqliteBackend *self)
{
  g_return_if_fail (self->tx_depth > 0);

  self->tx_depth--;
  /* SQLite may already have rolled back the whole transaction (disk full,
   * I/O error); then there is nothing left to roll back. */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (self->tx_depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO vt; RELEASE vt", NULL, NULL, NULL);
}

static gboolean
tx_commit (VtSqliteBackend  *self,
           GError          **error)
{
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (sqlite3_get_autocommit (self->db))
    {
      /* Rolled back underneath us by an earlier error. */
      self->tx_depth--;
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                           _("The change was not saved because an earlier step failed."));
      return FALSE;
    }

  if (!exec_sql (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE vt", error))
    {
      tx_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

typedef gboolean (*TxFunc) (VtSqliteBackend  *self,
                            gpointer          data,
                            GError          **error);

/* Runs @func in one transaction: all of it is saved, or none. */
static gboolean
in_transaction (VtSqliteBackend  *self,
                TxFunc            func,
                gpointer          data,
                GError          **error)
{
  if (!tx_begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      tx_rollback (self);
      return FALSE;
    }
  return tx_commit (self, error);
}

/* Audit ------------------------------------------------------------------- */

static gboolean
audit (VtSqliteBackend  *self,
       const char       *action,
       const char       *entity,
       const char       *entity_id,
       const char       *field,
       const char       *old_value,
       const char       *new_value,
       GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self,
    "INSERT INTO audit_log (at, who, action, entity, entity_id, field, old_value, new_value, reason) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  bind_text_take (stmt, 1, change_time (self));
  bind_text (stmt, 2, self->actor);
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  bind_text (stmt, 5, entity_id);
  bind_text (stmt, 6, field);
  bind_text (stmt, 7, old_value);
  bind_text (stmt, 8, new_value);
  bind_text (stmt, 9, self->audit_reason);
  return step_done (self, stmt, error);
}

/* Logs one row per changed field between two field lists. */
static gboolean
audit_diff (VtSqliteBackend  *self,
            VtFields         *old_fields,
            VtFields         *new_fields,
            const char       *entity,
            const char       *entity_id,
            GError          **error)
{
  g_autoptr(GPtrArray) entries = vt_fields_diff (old_fields, new_fields, entity, entity_id);

  for (guint i = 0; i < entries->len; i++)
    {
      VtAuditEntry *e = g_ptr_array_index (entries, i);

      if (!audit (self, "update", entity, entity_id, e->field, e->old_value, e->new_value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
audit_id (VtSqliteBackend  *self,
          const char       *action,
          const char       *entity,
          gint64            id,
          const char       *label,
          GError          **error)
{
  char id_text[32];

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
  if (g_str_equal (action, "delete"))
    return audit (self, action, entity, id_text, NULL, label, NULL, error);
  return audit (self, action, entity, id_text, NULL, NULL, label, error);
}

static gboolean
check_version (gint64    stored,
               gint64    given,
               GError  **error)
{
  if (stored != given)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT,
                           _("Someone else changed this record after you opened it. Your changes were not saved; reload the record to see theirs, then make your changes again."));
      return FALSE;
    }
  return TRUE;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND,
                       _("The record no longer exists. Someone may have deleted it."));
}

/* Search keys ------------------------------------------------------------- */

/* The search cache ---------------------------------------------------------- */

static void
invalidate_search_cache (VtSqliteBackend *self)
{
  g_clear_pointer (&self->search_cache, vt_search_cache_free);
}

static gboolean
read_data_version (VtSqliteBackend *self,
                   gint64          *version)
{
  g_autoptr(VtStmt) stmt = prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The cache if it still holds what the file holds: another connection
 * (another window or process) may have committed since it was read. */
static VtSearchCache *
usable_search_cache (VtSqliteBackend *self)
{
  gint64 version;

  if (self->search_cache == NULL)
    return NULL;
  if (sqlite3_total_changes64 (self->db) != self->search_cache_changes
      || !read_data_version (self, &version) || version != self->search_cache_version)
    {
      invalidate_search_cache (self);
      return NULL;
    }
  return self->search_cache;
}

/* Reads the search keys and the columns the list filters and sorts by. */
static gboolean
read_search_keys (VtSqliteBackend *self,
                  gboolean       (*should_stop) (gpointer data),
                  gpointer         data)
{
  g_autoptr(VtSearchCache) cache = NULL;
  g_autoptr(VtStmt) stmt = NULL;
  gint64 version;
  guint n = 0;
  int rc;

  /* The version is read first: a commit by another connection between
   * the two reads makes the cache look older than it is, never newer. */
  if (!read_data_version (self, &version))
    return FALSE;
  stmt = prepare (self, "SELECT id, uuid, sort_key, search_fold, name_ko_initials, "
                        "round_id, stage, sector, province_2025, readiness "
                        "FROM suppliers ORDER BY sort_key, uuid", NULL);
  if (stmt == NULL)
    return FALSE;

  cache = vt_search_cache_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VtStage stage = -1;
      VtSector sector = -1;

      vt_search_cache_append (cache, sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
      if (!vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 6), &stage))
        stage = VT_N_STAGES;
      if (!vt_sector_from_string ((const char *) sqlite3_column_text (stmt, 7), &sector))
        sector = VT_SECTOR_OTHER + 1;
      vt_search_cache_set_attributes (cache, sqlite3_column_int64 (stmt, 5), stage, sector,
                                      (const char *) sqlite3_column_text (stmt, 8),
                                      sqlite3_column_double (stmt, 9));
      if ((n++ & 1023) == 0 && should_stop != NULL && should_stop (data))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  self->search_cache = g_steal_pointer (&cache);
  self->search_cache_version = version;
  self->search_cache_changes = sqlite3_total_changes64 (self->db);
  return TRUE;
}

/* Reads the visits' start times into the cache, for the sorts by last and
 * next visit. The file is read in order, the cache sorts them. */
static gboolean
read_visit_times (VtSqliteBackend *self,
                  gboolean       (*should_stop) (gpointer data),
                  gpointer         data)
{
  g_autoptr(VtStmt) stmt = prepare (self, "SELECT supplier_id, starts_at, status FROM visits", NULL);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 2);

      vt_search_cache_add_visit (self->search_cache, sqlite3_column_int64 (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 g_strcmp0 (status, "cancelled") != 0,
                                 g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "confirmed") == 0);
      if ((n++ & 4095) == 0 && should_stop != NULL && should_stop (data))
        {
          vt_search_cache_drop_visits (self->search_cache);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      vt_search_cache_drop_visits (self->search_cache);
      return FALSE;
    }
  vt_search_cache_finish_visits (self->search_cache);
  return TRUE;
}

/**
 * vt_sqlite_backend_idle:
 * @should_stop: called now and then; returning %TRUE gives up the work
 *
 * Work the store's worker does when no job waits: reading the search keys
 * into memory, then the visits' start times. Until the keys are read,
 * searches use the trigram index; until the visits are, the visit sorts
 * use SQL. Each part is kept once read, so that a person typing, which
 * gives the work up at each keystroke, does not keep the keys from ever
 * being read at 100 000 suppliers with half a million visits.
 *
 * Returns: %TRUE if the search cache is ready, visits included
 */
gboolean
vt_sqlite_backend_idle (VtSqliteBackend *self,
                        gboolean       (*should_stop) (gpointer data),
                        gpointer         data)
{
  if (usable_search_cache (self) == NULL)
    {
      if (self->tx_depth > 0 || !read_search_keys (self, should_stop, data))
        return FALSE;
    }
  if (!vt_search_cache_visits_finished (self->search_cache))
    {
      if (self->tx_depth > 0 || (should_stop != NULL && should_stop (data))
          || !read_visit_times (self, should_stop, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_search_index (VtSqliteBackend  *self,
                    gint64            id,
                    VtSearchKeys     *keys,
                    GError          **error)
{
  g_autoptr(VtStmt) del = NULL;
  g_autoptr(VtStmt) ins = NULL;

  invalidate_search_cache (self);
  del = prepare (self, "DELETE FROM supplier_fts WHERE rowid = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!step_done (self, del, error))
    return FALSE;

  ins = prepare (self, "INSERT INTO supplier_fts (rowid, names, initials, other) VALUES (?, ?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, id);
  sqlite3_bind_text (ins, 2, keys->fts_names, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 3, keys->initials, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 4, keys->fts_other, -1, SQLITE_STATIC);
  return step_done (self, ins, error);
}

/* Recomputes every derived search column and the trigram index from the
 * text people entered: after the migration that creates the index, and
 * whenever folding or collation rules change. */
static gboolean
reindex_suppliers (VtSqliteBackend  *self,
                   GError          **error)
{
  g_autoptr(VtStmt) sel = NULL;
  int rc;

  sel = prepare (self, "SELECT id, name_vi, name_en, name_ko, code, tax_code, products, industrial_zone FROM suppliers", error);
  if (sel == NULL)
    return FALSE;

  while ((rc = step_row (self, sel, error)) == SQLITE_ROW)
    {
      g_auto(VtSearchKeys) keys = { 0 };
      g_autoptr(VtStmt) upd = NULL;
      gint64 id = sqlite3_column_int64 (sel, 0);

      vt_search_keys_compute (&keys,
                           (const char *) sqlite3_column_text (sel, 1),
                           (const char *) sqlite3_column_text (sel, 2),
                           (const char *) sqlite3_column_text (sel, 3),
                           (const char *) sqlite3_column_text (sel, 4),
                           (const char *) sqlite3_column_text (sel, 5),
                           (const char *) sqlite3_column_text (sel, 6),
                           (const char *) sqlite3_column_text (sel, 7));

      upd = prepare (self, "UPDATE suppliers SET name_vi_fold = ?, name_en_fold = ?, name_ko_fold = ?, "
                           "name_ko_initials = ?, search_fold = ?, sort_key = ? WHERE id = ?", error);
      if (upd == NULL)
        return FALSE;
      bind_text (upd, 1, keys.name_vi_fold);
      bind_text (upd, 2, keys.name_en_fold);
      bind_text (upd, 3, keys.name_ko_fold);
      bind_text (upd, 4, keys.initials);
      sqlite3_bind_text (upd, 5, keys.search_fold, -1, SQLITE_STATIC);
      bind_bytes (upd, 6, keys.sort_key);
      sqlite3_bind_int64 (upd, 7, id);
      if (!step_done (self, upd, error) || !write_search_index (self, id, &keys, error))
        return FALSE;
    }

  return rc == SQLITE_DONE;
}

/* Migrations -------------------------------------------------------------- */

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The migration files, in version order; file N is "NNNN-name.sql" and
 * takes the schema from version N-1 to N. */
static GStrv
list_migrations (void)
{
  static gsize initialized;
  static GStrv names;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      GStrv found = g_resource_enumerate_children (vt_core_get_resource (), MIGRATIONS_PATH,
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      if (found == NULL)
        g_error ("The migrations are missing from the resources: %s", error->message);

      qsort (found, g_strv_length (found), sizeof (char *), compare_names);
      for (guint i = 0; found[i] != NULL; i++)
        if (g_ascii_strtoll (found[i], NULL, 10) != i + 1)
          g_error ("Migration %s is out of sequence: expected version %u", found[i], i + 1);
      names = found;
      g_once_init_leave (&initialized, 1);
    }

  return names;
}

int
vt_sqlite_get_latest_schema_version (void)
{
  return (int) g_strv_length (list_migrations ());
}

static int
read_user_version (sqlite3 *db,
                   int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return version;
}

static gboolean
apply_migration (sqlite3     *db,
                 int          version,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, list_migrations ()[version - 1], NULL);
  g_autoptr(GBytes) sql = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  int rc;

  sql = g_resource_lookup_data (vt_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;

  /* Resource data is always followed by a zero byte. */
  rc = sqlite3_exec (db, g_bytes_get_data (sql, NULL), NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

/**
 * vt_sqlite_migrate:
 * @db: a connection with foreign keys off
 * @target_version: the schema version wanted
 *
 * Applies the migrations from the database's user_version up to
 * @target_version as they are in the SQL files, each in one transaction
 * (DDL and user_version roll back together). The tests use it to build
 * databases of old versions; vt_sqlite_backend_open() also runs the C
 * steps that some versions need.
 */
gboolean
vt_sqlite_migrate (sqlite3  *db,
                   int       target_version,
                   GError  **error)
{
  int version = read_user_version (db, NULL);

  g_return_val_if_fail (target_version <= vt_sqlite_get_latest_schema_version (), FALSE);

  for (int v = version + 1; v <= target_version; v++)
    {
      int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db, rc);
          return FALSE;
        }
      if (!apply_migration (db, v, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db, rc);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Like vt_sqlite_migrate(), plus the steps SQL cannot do, inside the same
 * transaction as the migration that needs them. */
static gboolean
migrate_backend (VtSqliteBackend  *self,
                 GError          **error)
{
  int latest = vt_sqlite_get_latest_schema_version ();

  for (int v = self->schema_version + 1; v <= latest; v++)
    {
      if (!tx_begin (self, error))
        return FALSE;
      if (!apply_migration (self->db, v, error)
          || (v == SEARCH_INDEX_VERSION && !reindex_suppliers (self, error)))
        {
          tx_rollback (self);
          return FALSE;
        }
      if (!tx_commit (self, error))
        return FALSE;
      self->schema_version = v;
    }
  return TRUE;
}

/* Schema verification ----------------------------------------------------- */

static GHashTable *
read_schema (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);

  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        break;
      g_hash_table_insert (schema, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           g_strdup_printf ("%s\n%s\n%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc);
      return NULL;
    }
  return g_steal_pointer (&schema);
}

/* The digest build-aux/schema-digest.py computes, of the same rows. */
#define DIGEST_SQL "SELECT name, type, tbl_name, coalesce (sql, '') FROM sqlite_schema " \
                   "WHERE substr (name, 1, 11) <> 'sqlite_stat' ORDER BY name"

/**
 * vt_sqlite_schema_matches_build:
 * @version: the schema version @db says it has
 *
 * Whether @db holds exactly the schema that the migrations build for the
 * latest version, by the digest taken of it at build time: the check an
 * open makes first, since building the schema to compare with is most of
 * the time an open takes. When it fails, verify_schema() compares object
 * by object and says what differs.
 */
gboolean
vt_sqlite_schema_matches_build (sqlite3 *db,
                                int      version)
{
  g_autoptr(GChecksum) sha256 = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean matches;
  int rc;

  if (version != VT_SCHEMA_DIGEST_VERSION)
    return FALSE;
  if (sqlite3_prepare_v2 (db, DIGEST_SQL, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sha256 = g_checksum_new (G_CHECKSUM_SHA256);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      {
        g_checksum_update (sha256, sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i));
        g_checksum_update (sha256, (const guchar *) (i < 3 ? "\x1f" : "\x1e"), 1);
      }
  sqlite3_finalize (stmt);
  matches = rc == SQLITE_DONE && g_str_equal (g_checksum_get_string (sha256), VT_SCHEMA_DIGEST);
  return matches;
}

/* A file from elsewhere may carry a trigger that deletes every supplier,
 * or a view that never ends. Compare its schema, object by object, with
 * what our own migrations build for the same version, and refuse anything
 * else. Statistics tables from ANALYZE are harmless. */
static gboolean
verify_schema (sqlite3  *db,
               int       version,
               GError  **error)
{
  sqlite3 *expected_db = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer name, sql;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &expected_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, expected_db, SQLITE_NOMEM);
      sqlite3_close (expected_db);
      return FALSE;
    }
  ok = vt_sqlite_migrate (expected_db, version, error);
  if (ok)
    expected = read_schema (expected_db, error);
  sqlite3_close (expected_db);
  if (expected == NULL)
    return FALSE;

  actual = read_schema (db, error);
  if (actual == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    {
      const char *wanted = g_hash_table_lookup (expected, name);

      if (g_str_has_prefix (name, "sqlite_stat"))
        continue;
      if (wanted == NULL || !g_str_equal (wanted, sql))
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_UNTRUSTED,
                       _("This database contains something that VITASK Suppliers did not put there (“%s”). To protect your data it was not opened. If the file came from someone else, ask them for a backup made with VITASK Suppliers."),
                       (const char *) name);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (actual, name))
      {
        g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT,
                     _("Part of the database (“%s”) is missing. Restore it from a backup."),
                     (const char *) name);
        return FALSE;
      }

  return TRUE;
}

/* Opening ----------------------------------------------------------------- */

/* statfs magic numbers of file systems where SQLite's WAL mode is unsafe
 * (no shared memory between machines) or locking is unreliable. */
gboolean
vt_fs_type_is_network (unsigned long f_type)
{
  switch (f_type)
    {
    case 0x6969UL:      /* NFS */
    case 0x517BUL:      /* SMB */
    case 0xFF534D42UL:  /* CIFS */
    case 0xFE534D42UL:  /* SMB2 */
    case 0x65735546UL:  /* FUSE: GNOME Files shares (gvfs), sshfs */
    case 0x01021997UL:  /* 9P */
    case 0x00C36400UL:  /* Ceph */
    case 0x73757245UL:  /* Coda */
    case 0x5346414FUL:  /* AFS */
    case 0x564CUL:      /* NCP */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
vt_path_is_on_network_fs (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs buf;

  if (statfs (dir, &buf) != 0)
    return FALSE;
  return vt_fs_type_is_network ((unsigned long) buf.f_type);
}

/* Checks the first bytes before SQLite sees the file, so that a document
 * opened by mistake gets a clear answer. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *empty,
                   GError     **error)
{
  char header[100];
  FILE *file;
  gsize n;

  *empty = FALSE;
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, VT_STORE_ERROR,
                   saved_errno == ENOENT ? VT_STORE_ERROR_NOT_FOUND : VT_STORE_ERROR_IO,
                   _("The database file “%s” cannot be read: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    {
      *empty = TRUE;
      return TRUE;
    }
  if (n < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not a VITASK Suppliers database (it is not a database at all). It has not been changed."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
can_write (const char *path,
           gboolean    exists)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* SQLite writes journal files next to the database, so the folder must
   * be writable too. */
  if (exists && access (path, W_OK) != 0)
    return FALSE;
  return access (dir, W_OK) == 0;
}

static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  /* Our schema has neither; someone else's must not run. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 1000000);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 200);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 20);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0", NULL, NULL, NULL);
  /* 64 MiB of page cache: searches at 100 000 suppliers read the suppliers
   * table and the search index; the 2 MiB default makes them go to disk. */
  sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 gboolean     immutable,
                 GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *uri = NULL;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (immutable)
    {
      g_autofree char *base = g_filename_to_uri (path, NULL, error);

      if (base == NULL)
        return NULL;
      uri = g_strconcat (base, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri ? uri : path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  harden (db);
  return db;
}

static gboolean
quick_check (VtSqliteBackend  *self,
             GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self, "PRAGMA quick_check(1)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = step_row (self, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup, or ask for help; do not keep working in it."),
                   rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "?");
      return FALSE;
    }
  return TRUE;
}

static gboolean
setup_connection (VtSqliteBackend  *self,
                  GError          **error)
{
  int latest = vt_sqlite_get_latest_schema_version ();
  int rc;

  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);

  /* Reading the version parses the schema: the first point at which a
   * damaged or foreign file shows. Nothing has been written yet. */
  self->schema_version = read_user_version (self->db, &rc);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (self->schema_version > latest)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEWER_VERSION,
                   _("This database was written by a newer version of VITASK Suppliers (schema %d; this version knows up to %d). It has not been changed. Install the newer version to open it."),
                   self->schema_version, latest);
      return FALSE;
    }

  if (self->schema_version == 0)
    {
      g_autoptr(GHashTable) schema = read_schema (self->db, error);

      if (schema == NULL)
        return FALSE;
      if (g_hash_table_size (schema) > 0)
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE,
                       _("The file “%s” is a database of another program, not of VITASK Suppliers. It has not been changed."),
                       self->path);
          return FALSE;
        }
    }
  /* A file about to be migrated is checked first, so that a damaged one
   * is never written to; any other is checked in the background
   * (vt_sqlite_verify_file()), since that reads the whole file. */
  else if ((!vt_sqlite_schema_matches_build (self->db, self->schema_version)
            && !verify_schema (self->db, self->schema_version, error))
           || (self->schema_version < latest && !self->read_only && !quick_check (self, error)))
    return FALSE;

  if (self->read_only)
    {
      self->journal_mode = "read-only";
      if (self->schema_version < latest)
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                       _("This database was written by an older version of VITASK Suppliers and must be upgraded before use, but it can only be read. Open a writable copy instead."));
          return FALSE;
        }
      return exec_sql (self, "PRAGMA foreign_keys = ON", error);
    }

  /* WAL needs shared memory that network file systems do not share
   * between machines: use a rollback journal there. */
  self->journal_mode = vt_path_is_on_network_fs (self->path) ? "delete" : "wal";
  if (g_str_equal (self->journal_mode, "wal"))
    {
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error))
        return FALSE;
    }
  else if (!exec_sql (self, "PRAGMA journal_mode = DELETE", error))
    return FALSE;

  if (!exec_sql (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error))
    return FALSE;

  return migrate_backend (self, error);
}

/**
 * vt_sqlite_backend_open:
 * @path: the database file
 * @flags: %VT_STORE_OPEN_CREATE to create a missing file,
 *   %VT_STORE_OPEN_READ_ONLY never to write
 *
 * Opens, checks and, when needed, upgrades a database. Call it on the
 * thread that will use the backend.
 *
 * Returns: (transfer full): the backend, or %NULL with @error set to a
 *   %VT_STORE_ERROR that says what is wrong in words for office staff
 */
VtSqliteBackend *
vt_sqlite_backend_open (const char        *path,
                        VtStoreOpenFlags   flags,
                        GError           **error)
{
  g_autoptr(VtSqliteBackend) self = NULL;
  gboolean exists, empty = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !(flags & VT_STORE_OPEN_CREATE))
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND,
                   _("The database file “%s” does not exist."), path);
      return NULL;
    }
  /* The file holds the programme's data: only its owner may read it.
   * SQLite gives its journal and WAL files the same mode. */
  if (!exists && !(flags & VT_STORE_OPEN_READ_ONLY))
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          exists = TRUE;
        }
    }
  if (exists && !check_file_header (path, &empty, error))
    return NULL;

  self = g_object_new (VT_TYPE_SQLITE_BACKEND, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & VT_STORE_OPEN_READ_ONLY) || !can_write (path, exists);

  if (self->read_only && (!exists || empty))
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                   _("A new database cannot be created at “%s”: the folder cannot be written."), path);
      return NULL;
    }

  self->db = open_connection (path, self->read_only, FALSE, error);
  if (self->db == NULL)
    return NULL;

  if (self->read_only && read_user_version (self->db, NULL) < 0)
    {
      /* A WAL database in a folder we cannot write has no shared-memory
       * file to read through; read the file as it is instead. */
      sqlite3_close (self->db);
      self->db = open_connection (path, TRUE, TRUE, error);
      if (self->db == NULL)
        return NULL;
    }

  if (!setup_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static int
interrupt_if_cancelled (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

/**
 * vt_sqlite_verify_file:
 * @path: a database file, possibly open in a store at the same time
 *
 * Checks every page of @path for damage (PRAGMA quick_check) on a
 * connection of its own, so that it can run on any thread while the store
 * goes on working. Never writes.
 *
 * Returns: %FALSE with %VT_STORE_ERROR_CORRUPT if the file is damaged
 */
gboolean
vt_sqlite_verify_file (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(VtSqliteBackend) self = g_object_new (VT_TYPE_SQLITE_BACKEND, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  self->path = g_strdup (path);
  self->read_only = TRUE;
  self->db = open_connection (path, TRUE, FALSE, error);
  if (self->db == NULL)
    return FALSE;
  if (read_user_version (self->db, NULL) < 0)
    {
      sqlite3_close (self->db);
      self->db = open_connection (path, TRUE, TRUE, error);
      if (self->db == NULL)
        return FALSE;
    }
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);
  /* The check reads every page once: a page cache would only hold on to
   * memory (up to the 64 MiB of a store's connection, for nothing). */
  sqlite3_exec (self->db, "PRAGMA cache_size = -512", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, interrupt_if_cancelled, cancellable);

  if (quick_check (self, &local_error))
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

sqlite3 *
vt_sqlite_backend_get_db (VtSqliteBackend *self)
{
  g_return_val_if_fail (VT_IS_SQLITE_BACKEND (self), NULL);
  return self->db;
}

/**
 * vt_sqlite_backend_get_journal_mode:
 *
 * Returns: "wal" on a local disk, "delete" on a network file system,
 *   "read-only" when the file is open read-only
 */
const char *
vt_sqlite_backend_get_journal_mode (VtSqliteBackend *self)
{
  g_return_val_if_fail (VT_IS_SQLITE_BACKEND (self), NULL);
  return self->journal_mode;
}

void
vt_sqlite_backend_set_busy_timeout (VtSqliteBackend *self,
                                    int              milliseconds)
{
  g_return_if_fail (VT_IS_SQLITE_BACKEND (self));
  sqlite3_busy_timeout (self->db, milliseconds);
}

/* Suppliers --------------------------------------------------------------- */

static gboolean
lookup_supplier_id (VtSqliteBackend  *self,
                    const char       *uuid,
                    gint64           *id,
                    gint64           *version,
                    GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self, "SELECT id, version FROM suppliers WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  rc = step_row (self, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      set_not_found (error);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  if (version)
    *version = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
load_supplier_children (VtSqliteBackend  *self,
                        gint64            id,
                        VtSupplier       *s,
                        GError          **error)
{
  g_autoptr(VtStmt) certs = NULL;
  g_autoptr(VtStmt) customers = NULL;
  g_autoptr(VtStmt) contacts = NULL;
  int rc;

  certs = prepare (self, "SELECT id, standard, certificate_no, issuer, issued_on, expires_on "
                         "FROM certifications WHERE supplier_id = ? ORDER BY id", error);
  if (certs == NULL)
    return FALSE;
  sqlite3_bind_int64 (certs, 1, id);
  while ((rc = step_row (self, certs, error)) == SQLITE_ROW)
    {
      VtCertification *c = vt_certification_new ((const char *) sqlite3_column_text (certs, 1));

      c->id = sqlite3_column_int64 (certs, 0);
      c->certificate_no = column_dup (certs, 2);
      c->issuer = column_dup (certs, 3);
      column_date (certs, 4, &c->issued_on);
      column_date (certs, 5, &c->expires_on);
      g_ptr_array_add (s->certifications, c);
    }
  if (rc < 0)
    return FALSE;

  customers = prepare (self, "SELECT id, name, since_year, notes FROM korean_customers "
                             "WHERE supplier_id = ? ORDER BY id", error);
  if (customers == NULL)
    return FALSE;
  sqlite3_bind_int64 (customers, 1, id);
  while ((rc = step_row (self, customers, error)) == SQLITE_ROW)
    {
      VtCustomer *c = vt_customer_new ((const char *) sqlite3_column_text (customers, 1));

      c->id = sqlite3_column_int64 (customers, 0);
      c->since_year = column_int (customers, 2, 0);
      c->notes = column_dup (customers, 3);
      g_ptr_array_add (s->customers, c);
    }
  if (rc < 0)
    return FALSE;

  contacts = prepare (self, "SELECT id, family_name, middle_name, given_name, role, phone, email, languages "
                            "FROM contacts WHERE supplier_id = ? ORDER BY id", error);
  if (contacts == NULL)
    return FALSE;
  sqlite3_bind_int64 (contacts, 1, id);
  while ((rc = step_row (self, contacts, error)) == SQLITE_ROW)
    {
      VtContact *c = vt_contact_new ((const char *) sqlite3_column_text (contacts, 1),
                                     (const char *) sqlite3_column_text (contacts, 2),
                                     (const char *) sqlite3_column_text (contacts, 3));

      c->id = sqlite3_column_int64 (contacts, 0);
      c->role = column_dup (contacts, 4);
      c->phone = column_dup (contacts, 5);
      c->email = column_dup (contacts, 6);
      c->languages = column_dup (contacts, 7);
      g_ptr_array_add (s->contacts, c);
    }
  return rc == SQLITE_DONE;
}

static VtSupplier *
vt_sqlite_backend_get_supplier (VtBackend   *backend,
                                const char  *uuid,
                                GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(VtStmt) stmt = NULL;
  gint64 id;
  int rc;

  stmt = prepare (self,
    "SELECT id, uuid, version, code, name_vi, name_en, name_ko, tax_code, sector, products, "
    "province_list, province_code, industrial_zone, address, founded_year, employees, "
    "revenue_vnd, ownership, notes, stage, round_id, readiness, created_at, updated_at "
    "FROM suppliers WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, uuid);
  rc = step_row (self, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      set_not_found (error);
      return NULL;
    }

  s = vt_supplier_new ();
  id = sqlite3_column_int64 (stmt, 0);
  s->uuid = column_dup (stmt, 1);
  s->version = sqlite3_column_int64 (stmt, 2);
  s->code = column_dup (stmt, 3);
  s->name_vi = column_dup (stmt, 4);
  s->name_en = column_dup (stmt, 5);
  s->name_ko = column_dup (stmt, 6);
  s->tax_code = column_dup (stmt, 7);
  vt_sector_from_string ((const char *) sqlite3_column_text (stmt, 8), &s->sector);
  s->products = column_dup (stmt, 9);
  g_free (s->province_list);
  s->province_list = column_dup (stmt, 10);
  s->province_code = column_dup (stmt, 11);
  s->industrial_zone = column_dup (stmt, 12);
  s->address = column_dup (stmt, 13);
  s->founded_year = column_int (stmt, 14, 0);
  s->employees = column_int (stmt, 15, -1);
  s->revenue_vnd = column_int (stmt, 16, -1);
  vt_ownership_from_string ((const char *) sqlite3_column_text (stmt, 17), &s->ownership);
  s->notes = column_dup (stmt, 18);
  vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 19), &s->stage);
  s->round_id = column_int (stmt, 20, 0);
  s->readiness = sqlite3_column_double (stmt, 21);
  s->created_at = column_time (stmt, 22);
  s->updated_at = column_time (stmt, 23);
  if (s->province_list == NULL)
    s->province_list = g_strdup ("2025");
  sqlite3_reset (stmt);

  if (!load_supplier_children (self, id, s, error))
    return NULL;

  return g_steal_pointer (&s);
}

static gboolean
write_supplier_children (VtSqliteBackend  *self,
                         gint64            id,
                         gboolean          is_new,
                         VtSupplier       *s,
                         GError          **error)
{
  const char *deletes[] = {
    "DELETE FROM certifications WHERE supplier_id = ?",
    "DELETE FROM korean_customers WHERE supplier_id = ?",
    "DELETE FROM contacts WHERE supplier_id = ?",
  };

  /* Children are replaced as a whole: they have no identity of their own
   * outside their supplier, and the audit logs each list as one value. A
   * new supplier has none yet (deleting a supplier cascades to them). */
  for (guint i = 0; !is_new && i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(VtStmt) stmt = prepare (self, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < s->certifications->len; i++)
    {
      VtCertification *c = g_ptr_array_index (s->certifications, i);
      g_autoptr(VtStmt) stmt = prepare (self,
        "INSERT INTO certifications (supplier_id, standard, certificate_no, issuer, issued_on, expires_on) "
        "VALUES (?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, c->standard);
      bind_text (stmt, 3, c->certificate_no);
      bind_text (stmt, 4, c->issuer);
      bind_text_take (stmt, 5, vt_date_to_iso (&c->issued_on));
      bind_text_take (stmt, 6, vt_date_to_iso (&c->expires_on));
      if (!step_done (self, stmt, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (self->db);
    }

  for (guint i = 0; i < s->customers->len; i++)
    {
      VtCustomer *c = g_ptr_array_index (s->customers, i);
      g_autoptr(VtStmt) stmt = prepare (self,
        "INSERT INTO korean_customers (supplier_id, name, since_year, notes) VALUES (?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, c->name);
      bind_int (stmt, 3, c->since_year, 0);
      bind_text (stmt, 4, c->notes);
      if (!step_done (self, stmt, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (self->db);
    }

  for (guint i = 0; i < s->contacts->len; i++)
    {
      VtContact *c = g_ptr_array_index (s->contacts, i);
      g_autoptr(VtStmt) stmt = prepare (self,
        "INSERT INTO contacts (supplier_id, family_name, middle_name, given_name, role, phone, email, "
        "languages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, c->family_name);
      bind_text (stmt, 3, c->middle_name);
      bind_text (stmt, 4, c->given_name);
      bind_text (stmt, 5, c->role);
      bind_text (stmt, 6, c->phone);
      bind_text (stmt, 7, c->email);
      bind_text (stmt, 8, c->languages);
      if (!step_done (self, stmt, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (self->db);
    }

  return TRUE;
}

/* The 2025 unit a stored province belongs to; "" when none. */
static char *
province_2025 (VtSqliteBackend  *self,
               const VtSupplier *s,
               GError          **error)
{
  g_autoptr(VtStmt) stmt = NULL;
  g_autofree char *key = NULL;
  const char *known;
  char *found;
  int rc;

  if (s->province_code == NULL || *s->province_code == '\0')
    return g_strdup ("");

  if (self->import_provinces != NULL)
    {
      key = g_strconcat (s->province_list ? s->province_list : "", "\x1f", s->province_code, NULL);
      known = g_hash_table_lookup (self->import_provinces, key);
      if (known != NULL)
        return g_strdup (known);
    }

  stmt = prepare (self, "SELECT coalesce (successor_code, code) FROM provinces WHERE list_id = ? AND code = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, s->province_list);
  bind_text (stmt, 2, s->province_code);
  rc = step_row (self, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("Unknown province code “%s”."), s->province_code);
      return NULL;
    }
  found = column_dup (stmt, 0);
  if (key != NULL)
    g_hash_table_insert (self->import_provinces, g_steal_pointer (&key), g_strdup (found));
  return found;
}

static gboolean
insert_stage_change (VtSqliteBackend  *self,
                     gint64            supplier_id,
                     gint64            round_id,
                     int               from,
                     VtStage           to,
                     const char       *reason,
                     GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self,
    "INSERT INTO stage_history (supplier_id, round_id, at, who, from_stage, to_stage, reason) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  bind_int (stmt, 2, round_id, 0);
  bind_text_take (stmt, 3, change_time (self));
  bind_text (stmt, 4, self->actor);
  bind_text (stmt, 5, from < 0 ? NULL : vt_stage_to_string (from));
  bind_text (stmt, 6, vt_stage_to_string (to));
  bind_text (stmt, 7, reason);
  return step_done (self, stmt, error);
}

static gboolean
save_supplier_tx (VtSqliteBackend  *self,
                  gpointer          data,
                  GError          **error)
{
  VtSupplier *s = data;
  g_auto(VtSearchKeys) keys = { 0 };
  g_autofree char *province_now = NULL;
  g_autofree char *now = change_time (self);
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) old = NULL;
  g_autoptr(VtStmt) stmt = NULL;
  gboolean is_new = s->version == 0;
  gint64 id = 0;

  if (!vt_supplier_validate (s, error))
    return FALSE;

  province_now = province_2025 (self, s, error);
  if (province_now == NULL)
    return FALSE;

  vt_search_keys_compute (&keys, s->name_vi, s->name_en, s->name_ko, s->code, s->tax_code,
                       s->products, s->industrial_zone);

  if (is_new)
    {
      uuid = s->uuid ? g_strdup (s->uuid) : g_uuid_string_random ();
      stmt = prepare (self,
        "INSERT INTO suppliers (code, name_vi, name_en, name_ko, tax_code, sector, products, "
        "province_list, province_code, province_2025, industrial_zone, address, founded_year, "
        "employees, revenue_vnd, ownership, notes, name_vi_fold, name_en_fold, name_ko_fold, "
        "name_ko_initials, search_fold, sort_key, uuid, round_id, created_at, updated_at, version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?26, 1)", error);
    }
  else
    {
      old = vt_sqlite_backend_get_supplier (VT_BACKEND (self), s->uuid, error);
      if (old == NULL || !check_version (old->version, s->version, error))
        return FALSE;
      uuid = g_strdup (s->uuid);
      stmt = prepare (self,
        "UPDATE suppliers SET code = ?1, name_vi = ?2, name_en = ?3, name_ko = ?4, tax_code = ?5, "
        "sector = ?6, products = ?7, province_list = ?8, province_code = ?9, province_2025 = ?10, "
        "industrial_zone = ?11, address = ?12, founded_year = ?13, employees = ?14, "
        "revenue_vnd = ?15, ownership = ?16, notes = ?17, name_vi_fold = ?18, name_en_fold = ?19, "
        "name_ko_fold = ?20, name_ko_initials = ?21, search_fold = ?22, sort_key = ?23, "
        "updated_at = ?26, version = version + 1 "
        "WHERE uuid = ?24 AND version = ?27", error);
    }
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, s->code);
  bind_text (stmt, 2, s->name_vi);
  bind_text (stmt, 3, s->name_en);
  bind_text (stmt, 4, s->name_ko);
  bind_text (stmt, 5, s->tax_code);
  bind_text (stmt, 6, vt_sector_to_string (s->sector));
  bind_text (stmt, 7, s->products);
  bind_text (stmt, 8, s->province_code ? s->province_list : NULL);
  bind_text (stmt, 9, s->province_code);
  sqlite3_bind_text (stmt, 10, province_now, -1, SQLITE_STATIC);
  bind_text (stmt, 11, s->industrial_zone);
  bind_text (stmt, 12, s->address);
  bind_int (stmt, 13, s->founded_year, 0);
  bind_int (stmt, 14, s->employees, -1);
  bind_int (stmt, 15, s->revenue_vnd, -1);
  bind_text (stmt, 16, vt_ownership_to_string (s->ownership));
  bind_text (stmt, 17, s->notes);
  bind_text (stmt, 18, keys.name_vi_fold);
  bind_text (stmt, 19, keys.name_en_fold);
  bind_text (stmt, 20, keys.name_ko_fold);
  bind_text (stmt, 21, keys.initials);
  sqlite3_bind_text (stmt, 22, keys.search_fold, -1, SQLITE_STATIC);
  bind_bytes (stmt, 23, keys.sort_key);
  sqlite3_bind_text (stmt, 24, uuid, -1, SQLITE_STATIC);
  if (is_new)
    bind_int (stmt, 25, s->round_id, 0);
  sqlite3_bind_text (stmt, 26, now, -1, SQLITE_STATIC);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 27, s->version);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (is_new)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) != 1)
    return check_version (-1, s->version, error);
  else if (!lookup_supplier_id (self, uuid, &id, NULL, error))
    return FALSE;

  if (!write_supplier_children (self, id, is_new, s, error)
      || !write_search_index (self, id, &keys, error))
    return FALSE;

  if (is_new)
    {
      if (!insert_stage_change (self, id, s->round_id, -1, VT_STAGE_RECEIVED, NULL, error)
          || !audit (self, "insert", "supplier", uuid, NULL, NULL, s->name_vi, error))
        return FALSE;
    }
  else
    {
      g_autoptr(VtFields) old_fields = vt_supplier_to_fields (old);
      g_autoptr(VtFields) new_fields = vt_supplier_to_fields (s);

      if (!audit_diff (self, old_fields, new_fields, "supplier", uuid, error))
        return FALSE;
    }

  /* Only now that everything is written does the caller's record change. */
  self->saved_id = id;
  g_free (s->uuid);
  s->uuid = g_steal_pointer (&uuid);
  s->version = is_new ? 1 : s->version + 1;
  if (is_new)
    {
      s->stage = VT_STAGE_RECEIVED;
      g_clear_pointer (&s->created_at, g_date_time_unref);
      s->created_at = vt_time_from_iso (now);
    }
  g_clear_pointer (&s->updated_at, g_date_time_unref);
  s->updated_at = vt_time_from_iso (now);
  return TRUE;
}

static gboolean
vt_sqlite_backend_save_supplier (VtBackend   *backend,
                                 VtSupplier  *supplier,
                                 GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  gint64 saved_version = supplier->version;
  g_autofree char *saved_uuid = g_strdup (supplier->uuid);

  if (in_transaction (self, save_supplier_tx, supplier, error))
    return TRUE;

  /* Rolled back: the record must not claim to be saved. */
  supplier->version = saved_version;
  g_free (supplier->uuid);
  supplier->uuid = g_steal_pointer (&saved_uuid);
  return FALSE;
}

typedef struct
{
  const char *uuid;
  gint64      version;
} DeleteSupplier;

static gboolean
delete_supplier_tx (VtSqliteBackend  *self,
                    gpointer          data,
                    GError          **error)
{
  DeleteSupplier *d = data;
  g_autoptr(VtStmt) name = NULL;
  g_autoptr(VtStmt) fts = NULL;
  g_autoptr(VtStmt) del = NULL;
  g_autofree char *label = NULL;
  gint64 id, version;

  if (!lookup_supplier_id (self, d->uuid, &id, &version, error)
      || !check_version (version, d->version, error))
    return FALSE;

  name = prepare (self, "SELECT name_vi FROM suppliers WHERE id = ?", error);
  if (name == NULL)
    return FALSE;
  sqlite3_bind_int64 (name, 1, id);
  if (step_row (self, name, error) != SQLITE_ROW)
    return FALSE;
  label = column_dup (name, 0);

  invalidate_search_cache (self);
  fts = prepare (self, "DELETE FROM supplier_fts WHERE rowid = ?", error);
  del = prepare (self, "DELETE FROM suppliers WHERE id = ?", error);
  if (fts == NULL || del == NULL)
    return FALSE;
  sqlite3_bind_int64 (fts, 1, id);
  sqlite3_bind_int64 (del, 1, id);
  return step_done (self, fts, error)
      && step_done (self, del, error)
      && audit (self, "delete", "supplier", d->uuid, NULL, label, NULL, error);
}

static gboolean
vt_sqlite_backend_delete_supplier (VtBackend   *backend,
                                   const char  *uuid,
                                   gint64       version,
                                   GError     **error)
{
  DeleteSupplier d = { uuid, version };

  return in_transaction (VT_SQLITE_BACKEND (backend), delete_supplier_tx, &d, error);
}

static gboolean check_round_open (VtSqliteBackend  *self,
                                  gint64            round_id,
                                  GError          **error);

/* The current stage is the last history row; suppliers.stage caches it. */
static gboolean
current_stage (VtSqliteBackend  *self,
               gint64            supplier_id,
               VtStage          *stage,
               GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT to_stage FROM stage_history WHERE supplier_id = ? ORDER BY id DESC LIMIT 1", error);
  int rc;

  *stage = VT_STAGE_RECEIVED;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  rc = step_row (self, stmt, error);
  if (rc == SQLITE_ROW)
    vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), stage);
  return rc >= 0;
}

typedef struct
{
  const char *uuid;
  gint64      round_id;
  VtStage     to;
  const char *reason;
} MoveStage;

static gboolean
move_stage_tx (VtSqliteBackend  *self,
               gpointer          data,
               GError          **error)
{
  MoveStage *m = data;
  g_autoptr(VtStmt) upd = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (m->reason ? m->reason : ""));
  gint64 id;
  gint64 round_id = m->round_id;
  VtStage from;

  if (!lookup_supplier_id (self, m->uuid, &id, NULL, error)
      || !current_stage (self, id, &from, error)
      || !vt_stage_check_transition (from, m->to, reason, error))
    return FALSE;

  /* A move that keeps the supplier's round is still a step in that round:
   * the history row says which, so that the round's counts include it. */
  if (round_id == 0)
    {
      g_autoptr(VtStmt) sel = prepare (self, "SELECT round_id FROM suppliers WHERE id = ?", error);

      if (sel == NULL)
        return FALSE;
      sqlite3_bind_int64 (sel, 1, id);
      if (step_row (self, sel, error) != SQLITE_ROW)
        return FALSE;
      round_id = column_int (sel, 0, 0);
    }
  if (!check_round_open (self, round_id, error))
    return FALSE;

  upd = prepare (self, "UPDATE suppliers SET stage = ?, round_id = coalesce (?, round_id), "
                       "updated_at = ? WHERE id = ?", error);
  if (upd == NULL)
    return FALSE;
  bind_text (upd, 1, vt_stage_to_string (m->to));
  bind_int (upd, 2, m->round_id, 0);
  bind_text_take (upd, 3, now_iso ());
  sqlite3_bind_int64 (upd, 4, id);

  return insert_stage_change (self, id, round_id, from, m->to, reason, error)
      && step_done (self, upd, error)
      && audit (self, "update", "supplier", m->uuid, "stage",
                vt_stage_to_string (from), vt_stage_to_string (m->to), error);
}

static gboolean
vt_sqlite_backend_move_stage (VtBackend   *backend,
                              const char  *uuid,
                              gint64       round_id,
                              VtStage      to,
                              const char  *reason,
                              GError     **error)
{
  MoveStage m = { uuid, round_id, to, reason };

  return in_transaction (VT_SQLITE_BACKEND (backend), move_stage_tx, &m, error);
}

typedef struct
{
  const char * const *uuids;
  gint64              round_id;
  VtStage             to;
  const char         *reason;
} MoveStages;

/* Says which supplier a refused move was about, by the name people know
 * it by, since the message alone does not say it in a batch. */
static void
prefix_supplier_name (VtSqliteBackend  *self,
                      const char       *uuid,
                      GError          **error)
{
  g_autoptr(VtStmt) stmt = NULL;

  if (error == NULL || *error == NULL)
    return;
  stmt = prepare (self, "SELECT name_vi FROM suppliers WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return;
  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_prefix_error (error, "%s: ", (const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
move_stages_tx (VtSqliteBackend  *self,
                gpointer          data,
                GError          **error)
{
  MoveStages *ms = data;

  for (guint i = 0; ms->uuids[i] != NULL; i++)
    {
      MoveStage m = { ms->uuids[i], ms->round_id, ms->to, ms->reason };

      if (!move_stage_tx (self, &m, error))
        {
          prefix_supplier_name (self, ms->uuids[i], error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
vt_sqlite_backend_move_stages (VtBackend          *backend,
                               const char * const *uuids,
                               gint64              round_id,
                               VtStage             to,
                               const char         *reason,
                               GError            **error)
{
  MoveStages ms = { uuids, round_id, to, reason };

  return in_transaction (VT_SQLITE_BACKEND (backend), move_stages_tx, &ms, error);
}

static GPtrArray *
vt_sqlite_backend_list_stage_history (VtBackend   *backend,
                                      const char  *uuid,
                                      GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_stage_change_free);
  g_autoptr(VtStmt) stmt = NULL;
  gint64 id;
  int rc;

  if (!lookup_supplier_id (self, uuid, &id, NULL, error))
    return NULL;
  stmt = prepare (self, "SELECT id, round_id, at, who, from_stage, to_stage, reason "
                        "FROM stage_history WHERE supplier_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtStageChange *c = g_new0 (VtStageChange, 1);
      VtStage from;

      c->id = sqlite3_column_int64 (stmt, 0);
      c->round_id = column_int (stmt, 1, 0);
      c->at = column_time (stmt, 2);
      c->who = column_dup (stmt, 3);
      c->from = vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 4), &from) ? (int) from : -1;
      vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 5), &c->to);
      c->reason = column_dup (stmt, 6);
      g_ptr_array_add (list, c);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

/* Supplier queries -------------------------------------------------------- */

/* Values bound to a query built at run time, in order. */
typedef struct
{
  GString   *sql;
  GPtrArray *values;          /* GVariant */
} QueryBuilder;

static void
query_add (QueryBuilder *q,
           const char   *sql,
           GVariant     *value)
{
  g_string_append (q->sql, sql);
  if (value)
    g_ptr_array_add (q->values, g_variant_ref_sink (value));
}

static void
bind_variant (VtStmt   *stmt,
              int       index,
              GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt, index, g_variant_get_double (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize size;
      gconstpointer data = g_variant_get_fixed_array (value, &size, 1);

      sqlite3_bind_blob64 (stmt, index, size ? data : "", size, SQLITE_TRANSIENT);
    }
  else
    g_return_if_reached ();
}

static GVariant *
variant_from_bytes (GBytes *bytes)
{
  return g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes, TRUE);
}

/* How a supplier query is run. SQLite cannot know which of the search
 * index, a filter index or the sort index finds a page fastest, so the
 * store measures first (cheaply, with capped counts) and then says. */
typedef enum
{
  PLAN_BY_PAGE,               /* the search cache found the page itself */
  PLAN_BY_IDS,                /* the search cache found few matches: same as */
  PLAN_BY_SEARCH,             /* few trigram matches: fetch them, then sort */
  PLAN_BY_FILTER,             /* few rows pass the filters: same */
  PLAN_BY_ORDER,              /* many match: walk the sort index, stop at a page */
} Plan;

/* Above this many candidates a plan is "many". Trigram candidates are
 * cheap to check (they often all match), filter rows less so. */
#define FEW_MATCHES 20000
#define FEW_ROWS 5000
/* Up to this many exact matches from the search cache are fetched by id,
 * filtered and sorted; more are found by walking the sort index. */
#define FEW_IDS 5000
/* Counting many text matches exactly means testing every row; beyond this
 * the total is given as a lower bound (VtSupplierPage.total_exact). */
#define COUNT_CAP 1000

typedef struct
{
  GStrv    terms;
  gboolean initials;
  char    *match;               /* FTS5 expression, NULL without long terms */
  char    *ids;                 /* the exact matches, a JSON array, or NULL */
} SearchText;

static void
search_text_clear (SearchText *t)
{
  g_strfreev (t->terms);
  g_free (t->match);
  g_free (t->ids);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchText, search_text_clear)

static void
search_text_init (SearchText *t,
                  const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);

  t->terms = vt_search_split_terms (text);
  t->initials = vt_search_is_initials_query (text);
  for (guint i = 0; t->terms[i] != NULL; i++)
    {
      g_autofree char *indexed = vt_search_decompose_hangul (t->terms[i]);
      g_auto(GStrv) parts = NULL;
      g_autofree char *quoted = NULL;

      /* Only terms long enough to have a trigram can use the index. */
      if (g_utf8_strlen (indexed, -1) < 3)
        continue;
      parts = g_strsplit (indexed, "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (match, "%s%s : \"%s\"", match->len ? " AND " : "",
                              t->initials ? "initials" : "{names other}", quoted);
    }
  t->match = match->len ? g_strdup (match->str) : NULL;
}

static gboolean
has_filters (const VtSupplierQuery *query)
{
  return query->round_id > 0
      || (query->stage >= 0 && query->stage < VT_N_STAGES)
      || (query->sector >= 0 && query->sector <= VT_SECTOR_OTHER)
      || (query->province_code && *query->province_code)
      || (query->certification && *query->certification);
}

/* Appends " AND ..." for the filters; with @plus, in a form no index
 * serves, so that the planner walks the sort index instead. */
static void
add_filters (QueryBuilder          *q,
             const VtSupplierQuery *query,
             gboolean               plus)
{
  const char *p = plus ? "+" : "";
  g_autofree char *round_sql = g_strdup_printf (" AND %ss.round_id = ?", p);
  g_autofree char *stage_sql = g_strdup_printf (" AND %ss.stage = ?", p);
  g_autofree char *sector_sql = g_strdup_printf (" AND %ss.sector = ?", p);
  g_autofree char *province_sql = g_strdup_printf (" AND %ss.province_2025 = ?", p);

  if (query->round_id > 0)
    query_add (q, round_sql, g_variant_new_int64 (query->round_id));
  if (query->stage >= 0 && query->stage < VT_N_STAGES)
    query_add (q, stage_sql, g_variant_new_string (vt_stage_to_string (query->stage)));
  if (query->sector >= 0 && query->sector <= VT_SECTOR_OTHER)
    query_add (q, sector_sql, g_variant_new_string (vt_sector_to_string (query->sector)));
  if (query->province_code && *query->province_code)
    query_add (q, province_sql, g_variant_new_string (query->province_code));
  if (query->certification && *query->certification)
    query_add (q, " AND EXISTS (SELECT 1 FROM certifications c WHERE c.supplier_id = s.id AND c.standard = ?)",
               g_variant_new_string (query->certification));
}

/* Every term is checked exactly against the folded text; with @use_index
 * the trigram index narrows the rows down first. */
static void
add_text (QueryBuilder *q,
          SearchText   *text,
          gboolean      use_index)
{
  if (text->ids != NULL)
    {
      /* The cache found exactly these: nothing is left to check. */
      query_add (q, " AND s.id IN (SELECT value FROM json_each (?))", g_variant_new_string (text->ids));
      return;
    }
  for (guint i = 0; text->terms[i] != NULL; i++)
    query_add (q, text->initials ? " AND instr (s.name_ko_initials, ?) > 0" : " AND instr (s.search_fold, ?) > 0",
               g_variant_new_string (text->terms[i]));
  if (use_index && text->match)
    query_add (q, " AND s.id IN (SELECT rowid FROM supplier_fts WHERE supplier_fts MATCH ?)",
               g_variant_new_string (text->match));
}

static QueryBuilder *
query_builder_new (const char *sql)
{
  QueryBuilder *q = g_new0 (QueryBuilder, 1);

  q->sql = g_string_new (sql);
  q->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  return q;
}

static void
query_builder_free (QueryBuilder *q)
{
  g_string_free (q->sql, TRUE);
  g_ptr_array_unref (q->values);
  g_free (q);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryBuilder, query_builder_free)

/* Stages in pipeline order; the same expression as the index
 * suppliers_stage_order (0007-pipeline.sql), so that the index serves it. */
#define STAGE_ORDER_SQL \
  "(CASE s.stage WHEN 'received' THEN 0 WHEN 'appraised' THEN 1 WHEN 'shortlisted' THEN 2 " \
  "WHEN 'first_visit_done' THEN 3 WHEN 'second_visit_done' THEN 4 " \
  "WHEN 'selected' THEN 5 WHEN 'in_support' THEN 6 " \
  "WHEN 'connected_to_buyer' THEN 7 WHEN 'rejected' THEN 8 " \
  "WHEN 'withdrawn' THEN 9 ELSE 10 END)"

/* The visit dates as the list shows them (?1 is now). Never NULL, since a
 * NULL would drop out of the keyset comparison: no visit sorts first. They
 * change with the clock, so no index can hold them; a sort by them reads
 * the visits index once per supplier (see bench/). */
#define LAST_VISIT_SQL \
  "coalesce ((SELECT max (v.starts_at) FROM visits v WHERE v.supplier_id = s.id " \
  "AND v.starts_at <= ?1 AND v.status <> 'cancelled'), '')"
#define NEXT_VISIT_SQL \
  "coalesce ((SELECT min (v.starts_at) FROM visits v WHERE v.supplier_id = s.id " \
  "AND v.starts_at > ?1 AND v.status IN ('planned', 'confirmed')), '')"

G_STATIC_ASSERT (VT_STAGE_WITHDRAWN == 9);

static const char *
sort_expression (VtSupplierSort sort)
{
  switch (sort)
    {
    case VT_SUPPLIER_SORT_STAGE:
      return STAGE_ORDER_SQL;
    case VT_SUPPLIER_SORT_SECTOR:
      return "s.sector";
    case VT_SUPPLIER_SORT_LAST_VISIT:
      return LAST_VISIT_SQL;
    case VT_SUPPLIER_SORT_NEXT_VISIT:
      return NEXT_VISIT_SQL;
    case VT_SUPPLIER_SORT_PROVINCE:
      return "s.province_2025";
    case VT_SUPPLIER_SORT_READINESS:
      return "s.readiness";
    case VT_SUPPLIER_SORT_UPDATED:
      return "s.updated_at";
    case VT_SUPPLIER_SORT_NAME:
    default:
      return NULL;
    }
}

static VtOwnedStmt *
prepare_built (VtSqliteBackend  *self,
               QueryBuilder     *q,
               GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, q->sql->str, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  for (guint i = 0; i < q->values->len; i++)
    bind_variant (stmt, (int) i + 1, g_ptr_array_index (q->values, i));
  return stmt;
}

/* Runs "SELECT count(*) ..." built in @q. */
static gboolean
run_count (VtSqliteBackend  *self,
           QueryBuilder     *q,
           guint64          *count,
           GError          **error)
{
  g_autoptr(VtOwnedStmt) stmt = prepare_built (self, q, error);

  if (stmt == NULL || step_row (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The sort and cursor of @query as the search cache takes them, or
 * %FALSE if the cache cannot answer it (a certification filter, or a sort
 * by a column it does not hold). */
static gboolean
cache_order (VtSearchCache         *cache,
             const VtSupplierQuery *query,
             const char            *now,
             VtSearchCacheOrder    *order)
{
  GVariant *value = query->after ? query->after->value : NULL;
  gint64 time;

  if (query->certification && *query->certification)
    return FALSE;

  memset (order, 0, sizeof *order);
  order->descending = query->descending;
  order->now = now;
  if (query->after != NULL)
    {
      order->after_key = g_bytes_get_data (query->after->sort_key, &order->after_key_len);
      order->after_uuid = query->after->uuid;
    }

  switch (query->sort)
    {
    case VT_SUPPLIER_SORT_NAME:
      order->sort = VT_SEARCH_CACHE_SORT_NAME;
      return TRUE;
    case VT_SUPPLIER_SORT_READINESS:
      order->sort = VT_SEARCH_CACHE_SORT_READINESS;
      if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        return FALSE;
      order->after_number = value ? g_variant_get_double (value) : 0;
      return TRUE;
    case VT_SUPPLIER_SORT_STAGE:
      order->sort = VT_SEARCH_CACHE_SORT_STAGE;
      if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return FALSE;
      order->after_number = value ? g_variant_get_int64 (value) : 0;
      return TRUE;
    case VT_SUPPLIER_SORT_SECTOR:
      {
        VtSector sector = VT_SECTOR_OTHER + 1;

        order->sort = VT_SEARCH_CACHE_SORT_SECTOR;
        if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
          return FALSE;
        if (value != NULL)
          vt_sector_from_string (g_variant_get_string (value, NULL), &sector);
        order->after_number = sector;
        return TRUE;
      }
    case VT_SUPPLIER_SORT_PROVINCE:
      order->sort = VT_SEARCH_CACHE_SORT_PROVINCE;
      if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return FALSE;
      order->after_text = value ? g_variant_get_string (value, NULL) : NULL;
      return TRUE;
    case VT_SUPPLIER_SORT_LAST_VISIT:
    case VT_SUPPLIER_SORT_NEXT_VISIT:
      order->sort = query->sort == VT_SUPPLIER_SORT_LAST_VISIT ? VT_SEARCH_CACHE_SORT_LAST_VISIT
                                                              : VT_SEARCH_CACHE_SORT_NEXT_VISIT;
      if (!vt_search_cache_has_visits (cache) || !vt_search_cache_parse_time (now, &time))
        return FALSE;
      if (value != NULL && !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return FALSE;
      order->after_text = value ? g_variant_get_string (value, NULL) : "";
      /* A cursor from elsewhere, in another form: SQL compares it. */
      if (order->after_text[0] != '\0' && !vt_search_cache_parse_time (order->after_text, &time))
        return FALSE;
      return TRUE;
    case VT_SUPPLIER_SORT_UPDATED:
    default:
      return FALSE;
    }
}

/* The sorts SQL answers slowly, by computing a value for every supplier:
 * the cache answers them even without a search. */
static gboolean
sort_needs_cache (VtSupplierSort sort)
{
  return sort == VT_SUPPLIER_SORT_LAST_VISIT || sort == VT_SUPPLIER_SORT_NEXT_VISIT;
}

/* Lets the search cache answer the text part of a query, which it does
 * exactly and without reading rows. Returns %FALSE when the cache is not
 * ready or finds too many matches for fetching them by id. */
static gboolean
plan_from_cache (VtSqliteBackend       *self,
                 const VtSupplierQuery *query,
                 SearchText            *text,
                 const char            *now,
                 guint                  page_size,
                 Plan                  *plan,
                 guint64               *total,
                 gboolean              *exact)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) json = g_string_new ("[");
  VtSearchCacheOrder order;
  VtSearchCache *cache;
  gboolean searching = text->terms[0] != NULL;

  if ((!searching && !sort_needs_cache (query->sort)) || (cache = usable_search_cache (self)) == NULL)
    return FALSE;

  if (cache_order (cache, query, now, &order))
    {
      VtSearchCacheFilter filter = {
        .round_id = query->round_id,
        .stage = query->stage >= 0 && query->stage < VT_N_STAGES ? query->stage : -1,
        .sector = query->sector >= 0 && query->sector <= VT_SECTOR_OTHER ? query->sector : -1,
        .province = query->province_code && *query->province_code ? query->province_code : NULL,
      };

      *total = vt_search_cache_query (cache, (const char **) text->terms, text->initials, &filter, &order,
                                      page_size + 1, COUNT_CAP, exact, ids);
      *plan = PLAN_BY_PAGE;
    }
  else if (!searching)
    return FALSE;
  else if (vt_search_cache_collect (cache, (const char **) text->terms, text->initials, FEW_IDS, ids))
    *plan = PLAN_BY_IDS;
  else
    {
      /* Matches are many, so walking an index finds a page soon; the
       * trigram index would only add work. */
      g_clear_pointer (&text->match, g_free);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  text->ids = g_string_free (g_steal_pointer (&json), FALSE);
  return TRUE;
}

static gboolean
choose_plan (VtSqliteBackend       *self,
             const VtSupplierQuery *query,
             SearchText            *text,
             Plan                  *plan,
             GError               **error)
{
  g_autofree char *capped = g_strdup_printf (" LIMIT %d)", FEW_ROWS + 1);
  g_autofree char *capped_matches = g_strdup_printf (" LIMIT %d)", FEW_MATCHES + 1);
  guint64 n;

  if (text->match)
    {
      g_autoptr(QueryBuilder) q = query_builder_new (
        "SELECT count(*) FROM (SELECT rowid FROM supplier_fts WHERE supplier_fts MATCH ?");

      g_ptr_array_add (q->values, g_variant_ref_sink (g_variant_new_string (text->match)));
      g_string_append (q->sql, capped_matches);
      if (!run_count (self, q, &n, error))
        return FALSE;
      if (n <= FEW_MATCHES)
        {
          *plan = PLAN_BY_SEARCH;
          return TRUE;
        }
    }

  if (has_filters (query))
    {
      g_autoptr(QueryBuilder) q = query_builder_new ("SELECT count(*) FROM (SELECT 1 FROM suppliers s WHERE 1");

      add_filters (q, query, FALSE);
      g_string_append (q->sql, capped);
      if (!run_count (self, q, &n, error))
        return FALSE;
      if (n <= FEW_ROWS)
        {
          *plan = PLAN_BY_FILTER;
          return TRUE;
        }
    }

  *plan = PLAN_BY_ORDER;
  return TRUE;
}

/* The number of matches: exact, except for text that matches many rows,
 * which is counted up to COUNT_CAP. */
static gboolean
count_matches (VtSqliteBackend       *self,
               const VtSupplierQuery *query,
               SearchText            *text,
               Plan                   plan,
               guint64               *total,
               gboolean              *exact,
               GError               **error)
{
  gboolean capped = text->terms[0] != NULL && plan == PLAN_BY_ORDER;
  g_autoptr(QueryBuilder) q = query_builder_new ("SELECT count(*) FROM (SELECT 1 FROM suppliers s WHERE 1");
  g_autofree char *limit = g_strdup_printf (" LIMIT %d)", COUNT_CAP + 1);

  add_filters (q, query, plan != PLAN_BY_FILTER && plan != PLAN_BY_ORDER);
  add_text (q, text, plan == PLAN_BY_SEARCH);
  g_string_append (q->sql, capped ? limit : ")");
  if (!run_count (self, q, total, error))
    return FALSE;
  *exact = !capped || *total <= COUNT_CAP;
  if (!*exact)
    *total = COUNT_CAP;
  return TRUE;
}

static VtSupplierPage *
vt_sqlite_backend_query_suppliers (VtBackend              *backend,
                                   const VtSupplierQuery  *query,
                                   GError                **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(VtSupplierPage) page = vt_supplier_page_new ();
  g_autoptr(VtOwnedStmt) stmt = NULL;
  g_autoptr(GBytes) last_key = NULL;
  g_autoptr(GVariant) last_value = NULL;
  g_autoptr(QueryBuilder) q = query_builder_new (NULL);
  g_auto(SearchText) text = { 0 };
  g_autofree char *last_uuid = NULL;
  g_autofree char *now = now_iso ();
  const char *expr = sort_expression (query->sort);
  const char *dir = query->descending ? "DESC" : "ASC";
  const char *sort_plus;
  guint page_size = CLAMP (query->page_size, 1, 1000);
  guint64 cache_total = 0;
  gboolean cache_exact = FALSE;
  Plan plan;
  gboolean window_count;
  guint n = 0;
  int rc;

  search_text_init (&text, query->text);
  if (!plan_from_cache (self, query, &text, now, page_size, &plan, &cache_total, &cache_exact)
      && !choose_plan (self, query, &text, &plan, error))
    return NULL;
  /* "+" keeps an index from serving the ORDER BY, so the planner fetches
   * the few rows first and sorts them. */
  sort_plus = plan == PLAN_BY_ORDER ? "" : "+";
  /* The few rows are all fetched and sorted anyway: count them on the way
   * (on the first page; later pages count again, from their cursor on). */
  window_count = plan != PLAN_BY_ORDER && plan != PLAN_BY_PAGE && query->after == NULL;

  /* The inner query finds the page by the sort keys alone; only its rows
   * get their display columns (the visit dates are subqueries), since
   * SQLite computes every result column before it sorts. */
  g_string_append_printf (q->sql,
    "SELECT s.uuid, s.name_vi, s.name_ko, p.short_name_vi, s.sector, s.stage, s.readiness, "
    "s.version, s.sort_key, page.value, "
    "(SELECT max (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at <= ?1 "
    "AND v.status <> 'cancelled'), "
    "(SELECT min (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at > ?1 "
    "AND v.status IN ('planned', 'confirmed')) "
    "%s FROM (SELECT s.id AS id, %s AS value%s FROM suppliers s WHERE 1",
    window_count ? ", page.total" : "", expr ? expr : "NULL",
    window_count ? ", count(*) OVER () AS total" : "");
  g_ptr_array_add (q->values, g_variant_ref_sink (g_variant_new_string (now)));

  add_filters (q, query, plan != PLAN_BY_FILTER);
  add_text (q, &text, plan == PLAN_BY_SEARCH);

  /* A page from the cache starts after the cursor already. */
  if (query->after != NULL && plan != PLAN_BY_PAGE)
    {
      const char *op = query->descending ? "<" : ">";

      if (expr && query->after->value)
        {
          g_string_append_printf (q->sql, " AND (%s, s.sort_key, s.uuid) %s (?, ?, ?)", expr, op);
          g_ptr_array_add (q->values, g_variant_ref (query->after->value));
        }
      else
        g_string_append_printf (q->sql, " AND (s.sort_key, s.uuid) %s (?, ?)", op);
      g_ptr_array_add (q->values, g_variant_ref_sink (variant_from_bytes (query->after->sort_key)));
      g_ptr_array_add (q->values, g_variant_ref_sink (g_variant_new_string (query->after->uuid)));
    }

  if (expr)
    g_string_append_printf (q->sql, " ORDER BY %s%s %s, %ss.sort_key %s, s.uuid %s",
                            sort_plus, expr, dir, sort_plus, dir, dir);
  else
    g_string_append_printf (q->sql, " ORDER BY %ss.sort_key %s, s.uuid %s", sort_plus, dir, dir);
  g_string_append_printf (q->sql, " LIMIT %u) AS page "
                          "JOIN suppliers s ON s.id = page.id "
                          "LEFT JOIN provinces p ON p.list_id = s.province_list AND p.code = s.province_code ",
                          page_size + 1);
  if (expr)
    g_string_append_printf (q->sql, "ORDER BY page.value %s, s.sort_key %s, s.uuid %s", dir, dir, dir);
  else
    g_string_append_printf (q->sql, "ORDER BY s.sort_key %s, s.uuid %s", dir, dir);

  stmt = prepare_built (self, q, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtSector sector = VT_SECTOR_OTHER;
      VtStage stage = VT_STAGE_RECEIVED;
      g_autoptr(GDateTime) last_visit = column_time (stmt, 10);
      g_autoptr(GDateTime) next_visit = column_time (stmt, 11);

      if (window_count && n == 0)
        page->total = sqlite3_column_int64 (stmt, 12);
      if (++n > page_size)
        {
          /* One row more than a page: there is a next page. */
          page->next = g_new0 (VtSupplierCursor, 1);
          page->next->value = g_steal_pointer (&last_value);
          page->next->sort_key = g_steal_pointer (&last_key);
          page->next->uuid = g_steal_pointer (&last_uuid);
          break;
        }

      vt_sector_from_string ((const char *) sqlite3_column_text (stmt, 4), &sector);
      vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 5), &stage);
      g_ptr_array_add (page->items,
                       g_object_new (VT_TYPE_SUPPLIER_SUMMARY,
                                     "uuid", sqlite3_column_text (stmt, 0),
                                     "name-vi", sqlite3_column_text (stmt, 1),
                                     "name-ko", sqlite3_column_text (stmt, 2),
                                     "province-name", sqlite3_column_text (stmt, 3),
                                     "sector", sector,
                                     "stage", stage,
                                     "readiness", CLAMP (sqlite3_column_double (stmt, 6), -1.0, 100.0),
                                     "version", sqlite3_column_int64 (stmt, 7),
                                     "last-visit", last_visit,
                                     "next-visit", next_visit,
                                     NULL));

      g_clear_pointer (&last_key, g_bytes_unref);
      g_clear_pointer (&last_value, g_variant_unref);
      g_free (last_uuid);
      last_uuid = column_dup (stmt, 0);
      last_key = g_bytes_new (sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
      switch (query->sort)
        {
        case VT_SUPPLIER_SORT_READINESS:
          last_value = g_variant_ref_sink (g_variant_new_double (sqlite3_column_double (stmt, 9)));
          break;
        case VT_SUPPLIER_SORT_STAGE:
          last_value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, 9)));
          break;
        case VT_SUPPLIER_SORT_PROVINCE:
        case VT_SUPPLIER_SORT_UPDATED:
        case VT_SUPPLIER_SORT_SECTOR:
        case VT_SUPPLIER_SORT_LAST_VISIT:
        case VT_SUPPLIER_SORT_NEXT_VISIT:
          last_value = g_variant_ref_sink (g_variant_new_string ((const char *) sqlite3_column_text (stmt, 9)));
          break;
        case VT_SUPPLIER_SORT_NAME:
        default:
          break;
        }
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  if (plan == PLAN_BY_PAGE)
    {
      page->total = cache_total;
      page->total_exact = cache_exact;
    }
  else if (window_count)
    page->total_exact = TRUE;
  else if (!count_matches (self, query, &text, plan, &page->total, &page->total_exact, error))
    return NULL;

  return g_steal_pointer (&page);
}

/* Rounds, people ---------------------------------------------------------- */

static GPtrArray *
vt_sqlite_backend_list_rounds (VtBackend  *backend,
                               GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(VtStmt) stmt = NULL;
  g_autoptr(VtStmt) targets = NULL;
  int rc;

  stmt = prepare (self, "SELECT id, version, name, year, starts_on, ends_on, notes, created_at, updated_at, "
                        "closed_at, closed_by, is_current "
                        "FROM rounds ORDER BY year DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtRound *r = vt_round_new ();

      r->id = sqlite3_column_int64 (stmt, 0);
      r->version = sqlite3_column_int64 (stmt, 1);
      r->name = column_dup (stmt, 2);
      r->year = sqlite3_column_int (stmt, 3);
      column_date (stmt, 4, &r->starts_on);
      column_date (stmt, 5, &r->ends_on);
      r->notes = column_dup (stmt, 6);
      r->created_at = column_time (stmt, 7);
      r->updated_at = column_time (stmt, 8);
      r->closed_at = column_time (stmt, 9);
      r->closed_by = column_dup (stmt, 10);
      r->is_current = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (list, r);
      g_hash_table_insert (by_id, &r->id, r);
    }
  if (rc < 0)
    return NULL;

  targets = prepare (self, "SELECT round_id, stage, target FROM round_targets", error);
  if (targets == NULL)
    return NULL;
  while ((rc = step_row (self, targets, error)) == SQLITE_ROW)
    {
      gint64 round_id = sqlite3_column_int64 (targets, 0);
      VtRound *r = g_hash_table_lookup (by_id, &round_id);
      VtStage stage;

      if (r && vt_stage_from_string ((const char *) sqlite3_column_text (targets, 1), &stage))
        r->targets[stage] = sqlite3_column_int (targets, 2);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static void
set_round_closed_error (VtRound  *round,
                        GError  **error)
{
  g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
               _("The round “%s” is closed. Its dossiers and targets can no longer change."),
               round->name);
}

static VtRound *find_round (VtSqliteBackend  *self,
                            gint64            id,
                            GError          **error);

/* Moves and target changes stop when a round is closed. */
static gboolean
check_round_open (VtSqliteBackend  *self,
                  gint64            round_id,
                  GError          **error)
{
  g_autoptr(VtStmt) stmt = NULL;
  int rc;

  if (round_id == 0)
    return TRUE;
  stmt = prepare (self, "SELECT name, closed_at FROM rounds WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = step_row (self, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                   _("The round “%s” is closed. Its dossiers and targets can no longer change."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static VtRound *
find_round (VtSqliteBackend  *self,
            gint64            id,
            GError          **error)
{
  g_autoptr(GPtrArray) rounds = vt_sqlite_backend_list_rounds (VT_BACKEND (self), error);

  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      if (r->id == id)
        return vt_round_ref (r);
    }
  set_not_found (error);
  return NULL;
}

/* What every saved record shares after its main row was inserted, or
 * updated with "WHERE id = ? AND version = ?": the new id or version, the
 * conflict check, and the audit rows. */
typedef struct
{
  const char *entity;
  gint64     *id;
  gint64     *version;
  VtFields   *old_fields;     /* NULL for an insert */
  VtFields   *new_fields;
  const char *label;
} SavedRecord;

static gboolean
finish_save (VtSqliteBackend  *self,
             SavedRecord      *r,
             GError          **error)
{
  char id_text[32];

  if (r->old_fields == NULL)
    {
      *r->id = sqlite3_last_insert_rowid (self->db);
      g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, *r->id);
      if (!audit (self, "insert", r->entity, id_text, NULL, NULL, r->label, error))
        return FALSE;
      *r->version = 1;
      return TRUE;
    }

  if (sqlite3_changes (self->db) != 1)
    return check_version (-1, *r->version, error);
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, *r->id);
  if (!audit_diff (self, r->old_fields, r->new_fields, r->entity, id_text, error))
    return FALSE;
  *r->version += 1;
  return TRUE;
}

static gboolean
save_round_tx (VtSqliteBackend  *self,
               gpointer          data,
               GError          **error)
{
  VtRound *r = data;
  g_autoptr(VtRound) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = vt_round_to_fields (r);
  g_autoptr(VtStmt) stmt = NULL;
  g_autoptr(VtStmt) del = NULL;
  SavedRecord saved = { "round", &r->id, &r->version, NULL, new_fields, r->name };
  gboolean saved_ok;

  if (r->name == NULL || *r->name == '\0' || r->year < 2000 || r->year > 2200)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("A round needs a name and a year."));
      return FALSE;
    }

  if (r->id != 0)
    {
      old = find_round (self, r->id, error);
      if (old == NULL || !check_version (old->version, r->version, error))
        return FALSE;
      if (old->closed_at != NULL)
        {
          set_round_closed_error (old, error);
          return FALSE;
        }
      if (memcmp (old->targets, r->targets, sizeof r->targets) != 0
          && (r->change_reason == NULL || *g_strstrip (r->change_reason) == '\0'))
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Say why the targets of the round change. The reason is kept in the audit log."));
          return FALSE;
        }
      saved.old_fields = old_fields = vt_round_to_fields (old);
      stmt = prepare (self, "UPDATE rounds SET name = ?3, year = ?4, starts_on = ?5, ends_on = ?6, "
                            "notes = ?7, updated_at = ?1, version = version + 1 "
                            "WHERE id = ?2 AND version = ?8", error);
    }
  else
    stmt = prepare (self, "INSERT INTO rounds (name, year, starts_on, ends_on, notes, created_at, updated_at) "
                          "VALUES (?3, ?4, ?5, ?6, ?7, ?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text_take (stmt, 1, now_iso ());
  sqlite3_bind_int64 (stmt, 2, r->id);
  bind_text (stmt, 3, r->name);
  sqlite3_bind_int (stmt, 4, r->year);
  bind_text_take (stmt, 5, vt_date_to_iso (&r->starts_on));
  bind_text_take (stmt, 6, vt_date_to_iso (&r->ends_on));
  bind_text (stmt, 7, r->notes);
  if (r->id != 0)
    sqlite3_bind_int64 (stmt, 8, r->version);
  if (!step_done (self, stmt, error))
    return FALSE;
  self->audit_reason = r->change_reason;
  saved_ok = finish_save (self, &saved, error);
  self->audit_reason = NULL;
  if (!saved_ok)
    return FALSE;

  del = prepare (self, "DELETE FROM round_targets WHERE round_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, r->id);
  if (!step_done (self, del, error))
    return FALSE;
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      g_autoptr(VtStmt) ins = NULL;

      if (r->targets[s] < 0)
        continue;
      ins = prepare (self, "INSERT INTO round_targets (round_id, stage, target) VALUES (?, ?, ?)", error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, r->id);
      bind_text (ins, 2, vt_stage_to_string (s));
      sqlite3_bind_int (ins, 3, r->targets[s]);
      if (!step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Saves run in a transaction; if it rolls back, the caller's record gets
 * its id and version back, so that it does not claim to be saved. */
static gboolean
save_record (VtSqliteBackend  *self,
             TxFunc            func,
             gpointer          record,
             gint64           *id,
             gint64           *version,
             GError          **error)
{
  gint64 saved_id = *id, saved_version = *version;

  if (in_transaction (self, func, record, error))
    return TRUE;
  *id = saved_id;
  *version = saved_version;
  return FALSE;
}

static gboolean
vt_sqlite_backend_save_round (VtBackend  *backend,
                              VtRound    *round,
                              GError    **error)
{
  return save_record (VT_SQLITE_BACKEND (backend), save_round_tx, round,
                      &round->id, &round->version, error);
}

typedef struct
{
  gint64      id;
  gint64      version;
  const char *reason;
} CloseRound;

static gboolean
close_round_tx (VtSqliteBackend  *self,
                gpointer          data,
                GError          **error)
{
  CloseRound *c = data;
  g_autoptr(VtRound) old = find_round (self, c->id, error);
  g_autoptr(VtStmt) stmt = NULL;
  g_autofree char *reason = g_strstrip (g_strdup (c->reason ? c->reason : ""));
  char id_text[32];
  gboolean ok;

  if (old == NULL || !check_version (old->version, c->version, error))
    return FALSE;
  if (old->closed_at != NULL)
    {
      set_round_closed_error (old, error);
      return FALSE;
    }
  if (*reason == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("Say why the round is closed. The reason is kept in the audit log."));
      return FALSE;
    }

  stmt = prepare (self, "UPDATE rounds SET closed_at = ?1, closed_by = ?2, is_current = 0, "
                        "updated_at = ?1, version = version + 1 WHERE id = ?3 AND version = ?4", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_take (stmt, 1, now_iso ());
  bind_text (stmt, 2, self->actor);
  sqlite3_bind_int64 (stmt, 3, c->id);
  sqlite3_bind_int64 (stmt, 4, c->version);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return check_version (-1, c->version, error);

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, c->id);
  self->audit_reason = reason;
  ok = audit (self, "update", "round", id_text, "closed", NULL, "closed", error);
  self->audit_reason = NULL;
  return ok;
}

static gboolean
vt_sqlite_backend_close_round (VtBackend   *backend,
                               gint64       id,
                               gint64       version,
                               const char  *reason,
                               GError     **error)
{
  CloseRound c = { id, version, reason };

  return in_transaction (VT_SQLITE_BACKEND (backend), close_round_tx, &c, error);
}

static gboolean
set_current_round_tx (VtSqliteBackend  *self,
                      gpointer          data,
                      GError          **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(VtRound) round = find_round (self, id, error);
  g_autoptr(VtStmt) clear = NULL;
  g_autoptr(VtStmt) set = NULL;
  char id_text[32];

  if (round == NULL)
    return FALSE;
  if (round->closed_at != NULL)
    {
      set_round_closed_error (round, error);
      return FALSE;
    }
  if (round->is_current)
    return TRUE;

  clear = prepare (self, "UPDATE rounds SET is_current = 0 WHERE is_current = 1", error);
  if (clear == NULL || !step_done (self, clear, error))
    return FALSE;
  set = prepare (self, "UPDATE rounds SET is_current = 1 WHERE id = ?", error);
  if (set == NULL)
    return FALSE;
  sqlite3_bind_int64 (set, 1, id);
  if (!step_done (self, set, error))
    return FALSE;
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
  return audit (self, "update", "round", id_text, "current", NULL, "current", error);
}

static gboolean
vt_sqlite_backend_set_current_round (VtBackend  *backend,
                                     gint64      id,
                                     GError    **error)
{
  return in_transaction (VT_SQLITE_BACKEND (backend), set_current_round_tx, &id, error);
}

static VtPerson *
read_person (VtStmt *stmt)
{
  VtPerson *p = vt_person_new (VT_PERSON_KIND_OTHER,
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5));

  p->id = sqlite3_column_int64 (stmt, 0);
  p->version = sqlite3_column_int64 (stmt, 1);
  vt_person_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &p->kind);
  p->organisation = column_dup (stmt, 6);
  p->specialty = column_dup (stmt, 7);
  p->languages = column_dup (stmt, 8);
  p->email = column_dup (stmt, 9);
  p->phone = column_dup (stmt, 10);
  p->created_at = column_time (stmt, 11);
  p->updated_at = column_time (stmt, 12);
  return p;
}

#define PERSON_COLUMNS "id, version, kind, family_name, middle_name, given_name, organisation, " \
                       "specialty, languages, email, phone, created_at, updated_at"

static GPtrArray *
vt_sqlite_backend_list_people (VtBackend  *backend,
                               GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_person_unref);
  g_autoptr(VtStmt) stmt = prepare (self, "SELECT " PERSON_COLUMNS " FROM people ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read_person (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static VtPerson *
get_person (VtSqliteBackend  *self,
            gint64            id,
            GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self, "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = step_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return rc == SQLITE_ROW ? read_person (stmt) : NULL;
}

static gboolean
save_person_tx (VtSqliteBackend  *self,
                gpointer          data,
                GError          **error)
{
  VtPerson *p = data;
  g_autoptr(VtPerson) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = vt_person_to_fields (p);
  g_autoptr(VtStmt) stmt = NULL;
  g_autofree char *label = vt_person_dup_full_name (p);
  SavedRecord saved = { "person", &p->id, &p->version, NULL, new_fields, label };

  if (p->given_name == NULL || *p->given_name == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("A person needs at least a given name."));
      return FALSE;
    }

  if (p->id != 0)
    {
      old = get_person (self, p->id, error);
      if (old == NULL || !check_version (old->version, p->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_person_to_fields (old);
      stmt = prepare (self, "UPDATE people SET kind = ?3, family_name = ?4, middle_name = ?5, "
                            "given_name = ?6, organisation = ?7, specialty = ?8, languages = ?9, "
                            "email = ?10, phone = ?11, updated_at = ?1, version = version + 1 "
                            "WHERE id = ?2 AND version = ?12", error);
    }
  else
    stmt = prepare (self, "INSERT INTO people (kind, family_name, middle_name, given_name, organisation, "
                          "specialty, languages, email, phone, created_at, updated_at) "
                          "VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text_take (stmt, 1, now_iso ());
  sqlite3_bind_int64 (stmt, 2, p->id);
  bind_text (stmt, 3, vt_person_kind_to_string (p->kind));
  bind_text (stmt, 4, p->family_name);
  bind_text (stmt, 5, p->middle_name);
  bind_text (stmt, 6, p->given_name);
  bind_text (stmt, 7, p->organisation);
  bind_text (stmt, 8, p->specialty);
  bind_text (stmt, 9, p->languages);
  bind_text (stmt, 10, p->email);
  bind_text (stmt, 11, p->phone);
  if (p->id != 0)
    sqlite3_bind_int64 (stmt, 12, p->version);
  return step_done (self, stmt, error) && finish_save (self, &saved, error);
}

static gboolean
vt_sqlite_backend_save_person (VtBackend  *backend,
                               VtPerson   *person,
                               GError    **error)
{
  return save_record (VT_SQLITE_BACKEND (backend), save_person_tx, person,
                      &person->id, &person->version, error);
}

/* Visits ------------------------------------------------------------------ */

static gboolean
read_id_list (VtSqliteBackend  *self,
              const char       *sql,
              gint64            owner_id,
              GArray           *ids,
              GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE;
}

/* Replaces the rows of a link table ("DELETE ... WHERE owner = ?" and
 * "INSERT ... VALUES (owner, id)"). */
static gboolean
write_id_list (VtSqliteBackend  *self,
               const char       *delete_sql,
               const char       *insert_sql,
               gint64            owner_id,
               GArray           *ids,
               GError          **error)
{
  g_autoptr(VtStmt) del = prepare (self, delete_sql, error);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, owner_id);
  if (!step_done (self, del, error))
    return FALSE;

  for (guint i = 0; ids && i < ids->len; i++)
    {
      g_autoptr(VtStmt) ins = prepare (self, insert_sql, error);

      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, owner_id);
      sqlite3_bind_int64 (ins, 2, g_array_index (ids, gint64, i));
      if (!step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

#define VISIT_COLUMNS "v.id, v.version, s.uuid, v.round_id, v.kind, v.status, v.starts_at, v.ends_at, " \
                      "v.place, v.purpose, v.findings, v.follow_up, v.created_at, v.updated_at, " \
                      "v.uuid, v.ical_uid, v.status_reason, s.name_vi, s.province_2025"

static VtVisit *
read_visit (VtSqliteBackend  *self,
            VtStmt           *stmt,
            GError          **error)
{
  g_autoptr(GDateTime) starts_at = column_time (stmt, 6);
  g_autoptr(GDateTime) ends_at = column_time (stmt, 7);
  g_autoptr(VtVisit) v = vt_visit_new ((const char *) sqlite3_column_text (stmt, 2),
                                       VT_VISIT_KIND_FIRST, starts_at, ends_at);
  g_autoptr(VtStmt) people = NULL;
  int rc;

  v->id = sqlite3_column_int64 (stmt, 0);
  v->version = sqlite3_column_int64 (stmt, 1);
  v->round_id = column_int (stmt, 3, 0);
  vt_visit_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &v->kind);
  vt_visit_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &v->status);
  v->place = column_dup (stmt, 8);
  v->purpose = column_dup (stmt, 9);
  v->findings = column_dup (stmt, 10);
  v->follow_up = column_dup (stmt, 11);
  v->created_at = column_time (stmt, 12);
  v->updated_at = column_time (stmt, 13);
  v->uuid = column_dup (stmt, 14);
  v->ical_uid = column_dup (stmt, 15);
  v->status_reason = column_dup (stmt, 16);
  v->supplier_name = column_dup (stmt, 17);
  v->province_code = column_dup (stmt, 18);
  if (v->province_code != NULL && v->province_code[0] == '\0')
    g_clear_pointer (&v->province_code, g_free);

  people = prepare (self, "SELECT person_id, role FROM visit_participants WHERE visit_id = ? ORDER BY person_id", error);
  if (people == NULL)
    return NULL;
  sqlite3_bind_int64 (people, 1, v->id);
  while ((rc = step_row (self, people, error)) == SQLITE_ROW)
    {
      VtPersonKind role = VT_PERSON_KIND_STAFF;

      vt_person_kind_from_string ((const char *) sqlite3_column_text (people, 1), &role);
      vt_visit_add_participant (v, sqlite3_column_int64 (people, 0), role);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&v);
}

static GPtrArray *
vt_sqlite_backend_list_visits (VtBackend   *backend,
                               const char  *supplier_uuid,
                               GDateTime   *from,
                               GDateTime   *to,
                               GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT " VISIT_COLUMNS " FROM visits v JOIN suppliers s ON s.id = v.supplier_id "
    "WHERE (?1 IS NULL OR s.uuid = ?1) AND (?2 IS NULL OR v.ends_at >= ?2) "
    "AND (?3 IS NULL OR v.starts_at < ?3) ORDER BY v.starts_at, v.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, supplier_uuid);
  bind_text_take (stmt, 2, vt_time_to_iso (from));
  bind_text_take (stmt, 3, vt_time_to_iso (to));
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtVisit *v = read_visit (self, stmt, error);

      if (v == NULL)
        return NULL;
      g_ptr_array_add (list, v);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static VtVisit *
get_visit_where (VtSqliteBackend  *self,
                 const char       *where,
                 gint64            id,
                 const char       *text,
                 GError          **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " VISIT_COLUMNS " FROM visits v JOIN suppliers s ON s.id = v.supplier_id WHERE ",
                                      where, NULL);
  g_autoptr(VtStmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = step_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return rc == SQLITE_ROW ? read_visit (self, stmt, error) : NULL;
}

static VtVisit *
vt_sqlite_backend_get_visit (VtBackend  *backend,
                             gint64      id,
                             GError    **error)
{
  return get_visit_where (VT_SQLITE_BACKEND (backend), "v.id = ?1", id, NULL, error);
}

static VtVisit *
vt_sqlite_backend_get_visit_by_uid (VtBackend   *backend,
                                    const char  *uid,
                                    GError     **error)
{
  return get_visit_where (VT_SQLITE_BACKEND (backend), "v.uuid = ?1 OR v.ical_uid = ?1 LIMIT 1", 0, uid, error);
}

static gboolean
write_participants (VtSqliteBackend  *self,
                    VtVisit          *v,
                    GError          **error)
{
  g_autoptr(VtStmt) del = prepare (self, "DELETE FROM visit_participants WHERE visit_id = ?", error);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, v->id);
  if (!step_done (self, del, error))
    return FALSE;

  for (guint i = 0; i < v->participant_ids->len; i++)
    {
      gint64 person = g_array_index (v->participant_ids, gint64, i);
      g_autoptr(VtStmt) ins = prepare (self, "INSERT INTO visit_participants (visit_id, person_id, role) "
                                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", error);

      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, v->id);
      sqlite3_bind_int64 (ins, 2, person);
      bind_text (ins, 3, vt_person_kind_to_string (vt_visit_get_role (v, person)));
      if (!step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_visit_tx (VtSqliteBackend  *self,
               gpointer          data,
               GError          **error)
{
  VtVisit *v = data;
  g_autoptr(VtVisit) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = NULL;
  g_autoptr(VtStmt) stmt = NULL;
  g_autofree char *label = NULL;
  SavedRecord saved = { "visit", &v->id, &v->version, NULL, NULL, NULL };
  gint64 supplier_id;

  if (v->starts_at == NULL || v->ends_at == NULL || g_date_time_compare (v->ends_at, v->starts_at) < 0)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("A visit needs a start and an end, and it cannot end before it starts."));
      return FALSE;
    }
  if (!lookup_supplier_id (self, v->supplier_uuid, &supplier_id, NULL, error))
    return FALSE;

  if (v->id != 0)
    {
      old = vt_sqlite_backend_get_visit (VT_BACKEND (self), v->id, error);
      if (old == NULL || !check_version (old->version, v->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_visit_to_fields (old);
      if (v->uuid == NULL)
        v->uuid = g_strdup (old->uuid);
      stmt = prepare (self, "UPDATE visits SET supplier_id = ?3, round_id = ?4, kind = ?5, status = ?6, "
                            "starts_at = ?7, ends_at = ?8, place = ?9, purpose = ?10, findings = ?11, "
                            "follow_up = ?12, uuid = ?14, ical_uid = ?15, status_reason = ?16, "
                            "updated_at = ?1, version = version + 1 "
                            "WHERE id = ?2 AND version = ?13", error);
    }
  else
    stmt = prepare (self, "INSERT INTO visits (supplier_id, round_id, kind, status, starts_at, ends_at, "
                          "place, purpose, findings, follow_up, uuid, ical_uid, status_reason, "
                          "created_at, updated_at) "
                          "VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15, ?16, ?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;

  if (v->uuid == NULL)
    v->uuid = g_uuid_string_random ();
  saved.new_fields = new_fields = vt_visit_to_fields (v);

  bind_text_take (stmt, 1, now_iso ());
  sqlite3_bind_int64 (stmt, 2, v->id);
  sqlite3_bind_int64 (stmt, 3, supplier_id);
  bind_int (stmt, 4, v->round_id, 0);
  bind_text (stmt, 5, vt_visit_kind_to_string (v->kind));
  bind_text (stmt, 6, vt_visit_status_to_string (v->status));
  bind_text_take (stmt, 7, vt_time_to_iso (v->starts_at));
  bind_text_take (stmt, 8, vt_time_to_iso (v->ends_at));
  bind_text (stmt, 9, v->place);
  bind_text (stmt, 10, v->purpose);
  bind_text (stmt, 11, v->findings);
  bind_text (stmt, 12, v->follow_up);
  if (v->id != 0)
    sqlite3_bind_int64 (stmt, 13, v->version);
  bind_text (stmt, 14, v->uuid);
  bind_text (stmt, 15, v->ical_uid);
  bind_text (stmt, 16, v->status_reason);

  label = g_strdup_printf ("%s %s", vt_visit_kind_to_string (v->kind), v->supplier_uuid);
  saved.label = label;
  return step_done (self, stmt, error)
      && finish_save (self, &saved, error)
      && write_participants (self, v, error);
}

/* Saves imported visits in one transaction: a visit whose uuid or
 * ical_uid is already stored updates that visit (the file is newer than
 * what it replaces), any other is added. */
static gboolean
import_visits_tx (VtSqliteBackend  *self,
                  gpointer          data,
                  GError          **error)
{
  GPtrArray *visits = data;

  for (guint i = 0; i < visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (visits, i);
      g_autoptr(VtVisit) existing = NULL;
      const char *uid = v->uuid != NULL ? v->uuid : v->ical_uid;

      if (v->id == 0 && uid != NULL)
        {
          g_autoptr(GError) local_error = NULL;

          existing = vt_sqlite_backend_get_visit_by_uid (VT_BACKEND (self), uid, &local_error);
          if (existing == NULL && !g_error_matches (local_error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (existing != NULL)
            {
              v->id = existing->id;
              v->version = existing->version;
              if (v->uuid == NULL)
                v->uuid = g_strdup (existing->uuid);
            }
        }
      if (!save_visit_tx (self, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
vt_sqlite_backend_import_visits (VtBackend  *backend,
                                 GPtrArray  *visits,
                                 GError    **error)
{
  return in_transaction (VT_SQLITE_BACKEND (backend), import_visits_tx, visits, error);
}

static gboolean
vt_sqlite_backend_save_visit (VtBackend  *backend,
                              VtVisit    *visit,
                              GError    **error)
{
  return save_record (VT_SQLITE_BACKEND (backend), save_visit_tx, visit,
                      &visit->id, &visit->version, error);
}

/* Criterion sets ---------------------------------------------------------- */

static gboolean
load_criteria (VtSqliteBackend  *self,
               VtCriterionSet   *set,
               GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT id, position, code, area, name_en, name_vi, name_ko, weight, knockout, scale "
    "FROM criteria WHERE set_id = ? ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtCriterion *c = vt_criterion_new ((const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 4),
                                         sqlite3_column_double (stmt, 7));

      c->id = sqlite3_column_int64 (stmt, 0);
      c->position = sqlite3_column_int (stmt, 1);
      g_free (c->area);
      c->area = column_dup (stmt, 3);
      c->name_vi = column_dup (stmt, 5);
      c->name_ko = column_dup (stmt, 6);
      c->knockout = sqlite3_column_int (stmt, 8) != 0;
      vt_scale_from_string ((const char *) sqlite3_column_text (stmt, 9), &c->scale);
      g_ptr_array_add (set->criteria, c);
    }
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      g_autoptr(VtStmt) levels = prepare (self,
        "SELECT level, description, description_vi, description_ko FROM criterion_levels "
        "WHERE criterion_id = ?", error);

      if (levels == NULL)
        return FALSE;
      sqlite3_bind_int64 (levels, 1, c->id);
      while ((rc = step_row (self, levels, error)) == SQLITE_ROW)
        {
          int level = sqlite3_column_int (levels, 0);

          if (level >= 0 && level < VT_N_LEVELS)
            {
              g_free (c->levels[level]);
              c->levels[level] = column_dup (levels, 1);
              g_free (c->levels_vi[level]);
              c->levels_vi[level] = column_dup (levels, 2);
              g_free (c->levels_ko[level]);
              c->levels_ko[level] = column_dup (levels, 3);
            }
        }
      if (rc < 0)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_sets (VtSqliteBackend  *self,
           gint64            only_id,
           GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_criterion_set_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT id, version, name, set_version, is_default, notes, ready_min, conditional_min, "
    "area_gap, min_coverage, (SELECT count(*) FROM assessments a WHERE a.set_id = criterion_sets.id) "
    "FROM criterion_sets "
    "WHERE ?1 = 0 OR id = ?1 OR (?1 < 0 AND is_default) ORDER BY name, set_version", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtCriterionSet *set = vt_criterion_set_new ((const char *) sqlite3_column_text (stmt, 2));

      set->id = sqlite3_column_int64 (stmt, 0);
      set->version = sqlite3_column_int64 (stmt, 1);
      set->set_version = sqlite3_column_int (stmt, 3);
      set->is_default = sqlite3_column_int (stmt, 4) != 0;
      set->notes = column_dup (stmt, 5);
      set->ready_min = sqlite3_column_double (stmt, 6);
      set->conditional_min = sqlite3_column_double (stmt, 7);
      set->area_gap = sqlite3_column_double (stmt, 8);
      set->min_coverage = sqlite3_column_double (stmt, 9);
      set->n_assessments = (guint) sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (list, set);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  for (guint i = 0; i < list->len; i++)
    if (!load_criteria (self, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

static GPtrArray *
vt_sqlite_backend_list_criterion_sets (VtBackend  *backend,
                                       GError    **error)
{
  return list_sets (VT_SQLITE_BACKEND (backend), 0, error);
}

/* @id 0 means the default set. */
static VtCriterionSet *
vt_sqlite_backend_get_criterion_set (VtBackend  *backend,
                                     gint64      id,
                                     GError    **error)
{
  g_autoptr(GPtrArray) list = list_sets (VT_SQLITE_BACKEND (backend), id == 0 ? -1 : id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      set_not_found (error);
      return NULL;
    }
  return vt_criterion_set_ref (g_ptr_array_index (list, list->len - 1));
}

static gboolean
save_criterion_set_tx (VtSqliteBackend  *self,
                       gpointer          data,
                       GError          **error)
{
  VtCriterionSet *set = data;
  g_autoptr(VtStmt) next = NULL;
  g_autoptr(VtStmt) clear_default = NULL;
  g_autoptr(VtStmt) ins = NULL;
  g_autofree char *now = now_iso ();
  g_autofree char *label = NULL;
  gint64 id;
  int set_version;

  if (!vt_criterion_set_validate (set, error))
    return FALSE;

  /* Sets are never changed in place: this saves the next version. */
  next = prepare (self, "SELECT coalesce (max (set_version), 0) + 1 FROM criterion_sets WHERE name = ?", error);
  if (next == NULL)
    return FALSE;
  bind_text (next, 1, set->name);
  if (step_row (self, next, error) != SQLITE_ROW)
    return FALSE;
  set_version = sqlite3_column_int (next, 0);

  if (set->is_default)
    {
      clear_default = prepare (self, "UPDATE criterion_sets SET is_default = 0 WHERE is_default", error);
      if (clear_default == NULL || !step_done (self, clear_default, error))
        return FALSE;
    }

  ins = prepare (self, "INSERT INTO criterion_sets (name, set_version, is_default, notes, created_at, updated_at, "
                       "ready_min, conditional_min, area_gap, min_coverage) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, set->name);
  sqlite3_bind_int (ins, 2, set_version);
  sqlite3_bind_int (ins, 3, set->is_default ? 1 : 0);
  bind_text (ins, 4, set->notes);
  bind_text (ins, 5, now);
  bind_text (ins, 6, now);
  sqlite3_bind_double (ins, 7, set->ready_min);
  sqlite3_bind_double (ins, 8, set->conditional_min);
  sqlite3_bind_double (ins, 9, set->area_gap);
  sqlite3_bind_double (ins, 10, set->min_coverage);
  if (!step_done (self, ins, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      g_autoptr(VtStmt) crit = prepare (self,
        "INSERT INTO criteria (set_id, position, code, area, name_en, name_vi, name_ko, weight, knockout, scale) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (crit == NULL)
        return FALSE;
      sqlite3_bind_int64 (crit, 1, id);
      sqlite3_bind_int (crit, 2, (int) i + 1);
      bind_text (crit, 3, c->code);
      bind_text (crit, 4, c->area ? c->area : "other");
      bind_text (crit, 5, c->name_en);
      bind_text (crit, 6, c->name_vi);
      bind_text (crit, 7, c->name_ko);
      sqlite3_bind_double (crit, 8, c->weight);
      sqlite3_bind_int (crit, 9, c->knockout ? 1 : 0);
      sqlite3_bind_text (crit, 10, vt_scale_to_string (c->scale), -1, SQLITE_STATIC);
      if (!step_done (self, crit, error))
        return FALSE;
      c->id = sqlite3_last_insert_rowid (self->db);
      c->position = (int) i + 1;

      for (int level = 0; level < vt_criterion_get_n_levels (c); level++)
        {
          g_autoptr(VtStmt) lvl = NULL;

          if (c->levels[level] == NULL)
            continue;
          lvl = prepare (self, "INSERT INTO criterion_levels (criterion_id, level, description, "
                               "description_vi, description_ko) VALUES (?, ?, ?, ?, ?)", error);
          if (lvl == NULL)
            return FALSE;
          sqlite3_bind_int64 (lvl, 1, c->id);
          sqlite3_bind_int (lvl, 2, level);
          bind_text (lvl, 3, c->levels[level]);
          bind_text (lvl, 4, c->levels_vi[level]);
          bind_text (lvl, 5, c->levels_ko[level]);
          if (!step_done (self, lvl, error))
            return FALSE;
        }
    }

  set->id = id;
  set->set_version = set_version;
  set->version = 1;
  label = g_strdup_printf ("%s v%d", set->name, set_version);
  return audit_id (self, "insert", "criterion_set", id, label, error);
}

static gboolean
vt_sqlite_backend_save_criterion_set (VtBackend       *backend,
                                      VtCriterionSet  *set,
                                      GError         **error)
{
  return save_record (VT_SQLITE_BACKEND (backend), save_criterion_set_tx, set,
                      &set->id, &set->version, error);
}

static gboolean
set_default_criterion_set_tx (VtSqliteBackend  *self,
                              gpointer          data,
                              GError          **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(VtStmt) clear = NULL;
  g_autoptr(VtStmt) set = NULL;
  g_autofree char *label = NULL;

  clear = prepare (self, "UPDATE criterion_sets SET is_default = 0, version = version + 1 "
                         "WHERE is_default AND id <> ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!step_done (self, clear, error))
    return FALSE;

  set = prepare (self, "UPDATE criterion_sets SET is_default = 1, version = version + 1 "
                       "WHERE id = ? AND NOT is_default RETURNING name || ' v' || set_version", error);
  if (set == NULL)
    return FALSE;
  sqlite3_bind_int64 (set, 1, id);
  switch (step_row (self, set, error))
    {
    case SQLITE_ROW:
      {
        char id_text[32];

        label = column_dup (set, 0);
        sqlite3_reset (set);
        g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
        return audit (self, "update", "criterion_set", id_text, "is_default", label, "1", error);
      }
    case SQLITE_DONE:
      break;
    default:
      return FALSE;
    }
  sqlite3_reset (set);

  /* Nothing changed: the set is the default already, or there is none. */
  {
    g_autoptr(VtStmt) exists = prepare (self, "SELECT 1 FROM criterion_sets WHERE id = ?", error);

    if (exists == NULL)
      return FALSE;
    sqlite3_bind_int64 (exists, 1, id);
    switch (step_row (self, exists, error))
      {
      case SQLITE_ROW:
        return TRUE;
      case SQLITE_DONE:
        set_not_found (error);
        return FALSE;
      default:
        return FALSE;
      }
  }
}

static gboolean
vt_sqlite_backend_set_default_criterion_set (VtBackend  *backend,
                                             gint64      id,
                                             GError    **error)
{
  return in_transaction (VT_SQLITE_BACKEND (backend), set_default_criterion_set_tx, &id, error);
}

/* Assessments ------------------------------------------------------------- */

#define ASSESSMENT_COLUMNS "a.id, a.version, s.uuid, a.visit_id, a.set_id, a.assessed_on, a.notes, " \
                           "a.readiness, a.created_at, a.updated_at, a.band, a.draft"

#define ACTION_COLUMNS "id, version, assessment_id, criterion_code, action, owner, due_on, status, checked_in"

static VtImprovementAction *
read_action (VtStmt *stmt)
{
  VtImprovementAction *action = vt_improvement_action_new ((const char *) sqlite3_column_text (stmt, 3),
                                                           (const char *) sqlite3_column_text (stmt, 4));

  action->id = sqlite3_column_int64 (stmt, 0);
  action->version = sqlite3_column_int64 (stmt, 1);
  action->assessment_id = sqlite3_column_int64 (stmt, 2);
  action->owner = column_dup (stmt, 5);
  column_date (stmt, 6, &action->due_on);
  vt_action_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &action->status);
  action->checked_in = column_int (stmt, 8, 0);
  return action;
}

static gboolean
read_assessment_parts (VtSqliteBackend  *self,
                       VtAssessment     *a,
                       GError          **error)
{
  g_autoptr(VtStmt) own = NULL;
  g_autoptr(VtStmt) evidence = NULL;
  g_autoptr(VtStmt) actions = NULL;
  g_autoptr(VtStmt) checks = NULL;
  int rc;

  own = prepare (self, "SELECT person_id, criterion_id, score, comment FROM assessor_scores "
                       "WHERE assessment_id = ? ORDER BY person_id, criterion_id", error);
  if (own == NULL)
    return FALSE;
  sqlite3_bind_int64 (own, 1, a->id);
  while ((rc = step_row (self, own, error)) == SQLITE_ROW)
    vt_assessment_set_assessor_score (a, sqlite3_column_int64 (own, 0), sqlite3_column_int64 (own, 1),
                                      sqlite3_column_int (own, 2), (const char *) sqlite3_column_text (own, 3));
  if (rc != SQLITE_DONE)
    return FALSE;

  evidence = prepare (self, "SELECT criterion_id, attachment_id FROM score_evidence "
                            "WHERE assessment_id = ? ORDER BY criterion_id, attachment_id", error);
  if (evidence == NULL)
    return FALSE;
  sqlite3_bind_int64 (evidence, 1, a->id);
  while ((rc = step_row (self, evidence, error)) == SQLITE_ROW)
    vt_assessment_add_evidence (a, sqlite3_column_int64 (evidence, 0), sqlite3_column_int64 (evidence, 1));
  if (rc != SQLITE_DONE)
    return FALSE;

  actions = prepare (self, "SELECT " ACTION_COLUMNS " FROM improvement_actions WHERE assessment_id = ? "
                           "ORDER BY id", error);
  if (actions == NULL)
    return FALSE;
  sqlite3_bind_int64 (actions, 1, a->id);
  while ((rc = step_row (self, actions, error)) == SQLITE_ROW)
    g_ptr_array_add (a->actions, read_action (actions));
  if (rc != SQLITE_DONE)
    return FALSE;

  checks = prepare (self, "SELECT id, status FROM improvement_actions WHERE checked_in = ? ORDER BY id", error);
  if (checks == NULL)
    return FALSE;
  sqlite3_bind_int64 (checks, 1, a->id);
  while ((rc = step_row (self, checks, error)) == SQLITE_ROW)
    {
      VtActionStatus status = VT_ACTION_STATUS_OPEN;

      vt_action_status_from_string ((const char *) sqlite3_column_text (checks, 1), &status);
      vt_assessment_check_action (a, sqlite3_column_int64 (checks, 0), status);
    }
  return rc == SQLITE_DONE;
}

static VtAssessment *
read_assessment (VtSqliteBackend  *self,
                 VtStmt           *stmt,
                 GError          **error)
{
  g_autoptr(VtAssessment) a = vt_assessment_new ((const char *) sqlite3_column_text (stmt, 2),
                                                 sqlite3_column_int64 (stmt, 4));
  g_autoptr(VtStmt) scores = NULL;
  int rc;

  a->id = sqlite3_column_int64 (stmt, 0);
  a->version = sqlite3_column_int64 (stmt, 1);
  a->visit_id = column_int (stmt, 3, 0);
  column_date (stmt, 5, &a->assessed_on);
  a->notes = column_dup (stmt, 6);
  a->readiness = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 7);
  a->created_at = column_time (stmt, 8);
  a->updated_at = column_time (stmt, 9);
  a->band = vt_readiness_band_from_string ((const char *) sqlite3_column_text (stmt, 10));
  a->draft = sqlite3_column_int (stmt, 11) != 0;

  if (!read_id_list (self, "SELECT person_id FROM assessment_assessors WHERE assessment_id = ? ORDER BY person_id",
                     a->id, a->assessor_ids, error))
    return NULL;

  scores = prepare (self, "SELECT criterion_id, score, comment FROM scores WHERE assessment_id = ? "
                          "ORDER BY criterion_id", error);
  if (scores == NULL)
    return NULL;
  sqlite3_bind_int64 (scores, 1, a->id);
  while ((rc = step_row (self, scores, error)) == SQLITE_ROW)
    g_ptr_array_add (a->scores, vt_score_new (sqlite3_column_int64 (scores, 0),
                                              (int) column_int (scores, 1, -1),
                                              (const char *) sqlite3_column_text (scores, 2)));
  if (rc != SQLITE_DONE || !read_assessment_parts (self, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

static GPtrArray *
vt_sqlite_backend_list_assessments (VtBackend   *backend,
                                    const char  *supplier_uuid,
                                    GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_assessment_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE ?1 IS NULL OR s.uuid = ?1 ORDER BY a.assessed_on, a.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, supplier_uuid);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtAssessment *a = read_assessment (self, stmt, error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (list, a);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static VtAssessment *
vt_sqlite_backend_get_assessment (VtBackend  *backend,
                                  gint64      id,
                                  GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE a.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = step_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return rc == SQLITE_ROW ? read_assessment (self, stmt, error) : NULL;
}

static GPtrArray *
vt_sqlite_backend_list_improvement_actions (VtBackend   *backend,
                                            const char  *supplier_uuid,
                                            GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_improvement_action_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT x.id, x.version, x.assessment_id, x.criterion_code, x.action, x.owner, x.due_on, x.status, "
    "x.checked_in FROM improvement_actions x JOIN assessments a ON a.id = x.assessment_id "
    "JOIN suppliers s ON s.id = a.supplier_id WHERE s.uuid = ? ORDER BY a.assessed_on, a.id, x.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, supplier_uuid);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read_action (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

/* suppliers.readiness caches the index of the latest final assessment. */
static gboolean
refresh_readiness (VtSqliteBackend  *self,
                   gint64            supplier_id,
                   GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self,
    "UPDATE suppliers SET readiness = coalesce ((SELECT readiness FROM assessments "
    "WHERE supplier_id = ?1 AND readiness IS NOT NULL AND NOT draft "
    "ORDER BY assessed_on DESC, id DESC LIMIT 1), -1) "
    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  return step_done (self, stmt, error);
}

static gboolean
exec_for_id (VtSqliteBackend  *self,
             const char       *sql,
             gint64            id,
             GError          **error)
{
  g_autoptr(VtStmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

static gboolean
save_actions (VtSqliteBackend  *self,
              VtAssessment     *a,
              GError          **error)
{
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Actions taken out of the list are deleted. */
  if (!read_id_list (self, "SELECT id FROM improvement_actions WHERE assessment_id = ?", a->id, existing, error))
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      gint64 id = g_array_index (existing, gint64, i);
      gboolean kept = FALSE;

      for (guint k = 0; k < a->actions->len && !kept; k++)
        kept = ((VtImprovementAction *) g_ptr_array_index (a->actions, k))->id == id;
      if (!kept && !exec_for_id (self, "DELETE FROM improvement_actions WHERE id = ?", id, error))
        return FALSE;
    }

  for (guint i = 0; i < a->actions->len; i++)
    {
      VtImprovementAction *x = g_ptr_array_index (a->actions, i);
      g_autoptr(VtStmt) stmt = NULL;

      if (x->criterion_code == NULL || *x->criterion_code == '\0' || x->action == NULL || *x->action == '\0')
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("An improvement action needs a criterion and a description."));
          return FALSE;
        }
      if (x->id != 0)
        stmt = prepare (self, "UPDATE improvement_actions SET criterion_code = ?3, action = ?4, owner = ?5, "
                              "due_on = ?6, updated_at = ?7, version = version + 1 "
                              "WHERE id = ?1 AND assessment_id = ?2", error);
      else
        stmt = prepare (self, "INSERT INTO improvement_actions (assessment_id, criterion_code, action, owner, "
                              "due_on, created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, x->id);
      sqlite3_bind_int64 (stmt, 2, a->id);
      bind_text (stmt, 3, x->criterion_code);
      bind_text (stmt, 4, x->action);
      bind_text (stmt, 5, x->owner);
      bind_text_take (stmt, 6, vt_date_to_iso (&x->due_on));
      bind_text_take (stmt, 7, now_iso ());
      if (!step_done (self, stmt, error))
        return FALSE;
      if (x->id == 0)
        {
          x->id = sqlite3_last_insert_rowid (self->db);
          x->version = 1;
        }
      else if (sqlite3_changes (self->db) != 1)
        {
          set_not_found (error);
          return FALSE;
        }
      else
        x->version++;
      x->assessment_id = a->id;
    }
  return TRUE;
}

/* Checks of earlier actions: taken back ones reopen; each checked action
 * must be the same supplier's, agreed at another assessment. */
static gboolean
save_checks (VtSqliteBackend  *self,
             VtAssessment     *a,
             gint64            supplier_id,
             GError          **error)
{
  if (!exec_for_id (self, "UPDATE improvement_actions SET status = 'open', checked_in = NULL, "
                          "version = version + 1 WHERE checked_in = ?", a->id, error))
    return FALSE;

  for (guint i = 0; i < a->checks->len; i++)
    {
      VtActionCheck *c = &g_array_index (a->checks, VtActionCheck, i);
      g_autoptr(VtStmt) stmt = prepare (self,
        "UPDATE improvement_actions SET status = ?3, checked_in = ?2, updated_at = ?5, version = version + 1 "
        "WHERE id = ?1 AND assessment_id <> ?2 AND assessment_id IN "
        "(SELECT id FROM assessments WHERE supplier_id = ?4)", error);

      if (stmt == NULL)
        return FALSE;
      if (c->status != VT_ACTION_STATUS_DONE && c->status != VT_ACTION_STATUS_NOT_DONE)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("An improvement action is checked as either done or not done."));
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, c->action_id);
      sqlite3_bind_int64 (stmt, 2, a->id);
      sqlite3_bind_text (stmt, 3, vt_action_status_to_string (c->status), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, supplier_id);
      bind_text_take (stmt, 5, now_iso ());
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) != 1)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("The improvement action checked belongs to another supplier or to this assessment."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_assessment_parts (VtSqliteBackend  *self,
                       VtAssessment     *a,
                       gint64            supplier_id,
                       GError          **error)
{
  if (!exec_for_id (self, "DELETE FROM assessor_scores WHERE assessment_id = ?", a->id, error)
      || !exec_for_id (self, "DELETE FROM score_evidence WHERE assessment_id = ?", a->id, error))
    return FALSE;

  for (guint i = 0; i < a->assessor_scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (a->assessor_scores, i);
      g_autoptr(VtStmt) ins = prepare (self,
        "INSERT INTO assessor_scores (assessment_id, person_id, criterion_id, score, comment) "
        "VALUES (?, ?, ?, ?, ?)", error);

      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, a->id);
      sqlite3_bind_int64 (ins, 2, s->person_id);
      sqlite3_bind_int64 (ins, 3, s->criterion_id);
      sqlite3_bind_int (ins, 4, s->score);
      bind_text (ins, 5, s->comment);
      if (!step_done (self, ins, error))
        return FALSE;
    }

  /* Evidence must be a photo of the same supplier. */
  for (guint i = 0; i < a->evidence->len; i++)
    {
      VtEvidence *e = &g_array_index (a->evidence, VtEvidence, i);
      g_autoptr(VtStmt) ins = prepare (self,
        "INSERT INTO score_evidence (assessment_id, criterion_id, attachment_id) "
        "SELECT ?1, ?2, id FROM attachments WHERE id = ?3 AND supplier_id = ?4", error);

      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, a->id);
      sqlite3_bind_int64 (ins, 2, e->criterion_id);
      sqlite3_bind_int64 (ins, 3, e->attachment_id);
      sqlite3_bind_int64 (ins, 4, supplier_id);
      if (!step_done (self, ins, error))
        return FALSE;
      if (sqlite3_changes (self->db) != 1)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("The evidence is not an attachment of this supplier."));
          return FALSE;
        }
    }

  return save_actions (self, a, error) && save_checks (self, a, supplier_id, error);
}

static gboolean
save_assessment_tx (VtSqliteBackend  *self,
                    gpointer          data,
                    GError          **error)
{
  VtAssessment *a = data;
  g_autoptr(VtAssessment) old = NULL;
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = NULL;
  g_autoptr(VtStmt) stmt = NULL;
  g_autoptr(VtStmt) del = NULL;
  SavedRecord saved = { "assessment", &a->id, &a->version, NULL, NULL, a->supplier_uuid };
  gint64 supplier_id;
  double readiness;
  VtReadinessBand band;

  if (!g_date_valid (&a->assessed_on))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("An assessment needs the date it was made."));
      return FALSE;
    }
  if (!lookup_supplier_id (self, a->supplier_uuid, &supplier_id, NULL, error))
    return FALSE;
  set = vt_sqlite_backend_get_criterion_set (VT_BACKEND (self), a->set_id, error);
  if (set == NULL)
    return FALSE;
  a->set_id = set->id;

  if (!vt_assessment_validate (a, set, error))
    return FALSE;

  /* The index and band are computed here, never typed. */
  readiness = vt_readiness_compute (set, a, &band);
  a->readiness = readiness;
  a->band = band;
  new_fields = vt_assessment_to_fields (a);
  saved.new_fields = new_fields;

  if (a->id != 0)
    {
      old = vt_sqlite_backend_get_assessment (VT_BACKEND (self), a->id, error);
      if (old == NULL || !check_version (old->version, a->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_assessment_to_fields (old);
      stmt = prepare (self, "UPDATE assessments SET supplier_id = ?3, visit_id = ?4, set_id = ?5, "
                            "assessed_on = ?6, notes = ?7, readiness = ?8, band = ?10, draft = ?11, "
                            "updated_at = ?1, version = version + 1 WHERE id = ?2 AND version = ?9", error);
    }
  else
    stmt = prepare (self, "INSERT INTO assessments (supplier_id, visit_id, set_id, assessed_on, notes, "
                          "readiness, band, draft, created_at, updated_at) "
                          "VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?10, ?11, ?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text_take (stmt, 1, now_iso ());
  sqlite3_bind_int64 (stmt, 2, a->id);
  sqlite3_bind_int64 (stmt, 3, supplier_id);
  bind_int (stmt, 4, a->visit_id, 0);
  sqlite3_bind_int64 (stmt, 5, a->set_id);
  bind_text_take (stmt, 6, vt_date_to_iso (&a->assessed_on));
  bind_text (stmt, 7, a->notes);
  if (readiness < 0)
    sqlite3_bind_null (stmt, 8);
  else
    sqlite3_bind_double (stmt, 8, readiness);
  if (a->id != 0)
    sqlite3_bind_int64 (stmt, 9, a->version);
  if (band == VT_READINESS_BAND_NONE)
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_text (stmt, 10, vt_readiness_band_to_string (band), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, a->draft ? 1 : 0);
  if (!step_done (self, stmt, error) || !finish_save (self, &saved, error))
    return FALSE;

  if (!write_id_list (self, "DELETE FROM assessment_assessors WHERE assessment_id = ?",
                      "INSERT INTO assessment_assessors (assessment_id, person_id) VALUES (?, ?)",
                      a->id, a->assessor_ids, error))
    return FALSE;

  del = prepare (self, "DELETE FROM scores WHERE assessment_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, a->id);
  if (!step_done (self, del, error))
    return FALSE;
  for (guint i = 0; i < a->scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (a->scores, i);
      g_autoptr(VtStmt) ins = prepare (self,
        "INSERT INTO scores (assessment_id, criterion_id, score, comment) VALUES (?, ?, ?, ?)", error);

      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, a->id);
      sqlite3_bind_int64 (ins, 2, s->criterion_id);
      bind_int (ins, 3, s->score, -1);
      bind_text (ins, 4, s->comment);
      if (!step_done (self, ins, error))
        return FALSE;
    }

  if (!save_assessment_parts (self, a, supplier_id, error))
    return FALSE;
  return refresh_readiness (self, supplier_id, error);
}

static gboolean
vt_sqlite_backend_save_assessment (VtBackend     *backend,
                                   VtAssessment  *assessment,
                                   GError       **error)
{
  return save_record (VT_SQLITE_BACKEND (backend), save_assessment_tx, assessment,
                      &assessment->id, &assessment->version, error);
}

/* Attachments ------------------------------------------------------------- */

static VtAttachment *
read_attachment (VtStmt   *stmt,
                 gboolean  with_data)
{
  VtAttachment *a = vt_attachment_new ((const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 3),
                                       (const char *) sqlite3_column_text (stmt, 4), NULL);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->visit_id = column_int (stmt, 2, 0);
  a->size = sqlite3_column_int64 (stmt, 5);
  a->created_at = column_time (stmt, 6);
  a->created_by = column_dup (stmt, 7);
  if (with_data)
    a->data = g_bytes_new (sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
  return a;
}

static GPtrArray *
vt_sqlite_backend_list_attachments (VtBackend   *backend,
                                    const char  *supplier_uuid,
                                    GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_attachment_unref);
  /* The content stays on disk until someone opens it. */
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT a.id, s.uuid, a.visit_id, a.filename, a.mime_type, a.size, a.created_at, a.created_by "
    "FROM attachments a JOIN suppliers s ON s.id = a.supplier_id WHERE s.uuid = ? ORDER BY a.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, supplier_uuid);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read_attachment (stmt, FALSE));
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static VtAttachment *
vt_sqlite_backend_get_attachment (VtBackend  *backend,
                                  gint64      id,
                                  GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT a.id, s.uuid, a.visit_id, a.filename, a.mime_type, a.size, a.created_at, a.created_by, a.data "
    "FROM attachments a JOIN suppliers s ON s.id = a.supplier_id WHERE a.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = step_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return rc == SQLITE_ROW ? read_attachment (stmt, TRUE) : NULL;
}

static gboolean
add_attachment_tx (VtSqliteBackend  *self,
                   gpointer          data,
                   GError          **error)
{
  VtAttachment *a = data;
  g_autoptr(VtStmt) stmt = NULL;
  g_autofree char *now = now_iso ();
  gint64 supplier_id;

  if (a->data == NULL || a->filename == NULL || *a->filename == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("An attachment needs a file name and its content."));
      return FALSE;
    }
  if (!lookup_supplier_id (self, a->supplier_uuid, &supplier_id, NULL, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO attachments (supplier_id, visit_id, filename, mime_type, size, data, "
                        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  bind_int (stmt, 2, a->visit_id, 0);
  bind_text (stmt, 3, a->filename);
  bind_text (stmt, 4, a->mime_type);
  sqlite3_bind_int64 (stmt, 5, g_bytes_get_size (a->data));
  bind_bytes (stmt, 6, a->data);
  bind_text (stmt, 7, now);
  bind_text (stmt, 8, self->actor);
  if (!step_done (self, stmt, error))
    return FALSE;

  a->id = sqlite3_last_insert_rowid (self->db);
  a->size = g_bytes_get_size (a->data);
  g_free (a->created_by);
  a->created_by = g_strdup (self->actor);
  g_clear_pointer (&a->created_at, g_date_time_unref);
  a->created_at = vt_time_from_iso (now);
  return audit_id (self, "insert", "attachment", a->id, a->filename, error);
}

static gboolean
vt_sqlite_backend_add_attachment (VtBackend     *backend,
                                  VtAttachment  *attachment,
                                  GError       **error)
{
  gint64 unused_version = 0;

  return save_record (VT_SQLITE_BACKEND (backend), add_attachment_tx, attachment,
                      &attachment->id, &unused_version, error);
}

/* Deleting ---------------------------------------------------------------- */

typedef struct
{
  VtRecordKind kind;
  gint64       id;
  gint64       version;
} DeleteRecord;

static gboolean
delete_record_tx (VtSqliteBackend  *self,
                  gpointer          data,
                  GError          **error)
{
  /* Per kind: read the row version, a label for the audit log and the
   * supplier whose cached readiness may change; then delete. */
  static const struct {
    const char *select_sql;
    const char *delete_sql;
    const char *entity;
  } kinds[] = {
    [VT_RECORD_ROUND] = { "SELECT version, name, NULL FROM rounds WHERE id = ?",
                          "DELETE FROM rounds WHERE id = ?", "round" },
    [VT_RECORD_PERSON] = { "SELECT version, given_name, NULL FROM people WHERE id = ?",
                           "DELETE FROM people WHERE id = ?", "person" },
    [VT_RECORD_VISIT] = { "SELECT version, kind || ' ' || starts_at, NULL FROM visits WHERE id = ?",
                          "DELETE FROM visits WHERE id = ?", "visit" },
    [VT_RECORD_CRITERION_SET] = { "SELECT version, name || ' v' || set_version, NULL FROM criterion_sets WHERE id = ?",
                                  "DELETE FROM criterion_sets WHERE id = ?", "criterion_set" },
    [VT_RECORD_ASSESSMENT] = { "SELECT version, assessed_on, supplier_id FROM assessments WHERE id = ?",
                               "DELETE FROM assessments WHERE id = ?", "assessment" },
    [VT_RECORD_ATTACHMENT] = { "SELECT 0, filename, NULL FROM attachments WHERE id = ?",
                               "DELETE FROM attachments WHERE id = ?", "attachment" },
  };
  DeleteRecord *d = data;
  g_autoptr(VtStmt) sel = NULL;
  g_autoptr(VtStmt) del = NULL;
  g_autofree char *label = NULL;
  gint64 supplier_id;
  int rc;

  g_return_val_if_fail ((guint) d->kind < G_N_ELEMENTS (kinds), FALSE);

  sel = prepare (self, kinds[d->kind].select_sql, error);
  if (sel == NULL)
    return FALSE;
  sqlite3_bind_int64 (sel, 1, d->id);
  rc = step_row (self, sel, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      set_not_found (error);
      return FALSE;
    }
  if (d->kind != VT_RECORD_ATTACHMENT && !check_version (sqlite3_column_int64 (sel, 0), d->version, error))
    return FALSE;
  label = column_dup (sel, 1);
  supplier_id = column_int (sel, 2, 0);
  sqlite3_reset (sel);

  del = prepare (self, kinds[d->kind].delete_sql, error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, d->id);
  if (!step_done (self, del, error)
      || !audit_id (self, "delete", kinds[d->kind].entity, d->id, label, error))
    return FALSE;

  return supplier_id == 0 || refresh_readiness (self, supplier_id, error);
}

static gboolean
vt_sqlite_backend_delete_record (VtBackend     *backend,
                                 VtRecordKind   kind,
                                 gint64         id,
                                 gint64         version,
                                 GError       **error)
{
  DeleteRecord d = { kind, id, version };

  return in_transaction (VT_SQLITE_BACKEND (backend), delete_record_tx, &d, error);
}

/* Audit log, counts, provinces -------------------------------------------- */

static GPtrArray *
vt_sqlite_backend_list_audit (VtBackend   *backend,
                              const char  *entity,
                              const char  *entity_id,
                              GError     **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_audit_entry_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT id, at, who, action, entity, entity_id, field, old_value, new_value, reason FROM audit_log "
    "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2) ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, entity_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtAuditEntry *e = vt_audit_entry_new ((const char *) sqlite3_column_text (stmt, 3),
                                            (const char *) sqlite3_column_text (stmt, 4),
                                            (const char *) sqlite3_column_text (stmt, 5),
                                            (const char *) sqlite3_column_text (stmt, 6),
                                            (const char *) sqlite3_column_text (stmt, 7),
                                            (const char *) sqlite3_column_text (stmt, 8));

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = column_time (stmt, 1);
      e->who = column_dup (stmt, 2);
      e->reason = column_dup (stmt, 9);
      g_ptr_array_add (list, e);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static VtStoreCounts *
vt_sqlite_backend_count (VtBackend  *backend,
                         GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT (SELECT count(*) FROM suppliers), (SELECT count(*) FROM rounds), "
    "(SELECT count(*) FROM visits), (SELECT count(*) FROM assessments), "
    "(SELECT count(*) FROM people)", error);
  VtStoreCounts *counts;

  if (stmt == NULL || step_row (self, stmt, error) != SQLITE_ROW)
    return NULL;
  counts = g_new0 (VtStoreCounts, 1);
  counts->suppliers = sqlite3_column_int64 (stmt, 0);
  counts->rounds = sqlite3_column_int64 (stmt, 1);
  counts->visits = sqlite3_column_int64 (stmt, 2);
  counts->assessments = sqlite3_column_int64 (stmt, 3);
  counts->people = sqlite3_column_int64 (stmt, 4);
  return counts;
}

/* Per stage: suppliers there now, or (@reached) suppliers that ever
 * reached it in the round, from the history: the pipeline funnel. */
static GArray *
vt_sqlite_backend_count_stages (VtBackend  *backend,
                                gint64      round_id,
                                gboolean    reached,
                                GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_autoptr(VtStmt) stmt = NULL;
  int rc;

  g_array_set_size (counts, VT_N_STAGES);
  if (reached)
    stmt = prepare (self, "SELECT to_stage, count (DISTINCT supplier_id) FROM stage_history "
                          "WHERE ?1 = 0 OR round_id = ?1 GROUP BY to_stage", error);
  else
    stmt = prepare (self, "SELECT stage, count(*) FROM suppliers WHERE ?1 = 0 OR round_id = ?1 "
                          "GROUP BY stage", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtStage stage;

      if (vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), &stage))
        g_array_index (counts, guint64, stage) = sqlite3_column_int64 (stmt, 1);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&counts) : NULL;
}

static GPtrArray *
vt_sqlite_backend_list_provinces (VtBackend  *backend,
                                  GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_province_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT list_id, code, name_vi, short_name_vi, name_en, name_ko, successor_code FROM provinces "
    "ORDER BY list_id, code", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      VtProvince *p = vt_province_new ();

      p->list_id = column_dup (stmt, 0);
      p->code = column_dup (stmt, 1);
      p->name_vi = column_dup (stmt, 2);
      p->short_name_vi = column_dup (stmt, 3);
      p->name_en = column_dup (stmt, 4);
      p->name_ko = column_dup (stmt, 5);
      p->successor_code = column_dup (stmt, 6);
      g_ptr_array_add (list, p);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static GStrv
vt_sqlite_backend_list_certifications (VtBackend  *backend,
                                       GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT DISTINCT standard FROM certifications "
    "WHERE standard IS NOT NULL AND trim (standard) <> '' "
    "ORDER BY standard COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  return rc == SQLITE_DONE ? g_strv_builder_end (names) : NULL;
}

/* Charts ------------------------------------------------------------------ */

static GPtrArray *
vt_sqlite_backend_list_round_suppliers (VtBackend  *backend,
                                        gint64      round_id,
                                        GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_supplier_unref);
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT s.uuid, s.name_vi, s.name_en, s.name_ko, s.sector, s.province_2025, "
    "p.name_vi, p.name_en, p.name_ko, s.stage, "
    "(SELECT a.id FROM assessments a WHERE a.supplier_id = s.id AND a.draft = 0 "
    " ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) "
    "FROM suppliers s LEFT JOIN provinces p ON p.list_id = '2025' AND p.code = s.province_2025 "
    "WHERE s.round_id = ?1 ORDER BY s.sort_key, s.uuid", error);
  g_autoptr(VtStmt) latest = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  latest = prepare (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE a.id = ?", error);
  if (latest == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(VtRoundSupplier) r = vt_round_supplier_new ();
      const char *province = (const char *) sqlite3_column_text (stmt, 5);

      r->uuid = column_dup (stmt, 0);
      r->name_vi = column_dup (stmt, 1);
      r->name_en = column_dup (stmt, 2);
      r->name_ko = column_dup (stmt, 3);
      if (!vt_sector_from_string ((const char *) sqlite3_column_text (stmt, 4), &r->sector))
        r->sector = VT_SECTOR_OTHER;
      r->province_code = province != NULL && *province ? g_strdup (province) : NULL;
      r->province_vi = column_dup (stmt, 6);
      r->province_en = column_dup (stmt, 7);
      r->province_ko = column_dup (stmt, 8);
      if (!vt_stage_from_string ((const char *) sqlite3_column_text (stmt, 9), &r->stage))
        r->stage = VT_STAGE_RECEIVED;
      if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
        {
          int lrc;

          sqlite3_reset (latest);
          sqlite3_bind_int64 (latest, 1, sqlite3_column_int64 (stmt, 10));
          lrc = step_row (self, latest, error);
          if (lrc != SQLITE_ROW)
            {
              if (lrc == SQLITE_DONE)
                set_not_found (error);
              return NULL;
            }
          r->latest = read_assessment (self, latest, error);
          if (r->latest == NULL)
            return NULL;
        }
      g_ptr_array_add (list, g_steal_pointer (&r));
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

static GArray *
vt_sqlite_backend_count_visit_months (VtBackend  *backend,
                                      gint64      round_id,
                                      GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (VtVisitMonth));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(VtStmt) stmt = prepare (self,
    "SELECT kind, starts_at FROM visits WHERE status <> 'cancelled' AND (?1 = 0 OR round_id = ?1) "
    "ORDER BY starts_at", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  /* Vietnam has kept UTC+7 without daylight saving since 1975; the
   * offset stands in when the system has no time zone data. */
  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) utc = column_time (stmt, 1);
      g_autoptr(GDateTime) local = NULL;
      VtVisitMonth m = { 0 };
      gboolean found = FALSE;

      if (utc == NULL || !vt_visit_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &m.kind))
        continue;
      local = g_date_time_to_timezone (utc, tz);
      m.year = g_date_time_get_year (local);
      m.month = g_date_time_get_month (local);
      /* Rows come by start time, so a month's entries are at the end. */
      for (guint i = months->len; i > 0; i--)
        {
          VtVisitMonth *e = &g_array_index (months, VtVisitMonth, i - 1);

          if (e->year != m.year || e->month != m.month)
            break;
          if (e->kind == m.kind)
            {
              e->count++;
              found = TRUE;
              break;
            }
        }
      if (!found)
        {
          m.count = 1;
          g_array_append_val (months, m);
        }
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&months) : NULL;
}

/* Backup and check -------------------------------------------------------- */

/* Runs an integrity check on @db; FALSE with VT_STORE_ERROR_CORRUPT and
 * the first problem found, unless the file is sound. */
static gboolean
integrity_check (sqlite3  *db,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, db, rc);
      return FALSE;
    }
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup, or ask for help; do not keep working in it."),
                   result ? result : "?");
      return FALSE;
    }
  return TRUE;
}

/* Opens a backup, or any file offered to restore from, read-only with the
 * same hardening as a database, and accepts it only if it is a whole,
 * undamaged VITASK Suppliers database of a version this app can open,
 * holding nothing our migrations did not create. */
static sqlite3 *
open_checked_copy (const char  *path,
                   int         *schema_version,
                   GError     **error)
{
  sqlite3 *db;
  gboolean empty = FALSE;
  int latest = vt_sqlite_get_latest_schema_version ();
  int version, rc;

  if (!check_file_header (path, &empty, error))
    return NULL;
  if (empty)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is empty: it is not a backup of VITASK Suppliers."), path);
      return NULL;
    }

  db = open_connection (path, TRUE, FALSE, error);
  if (db == NULL)
    return NULL;
  sqlite3_busy_timeout (db, DEFAULT_BUSY_TIMEOUT_MS);
  if (read_user_version (db, NULL) < 0)
    {
      sqlite3_close (db);
      db = open_connection (path, TRUE, TRUE, error);
      if (db == NULL)
        return NULL;
    }

  version = read_user_version (db, &rc);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  if (version > latest)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEWER_VERSION,
                   _("The backup “%s” was written by a newer version of VITASK Suppliers (schema %d; this version knows up to %d). Install the newer version to restore it."),
                   path, version, latest);
      sqlite3_close (db);
      return NULL;
    }
  if (version <= 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is a database of another program, not a backup of VITASK Suppliers."), path);
      sqlite3_close (db);
      return NULL;
    }
  if (!verify_schema (db, version, error) || !integrity_check (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (schema_version != NULL)
    *schema_version = version;
  return db;
}

/**
 * vt_sqlite_check_backup_file:
 * @path: a file to restore from
 * @schema_version: (out) (optional): its schema version
 *
 * Checks, without writing anything, that @path is a whole, undamaged
 * VITASK Suppliers database of a version this app can open.
 *
 * Returns: %FALSE with a %VT_STORE_ERROR that says what is wrong
 */
gboolean
vt_sqlite_check_backup_file (const char  *path,
                             int         *schema_version,
                             GError     **error)
{
  sqlite3 *db = open_checked_copy (path, schema_version, error);

  if (db == NULL)
    return FALSE;
  sqlite3_close (db);
  return TRUE;
}

/* Copies the database page by page with sqlite3_backup into a new file
 * next to @path, checks the copy, then renames it over @path: a crash
 * never leaves half a backup, nor a damaged one, under the name asked
 * for. Backups hold the same data as the database, so only the user may
 * read them. */
static gboolean
vt_sqlite_backend_backup (VtBackend     *backend,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc, fd;

  g_unlink (partial);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, VT_STORE_ERROR, saved_errno == ENOSPC ? VT_STORE_ERROR_FULL : VT_STORE_ERROR_IO,
                   _("The backup could not be written to “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc);
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest));
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }

  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          rc = SQLITE_INTERRUPT;
          break;
        }
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc == SQLITE_INTERRUPT ? NULL : dest, rc);
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  sqlite3_close (dest);

  /* Read the copy back from the disk before calling it a backup. */
  if (!vt_sqlite_check_backup_file (partial, NULL, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO,
                   _("The backup could not be written to “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Replaces the whole database with the backup in @path, in one write
 * transaction of this connection (sqlite3_backup into the live
 * database), so that other connections, the WAL and a crash half-way all
 * see either the old data or the new, never a mix. The backup is checked
 * first, and the current data copied to @safety_path, so that the restore
 * can itself be undone. A backup of an older version is upgraded. */
static gboolean
vt_sqlite_backend_restore (VtBackend     *backend,
                           const char    *path,
                           const char    *safety_path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  sqlite3 *src;
  sqlite3_backup *backup;
  int rc;

  if (self->read_only)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                           _("This database is open read-only, so a backup cannot be restored into it."));
      return FALSE;
    }
  if (same_file (path, self->path))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("This is the database itself, not a backup of it."));
      return FALSE;
    }

  src = open_checked_copy (path, NULL, error);
  if (src == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || (safety_path != NULL && !vt_sqlite_backend_backup (backend, safety_path, cancellable, error)))
    {
      sqlite3_close (src);
      return FALSE;
    }

  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, self->db, sqlite3_errcode (self->db));
      sqlite3_close (src);
      return FALSE;
    }
  /* All at once: one transaction on the destination. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  sqlite3_close (src);
  invalidate_search_cache (self);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  self->schema_version = read_user_version (self->db, &rc);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  /* The copy brought the backup's journal mode along. */
  if (!exec_sql (self, g_str_equal (self->journal_mode, "wal") ? "PRAGMA journal_mode = WAL"
                                                                : "PRAGMA journal_mode = DELETE", error))
    return FALSE;
  return migrate_backend (self, error);
}

static gboolean
check_rows (VtSqliteBackend  *self,
            const char       *sql,
            const char       *ok_value,
            const char       *title,
            GString          *report,
            gboolean         *healthy,
            GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  guint problems = 0;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      const char *value;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        break;
      value = (const char *) sqlite3_column_text (stmt, 0);

      if (ok_value != NULL && g_strcmp0 (value, ok_value) == 0)
        continue;
      if (problems++ < 20)
        g_string_append_printf (report, "  %s: %s\n", title, value ? value : "");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  if (problems > 0)
    *healthy = FALSE;
  return TRUE;
}

static gboolean
vt_sqlite_backend_check (VtBackend  *backend,
                         gboolean   *healthy,
                         char      **report,
                         GError    **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean ok = TRUE;

  g_string_append_printf (out, _("Database: %s\n"), self->path);
  g_string_append_printf (out, _("Schema version: %d (this version of the app knows up to %d)\n"),
                          self->schema_version, vt_sqlite_get_latest_schema_version ());
  g_string_append_printf (out, _("Journal: %s\n"), self->journal_mode);

  if (!check_rows (self, "PRAGMA integrity_check", "ok", _("Integrity"), out, &ok, error)
      || !check_rows (self, "SELECT \"table\" || ' row ' || rowid || ' → ' || parent FROM pragma_foreign_key_check",
                      NULL, _("Broken reference"), out, &ok, error)
      /* The cached stage must be the last history row. */
      || !check_rows (self, "SELECT s.uuid || ': ' || s.stage || ' ≠ ' || coalesce (h.to_stage, '-') "
                            "FROM suppliers s LEFT JOIN stage_history h ON h.id = "
                            "(SELECT max (id) FROM stage_history WHERE supplier_id = s.id) "
                            "WHERE h.to_stage IS NOT s.stage",
                      NULL, _("Stage differs from its history"), out, &ok, error))
    return FALSE;

  g_string_append (out, ok ? _("Result: no problems found.\n") : _("Result: problems found (see above).\n"));
  *healthy = ok;
  *report = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* Interface --------------------------------------------------------------- */

static gboolean
vt_sqlite_backend_is_read_only (VtBackend *backend)
{
  return VT_SQLITE_BACKEND (backend)->read_only;
}

static int
vt_sqlite_backend_get_schema_version (VtBackend *backend)
{
  return VT_SQLITE_BACKEND (backend)->schema_version;
}

static void
vt_sqlite_backend_set_actor (VtBackend  *backend,
                             const char *actor)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);

  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();
  if (g_strcmp0 (self->actor, actor) != 0)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor);
    }
}

static gboolean
vt_sqlite_backend_begin (VtBackend  *backend,
                         GError    **error)
{
  return tx_begin (VT_SQLITE_BACKEND (backend), error);
}

static gboolean
vt_sqlite_backend_commit (VtBackend  *backend,
                          GError    **error)
{
  return tx_commit (VT_SQLITE_BACKEND (backend), error);
}

static void
vt_sqlite_backend_rollback (VtBackend *backend)
{
  tx_rollback (VT_SQLITE_BACKEND (backend));
}

static void
vt_sqlite_backend_finalize (GObject *object)
{
  VtSqliteBackend *self = (VtSqliteBackend *) object;

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->search_cache, vt_search_cache_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (vt_sqlite_backend_parent_class)->finalize (object);
}

static void
vt_sqlite_backend_class_init (VtSqliteBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_sqlite_backend_finalize;
}

static void
vt_sqlite_backend_init (VtSqliteBackend *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->actor = g_strdup (g_get_user_name ());
  self->journal_mode = "none";
}

/* Import and export ----------------------------------------------------- */

/* The suppliers an import can match (vt-import-match.h), as saved. */
static gboolean
read_import_matches (gpointer          backend,
                     VtImportMatcher  *matcher,
                     GError          **error)
{
  VtSqliteBackend *self = backend;
  g_autoptr(VtStmt) stmt = prepare (self, "SELECT id, uuid, tax_code, name_vi_fold FROM suppliers ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = step_row (self, stmt, error)) == SQLITE_ROW)
    vt_import_matcher_add (matcher, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
  return rc == SQLITE_DONE;
}

static VtSupplier *
import_get_supplier (gpointer     backend,
                     const char  *uuid,
                     GError     **error)
{
  return vt_sqlite_backend_get_supplier (backend, uuid, error);
}

/* When a refused row is to be skipped, it gets a savepoint of its own;
 * when it fails the whole import, the savepoint is not worth its
 * statement journal. */
static gboolean
import_save (gpointer     backend,
             VtSupplier  *s,
             gboolean     alone,
             gint64      *id,
             GError     **error)
{
  VtSqliteBackend *self = backend;

  if (!(alone ? in_transaction (self, save_supplier_tx, s, error) : save_supplier_tx (self, s, error)))
    return FALSE;
  *id = self->saved_id;
  return TRUE;
}

static gboolean
import_lost (gpointer backend)
{
  return sqlite3_get_autocommit (((VtSqliteBackend *) backend)->db);
}

static const VtImportOps import_ops = {
  read_import_matches, import_get_supplier, import_save, import_lost,
};

typedef struct
{
  VtImportBatch     *batch;
  VtDuplicatePolicy  policy;
  gboolean           all_or_nothing;
  GCancellable      *cancellable;
  VtImportSummary   *summary;
} ImportJob;

static gboolean
import_tx (VtSqliteBackend  *self,
           gpointer          data,
           GError          **error)
{
  ImportJob *job = data;

  return vt_import_run (&import_ops, self, job->batch, job->policy, job->all_or_nothing, job->cancellable,
                        job->summary, error);
}

static VtImportSummary *
vt_sqlite_backend_import_suppliers (VtBackend          *backend,
                                    VtImportBatch      *batch,
                                    VtDuplicatePolicy   policy,
                                    gboolean            all_or_nothing,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  VtSqliteBackend *self = VT_SQLITE_BACKEND (backend);
  VtImportSummary *summary = vt_import_begin (batch, all_or_nothing, error);
  ImportJob job = { batch, policy, all_or_nothing, cancellable, summary };
  gboolean saved;

  if (summary == NULL)
    return NULL;
  /* Every row of one import carries the same time, as one transaction. */
  self->import_now = now_iso ();
  self->import_provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  saved = in_transaction (self, import_tx, &job, error);
  g_clear_pointer (&self->import_now, g_free);
  g_clear_pointer (&self->import_provinces, g_hash_table_unref);
  return vt_import_end (batch, summary, saved);
}

static VtImportMatches *
vt_sqlite_backend_count_import_matches (VtBackend      *backend,
                                        VtImportBatch  *batch,
                                        GCancellable   *cancellable,
                                        GError        **error)
{
  return vt_import_count_matches (&import_ops, backend, batch, cancellable, error);
}

static GPtrArray *
vt_sqlite_backend_export_suppliers (VtBackend              *backend,
                                    const VtSupplierQuery  *query,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_supplier_unref);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_copy (query);

  q->page_size = 1000;
  vt_supplier_query_set_after (q, NULL);
  for (;;)
    {
      g_autoptr(VtSupplierPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = vt_sqlite_backend_query_suppliers (backend, q, error);
      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->items->len; i++)
        {
          VtSupplierSummary *row = g_ptr_array_index (page->items, i);
          VtSupplier *s = vt_sqlite_backend_get_supplier (backend, vt_supplier_summary_get_uuid (row), error);

          if (s == NULL)
            return NULL;
          g_ptr_array_add (suppliers, s);
        }
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  return g_steal_pointer (&suppliers);
}

static void
vt_sqlite_backend_iface_init (VtBackendInterface *iface)
{
  iface->is_read_only = vt_sqlite_backend_is_read_only;
  iface->get_schema_version = vt_sqlite_backend_get_schema_version;
  iface->set_actor = vt_sqlite_backend_set_actor;
  iface->begin = vt_sqlite_backend_begin;
  iface->commit = vt_sqlite_backend_commit;
  iface->rollback = vt_sqlite_backend_rollback;
  iface->count = vt_sqlite_backend_count;
  iface->count_stages = vt_sqlite_backend_count_stages;
  iface->list_provinces = vt_sqlite_backend_list_provinces;
  iface->list_certifications = vt_sqlite_backend_list_certifications;
  iface->list_round_suppliers = vt_sqlite_backend_list_round_suppliers;
  iface->count_visit_months = vt_sqlite_backend_count_visit_months;
  iface->query_suppliers = vt_sqlite_backend_query_suppliers;
  iface->get_supplier = vt_sqlite_backend_get_supplier;
  iface->save_supplier = vt_sqlite_backend_save_supplier;
  iface->delete_supplier = vt_sqlite_backend_delete_supplier;
  iface->move_stage = vt_sqlite_backend_move_stage;
  iface->move_stages = vt_sqlite_backend_move_stages;
  iface->list_stage_history = vt_sqlite_backend_list_stage_history;
  iface->list_rounds = vt_sqlite_backend_list_rounds;
  iface->save_round = vt_sqlite_backend_save_round;
  iface->close_round = vt_sqlite_backend_close_round;
  iface->set_current_round = vt_sqlite_backend_set_current_round;
  iface->list_people = vt_sqlite_backend_list_people;
  iface->save_person = vt_sqlite_backend_save_person;
  iface->list_visits = vt_sqlite_backend_list_visits;
  iface->get_visit = vt_sqlite_backend_get_visit;
  iface->get_visit_by_uid = vt_sqlite_backend_get_visit_by_uid;
  iface->import_visits = vt_sqlite_backend_import_visits;
  iface->save_visit = vt_sqlite_backend_save_visit;
  iface->list_criterion_sets = vt_sqlite_backend_list_criterion_sets;
  iface->get_criterion_set = vt_sqlite_backend_get_criterion_set;
  iface->save_criterion_set = vt_sqlite_backend_save_criterion_set;
  iface->set_default_criterion_set = vt_sqlite_backend_set_default_criterion_set;
  iface->list_assessments = vt_sqlite_backend_list_assessments;
  iface->get_assessment = vt_sqlite_backend_get_assessment;
  iface->save_assessment = vt_sqlite_backend_save_assessment;
  iface->list_improvement_actions = vt_sqlite_backend_list_improvement_actions;
  iface->list_attachments = vt_sqlite_backend_list_attachments;
  iface->get_attachment = vt_sqlite_backend_get_attachment;
  iface->add_attachment = vt_sqlite_backend_add_attachment;
  iface->delete_record = vt_sqlite_backend_delete_record;
  iface->list_audit = vt_sqlite_backend_list_audit;
  iface->backup = vt_sqlite_backend_backup;
  iface->restore = vt_sqlite_backend_restore;
  iface->check = vt_sqlite_backend_check;
  iface->import_suppliers = vt_sqlite_backend_import_suppliers;
  iface->count_import_matches = vt_sqlite_backend_count_import_matches;
  iface->export_suppliers = vt_sqlite_backend_export_suppliers;
}
