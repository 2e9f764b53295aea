/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-ranking.c: one horizontal bar per supplier, best first.
 *
 * Horizontal bars leave room for long Korean and Vietnamese names. The
 * selection cut is a strong line under the last selected supplier, and
 * the band thresholds are dashed lines on the index scale. With more
 * suppliers than rows fit, names are left out and the bars stay.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-chart-private.h"
#include "vt-chart-ranking.h"

static void
entry_clear (VtChartRankingEntry *entry)
{
  g_free (entry->name);
}

VtChartRanking *
vt_chart_ranking_new (const char *title,
                      const char *subtitle)
{
  VtChartRanking *self = g_new0 (VtChartRanking, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->entries = g_array_new (FALSE, TRUE, sizeof (VtChartRankingEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->ready_at = -1;
  self->conditional_at = -1;
  return self;
}

void
vt_chart_ranking_free (VtChartRanking *ranking)
{
  if (ranking == NULL)
    return;
  g_free (ranking->title);
  g_free (ranking->subtitle);
  g_array_unref (ranking->entries);
  g_free (ranking);
}

void
vt_chart_ranking_add (VtChartRanking *ranking,
                      const char     *name,
                      double          index,
                      VtChartBand     band)
{
  VtChartRankingEntry entry = { g_strdup (name), index < 0 ? -1 : MIN (index, 100), band };

  g_return_if_fail (ranking != NULL);
  g_array_append_val (ranking->entries, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const VtChartRankingEntry *ea = a, *eb = b;

  if (ea->index != eb->index)
    return ea->index > eb->index ? -1 : 1;
  return 0;
}

/* Best first; equal indexes keep the order they were added in. */
void
vt_chart_ranking_sort (VtChartRanking *ranking)
{
  g_return_if_fail (ranking != NULL);
  /* An insertion sort: stable, unlike g_array_sort(), and rounds have
   * tens of suppliers, not thousands. */
  for (guint i = 1; i < ranking->entries->len; i++)
    {
      VtChartRankingEntry key = g_array_index (ranking->entries, VtChartRankingEntry, i);
      guint j = i;

      while (j > 0 && compare_entries (&g_array_index (ranking->entries, VtChartRankingEntry, j - 1), &key) > 0)
        {
          g_array_index (ranking->entries, VtChartRankingEntry, j) =
            g_array_index (ranking->entries, VtChartRankingEntry, j - 1);
          j--;
        }
      g_array_index (ranking->entries, VtChartRankingEntry, j) = key;
    }
}

static void
draw_threshold (VtChartCanvas *c,
                double         x,
                double         y0,
                double         y1,
                const VtChartColor *color)
{
  double dash[] = { c->em * 0.3, c->em * 0.25 };

  cairo_save (c->cr);
  cairo_set_dash (c->cr, dash, 2, 0);
  vt_chart_set_color (c->cr, color);
  vt_chart_vline (c, x, y0, y1);
  cairo_restore (c->cr);
}

void
vt_chart_ranking_draw (cairo_t              *cr,
                       const VtChartRanking *ranking,
                       double                width,
                       double                height,
                       const VtChartStyle   *style,
                       VtChartHits          *hits)
{
  VtChartCanvas c;
  double top, pad, label_w, plot_x, plot_w, plot_top, plot_bottom, row_h, bar_h, legend_h, gap;
  guint n = ranking->entries->len;
  gboolean names, has_cut = ranking->cut > 0 && (guint) ranking->cut < n;
  const char *labels[3];
  const VtChartColor *colors[3];

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, ranking->title, ranking->subtitle);
  pad = c.em * VT_CHART_PAD;
  if (n == 0)
    {
      vt_chart_draw_empty (&c, top, _("No supplier of this round has been assessed yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  labels[0] = vt_chart_band_get_name_in (style, VT_CHART_BAND_READY);
  labels[1] = vt_chart_band_get_name_in (style, VT_CHART_BAND_CONDITIONAL);
  labels[2] = vt_chart_band_get_name_in (style, VT_CHART_BAND_NOT_READY);
  colors[0] = &style->ready;
  colors[1] = &style->conditional;
  colors[2] = &style->not_ready;
  legend_h = vt_chart_draw_legend (&c, pad, top, width - 2 * pad, labels, colors, 3);

  label_w = CLAMP (width * 0.36, c.em * 4, c.em * 16);
  plot_x = pad + label_w + pad;
  plot_w = width - plot_x - pad - c.em * 2;
  plot_top = top + legend_h + pad * 0.5;
  plot_bottom = height - pad - c.em;
  /* The cut gets a gap of its own between the selected and the rest, so
   * its label never covers a bar or a number. */
  gap = has_cut ? c.em * 1.3 : 0;
  row_h = (plot_bottom - plot_top - gap) / n;
  bar_h = MAX (row_h * 0.72, MIN (row_h, 1));
  names = row_h >= c.em * 0.7;
  if (plot_w <= 0 || row_h <= 0)
    {
      vt_chart_canvas_clear (&c);
      return;
    }

  /* The scale: grid lines every 20 points and their numbers below. */
  for (int v = 0; v <= 100; v += 20)
    {
      double x = plot_x + plot_w * v / 100.0;
      g_autofree char *tick = g_strdup_printf ("%d", v);

      vt_chart_set_color (cr, &style->grid);
      vt_chart_vline (&c, x, plot_top, plot_bottom);
      vt_chart_draw_text (&c, tick, 0.85, FALSE, x, plot_bottom + pad * 0.25, c.em * 3, 0.5, 0,
                          &style->secondary);
    }

  /* The band thresholds, behind the bars. */
  if (ranking->conditional_at > 0)
    draw_threshold (&c, plot_x + plot_w * ranking->conditional_at / 100, plot_top, plot_bottom, &style->conditional);
  if (ranking->ready_at > 0)
    draw_threshold (&c, plot_x + plot_w * ranking->ready_at / 100, plot_top, plot_bottom, &style->ready);

  for (guint i = 0; i < n; i++)
    {
      const VtChartRankingEntry *e = &g_array_index (ranking->entries, VtChartRankingEntry, i);
      double row_y = plot_top + row_h * i + (has_cut && i >= (guint) ranking->cut ? gap : 0);
      double cy = row_y + row_h / 2;
      double bx = plot_x, by = cy - bar_h / 2, bw = plot_w * MAX (e->index, 0) / 100.0, bh = bar_h;
      g_autofree char *value = vt_chart_format_index (e->index);
      g_autofree char *tip = NULL;

      if (e->index >= 0)
        {
          vt_chart_snap_rect (&c, &bx, &by, &bw, &bh);
          vt_chart_set_color (cr, vt_chart_band_color (style, e->band));
          cairo_rectangle (cr, bx, by, bw, MAX (bh, 1));
          cairo_fill (cr);
        }
      if (names)
        {
          g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, e->name);

          vt_chart_draw_name (&c, label, row_h >= c.em ? 1.0 : 0.8, pad + label_w, cy,
                              label_w, 1, 0.5, &style->foreground);
          vt_chart_draw_text (&c, value, row_h >= c.em ? 0.9 : 0.75, FALSE, plot_x + bw + c.em * 0.25, cy,
                              c.em * 2.5, 0, 0.5, &style->foreground);
        }
      tip = g_strdup_printf ("%u. %s: %s (%s)", i + 1, e->name, value, vt_chart_band_get_name (e->band));
      vt_chart_hits_add (hits, pad, row_y, width - 2 * pad, row_h, tip);
    }


  if (has_cut)
    {
      double y = plot_top + row_h * ranking->cut + gap / 2;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double lw, tx;

      /* TRANSLATORS: the line in the ranking chart under the suppliers
       * that are selected; %d is how many */
      text = g_strdup_printf (vt_chart_style_translate (style, NULL, N_("Selection cut: top %d")), ranking->cut);
      layout = vt_chart_layout (&c, text, 0.85, TRUE, width / 2, 1);
      lw = vt_chart_layout_width (layout);
      tx = width - pad - lw;

      vt_chart_set_color (cr, &style->accent);
      cairo_save (cr);
      c.line *= 2;
      vt_chart_hline (&c, pad, tx - c.em * 0.4, y);
      c.line /= 2;
      cairo_restore (cr);
      vt_chart_show_layout (&c, layout, tx, y, 0, 0.5, &style->accent);
      vt_chart_hits_add (hits, pad, y - gap / 2, width - 2 * pad, gap, text);
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_ranking_describe (const VtChartRanking *ranking)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  guint n = ranking->entries->len;

  if (ranking->cut > 0 && (guint) ranking->cut < n)
    /* TRANSLATORS: the summary of the ranking chart for screen readers */
    summary = g_strdup_printf (ngettext ("%u supplier ranked by readiness index; the top %d are selected.",
                                         "%u suppliers ranked by readiness index; the top %d are selected.", n),
                               n, ranking->cut);
  else
    summary = g_strdup_printf (ngettext ("%u supplier ranked by readiness index.",
                                         "%u suppliers ranked by readiness index.", n), n);
  table = vt_chart_table_new (ranking->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Rank"));
  vt_chart_table_add_column (table, C_("chart column", "Supplier"));
  vt_chart_table_add_column (table, C_("chart column", "Readiness index"));
  vt_chart_table_add_column (table, C_("chart column", "Band"));
  vt_chart_table_add_column (table, C_("chart column", "Selected"));
  for (guint i = 0; i < n; i++)
    {
      const VtChartRankingEntry *e = &g_array_index (ranking->entries, VtChartRankingEntry, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *value = vt_chart_format_index (e->index);
      gboolean selected = ranking->cut > 0 && i < (guint) ranking->cut;

      vt_chart_table_add_row (table, rank, e->name, value, vt_chart_band_get_name (e->band),
                              selected ? C_("selected", "Yes") : C_("selected", "No"), NULL);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartRanking, vt_chart_ranking, "ranking")
