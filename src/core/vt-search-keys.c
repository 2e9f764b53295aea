/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search-keys.c: a supplier's search and sort keys, the same for every
 * backend, so that a search finds the same suppliers in a file and on a
 * server. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-collation.h"
#include "vt-search.h"
#include "vt-search-keys.h"

void
vt_search_keys_clear (VtSearchKeys *keys)
{
  g_free (keys->name_vi_fold);
  g_free (keys->name_en_fold);
  g_free (keys->name_ko_fold);
  g_free (keys->initials);
  g_free (keys->search_fold);
  g_free (keys->fts_names);
  g_free (keys->fts_other);
  g_clear_pointer (&keys->sort_key, g_bytes_unref);
}

void
vt_search_keys_compute (VtSearchKeys *keys,
                        const char   *name_vi,
                        const char   *name_en,
                        const char   *name_ko,
                        const char   *code,
                        const char   *tax_code,
                        const char   *products,
                        const char   *industrial_zone)
{
  g_autofree char *code_fold = vt_search_fold (code);
  g_autofree char *products_fold = vt_search_fold (products);
  g_autofree char *zone_fold = vt_search_fold (industrial_zone);
  g_autofree char *all_names = g_strjoin (" ", name_vi ? name_vi : "", name_ko ? name_ko : "",
                                          name_en ? name_en : "", NULL);
  g_autofree char *names = NULL;
  g_autofree char *other = NULL;

  keys->name_vi_fold = vt_search_fold (name_vi);
  keys->name_en_fold = vt_search_fold (name_en);
  keys->name_ko_fold = vt_search_fold (name_ko);
  keys->initials = vt_search_initials (all_names);

  /* Fields are separated by a newline, which no folded term contains, so
   * a term never matches across two fields. */
  names = g_strjoin ("\n", keys->name_vi_fold, keys->name_en_fold, keys->name_ko_fold, NULL);
  other = g_strjoin ("\n", code_fold, tax_code ? tax_code : "", products_fold, zone_fold, NULL);
  keys->search_fold = g_strjoin ("\n", names, other, NULL);
  keys->fts_names = vt_search_decompose_hangul (names);
  keys->fts_other = vt_search_decompose_hangul (other);
  keys->sort_key = vt_collation_sort_key (name_vi);
}
