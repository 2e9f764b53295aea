/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-person.h: staff, consultants, interpreters and officials. */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"

G_BEGIN_DECLS

#define VT_TYPE_PERSON (vt_person_get_type ())

/**
 * VtPerson:
 * @languages: comma-separated language codes, e.g. "ko,en"
 */
struct _VtPerson
{
  gint64        id;
  gint64        version;
  VtPersonKind  kind;
  char         *family_name;
  char         *middle_name;
  char         *given_name;
  char         *organisation;
  char         *specialty;
  char         *languages;
  char         *email;
  char         *phone;
  GDateTime    *created_at;
  GDateTime    *updated_at;
};

VT_DECLARE_RC_BOXED (VtPerson, vt_person)
VtPerson *vt_person_new           (VtPersonKind     kind,
                                   const char      *family_name,
                                   const char      *middle_name,
                                   const char      *given_name);
char     *vt_person_dup_full_name (const VtPerson  *person);

G_END_DECLS
