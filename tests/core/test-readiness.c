/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Readiness scoring: worked examples of the index, the bands, the
 * knock-out and area downgrades, missing scores, a changed criterion set,
 * the comparison with an earlier assessment and assessor disagreement.
 *
 * The test set (weights sum to 100):
 *
 *   id code area            weight scale       knock-out
 *   1  qms  quality-system  10     0-5         yes
 *   2  pc   quality-system  40     0-5
 *   3  otd  delivery        30     0/4/6/8/10
 *   4  fin  finance         20     0-5
 *
 * A 0-5 level L counts as 20 L; an audit level counts as its points times
 * ten (0, 40, 60, 80, 100).
 */

#include "config.h"

#include <locale.h>

#include "vt-assessment.h"
#include "vt-criteria.h"
#include "vt-error.h"
#include "vt-improvement-action.h"
#include "vt-readiness.h"

enum { QMS = 1, PC, OTD, FIN };

static VtCriterion *
make_criterion (gint64      id,
                const char *code,
                const char *area,
                double      weight,
                VtScale     scale,
                gboolean    knockout)
{
  VtCriterion *c = vt_criterion_new (code, code, weight);

  c->id = id;
  g_free (c->area);
  c->area = g_strdup (area);
  c->scale = scale;
  c->knockout = knockout;
  for (int l = 0; l < vt_criterion_get_n_levels (c); l++)
    c->levels[l] = g_strdup_printf ("%s level %d", code, l);
  return c;
}

static VtCriterionSet *
make_set (void)
{
  VtCriterionSet *set = vt_criterion_set_new ("test");

  g_ptr_array_add (set->criteria, make_criterion (QMS, "qms", "quality-system", 10, VT_SCALE_LEVELS, TRUE));
  g_ptr_array_add (set->criteria, make_criterion (PC, "pc", "quality-system", 40, VT_SCALE_LEVELS, FALSE));
  g_ptr_array_add (set->criteria, make_criterion (OTD, "otd", "delivery", 30, VT_SCALE_AUDIT, FALSE));
  g_ptr_array_add (set->criteria, make_criterion (FIN, "fin", "finance", 20, VT_SCALE_LEVELS, FALSE));
  return set;
}

/* Levels of qms, pc, otd and fin; -1 leaves one unscored. */
static VtAssessment *
make_assessment (int qms,
                 int pc,
                 int otd,
                 int fin)
{
  VtAssessment *a = vt_assessment_new ("s", 1);
  int levels[] = { qms, pc, otd, fin };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] >= 0)
      vt_assessment_set_score (a, i + 1, levels[i], "seen");
  return a;
}

static VtReadiness *
evaluate (const VtCriterionSet *set,
          int                   qms,
          int                   pc,
          int                   otd,
          int                   fin)
{
  g_autoptr(VtAssessment) a = make_assessment (qms, pc, otd, fin);

  return vt_readiness_evaluate (set, a);
}

static void
test_scales (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  VtCriterion *pc = vt_criterion_set_find (set, PC);
  VtCriterion *otd = vt_criterion_set_find (set, OTD);

  g_assert_cmpint (vt_criterion_get_n_levels (pc), ==, 6);
  g_assert_cmpint (vt_criterion_get_n_levels (otd), ==, 5);
  g_assert_cmpint (vt_criterion_get_points (otd, 0), ==, 0);
  g_assert_cmpint (vt_criterion_get_points (otd, 1), ==, 4);
  g_assert_cmpint (vt_criterion_get_points (otd, 2), ==, 6);
  g_assert_cmpint (vt_criterion_get_points (otd, 3), ==, 8);
  g_assert_cmpint (vt_criterion_get_points (otd, 4), ==, 10);
  g_assert_cmpint (vt_criterion_get_points (otd, 5), ==, -1);
  g_assert_cmpfloat (vt_criterion_normalise (otd, 2), ==, 60);
  g_assert_cmpfloat (vt_criterion_normalise (pc, 3), ==, 60);
  g_assert_cmpfloat (vt_criterion_normalise (pc, -1), ==, -1);
  g_assert_cmpfloat (vt_criterion_normalise (pc, 6), ==, -1);

  /* The lowest two levels of either scale need a comment. */
  g_assert_true (vt_criterion_is_low_level (pc, 0));
  g_assert_true (vt_criterion_is_low_level (pc, 1));
  g_assert_false (vt_criterion_is_low_level (pc, 2));
  g_assert_true (vt_criterion_is_low_level (otd, 1));
  g_assert_false (vt_criterion_is_low_level (otd, 2));
  g_assert_false (vt_criterion_is_low_level (otd, -1));
}

