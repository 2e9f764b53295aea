/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria-check.h: what stops a criterion set from being saved, as
 * plain data that the editor shows next to the field concerned. */
#pragma once

#include "vt-criteria.h"

G_BEGIN_DECLS

/**
 * VtCriterionProblem:
 * @VT_CRITERION_PROBLEM_SET_NAME: the set has no name
 * @VT_CRITERION_PROBLEM_NO_CRITERIA: the set has no criteria
 * @VT_CRITERION_PROBLEM_NAME: a criterion lacks its name in @language
 * @VT_CRITERION_PROBLEM_CODE: two criteria share a code, or one has none
 * @VT_CRITERION_PROBLEM_AREA: a criterion has no area
 * @VT_CRITERION_PROBLEM_WEIGHT: a weight is below 0 or above 100
 * @VT_CRITERION_PROBLEM_LEVEL: a level of a criterion's scale is not
 *   described in @language
 * @VT_CRITERION_PROBLEM_WEIGHT_SUM: the weights do not add up to 100
 * @VT_CRITERION_PROBLEM_BANDS: the band thresholds are not in order
 * @VT_CRITERION_PROBLEM_RULES: the area gap or the share that must be
 *   scored is outside 1-100
 */
typedef enum
{
  VT_CRITERION_PROBLEM_SET_NAME,
  VT_CRITERION_PROBLEM_NO_CRITERIA,
  VT_CRITERION_PROBLEM_NAME,
  VT_CRITERION_PROBLEM_CODE,
  VT_CRITERION_PROBLEM_AREA,
  VT_CRITERION_PROBLEM_WEIGHT,
  VT_CRITERION_PROBLEM_LEVEL,
  VT_CRITERION_PROBLEM_WEIGHT_SUM,
  VT_CRITERION_PROBLEM_BANDS,
  VT_CRITERION_PROBLEM_RULES,
} VtCriterionProblem;

/**
 * VtCriterionIssue:
 * @criterion: index of the criterion in the set, or -1 for the set
 * @level: the level concerned, or -1
 * @language: (nullable): "en", "vi" or "ko" for a missing text
 * @message: what is wrong, in the user's language, naming the criterion
 *
 * Every issue blocks saving: an English name and level description are
 * what the model needs, and the Korean and Vietnamese ones are what the
 * people reading the assessment need.
 */
typedef struct
{
  VtCriterionProblem  problem;
  int                 criterion;
  int                 level;
  const char         *language;
  char               *message;
} VtCriterionIssue;

double      vt_criterion_set_get_weight_sum (const VtCriterionSet *set);
gboolean    vt_criterion_set_weights_ok     (const VtCriterionSet *set);
GPtrArray  *vt_criterion_set_check          (const VtCriterionSet *set);
int         vt_criterion_sets_next_version  (GPtrArray            *sets,
                                             const char           *name);
char       *vt_criterion_set_dup_save_note  (const VtCriterionSet *original,
                                             int                   next_version);
char       *vt_criterion_set_make_code      (const VtCriterionSet *set,
                                             const char           *name_en);
const char *vt_language_get_display_name    (const char           *language);
void        vt_criterion_issue_free         (VtCriterionIssue     *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtCriterionIssue, vt_criterion_issue_free)

G_END_DECLS
