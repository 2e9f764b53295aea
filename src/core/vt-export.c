/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-export.c: supplier lists to CSV (UTF-8 with a byte-order mark, so
 * that Excel shows Vietnamese and Korean right) and to XLSX through
 * libxlsxwriter (numbers and dates as typed cells).
 *
 * Text that a spreadsheet would run as a formula (= + - @, tab, CR first)
 * gets a leading apostrophe in both; import takes it off again.
 */

#define G_LOG_DOMAIN "vt-export"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "vt-csv.h"
#include "vt-export.h"
#include "vt-import.h"
#include "vt-round.h"
#include "vt-supplier.h"

/* The columns, in order: every field import knows, then two dates. */
static const VtImportField columns[] = {
  VT_IMPORT_FIELD_CODE, VT_IMPORT_FIELD_NAME_VI, VT_IMPORT_FIELD_NAME_EN, VT_IMPORT_FIELD_NAME_KO,
  VT_IMPORT_FIELD_TAX_CODE, VT_IMPORT_FIELD_SECTOR, VT_IMPORT_FIELD_PRODUCTS,
  VT_IMPORT_FIELD_PROVINCE, VT_IMPORT_FIELD_INDUSTRIAL_ZONE, VT_IMPORT_FIELD_ADDRESS,
  VT_IMPORT_FIELD_FOUNDED_YEAR, VT_IMPORT_FIELD_EMPLOYEES, VT_IMPORT_FIELD_REVENUE,
  VT_IMPORT_FIELD_OWNERSHIP, VT_IMPORT_FIELD_NOTES,
};

/* Column widths in characters, for XLSX. */
static const double widths[] = { 12, 40, 32, 24, 16, 22, 30, 20, 24, 40, 10, 10, 18, 22, 30, 12, 12 };

/**
 * vt_export_format_from_path:
 * @path: a file name
 * @format: (out): CSV for ".csv" (and ".txt"), XLSX for ".xlsx"
 *
 * Returns: whether the extension names a format
 */
