/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pg.c: the PostgreSQL backend against a real server, and the same
 * store tests on both backends, so that they behave the same. */

#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "vt-pg-backend.h"
#include "vt-sqlite-backend.h"
#include "vt-test-pg.h"
#include "vt-test-util.h"

static VtTestPg *server;

/* Parity tests: run once on a SQLite file, once on a server database. */
typedef struct
{
  Fixture   file;
  char     *conninfo;
} Both;

static void
both_set_up (Both          *b,
             gconstpointer  data)
{
  fixture_set_up (&b->file, NULL);
  if (GPOINTER_TO_INT (data))
    b->conninfo = vt_test_pg_new_database (server, NULL, NULL);
}

static void
both_tear_down (Both          *b,
                gconstpointer  data)
{
  fixture_tear_down (&b->file, NULL);
  g_free (b->conninfo);
}

static VtStore *
open_both (Both *b)
{
  g_autoptr(GError) error = NULL;
  VtStore *store;

  if (b->conninfo)
    store = vt_store_open_server_sync (b->conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  else
    store = vt_store_open_sync (b->file.path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (vt_store_is_server (store), ==, b->conninfo != NULL);
  return store;
}

/* A name no query text could hold unescaped. */
#define HOSTILE_NAME "Công ty O'Brien \"Điện\"; DROP TABLE suppliers; -- 현대 % _ \\"

static void
test_round_trip (Both          *b,
                 gconstpointer  data)
{
  g_autoptr(VtStore) store = open_both (b);
  g_autoptr(VtSupplier) s = make_test_supplier (HOSTILE_NAME, "현대모비스 '베트남'");
  g_autoptr(VtSupplier) back = NULL;
  g_autoptr(GError) error = NULL;
  VtCertification *cert = vt_certification_new ("IATF 16949");
  VtContact *contact = vt_contact_new ("Nguyễn", "Thị", "Hồng");

  s->tax_code = g_strdup ("0101234567");
  s->province_list = (g_free (s->province_list), g_strdup ("pre2025"));
  s->province_code = g_strdup ("27");
  s->employees = 250;
  s->revenue_vnd = G_GINT64_CONSTANT (120000000000);
  s->founded_year = 2004;
  g_date_set_dmy (&cert->expires_on, 31, 12, 2027);
  g_ptr_array_add (s->certifications, cert);
  contact->languages = g_strdup ("Tiếng Việt, 한국어");
  g_ptr_array_add (s->contacts, contact);
  g_ptr_array_add (s->customers, vt_customer_new ("Samsung Electro-Mechanics"));

  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s->version, ==, 1);

  back = vt_store_get_supplier_sync (store, s->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name_vi, ==, HOSTILE_NAME);
  g_assert_cmpstr (back->name_ko, ==, "현대모비스 '베트남'");
  g_assert_cmpstr (back->tax_code, ==, "0101234567");
  g_assert_cmpstr (back->province_code, ==, "27");
  g_assert_cmpint (back->employees, ==, 250);
  g_assert_cmpint (back->revenue_vnd, ==, G_GINT64_CONSTANT (120000000000));
  g_assert_cmpint (back->founded_year, ==, 2004);
  g_assert_cmpint (back->stage, ==, VT_STAGE_RECEIVED);
  g_assert_cmpfloat (back->readiness, ==, -1.0);
  g_assert_cmpuint (back->certifications->len, ==, 1);
  g_assert_cmpint (g_date_get_year (&((VtCertification *) back->certifications->pdata[0])->expires_on), ==, 2027);
  g_assert_cmpuint (back->contacts->len, ==, 1);
  g_assert_cmpstr (((VtContact *) back->contacts->pdata[0])->languages, ==, "Tiếng Việt, 한국어");
  g_assert_cmpuint (back->customers->len, ==, 1);

  /* The old province is filtered as the 2025 unit it became part of. */
  {
    g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
    g_autoptr(VtSupplierPage) page = NULL;

    q->province_code = g_strdup ("24");
    page = vt_store_query_suppliers_sync (store, q, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->items->len, ==, 1);
  }
}

static guint
count_matches (VtStore    *store,
               const char *text)
{
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;

  q->text = g_strdup (text);
  q->page_size = 100;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, page->items->len);
  return page->items->len;
}

