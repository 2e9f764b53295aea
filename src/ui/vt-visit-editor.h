/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-editor.h: plan or edit one visit, with its warnings. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_VISIT_EDITOR (vt_visit_editor_get_type ())

G_DECLARE_FINAL_TYPE (VtVisitEditor, vt_visit_editor, VT, VISIT_EDITOR, AdwWindow)

VtVisitEditor *vt_visit_editor_new              (GtkWindow     *parent,
                                                 VtStore       *store,
                                                 VtVisit       *visit,
                                                 const char    *supplier_uuid,
                                                 const GDate   *day);
void           vt_visit_editor_set_supplier     (VtVisitEditor *self,
                                                 const char    *supplier_uuid);
void           vt_visit_editor_set_times        (VtVisitEditor *self,
                                                 GDateTime     *starts_at,
                                                 GDateTime     *ends_at);
void           vt_visit_editor_add_participant  (VtVisitEditor *self,
                                                 gint64         person_id,
                                                 VtPersonKind   role);
GStrv          vt_visit_editor_dup_warnings     (VtVisitEditor *self);
gboolean       vt_visit_editor_is_busy          (VtVisitEditor *self);
void           vt_visit_editor_save             (VtVisitEditor *self);

G_END_DECLS
