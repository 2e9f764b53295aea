/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-csv.h: reading and writing comma-, semicolon- and tab-separated text
 * (RFC 4180 quoting, CRLF or LF, as Excel and LibreOffice write it). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtCsvReader VtCsvReader;

VtCsvReader *vt_csv_reader_new          (const char   *text,
                                         gsize         length,
                                         char          delimiter);
void         vt_csv_reader_free         (VtCsvReader  *self);
void         vt_csv_reader_set_limits   (VtCsvReader  *self,
                                         guint         max_fields,
                                         gsize         max_field_bytes);
void         vt_csv_reader_get_record_size (VtCsvReader *self,
                                            guint       *n_fields,
                                            gsize       *longest_field);
gboolean     vt_csv_reader_next         (VtCsvReader  *self,
                                         GPtrArray    *fields,
                                         guint        *line);
char         vt_csv_detect_delimiter    (const char   *text,
                                         gsize         length,
                                         gsize        *skip);
void         vt_csv_append_field        (GString      *out,
                                         const char   *value,
                                         char          delimiter);
char        *vt_csv_neutralize          (const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCsvReader, vt_csv_reader_free)

G_END_DECLS
