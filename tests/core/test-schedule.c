/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-schedule.c: lunar calendars, holidays, travel times and the
 * conflict rules of visit schedules, by worked examples. */

#include "config.h"

#include "vt-holidays.h"
#include "vt-lunar.h"
#include "vt-travel.h"
#include "vt-visit-conflicts.h"

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
set_date (GDate *d,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, day, month, year);
}

/* Lunar new year, 2020-2030: Tết (Vietnam) and Seollal (Korea). In 2027,
 * 2028 and 2030 the new moon comes between 15:00 and 17:00 UTC, before
 * midnight in Hanoi and after it in Seoul, so Seollal is a day later. */
static const int new_years[][4] = {
  { 2020, 1, 25, 25 }, { 2021, 2, 12, 12 }, { 2022, 2, 1, 1 }, { 2023, 1, 22, 22 },
  { 2024, 2, 10, 10 }, { 2025, 1, 29, 29 }, { 2026, 2, 17, 17 }, { 2027, 2, 6, 7 },
  { 2028, 1, 26, 27 }, { 2029, 2, 13, 13 }, { 2030, 2, 2, 3 },
};

static void
test_tet (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (new_years); i++)
    {
      VtLunarDate tet = { new_years[i][0], 1, 1, FALSE };
      VtLunarDate back;
      GDate d;

      g_assert_true (vt_lunar_to_solar (&tet, VT_LUNAR_VIETNAM, &d));
      assert_date (&d, new_years[i][0], new_years[i][1], new_years[i][2]);
      g_assert_true (vt_lunar_to_solar (&tet, VT_LUNAR_KOREA, &d));
      assert_date (&d, new_years[i][0], new_years[i][1], new_years[i][3]);

      g_assert_true (vt_lunar_to_solar (&tet, VT_LUNAR_VIETNAM, &d));
      vt_lunar_from_solar (&d, VT_LUNAR_VIETNAM, &back);
      g_assert_cmpint (back.year, ==, new_years[i][0]);
      g_assert_cmpint (back.month, ==, 1);
      g_assert_cmpint (back.day, ==, 1);
      g_assert_false (back.leap);

      /* The day before is the last of month 12 of the old year. */
      g_date_subtract_days (&d, 1);
      vt_lunar_from_solar (&d, VT_LUNAR_VIETNAM, &back);
      g_assert_cmpint (back.year, ==, new_years[i][0] - 1);
      g_assert_cmpint (back.month, ==, 12);
      g_assert_cmpint (back.day, >=, 29);
    }
}

/* The new moon of 17 February 2007 came at 16:14 UTC: 23:14 in Hanoi and
 * 01:14 on the 18th in Seoul, so Tết and Seollal fell a day apart. */
static void
test_time_zone_edge (void)
{
  VtLunarDate new_year = { 2007, 1, 1, FALSE };
  GDate d;

  g_assert_true (vt_lunar_to_solar (&new_year, VT_LUNAR_VIETNAM, &d));
  assert_date (&d, 2007, 2, 17);
  g_assert_true (vt_lunar_to_solar (&new_year, VT_LUNAR_KOREA, &d));
  assert_date (&d, 2007, 2, 18);
}

static void
test_leap_months (void)
{
  /* 2023 had a leap 2nd month (22 March - 19 April), 2025 a leap 6th
   * (25 July - 22 August), 2020 a leap 4th (23 May - 20 June). */
  struct { int year, month, sy, sm, sd; } leaps[] = {
    { 2020, 4, 2020, 5, 23 }, { 2023, 2, 2023, 3, 22 }, { 2025, 6, 2025, 7, 25 },
  };
  VtLunarDate bogus = { 2024, 5, 1, TRUE };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (leaps); i++)
    {
      VtLunarDate leap = { leaps[i].year, leaps[i].month, 1, TRUE };
      VtLunarDate back;

      g_assert_true (vt_lunar_to_solar (&leap, VT_LUNAR_VIETNAM, &d));
      assert_date (&d, leaps[i].sy, leaps[i].sm, leaps[i].sd);
      vt_lunar_from_solar (&d, VT_LUNAR_VIETNAM, &back);
      g_assert_true (back.leap);
      g_assert_cmpint (back.month, ==, leaps[i].month);
      g_assert_cmpint (back.day, ==, 1);
    }

  /* 2024 has no leap month. */
  g_assert_false (vt_lunar_to_solar (&bogus, VT_LUNAR_VIETNAM, &d));
  g_assert_cmpint (vt_lunar_month_length (2024, 5, TRUE, VT_LUNAR_VIETNAM), ==, 0);
}

