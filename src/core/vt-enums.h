/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-enums.h: the small closed vocabularies of the domain.
 *
 * Each has a stable id (stored in files and databases, never translated)
 * and a translated display name.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_SECTOR_AUTOMOTIVE,
  VT_SECTOR_ELECTRICAL_ELECTRONIC,
  VT_SECTOR_OTHER,
} VtSector;

typedef enum
{
  VT_OWNERSHIP_UNKNOWN,
  VT_OWNERSHIP_DOMESTIC_PRIVATE,
  VT_OWNERSHIP_STATE,
  VT_OWNERSHIP_KOREAN_INVESTED,
  VT_OWNERSHIP_OTHER_FOREIGN,
  VT_OWNERSHIP_JOINT_VENTURE,
} VtOwnership;

typedef enum
{
  VT_VISIT_KIND_FIRST,
  VT_VISIT_KIND_SECOND,
  VT_VISIT_KIND_FOLLOW_UP,
  VT_VISIT_KIND_TECHNICAL_ASSISTANCE,
} VtVisitKind;

typedef enum
{
  VT_VISIT_STATUS_PLANNED,
  VT_VISIT_STATUS_CONFIRMED,
  VT_VISIT_STATUS_DONE,
  VT_VISIT_STATUS_POSTPONED,
  VT_VISIT_STATUS_CANCELLED,
} VtVisitStatus;

typedef enum
{
  VT_PERSON_KIND_STAFF,
  VT_PERSON_KIND_CONSULTANT,
  VT_PERSON_KIND_INTERPRETER,
  VT_PERSON_KIND_OFFICIAL,
  VT_PERSON_KIND_OTHER,
} VtPersonKind;

const char *vt_sector_to_string            (VtSector       sector);
gboolean    vt_sector_from_string          (const char    *id,
                                            VtSector      *sector);
const char *vt_sector_get_display_name     (VtSector       sector);
const char *vt_sector_get_msgid (VtSector       sector);

const char *vt_ownership_to_string         (VtOwnership    ownership);
gboolean    vt_ownership_from_string       (const char    *id,
                                            VtOwnership   *ownership);
const char *vt_ownership_get_display_name  (VtOwnership    ownership);
const char *vt_ownership_get_msgid (VtOwnership    ownership);

const char *vt_visit_kind_to_string        (VtVisitKind    kind);
gboolean    vt_visit_kind_from_string      (const char    *id,
                                            VtVisitKind   *kind);
const char *vt_visit_kind_get_display_name (VtVisitKind    kind);
const char *vt_visit_kind_get_msgid (VtVisitKind    kind);

const char *vt_visit_status_to_string      (VtVisitStatus  status);
gboolean    vt_visit_status_from_string    (const char    *id,
                                            VtVisitStatus *status);
const char *vt_visit_status_get_display_name (VtVisitStatus status);
const char *vt_visit_status_get_msgid (VtVisitStatus status);

const char *vt_person_kind_to_string       (VtPersonKind   kind);
gboolean    vt_person_kind_from_string     (const char    *id,
                                            VtPersonKind  *kind);
const char *vt_person_kind_get_display_name (VtPersonKind  kind);
const char *vt_person_kind_get_msgid (VtPersonKind  kind);

/*< private >*/
/* One row of an id/display-name table; shared by the enums of the core. */
typedef struct
{
  const char *id;
  const char *display_name;   /* N_() marked, translated on lookup */
} VtEnumEntry;

const char *vt_enum_table_get_id           (const VtEnumEntry *table,
                                            guint              n_entries,
                                            int                value);
const char *vt_enum_table_get_display_name (const VtEnumEntry *table,
                                            guint              n_entries,
                                            int                value);
const char *vt_enum_table_get_msgid        (const VtEnumEntry *table,
                                            guint              n_entries,
                                            int                value);
gboolean    vt_enum_table_lookup           (const VtEnumEntry *table,
                                            guint              n_entries,
                                            const char        *id,
                                            int               *value);

/* Defines prefix_to_string(), prefix_from_string(),
 * prefix_get_display_name() and prefix_get_msgid() (the untranslated name,
 * for vt_bilingual_gettext()) over a VtEnumEntry table indexed by value. */
#define VT_DEFINE_ENUM_NAMES(Type, prefix, table)                                 \
  const char *                                                                 \
  prefix##_to_string (Type value)                                              \
  {                                                                            \
    return vt_enum_table_get_id (table, G_N_ELEMENTS (table), value);          \
  }                                                                            \
  gboolean                                                                     \
  prefix##_from_string (const char *id, Type *value)                           \
  {                                                                            \
    int v;                                                                     \
    if (!vt_enum_table_lookup (table, G_N_ELEMENTS (table), id, &v))           \
      return FALSE;                                                            \
    *value = (Type) v;                                                         \
    return TRUE;                                                               \
  }                                                                            \
  const char *                                                                 \
  prefix##_get_display_name (Type value)                                       \
  {                                                                            \
    return vt_enum_table_get_display_name (table, G_N_ELEMENTS (table), value); \
  }                                                                            \
  const char *                                                                 \
  prefix##_get_msgid (Type value)                                              \
  {                                                                            \
    return vt_enum_table_get_msgid (table, G_N_ELEMENTS (table), value);       \
  }

G_END_DECLS
