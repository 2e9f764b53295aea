/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-ical.c: visits to and from iCalendar files, with libical. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "vt-error.h"
#include "vt-holidays.h"
#include "vt-ical.h"
#include "vt-person.h"
#include "vt-visit.h"

#define PRODID "-//VITASK//VITASK Suppliers//EN"
#define VISIT_TZID "Asia/Ho_Chi_Minh"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

void
vt_ical_event_free (VtIcalEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uid);
  g_free (event->visit_uuid);
  g_free (event->summary);
  g_free (event->location);
  g_free (event->description);
  g_clear_pointer (&event->starts_at, g_date_time_unref);
  g_clear_pointer (&event->ends_at, g_date_time_unref);
  g_free (event->supplier_uuid);
  g_clear_pointer (&event->attendees, g_ptr_array_unref);
  g_free (event);
}

static void
attendee_free (VtIcalAttendee *a)
{
  g_free (a->email);
  g_free (a->name);
  g_free (a);
}

/* Vietnam has kept UTC+7 without daylight saving since 1975, so one
 * STANDARD rule describes every visit. We write the zone ourselves rather
 * than take libical's copy of the system's, which carries a century of
 * history and names the zone "/freeassociation.sourceforge.net/…", a TZID
 * other programs do not recognise as Asia/Ho_Chi_Minh. */
static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" VISIT_TZID "\r\n"
  "X-LIC-LOCATION:" VISIT_TZID "\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:+07\r\n"
  "DTSTART:19750101T000000\r\n"
  "TZOFFSETFROM:+0700\r\n"
  "TZOFFSETTO:+0700\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/**
 * vt_ical_uid_for_visit:
 *
 * Returns: (transfer full): the UID the visit's event has: the one it was
 *   imported with, or "uuid@vitask.vn"
 */
char *
vt_ical_uid_for_visit (const VtVisit *visit)
{
  if (visit->ical_uid != NULL && visit->ical_uid[0] != '\0')
    return g_strdup (visit->ical_uid);
  return g_strdup_printf ("%s@" VT_ICAL_UID_DOMAIN, visit->uuid);
}

/* A DTSTART or DTEND in Vietnam's wall-clock time with TZID. */
static icalproperty *
time_property (icalproperty *(*make) (struct icaltimetype),
               GDateTime    *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM));
  struct icaltimetype tt = icaltime_null_time ();
  icalproperty *prop;

  tt.year = g_date_time_get_year (local);
  tt.month = g_date_time_get_month (local);
  tt.day = g_date_time_get_day_of_month (local);
  tt.hour = g_date_time_get_hour (local);
  tt.minute = g_date_time_get_minute (local);
  tt.second = g_date_time_get_second (local);
  prop = make (tt);
  icalproperty_add_parameter (prop, icalparameter_new_tzid (VISIT_TZID));
  return prop;
}

static icalproperty *
utc_property (icalproperty *(*make) (struct icaltimetype),
              GDateTime    *time)
{
  return make (icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (time), 0,
                                             icaltimezone_get_utc_timezone ()));
}

static icalproperty *
x_property (const char *name,
            const char *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);
  return prop;
}

static icalproperty_status
status_to_ical (VtVisitStatus status)
{
  switch (status)
    {
    case VT_VISIT_STATUS_CONFIRMED:
    case VT_VISIT_STATUS_DONE:
      return ICAL_STATUS_CONFIRMED;
    case VT_VISIT_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case VT_VISIT_STATUS_PLANNED:
    case VT_VISIT_STATUS_POSTPONED:
    default:
      return ICAL_STATUS_TENTATIVE;
    }
}

static icalparameter_role
role_to_ical (VtPersonKind role)
{
  switch (role)
    {
    case VT_PERSON_KIND_CONSULTANT:
    case VT_PERSON_KIND_STAFF:
      return ICAL_ROLE_REQPARTICIPANT;
    case VT_PERSON_KIND_OFFICIAL:
    case VT_PERSON_KIND_OTHER:
      return ICAL_ROLE_OPTPARTICIPANT;
    case VT_PERSON_KIND_INTERPRETER:
    default:
      return ICAL_ROLE_REQPARTICIPANT;
    }
}

