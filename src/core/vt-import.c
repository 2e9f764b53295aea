/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-import.c: reading a supplier list, mapping its columns and checking
 * its rows. Writing the suppliers is the store's job
 * (vt_store_import_suppliers_async()). */

#define G_LOG_DOMAIN "vt-import"

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>

#include "vt-csv.h"
#include "vt-import.h"
#include "vt-round.h"
#include "vt-search.h"
#include "vt-supplier.h"
#include "vt-xlsx.h"

/* Fields ------------------------------------------------------------------ */

typedef struct
{
  const char *id;
  const char *label;
  /* Headers people write, folded (vt_search_fold()): Vietnamese without
   * marks, English, Korean. */
  const char *aliases;
} FieldInfo;

static const FieldInfo fields[VT_N_IMPORT_FIELDS] = {
  { "none", NC_("import column", "Do not import"), "" },
  { "code", NC_("import column", "Code"),
    "ma|ma ho so|ma nha cung cap|code|supplier code|id|코드|업체코드|업체 코드" },
  { "name-vi", NC_("import column", "Company name"),
    "ten doanh nghiep|ten cong ty|ten don vi|ten nha cung cap|ten|ten tieng viet|company name|"
    "company|name|supplier|supplier name|vietnamese name|name vietnamese|legal name|"
    "업체명|회사명|기업명|상호|업체명 베트남어|베트남어 업체명" },
  { "name-en", NC_("import column", "English name"),
    "ten tieng anh|ten giao dich|ten quoc te|english name|name english|영문명|영문 업체명|업체명 영어" },
  { "name-ko", NC_("import column", "Korean name"),
    "ten tieng han|korean name|name korean|한글명|국문명|한국어 업체명|업체명 한국어" },
  { "tax-code", NC_("import column", "Tax code"),
    "ma so thue|mst|ma so doanh nghiep|msdn|tax code|tax id|tax number|enterprise code|"
    "사업자번호|사업자등록번호|사업자 번호|세금코드|납세번호" },
  { "sector", NC_("import column", "Sector"),
    "linh vuc|nganh|nganh nghe|sector|industry|업종|분야|산업" },
  { "products", NC_("import column", "Products"),
    "san pham|san pham chinh|products|main products|product|제품|주요 제품|생산품|주요제품" },
  { "province", NC_("import column", "Province"),
    "tinh/thanh|tinh|tinh thanh|tinh/thanh pho|tinh thanh pho|dia phuong|province|city/province|"
    "province/city|성|성 省|省|지역|성/시" },
  { "industrial-zone", NC_("import column", "Industrial zone"),
    "khu cong nghiep|kcn|industrial zone|industrial park|산업단지|공단|산단" },
  { "address", NC_("import column", "Address"), "dia chi|dia chi tru so|address|주소|소재지" },
  { "founded-year", NC_("import column", "Year founded"),
    "nam thanh lap|ngay thanh lap|thanh lap|founded|year founded|established|설립연도|설립일|설립|설립 연도" },
  { "employees", NC_("import column", "Employees"),
    "so lao dong|lao dong|so nhan vien|so cong nhan|employees|staff|number of employees|"
    "직원 수|직원수|종업원수|종업원 수|근로자 수" },
  { "revenue", NC_("import column", "Revenue (VND)"),
    "doanh thu|doanh thu vnd|doanh thu dong|revenue|revenue vnd|turnover|매출|매출액|매출 vnd|매출액 vnd" },
  { "ownership", NC_("import column", "Ownership"),
    "loai hinh|loai hinh doanh nghiep|loai hinh so huu|so huu|ownership|type of ownership|"
    "소유|소유 형태|소유형태|기업형태|기업 형태" },
  { "notes", NC_("import column", "Notes"), "ghi chu|notes|note|remarks|comments|비고|메모" },
};

const char *
vt_import_field_to_string (VtImportField field)
{
  g_return_val_if_fail ((guint) field < VT_N_IMPORT_FIELDS, NULL);
  return fields[field].id;
}