static void
test_weights_and_bands (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtReadiness) r = NULL;

  /* (10×80 + 40×60 + 30×80 + 20×80) / 100 = 72. */
  r = evaluate (set, 4, 3, 3, 4);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_OK);
  g_assert_cmpfloat_with_epsilon (r->index, 72.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_NONE);
  g_assert_cmpuint (r->n_scored, ==, 4);
  g_assert_cmpfloat (r->coverage, ==, 100);
  /* Areas: quality system (800 + 2400) / 50 = 64, the rest 80. */
  g_assert_cmpuint (r->areas->len, ==, 3);
  g_assert_cmpstr (g_array_index (r->areas, VtAreaScore, 0).area, ==, "quality-system");
  g_assert_cmpfloat_with_epsilon (g_array_index (r->areas, VtAreaScore, 0).score, 64.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (r->areas, VtAreaScore, 0).weight, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (r->areas, VtAreaScore, 0).others, 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (r->areas, VtAreaScore, 1).score, 80.0, 1e-9);
  g_assert_null (vt_readiness_dup_explanation (r, "en"));
  g_clear_pointer (&r, vt_readiness_free);

  /* Everything at the top of its scale. */
  r = evaluate (set, 5, 5, 4, 5);
  g_assert_cmpfloat (r->index, ==, 100);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_READY);
  g_clear_pointer (&r, vt_readiness_free);

  /* Exactly 80 is ready. */
  r = evaluate (set, 4, 4, 3, 4);
  g_assert_cmpfloat_with_epsilon (r->index, 80.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_READY);
  g_clear_pointer (&r, vt_readiness_free);

  /* Exactly 60 is conditionally ready (an audit 6 is 60). */
  r = evaluate (set, 3, 3, 2, 3);
  g_assert_cmpfloat_with_epsilon (r->index, 60.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_clear_pointer (&r, vt_readiness_free);

  /* (400 + 2400 + 1800 + 1200) / 100 = 58: not ready. */
  r = evaluate (set, 2, 3, 2, 3);
  g_assert_cmpfloat_with_epsilon (r->index, 58.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_NONE);
  g_clear_pointer (&r, vt_readiness_free);

  /* The thresholds belong to the set. */
  set->ready_min = 90;
  set->conditional_min = 75;
  r = evaluate (set, 4, 4, 3, 4);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_clear_pointer (&r, vt_readiness_free);
  r = evaluate (set, 4, 3, 3, 4);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);

  g_assert_cmpint (vt_readiness_band_for_index (set, -1), ==, VT_READINESS_BAND_NONE);
  g_assert_cmpstr (vt_readiness_band_to_string (VT_READINESS_BAND_CONDITIONAL), ==, "conditional");
  g_assert_cmpint (vt_readiness_band_from_string ("ready"), ==, VT_READINESS_BAND_READY);
  g_assert_cmpint (vt_readiness_band_from_string ("nonsense"), ==, VT_READINESS_BAND_NONE);
  g_assert_cmpint (vt_readiness_band_from_string (NULL), ==, VT_READINESS_BAND_NONE);
}

static void
test_knockout (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtReadiness) r = NULL;
  g_autofree char *why = NULL;

  /* qms (knock-out) at 0 but the area holds: (0 + 4000 + 2400 + 1600) /
   * 100 = 80 would be ready; the knock-out makes it not ready. */
  r = evaluate (set, 0, 5, 3, 4);
  g_assert_cmpfloat_with_epsilon (r->index, 80.0, 1e-9);
  g_assert_cmpint (r->band_by_index, ==, VT_READINESS_BAND_READY);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_KNOCKOUT);
  g_assert_cmpuint (r->knockouts->len, ==, 1);
  g_assert_cmpstr (((VtCriterion *) g_ptr_array_index (r->knockouts, 0))->code, ==, "qms");
  g_assert_cmpuint (r->low_areas->len, ==, 0);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_cmpstr (why, ==, "Downgraded: the knock-out criterion “qms” is at its lowest level.");
  g_clear_pointer (&r, vt_readiness_free);

  /* Level 1 of a knock-out criterion is not its lowest: no downgrade. */
  r = evaluate (set, 1, 5, 3, 4);
  g_assert_cmpfloat_with_epsilon (r->index, 82.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_READY);
  g_assert_cmpuint (r->knockouts->len, ==, 0);
  g_clear_pointer (&r, vt_readiness_free);

  /* Already not ready by the index: nothing to lower, but the knock-out
   * is still found. */
  r = evaluate (set, 0, 2, 2, 2);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_NONE);
  g_assert_cmpuint (r->knockouts->len, ==, 1);
}

