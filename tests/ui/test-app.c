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

typedef struct
{
  const char    *language;
  GHashTable    *catalogue;   /* English msgid → translation, from po/LANG.po */
  GPtrArray     *problems;
  VtApplication *app;
  VtWindow      *window;
  guint          step;
  guint          checked_strings;
  guint          drive_id;
} Run;

/* A small reader of the msgid/msgstr pairs in a .po file, enough for the
 * files we write ourselves. */
static char *
po_unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *raw = NULL;

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");

  raw = g_strndup (start + 1, end - start - 1);
  return g_strcompress (raw);
}

/* Takes both strings; keeps the pair when it is a real entry (the header
 * has an empty msgid). */
static void
add_entry (GHashTable *table,
           GString    *msgid,
           GString    *msgstr)
{
  if (msgid != NULL && msgstr != NULL && msgid->len > 0)
    {
      g_hash_table_replace (table, g_string_free (msgid, FALSE), g_string_free (msgstr, FALSE));
      return;
    }
  if (msgid != NULL)
    g_string_free (msgid, TRUE);
  if (msgstr != NULL)
    g_string_free (msgstr, TRUE);
}

static GHashTable *
load_catalogue (const char *language)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GString *msgid = NULL;
  GString *msgstr = NULL;
  GString *current = NULL;

  if (g_str_equal (language, "en"))
    return table;

  path = g_strdup_printf ("%s/po/%s.po", g_getenv ("VT_SOURCE_ROOT"), language);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *text = NULL;

      if (g_str_has_prefix (line, "msgid "))
        {
          add_entry (table, msgid, msgstr);
          msgid = g_string_new (NULL);
          msgstr = NULL;
          current = msgid;
        }
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        {
          msgstr = g_string_new (NULL);
          current = msgstr;
        }
      else if (line[0] == '"' && current != NULL)
        {
          /* continuation line */
        }
      else
        {
          if (!g_str_has_prefix (line, "msgid_plural") && !g_str_has_prefix (line, "msgstr["))
            current = NULL;
          continue;
        }

      text = po_unquote (line);
      if (current != NULL)
        g_string_append (current, text);
    }

  add_entry (table, msgid, msgstr);

  g_assert_cmpuint (g_hash_table_size (table), >, 20);
  return table;
}

