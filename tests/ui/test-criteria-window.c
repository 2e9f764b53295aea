/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The criterion-set editor over a real store, in the language given by
 * VT_TEST_LANGUAGE: a weight changed so that the weights add up to 102
 * disables Save and says why; fixing another weight enables it; saving
 * stores a new version and leaves the old one, which an assessment uses,
 * as it was, and the assessment keeps its version and index; choosing
 * the old version for new assessments again works without a new
 * version. Everything readable on the way must be in the run's language.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-criteria-window.h"
#include "vt-store.h"
#include "vt-ui-test.h"

static gboolean
is_loaded (gpointer window)
{
  return vt_criteria_window_is_loaded (window);
}

typedef struct
{
  VtCriteriaWindow *window;
  gint64            id;
} ShownOther;

static gboolean
shows_other (gpointer data)
{
  ShownOther *s = data;

  return vt_criteria_window_is_loaded (s->window) && vt_criteria_window_get_shown (s->window)->id != s->id;
}

static gboolean
shows_default (gpointer window)
{
  return vt_criteria_window_is_loaded (window) && vt_criteria_window_get_shown (window)->is_default;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  vt_test_wait_for (done, data, 60);
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *gone)
{
  *gone = TRUE;
}

static double
weight_of (VtStore    *store,
           gint64      set_id,
           const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCriterionSet) set = vt_store_get_criterion_set_sync (store, set_id, NULL, &error);

  g_assert_no_error (error);
  return vt_criterion_set_find_code (set, code)->weight;
}

