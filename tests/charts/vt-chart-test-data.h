/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-test-data.h: chart data for the tests and the benchmark. */
#pragma once

#include "vt-charts.h"

G_BEGIN_DECLS

typedef enum
{
  VT_TEST_DATA_EMPTY,
  VT_TEST_DATA_ONE,
  VT_TEST_DATA_EQUAL,
  VT_TEST_DATA_NORMAL,
  VT_TEST_DATA_MANY,            /* 200 suppliers */
  VT_TEST_DATA_LONG,            /* 40-character Korean and Vietnamese names */
  VT_TEST_N_DATA,
} VtTestData;

/* 40 characters each. */
#define VT_TEST_LONG_VI "Công ty TNHH Cơ khí Chính xác Việt Thắng"
#define VT_TEST_LONG_KO "한베 자동차부품 정밀가공 협력사 주식회사 하노이 박닌 제이공장 전기전자팀"

typedef enum
{
  VT_TEST_CHART_FUNNEL,
  VT_TEST_CHART_RANKING,
  VT_TEST_CHART_HEATMAP,
  VT_TEST_CHART_PROVINCES,
  VT_TEST_CHART_SECTORS,
  VT_TEST_CHART_TIMELINE,
  VT_TEST_CHART_RADAR,
  VT_TEST_CHART_PROGRESS,
  VT_TEST_N_CHARTS,
} VtTestChart;

const char *vt_test_chart_name     (VtTestChart chart);
const char *vt_test_data_name      (VtTestData  data);
guint       vt_test_data_suppliers (VtTestData  data);
VtChart    *vt_test_chart_new      (VtTestChart chart,
                                    VtTestData  data);

G_END_DECLS
