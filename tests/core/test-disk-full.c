/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-disk-full.c: every save path of the store on a disk that fills up.
 *
 * A VFS lets SQLite write only so many more bytes, then answers
 * SQLITE_FULL, as a full disk does. For each save path of the store
 * (supplier, stage move, visit, assessment, import), with the disk full
 * at several points of the save: the save fails with the disk-full
 * message, nothing of it is stored, the file stays intact, and once
 * space returns the very same save succeeds on the same store, without
 * reopening it.
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "vt-import.h"
#include "vt-sqlite-backend.h"
#include "vt-test-util.h"

/* The VFS: the system's own files, with a budget on writes --------------- */

/* Bytes that may still be written; -1 for no limit. */
static gint space_left = -1;
static gint writes_refused;

static sqlite3_vfs *system_vfs;
static sqlite3_vfs budget_vfs;

/* The file is the system VFS's own, opened by it; only its method table
 * is swapped for a copy whose xWrite checks the budget first. One copy
 * per distinct table (the system VFS has a few, by locking style). */
typedef struct
{
  const sqlite3_io_methods *system;
  sqlite3_io_methods        budgeted;
} MethodTable;

static MethodTable tables[8];
static guint n_tables;
static GMutex tables_lock;

static const sqlite3_io_methods *
system_methods (const sqlite3_io_methods *budgeted)
{
  for (guint i = 0; i < n_tables; i++)
    if (&tables[i].budgeted == budgeted)
      return tables[i].system;
  g_assert_not_reached ();
}

static gboolean
take_space (int amount)
{
  for (;;)
    {
      int left = g_atomic_int_get (&space_left);

      if (left < 0)
        return TRUE;
      if (left < amount)
        {
          g_atomic_int_set (&space_left, 0);
          return FALSE;
        }
      if (g_atomic_int_compare_and_exchange (&space_left, left, left - amount))
        return TRUE;
    }
}

static int
budget_write (sqlite3_file  *file,
              const void    *data,
              int            amount,
              sqlite3_int64  offset)
{
  const sqlite3_io_methods *methods = system_methods (file->pMethods);

  if (!take_space (amount))
    {
      g_atomic_int_inc (&writes_refused);
      return SQLITE_FULL;
    }
  return methods->xWrite (file, data, amount, offset);
}

static const sqlite3_io_methods *
budgeted_methods (const sqlite3_io_methods *methods)
{
  const sqlite3_io_methods *result = NULL;

  g_mutex_lock (&tables_lock);
  for (guint i = 0; i < n_tables && result == NULL; i++)
    if (tables[i].system == methods)
      result = &tables[i].budgeted;
  if (result == NULL)
    {
      g_assert_cmpuint (n_tables, <, G_N_ELEMENTS (tables));
      tables[n_tables].system = methods;
      tables[n_tables].budgeted = *methods;
      tables[n_tables].budgeted.xWrite = budget_write;
      result = &tables[n_tables++].budgeted;
    }
  g_mutex_unlock (&tables_lock);
  return result;
}

static int
budget_open (sqlite3_vfs   *vfs,
             const char    *name,
             sqlite3_file  *file,
             int            flags,
             int           *out_flags)
{
  int rc = system_vfs->xOpen (system_vfs, name, file, flags, out_flags);

  if (file->pMethods != NULL)
    file->pMethods = budgeted_methods (file->pMethods);
  return rc;
}

static void
budget_vfs_register (void)
{
  system_vfs = sqlite3_vfs_find (NULL);
  /* Everything but opening is the system VFS's. */
  budget_vfs = *system_vfs;
  budget_vfs.zName = "vt-disk-full";
  budget_vfs.pNext = NULL;
  budget_vfs.xOpen = budget_open;
  /* The default, so that the store's own connection goes through it. */
  g_assert_cmpint (sqlite3_vfs_register (&budget_vfs, 1), ==, SQLITE_OK);
}

