/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: printed reports, read back from their PDFs.
 *
 * Runs under a Korean locale (LC_ALL=ko_KR.UTF-8, LANGUAGE=ko, set by
 * meson): the interface strings come out in Korean, and fontconfig
 * prefers Noto Sans CJK for every script, which is what made cairo 1.16
 * abort on Vietnamese text. pdftotext (poppler-utils) reads the PDFs.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vt-bilingual.h"
#include "vt-report-documents.h"
#include "vt-round-charts.h"
#include "vt-report-test-data.h"
#include "vt-sample-data.h"
#include "vt-test-util.h"

/* The pages of a PDF as pdftotext reads them. */
static GStrv
pdf_pages (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", NULL, "-", NULL };
  int status = -1;
  GStrv pages;
  guint n;

  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  argv[4] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_free (pages[n - 1]);
  pages[n - 1] = NULL;
  return pages;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static VtStore *
open_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = open_new_store (f);

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static GBytes *
write_report (VtReport *report)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = vt_report_to_pdf_bytes (report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  return bytes;
}

/* Text without its spaces: pdftotext guesses them from the gaps between
 * glyphs, and drops narrow ones. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Every page's footer says which it is, and how many there are. */
static void
assert_page_numbers (GStrv pages)
{
  guint n = g_strv_length (pages);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), i + 1, n);
      g_autofree char *page = squeeze (pages[i]);
      g_autofree char *expected = squeeze (footer);

      g_assert_nonnull (strstr (page, expected));
    }
}

/* The sample round: Korean headings from the catalogue, Vietnamese and
 * Korean supplier names, the finalists' table with its header on every
 * page it reaches. */
static void
test_round_sample (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  VtReportSpec spec;
  g_autoptr(VtReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) pages = NULL;
  const char *index_heading = C_("readiness index", "Index");
  guint with_table = 0;

  g_assert_true (vt_report_spec_parse (&spec, "round", &error));
  g_assert_no_error (error);
  report = vt_report_load_sync (store, &spec, "vi", NULL, &error);
  g_assert_no_error (error);
  pdf = write_report (report);
  pages = pdf_pages (pdf);

  g_assert_cmpuint (g_strv_length (pages), ==, vt_report_get_n_pages (report));
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  assert_page_numbers (pages);
  /* Korean from the catalogue: the report and its sections. */
  g_assert_cmpstr (_("Round report"), !=, "Round report");
  g_assert_nonnull (strstr (pages[0], _("Round report")));
  g_assert_nonnull (strstr (pages[0], "VITASK 2025"));
  /* Vietnamese names, tone marks and all. */
  {
    g_autofree char *all = g_strjoinv ("", pages);

    g_assert_nonnull (strstr (all, "Điện"));
    g_assert_nonnull (strstr (all, _("Finalists")));
  }
  /* Every page with finalists starts them under the header row. */
  g_assert_cmpstr (index_heading, !=, "Index");
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "Công ty") != NULL && strstr (pages[i], index_heading) != NULL)
      with_table++;
  g_assert_cmpuint (with_table, >=, 1);
}

/* A 200-supplier round: the finalists' table runs over several pages,
 * its header repeated on each, every finalist listed once. */
static void
test_round_200 (void)
{
  g_autoptr(VtRoundStats) stats = vt_report_test_round_new (200, 120);
  g_autoptr(VtReport) report = vt_round_report_new (stats, "vi");
  g_autoptr(GBytes) pdf = write_report (report);
  g_auto(GStrv) pages = pdf_pages (pdf);
  const char *index_heading = C_("readiness index", "Index");
  g_autofree char *all = NULL;
  guint table_pages = 0;

  g_assert_cmpuint (g_strv_length (pages), ==, vt_report_get_n_pages (report));
  g_assert_cmpuint (g_strv_length (pages), >=, 4);
  assert_page_numbers (pages);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      const char *header = strstr (pages[i], index_heading);
      const char *row = strstr (pages[i], "Công ty TNHH Thời Đại Mới Sơn Hà số");

      /* The ranking chart names suppliers without the legal form, so
       * "Công ty" only appears in the table, below its header. */
      if (row != NULL)
        {
          g_assert_nonnull (header);
          g_assert_true (header < row);
          table_pages++;
        }
    }
  g_assert_cmpuint (table_pages, >=, 2);
  g_assert_cmpuint (count (all = g_strjoinv ("", pages), "Công ty TNHH"), ==, 120);
  /* The interface's Korean around the Vietnamese names. */
  g_assert_cmpstr (_("Finalists"), !=, "Finalists");
  g_assert_nonnull (strstr (all, _("Finalists")));
}

/* The profile sheet's headings are in Korean and Vietnamese together,
 * from our own catalogues. */
