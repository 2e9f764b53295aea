/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search.c: search keys for Vietnamese and Korean text. */

#define G_LOG_DOMAIN "vt-search"

#include "config.h"

#include <string.h>

#include "vt-search.h"

#define HANGUL_FIRST    0xAC00
#define HANGUL_LAST     0xD7A3
#define HANGUL_PER_INITIAL (21 * 28)
#define JAMO_FIRST      0x3131
#define JAMO_LAST       0x314E

/* The 19 initial consonants in syllable order, as the compatibility jamo
 * that a Korean keyboard types (not the conjoining jamo of NFD). */
static const gunichar initial_jamo[19] = {
  0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143,
  0x3145, 0x3146, 0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D,
  0x314E,
};

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Appends @c to @out, turning any run of white space into one space and
 * dropping white space at the start. */
static void
append_collapsing (GString  *out,
                   gunichar  c,
                   gboolean *pending_space)
{
  if (g_unichar_isspace (c))
    {
      *pending_space = out->len > 0;
      return;
    }
  if (*pending_space)
    g_string_append_c (out, ' ');
  *pending_space = FALSE;
  g_string_append_unichar (out, c);
}

/**
 * vt_search_fold:
 * @text: (nullable): UTF-8 text as a person entered it
 *
 * Returns: the folded search key: NFD, combining marks dropped, đ/Đ to d,
 *   case-folded, white space collapsed, NFC again. Invalid UTF-8 folds to
 *   the empty string.
 */
char *
vt_search_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *casefolded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (nfd));

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      /* Đ đ, and the look-alike Ð ð that legacy converters produce. */
      if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
        c = 'd';
      append_collapsing (out, c, &pending_space);
    }

  stripped = g_string_free (out, FALSE);
  casefolded = g_utf8_casefold (stripped, -1);

  /* Recompose: Hangul typed by people is precomposed syllables. */
  return g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFC);
}

/**
 * vt_search_initials:
 * @text: (nullable): UTF-8 text
 *
 * Returns: the initial consonant of each Hangul syllable of @text as a
 *   compatibility jamo; compatibility consonants already in @text are kept;
 *   anything else separates words with one space.
 */
char *
vt_search_initials (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  out = g_string_new (NULL);

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= HANGUL_FIRST && c <= HANGUL_LAST)
        append_collapsing (out, initial_jamo[(c - HANGUL_FIRST) / HANGUL_PER_INITIAL], &pending_space);
      else if (c >= JAMO_FIRST && c <= JAMO_LAST)
        append_collapsing (out, c, &pending_space);
      else
        append_collapsing (out, ' ', &pending_space);
    }

  return g_string_free (out, FALSE);
}

/**
 * vt_search_decompose_hangul:
 * @folded: a folded key from vt_search_fold()
 *
 * The form stored in the trigram index. After folding only Hangul still
 * decomposes, into two or three conjoining jamo a syllable, so a Korean
 * word of one or two syllables becomes long enough for trigrams.
 *
 * Returns: @folded in NFD
 */
char *
vt_search_decompose_hangul (const char *folded)
{
  if (folded == NULL || !g_utf8_validate (folded, -1, NULL))
    return g_strdup ("");
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
}

/**
 * vt_search_is_initials_query:
 * @query: (nullable): what a person typed
 *
 * Returns: %TRUE if @query holds only Korean compatibility consonants (and
 *   white space), so it means "initial consonants", not text.
 */
gboolean
vt_search_is_initials_query (const char *query)
{
  gboolean any = FALSE;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return FALSE;

  for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c < JAMO_FIRST || c > JAMO_LAST)
        return FALSE;
      any = TRUE;
    }

  return any;
}

/**
 * vt_search_split_terms:
 * @query: (nullable): what a person typed
 *
 * Folds @query (or keeps it, for an initials query) and splits it into
 * terms at white space. Every term must be found for a match, in any order.
 *
 * Returns: (transfer full): the terms, possibly none
 */
char **
vt_search_split_terms (const char *query)
{
  g_autofree char *key = NULL;

  if (vt_search_is_initials_query (query))
    key = vt_search_initials (query);
  else
    key = vt_search_fold (query);

  if (*key == '\0')
    return g_new0 (char *, 1);

  /* Keys have their white space collapsed to single spaces already. */
  return g_strsplit (key, " ", -1);
}

/**
 * vt_search_matches:
 * @query: (nullable): what a person typed
 * @text: (nullable): the text searched
 *
 * The reference meaning of a search, used by the tests and for filtering
 * small lists in memory; the store implements the same in SQL.
 *
 * Returns: %TRUE if every term of @query occurs in the key of @text
 */
gboolean
vt_search_matches (const char *query,
                   const char *text)
{
  g_auto(GStrv) terms = vt_search_split_terms (query);
  g_autofree char *key = NULL;

  if (vt_search_is_initials_query (query))
    key = vt_search_initials (text);
  else
    key = vt_search_fold (text);

  for (guint i = 0; terms[i] != NULL; i++)
    if (strstr (key, terms[i]) == NULL)
      return FALSE;

  return TRUE;
}
