/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-calendar-layout.c: what the visit views show, as pure functions. */

#define G_LOG_DOMAIN "vt-calendar"

#include "config.h"

#include "vt-calendar-layout.h"
#include "vt-holidays.h"

static void
week_start (GDate *date)
{
  /* GDateWeekday: Monday is 1. */
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

/**
 * vt_calendar_range:
 * @first: (out caller-allocates): the first day shown
 * @last: (out caller-allocates): the last day shown
 *
 * Agenda: the month of @focus. Week: Monday to Sunday around @focus.
 * Month: six whole weeks from the Monday on or before the 1st.
 */
void
vt_calendar_range (VtCalendarView  view,
                   const GDate    *focus,
                   GDate          *first,
                   GDate          *last)
{
  g_return_if_fail (focus != NULL && g_date_valid (focus));

  *first = *focus;
  switch (view)
    {
    case VT_CALENDAR_VIEW_WEEK:
      week_start (first);
      *last = *first;
      g_date_add_days (last, 6);
      break;

    case VT_CALENDAR_VIEW_MONTH:
      g_date_set_day (first, 1);
      week_start (first);
      *last = *first;
      g_date_add_days (last, 41);
      break;

    case VT_CALENDAR_VIEW_AGENDA:
    default:
      g_date_set_day (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first)));
      break;
    }
}

/**
 * vt_calendar_move:
 * @focus: (inout): the focused day
 *
 * Arrows move a day (left/right) or a week (up/down; in the agenda, a
 * day); Page Up/Down a week in the week view and a month otherwise, keeping
 * the day of the month where the month has it; Home goes to @today.
 */
void
vt_calendar_move (VtCalendarView  view,
                  VtCalendarMove  move,
                  const GDate    *today,
                  GDate          *focus)
{
  g_return_if_fail (focus != NULL && g_date_valid (focus));

  switch (move)
    {
    case VT_CALENDAR_MOVE_LEFT:
      g_date_subtract_days (focus, 1);
      break;
    case VT_CALENDAR_MOVE_RIGHT:
      g_date_add_days (focus, 1);
      break;
    case VT_CALENDAR_MOVE_UP:
      g_date_subtract_days (focus, view == VT_CALENDAR_VIEW_AGENDA ? 1 : 7);
      break;
    case VT_CALENDAR_MOVE_DOWN:
      g_date_add_days (focus, view == VT_CALENDAR_VIEW_AGENDA ? 1 : 7);
      break;
    case VT_CALENDAR_MOVE_PREVIOUS:
      if (view == VT_CALENDAR_VIEW_WEEK)
        g_date_subtract_days (focus, 7);
      else
        g_date_subtract_months (focus, 1);
      break;
    case VT_CALENDAR_MOVE_NEXT:
      if (view == VT_CALENDAR_VIEW_WEEK)
        g_date_add_days (focus, 7);
      else
        g_date_add_months (focus, 1);
      break;
    case VT_CALENDAR_MOVE_TODAY:
    default:
      g_return_if_fail (today != NULL && g_date_valid (today));
      *focus = *today;
      break;
    }
}

/**
 * vt_calendar_layout_day:
 * @starts: (array length=n): the visits' starts, in order of start
 * @ends: (array length=n): their ends
 * @column: (out) (array length=n): the column of each visit
 * @n_columns: (out) (array length=n): how many columns the group of
 *   overlapping visits it belongs to needs
 *
 * Lays out overlapping visits side by side as calendars do: each visit
 * takes the first column free at its start; visits that overlap, directly
 * or through others, share the width of their group.
 */
void
vt_calendar_layout_day (GDateTime **starts,
                        GDateTime **ends,
                        guint       n,
                        guint      *column,
                        guint      *n_columns)
{
  g_autofree GDateTime **column_ends = g_new0 (GDateTime *, MAX (n, 1));
  guint group_start = 0;
  guint group_columns = 0;
  GDateTime *group_end = NULL;

  for (guint i = 0; i < n; i++)
    {
      guint c;

      /* A visit that starts after everything in the group ends closes it. */
      if (group_end != NULL && g_date_time_compare (starts[i], group_end) >= 0)
        {
          for (guint j = group_start; j < i; j++)
            n_columns[j] = group_columns;
          group_start = i;
          group_columns = 0;
          group_end = NULL;
          memset (column_ends, 0, sizeof (GDateTime *) * n);
        }

      for (c = 0; c < n; c++)
        if (column_ends[c] == NULL || g_date_time_compare (column_ends[c], starts[i]) <= 0)
          break;
      column[i] = c;
      column_ends[c] = ends[i];
      group_columns = MAX (group_columns, c + 1);
      if (group_end == NULL || g_date_time_compare (ends[i], group_end) > 0)
        group_end = ends[i];
    }
  for (guint j = group_start; j < n; j++)
    n_columns[j] = group_columns;
}

/**
 * vt_date_from_date_time:
 *
 * The Vietnam day of @time.
 */
void
vt_date_from_date_time (GDateTime *time,
                        GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM));

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * vt_calendar_hour_offset:
 *
 * Returns: the hours from the start of @day (Vietnam time) to @time; below
 *   0 before the day and 24 or more after it
 */
double
vt_calendar_hour_offset (GDateTime   *time,
                         const GDate *day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM),
                                                   g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  return g_date_time_difference (time, midnight) / (double) G_TIME_SPAN_HOUR;
}

/**
 * vt_visit_filter_matches:
 *
 * Returns: whether @visit passes every criterion @filter sets
 */
gboolean
vt_visit_filter_matches (const VtVisitFilter *filter,
                         const VtVisit       *visit)
{
  if (filter == NULL)
    return TRUE;
  if (filter->kind >= 0 && (int) visit->kind != filter->kind)
    return FALSE;
  if (filter->round_id != 0 && visit->round_id != filter->round_id)
    return FALSE;
  if (filter->province_code != NULL && g_strcmp0 (visit->province_code, filter->province_code) != 0)
    return FALSE;
  if (filter->person_id != 0)
    {
      for (guint i = 0; i < visit->participant_ids->len; i++)
        if (g_array_index (visit->participant_ids, gint64, i) == filter->person_id)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}