static void
test_area_gap (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtReadiness) r = NULL;
  g_autofree char *why = NULL;

  /* fin at 20 against the others' 100: (1000 + 4000 + 3000 + 400) / 100
   * = 84 would be ready; one step down. */
  r = evaluate (set, 5, 5, 4, 1);
  g_assert_cmpfloat_with_epsilon (r->index, 84.0, 1e-9);
  g_assert_cmpint (r->band_by_index, ==, VT_READINESS_BAND_READY);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_AREA_GAP);
  g_assert_cmpuint (r->low_areas->len, ==, 1);
  g_assert_cmpstr (g_array_index (r->low_areas, VtAreaScore, 0).area, ==, "finance");
  g_assert_cmpfloat_with_epsilon (g_array_index (r->low_areas, VtAreaScore, 0).others, 100.0, 1e-9);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_cmpstr (why, ==, "Downgraded: the area “Finance” is 80 points below the other areas.");
  g_clear_pointer (&r, vt_readiness_free);

  /* Exactly 30 under: fin 60, others (1000 + 3200 + 3000) / 80 = 90. */
  r = evaluate (set, 5, 4, 4, 3);
  g_assert_cmpfloat_with_epsilon (r->index, 84.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_AREA_GAP);
  g_clear_pointer (&r, vt_readiness_free);

  /* 22.5 under (others (1000 + 3200 + 2400) / 80 = 82.5): no downgrade. */
  r = evaluate (set, 5, 4, 3, 3);
  g_assert_cmpfloat_with_epsilon (r->index, 78.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_NONE);
  g_assert_cmpuint (r->low_areas->len, ==, 0);
  g_clear_pointer (&r, vt_readiness_free);

  /* Conditionally ready and a low area: not ready. */
  set->area_gap = 20;
  r = evaluate (set, 5, 4, 3, 3);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_AREA_GAP);
  g_clear_pointer (&r, vt_readiness_free);
  set->area_gap = 30;

  /* Both rules: (0 + 4000 + 3000 + 0) / 100 = 70; the knock-out and the
   * finance area (0 against 87.5) both lower it, once. */
  r = evaluate (set, 0, 5, 4, 0);
  g_assert_cmpfloat_with_epsilon (r->index, 70.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpint (r->downgrades, ==, VT_DOWNGRADE_KNOCKOUT | VT_DOWNGRADE_AREA_GAP);
  g_clear_pointer (&why, g_free);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_nonnull (strstr (why, "“qms”"));
  g_assert_nonnull (strstr (why, "“Finance” is 88 points"));
  g_assert_nonnull (strchr (why, '\n'));
}

static void
test_missing (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtReadiness) r = NULL;
  g_autofree char *why = NULL;

  /* fin unscored: 80 % of the weight, just enough; the scored weights
   * are scaled up: (800 + 2400 + 2400) / 80 = 70. */
  r = evaluate (set, 4, 3, 3, -1);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_OK);
  g_assert_cmpfloat_with_epsilon (r->coverage, 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->index, 70.0, 1e-9);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_CONDITIONAL);
  g_assert_cmpuint (r->n_scored, ==, 3);
  /* An unscored area is never "far below". */
  g_assert_cmpfloat (g_array_index (r->areas, VtAreaScore, 2).score, ==, -1);
  g_clear_pointer (&r, vt_readiness_free);

  /* otd unscored: 70 % is too little for an index. */
  r = evaluate (set, 4, 3, -1, 4);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_TOO_FEW_SCORED);
  g_assert_cmpfloat (r->index, ==, -1);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NONE);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_cmpstr (why, ==, "No index yet: 70 % of the weight is scored.");
  g_clear_pointer (&why, g_free);
  g_clear_pointer (&r, vt_readiness_free);

  /* A set may ask for less. */
  set->min_coverage = 70;
  r = evaluate (set, 4, 3, -1, 4);
  /* (800 + 2400 + 1600) / 70 = 68.571…, rounded to one decimal. */
  g_assert_cmpfloat_with_epsilon (r->index, 68.6, 1e-9);
  g_clear_pointer (&r, vt_readiness_free);
  set->min_coverage = 80;

  /* A knock-out criterion must be scored: 90 % is not enough without it. */
  r = evaluate (set, -1, 3, 3, 4);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_KNOCKOUT_UNSCORED);
  g_assert_cmpfloat (r->index, ==, -1);
  g_assert_cmpint (r->band, ==, VT_READINESS_BAND_NONE);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_cmpstr (why, ==, "No index yet: the knock-out criterion “qms” is not scored.");
  g_clear_pointer (&why, g_free);
  g_clear_pointer (&r, vt_readiness_free);

  r = evaluate (set, -1, -1, -1, -1);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_NOTHING_SCORED);
  g_assert_cmpfloat (r->index, ==, -1);
  g_assert_cmpfloat (r->coverage, ==, 0);
  why = vt_readiness_dup_explanation (r, "en");
  g_assert_cmpstr (why, ==, "Nothing is scored yet.");
}