static void
add_attendee (icalcomponent *event,
              const VtVisit *visit,
              gint64         person_id,
              VtPerson      *person)
{
  g_autofree char *address = NULL;
  g_autofree char *name = person != NULL ? vt_person_dup_full_name (person) : NULL;
  VtPersonKind role = vt_visit_get_role (visit, person_id);
  icalproperty *prop;

  /* A calendar address must be a URI; people without an e-mail address
   * get a stable URN so that calendars still tell them apart. */
  if (person != NULL && person->email != NULL && person->email[0] != '\0')
    address = g_strdup_printf ("mailto:%s", person->email);
  else
    address = g_strdup_printf ("urn:x-vitask:person:%" G_GINT64_FORMAT, person_id);

  prop = icalproperty_new_attendee (address);
  if (name != NULL && name[0] != '\0')
    icalproperty_add_parameter (prop, icalparameter_new_cn (name));
  icalproperty_add_parameter (prop, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (prop, icalparameter_new_role (role_to_ical (role)));
  icalproperty_add_parameter (prop, icalparameter_new_partstat (visit->status == VT_VISIT_STATUS_CONFIRMED
                                                                || visit->status == VT_VISIT_STATUS_DONE
                                                                ? ICAL_PARTSTAT_ACCEPTED
                                                                : ICAL_PARTSTAT_NEEDSACTION));
  /* Our role (interpreter, official…) for our own imports. */
  {
    icalparameter *x = icalparameter_new_x (vt_person_kind_to_string (role));

    icalparameter_set_xname (x, "X-VITASK-ROLE");
    icalproperty_add_parameter (prop, x);
  }
  icalcomponent_add_property (event, prop);
}

static char *
visit_description (const VtVisit *visit)
{
  GString *text = g_string_new (NULL);

  if (visit->purpose != NULL && visit->purpose[0] != '\0')
    g_string_append (text, visit->purpose);
  if (visit->status_reason != NULL && visit->status_reason[0] != '\0')
    g_string_append_printf (text, "%s%s: %s", text->len ? "\n\n" : "",
                            vt_visit_status_get_display_name (visit->status), visit->status_reason);
  if (visit->findings != NULL && visit->findings[0] != '\0')
    g_string_append_printf (text, "%s%s\n%s", text->len ? "\n\n" : "", _("Findings"), visit->findings);
  if (visit->follow_up != NULL && visit->follow_up[0] != '\0')
    g_string_append_printf (text, "%s%s\n%s", text->len ? "\n\n" : "", _("Follow-up actions"), visit->follow_up);
  return g_string_free (text, text->len == 0);
}

static icalcomponent *
visit_to_event (VtVisit    *visit,
                GHashTable *people)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = vt_ical_uid_for_visit (visit);
  g_autofree char *summary = NULL;
  g_autofree char *description = visit_description (visit);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  summary = g_strdup_printf ("%s: %s", vt_visit_kind_get_display_name (visit->kind),
                             visit->supplier_name ? visit->supplier_name : visit->supplier_uuid);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MAX (0, visit->version - 1)));
  icalcomponent_add_property (event, utc_property (icalproperty_new_dtstamp, now));
  if (visit->created_at != NULL)
    icalcomponent_add_property (event, utc_property (icalproperty_new_created, visit->created_at));
  if (visit->updated_at != NULL)
    icalcomponent_add_property (event, utc_property (icalproperty_new_lastmodified, visit->updated_at));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtstart, visit->starts_at));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtend, visit->ends_at));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (visit->place != NULL && visit->place[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (visit->place));
  if (description != NULL)
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (status_to_ical (visit->status)));
  icalcomponent_add_property (event, icalproperty_new_categories (vt_visit_kind_get_display_name (visit->kind)));
  icalcomponent_add_property (event, x_property ("X-VITASK-SUPPLIER", visit->supplier_uuid));
  icalcomponent_add_property (event, x_property ("X-VITASK-KIND", vt_visit_kind_to_string (visit->kind)));
  icalcomponent_add_property (event, x_property ("X-VITASK-STATUS", vt_visit_status_to_string (visit->status)));

  for (guint i = 0; i < visit->participant_ids->len; i++)
    {
      gint64 id = g_array_index (visit->participant_ids, gint64, i);
      VtPerson *person = people != NULL ? g_hash_table_lookup (people, &id) : NULL;

      add_attendee (event, visit, id, person);
    }
  return event;
}

