/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-heatmap.c: one cell per supplier and criterion.
 *
 * The colour runs from the "not ready" colour through the "conditional"
 * one to the "ready" one, and the score is written in the cell when it
 * fits, so the chart does not depend on telling colours apart. Criterion
 * names wrap over up to three lines; rows too thin for a name keep their
 * cells and lose the name.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-chart-heatmap.h"
#include "vt-chart-private.h"

static void
row_clear (VtChartHeatmapRow *row)
{
  g_free (row->name);
  g_free (row->scores);
}

VtChartHeatmap *
vt_chart_heatmap_new (const char *title,
                      const char *subtitle,
                      int         max_score)
{
  VtChartHeatmap *self = g_new0 (VtChartHeatmap, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->column_max = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_array_new (FALSE, TRUE, sizeof (VtChartHeatmapRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->max_score = MAX (max_score, 1);
  return self;
}

void
vt_chart_heatmap_free (VtChartHeatmap *heatmap)
{
  if (heatmap == NULL)
    return;
  g_free (heatmap->title);
  g_free (heatmap->subtitle);
  g_ptr_array_unref (heatmap->columns);
  g_array_unref (heatmap->column_max);
  g_array_unref (heatmap->rows);
  g_free (heatmap);
}

/* Add the columns before the rows. */
void
vt_chart_heatmap_add_column (VtChartHeatmap *heatmap,
                             const char     *name)
{
  g_return_if_fail (heatmap != NULL);
  vt_chart_heatmap_add_scaled_column (heatmap, name, heatmap->max_score);
}

/**
 * vt_chart_heatmap_add_scaled_column:
 * @max_score: the top of the column's scale (10 for an audit-style
 *   criterion scored 0/4/6/8/10)
 *
 * The column's scores are in its own points; they are coloured as a share
 * of @max_score. Add the columns before the rows.
 */
void
vt_chart_heatmap_add_scaled_column (VtChartHeatmap *heatmap,
                                    const char     *name,
                                    int             max_score)
{
  g_return_if_fail (heatmap != NULL);
  g_return_if_fail (heatmap->rows->len == 0);

  if (max_score <= 0)
    max_score = heatmap->max_score;
  g_ptr_array_add (heatmap->columns, g_strdup (name));
  g_array_append_val (heatmap->column_max, max_score);
}

/**
 * vt_chart_heatmap_add_row:
 *
 * Returns: (transfer none): the row's scores, one per column, all -1; set
 *   them in place
 */
int *
vt_chart_heatmap_add_row (VtChartHeatmap *heatmap,
                          const char     *name)
{
  VtChartHeatmapRow row;

  g_return_val_if_fail (heatmap != NULL, NULL);

  row.name = g_strdup (name);
  row.scores = g_new (int, MAX (heatmap->columns->len, 1));
  for (guint i = 0; i < heatmap->columns->len; i++)
    row.scores[i] = -1;
  g_array_append_val (heatmap->rows, row);
  return row.scores;
}

static VtChartColor
score_color (const VtChartStyle *style,
             double              t)
{
  if (t < 0.5)
    return vt_chart_color_mix (&style->not_ready, &style->conditional, t * 2);
  return vt_chart_color_mix (&style->conditional, &style->ready, (t - 0.5) * 2);
}

void
vt_chart_heatmap_draw (cairo_t              *cr,
                       const VtChartHeatmap *heatmap,
                       double                width,
                       double                height,
                       const VtChartStyle   *style,
                       VtChartHits          *hits)
{
  VtChartCanvas c;
  double top, pad, label_w, grid_x, grid_w, head_h, grid_top, col_w, row_h, gap;
  guint nc = heatmap->columns->len, nr = heatmap->rows->len;
  gboolean names, numbers, rotate;

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, heatmap->title, heatmap->subtitle);
  pad = c.em * VT_CHART_PAD;
  if (nc == 0 || nr == 0)
    {
      vt_chart_draw_empty (&c, top, _("No scores to show yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  label_w = CLAMP (width * 0.25, c.em * 4, c.em * 12);
  grid_x = pad + label_w + pad * 0.5;
  grid_w = width - grid_x - pad;
  col_w = grid_w / nc;
  /* Narrow columns get their names turned upright rather than broken
   * into syllables of a line each. */
  rotate = col_w < c.em * 3.5;
  head_h = rotate ? MIN (c.em * 7, (height - top) * 0.3) : c.em * 0.85 * 3 + pad * 0.25;
  grid_top = top + head_h;
  row_h = (height - pad - grid_top) / nr;
  gap = MIN (c.line, MIN (col_w, row_h) / 8);
  names = row_h >= c.em * 0.75;
  numbers = row_h >= c.em * 0.8 && col_w >= c.em * 1.2;
  if (grid_w <= 0 || row_h <= 0)
    {
      vt_chart_canvas_clear (&c);
      return;
    }

  for (guint j = 0; j < nc; j++)
    {
      const char *name = g_ptr_array_index (heatmap->columns, j);
      g_autoptr(PangoLayout) layout = NULL;

      if (rotate)
        {
          layout = vt_chart_layout (&c, name, 0.8, FALSE, head_h - pad * 0.5, 1);
          cairo_save (cr);
          cairo_translate (cr, grid_x + col_w * (j + 0.5), grid_top - pad * 0.25);
          cairo_rotate (cr, -G_PI / 2);
          vt_chart_show_layout (&c, layout, 0, 0, 0, 0.5, &style->foreground);
          cairo_restore (cr);
        }
      else
        {
          layout = vt_chart_layout (&c, name, 0.8, FALSE, col_w - gap * 2, 3);
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          vt_chart_show_layout (&c, layout, grid_x + col_w * (j + 0.5), grid_top - pad * 0.25, 0.5, 1,
                                &style->foreground);
        }
      vt_chart_hits_add (hits, grid_x + col_w * j, top, col_w, head_h, name);
    }

  for (guint i = 0; i < nr; i++)
    {
      const VtChartHeatmapRow *row = &g_array_index (heatmap->rows, VtChartHeatmapRow, i);
      double y = grid_top + row_h * i;

      if (names)
        vt_chart_draw_name (&c, row->name, row_h >= c.em ? 0.9 : 0.75, pad + label_w,
                            y + row_h / 2, label_w, 1, 0.5, &style->foreground);
      for (guint j = 0; j < nc; j++)
        {
          int score = row->scores[j];
          int scale_top = g_array_index (heatmap->column_max, int, j);
          double x = grid_x + col_w * j;
          double cx = x + gap / 2, cy = y + gap / 2, cw = col_w - gap, ch = row_h - gap;
          g_autofree char *tip = NULL;

          vt_chart_snap_rect (&c, &cx, &cy, &cw, &ch);
          if (score >= 0)
            {
              VtChartColor fill = score_color (style, (double) MIN (score, scale_top) / scale_top);

              vt_chart_set_color (cr, &fill);
              cairo_rectangle (cr, cx, cy, MAX (cw, 1), MAX (ch, 1));
              cairo_fill (cr);
              if (numbers)
                {
                  g_autofree char *text = g_strdup_printf ("%d", score);
                  VtChartColor ink = vt_chart_ink_on (&fill);

                  vt_chart_draw_text (&c, text, 0.85, FALSE, x + col_w / 2, y + row_h / 2, col_w, 0.5, 0.5, &ink);
                }
              /* TRANSLATORS: a heatmap cell's tooltip: supplier, criterion, score */
              tip = g_strdup_printf (_("%s — %s: %d of %d"), row->name,
                                     (char *) g_ptr_array_index (heatmap->columns, j), score, scale_top);
            }
          else
            {
              vt_chart_set_color (cr, &style->grid);
              cairo_set_line_width (cr, c.line);
              cairo_rectangle (cr, cx + c.line / 2, cy + c.line / 2, MAX (cw - c.line, 0), MAX (ch - c.line, 0));
              cairo_stroke (cr);
              /* TRANSLATORS: a heatmap cell's tooltip when the criterion
               * was not scored */
              tip = g_strdup_printf (_("%s — %s: not scored"), row->name,
                                     (char *) g_ptr_array_index (heatmap->columns, j));
            }
          vt_chart_hits_add (hits, x, y, col_w, row_h, tip);
        }
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_heatmap_describe (const VtChartHeatmap *heatmap)
{
  g_autofree char *summary = NULL;
  VtChartTable *table;
  guint nc = heatmap->columns->len;
  gboolean mixed = FALSE;

  for (guint j = 0; j < nc; j++)
    mixed = mixed || g_array_index (heatmap->column_max, int, j) != heatmap->max_score;
  if (mixed)
    /* TRANSLATORS: the heatmap's summary when criteria have different
     * scales (0-5 and 0-10) */
    summary = g_strdup_printf (ngettext ("Scores of %u supplier on %u criteria, each coloured as a share of its own scale.",
                                         "Scores of %u suppliers on %u criteria, each coloured as a share of its own scale.",
                                         heatmap->rows->len),
                               heatmap->rows->len, nc);
  else
    summary = g_strdup_printf (ngettext ("Scores of %u supplier on %u criteria, from 0 to %d.",
                                         "Scores of %u suppliers on %u criteria, from 0 to %d.",
                                         heatmap->rows->len),
                               heatmap->rows->len, nc, heatmap->max_score);
  table = vt_chart_table_new (heatmap->title, summary);
  vt_chart_table_add_column (table, C_("chart column", "Supplier"));
  for (guint j = 0; j < nc; j++)
    vt_chart_table_add_column (table, g_ptr_array_index (heatmap->columns, j));
  for (guint i = 0; i < heatmap->rows->len; i++)
    {
      const VtChartHeatmapRow *row = &g_array_index (heatmap->rows, VtChartHeatmapRow, i);
      char **cells = g_new0 (char *, nc + 2);

      cells[0] = g_strdup (row->name);
      for (guint j = 0; j < nc; j++)
        {
          int top = g_array_index (heatmap->column_max, int, j);

          if (row->scores[j] < 0)
            cells[j + 1] = g_strdup (C_("no score", "—"));
          else if (top == heatmap->max_score)
            cells[j + 1] = g_strdup_printf ("%d", row->scores[j]);
          else
            /* TRANSLATORS: a score on a criterion's own scale, e.g. "8 of 10" */
            cells[j + 1] = g_strdup_printf (C_("score on its scale", "%d of %d"), row->scores[j], top);
        }
      g_ptr_array_add (table->rows, cells);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartHeatmap, vt_chart_heatmap, "heatmap")
