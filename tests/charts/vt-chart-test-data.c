/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-test-data.c: deterministic chart data, from empty to extreme.
 *
 * "Normal" follows a VITASK round: 40 dossiers, 24 first visits, 16
 * finalists, ten criteria, visits from August to December.
 */

#include "config.h"

#include "vt-chart-test-data.h"

static const char * const criteria[] = {
  "품질 시스템", "Năng lực sản xuất", "Technology and engineering", "납기", "Chi phí",
  "경영 및 인력", "Tài chính", "Môi trường, sức khỏe và an toàn", "디지털화",
  "Kinh nghiệm với khách hàng và xuất khẩu",
};

static const char * const provinces[] = {
  "Hà Nội", "Bắc Ninh", "Hải Phòng", "Thành phố Hồ Chí Minh", "Hưng Yên", "Thái Nguyên",
  "Phú Thọ", "Quảng Ninh", "Đồng Nai", "Ninh Bình", "Đà Nẵng", "Tây Ninh",
};

const char *
vt_test_chart_name (VtTestChart chart)
{
  static const char * const names[] = {
    "funnel", "ranking", "heatmap", "provinces", "sectors", "timeline", "radar", "progress",
  };
  return names[chart];
}

const char *
vt_test_data_name (VtTestData data)
{
  static const char * const names[] = { "empty", "one", "equal", "normal", "many", "long" };
  return names[data];
}

guint
vt_test_data_suppliers (VtTestData data)
{
  switch (data)
    {
    case VT_TEST_DATA_EMPTY:
      return 0;
    case VT_TEST_DATA_ONE:
      return 1;
    case VT_TEST_DATA_MANY:
      return 200;
    case VT_TEST_DATA_EQUAL:
    case VT_TEST_DATA_NORMAL:
    case VT_TEST_DATA_LONG:
    case VT_TEST_N_DATA:
    default:
      return 24;
    }
}

static char *
supplier_name (VtTestData data,
               guint      i)
{
  if (data == VT_TEST_DATA_LONG)
    return g_strdup (i % 2 ? VT_TEST_LONG_KO : VT_TEST_LONG_VI);
  if (i % 3 == 1)
    return g_strdup_printf ("한국정밀 비나 %u", i + 1);
  return g_strdup_printf ("Công ty Cơ khí Đức Thành %u", i + 1);
}

/* A score level 0-5 per supplier and criterion, spread like a round. */
static int
score_for (VtTestData data,
           guint      i,
           guint      j)
{
  if (data == VT_TEST_DATA_EQUAL)
    return 3;
  return (int) ((i * 7 + j * 3 + (i * j) % 5) % 6);
}

static double
index_for (VtTestData data,
           guint      i,
           guint      n)
{
  if (data == VT_TEST_DATA_EQUAL)
    return 60;
  return 95.0 - 70.0 * i / MAX (n, 1) - (i % 3) * 1.5;
}

static VtChartBand
band_for (double index)
{
  return index >= 80 ? VT_CHART_BAND_READY : index >= 60 ? VT_CHART_BAND_CONDITIONAL : VT_CHART_BAND_NOT_READY;
}

static VtChart *
funnel (VtTestData data)
{
  VtChartFunnel *f = vt_chart_funnel_new ("Pipeline · 공급업체 · Nhà cung cấp", "Round 2025");
  guint n = vt_test_data_suppliers (data);

  if (data == VT_TEST_DATA_EMPTY)
    return vt_chart_funnel_wrap (f);
  if (data == VT_TEST_DATA_EQUAL)
    n = 16;
  vt_chart_funnel_add_stage (f, data == VT_TEST_DATA_LONG ? VT_TEST_LONG_VI : "Hồ sơ đã nhận", n * 40 / 24, n * 40 / 24);
  vt_chart_funnel_add_stage (f, data == VT_TEST_DATA_LONG ? VT_TEST_LONG_KO : "심사 완료", n * 40 / 24, -1);
  vt_chart_funnel_add_stage (f, "First visit done", data == VT_TEST_DATA_EQUAL ? n * 40 / 24 : n, n);
  vt_chart_funnel_add_stage (f, "Second visit done", data == VT_TEST_DATA_EQUAL ? n * 40 / 24 : n * 16 / 24, -1);
  vt_chart_funnel_add_stage (f, "Selected", data == VT_TEST_DATA_EQUAL ? n * 40 / 24 : n * 16 / 24, n * 12 / 24);
  return vt_chart_funnel_wrap (f);
}

