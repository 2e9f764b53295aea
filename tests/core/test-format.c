/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: worked examples of dates, numbers and money in Korean,
 * Vietnamese and English, under the C locale. */

#include "config.h"

#include <locale.h>

#include "vt-format.h"

/* ICU's spaces, spelt out so the expectations show them. */
#define NBSP "\u00a0"

typedef struct
{
  const char *language;
  VtDateFormat format;
  const char *expected;
} DateExample;

static const DateExample date_examples[] = {
  { "ko", VT_DATE_FORMAT_NUMERIC, "2026. 7. 24." },
  { "ko", VT_DATE_FORMAT_MEDIUM, "2026년 7월 24일" },
  { "ko", VT_DATE_FORMAT_LONG, "2026년 7월 24일 금요일" },
  { "ko", VT_DATE_FORMAT_DAY_MONTH, "7월 24일" },
  { "ko", VT_DATE_FORMAT_MONTH_YEAR, "2026년 7월" },
  { "ko", VT_DATE_FORMAT_SHORT_MONTH, "7월" },
  { "ko", VT_DATE_FORMAT_WEEKDAY, "금" },
  { "ko", VT_DATE_FORMAT_TIME, "14:05" },
  { "ko", VT_DATE_FORMAT_NUMERIC_TIME, "2026. 7. 24. 14:05" },
  { "vi", VT_DATE_FORMAT_NUMERIC, "24/7/2026" },
  { "vi", VT_DATE_FORMAT_MEDIUM, "24 thg 7, 2026" },
  { "vi", VT_DATE_FORMAT_LONG, "Thứ Sáu, 24 tháng 7, 2026" },
  { "vi", VT_DATE_FORMAT_DAY_MONTH, "24 thg 7" },
  { "vi", VT_DATE_FORMAT_MONTH_YEAR, "tháng 7 năm 2026" },
  { "vi", VT_DATE_FORMAT_WEEKDAY, "Th 6" },
  { "vi", VT_DATE_FORMAT_TIME, "14:05" },
  { "vi", VT_DATE_FORMAT_NUMERIC_TIME, "14:05 24/7/2026" },
  { "en", VT_DATE_FORMAT_NUMERIC, "7/24/2026" },
  { "en", VT_DATE_FORMAT_MEDIUM, "Jul 24, 2026" },
  { "en", VT_DATE_FORMAT_LONG, "Friday, July 24, 2026" },
  { "en", VT_DATE_FORMAT_MONTH_YEAR, "July 2026" },
  { "en", VT_DATE_FORMAT_SHORT_MONTH_YEAR, "Jul 2026" },
  { "en", VT_DATE_FORMAT_WEEKDAY, "Fri" },
  { "en", VT_DATE_FORMAT_TIME, "14:05" },
  { "vi_VN.UTF-8", VT_DATE_FORMAT_NUMERIC, "24/7/2026" },
  /* The week view's day headers, the agenda's days, a visit that ends
   * on another day. */
  { "ko", VT_DATE_FORMAT_WEEKDAY_DAY, "24일 (금)" },
  { "ko", VT_DATE_FORMAT_WEEKDAY_DAY_MONTH, "7월 24일 금요일" },
  { "ko", VT_DATE_FORMAT_DAY_MONTH_TIME, "7월 24일 14:05" },
  { "ko", VT_DATE_FORMAT_SHORT_MONTH_YEAR, "2026년 7월" },
  { "vi", VT_DATE_FORMAT_WEEKDAY_DAY, "Th 6, ngày 24" },
  { "vi", VT_DATE_FORMAT_WEEKDAY_DAY_MONTH, "Thứ Sáu, 24 tháng 7" },
  { "vi", VT_DATE_FORMAT_DAY_MONTH_TIME, "14:05 24 thg 7" },
  { "vi", VT_DATE_FORMAT_SHORT_MONTH, "Thg 7" },
  { "vi", VT_DATE_FORMAT_SHORT_MONTH_YEAR, "thg 7 2026" },
  { "en", VT_DATE_FORMAT_WEEKDAY_DAY, "24 Fri" },
  { "en", VT_DATE_FORMAT_WEEKDAY_DAY_MONTH, "Friday, July 24" },
  { "en", VT_DATE_FORMAT_DAY_MONTH_TIME, "Jul 24, 14:05" },
  { "en", VT_DATE_FORMAT_SHORT_MONTH, "Jul" },
};

