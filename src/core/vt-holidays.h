/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-holidays.h: Vietnamese and Korean public holidays.
 *
 * Vietnam (Labour Code 2019, art. 112): 1 January; Tết, five days: the last
 * day of the lunar year and the first four days of the new one; the Hùng
 * Kings' day (10th of the 3rd lunar month); 30 April; 1 May; 2 September.
 * The government moves days around the statutory ones every year (bridges
 * to weekends, and the second National Day, which is 1 or 3 September):
 * those announcements are not predictable and are not included.
 *
 * Korea (Regulation on Holidays of Government Offices): 1 January; Seollal
 * (the day before, the day of and the day after the lunar new year);
 * 1 March; 5 May; the Buddha's birthday (8th of the 4th lunar month);
 * 6 June; 15 August; Chuseok (14th–16th of the 8th lunar month); 3 and
 * 9 October; 25 December; and the substitute days the regulation gives
 * when one of them meets a Sunday (Seollal, Chuseok), a weekend (the
 * others that have one) or another holiday.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VT_HOLIDAY_CALENDAR_VIETNAM,
  VT_HOLIDAY_CALENDAR_KOREA,
} VtHolidayCalendar;

/**
 * VtHoliday:
 * @id: stable id, e.g. "vn-tet", "kr-chuseok"
 * @substitute: a substitute day off given for @id
 */
typedef struct
{
  GDate       date;
  const char *id;
  gboolean    substitute;
} VtHoliday;

GArray      *vt_holidays_for_year             (VtHolidayCalendar  calendar,
                                               int                year);
const char  *vt_holiday_lookup                (VtHolidayCalendar  calendar,
                                               const GDate       *date,
                                               gboolean          *substitute);
const char  *vt_holiday_get_display_name      (const char        *id);
GTimeZone   *vt_holiday_calendar_get_timezone (VtHolidayCalendar  calendar);

G_END_DECLS
