/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-layout.c: the widget state of the visit views. */

#include "config.h"

#include "vt-calendar-layout.h"

static void
set_date (GDate *d, int year, int month, int day)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, day, month, year);
}

static void
assert_date (const GDate *d, int year, int month, int day)
{
  g_assert_cmpint (g_date_get_year (d), ==, year);
  g_assert_cmpint (g_date_get_month (d), ==, month);
  g_assert_cmpint (g_date_get_day (d), ==, day);
}

static void
test_ranges (void)
{
  GDate focus, first, last;

  /* Wednesday 11 March 2026. */
  set_date (&focus, 2026, 3, 11);
  vt_calendar_range (VT_CALENDAR_VIEW_WEEK, &focus, &first, &last);
  assert_date (&first, 2026, 3, 9);
  assert_date (&last, 2026, 3, 15);

  /* March 2026 begins on a Sunday: the grid starts on Monday 23 February
   * and has six weeks. */
  vt_calendar_range (VT_CALENDAR_VIEW_MONTH, &focus, &first, &last);
  assert_date (&first, 2026, 2, 23);
  assert_date (&last, 2026, 4, 5);

  vt_calendar_range (VT_CALENDAR_VIEW_AGENDA, &focus, &first, &last);
  assert_date (&first, 2026, 3, 1);
  assert_date (&last, 2026, 3, 31);

  /* A Monday is its own week's start; a Sunday ends it. */
  set_date (&focus, 2026, 3, 15);
  vt_calendar_range (VT_CALENDAR_VIEW_WEEK, &focus, &first, &last);
  assert_date (&first, 2026, 3, 9);
  set_date (&focus, 2026, 3, 9);
  vt_calendar_range (VT_CALENDAR_VIEW_WEEK, &focus, &first, &last);
  assert_date (&first, 2026, 3, 9);
}

static void
test_moves (void)
{
  GDate focus, today;

  set_date (&today, 2026, 11, 23);
  set_date (&focus, 2026, 1, 31);
  vt_calendar_move (VT_CALENDAR_VIEW_MONTH, VT_CALENDAR_MOVE_NEXT, &today, &focus);
  assert_date (&focus, 2026, 2, 28);
  vt_calendar_move (VT_CALENDAR_VIEW_MONTH, VT_CALENDAR_MOVE_DOWN, &today, &focus);
  assert_date (&focus, 2026, 3, 7);
  vt_calendar_move (VT_CALENDAR_VIEW_WEEK, VT_CALENDAR_MOVE_PREVIOUS, &today, &focus);
  assert_date (&focus, 2026, 2, 28);
  vt_calendar_move (VT_CALENDAR_VIEW_WEEK, VT_CALENDAR_MOVE_RIGHT, &today, &focus);
  assert_date (&focus, 2026, 3, 1);
  vt_calendar_move (VT_CALENDAR_VIEW_AGENDA, VT_CALENDAR_MOVE_UP, &today, &focus);
  assert_date (&focus, 2026, 2, 28);
  vt_calendar_move (VT_CALENDAR_VIEW_AGENDA, VT_CALENDAR_MOVE_TODAY, &today, &focus);
  assert_date (&focus, 2026, 11, 23);
}

static GDateTime *
at (int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);

  return g_date_time_new (tz, 2026, 3, day, hour, minute, 0);
}

static void
test_layout (void)
{
  /* 8-10 and 9-11 overlap (two columns); 10:30-12 overlaps only 9-11 and
   * takes the first column freed by 8-10; 13-14 is on its own. */
  GDateTime *starts[4] = { at (10, 8, 0), at (10, 9, 0), at (10, 10, 30), at (10, 13, 0) };
  GDateTime *ends[4] = { at (10, 10, 0), at (10, 11, 0), at (10, 12, 0), at (10, 14, 0) };
  guint column[4], n_columns[4];

  vt_calendar_layout_day (starts, ends, 4, column, n_columns);
  g_assert_cmpuint (column[0], ==, 0);
  g_assert_cmpuint (column[1], ==, 1);
  g_assert_cmpuint (column[2], ==, 0);
  g_assert_cmpuint (column[3], ==, 0);
  g_assert_cmpuint (n_columns[0], ==, 2);
  g_assert_cmpuint (n_columns[1], ==, 2);
  g_assert_cmpuint (n_columns[2], ==, 2);
  g_assert_cmpuint (n_columns[3], ==, 1);

  for (guint i = 0; i < 4; i++)
    {
      g_date_time_unref (starts[i]);
      g_date_time_unref (ends[i]);
    }
}

static void
test_hour_offset (void)
{
  g_autoptr(GDateTime) nine = at (10, 9, 30);
  g_autoptr(GDateTime) next = at (11, 1, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  /* 02:30 UTC is 09:30 in Hanoi. */
  g_autoptr(GDateTime) utc_time = g_date_time_new (utc, 2026, 3, 10, 2, 30, 0);
  GDate day;

  set_date (&day, 2026, 3, 10);
  g_assert_cmpfloat (vt_calendar_hour_offset (nine, &day), ==, 9.5);
  g_assert_cmpfloat (vt_calendar_hour_offset (next, &day), ==, 25.0);
  g_assert_cmpfloat (vt_calendar_hour_offset (utc_time, &day), ==, 9.5);
  vt_date_from_date_time (next, &day);
  assert_date (&day, 2026, 3, 11);
}

static void
test_filter (void)
{
  g_autoptr(GDateTime) s = at (10, 9, 0);
  g_autoptr(GDateTime) e = at (10, 11, 0);
  g_autoptr(VtVisit) v = vt_visit_new ("x", VT_VISIT_KIND_SECOND, s, e);
  VtVisitFilter any = { 0, NULL, -1, 0 };
  VtVisitFilter kim = { 7, NULL, -1, 0 };
  VtVisitFilter bac_ninh = { 0, "24", -1, 0 };
  VtVisitFilter first = { 0, NULL, VT_VISIT_KIND_FIRST, 0 };
  VtVisitFilter round = { 0, NULL, VT_VISIT_KIND_SECOND, 3 };

  v->province_code = g_strdup ("24");
  v->round_id = 3;
  vt_visit_add_participant (v, 7, VT_PERSON_KIND_CONSULTANT);
  g_assert_true (vt_visit_filter_matches (&any, v));
  g_assert_true (vt_visit_filter_matches (NULL, v));
  g_assert_true (vt_visit_filter_matches (&kim, v));
  g_assert_true (vt_visit_filter_matches (&bac_ninh, v));
  g_assert_false (vt_visit_filter_matches (&first, v));
  g_assert_true (vt_visit_filter_matches (&round, v));
  kim.person_id = 8;
  g_assert_false (vt_visit_filter_matches (&kim, v));
  bac_ninh.province_code = "01";
  g_assert_false (vt_visit_filter_matches (&bac_ninh, v));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/calendar-layout/ranges", test_ranges);
  g_test_add_func ("/ui/calendar-layout/moves", test_moves);
  g_test_add_func ("/ui/calendar-layout/overlaps", test_layout);
  g_test_add_func ("/ui/calendar-layout/hour-offset", test_hour_offset);
  g_test_add_func ("/ui/calendar-layout/filter", test_filter);

  return g_test_run ();
}
