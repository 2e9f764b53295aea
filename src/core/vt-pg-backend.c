/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-pg-backend.c: the shared PostgreSQL server backend (libpq).
 *
 * Like the SQLite backend, one object owns one connection and is used by
 * one thread (VtStore's worker), so blocking libpq calls never reach the
 * main loop. The schema comes from the same migration files as SQLite's,
 * translated to PostgreSQL's dialect (vt_pg_translate_sql()); the few
 * files that cannot be translated have a PostgreSQL version in
 * data/sql/pg/, and a test compares the two schemas table by table.
 *
 * Every query is parameterised. Every update of an edited row says
 * "WHERE id = $1 AND version = $2", so that the server itself refuses a
 * save made from a stale copy (see RELIABILITY.md, PostgreSQL).
 */

#define G_LOG_DOMAIN "vt-pg"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "vt-assessment.h"
#include "vt-attachment.h"
#include "vt-audit.h"
#include "vt-core-resources.h"
#include "vt-criteria.h"
#include "vt-error.h"
#include "vt-import-match.h"
#include "vt-improvement-action.h"
#include "vt-person.h"
#include "vt-pg-backend.h"
#include "vt-readiness.h"
#include "vt-round.h"
#include "vt-round-stats.h"
#include "vt-search.h"
#include "vt-search-keys.h"
#include "vt-sqlite-backend.h"
#include "vt-supplier.h"
#include "vt-supplier-query.h"
#include "vt-supplier-summary.h"
#include "vt-visit.h"

#define MIGRATIONS_PATH "/vn/vitask/Suppliers/sql/"
#define PG_MIGRATIONS_PATH "/vn/vitask/Suppliers/pg/"
/* Taken while migrating, so that two workstations that open a new server
 * at once do not both build the schema. */
#define MIGRATION_LOCK "7406231"
#define MAX_PARAMS 32
#define TEXT_OID 25

struct _VtPgBackend
{
  GObject     parent_instance;

  PGconn     *conn;
  char       *actor;
  int         schema_version;
  guint       tx_depth;
  gboolean    read_only;

  /* Written into the reason of every audit row while set. */
  const char *audit_reason;
  /* The row id of the supplier save_supplier_tx() saved last. */
  gint64      saved_id;
};

static void vt_pg_backend_iface_init (VtBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtPgBackend, vt_pg_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VT_TYPE_BACKEND, vt_pg_backend_iface_init))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Errors ------------------------------------------------------------------ */

static void
set_pg_error (GError        **error,
              PGconn         *conn,
              const PGresult *res)
{
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = res ? PQresultErrorMessage (res) : NULL;
  g_autofree char *clean = NULL;
  VtStoreError code;
  const char *message;

  if (detail == NULL || *detail == '\0')
    detail = conn ? PQerrorMessage (conn) : "";
  clean = g_strstrip (g_strdup (detail));

  if (state == NULL && conn != NULL && PQstatus (conn) == CONNECTION_BAD)
    state = "08000";
  if (state == NULL)
    state = "";

  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    {
      code = VT_STORE_ERROR_IO;
      message = _("The connection to the database server was lost. The change was not saved. Check the network connection and try again.");
    }
  else if (g_str_equal (state, "42501"))
    {
      code = VT_STORE_ERROR_READ_ONLY;
      message = _("Your account on the database server may only read. The change was not saved.");
    }
  else if (g_str_equal (state, "25006"))
    {
      code = VT_STORE_ERROR_READ_ONLY;
      message = _("This database is open read-only. The change was not saved.");
    }
  else if (g_str_has_prefix (state, "23"))
    {
      code = VT_STORE_ERROR_INVALID;
      message = _("The change breaks a rule of the database (a value out of range, a duplicate, or a record still in use) and was not saved.");
    }
  else if (g_str_equal (state, "55P03") || g_str_equal (state, "40001") || g_str_equal (state, "40P01"))
    {
      code = VT_STORE_ERROR_LOCKED;
      message = _("Someone else is changing the same records just now. The change was not saved. Wait a moment and try again.");
    }
  else if (g_str_equal (state, "53100"))
    {
      code = VT_STORE_ERROR_FULL;
      message = _("The database server's disk is full. The change was not saved; everything saved before is intact. Ask the server's administrator to free some space.");
    }
  else if (g_str_equal (state, "57014"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      return;
    }
  else
    {
      code = VT_STORE_ERROR_FAILED;
      message = _("The database reported an error.");
    }

  g_set_error (error, VT_STORE_ERROR, code, "%s (%s)", message, clean);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND,
                       _("The record no longer exists. Someone may have deleted it."));
}

static void
set_conflict (GError **error)
{
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT,
                       _("Someone else changed this record after you opened it. Your changes were not saved; reload the record to see theirs, then make your changes again."));
}

static gboolean
check_version (gint64    stored,
               gint64    given,
               GError  **error)
{
  if (stored != given)
    {
      set_conflict (error);
      return FALSE;
    }
  return TRUE;
}

/* Parameters and results -------------------------------------------------- */

/* The values of one statement's $1, $2, …, as text (or binary bytea). */
typedef struct
{
  int   n;
  char *values[MAX_PARAMS];
  int   lengths[MAX_PARAMS];
  int   formats[MAX_PARAMS];
} Params;

static void
params_clear (Params *p)
{
  for (int i = 0; i < MAX_PARAMS; i++)
    g_clear_pointer (&p->values[i], g_free);
  p->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Params, params_clear)

static void
set_param (Params *p,
           int     index,
           char   *value,
           int     length,
           int     format)
{
  g_return_if_fail (index >= 1 && index <= MAX_PARAMS);

  g_free (p->values[index - 1]);
  p->values[index - 1] = value;
  p->lengths[index - 1] = length;
  p->formats[index - 1] = format;
  p->n = MAX (p->n, index);
}

/* As in the SQLite backend, an empty text is stored as NULL. */
static void
p_text (Params     *p,
        int         index,
        const char *text)
{
  set_param (p, index, text && *text ? g_strdup (text) : NULL, 0, 0);
}

static void
p_text_take (Params *p,
             int     index,
             char   *text)
{
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  set_param (p, index, text, 0, 0);
}

