/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical.c: visits to and from iCalendar files. */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "vt-error.h"
#include "vt-ical.h"
#include "vt-person.h"
#include "vt-visit.h"

#define SUPPLIER "5a1b2c3d-0000-4000-8000-00000000abcd"
#define VISIT_UUID "0f0e0d0c-0b0a-4909-8807-060504030201"

static GDateTime *
vn (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static GHashTable *
make_people (void)
{
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) vt_person_unref);
  VtPerson *kim = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, "민준");
  VtPerson *lan = vt_person_new (VT_PERSON_KIND_INTERPRETER, "Nguyễn", "Thị", "Lan");

  kim->id = 7;
  kim->email = g_strdup ("minjun.kim@keti.example");
  lan->id = 9;
  g_hash_table_insert (people, &kim->id, kim);
  g_hash_table_insert (people, &lan->id, lan);
  return people;
}

static VtVisit *
make_visit (void)
{
  g_autoptr(GDateTime) start = vn (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) end = vn (2026, 3, 10, 11, 30);
  VtVisit *v = vt_visit_new (SUPPLIER, VT_VISIT_KIND_FIRST, start, end);

  v->id = 1;
  v->version = 3;
  v->uuid = g_strdup (VISIT_UUID);
  v->status = VT_VISIT_STATUS_CONFIRMED;
  v->supplier_name = g_strdup ("Công ty TNHH Cơ khí Đông Anh");
  v->place = g_strdup ("KCN Thăng Long, Đông Anh, Hà Nội");
  v->purpose = g_strdup ("Đánh giá lần đầu; \"dây chuyền\" dập");
  vt_visit_add_participant (v, 7, VT_PERSON_KIND_CONSULTANT);
  vt_visit_add_participant (v, 9, VT_PERSON_KIND_INTERPRETER);
  return v;
}

