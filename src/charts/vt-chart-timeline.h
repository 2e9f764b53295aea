/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-timeline.h: visits per month, stacked by kind. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

typedef struct
{
  int year;
  int month;                    /* 1-12 */
  int counts[VT_CHART_N_SERIES];
} VtChartTimelineMonth;

/**
 * VtChartTimeline:
 * @kinds: the names of the stacked series, at most %VT_CHART_N_SERIES
 * @months: consecutive months, earliest first
 */
typedef struct
{
  char      *title;
  char      *subtitle;
  GPtrArray *kinds;
  GArray    *months;
} VtChartTimeline;

extern const VtChartClass vt_chart_timeline_class;

VtChartTimeline *vt_chart_timeline_new       (const char            *title,
                                              const char            *subtitle);
void             vt_chart_timeline_free      (VtChartTimeline       *timeline);
void             vt_chart_timeline_add_kind  (VtChartTimeline       *timeline,
                                              const char            *name);
void             vt_chart_timeline_add       (VtChartTimeline       *timeline,
                                              int                    year,
                                              int                    month,
                                              guint                  kind,
                                              int                    count);
void             vt_chart_timeline_draw      (cairo_t               *cr,
                                              const VtChartTimeline *timeline,
                                              double                 width,
                                              double                 height,
                                              const VtChartStyle    *style,
                                              VtChartHits           *hits);
VtChartTable    *vt_chart_timeline_describe  (const VtChartTimeline *timeline);
VtChart         *vt_chart_timeline_wrap      (VtChartTimeline       *timeline);
char            *vt_chart_format_month       (int                    year,
                                              int                    month,
                                              gboolean               with_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartTimeline, vt_chart_timeline_free)

G_END_DECLS
