/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import-match.c: which saved supplier an imported row repeats. */

#define G_LOG_DOMAIN "vt-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-error.h"
#include "vt-import.h"
#include "vt-import-match.h"
#include "vt-search.h"

/* Each key leads to its suppliers in id order, which is the order the
 * indexes on tax_code and name_vi_fold give, so that the supplier found
 * is the one a query would find. */
struct _VtImportMatcher
{
  GPtrArray  *entries;        /* owns the VtImportMatch */
  GHashTable *by_id;          /* &id → VtImportMatch */
  GHashTable *by_tax_code;    /* tax code → GPtrArray of VtImportMatch */
  GHashTable *by_fold;        /* folded Vietnamese name → GPtrArray of VtImportMatch */
};

static void
match_free (VtImportMatch *e)
{
  g_free (e->uuid);
  g_free (e->tax_code);
  g_free (e->fold);
  g_free (e);
}

VtImportMatcher *
vt_import_matcher_new (void)
{
  VtImportMatcher *m = g_new0 (VtImportMatcher, 1);

  m->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  m->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  m->by_tax_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  m->by_fold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  return m;
}

void
vt_import_matcher_free (VtImportMatcher *m)
{
  if (m == NULL)
    return;
  g_hash_table_unref (m->by_tax_code);
  g_hash_table_unref (m->by_fold);
  g_hash_table_unref (m->by_id);
  g_ptr_array_unref (m->entries);
  g_free (m);
}

static char *
nonempty_dup (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
list_add (GHashTable    *table,
          const char    *key,
          VtImportMatch *e)
{
  GPtrArray *list;
  guint i;

  if (key == NULL)
    return;
  list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), list);
    }
  /* Saved suppliers get growing ids: this is nearly always an append. */
  for (i = list->len; i > 0; i--)
    if (((VtImportMatch *) g_ptr_array_index (list, i - 1))->id < e->id)
      break;
  g_ptr_array_insert (list, i, e);
}

static void
list_remove (GHashTable    *table,
             const char    *key,
             VtImportMatch *e)
{
  GPtrArray *list;

  if (key == NULL || (list = g_hash_table_lookup (table, key)) == NULL)
    return;
  g_ptr_array_remove (list, e);
  if (list->len == 0)
    g_hash_table_remove (table, key);
}

static VtImportMatch *
entry_for (VtImportMatcher *m,
           gint64           id)
{
  VtImportMatch *e = g_hash_table_lookup (m->by_id, &id);

  if (e == NULL)
    {
      e = g_new0 (VtImportMatch, 1);
      e->id = id;
      g_ptr_array_add (m->entries, e);
      g_hash_table_insert (m->by_id, &e->id, e);
    }
  list_remove (m->by_tax_code, e->tax_code, e);
  list_remove (m->by_fold, e->fold, e);
  g_clear_pointer (&e->uuid, g_free);
  g_clear_pointer (&e->tax_code, g_free);
  g_clear_pointer (&e->fold, g_free);
  return e;
}

/**
 * vt_import_matcher_add:
 * @fold: the stored folded Vietnamese name (name_vi_fold)
 *
 * Records a supplier as the database holds it.
 */
void
vt_import_matcher_add (VtImportMatcher *m,
                       gint64           id,
                       const char      *uuid,
                       const char      *tax_code,
                       const char      *fold)
{
  VtImportMatch *e = entry_for (m, id);

  e->uuid = g_strdup (uuid);
  e->tax_code = nonempty_dup (tax_code);
  e->fold = nonempty_dup (fold);
  list_add (m->by_tax_code, e->tax_code, e);
  list_add (m->by_fold, e->fold, e);
}

/**
 * vt_import_matcher_note:
 *
 * Records what @supplier, saved as @id, now holds.
 */
void
vt_import_matcher_note (VtImportMatcher *m,
                        gint64           id,
                        VtSupplier      *s)
{
  g_autofree char *fold = vt_search_fold (s->name_vi);

  vt_import_matcher_add (m, id, s->uuid, s->tax_code, fold);
}

/**
 * vt_import_matcher_find:
 * @by_tax_code: (out): whether the tax code matched, else the name
 *
 * The supplier already saved that @supplier duplicates: the same tax
 * code, or, when either has none, the same folded Vietnamese name.
 *
 * Returns: (nullable) (transfer none): the match
 */
const VtImportMatch *
vt_import_matcher_find (VtImportMatcher *m,
                        VtSupplier      *s,
                        gboolean        *by_tax_code)
{
  g_autofree char *fold = vt_search_fold (s->name_vi);
  gboolean has_tax_code = s->tax_code != NULL && s->tax_code[0] != '\0';
  GPtrArray *list;

  if (has_tax_code && (list = g_hash_table_lookup (m->by_tax_code, s->tax_code)) != NULL)
    {
      *by_tax_code = TRUE;
      return g_ptr_array_index (list, 0);
    }

  *by_tax_code = FALSE;
  if (fold == NULL || *fold == '\0' || (list = g_hash_table_lookup (m->by_fold, fold)) == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      VtImportMatch *e = g_ptr_array_index (list, i);

      if (!has_tax_code || e->tax_code == NULL)
        return e;
    }
  return NULL;
}

