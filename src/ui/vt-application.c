/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-application.h"
#include "vt-command.h"
#include "vt-report-documents.h"
#include "vt-format.h"
#include "vt-handout.h"
#include "vt-help.h"
#include "vt-presentation-state.h"
#include "vt-preferences-window.h"
#include "vt-presentation-window.h"
#include "vt-store.h"
#include "vt-window.h"

struct _VtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  char           *server;
  gboolean        restart_requested;
};

G_DEFINE_FINAL_TYPE (VtApplication, vt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the SQLite database in FILE instead of the default one"), N_("FILE") },
  { "create", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Create the database if it does not exist, then exit"), NULL },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load a sample round of fictitious suppliers, then exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the database for damage, then exit"), NULL },
  { "counts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print how many suppliers, visits and assessments there are, then exit"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the suppliers in a CSV or XLSX FILE, print a summary, then exit"), N_("FILE") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Read the imported file as ENCODING (utf-8, cp1258, viscii, tcvn3, vni, cp949) instead of detecting it"),
    N_("ENCODING") },
  { "duplicates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("When an imported supplier is already there: skip (the default), update or new"), N_("POLICY") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every supplier to FILE (.csv or .xlsx), then exit"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Back up the database to FILE, check the copy, then exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database with the backup in FILE, keeping the current data among the backups, then exit"),
    N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a report as PDF to the --output file, then exit: round, round:ID, supplier:ID or week:YYYY-MM-DD"),
    N_("REPORT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --report or --handout writes"), N_("FILE") },
  { "handout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the slides of ROUND (its number, its name or “current”) as a PDF handout, then exit"),
    N_("ROUND") },
  { "languages", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The handout's languages, the larger first: ko,vi or vi,ko; by default, the order chosen in the app"),
    N_("LANGUAGES") },
  { "hide-sensitive", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave individual scores out of the handout"), NULL },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the shared PostgreSQL database at CONNECTION (“host=… dbname=… user=…”); the password comes from ~/.pgpass, never from the command line"),
    N_("CONNECTION") },
  { "setup-server", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --server: create the tables and the roles vitask_editor and vitask_viewer, then exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

VtApplication *
vt_application_new (void)
{
  return g_object_new (VT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/vn/vitask/Suppliers",
                       NULL);
}

GSettings *
vt_application_get_settings (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The database the windows open: the one named on the command line, else
 * the last one used, else the per-user default. */
const char *
vt_application_get_database_path (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        self->database_path = g_steal_pointer (&last);
      else
        self->database_path = vt_store_default_path ();
    }

  return self->database_path;
}

/* The shared server the windows open instead of a file, or NULL. */
const char *
vt_application_get_server (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), NULL);

  return self->server;
}

