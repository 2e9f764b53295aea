/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-private.h: drawing helpers shared by the charts. */
#pragma once

#include <pango/pangocairo.h>

#include "vt-chart.h"

G_BEGIN_DECLS

/* Room around the plot, in units of the text size. */
#define VT_CHART_PAD 0.8

/**
 * VtChartCanvas:
 * What a draw function works with: the target, its size, the style and
 * the text size chosen for that size, and the hit rectangles to fill.
 */
typedef struct
{
  cairo_t            *cr;
  double              width;
  double              height;
  const VtChartStyle *style;
  VtChartHits        *hits;
  double              font_scale;
  double              em;           /* the height of a line of text */
  double              line;         /* the width of a thin line */
  PangoContext       *pango;
} VtChartCanvas;

void         vt_chart_canvas_clear       (VtChartCanvas      *canvas);
void         vt_chart_canvas_init        (VtChartCanvas      *canvas,
                                          cairo_t            *cr,
                                          double              width,
                                          double              height,
                                          const VtChartStyle *style,
                                          VtChartHits        *hits);
void         vt_chart_set_color          (cairo_t            *cr,
                                          const VtChartColor *color);
void         vt_chart_set_color_alpha    (cairo_t            *cr,
                                          const VtChartColor *color,
                                          double              alpha);
VtChartColor vt_chart_ink_on             (const VtChartColor *fill);
const VtChartColor *vt_chart_band_color  (const VtChartStyle *style,
                                          VtChartBand         band);
double       vt_chart_snap               (VtChartCanvas      *canvas,
                                          double              v,
                                          gboolean            vertical);
void         vt_chart_hline              (VtChartCanvas      *canvas,
                                          double              x0,
                                          double              x1,
                                          double              y);
void         vt_chart_vline              (VtChartCanvas      *canvas,
                                          double              x,
                                          double              y0,
                                          double              y1);
void         vt_chart_snap_rect          (VtChartCanvas      *canvas,
                                          double             *x,
                                          double             *y,
                                          double             *w,
                                          double             *h);
PangoLayout *vt_chart_layout             (VtChartCanvas      *canvas,
                                          const char         *text,
                                          double              size,
                                          gboolean            bold,
                                          double              max_width,
                                          int                 max_lines);
void         vt_chart_show_layout        (VtChartCanvas      *canvas,
                                          PangoLayout        *layout,
                                          double              x,
                                          double              y,
                                          double              xalign,
                                          double              yalign,
                                          const VtChartColor *color);
double       vt_chart_layout_width       (PangoLayout        *layout);
double       vt_chart_layout_height      (PangoLayout        *layout);
double       vt_chart_draw_text          (VtChartCanvas      *canvas,
                                          const char         *text,
                                          double              size,
                                          gboolean            bold,
                                          double              x,
                                          double              y,
                                          double              max_width,
                                          double              xalign,
                                          double              yalign,
                                          const VtChartColor *color);
double       vt_chart_draw_name          (VtChartCanvas      *canvas,
                                          const char         *text,
                                          double              size,
                                          double              x,
                                          double              y,
                                          double              max_width,
                                          double              xalign,
                                          double              yalign,
                                          const VtChartColor *color);
double       vt_chart_draw_header        (VtChartCanvas      *canvas,
                                          const char         *title,
                                          const char         *subtitle);
void         vt_chart_draw_empty         (VtChartCanvas      *canvas,
                                          double              top,
                                          const char         *message);
void         vt_chart_draw_background    (VtChartCanvas      *canvas);
double       vt_chart_nice_step          (double              range,
                                          int                 max_ticks);
char        *vt_chart_format_index       (double              index);
double       vt_chart_draw_legend        (VtChartCanvas      *canvas,
                                          double              x,
                                          double              y,
                                          double              max_width,
                                          const char * const *labels,
                                          const VtChartColor * const *colors,
                                          guint               n);

/* Defines prefix_class and prefix_wrap() for a chart whose data struct
 * has prefix_draw(), prefix_describe() and prefix_free(). */
#define VT_CHART_DEFINE_CLASS(Type, prefix, id)                                  \
  static void                                                                  \
  prefix##_draw_func (cairo_t            *cr,                                  \
                      gconstpointer       data,                                \
                      double              width,                               \
                      double              height,                              \
                      const VtChartStyle *style,                               \
                      VtChartHits        *hits)                                \
  {                                                                            \
    prefix##_draw (cr, data, width, height, style, hits);                      \
  }                                                                            \
  static VtChartTable *                                                        \
  prefix##_describe_func (gconstpointer data)                                  \
  {                                                                            \
    return prefix##_describe (data);                                           \
  }                                                                            \
  const VtChartClass prefix##_class = {                                        \
    id, prefix##_draw_func, prefix##_describe_func, (GDestroyNotify) prefix##_free, \
  };                                                                           \
  VtChart *                                                                    \
  prefix##_wrap (Type *chart_data)                                             \
  {                                                                            \
    return vt_chart_new (&prefix##_class, chart_data);                         \
  }

G_END_DECLS
