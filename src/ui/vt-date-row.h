/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-date-row.h: an entry row for a date, typed or picked on a calendar. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VT_TYPE_DATE_ROW (vt_date_row_get_type ())

G_DECLARE_FINAL_TYPE (VtDateRow, vt_date_row, VT, DATE_ROW, AdwEntryRow)

GtkWidget *vt_date_row_new         (void);
void       vt_date_row_choose_date (VtDateRow   *self,
                                    const GDate *date);

G_END_DECLS
