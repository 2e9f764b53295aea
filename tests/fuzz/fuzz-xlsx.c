/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-xlsx.c: the XLSX reader (libzip + libxml2) on any bytes: every
 * sheet, with the import's own row limit. */

#include "config.h"

#include "vt-fuzz.h"
#include "vt-xlsx.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(VtXlsx) xlsx = vt_xlsx_open (bytes, NULL);
  const char * const *sheets;

  if (xlsx == NULL)
    return 0;
  sheets = vt_xlsx_get_sheet_names (xlsx);
  for (guint i = 0; sheets != NULL && sheets[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) rows = vt_xlsx_read_sheet (xlsx, sheets[i], 1000, NULL);
    }
  return 0;
}
