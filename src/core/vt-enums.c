/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-enums.c: ids and display names of the domain vocabularies. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-enums.h"
#include "vt-error.h"

/* Indexed by the enum value. */
static const VtEnumEntry sectors[] = {
  { "automotive", N_("Automotive") },
  { "electrical-electronic", N_("Electrical and electronic") },
  { "other", N_("Other sector") },
};

static const VtEnumEntry ownerships[] = {
  { "unknown", N_("Unknown ownership") },
  { "domestic-private", N_("Vietnamese private") },
  { "state", N_("State-owned") },
  { "korean-invested", N_("Korean-invested") },
  { "other-foreign", N_("Other foreign-invested") },
  { "joint-venture", N_("Joint venture") },
};

static const VtEnumEntry visit_kinds[] = {
  { "first", N_("First visit") },
  { "second", N_("Second visit") },
  { "follow-up", N_("Follow-up visit") },
  { "technical-assistance", N_("Technical assistance") },
};

static const VtEnumEntry visit_statuses[] = {
  { "planned", N_("Planned") },
  { "confirmed", N_("Confirmed") },
  { "done", N_("Done") },
  { "postponed", N_("Postponed") },
  { "cancelled", N_("Cancelled") },
};

static const VtEnumEntry person_kinds[] = {
  { "staff", N_("VITASK staff") },
  { "consultant", N_("Consultant") },
  { "interpreter", N_("Interpreter") },
  { "official", N_("Official") },
  { "other", N_("Other") },
};

G_DEFINE_QUARK (vt-store-error-quark, vt_store_error)

const char *
vt_enum_table_get_id (const VtEnumEntry *table,
                      guint              n_entries,
                      int                value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_entries, NULL);
  return table[value].id;
}

const char *
vt_enum_table_get_display_name (const VtEnumEntry *table,
                                guint              n_entries,
                                int                value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_entries, NULL);
  return _(table[value].display_name);
}

const char *
vt_enum_table_get_msgid (const VtEnumEntry *table,
                         guint              n_entries,
                         int                value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_entries, NULL);
  return table[value].display_name;
}

gboolean
vt_enum_table_lookup (const VtEnumEntry *table,
                      guint              n_entries,
                      const char        *id,
                      int               *value)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    if (g_str_equal (table[i].id, id))
      {
        *value = (int) i;
        return TRUE;
      }

  return FALSE;
}

VT_DEFINE_ENUM_NAMES (VtSector, vt_sector, sectors)
VT_DEFINE_ENUM_NAMES (VtOwnership, vt_ownership, ownerships)
VT_DEFINE_ENUM_NAMES (VtVisitKind, vt_visit_kind, visit_kinds)
VT_DEFINE_ENUM_NAMES (VtVisitStatus, vt_visit_status, visit_statuses)
VT_DEFINE_ENUM_NAMES (VtPersonKind, vt_person_kind, person_kinds)
