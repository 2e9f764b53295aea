/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile-input.c: files from elsewhere that are built to hurt.
 *
 * Import files with invalid UTF-8, NUL bytes, a 10 MB field, a million
 * columns and odd quoting; .ics files with the same; names in SQL and
 * formula syntax. Each is either refused with a reason or stored safely:
 * valid UTF-8 without NUL, exactly as given where it was valid, and never
 * run as SQL or as a spreadsheet formula.
 */

#include "config.h"

#include <string.h>

#include "vt-csv.h"
#include "vt-ical.h"
#include "vt-import.h"
#include "vt-test-util.h"

#define ADD(path, func) \
  g_test_add ("/core/hostile-input/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static void
assert_clean_text (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Reads @bytes as an import file and imports what passes the checks.
 * Returns the summary, or NULL with @error set when the file is refused
 * as a whole. Every name that went in is clean text. */
static VtImportSummary *
import_bytes (VtStore     *store,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(VtImportTable) table = vt_import_table_read (bytes, -1, 0, NULL, 0, error);
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(VtImportBatch) batch = NULL;

  if (table == NULL)
    return NULL;
  for (guint i = 0; i < table->header->len; i++)
    assert_clean_text (g_ptr_array_index (table->header, i));
  mapping = vt_import_guess_mapping (table);
  provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  batch = vt_import_batch_new (table, mapping, provinces);
  for (guint i = 0; i < batch->suppliers->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (batch->suppliers, i);

      assert_clean_text (s->name_vi);
      assert_clean_text (s->notes);
    }
  for (guint i = 0; i < batch->rejected->len; i++)
    {
      VtImportIssue *issue = g_ptr_array_index (batch->rejected, i);

      g_assert_nonnull (issue->reason);
      g_assert_cmpuint (strlen (issue->reason), >, 5);
    }
  return vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_NEW, FALSE, NULL, error);
}

static GPtrArray *
all_suppliers (VtStore *store)
{
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *list = vt_store_export_suppliers_sync (store, query, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static VtSupplier *
find_supplier (VtStore    *store,
               const char *prefix)
{
  g_autoptr(GPtrArray) list = all_suppliers (store);

  for (guint i = 0; i < list->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (list, i);

      if (g_str_has_prefix (s->name_vi, prefix))
        return vt_supplier_ref (s);
    }
  return NULL;
}

static void
test_sql_and_formula_names (Fixture       *f,
                            gconstpointer  data)
{
  static const char *const names[] = {
    "Robert'); DROP TABLE suppliers;--",
    "x' OR '1'='1",
    "=HYPERLINK(\"http://example.com\",\"Bấm vào đây\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
  };
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GString) csv = g_string_new ("Tên doanh nghiệp,Ghi chú\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Saved directly... */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (save_test_supplier (store, names[i], names[i]));
  /* ... and through an import. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat ("Nhập ", names[i], NULL);

      vt_csv_append_field (csv, name, ',');
      g_string_append (csv, ",ghi chú\n");
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  summary = import_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, G_N_ELEMENTS (names));

  /* Stored as given, every table still there. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(VtSupplier) s = find_supplier (store, names[i]);
      g_autofree char *imported_name = g_strconcat ("Nhập ", names[i], NULL);
      g_autoptr(VtSupplier) imported = find_supplier (store, imported_name);
      g_autofree char *neutral = vt_csv_neutralize (names[i]);

      g_assert_nonnull (s);
      g_assert_cmpstr (s->name_vi, ==, names[i]);
      g_assert_cmpstr (s->name_ko, ==, names[i]);
      g_assert_nonnull (imported);
      /* On export, text that a spreadsheet would run is made plain. */
      if (strchr ("=+-@", names[i][0]) != NULL)
        {
          g_assert_cmpint (neutral[0], ==, '\'');
          g_assert_cmpstr (neutral + 1, ==, names[i]);
        }
      else
        g_assert_cmpstr (neutral, ==, names[i]);
    }
  {
    g_autoptr(GPtrArray) list = all_suppliers (store);

    g_assert_cmpuint (list->len, ==, 2 * G_N_ELEMENTS (names));
  }
}

static void
test_invalid_utf8_and_nul (Fixture       *f,
                           gconstpointer  data)
{
  static const char file[] =
    "Tên doanh nghiệp,Ghi chú\n"
    "C\xf4ng ty \xff\xfe L\xe1,a\n"          /* not UTF-8 */
    "Công ty\0 Có NUL,b\0c\n"               /* NUL bytes */
    "Công ty Bình Thường,\xc3\n";           /* cut short */
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(VtSupplier) last = NULL;

  /* Whatever the reading, detected or chosen, no row is lost: a NUL once
   * ended the decoded text of a legacy reading early, and the line break
   * with it, so that the last row was read into the one before. */
  for (int encoding = -1; encoding < VT_N_ENCODINGS; encoding++)
    {
      g_autoptr(VtImportTable) table = vt_import_table_read (bytes, encoding, 0, NULL, 0, &error);

      g_assert_no_error (error);
      g_test_message ("reading %d: %u rows, read as %d", encoding, table->rows->len, table->encoding);
      g_assert_cmpuint (table->rows->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          char **row = g_ptr_array_index (table->rows, i);

          g_assert_cmpuint (g_array_index (table->lines, guint, i), ==, i + 2);
          g_assert_cmpuint (g_strv_length (row), ==, 2);
          assert_clean_text (row[0]);
          assert_clean_text (row[1]);
        }
    }

  /* Imported: every row stored as clean text, the damage as U+FFFD. */
  summary = import_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 3);
  list = all_suppliers (store);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (list, i);

      assert_clean_text (s->name_vi);
      assert_clean_text (s->notes);
    }
  last = find_supplier (store, "Công ty Bình Thường");
  g_assert_nonnull (last);
  g_assert_cmpstr (last->notes, ==, "\xEF\xBF\xBD");
}

