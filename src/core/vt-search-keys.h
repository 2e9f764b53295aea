/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search-keys.h: what both backends store of a supplier for search and
 * sorting, derived from the text people typed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name_vi_fold;
  char   *name_en_fold;
  char   *name_ko_fold;
  char   *initials;
  char   *search_fold;
  char   *fts_names;    /* search_fold's names with Hangul decomposed */
  char   *fts_other;    /* the other fields, the same way */
  GBytes *sort_key;
} VtSearchKeys;

void vt_search_keys_compute (VtSearchKeys *keys,
                             const char   *name_vi,
                             const char   *name_en,
                             const char   *name_ko,
                             const char   *code,
                             const char   *tax_code,
                             const char   *products,
                             const char   *industrial_zone);
void vt_search_keys_clear   (VtSearchKeys *keys);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtSearchKeys, vt_search_keys_clear)

G_END_DECLS
