/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-format.h: dates, times, numbers and money as people read them.
 *
 * Every date, time, count and amount shown to someone goes through here,
 * in the language of the interface or in one named (a bilingual slide
 * shows both). The formats come from ICU's data, not from glibc's locale
 * data, so they are right even where the ko_KR or vi_VN locale is not
 * installed. ICU puts U+00A0 and U+202F spaces in some of them.
 *
 * Files, SQL and CSV never use these: they keep the C locale's formats
 * (g_ascii_formatd(), ISO 8601).
 *
 * @language is "ko", "vi", "en", a locale name ("vi_VN.UTF-8"), or %NULL
 * for the language of the interface. Safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_DATE_FORMAT_NUMERIC,       /* 24/7/2026 · 2026. 7. 24. · 7/24/2026 */
  VT_DATE_FORMAT_MEDIUM,        /* 24 thg 7, 2026 · 2026년 7월 24일 · Jul 24, 2026 */
  VT_DATE_FORMAT_LONG,          /* with the weekday and the month's name */
  VT_DATE_FORMAT_DAY_MONTH,     /* 24 thg 7 · 7월 24일 · Jul 24 */
  VT_DATE_FORMAT_MONTH_YEAR,    /* tháng 7 năm 2026 · 2026년 7월 · July 2026 */
  VT_DATE_FORMAT_SHORT_MONTH,   /* thg 7 · 7월 · Jul */
  VT_DATE_FORMAT_SHORT_MONTH_YEAR, /* thg 7, 2026 · 2026년 7월 · Jul 2026 */
  VT_DATE_FORMAT_WEEKDAY,       /* Th 6 · (금) · Fri */
  VT_DATE_FORMAT_TIME,          /* 14:05, 24 hours in every language */
  VT_DATE_FORMAT_NUMERIC_TIME,  /* the numeric date and the time */
  VT_DATE_FORMAT_WEEKDAY_DAY,   /* 24 Th 6 · 24일 (금) · 24 Fri */
  VT_DATE_FORMAT_WEEKDAY_DAY_MONTH, /* the weekday, the day and the month's name */
  VT_DATE_FORMAT_DAY_MONTH_TIME, /* the short day and month, and the time */
  VT_N_DATE_FORMATS,
} VtDateFormat;

const char *vt_format_get_language    (void);
void        vt_format_set_language    (const char   *language);

char       *vt_format_date            (const char   *language,
                                       GDateTime    *datetime,
                                       VtDateFormat  format);
char       *vt_format_day             (const char   *language,
                                       const GDate  *date,
                                       VtDateFormat  format);
char       *vt_format_integer         (const char   *language,
                                       gint64        value);
char       *vt_format_decimal         (const char   *language,
                                       double        value,
                                       guint         decimals);
char       *vt_format_percent         (const char   *language,
                                       double        fraction,
                                       guint         decimals);
char       *vt_format_money           (const char   *language,
                                       double        amount,
                                       const char   *currency);

G_END_DECLS