/* Every day from 1990 to 2050 converts to a lunar date and back, and the
 * lunar days count up by one (or start a new month). */
static void
test_round_trip (void)
{
  GDate d, end;
  VtLunarDate prev = { 0 };

  set_date (&d, 1990, 1, 1);
  set_date (&end, 2050, 12, 31);
  for (; g_date_compare (&d, &end) <= 0; g_date_add_days (&d, 1))
    for (int tz = VT_LUNAR_VIETNAM; tz <= VT_LUNAR_KOREA; tz += 2)
      {
        VtLunarDate lunar;
        GDate back;

        vt_lunar_from_solar (&d, tz, &lunar);
        g_assert_true (vt_lunar_to_solar (&lunar, tz, &back));
        g_assert_cmpint (g_date_compare (&back, &d), ==, 0);
        g_assert_cmpint (lunar.day, >=, 1);
        g_assert_cmpint (lunar.day, <=, 30);
        if (tz == VT_LUNAR_VIETNAM)
          {
            if (prev.year != 0)
              g_assert_true (lunar.day == prev.day + 1 || (lunar.day == 1 && prev.day >= 29));
            prev = lunar;
          }
      }
}

static gboolean
has_holiday (VtHolidayCalendar  calendar,
             int                year,
             int                month,
             int                day,
             const char        *id,
             gboolean           substitute)
{
  GDate d;
  gboolean sub = !substitute;
  const char *found;

  set_date (&d, year, month, day);
  found = vt_holiday_lookup (calendar, &d, &sub);
  return g_strcmp0 (found, id) == 0 && sub == substitute;
}

static void
test_vietnamese_holidays (void)
{
  g_autoptr(GArray) y2026 = vt_holidays_for_year (VT_HOLIDAY_CALENDAR_VIETNAM, 2026);
  const int hung_kings[][3] = {
    { 2020, 4, 2 }, { 2021, 4, 21 }, { 2022, 4, 10 }, { 2023, 4, 29 },
    { 2024, 4, 18 }, { 2025, 4, 7 }, { 2026, 4, 26 },
  };
  GDate d;

  /* Tết 2026: 30th of the 12th month (16 February) and four days. */
  g_assert_false (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 2, 15, "vn-tet", FALSE));
  for (int day = 16; day <= 20; day++)
    g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 2, day, "vn-tet", FALSE));
  g_assert_false (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 2, 21, "vn-tet", FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (hung_kings); i++)
    g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, hung_kings[i][0], hung_kings[i][1],
                                hung_kings[i][2], "vn-hung-kings", FALSE));

  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 1, 1, "vn-new-year", FALSE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 4, 30, "vn-reunification", FALSE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 5, 1, "vn-labour", FALSE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_VIETNAM, 2026, 9, 2, "vn-national", FALSE));
  /* Korean holidays are not Vietnamese ones. */
  set_date (&d, 2026, 9, 25);
  g_assert_null (vt_holiday_lookup (VT_HOLIDAY_CALENDAR_VIETNAM, &d, NULL));

  /* 1 + 5 + 1 + 1 + 1 + 1 days, in date order. */
  g_assert_cmpuint (y2026->len, ==, 10);
  for (guint i = 1; i < y2026->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (y2026, VtHoliday, i - 1).date,
                                     &g_array_index (y2026, VtHoliday, i).date), <=, 0);
  g_assert_cmpstr (vt_holiday_get_display_name ("vn-tet"), !=, "vn-tet");
}

