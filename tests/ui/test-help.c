/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "vt-help.h"

/* The help folders of the source and of the build, from tests/ui/meson.build. */
static const char *help_source_dir;
static const char *help_html_dir;

static void
test_page_for_screen (void)
{
  static const struct { const char *screen; const char *page; } expected[] = {
    { "suppliers", "suppliers" },
    { "profile", "profile" },
    { "pipeline", "pipeline" },
    { "visits", "visits" },
    { "readiness", "readiness" },
    { "reports", "reports" },
    { "presentation", "presentation" },
    { "backups", "backups" },
    { "import", "import-export" },
    { "error", "troubleshooting" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (vt_help_page_for_screen (expected[i].screen), ==, expected[i].page);

  /* A screen without a page of its own, or none, opens the start page. */
  g_assert_cmpstr (vt_help_page_for_screen ("no-such-screen"), ==, "index");
  g_assert_cmpstr (vt_help_page_for_screen (NULL), ==, "index");
}

/* Every page that a screen opens is a Mallard page of the help, and was
 * made into HTML in each language for the Flatpak. */
static void
test_pages_exist (void)
{
  const char * const *screens = vt_help_get_screens ();
  const char *languages[] = { "C", "ko", "vi" };

  g_assert_nonnull (screens);
  g_assert_cmpuint (g_strv_length ((char **) screens), >=, 10);

  for (guint i = 0; screens[i] != NULL; i++)
    {
      const char *page = vt_help_page_for_screen (screens[i]);
      g_autofree char *file = g_strconcat (page, ".page", NULL);
      g_autofree char *source = g_build_filename (help_source_dir, "C", file, NULL);

      g_assert_cmpstr (page, !=, "index");
      if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
        g_error ("The screen “%s” opens the page “%s”, which is not in help/C", screens[i], page);

      if (help_html_dir == NULL)
        continue;
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autofree char *html = g_strconcat (page, ".html", NULL);
          g_autofree char *path = g_build_filename (help_html_dir, languages[l], html, NULL);

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_error ("The help of “%s” is not built as HTML in %s: %s", screens[i], languages[l], path);
        }
    }
}

static char *
make_html_tree (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vt-help-XXXXXX", NULL);
  const char *files[] = { "C/visits.html", "C/index.html", "ko/visits.html", "vi/visits.html" };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "<html></html>", -1, NULL));
    }

  return g_steal_pointer (&dir);
}

static void
remove_html_tree (const char *dir)
{
  const char *files[] = { "C/visits.html", "C/index.html", "ko/visits.html", "vi/visits.html", "C", "ko", "vi", "" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_remove (path);
    }
}

static void
test_find_html (void)
{
  g_autofree char *dir = make_html_tree ();
  const char *korean[] = { "ko_KR.UTF-8", "ko_KR", "ko", "C", NULL };
  const char *vietnamese[] = { "vi_VN.UTF-8", "vi_VN", "vi", "C", NULL };
  const char *french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  const char *hostile[] = { "../ko", ".", "", NULL };
  g_autofree char *ko = g_build_filename (dir, "ko", "visits.html", NULL);
  g_autofree char *vi = g_build_filename (dir, "vi", "visits.html", NULL);
  g_autofree char *en = g_build_filename (dir, "C", "visits.html", NULL);
  g_autofree char *en_index = g_build_filename (dir, "C", "index.html", NULL);
  char *found;

  found = vt_help_find_html (dir, "visits", korean);
  g_assert_cmpstr (found, ==, ko);
  g_free (found);

  found = vt_help_find_html (dir, "visits", vietnamese);
  g_assert_cmpstr (found, ==, vi);
  g_free (found);

  /* A language the help is not translated into gets the English page. */
  found = vt_help_find_html (dir, "visits", french);
  g_assert_cmpstr (found, ==, en);
  g_free (found);

  /* A page not translated yet falls back to English too. */
  found = vt_help_find_html (dir, "index", korean);
  g_assert_cmpstr (found, ==, en_index);
  g_free (found);

  /* A language name never leads out of the help folder. */
  found = vt_help_find_html (dir, "visits", hostile);
  g_assert_cmpstr (found, ==, en);
  g_free (found);

  g_assert_null (vt_help_find_html (dir, "no-such-page", korean));

  remove_html_tree (dir);
}

static void
test_uri (void)
{
  g_autofree char *dir = make_html_tree ();
  const char *korean[] = { "ko_KR", "ko", "C", NULL };
  g_autofree char *ko = g_build_filename (dir, "ko", "visits.html", NULL);
  g_autofree char *expected = g_filename_to_uri (ko, NULL, NULL);
  char *uri;

  /* Outside the sandbox Yelp opens the page, in the user's language. */
  uri = vt_help_uri ("visits", NULL, korean);
  g_assert_cmpstr (uri, ==, "help:vitask-suppliers/visits");
  g_free (uri);

  uri = vt_help_uri ("visits", dir, korean);
  g_assert_cmpstr (uri, ==, expected);
  g_free (uri);

  g_assert_null (vt_help_uri ("no-such-page", dir, korean));

  remove_html_tree (dir);
}

static void
test_html_dir (void)
{
  g_setenv ("VT_HELP_HTML_DIR", "/some/help", TRUE);
  g_assert_cmpstr (vt_help_html_dir (), ==, "/some/help");

  g_unsetenv ("VT_HELP_HTML_DIR");
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    g_assert_cmpstr (vt_help_html_dir (), ==, HELP_HTML_DIR);
  else
    g_assert_null (vt_help_html_dir ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  help_source_dir = g_getenv ("VT_HELP_SOURCE_DIR");
  help_html_dir = g_getenv ("VT_HELP_HTML_BUILD_DIR");
  if (help_source_dir == NULL)
    g_error ("VT_HELP_SOURCE_DIR is not set");
  if (help_html_dir != NULL && help_html_dir[0] == '\0')
    help_html_dir = NULL;

  g_test_add_func ("/help/page-for-screen", test_page_for_screen);
  g_test_add_func ("/help/pages-exist", test_pages_exist);
  g_test_add_func ("/help/find-html", test_find_html);
  g_test_add_func ("/help/uri", test_uri);
  g_test_add_func ("/help/html-dir", test_html_dir);

  return g_test_run ();
}
