/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_WEEK_VIEW (vt_week_view_get_type ())

G_DECLARE_FINAL_TYPE (VtWeekView, vt_week_view, VT, WEEK_VIEW, GtkWidget)

GtkWidget *vt_week_view_new        (void);
void       vt_week_view_set_week   (VtWeekView  *self,
                                    const GDate *focus,
                                    const GDate *today);
void       vt_week_view_set_visits (VtWeekView  *self,
                                    GPtrArray   *visits,
                                    GHashTable  *conflicts);

G_END_DECLS