gboolean
vt_export_format_from_path (const char     *path,
                            VtExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    *format = VT_EXPORT_FORMAT_XLSX;
  else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    *format = VT_EXPORT_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

static const char *
province_name (GPtrArray  *provinces,
               VtSupplier *s)
{
  if (s->province_code == NULL)
    return NULL;
  for (guint i = 0; provinces != NULL && i < provinces->len; i++)
    {
      VtProvince *p = g_ptr_array_index (provinces, i);

      if (g_strcmp0 (p->list_id, s->province_list) == 0 && g_strcmp0 (p->code, s->province_code) == 0)
        return p->short_name_vi;
    }
  return s->province_code;
}

/* The text of a text column, neutralised; NULL for a number column. */
static char *
text_value (VtImportField  field,
            VtSupplier    *s,
            GPtrArray     *provinces)
{
  const char *value = NULL;

  switch (field)
    {
    case VT_IMPORT_FIELD_CODE: value = s->code; break;
    case VT_IMPORT_FIELD_NAME_VI: value = s->name_vi; break;
    case VT_IMPORT_FIELD_NAME_EN: value = s->name_en; break;
    case VT_IMPORT_FIELD_NAME_KO: value = s->name_ko; break;
    case VT_IMPORT_FIELD_TAX_CODE: value = s->tax_code; break;
    case VT_IMPORT_FIELD_SECTOR: value = vt_sector_get_display_name (s->sector); break;
    case VT_IMPORT_FIELD_PRODUCTS: value = s->products; break;
    case VT_IMPORT_FIELD_PROVINCE: value = province_name (provinces, s); break;
    case VT_IMPORT_FIELD_INDUSTRIAL_ZONE: value = s->industrial_zone; break;
    case VT_IMPORT_FIELD_ADDRESS: value = s->address; break;
    case VT_IMPORT_FIELD_OWNERSHIP:
      value = s->ownership == VT_OWNERSHIP_UNKNOWN ? NULL : vt_ownership_get_display_name (s->ownership);
      break;
    case VT_IMPORT_FIELD_NOTES: value = s->notes; break;
    case VT_IMPORT_FIELD_FOUNDED_YEAR:
    case VT_IMPORT_FIELD_EMPLOYEES:
    case VT_IMPORT_FIELD_REVENUE:
    case VT_IMPORT_FIELD_NONE:
    default:
      return NULL;
    }
  return vt_csv_neutralize (value != NULL ? value : "");
}

/* A number column's value; FALSE when unknown. */
static gboolean
number_value (VtImportField  field,
              VtSupplier    *s,
              gint64        *value)
{
  switch (field)
    {
    case VT_IMPORT_FIELD_FOUNDED_YEAR: *value = s->founded_year; return s->founded_year > 0;
    case VT_IMPORT_FIELD_EMPLOYEES: *value = s->employees; return s->employees >= 0;
    case VT_IMPORT_FIELD_REVENUE: *value = s->revenue_vnd; return s->revenue_vnd >= 0;
    default: return FALSE;
    }
}

static const char *
added_label (void)
{
  return C_("export column", "Added on");
}

static const char *
changed_label (void)
{
  return C_("export column", "Last changed");
}

static char *
date_text (GDateTime *t)
{
  g_autoptr(GDateTime) local = NULL;

  if (t == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (t);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/**
 * vt_export_to_csv:
 * @suppliers: (element-type VtSupplier): what to write
 * @provinces: (element-type VtProvince) (nullable): to write province
 *   names rather than codes
 * @length: (out) (optional): the length
 *
 * Returns: the CSV text: a byte-order mark, a header row in the current
 *   language, comma-separated, CRLF line ends
 */
char *
vt_export_to_csv (GPtrArray *suppliers,
                  GPtrArray *provinces,
                  gsize     *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      vt_csv_append_field (out, vt_import_field_get_label (columns[c]), ',');
      g_string_append_c (out, ',');
    }
  vt_csv_append_field (out, added_label (), ',');
  g_string_append_c (out, ',');
  vt_csv_append_field (out, changed_label (), ',');
  g_string_append (out, "\r\n");

  for (guint i = 0; i < suppliers->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (suppliers, i);
      g_autofree char *added = date_text (s->created_at);
      g_autofree char *changed = date_text (s->updated_at);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *text = text_value (columns[c], s, provinces);
          gint64 number;

          if (text != NULL)
            vt_csv_append_field (out, text, ',');
          else if (number_value (columns[c], s, &number))
            g_string_append_printf (out, "%" G_GINT64_FORMAT, number);
          g_string_append_c (out, ',');
        }
      g_string_append_printf (out, "%s,%s\r\n", added, changed);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

static lxw_datetime
to_lxw (GDateTime *t)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (t);
  lxw_datetime d = {
    g_date_time_get_year (local), g_date_time_get_month (local), g_date_time_get_day_of_month (local),
    g_date_time_get_hour (local), g_date_time_get_minute (local), g_date_time_get_second (local),
  };

  return d;
}

static gboolean
write_xlsx (GPtrArray   *suppliers,
            GPtrArray   *provinces,
            const char  *path,
            GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws;
  lxw_format *header, *date, *money, *plain;
  lxw_error rc;
  guint n_columns = G_N_ELEMENTS (columns) + 2;

  if (wb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), path);
      return FALSE;
    }
  ws = workbook_add_worksheet (wb, C_("export sheet", "Suppliers"));
  header = workbook_add_format (wb);
  format_set_bold (header);
  format_set_text_wrap (header);
  date = workbook_add_format (wb);
  format_set_num_format (date, "yyyy-mm-dd hh:mm");
  money = workbook_add_format (wb);
  format_set_num_format (money, "#,##0");
  plain = workbook_add_format (wb);
  format_set_num_format (plain, "0");

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    worksheet_write_string (ws, 0, (lxw_col_t) c, vt_import_field_get_label (columns[c]), header);
  worksheet_write_string (ws, 0, (lxw_col_t) G_N_ELEMENTS (columns), added_label (), header);
  worksheet_write_string (ws, 0, (lxw_col_t) G_N_ELEMENTS (columns) + 1, changed_label (), header);
  worksheet_freeze_panes (ws, 1, 0);
  if (suppliers->len > 0)
    worksheet_autofilter (ws, 0, 0, suppliers->len, (lxw_col_t) n_columns - 1);

  for (guint i = 0; i < suppliers->len; i++)
    {
      VtSupplier *s = g_ptr_array_index (suppliers, i);
      lxw_row_t row = (lxw_row_t) i + 1;

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *text = text_value (columns[c], s, provinces);
          gint64 number;

          if (text != NULL && text[0] != '\0')
            worksheet_write_string (ws, row, (lxw_col_t) c, text, NULL);
          else if (text == NULL && number_value (columns[c], s, &number))
            worksheet_write_number (ws, row, (lxw_col_t) c, (double) number,
                                    columns[c] == VT_IMPORT_FIELD_REVENUE ? money : plain);
        }
      if (s->created_at != NULL)
        {
          lxw_datetime d = to_lxw (s->created_at);

          worksheet_write_datetime (ws, row, (lxw_col_t) G_N_ELEMENTS (columns), &d, date);
        }
      if (s->updated_at != NULL)
        {
          lxw_datetime d = to_lxw (s->updated_at);

          worksheet_write_datetime (ws, row, (lxw_col_t) G_N_ELEMENTS (columns) + 1, &d, date);
        }
    }

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * vt_export_write:
 * @suppliers: (element-type VtSupplier): what to write
 * @provinces: (element-type VtProvince) (nullable): for province names
 * @path: the file; replaced only once the new one is complete
 * @format: CSV or XLSX
 *
 * Returns: whether the file was written
 */
gboolean
vt_export_write (GPtrArray       *suppliers,
                 GPtrArray       *provinces,
                 const char      *path,
                 VtExportFormat   format,
                 GError         **error)
{
  g_autofree char *tmp = NULL;

  if (format == VT_EXPORT_FORMAT_CSV)
    {
      gsize length = 0;
      g_autofree char *text = vt_export_to_csv (suppliers, provinces, &length);

      return g_file_set_contents (path, text, (gssize) length, error);
    }

  /* libxlsxwriter writes in place: write beside, then rename over. */
  tmp = g_strconcat (path, ".part", NULL);
  if (!write_xlsx (suppliers, provinces, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
