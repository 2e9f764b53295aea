/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-handout.c: `vitask-suppliers --handout ROUND --output FILE.pdf`. */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "vt-handout.h"
#include "vt-slide-deck.h"
#include "vt-store.h"

/**
 * vt_handout_find_round:
 * @rounds: (element-type VtRound): the rounds of the database
 * @round: "current", a round's number (id) or its name, in any case
 *
 * Returns: (transfer none) (nullable): the round @round names
 */
VtRound *
vt_handout_find_round (GPtrArray  *rounds,
                       const char *round)
{
  g_autofree char *folded = NULL;
  char *end = NULL;
  gint64 id;

  if (round == NULL || round[0] == '\0' || g_ascii_strcasecmp (round, "current") == 0)
    {
      for (guint i = 0; i < rounds->len; i++)
        if (((VtRound *) g_ptr_array_index (rounds, i))->is_current)
          return g_ptr_array_index (rounds, i);
      return NULL;
    }

  id = g_ascii_strtoll (round, &end, 10);
  if (end != NULL && *end == '\0')
    for (guint i = 0; i < rounds->len; i++)
      if (((VtRound *) g_ptr_array_index (rounds, i))->id == id)
        return g_ptr_array_index (rounds, i);

  folded = g_utf8_casefold (round, -1);
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);
      g_autofree char *name = g_utf8_casefold (r->name, -1);

      if (g_strcmp0 (name, folded) == 0)
        return r;
    }
  return NULL;
}

static gboolean
is_language (const char *code)
{
  return g_strcmp0 (code, "ko") == 0 || g_strcmp0 (code, "vi") == 0 || g_strcmp0 (code, "en") == 0;
}

/**
 * vt_handout_parse_languages:
 * @languages: (nullable): "ko,vi": the primary language, a comma, the
 *   secondary; %NULL for Korean above Vietnamese
 *
 * Returns: whether @languages names two of "ko", "vi" and "en"
 */
gboolean
vt_handout_parse_languages (const char  *languages,
                            char       **primary,
                            char       **secondary,
                            GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (languages == NULL || languages[0] == '\0')
    languages = "ko,vi";
  parts = g_strsplit (languages, ",", -1);
  if (g_strv_length (parts) != 2 || !is_language (g_strstrip (parts[0])) ||
      !is_language (g_strstrip (parts[1])) || g_str_equal (parts[0], parts[1]))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Name two different languages for the slides, such as “ko,vi” or “vi,ko”, not “%s”."),
                   languages);
      return FALSE;
    }
  *primary = g_strdup (parts[0]);
  *secondary = g_strdup (parts[1]);
  return TRUE;
}

/**
 * vt_handout_command:
 * @database_path: (nullable): the database, or %NULL for the default one
 * @round: which round (see vt_handout_find_round())
 * @output: the PDF file to write
 * @languages: (nullable): see vt_handout_parse_languages()
 * @hide_sensitive: leave out individual scores
 *
 * Returns: the exit status
 */
int
vt_handout_command (const char  *database_path,
                    const char  *round,
                    const char  *output,
                    const char  *languages,
                    gboolean     hide_sensitive,
                    GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(VtStore) store = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(VtRoundStats) stats = NULL;
  g_autoptr(VtSlideDeck) deck = NULL;
  g_autoptr(GFile) file = NULL;
  VtRound *found;

  if (output == NULL || output[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Say where to write the handout with --output FILE.pdf."));
      return EXIT_FAILURE;
    }
  if (!vt_handout_parse_languages (languages, &primary, &secondary, error))
    return EXIT_FAILURE;

  if (database_path == NULL)
    database_path = default_path = vt_store_default_path ();
  store = vt_store_open_sync (database_path, VT_STORE_OPEN_READ_ONLY, NULL, error);
  if (store == NULL)
    return EXIT_FAILURE;
  rounds = vt_store_list_rounds_sync (store, NULL, error);
  if (rounds == NULL)
    return EXIT_FAILURE;
  found = vt_handout_find_round (rounds, round);
  if (found == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("There is no round “%s”. Give its number, its name or “current”."), round);
      return EXIT_FAILURE;
    }
  stats = vt_store_get_round_stats_sync (store, found->id, NULL, error);
  if (stats == NULL)
    return EXIT_FAILURE;

  deck = vt_slide_deck_new (stats, primary, secondary);
  vt_slide_deck_set_hide_sensitive (deck, hide_sensitive);
  file = g_file_new_for_commandline_arg (output);
  if (!vt_slide_deck_write_pdf (deck, file, error))
    return EXIT_FAILURE;

  g_print (g_dngettext (GETTEXT_PACKAGE, "Handout written: %u slide\n", "Handout written: %u slides\n",
                        vt_slide_deck_get_n_slides (deck)),
           vt_slide_deck_get_n_slides (deck));
  return EXIT_SUCCESS;
}
