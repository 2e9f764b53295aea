/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pg-live.c: a shared server while people work: other clients'
 * changes arriving, the server going away and coming back, the network
 * failing mid-transaction, a statement stopped by the server's timeout,
 * passwords and TLS. Against a real server (vt-test-pg.h); every fault is
 * checked on the server itself, not only through the app. */

#include "config.h"

#include <libpq-fe.h>

#include "vt-pg-backend.h"
#include "vt-test-pg.h"
#include "vt-test-proxy.h"
#include "vt-test-util.h"

static VtTestPg *server;

/* What a store announced, as the window would see it. */
typedef struct
{
  guint    changes;
  gboolean everything;          /* a change without a list of tables */
  gboolean suppliers;           /* "suppliers" was among the tables */
  gint64   first_change_at;
  guint    disconnects;
  guint    reconnects;
} Heard;

static void
on_changed (VtStore            *store,
            const char * const *tables,
            Heard              *heard)
{
  if (heard->changes++ == 0)
    heard->first_change_at = g_get_monotonic_time ();
  if (tables == NULL)
    heard->everything = TRUE;
  else if (g_strv_contains (tables, "suppliers"))
    heard->suppliers = TRUE;
}

static void
on_connected (VtStore    *store,
              GParamSpec *pspec,
              Heard      *heard)
{
  if (vt_store_is_connected (store))
    heard->reconnects++;
  else
    heard->disconnects++;
}

static void
listen_to (VtStore *store,
           Heard   *heard)
{
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), heard);
  g_signal_connect (store, "notify::connected", G_CALLBACK (on_connected), heard);
}

/* Runs the main context until @done says so or @seconds pass. */
static gboolean
wait_for (gboolean (*done) (Heard *heard),
          Heard     *heard,
          double     seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (heard) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  return done (heard);
}

static gboolean
heard_suppliers (Heard *heard)
{
  return heard->suppliers;
}

static gboolean
heard_disconnect (Heard *heard)
{
  return heard->disconnects > 0;
}

static gboolean
heard_reconnect (Heard *heard)
{
  return heard->reconnects > 0;
}

static gboolean
never (Heard *heard)
{
  return FALSE;
}

/* One value, read on the server with a connection of the test's own. */
static char *
server_value (const char *conninfo,
              const char *sql)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *res;
  char *value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  value = PQgetisnull (res, 0, 0) ? NULL : g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  return value;
}

/* A supplier saved on one workstation reaches another's open store
 * within a second; the workstation that saved hears nothing of its own
 * change. */
static void
test_change_reaches_other_store (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) a = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(VtStore) b = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  Heard heard_a = { 0 }, heard_b = { 0 };
  g_autofree char *uuid = NULL;
  gint64 saved_at;

  g_assert_no_error (error);
  g_assert_true (vt_store_is_connected (b));
  listen_to (a, &heard_a);
  listen_to (b, &heard_b);

  uuid = save_test_supplier (a, "Công ty Bắc Ninh", "박닌");
  saved_at = g_get_monotonic_time ();
  g_assert_true (wait_for (heard_suppliers, &heard_b, 1.0));
  g_assert_cmpint (heard_b.first_change_at - saved_at, <, G_USEC_PER_SEC);
  g_assert_false (heard_b.everything);

  /* B reads what A saved. */
  {
    g_autoptr(VtSupplier) s = vt_store_get_supplier_sync (b, uuid, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (s->name_ko, ==, "박닌");
  }

  wait_for (never, &heard_a, 0.3);
  g_assert_cmpuint (heard_a.changes, ==, 0);
  g_assert_cmpuint (heard_b.disconnects, ==, 0);
}

/* The server stops during a session: the store says so by itself, the
 * save fails with a message and the edit stays in the record; once the
 * server is back the store reconnects by itself, says that anything may
 * have changed, and the same edit saves. */
