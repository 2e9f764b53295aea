/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real application through an import, in the language given
 * by VT_TEST_LANGUAGE: a list saved the way Excel saves it in a
 * Vietnamese locale (UTF-8 with a byte-order mark, semicolons) is opened
 * in the import dialog, which detects its separator and maps its
 * Vietnamese headers; a row repeats a tax code and one has a wrong tax
 * code. The import skips the first and rejects the second, the summary
 * says so, and the list then shows the suppliers imported. Everything
 * readable on the way must be in the run's language.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-application.h"
#include "vt-import-dialog.h"
#include "vt-supplier-summary.h"
#include "vt-ui-test.h"
#include "vt-window.h"

#define FILE_NAME "danh-sach-nha-cung-cap.csv"

static const char * const data[] = {
  FILE_NAME,
  "Tên doanh nghiệp", "Mã số thuế", "Tỉnh/thành", "Số lao động",
  "Công ty TNHH Điện tử Hưng Thịnh", "0101234567", "Hà Nội", "1.250",
  "Công ty CP Khuôn mẫu Sao Mai", "0201112223", "Hải Phòng", "80",
  "Công ty TNHH Cơ khí Đông Á", "0301234567", "Bắc Ninh", "320",
  "Hưng Thịnh (chi nhánh)", "0101234567", "Hà Nội", "40",
  "Công ty Nhựa Tân Tiến", "12345", "Hà Nội", "15",
};

static const char csv[] =
  "\xEF\xBB\xBF"
  "Tên doanh nghiệp;Mã số thuế;Tỉnh/thành;Số lao động\r\n"
  "Công ty TNHH Điện tử Hưng Thịnh;0101234567;Hà Nội;1.250\r\n"
  "Công ty CP Khuôn mẫu Sao Mai;0201112223;Hải Phòng;80\r\n"
  "Công ty TNHH Cơ khí Đông Á;0301234567;Bắc Ninh;320\r\n"
  "Hưng Thịnh (chi nhánh);0101234567;Hà Nội;40\r\n"
  "Công ty Nhựa Tân Tiến;12345;Hà Nội;15\r\n";

typedef enum
{
  STEP_START,
  STEP_SETUP,
  STEP_SUMMARY,
  STEP_LIST,
  STEP_DONE,
} Step;

typedef struct
{
  VtTextCheck    text;
  VtApplication *app;
  VtWindow      *window;
  GtkWindow     *dialog;
  char          *path;
  Step           step;
  guint          drive_id;
} Run;

static gboolean
drive (gpointer user_data)
{
  Run *run = user_data;

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
        g_autoptr(GFile) file = g_file_new_for_path (run->path);

        g_object_set (gtk_widget_get_settings (GTK_WIDGET (run->window)), "gtk-cursor-blink", FALSE, NULL);
        g_assert_cmpstr (vt_window_get_visible_page (run->window), ==, "suppliers-empty");
        g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (run->window)));
        run->dialog = vt_window_import_file (run->window, file);
        g_assert_true (VT_IS_IMPORT_DIALOG (run->dialog));
        run->step++;
      }
      break;

    case STEP_SETUP:
      {
        VtImportDialog *dialog = VT_IMPORT_DIALOG (run->dialog);

        if (!g_str_equal (vt_import_dialog_get_step (dialog), "setup") || !vt_import_dialog_can_import (dialog))
          return G_SOURCE_CONTINUE;
        if (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
          return G_SOURCE_CONTINUE;
        vt_text_check_widget_tree (&run->text, "import setup", GTK_WIDGET (dialog));
        vt_import_dialog_set_policy (dialog, VT_DUPLICATE_SKIP);
        vt_import_dialog_import (dialog);
        run->step++;
      }
      break;

    case STEP_SUMMARY:
      {
        VtImportDialog *dialog = VT_IMPORT_DIALOG (run->dialog);
        VtImportSummary *summary;

        if (!g_str_equal (vt_import_dialog_get_step (dialog), "summary"))
          return G_SOURCE_CONTINUE;
        summary = vt_import_dialog_get_summary (dialog);
        g_assert_nonnull (summary);
        g_assert_cmpuint (summary->imported, ==, 3);
        g_assert_cmpuint (summary->skipped, ==, 1);
        g_assert_cmpuint (summary->rejected, ==, 1);
        g_assert_cmpuint (summary->issues->len, ==, 2);
        g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (summary->issues, 0))->line, ==, 5);
        g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (summary->issues, 1))->line, ==, 6);
        vt_text_check_widget_tree (&run->text, "import summary", GTK_WIDGET (dialog));
        gtk_window_close (GTK_WINDOW (dialog));
        run->step++;
      }
      break;

    case STEP_LIST:
      {
        GtkWidget *view = vt_test_find_widget (GTK_WIDGET (run->window), GTK_TYPE_COLUMN_VIEW);
        GListModel *model;
        gboolean found = FALSE;

        if (vt_test_find_window (VT_TYPE_IMPORT_DIALOG) != NULL || view == NULL || !gtk_widget_get_mapped (view))
          return G_SOURCE_CONTINUE;
        model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
        if (g_list_model_get_n_items (model) != 3)
          return G_SOURCE_CONTINUE;
        for (guint i = 0; i < 3; i++)
          {
            g_autoptr(VtSupplierSummary) row = vt_test_list_summary (model, i);

            found |= g_str_equal (vt_supplier_summary_get_name_vi (row), "Công ty TNHH Cơ khí Đông Á");
          }
        g_assert_true (found);
        vt_text_check_widget_tree (&run->text, "list after import", GTK_WIDGET (run->window));
        run->step++;
      }
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
test_import_dialog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vt-import-ui-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_nonnull (g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_init (&run.text, g_getenv ("VT_TEST_LANGUAGE"));
  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    vt_text_check_add_data (&run.text, data[i]);
  /* Encodings go by their technical names in every language. */
  vt_text_check_add_data (&run.text, "UTF-8");
  vt_text_check_add_data (&run.text, g_get_user_name ());
  vt_text_check_add_data (&run.text, g_get_real_name ());

  run.path = g_build_filename (dir, FILE_NAME, NULL);
  g_file_set_contents (run.path, csv, sizeof csv - 1, &error);
  g_assert_no_error (error);

  run.app = vt_application_new ();
  g_assert_cmpint (vt_ui_test_run_app (G_APPLICATION (run.app), drive, give_up, &run, &run.drive_id), ==, 0);
  g_assert_cmpuint (run.step, ==, STEP_DONE);

  vt_text_check_assert_clean (&run.text);
  g_assert_cmpuint (run.text.checked_strings, >, 20);

  vt_text_check_clear (&run.text);
  g_unlink (run.path);
  g_rmdir (dir);
  g_free (run.path);
  g_assert_finalize_object (run.app);
}

int
main (int   argc,
      char *argv[])
{
  return vt_ui_test_main (argc, argv, "/ui/import/csv-to-list", test_import_dialog);
}