/* A 10 MB cell: the reader reads over it, keeps 64 KiB, and the row is
 * refused with the reason; the rows around it go in. Bounded work: this
 * runs in every CI run. */
static void
test_ten_megabyte_field (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GString) csv = g_string_new ("Tên doanh nghiệp,Ghi chú\nCông ty Trước Đó,ngắn\nCông ty Ghi Chú Dài,\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(VtSupplier) before = NULL;
  g_autoptr(VtSupplier) after = NULL;
  g_autoptr(VtSupplier) longer = NULL;
  VtImportIssue *issue;
  gsize big = 10 * 1024 * 1024;
  gint64 start = g_get_monotonic_time ();

  for (gsize i = 0; i < big / 10; i++)
    g_string_append (csv, "ghi chú, ");  /* 10 bytes, a comma inside the quotes */
  g_string_append (csv, "\"\nCông ty Sau Đó,ngắn\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));

  summary = import_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 2);
  g_assert_cmpuint (summary->rejected, ==, 1);
  issue = g_ptr_array_index (summary->issues, 0);
  g_assert_cmpuint (issue->line, ==, 3);
  g_assert_cmpstr (issue->name, ==, "Công ty Ghi Chú Dài");
  /* The reason says how long the cell is and how long it may be. */
  {
    g_autofree char *size = g_format_size (big + 9);
    g_autofree char *limit = g_format_size (VT_IMPORT_MAX_CELL_BYTES);

    g_assert_nonnull (strstr (issue->reason, size));
    g_assert_nonnull (strstr (issue->reason, limit));
  }

  /* The rows around it are read as rows of their own, not swallowed. */
  before = find_supplier (store, "Công ty Trước Đó");
  after = find_supplier (store, "Công ty Sau Đó");
  longer = find_supplier (store, "Công ty Ghi Chú Dài");
  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_assert_cmpstr (after->notes, ==, "ngắn");
  g_assert_null (longer);
  /* Seconds on a loaded machine under the sanitizers, not minutes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

/* A million columns in the header: the file is refused at once, with why.
 * A million in a row below a sound header: that row is refused, the others
 * go in. */
static void
test_million_columns (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GString) csv = g_string_new ("Tên doanh nghiệp");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(VtSupplier) narrow = NULL;
  VtImportIssue *issue;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 1000000; i++)
    g_string_append (csv, ",c");
  g_string_append (csv, "\nCông ty Rộng");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (csv, ',');
  g_string_append_c (csv, '\n');
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));

  summary = import_bytes (store, bytes, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "1000001"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  csv = g_string_new ("Tên doanh nghiệp,Ghi chú\nCông ty Rộng");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (csv, ",x");
  g_string_append (csv, "\nCông ty Hẹp,ghi chú\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
  summary = import_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->rejected, ==, 1);
  issue = g_ptr_array_index (summary->issues, 0);
  g_assert_cmpuint (issue->line, ==, 2);
  g_assert_cmpstr (issue->name, ==, "Công ty Rộng");
  g_assert_nonnull (strstr (issue->reason, "1000001"));
  g_assert_nonnull (strstr (issue->reason, "1000"));
  narrow = find_supplier (store, "Công ty Hẹp");
  g_assert_nonnull (narrow);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

static void
test_odd_quoting (Fixture       *f,
                  gconstpointer  data)
{
  static const char file[] =
    "Tên doanh nghiệp,Ghi chú\n"
    "\"Công ty \"\"Sao Mai\"\"\",\"nhiều\ndòng\"\n"
    "Công ty \"Giữa\" Chừng,x\"y\n"
    "\"Công ty Không Đóng,\n";
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtImportSummary) summary = import_bytes (store, bytes, &error);
  g_autoptr(VtSupplier) quoted = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  quoted = find_supplier (store, "Công ty \"Sao Mai\"");
  g_assert_nonnull (quoted);
  g_assert_cmpstr (quoted->notes, ==, "nhiều\ndòng");
}

