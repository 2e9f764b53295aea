/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-report-print.h: printing a report, and saving it as a PDF. */
#pragma once

#include <gtk/gtk.h>

#include "vt-report.h"

G_BEGIN_DECLS

void  vt_report_print           (VtReport   *report,
                                 GtkWidget  *parent);
void  vt_report_save_pdf        (VtReport   *report,
                                 GtkWidget  *parent,
                                 const char *suggested_name);
gboolean vt_report_export_pdf   (VtReport   *report,
                                 GtkWidget  *parent,
                                 const char *path,
                                 GError    **error);
void  vt_report_show_error      (GtkWidget  *parent,
                                 const char *heading,
                                 GError     *error);
char *vt_report_suggest_name    (const char *title);
GdkTexture *vt_report_render_thumbnail (VtReport *report,
                                        guint     page,
                                        int       width);

G_END_DECLS
