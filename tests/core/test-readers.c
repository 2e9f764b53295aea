/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readers.c: encodings, CSV and XLSX reading. */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "vt-csv.h"
#include "vt-encoding.h"
#include "vt-xlsx.h"

/* A list as provinces send it: Vietnamese with every kind of mark. */
static const char vi_text[] =
  "Tên doanh nghiệp;Mã số thuế;Tỉnh/thành\r\n"
  "Công ty TNHH Điện tử Hưng Thịnh;0101234567;Tỉnh Bắc Ninh\r\n"
  "Công ty cổ phần linh kiện ô tô Trường Phát;0109876543;Thành phố Hải Phòng\r\n"
  "Doanh nghiệp tư nhân cơ khí Nguyễn Văn Đức;0201112223;Tỉnh Hưng Yên\r\n"
  "Công ty TNHH sản xuất khuôn mẫu Việt Hàn;0301234568;Thành phố Hồ Chí Minh\r\n";

static const char ko_text[] =
  "업체명,사업자번호,성\r\n"
  "현대자동차 협력사 베트남 공급업체,0101234567,하노이\r\n"
  "삼성전자 부품 협력업체 전기전자,0109876543,박닌\r\n"
  "엘지이노텍 공급망 지원산업 기업,0201112223,하이퐁\r\n";

static GBytes *
encode (const char *text,
        const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  char *bytes = g_convert (text, -1, charset, "UTF-8", NULL, &written, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (bytes, written);
}

static void
assert_detects (GBytes     *bytes,
                VtEncoding  expected,
                const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GArray) candidates = vt_encoding_detect (data, size);
  VtEncodingCandidate *best = &g_array_index (candidates, VtEncodingCandidate, 0);
  g_autofree char *decoded = NULL;

  for (guint i = 0; i < candidates->len; i++)
    g_test_message ("%s %.3f", vt_encoding_to_string (g_array_index (candidates, VtEncodingCandidate, i).encoding),
                    g_array_index (candidates, VtEncodingCandidate, i).confidence);
  if (best->encoding != expected)
    g_error ("detected %s (%.2f), expected %s", vt_encoding_to_string (best->encoding),
             best->confidence, vt_encoding_to_string (expected));
  g_assert_cmpfloat (best->confidence, >=, 0.7);
  /* The runner-up is clearly worse. */
  if (candidates->len > 1)
    g_assert_cmpfloat (g_array_index (candidates, VtEncodingCandidate, 1).confidence, <, best->confidence - 0.2);

  decoded = vt_encoding_decode (data, size, best->encoding, NULL);
  if (text != NULL)
    g_assert_cmpstr (decoded, ==, text);
}

static void
test_encoding_utf8 (void)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (vi_text, strlen (vi_text));
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", vi_text, NULL);
  g_autoptr(GBytes) bom = g_bytes_new_static (with_bom, strlen (with_bom));
  g_autoptr(GBytes) korean = g_bytes_new_static (ko_text, strlen (ko_text));
  g_autofree char *nfd = g_utf8_normalize (vi_text, -1, G_NORMALIZE_NFD);
  g_autoptr(GBytes) decomposed = g_bytes_new_static (nfd, strlen (nfd));
  g_autoptr(GArray) ascii = vt_encoding_detect ("a,b\r\n1,2\r\n", 10);

  assert_detects (plain, VT_ENCODING_UTF8, vi_text);
  assert_detects (bom, VT_ENCODING_UTF8, vi_text);
  assert_detects (korean, VT_ENCODING_UTF8, ko_text);
  /* Decomposed input comes out composed. */
  assert_detects (decomposed, VT_ENCODING_UTF8, vi_text);

  g_assert_cmpuint (ascii->len, ==, 1);
  g_assert_cmpint (g_array_index (ascii, VtEncodingCandidate, 0).encoding, ==, VT_ENCODING_UTF8);
}

static void
test_encoding_legacy (void)
{
  g_autoptr(GBytes) cp1258 = encode (vi_text, "CP1258");
  g_autoptr(GBytes) viscii = encode (vi_text, "VISCII");
  g_autoptr(GBytes) tcvn = encode (vi_text, "TCVN5712-1");
  g_autoptr(GBytes) cp949 = encode (ko_text, "CP949");

  assert_detects (cp1258, VT_ENCODING_CP1258, vi_text);
  assert_detects (viscii, VT_ENCODING_VISCII, vi_text);
  assert_detects (tcvn, VT_ENCODING_TCVN3, vi_text);
  /* Korean bytes decode "fine" as CP1258; the score tells them apart. */
  assert_detects (cp949, VT_ENCODING_CP949, ko_text);
}