static void
test_search (Both          *b,
             gconstpointer  data)
{
  g_autoptr(VtStore) store = open_both (b);
  g_autofree char *a = save_test_supplier (store, "Công ty Cơ khí Đông Á", "동아기계");
  g_autofree char *c = save_test_supplier (store, "Công ty Điện tử Hà Nội", "하노이전자");
  g_autofree char *d = save_test_supplier (store, HOSTILE_NAME, "현대");

  g_assert_cmpuint (count_matches (store, "dong a"), ==, 1);
  g_assert_cmpuint (count_matches (store, "ĐIỆN TỬ"), ==, 1);
  g_assert_cmpuint (count_matches (store, "cong ty"), ==, 3);
  g_assert_cmpuint (count_matches (store, "ㅎㄴㅇ"), ==, 1);
  g_assert_cmpuint (count_matches (store, "현대"), ==, 1);
  /* LIKE's and SQL's own characters match only themselves. */
  g_assert_cmpuint (count_matches (store, "%"), ==, 1);
  g_assert_cmpuint (count_matches (store, "o'brien"), ==, 1);
  g_assert_cmpuint (count_matches (store, "drop table"), ==, 1);
  g_assert_cmpuint (count_matches (store, "khong co"), ==, 0);
}

/* Pages in name order and in readiness order, descending, walk every
 * supplier once, in the same order on both backends. */
static void
test_paging (Both          *b,
             gconstpointer  data)
{
  static const char *names[] = { "Ánh Dương", "An Phát", "Bình Minh", "Đại Việt", "Đông Á",
                                 "Hòa Phát", "Hưng Thịnh", "Minh Long", "Sao Vàng", "Thành Công", "Việt Hàn" };
  g_autoptr(VtStore) store = open_both (b);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (save_test_supplier (store, names[i], NULL));

  q->page_size = 4;
  for (;;)
    {
      g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_sync (store, q, NULL, &error);

      g_assert_no_error (error);
      if (q->after == NULL)
        g_assert_cmpuint (page->total, ==, G_N_ELEMENTS (names));
      for (guint i = 0; i < page->items->len; i++)
        {
          g_autofree char *name = NULL;

          g_object_get (page->items->pdata[i], "name-vi", &name, NULL);
          g_string_append_printf (order, "%s|", name);
          seen++;
        }
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (names));
  g_assert_cmpstr (order->str, ==,
                   "An Phát|Ánh Dương|Bình Minh|Đại Việt|Đông Á|Hòa Phát|Hưng Thịnh|Minh Long|Sao Vàng|Thành Công|Việt Hàn|");

  /* By stage, descending: the cursor carries the stage's value too. */
  vt_supplier_query_set_after (q, NULL);
  q->sort = VT_SUPPLIER_SORT_STAGE;
  q->descending = TRUE;
  q->page_size = 3;
  seen = 0;
  for (;;)
    {
      g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_sync (store, q, NULL, &error);

      g_assert_no_error (error);
      seen += page->items->len;
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (names));
}

