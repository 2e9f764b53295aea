/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report.c: a small paginating layout engine for printed reports.
 *
 * Blocks are measured once per page size with Pango at 72 units to the
 * inch, so that a unit is a point on paper whatever the target, and with
 * hinting off, so that a PDF and a print preview break pages at the same
 * places. Pagination turns blocks into pieces, each on one page: a whole
 * heading or chart, a run of lines of a paragraph, a run of rows of a
 * table under its repeated header row.
 */

#define G_LOG_DOMAIN "vt-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "vt-report.h"

#define BODY_SIZE      9.5
#define NOTE_SIZE      8.5
#define TABLE_SIZE     8.5
#define HEADER_SIZE    7.5
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.0
#define BLOCK_GAP      6.0
#define CHART_SIZE     7

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_TABLE,
  BLOCK_FIELDS,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

struct _VtReportTable
{
  guint          n_columns;
  double        *widths;      /* shares of the text width */
  VtReportCell  *kinds;
  char         **headings;    /* NULL for a list of fields */
  GPtrArray     *rows;        /* char ** */
  GArray        *bands;       /* VtChartBand, one per row */

  /* Laid out for the current page size. */
  GPtrArray     *layouts;     /* PangoLayout *, rows × columns */
  GPtrArray     *heading_layouts;
  GArray        *heights;     /* double, one per row */
  double         heading_height;
};

typedef struct
{
  BlockKind      kind;
  char          *text;
  guint          level;
  VtChart       *chart;
  double         chart_height;
  VtReportTable *table;

  /* Laid out for the current page size. */
  PangoLayout   *layout;
  GArray        *line_bottoms; /* double, the bottom of each line */
  double         height;
} Block;

typedef struct
{
  guint  page;
  Block *block;
  double y;
  double height;
  guint  first;   /* the first line or row */
  guint  last;    /* one past the last line or row */
} Piece;

struct _VtReport
{
  char         *title;
  char         *subtitle;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;
  GPtrArray    *blocks;

  /* The current layout. */
  PangoContext *pango;
  GArray       *pieces;
  guint         n_pages;
  double        width;
  double        height;
  PangoLayout  *header;
  PangoLayout  *subheader;
  VtChartStyle *chart_style;
};

static void
table_clear_layout (VtReportTable *table)
{
  g_clear_pointer (&table->layouts, g_ptr_array_unref);
  g_clear_pointer (&table->heading_layouts, g_ptr_array_unref);
  g_clear_pointer (&table->heights, g_array_unref);
  table->heading_height = 0;
}

static void
table_free (VtReportTable *table)
{
  table_clear_layout (table);
  g_free (table->widths);
  g_free (table->kinds);
  g_strfreev (table->headings);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->bands);
  g_free (table);
}

static void
block_clear_layout (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_bottoms, g_array_unref);
  if (block->table != NULL)
    table_clear_layout (block->table);
  block->height = 0;
}

