/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: column mapping, row checks, importing through the store
 * with each duplicate policy, all or nothing, export and back, the
 * command line. */

#include "config.h"

#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "vt-command.h"
#include "vt-export.h"
#include "vt-import.h"
#include "vt-test-util.h"
#include "vt-xlsx.h"

#define ADD(path, func) \
  g_test_add ("/core/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static VtStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = vt_store_open_sync (f->path, VT_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static guint64
count_suppliers (VtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStoreCounts) counts = vt_store_count_sync (store, NULL, &error);

  g_assert_no_error (error);
  return counts->suppliers;
}

static GBytes *
load_bytes (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_load_bytes (file, NULL, NULL, error);
}

static VtImportTable *
table_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  VtImportTable *table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);

  g_assert_no_error (error);
  return table;
}

static VtImportBatch *
batch_from_text (VtStore    *store,
                 const char *text)
{
  g_autoptr(VtImportTable) table = table_from_text (text);
  g_autoptr(GArray) mapping = vt_import_guess_mapping (table);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);

  g_assert_nonnull (provinces);
  return vt_import_batch_new (table, mapping, provinces);
}

static VtImportSummary *
import_text (VtStore           *store,
             const char        *text,
             VtDuplicatePolicy  policy)
{
  g_autoptr(VtImportBatch) batch = batch_from_text (store, text);
  g_autoptr(GError) error = NULL;
  VtImportSummary *summary = vt_store_import_suppliers_sync (store, batch, policy, FALSE, NULL, &error);

  g_assert_no_error (error);
  return summary;
}

static VtSupplier *
find_by_tax_code (VtStore    *store,
                  const char *tax_code)
{
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GPtrArray) all = vt_store_export_suppliers_sync (store, query, NULL, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (all, i);

      if (g_strcmp0 (s->tax_code, tax_code) == 0)
        return vt_supplier_ref (s);
    }
  return NULL;
}

/* Pure parts ---------------------------------------------------------------- */

static void
test_guess_headers (void)
{
  struct { const char *header; VtImportField field; } cases[] = {
    { "Tên doanh nghiệp", VT_IMPORT_FIELD_NAME_VI },
    { "TEN DOANH NGHIEP*", VT_IMPORT_FIELD_NAME_VI },
    { "업체명", VT_IMPORT_FIELD_NAME_VI },
    { "Company name", VT_IMPORT_FIELD_NAME_VI },
    { "Mã số thuế", VT_IMPORT_FIELD_TAX_CODE },
    { "MST", VT_IMPORT_FIELD_TAX_CODE },
    { "사업자번호", VT_IMPORT_FIELD_TAX_CODE },
    { "Tax code:", VT_IMPORT_FIELD_TAX_CODE },
    { "Tỉnh/thành", VT_IMPORT_FIELD_PROVINCE },
    { "성", VT_IMPORT_FIELD_PROVINCE },
    { "Province", VT_IMPORT_FIELD_PROVINCE },
    { "Doanh thu (VNĐ)", VT_IMPORT_FIELD_REVENUE },
    { "매출액", VT_IMPORT_FIELD_REVENUE },
    { "Số lao động", VT_IMPORT_FIELD_EMPLOYEES },
    { "Năm thành lập", VT_IMPORT_FIELD_FOUNDED_YEAR },
    { "Khu công nghiệp", VT_IMPORT_FIELD_INDUSTRIAL_ZONE },
    { "Tên tiếng Hàn", VT_IMPORT_FIELD_NAME_KO },
    { "영문명", VT_IMPORT_FIELD_NAME_EN },
    { "Ghi chú", VT_IMPORT_FIELD_NOTES },
    { "Số thứ tự", VT_IMPORT_FIELD_NONE },
    { "", VT_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VtImportField f = vt_import_field_guess (cases[i].header);

      if (f != cases[i].field)
        g_error ("“%s” guessed as %s", cases[i].header, vt_import_field_to_string (f));
    }
  /* Export's own headers come back. */
  for (VtImportField f = VT_IMPORT_FIELD_CODE; f < VT_N_IMPORT_FIELDS; f++)
    g_assert_cmpint (vt_import_field_guess (vt_import_field_get_label (f)), ==, f);
}

static void
test_values (void)
{
  struct { const char *text; gint64 value; } numbers[] = {
    { "1.234.567", 1234567 }, { "1,234,567", 1234567 }, { "1 234 567 ₫", 1234567 },
    { "12.500.000.000 VNĐ", 12500000000 }, { "250", 250 }, { "1234567.0", 1234567 },
    { "1.234,6", 1235 }, { "12,75", 13 }, { "1,200", 1200 },
  };
  const char *bad_numbers[] = { "abc", "-5", "12 người", "", "1.2.3,4,5" };
  gint64 n;
  int year;
  char *tax;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_assert_true (vt_import_parse_number (numbers[i].text, &n));
      g_assert_cmpint (n, ==, numbers[i].value);
    }
  /* "12 người" is refused: a unit after the number is fine, words only if
   * they are the unit; this one is the count of people, not a number. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    if (i != 2)
      g_assert_false (vt_import_parse_number (bad_numbers[i], &n));

  g_assert_true (vt_import_parse_year ("2019", &year));
  g_assert_cmpint (year, ==, 2019);
  g_assert_true (vt_import_parse_year ("24/07/2015", &year));
  g_assert_cmpint (year, ==, 2015);
  g_assert_true (vt_import_parse_year ("2001-03-04", &year));
  g_assert_cmpint (year, ==, 2001);
  g_assert_true (vt_import_parse_year ("1998.0", &year));
  g_assert_false (vt_import_parse_year ("1850", &year));
  g_assert_false (vt_import_parse_year ("3000", &year));
  g_assert_false (vt_import_parse_year ("năm ngoái", &year));

  tax = vt_import_normalize_tax_code ("0101 234 567");
  g_assert_cmpstr (tax, ==, "0101234567");
  g_free (tax);
  tax = vt_import_normalize_tax_code ("0101234567001");
  g_assert_cmpstr (tax, ==, "0101234567-001");
  g_free (tax);
  tax = vt_import_normalize_tax_code ("101234567");
  g_assert_cmpstr (tax, ==, "0101234567");
  g_free (tax);
  g_assert_null (vt_import_normalize_tax_code ("12345"));
  g_assert_null (vt_import_normalize_tax_code ("01012345-67001"));
  g_assert_null (vt_import_normalize_tax_code ("MST0101234567"));
}

static void
test_provinces (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  struct { const char *text, *list, *code; } cases[] = {
    { "Thành phố Hà Nội", "2025", "01" },
    { "Ha Noi", "2025", "01" },
    { "하노이", "2025", "01" },
    { "TP. Hồ Chí Minh", "2025", "79" },
    { "Ho Chi Minh City", "2025", "79" },
    { "tỉnh bắc ninh", "2025", "24" },
    { "Bắc Giang", "pre2025", "24" },    /* merged into Bắc Ninh */
    { "Hải Dương", "pre2025", "30" },
    { "1", "2025", "01" },
  };
  const char *list, *code;

  g_assert_nonnull (provinces);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (!vt_import_find_province (provinces, cases[i].text, &list, &code))
        g_error ("“%s” not found", cases[i].text);
      g_assert_cmpstr (list, ==, cases[i].list);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
  g_assert_false (vt_import_find_province (provinces, "Atlantis", &list, &code));
  g_assert_false (vt_import_find_province (provinces, "", &list, &code));
}

