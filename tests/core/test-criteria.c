/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-criteria.c: what the criterion-set editor checks before a save
 * (weights, names, level descriptions, band thresholds), the sentence
 * that says what saving does, and the store's side of editing: the count
 * of assessments per version, a saved version left as it was, and the
 * choice of the version new assessments use. Built with VT_TEST_PG, the
 * store tests run on a PostgreSQL server as well. */
#include "config.h"

#include <locale.h>

#include "vt-criteria-check.h"
#include "vt-readiness.h"
#include "vt-test-util.h"

static VtCriterion *
described (const char *code,
           double      weight,
           VtScale     scale)
{
  VtCriterion *c = vt_criterion_new (code, code, weight);

  c->scale = scale;
  c->name_vi = g_strdup_printf ("%s (vi)", code);
  c->name_ko = g_strdup_printf ("%s (ko)", code);
  for (int level = 0; level < vt_criterion_get_n_levels (c); level++)
    {
      c->levels[level] = g_strdup_printf ("%s level %d", code, level);
      c->levels_vi[level] = g_strdup_printf ("%s mức %d", code, level);
      c->levels_ko[level] = g_strdup_printf ("%s 수준 %d", code, level);
    }
  return c;
}

/* A valid set: 60 + 40, one criterion on the audit scale. */
static VtCriterionSet *
make_set (void)
{
  VtCriterionSet *set = vt_criterion_set_new ("Test set");

  g_ptr_array_add (set->criteria, described ("quality", 60, VT_SCALE_LEVELS));
  g_ptr_array_add (set->criteria, described ("ppap", 40, VT_SCALE_AUDIT));
  return set;
}

static VtCriterion *
nth (VtCriterionSet *set,
     guint           i)
{
  return g_ptr_array_index (set->criteria, i);
}

static VtCriterionIssue *
only_issue (GPtrArray *issues)
{
  g_assert_cmpuint (issues->len, ==, 1);
  return g_ptr_array_index (issues, 0);
}

static void
test_valid (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpfloat (vt_criterion_set_get_weight_sum (set), ==, 100);
  g_assert_true (vt_criterion_set_weights_ok (set));
  /* What the editor accepts, the store accepts. */
  g_assert_true (vt_criterion_set_validate (set, NULL));
}

static void
test_weights (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  VtCriterionIssue *issue;

  nth (set, 0)->weight = 58;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    issue = only_issue (issues);
    g_assert_cmpint (issue->problem, ==, VT_CRITERION_PROBLEM_WEIGHT_SUM);
    g_assert_cmpint (issue->criterion, ==, -1);
    g_assert_cmpstr (issue->message, ==, "The weights add up to 98; they must add up to 100.");
    g_assert_false (vt_criterion_set_weights_ok (set));
    g_assert_false (vt_criterion_set_validate (set, NULL));
  }

  /* Fractions count, up to rounding noise. */
  nth (set, 0)->weight = 59.9;
  nth (set, 1)->weight = 40.1;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpuint (issues->len, ==, 0);
  }
  nth (set, 1)->weight = 40.6;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpstr (only_issue (issues)->message, ==, "The weights add up to 100.5; they must add up to 100.");
  }

  /* A weight out of range is the criterion's own problem as well. */
  nth (set, 0)->weight = 160;
  nth (set, 1)->weight = -60;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpuint (issues->len, ==, 2);
    issue = g_ptr_array_index (issues, 0);
    g_assert_cmpint (issue->problem, ==, VT_CRITERION_PROBLEM_WEIGHT);
    g_assert_cmpint (issue->criterion, ==, 0);
    g_assert_cmpstr (issue->message, ==, "The weight of “quality” must lie between 0 and 100.");
    issue = g_ptr_array_index (issues, 1);
    g_assert_cmpint (issue->criterion, ==, 1);
  }
}