/* Our own tables agree with glibc's converters, byte for byte. */
static void
test_encoding_tables (void)
{
  for (guint b = 0x80; b <= 0xFF; b++)
    {
      char byte = (char) b;
      g_autofree char *ours = vt_encoding_decode (&byte, 1, VT_ENCODING_VISCII, NULL);
      g_autofree char *glibc = g_convert (&byte, 1, "UTF-8", "VISCII", NULL, NULL, NULL);

      g_assert_cmpstr (ours, ==, glibc);
    }
  for (guint b = 0xA1; b <= 0xFF; b++)
    {
      char byte = (char) b;
      g_autofree char *ours = vt_encoding_decode (&byte, 1, VT_ENCODING_TCVN3, NULL);
      g_autofree char *glibc = g_convert (&byte, 1, "UTF-8", "TCVN5712-1", NULL, NULL, NULL);
      g_autofree char *glibc_nfc = glibc ? g_utf8_normalize (glibc, -1, G_NORMALIZE_NFC) : NULL;

      g_assert_cmpstr (ours, ==, glibc_nfc);
    }
}

/* VNI is not in iconv: hand-written bytes. "Công ty Điện tử Trường Phát"
 * and a word for every mark. */
static const char vni_bytes[] =
  "Teân doanh nghieäp,Maõ soá thueá\r\n"
  "Coâng ty TNHH Ñieän töû Tröôøng Phaùt,0101234567\r\n"
  "Coâng ty coå phaàn cô khí Nguyeãn Vaên Ñöùc,0109876543\r\n"
  "Doanh nghieäp tö nhaân khuoân maãu Vieät Haøn,0201112223\r\n";
static const char vni_expected[] =
  "Tên doanh nghiệp,Mã số thuế\r\n"
  "Công ty TNHH Điện tử Trường Phát,0101234567\r\n"
  "Công ty cổ phần cơ khí Nguyễn Văn Đức,0109876543\r\n"
  "Doanh nghiệp tư nhân khuôn mẫu Việt Hàn,0201112223\r\n";

static GBytes *
latin1_bytes (const char *utf8)
{
  return encode (utf8, "ISO-8859-1");
}

static void
test_encoding_vni (void)
{
  /* The test source is UTF-8: turn "Coâng" back into the VNI bytes. */
  g_autoptr(GBytes) vni = latin1_bytes (vni_bytes);
  g_autoptr(GBytes) mojibake = g_bytes_new_static (vni_bytes, strlen (vni_bytes));

  assert_detects (vni, VT_ENCODING_VNI, vni_expected);
  /* The same bytes read as Windows-1252 and saved as UTF-8. */
  assert_detects (mojibake, VT_ENCODING_VNI_IN_UTF8, vni_expected);
}

static void
test_encoding_tcvn3_mojibake (void)
{
  /* "Công ty Điện tử" in TCVN3, seen through Windows-1252, saved as UTF-8:
   * the way LOCALE.md quotes it. */
  static const char text[] =
    "C\xC2\xABng ty \xC2\xA7i\xC3\x96n t\xC3\xB6 H\xC2\xADng Th\xC3\x9Enh\r\n"
    "Doanh nghi\xC3\x96p t\xC2\xAD nh\xC2\xA9n c\xC2\xAC kh\xC3\x9D\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  assert_detects (bytes, VT_ENCODING_TCVN3_IN_UTF8,
                  "Công ty Điện tử Hưng Thịnh\r\nDoanh nghiệp tư nhân cơ khí\r\n");
}

static void
test_encoding_names (void)
{
  VtEncoding e;

  for (VtEncoding i = 0; i < VT_N_ENCODINGS; i++)
    {
      g_assert_true (vt_encoding_from_string (vt_encoding_to_string (i), &e));
      g_assert_cmpint (e, ==, i);
      g_assert_nonnull (vt_encoding_get_label (i));
    }
  g_assert_true (vt_encoding_from_string ("EUC-KR", &e));
  g_assert_cmpint (e, ==, VT_ENCODING_CP949);
  g_assert_false (vt_encoding_from_string ("klingon", &e));
}

