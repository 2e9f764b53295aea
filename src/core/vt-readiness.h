/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness.h: the readiness index, computed from scores, never typed. */
#pragma once

#include "vt-types.h"

G_BEGIN_DECLS

typedef enum
{
  VT_READINESS_BAND_NONE,
  VT_READINESS_BAND_NOT_READY,
  VT_READINESS_BAND_DEVELOPING,
  VT_READINESS_BAND_NEARLY_READY,
  VT_READINESS_BAND_READY,
} VtReadinessBand;

double          vt_readiness_compute          (const VtCriterionSet *set,
                                               const VtAssessment   *assessment,
                                               gboolean             *knocked_out);
VtReadinessBand vt_readiness_get_band         (double                index,
                                               gboolean              knocked_out);
const char     *vt_readiness_band_get_display_name (VtReadinessBand  band);

G_END_DECLS
