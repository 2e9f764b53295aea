/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment.h: a readiness assessment, one score per criterion. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_ASSESSMENT (vt_assessment_get_type ())
#define VT_TYPE_SCORE (vt_score_get_type ())

/**
 * VtScore:
 * @score: the level on the criterion's scale (0-5, or 0-4 on the audit
 *   scale), or -1 when not scored
 * @person_id: the assessor who gave it, or 0 for the agreed (consensus)
 *   score that counts
 */
struct _VtScore
{
  gint64  criterion_id;
  int     score;
  char   *comment;
  gint64  person_id;
};

/* A photo (an attachment of the supplier) shown as evidence for a
 * criterion. */
typedef struct
{
  gint64 criterion_id;
  gint64 attachment_id;
} VtEvidence;

/* The check, at this assessment, of an action agreed at an earlier one. */
typedef struct
{
  gint64 action_id;
  int    status;          /* VtActionStatus: done or not done */
} VtActionCheck;

/**
 * VtAssessment:
 * @readiness: computed by the store from the scores when saved (0-100, or
 *   -1 when nothing is scored); never typed
 * @band: the VtReadinessBand, computed with @readiness
 * @draft: still being entered: kept safe, but not yet counted as the
 *   supplier's readiness
 * @assessor_ids: (element-type gint64): VtPerson ids
 * @scores: the agreed scores that count
 * @assessor_scores: each assessor's own scores (VtScore with @person_id)
 * @evidence: (element-type VtEvidence)
 * @actions: (element-type VtImprovementAction): actions agreed here
 * @checks: (element-type VtActionCheck): earlier actions checked here
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
  GPtrArray  *assessor_scores;  /* VtScore */
  GArray     *evidence;
  GPtrArray  *actions;
  GArray     *checks;
  double      readiness;
  int         band;
  gboolean    draft;
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
VtScore      *vt_assessment_get_score (const VtAssessment *assessment,
                                       gint64         criterion_id);
VtScore      *vt_assessment_set_assessor_score (VtAssessment *assessment,
                                                gint64        person_id,
                                                gint64        criterion_id,
                                                int           score,
                                                const char   *comment);
VtScore      *vt_assessment_get_assessor_score (const VtAssessment *assessment,
                                                gint64        person_id,
                                                gint64        criterion_id);
void          vt_assessment_add_evidence (VtAssessment *assessment,
                                          gint64        criterion_id,
                                          gint64        attachment_id);
void          vt_assessment_check_action (VtAssessment *assessment,
                                          gint64        action_id,
                                          int           status);
gboolean      vt_assessment_validate  (const VtAssessment   *assessment,
                                       const VtCriterionSet *set,
                                       GError              **error);

G_END_DECLS
