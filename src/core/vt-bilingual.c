/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-bilingual.c: message lookup in our own catalogues, in any language.
 *
 * Reads the GNU .mo files msgfmt writes: a header of seven 32-bit words
 * (magic, revision, count, offset of the original strings' table, offset
 * of the translations' table, hash size, hash offset) in the writer's byte
 * order, then pairs of (length, offset). A msgid with context is stored as
 * "context\004msgid"; a plural msgid as "msgid\0msgid_plural", its
 * translation as the forms one after the other, NUL between them.
 */

#define G_LOG_DOMAIN "vt-bilingual"

#include "config.h"

#include <string.h>

#include "vt-bilingual.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

typedef struct
{
  const char *text;   /* the forms, NUL between them */
  gsize       length; /* of all the forms together */
} Translation;

typedef struct
{
  GMappedFile *file;     /* NULL when the language has no catalogue */
  GHashTable  *messages; /* msgid (with context) → Translation */
  char        *plural_forms;
} Catalog;

static GMutex      catalogs_lock;
static GHashTable *catalogs;  /* language → Catalog, for the process's life */
static char       *localedir;

/* Plural expressions ----------------------------------------------------- */

typedef struct
{
  const char *p;
  gulong      n;
  gboolean    failed;
} PluralParser;

static gulong parse_conditional (PluralParser *parser);

static void
skip_blanks (PluralParser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n')
    parser->p++;
}

static gboolean
accept (PluralParser *parser,
        const char   *token)
{
  gsize length = strlen (token);

  skip_blanks (parser);
  if (strncmp (parser->p, token, length) != 0)
    return FALSE;
  /* "<" must not take the first half of "<=", nor "!" of "!=". */
  if (length == 1 && strchr ("<>!=", token[0]) != NULL && parser->p[1] == '=')
    return FALSE;
  parser->p += length;
  return TRUE;
}

static gulong
parse_primary (PluralParser *parser)
{
  gulong value;

  skip_blanks (parser);
  if (accept (parser, "("))
    {
      value = parse_conditional (parser);
      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return value;
    }
  if (*parser->p == 'n')
    {
      parser->p++;
      return parser->n;
    }
  if (g_ascii_isdigit (*parser->p))
    {
      char *end;

      value = strtoul (parser->p, &end, 10);
      parser->p = end;
      return value;
    }
  parser->failed = TRUE;
  return 0;
}

static gulong
parse_unary (PluralParser *parser)
{
  if (accept (parser, "!"))
    return !parse_unary (parser);
  return parse_primary (parser);
}

static gulong
parse_multiplicative (PluralParser *parser)
{
  gulong value = parse_unary (parser);

  while (!parser->failed)
    {
      gulong right;

      if (accept (parser, "*"))
        value *= parse_unary (parser);
      else if (accept (parser, "/"))
        {
          right = parse_unary (parser);
          value = right != 0 ? value / right : 0;
        }
      else if (accept (parser, "%"))
        {
          right = parse_unary (parser);
          value = right != 0 ? value % right : 0;
        }
      else
        break;
    }
  return value;
}

static gulong
parse_additive (PluralParser *parser)
{
  gulong value = parse_multiplicative (parser);

  while (!parser->failed)
    {
      if (accept (parser, "+"))
        value += parse_multiplicative (parser);
      else if (accept (parser, "-"))
        value -= parse_multiplicative (parser);
      else
        break;
    }
  return value;
}

static gulong
parse_relational (PluralParser *parser)
{
  gulong value = parse_additive (parser);

  while (!parser->failed)
    {
      if (accept (parser, "<="))
        value = value <= parse_additive (parser);
      else if (accept (parser, ">="))
        value = value >= parse_additive (parser);
      else if (accept (parser, "<"))
        value = value < parse_additive (parser);
      else if (accept (parser, ">"))
        value = value > parse_additive (parser);
      else
        break;
    }
  return value;
}

static gulong
parse_equality (PluralParser *parser)
{
  gulong value = parse_relational (parser);

  while (!parser->failed)
    {
      if (accept (parser, "=="))
        value = value == parse_relational (parser);
      else if (accept (parser, "!="))
        value = value != parse_relational (parser);
      else
        break;
    }
  return value;
}

static gulong
parse_and (PluralParser *parser)
{
  gulong value = parse_equality (parser);

  while (!parser->failed && accept (parser, "&&"))
    {
      gulong right = parse_equality (parser);

      value = value && right;
    }
  return value;
}

static gulong
parse_or (PluralParser *parser)
{
  gulong value = parse_and (parser);

  while (!parser->failed && accept (parser, "||"))
    {
      gulong right = parse_and (parser);

      value = value || right;
    }
  return value;
}

/* Both branches are parsed (and so evaluated): the expressions have no
 * side effects, and division by zero yields 0. */
static gulong
parse_conditional (PluralParser *parser)
{
  gulong condition = parse_or (parser);
  gulong if_true, if_false;

  if (parser->failed || !accept (parser, "?"))
    return condition;
  if_true = parse_conditional (parser);
  if (!accept (parser, ":"))
    {
      parser->failed = TRUE;
      return 0;
    }
  if_false = parse_conditional (parser);
  return condition ? if_true : if_false;
}

/**
 * vt_bilingual_plural_index:
 * @plural_forms: (nullable): a catalogue's Plural-Forms header value, such
 *   as "nplurals=2; plural=(n != 1);"
 * @n: the number the message is about
 *
 * Returns: which of the translated forms to show for @n: always below the
 *   header's nplurals. Without a header, or with one that does not parse,
 *   the English rule applies (0 for one, 1 otherwise).
 */
guint
vt_bilingual_plural_index (const char *plural_forms,
                           gulong      n)
{
  const char *nplurals_at, *plural_at;
  PluralParser parser = { NULL, n, FALSE };
  gulong nplurals, index;

  if (plural_forms == NULL ||
      (nplurals_at = strstr (plural_forms, "nplurals=")) == NULL ||
      (plural_at = strstr (plural_forms, "plural=")) == NULL)
    return n == 1 ? 0 : 1;
  /* "nplurals=" holds "plural=": find the one after it. */
  if (plural_at == nplurals_at + 1)
    plural_at = strstr (nplurals_at + strlen ("nplurals="), "plural=");
  if (plural_at == NULL)
    return n == 1 ? 0 : 1;

  nplurals = strtoul (nplurals_at + strlen ("nplurals="), NULL, 10);
  if (nplurals == 0)
    return n == 1 ? 0 : 1;

  parser.p = plural_at + strlen ("plural=");
  index = parse_conditional (&parser);
  skip_blanks (&parser);
  if (parser.failed || (*parser.p != ';' && *parser.p != '\0'))
    return n == 1 || nplurals == 1 ? 0 : 1;

  return index < nplurals ? (guint) index : 0;
}

/* Catalogues ---------------------------------------------------------- */

static guint32
read_word (const guchar *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* A string of the table at @table, entry @i, if it lies inside the file
 * and ends with the NUL msgfmt writes after it. */
static const char *
read_string (const guchar *data,
             gsize         size,
             guint32       table,
             guint32       i,
             gboolean      swapped,
             gsize        *length)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 string_length, string_offset;

  if (entry + 8 > size)
    return NULL;
  string_length = read_word (data, entry, swapped);
  string_offset = read_word (data, entry + 4, swapped);
  if ((gsize) string_offset + string_length >= size ||
      data[(gsize) string_offset + string_length] != '\0')
    return NULL;

  *length = string_length;
  return (const char *) data + string_offset;
}

static char *
header_field (const char *header,
              const char *name)
{
  gsize name_length = strlen (name);

  for (const char *line = header; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');

      if (strncmp (line, name, name_length) == 0 && line[name_length] == ':')
        {
          const char *value = line + name_length + 1;

          while (*value == ' ')
            value++;
          return end != NULL ? g_strndup (value, end - value) : g_strdup (value);
        }
      line = end != NULL ? end + 1 : NULL;
    }
  return NULL;
}

/* Each plural form is valid UTF-8; the NULs between them are not. */
static gboolean
forms_are_utf8 (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *form = text; form <= end; form += strlen (form) + 1)
    if (!g_utf8_validate (form, -1, NULL))
      return FALSE;
  return TRUE;
}

