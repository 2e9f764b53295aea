/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit.h: a factory visit and who goes. */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"

G_BEGIN_DECLS

#define VT_TYPE_VISIT (vt_visit_get_type ())

/**
 * VtVisit:
 * @starts_at: (not nullable): any time zone; shown in Asia/Ho_Chi_Minh
 * @participant_ids: (element-type gint64): VtPerson ids
 */
struct _VtVisit
{
  gint64         id;
  gint64         version;
  char          *supplier_uuid;
  gint64         round_id;        /* 0 when none */
  VtVisitKind    kind;
  VtVisitStatus  status;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  char          *place;
  char          *purpose;
  char          *findings;
  char          *follow_up;
  GArray        *participant_ids;
  GDateTime     *created_at;
  GDateTime     *updated_at;
};

VT_DECLARE_RC_BOXED (VtVisit, vt_visit)
VtVisit *vt_visit_new (const char  *supplier_uuid,
                       VtVisitKind  kind,
                       GDateTime   *starts_at,
                       GDateTime   *ends_at);

G_END_DECLS
