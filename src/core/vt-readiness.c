/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness.c: the readiness index. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-assessment.h"
#include "vt-criteria.h"
#include "vt-readiness.h"

#define KNOCKOUT_BELOW 2

/**
 * vt_readiness_compute:
 * @set: the criterion set version the assessment used
 * @assessment: the scores
 * @knocked_out: (out) (optional): whether a knockout criterion scored
 *   under 2
 *
 * The index is the weighted mean of the scores, scaled from 0-5 to 0-100.
 * Criteria left unscored do not count, and the weights of the scored ones
 * are scaled up to 100, so that a partial assessment is comparable.
 *
 * Returns: the index 0-100, or -1 when nothing is scored
 */
double
vt_readiness_compute (const VtCriterionSet *set,
                      const VtAssessment   *assessment,
                      gboolean             *knocked_out)
{
  double weighted = 0, weights = 0;
  gboolean knocked = FALSE;

  for (guint i = 0; i < assessment->scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (assessment->scores, i);
      VtCriterion *c = vt_criterion_set_find (set, s->criterion_id);

      if (c == NULL || s->score < 0)
        continue;
      weighted += c->weight * s->score;
      weights += c->weight;
      if (c->knockout && s->score < KNOCKOUT_BELOW)
        knocked = TRUE;
    }

  if (knocked_out)
    *knocked_out = knocked;
  if (weights <= 0)
    return -1;
  return weighted / weights * (100.0 / 5.0);
}

VtReadinessBand
vt_readiness_get_band (double   index,
                       gboolean knocked_out)
{
  if (index < 0)
    return VT_READINESS_BAND_NONE;
  if (knocked_out || index < 50)
    return VT_READINESS_BAND_NOT_READY;
  if (index < 65)
    return VT_READINESS_BAND_DEVELOPING;
  if (index < 80)
    return VT_READINESS_BAND_NEARLY_READY;
  return VT_READINESS_BAND_READY;
}

const char *
vt_readiness_band_get_display_name (VtReadinessBand band)
{
  static const char * const names[] = {
    N_("Not assessed"),
    N_("Not ready"),
    N_("Developing"),
    N_("Nearly ready"),
    N_("Ready"),
  };

  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (names), NULL);
  return _(names[band]);
}