#define TAKE_IF(field, member)                                  \
  if (present & (1u << (field)))                                \
    {                                                           \
      g_free (existing->member);                                \
      existing->member = g_strdup (s->member);                  \
    }

/* Copies onto @existing the fields the file gave a value. */
static void
merge_present (VtSupplier *existing,
               VtSupplier *s,
               guint32     present)
{
  TAKE_IF (VT_IMPORT_FIELD_CODE, code);
  TAKE_IF (VT_IMPORT_FIELD_NAME_VI, name_vi);
  TAKE_IF (VT_IMPORT_FIELD_NAME_EN, name_en);
  TAKE_IF (VT_IMPORT_FIELD_NAME_KO, name_ko);
  TAKE_IF (VT_IMPORT_FIELD_TAX_CODE, tax_code);
  TAKE_IF (VT_IMPORT_FIELD_PRODUCTS, products);
  TAKE_IF (VT_IMPORT_FIELD_INDUSTRIAL_ZONE, industrial_zone);
  TAKE_IF (VT_IMPORT_FIELD_ADDRESS, address);
  TAKE_IF (VT_IMPORT_FIELD_NOTES, notes);
  TAKE_IF (VT_IMPORT_FIELD_PROVINCE, province_list);
  TAKE_IF (VT_IMPORT_FIELD_PROVINCE, province_code);
  if (present & (1u << VT_IMPORT_FIELD_SECTOR))
    existing->sector = s->sector;
  if (present & (1u << VT_IMPORT_FIELD_OWNERSHIP))
    existing->ownership = s->ownership;
  if (present & (1u << VT_IMPORT_FIELD_FOUNDED_YEAR))
    existing->founded_year = s->founded_year;
  if (present & (1u << VT_IMPORT_FIELD_EMPLOYEES))
    existing->employees = s->employees;
  if (present & (1u << VT_IMPORT_FIELD_REVENUE))
    existing->revenue_vnd = s->revenue_vnd;
}

#undef TAKE_IF

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const VtImportIssue *ia = *(VtImportIssue * const *) a;
  const VtImportIssue *ib = *(VtImportIssue * const *) b;

  return (ia->line > ib->line) - (ia->line < ib->line);
}

/**
 * vt_import_begin:
 *
 * Before the transaction: refuses a batch with rejected rows when it is
 * all or nothing, else starts the summary with them.
 *
 * Returns: (transfer full) (nullable): the summary to fill
 */
VtImportSummary *
vt_import_begin (VtImportBatch  *batch,
                 gboolean        all_or_nothing,
                 GError        **error)
{
  g_autoptr(VtImportSummary) summary = vt_import_summary_new ();

  if (all_or_nothing && batch->rejected->len > 0)
    {
      VtImportIssue *first = g_ptr_array_index (batch->rejected, 0);

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row was rejected, so nothing was imported. Line %u: %s",
                                "%u rows were rejected, so nothing was imported. Line %u: %s",
                                batch->rejected->len),
                   batch->rejected->len, first->line, first->reason);
      return NULL;
    }

  for (guint i = 0; i < batch->rejected->len; i++)
    {
      VtImportIssue *issue = g_ptr_array_index (batch->rejected, i);

      g_ptr_array_add (summary->issues,
                       vt_import_issue_new (issue->line, issue->name, issue->result, issue->reason));
      summary->rejected++;
    }
  return g_steal_pointer (&summary);
}

/**
 * vt_import_run:
 *
 * Saves the batch's rows, within the backend's transaction: a duplicate
 * (vt_import_matcher_find()) is skipped, updated with the fields the
 * file gave, or saved as new, as @policy says. A row the database
 * refuses fails the whole import when @all_or_nothing, else is counted
 * as rejected.
 */
gboolean
vt_import_run (const VtImportOps  *ops,
               gpointer            backend,
               VtImportBatch      *batch,
               VtDuplicatePolicy   policy,
               gboolean            all_or_nothing,
               GCancellable       *cancellable,
               VtImportSummary    *summary,
               GError            **error)
{
  VtImportAttempt attempt = { !all_or_nothing, NULL, -1, NULL };

  return vt_import_run_full (ops, backend, batch, policy, all_or_nothing, cancellable, summary, &attempt, error);
}

/**
 * vt_import_run_full:
 * @attempt: how rows are saved, and what an earlier attempt learnt
 *
 * As vt_import_run(). A savepoint per row is dear on SQLite (the trigram
 * index writes out what it holds in memory at each one, and each keeps a
 * journal of its own), so a backend may save rows without and, when one
 * is refused, roll back and start again without that row. Counts the
 * progress on @batch.
 */
