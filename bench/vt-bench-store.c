/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-store.c: the supplier list's questions to the store, timed.
 *
 *   BUILD/bench/vt-bench-store PATH
 *
 * PATH is a database made by vt-bench-generate (bench/vt-bench.py makes
 * and keeps them). Through VtStore as the list asks (worker thread
 * included, pages of 200 rows as VtSupplierModel fetches them) it times:
 * opening the file and the first page; the first page again, warm;
 * searches typed a character at a time; changing a filter; changing the
 * sort; searches under a filter and under another sort. It prints each
 * figure with its target and, on the last line, a JSON object of them
 * for bench/vt-bench.py.
 */

#include "config.h"

#include <stdio.h>
#include <time.h>


#include "vt-store.h"

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

/* The processor time of the last query (both threads): on a machine
 * shared with other work, wall time includes waiting for a core, and
 * this does not. */
static double last_cpu_ms;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
time_query (VtStore         *store,
            VtSupplierQuery *q,
            guint64         *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierPage) page = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double wall;

  page = vt_store_query_suppliers_sync (store, q, NULL, &error);
  check (page != NULL, error);
  wall = ms_since (start);
  last_cpu_ms = cpu_ms () - cpu_start;
  if (total)
    *total = page->total;
  return wall;
}

#define PAGE_SIZE 200

/* Words as staff type them: Vietnamese with and without marks, Korean
 * names and initial consonants, tax codes, and a miss. Each is typed a
 * character at a time. */
static const char * const searches[] = {
  "cong ty", "dien tu", "khuon mau minh", "thanh long", "viet 99", "nhựa", "Điện tử Hưng",
  "현대", "삼성", "ㅎㄷ", "0100012345", "phu tung", "xyz khong co",
};