static void
test_criteria_window (void)
{
  const char *language = g_getenv ("VT_TEST_LANGUAGE");
  gboolean english = g_strcmp0 (language, "en") == 0;
  g_autofree char *dir = g_dir_make_tmp ("vt-criteria-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(VtCriterionSet) set = NULL;
  g_autoptr(VtAssessment) a = NULL;
  g_autoptr(VtAssessment) kept = NULL;
  g_autoptr(VtCriterionSet) by_default = NULL;
  VtTextCheck check;
  VtCriteriaWindow *window;
  VtCriterionSet *shown;
  ShownOther other;
  gint64 old_id, new_id;
  int old_version;
  double readiness;
  gboolean gone = FALSE;

  g_assert_nonnull (language);
  adw_init ();
  vt_text_check_init (&check, language);

  store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  s->name_vi = g_strdup ("Công ty Cơ khí Đông Anh");
  g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
  g_assert_no_error (error);

  /* An assessment scored before the edit, at 80 of 100 throughout. */
  set = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_no_error (error);
  old_id = set->id;
  old_version = set->set_version;
  a = vt_assessment_new (s->uuid, set->id);
  g_date_set_dmy (&a->assessed_on, 15, 9, 2025);
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      vt_text_check_add_data (&check, c->name_en);
      vt_text_check_add_data (&check, c->name_vi);
      vt_text_check_add_data (&check, c->name_ko);
      vt_assessment_set_score (a, c->id, c->scale == VT_SCALE_AUDIT ? 3 : 4, NULL);
    }
  g_assert_true (vt_store_save_assessment_sync (store, a, NULL, &error));
  g_assert_no_error (error);
  readiness = a->readiness;
  g_assert_cmpfloat_with_epsilon (readiness, 80, 1e-9);
  vt_text_check_add_data (&check, set->name);

  window = vt_criteria_window_new (NULL, store);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_loaded, window);

  /* The version new assessments use is shown, with what saving does. */
  shown = vt_criteria_window_get_shown (window);
  g_assert_cmpint (shown->id, ==, old_id);
  g_assert_true (shown->is_default);
  g_assert_cmpuint (shown->n_assessments, ==, 1);
  if (english)
    {
      g_assert_cmpstr (vt_criteria_window_get_usage (window), ==,
                       "1 assessment uses version 2. Saving keeps that version as it is and stores your changes as version 3.");
      g_assert_cmpstr (vt_criteria_window_get_sum_text (window), ==, "Sum of weights: 100 of 100");
    }
  g_assert_false (vt_criteria_window_can_save (window));
  g_assert_null (vt_criteria_window_get_problem (window));
  g_assert_nonnull (vt_criteria_window_expand (window, "qms"));
  while (g_main_context_iteration (NULL, FALSE));
  vt_text_check_widget_tree (&check, "criteria", GTK_WIDGET (window));

  /* The quality management system from 10 to 12: the weights add up to
   * 102, and Save says why it cannot. */
  gtk_spin_button_set_value (vt_criteria_window_get_weight_spin (window, "qms"), 12);
  g_assert_true (vt_criteria_window_is_dirty (window));
  g_assert_false (vt_criteria_window_can_save (window));
  g_assert_nonnull (vt_criteria_window_get_problem (window));
  if (english)
    {
      g_assert_cmpstr (vt_criteria_window_get_problem (window), ==,
                       "Cannot save: The weights add up to 102; they must add up to 100.");
      g_assert_cmpstr (vt_criteria_window_get_sum_text (window), ==, "Sum of weights: 102 of 100");
    }
  while (g_main_context_iteration (NULL, FALSE));
  vt_text_check_widget_tree (&check, "criteria, weights wrong", GTK_WIDGET (window));

  /* Process control from 8 to 6: 100 again. */
  gtk_spin_button_set_value (vt_criteria_window_get_weight_spin (window, "process-control"), 6);
  g_assert_true (vt_criteria_window_can_save (window));
  g_assert_null (vt_criteria_window_get_problem (window));

  other.window = window;
  other.id = old_id;
  vt_criteria_window_save (window);
  wait_for (shows_other, &other);

  /* The new version is shown, and is the one new assessments use. */
  shown = vt_criteria_window_get_shown (window);
  new_id = shown->id;
  g_assert_cmpint (shown->set_version, ==, old_version + 1);
  g_assert_true (shown->is_default);
  g_assert_cmpuint (shown->n_assessments, ==, 0);
  g_assert_false (vt_criteria_window_is_dirty (window));
  g_assert_false (vt_criteria_window_can_save (window));
  if (english)
    g_assert_cmpstr (vt_criteria_window_get_usage (window), ==,
                     "No assessment uses version 3. Saving stores your changes as version 4.");
  by_default = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_default->id, ==, new_id);
  g_assert_cmpfloat (weight_of (store, new_id, "qms"), ==, 12);
  g_assert_cmpfloat (weight_of (store, new_id, "process-control"), ==, 6);

  /* The old version is unchanged, and the assessment keeps it and its
   * index. */
  g_assert_cmpfloat (weight_of (store, old_id, "qms"), ==, 10);
  g_assert_cmpfloat (weight_of (store, old_id, "process-control"), ==, 8);
  kept = vt_store_get_assessment_sync (store, a->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->set_id, ==, old_id);
  g_assert_cmpfloat_with_epsilon (kept->readiness, readiness, 1e-9);
  g_assert_cmpint (kept->band, ==, a->band);

  /* Back to the old version for new assessments, without a new version. */
  g_assert_true (vt_criteria_window_show_version (window, old_id));
  shown = vt_criteria_window_get_shown (window);
  g_assert_cmpint (shown->id, ==, old_id);
  g_assert_false (shown->is_default);
  g_assert_cmpuint (shown->n_assessments, ==, 1);
  while (g_main_context_iteration (NULL, FALSE));
  vt_text_check_widget_tree (&check, "criteria, old version", GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "criteria.make-default", NULL));
  wait_for (shows_default, window);
  g_assert_cmpint (vt_criteria_window_get_shown (window)->id, ==, old_id);
  g_clear_pointer (&by_default, vt_criterion_set_unref);
  by_default = vt_store_get_criterion_set_sync (store, 0, NULL, &error);
  g_assert_cmpint (by_default->id, ==, old_id);
  g_assert_cmpint (by_default->set_version, ==, old_version);

  /* Nothing unsaved: the window closes at once. */
  gtk_window_close (GTK_WINDOW (window));
  wait_for (is_true, &gone);
  while (g_main_context_iteration (NULL, FALSE));

  vt_text_check_assert_clean (&check);
  g_assert_cmpuint (check.checked_strings, >, 20);
  vt_text_check_clear (&check);

  g_assert_finalize_object (g_steal_pointer (&store));
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  return vt_ui_test_main (argc, argv, "/ui/criteria-window/edit-weights", test_criteria_window);
}