static void
test_dates (void)
{
  g_autoptr(GTimeZone) hanoi = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GTimeZone) seoul = g_time_zone_new_identifier ("Asia/Seoul");
  g_autoptr(GDateTime) afternoon = g_date_time_new (hanoi, 2026, 7, 24, 14, 5, 0);
  g_autoptr(GDateTime) in_seoul = NULL;
  g_autoptr(GDateTime) late = g_date_time_new (hanoi, 2026, 12, 31, 23, 30, 0);

  for (guint i = 0; i < G_N_ELEMENTS (date_examples); i++)
    {
      g_autofree char *text = vt_format_date (date_examples[i].language, afternoon, date_examples[i].format);

      g_test_message ("%s %d", date_examples[i].language, date_examples[i].format);
      g_assert_cmpstr (text, ==, date_examples[i].expected);
    }

  /* The wall-clock time of the date's own zone: two hours later in Seoul. */
  in_seoul = g_date_time_to_timezone (afternoon, seoul);
  {
    g_autofree char *text = vt_format_date ("ko", in_seoul, VT_DATE_FORMAT_TIME);
    g_autofree char *day = vt_format_date ("vi", late, VT_DATE_FORMAT_NUMERIC);

    g_assert_cmpstr (text, ==, "16:05");
    /* 23:30 in Hanoi is still the 31st, whatever the UTC date. */
    g_assert_cmpstr (day, ==, "31/12/2026");
  }

  /* A calendar day (a round's dates, an assessment's) has no time zone. */
  {
    GDate date, invalid;
    g_autofree char *ko = NULL;
    g_autofree char *vi = NULL;
    g_autofree char *en = NULL;
    g_autofree char *none = NULL;

    g_date_clear (&date, 1);
    g_date_clear (&invalid, 1);
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
    ko = vt_format_day ("ko", &date, VT_DATE_FORMAT_MEDIUM);
    vi = vt_format_day ("vi", &date, VT_DATE_FORMAT_NUMERIC);
    en = vt_format_day ("en", &date, VT_DATE_FORMAT_NUMERIC);
    none = vt_format_day ("en", &invalid, VT_DATE_FORMAT_NUMERIC);
    g_assert_cmpstr (ko, ==, "2026년 1월 1일");
    g_assert_cmpstr (vi, ==, "1/1/2026");
    g_assert_cmpstr (en, ==, "1/1/2026");
    g_assert_cmpstr (none, ==, "");
  }
}

static void
test_numbers (void)
{
  struct { const char *language; gint64 value; const char *expected; } integers[] = {
    { "ko", 1234567, "1,234,567" },
    { "vi", 1234567, "1.234.567" },
    { "en", 1234567, "1,234,567" },
    { "vi", 999, "999" },
    { "vi", -100000, "-100.000" },
    { "ko", 0, "0" },
  };
  struct { const char *language; double value; guint decimals; const char *expected; } decimals[] = {
    { "ko", 1234567.891, 2, "1,234,567.89" },
    { "vi", 1234567.891, 2, "1.234.567,89" },
    { "en", 3.14159, 1, "3.1" },
    { "vi", 3.14159, 1, "3,1" },
    { "vi", 72.25, 1, "72,3" },
    { "ko", 72.0, 1, "72.0" },
    { "vi", 72.4, 0, "72" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
    {
      g_autofree char *text = vt_format_integer (integers[i].language, integers[i].value);
      g_assert_cmpstr (text, ==, integers[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
    {
      g_autofree char *text = vt_format_decimal (decimals[i].language, decimals[i].value, decimals[i].decimals);
      g_assert_cmpstr (text, ==, decimals[i].expected);
    }

  {
    g_autofree char *ko = vt_format_percent ("ko", 0.625, 0);
    g_autofree char *vi = vt_format_percent ("vi", 0.625, 1);
    g_autofree char *en = vt_format_percent ("en", 1.0, 0);

    g_assert_cmpstr (ko, ==, "63%");
    g_assert_cmpstr (vi, ==, "62,5%");
    g_assert_cmpstr (en, ==, "100%");
  }
}

static void
test_money (void)
{
  struct { const char *language; double amount; const char *currency; const char *expected; } examples[] = {
    /* No decimals for đồng or won; the Vietnamese symbol follows after a
     * non-breaking space, the Korean one comes first. */
    { "vi", 1234567.6, "VND", "1.234.568" NBSP "₫" },
    { "ko", 1234567.6, "KRW", "₩1,234,568" },
    { "ko", 1234567.6, "VND", "₫1,234,568" },
    { "vi", 50000000, "KRW", "50.000.000" NBSP "₩" },
    { "en", 2500000000.0, "VND", "₫2,500,000,000" },
    { "en", 1500, "KRW", "₩1,500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *text = vt_format_money (examples[i].language, examples[i].amount, examples[i].currency);
      g_assert_cmpstr (text, ==, examples[i].expected);
    }
}

static void
test_interface_language (void)
{
  g_autofree char *c_default = NULL;
  g_autofree char *vi = NULL;
  g_autofree char *ko = NULL;

  /* LANGUAGE=C: English. */
  g_assert_cmpstr (vt_format_get_language (), ==, "en");
  c_default = vt_format_integer (NULL, 1234567);
  g_assert_cmpstr (c_default, ==, "1,234,567");

  vt_format_set_language ("vi");
  g_assert_cmpstr (vt_format_get_language (), ==, "vi");
  vi = vt_format_integer (NULL, 1234567);
  g_assert_cmpstr (vi, ==, "1.234.567");

  vt_format_set_language ("ko_KR.UTF-8");
  g_assert_cmpstr (vt_format_get_language (), ==, "ko");
  ko = vt_format_money (NULL, 1000, "KRW");
  g_assert_cmpstr (ko, ==, "₩1,000");

  vt_format_set_language (NULL);
  g_assert_cmpstr (vt_format_get_language (), ==, "en");

  /* The process's own numbers stay C: formatting for Vietnamese does not
   * turn the decimal point of files into a comma. */
  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *printed = g_strdup_printf ("%.2f", 3.14);

    g_assert_cmpstr (printed, ==, "3.14");
    g_assert_cmpstr (g_ascii_formatd (buffer, sizeof buffer, "%.2f", 3.14), ==, "3.14");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/money", test_money);
  g_test_add_func ("/format/interface-language", test_interface_language);

  return g_test_run ();
}