static void
test_korean_holidays (void)
{
  const int chuseok[][3] = {
    { 2020, 10, 1 }, { 2021, 9, 21 }, { 2022, 9, 10 }, { 2023, 9, 29 }, { 2024, 9, 17 },
    { 2025, 10, 6 }, { 2026, 9, 25 }, { 2027, 9, 15 }, { 2028, 10, 3 }, { 2029, 9, 22 },
    { 2030, 9, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chuseok); i++)
    g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, chuseok[i][0], chuseok[i][1],
                                chuseok[i][2], "kr-chuseok", FALSE));
  for (guint i = 0; i < G_N_ELEMENTS (new_years); i++)
    g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, new_years[i][0], new_years[i][1],
                                new_years[i][3], "kr-seollal", FALSE));

  /* 2025: the Buddha's birthday fell on Children's Day (5 May), so 6 May
   * (one day for both) was a substitute; Chuseok (5-7 October) began on a Sunday, so 8 October
   * was one. */
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2025, 5, 6, "kr-children", TRUE));
  {
    GDate d;

    set_date (&d, 2025, 5, 7);
    g_assert_null (vt_holiday_lookup (VT_HOLIDAY_CALENDAR_KOREA, &d, NULL));
  }
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2025, 10, 5, "kr-chuseok", FALSE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2025, 10, 8, "kr-chuseok", TRUE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2025, 1, 28, "kr-seollal", FALSE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2025, 1, 30, "kr-seollal", FALSE));

  /* 2026: 1 March, 15 August and 3 October are weekend days, the Buddha's
   * birthday (24 May) a Sunday; Chuseok (24-26 September) ends on a
   * Saturday, which gives no substitute. */
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2026, 3, 2, "kr-independence", TRUE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2026, 5, 25, "kr-buddha", TRUE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2026, 8, 17, "kr-liberation", TRUE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2026, 10, 5, "kr-foundation", TRUE));
  g_assert_true (has_holiday (VT_HOLIDAY_CALENDAR_KOREA, 2026, 9, 24, "kr-chuseok", FALSE));
  {
    GDate d;

    set_date (&d, 2026, 9, 28);
    g_assert_null (vt_holiday_lookup (VT_HOLIDAY_CALENDAR_KOREA, &d, NULL));
    /* Memorial Day has no substitute (6 June 2026 is a Saturday). */
    set_date (&d, 2026, 6, 8);
    g_assert_null (vt_holiday_lookup (VT_HOLIDAY_CALENDAR_KOREA, &d, NULL));
  }
}

static void
test_travel (void)
{
  double hn_hcm = vt_travel_distance_km ("01", "79");
  int hn_hp = vt_travel_minutes ("01", "31");
  int hn_hcm_minutes = vt_travel_minutes ("01", "79");

  /* Hà Nội - Hồ Chí Minh City is about 1 140 km as the crow flies. */
  g_assert_cmpfloat (hn_hcm, >, 1100);
  g_assert_cmpfloat (hn_hcm, <, 1180);
  /* Hà Nội - Hải Phòng: ~ 90 km, 1.3 × 90 / 50 km/h ≈ 2 h 20 min by road. */
  g_assert_cmpint (hn_hp, >=, 120);
  g_assert_cmpint (hn_hp, <=, 160);
  /* Far apart, the team flies: 3 h on the ground plus ~1 h 40 in the air. */
  g_assert_cmpint (hn_hcm_minutes, >=, 260);
  g_assert_cmpint (hn_hcm_minutes, <=, 290);
  g_assert_cmpint (vt_travel_minutes ("24", "24"), ==, VT_TRAVEL_MINIMUM_MINUTES);
  g_assert_cmpint (vt_travel_minutes ("01", "99"), ==, -1);
  g_assert_cmpint (vt_travel_minutes (NULL, "01"), ==, -1);
  g_assert_cmpint (vt_travel_minutes ("01", "31"), ==, vt_travel_minutes ("31", "01"));
}

