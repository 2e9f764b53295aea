/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment-state.c: what the assessment window shows.
 *
 * Kept apart from the widgets so that the rules (when a comment is
 * missing, when assessors disagree, when an assessment can be finished)
 * are tested without a display.
 */
#define G_LOG_DOMAIN "vt-assessment"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-assessment-state.h"
#include "vt-audit.h"
#include "vt-format.h"

VtCriterionState
vt_assessment_state_for_criterion (const VtAssessment *assessment,
                                   const VtCriterion  *criterion,
                                   gint64              first_assessor,
                                   gint64              second_assessor)
{
  VtCriterionState state = { -1, FALSE, FALSE, -1 };
  VtScore *agreed = vt_assessment_get_score (assessment, criterion->id);
  VtScore *first = first_assessor ? vt_assessment_get_assessor_score (assessment, first_assessor, criterion->id) : NULL;
  VtScore *second = second_assessor ? vt_assessment_get_assessor_score (assessment, second_assessor, criterion->id) : NULL;
  int a = first ? first->score : -1;
  int b = second ? second->score : -1;

  if (agreed != NULL)
    state.level = agreed->score;
  state.comment_missing = vt_criterion_is_low_level (criterion, state.level)
                          && vt_text_is_blank (agreed ? agreed->comment : NULL);
  state.disagree = a >= 0 && b >= 0 && ABS (a - b) > 1;
  state.suggestion = vt_readiness_suggest_consensus (a, b);
  return state;
}

/**
 * vt_assessment_state_can_finish:
 * @reason: (out) (optional): why not, for the window to say
 *
 * An assessment is finished when every low agreed score has a comment and
 * every criterion the assessors disagree on has an agreed score.
 */
gboolean
vt_assessment_state_can_finish (const VtCriterionSet  *set,
                                const VtAssessment    *assessment,
                                gint64                 first_assessor,
                                gint64                 second_assessor,
                                char                 **reason)
{
  guint missing = 0, open = 0;

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      VtCriterionState state = vt_assessment_state_for_criterion (assessment, c, first_assessor, second_assessor);

      missing += state.comment_missing;
      open += state.disagree && state.level < 0;
    }

  if (reason != NULL)
    {
      if (missing > 0)
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u low score needs a comment.",
                                                "%u low scores need a comment.", missing),
                                   missing);
      else if (open > 0)
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The assessors disagree on %u criterion: agree on a score.",
                                                "The assessors disagree on %u criteria: agree on a score.", open),
                                   open);
      else
        *reason = NULL;
    }
  return missing == 0 && open == 0;
}

/**
 * vt_assessment_state_format_index:
 *
 * Returns: the index with one decimal in the locale's style, or a dash
 *   when there is none
 */
char *
vt_assessment_state_format_index (double index)
{
  if (index < 0)
    return g_strdup ("—");
  return vt_format_decimal (NULL, index, 1);
}

/**
 * vt_assessment_state_band_style:
 *
 * Returns: the style class that colours a band: success, warning, error,
 *   or dim-label when there is none
 */
const char *
vt_assessment_state_band_style (VtReadinessBand band)
{
  switch (band)
    {
    case VT_READINESS_BAND_READY:
      return "success";
    case VT_READINESS_BAND_CONDITIONAL:
      return "warning";
    case VT_READINESS_BAND_NOT_READY:
      return "error";
    case VT_READINESS_BAND_NONE:
    default:
      return "dim-label";
    }
}

/**
 * vt_assessment_state_level_label:
 *
 * Returns: a level as the dropdown shows it: its points and what it
 *   means, or "Not scored" for -1
 */
char *
vt_assessment_state_level_label (const VtCriterion *criterion,
                                 int                level,
                                 const char        *language)
{
  const char *description;

  if (level < 0)
    return g_strdup (_("Not scored"));
  description = vt_criterion_get_level_description (criterion, level, language);
  if (description == NULL)
    return g_strdup_printf ("%d", vt_criterion_get_points (criterion, level));
  /* TRANSLATORS: a score and what it means, e.g. "3 — ISO 9001 certified" */
  return g_strdup_printf (_("%d — %s"), vt_criterion_get_points (criterion, level), description);
}