static void
p_int (Params *p,
       int     index,
       gint64  value,
       gint64  unset)
{
  set_param (p, index, value == unset ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

static void
p_int64 (Params *p,
         int     index,
         gint64  value)
{
  set_param (p, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

static void
p_double (Params *p,
          int     index,
          double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_param (p, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), 0, 0);
}

static void
p_bytes (Params *p,
         int     index,
         GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);
  char *copy = g_malloc (size + 1);

  if (size > 0)
    memcpy (copy, data, size);
  set_param (p, index, copy, (int) size, 1);
}

/* Parameters a statement does not mention get a type, since the server
 * cannot infer one from their use. */
static void
param_types (const char *sql,
             int         n,
             Oid        *types)
{
  gboolean used[MAX_PARAMS + 1] = { FALSE };

  for (const char *c = strchr (sql, '$'); c != NULL; c = strchr (c + 1, '$'))
    {
      gint64 i = g_ascii_strtoll (c + 1, NULL, 10);

      if (i >= 1 && i <= MAX_PARAMS)
        used[i] = TRUE;
    }
  for (int i = 0; i < n; i++)
    types[i] = used[i + 1] ? 0 : TEXT_OID;
}

static gboolean reconnect_if_lost (VtPgBackend *self);

static gboolean
result_ok (const PGresult *res)
{
  ExecStatusType status = PQresultStatus (res);

  return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

/* Runs one statement; NULL with @error set when it failed. A statement
 * outside a transaction is tried once more on a new connection when the
 * old one was lost (a server restart): nothing of it can have happened. */
static PGresult *
run (VtPgBackend  *self,
     const char   *sql,
     Params       *p,
     GError      **error)
{
  Oid types[MAX_PARAMS];
  int n = p ? p->n : 0;
  PGresult *res = NULL;

  param_types (sql, n, types);
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_clear_pointer (&res, PQclear);
      res = PQexecParams (self->conn, sql, n, types,
                          p ? (const char * const *) p->values : NULL,
                          p ? p->lengths : NULL, p ? p->formats : NULL, 0);
      if (result_ok (res))
        return res;
      if (attempt > 0 || !reconnect_if_lost (self))
        break;
    }
  set_pg_error (error, self->conn, res);
  PQclear (res);
  return NULL;
}

static gboolean
run_done (VtPgBackend  *self,
          const char   *sql,
          Params       *p,
          GError      **error)
{
  g_autoptr(PGresult) res = run (self, sql, p, error);

  return res != NULL;
}

/* Runs a script of several statements without parameters. */
static gboolean
run_conn_script (PGconn      *conn,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (result_ok (res))
    return TRUE;
  set_pg_error (error, conn, res);
  return FALSE;
}

static gboolean
run_script (VtPgBackend  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (run_conn_script (self->conn, sql, &local))
    return TRUE;
  if (reconnect_if_lost (self))
    return run_conn_script (self->conn, sql, error);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static const char *
col (const PGresult *res,
     int             row,
     int             column)
{
  return PQgetisnull (res, row, column) ? NULL : PQgetvalue (res, row, column);
}

static char *
col_dup (const PGresult *res,
         int             row,
         int             column)
{
  return g_strdup (col (res, row, column));
}

static gint64
col_int (const PGresult *res,
         int             row,
         int             column,
         gint64          unset)
{
  const char *value = col (res, row, column);

  return value ? g_ascii_strtoll (value, NULL, 10) : unset;
}

static double
col_double (const PGresult *res,
            int             row,
            int             column)
{
  const char *value = col (res, row, column);

  return value ? g_ascii_strtod (value, NULL) : 0.0;
}

static gboolean
col_bool (const PGresult *res,
          int             row,
          int             column)
{
  const char *value = col (res, row, column);

  return value != NULL && (g_str_equal (value, "t") || g_ascii_strtoll (value, NULL, 10) != 0);
}

static GDateTime *
col_time (const PGresult *res,
          int             row,
          int             column)
{
  return vt_time_from_iso (col (res, row, column));
}

static void
col_date (const PGresult *res,
          int             row,
          int             column,
          GDate          *date)
{
  vt_date_from_iso (date, col (res, row, column));
}

static GBytes *
col_bytes (const PGresult *res,
           int             row,
           int             column)
{
  size_t length = 0;
  unsigned char *data = PQunescapeBytea ((const unsigned char *) PQgetvalue (res, row, column), &length);
  GBytes *bytes = g_bytes_new (data, length);

  PQfreemem (data);
  return bytes;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return vt_time_to_iso (now);
}

/* Transactions ------------------------------------------------------------ */

static gboolean
tx_begin (VtPgBackend  *self,
          GError      **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                           _("This database is open read-only. The change was not saved."));
      return FALSE;
    }
  if (!run_script (self, self->tx_depth == 0 ? "BEGIN" : "SAVEPOINT vt", error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static void
tx_rollback (VtPgBackend *self)
{
  g_return_if_fail (self->tx_depth > 0);

  self->tx_depth--;
  /* A lost connection has rolled everything back already. */
  if (PQtransactionStatus (self->conn) == PQTRANS_IDLE
      || PQtransactionStatus (self->conn) == PQTRANS_UNKNOWN)
    return;
  if (self->tx_depth == 0)
    run_script (self, "ROLLBACK", NULL);
  else
    run_script (self, "ROLLBACK TO SAVEPOINT vt; RELEASE SAVEPOINT vt", NULL);
}

static gboolean
tx_commit (VtPgBackend  *self,
           GError      **error)
{
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  /* COMMIT of a failed transaction only rolls it back, without an error. */
  if (PQtransactionStatus (self->conn) != PQTRANS_INTRANS)
    {
      tx_rollback (self);
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                           _("The change was not saved because an earlier step failed."));
      return FALSE;
    }
  if (!run_script (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE SAVEPOINT vt", error))
    {
      tx_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

typedef gboolean (*TxFunc) (VtPgBackend  *self,
                            gpointer      data,
                            GError      **error);

static gboolean
in_transaction (VtPgBackend  *self,
                TxFunc        func,
                gpointer      data,
                GError      **error)
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
audit (VtPgBackend  *self,
       const char   *action,
       const char   *entity,
       const char   *entity_id,
       const char   *field,
       const char   *old_value,
       const char   *new_value,
       GError      **error)
{
  g_auto(Params) p = { 0 };

  p_text_take (&p, 1, now_iso ());
  p_text (&p, 2, self->actor);
  p_text (&p, 3, action);
  p_text (&p, 4, entity);
  p_text (&p, 5, entity_id);
  p_text (&p, 6, field);
  p_text (&p, 7, old_value);
  p_text (&p, 8, new_value);
  p_text (&p, 9, self->audit_reason);
  return run_done (self,
                   "INSERT INTO audit_log (at, who, action, entity, entity_id, field, old_value, new_value, reason) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", &p, error);
}

static gboolean
audit_diff (VtPgBackend  *self,
            VtFields     *old_fields,
            VtFields     *new_fields,
            const char   *entity,
            const char   *entity_id,
            GError      **error)
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
audit_id (VtPgBackend  *self,
          const char   *action,
          const char   *entity,
          gint64        id,
          const char   *label,
          GError      **error)
{
  char id_text[32];

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
  if (g_str_equal (action, "delete"))
    return audit (self, action, entity, id_text, NULL, label, NULL, error);
  return audit (self, action, entity, id_text, NULL, NULL, label, error);
}

/* Schema ------------------------------------------------------------------ */

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The migration file of @version, "NNNN-name.sql". */
static char *
migration_name (int version)
{
  g_auto(GStrv) names = g_resource_enumerate_children (vt_core_get_resource (), MIGRATIONS_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *prefix = g_strdup_printf ("%04d-", version);

  if (names == NULL)
    return NULL;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix))
      return g_strdup (names[i]);
  return NULL;
}

/**
 * vt_pg_translate_sql:
 * @sqlite_sql: a migration written for SQLite
 *
 * Rewrites the few SQLite idioms our migrations use into PostgreSQL's:
 * integer keys become identity columns, types get PostgreSQL's names,
 * STRICT and WITHOUT ROWID go, GLOB digit checks become regular
 * expressions, integer flags used as truth values get a comparison, and
 * a VALUES list in FROM gets the alias PostgreSQL requires.
 *
 * Returns: (transfer full): the PostgreSQL script
 */
char *
vt_pg_translate_sql (const char *sqlite_sql)
{
  static const struct {
    const char *pattern;
    const char *replacement;
  } rules[] = {
    { "\\bINTEGER PRIMARY KEY\\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" },
    { "\\bINTEGER\\b", "BIGINT" },
    { "\\bREAL\\b", "DOUBLE PRECISION" },
    { "\\bBLOB\\b", "BYTEA" },
    { "\\)\\s*STRICT(\\s*,\\s*WITHOUT ROWID)?\\s*;", ");" },
    { "NOT GLOB '\\*\\[\\^0-9\\]\\*'", "!~ '[^0-9]'" },
    { "\\bWHERE (is_default|is_current|draft|knockout)\\b(?!\\s*(=|<>|IN\\b))", "WHERE \\1 <> 0" },
    { "(FROM \\(VALUES\\n(?:[ \\t].*\\n)*\\))(?![ \\t]*(?:AS\\b|[a-z]))", "\\1 AS v" },
  };
  g_autofree char *sql = g_strdup (sqlite_sql);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      char *next;

      g_assert (regex != NULL);
      next = g_regex_replace (regex, sql, -1, 0, rules[i].replacement, 0, NULL);
      g_free (sql);
      sql = next;
    }
  return g_steal_pointer (&sql);
}

/**
 * vt_pg_migration_sql:
 * @version: a schema version
 *
 * Returns: (transfer full): the PostgreSQL script that takes the schema
 *   from @version - 1 to @version
 */
char *
vt_pg_migration_sql (int       version,
                     GError  **error)
{
  g_autofree char *name = migration_name (version);
  g_autofree char *pg_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GBytes) sql = NULL;

  if (name == NULL)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                   "No migration for schema version %d", version);
      return NULL;
    }

  pg_path = g_strconcat (PG_MIGRATIONS_PATH, name, NULL);
  own = g_resource_lookup_data (vt_core_get_resource (), pg_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (own != NULL)
    return g_strdup (g_bytes_get_data (own, NULL));

  path = g_strconcat (MIGRATIONS_PATH, name, NULL);
  sql = g_resource_lookup_data (vt_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return NULL;
  return vt_pg_translate_sql (g_bytes_get_data (sql, NULL));
}

static int
read_schema_version (VtPgBackend  *self,
                     GError      **error)
{
  g_autoptr(PGresult) exists = run (self, "SELECT to_regclass ('vt_schema_version') IS NOT NULL", NULL, error);
  g_autoptr(PGresult) version = NULL;

  if (exists == NULL)
    return -1;
  if (!col_bool (exists, 0, 0))
    return 0;
  version = run (self, "SELECT coalesce (max (version), 0) FROM vt_schema_version", NULL, error);
  return version ? (int) col_int (version, 0, 0, 0) : -1;
}

/* Explicit ids in a migration's data do not move an identity column's
 * sequence on; this sets every sequence past the largest id. */
static gboolean
resync_identities (VtPgBackend  *self,
                   GError      **error)
{
  g_autoptr(PGresult) columns = run (self,
    "SELECT table_name, column_name FROM information_schema.columns "
    "WHERE table_schema = current_schema () AND is_identity = 'YES'", NULL, error);

  if (columns == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (columns); i++)
    {
      g_auto(Params) p = { 0 };
      char *table = PQescapeIdentifier (self->conn, PQgetvalue (columns, i, 0), strlen (PQgetvalue (columns, i, 0)));
      char *column = PQescapeIdentifier (self->conn, PQgetvalue (columns, i, 1), strlen (PQgetvalue (columns, i, 1)));
      g_autofree char *sql = g_strdup_printf (
        "SELECT setval (pg_get_serial_sequence ($1, $2), coalesce (max (%s), 0) + 1, false) FROM %s",
        column, table);
      gboolean ok;

      p_text (&p, 1, PQgetvalue (columns, i, 0));
      p_text (&p, 2, PQgetvalue (columns, i, 1));
      ok = run_done (self, sql, &p, error);
      PQfreemem (table);
      PQfreemem (column);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (VtPgBackend  *self,
         GError      **error)
{
  int latest = vt_sqlite_get_latest_schema_version ();

  for (int v = self->schema_version + 1; v <= latest; v++)
    {
      g_autofree char *sql = NULL;
      g_auto(Params) p = { 0 };
      int now;

      if (!tx_begin (self, error))
        return FALSE;
      if (!run_done (self, "SELECT pg_advisory_xact_lock (" MIGRATION_LOCK ")", NULL, error)
          || !run_done (self, "CREATE TABLE IF NOT EXISTS vt_schema_version (version INTEGER NOT NULL)", NULL, error)
          || (now = read_schema_version (self, error)) < 0)
        goto failed;
      if (now >= v)
        {
          /* Another workstation migrated while we waited for the lock. */
          if (!tx_commit (self, error))
            return FALSE;
          self->schema_version = now;
          v = now;
          continue;
        }
      sql = vt_pg_migration_sql (v, error);
      p_int64 (&p, 1, v);
      if (sql == NULL
          || !run_script (self, sql, error)
          || !resync_identities (self, error)
          || !run_done (self, "DELETE FROM vt_schema_version", NULL, error)
          || !run_done (self, "INSERT INTO vt_schema_version (version) VALUES ($1)", &p, error))
        goto failed;
      if (!tx_commit (self, error))
        return FALSE;
      self->schema_version = v;
      continue;

    failed:
      g_prefix_error (error, _("The database on the server could not be brought up to date (schema version %d): "), v);
      tx_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Opening ----------------------------------------------------------------- */

static gboolean
set_up_session (VtPgBackend  *self,
                GError      **error)
{
  if (PQsetClientEncoding (self->conn, "UTF8") != 0)
    {
      set_pg_error (error, self->conn, NULL);
      return FALSE;
    }
  return run_conn_script (self->conn,
                          "SET application_name = 'vitask-suppliers'; "
                          "SET client_min_messages = warning; "
                          "SET lock_timeout = '10s'; "
                          "SET idle_in_transaction_session_timeout = '5min'", error)
      && (!self->read_only || run_conn_script (self->conn, "SET default_transaction_read_only = on", error));
}

/* After a lost connection (the server restarted, the network came back)
 * between transactions: connect again, with the same settings. Inside a
 * transaction the caller gets the error, since the transaction is gone. */
static gboolean
reconnect_if_lost (VtPgBackend *self)
{
  if (PQstatus (self->conn) != CONNECTION_BAD || self->tx_depth > 0)
    return FALSE;
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK || !set_up_session (self, NULL))
    return FALSE;
  g_debug ("Connected to the server again");
  return TRUE;
}

/**
 * vt_pg_conninfo_is_valid:
 * @conninfo: a libpq connection string ("host=… dbname=…") or URI
 *
 * Checks the syntax only, without connecting.
 */
gboolean
vt_pg_conninfo_is_valid (const char  *conninfo,
                         GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);

  if (options == NULL)
    {
      g_autofree char *detail = g_strstrip (g_strdup (message ? message : ""));

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The server connection is not written correctly: %s"), detail);
      PQfreemem (message);
      return FALSE;
    }
  PQconninfoFree (options);
  return TRUE;
}

/**
 * vt_pg_default_sslmode:
 * @conninfo: a libpq connection string or URI
 *
 * The TLS mode used when neither @conninfo nor PGSSLMODE names one:
 * "verify-full" when a CA certificate is configured (sslrootcert, or
 * PGSSLROOTCERT, or ~/.postgresql/root.crt), so that the server's identity
 * is checked; else "prefer", which encrypts when the server can but does
 * not stop someone in between (RELIABILITY.md).
 *
 * Returns: the mode, or %NULL when @conninfo or the environment sets one
 */
const char *
vt_pg_default_sslmode (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  gboolean has_mode = FALSE, has_ca = FALSE;
  g_autofree char *home_ca = g_build_filename (g_get_home_dir (), ".postgresql", "root.crt", NULL);

  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (g_str_equal (o->keyword, "sslmode") && o->val && *o->val)
        has_mode = TRUE;
      if (g_str_equal (o->keyword, "sslrootcert") && o->val && *o->val)
        has_ca = TRUE;
    }
  PQconninfoFree (options);

  if (has_mode || g_getenv ("PGSSLMODE") != NULL)
    return NULL;
  if (has_ca || g_getenv ("PGSSLROOTCERT") != NULL || g_file_test (home_ca, G_FILE_TEST_IS_REGULAR))
    return "verify-full";
  return "prefer";
}

/* The default TLS mode comes first, so that one in @conninfo wins. */
static PGconn *
connect_with_defaults (const char *conninfo)
{
  const char *sslmode = vt_pg_default_sslmode (conninfo);
  const char *keywords[] = { "sslmode", "dbname", NULL };
  const char *values[] = { sslmode, conninfo, NULL };

  if (sslmode == NULL)
    return PQconnectdb (conninfo);
  return PQconnectdbParams (keywords, values, 1);
}

/**
 * vt_pg_backend_open:
 * @conninfo: a libpq connection string or URI
 * @flags: with %VT_STORE_OPEN_CREATE, an empty database gets the schema
 *
 * Connects (blocking: call it on the store's worker thread), brings the
 * schema up to date when the account may, and finds out whether the
 * account may write.
 */
VtPgBackend *
vt_pg_backend_open (const char        *conninfo,
                    VtStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(VtPgBackend) self = g_object_new (VT_TYPE_PG_BACKEND, NULL);
  g_autoptr(PGresult) rights = NULL;
  int latest = vt_sqlite_get_latest_schema_version ();

  if (!vt_pg_conninfo_is_valid (conninfo, error))
    return NULL;

  self->conn = connect_with_defaults (conninfo);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO,
                   _("Could not connect to the database server: %s"), detail);
      return NULL;
    }
  if (!set_up_session (self, error))
    return NULL;

  self->schema_version = read_schema_version (self, error);
  if (self->schema_version < 0)
    return NULL;
  if (self->schema_version > latest)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEWER_VERSION,
                   _("This database was written by a newer version of VITASK Suppliers (schema %d; this version knows up to %d). It has not been changed. Install the newer version to open it."),
                   self->schema_version, latest);
      return NULL;
    }
  if (self->schema_version == 0 && !(flags & VT_STORE_OPEN_CREATE))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE,
                           _("This database on the server holds no VITASK Suppliers data yet. Ask the server's administrator to set it up for VITASK Suppliers."));
      return NULL;
    }
  if (self->schema_version < latest && !(flags & VT_STORE_OPEN_READ_ONLY) && !migrate (self, error))
    return NULL;

  rights = run (self, "SELECT has_table_privilege ('suppliers', 'UPDATE')", NULL, error);
  if (rights == NULL)
    return NULL;
  self->read_only = (flags & VT_STORE_OPEN_READ_ONLY) || !col_bool (rights, 0, 0);
  if (self->read_only && !run_conn_script (self->conn, "SET default_transaction_read_only = on", error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Server setup ------------------------------------------------------------ */

/* Two roles that people's accounts are made members of. Viewers read;
 * editors also write, but only add to the history and the audit log, and
 * change neither the province list nor the schema. The database refuses
 * the rest, whatever program connects. */
static const char setup_sql[] =
  "DO $$ "
  "DECLARE s text := current_schema (); "
  "BEGIN "
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vitask_editor') THEN "
  "    CREATE ROLE vitask_editor NOLOGIN; "
  "  END IF; "
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vitask_viewer') THEN "
  "    CREATE ROLE vitask_viewer NOLOGIN; "
  "  END IF; "
  "  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO vitask_editor, vitask_viewer', s); "
  "  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM PUBLIC', s); "
  "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO vitask_editor, vitask_viewer', s); "
  "  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO vitask_editor', s); "
  "  EXECUTE format ('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO vitask_editor', s); "
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I "
  "                   GRANT SELECT ON TABLES TO vitask_editor, vitask_viewer', s); "
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I "
  "                   GRANT INSERT, UPDATE, DELETE ON TABLES TO vitask_editor', s); "
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I "
  "                   GRANT USAGE, SELECT ON SEQUENCES TO vitask_editor', s); "
  "END $$; "
  "REVOKE UPDATE, DELETE ON audit_log, stage_history FROM vitask_editor; "
  "REVOKE INSERT, UPDATE, DELETE ON provinces, vt_schema_version FROM vitask_editor";

/**
 * vt_pg_setup_server:
 * @conninfo: a connection as the database's owner, who may create roles
 *
 * Builds or upgrades the schema and creates the roles vitask_editor and
 * vitask_viewer with their rights. Running it again is harmless (and
 * needed after an upgrade that adds tables made by another owner).
 */
gboolean
vt_pg_setup_server (const char  *conninfo,
                    GError     **error)
{
  g_autoptr(VtPgBackend) self = vt_pg_backend_open (conninfo, VT_STORE_OPEN_CREATE, error);

  if (self == NULL)
    return FALSE;
  if (!tx_begin (self, error))
    return FALSE;
  if (!run_script (self, setup_sql, error))
    {
      tx_rollback (self);
      g_prefix_error (error, _("The roles could not be set up: "));
      return FALSE;
    }
  return tx_commit (self, error);
}

/* Lists of ids ------------------------------------------------------------ */

/* @ids as an array literal, for "= ANY ($n::bigint[])": one statement
 * reads the rows of many records, rather than one round trip each. */
static void
p_ids (Params *p,
       int     index,
       GArray *ids)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (out, '}');
  set_param (p, index, g_string_free (out, FALSE), 0, 0);
}

/* The record that a row of a child table belongs to: its id is in
 * column 0. */
static gpointer
owner_of (GHashTable     *by_id,
          const PGresult *res,
          int             row)
{
  gint64 id = col_int (res, row, 0, 0);

  return g_hash_table_lookup (by_id, &id);
}

/* Suppliers --------------------------------------------------------------- */

static gboolean
lookup_supplier_id (VtPgBackend  *self,
                    const char   *uuid,
                    gint64       *id,
                    gint64       *version,
                    GError      **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  p_text (&p, 1, uuid);
  res = run (self, "SELECT id, version FROM suppliers WHERE uuid = $1", &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  *id = col_int (res, 0, 0, 0);
  if (version)
    *version = col_int (res, 0, 1, 0);
  return TRUE;
}

#define SUPPLIER_COLUMNS \
  "id, uuid, version, code, name_vi, name_en, name_ko, tax_code, sector, products, " \
  "province_list, province_code, industrial_zone, address, founded_year, employees, " \
  "revenue_vnd, ownership, notes, stage, round_id, readiness, created_at, updated_at"

static VtSupplier *
read_supplier (const PGresult *res,
               int             row)
{
  VtSupplier *s = vt_supplier_new ();

  s->uuid = col_dup (res, row, 1);
  s->version = col_int (res, row, 2, 0);
  s->code = col_dup (res, row, 3);
  s->name_vi = col_dup (res, row, 4);
  s->name_en = col_dup (res, row, 5);
  s->name_ko = col_dup (res, row, 6);
  s->tax_code = col_dup (res, row, 7);
  vt_sector_from_string (col (res, row, 8), &s->sector);
  s->products = col_dup (res, row, 9);
  g_free (s->province_list);
  s->province_list = col_dup (res, row, 10);
  s->province_code = col_dup (res, row, 11);
  s->industrial_zone = col_dup (res, row, 12);
  s->address = col_dup (res, row, 13);
  s->founded_year = (int) col_int (res, row, 14, 0);
  s->employees = col_int (res, row, 15, -1);
  s->revenue_vnd = col_int (res, row, 16, -1);
  vt_ownership_from_string (col (res, row, 17), &s->ownership);
  s->notes = col_dup (res, row, 18);
  vt_stage_from_string (col (res, row, 19), &s->stage);
  s->round_id = col_int (res, row, 20, 0);
  s->readiness = col_double (res, row, 21);
  s->created_at = col_time (res, row, 22);
  s->updated_at = col_time (res, row, 23);
  if (s->province_list == NULL)
    s->province_list = g_strdup ("2025");
  return s;
}

/* The certifications, Korean customers and contacts of the suppliers in
 * @by_id (row id → VtSupplier; their ids in @ids): three statements for
 * any number of suppliers. */
static gboolean
load_supplier_children (VtPgBackend  *self,
                        GHashTable   *by_id,
                        GArray       *ids,
                        GError      **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) certs = NULL;
  g_autoptr(PGresult) customers = NULL;
  g_autoptr(PGresult) contacts = NULL;

  if (ids->len == 0)
    return TRUE;
  p_ids (&p, 1, ids);
  certs = run (self, "SELECT supplier_id, id, standard, certificate_no, issuer, issued_on, expires_on "
                     "FROM certifications WHERE supplier_id = ANY ($1::bigint[]) ORDER BY id", &p, error);
  if (certs == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (certs); i++)
    {
      VtSupplier *s = owner_of (by_id, certs, i);
      VtCertification *c = vt_certification_new (col (certs, i, 2));

      c->id = col_int (certs, i, 1, 0);
      c->certificate_no = col_dup (certs, i, 3);
      c->issuer = col_dup (certs, i, 4);
      col_date (certs, i, 5, &c->issued_on);
      col_date (certs, i, 6, &c->expires_on);
      g_ptr_array_add (s->certifications, c);
    }

  customers = run (self, "SELECT supplier_id, id, name, since_year, notes FROM korean_customers "
                         "WHERE supplier_id = ANY ($1::bigint[]) ORDER BY id", &p, error);
  if (customers == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (customers); i++)
    {
      VtSupplier *s = owner_of (by_id, customers, i);
      VtCustomer *c = vt_customer_new (col (customers, i, 2));

      c->id = col_int (customers, i, 1, 0);
      c->since_year = (int) col_int (customers, i, 3, 0);
      c->notes = col_dup (customers, i, 4);
      g_ptr_array_add (s->customers, c);
    }

  contacts = run (self, "SELECT supplier_id, id, family_name, middle_name, given_name, role, phone, email, "
                        "languages FROM contacts WHERE supplier_id = ANY ($1::bigint[]) ORDER BY id", &p, error);
  if (contacts == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (contacts); i++)
    {
      VtSupplier *s = owner_of (by_id, contacts, i);
      VtContact *c = vt_contact_new (col (contacts, i, 2), col (contacts, i, 3), col (contacts, i, 4));

      c->id = col_int (contacts, i, 1, 0);
      c->role = col_dup (contacts, i, 5);
      c->phone = col_dup (contacts, i, 6);
      c->email = col_dup (contacts, i, 7);
      c->languages = col_dup (contacts, i, 8);
      g_ptr_array_add (s->contacts, c);
    }
  return TRUE;
}

/* The suppliers of @res, complete, in its order. */
static GPtrArray *
read_suppliers (VtPgBackend     *self,
                const PGresult  *res,
                GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_supplier_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; i < PQntuples (res); i++)
    {
      VtSupplier *s = read_supplier (res, i);
      gint64 id = col_int (res, i, 0, 0);

      g_ptr_array_add (list, s);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), s);
      g_array_append_val (ids, id);
    }
  if (!load_supplier_children (self, by_id, ids, error))
    return NULL;
  return g_steal_pointer (&list);
}