void
vt_application_request_restart (VtApplication *self)
{
  g_return_if_fail (VT_IS_APPLICATION (self));

  self->restart_requested = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

gboolean
vt_application_get_restart_requested (VtApplication *self)
{
  g_return_val_if_fail (VT_IS_APPLICATION (self), FALSE);

  return self->restart_requested;
}

static int
vt_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  VtApplication *self = VT_APPLICATION (app);
  VtCommandFlags flags = 0;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  const char *import_path = NULL;
  const char *export_path = NULL;
  const char *backup_path = NULL;
  const char *report = NULL;
  const char *handout_round = NULL;
  const char *server = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
      /* Another running instance would open its own database, not this
       * one, so a window on a named file is a process of its own. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_free (self->server);
      self->server = g_strdup (server);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_contains (options, "setup-server"))
    {
      if (server == NULL)
        {
          g_printerr ("%s\n", _("--setup-server needs --server to say which database."));
          return EXIT_FAILURE;
        }
      status = vt_command_setup_server (server, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }
  if (server != NULL)
    {
      static const char *const file_only[] = { "create", "sample-data", "check", "counts", "import",
                                               "export", "backup", "restore", "report", "handout" };

      for (guint i = 0; i < G_N_ELEMENTS (file_only); i++)
        if (g_variant_dict_contains (options, file_only[i]))
          {
            g_printerr ("%s\n", _("With --server, only --setup-server works from the command line; the other options work on a database file."));
            return EXIT_FAILURE;
          }
    }

  if (g_variant_dict_contains (options, "create"))
    flags |= VT_COMMAND_CREATE;
  /* Sample data needs somewhere to go: a new file is made for it. */
  if (g_variant_dict_contains (options, "sample-data"))
    flags |= VT_COMMAND_SAMPLE_DATA | VT_COMMAND_CREATE;
  if (g_variant_dict_contains (options, "check"))
    flags |= VT_COMMAND_CHECK;
  if (g_variant_dict_contains (options, "counts"))
    flags |= VT_COMMAND_COUNTS;

  if (g_variant_dict_lookup (options, "import", "^&ay", &import_path))
    {
      const char *encoding = NULL, *duplicates = NULL;

      g_variant_dict_lookup (options, "encoding", "&s", &encoding);
      g_variant_dict_lookup (options, "duplicates", "&s", &duplicates);
      status = vt_command_import (vt_application_get_database_path (self), import_path,
                                  encoding, duplicates, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }
  if (g_variant_dict_lookup (options, "export", "^&ay", &export_path))
    {
      status = vt_command_export (vt_application_get_database_path (self), export_path, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }

  if (g_variant_dict_lookup (options, "backup", "^&ay", &backup_path))
    {
      status = vt_command_backup (vt_application_get_database_path (self), backup_path, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }
  if (g_variant_dict_lookup (options, "restore", "^&ay", &backup_path))
    {
      status = vt_command_restore (vt_application_get_database_path (self), backup_path, NULL, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }
  if (g_variant_dict_lookup (options, "report", "&s", &report))
    {
      const char *output = NULL;

      g_variant_dict_lookup (options, "output", "^&ay", &output);
      status = vt_report_command (vt_application_get_database_path (self), report, output, &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }
  if (g_variant_dict_lookup (options, "handout", "&s", &handout_round))
    {
      const char *output = NULL, *languages = NULL;
      g_autofree char *chosen = NULL;

      g_variant_dict_lookup (options, "output", "^&ay", &output);
      if (!g_variant_dict_lookup (options, "languages", "&s", &languages))
        {
          /* The order last chosen on the Reports page or in the slides. */
          g_autofree char *setting = g_settings_get_string (self->settings, "slide-languages");
          const char *primary, *secondary;

          vt_slide_languages_resolve (setting, vt_format_get_language (), &primary, &secondary);
          languages = chosen = g_strdup_printf ("%s,%s", primary, secondary);
        }
      status = vt_handout_command (vt_application_get_database_path (self), handout_round, output,
                                   languages, g_variant_dict_contains (options, "hide-sensitive"), &error);
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return status;
    }

  if (flags == 0)
    return -1;

  status = vt_command_run (vt_application_get_database_path (self), flags, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);

  return status;
}

static void
vt_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (vt_window_new (VT_APPLICATION (app)));

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing through the windows lets each one save its state and ask
   * about unsaved changes before the app goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VtApplication *self = VT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  VtPreferencesWindow *preferences;

  preferences = vt_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

/**
 * vt_application_get_help_screen:
 * @window: (nullable): the active window of the app
 *
 * Returns: (nullable): the screen that @window shows, for vt_help_show()
 */
const char *
vt_application_get_help_screen (GtkWindow *window)
{
  if (VT_IS_PRESENTATION_WINDOW (window))
    return "presentation";
  if (VT_IS_WINDOW (window))
    return vt_window_get_help_screen (VT_WINDOW (window));

  return NULL;
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  vt_help_show (parent, vt_application_get_help_screen (parent));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = {
    _("The VITASK Suppliers developers"),
    NULL
  };
  /* Translators: the copyright line of the About window. */
  g_autofree char *copyright = g_strdup_printf (_("© %d The VITASK Suppliers developers"), 2026);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("VITASK Suppliers"),
                        "application-icon", APP_ID,
                        "developer-name", _("VITASK, Korea–Vietnam technical-assistance centre"),
                        "version", PACKAGE_VERSION,
                        "website", "https://vitask.vn/",
                        "comments", _("Supplier profiles, factory visits and supply-chain readiness for the VITASK programme"),
                        "copyright", copyright,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", _("<p>The first release: the app window in English, Korean and Vietnamese, and a local database that is created on first start.</p>"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
};

static void
vt_application_startup (GApplication *app)
{
  VtApplication *self = VT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *present_accels[] = { "F5", NULL };
  static const struct { const char *action; const char *accel; } page_accels[] = {
    { "win.page::suppliers", "<Alt>1" },
    { "win.page::visits", "<Alt>2" },
    { "win.page::readiness", "<Alt>3" },
    { "win.page::reports", "<Alt>4" },
  };

  G_APPLICATION_CLASS (vt_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.present", present_accels);
  for (guint i = 0; i < G_N_ELEMENTS (page_accels); i++)
    {
      const char *accels[] = { page_accels[i].accel, NULL };
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), page_accels[i].action, accels);
    }
}

static void
vt_application_finalize (GObject *object)
{
  VtApplication *self = VT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->server, g_free);

  G_OBJECT_CLASS (vt_application_parent_class)->finalize (object);
}

static void
vt_application_class_init (VtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vt_application_finalize;

  app_class->activate = vt_application_activate;
  app_class->startup = vt_application_startup;
  app_class->handle_local_options = vt_application_handle_local_options;
}

static void
vt_application_init (VtApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Supplier profiles, factory visits and readiness for the VITASK programme."));
}
