/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-stage-dialog.h: moves one or several suppliers to another stage. */
#pragma once

#include <adwaita.h>

#include "vt-stage.h"
#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_STAGE_DIALOG (vt_stage_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtStageDialog, vt_stage_dialog, VT, STAGE_DIALOG, AdwWindow)

VtStageDialog *vt_stage_dialog_new             (GtkWindow     *parent,
                                                VtStore       *store,
                                                GPtrArray     *summaries);
guint          vt_stage_dialog_get_n_offered   (VtStageDialog *self);
VtStage        vt_stage_dialog_get_offered     (VtStageDialog *self,
                                                guint          position);
gboolean       vt_stage_dialog_select_stage    (VtStageDialog *self,
                                                VtStage        stage);
int            vt_stage_dialog_get_stage       (VtStageDialog *self);
void           vt_stage_dialog_set_reason      (VtStageDialog *self,
                                                const char    *reason);
gboolean       vt_stage_dialog_can_move        (VtStageDialog *self);
void           vt_stage_dialog_move            (VtStageDialog *self);

G_END_DECLS
