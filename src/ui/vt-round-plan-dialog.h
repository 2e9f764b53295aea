/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-plan-dialog.h: proposes a round's second visits. */
#pragma once

#include <adwaita.h>

#include "vt-round-stats.h"
#include "vt-store.h"

G_BEGIN_DECLS

#define VT_TYPE_ROUND_PLAN_DIALOG (vt_round_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VtRoundPlanDialog, vt_round_plan_dialog, VT, ROUND_PLAN_DIALOG, AdwWindow)

VtRoundPlanDialog *vt_round_plan_dialog_new            (GtkWindow         *parent,
                                                        VtStore           *store,
                                                        VtRoundStats      *stats);
guint              vt_round_plan_dialog_get_target     (VtRoundPlanDialog *self);
guint              vt_round_plan_dialog_get_n_entries  (VtRoundPlanDialog *self);
const char        *vt_round_plan_dialog_get_uuid       (VtRoundPlanDialog *self,
                                                        guint              position);
gboolean           vt_round_plan_dialog_get_proposed   (VtRoundPlanDialog *self,
                                                        guint              position);
void               vt_round_plan_dialog_set_proposed   (VtRoundPlanDialog *self,
                                                        guint              position,
                                                        gboolean           proposed);
const char        *vt_round_plan_dialog_get_summary    (VtRoundPlanDialog *self);
GtkWidget         *vt_round_plan_dialog_move           (VtRoundPlanDialog *self,
                                                        gboolean           proposed);

G_END_DECLS
