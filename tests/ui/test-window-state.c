/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "vt-window-state.h"

static void
test_section_names (void)
{
  for (VtSection s = 0; s < VT_N_SECTIONS; s++)
    g_assert_cmpint (vt_section_from_name (vt_section_to_name (s)), ==, s);

  /* An unknown or missing page name (an old setting) falls back to the
   * first section rather than to nothing. */
  g_assert_cmpint (vt_section_from_name ("no-such-page"), ==, VT_SECTION_SUPPLIERS);
  g_assert_cmpint (vt_section_from_name (NULL), ==, VT_SECTION_SUPPLIERS);
}

static void
test_loading_and_error (void)
{
  VtSectionCounts counts = { 5, 5, 5 };

  for (VtSection s = 0; s < VT_N_SECTIONS; s++)
    {
      g_assert_cmpstr (vt_section_page_for (s, VT_LOAD_OPENING, &counts), ==, "loading");
      g_assert_cmpstr (vt_section_page_for (s, VT_LOAD_FAILED, &counts), ==, "error");
    }
}

static void
test_empty_database (void)
{
  VtSectionCounts counts = { 0, 0, 0 };

  g_assert_cmpstr (vt_section_page_for (VT_SECTION_SUPPLIERS, VT_LOAD_READY, &counts), ==, "suppliers-empty");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_VISITS, VT_LOAD_READY, &counts), ==, "visits-empty");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_READINESS, VT_LOAD_READY, &counts), ==, "readiness-empty");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_REPORTS, VT_LOAD_READY, &counts), ==, "reports-empty");
}

static void
test_suppliers_without_visits (void)
{
  VtSectionCounts counts = { 40, 0, 0 };

  g_assert_cmpstr (vt_section_page_for (VT_SECTION_SUPPLIERS, VT_LOAD_READY, &counts), ==, "suppliers");
  /* The calendar, where the first visit is planned. */
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_VISITS, VT_LOAD_READY, &counts), ==, "visits");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_READINESS, VT_LOAD_READY, &counts), ==, "readiness-empty");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_REPORTS, VT_LOAD_READY, &counts), ==, "reports");
}

static void
test_full_round (void)
{
  VtSectionCounts counts = { 40, 64, 40 };

  g_assert_cmpstr (vt_section_page_for (VT_SECTION_VISITS, VT_LOAD_READY, &counts), ==, "visits");
  g_assert_cmpstr (vt_section_page_for (VT_SECTION_READINESS, VT_LOAD_READY, &counts), ==, "readiness");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/window-state/section-names", test_section_names);
  g_test_add_func ("/ui/window-state/loading-and-error", test_loading_and_error);
  g_test_add_func ("/ui/window-state/empty-database", test_empty_database);
  g_test_add_func ("/ui/window-state/suppliers-without-visits", test_suppliers_without_visits);
  g_test_add_func ("/ui/window-state/full-round", test_full_round);

  return g_test_run ();
}
