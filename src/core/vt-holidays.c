/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-holidays.c: Vietnamese and Korean public holidays. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-holidays.h"
#include "vt-lunar.h"

typedef struct
{
  const char *id;
  const char *name;
} HolidayName;

static const HolidayName holiday_names[] = {
  { "vn-new-year", N_("New Year’s Day") },
  { "vn-tet", N_("Tết (Lunar New Year)") },
  { "vn-hung-kings", N_("Hùng Kings’ Commemoration Day") },
  { "vn-reunification", N_("Reunification Day") },
  { "vn-labour", N_("International Labour Day") },
  { "vn-national", N_("National Day of Vietnam") },
  { "kr-new-year", N_("New Year’s Day (Korea)") },
  { "kr-seollal", N_("Seollal (Korean Lunar New Year)") },
  { "kr-independence", N_("Independence Movement Day (Korea)") },
  { "kr-children", N_("Children’s Day (Korea)") },
  { "kr-buddha", N_("Buddha’s Birthday (Korea)") },
  { "kr-memorial", N_("Memorial Day (Korea)") },
  { "kr-liberation", N_("Liberation Day (Korea)") },
  { "kr-chuseok", N_("Chuseok (Korean Harvest Festival)") },
  { "kr-foundation", N_("National Foundation Day (Korea)") },
  { "kr-hangul", N_("Hangul Day (Korea)") },
  { "kr-christmas", N_("Christmas (Korea)") },
};

/* How a Korean holiday earns a substitute day, and since which year. */
typedef enum
{
  SUBSTITUTE_NONE,
  SUBSTITUTE_ON_SUNDAY,     /* Seollal and Chuseok: a Sunday or another holiday */
  SUBSTITUTE_ON_WEEKEND,    /* a Saturday, a Sunday or another holiday */
} SubstituteRule;

typedef struct
{
  const char     *id;
  SubstituteRule  rule;
  int             since;
} KoreanRule;

static const KoreanRule korean_rules[] = {
  { "kr-seollal", SUBSTITUTE_ON_SUNDAY, 2014 },
  { "kr-chuseok", SUBSTITUTE_ON_SUNDAY, 2014 },
  { "kr-children", SUBSTITUTE_ON_WEEKEND, 2014 },
  { "kr-independence", SUBSTITUTE_ON_WEEKEND, 2021 },
  { "kr-liberation", SUBSTITUTE_ON_WEEKEND, 2021 },
  { "kr-foundation", SUBSTITUTE_ON_WEEKEND, 2021 },
  { "kr-hangul", SUBSTITUTE_ON_WEEKEND, 2021 },
  { "kr-buddha", SUBSTITUTE_ON_WEEKEND, 2023 },
  { "kr-christmas", SUBSTITUTE_ON_WEEKEND, 2023 },
};

static void
add_day (GArray     *list,
         const char *id,
         const GDate *date,
         gboolean    substitute)
{
  VtHoliday h = { .id = id, .substitute = substitute };

  h.date = *date;
  g_array_append_val (list, h);
}

static void
add_fixed (GArray     *list,
           const char *id,
           int         year,
           GDateMonth  month,
           int         day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  add_day (list, id, &d, FALSE);
}

/* Adds the days @first .. @last of a lunar month, counted from its day 1
 * (negative @first counts back into the previous month). */
static void
add_lunar (GArray     *list,
           const char *id,
           int         year,
           int         month,
           int         first,
           int         last,
           int         tz)
{
  VtLunarDate lunar = { year, month, 1, FALSE };
  GDate d;

  if (!vt_lunar_to_solar (&lunar, tz, &d))
    g_return_if_reached ();
  if (first > 1)
    g_date_add_days (&d, first - 1);
  else if (first < 1)
    g_date_subtract_days (&d, 1 - first);
  for (int i = first; i <= last; i++)
    {
      add_day (list, id, &d, FALSE);
      g_date_add_days (&d, 1);
    }
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const VtHoliday *ha = a;
  const VtHoliday *hb = b;
  int c = g_date_compare (&ha->date, &hb->date);

  return c != 0 ? c : g_strcmp0 (ha->id, hb->id);
}

