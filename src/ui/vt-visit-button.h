/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-button.h: how a visit shows in the calendar views. */
#pragma once

#include <gtk/gtk.h>

#include "vt-visit.h"

G_BEGIN_DECLS

GtkWidget *vt_visit_button_new          (VtVisit    *visit,
                                         gboolean    conflict,
                                         gboolean    compact);
VtVisit   *vt_visit_button_get_visit    (GtkWidget  *button);
char      *vt_visit_format_time_range   (VtVisit    *visit,
                                         GTimeZone  *zone);
char      *vt_visit_dup_title           (VtVisit    *visit);
void       vt_calendar_draw_text        (GtkWidget     *widget,
                                         GtkSnapshot   *snapshot,
                                         const char    *text,
                                         double         x,
                                         double         y,
                                         int            width,
                                         gboolean       small,
                                         gboolean       bold,
                                         const GdkRGBA *color);

G_END_DECLS
