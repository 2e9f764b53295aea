/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-supplier-model"

#include "config.h"

#include "vt-supplier-model.h"
#include "vt-supplier-query.h"
#include "vt-supplier-row.h"
#include "vt-supplier-summary.h"

/* A GListModel of VtSupplierRow that asks the store for one page at a
 * time, by keyset, as the list is scrolled towards its end. A new query
 * keeps the old rows on screen until its first page arrives, so typing in
 * the search entry never flashes an empty list.
 *
 * The answer to a new question goes into the rows the view already has,
 * place by place (see vt-supplier-row.c): the model says only that rows
 * were added or removed at the end, so the view keeps its row widgets and
 * changes their text, and "replaced" says that the rows hold other
 * suppliers now. */

#define PAGE_SIZE 200

struct _VtSupplierModel
{
  GObject           parent_instance;

  VtStore          *store;
  /* The filters, sort and text of every page; the model sets the page
   * size and the cursor. */
  VtSupplierQuery  *query;
  GPtrArray        *items;         /* VtSupplierSummary */
  /* The rows handed out and still held by someone (the view), by place;
   * not owned: a row leaves when its last holder lets go. */
  GHashTable       *rows;
  VtSupplierCursor *next;
  guint64           total;
  gboolean          total_exact;
  GCancellable     *cancellable;
  GHashTable       *hidden;        /* uuids deleted with Undo still possible */
  /* A refresh reads the rows already loaded again, page by page, into
   * here before it changes the model once. */
  GPtrArray        *fresh;
  guint             fresh_hidden;
  guint             loading : 1;
  guint             fetch_pending : 1;
};

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark position_quark;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtSupplierModel, vt_supplier_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void fetch (VtSupplierModel *self,
                   gboolean         first_page);

static GType
get_item_type (GListModel *model)
{
  return VT_TYPE_SUPPLIER_ROW;
}

/* Rows ------------------------------------------------------------------- */

static guint
row_position (VtSupplierRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), position_quark)) - 1;
}

static void
set_row_position (VtSupplierRow *row,
                  guint          position)
{
  g_object_set_qdata (G_OBJECT (row), position_quark, GUINT_TO_POINTER (position + 1));
}

static void
row_gone (gpointer  data,
          GObject  *where_the_object_was)
{
  VtSupplierModel *self = data;
  gpointer key = GUINT_TO_POINTER (row_position ((VtSupplierRow *) where_the_object_was));

  if (g_hash_table_lookup (self->rows, key) == where_the_object_was)
    g_hash_table_remove (self->rows, key);
}

static void
forget_row (VtSupplierModel *self,
            VtSupplierRow   *row)
{
  g_object_weak_unref (G_OBJECT (row), row_gone, self);
}

/* The rows at @position and after it move by @removed rows out and
 * @added rows in: the removed ones are forgotten (the view lets go of
 * them), the others change place. */
static void
splice_rows (VtSupplierModel *self,
             guint            position,
             guint            removed,
             guint            added)
{
  GHashTable *moved;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (self->rows) == 0 || (removed == 0 && added == 0))
    return;

  moved = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint p = GPOINTER_TO_UINT (key);

      if (p < position)
        continue;
      g_hash_table_iter_remove (&iter);
      if (p < position + removed)
        forget_row (self, value);
      else
        g_hash_table_insert (moved, GUINT_TO_POINTER (p - removed + added), value);
    }
  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      set_row_position (value, GPOINTER_TO_UINT (key));
      g_hash_table_insert (self->rows, key, value);
    }
  g_hash_table_unref (moved);
}

/* Tells the view about a change of the items, and moves the rows. */
static void
items_changed (VtSupplierModel *self,
               guint            position,
               guint            removed,
               guint            added)
{
  splice_rows (self, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* The row at @position now holds the supplier of the item there. */
static void
update_row (VtSupplierModel *self,
            guint            position)
{
  VtSupplierRow *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));

  if (row != NULL)
    vt_supplier_row_set_summary (row, g_ptr_array_index (self->items, position));
}

static guint
get_n_items (GListModel *model)
{
  return VT_SUPPLIER_MODEL (model)->items->len;
}