static void
test_server_stops_and_returns (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *notes = NULL;
  Heard heard = { 0 };

  g_assert_no_error (error);
  listen_to (store, &heard);
  uuid = save_test_supplier (store, "Công ty Quảng Ninh", NULL);
  s = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (vt_test_pg_stop_server (server, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (heard_disconnect, &heard, 5.0));
  g_assert_false (vt_store_is_connected (store));

  g_free (s->notes);
  s->notes = g_strdup ("Sửa khi mất kết nối — 연결 끊김");
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (s->version, ==, 1);

  g_assert_true (vt_test_pg_start_server (server, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (heard_reconnect, &heard, 15.0));
  g_assert_true (vt_store_is_connected (store));
  /* Changes made while away were never announced: reload everything. */
  g_assert_true (heard.everything);

  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT notes FROM suppliers WHERE uuid = '%s'", uuid);
  notes = server_value (conninfo, sql);
  g_assert_cmpstr (notes, ==, "Sửa khi mất kết nối — 연결 끊김");
}

/* The network fails between the last statement of a save and its
 * COMMIT: the server rolls the whole save back (nothing half-written, not
 * even its audit rows), the app says the connection was lost, and the
 * next save goes through on a new connection. */
static void
test_cut_mid_transaction (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *direct = vt_test_pg_new_database (server, NULL, &dbname);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtTestProxy) proxy = vt_test_proxy_new (vt_test_pg_get_port (server), &error);
  g_autofree char *through = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *audits_before = NULL;

  g_assert_no_error (error);
  through = g_strdup_printf ("host=127.0.0.1 port=%d dbname=%s user=vitask_admin connect_timeout=5",
                             vt_test_proxy_get_port (proxy), dbname);
  store = vt_store_open_server_sync (through, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  uuid = save_test_supplier (store, "Công ty Hưng Yên", NULL);
  s = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  audits_before = server_value (direct, "SELECT count (*) FROM audit_log");

  g_free (s->notes);
  s->notes = g_strdup ("Một nửa không được lưu");
  s->employees = 321;
  g_ptr_array_add (s->contacts, vt_contact_new ("Trần", "Thị", "Mai"));
  vt_test_proxy_cut_on (proxy, "COMMIT");
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_cmpuint (vt_test_proxy_get_cuts (proxy), ==, 1);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "connection to the database server was lost"));
  g_clear_error (&error);

  /* Checked on the server, past the app: nothing of the save is there. */
  sql = g_strdup_printf ("SELECT coalesce (notes, '') || '|' || coalesce (employees::text, '') || '|' || version "
                         "FROM suppliers WHERE uuid = '%s'", uuid);
  {
    g_autofree char *row = server_value (direct, sql);
    g_autofree char *contacts = server_value (direct, "SELECT count (*) FROM contacts");
    g_autofree char *audits = server_value (direct, "SELECT count (*) FROM audit_log");

    g_assert_cmpstr (row, ==, "||1");
    g_assert_cmpstr (contacts, ==, "0");
    g_assert_cmpstr (audits, ==, audits_before);
  }

  /* The edit is still in hand, and saves once the network is back. */
  g_assert_cmpint (s->version, ==, 1);
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *row = server_value (direct, sql);

    g_assert_cmpstr (row, ==, "Một nửa không được lưu|321|2");
  }
}

/* The server stops a statement that runs past the account's
 * statement_timeout: the app says so plainly, and the save is rolled back
 * whole. The slow statement is the test's own trigger, on the server. */
