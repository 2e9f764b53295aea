/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment.h: a readiness assessment, one score per criterion. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_ASSESSMENT (vt_assessment_get_type ())
#define VT_TYPE_SCORE (vt_score_get_type ())

/* @score is 0-5, or -1 when not scored. */
struct _VtScore
{
  gint64  criterion_id;
  int     score;
  char   *comment;
};

/**
 * VtAssessment:
 * @readiness: computed by the store from the scores when saved (0-100, or
 *   -1 when nothing is scored); never typed
 * @assessor_ids: (element-type gint64): VtPerson ids
 */
struct _VtAssessment
{
  gint64      id;
  gint64      version;
  char       *supplier_uuid;
  gint64      visit_id;         /* 0 when none */
  gint64      set_id;           /* the criterion set version used */
  GDate       assessed_on;
  char       *notes;
  GArray     *assessor_ids;
  GPtrArray  *scores;           /* VtScore */
  double      readiness;
  GDateTime  *created_at;
  GDateTime  *updated_at;
};

VT_DECLARE_RC_BOXED (VtAssessment, vt_assessment)
VT_DECLARE_RC_BOXED (VtScore, vt_score)

VtAssessment *vt_assessment_new       (const char    *supplier_uuid,
                                       gint64         set_id);
VtScore      *vt_score_new            (gint64         criterion_id,
                                       int            score,
                                       const char    *comment);
VtScore      *vt_assessment_set_score (VtAssessment  *assessment,
                                       gint64         criterion_id,
                                       int            score,
                                       const char    *comment);

G_END_DECLS
