/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-store.c: how the store holds up at 100 000 suppliers.
 *
 * Run:
 *   meson test -C BUILD --benchmark --suite core -v
 * or directly (keeps the database when given a path):
 *   BUILD/bench/vt-bench-store [PATH] [--suppliers N]
 *
 * Builds 100 000 suppliers, 500 000 visits and 1 000 000 scores (100 000
 * assessments of 10 criteria) through the backend interface, in
 * transactions of 1 000 saves (as an import would), with audit rows and
 * search keys as in normal use. Then, through VtStore as the UI calls it
 * (worker thread included), it measures the first page of the supplier
 * list and free-text searches, and prints the figures with their targets:
 * first page under 20 ms, search 95th percentile under 10 ms.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "vt-sqlite-backend.h"
#include "vt-store.h"

#define BATCH 1000

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
static const char * const products[] = {
  "Chi tiết tiện CNC", "Bo mạch SMT", "Dây điện ô tô", "Khuôn ép nhựa", "Vỏ tủ điện", "Ốc vít, bạc lót",
};
static const char * const provinces[] = { "01", "24", "31", "33", "25", "19", "75", "79", "48", "22" };

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static VtSupplier *
random_supplier (GRand *rand,
                 guint  i)
{
  VtSupplier *s = vt_supplier_new ();
  const char *a = syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))];
  const char *b = syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))];

  s->name_vi = g_strdup_printf ("Công ty TNHH %s %s %s %u", kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))],
                                a, b, i);
  if (i % 5 == 0)
    s->name_ko = g_strdup_printf ("%s%s %u", hangul[g_rand_int_range (rand, 0, G_N_ELEMENTS (hangul))],
                                  hangul[g_rand_int_range (rand, 0, G_N_ELEMENTS (hangul))], i);
  s->tax_code = g_strdup_printf ("%010u", 100000000 + i);
  s->sector = g_rand_int_range (rand, 0, 3);
  s->products = g_strdup (products[g_rand_int_range (rand, 0, G_N_ELEMENTS (products))]);
  s->province_code = g_strdup (provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))]);
  s->employees = g_rand_int_range (rand, 10, 2000);
  if (g_rand_boolean (rand))
    g_ptr_array_add (s->certifications, vt_certification_new ("ISO 9001"));
  g_ptr_array_add (s->contacts, vt_contact_new ("Nguyễn", "Văn", b));
  return s;
}

static void
build (const char *path,
       guint       n_suppliers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSqliteBackend) sqlite = vt_sqlite_backend_open (path, VT_STORE_OPEN_CREATE, &error);
  VtBackend *backend = VT_BACKEND (sqlite);
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2024, 1, 1, 8, 0, 0);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  gint64 people[4];
  gint64 start;
  double seconds;
  guint64 visits = 0, scores = 0;

  check (sqlite != NULL, error);
  set = vt_backend_get_criterion_set (backend, 0, &error);
  check (set != NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(VtPerson) p = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, syllables[i]);

      check (vt_backend_save_person (backend, p, &error), error);
      people[i] = p->id;
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_suppliers; i++)
    {
      g_autoptr(VtSupplier) s = random_supplier (rand, i);

      if (i % BATCH == 0)
        check (vt_backend_begin (backend, &error), error);
      check (vt_backend_save_supplier (backend, s, &error), error);
      g_ptr_array_add (uuids, g_strdup (s->uuid));
      if (i % BATCH == BATCH - 1 || i == n_suppliers - 1)
        check (vt_backend_commit (backend, &error), error);
    }
  seconds = ms_since (start) / 1000;
  printf ("suppliers: %u in %.1f s = %.0f saves/s\n", n_suppliers, seconds, n_suppliers / seconds);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_suppliers * 5; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (base, (gint64) (i % 20000) * 6);
      g_autoptr(GDateTime) end = g_date_time_add_hours (at, 3);
      g_autoptr(VtVisit) v = vt_visit_new (g_ptr_array_index (uuids, i / 5), i % 4, at, end);

      v->status = VT_VISIT_STATUS_DONE;
      v->findings = g_strdup ("Kiểm tra đầu vào chưa đầy đủ.");
      g_array_append_val (v->participant_ids, people[i % 4]);
      if (i % BATCH == 0)
        check (vt_backend_begin (backend, &error), error);
      check (vt_backend_save_visit (backend, v, &error), error);
      visits++;
      if (i % BATCH == BATCH - 1 || i == n_suppliers * 5 - 1)
        check (vt_backend_commit (backend, &error), error);
    }
  seconds = ms_since (start) / 1000;
  printf ("visits: %" G_GUINT64_FORMAT " in %.1f s = %.0f saves/s\n", visits, seconds, visits / seconds);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_suppliers; i++)
    {
      g_autoptr(VtAssessment) a = vt_assessment_new (g_ptr_array_index (uuids, i), set->id);

      g_date_set_dmy (&a->assessed_on, 1 + i % 28, 1 + i % 12, 2025);
      for (guint c = 0; c < set->criteria->len; c++)
        vt_assessment_set_score (a, ((VtCriterion *) g_ptr_array_index (set->criteria, c))->id,
                                 g_rand_int_range (rand, 0, 6), NULL);
      if (i % BATCH == 0)
        check (vt_backend_begin (backend, &error), error);
      check (vt_backend_save_assessment (backend, a, &error), error);
      scores += a->scores->len;
      if (i % BATCH == BATCH - 1 || i == n_suppliers - 1)
        check (vt_backend_commit (backend, &error), error);
    }
  seconds = ms_since (start) / 1000;
  printf ("scores: %" G_GUINT64_FORMAT " (%u assessments) in %.1f s = %.0f scores/s\n",
          scores, n_suppliers, seconds, scores / seconds);
  sqlite3_exec (vt_sqlite_backend_get_db (sqlite), "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)",
                NULL, NULL, NULL);
}

