/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-readiness.c: the readiness index, its band and the downgrade rules.
 *
 * The rules, with worked examples in tests/core/test-readiness.c:
 *
 * - Each scored criterion counts as its level's points over the top of its
 *   scale, 0-100 (a 0-5 level 3 is 60; an audit-scale 8 is 80).
 * - The index is the weighted mean of the scored criteria, rounded to one
 *   decimal; the band is decided on the rounded index, so that the number
 *   shown and the band always agree.
 * - Unscored criteria do not count and the weights of the scored ones are
 *   scaled up, but only while the scored weight is at least the set's
 *   min_coverage (80 % by default) and every knock-out criterion is
 *   scored. Otherwise there is no index and no band: a partial assessment
 *   must not look like a finished one.
 * - Band by index: ready at ready_min (80) or more, conditionally ready
 *   (with an improvement plan) at conditional_min (60) or more, else not
 *   ready.
 * - Downgrades: a knock-out criterion at its lowest level makes the
 *   supplier not ready. An area whose score is area_gap (30) points or
 *   more below the weighted mean of the other scored areas lowers the band
 *   by one step (once, however many areas are low). The lower of the two
 *   results counts.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "vt-assessment.h"
#include "vt-criteria.h"
#include "vt-readiness.h"

#define EPSILON 1e-9

void
vt_readiness_free (VtReadiness *readiness)
{
  if (readiness == NULL)
    return;
  g_clear_pointer (&readiness->knockouts, g_ptr_array_unref);
  g_clear_pointer (&readiness->low_areas, g_array_unref);
  g_clear_pointer (&readiness->areas, g_array_unref);
  g_free (readiness);
}

static int
score_level (const VtAssessment *assessment,
             gint64              criterion_id)
{
  VtScore *s = vt_assessment_get_score (assessment, criterion_id);

  return s ? s->score : -1;
}

VtReadinessBand
vt_readiness_band_for_index (const VtCriterionSet *set,
                             double                index)
{
  if (index < 0)
    return VT_READINESS_BAND_NONE;
  if (index >= set->ready_min - EPSILON)
    return VT_READINESS_BAND_READY;
  if (index >= set->conditional_min - EPSILON)
    return VT_READINESS_BAND_CONDITIONAL;
  return VT_READINESS_BAND_NOT_READY;
}

/**
 * vt_readiness_evaluate:
 * @set: the criterion set version the assessment uses
 * @assessment: its agreed scores; scores of criteria not in @set are
 *   ignored
 *
 * Returns: (transfer full): the index, band and why
 */
VtReadiness *
vt_readiness_evaluate (const VtCriterionSet *set,
                       const VtAssessment   *assessment)
{
  VtReadiness *r = g_new0 (VtReadiness, 1);
  g_autoptr(GPtrArray) area_codes = vt_criterion_set_list_areas (set);
  g_autoptr(GArray) area_sums = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) area_scored = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GPtrArray) unscored_knockouts = g_ptr_array_new ();
  double total = 0, scored = 0, weighted = 0;

  r->index = -1;
  r->knockouts = g_ptr_array_new ();
  r->low_areas = g_array_new (FALSE, FALSE, sizeof (VtAreaScore));
  r->areas = g_array_new (FALSE, FALSE, sizeof (VtAreaScore));
  r->n_criteria = set->criteria->len;
  g_array_set_size (area_sums, area_codes->len);
  g_array_set_size (area_scored, area_codes->len);
  for (guint i = 0; i < area_codes->len; i++)
    {
      VtAreaScore area = { g_ptr_array_index (area_codes, i), 0, -1, -1 };

      g_array_append_val (r->areas, area);
    }

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      int level = score_level (assessment, c->id);
      double value = vt_criterion_normalise (c, level);
      guint a = 0;

      g_ptr_array_find_with_equal_func (area_codes, c->area, g_str_equal, &a);
      g_array_index (r->areas, VtAreaScore, a).weight += c->weight;
      total += c->weight;
      if (value < 0)
        {
          if (c->knockout)
            g_ptr_array_add (unscored_knockouts, c);
          continue;
        }
      r->n_scored++;
      scored += c->weight;
      weighted += c->weight * value;
      g_array_index (area_sums, double, a) += c->weight * value;
      g_array_index (area_scored, double, a) += c->weight;
      if (c->knockout && level == 0)
        g_ptr_array_add (r->knockouts, c);
    }

  r->coverage = total > 0 ? 100.0 * scored / total : 0;
  for (guint a = 0; a < r->areas->len; a++)
    {
      VtAreaScore *area = &g_array_index (r->areas, VtAreaScore, a);
      double own = g_array_index (area_scored, double, a);

      if (own > 0)
        area->score = g_array_index (area_sums, double, a) / own;
      if (scored - own > EPSILON)
        area->others = (weighted - g_array_index (area_sums, double, a)) / (scored - own);
    }

  if (r->n_scored == 0 || scored <= 0)
    {
      r->status = VT_READINESS_STATUS_NOTHING_SCORED;
      return r;
    }
  if (r->coverage < set->min_coverage - EPSILON)
    {
      r->status = VT_READINESS_STATUS_TOO_FEW_SCORED;
      return r;
    }
  if (unscored_knockouts->len > 0)
    {
      r->status = VT_READINESS_STATUS_KNOCKOUT_UNSCORED;
      g_ptr_array_set_size (r->knockouts, 0);
      g_ptr_array_extend (r->knockouts, unscored_knockouts, NULL, NULL);
      return r;
    }

  r->status = VT_READINESS_STATUS_OK;
  r->index = round (weighted / scored * 10.0) / 10.0;
  r->band_by_index = r->band = vt_readiness_band_for_index (set, r->index);

  for (guint a = 0; a < r->areas->len; a++)
    {
      VtAreaScore *area = &g_array_index (r->areas, VtAreaScore, a);

      if (area->score >= 0 && area->others >= 0
          && area->others - area->score >= set->area_gap - EPSILON)
        g_array_append_val (r->low_areas, *area);
    }

  if (r->low_areas->len > 0 && r->band_by_index > VT_READINESS_BAND_NOT_READY)
    {
      r->band = r->band_by_index - 1;
      r->downgrades |= VT_DOWNGRADE_AREA_GAP;
    }
  if (r->knockouts->len > 0 && r->band_by_index > VT_READINESS_BAND_NOT_READY)
    {
      r->band = VT_READINESS_BAND_NOT_READY;
      r->downgrades |= VT_DOWNGRADE_KNOCKOUT;
    }
  return r;
}

