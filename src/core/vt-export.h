/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-export.h: writing a list of suppliers to CSV or XLSX, with the same
 * columns import reads back. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_EXPORT_FORMAT_CSV,
  VT_EXPORT_FORMAT_XLSX,
} VtExportFormat;

gboolean  vt_export_format_from_path (const char      *path,
                                      VtExportFormat  *format);
char     *vt_export_to_csv           (GPtrArray       *suppliers,
                                      GPtrArray       *provinces,
                                      gsize           *length);
gboolean  vt_export_write            (GPtrArray       *suppliers,
                                      GPtrArray       *provinces,
                                      const char      *path,
                                      VtExportFormat   format,
                                      GError         **error);

G_END_DECLS
