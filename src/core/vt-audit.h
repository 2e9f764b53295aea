/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-audit.h: audit log entries, and the field lists they are diffed from.
 *
 * Every backend writes the same audit rows: each entity is turned into a
 * flat list of named text values (VtFields), and a save logs one row per
 * value that changed. Creation and deletion log one row each.
 */
#pragma once

#include "vt-boxed.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_TYPE_AUDIT_ENTRY (vt_audit_entry_get_type ())

/**
 * VtAuditEntry:
 * @action: "insert", "update" or "delete"
 * @entity: "supplier", "round", "person", "visit", "criterion_set",
 *   "assessment", "attachment"
 * @field: (nullable): the field changed; %NULL for insert and delete
 */
struct _VtAuditEntry
{
  gint64     id;
  GDateTime *at;
  char      *who;
  char      *action;
  char      *entity;
  char      *entity_id;
  char      *field;
  char      *old_value;
  char      *new_value;
  char      *reason;          /* why, where the person was asked; or NULL */
};

VT_DECLARE_RC_BOXED (VtAuditEntry, vt_audit_entry)
VtAuditEntry *vt_audit_entry_new (const char *action,
                                  const char *entity,
                                  const char *entity_id,
                                  const char *field,
                                  const char *old_value,
                                  const char *new_value);

typedef struct _VtFields VtFields;

VtFields  *vt_fields_new        (void);
void       vt_fields_free       (VtFields        *fields);
void       vt_fields_add        (VtFields        *fields,
                                 const char      *name,
                                 const char      *value);
void       vt_fields_add_int    (VtFields        *fields,
                                 const char      *name,
                                 gint64           value,
                                 gint64           unset);
void       vt_fields_add_double (VtFields        *fields,
                                 const char      *name,
                                 double           value);
void       vt_fields_add_date   (VtFields        *fields,
                                 const char      *name,
                                 const GDate     *date);
void       vt_fields_add_time   (VtFields        *fields,
                                 const char      *name,
                                 GDateTime       *time);
GPtrArray *vt_fields_diff       (const VtFields  *old_fields,
                                 const VtFields  *new_fields,
                                 const char      *entity,
                                 const char      *entity_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtFields, vt_fields_free)

/* The audited fields of each entity, defined next to the entity. */
VtFields  *vt_supplier_to_fields       (const VtSupplier      *supplier);
VtFields  *vt_round_to_fields          (const VtRound         *round);
VtFields  *vt_person_to_fields         (const VtPerson        *person);
VtFields  *vt_visit_to_fields          (const VtVisit         *visit);
VtFields  *vt_criterion_set_to_fields  (const VtCriterionSet  *set);
VtFields  *vt_assessment_to_fields     (const VtAssessment    *assessment);

char      *vt_date_to_iso       (const GDate     *date);
gboolean   vt_date_from_iso     (GDate           *date,
                                 const char      *iso);
char      *vt_time_to_iso       (GDateTime       *time);
GDateTime *vt_time_from_iso     (const char      *iso);
char      *vt_ids_to_text       (GArray          *ids);
gboolean   vt_text_is_blank     (const char      *text);

G_END_DECLS
