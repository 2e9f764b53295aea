/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-funnel.c: one centred bar per stage, its target as brackets.
 *
 * The bars share one scale (the largest count or target), so the
 * 40 → 24 → 16 narrowing reads at a glance; a target shows as a bracket
 * at the width the bar should have.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-chart-funnel.h"
#include "vt-chart-private.h"

static void
stage_clear (VtChartFunnelStage *stage)
{
  g_free (stage->label);
}

VtChartFunnel *
vt_chart_funnel_new (const char *title,
                     const char *subtitle)
{
  VtChartFunnel *self = g_new0 (VtChartFunnel, 1);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->stages = g_array_new (FALSE, TRUE, sizeof (VtChartFunnelStage));
  g_array_set_clear_func (self->stages, (GDestroyNotify) stage_clear);
  return self;
}

void
vt_chart_funnel_free (VtChartFunnel *funnel)
{
  if (funnel == NULL)
    return;
  g_free (funnel->title);
  g_free (funnel->subtitle);
  g_array_unref (funnel->stages);
  g_free (funnel);
}

void
vt_chart_funnel_add_stage (VtChartFunnel *funnel,
                           const char    *label,
                           int            count,
                           int            target)
{
  VtChartFunnelStage stage = { g_strdup (label), MAX (count, 0), target };

  g_return_if_fail (funnel != NULL);
  g_array_append_val (funnel->stages, stage);
}

static char *
stage_text (const VtChartFunnelStage *stage,
            const VtChartStyle       *style)
{
  if (stage->target >= 0)
    /* TRANSLATORS: a funnel stage: how many suppliers reached it, and how
     * many the round planned, e.g. "24 of 24 planned" */
    return g_strdup_printf (vt_chart_style_translate (style, NULL, N_("%d of %d planned")),
                            stage->count, stage->target);
  return g_strdup_printf ("%d", stage->count);
}

/* Draws a stage's number (and target) inside its bar, centred on
 * @centre, when it fits there, else from @beside on when it fits before
 * @edge; a little smaller when that makes it fit; else wrapped on two
 * lines beside the bar when the row is tall enough, or ellipsized in the
 * larger of the two places. It never runs past @edge. Returns the layout
 * drawn. */
static PangoLayout *
place_value (VtChartCanvas *c,
             const char    *value,
             double         centre,
             double         beside,
             double         cy,
             double         inside,
             double         edge,
             double         bar_h,
             double         row_h)
{
  const VtChartStyle *style = c->style;
  const VtChartColor *inside_color = style->high_contrast ? &style->background : &style->foreground;
  static const double sizes[] = { 1.0, 0.85 };
  double room = edge - beside;
  PangoLayout *layout;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double w;

      layout = vt_chart_layout (c, value, sizes[i], TRUE, -1, 1);
      w = vt_chart_layout_width (layout);
      if (w < inside)
        {
          vt_chart_show_layout (c, layout, centre, cy, 0.5, 0.5, inside_color);
          return layout;
        }
      if (w <= room)
        {
          vt_chart_show_layout (c, layout, beside, cy, 0, 0.5, &style->foreground);
          return layout;
        }
      g_object_unref (layout);
    }

  if (row_h >= c->em * 2.6 && room >= c->em * 3)
    {
      layout = vt_chart_layout (c, value, sizes[1], TRUE, room, 2);
      vt_chart_show_layout (c, layout, beside, cy, 0, 0.5, &style->foreground);
    }
  else if (inside >= room)
    {
      layout = vt_chart_layout (c, value, sizes[1], TRUE, MAX (inside, c->em), bar_h >= c->em * 2.4 ? 2 : 1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      vt_chart_show_layout (c, layout, centre, cy, 0.5, 0.5, inside_color);
    }
  else
    {
      layout = vt_chart_layout (c, value, sizes[1], TRUE, MAX (room, c->em), 1);
      vt_chart_show_layout (c, layout, beside, cy, 0, 0.5, &style->foreground);
    }
  return layout;
}