static gboolean
fetch_next_idle (gpointer user_data)
{
  VtSupplierModel *self = user_data;

  self->fetch_pending = FALSE;
  if (!self->loading && self->next != NULL)
    fetch (self, FALSE);

  return G_SOURCE_REMOVE;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VtSupplierModel *self = VT_SUPPLIER_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  /* The view asks for rows near the end: fetch the next page before the
   * user gets there. Not from inside get_item, which must not change the
   * model while the view reads it. */
  if (self->next != NULL && !self->loading && !self->fetch_pending &&
      position + PAGE_SIZE / 2 >= self->items->len)
    {
      self->fetch_pending = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, fetch_next_idle, g_object_ref (self), g_object_unref);
    }

  {
    VtSupplierRow *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));

    if (row != NULL)
      return g_object_ref (row);
    row = vt_supplier_row_new (g_ptr_array_index (self->items, position));
    set_row_position (row, position);
    g_object_weak_ref (G_OBJECT (row), row_gone, self);
    g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
    return row;
  }
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_loading (VtSupplierModel *self,
             gboolean         loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef enum
{
  FETCH_NEXT,
  FETCH_FIRST,
  FETCH_REFRESH,
} FetchKind;

typedef struct
{
  VtSupplierModel *self;
  FetchKind        kind;
} FetchData;

static void fetch_page (VtSupplierModel        *self,
                        FetchKind               kind,
                        const VtSupplierCursor *after);

static gboolean
same_uuid (VtSupplierSummary *a,
           VtSupplierSummary *b)
{
  return g_strcmp0 (vt_supplier_summary_get_uuid (a), vt_supplier_summary_get_uuid (b)) == 0;
}

/* Row @i of the model and row @j of a refresh are the same supplier: keep
 * the old object when nothing shown changed, else put in the new one (in
 * the same row, so that it stays selected). */
static void
refresh_row (VtSupplierModel *self,
             GPtrArray       *fresh,
             guint            i,
             guint            j)
{
  VtSupplierSummary *old_item = g_ptr_array_index (self->items, i);
  VtSupplierSummary *new_item = g_ptr_array_index (fresh, j);

  if (vt_supplier_summary_get_version (old_item) == vt_supplier_summary_get_version (new_item)
      && vt_supplier_summary_get_stage (old_item) == vt_supplier_summary_get_stage (new_item)
      && vt_supplier_summary_get_readiness (old_item) == vt_supplier_summary_get_readiness (new_item))
    {
      g_ptr_array_index (fresh, j) = g_object_ref (old_item);
      g_object_unref (new_item);
      return;
    }
  g_ptr_array_index (self->items, i) = g_object_ref (new_item);
  g_object_unref (old_item);
  update_row (self, i);
}

/* Puts the rows of a refresh in place of the loaded ones, telling the
 * view only about what differs: the rows before and after the first and
 * last difference keep their place, so the view keeps its scroll position,
 * and rows that did not change keep their object, so they stay selected. */
static void
apply_refresh (VtSupplierModel *self,
               GPtrArray       *fresh)
{
  guint old_len = self->items->len;
  guint new_len = fresh->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len
         && same_uuid (g_ptr_array_index (self->items, prefix), g_ptr_array_index (fresh, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && same_uuid (g_ptr_array_index (self->items, old_len - 1 - suffix),
                       g_ptr_array_index (fresh, new_len - 1 - suffix)))
    suffix++;

  /* The rows that stayed where they were but were edited. */
  for (guint i = 0; i < prefix; i++)
    refresh_row (self, fresh, i, i);
  for (guint i = old_len - suffix; i < old_len; i++)
    refresh_row (self, fresh, i, i - old_len + new_len);

  if (prefix + suffix < old_len || prefix + suffix < new_len)
    {
      guint removed = old_len - prefix - suffix;
      guint added = new_len - prefix - suffix;
      GPtrArray *items = g_ptr_array_new_full (new_len, g_object_unref);

      for (guint k = 0; k < prefix; k++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, k)));
      for (guint k = prefix; k < prefix + added; k++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (fresh, k)));
      for (guint k = old_len - suffix; k < old_len; k++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, k)));
      g_ptr_array_unref (self->items);
      self->items = items;
      items_changed (self, prefix, removed, added);
    }
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchData *data = user_data;
  g_autoptr(VtSupplierModel) self = data->self;
  FetchKind kind = data->kind;
  gboolean first_page = kind == FETCH_FIRST;
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;
  guint old_len, added = 0;
  guint64 total;

  g_free (data);

  page = vt_store_query_suppliers_finish (VT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page == NULL)
    {
      set_loading (self, FALSE);
      g_ptr_array_set_size (self->fresh, 0);
      g_warning ("Could not list suppliers: %s", error->message);
      return;
    }

  total = page->total;

  if (kind == FETCH_REFRESH)
    {
      for (guint i = 0; i < page->items->len; i++)
        {
          VtSupplierSummary *item = g_ptr_array_index (page->items, i);

          if (g_hash_table_contains (self->hidden, vt_supplier_summary_get_uuid (item)))
            self->fresh_hidden++;
          else
            g_ptr_array_add (self->fresh, g_object_ref (item));
        }
      /* Read on until the rows on screen are all read again. */
      if (page->next != NULL && self->fresh->len < self->items->len)
        {
          fetch_page (self, FETCH_REFRESH, page->next);
          return;
        }
      g_clear_pointer (&self->next, vt_supplier_cursor_free);
      if (page->next != NULL)
        self->next = vt_supplier_cursor_copy (page->next);
      total = total > self->fresh_hidden ? total - self->fresh_hidden : 0;
      apply_refresh (self, self->fresh);
      g_ptr_array_set_size (self->fresh, 0);
      self->fresh_hidden = 0;
      set_loading (self, FALSE);
      if (self->total != total || self->total_exact != page->total_exact)
        {
          self->total = total;
          self->total_exact = page->total_exact;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
        }
      return;
    }

  g_clear_pointer (&self->next, vt_supplier_cursor_free);
  if (page->next != NULL)
    self->next = vt_supplier_cursor_copy (page->next);

  old_len = self->items->len;
  set_loading (self, FALSE);

  if (first_page)
    {
      GPtrArray *old_items = self->items;

      self->items = g_ptr_array_new_full (page->items->len, g_object_unref);
      g_clear_pointer (&old_items, g_ptr_array_unref);
    }
  for (guint i = 0; i < page->items->len; i++)
    {
      VtSupplierSummary *item = g_ptr_array_index (page->items, i);

      if (g_hash_table_contains (self->hidden, vt_supplier_summary_get_uuid (item)))
        {
          total = total > 0 ? total - 1 : 0;
          continue;
        }
      g_ptr_array_add (self->items, g_object_ref (item));
      added++;
    }
  if (first_page)
    {
      /* The rows in both lists take their new supplier; the view is told
       * only about rows added or removed after them. */
      guint kept = MIN (old_len, added);

      for (guint i = 0; i < kept; i++)
        update_row (self, i);
      if (old_len != added)
        items_changed (self, kept, old_len - kept, added - kept);
      g_signal_emit (self, signals[SIGNAL_REPLACED], 0);
    }
  else
    items_changed (self, old_len, 0, added);

  if (!first_page)
    total = MIN (total, self->total);
  if (self->total != total || self->total_exact != page->total_exact)
    {
      self->total = total;
      self->total_exact = page->total_exact;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
}

