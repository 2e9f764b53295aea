/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real application through a round as a new user does it, in
 * the language given by VT_TEST_LANGUAGE: on an empty database it opens
 * the pipeline board, creates a round with its targets, and (once a list
 * of dossiers has come in) moves three of them to the next stage with the
 * keyboard only: real key presses, sent through the X server, select the
 * cards, open the stage dialog, type the reason and confirm. Then it
 * raises the finalist target from 12 to 16 with a reason, finds the change
 * in the round's history and on the board, and closes the round. Every
 * step checks the store, and everything readable on the way must be in the
 * run's language.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "vt-application.h"
#include "vt-board-columns.h"
#include "vt-pipeline-board.h"
#include "vt-round-dialog.h"
#include "vt-stage-dialog.h"
#include "vt-supplier-list.h"
#include "vt-supplier-summary.h"
#include "vt-ui-test.h"
#include "vt-window.h"

#define ROUND_NAME "Đợt 2026 · 2026년 차수"
/* Typed on the keys through XTest, which reaches GTK only with the
 * characters of the keyboard map: Vietnamese as people type it without an
 * input method. */
#define MOVE_REASON "Ho so day du, du dieu kien tham dinh"
#define TARGET_REASON "Ngân sách năm 2026 cho phép hỗ trợ 16 doanh nghiệp"
#define CLOSE_REASON "Kết thúc đợt 2026"
#define N_SUPPLIERS 5
#define N_MOVED 3

static const char *const supplier_names[N_SUPPLIERS] = {
  "Công ty TNHH Cơ khí An Phát",
  "Công ty TNHH Điện tử Bình Minh",
  "Công ty Cổ phần Khuôn mẫu Chí Thành",
  "Công ty TNHH Dây cáp Đông Hải",
  "Công ty TNHH Nhựa Kỹ thuật Gia Lâm",
};

typedef enum
{
  STEP_START,
  STEP_NEW_ROUND,
  STEP_ROUND_CREATED,
  STEP_CARDS,
  STEP_STAGE_DIALOG,
  STEP_MOVED,
  STEP_EDIT_ROUND,
  STEP_TARGET_SAVED,
  STEP_HISTORY,
  STEP_CLOSE_ROUND,
  STEP_CLOSED,
  STEP_DONE,
} Step;

typedef struct
{
  VtTextCheck    text;
  VtApplication *app;
  VtWindow      *window;
  Step           step;
  guint          drive_id;
  gint64         round_id;
  char          *db_path;
  GPtrArray     *uuids;        /* of the suppliers, as added */
  GPtrArray     *moved;        /* uuids of the cards selected by keys */
} Run;

static gboolean
row_title_is (GtkWidget     *widget,
              gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return vt_test_find_matching (root, row_title_is, title);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static VtPipelineBoard *
board (Run *run)
{
  return VT_PIPELINE_BOARD (vt_test_find_widget (GTK_WIDGET (run->window), VT_TYPE_PIPELINE_BOARD));
}

static GtkWidget *
spin_of_row (GtkWidget  *root,
             const char *title)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  return vt_test_find_widget (row, GTK_TYPE_SPIN_BUTTON);
}

static gboolean
button_has_action (GtkWidget     *widget,
                   gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  return vt_test_find_matching (root, button_has_action, action);
}

/* With VT_TEST_SCREENSHOTS set to a folder, saves the screen there as
 * LANGUAGE-NAME.png, to look at each step of the walk. */
