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

#include "vt-audit.h"
#include "vt-core-resources.h"
#include "vt-error.h"
#include "vt-person.h"
#include "vt-pg-backend.h"
#include "vt-round.h"
#include "vt-search.h"
#include "vt-search-keys.h"
#include "vt-sqlite-backend.h"
#include "vt-supplier.h"
#include "vt-supplier-query.h"
#include "vt-supplier-summary.h"

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

static void
set_not_on_server (GError **error)
{
  g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_FAILED,
                       _("This is not available yet for a database on a server. Use a database file for it."));
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

static gboolean
load_supplier_children (VtPgBackend  *self,
                        gint64        id,
                        VtSupplier   *s,
                        GError      **error)
{
  g_auto(Params) p = { 0 };
  g_autoptr(PGresult) certs = NULL;
  g_autoptr(PGresult) customers = NULL;
  g_autoptr(PGresult) contacts = NULL;

  p_int64 (&p, 1, id);
  certs = run (self, "SELECT id, standard, certificate_no, issuer, issued_on, expires_on "
                     "FROM certifications WHERE supplier_id = $1 ORDER BY id", &p, error);
  if (certs == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (certs); i++)
    {
      VtCertification *c = vt_certification_new (col (certs, i, 1));

      c->id = col_int (certs, i, 0, 0);
      c->certificate_no = col_dup (certs, i, 2);
      c->issuer = col_dup (certs, i, 3);
      col_date (certs, i, 4, &c->issued_on);
      col_date (certs, i, 5, &c->expires_on);
      g_ptr_array_add (s->certifications, c);
    }

  customers = run (self, "SELECT id, name, since_year, notes FROM korean_customers "
                         "WHERE supplier_id = $1 ORDER BY id", &p, error);
  if (customers == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (customers); i++)
    {
      VtCustomer *c = vt_customer_new (col (customers, i, 1));

      c->id = col_int (customers, i, 0, 0);
      c->since_year = (int) col_int (customers, i, 2, 0);
      c->notes = col_dup (customers, i, 3);
      g_ptr_array_add (s->customers, c);
    }

  contacts = run (self, "SELECT id, family_name, middle_name, given_name, role, phone, email, languages "
                        "FROM contacts WHERE supplier_id = $1 ORDER BY id", &p, error);
  if (contacts == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (contacts); i++)
    {
      VtContact *c = vt_contact_new (col (contacts, i, 1), col (contacts, i, 2), col (contacts, i, 3));

      c->id = col_int (contacts, i, 0, 0);
      c->role = col_dup (contacts, i, 4);
      c->phone = col_dup (contacts, i, 5);
      c->email = col_dup (contacts, i, 6);
      c->languages = col_dup (contacts, i, 7);
      g_ptr_array_add (s->contacts, c);
    }
  return TRUE;
}