static void
test_syllables (void)
{
  const char *good[] = { "Nguyễn", "trường", "nghiêng", "Điện", "khuỷu", "gì", "quốc", "ưu" };
  const char *bad[] = { "C«ng", "§iÖn", "tö", "ÇöґëÀÚ", "Trưòờng", "xyzq" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (vt_vietnamese_syllable_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (vt_vietnamese_syllable_is_valid (bad[i]));
}

static void
test_encoding_invalid_bytes (void)
{
  /* Invalid UTF-8 forced as UTF-8: replacement characters, no crash. */
  static const char bytes[] = "ab\xC3\x28" "cd\xE2\x82";
  g_autofree char *text = vt_encoding_decode (bytes, sizeof bytes - 1, VT_ENCODING_UTF8, NULL);
  g_autofree char *korean = vt_encoding_decode ("\x81\xFF" "a", 3, VT_ENCODING_CP949, NULL);

  /* One replacement character per byte that is not UTF-8. */
  g_assert_cmpstr (text, ==, "ab\xEF\xBF\xBD(cd\xEF\xBF\xBD\xEF\xBF\xBD");
  g_assert_true (g_utf8_validate (korean, -1, NULL));
  g_assert_true (g_str_has_suffix (korean, "a"));
}

/* CSV --------------------------------------------------------------------- */

static GPtrArray *
read_all (const char *text,
          char        delimiter)
{
  g_autoptr(VtCsvReader) reader = vt_csv_reader_new (text, strlen (text), delimiter);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  while (vt_csv_reader_next (reader, fields, NULL))
    {
      GStrvBuilder *b = g_strv_builder_new ();

      for (guint i = 0; i < fields->len; i++)
        g_strv_builder_add (b, g_ptr_array_index (fields, i));
      g_ptr_array_add (records, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return records;
}

static char *
joined (GPtrArray *records,
        guint      i)
{
  return g_strjoinv ("|", g_ptr_array_index (records, i));
}

static void
test_csv_quoting (void)
{
  g_autoptr(GPtrArray) r = read_all ("\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                                     "\"two\r\nlines\",,x\n"
                                     "\n"
                                     "open \"quote,last,\n"
                                     "\"unterminated,at end", ',');
  g_autofree char *r0 = joined (r, 0);
  g_autofree char *r1 = joined (r, 1);
  g_autofree char *r2 = joined (r, 2);
  g_autofree char *r3 = joined (r, 3);

  g_assert_cmpuint (r->len, ==, 4);
  g_assert_cmpstr (r0, ==, "a|b,c|say \"hi\"");
  g_assert_cmpstr (r1, ==, "two\r\nlines||x");
  g_assert_cmpstr (r2, ==, "open \"quote|last|");
  g_assert_cmpstr (r3, ==, "unterminated,at end");
}

static void
test_csv_lines (void)
{
  const char *text = "h1;h2\r\n\r\n\"x\ny\";2\r\nlast;3";
  g_autoptr(VtCsvReader) reader = vt_csv_reader_new (text, strlen (text), ';');
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint line = 0;

  g_assert_true (vt_csv_reader_next (reader, fields, &line));
  g_assert_cmpuint (line, ==, 1);
  g_assert_true (vt_csv_reader_next (reader, fields, &line));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "x\ny");
  g_assert_true (vt_csv_reader_next (reader, fields, &line));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "3");
  g_assert_false (vt_csv_reader_next (reader, fields, &line));
}

static void
test_csv_delimiter (void)
{
  gsize skip = 99;

  g_assert_cmpint (vt_csv_detect_delimiter ("a,b,c\n1,2,3\n", 12, &skip), ==, ',');
  g_assert_cmpuint (skip, ==, 0);
  /* Excel in a Vietnamese locale: semicolons, decimal commas. */
  g_assert_cmpint (vt_csv_detect_delimiter ("Tên;Doanh thu\nA;1,5\nB;2,25\n", strlen ("Tên;Doanh thu\nA;1,5\nB;2,25\n"), NULL), ==, ';');
  g_assert_cmpint (vt_csv_detect_delimiter ("a\tb, c\n1\t2, 3\n", 14, NULL), ==, '\t');
  /* A comma inside quotes does not count. */
  g_assert_cmpint (vt_csv_detect_delimiter ("\"a,b\";c\n\"d,e\";f\n", 16, NULL), ==, ';');
  g_assert_cmpint (vt_csv_detect_delimiter ("sep=;\r\na,b;c\r\n", 14, &skip), ==, ';');
  g_assert_cmpuint (skip, ==, 7);
  g_assert_cmpint (vt_csv_detect_delimiter ("one column\nonly\n", 16, NULL), ==, ',');
}

static void
test_csv_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *a = vt_csv_neutralize ("=HYPERLINK(\"http://x\")");
  g_autofree char *b = vt_csv_neutralize ("+84 24 3333 4444");
  g_autofree char *c = vt_csv_neutralize ("Công ty");
  g_autofree char *d = vt_csv_neutralize ("\t=1+1");
  g_autofree char *e = vt_csv_neutralize ("@SUM(A1)");
  g_autofree char *f = vt_csv_neutralize ("-2");
  g_autoptr(GPtrArray) back = NULL;

  g_assert_cmpstr (a, ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (b, ==, "'+84 24 3333 4444");
  g_assert_cmpstr (c, ==, "Công ty");
  g_assert_cmpstr (d, ==, "'\t=1+1");
  g_assert_cmpstr (e, ==, "'@SUM(A1)");
  g_assert_cmpstr (f, ==, "'-2");
  g_assert_null (vt_csv_neutralize (NULL));

  vt_csv_append_field (out, "plain", ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, "a \"quoted\", text\nwith a line", ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, " padded ", ',');
  g_string_append (out, "\r\n");
  back = read_all (out->str, ',');
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (back, 0))[1], ==, "a \"quoted\", text\nwith a line");
  g_assert_cmpstr (((char **) g_ptr_array_index (back, 0))[2], ==, " padded ");
}