static void
test_supplier_bilingual (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierQuery) query = vt_supplier_query_new ();
  g_autoptr(GPtrArray) suppliers = vt_store_export_suppliers_sync (store, query, NULL, &error);
  g_autoptr(VtSupplierReportData) report_data = NULL;
  g_autoptr(VtReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  const VtSupplier *chosen = NULL;
  static const char * const headings[] = { "Profile", "Contacts", "Stage history", "Visits", "Readiness" };

  g_assert_no_error (error);
  /* A finalist: it has visits, assessments and a history. */
  for (guint i = 0; i < suppliers->len && chosen == NULL; i++)
    {
      const VtSupplier *s = g_ptr_array_index (suppliers, i);

      if (s->stage == VT_STAGE_SELECTED)
        chosen = s;
    }
  g_assert_nonnull (chosen);
  report_data = vt_supplier_report_data_load (store, chosen->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report_data->visits->len, >=, 2);
  report = vt_supplier_report_new (report_data, "vi");
  pdf = write_report (report);
  pages = pdf_pages (pdf);
  all = g_strjoinv ("", pages);

  assert_page_numbers (pages);
  g_assert_nonnull (strstr (all, chosen->name_vi));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *ko = vt_bilingual_gettext ("ko", headings[i]);
      const char *vi = vt_bilingual_gettext ("vi", headings[i]);

      g_assert_cmpstr (ko, !=, headings[i]);
      g_assert_cmpstr (vi, !=, headings[i]);
      g_assert_nonnull (strstr (all, ko));
      g_assert_nonnull (strstr (all, vi));
    }
}

/* The week's plan: the visits of the week by day, in Vietnam and Korea
 * time. */
static void
test_week (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = vt_store_list_visits_sync (store, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GTimeZone) vietnam = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) korea = NULL;
  g_autoptr(VtWeekReportData) week = NULL;
  g_autoptr(VtReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *vn_time = NULL;
  g_autofree char *kr_time = NULL;
  const VtVisit *visit;
  GDate day;

  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, >, 0);
  visit = g_ptr_array_index (visits, 0);
  local = g_date_time_to_timezone (visit->starts_at, vietnam);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  week = vt_week_report_data_load (store, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_weekday (&week->monday), ==, G_DATE_MONDAY);
  g_assert_cmpuint (week->visits->len, >=, 1);
  report = vt_week_report_new (week, "vi");
  pdf = write_report (report);
  pages = pdf_pages (pdf);
  all = g_strjoinv ("", pages);

  assert_page_numbers (pages);
  g_assert_nonnull (strstr (all, _("Visit plan for the week")));
  {
    /* Long names wrap in their cell. */
    g_autofree char *flat = squeeze (all);
    g_autofree char *name = squeeze (visit->supplier_name != NULL ? visit->supplier_name : "?");

    g_assert_nonnull (strstr (flat, name));
  }
  vn_time = g_date_time_format (local, "%H:%M");
  korea = g_date_time_add_hours (local, 2);
  kr_time = g_date_time_format (korea, "%H:%M");
  g_assert_nonnull (strstr (all, vn_time));
  g_assert_nonnull (strstr (all, kr_time));

  /* A week without visits says so rather than printing nothing. */
  {
    g_autoptr(VtWeekReportData) empty = NULL;
    g_autoptr(VtReport) empty_report = NULL;
    g_autoptr(GBytes) empty_pdf = NULL;
    g_auto(GStrv) empty_pages = NULL;

    g_date_set_dmy (&day, 1, 1, 2001);
    empty = vt_week_report_data_load (store, &day, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (empty->visits->len, ==, 0);
    empty_report = vt_week_report_new (empty, "ko");
    empty_pdf = write_report (empty_report);
    empty_pages = pdf_pages (empty_pdf);
    g_assert_cmpuint (g_strv_length (empty_pages), ==, 1);
    g_assert_nonnull (strstr (empty_pages[0], _("No visits are planned this week.")));
  }
}

