/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-csv.c: a forgiving RFC 4180 reader and a writer.
 *
 * Forgiving where files from the field break the rule: a quote inside an
 * unquoted field is kept as it is, text after a closing quote is kept, and
 * a quote left open at the end of the file closes there.
 */

#define G_LOG_DOMAIN "vt-csv"

#include "config.h"

#include <string.h>

#include "vt-csv.h"

struct _VtCsvReader
{
  const char *p;
  const char *end;
  char        delimiter;
  guint       line;             /* of the next record, 1-based */

  /* What is kept of a record: fields past the first max_fields, and
   * bytes of a field past max_field_bytes, are read over but not kept. */
  guint       max_fields;
  gsize       max_field_bytes;
  /* The last record as it was in the text. */
  guint       n_fields;
  gsize       longest_field;
};

/**
 * vt_csv_reader_new:
 * @text: UTF-8 text (a byte-order mark at the start is skipped); must
 *   outlive the reader
 * @length: its length in bytes
 * @delimiter: ',', ';' or '\t'
 */
VtCsvReader *
vt_csv_reader_new (const char *text,
                   gsize       length,
                   char        delimiter)
{
  VtCsvReader *self = g_new0 (VtCsvReader, 1);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  self->p = text;
  self->end = text + length;
  self->delimiter = delimiter;
  self->line = 1;
  self->max_fields = G_MAXUINT;
  self->max_field_bytes = G_MAXSIZE;
  return self;
}

/**
 * vt_csv_reader_set_limits:
 * @max_fields: keep at most this many fields of a record
 * @max_field_bytes: keep at most this many bytes of a field (cut at a
 *   character boundary)
 *
 * Bounds the memory and the work a hostile file can cause: what is past
 * the limits is read over, not kept. vt_csv_reader_get_record_size()
 * tells whether a record was cut.
 */
void
vt_csv_reader_set_limits (VtCsvReader *self,
                          guint        max_fields,
                          gsize        max_field_bytes)
{
  self->max_fields = max_fields;
  self->max_field_bytes = max_field_bytes;
}

/**
 * vt_csv_reader_get_record_size:
 * @n_fields: (out) (optional): how many fields the last record had
 * @longest_field: (out) (optional): the length of its longest field, in
 *   bytes
 *
 * The size of the last record read, limits or not.
 */
void
vt_csv_reader_get_record_size (VtCsvReader *self,
                               guint       *n_fields,
                               gsize       *longest_field)
{
  if (n_fields != NULL)
    *n_fields = self->n_fields;
  if (longest_field != NULL)
    *longest_field = self->longest_field;
}

/* Counts a field of @total bytes, and adds the @length bytes of it that
 * were kept, if the record keeps it, cut to the limit. */
static void
add_field (VtCsvReader *self,
           GPtrArray   *fields,
           const char  *text,
           gsize        length,
           gsize        total)
{
  self->n_fields++;
  self->longest_field = MAX (self->longest_field, total);
  if (fields->len >= self->max_fields)
    return;
  if (length > self->max_field_bytes)
    {
      const char *valid_end;

      length = self->max_field_bytes;
      g_utf8_validate_len (text, length, &valid_end);
      length = valid_end - text;
    }
  g_ptr_array_add (fields, g_strndup (text, length));
}

void
vt_csv_reader_free (VtCsvReader *self)
{
  g_free (self);
}

/**
 * vt_csv_reader_next:
 * @fields: (element-type utf8): emptied, then filled with the record's
 *   fields (the array must free its elements with g_free())
 * @line: (out) (optional): the line the record starts on, 1-based
 *
 * Reads one record. A line that is completely empty is skipped.
 *
 * Returns: %FALSE at the end of the text
 */
