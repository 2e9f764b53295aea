/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness.h: the readiness index and band, computed from scores,
 * never typed. */
#pragma once

#include "vt-types.h"

G_BEGIN_DECLS

typedef enum
{
  VT_READINESS_BAND_NONE,
  VT_READINESS_BAND_NOT_READY,
  VT_READINESS_BAND_CONDITIONAL,
  VT_READINESS_BAND_READY,
} VtReadinessBand;

/* Why an assessment has no index. */
typedef enum
{
  VT_READINESS_STATUS_OK,
  VT_READINESS_STATUS_NOTHING_SCORED,
  VT_READINESS_STATUS_TOO_FEW_SCORED,
  VT_READINESS_STATUS_KNOCKOUT_UNSCORED,
} VtReadinessStatus;

typedef enum /*< flags >*/
{
  VT_DOWNGRADE_NONE = 0,
  VT_DOWNGRADE_KNOCKOUT = 1 << 0,
  VT_DOWNGRADE_AREA_GAP = 1 << 1,
} VtDowngrade;

/**
 * VtAreaScore:
 * @area: the area code (owned by the criterion set)
 * @score: weighted mean of the area's scored criteria, 0-100, or -1 when
 *   none is scored
 * @others: weighted mean of the other scored areas, 0-100, or -1
 */
typedef struct
{
  const char *area;
  double      weight;
  double      score;
  double      others;
} VtAreaScore;

/**
 * VtReadiness:
 * @index: 0-100, or -1 when @status is not OK
 * @band_by_index: the band the index alone gives
 * @band: after the downgrade rules
 * @coverage: the share of the set's weight that is scored, 0-100
 * @knockouts: (element-type VtCriterion): knock-out criteria at their
 *   lowest level, or unscored when @status says so
 * @low_areas: (element-type VtAreaScore): areas far below the others
 * @areas: (element-type VtAreaScore): every area, in set order
 *
 * Criteria, areas and names point into the set evaluated: keep the set
 * alive as long as the result.
 */
typedef struct
{
  double             index;
  VtReadinessStatus  status;
  VtReadinessBand    band_by_index;
  VtReadinessBand    band;
  VtDowngrade        downgrades;
  double             coverage;
  guint              n_scored;
  guint              n_criteria;
  GPtrArray         *knockouts;
  GArray            *low_areas;
  GArray            *areas;
} VtReadiness;

typedef enum
{
  VT_TREND_NOT_COMPARABLE,
  VT_TREND_IMPROVED,
  VT_TREND_UNCHANGED,
  VT_TREND_WORSE,
} VtTrend;

/**
 * VtScoreChange:
 * @criterion: the criterion of the later set
 * @before: the earlier score, 0-100, or -1 when there is none
 * @after: the later score, 0-100, or -1 when not scored
 */
typedef struct
{
  const VtCriterion *criterion;
  double             before;
  double             after;
  VtTrend            trend;
} VtScoreChange;

VtReadiness    *vt_readiness_evaluate         (const VtCriterionSet *set,
                                               const VtAssessment   *assessment);
void            vt_readiness_free             (VtReadiness          *readiness);
char           *vt_readiness_dup_explanation  (const VtReadiness    *readiness,
                                               const char           *language);
double          vt_readiness_compute          (const VtCriterionSet *set,
                                               const VtAssessment   *assessment,
                                               VtReadinessBand      *band);
VtReadinessBand vt_readiness_band_for_index   (const VtCriterionSet *set,
                                               double                index);
const char     *vt_readiness_band_get_display_name (VtReadinessBand  band);
const char     *vt_readiness_band_to_string   (VtReadinessBand       band);
VtReadinessBand vt_readiness_band_from_string (const char           *text);

GArray         *vt_readiness_compare          (const VtCriterionSet *before_set,
                                               const VtAssessment   *before,
                                               const VtCriterionSet *after_set,
                                               const VtAssessment   *after);
const char     *vt_trend_get_display_name     (VtTrend               trend);

GArray         *vt_readiness_find_disagreements (const VtCriterionSet *set,
                                                 const VtAssessment   *assessment,
                                                 gint64                first_assessor,
                                                 gint64                second_assessor);
int             vt_readiness_suggest_consensus  (int                   first,
                                                 int                   second);

const char     *vt_area_get_display_name      (const char           *area);
const char * const *vt_area_list_current       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtReadiness, vt_readiness_free)

G_END_DECLS
