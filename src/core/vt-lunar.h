/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-lunar.h: the Vietnamese and Korean lunisolar calendars.
 *
 * Both calendars count months from the day of the astronomical new moon
 * and insert a leap month so that the winter solstice always falls in
 * month 11; they differ only in the time zone in which "the day of the new
 * moon" is reckoned: UTC+7 for Vietnam, UTC+9 for Korea. That is why Tết
 * and Seollal fall on different days in some years (2007: 17 and 18
 * February).
 *
 * New moons and the sun's longitude come from the truncated series of
 * Jean Meeus, "Astronomical Algorithms" (chapters 25 and 49), good to a
 * few minutes over 1900-2100; the months follow the rules of the Chinese
 * calendar since 1645 (month 11 contains the winter solstice; in a year
 * of 13 months the first month without a principal solar term is the leap
 * month).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hours east of UTC in which each calendar reckons its days. */
#define VT_LUNAR_VIETNAM 7
#define VT_LUNAR_KOREA   9

/**
 * VtLunarDate:
 * @year: the lunar year, named by the solar year in which it mostly falls
 * @month: 1-12
 * @day: 1-30
 * @leap: whether the month is the leap (intercalary) copy of @month
 */
typedef struct
{
  int      year;
  int      month;
  int      day;
  gboolean leap;
} VtLunarDate;

void     vt_lunar_from_solar     (const GDate       *date,
                                  int                utc_offset_hours,
                                  VtLunarDate       *lunar);
gboolean vt_lunar_to_solar       (const VtLunarDate *lunar,
                                  int                utc_offset_hours,
                                  GDate             *date);
int      vt_lunar_month_length   (int                year,
                                  int                month,
                                  gboolean           leap,
                                  int                utc_offset_hours);

G_END_DECLS