static VtChart *
ranking (VtTestData data)
{
  VtChartRanking *r = vt_chart_ranking_new ("Ranking · 순위 · Xếp hạng", NULL);
  guint n = vt_test_data_suppliers (data);

  r->ready_at = 80;
  r->conditional_at = 60;
  r->cut = n * 2 / 3;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = supplier_name (data, i);
      double index = index_for (data, i, n);

      vt_chart_ranking_add (r, name, index, band_for (index));
    }
  vt_chart_ranking_sort (r);
  return vt_chart_ranking_wrap (r);
}

static VtChart *
heatmap (VtTestData data)
{
  VtChartHeatmap *h = vt_chart_heatmap_new ("Criteria · 기준 · Tiêu chí", NULL, 5);
  guint n = vt_test_data_suppliers (data);

  if (data == VT_TEST_DATA_EMPTY)
    return vt_chart_heatmap_wrap (h);
  for (guint j = 0; j < G_N_ELEMENTS (criteria); j++)
    vt_chart_heatmap_add_column (h, data == VT_TEST_DATA_LONG && j == 0 ? VT_TEST_LONG_KO : criteria[j]);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = supplier_name (data, i);
      int *scores = vt_chart_heatmap_add_row (h, name);

      for (guint j = 0; j < G_N_ELEMENTS (criteria); j++)
        scores[j] = (i + j) % 11 == 10 ? -1 : score_for (data, i, j);
    }
  return vt_chart_heatmap_wrap (h);
}

static VtChart *
distribution (VtTestData data,
              gboolean   by_province)
{
  VtChartDistribution *d = vt_chart_distribution_new (by_province ? "Tỉnh/thành · 성(省)" : "Sector · 업종",
                                                      NULL, "Dossiers", "Selected");
  guint n = vt_test_data_suppliers (data);
  guint groups = by_province ? (data == VT_TEST_DATA_MANY ? 34 : G_N_ELEMENTS (provinces)) : 3;

  for (guint g = 0; g < groups && n > 0; g++)
    {
      g_autofree char *label = NULL;
      int count = data == VT_TEST_DATA_EQUAL ? 5 : (int) (n / (g + 2)) + (data == VT_TEST_DATA_ONE && g == 0);

      if (data == VT_TEST_DATA_LONG)
        label = g_strdup (g % 2 ? VT_TEST_LONG_KO : VT_TEST_LONG_VI);
      else if (by_province)
        label = g < G_N_ELEMENTS (provinces) ? g_strdup (provinces[g]) : g_strdup_printf ("Tỉnh %u", g + 1);
      else
        label = g_strdup (g == 0 ? "Ô tô" : g == 1 ? "전기전자" : "Other");
      vt_chart_distribution_add (d, label, count, count / 2);
    }
  vt_chart_distribution_sort (d);
  return vt_chart_distribution_wrap (d);
}

static VtChart *
timeline (VtTestData data)
{
  VtChartTimeline *t = vt_chart_timeline_new ("Visits · 방문 · Khảo sát", NULL);

  vt_chart_timeline_add_kind (t, data == VT_TEST_DATA_LONG ? VT_TEST_LONG_VI : "Lần khảo sát đầu");
  vt_chart_timeline_add_kind (t, data == VT_TEST_DATA_LONG ? VT_TEST_LONG_KO : "2차 방문");
  vt_chart_timeline_add_kind (t, "Follow-up");
  vt_chart_timeline_add_kind (t, "Hỗ trợ kỹ thuật");
  if (data == VT_TEST_DATA_EMPTY)
    return vt_chart_timeline_wrap (t);
  if (data == VT_TEST_DATA_ONE)
    {
      vt_chart_timeline_add (t, 2025, 8, 0, 1);
      return vt_chart_timeline_wrap (t);
    }
  if (data == VT_TEST_DATA_MANY)
    {
      /* Three years of visits of a big programme. */
      for (guint m = 0; m < 36; m++)
        for (guint k = 0; k < 4; k++)
          vt_chart_timeline_add (t, 2024 + m / 12, m % 12 + 1, k, (int) ((m * 5 + k * 3) % 17));
      return vt_chart_timeline_wrap (t);
    }
  /* August 6 first visits and 4 second, September 10 first, and so on:
   * the largest month has 10, so the axis runs to exactly 10. */
  vt_chart_timeline_add (t, 2025, 8, 0, data == VT_TEST_DATA_EQUAL ? 5 : 6);
  vt_chart_timeline_add (t, 2025, 8, 1, data == VT_TEST_DATA_EQUAL ? 5 : 4);
  vt_chart_timeline_add (t, 2025, 9, 0, data == VT_TEST_DATA_EQUAL ? 10 : 8);
  vt_chart_timeline_add (t, 2025, 10, 1, data == VT_TEST_DATA_EQUAL ? 10 : 6);
  vt_chart_timeline_add (t, 2025, 12, 2, data == VT_TEST_DATA_EQUAL ? 10 : 2);
  vt_chart_timeline_add (t, 2026, 1, 3, data == VT_TEST_DATA_EQUAL ? 10 : 5);
  return vt_chart_timeline_wrap (t);
}

