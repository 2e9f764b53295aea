/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-visit-conflicts.c: what is wrong with a schedule of visits. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-holidays.h"
#include "vt-travel.h"
#include "vt-visit-conflicts.h"

/* Visits longer than this are checked for holidays on their first days only;
 * a visit is a day or two, and a typo should not make a loop of years. */
#define MAX_DAYS_CHECKED 62

/* The holidays of the years a check touches, computed once per check. */
typedef struct
{
  GHashTable *years[2];   /* year → GArray of VtHoliday, per calendar */
} HolidayCache;

static void
holiday_cache_init (HolidayCache *cache)
{
  for (guint i = 0; i < G_N_ELEMENTS (cache->years); i++)
    cache->years[i] = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}

static void
holiday_cache_clear (HolidayCache *cache)
{
  for (guint i = 0; i < G_N_ELEMENTS (cache->years); i++)
    g_clear_pointer (&cache->years[i], g_hash_table_unref);
}

static const char *
holiday_cache_lookup (HolidayCache      *cache,
                      VtHolidayCalendar  calendar,
                      const GDate       *date)
{
  GHashTable *years = cache->years[calendar == VT_HOLIDAY_CALENDAR_KOREA ? 1 : 0];
  int year = g_date_get_year (date);
  GArray *list = g_hash_table_lookup (years, GINT_TO_POINTER (year));

  if (list == NULL)
    {
      list = vt_holidays_for_year (calendar, year);
      g_hash_table_insert (years, GINT_TO_POINTER (year), list);
    }
  for (guint i = 0; i < list->len; i++)
    {
      const VtHoliday *h = &g_array_index (list, VtHoliday, i);

      if (g_date_compare (&h->date, date) == 0)
        return h->id;
    }
  return NULL;
}

