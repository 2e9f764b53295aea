/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-search-cache.c: the suppliers' search keys in memory, in name order. */

#define G_LOG_DOMAIN "vt-search-cache"

#include "config.h"

#include <string.h>

#include "vt-search-cache.h"

#define UUID_LEN 36

/* A 256-bit Bloom filter of the byte pairs in a folded key. A term can
 * only occur in a key whose filter has every bit of the term's pairs, so
 * most keys are passed over after a few AND instructions, without
 * looking at their text. */
#define MASK_WORDS 4

typedef struct
{
  guint64 bits[MASK_WORDS];
} Mask;

typedef struct
{
  gint64  id;
  Mask    mask;
  guint32 fold;                 /* offsets into the blocks */
  guint32 initials;
  guint32 key;
  guint32 key_len;
  /* What the list filters and sorts by. */
  gint64  round_id;
  double  readiness;
  guint16 province;             /* index into provinces */
  guint8  stage;
  guint8  sector;
  guint32 visits;               /* offset into visit_times */
} Entry;

#define NO_PROVINCE G_MAXUINT16
/* Where a supplier has no last (or next) visit: before every time, as
 * the empty text the SQL sort puts there. */
#define NO_VISIT G_MININT64

/* A visit read, before the visits are put in the order of the entries. */
typedef struct
{
  guint32 entry;
  guint32 upcoming;
  gint64  time;
} PendingVisit;

struct _VtSearchCache
{
  GArray  *entries;
  /* Each entry's folded key (and its initials key) followed by a NUL. */
  GString *folds;
  GString *initials;
  /* Sort keys and UUIDs, for finding where a cursor is. */
  GByteArray *keys;
  /* The province codes, each once. */
  GPtrArray  *provinces;
  GHashTable *province_index;
  /* The start times of the visits that were not cancelled (as time keys,
   * see vt_search_cache_parse_time()), grouped by entry in entry order and
   * by time within an entry; whether each is planned or confirmed. */
  GArray     *visit_times;
  GByteArray *visit_upcoming;
  GArray     *pending;          /* PendingVisit, until finished */
  GArray     *ids_by_id;        /* (id, entry) pairs, sorted by id */
  guint       visits_ready : 1;
  guint       visits_unusable : 1;
  guint       visits_finished : 1;
};

