/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-import.c: importing a 100 000-row CSV supplier list (target:
 * under 3 s), with the peak memory. Prints the figures. */

#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "vt-import.h"
#include "vt-store.h"

#define DEFAULT_ROWS 100000

static const char * const provinces[] = {
  "Hà Nội", "Bắc Ninh", "Hải Phòng", "TP. Hồ Chí Minh", "Đồng Nai", "Bình Dương", "Hưng Yên", "Đà Nẵng",
};
static const char * const trades[] = {
  "Điện tử", "Linh kiện ô tô", "Cơ khí chính xác", "Khuôn mẫu", "Nhựa kỹ thuật", "Dây cáp điện",
};

/* Processor time of the whole process (both threads), in seconds: on a
 * loaded machine wall time says little. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vt-bench-import-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF" "Tên doanh nghiệp;Mã số thuế;Tỉnh/thành;Năm thành lập;Số lao động;Doanh thu (VNĐ);Lĩnh vực\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) province_list = NULL;
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  gint64 t0, t1, t2, t3;
  double c0, c1, c2, c3;
  long before_kib;
  const char *env = g_getenv ("VT_BENCH_ROWS");
  guint N_ROWS = env ? (guint) atoi (env) : DEFAULT_ROWS;

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (csv, "Công ty TNHH %s Hưng Thịnh số %u;%010u;%s;%u;%u;%u.%03u.000.000;%s\r\n",
                            trades[i % G_N_ELEMENTS (trades)], i, 100000000 + i,
                            provinces[i % G_N_ELEMENTS (provinces)], 1990 + i % 35, 10 + i % 5000,
                            1 + i % 900, i % 1000, i % 2 ? "điện tử" : "ô tô");
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));

  store = vt_store_open_sync (db, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  province_list = vt_store_list_provinces_sync (store, NULL, &error);
  g_assert_no_error (error);
  before_kib = peak_kib ();

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  g_assert_no_error (error);
  mapping = vt_import_guess_mapping (table);
  t1 = g_get_monotonic_time ();
  c1 = cpu_seconds ();
  batch = vt_import_batch_new (table, mapping, province_list);
  g_assert_cmpuint (batch->rejected->len, ==, 0);
  t2 = g_get_monotonic_time ();
  c2 = cpu_seconds ();
  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  t3 = g_get_monotonic_time ();
  c3 = cpu_seconds ();
  g_assert_cmpuint (summary->imported, ==, N_ROWS);

  g_print ("import of %u CSV rows (%.1f MB): %.2f s "
           "(read and detect %.2f s, check rows %.2f s, store %.2f s); "
           "peak memory %.0f MB (%.0f MB before reading)\n",
           N_ROWS, g_bytes_get_size (bytes) / 1e6, (t3 - t0) / 1e6,
           (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
           peak_kib () / 1024.0, before_kib / 1024.0);
  g_print ("processor time: %.2f s (read and detect %.2f s, check rows %.2f s, store %.2f s)\n",
           c3 - c0, c1 - c0, c2 - c1, c3 - c2);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
  }
  g_rmdir (dir);
  return 0;
}
