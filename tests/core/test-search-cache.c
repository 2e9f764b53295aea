/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-cache.c: the in-memory search keys give exactly what the
 * SQL search gives, page by page, and never outlive a change. */

#include "config.h"

#include <sqlite3.h>

#include "vt-audit.h"
#include "vt-sample-data.h"
#include "vt-search-cache.h"
#include "vt-search.h"
#include "vt-sqlite-backend.h"
#include "vt-store.h"
#include "vt-test-util.h"

static const char * const words[] = {
  "Công ty", "TNHH", "Cơ khí", "Điện tử", "Nhựa", "Khuôn mẫu", "Hà Nội", "Hải Phòng", "Bắc Ninh",
  "Đông Á", "Minh", "Long", "Phát", "현대", "삼성", "대한", "동진", "Hưng", "Thịnh", "Việt",
};

static const char * const queries[] = {
  "cong", "co khi", "dien tu ha", "ㅎㄷ", "ㄷ", "현대", "대", "dong a", "ha noi minh", "xyz",
  "nhua long 1", "viet 9", "thinh", "tnhh", "a", "phat hung",
};

/* Reference: the folded keys, searched with strstr(), in cache order. */
typedef struct
{
  gint64  id;
  char   *uuid;
  GBytes *key;
  char   *fold;
  char   *initials;
} Row;

static void
row_free (Row *r)
{
  g_free (r->uuid);
  g_bytes_unref (r->key);
  g_free (r->fold);
  g_free (r->initials);
  g_free (r);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(Row * const *) a, *y = *(Row * const *) b;
  int c = g_bytes_compare (x->key, y->key);

  return c != 0 ? c : strcmp (x->uuid, y->uuid);
}

static char *
random_name (GRand *rand)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_printf (s, " %u", g_rand_int_range (rand, 0, 100));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
row_matches (Row         *r,
             const char **terms,
             gboolean     initials)
{
  for (guint t = 0; terms[t] != NULL; t++)
    if (strstr (initials ? r->initials : r->fold, terms[t]) == NULL)
      return FALSE;
  return TRUE;
}

static void
test_pure (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(VtSearchCache) cache = vt_search_cache_new ();

  for (guint i = 0; i < 500; i++)
    {
      Row *r = g_new0 (Row, 1);
      g_autofree char *name = random_name (rand);
      guint8 key[3] = { g_rand_int_range (rand, 0, 4), g_rand_int_range (rand, 0, 4), 0 };

      r->id = i + 1;
      r->uuid = g_uuid_string_random ();
      /* Short keys with many ties, so that the UUID decides often. */
      r->key = g_bytes_new (key, g_rand_int_range (rand, 1, 3));
      r->fold = vt_search_fold (name);
      r->initials = vt_search_initials (name);
      g_ptr_array_add (rows, r);
    }
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = g_ptr_array_index (rows, i);
      gsize len;
      gconstpointer data = g_bytes_get_data (r->key, &len);

      vt_search_cache_append (cache, r->id, r->uuid, data, len, r->fold, r->initials);
    }
  g_assert_cmpuint (vt_search_cache_get_n_items (cache), ==, 500);
  g_assert_cmpuint (vt_search_cache_get_size (cache), >, 500 * 36);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_auto(GStrv) terms = vt_search_split_terms (queries[q]);
      gboolean initials = vt_search_is_initials_query (queries[q]);
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < rows->len; i++)
        if (row_matches (g_ptr_array_index (rows, i), (const char **) terms, initials))
          g_array_append_val (expected, ((Row *) g_ptr_array_index (rows, i))->id);

      /* Everything at once, or refused above the limit. */
      g_assert_true (vt_search_cache_collect (cache, (const char **) terms, initials, 500, all));
      g_assert_cmpmem (all->data, all->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
      if (expected->len > 0)
        {
          g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

          g_assert_false (vt_search_cache_collect (cache, (const char **) terms, initials, expected->len - 1, none));
          g_assert_cmpuint (none->len, ==, 0);
        }

      /* Page by page, both ways, with cursors taken from the last row. */
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
          Row *cursor = NULL;

          for (;;)
            {
              g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (gint64));
              gsize len = 0;
              gconstpointer key = cursor ? g_bytes_get_data (cursor->key, &len) : NULL;
              guint cap = q % 2 ? 3 : 1000;
              gboolean exact = FALSE;
              guint64 total = vt_search_cache_page (cache, (const char **) terms, initials, key, len,
                                                    cursor ? cursor->uuid : NULL, descending, 7,
                                                    cap, &exact, page);

              /* Counted up to the cap, and said so. */
              g_assert_cmpuint (total, ==, MIN (expected->len, cap));
              g_assert_true (exact == (expected->len <= cap));
              if (page->len == 0)
                break;
              g_array_append_vals (seen, page->data, page->len);
              cursor = NULL;
              for (guint i = 0; i < rows->len && cursor == NULL; i++)
                if (((Row *) g_ptr_array_index (rows, i))->id == g_array_index (page, gint64, page->len - 1))
                  cursor = g_ptr_array_index (rows, i);
              g_assert_nonnull (cursor);
            }
          g_assert_cmpuint (seen->len, ==, expected->len);
          for (guint i = 0; i < seen->len; i++)
            g_assert_cmpint (g_array_index (seen, gint64, i), ==,
                             g_array_index (expected, gint64, descending ? expected->len - 1 - i : i));
        }
    }
}