/* Through the store --------------------------------------------------------- */

static const char list_csv[] =
  "\xEF\xBB\xBF" "STT;Tên doanh nghiệp;Mã số thuế;Tỉnh/thành;Năm thành lập;Số lao động;Doanh thu (VNĐ);Lĩnh vực;Tên tiếng Hàn\r\n"
  "1;Công ty TNHH Điện tử Hưng Thịnh;0101234567;Bắc Giang;2015;250;12.500.000.000;Điện - điện tử;흥틴 전자\r\n"
  "2;Công ty CP Linh kiện ô tô Trường Phát;0109876543-001;TP. Hồ Chí Minh;24/07/2019;1.200;;Ô tô;\r\n"
  "3;Sai mã số thuế;12345;Hà Nội;2020;;;;\r\n"
  "4;Sai tỉnh;0201112223;Atlantis;;;;;\r\n"
  "5;;0301112223;Hà Nội;;;;;\r\n"
  "6;Cơ khí Việt Hàn;;Hải Phòng;năm ngoái;;;;\r\n"
  "7;Cơ khí chính xác Đức Anh;;Hải Phòng;2010;abc;;;\r\n"
  "8;Khuôn mẫu Sao Mai;0401234567;Đà Nẵng;2005;80;;;\r\n";

static void
test_rejected_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) summary = import_text (store, list_csv, VT_DUPLICATE_SKIP);
  g_autoptr(VtSupplier) hung_thinh = NULL;
  g_autoptr(VtSupplier) truong_phat = NULL;
  guint lines[] = { 4, 5, 6, 7, 8 };

  g_assert_cmpuint (summary->imported, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 5);
  g_assert_cmpuint (summary->issues->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      VtImportIssue *issue = g_ptr_array_index (summary->issues, i);

      g_assert_cmpuint (issue->line, ==, lines[i]);
      g_assert_cmpint (issue->result, ==, VT_IMPORT_RESULT_REJECTED);
      g_assert_nonnull (issue->reason);
    }
  g_assert_nonnull (strstr (((VtImportIssue *) g_ptr_array_index (summary->issues, 0))->reason, "12345"));
  g_assert_nonnull (strstr (((VtImportIssue *) g_ptr_array_index (summary->issues, 1))->reason, "Atlantis"));
  g_assert_nonnull (strstr (((VtImportIssue *) g_ptr_array_index (summary->issues, 3))->reason, "năm ngoái"));
  g_assert_cmpuint (count_suppliers (store), ==, 3);

  hung_thinh = find_by_tax_code (store, "0101234567");
  g_assert_nonnull (hung_thinh);
  g_assert_cmpstr (hung_thinh->name_vi, ==, "Công ty TNHH Điện tử Hưng Thịnh");
  g_assert_cmpstr (hung_thinh->name_ko, ==, "흥틴 전자");
  g_assert_cmpstr (hung_thinh->province_list, ==, "pre2025");
  g_assert_cmpstr (hung_thinh->province_code, ==, "24");
  g_assert_cmpint (hung_thinh->founded_year, ==, 2015);
  g_assert_cmpint (hung_thinh->employees, ==, 250);
  g_assert_cmpint (hung_thinh->revenue_vnd, ==, 12500000000);
  g_assert_cmpint (hung_thinh->sector, ==, VT_SECTOR_ELECTRICAL_ELECTRONIC);

  truong_phat = find_by_tax_code (store, "0109876543-001");
  g_assert_nonnull (truong_phat);
  g_assert_cmpint (truong_phat->founded_year, ==, 2019);
  g_assert_cmpint (truong_phat->employees, ==, 1200);
  g_assert_cmpint (truong_phat->revenue_vnd, ==, -1);
  g_assert_cmpint (truong_phat->sector, ==, VT_SECTOR_AUTOMOTIVE);
  g_assert_cmpstr (truong_phat->province_code, ==, "79");
}