/**
 * vt_ical_export:
 * @visits: (element-type VtVisit): the visits, each with its uuid
 * @people: (nullable) (element-type gint64 VtPerson): people by id
 *   (keys point to a gint64), for the attendees' names and addresses
 *
 * Returns: (transfer full): the text of a VCALENDAR
 */
char *
vt_ical_export (GPtrArray  *visits,
                GHashTable *people,
                GError    **error)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  char *text;

  g_return_val_if_fail (visits != NULL, NULL);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_component (calendar, icalcomponent_new_from_string (vtimezone));

  for (guint i = 0; i < visits->len; i++)
    {
      VtVisit *visit = g_ptr_array_index (visits, i);

      if (visit->uuid == NULL || visit->starts_at == NULL || visit->ends_at == NULL)
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Only saved visits with a start and an end can be exported."));
          return NULL;
        }
      icalcomponent_add_component (calendar, visit_to_event (visit, people));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  return text;
}

static GDateTime *
ical_time_to_date_time (struct icaltimetype  tt,
                        gboolean            *all_day)
{
  GTimeZone *vietnam = vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM);

  if (icaltime_is_null_time (tt))
    return NULL;
  *all_day = tt.is_date;
  if (tt.is_date)
    return g_date_time_new (vietnam, tt.year, tt.month, tt.day, 0, 0, 0);
  if (icaltime_is_utc (tt) || tt.zone != NULL)
    return g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (tt, tt.zone != NULL
                                                                       ? tt.zone
                                                                       : icaltimezone_get_utc_timezone ()));
  /* Floating time: wall-clock time where the visit is, in Vietnam. */
  return g_date_time_new (vietnam, tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
}

static char *
dup_nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
}

static VtIcalEvent *
read_event (icalcomponent *comp)
{
  g_autoptr(VtIcalEvent) event = g_new0 (VtIcalEvent, 1);
  struct icaltimetype start = icalcomponent_get_dtstart (comp);
  struct icaltimetype end = icalcomponent_get_dtend (comp);
  gboolean all_day = FALSE, end_all_day = FALSE;
  icalproperty *prop;

  event->uid = dup_nonempty (icalcomponent_get_uid (comp));
  event->summary = dup_nonempty (icalcomponent_get_summary (comp));
  event->location = dup_nonempty (icalcomponent_get_location (comp));
  event->description = dup_nonempty (icalcomponent_get_description (comp));
  event->sequence = icalcomponent_get_sequence (comp);
  event->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) attendee_free);
  event->starts_at = ical_time_to_date_time (start, &all_day);
  event->all_day = all_day;
  if (event->starts_at == NULL)
    return NULL;
  event->ends_at = ical_time_to_date_time (end, &end_all_day);
  if (event->ends_at == NULL)
    event->ends_at = all_day ? g_date_time_add_days (event->starts_at, 1) : g_date_time_ref (event->starts_at);
  if (g_date_time_compare (event->ends_at, event->starts_at) < 0)
    {
      g_date_time_unref (event->ends_at);
      event->ends_at = g_date_time_ref (event->starts_at);
    }

  switch (icalcomponent_get_status (comp))
    {
    case ICAL_STATUS_CONFIRMED:
      event->status = VT_VISIT_STATUS_CONFIRMED;
      break;
    case ICAL_STATUS_CANCELLED:
      event->status = VT_VISIT_STATUS_CANCELLED;
      break;
    default:
      event->status = VT_VISIT_STATUS_PLANNED;
      break;
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (prop);
      const char *value = icalproperty_get_x (prop);

      if (g_strcmp0 (name, "X-VITASK-SUPPLIER") == 0 && value != NULL && strlen (value) == 36)
        event->supplier_uuid = g_strdup (value);
      else if (g_strcmp0 (name, "X-VITASK-KIND") == 0)
        event->has_kind = vt_visit_kind_from_string (value, &event->kind);
      else if (g_strcmp0 (name, "X-VITASK-STATUS") == 0)
        vt_visit_status_from_string (value, &event->status);
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_ATTENDEE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ATTENDEE_PROPERTY))
    {
      VtIcalAttendee *a = g_new0 (VtIcalAttendee, 1);
      const char *address = icalproperty_get_attendee (prop);
      icalparameter *cn = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);

      if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        a->email = dup_nonempty (address + 7);
      if (cn != NULL)
        a->name = dup_nonempty (icalparameter_get_cn (cn));
      g_ptr_array_add (event->attendees, a);
    }

  /* Our own UIDs carry the visit's uuid. */
  if (event->uid != NULL && g_str_has_suffix (event->uid, "@" VT_ICAL_UID_DOMAIN)
      && strlen (event->uid) == 36 + strlen ("@" VT_ICAL_UID_DOMAIN))
    event->visit_uuid = g_strndup (event->uid, 36);

  return g_steal_pointer (&event);
}