gboolean
vt_import_field_from_string (const char    *id,
                             VtImportField *field)
{
  for (guint i = 0; i < VT_N_IMPORT_FIELDS; i++)
    if (g_strcmp0 (id, fields[i].id) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * vt_import_field_get_label:
 *
 * Returns: the field's name for people, translated; also the header that
 *   export writes
 */
const char *
vt_import_field_get_label (VtImportField field)
{
  g_return_val_if_fail ((guint) field < VT_N_IMPORT_FIELDS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "import column", fields[field].label);
}

/* A header folded, without "*", ":" and the like, and optionally without
 * what is in brackets: "Doanh thu (VNĐ)*:" → "doanh thu vnd". */
static char *
fold_header (const char *header,
             gboolean    drop_brackets)
{
  g_autofree char *folded = vt_search_fold (header);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[')
        {
          depth++;
          if (!drop_brackets)
            g_string_append_c (out, ' ');
          continue;
        }
      if ((c == ')' || c == ']') && depth > 0)
        {
          depth--;
          if (!drop_brackets)
            g_string_append_c (out, ' ');
          continue;
        }
      if (drop_brackets && depth > 0)
        continue;
      if (c == '*' || c == ':' || c == '.' || c == '_' || c == '#' || c == '-' || c == '"')
        c = ' ';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
alias_matches (VtImportField  field,
               const char    *folded)
{
  g_auto(GStrv) aliases = g_strsplit (fields[field].aliases, "|", -1);
  g_autofree char *label = fold_header (vt_import_field_get_label (field), FALSE);

  if (g_strcmp0 (label, folded) == 0)
    return TRUE;
  return g_strv_contains ((const char * const *) aliases, folded);
}

/**
 * vt_import_field_guess:
 * @header: (nullable): a column's header as written in the file
 *
 * Recognises Vietnamese, Korean and English headers ("Tên doanh nghiệp",
 * "업체명", "Company name"), with or without marks, case, brackets or
 * asterisks, and the headers export writes in the current language.
 *
 * Returns: the field, or %VT_IMPORT_FIELD_NONE
 */
VtImportField
vt_import_field_guess (const char *header)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autofree char *folded = NULL;

      if (header == NULL)
        return VT_IMPORT_FIELD_NONE;
      folded = fold_header (header, pass == 1);
      if (folded[0] == '\0')
        continue;
      for (VtImportField f = VT_IMPORT_FIELD_CODE; f < VT_N_IMPORT_FIELDS; f++)
        if (alias_matches (f, folded))
          return f;
    }
  return VT_IMPORT_FIELD_NONE;
}

static const char * const policy_ids[] = { "skip", "update", "new" };

const char *
vt_duplicate_policy_to_string (VtDuplicatePolicy policy)
{
  g_return_val_if_fail ((guint) policy < G_N_ELEMENTS (policy_ids), NULL);
  return policy_ids[policy];
}

gboolean
vt_duplicate_policy_from_string (const char        *id,
                                 VtDuplicatePolicy *policy)
{
  for (guint i = 0; i < G_N_ELEMENTS (policy_ids); i++)
    if (g_strcmp0 (id, policy_ids[i]) == 0)
      {
        *policy = i;
        return TRUE;
      }
  return FALSE;
}

/* Records ----------------------------------------------------------------- */

static void
vt_import_table_clear (VtImportTable *self)
{
  g_clear_pointer (&self->encodings, g_array_unref);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

VT_DEFINE_RC_BOXED (VtImportTable, vt_import_table, vt_import_table_clear)

static void
vt_import_batch_clear (VtImportBatch *self)
{
  g_clear_pointer (&self->suppliers, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->present, g_array_unref);
  g_clear_pointer (&self->rejected, g_ptr_array_unref);
}

VT_DEFINE_RC_BOXED (VtImportBatch, vt_import_batch, vt_import_batch_clear)

static void
vt_import_summary_clear (VtImportSummary *self)
{
  g_clear_pointer (&self->issues, g_ptr_array_unref);
}

VT_DEFINE_RC_BOXED (VtImportSummary, vt_import_summary, vt_import_summary_clear)

VtImportSummary *
vt_import_summary_new (void)
{
  VtImportSummary *self = g_rc_box_new0 (VtImportSummary);

  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_import_issue_free);
  return self;
}

VtImportIssue *
vt_import_issue_new (guint           line,
                     const char     *name,
                     VtImportResult  result,
                     const char     *reason)
{
  VtImportIssue *self = g_new0 (VtImportIssue, 1);

  self->line = line;
  self->name = g_strdup (name);
  self->result = result;
  self->reason = g_strdup (reason);
  return self;
}

void
vt_import_issue_free (VtImportIssue *issue)
{
  g_free (issue->name);
  g_free (issue->reason);
  g_free (issue);
}

/* Reading ----------------------------------------------------------------- */

static gboolean
row_is_empty (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    for (const char *p = row[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Why a row of @n_cells cells, the longest @longest bytes, is beyond
 * the bounds; NULL when it is not. */
static char *
row_problem (guint n_cells,
             gsize longest)
{
  if (n_cells > VT_IMPORT_MAX_COLUMNS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The row has %u cell; a supplier list has at most %u columns.",
                                         "The row has %u cells; a supplier list has at most %u columns.",
                                         n_cells),
                            n_cells, (guint) VT_IMPORT_MAX_COLUMNS);
  if (longest > VT_IMPORT_MAX_CELL_BYTES)
    {
      g_autofree char *size = g_format_size (longest);
      g_autofree char *most = g_format_size (VT_IMPORT_MAX_CELL_BYTES);

      return g_strdup_printf (_("A cell of the row holds %s of text; a cell may hold at most %s."),
                              size, most);
    }
  return NULL;
}

/* Adds a row: the first non-empty one is the header. Returns FALSE to
 * stop reading, with @error set when the file cannot be a list. */
static gboolean
table_add_row (VtImportTable  *self,
               char          **row,
               guint           line,
               guint           max_rows,
               guint           n_cells,
               gsize           longest,
               GError        **error)
{
  if (row_is_empty (row))
    {
      g_strfreev (row);
      return TRUE;
    }
  if (self->header == NULL)
    {
      g_autofree char *problem = row_problem (n_cells, longest);

      if (problem != NULL)
        {
          g_strfreev (row);
          /* Translators: %s says what is wrong with the first row. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The file is not a supplier list: its first row cannot be a header. %s"), problem);
          return FALSE;
        }
      self->header = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; row[i] != NULL; i++)
        g_ptr_array_add (self->header, g_strstrip (g_strdup (row[i])));
      g_strfreev (row);
      return TRUE;
    }
  if (max_rows > 0 && self->rows->len >= max_rows)
    {
      g_strfreev (row);
      self->truncated = TRUE;
      return FALSE;
    }
  g_ptr_array_add (self->rows, row);
  g_array_append_val (self->lines, line);
  g_ptr_array_add (self->problems, row_problem (n_cells, longest));
  return TRUE;
}

/* The number of cells and the longest of an XLSX row. */
static void
measure_row (char  **row,
             guint  *n_cells,
             gsize  *longest)
{
  *n_cells = 0;
  *longest = 0;
  for (char **c = row; *c != NULL; c++)
    {
      (*n_cells)++;
      *longest = MAX (*longest, strlen (*c));
    }
}

/* Cuts an XLSX row to the bounds, as the CSV reader does. */
static void
cut_row (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      if (i == VT_IMPORT_MAX_COLUMNS)
        {
          for (guint j = i; row[j] != NULL; j++)
            g_clear_pointer (&row[j], g_free);
          return;
        }
      if (strlen (row[i]) > VT_IMPORT_MAX_CELL_BYTES)
        {
          const char *valid_end;

          g_utf8_validate_len (row[i], VT_IMPORT_MAX_CELL_BYTES, &valid_end);
          row[i][valid_end - row[i]] = '\0';
        }
    }
}

static gboolean
looks_like_zip (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
}

static guint
count_known_headers (char * const *cells,
                     guint         n)
{
  guint known = 0;

  for (guint i = 0; i < n; i++)
    if (cells[i] != NULL && vt_import_field_guess (cells[i]) != VT_IMPORT_FIELD_NONE)
      known++;
  return known;
}

/* Lists from provinces often carry a title ("DANH SÁCH DOANH NGHIỆP ĐỀ
 * XUẤT"), a date or a blank line above the header. When the first
 * non-empty row names fewer than two known columns, the first of the
 * next rows that names at least two becomes the header, and what was
 * above it is dropped. */
#define HEADER_SEARCH_ROWS 20

static void
find_header_below_title (VtImportTable *self)
{
  guint best = count_known_headers ((char * const *) self->header->pdata, self->header->len);
  char **row;

  if (best >= 2)
    return;

  for (guint r = 0; r < self->rows->len && r < HEADER_SEARCH_ROWS; r++)
    {
      row = g_ptr_array_index (self->rows, r);
      if (count_known_headers (row, g_strv_length (row)) < 2)
        continue;

      g_ptr_array_set_size (self->header, 0);
      for (guint i = 0; row[i] != NULL; i++)
        g_ptr_array_add (self->header, g_strstrip (g_strdup (row[i])));
      g_ptr_array_remove_range (self->rows, 0, r + 1);
      g_ptr_array_remove_range (self->problems, 0, r + 1);
      g_array_remove_range (self->lines, 0, r + 1);
      return;
    }
}

/**
 * vt_import_table_read:
 * @bytes: the whole file
 * @encoding: a #VtEncoding, or -1 to detect it (CSV)
 * @delimiter: ',', ';' or '\t', or 0 to detect it (CSV)
 * @sheet: (nullable): the sheet to read; %NULL for the first (XLSX)
 * @max_rows: stop after this many rows below the header (a preview); 0
 *   for all
 *
 * Reads a supplier list. An .xlsx file is recognised by its content, not
 * its name.
 *
 * Returns: (transfer full) (nullable): the table
 */
VtImportTable *
vt_import_table_read (GBytes      *bytes,
                      int          encoding,
                      char         delimiter,
                      const char  *sheet,
                      guint        max_rows,
                      GError     **error)
{
  g_autoptr(VtImportTable) self = g_rc_box_new0 (VtImportTable);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->encodings = g_array_new (FALSE, FALSE, sizeof (VtEncodingCandidate));
  self->encoding = VT_ENCODING_UTF8;

  if (looks_like_zip (bytes))
    {
      g_autoptr(VtXlsx) xlsx = vt_xlsx_open (bytes, error);
      g_autoptr(GPtrArray) rows = NULL;

      if (xlsx == NULL)
        return NULL;
      self->format = VT_IMPORT_FORMAT_XLSX;
      self->sheets = g_strdupv ((char **) vt_xlsx_get_sheet_names (xlsx));
      if (sheet == NULL)
        sheet = self->sheets[0];
      /* The header may sit below a title: read a little more. */
      rows = vt_xlsx_read_sheet (xlsx, sheet, max_rows > 0 ? max_rows + 50 : 0, error);
      if (rows == NULL)
        return NULL;
      self->sheet = g_strdup (sheet);
      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_steal_pointer (&g_ptr_array_index (rows, i));
          guint n_cells;
          gsize longest;
          GError *row_error = NULL;

          measure_row (row, &n_cells, &longest);
          cut_row (row);
          if (!table_add_row (self, row, i + 1, max_rows, n_cells, longest, &row_error))
            {
              if (row_error != NULL)
                {
                  g_propagate_error (error, row_error);
                  return NULL;
                }
              break;
            }
        }
      /* Rows already stolen are NULL: freeing NULL is fine. */
    }
  else
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      g_autofree char *text = NULL;
      g_autoptr(VtCsvReader) reader = NULL;
      g_autoptr(GPtrArray) fields_row = g_ptr_array_new_with_free_func (g_free);
      gsize text_len = 0, skip = 0;
      char detected;
      guint line = 0;

      g_array_unref (self->encodings);
      self->encodings = vt_encoding_detect (data, size);
      self->encoding = encoding >= 0 ? (VtEncoding) encoding
                                     : g_array_index (self->encodings, VtEncodingCandidate, 0).encoding;
      text = vt_encoding_decode (data, size, self->encoding, &text_len);
      detected = vt_csv_detect_delimiter (text, text_len, &skip);
      self->format = VT_IMPORT_FORMAT_CSV;
      self->delimiter = delimiter != 0 ? delimiter : detected;
      reader = vt_csv_reader_new (text + skip, text_len - skip, self->delimiter);
      vt_csv_reader_set_limits (reader, VT_IMPORT_MAX_COLUMNS, VT_IMPORT_MAX_CELL_BYTES);
      while (vt_csv_reader_next (reader, fields_row, &line))
        {
          char **row = g_new0 (char *, fields_row->len + 1);
          guint n_cells;
          gsize longest;
          GError *row_error = NULL;

          for (guint i = 0; i < fields_row->len; i++)
            row[i] = g_steal_pointer (&g_ptr_array_index (fields_row, i));
          vt_csv_reader_get_record_size (reader, &n_cells, &longest);
          if (!table_add_row (self, row, line + (skip > 0 ? 1 : 0), max_rows, n_cells, longest, &row_error))
            {
              if (row_error != NULL)
                {
                  g_propagate_error (error, row_error);
                  return NULL;
                }
              break;
            }
        }
    }

  if (self->header == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file holds no rows."));
      return NULL;
    }
  find_header_below_title (self);
  return g_steal_pointer (&self);
}

/**
 * vt_import_guess_mapping:
 *
 * Returns: (transfer full) (element-type VtImportField): a field for each
 *   column of the header; a field is given to its first column only
 */
GArray *
vt_import_guess_mapping (VtImportTable *table)
{
  GArray *mapping = g_array_sized_new (FALSE, TRUE, sizeof (VtImportField), table->header->len);
  gboolean used[VT_N_IMPORT_FIELDS] = { FALSE };

  for (guint i = 0; i < table->header->len; i++)
    {
      VtImportField f = vt_import_field_guess (g_ptr_array_index (table->header, i));

      if (used[f])
        f = VT_IMPORT_FIELD_NONE;
      used[f] = f != VT_IMPORT_FIELD_NONE;
      g_array_append_val (mapping, f);
    }
  return mapping;
}

/**
 * vt_import_header_signature:
 * @header: (element-type utf8): a table's header
 *
 * A key for the set of columns a file has, so that the mapping chosen
 * for one file can be offered again for the next file with the same
 * columns: the headers folded (marks and case do not count), in order.
 *
 * Returns: (transfer full): the key
 */
char *
vt_import_header_signature (GPtrArray *header)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *folded = fold_header (g_ptr_array_index (header, i), FALSE);

      if (i > 0)
        g_string_append_c (out, '\x1f');
      g_string_append (out, folded);
    }
  return g_string_free (out, FALSE);
}

/**
 * vt_import_mapping_to_string:
 * @mapping: (element-type VtImportField): a field for each column
 *
 * Returns: (transfer full): the field ids separated by commas
 */
char *
vt_import_mapping_to_string (GArray *mapping)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mapping->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, vt_import_field_to_string (g_array_index (mapping, VtImportField, i)));
    }
  return g_string_free (out, FALSE);
}