void
vt_chart_funnel_draw (cairo_t             *cr,
                      const VtChartFunnel *funnel,
                      double               width,
                      double               height,
                      const VtChartStyle  *style,
                      VtChartHits         *hits)
{
  VtChartCanvas c;
  double top, pad, label_w, plot_x, plot_w, row_h, bar_h, max = 0;
  guint n = funnel->stages->len;
  gboolean any = FALSE;

  vt_chart_canvas_init (&c, cr, width, height, style, hits);
  top = vt_chart_draw_header (&c, funnel->title, funnel->subtitle);
  pad = c.em * VT_CHART_PAD;

  for (guint i = 0; i < n; i++)
    {
      const VtChartFunnelStage *s = &g_array_index (funnel->stages, VtChartFunnelStage, i);

      max = MAX (max, MAX (s->count, s->target));
      any = any || s->count > 0;
    }
  if (n == 0 || !any)
    {
      vt_chart_draw_empty (&c, top, _("No supplier has entered this round yet."));
      vt_chart_canvas_clear (&c);
      return;
    }

  label_w = CLAMP (width * 0.28, c.em * 4, c.em * 12);
  plot_x = pad + label_w + pad;
  plot_w = width - plot_x - pad;
  row_h = (height - top - pad) / n;
  bar_h = MIN (row_h * 0.72, c.em * 2.6);

  for (guint i = 0; i < n; i++)
    {
      const VtChartFunnelStage *s = &g_array_index (funnel->stages, VtChartFunnelStage, i);
      double cy = top + row_h * (i + 0.5);
      double bw = plot_w * s->count / max;
      double bx = plot_x + (plot_w - bw) / 2;
      double by = cy - bar_h / 2, bh = bar_h;
      double outer = bx + bw;
      VtChartColor fill = vt_chart_color_mix (&style->accent, &style->background,
                                              n > 1 ? 0.45 * i / (n - 1) : 0);
      g_autofree char *value = stage_text (s, style);
      g_autofree char *tip = NULL;
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) number = NULL;

      label = vt_chart_layout (&c, s->label, 1.0, FALSE, label_w, row_h >= c.em * 2 ? 2 : 1);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      vt_chart_show_layout (&c, label, pad + label_w, cy, 1, 0.5, &style->foreground);

      /* The track shows the whole scale behind each stage. */
      vt_chart_set_color (cr, &style->grid);
      vt_chart_hline (&c, plot_x, plot_x + plot_w, cy);

      if (bw > 0)
        {
          vt_chart_snap_rect (&c, &bx, &by, &bw, &bh);
          vt_chart_set_color (cr, &fill);
          cairo_rectangle (cr, bx, by, bw, bh);
          cairo_fill (cr);
        }

      if (s->target >= 0)
        {
          double tw = plot_w * s->target / max;
          double tl = plot_x + (plot_w - tw) / 2, tr = tl + tw;
          double arm = MIN (c.em * 0.5, tw / 2 + c.line);
          double y0 = cy - bar_h / 2 - c.line * 2, y1 = cy + bar_h / 2 + c.line * 2;

          outer = MAX (outer, tr);

          vt_chart_set_color (cr, &style->foreground);
          vt_chart_vline (&c, tl, y0, y1);
          vt_chart_vline (&c, tr, y0, y1);
          vt_chart_hline (&c, tl, tl + arm, y0);
          vt_chart_hline (&c, tl, tl + arm, y1);
          vt_chart_hline (&c, tr - arm, tr, y0);
          vt_chart_hline (&c, tr - arm, tr, y1);
        }

      number = place_value (&c, value, plot_x + plot_w / 2, MAX (outer, plot_x + plot_w / 2) + c.em * 0.4,
                            cy, bw - c.em, width - pad, bar_h, row_h);

      tip = g_strdup_printf ("%s: %s", s->label, value);
      vt_chart_hits_add (hits, bx, cy - bar_h / 2, bw, bar_h, tip);
    }
  vt_chart_canvas_clear (&c);
}

VtChartTable *
vt_chart_funnel_describe (const VtChartFunnel *funnel)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  VtChartTable *table;

  for (guint i = 0; i < funnel->stages->len; i++)
    {
      const VtChartFunnelStage *s = &g_array_index (funnel->stages, VtChartFunnelStage, i);

      /* TRANSLATORS: joins the stages of a funnel in a sentence, e.g.
       * "Received 40 → First visit done 24 → Selected 16" */
      g_string_append_printf (summary, "%s%s %d", i ? _(" → ") : "", s->label, s->count);
    }
  table = vt_chart_table_new (funnel->title, summary->str);
  vt_chart_table_add_column (table, C_("chart column", "Stage"));
  vt_chart_table_add_column (table, C_("chart column", "Suppliers"));
  vt_chart_table_add_column (table, C_("chart column", "Target"));
  for (guint i = 0; i < funnel->stages->len; i++)
    {
      const VtChartFunnelStage *s = &g_array_index (funnel->stages, VtChartFunnelStage, i);
      g_autofree char *count = g_strdup_printf ("%d", s->count);
      g_autofree char *target = s->target >= 0 ? g_strdup_printf ("%d", s->target) : g_strdup (C_("no target", "—"));

      vt_chart_table_add_row (table, s->label, count, target, NULL);
    }
  return table;
}

VT_CHART_DEFINE_CLASS (VtChartFunnel, vt_chart_funnel, "funnel")