static VtSupplier *
vt_pg_backend_get_supplier (VtBackend   *backend,
                            const char  *uuid,
                            GError     **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_text (&p, 1, uuid);
  res = run (self, "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE uuid = $1", &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }
  list = read_suppliers (self, res, error);
  return list ? vt_supplier_ref (g_ptr_array_index (list, 0)) : NULL;
}

static gboolean
write_supplier_children (VtPgBackend  *self,
                         gint64        id,
                         VtSupplier   *s,
                         GError      **error)
{
  const char *deletes[] = {
    "DELETE FROM certifications WHERE supplier_id = $1",
    "DELETE FROM korean_customers WHERE supplier_id = $1",
    "DELETE FROM contacts WHERE supplier_id = $1",
  };
  g_auto(Params) key = { 0 };

  p_int64 (&key, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    if (!run_done (self, deletes[i], &key, error))
      return FALSE;

  for (guint i = 0; i < s->certifications->len; i++)
    {
      VtCertification *c = g_ptr_array_index (s->certifications, i);
      g_auto(Params) p = { 0 };
      g_autoptr(PGresult) res = NULL;

      p_int64 (&p, 1, id);
      p_text (&p, 2, c->standard);
      p_text (&p, 3, c->certificate_no);
      p_text (&p, 4, c->issuer);
      p_text_take (&p, 5, vt_date_to_iso (&c->issued_on));
      p_text_take (&p, 6, vt_date_to_iso (&c->expires_on));
      res = run (self, "INSERT INTO certifications (supplier_id, standard, certificate_no, issuer, issued_on, "
                       "expires_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", &p, error);
      if (res == NULL)
        return FALSE;
      c->id = col_int (res, 0, 0, 0);
    }

  for (guint i = 0; i < s->customers->len; i++)
    {
      VtCustomer *c = g_ptr_array_index (s->customers, i);
      g_auto(Params) p = { 0 };
      g_autoptr(PGresult) res = NULL;

      p_int64 (&p, 1, id);
      p_text (&p, 2, c->name);
      p_int (&p, 3, c->since_year, 0);
      p_text (&p, 4, c->notes);
      res = run (self, "INSERT INTO korean_customers (supplier_id, name, since_year, notes) "
                       "VALUES ($1, $2, $3, $4) RETURNING id", &p, error);
      if (res == NULL)
        return FALSE;
      c->id = col_int (res, 0, 0, 0);
    }

  for (guint i = 0; i < s->contacts->len; i++)
    {
      VtContact *c = g_ptr_array_index (s->contacts, i);
      g_auto(Params) p = { 0 };
      g_autoptr(PGresult) res = NULL;

      p_int64 (&p, 1, id);
      p_text (&p, 2, c->family_name);
      p_text (&p, 3, c->middle_name);
      p_text (&p, 4, c->given_name);
      p_text (&p, 5, c->role);
      p_text (&p, 6, c->phone);
      p_text (&p, 7, c->email);
      p_text (&p, 8, c->languages);
      res = run (self, "INSERT INTO contacts (supplier_id, family_name, middle_name, given_name, role, phone, "
                       "email, languages) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id", &p, error);
      if (res == NULL)
        return FALSE;
      c->id = col_int (res, 0, 0, 0);
    }
  return TRUE;
}

static char *
province_2025 (VtPgBackend       *self,
               const VtSupplier  *s,
               GError           **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  if (s->province_code == NULL || *s->province_code == '\0')
    return g_strdup ("");

  p_text (&p, 1, s->province_list);
  p_text (&p, 2, s->province_code);
  res = run (self, "SELECT coalesce (successor_code, code) FROM provinces WHERE list_id = $1 AND code = $2",
             &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("Unknown province code “%s”."), s->province_code);
      return NULL;
    }
  return col_dup (res, 0, 0);
}

static gboolean
insert_stage_change (VtPgBackend  *self,
                     gint64        supplier_id,
                     gint64        round_id,
                     int           from,
                     VtStage       to,
                     const char   *reason,
                     GError      **error)
{
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, supplier_id);
  p_int (&p, 2, round_id, 0);
  p_text_take (&p, 3, now_iso ());
  p_text (&p, 4, self->actor);
  p_text (&p, 5, from < 0 ? NULL : vt_stage_to_string (from));
  p_text (&p, 6, vt_stage_to_string (to));
  p_text (&p, 7, reason);
  return run_done (self,
                   "INSERT INTO stage_history (supplier_id, round_id, at, who, from_stage, to_stage, reason) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7)", &p, error);
}

static gboolean
save_supplier_tx (VtPgBackend  *self,
                  gpointer      data,
                  GError      **error)
{
  VtSupplier *s = data;
  g_auto(VtSearchKeys) keys = { 0 };
  g_auto(Params) p = { 0 };
  g_autofree char *province_now = NULL;
  g_autofree char *now = now_iso ();
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) old = NULL;
  g_autoptr(PGresult) res = NULL;
  gboolean is_new = s->version == 0;
  gint64 id;

  if (!vt_supplier_validate (s, error))
    return FALSE;
  province_now = province_2025 (self, s, error);
  if (province_now == NULL)
    return FALSE;

  vt_search_keys_compute (&keys, s->name_vi, s->name_en, s->name_ko, s->code, s->tax_code,
                          s->products, s->industrial_zone);

  if (is_new)
    uuid = s->uuid ? g_strdup (s->uuid) : g_uuid_string_random ();
  else
    {
      old = vt_pg_backend_get_supplier (VT_BACKEND (self), s->uuid, error);
      if (old == NULL || !check_version (old->version, s->version, error))
        return FALSE;
      uuid = g_strdup (s->uuid);
    }

  p_text (&p, 1, s->code);
  p_text (&p, 2, s->name_vi);
  p_text (&p, 3, s->name_en);
  p_text (&p, 4, s->name_ko);
  p_text (&p, 5, s->tax_code);
  p_text (&p, 6, vt_sector_to_string (s->sector));
  p_text (&p, 7, s->products);
  p_text (&p, 8, s->province_code ? s->province_list : NULL);
  p_text (&p, 9, s->province_code);
  set_param (&p, 10, g_strdup (province_now), 0, 0);
  p_text (&p, 11, s->industrial_zone);
  p_text (&p, 12, s->address);
  p_int (&p, 13, s->founded_year, 0);
  p_int (&p, 14, s->employees, -1);
  p_int (&p, 15, s->revenue_vnd, -1);
  p_text (&p, 16, vt_ownership_to_string (s->ownership));
  p_text (&p, 17, s->notes);
  p_text (&p, 18, keys.name_vi_fold);
  p_text (&p, 19, keys.name_en_fold);
  p_text (&p, 20, keys.name_ko_fold);
  p_text (&p, 21, keys.initials);
  set_param (&p, 22, g_strdup (keys.search_fold), 0, 0);
  p_bytes (&p, 23, keys.sort_key);
  p_text (&p, 24, uuid);
  p_int (&p, 25, s->round_id, 0);
  p_text (&p, 26, now);
  p_int64 (&p, 27, s->version);

  if (is_new)
    res = run (self,
      "INSERT INTO suppliers (code, name_vi, name_en, name_ko, tax_code, sector, products, "
      "province_list, province_code, province_2025, industrial_zone, address, founded_year, "
      "employees, revenue_vnd, ownership, notes, name_vi_fold, name_en_fold, name_ko_fold, "
      "name_ko_initials, search_fold, sort_key, uuid, round_id, created_at, updated_at, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20, $21, $22, $23, $24, $25, $26, $26, 1) RETURNING id", &p, error);
  else
    /* The server checks the version again: a save that raced ours since
     * the read above changes no row. */
    res = run (self,
      "UPDATE suppliers SET code = $1, name_vi = $2, name_en = $3, name_ko = $4, tax_code = $5, "
      "sector = $6, products = $7, province_list = $8, province_code = $9, province_2025 = $10, "
      "industrial_zone = $11, address = $12, founded_year = $13, employees = $14, "
      "revenue_vnd = $15, ownership = $16, notes = $17, name_vi_fold = $18, name_en_fold = $19, "
      "name_ko_fold = $20, name_ko_initials = $21, search_fold = $22, sort_key = $23, "
      "updated_at = $26, version = version + 1 "
      "WHERE uuid = $24 AND version = $27 RETURNING id", &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      set_conflict (error);
      return FALSE;
    }
  id = col_int (res, 0, 0, 0);

  if (!write_supplier_children (self, id, s, error))
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
vt_pg_backend_save_supplier (VtBackend   *backend,
                             VtSupplier  *supplier,
                             GError     **error)
{
  gint64 saved_version = supplier->version;
  g_autofree char *saved_uuid = g_strdup (supplier->uuid);

  if (in_transaction (VT_PG_BACKEND (backend), save_supplier_tx, supplier, error))
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
delete_supplier_tx (VtPgBackend  *self,
                    gpointer      data,
                    GError      **error)
{
  DeleteSupplier *d = data;
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;
  gint64 id, version;

  if (!lookup_supplier_id (self, d->uuid, &id, &version, error)
      || !check_version (version, d->version, error))
    return FALSE;

  p_int64 (&p, 1, id);
  p_int64 (&p, 2, d->version);
  res = run (self, "DELETE FROM suppliers WHERE id = $1 AND version = $2 RETURNING name_vi", &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      set_conflict (error);
      return FALSE;
    }
  return audit (self, "delete", "supplier", d->uuid, NULL, col (res, 0, 0), NULL, error);
}

static gboolean
vt_pg_backend_delete_supplier (VtBackend   *backend,
                               const char  *uuid,
                               gint64       version,
                               GError     **error)
{
  DeleteSupplier d = { uuid, version };

  return in_transaction (VT_PG_BACKEND (backend), delete_supplier_tx, &d, error);
}

/* Stages ------------------------------------------------------------------ */

static gboolean
check_round_open (VtPgBackend  *self,
                  gint64        round_id,
                  GError      **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  if (round_id == 0)
    return TRUE;
  p_int64 (&p, 1, round_id);
  res = run (self, "SELECT name, closed_at FROM rounds WHERE id = $1", &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1 && col (res, 0, 1) != NULL)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
                   _("The round “%s” is closed. Its dossiers and targets can no longer change."),
                   col (res, 0, 0));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *uuid;
  gint64      round_id;
  VtStage     to;
  const char *reason;
} MoveStage;