/**
 * vt_import_mapping_from_string:
 * @text: from vt_import_mapping_to_string()
 * @n_columns: how many columns the table has
 *
 * Reads a remembered mapping back. A field named twice keeps its first
 * column, as vt_import_guess_mapping() does.
 *
 * Returns: (transfer full) (nullable) (element-type VtImportField): the
 *   mapping, or %NULL when @text does not fit @n_columns columns
 */
GArray *
vt_import_mapping_from_string (const char *text,
                               guint       n_columns)
{
  g_auto(GStrv) ids = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GArray) mapping = NULL;
  gboolean used[VT_N_IMPORT_FIELDS] = { FALSE };

  if (n_columns == 0 || g_strv_length (ids) != n_columns)
    return NULL;
  mapping = g_array_sized_new (FALSE, TRUE, sizeof (VtImportField), n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      VtImportField f;

      if (!vt_import_field_from_string (ids[i], &f))
        return NULL;
      if (used[f])
        f = VT_IMPORT_FIELD_NONE;
      used[f] = f != VT_IMPORT_FIELD_NONE;
      g_array_append_val (mapping, f);
    }
  return g_steal_pointer (&mapping);
}

/* Values ------------------------------------------------------------------ */

/**
 * vt_import_parse_number:
 * @text: a whole number as people write it: "1.234.567" (Vietnamese),
 *   "1,234,567" (Korean, English), "1 234 567", "1234567.0" (a spreadsheet
 *   number), "1.234.567 ₫"
 * @value: (out): the number, rounded
 *
 * Returns: whether @text is a non-negative number
 */
