/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-export.h: a chart to a PNG, SVG or PDF file. */
#pragma once

#include <gio/gio.h>

#include "vt-chart.h"

G_BEGIN_DECLS

typedef enum
{
  VT_CHART_FORMAT_PNG,
  VT_CHART_FORMAT_SVG,
  VT_CHART_FORMAT_PDF,
} VtChartFormat;

gboolean    vt_chart_format_from_path  (const char          *path,
                                        VtChartFormat       *format);
const char *vt_chart_format_get_suffix (VtChartFormat        format);
GBytes     *vt_chart_export_bytes      (VtChart             *chart,
                                        VtChartFormat        format,
                                        double               width,
                                        double               height,
                                        const VtChartStyle  *style,
                                        GError             **error);
gboolean    vt_chart_export_file       (VtChart             *chart,
                                        VtChartFormat        format,
                                        GFile               *file,
                                        double               width,
                                        double               height,
                                        const VtChartStyle  *style,
                                        GCancellable        *cancellable,
                                        GError             **error);

G_END_DECLS
