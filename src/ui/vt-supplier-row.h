/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vt-supplier-summary.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_ROW (vt_supplier_row_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierRow, vt_supplier_row, VT, SUPPLIER_ROW, GObject)

VtSupplierRow     *vt_supplier_row_new          (VtSupplierSummary *summary);
VtSupplierSummary *vt_supplier_row_get_summary  (VtSupplierRow     *self);
void               vt_supplier_row_set_summary  (VtSupplierRow     *self,
                                                 VtSupplierSummary *summary);

G_END_DECLS