gboolean
vt_import_parse_number (const char *text,
                        gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *last_sep = NULL;
  guint n_dots = 0, n_commas = 0;
  char decimal = 0;
  gdouble d;
  char *end = NULL;
  g_autofree char *clean = NULL;
  GString *c = g_string_new (NULL);

  /* Keep digits and separators; drop spaces, currency signs and words. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
        g_string_append_c (c, *p);
      else if (*p == '-')
        {
          g_string_free (c, TRUE);
          return FALSE;
        }
      else if (g_unichar_isspace (u) || u == 0x20AB || u == 0x00A0 || u == 0x202F)
        continue;
      else if (g_unichar_isalpha (u))
        {
          /* "VND", "đ", "đồng", "원": allowed after the number only. */
          if (c->len == 0)
            {
              g_string_free (c, TRUE);
              return FALSE;
            }
        }
      else
        {
          g_string_free (c, TRUE);
          return FALSE;
        }
    }
  clean = g_string_free (c, FALSE);
  if (clean[0] == '\0')
    return FALSE;

  for (const char *p = clean; *p != '\0'; p++)
    if (*p == '.' || *p == ',')
      {
        last_sep = p;
        if (*p == '.')
          n_dots++;
        else
          n_commas++;
      }

  if (n_dots > 0 && n_commas > 0)
    decimal = *last_sep;                         /* 1.234,5 or 1,234.5 */
  else if (n_dots + n_commas == 1 && strlen (last_sep + 1) != 3)
    decimal = *last_sep;                         /* 1234.5, 12,75 */
  /* Otherwise every separator groups thousands. */

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == decimal && p == last_sep)
        g_string_append_c (digits, '.');
      else if (decimal != 0 && *p == decimal)
        return FALSE;
    }
  if (digits->len == 0 || digits->len > 19)
    return FALSE;
  d = g_ascii_strtod (digits->str, &end);
  if (end == digits->str || *end != '\0' || d > 9.0e18)
    return FALSE;
  *value = (gint64) (d + 0.5);
  return TRUE;
}

