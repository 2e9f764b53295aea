/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_LIST (vt_supplier_list_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierList, vt_supplier_list, VT, SUPPLIER_LIST, GtkWidget)

void vt_supplier_list_set_store    (VtSupplierList *self,
                                    VtStore        *store);
void vt_supplier_list_reload       (VtSupplierList *self);
void vt_supplier_list_refresh      (VtSupplierList *self);
void vt_supplier_list_focus_search (VtSupplierList *self);
gboolean vt_supplier_list_get_showing_board (VtSupplierList *self);
const VtSupplierQuery *vt_supplier_list_get_query (VtSupplierList *self);
void vt_supplier_list_set_hidden   (VtSupplierList *self,
                                    const char     *uuid,
                                    gboolean        hidden);

G_END_DECLS