static gboolean
is_listed (GArray      *list,
           const GDate *date,
           const char  *except_id)
{
  for (guint i = 0; i < list->len; i++)
    {
      const VtHoliday *h = &g_array_index (list, VtHoliday, i);

      if (g_date_compare (&h->date, date) == 0 && g_strcmp0 (h->id, except_id) != 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

/* Gives each Korean holiday its substitute day, in date order, so that a
 * substitute never lands on another holiday or an earlier substitute. Two
 * holidays on one day earn one substitute between them (5 May 2025, the
 * Buddha's birthday on Children's Day, gave 6 May only). */
static void
add_korean_substitutes (GArray *list,
                        int     year)
{
  g_autoptr(GArray) covered = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint r = 0; r < G_N_ELEMENTS (korean_rules); r++)
    {
      const KoreanRule *rule = &korean_rules[r];
      gboolean owed = FALSE;
      GDate last;

      if (year < rule->since)
        continue;

      g_date_clear (&last, 1);
      for (guint i = 0; i < list->len; i++)
        {
          const VtHoliday *h = &g_array_index (list, VtHoliday, i);
          GDateWeekday wd;
          gboolean already = FALSE;

          if (h->substitute || g_strcmp0 (h->id, rule->id) != 0)
            continue;
          last = h->date;
          for (guint c = 0; c < covered->len; c++)
            already |= g_date_compare (&g_array_index (covered, GDate, c), &h->date) == 0;
          wd = g_date_get_weekday (&h->date);
          if (wd == G_DATE_SUNDAY
              || (rule->rule == SUBSTITUTE_ON_WEEKEND && wd == G_DATE_SATURDAY)
              || (!already && is_listed (list, &h->date, rule->id)))
            owed = TRUE;
        }

      if (owed && g_date_valid (&last))
        {
          GDate d = last;

          for (guint i = 0; i < list->len; i++)
            {
              const VtHoliday *h = &g_array_index (list, VtHoliday, i);

              if (!h->substitute && g_strcmp0 (h->id, rule->id) == 0)
                g_array_append_val (covered, h->date);
            }
          do
            g_date_add_days (&d, 1);
          while (is_weekend (&d) || is_listed (list, &d, NULL));
          add_day (list, rule->id, &d, TRUE);
        }
    }
}

/**
 * vt_holidays_for_year:
 *
 * Returns: (transfer full) (element-type VtHoliday): the holidays of the
 *   Gregorian @year, in date order; a day that is two holidays is listed
 *   twice
 */
GArray *
vt_holidays_for_year (VtHolidayCalendar calendar,
                      int               year)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (VtHoliday));

  g_return_val_if_fail (year > 1900 && year < 2200, list);

  if (calendar == VT_HOLIDAY_CALENDAR_VIETNAM)
    {
      add_fixed (list, "vn-new-year", year, G_DATE_JANUARY, 1);
      /* The last day of the old year (the 29th or 30th) and four days. */
      add_lunar (list, "vn-tet", year, 1, 0, 4, VT_LUNAR_VIETNAM);
      add_lunar (list, "vn-hung-kings", year, 3, 10, 10, VT_LUNAR_VIETNAM);
      add_fixed (list, "vn-reunification", year, G_DATE_APRIL, 30);
      add_fixed (list, "vn-labour", year, G_DATE_MAY, 1);
      add_fixed (list, "vn-national", year, G_DATE_SEPTEMBER, 2);
    }
  else
    {
      add_fixed (list, "kr-new-year", year, G_DATE_JANUARY, 1);
      add_lunar (list, "kr-seollal", year, 1, 0, 2, VT_LUNAR_KOREA);
      add_fixed (list, "kr-independence", year, G_DATE_MARCH, 1);
      add_fixed (list, "kr-children", year, G_DATE_MAY, 5);
      add_lunar (list, "kr-buddha", year, 4, 8, 8, VT_LUNAR_KOREA);
      add_fixed (list, "kr-memorial", year, G_DATE_JUNE, 6);
      add_fixed (list, "kr-liberation", year, G_DATE_AUGUST, 15);
      add_lunar (list, "kr-chuseok", year, 8, 14, 16, VT_LUNAR_KOREA);
      add_fixed (list, "kr-foundation", year, G_DATE_OCTOBER, 3);
      add_fixed (list, "kr-hangul", year, G_DATE_OCTOBER, 9);
      add_fixed (list, "kr-christmas", year, G_DATE_DECEMBER, 25);
      g_array_sort (list, compare_holidays);
      add_korean_substitutes (list, year);
    }

  g_array_sort (list, compare_holidays);
  return list;
}

/**
 * vt_holiday_lookup:
 * @substitute: (out) (optional): whether the day is a substitute day off
 *
 * Returns: (nullable): the id of the holiday on @date
 */
const char *
vt_holiday_lookup (VtHolidayCalendar  calendar,
                   const GDate       *date,
                   gboolean          *substitute)
{
  g_autoptr(GArray) list = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  list = vt_holidays_for_year (calendar, g_date_get_year (date));
  for (guint i = 0; i < list->len; i++)
    {
      const VtHoliday *h = &g_array_index (list, VtHoliday, i);

      if (g_date_compare (&h->date, date) == 0)
        {
          if (substitute != NULL)
            *substitute = h->substitute;
          return h->id;
        }
    }
  return NULL;
}

/**
 * vt_holiday_get_display_name:
 *
 * Returns: the translated name of holiday @id, or @id when unknown
 */
const char *
vt_holiday_get_display_name (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (holiday_names); i++)
    if (g_strcmp0 (holiday_names[i].id, id) == 0)
      return _(holiday_names[i].name);
  return id;
}

/**
 * vt_holiday_calendar_get_timezone:
 *
 * Returns: (transfer none): Asia/Ho_Chi_Minh or Asia/Seoul, or the fixed
 *   offsets (+07, +09) they have kept since 1975 and 1988 when the system
 *   has no time zone data
 */
GTimeZone *
vt_holiday_calendar_get_timezone (VtHolidayCalendar calendar)
{
  static GTimeZone *zones[2];
  static gsize initialised[2];
  static const char *identifiers[2] = { "Asia/Ho_Chi_Minh", "Asia/Seoul" };
  static const int offsets[2] = { 7 * 3600, 9 * 3600 };
  guint i = calendar == VT_HOLIDAY_CALENDAR_KOREA ? 1 : 0;

  if (g_once_init_enter (&initialised[i]))
    {
      zones[i] = g_time_zone_new_identifier (identifiers[i]);
      if (zones[i] == NULL)
        zones[i] = g_time_zone_new_offset (offsets[i]);
      g_once_init_leave (&initialised[i], 1);
    }
  return zones[i];
}