/**
 * vt_import_parse_year:
 * @text: "2019", "2019-07-24", "24/07/2019", "2019.0"
 * @year: (out): the year
 *
 * Returns: whether @text holds a year from 1900 to this year
 */
gboolean
vt_import_parse_year (const char *text,
                      int        *year)
{
  static GRegex *re;
  static gsize re_ready;
  g_autoptr(GMatchInfo) match = NULL;
  GDate today;
  int y = 0;

  if (g_once_init_enter (&re_ready))
    {
      re = g_regex_new ("^\\s*(?:(\\d{4})(?:\\.0+)?|(\\d{4})-\\d{1,2}-\\d{1,2}(?:[ T].*)?"
                        "|\\d{1,2}[/.-]\\d{1,2}[/.-](\\d{4}))\\s*$",
                        G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&re_ready, 1);
    }

  if (!g_regex_match (re, text, 0, &match))
    return FALSE;
  for (int group = 1; group <= 3 && y == 0; group++)
    {
      g_autofree char *s = g_match_info_fetch (match, group);

      if (s != NULL && s[0] != '\0')
        y = atoi (s);
    }
  /* Not a GDateTime: a local one reads the time zone file each time,
   * a tenth of the time of a large import. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (y < 1900 || y > g_date_get_year (&today))
    return FALSE;
  *year = y;
  return TRUE;
}

/**
 * vt_import_normalize_tax_code:
 * @text: a tax code as written: "0101234567", "0101 234 567",
 *   "0101234567-001", "0101234567001", or 101234567 (a spreadsheet number
 *   that lost its leading zero)
 *
 * Returns: (nullable): "0101234567" or "0101234567-001"; %NULL when @text
 *   is not a tax code
 */
char *
vt_import_normalize_tax_code (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  int hyphen_at = -1;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '-' && hyphen_at < 0)
        hyphen_at = (int) digits->len;
      else if (*p != ' ' && *p != '.' && *p != '\'')
        return NULL;
    }
  if (hyphen_at >= 0 && (hyphen_at != 10 || digits->len != 13))
    return NULL;
  /* Excel drops the leading zero of a code kept as a number. */
  if (digits->len == 9 || digits->len == 12)
    g_string_prepend_c (digits, '0');
  if (digits->len == 10)
    return g_string_free (g_steal_pointer (&digits), FALSE);
  if (digits->len == 13)
    return g_strdup_printf ("%.10s-%s", digits->str, digits->str + 10);
  return NULL;
}

