/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria.h: versioned sets of weighted readiness criteria. */
#pragma once

#include "vt-boxed.h"

G_BEGIN_DECLS

#define VT_TYPE_CRITERION (vt_criterion_get_type ())
#define VT_TYPE_CRITERION_SET (vt_criterion_set_get_type ())
#define VT_N_LEVELS 6

/**
 * VtCriterion:
 * @weight: share of the index; the weights of a set sum to 100
 * @knockout: a score under 2 caps the standing, whatever the index
 * @levels: what each score 0-5 means
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
  char     *levels[VT_N_LEVELS];
};

/**
 * VtCriterionSet:
 * Saving a set that has an id stores a new version (a new id, @set_version
 * one higher), so assessments made with the old version keep their meaning.
 */
struct _VtCriterionSet
{
  gint64     id;
  gint64     version;
  char      *name;
  int        set_version;
  gboolean   is_default;
  char      *notes;
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

G_END_DECLS
