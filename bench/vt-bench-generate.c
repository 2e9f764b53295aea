/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-generate.c: a database of N suppliers for the benchmarks.
 *
 *   vt-bench-generate PATH N
 *   vt-bench-generate --version     (the generator's version, for caches)
 *
 * Each supplier gets 5 visits (3 done, 1 planned, 1 cancelled, over ten
 * years) and 2 assessments of the default criterion set with 10 scores
 * each. Suppliers go in through the import path (search keys, trigram
 * index, audit rows, as an import by staff makes them); visits,
 * assessments and scores, which would cost minutes through one save each,
 * go in with prepared statements in one transaction, with the readiness
 * index computed by vt_readiness_compute() as the store computes it.
 * Stages, sectors and provinces are spread as in a real programme (most
 * suppliers still "received"), so filters are both dense and sparse.
 *
 * Bump GENERATOR_VERSION whenever the data it makes changes: bench/vt-bench.py
 * keeps generated files keyed by it and by the schema version.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "vt-audit.h"
#include "vt-import.h"
#include "vt-sqlite-backend.h"
#include "vt-store.h"

#define GENERATOR_VERSION 1

static const char * const syllables[] = {
  "An", "Bình", "Cường", "Đạt", "Giang", "Hà", "Hải", "Hưng", "Khang", "Lộc", "Long", "Minh",
  "Nam", "Ngọc", "Phát", "Phú", "Quang", "Sơn", "Tân", "Thành", "Thịnh", "Tiến", "Trí", "Trường",
  "Việt", "Vinh", "Xuân", "Đông", "Hòa", "Kim",
};
static const char * const kinds[] = {
  "Cơ khí", "Điện tử", "Nhựa", "Khuôn mẫu", "Dây cáp", "Linh kiện", "Phụ tùng", "Thiết bị điện",
};
static const char * const hangul[] = {
  "대한", "현대", "삼성", "한빛", "동진", "서진", "미래", "성우", "새한", "우리", "태양", "금강",
};
static const char * const provinces[] = {
  "Hà Nội", "Bắc Ninh", "Hải Phòng", "TP. Hồ Chí Minh", "Đồng Nai", "Bình Dương", "Hưng Yên", "Đà Nẵng",
};
static const char * const trades[] = { "điện tử", "ô tô", "cơ khí", "dệt may" };

/* Per 100 suppliers: how many are in each stage, in pipeline order. */
static const struct { const char *stage; int share; } stages[] = {
  { "received", 45 }, { "appraised", 15 }, { "shortlisted", 10 }, { "first_visit_done", 8 },
  { "second_visit_done", 6 }, { "selected", 5 }, { "in_support", 4 }, { "connected_to_buyer", 2 },
  { "rejected", 4 }, { "withdrawn", 1 },
};

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("vt-bench-generate: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

static void
check_sql (sqlite3 *db,
           int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("vt-bench-generate: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static GBytes *
make_csv (guint  n,
          GRand *rand)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF" "Tên doanh nghiệp;Korean name;Mã số thuế;Tỉnh/thành;"
                               "Năm thành lập;Số lao động;Lĩnh vực\r\n");

  for (guint i = 0; i < n; i++)
    {
      const char *a = syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))];
      const char *b = syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))];

      g_string_append_printf (csv, "Công ty TNHH %s %s %s %u;",
                              kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], a, b, i);
      if (i % 5 == 0)
        g_string_append_printf (csv, "%s%s %u", hangul[g_rand_int_range (rand, 0, G_N_ELEMENTS (hangul))],
                                hangul[g_rand_int_range (rand, 0, G_N_ELEMENTS (hangul))], i);
      g_string_append_printf (csv, ";%010u;%s;%u;%u;%s\r\n", 100000000 + i,
                              provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))],
                              1990 + g_rand_int_range (rand, 0, 35), g_rand_int_range (rand, 10, 3000),
                              trades[g_rand_int_range (rand, 0, G_N_ELEMENTS (trades))]);
    }
  return g_string_free_to_bytes (csv);
}

static void
import_suppliers (const char *path,
                  guint       n,
                  GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(GBytes) bytes = make_csv (n, rand);
  g_autoptr(GPtrArray) province_list = NULL;
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;

  check (store != NULL, error);
  province_list = vt_store_list_provinces_sync (store, NULL, &error);
  check (province_list != NULL, error);
  table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  check (table != NULL, error);
  mapping = vt_import_guess_mapping (table);
  batch = vt_import_batch_new (table, mapping, province_list);
  if (batch->rejected->len > 0)
    {
      g_printerr ("vt-bench-generate: the import rejected %u rows\n", batch->rejected->len);
      exit (1);
    }
  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_NEW, TRUE, NULL, &error);
  check (summary != NULL, error);
  if (summary->imported != n)
    {
      g_printerr ("vt-bench-generate: imported %u of %u suppliers\n", summary->imported, n);
      exit (1);
    }
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check_sql (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL));
  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  check_sql (db, sqlite3_step (stmt));
  sqlite3_reset (stmt);
}