/* "Tỉnh Bắc Ninh", "TP. Hồ Chí Minh", "Bac Ninh Province" → "bac ninh". */
static char *
fold_place (const char *text)
{
  static const char * const prefixes[] = {
    "thanh pho truc thuoc trung uong ", "thanh pho ", "tinh ", "tp ", "tp. ", "t. ",
  };
  static const char * const suffixes[] = { " province", " city", " 성", " 시", "성", "시" };
  g_autofree char *folded = fold_header (text, TRUE);
  const char *p = folded;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (p, prefixes[i]))
      {
        p += strlen (prefixes[i]);
        break;
      }
  len = strlen (p);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (len > n + 3 && g_str_has_suffix (p, suffixes[i]))
        {
          len -= n;
          break;
        }
    }
  return g_strndup (p, len);
}

/* Folded names → province, the current list winning over the old one. */
static GHashTable *
province_index_new (GPtrArray *provinces)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; provinces != NULL && i < provinces->len; i++)
      {
        VtProvince *p = g_ptr_array_index (provinces, i);
        const char *names[] = { p->name_vi, p->short_name_vi, p->name_en, p->name_ko };

        if ((pass == 0) != (g_strcmp0 (p->list_id, "2025") == 0))
          continue;
        if (pass == 0)
          g_hash_table_insert (index, g_strdup_printf ("#%s", p->code), p);
        for (guint n = 0; n < G_N_ELEMENTS (names); n++)
          {
            char *name = names[n] ? fold_place (names[n]) : NULL;

            if (name == NULL || name[0] == '\0' || g_hash_table_contains (index, name))
              g_free (name);
            else
              g_hash_table_insert (index, name, p);
          }
      }
  return index;
}

static VtProvince *
province_lookup (GHashTable *index,
                 const char *text)
{
  g_autofree char *wanted = fold_place (text);
  guint64 number = 0;

  if (wanted[0] == '\0')
    return NULL;
  if (g_ascii_string_to_unsigned (wanted, 10, 1, 99, &number, NULL))
    {
      g_autofree char *key = g_strdup_printf ("#%02u", (guint) number);

      return g_hash_table_lookup (index, key);
    }
  return g_hash_table_lookup (index, wanted);
}

/**
 * vt_import_find_province:
 * @provinces: (element-type VtProvince): both lists, as the store gives them
 * @text: a code ("01"), or a name in Vietnamese, English or Korean, with
 *   or without "Tỉnh", "Thành phố", marks or case
 * @list_id: (out): "2025", or "pre2025" for a unit that no longer exists
 * @code: (out): its code in that list
 *
 * A name in both lists is the 2025 unit; a name only in the old list is
 * kept as it is, and the store files it under the unit it became part of.
 *
 * Returns: whether the province was recognised
 */
gboolean
vt_import_find_province (GPtrArray   *provinces,
                         const char  *text,
                         const char **list_id,
                         const char **code)
{
  g_autoptr(GHashTable) index = province_index_new (provinces);
  VtProvince *found = province_lookup (index, text);

  if (found == NULL)
    return FALSE;
  *list_id = found->list_id;
  *code = found->code;
  return TRUE;
}

static gboolean
folded_has (const char  *folded,
            const char  *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (folded, list[i]) != NULL)
      return TRUE;
  return FALSE;
}

static VtSector
parse_sector (const char *text)
{
  g_autofree char *folded = vt_search_fold (text);
  VtSector sector;

  if (vt_sector_from_string (text, &sector))
    return sector;
  for (VtSector s = VT_SECTOR_AUTOMOTIVE; s <= VT_SECTOR_OTHER; s++)
    {
      g_autofree char *label = vt_search_fold (vt_sector_get_display_name (s));

      if (strcmp (label, folded) == 0)
        return s;
    }
  if (folded_has (folded, "o to|oto|auto|xe may|자동차|차량"))
    return VT_SECTOR_AUTOMOTIVE;
  if (folded_has (folded, "dien|electr|전자|전기"))
    return VT_SECTOR_ELECTRICAL_ELECTRONIC;
  return VT_SECTOR_OTHER;
}

