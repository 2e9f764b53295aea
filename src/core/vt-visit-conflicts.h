/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-conflicts.h: what is wrong with a schedule of visits.
 *
 * Pure functions over plain records, so that the editor, the views and the
 * tests share one set of rules:
 *
 * - a person in two visits whose times overlap;
 * - two visits to one supplier on one day (Vietnam time);
 * - a person with two visits in different provinces on one day with less
 *   time between them than vt_travel_minutes() says the trip takes;
 * - a visit on a Vietnamese public holiday (Vietnam time);
 * - a visit on a Korean public holiday (Korea time) for a participant who
 *   keeps Korean holidays.
 *
 * Cancelled and postponed visits take no part. Times are compared as
 * instants; days are civil days in the calendar's time zone.
 */
#pragma once

#include <glib.h>

#include "vt-enums.h"

G_BEGIN_DECLS

/**
 * VtScheduleItem:
 * @id: the visit id (any number unique in the list; 0 for a visit not saved)
 * @province_code: the 2025 province of the place, or %NULL when unknown
 * @starts_at: (not nullable): an instant, any time zone
 * @ends_at: (not nullable): not before @starts_at
 * @person_ids: (array length=n_people): who goes
 */
typedef struct
{
  gint64         id;
  const char    *supplier_uuid;
  const char    *province_code;
  VtVisitStatus  status;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  const gint64  *person_ids;
  guint          n_people;
} VtScheduleItem;

/**
 * VtScheduleOptions:
 * @korean_holiday_people: (array length=n_korean_holiday_people): the
 *   people who keep Korean holidays (Korean consultants)
 */
typedef struct
{
  const gint64 *korean_holiday_people;
  guint         n_korean_holiday_people;
} VtScheduleOptions;

typedef enum
{
  VT_CONFLICT_DOUBLE_BOOKED,
  VT_CONFLICT_SAME_SUPPLIER_DAY,
  VT_CONFLICT_TRAVEL_TIME,
  VT_CONFLICT_VIETNAMESE_HOLIDAY,
  VT_CONFLICT_KOREAN_HOLIDAY,
} VtConflictKind;

/**
 * VtConflict:
 * @visit_id: the visit the warning is about
 * @other_visit_id: the visit it clashes with, or 0
 * @person_id: the person concerned, or 0
 * @date: the day concerned (holidays, same-day visits), else cleared
 * @holiday_id: for holidays, see vt_holiday_get_display_name()
 * @needed_minutes: for travel time, what the trip takes
 * @available_minutes: for travel time, what the schedule leaves
 */
typedef struct
{
  VtConflictKind  kind;
  gint64          visit_id;
  gint64          other_visit_id;
  gint64          person_id;
  GDate           date;
  const char     *holiday_id;
  int             needed_minutes;
  int             available_minutes;
} VtConflict;

GArray  *vt_schedule_check_visit (const VtScheduleItem    *visit,
                                  const VtScheduleItem    *others,
                                  guint                    n_others,
                                  const VtScheduleOptions *options);
GArray  *vt_schedule_check_all   (const VtScheduleItem    *items,
                                  guint                    n_items,
                                  const VtScheduleOptions *options);
gboolean vt_schedule_item_is_active (const VtScheduleItem *item);
char    *vt_conflict_describe    (const VtConflict        *conflict,
                                  const char              *person_name,
                                  const char              *other_visit_label);

G_END_DECLS
