/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-xlsx.c: an .xlsx reader on libzip and libxml2's streaming reader.
 *
 * The file is hostile input: every part read from the archive is capped in
 * size (a zip bomb stops at the cap), the XML parser never touches the
 * network, never loads a DTD and never substitutes entities.
 */

#define G_LOG_DOMAIN "vt-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "vt-xlsx.h"

#define MAX_PART_SIZE (256 * 1024 * 1024)
#define MAX_COLUMNS 16384
#define MAX_SHARED_STRINGS (4 * 1024 * 1024)

struct _VtXlsx
{
  zip_t      *zip;
  GBytes     *bytes;
  GPtrArray  *sheet_names;      /* char*, NULL-terminated */
  GPtrArray  *sheet_paths;      /* char*, parts in the archive */
  GPtrArray  *shared;           /* char* */
  GArray     *date_styles;      /* gboolean per cellXfs index */
  gboolean    date1904;
};

static void
set_invalid (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The file is not a readable Excel workbook (.xlsx)."));
}

/* Reads a part of the archive; NULL (without error) when it is missing. */
static GBytes *
read_part (VtXlsx      *self,
           const char  *name,
           GError     **error)
{
  zip_file_t *file;
  GByteArray *data;
  char buffer[65536];
  zip_int64_t n;

  file = zip_fopen (self->zip, name, ZIP_FL_NOCASE);
  if (file == NULL)
    return NULL;

  data = g_byte_array_new ();
  while ((n = zip_fread (file, buffer, sizeof buffer)) > 0)
    {
      if (data->len + (guint64) n > MAX_PART_SIZE)
        {
          zip_fclose (file);
          g_byte_array_unref (data);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               _("The workbook is too large to import."));
          return NULL;
        }
      g_byte_array_append (data, (const guint8 *) buffer, (guint) n);
    }
  zip_fclose (file);
  if (n < 0)
    {
      g_byte_array_unref (data);
      set_invalid (error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (data);
}

static xmlTextReaderPtr
open_xml (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > G_MAXINT)
    return NULL;
  return xmlReaderForMemory (data, (int) size, NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                             | XML_PARSE_COMPACT);
}

static gboolean
name_is (xmlTextReaderPtr  reader,
         const char       *name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return local != NULL && strcmp ((const char *) local, name) == 0;
}

static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* An attribute in any namespace, by local name (r:id, relationships). */
static char *
attribute_local (xmlTextReaderPtr  reader,
                 const char       *local)
{
  char *found = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (name_is (reader, local))
        {
          found = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return found;
}

/* The text of the element the reader is on, without phonetic runs (rPh);
 * leaves the reader on its end. */
static char *
element_text (xmlTextReaderPtr reader)
{
  GString *text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (reader);
  int skip_depth = -1;

  if (xmlTextReaderIsEmptyElement (reader))
    return g_string_free (text, FALSE);

  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int d = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
        break;
      if (type == XML_READER_TYPE_ELEMENT && skip_depth < 0 && name_is (reader, "rPh")
          && !xmlTextReaderIsEmptyElement (reader))
        skip_depth = d;
      else if (type == XML_READER_TYPE_END_ELEMENT && d == skip_depth)
        skip_depth = -1;
      else if (skip_depth < 0
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                   || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_WHITESPACE))
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          /* White space counts only inside <t>. */
          if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
              || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
            g_string_append (text, (const char *) value);
        }
    }
  return g_string_free (text, FALSE);
}

