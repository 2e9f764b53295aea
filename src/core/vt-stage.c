/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-stage.c: the dossier pipeline and its allowed moves. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-enums.h"
#include "vt-error.h"
#include "vt-stage.h"

/* Indexed by VtStage. */
static const VtEnumEntry stages[] = {
  { "received", N_("Received") },
  { "appraised", N_("Appraised") },
  { "shortlisted", N_("Shortlisted") },
  { "first_visit_done", N_("First visit done") },
  { "second_visit_done", N_("Second visit done") },
  { "selected", N_("Selected") },
  { "in_support", N_("In support") },
  { "connected_to_buyer", N_("Connected to buyer") },
  { "rejected", N_("Rejected") },
  { "withdrawn", N_("Withdrawn") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (stages) == VT_N_STAGES);

VT_DEFINE_ENUM_NAMES (VtStage, vt_stage, stages)

typedef struct
{
  VtStage  from;
  VtStage  to;
  gboolean needs_reason;
} Transition;

/* THE table of allowed moves, apart from rejected/withdrawn, which are
 * reachable from every open stage and always need a reason (see
 * find_transition()). Steps forward follow the programme; a step back
 * corrects a mistake and needs a reason; a closed dossier can be reopened
 * with a reason (a supplier applies again). */
static const Transition transitions[] = {
  { VT_STAGE_RECEIVED, VT_STAGE_APPRAISED, FALSE },
  { VT_STAGE_APPRAISED, VT_STAGE_SHORTLISTED, FALSE },
  { VT_STAGE_SHORTLISTED, VT_STAGE_FIRST_VISIT_DONE, FALSE },
  { VT_STAGE_FIRST_VISIT_DONE, VT_STAGE_SECOND_VISIT_DONE, FALSE },
  { VT_STAGE_SECOND_VISIT_DONE, VT_STAGE_SELECTED, FALSE },
  { VT_STAGE_SELECTED, VT_STAGE_IN_SUPPORT, FALSE },
  { VT_STAGE_SELECTED, VT_STAGE_CONNECTED_TO_BUYER, FALSE },
  { VT_STAGE_IN_SUPPORT, VT_STAGE_CONNECTED_TO_BUYER, FALSE },

  { VT_STAGE_APPRAISED, VT_STAGE_RECEIVED, TRUE },
  { VT_STAGE_SHORTLISTED, VT_STAGE_APPRAISED, TRUE },
  { VT_STAGE_FIRST_VISIT_DONE, VT_STAGE_SHORTLISTED, TRUE },
  { VT_STAGE_SECOND_VISIT_DONE, VT_STAGE_FIRST_VISIT_DONE, TRUE },
  { VT_STAGE_SELECTED, VT_STAGE_SECOND_VISIT_DONE, TRUE },
  { VT_STAGE_IN_SUPPORT, VT_STAGE_SELECTED, TRUE },
  { VT_STAGE_CONNECTED_TO_BUYER, VT_STAGE_IN_SUPPORT, TRUE },

  { VT_STAGE_REJECTED, VT_STAGE_RECEIVED, TRUE },
  { VT_STAGE_WITHDRAWN, VT_STAGE_RECEIVED, TRUE },
};

gboolean
vt_stage_is_closed (VtStage stage)
{
  return stage == VT_STAGE_REJECTED || stage == VT_STAGE_WITHDRAWN;
}

static const Transition *
find_transition (VtStage from,
                 VtStage to)
{
  static const Transition to_rejected = { 0, VT_STAGE_REJECTED, TRUE };
  static const Transition to_withdrawn = { 0, VT_STAGE_WITHDRAWN, TRUE };

  if (!vt_stage_is_closed (from))
    {
      if (to == VT_STAGE_REJECTED)
        return &to_rejected;
      if (to == VT_STAGE_WITHDRAWN)
        return &to_withdrawn;
    }

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from && transitions[i].to == to)
      return &transitions[i];

  return NULL;
}

gboolean
vt_stage_transition_needs_reason (VtStage from,
                                  VtStage to)
{
  const Transition *t = find_transition (from, to);

  return t == NULL || t->needs_reason;
}

/**
 * vt_stage_check_transition:
 * @from: the current stage
 * @to: the stage wanted
 * @reason: (nullable): why, as the person typed it
 * @error: set to %VT_STORE_ERROR_TRANSITION with a message that says why
 *
 * Returns: %TRUE if the move is allowed
 */