/* The time keys order as the store's times order as text, and only the
 * store's form is taken. */
static void
test_time_keys (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gint64 key = 0;

  g_assert_true (vt_search_cache_parse_time ("2026-11-23T09:30:00.000000Z", &key));
  g_assert_false (vt_search_cache_parse_time ("2026-11-23T09:30:00Z", &key));
  g_assert_false (vt_search_cache_parse_time ("2026-11-23 09:30:00.000000Z", &key));
  g_assert_false (vt_search_cache_parse_time ("2026-13-23T09:30:00.000000Z", &key));
  g_assert_false (vt_search_cache_parse_time ("2026-11-23T09:30:00.000000+07:00", &key));
  g_assert_false (vt_search_cache_parse_time ("", &key));
  g_assert_false (vt_search_cache_parse_time (NULL, &key));

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (texts, g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                                             g_rand_int_range (rand, 1990, 2040), g_rand_int_range (rand, 1, 13),
                                             g_rand_int_range (rand, 1, 32), g_rand_int_range (rand, 0, 24),
                                             g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 61),
                                             g_rand_int_range (rand, 0, 2) * 500000));
  for (guint i = 0; i + 1 < texts->len; i++)
    {
      const char *a = g_ptr_array_index (texts, i), *b = g_ptr_array_index (texts, i + 1);
      gint64 ka, kb;
      int c = strcmp (a, b);

      g_assert_true (vt_search_cache_parse_time (a, &ka));
      g_assert_true (vt_search_cache_parse_time (b, &kb));
      g_assert_cmpint (c < 0 ? -1 : c > 0, ==, ka < kb ? -1 : ka > kb);
    }
}

typedef struct
{
  Fixture          files;
  VtSqliteBackend *sqlite;
} CacheFixture;