/* The civil date of instant @t in @tz. */
static void
local_date (GDateTime *t,
            GTimeZone *tz,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (t, tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/* The first and last civil days an item occupies in @tz. The end is
 * exclusive: a visit until 00:00 does not occupy the next day. */
static void
item_days (const VtScheduleItem *item,
           GTimeZone            *tz,
           GDate                *first,
           GDate                *last)
{
  local_date (item->starts_at, tz, first);
  if (g_date_time_compare (item->ends_at, item->starts_at) > 0)
    {
      g_autoptr(GDateTime) end = g_date_time_add_seconds (item->ends_at, -1);

      local_date (end, tz, last);
    }
  else
    *last = *first;
}

/**
 * vt_schedule_item_is_active:
 *
 * Returns: whether the visit takes part in the checks: planned, confirmed
 *   or done, with both times set
 */
gboolean
vt_schedule_item_is_active (const VtScheduleItem *item)
{
  return item->status != VT_VISIT_STATUS_CANCELLED
      && item->status != VT_VISIT_STATUS_POSTPONED
      && item->starts_at != NULL
      && item->ends_at != NULL;
}

static gboolean
has_person (const VtScheduleItem *item,
            gint64                person_id)
{
  for (guint i = 0; i < item->n_people; i++)
    if (item->person_ids[i] == person_id)
      return TRUE;
  return FALSE;
}

static void
add_conflict (GArray         *out,
              VtConflictKind  kind,
              gint64          visit_id,
              gint64          other_visit_id,
              gint64          person_id)
{
  VtConflict c = { .kind = kind, .visit_id = visit_id,
                   .other_visit_id = other_visit_id, .person_id = person_id };

  g_date_clear (&c.date, 1);
  g_array_append_val (out, c);
}

/* Adds the conflicts between @a and @b to @out: about @a, and about @b too
 * when @both. */
static void
check_pair (const VtScheduleItem *a,
            const VtScheduleItem *b,
            gboolean              both,
            GArray               *out)
{
  GTimeZone *tz = vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);
  gboolean overlap;
  gint64 first_shared = 0;
  GDate a_first, a_last, b_first, b_last;

  if (!vt_schedule_item_is_active (a) || !vt_schedule_item_is_active (b))
    return;

  overlap = g_date_time_compare (a->starts_at, b->ends_at) < 0
         && g_date_time_compare (b->starts_at, a->ends_at) < 0;

  for (guint i = 0; i < a->n_people; i++)
    {
      gint64 person = a->person_ids[i];

      if (!has_person (b, person))
        continue;
      if (first_shared == 0)
        first_shared = person;
      if (overlap)
        {
          add_conflict (out, VT_CONFLICT_DOUBLE_BOOKED, a->id, b->id, person);
          if (both)
            add_conflict (out, VT_CONFLICT_DOUBLE_BOOKED, b->id, a->id, person);
        }
    }

  item_days (a, tz, &a_first, &a_last);
  item_days (b, tz, &b_first, &b_last);

  if (a->supplier_uuid != NULL && g_strcmp0 (a->supplier_uuid, b->supplier_uuid) == 0
      && g_date_compare (&a_first, &b_last) <= 0 && g_date_compare (&b_first, &a_last) <= 0)
    {
      GDate day = g_date_compare (&a_first, &b_first) >= 0 ? a_first : b_first;

      add_conflict (out, VT_CONFLICT_SAME_SUPPLIER_DAY, a->id, b->id, 0);
      g_array_index (out, VtConflict, out->len - 1).date = day;
      if (both)
        {
          add_conflict (out, VT_CONFLICT_SAME_SUPPLIER_DAY, b->id, a->id, 0);
          g_array_index (out, VtConflict, out->len - 1).date = day;
        }
    }

  if (!overlap && first_shared != 0
      && a->province_code != NULL && b->province_code != NULL
      && g_strcmp0 (a->province_code, b->province_code) != 0)
    {
      gboolean a_first_in_time = g_date_time_compare (a->starts_at, b->starts_at) <= 0;
      const VtScheduleItem *earlier = a_first_in_time ? a : b;
      const VtScheduleItem *later = a_first_in_time ? b : a;
      const GDate *end_day = a_first_in_time ? &a_last : &b_last;
      const GDate *start_day = a_first_in_time ? &b_first : &a_first;
      int needed = vt_travel_minutes (earlier->province_code, later->province_code);
      int available = (int) (g_date_time_difference (later->starts_at, earlier->ends_at) / G_TIME_SPAN_MINUTE);

      if (needed > 0 && g_date_compare (end_day, start_day) == 0 && available < needed)
        {
          for (guint k = 0; k < (both ? 2u : 1u); k++)
            {
              VtConflict *c;

              add_conflict (out, VT_CONFLICT_TRAVEL_TIME, k == 0 ? a->id : b->id,
                            k == 0 ? b->id : a->id, first_shared);
              c = &g_array_index (out, VtConflict, out->len - 1);
              c->needed_minutes = needed;
              c->available_minutes = available;
              c->date = *start_day;
            }
        }
    }
}

static gboolean
keeps_korean_holidays (const VtScheduleOptions *options,
                       gint64                   person_id)
{
  for (guint i = 0; options != NULL && i < options->n_korean_holiday_people; i++)
    if (options->korean_holiday_people[i] == person_id)
      return TRUE;
  return FALSE;
}

static void
check_holidays (const VtScheduleItem    *item,
                const VtScheduleOptions *options,
                HolidayCache            *cache,
                GArray                  *out)
{
  GDate first, last, d;
  guint n = 0;

  if (!vt_schedule_item_is_active (item))
    return;

  item_days (item, vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM), &first, &last);
  for (d = first; g_date_compare (&d, &last) <= 0 && n < MAX_DAYS_CHECKED; g_date_add_days (&d, 1), n++)
    {
      const char *id = holiday_cache_lookup (cache, VT_HOLIDAY_CALENDAR_VIETNAM, &d);

      if (id != NULL)
        {
          add_conflict (out, VT_CONFLICT_VIETNAMESE_HOLIDAY, item->id, 0, 0);
          g_array_index (out, VtConflict, out->len - 1).date = d;
          g_array_index (out, VtConflict, out->len - 1).holiday_id = id;
        }
    }

  item_days (item, vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_KOREA), &first, &last);
  for (guint p = 0; p < item->n_people; p++)
    {
      gint64 person = item->person_ids[p];

      if (!keeps_korean_holidays (options, person))
        continue;
      n = 0;
      for (d = first; g_date_compare (&d, &last) <= 0 && n < MAX_DAYS_CHECKED; g_date_add_days (&d, 1), n++)
        {
          const char *id = holiday_cache_lookup (cache, VT_HOLIDAY_CALENDAR_KOREA, &d);

          if (id != NULL)
            {
              add_conflict (out, VT_CONFLICT_KOREAN_HOLIDAY, item->id, 0, person);
              g_array_index (out, VtConflict, out->len - 1).date = d;
              g_array_index (out, VtConflict, out->len - 1).holiday_id = id;
            }
        }
    }
}

/**
 * vt_schedule_check_visit:
 * @visit: the visit being planned or edited
 * @others: (array length=n_others): the rest of the schedule; an entry with
 *   @visit's (non-zero) id is the stored copy of it and is skipped
 * @options: (nullable): who keeps Korean holidays
 *
 * Returns: (transfer full) (element-type VtConflict): the warnings about
 *   @visit, in the order of @others, holidays last
 */
GArray *
vt_schedule_check_visit (const VtScheduleItem    *visit,
                         const VtScheduleItem    *others,
                         guint                    n_others,
                         const VtScheduleOptions *options)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (VtConflict));
  HolidayCache cache;

  g_return_val_if_fail (visit != NULL, out);

  for (guint i = 0; i < n_others; i++)
    {
      if (visit->id != 0 && others[i].id == visit->id)
        continue;
      check_pair (visit, &others[i], FALSE, out);
    }

  holiday_cache_init (&cache);
  check_holidays (visit, options, &cache, out);
  holiday_cache_clear (&cache);
  return out;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const VtScheduleItem *items = user_data;
  const VtScheduleItem *ia = &items[*(const guint *) a];
  const VtScheduleItem *ib = &items[*(const guint *) b];

  return g_date_time_compare (ia->starts_at, ib->starts_at);
}

