/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_PROFILE (vt_supplier_profile_get_type ())

G_DECLARE_FINAL_TYPE (VtSupplierProfile, vt_supplier_profile, VT, SUPPLIER_PROFILE, GtkWidget)

void         vt_supplier_profile_set_store            (VtSupplierProfile       *self,
                                                    VtStore              *store);
void         vt_supplier_profile_load                 (VtSupplierProfile       *self,
                                                    const char           *uuid);
void         vt_supplier_profile_create               (VtSupplierProfile       *self);
const char  *vt_supplier_profile_get_uuid             (VtSupplierProfile       *self);
gint64       vt_supplier_profile_get_version          (VtSupplierProfile       *self);
const char  *vt_supplier_profile_get_title            (VtSupplierProfile       *self);
const char  *vt_supplier_profile_get_readiness_text  (VtSupplierProfile       *self);
gboolean     vt_supplier_profile_get_dirty            (VtSupplierProfile       *self);
gboolean     vt_supplier_profile_get_can_save         (VtSupplierProfile       *self);
void         vt_supplier_profile_discard              (VtSupplierProfile       *self);
void         vt_supplier_profile_confirm_leave_async  (VtSupplierProfile       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     vt_supplier_profile_confirm_leave_finish (VtSupplierProfile       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
GtkWidget   *vt_supplier_profile_get_section          (VtSupplierProfile       *self,
                                                    const char           *name);

G_END_DECLS
