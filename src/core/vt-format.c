/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-format.c: dates, times, numbers and money per language, from ICU. */

#define G_LOG_DOMAIN "vt-format"

#include "config.h"

#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "vt-format.h"

/* ICU's skeletons: the fields wanted, in any order; ICU finds the pattern
 * each language writes them in. "H" keeps 24 hours everywhere: the
 * centre's staff and the visit plans use them. */
static const char * const skeletons[] = {
  [VT_DATE_FORMAT_NUMERIC] = "yMd",
  [VT_DATE_FORMAT_MEDIUM] = "yMMMd",
  [VT_DATE_FORMAT_LONG] = "yMMMMEEEEd",
  [VT_DATE_FORMAT_DAY_MONTH] = "MMMd",
  [VT_DATE_FORMAT_MONTH_YEAR] = "yMMMM",
  [VT_DATE_FORMAT_SHORT_MONTH] = "MMM",
  [VT_DATE_FORMAT_SHORT_MONTH_YEAR] = "yMMM",
  [VT_DATE_FORMAT_WEEKDAY] = "EEE",
  [VT_DATE_FORMAT_TIME] = "HHmm",
  [VT_DATE_FORMAT_NUMERIC_TIME] = "yMdHHmm",
  [VT_DATE_FORMAT_WEEKDAY_DAY] = "EEEd",
  [VT_DATE_FORMAT_WEEKDAY_DAY_MONTH] = "MMMMEEEEd",
  [VT_DATE_FORMAT_DAY_MONTH_TIME] = "MMMdHHmm",
};

G_STATIC_ASSERT (G_N_ELEMENTS (skeletons) == VT_N_DATE_FORMATS);

typedef enum
{
  NUMBER_INTEGER,
  NUMBER_DECIMAL,
  NUMBER_PERCENT,
  NUMBER_CURRENCY,
} NumberKind;

/* Opening a formatter costs far more than using one, and a list formats
 * a date per row: keep them, per locale and kind, for the process's life.
 * ICU formatters are not thread-safe, so use them under the lock. */
static GMutex      lock;
static GHashTable *formatters;  /* "locale/kind" → UDateFormat* or UNumberFormat* */
static char       *ui_language;

static const char *
icu_locale (const char *language)
{
  if (language == NULL)
    language = vt_format_get_language ();

  if (g_str_has_prefix (language, "ko"))
    return "ko_KR";
  if (g_str_has_prefix (language, "vi"))
    return "vi_VN";
  return "en_US";
}

/**
 * vt_format_get_language:
 *
 * Returns: "ko", "vi" or "en": the language the interface speaks, from
 *   vt_format_set_language() or else from the process's message languages
 */
const char *
vt_format_get_language (void)
{
  const char * const *names;
  const char *found = "en";

  g_mutex_lock (&lock);
  if (ui_language != NULL)
    {
      found = ui_language;
      g_mutex_unlock (&lock);
      return found;
    }
  g_mutex_unlock (&lock);

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ko"))
        return "ko";
      if (g_str_has_prefix (names[i], "vi"))
        return "vi";
      if (g_str_has_prefix (names[i], "en") || g_strcmp0 (names[i], "C") == 0)
        return "en";
    }
  return found;
}

/**
 * vt_format_set_language:
 * @language: (nullable): "ko", "vi", "en", or %NULL to follow the
 *   process's message languages again
 *
 * Sets the language formats follow when no language is named.
 */
void
vt_format_set_language (const char *language)
{
  g_mutex_lock (&lock);
  g_free (ui_language);
  ui_language = NULL;
  if (language != NULL && language[0] != '\0')
    ui_language = g_strdup (g_str_has_prefix (language, "ko") ? "ko" :
                            g_str_has_prefix (language, "vi") ? "vi" : "en");
  g_mutex_unlock (&lock);
}

