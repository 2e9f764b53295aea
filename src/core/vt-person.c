/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-person.c: staff, consultants, interpreters and officials. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-audit.h"
#include "vt-person.h"
#include "vt-supplier.h"

static void
vt_person_clear (VtPerson *self)
{
  g_free (self->family_name);
  g_free (self->middle_name);
  g_free (self->given_name);
  g_free (self->organisation);
  g_free (self->specialty);
  g_free (self->languages);
  g_free (self->email);
  g_free (self->phone);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

VT_DEFINE_RC_BOXED (VtPerson, vt_person, vt_person_clear)

VtPerson *
vt_person_new (VtPersonKind  kind,
               const char   *family_name,
               const char   *middle_name,
               const char   *given_name)
{
  VtPerson *self = g_rc_box_new0 (VtPerson);

  self->kind = kind;
  self->family_name = g_strdup (family_name);
  self->middle_name = g_strdup (middle_name);
  self->given_name = g_strdup (given_name);
  return self;
}

char *
vt_person_dup_full_name (const VtPerson *person)
{
  return vt_name_parts_join (person->family_name, person->middle_name, person->given_name);
}

VtFields *
vt_person_to_fields (const VtPerson *p)
{
  VtFields *f = vt_fields_new ();

  vt_fields_add (f, "kind", vt_person_kind_to_string (p->kind));
  vt_fields_add (f, "family_name", p->family_name);
  vt_fields_add (f, "middle_name", p->middle_name);
  vt_fields_add (f, "given_name", p->given_name);
  vt_fields_add (f, "organisation", p->organisation);
  vt_fields_add (f, "specialty", p->specialty);
  vt_fields_add (f, "languages", p->languages);
  vt_fields_add (f, "email", p->email);
  vt_fields_add (f, "phone", p->phone);
  return f;
}
