/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-assessment-window.c: scoring a supplier in the real window over a
 * real store: the live index and band, the knock-out downgrade, a
 * disagreement between the two assessors, a low score's comment, the
 * question on close, what the store keeps, and the supplier page
 * showing the new index. */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-assessment-window.h"
#include "vt-supplier-profile.h"
#include "vt-supplier-assessments.h"
#include "vt-store.h"

typedef struct
{
  char    *dir;
  VtStore *store;
  char    *uuid;
  gint64   consultant;
  gint64   staff;
  gint64   visit;
} Fixture;

static gint64
add_person (VtStore      *store,
            VtPersonKind  kind,
            const char   *family,
            const char   *given)
{
  g_autoptr(VtPerson) p = vt_person_new (kind, family, NULL, given);
  g_autoptr(GError) error = NULL;

  g_assert_true (vt_store_save_person_sync (store, p, NULL, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2025, 9, 15, 2, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 4);
  g_autoptr(VtVisit) v = NULL;

  f->dir = g_dir_make_tmp ("vt-assessment-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);

  s->name_vi = g_strdup ("Công ty Cơ khí Đông Anh");
  g_assert_true (vt_store_save_supplier_sync (f->store, s, NULL, &error));
  f->uuid = g_strdup (s->uuid);
  f->consultant = add_person (f->store, VT_PERSON_KIND_CONSULTANT, "Kim", "Min-jun");
  f->staff = add_person (f->store, VT_PERSON_KIND_STAFF, "Nguyễn", "Lan");
  add_person (f->store, VT_PERSON_KIND_INTERPRETER, "Trần", "Hà");

  v = vt_visit_new (f->uuid, VT_VISIT_KIND_FIRST, start, end);
  v->status = VT_VISIT_STATUS_DONE;
  vt_visit_add_participant (v, f->consultant, VT_PERSON_KIND_CONSULTANT);
  vt_visit_add_participant (v, f->staff, VT_PERSON_KIND_STAFF);
  g_assert_true (vt_store_save_visit_sync (f->store, v, NULL, &error));
  g_assert_no_error (error);
  f->visit = v->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->uuid);
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The store did not answer in time");
  return G_SOURCE_REMOVE;
}

static gboolean
is_loaded (gpointer window)
{
  return vt_assessment_window_is_loaded (window);
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
  guint timeout_id = g_timeout_add_seconds (20, time_out, NULL);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

static void
on_saved (VtAssessmentWindow *window,
          gboolean           *saved)
{
  *saved = TRUE;
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *gone)
{
  *gone = TRUE;
}

/* A level worth 80 of 100 on either scale. */
static int
level_80 (const VtCriterion *c)
{
  return c->scale == VT_SCALE_AUDIT ? 3 : 4;
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        n++;
    }
  return n;
}

static void
test_score_supplier (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *host = gtk_window_new ();
  VtSupplierAssessments *list = VT_SUPPLIER_ASSESSMENTS (vt_supplier_assessments_new ());
  VtAssessmentWindow *window;
  VtCriterionSet *set;
  VtAssessment *a;
  g_autoptr(GPtrArray) saved_list = NULL;
  g_autoptr(VtSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE, gone = FALSE;
  guint n_criteria;

  vt_supplier_assessments_set_store (list, f->store);
  vt_supplier_assessments_set_supplier_uuid (list, f->uuid);
  gtk_window_set_child (GTK_WINDOW (host), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (host));

  window = VT_ASSESSMENT_WINDOW (vt_supplier_assessments_open (list, 0));
  g_signal_connect (window, "saved", G_CALLBACK (on_saved), &saved);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &gone);
  wait_for (is_loaded, window);

  set = vt_assessment_window_get_set (window);
  a = vt_assessment_window_get_assessment (window);
  g_assert_nonnull (set);
  g_assert_true (set->is_default);
  /* The set goes with the window. */
  n_criteria = set->criteria->len;
  /* A new assessment starts at the supplier's visit, with its consultant
   * and staff member as the assessors. */
  g_assert_cmpint (a->visit_id, ==, f->visit);
  g_assert_cmpuint (a->assessor_ids->len, ==, 2);
  g_assert_cmpint (g_date_get_day (&a->assessed_on), ==, 15);
  g_assert_cmpstr (vt_assessment_window_get_index_text (window), ==, "—");
  g_assert_cmpstr (vt_assessment_window_get_band_text (window), ==, "Not assessed");
  g_assert_cmpstr (vt_assessment_window_get_explanation (window), ==, "Nothing is scored yet.");
  g_assert_false (vt_assessment_window_is_dirty (window));

  /* Both assessors score every criterion at 80 of 100; the agreed score
   * follows them. */
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      g_assert_true (vt_assessment_window_score (window, c->code, f->consultant, level_80 (c)));
      g_assert_true (vt_assessment_window_score (window, c->code, f->staff, level_80 (c)));
    }
  g_assert_cmpstr (vt_assessment_window_get_index_text (window), ==, "80.0");
  g_assert_cmpstr (vt_assessment_window_get_band_text (window), ==, "Ready");
  g_assert_null (vt_assessment_window_get_explanation (window));
  g_assert_true (vt_assessment_window_is_dirty (window));
  g_assert_true (vt_assessment_window_can_finish (window));

  /* The quality system, a knock-out criterion, at its lowest level. */
  g_assert_true (vt_assessment_window_score (window, "qms", f->consultant, 0));
  g_assert_true (vt_assessment_window_score (window, "qms", f->staff, 0));
  g_assert_cmpstr (vt_assessment_window_get_index_text (window), ==, "72.0");
  g_assert_cmpstr (vt_assessment_window_get_band_text (window), ==, "Not ready");
  /* The area falls too: (10 × 0 + 8 × 80) / 18 = 35.6 against 80. */
  g_assert_cmpstr (vt_assessment_window_get_explanation (window), ==,
                   "Downgraded: the knock-out criterion “Quality management system” is at its lowest level.\n"
                   "Downgraded: the area “Quality system and process control” is 44 points below the other areas.");
  /* A low score needs a comment before the assessment can be finished. */
  g_assert_false (vt_assessment_window_can_finish (window));
  vt_assessment_window_set_comment (window, "qms", "Không có hệ thống quản lý chất lượng.");
  g_assert_true (vt_assessment_window_can_finish (window));

  /* The assessors disagree on finance: the agreed score waits for them. */
  g_assert_true (vt_assessment_window_score (window, "finance", f->staff, 1));
  g_assert_false (vt_assessment_window_can_finish (window));
  g_assert_true (vt_assessment_window_score (window, "finance", 0, 3));
  g_assert_true (vt_assessment_window_can_finish (window));
  g_assert_cmpstr (vt_assessment_window_get_index_text (window), ==, "70.6");

  /* Closing with unsaved scores asks first, and keeps the window. */
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gone);
  g_assert_cmpuint (count_message_dialogs (), ==, 1);

  /* Finish: saved with the index and band computed, and the window
   * closes. */
  vt_assessment_window_save (window, FALSE);
  wait_for (is_true, &gone);
  g_assert_true (saved);

  saved_list = vt_store_list_assessments_sync (f->store, f->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved_list->len, ==, 1);
  a = g_ptr_array_index (saved_list, 0);
  g_assert_false (a->draft);
  g_assert_cmpfloat_with_epsilon (a->readiness, 70.6, 1e-9);
  g_assert_cmpint (a->band, ==, VT_READINESS_BAND_NOT_READY);
  g_assert_cmpuint (a->assessor_scores->len, ==, 2 * n_criteria);
  supplier = vt_store_get_supplier_sync (f->store, f->uuid, NULL, &error);
  g_assert_cmpfloat_with_epsilon (supplier->readiness, 70.6, 1e-9);

  /* The supplier's list shows it. */
  while (vt_supplier_assessments_get_n_items (list) != 1)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (host));
  while (g_main_context_iteration (NULL, FALSE));
}