static char *
utf16_to_utf8 (const UChar *text,
               int32_t      length)
{
  char *utf8 = g_utf16_to_utf8 (text, length, NULL, NULL, NULL);

  return utf8 != NULL ? utf8 : g_strdup ("");
}

/* Called with the lock held. */
static UDateFormat *
date_formatter (const char   *locale,
                VtDateFormat  format)
{
  g_autofree char *key = g_strdup_printf ("%s/d%d", locale, format);
  UDateFormat *formatter;
  UDateTimePatternGenerator *generator;
  UErrorCode status = U_ZERO_ERROR;
  UChar skeleton[32], pattern[128], zone[8];
  int32_t length;

  if (formatters == NULL)
    formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  formatter = g_hash_table_lookup (formatters, key);
  if (formatter != NULL)
    return formatter;

  generator = udatpg_open (locale, &status);
  u_uastrcpy (skeleton, skeletons[format]);
  length = udatpg_getBestPattern (generator, skeleton, -1, pattern, G_N_ELEMENTS (pattern), &status);
  udatpg_close (generator);
  /* The wall-clock time of the GDateTime is formatted as UTC: the time
   * zone is the GDateTime's business, not ICU's. */
  u_uastrcpy (zone, "UTC");
  formatter = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1, pattern, length, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot format dates for %s: %s", locale, u_errorName (status));
      if (formatter != NULL)
        udat_close (formatter);
      return NULL;
    }

  g_hash_table_insert (formatters, g_steal_pointer (&key), formatter);
  return formatter;
}

/**
 * vt_format_date:
 * @language: (nullable): "ko", "vi", "en", or %NULL for the interface's
 * @datetime: the moment, shown at its own time zone's wall-clock time
 * @format: which fields, and how long
 *
 * Returns: (transfer full): @datetime written the way @language writes it
 */
char *
vt_format_date (const char   *language,
                GDateTime    *datetime,
                VtDateFormat  format)
{
  const char *locale = icu_locale (language);
  UDateFormat *formatter;
  UErrorCode status = U_ZERO_ERROR;
  UChar text[256];
  int32_t length = 0;
  UDate moment;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format < VT_N_DATE_FORMATS, NULL);

  moment = ((double) g_date_time_to_unix (datetime) +
            (double) g_date_time_get_utc_offset (datetime) / G_TIME_SPAN_SECOND) * 1000.0;

  g_mutex_lock (&lock);
  formatter = date_formatter (locale, format);
  if (formatter != NULL)
    length = udat_format (formatter, moment, text, G_N_ELEMENTS (text), NULL, &status);
  g_mutex_unlock (&lock);

  if (formatter == NULL || U_FAILURE (status))
    return g_date_time_format (datetime, "%Y-%m-%d %H:%M");
  return utf16_to_utf8 (text, length);
}

/**
 * vt_format_day:
 * @language: (nullable): "ko", "vi", "en", or %NULL for the interface's
 * @date: a calendar day
 * @format: which fields, and how long (the time ones show noon)
 *
 * Returns: (transfer full): @date written the way @language writes it,
 *   or an empty string when @date is not valid
 */
char *
vt_format_day (const char   *language,
               const GDate  *date,
               VtDateFormat  format)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");
  noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  return vt_format_date (language, noon, format);
}

