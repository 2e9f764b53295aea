/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-supplier-query.c: supplier list queries and pages. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-supplier-query.h"

VtSupplierQuery *
vt_supplier_query_new (void)
{
  VtSupplierQuery *query = g_new0 (VtSupplierQuery, 1);

  query->stage = -1;
  query->sector = -1;
  query->sort = VT_SUPPLIER_SORT_NAME;
  query->page_size = 50;
  return query;
}

VtSupplierQuery *
vt_supplier_query_copy (const VtSupplierQuery *query)
{
  VtSupplierQuery *copy = g_new0 (VtSupplierQuery, 1);

  *copy = *query;
  copy->text = g_strdup (query->text);
  copy->province_code = g_strdup (query->province_code);
  copy->certification = g_strdup (query->certification);
  copy->after = query->after ? vt_supplier_cursor_copy (query->after) : NULL;
  return copy;
}

void
vt_supplier_query_free (VtSupplierQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->province_code);
  g_free (query->certification);
  g_clear_pointer (&query->after, vt_supplier_cursor_free);
  g_free (query);
}

void
vt_supplier_query_set_after (VtSupplierQuery        *query,
                             const VtSupplierCursor *cursor)
{
  g_clear_pointer (&query->after, vt_supplier_cursor_free);
  if (cursor)
    query->after = vt_supplier_cursor_copy (cursor);
}

G_DEFINE_BOXED_TYPE (VtSupplierQuery, vt_supplier_query, vt_supplier_query_copy, vt_supplier_query_free)

VtSupplierCursor *
vt_supplier_cursor_copy (const VtSupplierCursor *cursor)
{
  VtSupplierCursor *copy = g_new0 (VtSupplierCursor, 1);

  copy->value = cursor->value ? g_variant_ref (cursor->value) : NULL;
  copy->sort_key = g_bytes_ref (cursor->sort_key);
  copy->uuid = g_strdup (cursor->uuid);
  return copy;
}

void
vt_supplier_cursor_free (VtSupplierCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_clear_pointer (&cursor->value, g_variant_unref);
  g_clear_pointer (&cursor->sort_key, g_bytes_unref);
  g_free (cursor->uuid);
  g_free (cursor);
}

G_DEFINE_BOXED_TYPE (VtSupplierCursor, vt_supplier_cursor, vt_supplier_cursor_copy, vt_supplier_cursor_free)

static void
vt_supplier_page_clear (VtSupplierPage *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next, vt_supplier_cursor_free);
}

VT_DEFINE_RC_BOXED (VtSupplierPage, vt_supplier_page, vt_supplier_page_clear)

VtSupplierPage *
vt_supplier_page_new (void)
{
  VtSupplierPage *page = g_rc_box_new0 (VtSupplierPage);

  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  return page;
}