static void
cache_set_up (CacheFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  VtBackend *backend;

  fixture_set_up (&f->files, data);
  f->sqlite = vt_sqlite_backend_open (f->files.path, VT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  backend = VT_BACKEND (f->sqlite);

  g_assert_true (vt_sample_data_load (backend, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vt_backend_begin (backend, &error));
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = random_name (rand);
      g_autoptr(VtSupplier) s = make_test_supplier (name, i % 3 == 0 ? words[13 + i % 4] : NULL);

      g_assert_true (vt_backend_save_supplier (backend, s, &error));
      g_assert_no_error (error);
    }
  g_assert_true (vt_backend_commit (backend, &error));
  g_assert_no_error (error);
}

static void
cache_tear_down (CacheFixture  *f,
                 gconstpointer  data)
{
  g_clear_object (&f->sqlite);
  fixture_tear_down (&f->files, data);
}

/* Every page of a query, as "total|uuid uuid ...". */
static char *
run_query (VtBackend       *backend,
           VtSupplierQuery *q)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  vt_supplier_query_set_after (q, NULL);
  for (guint pages = 0;; pages++)
    {
      g_autoptr(VtSupplierPage) page = vt_backend_query_suppliers (backend, q, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      if (pages == 0)
        g_string_append_printf (out, "%" G_GUINT64_FORMAT "%s|", page->total, page->total_exact ? "" : "+");
      for (guint i = 0; i < page->items->len; i++)
        g_string_append_printf (out, "%s ", vt_supplier_summary_get_uuid (g_ptr_array_index (page->items, i)));
      if (page->next == NULL)
        break;
      vt_supplier_query_set_after (q, page->next);
    }
  vt_supplier_query_set_after (q, NULL);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
each_query (void (*func) (VtSupplierQuery *q, gpointer data),
            gpointer data)
{
  const VtSupplierSort sorts[] = {
    VT_SUPPLIER_SORT_NAME, VT_SUPPLIER_SORT_PROVINCE, VT_SUPPLIER_SORT_READINESS, VT_SUPPLIER_SORT_STAGE,
    VT_SUPPLIER_SORT_SECTOR,
  };

  for (guint t = 0; t < G_N_ELEMENTS (queries); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      for (int filter = 0; filter <= 1; filter++)
        for (int descending = 0; descending <= 1; descending++)
          {
            g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();

            q->text = g_strdup (queries[t]);
            q->sort = sorts[s];
            q->descending = descending;
            q->page_size = 13;
            if (filter)
              q->stage = VT_STAGE_RECEIVED;
            func (q, data);
          }
}

static void
collect_results (VtSupplierQuery *q,
                 gpointer         data)
{
  GPtrArray *results = ((gpointer *) data)[0];
  VtBackend *backend = ((gpointer *) data)[1];

  g_ptr_array_add (results, run_query (backend, q));
}

/* Counts the statements that take their rows from a list of ids, as the
 * store asks when the search cache has found them. */
static int
count_cache_answers (unsigned  type,
                     void     *data,
                     void     *stmt,
                     void     *sql)
{
  if (strstr ((const char *) sql, "json_each") != NULL)
    (*(guint *) data)++;
  return 0;
}

/* Runs every query of @each once before the cache is built (SQL answers)
 * and once after, and asserts that the cache answered the second round,
 * at least one page a query, with the same rows in the same order. */
static void
assert_cache_same_as_sql (CacheFixture *f,
                          void        (*each) (void (*func) (VtSupplierQuery *q, gpointer data), gpointer data))
{
  VtBackend *backend = VT_BACKEND (f->sqlite);
  sqlite3 *db = vt_sqlite_backend_get_db (f->sqlite);
  g_autoptr(GPtrArray) without = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) with = g_ptr_array_new_with_free_func (g_free);
  gpointer args[2] = { without, backend };
  guint nonempty = 0;
  guint from_cache = 0;

  each (collect_results, args);
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
  args[0] = with;
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_cache_answers, &from_cache);
  each (collect_results, args);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_cmpuint (from_cache, >=, with->len);

  g_assert_cmpuint (with->len, ==, without->len);
  for (guint i = 0; i < with->len; i++)
    {
      const char *a = g_ptr_array_index (without, i), *b = g_ptr_array_index (with, i);

      /* Both count many matches only up to a cap, at different
       * points; the rows must be the same. */
      if (strchr (a, '+') != NULL || strchr (b, '+') != NULL)
        g_assert_cmpstr (strchr (a, '|'), ==, strchr (b, '|'));
      else
        g_assert_cmpstr (a, ==, b);
      if (!g_str_has_prefix (b, "0|"))
        nonempty++;
    }
  /* The comparison means something only if most queries find rows. */
  g_assert_cmpuint (nonempty, >, with->len / 2);
}

static void
test_same_as_sql (CacheFixture  *f,
                  gconstpointer  data)
{
  VtBackend *backend = VT_BACKEND (f->sqlite);

  /* Filtered or sorted by readiness or province too, every query is
   * answered from the cache. */
  assert_cache_same_as_sql (f, each_query);
  /* A write on the store's own connection, even one that does not go
   * through a save (a stage move, a new readiness), drops the cache. */
  g_assert_cmpint (sqlite3_exec (vt_sqlite_backend_get_db (f->sqlite),
                                 "UPDATE suppliers SET search_fold = 'x', name_ko_initials = 'x'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
    g_autofree char *result = NULL;

    q->text = g_strdup ("co khi");
    result = run_query (backend, q);
    g_assert_true (g_str_has_prefix (result, "0|"));
  }
}

static void
test_invalidated (CacheFixture  *f,
                  gconstpointer  data)
{
  VtBackend *backend = VT_BACKEND (f->sqlite);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Quýt Xanh", NULL);
  g_autoptr(VtSqliteBackend) other = NULL;

  q->text = g_strdup ("quyt xanh");
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));

  /* A save on this connection. */
  g_assert_true (vt_backend_save_supplier (backend, s, &error));
  g_assert_no_error (error);
  page = vt_backend_query_suppliers (backend, q, &error);
  g_assert_cmpuint (page->total, ==, 1);
  g_clear_pointer (&page, vt_supplier_page_unref);

  /* A rename, after the cache was built again. */
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
  g_free (s->name_vi);
  s->name_vi = g_strdup ("Công ty Cam Vàng");
  g_assert_true (vt_backend_save_supplier (backend, s, &error));
  g_assert_no_error (error);
  page = vt_backend_query_suppliers (backend, q, &error);
  g_assert_cmpuint (page->total, ==, 0);
  g_clear_pointer (&page, vt_supplier_page_unref);

  /* Another connection (another window or process) adds one. */
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
  other = vt_sqlite_backend_open (f->files.path, VT_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(VtSupplier) t = make_test_supplier ("Công ty Quýt Xanh Mới", NULL);

    g_assert_true (vt_backend_save_supplier (VT_BACKEND (other), t, &error));
    g_assert_no_error (error);
  }
  page = vt_backend_query_suppliers (backend, q, &error);
  g_assert_cmpuint (page->total, ==, 1);
  g_clear_pointer (&page, vt_supplier_page_unref);

  /* A delete. */
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
  {
    g_autoptr(VtSupplierPage) found = vt_backend_query_suppliers (backend, q, &error);
    VtSupplierSummary *gone = g_ptr_array_index (found->items, 0);

    g_assert_true (vt_backend_delete_supplier (backend, vt_supplier_summary_get_uuid (gone),
                                               vt_supplier_summary_get_version (gone), &error));
    g_assert_no_error (error);
  }
  page = vt_backend_query_suppliers (backend, q, &error);
  g_assert_cmpuint (page->total, ==, 0);
}

