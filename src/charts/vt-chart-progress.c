/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-progress.c: the index at each assessment, on a time axis.
 *
 * The bands are shaded behind the line so that crossing into "ready"
 * shows; points are placed by date, not evenly, so a long pause between
 * visits is visible.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-chart-private.h"
#include "vt-chart-progress.h"

static void
point_clear (VtChartProgressPoint *point)
{
  g_free (point->label);
}

VtChartProgress *
vt_chart_progress_new (const char *title,
                       const char *subtitle)
{
  VtChartProgress *self = g_new0 (VtChartProgress, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->points = g_array_new (FALSE, TRUE, sizeof (VtChartProgressPoint));
  g_array_set_clear_func (self->points, (GDestroyNotify) point_clear);
  self->ready_at = -1;
  self->conditional_at = -1;
  return self;
}

void
vt_chart_progress_free (VtChartProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->title);
  g_free (progress->subtitle);
  g_array_unref (progress->points);
  g_free (progress);
}

void
vt_chart_progress_add (VtChartProgress *progress,
                       const GDate     *date,
                       double           index,
                       VtChartBand      band,
                       const char      *label)
{
  VtChartProgressPoint p;

  g_return_if_fail (progress != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  p.date = *date;
  p.index = CLAMP (index, 0, 100);
  p.band = band;
  p.label = g_strdup (label);
  g_array_append_val (progress->points, p);
}

static char *
format_date (const GDate *date)
{
  char buf[64];

  /* TRANSLATORS: a date under a point of the progress chart, in
   * g_date_strftime() notation */
  if (g_date_strftime (buf, sizeof buf, _("%d %b %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

void
vt_chart_progress_draw (cairo_t               *cr,
                        const VtChartProgress *progress,
                        double                 width,
                        double                 height,
                        const VtChartStyle    *style,
                        VtChartHits           *hits)
{
  VtChartCanvas c;
  double top, pad, axis_w, plot_x, plot_w, plot_top, plot_bottom, plot_h, inset;
  guint n = progress->points->len;
  guint32 first, last;
  double span;

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, progress->title, progress->subtitle);
  pad = c.em * VT_CHART_PAD;
  if (n == 0)
    {
      vt_chart_draw_empty (&c, top, _("No assessment to show yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  axis_w = c.em * 2;
  plot_x = pad + axis_w;
  plot_w = width - plot_x - pad;
  plot_top = top + c.em * 0.5;
  plot_bottom = height - pad - c.em * 2.2;
  plot_h = plot_bottom - plot_top;
  /* Points keep clear of the band names at the left. */
  inset = MIN (c.em * 4, plot_w / 4);
  if (plot_w <= 0 || plot_h <= 0)
    {
      vt_chart_canvas_clear (&c);
      return;
    }

  /* The bands behind the plot, faint, with their names at the right. */
  if (progress->conditional_at > 0 || progress->ready_at > 0)
    {
      double bounds[4] = { 0, progress->conditional_at, progress->ready_at, 100 };
      VtChartBand bands[3] = { VT_CHART_BAND_NOT_READY, VT_CHART_BAND_CONDITIONAL, VT_CHART_BAND_READY };

      for (guint b = 0; b < 3; b++)
        {
          double lo = bounds[b], hi = bounds[b + 1];
          double y0, y1, rx = plot_x, ry, rw = plot_w, rh;

          if (lo < 0 || hi <= lo)
            continue;
          y0 = plot_bottom - plot_h * hi / 100;
          y1 = plot_bottom - plot_h * lo / 100;
          ry = y0;
          rh = y1 - y0;
          vt_chart_snap_rect (&c, &rx, &ry, &rw, &rh);
          vt_chart_set_color_alpha (cr, vt_chart_band_color (style, bands[b]), style->high_contrast ? 0.3 : 0.14);
          cairo_rectangle (cr, rx, ry, rw, rh);
          cairo_fill (cr);
          if (rh > c.em)
            vt_chart_draw_text (&c, vt_chart_band_get_name (bands[b]), 0.8, FALSE, plot_x + c.em * 0.3,
                                y0 + c.em * 0.2, inset * 2, 0, 0, &style->secondary);
        }
    }

  for (int v = 0; v <= 100; v += 20)
    {
      double y = plot_bottom - plot_h * v / 100;
      g_autofree char *tick = g_strdup_printf ("%d", v);

      vt_chart_set_color (cr, v == 0 ? &style->foreground : &style->grid);
      vt_chart_hline (&c, plot_x, plot_x + plot_w, y);
      vt_chart_draw_text (&c, tick, 0.85, FALSE, plot_x - c.em * 0.3, y, axis_w, 1, 0.5, &style->secondary);
    }

  first = g_date_get_julian (&g_array_index (progress->points, VtChartProgressPoint, 0).date);
  last = g_date_get_julian (&g_array_index (progress->points, VtChartProgressPoint, n - 1).date);
  span = last > first ? (double) (last - first) : 0;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const VtChartProgressPoint *p = &g_array_index (progress->points, VtChartProgressPoint, i);
      double x = span > 0 ? plot_x + inset + (plot_w - 2 * inset) * (g_date_get_julian (&p->date) - first) / span
                          : plot_x + plot_w / 2;
      double y = plot_bottom - plot_h * p->index / 100;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  vt_chart_set_color (cr, &style->accent);
  cairo_set_line_width (cr, c.line * 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const VtChartProgressPoint *p = &g_array_index (progress->points, VtChartProgressPoint, i);
      double x = span > 0 ? plot_x + inset + (plot_w - 2 * inset) * (g_date_get_julian (&p->date) - first) / span
                          : plot_x + plot_w / 2;
      double y = plot_bottom - plot_h * p->index / 100;
      double slot = n > 1 ? (plot_w - 2 * inset) / (n - 1) : plot_w;
      g_autofree char *value = vt_chart_format_index (p->index);
      g_autofree char *date = format_date (&p->date);
      g_autofree char *tip = NULL;

      vt_chart_set_color (cr, &style->background);
      cairo_arc (cr, x, y, c.line * 5, 0, 2 * G_PI);
      cairo_fill (cr);
      vt_chart_set_color (cr, vt_chart_band_color (style, p->band));
      cairo_arc (cr, x, y, c.line * 3.5, 0, 2 * G_PI);
      cairo_fill (cr);

      vt_chart_draw_text (&c, value, 0.9, TRUE, x, y - c.line * 6, c.em * 3, 0.5, 1, &style->foreground);
      if (slot >= c.em * 3 || i == 0 || i == n - 1)
        vt_chart_draw_text (&c, date, 0.8, FALSE, x, plot_bottom + pad * 0.3, MAX (slot, c.em * 5), 0.5, 0,
                            &style->secondary);
      if (p->label != NULL && slot >= c.em * 3)
        vt_chart_draw_text (&c, p->label, 0.8, FALSE, x, plot_bottom + pad * 0.3 + c.em, MAX (slot, c.em * 5), 0.5,
                            0, &style->secondary);
      tip = g_strdup_printf ("%s%s%s: %s (%s)", date, p->label ? " · " : "", p->label ? p->label : "",
                             value, vt_chart_band_get_name (p->band));
      vt_chart_hits_add (hits, x - c.em * 0.6, y - c.em * 0.6, c.em * 1.2, c.em * 1.2, tip);
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_progress_describe (const VtChartProgress *progress)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  guint n = progress->points->len;

  if (n >= 2)
    {
      const VtChartProgressPoint *a = &g_array_index (progress->points, VtChartProgressPoint, 0);
      const VtChartProgressPoint *b = &g_array_index (progress->points, VtChartProgressPoint, n - 1);
      g_autofree char *from = vt_chart_format_index (a->index);
      g_autofree char *to = vt_chart_format_index (b->index);

      /* TRANSLATORS: the summary of the progress chart for screen
       * readers: number of assessments, first and latest index */
      summary = g_strdup_printf (ngettext ("%u assessment; the readiness index went from %s to %s.",
                                           "%u assessments; the readiness index went from %s to %s.", n),
                                 n, from, to);
    }
  else
    summary = g_strdup_printf (ngettext ("%u assessment.", "%u assessments.", n), n);

  table = vt_chart_table_new (progress->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Date"));
  vt_chart_table_add_column (table, C_("chart column", "Assessment"));
  vt_chart_table_add_column (table, C_("chart column", "Readiness index"));
  vt_chart_table_add_column (table, C_("chart column", "Band"));
  for (guint i = 0; i < n; i++)
    {
      const VtChartProgressPoint *p = &g_array_index (progress->points, VtChartProgressPoint, i);
      g_autofree char *date = format_date (&p->date);
      g_autofree char *value = vt_chart_format_index (p->index);

      vt_chart_table_add_row (table, date, p->label ? p->label : "", value,
                              vt_chart_band_get_name (p->band), NULL);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartProgress, vt_chart_progress, "progress")
