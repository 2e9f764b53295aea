/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slide-deck.c: the bilingual slides of the sample round, on screen
 * sizes and in the PDF handout, under the C locale.
 *
 * Set VT_SLIDE_PNG_DIR to a directory to keep a PNG of every slide. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "vt-bilingual.h"
#include "vt-handout.h"
#include "vt-round-charts.h"
#include "vt-sample-data.h"
#include "vt-slide-deck.h"
#include "vt-test-util.h"

static VtRoundStats *
sample_stats (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GPtrArray) rounds = NULL;
  VtRoundStats *stats;

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  rounds = vt_store_list_rounds_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  stats = vt_store_get_round_stats_sync (store, ((VtRound *) g_ptr_array_index (rounds, 0))->id, NULL, &error);
  g_assert_no_error (error);
  return stats;
}

static void
test_slides (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VtRoundStats) stats = sample_stats (f);
  g_autoptr(VtSlideDeck) deck = vt_slide_deck_new (stats, "ko", "vi");
  guint n = vt_slide_deck_get_n_slides (deck), finalists = 0;

  /* Title, funnel, sectors, provinces, ranking, a radar per finalist,
   * timeline, closing. */
  g_assert_cmpuint (n, ==, 7 + VT_SAMPLE_FINALISTS);
  g_assert_cmpint (vt_slide_deck_get_kind (deck, 0), ==, VT_SLIDE_TITLE);
  g_assert_cmpint (vt_slide_deck_get_kind (deck, 1), ==, VT_SLIDE_FUNNEL);
  g_assert_cmpint (vt_slide_deck_get_kind (deck, 4), ==, VT_SLIDE_RANKING);
  g_assert_cmpint (vt_slide_deck_get_kind (deck, n - 2), ==, VT_SLIDE_TIMELINE);
  g_assert_cmpint (vt_slide_deck_get_kind (deck, n - 1), ==, VT_SLIDE_CLOSING);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ko = vt_slide_deck_get_title (deck, i, "ko");
      g_autofree char *vi = vt_slide_deck_get_title (deck, i, "vi");
      g_autofree char *en = vt_slide_deck_get_title (deck, i, "en");

      if (vt_slide_deck_get_kind (deck, i) == VT_SLIDE_FINALIST)
        finalists++;
      /* Every title is translated into both languages. */
      g_assert_cmpstr (ko, !=, en);
      g_assert_cmpstr (vi, !=, en);
      g_assert_cmpstr (ko, !=, vi);
    }
  g_assert_cmpuint (finalists, ==, VT_SAMPLE_FINALISTS);

  vt_slide_deck_set_languages (deck, "vi", "ko");
  g_assert_cmpstr (vt_slide_deck_get_language (deck, 0), ==, "vi");
  g_assert_cmpstr (vt_slide_deck_get_language (deck, 1), ==, "ko");
  g_assert_false (vt_slide_deck_get_hide_sensitive (deck));
  vt_slide_deck_set_hide_sensitive (deck, TRUE);
  g_assert_true (vt_slide_deck_get_hide_sensitive (deck));
}

