/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria.h: versioned sets of weighted readiness criteria. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_CRITERION (vt_criterion_get_type ())
#define VT_TYPE_CRITERION_SET (vt_criterion_set_get_type ())
#define VT_N_LEVELS 6

/**
 * VtScale:
 * @VT_SCALE_LEVELS: levels 0-5, worth 0-5 points, each described
 * @VT_SCALE_AUDIT: the automotive-audit style: levels 0-4 worth 0, 4, 6, 8
 *   and 10 points
 *
 * A score is always stored as a level; the scale says what it is worth.
 */
typedef enum
{
  VT_SCALE_LEVELS,
  VT_SCALE_AUDIT,
} VtScale;

/**
 * VtCriterion:
 * @weight: share of the index; the weights of a set sum to 100
 * @knockout: the lowest level makes the supplier not ready, whatever
 *   the index
 * @levels: what each level means, in English; @levels_vi and @levels_ko
 *   in Vietnamese and Korean (%NULL falls back to English)
 */
struct _VtCriterion
{
  gint64    id;
  int       position;
  char     *code;
  char     *area;
  char     *name_en;
  char     *name_vi;
  char     *name_ko;
  double    weight;
  gboolean  knockout;
  VtScale   scale;
  char     *levels[VT_N_LEVELS];
  char     *levels_vi[VT_N_LEVELS];
  char     *levels_ko[VT_N_LEVELS];
};

/**
 * VtCriterionSet:
 * Saving a set that has an id stores a new version (a new id, @set_version
 * one higher), so assessments made with the old version keep their meaning.
 *
 * The band rules travel with the set: @ready_min and @conditional_min are
 * the lowest index of the bands ready and conditionally ready; an area
 * @area_gap points or more under the mean of the other areas lowers the
 * band one step; an assessment needs @min_coverage percent of the weight
 * scored to have an index at all.
 *
 * @n_assessments is how many assessments (drafts included) use this
 * version, as the store last read it; saving ignores it.
 */
struct _VtCriterionSet
{
  gint64     id;
  gint64     version;
  char      *name;
  int        set_version;
  gboolean   is_default;
  char      *notes;
  double     ready_min;
  double     conditional_min;
  double     area_gap;
  double     min_coverage;
  guint      n_assessments;
  GPtrArray *criteria;        /* VtCriterion, by position */
};

VT_DECLARE_RC_BOXED (VtCriterion, vt_criterion)
VT_DECLARE_RC_BOXED (VtCriterionSet, vt_criterion_set)

VtCriterion    *vt_criterion_new              (const char            *code,
                                               const char            *name_en,
                                               double                 weight);
VtCriterionSet *vt_criterion_set_new          (const char            *name);
const char     *vt_criterion_get_name         (const VtCriterion     *criterion,
                                               const char            *language);
gboolean        vt_criterion_set_validate     (const VtCriterionSet  *set,
                                               GError               **error);
VtCriterion    *vt_criterion_set_find         (const VtCriterionSet  *set,
                                               gint64                 criterion_id);
VtCriterion    *vt_criterion_set_find_code    (const VtCriterionSet  *set,
                                               const char            *code);
VtCriterionSet *vt_criterion_set_copy         (const VtCriterionSet  *set);
GPtrArray      *vt_criterion_set_list_areas   (const VtCriterionSet  *set);
VtCriterion    *vt_criterion_copy             (const VtCriterion     *criterion);
int             vt_criterion_get_n_levels     (const VtCriterion     *criterion);
int             vt_criterion_get_points       (const VtCriterion     *criterion,
                                               int                    level);
int             vt_criterion_get_max_points   (const VtCriterion     *criterion);
double          vt_criterion_normalise        (const VtCriterion     *criterion,
                                               int                    level);
gboolean        vt_criterion_is_low_level     (const VtCriterion     *criterion,
                                               int                    level);
const char     *vt_criterion_get_level_description (const VtCriterion *criterion,
                                                    int                level,
                                                    const char        *language);
const char     *vt_text_language              (void);
const char     *vt_scale_to_string            (VtScale                scale);
gboolean        vt_scale_from_string          (const char            *text,
                                               VtScale               *scale);

G_END_DECLS