static VtOwnership
parse_ownership (const char *text)
{
  g_autofree char *folded = vt_search_fold (text);
  VtOwnership ownership;

  if (vt_ownership_from_string (text, &ownership))
    return ownership;
  for (VtOwnership o = VT_OWNERSHIP_UNKNOWN; o <= VT_OWNERSHIP_JOINT_VENTURE; o++)
    {
      g_autofree char *label = vt_search_fold (vt_ownership_get_display_name (o));

      if (strcmp (label, folded) == 0)
        return o;
    }
  if (folded_has (folded, "lien doanh|joint|합작"))
    return VT_OWNERSHIP_JOINT_VENTURE;
  if (folded_has (folded, "han quoc|korea|한국|한국계"))
    return VT_OWNERSHIP_KOREAN_INVESTED;
  if (folded_has (folded, "nuoc ngoai|foreign|fdi|외국|외자"))
    return VT_OWNERSHIP_OTHER_FOREIGN;
  if (folded_has (folded, "nha nuoc|state|국영|국유|공기업"))
    return VT_OWNERSHIP_STATE;
  if (folded_has (folded, "tu nhan|private|trong nuoc|domestic|민간|현지"))
    return VT_OWNERSHIP_DOMESTIC_PRIVATE;
  return VT_OWNERSHIP_UNKNOWN;
}

/* Checking rows ----------------------------------------------------------- */

static char *
nullable_text (const char *cell)
{
  g_autofree char *copy = NULL;

  if (cell == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (cell));
  if (copy[0] == '\0')
    return NULL;
  /* Export's guard against formulas: "'=..." was "=...". */
  if (copy[0] == '\'' && copy[1] != '\0' && strchr ("=+-@", copy[1]) != NULL)
    memmove (copy, copy + 1, strlen (copy));
  /* Store NFC, whatever the file held. */
  return g_utf8_normalize (copy, -1, G_NORMALIZE_NFC);
}

/* Fills @s from one row; on a value that breaks a rule returns the reason,
 * in words for the person importing. */
static char *
fill_supplier (VtSupplier  *s,
               char       **row,
               GArray      *mapping,
               GHashTable  *provinces,
               guint32     *present)
{
  guint n_cells = g_strv_length (row);

  *present = 0;
  for (guint col = 0; col < mapping->len && col < n_cells; col++)
    {
      VtImportField field = g_array_index (mapping, VtImportField, col);
      g_autofree char *value = nullable_text (row[col]);

      if (value == NULL || field == VT_IMPORT_FIELD_NONE)
        continue;
      *present |= 1u << field;

      switch (field)
        {
        case VT_IMPORT_FIELD_CODE:
          g_free (s->code);
          s->code = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_NAME_VI:
          g_free (s->name_vi);
          s->name_vi = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_NAME_EN:
          g_free (s->name_en);
          s->name_en = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_NAME_KO:
          g_free (s->name_ko);
          s->name_ko = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_TAX_CODE:
          g_free (s->tax_code);
          s->tax_code = vt_import_normalize_tax_code (value);
          if (s->tax_code == NULL)
            return g_strdup_printf (_("The tax code “%s” is not 10 digits, or 10 digits and a 3-digit branch number."),
                                    value);
          break;
        case VT_IMPORT_FIELD_SECTOR:
          s->sector = parse_sector (value);
          break;
        case VT_IMPORT_FIELD_PRODUCTS:
          g_free (s->products);
          s->products = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_PROVINCE:
          {
            VtProvince *p = province_lookup (provinces, value);

            if (p == NULL)
              return g_strdup_printf (_("“%s” is not one of the 34 provinces and cities, nor one before 1 July 2025."),
                                      value);
            g_free (s->province_list);
            g_free (s->province_code);
            s->province_list = g_strdup (p->list_id);
            s->province_code = g_strdup (p->code);
          }
          break;
        case VT_IMPORT_FIELD_INDUSTRIAL_ZONE:
          g_free (s->industrial_zone);
          s->industrial_zone = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_ADDRESS:
          g_free (s->address);
          s->address = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_FOUNDED_YEAR:
          if (!vt_import_parse_year (value, &s->founded_year))
            return g_strdup_printf (_("The year founded “%s” is not a year from 1900 to this year."), value);
          break;
        case VT_IMPORT_FIELD_EMPLOYEES:
          if (!vt_import_parse_number (value, &s->employees))
            return g_strdup_printf (_("The number of employees “%s” is not a whole number."), value);
          break;
        case VT_IMPORT_FIELD_REVENUE:
          if (!vt_import_parse_number (value, &s->revenue_vnd))
            return g_strdup_printf (_("The revenue “%s” is not an amount in dong."), value);
          break;
        case VT_IMPORT_FIELD_OWNERSHIP:
          s->ownership = parse_ownership (value);
          break;
        case VT_IMPORT_FIELD_NOTES:
          g_free (s->notes);
          s->notes = g_steal_pointer (&value);
          break;
        case VT_IMPORT_FIELD_NONE:
        default:
          break;
        }
    }

  if (s->name_vi == NULL)
    return g_strdup (_("The company name is missing."));
  return NULL;
}

static const char *
row_name (char   **row,
          GArray  *mapping)
{
  guint n_cells = g_strv_length (row);

  for (guint col = 0; col < mapping->len && col < n_cells; col++)
    if (g_array_index (mapping, VtImportField, col) == VT_IMPORT_FIELD_NAME_VI)
      return row[col];
  return NULL;
}

