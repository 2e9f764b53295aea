/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vt-help.h"

#define HELP_ID "vitask-suppliers"

/* The screens of the app and the page of help/C that explains each. A
 * screen without its own page opens the start page. */
static const struct
{
  const char *screen;
  const char *page;
} screen_pages[] = {
  { "suppliers", "suppliers" },
  { "profile", "profile" },
  { "pipeline", "pipeline" },
  { "visits", "visits" },
  { "readiness", "readiness" },
  { "assessment", "readiness" },
  { "reports", "reports" },
  { "presentation", "presentation" },
  { "import", "import-export" },
  { "backups", "backups" },
  { "preferences", "databases" },
  { "error", "troubleshooting" },
};

/**
 * vt_help_page_for_screen:
 * @screen: (nullable): the name of a screen, as the windows report it
 *
 * Returns: the id of the help page for @screen, "index" if it has none
 */
const char *
vt_help_page_for_screen (const char *screen)
{
  for (guint i = 0; i < G_N_ELEMENTS (screen_pages); i++)
    if (g_strcmp0 (screen_pages[i].screen, screen) == 0)
      return screen_pages[i].page;

  return "index";
}

/**
 * vt_help_get_screens:
 *
 * Returns: (transfer none): the screens that have a help page of their
 *   own, %NULL-terminated
 */
const char * const *
vt_help_get_screens (void)
{
  static const char *screens[G_N_ELEMENTS (screen_pages) + 1];

  if (screens[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (screen_pages); i++)
      screens[i] = screen_pages[i].screen;

  return screens;
}

/**
 * vt_help_find_html:
 * @html_dir: the folder with one folder of HTML pages per language
 * @page: a page id
 * @languages: the languages to try, the preferred first, as
 *   g_get_language_names() gives them ("ko_KR.UTF-8", "ko_KR", "ko", "C")
 *
 * Returns: (transfer full) (nullable): the path of the page in the first of
 *   @languages that has it, else the English one, else %NULL
 */
char *
vt_help_find_html (const char         *html_dir,
                   const char         *page,
                   const char * const *languages)
{
  g_autofree char *file = g_strconcat (page, ".html", NULL);
  g_autofree char *english = NULL;

  g_return_val_if_fail (html_dir != NULL, NULL);
  g_return_val_if_fail (page != NULL, NULL);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      /* A language name is a folder name here; anything that could leave
       * the help folder is not one. */
      if (languages[i][0] == '\0' || strchr (languages[i], '/') != NULL || languages[i][0] == '.')
        continue;

      path = g_build_filename (html_dir, languages[i], file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  english = g_build_filename (html_dir, "C", file, NULL);
  if (g_file_test (english, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&english);

  return NULL;
}

/**
 * vt_help_uri:
 * @page: a page id
 * @html_dir: (nullable): where the HTML help is, or %NULL for Yelp's
 * @languages: the languages to try, as for vt_help_find_html()
 *
 * Returns: (transfer full) (nullable): the URI that opens @page, or %NULL
 *   if @html_dir does not hold it
 */
char *
vt_help_uri (const char         *page,
             const char         *html_dir,
             const char * const *languages)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (page != NULL, NULL);

  /* Yelp finds the page in the user's language itself. */
  if (html_dir == NULL)
    return g_strconcat ("help:" HELP_ID "/", page, NULL);

  path = vt_help_find_html (html_dir, page, languages);
  if (path == NULL)
    return NULL;

  return g_filename_to_uri (path, NULL, NULL);
}

/**
 * vt_help_html_dir:
 *
 * Inside Flatpak the help is opened as HTML: the host's Yelp cannot read
 * /app. VT_HELP_HTML_DIR chooses another folder, for tests.
 *
 * Returns: (nullable): the folder of the HTML help, or %NULL for Yelp
 */
const char *
vt_help_html_dir (void)
{
  const char *dir = g_getenv ("VT_HELP_HTML_DIR");

  if (dir != NULL && dir[0] != '\0')
    return dir;
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return HELP_HTML_DIR;

  return NULL;
}

static void
show_failure (GtkWindow    *parent,
              const GError *error)
{
  GtkWidget *dialog;

  g_warning ("The help did not open: %s", error->message);
  if (parent == NULL)
    return;

  dialog = adw_message_dialog_new (parent, _("Could Not Open the Help"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_failure (parent, error);
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_failure (GTK_WINDOW (source), error);
}

/**
 * vt_help_show:
 * @parent: (nullable): the window the help is asked from
 * @screen: (nullable): the screen it shows, for vt_help_page_for_screen()
 *
 * Opens the help page for @screen, in the interface's language.
 */
void
vt_help_show (GtkWindow  *parent,
              const char *screen)
{
  const char *page = vt_help_page_for_screen (screen);
  const char *html_dir = vt_help_html_dir ();
  g_autofree char *uri = vt_help_uri (page, html_dir, g_get_language_names ());
  g_autoptr(GAppLaunchContext) context = NULL;

  g_debug ("Help for the screen “%s”: %s", screen ? screen : "(none)", uri ? uri : "(missing)");

  if (uri == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                             _("The help is not installed in “%s”. Install the app again."),
                                             html_dir);
      show_failure (parent, error);
      return;
    }

  if (html_dir == NULL)
    {
      /* Yelp, through the help: handler. A window is needed for it. */
      gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, NULL);
      return;
    }

  /* In the sandbox GIO sends a file: URI to the OpenURI portal's
   * OpenFile with a descriptor of the page; the portal opens the page's
   * real path on the host in the default browser, so the links between
   * pages and the style sheet next to it work too. */
  if (parent != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launched_cb,
                                           parent != NULL ? g_object_ref (parent) : NULL);
}
