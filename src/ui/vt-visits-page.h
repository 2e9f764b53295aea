/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visits-page.h: the Visits page: agenda, week and month. */
#pragma once

#include <adwaita.h>

#include "vt-calendar-layout.h"
#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_VISITS_PAGE (vt_visits_page_get_type ())

G_DECLARE_FINAL_TYPE (VtVisitsPage, vt_visits_page, VT, VISITS_PAGE, GtkWidget)

void           vt_visits_page_set_store  (VtVisitsPage   *self,
                                          VtStore        *store);
void           vt_visits_page_reload     (VtVisitsPage   *self);
void           vt_visits_page_new_visit  (VtVisitsPage   *self,
                                          const char     *supplier_uuid);
void           vt_visits_page_set_view   (VtVisitsPage   *self,
                                          VtCalendarView  view);
void           vt_visits_page_set_focus  (VtVisitsPage   *self,
                                          const GDate    *day);
guint          vt_visits_page_get_n_shown (VtVisitsPage  *self);
gboolean       vt_visits_page_is_loading (VtVisitsPage   *self);

G_END_DECLS