static gboolean
move_stage_tx (VtPgBackend  *self,
               gpointer      data,
               GError      **error)
{
  MoveStage *m = data;
  g_autofree char *reason = g_strstrip (g_strdup (m->reason ? m->reason : ""));
  g_auto(Params) key = { 0 };
  g_auto(Params) upd = { 0 };
  g_autoptr(PGresult) state = NULL;
  gint64 id, round_id;
  VtStage from = VT_STAGE_RECEIVED;

  if (!lookup_supplier_id (self, m->uuid, &id, NULL, error))
    return FALSE;

  /* The row lock makes two moves of one supplier take turns, so that the
   * history never has two rows from the same stage. */
  p_int64 (&key, 1, id);
  state = run (self,
    "SELECT (SELECT to_stage FROM stage_history WHERE supplier_id = $1 ORDER BY id DESC LIMIT 1), "
    "round_id FROM suppliers WHERE id = $1 FOR UPDATE", &key, error);
  if (state == NULL)
    return FALSE;
  if (PQntuples (state) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  if (col (state, 0, 0) != NULL)
    vt_stage_from_string (col (state, 0, 0), &from);
  if (!vt_stage_check_transition (from, m->to, reason, error))
    return FALSE;

  round_id = m->round_id != 0 ? m->round_id : col_int (state, 0, 1, 0);
  if (!check_round_open (self, round_id, error))
    return FALSE;

  p_text (&upd, 1, vt_stage_to_string (m->to));
  p_int (&upd, 2, m->round_id, 0);
  p_text_take (&upd, 3, now_iso ());
  p_int64 (&upd, 4, id);

  return insert_stage_change (self, id, round_id, from, m->to, reason, error)
      && run_done (self, "UPDATE suppliers SET stage = $1, round_id = coalesce ($2::bigint, round_id), "
                         "updated_at = $3 WHERE id = $4", &upd, error)
      && audit (self, "update", "supplier", m->uuid, "stage",
                vt_stage_to_string (from), vt_stage_to_string (m->to), error);
}

static gboolean
vt_pg_backend_move_stage (VtBackend   *backend,
                          const char  *uuid,
                          gint64       round_id,
                          VtStage      to,
                          const char  *reason,
                          GError     **error)
{
  MoveStage m = { uuid, round_id, to, reason };

  return in_transaction (VT_PG_BACKEND (backend), move_stage_tx, &m, error);
}

typedef struct
{
  const char * const *uuids;
  gint64              round_id;
  VtStage             to;
  const char         *reason;
} MoveStages;

static gboolean
move_stages_tx (VtPgBackend  *self,
                gpointer      data,
                GError      **error)
{
  MoveStages *ms = data;

  for (guint i = 0; ms->uuids[i] != NULL; i++)
    {
      MoveStage m = { ms->uuids[i], ms->round_id, ms->to, ms->reason };
      g_autoptr(GError) local = NULL;

      if (!move_stage_tx (self, &m, &local))
        {
          /* Say which supplier it was, by the name people know. */
          g_auto(Params) p = { 0 };
          g_autoptr(PGresult) name = NULL;

          p_text (&p, 1, ms->uuids[i]);
          if (PQtransactionStatus (self->conn) == PQTRANS_INTRANS
              && (name = run (self, "SELECT name_vi FROM suppliers WHERE uuid = $1", &p, NULL)) != NULL
              && PQntuples (name) == 1)
            g_prefix_error (&local, "%s: ", col (name, 0, 0));
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
vt_pg_backend_move_stages (VtBackend          *backend,
                           const char * const *uuids,
                           gint64              round_id,
                           VtStage             to,
                           const char         *reason,
                           GError            **error)
{
  MoveStages ms = { uuids, round_id, to, reason };

  return in_transaction (VT_PG_BACKEND (backend), move_stages_tx, &ms, error);
}

static GPtrArray *
vt_pg_backend_list_stage_history (VtBackend   *backend,
                                  const char  *uuid,
                                  GError     **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_stage_change_free);
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;
  gint64 id;

  if (!lookup_supplier_id (self, uuid, &id, NULL, error))
    return NULL;
  p_int64 (&p, 1, id);
  res = run (self, "SELECT id, round_id, at, who, from_stage, to_stage, reason "
                   "FROM stage_history WHERE supplier_id = $1 ORDER BY id", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtStageChange *c = g_new0 (VtStageChange, 1);
      VtStage from;

      c->id = col_int (res, i, 0, 0);
      c->round_id = col_int (res, i, 1, 0);
      c->at = col_time (res, i, 2);
      c->who = col_dup (res, i, 3);
      c->from = vt_stage_from_string (col (res, i, 4), &from) ? (int) from : -1;
      vt_stage_from_string (col (res, i, 5), &c->to);
      c->reason = col_dup (res, i, 6);
      g_ptr_array_add (list, c);
    }
  return g_steal_pointer (&list);
}

/* Supplier queries -------------------------------------------------------- */

/* Stages in pipeline order; the same expression as the index
 * suppliers_stage_order (0007-pipeline.sql). */
#define STAGE_ORDER_SQL \
  "(CASE s.stage WHEN 'received' THEN 0 WHEN 'appraised' THEN 1 WHEN 'shortlisted' THEN 2 " \
  "WHEN 'first_visit_done' THEN 3 WHEN 'second_visit_done' THEN 4 " \
  "WHEN 'selected' THEN 5 WHEN 'in_support' THEN 6 " \
  "WHEN 'connected_to_buyer' THEN 7 WHEN 'rejected' THEN 8 " \
  "WHEN 'withdrawn' THEN 9 ELSE 10 END)"

/* The visit dates as the list shows them ($1 is now); never NULL, so that
 * a supplier without visits stays in the keyset comparison. */
#define LAST_VISIT_SQL \
  "coalesce ((SELECT max (v.starts_at) FROM visits v WHERE v.supplier_id = s.id " \
  "AND v.starts_at <= $1 AND v.status <> 'cancelled'), '')"
#define NEXT_VISIT_SQL \
  "coalesce ((SELECT min (v.starts_at) FROM visits v WHERE v.supplier_id = s.id " \
  "AND v.starts_at > $1 AND v.status IN ('planned', 'confirmed')), '')"

/* The sort expression and the type its cursor value is compared as. */
static const char *
sort_expression (VtSupplierSort  sort,
                 const char    **cast)
{
  *cast = "::text";
  switch (sort)
    {
    case VT_SUPPLIER_SORT_STAGE:
      *cast = "::integer";
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
      *cast = "::double precision";
      return "s.readiness";
    case VT_SUPPLIER_SORT_UPDATED:
      return "s.updated_at";
    case VT_SUPPLIER_SORT_NAME:
    default:
      return NULL;
    }
}

/* LIKE's own characters in a search term match only themselves. */
static char *
like_pattern (const char *term)
{
  GString *out = g_string_new ("%");

  for (const char *c = term; *c; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* Appends the filters and search terms to @sql, their values to @p. */
static void
add_conditions (GString               *sql,
                Params                *p,
                const VtSupplierQuery *query)
{
  g_auto(GStrv) terms = vt_search_split_terms (query->text);
  gboolean initials = vt_search_is_initials_query (query->text);

  if (query->round_id > 0)
    {
      p_int64 (p, p->n + 1, query->round_id);
      g_string_append_printf (sql, " AND s.round_id = $%d", p->n);
    }
  if (query->stage >= 0 && query->stage < VT_N_STAGES)
    {
      p_text (p, p->n + 1, vt_stage_to_string (query->stage));
      g_string_append_printf (sql, " AND s.stage = $%d", p->n);
    }
  if (query->sector >= 0 && query->sector <= VT_SECTOR_OTHER)
    {
      p_text (p, p->n + 1, vt_sector_to_string (query->sector));
      g_string_append_printf (sql, " AND s.sector = $%d", p->n);
    }
  if (query->province_code && *query->province_code)
    {
      p_text (p, p->n + 1, query->province_code);
      g_string_append_printf (sql, " AND s.province_2025 = $%d", p->n);
    }
  if (query->certification && *query->certification)
    {
      p_text (p, p->n + 1, query->certification);
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM certifications c "
                                   "WHERE c.supplier_id = s.id AND c.standard = $%d)", p->n);
    }
  /* pg_trgm's index serves LIKE on the folded key. */
  for (guint i = 0; terms && terms[i] != NULL && p->n < MAX_PARAMS - 4; i++)
    {
      set_param (p, p->n + 1, like_pattern (terms[i]), 0, 0);
      g_string_append_printf (sql, " AND s.%s LIKE $%d", initials ? "name_ko_initials" : "search_fold", p->n);
    }
}

static VtSupplierPage *
vt_pg_backend_query_suppliers (VtBackend              *backend,
                               const VtSupplierQuery  *query,
                               GError                **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(VtSupplierPage) page = vt_supplier_page_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) count_sql = g_string_new ("SELECT count(*) FROM suppliers s WHERE $1::text IS NOT NULL");
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) count = NULL;
  g_auto(Params) p = { 0 };
  g_auto(Params) count_p = { 0 };
  const char *cast;
  const char *expr = sort_expression (query->sort, &cast);
  const char *dir = query->descending ? "DESC" : "ASC";
  guint page_size = CLAMP (query->page_size, 1, 1000);
  guint n;

  p_text_take (&p, 1, now_iso ());
  p_text_take (&count_p, 1, now_iso ());
  g_string_append_printf (sql,
    "SELECT s.uuid, s.name_vi, s.name_ko, pr.short_name_vi, s.sector, s.stage, s.readiness, "
    "s.version, s.sort_key, %s, "
    "(SELECT max (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at <= $1 "
    "AND v.status <> 'cancelled'), "
    "(SELECT min (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at > $1 "
    "AND v.status IN ('planned', 'confirmed')) "
    "FROM suppliers s LEFT JOIN provinces pr ON pr.list_id = s.province_list AND pr.code = s.province_code "
    "WHERE $1::text IS NOT NULL", expr ? expr : "NULL");
  add_conditions (sql, &p, query);
  add_conditions (count_sql, &count_p, query);

  if (query->after != NULL)
    {
      const char *op = query->descending ? "<" : ">";
      int first = p.n + 1;

      if (expr && query->after->value)
        {
          GVariant *v = query->after->value;

          if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
            p_double (&p, first, g_variant_get_double (v));
          else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
            p_int64 (&p, first, g_variant_get_int64 (v));
          else
            set_param (&p, first, g_variant_dup_string (v, NULL), 0, 0);
          p_bytes (&p, first + 1, query->after->sort_key);
          set_param (&p, first + 2, g_strdup (query->after->uuid), 0, 0);
          g_string_append_printf (sql, " AND (%s, s.sort_key, s.uuid) %s ($%d%s, $%d::bytea, $%d::text)",
                                  expr, op, first, cast, first + 1, first + 2);
        }
      else
        {
          p_bytes (&p, first, query->after->sort_key);
          set_param (&p, first + 1, g_strdup (query->after->uuid), 0, 0);
          g_string_append_printf (sql, " AND (s.sort_key, s.uuid) %s ($%d::bytea, $%d::text)",
                                  op, first, first + 1);
        }
    }

  if (expr)
    g_string_append_printf (sql, " ORDER BY %s %s, s.sort_key %s, s.uuid %s", expr, dir, dir, dir);
  else
    g_string_append_printf (sql, " ORDER BY s.sort_key %s, s.uuid %s", dir, dir);
  g_string_append_printf (sql, " LIMIT %u", page_size + 1);

  res = run (self, sql->str, &p, error);
  if (res == NULL)
    return NULL;

  n = MIN ((guint) PQntuples (res), page_size);
  for (guint i = 0; i < n; i++)
    {
      VtSector sector = VT_SECTOR_OTHER;
      VtStage stage = VT_STAGE_RECEIVED;
      g_autoptr(GDateTime) last_visit = col_time (res, i, 10);
      g_autoptr(GDateTime) next_visit = col_time (res, i, 11);

      vt_sector_from_string (col (res, i, 4), &sector);
      vt_stage_from_string (col (res, i, 5), &stage);
      g_ptr_array_add (page->items,
                       g_object_new (VT_TYPE_SUPPLIER_SUMMARY,
                                     "uuid", col (res, i, 0),
                                     "name-vi", col (res, i, 1),
                                     "name-ko", col (res, i, 2),
                                     "province-name", col (res, i, 3),
                                     "sector", sector,
                                     "stage", stage,
                                     "readiness", CLAMP (col_double (res, i, 6), -1.0, 100.0),
                                     "version", col_int (res, i, 7, 0),
                                     "last-visit", last_visit,
                                     "next-visit", next_visit,
                                     NULL));
    }

  if ((guint) PQntuples (res) > page_size && n > 0)
    {
      int last = (int) n - 1;

      /* One row more than a page: there is a next page, after the last. */
      page->next = g_new0 (VtSupplierCursor, 1);
      page->next->uuid = col_dup (res, last, 0);
      page->next->sort_key = col_bytes (res, last, 8);
      switch (query->sort)
        {
        case VT_SUPPLIER_SORT_READINESS:
          page->next->value = g_variant_ref_sink (g_variant_new_double (col_double (res, last, 9)));
          break;
        case VT_SUPPLIER_SORT_STAGE:
          page->next->value = g_variant_ref_sink (g_variant_new_int64 (col_int (res, last, 9, 0)));
          break;
        case VT_SUPPLIER_SORT_PROVINCE:
        case VT_SUPPLIER_SORT_UPDATED:
        case VT_SUPPLIER_SORT_SECTOR:
        case VT_SUPPLIER_SORT_LAST_VISIT:
        case VT_SUPPLIER_SORT_NEXT_VISIT:
          page->next->value = g_variant_ref_sink (g_variant_new_string (col (res, last, 9) ? col (res, last, 9) : ""));
          break;
        case VT_SUPPLIER_SORT_NAME:
        default:
          break;
        }
    }

  /* The server counts every match exactly, on every page as SQLite. */
  count = run (self, count_sql->str, &count_p, error);
  if (count == NULL)
    return NULL;
  page->total = (guint64) col_int (count, 0, 0, 0);
  page->total_exact = TRUE;
  return g_steal_pointer (&page);
}

/* Rounds ------------------------------------------------------------------ */

static GPtrArray *
vt_pg_backend_list_rounds (VtBackend  *backend,
                           GError    **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) targets = NULL;

  res = run (self, "SELECT id, version, name, year, starts_on, ends_on, notes, created_at, updated_at, "
                   "closed_at, closed_by, is_current FROM rounds ORDER BY year DESC, id DESC", NULL, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtRound *r = vt_round_new ();

      r->id = col_int (res, i, 0, 0);
      r->version = col_int (res, i, 1, 0);
      r->name = col_dup (res, i, 2);
      r->year = (int) col_int (res, i, 3, 0);
      col_date (res, i, 4, &r->starts_on);
      col_date (res, i, 5, &r->ends_on);
      r->notes = col_dup (res, i, 6);
      r->created_at = col_time (res, i, 7);
      r->updated_at = col_time (res, i, 8);
      r->closed_at = col_time (res, i, 9);
      r->closed_by = col_dup (res, i, 10);
      r->is_current = col_bool (res, i, 11);
      g_ptr_array_add (list, r);
      g_hash_table_insert (by_id, &r->id, r);
    }

  targets = run (self, "SELECT round_id, stage, target FROM round_targets", NULL, error);
  if (targets == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (targets); i++)
    {
      gint64 round_id = col_int (targets, i, 0, 0);
      VtRound *r = g_hash_table_lookup (by_id, &round_id);
      VtStage stage;

      if (r && vt_stage_from_string (col (targets, i, 1), &stage))
        r->targets[stage] = (int) col_int (targets, i, 2, 0);
    }
  return g_steal_pointer (&list);
}

static void
set_round_closed_error (VtRound  *round,
                        GError  **error)
{
  g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY,
               _("The round “%s” is closed. Its dossiers and targets can no longer change."),
               round->name);
}

static VtRound *
find_round (VtPgBackend  *self,
            gint64        id,
            GError      **error)
{
  g_autoptr(GPtrArray) rounds = vt_pg_backend_list_rounds (VT_BACKEND (self), error);

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

/* After an insert ("RETURNING id") or a versioned update ("WHERE id = $2
 * AND version = $n RETURNING id"): the new id or version, the conflict
 * check and the audit rows. */
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
finish_save (VtPgBackend  *self,
             PGresult     *res,
             SavedRecord  *r,
             GError      **error)
{
  char id_text[32];

  if (PQntuples (res) != 1)
    {
      set_conflict (error);
      return FALSE;
    }
  if (r->old_fields == NULL)
    {
      *r->id = col_int (res, 0, 0, 0);
      *r->version = 1;
      return audit_id (self, "insert", r->entity, *r->id, r->label, error);
    }
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, *r->id);
  if (!audit_diff (self, r->old_fields, r->new_fields, r->entity, id_text, error))
    return FALSE;
  *r->version += 1;
  return TRUE;
}

static gboolean
save_round_tx (VtPgBackend  *self,
               gpointer      data,
               GError      **error)
{
  VtRound *r = data;
  g_autoptr(VtRound) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = vt_round_to_fields (r);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };
  g_auto(Params) key = { 0 };
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
    }

  p_text_take (&p, 1, now_iso ());
  p_int64 (&p, 2, r->id);
  p_text (&p, 3, r->name);
  p_int64 (&p, 4, r->year);
  p_text_take (&p, 5, vt_date_to_iso (&r->starts_on));
  p_text_take (&p, 6, vt_date_to_iso (&r->ends_on));
  p_text (&p, 7, r->notes);
  p_int64 (&p, 8, r->version);
  if (r->id != 0)
    res = run (self, "UPDATE rounds SET name = $3, year = $4, starts_on = $5, ends_on = $6, "
                     "notes = $7, updated_at = $1, version = version + 1 "
                     "WHERE id = $2 AND version = $8 RETURNING id", &p, error);
  else
    res = run (self, "INSERT INTO rounds (name, year, starts_on, ends_on, notes, created_at, updated_at) "
                     "VALUES ($3, $4, $5, $6, $7, $1, $1) RETURNING id", &p, error);
  if (res == NULL)
    return FALSE;
  self->audit_reason = r->change_reason;
  saved_ok = finish_save (self, res, &saved, error);
  self->audit_reason = NULL;
  if (!saved_ok)
    return FALSE;

  p_int64 (&key, 1, r->id);
  if (!run_done (self, "DELETE FROM round_targets WHERE round_id = $1", &key, error))
    return FALSE;
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      g_auto(Params) t = { 0 };

      if (r->targets[s] < 0)
        continue;
      p_int64 (&t, 1, r->id);
      p_text (&t, 2, vt_stage_to_string (s));
      p_int64 (&t, 3, r->targets[s]);
      if (!run_done (self, "INSERT INTO round_targets (round_id, stage, target) VALUES ($1, $2, $3)", &t, error))
        return FALSE;
    }
  return TRUE;
}

/* Saves run in a transaction; if it rolls back, the caller's record gets
 * its id and version back, so that it does not claim to be saved. */
static gboolean
save_record (VtPgBackend  *self,
             TxFunc        func,
             gpointer      record,
             gint64       *id,
             gint64       *version,
             GError      **error)
{
  gint64 saved_id = *id, saved_version = *version;

  if (in_transaction (self, func, record, error))
    return TRUE;
  *id = saved_id;
  *version = saved_version;
  return FALSE;
}

static gboolean
vt_pg_backend_save_round (VtBackend  *backend,
                          VtRound    *round,
                          GError    **error)
{
  return save_record (VT_PG_BACKEND (backend), save_round_tx, round, &round->id, &round->version, error);
}

typedef struct
{
  gint64      id;
  gint64      version;
  const char *reason;
} CloseRound;

static gboolean
close_round_tx (VtPgBackend  *self,
                gpointer      data,
                GError      **error)
{
  CloseRound *c = data;
  g_autoptr(VtRound) old = find_round (self, c->id, error);
  g_autofree char *reason = g_strstrip (g_strdup (c->reason ? c->reason : ""));
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };
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

  p_text_take (&p, 1, now_iso ());
  p_text (&p, 2, self->actor);
  p_int64 (&p, 3, c->id);
  p_int64 (&p, 4, c->version);
  res = run (self, "UPDATE rounds SET closed_at = $1, closed_by = $2, is_current = 0, "
                   "updated_at = $1, version = version + 1 WHERE id = $3 AND version = $4 RETURNING id",
             &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) != 1)
    {
      set_conflict (error);
      return FALSE;
    }
  self->audit_reason = reason;
  ok = audit (self, "update", "round", PQgetvalue (res, 0, 0), "closed", NULL, "closed", error);
  self->audit_reason = NULL;
  return ok;
}

static gboolean
vt_pg_backend_close_round (VtBackend   *backend,
                           gint64       id,
                           gint64       version,
                           const char  *reason,
                           GError     **error)
{
  CloseRound c = { id, version, reason };

  return in_transaction (VT_PG_BACKEND (backend), close_round_tx, &c, error);
}

static gboolean
set_current_round_tx (VtPgBackend  *self,
                      gpointer      data,
                      GError      **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(VtRound) round = find_round (self, id, error);
  g_auto(Params) p = { 0 };
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

  p_int64 (&p, 1, id);
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
  return run_done (self, "UPDATE rounds SET is_current = 0 WHERE is_current = 1", NULL, error)
      && run_done (self, "UPDATE rounds SET is_current = 1 WHERE id = $1", &p, error)
      && audit (self, "update", "round", id_text, "current", NULL, "current", error);
}

