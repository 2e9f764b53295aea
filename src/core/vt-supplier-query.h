/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-query.h: what the supplier list asks for, a page at a time.
 *
 * Pages are fetched by keyset: each page hands back a cursor that the next
 * query starts after, so page 2 000 costs what page 1 costs.
 */
#pragma once

#include "vt-boxed.h"
#include "vt-enums.h"
#include "vt-stage.h"

G_BEGIN_DECLS

#define VT_TYPE_SUPPLIER_QUERY (vt_supplier_query_get_type ())
#define VT_TYPE_SUPPLIER_PAGE (vt_supplier_page_get_type ())
#define VT_TYPE_SUPPLIER_CURSOR (vt_supplier_cursor_get_type ())

typedef enum
{
  VT_SUPPLIER_SORT_NAME,
  VT_SUPPLIER_SORT_PROVINCE,
  VT_SUPPLIER_SORT_READINESS,
  VT_SUPPLIER_SORT_UPDATED,
  VT_SUPPLIER_SORT_STAGE,
  VT_SUPPLIER_SORT_SECTOR,
  VT_SUPPLIER_SORT_LAST_VISIT,
  VT_SUPPLIER_SORT_NEXT_VISIT,
} VtSupplierSort;

/**
 * VtSupplierQuery:
 * @text: (nullable): free text; folded, every word must match; a query of
 *   Korean consonants only (ㅎㄷ) matches initial consonants
 * @round_id: 0 for any round
 * @stage: a VtStage, or -1 for any
 * @sector: a VtSector, or -1 for any
 * @province_code: (nullable): a code of the 2025 list; suppliers recorded
 *   with a pre-2025 province that became part of it match too
 * @certification: (nullable): a standard, e.g. "IATF 16949"
 * @page_size: rows per page, 1-1000
 * @after: (nullable): the cursor of the previous page
 *
 * Within equal sort values rows are ordered by name (ICU collation), then
 * by UUID, so every row has one place.
 */
struct _VtSupplierQuery
{
  char             *text;
  gint64            round_id;
  int               stage;
  int               sector;
  char             *province_code;
  char             *certification;
  VtSupplierSort    sort;
  gboolean          descending;
  guint             page_size;
  VtSupplierCursor *after;
};

/**
 * VtSupplierPage:
 * @items: (element-type VtSupplierSummary): the rows
 * @total: how many suppliers match, over all pages; when @total_exact is
 *   %FALSE, at least this many (a search matching very many suppliers is
 *   counted up to 1 000: show it as "1 000+")
 * @next: (nullable): pass as @after for the next page; %NULL on the last
 */
struct _VtSupplierPage
{
  GPtrArray        *items;
  guint64           total;
  gboolean          total_exact;
  VtSupplierCursor *next;
};

/*< private >*/
/* Where a page ended: the sort value, the name sort key and the UUID of
 * its last row. Opaque to callers. */
struct _VtSupplierCursor
{
  GVariant *value;              /* NULL when sorting by name */
  GBytes   *sort_key;
  char     *uuid;
};

GType             vt_supplier_query_get_type  (void) G_GNUC_CONST;
VtSupplierQuery  *vt_supplier_query_new       (void);
VtSupplierQuery  *vt_supplier_query_copy      (const VtSupplierQuery  *query);
void              vt_supplier_query_free      (VtSupplierQuery        *query);
void              vt_supplier_query_set_after (VtSupplierQuery        *query,
                                               const VtSupplierCursor *cursor);

GType             vt_supplier_cursor_get_type (void) G_GNUC_CONST;
VtSupplierCursor *vt_supplier_cursor_copy     (const VtSupplierCursor *cursor);
void              vt_supplier_cursor_free     (VtSupplierCursor       *cursor);

VT_DECLARE_RC_BOXED (VtSupplierPage, vt_supplier_page)
VtSupplierPage   *vt_supplier_page_new        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSupplierQuery, vt_supplier_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtSupplierCursor, vt_supplier_cursor_free)

G_END_DECLS
