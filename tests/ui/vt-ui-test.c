/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the UI tests share: a check that everything a person can read in
 * a window is in the language of the run, and finding widgets and
 * windows.
 */
#include "config.h"

#include "vt-language.h"
#include "vt-supplier-row.h"
#include "vt-ui-test.h"

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
  /* The programme's name, the key names GTK draws on shortcut keys, and
   * the name of the file format, which Korean writes in Latin letters. */
  static const char *allowed[] = { "VITASK", "Ctrl", "Alt", "Shift", "Escape", "F", "PDF" };

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

/* Text that people entered (a Vietnamese company name, a user name) is
 * shown as entered, in any language. */
static const char *
without_data (VtTextCheck *run,
              const char  *s)
{
  g_autoptr(GString) text = g_string_new (s);

  for (guint i = 0; run->data != NULL && i < run->data->len; i++)
    g_string_replace (text, g_ptr_array_index (run->data, i), " ", 0);
  g_free (run->scratch);
  run->scratch = g_string_free (g_steal_pointer (&text), FALSE);
  return run->scratch;
}

void
vt_text_check_add_data (VtTextCheck *check,
                        const char  *data)
{
  if (check->data == NULL)
    check->data = g_ptr_array_new_with_free_func (g_free);
  if (data != NULL && *data != '\0')
    g_ptr_array_add (check->data, g_strdup (data));
}

void
vt_text_check_string (VtTextCheck *run,
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
  else if (g_str_equal (run->language, "ko") && has_stray_latin_word (without_data (run, s)))
    g_ptr_array_add (run->problems, g_strdup_printf ("%s: Latin text in Korean: “%s”", where, s));
}

void
vt_text_check_widget_tree (VtTextCheck *run,
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
        vt_text_check_widget_tree (run, where, child);
      return;
    }

  if (GTK_IS_LABEL (widget))
    vt_text_check_string (run, where, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_WINDOW (widget))
    vt_text_check_string (run, where, gtk_window_get_title (GTK_WINDOW (widget)));
  vt_text_check_string (run, where, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vt_text_check_widget_tree (run, where, child);
}

void
vt_text_check_menu (VtTextCheck *run,
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
          vt_text_check_string (run, "primary menu", label);
          vt_text_check_string (run, "primary menu", plain);
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);
          vt_text_check_menu (run, sub);
        }
    }
}

/* The first widget under @root, @root included, that @match accepts. */
GtkWidget *
vt_test_find_matching (GtkWidget     *root,
                       VtWidgetMatch  match,
                       gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vt_test_find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
vt_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return vt_test_find_matching (root, has_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
vt_test_find_window (GType type)
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


void
vt_text_check_init (VtTextCheck *check,
                    const char  *language)
{
  check->language = language;
  check->catalogue = load_catalogue (language);
  check->problems = g_ptr_array_new_with_free_func (g_free);
  check->checked_strings = 0;
  check->data = NULL;
  check->scratch = NULL;
}

void
vt_text_check_clear (VtTextCheck *check)
{
  g_clear_pointer (&check->catalogue, g_hash_table_unref);
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_clear_pointer (&check->data, g_ptr_array_unref);
  g_clear_pointer (&check->scratch, g_free);
}

/* Fails the test with every string that was not in the run's language. */
void
vt_text_check_assert_clean (VtTextCheck *check)
{
  for (guint i = 0; i < check->problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (check->problems, i));
  g_assert_cmpuint (check->problems->len, ==, 0);
}

/* Runs @func as the one test of a program that starts the application in
 * a home of its own, which is removed afterwards. */
int
vt_ui_test_main (int         argc,
                 char       *argv[],
                 const char *path,
                 GTestFunc   func)
{
  g_autofree char *home = g_dir_make_tmp ("vt-ui-test-XXXXXX", NULL);
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

  g_test_add_func (path, func);

  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);
    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  }
  return status;
}

/* A blinking cursor runs a timer that, on a loaded machine, can fire
 * between two typed steps and make GTK 4.8 warn about a "blinking
 * selection", which G_DEBUG=fatal-warnings turns into a crash. The tests
 * look at text, not at the cursor. */
static void
stop_cursor_blink (GApplication *app,
                   gpointer      user_data)
{
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

/* Runs the application with @drive called every 50 ms until it removes
 * itself, and @give_up after 100 s: the sanitizer build is several times
 * slower, and meson stops a test after 120 s anyway. */
int
vt_ui_test_run_app (GApplication *app,
                    GSourceFunc   drive,
                    GSourceFunc   give_up,
                    gpointer      data,
                    guint        *drive_id)
{
  guint give_up_id;
  int status;

  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "startup", G_CALLBACK (stop_cursor_blink), NULL);
  *drive_id = g_timeout_add (50, drive, data);
  give_up_id = g_timeout_add_seconds (100, give_up, data);

  status = g_application_run (app, 0, NULL);

  g_source_remove (give_up_id);
  g_clear_handle_id (drive_id, g_source_remove);
  return status;
}

static gboolean
wait_timed_out (gpointer user_data)
{
  g_error ("Waited %u s in vain", GPOINTER_TO_UINT (user_data));
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @done says so, and fails the test after
 * @seconds. */
void
vt_test_wait_for (gboolean (*done) (gpointer),
                  gpointer   data,
                  guint      seconds)
{
  guint timeout_id = g_timeout_add_seconds (seconds, wait_timed_out, GUINT_TO_POINTER (seconds));

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

/* The supplier at @position of a model of suppliers: the supplier list's
 * (whose items are rows, see vt-supplier-row.c) or a board column's (whose
 * items are the suppliers), or %NULL. */
VtSupplierSummary *
vt_test_list_summary (GListModel *model,
                      guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  VtSupplierSummary *summary = NULL;

  if (VT_IS_SUPPLIER_ROW (item))
    summary = vt_supplier_row_get_summary (VT_SUPPLIER_ROW (item));
  else if (VT_IS_SUPPLIER_SUMMARY (item))
    summary = VT_SUPPLIER_SUMMARY (item);
  return summary != NULL ? g_object_ref (summary) : NULL;
}
