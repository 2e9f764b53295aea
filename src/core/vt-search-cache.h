/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search-cache.h: the suppliers' search keys in memory, in name order.
 *
 * Free-text search means "every term occurs in the folded key", which no
 * B-tree index can answer; a trigram index only narrows the candidates,
 * and checking thousands of them costs a row lookup each. The keys of
 * 100 000 suppliers fit in a few megabytes, so the store keeps them here,
 * packed into one block in the order of the name sort, and scans them
 * with a Bloom filter of byte pairs per supplier and memmem(): a page of
 * matches in name order and their number come from one pass, without
 * touching the database.
 *
 * Pure data: the SQLite backend fills it and drops it whenever a search
 * key may have changed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtSearchCache VtSearchCache;

VtSearchCache *vt_search_cache_new          (void);
void           vt_search_cache_free         (VtSearchCache  *cache);
void           vt_search_cache_append       (VtSearchCache  *cache,
                                             gint64          id,
                                             const char     *uuid,
                                             gconstpointer   sort_key,
                                             gsize           sort_key_len,
                                             const char     *fold,
                                             const char     *initials);
guint          vt_search_cache_get_n_items  (VtSearchCache  *cache);
gsize          vt_search_cache_get_size     (VtSearchCache  *cache);

guint64        vt_search_cache_page         (VtSearchCache  *cache,
                                             const char    **terms,
                                             gboolean        initials,
                                             gconstpointer   after_key,
                                             gsize           after_key_len,
                                             const char     *after_uuid,
                                             gboolean        descending,
                                             guint           limit,
                                             guint           count_cap,
                                             gboolean       *exact,
                                             GArray         *ids);
gboolean       vt_search_cache_collect      (VtSearchCache  *cache,
                                             const char    **terms,
                                             gboolean        initials,
                                             guint           max,
                                             GArray         *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSearchCache, vt_search_cache_free)

G_END_DECLS
