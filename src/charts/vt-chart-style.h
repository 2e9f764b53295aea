/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-style.h: the colours and font a chart is drawn with.
 *
 * A plain record so that charts can be drawn without GTK: the chart
 * widget fills it from the current style (light, dark, high contrast),
 * exports and tests use one of the presets.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} VtChartColor;

#define VT_CHART_N_SERIES 4

/* Translates a word a chart writes itself (a legend, a note); @context
 * may be %NULL. Returns a string that lives as long as the process. A
 * format keeps its conversions: a hook that joins two languages makes
 * them positional (%1$d). */
typedef const char *(*VtChartTranslateFunc) (const char *context,
                                             const char *msgid,
                                             gpointer    user_data);

/**
 * VtChartStyle:
 * @foreground: text and axis lines
 * @secondary: less important text (ticks, units)
 * @background: filled behind the whole chart; alpha 0 leaves it clear
 * @grid: grid lines and empty tracks
 * @accent: the highlighted series (the supplier, the selection)
 * @ready, @conditional, @not_ready: the colours of the readiness bands
 * @series: further series (previous assessment, median, visit kinds)
 * @font: the base font; titles and labels are sized from it
 * @scale: how many device pixels a unit is, for line widths that stay
 *   crisp (the widget's scale factor; 1 for vector output)
 * @high_contrast: thicker lines and no translucent fills
 * @translate: (nullable): how the charts' own words are translated, for
 *   slides in two languages; %NULL for the interface's language
 */
typedef struct
{
  VtChartColor          foreground;
  VtChartColor          secondary;
  VtChartColor          background;
  VtChartColor          grid;
  VtChartColor          accent;
  VtChartColor          ready;
  VtChartColor          conditional;
  VtChartColor          not_ready;
  VtChartColor          series[VT_CHART_N_SERIES];
  PangoFontDescription *font;
  double                scale;
  gboolean              high_contrast;
  VtChartTranslateFunc  translate;
  gpointer              translate_data;
} VtChartStyle;

VtChartStyle *vt_chart_style_new         (gboolean            dark,
                                          gboolean            high_contrast);
VtChartStyle *vt_chart_style_copy        (const VtChartStyle *style);
void          vt_chart_style_free        (VtChartStyle       *style);
gboolean      vt_chart_style_equal       (const VtChartStyle *a,
                                          const VtChartStyle *b);
void          vt_chart_style_set_font    (VtChartStyle       *style,
                                          const char         *font);
const char   *vt_chart_style_translate   (const VtChartStyle *style,
                                          const char         *context,
                                          const char         *msgid) G_GNUC_FORMAT (3);
void          vt_chart_color_parse       (VtChartColor       *color,
                                          const char         *spec);
PangoContext *vt_chart_create_pango_context (cairo_t            *cr);
const char   *vt_chart_get_latin_family  (void);
VtChartColor  vt_chart_color_mix         (const VtChartColor *a,
                                          const VtChartColor *b,
                                          double              amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtChartStyle, vt_chart_style_free)

G_END_DECLS