static void
test_statement_timeout (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, &dbname);
  g_autofree char *slow_conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) owner = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Chậm", NULL);

  g_assert_no_error (error);
  vt_test_pg_admin_exec (server, NULL,
                         "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'test_slow') THEN "
                         "CREATE ROLE test_slow LOGIN; END IF; END $$; "
                         "ALTER ROLE test_slow SET statement_timeout = '400ms'", &error);
  g_assert_no_error (error);
  vt_test_pg_admin_exec (server, dbname,
                         "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO test_slow; "
                         "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO test_slow; "
                         "CREATE FUNCTION test_slow_down () RETURNS trigger LANGUAGE plpgsql AS "
                         "$f$ BEGIN PERFORM pg_sleep (3); RETURN NEW; END $f$; "
                         "CREATE TRIGGER test_slow_down BEFORE INSERT ON audit_log "
                         "FOR EACH ROW EXECUTE FUNCTION test_slow_down ()", &error);
  g_assert_no_error (error);

  slow_conninfo = vt_test_pg_conninfo (server, dbname, "test_slow");
  store = vt_store_open_server_sync (slow_conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "took too long"));
  g_clear_error (&error);

  {
    g_autofree char *count = server_value (conninfo, "SELECT count (*) FROM suppliers");

    g_assert_cmpstr (count, ==, "0");
  }

  /* The session is still good: without the slow trigger, it saves. */
  vt_test_pg_admin_exec (server, dbname, "DROP TRIGGER test_slow_down ON audit_log", &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *count = server_value (conninfo, "SELECT count (*) FROM suppliers");

    g_assert_cmpstr (count, ==, "1");
  }
}

/* sslmode=require against a server without TLS fails, and says it was
 * TLS, not the network or the password. */
static void
test_tls_required (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autofree char *require = g_strconcat (conninfo, " sslmode=require", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_server_sync (require, VT_STORE_OPEN_CREATE, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "secure (TLS) connection"));
}

static void
test_unreachable (void)
{
  g_autoptr(VtTestProxy) proxy = vt_test_proxy_new (1, NULL);
  g_autofree char *closed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  int port;

  /* A port nobody listens on: the proxy's, once the proxy is gone. */
  port = vt_test_proxy_get_port (proxy);
  g_clear_pointer (&proxy, vt_test_proxy_free);
  closed = g_strdup_printf ("host=127.0.0.1 port=%d dbname=vitask user=vitask_admin connect_timeout=5", port);
  store = vt_store_open_server_sync (closed, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "could not be reached"));
}

/* A password given apart from the connection string: none, a wrong one
 * and the right one each get their answer, and the store never shows it. */
static void
test_password (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *owner = vt_test_pg_new_database (server, NULL, &dbname);
  g_autofree char *conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) setup = vt_store_open_server_sync (owner, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(VtStore) store = NULL;

  g_assert_no_error (error);
  g_assert_true (vt_test_pg_require_password (server, "test_pw", "Mật-khẩu 비밀 'x", &error));
  g_assert_no_error (error);
  vt_test_pg_admin_exec (server, dbname, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO test_pw", &error);
  g_assert_no_error (error);
  conninfo = vt_test_pg_conninfo (server, dbname, "test_pw");

  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", "/nonexistent/vitask-pgpass", TRUE);
  store = vt_store_open_server_with_password_sync (conninfo, NULL, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  store = vt_store_open_server_with_password_sync (conninfo, "sai", VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_AUTH);
  g_clear_error (&error);

  store = vt_store_open_server_with_password_sync (conninfo, "Mật-khẩu 비밀 'x", VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_is_read_only (store));
  g_assert_null (strstr (vt_store_get_path (store), "비밀"));
}

static void
skip_without_server (gconstpointer data)
{
  g_test_skip (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *skip = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  server = vt_test_pg_start (&skip, &error);
  g_assert_no_error (error);
  if (server == NULL)
    {
      g_test_add_data_func ("/core/pg-live/server", skip, skip_without_server);
      return g_test_run ();
    }

  g_test_add_func ("/core/pg-live/change-reaches-other-store", test_change_reaches_other_store);
  g_test_add_func ("/core/pg-live/server-stops-and-returns", test_server_stops_and_returns);
  g_test_add_func ("/core/pg-live/cut-mid-transaction", test_cut_mid_transaction);
  g_test_add_func ("/core/pg-live/statement-timeout", test_statement_timeout);
  g_test_add_func ("/core/pg-live/tls-required", test_tls_required);
  g_test_add_func ("/core/pg-live/unreachable", test_unreachable);
  g_test_add_func ("/core/pg-live/password", test_password);

  result = g_test_run ();
  vt_test_pg_free (server);
  return result;
}