/* XLSX -------------------------------------------------------------------- */

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static void
test_xlsx_serials (void)
{
  struct { double serial; gboolean d1904; const char *iso; } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 61, FALSE, "1900-03-01" },
    { 45000, FALSE, "2023-03-15" },
    { 46227.5, FALSE, "2026-07-24 12:00:00" },
    { 0, TRUE, "1904-01-01" },
    { 43538, TRUE, "2023-03-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = vt_xlsx_serial_to_iso (cases[i].serial, cases[i].d1904, TRUE);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  g_assert_null (vt_xlsx_serial_to_iso (-1, FALSE, FALSE));
}

static void
test_xlsx_libxlsxwriter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vt-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "list.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (wb, "Ghi chú");
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Nhà cung cấp");
  lxw_format *date_format = workbook_add_format (wb);
  lxw_datetime founded = { 2019, 7, 24, 0, 0, 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *names;
  char **row;

  format_set_num_format (date_format, "dd/mm/yyyy");
  worksheet_write_string (notes, 0, 0, "not this one", NULL);
  worksheet_write_string (ws, 0, 0, "Tên doanh nghiệp", NULL);
  worksheet_write_string (ws, 0, 1, "Số lao động", NULL);
  worksheet_write_string (ws, 0, 2, "Ngày thành lập", NULL);
  worksheet_write_string (ws, 0, 4, "업체명", NULL);
  worksheet_write_string (ws, 2, 0, "Công ty Điện tử Hưng Thịnh", NULL);
  worksheet_write_number (ws, 2, 1, 250, NULL);
  worksheet_write_datetime (ws, 2, 2, &founded, date_format);
  worksheet_write_number (ws, 2, 3, 1234.5, NULL);
  worksheet_write_boolean (ws, 2, 4, 1, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  bytes = read_file_bytes (path);
  xlsx = vt_xlsx_open (bytes, &error);
  g_assert_no_error (error);
  names = vt_xlsx_get_sheet_names (xlsx);
  g_assert_cmpstr (names[0], ==, "Ghi chú");
  g_assert_cmpstr (names[1], ==, "Nhà cung cấp");
  g_assert_null (names[2]);

  rows = vt_xlsx_read_sheet (xlsx, "Nhà cung cấp", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "Tên doanh nghiệp");
  g_assert_cmpstr (row[3], ==, "");
  g_assert_cmpstr (row[4], ==, "업체명");
  row = g_ptr_array_index (rows, 1);
  g_assert_null (row[0]);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "Công ty Điện tử Hưng Thịnh");
  g_assert_cmpstr (row[1], ==, "250");
  g_assert_cmpstr (row[2], ==, "2019-07-24");
  g_assert_cmpstr (row[3], ==, "1234.5");
  g_assert_cmpstr (row[4], ==, "TRUE");

  /* The first sheet by default; a row limit. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = vt_xlsx_read_sheet (xlsx, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "not this one");

  g_assert_null (vt_xlsx_read_sheet (xlsx, "Sheet9", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (dir);
}

static void
add_part (zip_t      *zip,
          const char *name,
          const char *text)
{
  zip_source_t *source = zip_source_buffer (zip, text, strlen (text), 0);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
}

/* Written by hand the way other programs do it: prefixed namespaces, an
 * absolute relationship target, inline strings, rich text with phonetic
 * runs, a custom date format and the 1904 epoch, no <row r>. */
static void
test_xlsx_hand_made (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vt-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hand.xlsx", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VtXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  char **row;

  g_assert_nonnull (zip);
  add_part (zip, "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add_part (zip, "xl/workbook.xml",
            "<?xml version=\"1.0\"?>"
            "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<x:workbookPr date1904=\"true\"/>"
            "<x:sheets><x:sheet name=\"DS\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets></x:workbook>");
  add_part (zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>");
  add_part (zip, "xl/sharedStrings.xml",
            "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<si><t>Mã số thuế</t></si>"
            "<si><r><t>현대</t></r><r><t xml:space=\"preserve\"> 협력사</t></r><rPh sb=\"0\" eb=\"1\"><t>ヒョンデ</t></rPh></si>"
            "</sst>");
  add_part (zip, "xl/styles.xml",
            "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
            "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"3\"/></cellXfs>"
            "</styleSheet>");
  add_part (zip, "xl/worksheets/data.xml",
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<sheetData>"
            "<row><c t=\"s\"><v>0</v></c><c t=\"inlineStr\"><is><t>Ngày</t></is></c><c t=\"s\"><v>1</v></c></row>"
            "<row><c r=\"A2\" t=\"str\"><f>A1</f><v>0101234567</v></c><c r=\"B2\" s=\"1\"><v>43538</v></c>"
            "<c r=\"D2\" s=\"2\"><v>1500000</v></c><c r=\"E2\" t=\"s\"><v>99</v></c></row>"
            "</sheetData></worksheet>");
  g_assert_cmpint (zip_close (zip), ==, 0);

  bytes = read_file_bytes (path);
  xlsx = vt_xlsx_open (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vt_xlsx_get_sheet_names (xlsx)[0], ==, "DS");
  rows = vt_xlsx_read_sheet (xlsx, "DS", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "Mã số thuế");
  g_assert_cmpstr (row[1], ==, "Ngày");
  g_assert_cmpstr (row[2], ==, "현대 협력사");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "0101234567");
  g_assert_cmpstr (row[1], ==, "2023-03-15");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpstr (row[3], ==, "1500000");
  g_assert_cmpstr (row[4], ==, "");      /* a shared string index out of range */

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_xlsx_not_a_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("a,b\n1,2\n", 8);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_null (vt_xlsx_open (text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (vt_xlsx_open (empty, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/encoding/utf8", test_encoding_utf8);
  g_test_add_func ("/encoding/legacy", test_encoding_legacy);
  g_test_add_func ("/encoding/tables", test_encoding_tables);
  g_test_add_func ("/encoding/vni", test_encoding_vni);
  g_test_add_func ("/encoding/tcvn3-mojibake", test_encoding_tcvn3_mojibake);
  g_test_add_func ("/encoding/names", test_encoding_names);
  g_test_add_func ("/encoding/syllables", test_syllables);
  g_test_add_func ("/encoding/invalid-bytes", test_encoding_invalid_bytes);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/lines", test_csv_lines);
  g_test_add_func ("/csv/delimiter", test_csv_delimiter);
  g_test_add_func ("/csv/write", test_csv_write);
  g_test_add_func ("/xlsx/serials", test_xlsx_serials);
  g_test_add_func ("/xlsx/libxlsxwriter", test_xlsx_libxlsxwriter);
  g_test_add_func ("/xlsx/hand-made", test_xlsx_hand_made);
  g_test_add_func ("/xlsx/not-a-workbook", test_xlsx_not_a_workbook);

  return g_test_run ();
}