static void
test_hostile_ics (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n");
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (ics, "BEGIN:VEVENT\r\nUID:big@x\r\nDTSTART:20260310T020000Z\r\nDTEND:20260310T050000Z\r\n"
                        "SUMMARY:=cmd|' /C calc'!A0\r\nDESCRIPTION:");
  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append (ics, "0123456789");
  g_string_append (ics, "\r\nEND:VEVENT\r\n"
                        "BEGIN:VEVENT\r\nUID:bad@x\r\nDTSTART:20260311T020000Z\r\nDTEND:20260311T030000Z\r\n"
                        "SUMMARY:C\xf4ng ty \xff\r\nLOCATION:Robert'); DROP TABLE visits;--\r\nEND:VEVENT\r\n"
                        "BEGIN:VEVENT\r\nDTSTART:99991399T256161\r\nEND:VEVENT\r\n"
                        "END:VCALENDAR\r\n");

  events = vt_ical_parse (ics->str, &error);
  if (events == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr(VtVisit) visit = vt_ical_event_to_visit (g_ptr_array_index (events, i),
                                                         "00000000-0000-4000-8000-000000000000", people);

      if (visit == NULL)
        continue;
      assert_clean_text (visit->place);
      assert_clean_text (visit->purpose);
      assert_clean_text (visit->findings);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("sql-and-formula-names", test_sql_and_formula_names);
  ADD ("invalid-utf8-and-nul", test_invalid_utf8_and_nul);
  ADD ("ten-megabyte-field", test_ten_megabyte_field);
  ADD ("million-columns", test_million_columns);
  ADD ("odd-quoting", test_odd_quoting);
  ADD ("hostile-ics", test_hostile_ics);

  return g_test_run ();
}
