/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-reports-page.h: a round's report and its slides, to print, save and
 * present. */
#pragma once

#include <gtk/gtk.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_REPORTS_PAGE (vt_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (VtReportsPage, vt_reports_page, VT, REPORTS_PAGE, GtkWidget)

GtkWidget  *vt_reports_page_new                (void);
void        vt_reports_page_set_store          (VtReportsPage *self,
                                                VtStore       *store);
void        vt_reports_page_reload             (VtReportsPage *self);
const char *vt_reports_page_get_state          (VtReportsPage *self);
gint64      vt_reports_page_get_round_id       (VtReportsPage *self);
gboolean    vt_reports_page_select_round       (VtReportsPage *self,
                                                gint64         round_id);
void        vt_reports_page_save_report_to     (VtReportsPage *self,
                                                GFile         *file);
void        vt_reports_page_save_handout_to    (VtReportsPage *self,
                                                GFile         *file);

G_END_DECLS
