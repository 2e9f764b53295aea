/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-radar.c: a polygon per series over one axis per criterion.
 *
 * The supplier's latest assessment is filled and drawn last; its previous
 * assessment and the round median are outlines, the median dashed, so
 * that three series stay readable without relying on colour alone.
 * Axis names sit outside the web, aligned away from it, and wrap to two
 * lines within the room left at each side.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vt-chart-private.h"
#include "vt-chart-radar.h"

static void
series_clear (VtChartRadarSeries *series)
{
  g_free (series->label);
  g_free (series->values);
}

VtChartRadar *
vt_chart_radar_new (const char *title,
                    const char *subtitle,
                    double      max_value)
{
  VtChartRadar *self = g_new0 (VtChartRadar, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->axes = g_ptr_array_new_with_free_func (g_free);
  self->axis_max = g_array_new (FALSE, FALSE, sizeof (double));
  self->series = g_array_new (FALSE, TRUE, sizeof (VtChartRadarSeries));
  g_array_set_clear_func (self->series, (GDestroyNotify) series_clear);
  self->max_value = max_value > 0 ? max_value : 5;
  return self;
}

void
vt_chart_radar_free (VtChartRadar *radar)
{
  if (radar == NULL)
    return;
  g_free (radar->title);
  g_free (radar->subtitle);
  g_ptr_array_unref (radar->axes);
  g_array_unref (radar->axis_max);
  g_array_unref (radar->series);
  g_free (radar);
}

/* Add the axes before the series. */
void
vt_chart_radar_add_axis (VtChartRadar *radar,
                         const char   *name)
{
  g_return_if_fail (radar != NULL);
  vt_chart_radar_add_scaled_axis (radar, name, radar->max_value);
}

/**
 * vt_chart_radar_add_scaled_axis:
 * @max_value: the top of this axis's scale (10 for an audit-style
 *   criterion scored 0/4/6/8/10)
 *
 * Values on the axis are in its own points; the chart draws them as a
 * share of @max_value and labels them with it. Add the axes before the
 * series.
 */
void
vt_chart_radar_add_scaled_axis (VtChartRadar *radar,
                                const char   *name,
                                double        max_value)
{
  g_return_if_fail (radar != NULL);
  g_return_if_fail (radar->series->len == 0);

  if (max_value <= 0)
    max_value = radar->max_value;
  g_ptr_array_add (radar->axes, g_strdup (name));
  g_array_append_val (radar->axis_max, max_value);
}

/**
 * vt_chart_radar_get_share:
 *
 * Returns: @value as a share of its axis's top, clamped to 0-1, or -1
 *   when it is missing
 */
double
vt_chart_radar_get_share (const VtChartRadar *radar,
                          guint               axis,
                          double              value)
{
  g_return_val_if_fail (radar != NULL, -1);
  g_return_val_if_fail (axis < radar->axis_max->len, -1);

  if (value < 0)
    return -1;
  return CLAMP (value / g_array_index (radar->axis_max, double, axis), 0, 1);
}

/* "3.5", or "8 of 10" on an axis whose scale is not the chart's. */
static char *
format_value (const VtChartRadar *radar,
              guint               axis,
              double              value)
{
  double top = g_array_index (radar->axis_max, double, axis);

  if (fabs (top - radar->max_value) < 1e-9)
    return g_strdup_printf ("%.1f", value);
  /* TRANSLATORS: a score on a criterion's own scale, e.g. "8 of 10" */
  return g_strdup_printf (C_("score on its scale", "%g of %g"), value, top);
}

/**
 * vt_chart_radar_add_series:
 *
 * Returns: (transfer none): the values, one per axis, all -1; set them in
 *   place
 */
double *
vt_chart_radar_add_series (VtChartRadar *radar,
                           const char   *label,
                           gboolean      dashed)
{
  VtChartRadarSeries series;

  g_return_val_if_fail (radar != NULL, NULL);
  g_return_val_if_fail (radar->series->len < VT_CHART_N_SERIES, NULL);

  series.label = g_strdup (label);
  series.dashed = dashed;
  series.values = g_new (double, MAX (radar->axes->len, 1));
  for (guint i = 0; i < radar->axes->len; i++)
    series.values[i] = -1;
  g_array_append_val (radar->series, series);
  return series.values;
}

static const VtChartColor *
series_color (const VtChartStyle *style,
              guint               i)
{
  static const guint order[] = { 0, 2, 1, 3 };

  return i == 0 ? &style->accent : &style->series[order[i % VT_CHART_N_SERIES]];
}

static void
point (double  cx,
       double  cy,
       double  r,
       guint   i,
       guint   n,
       double *x,
       double *y)
{
  double a = -G_PI / 2 + 2 * G_PI * i / n;

  *x = cx + r * cos (a);
  *y = cy + r * sin (a);
}

void
vt_chart_radar_draw (cairo_t            *cr,
                     const VtChartRadar *radar,
                     double              width,
                     double              height,
                     const VtChartStyle *style,
                     VtChartHits        *hits)
{
  VtChartCanvas c;
  double top, pad, legend_h, cx, cy, r, label_w;
  guint n = radar->axes->len, ns = radar->series->len;
  const char *labels[VT_CHART_N_SERIES];
  const VtChartColor *colors[VT_CHART_N_SERIES];
  gboolean any = FALSE;

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, radar->title, radar->subtitle);
  pad = c.em * VT_CHART_PAD;
  for (guint s = 0; s < ns; s++)
    for (guint i = 0; i < n; i++)
      any = any || g_array_index (radar->series, VtChartRadarSeries, s).values[i] >= 0;
  if (n < 3 || ns == 0 || !any)
    {
      vt_chart_draw_empty (&c, top, _("No assessment to show yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  for (guint s = 0; s < ns; s++)
    {
      labels[s] = g_array_index (radar->series, VtChartRadarSeries, s).label;
      colors[s] = series_color (style, s);
    }
  /* Two lines are kept for the legend at the bottom, in case it wraps. */
  legend_h = c.em * 2;
  vt_chart_draw_legend (&c, pad, height - pad - legend_h, width - 2 * pad, labels, colors, ns);

  label_w = CLAMP (width * 0.2, c.em * 4, c.em * 9);
  cx = width / 2;
  cy = top + (height - top - legend_h - pad * 2) / 2 + c.em * 0.3;
  r = MIN ((width - 2 * pad - 2 * label_w) / 2, (height - top - legend_h - pad * 2) / 2 - c.em * 2.4);
  if (r < c.em)
    {
      vt_chart_canvas_clear (&c);
      return;
    }

  /* The web: one ring per score level and one spoke per criterion. */
  cairo_set_line_width (cr, c.line);
  for (int level = 1; level <= (int) radar->max_value; level++)
    {
      double rr = r * level / radar->max_value;

      vt_chart_set_color (cr, level == (int) radar->max_value ? &style->secondary : &style->grid);
      for (guint i = 0; i <= n; i++)
        {
          double x, y;

          point (cx, cy, rr, i % n, n, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y, lx, ly, ax, ay, s, co;
      const char *name = g_ptr_array_index (radar->axes, i);
      g_autoptr(PangoLayout) layout = NULL;

      point (cx, cy, r, i, n, &x, &y);
      vt_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);

      /* Labels sit outside the web, anchored on the side facing it. The
       * ones at the top and bottom are centred on their spoke, so they
       * go one line further out, clear of their neighbours' second line. */
      co = cos (-G_PI / 2 + 2 * G_PI * i / n);
      s = sin (-G_PI / 2 + 2 * G_PI * i / n);
      point (cx, cy, r + c.em * (fabs (co) < 0.2 ? 1.2 : 0.5), i, n, &lx, &ly);
      ax = fabs (co) < 0.2 ? 0.5 : (co > 0 ? 0 : 1);
      ay = fabs (s) < 0.2 ? 0.5 : (s > 0 ? 0 : 1);
      layout = vt_chart_layout (&c, name, 0.85, FALSE, label_w, 2);
      pango_layout_set_alignment (layout, ax == 0 ? PANGO_ALIGN_LEFT : ax == 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
      vt_chart_show_layout (&c, layout, lx, ly, ax, ay, &style->foreground);
    }

  /* References first, the supplier on top. */
  for (guint k = ns; k > 0; k--)
    {
      const VtChartRadarSeries *ser = &g_array_index (radar->series, VtChartRadarSeries, k - 1);
      const VtChartColor *color = series_color (style, k - 1);
      gboolean started = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        {
          double x, y, v = ser->values[i];

          point (cx, cy, r * MAX (vt_chart_radar_get_share (radar, i, v), 0), i, n, &x, &y);
          if (!started)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          started = TRUE;
        }
      cairo_close_path (cr);
      if (k == 1 && !ser->dashed)
        {
          vt_chart_set_color_alpha (cr, color, style->high_contrast ? 0.45 : 0.25);
          cairo_fill_preserve (cr);
        }
      cairo_save (cr);
      if (ser->dashed)
        {
          double dash[] = { c.em * 0.35, c.em * 0.25 };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_set_line_width (cr, c.line * (k == 1 ? 2.5 : 1.75));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      vt_chart_set_color (cr, color);
      cairo_stroke (cr);
      cairo_restore (cr);

      for (guint i = 0; i < n; i++)
        {
          double x, y, v = ser->values[i];
          g_autofree char *tip = NULL;
          g_autofree char *value = NULL;

          if (v < 0)
            continue;
          point (cx, cy, r * vt_chart_radar_get_share (radar, i, v), i, n, &x, &y);
          if (k == 1)
            {
              vt_chart_set_color (cr, color);
              cairo_arc (cr, x, y, c.line * 3, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          value = format_value (radar, i, v);
          tip = g_strdup_printf ("%s — %s: %s", ser->label, (char *) g_ptr_array_index (radar->axes, i), value);
          vt_chart_hits_add (hits, x - c.em * 0.4, y - c.em * 0.4, c.em * 0.8, c.em * 0.8, tip);
        }
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_radar_describe (const VtChartRadar *radar)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  guint ns = radar->series->len;
  gboolean mixed = FALSE;

  for (guint i = 0; i < radar->axis_max->len; i++)
    mixed = mixed || fabs (g_array_index (radar->axis_max, double, i) - radar->max_value) > 1e-9;
  if (mixed)
    /* TRANSLATORS: the summary of the radar chart for screen readers,
     * when criteria have different scales (0-5 and 0-10) */
    summary = g_strdup_printf (ngettext ("Scores on %u criterion, each drawn as a share of its own scale.",
                                         "Scores on %u criteria, each drawn as a share of its own scale.",
                                         radar->axes->len),
                               radar->axes->len);
  else
    /* TRANSLATORS: the summary of the radar chart for screen readers */
    summary = g_strdup_printf (ngettext ("Scores on %u criterion, from 0 to %.0f.",
                                         "Scores on %u criteria, from 0 to %.0f.", radar->axes->len),
                               radar->axes->len, radar->max_value);
  table = vt_chart_table_new (radar->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Criterion"));
  for (guint s = 0; s < ns; s++)
    vt_chart_table_add_column (table, g_array_index (radar->series, VtChartRadarSeries, s).label);
  for (guint i = 0; i < radar->axes->len; i++)
    {
      char **cells = g_new0 (char *, ns + 2);

      cells[0] = g_strdup (g_ptr_array_index (radar->axes, i));
      for (guint s = 0; s < ns; s++)
        {
          double v = g_array_index (radar->series, VtChartRadarSeries, s).values[i];

          cells[s + 1] = v >= 0 ? format_value (radar, i, v) : g_strdup (C_("no score", "—"));
        }
      g_ptr_array_add (table->rows, cells);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartRadar, vt_chart_radar, "radar")
