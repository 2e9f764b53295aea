/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-core-test-helper.c: a second process for the safety tests.
 *
 *   vt-core-test-helper write PATH
 *     in a loop through the store's own save paths, saves a supplier,
 *     moves it to the next stage and plans a visit to it, and prints its
 *     UUID on stdout once all three have returned (so they are
 *     committed), until killed
 *   vt-core-test-helper import PATH
 *     in a loop, imports a list of 3 000 new suppliers (large enough for
 *     the bulk path, which sets the indexes aside); prints "begin PID-N"
 *     before import N and "imported PID-N" once it has returned, until
 *     killed
 *   vt-core-test-helper open PATH
 *     opens PATH, tries to read and to save, and prints what happened as
 *     "open=… read-only=… save=…" with the VtStoreError codes
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "vt-import.h"
#include "vt-store.h"

static int
write_loop (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint64 i = 0;; i++)
    {
      g_autoptr(VtSupplier) s = vt_supplier_new ();
      VtContact *contact = vt_contact_new ("Trần", "Văn", "Bình");
      g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 4, 1 + i % 28, 2, 0, 0);
      g_autoptr(GDateTime) end = g_date_time_add_hours (start, 3);
      g_autoptr(VtVisit) visit = NULL;

      s->name_vi = g_strdup_printf ("Công ty Thử nghiệm %" G_GUINT64_FORMAT, i);
      s->products = g_strdup ("Chi tiết cơ khí");
      g_ptr_array_add (s->contacts, contact);

      if (!vt_store_save_supplier_sync (store, s, NULL, &error)
          || !vt_store_move_stage_sync (store, s->uuid, 0, VT_STAGE_APPRAISED, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      visit = vt_visit_new (s->uuid, VT_VISIT_KIND_FIRST, start, end);
      visit->place = g_strdup ("Bắc Ninh");
      if (!vt_store_save_visit_sync (store, visit, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%s\n", s->uuid);
      fflush (stdout);
    }
}

#define IMPORT_ROWS 3000

static int
import_loop (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_autoptr(GPtrArray) provinces = NULL;

  if (store == NULL || (provinces = vt_store_list_provinces_sync (store, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint64 round = 0;; round++)
    {
      g_autoptr(GString) csv = g_string_new ("Tên doanh nghiệp,Tỉnh/thành,Số lao động\n");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VtImportTable) table = NULL;
      g_autoptr(GArray) mapping = NULL;
      g_autoptr(VtImportBatch) batch = NULL;
      g_autoptr(VtImportSummary) summary = NULL;

      for (guint i = 0; i < IMPORT_ROWS; i++)
        g_string_append_printf (csv, "Công ty Nhập %" G_GUINT64_FORMAT "-%u,Bắc Ninh,%u\n", round, i, i);
      bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
      printf ("begin %d-%" G_GUINT64_FORMAT "\n", (int) getpid (), round);
      fflush (stdout);
      table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
      if (table == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      mapping = vt_import_guess_mapping (table);
      batch = vt_import_batch_new (table, mapping, provinces);
      summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_NEW, FALSE, NULL, &error);
      if (summary == NULL || summary->imported != IMPORT_ROWS)
        {
          g_printerr ("%s\n", error ? error->message : "rows missing");
          return 1;
        }
      printf ("imported %d-%" G_GUINT64_FORMAT "\n", (int) getpid (), round);
      fflush (stdout);
    }
}

static int
try_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = vt_store_open_sync (path, VT_STORE_OPEN_NONE, NULL, &error);
  g_autoptr(VtStoreCounts) counts = NULL;
  g_autoptr(VtSupplier) s = vt_supplier_new ();

  if (store == NULL)
    {
      printf ("open=%d\n", error->code);
      return 0;
    }
  counts = vt_store_count_sync (store, NULL, &error);
  s->name_vi = g_strdup ("Công ty Mới");
  printf ("open=ok read-only=%d suppliers=%" G_GUINT64_FORMAT " ",
          vt_store_is_read_only (store), counts ? counts->suppliers : 0);
  g_clear_error (&error);
  if (vt_store_save_supplier_sync (store, s, NULL, &error))
    printf ("save=ok\n");
  else
    printf ("save=%d\n", error->code);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "write"))
    return write_loop (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "import"))
    return import_loop (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return try_open (argv[2]);
  g_printerr ("usage: %s write|import|open PATH\n", argv[0]);
  return 2;
}