static void
shoot (Run        *run,
       const char *name)
{
  const char *folder = g_getenv ("VT_TEST_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (folder == NULL)
    return;
  /* Let the windows draw what the step changed before the picture. */
  for (gint64 until = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;
       g_get_monotonic_time () < until;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  file = g_strdup_printf ("%s-%s.png", run->text.language, name);
  path = g_build_filename (folder, file, NULL);
  command = g_strdup_printf ("import -window root '%s'", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static VtStore *
open_store (Run *run)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = vt_store_open_sync (run->db_path, VT_STORE_OPEN_NONE, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* Sends real key presses to the window through the X server (XTest), as
 * a person at the keyboard makes them: @window gets the keyboard focus
 * first, as a click on its title would give it. */
static void
press_keys (GtkWindow  *window,
            const char *first,
            ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *xid = NULL;
  int status = -1;
  va_list args;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup (xid));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* xdotool waits for the X server, not for us: the keys are queued and
   * handled once the main loop runs again. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

static void
add_suppliers (Run *run)
{
  g_autoptr(VtStore) store = open_store (run);

  /* A list of dossiers comes in, as an import would add it. */
  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      g_autoptr(VtSupplier) s = vt_supplier_new ();
      g_autoptr(GError) error = NULL;

      s->name_vi = g_strdup (supplier_names[i]);
      s->round_id = run->round_id;
      g_assert_true (vt_store_save_supplier_sync (store, s, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (run->uuids, g_strdup (s->uuid));
      vt_text_check_add_data (&run->text, supplier_names[i]);
    }
}

static VtRound *
stored_round (Run *run)
{
  g_autoptr(VtStore) store = open_store (run);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;

  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  return vt_round_ref (g_ptr_array_index (rounds, 0));
}

static gboolean
drive (gpointer user_data)
{
  Run *run = user_data;
  VtPipelineBoard *b;

  if (run->window == NULL)
    {
      run->window = VT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
      return G_SOURCE_CONTINUE;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (run->window)) ||
      g_str_equal (vt_window_get_visible_page (run->window), "loading"))
    return G_SOURCE_CONTINUE;

  switch (run->step)
    {
    case STEP_START:
      {
        GtkWidget *new_round = find_action_button (GTK_WIDGET (run->window), "win.new-round");
        /* The page's own button, not the one in the header bar. */
        GtkWidget *new_supplier = find_action_button (gtk_widget_get_parent (new_round), "win.new-supplier");

        g_assert_cmpstr (vt_window_get_visible_page (run->window), ==, "suppliers-empty");
        if (!gtk_widget_get_mapped (new_round))
          return G_SOURCE_CONTINUE;
        run->db_path = g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "suppliers.db", NULL);
        g_assert_true (g_file_test (run->db_path, G_FILE_TEST_IS_REGULAR));

        /* A new database starts with its round: the first-run page offers
         * it first. */
        g_assert_nonnull (new_round);
        g_assert_true (gtk_widget_get_mapped (new_round));
        g_assert_true (gtk_widget_has_css_class (new_round, "suggested-action"));
        g_assert_false (gtk_widget_has_css_class (new_supplier, "suggested-action"));
        shoot (run, "0-first-run");
        g_signal_emit_by_name (new_round, "clicked");
        run->step++;
      }
      break;

    case STEP_NEW_ROUND:
      {
        GtkWindow *dialog = vt_test_find_window (VT_TYPE_ROUND_DIALOG);
        GtkWidget *name;

        if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
          return G_SOURCE_CONTINUE;
        name = find_row (GTK_WIDGET (dialog), _("_Name"));
        g_assert_nonnull (name);
        g_assert_false (vt_round_dialog_can_save (VT_ROUND_DIALOG (dialog)));
        gtk_editable_set_text (GTK_EDITABLE (name), ROUND_NAME);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_of_row (GTK_WIDGET (dialog), vt_stage_get_display_name (VT_STAGE_RECEIVED))), 40);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_of_row (GTK_WIDGET (dialog), vt_stage_get_display_name (VT_STAGE_FIRST_VISIT_DONE))), 24);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_of_row (GTK_WIDGET (dialog), vt_stage_get_display_name (VT_STAGE_SELECTED))), 12);
        /* A new round has no targets to change, so no reason is asked. */
        g_assert_true (vt_round_dialog_can_save (VT_ROUND_DIALOG (dialog)));
        vt_text_check_widget_tree (&run->text, "new round", GTK_WIDGET (dialog));
        shoot (run, "1-new-round");
        vt_round_dialog_save (VT_ROUND_DIALOG (dialog));
        run->step++;
      }
      break;

    case STEP_ROUND_CREATED:
      {
        GtkWidget *new_round = find_action_button (GTK_WIDGET (run->window), "win.new-round");
        GtkWidget *new_supplier = find_action_button (gtk_widget_get_parent (new_round), "win.new-supplier");
        g_autoptr(VtRound) round = NULL;

        if (vt_test_find_window (VT_TYPE_ROUND_DIALOG) != NULL || gtk_widget_get_visible (new_round))
          return G_SOURCE_CONTINUE;
        /* With the round there, adding suppliers comes first. */
        g_assert_true (gtk_widget_has_css_class (new_supplier, "suggested-action"));
        round = stored_round (run);
        run->round_id = round->id;
        g_assert_cmpstr (round->name, ==, ROUND_NAME);
        g_assert_cmpint (round->targets[VT_STAGE_RECEIVED], ==, 40);
        g_assert_cmpint (round->targets[VT_STAGE_FIRST_VISIT_DONE], ==, 24);
        g_assert_cmpint (round->targets[VT_STAGE_SELECTED], ==, 12);
        vt_text_check_widget_tree (&run->text, "round created", GTK_WIDGET (run->window));

        add_suppliers (run);
        gtk_widget_activate_action (GTK_WIDGET (run->window), "win.reload", NULL);
        run->step++;
      }
      break;

    case STEP_CARDS:
      {
        GtkSelectionModel *received;
        GtkWidget *focus;

        b = board (run);
        if (g_strcmp0 (vt_window_get_visible_page (run->window), "suppliers") != 0)
          return G_SOURCE_CONTINUE;
        /* The list came back with the database: to the board again. */
        if (!gtk_widget_get_mapped (GTK_WIDGET (b)))
          {
            gtk_widget_activate_action_variant (vt_test_find_widget (GTK_WIDGET (run->window), VT_TYPE_SUPPLIER_LIST),
                                                "list.view", g_variant_new_string ("board"));
            return G_SOURCE_CONTINUE;
          }
        if (vt_pipeline_board_get_n_columns (b) == 0)
          return G_SOURCE_CONTINUE;
        received = vt_pipeline_board_get_column_items (b, 0);
        if (g_list_model_get_n_items (G_LIST_MODEL (received)) != N_SUPPLIERS)
          return G_SOURCE_CONTINUE;

        /* The board opens on the stage where the round is: all five
         * dossiers are received. */
        g_assert_cmpuint (vt_pipeline_board_get_active_column (b), ==, 0);
        g_assert_cmpint (vt_pipeline_board_get_round_id (b), ==, run->round_id);
        vt_text_check_widget_tree (&run->text, "board with cards", GTK_WIDGET (run->window));
        shoot (run, "2-board");

        /* Keys only from here: the first card, then two more with
         * Shift+Down, and Ctrl+M for the stage dialog. */
        g_assert_true (vt_pipeline_board_focus_column (b, 0));
        focus = gtk_root_get_focus (GTK_ROOT (run->window));
        g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW));
        press_keys (GTK_WINDOW (run->window), "key", "--delay", "150", "Home", "shift+Down", "shift+Down", NULL);
        run->step++;
      }
      break;

    case STEP_STAGE_DIALOG:
      {
        g_autoptr(GPtrArray) selected = NULL;
        GtkWindow *dialog = vt_test_find_window (VT_TYPE_STAGE_DIALOG);

        if (dialog == NULL)
          {
            selected = vt_pipeline_board_dup_selected (board (run));
            if (selected->len != N_MOVED)
              return G_SOURCE_CONTINUE;
            run->moved = g_ptr_array_new_with_free_func (g_free);
            for (guint i = 0; i < selected->len; i++)
              g_ptr_array_add (run->moved, g_strdup (vt_supplier_summary_get_uuid (g_ptr_array_index (selected, i))));
            press_keys (GTK_WINDOW (run->window), "key", "ctrl+m", NULL);
            /* Wait for the dialog. */
            return G_SOURCE_CONTINUE;
          }
        if (!gtk_widget_get_mapped (GTK_WIDGET (dialog)) || run->moved == NULL)
          return G_SOURCE_CONTINUE;

        /* Three suppliers, the next stage offered, and the keys in the
         * reason. */
        {
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Supplier", "Move %u Suppliers", N_MOVED), N_MOVED);

          g_assert_cmpstr (gtk_window_get_title (dialog), ==, title);
        }
        g_assert_cmpint (vt_stage_dialog_get_offered (VT_STAGE_DIALOG (dialog), 0), ==, VT_STAGE_APPRAISED);
        g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), ADW_TYPE_ENTRY_ROW));
        g_assert_false (vt_stage_dialog_can_move (VT_STAGE_DIALOG (dialog)));
        vt_text_check_widget_tree (&run->text, "stage dialog", GTK_WIDGET (dialog));
        shoot (run, "3-cards-selected");
        shoot (run, "4-stage-dialog");
        press_keys (dialog, "type", "--delay", "40", MOVE_REASON, NULL);
        press_keys (dialog, "key", "Return", NULL);
        run->step++;
      }
      break;

    case STEP_MOVED:
      {
        g_autoptr(VtStore) store = NULL;

        b = board (run);
        if (vt_test_find_window (VT_TYPE_STAGE_DIALOG) != NULL || vt_pipeline_board_get_n_columns (b) < 2
            || g_list_model_get_n_items (G_LIST_MODEL (vt_pipeline_board_get_column_items (b, 1))) != N_MOVED)
          return G_SOURCE_CONTINUE;

        /* Each of the three has its move in its history, with the reason
         * typed, and the two others stayed. */
        store = open_store (run);
        for (guint i = 0; i < run->moved->len; i++)
          {
            const char *uuid = g_ptr_array_index (run->moved, i);
            g_autoptr(GError) error = NULL;
            g_autoptr(GPtrArray) history = vt_store_list_stage_history_sync (store, uuid, NULL, &error);
            g_autoptr(VtSupplier) supplier = vt_store_get_supplier_sync (store, uuid, NULL, &error);
            VtStageChange *last;

            g_assert_no_error (error);
            g_assert_cmpint (supplier->stage, ==, VT_STAGE_APPRAISED);
            g_assert_cmpuint (history->len, >=, 2);
            last = g_ptr_array_index (history, history->len - 1);
            g_assert_cmpint (last->from, ==, VT_STAGE_RECEIVED);
            g_assert_cmpint (last->to, ==, VT_STAGE_APPRAISED);
            g_assert_cmpint (last->round_id, ==, run->round_id);
            g_assert_cmpstr (last->reason, ==, MOVE_REASON);
          }
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vt_pipeline_board_get_column_items (b, 0))), ==,
                          N_SUPPLIERS - N_MOVED);
        /* The keys are still on the board, in the column they were in. */
        {
          GtkWidget *list = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (run->window)), GTK_TYPE_LIST_VIEW);

          g_assert_nonnull (list);
          g_assert_true (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))
                         == G_LIST_MODEL (vt_pipeline_board_get_column_items (b, 0)));
        }
        vt_text_check_widget_tree (&run->text, "moved", GTK_WIDGET (run->window));
        shoot (run, "5-moved");

        gtk_widget_activate_action (GTK_WIDGET (b), "board.edit-round", NULL);
        run->step++;
      }
      break;

    case STEP_EDIT_ROUND:
      {
        GtkWindow *dialog = vt_test_find_window (VT_TYPE_ROUND_DIALOG);
        GtkWidget *selected, *reason;

        if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
          return G_SOURCE_CONTINUE;
        selected = spin_of_row (GTK_WIDGET (dialog), vt_stage_get_display_name (VT_STAGE_SELECTED));
        reason = find_row (GTK_WIDGET (dialog), _("_Why the targets change"));
        g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (selected)), ==, 12);
        g_assert_false (gtk_widget_get_mapped (reason));

        /* 12 → 16 asks why before it saves. */
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (selected), 16);
        g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (reason, ADW_TYPE_PREFERENCES_GROUP)));
        g_assert_false (vt_round_dialog_can_save (VT_ROUND_DIALOG (dialog)));
        gtk_editable_set_text (GTK_EDITABLE (reason), TARGET_REASON);
        g_assert_true (vt_round_dialog_can_save (VT_ROUND_DIALOG (dialog)));
        vt_text_check_widget_tree (&run->text, "target change", GTK_WIDGET (dialog));
        shoot (run, "6-target-change");
        vt_round_dialog_save (VT_ROUND_DIALOG (dialog));
        run->step++;
      }
      break;

    case STEP_TARGET_SAVED:
      {
        VtBoardColumn column = { VT_STAGE_SELECTED, 0, 0, 16, VT_TARGET_UNDER };
        g_autofree char *progress = vt_board_column_progress_text (&column);

        if (vt_test_find_window (VT_TYPE_ROUND_DIALOG) != NULL)
          return G_SOURCE_CONTINUE;
        /* The board's selected column reads the new target. */
        if (vt_test_find_matching (GTK_WIDGET (board (run)), label_is, progress) == NULL)
          return G_SOURCE_CONTINUE;
        {
          g_autoptr(VtRound) round = stored_round (run);

          g_assert_cmpint (round->targets[VT_STAGE_SELECTED], ==, 16);
        }
        gtk_widget_activate_action (GTK_WIDGET (board (run)), "board.edit-round", NULL);
        run->step++;
      }
      break;

    case STEP_HISTORY:
      {
        GtkWindow *dialog = vt_test_find_window (VT_TYPE_ROUND_DIALOG);
        g_autofree char *title = NULL;
        GtkWidget *row;

        if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
          return G_SOURCE_CONTINUE;
        /* Translators' format, as the dialog writes the change. */
        title = g_strdup_printf (_("%s: %s → %s"), vt_stage_get_display_name (VT_STAGE_SELECTED), "12", "16");
        row = find_row (GTK_WIDGET (dialog), title);
        if (row == NULL || !gtk_widget_get_mapped (row))
          return G_SOURCE_CONTINUE;
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), TARGET_REASON));
        vt_text_check_widget_tree (&run->text, "target history", GTK_WIDGET (dialog));
        shoot (run, "7-target-history");
        gtk_window_close (dialog);

        gtk_widget_activate_action (GTK_WIDGET (board (run)), "board.close-round", NULL);
        run->step++;
      }
      break;

    case STEP_CLOSE_ROUND:
      {
        GtkWindow *dialog = vt_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
        GtkWidget *entry;

        if (dialog == NULL || vt_test_find_window (VT_TYPE_ROUND_DIALOG) != NULL)
          return G_SOURCE_CONTINUE;
        entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
        /* Closing is for good: it asks why first. */
        g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
        gtk_editable_set_text (GTK_EDITABLE (entry), CLOSE_REASON);
        g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
        vt_text_check_widget_tree (&run->text, "close round", GTK_WIDGET (dialog));
        shoot (run, "8-close-round");
        /* The dialog's own button, as a click gives it. */
        g_signal_emit_by_name (vt_test_find_matching (GTK_WIDGET (dialog), button_labelled, _("C_lose Round")), "clicked");
        run->step++;
      }
      break;

    case STEP_CLOSED:
      b = board (run);
      if (!vt_pipeline_board_get_read_only (b))
        return G_SOURCE_CONTINUE;
      {
        g_autoptr(VtRound) round = stored_round (run);
        g_autofree char *banner = vt_round_closed_text (round);

        g_assert_nonnull (round->closed_at);
        /* The board says so, and its dossiers no longer move. */
        if (vt_test_find_matching (GTK_WIDGET (b), label_is, banner) == NULL)
          return G_SOURCE_CONTINUE;
      }
      vt_text_check_widget_tree (&run->text, "closed round", GTK_WIDGET (run->window));
      shoot (run, "9-closed-round");
      run->step++;
      break;

    case STEP_DONE:
    default:
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
      run->drive_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer user_data)
{
  Run *run = user_data;

  g_error ("The app did not get past step %u in time", run->step);
  return G_SOURCE_REMOVE;
}