gboolean
vt_stage_check_transition (VtStage      from,
                           VtStage      to,
                           const char  *reason,
                           GError     **error)
{
  const Transition *t;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail ((guint) from < VT_N_STAGES, FALSE);
  g_return_val_if_fail ((guint) to < VT_N_STAGES, FALSE);

  if (from == to)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION,
                   _("The supplier is already at the stage “%s”."),
                   vt_stage_get_display_name (to));
      return FALSE;
    }

  t = find_transition (from, to);
  if (t == NULL)
    {
      if (vt_stage_is_closed (from))
        g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION,
                     _("The dossier is closed (“%s”). Reopen it as “%s” first."),
                     vt_stage_get_display_name (from),
                     vt_stage_get_display_name (VT_STAGE_RECEIVED));
      else
        g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION,
                     _("A supplier cannot go from “%s” to “%s”. Stages are passed one at a time."),
                     vt_stage_get_display_name (from),
                     vt_stage_get_display_name (to));
      return FALSE;
    }

  if (t->needs_reason && *trimmed == '\0')
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION,
                   _("Moving a supplier from “%s” to “%s” needs a reason."),
                   vt_stage_get_display_name (from),
                   vt_stage_get_display_name (to));
      return FALSE;
    }

  return TRUE;
}

/**
 * vt_stage_get_next_stages:
 * @from: the current stage
 *
 * Returns: (transfer full) (element-type VtStage): the stages a supplier
 *   can move to from @from, in pipeline order
 */
GArray *
vt_stage_get_next_stages (VtStage from)
{
  GArray *next = g_array_new (FALSE, FALSE, sizeof (VtStage));

  for (VtStage to = 0; to < VT_N_STAGES; to++)
    if (to != from && find_transition (from, to) != NULL)
      g_array_append_val (next, to);

  return next;
}

/**
 * vt_stage_get_common_next_stages:
 * @from: (array length=n_from): the current stages of the suppliers to move
 * @n_from: how many
 *
 * The stages that every one of the suppliers can move to, so that moving
 * several at once never half-fails on a move the pipeline refuses. A
 * supplier already at a stage cannot "move" there, so a stage one of them
 * is at is never offered.
 *
 * Returns: (transfer full) (element-type VtStage): the stages, in pipeline
 *   order (so rejected and withdrawn come last); empty when @n_from is 0
 */
GArray *
vt_stage_get_common_next_stages (const VtStage *from,
                                 guint          n_from)
{
  GArray *common = g_array_new (FALSE, FALSE, sizeof (VtStage));

  if (n_from == 0)
    return common;

  for (VtStage to = 0; to < VT_N_STAGES; to++)
    {
      gboolean for_all = TRUE;

      for (guint i = 0; i < n_from && for_all; i++)
        for_all = from[i] != to && find_transition (from[i], to) != NULL;
      if (for_all)
        g_array_append_val (common, to);
    }

  return common;
}

/**
 * vt_stage_suggest_next:
 * @from: (array length=n_from): the current stages
 * @n_from: how many
 * @offered: (element-type VtStage): what vt_stage_get_common_next_stages()
 *   returned for them
 *
 * Which of @offered to preselect: the step forward when there is one
 * (what staff do most), else the first stage that is not a rejection or a
 * withdrawal, so that a dossier is never closed by just pressing Enter.
 *
 * Returns: an index into @offered, or -1 when @offered is empty
 */
int
vt_stage_suggest_next (const VtStage *from,
                       guint          n_from,
                       GArray        *offered)
{
  int fallback = -1;

  for (guint j = 0; j < offered->len; j++)
    {
      VtStage to = g_array_index (offered, VtStage, j);
      gboolean forward = TRUE;

      if (vt_stage_is_closed (to))
        continue;
      if (fallback < 0)
        fallback = (int) j;
      for (guint i = 0; i < n_from && forward; i++)
        forward = !vt_stage_is_closed (from[i]) && to > from[i]
                  && !vt_stage_transition_needs_reason (from[i], to);
      if (forward)
        return (int) j;
    }

  return fallback >= 0 ? fallback : (offered->len > 0 ? 0 : -1);
}

VtStageChange *
vt_stage_change_copy (const VtStageChange *change)
{
  VtStageChange *copy = g_new0 (VtStageChange, 1);

  *copy = *change;
  copy->at = change->at ? g_date_time_ref (change->at) : NULL;
  copy->who = g_strdup (change->who);
  copy->reason = g_strdup (change->reason);
  return copy;
}

void
vt_stage_change_free (VtStageChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->at, g_date_time_unref);
  g_free (change->who);
  g_free (change->reason);
  g_free (change);
}

G_DEFINE_BOXED_TYPE (VtStageChange, vt_stage_change, vt_stage_change_copy, vt_stage_change_free)
