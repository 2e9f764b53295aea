/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-dialog.h: creates a round or edits one and its targets. */
#pragma once

#include <adwaita.h>

#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_ROUND_DIALOG (vt_round_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtRoundDialog, vt_round_dialog, VT, ROUND_DIALOG, AdwWindow)

VtRoundDialog *vt_round_dialog_new         (GtkWindow     *parent,
                                            VtStore       *store,
                                            VtRound       *round);
void           vt_round_dialog_set_target  (VtRoundDialog *self,
                                            VtStage        stage,
                                            int            target);
void           vt_round_dialog_set_name    (VtRoundDialog *self,
                                            const char    *name);
void           vt_round_dialog_set_reason  (VtRoundDialog *self,
                                            const char    *reason);
gboolean       vt_round_dialog_can_save    (VtRoundDialog *self);
void           vt_round_dialog_save        (VtRoundDialog *self);

G_END_DECLS
