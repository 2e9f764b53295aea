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
} Entry;

struct _VtSearchCache
{
  GArray  *entries;
  /* Each entry's folded key (and its initials key) followed by a NUL. */
  GString *folds;
  GString *initials;
  /* Sort keys and UUIDs, for finding where a cursor is. */
  GByteArray *keys;
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
  Entry e = { .id = id };
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
       + cache->initials->allocated_len + cache->keys->len;
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
  memset (&t->need, 0, sizeof t->need);
  for (guint i = 0; i < t->n; i++)
    {
      t->lens[i] = strlen (terms[i]);
      if (!initials)
        mask_add_pairs (&t->need, terms[i], t->lens[i]);
    }
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
  guint n = cache->entries->len;
  /* Entries are visited in list order: step k is entry pos(k). The page
   * starts at step @from; the steps before it only count. */
  guint from = 0;
  guint64 count = 0;
  gboolean capped = FALSE;

  terms_init (&t, terms, initials);

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
      if (!entry_matches (cache, POS (k), &t))
        continue;
      if (!capped && ++count > count_cap)
        capped = TRUE;
      if (k >= from && ids->len < limit)
        g_array_append_val (ids, entry_at (cache, POS (k))->id);
    }
#undef POS

  g_free (t.lens);
  *exact = !capped;
  return capped ? count_cap : count;
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