gboolean
vt_import_run_full (const VtImportOps  *ops,
                    gpointer            backend,
                    VtImportBatch      *batch,
                    VtDuplicatePolicy   policy,
                    gboolean            all_or_nothing,
                    GCancellable       *cancellable,
                    VtImportSummary    *summary,
                    VtImportAttempt    *attempt,
                    GError            **error)
{
  g_autoptr(VtImportMatcher) known = vt_import_matcher_new ();

  attempt->failed_row = -1;
  if (!ops->read_matches (backend, known, error))
    return FALSE;

  for (guint i = 0; i < batch->suppliers->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (batch->suppliers, i);
      guint line = g_array_index (batch->lines, guint, i);
      guint32 present = g_array_index (batch->present, guint32, i);
      g_autoptr(VtSupplier) existing = NULL;
      g_autoptr(GError) row_error = NULL;
      gboolean by_tax_code = FALSE;
      const VtImportMatch *match;
      VtSupplier *saved = s;
      const char *why;
      const char *refused;
      gint64 id = 0;

      if (i % 256 == 0)
        {
          vt_import_batch_set_progress (batch, i);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      if (attempt->refused != NULL
          && (refused = g_hash_table_lookup (attempt->refused, GUINT_TO_POINTER (i + 1))) != NULL)
        {
          summary->rejected++;
          g_ptr_array_add (summary->issues, vt_import_issue_new (line, s->name_vi, VT_IMPORT_RESULT_REJECTED, refused));
          continue;
        }
      match = vt_import_matcher_find (known, s, &by_tax_code);
      why = by_tax_code ? _("A supplier with this tax code is already in the database.")
                        : _("A supplier with this name and no tax code is already in the database.");

      if (match != NULL && policy == VT_DUPLICATE_SKIP)
        {
          summary->skipped++;
          g_ptr_array_add (summary->issues, vt_import_issue_new (line, s->name_vi, VT_IMPORT_RESULT_SKIPPED, why));
          continue;
        }
      if (match != NULL && policy == VT_DUPLICATE_UPDATE)
        {
          existing = ops->get_supplier (backend, match->uuid, error);
          if (existing == NULL)
            return FALSE;
          merge_present (existing, s, present);
          saved = existing;
        }
      /* else new, or a duplicate to import as new */

      if (ops->save (backend, saved, attempt->savepoints, &id, &row_error))
        {
          vt_import_matcher_note (known, id, saved);
          if (saved == existing)
            {
              summary->updated++;
              g_ptr_array_add (summary->issues, vt_import_issue_new (line, s->name_vi, VT_IMPORT_RESULT_UPDATED, why));
            }
          else
            summary->imported++;
          continue;
        }

      /* The database refused the row. */
      if (all_or_nothing || ops->lost (backend))
        {
          g_set_error (error, row_error->domain, row_error->code,
                       /* Translators: %u is a line of the file, %s why it failed. */
                       _("Line %u: %s"), line, row_error->message);
          return FALSE;
        }
      if (!attempt->savepoints)
        {
          /* Part of the row may be written: the caller starts again. */
          attempt->failed_row = i;
          attempt->failed_reason = g_strdup (row_error->message);
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      summary->rejected++;
      g_ptr_array_add (summary->issues,
                       vt_import_issue_new (line, s->name_vi, VT_IMPORT_RESULT_REJECTED, row_error->message));
    }
  vt_import_batch_set_progress (batch, batch->suppliers->len);
  return TRUE;
}

/**
 * vt_import_end:
 * @summary: (transfer full): from vt_import_begin()
 * @saved: whether the transaction was committed
 *
 * Returns: (transfer full) (nullable): the summary in line order, or
 *   %NULL when rolled back (no supplier of the batch is then saved)
 */
VtImportSummary *
vt_import_end (VtImportBatch   *batch,
               VtImportSummary *summary,
               gboolean         saved)
{
  if (!saved)
    {
      for (guint i = 0; i < batch->suppliers->len; i++)
        {
          VtSupplier *s = g_ptr_array_index (batch->suppliers, i);

          g_clear_pointer (&s->uuid, g_free);
          s->version = 0;
        }
      vt_import_summary_unref (summary);
      return NULL;
    }
  g_ptr_array_sort (summary->issues, compare_issues);
  return summary;
}

/**
 * vt_import_count_matches:
 *
 * Counts the rows of @batch that vt_import_run() would treat as
 * duplicates; writes nothing.
 *
 * Returns: (transfer full) (nullable): the counts; free with g_free()
 */
VtImportMatches *
vt_import_count_matches (const VtImportOps  *ops,
                         gpointer            backend,
                         VtImportBatch      *batch,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(VtImportMatcher) known = vt_import_matcher_new ();
  g_autofree VtImportMatches *matches = g_new0 (VtImportMatches, 1);

  if (!ops->read_matches (backend, known, error))
    return NULL;
  for (guint i = 0; i < batch->suppliers->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (batch->suppliers, i);
      gboolean by_tax_code = FALSE;

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (vt_import_matcher_find (known, s, &by_tax_code) == NULL)
        {
          /* As the import would save it: later rows match it. Ids below
           * zero are never a saved supplier's. */
          vt_import_matcher_note (known, -1 - (gint64) i, s);
          continue;
        }
      if (by_tax_code)
        matches->by_tax_code++;
      else
        matches->by_name++;
    }
  return g_steal_pointer (&matches);
}
