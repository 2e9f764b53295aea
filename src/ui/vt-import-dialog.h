/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import-dialog.h: imports a supplier list (CSV or XLSX) with a
 * preview, a column mapping, a duplicate policy and a summary. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_IMPORT_DIALOG (vt_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtImportDialog, vt_import_dialog, VT, IMPORT_DIALOG, AdwWindow)

VtImportDialog  *vt_import_dialog_new          (GtkWindow         *parent,
                                                VtStore           *store);
void             vt_import_dialog_choose_file  (VtImportDialog    *self);
void             vt_import_dialog_set_file     (VtImportDialog    *self,
                                                GFile             *file);
const char      *vt_import_dialog_get_step     (VtImportDialog    *self);
gboolean         vt_import_dialog_can_import   (VtImportDialog    *self);
void             vt_import_dialog_import       (VtImportDialog    *self);
void             vt_import_dialog_set_policy   (VtImportDialog    *self,
                                                VtDuplicatePolicy  policy);
VtImportSummary *vt_import_dialog_get_summary  (VtImportDialog    *self);

G_END_DECLS
