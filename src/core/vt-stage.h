/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-stage.h: the dossier pipeline and its allowed moves. */
#pragma once

#include "vt-types.h"

G_BEGIN_DECLS

typedef enum
{
  VT_STAGE_RECEIVED,
  VT_STAGE_APPRAISED,
  VT_STAGE_SHORTLISTED,
  VT_STAGE_FIRST_VISIT_DONE,
  VT_STAGE_SECOND_VISIT_DONE,
  VT_STAGE_SELECTED,
  VT_STAGE_IN_SUPPORT,
  VT_STAGE_CONNECTED_TO_BUYER,
  VT_STAGE_REJECTED,
  VT_STAGE_WITHDRAWN,
} VtStage;

#define VT_N_STAGES (VT_STAGE_WITHDRAWN + 1)

const char *vt_stage_to_string               (VtStage      stage);
gboolean    vt_stage_from_string             (const char  *id,
                                              VtStage     *stage);
const char *vt_stage_get_display_name        (VtStage      stage);
const char *vt_stage_get_msgid                (VtStage      stage);
gboolean    vt_stage_is_closed               (VtStage      stage);
gboolean    vt_stage_check_transition        (VtStage      from,
                                              VtStage      to,
                                              const char  *reason,
                                              GError     **error);
gboolean    vt_stage_transition_needs_reason (VtStage      from,
                                              VtStage      to);
GArray     *vt_stage_get_next_stages         (VtStage      from);
GArray     *vt_stage_get_common_next_stages  (const VtStage *from,
                                              guint          n_from);
int         vt_stage_suggest_next            (const VtStage *from,
                                              guint          n_from,
                                              GArray        *offered);

/**
 * VtStageChange:
 * One row of a supplier's stage history. @from is -1 for the first row.
 */
struct _VtStageChange
{
  gint64     id;
  gint64     round_id;        /* 0 when none */
  GDateTime *at;
  char      *who;
  int        from;            /* a VtStage, or -1 */
  VtStage    to;
  char      *reason;
};

GType          vt_stage_change_get_type (void) G_GNUC_CONST;
VtStageChange *vt_stage_change_copy     (const VtStageChange *change);
void           vt_stage_change_free     (VtStageChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtStageChange, vt_stage_change_free)

G_END_DECLS