static gboolean
vt_pg_backend_set_current_round (VtBackend  *backend,
                                 gint64      id,
                                 GError    **error)
{
  return in_transaction (VT_PG_BACKEND (backend), set_current_round_tx, &id, error);
}

/* People ------------------------------------------------------------------ */

#define PERSON_COLUMNS "id, version, kind, family_name, middle_name, given_name, organisation, " \
                       "specialty, languages, email, phone, created_at, updated_at"

static VtPerson *
read_person (const PGresult *res,
             int             row)
{
  VtPerson *p = vt_person_new (VT_PERSON_KIND_OTHER, col (res, row, 3), col (res, row, 4), col (res, row, 5));

  p->id = col_int (res, row, 0, 0);
  p->version = col_int (res, row, 1, 0);
  vt_person_kind_from_string (col (res, row, 2), &p->kind);
  p->organisation = col_dup (res, row, 6);
  p->specialty = col_dup (res, row, 7);
  p->languages = col_dup (res, row, 8);
  p->email = col_dup (res, row, 9);
  p->phone = col_dup (res, row, 10);
  p->created_at = col_time (res, row, 11);
  p->updated_at = col_time (res, row, 12);
  return p;
}

static GPtrArray *
vt_pg_backend_list_people (VtBackend  *backend,
                           GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_person_unref);
  g_autoptr(PGresult) res = run (VT_PG_BACKEND (backend), "SELECT " PERSON_COLUMNS " FROM people ORDER BY id",
                                 NULL, error);

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (list, read_person (res, i));
  return g_steal_pointer (&list);
}

static VtPerson *
get_person (VtPgBackend  *self,
            gint64        id,
            GError      **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  p_int64 (&p, 1, id);
  res = run (self, "SELECT " PERSON_COLUMNS " FROM people WHERE id = $1", &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }
  return read_person (res, 0);
}

static gboolean
save_person_tx (VtPgBackend  *self,
                gpointer      data,
                GError      **error)
{
  VtPerson *person = data;
  g_autoptr(VtPerson) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = vt_person_to_fields (person);
  g_autofree char *label = vt_person_dup_full_name (person);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };
  SavedRecord saved = { "person", &person->id, &person->version, NULL, new_fields, label };

  if (person->given_name == NULL || *person->given_name == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("A person needs at least a given name."));
      return FALSE;
    }
  if (person->id != 0)
    {
      old = get_person (self, person->id, error);
      if (old == NULL || !check_version (old->version, person->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_person_to_fields (old);
    }

  p_text_take (&p, 1, now_iso ());
  p_int64 (&p, 2, person->id);
  p_text (&p, 3, vt_person_kind_to_string (person->kind));
  p_text (&p, 4, person->family_name);
  p_text (&p, 5, person->middle_name);
  p_text (&p, 6, person->given_name);
  p_text (&p, 7, person->organisation);
  p_text (&p, 8, person->specialty);
  p_text (&p, 9, person->languages);
  p_text (&p, 10, person->email);
  p_text (&p, 11, person->phone);
  p_int64 (&p, 12, person->version);
  if (person->id != 0)
    res = run (self, "UPDATE people SET kind = $3, family_name = $4, middle_name = $5, "
                     "given_name = $6, organisation = $7, specialty = $8, languages = $9, "
                     "email = $10, phone = $11, updated_at = $1, version = version + 1 "
                     "WHERE id = $2 AND version = $12 RETURNING id", &p, error);
  else
    res = run (self, "INSERT INTO people (kind, family_name, middle_name, given_name, organisation, "
                     "specialty, languages, email, phone, created_at, updated_at) "
                     "VALUES ($3, $4, $5, $6, $7, $8, $9, $10, $11, $1, $1) RETURNING id", &p, error);
  return res != NULL && finish_save (self, res, &saved, error);
}

static gboolean
vt_pg_backend_save_person (VtBackend  *backend,
                           VtPerson   *person,
                           GError    **error)
{
  return save_record (VT_PG_BACKEND (backend), save_person_tx, person, &person->id, &person->version, error);
}

/* Deleting records ------------------------------------------------------- */

typedef struct
{
  VtRecordKind kind;
  gint64       id;
  gint64       version;
} DeleteRecord;

static gboolean
delete_record_tx (VtPgBackend  *self,
                  gpointer      data,
                  GError      **error)
{
  /* Per kind: the row version and a label for the audit log; attachments
   * carry no version. */
  static const struct {
    const char *delete_sql;
    const char *entity;
  } kinds[] = {
    [VT_RECORD_ROUND] = { "DELETE FROM rounds WHERE id = $1 RETURNING version, name", "round" },
    [VT_RECORD_PERSON] = { "DELETE FROM people WHERE id = $1 RETURNING version, given_name", "person" },
    [VT_RECORD_VISIT] = { "DELETE FROM visits WHERE id = $1 RETURNING version, kind || ' ' || starts_at", "visit" },
    [VT_RECORD_CRITERION_SET] = { "DELETE FROM criterion_sets WHERE id = $1 "
                                  "RETURNING version, name || ' v' || set_version", "criterion_set" },
    [VT_RECORD_ASSESSMENT] = { "DELETE FROM assessments WHERE id = $1 RETURNING version, assessed_on, supplier_id",
                               "assessment" },
    [VT_RECORD_ATTACHMENT] = { "DELETE FROM attachments WHERE id = $1 RETURNING 0, filename", "attachment" },
  };
  DeleteRecord *d = data;
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  g_return_val_if_fail ((guint) d->kind < G_N_ELEMENTS (kinds), FALSE);

  p_int64 (&p, 1, d->id);
  res = run (self, kinds[d->kind].delete_sql, &p, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  /* A stale version rolls the delete back with the transaction. */
  if (d->kind != VT_RECORD_ATTACHMENT && !check_version (col_int (res, 0, 0, 0), d->version, error))
    return FALSE;
  if (!audit_id (self, "delete", kinds[d->kind].entity, d->id, col (res, 0, 1), error))
    return FALSE;
  if (d->kind == VT_RECORD_ASSESSMENT)
    {
      g_auto(Params) s = { 0 };

      p_int64 (&s, 1, col_int (res, 0, 2, 0));
      return run_done (self,
        "UPDATE suppliers SET readiness = coalesce ((SELECT readiness FROM assessments "
        "WHERE supplier_id = $1 AND readiness IS NOT NULL AND draft = 0 "
        "ORDER BY assessed_on DESC, id DESC LIMIT 1), -1) WHERE id = $1", &s, error);
    }
  return TRUE;
}

static gboolean
vt_pg_backend_delete_record (VtBackend     *backend,
                             VtRecordKind   kind,
                             gint64         id,
                             gint64         version,
                             GError       **error)
{
  DeleteRecord d = { kind, id, version };

  return in_transaction (VT_PG_BACKEND (backend), delete_record_tx, &d, error);
}

/* Audit log, counts, provinces -------------------------------------------- */

static GPtrArray *
vt_pg_backend_list_audit (VtBackend   *backend,
                          const char  *entity,
                          const char  *entity_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_audit_entry_unref);
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  p_text (&p, 1, entity);
  p_text (&p, 2, entity_id);
  res = run (VT_PG_BACKEND (backend),
    "SELECT id, at, who, action, entity, entity_id, field, old_value, new_value, reason FROM audit_log "
    "WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY id", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtAuditEntry *e = vt_audit_entry_new (col (res, i, 3), col (res, i, 4), col (res, i, 5),
                                            col (res, i, 6), col (res, i, 7), col (res, i, 8));

      e->id = col_int (res, i, 0, 0);
      e->at = col_time (res, i, 1);
      e->who = col_dup (res, i, 2);
      e->reason = col_dup (res, i, 9);
      g_ptr_array_add (list, e);
    }
  return g_steal_pointer (&list);
}

static VtStoreCounts *
vt_pg_backend_count (VtBackend  *backend,
                     GError    **error)
{
  g_autoptr(PGresult) res = run (VT_PG_BACKEND (backend),
    "SELECT (SELECT count(*) FROM suppliers), (SELECT count(*) FROM rounds), "
    "(SELECT count(*) FROM visits), (SELECT count(*) FROM assessments), "
    "(SELECT count(*) FROM people)", NULL, error);
  VtStoreCounts *counts;

  if (res == NULL)
    return NULL;
  counts = g_new0 (VtStoreCounts, 1);
  counts->suppliers = col_int (res, 0, 0, 0);
  counts->rounds = col_int (res, 0, 1, 0);
  counts->visits = col_int (res, 0, 2, 0);
  counts->assessments = col_int (res, 0, 3, 0);
  counts->people = col_int (res, 0, 4, 0);
  return counts;
}

static GArray *
vt_pg_backend_count_stages (VtBackend  *backend,
                            gint64      round_id,
                            gboolean    reached,
                            GError    **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) res = NULL;

  g_array_set_size (counts, VT_N_STAGES);
  p_int64 (&p, 1, round_id);
  res = run (VT_PG_BACKEND (backend),
             reached ? "SELECT to_stage, count (DISTINCT supplier_id) FROM stage_history "
                       "WHERE $1::bigint = 0 OR round_id = $1 GROUP BY to_stage"
                     : "SELECT stage, count(*) FROM suppliers WHERE $1::bigint = 0 OR round_id = $1 "
                       "GROUP BY stage", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtStage stage;

      if (vt_stage_from_string (col (res, i, 0), &stage))
        g_array_index (counts, guint64, stage) = col_int (res, i, 1, 0);
    }
  return g_steal_pointer (&counts);
}

static GPtrArray *
vt_pg_backend_list_provinces (VtBackend  *backend,
                              GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_province_unref);
  g_autoptr(PGresult) res = run (VT_PG_BACKEND (backend),
    "SELECT list_id, code, name_vi, short_name_vi, name_en, name_ko, successor_code FROM provinces "
    "ORDER BY list_id, code", NULL, error);

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtProvince *p = vt_province_new ();

      p->list_id = col_dup (res, i, 0);
      p->code = col_dup (res, i, 1);
      p->name_vi = col_dup (res, i, 2);
      p->short_name_vi = col_dup (res, i, 3);
      p->name_en = col_dup (res, i, 4);
      p->name_ko = col_dup (res, i, 5);
      p->successor_code = col_dup (res, i, 6);
      g_ptr_array_add (list, p);
    }
  return g_steal_pointer (&list);
}

/* Maintenance ------------------------------------------------------------- */

static gboolean
vt_pg_backend_backup (VtBackend     *backend,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                       _("A database on a server is backed up on the server, by its administrator (for example with pg_dump)."));
  return FALSE;
}

static gboolean
vt_pg_backend_check (VtBackend  *backend,
                     gboolean   *healthy,
                     char      **report,
                     GError    **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PGresult) stages = NULL;
  g_autofree char *server = g_strdup_printf ("%s:%s/%s", PQhost (self->conn), PQport (self->conn),
                                             PQdb (self->conn));

  g_string_append_printf (out, _("Database: %s\n"), server);
  g_string_append_printf (out, _("Schema version: %d (this version of the app knows up to %d)\n"),
                          self->schema_version, vt_sqlite_get_latest_schema_version ());

  /* The server keeps its own files whole; what it cannot know is whether
   * the cached stage is still the last history row. */
  stages = run (self, "SELECT s.uuid || ': ' || s.stage || ' ≠ ' || coalesce (h.to_stage, '-') "
                      "FROM suppliers s LEFT JOIN stage_history h ON h.id = "
                      "(SELECT max (id) FROM stage_history WHERE supplier_id = s.id) "
                      "WHERE h.to_stage IS DISTINCT FROM s.stage", NULL, error);
  if (stages == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (stages); i++)
    g_string_append_printf (out, "%s: %s\n", _("Stage differs from its history"), PQgetvalue (stages, i, 0));

  *healthy = PQntuples (stages) == 0;
  g_string_append (out, *healthy ? _("Result: no problems found.\n") : _("Result: problems found (see above).\n"));
  *report = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* Certifications ---------------------------------------------------------- */

static GStrv
vt_pg_backend_list_certifications (VtBackend  *backend,
                                   GError    **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  /* As SQLite's COLLATE NOCASE: ASCII letters without case, then bytes. */
  g_autoptr(PGresult) res = run (VT_PG_BACKEND (backend),
    "SELECT standard FROM (SELECT DISTINCT standard FROM certifications "
    "WHERE standard IS NOT NULL AND trim (standard) <> '') c "
    "ORDER BY translate (standard, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\", "
    "standard COLLATE \"C\"", NULL, error);

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_strv_builder_add (names, PQgetvalue (res, i, 0));
  return g_strv_builder_end (names);
}

/* Visits ------------------------------------------------------------------ */

#define VISIT_COLUMNS "v.id, v.version, s.uuid, v.round_id, v.kind, v.status, v.starts_at, v.ends_at, " \
                      "v.place, v.purpose, v.findings, v.follow_up, v.created_at, v.updated_at, " \
                      "v.uuid, v.ical_uid, v.status_reason, s.name_vi, s.province_2025"

static VtVisit *
read_visit (const PGresult *res,
            int             row)
{
  g_autoptr(GDateTime) starts_at = col_time (res, row, 6);
  g_autoptr(GDateTime) ends_at = col_time (res, row, 7);
  VtVisit *v = vt_visit_new (col (res, row, 2), VT_VISIT_KIND_FIRST, starts_at, ends_at);

  v->id = col_int (res, row, 0, 0);
  v->version = col_int (res, row, 1, 0);
  v->round_id = col_int (res, row, 3, 0);
  vt_visit_kind_from_string (col (res, row, 4), &v->kind);
  vt_visit_status_from_string (col (res, row, 5), &v->status);
  v->place = col_dup (res, row, 8);
  v->purpose = col_dup (res, row, 9);
  v->findings = col_dup (res, row, 10);
  v->follow_up = col_dup (res, row, 11);
  v->created_at = col_time (res, row, 12);
  v->updated_at = col_time (res, row, 13);
  v->uuid = col_dup (res, row, 14);
  v->ical_uid = col_dup (res, row, 15);
  v->status_reason = col_dup (res, row, 16);
  v->supplier_name = col_dup (res, row, 17);
  v->province_code = col_dup (res, row, 18);
  if (v->province_code != NULL && v->province_code[0] == '\0')
    g_clear_pointer (&v->province_code, g_free);
  return v;
}

/* The visits of @res, with their people (one more statement for all). */
static GPtrArray *
read_visits (VtPgBackend     *self,
             const PGresult  *res,
             GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PGresult) people = NULL;
  g_auto(Params) p = { 0 };

  for (int i = 0; i < PQntuples (res); i++)
    {
      VtVisit *v = read_visit (res, i);

      g_ptr_array_add (list, v);
      g_hash_table_insert (by_id, &v->id, v);
      g_array_append_val (ids, v->id);
    }
  if (ids->len == 0)
    return g_steal_pointer (&list);

  p_ids (&p, 1, ids);
  people = run (self, "SELECT visit_id, person_id, role FROM visit_participants "
                      "WHERE visit_id = ANY ($1::bigint[]) ORDER BY visit_id, person_id", &p, error);
  if (people == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (people); i++)
    {
      VtVisit *v = owner_of (by_id, people, i);
      VtPersonKind role = VT_PERSON_KIND_STAFF;

      vt_person_kind_from_string (col (people, i, 2), &role);
      if (v != NULL)
        vt_visit_add_participant (v, col_int (people, i, 1, 0), role);
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
vt_pg_backend_list_visits (VtBackend   *backend,
                           const char  *supplier_uuid,
                           GDateTime   *from,
                           GDateTime   *to,
                           GError     **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_text (&p, 1, supplier_uuid);
  p_text_take (&p, 2, from ? vt_time_to_iso (from) : NULL);
  p_text_take (&p, 3, to ? vt_time_to_iso (to) : NULL);
  res = run (self,
    "SELECT " VISIT_COLUMNS " FROM visits v JOIN suppliers s ON s.id = v.supplier_id "
    "WHERE ($1::text IS NULL OR s.uuid = $1) AND ($2::text IS NULL OR v.ends_at >= $2) "
    "AND ($3::text IS NULL OR v.starts_at < $3) ORDER BY v.starts_at COLLATE \"C\", v.id", &p, error);
  if (res == NULL)
    return NULL;
  return read_visits (self, res, error);
}

static VtVisit *
get_visit_where (VtPgBackend  *self,
                 const char   *where,
                 Params       *p,
                 GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " VISIT_COLUMNS " FROM visits v "
                                      "JOIN suppliers s ON s.id = v.supplier_id WHERE ", where, NULL);
  g_autoptr(PGresult) res = run (self, sql, p, error);
  g_autoptr(GPtrArray) list = NULL;

  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }
  list = read_visits (self, res, error);
  return list ? vt_visit_ref (g_ptr_array_index (list, 0)) : NULL;
}

