/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitask-suppliers"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <unistd.h>

#include "vt-application.h"
#include "vt-language.h"

static char *
read_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return g_strdup ("");

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "language");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VtApplication) app = NULL;
  g_autofree char *language = NULL;
  const char *localedir;
  int status;

  /* The language chosen in Preferences decides the locale, so GTK must not
   * set it again from the environment. */
  gtk_disable_setlocale ();
  language = read_language_setting ();
  localedir = g_getenv ("VT_LOCALEDIR");
  vt_language_setup (language, localedir != NULL ? localedir : LOCALEDIR);

  app = vt_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  if (vt_application_get_restart_requested (app))
    {
      g_clear_object (&app);
      /* A new process is the only way to switch every string (LOCALE.md). */
      execv ("/proc/self/exe", argv);
      g_printerr ("%s\n", g_strerror (errno));
      return EXIT_FAILURE;
    }

  return status;
}
