/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit.c: factory visits. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-audit.h"
#include "vt-visit.h"

static void
vt_visit_clear (VtVisit *self)
{
  g_free (self->uuid);
  g_free (self->ical_uid);
  g_free (self->supplier_uuid);
  g_free (self->status_reason);
  g_free (self->supplier_name);
  g_free (self->province_code);
  g_clear_pointer (&self->participant_roles, g_array_unref);
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
  self->participant_roles = g_array_new (FALSE, FALSE, sizeof (VtPersonKind));
  return self;
}

/**
 * vt_visit_copy:
 *
 * Returns: (transfer full): a deep copy, for an editor to change without
 *   touching the visit a list shows
 */
VtVisit *
vt_visit_copy (const VtVisit *visit)
{
  VtVisit *self = vt_visit_new (visit->supplier_uuid, visit->kind, visit->starts_at, visit->ends_at);

  self->id = visit->id;
  self->version = visit->version;
  self->uuid = g_strdup (visit->uuid);
  self->ical_uid = g_strdup (visit->ical_uid);
  self->round_id = visit->round_id;
  self->status = visit->status;
  self->status_reason = g_strdup (visit->status_reason);
  self->place = g_strdup (visit->place);
  self->purpose = g_strdup (visit->purpose);
  self->findings = g_strdup (visit->findings);
  self->follow_up = g_strdup (visit->follow_up);
  self->supplier_name = g_strdup (visit->supplier_name);
  self->province_code = g_strdup (visit->province_code);
  for (guint i = 0; i < visit->participant_ids->len; i++)
    vt_visit_add_participant (self, g_array_index (visit->participant_ids, gint64, i),
                              vt_visit_get_role (visit, g_array_index (visit->participant_ids, gint64, i)));
  self->created_at = visit->created_at ? g_date_time_ref (visit->created_at) : NULL;
  self->updated_at = visit->updated_at ? g_date_time_ref (visit->updated_at) : NULL;
  return self;
}

/* Keeps the roles array as long as the ids, for visits whose ids were
 * appended directly. */
static void
sync_roles (VtVisit *self)
{
  while (self->participant_roles->len < self->participant_ids->len)
    {
      VtPersonKind role = VT_PERSON_KIND_STAFF;

      g_array_append_val (self->participant_roles, role);
    }
  g_array_set_size (self->participant_roles, self->participant_ids->len);
}

/**
 * vt_visit_add_participant:
 *
 * Adds @person_id in @role, or changes the role of one already there.
 */
void
vt_visit_add_participant (VtVisit      *visit,
                          gint64        person_id,
                          VtPersonKind  role)
{
  sync_roles (visit);
  for (guint i = 0; i < visit->participant_ids->len; i++)
    if (g_array_index (visit->participant_ids, gint64, i) == person_id)
      {
        g_array_index (visit->participant_roles, VtPersonKind, i) = role;
        return;
      }
  g_array_append_val (visit->participant_ids, person_id);
  g_array_append_val (visit->participant_roles, role);
}

gboolean
vt_visit_remove_participant (VtVisit *visit,
                             gint64   person_id)
{
  sync_roles (visit);
  for (guint i = 0; i < visit->participant_ids->len; i++)
    if (g_array_index (visit->participant_ids, gint64, i) == person_id)
      {
        g_array_remove_index (visit->participant_ids, i);
        g_array_remove_index (visit->participant_roles, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * vt_visit_get_role:
 *
 * Returns: the role of @person_id on the visit; staff when the role was
 *   never set
 */
VtPersonKind
vt_visit_get_role (const VtVisit *visit,
                   gint64         person_id)
{
  for (guint i = 0; i < visit->participant_ids->len; i++)
    if (g_array_index (visit->participant_ids, gint64, i) == person_id)
      return i < visit->participant_roles->len
             ? g_array_index (visit->participant_roles, VtPersonKind, i)
             : VT_PERSON_KIND_STAFF;
  return VT_PERSON_KIND_STAFF;
}

VtFields *
vt_visit_to_fields (const VtVisit *v)
{
  VtFields *f = vt_fields_new ();
  g_autoptr(GString) participants = g_string_new (NULL);

  /* "id:role,id:role" so that a change of role shows in the audit. */
  for (guint i = 0; i < v->participant_ids->len; i++)
    {
      gint64 person = g_array_index (v->participant_ids, gint64, i);

      g_string_append_printf (participants, "%s%" G_GINT64_FORMAT ":%s", i > 0 ? "," : "", person,
                              vt_person_kind_to_string (vt_visit_get_role (v, person)));
    }
  vt_fields_add (f, "supplier", v->supplier_uuid);
  vt_fields_add_int (f, "round_id", v->round_id, 0);
  vt_fields_add (f, "kind", vt_visit_kind_to_string (v->kind));
  vt_fields_add (f, "status", vt_visit_status_to_string (v->status));
  vt_fields_add (f, "status_reason", v->status_reason);
  vt_fields_add_time (f, "starts_at", v->starts_at);
  vt_fields_add_time (f, "ends_at", v->ends_at);
  vt_fields_add (f, "place", v->place);
  vt_fields_add (f, "purpose", v->purpose);
  vt_fields_add (f, "findings", v->findings);
  vt_fields_add (f, "follow_up", v->follow_up);
  vt_fields_add (f, "participants", participants->len > 0 ? participants->str : NULL);
  return f;
}