/* The next version of the set: pc weighs 30 and fin 30, otd weighs 20
 * and moves to the 0-5 scale, and a new digitalisation criterion weighs
 * 10. Criterion ids are new, as the store makes them. */
static VtCriterionSet *
make_second_version (void)
{
  VtCriterionSet *set = vt_criterion_set_new ("test");

  set->set_version = 2;
  g_ptr_array_add (set->criteria, make_criterion (11, "qms", "quality-system", 10, VT_SCALE_LEVELS, TRUE));
  g_ptr_array_add (set->criteria, make_criterion (12, "pc", "quality-system", 30, VT_SCALE_LEVELS, FALSE));
  g_ptr_array_add (set->criteria, make_criterion (13, "otd", "delivery", 20, VT_SCALE_LEVELS, FALSE));
  g_ptr_array_add (set->criteria, make_criterion (14, "fin", "finance", 30, VT_SCALE_LEVELS, FALSE));
  g_ptr_array_add (set->criteria, make_criterion (15, "dig", "digital", 10, VT_SCALE_LEVELS, FALSE));
  return set;
}

static void
test_changed_set (void)
{
  g_autoptr(VtCriterionSet) v1 = make_set ();
  g_autoptr(VtCriterionSet) v2 = make_second_version ();
  g_autoptr(VtAssessment) old = make_assessment (4, 3, 3, 4);
  g_autoptr(VtAssessment) later = vt_assessment_new ("s", 2);
  g_autoptr(VtReadiness) r = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_criterion_set_validate (v1, &error));
  g_assert_true (vt_criterion_set_validate (v2, &error));
  g_assert_no_error (error);

  /* The old assessment keeps its meaning under its own version. */
  r = vt_readiness_evaluate (v1, old);
  g_assert_cmpfloat_with_epsilon (r->index, 72.0, 1e-9);
  g_clear_pointer (&r, vt_readiness_free);

  /* Its scores mean nothing to the new version (other criteria). */
  r = vt_readiness_evaluate (v2, old);
  g_assert_cmpint (r->status, ==, VT_READINESS_STATUS_NOTHING_SCORED);
  g_clear_pointer (&r, vt_readiness_free);

  /* The same findings under the new weights: qms 80, pc 60, otd 4/5 =
   * 80, fin 80, dig 2/5 = 40: (800 + 1800 + 1600 + 2400 + 400) / 100 = 70. */
  vt_assessment_set_score (later, 11, 4, NULL);
  vt_assessment_set_score (later, 12, 3, NULL);
  vt_assessment_set_score (later, 13, 4, NULL);
  vt_assessment_set_score (later, 14, 4, NULL);
  vt_assessment_set_score (later, 15, 2, NULL);
  r = vt_readiness_evaluate (v2, later);
  g_assert_cmpfloat_with_epsilon (r->index, 70.0, 1e-9);
  g_assert_cmpuint (r->areas->len, ==, 4);
}