static VtVisit *
vt_pg_backend_get_visit (VtBackend  *backend,
                         gint64      id,
                         GError    **error)
{
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, id);
  return get_visit_where (VT_PG_BACKEND (backend), "v.id = $1", &p, error);
}

static VtVisit *
vt_pg_backend_get_visit_by_uid (VtBackend   *backend,
                                const char  *uid,
                                GError     **error)
{
  g_auto(Params) p = { 0 };

  p_text (&p, 1, uid);
  return get_visit_where (VT_PG_BACKEND (backend), "v.uuid = $1 OR v.ical_uid = $1 ORDER BY v.id LIMIT 1",
                          &p, error);
}

static gboolean
write_participants (VtPgBackend  *self,
                    VtVisit      *v,
                    GError      **error)
{
  g_auto(Params) key = { 0 };

  p_int64 (&key, 1, v->id);
  if (!run_done (self, "DELETE FROM visit_participants WHERE visit_id = $1", &key, error))
    return FALSE;
  for (guint i = 0; i < v->participant_ids->len; i++)
    {
      gint64 person = g_array_index (v->participant_ids, gint64, i);
      g_auto(Params) p = { 0 };

      p_int64 (&p, 1, v->id);
      p_int64 (&p, 2, person);
      p_text (&p, 3, vt_person_kind_to_string (vt_visit_get_role (v, person)));
      if (!run_done (self, "INSERT INTO visit_participants (visit_id, person_id, role) "
                           "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", &p, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_visit_tx (VtPgBackend  *self,
               gpointer      data,
               GError      **error)
{
  VtVisit *v = data;
  g_autoptr(VtVisit) old = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *label = NULL;
  g_auto(Params) p = { 0 };
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
      old = vt_pg_backend_get_visit (VT_BACKEND (self), v->id, error);
      if (old == NULL || !check_version (old->version, v->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_visit_to_fields (old);
      if (v->uuid == NULL)
        v->uuid = g_strdup (old->uuid);
    }
  if (v->uuid == NULL)
    v->uuid = g_uuid_string_random ();
  saved.new_fields = new_fields = vt_visit_to_fields (v);

  p_text_take (&p, 1, now_iso ());
  p_int64 (&p, 2, v->id);
  p_int64 (&p, 3, supplier_id);
  p_int (&p, 4, v->round_id, 0);
  p_text (&p, 5, vt_visit_kind_to_string (v->kind));
  p_text (&p, 6, vt_visit_status_to_string (v->status));
  p_text_take (&p, 7, vt_time_to_iso (v->starts_at));
  p_text_take (&p, 8, vt_time_to_iso (v->ends_at));
  p_text (&p, 9, v->place);
  p_text (&p, 10, v->purpose);
  p_text (&p, 11, v->findings);
  p_text (&p, 12, v->follow_up);
  p_int64 (&p, 13, v->version);
  p_text (&p, 14, v->uuid);
  p_text (&p, 15, v->ical_uid);
  p_text (&p, 16, v->status_reason);
  if (v->id != 0)
    res = run (self, "UPDATE visits SET supplier_id = $3, round_id = $4, kind = $5, status = $6, "
                     "starts_at = $7, ends_at = $8, place = $9, purpose = $10, findings = $11, "
                     "follow_up = $12, uuid = $14, ical_uid = $15, status_reason = $16, "
                     "updated_at = $1, version = version + 1 "
                     "WHERE id = $2 AND version = $13 RETURNING id", &p, error);
  else
    res = run (self, "INSERT INTO visits (supplier_id, round_id, kind, status, starts_at, ends_at, "
                     "place, purpose, findings, follow_up, uuid, ical_uid, status_reason, "
                     "created_at, updated_at) "
                     "VALUES ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15, $16, $1, $1) RETURNING id",
               &p, error);

  label = g_strdup_printf ("%s %s", vt_visit_kind_to_string (v->kind), v->supplier_uuid);
  saved.label = label;
  return res != NULL
      && finish_save (self, res, &saved, error)
      && write_participants (self, v, error);
}

static gboolean
vt_pg_backend_save_visit (VtBackend  *backend,
                          VtVisit    *visit,
                          GError    **error)
{
  return save_record (VT_PG_BACKEND (backend), save_visit_tx, visit, &visit->id, &visit->version, error);
}

/* As in the SQLite backend: a visit whose uuid or iCalendar UID is
 * stored already updates that visit, any other is added; all in one
 * transaction. */
static gboolean
import_visits_tx (VtPgBackend  *self,
                  gpointer      data,
                  GError      **error)
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

          existing = vt_pg_backend_get_visit_by_uid (VT_BACKEND (self), uid, &local_error);
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
vt_pg_backend_import_visits (VtBackend  *backend,
                             GPtrArray  *visits,
                             GError    **error)
{
  return in_transaction (VT_PG_BACKEND (backend), import_visits_tx, visits, error);
}

/* Criterion sets ---------------------------------------------------------- */

/* The criteria and their level descriptions of @sets, two statements. */
static gboolean
load_criteria (VtPgBackend  *self,
               GPtrArray    *sets,
               GError      **error)
{
  g_autoptr(GHashTable) by_set = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_criterion = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PGresult) criteria = NULL;
  g_autoptr(PGresult) levels = NULL;
  g_auto(Params) p = { 0 };

  for (guint i = 0; i < sets->len; i++)
    {
      VtCriterionSet *set = g_ptr_array_index (sets, i);

      g_hash_table_insert (by_set, &set->id, set);
      g_array_append_val (ids, set->id);
    }
  if (ids->len == 0)
    return TRUE;

  p_ids (&p, 1, ids);
  criteria = run (self,
    "SELECT set_id, id, position, code, area, name_en, name_vi, name_ko, weight, knockout, scale "
    "FROM criteria WHERE set_id = ANY ($1::bigint[]) ORDER BY set_id, position, id", &p, error);
  if (criteria == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (criteria); i++)
    {
      VtCriterionSet *set = owner_of (by_set, criteria, i);
      VtCriterion *c = vt_criterion_new (col (criteria, i, 3), col (criteria, i, 5), col_double (criteria, i, 8));

      c->id = col_int (criteria, i, 1, 0);
      c->position = (int) col_int (criteria, i, 2, 0);
      g_free (c->area);
      c->area = col_dup (criteria, i, 4);
      c->name_vi = col_dup (criteria, i, 6);
      c->name_ko = col_dup (criteria, i, 7);
      c->knockout = col_bool (criteria, i, 9);
      vt_scale_from_string (col (criteria, i, 10), &c->scale);
      g_ptr_array_add (set->criteria, c);
      g_hash_table_insert (by_criterion, &c->id, c);
    }

  levels = run (self,
    "SELECT l.criterion_id, l.level, l.description, l.description_vi, l.description_ko "
    "FROM criterion_levels l JOIN criteria c ON c.id = l.criterion_id "
    "WHERE c.set_id = ANY ($1::bigint[])", &p, error);
  if (levels == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (levels); i++)
    {
      VtCriterion *c = owner_of (by_criterion, levels, i);
      gint64 level = col_int (levels, i, 1, -1);

      if (c == NULL || level < 0 || level >= VT_N_LEVELS)
        continue;
      g_free (c->levels[level]);
      c->levels[level] = col_dup (levels, i, 2);
      g_free (c->levels_vi[level]);
      c->levels_vi[level] = col_dup (levels, i, 3);
      g_free (c->levels_ko[level]);
      c->levels_ko[level] = col_dup (levels, i, 4);
    }
  return TRUE;
}

/* @only_id: 0 for every set, an id for that one, below 0 for the default. */
static GPtrArray *
list_sets (VtPgBackend  *self,
           gint64        only_id,
           GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_criterion_set_unref);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, only_id);
  res = run (self,
    "SELECT id, version, name, set_version, is_default, notes, ready_min, conditional_min, "
    "area_gap, min_coverage, (SELECT count(*) FROM assessments a WHERE a.set_id = criterion_sets.id) "
    "FROM criterion_sets "
    "WHERE $1::bigint = 0 OR id = $1 OR ($1 < 0 AND is_default <> 0) "
    "ORDER BY name COLLATE \"C\", set_version", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtCriterionSet *set = vt_criterion_set_new (col (res, i, 2));

      set->id = col_int (res, i, 0, 0);
      set->version = col_int (res, i, 1, 0);
      set->set_version = (int) col_int (res, i, 3, 0);
      set->is_default = col_bool (res, i, 4);
      set->notes = col_dup (res, i, 5);
      set->ready_min = col_double (res, i, 6);
      set->conditional_min = col_double (res, i, 7);
      set->area_gap = col_double (res, i, 8);
      set->min_coverage = col_double (res, i, 9);
      set->n_assessments = (guint) col_int (res, i, 10, 0);
      g_ptr_array_add (list, set);
    }
  if (!load_criteria (self, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

static GPtrArray *
vt_pg_backend_list_criterion_sets (VtBackend  *backend,
                                   GError    **error)
{
  return list_sets (VT_PG_BACKEND (backend), 0, error);
}

/* @id 0 means the default set. */
static VtCriterionSet *
vt_pg_backend_get_criterion_set (VtBackend  *backend,
                                 gint64      id,
                                 GError    **error)
{
  g_autoptr(GPtrArray) list = list_sets (VT_PG_BACKEND (backend), id == 0 ? -1 : id, error);

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
save_criterion_set_tx (VtPgBackend  *self,
                       gpointer      data,
                       GError      **error)
{
  VtCriterionSet *set = data;
  g_autofree char *now = now_iso ();
  g_autofree char *label = NULL;
  g_autoptr(PGresult) next = NULL;
  g_autoptr(PGresult) ins = NULL;
  g_auto(Params) p = { 0 };
  g_auto(Params) q = { 0 };
  gint64 id;
  int set_version;

  if (!vt_criterion_set_validate (set, error))
    return FALSE;

  /* Sets are never changed in place: this saves the next version. Two
   * workstations saving a set at once take turns for the number. */
  p_text (&p, 1, set->name);
  if (!run_done (self, "LOCK TABLE criterion_sets IN SHARE ROW EXCLUSIVE MODE", NULL, error))
    return FALSE;
  next = run (self, "SELECT coalesce (max (set_version), 0) + 1 FROM criterion_sets WHERE name = $1", &p, error);
  if (next == NULL)
    return FALSE;
  set_version = (int) col_int (next, 0, 0, 1);

  if (set->is_default
      && !run_done (self, "UPDATE criterion_sets SET is_default = 0 WHERE is_default <> 0", NULL, error))
    return FALSE;

  p_text (&q, 1, set->name);
  p_int64 (&q, 2, set_version);
  p_int64 (&q, 3, set->is_default ? 1 : 0);
  p_text (&q, 4, set->notes);
  p_text (&q, 5, now);
  p_double (&q, 6, set->ready_min);
  p_double (&q, 7, set->conditional_min);
  p_double (&q, 8, set->area_gap);
  p_double (&q, 9, set->min_coverage);
  ins = run (self, "INSERT INTO criterion_sets (name, set_version, is_default, notes, created_at, updated_at, "
                   "ready_min, conditional_min, area_gap, min_coverage) "
                   "VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9) RETURNING id", &q, error);
  if (ins == NULL)
    return FALSE;
  id = col_int (ins, 0, 0, 0);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      g_autoptr(PGresult) crit = NULL;
      g_auto(Params) cp = { 0 };

      p_int64 (&cp, 1, id);
      p_int64 (&cp, 2, i + 1);
      p_text (&cp, 3, c->code);
      p_text (&cp, 4, c->area ? c->area : "other");
      p_text (&cp, 5, c->name_en);
      p_text (&cp, 6, c->name_vi);
      p_text (&cp, 7, c->name_ko);
      p_double (&cp, 8, c->weight);
      p_int64 (&cp, 9, c->knockout ? 1 : 0);
      p_text (&cp, 10, vt_scale_to_string (c->scale));
      crit = run (self, "INSERT INTO criteria (set_id, position, code, area, name_en, name_vi, name_ko, weight, "
                        "knockout, scale) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                  &cp, error);
      if (crit == NULL)
        return FALSE;
      c->id = col_int (crit, 0, 0, 0);
      c->position = (int) i + 1;

      for (int level = 0; level < vt_criterion_get_n_levels (c); level++)
        {
          g_auto(Params) lp = { 0 };

          if (c->levels[level] == NULL)
            continue;
          p_int64 (&lp, 1, c->id);
          p_int64 (&lp, 2, level);
          p_text (&lp, 3, c->levels[level]);
          p_text (&lp, 4, c->levels_vi[level]);
          p_text (&lp, 5, c->levels_ko[level]);
          if (!run_done (self, "INSERT INTO criterion_levels (criterion_id, level, description, "
                               "description_vi, description_ko) VALUES ($1, $2, $3, $4, $5)", &lp, error))
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
vt_pg_backend_save_criterion_set (VtBackend       *backend,
                                  VtCriterionSet  *set,
                                  GError         **error)
{
  return save_record (VT_PG_BACKEND (backend), save_criterion_set_tx, set, &set->id, &set->version, error);
}

/* Assessments ------------------------------------------------------------- */

#define ASSESSMENT_COLUMNS "a.id, a.version, s.uuid, a.visit_id, a.set_id, a.assessed_on, a.notes, " \
                           "a.readiness, a.created_at, a.updated_at, a.band, a.draft"

#define ACTION_COLUMNS "id, version, assessment_id, criterion_code, action, owner, due_on, status, checked_in"

static VtImprovementAction *
read_action (const PGresult *res,
             int             row)
{
  VtImprovementAction *action = vt_improvement_action_new (col (res, row, 3), col (res, row, 4));

  action->id = col_int (res, row, 0, 0);
  action->version = col_int (res, row, 1, 0);
  action->assessment_id = col_int (res, row, 2, 0);
  action->owner = col_dup (res, row, 5);
  col_date (res, row, 6, &action->due_on);
  vt_action_status_from_string (col (res, row, 7), &action->status);
  action->checked_in = col_int (res, row, 8, 0);
  return action;
}

static VtAssessment *
read_assessment (const PGresult *res,
                 int             row)
{
  VtAssessment *a = vt_assessment_new (col (res, row, 2), col_int (res, row, 4, 0));

  a->id = col_int (res, row, 0, 0);
  a->version = col_int (res, row, 1, 0);
  a->visit_id = col_int (res, row, 3, 0);
  col_date (res, row, 5, &a->assessed_on);
  a->notes = col_dup (res, row, 6);
  a->readiness = col (res, row, 7) == NULL ? -1 : col_double (res, row, 7);
  a->created_at = col_time (res, row, 8);
  a->updated_at = col_time (res, row, 9);
  a->band = vt_readiness_band_from_string (col (res, row, 10));
  a->draft = col_bool (res, row, 11);
  return a;
}

/* The parts of the assessments in @by_id (their ids in @ids): a
 * statement per kind of part, whatever the number of assessments. */
static gboolean
read_assessment_parts (VtPgBackend  *self,
                       GHashTable   *by_id,
                       GArray       *ids,
                       GError      **error)
{
  g_autoptr(PGresult) assessors = NULL;
  g_autoptr(PGresult) scores = NULL;
  g_autoptr(PGresult) own = NULL;
  g_autoptr(PGresult) evidence = NULL;
  g_autoptr(PGresult) actions = NULL;
  g_autoptr(PGresult) checks = NULL;
  g_auto(Params) p = { 0 };

  if (ids->len == 0)
    return TRUE;
  p_ids (&p, 1, ids);

  assessors = run (self, "SELECT assessment_id, person_id FROM assessment_assessors "
                         "WHERE assessment_id = ANY ($1::bigint[]) ORDER BY assessment_id, person_id", &p, error);
  if (assessors == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (assessors); i++)
    {
      VtAssessment *a = owner_of (by_id, assessors, i);
      gint64 person = col_int (assessors, i, 1, 0);

      g_array_append_val (a->assessor_ids, person);
    }

  scores = run (self, "SELECT assessment_id, criterion_id, score, comment FROM scores "
                      "WHERE assessment_id = ANY ($1::bigint[]) ORDER BY assessment_id, criterion_id", &p, error);
  if (scores == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (scores); i++)
    g_ptr_array_add (((VtAssessment *) owner_of (by_id, scores, i))->scores,
                     vt_score_new (col_int (scores, i, 1, 0), (int) col_int (scores, i, 2, -1), col (scores, i, 3)));

  own = run (self, "SELECT assessment_id, person_id, criterion_id, score, comment FROM assessor_scores "
                   "WHERE assessment_id = ANY ($1::bigint[]) ORDER BY assessment_id, person_id, criterion_id",
             &p, error);
  if (own == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (own); i++)
    vt_assessment_set_assessor_score (owner_of (by_id, own, i), col_int (own, i, 1, 0), col_int (own, i, 2, 0),
                                      (int) col_int (own, i, 3, 0), col (own, i, 4));

  evidence = run (self, "SELECT assessment_id, criterion_id, attachment_id FROM score_evidence "
                        "WHERE assessment_id = ANY ($1::bigint[]) "
                        "ORDER BY assessment_id, criterion_id, attachment_id", &p, error);
  if (evidence == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (evidence); i++)
    vt_assessment_add_evidence (owner_of (by_id, evidence, i), col_int (evidence, i, 1, 0),
                                col_int (evidence, i, 2, 0));

  actions = run (self, "SELECT " ACTION_COLUMNS " FROM improvement_actions "
                       "WHERE assessment_id = ANY ($1::bigint[]) ORDER BY id", &p, error);
  if (actions == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (actions); i++)
    {
      VtImprovementAction *x = read_action (actions, i);
      VtAssessment *a = g_hash_table_lookup (by_id, &x->assessment_id);

      g_ptr_array_add (a->actions, x);
    }

  checks = run (self, "SELECT checked_in, id, status FROM improvement_actions "
                      "WHERE checked_in = ANY ($1::bigint[]) ORDER BY id", &p, error);
  if (checks == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (checks); i++)
    {
      VtActionStatus status = VT_ACTION_STATUS_OPEN;

      vt_action_status_from_string (col (checks, i, 2), &status);
      vt_assessment_check_action (owner_of (by_id, checks, i), col_int (checks, i, 1, 0), status);
    }
  return TRUE;
}

/* The assessments of @res, complete. */
static GPtrArray *
read_assessments (VtPgBackend     *self,
                  const PGresult  *res,
                  GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_assessment_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; i < PQntuples (res); i++)
    {
      VtAssessment *a = read_assessment (res, i);

      g_ptr_array_add (list, a);
      g_hash_table_insert (by_id, &a->id, a);
      g_array_append_val (ids, a->id);
    }
  if (!read_assessment_parts (self, by_id, ids, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
set_default_criterion_set_tx (VtPgBackend  *self,
                              gpointer      data,
                              GError      **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(PGresult) set = NULL;
  g_auto(Params) p = { 0 };
  char id_text[32];

  p_int64 (&p, 1, id);
  if (!run_done (self, "LOCK TABLE criterion_sets IN SHARE ROW EXCLUSIVE MODE", NULL, error))
    return FALSE;
  set = run (self, "SELECT name || ' v' || set_version, is_default FROM criterion_sets WHERE id = $1", &p, error);
  if (set == NULL)
    return FALSE;
  if (PQntuples (set) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  /* The default already: nothing changes. */
  if (col_bool (set, 0, 1))
    return TRUE;
  if (!run_done (self, "UPDATE criterion_sets SET is_default = 0, version = version + 1 "
                       "WHERE is_default <> 0", NULL, error)
      || !run_done (self, "UPDATE criterion_sets SET is_default = 1, version = version + 1 WHERE id = $1", &p, error))
    return FALSE;
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
  return audit (self, "update", "criterion_set", id_text, "is_default", col (set, 0, 0), "1", error);
}

static gboolean
vt_pg_backend_set_default_criterion_set (VtBackend  *backend,
                                         gint64      id,
                                         GError    **error)
{
  return in_transaction (VT_PG_BACKEND (backend), set_default_criterion_set_tx, &id, error);
}

static GPtrArray *
vt_pg_backend_list_assessments (VtBackend   *backend,
                                const char  *supplier_uuid,
                                GError     **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_text (&p, 1, supplier_uuid);
  res = run (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE $1::text IS NULL OR s.uuid = $1 ORDER BY a.assessed_on, a.id", &p, error);
  if (res == NULL)
    return NULL;
  return read_assessments (self, res, error);
}

static VtAssessment *
vt_pg_backend_get_assessment (VtBackend  *backend,
                              gint64      id,
                              GError    **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, id);
  res = run (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE a.id = $1", &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }
  list = read_assessments (self, res, error);
  return list ? vt_assessment_ref (g_ptr_array_index (list, 0)) : NULL;
}

static GPtrArray *
vt_pg_backend_list_improvement_actions (VtBackend   *backend,
                                        const char  *supplier_uuid,
                                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_improvement_action_unref);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_text (&p, 1, supplier_uuid);
  res = run (VT_PG_BACKEND (backend),
    "SELECT x.id, x.version, x.assessment_id, x.criterion_code, x.action, x.owner, x.due_on, x.status, "
    "x.checked_in FROM improvement_actions x JOIN assessments a ON a.id = x.assessment_id "
    "JOIN suppliers s ON s.id = a.supplier_id WHERE s.uuid = $1 ORDER BY a.assessed_on, a.id, x.id", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (list, read_action (res, i));
  return g_steal_pointer (&list);
}

/* suppliers.readiness caches the index of the latest final assessment. */
static gboolean
refresh_readiness (VtPgBackend  *self,
                   gint64        supplier_id,
                   GError      **error)
{
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, supplier_id);
  return run_done (self,
    "UPDATE suppliers SET readiness = coalesce ((SELECT readiness FROM assessments "
    "WHERE supplier_id = $1 AND readiness IS NOT NULL AND draft = 0 "
    "ORDER BY assessed_on DESC, id DESC LIMIT 1), -1) WHERE id = $1", &p, error);
}

static gboolean
run_for_id (VtPgBackend  *self,
            const char   *sql,
            gint64        id,
            GError      **error)
{
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, id);
  return run_done (self, sql, &p, error);
}

static gboolean
save_actions (VtPgBackend   *self,
              VtAssessment  *a,
              GError       **error)
{
  g_autoptr(PGresult) existing = NULL;
  g_auto(Params) key = { 0 };

  /* Actions taken out of the list are deleted. */
  p_int64 (&key, 1, a->id);
  existing = run (self, "SELECT id FROM improvement_actions WHERE assessment_id = $1", &key, error);
  if (existing == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (existing); i++)
    {
      gint64 id = col_int (existing, i, 0, 0);
      gboolean kept = FALSE;

      for (guint k = 0; k < a->actions->len && !kept; k++)
        kept = ((VtImprovementAction *) g_ptr_array_index (a->actions, k))->id == id;
      if (!kept && !run_for_id (self, "DELETE FROM improvement_actions WHERE id = $1", id, error))
        return FALSE;
    }

  for (guint i = 0; i < a->actions->len; i++)
    {
      VtImprovementAction *x = g_ptr_array_index (a->actions, i);
      g_autoptr(PGresult) res = NULL;
      g_auto(Params) p = { 0 };

      if (x->criterion_code == NULL || *x->criterion_code == '\0' || x->action == NULL || *x->action == '\0')
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("An improvement action needs a criterion and a description."));
          return FALSE;
        }
      p_int64 (&p, 1, x->id);
      p_int64 (&p, 2, a->id);
      p_text (&p, 3, x->criterion_code);
      p_text (&p, 4, x->action);
      p_text (&p, 5, x->owner);
      p_text_take (&p, 6, vt_date_to_iso (&x->due_on));
      p_text_take (&p, 7, now_iso ());
      if (x->id != 0)
        res = run (self, "UPDATE improvement_actions SET criterion_code = $3, action = $4, owner = $5, "
                         "due_on = $6, updated_at = $7, version = version + 1 "
                         "WHERE id = $1 AND assessment_id = $2 RETURNING id", &p, error);
      else
        res = run (self, "INSERT INTO improvement_actions (assessment_id, criterion_code, action, owner, "
                         "due_on, created_at, updated_at) VALUES ($2, $3, $4, $5, $6, $7, $7) RETURNING id",
                   &p, error);
      if (res == NULL)
        return FALSE;
      if (PQntuples (res) != 1)
        {
          set_not_found (error);
          return FALSE;
        }
      if (x->id == 0)
        {
          x->id = col_int (res, 0, 0, 0);
          x->version = 1;
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
save_checks (VtPgBackend   *self,
             VtAssessment  *a,
             gint64         supplier_id,
             GError       **error)
{
  if (!run_for_id (self, "UPDATE improvement_actions SET status = 'open', checked_in = NULL, "
                         "version = version + 1 WHERE checked_in = $1", a->id, error))
    return FALSE;

  for (guint i = 0; i < a->checks->len; i++)
    {
      VtActionCheck *c = &g_array_index (a->checks, VtActionCheck, i);
      g_autoptr(PGresult) res = NULL;
      g_auto(Params) p = { 0 };

      if (c->status != VT_ACTION_STATUS_DONE && c->status != VT_ACTION_STATUS_NOT_DONE)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("An improvement action is checked as either done or not done."));
          return FALSE;
        }
      p_int64 (&p, 1, c->action_id);
      p_int64 (&p, 2, a->id);
      p_text (&p, 3, vt_action_status_to_string (c->status));
      p_int64 (&p, 4, supplier_id);
      p_text_take (&p, 5, now_iso ());
      res = run (self,
        "UPDATE improvement_actions SET status = $3, checked_in = $2, updated_at = $5, version = version + 1 "
        "WHERE id = $1 AND assessment_id <> $2 AND assessment_id IN "
        "(SELECT id FROM assessments WHERE supplier_id = $4) RETURNING id", &p, error);
      if (res == NULL)
        return FALSE;
      if (PQntuples (res) != 1)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("The improvement action checked belongs to another supplier or to this assessment."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_assessment_parts (VtPgBackend   *self,
                       VtAssessment  *a,
                       gint64         supplier_id,
                       GError       **error)
{
  if (!run_for_id (self, "DELETE FROM assessment_assessors WHERE assessment_id = $1", a->id, error)
      || !run_for_id (self, "DELETE FROM scores WHERE assessment_id = $1", a->id, error)
      || !run_for_id (self, "DELETE FROM assessor_scores WHERE assessment_id = $1", a->id, error)
      || !run_for_id (self, "DELETE FROM score_evidence WHERE assessment_id = $1", a->id, error))
    return FALSE;

  for (guint i = 0; i < a->assessor_ids->len; i++)
    {
      g_auto(Params) p = { 0 };

      p_int64 (&p, 1, a->id);
      p_int64 (&p, 2, g_array_index (a->assessor_ids, gint64, i));
      if (!run_done (self, "INSERT INTO assessment_assessors (assessment_id, person_id) VALUES ($1, $2)", &p, error))
        return FALSE;
    }

  for (guint i = 0; i < a->scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (a->scores, i);
      g_auto(Params) p = { 0 };

      p_int64 (&p, 1, a->id);
      p_int64 (&p, 2, s->criterion_id);
      p_int (&p, 3, s->score, -1);
      p_text (&p, 4, s->comment);
      if (!run_done (self, "INSERT INTO scores (assessment_id, criterion_id, score, comment) "
                           "VALUES ($1, $2, $3, $4)", &p, error))
        return FALSE;
    }

  for (guint i = 0; i < a->assessor_scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (a->assessor_scores, i);
      g_auto(Params) p = { 0 };

      p_int64 (&p, 1, a->id);
      p_int64 (&p, 2, s->person_id);
      p_int64 (&p, 3, s->criterion_id);
      p_int64 (&p, 4, s->score);
      p_text (&p, 5, s->comment);
      if (!run_done (self, "INSERT INTO assessor_scores (assessment_id, person_id, criterion_id, score, comment) "
                           "VALUES ($1, $2, $3, $4, $5)", &p, error))
        return FALSE;
    }

  /* Evidence must be a photo of the same supplier. */
  for (guint i = 0; i < a->evidence->len; i++)
    {
      VtEvidence *e = &g_array_index (a->evidence, VtEvidence, i);
      g_autoptr(PGresult) res = NULL;
      g_auto(Params) p = { 0 };

      p_int64 (&p, 1, a->id);
      p_int64 (&p, 2, e->criterion_id);
      p_int64 (&p, 3, e->attachment_id);
      p_int64 (&p, 4, supplier_id);
      res = run (self, "INSERT INTO score_evidence (assessment_id, criterion_id, attachment_id) "
                       "SELECT $1, $2, id FROM attachments WHERE id = $3 AND supplier_id = $4 RETURNING 1",
                 &p, error);
      if (res == NULL)
        return FALSE;
      if (PQntuples (res) != 1)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("The evidence is not an attachment of this supplier."));
          return FALSE;
        }
    }

  return save_actions (self, a, error) && save_checks (self, a, supplier_id, error);
}

static gboolean
save_assessment_tx (VtPgBackend  *self,
                    gpointer      data,
                    GError      **error)
{
  VtAssessment *a = data;
  g_autoptr(VtAssessment) old = NULL;
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtFields) old_fields = NULL;
  g_autoptr(VtFields) new_fields = NULL;
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };
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
  set = vt_pg_backend_get_criterion_set (VT_BACKEND (self), a->set_id, error);
  if (set == NULL)
    return FALSE;
  a->set_id = set->id;

  if (!vt_assessment_validate (a, set, error))
    return FALSE;

  /* The index and band are computed here, never typed. */
  readiness = vt_readiness_compute (set, a, &band);
  a->readiness = readiness;
  a->band = band;
  saved.new_fields = new_fields = vt_assessment_to_fields (a);

  if (a->id != 0)
    {
      old = vt_pg_backend_get_assessment (VT_BACKEND (self), a->id, error);
      if (old == NULL || !check_version (old->version, a->version, error))
        return FALSE;
      saved.old_fields = old_fields = vt_assessment_to_fields (old);
    }

  p_text_take (&p, 1, now_iso ());
  p_int64 (&p, 2, a->id);
  p_int64 (&p, 3, supplier_id);
  p_int (&p, 4, a->visit_id, 0);
  p_int64 (&p, 5, a->set_id);
  p_text_take (&p, 6, vt_date_to_iso (&a->assessed_on));
  p_text (&p, 7, a->notes);
  if (readiness < 0)
    set_param (&p, 8, NULL, 0, 0);
  else
    p_double (&p, 8, readiness);
  p_int64 (&p, 9, a->version);
  p_text (&p, 10, band == VT_READINESS_BAND_NONE ? NULL : vt_readiness_band_to_string (band));
  p_int64 (&p, 11, a->draft ? 1 : 0);
  if (a->id != 0)
    res = run (self, "UPDATE assessments SET supplier_id = $3, visit_id = $4, set_id = $5, "
                     "assessed_on = $6, notes = $7, readiness = $8, band = $10, draft = $11, "
                     "updated_at = $1, version = version + 1 WHERE id = $2 AND version = $9 RETURNING id",
               &p, error);
  else
    res = run (self, "INSERT INTO assessments (supplier_id, visit_id, set_id, assessed_on, notes, "
                     "readiness, band, draft, created_at, updated_at) "
                     "VALUES ($3, $4, $5, $6, $7, $8, $10, $11, $1, $1) RETURNING id", &p, error);
  if (res == NULL || !finish_save (self, res, &saved, error))
    return FALSE;

  return save_assessment_parts (self, a, supplier_id, error)
      && refresh_readiness (self, supplier_id, error);
}

static gboolean
vt_pg_backend_save_assessment (VtBackend     *backend,
                               VtAssessment  *assessment,
                               GError       **error)
{
  return save_record (VT_PG_BACKEND (backend), save_assessment_tx, assessment,
                      &assessment->id, &assessment->version, error);
}

/* Attachments ------------------------------------------------------------- */

static VtAttachment *
read_attachment (const PGresult *res,
                 int             row,
                 gboolean        with_data)
{
  VtAttachment *a = vt_attachment_new (col (res, row, 1), col (res, row, 3), col (res, row, 4), NULL);

  a->id = col_int (res, row, 0, 0);
  a->visit_id = col_int (res, row, 2, 0);
  a->size = col_int (res, row, 5, 0);
  a->created_at = col_time (res, row, 6);
  a->created_by = col_dup (res, row, 7);
  if (with_data)
    a->data = col_bytes (res, row, 8);
  return a;
}

static GPtrArray *
vt_pg_backend_list_attachments (VtBackend   *backend,
                                const char  *supplier_uuid,
                                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_attachment_unref);
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  /* The content stays on the server until someone opens it. */
  p_text (&p, 1, supplier_uuid);
  res = run (VT_PG_BACKEND (backend),
    "SELECT a.id, s.uuid, a.visit_id, a.filename, a.mime_type, a.size, a.created_at, a.created_by "
    "FROM attachments a JOIN suppliers s ON s.id = a.supplier_id WHERE s.uuid = $1 ORDER BY a.id", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (list, read_attachment (res, i, FALSE));
  return g_steal_pointer (&list);
}

static VtAttachment *
vt_pg_backend_get_attachment (VtBackend  *backend,
                              gint64      id,
                              GError    **error)
{
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, id);
  res = run (VT_PG_BACKEND (backend),
    "SELECT a.id, s.uuid, a.visit_id, a.filename, a.mime_type, a.size, a.created_at, a.created_by, a.data "
    "FROM attachments a JOIN suppliers s ON s.id = a.supplier_id WHERE a.id = $1", &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }
  return read_attachment (res, 0, TRUE);
}

static gboolean
add_attachment_tx (VtPgBackend  *self,
                   gpointer      data,
                   GError      **error)
{
  VtAttachment *a = data;
  g_autofree char *now = now_iso ();
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };
  gint64 supplier_id;

  if (a->data == NULL || a->filename == NULL || *a->filename == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("An attachment needs a file name and its content."));
      return FALSE;
    }
  if (!lookup_supplier_id (self, a->supplier_uuid, &supplier_id, NULL, error))
    return FALSE;

  p_int64 (&p, 1, supplier_id);
  p_int (&p, 2, a->visit_id, 0);
  p_text (&p, 3, a->filename);
  p_text (&p, 4, a->mime_type);
  p_int64 (&p, 5, g_bytes_get_size (a->data));
  p_bytes (&p, 6, a->data);
  p_text (&p, 7, now);
  p_text (&p, 8, self->actor);
  res = run (self, "INSERT INTO attachments (supplier_id, visit_id, filename, mime_type, size, data, "
                   "created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id", &p, error);
  if (res == NULL)
    return FALSE;

  a->id = col_int (res, 0, 0, 0);
  a->size = g_bytes_get_size (a->data);
  g_free (a->created_by);
  a->created_by = g_strdup (self->actor);
  g_clear_pointer (&a->created_at, g_date_time_unref);
  a->created_at = vt_time_from_iso (now);
  return audit_id (self, "insert", "attachment", a->id, a->filename, error);
}

static gboolean
vt_pg_backend_add_attachment (VtBackend     *backend,
                              VtAttachment  *attachment,
                              GError       **error)
{
  gint64 unused_version = 0;

  return save_record (VT_PG_BACKEND (backend), add_attachment_tx, attachment,
                      &attachment->id, &unused_version, error);
}

/* Charts ------------------------------------------------------------------ */

static GPtrArray *
vt_pg_backend_list_round_suppliers (VtBackend  *backend,
                                    gint64      round_id,
                                    GError    **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_supplier_unref);
  g_autoptr(GHashTable) by_latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) latest_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) assessments = NULL;
  g_auto(Params) p = { 0 };
  g_auto(Params) ids = { 0 };

  p_int64 (&p, 1, round_id);
  res = run (self,
    "SELECT s.uuid, s.name_vi, s.name_en, s.name_ko, s.sector, s.province_2025, "
    "p.name_vi, p.name_en, p.name_ko, s.stage, "
    "(SELECT a.id FROM assessments a WHERE a.supplier_id = s.id AND a.draft = 0 "
    " ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) "
    "FROM suppliers s LEFT JOIN provinces p ON p.list_id = '2025' AND p.code = s.province_2025 "
    "WHERE s.round_id = $1 ORDER BY s.sort_key, s.uuid", &p, error);
  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    {
      VtRoundSupplier *r = vt_round_supplier_new ();
      const char *province = col (res, i, 5);

      r->uuid = col_dup (res, i, 0);
      r->name_vi = col_dup (res, i, 1);
      r->name_en = col_dup (res, i, 2);
      r->name_ko = col_dup (res, i, 3);
      if (!vt_sector_from_string (col (res, i, 4), &r->sector))
        r->sector = VT_SECTOR_OTHER;
      r->province_code = province != NULL && *province ? g_strdup (province) : NULL;
      r->province_vi = col_dup (res, i, 6);
      r->province_en = col_dup (res, i, 7);
      r->province_ko = col_dup (res, i, 8);
      if (!vt_stage_from_string (col (res, i, 9), &r->stage))
        r->stage = VT_STAGE_RECEIVED;
      g_ptr_array_add (list, r);
      if (col (res, i, 10) != NULL)
        {
          gint64 id = col_int (res, i, 10, 0);

          g_array_append_val (latest_ids, id);
          g_hash_table_insert (by_latest, g_memdup2 (&id, sizeof id), r);
        }
    }
  if (latest_ids->len == 0)
    return g_steal_pointer (&list);

  /* Every latest assessment at once, rather than one by one. */
  p_ids (&ids, 1, latest_ids);
  assessments = run (self,
    "SELECT " ASSESSMENT_COLUMNS " FROM assessments a JOIN suppliers s ON s.id = a.supplier_id "
    "WHERE a.id = ANY ($1::bigint[])", &ids, error);
  if (assessments == NULL || (latest = read_assessments (self, assessments, error)) == NULL)
    return NULL;
  for (guint i = 0; i < latest->len; i++)
    {
      VtAssessment *a = g_ptr_array_index (latest, i);
      VtRoundSupplier *r = g_hash_table_lookup (by_latest, &a->id);

      if (r != NULL)
        r->latest = vt_assessment_ref (a);
    }
  return g_steal_pointer (&list);
}

static GArray *
vt_pg_backend_count_visit_months (VtBackend  *backend,
                                  gint64      round_id,
                                  GError    **error)
{
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (VtVisitMonth));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_int64 (&p, 1, round_id);
  res = run (VT_PG_BACKEND (backend),
    "SELECT kind, starts_at FROM visits WHERE status <> 'cancelled' AND ($1::bigint = 0 OR round_id = $1) "
    "ORDER BY starts_at COLLATE \"C\"", &p, error);
  if (res == NULL)
    return NULL;
  /* Vietnam has kept UTC+7 without daylight saving since 1975. */
  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autoptr(GDateTime) utc = col_time (res, i, 1);
      g_autoptr(GDateTime) local = NULL;
      VtVisitMonth m = { 0 };
      gboolean found = FALSE;

      if (utc == NULL || !vt_visit_kind_from_string (col (res, i, 0), &m.kind))
        continue;
      local = g_date_time_to_timezone (utc, tz);
      m.year = g_date_time_get_year (local);
      m.month = g_date_time_get_month (local);
      /* Rows come by start time, so a month's entries are at the end. */
      for (guint k = months->len; k > 0; k--)
        {
          VtVisitMonth *e = &g_array_index (months, VtVisitMonth, k - 1);

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
  return g_steal_pointer (&months);
}

/* Import and export ------------------------------------------------------- */

static gboolean
read_import_matches (gpointer          backend,
                     VtImportMatcher  *matcher,
                     GError          **error)
{
  g_autoptr(PGresult) res = run (backend, "SELECT id, uuid, tax_code, name_vi_fold FROM suppliers ORDER BY id",
                                 NULL, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    vt_import_matcher_add (matcher, col_int (res, i, 0, 0), col (res, i, 1), col (res, i, 2), col (res, i, 3));
  return TRUE;
}

static VtSupplier *
import_get_supplier (gpointer     backend,
                     const char  *uuid,
                     GError     **error)
{
  return vt_pg_backend_get_supplier (backend, uuid, error);
}

/* A row that may be refused alone gets a savepoint of its own. */
static gboolean
import_save (gpointer     backend,
             VtSupplier  *s,
             gboolean     alone,
             gint64      *id,
             GError     **error)
{
  VtPgBackend *self = backend;

  if (!(alone ? in_transaction (self, save_supplier_tx, s, error) : save_supplier_tx (self, s, error)))
    return FALSE;
  *id = self->saved_id;
  return TRUE;
}

static gboolean
import_lost (gpointer backend)
{
  return PQtransactionStatus (((VtPgBackend *) backend)->conn) != PQTRANS_INTRANS;
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
import_tx (VtPgBackend  *self,
           gpointer          data,
           GError          **error)
{
  ImportJob *job = data;

  return vt_import_run (&import_ops, self, job->batch, job->policy, job->all_or_nothing, job->cancellable,
                        job->summary, error);
}

static VtImportSummary *
vt_pg_backend_import_suppliers (VtBackend          *backend,
                                    VtImportBatch      *batch,
                                    VtDuplicatePolicy   policy,
                                    gboolean            all_or_nothing,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  VtImportSummary *summary = vt_import_begin (batch, all_or_nothing, error);
  ImportJob job = { batch, policy, all_or_nothing, cancellable, summary };

  if (summary == NULL)
    return NULL;
  return vt_import_end (batch, summary, in_transaction (VT_PG_BACKEND (backend), import_tx, &job, error));
}

static VtImportMatches *
vt_pg_backend_count_import_matches (VtBackend      *backend,
                                        VtImportBatch  *batch,
                                        GCancellable   *cancellable,
                                        GError        **error)
{
  return vt_import_count_matches (&import_ops, backend, batch, cancellable, error);
}

/* Page by page in the list's order; each page's suppliers are read
 * complete with four statements, not four per supplier. */
static GPtrArray *
vt_pg_backend_export_suppliers (VtBackend              *backend,
                                const VtSupplierQuery  *query,
                                GCancellable           *cancellable,
                                GError                **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(GPtrArray) suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_supplier_unref);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_copy (query);

  q->page_size = 1000;
  vt_supplier_query_set_after (q, NULL);
  for (;;)
    {
      g_autoptr(VtSupplierPage) page = NULL;
      g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GString) uuids = g_string_new ("{");
      g_autoptr(PGresult) res = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_auto(Params) p = { 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = vt_pg_backend_query_suppliers (backend, q, error);
      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->items->len; i++)
        {
          /* Uuids hold hex digits and dashes only; quoted all the same. */
          const char *uuid = vt_supplier_summary_get_uuid (g_ptr_array_index (page->items, i));

          g_string_append (uuids, i > 0 ? ",\"" : "\"");
          for (const char *c = uuid; *c; c++)
            {
              if (*c == '"' || *c == '\\')
                g_string_append_c (uuids, '\\');
              g_string_append_c (uuids, *c);
            }
          g_string_append_c (uuids, '"');
        }
      g_string_append_c (uuids, '}');
      set_param (&p, 1, g_strdup (uuids->str), 0, 0);
      res = run (self, "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE uuid = ANY ($1::text[])", &p, error);
      if (res == NULL || (rows = read_suppliers (self, res, error)) == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          VtSupplier *s = g_ptr_array_index (rows, i);

          g_hash_table_insert (by_uuid, s->uuid, s);
        }
      /* In the list's order; a supplier deleted meanwhile is left out. */
      for (guint i = 0; i < page->items->len; i++)
        {
          VtSupplier *s = g_hash_table_lookup (by_uuid, vt_supplier_summary_get_uuid (g_ptr_array_index (page->items, i)));

          if (s != NULL)
            g_ptr_array_add (suppliers, vt_supplier_ref (s));
        }
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  return g_steal_pointer (&suppliers);
}

/* Interface --------------------------------------------------------------- */

static gboolean
vt_pg_backend_is_read_only (VtBackend *backend)
{
  return VT_PG_BACKEND (backend)->read_only;
}

static int
vt_pg_backend_get_schema_version (VtBackend *backend)
{
  return VT_PG_BACKEND (backend)->schema_version;
}

static void
vt_pg_backend_set_actor (VtBackend  *backend,
                         const char *actor)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);

  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();
  if (g_strcmp0 (self->actor, actor) != 0)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor);
    }
}