/**
 * vt_ical_parse:
 * @text: the text of an .ics file
 *
 * Returns: (transfer full) (element-type VtIcalEvent): the events, in the
 *   file's order; recurring events give their first occurrence
 */
GPtrArray *
vt_ical_parse (const char  *text,
               GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_ical_event_free);
  g_autoptr(icalcomponent) root = NULL;
  g_autofree char *valid = NULL;
  icalcomponent *calendar;
  icalcomponent *comp;

  g_return_val_if_fail (text != NULL, NULL);

  /* iCalendar is UTF-8; bytes that are not become U+FFFD here, so that
   * no visit ever holds text that is not. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  root = icalparser_parse_string (text);
  if (root == NULL)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The file is not an iCalendar file."));
      return NULL;
    }

  /* A file may hold one VCALENDAR, or several (XROOT). */
  calendar = icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT
             ? root : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  for (; calendar != NULL;
       calendar = calendar == root ? NULL : icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
    for (comp = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
         comp != NULL;
         comp = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
      {
        VtIcalEvent *event = read_event (comp);

        if (event != NULL)
          g_ptr_array_add (events, event);
      }

  if (events->len == 0 && icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT
      && icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT) == NULL)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The file is not an iCalendar file."));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/**
 * vt_ical_event_to_visit:
 * @supplier_uuid: the supplier the visit goes to
 * @people: (nullable) (element-type VtPerson): people to match the
 *   attendees against, by e-mail address
 *
 * Returns: (transfer full): a visit not saved yet, whose uuid or ical_uid
 *   lets the store update the one imported before
 */
VtVisit *
vt_ical_event_to_visit (const VtIcalEvent *event,
                        const char        *supplier_uuid,
                        GPtrArray         *people)
{
  VtVisit *visit = vt_visit_new (supplier_uuid, event->has_kind ? event->kind : VT_VISIT_KIND_FOLLOW_UP,
                                 event->starts_at, event->ends_at);

  visit->status = event->status;
  if (event->visit_uuid != NULL)
    visit->uuid = g_strdup (event->visit_uuid);
  else
    visit->ical_uid = g_strdup (event->uid);
  visit->place = g_strdup (event->location);
  visit->purpose = g_strdup (event->description != NULL ? event->description : event->summary);

  for (guint i = 0; people != NULL && i < event->attendees->len; i++)
    {
      const VtIcalAttendee *a = g_ptr_array_index (event->attendees, i);

      for (guint j = 0; a->email != NULL && j < people->len; j++)
        {
          VtPerson *p = g_ptr_array_index (people, j);

          if (p->email != NULL && g_ascii_strcasecmp (p->email, a->email) == 0)
            {
              vt_visit_add_participant (visit, p->id, p->kind == VT_PERSON_KIND_OTHER ? VT_PERSON_KIND_STAFF : p->kind);
              break;
            }
        }
    }
  return visit;
}
