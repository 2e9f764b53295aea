/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-distribution.c: horizontal bars of a count per category.
 *
 * Each bar shows all suppliers of a category in a light tint and the
 * selected ones in the full colour, so a delegation sees both where the
 * dossiers came from and where the finalists are. Categories that do not
 * fit are summed into one last bar rather than drawn too thin to read.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-chart-distribution.h"
#include "vt-chart-private.h"

static void
entry_clear (VtChartDistributionEntry *entry)
{
  g_free (entry->label);
}

VtChartDistribution *
vt_chart_distribution_new (const char *title,
                           const char *subtitle,
                           const char *count_label,
                           const char *selected_label)
{
  VtChartDistribution *self = g_new0 (VtChartDistribution, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->count_label = g_strdup (count_label);
  self->selected_label = g_strdup (selected_label);
  self->entries = g_array_new (FALSE, TRUE, sizeof (VtChartDistributionEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  return self;
}

void
vt_chart_distribution_free (VtChartDistribution *dist)
{
  if (dist == NULL)
    return;
  g_free (dist->title);
  g_free (dist->subtitle);
  g_free (dist->count_label);
  g_free (dist->selected_label);
  g_array_unref (dist->entries);
  g_free (dist);
}

void
vt_chart_distribution_add (VtChartDistribution *dist,
                           const char          *label,
                           int                  count,
                           int                  selected)
{
  VtChartDistributionEntry entry = { g_strdup (label), MAX (count, 0), CLAMP (selected, 0, MAX (count, 0)) };

  g_return_if_fail (dist != NULL);
  g_array_append_val (dist->entries, entry);
}

/* Largest first; equal counts keep their order (insertion sort, stable). */
void
vt_chart_distribution_sort (VtChartDistribution *dist)
{
  g_return_if_fail (dist != NULL);

  for (guint i = 1; i < dist->entries->len; i++)
    {
      VtChartDistributionEntry key = g_array_index (dist->entries, VtChartDistributionEntry, i);
      guint j = i;

      while (j > 0 && g_array_index (dist->entries, VtChartDistributionEntry, j - 1).count < key.count)
        {
          g_array_index (dist->entries, VtChartDistributionEntry, j) =
            g_array_index (dist->entries, VtChartDistributionEntry, j - 1);
          j--;
        }
      g_array_index (dist->entries, VtChartDistributionEntry, j) = key;
    }
}

static void
draw_bar (VtChartCanvas                  *c,
          const VtChartDistribution      *dist,
          const VtChartDistributionEntry *e,
          double                          label_x,
          double                          label_w,
          double                          plot_x,
          double                          plot_w,
          double                          y,
          double                          row_h,
          double                          max)
{
  const VtChartStyle *style = c->style;
  double bar_h = MIN (row_h * 0.7, c->em * 1.4);
  double cy = y + row_h / 2;
  double bx = plot_x, by = cy - bar_h / 2, bw = plot_w * e->count / max, bh = bar_h;
  double sx = plot_x, sy = by, sw = plot_w * e->selected / max, sh = bar_h;
  VtChartColor tint = vt_chart_color_mix (&style->accent, &style->background, style->high_contrast ? 0.5 : 0.65);
  g_autofree char *value = NULL;
  g_autofree char *tip = NULL;

  vt_chart_draw_text (c, e->label, 0.95, FALSE, label_x + label_w, cy, label_w, 1, 0.5, &style->foreground);

  vt_chart_snap_rect (c, &bx, &by, &bw, &bh);
  vt_chart_set_color (c->cr, &tint);
  cairo_rectangle (c->cr, bx, by, bw, bh);
  cairo_fill (c->cr);
  if (e->selected > 0)
    {
      vt_chart_snap_rect (c, &sx, &sy, &sw, &sh);
      vt_chart_set_color (c->cr, &style->accent);
      cairo_rectangle (c->cr, sx, sy, sw, sh);
      cairo_fill (c->cr);
    }

  if (dist->selected_label != NULL)
    value = g_strdup_printf ("%d (%d)", e->count, e->selected);
  else
    value = g_strdup_printf ("%d", e->count);
  vt_chart_draw_text (c, value, 0.9, FALSE, bx + bw + c->em * 0.3, cy, c->em * 4, 0, 0.5, &style->foreground);

  if (dist->selected_label != NULL)
    tip = g_strdup_printf ("%s: %s %d, %s %d", e->label, dist->count_label, e->count,
                           dist->selected_label, e->selected);
  else
    tip = g_strdup_printf ("%s: %s %d", e->label, dist->count_label, e->count);
  vt_chart_hits_add (c->hits, label_x, y, plot_x + plot_w - label_x, row_h, tip);
}

void
vt_chart_distribution_draw (cairo_t                   *cr,
                            const VtChartDistribution *dist,
                            double                     width,
                            double                     height,
                            const VtChartStyle        *style,
                            VtChartHits               *hits)
{
  VtChartCanvas c;
  double top, pad, label_w, plot_x, plot_w, row_h, max = 0, legend_h = 0;
  guint n = dist->entries->len, rows, fit;
  VtChartDistributionEntry other = { NULL, 0, 0 };

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, dist->title, dist->subtitle);
  pad = c.em * VT_CHART_PAD;
  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (dist->entries, VtChartDistributionEntry, i).count);
  if (n == 0 || max <= 0)
    {
      vt_chart_draw_empty (&c, top, _("No suppliers to count yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  if (dist->selected_label != NULL)
    {
      VtChartColor tint = vt_chart_color_mix (&style->accent, &style->background, style->high_contrast ? 0.5 : 0.65);
      const char *labels[2] = { dist->count_label, dist->selected_label };
      const VtChartColor *colors[2] = { &tint, &style->accent };

      legend_h = vt_chart_draw_legend (&c, pad, top, width - 2 * pad, labels, colors, 2) + pad * 0.5;
    }
  top += legend_h;

  fit = (guint) MAX ((height - top - pad) / (c.em * 1.15), 1);
  rows = n;
  if (n > fit)
    {
      rows = fit;
      for (guint i = fit - 1; i < n; i++)
        {
          const VtChartDistributionEntry *e = &g_array_index (dist->entries, VtChartDistributionEntry, i);

          other.count += e->count;
          other.selected += e->selected;
        }
      /* TRANSLATORS: the last bar of a distribution chart, summing the
       * categories that did not fit; %u is how many */
      other.label = g_strdup_printf (ngettext ("%u other", "%u others", n - fit + 1), n - fit + 1);
      max = MAX (max, other.count);
    }

  label_w = CLAMP (width * 0.3, c.em * 4, c.em * 12);
  plot_x = pad + label_w + pad * 0.75;
  plot_w = width - plot_x - pad - c.em * 3;
  row_h = MIN ((height - top - pad) / rows, c.em * 2);
  if (plot_w > 0 && row_h > 0)
    {
      for (guint i = 0; i < rows; i++)
        {
          const VtChartDistributionEntry *e = &g_array_index (dist->entries, VtChartDistributionEntry, i);

          if (other.label != NULL && i == rows - 1)
            e = &other;
          draw_bar (&c, dist, e, pad, label_w, plot_x, plot_w, top + row_h * i, row_h, max);
        }
      vt_chart_set_color (cr, &style->foreground);
      vt_chart_vline (&c, plot_x, top, top + row_h * rows);
    }
  g_free (other.label);
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_distribution_describe (const VtChartDistribution *dist)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  int total = 0;

  for (guint i = 0; i < dist->entries->len; i++)
    total += g_array_index (dist->entries, VtChartDistributionEntry, i).count;
  /* TRANSLATORS: the summary of a distribution chart for screen readers */
  summary = g_strdup_printf (ngettext ("%d supplier in %u group.", "%d suppliers in %u groups.", total),
                             total, dist->entries->len);
  table = vt_chart_table_new (dist->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Group"));
  vt_chart_table_add_column (table, dist->count_label);
  if (dist->selected_label != NULL)
    vt_chart_table_add_column (table, dist->selected_label);
  for (guint i = 0; i < dist->entries->len; i++)
    {
      const VtChartDistributionEntry *e = &g_array_index (dist->entries, VtChartDistributionEntry, i);
      g_autofree char *count = g_strdup_printf ("%d", e->count);
      g_autofree char *selected = g_strdup_printf ("%d", e->selected);

      vt_chart_table_add_row (table, e->label, count, selected, NULL);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartDistribution, vt_chart_distribution, "distribution")
