/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-charts.h: one supplier's radar and progress charts. */
#pragma once

#include <gtk/gtk.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_CHARTS (vt_supplier_charts_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierCharts, vt_supplier_charts, VT, SUPPLIER_CHARTS, GtkWidget)

GtkWidget  *vt_supplier_charts_new       (void);
VtStore    *vt_supplier_charts_get_store (VtSupplierCharts *self);
void        vt_supplier_charts_set_store (VtSupplierCharts *self,
                                          VtStore          *store);
const char *vt_supplier_charts_get_uuid  (VtSupplierCharts *self);
void        vt_supplier_charts_set_uuid  (VtSupplierCharts *self,
                                          const char       *uuid);
void        vt_supplier_charts_reload    (VtSupplierCharts *self);
GtkWidget  *vt_supplier_charts_get_radar (VtSupplierCharts *self);
GtkWidget  *vt_supplier_charts_get_progress (VtSupplierCharts *self);

G_END_DECLS
