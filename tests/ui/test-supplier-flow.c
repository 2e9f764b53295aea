/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real application through a dossier's first steps, in the
 * language given by VT_TEST_LANGUAGE: creates a supplier with a
 * Vietnamese name and a Korean one (checking the fields as they are typed),
 * saves it, goes back to the list, finds it by the initial consonants of
 * its Korean name and by its Vietnamese name typed without tone marks,
 * opens it, moves it to the next stage with the reason typed in the stage
 * dialog and Enter, and sees the move at the top of its history; then closes the window with a change not saved, saves it from
 * the question that comes, and finds it in the store. Everything readable
 * on the way must be in the run's language.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "vt-application.h"
#include "vt-stage-dialog.h"
#include "vt-supplier-profile.h"
#include "vt-supplier-summary.h"
#include "vt-ui-test.h"
#include "vt-window.h"

#define NAME "Công ty TNHH Cơ khí Đông Á"
#define NAME_KO "동아기계"
#define REASON "Hồ sơ đầy đủ, đủ điều kiện thẩm định"

typedef enum
{
  STEP_START,
  STEP_FILL_IN,
  STEP_SAVED,
  STEP_SEARCH,
  STEP_FOUND_BY_INITIALS,
  STEP_FOUND,
  STEP_OPENED,
  STEP_MOVE,
  STEP_MOVED,
  STEP_ASKED,
  STEP_DONE,
} Step;

typedef struct
{
  VtTextCheck    text;
  VtApplication *app;
  VtWindow      *window;
  Step           step;
  char          *uuid;
  guint          drive_id;
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

static VtSupplierProfile *
shown_profile (Run *run)
{
  GtkWidget *profile = vt_test_find_widget (GTK_WIDGET (run->window), VT_TYPE_SUPPLIER_PROFILE);

  if (profile == NULL || !gtk_widget_get_mapped (profile))
    return NULL;
  /* Still loading: the rows are not there yet. */
  if (!gtk_widget_get_mapped (find_row (profile, _("Legal name (Vietnamese)"))))
    return NULL;
  return VT_SUPPLIER_PROFILE (profile);
}

static void
type_into (GtkWidget  *profile,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_row (profile, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
}

static gboolean
history_shows_move (VtSupplierProfile *profile)
{
  GtkWidget *history = vt_supplier_profile_get_section (profile, "history");
  g_autofree char *title = g_strdup_printf (_("%s → %s"),
                                            vt_stage_get_display_name (VT_STAGE_RECEIVED),
                                            vt_stage_get_display_name (VT_STAGE_APPRAISED));
  GtkWidget *row = find_row (history, title);
  GtkWidget *newest;

  if (row == NULL)
    return FALSE;
  /* The move is the newest row, at the top of the timeline, and says who
   * made it and why. */
  newest = vt_test_find_widget (history, ADW_TYPE_ACTION_ROW);
  g_assert_true (newest == row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), REASON));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), g_get_user_name ()));
  return TRUE;
}

