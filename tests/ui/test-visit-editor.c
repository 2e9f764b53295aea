/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-visit-editor.c: planning a visit over a real store, under Xvfb:
 * two participants, one of them already booked elsewhere at that time,
 * and the warning a person sees. */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "vt-holidays.h"
#include "vt-store.h"
#include "vt-visit-editor.h"

typedef struct
{
  char     *dir;
  VtStore  *store;
  char     *supplier_a;
  char     *supplier_b;
  gint64    kim;
  gint64    lan;
  gint64    hung;
  gint64    booked_visit;
  gboolean  saved;
} Fixture;

static GDateTime *
vn (int month, int day, int hour, int minute)
{
  return g_date_time_new (vt_holiday_calendar_get_timezone (VT_HOLIDAY_CALENDAR_VIETNAM),
                          2026, month, day, hour, minute, 0);
}

static char *
add_supplier (Fixture    *f,
              const char *name)
{
  g_autoptr(VtSupplier) s = vt_supplier_new ();
  g_autoptr(GError) error = NULL;

  s->name_vi = g_strdup (name);
  s->province_list = g_strdup ("2025");
  s->province_code = g_strdup ("24");
  s->address = g_strdup ("KCN Quế Võ, Bắc Ninh");
  g_assert_true (vt_store_save_supplier_sync (f->store, s, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (s->uuid);
}

static gint64
add_person (Fixture      *f,
            VtPersonKind  kind,
            const char   *family,
            const char   *given,
            const char   *languages)
{
  g_autoptr(VtPerson) p = vt_person_new (kind, family, NULL, given);
  g_autoptr(GError) error = NULL;

  p->languages = g_strdup (languages);
  g_assert_true (vt_store_save_person_sync (f->store, p, NULL, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start = vn (3, 10, 9, 0);
  g_autoptr(GDateTime) end = vn (3, 10, 12, 0);
  g_autoptr(VtVisit) booked = NULL;

  f->dir = g_dir_make_tmp ("vt-visit-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "t.db", NULL);
  f->store = vt_store_open_sync (path, VT_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);

  f->supplier_a = add_supplier (f, "Công ty TNHH Cơ khí Quế Võ");
  f->supplier_b = add_supplier (f, "Công ty Cổ phần Điện tử Yên Phong");
  f->kim = add_person (f, VT_PERSON_KIND_CONSULTANT, "김", "민준", "ko,en");
  f->lan = add_person (f, VT_PERSON_KIND_STAFF, "Nguyễn", "Lan", "vi,en");
  f->hung = add_person (f, VT_PERSON_KIND_STAFF, "Trần", "Hùng", "vi");

  /* Mr Kim is already at the first supplier on Tuesday 10 March, 9-12. */
  booked = vt_visit_new (f->supplier_a, VT_VISIT_KIND_FIRST, start, end);
  vt_visit_add_participant (booked, f->kim, VT_PERSON_KIND_CONSULTANT);
  vt_visit_add_participant (booked, f->hung, VT_PERSON_KIND_STAFF);
  booked->status = VT_VISIT_STATUS_CONFIRMED;
  g_assert_true (vt_store_save_visit_sync (f->store, booked, NULL, &error));
  g_assert_no_error (error);
  f->booked_visit = booked->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->supplier_a);
  g_free (f->supplier_b);
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The editor did not settle in time");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the editor has its answers from the store and
 * has run its checks, and a moment more for drawing. */
static void
settle (VtVisitEditor *editor)
{
  guint timeout_id = g_timeout_add_seconds (30, time_out, NULL);

  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  while (vt_visit_editor_is_busy (editor));
  g_source_remove (timeout_id);
}

/* The rows a person sees in the editor with @title, mapped on screen. */
static gboolean
row_on_screen (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return gtk_widget_get_mapped (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_on_screen (child, title))
      return TRUE;
  return FALSE;
}

static void
saved_cb (VtVisitEditor *editor,
          VtVisit       *visit,
          Fixture       *f)
{
  g_assert_cmpint (visit->id, !=, 0);
  f->saved = TRUE;
}

static void
test_double_booked (Fixture       *f,
                    gconstpointer  data)
{
  GDate day;
  VtVisitEditor *editor;
  g_autoptr(GDateTime) start = vn (3, 10, 10, 0);
  g_autoptr(GDateTime) end = vn (3, 10, 11, 30);
  g_autoptr(GDateTime) later = vn (3, 10, 14, 0);
  g_autoptr(GDateTime) later_end = vn (3, 10, 16, 0);
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 3, 2026);
  editor = vt_visit_editor_new (NULL, f->store, NULL, f->supplier_b, &day);
  g_object_ref_sink (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  settle (editor);

  /* A second supplier, 10:00-11:30 the same morning, with Ms Lan (free)
   * and Mr Kim (booked at the first supplier until 12:00). */
  vt_visit_editor_set_times (editor, start, end);
  vt_visit_editor_add_participant (editor, f->lan, VT_PERSON_KIND_STAFF);
  settle (editor);
  warnings = vt_visit_editor_dup_warnings (editor);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  g_clear_pointer (&warnings, g_strfreev);

  vt_visit_editor_add_participant (editor, f->kim, VT_PERSON_KIND_CONSULTANT);
  settle (editor);
  warnings = vt_visit_editor_dup_warnings (editor);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "김 민준"));
  g_assert_nonnull (strstr (warnings[0], "Công ty TNHH Cơ khí Quế Võ"));
  g_assert_null (strstr (warnings[0], "Nguyễn Lan"));
  /* And it is on screen, not only in the editor's state. */
  g_assert_true (row_on_screen (GTK_WIDGET (editor), warnings[0]));
  g_clear_pointer (&warnings, g_strfreev);

  /* Moved to the afternoon, the clash is gone. */
  vt_visit_editor_set_times (editor, later, later_end);
  settle (editor);
  warnings = vt_visit_editor_dup_warnings (editor);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);

  vt_visit_editor_save (editor);
  while (!f->saved)
    g_main_context_iteration (NULL, TRUE);

  visits = vt_store_list_visits_sync (f->store, f->supplier_b, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  {
    VtVisit *v = g_ptr_array_index (visits, 0);

    g_assert_true (g_date_time_equal (v->starts_at, later));
    g_assert_cmpuint (v->participant_ids->len, ==, 2);
    g_assert_cmpint (vt_visit_get_role (v, f->kim), ==, VT_PERSON_KIND_CONSULTANT);
    /* The place defaulted to the supplier's address. */
    g_assert_cmpstr (v->place, ==, "KCN Quế Võ, Bắc Ninh");
  }
  g_object_unref (editor);
}

/* On the first day of Tết a visit warns about the Vietnamese holiday, and
 * about Seollal for the Korean consultant. */
static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  GDate day;
  VtVisitEditor *editor;
  g_autoptr(GDateTime) start = vn (2, 17, 9, 0);
  g_autoptr(GDateTime) end = vn (2, 17, 11, 0);
  g_auto(GStrv) warnings = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 17, 2, 2026);
  editor = vt_visit_editor_new (NULL, f->store, NULL, f->supplier_b, &day);
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));
  vt_visit_editor_set_times (editor, start, end);
  vt_visit_editor_add_participant (editor, f->kim, VT_PERSON_KIND_CONSULTANT);
  settle (editor);
  warnings = vt_visit_editor_dup_warnings (editor);
  g_assert_cmpuint (g_strv_length (warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], vt_holiday_get_display_name ("vn-tet")));
  g_assert_nonnull (strstr (warnings[1], vt_holiday_get_display_name ("kr-seollal")));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/visit-editor/double-booked", Fixture, NULL, fixture_set_up, test_double_booked, fixture_tear_down);
  g_test_add ("/ui/visit-editor/holidays", Fixture, NULL, fixture_set_up, test_holidays, fixture_tear_down);

  return g_test_run ();
}