/* Helpers for the worked examples: times are given in Vietnam time. */
static GDateTime *
vn (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new (vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM),
                          year, month, day, hour, minute, 0);
}

typedef struct
{
  VtScheduleItem  item;
  gint64          people[4];
} Visit;

static void
visit_init (Visit      *v,
            gint64      id,
            const char *supplier,
            const char *province,
            GDateTime  *starts_at,
            GDateTime  *ends_at,
            gint64      person1,
            gint64      person2)
{
  memset (v, 0, sizeof *v);
  v->item.id = id;
  v->item.supplier_uuid = supplier;
  v->item.province_code = province;
  v->item.status = VT_VISIT_STATUS_PLANNED;
  v->item.starts_at = starts_at;
  v->item.ends_at = ends_at;
  if (person1 != 0)
    v->people[v->item.n_people++] = person1;
  if (person2 != 0)
    v->people[v->item.n_people++] = person2;
  v->item.person_ids = v->people;
}

static void
visit_clear (Visit *v)
{
  g_clear_pointer (&v->item.starts_at, g_date_time_unref);
  g_clear_pointer (&v->item.ends_at, g_date_time_unref);
}

static guint
count_kind (GArray         *conflicts,
            VtConflictKind  kind,
            gint64          visit_id)
{
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      VtConflict *c = &g_array_index (conflicts, VtConflict, i);

      if (c->kind == kind && (visit_id == 0 || c->visit_id == visit_id))
        n++;
    }
  return n;
}

#define SUPPLIER_A "a0000000-0000-4000-8000-000000000001"
#define SUPPLIER_B "b0000000-0000-4000-8000-000000000002"
#define SUPPLIER_C "c0000000-0000-4000-8000-000000000003"

static void
test_double_booked (void)
{
  Visit kim, other;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) none = NULL;
  VtConflict *c;

  /* Mr Kim (7) visits A 9:00-12:00 and B 11:30-15:00 on Tuesday 10 March. */
  visit_init (&kim, 1, SUPPLIER_A, "24", vn (2026, 3, 10, 9, 0), vn (2026, 3, 10, 12, 0), 7, 8);
  visit_init (&other, 2, SUPPLIER_B, "24", vn (2026, 3, 10, 11, 30), vn (2026, 3, 10, 15, 0), 9, 7);
  found = vt_schedule_check_visit (&kim.item, &other.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  c = &g_array_index (found, VtConflict, 0);
  g_assert_cmpint (c->kind, ==, VT_CONFLICT_DOUBLE_BOOKED);
  g_assert_cmpint (c->visit_id, ==, 1);
  g_assert_cmpint (c->other_visit_id, ==, 2);
  g_assert_cmpint (c->person_id, ==, 7);

  /* Back to back (12:00 sharp) is not an overlap; in one province there
   * is no travel warning either. */
  visit_clear (&other);
  visit_init (&other, 2, SUPPLIER_B, "24", vn (2026, 3, 10, 12, 0), vn (2026, 3, 10, 15, 0), 7, 0);
  none = vt_schedule_check_visit (&kim.item, &other.item, 1, NULL);
  g_assert_cmpuint (none->len, ==, 0);

  /* A cancelled visit books nobody. */
  g_clear_pointer (&found, g_array_unref);
  visit_clear (&other);
  visit_init (&other, 2, SUPPLIER_B, "24", vn (2026, 3, 10, 11, 0), vn (2026, 3, 10, 15, 0), 7, 0);
  other.item.status = VT_VISIT_STATUS_CANCELLED;
  found = vt_schedule_check_visit (&kim.item, &other.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 0);

  /* The stored copy of the visit being edited is not a clash with itself. */
  g_clear_pointer (&found, g_array_unref);
  found = vt_schedule_check_visit (&kim.item, &kim.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 0);

  visit_clear (&kim);
  visit_clear (&other);
}

