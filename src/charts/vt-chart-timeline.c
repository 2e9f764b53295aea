/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-timeline.c: one stacked column per month.
 *
 * Months without visits stay on the axis, so the gaps in the programme
 * show. The year is written under January and under the first month.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vt-chart-private.h"
#include "vt-chart-timeline.h"

VtChartTimeline *
vt_chart_timeline_new (const char *title,
                       const char *subtitle)
{
  VtChartTimeline *self = g_new0 (VtChartTimeline, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  self->months = g_array_new (FALSE, TRUE, sizeof (VtChartTimelineMonth));
  return self;
}

void
vt_chart_timeline_free (VtChartTimeline *timeline)
{
  if (timeline == NULL)
    return;
  g_free (timeline->title);
  g_free (timeline->subtitle);
  g_ptr_array_unref (timeline->kinds);
  g_array_unref (timeline->months);
  g_free (timeline);
}

void
vt_chart_timeline_add_kind (VtChartTimeline *timeline,
                            const char      *name)
{
  g_return_if_fail (timeline != NULL);
  g_return_if_fail (timeline->kinds->len < VT_CHART_N_SERIES);
  g_ptr_array_add (timeline->kinds, g_strdup (name));
}

static int
month_number (int year,
              int month)
{
  return year * 12 + month - 1;
}

/**
 * vt_chart_timeline_add:
 *
 * Adds @count visits of @kind in a month. Months may come in any order;
 * the months between are filled in with no visits.
 */
void
vt_chart_timeline_add (VtChartTimeline *timeline,
                       int              year,
                       int              month,
                       guint            kind,
                       int              count)
{
  GArray *months = timeline->months;
  int m = month_number (year, month);
  int first, last;

  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (kind < VT_CHART_N_SERIES);

  if (months->len == 0)
    {
      VtChartTimelineMonth empty = { year, month, { 0 } };

      g_array_append_val (months, empty);
    }
  first = month_number (g_array_index (months, VtChartTimelineMonth, 0).year,
                        g_array_index (months, VtChartTimelineMonth, 0).month);
  while (m < first)
    {
      VtChartTimelineMonth before = { (first - 1) / 12, (first - 1) % 12 + 1, { 0 } };

      g_array_prepend_val (months, before);
      first--;
    }
  last = first + (int) months->len - 1;
  while (m > last)
    {
      VtChartTimelineMonth after = { (last + 1) / 12, (last + 1) % 12 + 1, { 0 } };

      g_array_append_val (months, after);
      last++;
    }
  g_array_index (months, VtChartTimelineMonth, m - first).counts[kind] += MAX (count, 0);
}

/* "Aug" or "Aug 2025" in the current language. */
char *
vt_chart_format_month (int      year,
                       int      month,
                       gboolean with_year)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a month on a chart axis, with and without the year, in
   * g_date_time_format() notation; e.g. Korean "%Y년 %-m월", "%-m월" */
  return g_date_time_format (dt, with_year ? _("%b %Y") : _("%b"));
}

static int
month_total (const VtChartTimelineMonth *m)
{
  int total = 0;

  for (guint k = 0; k < VT_CHART_N_SERIES; k++)
    total += m->counts[k];
  return total;
}