static gboolean
catalog_parse (Catalog *catalog,
               GError **error)
{
  const guchar *data = (const guchar *) g_mapped_file_get_contents (catalog->file);
  gsize size = g_mapped_file_get_length (catalog->file);
  guint32 magic, count, originals, translations;
  gboolean swapped;

  if (size < 28)
    goto invalid;
  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    goto invalid;
  /* Revision 0 and 1 share the layout read here. */
  if ((read_word (data, 4, swapped) >> 16) > 1)
    goto invalid;

  count = read_word (data, 8, swapped);
  originals = read_word (data, 12, swapped);
  translations = read_word (data, 16, swapped);

  for (guint32 i = 0; i < count; i++)
    {
      gsize original_length, translation_length;
      const char *original = read_string (data, size, originals, i, swapped, &original_length);
      const char *translation = read_string (data, size, translations, i, swapped, &translation_length);
      Translation *value;

      if (original == NULL || translation == NULL)
        goto invalid;
      if (!forms_are_utf8 (translation, translation_length))
        continue;

      if (original[0] == '\0')
        {
          catalog->plural_forms = header_field (translation, "Plural-Forms");
          continue;
        }

      value = g_new (Translation, 1);
      value->text = translation;
      value->length = translation_length;
      /* The key stops at the NUL before a plural msgid. */
      g_hash_table_replace (catalog->messages, (gpointer) original, value);
    }
  return TRUE;

invalid:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "Not a message catalogue");
  return FALSE;
}

/* Called with the lock held. */
static const char *
get_localedir_locked (void)
{
  if (localedir == NULL)
    {
      const char *env = g_getenv ("VT_LOCALEDIR");

      localedir = g_strdup (env != NULL && env[0] != '\0' ? env : LOCALEDIR);
    }
  return localedir;
}

