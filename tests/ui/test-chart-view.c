/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-view.c: the chart widget, the Readiness page and the
 * supplier charts, in real windows under Xvfb. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vt-chart-view.h"
#include "vt-charts.h"
#include "vt-readiness-page.h"
#include "vt-round-charts.h"
#include "vt-supplier-charts.h"

static void
wait_until (gboolean (*ready) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!ready (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
rendered (gpointer data)
{
  return vt_chart_view_get_n_renders (data) > 0;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static VtChart *
small_funnel (void)
{
  VtChartFunnel *f = vt_chart_funnel_new ("Quy trình", NULL);

  vt_chart_funnel_add_stage (f, "Hồ sơ", 40, 40);
  vt_chart_funnel_add_stage (f, "1차 방문", 24, 24);
  vt_chart_funnel_add_stage (f, "Được chọn", 16, 12);
  return vt_chart_funnel_wrap (f);
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Properties notify once per change, the chart is drawn once and kept
 * until the chart or the size changes, tooltips come from the chart's
 * marks, and the table shows the chart's numbers. */
static void
test_chart_view (void)
{
  GtkWidget *window = gtk_window_new ();
  VtChartView *view = VT_CHART_VIEW (vt_chart_view_new ());
  g_autoptr(VtChart) chart = small_funnel ();
  g_autoptr(VtChart) other = small_funnel ();
  guint chart_notes = 0, table_notes = 0, renders;
  GtkWidget *scrolled, *grid;
  guint cells = 0;
  gboolean found_tip = FALSE;

  g_object_ref_sink (view);
  g_signal_connect (view, "notify::chart", G_CALLBACK (notify_count), &chart_notes);
  g_signal_connect (view, "notify::show-table", G_CALLBACK (notify_count), &table_notes);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));

  vt_chart_view_set_chart (view, chart);
  vt_chart_view_set_chart (view, chart);
  g_assert_cmpuint (chart_notes, ==, 1);
  g_assert_true (vt_chart_view_get_chart (view) == chart);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (rendered, view);
  spin (200);
  renders = vt_chart_view_get_n_renders (view);
  g_assert_cmpuint (renders, ==, 1);

  /* Redrawing without a change uses the cached node. */
  gtk_widget_queue_draw (GTK_WIDGET (view));
  spin (200);
  g_assert_cmpuint (vt_chart_view_get_n_renders (view), ==, renders);

  /* The centre of the first bar has its tooltip. */
  for (int y = 0; y < gtk_widget_get_height (GTK_WIDGET (view)) && !found_tip; y++)
    {
      const char *tip = vt_chart_view_query_tooltip (view, gtk_widget_get_width (GTK_WIDGET (view)) * 0.6, y);

      if (tip != NULL && g_str_has_prefix (tip, "Hồ sơ"))
        found_tip = TRUE;
    }
  g_assert_true (found_tip);

  /* A new chart is drawn again. */
  vt_chart_view_set_chart (view, other);
  g_assert_cmpuint (chart_notes, ==, 2);
  spin (300);
  g_assert_cmpuint (vt_chart_view_get_n_renders (view), ==, renders + 1);

  /* A new size too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 460);
  gtk_widget_set_size_request (GTK_WIDGET (view), 700, 460);
  spin (400);
  g_assert_cmpuint (vt_chart_view_get_n_renders (view), >=, renders + 2);

  /* The table: a summary, 3 headings and 3 rows of 3 cells. */
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.show-table", NULL);
  g_assert_true (vt_chart_view_get_show_table (view));
  g_assert_cmpuint (table_notes, ==, 1);
  scrolled = gtk_widget_get_first_child (GTK_WIDGET (view));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_get_visible (scrolled));
  grid = gtk_widget_get_first_child (gtk_widget_get_first_child (scrolled));
  grid = GTK_IS_GRID (grid) ? grid : gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (grid))
    grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
  g_assert_true (GTK_IS_GRID (grid));
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    cells++;
  g_assert_cmpuint (cells, ==, 1 + 3 + 3 * 3);
  g_assert_null (vt_chart_view_query_tooltip (view, 100, 100));
  vt_chart_view_set_show_table (view, FALSE);
  g_assert_cmpuint (table_notes, ==, 2);

  /* Without a chart there is nothing to export. */
  vt_chart_view_set_chart (view, NULL);
  g_assert_null (vt_chart_view_get_chart (view));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

/* The style follows the theme: dark has a dark background. */
static void
test_chart_view_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = vt_chart_view_new ();
  g_autoptr(VtChartStyle) light = NULL;
  g_autoptr(VtChartStyle) dark = NULL;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin (200);
  light = vt_chart_view_dup_style (VT_CHART_VIEW (view));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spin (200);
  dark = vt_chart_view_dup_style (VT_CHART_VIEW (view));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpfloat (light->background.red + light->background.green + light->background.blue, >, 2.0);
  g_assert_cmpfloat (dark->background.red + dark->background.green + dark->background.blue, <, 1.0);
  g_assert_cmpfloat (dark->foreground.red, >, 0.8);
  g_assert_false (vt_chart_style_equal (light, dark));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *page;
  GtkWidget *charts;
} Pages;

