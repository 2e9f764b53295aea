/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round.h: a programme round (cohort) with its targets per stage. */
#pragma once

#include "vt-boxed.h"
#include "vt-stage.h"

G_BEGIN_DECLS

#define VT_TYPE_ROUND (vt_round_get_type ())

/**
 * VtRound:
 * @id: 0 for a round not saved yet
 * @version: the row version read, for optimistic locking; 0 when new
 * @targets: how many suppliers should reach each stage; -1 for no target
 * @closed_at: (nullable): when the round was closed; a closed round is
 *   read-only
 * @closed_by: (nullable): who closed it
 * @is_current: whether this is the round staff work in now
 * @change_reason: (nullable): when saving, why the targets changed; kept
 *   in the audit log, not in the round
 */
struct _VtRound
{
  gint64     id;
  gint64     version;
  char      *name;
  int        year;
  GDate      starts_on;       /* cleared when unknown */
  GDate      ends_on;
  char      *notes;
  int        targets[VT_N_STAGES];
  GDateTime *created_at;      /* set by the store */
  GDateTime *updated_at;
  GDateTime *closed_at;       /* set by the store */
  char      *closed_by;
  gboolean   is_current;
  char      *change_reason;
};

VT_DECLARE_RC_BOXED (VtRound, vt_round)
VtRound *vt_round_new                  (void);
int      vt_round_compare_newest_first (gconstpointer a,
                                        gconstpointer b);

/**
 * VtProvince:
 * A provincial-level unit. @list_id is "2025" for the 34 units in force
 * since 1 July 2025 and "pre2025" for the 63 before; @successor_code is the
 * 2025 unit a pre2025 one became part of.
 */
struct _VtProvince
{
  char *list_id;
  char *code;
  char *name_vi;
  char *short_name_vi;
  char *name_en;
  char *name_ko;
  char *successor_code;
};

#define VT_TYPE_PROVINCE (vt_province_get_type ())
VT_DECLARE_RC_BOXED (VtProvince, vt_province)
VtProvince *vt_province_new (void);

G_END_DECLS
