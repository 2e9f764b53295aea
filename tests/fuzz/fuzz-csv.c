/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: the CSV reader and delimiter detection on any bytes. */

#include "config.h"

#include "vt-csv.h"
#include "vt-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  gsize skip = 0;
  char delimiter = vt_csv_detect_delimiter (text, size, &skip);
  g_autoptr(VtCsvReader) reader = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint line = 0;

  g_assert (skip <= size);
  reader = vt_csv_reader_new (text + skip, size - skip, delimiter ? delimiter : ',');
  while (vt_csv_reader_next (reader, fields, &line))
    g_ptr_array_set_size (fields, 0);
  return 0;
}