gboolean
vt_csv_reader_next (VtCsvReader *self,
                    GPtrArray   *fields,
                    guint       *line)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);

  /* Skip empty lines. */
  while (self->p < self->end && (*self->p == '\n' || *self->p == '\r'))
    {
      /* CRLF, LF or a lone CR each end one line. */
      if (*self->p == '\r' && self->p + 1 < self->end && self->p[1] == '\n')
        self->p++;
      self->line++;
      self->p++;
    }
  if (self->p >= self->end)
    return FALSE;

  if (line != NULL)
    *line = self->line;

  self->n_fields = 0;
  self->longest_field = 0;
  for (;;)
    {
      /* Bytes of the field, counted whether kept or not. */
      gsize length = 0;
      /* Only the bytes up to the limit are kept, and one more so that
       * add_field() knows the field was cut. */
      gboolean keep = fields->len < self->max_fields;
      gsize room = self->max_field_bytes < G_MAXSIZE ? self->max_field_bytes + 1 : G_MAXSIZE;

#define TAKE(c)                                         \
      G_STMT_START {                                    \
        if (keep && length < room)                      \
          g_string_append_c (field, (c));               \
        length++;                                       \
      } G_STMT_END

      g_string_truncate (field, 0);
      if (self->p < self->end && *self->p == '"')
        {
          self->p++;
          while (self->p < self->end)
            {
              if (*self->p == '"')
                {
                  if (self->p + 1 < self->end && self->p[1] == '"')
                    {
                      TAKE ('"');
                      self->p += 2;
                      continue;
                    }
                  self->p++;
                  break;
                }
              if (*self->p == '\n')
                self->line++;
              TAKE (*self->p);
              self->p++;
            }
        }

      /* The unquoted part (or what follows a closing quote). */
      while (self->p < self->end && *self->p != self->delimiter
             && *self->p != '\n' && *self->p != '\r')
        {
          TAKE (*self->p);
          self->p++;
        }
#undef TAKE

      add_field (self, fields, field->str, field->len, length);

      if (self->p >= self->end)
        break;
      if (*self->p == self->delimiter)
        {
          self->p++;
          if (self->p >= self->end)
            {
              add_field (self, fields, "", 0, 0);
              break;
            }
          continue;
        }
      /* End of the record. */
      if (*self->p == '\r')
        self->p++;
      if (self->p < self->end && *self->p == '\n')
        self->p++;
      self->line++;
      break;
    }
  return TRUE;
}

/**
 * vt_csv_detect_delimiter:
 * @text: UTF-8 text
 * @length: its length
 * @skip: (out) (optional): bytes to skip before the first record: a
 *   "sep=;" line as Excel writes it
 *
 * Tries tab, semicolon and comma on the first records and keeps the one
 * that splits most of them into the same number of fields, more than one.
 *
 * Returns: the delimiter; ',' when nothing splits
 */
char
vt_csv_detect_delimiter (const char *text,
                         gsize       length,
                         gsize      *skip)
{
  /* On a tie the rarer character wins: a tab-separated file may hold
   * commas in its text, a comma-separated one hardly tabs. */
  static const char candidates[] = { '\t', ';', ',' };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  char best = ',';
  guint best_agree = 0, best_width = 1;
  gsize offset = 0;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    offset = 3;
  if (skip != NULL)
    *skip = 0;
  if (length - offset >= 5 && g_ascii_strncasecmp (text + offset, "sep=", 4) == 0
      && (length - offset == 5 || text[offset + 5] == '\n' || text[offset + 5] == '\r'))
    {
      char sep = text[offset + 4];
      gsize n = offset + 5;

      while (n < length && (text[n] == '\r' || text[n] == '\n'))
        n++;
      if (skip != NULL)
        *skip = n;
      return sep;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(VtCsvReader) reader = vt_csv_reader_new (text, MIN (length, 64 * 1024), candidates[i]);
      guint first = 0, agree = 0, records = 0;

      while (records < 30 && vt_csv_reader_next (reader, fields, NULL))
        {
          if (records == 0)
            first = fields->len;
          if (fields->len == first)
            agree++;
          records++;
        }
      if (first < 2)
        continue;
      if (agree > best_agree || (agree == best_agree && first > best_width))
        {
          best = candidates[i];
          best_agree = agree;
          best_width = first;
        }
    }
  return best;
}

/**
 * vt_csv_append_field:
 * @out: where to write
 * @value: (nullable): the field
 * @delimiter: the delimiter in use
 *
 * Appends @value, quoted when it holds the delimiter, a quote, a line
 * break, or space at either end.
 */
void
vt_csv_append_field (GString    *out,
                     const char *value,
                     char        delimiter)
{
  gsize len;

  if (value == NULL)
    return;
  len = strlen (value);
  if (strchr (value, delimiter) || strpbrk (value, "\"\r\n")
      || (len > 0 && (value[0] == ' ' || value[len - 1] == ' ')))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, value, len);
}

/**
 * vt_csv_neutralize:
 * @value: (nullable): a text cell
 *
 * Spreadsheets run a cell that begins with = + - @ (or a tab or CR before
 * one) as a formula. Such text gets a leading apostrophe, which shows the
 * text as it is.
 *
 * Returns: (nullable): the cell to write
 */
char *
vt_csv_neutralize (const char *value)
{
  if (value == NULL)
    return NULL;
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}