static VtSupplier *
vt_pg_backend_get_supplier (VtBackend   *backend,
                            const char  *uuid,
                            GError     **error)
{
  VtPgBackend *self = VT_PG_BACKEND (backend);
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(PGresult) res = NULL;
  g_auto(Params) p = { 0 };

  p_text (&p, 1, uuid);
  res = run (self,
    "SELECT id, uuid, version, code, name_vi, name_en, name_ko, tax_code, sector, products, "
    "province_list, province_code, industrial_zone, address, founded_year, employees, "
    "revenue_vnd, ownership, notes, stage, round_id, readiness, created_at, updated_at "
    "FROM suppliers WHERE uuid = $1", &p, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return NULL;
    }

  s = vt_supplier_new ();
  s->uuid = col_dup (res, 0, 1);
  s->version = col_int (res, 0, 2, 0);
  s->code = col_dup (res, 0, 3);
  s->name_vi = col_dup (res, 0, 4);
  s->name_en = col_dup (res, 0, 5);
  s->name_ko = col_dup (res, 0, 6);
  s->tax_code = col_dup (res, 0, 7);
  vt_sector_from_string (col (res, 0, 8), &s->sector);
  s->products = col_dup (res, 0, 9);
  g_free (s->province_list);
  s->province_list = col_dup (res, 0, 10);
  s->province_code = col_dup (res, 0, 11);
  s->industrial_zone = col_dup (res, 0, 12);
  s->address = col_dup (res, 0, 13);
  s->founded_year = (int) col_int (res, 0, 14, 0);
  s->employees = col_int (res, 0, 15, -1);
  s->revenue_vnd = col_int (res, 0, 16, -1);
  vt_ownership_from_string (col (res, 0, 17), &s->ownership);
  s->notes = col_dup (res, 0, 18);
  vt_stage_from_string (col (res, 0, 19), &s->stage);
  s->round_id = col_int (res, 0, 20, 0);
  s->readiness = col_double (res, 0, 21);
  s->created_at = col_time (res, 0, 22);
  s->updated_at = col_time (res, 0, 23);
  if (s->province_list == NULL)
    s->province_list = g_strdup ("2025");

  if (!load_supplier_children (self, col_int (res, 0, 0, 0), s, error))
    return NULL;
  return g_steal_pointer (&s);
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

  /* The server counts every match exactly; only the first page asks. */
  if (query->after == NULL)
    {
      count = run (self, count_sql->str, &count_p, error);
      if (count == NULL)
        return NULL;
      page->total = (guint64) col_int (count, 0, 0, 0);
    }
  else
    page->total = n;
  page->total_exact = query->after == NULL;
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

/* Not on a server yet ---------------------------------------------------- */

static GPtrArray *
vt_pg_backend_list_round_suppliers (VtBackend  *backend,
                                    gint64      round_id,
                                    GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static GArray *
vt_pg_backend_count_visit_months (VtBackend  *backend,
                                  gint64      round_id,
                                  GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static GPtrArray *
vt_pg_backend_list_visits (VtBackend   *backend,
                           const char  *supplier_uuid,
                           GDateTime   *from,
                           GDateTime   *to,
                           GError     **error)
{
  set_not_on_server (error);
  return NULL;
}

static VtVisit *
vt_pg_backend_get_visit (VtBackend  *backend,
                         gint64      id,
                         GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static VtVisit *
vt_pg_backend_get_visit_by_uid (VtBackend   *backend,
                                const char  *uid,
                                GError     **error)
{
  set_not_on_server (error);
  return NULL;
}

static gboolean
vt_pg_backend_save_visit (VtBackend  *backend,
                          VtVisit    *visit,
                          GError    **error)
{
  set_not_on_server (error);
  return FALSE;
}

static gboolean
vt_pg_backend_import_visits (VtBackend  *backend,
                             GPtrArray  *visits,
                             GError    **error)
{
  set_not_on_server (error);
  return FALSE;
}

static GPtrArray *
vt_pg_backend_list_criterion_sets (VtBackend  *backend,
                                   GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static VtCriterionSet *
vt_pg_backend_get_criterion_set (VtBackend  *backend,
                                 gint64      id,
                                 GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static gboolean
vt_pg_backend_save_criterion_set (VtBackend       *backend,
                                  VtCriterionSet  *set,
                                  GError         **error)
{
  set_not_on_server (error);
  return FALSE;
}

static GPtrArray *
vt_pg_backend_list_assessments (VtBackend   *backend,
                                const char  *supplier_uuid,
                                GError     **error)
{
  set_not_on_server (error);
  return NULL;
}

static VtAssessment *
vt_pg_backend_get_assessment (VtBackend  *backend,
                              gint64      id,
                              GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static gboolean
vt_pg_backend_save_assessment (VtBackend     *backend,
                               VtAssessment  *assessment,
                               GError       **error)
{
  set_not_on_server (error);
  return FALSE;
}

static GPtrArray *
vt_pg_backend_list_improvement_actions (VtBackend   *backend,
                                        const char  *supplier_uuid,
                                        GError     **error)
{
  set_not_on_server (error);
  return NULL;
}

static GPtrArray *
vt_pg_backend_list_attachments (VtBackend   *backend,
                                const char  *supplier_uuid,
                                GError     **error)
{
  set_not_on_server (error);
  return NULL;
}

static VtAttachment *
vt_pg_backend_get_attachment (VtBackend  *backend,
                              gint64      id,
                              GError    **error)
{
  set_not_on_server (error);
  return NULL;
}

static gboolean
vt_pg_backend_add_attachment (VtBackend     *backend,
                              VtAttachment  *attachment,
                              GError       **error)
{
  set_not_on_server (error);
  return FALSE;
}

static VtImportSummary *
vt_pg_backend_import_suppliers (VtBackend          *backend,
                                VtImportBatch      *batch,
                                VtDuplicatePolicy   policy,
                                gboolean            all_or_nothing,
                                GCancellable       *cancellable,
                                GError            **error)
{
  set_not_on_server (error);
  return NULL;
}

static GPtrArray *
vt_pg_backend_export_suppliers (VtBackend              *backend,
                                const VtSupplierQuery  *query,
                                GCancellable           *cancellable,
                                GError                **error)
{
  set_not_on_server (error);
  return NULL;
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
  iface->export_suppliers = vt_pg_backend_export_suppliers;
}
