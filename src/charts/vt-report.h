/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report.h: a printed document laid out on pages.
 *
 * A report is a list of blocks (headings, paragraphs, tables, charts)
 * that the report lays out on pages of a given size: paragraphs break
 * between lines, tables between rows with their header row repeated on
 * every page, a heading never ends a page, and every page has a header
 * with the report's title and a footer saying "Page 2 of 5". The same
 * code draws on the cairo_t of a GtkPrintOperation and on a PDF surface
 * (the command line, tests and benchmarks), with Cairo and Pango only.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vt-chart.h"

G_BEGIN_DECLS

/* A4 in points, the paper Vietnamese and Korean offices print on. */
#define VT_REPORT_A4_WIDTH  595.276
#define VT_REPORT_A4_HEIGHT 841.89

typedef struct _VtReport      VtReport;
typedef struct _VtReportTable VtReportTable;

/**
 * VtReportCell:
 * How a table cell is drawn.
 */
typedef enum
{
  VT_REPORT_CELL_TEXT,
  VT_REPORT_CELL_NUMBER,
  VT_REPORT_CELL_BAND,
} VtReportCell;

VtReport      *vt_report_new               (const char          *title);
void           vt_report_free              (VtReport            *report);
const char    *vt_report_get_title         (VtReport            *report);
void           vt_report_set_subtitle      (VtReport            *report,
                                            const char          *subtitle);
void           vt_report_set_margins       (VtReport            *report,
                                            double               top,
                                            double               right,
                                            double               bottom,
                                            double               left);

void           vt_report_add_heading       (VtReport            *report,
                                            const char          *text,
                                            guint                level);
void           vt_report_add_paragraph     (VtReport            *report,
                                            const char          *text);
void           vt_report_add_note          (VtReport            *report,
                                            const char          *text);
void           vt_report_add_chart         (VtReport            *report,
                                            VtChart             *chart,
                                            double               height);
void           vt_report_add_page_break    (VtReport            *report);
VtReportTable *vt_report_add_table         (VtReport            *report,
                                            guint                n_columns,
                                            const double        *widths,
                                            const char * const  *headings);
void           vt_report_table_add_row     (VtReportTable       *table,
                                            const char * const  *cells,
                                            VtChartBand          band);
void           vt_report_table_set_column_kind (VtReportTable   *table,
                                            guint                column,
                                            VtReportCell         kind);
guint          vt_report_table_get_n_rows  (VtReportTable       *table);
void           vt_report_add_fields        (VtReport            *report,
                                            const char * const  *labels_and_values);

guint          vt_report_paginate          (VtReport            *report,
                                            cairo_t             *cr,
                                            double               width,
                                            double               height);
guint          vt_report_get_n_pages       (VtReport            *report);
void           vt_report_draw_page         (VtReport            *report,
                                            cairo_t             *cr,
                                            guint                page);
gboolean       vt_report_write_pdf         (VtReport            *report,
                                            const char          *path,
                                            GError             **error);
GBytes        *vt_report_to_pdf_bytes      (VtReport            *report,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtReport, vt_report_free)

G_END_DECLS
