/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-supplier-model.c: the supplier list's model puts a new answer into
 * the rows the view holds, tells the view only about rows added or
 * removed at the end, and keeps its rows in step when rows go. */

#include "config.h"

#include "vt-supplier-model.h"
#include "vt-supplier-row.h"
#include "vt-supplier-summary.h"
#include "../core/vt-test-util.h"

typedef struct
{
  Fixture          files;
  VtStore         *store;
  VtSupplierModel *model;
  GString         *changes;     /* "position,removed,added;" per items-changed */
  guint            replaced;
} ModelFixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ModelFixture *f)
{
  g_string_append_printf (f->changes, "%u,%u,%u;", position, removed, added);
}

static void
on_replaced (VtSupplierModel *model,
             ModelFixture    *f)
{
  f->replaced++;
}

/* Runs the main loop until the model has an answer. */
static void
wait_loaded (ModelFixture *f)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  do
    g_main_context_iteration (NULL, TRUE);
  while (vt_supplier_model_get_loading (f->model) && g_get_monotonic_time () < end);
  g_assert_false (vt_supplier_model_get_loading (f->model));
}

static void
model_set_up (ModelFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f->files, data);
  f->store = open_new_store (&f->files);
  g_assert_true (vt_store_load_sample_data_sync (f->store, NULL, &error));
  g_assert_no_error (error);

  f->changes = g_string_new (NULL);
  f->model = vt_supplier_model_new ();
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
  g_signal_connect (f->model, "replaced", G_CALLBACK (on_replaced), f);
  vt_supplier_model_set_store (f->model, f->store);
  wait_loaded (f);
}

static void
model_tear_down (ModelFixture  *f,
                 gconstpointer  data)
{
  g_assert_finalize_object (f->model);
  g_clear_object (&f->store);
  g_string_free (f->changes, TRUE);
  fixture_tear_down (&f->files, data);
}

/* The uuids the store gives for @text, in the list's order. */
static GPtrArray *
store_answer (ModelFixture *f,
              const char *text)
{
  g_autoptr(VtSupplierQuery) q = vt_supplier_query_new ();
  g_autoptr(VtSupplierPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  q->text = g_strdup (text);
  q->page_size = 1000;
  page = vt_store_query_suppliers_sync (f->store, q, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    g_ptr_array_add (uuids, g_strdup (vt_supplier_summary_get_uuid (g_ptr_array_index (page->items, i))));
  return uuids;
}

static const char *
row_uuid (VtSupplierRow *row)
{
  return vt_supplier_summary_get_uuid (vt_supplier_row_get_summary (row));
}

/* Every row the model gives shows the store's answer, in order. */
static void
assert_rows_are (ModelFixture *f,
                 GPtrArray *uuids)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, uuids->len);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(VtSupplierRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_assert_cmpstr (row_uuid (row), ==, g_ptr_array_index (uuids, i));
    }
}

static void
test_replaced_in_place (ModelFixture  *f,
                        gconstpointer  data)
{
  static const char * const searches[] = { "co khi", "dien tu", "nhua", "ha noi", "hai phong", "viet" };
  g_autoptr(GPtrArray) all = store_answer (f, NULL);
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *expected = NULL;
  const char *text = NULL;

  /* Sample data: the round of 40, and a search that finds some. */
  g_assert_cmpuint (all->len, ==, 40);
  for (guint i = 0; i < G_N_ELEMENTS (searches) && text == NULL; i++)
    {
      g_clear_pointer (&some, g_ptr_array_unref);
      some = store_answer (f, searches[i]);
      if (some->len > 2 && some->len < all->len)
        text = searches[i];
    }
  g_assert_nonnull (text);
  g_assert_cmpuint (some->len, >, 2);
  g_assert_cmpuint (some->len, <, all->len);
  assert_rows_are (f, all);

  /* The view holds the rows it shows. */
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (f->model), i));
  g_string_truncate (f->changes, 0);
  f->replaced = 0;

  vt_supplier_model_set_text (f->model, text);
  wait_loaded (f);
  /* Only the rows past the shorter list were removed; the others took
   * their new supplier in place. */
  expected = g_strdup_printf ("%u,%u,0;", some->len, all->len - some->len);
  g_assert_cmpstr (f->changes->str, ==, expected);
  g_assert_cmpuint (f->replaced, ==, 1);
  for (guint i = 0; i < some->len; i++)
    {
      g_autoptr(VtSupplierRow) row = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_assert_true (row == g_ptr_array_index (held, i));
      g_assert_cmpstr (row_uuid (row), ==, g_ptr_array_index (some, i));
    }
  assert_rows_are (f, some);

  /* Back to every supplier: the rows come back at the end. */
  g_string_truncate (f->changes, 0);
  vt_supplier_model_set_text (f->model, NULL);
  wait_loaded (f);
  g_free (expected);
  expected = g_strdup_printf ("%u,0,%u;", some->len, all->len - some->len);
  g_assert_cmpstr (f->changes->str, ==, expected);
  assert_rows_are (f, all);
  {
    g_autoptr(VtSupplierRow) first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

    g_assert_true (first == g_ptr_array_index (held, 0));
  }
}

static void
test_rows_follow_removal (ModelFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) all = store_answer (f, NULL);
  g_autoptr(VtSupplierRow) third = g_list_model_get_item (G_LIST_MODEL (f->model), 3);
  g_autoptr(VtSupplierRow) fifth = g_list_model_get_item (G_LIST_MODEL (f->model), 5);
  VtSupplierRow *dropped = g_list_model_get_item (G_LIST_MODEL (f->model), 7);

  /* A row nobody holds any more is forgotten, and made again if asked. */
  g_assert_finalize_object (dropped);
  assert_rows_are (f, all);

  /* Hiding the fourth moves the rows after it up by one. */
  g_string_truncate (f->changes, 0);
  vt_supplier_model_set_hidden (f->model, row_uuid (third), TRUE);
  g_assert_cmpstr (f->changes->str, ==, "3,1,0;");
  g_ptr_array_remove_index (all, 3);
  assert_rows_are (f, all);
  {
    g_autoptr(VtSupplierRow) moved = g_list_model_get_item (G_LIST_MODEL (f->model), 4);

    g_assert_true (moved == fifth);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ui/supplier-model/replaced-in-place", ModelFixture, NULL, model_set_up, test_replaced_in_place,
              model_tear_down);
  g_test_add ("/ui/supplier-model/rows-follow-removal", ModelFixture, NULL, model_set_up, test_rows_follow_removal,
              model_tear_down);
  return g_test_run ();
}
