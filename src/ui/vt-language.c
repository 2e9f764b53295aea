/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-language"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vt-language.h"

/* The native names are never translated: a person who cannot read the
 * current language must still find their own in the list. */
static const VtLanguage languages[] = {
  { "",   NULL,           NULL },
  { "en", "English",      "en_US.UTF-8" },
  { "ko", "한국어",       "ko_KR.UTF-8" },
  { "vi", "Tiếng Việt",   "vi_VN.UTF-8" },
};

const VtLanguage *
vt_language_get_all (guint *n_languages)
{
  *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

const VtLanguage *
vt_language_lookup (const char *code)
{
  if (code == NULL)
    return &languages[0];

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return &languages[i];

  return &languages[0];
}

static gboolean
locale_is_plain_c (const char *name)
{
  return name == NULL ||
         g_str_equal (name, "C") ||
         g_str_equal (name, "POSIX");
}

/* Sets the process locale and the message catalogue for the language the
 * user chose in Preferences, or for the system when the choice is empty.
 * It runs once, before GTK starts: GLib decides once per process whether
 * to translate, so switching means restarting the app (LOCALE.md). */
void
vt_language_setup (const char *code,
                   const char *localedir)
{
  const VtLanguage *language = vt_language_lookup (code);
  const char *messages;

  if (language->locale != NULL)
    {
      g_setenv ("LANGUAGE", language->code, TRUE);
      /* Format dates and numbers the chosen language's way when its
       * locale data is installed; keep the system's otherwise. */
      if (setlocale (LC_ALL, language->locale) == NULL)
        setlocale (LC_ALL, "");
    }
  else
    {
      setlocale (LC_ALL, "");
    }

  /* gettext ignores LANGUAGE under the C locale. A UTF-8 C locale keeps
   * the translations working where no other locale data exists. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (locale_is_plain_c (messages) &&
      (language->locale != NULL || g_getenv ("LANGUAGE") != NULL))
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
