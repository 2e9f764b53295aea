/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bench-charts.c: each chart drawn at 1920×1080 with realistic data.
 *
 * Prints the median and 95th percentile of the time to draw each chart
 * on an image surface, against the target of 8 ms, with the size and
 * data of a slide for a delegation (a round of 24 assessed suppliers, and
 * 200 for the large case).
 */

#include "config.h"

#include <locale.h>

#include "vt-chart-test-data.h"

#define TARGET_MS 8.0
#define RUNS 60

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtChartStyle) style = vt_chart_style_new (FALSE, FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  VtTestData datasets[] = { VT_TEST_DATA_NORMAL, VT_TEST_DATA_LONG, VT_TEST_DATA_MANY };
  guint over = 0;

  setlocale (LC_ALL, "");
  vt_chart_style_set_font (style, "Sans 10");
  g_print ("%-10s %-7s %9s %9s  target %.0f ms\n", "chart", "data", "median", "p95", TARGET_MS);

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (guint c = 0; c < VT_TEST_N_CHARTS; c++)
      {
        g_autoptr(VtChart) chart = vt_test_chart_new (c, datasets[d]);
        g_autoptr(VtChartHits) hits = vt_chart_hits_new ();
        double ms[RUNS];

        for (guint i = 0; i < RUNS + 3; i++)
          {
            cairo_t *cr = cairo_create (surface);
            gint64 start = g_get_monotonic_time ();

            vt_chart_draw (chart, cr, 1920, 1080, style, hits);
            cairo_surface_flush (surface);
            /* The first runs warm the font and glyph caches, as the first
             * frame of a window does. */
            if (i >= 3)
              ms[i - 3] = (g_get_monotonic_time () - start) / 1000.0;
            cairo_destroy (cr);
          }
        qsort (ms, RUNS, sizeof (double), (GCompareFunc) compare_doubles);
        g_print ("%-10s %-7s %6.2f ms %6.2f ms  %s\n", vt_test_chart_name (c), vt_test_data_name (datasets[d]),
                 ms[RUNS / 2], ms[RUNS * 95 / 100], ms[RUNS * 95 / 100] <= TARGET_MS ? "ok" : "OVER");
        if (ms[RUNS / 2] > TARGET_MS)
          over++;
      }
  cairo_surface_destroy (surface);
  g_print ("%u of %u charts over the %.0f ms target (median)\n", over,
           (guint) (G_N_ELEMENTS (datasets) * VT_TEST_N_CHARTS), TARGET_MS);
  return 0;
}