static void
test_spanning_midnight (void)
{
  Visit night, morning, next_day;
  g_autoptr(GArray) all = NULL;
  Visit visits[3];

  /* A night shift audit from 22:00 on 11 March to 02:00 on the 12th, and a
   * morning visit at 01:00 on the 12th with the same interpreter (5): they
   * overlap although they start on different days. */
  visit_init (&night, 1, SUPPLIER_A, "33", vn (2026, 3, 11, 22, 0), vn (2026, 3, 12, 2, 0), 5, 0);
  visit_init (&morning, 2, SUPPLIER_B, "33", vn (2026, 3, 12, 1, 0), vn (2026, 3, 12, 3, 0), 5, 0);
  /* And another visit to supplier A on the 12th: the night visit occupies
   * the 12th too, so that is two visits to A on one day. */
  visit_init (&next_day, 3, SUPPLIER_A, "33", vn (2026, 3, 12, 14, 0), vn (2026, 3, 12, 16, 0), 6, 0);

  visits[0] = next_day;
  visits[1] = night;
  visits[2] = morning;
  for (guint i = 0; i < 3; i++)
    visits[i].item.person_ids = visits[i].people;
  {
    VtScheduleItem items[3] = { visits[0].item, visits[1].item, visits[2].item };

    all = vt_schedule_check_all (items, 3, NULL);
  }
  g_assert_cmpuint (count_kind (all, VT_CONFLICT_DOUBLE_BOOKED, 1), ==, 1);
  g_assert_cmpuint (count_kind (all, VT_CONFLICT_DOUBLE_BOOKED, 2), ==, 1);
  g_assert_cmpuint (count_kind (all, VT_CONFLICT_SAME_SUPPLIER_DAY, 1), ==, 1);
  g_assert_cmpuint (count_kind (all, VT_CONFLICT_SAME_SUPPLIER_DAY, 3), ==, 1);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      VtConflict *c = &g_array_index (all, VtConflict, i);

      if (c->kind == VT_CONFLICT_SAME_SUPPLIER_DAY)
        assert_date (&c->date, 2026, 3, 12);
    }

  /* A visit that ends at midnight exactly does not occupy the next day. */
  {
    Visit evening;
    g_autoptr(GArray) found = NULL;

    visit_init (&evening, 4, SUPPLIER_A, "33", vn (2026, 3, 11, 20, 0), vn (2026, 3, 12, 0, 0), 0, 0);
    found = vt_schedule_check_visit (&evening.item, &next_day.item, 1, NULL);
    g_assert_cmpuint (found->len, ==, 0);
    visit_clear (&evening);
  }

  visit_clear (&night);
  visit_clear (&morning);
  visit_clear (&next_day);
}

/* The same two instants, given in UTC and in Korea time, are the same
 * visit: days are Vietnam days whatever the zone of the values. */
static void
test_time_zones (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GTimeZone *seoul = vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_KOREA);
  Visit a, b;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) apart = NULL;

  /* 17:30 UTC on 10 March is 00:30 on the 11th in Hanoi: the same Vietnam
   * day as a visit at 09:00 on the 11th given in Korea time (11:00 KST). */
  visit_init (&a, 1, SUPPLIER_A, "01", g_date_time_new (utc, 2026, 3, 10, 17, 30, 0),
              g_date_time_new (utc, 2026, 3, 10, 18, 30, 0), 1, 0);
  visit_init (&b, 2, SUPPLIER_A, "01", g_date_time_new (seoul, 2026, 3, 11, 11, 0, 0),
              g_date_time_new (seoul, 2026, 3, 11, 12, 0, 0), 2, 0);
  found = vt_schedule_check_visit (&a.item, &b.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, VtConflict, 0).kind, ==, VT_CONFLICT_SAME_SUPPLIER_DAY);
  assert_date (&g_array_index (found, VtConflict, 0).date, 2026, 3, 11);
  visit_clear (&a);

  /* 16:30 UTC is 23:30 on the 10th in Hanoi: another day. */
  visit_init (&a, 1, SUPPLIER_A, "01", g_date_time_new (utc, 2026, 3, 10, 16, 30, 0),
              g_date_time_new (utc, 2026, 3, 10, 16, 45, 0), 1, 0);
  apart = vt_schedule_check_visit (&a.item, &b.item, 1, NULL);
  g_assert_cmpuint (apart->len, ==, 0);
  visit_clear (&a);
  visit_clear (&b);
}

