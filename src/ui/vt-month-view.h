/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_MONTH_VIEW (vt_month_view_get_type ())

G_DECLARE_FINAL_TYPE (VtMonthView, vt_month_view, VT, MONTH_VIEW, GtkWidget)

GtkWidget *vt_month_view_new        (void);
void       vt_month_view_set_month  (VtMonthView *self,
                                     const GDate *focus,
                                     const GDate *today);
void       vt_month_view_set_visits (VtMonthView *self,
                                     GPtrArray   *visits,
                                     GHashTable  *conflicts);

G_END_DECLS