/**
 * vt_readiness_compute:
 * @band: (out) (optional): the band after the downgrade rules
 *
 * Returns: the index 0-100, or -1 when the assessment has none
 */
double
vt_readiness_compute (const VtCriterionSet *set,
                      const VtAssessment   *assessment,
                      VtReadinessBand      *band)
{
  g_autoptr(VtReadiness) r = vt_readiness_evaluate (set, assessment);

  if (band)
    *band = r->band;
  return r->index;
}

/**
 * vt_readiness_dup_explanation:
 * @language: the language of criterion names ("ko", "vi" or English)
 *
 * Returns: (transfer full) (nullable): why there is no index, or why the
 *   band was lowered, one sentence a line; %NULL when there is nothing to
 *   explain
 */
char *
vt_readiness_dup_explanation (const VtReadiness *readiness,
                              const char        *language)
{
  GString *text = g_string_new (NULL);

  switch (readiness->status)
    {
    case VT_READINESS_STATUS_NOTHING_SCORED:
      g_string_append (text, _("Nothing is scored yet."));
      break;

    case VT_READINESS_STATUS_TOO_FEW_SCORED:
      g_string_append_printf (text, _("No index yet: %.0f %% of the weight is scored."),
                              floor (readiness->coverage));
      break;

    case VT_READINESS_STATUS_KNOCKOUT_UNSCORED:
      for (guint i = 0; i < readiness->knockouts->len; i++)
        {
          const VtCriterion *c = g_ptr_array_index (readiness->knockouts, i);

          if (text->len)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("No index yet: the knock-out criterion “%s” is not scored."),
                                  vt_criterion_get_name (c, language));
        }
      break;

    case VT_READINESS_STATUS_OK:
    default:
      if (readiness->downgrades & VT_DOWNGRADE_KNOCKOUT)
        for (guint i = 0; i < readiness->knockouts->len; i++)
          {
            const VtCriterion *c = g_ptr_array_index (readiness->knockouts, i);

            if (text->len)
              g_string_append_c (text, '\n');
            g_string_append_printf (text, _("Downgraded: the knock-out criterion “%s” is at its lowest level."),
                                    vt_criterion_get_name (c, language));
          }
      if (readiness->downgrades & VT_DOWNGRADE_AREA_GAP)
        for (guint i = 0; i < readiness->low_areas->len; i++)
          {
            const VtAreaScore *a = &g_array_index (readiness->low_areas, VtAreaScore, i);
            int gap = (int) floor (a->others - a->score + 0.5);

            if (text->len)
              g_string_append_c (text, '\n');
            g_string_append_printf (text,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "Downgraded: the area “%s” is %d point below the other areas.",
                                                 "Downgraded: the area “%s” is %d points below the other areas.",
                                                 gap),
                                    vt_area_get_display_name (a->area), gap);
          }
      break;
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

const char *
vt_readiness_band_get_display_name (VtReadinessBand band)
{
  static const char * const names[] = {
    N_("Not assessed"),
    N_("Not ready"),
    N_("Conditionally ready"),
    N_("Ready"),
  };

  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (names), NULL);
  return _(names[band]);
}

static const char * const band_ids[] = { NULL, "not-ready", "conditional", "ready" };

const char *
vt_readiness_band_to_string (VtReadinessBand band)
{
  g_return_val_if_fail ((guint) band < G_N_ELEMENTS (band_ids), NULL);
  return band_ids[band];
}

