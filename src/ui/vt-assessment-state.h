/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment-state.h: what the assessment window shows, as pure
 * functions of the set, the scores and the assessors. */
#pragma once

#include "vt-assessment.h"
#include "vt-criteria.h"
#include "vt-readiness.h"

G_BEGIN_DECLS

/**
 * VtCriterionState:
 * @level: the agreed level, or -1
 * @comment_missing: a low agreed score without a comment
 * @disagree: both assessors scored and are more than a level apart
 * @suggestion: the agreed level to propose from the assessors' own
 *   scores, or -1
 */
typedef struct
{
  int      level;
  gboolean comment_missing;
  gboolean disagree;
  int      suggestion;
} VtCriterionState;

VtCriterionState vt_assessment_state_for_criterion (const VtAssessment *assessment,
                                                    const VtCriterion  *criterion,
                                                    gint64              first_assessor,
                                                    gint64              second_assessor);
gboolean         vt_assessment_state_can_finish    (const VtCriterionSet *set,
                                                    const VtAssessment   *assessment,
                                                    gint64                first_assessor,
                                                    gint64                second_assessor,
                                                    char                **reason);
char            *vt_assessment_state_format_index  (double                index);
const char      *vt_assessment_state_band_style    (VtReadinessBand       band);
char            *vt_assessment_state_level_label   (const VtCriterion    *criterion,
                                                    int                   level,
                                                    const char           *language);

G_END_DECLS