static gboolean
load_workbook (VtXlsx  *self,
               GError **error)
{
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GBytes) rels = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  xmlTextReaderPtr reader;
  GError *local_error = NULL;

  workbook = read_part (self, "xl/workbook.xml", &local_error);
  if (workbook == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        set_invalid (error);
      return FALSE;
    }
  rels = read_part (self, "xl/_rels/workbook.xml.rels", error);
  if (rels == NULL)
    {
      if (error == NULL || *error == NULL)
        set_invalid (error);
      return FALSE;
    }

  reader = open_xml (rels);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT && name_is (reader, "Relationship"))
      {
        char *id = attribute (reader, "Id");
        char *target = attribute (reader, "Target");

        if (id != NULL && target != NULL)
          g_hash_table_replace (targets, id, target);
        else
          {
            g_free (id);
            g_free (target);
          }
      }
  if (reader != NULL)
    xmlFreeTextReader (reader);

  reader = open_xml (workbook);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (name_is (reader, "workbookPr"))
        {
          g_autofree char *d = attribute (reader, "date1904");

          self->date1904 = d != NULL && (strcmp (d, "1") == 0 || g_ascii_strcasecmp (d, "true") == 0);
        }
      else if (name_is (reader, "sheet"))
        {
          g_autofree char *name = attribute (reader, "name");
          g_autofree char *rid = attribute_local (reader, "id");
          const char *target = rid ? g_hash_table_lookup (targets, rid) : NULL;

          if (name == NULL || target == NULL)
            continue;
          g_ptr_array_add (self->sheet_names, g_steal_pointer (&name));
          if (target[0] == '/')
            g_ptr_array_add (self->sheet_paths, g_strdup (target + 1));
          else
            g_ptr_array_add (self->sheet_paths, g_strconcat ("xl/", target, NULL));
        }
    }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  g_ptr_array_add (self->sheet_names, NULL);

  if (self->sheet_paths->len == 0)
    {
      set_invalid (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_shared_strings (VtXlsx  *self,
                     GError **error)
{
  GError *local_error = NULL;
  g_autoptr(GBytes) part = read_part (self, "xl/sharedStrings.xml", &local_error);
  xmlTextReaderPtr reader;

  if (part == NULL)
    {
      if (local_error == NULL)
        return TRUE;            /* a workbook without text */
      g_propagate_error (error, local_error);
      return FALSE;
    }

  reader = open_xml (part);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT && name_is (reader, "si"))
      {
        if (self->shared->len >= MAX_SHARED_STRINGS)
          break;
        g_ptr_array_add (self->shared, element_text (reader));
      }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return TRUE;
}

/* Whether a number format shows a date or time: a built-in one, or a
 * custom code with d, m, y, h or s outside quotes and brackets. */
static gboolean
format_is_date (int         id,
                const char *code)
{
  gboolean quoted = FALSE;
  int bracket = 0;

  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
      || (id >= 50 && id <= 58))
    return TRUE;
  if (code == NULL)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        bracket++;
      else if (*p == ']' && bracket > 0)
        bracket--;
      else if (bracket == 0 && strchr ("dDmMyYhHsS", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
load_styles (VtXlsx  *self,
             GError **error)
{
  GError *local_error = NULL;
  g_autoptr(GBytes) part = read_part (self, "xl/styles.xml", &local_error);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  xmlTextReaderPtr reader;
  gboolean in_cell_xfs = FALSE;

  if (part == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  reader = open_xml (part);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && name_is (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (name_is (reader, "numFmt"))
        {
          g_autofree char *id = attribute (reader, "numFmtId");
          char *code = attribute (reader, "formatCode");

          if (id != NULL)
            g_hash_table_replace (formats, GINT_TO_POINTER (atoi (id)), code);
          else
            g_free (code);
        }
      else if (name_is (reader, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell_xfs && name_is (reader, "xf"))
        {
          g_autofree char *id = attribute (reader, "numFmtId");
          int n = id ? atoi (id) : 0;
          gboolean is_date = format_is_date (n, g_hash_table_lookup (formats, GINT_TO_POINTER (n)));

          g_array_append_val (self->date_styles, is_date);
        }
    }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return TRUE;
}

/**
 * vt_xlsx_open:
 * @bytes: the whole file
 *
 * Opens a workbook and reads its sheet list, shared strings and styles.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
VtXlsx *
vt_xlsx_open (GBytes  *bytes,
              GError **error)
{
  g_autoptr(VtXlsx) self = g_new0 (VtXlsx, 1);
  zip_error_t zerror;
  zip_source_t *source;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  self->bytes = g_bytes_ref (bytes);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));

  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, size, 0, &zerror);
  if (source != NULL)
    {
      self->zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
      if (self->zip == NULL)
        zip_source_free (source);
    }
  zip_error_fini (&zerror);
  if (self->zip == NULL)
    {
      set_invalid (error);
      return NULL;
    }

  if (!load_workbook (self, error) || !load_shared_strings (self, error) || !load_styles (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
vt_xlsx_free (VtXlsx *self)
{
  if (self->zip != NULL)
    zip_discard (self->zip);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&self->sheet_paths, g_ptr_array_unref);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_free (self);
}

/**
 * vt_xlsx_get_sheet_names:
 *
 * Returns: (transfer none): the sheets' names, in workbook order
 */
const char * const *
vt_xlsx_get_sheet_names (VtXlsx *self)
{
  return (const char * const *) self->sheet_names->pdata;
}

/**
 * vt_xlsx_serial_to_iso:
 * @serial: days since the epoch, the fraction being the time of day
 * @date1904: whether the workbook counts from 1904-01-01 (old Mac Excel)
 * @with_time: whether to add the time of day
 *
 * In the 1900 system Excel counts a 29 February 1900 that never was
 * (serial 60): serials from 61 on are one day ahead.
 *
 * Returns: (nullable): "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"; %NULL out of
 *   range
 */
char *
vt_xlsx_serial_to_iso (double   serial,
                       gboolean date1904,
                       gboolean with_time)
{
  g_autoptr(GDate) date = NULL;
  double days = floor (serial);
  int seconds = (int) llround ((serial - days) * 86400.0);

  if (!isfinite (serial) || serial < 0 || serial > 2958465)
    return NULL;
  if (seconds >= 86400)
    {
      days += 1;
      seconds -= 86400;
    }

  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days < 60)
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
  else
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  if (!date1904 && days == 60)
    days = 59;                  /* the day that never was: say 28 February */
  g_date_add_days (date, (guint) days);

  if (with_time && seconds != 0)
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d",
                            g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                            seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* "BC12" → 54 (0-based column); -1 when it is not a cell reference. */
static int
column_of (const char *ref)
{
  int col = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > MAX_COLUMNS)
        return -1;
    }
  if (p == ref)
    return -1;
  return col - 1;
}

static char *
format_number (const char *value)
{
  char *end = NULL;
  double d = g_ascii_strtod (value, &end);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0' || !isfinite (d))
    return g_strdup (value);
  if (d == floor (d) && fabs (d) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) d);
  /* The shortest text that reads back as the same double. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", d));
}

static char *
cell_value (VtXlsx     *self,
            const char *type,
            const char *style,
            char       *raw)
{
  if (type != NULL && strcmp (type, "s") == 0)
    {
      guint64 i = 0;

      if (raw != NULL && g_ascii_string_to_unsigned (raw, 10, 0, G_MAXUINT, &i, NULL)
          && i < self->shared->len)
        return g_strdup (g_ptr_array_index (self->shared, i));
      return g_strdup ("");
    }
  if (raw == NULL)
    return g_strdup ("");
  if (type != NULL && strcmp (type, "b") == 0)
    return g_strdup (strcmp (raw, "1") == 0 ? "TRUE" : "FALSE");
  if (type != NULL && strcmp (type, "e") == 0)
    return g_strdup ("");
  if (type == NULL || strcmp (type, "n") == 0)
    {
      guint64 s = 0;

      if (style != NULL && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT, &s, NULL)
          && s < self->date_styles->len && g_array_index (self->date_styles, gboolean, s))
        {
          char *end = NULL;
          double serial = g_ascii_strtod (raw, &end);
          char *iso = (end != raw) ? vt_xlsx_serial_to_iso (serial, self->date1904, TRUE) : NULL;

          if (iso != NULL)
            return iso;
        }
      return format_number (raw);
    }
  /* "str" (a formula's text), "inlineStr" handled by the caller, "d" (an
   * ISO date written as text). */
  return g_strdup (raw);
}

/**
 * vt_xlsx_read_sheet:
 * @sheet_name: (nullable): the sheet; %NULL for the first
 * @max_rows: stop after this many rows; 0 for all
 *
 * Reads a sheet's cells. Rows and cells the file leaves out come back
 * empty, so row i of the result is row i + 1 of the sheet up to the last
 * row that has a cell.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
vt_xlsx_read_sheet (VtXlsx      *self,
                    const char  *sheet_name,
                    guint        max_rows,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GBytes) part = NULL;
  const char *path = NULL;
  xmlTextReaderPtr reader;
  int row_index = -1;
  g_autofree char *type = NULL;
  g_autofree char *style = NULL;
  int col = -1;
  int next_col = 0;
  char *value = NULL;
  gboolean in_cell = FALSE;
  GError *local_error = NULL;

  for (guint i = 0; i < self->sheet_paths->len; i++)
    if (sheet_name == NULL || g_strcmp0 (sheet_name, g_ptr_array_index (self->sheet_names, i)) == 0)
      {
        path = g_ptr_array_index (self->sheet_paths, i);
        break;
      }
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The workbook has no sheet “%s”."), sheet_name);
      return NULL;
    }

  part = read_part (self, path, &local_error);
  if (part == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        set_invalid (error);
      return NULL;
    }

  reader = open_xml (part);
  if (reader == NULL)
    {
      set_invalid (error);
      return NULL;
    }

  while (xmlTextReaderRead (reader) == 1)
    {
      int node = xmlTextReaderNodeType (reader);

      if (node == XML_READER_TYPE_ELEMENT && name_is (reader, "row"))
        {
          g_autofree char *r = attribute (reader, "r");
          guint64 n = 0;
          int wanted = row_index + 1;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, 1048576, &n, NULL))
            wanted = (int) n - 1;
          if (wanted <= row_index)
            wanted = row_index + 1;
          if (max_rows > 0 && (guint) wanted >= max_rows)
            break;
          /* Rows the file leaves out are empty. */
          while (row_index + 1 < wanted)
            {
              g_ptr_array_add (rows, g_new0 (char *, 1));
              row_index++;
            }
          row_index = wanted;
          cells = g_ptr_array_new_with_free_func (g_free);
          next_col = 0;
          if (xmlTextReaderIsEmptyElement (reader))
            {
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&cells), FALSE));
            }
        }
      else if (node == XML_READER_TYPE_END_ELEMENT && name_is (reader, "row") && cells != NULL)
        {
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&cells), FALSE));
        }
      else if (node == XML_READER_TYPE_ELEMENT && name_is (reader, "c") && cells != NULL)
        {
          g_autofree char *ref = attribute (reader, "r");

          g_clear_pointer (&type, g_free);
          g_clear_pointer (&style, g_free);
          g_clear_pointer (&value, g_free);
          type = attribute (reader, "t");
          style = attribute (reader, "s");
          col = ref ? column_of (ref) : next_col;
          if (col < next_col)
            col = next_col;
          in_cell = !xmlTextReaderIsEmptyElement (reader);
          if (!in_cell)
            col = -1;
        }
      else if (in_cell && node == XML_READER_TYPE_ELEMENT && name_is (reader, "v"))
        {
          g_free (value);
          value = element_text (reader);
        }
      else if (in_cell && node == XML_READER_TYPE_ELEMENT && name_is (reader, "is"))
        {
          g_free (value);
          value = element_text (reader);
          g_free (type);
          type = g_strdup ("inlineStr");
        }
      else if (in_cell && node == XML_READER_TYPE_END_ELEMENT && name_is (reader, "c") && cells != NULL)
        {
          in_cell = FALSE;
          if (col >= 0 && col < MAX_COLUMNS)
            {
              while ((int) cells->len < col)
                g_ptr_array_add (cells, g_strdup (""));
              if (type != NULL && strcmp (type, "inlineStr") == 0)
                g_ptr_array_add (cells, g_steal_pointer (&value));
              else
                g_ptr_array_add (cells, cell_value (self, type, style, value));
              next_col = col + 1;
            }
          g_clear_pointer (&value, g_free);
        }
    }
  g_free (value);
  xmlFreeTextReader (reader);

  /* Trailing empty rows say nothing. */
  while (rows->len > 0)
    {
      char **last = g_ptr_array_index (rows, rows->len - 1);
      gboolean empty = TRUE;

      for (guint i = 0; last[i] != NULL && empty; i++)
        empty = last[i][0] == '\0';
      if (!empty)
        break;
      g_ptr_array_set_size (rows, rows->len - 1);
    }
  return g_steal_pointer (&rows);
}