/* Gives most suppliers a few visits, at times shared between suppliers
 * (so that ties go by name), in every status, none within an hour of now
 * (so that the clock moving between two runs changes nothing). */
static void
add_visits (VtSqliteBackend *sqlite)
{
  static const char * const statuses[] = { "planned", "confirmed", "done", "postponed", "cancelled" };
  sqlite3 *db = vt_sqlite_backend_get_db (sqlite);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = vt_time_to_iso (now);
  sqlite3_stmt *ids = NULL, *insert = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM suppliers", -1, &ids, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO visits (supplier_id, kind, status, starts_at, ends_at, "
                                           "created_at, updated_at) VALUES (?, 'follow-up', ?, ?, ?, ?, ?)",
                                       -1, &insert, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  while (sqlite3_step (ids) == SQLITE_ROW)
    {
      guint n = g_rand_int_range (rand, 0, 5);

      for (guint k = 0; k < n; k++)
        {
          /* Whole hours from 30 days back to 30 days on, never the
           * current one. */
          int hours = g_rand_int_range (rand, 1, 30 * 24) * (g_rand_boolean (rand) ? 1 : -1);
          g_autoptr(GDateTime) hour = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                           g_date_time_get_day_of_month (now),
                                                           g_date_time_get_hour (now), 0, 0);
          g_autoptr(GDateTime) start = g_date_time_add_hours (hour, hours);
          g_autoptr(GDateTime) end = g_date_time_add_hours (start, 2);
          g_autofree char *start_text = vt_time_to_iso (start);
          g_autofree char *end_text = vt_time_to_iso (end);

          sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (ids, 0));
          sqlite3_bind_text (insert, 2, statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))], -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 3, start_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 4, end_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 5, stamp, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 6, stamp, -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
          sqlite3_reset (insert);
        }
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_finalize (ids);
  sqlite3_finalize (insert);
}