static gboolean
vt_pg_backend_begin (VtBackend  *backend,
                     GError    **error)
{
  return tx_begin (VT_PG_BACKEND (backend), error);
}

static gboolean
vt_pg_backend_commit (VtBackend  *backend,
                      GError    **error)
{
  return tx_commit (VT_PG_BACKEND (backend), error);
}

static void
vt_pg_backend_rollback (VtBackend *backend)
{
  tx_rollback (VT_PG_BACKEND (backend));
}

static void
vt_pg_backend_finalize (GObject *object)
{
  VtPgBackend *self = (VtPgBackend *) object;

  g_clear_pointer (&self->conn, PQfinish);
  g_free (self->actor);

  G_OBJECT_CLASS (vt_pg_backend_parent_class)->finalize (object);
}

static void
vt_pg_backend_class_init (VtPgBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vt_pg_backend_finalize;
}

static void
vt_pg_backend_init (VtPgBackend *self)
{
  self->actor = g_strdup (g_get_user_name ());
}

static void
vt_pg_backend_iface_init (VtBackendInterface *iface)
{
  iface->is_read_only = vt_pg_backend_is_read_only;
  iface->get_schema_version = vt_pg_backend_get_schema_version;
  iface->set_actor = vt_pg_backend_set_actor;
  iface->begin = vt_pg_backend_begin;
  iface->commit = vt_pg_backend_commit;
  iface->rollback = vt_pg_backend_rollback;
  iface->count = vt_pg_backend_count;
  iface->count_stages = vt_pg_backend_count_stages;
  iface->list_provinces = vt_pg_backend_list_provinces;
  iface->list_certifications = vt_pg_backend_list_certifications;
  iface->list_round_suppliers = vt_pg_backend_list_round_suppliers;
  iface->count_visit_months = vt_pg_backend_count_visit_months;
  iface->query_suppliers = vt_pg_backend_query_suppliers;
  iface->get_supplier = vt_pg_backend_get_supplier;
  iface->save_supplier = vt_pg_backend_save_supplier;
  iface->delete_supplier = vt_pg_backend_delete_supplier;
  iface->move_stage = vt_pg_backend_move_stage;
  iface->move_stages = vt_pg_backend_move_stages;
  iface->list_stage_history = vt_pg_backend_list_stage_history;
  iface->list_rounds = vt_pg_backend_list_rounds;
  iface->save_round = vt_pg_backend_save_round;
  iface->close_round = vt_pg_backend_close_round;
  iface->set_current_round = vt_pg_backend_set_current_round;
  iface->list_people = vt_pg_backend_list_people;
  iface->save_person = vt_pg_backend_save_person;
  iface->list_visits = vt_pg_backend_list_visits;
  iface->get_visit = vt_pg_backend_get_visit;
  iface->save_visit = vt_pg_backend_save_visit;
  iface->get_visit_by_uid = vt_pg_backend_get_visit_by_uid;
  iface->import_visits = vt_pg_backend_import_visits;
  iface->list_criterion_sets = vt_pg_backend_list_criterion_sets;
  iface->get_criterion_set = vt_pg_backend_get_criterion_set;
  iface->save_criterion_set = vt_pg_backend_save_criterion_set;
  iface->set_default_criterion_set = vt_pg_backend_set_default_criterion_set;
  iface->list_assessments = vt_pg_backend_list_assessments;
  iface->get_assessment = vt_pg_backend_get_assessment;
  iface->save_assessment = vt_pg_backend_save_assessment;
  iface->list_improvement_actions = vt_pg_backend_list_improvement_actions;
  iface->list_attachments = vt_pg_backend_list_attachments;
  iface->get_attachment = vt_pg_backend_get_attachment;
  iface->add_attachment = vt_pg_backend_add_attachment;
  iface->delete_record = vt_pg_backend_delete_record;
  iface->list_audit = vt_pg_backend_list_audit;
  iface->backup = vt_pg_backend_backup;
  iface->check = vt_pg_backend_check;
  iface->import_suppliers = vt_pg_backend_import_suppliers;
  iface->count_import_matches = vt_pg_backend_count_import_matches;
  iface->export_suppliers = vt_pg_backend_export_suppliers;
}