/**
 * vt_import_batch_new:
 * @table: the rows
 * @mapping: (element-type VtImportField): a field for each column
 * @provinces: (element-type VtProvince): from vt_store_list_provinces_sync()
 *
 * Checks every row and builds a supplier from each row that passes.
 *
 * Returns: (transfer full): the suppliers and the rejected rows
 */
VtImportBatch *
vt_import_batch_new (VtImportTable *table,
                     GArray        *mapping,
                     GPtrArray     *provinces)
{
  VtImportBatch *self = g_rc_box_new0 (VtImportBatch);
  g_autoptr(GHashTable) index = province_index_new (provinces);

  self->suppliers = g_ptr_array_new_full (table->rows->len, (GDestroyNotify) vt_supplier_unref);
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), table->rows->len);
  self->present = g_array_sized_new (FALSE, FALSE, sizeof (guint32), table->rows->len);
  self->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_import_issue_free);

  for (guint i = 0; i < table->rows->len; i++)
    {
      char **row = g_ptr_array_index (table->rows, i);
      guint line = g_array_index (table->lines, guint, i);
      g_autoptr(VtSupplier) s = vt_supplier_new ();
      guint32 present = 0;
      const char *problem = g_ptr_array_index (table->problems, i);
      g_autofree char *reason = problem ? g_strdup (problem) : fill_supplier (s, row, mapping, index, &present);
      g_autoptr(GError) error = NULL;

      if (reason == NULL && !vt_supplier_validate (s, &error))
        reason = g_strdup (error->message);
      if (reason != NULL)
        {
          g_ptr_array_add (self->rejected,
                           vt_import_issue_new (line, row_name (row, mapping),
                                                VT_IMPORT_RESULT_REJECTED, reason));
          continue;
        }
      g_ptr_array_add (self->suppliers, g_steal_pointer (&s));
      g_array_append_val (self->lines, line);
      g_array_append_val (self->present, present);
    }
  return self;
}

/**
 * vt_import_batch_get_progress:
 *
 * How many of the batch's suppliers the store has gone through in the
 * import running now (all of them while it writes the indexes and
 * commits). Safe to call from any thread.
 *
 * Returns: a number from 0 to the number of suppliers
 */
guint
vt_import_batch_get_progress (VtImportBatch *batch)
{
  return (guint) g_atomic_int_get (&batch->progress);
}

/**
 * vt_import_batch_set_progress:
 * @done: the suppliers gone through
 *
 * For backends, on the store's thread: records the progress of the import
 * and calls the progress function, if any.
 */
void
vt_import_batch_set_progress (VtImportBatch *batch,
                              guint          done)
{
  g_atomic_int_set (&batch->progress, (gint) done);
  if (batch->progress_func != NULL)
    batch->progress_func (batch, done, batch->progress_data);
}

/**
 * vt_import_batch_set_progress_func:
 * @func: (nullable): called on the store's thread each time the progress
 *   moves (every few hundred rows); it may cancel the import's cancellable
 * @user_data: for @func; must outlive the import
 *
 * Follows an import from the store's own thread.
 */
void
vt_import_batch_set_progress_func (VtImportBatch        *batch,
                                   VtImportProgressFunc  func,
                                   gpointer              user_data)
{
  batch->progress_func = func;
  batch->progress_data = user_data;
}

/* The summary ------------------------------------------------------------- */

const char *
vt_import_result_get_label (VtImportResult result)
{
  switch (result)
    {
    case VT_IMPORT_RESULT_IMPORTED: return C_("import result", "Imported");
    case VT_IMPORT_RESULT_UPDATED: return C_("import result", "Updated");
    case VT_IMPORT_RESULT_SKIPPED: return C_("import result", "Skipped");
    case VT_IMPORT_RESULT_REJECTED: return C_("import result", "Rejected");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * vt_import_summary_to_csv:
 * @length: (out) (optional): the length
 *
 * The rows that were not imported as new, with what happened and why, as
 * a CSV file (UTF-8 with a byte-order mark, for Excel).
 *
 * Returns: the file's text
 */
char *
vt_import_summary_to_csv (VtImportSummary *summary,
                          gsize           *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  vt_csv_append_field (out, C_("import summary column", "Line"), ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, C_("import summary column", "Company name"), ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, C_("import summary column", "Result"), ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, C_("import summary column", "Reason"), ',');
  g_string_append (out, "\r\n");

  for (guint i = 0; i < summary->issues->len; i++)
    {
      VtImportIssue *issue = g_ptr_array_index (summary->issues, i);
      g_autofree char *name = vt_csv_neutralize (issue->name);
      g_autofree char *reason = vt_csv_neutralize (issue->reason);

      g_string_append_printf (out, "%u,", issue->line);
      vt_csv_append_field (out, name, ',');
      g_string_append_c (out, ',');
      vt_csv_append_field (out, vt_import_result_get_label (issue->result), ',');
      g_string_append_c (out, ',');
      vt_csv_append_field (out, reason, ',');
      g_string_append (out, "\r\n");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
