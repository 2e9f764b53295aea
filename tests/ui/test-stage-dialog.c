/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stage-dialog.c: the stage dialog over a real store. */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-stage-dialog.h"
#include "vt-store.h"

typedef struct
{
  char    *dir;
  VtStore *store;
  int      moved_stage;
  guint    moved_count;
  gboolean closed;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("vt-stage-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  vt_store_set_actor (f->store, "Lê Thị Hoa");
  f->moved_stage = -1;
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
}

static char *
add_supplier (Fixture    *f,
              const char *name_vi,
              VtStage     stage)
{
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name_vi = g_strdup (name_vi);
  g_assert_true (vt_store_save_supplier_sync (f->store, s, NULL, &error));
  g_assert_no_error (error);
  /* Walk the pipeline forward to @stage. */
  for (VtStage st = VT_STAGE_APPRAISED; st <= stage && stage <= VT_STAGE_SELECTED; st++)
    {
      g_assert_true (vt_store_move_stage_sync (f->store, s->uuid, 0, st, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return g_strdup (s->uuid);
}

/* The summaries of all suppliers, as the list hands them over. */
static GPtrArray *
summaries (Fixture *f)
{
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = vt_store_query_suppliers_sync (f->store, q, NULL, &error);
  g_assert_no_error (error);
  return g_ptr_array_ref (page->items);
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
on_moved (VtStageDialog *dialog,
          int            stage,
          guint          n,
          Fixture       *f)
{
  f->moved_stage = stage;
  f->moved_count = n;
}

/* The test holds a reference, so a closed dialog is not disposed (no
 * "destroy"); it is unrealized. */
static void
on_unrealize (GtkWidget *widget,
              Fixture   *f)
{
  f->closed = TRUE;
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The store did not answer in time");
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean *flag)
{
  guint timeout_id = g_timeout_add_seconds (20, time_out, NULL);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

/* A dialog over every supplier in the store, shown, with its signals
 * recorded in @f. */
static VtStageDialog *
open_dialog (Fixture *f)
{
  g_autoptr(GPtrArray) items = summaries (f);
  VtStageDialog *dialog = vt_stage_dialog_new (NULL, f->store, items);

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "moved", G_CALLBACK (on_moved), f);
  g_signal_connect (dialog, "unrealize", G_CALLBACK (on_unrealize), f);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
test_move_several (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *a = add_supplier (f, "Công ty Điện tử Hà Nội", VT_STAGE_APPRAISED);
  g_autofree char *b = add_supplier (f, "Công ty Cơ khí Đông Anh", VT_STAGE_APPRAISED);
  VtStageDialog *dialog = open_dialog (f);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  /* Two appraised dossiers: back to received, on to shortlisted, or
   * closed; the step forward is preselected. */
  g_assert_cmpuint (vt_stage_dialog_get_n_offered (dialog), ==, 4);
  g_assert_cmpint (vt_stage_dialog_get_offered (dialog, 0), ==, VT_STAGE_RECEIVED);
  g_assert_cmpint (vt_stage_dialog_get_offered (dialog, 1), ==, VT_STAGE_SHORTLISTED);
  g_assert_cmpint (vt_stage_dialog_get_offered (dialog, 2), ==, VT_STAGE_REJECTED);
  g_assert_cmpint (vt_stage_dialog_get_offered (dialog, 3), ==, VT_STAGE_WITHDRAWN);
  g_assert_cmpint (vt_stage_dialog_get_stage (dialog), ==, VT_STAGE_SHORTLISTED);
  g_assert_false (vt_stage_dialog_select_stage (dialog, VT_STAGE_SELECTED));
  g_assert_cmpint (vt_stage_dialog_get_stage (dialog), ==, VT_STAGE_SHORTLISTED);

  /* A reason is required, even for a step forward, and blanks are not one. */
  g_assert_false (vt_stage_dialog_can_move (dialog));
  vt_stage_dialog_set_reason (dialog, "   ");
  g_assert_false (vt_stage_dialog_can_move (dialog));
  vt_stage_dialog_set_reason (dialog, "  Hồ sơ đạt yêu cầu thẩm định  ");
  g_assert_true (vt_stage_dialog_can_move (dialog));

  vt_stage_dialog_move (dialog);
  /* While the store works, nothing can be sent twice, and the window
   * does not close before it knows whether the moves were saved. */
  g_assert_false (vt_stage_dialog_can_move (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_false (f->closed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_until (&f->closed);

  g_assert_cmpint (f->moved_stage, ==, VT_STAGE_SHORTLISTED);
  g_assert_cmpuint (f->moved_count, ==, 2);
  g_assert_cmpint (stage_of (f, a), ==, VT_STAGE_SHORTLISTED);
  g_assert_cmpint (stage_of (f, b), ==, VT_STAGE_SHORTLISTED);
  history = vt_store_list_stage_history_sync (f->store, b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((VtStageChange *) g_ptr_array_index (history, history->len - 1))->reason, ==,
                   "Hồ sơ đạt yêu cầu thẩm định");
  g_assert_cmpstr (((VtStageChange *) g_ptr_array_index (history, history->len - 1))->who, ==,
                   "Lê Thị Hoa");

  g_assert_finalize_object (dialog);
}

static void
test_reject_and_nothing_in_common (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *a = add_supplier (f, "Công ty Nhựa An Phát", VT_STAGE_RECEIVED);
  VtStageDialog *dialog = open_dialog (f);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autofree char *b = NULL;


  g_assert_true (vt_stage_dialog_select_stage (dialog, VT_STAGE_REJECTED));
  vt_stage_dialog_set_reason (dialog, "Không thuộc ngành hỗ trợ");
  vt_stage_dialog_move (dialog);
  wait_until (&f->closed);
  g_assert_cmpint (f->moved_stage, ==, VT_STAGE_REJECTED);
  g_assert_cmpint (stage_of (f, a), ==, VT_STAGE_REJECTED);
  g_assert_finalize_object (dialog);

  /* A closed and an open dossier share no move: nothing to choose, and
   * nothing can be sent. */
  b = add_supplier (f, "Công ty Linh kiện Bắc Ninh", VT_STAGE_RECEIVED);
  both = summaries (f);
  g_assert_cmpuint (both->len, ==, 2);
  dialog = vt_stage_dialog_new (NULL, f->store, both);
  g_object_ref_sink (dialog);
  g_assert_cmpuint (vt_stage_dialog_get_n_offered (dialog), ==, 0);
  g_assert_cmpint (vt_stage_dialog_get_stage (dialog), ==, -1);
  vt_stage_dialog_set_reason (dialog, "x");
  g_assert_false (vt_stage_dialog_can_move (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  after = summaries (f);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpint (stage_of (f, b), ==, VT_STAGE_RECEIVED);
}

/* Someone else moves one of the suppliers while the dialog is open: the
 * store refuses the batch, nobody moves, and the dialog stays open with
 * the reason typed and says why. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a = add_supplier (f, "Công ty Điện Quang", VT_STAGE_RECEIVED);
  g_autofree char *b = add_supplier (f, "Công ty Thép Việt", VT_STAGE_RECEIVED);
  VtStageDialog *dialog = open_dialog (f);
  g_autoptr(GError) error = NULL;
  GtkWidget *label;

  g_assert_cmpint (vt_stage_dialog_get_stage (dialog), ==, VT_STAGE_APPRAISED);
  vt_stage_dialog_set_reason (dialog, "Đủ hồ sơ");

  g_assert_true (vt_store_move_stage_sync (f->store, b, 0, VT_STAGE_WITHDRAWN, "Rút hồ sơ", NULL, &error));
  g_assert_no_error (error);

  vt_stage_dialog_move (dialog);
  while (!vt_stage_dialog_can_move (dialog))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (f->moved_stage, ==, -1);
  g_assert_cmpint (stage_of (f, a), ==, VT_STAGE_RECEIVED);
  g_assert_cmpint (stage_of (f, b), ==, VT_STAGE_WITHDRAWN);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The message names the supplier that was refused. */
  label = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL; )
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "error"))
        {
          label = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == GTK_WIDGET (dialog))
                w = NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Công ty Thép Việt: "));

  /* Changing the request clears the old refusal. */
  vt_stage_dialog_set_reason (dialog, "Đủ hồ sơ.");
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/stage-dialog/move-several", Fixture, NULL, fixture_set_up, test_move_several, fixture_tear_down);
  g_test_add ("/ui/stage-dialog/reject-and-nothing-in-common", Fixture, NULL, fixture_set_up,
              test_reject_and_nothing_in_common, fixture_tear_down);
  g_test_add ("/ui/stage-dialog/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
