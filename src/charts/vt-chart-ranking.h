/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-ranking.h: the round ranking, bars of the index and the cut. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/* @index is 0-100, or -1 when not assessed. */
typedef struct
{
  char        *name;
  double       index;
  VtChartBand  band;
} VtChartRankingEntry;

/**
 * VtChartRanking:
 * @entries: best first (vt_chart_ranking_sort() puts them in order)
 * @cut: how many are selected: the cut line goes under that many bars;
 *   0 for none
 * @ready_at, @conditional_at: where the bands start on the index scale,
 *   drawn as reference lines; -1 to leave out
 */
typedef struct
{
  char   *title;
  char   *subtitle;
  GArray *entries;
  int     cut;
  double  ready_at;
  double  conditional_at;
} VtChartRanking;

extern const VtChartClass vt_chart_ranking_class;

VtChartRanking *vt_chart_ranking_new       (const char           *title,
                                            const char           *subtitle);
void            vt_chart_ranking_free      (VtChartRanking       *ranking);
void            vt_chart_ranking_add       (VtChartRanking       *ranking,
                                            const char           *name,
                                            double                index,
                                            VtChartBand           band);
void            vt_chart_ranking_sort      (VtChartRanking       *ranking);
void            vt_chart_ranking_draw      (cairo_t              *cr,
                                            const VtChartRanking *ranking,
                                            double                width,
                                            double                height,
                                            const VtChartStyle   *style,
                                            VtChartHits          *hits);
VtChartTable   *vt_chart_ranking_describe  (const VtChartRanking *ranking);
VtChart        *vt_chart_ranking_wrap      (VtChartRanking       *ranking);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartRanking, vt_chart_ranking_free)

G_END_DECLS