static void
block_free (Block *block)
{
  block_clear_layout (block);
  g_free (block->text);
  g_clear_pointer (&block->chart, vt_chart_unref);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

/**
 * vt_report_new:
 * @title: shown in the header of every page and as the PDF's title
 */
VtReport *
vt_report_new (const char *title)
{
  VtReport *report = g_new0 (VtReport, 1);

  report->title = g_strdup (title != NULL ? title : "");
  report->margin_top = 48;
  report->margin_bottom = 48;
  report->margin_left = 50;
  report->margin_right = 50;
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  return report;
}

static void
clear_layout (VtReport *report)
{
  for (guint i = 0; i < report->blocks->len; i++)
    block_clear_layout (g_ptr_array_index (report->blocks, i));
  g_array_set_size (report->pieces, 0);
  report->n_pages = 0;
  g_clear_object (&report->header);
  g_clear_object (&report->subheader);
  g_clear_object (&report->pango);
  g_clear_pointer (&report->chart_style, vt_chart_style_free);
}

void
vt_report_free (VtReport *report)
{
  if (report == NULL)
    return;
  clear_layout (report);
  g_ptr_array_unref (report->blocks);
  g_array_unref (report->pieces);
  g_free (report->title);
  g_free (report->subtitle);
  g_free (report);
}

const char *
vt_report_get_title (VtReport *report)
{
  return report->title;
}

/* Shown at the right of the header of every page: the round, the week. */
void
vt_report_set_subtitle (VtReport   *report,
                        const char *subtitle)
{
  g_free (report->subtitle);
  report->subtitle = g_strdup (subtitle);
}

void
vt_report_set_margins (VtReport *report,
                       double    top,
                       double    right,
                       double    bottom,
                       double    left)
{
  report->margin_top = top;
  report->margin_right = right;
  report->margin_bottom = bottom;
  report->margin_left = left;
}

static Block *
add_block (VtReport  *report,
           BlockKind  kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (report->blocks, block);
  return block;
}

/* @level: 1 for a section, 2 for a part of one */
void
vt_report_add_heading (VtReport   *report,
                       const char *text,
                       guint       level)
{
  add_block (report, BLOCK_HEADING, text)->level = CLAMP (level, 1, 2);
}

void
vt_report_add_paragraph (VtReport   *report,
                         const char *text)
{
  add_block (report, BLOCK_PARAGRAPH, text);
}

/* A paragraph in smaller, grey type: an explanation, "none yet". */
void
vt_report_add_note (VtReport   *report,
                    const char *text)
{
  add_block (report, BLOCK_NOTE, text);
}

/* @height: in points; the chart takes the whole text width */
void
vt_report_add_chart (VtReport *report,
                     VtChart  *chart,
                     double    height)
{
  Block *block = add_block (report, BLOCK_CHART, NULL);

  block->chart = vt_chart_ref (chart);
  block->chart_height = height;
}

void
vt_report_add_page_break (VtReport *report)
{
  add_block (report, BLOCK_PAGE_BREAK, NULL);
}

static VtReportTable *
table_new (guint               n_columns,
           const double       *widths,
           const char * const *headings)
{
  VtReportTable *table = g_new0 (VtReportTable, 1);
  double total = 0;

  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  table->kinds = g_new0 (VtReportCell, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += widths != NULL ? widths[i] : 1;
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = (widths != NULL ? widths[i] : 1) / total;
  if (headings != NULL)
    {
      table->headings = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        table->headings[i] = g_strdup (headings[i]);
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->bands = g_array_new (FALSE, FALSE, sizeof (VtChartBand));
  return table;
}

/**
 * vt_report_add_table:
 * @widths: (array length=n_columns) (nullable): the share of the width
 *   each column takes; equal shares when %NULL
 * @headings: (array length=n_columns): the header row, repeated on every
 *   page the table spans
 *
 * Returns: (transfer none): the table, to add rows to
 */
VtReportTable *
vt_report_add_table (VtReport           *report,
                     guint               n_columns,
                     const double       *widths,
                     const char * const *headings)
{
  Block *block;

  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (headings != NULL, NULL);

  block = add_block (report, BLOCK_TABLE, NULL);
  block->table = table_new (n_columns, widths, headings);
  return block->table;
}

/**
 * vt_report_add_fields:
 * @labels_and_values: label, value, label, value, …, %NULL; pairs whose
 *   value is %NULL or empty are left out
 *
 * Adds a list of labelled values, such as a profile's.
 */
void
vt_report_add_fields (VtReport           *report,
                      const char * const *labels_and_values)
{
  static const double widths[] = { 0.3, 0.7 };
  Block *block = add_block (report, BLOCK_FIELDS, NULL);

  block->table = table_new (2, widths, NULL);
  for (guint i = 0; labels_and_values[i] != NULL; i += 2)
    {
      const char *row[] = { labels_and_values[i], labels_and_values[i + 1] };

      if (row[1] == NULL || row[1][0] == '\0')
        continue;
      vt_report_table_add_row (block->table, row, VT_CHART_BAND_NONE);
    }
}

/**
 * vt_report_table_add_row:
 * @cells: (array): one string per column, %NULL for an empty cell
 * @band: the readiness band a %VT_REPORT_CELL_BAND column marks
 */
void
vt_report_table_add_row (VtReportTable      *table,
                         const char * const *cells,
                         VtChartBand         band)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->bands, band);
}

void
vt_report_table_set_column_kind (VtReportTable *table,
                                 guint          column,
                                 VtReportCell   kind)
{
  g_return_if_fail (column < table->n_columns);
  table->kinds[column] = kind;
}

guint
vt_report_table_get_n_rows (VtReportTable *table)
{
  return table->rows->len;
}

/* Layout */

static double
text_width (VtReport *report)
{
  return report->width - report->margin_left - report->margin_right;
}

static double
body_top (VtReport *report)
{
  return report->margin_top;
}

static double
body_bottom (VtReport *report)
{
  return report->height - report->margin_bottom;
}

static PangoLayout *
make_layout (VtReport       *report,
             const char     *text,
             double          size,
             PangoWeight     weight,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (report->pango);
  PangoFontDescription *font = pango_font_description_new ();
  g_autofree char *families = g_strdup_printf ("%s,Sans", vt_chart_get_latin_family ());

  /* Latin text never in a CJK font: see vt_chart_create_pango_context(). */
  pango_font_description_set_family (font, families);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = y1 / (double) PANGO_SCALE;
      g_array_append_val (block->line_bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  block->height = g_array_index (block->line_bottoms, double, block->line_bottoms->len - 1);
}

static double
line_top (Block *block,
          guint  line)
{
  return line == 0 ? 0 : g_array_index (block->line_bottoms, double, line - 1);
}

static void
measure_table (VtReport      *report,
               VtReportTable *table,
               gboolean       fields)
{
  double width = text_width (report);

  table->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  table->heights = g_array_new (FALSE, FALSE, sizeof (double));
  if (table->headings != NULL)
    {
      table->heading_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint c = 0; c < table->n_columns; c++)
        {
          PangoLayout *layout = make_layout (report, table->headings[c], TABLE_SIZE, PANGO_WEIGHT_BOLD,
                                             table->widths[c] * width - 2 * CELL_PAD_X,
                                             table->kinds[c] == VT_REPORT_CELL_NUMBER ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

          table->heading_height = MAX (table->heading_height, layout_height (layout) + 2 * CELL_PAD_Y);
          g_ptr_array_add (table->heading_layouts, layout);
        }
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      double height = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          double cell_width = table->widths[c] * width - 2 * CELL_PAD_X;
          PangoLayout *layout;

          /* The band's mark takes room at the start of its cell. */
          if (table->kinds[c] == VT_REPORT_CELL_BAND)
            cell_width -= TABLE_SIZE;
          layout = make_layout (report, row[c], fields ? BODY_SIZE : TABLE_SIZE,
                                fields && c == 0 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL,
                                cell_width,
                                table->kinds[c] == VT_REPORT_CELL_NUMBER ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          height = MAX (height, layout_height (layout) + 2 * CELL_PAD_Y);
          g_ptr_array_add (table->layouts, layout);
        }
      g_array_append_val (table->heights, height);
    }
}

static void
measure (VtReport *report,
         Block    *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      block->layout = make_layout (report, block->text, block->level == 1 ? 14 : 11, PANGO_WEIGHT_BOLD,
                                   text_width (report), PANGO_ALIGN_LEFT);
      measure_lines (block);
      break;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      block->layout = make_layout (report, block->text, block->kind == BLOCK_NOTE ? NOTE_SIZE : BODY_SIZE,
                                   PANGO_WEIGHT_NORMAL, text_width (report), PANGO_ALIGN_LEFT);
      measure_lines (block);
      break;
    case BLOCK_TABLE:
    case BLOCK_FIELDS:
      measure_table (report, block->table, block->kind == BLOCK_FIELDS);
      break;
    case BLOCK_CHART:
      block->height = block->chart_height;
      break;
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* The least room a block needs on a page: what a heading must be
 * followed by. */
static double
first_piece_height (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      return g_array_index (block->line_bottoms, double, 0);
    case BLOCK_TABLE:
    case BLOCK_FIELDS:
      return block->table->heading_height
             + (block->table->heights->len > 0 ? g_array_index (block->table->heights, double, 0) : 0);
    case BLOCK_CHART:
      return block->height;
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
add_piece (VtReport *report,
           guint     page,
           Block    *block,
           double    y,
           double    height,
           guint     first,
           guint     last)
{
  Piece piece = { page, block, y, height, first, last };

  g_array_append_val (report->pieces, piece);
}

/* Places @n units @heights high (the lines of a paragraph, the rows of a
 * table under its header row @header high) from *@page and *@y on, as
 * many on each page as fit. */
static void
place_units (VtReport     *report,
             Block        *block,
             const double *heights,
             guint         n,
             double        header,
             guint        *page,
             double       *y)
{
  double bottom = body_bottom (report);
  guint first = 0;

  while (first < n)
    {
      guint last = first;
      double h = header;

      while (last < n && *y + h + heights[last] <= bottom)
        h += heights[last++];
      /* A unit taller than a page still goes somewhere. */
      if (last == first && *y <= body_top (report))
        h += heights[last++];
      if (last > first)
        {
          add_piece (report, *page, block, *y, h, first, last);
          *y += h;
          first = last;
        }
      if (first < n)
        {
          (*page)++;
          *y = body_top (report);
        }
    }
}

static double
gap_before (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level == 1 ? 3 * BLOCK_GAP : 2 * BLOCK_GAP;
    case BLOCK_PAGE_BREAK:
      return 0;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_TABLE:
    case BLOCK_FIELDS:
    case BLOCK_CHART:
    default:
      return BLOCK_GAP;
    }
}

/**
 * vt_report_paginate:
 * @cr: the context the pages will be drawn on (its surface decides the
 *   fonts, see vt_chart_create_pango_context())
 * @width, @height: the page's size in points
 *
 * Lays the report out on pages of that size.
 *
 * Returns: the number of pages, at least 1
 */
guint
vt_report_paginate (VtReport *report,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  cairo_font_options_t *options;
  guint page = 0;
  double y;
  double bottom;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (report);
  report->width = width;
  report->height = height;
  report->pango = vt_chart_create_pango_context (cr);
  pango_cairo_context_set_resolution (report->pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (report->pango, options);
  cairo_font_options_destroy (options);

  report->chart_style = vt_chart_style_new (FALSE, FALSE);
  report->chart_style->background.alpha = 0;
  {
    g_autofree char *font = g_strdup_printf ("%s,Sans %d", vt_chart_get_latin_family (), CHART_SIZE);

    vt_chart_style_set_font (report->chart_style, font);
  }

  report->header = make_layout (report, report->title, HEADER_SIZE, PANGO_WEIGHT_BOLD, text_width (report) * 0.6, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (report->header, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (report->header, -1);
  report->subheader = make_layout (report, report->subtitle != NULL ? report->subtitle : "", HEADER_SIZE,
                                   PANGO_WEIGHT_NORMAL, text_width (report) * 0.38, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (report->subheader, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (report->subheader, -1);

  for (guint i = 0; i < report->blocks->len; i++)
    measure (report, g_ptr_array_index (report->blocks, i));

  y = body_top (report);
  bottom = body_bottom (report);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (report->blocks, i);
      gboolean at_top = y <= body_top (report);
      double gap = at_top ? 0 : gap_before (block);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!at_top)
            {
              page++;
              y = body_top (report);
            }
          break;

        case BLOCK_HEADING:
          {
            Block *next = i + 1 < report->blocks->len ? g_ptr_array_index (report->blocks, i + 1) : NULL;
            double need = block->height + (next != NULL ? gap_before (next) + first_piece_height (next) : 0);

            /* A heading stays with the start of what it introduces. */
            if (!at_top && y + gap + need > bottom)
              {
                page++;
                y = body_top (report);
                gap = 0;
              }
            add_piece (report, page, block, y + gap, block->height, 0, block->line_bottoms->len);
            y += gap + block->height;
          }
          break;

        case BLOCK_CHART:
          if (!at_top && y + gap + block->height > bottom)
            {
              page++;
              y = body_top (report);
              gap = 0;
            }
          add_piece (report, page, block, y + gap, MIN (block->height, bottom - y - gap), 0, 0);
          y += gap + block->height;
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          {
            guint n = block->line_bottoms->len;
            g_autofree double *heights = g_new (double, n);

            for (guint l = 0; l < n; l++)
              heights[l] = g_array_index (block->line_bottoms, double, l) - line_top (block, l);
            y += gap;
            place_units (report, block, heights, n, 0, &page, &y);
          }
          break;

        case BLOCK_TABLE:
        case BLOCK_FIELDS:
          {
            VtReportTable *table = block->table;

            y += gap;
            if (table->rows->len == 0 && !at_top && y + table->heading_height > bottom)
              {
                page++;
                y = body_top (report);
              }
            if (table->rows->len == 0)
              {
                add_piece (report, page, block, y, table->heading_height, 0, 0);
                y += table->heading_height;
              }
            place_units (report, block, (double *) table->heights->data, table->rows->len,
                         table->heading_height, &page, &y);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  report->n_pages = page + 1;
  return report->n_pages;
}

guint
vt_report_get_n_pages (VtReport *report)
{
  return report->n_pages;
}

/* Drawing */

static void
set_ink (cairo_t *cr,
         double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_page_frame (VtReport *report,
                 cairo_t  *cr,
                 guint     page)
{
  double left = report->margin_left;
  double right = report->width - report->margin_right;
  double header_y = report->margin_top - 22;
  double footer_y = report->height - report->margin_bottom + 14;
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  set_ink (cr, 0.35);
  show_layout (cr, report->header, left, header_y);
  show_layout (cr, report->subheader, right - text_width (report) * 0.38, header_y);
  cairo_set_line_width (cr, 0.5);
  set_ink (cr, 0.7);
  cairo_move_to (cr, left, header_y + layout_height (report->header) + 3);
  cairo_line_to (cr, right, header_y + layout_height (report->header) + 3);
  cairo_stroke (cr);

  /* TRANSLATORS: the footer of a printed report, e.g. "Page 2 of 5" */
  label = g_strdup_printf (_("Page %u of %u"), page + 1, report->n_pages);
  footer = make_layout (report, label, HEADER_SIZE, PANGO_WEIGHT_NORMAL, text_width (report), PANGO_ALIGN_CENTER);
  set_ink (cr, 0.35);
  show_layout (cr, footer, left, footer_y);
}

static void
draw_band_mark (VtReport    *report,
                cairo_t     *cr,
                VtChartBand  band,
                double       x,
                double       y)
{
  const VtChartColor *color;
  double r = TABLE_SIZE * 0.32;

  switch (band)
    {
    case VT_CHART_BAND_READY:
      color = &report->chart_style->ready;
      break;
    case VT_CHART_BAND_CONDITIONAL:
      color = &report->chart_style->conditional;
      break;
    case VT_CHART_BAND_NOT_READY:
      color = &report->chart_style->not_ready;
      break;
    case VT_CHART_BAND_NONE:
    default:
      return;
    }
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_arc (cr, x + r, y + TABLE_SIZE * 0.62, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static double
draw_row (VtReport       *report,
          cairo_t        *cr,
          VtReportTable  *table,
          PangoLayout   **layouts,
          double          height,
          double          y,
          VtChartBand     band,
          gboolean        fields)
{
  double x = report->margin_left;
  double width = text_width (report);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cx = x + CELL_PAD_X;

      if (table->kinds[c] == VT_REPORT_CELL_BAND && band != VT_CHART_BAND_NONE)
        {
          draw_band_mark (report, cr, band, cx, y + CELL_PAD_Y);
          cx += TABLE_SIZE;
        }
      set_ink (cr, fields && c == 0 ? 0.35 : 0.1);
      show_layout (cr, layouts[c], cx, y + CELL_PAD_Y);
      x += table->widths[c] * width;
    }
  return height;
}

static void
draw_table (VtReport *report,
            cairo_t  *cr,
            Block    *block,
            Piece    *piece)
{
  VtReportTable *table = block->table;
  gboolean fields = block->kind == BLOCK_FIELDS;
  double left = report->margin_left;
  double right = report->width - report->margin_right;
  double y = piece->y;

  cairo_set_line_width (cr, 0.5);
  if (table->heading_layouts != NULL)
    {
      cairo_rectangle (cr, left, y, right - left, table->heading_height);
      set_ink (cr, 0.92);
      cairo_fill (cr);
      draw_row (report, cr, table, (PangoLayout **) table->heading_layouts->pdata, table->heading_height, y,
                VT_CHART_BAND_NONE, FALSE);
      y += table->heading_height;
      set_ink (cr, 0.55);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
    }
  for (guint r = piece->first; r < piece->last; r++)
    {
      double h = g_array_index (table->heights, double, r);

      y += draw_row (report, cr, table, (PangoLayout **) table->layouts->pdata + r * table->n_columns, h, y,
                     g_array_index (table->bands, VtChartBand, r), fields);
      if (!fields)
        {
          set_ink (cr, 0.85);
          cairo_move_to (cr, left, y);
          cairo_line_to (cr, right, y);
          cairo_stroke (cr);
        }
    }
}

static void
draw_piece (VtReport *report,
            cairo_t  *cr,
            Piece    *piece)
{
  Block *block = piece->block;

  cairo_save (cr);
  switch (block->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      {
        double top = line_top (block, piece->first);

        cairo_rectangle (cr, 0, piece->y, report->width, piece->height);
        cairo_clip (cr);
        set_ink (cr, block->kind == BLOCK_NOTE ? 0.4 : block->kind == BLOCK_HEADING && block->level == 1 ? 0.05 : 0.1);
        show_layout (cr, block->layout, report->margin_left, piece->y - top);
        if (block->kind == BLOCK_HEADING && block->level == 1)
          {
            cairo_reset_clip (cr);
            cairo_set_line_width (cr, 1);
            set_ink (cr, 0.3);
            cairo_move_to (cr, report->margin_left, piece->y + piece->height + 1.5);
            cairo_line_to (cr, report->width - report->margin_right, piece->y + piece->height + 1.5);
            cairo_stroke (cr);
          }
      }
      break;
    case BLOCK_TABLE:
    case BLOCK_FIELDS:
      draw_table (report, cr, block, piece);
      break;
    case BLOCK_CHART:
      cairo_rectangle (cr, report->margin_left, piece->y, text_width (report), piece->height);
      cairo_clip (cr);
      cairo_translate (cr, report->margin_left, piece->y);
      vt_chart_draw (block->chart, cr, text_width (report), block->height, report->chart_style, NULL);
      break;
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
  cairo_restore (cr);
}

/**
 * vt_report_draw_page:
 * @page: from 0, less than the number vt_report_paginate() returned
 *
 * Draws one page on @cr, whose units are points with the origin at the
 * top left of the paper.
 */
void
vt_report_draw_page (VtReport *report,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (report->pango != NULL);
  g_return_if_fail (page < report->n_pages);

  cairo_save (cr);
  draw_page_frame (report, cr, page);
  for (guint i = 0; i < report->pieces->len; i++)
    {
      Piece *piece = &g_array_index (report->pieces, Piece, i);

      if (piece->page == page)
        draw_piece (report, cr, piece);
      else if (piece->page > page)
        break;
    }
  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * vt_report_to_pdf_bytes:
 *
 * Lays the report out on A4 and writes it as a PDF.
 *
 * Returns: (transfer full): the PDF file's contents, or %NULL
 */
GBytes *
vt_report_to_pdf_bytes (VtReport  *report,
                        GError   **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (report != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, out, VT_REPORT_A4_WIDTH, VT_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "VITASK Suppliers");
  cr = cairo_create (surface);
  n = vt_report_paginate (report, cr, VT_REPORT_A4_WIDTH, VT_REPORT_A4_HEIGHT);
  for (guint page = 0; page < n; page++)
    {
      vt_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
vt_report_write_pdf (VtReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = vt_report_to_pdf_bytes (report, error);

  if (bytes == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error);
}