static void
test_names (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(GPtrArray) issues = NULL;
  VtCriterionIssue *issue;

  g_clear_pointer (&nth (set, 1)->name_ko, g_free);
  g_free (nth (set, 0)->name_en);
  nth (set, 0)->name_en = g_strdup ("   ");
  g_free (set->name);
  set->name = g_strdup ("");
  issues = vt_criterion_set_check (set);
  g_assert_cmpuint (issues->len, ==, 3);

  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->problem, ==, VT_CRITERION_PROBLEM_SET_NAME);
  g_assert_cmpstr (issue->message, ==, "The criterion set needs a name.");

  /* A blank English name: the criterion goes by its Vietnamese one. */
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpint (issue->problem, ==, VT_CRITERION_PROBLEM_NAME);
  g_assert_cmpint (issue->criterion, ==, 0);
  g_assert_cmpstr (issue->language, ==, "en");
  g_assert_cmpstr (issue->message, ==, "“quality (vi)” needs a name in English.");

  issue = g_ptr_array_index (issues, 2);
  g_assert_cmpint (issue->criterion, ==, 1);
  g_assert_cmpstr (issue->language, ==, "ko");
  g_assert_cmpstr (issue->message, ==, "“ppap” needs a name in Korean.");
}

static void
test_nameless_and_codes (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(GPtrArray) issues = NULL;
  VtCriterion *c = nth (set, 1);

  g_clear_pointer (&c->name_en, g_free);
  g_clear_pointer (&c->name_vi, g_free);
  g_clear_pointer (&c->name_ko, g_free);
  g_free (c->code);
  c->code = g_strdup ("quality");
  issues = vt_criterion_set_check (set);
  g_assert_cmpuint (issues->len, ==, 4);
  g_assert_cmpstr (((VtCriterionIssue *) g_ptr_array_index (issues, 0))->message, ==,
                   "criterion 2 needs a name in English.");
  g_assert_cmpint (((VtCriterionIssue *) g_ptr_array_index (issues, 3))->problem, ==, VT_CRITERION_PROBLEM_CODE);

  /* A new criterion gets a code of its own from its English name. */
  {
    g_autofree char *code = vt_criterion_set_make_code (set, "Quality");
    g_autofree char *other = vt_criterion_set_make_code (set, "Kiểm soát quá trình / SPC");
    g_autofree char *none = vt_criterion_set_make_code (set, "품질");

    g_assert_cmpstr (code, ==, "quality-2");
    g_assert_cmpstr (other, ==, "kiem-soat-qua-trinh-spc");
    g_assert_cmpstr (none, ==, "criterion");
  }
}

static void
test_levels (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(GPtrArray) issues = NULL;
  VtCriterionIssue *issue;

  /* The audit scale has five levels, worth 0, 4, 6, 8 and 10 points: its
   * level 4 is written as 10, and a sixth description is not needed. */
  g_clear_pointer (&nth (set, 1)->levels_vi[4], g_free);
  g_clear_pointer (&nth (set, 1)->levels_vi[5], g_free);
  g_clear_pointer (&nth (set, 0)->levels[5], g_free);
  issues = vt_criterion_set_check (set);
  g_assert_cmpuint (issues->len, ==, 2);

  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->problem, ==, VT_CRITERION_PROBLEM_LEVEL);
  g_assert_cmpint (issue->criterion, ==, 0);
  g_assert_cmpint (issue->level, ==, 5);
  g_assert_cmpstr (issue->language, ==, "en");
  g_assert_cmpstr (issue->message, ==, "Level 5 of “quality” has no description in English.");

  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpint (issue->criterion, ==, 1);
  g_assert_cmpint (issue->level, ==, 4);
  g_assert_cmpstr (issue->language, ==, "vi");
  g_assert_cmpstr (issue->message, ==, "Level 10 of “ppap” has no description in Vietnamese.");

  /* Switching the criterion to the 0-5 scale needs level 5 written in
   * the three languages. */
  nth (set, 1)->scale = VT_SCALE_LEVELS;
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = vt_criterion_set_check (set);
  g_assert_cmpuint (issues->len, ==, 5);
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpstr (issue->message, ==, "Level 4 of “ppap” has no description in Vietnamese.");
  issue = g_ptr_array_index (issues, 4);
  g_assert_cmpint (issue->level, ==, 5);
  g_assert_cmpstr (issue->language, ==, "ko");
}