static gboolean
drive (gpointer user_data)
{
  Run *run = user_data;
  VtSupplierProfile *profile;

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
      /* GTK 4.8 warns when a blinking cursor finds a selection made by
       * focus changes it did not see coming, and warnings are fatal. */
      g_object_set (gtk_widget_get_settings (GTK_WIDGET (run->window)), "gtk-cursor-blink", FALSE, NULL);

      /* The first-run page offers to create a supplier, */
      g_assert_cmpstr (vt_window_get_visible_page (run->window), ==, "suppliers-empty");
      g_assert_nonnull (find_action_button (GTK_WIDGET (run->window), "win.new-supplier"));
      /* And to import a list, or load the sample round. */
      g_assert_nonnull (find_action_button (GTK_WIDGET (run->window), "win.import"));
      g_assert_nonnull (find_action_button (GTK_WIDGET (run->window), "win.load-sample-data"));
      gtk_widget_activate_action (GTK_WIDGET (run->window), "win.new-supplier", NULL);
      run->step++;
      break;

    case STEP_FILL_IN:
      {
        GtkWidget *save, *tax;

        if ((profile = shown_profile (run)) == NULL)
          return G_SOURCE_CONTINUE;

        save = find_action_button (GTK_WIDGET (profile), "page.save");
        tax = find_row (GTK_WIDGET (profile), _("Tax code"));
        g_assert_nonnull (save);
        g_assert_nonnull (tax);

        /* Nothing to save without the legal name. */
        g_assert_false (gtk_widget_get_sensitive (save));
        vt_text_check_widget_tree (&run->text, "new supplier", GTK_WIDGET (run->window));

        type_into (GTK_WIDGET (profile), _("Legal name (Vietnamese)"), NAME);
        g_assert_true (gtk_widget_get_sensitive (save));
        type_into (GTK_WIDGET (profile), _("Korean name"), NAME_KO);

        /* A wrong tax code is marked at once and blocks saving. */
        type_into (GTK_WIDGET (profile), _("Tax code"), "01012345");
        g_assert_true (gtk_widget_has_css_class (tax, "error"));
        g_assert_false (gtk_widget_get_sensitive (save));
        vt_text_check_widget_tree (&run->text, "invalid tax code", GTK_WIDGET (run->window));

        type_into (GTK_WIDGET (profile), _("Tax code"), "0101234567-001");
        g_assert_false (gtk_widget_has_css_class (tax, "error"));
        g_assert_true (gtk_widget_get_sensitive (save));

        /* Numbers as the language groups them: 1.250 in Vietnamese,
         * 1,250 in Korean and English. */
        {
          g_autofree char *employees = g_strdup_printf ("%'d", 1250);

          type_into (GTK_WIDGET (profile), _("Employees"), employees);
          g_assert_false (gtk_widget_has_css_class (find_row (GTK_WIDGET (profile), _("Employees")), "error"));
        }
        type_into (GTK_WIDGET (profile), _("Founded (year)"), "2009");
        g_assert_true (gtk_widget_get_sensitive (save));

        gtk_widget_activate_action (GTK_WIDGET (profile), "page.save", NULL);
        run->step++;
      }
      break;

    case STEP_SAVED:
      profile = shown_profile (run);
      if (profile == NULL || vt_supplier_profile_get_uuid (profile) == NULL)
        return G_SOURCE_CONTINUE;
      g_assert_false (vt_supplier_profile_get_dirty (profile));
      g_assert_cmpstr (vt_supplier_profile_get_title (profile), ==, NAME);
      run->uuid = g_strdup (vt_supplier_profile_get_uuid (profile));
      vt_text_check_widget_tree (&run->text, "saved supplier", GTK_WIDGET (run->window));

      /* Back to the list, as Escape and Alt+Left do. */
      gtk_widget_activate_action (GTK_WIDGET (profile), "page.close", NULL);
      run->step++;
      break;

    case STEP_SEARCH:
      {
        GtkWidget *entry = vt_test_find_widget (GTK_WIDGET (run->window), GTK_TYPE_SEARCH_ENTRY);

        if (shown_profile (run) != NULL || g_strcmp0 (vt_window_get_visible_page (run->window), "suppliers") != 0
            || !gtk_widget_get_mapped (entry))
          return G_SOURCE_CONTINUE;
        /* The Korean name by its initial consonants first. */
        gtk_editable_set_text (GTK_EDITABLE (entry), "ㄷㅇㄱ");
        run->step++;
      }
      break;

    case STEP_FOUND_BY_INITIALS:
    case STEP_FOUND:
      {
        GtkColumnView *view = GTK_COLUMN_VIEW (vt_test_find_widget (GTK_WIDGET (run->window),
                                                                    GTK_TYPE_COLUMN_VIEW));
        GtkWidget *entry = vt_test_find_widget (GTK_WIDGET (run->window), GTK_TYPE_SEARCH_ENTRY);
        GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
        g_autoptr(VtSupplierSummary) first = NULL;
        const char *query = run->step == STEP_FOUND_BY_INITIALS ? "ㄷㅇㄱ" : "dong a";

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), query) != 0
            || g_list_model_get_n_items (model) != 1)
          return G_SOURCE_CONTINUE;
        first = vt_test_list_summary (model, 0);
        g_assert_cmpstr (vt_supplier_summary_get_name_vi (first), ==, NAME);
        g_assert_cmpstr (vt_supplier_summary_get_name_ko (first), ==, NAME_KO);
        vt_text_check_widget_tree (&run->text, "search results", GTK_WIDGET (run->window));

        if (run->step == STEP_FOUND_BY_INITIALS)
          {
            /* A word that is not in the name finds nothing; then the
             * Vietnamese name typed without its tone marks. */
            gtk_editable_set_text (GTK_EDITABLE (entry), "dong a");
            run->step++;
            break;
          }

        /* Enter on the row. */
        g_signal_emit_by_name (view, "activate", 0);
        run->step++;
      }
      break;

    case STEP_OPENED:
      profile = shown_profile (run);
      if (profile == NULL || g_strcmp0 (vt_supplier_profile_get_uuid (profile), run->uuid) != 0)
        return G_SOURCE_CONTINUE;
      gtk_widget_activate_action (GTK_WIDGET (profile), "page.move-stage", NULL);
      run->step++;
      break;

    case STEP_MOVE:
      {
        GtkWindow *dialog = vt_test_find_window (VT_TYPE_STAGE_DIALOG);
        GtkWidget *reason, *stage, *move;
        GObject *chosen;

        if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
          return G_SOURCE_CONTINUE;
        /* The next stage is offered first and chosen already, and the keys
         * go to the reason. */
        stage = vt_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
        chosen = adw_combo_row_get_selected_item (ADW_COMBO_ROW (stage));
        g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)), ==,
                         vt_stage_get_display_name (VT_STAGE_APPRAISED));
        reason = find_row (GTK_WIDGET (dialog), _("_Reason"));
        g_assert_nonnull (reason);
        g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), reason));
        move = gtk_window_get_default_widget (dialog);
        g_assert_nonnull (move);
        g_assert_false (gtk_widget_get_sensitive (move));

        type_into (GTK_WIDGET (dialog), _("_Reason"), REASON);
        g_assert_true (gtk_widget_get_sensitive (move));
        vt_text_check_widget_tree (&run->text, "stage dialog", GTK_WIDGET (dialog));
        g_assert_true (vt_stage_dialog_can_move (VT_STAGE_DIALOG (dialog)));
        /* Enter in the reason, as a person ends it. */
        g_signal_emit_by_name (vt_test_find_widget (reason, GTK_TYPE_TEXT), "activate");
        run->step++;
      }
      break;

    case STEP_MOVED:
      if (vt_test_find_window (VT_TYPE_STAGE_DIALOG) != NULL)
        return G_SOURCE_CONTINUE;
      profile = shown_profile (run);
      if (profile == NULL || !history_shows_move (profile))
        return G_SOURCE_CONTINUE;
      vt_text_check_widget_tree (&run->text, "moved supplier", GTK_WIDGET (run->window));

      /* Closing the window with an unsaved change asks first. */
      type_into (GTK_WIDGET (profile), _("Dossier code"), "VT26-001");
      g_assert_true (vt_supplier_profile_get_dirty (profile));
      gtk_window_close (GTK_WINDOW (run->window));
      run->step++;
      break;

    case STEP_ASKED:
      {
        GtkWindow *dialog = vt_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

        if (dialog == NULL)
          return G_SOURCE_CONTINUE;
        g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (run->window)));
        vt_text_check_widget_tree (&run->text, "unsaved changes", GTK_WIDGET (dialog));

        /* Save: the window closes once the change is in the store, and
         * with it the app. */
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
        run->step++;
        run->drive_id = 0;
        return G_SOURCE_REMOVE;
      }

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
test_supplier_flow (void)
{
  Run run = { 0 };

  g_assert_nonnull (g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_init (&run.text, g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_add_data (&run.text, NAME);
  vt_text_check_add_data (&run.text, NAME_KO);
  vt_text_check_add_data (&run.text, REASON);
  vt_text_check_add_data (&run.text, g_get_user_name ());
  vt_text_check_add_data (&run.text, g_get_real_name ());

  run.app = vt_application_new ();
  g_assert_cmpint (vt_ui_test_run_app (G_APPLICATION (run.app), drive, give_up, &run, &run.drive_id), ==, 0);
  g_assert_cmpuint (run.step, ==, STEP_DONE);

  vt_text_check_assert_clean (&run.text);
  g_assert_cmpuint (run.text.checked_strings, >, 60);

  /* What was typed before closing was saved, with the move before it. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "suppliers.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_READ_ONLY, NULL, &error);
    g_autoptr(VtSupplier) supplier = NULL;

    g_assert_no_error (error);
    supplier = vt_store_get_supplier_sync (store, run.uuid, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (supplier->code, ==, "VT26-001");
    g_assert_cmpstr (supplier->tax_code, ==, "0101234567-001");
    g_assert_cmpint (supplier->employees, ==, 1250);
    g_assert_cmpint (supplier->founded_year, ==, 2009);
    g_assert_cmpint (supplier->stage, ==, VT_STAGE_APPRAISED);
  }

  vt_text_check_clear (&run.text);
  g_free (run.uuid);
  g_assert_finalize_object (run.app);
}

int
main (int   argc,
      char *argv[])
{
  return vt_ui_test_main (argc, argv, "/ui/supplier/create-find-move", test_supplier_flow);
}