static gboolean
page_ready (gpointer data)
{
  return g_strcmp0 (vt_readiness_page_get_state (data), "charts") == 0;
}

static gboolean
radar_ready (gpointer data)
{
  return vt_chart_view_get_chart (VT_CHART_VIEW (vt_supplier_charts_get_radar (data))) != NULL
         && vt_chart_view_get_chart (VT_CHART_VIEW (vt_supplier_charts_get_progress (data))) != NULL;
}

/* The Readiness page shows the sample round; the supplier charts show a
 * finalist's radar against its previous assessment and the median. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-charts-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = vt_readiness_page_new ();
  GtkWidget *charts = vt_supplier_charts_new ();
  g_autoptr(VtRoundStats) stats = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  const VtChartRanking *ranking;
  const VtChartRadar *radar;

  g_assert_no_error (error);
  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  stats = vt_store_get_round_stats_sync (store, ((VtRound *) g_ptr_array_index (rounds, 0))->id, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_set_size_request (page, 900, 600);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), charts);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  vt_readiness_page_set_store (VT_READINESS_PAGE (page), store);
  wait_until (page_ready, page);
  ranking = vt_chart_get_data (vt_chart_view_get_chart (VT_CHART_VIEW (
              vt_readiness_page_get_chart_view (VT_READINESS_PAGE (page), VT_ROUND_CHART_RANKING))));
  g_assert_cmpuint (ranking->entries->len, ==, 24);
  g_assert_cmpint (ranking->cut, ==, 16);
  /* The ranking grows to give each of the 24 suppliers a line. */
  g_assert_cmpint (vt_readiness_page_chart_height (24), >, 420);

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);

      if (vt_round_supplier_is_selected (s))
        {
          vt_supplier_charts_set_store (VT_SUPPLIER_CHARTS (charts), store);
          vt_supplier_charts_set_uuid (VT_SUPPLIER_CHARTS (charts), s->uuid);
          break;
        }
    }
  wait_until (radar_ready, charts);
  radar = vt_chart_get_data (vt_chart_view_get_chart (VT_CHART_VIEW (vt_supplier_charts_get_radar (VT_SUPPLIER_CHARTS (charts)))));
  g_assert_cmpuint (radar->series->len, ==, 3);
  g_assert_cmpuint (radar->axes->len, >=, 10);

  gtk_window_destroy (GTK_WINDOW (window));
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/chart-view/basics", test_chart_view);
  g_test_add_func ("/ui/chart-view/style", test_chart_view_style);
  g_test_add_func ("/ui/chart-view/pages", test_pages);
  return g_test_run ();
}
