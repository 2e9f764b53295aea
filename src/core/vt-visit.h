/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit.h: a factory visit and who goes. */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"

G_BEGIN_DECLS

#define VT_TYPE_VISIT (vt_visit_get_type ())

/**
 * VtVisit:
 * @uuid: stable id, set by the store when the visit is first saved; the
 *   iCalendar UID is derived from it
 * @ical_uid: (nullable): the UID of the event the visit was imported from
 * @status_reason: (nullable): why it was postponed or cancelled
 * @starts_at: (not nullable): any time zone; shown in Asia/Ho_Chi_Minh
 * @participant_ids: (element-type gint64): VtPerson ids
 * @participant_roles: (element-type VtPersonKind): the role of each
 *   participant, parallel to @participant_ids
 * @supplier_name: (nullable): filled by the store when reading, for display
 * @province_code: (nullable): the supplier's 2025 province, filled by the
 *   store when reading
 */
struct _VtVisit
{
  gint64         id;
  gint64         version;
  char          *uuid;
  char          *ical_uid;
  char          *supplier_uuid;
  gint64         round_id;        /* 0 when none */
  VtVisitKind    kind;
  VtVisitStatus  status;
  char          *status_reason;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  char          *place;
  char          *purpose;
  char          *findings;
  char          *follow_up;
  GArray        *participant_ids;
  GArray        *participant_roles;
  char          *supplier_name;
  char          *province_code;
  GDateTime     *created_at;
  GDateTime     *updated_at;
};

VT_DECLARE_RC_BOXED (VtVisit, vt_visit)
VtVisit *vt_visit_new (const char  *supplier_uuid,
                       VtVisitKind  kind,
                       GDateTime   *starts_at,
                       GDateTime   *ends_at);
VtVisit *vt_visit_copy (const VtVisit *visit);
void     vt_visit_add_participant    (VtVisit      *visit,
                                      gint64        person_id,
                                      VtPersonKind  role);
gboolean vt_visit_remove_participant (VtVisit      *visit,
                                      gint64        person_id);
VtPersonKind vt_visit_get_role       (const VtVisit *visit,
                                      gint64         person_id);

G_END_DECLS