static void
test_draft_reopens (Fixture       *f,
                    gconstpointer  data)
{
  VtAssessmentWindow *window = vt_assessment_window_new (NULL, f->store, f->uuid, 0);
  gboolean saved = FALSE, gone = FALSE;
  gint64 id;

  g_signal_connect (window, "saved", G_CALLBACK (on_saved), &saved);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_loaded, window);

  /* One assessor only: the score is the agreed one. */
  g_assert_true (vt_assessment_window_set_assessors (window, f->consultant, 0));
  g_assert_true (vt_assessment_window_score (window, "cost", 0, 1));
  g_assert_false (vt_assessment_window_score (window, "cost", f->staff, 1));
  g_assert_cmpstr (vt_assessment_window_get_band_text (window), ==, "Not assessed");
  vt_assessment_window_save (window, TRUE);
  wait_for (is_true, &saved);
  g_assert_false (gone);
  g_assert_false (vt_assessment_window_is_dirty (window));
  id = vt_assessment_window_get_assessment (window)->id;
  g_assert_cmpint (id, >, 0);
  gtk_window_close (GTK_WINDOW (window));
  wait_for (is_true, &gone);

  /* The draft comes back as it was left. */
  gone = FALSE;
  window = vt_assessment_window_new (NULL, f->store, f->uuid, id);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_loaded, window);
  g_assert_true (vt_assessment_window_get_assessment (window)->draft);
  g_assert_cmpint (vt_assessment_get_score (vt_assessment_window_get_assessment (window),
                                            vt_criterion_set_find_code (vt_assessment_window_get_set (window), "cost")->id)->score,
                   ==, 1);
  g_assert_cmpuint (vt_assessment_window_get_assessment (window)->assessor_ids->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static gboolean
profile_is_loaded (gpointer profile)
{
  return vt_supplier_profile_get_uuid (profile) != NULL;
}

static gboolean
profile_shows_80 (gpointer profile)
{
  return g_strcmp0 (vt_supplier_profile_get_readiness_text (profile), "Readiness 80") == 0;
}

static void
on_profile_changed (VtSupplierProfile *profile,
                    guint             *n_changed)
{
  (*n_changed)++;
}

/* The header of the supplier's page follows a saved assessment, and the
 * page tells the lists showing the supplier. */
static void
test_profile_follows (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *host = gtk_window_new ();
  VtSupplierProfile *profile = g_object_new (VT_TYPE_SUPPLIER_PROFILE, NULL);
  VtAssessmentWindow *window;
  VtCriterionSet *set;
  gboolean gone = FALSE;
  guint n_changed = 0;

  gtk_window_set_child (GTK_WINDOW (host), GTK_WIDGET (profile));
  gtk_window_present (GTK_WINDOW (host));
  vt_supplier_profile_set_store (profile, f->store);
  vt_supplier_profile_load (profile, f->uuid);
  wait_for (profile_is_loaded, profile);
  g_signal_connect (profile, "changed", G_CALLBACK (on_profile_changed), &n_changed);
  g_assert_null (vt_supplier_profile_get_readiness_text (profile));

  window = VT_ASSESSMENT_WINDOW (vt_supplier_assessments_open (
    VT_SUPPLIER_ASSESSMENTS (vt_supplier_profile_get_section (profile, "assessments")), 0));
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &gone);
  wait_for (is_loaded, window);
  set = vt_assessment_window_get_set (window);
  g_assert_true (vt_assessment_window_set_assessors (window, f->consultant, 0));
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      g_assert_true (vt_assessment_window_score (window, c->code, 0, level_80 (c)));
    }
  vt_assessment_window_save (window, FALSE);
  wait_for (is_true, &gone);

  wait_for (profile_shows_80, profile);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (vt_supplier_profile_get_dirty (profile));

  gtk_window_destroy (GTK_WINDOW (host));
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add ("/ui/assessment-window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("score-supplier", test_score_supplier);
  ADD ("draft-reopens", test_draft_reopens);
  ADD ("profile-follows", test_profile_follows);

  return g_test_run ();
}
