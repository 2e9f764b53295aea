/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the store API against real database files. */

#include "config.h"

#include <sqlite3.h>

#include "vt-collation.h"
#include "vt-copy.h"
#include "vt-readiness.h"
#include "vt-command.h"
#include "vt-sample-data.h"
#include "vt-search.h"
#include "vt-sqlite-backend.h"
#include "vt-store.h"
#include "vt-test-util.h"

#define ADD(path, func) \
  g_test_add ("/core/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static guint
count_audit (VtStore    *store,
             const char *entity,
             const char *entity_id,
             const char *action,
             const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = vt_store_list_audit_sync (store, entity, entity_id, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      VtAuditEntry *e = g_ptr_array_index (rows, i);

      if ((action == NULL || g_str_equal (e->action, action))
          && (field == NULL || g_strcmp0 (e->field, field) == 0))
        n++;
    }
  return n;
}

static void
test_open_create (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GError) error = NULL;
  guint current = 0;

  g_assert_false (vt_store_is_read_only (store));
  g_assert_cmpint (vt_store_is_server (store), ==, fixture_is_server (f));
  g_assert_cmpstr (vt_store_get_path (store), ==, fixture_is_server (f) ? f->conninfo : f->path);
  g_assert_cmpint (vt_store_get_schema_version (store), ==, vt_sqlite_get_latest_schema_version ());
  g_assert_cmpstr (vt_store_get_journal_mode (store), ==, fixture_is_server (f) ? "server" : "wal");

  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->suppliers, ==, 0);
  g_assert_cmpuint (counts->people, ==, 0);

  provinces = vt_store_list_provinces_sync (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < provinces->len; i++)
    current += g_str_equal (((VtProvince *) g_ptr_array_index (provinces, i))->list_id, "2025");
  g_assert_cmpuint (current, ==, 34);
  g_assert_cmpuint (provinces->len, ==, 34 + 63);

  g_clear_object (&store);
#ifdef VT_TEST_PG
  /* Opening an empty database without CREATE is refused. */
  if (fixture_is_server (f))
    {
      g_autofree char *empty = vt_test_pg_new_database (test_server, NULL, NULL);

      store = vt_store_open_server_sync (empty, VT_STORE_OPEN_NONE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE);
      return;
    }
#endif

  /* Opening a missing file without CREATE is refused. */
  g_unlink (f->path);
  store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
}

static VtSupplier *
full_supplier (void)
{
  VtSupplier *s = make_test_supplier ("Công ty TNHH Điện tử Hà Nội", "하노이전자");
  VtCertification *cert = vt_certification_new ("ISO 9001");
  VtContact *contact = vt_contact_new ("Nguyễn", "Thị", "Lan");
  VtCustomer *customer = vt_customer_new ("Hanbit Motors Vina");

  s->code = g_strdup ("HN-001");
  s->name_en = g_strdup ("Hanoi Electronics Co., Ltd.");
  s->tax_code = g_strdup ("0101234567-002");
  s->sector = VT_SECTOR_ELECTRICAL_ELECTRONIC;
  s->products = g_strdup ("Bo mạch SMT");
  s->province_code = g_strdup ("01");
  s->industrial_zone = g_strdup ("KCN Thăng Long");
  s->address = g_strdup ("Lô A1, Đông Anh");
  s->founded_year = 2005;
  s->employees = 320;
  s->revenue_vnd = 125000000000;
  s->ownership = VT_OWNERSHIP_DOMESTIC_PRIVATE;
  s->notes = g_strdup ("Ghi chú");
  cert->certificate_no = g_strdup ("Q-123");
  cert->issuer = g_strdup ("QUACERT");
  g_date_set_dmy (&cert->issued_on, 1, 3, 2023);
  g_date_set_dmy (&cert->expires_on, 28, 2, 2026);
  g_ptr_array_add (s->certifications, cert);
  contact->role = g_strdup ("Giám đốc");
  contact->phone = g_strdup ("+84 912 345 678");
  contact->email = g_strdup ("lan@example.com");
  contact->languages = g_strdup ("Tiếng Việt, 한국어");
  g_ptr_array_add (s->contacts, contact);
  customer->since_year = 2019;
  g_ptr_array_add (s->customers, customer);
  return s;
}

/* The certification filter offers the standards in the data, each once. */
static void
test_list_certifications (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtSupplier) a = full_supplier ();
  g_autoptr(VtSupplier) b = make_test_supplier ("Công ty CP Nhựa Bắc Ninh", NULL);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  none = vt_store_list_certifications_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_ptr_array_add (a->certifications, vt_certification_new ("IATF 16949"));
  g_ptr_array_add (b->certifications, vt_certification_new ("ISO 9001"));
  g_ptr_array_add (b->certifications, vt_certification_new ("ISO 14001"));
  g_assert_true (vt_store_save_supplier_sync (store, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_store_save_supplier_sync (store, b, NULL, &error));
  g_assert_no_error (error);

  names = vt_store_list_certifications_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "IATF 16949");
  g_assert_cmpstr (names[1], ==, "ISO 14001");
  g_assert_cmpstr (names[2], ==, "ISO 9001");
}

