/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart.h: a chart to draw, whatever its kind.
 *
 * Each kind of chart is a plain data struct with a draw function over a
 * cairo_t (vt-chart-funnel.h and its siblings). VtChart wraps one of them
 * so that the chart widget, the exporters and the command line can draw,
 * hit-test and describe any chart the same way.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "vt-chart-style.h"

G_BEGIN_DECLS

/* The readiness bands as charts colour them. */
typedef enum
{
  VT_CHART_BAND_NONE,
  VT_CHART_BAND_NOT_READY,
  VT_CHART_BAND_CONDITIONAL,
  VT_CHART_BAND_READY,
} VtChartBand;

typedef struct _VtChart      VtChart;
typedef struct _VtChartHits  VtChartHits;
typedef struct _VtChartTable VtChartTable;

/**
 * VtChartTable:
 * The numbers a chart shows, as text: for screen readers, the table view
 * and copying.
 * @summary: one or two sentences saying what the chart shows
 * @columns: (element-type utf8): column headings
 * @rows: (element-type GStrv): one string per column
 */
struct _VtChartTable
{
  char      *title;
  char      *summary;
  GPtrArray *columns;
  GPtrArray *rows;
};

typedef void           (*VtChartDrawFunc)     (cairo_t            *cr,
                                               gconstpointer       data,
                                               double              width,
                                               double              height,
                                               const VtChartStyle *style,
                                               VtChartHits        *hits);
typedef VtChartTable  *(*VtChartDescribeFunc) (gconstpointer       data);

/**
 * VtChartClass:
 * What each kind of chart provides to VtChart.
 */
typedef struct
{
  const char          *id;
  VtChartDrawFunc      draw;
  VtChartDescribeFunc  describe;
  GDestroyNotify       free;
} VtChartClass;

#define VT_TYPE_CHART (vt_chart_get_type ())

GType         vt_chart_get_type      (void) G_GNUC_CONST;
VtChart      *vt_chart_new           (const VtChartClass *klass,
                                      gpointer            data);
VtChart      *vt_chart_ref           (VtChart            *chart);
void          vt_chart_unref         (VtChart            *chart);
const char   *vt_chart_get_id        (VtChart            *chart);
gconstpointer vt_chart_get_data      (VtChart            *chart);
void          vt_chart_draw          (VtChart            *chart,
                                      cairo_t            *cr,
                                      double              width,
                                      double              height,
                                      const VtChartStyle *style,
                                      VtChartHits        *hits);
VtChartTable *vt_chart_describe      (VtChart            *chart);

const char   *vt_chart_band_get_name (VtChartBand         band);
const char   *vt_chart_band_get_name_in (const VtChartStyle *style,
                                      VtChartBand         band);

VtChartHits  *vt_chart_hits_new      (void);
void          vt_chart_hits_free     (VtChartHits        *hits);
void          vt_chart_hits_clear    (VtChartHits        *hits);
void          vt_chart_hits_add      (VtChartHits        *hits,
                                      double              x,
                                      double              y,
                                      double              width,
                                      double              height,
                                      const char         *text);
const char   *vt_chart_hits_lookup   (VtChartHits        *hits,
                                      double              x,
                                      double              y);
guint         vt_chart_hits_get_size (VtChartHits        *hits);

VtChartTable *vt_chart_table_new     (const char         *title,
                                      const char         *summary);
void          vt_chart_table_free    (VtChartTable       *table);
void          vt_chart_table_add_column (VtChartTable    *table,
                                      const char         *heading);
void          vt_chart_table_add_row (VtChartTable       *table,
                                      const char         *first,
                                      ...) G_GNUC_NULL_TERMINATED;
char         *vt_chart_table_to_text (const VtChartTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChart, vt_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartHits, vt_chart_hits_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartTable, vt_chart_table_free)

G_END_DECLS