static gboolean
has_letters (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_allowed_latin (const char *start,
                  guint       len)
{
  /* The programme's name and the key names GTK draws on shortcut keys. */
  static const char *allowed[] = { "VITASK", "Ctrl", "Alt", "Shift", "Escape", "F" };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (strlen (allowed[i]) == len && strncmp (start, allowed[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Korean text has no Latin words but the few above. File paths are data,
 * not text. */
static gboolean
has_stray_latin_word (const char *s)
{
  guint run = 0;
  const char *start = NULL;

  if (s[0] == '/')
    return FALSE;

  for (const char *p = s;; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          if (run++ == 0)
            start = p;
          continue;
        }
      if (run >= 2 && !is_allowed_latin (start, run))
        return TRUE;
      run = 0;
      if (*p == '\0')
        break;
    }
  return FALSE;
}

static void
check_string (Run        *run,
              const char *where,
              const char *s)
{
  const char *translation;

  if (s == NULL || !has_letters (s))
    return;

  run->checked_strings++;

  if (g_str_equal (run->language, "en"))
    return;

  translation = g_hash_table_lookup (run->catalogue, s);
  if (translation != NULL && !g_str_equal (translation, s))
    g_ptr_array_add (run->problems, g_strdup_printf ("%s: shown in English: “%s”", where, s));
  else if (g_str_equal (run->language, "ko") && has_stray_latin_word (s))
    g_ptr_array_add (run->problems, g_strdup_printf ("%s: Latin text in Korean: “%s”", where, s));
}

static void
check_widget_tree (Run        *run,
                   const char *where,
                   GtkWidget  *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_STACK (widget))
    {
      /* Only the page on screen counts. */
      GtkWidget *child = gtk_stack_get_visible_child (GTK_STACK (widget));

      if (child != NULL)
        check_widget_tree (run, where, child);
      return;
    }

  if (GTK_IS_LABEL (widget))
    check_string (run, where, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_WINDOW (widget))
    check_string (run, where, gtk_window_get_title (GTK_WINDOW (widget)));
  check_string (run, where, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget_tree (run, where, child);
}

static void
check_menu (Run        *run,
            GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_autofree char *plain = g_strdup (label);
          char *w = plain;

          /* Drop mnemonic underscores as GTK does when it draws. */
          for (const char *r = label; *r; r++)
            if (*r != '_')
              *w++ = *r;
          *w = '\0';
          check_string (run, "primary menu", label);
          check_string (run, "primary menu", plain);
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);
          check_menu (run, sub);
        }
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static const char *section_names[] = { "suppliers", "visits", "readiness", "reports" };
static const char *empty_pages[] = { "suppliers-empty", "visits-empty", "readiness-empty", "reports-empty" };

/* One step each time the main loop is idle for a moment; a step that is
 * not ready yet (the database still opening, a window not mapped) returns
 * and is tried again. */
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
      check_widget_tree (run, where, GTK_WIDGET (run->window));
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names))
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (run->window), GTK_TYPE_MENU_BUTTON));

      g_assert_nonnull (button);
      check_menu (run, gtk_menu_button_get_menu_model (button));
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "preferences", NULL);
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names) + 1)
    {
      GtkWindow *preferences = find_window (ADW_TYPE_PREFERENCES_WINDOW);

      if (preferences == NULL)
        return G_SOURCE_CONTINUE;
      check_widget_tree (run, "preferences", GTK_WIDGET (preferences));
      gtk_window_destroy (preferences);
      gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-help-overlay", NULL);
      run->step++;
      return G_SOURCE_CONTINUE;
    }

  if (run->step == G_N_ELEMENTS (section_names) + 2)
    {
      GtkWindow *shortcuts = find_window (GTK_TYPE_SHORTCUTS_WINDOW);

      if (shortcuts == NULL)
        return G_SOURCE_CONTINUE;
      check_widget_tree (run, "keyboard shortcuts", GTK_WIDGET (shortcuts));
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
  guint give_up_id;
  int status;

  run.language = g_getenv ("VT_TEST_LANGUAGE");
  g_assert_nonnull (run.language);
  run.catalogue = load_catalogue (run.language);
  run.problems = g_ptr_array_new_with_free_func (g_free);

  run.app = vt_application_new ();
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);

  run.drive_id = g_timeout_add (50, drive, &run);
  give_up_id = g_timeout_add_seconds (60, give_up, &run);

  status = g_application_run (G_APPLICATION (run.app), 0, NULL);

  g_source_remove (give_up_id);
  g_clear_handle_id (&run.drive_id, g_source_remove);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (run.step, ==, G_N_ELEMENTS (section_names) + 3);

  for (guint i = 0; i < run.problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (run.problems, i));
  g_assert_cmpuint (run.problems->len, ==, 0);
  /* The window, its menu, Preferences and the shortcuts hold far more
   * text than this; fewer would mean the walk missed the pages. */
  g_assert_cmpuint (run.checked_strings, >, 40);

  /* The database was created where the user's data lives. */
  {
    g_autofree char *db = g_build_filename (g_get_user_data_dir (), "vitask-suppliers", "suppliers.db", NULL);
    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  }

  g_hash_table_unref (run.catalogue);
  g_ptr_array_unref (run.problems);
  g_assert_finalize_object (run.app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("vt-test-app-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_disable_setlocale ();
  vt_language_setup ("", g_getenv ("VT_LOCALEDIR"));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/app/in-language", test_app_in_language);

  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);
    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  }
  return status;
}