static void
test_round_walk (void)
{
  Run run = { 0 };

  g_assert_nonnull (g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_init (&run.text, g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_add_data (&run.text, ROUND_NAME);
  vt_text_check_add_data (&run.text, MOVE_REASON);
  vt_text_check_add_data (&run.text, TARGET_REASON);
  vt_text_check_add_data (&run.text, CLOSE_REASON);
  vt_text_check_add_data (&run.text, g_get_user_name ());
  vt_text_check_add_data (&run.text, g_get_real_name ());
  run.uuids = g_ptr_array_new_with_free_func (g_free);

  run.app = vt_application_new ();
  g_assert_cmpint (vt_ui_test_run_app (G_APPLICATION (run.app), drive, give_up, &run, &run.drive_id), ==, 0);
  g_assert_cmpuint (run.step, ==, STEP_DONE);

  vt_text_check_assert_clean (&run.text);
  g_assert_cmpuint (run.text.checked_strings, >, 60);

  vt_text_check_clear (&run.text);
  g_clear_pointer (&run.uuids, g_ptr_array_unref);
  g_clear_pointer (&run.moved, g_ptr_array_unref);
  g_free (run.db_path);
  g_assert_finalize_object (run.app);
}

int
main (int   argc,
      char *argv[])
{
  return vt_ui_test_main (argc, argv, "/ui/round/walk", test_round_walk);
}