static void
test_thresholds (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();

  set->conditional_min = 80;
  set->ready_min = 80;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpint (only_issue (issues)->problem, ==, VT_CRITERION_PROBLEM_BANDS);
  }
  set->conditional_min = 0;
  set->ready_min = 50;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpint (only_issue (issues)->problem, ==, VT_CRITERION_PROBLEM_BANDS);
  }
  set->conditional_min = 60;
  set->ready_min = 100.5;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpint (only_issue (issues)->problem, ==, VT_CRITERION_PROBLEM_BANDS);
  }
  set->ready_min = 100;
  set->area_gap = 0;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpint (only_issue (issues)->problem, ==, VT_CRITERION_PROBLEM_RULES);
  }
  set->area_gap = 25;
  set->min_coverage = 101;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpint (only_issue (issues)->problem, ==, VT_CRITERION_PROBLEM_RULES);
  }
  set->min_coverage = 100;
  {
    g_autoptr(GPtrArray) issues = vt_criterion_set_check (set);

    g_assert_cmpuint (issues->len, ==, 0);
  }
}

static void
test_save_note (void)
{
  g_autoptr(VtCriterionSet) set = make_set ();
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *many = NULL;
  g_autoptr(VtCriterionSet) other = vt_criterion_set_new ("Other set");

  set->set_version = 2;
  g_ptr_array_add (sets, set);
  g_ptr_array_add (sets, other);
  other->set_version = 7;
  g_assert_cmpint (vt_criterion_sets_next_version (sets, "Test set"), ==, 3);
  g_assert_cmpint (vt_criterion_sets_next_version (sets, "Other set"), ==, 8);
  g_assert_cmpint (vt_criterion_sets_next_version (sets, "New set"), ==, 1);

  none = vt_criterion_set_dup_save_note (set, 3);
  g_assert_cmpstr (none, ==, "No assessment uses version 2. Saving stores your changes as version 3.");
  set->n_assessments = 1;
  one = vt_criterion_set_dup_save_note (set, 3);
  g_assert_cmpstr (one, ==, "1 assessment uses version 2. Saving keeps that version as it is and stores your changes as version 3.");
  set->n_assessments = 12;
  many = vt_criterion_set_dup_save_note (set, 3);
  g_assert_cmpstr (many, ==, "12 assessments use version 2. Saving keeps that version as it is and stores your changes as version 3.");
}

/* The default set as shipped passes the editor's checks. */
static void
test_shipped_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCriterionSet) set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_autoptr(GPtrArray) issues = NULL;

  g_assert_no_error (error);
  issues = vt_criterion_set_check (set);
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("%s", ((VtCriterionIssue *) g_ptr_array_index (issues, i))->message);
  g_assert_cmpuint (issues->len, ==, 0);
}

static VtCriterionSet *
find_version (GPtrArray *sets,
              gint64     id)
{
  for (guint i = 0; i < sets->len; i++)
    if (((VtCriterionSet *) g_ptr_array_index (sets, i))->id == id)
      return g_ptr_array_index (sets, i);
  g_assert_not_reached ();
}

/* Editing a version that an assessment uses: the count, a new version
 * that leaves the old one as it was, and choosing the default. */
