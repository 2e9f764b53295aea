/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart.c: a chart of any kind, its hit rectangles and its table. */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "vt-chart.h"

struct _VtChart
{
  const VtChartClass *klass;
  gpointer            data;
};

static void
vt_chart_clear (VtChart *self)
{
  if (self->klass->free != NULL && self->data != NULL)
    self->klass->free (self->data);
}

G_DEFINE_BOXED_TYPE (VtChart, vt_chart, vt_chart_ref, vt_chart_unref)

/**
 * vt_chart_new:
 * @klass: the kind of chart (e.g. &vt_chart_funnel_class)
 * @data: (transfer full): its data struct, freed with the chart
 */
VtChart *
vt_chart_new (const VtChartClass *klass,
              gpointer            data)
{
  VtChart *self;

  g_return_val_if_fail (klass != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_rc_box_new0 (VtChart);
  self->klass = klass;
  self->data = data;
  return self;
}

VtChart *
vt_chart_ref (VtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_rc_box_acquire (chart);
}

void
vt_chart_unref (VtChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_rc_box_release_full (chart, (GDestroyNotify) vt_chart_clear);
}

/* A stable name of the kind ("funnel", "ranking", ...), for file names
 * and the command line. */
const char *
vt_chart_get_id (VtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->klass->id;
}

gconstpointer
vt_chart_get_data (VtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->data;
}

/**
 * vt_chart_draw:
 * @hits: (nullable): filled with the rectangles that have a tooltip, in
 *   the user coordinates of @cr
 *
 * Draws the chart into the rectangle (0, 0, @width, @height).
 */
void
vt_chart_draw (VtChart            *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const VtChartStyle *style,
               VtChartHits        *hits)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (hits != NULL)
    vt_chart_hits_clear (hits);
  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  chart->klass->draw (cr, chart->data, width, height, style, hits);
  cairo_restore (cr);
}

VtChartTable *
vt_chart_describe (VtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->klass->describe (chart->data);
}

const char *
vt_chart_band_get_name (VtChartBand band)
{
  switch (band)
    {
    case VT_CHART_BAND_READY:
      return C_("readiness band", "Ready");
    case VT_CHART_BAND_CONDITIONAL:
      return C_("readiness band", "Conditionally ready");
    case VT_CHART_BAND_NOT_READY:
      return C_("readiness band", "Not ready");
    case VT_CHART_BAND_NONE:
    default:
      return C_("readiness band", "Not assessed");
    }
}

/* The band's name as @style translates the charts' words. */
const char *
vt_chart_band_get_name_in (const VtChartStyle *style,
                           VtChartBand         band)
{
  switch (band)
    {
    case VT_CHART_BAND_READY:
      return vt_chart_style_translate (style, "readiness band", "Ready");
    case VT_CHART_BAND_CONDITIONAL:
      return vt_chart_style_translate (style, "readiness band", "Conditionally ready");
    case VT_CHART_BAND_NOT_READY:
      return vt_chart_style_translate (style, "readiness band", "Not ready");
    case VT_CHART_BAND_NONE:
    default:
      return vt_chart_style_translate (style, "readiness band", "Not assessed");
    }
}

/* Hit rectangles */

typedef struct
{
  double  x, y, width, height;
  char   *text;
} Hit;

struct _VtChartHits
{
  GArray *hits;
};

static void
hit_clear (Hit *hit)
{
  g_free (hit->text);
}

VtChartHits *
vt_chart_hits_new (void)
{
  VtChartHits *self = g_new0 (VtChartHits, 1);

  self->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_array_set_clear_func (self->hits, (GDestroyNotify) hit_clear);
  return self;
}

void
vt_chart_hits_free (VtChartHits *hits)
{
  if (hits == NULL)
    return;
  g_array_unref (hits->hits);
  g_free (hits);
}

void
vt_chart_hits_clear (VtChartHits *hits)
{
  g_return_if_fail (hits != NULL);
  g_array_set_size (hits->hits, 0);
}

void
vt_chart_hits_add (VtChartHits *hits,
                   double       x,
                   double       y,
                   double       width,
                   double       height,
                   const char  *text)
{
  Hit hit = { x, y, width, height, g_strdup (text) };

  if (hits == NULL)
    return;
  g_array_append_val (hits->hits, hit);
}

/**
 * vt_chart_hits_lookup:
 *
 * Returns: (nullable): the text of the mark under (@x, @y); the one
 *   added last wins, as it was drawn on top
 */
const char *
vt_chart_hits_lookup (VtChartHits *hits,
                      double       x,
                      double       y)
{
  g_return_val_if_fail (hits != NULL, NULL);

  for (guint i = hits->hits->len; i > 0; i--)
    {
      const Hit *hit = &g_array_index (hits->hits, Hit, i - 1);

      if (x >= hit->x && x < hit->x + hit->width
          && y >= hit->y && y < hit->y + hit->height)
        return hit->text;
    }
  return NULL;
}

guint
vt_chart_hits_get_size (VtChartHits *hits)
{
  g_return_val_if_fail (hits != NULL, 0);
  return hits->hits->len;
}

/* Tables */

VtChartTable *
vt_chart_table_new (const char *title,
                    const char *summary)
{
  VtChartTable *self = g_new0 (VtChartTable, 1);

  self->title = g_strdup (title);
  self->summary = g_strdup (summary);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return self;
}

void
vt_chart_table_free (VtChartTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->summary);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
vt_chart_table_add_column (VtChartTable *table,
                           const char   *heading)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->columns, g_strdup (heading));
}

/**
 * vt_chart_table_add_row:
 * @first: the first cell, followed by one string per further column and
 *   %NULL; missing cells are left empty
 */
void
vt_chart_table_add_row (VtChartTable *table,
                        const char   *first,
                        ...)
{
  va_list args;
  char **row;
  const char *cell = first;

  g_return_if_fail (table != NULL);

  row = g_new0 (char *, table->columns->len + 1);
  va_start (args, first);
  for (guint i = 0; i < table->columns->len; i++)
    {
      row[i] = g_strdup (cell != NULL ? cell : "");
      if (cell != NULL)
        cell = va_arg (args, const char *);
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

/* The table as tab-separated text with the title and summary first: what
 * "Copy" puts on the clipboard and what a screen reader can read whole. */
char *
vt_chart_table_to_text (const VtChartTable *table)
{
  GString *s;

  g_return_val_if_fail (table != NULL, NULL);

  s = g_string_new (NULL);
  if (table->title != NULL)
    g_string_append_printf (s, "%s\n", table->title);
  if (table->summary != NULL)
    g_string_append_printf (s, "%s\n", table->summary);
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (s, "%s%s", i ? "\t" : "", (char *) g_ptr_array_index (table->columns, i));
  g_string_append_c (s, '\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; row[i] != NULL; i++)
        g_string_append_printf (s, "%s%s", i ? "\t" : "", row[i]);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}
