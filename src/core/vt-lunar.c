/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-lunar.c: the Vietnamese and Korean lunisolar calendars.
 *
 * Days are counted as Julian day numbers (JDN): the number of the civil
 * day, so that GDate's day 1 (1 January of year 1) is JDN 1721426.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include "vt-lunar.h"

#define GDATE_TO_JDN 1721425
/* The mean length of a synodic month, and the Julian date of the new moon
 * of 1900-01-01 from which Meeus counts lunations. */
#define SYNODIC_MONTH 29.530588853
#define LUNATION_EPOCH 2415021.076998695

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

/* The Julian date (UT) of the new moon of lunation @k, counted from the one
 * of January 1900. */
static double
new_moon_time (int k)
{
  double t = k / 1236.85;
  double t2 = t * t;
  double t3 = t2 * t;
  double jd, sun_anomaly, moon_anomaly, latitude_arg, correction, delta_t;

  jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
       + 0.00033 * sin (radians (166.56 + 132.87 * t - 0.009173 * t2));
  sun_anomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  moon_anomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  latitude_arg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

  correction = (0.1734 - 0.000393 * t) * sin (radians (sun_anomaly))
             + 0.0021 * sin (radians (2 * sun_anomaly))
             - 0.4068 * sin (radians (moon_anomaly))
             + 0.0161 * sin (radians (2 * moon_anomaly))
             - 0.0004 * sin (radians (3 * moon_anomaly))
             + 0.0104 * sin (radians (2 * latitude_arg))
             - 0.0051 * sin (radians (sun_anomaly + moon_anomaly))
             - 0.0074 * sin (radians (sun_anomaly - moon_anomaly))
             + 0.0004 * sin (radians (2 * latitude_arg + sun_anomaly))
             - 0.0004 * sin (radians (2 * latitude_arg - sun_anomaly))
             - 0.0006 * sin (radians (2 * latitude_arg + moon_anomaly))
             + 0.0010 * sin (radians (2 * latitude_arg - moon_anomaly))
             + 0.0005 * sin (radians (2 * moon_anomaly + sun_anomaly));

  /* The series gives dynamical time; ΔT (in days) brings it to UT. */
  if (t < -11)
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  else
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;

  return jd + correction - delta_t;
}

/* The civil day, in the zone @tz hours east of UTC, of new moon @k. */
static int
new_moon_day (int k,
              int tz)
{
  return (int) floor (new_moon_time (k) + 0.5 + tz / 24.0);
}

/* The sun's apparent longitude in radians, 0 to 2π, at Julian date @jd. */
static double
sun_longitude (double jd)
{
  double t = (jd - 2451545.0) / 36525.0;
  double t2 = t * t;
  double anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  double mean_longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin (radians (anomaly))
                + (0.019993 - 0.000101 * t) * sin (radians (2 * anomaly))
                + 0.000290 * sin (radians (3 * anomaly));
  double longitude = radians (mean_longitude + centre);

  longitude -= 2 * G_PI * floor (longitude / (2 * G_PI));
  return longitude;
}

/* Which of the twelve 30° sectors the sun is in at the start (local
 * midnight) of day @jdn: a month holds a principal term when the sector
 * changes during it. Sector 9 starts at the winter solstice (270°). */
static int
sun_sector (int jdn,
            int tz)
{
  return (int) floor (sun_longitude (jdn - 0.5 - tz / 24.0) / (G_PI / 6));
}

static int
lunation_before (int jdn)
{
  return (int) floor ((jdn - LUNATION_EPOCH) / SYNODIC_MONTH);
}

/* The first day of the lunar month 11 that contains the winter solstice of
 * solar year @year. */
static int
month_11_start (int year,
                int tz)
{
  GDate dec31;
  int day, k;

  g_date_clear (&dec31, 1);
  g_date_set_dmy (&dec31, 31, G_DATE_DECEMBER, year);
  k = lunation_before ((int) g_date_get_julian (&dec31) + GDATE_TO_JDN);
  day = new_moon_day (k, tz);
  if (sun_sector (day, tz) >= 9)
    day = new_moon_day (k - 1, tz);
  return day;
}

/* In a 13-month year starting at month 11 (@a11), the number of months
 * after it at which the leap month comes: the first month whose start and
 * end lie in the same sector, i.e. that holds no principal term. */