static void
fetch_page (VtSupplierModel        *self,
            FetchKind               kind,
            const VtSupplierCursor *after)
{
  g_autoptr(VtSupplierQuery) query = NULL;
  FetchData *data;

  query = vt_supplier_query_copy (self->query);
  query->page_size = PAGE_SIZE;
  vt_supplier_query_set_after (query, after);

  data = g_new0 (FetchData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;

  set_loading (self, TRUE);
  vt_store_query_suppliers_async (self->store, query, self->cancellable, fetched_cb, data);
}

/* A new question makes the answer to the old one useless. */
static void
restart (VtSupplierModel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->next, vt_supplier_cursor_free);
  g_ptr_array_set_size (self->fresh, 0);
  self->fresh_hidden = 0;
}

static void
fetch (VtSupplierModel *self,
       gboolean         first_page)
{
  if (self->store == NULL)
    return;

  if (first_page)
    restart (self);
  fetch_page (self, first_page ? FETCH_FIRST : FETCH_NEXT, first_page ? NULL : self->next);
}

VtSupplierModel *
vt_supplier_model_new (void)
{
  return g_object_new (VT_TYPE_SUPPLIER_MODEL, NULL);
}

void
vt_supplier_model_set_store (VtSupplierModel *self,
                             VtStore         *store)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  vt_supplier_model_reload (self);
}

void
vt_supplier_model_set_text (VtSupplierModel *self,
                            const char      *text)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (self->query->text, text) == 0)
    return;

  g_free (self->query->text);
  self->query->text = g_strdup (text);
  vt_supplier_model_reload (self);
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/**
 * vt_supplier_model_set_filter:
 * @filter: the round, stage, sector, province and certification to list;
 *   its other fields are ignored
 */
void
vt_supplier_model_set_filter (VtSupplierModel       *self,
                              const VtSupplierQuery *filter)
{
  VtSupplierQuery *q;

  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));
  g_return_if_fail (filter != NULL);

  q = self->query;
  if (q->round_id == filter->round_id && q->stage == filter->stage && q->sector == filter->sector
      && str_equal0 (q->province_code, filter->province_code)
      && str_equal0 (q->certification, filter->certification))
    return;

  q->round_id = filter->round_id;
  q->stage = filter->stage;
  q->sector = filter->sector;
  g_free (q->province_code);
  q->province_code = g_strdup (filter->province_code);
  g_free (q->certification);
  q->certification = g_strdup (filter->certification);
  vt_supplier_model_reload (self);
}