static const char first_csv[] =
  "Company name,Tax code,Employees,Notes\n"
  "Hưng Thịnh Electronics,0101234567,100,first\n"
  "Sao Mai Mould,,50,first\n";
/* The same two (by tax code; by folded name, as the file has no code),
 * one new, and the new one twice. */
static const char second_csv[] =
  "Company name,Tax code,Employees\n"
  "Hung Thinh Electronics (renamed),0101234567,120\n"
  "SAO MAI MOULD,,55\n"
  "Đức Anh Precision,0201112223,30\n"
  "Duc Anh Precision,0201112223,31\n";

/* A row that renames a supplier moves it away from its old name: a later
 * row with the old name and no tax code is then new, and one with the new
 * name a duplicate. A code given to a supplier that had none makes it
 * match by that code. */
static const char renaming_csv[] =
  "Company name,Tax code,Employees\n"
  "Hưng Thịnh Electronics,0101234567,100\n"
  "Sao Mai Mould,,50\n";
static const char renamed_csv[] =
  "Company name,Tax code,Employees\n"
  "Bình Minh Electronics,0101234567,101\n"
  "Hung Thinh Electronics,,102\n"
  "BINH MINH ELECTRONICS,,103\n"
  "Sao Mai Mould,0301234567,51\n"
  "Sao Mai (second plant),0301234567,52\n";

static void
test_duplicates_follow_updates (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) first = import_text (store, renaming_csv, VT_DUPLICATE_SKIP);
  g_autoptr(VtImportSummary) second = NULL;
  g_autoptr(VtSupplier) s = NULL;
  static const VtImportResult expected[] = {
    VT_IMPORT_RESULT_UPDATED,     /* line 2: renamed through its tax code */
    VT_IMPORT_RESULT_UPDATED,     /* line 4: the new name, no tax code */
    VT_IMPORT_RESULT_UPDATED,     /* line 5: Sao Mai by name, gets a code */
    VT_IMPORT_RESULT_UPDATED,     /* line 6: Sao Mai by that code */
  };

  g_assert_cmpuint (first->imported, ==, 2);
  second = import_text (store, renamed_csv, VT_DUPLICATE_UPDATE);
  g_assert_cmpuint (second->imported, ==, 1);
  g_assert_cmpuint (second->updated, ==, 4);
  g_assert_cmpuint (second->issues->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (((VtImportIssue *) g_ptr_array_index (second->issues, i))->result, ==, expected[i]);
  g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (second->issues, 1))->line, ==, 4);
  g_assert_cmpuint (count_suppliers (store), ==, 3);

  s = find_by_tax_code (store, "0101234567");
  g_assert_cmpstr (s->name_vi, ==, "BINH MINH ELECTRONICS");
  g_assert_cmpint (s->employees, ==, 103);
  g_clear_pointer (&s, vt_supplier_unref);
  s = find_by_tax_code (store, "0301234567");
  g_assert_cmpstr (s->name_vi, ==, "Sao Mai (second plant)");
  g_assert_cmpint (s->employees, ==, 52);
  g_clear_pointer (&s, vt_supplier_unref);
  s = find_by_tax_code (store, NULL);
  g_assert_cmpstr (s->name_vi, ==, "Hung Thinh Electronics");
  g_assert_cmpint (s->employees, ==, 102);
}

/* A list as LibreOffice Calc writes it (tests/core/data/README.md):
 * libreoffice-list.csv converted by soffice --headless --convert-to xlsx.
 * Calc turns what looks like a number into a numeric cell: the tax code
 * loses its leading zero, the revenue is a number; the code with a branch
 * stays text; strings are shared. */
static void
test_libreoffice_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", "libreoffice-list.xlsx", NULL);
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load_bytes (path, &error);
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  VtImportIssue *issue;
  VtSupplier *s;
  static const VtImportField expected[] = {
    VT_IMPORT_FIELD_NAME_VI, VT_IMPORT_FIELD_TAX_CODE, VT_IMPORT_FIELD_PROVINCE, VT_IMPORT_FIELD_FOUNDED_YEAR,
    VT_IMPORT_FIELD_EMPLOYEES, VT_IMPORT_FIELD_REVENUE, VT_IMPORT_FIELD_SECTOR, VT_IMPORT_FIELD_NAME_KO,
  };

  g_assert_no_error (error);
  table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->format, ==, VT_IMPORT_FORMAT_XLSX);
  g_assert_cmpuint (table->header->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (table->rows->len, ==, 5);
  mapping = vt_import_guess_mapping (table);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (mapping, VtImportField, i), ==, expected[i]);

  batch = vt_import_batch_new (table, mapping, provinces);
  g_assert_cmpuint (batch->suppliers->len, ==, 3);
  g_assert_cmpuint (batch->rejected->len, ==, 2);
  issue = g_ptr_array_index (batch->rejected, 0);
  g_assert_cmpuint (issue->line, ==, 4);
  g_assert_cmpstr (issue->name, ==, "Công ty Khuôn mẫu Sao Mai");
  g_assert_nonnull (strstr (issue->reason, "12345"));
  issue = g_ptr_array_index (batch->rejected, 1);
  g_assert_cmpuint (issue->line, ==, 5);
  g_assert_nonnull (strstr (issue->reason, "Atlantis"));

  s = g_ptr_array_index (batch->suppliers, 0);
  g_assert_cmpstr (s->name_vi, ==, "Công ty TNHH Điện tử Hưng Thịnh");
  g_assert_cmpstr (s->name_ko, ==, "흥틴 전자");
  g_assert_cmpstr (s->tax_code, ==, "0101234567");
  g_assert_cmpint (s->founded_year, ==, 2015);
  g_assert_cmpint (s->employees, ==, 250);
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (12500000000));
  g_assert_cmpint (s->sector, ==, VT_SECTOR_ELECTRICAL_ELECTRONIC);
  s = g_ptr_array_index (batch->suppliers, 1);
  g_assert_cmpstr (s->tax_code, ==, "0109876543-001");
  g_assert_cmpint (s->revenue_vnd, ==, -1);
  g_assert_cmpint (s->sector, ==, VT_SECTOR_AUTOMOTIVE);
  g_assert_cmpstr (s->province_code, ==, "31");
  s = g_ptr_array_index (batch->suppliers, 2);
  g_assert_cmpstr (s->name_vi, ==, "Doanh nghiệp tư nhân Cơ khí \"Đức Anh\"");
  g_assert_cmpstr (s->name_ko, ==, "덕안 기계");
  g_assert_cmpint (s->founded_year, ==, 1998);
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (4000000000));
  g_assert_cmpstr (s->province_code, ==, "79");

  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 2);
  g_assert_cmpuint (count_suppliers (store), ==, 3);
}