static void
test_supplier_roundtrip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtSupplier) s = full_supplier ();
  g_autoptr(VtSupplier) got = NULL;
  g_autoptr(VtSupplier) again = NULL;
  g_autoptr(GError) error = NULL;
  VtCertification *cert;
  VtContact *contact;

  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (s->uuid);
  g_assert_true (g_uuid_string_is_valid (s->uuid));
  g_assert_cmpint (s->version, ==, 1);

  got = vt_store_get_supplier_sync (store, s->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->uuid, ==, s->uuid);
  g_assert_cmpint (got->version, ==, 1);
  g_assert_cmpstr (got->code, ==, "HN-001");
  g_assert_cmpstr (got->name_vi, ==, "Công ty TNHH Điện tử Hà Nội");
  g_assert_cmpstr (got->name_en, ==, "Hanoi Electronics Co., Ltd.");
  g_assert_cmpstr (got->name_ko, ==, "하노이전자");
  g_assert_cmpstr (got->tax_code, ==, "0101234567-002");
  g_assert_cmpint (got->sector, ==, VT_SECTOR_ELECTRICAL_ELECTRONIC);
  g_assert_cmpstr (got->products, ==, "Bo mạch SMT");
  g_assert_cmpstr (got->province_list, ==, "2025");
  g_assert_cmpstr (got->province_code, ==, "01");
  g_assert_cmpstr (got->industrial_zone, ==, "KCN Thăng Long");
  g_assert_cmpstr (got->address, ==, "Lô A1, Đông Anh");
  g_assert_cmpint (got->founded_year, ==, 2005);
  g_assert_cmpint (got->employees, ==, 320);
  g_assert_cmpint (got->revenue_vnd, ==, 125000000000);
  g_assert_cmpint (got->ownership, ==, VT_OWNERSHIP_DOMESTIC_PRIVATE);
  g_assert_cmpstr (got->notes, ==, "Ghi chú");
  g_assert_cmpint (got->stage, ==, VT_STAGE_RECEIVED);
  g_assert_cmpfloat (got->readiness, ==, -1);
  g_assert_nonnull (got->created_at);
  g_assert_cmpuint (got->certifications->len, ==, 1);
  cert = g_ptr_array_index (got->certifications, 0);
  g_assert_cmpstr (cert->standard, ==, "ISO 9001");
  g_assert_cmpstr (cert->certificate_no, ==, "Q-123");
  g_assert_cmpstr (cert->issuer, ==, "QUACERT");
  g_assert_cmpint (g_date_get_year (&cert->expires_on), ==, 2026);
  g_assert_cmpint (g_date_get_day (&cert->expires_on), ==, 28);
  g_assert_cmpint (g_date_get_month (&cert->issued_on), ==, 3);
  g_assert_cmpuint (got->contacts->len, ==, 1);
  contact = g_ptr_array_index (got->contacts, 0);
  g_assert_cmpstr (contact->family_name, ==, "Nguyễn");
  g_assert_cmpstr (contact->middle_name, ==, "Thị");
  g_assert_cmpstr (contact->given_name, ==, "Lan");
  g_assert_cmpstr (contact->role, ==, "Giám đốc");
  g_assert_cmpstr (contact->phone, ==, "+84 912 345 678");
  g_assert_cmpstr (contact->email, ==, "lan@example.com");
  g_assert_cmpstr (contact->languages, ==, "Tiếng Việt, 한국어");
  g_assert_cmpuint (got->customers->len, ==, 1);
  g_assert_cmpstr (((VtCustomer *) g_ptr_array_index (got->customers, 0))->name, ==, "Hanbit Motors Vina");
  g_assert_cmpint (((VtCustomer *) g_ptr_array_index (got->customers, 0))->since_year, ==, 2019);

  /* An update: one audit row per changed field, the version goes up. */
  g_free (got->name_en);
  got->name_en = g_strdup ("Hanoi Electronics JSC");
  got->employees = 350;
  g_ptr_array_remove_index (got->customers, 0);
  g_assert_true (vt_store_save_supplier_sync (store, got, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got->version, ==, 2);

  again = vt_store_get_supplier_sync (store, s->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name_en, ==, "Hanoi Electronics JSC");
  g_assert_cmpint (again->employees, ==, 350);
  g_assert_cmpuint (again->customers->len, ==, 0);
  g_assert_cmpuint (again->certifications->len, ==, 1);
  g_assert_cmpint (again->version, ==, 2);

  g_assert_cmpuint (count_audit (store, "supplier", s->uuid, "insert", NULL), ==, 1);
  g_assert_cmpuint (count_audit (store, "supplier", s->uuid, "update", "name_en"), ==, 1);
  g_assert_cmpuint (count_audit (store, "supplier", s->uuid, "update", "employees"), ==, 1);
  g_assert_cmpuint (count_audit (store, "supplier", s->uuid, "update", "korean_customers"), ==, 1);
  g_assert_cmpuint (count_audit (store, "supplier", s->uuid, "update", NULL), ==, 3);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty A", NULL);
  g_autoptr(VtSupplier) mine = vt_store_get_supplier_sync (store, uuid, NULL, NULL);
  g_autoptr(VtSupplier) theirs = vt_store_get_supplier_sync (store, uuid, NULL, NULL);
  g_autoptr(VtSupplier) now = NULL;
  g_autoptr(GError) error = NULL;

  g_free (theirs->notes);
  theirs->notes = g_strdup ("theirs");
  g_assert_true (vt_store_save_supplier_sync (store, theirs, NULL, &error));
  g_assert_no_error (error);

  g_free (mine->notes);
  mine->notes = g_strdup ("mine");
  g_assert_false (vt_store_save_supplier_sync (store, mine, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The failed save does not pretend to have worked. */
  g_assert_cmpint (mine->version, ==, 1);

  g_assert_false (vt_store_delete_supplier_sync (store, uuid, 1, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  now = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpstr (now->notes, ==, "theirs");
  g_assert_true (vt_store_delete_supplier_sync (store, uuid, now->version, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (vt_store_get_supplier_sync (store, uuid, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_audit (store, "supplier", uuid, "delete", NULL), ==, 1);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty B", NULL);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GError) error = NULL;

  s->tax_code = g_strdup ("12345");
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12345"));
  g_clear_error (&error);
  g_assert_null (s->uuid);

  g_clear_pointer (&s->tax_code, g_free);
  s->province_code = g_strdup ("99");
  g_assert_false (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A pre-2025 province is kept and filed under its 2025 unit. */
  g_free (s->province_list);
  s->province_list = g_strdup ("pre2025");
  g_free (s->province_code);
  s->province_code = g_strdup ("26");
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
    g_autoptr(VtSupplierPage) page = NULL;

    q->province_code = g_strdup ("25");
    page = vt_store_query_suppliers_sync (store, q, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->total, ==, 1);
    g_assert_cmpstr (vt_supplier_summary_get_province_name (g_ptr_array_index (page->items, 0)), ==, "Vĩnh Phúc");
  }

  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_cmpuint (counts->suppliers, ==, 1);
}

static void
test_round_roundtrip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtRound) r = vt_round_new ();
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;
  VtRound *got;
  g_autofree char *id = NULL;

  r->name = g_strdup ("Vòng 2025");
  r->year = 2025;
  g_date_set_dmy (&r->starts_on, 1, 7, 2025);
  r->notes = g_strdup ("n");
  r->targets[VT_STAGE_SELECTED] = 12;
  r->targets[VT_STAGE_FIRST_VISIT_DONE] = 24;
  g_assert_true (vt_store_save_round_sync (store, r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->id, >, 0);
  g_assert_cmpint (r->version, ==, 1);

  /* A target changed mid-round needs a reason. */
  r->targets[VT_STAGE_SELECTED] = 16;
  g_assert_false (vt_store_save_round_sync (store, r, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (r->version, ==, 1);
  r->change_reason = g_strdup ("  ");
  g_assert_false (vt_store_save_round_sync (store, r, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (r->change_reason);
  r->change_reason = g_strdup ("Ngân sách cho 16 doanh nghiệp");
  vt_store_set_actor (store, "Phạm Minh Tuấn");
  g_assert_true (vt_store_save_round_sync (store, r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->version, ==, 2);

  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  got = g_ptr_array_index (rounds, 0);
  g_assert_cmpstr (got->name, ==, "Vòng 2025");
  g_assert_cmpint (got->year, ==, 2025);
  g_assert_cmpint (g_date_get_month (&got->starts_on), ==, 7);
  g_assert_false (g_date_valid (&got->ends_on));
  g_assert_cmpint (got->targets[VT_STAGE_SELECTED], ==, 16);
  g_assert_cmpint (got->targets[VT_STAGE_FIRST_VISIT_DONE], ==, 24);
  g_assert_cmpint (got->targets[VT_STAGE_RECEIVED], ==, -1);

  /* The raised target is on record. */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);
  g_assert_cmpuint (count_audit (store, "round", id, "update", "target.selected"), ==, 1);
  {
    g_autoptr(GPtrArray) audit = vt_store_list_audit_sync (store, "round", id, NULL, &error);
    VtAuditEntry *last = g_ptr_array_index (audit, audit->len - 1);

    g_assert_no_error (error);
    g_assert_cmpstr (last->field, ==, "target.selected");
    g_assert_cmpstr (last->old_value, ==, "12");
    g_assert_cmpstr (last->new_value, ==, "16");
    g_assert_cmpstr (last->who, ==, "Phạm Minh Tuấn");
    g_assert_cmpstr (last->reason, ==, "Ngân sách cho 16 doanh nghiệp");
    g_assert_nonnull (last->at);
  }

  /* Stale version. */
  r->version = 1;
  g_assert_false (vt_store_save_round_sync (store, r, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
}

static VtRound *
get_round (VtStore *store,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_sync (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (rounds, i))->id == id)
      return vt_round_ref (g_ptr_array_index (rounds, i));
  g_assert_not_reached ();
}

/* One current round at a time; a closed round is read-only: no moves in
 * it, no target changes, not current. */
static void
test_round_lifecycle (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtRound) a = vt_round_new ();
  g_autoptr(VtRound) b = vt_round_new ();
  g_autoptr(VtRound) got = NULL;
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *uuids[2] = { NULL, NULL };

  a->name = g_strdup ("Vòng 2025");
  a->year = 2025;
  b->name = g_strdup ("2026년 차수");
  b->year = 2026;
  g_assert_true (vt_store_save_round_sync (store, a, NULL, &error));
  g_assert_true (vt_store_save_round_sync (store, b, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (vt_store_set_current_round_sync (store, a->id, NULL, &error));
  g_assert_no_error (error);
  got = get_round (store, a->id);
  g_assert_true (got->is_current);
  g_clear_pointer (&got, vt_round_unref);
  g_assert_true (vt_store_set_current_round_sync (store, b->id, NULL, &error));
  g_assert_no_error (error);
  got = get_round (store, a->id);
  g_assert_false (got->is_current);
  g_clear_pointer (&got, vt_round_unref);

  /* A move that keeps the supplier's round is recorded in that round. */
  s->name_vi = g_strdup ("Công ty Cơ khí Hải Phòng");
  s->round_id = a->id;
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  uuids[0] = s->uuid;
  g_assert_true (vt_store_move_stages_sync (store, uuids, 0, VT_STAGE_APPRAISED, "ok", NULL, &error));
  g_assert_no_error (error);
  history = vt_store_list_stage_history_sync (store, s->uuid, NULL, &error);
  g_assert_cmpint (((VtStageChange *) g_ptr_array_index (history, history->len - 1))->round_id, ==, a->id);

  /* Closing needs a reason and the current version. */
  g_assert_false (vt_store_close_round_sync (store, a->id, a->version, " ", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vt_store_close_round_sync (store, a->id, a->version + 5, "x", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  vt_store_set_actor (store, "Đỗ Thu Hà");
  g_assert_true (vt_store_close_round_sync (store, a->id, a->version, "Đã chọn xong 16 doanh nghiệp", NULL, &error));
  g_assert_no_error (error);

  got = get_round (store, a->id);
  g_assert_nonnull (got->closed_at);
  g_assert_cmpstr (got->closed_by, ==, "Đỗ Thu Hà");
  g_assert_false (got->is_current);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
  g_assert_cmpuint (count_audit (store, "round", id, "update", "closed"), ==, 1);

  /* Read-only from now on. */
  g_assert_false (vt_store_move_stages_sync (store, uuids, 0, VT_STAGE_SHORTLISTED, "x", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (vt_store_move_stage_sync (store, s->uuid, 0, VT_STAGE_REJECTED, "x", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  got->targets[VT_STAGE_SELECTED] = 20;
  got->change_reason = g_strdup ("x");
  g_assert_false (vt_store_save_round_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (vt_store_set_current_round_sync (store, a->id, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (vt_store_close_round_sync (store, a->id, got->version, "again", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The other round is untouched and still current. */
  g_clear_pointer (&got, vt_round_unref);
  got = get_round (store, b->id);
  g_assert_true (got->is_current);
  g_assert_null (got->closed_at);
}

static gint64
save_person (VtStore    *store,
             const char *given)
{
  g_autoptr(VtPerson) p = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, given);
  g_autoptr(GError) error = NULL;

  p->organisation = g_strdup ("KETI");
  p->languages = g_strdup ("ko,en");
  g_assert_true (vt_store_save_person_sync (store, p, NULL, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
test_person_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_person (store, "민준");
  VtPerson *p;
  g_autofree char *name = NULL;

  people = vt_store_list_people_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  p = g_ptr_array_index (people, 0);
  g_assert_cmpint (p->id, ==, id);
  g_assert_cmpint (p->kind, ==, VT_PERSON_KIND_CONSULTANT);
  g_assert_cmpstr (p->family_name, ==, "김");
  g_assert_null (p->middle_name);
  g_assert_cmpstr (p->given_name, ==, "민준");
  g_assert_cmpstr (p->organisation, ==, "KETI");
  g_assert_cmpstr (p->languages, ==, "ko,en");
  name = vt_person_dup_full_name (p);
  g_assert_cmpstr (name, ==, "김 민준");

  g_free (p->specialty);
  p->specialty = g_strdup ("EMC testing");
  g_assert_true (vt_store_save_person_sync (store, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->version, ==, 2);
}

static void
test_visit_roundtrip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty C", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2025, 9, 15, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2025, 9, 15, 12, 30, 0);
  g_autoptr(VtVisit) v = vt_visit_new (uuid, VT_VISIT_KIND_FIRST, start, end);
  g_autoptr(VtVisit) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = save_person (store, "A"), b = save_person (store, "B");

  v->place = g_strdup ("Bắc Ninh");
  v->findings = g_strdup ("Tốt");
  g_array_append_val (v->participant_ids, b);
  g_array_append_val (v->participant_ids, a);
  g_assert_true (vt_store_save_visit_sync (store, v, NULL, &error));
  g_assert_no_error (error);

  got = vt_store_get_visit_sync (store, v->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->supplier_uuid, ==, uuid);
  g_assert_cmpint (got->kind, ==, VT_VISIT_KIND_FIRST);
  g_assert_cmpint (got->status, ==, VT_VISIT_STATUS_PLANNED);
  g_assert_true (g_date_time_equal (got->starts_at, start));
  g_assert_true (g_date_time_equal (got->ends_at, end));
  g_assert_cmpstr (got->place, ==, "Bắc Ninh");
  g_assert_cmpstr (got->findings, ==, "Tốt");
  g_assert_cmpuint (got->participant_ids->len, ==, 2);

  /* A person on a visit cannot be deleted. */
  g_assert_false (vt_store_delete_sync (store, VT_RECORD_PERSON, a, 1, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = vt_store_list_visits_sync (store, uuid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = vt_store_list_visits_sync (store, NULL, end, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = vt_store_list_visits_sync (store, NULL, NULL, start, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Cannot end before it starts. */
  got->ends_at = g_date_time_add_hours (start, -1);
  g_clear_pointer (&got->ends_at, g_date_time_unref);
  got->ends_at = g_date_time_add_hours (start, -1);
  g_assert_false (vt_store_save_visit_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (vt_store_delete_sync (store, VT_RECORD_VISIT, v->id, v->version, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_store_delete_sync (store, VT_RECORD_PERSON, a, 1, NULL, &error));
  g_assert_no_error (error);
}

/* A level that is 80 of 100 on either scale. */
static int
level_80 (const VtCriterion *c)
{
  return c->scale == VT_SCALE_AUDIT ? 3 : 4;
}

static VtCriterion *
criterion_at (VtCriterionSet *set,
              guint           i)
{
  return g_ptr_array_index (set->criteria, i);
}

static void
test_visit_schedule (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty D", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 10, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2026, 3, 10, 11, 0, 0);
  g_autoptr(VtVisit) v = vt_visit_new (uuid, VT_VISIT_KIND_SECOND, start, end);
  g_autoptr(VtVisit) got = NULL;
  g_autoptr(VtVisit) by_uid = NULL;
  g_autoptr(VtVisit) imported = NULL;
  g_autoptr(VtVisit) again = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_uuid = NULL;
  gint64 kim = save_person (store, "Kim"), lan = save_person (store, "Lan");

  vt_visit_add_participant (v, kim, VT_PERSON_KIND_CONSULTANT);
  vt_visit_add_participant (v, lan, VT_PERSON_KIND_INTERPRETER);
  g_assert_true (vt_store_save_visit_sync (store, v, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (v->uuid);
  first_uuid = g_strdup (v->uuid);

  got = vt_store_get_visit_sync (store, v->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->uuid, ==, first_uuid);
  g_assert_cmpstr (got->supplier_name, ==, "Công ty D");
  g_assert_cmpint (vt_visit_get_role (got, kim), ==, VT_PERSON_KIND_CONSULTANT);
  g_assert_cmpint (vt_visit_get_role (got, lan), ==, VT_PERSON_KIND_INTERPRETER);

  /* Postponed with a reason; the uuid survives the update and a copy
   * keeps it too. */
  got->status = VT_VISIT_STATUS_POSTPONED;
  got->status_reason = g_strdup ("Nhà máy bảo trì");
  vt_visit_add_participant (got, lan, VT_PERSON_KIND_STAFF);
  g_assert_true (vt_store_save_visit_sync (store, got, NULL, &error));
  g_assert_no_error (error);
  by_uid = vt_store_get_visit_by_uid_sync (store, first_uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_uid->id, ==, v->id);
  g_assert_cmpint (by_uid->version, ==, 2);
  g_assert_cmpstr (by_uid->status_reason, ==, "Nhà máy bảo trì");
  g_assert_cmpint (vt_visit_get_role (by_uid, lan), ==, VT_PERSON_KIND_STAFF);
  {
    g_autoptr(VtVisit) copy = vt_visit_copy (by_uid);

    g_assert_cmpstr (copy->uuid, ==, first_uuid);
    g_assert_cmpint (vt_visit_get_role (copy, kim), ==, VT_PERSON_KIND_CONSULTANT);
    g_assert_true (vt_visit_remove_participant (copy, kim));
    g_assert_cmpuint (copy->participant_ids->len, ==, 1);
    g_assert_cmpuint (by_uid->participant_ids->len, ==, 2);
  }

  g_assert_null (vt_store_get_visit_by_uid_sync (store, "nobody@example.com", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Importing a file with the same visit (by uuid) updates it; one from
   * another calendar (by its own UID) is added, and importing it again
   * updates rather than duplicates. */
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  imported = vt_visit_new (uuid, VT_VISIT_KIND_SECOND, start, end);
  imported->uuid = g_strdup (first_uuid);
  imported->place = g_strdup ("Xưởng 2");
  g_ptr_array_add (batch, vt_visit_ref (imported));
  again = vt_visit_new (uuid, VT_VISIT_KIND_FOLLOW_UP, start, end);
  again->ical_uid = g_strdup ("20260310T020000Z-1234@evolution.example");
  g_ptr_array_add (batch, vt_visit_ref (again));
  g_assert_true (vt_store_import_visits_sync (store, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (imported->id, ==, v->id);
  g_assert_cmpint (imported->version, ==, 3);
  g_assert_cmpint (again->id, !=, 0);

  g_clear_pointer (&batch, g_ptr_array_unref);
  g_clear_pointer (&again, vt_visit_unref);
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  again = vt_visit_new (uuid, VT_VISIT_KIND_FOLLOW_UP, start, end);
  again->ical_uid = g_strdup ("20260310T020000Z-1234@evolution.example");
  again->purpose = g_strdup ("Đánh giá lại");
  g_ptr_array_add (batch, vt_visit_ref (again));
  g_assert_true (vt_store_import_visits_sync (store, batch, NULL, &error));
  g_assert_no_error (error);
  list = vt_store_list_visits_sync (store, uuid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_criteria_and_assessment (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty D", NULL);
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtAssessment) a = NULL;
  g_autoptr(VtAssessment) got = NULL;
  g_autoptr(VtSupplier) sup = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  double weights = 0;
  guint audit = 0, knockouts = 0;
  gint64 assessor = save_person (store, "E");
  g_autofree char *id = NULL;
  VtCriterion *qms;
  gint64 qms_id;

  /* The default set: ten areas, described levels in three languages. */
  set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (set->is_default);
  g_assert_cmpint (set->set_version, ==, 2);
  g_assert_cmpuint (set->criteria->len, ==, 14);
  g_assert_cmpfloat (set->ready_min, ==, 80);
  g_assert_cmpfloat (set->conditional_min, ==, 60);
  g_assert_cmpfloat (set->area_gap, ==, 30);
  g_assert_cmpfloat (set->min_coverage, ==, 80);
  areas = vt_criterion_set_list_areas (set);
  g_assert_cmpuint (areas->len, ==, 10);
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = criterion_at (set, i);
      int n = vt_criterion_get_n_levels (c);

      weights += c->weight;
      audit += c->scale == VT_SCALE_AUDIT;
      knockouts += c->knockout;
      for (int l = 0; l < n; l++)
        {
          g_assert_nonnull (c->levels[l]);
          g_assert_nonnull (c->levels_vi[l]);
          g_assert_nonnull (c->levels_ko[l]);
        }
      for (int l = n; l < VT_N_LEVELS; l++)
        g_assert_null (c->levels[l]);
      g_assert_nonnull (c->name_vi);
      g_assert_nonnull (c->name_ko);
      g_assert_cmpstr (vt_area_get_display_name (c->area), !=, c->area);
    }
  g_assert_cmpfloat_with_epsilon (weights, 100, 1e-9);
  g_assert_cmpuint (audit, ==, 2);
  g_assert_cmpuint (knockouts, ==, 2);
  g_assert_true (vt_criterion_set_validate (set, &error));
  qms = vt_criterion_set_find_code (set, "qms");
  g_assert_true (qms->knockout);
  g_assert_cmpstr (vt_criterion_get_level_description (qms, 3, "ko"), ==, "ISO 9001 인증을 받고 현장에서 준수함.");
  g_assert_cmpint (vt_criterion_set_find_code (set, "ppap")->scale, ==, VT_SCALE_AUDIT);
  qms_id = qms->id;

  a = vt_assessment_new (uuid, set->id);
  g_date_set_dmy (&a->assessed_on, 15, 9, 2025);
  g_array_append_val (a->assessor_ids, assessor);
  for (guint i = 0; i < set->criteria->len; i++)
    vt_assessment_set_score (a, criterion_at (set, i)->id, level_80 (criterion_at (set, i)), "ok");
  a->readiness = 3;   /* typed values are ignored */
  a->band = VT_READINESS_BAND_NOT_READY;
  g_assert_true (vt_store_save_assessment_sync (store, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (a->readiness, 80.0, 1e-9);
  g_assert_cmpint (a->band, ==, VT_READINESS_BAND_READY);

  got = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->scores->len, ==, 14);
  g_assert_cmpint (vt_assessment_get_score (got, qms->id)->score, ==, 4);
  g_assert_cmpstr (vt_assessment_get_score (got, qms->id)->comment, ==, "ok");
  g_assert_cmpuint (got->assessor_ids->len, ==, 1);
  g_assert_cmpint (g_date_get_day (&got->assessed_on), ==, 15);
  g_assert_cmpfloat_with_epsilon (got->readiness, 80.0, 1e-9);
  g_assert_cmpint (got->band, ==, VT_READINESS_BAND_READY);
  g_assert_false (got->draft);

  sup = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpfloat_with_epsilon (sup->readiness, 80.0, 1e-9);

  /* The knock-out criterion at its lowest level: the update is audited,
   * and the stored band says not ready although the index is 72. */
  vt_assessment_set_score (got, qms->id, 0, "No quality system at all.");
  g_assert_true (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_no_error (error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, got->id);
  g_assert_cmpuint (count_audit (store, "assessment", id, "update", "scores"), ==, 1);
  g_assert_cmpuint (count_audit (store, "assessment", id, "update", "band"), ==, 1);
  g_clear_pointer (&got, vt_assessment_unref);
  got = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_cmpfloat_with_epsilon (got->readiness, 72.0, 1e-9);
  g_assert_cmpint (got->band, ==, VT_READINESS_BAND_NOT_READY);

  /* A low score needs a comment in a final assessment. */
  vt_assessment_set_score (got, qms->id, 1, NULL);
  g_assert_false (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A score out of range, or for another set, is refused. */
  vt_assessment_set_score (got, qms->id, 4, NULL);
  vt_assessment_set_score (got, vt_criterion_set_find_code (set, "ppap")->id, 5, NULL);
  g_assert_false (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  vt_assessment_set_score (got, vt_criterion_set_find_code (set, "ppap")->id, 3, NULL);
  vt_assessment_set_score (got, 999999, 3, NULL);
  g_assert_false (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new version of the set; the old ones stay, and so does the
   * assessment's link to the version it used. */
  g_ptr_array_remove_index (set->criteria, 13);
  criterion_at (set, 0)->weight += 5;
  criterion_at (set, 0)->levels_vi[0] = (g_free (criterion_at (set, 0)->levels_vi[0]), g_strdup ("Chưa có gì."));
  criterion_at (set, 1)->scale = VT_SCALE_AUDIT;
  g_clear_pointer (&criterion_at (set, 1)->levels[5], g_free);
  set->area_gap = 25;
  g_assert_true (vt_store_save_criterion_set_sync (store, set, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (set->set_version, ==, 3);
  sets = vt_store_list_criterion_sets_sync (store, NULL, &error);
  g_assert_cmpuint (sets->len, ==, 3);
  {
    g_autoptr(VtCriterionSet) v3 = vt_store_get_criterion_set_sync (store, set->id, NULL, &error);

    g_assert_cmpuint (v3->criteria->len, ==, 13);
    g_assert_cmpfloat (v3->area_gap, ==, 25);
    g_assert_cmpint (criterion_at (v3, 1)->scale, ==, VT_SCALE_AUDIT);
    g_assert_cmpstr (criterion_at (v3, 0)->levels_vi[0], ==, "Chưa có gì.");
    g_assert_cmpstr (criterion_at (v3, 0)->levels_ko[0], ==, criterion_at (set, 0)->levels_ko[0]);
    g_assert_cmpint (criterion_at (v3, 0)->id, !=, qms_id);
  }
  g_clear_pointer (&got, vt_assessment_unref);
  got = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_cmpint (got->set_id, ==, a->set_id);
  g_assert_cmpfloat_with_epsilon (got->readiness, 72.0, 1e-9);

  g_assert_true (vt_store_delete_sync (store, VT_RECORD_ASSESSMENT, got->id, got->version, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sup, vt_supplier_unref);
  sup = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpfloat (sup->readiness, ==, -1);
}

static VtAssessment *
new_full_assessment (const char     *uuid,
                     VtCriterionSet *set,
                     int             day,
                     int             month)
{
  VtAssessment *a = vt_assessment_new (uuid, set->id);

  g_date_set_dmy (&a->assessed_on, day, month, 2025);
  for (guint i = 0; i < set->criteria->len; i++)
    vt_assessment_set_score (a, criterion_at (set, i)->id, level_80 (criterion_at (set, i)), NULL);
  return a;
}

static void
test_assessment_parts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty Đ", NULL);
  g_autofree char *other = save_test_supplier (store, "Công ty O", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(VtAttachment) photo = vt_attachment_new (uuid, "xưởng.png", "image/png", bytes);
  g_autoptr(VtAttachment) foreign = vt_attachment_new (other, "khác.png", "image/png", bytes);
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtAssessment) first = NULL;
  g_autoptr(VtAssessment) second = NULL;
  g_autoptr(VtAssessment) got = NULL;
  g_autoptr(VtSupplier) sup = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kim = save_person (store, "Kim"), lan = save_person (store, "Lan");
  VtImprovementAction *x;
  VtCriterion *fin;

  set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  fin = vt_criterion_set_find_code (set, "finance");
  g_assert_true (vt_store_add_attachment_sync (store, photo, NULL, &error));
  g_assert_true (vt_store_add_attachment_sync (store, foreign, NULL, &error));
  g_assert_no_error (error);

  /* Two assessors, their own scores, a photo and an action. */
  first = new_full_assessment (uuid, set, 1, 8);
  g_array_append_val (first->assessor_ids, kim);
  g_array_append_val (first->assessor_ids, lan);
  vt_assessment_set_assessor_score (first, kim, fin->id, 4, "Audited statements.");
  vt_assessment_set_assessor_score (first, lan, fin->id, 2, NULL);
  vt_assessment_add_evidence (first, fin->id, photo->id);
  x = vt_improvement_action_new ("finance", "Have the 2025 statements audited.");
  x->owner = g_strdup ("Nguyễn Thị Hoa");
  g_date_set_dmy (&x->due_on, 30, 9, 2025);
  g_ptr_array_add (first->actions, x);
  g_assert_true (vt_store_save_assessment_sync (store, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (x->id, >, 0);
  g_assert_cmpint (x->assessment_id, ==, first->id);

  got = vt_store_get_assessment_sync (store, first->id, NULL, &error);
  g_assert_cmpuint (got->assessor_scores->len, ==, 2);
  g_assert_cmpint (vt_assessment_get_assessor_score (got, kim, fin->id)->score, ==, 4);
  g_assert_cmpstr (vt_assessment_get_assessor_score (got, kim, fin->id)->comment, ==, "Audited statements.");
  g_assert_cmpint (vt_assessment_get_assessor_score (got, lan, fin->id)->score, ==, 2);
  {
    g_autoptr(GArray) disagree = vt_readiness_find_disagreements (set, got, kim, lan);

    g_assert_cmpuint (disagree->len, ==, 1);
    g_assert_cmpint (g_array_index (disagree, gint64, 0), ==, fin->id);
  }
  g_assert_cmpuint (got->evidence->len, ==, 1);
  g_assert_cmpint (g_array_index (got->evidence, VtEvidence, 0).attachment_id, ==, photo->id);
  g_assert_cmpuint (got->actions->len, ==, 1);
  x = g_ptr_array_index (got->actions, 0);
  g_assert_cmpstr (x->action, ==, "Have the 2025 statements audited.");
  g_assert_cmpstr (x->owner, ==, "Nguyễn Thị Hoa");
  g_assert_cmpint (g_date_get_day (&x->due_on), ==, 30);
  g_assert_cmpint (x->status, ==, VT_ACTION_STATUS_OPEN);

  /* Evidence must be the supplier's own; own scores need an assessor. */
  vt_assessment_add_evidence (got, fin->id, foreign->id);
  g_assert_false (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_array_set_size (got->evidence, 1);
  vt_assessment_set_assessor_score (got, save_person (store, "X"), fin->id, 3, NULL);
  g_assert_false (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A later draft: kept, but the supplier's readiness stays the final
   * one's. */
  second = new_full_assessment (uuid, set, 1, 10);
  second->draft = TRUE;
  vt_assessment_set_score (second, fin->id, 5, NULL);
  vt_assessment_set_score (second, vt_criterion_set_find_code (set, "cost")->id, 0, NULL);
  g_assert_true (vt_store_save_assessment_sync (store, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (second->readiness, !=, first->readiness);
  sup = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpfloat_with_epsilon (sup->readiness, first->readiness, 1e-9);
  g_clear_pointer (&sup, vt_supplier_unref);

  /* Checking the first visit's action; its own action cannot be. */
  vt_assessment_check_action (second, ((VtImprovementAction *) g_ptr_array_index (first->actions, 0))->id,
                              VT_ACTION_STATUS_DONE);
  second->draft = FALSE;
  vt_assessment_set_score (second, vt_criterion_set_find_code (set, "cost")->id, 0, "Prices below cost.");
  g_assert_true (vt_store_save_assessment_sync (store, second, NULL, &error));
  g_assert_no_error (error);
  sup = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpfloat_with_epsilon (sup->readiness, second->readiness, 1e-9);

  actions = vt_store_list_improvement_actions_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  x = g_ptr_array_index (actions, 0);
  g_assert_cmpint (x->status, ==, VT_ACTION_STATUS_DONE);
  g_assert_cmpint (x->checked_in, ==, second->id);
  g_clear_pointer (&got, vt_assessment_unref);
  got = vt_store_get_assessment_sync (store, second->id, NULL, &error);
  g_assert_cmpuint (got->checks->len, ==, 1);
  g_assert_cmpint (g_array_index (got->checks, VtActionCheck, 0).status, ==, VT_ACTION_STATUS_DONE);

  /* Taking the check back reopens the action. */
  vt_assessment_check_action (got, x->id, VT_ACTION_STATUS_OPEN);
  g_assert_true (vt_store_save_assessment_sync (store, got, NULL, &error));
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = vt_store_list_improvement_actions_sync (store, uuid, NULL, &error);
  /* The old list is gone: point at the action in the new one. */
  x = g_ptr_array_index (actions, 0);
  g_assert_cmpint (x->status, ==, VT_ACTION_STATUS_OPEN);
  g_assert_cmpint (x->checked_in, ==, 0);

  /* x was in the list freed above; the same action is in the new one. */
  x = g_ptr_array_index (actions, 0);
  vt_assessment_check_action (first, x->id, VT_ACTION_STATUS_NOT_DONE);
  g_assert_false (vt_store_save_assessment_sync (store, first, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Another supplier's list is empty; removing the action deletes it. */
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = vt_store_list_improvement_actions_sync (store, other, NULL, &error);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&first, vt_assessment_unref);
  first = vt_store_get_assessment_sync (store, got->id - 1, NULL, &error);
  g_ptr_array_set_size (first->actions, 0);
  g_assert_true (vt_store_save_assessment_sync (store, first, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = vt_store_list_improvement_actions_sync (store, uuid, NULL, &error);
  g_assert_cmpuint (actions->len, ==, 0);
}

static void
test_attachment_roundtrip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty E", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new ("\x89PNG\r\n\x1a\n\0\1\2", 11);
  g_autoptr(VtAttachment) a = vt_attachment_new (uuid, "ảnh nhà máy.png", "image/png", bytes);
  g_autoptr(VtAttachment) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  vt_store_set_actor (store, "Tester");
  g_assert_true (vt_store_add_attachment_sync (store, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);

  list = vt_store_list_attachments_sync (store, uuid, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (((VtAttachment *) g_ptr_array_index (list, 0))->data);
  g_assert_cmpint (((VtAttachment *) g_ptr_array_index (list, 0))->size, ==, 11);

  got = vt_store_get_attachment_sync (store, a->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->filename, ==, "ảnh nhà máy.png");
  g_assert_cmpstr (got->mime_type, ==, "image/png");
  g_assert_cmpstr (got->created_by, ==, "Tester");
  g_assert_true (g_bytes_equal (got->data, bytes));

  g_assert_true (vt_store_delete_sync (store, VT_RECORD_ATTACHMENT, a->id, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (store, "attachment", NULL, NULL, NULL), ==, 2);
}

static void
test_stage_moves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, "Công ty F", NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GError) error = NULL;
  VtStageChange *last;

  vt_store_set_actor (store, "Nguyễn Thị Lan");
  g_assert_true (vt_store_move_stage_sync (store, uuid, 0, VT_STAGE_APPRAISED, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Skipping is refused with a reason; nothing changes. */
  g_assert_false (vt_store_move_stage_sync (store, uuid, 0, VT_STAGE_SELECTED, "hurry", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (vt_store_move_stage_sync (store, uuid, 0, VT_STAGE_REJECTED, "", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_true (vt_store_move_stage_sync (store, uuid, 0, VT_STAGE_REJECTED, "Too small", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_store_move_stage_sync (store, uuid, 0, VT_STAGE_SHORTLISTED, "x", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  history = vt_store_list_stage_history_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((VtStageChange *) g_ptr_array_index (history, 0))->from, ==, -1);
  last = g_ptr_array_index (history, 2);
  g_assert_cmpint (last->from, ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (last->to, ==, VT_STAGE_REJECTED);
  g_assert_cmpstr (last->reason, ==, "Too small");
  g_assert_cmpstr (last->who, ==, "Nguyễn Thị Lan");
  g_assert_nonnull (last->at);

  s = vt_store_get_supplier_sync (store, uuid, NULL, &error);
  g_assert_cmpint (s->stage, ==, VT_STAGE_REJECTED);
  /* A stage move is not an edit of the record: no conflict with a form. */
  g_assert_cmpint (s->version, ==, 1);
  g_assert_cmpuint (count_audit (store, "supplier", uuid, "update", "stage"), ==, 2);

  reached = vt_store_count_stages_sync (store, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_RECEIVED), ==, 1);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_APPRAISED), ==, 1);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_REJECTED), ==, 1);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_SELECTED), ==, 0);
}

static VtStage
stage_of (VtStore    *store,
          const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) s = vt_store_get_supplier_sync (store, uuid, NULL, &error);

  g_assert_no_error (error);
  return s->stage;
}

static void
test_batch_stage_moves (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *a = save_test_supplier (store, "Công ty Điện tử An Phát", NULL);
  g_autofree char *b = save_test_supplier (store, "Công ty Cơ khí Bình Minh", NULL);
  g_autofree char *c = save_test_supplier (store, "Công ty Nhựa Cường Thịnh", NULL);
  const char *ab[] = { a, b, NULL };
  const char *abc[] = { a, b, c, NULL };
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  vt_store_set_actor (store, "Trần Văn Hùng");
  g_assert_true (vt_store_move_stages_sync (store, ab, 0, VT_STAGE_APPRAISED, "Dossier complete", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (store, a), ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (stage_of (store, b), ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (stage_of (store, c), ==, VT_STAGE_RECEIVED);

  /* c cannot go to shortlisted from received: nobody moves, and the
   * message names the supplier that was refused. */
  g_assert_false (vt_store_move_stages_sync (store, abc, 0, VT_STAGE_SHORTLISTED, "First visit", NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_assert_true (g_str_has_prefix (error->message, "Công ty Nhựa Cường Thịnh: "));
  g_clear_error (&error);
  g_assert_cmpint (stage_of (store, a), ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (stage_of (store, b), ==, VT_STAGE_APPRAISED);
  g_assert_cmpuint (count_audit (store, "supplier", a, "update", "stage"), ==, 1);

  /* An unknown supplier anywhere in the list also moves nobody. */
  {
    const char *with_unknown[] = { a, "00000000-0000-0000-0000-000000000000", NULL };

    g_assert_false (vt_store_move_stages_sync (store, with_unknown, 0, VT_STAGE_SHORTLISTED, "x", NULL, &error));
    g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (stage_of (store, a), ==, VT_STAGE_APPRAISED);
  }

  /* Rejecting several at once keeps the reason on each history row. */
  g_assert_true (vt_store_move_stages_sync (store, abc, 0, VT_STAGE_REJECTED, "Outside the sectors", NULL, &error));
  g_assert_no_error (error);
  history = vt_store_list_stage_history_sync (store, c, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((VtStageChange *) g_ptr_array_index (history, 1))->from, ==, VT_STAGE_RECEIVED);
  g_assert_cmpstr (((VtStageChange *) g_ptr_array_index (history, 1))->reason, ==, "Outside the sectors");
  g_assert_cmpstr (((VtStageChange *) g_ptr_array_index (history, 1))->who, ==, "Trần Văn Hùng");
  g_assert_cmpint (stage_of (store, a), ==, VT_STAGE_REJECTED);

  /* An empty list is a no-op, not an error. */
  {
    const char *empty[] = { NULL };

    g_assert_true (vt_store_move_stages_sync (store, empty, 0, VT_STAGE_RECEIVED, "x", NULL, &error));
    g_assert_no_error (error);
  }
}

static VtSupplierPage *
query (VtStore    *store,
       const char *text)
{
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GError) error = NULL;
  VtSupplierPage *page;

  q->text = g_strdup (text);
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_no_error (error);
  return page;
}

static gboolean
page_has (VtSupplierPage *page,
          const char     *name_vi)
{
  for (guint i = 0; i < page->items->len; i++)
    if (g_str_equal (vt_supplier_summary_get_name_vi (g_ptr_array_index (page->items, i)), name_vi))
      return TRUE;
  return FALSE;
}

static void
assert_search (VtStore    *store,
               const char *text,
               const char *found,
               const char *not_found)
{
  g_autoptr(VtSupplierPage) page = query (store, text);

  if (found)
    g_assert_true (page_has (page, found));
  if (not_found)
    g_assert_false (page_has (page, not_found));
  g_assert_cmpuint (page->total, ==, page->items->len);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *a = save_test_supplier (store, "Công ty TNHH Điện tử Hà Nội", NULL);
  g_autofree char *b = save_test_supplier (store, "Công ty Cổ phần Cơ khí Đà Nẵng", NULL);
  g_autofree char *c = save_test_supplier (store, "Công ty TNHH Hyundai Phụ tùng", "현대자동차");
  g_autofree char *d = save_test_supplier (store, "Công ty TNHH Samsung Linh kiện", "삼성전자");
  g_autofree char *e = save_test_supplier (store, "Công ty Đắk Nông Xanh", NULL);
  g_autoptr(VtSupplierPage) all = query (store, NULL);
  g_autoptr(VtSupplierPage) none = NULL;

  g_assert_cmpuint (all->total, ==, 5);
  assert_search (store, "cong ty dien tu ha noi", "Công ty TNHH Điện tử Hà Nội", "Công ty Cổ phần Cơ khí Đà Nẵng");
  assert_search (store, "da nang", "Công ty Cổ phần Cơ khí Đà Nẵng", "Công ty Đắk Nông Xanh");
  assert_search (store, "ĐIỆN TỬ", "Công ty TNHH Điện tử Hà Nội", NULL);
  assert_search (store, "ㅎㄷ", "Công ty TNHH Hyundai Phụ tùng", "Công ty TNHH Samsung Linh kiện");
  assert_search (store, "ㅅㅅㅈㅈ", "Công ty TNHH Samsung Linh kiện", "Công ty TNHH Hyundai Phụ tùng");
  assert_search (store, "현대", "Công ty TNHH Hyundai Phụ tùng", "Công ty TNHH Samsung Linh kiện");
  assert_search (store, "대", "Công ty TNHH Hyundai Phụ tùng", "Công ty TNHH Samsung Linh kiện");
  assert_search (store, "전자", "Công ty TNHH Samsung Linh kiện", "Công ty TNHH Hyundai Phụ tùng");
  assert_search (store, "ha", "Công ty TNHH Điện tử Hà Nội", NULL);
  assert_search (store, "dak nong", "Công ty Đắk Nông Xanh", "Công ty Cổ phần Cơ khí Đà Nẵng");
  assert_search (store, "\"quoted\" AND", NULL, "Công ty TNHH Điện tử Hà Nội");

  none = query (store, "xyz không có");
  g_assert_cmpuint (none->total, ==, 0);
  g_assert_null (none->next);

  /* An edit re-indexes. */
  {
    g_autoptr(VtSupplier) s = vt_store_get_supplier_sync (store, a, NULL, NULL);
    g_autoptr(GError) error = NULL;

    g_free (s->name_vi);
    s->name_vi = g_strdup ("Công ty TNHH Quang Minh");
    g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
    g_assert_no_error (error);
    assert_search (store, "dien tu", NULL, "Công ty TNHH Quang Minh");
    assert_search (store, "quang minh", "Công ty TNHH Quang Minh", NULL);
  }
}

static void
test_sort_and_paging (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = {
    "현대자동차", "Đông Anh", "Dương Nội", "삼성전자", "Công ty Ánh Dương", "an phú",
    "Ân Thi", "Ba Đình", "Cầu Giấy", "Chương Mỹ", "LG전자", "Zeta", "Ơn", "Ô Môn", "Oanh",
    "Bắc Ninh", "Bác Sĩ", "Ba Vì",
  };
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (save_test_supplier (store, names[i], NULL));

  q->page_size = 4;
  for (;;)
    {
      g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_sync (store, q, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->total, ==, G_N_ELEMENTS (names));
      g_assert_cmpuint (page->items->len, <=, 4);
      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (seen, g_strdup (vt_supplier_summary_get_name (g_ptr_array_index (page->items, i))));
      pages++;
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  g_assert_cmpuint (pages, ==, 5);
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i + 1 < seen->len; i++)
    g_assert_cmpint (vt_collation_compare (g_ptr_array_index (seen, i), g_ptr_array_index (seen, i + 1)), <, 0);
  /* ICU's order: Hangul first (the "kr-hang-hani" reordering), then
   * Latin by Vietnamese rules. */
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "삼성전자");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "an phú");
  g_assert_cmpstr (g_ptr_array_index (seen, seen->len - 1), ==, "Zeta");

  /* Descending, by another field. */
  vt_supplier_query_set_after (q, NULL);
  q->descending = TRUE;
  q->sort = VT_SUPPLIER_SORT_UPDATED;
  q->page_size = 100;
  {
    g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_sync (store, q, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->items->len, ==, G_N_ELEMENTS (names));
    g_assert_cmpstr (vt_supplier_summary_get_name (g_ptr_array_index (page->items, 0)), ==, "Ba Vì");
  }
}

/* A comparable value of @summary for @sort: visit dates as ISO text, ""
 * when there is none (sorted first, as the store does). */
static char *
sort_value (VtSupplierSummary *summary,
            VtSupplierSort     sort)
{
  GDateTime *t = NULL;

  switch (sort)
    {
    case VT_SUPPLIER_SORT_STAGE:
      return g_strdup_printf ("%02d", vt_supplier_summary_get_stage (summary));
    case VT_SUPPLIER_SORT_SECTOR:
      return g_strdup (vt_sector_to_string (vt_supplier_summary_get_sector (summary)));
    case VT_SUPPLIER_SORT_LAST_VISIT:
      t = vt_supplier_summary_get_last_visit (summary);
      break;
    case VT_SUPPLIER_SORT_NEXT_VISIT:
      t = vt_supplier_summary_get_next_visit (summary);
      break;
    default:
      g_assert_not_reached ();
    }
  return t ? g_date_time_format_iso8601 (t) : g_strdup ("");
}

/* Every sort the list offers pages through every supplier exactly once,
 * in order, both ways. */
static void
test_sort_columns (Fixture       *f,
                   gconstpointer  data)
{
  const VtSupplierSort sorts[] = {
    VT_SUPPLIER_SORT_STAGE, VT_SUPPLIER_SORT_SECTOR,
    VT_SUPPLIER_SORT_LAST_VISIT, VT_SUPPLIER_SORT_NEXT_VISIT,
  };
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStoreCounts) counts = NULL;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (sorts); k++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autofree char *previous = NULL;
        guint distinct_values = 0;

        q->sort = sorts[k];
        q->descending = descending;
        q->page_size = 7;
        for (;;)
          {
            g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_sync (store, q, NULL, &error);

            g_assert_no_error (error);
            for (guint i = 0; i < page->items->len; i++)
              {
                VtSupplierSummary *summary = g_ptr_array_index (page->items, i);
                g_autofree char *value = sort_value (summary, sorts[k]);

                g_assert_true (g_hash_table_add (seen, g_strdup (vt_supplier_summary_get_uuid (summary))));
                if (previous != NULL)
                  g_assert_cmpint (descending ? -strcmp (previous, value) : strcmp (previous, value), <=, 0);
                if (previous == NULL || !g_str_equal (previous, value))
                  distinct_values++;
                g_free (previous);
                previous = g_steal_pointer (&value);
              }
            if (page->next == NULL)
              break;
            vt_supplier_query_set_after (q, page->next);
          }
        g_assert_cmpuint (g_hash_table_size (seen), ==, counts->suppliers);
        /* The sample round has suppliers at several stages, in both
         * sectors, visited and not: the sort had something to do. */
        g_assert_cmpuint (distinct_values, >, 1);
      }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);

  q->stage = VT_STAGE_SELECTED;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, VT_SAMPLE_FINALISTS - VT_SAMPLE_IN_SUPPORT);
  for (guint i = 0; i < page->items->len; i++)
    {
      VtSupplierSummary *s = g_ptr_array_index (page->items, i);

      g_assert_cmpint (vt_supplier_summary_get_stage (s), ==, VT_STAGE_SELECTED);
      g_assert_cmpfloat (vt_supplier_summary_get_readiness (s), >=, 0);
      g_assert_nonnull (vt_supplier_summary_get_last_visit (s));
    }
  g_clear_pointer (&page, vt_supplier_page_unref);

  q->stage = VT_STAGE_IN_SUPPORT;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  /* One of the four is already at a buyer. */
  g_assert_cmpuint (page->total, ==, VT_SAMPLE_IN_SUPPORT - 1);
  g_assert_nonnull (vt_supplier_summary_get_next_visit (g_ptr_array_index (page->items, 0)));
  g_clear_pointer (&page, vt_supplier_page_unref);

  q->stage = -1;
  q->sector = VT_SECTOR_AUTOMOTIVE;
  q->certification = g_strdup ("IATF 16949");
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, >, 0);
  g_clear_pointer (&page, vt_supplier_page_unref);

  q->sector = VT_SECTOR_ELECTRICAL_ELECTRONIC;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_cmpuint (page->total, ==, 0);
  g_clear_pointer (&page, vt_supplier_page_unref);

  /* Sorted by readiness, best first, unassessed last. */
  g_clear_pointer (&q->certification, g_free);
  q->sector = -1;
  q->sort = VT_SUPPLIER_SORT_READINESS;
  q->descending = TRUE;
  q->page_size = 100;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_cmpuint (page->items->len, ==, VT_SAMPLE_SUPPLIERS);
  for (guint i = 0; i + 1 < page->items->len; i++)
    g_assert_cmpfloat (vt_supplier_summary_get_readiness (g_ptr_array_index (page->items, i)), >=,
                       vt_supplier_summary_get_readiness (g_ptr_array_index (page->items, i + 1)));
}

static void
test_sample_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *round_id = NULL;
  gboolean healthy = FALSE;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);

  counts = vt_store_count_sync (store, NULL, &error);
  g_assert_cmpuint (counts->suppliers, ==, VT_SAMPLE_SUPPLIERS);
  g_assert_cmpuint (counts->rounds, ==, 1);
  g_assert_cmpuint (counts->people, ==, 10);
  g_assert_cmpuint (counts->visits, ==, VT_SAMPLE_VISITS);
  g_assert_cmpuint (counts->assessments, ==, VT_SAMPLE_ASSESSMENTS);

  /* The assessments use the default set, two assessors each, and each
   * finalist's first-visit action is checked at the second visit. */
  {
    g_autoptr(GPtrArray) all = vt_store_list_assessments_sync (store, NULL, NULL, &error);
    g_autoptr(VtCriterionSet) set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
    g_autoptr(GHashTable) suppliers = g_hash_table_new (g_str_hash, g_str_equal);
    guint checked = 0;

    g_assert_cmpuint (all->len, ==, VT_SAMPLE_ASSESSMENTS);
    for (guint i = 0; i < all->len; i++)
      {
        VtAssessment *a = g_ptr_array_index (all, i);
        g_autoptr(GArray) disagree = NULL;

        g_assert_cmpint (a->set_id, ==, set->id);
        g_assert_cmpuint (a->scores->len, ==, set->criteria->len);
        g_assert_cmpuint (a->assessor_ids->len, ==, 2);
        g_assert_cmpuint (a->assessor_scores->len, ==, 2 * set->criteria->len);
        g_assert_cmpint (a->band, !=, VT_READINESS_BAND_NONE);
        g_assert_cmpfloat (a->readiness, ==, vt_readiness_compute (set, a, NULL));
        disagree = vt_readiness_find_disagreements (set, a, g_array_index (a->assessor_ids, gint64, 0),
                                                    g_array_index (a->assessor_ids, gint64, 1));
        g_assert_cmpuint (disagree->len, ==, 0);
        checked += a->checks->len;
        g_hash_table_add (suppliers, a->supplier_uuid);
      }
    /* The finalists' and the undecided second visit's. */
    g_assert_cmpuint (checked, ==, VT_SAMPLE_FINALISTS + 1);
    g_assert_cmpuint (g_hash_table_size (suppliers), ==, VT_SAMPLE_FIRST_VISITS);
  }

  reached = vt_store_count_stages_sync (store, 0, TRUE, NULL, &error);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_RECEIVED), ==, VT_SAMPLE_SUPPLIERS);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_FIRST_VISIT_DONE), ==, VT_SAMPLE_FIRST_VISITS);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_SELECTED), ==, VT_SAMPLE_FINALISTS);
  g_assert_cmpuint (g_array_index (reached, guint64, VT_STAGE_WITHDRAWN), ==, 2);
  /* Someone waits at every stage of the pipeline. */
  {
    g_autoptr(GArray) here = vt_store_count_stages_sync (store, 0, FALSE, NULL, &error);

    g_assert_no_error (error);
    for (VtStage stage = VT_STAGE_RECEIVED; stage <= VT_STAGE_CONNECTED_TO_BUYER; stage++)
      g_assert_cmpuint (g_array_index (here, guint64, stage), >, 0);
    g_assert_cmpuint (g_array_index (here, guint64, VT_STAGE_RECEIVED), ==, 1);
    g_assert_cmpuint (g_array_index (here, guint64, VT_STAGE_SECOND_VISIT_DONE), ==, 1);
    g_assert_cmpuint (g_array_index (here, guint64, VT_STAGE_SELECTED), ==, VT_SAMPLE_FINALISTS - VT_SAMPLE_IN_SUPPORT);
  }

  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_cmpint (((VtRound *) g_ptr_array_index (rounds, 0))->targets[VT_STAGE_SELECTED], ==, VT_SAMPLE_FINALISTS);
  round_id = g_strdup_printf ("%" G_GINT64_FORMAT, ((VtRound *) g_ptr_array_index (rounds, 0))->id);
  {
    g_autoptr(GPtrArray) audit = vt_store_list_audit_sync (store, "round", round_id, NULL, &error);
    gboolean raised = FALSE;

    for (guint i = 0; i < audit->len; i++)
      {
        VtAuditEntry *e = g_ptr_array_index (audit, i);

        if (g_strcmp0 (e->field, "target.selected") == 0)
          raised = g_str_equal (e->old_value, "12") && g_str_equal (e->new_value, "16");
      }
    g_assert_true (raised);
  }

  report = vt_store_check_sync (store, &healthy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (healthy);
  g_assert_nonnull (strstr (report, "no problems"));
}

static void
test_sample_data_deterministic (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VtStore) a = open_new_store (f);
  g_autoptr(VtStore) b = open_other_store (f, "other.db");
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) pa = NULL;
  g_autoptr(VtSupplierPage) pb = NULL;

  g_assert_true (vt_store_load_sample_data_sync (a, NULL, NULL));
  g_assert_true (vt_store_load_sample_data_sync (b, NULL, NULL));
  q->page_size = 100;
  pa = vt_store_query_suppliers_sync (a, q, NULL, NULL);
  pb = vt_store_query_suppliers_sync (b, q, NULL, NULL);
  g_assert_cmpuint (pa->items->len, ==, pb->items->len);
  for (guint i = 0; i < pa->items->len; i++)
    {
      VtSupplierSummary *x = g_ptr_array_index (pa->items, i), *y = g_ptr_array_index (pb->items, i);

      g_assert_cmpstr (vt_supplier_summary_get_name (x), ==, vt_supplier_summary_get_name (y));
      g_assert_cmpint (vt_supplier_summary_get_stage (x), ==, vt_supplier_summary_get_stage (y));
      g_assert_cmpfloat (vt_supplier_summary_get_readiness (x), ==, vt_supplier_summary_get_readiness (y));
    }
}

/* A database of schema version @version, with one supplier written the way
 * that version's code would have. */
static void
make_old_database (const char *path,
                   int         version)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = vt_collation_sort_key ("Công ty Cũ Điện tử");
  g_autofree char *name_fold = vt_search_fold ("Công ty Cũ Điện tử");
  g_autofree char *ko_fold = vt_search_fold ("현대");
  g_autofree char *initials = vt_search_initials ("Công ty Cũ Điện tử 현대 ");
  g_autofree char *names = g_strjoin ("\n", name_fold, "", ko_fold, NULL);
  g_autofree char *search_fold = g_strjoin ("\n", names, "", "", "", "", NULL);
  g_autofree char *fts_names = vt_search_decompose_hangul (names);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (vt_sqlite_migrate (db, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO suppliers (uuid, name_vi, name_ko, name_vi_fold, name_ko_fold, name_ko_initials, "
    "search_fold, sort_key, created_at, updated_at) "
    "VALUES ('00000000-0000-4000-8000-000000000001', 'Công ty Cũ Điện tử', '현대', ?, ?, ?, ?, ?, '2024', '2024')",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name_fold, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ko_fold, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, initials, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, search_fold, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 5, g_bytes_get_data (key, NULL), g_bytes_get_size (key), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  /* From version 3 on, the application keeps the trigram index itself. */
  if (version >= 3)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db,
        "INSERT INTO supplier_fts (rowid, names, initials, other) VALUES (1, ?, ?, '')",
        -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, fts_names, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, initials, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO stage_history (supplier_id, at, who, to_stage) VALUES (1, '2024', 'old', 'received')",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO people (kind, given_name, created_at, updated_at) VALUES ('consultant', 'Min-jun', '2024', '2024');"
    "INSERT INTO visits (supplier_id, kind, status, starts_at, ends_at, created_at, updated_at) "
    "VALUES (1, 'first', 'planned', '2024-03-05T01:00:00Z', '2024-03-05T04:00:00Z', '2024', '2024');"
    "INSERT INTO visit_participants (visit_id, person_id) VALUES (1, 1)",
    NULL, NULL, NULL), ==, SQLITE_OK);
  /* From version 4 on the app gives every visit a uuid when it writes it. */
  if (version >= 4)
    g_assert_cmpint (sqlite3_exec (db, "UPDATE visits SET uuid = '6f1d2c3b-0a9e-4c1f-8b7d-5e4a3b2c1d0e'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  int latest = vt_sqlite_get_latest_schema_version ();

  SKIP_ON_SERVER (f, "Old database files; the server's migrations are tested in core-pg");
  g_assert_cmpint (latest, >=, 3);
  for (int version = 1; version < latest; version++)
    {
      g_autoptr(VtStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VtSupplierPage) page = NULL;
      g_autoptr(VtCriterionSet) set = NULL;
      gboolean healthy = FALSE;
      g_autofree char *report = NULL;

      g_unlink (f->path);
      make_old_database (f->path, version);

      store = vt_store_open_sync (f->path, VT_STORE_OPEN_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (vt_store_get_schema_version (store), ==, latest);

      /* Data of the old version is there, searchable by its real text. */
      page = query (store, "dien tu");
      g_assert_cmpuint (page->total, ==, 1);
      g_clear_pointer (&page, vt_supplier_page_unref);
      page = query (store, "ㅎㄷ");
      g_assert_cmpuint (page->total, ==, 1);

      /* Visits from before version 4 get a stable uuid, and their
       * participants a role. */
      {
        g_autoptr(VtVisit) visit = vt_store_get_visit_sync (store, 1, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (strlen (visit->uuid), ==, 36);
        g_assert_cmpint (visit->uuid[14], ==, '4');
        g_assert_cmpuint (visit->participant_ids->len, ==, 1);
        g_assert_cmpint (vt_visit_get_role (visit, 1), ==, VT_PERSON_KIND_STAFF);
        g_assert_cmpstr (visit->supplier_name, ==, "Công ty Cũ Điện tử");
      }
      set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (set->criteria->len, ==, 14);
      report = vt_store_check_sync (store, &healthy, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (healthy);
    }
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* A version no build of the app knows yet. */
  int newer = vt_sqlite_get_latest_schema_version () + 1;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d", newer);
  g_autofree char *schema = g_strdup_printf ("schema %d", newer);
  sqlite3 *db = NULL;

  SKIP_ON_SERVER (f, "A newer server is tested in core-pg");
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = checksum_file (f->path);

  store = vt_store_open_sync (f->path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, schema));
  g_assert_nonnull (strstr (error->message, "not been changed"));

  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *uuid = save_test_supplier (store, "Công ty Sao lưu", NULL);
  g_autoptr(VtStore) restored = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_backup_sync (store, copy, NULL, &error));
  g_assert_no_error (error);

  restored = vt_store_open_sync (copy, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  s = vt_store_get_supplier_sync (restored, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->name_vi, ==, "Công ty Sao lưu");
}

/* The asynchronous calls deliver on the caller's main context. */
typedef struct
{
  GMainLoop *loop;
  VtStore   *store;
  GThread   *main_thread;
  guint64    total;
  GError    *error;
} AsyncState;

static void
queried_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(VtSupplierPage) page = vt_store_query_suppliers_finish (VT_STORE (object), result, &state->error);

  g_assert_true (g_thread_self () == state->main_thread);
  if (page)
    state->total = page->total;
  g_main_loop_quit (state->loop);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_true (vt_store_save_supplier_finish (VT_STORE (object), result, &state->error));
  q->text = g_strdup ("dong bo");
  vt_store_query_suppliers_async (VT_STORE (object), q, NULL, queried_cb, state);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Đồng Bộ", NULL);

  g_assert_true (g_thread_self () == state->main_thread);
  state->store = vt_store_open_finish (result, &state->error);
  g_assert_no_error (state->error);
  vt_store_save_supplier_async (state->store, s, NULL, saved_cb, state);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  AsyncState state = { g_main_loop_new (NULL, FALSE), NULL, g_thread_self (), 0, NULL };

  if (fixture_is_server (f))
    vt_store_open_server_async (f->conninfo, VT_STORE_OPEN_CREATE, NULL, opened_cb, &state);
  else
    vt_store_open_async (f->path, VT_STORE_OPEN_CREATE, NULL, opened_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.total, ==, 1);
  g_assert_finalize_object (state.store);
  g_main_loop_unref (state.loop);
}

static void
open_failed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->store = vt_store_open_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_error (Fixture       *f,
                  gconstpointer  data)
{
  AsyncState state = { g_main_loop_new (NULL, FALSE), NULL, g_thread_self (), 0, NULL };

  /* A missing file, or a database without our schema. */
  if (fixture_is_server (f))
    vt_store_open_server_async (f->conninfo, VT_STORE_OPEN_NONE, NULL, open_failed_cb, &state);
  else
    vt_store_open_async (f->path, VT_STORE_OPEN_NONE, NULL, open_failed_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_null (state.store);
  if (fixture_is_server (f))
    g_assert_error (state.error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_A_DATABASE);
  else
    g_assert_error (state.error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

/* The command line: run in a subprocess to look at what it prints. */
static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  SKIP_ON_SERVER (f, "The command line on a server is tested in core-pg");
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_getenv ("VT_TEST_DB");

      g_assert_cmpint (vt_command_run (path, VT_COMMAND_CREATE | VT_COMMAND_SAMPLE_DATA, &error), ==, 0);
      g_assert_no_error (error);
      g_assert_cmpint (vt_command_run (path, VT_COMMAND_CHECK | VT_COMMAND_COUNTS, &error), ==, 0);
      g_assert_no_error (error);
      g_assert_cmpint (vt_command_run ("/nonexistent/x.db", VT_COMMAND_COUNTS, &error), ==, 1);
      g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
      return;
    }

  g_setenv ("VT_TEST_DB", f->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Sample data added.*Schema version:*no problems found*Suppliers: 40*Rounds: 1*Visits: 46*Assessments: 41*People: 10*");
}

/* A text no statement could hold unescaped, in both languages. */
#define HOSTILE "O'Brien \"Điện\"; DROP TABLE suppliers; -- 현대 '베트남' % _ \\ \t end"

/* Quotes, semicolons and Korean and Vietnamese text come back as written
 * through every kind of record. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autofree char *uuid = save_test_supplier (store, HOSTILE, HOSTILE);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2026, 3, 2, 11, 0, 0);
  g_autoptr(VtVisit) v = vt_visit_new (uuid, VT_VISIT_KIND_SECOND, start, end);
  g_autoptr(VtVisit) v_back = NULL;
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtCriterionSet) mine = NULL;
  g_autoptr(VtCriterionSet) set_back = NULL;
  g_autoptr(VtAssessment) a = NULL;
  g_autoptr(VtAssessment) a_back = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (HOSTILE, sizeof HOSTILE);
  g_autoptr(VtAttachment) att = vt_attachment_new (uuid, HOSTILE, "text/plain", bytes);
  g_autoptr(VtAttachment) att_back = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  VtCriterion *first;

  v->place = g_strdup (HOSTILE);
  v->purpose = g_strdup (HOSTILE);
  v->ical_uid = g_strdup (HOSTILE);
  g_assert_true (vt_store_save_visit_sync (store, v, NULL, &error));
  g_assert_no_error (error);
  v_back = vt_store_get_visit_sync (store, v->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v_back->place, ==, HOSTILE);
  g_assert_cmpstr (v_back->purpose, ==, HOSTILE);
  g_assert_cmpstr (v_back->supplier_name, ==, HOSTILE);
  g_clear_pointer (&v_back, vt_visit_unref);
  v_back = vt_store_get_visit_by_uid_sync (store, HOSTILE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v_back->id, ==, v->id);

  /* A set of one's own, named and described with the same text. */
  set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_no_error (error);
  mine = vt_criterion_set_copy (set);
  g_free (mine->name);
  mine->name = g_strdup (HOSTILE);
  mine->is_default = FALSE;
  first = g_ptr_array_index (mine->criteria, 0);
  g_free (first->name_vi);
  first->name_vi = g_strdup (HOSTILE);
  g_free (first->levels_ko[0]);
  first->levels_ko[0] = g_strdup (HOSTILE);
  g_assert_true (vt_store_save_criterion_set_sync (store, mine, NULL, &error));
  g_assert_no_error (error);
  set_back = vt_store_get_criterion_set_sync (store, mine->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (set_back->name, ==, HOSTILE);
  g_assert_cmpstr (((VtCriterion *) g_ptr_array_index (set_back->criteria, 0))->name_vi, ==, HOSTILE);
  g_assert_cmpstr (((VtCriterion *) g_ptr_array_index (set_back->criteria, 0))->levels_ko[0], ==, HOSTILE);

  g_assert_true (vt_store_add_attachment_sync (store, att, NULL, &error));
  g_assert_no_error (error);
  att_back = vt_store_get_attachment_sync (store, att->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att_back->filename, ==, HOSTILE);
  g_assert_true (g_bytes_equal (att_back->data, bytes));

  a = vt_assessment_new (uuid, set_back->id);
  g_date_set_dmy (&a->assessed_on, 2, 3, 2026);
  a->notes = g_strdup (HOSTILE);
  a->draft = TRUE;
  vt_assessment_set_score (a, ((VtCriterion *) g_ptr_array_index (set_back->criteria, 0))->id, 3, HOSTILE);
  g_ptr_array_add (a->actions, vt_improvement_action_new (first->code, HOSTILE));
  ((VtImprovementAction *) g_ptr_array_index (a->actions, 0))->owner = g_strdup (HOSTILE);
  g_assert_true (vt_store_save_assessment_sync (store, a, NULL, &error));
  g_assert_no_error (error);
  a_back = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a_back->notes, ==, HOSTILE);
  g_assert_cmpstr (((VtScore *) g_ptr_array_index (a_back->scores, 0))->comment, ==, HOSTILE);
  actions = vt_store_list_improvement_actions_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((VtImprovementAction *) g_ptr_array_index (actions, 0))->action, ==, HOSTILE);
  g_assert_cmpstr (((VtImprovementAction *) g_ptr_array_index (actions, 0))->owner, ==, HOSTILE);

  /* The text is still only text: every table is there. */
  found = vt_store_list_visits_sync (store, uuid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* Two workstations open the same record; the second save is refused and
 * keeps the first one's change. */
static void
test_two_clients (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) one = open_new_store (f);
  g_autoptr(VtStore) two = open_same_store (f);
  g_autofree char *uuid = save_test_supplier (one, "Công ty Hai Người", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 4, 6, 9, 0, 0);
  g_autoptr(VtVisit) v = vt_visit_new (uuid, VT_VISIT_KIND_FIRST, start, start);
  g_autoptr(VtVisit) v1 = NULL;
  g_autoptr(VtVisit) v2 = NULL;
  g_autoptr(VtVisit) v_now = NULL;
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtAssessment) a = NULL;
  g_autoptr(VtAssessment) a1 = NULL;
  g_autoptr(VtAssessment) a2 = NULL;
  g_autoptr(VtAssessment) a_now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_save_visit_sync (one, v, NULL, &error));
  g_assert_no_error (error);
  v1 = vt_store_get_visit_sync (one, v->id, NULL, &error);
  v2 = vt_store_get_visit_sync (two, v->id, NULL, &error);
  g_assert_no_error (error);
  v1->findings = g_strdup ("Xưởng sạch sẽ");
  v2->findings = g_strdup ("공장이 깨끗함");
  g_assert_true (vt_store_save_visit_sync (one, v1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_store_save_visit_sync (two, v2, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (v2->version, ==, 1);
  v_now = vt_store_get_visit_sync (two, v->id, NULL, &error);
  g_assert_cmpstr (v_now->findings, ==, "Xưởng sạch sẽ");

  set = vt_store_get_criterion_set_sync (one, 0, NULL, &error);
  a = vt_assessment_new (uuid, set->id);
  g_date_set_dmy (&a->assessed_on, 6, 4, 2026);
  a->draft = TRUE;
  g_assert_true (vt_store_save_assessment_sync (one, a, NULL, &error));
  g_assert_no_error (error);
  a1 = vt_store_get_assessment_sync (one, a->id, NULL, &error);
  a2 = vt_store_get_assessment_sync (two, a->id, NULL, &error);
  g_assert_no_error (error);
  a1->notes = g_strdup ("Đánh giá lần một");
  a2->notes = g_strdup ("두 번째 평가");
  g_assert_true (vt_store_save_assessment_sync (one, a1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_store_save_assessment_sync (two, a2, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  a_now = vt_store_get_assessment_sync (two, a->id, NULL, &error);
  g_assert_cmpstr (a_now->notes, ==, "Đánh giá lần một");
  g_assert_cmpint (a_now->version, ==, 2);
}

/* The copy names every table that holds records: a new table in a
 * migration must be added to it, or backups would leave it out. */
static void
test_copy_covers_schema (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  const char * const *copied = vt_copy_get_tables ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  SKIP_ON_SERVER (f, "Both schemas have the same tables (core-pg's schema-parity)");
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
    "AND name NOT LIKE 'supplier_fts%' AND name <> 'provinces'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_strv_contains (copied, name))
        g_error ("The table %s is not copied (vt-copy.c)", name);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) copied));
}

/* Everything the store API can read of a database, as text, to compare
 * two databases record by record. */
static char *
dump_store (VtStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStoreCounts) counts = vt_store_count_sync (store, NULL, &error);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) rounds = NULL;

  g_assert_no_error (error);
  g_string_append_printf (out, "counts %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", counts->suppliers, counts->rounds,
                          counts->visits, counts->assessments, counts->people);
  q->page_size = 1000;
  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    {
      const char *uuid = vt_supplier_summary_get_uuid (g_ptr_array_index (page->items, i));
      g_autoptr(VtSupplier) s = vt_store_get_supplier_sync (store, uuid, NULL, &error);
      g_autoptr(GPtrArray) history = vt_store_list_stage_history_sync (store, uuid, NULL, &error);
      g_autoptr(GPtrArray) attachments = vt_store_list_attachments_sync (store, uuid, NULL, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "supplier %s v%" G_GINT64_FORMAT " %s %u %u %u stage %d ready %.3f\n",
                              s->uuid, s->version, s->name_vi, s->certifications->len, s->contacts->len,
                              s->customers->len, s->stage, s->readiness);
      for (guint k = 0; k < history->len; k++)
        {
          VtStageChange *c = g_ptr_array_index (history, k);

          g_string_append_printf (out, "  history %d→%d %s\n", c->from, c->to, c->reason ? c->reason : "");
        }
      for (guint k = 0; k < attachments->len; k++)
        {
          VtAttachment *a = g_ptr_array_index (attachments, k);
          g_autoptr(VtAttachment) whole = vt_store_get_attachment_sync (store, a->id, NULL, &error);
          g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, whole->data);

          g_string_append_printf (out, "  attachment %" G_GINT64_FORMAT " %s %s\n", a->id, a->filename, sum);
        }
    }
  visits = vt_store_list_visits_sync (store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (visits, i);

      g_string_append_printf (out, "visit %" G_GINT64_FORMAT " v%" G_GINT64_FORMAT " %s %u people\n",
                              v->id, v->version, v->uuid, v->participant_ids->len);
    }
  assessments = vt_store_list_assessments_sync (store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < assessments->len; i++)
    {
      VtAssessment *a = g_ptr_array_index (assessments, i);

      g_string_append_printf (out, "assessment %" G_GINT64_FORMAT " v%" G_GINT64_FORMAT " set %" G_GINT64_FORMAT
                              " %.4f %u scores %u actions\n", a->id, a->version, a->set_id, a->readiness,
                              a->scores->len, a->actions->len);
    }
  sets = vt_store_list_criterion_sets_sync (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    {
      VtCriterionSet *s = g_ptr_array_index (sets, i);

      g_string_append_printf (out, "set %" G_GINT64_FORMAT " %s v%d %u\n", s->id, s->name, s->set_version,
                              s->criteria->len);
    }
  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      g_string_append_printf (out, "round %" G_GINT64_FORMAT " %s %d\n", r->id, r->name, r->targets[VT_STAGE_SELECTED]);
    }
  audit = vt_store_list_audit_sync (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_append_printf (out, "audit %u\n", audit->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A backup holds every record, with its id, version, history and audit
 * rows; restoring it into another database (a file, or a server: this is
 * also how a local database is published) gives the same records, and
 * records made afterwards get new ids. */
static void
test_backup_restore_everything (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(VtStore) other = open_other_store (f, "other.db");
  g_autofree char *copy = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *safety = g_build_filename (f->dir, "before-restore.db", NULL);
  g_autofree char *uuid = save_test_supplier (store, HOSTILE, "현대");
  g_autoptr(GBytes) photo = g_bytes_new ("\x89PNG\r\n\x1a\n\0\t\n\\\xff", 14);
  g_autoptr(VtAttachment) att = vt_attachment_new (uuid, "ảnh.png", "image/png", photo);
  g_autoptr(VtPerson) later = vt_person_new (VT_PERSON_KIND_STAFF, "Trần", NULL, "An");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *was = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_store_add_attachment_sync (store, att, NULL, &error));
  g_assert_no_error (error);
  before = dump_store (store);

  g_assert_true (vt_store_backup_sync (store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_sqlite_check_backup_file (copy, NULL, &error));
  g_assert_no_error (error);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (copy, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }

  g_free (save_test_supplier (other, "Công ty sẽ bị thay thế", NULL));
  was = dump_store (other);
  g_assert_true (vt_store_restore_sync (other, copy, safety, NULL, &error));
  g_assert_no_error (error);
  after = dump_store (other);
  g_assert_cmpstr (after, ==, before);

  /* What was there before the restore is in the safety copy. */
  {
    g_autoptr(VtStore) undo = vt_store_open_sync (safety, VT_STORE_OPEN_NONE, NULL, &error);

    g_assert_no_error (error);
    kept = dump_store (undo);
    g_assert_cmpstr (kept, ==, was);
  }

  /* New records follow the copied ones. */
  g_assert_true (vt_store_save_person_sync (other, later, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (later->id, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  vt_test_init (&argc, &argv);

  ADD ("open-create", test_open_create);
  ADD ("supplier-roundtrip", test_supplier_roundtrip);
  ADD ("list-certifications", test_list_certifications);
  ADD ("conflict", test_conflict);
  ADD ("validation", test_validation);
  ADD ("round-roundtrip", test_round_roundtrip);
  ADD ("round-lifecycle", test_round_lifecycle);
  ADD ("person-roundtrip", test_person_roundtrip);
  ADD ("visit-roundtrip", test_visit_roundtrip);
  ADD ("visit-schedule", test_visit_schedule);
  ADD ("criteria-and-assessment", test_criteria_and_assessment);
  ADD ("assessment-parts", test_assessment_parts);
  ADD ("attachment-roundtrip", test_attachment_roundtrip);
  ADD ("stage-moves", test_stage_moves);
  ADD ("batch-stage-moves", test_batch_stage_moves);
  ADD ("search", test_search);
  ADD ("sort-and-paging", test_sort_and_paging);
  ADD ("sort-columns", test_sort_columns);
  ADD ("filters", test_filters);
  ADD ("sample-data", test_sample_data);
  ADD ("sample-data-deterministic", test_sample_data_deterministic);
  ADD ("migrations", test_migrations);
  ADD ("newer-version", test_newer_version);
  ADD ("backup", test_backup);
  ADD ("async", test_async);
  ADD ("async-error", test_async_error);
  ADD ("command", test_command);
  ADD ("hostile-text", test_hostile_text);
  ADD ("two-clients", test_two_clients);
  ADD ("copy-covers-schema", test_copy_covers_schema);
  ADD ("backup-restore-everything", test_backup_restore_everything);

  return vt_test_run ();
}