static void
test_travel_time (void)
{
  Visit bac_ninh, hai_phong, ho_chi_minh;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) enough = NULL;
  g_autoptr(GArray) next_day = NULL;
  VtConflict *c;

  /* Consultant 3: Bắc Ninh until 11:30, then Hải Phòng at 12:30 the same
   * day. Bắc Ninh's centre (Bắc Giang) to Hải Phòng is ~ 80 km, over 2 h. */
  visit_init (&bac_ninh, 1, SUPPLIER_A, "24", vn (2026, 3, 10, 8, 30), vn (2026, 3, 10, 11, 30), 3, 0);
  visit_init (&hai_phong, 2, SUPPLIER_B, "31", vn (2026, 3, 10, 12, 30), vn (2026, 3, 10, 16, 0), 3, 4);
  found = vt_schedule_check_visit (&hai_phong.item, &bac_ninh.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  c = &g_array_index (found, VtConflict, 0);
  g_assert_cmpint (c->kind, ==, VT_CONFLICT_TRAVEL_TIME);
  g_assert_cmpint (c->visit_id, ==, 2);
  g_assert_cmpint (c->other_visit_id, ==, 1);
  g_assert_cmpint (c->person_id, ==, 3);
  g_assert_cmpint (c->available_minutes, ==, 60);
  g_assert_cmpint (c->needed_minutes, ==, vt_travel_minutes ("24", "31"));
  g_assert_cmpint (c->needed_minutes, >, 60);

  /* Starting at 15:00 leaves three and a half hours: enough. */
  visit_clear (&hai_phong);
  visit_init (&hai_phong, 2, SUPPLIER_B, "31", vn (2026, 3, 10, 15, 0), vn (2026, 3, 10, 17, 0), 3, 0);
  enough = vt_schedule_check_visit (&hai_phong.item, &bac_ninh.item, 1, NULL);
  g_assert_cmpuint (enough->len, ==, 0);

  /* Hồ Chí Minh City the next morning: another day, no warning even though
   * the trip is long; the same afternoon, a warning. */
  visit_init (&ho_chi_minh, 3, SUPPLIER_C, "79", vn (2026, 3, 11, 8, 0), vn (2026, 3, 11, 11, 0), 3, 0);
  next_day = vt_schedule_check_visit (&ho_chi_minh.item, &bac_ninh.item, 1, NULL);
  g_assert_cmpuint (next_day->len, ==, 0);
  visit_clear (&ho_chi_minh);
  visit_init (&ho_chi_minh, 3, SUPPLIER_C, "79", vn (2026, 3, 10, 15, 0), vn (2026, 3, 10, 17, 0), 3, 0);
  g_clear_pointer (&found, g_array_unref);
  found = vt_schedule_check_visit (&ho_chi_minh.item, &bac_ninh.item, 1, NULL);
  g_assert_cmpuint (count_kind (found, VT_CONFLICT_TRAVEL_TIME, 3), ==, 1);

  /* Unknown provinces give no estimate and no warning. */
  visit_clear (&ho_chi_minh);
  visit_init (&ho_chi_minh, 3, SUPPLIER_C, NULL, vn (2026, 3, 10, 12, 0), vn (2026, 3, 10, 17, 0), 3, 0);
  g_clear_pointer (&found, g_array_unref);
  found = vt_schedule_check_visit (&ho_chi_minh.item, &bac_ninh.item, 1, NULL);
  g_assert_cmpuint (found->len, ==, 0);

  visit_clear (&bac_ninh);
  visit_clear (&hai_phong);
  visit_clear (&ho_chi_minh);
}