/* A list as python3-openpyxl writes it (tests/core/data/README.md): a
 * title and a blank row above the header, inline strings, numbers and
 * years as numeric cells, a date, Korean, a second sheet. */
static void
test_openpyxl_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", "openpyxl-list.xlsx", NULL);
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load_bytes (path, &error);
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(VtImportTable) notes = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  VtSupplier *s;
  static const VtImportField expected[] = {
    VT_IMPORT_FIELD_NAME_VI, VT_IMPORT_FIELD_NAME_KO, VT_IMPORT_FIELD_TAX_CODE, VT_IMPORT_FIELD_PROVINCE,
    VT_IMPORT_FIELD_FOUNDED_YEAR, VT_IMPORT_FIELD_EMPLOYEES, VT_IMPORT_FIELD_REVENUE, VT_IMPORT_FIELD_NONE,
  };

  g_assert_no_error (error);
  table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->format, ==, VT_IMPORT_FORMAT_XLSX);
  g_assert_cmpuint (g_strv_length (table->sheets), ==, 2);
  g_assert_cmpstr (table->sheets[0], ==, "Danh sách");
  g_assert_cmpstr (table->sheets[1], ==, "Ghi chú");

  /* The title above is not the header. */
  g_assert_cmpuint (table->header->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (g_ptr_array_index (table->header, 0), ==, "Tên doanh nghiệp");
  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpuint (g_array_index (table->lines, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (table->lines, guint, 4), ==, 8);
  mapping = vt_import_guess_mapping (table);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (mapping, VtImportField, i), ==, expected[i]);

  batch = vt_import_batch_new (table, mapping, provinces);
  g_assert_cmpuint (batch->suppliers->len, ==, 3);
  g_assert_cmpuint (batch->rejected->len, ==, 2);
  g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (batch->rejected, 0))->line, ==, 7);
  g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (batch->rejected, 1))->line, ==, 8);

  s = g_ptr_array_index (batch->suppliers, 0);
  g_assert_cmpstr (s->name_vi, ==, "Công ty TNHH Điện tử Hưng Thịnh");
  g_assert_cmpstr (s->name_ko, ==, "흥틴 전자");
  g_assert_cmpstr (s->tax_code, ==, "0101234567");
  g_assert_cmpint (s->founded_year, ==, 2009);
  g_assert_cmpint (s->employees, ==, 1250);
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (152000000000));
  s = g_ptr_array_index (batch->suppliers, 1);
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (9500000000));
  s = g_ptr_array_index (batch->suppliers, 2);
  g_assert_cmpstr (s->tax_code, ==, "0301234567-001");
  g_assert_cmpint (s->revenue_vnd, ==, -1);

  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 3);
  g_assert_cmpuint (summary->rejected, ==, 2);
  g_assert_cmpuint (count_suppliers (store), ==, 3);

  /* The other sheet is read when asked for. */
  notes = vt_import_table_read (bytes, -1, 0, "Ghi chú", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes->sheet, ==, "Ghi chú");
  g_assert_cmpstr (g_ptr_array_index (notes->header, 1), ==, "Sở Công Thương");
}

/* Saved by Excel in a Vietnamese locale: a byte-order mark, semicolons,
 * CRLF, numbers grouped with dots, quotes inside a quoted name and a
 * line break and a semicolon inside a quoted address. */
static const char excel_vi_csv[] =
  "\xEF\xBB\xBF" "Tên doanh nghiệp;Mã số thuế;Tỉnh/thành;Số lao động;Doanh thu (VNĐ);Địa chỉ\r\n"
  "Công ty TNHH Điện tử Hưng Thịnh;0101234567;Hà Nội;1.250;152.000.000.000;\"Lô A2; KCN Thăng Long\r\nĐông Anh\"\r\n"
  "\"Công ty CP \"\"Sao Mai\"\"\";0201112223;Hải Phòng;80;9.500.000.000;\r\n"
  ";;;;;\r\n";

