/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports-page.c: the Reports page on the sample round under Xvfb.
 *
 * Saves the round report through the page's "Save as PDF" action and its
 * file chooser, and the handout in the language order chosen on the
 * page, then reads both files back with pdfinfo and pdftotext. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "../core/vt-test-util.h"
#include "vt-bilingual.h"
#include "vt-presentation-state.h"
#include "vt-report-documents.h"
#include "vt-reports-page.h"
#include "vt-sample-data.h"
#include "vt-slide-deck.h"

static void
wait_for (gboolean (*ready) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!ready (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
has_round (gpointer data)
{
  return g_strcmp0 (vt_reports_page_get_state (data), "round") == 0
         && gtk_widget_is_sensitive (data)
         && gtk_widget_get_mapped (data);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(GtkWindow **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_file_saved (VtReportsPage  *page,
               GFile          *file,
               GFile         **saved)
{
  g_assert_null (*saved);
  *saved = g_object_ref (file);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

/* Text without its spaces: pdftotext guesses them from the gaps between
 * glyphs. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(VtRoundStats) stats = NULL;
  g_autoptr(VtReport) expected = NULL;
  g_autoptr(VtSlideDeck) deck = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *report_path = g_build_filename (f->dir, "round.pdf", NULL);
  g_autofree char *handout_path = g_build_filename (f->dir, "handout.pdf", NULL);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *round_name = NULL;
  g_autofree char *title_vi = NULL;
  g_autofree char *title_ko = NULL;
  g_autoptr(GFile) handout = g_file_new_for_path (handout_path);
  GtkWindow *chooser = NULL;
  GtkWidget *window, *overlay;
  VtReportsPage *page;
  gint64 current = 0;
  char *end;

  if (g_find_program_in_path ("pdftotext") == NULL || g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return;
    }

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rounds->len; i++)
    if (((VtRound *) g_ptr_array_index (rounds, i))->is_current)
      current = ((VtRound *) g_ptr_array_index (rounds, i))->id;
  g_assert_cmpint (current, >, 0);
  stats = vt_store_get_round_stats_sync (store, current, NULL, &error);
  g_assert_no_error (error);

  window = adw_window_new ();
  overlay = adw_toast_overlay_new ();
  page = VT_REPORTS_PAGE (vt_reports_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (page, "file-saved", G_CALLBACK (on_file_saved), &saved);

  /* The page opens on the current round. */
  vt_reports_page_set_store (page, store);
  wait_for (has_round, page);
  g_assert_cmpint (vt_reports_page_get_round_id (page), ==, current);

  /* Save as PDF: the page's action offers a file named after the round
   * in the file chooser. GTK 4.8's own chooser does not answer a
   * response given by a program in a save folder set the same way, so
   * the file is then given as the chooser would give it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.save-pdf", NULL));
  wait_for (chooser_shown, &chooser);
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_autofree char *expected_name = g_strdup_printf ("%s report.pdf", stats->round->name);
    GtkWidget *cancel = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

    g_assert_cmpstr (offered, ==, expected_name);
    gtk_widget_activate (cancel);
  }
  vt_reports_page_save_report_to (page, report);
  wait_for (is_set, &saved);
  g_assert_cmpstr (g_file_peek_path (saved), ==, report_path);

  /* The same pages as the report laid out here, with the round's name,
   * its finalists and the page numbers. */
  expected = vt_round_report_new (stats, "en");
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);

    vt_report_paginate (expected, cr, VT_REPORT_A4_WIDTH, VT_REPORT_A4_HEIGHT);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_assert_cmpuint (pdf_page_count (report_path), ==, vt_report_get_n_pages (expected));
  g_assert_cmpuint (vt_report_get_n_pages (expected), >=, 2);
  text = pdf_text (report_path);
  squeezed = squeeze (text);
  round_name = squeeze (stats->round->name);
  g_assert_nonnull (strstr (squeezed, round_name));
  g_assert_nonnull (strstr (text, "Round report"));
  g_assert_nonnull (strstr (text, "Finalists"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  /* No half-written file is left beside it. */
  {
    g_autofree char *partial = g_strconcat (report_path, ".partial", NULL);

    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  /* The handout, Vietnamese in large type as chosen on the page. */
  g_settings_set_string (settings, "slide-languages", "vi,ko");
  g_clear_object (&saved);
  vt_reports_page_save_handout_to (page, handout);
  wait_for (is_set, &saved);
  deck = vt_slide_deck_new (stats, "vi", "ko");
  g_assert_cmpuint (pdf_page_count (handout_path), ==, vt_slide_deck_get_n_slides (deck));
  g_clear_pointer (&text, g_free);
  text = pdf_text (handout_path);
  end = strchr (text, '\f');
  g_assert_nonnull (end);
  title_vi = squeeze (vt_slide_deck_get_title (deck, 1, "vi"));
  title_ko = squeeze (vt_slide_deck_get_title (deck, 1, "ko"));
  /* The funnel slide: its Vietnamese title above its Korean one. */
  {
    const char *second = end + 1;
    g_autofree char *raw = NULL;
    g_autofree char *second_page = NULL;
    const char *vi, *ko;

    end = strchr (second, '\f');
    g_assert_nonnull (end);
    raw = g_strndup (second, end - second);
    second_page = squeeze (raw);
    vi = strstr (second_page, title_vi);
    ko = strstr (second_page, title_ko);
    g_assert_nonnull (vi);
    g_assert_nonnull (ko);
    g_assert_true (vi < ko);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE));
}

static void
test_languages (void)
{
  const char *primary, *secondary;

  vt_slide_languages_resolve ("", "vi", &primary, &secondary);
  g_assert_cmpstr (primary, ==, "vi");
  g_assert_cmpstr (secondary, ==, "ko");
  vt_slide_languages_resolve ("", "ko", &primary, &secondary);
  g_assert_cmpstr (primary, ==, "ko");
  g_assert_cmpstr (secondary, ==, "vi");
  /* An English interface: the delegations read Korean and Vietnamese. */
  vt_slide_languages_resolve ("", "en", &primary, &secondary);
  g_assert_cmpstr (primary, ==, "ko");
  g_assert_cmpstr (secondary, ==, "vi");
  /* A choice made holds whatever the interface's language. */
  vt_slide_languages_resolve ("vi,ko", "ko", &primary, &secondary);
  g_assert_cmpstr (primary, ==, "vi");
  g_assert_cmpstr (secondary, ==, "ko");
  vt_slide_languages_resolve ("ko,vi", "vi", &primary, &secondary);
  g_assert_cmpstr (primary, ==, "ko");
  g_assert_cmpstr (secondary, ==, "vi");

  g_assert_cmpstr (vt_slide_languages_setting ("vi"), ==, "vi,ko");
  g_assert_cmpstr (vt_slide_languages_setting ("ko"), ==, "ko,vi");
}

static void
test_file_names (void)
{
  g_autofree char *plain = vt_slide_handout_file_name ("Đợt 1 2026");
  g_autofree char *slashed = vt_slide_handout_file_name ("2025/26: \"A\"");

  g_assert_cmpstr (plain, ==, "Đợt 1 2026 handout.pdf");
  g_assert_null (strpbrk (slashed, "/\\:\"*?<>|"));
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("VT_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (build_root);
  localedir = g_build_filename (build_root, "po", NULL);
  vt_bilingual_set_localedir (localedir);

  g_test_add_func ("/ui/reports/slide-languages", test_languages);
  g_test_add_func ("/ui/reports/file-names", test_file_names);
  g_test_add ("/ui/reports/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);

  return g_test_run ();
}