static void
each_visit_query (void (*func) (VtSupplierQuery *q, gpointer data),
                  gpointer data)
{
  const char * const texts[] = { NULL, "cong", "co khi", "ㅎㄷ", "a", "xyz" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (int sort = VT_SUPPLIER_SORT_LAST_VISIT; sort <= VT_SUPPLIER_SORT_NEXT_VISIT; sort++)
      for (int filter = 0; filter <= 1; filter++)
        for (int descending = 0; descending <= 1; descending++)
          {
            g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();

            q->text = g_strdup (texts[t]);
            q->sort = sort;
            q->descending = descending;
            q->page_size = 17;
            if (filter)
              q->stage = VT_STAGE_RECEIVED;
            func (q, data);
          }
}

/* Sorted by last or next visit, the cache gives the rows SQL gives, in
 * the same order, page by page, with or without a search. */
static void
test_visit_sorts (CacheFixture  *f,
                  gconstpointer  data)
{
  add_visits (f->sqlite);
  assert_cache_same_as_sql (f, each_visit_query);
}

/* A visit time in another form than the store's makes the cache leave
 * the visit sorts to SQL, which still answers them. */
static void
test_visit_times_foreign (CacheFixture  *f,
                          gconstpointer  data)
{
  VtBackend *backend = VT_BACKEND (f->sqlite);
  sqlite3 *db = vt_sqlite_backend_get_db (f->sqlite);
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autofree char *before = NULL, *after = NULL;
  guint from_cache = 0;

  add_visits (f->sqlite);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE visits SET starts_at = substr (starts_at, 1, 19) || 'Z' "
                                     "WHERE id = (SELECT max (id) FROM visits)", NULL, NULL, NULL), ==, SQLITE_OK);
  q->sort = VT_SUPPLIER_SORT_LAST_VISIT;
  q->page_size = 50;
  before = run_query (backend, q);
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_cache_answers, &from_cache);
  after = run_query (backend, q);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_cmpuint (from_cache, ==, 0);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
stop_now (gpointer data)
{
  return TRUE;
}

static void
test_gives_way (CacheFixture  *f,
                gconstpointer  data)
{
  /* Asked to stop, the build leaves no half-built cache behind. */
  g_assert_false (vt_sqlite_backend_idle (f->sqlite, stop_now, NULL));
  g_assert_true (vt_sqlite_backend_idle (f->sqlite, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/search-cache/pure", test_pure);
  g_test_add_func ("/core/search-cache/time-keys", test_time_keys);
  g_test_add ("/core/search-cache/same-as-sql", CacheFixture, NULL, cache_set_up, test_same_as_sql, cache_tear_down);
  g_test_add ("/core/search-cache/invalidated", CacheFixture, NULL, cache_set_up, test_invalidated, cache_tear_down);
  g_test_add ("/core/search-cache/visit-sorts", CacheFixture, NULL, cache_set_up, test_visit_sorts, cache_tear_down);
  g_test_add ("/core/search-cache/visit-times-foreign", CacheFixture, NULL, cache_set_up, test_visit_times_foreign,
              cache_tear_down);
  g_test_add ("/core/search-cache/gives-way", CacheFixture, NULL, cache_set_up, test_gives_way, cache_tear_down);
  return g_test_run ();
}
