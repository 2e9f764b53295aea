/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-ical.h: visits to and from iCalendar (RFC 5545) files, with libical.
 *
 * Export writes one VEVENT per visit with a VTIMEZONE for Asia/Ho_Chi_Minh,
 * start and end in that zone, attendees with their roles, the place, a
 * status and a UID derived from the visit's uuid ("uuid@vitask.vn"), with
 * SEQUENCE following the visit's version, so that a calendar that imported
 * an earlier export updates the event instead of adding a second one.
 * X-VITASK-* properties carry what iCalendar has no field for (the
 * supplier, the kind, the exact status), so that our own files come back
 * whole.
 *
 * Import reads VEVENTs as other calendar programs write them (GNOME
 * Calendar, Evolution, Thunderbird, Google, Outlook): times with a TZID and
 * its VTIMEZONE, in UTC, floating (taken as Vietnam time) or all-day.
 */
#pragma once

#include <glib.h>

#include "vt-enums.h"
#include "vt-types.h"

G_BEGIN_DECLS

#define VT_ICAL_UID_DOMAIN "vitask.vn"

/**
 * VtIcalAttendee:
 * @email: (nullable): without "mailto:"
 * @name: (nullable): the common name (CN)
 */
typedef struct
{
  char *email;
  char *name;
} VtIcalAttendee;

/**
 * VtIcalEvent:
 * One event read from a file.
 *
 * @uid: the event's UID
 * @visit_uuid: (nullable): the visit uuid when @uid is one of ours
 * @supplier_uuid: (nullable): from X-VITASK-SUPPLIER
 * @has_kind: whether X-VITASK-KIND named a kind
 * @all_day: the event was a whole day (DATE values)
 * @attendees: (element-type VtIcalAttendee)
 */
typedef struct
{
  char          *uid;
  char          *visit_uuid;
  int            sequence;
  char          *summary;
  char          *location;
  char          *description;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  gboolean       all_day;
  VtVisitStatus  status;
  gboolean       has_kind;
  VtVisitKind    kind;
  char          *supplier_uuid;
  GPtrArray     *attendees;
} VtIcalEvent;

void       vt_ical_event_free (VtIcalEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VtIcalEvent, vt_ical_event_free)

char      *vt_ical_export     (GPtrArray    *visits,
                               GHashTable   *people,
                               GError      **error);
GPtrArray *vt_ical_parse      (const char   *text,
                               GError      **error);
char      *vt_ical_uid_for_visit (const VtVisit *visit);
VtVisit   *vt_ical_event_to_visit (const VtIcalEvent *event,
                                   const char        *supplier_uuid,
                                   GPtrArray         *people);

G_END_DECLS
