/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-xlsx.h: reading the cells of an Office Open XML workbook (.xlsx).
 *
 * Cells come back as text: shared and inline strings as they are, numbers
 * in the C locale ("1234.5"), dates and times as ISO 8601 ("2024-07-01",
 * "2024-07-01 08:30:00") computed from the serial and the workbook's 1900
 * or 1904 epoch.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtXlsx VtXlsx;

VtXlsx      *vt_xlsx_open             (GBytes      *bytes,
                                       GError     **error);
void         vt_xlsx_free             (VtXlsx      *self);
const char * const *vt_xlsx_get_sheet_names (VtXlsx *self);
GPtrArray   *vt_xlsx_read_sheet       (VtXlsx      *self,
                                       const char  *sheet_name,
                                       guint        max_rows,
                                       GError     **error);
char        *vt_xlsx_serial_to_iso    (double       serial,
                                       gboolean     date1904,
                                       gboolean     with_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtXlsx, vt_xlsx_free)

G_END_DECLS
