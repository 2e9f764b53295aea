/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assessment-state.c: what the assessment window shows, without a
 * display. */
#include "config.h"

#include <locale.h>

#include "vt-assessment-state.h"

static VtCriterionSet *
make_set (void)
{
  VtCriterionSet *set = vt_criterion_set_new ("t");
  const char *codes[] = { "a", "b" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      VtCriterion *c = vt_criterion_new (codes[i], codes[i], 50);

      c->id = i + 1;
      c->scale = i == 1 ? VT_SCALE_AUDIT : VT_SCALE_LEVELS;
      for (int l = 0; l < vt_criterion_get_n_levels (c); l++)
        c->levels[l] = g_strdup_printf ("level %d", l);
      c->levels_ko[2] = g_strdup ("기본 절차");
      g_ptr_array_add (set->criteria, c);
    }
  return set;
}

static void
test_criterion_state (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtAssessment) a = vt_assessment_new ("s", 1);
  VtCriterion *c = g_ptr_array_index (set->criteria, 0);
  VtCriterionState st;

  st = vt_assessment_state_for_criterion (a, c, 7, 9);
  g_assert_cmpint (st.level, ==, -1);
  g_assert_false (st.comment_missing);
  g_assert_false (st.disagree);
  g_assert_cmpint (st.suggestion, ==, -1);

  vt_assessment_set_assessor_score (a, 7, c->id, 4, NULL);
  vt_assessment_set_assessor_score (a, 9, c->id, 3, NULL);
  st = vt_assessment_state_for_criterion (a, c, 7, 9);
  g_assert_false (st.disagree);
  g_assert_cmpint (st.suggestion, ==, 3);

  vt_assessment_set_assessor_score (a, 9, c->id, 1, NULL);
  st = vt_assessment_state_for_criterion (a, c, 7, 9);
  g_assert_true (st.disagree);
  g_assert_cmpint (st.suggestion, ==, -1);
  /* With one assessor chosen there is nobody to disagree with. */
  st = vt_assessment_state_for_criterion (a, c, 7, 0);
  g_assert_false (st.disagree);
  g_assert_cmpint (st.suggestion, ==, 4);

  vt_assessment_set_score (a, c->id, 1, NULL);
  st = vt_assessment_state_for_criterion (a, c, 7, 9);
  g_assert_cmpint (st.level, ==, 1);
  g_assert_true (st.comment_missing);
  vt_assessment_set_score (a, c->id, 1, " \t");
  g_assert_true (vt_assessment_state_for_criterion (a, c, 7, 9).comment_missing);
  vt_assessment_set_score (a, c->id, 1, "Không có hồ sơ kiểm tra.");
  g_assert_false (vt_assessment_state_for_criterion (a, c, 7, 9).comment_missing);
  vt_assessment_set_score (a, c->id, 2, NULL);
  g_assert_false (vt_assessment_state_for_criterion (a, c, 7, 9).comment_missing);
}

static void
test_can_finish (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(VtAssessment) a = vt_assessment_new ("s", 1);
  g_autofree char *reason = NULL;

  /* Nothing scored is not a reason to refuse: the band says it. */
  g_assert_true (vt_assessment_state_can_finish (set, a, 7, 9, &reason));
  g_assert_null (reason);

  vt_assessment_set_score (a, 1, 0, NULL);
  vt_assessment_set_score (a, 2, 1, NULL);
  g_assert_false (vt_assessment_state_can_finish (set, a, 7, 9, &reason));
  g_assert_cmpstr (reason, ==, "2 low scores need a comment.");
  g_clear_pointer (&reason, g_free);
  vt_assessment_set_score (a, 1, 0, "x");
  g_assert_false (vt_assessment_state_can_finish (set, a, 7, 9, &reason));
  g_assert_cmpstr (reason, ==, "1 low score needs a comment.");
  g_clear_pointer (&reason, g_free);
  vt_assessment_set_score (a, 2, 3, NULL);
  g_assert_true (vt_assessment_state_can_finish (set, a, 7, 9, NULL));

  /* A disagreement needs an agreed score. */
  vt_assessment_set_assessor_score (a, 7, 2, 4, NULL);
  vt_assessment_set_assessor_score (a, 9, 2, 1, NULL);
  g_assert_true (vt_assessment_state_can_finish (set, a, 7, 9, NULL));
  vt_assessment_set_score (a, 2, -1, NULL);
  g_assert_false (vt_assessment_state_can_finish (set, a, 7, 9, &reason));
  g_assert_cmpstr (reason, ==, "The assessors disagree on 1 criterion: agree on a score.");
}

static void
test_labels (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  VtCriterion *audit = g_ptr_array_index (set->criteria, 1);
  g_autofree char *a = vt_assessment_state_level_label (audit, 3, "en");
  g_autofree char *b = vt_assessment_state_level_label (audit, 2, "ko");
  g_autofree char *c = vt_assessment_state_level_label (audit, -1, "en");
  g_autofree char *none = vt_assessment_state_format_index (-1);
  g_autofree char *index = vt_assessment_state_format_index (72.04);

  /* Audit levels show their points. */
  g_assert_cmpstr (a, ==, "8 — level 3");
  g_assert_cmpstr (b, ==, "6 — 기본 절차");
  g_assert_cmpstr (c, ==, "Not scored");
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (index, ==, "72.0");
  g_assert_cmpstr (vt_assessment_state_band_style (VT_READINESS_BAND_READY), ==, "success");
  g_assert_cmpstr (vt_assessment_state_band_style (VT_READINESS_BAND_CONDITIONAL), ==, "warning");
  g_assert_cmpstr (vt_assessment_state_band_style (VT_READINESS_BAND_NOT_READY), ==, "error");
  g_assert_cmpstr (vt_assessment_state_band_style (VT_READINESS_BAND_NONE), ==, "dim-label");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/assessment-state/criterion", test_criterion_state);
  g_test_add_func ("/ui/assessment-state/can-finish", test_can_finish);
  g_test_add_func ("/ui/assessment-state/labels", test_labels);

  return g_test_run ();
}