static void
test_compare (void)
{
  g_autoptr(VtCriterionSet) v1 = make_set ();
  g_autoptr(VtCriterionSet) v2 = make_second_version ();
  g_autoptr(VtAssessment) before = make_assessment (4, 3, 3, 4);
  g_autoptr(VtAssessment) after = vt_assessment_new ("s", 2);
  g_autoptr(GArray) changes = NULL;
  VtScoreChange *c;

  /* qms unscored now; pc 3 → 4; otd audit 8 (80) → 0-5 level 4 (80);
   * fin 4 → 2; dig is new. */
  vt_assessment_set_score (after, 12, 4, NULL);
  vt_assessment_set_score (after, 13, 4, NULL);
  vt_assessment_set_score (after, 14, 2, NULL);
  vt_assessment_set_score (after, 15, 3, NULL);
  changes = vt_readiness_compare (v1, before, v2, after);
  g_assert_cmpuint (changes->len, ==, 5);

  c = &g_array_index (changes, VtScoreChange, 0);
  g_assert_cmpstr (c->criterion->code, ==, "qms");
  g_assert_cmpfloat (c->before, ==, 80);
  g_assert_cmpfloat (c->after, ==, -1);
  g_assert_cmpint (c->trend, ==, VT_TREND_NOT_COMPARABLE);
  c = &g_array_index (changes, VtScoreChange, 1);
  g_assert_cmpint (c->trend, ==, VT_TREND_IMPROVED);
  g_assert_cmpfloat (c->before, ==, 60);
  g_assert_cmpfloat (c->after, ==, 80);
  c = &g_array_index (changes, VtScoreChange, 2);
  g_assert_cmpstr (c->criterion->code, ==, "otd");
  g_assert_cmpint (c->trend, ==, VT_TREND_UNCHANGED);
  c = &g_array_index (changes, VtScoreChange, 3);
  g_assert_cmpint (c->trend, ==, VT_TREND_WORSE);
  c = &g_array_index (changes, VtScoreChange, 4);
  g_assert_cmpstr (c->criterion->code, ==, "dig");
  g_assert_cmpfloat (c->before, ==, -1);
  g_assert_cmpint (c->trend, ==, VT_TREND_NOT_COMPARABLE);
  g_clear_pointer (&changes, g_array_unref);

  /* No earlier assessment: nothing compares. */
  changes = vt_readiness_compare (NULL, NULL, v2, after);
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (g_array_index (changes, VtScoreChange, i).trend, ==, VT_TREND_NOT_COMPARABLE);
  g_clear_pointer (&changes, g_array_unref);

  /* The same set, the same scores: all unchanged. */
  changes = vt_readiness_compare (v1, before, v1, before);
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (g_array_index (changes, VtScoreChange, i).trend, ==, VT_TREND_UNCHANGED);
}

static void
test_disagreement (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtAssessment) a = vt_assessment_new ("s", 1);
  g_autoptr(GArray) ids = NULL;
  gint64 kim = 7, lan = 9;

  vt_assessment_set_assessor_score (a, kim, QMS, 4, NULL);
  vt_assessment_set_assessor_score (a, lan, QMS, 2, NULL);     /* two apart */
  vt_assessment_set_assessor_score (a, kim, PC, 3, NULL);
  vt_assessment_set_assessor_score (a, lan, PC, 4, NULL);      /* one apart */
  vt_assessment_set_assessor_score (a, kim, OTD, 0, NULL);
  vt_assessment_set_assessor_score (a, lan, OTD, 4, NULL);     /* 0 against 10 */
  vt_assessment_set_assessor_score (a, kim, FIN, 5, NULL);     /* one assessor */
  ids = vt_readiness_find_disagreements (set, a, kim, lan);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, QMS);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, OTD);
  g_clear_pointer (&ids, g_array_unref);

  /* A changed own score settles it; -1 takes a score back. */
  vt_assessment_set_assessor_score (a, lan, QMS, 3, "looked again");
  g_assert_cmpstr (vt_assessment_get_assessor_score (a, lan, QMS)->comment, ==, "looked again");
  vt_assessment_set_assessor_score (a, lan, OTD, -1, NULL);
  g_assert_null (vt_assessment_get_assessor_score (a, lan, OTD));
  ids = vt_readiness_find_disagreements (set, a, kim, lan);
  g_assert_cmpuint (ids->len, ==, 0);

  g_assert_cmpint (vt_readiness_suggest_consensus (3, 4), ==, 3);
  g_assert_cmpint (vt_readiness_suggest_consensus (4, 4), ==, 4);
  g_assert_cmpint (vt_readiness_suggest_consensus (4, 2), ==, -1);
  g_assert_cmpint (vt_readiness_suggest_consensus (-1, 2), ==, 2);
  g_assert_cmpint (vt_readiness_suggest_consensus (5, -1), ==, 5);
  g_assert_cmpint (vt_readiness_suggest_consensus (-1, -1), ==, -1);
}