static int
leap_month_offset (int a11,
                   int tz)
{
  int k = (int) floor ((a11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  int i = 1;
  int sector = sun_sector (new_moon_day (k + i, tz), tz);
  int last;

  do
    {
      last = sector;
      i++;
      sector = sun_sector (new_moon_day (k + i, tz), tz);
    }
  while (sector != last && i < 14);
  return i - 1;
}

/**
 * vt_lunar_from_solar:
 * @date: a valid Gregorian date
 * @utc_offset_hours: %VT_LUNAR_VIETNAM or %VT_LUNAR_KOREA
 * @lunar: (out): the lunar date of that day
 */
void
vt_lunar_from_solar (const GDate *date,
                     int          utc_offset_hours,
                     VtLunarDate *lunar)
{
  int tz = utc_offset_hours;
  int jdn, k, month_start, a11, b11, diff, solar_year;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (lunar != NULL);

  jdn = (int) g_date_get_julian (date) + GDATE_TO_JDN;
  solar_year = g_date_get_year (date);
  /* The mean month only approximates the true one (by up to half a day),
   * so look for the last new moon on or before the day from there. */
  k = lunation_before (jdn);
  while (new_moon_day (k, tz) > jdn)
    k--;
  while (new_moon_day (k + 1, tz) <= jdn)
    k++;
  month_start = new_moon_day (k, tz);

  a11 = month_11_start (solar_year, tz);
  if (a11 >= month_start)
    {
      lunar->year = solar_year;
      b11 = a11;
      a11 = month_11_start (solar_year - 1, tz);
    }
  else
    {
      lunar->year = solar_year + 1;
      b11 = month_11_start (solar_year + 1, tz);
    }

  lunar->day = jdn - month_start + 1;
  diff = (month_start - a11) / 29;
  lunar->leap = FALSE;
  lunar->month = diff + 11;
  if (b11 - a11 > 365)
    {
      int leap_diff = leap_month_offset (a11, tz);

      if (diff >= leap_diff)
        {
          lunar->month = diff + 10;
          lunar->leap = diff == leap_diff;
        }
    }
  if (lunar->month > 12)
    lunar->month -= 12;
  if (lunar->month >= 11 && diff < 4)
    lunar->year -= 1;
}

/**
 * vt_lunar_to_solar:
 * @lunar: a lunar date
 * @utc_offset_hours: %VT_LUNAR_VIETNAM or %VT_LUNAR_KOREA
 * @date: (out caller-allocates): the Gregorian date
 *
 * Returns: %FALSE when @lunar names a leap month that the year does not
 *   have, or a month or day out of range
 */
gboolean
vt_lunar_to_solar (const VtLunarDate *lunar,
                   int                utc_offset_hours,
                   GDate             *date)
{
  int tz = utc_offset_hours;
  int a11, b11, k, offset, jdn;

  g_return_val_if_fail (lunar != NULL && date != NULL, FALSE);

  if (lunar->month < 1 || lunar->month > 12 || lunar->day < 1 || lunar->day > 30)
    return FALSE;

  if (lunar->month < 11)
    {
      a11 = month_11_start (lunar->year - 1, tz);
      b11 = month_11_start (lunar->year, tz);
    }
  else
    {
      a11 = month_11_start (lunar->year, tz);
      b11 = month_11_start (lunar->year + 1, tz);
    }

  k = (int) floor ((a11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  offset = lunar->month - 11;
  if (offset < 0)
    offset += 12;

  if (b11 - a11 > 365)
    {
      int leap_offset = leap_month_offset (a11, tz);
      int leap_month = leap_offset - 2;

      if (leap_month < 0)
        leap_month += 12;
      if (lunar->leap && lunar->month != leap_month)
        return FALSE;
      if (lunar->leap || offset >= leap_offset)
        offset += 1;
    }
  else if (lunar->leap)
    return FALSE;

  jdn = new_moon_day (k + offset, tz) + lunar->day - 1;
  if (lunar->day > new_moon_day (k + offset + 1, tz) - new_moon_day (k + offset, tz))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (jdn - GDATE_TO_JDN));
  return TRUE;
}

/**
 * vt_lunar_month_length:
 *
 * Returns: 29 or 30, or 0 when the month does not exist
 */
int
vt_lunar_month_length (int      year,
                       int      month,
                       gboolean leap,
                       int      utc_offset_hours)
{
  VtLunarDate first = { year, month, 1, leap };
  VtLunarDate last = { year, month, 30, leap };
  GDate d;

  if (!vt_lunar_to_solar (&first, utc_offset_hours, &d))
    return 0;
  return vt_lunar_to_solar (&last, utc_offset_hours, &d) ? 30 : 29;
}
