/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-funnel.h: the pipeline funnel, counts per stage against targets. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/* @target is -1 when the stage has none. */
typedef struct
{
  char *label;
  int   count;
  int   target;
} VtChartFunnelStage;

typedef struct
{
  char   *title;
  char   *subtitle;
  GArray *stages;               /* VtChartFunnelStage, first stage first */
} VtChartFunnel;

extern const VtChartClass vt_chart_funnel_class;

VtChartFunnel *vt_chart_funnel_new       (const char          *title,
                                          const char          *subtitle);
void           vt_chart_funnel_free      (VtChartFunnel       *funnel);
void           vt_chart_funnel_add_stage (VtChartFunnel       *funnel,
                                          const char          *label,
                                          int                  count,
                                          int                  target);
void           vt_chart_funnel_draw      (cairo_t             *cr,
                                          const VtChartFunnel *funnel,
                                          double               width,
                                          double               height,
                                          const VtChartStyle  *style,
                                          VtChartHits         *hits);
VtChartTable  *vt_chart_funnel_describe  (const VtChartFunnel *funnel);
VtChart       *vt_chart_funnel_wrap      (VtChartFunnel       *funnel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartFunnel, vt_chart_funnel_free)

G_END_DECLS
