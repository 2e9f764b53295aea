/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-plan.c: proposes the suppliers for a round's second visits.
 *
 * The list is a proposal for staff to confirm, so it never decides what
 * people must: suppliers with the same index on both sides of the cut
 * are all proposed and marked as a tie (the list is then longer than the
 * target, and staff choose), a knock-out is ranked after everyone
 * without one and said to be one, and a supplier without an assessment
 * is listed, never ranked.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vt-round-plan.h"

/* Indexes are shown with one decimal: closer than that is a tie. */
#define SAME_INDEX 0.05

static int
group_of (const VtPlanEntry *e)
{
  if (e->index < 0)
    return 2;
  return e->knockout ? 1 : 0;
}

static gboolean
same_index (double a,
            double b)
{
  return fabs (a - b) < SAME_INDEX;
}

/* Best first: no knock-out, then knock-outs, then the unassessed; by
 * index within a group; equal ones keep the caller's order. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const VtPlanEntry *x = a, *y = b;
  int gx = group_of (x), gy = group_of (y);

  if (gx != gy)
    return gx < gy ? -1 : 1;
  if (gx == 2 || same_index (x->index, y->index))
    return 0;
  return x->index > y->index ? -1 : 1;
}

/**
 * vt_round_plan_propose:
 * @entries: (element-type VtPlanEntry): the candidates, in the order to
 *   keep between equals (by name, say)
 * @target: how many second visits the round plans
 *
 * Sorts @entries best first and proposes the top @target of those with an
 * index and no knock-out, together with any that tie with the last of
 * them. Knock-outs fill places only when there are too few others.
 *
 * Returns: how many are proposed
 */
guint
vt_round_plan_propose (GArray *entries,
                       guint   target)
{
  guint n_proposed = 0;
  double cut_index = -1;

  g_return_val_if_fail (entries != NULL, 0);

  /* g_array_sort is not stable, and equals must keep the caller's
   * order: an insertion sort, for a round has dozens of suppliers. */
  for (guint i = 1; i < entries->len; i++)
    {
      VtPlanEntry e = g_array_index (entries, VtPlanEntry, i);
      guint j = i;

      while (j > 0 && compare_entries (&g_array_index (entries, VtPlanEntry, j - 1), &e) > 0)
        {
          g_array_index (entries, VtPlanEntry, j) = g_array_index (entries, VtPlanEntry, j - 1);
          j--;
        }
      g_array_index (entries, VtPlanEntry, j) = e;
    }

  /* Ranks: equal indexes share one; knock-outs are ranked after the
   * others, on their index; the unassessed have none. */
  for (guint i = 0; i < entries->len; i++)
    {
      VtPlanEntry *e = &g_array_index (entries, VtPlanEntry, i);
      VtPlanEntry *prev = i > 0 ? &g_array_index (entries, VtPlanEntry, i - 1) : NULL;

      e->proposed = FALSE;
      e->note = e->index < 0 ? VT_PLAN_NOTE_NOT_ASSESSED : e->knockout ? VT_PLAN_NOTE_KNOCKOUT : VT_PLAN_NOTE_NONE;
      if (e->index < 0)
        e->rank = 0;
      else if (prev != NULL && group_of (prev) == group_of (e) && same_index (prev->index, e->index))
        e->rank = prev->rank;
      else
        e->rank = i + 1;
    }

  /* The top @target of the ranked, and everyone equal to the last one. */
  for (guint i = 0; i < entries->len; i++)
    {
      VtPlanEntry *e = &g_array_index (entries, VtPlanEntry, i);

      if (e->index < 0)
        break;
      if (n_proposed < target)
        {
          e->proposed = TRUE;
          n_proposed++;
          cut_index = e->index;
        }
      else if (n_proposed > 0 && same_index (e->index, cut_index)
               && group_of (e) == group_of (&g_array_index (entries, VtPlanEntry, i - 1)))
        {
          e->proposed = TRUE;
          n_proposed++;
        }
    }

  /* Mark both sides of a tie at the cut, so staff see whom to choose
   * between. A knock-out keeps its own note. */
  if (n_proposed > target && target > 0)
    for (guint i = 0; i < entries->len; i++)
      {
        VtPlanEntry *e = &g_array_index (entries, VtPlanEntry, i);

        if (e->proposed && e->note == VT_PLAN_NOTE_NONE && same_index (e->index, cut_index))
          e->note = VT_PLAN_NOTE_TIE;
      }
  return n_proposed;
}

/**
 * vt_round_plan_count_proposed:
 * @entries: (element-type VtPlanEntry)
 *
 * Returns: how many entries are proposed, after staff changed them
 */
guint
vt_round_plan_count_proposed (GArray *entries)
{
  guint n = 0;

  g_return_val_if_fail (entries != NULL, 0);

  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, VtPlanEntry, i).proposed)
      n++;
  return n;
}

/**
 * vt_plan_note_get_display_name:
 *
 * Returns: (nullable): what to show beside an entry, or %NULL for none
 */
const char *
vt_plan_note_get_display_name (VtPlanNote note)
{
  switch (note)
    {
    case VT_PLAN_NOTE_TIE:
      return _("Tied at the cut");
    case VT_PLAN_NOTE_KNOCKOUT:
      return _("Knock-out criterion at its lowest level");
    case VT_PLAN_NOTE_NOT_ASSESSED:
      return _("Not assessed yet");
    case VT_PLAN_NOTE_NONE:
    default:
      return NULL;
    }
}