static void
test_validate (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtAssessment) a = make_assessment (4, 3, 3, 4);
  g_autoptr(GError) error = NULL;
  VtCriterion *otd = vt_criterion_set_find (set, OTD);

  g_assert_true (vt_assessment_validate (a, set, &error));
  g_assert_no_error (error);

  /* A low score needs a comment, unless the assessment is a draft. */
  vt_assessment_set_score (a, FIN, 1, "  ");
  g_assert_false (vt_assessment_validate (a, set, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a->draft = TRUE;
  g_assert_true (vt_assessment_validate (a, set, &error));
  a->draft = FALSE;
  vt_assessment_set_score (a, FIN, 1, "No audited statements for 2025.");
  g_assert_true (vt_assessment_validate (a, set, &error));

  /* Level 5 is not on the audit scale. */
  vt_assessment_set_score (a, OTD, 5, NULL);
  g_assert_false (vt_assessment_validate (a, set, &error));
  g_clear_error (&error);
  vt_assessment_set_score (a, OTD, -1, NULL);
  g_assert_true (vt_assessment_validate (a, set, &error));

  /* An own score needs its assessor on the assessment. */
  vt_assessment_set_assessor_score (a, 3, PC, 2, NULL);
  g_assert_false (vt_assessment_validate (a, set, &error));
  g_clear_error (&error);
  {
    gint64 three = 3;

    g_array_append_val (a->assessor_ids, three);
  }
  g_assert_true (vt_assessment_validate (a, set, &error));

  /* The set itself: weights, level descriptions, band rules. */
  g_assert_true (vt_criterion_set_validate (set, &error));
  otd->weight = 20;
  g_assert_false (vt_criterion_set_validate (set, &error));
  g_assert_true (g_str_has_prefix (error->message, "The weights of the criteria add up to 90"));
  g_clear_error (&error);
  otd->weight = 30;
  g_clear_pointer (&otd->levels[4], g_free);
  g_assert_false (vt_criterion_set_validate (set, &error));
  g_assert_cmpstr (error->message, ==, "Level 10 of “otd” has no description.");
  g_clear_error (&error);
  otd->levels[4] = g_strdup ("approved");
  /* A sixth level on the audit scale is not needed. */
  g_assert_null (otd->levels[5]);
  g_assert_true (vt_criterion_set_validate (set, &error));
  set->conditional_min = 85;
  g_assert_false (vt_criterion_set_validate (set, &error));
  g_clear_error (&error);
  set->conditional_min = 60;
  set->min_coverage = 0;
  g_assert_false (vt_criterion_set_validate (set, &error));
  g_clear_error (&error);
}

static void
test_copy (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtCriterionSet) copy = NULL;
  VtCriterion *c;

  vt_criterion_set_find (set, PC)->levels_ko[2] = g_strdup ("기본");
  set->area_gap = 25;
  copy = vt_criterion_set_copy (set);
  g_assert_cmpuint (copy->criteria->len, ==, 4);
  g_assert_cmpfloat (copy->area_gap, ==, 25);
  c = vt_criterion_set_find (copy, PC);
  g_assert_true (c != vt_criterion_set_find (set, PC));
  g_assert_cmpstr (vt_criterion_get_level_description (c, 2, "ko"), ==, "기본");
  g_assert_cmpstr (vt_criterion_get_level_description (c, 2, "vi"), ==, "pc level 2");
  g_assert_null (vt_criterion_get_level_description (c, 6, "en"));
  g_assert_cmpint (vt_criterion_set_find (copy, OTD)->scale, ==, VT_SCALE_AUDIT);
  g_assert_true (vt_criterion_set_find_code (copy, "fin") == vt_criterion_set_find (copy, FIN));
  g_assert_null (vt_criterion_set_find_code (copy, "nope"));
  c->weight = 1;
  g_assert_cmpfloat (vt_criterion_set_find (set, PC)->weight, ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  /* The explanations are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/readiness/scales", test_scales);
  g_test_add_func ("/core/readiness/weights-and-bands", test_weights_and_bands);
  g_test_add_func ("/core/readiness/knockout", test_knockout);
  g_test_add_func ("/core/readiness/area-gap", test_area_gap);
  g_test_add_func ("/core/readiness/missing", test_missing);
  g_test_add_func ("/core/readiness/changed-set", test_changed_set);
  g_test_add_func ("/core/readiness/compare", test_compare);
  g_test_add_func ("/core/readiness/disagreement", test_disagreement);
  g_test_add_func ("/core/readiness/validate", test_validate);
  g_test_add_func ("/core/readiness/copy", test_copy);

  return g_test_run ();
}
