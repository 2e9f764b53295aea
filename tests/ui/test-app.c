/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Starts the real application in the language given by VT_TEST_LANGUAGE,
 * waits for the main window, goes through every page, the primary menu,
 * Preferences and the keyboard shortcuts, and checks that everything a
 * person can read there is in that language. Then it quits and checks that
 * the application exits cleanly.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-application.h"
#include "vt-language.h"
#include "vt-window.h"
#include "vt-ui-test.h"

typedef struct
{
  VtTextCheck    text;
  VtApplication *app;
  VtWindow      *window;
  guint          step;
  guint          drive_id;
} Run;

static const char *section_names[] = { "suppliers", "visits", "readiness", "reports" };
static const char *empty_pages[] = { "suppliers-empty", "visits-empty", "readiness-empty", "reports-empty" };

/* One step each time the main loop is idle for a moment; a step that is
 * not ready yet (the database still opening, a window not mapped) returns
 * and is tried again. */
/* The window's primary menu button (F10), not one of a page's. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

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

  if (run->step < G_N_ELEMENTS (section_names))
    {
      guint i = run->step;
      g_autofree char *where = g_strdup_printf ("%s page", section_names[i]);

      if (i > 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (run->window), "win.page", "s", section_names[i]);
        }
      g_assert_cmpstr (vt_window_get_visible_page (run->window), ==, empty_pages[i]);
      vt_text_check_widget_tree (&run->text, where, GTK_WIDGET (run->window));
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names))
    {
      GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (run->window));

      g_assert_nonnull (button);
      vt_text_check_menu (&run->text, gtk_menu_button_get_menu_model (button));
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "preferences", NULL);
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names) + 1)
    {
      GtkWindow *preferences = vt_test_find_window (ADW_TYPE_PREFERENCES_WINDOW);

      if (preferences == NULL)
        return G_SOURCE_CONTINUE;
      vt_text_check_widget_tree (&run->text, "preferences", GTK_WIDGET (preferences));
      gtk_window_destroy (preferences);
      gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-help-overlay", NULL);
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names) + 2)
    {
      GtkWindow *shortcuts = vt_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);

      if (shortcuts == NULL)
        return G_SOURCE_CONTINUE;
      vt_text_check_widget_tree (&run->text, "keyboard shortcuts", GTK_WIDGET (shortcuts));
      gtk_window_close (shortcuts);
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  run->drive_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
give_up (gpointer user_data)
{
  Run *run = user_data;

  g_error ("The app did not reach step %u in time (page “%s”)", run->step,
           run->window ? vt_window_get_visible_page (run->window) : "no window");
  return G_SOURCE_REMOVE;
}

static void
test_app_in_language (void)
{
  Run run = { 0 };

  g_assert_nonnull (g_getenv ("VT_TEST_LANGUAGE"));
  vt_text_check_init (&run.text, g_getenv ("VT_TEST_LANGUAGE"));

  run.app = vt_application_new ();
  g_assert_cmpint (vt_ui_test_run_app (G_APPLICATION (run.app), drive, give_up, &run, &run.drive_id), ==, 0);
  g_assert_cmpuint (run.step, ==, G_N_ELEMENTS (section_names) + 3);

  vt_text_check_assert_clean (&run.text);
  /* The window, its menu, Preferences and the shortcuts hold far more
   * text than this; fewer would mean the walk missed the pages. */
  g_assert_cmpuint (run.text.checked_strings, >, 40);

  /* The database was created where the user's data lives. */
  {
    g_autofree char *db = g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "suppliers.db", NULL);
    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  }

  vt_text_check_clear (&run.text);
  g_assert_finalize_object (run.app);
}

int
main (int   argc,
      char *argv[])
{
  return vt_ui_test_main (argc, argv, "/ui/app/in-language", test_app_in_language);
}
