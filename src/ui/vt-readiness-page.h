/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness-page.h: the round's charts on the Readiness page. */
#pragma once

#include <gtk/gtk.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_READINESS_PAGE (vt_readiness_page_get_type ())

G_DECLARE_FINAL_TYPE (VtReadinessPage, vt_readiness_page, VT, READINESS_PAGE, GtkWidget)

GtkWidget  *vt_readiness_page_new            (void);
void        vt_readiness_page_set_store      (VtReadinessPage *self,
                                              VtStore         *store);
void        vt_readiness_page_reload         (VtReadinessPage *self);
const char *vt_readiness_page_get_state      (VtReadinessPage *self);
GtkWidget  *vt_readiness_page_get_chart_view (VtReadinessPage *self,
                                              guint            chart);
int         vt_readiness_page_chart_height   (guint            n_rows);
gint64      vt_readiness_page_get_round_id   (VtReadinessPage *self);

GtkWidget   *vt_readiness_page_plan_second_visits (VtReadinessPage *self);

G_END_DECLS