void
vt_chart_timeline_draw (cairo_t               *cr,
                        const VtChartTimeline *timeline,
                        double                 width,
                        double                 height,
                        const VtChartStyle    *style,
                        VtChartHits           *hits)
{
  VtChartCanvas c;
  double top, pad, legend_h, plot_x, plot_w, plot_top, plot_bottom, col_w, bar_w, step, max = 0, axis_w;
  guint n = timeline->months->len, nk = timeline->kinds->len, label_every;
  const char *labels[VT_CHART_N_SERIES];
  const VtChartColor *colors[VT_CHART_N_SERIES];

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, timeline->title, timeline->subtitle);
  pad = c.em * VT_CHART_PAD;
  for (guint i = 0; i < n; i++)
    max = MAX (max, month_total (&g_array_index (timeline->months, VtChartTimelineMonth, i)));
  if (n == 0 || max <= 0 || nk == 0)
    {
      vt_chart_draw_empty (&c, top, _("No visits planned or made yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  for (guint k = 0; k < nk; k++)
    {
      labels[k] = g_ptr_array_index (timeline->kinds, k);
      colors[k] = &style->series[k];
    }
  legend_h = vt_chart_draw_legend (&c, pad, top, width - 2 * pad, labels, colors, nk);

  step = vt_chart_nice_step (max, 5);
  max = step * ceil (max / step);
  axis_w = c.em * 2;
  plot_x = pad + axis_w;
  plot_w = width - plot_x - pad;
  plot_top = top + legend_h + pad;
  plot_bottom = height - pad - c.em * 2;
  col_w = plot_w / n;
  bar_w = MIN (col_w * 0.7, c.em * 3);
  if (plot_w <= 0 || plot_bottom <= plot_top)
    {
      vt_chart_canvas_clear (&c);
      return;
    }

  for (double v = 0; v <= max + step / 2; v += step)
    {
      double y = plot_bottom - (plot_bottom - plot_top) * v / max;
      g_autofree char *tick = g_strdup_printf ("%.0f", v);

      vt_chart_set_color (cr, v == 0 ? &style->foreground : &style->grid);
      vt_chart_hline (&c, plot_x, plot_x + plot_w, y);
      vt_chart_draw_text (&c, tick, 0.85, FALSE, plot_x - c.em * 0.3, y, axis_w, 1, 0.5, &style->secondary);
    }

  /* Month names are written under every column that has room, and under
   * every second, third... when they do not. */
  label_every = (guint) MAX (1, ceil (c.em * 3.5 / col_w));
  for (guint i = 0; i < n; i++)
    {
      const VtChartTimelineMonth *m = &g_array_index (timeline->months, VtChartTimelineMonth, i);
      double cx = plot_x + col_w * (i + 0.5);
      double y = plot_bottom;
      g_autoptr(GString) tip = g_string_new (NULL);
      g_autofree char *month = vt_chart_format_month (m->year, m->month, TRUE);

      g_string_append (tip, month);
      for (guint k = 0; k < nk; k++)
        {
          double h = (plot_bottom - plot_top) * m->counts[k] / max;
          double bx = cx - bar_w / 2, by = y - h, bw = bar_w, bh = h;

          if (m->counts[k] == 0)
            continue;
          vt_chart_snap_rect (&c, &bx, &by, &bw, &bh);
          vt_chart_set_color (cr, &style->series[k]);
          cairo_rectangle (cr, bx, by, bw, bh);
          cairo_fill (cr);
          y -= h;
          g_string_append_printf (tip, "\n%s: %d", (char *) g_ptr_array_index (timeline->kinds, k), m->counts[k]);
        }
      if (month_total (m) > 0)
        {
          g_autofree char *total = g_strdup_printf ("%d", month_total (m));

          vt_chart_draw_text (&c, total, 0.85, TRUE, cx, y - c.line * 2, col_w, 0.5, 1, &style->foreground);
        }
      if (i % label_every == 0)
        {
          g_autofree char *name = vt_chart_format_month (m->year, m->month, FALSE);

          vt_chart_draw_text (&c, name, 0.85, FALSE, cx, plot_bottom + pad * 0.3, col_w * label_every, 0.5, 0,
                              &style->foreground);
          if (i == 0 || m->month == 1)
            {
              g_autofree char *year = g_strdup_printf ("%d", m->year);

              vt_chart_draw_text (&c, year, 0.8, FALSE, cx, plot_bottom + pad * 0.3 + c.em, col_w * label_every,
                                  0.5, 0, &style->secondary);
            }
        }
      vt_chart_hits_add (hits, plot_x + col_w * i, plot_top, col_w, plot_bottom - plot_top, tip->str);
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_timeline_describe (const VtChartTimeline *timeline)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  int total = 0;
  guint nk = timeline->kinds->len;

  for (guint i = 0; i < timeline->months->len; i++)
    total += month_total (&g_array_index (timeline->months, VtChartTimelineMonth, i));
  /* TRANSLATORS: the summary of the visit timeline for screen readers */
  summary = g_strdup_printf (ngettext ("%d visit over %u months.", "%d visits over %u months.", total),
                             total, timeline->months->len);
  table = vt_chart_table_new (timeline->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Month"));
  for (guint k = 0; k < nk; k++)
    vt_chart_table_add_column (table, g_ptr_array_index (timeline->kinds, k));
  vt_chart_table_add_column (table, C_("chart column", "Total"));
  for (guint i = 0; i < timeline->months->len; i++)
    {
      const VtChartTimelineMonth *m = &g_array_index (timeline->months, VtChartTimelineMonth, i);
      char **cells = g_new0 (char *, nk + 3);

      cells[0] = vt_chart_format_month (m->year, m->month, TRUE);
      for (guint k = 0; k < nk; k++)
        cells[k + 1] = g_strdup_printf ("%d", m->counts[k]);
      cells[nk + 1] = g_strdup_printf ("%d", month_total (m));
      g_ptr_array_add (table->rows, cells);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartTimeline, vt_chart_timeline, "timeline")