static void
add_visits_and_assessments (const char *path,
                            GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSqliteBackend) sqlite = vt_sqlite_backend_open (path, VT_STORE_OPEN_NONE, &error);
  VtBackend *backend;
  sqlite3 *db;
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2018, 1, 2, 8, 30, 0);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = NULL;
  gint64 people[4];
  sqlite3_stmt *list, *visit, *participant, *assessment, *score, *assessor, *readiness;
  GString *stage_sql;
  int cumulative = 0;

  check (sqlite != NULL, error);
  backend = VT_BACKEND (sqlite);
  db = vt_sqlite_backend_get_db (sqlite);
  set = vt_backend_get_criterion_set (backend, 0, &error);
  check (set != NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(VtPerson) p = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, hangul[i]);

      check (vt_backend_save_person (backend, p, &error), error);
      people[i] = p->id;
    }

  {
    g_autoptr(GDateTime) t = g_date_time_new_now_utc ();

    now = vt_time_to_iso (t);
  }

  check_sql (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL));

  /* Stages and sectors spread over the pipeline. */
  stage_sql = g_string_new ("UPDATE suppliers SET stage = CASE");
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      cumulative += stages[i].share;
      g_string_append_printf (stage_sql, " WHEN (id * 7919) %% 100 < %d THEN '%s'", cumulative, stages[i].stage);
    }
  g_string_append (stage_sql, " END, sector = CASE id % 3 WHEN 0 THEN 'automotive' "
                              "WHEN 1 THEN 'electrical-electronic' ELSE 'other' END");
  check_sql (db, sqlite3_exec (db, stage_sql->str, NULL, NULL, NULL));
  g_string_free (stage_sql, TRUE);

  list = prepare (db, "SELECT id FROM suppliers ORDER BY id");
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (list);

  visit = prepare (db, "INSERT INTO visits (supplier_id, kind, status, starts_at, ends_at, place, purpose, "
                       "findings, uuid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?10, ?10)");
  participant = prepare (db, "INSERT INTO visit_participants (visit_id, person_id) VALUES (?, ?)");
  assessment = prepare (db, "INSERT INTO assessments (supplier_id, visit_id, set_id, assessed_on, readiness, band, "
                            "draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?7, ?7)");
  score = prepare (db, "INSERT INTO scores (assessment_id, criterion_id, score) VALUES (?, ?, ?)");
  assessor = prepare (db, "INSERT INTO assessment_assessors (assessment_id, person_id) VALUES (?, ?)");
  readiness = prepare (db, "UPDATE suppliers SET readiness = ? WHERE id = ?");

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 supplier = g_array_index (ids, gint64, i);
      gint64 done_visit = 0;
      double latest = -1;

      for (guint k = 0; k < 5; k++)
        {
          static const VtVisitKind visit_kinds[] = {
            VT_VISIT_KIND_FIRST, VT_VISIT_KIND_SECOND, VT_VISIT_KIND_FOLLOW_UP,
            VT_VISIT_KIND_TECHNICAL_ASSISTANCE, VT_VISIT_KIND_FOLLOW_UP,
          };
          static const VtVisitStatus statuses[] = {
            VT_VISIT_STATUS_DONE, VT_VISIT_STATUS_DONE, VT_VISIT_STATUS_DONE,
            VT_VISIT_STATUS_CANCELLED, VT_VISIT_STATUS_PLANNED,
          };
          /* Ten years of visits, the planned one in the coming year. */
          gint64 hours = k == 4 ? (gint64) (8 * 365 + 30 + g_rand_int_range (rand, 0, 700)) * 24
                                : (gint64) (k * 700 + g_rand_int_range (rand, 0, 700)) * 24;
          g_autoptr(GDateTime) at = g_date_time_add_hours (base, hours);
          g_autoptr(GDateTime) end = g_date_time_add_hours (at, 3);
          g_autofree char *uuid = g_uuid_string_random ();

          sqlite3_bind_int64 (visit, 1, supplier);
          sqlite3_bind_text (visit, 2, vt_visit_kind_to_string (visit_kinds[k]), -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 3, vt_visit_status_to_string (statuses[k]), -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 4, vt_time_to_iso (at), -1, g_free);
          sqlite3_bind_text (visit, 5, vt_time_to_iso (end), -1, g_free);
          sqlite3_bind_text (visit, 6, "Nhà máy, KCN Quế Võ", -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 7, "Đánh giá năng lực sản xuất", -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 8, statuses[k] == VT_VISIT_STATUS_DONE ? "Kiểm tra đầu vào chưa đầy đủ." : NULL,
                             -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 9, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (visit, 10, now, -1, SQLITE_STATIC);
          step (db, visit);
          if (k == 1)
            done_visit = sqlite3_last_insert_rowid (db);
          sqlite3_bind_int64 (participant, 1, sqlite3_last_insert_rowid (db));
          sqlite3_bind_int64 (participant, 2, people[(i + k) % G_N_ELEMENTS (people)]);
          step (db, participant);
        }

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(VtAssessment) a = vt_assessment_new (NULL, set->id);
          VtReadinessBand band;
          double index;
          gint64 aid;

          g_date_set_dmy (&a->assessed_on, 1 + g_rand_int_range (rand, 0, 28), 1 + g_rand_int_range (rand, 0, 12),
                          2019 + 3 * k);
          for (guint c = 0; c < set->criteria->len; c++)
            vt_assessment_set_score (a, ((VtCriterion *) g_ptr_array_index (set->criteria, c))->id,
                                     g_rand_int_range (rand, 1 + k, 6), NULL);
          index = vt_readiness_compute (set, a, &band);
          latest = index;

          sqlite3_bind_int64 (assessment, 1, supplier);
          if (k == 1)
            sqlite3_bind_int64 (assessment, 2, done_visit);
          else
            sqlite3_bind_null (assessment, 2);
          sqlite3_bind_int64 (assessment, 3, set->id);
          sqlite3_bind_text (assessment, 4, vt_date_to_iso (&a->assessed_on), -1, g_free);
          if (index < 0)
            sqlite3_bind_null (assessment, 5);
          else
            sqlite3_bind_double (assessment, 5, index);
          if (band == VT_READINESS_BAND_NONE)
            sqlite3_bind_null (assessment, 6);
          else
            sqlite3_bind_text (assessment, 6, vt_readiness_band_to_string (band), -1, SQLITE_STATIC);
          sqlite3_bind_text (assessment, 7, now, -1, SQLITE_STATIC);
          step (db, assessment);
          aid = sqlite3_last_insert_rowid (db);
          for (guint c = 0; c < a->scores->len; c++)
            {
              VtScore *s = g_ptr_array_index (a->scores, c);

              sqlite3_bind_int64 (score, 1, aid);
              sqlite3_bind_int64 (score, 2, s->criterion_id);
              sqlite3_bind_int (score, 3, s->score);
              step (db, score);
            }
          sqlite3_bind_int64 (assessor, 1, aid);
          sqlite3_bind_int64 (assessor, 2, people[i % G_N_ELEMENTS (people)]);
          step (db, assessor);
        }

      /* The later assessment is the supplier's readiness. */
      sqlite3_bind_double (readiness, 1, latest);
      sqlite3_bind_int64 (readiness, 2, supplier);
      step (db, readiness);
    }

  sqlite3_finalize (visit);
  sqlite3_finalize (participant);
  sqlite3_finalize (assessment);
  sqlite3_finalize (score);
  sqlite3_finalize (assessor);
  sqlite3_finalize (readiness);
  check_sql (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  check_sql (db, sqlite3_exec (db, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree char *tmp = NULL;
  const char *path;
  guint n;
  gint64 start;

  if (argc == 2 && g_str_equal (argv[1], "--version"))
    {
      printf ("%d\n", GENERATOR_VERSION);
      return 0;
    }
  if (argc != 3)
    {
      g_printerr ("Usage: %s PATH N_SUPPLIERS\n       %s --version\n", argv[0], argv[0]);
      return 2;
    }
  path = argv[1];
  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  /* Written under another name and renamed at the end, so that a cache
   * never holds half a database. */
  tmp = g_strconcat (path, ".part", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *p = g_strconcat (tmp, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (p);
    }

  start = g_get_monotonic_time ();
  import_suppliers (tmp, n, rand);
  printf ("suppliers: %u through the import in %.1f s\n", n, seconds_since (start));
  start = g_get_monotonic_time ();
  add_visits_and_assessments (tmp, rand);
  printf ("visits: %u, assessments: %u, in %.1f s\n", n * 5, n * 2, seconds_since (start));

  if (g_rename (tmp, path) != 0)
    {
      g_printerr ("vt-bench-generate: cannot rename %s: %s\n", tmp, g_strerror (errno));
      return 1;
    }
  return 0;
}