/* The font of each Latin run of @text drawn as a report draws it. */
static void
assert_latin_not_cjk (const char *families,
                      const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = vt_chart_create_pango_context (cr);
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (families);
  PangoLayoutIter *iter;
  guint latin_runs = 0;

  pango_font_description_set_size (font, 10 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      g_autoptr(PangoFontDescription) used = NULL;

      if (run == NULL || run->item->analysis.script != PANGO_SCRIPT_LATIN)
        continue;
      used = pango_font_describe (run->item->analysis.font);
      g_assert_null (strstr (pango_font_description_get_family (used), "CJK"));
      latin_runs++;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_assert_cmpuint (latin_runs, >=, 1);
  g_object_unref (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* This program's fontconfig prefers Noto Sans CJK KR for every
 * sans-serif text (data/korean-desktop.conf), and cairo 1.16 aborts
 * subsetting it for ơ with ờ or ớ. Reports must still be written, with
 * their Latin text in a font that covers Vietnamese. */
static void
test_vietnamese_on_korean_desktop (void)
{
  g_autoptr(VtReport) report = vt_report_new ("Mới Thời · 새로운 시대");
  g_autoptr(VtChart) chart = NULL;
  g_autoptr(VtRoundStats) stats = vt_report_test_round_new (12, 6);
  g_autofree char *families = g_strdup_printf ("%s,Sans", vt_chart_get_latin_family ());
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) pages = NULL;

  /* The set-up is in force: plain "Sans" would put Latin text in the
   * CJK font, which is what used to abort. */
  {
    PangoFontMap *map = pango_cairo_font_map_new ();
    PangoContext *context = pango_font_map_create_context (map);
    g_autoptr(PangoFontDescription) sans = pango_font_description_from_string ("Sans 10");
    PangoFont *font = pango_font_map_load_font (map, context, sans);
    g_autoptr(PangoFontDescription) used = pango_font_describe (font);

    g_assert_nonnull (strstr (pango_font_description_get_family (used), "CJK"));
    g_object_unref (font);
    g_object_unref (context);
    g_object_unref (map);
  }
  g_assert_cmpstr (vt_chart_get_latin_family (), !=, "Sans");
  assert_latin_not_cjk (families, "Sơn Hà Mới Thời 현대");

  vt_report_add_heading (report, "Thời đại mới · 새로운 시대", 1);
  vt_report_add_paragraph (report, "ơ ớ ờ ở ỡ ợ Ơ Ớ Ờ — Sở Công Thương Thành phố Hồ Chí Minh — 현대자동차");
  chart = vt_round_chart_new (stats, VT_ROUND_CHART_RANKING, "vi");
  vt_report_add_chart (report, chart, 300);
  pdf = write_report (report);
  pages = pdf_pages (pdf);
  g_assert_nonnull (strstr (pages[0], "ơ ớ ờ ở ỡ ợ"));
  g_assert_nonnull (strstr (pages[0], "현대자동차"));
}

/* Long paragraphs break between lines; a heading never ends a page. */
static void
test_pagination (void)
{
  g_autoptr(VtReport) report = vt_report_new ("Kiểm tra");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Câu số %u về năng lực sản xuất của nhà cung cấp. ", i);
  vt_report_add_paragraph (report, text->str);
  vt_report_add_heading (report, "Phần cuối · 마지막 부분", 1);
  vt_report_add_paragraph (report, "Hết.");
  pdf = write_report (report);
  pages = pdf_pages (pdf);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, ==, vt_report_get_n_pages (report));
  /* Every sentence printed once, in order, across the pages. */
  {
    g_autofree char *all = g_strjoinv ("", pages);
    g_autofree char *joined = squeeze (all);

    g_assert_nonnull (strstr (joined, "Câusố399"));
    g_assert_cmpuint (count (joined, "Câusố17về"), ==, 1);
  }
  /* The heading is on the same page as the paragraph after it. */
  g_assert_nonnull (strstr (pages[n - 1], "Phần cuối"));
  g_assert_nonnull (strstr (pages[n - 1], "Hết."));
}

static void
test_spec (void)
{
  VtReportSpec spec;
  g_autoptr(GError) error = NULL;
  static const char * const bad[] = { "", "rounds", "round:", "round:x", "supplier:", "week:2026-02-30", "week:2026-1", "week:2026-01-05x" };

  g_assert_true (vt_report_spec_parse (&spec, "round", &error));
  g_assert_cmpint (spec.kind, ==, VT_REPORT_KIND_ROUND);
  g_assert_cmpint (spec.round_id, ==, 0);
  g_assert_true (vt_report_spec_parse (&spec, "round:7", &error));
  g_assert_cmpint (spec.round_id, ==, 7);
  g_assert_true (vt_report_spec_parse (&spec, "supplier:abc", &error));
  g_assert_cmpint (spec.kind, ==, VT_REPORT_KIND_SUPPLIER);
  g_assert_cmpstr (spec.supplier_uuid, ==, "abc");
  vt_report_spec_clear (&spec);
  g_assert_true (vt_report_spec_parse (&spec, "week:2026-07-24", &error));
  g_assert_cmpint (spec.kind, ==, VT_REPORT_KIND_WEEK);
  g_assert_cmpint (g_date_get_day (&spec.day), ==, 24);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (vt_report_spec_parse (&spec, bad[i], &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_clear_error (&error);
      vt_report_spec_clear (&spec);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/spec", test_spec);
  g_test_add_func ("/report/pagination", test_pagination);
  g_test_add_func ("/report/vietnamese-on-korean-desktop", test_vietnamese_on_korean_desktop);
  g_test_add_func ("/report/round-200", test_round_200);
  g_test_add ("/report/round-sample", Fixture, NULL, fixture_set_up, test_round_sample, fixture_tear_down);
  g_test_add ("/report/supplier-bilingual", Fixture, NULL, fixture_set_up, test_supplier_bilingual, fixture_tear_down);
  g_test_add ("/report/week", Fixture, NULL, fixture_set_up, test_week, fixture_tear_down);
  return g_test_run ();
}