static void
test_holidays_in_schedule (void)
{
  gint64 korean[] = { 7 };
  VtScheduleOptions options = { korean, 1 };
  Visit tet, chuseok_eve, hung_kings;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) eve = NULL;
  g_autoptr(GArray) not_korean = NULL;
  VtConflict *c;
  char *text;

  /* 17 February 2026 is the first day of Tết. */
  visit_init (&tet, 1, SUPPLIER_A, "01", vn (2026, 2, 17, 9, 0), vn (2026, 2, 17, 11, 0), 7, 0);
  found = vt_schedule_check_visit (&tet.item, NULL, 0, &options);
  /* A Vietnamese holiday for the visit, and Seollal for Mr Kim. */
  g_assert_cmpuint (found->len, ==, 2);
  c = &g_array_index (found, VtConflict, 0);
  g_assert_cmpint (c->kind, ==, VT_CONFLICT_VIETNAMESE_HOLIDAY);
  g_assert_cmpstr (c->holiday_id, ==, "vn-tet");
  assert_date (&c->date, 2026, 2, 17);
  c = &g_array_index (found, VtConflict, 1);
  g_assert_cmpint (c->kind, ==, VT_CONFLICT_KOREAN_HOLIDAY);
  g_assert_cmpstr (c->holiday_id, ==, "kr-seollal");
  g_assert_cmpint (c->person_id, ==, 7);
  text = vt_conflict_describe (c, "Kim Min-jun", NULL);
  g_assert_nonnull (strstr (text, "Kim Min-jun"));
  g_free (text);

  /* 22:30-23:30 on 23 September 2026 in Hanoi is 00:30-01:30 on the 24th
   * in Seoul, the first day of Chuseok: a Korean holiday for Mr Kim,
   * although it is still the 23rd where the visit happens. */
  visit_init (&chuseok_eve, 2, SUPPLIER_A, "01", vn (2026, 9, 23, 22, 30), vn (2026, 9, 23, 23, 30), 7, 0);
  eve = vt_schedule_check_visit (&chuseok_eve.item, NULL, 0, &options);
  g_assert_cmpuint (eve->len, ==, 1);
  c = &g_array_index (eve, VtConflict, 0);
  g_assert_cmpint (c->kind, ==, VT_CONFLICT_KOREAN_HOLIDAY);
  g_assert_cmpstr (c->holiday_id, ==, "kr-chuseok");
  assert_date (&c->date, 2026, 9, 24);

  /* The Hùng Kings' day (26 April 2026) for a Vietnamese team only. */
  visit_init (&hung_kings, 3, SUPPLIER_A, "01", vn (2026, 4, 26, 9, 0), vn (2026, 4, 26, 10, 0), 8, 0);
  not_korean = vt_schedule_check_visit (&hung_kings.item, NULL, 0, &options);
  g_assert_cmpuint (not_korean->len, ==, 1);
  g_assert_cmpstr (g_array_index (not_korean, VtConflict, 0).holiday_id, ==, "vn-hung-kings");

  visit_clear (&tet);
  visit_clear (&chuseok_eve);
  visit_clear (&hung_kings);
}

/* A month of three consultants, two visits a day each, with no clash: the
 * check finds nothing; then one double booking slips in and it is found. */
