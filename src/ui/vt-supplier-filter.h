/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-filter.h: what the supplier list's filters show, decided
 * from plain values so that it can be tested without a display. */
#pragma once

#include "vt-supplier-query.h"

G_BEGIN_DECLS

typedef enum
{
  VT_FILTER_ROUND,
  VT_FILTER_STAGE,
  VT_FILTER_SECTOR,
  VT_FILTER_PROVINCE,
  VT_FILTER_CERTIFICATION,
  VT_N_FILTERS
} VtFilterField;

gboolean  vt_filter_is_active     (const VtSupplierQuery *query,
                                   VtFilterField          field);
guint     vt_filter_count_active  (const VtSupplierQuery *query);
void      vt_filter_clear         (VtSupplierQuery       *query,
                                   VtFilterField          field);
void      vt_filter_clear_all     (VtSupplierQuery       *query);
char     *vt_filter_chip_label    (const VtSupplierQuery *query,
                                   VtFilterField          field,
                                   const char            *round_name,
                                   const char            *province_name);
char     *vt_filter_count_text    (guint64                total,
                                   gboolean               exact,
                                   gboolean               narrowed);

G_END_DECLS