static void
test_excel_vietnamese_csv (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportTable) table = table_from_text (excel_vi_csv);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  g_autoptr(GArray) mapping = vt_import_guess_mapping (table);
  g_autoptr(VtImportBatch) batch = vt_import_batch_new (table, mapping, provinces);
  VtSupplier *s;

  g_assert_cmpint (table->encoding, ==, VT_ENCODING_UTF8);
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpstr (g_ptr_array_index (table->header, 0), ==, "Tên doanh nghiệp");
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpuint (batch->rejected->len, ==, 0);
  g_assert_cmpuint (batch->suppliers->len, ==, 2);

  s = g_ptr_array_index (batch->suppliers, 0);
  g_assert_cmpint (s->employees, ==, 1250);
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (152000000000));
  g_assert_true (g_str_has_prefix (s->address, "Lô A2; KCN Thăng Long"));
  g_assert_nonnull (strstr (s->address, "Đông Anh"));
  s = g_ptr_array_index (batch->suppliers, 1);
  g_assert_cmpstr (s->name_vi, ==, "Công ty CP \"Sao Mai\"");
  g_assert_cmpint (s->revenue_vnd, ==, G_GINT64_CONSTANT (9500000000));
  g_assert_cmpuint (g_array_index (batch->lines, guint, 1), ==, 4);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) first = import_text (store, first_csv, VT_DUPLICATE_SKIP);
  g_autoptr(VtImportSummary) skip = NULL;
  g_autoptr(VtImportSummary) update = NULL;
  g_autoptr(VtImportSummary) as_new = NULL;
  g_autoptr(VtSupplier) s = NULL;

  g_assert_cmpuint (first->imported, ==, 2);

  skip = import_text (store, second_csv, VT_DUPLICATE_SKIP);
  g_assert_cmpuint (skip->imported, ==, 1);
  g_assert_cmpuint (skip->skipped, ==, 3);
  g_assert_cmpuint (skip->updated, ==, 0);
  g_assert_cmpuint (count_suppliers (store), ==, 3);
  s = find_by_tax_code (store, "0101234567");
  g_assert_cmpstr (s->name_vi, ==, "Hưng Thịnh Electronics");
  g_assert_cmpint (s->employees, ==, 100);
  g_clear_pointer (&s, vt_supplier_unref);

  update = import_text (store, second_csv, VT_DUPLICATE_UPDATE);
  g_assert_cmpuint (update->imported, ==, 0);
  g_assert_cmpuint (update->updated, ==, 4);
  g_assert_cmpuint (count_suppliers (store), ==, 3);
  s = find_by_tax_code (store, "0101234567");
  g_assert_cmpstr (s->name_vi, ==, "Hung Thinh Electronics (renamed)");
  g_assert_cmpint (s->employees, ==, 120);
  /* A column the file does not have is left alone. */
  g_assert_cmpstr (s->notes, ==, "first");
  g_assert_cmpint (s->version, ==, 2);
  g_clear_pointer (&s, vt_supplier_unref);
  s = find_by_tax_code (store, "0201112223");
  g_assert_cmpint (s->employees, ==, 31);   /* the later row wins */
  g_clear_pointer (&s, vt_supplier_unref);

  as_new = import_text (store, second_csv, VT_DUPLICATE_NEW);
  g_assert_cmpuint (as_new->imported, ==, 4);
  g_assert_cmpuint (as_new->skipped, ==, 0);
  g_assert_cmpuint (count_suppliers (store), ==, 7);
}

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportBatch) batch = batch_from_text (store, list_csv);
  g_autoptr(VtImportBatch) good = batch_from_text (store, first_csv);
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  VtSupplier *broken;

  /* Rows rejected by the checks. */
  g_assert_null (vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, TRUE, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12345"));
  g_clear_error (&error);
  g_assert_cmpuint (count_suppliers (store), ==, 0);

  /* A row the database refuses, after rows that went in: all rolled back. */
  broken = g_ptr_array_index (good->suppliers, 1);
  g_free (broken->province_code);
  broken->province_code = g_strdup ("99");
  g_assert_null (vt_store_import_suppliers_sync (store, good, VT_DUPLICATE_SKIP, TRUE, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  g_clear_error (&error);
  g_assert_cmpuint (count_suppliers (store), ==, 0);
  /* The batch does not claim to be saved. */
  g_assert_null (((VtSupplier *) g_ptr_array_index (good->suppliers, 0))->uuid);

  /* Without all-or-nothing the rest goes in. */
  summary = vt_store_import_suppliers_sync (store, good, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 1);
  g_assert_cmpuint (summary->rejected, ==, 1);
  g_assert_cmpuint (((VtImportIssue *) g_ptr_array_index (summary->issues, 0))->line, ==, 3);
  g_assert_cmpuint (count_suppliers (store), ==, 1);
}

static GString *
numbered_csv (guint n,
              guint first)
{
  GString *csv = g_string_new ("Tên doanh nghiệp,Mã số thuế,Tỉnh/thành,Số lao động\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Công ty Số %u,%010u,Hải Phòng,%u\n", first + i, 300000000 + first + i, i);
  return csv;
}

/* A large import (the bulk path: indexes set aside and built again) with
 * rows that pass the checks but that the database refuses: each is
 * rejected with the database's reason, the others go in, and the
 * indexes are all back. Five refused rows: the first three each restart
 * the import without them, the last two are refused by savepoints. */
static void
test_bulk_refused_rows (Fixture       *f,
                        gconstpointer  data)
{
  static const char count_indexes[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'suppliers'";
  static const guint broken[] = { 10, 1500, 2999, 3000, 3400 };
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GString) first = numbered_csv (100, 0);
  g_autoptr(GString) second = numbered_csv (3500, 100);
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) last = NULL;
  int indexes;

  summary = import_text (store, first->str, VT_DUPLICATE_SKIP);
  g_assert_cmpuint (summary->imported, ==, 100);
  indexes = count_in_file (f->path, count_indexes);

  batch = batch_from_text (store, second->str);
  g_assert_cmpuint (batch->suppliers->len, ==, 3500);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      VtSupplier *s = g_ptr_array_index (batch->suppliers, broken[i]);

      /* The checks before the store do not look at these; its table does. */
      if (i % 2 == 0)
        s->employees = -5;
      else
        s->founded_year = 1700;
    }
  g_clear_pointer (&summary, vt_import_summary_unref);
  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 3500 - G_N_ELEMENTS (broken));
  g_assert_cmpuint (summary->rejected, ==, G_N_ELEMENTS (broken));
  g_assert_cmpuint (summary->issues->len, ==, G_N_ELEMENTS (broken));
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      VtImportIssue *issue = g_ptr_array_index (summary->issues, i);
      VtSupplier *s = g_ptr_array_index (batch->suppliers, broken[i]);

      g_assert_cmpuint (issue->line, ==, broken[i] + 2);
      g_assert_cmpint (issue->result, ==, VT_IMPORT_RESULT_REJECTED);
      g_assert_cmpstr (issue->name, ==, s->name_vi);
      g_assert_nonnull (strstr (issue->reason, "CHECK"));
      g_assert_null (s->uuid);
    }
  g_assert_cmpuint (vt_import_batch_get_progress (batch), ==, 3500);
  g_assert_cmpuint (count_suppliers (store), ==, 3600 - G_N_ELEMENTS (broken));
  g_assert_cmpint (count_in_file (f->path, count_indexes), ==, indexes);
  g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM supplier_fts"), ==, 3600 - G_N_ELEMENTS (broken));
  g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM stage_history"), ==, 3600 - G_N_ELEMENTS (broken));
  g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM audit_log WHERE action = 'insert' "
                                           "AND entity = 'supplier'"), ==, 3600 - G_N_ELEMENTS (broken));
  g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM pragma_integrity_check "
                                           "WHERE integrity_check <> 'ok'"), ==, 0);
  last = find_by_tax_code (store, "0300003599");
  g_assert_nonnull (last);
  g_assert_cmpstr (last->name_vi, ==, "Công ty Số 3599");
  g_assert_cmpint (last->employees, ==, 3499);
}

