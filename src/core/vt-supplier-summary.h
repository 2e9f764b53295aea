/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-summary.h: one row of the supplier list. */
#pragma once

#include "vt-enums.h"
#include "vt-stage.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_SUMMARY (vt_supplier_summary_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierSummary, vt_supplier_summary, VT, SUPPLIER_SUMMARY, GObject)

const char *vt_supplier_summary_get_uuid          (VtSupplierSummary *self);
const char *vt_supplier_summary_get_name          (VtSupplierSummary *self);
const char *vt_supplier_summary_get_name_vi       (VtSupplierSummary *self);
const char *vt_supplier_summary_get_name_ko       (VtSupplierSummary *self);
const char *vt_supplier_summary_get_province_name (VtSupplierSummary *self);
VtSector    vt_supplier_summary_get_sector        (VtSupplierSummary *self);
VtStage     vt_supplier_summary_get_stage         (VtSupplierSummary *self);
double      vt_supplier_summary_get_readiness     (VtSupplierSummary *self);
GDateTime  *vt_supplier_summary_get_last_visit    (VtSupplierSummary *self);
GDateTime  *vt_supplier_summary_get_next_visit    (VtSupplierSummary *self);
gint64      vt_supplier_summary_get_version       (VtSupplierSummary *self);

G_END_DECLS
