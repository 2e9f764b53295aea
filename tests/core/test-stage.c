/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stage.c: the pipeline's allowed moves, readiness, enums. */

#include "config.h"

#include "vt-store.h"

static void
test_forward (void)
{
  g_autoptr(GError) error = NULL;

  for (VtStage s = VT_STAGE_RECEIVED; s < VT_STAGE_CONNECTED_TO_BUYER; s++)
    {
      VtStage next = s + 1;

      /* in_support may be skipped, but each step forward is allowed. */
      g_assert_true (vt_stage_check_transition (s, next, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (vt_stage_transition_needs_reason (s, next));
    }
  g_assert_true (vt_stage_check_transition (VT_STAGE_SELECTED, VT_STAGE_CONNECTED_TO_BUYER, NULL, NULL));
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;

  /* Skipping stages. */
  g_assert_false (vt_stage_check_transition (VT_STAGE_RECEIVED, VT_STAGE_SELECTED, "because", &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "“"));
  g_clear_error (&error);

  /* The same stage. */
  g_assert_false (vt_stage_check_transition (VT_STAGE_APPRAISED, VT_STAGE_APPRAISED, "x", &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Rejected and withdrawn need a reason, from every open stage. */
  for (VtStage s = VT_STAGE_RECEIVED; s <= VT_STAGE_CONNECTED_TO_BUYER; s++)
    {
      g_assert_false (vt_stage_check_transition (s, VT_STAGE_REJECTED, "  ", &error));
      g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
      g_clear_error (&error);
      g_assert_true (vt_stage_check_transition (s, VT_STAGE_REJECTED, "Too small", NULL));
      g_assert_true (vt_stage_check_transition (s, VT_STAGE_WITHDRAWN, "Company asked", NULL));
    }

  /* A closed dossier only reopens, with a reason. */
  g_assert_false (vt_stage_check_transition (VT_STAGE_REJECTED, VT_STAGE_WITHDRAWN, "x", &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (vt_stage_check_transition (VT_STAGE_REJECTED, VT_STAGE_APPRAISED, "x", NULL));
  g_assert_false (vt_stage_check_transition (VT_STAGE_WITHDRAWN, VT_STAGE_RECEIVED, NULL, NULL));
  g_assert_true (vt_stage_check_transition (VT_STAGE_WITHDRAWN, VT_STAGE_RECEIVED, "Applied again", NULL));

  /* A step back corrects a mistake and needs a reason. */
  g_assert_false (vt_stage_check_transition (VT_STAGE_SHORTLISTED, VT_STAGE_APPRAISED, NULL, NULL));
  g_assert_true (vt_stage_check_transition (VT_STAGE_SHORTLISTED, VT_STAGE_APPRAISED, "Typo", NULL));
}

static void
test_next_stages (void)
{
  g_autoptr(GArray) next = vt_stage_get_next_stages (VT_STAGE_RECEIVED);
  g_autoptr(GArray) closed = vt_stage_get_next_stages (VT_STAGE_REJECTED);

  g_assert_cmpuint (next->len, ==, 3);
  g_assert_cmpint (g_array_index (next, VtStage, 0), ==, VT_STAGE_APPRAISED);
  g_assert_cmpint (g_array_index (next, VtStage, 1), ==, VT_STAGE_REJECTED);
  g_assert_cmpint (g_array_index (next, VtStage, 2), ==, VT_STAGE_WITHDRAWN);
  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpint (g_array_index (closed, VtStage, 0), ==, VT_STAGE_RECEIVED);
}

static void
assert_stages (GArray        *stages,
               const VtStage *expected,
               guint          n_expected)
{
  g_assert_cmpuint (stages->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (stages, VtStage, i), ==, expected[i]);
}

static void
test_common_next_stages (void)
{
  const VtStage one[] = { VT_STAGE_SHORTLISTED };
  const VtStage same[] = { VT_STAGE_APPRAISED, VT_STAGE_APPRAISED };
  const VtStage mixed[] = { VT_STAGE_RECEIVED, VT_STAGE_APPRAISED };
  const VtStage with_closed[] = { VT_STAGE_RECEIVED, VT_STAGE_REJECTED };
  const VtStage both_closed[] = { VT_STAGE_WITHDRAWN, VT_STAGE_REJECTED };
  const VtStage back_and_forth[] = { VT_STAGE_RECEIVED, VT_STAGE_SHORTLISTED };
  const VtStage expect_one[] = { VT_STAGE_APPRAISED, VT_STAGE_FIRST_VISIT_DONE,
                                 VT_STAGE_REJECTED, VT_STAGE_WITHDRAWN };
  const VtStage expect_same[] = { VT_STAGE_RECEIVED, VT_STAGE_SHORTLISTED,
                                  VT_STAGE_REJECTED, VT_STAGE_WITHDRAWN };
  const VtStage expect_closing[] = { VT_STAGE_REJECTED, VT_STAGE_WITHDRAWN };
  const VtStage expect_reopen[] = { VT_STAGE_RECEIVED };
  const VtStage expect_back[] = { VT_STAGE_APPRAISED, VT_STAGE_REJECTED, VT_STAGE_WITHDRAWN };
  g_autoptr(GArray) none = vt_stage_get_common_next_stages (NULL, 0);
  g_autoptr(GArray) a = vt_stage_get_common_next_stages (one, G_N_ELEMENTS (one));
  g_autoptr(GArray) b = vt_stage_get_common_next_stages (same, G_N_ELEMENTS (same));
  g_autoptr(GArray) c = vt_stage_get_common_next_stages (mixed, G_N_ELEMENTS (mixed));
  g_autoptr(GArray) d = vt_stage_get_common_next_stages (with_closed, G_N_ELEMENTS (with_closed));
  g_autoptr(GArray) e = vt_stage_get_common_next_stages (both_closed, G_N_ELEMENTS (both_closed));
  g_autoptr(GArray) f = vt_stage_get_common_next_stages (back_and_forth, G_N_ELEMENTS (back_and_forth));

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (vt_stage_suggest_next (NULL, 0, none), ==, -1);

  /* One supplier: exactly what the pipeline allows from its stage. */
  assert_stages (a, expect_one, G_N_ELEMENTS (expect_one));
  g_assert_cmpint (vt_stage_suggest_next (one, 1, a), ==, 1);

  /* Two at the same stage: the same as one. */
  assert_stages (b, expect_same, G_N_ELEMENTS (expect_same));
  g_assert_cmpint (vt_stage_suggest_next (same, 2, b), ==, 1);

  /* Received and appraised share no forward step (received → appraised
   * would be a no-op for the second, appraised → received a step back
   * for it only): only closing the dossiers is common. Nothing open to
   * suggest, so the first (reject) is preselected but never silently:
   * the caller still needs a reason. */
  assert_stages (c, expect_closing, G_N_ELEMENTS (expect_closing));
  g_assert_cmpint (vt_stage_suggest_next (mixed, 2, c), ==, 0);

  /* An open and a closed dossier have nothing in common. */
  g_assert_cmpuint (d->len, ==, 0);
  g_assert_cmpint (vt_stage_suggest_next (with_closed, 2, d), ==, -1);

  /* Two closed dossiers can both be reopened. */
  assert_stages (e, expect_reopen, G_N_ELEMENTS (expect_reopen));
  g_assert_cmpint (vt_stage_suggest_next (both_closed, 2, e), ==, 0);

  /* Received → appraised is forward, shortlisted → appraised is back:
   * offered, but not suggested as a step forward for all. */
  assert_stages (f, expect_back, G_N_ELEMENTS (expect_back));
  g_assert_cmpint (vt_stage_suggest_next (back_and_forth, 2, f), ==, 0);

  /* Every offered stage passes the pipeline's own check for every
   * supplier, given a reason. */
  for (guint j = 0; j < f->len; j++)
    for (guint i = 0; i < G_N_ELEMENTS (back_and_forth); i++)
      g_assert_true (vt_stage_check_transition (back_and_forth[i],
                                                g_array_index (f, VtStage, j),
                                                "reason", NULL));
}

static void
test_names (void)
{
  VtStage stage;
  VtSector sector;

  for (VtStage s = 0; s < VT_N_STAGES; s++)
    {
      g_assert_true (vt_stage_from_string (vt_stage_to_string (s), &stage));
      g_assert_cmpint (stage, ==, s);
      g_assert_nonnull (vt_stage_get_display_name (s));
    }
  g_assert_false (vt_stage_from_string ("nonsense", &stage));
  g_assert_true (vt_sector_from_string ("electrical-electronic", &sector));
  g_assert_cmpint (sector, ==, VT_SECTOR_ELECTRICAL_ELECTRONIC);
  g_assert_cmpstr (vt_visit_kind_to_string (VT_VISIT_KIND_FOLLOW_UP), ==, "follow-up");
  g_assert_cmpstr (vt_stage_get_display_name (VT_STAGE_FIRST_VISIT_DONE), ==, "First visit done");
}

static void
test_tax_code (void)
{
  g_assert_true (vt_tax_code_is_valid ("0101234567"));
  g_assert_true (vt_tax_code_is_valid ("0101234567-001"));
  g_assert_false (vt_tax_code_is_valid ("010123456"));
  g_assert_false (vt_tax_code_is_valid ("01012345678"));
  g_assert_false (vt_tax_code_is_valid ("0101234567001"));
  g_assert_false (vt_tax_code_is_valid ("0101234567-01"));
  g_assert_false (vt_tax_code_is_valid ("01012345a7"));
  g_assert_false (vt_tax_code_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/stage/forward", test_forward);
  g_test_add_func ("/core/stage/refused", test_refused);
  g_test_add_func ("/core/stage/next-stages", test_next_stages);
  g_test_add_func ("/core/stage/common-next-stages", test_common_next_stages);
  g_test_add_func ("/core/stage/names", test_names);
  g_test_add_func ("/core/stage/tax-code", test_tax_code);

  return g_test_run ();
}