static void
cancel_at (VtImportBatch *batch,
           guint          done,
           gpointer       user_data)
{
  if (done >= 1024)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way, from the store's own thread through the progress
 * function: nothing of it is written, and a later import works. */
static void
test_cancel_half_way (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GString) csv = numbered_csv (3000, 0);
  g_autoptr(VtImportBatch) batch = batch_from_text (store, csv->str);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  vt_import_batch_set_progress_func (batch, cancel_at, cancellable);
  g_assert_null (vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (vt_import_batch_get_progress (batch), >=, 1024);
  g_assert_cmpuint (vt_import_batch_get_progress (batch), <, 3000);
  g_assert_cmpuint (count_suppliers (store), ==, 0);
  g_assert_null (((VtSupplier *) g_ptr_array_index (batch->suppliers, 0))->uuid);
  g_assert_cmpint (count_in_file (f->path, "SELECT count(*) FROM supplier_fts"), ==, 0);

  vt_import_batch_set_progress_func (batch, NULL, NULL);
  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->imported, ==, 3000);
  g_assert_cmpuint (count_suppliers (store), ==, 3000);
}

static void
test_summary_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) summary = import_text (store, list_csv, VT_DUPLICATE_SKIP);
  gsize length = 0;
  g_autofree char *csv = vt_import_summary_to_csv (summary, &length);
  g_autoptr(VtImportTable) back = table_from_text (csv);
  char **row;

  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_cmpuint (back->header->len, ==, 4);
  g_assert_cmpuint (back->rows->len, ==, 5);
  row = g_ptr_array_index (back->rows, 1);
  g_assert_cmpstr (row[0], ==, "5");
  g_assert_cmpstr (row[1], ==, "Sai tỉnh");
  g_assert_cmpstr (row[2], ==, "Rejected");
  g_assert_nonnull (strstr (row[3], "Atlantis"));
}

/* Legacy encodings end to end: the detected reading is what is stored. */
static void
test_encodings (Fixture       *f,
                gconstpointer  data)
{
  static const char vi[] =
    "Tên doanh nghiệp,Mã số thuế,Tỉnh/thành\r\n"
    "Công ty TNHH Điện tử Hưng Thịnh,0101234567,Tỉnh Bắc Ninh\r\n"
    "Công ty cổ phần linh kiện ô tô Trường Phát,0109876543,Thành phố Hải Phòng\r\n";
  static const char ko[] =
    "업체명,사업자번호,성\r\n"
    "현대자동차 협력사 베트남 공급업체,0201234567,하노이\r\n";
  const char *charsets[] = { "CP1258", "VISCII", "TCVN5712-1" };
  VtEncoding expected[] = { VT_ENCODING_CP1258, VT_ENCODING_VISCII, VT_ENCODING_TCVN3 };
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);

  for (guint i = 0; i <= G_N_ELEMENTS (charsets); i++)
    {
      const char *text = i < G_N_ELEMENTS (charsets) ? vi : ko;
      const char *charset = i < G_N_ELEMENTS (charsets) ? charsets[i] : "CP949";
      gsize size = 0;
      char *raw = g_convert (text, -1, charset, "UTF-8", NULL, &size, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new_take (raw, size);
      g_autoptr(GError) error = NULL;
      g_autoptr(VtImportTable) table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
      g_autoptr(GArray) mapping = NULL;
      g_autoptr(VtImportBatch) batch = NULL;
      g_autoptr(VtImportSummary) summary = NULL;
      g_autoptr(VtSupplier) s = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (table->encoding, ==, i < G_N_ELEMENTS (charsets) ? expected[i] : VT_ENCODING_CP949);
      g_assert_cmpint (table->delimiter, ==, ',');
      mapping = vt_import_guess_mapping (table);
      batch = vt_import_batch_new (table, mapping, provinces);
      g_assert_cmpuint (batch->rejected->len, ==, 0);
      summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_UPDATE, TRUE, NULL, &error);
      g_assert_no_error (error);

      s = find_by_tax_code (store, i < G_N_ELEMENTS (charsets) ? "0101234567" : "0201234567");
      g_assert_cmpstr (s->name_vi, ==, i < G_N_ELEMENTS (charsets) ? "Công ty TNHH Điện tử Hưng Thịnh"
                                                                   : "현대자동차 협력사 베트남 공급업체");
      g_assert_cmpstr (s->province_code, ==, i < G_N_ELEMENTS (charsets) ? "24" : "01");
    }
  g_assert_cmpuint (count_suppliers (store), ==, 3);
}