/**
 * vt_schedule_check_all:
 * @items: (array length=n_items): a schedule
 *
 * Checks every visit against every other one it could clash with (visits
 * that start before the end of the day on which another ends), so that a
 * month of visits costs about as many comparisons as it has visits.
 *
 * Returns: (transfer full) (element-type VtConflict): the warnings, each
 *   clash once from each side
 */
GArray *
vt_schedule_check_all (const VtScheduleItem    *items,
                       guint                    n_items,
                       const VtScheduleOptions *options)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (VtConflict));
  GTimeZone *tz = vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);
  g_autofree guint *order = NULL;
  guint n_active = 0;
  HolidayCache cache;

  order = g_new (guint, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    if (vt_schedule_item_is_active (&items[i]))
      order[n_active++] = i;
  g_qsort_with_data (order, (gint) n_active, sizeof (guint), compare_by_start, (gpointer) items);

  for (guint i = 0; i < n_active; i++)
    {
      const VtScheduleItem *a = &items[order[i]];
      g_autoptr(GDateTime) end_local = g_date_time_to_timezone (a->ends_at, tz);
      g_autoptr(GDateTime) day_start = g_date_time_new (tz, g_date_time_get_year (end_local),
                                                        g_date_time_get_month (end_local),
                                                        g_date_time_get_day_of_month (end_local), 0, 0, 0);
      g_autoptr(GDateTime) bound = g_date_time_add_days (day_start, 1);

      for (guint j = i + 1; j < n_active; j++)
        {
          const VtScheduleItem *b = &items[order[j]];

          if (g_date_time_compare (b->starts_at, bound) >= 0)
            break;
          check_pair (a, b, TRUE, out);
        }
    }

  holiday_cache_init (&cache);
  for (guint i = 0; i < n_active; i++)
    check_holidays (&items[order[i]], options, &cache, out);
  holiday_cache_clear (&cache);
  return out;
}

static char *
format_minutes (int minutes)
{
  if (minutes < 0)
    minutes = 0;
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", minutes / 60), minutes / 60);
  /* Translators: a duration, hours and minutes */
  return g_strdup_printf (C_("duration", "%d h %d min"), minutes / 60, minutes % 60);
}

static char *
format_date (const GDate *date)
{
  char buf[128];

  if (!g_date_valid (date) || g_date_strftime (buf, sizeof buf, "%x", date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

/**
 * vt_conflict_describe:
 * @person_name: (nullable): the name of the conflict's person
 * @other_visit_label: (nullable): how to name the other visit, e.g. its
 *   supplier and time
 *
 * Returns: (transfer full): a translated sentence for the warning
 */
char *
vt_conflict_describe (const VtConflict *conflict,
                      const char       *person_name,
                      const char       *other_visit_label)
{
  g_autofree char *date = NULL;
  const char *who = person_name != NULL ? person_name : _("Someone");
  const char *other = other_visit_label != NULL ? other_visit_label : _("another visit");

  g_return_val_if_fail (conflict != NULL, NULL);

  date = format_date (&conflict->date);
  switch (conflict->kind)
    {
    case VT_CONFLICT_DOUBLE_BOOKED:
      /* Translators: %s are a person and another visit */
      return g_strdup_printf (_("%s is already booked for %s at this time"), who, other);

    case VT_CONFLICT_SAME_SUPPLIER_DAY:
      /* Translators: %s is another visit */
      return g_strdup_printf (_("The supplier already has a visit that day: %s"), other);

    case VT_CONFLICT_TRAVEL_TIME:
      {
        g_autofree char *available = format_minutes (conflict->available_minutes);
        g_autofree char *needed = format_minutes (conflict->needed_minutes);

        /* Translators: the first %s is a person, then a duration, another
         * visit and a duration */
        return g_strdup_printf (_("%s has %s to travel between this visit and %s, in another province; the trip takes about %s"),
                                who, available, other, needed);
      }

    case VT_CONFLICT_VIETNAMESE_HOLIDAY:
      /* Translators: a holiday's name and a date */
      return g_strdup_printf (_("Public holiday in Vietnam: %s, %s"),
                              vt_holiday_get_display_name (conflict->holiday_id), date);

    case VT_CONFLICT_KOREAN_HOLIDAY:
      /* Translators: a person, a holiday's name and a date */
      return g_strdup_printf (_("%s keeps Korean holidays: %s, %s"),
                              who, vt_holiday_get_display_name (conflict->holiday_id), date);

    default:
      g_return_val_if_reached (NULL);
    }
}
