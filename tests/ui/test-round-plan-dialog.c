/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-round-plan-dialog.c: proposing a round's second visits over a real
 * store, adjusting the proposal, and moving it in one batch. */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-round-plan-dialog.h"
#include "vt-stage-dialog.h"
#include "vt-store.h"

typedef struct
{
  char    *dir;
  VtStore *store;
  gint64   round_id;
  char    *best;        /* 100 */
  char    *good;        /* 80 */
  char    *fair;        /* 60 */
  char    *unassessed;
  char    *elsewhere;   /* still shortlisted: no first visit yet */
} Fixture;

static char *
add_supplier (Fixture    *f,
              const char *name_vi,
              VtStage     stage)
{
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name_vi = g_strdup (name_vi);
  s->round_id = f->round_id;
  g_assert_true (vt_store_save_supplier_sync (f->store, s, NULL, &error));
  g_assert_no_error (error);
  for (VtStage st = VT_STAGE_APPRAISED; st <= stage; st++)
    {
      g_assert_true (vt_store_move_stage_sync (f->store, s->uuid, f->round_id, st, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return g_strdup (s->uuid);
}

/* Every criterion at @share of its top: 100, 80 or 60, on either scale. */
static void
assess (Fixture    *f,
        const char *uuid,
        int         share)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtCriterionSet) set = vt_store_get_criterion_set_sync (f->store, 0, NULL, &error);
  g_autoptr(VtAssessment) a = NULL;

  g_assert_no_error (error);
  a = vt_assessment_new (uuid, set->id);
  g_date_set_dmy (&a->assessed_on, 15, 9, 2025);
  for (guint i = 0; i < set->criteria->len; i++)
    {
      const VtCriterion *c = g_ptr_array_index (set->criteria, i);
      int level = vt_criterion_get_n_levels (c) - 1;

      while (level > 0 && vt_criterion_normalise (c, level) > share)
        level--;
      g_assert_cmpfloat (vt_criterion_normalise (c, level), ==, share);
      vt_assessment_set_score (a, c->id, level, NULL);
    }
  g_assert_true (vt_store_save_assessment_sync (f->store, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (a->readiness, ==, share);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VtRound) round = vt_round_new ();

  f->dir = g_dir_make_tmp ("vt-round-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  vt_store_set_actor (f->store, "Lê Thị Hoa");

  round->name = g_strdup ("Đợt 2025");
  round->year = 2025;
  for (VtStage s = 0; s < VT_N_STAGES; s++)
    round->targets[s] = -1;
  round->targets[VT_STAGE_SELECTED] = 2;
  g_assert_true (vt_store_save_round_sync (f->store, round, NULL, &error));
  g_assert_no_error (error);
  f->round_id = round->id;

  f->fair = add_supplier (f, "Công ty Nhựa Bình Minh", VT_STAGE_FIRST_VISIT_DONE);
  f->best = add_supplier (f, "Công ty Cơ khí Đông Anh", VT_STAGE_FIRST_VISIT_DONE);
  f->unassessed = add_supplier (f, "Công ty Điện tử Hà Nội", VT_STAGE_FIRST_VISIT_DONE);
  f->good = add_supplier (f, "Công ty Khuôn mẫu Sao Mai", VT_STAGE_FIRST_VISIT_DONE);
  f->elsewhere = add_supplier (f, "Công ty Cao su Sao Vàng", VT_STAGE_SHORTLISTED);
  assess (f, f->fair, 60);
  assess (f, f->best, 100);
  assess (f, f->good, 80);
  assess (f, f->elsewhere, 100);
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
  g_free (f->best);
  g_free (f->good);
  g_free (f->fair);
  g_free (f->unassessed);
  g_free (f->elsewhere);
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The store did not answer in time");
  return G_SOURCE_REMOVE;
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *gone)
{
  *gone = TRUE;
}

static void
on_moved (VtRoundPlanDialog *dialog,
          gboolean          *moved)
{
  *moved = TRUE;
}

static VtStage
stage_of (Fixture    *f,
          const char *uuid)
{
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(GError) error = NULL;

  s = vt_store_get_supplier_sync (f->store, uuid, NULL, &error);
  g_assert_no_error (error);
  return s->stage;
}

static void
test_propose_and_move (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_sync (f->store, f->round_id, NULL, &error);
  g_autoptr(GPtrArray) history = NULL;
  VtRoundPlanDialog *dialog;
  VtStageDialog *stage_dialog;
  gboolean moved = FALSE, gone = FALSE;
  guint timeout_id;

  g_assert_no_error (error);
  dialog = vt_round_plan_dialog_new (NULL, f->store, stats);
  g_signal_connect (dialog, "moved", G_CALLBACK (on_moved), &moved);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &gone);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Four suppliers wait after their first visit; two places. */
  g_assert_cmpuint (vt_round_plan_dialog_get_target (dialog), ==, 2);
  g_assert_cmpuint (vt_round_plan_dialog_get_n_entries (dialog), ==, 4);
  g_assert_cmpstr (vt_round_plan_dialog_get_uuid (dialog, 0), ==, f->best);
  g_assert_cmpstr (vt_round_plan_dialog_get_uuid (dialog, 1), ==, f->good);
  g_assert_cmpstr (vt_round_plan_dialog_get_uuid (dialog, 2), ==, f->fair);
  g_assert_cmpstr (vt_round_plan_dialog_get_uuid (dialog, 3), ==, f->unassessed);
  g_assert_true (vt_round_plan_dialog_get_proposed (dialog, 0));
  g_assert_true (vt_round_plan_dialog_get_proposed (dialog, 1));
  g_assert_false (vt_round_plan_dialog_get_proposed (dialog, 2));
  g_assert_false (vt_round_plan_dialog_get_proposed (dialog, 3));
  g_assert_cmpstr (vt_round_plan_dialog_get_summary (dialog), ==,
                   "2 suppliers proposed of 4. The round plans 2 second visits.");

  /* Staff prefer the fair one to the good one. */
  vt_round_plan_dialog_set_proposed (dialog, 1, FALSE);
  vt_round_plan_dialog_set_proposed (dialog, 2, TRUE);
  vt_round_plan_dialog_set_proposed (dialog, 3, TRUE);
  g_assert_cmpstr (vt_round_plan_dialog_get_summary (dialog), ==,
                   "3 suppliers proposed of 4. The round plans 2 second visits.");
  vt_round_plan_dialog_set_proposed (dialog, 3, FALSE);

  /* The proposed move in one batch, with the reason filled in. */
  stage_dialog = VT_STAGE_DIALOG (vt_round_plan_dialog_move (dialog, TRUE));
  g_assert_nonnull (stage_dialog);
  g_assert_true (vt_stage_dialog_select_stage (stage_dialog, VT_STAGE_SECOND_VISIT_DONE));
  g_assert_true (vt_stage_dialog_can_move (stage_dialog));
  vt_stage_dialog_move (stage_dialog);
  timeout_id = g_timeout_add_seconds (20, time_out, NULL);
  while (!gone)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  g_assert_true (moved);

  g_assert_cmpint (stage_of (f, f->best), ==, VT_STAGE_SECOND_VISIT_DONE);
  g_assert_cmpint (stage_of (f, f->fair), ==, VT_STAGE_SECOND_VISIT_DONE);
  g_assert_cmpint (stage_of (f, f->good), ==, VT_STAGE_FIRST_VISIT_DONE);
  g_assert_cmpint (stage_of (f, f->unassessed), ==, VT_STAGE_FIRST_VISIT_DONE);
  g_assert_cmpint (stage_of (f, f->elsewhere), ==, VT_STAGE_SHORTLISTED);
  history = vt_store_list_stage_history_sync (f->store, f->fair, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VtStageChange *) g_ptr_array_index (history, history->len - 1))->reason, ==,
                   "Proposed for a second visit from the first-visit results of Đợt 2025");
  while (g_main_context_iteration (NULL, FALSE));
}

/* A round without a target proposes nobody, and says where to set one. */
static void
test_no_target (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_sync (f->store, f->round_id, NULL, &error);
  VtRoundPlanDialog *dialog;

  g_assert_no_error (error);
  stats->round->targets[VT_STAGE_SELECTED] = -1;
  dialog = vt_round_plan_dialog_new (NULL, f->store, stats);
  g_assert_cmpuint (vt_round_plan_dialog_get_target (dialog), ==, 0);
  g_assert_false (vt_round_plan_dialog_get_proposed (dialog, 0));
  g_assert_cmpstr (vt_round_plan_dialog_get_summary (dialog), ==,
                   "0 suppliers proposed of 4. The round has no target for the second visits: "
                   "set one in the round’s targets.");
  g_assert_null (vt_round_plan_dialog_move (dialog, TRUE));
  gtk_window_destroy (GTK_WINDOW (dialog));
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

  g_test_add ("/ui/round-plan/propose-and-move", Fixture, NULL, fixture_set_up, test_propose_and_move, fixture_tear_down);
  g_test_add ("/ui/round-plan/no-target", Fixture, NULL, fixture_set_up, test_no_target, fixture_tear_down);
  return g_test_run ();
}
