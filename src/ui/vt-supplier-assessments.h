/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-assessments.h: a supplier's assessments, for its page. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_ASSESSMENTS (vt_supplier_assessments_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierAssessments, vt_supplier_assessments, VT, SUPPLIER_ASSESSMENTS, AdwBin)

GtkWidget  *vt_supplier_assessments_new               (void);
VtStore    *vt_supplier_assessments_get_store         (VtSupplierAssessments *self);
void        vt_supplier_assessments_set_store         (VtSupplierAssessments *self,
                                                       VtStore               *store);
const char *vt_supplier_assessments_get_supplier_uuid (VtSupplierAssessments *self);
void        vt_supplier_assessments_set_supplier_uuid (VtSupplierAssessments *self,
                                                       const char            *uuid);
void        vt_supplier_assessments_reload            (VtSupplierAssessments *self);
guint       vt_supplier_assessments_get_n_items       (VtSupplierAssessments *self);
GtkWidget  *vt_supplier_assessments_open              (VtSupplierAssessments *self,
                                                       gint64                 assessment_id);

G_END_DECLS