static void
test_month_plan (void)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (VtScheduleItem));
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  static const gint64 consultants[3][1] = { { 1 }, { 2 }, { 3 } };
  g_autoptr(GArray) clean = NULL;
  g_autoptr(GArray) clash = NULL;
  gint64 id = 0;
  VtScheduleItem bad;

  /* March 2026 working days: no holidays in Vietnam or Korea after 2 March. */
  for (int day = 3; day <= 31; day++)
    {
      g_autoptr(GDateTime) probe = vn (2026, 3, day, 12, 0);
      int wd = g_date_time_get_day_of_week (probe);

      if (wd >= 6)
        continue;
      for (int c = 0; c < 3; c++)
        for (int slot = 0; slot < 2; slot++)
          {
            VtScheduleItem item = { 0 };
            GDateTime *s = vn (2026, 3, day, slot == 0 ? 8 : 14, 0);
            GDateTime *e = vn (2026, 3, day, slot == 0 ? 11 : 16, 30);
            char *uuid = g_strdup_printf ("%08d-0000-4000-8000-000000000000", (int) ++id);

            g_ptr_array_add (times, s);
            g_ptr_array_add (times, e);
            g_ptr_array_add (uuids, uuid);
            item.id = id;
            item.supplier_uuid = uuid;
            item.province_code = c == 0 ? "01" : c == 1 ? "24" : "31";
            item.status = VT_VISIT_STATUS_CONFIRMED;
            item.starts_at = s;
            item.ends_at = e;
            item.person_ids = consultants[c];
            item.n_people = 1;
            g_array_append_val (items, item);
          }
    }
  clean = vt_schedule_check_all ((VtScheduleItem *) items->data, items->len, NULL);
  g_assert_cmpuint (clean->len, ==, 0);

  /* Consultant 2 added to a Hà Nội visit of consultant 1 on 17 March. */
  bad = g_array_index (items, VtScheduleItem, 0);
  for (guint i = 0; i < items->len; i++)
    {
      VtScheduleItem *it = &g_array_index (items, VtScheduleItem, i);

      if (it->person_ids == consultants[0] && g_date_time_get_day_of_month (it->starts_at) == 17)
        {
          bad = *it;
          break;
        }
    }
  {
    static const gint64 both[2] = { 1, 2 };

    for (guint i = 0; i < items->len; i++)
      if (g_array_index (items, VtScheduleItem, i).id == bad.id)
        {
          g_array_index (items, VtScheduleItem, i).person_ids = both;
          g_array_index (items, VtScheduleItem, i).n_people = 2;
        }
  }
  clash = vt_schedule_check_all ((VtScheduleItem *) items->data, items->len, NULL);
  /* Consultant 2 is in Bắc Ninh at the same time: one clash, seen from both
   * visits. */
  g_assert_cmpuint (count_kind (clash, VT_CONFLICT_DOUBLE_BOOKED, 0), ==, 2);
  g_assert_cmpuint (count_kind (clash, VT_CONFLICT_DOUBLE_BOOKED, bad.id), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lunar/tet-2020-2030", test_tet);
  g_test_add_func ("/core/lunar/time-zone-edge", test_time_zone_edge);
  g_test_add_func ("/core/lunar/leap-months", test_leap_months);
  g_test_add_func ("/core/lunar/round-trip", test_round_trip);
  g_test_add_func ("/core/holidays/vietnam", test_vietnamese_holidays);
  g_test_add_func ("/core/holidays/korea", test_korean_holidays);
  g_test_add_func ("/core/travel/estimate", test_travel);
  g_test_add_func ("/core/conflicts/double-booked", test_double_booked);
  g_test_add_func ("/core/conflicts/spanning-midnight", test_spanning_midnight);
  g_test_add_func ("/core/conflicts/time-zones", test_time_zones);
  g_test_add_func ("/core/conflicts/travel-time", test_travel_time);
  g_test_add_func ("/core/conflicts/holidays", test_holidays_in_schedule);
  g_test_add_func ("/core/conflicts/month-plan", test_month_plan);

  return g_test_run ();
}
