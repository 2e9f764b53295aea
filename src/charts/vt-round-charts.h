/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-charts.h: the charts of a round and of a supplier, from the store.
 *
 * Turns the core's VtRoundStats and VtSupplierStats into chart data, so
 * that the window, exports and the command line show the same charts.
 * Names are given in @language ("ko", "vi" or "en").
 */
#pragma once

#include "vt-assessment.h"
#include "vt-chart.h"
#include "vt-criteria.h"
#include "vt-readiness.h"
#include "vt-round-stats.h"

G_BEGIN_DECLS

typedef enum
{
  VT_ROUND_CHART_FUNNEL,
  VT_ROUND_CHART_RANKING,
  VT_ROUND_CHART_HEATMAP,
  VT_ROUND_CHART_PROVINCES,
  VT_ROUND_CHART_SECTORS,
  VT_ROUND_CHART_TIMELINE,
  VT_N_ROUND_CHARTS,
} VtRoundChart;

const char  *vt_round_chart_to_string      (VtRoundChart           chart);
gboolean     vt_round_chart_from_string    (const char            *id,
                                            VtRoundChart          *chart);
const char  *vt_chart_language             (void);
VtChartBand  vt_chart_band_from_readiness  (VtReadinessBand        band);
VtChart     *vt_round_chart_new            (const VtRoundStats    *stats,
                                            VtRoundChart           chart,
                                            const char            *language);
VtChart     *vt_supplier_chart_radar       (const VtSupplierStats *stats,
                                            const char            *language);
VtChart     *vt_supplier_chart_progress    (const VtSupplierStats *stats,
                                            const char            *language);

GPtrArray   *vt_round_chart_assessed       (const VtRoundStats    *stats);
const char  *vt_round_chart_supplier_name  (const VtRoundSupplier *supplier,
                                            const char            *language);
void         vt_round_chart_fill_scores    (double                *values,
                                            const VtCriterionSet  *set,
                                            const VtAssessment    *a);
double       vt_round_chart_level_to_points (const VtCriterion    *c,
                                            double                 level);

G_END_DECLS