static VtChart *
radar (VtTestData data)
{
  VtChartRadar *r = vt_chart_radar_new (data == VT_TEST_DATA_LONG ? VT_TEST_LONG_VI : "Radar · 준비도", NULL, 5);
  double *latest, *previous, *median;

  if (data == VT_TEST_DATA_EMPTY)
    return vt_chart_radar_wrap (r);
  for (guint j = 0; j < G_N_ELEMENTS (criteria); j++)
    vt_chart_radar_add_axis (r, data == VT_TEST_DATA_LONG ? (j % 2 ? VT_TEST_LONG_KO : VT_TEST_LONG_VI) : criteria[j]);
  latest = vt_chart_radar_add_series (r, "Latest · 최근", FALSE);
  if (data == VT_TEST_DATA_ONE)
    {
      latest[0] = 3;
      return vt_chart_radar_wrap (r);
    }
  previous = vt_chart_radar_add_series (r, "Previous · 이전", FALSE);
  median = vt_chart_radar_add_series (r, "Round median · Trung vị", TRUE);
  for (guint j = 0; j < G_N_ELEMENTS (criteria); j++)
    {
      latest[j] = data == VT_TEST_DATA_EQUAL ? 3 : MIN (score_for (data, 1, j) + 1, 5);
      previous[j] = data == VT_TEST_DATA_EQUAL ? 3 : score_for (data, 1, j);
      median[j] = data == VT_TEST_DATA_EQUAL ? 3 : 2.5 + (j % 3) * 0.5;
    }
  return vt_chart_radar_wrap (r);
}

static VtChart *
progress (VtTestData data)
{
  VtChartProgress *p = vt_chart_progress_new ("Progress · 진척 · Tiến độ", NULL);
  guint n = data == VT_TEST_DATA_EMPTY ? 0 : data == VT_TEST_DATA_ONE ? 1 : data == VT_TEST_DATA_MANY ? 60 : 4;

  p->ready_at = 80;
  p->conditional_at = 60;
  for (guint i = 0; i < n; i++)
    {
      GDate date;
      double index = data == VT_TEST_DATA_EQUAL ? 70 : 45 + 10.0 * i * 4 / n;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2024);
      g_date_add_days (&date, i * 45);
      vt_chart_progress_add (p, &date, index, band_for (index),
                             data == VT_TEST_DATA_LONG ? VT_TEST_LONG_KO : "1차 방문");
    }
  return vt_chart_progress_wrap (p);
}

VtChart *
vt_test_chart_new (VtTestChart chart,
                   VtTestData  data)
{
  switch (chart)
    {
    case VT_TEST_CHART_FUNNEL:
      return funnel (data);
    case VT_TEST_CHART_RANKING:
      return ranking (data);
    case VT_TEST_CHART_HEATMAP:
      return heatmap (data);
    case VT_TEST_CHART_PROVINCES:
      return distribution (data, TRUE);
    case VT_TEST_CHART_SECTORS:
      return distribution (data, FALSE);
    case VT_TEST_CHART_TIMELINE:
      return timeline (data);
    case VT_TEST_CHART_RADAR:
      return radar (data);
    case VT_TEST_CHART_PROGRESS:
      return progress (data);
    case VT_TEST_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}