static void
test_stale_version (Both          *b,
                    gconstpointer  data)
{
  g_autoptr(VtStore) store = open_both (b);
  g_autofree char *uuid = save_test_supplier (store, "Công ty Phú Thọ", NULL);
  g_autoptr(VtSupplier) first = vt_store_get_supplier_sync (store, uuid, NULL, NULL);
  g_autoptr(VtSupplier) second = vt_store_get_supplier_sync (store, uuid, NULL, NULL);
  g_autoptr(VtSupplier) back = NULL;
  g_autoptr(GError) error = NULL;

  g_free (first->notes);
  first->notes = g_strdup ("first");
  g_assert_true (vt_store_save_supplier_sync (store, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->version, ==, 2);

  g_free (second->notes);
  second->notes = g_strdup ("second");
  g_assert_false (vt_store_save_supplier_sync (store, second, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The refused record does not claim to be saved. */
  g_assert_cmpint (second->version, ==, 1);

  g_assert_false (vt_store_delete_supplier_sync (store, uuid, 1, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  back = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->notes, ==, "first");
  g_assert_true (vt_store_delete_supplier_sync (store, uuid, 2, NULL, &error));
  g_assert_no_error (error);
}

static void
test_stages_rounds_people (Both          *b,
                           gconstpointer  data)
{
  g_autoptr(VtStore) store = open_both (b);
  g_autofree char *uuid = save_test_supplier (store, "Công ty Bắc Ninh", NULL);
  g_autoptr(VtRound) round = vt_round_new ();
  g_autoptr(VtPerson) person = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, "민수");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;

  round->name = g_strdup ("Đợt 2026");
  round->year = 2026;
  round->targets[VT_STAGE_SELECTED] = 12;
  g_assert_true (vt_store_save_round_sync (store, round, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (round->id, >, 0);
  g_assert_cmpint (round->version, ==, 1);

  g_assert_true (vt_store_move_stage_sync (store, uuid, round->id, VT_STAGE_APPRAISED, NULL, NULL, &error));
  g_assert_no_error (error);
  history = vt_store_list_stage_history_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((VtStageChange *) history->pdata[1])->to, ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (((VtStageChange *) history->pdata[1])->round_id, ==, round->id);

  counts = vt_store_count_stages_sync (store, round->id, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (counts, guint64, VT_STAGE_APPRAISED), ==, 1);

  /* A changed target needs a reason, which the audit keeps. */
  round->targets[VT_STAGE_SELECTED] = 16;
  g_assert_false (vt_store_save_round_sync (store, round, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  round->change_reason = g_strdup ("Ngân sách tăng");
  g_assert_true (vt_store_save_round_sync (store, round, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (round->version, ==, 2);
  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_cmpint (((VtRound *) rounds->pdata[0])->targets[VT_STAGE_SELECTED], ==, 16);

  g_assert_true (vt_store_set_current_round_sync (store, round->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_store_close_round_sync (store, round->id, round->version, "Kết thúc", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_store_move_stage_sync (store, uuid, round->id, VT_STAGE_SHORTLISTED, NULL, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (vt_store_save_person_sync (store, person, NULL, &error));
  g_assert_no_error (error);
  g_free (person->organisation);
  person->organisation = g_strdup ("KETI");
  g_assert_true (vt_store_save_person_sync (store, person, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->version, ==, 2);

  audit = vt_store_list_audit_sync (store, "person", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((VtAuditEntry *) audit->pdata[1])->field, ==, "organisation");
  g_assert_cmpstr (((VtAuditEntry *) audit->pdata[1])->new_value, ==, "KETI");

  g_assert_true (vt_store_delete_sync (store, VT_RECORD_PERSON, person->id, person->version, NULL, &error));
  g_assert_no_error (error);
}

/* Server only ------------------------------------------------------------- */

static void
test_translation (void)
{
  g_autofree char *table = vt_pg_translate_sql (
    "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  n INTEGER NOT NULL,\n  r REAL,\n  b BLOB,\n"
    "  tax TEXT CHECK (tax NOT GLOB '*[^0-9]*')\n) STRICT, WITHOUT ROWID;\n"
    "UPDATE t SET n = 0 WHERE is_default;\nSELECT 1 WHERE is_default = 1;\n"
    "SELECT column1 FROM (VALUES\n  (1),\n  (2)\n);\nSELECT v.column1 FROM (VALUES\n  (1)\n) v;");

  g_assert_cmpstr (table, ==,
    "CREATE TABLE t (\n  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  n BIGINT NOT NULL,\n"
    "  r DOUBLE PRECISION,\n  b BYTEA,\n  tax TEXT CHECK (tax !~ '[^0-9]')\n);\n"
    "UPDATE t SET n = 0 WHERE is_default <> 0;\nSELECT 1 WHERE is_default = 1;\n"
    "SELECT column1 FROM (VALUES\n  (1),\n  (2)\n) AS v;\nSELECT v.column1 FROM (VALUES\n  (1)\n) v;");
}

static GPtrArray *
sqlite_columns (const char *path)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info (m.name) p "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE 'supplier_fts%'",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return list;
}

static PGconn *
connect_as (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

static GPtrArray *
pg_columns (const char *conninfo)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  PGconn *conn = connect_as (conninfo);
  PGresult *res = PQexec (conn,
    "SELECT table_name || '.' || column_name FROM information_schema.columns "
    "WHERE table_schema = 'public' AND table_name <> 'vt_schema_version'");

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (list, g_strdup (PQgetvalue (res, i, 0)));
  PQclear (res);
  PQfinish (conn);
  return list;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Both schemas come from the same migrations: every table has the same
 * columns on both, and both reach the same version. */
static void
test_schema_parity (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(VtStore) file = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) pg = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(GPtrArray) a = sqlite_columns (f->path);
  g_autoptr(GPtrArray) b = pg_columns (conninfo);
  g_autofree char *joined_a = NULL;
  g_autofree char *joined_b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (pg);
  g_assert_cmpint (vt_store_get_schema_version (pg), ==, vt_store_get_schema_version (file));
  g_assert_cmpint (vt_store_get_schema_version (pg), ==, vt_sqlite_get_latest_schema_version ());
  g_ptr_array_sort (a, compare_strings);
  g_ptr_array_sort (b, compare_strings);
  g_ptr_array_add (a, NULL);
  g_ptr_array_add (b, NULL);
  joined_a = g_strjoinv ("\n", (char **) a->pdata);
  joined_b = g_strjoinv ("\n", (char **) b->pdata);
  g_assert_cmpstr (joined_b, ==, joined_a);
  g_assert_cmpuint (a->len, >, 100);
}

/* Two workstations edit the same supplier: the second save is refused by
 * the server, and nothing of the first is lost. */
static void
test_two_clients (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) a = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(VtStore) b = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) in_a = NULL;
  g_autoptr(VtSupplier) in_b = NULL;
  g_autoptr(VtSupplier) back = NULL;

  g_assert_no_error (error);
  uuid = save_test_supplier (a, "Công ty Hải Phòng", NULL);
  in_a = vt_store_get_supplier_sync (a, uuid, NULL, NULL);
  in_b = vt_store_get_supplier_sync (b, uuid, NULL, NULL);

  in_a->employees = 100;
  g_assert_true (vt_store_save_supplier_sync (a, in_a, NULL, &error));
  g_assert_no_error (error);
  in_b->employees = 200;
  g_assert_false (vt_store_save_supplier_sync (b, in_b, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  back = vt_store_get_supplier_sync (b, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->employees, ==, 100);
  g_assert_cmpint (back->version, ==, 2);
  /* Reloaded, B's change goes in on top of A's. */
  back->employees = 200;
  g_assert_true (vt_store_save_supplier_sync (b, back, NULL, &error));
  g_assert_no_error (error);
}

/* A viewer's account may only read: the server refuses its writes, even
 * through its own SQL, and its store opens read-only. */
static void
test_viewer (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, &dbname);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) editor = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(VtStore) viewer = NULL;
  g_autofree char *viewer_conninfo = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) s = NULL;
  PGconn *conn;
  PGresult *res;

  g_assert_no_error (error);
  uuid = save_test_supplier (editor, "Công ty Thái Nguyên", NULL);
  vt_test_pg_admin_exec (server, NULL, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                         "'test_viewer') THEN CREATE ROLE test_viewer LOGIN; END IF; END $$", &error);
  g_assert_no_error (error);
  vt_test_pg_admin_exec (server, dbname, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO test_viewer", &error);
  g_assert_no_error (error);

  viewer_conninfo = vt_test_pg_conninfo (server, dbname, "test_viewer");
  viewer = vt_store_open_server_sync (viewer_conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_is_read_only (viewer));
  s = vt_store_get_supplier_sync (viewer, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (vt_store_save_supplier_sync (viewer, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Straight to the server, past the app. */
  conn = connect_as (viewer_conninfo);
  res = PQexec (conn, "UPDATE suppliers SET notes = 'x'");
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (res, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (res);
  res = PQexec (conn, "SELECT count(*) FROM suppliers");
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "1");
  PQclear (res);
  PQfinish (conn);
}

/* The server stops during a session: the save fails with a message, the
 * edit stays in the record, and once the server is back the same record
 * saves on a new connection. */
static void
test_server_restart (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autofree char *uuid = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(VtSupplier) back = NULL;

  g_assert_no_error (error);
  uuid = save_test_supplier (store, "Công ty Nghệ An", NULL);
  s = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (vt_test_pg_stop_server (server, &error));
  g_assert_no_error (error);
  g_free (s->notes);
  s->notes = g_strdup ("Ghi chú chưa lưu");
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (s->version, ==, 1);
  g_assert_cmpstr (s->notes, ==, "Ghi chú chưa lưu");

  g_assert_true (vt_test_pg_start_server (server, &error));
  g_assert_no_error (error);
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  back = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->notes, ==, "Ghi chú chưa lưu");
  g_assert_cmpint (back->version, ==, 2);
}

static void
expect_refused (const char *conninfo,
                const char *sql)
{
  PGconn *conn = connect_as (conninfo);
  PGresult *res = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (res, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (res);
  PQfinish (conn);
}

/* --setup-server's roles: a viewer reads, an editor writes but cannot
 * rewrite history, and both are enforced by the server. */
static void
test_setup_roles (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, &dbname);
  g_autofree char *viewer_conninfo = vt_test_pg_conninfo (server, dbname, "test_alice");
  g_autofree char *editor_conninfo = vt_test_pg_conninfo (server, dbname, "test_bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) viewer = NULL;
  g_autoptr(VtStore) editor = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autofree char *uuid = NULL;

  g_assert_true (vt_pg_setup_server (conninfo, &error));
  g_assert_no_error (error);
  /* Again, as after an upgrade: no harm. */
  g_assert_true (vt_pg_setup_server (conninfo, &error));
  g_assert_no_error (error);
  vt_test_pg_admin_exec (server, NULL,
                         "DO $$ BEGIN "
                         "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'test_alice') THEN "
                         "CREATE ROLE test_alice LOGIN; END IF; "
                         "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'test_bob') THEN "
                         "CREATE ROLE test_bob LOGIN; END IF; END $$; "
                         "GRANT vitask_viewer TO test_alice; GRANT vitask_editor TO test_bob", &error);
  g_assert_no_error (error);

  editor = vt_store_open_server_sync (editor_conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (vt_store_is_read_only (editor));
  uuid = save_test_supplier (editor, "Công ty Đồng Nai", "동나이");
  g_assert_true (vt_store_move_stage_sync (editor, uuid, 0, VT_STAGE_APPRAISED, NULL, NULL, &error));
  g_assert_no_error (error);
  s = vt_store_get_supplier_sync (editor, uuid, NULL, &error);
  g_assert_no_error (error);
  expect_refused (editor_conninfo, "DELETE FROM audit_log");
  expect_refused (editor_conninfo, "UPDATE stage_history SET who = 'x'");
  expect_refused (editor_conninfo, "UPDATE provinces SET name_en = 'x'");
  expect_refused (editor_conninfo, "DROP TABLE suppliers");

  viewer = vt_store_open_server_sync (viewer_conninfo, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vt_store_is_read_only (viewer));
  expect_refused (viewer_conninfo, "UPDATE suppliers SET notes = 'x'");
  expect_refused (viewer_conninfo, "INSERT INTO audit_log (at, who, action, entity, entity_id) "
                                   "VALUES ('', '', 'insert', '', '')");
  {
    g_autoptr(VtStoreCounts) counts = vt_store_count_sync (viewer, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (counts->suppliers, ==, 1);
  }

  /* The editor deletes; the history goes with the supplier. */
  g_assert_true (vt_store_delete_supplier_sync (editor, uuid, s->version, NULL, &error));
  g_assert_no_error (error);
}

static void
test_tls_default (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autofree char *with_ca = g_strconcat (conninfo, " sslrootcert=/nonexistent/vitask-ca.crt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;

  g_unsetenv ("PGSSLMODE");
  g_unsetenv ("PGSSLROOTCERT");
  g_assert_cmpstr (vt_pg_default_sslmode ("host=db.example dbname=vitask"), ==, "prefer");
  g_assert_cmpstr (vt_pg_default_sslmode ("host=db.example sslrootcert=/etc/vitask/ca.crt"), ==, "verify-full");
  g_assert_cmpstr (vt_pg_default_sslmode ("postgresql://db.example/vitask?sslrootcert=/etc/ca.crt"), ==, "verify-full");
  g_assert_null (vt_pg_default_sslmode ("host=db.example sslmode=disable"));

  /* With a CA, a server that cannot prove who it is is refused. */
  store = vt_store_open_server_sync (with_ca, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_IO);
}

static void
test_empty_database_needs_setup (void)
{
  g_autofree char *conninfo = vt_test_pg_new_database (server, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_server_sync (conninfo, VT_STORE_OPEN_NONE, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE);
}

static void
skip_without_server (gconstpointer data)
{
  g_test_skip (data);
}

#define ADD_BOTH(name, func) \
  G_STMT_START { \
    g_test_add ("/core/both/sqlite/" name, Both, GINT_TO_POINTER (0), both_set_up, func, both_tear_down); \
    g_test_add ("/core/both/pg/" name, Both, GINT_TO_POINTER (1), both_set_up, func, both_tear_down); \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *skip = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pg/translation", test_translation);

  server = vt_test_pg_start (&skip, &error);
  g_assert_no_error (error);
  if (server == NULL)
    {
      g_test_add_data_func ("/core/pg/server", skip, skip_without_server);
      return g_test_run ();
    }

  ADD_BOTH ("round-trip", test_round_trip);
  ADD_BOTH ("search", test_search);
  ADD_BOTH ("paging", test_paging);
  ADD_BOTH ("stale-version", test_stale_version);
  ADD_BOTH ("stages-rounds-people", test_stages_rounds_people);
  g_test_add ("/core/pg/schema-parity", Fixture, NULL, fixture_set_up, test_schema_parity, fixture_tear_down);
  g_test_add_func ("/core/pg/two-clients", test_two_clients);
  g_test_add_func ("/core/pg/viewer", test_viewer);
  g_test_add_func ("/core/pg/empty-database", test_empty_database_needs_setup);
  g_test_add_func ("/core/pg/setup-roles", test_setup_roles);
  g_test_add_func ("/core/pg/tls-default", test_tls_default);
  g_test_add_func ("/core/pg/server-restart", test_server_restart);

  result = g_test_run ();
  vt_test_pg_free (server);
  return result;
}