static double
time_query (VtStore         *store,
            VtSupplierQuery *q,
            guint64         *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierPage) page = NULL;
  gint64 start = g_get_monotonic_time ();

  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  check (page != NULL, error);
  if (total)
    *total = page->total;
  return ms_since (start);
}

static void
measure_searches (VtStore             *store,
                  VtSupplierQuery     *q,
                  const char * const  *searches,
                  guint                n_searches,
                  const char          *label,
                  gboolean             verbose)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double p95;

  for (guint rep = 0; rep < 5; rep++)
    for (guint i = 0; i < n_searches; i++)
      {
        guint64 total = 0;
        double t;

        g_free (q->text);
        q->text = g_strdup (searches[i]);
        t = time_query (store, q, &total);
        g_array_append_val (times, t);
        if (rep == 0 && verbose)
          printf ("  search %-18s %7" G_GUINT64_FORMAT " matches %7.2f ms\n", searches[i], total, t);
      }
  g_array_sort (times, compare_doubles);
  p95 = percentile (times, 0.95);
  printf ("%s: median %.2f ms, p95 %.2f ms, max %.2f ms (target p95 < 10 ms) %s\n", label,
          percentile (times, 0.5), p95, percentile (times, 1.0), p95 < 10 ? "OK" : "MISSED");
}

static void
measure (const char *path)
{
  const char *searches[] = {
    "cong ty", "dien tu", "khuon mau minh", "thanh long", "phat 1234", "viet 99",
    "co khi hai", "linh kien tien", "tnhh quang son", "nhựa", "Điện tử Hưng",
    "현대", "삼성", "대한", "ㅎㄷ", "ㅅㅅ", "ㄷㅎㅎㅂ", "0100012345", "phu tung", "xyz khong co",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = g_get_monotonic_time ();
  double first;
  guint64 total = 0;

  store = vt_store_open_sync (path, VT_STORE_OPEN_NONE, NULL, &error);
  check (store != NULL, error);
  printf ("open (schema check + quick_check): %.0f ms\n", ms_since (start));

  first = time_query (store, q, &total);
  for (guint i = 0; i < 20; i++)
    {
      double t = time_query (store, q, NULL);

      g_array_append_val (pages, t);
    }
  q->stage = VT_STAGE_RECEIVED;
  q->sort = VT_SUPPLIER_SORT_READINESS;
  q->descending = TRUE;
  for (guint i = 0; i < 20; i++)
    {
      double t = time_query (store, q, NULL);

      g_array_append_val (pages, t);
    }
  g_array_sort (pages, compare_doubles);
  printf ("first page of %" G_GUINT64_FORMAT " suppliers: first %.2f ms, median %.2f ms, max %.2f ms "
          "(target < 20 ms) %s\n", total, first, percentile (pages, 0.5), percentile (pages, 1.0),
          percentile (pages, 1.0) < 20 ? "OK" : "MISSED");

  q->stage = -1;
  q->sort = VT_SUPPLIER_SORT_NAME;
  q->descending = FALSE;

  /* Right after opening, searches use the trigram index; once the store
   * has been idle for a moment they use the search keys in memory. */
  measure_searches (store, q, searches, G_N_ELEMENTS (searches), "search before the cache", FALSE);
  g_usleep (3 * G_USEC_PER_SEC);
  measure_searches (store, q, searches, G_N_ELEMENTS (searches), "search", TRUE);

  /* The same with a filter and with another sort, which the cache serves
   * through SQL. */
  q->stage = VT_STAGE_RECEIVED;
  measure_searches (store, q, searches, G_N_ELEMENTS (searches), "search + stage filter", TRUE);
  q->stage = -1;
  q->sort = VT_SUPPLIER_SORT_READINESS;
  q->descending = TRUE;
  measure_searches (store, q, searches, G_N_ELEMENTS (searches), "search by readiness", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n = 100000;
  gboolean keep = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--suppliers") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          path = g_strdup (argv[i]);
          keep = TRUE;
        }
    }
  if (path == NULL)
    {
      dir = g_dir_make_tmp ("vt-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    build (path, n);
  measure (path);

  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
