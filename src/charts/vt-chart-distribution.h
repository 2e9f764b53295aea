/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-distribution.h: suppliers by province or by sector. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/* @selected is the part of @count that reached the selection. */
typedef struct
{
  char *label;
  int   count;
  int   selected;
} VtChartDistributionEntry;

/**
 * VtChartDistribution:
 * @entries: largest first, as they are drawn; when there are more than
 *   fit, the smallest are drawn together as one "other" bar
 * @selected_label: the legend of the selected part; %NULL for none
 */
typedef struct
{
  char   *title;
  char   *subtitle;
  char   *count_label;
  char   *selected_label;
  GArray *entries;
} VtChartDistribution;

extern const VtChartClass vt_chart_distribution_class;

VtChartDistribution *vt_chart_distribution_new      (const char                *title,
                                                     const char                *subtitle,
                                                     const char                *count_label,
                                                     const char                *selected_label);
void                 vt_chart_distribution_free     (VtChartDistribution       *dist);
void                 vt_chart_distribution_add      (VtChartDistribution       *dist,
                                                     const char                *label,
                                                     int                        count,
                                                     int                        selected);
void                 vt_chart_distribution_sort     (VtChartDistribution       *dist);
void                 vt_chart_distribution_draw     (cairo_t                   *cr,
                                                     const VtChartDistribution *dist,
                                                     double                     width,
                                                     double                     height,
                                                     const VtChartStyle        *style,
                                                     VtChartHits               *hits);
VtChartTable        *vt_chart_distribution_describe (const VtChartDistribution *dist);
VtChart             *vt_chart_distribution_wrap     (VtChartDistribution       *dist);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartDistribution, vt_chart_distribution_free)

G_END_DECLS