static inline void
mask_add_pairs (Mask       *mask,
                const char *text,
                gsize       len)
{
  for (gsize i = 0; i + 1 < len; i++)
    {
      guint h = ((guint8) text[i] * 31u + (guint8) text[i + 1]) & 255u;

      mask->bits[h >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
    }
}

static inline gboolean
mask_covers (const Mask *have,
             const Mask *need)
{
  for (guint w = 0; w < MASK_WORDS; w++)
    if ((have->bits[w] & need->bits[w]) != need->bits[w])
      return FALSE;
  return TRUE;
}

VtSearchCache *
vt_search_cache_new (void)
{
  VtSearchCache *cache = g_new0 (VtSearchCache, 1);

  cache->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  cache->folds = g_string_new (NULL);
  cache->initials = g_string_new (NULL);
  cache->keys = g_byte_array_new ();
  cache->provinces = g_ptr_array_new_with_free_func (g_free);
  cache->province_index = g_hash_table_new (g_str_hash, g_str_equal);
  cache->visit_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  cache->visit_upcoming = g_byte_array_new ();
  return cache;
}

void
vt_search_cache_free (VtSearchCache *cache)
{
  if (cache == NULL)
    return;
  g_array_unref (cache->entries);
  g_string_free (cache->folds, TRUE);
  g_string_free (cache->initials, TRUE);
  g_byte_array_unref (cache->keys);
  g_hash_table_unref (cache->province_index);
  g_ptr_array_unref (cache->provinces);
  g_array_unref (cache->visit_times);
  g_byte_array_unref (cache->visit_upcoming);
  g_clear_pointer (&cache->pending, g_array_unref);
  g_clear_pointer (&cache->ids_by_id, g_array_unref);
  g_free (cache);
}

/**
 * vt_search_cache_append:
 *
 * Adds a supplier after all the others: the caller adds them in the order
 * of the name sort (sort key, then UUID, compared as SQLite compares a
 * BLOB and a TEXT).
 */
void
vt_search_cache_append (VtSearchCache *cache,
                        gint64         id,
                        const char    *uuid,
                        gconstpointer  sort_key,
                        gsize          sort_key_len,
                        const char    *fold,
                        const char    *initials)
{
  Entry e = { .id = id, .readiness = -1, .province = NO_PROVINCE, .stage = G_MAXUINT8, .sector = G_MAXUINT8 };
  char uuid_buf[UUID_LEN] = { 0 };

  g_return_if_fail (cache->folds->len + strlen (fold ? fold : "") < G_MAXUINT32 / 2);

  e.fold = (guint32) cache->folds->len;
  g_string_append (cache->folds, fold ? fold : "");
  mask_add_pairs (&e.mask, cache->folds->str + e.fold, cache->folds->len - e.fold);
  g_string_append_c (cache->folds, '\0');
  e.initials = (guint32) cache->initials->len;
  g_string_append (cache->initials, initials ? initials : "");
  g_string_append_c (cache->initials, '\0');

  e.key = cache->keys->len;
  e.key_len = (guint32) sort_key_len;
  g_byte_array_append (cache->keys, sort_key, (guint) sort_key_len);
  strncpy (uuid_buf, uuid ? uuid : "", UUID_LEN);
  g_byte_array_append (cache->keys, (const guint8 *) uuid_buf, UUID_LEN);

  g_array_append_val (cache->entries, e);
}

/* The index of @province in the table, or NO_PROVINCE if it is not there
 * and @add is %FALSE. */
static guint16
province_index (VtSearchCache *cache,
                const char    *province,
                gboolean       add)
{
  gpointer value;

  if (province == NULL)
    return NO_PROVINCE;
  if (g_hash_table_lookup_extended (cache->province_index, province, NULL, &value))
    return (guint16) GPOINTER_TO_UINT (value);
  if (!add || cache->provinces->len >= NO_PROVINCE)
    return NO_PROVINCE;
  g_ptr_array_add (cache->provinces, g_strdup (province));
  g_hash_table_insert (cache->province_index, g_ptr_array_index (cache->provinces, cache->provinces->len - 1),
                       GUINT_TO_POINTER (cache->provinces->len - 1));
  return (guint16) (cache->provinces->len - 1);
}

/**
 * vt_search_cache_set_attributes:
 * @round_id: the supplier's round, or 0
 * @stage: its place in the pipeline (a VtStage), or -1 if unknown
 * @sector: a VtSector, or -1 if unknown
 * @province: (nullable): its 2025 province code
 * @readiness: its readiness index, -1 for none
 *
 * Sets what the list filters and sorts by for the supplier added last.
 */
void
vt_search_cache_set_attributes (VtSearchCache *cache,
                                gint64         round_id,
                                int            stage,
                                int            sector,
                                const char    *province,
                                double         readiness)
{
  Entry *e;

  g_return_if_fail (cache->entries->len > 0);

  e = &g_array_index (cache->entries, Entry, cache->entries->len - 1);
  e->round_id = round_id;
  e->stage = stage >= 0 && stage < G_MAXUINT8 ? (guint8) stage : G_MAXUINT8;
  e->sector = sector >= 0 && sector < G_MAXUINT8 ? (guint8) sector : G_MAXUINT8;
  e->province = province_index (cache, province, TRUE);
  e->readiness = readiness;
}

/* Visits ------------------------------------------------------------------- */

static gboolean
parse_digits (const char *text,
              guint       n,
              guint       max,
              gint64     *value)
{
  gint64 v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  if (v > max)
    return FALSE;
  *value = v;
  return TRUE;
}

/**
 * vt_search_cache_parse_time:
 * @text: a time as the store writes it, "YYYY-MM-DDTHH:MM:SS.ffffffZ"
 * @time: (out): a number that orders as @text does
 *
 * The store compares and sorts times as text, which orders them in time
 * only because it always writes them in one fixed-width form. This reads
 * that form into a number with the same order (each field in a radix
 * above its largest value), and refuses any other form, whose text order
 * the number would not keep.
 *
 * Returns: whether @text has the store's form
 */
gboolean
vt_search_cache_parse_time (const char *text,
                            gint64     *time)
{
  static const struct { guint at, n, radix, max; } fields[] = {
    { 0, 4, 1, 9999 }, { 5, 2, 13, 12 }, { 8, 2, 32, 31 }, { 11, 2, 24, 23 },
    { 14, 2, 60, 59 }, { 17, 2, 61, 60 }, { 20, 6, 1000000, 999999 },
  };
  gint64 key = 0;

  if (text == NULL || strlen (text) != 27 || text[4] != '-' || text[7] != '-' || text[10] != 'T'
      || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[26] != 'Z')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gint64 v;

      if (!parse_digits (text + fields[i].at, fields[i].n, fields[i].max, &v))
        return FALSE;
      key = key * fields[i].radix + v;
    }
  *time = key;
  return TRUE;
}

