/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit.c: factory visits. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-audit.h"
#include "vt-visit.h"

static void
vt_visit_clear (VtVisit *self)
{
  g_free (self->supplier_uuid);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_free (self->place);
  g_free (self->purpose);
  g_free (self->findings);
  g_free (self->follow_up);
  g_clear_pointer (&self->participant_ids, g_array_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

VT_DEFINE_RC_BOXED (VtVisit, vt_visit, vt_visit_clear)

VtVisit *
vt_visit_new (const char  *supplier_uuid,
              VtVisitKind  kind,
              GDateTime   *starts_at,
              GDateTime   *ends_at)
{
  VtVisit *self = g_rc_box_new0 (VtVisit);

  self->supplier_uuid = g_strdup (supplier_uuid);
  self->kind = kind;
  self->status = VT_VISIT_STATUS_PLANNED;
  self->starts_at = starts_at ? g_date_time_ref (starts_at) : NULL;
  self->ends_at = ends_at ? g_date_time_ref (ends_at) : NULL;
  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

VtFields *
vt_visit_to_fields (const VtVisit *v)
{
  VtFields *f = vt_fields_new ();
  g_autofree char *participants = vt_ids_to_text (v->participant_ids);

  vt_fields_add (f, "supplier", v->supplier_uuid);
  vt_fields_add_int (f, "round_id", v->round_id, 0);
  vt_fields_add (f, "kind", vt_visit_kind_to_string (v->kind));
  vt_fields_add (f, "status", vt_visit_status_to_string (v->status));
  vt_fields_add_time (f, "starts_at", v->starts_at);
  vt_fields_add_time (f, "ends_at", v->ends_at);
  vt_fields_add (f, "place", v->place);
  vt_fields_add (f, "purpose", v->purpose);
  vt_fields_add (f, "findings", v->findings);
  vt_fields_add (f, "follow_up", v->follow_up);
  vt_fields_add (f, "participants", participants);
  return f;
}