/* The save paths ---------------------------------------------------------- */

typedef struct
{
  VtStore *store;
  char    *uuid;        /* a supplier of the sample data's kind */
  gint64   person;
} Context;

typedef struct
{
  const char *name;
  /* Makes the record to save; called again for each attempt. */
  gpointer  (*make)    (Context  *ctx);
  gboolean  (*save)    (Context  *ctx,
                        gpointer  record,
                        GError  **error);
  /* How many of what the save adds are there. */
  guint     (*count)   (Context  *ctx);
  GDestroyNotify free;
} SavePath;

static guint
count_suppliers (Context *ctx)
{
  g_autoptr(VtStoreCounts) counts = vt_store_count_sync (ctx->store, NULL, NULL);

  g_assert_nonnull (counts);
  return (guint) counts->suppliers;
}

static gpointer
make_supplier (Context *ctx)
{
  VtSupplier *s = make_test_supplier ("Công ty Đĩa Đầy", "디스크 가득");

  /* Bigger than a page, so that it needs several. */
  s->notes = g_strnfill (20000, 'n');
  g_ptr_array_add (s->contacts, vt_contact_new ("Nguyễn", "Thị", "Lan"));
  return s;
}

static gboolean
save_supplier (Context  *ctx,
               gpointer  record,
               GError  **error)
{
  return vt_store_save_supplier_sync (ctx->store, record, NULL, error);
}

static gpointer
make_nothing (Context *ctx)
{
  return NULL;
}

static gboolean
move_stage (Context  *ctx,
            gpointer  record,
            GError  **error)
{
  return vt_store_move_stage_sync (ctx->store, ctx->uuid, 0, VT_STAGE_APPRAISED, NULL, NULL, error);
}

static guint
count_moves (Context *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = vt_store_list_stage_history_sync (ctx->store, ctx->uuid, NULL, &error);

  g_assert_no_error (error);
  return history->len;
}

static gpointer
make_visit (Context *ctx)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 16, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2026, 3, 16, 12, 0, 0);
  VtVisit *v = vt_visit_new (ctx->uuid, VT_VISIT_KIND_FIRST, start, end);

  v->place = g_strdup ("Khu công nghiệp Quế Võ, Bắc Ninh");
  v->findings = g_strnfill (12000, 'f');
  g_array_append_val (v->participant_ids, ctx->person);
  return v;
}

static gboolean
save_visit (Context  *ctx,
            gpointer  record,
            GError  **error)
{
  return vt_store_save_visit_sync (ctx->store, record, NULL, error);
}

static guint
count_visits (Context *ctx)
{
  g_autoptr(VtStoreCounts) counts = vt_store_count_sync (ctx->store, NULL, NULL);

  return (guint) counts->visits;
}

static gpointer
make_assessment (Context *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCriterionSet) set = vt_store_get_criterion_set_sync (ctx->store, 0, NULL, &error);
  VtAssessment *a;

  g_assert_no_error (error);
  a = vt_assessment_new (ctx->uuid, set->id);
  g_date_set_dmy (&a->assessed_on, 16, 3, 2026);
  g_array_append_val (a->assessor_ids, ctx->person);
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      vt_assessment_set_score (a, c->id, c->scale == VT_SCALE_AUDIT ? 3 : 4, "Đạt yêu cầu");
    }
  return a;
}

static gboolean
save_assessment (Context  *ctx,
                 gpointer  record,
                 GError  **error)
{
  return vt_store_save_assessment_sync (ctx->store, record, NULL, error);
}

static guint
count_assessments (Context *ctx)
{
  g_autoptr(VtStoreCounts) counts = vt_store_count_sync (ctx->store, NULL, NULL);

  return (guint) counts->assessments;
}

