/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_MODEL (vt_supplier_model_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierModel, vt_supplier_model, VT, SUPPLIER_MODEL, GObject)

VtSupplierModel *vt_supplier_model_new        (void);
void             vt_supplier_model_set_store  (VtSupplierModel *self,
                                               VtStore         *store);
void             vt_supplier_model_set_text   (VtSupplierModel *self,
                                               const char      *text);
void             vt_supplier_model_set_filter (VtSupplierModel       *self,
                                               const VtSupplierQuery *filter);
void             vt_supplier_model_set_sort   (VtSupplierModel *self,
                                               VtSupplierSort   sort,
                                               gboolean         descending);
void             vt_supplier_model_refresh    (VtSupplierModel *self);
void             vt_supplier_model_reload     (VtSupplierModel *self);
void             vt_supplier_model_set_hidden (VtSupplierModel *self,
                                               const char      *uuid,
                                               gboolean         hidden);
const VtSupplierQuery *vt_supplier_model_get_query (VtSupplierModel *self);
guint64          vt_supplier_model_get_total  (VtSupplierModel *self);
gboolean         vt_supplier_model_get_total_exact (VtSupplierModel *self);
gboolean         vt_supplier_model_get_loading (VtSupplierModel *self);

G_END_DECLS
