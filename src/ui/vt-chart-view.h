/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-view.h: a widget that draws a VtChart. */
#pragma once

#include <gtk/gtk.h>

#include "vt-chart.h"

G_BEGIN_DECLS

#define VT_TYPE_CHART_VIEW (vt_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (VtChartView, vt_chart_view, VT, CHART_VIEW, GtkWidget)

GtkWidget    *vt_chart_view_new            (void);
VtChart      *vt_chart_view_get_chart      (VtChartView *self);
void          vt_chart_view_set_chart      (VtChartView *self,
                                            VtChart     *chart);
gboolean      vt_chart_view_get_show_table (VtChartView *self);
void          vt_chart_view_set_show_table (VtChartView *self,
                                            gboolean     show_table);
VtChartStyle *vt_chart_view_dup_style      (VtChartView *self);
guint         vt_chart_view_get_n_renders  (VtChartView *self);
const char   *vt_chart_view_query_tooltip  (VtChartView *self,
                                            double       x,
                                            double       y);

G_END_DECLS