/* An XLSX list with a title above the header and typed cells. */
static void
test_xlsx_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autofree char *path = g_build_filename (f->dir, "list.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Danh sách");
  lxw_format *date_format = workbook_add_format (wb);
  lxw_datetime founded = { 2012, 3, 1, 0, 0, 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtImportTable) table = NULL;
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  g_autoptr(VtImportBatch) batch = NULL;
  g_autoptr(VtImportSummary) summary = NULL;
  g_autoptr(VtSupplier) s = NULL;
  g_autoptr(GError) error = NULL;

  format_set_num_format (date_format, "dd/mm/yyyy");
  worksheet_write_string (ws, 0, 0, "DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ", NULL);
  worksheet_write_string (ws, 2, 0, "Tên doanh nghiệp", NULL);
  worksheet_write_string (ws, 2, 1, "Mã số thuế", NULL);
  worksheet_write_string (ws, 2, 2, "Ngày thành lập", NULL);
  worksheet_write_string (ws, 2, 3, "Số lao động", NULL);
  worksheet_write_string (ws, 2, 4, "Tỉnh", NULL);
  worksheet_write_string (ws, 3, 0, "Công ty TNHH Nhựa Đông Á", NULL);
  worksheet_write_number (ws, 3, 1, 101234567, NULL);   /* lost its leading zero */
  worksheet_write_datetime (ws, 3, 2, &founded, date_format);
  worksheet_write_number (ws, 3, 3, 320, NULL);
  worksheet_write_string (ws, 3, 4, "Bắc Ninh", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  bytes = load_bytes (path, &error);
  g_assert_no_error (error);
  table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (table->format, ==, VT_IMPORT_FORMAT_XLSX);
  g_assert_cmpstr (table->sheet, ==, "Danh sách");
  /* The header is found below the title. */
  g_assert_cmpstr (g_ptr_array_index (table->header, 0), ==, "Tên doanh nghiệp");
  g_assert_cmpuint (table->rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (table->lines, guint, 0), ==, 4);

  mapping = vt_import_guess_mapping (table);
  batch = vt_import_batch_new (table, mapping, provinces);
  g_assert_cmpuint (batch->rejected->len, ==, 0);
  summary = vt_store_import_suppliers_sync (store, batch, VT_DUPLICATE_SKIP, TRUE, NULL, &error);
  g_assert_no_error (error);

  s = find_by_tax_code (store, "0101234567");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->name_vi, ==, "Công ty TNHH Nhựa Đông Á");
  g_assert_cmpint (s->founded_year, ==, 2012);
  g_assert_cmpint (s->employees, ==, 320);
  g_assert_cmpstr (s->province_code, ==, "24");
  g_assert_cmpstr (s->province_list, ==, "2025");
}

/* Export and back ------------------------------------------------------------ */

static const char round_trip_csv[] =
  "Mã,Tên doanh nghiệp,Tên tiếng Anh,Tên tiếng Hàn,Mã số thuế,Lĩnh vực,Sản phẩm,Tỉnh/thành,"
  "Khu công nghiệp,Địa chỉ,Năm thành lập,Số lao động,Doanh thu,Loại hình,Ghi chú\r\n"
  "VT-001,=HYPERLINK(\"http://evil\";\"x\"),Hung Thinh Electronics,흥틴 전자,0101234567-002,Điện - điện tử,"
  "\"Bo mạch, dây điện\",Hải Dương,KCN Đại An,\"Số 1, đường 2\",2011,345,98765432100,Liên doanh,\"+84 ghi chú\nhai dòng\"\r\n"
  "VT-002,Cơ khí Sao Mai,,,0401234567,Ô tô,Khuôn,Đà Nẵng,,,,,,Nhà nước,@mention\r\n";

