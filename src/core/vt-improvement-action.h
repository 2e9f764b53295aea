/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-improvement-action.h: an action agreed at an assessment, checked at
 * the next one. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_IMPROVEMENT_ACTION (vt_improvement_action_get_type ())

typedef enum
{
  VT_ACTION_STATUS_OPEN,
  VT_ACTION_STATUS_DONE,
  VT_ACTION_STATUS_NOT_DONE,
} VtActionStatus;

/**
 * VtImprovementAction:
 * @assessment_id: the assessment that agreed it
 * @criterion_code: the criterion it improves, by code, so that it can be
 *   checked under a later version of the criterion set
 * @checked_in: the assessment that checked it (0 while open)
 */
struct _VtImprovementAction
{
  gint64          id;
  gint64          version;
  gint64          assessment_id;
  char           *criterion_code;
  char           *action;
  char           *owner;
  GDate           due_on;
  VtActionStatus  status;
  gint64          checked_in;
};

VT_DECLARE_RC_BOXED (VtImprovementAction, vt_improvement_action)

VtImprovementAction *vt_improvement_action_new (const char     *criterion_code,
                                                const char     *action);
const char          *vt_action_status_to_string   (VtActionStatus  status);
gboolean             vt_action_status_from_string (const char     *text,
                                                   VtActionStatus *status);
const char          *vt_action_status_get_display_name (VtActionStatus status);

G_END_DECLS