VtReadinessBand
vt_readiness_band_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (band_ids); i++)
    if (g_strcmp0 (text, band_ids[i]) == 0)
      return (VtReadinessBand) i;
  return VT_READINESS_BAND_NONE;
}

/**
 * vt_readiness_compare:
 * @before_set: the set @before used
 * @after_set: the set @after used
 *
 * Compares each criterion of @after_set with the criterion of the same
 * code in @before_set, on the 0-100 scale, so that a changed set or a
 * changed scale still compares.
 *
 * Returns: (transfer full) (element-type VtScoreChange): one change per
 *   criterion of @after_set, in its order
 */
GArray *
vt_readiness_compare (const VtCriterionSet *before_set,
                      const VtAssessment   *before,
                      const VtCriterionSet *after_set,
                      const VtAssessment   *after)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (VtScoreChange));

  for (guint i = 0; i < after_set->criteria->len; i++)
    {
      const VtCriterion *c = g_ptr_array_index (after_set->criteria, i);
      const VtCriterion *old = before_set ? vt_criterion_set_find_code (before_set, c->code) : NULL;
      VtScoreChange change = { c, -1, -1, VT_TREND_NOT_COMPARABLE };

      change.after = vt_criterion_normalise (c, score_level (after, c->id));
      if (old != NULL && before != NULL)
        change.before = vt_criterion_normalise (old, score_level (before, old->id));
      if (change.before >= 0 && change.after >= 0)
        {
          if (change.after > change.before + EPSILON)
            change.trend = VT_TREND_IMPROVED;
          else if (change.after < change.before - EPSILON)
            change.trend = VT_TREND_WORSE;
          else
            change.trend = VT_TREND_UNCHANGED;
        }
      g_array_append_val (changes, change);
    }
  return changes;
}

const char *
vt_trend_get_display_name (VtTrend trend)
{
  switch (trend)
    {
    case VT_TREND_IMPROVED:
      return _("Improved");
    case VT_TREND_UNCHANGED:
      return _("Unchanged");
    case VT_TREND_WORSE:
      return _("Worse");
    case VT_TREND_NOT_COMPARABLE:
    default:
      return _("No earlier score");
    }
}

/**
 * vt_readiness_find_disagreements:
 *
 * Two assessors disagree on a criterion when both scored it and their
 * levels differ by more than one.
 *
 * Returns: (transfer full) (element-type gint64): the criterion ids, in
 *   set order
 */
GArray *
vt_readiness_find_disagreements (const VtCriterionSet *set,
                                 const VtAssessment   *assessment,
                                 gint64                first_assessor,
                                 gint64                second_assessor)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      VtScore *a = vt_assessment_get_assessor_score (assessment, first_assessor, c->id);
      VtScore *b = vt_assessment_get_assessor_score (assessment, second_assessor, c->id);

      if (a != NULL && b != NULL && a->score >= 0 && b->score >= 0 && ABS (a->score - b->score) > 1)
        g_array_append_val (ids, c->id);
    }
  return ids;
}

/**
 * vt_readiness_suggest_consensus:
 *
 * What to propose as the agreed level from two assessors' levels: the
 * only one given, or the lower of two that are at most one level apart
 * (the cautious reading). Two that disagree must be discussed.
 *
 * Returns: the level, or -1 when there is nothing to propose
 */
int
vt_readiness_suggest_consensus (int first,
                                int second)
{
  if (first < 0)
    return second < 0 ? -1 : second;
  if (second < 0)
    return first;
  if (ABS (first - second) > 1)
    return -1;
  return MIN (first, second);
}

/**
 * vt_area_list_current:
 *
 * Returns: (transfer none): the area codes of the shipped default set, in
 *   its order, %NULL-terminated: the areas an editor offers
 */
const char * const *
vt_area_list_current (void)
{
  static const char * const areas[] = {
    "quality-system", "quality-results", "delivery", "cost", "development",
    "management", "finance", "ehs", "digital", "buyers", NULL,
  };

  return areas;
}

/**
 * vt_area_get_display_name:
 *
 * Returns: the translated name of an area code of the shipped sets, or
 *   the code itself for an area a user added
 */
const char *
vt_area_get_display_name (const char *area)
{
  static const struct { const char *id; const char *name; } areas[] = {
    { "quality-system", N_("Quality system and process control") },
    { "quality-results", N_("Quality results") },
    { "delivery", N_("Delivery and capacity") },
    { "cost", N_("Cost") },
    { "development", N_("Development") },
    { "management", N_("Management and people") },
    { "finance", N_("Finance") },
    { "ehs", N_("Environment, health and safety") },
    { "digital", N_("Digitalisation") },
    { "buyers", N_("Buyer and export experience") },
    /* The areas of the first version of the default set. */
    { "quality", N_("Quality") },
    { "operations", N_("Operations") },
    { "technology", N_("Technology") },
    { "commercial", N_("Commercial") },
    { "compliance", N_("Compliance") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (area, areas[i].id) == 0)
      return _(areas[i].name);
  return area;
}
