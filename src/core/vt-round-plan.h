/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-plan.h: proposes the suppliers for a round's second visits
 * from the results of the first. */
#pragma once

#include "vt-types.h"

G_BEGIN_DECLS

/**
 * VtPlanNote:
 * @VT_PLAN_NOTE_NONE: ranked on its index
 * @VT_PLAN_NOTE_TIE: its index equals that of a supplier on the other
 *   side of the cut: staff decide between them
 * @VT_PLAN_NOTE_KNOCKOUT: a knock-out criterion is at its lowest level;
 *   ranked after everyone without one, whatever the index
 * @VT_PLAN_NOTE_NOT_ASSESSED: no final assessment yet; never proposed
 *
 * Why an entry is where it is on the proposed list.
 */
typedef enum
{
  VT_PLAN_NOTE_NONE,
  VT_PLAN_NOTE_TIE,
  VT_PLAN_NOTE_KNOCKOUT,
  VT_PLAN_NOTE_NOT_ASSESSED,
} VtPlanNote;

/**
 * VtPlanEntry:
 * @data: the caller's, carried along (e.g. a VtRoundSupplier)
 * @index: the readiness index, 0-100, or -1 when not assessed
 * @knockout: a knock-out criterion is at its lowest level
 * @rank: 1 for the best; equal indexes share a rank (1, 2, 2, 4); 0 when
 *   not assessed
 * @proposed: on the proposed list
 * @note: why
 *
 * The caller fills @data, @index and @knockout; vt_round_plan_propose()
 * fills the rest.
 */
typedef struct
{
  gpointer    data;
  double      index;
  gboolean    knockout;
  guint       rank;
  gboolean    proposed;
  VtPlanNote  note;
} VtPlanEntry;

guint       vt_round_plan_propose          (GArray     *entries,
                                            guint       target);
guint       vt_round_plan_count_proposed   (GArray     *entries);
const char *vt_plan_note_get_display_name  (VtPlanNote  note);

G_END_DECLS