static int
compare_id_pairs (const void *a,
                  const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The entry of the supplier with @id, or G_MAXUINT32. */
static guint32
entry_of_id (VtSearchCache *cache,
             gint64         id)
{
  guint lo = 0, hi;

  if (cache->ids_by_id == NULL)
    {
      cache->ids_by_id = g_array_sized_new (FALSE, FALSE, 2 * sizeof (gint64), cache->entries->len);
      for (guint i = 0; i < cache->entries->len; i++)
        {
          gint64 pair[2] = { g_array_index (cache->entries, Entry, i).id, i };

          g_array_append_val (cache->ids_by_id, pair);
        }
      qsort (cache->ids_by_id->data, cache->ids_by_id->len, 2 * sizeof (gint64), compare_id_pairs);
    }

  hi = cache->ids_by_id->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const gint64 *pair = (const gint64 *) (cache->ids_by_id->data + mid * 2 * sizeof (gint64));

      if (pair[0] == id)
        return (guint32) pair[1];
      if (pair[0] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return G_MAXUINT32;
}

/**
 * vt_search_cache_add_visit:
 * @supplier_id: the visited supplier, one the cache holds
 * @starts_at: when the visit starts, as the store writes it
 * @held: %FALSE for a cancelled visit, which counts neither as the last
 *   visit nor as the next
 * @upcoming: whether it is planned or confirmed, which only a next visit
 *   must be
 *
 * Adds a visit, after every supplier was appended; then call
 * vt_search_cache_finish_visits(). A time in another form makes the
 * cache give up the visit sorts (the store then asks SQL).
 */
void
vt_search_cache_add_visit (VtSearchCache *cache,
                           gint64         supplier_id,
                           const char    *starts_at,
                           gboolean       held,
                           gboolean       upcoming)
{
  PendingVisit v = { 0 };

  g_return_if_fail (!cache->visits_ready);

  if (!held || cache->visits_unusable)
    return;
  v.entry = entry_of_id (cache, supplier_id);
  if (v.entry == G_MAXUINT32)
    return;
  if (!vt_search_cache_parse_time (starts_at, &v.time))
    {
      cache->visits_unusable = TRUE;
      return;
    }
  v.upcoming = !!upcoming;
  if (cache->pending == NULL)
    cache->pending = g_array_new (FALSE, FALSE, sizeof (PendingVisit));
  g_array_append_val (cache->pending, v);
}

static int
compare_pending (const void *a,
                 const void *b)
{
  const PendingVisit *x = a, *y = b;

  if (x->entry != y->entry)
    return x->entry < y->entry ? -1 : 1;
  return x->time < y->time ? -1 : x->time > y->time;
}

/**
 * vt_search_cache_finish_visits:
 *
 * Puts the visits added in place; the visit sorts are answered from then
 * on (with none added: nobody was visited).
 *
 * Returns: whether the cache can answer the visit sorts
 */
gboolean
vt_search_cache_finish_visits (VtSearchCache *cache)
{
  guint n = cache->pending ? cache->pending->len : 0;
  guint k = 0;

  g_clear_pointer (&cache->ids_by_id, g_array_unref);
  cache->visits_finished = TRUE;
  if (cache->visits_unusable)
    {
      g_clear_pointer (&cache->pending, g_array_unref);
      return FALSE;
    }

  if (n > 0)
    qsort (cache->pending->data, n, sizeof (PendingVisit), compare_pending);
  g_array_set_size (cache->visit_times, n);
  g_byte_array_set_size (cache->visit_upcoming, n);
  for (guint i = 0; i < cache->entries->len; i++)
    {
      g_array_index (cache->entries, Entry, i).visits = k;
      for (; k < n && g_array_index (cache->pending, PendingVisit, k).entry == i; k++)
        {
          const PendingVisit *v = &g_array_index (cache->pending, PendingVisit, k);

          g_array_index (cache->visit_times, gint64, k) = v->time;
          cache->visit_upcoming->data[k] = (guint8) v->upcoming;
        }
    }
  g_clear_pointer (&cache->pending, g_array_unref);
  cache->visits_ready = TRUE;
  return TRUE;
}

/**
 * vt_search_cache_drop_visits:
 *
 * Forgets the visits added so far, when reading them was given up, so
 * that they can be added again.
 */
void
vt_search_cache_drop_visits (VtSearchCache *cache)
{
  g_return_if_fail (!cache->visits_finished);

  g_clear_pointer (&cache->pending, g_array_unref);
  g_clear_pointer (&cache->ids_by_id, g_array_unref);
  cache->visits_unusable = FALSE;
}

/* Whether vt_search_cache_finish_visits() was called, whatever it found. */
gboolean
vt_search_cache_visits_finished (VtSearchCache *cache)
{
  return cache->visits_finished;
}

/* Whether the visit sorts can be answered. */
gboolean
vt_search_cache_has_visits (VtSearchCache *cache)
{
  return cache->visits_ready;
}

/* The time key of entry @i's last visit (the latest not cancelled that
 * started at @now or before) or next visit (the earliest planned or
 * confirmed after @now), or NO_VISIT. */
static gint64
visit_value (VtSearchCache     *cache,
             VtSearchCacheSort  sort,
             gint64             now,
             guint              i)
{
  const Entry *e = &g_array_index (cache->entries, Entry, i);
  guint end = i + 1 < cache->entries->len ? g_array_index (cache->entries, Entry, i + 1).visits
                                          : cache->visit_times->len;
  const gint64 *times = (const gint64 *) (gpointer) cache->visit_times->data;
  gint64 value = NO_VISIT;

  if (sort == VT_SEARCH_CACHE_SORT_LAST_VISIT)
    {
      for (guint k = e->visits; k < end && times[k] <= now; k++)
        value = times[k];
    }
  else
    {
      for (guint k = e->visits; k < end; k++)
        if (times[k] > now && cache->visit_upcoming->data[k])
          return times[k];
    }
  return value;
}

guint
vt_search_cache_get_n_items (VtSearchCache *cache)
{
  return cache->entries->len;
}

/* The bytes held: what the cache costs in memory. */
gsize
vt_search_cache_get_size (VtSearchCache *cache)
{
  return cache->entries->len * sizeof (Entry) + cache->folds->allocated_len
       + cache->initials->allocated_len + cache->keys->len + cache->provinces->len * 16
       + cache->visit_times->len * (sizeof (gint64) + 1);
}

static inline const Entry *
entry_at (VtSearchCache *cache,
          guint          i)
{
  return &g_array_index (cache->entries, Entry, i);
}

/* Compares entry @i with a cursor, as "ORDER BY sort_key, uuid" does. */
static int
compare_with_cursor (VtSearchCache *cache,
                     guint          i,
                     gconstpointer  key,
                     gsize          key_len,
                     const char    *uuid)
{
  const Entry *e = entry_at (cache, i);
  const guint8 *ekey = cache->keys->data + e->key;
  int c = memcmp (ekey, key, MIN (e->key_len, key_len));
  char uuid_buf[UUID_LEN] = { 0 };

  if (c != 0)
    return c;
  if (e->key_len != key_len)
    return e->key_len < key_len ? -1 : 1;
  strncpy (uuid_buf, uuid ? uuid : "", UUID_LEN);
  return memcmp (ekey + e->key_len, uuid_buf, UUID_LEN);
}

/* The first entry that sorts after the cursor (strictly, or not before
 * it with @or_equal). */
static guint
lower_bound (VtSearchCache *cache,
             gconstpointer  key,
             gsize          key_len,
             const char    *uuid,
             gboolean       or_equal)
{
  guint lo = 0, hi = cache->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = compare_with_cursor (cache, mid, key, key_len, uuid);

      if (c < 0 || (c == 0 && !or_equal))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The terms of a search, prepared once. */
typedef struct
{
  const char **terms;
  gsize       *lens;
  guint        n;
  gboolean     initials;
  Mask         need;
  /* The filter, resolved; has_filter is FALSE without one. */
  gboolean     has_filter;
  gboolean     impossible;      /* a province no supplier has */
  gint64       round_id;
  int          stage;
  int          sector;
  guint        province;        /* NO_PROVINCE + 1 for any */
} Terms;

static void
terms_init (Terms       *t,
            const char **terms,
            gboolean     initials)
{
  t->terms = terms;
  t->n = g_strv_length ((char **) terms);
  t->lens = g_new (gsize, t->n);
  t->initials = initials;
  t->has_filter = FALSE;
  t->impossible = FALSE;
  memset (&t->need, 0, sizeof t->need);
  for (guint i = 0; i < t->n; i++)
    {
      t->lens[i] = strlen (terms[i]);
      if (!initials)
        mask_add_pairs (&t->need, terms[i], t->lens[i]);
    }
}

static void
terms_set_filter (Terms                     *t,
                  VtSearchCache             *cache,
                  const VtSearchCacheFilter *filter)
{
  if (filter == NULL)
    return;
  t->round_id = filter->round_id;
  t->stage = filter->stage;
  t->sector = filter->sector;
  t->province = NO_PROVINCE + 1;
  if (filter->province != NULL)
    {
      t->province = province_index (cache, filter->province, FALSE);
      t->impossible = t->province == NO_PROVINCE;
    }
  t->has_filter = t->round_id > 0 || t->stage >= 0 || t->sector >= 0 || filter->province != NULL;
}

static inline gboolean
entry_passes (const Entry *e,
              const Terms *t)
{
  return (t->round_id <= 0 || e->round_id == t->round_id)
      && (t->stage < 0 || e->stage == t->stage)
      && (t->sector < 0 || e->sector == t->sector)
      && (t->province > NO_PROVINCE || e->province == t->province);
}

static gboolean
entry_matches (VtSearchCache *cache,
               guint          i,
               const Terms   *t)
{
  const Entry *e = entry_at (cache, i);
  GString *block = t->initials ? cache->initials : cache->folds;
  gsize start = t->initials ? e->initials : e->fold;
  gsize end;

  if (t->has_filter && !entry_passes (e, t))
    return FALSE;
  if (!t->initials && !mask_covers (&e->mask, &t->need))
    return FALSE;
  if (i + 1 < cache->entries->len)
    end = t->initials ? entry_at (cache, i + 1)->initials : entry_at (cache, i + 1)->fold;
  else
    end = block->len;
  end--;                        /* the NUL */
  for (guint k = 0; k < t->n; k++)
    if (memmem (block->str + start, end - start, t->terms[k], t->lens[k]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * vt_search_cache_page:
 * @terms: the search terms (at least one), as vt_search_split_terms() gives
 * @initials: whether the terms are Korean initial consonants
 * @after_key: (nullable): the cursor's sort key, or %NULL for the first page
 * @descending: whether the list runs from the end of the name order
 * @limit: how many to give at most
 * @count_cap: matches are counted up to this many and one more
 * @exact: (out): whether the count is exact (else it is @count_cap, a floor)
 * @ids: (out caller-allocates): receives the gint64 ids of the page, in
 *   the order of the list
 *
 * Returns: how many suppliers match in all (not only after the cursor),
 *   or @count_cap when more match
 */
static guint64
page_by_name (VtSearchCache  *cache,
              const Terms    *t,
              gconstpointer   after_key,
              gsize           after_key_len,
              const char     *after_uuid,
              gboolean        descending,
              guint           limit,
              guint           count_cap,
              gboolean       *exact,
              GArray         *ids)
{
  guint n = cache->entries->len;
  /* Entries are visited in list order: step k is entry pos(k). The page
   * starts at step @from; the steps before it only count. */
  guint from = 0;
  guint64 count = 0;
  gboolean capped = FALSE;

  if (after_key != NULL)
    {
      guint bound = lower_bound (cache, after_key, after_key_len, after_uuid, descending);

      from = descending ? n - bound : bound;
    }

#define POS(k) (descending ? n - 1 - (k) : (k))
  for (guint k = 0; k < n; k++)
    {
      if (k < from && capped)
        {
          /* Counted enough: skip to where the page begins. */
          k = from - 1;
          continue;
        }
      if (k >= from && ids->len >= limit && capped)
        break;
      if (!entry_matches (cache, POS (k), t))
        continue;
      if (!capped && ++count > count_cap)
        capped = TRUE;
      if (k >= from && ids->len < limit)
        g_array_append_val (ids, entry_at (cache, POS (k))->id);
    }
#undef POS

  *exact = !capped;
  return capped ? count_cap : count;
}

guint64
vt_search_cache_page (VtSearchCache  *cache,
                      const char    **terms,
                      gboolean        initials,
                      gconstpointer   after_key,
                      gsize           after_key_len,
                      const char     *after_uuid,
                      gboolean        descending,
                      guint           limit,
                      guint           count_cap,
                      gboolean       *exact,
                      GArray         *ids)
{
  Terms t;
  guint64 total;

  terms_init (&t, terms, initials);
  total = page_by_name (cache, &t, after_key, after_key_len, after_uuid, descending, limit, count_cap, exact, ids);
  g_free (t.lens);
  return total;
}

/* Sorted by another column ------------------------------------------------- */

typedef struct
{
  VtSearchCache     *cache;
  VtSearchCacheSort  sort;
  gboolean           descending;
  gint64             now;       /* the visit sorts' time key of now */
} ListOrder;

/* Compares entries @a and @b as "ORDER BY value, sort_key, uuid" does. */
static int
compare_entries (const ListOrder *lo,
                 guint            a,
                 guint            b)
{
  VtSearchCache *cache = lo->cache;
  const Entry *x = entry_at (cache, a);
  const Entry *y = entry_at (cache, b);
  int c = 0;

  switch (lo->sort)
    {
    case VT_SEARCH_CACHE_SORT_READINESS:
      c = x->readiness < y->readiness ? -1 : x->readiness > y->readiness;
      break;
    case VT_SEARCH_CACHE_SORT_STAGE:
      c = (int) x->stage - (int) y->stage;
      break;
    case VT_SEARCH_CACHE_SORT_SECTOR:
      c = (int) x->sector - (int) y->sector;
      break;
    case VT_SEARCH_CACHE_SORT_PROVINCE:
      if (x->province != y->province)
        c = g_strcmp0 (x->province == NO_PROVINCE ? NULL : g_ptr_array_index (cache->provinces, x->province),
                       y->province == NO_PROVINCE ? NULL : g_ptr_array_index (cache->provinces, y->province));
      break;
    case VT_SEARCH_CACHE_SORT_LAST_VISIT:
    case VT_SEARCH_CACHE_SORT_NEXT_VISIT:
      {
        gint64 va = visit_value (cache, lo->sort, lo->now, a);
        gint64 vb = visit_value (cache, lo->sort, lo->now, b);

        c = va < vb ? -1 : va > vb;
      }
      break;
    case VT_SEARCH_CACHE_SORT_NAME:
    default:
      break;
    }
  if (c != 0)
    return c;

  /* The name order is the order of the entries. */
  return a < b ? -1 : a > b;
}

/* Compares entry @i with the cursor of @order (@after_time: the cursor's
 * visit time key, for the visit sorts). */
static int
compare_with_order (const ListOrder          *lo,
                    guint                     i,
                    const VtSearchCacheOrder *order,
                    gint64                    after_time)
{
  VtSearchCache *cache = lo->cache;
  const Entry *e = entry_at (cache, i);
  double number = 0;
  int c = 0;

  switch (order->sort)
    {
    case VT_SEARCH_CACHE_SORT_READINESS:
      number = e->readiness;
      break;
    case VT_SEARCH_CACHE_SORT_STAGE:
      number = e->stage;
      break;
    case VT_SEARCH_CACHE_SORT_SECTOR:
      number = e->sector;
      break;
    case VT_SEARCH_CACHE_SORT_PROVINCE:
      c = g_strcmp0 (e->province == NO_PROVINCE ? NULL : g_ptr_array_index (cache->provinces, e->province),
                     order->after_text);
      break;
    case VT_SEARCH_CACHE_SORT_LAST_VISIT:
    case VT_SEARCH_CACHE_SORT_NEXT_VISIT:
      {
        gint64 v = visit_value (cache, order->sort, lo->now, i);

        c = v < after_time ? -1 : v > after_time;
      }
      break;
    case VT_SEARCH_CACHE_SORT_NAME:
    default:
      break;
    }
  if (order->sort == VT_SEARCH_CACHE_SORT_READINESS || order->sort == VT_SEARCH_CACHE_SORT_STAGE
      || order->sort == VT_SEARCH_CACHE_SORT_SECTOR)
    c = number < order->after_number ? -1 : number > order->after_number;
  if (c != 0)
    return c;
  return compare_with_cursor (cache, i, order->after_key, order->after_key_len, order->after_uuid);
}

/* Whether entry @a comes before entry @b in the list. */
static inline gboolean
list_before (const ListOrder *lo,
             guint            a,
             guint            b)
{
  int c = compare_entries (lo, a, b);

  return lo->descending ? c > 0 : c < 0;
}

static int
list_compare (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const ListOrder *lo = data;
  int c = compare_entries (lo, *(const guint *) a, *(const guint *) b);

  return lo->descending ? -c : c;
}

/* A heap of the @limit entries that come first in the list: its top is
 * the one that comes last, which a better candidate replaces. */
static void
heap_sift_down (const ListOrder *lo,
                guint           *heap,
                guint            len,
                guint            i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, top = i;

      if (l < len && list_before (lo, heap[top], heap[l]))
        top = l;
      if (r < len && list_before (lo, heap[top], heap[r]))
        top = r;
      if (top == i)
        return;
      G_STMT_START { guint tmp = heap[i]; heap[i] = heap[top]; heap[top] = tmp; } G_STMT_END;
      i = top;
    }
}

static void
heap_push (const ListOrder *lo,
           guint           *heap,
           guint            len,
           guint            entry)
{
  guint i = len;

  heap[i] = entry;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!list_before (lo, heap[parent], heap[i]))
        return;
      G_STMT_START { guint tmp = heap[i]; heap[i] = heap[parent]; heap[parent] = tmp; } G_STMT_END;
      i = parent;
    }
}

static guint64
page_sorted (VtSearchCache            *cache,
             const Terms              *t,
             const VtSearchCacheOrder *order,
             gint64                    now,
             gint64                    after_time,
             guint                     limit,
             GArray                   *ids)
{
  ListOrder lo = { cache, order->sort, order->descending, now };
  g_autofree guint *heap = g_new (guint, MAX (limit, 1));
  guint len = 0;
  guint64 count = 0;

  for (guint i = 0; i < cache->entries->len; i++)
    {
      if (!entry_matches (cache, i, t))
        continue;
      count++;
      if (order->after_key != NULL)
        {
          int c = compare_with_order (&lo, i, order, after_time);

          if (order->descending ? c >= 0 : c <= 0)
            continue;
        }
      if (limit == 0)
        continue;
      if (len < limit)
        heap_push (&lo, heap, len++, i);
      else if (list_before (&lo, i, heap[0]))
        {
          heap[0] = i;
          heap_sift_down (&lo, heap, len, 0);
        }
    }

  g_qsort_with_data (heap, len, sizeof (guint), list_compare, &lo);
  for (guint k = 0; k < len; k++)
    g_array_append_val (ids, entry_at (cache, heap[k])->id);
  return count;
}

/**
 * vt_search_cache_query:
 * @terms: the search terms (at least one)
 * @initials: whether the terms are Korean initial consonants
 * @filter: (nullable): the suppliers to consider
 * @order: the sort and the cursor
 * @limit: how many to give at most
 * @count_cap: with the name sort, matches are counted up to this many and
 *   one more; with another sort every match is passed anyway and counted
 * @exact: (out): whether the count is exact (else it is @count_cap, a floor)
 * @ids: (out caller-allocates): receives the gint64 ids of the page, in
 *   the order of the list
 *
 * A page of a search, filtered and sorted as the list asks, from one pass
 * over the keys. Without terms every supplier matches. The visit sorts
 * need vt_search_cache_has_visits(), a @now and a cursor time in the
 * store's form; without them nothing is found.
 *
 * Returns: how many suppliers match in all (not only after the cursor),
 *   or @count_cap
 */
guint64
vt_search_cache_query (VtSearchCache              *cache,
                       const char                **terms,
                       gboolean                    initials,
                       const VtSearchCacheFilter  *filter,
                       const VtSearchCacheOrder   *order,
                       guint                       limit,
                       guint                       count_cap,
                       gboolean                   *exact,
                       GArray                     *ids)
{
  Terms t;
  guint64 total = 0;
  gint64 now = 0, after_time = NO_VISIT;

  if (order->sort == VT_SEARCH_CACHE_SORT_LAST_VISIT || order->sort == VT_SEARCH_CACHE_SORT_NEXT_VISIT)
    {
      *exact = TRUE;
      g_return_val_if_fail (cache->visits_ready, 0);
      if (!vt_search_cache_parse_time (order->now, &now))
        g_return_val_if_reached (0);
      if (order->after_key != NULL && order->after_text != NULL && order->after_text[0] != '\0'
          && !vt_search_cache_parse_time (order->after_text, &after_time))
        g_return_val_if_reached (0);
    }

  terms_init (&t, terms, initials);
  terms_set_filter (&t, cache, filter);
  *exact = TRUE;
  if (t.impossible)
    ;
  else if (order->sort == VT_SEARCH_CACHE_SORT_NAME)
    total = page_by_name (cache, &t, order->after_key, order->after_key_len, order->after_uuid,
                          order->descending, limit, count_cap, exact, ids);
  else
    total = page_sorted (cache, &t, order, now, after_time, limit, ids);
  g_free (t.lens);
  return total;
}

/**
 * vt_search_cache_collect:
 * @max: the most ids the caller wants
 * @ids: (out caller-allocates): receives the gint64 ids of every match
 *
 * Returns: %FALSE if more than @max suppliers match (@ids is then left
 *   empty)
 */
gboolean
vt_search_cache_collect (VtSearchCache  *cache,
                         const char    **terms,
                         gboolean        initials,
                         guint           max,
                         GArray         *ids)
{
  Terms t;

  terms_init (&t, terms, initials);
  for (guint i = 0; i < cache->entries->len; i++)
    if (entry_matches (cache, i, &t))
      {
        if (ids->len == max)
          {
            g_array_set_size (ids, 0);
            g_free (t.lens);
            return FALSE;
          }
        g_array_append_val (ids, entry_at (cache, i)->id);
      }
  g_free (t.lens);
  return TRUE;
}
