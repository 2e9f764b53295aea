/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import-match.h: saving an import's rows, the same on every backend.
 *
 * Both backends match an import's rows the same way: the suppliers
 * already saved are read once when the import starts, kept in memory and
 * kept in step with every row the import saves, so that a row costs two
 * hash lookups rather than two queries (or two round trips to a server).
 * A backend gives the few operations that touch its database
 * (VtImportOps); vt_import_run() does the rest, inside the backend's
 * transaction.
 */
#pragma once

#include <gio/gio.h>

#include "vt-import.h"
#include "vt-supplier.h"

G_BEGIN_DECLS

/**
 * VtImportMatch:
 * @id: the supplier's row id (below zero for a row of the batch itself)
 * @uuid: its uuid
 * @tax_code: its tax code, %NULL when it has none
 * @fold: its folded Vietnamese name, %NULL when empty
 */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *tax_code;
  char   *fold;
} VtImportMatch;

typedef struct _VtImportMatcher VtImportMatcher;

VtImportMatcher     *vt_import_matcher_new   (void);
void                 vt_import_matcher_free  (VtImportMatcher *matcher);
void                 vt_import_matcher_add   (VtImportMatcher *matcher,
                                              gint64           id,
                                              const char      *uuid,
                                              const char      *tax_code,
                                              const char      *fold);
void                 vt_import_matcher_note  (VtImportMatcher *matcher,
                                              gint64           id,
                                              VtSupplier      *supplier);
const VtImportMatch *vt_import_matcher_find  (VtImportMatcher *matcher,
                                              VtSupplier      *supplier,
                                              gboolean        *by_tax_code);

/**
 * VtImportOps:
 * @read_matches: adds every saved supplier to the matcher (vt_import_matcher_add())
 * @get_supplier: reads a saved supplier, complete
 * @save: saves a supplier (in a savepoint of its own when @alone, so that
 *   a refused row undoes only itself) and gives its row id
 * @lost: whether the transaction is gone, so that a refused row must
 *   fail the whole import
 */
typedef struct
{
  gboolean    (*read_matches) (gpointer          backend,
                               VtImportMatcher  *matcher,
                               GError          **error);
  VtSupplier *(*get_supplier) (gpointer          backend,
                               const char       *uuid,
                               GError          **error);
  gboolean    (*save)         (gpointer          backend,
                               VtSupplier       *supplier,
                               gboolean          alone,
                               gint64           *id,
                               GError          **error);
  gboolean    (*lost)         (gpointer          backend);
} VtImportOps;

/**
 * VtImportAttempt:
 * @savepoints: whether each row gets a savepoint of its own, so that a
 *   refused row can be undone alone; without, a refused row fails the
 *   attempt (sets @failed_row) and the caller starts again without it
 * @refused: (nullable): rows refused in earlier attempts, batch index + 1
 *   → the database's reason; they are rejected without being tried
 * @failed_row: (out): the batch index of the row refused without a
 *   savepoint, -1 when none
 * @failed_reason: (out) (transfer full): why
 */
typedef struct
{
  gboolean    savepoints;
  GHashTable *refused;
  gint64      failed_row;
  char       *failed_reason;
} VtImportAttempt;

VtImportSummary *vt_import_begin          (VtImportBatch      *batch,
                                           gboolean            all_or_nothing,
                                           GError            **error);
gboolean         vt_import_run            (const VtImportOps  *ops,
                                           gpointer            backend,
                                           VtImportBatch      *batch,
                                           VtDuplicatePolicy   policy,
                                           gboolean            all_or_nothing,
                                           GCancellable       *cancellable,
                                           VtImportSummary    *summary,
                                           GError            **error);
gboolean         vt_import_run_full       (const VtImportOps  *ops,
                                           gpointer            backend,
                                           VtImportBatch      *batch,
                                           VtDuplicatePolicy   policy,
                                           gboolean            all_or_nothing,
                                           GCancellable       *cancellable,
                                           VtImportSummary    *summary,
                                           VtImportAttempt    *attempt,
                                           GError            **error);
VtImportSummary *vt_import_end            (VtImportBatch      *batch,
                                           VtImportSummary    *summary,
                                           gboolean            saved);
VtImportMatches *vt_import_count_matches  (const VtImportOps  *ops,
                                           gpointer            backend,
                                           VtImportBatch      *batch,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtImportMatcher, vt_import_matcher_free)

G_END_DECLS
