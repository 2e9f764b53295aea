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
 * touching the database. The columns the list filters and sorts by
 * (round, stage, sector, province, readiness) are kept beside the keys,
 * so that a search under a filter or another sort is one pass too. So are
 * the start times of each supplier's visits: the last and next visit
 * depend on the clock, so no index can hold them, and SQL computes them
 * for every supplier to sort by them.
 *
 * Pure data: the SQLite backend fills it and drops it whenever a search
 * key may have changed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VtSearchCache VtSearchCache;

/* The list's sorts the cache can answer; others go to SQL. */
typedef enum
{
  VT_SEARCH_CACHE_SORT_NAME,
  VT_SEARCH_CACHE_SORT_READINESS,
  VT_SEARCH_CACHE_SORT_STAGE,
  VT_SEARCH_CACHE_SORT_SECTOR,
  VT_SEARCH_CACHE_SORT_PROVINCE,
  VT_SEARCH_CACHE_SORT_LAST_VISIT,
  VT_SEARCH_CACHE_SORT_NEXT_VISIT,
} VtSearchCacheSort;

/**
 * VtSearchCacheFilter:
 * @round_id: 0 for any round
 * @stage: the stage's place in the pipeline (a VtStage), or -1 for any
 * @sector: a VtSector, or -1 for any
 * @province: (nullable): a 2025 province code, or %NULL for any
 */
typedef struct
{
  gint64      round_id;
  int         stage;
  int         sector;
  const char *province;
} VtSearchCacheFilter;

/**
 * VtSearchCacheOrder:
 * @sort: what the list is sorted by; ties go by name, then UUID
 * @descending: whether the list runs backwards
 * @after_key: (nullable): the cursor's name sort key, or %NULL for the
 *   first page; with @after_key_len and @after_uuid
 * @after_number: the cursor's readiness, stage place or sector
 * @after_text: (nullable): the cursor's province code, or its visit time
 *   as the store writes it ("" for none)
 * @now: (nullable): with the visit sorts, the time the last and next
 *   visit are taken at, as the store writes times
 */
typedef struct
{
  VtSearchCacheSort  sort;
  gboolean           descending;
  gconstpointer      after_key;
  gsize              after_key_len;
  const char        *after_uuid;
  double             after_number;
  const char        *after_text;
  const char        *now;
} VtSearchCacheOrder;

VtSearchCache *vt_search_cache_new          (void);
void           vt_search_cache_free         (VtSearchCache  *cache);
void           vt_search_cache_append       (VtSearchCache  *cache,
                                             gint64          id,
                                             const char     *uuid,
                                             gconstpointer   sort_key,
                                             gsize           sort_key_len,
                                             const char     *fold,
                                             const char     *initials);
void           vt_search_cache_set_attributes (VtSearchCache *cache,
                                               gint64         round_id,
                                               int            stage,
                                               int            sector,
                                               const char    *province,
                                               double         readiness);
void           vt_search_cache_add_visit    (VtSearchCache  *cache,
                                             gint64          supplier_id,
                                             const char     *starts_at,
                                             gboolean        held,
                                             gboolean        upcoming);
gboolean       vt_search_cache_finish_visits (VtSearchCache *cache);
void           vt_search_cache_drop_visits  (VtSearchCache  *cache);
gboolean       vt_search_cache_visits_finished (VtSearchCache *cache);
gboolean       vt_search_cache_has_visits   (VtSearchCache  *cache);
gboolean       vt_search_cache_parse_time   (const char     *text,
                                             gint64         *time);
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
guint64        vt_search_cache_query        (VtSearchCache              *cache,
                                             const char                **terms,
                                             gboolean                    initials,
                                             const VtSearchCacheFilter  *filter,
                                             const VtSearchCacheOrder   *order,
                                             guint                       limit,
                                             guint                       count_cap,
                                             gboolean                   *exact,
                                             GArray                     *ids);
gboolean       vt_search_cache_collect      (VtSearchCache  *cache,
                                             const char    **terms,
                                             gboolean        initials,
                                             guint           max,
                                             GArray         *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSearchCache, vt_search_cache_free)

G_END_DECLS