static gpointer
make_import (Context *ctx)
{
  static const char csv[] =
    "Tên doanh nghiệp,Mã số thuế,Số lao động,Ghi chú\n"
    "Công ty TNHH Nhựa Đông Á,0109876543,120,nhập từ tỉnh\n"
    "Công ty Cổ phần Cơ khí Sông Hồng,0108765432,85,nhập từ tỉnh\n"
    "Công ty TNHH Khuôn mẫu Tân Phú,,40,nhập từ tỉnh\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportTable) table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (ctx->store, NULL, NULL);

  g_assert_no_error (error);
  mapping = vt_import_guess_mapping (table);
  return vt_import_batch_new (table, mapping, provinces);
}

static gboolean
save_import (Context  *ctx,
             gpointer  record,
             GError  **error)
{
  g_autoptr(VtImportSummary) summary = vt_store_import_suppliers_sync (ctx->store, record, VT_DUPLICATE_SKIP,
                                                                       FALSE, NULL, error);

  if (summary == NULL)
    return FALSE;
  g_assert_cmpuint (summary->imported, ==, 3);
  return TRUE;
}

static const SavePath paths[] = {
  { "supplier", make_supplier, save_supplier, count_suppliers, (GDestroyNotify) vt_supplier_unref },
  { "stage-move", make_nothing, move_stage, count_moves, NULL },
  { "visit", make_visit, save_visit, count_visits, (GDestroyNotify) vt_visit_unref },
  { "assessment", make_assessment, save_assessment, count_assessments, (GDestroyNotify) vt_assessment_unref },
  { "import", make_import, save_import, count_suppliers, (GDestroyNotify) vt_import_batch_unref },
};

static void
assert_intact (VtStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean healthy = FALSE;
  g_autofree char *report = vt_store_check_sync (store, &healthy, NULL, &error);

  g_assert_no_error (error);
  if (!healthy)
    g_error ("%s", report);
}

static void
test_save_path (Fixture       *f,
                gconstpointer  data)
{
  const SavePath *path = data;
  /* Full before the first byte, after a little, and after a page or so. */
  static const int budgets[] = { 0, 600, 5000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VtPerson) person = vt_person_new (VT_PERSON_KIND_CONSULTANT, "박", NULL, "서연");
  g_autofree char *uuid = NULL;
  Context ctx = { 0 };
  guint before;

  ctx.store = open_new_store (f);
  g_assert_true (vt_store_load_sample_data_sync (ctx.store, NULL, &error));
  g_assert_no_error (error);
  ctx.uuid = uuid = save_test_supplier (ctx.store, "Công ty Chờ Thẩm định", NULL);
  g_assert_true (vt_store_save_person_sync (ctx.store, person, NULL, &error));
  g_assert_no_error (error);
  ctx.person = person->id;
  before = path->count (&ctx);

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      gpointer record = path->make (&ctx);
      gint refused = g_atomic_int_get (&writes_refused);

      g_atomic_int_set (&space_left, budgets[i]);
      g_assert_false (path->save (&ctx, record, &error));
      g_atomic_int_set (&space_left, -1);
      g_assert_cmpint (g_atomic_int_get (&writes_refused), >, refused);
      g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_clear_error (&error);

      /* Nothing of it stored, nothing before it lost. */
      g_assert_cmpuint (path->count (&ctx), ==, before);
      assert_intact (ctx.store);
      if (path->free != NULL)
        path->free (record);
    }

  /* Space again: the same save on the same store. */
  {
    gpointer record = path->make (&ctx);

    g_assert_true (path->save (&ctx, record, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (path->count (&ctx), >, before);
    if (path->free != NULL)
      path->free (record);
  }
  assert_intact (ctx.store);

  /* And another process finds it whole. */
  g_clear_object (&ctx.store);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  budget_vfs_register ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/disk-full/%s", paths[i].name);

      g_test_add (name, Fixture, &paths[i], fixture_set_up, test_save_path, fixture_tear_down);
    }

  return g_test_run ();
}