static void
test_store_versions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) s = make_test_supplier ("Công ty Cơ khí Thành Công", NULL);
  g_autoptr(VtCriterionSet) old = NULL;
  g_autoptr(VtCriterionSet) edited = NULL;
  g_autoptr(VtCriterionSet) again = NULL;
  g_autoptr(VtAssessment) a = NULL;
  g_autoptr(VtAssessment) got = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  VtCriterion *qms;
  gint64 old_id;
  int old_version;

  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);
  old = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->n_assessments, ==, 0);
  old_id = old->id;
  old_version = old->set_version;

  a = vt_assessment_new (s->uuid, old->id);
  g_date_set_dmy (&a->assessed_on, 15, 9, 2025);
  for (guint i = 0; i < old->criteria->len; i++)
    vt_assessment_set_score (a, nth (old, i)->id, vt_criterion_get_n_levels (nth (old, i)) - 1, NULL);
  g_assert_true (vt_store_save_assessment_sync (store, a, NULL, &error));
  g_assert_no_error (error);

  sets = vt_store_list_criterion_sets_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_version (sets, old_id)->n_assessments, ==, 1);

  /* Halve the quality system's weight and give it to process control. */
  edited = vt_criterion_set_copy (find_version (sets, old_id));
  g_assert_cmpuint (edited->n_assessments, ==, 1);
  qms = vt_criterion_set_find_code (edited, "qms");
  qms->weight -= 5;
  vt_criterion_set_find_code (edited, "process-control")->weight += 5;
  g_free (qms->name_ko);
  qms->name_ko = g_strdup ("품질경영체계");
  /* Saved as a version to try out: not for new assessments yet. */
  edited->is_default = FALSE;
  g_assert_true (vt_store_save_criterion_set_sync (store, edited, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edited->id, !=, old_id);
  g_assert_cmpint (edited->set_version, ==, old_version + 1);

  /* The old version is as it was, still the default, and still used. */
  again = vt_store_get_criterion_set_sync (store, old_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (vt_criterion_set_find_code (again, "qms")->weight, ==, 10);
  g_assert_cmpstr (vt_criterion_set_find_code (again, "qms")->name_ko, ==, "품질경영시스템");
  g_assert_true (again->is_default);
  g_assert_cmpuint (again->n_assessments, ==, 1);
  g_clear_pointer (&again, vt_criterion_set_unref);
  again = vt_store_get_criterion_set_sync (store, edited->id, NULL, &error);
  g_assert_false (again->is_default);
  g_assert_cmpuint (again->n_assessments, ==, 0);
  g_assert_cmpfloat (vt_criterion_set_find_code (again, "qms")->weight, ==, 5);

  /* New assessments use the new version from now on; the old one stops
   * being the default without changing otherwise. */
  g_assert_true (vt_store_set_default_criterion_set_sync (store, edited->id, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, vt_criterion_set_unref);
  again = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_cmpint (again->id, ==, edited->id);
  g_clear_pointer (&again, vt_criterion_set_unref);
  again = vt_store_get_criterion_set_sync (store, old_id, NULL, &error);
  g_assert_false (again->is_default);
  g_assert_cmpfloat (vt_criterion_set_find_code (again, "qms")->weight, ==, 10);
  /* Choosing the default again changes nothing, and twice is harmless. */
  g_assert_true (vt_store_set_default_criterion_set_sync (store, edited->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_store_set_default_criterion_set_sync (store, 9999, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The assessment kept its version and its index. */
  got = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->set_id, ==, old_id);
  g_assert_cmpfloat_with_epsilon (got->readiness, 100, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  vt_test_init (&argc, &argv);

  g_test_add_func ("/core/criteria/valid", test_valid);
  g_test_add_func ("/core/criteria/weights", test_weights);
  g_test_add_func ("/core/criteria/names", test_names);
  g_test_add_func ("/core/criteria/nameless-and-codes", test_nameless_and_codes);
  g_test_add_func ("/core/criteria/levels", test_levels);
  g_test_add_func ("/core/criteria/thresholds", test_thresholds);
  g_test_add_func ("/core/criteria/save-note", test_save_note);
  g_test_add ("/core/criteria/shipped-set", Fixture, NULL, fixture_set_up, test_shipped_set, fixture_tear_down);
  g_test_add ("/core/criteria/store-versions", Fixture, NULL, fixture_set_up, test_store_versions, fixture_tear_down);

  return vt_test_run ();
}