static void
assert_same_supplier (VtSupplier *a,
                      VtSupplier *b)
{
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpstr (a->name_vi, ==, b->name_vi);
  g_assert_cmpstr (a->name_en, ==, b->name_en);
  g_assert_cmpstr (a->name_ko, ==, b->name_ko);
  g_assert_cmpstr (a->tax_code, ==, b->tax_code);
  g_assert_cmpint (a->sector, ==, b->sector);
  g_assert_cmpstr (a->products, ==, b->products);
  g_assert_cmpstr (a->province_list, ==, b->province_list);
  g_assert_cmpstr (a->province_code, ==, b->province_code);
  g_assert_cmpstr (a->industrial_zone, ==, b->industrial_zone);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpint (a->founded_year, ==, b->founded_year);
  g_assert_cmpint (a->employees, ==, b->employees);
  g_assert_cmpint (a->revenue_vnd, ==, b->revenue_vnd);
  g_assert_cmpint (a->ownership, ==, b->ownership);
  g_assert_cmpstr (a->notes, ==, b->notes);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) summary = import_text (store, round_trip_csv, VT_DUPLICATE_SKIP);
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_sync (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  const char *formats[] = { "list.csv", "list.xlsx" };

  g_assert_cmpuint (summary->imported, ==, 2);
  before = vt_store_export_suppliers_sync (store, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, formats[i], NULL);
      g_autofree char *other_db = g_strdup_printf ("%s.%u", f->path, i);
      g_autoptr(VtStore) other = vt_store_open_sync (other_db, VT_STORE_OPEN_CREATE, NULL, &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VtImportTable) table = NULL;
      g_autoptr(GArray) mapping = NULL;
      g_autoptr(VtImportBatch) batch = NULL;
      g_autoptr(VtImportSummary) again = NULL;
      g_autoptr(GPtrArray) after = NULL;
      VtExportFormat format;
      gboolean found_formula = FALSE;

      g_assert_no_error (error);
      g_assert_true (vt_export_format_from_path (path, &format));
      g_assert_true (vt_export_write (before, provinces, path, format, &error));
      g_assert_no_error (error);

      bytes = load_bytes (path, &error);
      g_assert_no_error (error);
      table = vt_import_table_read (bytes, -1, 0, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (table->rows->len, ==, 2);

      /* In the file, the formula is text behind an apostrophe. */
      for (guint r = 0; r < table->rows->len; r++)
        for (char **cell = g_ptr_array_index (table->rows, r); *cell != NULL; cell++)
          {
            g_assert_false ((*cell)[0] == '=' || (*cell)[0] == '+' || (*cell)[0] == '@');
            found_formula |= g_str_has_prefix (*cell, "'=HYPERLINK");
          }
      g_assert_true (found_formula);
      if (format == VT_EXPORT_FORMAT_CSV)
        g_assert_cmpint (table->encoding, ==, VT_ENCODING_UTF8);

      mapping = vt_import_guess_mapping (table);
      batch = vt_import_batch_new (table, mapping, provinces);
      g_assert_cmpuint (batch->rejected->len, ==, 0);
      again = vt_store_import_suppliers_sync (other, batch, VT_DUPLICATE_SKIP, TRUE, NULL, &error);
      g_assert_no_error (error);
      after = vt_store_export_suppliers_sync (other, query, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (after->len, ==, 2);
      for (guint r = 0; r < after->len; r++)
        assert_same_supplier (g_ptr_array_index (before, r), g_ptr_array_index (after, r));
    }
}

/* The XLSX holds typed cells: numbers and dates, not text. */
static void
test_export_xlsx_types (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VtStore) store = open_store (f);
  g_autoptr(VtImportSummary) summary = import_text (store, round_trip_csv, VT_DUPLICATE_SKIP);
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GPtrArray) all = vt_store_export_suppliers_sync (store, query, NULL, NULL);
  g_autofree char *path = g_build_filename (f->dir, "typed.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int zerr = 0;
  zip_t *zip;
  zip_file_t *zf;
  char buffer[65536];
  zip_int64_t n;

  g_assert_true (vt_export_write (all, NULL, path, VT_EXPORT_FORMAT_XLSX, &error));
  g_assert_no_error (error);

  zip = zip_open (path, ZIP_RDONLY, &zerr);
  g_assert_nonnull (zip);
  zf = zip_fopen (zip, "xl/worksheets/sheet1.xml", 0);
  g_assert_nonnull (zf);
  n = zip_fread (zf, buffer, sizeof buffer - 1);
  g_assert_cmpint (n, >, 0);
  buffer[n] = '\0';
  zip_fclose (zf);
  zip_close (zip);
  /* 98765432100 is a number cell, not a string. */
  g_assert_nonnull (strstr (buffer, "<v>98765432100</v>"));

  bytes = load_bytes (path, &error);
  xlsx = vt_xlsx_open (bytes, &error);
  g_assert_no_error (error);
  rows = vt_xlsx_read_sheet (xlsx, NULL, 0, &error);
  g_assert_no_error (error);
  /* The dates come back as dates, through their number format. */
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$",
                                       ((char **) g_ptr_array_index (rows, 1))[15], 0, 0));
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "in.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = NULL;

  g_assert_true (g_file_set_contents (csv, list_csv, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "a,b\n1,2\n", -1, NULL));

  g_assert_cmpint (vt_command_import (db, csv, NULL, "skip", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (vt_command_import (db, csv, "utf-8", "update", &error), ==, 0);
  g_assert_no_error (error);

  /* A file without a name column, an unknown policy, a missing file. */
  g_assert_cmpint (vt_command_import (db, bad, NULL, NULL, &error), ==, 1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpint (vt_command_import (db, csv, NULL, "merge", &error), ==, 1);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (vt_command_import (db, "/nonexistent/x.csv", NULL, NULL, &error), ==, 1);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (vt_command_export (db, out, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (vt_command_export (db, "out.pdf", &error), ==, 1);
  g_clear_error (&error);

  store = vt_store_open_sync (db, VT_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_suppliers (store), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/guess-headers", test_guess_headers);
  g_test_add_func ("/core/import/values", test_values);
  ADD ("provinces", test_provinces);
  ADD ("rejected-rows", test_rejected_rows);
  ADD ("duplicates", test_duplicates);
  ADD ("duplicates-follow-updates", test_duplicates_follow_updates);
  ADD ("all-or-nothing", test_all_or_nothing);
  ADD ("summary-csv", test_summary_csv);
  ADD ("bulk-refused-rows", test_bulk_refused_rows);
  ADD ("cancel-half-way", test_cancel_half_way);
  ADD ("encodings", test_encodings);
  ADD ("xlsx", test_xlsx_import);
  ADD ("xlsx-from-openpyxl", test_openpyxl_file);
  ADD ("xlsx-from-libreoffice", test_libreoffice_file);
  ADD ("csv-from-excel-vietnamese", test_excel_vietnamese_csv);
  ADD ("round-trip", test_round_trip);
  ADD ("export-xlsx-types", test_export_xlsx_types);
  ADD ("command-line", test_command_line);

  return g_test_run ();
}
