/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-heatmap.h: the criteria heatmap, suppliers × criteria. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/* @scores has one score per column (0 to the column's top, or -1 when
 * not scored). */
typedef struct
{
  char *name;
  int  *scores;
} VtChartHeatmapRow;

typedef struct
{
  char      *title;
  char      *subtitle;
  GPtrArray *columns;           /* criterion names */
  GArray    *column_max;        /* int: the top of each column's scale */
  GArray    *rows;              /* VtChartHeatmapRow */
  int        max_score;
} VtChartHeatmap;

extern const VtChartClass vt_chart_heatmap_class;

VtChartHeatmap *vt_chart_heatmap_new        (const char           *title,
                                             const char           *subtitle,
                                             int                   max_score);
void            vt_chart_heatmap_free       (VtChartHeatmap       *heatmap);
void            vt_chart_heatmap_add_column (VtChartHeatmap       *heatmap,
                                             const char           *name);
void            vt_chart_heatmap_add_scaled_column (VtChartHeatmap *heatmap,
                                                    const char     *name,
                                                    int             max_score);
int            *vt_chart_heatmap_add_row    (VtChartHeatmap       *heatmap,
                                             const char           *name);
void            vt_chart_heatmap_draw       (cairo_t              *cr,
                                             const VtChartHeatmap *heatmap,
                                             double                width,
                                             double                height,
                                             const VtChartStyle   *style,
                                             VtChartHits          *hits);
VtChartTable   *vt_chart_heatmap_describe   (const VtChartHeatmap *heatmap);
VtChart        *vt_chart_heatmap_wrap       (VtChartHeatmap       *heatmap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartHeatmap, vt_chart_heatmap_free)

G_END_DECLS