void
vt_supplier_model_set_sort (VtSupplierModel *self,
                            VtSupplierSort   sort,
                            gboolean         descending)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));

  if (self->query->sort == sort && self->query->descending == !!descending)
    return;

  self->query->sort = sort;
  self->query->descending = !!descending;
  vt_supplier_model_reload (self);
}

void
vt_supplier_model_reload (VtSupplierModel *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));

  if (self->store == NULL)
    {
      guint old_len = self->items->len;

      g_ptr_array_set_size (self->items, 0);
      items_changed (self, 0, old_len, 0);
      g_signal_emit (self, signals[SIGNAL_REPLACED], 0);
      return;
    }

  fetch (self, TRUE);
}

/**
 * vt_supplier_model_refresh:
 *
 * Reads the same question again after suppliers changed, and changes only
 * the rows that differ, so that a view keeps its scroll position and its
 * selection.
 */
void
vt_supplier_model_refresh (VtSupplierModel *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));

  if (self->store == NULL || self->items->len == 0)
    {
      vt_supplier_model_reload (self);
      return;
    }

  restart (self);
  fetch_page (self, FETCH_REFRESH, NULL);
}

/**
 * vt_supplier_model_set_hidden:
 *
 * Leaves a supplier out while its deletion can still be undone; showing it
 * again asks the store afresh.
 */
void
vt_supplier_model_set_hidden (VtSupplierModel *self,
                              const char      *uuid,
                              gboolean         hidden)
{
  g_return_if_fail (VT_IS_SUPPLIER_MODEL (self));
  g_return_if_fail (uuid != NULL);

  if (!hidden)
    {
      if (g_hash_table_remove (self->hidden, uuid))
        vt_supplier_model_reload (self);
      return;
    }

  g_hash_table_add (self->hidden, g_strdup (uuid));
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (vt_supplier_summary_get_uuid (g_ptr_array_index (self->items, i)), uuid) == 0)
      {
        g_ptr_array_remove_index (self->items, i);
        items_changed (self, i, 1, 0);
        if (self->total > 0)
          {
            self->total--;
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
          }
        break;
      }
}

/* What the list shows: its search, filters and order. */
const VtSupplierQuery *
vt_supplier_model_get_query (VtSupplierModel *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_MODEL (self), NULL);

  return self->query;
}

guint64
vt_supplier_model_get_total (VtSupplierModel *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_MODEL (self), 0);

  return self->total;
}

/* Whether the total is the exact count, or only a floor: a broad search
 * stops counting at a cap so that each keystroke stays fast. */
gboolean
vt_supplier_model_get_total_exact (VtSupplierModel *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_MODEL (self), TRUE);

  return self->total_exact;
}

gboolean
vt_supplier_model_get_loading (VtSupplierModel *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_MODEL (self), FALSE);

  return self->loading;
}

static void
vt_supplier_model_dispose (GObject *object)
{
  VtSupplierModel *self = VT_SUPPLIER_MODEL (object);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      forget_row (self, row);
      g_hash_table_iter_remove (&iter);
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vt_supplier_model_parent_class)->dispose (object);
}

static void
vt_supplier_model_finalize (GObject *object)
{
  VtSupplierModel *self = VT_SUPPLIER_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->next, vt_supplier_cursor_free);
  g_clear_pointer (&self->query, vt_supplier_query_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->fresh, g_ptr_array_unref);

  G_OBJECT_CLASS (vt_supplier_model_parent_class)->finalize (object);
}

static void
vt_supplier_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VtSupplierModel *self = VT_SUPPLIER_MODEL (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_uint64 (value, self->total);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_model_class_init (VtSupplierModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vt_supplier_model_dispose;
  object_class->finalize = vt_supplier_model_finalize;
  object_class->get_property = vt_supplier_model_get_property;

  properties[PROP_TOTAL] =
    g_param_spec_uint64 ("total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VtSupplierModel::replaced:
   *
   * The rows hold the answer to a new question now (a search, filter,
   * sort or reload), in the rows that were there before as far as they
   * go: what was selected is no longer the same supplier.
   */
  signals[SIGNAL_REPLACED] =
    g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  position_quark = g_quark_from_static_string ("vt-supplier-model-position");
}

static void
vt_supplier_model_init (VtSupplierModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_hash_table_new (NULL, NULL);
  self->fresh = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->query = vt_supplier_query_new ();
  self->cancellable = g_cancellable_new ();
  self->total_exact = TRUE;
}
