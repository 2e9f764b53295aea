/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-progress.h: one supplier's readiness index over time. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/* @label says what the point is (e.g. the visit kind); may be %NULL. */
typedef struct
{
  GDate        date;
  double       index;
  VtChartBand  band;
  char        *label;
} VtChartProgressPoint;

/**
 * VtChartProgress:
 * @points: earliest first
 * @ready_at, @conditional_at: where the bands start, shaded behind the
 *   line; -1 to leave out
 */
typedef struct
{
  char   *title;
  char   *subtitle;
  GArray *points;
  double  ready_at;
  double  conditional_at;
} VtChartProgress;

extern const VtChartClass vt_chart_progress_class;

VtChartProgress *vt_chart_progress_new      (const char            *title,
                                             const char            *subtitle);
void             vt_chart_progress_free     (VtChartProgress       *progress);
void             vt_chart_progress_add      (VtChartProgress       *progress,
                                             const GDate           *date,
                                             double                 index,
                                             VtChartBand            band,
                                             const char            *label);
void             vt_chart_progress_draw     (cairo_t               *cr,
                                             const VtChartProgress *progress,
                                             double                 width,
                                             double                 height,
                                             const VtChartStyle    *style,
                                             VtChartHits           *hits);
VtChartTable    *vt_chart_progress_describe (const VtChartProgress *progress);
VtChart         *vt_chart_progress_wrap     (VtChartProgress       *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartProgress, vt_chart_progress_free)

G_END_DECLS