/* Called with the lock held. */
static UNumberFormat *
number_formatter (const char *locale,
                  NumberKind  kind,
                  guint       decimals,
                  const char *currency)
{
  g_autofree char *key = g_strdup_printf ("%s/n%d/%u/%s", locale, kind, decimals,
                                          currency != NULL ? currency : "");
  UNumberFormat *formatter;
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormatStyle style;

  if (formatters == NULL)
    formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  formatter = g_hash_table_lookup (formatters, key);
  if (formatter != NULL)
    return formatter;

  switch (kind)
    {
    case NUMBER_PERCENT:
      style = UNUM_PERCENT;
      break;
    case NUMBER_CURRENCY:
      style = UNUM_CURRENCY;
      break;
    case NUMBER_INTEGER:
    case NUMBER_DECIMAL:
    default:
      style = UNUM_DECIMAL;
      break;
    }

  formatter = unum_open (style, NULL, 0, locale, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot format numbers for %s: %s", locale, u_errorName (status));
      if (formatter != NULL)
        unum_close (formatter);
      return NULL;
    }

  if (kind == NUMBER_CURRENCY)
    {
      UChar code[4];

      u_uastrncpy (code, currency, 3);
      code[3] = 0;
      unum_setTextAttribute (formatter, UNUM_CURRENCY_CODE, code, 3, &status);
      /* The currency's own digits: none for VND and KRW. */
    }
  else
    {
      unum_setAttribute (formatter, UNUM_MIN_FRACTION_DIGITS, (int32_t) decimals);
      unum_setAttribute (formatter, UNUM_MAX_FRACTION_DIGITS, (int32_t) decimals);
    }
  unum_setAttribute (formatter, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);

  g_hash_table_insert (formatters, g_steal_pointer (&key), formatter);
  return formatter;
}

static char *
format_number (const char *language,
               NumberKind  kind,
               double      value,
               guint       decimals,
               const char *currency)
{
  const char *locale = icu_locale (language);
  UNumberFormat *formatter;
  UErrorCode status = U_ZERO_ERROR;
  UChar text[128];
  int32_t length = 0;

  g_mutex_lock (&lock);
  formatter = number_formatter (locale, kind, decimals, currency);
  if (formatter != NULL)
    length = unum_formatDouble (formatter, value, text, G_N_ELEMENTS (text), NULL, &status);
  g_mutex_unlock (&lock);

  if (formatter == NULL || U_FAILURE (status))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
    }
  return utf16_to_utf8 (text, length);
}

/**
 * vt_format_integer:
 * @language: (nullable): "ko", "vi", "en", or %NULL for the interface's
 * @value: a count
 *
 * Returns: (transfer full): @value with the language's digit grouping:
 *   "1,234,567" in Korean and English, "1.234.567" in Vietnamese
 */
char *
vt_format_integer (const char *language,
                   gint64      value)
{
  /* A double holds every count this app has exactly. */
  return format_number (language, NUMBER_INTEGER, (double) value, 0, NULL);
}

/**
 * vt_format_decimal:
 * @language: (nullable): the language, or %NULL for the interface's
 * @value: a measure, such as a readiness index
 * @decimals: how many digits after the decimal separator, always shown
 *
 * Returns: (transfer full): "1,234.5" in Korean and English, "1.234,5" in
 *   Vietnamese
 */
char *
vt_format_decimal (const char *language,
                   double      value,
                   guint       decimals)
{
  g_return_val_if_fail (decimals <= 6, NULL);
  return format_number (language, NUMBER_DECIMAL, value, decimals, NULL);
}

/**
 * vt_format_percent:
 * @language: (nullable): the language, or %NULL for the interface's
 * @fraction: 0.5 for half
 * @decimals: digits after the separator
 *
 * Returns: (transfer full): "50%" in Korean and English, "50%" in
 *   Vietnamese, with ICU's spacing
 */
char *
vt_format_percent (const char *language,
                   double      fraction,
                   guint       decimals)
{
  g_return_val_if_fail (decimals <= 6, NULL);
  return format_number (language, NUMBER_PERCENT, fraction, decimals, NULL);
}

/**
 * vt_format_money:
 * @language: (nullable): the language, or %NULL for the interface's
 * @amount: in the currency's units (đồng, won)
 * @currency: the ISO 4217 code: "VND" or "KRW"
 *
 * Returns: (transfer full): "1.234.568 ₫" in Vietnamese, "₩1,234,568" in
 *   Korean: rounded to the currency's own digits (none for either)
 */
char *
vt_format_money (const char *language,
                 double      amount,
                 const char *currency)
{
  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, NULL);
  return format_number (language, NUMBER_CURRENCY, amount, 0, currency);
}