static Catalog *
catalog_load (const char *language)
{
  Catalog *catalog = g_new0 (Catalog, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  catalog->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (language[0] == '\0' || g_str_equal (language, "en") || strchr (language, '/') != NULL)
    return catalog;

  path = g_build_filename (get_localedir_locked (), language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  catalog->file = g_mapped_file_new (path, FALSE, &error);
  if (catalog->file == NULL)
    {
      g_debug ("No catalogue for %s: %s", language, error->message);
      return catalog;
    }
  if (!catalog_parse (catalog, &error))
    {
      g_warning ("%s: %s", path, error->message);
      g_hash_table_remove_all (catalog->messages);
      g_clear_pointer (&catalog->plural_forms, g_free);
    }
  return catalog;
}

/* "ko_KR.UTF-8" and "ko-KR" look up "ko". */
static char *
base_language (const char *language)
{
  gsize length = strcspn (language, "_-.@");

  return g_ascii_strdown (language, length);
}

static Catalog *
catalog_get (const char *language)
{
  g_autofree char *base = base_language (language != NULL ? language : "");
  Catalog *catalog;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  catalog = g_hash_table_lookup (catalogs, base);
  if (catalog == NULL)
    {
      catalog = catalog_load (base);
      g_hash_table_insert (catalogs, g_steal_pointer (&base), catalog);
    }
  g_mutex_unlock (&catalogs_lock);

  return catalog;
}

/**
 * vt_bilingual_set_localedir:
 * @dir: (nullable): where the catalogues are, laid out like
 *   LOCALEDIR/ko/LC_MESSAGES/vitask-suppliers.mo; %NULL for the default
 *
 * Chooses where catalogues are read from. Call it before the first lookup:
 * catalogues already read stay. The default is $VT_LOCALEDIR when set (the
 * build tree), otherwise the installed LOCALEDIR.
 */
void
vt_bilingual_set_localedir (const char *dir)
{
  g_mutex_lock (&catalogs_lock);
  g_free (localedir);
  localedir = g_strdup (dir);
  g_mutex_unlock (&catalogs_lock);
}

/**
 * vt_bilingual_get_localedir:
 *
 * Returns: where catalogues are read from (see vt_bilingual_set_localedir())
 */
const char *
vt_bilingual_get_localedir (void)
{
  const char *dir;

  g_mutex_lock (&catalogs_lock);
  dir = get_localedir_locked ();
  g_mutex_unlock (&catalogs_lock);
  return dir;
}

/**
 * vt_bilingual_has_language:
 * @language: "ko", "vi", "en" …
 *
 * Returns: whether messages can be shown in @language: English always, any
 *   other language when its catalogue was found and read.
 */
gboolean
vt_bilingual_has_language (const char *language)
{
  g_autofree char *base = base_language (language != NULL ? language : "");
  Catalog *catalog;

  if (g_str_equal (base, "en"))
    return TRUE;
  catalog = catalog_get (base);
  return g_hash_table_size (catalog->messages) > 0;
}

static const Translation *
lookup (const char *language,
        const char *context,
        const char *msgid)
{
  Catalog *catalog = catalog_get (language);
  g_autofree char *key = NULL;

  if (g_hash_table_size (catalog->messages) == 0)
    return NULL;
  if (context == NULL)
    return g_hash_table_lookup (catalog->messages, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  return g_hash_table_lookup (catalog->messages, key);
}

/**
 * vt_bilingual_pgettext:
 * @language: "ko", "vi", "en" or a locale name such as "vi_VN.UTF-8"
 * @context: (nullable): the msgctxt, as given to C_()
 * @msgid: the English message
 *
 * Returns: @msgid translated into @language, or @msgid itself
 */
const char *
vt_bilingual_pgettext (const char *language,
                       const char *context,
                       const char *msgid)
{
  const Translation *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  translation = lookup (language, context, msgid);
  return translation != NULL && translation->text[0] != '\0' ? translation->text : msgid;
}

const char *
vt_bilingual_gettext (const char *language,
                      const char *msgid)
{
  return vt_bilingual_pgettext (language, NULL, msgid);
}

/**
 * vt_bilingual_npgettext:
 * @language: "ko", "vi", "en" or a locale name
 * @context: (nullable): the msgctxt
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the number the message is about
 *
 * Returns: the form of the translation that @language uses for @n, or the
 *   English singular or plural when there is no translation
 */
const char *
vt_bilingual_npgettext (const char *language,
                        const char *context,
                        const char *msgid,
                        const char *msgid_plural,
                        gulong      n)
{
  const Translation *translation;
  const char *form, *end;
  guint index;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  translation = lookup (language, context, msgid);
  if (translation == NULL || translation->text[0] == '\0')
    return n == 1 ? msgid : msgid_plural;

  index = vt_bilingual_plural_index (catalog_get (language)->plural_forms, n);
  form = translation->text;
  end = translation->text + translation->length;
  for (guint i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form >= end)
        return translation->text;
    }
  return form;
}

const char *
vt_bilingual_ngettext (const char *language,
                       const char *msgid,
                       const char *msgid_plural,
                       gulong      n)
{
  return vt_bilingual_npgettext (language, NULL, msgid, msgid_plural, n);
}
