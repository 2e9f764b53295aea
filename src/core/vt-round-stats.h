/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-stats.h: the numbers behind a round's charts and a supplier's.
 *
 * Plain records read through VtBackend in one go on the store's worker
 * thread, so the charts of a round come from one consistent read.
 */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"
#include "vt-readiness.h"
#include "vt-stage.h"

G_BEGIN_DECLS

#define VT_TYPE_ROUND_SUPPLIER (vt_round_supplier_get_type ())
#define VT_TYPE_ROUND_STATS (vt_round_stats_get_type ())
#define VT_TYPE_SUPPLIER_STATS (vt_supplier_stats_get_type ())

typedef struct _VtRoundSupplier VtRoundSupplier;
typedef struct _VtRoundStats VtRoundStats;
typedef struct _VtSupplierStats VtSupplierStats;

/**
 * VtRoundSupplier:
 * A supplier of a round with its latest assessment.
 * @province_*: the names of its 2025 province; %NULL when none
 * @latest: (nullable): its latest assessment that is not a draft, with
 *   the scores
 * @band: the band stored with @latest
 * @knocked_out: a knock-out criterion of @latest is at its lowest level
 */
struct _VtRoundSupplier
{
  char            *uuid;
  char            *name_vi;
  char            *name_en;
  char            *name_ko;
  VtSector         sector;
  char            *province_code;
  char            *province_vi;
  char            *province_en;
  char            *province_ko;
  VtStage          stage;
  VtAssessment    *latest;
  VtReadinessBand  band;
  gboolean         knocked_out;
};

/* Visits of one kind starting in one month (Asia/Ho_Chi_Minh). */
typedef struct
{
  int          year;
  int          month;
  VtVisitKind  kind;
  guint        count;
} VtVisitMonth;

/**
 * VtRoundStats:
 * @reached: how many suppliers of the round ever reached each stage
 * @suppliers: (element-type VtRoundSupplier)
 * @criteria: (nullable): the criterion set most of the latest assessments
 *   used; the heatmap's columns
 * @visit_months: (element-type VtVisitMonth): earliest first, cancelled
 *   visits left out
 */
struct _VtRoundStats
{
  VtRound        *round;
  guint64         reached[VT_N_STAGES];
  GPtrArray      *suppliers;
  VtCriterionSet *criteria;
  GArray         *visit_months;
};

/**
 * VtSupplierStats:
 * @assessments: (element-type VtAssessment): earliest first
 * @bands: (element-type VtReadinessBand): the band of each assessment
 * @criteria: (nullable): the set of the latest assessment
 * @round_median: one per criterion of @criteria, the median latest score
 *   of the suppliers of the same round, -1 when nobody has one
 */
struct _VtSupplierStats
{
  VtSupplier     *supplier;
  GPtrArray      *assessments;
  GArray         *bands;
  VtCriterionSet *criteria;
  GArray         *round_median;
};

VT_DECLARE_RC_BOXED (VtRoundSupplier, vt_round_supplier)
VT_DECLARE_RC_BOXED (VtRoundStats, vt_round_stats)
VT_DECLARE_RC_BOXED (VtSupplierStats, vt_supplier_stats)

VtRoundSupplier *vt_round_supplier_new          (void);
const char      *vt_round_supplier_get_name     (const VtRoundSupplier *supplier,
                                                 const char            *language);
const char      *vt_round_supplier_get_province (const VtRoundSupplier *supplier,
                                                 const char            *language);
int              vt_round_supplier_get_score    (const VtRoundSupplier *supplier,
                                                 gint64                 criterion_id);
gboolean         vt_round_supplier_is_selected  (const VtRoundSupplier *supplier);

VtRoundStats    *vt_round_stats_new             (void);
VtRoundStats    *vt_round_stats_load            (VtBackend             *backend,
                                                 gint64                 round_id,
                                                 GError               **error);
double           vt_round_stats_median_score    (const VtRoundStats    *stats,
                                                 gint64                 criterion_id);

VtSupplierStats *vt_supplier_stats_load         (VtBackend             *backend,
                                                 const char            *uuid,
                                                 GError               **error);

double           vt_median                       (double               *values,
                                                  guint                 n);

G_END_DECLS