static char *
export_to_file (GPtrArray *visits)
{
  g_autoptr(GHashTable) people = make_people ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = vt_ical_export (visits, people, &error);
  char *path = NULL;
  int fd;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  fd = g_file_open_tmp ("vt-ical-XXXXXX.ics", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The file read back by libical: the same instants, the zone, attendees,
 * status, and the UID and kind that make a re-import update the visit. */
static void
test_export_libical (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  g_autoptr(GHashTable) people = make_people ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(VtVisit) back = NULL;
  g_autoptr(GPtrArray) people_list = g_ptr_array_new ();
  VtVisit *v = make_visit ();
  VtIcalEvent *e;

  g_ptr_array_add (visits, v);
  text = vt_ical_export (visits, people, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE"));
  g_assert_nonnull (strstr (text, "TZID:Asia/Ho_Chi_Minh"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Ho_Chi_Minh:20260310T090000"));
  g_assert_nonnull (strstr (text, "UID:" VISIT_UUID "@vitask.vn"));
  g_assert_nonnull (strstr (text, "SEQUENCE:2"));
  g_assert_nonnull (strstr (text, "STATUS:CONFIRMED"));
  /* Folded lines end in CRLF. */
  g_assert_nonnull (strstr (text, "\r\n"));

  events = vt_ical_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->uid, ==, VISIT_UUID "@vitask.vn");
  g_assert_cmpstr (e->visit_uuid, ==, VISIT_UUID);
  g_assert_cmpstr (e->supplier_uuid, ==, SUPPLIER);
  g_assert_cmpint (e->sequence, ==, 2);
  g_assert_true (g_date_time_equal (e->starts_at, v->starts_at));
  g_assert_true (g_date_time_equal (e->ends_at, v->ends_at));
  g_assert_cmpstr (e->location, ==, "KCN Thăng Long, Đông Anh, Hà Nội");
  g_assert_cmpint (e->status, ==, VT_VISIT_STATUS_CONFIRMED);
  g_assert_true (e->has_kind);
  g_assert_cmpint (e->kind, ==, VT_VISIT_KIND_FIRST);
  g_assert_cmpuint (e->attendees->len, ==, 2);
  g_assert_cmpstr (((VtIcalAttendee *) g_ptr_array_index (e->attendees, 0))->email, ==, "minjun.kim@keti.example");
  g_assert_cmpstr (((VtIcalAttendee *) g_ptr_array_index (e->attendees, 0))->name, ==, "김 민준");
  g_assert_cmpstr (((VtIcalAttendee *) g_ptr_array_index (e->attendees, 1))->name, ==, "Nguyễn Thị Lan");
  g_assert_nonnull (strstr (e->description, "\"dây chuyền\""));

  /* Back to a visit: same uuid (so the store updates it), same kind,
   * the person with an address found again. */
  g_ptr_array_add (people_list, g_hash_table_lookup (people, &(gint64) { 7 }));
  back = vt_ical_event_to_visit (e, SUPPLIER, people_list);
  g_assert_cmpstr (back->uuid, ==, VISIT_UUID);
  g_assert_null (back->ical_uid);
  g_assert_cmpuint (back->participant_ids->len, ==, 1);
  g_assert_cmpint (vt_visit_get_role (back, 7), ==, VT_PERSON_KIND_CONSULTANT);
}

/* Re-exporting after an edit keeps the UID and raises SEQUENCE. */
static void
test_export_stable_uid (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *foreign = NULL;
  VtVisit *v = make_visit ();

  g_ptr_array_add (visits, v);
  first = vt_ical_export (visits, NULL, &error);
  g_assert_no_error (error);
  v->version++;
  g_clear_pointer (&v->place, g_free);
  v->place = g_strdup ("Xưởng 2");
  second = vt_ical_export (visits, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "UID:" VISIT_UUID "@vitask.vn"));
  g_assert_nonnull (strstr (second, "UID:" VISIT_UUID "@vitask.vn"));
  g_assert_nonnull (strstr (first, "SEQUENCE:2"));
  g_assert_nonnull (strstr (second, "SEQUENCE:3"));

  /* A visit imported from elsewhere goes back with its original UID. */
  v->ical_uid = g_strdup ("20260301T030000Z-5678-1000-1-1@laptop");
  foreign = vt_ical_export (visits, NULL, &error);
  g_assert_nonnull (strstr (foreign, "UID:20260301T030000Z-5678-1000-1-1@laptop"));

  /* A visit never saved has no uuid and cannot be exported. */
  g_clear_pointer (&v->uuid, g_free);
  g_clear_pointer (&v->ical_uid, g_free);
  g_assert_null (vt_ical_export (visits, NULL, &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
}

static const char *
python3 (void)
{
  const char *p = g_getenv ("VT_PYTHON3");

  return p != NULL && p[0] != '\0' ? p : "python3";
}

/* An independent parser (Python's icalendar) sees the same events. */
static void
test_export_python (void)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_visit_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "check-ics.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  VtVisit *v = make_visit ();
  VtVisit *night = NULL;
  int status = 0;
  const char *argv[] = { python3 (), script, NULL, NULL };

  g_ptr_array_add (visits, v);
  {
    g_autoptr(GDateTime) s = vn (2026, 3, 11, 22, 0);
    g_autoptr(GDateTime) e = vn (2026, 3, 12, 2, 0);

    night = vt_visit_new (SUPPLIER, VT_VISIT_KIND_SECOND, s, e);
    night->uuid = g_strdup ("11111111-2222-4333-8444-555555555555");
    night->version = 1;
    night->status = VT_VISIT_STATUS_CANCELLED;
    night->supplier_name = g_strdup ("Công ty B");
    g_ptr_array_add (visits, night);
  }
  path = export_to_file (visits);
  argv[2] = path;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py failed: %s", err);

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "TZ|Asia/Ho_Chi_Minh");
  expected = g_strdup_printf ("%s@vitask.vn|2|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|Asia/Ho_Chi_Minh|CONFIRMED|"
                              "KCN Thăng Long, Đông Anh, Hà Nội|"
                              "김 민준=mailto:minjun.kim@keti.example;Nguyễn Thị Lan=urn:x-vitask:person:9",
                              VISIT_UUID, g_date_time_to_unix (v->starts_at), g_date_time_to_unix (v->ends_at));
  g_assert_cmpstr (lines[1], ==, expected);
  g_free (expected);
  /* Across midnight, cancelled, no attendees. */
  expected = g_strdup_printf ("11111111-2222-4333-8444-555555555555@vitask.vn|0|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                              "|Asia/Ho_Chi_Minh|CANCELLED||",
                              g_date_time_to_unix (night->starts_at), g_date_time_to_unix (night->ends_at));
  g_assert_cmpstr (lines[2], ==, expected);
  g_unlink (path);
}

/* A file as Evolution writes it: TZIDs with and without libical's prefix,
 * folded lines, an alarm, an all-day event, an event in UTC. */
static void
test_import_evolution (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", "evolution-visits.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) start = vn (2026, 3, 10, 9, 0);
  g_autoptr(GDateTime) end = vn (2026, 3, 10, 11, 30);
  g_autoptr(GDateTime) seoul_start = vn (2026, 3, 12, 8, 0);
  g_autoptr(GDateTime) all_day = vn (2026, 4, 27, 0, 0);
  g_autoptr(GDateTime) all_day_end = vn (2026, 4, 28, 0, 0);
  g_autoptr(GDateTime) utc_start = vn (2026, 3, 13, 8, 0);
  g_autoptr(VtVisit) visit = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_person_unref);
  VtPerson *kim = vt_person_new (VT_PERSON_KIND_CONSULTANT, "김", NULL, "민준");
  VtIcalEvent *e;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  events = vt_ical_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);

  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->uid, ==, "9c1e1f0d64a8b5d2e3f0a1b2c3d4e5f6a7b8c9d0");
  g_assert_null (e->visit_uuid);
  g_assert_null (e->supplier_uuid);
  g_assert_cmpstr (e->summary, ==, "Khảo sát nhà máy – Công ty TNHH Cơ khí Đông Anh");
  g_assert_cmpstr (e->location, ==, "KCN Thăng Long, Đông Anh, Hà Nội");
  g_assert_cmpstr (e->description, ==, "Kiểm tra dây chuyền dập và hàn.\nMang theo bảng đánh giá.");
  g_assert_true (g_date_time_equal (e->starts_at, start));
  g_assert_true (g_date_time_equal (e->ends_at, end));
  g_assert_false (e->all_day);
  g_assert_cmpint (e->status, ==, VT_VISIT_STATUS_CONFIRMED);
  g_assert_cmpint (e->sequence, ==, 2);
  g_assert_cmpuint (e->attendees->len, ==, 2);
  g_assert_cmpstr (((VtIcalAttendee *) g_ptr_array_index (e->attendees, 0))->name, ==, "김민준");
  g_assert_cmpstr (((VtIcalAttendee *) g_ptr_array_index (e->attendees, 1))->email, ==, "hung.tran@vitask.example");

  /* Matched to our people by address; the foreign UID is kept. */
  kim->id = 7;
  kim->email = g_strdup ("MinJun.Kim@keti.example");
  g_ptr_array_add (people, kim);
  visit = vt_ical_event_to_visit (e, SUPPLIER, people);
  g_assert_null (visit->uuid);
  g_assert_cmpstr (visit->ical_uid, ==, "9c1e1f0d64a8b5d2e3f0a1b2c3d4e5f6a7b8c9d0");
  g_assert_cmpint (visit->kind, ==, VT_VISIT_KIND_FOLLOW_UP);
  g_assert_cmpuint (visit->participant_ids->len, ==, 1);
  g_assert_cmpint (vt_visit_get_role (visit, 7), ==, VT_PERSON_KIND_CONSULTANT);

  /* 10:00 in Seoul (with libical's TZID prefix) is 08:00 in Hanoi. */
  e = g_ptr_array_index (events, 1);
  g_assert_true (g_date_time_equal (e->starts_at, seoul_start));
  g_assert_cmpint (e->status, ==, VT_VISIT_STATUS_PLANNED);

  /* A whole day is the Vietnam day. */
  e = g_ptr_array_index (events, 2);
  g_assert_true (e->all_day);
  g_assert_true (g_date_time_equal (e->starts_at, all_day));
  g_assert_true (g_date_time_equal (e->ends_at, all_day_end));

  e = g_ptr_array_index (events, 3);
  g_assert_true (g_date_time_equal (e->starts_at, utc_start));
  g_assert_cmpint (e->status, ==, VT_VISIT_STATUS_CANCELLED);
}

static void
test_import_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_null (vt_ical_parse ("Tên,Ngày\nA,1\n", &error));
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty calendar is a calendar. */
  none = vt_ical_parse ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/ical/export-libical", test_export_libical);
  g_test_add_func ("/core/ical/export-stable-uid", test_export_stable_uid);
  g_test_add_func ("/core/ical/export-python", test_export_python);
  g_test_add_func ("/core/ical/import-evolution", test_import_evolution);
  g_test_add_func ("/core/ical/import-garbage", test_import_garbage);

  return g_test_run ();
}
