/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-radar.h: one supplier's scores per criterion, against others. */
#pragma once

#include "vt-chart.h"

G_BEGIN_DECLS

/**
 * VtChartRadarSeries:
 * @values: one per axis, 0 to max_value, or -1 when missing
 * @dashed: drawn as an outline only (a reference such as the median)
 */
typedef struct
{
  char     *label;
  double   *values;
  gboolean  dashed;
} VtChartRadarSeries;

/**
 * VtChartRadar:
 * @axes: criterion names, clockwise from the top
 * @axis_max: (element-type double): the top of each axis's own scale, so
 *   that 8 of 10 and 4 of 5 sit on the same ring
 * @series: the first is the supplier, drawn on top; then the references
 * @max_value: the number of rings, and the top of an axis added without
 *   a scale of its own
 */
typedef struct
{
  char      *title;
  char      *subtitle;
  GPtrArray *axes;
  GArray    *axis_max;
  GArray    *series;
  double     max_value;
} VtChartRadar;

extern const VtChartClass vt_chart_radar_class;

VtChartRadar *vt_chart_radar_new        (const char         *title,
                                         const char         *subtitle,
                                         double              max_value);
void          vt_chart_radar_free       (VtChartRadar       *radar);
void          vt_chart_radar_add_axis   (VtChartRadar       *radar,
                                         const char         *name);
void          vt_chart_radar_add_scaled_axis (VtChartRadar  *radar,
                                              const char    *name,
                                              double         max_value);
double        vt_chart_radar_get_share  (const VtChartRadar *radar,
                                         guint               axis,
                                         double              value);
double       *vt_chart_radar_add_series (VtChartRadar       *radar,
                                         const char         *label,
                                         gboolean            dashed);
void          vt_chart_radar_draw       (cairo_t            *cr,
                                         const VtChartRadar *radar,
                                         double              width,
                                         double              height,
                                         const VtChartStyle *style,
                                         VtChartHits        *hits);
VtChartTable *vt_chart_radar_describe   (const VtChartRadar *radar);
VtChart      *vt_chart_radar_wrap       (VtChartRadar       *radar);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartRadar, vt_chart_radar_free)

G_END_DECLS