static cairo_surface_t *
render (VtSlideDeck        *deck,
        guint               index,
        int                 width,
        int                 height,
        const VtChartStyle *style,
        guint              *overflows)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  *overflows = vt_slide_deck_draw (deck, index, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels differ from the background: something was drawn. */
static guint
inked_pixels (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 background = *(const guint32 *) data;
  guint inked = 0;

  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      if (*(const guint32 *) (data + y * stride + x * 4) != background)
        inked++;
  return inked;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

/* Every slide at both projector sizes, in both orders of languages: no
 * Cairo error, something drawn, and no text that had to be cut. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };
  static const char * const orders[][2] = { { "ko", "vi" }, { "vi", "ko" } };
  const char *png_dir = g_getenv ("VT_SLIDE_PNG_DIR");
  g_autoptr(VtRoundStats) stats = sample_stats (f);
  g_autoptr(VtSlideDeck) deck = vt_slide_deck_new (stats, "ko", "vi");
  g_autoptr(VtChartStyle) screen = vt_slide_deck_style_new (FALSE);
  guint n = vt_slide_deck_get_n_slides (deck);

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        vt_slide_deck_set_languages (deck, orders[o][0], orders[o][1]);
        for (guint i = 0; i < n; i++)
          {
            guint overflows;
            cairo_surface_t *surface = render (deck, i, sizes[s][0], sizes[s][1], screen, &overflows);

            g_test_message ("%s,%s %d×%d slide %u", orders[o][0], orders[o][1], sizes[s][0], sizes[s][1], i + 1);
            g_assert_cmpuint (overflows, ==, 0);
            g_assert_cmpuint (inked_pixels (surface), >, 1000);
            if (png_dir != NULL)
              {
                g_autofree char *name = g_strdup_printf ("slide-%s-%d-%02u.png", orders[o][0], sizes[s][1], i + 1);
                g_autofree char *path = g_build_filename (png_dir, name, NULL);

                g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
              }
            cairo_surface_destroy (surface);
          }
      }
}

/* Hiding the individual scores changes the ranking and the finalists'
 * slides, fits as well, and leaves the counts alone. */
static void
test_hide_sensitive (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtRoundStats) stats = sample_stats (f);
  g_autoptr(VtSlideDeck) deck = vt_slide_deck_new (stats, "ko", "vi");
  g_autoptr(VtChartStyle) screen = vt_slide_deck_style_new (FALSE);
  const char *png_dir = g_getenv ("VT_SLIDE_PNG_DIR");
  guint n = vt_slide_deck_get_n_slides (deck);

  for (guint i = 0; i < n; i++)
    {
      VtSlideKind kind = vt_slide_deck_get_kind (deck, i);
      guint overflows;
      cairo_surface_t *shown, *hidden;

      if (kind != VT_SLIDE_RANKING && kind != VT_SLIDE_FINALIST && kind != VT_SLIDE_FUNNEL)
        continue;
      vt_slide_deck_set_hide_sensitive (deck, FALSE);
      shown = render (deck, i, 1280, 720, screen, &overflows);
      g_assert_cmpuint (overflows, ==, 0);
      vt_slide_deck_set_hide_sensitive (deck, TRUE);
      hidden = render (deck, i, 1280, 720, screen, &overflows);
      g_assert_cmpuint (overflows, ==, 0);

      if (kind == VT_SLIDE_FUNNEL)
        g_assert_true (same_pixels (shown, hidden));
      else
        g_assert_false (same_pixels (shown, hidden));
      if (png_dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("hidden-%02u.png", i + 1);
          g_autofree char *path = g_build_filename (png_dir, name, NULL);

          cairo_surface_write_to_png (hidden, path);
        }
      cairo_surface_destroy (shown);
      cairo_surface_destroy (hidden);
    }
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The handout: one page per slide, and pdftotext finds the Korean and the
 * Vietnamese title of each. */
static void
test_handout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtRoundStats) stats = sample_stats (f);
  g_autoptr(VtSlideDeck) deck = vt_slide_deck_new (stats, "vi", "ko");
  g_autofree char *pdf = g_build_filename (f->dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  const char *partial;
  guint n = vt_slide_deck_get_n_slides (deck);
  g_auto(GStrv) page_texts = NULL;

  g_assert_true (vt_slide_deck_write_pdf (deck, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  partial = g_strconcat (pdf, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_free ((char *) partial);

  info = run (info_argv);
  text = run (text_argv);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      g_unlink (pdf);
      return;
    }
  pages = g_strdup_printf ("%u", n);
  {
    const char *line = strstr (info, "Pages:");

    g_assert_nonnull (line);
    line += strlen ("Pages:");
    while (*line == ' ')
      line++;
    g_assert_cmpint (strncmp (line, pages, strlen (pages)), ==, 0);
    g_assert_false (g_ascii_isdigit (line[strlen (pages)]));
  }

  /* pdftotext ends each page with a form feed. */
  page_texts = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (page_texts), >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ko = vt_slide_deck_get_title (deck, i, "ko");
      g_autofree char *vi = vt_slide_deck_get_title (deck, i, "vi");

      g_test_message ("page %u: %s / %s", i + 1, ko, vi);
      g_assert_nonnull (strstr (page_texts[i], ko));
      g_assert_nonnull (strstr (page_texts[i], vi));

      /* The charts' own words too: the ranking's legend names the bands
       * in both languages. */
      if (vt_slide_deck_get_kind (deck, i) == VT_SLIDE_RANKING)
        {
          const char *bands[] = { "Ready", "Conditionally ready", "Not ready" };

          for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
            {
              g_assert_nonnull (strstr (page_texts[i], vt_bilingual_pgettext ("ko", "readiness band", bands[b])));
              g_assert_nonnull (strstr (page_texts[i], vt_bilingual_pgettext ("vi", "readiness band", bands[b])));
            }
        }
    }
  g_unlink (pdf);
}

static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VtRoundStats) stats = sample_stats (f);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = g_ptr_array_new ();
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  /* By number, by name in any case, and the current round. */
  g_ptr_array_add (rounds, stats->round);
  g_assert_true (vt_handout_find_round (rounds, "current") == (stats->round->is_current ? stats->round : NULL));
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, stats->round->id);
    g_autofree char *upper = g_utf8_strup (stats->round->name, -1);

    g_assert_true (vt_handout_find_round (rounds, id) == stats->round);
    g_assert_true (vt_handout_find_round (rounds, upper) == stats->round);
  }
  g_assert_null (vt_handout_find_round (rounds, "no such round"));
  g_assert_null (vt_handout_find_round (rounds, "99999"));

  g_assert_true (vt_handout_parse_languages (NULL, &primary, &secondary, &error));
  g_assert_cmpstr (primary, ==, "ko");
  g_assert_cmpstr (secondary, ==, "vi");
  g_clear_pointer (&primary, g_free);
  g_clear_pointer (&secondary, g_free);
  g_assert_true (vt_handout_parse_languages ("vi, ko", &primary, &secondary, &error));
  g_assert_cmpstr (primary, ==, "vi");
  g_assert_cmpstr (secondary, ==, "ko");
  g_assert_false (vt_handout_parse_languages ("ko,ko", &primary, &secondary, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (vt_handout_parse_languages ("fr,ko", &primary, &secondary, &error));
  g_clear_error (&error);

  g_assert_cmpint (vt_handout_command (f->path, "no such round", pdf, NULL, FALSE, &error), ==, 1);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_cmpint (vt_handout_command (f->path, stats->round->name, pdf, "vi,ko", TRUE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_root = g_getenv ("VT_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  /* No Korean or Vietnamese locale: the slides must not need one. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (build_root);
  localedir = g_build_filename (build_root, "po", NULL);
  vt_bilingual_set_localedir (localedir);

  g_test_add ("/slides/deck", Fixture, NULL, fixture_set_up, test_slides, fixture_tear_down);
  g_test_add ("/slides/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/slides/hide-sensitive", Fixture, NULL, fixture_set_up, test_hide_sensitive, fixture_tear_down);
  g_test_add ("/slides/handout", Fixture, NULL, fixture_set_up, test_handout, fixture_tear_down);
  g_test_add ("/slides/command", Fixture, NULL, fixture_set_up, test_command, fixture_tear_down);
  return g_test_run ();
}