/* Wall times in even places, processor times in odd ones. */
static GArray *
new_times (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
add_time (GArray *times,
          double  t)
{
  g_array_append_val (times, t);
  g_array_append_val (times, last_cpu_ms);
}

static GArray *
split_times (GArray *times,
             guint   odd)
{
  GArray *part = new_times ();

  for (guint i = odd; i < times->len; i += 2)
    g_array_append_val (part, g_array_index (times, double, i));
  g_array_sort (part, compare_doubles);
  return part;
}

/* Adds {"median": .., "p95": .., "max": .., "n": ..} as @name, and prints
 * the line. */
static void
report (GString     *json,
        const char  *name,
        const char  *label,
        GArray      *times,
        double       target_ms,
        gboolean     target_p95)
{
  g_autoptr(GArray) wall = split_times (times, 0);
  g_autoptr(GArray) cpu = split_times (times, 1);
  double median = percentile (wall, 0.5);
  double p95 = percentile (wall, 0.95);
  double max = percentile (wall, 1.0);
  double cpu_median = percentile (cpu, 0.5);
  double cpu_p95 = percentile (cpu, 0.95);

  printf ("%-32s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (processor: median %6.2f p95 %6.2f, n=%u)",
          label, median, p95, max, cpu_median, cpu_p95, wall->len);
  if (target_ms > 0)
    printf ("  target %s < %.0f ms: %s", target_p95 ? "p95" : "median", target_ms,
            (target_p95 ? p95 : median) < target_ms ? "ok" : "MISSED");
  printf ("\n");

  g_string_append_printf (json, ", \"%s\": {\"median_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f, "
                          "\"cpu_median_ms\": %.3f, \"cpu_p95_ms\": %.3f, \"n\": %u}",
                          name, median, p95, max, cpu_median, cpu_p95, wall->len);
}

/* Every prefix of every search, as typed. */
static void
time_typing (VtStore         *store,
             VtSupplierQuery *q,
             GArray          *times)
{
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    for (const char *end = g_utf8_next_char (searches[i]); ; end = g_utf8_next_char (end))
      {
        g_free (q->text);
        q->text = g_strndup (searches[i], end - searches[i]);
        add_time (times, time_query (store, q, NULL));
        if (*end == '\0')
          break;
      }
  g_clear_pointer (&q->text, g_free);
}

/* The worker reads the search keys into memory once the store has been
 * idle for 50 ms, and gives the work up when a job comes; on a loaded
 * machine reading 100 000 keys takes a while, so the probes are far apart.
 * A two-letter term has no trigram: without the cache SQLite reads every
 * row for it, with the cache it is a pass over memory. */
static void
wait_for_search_cache (VtStore         *store,
                       VtSupplierQuery *q)
{
  q->text = g_strdup ("zq");
  for (guint i = 0; i < 30; i++)
    {
      g_usleep (2 * G_USEC_PER_SEC);
      time_query (store, q, NULL);
      if (last_cpu_ms < 10)
        break;
    }
  g_clear_pointer (&q->text, g_free);
  g_usleep (G_USEC_PER_SEC / 2);
}

int
main (int   argc,
      char *argv[])
{
  static const VtSupplierSort sorts[] = {
    VT_SUPPLIER_SORT_PROVINCE, VT_SUPPLIER_SORT_READINESS, VT_SUPPLIER_SORT_UPDATED,
    VT_SUPPLIER_SORT_STAGE, VT_SUPPLIER_SORT_SECTOR, VT_SUPPLIER_SORT_LAST_VISIT,
    VT_SUPPLIER_SORT_NEXT_VISIT, VT_SUPPLIER_SORT_NAME,
  };
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(GArray) open = new_times ();
  g_autoptr(GArray) first = new_times ();
  g_autoptr(GArray) typing = new_times ();
  g_autoptr(GArray) filters = new_times ();
  g_autoptr(GArray) sorting = new_times ();
  g_autoptr(GArray) typing_filtered = new_times ();
  g_autoptr(GArray) typing_sorted = new_times ();
  guint64 total = 0;

  if (argc != 2 || !g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Usage: %s DATABASE (made by vt-bench-generate)\n", argv[0]);
      return 2;
    }
  q->page_size = PAGE_SIZE;

  /* Opening the file and showing the first page, as the window does. */
  for (guint i = 0; i < 7; i++)
    {
      gint64 start;
      double cpu_start;

      g_clear_object (&store);
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      store = vt_store_open_sync (argv[1], VT_STORE_OPEN_NONE, NULL, &error);
      check (store != NULL, error);
      time_query (store, q, &total);
      last_cpu_ms = cpu_ms () - cpu_start;
      add_time (open, ms_since (start));
    }
  printf ("%" G_GUINT64_FORMAT " suppliers\n", total);
  g_string_append_printf (json, "\"suppliers\": %" G_GUINT64_FORMAT, total);
  report (json, "open_first_page", "open + first page", open, 50, FALSE);

  for (guint i = 0; i < 30; i++)
    add_time (first, time_query (store, q, NULL));
  report (json, "first_page", "first page, warm", first, 0, FALSE);

  wait_for_search_cache (store, q);
  time_typing (store, q, typing);
  report (json, "search", "search, per keystroke", typing, 16, TRUE);

  /* Filters: one most suppliers pass, one few pass, and the others. */
  for (guint rep = 0; rep < 3; rep++)
    {
      q->stage = VT_STAGE_RECEIVED;
      add_time (filters, time_query (store, q, NULL));
      q->stage = VT_STAGE_SELECTED;
      add_time (filters, time_query (store, q, NULL));
      q->stage = -1;
      q->sector = VT_SECTOR_AUTOMOTIVE;
      add_time (filters, time_query (store, q, NULL));
      q->sector = -1;
      q->province_code = g_strdup ("79");
      add_time (filters, time_query (store, q, NULL));
      q->stage = VT_STAGE_SHORTLISTED;
      add_time (filters, time_query (store, q, NULL));
      g_clear_pointer (&q->province_code, g_free);
      q->stage = -1;
      add_time (filters, time_query (store, q, NULL));
    }
  report (json, "filter", "change a filter", filters, 50, FALSE);

  for (guint rep = 0; rep < 2; rep++)
    for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
      {
        q->sort = sorts[i];
        q->descending = rep == 1;
        add_time (sorting, time_query (store, q, NULL));
      }
  report (json, "sort", "change the sort", sorting, 50, FALSE);
  q->descending = FALSE;
  q->sort = VT_SUPPLIER_SORT_NAME;

  q->stage = VT_STAGE_RECEIVED;
  time_typing (store, q, typing_filtered);
  report (json, "search_dense_filter", "search + stage filter (dense)", typing_filtered, 16, TRUE);
  q->stage = -1;

  q->sort = VT_SUPPLIER_SORT_READINESS;
  q->descending = TRUE;
  time_typing (store, q, typing_sorted);
  report (json, "search_by_readiness", "search sorted by readiness", typing_sorted, 16, TRUE);

  g_string_append_c (json, '}');
  printf ("%s\n", json->str);
  return 0;
}
