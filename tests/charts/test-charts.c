/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-charts.c: every chart on every surface, and marks where they belong. */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vt-chart-private.h"
#include "vt-chart-test-data.h"

typedef struct
{
  VtTestChart chart;
  VtTestData  data;
} Case;

static VtChartStyle *
test_style (void)
{
  VtChartStyle *style = vt_chart_style_new (FALSE, FALSE);

  /* Hangul falls back to Noto Sans CJK (fonts-noto-cjk), Vietnamese is
   * drawn with DejaVu Sans, as on a Debian desktop. */
  vt_chart_style_set_font (style, "Sans 10");
  return style;
}

static void
draw_on (cairo_surface_t    *surface,
         VtChart            *chart,
         double              width,
         double              height,
         const VtChartStyle *style,
         VtChartHits        *hits)
{
  cairo_t *cr = cairo_create (surface);

  vt_chart_draw (chart, cr, width, height, style, hits);
  g_assert_cmpstr (cairo_status_to_string (cairo_status (cr)), ==,
                   cairo_status_to_string (CAIRO_STATUS_SUCCESS));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Renders at several sizes (a phone-narrow card, the widget, a slide) and
 * on image, SVG and PDF surfaces; none may put cairo in an error state. */
static void
test_render (gconstpointer user_data)
{
  const Case *c = user_data;
  g_autoptr(VtChart) chart = vt_test_chart_new (c->chart, c->data);
  g_autoptr(VtChartStyle) style = test_style ();
  g_autoptr(VtChartStyle) dark = vt_chart_style_new (TRUE, TRUE);
  g_autoptr(VtChartHits) hits = vt_chart_hits_new ();
  g_autoptr(VtChartTable) table = NULL;
  static const double sizes[][2] = { { 40, 30 }, { 360, 240 }, { 800, 500 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[i][0], (int) sizes[i][1]);
      gsize svg_len = 0, pdf_len = 0;
      cairo_surface_t *svg = cairo_svg_surface_create_for_stream (discard, &svg_len, sizes[i][0], sizes[i][1]);
      cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (discard, &pdf_len, sizes[i][0], sizes[i][1]);

      draw_on (image, chart, sizes[i][0], sizes[i][1], i % 2 ? style : dark, hits);
      draw_on (svg, chart, sizes[i][0], sizes[i][1], style, NULL);
      draw_on (pdf, chart, sizes[i][0], sizes[i][1], style, NULL);
      g_assert_cmpuint (svg_len, >, 0);
      g_assert_cmpuint (pdf_len, >, 0);
      cairo_surface_destroy (image);
      cairo_surface_destroy (svg);
      cairo_surface_destroy (pdf);
    }

  /* At the widget's size every supplier gets a mark with a tooltip. */
  {
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);

    draw_on (image, chart, 800, 500, style, hits);
    cairo_surface_destroy (image);
  }
  if (c->data == VT_TEST_DATA_EMPTY)
    g_assert_cmpuint (vt_chart_hits_get_size (hits), ==, 0);
  else
    g_assert_cmpuint (vt_chart_hits_get_size (hits), >, 0);
  if (c->chart == VT_TEST_CHART_RANKING)
    g_assert_cmpuint (vt_chart_hits_get_size (hits), >=, vt_test_data_suppliers (c->data));

  table = vt_chart_describe (chart);
  g_assert_nonnull (table->summary);
  g_assert_cmpuint (table->columns->len, >=, c->data == VT_TEST_DATA_EMPTY ? 1 : 2);
  if (c->chart == VT_TEST_CHART_RANKING || c->chart == VT_TEST_CHART_HEATMAP)
    g_assert_cmpuint (table->rows->len, ==, vt_test_data_suppliers (c->data));
  for (guint r = 0; r < table->rows->len; r++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (table->rows, r)), ==, table->columns->len);
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  VtChartHits     *hits;
  VtChartStyle    *style;
} Render;

static void
render_clear (Render *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
  g_clear_pointer (&r->hits, vt_chart_hits_free);
  g_clear_pointer (&r->style, vt_chart_style_free);
}

static void
render (Render  *r,
        VtChart *chart,
        int      width,
        int      height,
        double   scale)
{
  cairo_t *cr;

  r->style = test_style ();
  r->style->scale = scale;
  r->hits = vt_chart_hits_new ();
  r->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (r->surface, scale, scale);
  cr = cairo_create (r->surface);
  vt_chart_draw (chart, cr, width, height, r->style, r->hits);
  cairo_destroy (cr);
  cairo_surface_flush (r->surface);
}

/* The colour of a device pixel, unpremultiplied. */
static VtChartColor
pixel (Render *r,
       int     x,
       int     y)
{
  const guint8 *data = cairo_image_surface_get_data (r->surface);
  int stride = cairo_image_surface_get_stride (r->surface);
  guint32 p;
  double a;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (r->surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (r->surface));
  p = *(const guint32 *) (data + y * stride + x * 4);
  a = ((p >> 24) & 0xff) / 255.0;
  if (a == 0)
    return (VtChartColor) { 0, 0, 0, 0 };
  return (VtChartColor) { ((p >> 16) & 0xff) / 255.0 / a, ((p >> 8) & 0xff) / 255.0 / a, (p & 0xff) / 255.0 / a, a };
}

static gboolean
same_color (VtChartColor        a,
            const VtChartColor *b)
{
  return fabs (a.red - b->red) < 0.02 && fabs (a.green - b->green) < 0.02
         && fabs (a.blue - b->blue) < 0.02 && fabs (a.alpha - b->alpha) < 0.02;
}

#define assert_pixel(r, x, y, color)                                                   \
  G_STMT_START {                                                                       \
    VtChartColor _p = pixel ((r), (x), (y));                                           \
    if (!same_color (_p, (color)))                                                     \
      g_error ("pixel %d,%d is %.2f %.2f %.2f %.2f, not %.2f %.2f %.2f %.2f",          \
               (x), (y), _p.red, _p.green, _p.blue, _p.alpha,                          \
               (color)->red, (color)->green, (color)->blue, (color)->alpha);           \
  } G_STMT_END

/* Finds the hit rectangle whose text starts with @prefix by scanning the
 * chart: the hits API only answers points, as the widget asks it. */
static gboolean
find_hit (Render     *r,
          const char *prefix,
          double      width,
          double      height,
          double     *x0,
          double     *y0,
          double     *x1,
          double     *y1)
{
  gboolean found = FALSE;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (double y = 0; y < height; y += 0.5)
    for (double x = 0; x < width; x += 0.5)
      {
        const char *text = vt_chart_hits_lookup (r->hits, x, y);

        if (text != NULL && g_str_has_prefix (text, prefix))
          {
            *x0 = MIN (*x0, x);
            *y0 = MIN (*y0, y);
            *x1 = MAX (*x1, x + 0.5);
            *y1 = MAX (*y1, y + 0.5);
            found = TRUE;
          }
      }
  return found;
}

/* The cut line is drawn in the accent colour exactly between the last
 * selected supplier and the first one not selected, and at scale 2 it
 * covers whole device pixels (sharp on HiDPI). */
static void
test_ranking_cut_line (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_RANKING, VT_TEST_DATA_NORMAL);
  const VtChartRanking *ranking = vt_chart_get_data (chart);

  for (double scale = 1; scale <= 2; scale++)
    {
      Render r = { 0 };
      double x0, y0, x1, y1, ax0, ay0, ax1, ay1;
      g_autofree char *last = g_strdup_printf ("%d. ", ranking->cut);
      g_autofree char *next = g_strdup_printf ("%d. ", ranking->cut + 1);
      int line_y, x, first, last_row;

      g_assert_cmpint (ranking->cut, ==, 16);
      render (&r, chart, 800, 600, scale);
      g_assert_true (find_hit (&r, last, 800, 600, &x0, &y0, &x1, &y1));
      g_assert_true (find_hit (&r, next, 800, 600, &ax0, &ay0, &ax1, &ay1));
      /* The line lies in the middle of the gap between row 16 and
       * row 17: look for it there. */
      line_y = (int) round ((y1 + ay0) / 2 * scale);
      x = (int) (400 * scale);
      first = last_row = -1;
      for (int y = line_y - (int) (4 * scale); y <= line_y + (int) (4 * scale); y++)
        if (same_color (pixel (&r, x, y), &r.style->accent))
          {
            if (first < 0)
              first = y;
            last_row = y;
          }
      g_test_message ("rows end %g, start %g; line expected at %d, found %d-%d", y1, ay0, line_y, first, last_row);
      g_assert_cmpint (first, >=, 0);
      /* Two units thick, snapped to whole device pixels: exactly 2 ×
       * scale rows of pure accent, no blurred edge. */
      g_assert_cmpint (last_row - first + 1, ==, (int) (2 * scale));
      g_assert_false (same_color (pixel (&r, x, first - 1), &r.style->accent));
      g_assert_false (same_color (pixel (&r, x, last_row + 1), &r.style->accent));
      {
        VtChartColor above = pixel (&r, x, first - 1), below = pixel (&r, x, last_row + 1);

        /* The neighbours are untouched background, not antialiasing. */
        g_assert_true (same_color (above, &r.style->background));
        g_assert_true (same_color (below, &r.style->background));
      }
      /* Nowhere else in the rows above is the accent colour. */
      g_assert_false (same_color (pixel (&r, x, (int) ((y0 + 2) * scale)), &r.style->accent));
      render_clear (&r);
    }
}

/* The first supplier's bar reaches its index on the 0-100 scale. */
static void
test_ranking_bar_length (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_RANKING, VT_TEST_DATA_NORMAL);
  const VtChartRanking *ranking = vt_chart_get_data (chart);
  const VtChartRankingEntry *first = &g_array_index (ranking->entries, VtChartRankingEntry, 0);
  const VtChartRankingEntry *tenth = &g_array_index (ranking->entries, VtChartRankingEntry, 9);
  Render r = { 0 };
  double x0, y0, x1, y1;
  int y, end_first = -1, end_tenth = -1, start = -1;
  const VtChartColor *c1, *c10;

  render (&r, chart, 800, 600, 1);
  c1 = vt_chart_band_color (r.style, first->band);
  c10 = vt_chart_band_color (r.style, tenth->band);
  g_assert_true (find_hit (&r, "1. ", 800, 600, &x0, &y0, &x1, &y1));
  y = (int) ((y0 + y1) / 2);
  for (int x = 0; x < 800; x++)
    if (same_color (pixel (&r, x, y), c1))
      {
        if (start < 0)
          start = x;
        end_first = x;
      }
  g_assert_true (find_hit (&r, "10. ", 800, 600, &x0, &y0, &x1, &y1));
  y = (int) ((y0 + y1) / 2);
  for (int x = start; x < 800; x++)
    if (same_color (pixel (&r, x, y), c10))
      end_tenth = x;
  g_assert_cmpint (start, >, 0);
  /* Both bars start at 0 on the same scale: their lengths are in the
   * ratio of their indexes (within two pixels of rounding). */
  g_assert_cmpfloat (fabs ((end_tenth - start + 1) / (double) (end_first - start + 1) - tenth->index / first->index),
                     <, 2.0 / (end_first - start + 1));
  render_clear (&r);
}

/* The funnel's bars are centred and as wide as their counts say:
 * 40 → 24 → 16. */
static void
test_funnel_widths (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_FUNNEL, VT_TEST_DATA_NORMAL);
  Render r = { 0 };
  double w[3], cx[3];
  const char *stages[] = { "Hồ sơ", "First visit done", "Second visit done" };

  render (&r, chart, 800, 500, 1);
  for (guint i = 0; i < 3; i++)
    {
      double x0, y0, x1, y1;
      int y, left = -1, right = -1;
      VtChartColor bg = r.style->background;

      g_assert_true (find_hit (&r, stages[i], 800, 500, &x0, &y0, &x1, &y1));
      /* Probe a row inside the bar, off the track line in its middle. */
      y = (int) (y0 + (y1 - y0) / 4);
      for (int x = (int) x0; x <= (int) x1; x++)
        if (!same_color (pixel (&r, x, y), &bg))
          {
            if (left < 0)
              left = x;
            right = x;
          }
      g_assert_cmpint (left, >=, 0);
      w[i] = right - left + 1;
      cx[i] = (left + right + 1) / 2.0;
      /* Just outside the bar is background. */
      assert_pixel (&r, left - 3, y, &bg);
    }
  g_assert_cmpfloat (fabs (w[1] / w[0] - 24.0 / 40.0), <, 0.01);
  g_assert_cmpfloat (fabs (w[2] / w[0] - 16.0 / 40.0), <, 0.01);
  g_assert_cmpfloat (fabs (cx[0] - cx[1]), <=, 1);
  g_assert_cmpfloat (fabs (cx[0] - cx[2]), <=, 1);
  render_clear (&r);
}

/* Nothing of the funnel is drawn outside its area: a count with its
 * target ("16 of 12 planned") that does not fit beside its bar wraps
 * or moves, rather than running off the card (as it did at the width of
 * the Readiness page in Vietnamese). Drawn without a background or a
 * clip onto an unbounded recording surface, whose ink shows where
 * everything went. */
static void
test_funnel_fits (void)
{
  static const double widths[] = { 300, 360, 420, 500, 800, 1920 };
  static const char * const fonts[] = { "Sans 10", "Sans 13" };
  g_autoptr(VtChartStyle) style = test_style ();

  style->background.alpha = 0;
  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    {
      vt_chart_style_set_font (style, fonts[f]);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (guint language = 0; language < 2; language++)
          {
            g_autoptr(VtChartFunnel) funnel = vt_chart_funnel_new ("Quy trình tuyển chọn", NULL);
            cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
            cairo_t *cr = cairo_create (surface);
            double x, y, iw, ih;

            vt_chart_funnel_add_stage (funnel, language ? "접수" : "Đã tiếp nhận", 40, 40);
            vt_chart_funnel_add_stage (funnel, language ? "1차 방문 완료" : "Đã khảo sát lần 1", 24, 24);
            vt_chart_funnel_add_stage (funnel, language ? "최종 선정" : "Được chọn", 16, 12);
            vt_chart_funnel_add_stage (funnel, language ? "지원 중" : "Đang được hỗ trợ", 4, 30);
            /* Not through vt_chart_draw(), which clips to the chart's area. */
            vt_chart_funnel_draw (cr, funnel, widths[w], 420, style, NULL);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_recording_surface_ink_extents (surface, &x, &y, &iw, &ih);
            g_assert_cmpfloat (x, >=, -1);
            g_assert_cmpfloat (x + iw, <=, widths[w] + 1);
            g_assert_cmpfloat (y, >=, -1);
            g_assert_cmpfloat (y + ih, <=, 420 + 1);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
    }
}

/* The tallest month's column reaches the top of the axis, and a month
 * with half as many visits half as high. */
static void
test_timeline_bar_top (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_TIMELINE, VT_TEST_DATA_NORMAL);
  Render r = { 0 };
  double x0, y0, x1, y1, bx0, by0, bx1, by1;
  int x, top = -1, bottom = -1, top_dec = -1;

  render (&r, chart, 800, 500, 1);
  /* August: 6 first + 4 second visits = 10, the axis maximum. */
  g_assert_true (find_hit (&r, "Aug 2025", 800, 500, &x0, &y0, &x1, &y1));
  x = (int) ((x0 + x1) / 2);
  for (int y = (int) y0; y < (int) y1 + 2; y++)
    {
      VtChartColor p = pixel (&r, x, y);

      if (same_color (p, &r.style->series[0]) || same_color (p, &r.style->series[1]))
        {
          if (top < 0)
            top = y;
          bottom = y;
        }
    }
  g_assert_cmpint (top, >=, 0);
  /* The column spans the whole plot height (the hit band) within a pixel. */
  g_assert_cmpint (abs (top - (int) round (y0)), <=, 1);
  g_assert_cmpint (abs (bottom + 1 - (int) round (y1)), <=, 1);
  /* Above the column's top is not the column colour. */
  g_assert_false (same_color (pixel (&r, x, top - 1), &r.style->series[1]));

  /* December: 2 follow-up visits, a fifth of the height. */
  g_assert_true (find_hit (&r, "Dec 2025", 800, 500, &bx0, &by0, &bx1, &by1));
  x = (int) ((bx0 + bx1) / 2);
  for (int y = (int) by0; y < (int) by1 + 2; y++)
    if (same_color (pixel (&r, x, y), &r.style->series[2]))
      {
        top_dec = y;
        break;
      }
  g_assert_cmpint (top_dec, >=, 0);
  g_assert_cmpfloat (fabs ((by1 - top_dec) / (by1 - by0) - 0.2), <, 0.02);
  render_clear (&r);
}

/* pdftotext finds the Korean and Vietnamese labels in a PDF chart: the
 * text is real text, shaped and mapped back to Unicode. */
static void
test_pdf_text (void)
{
  g_autoptr(VtChartStyle) style = test_style ();
  g_autoptr(VtChartFunnel) funnel = vt_chart_funnel_new ("Quy trình tuyển chọn · 공급업체 선정", NULL);
  g_autoptr(VtChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-charts-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *normal = NULL;
  const char *argv[4];
  int status;

  g_assert_no_error (error);
  vt_chart_funnel_add_stage (funnel, "Hồ sơ đã nhận", 40, 40);
  vt_chart_funnel_add_stage (funnel, "1차 방문 완료", 24, 24);
  vt_chart_funnel_add_stage (funnel, "Được chọn", 16, 12);
  chart = vt_chart_funnel_wrap (g_steal_pointer (&funnel));

  bytes = vt_chart_export_bytes (chart, VT_CHART_FORMAT_PDF, 800, 500, style, &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "funnel.pdf", NULL);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  argv[0] = "pdftotext";
  argv[1] = pdf;
  argv[2] = "-";
  argv[3] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  normal = g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
  g_assert_nonnull (strstr (normal, "Hồ sơ đã nhận"));
  g_assert_nonnull (strstr (normal, "1차 방문 완료"));
  g_assert_nonnull (strstr (normal, "Được chọn"));
  g_assert_nonnull (strstr (normal, "공급업체 선정"));
  g_assert_nonnull (strstr (normal, "Quy trình tuyển chọn"));

  g_remove (pdf);
  g_rmdir (dir);
}

/* A PDF in a CJK font with Vietnamese text: cairo 1.16 aborts on it
 * unless the export puts a Latin family first. */
static void
test_pdf_cjk_font (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_HEATMAP, VT_TEST_DATA_ONE);
  g_autoptr(VtChartStyle) style = vt_chart_style_new (FALSE, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  vt_chart_style_set_font (style, "Noto Sans CJK KR 10");
  bytes = vt_chart_export_bytes (chart, VT_CHART_FORMAT_PDF, 800, 500, style, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpstr (pango_font_description_get_family (style->font), ==, "Noto Sans CJK KR");
}

/* Exports write whole files of the right kind, and refuse absurd sizes. */
static void
test_export (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_RADAR, VT_TEST_DATA_NORMAL);
  g_autoptr(VtChartStyle) style = test_style ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vt-charts-XXXXXX", &error);
  static const char * const names[] = { "radar.png", "radar.svg", "radar.pdf" };
  static const char * const magic[] = { "\x89PNG", "<?xml", "%PDF" };
  VtChartFormat format;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (vt_chart_format_from_path (path, &format));
      g_assert_cmpint (format, ==, (VtChartFormat) i);
      g_assert_true (vt_chart_export_file (chart, format, file, 1200, 800, style, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      if (format == VT_CHART_FORMAT_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 800);
          cairo_surface_destroy (png);
        }
      g_remove (path);
    }
  g_assert_false (vt_chart_format_from_path ("radar.txt", &format));
  g_assert_null (vt_chart_export_bytes (chart, VT_CHART_FORMAT_PNG, 1e6, 10, style, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_rmdir (dir);
}

static void
test_table_text (void)
{
  g_autoptr(VtChart) chart = vt_test_chart_new (VT_TEST_CHART_FUNNEL, VT_TEST_DATA_NORMAL);
  g_autoptr(VtChartTable) table = vt_chart_describe (chart);
  g_autofree char *text = vt_chart_table_to_text (table);

  g_assert_cmpuint (table->rows->len, ==, 5);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[1], ==, "40");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 2))[1], ==, "24");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 4))[1], ==, "16");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 4))[2], ==, "12");
  g_assert_nonnull (strstr (text, "Hồ sơ đã nhận\t40\t40\n"));
  g_assert_nonnull (strstr (table->summary, "Hồ sơ đã nhận 40"));
}

static void
test_timeline_fills_months (void)
{
  g_autoptr(VtChartTimeline) t = vt_chart_timeline_new ("t", NULL);

  vt_chart_timeline_add_kind (t, "a");
  vt_chart_timeline_add (t, 2025, 11, 0, 2);
  vt_chart_timeline_add (t, 2026, 2, 0, 1);
  vt_chart_timeline_add (t, 2025, 9, 0, 3);
  g_assert_cmpuint (t->months->len, ==, 6);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 0).month, ==, 9);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 0).counts[0], ==, 3);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 3).year, ==, 2025);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 3).month, ==, 12);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 3).counts[0], ==, 0);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 5).year, ==, 2026);
  g_assert_cmpint (g_array_index (t->months, VtChartTimelineMonth, 5).month, ==, 2);
}

static void
test_ranking_sort_stable (void)
{
  g_autoptr(VtChartRanking) r = vt_chart_ranking_new ("r", NULL);

  vt_chart_ranking_add (r, "a", 50, VT_CHART_BAND_NOT_READY);
  vt_chart_ranking_add (r, "b", 90, VT_CHART_BAND_READY);
  vt_chart_ranking_add (r, "c", 50, VT_CHART_BAND_NOT_READY);
  vt_chart_ranking_add (r, "d", -1, VT_CHART_BAND_NONE);
  vt_chart_ranking_add (r, "e", 150, VT_CHART_BAND_READY);
  vt_chart_ranking_sort (r);
  g_assert_cmpstr (g_array_index (r->entries, VtChartRankingEntry, 0).name, ==, "e");
  g_assert_cmpfloat (g_array_index (r->entries, VtChartRankingEntry, 0).index, ==, 100);
  g_assert_cmpstr (g_array_index (r->entries, VtChartRankingEntry, 1).name, ==, "b");
  g_assert_cmpstr (g_array_index (r->entries, VtChartRankingEntry, 2).name, ==, "a");
  g_assert_cmpstr (g_array_index (r->entries, VtChartRankingEntry, 3).name, ==, "c");
  g_assert_cmpstr (g_array_index (r->entries, VtChartRankingEntry, 4).name, ==, "d");
}

static void
hit_centre (Render     *r,
            const char *prefix,
            double     *x,
            double     *y)
{
  double x0, y0, x1, y1;

  if (!find_hit (r, prefix, 600, 600, &x0, &y0, &x1, &y1))
    g_error ("no mark for “%s”", prefix);
  *x = (x0 + x1) / 2;
  *y = (y0 + y1) / 2;
}

/* An audit-style criterion (0/4/6/8/10) is drawn as a share of its own
 * top: 8 of 10 sits on the same ring as 4 of 5, and says "8 of 10". */
static void
test_radar_scaled_axes (void)
{
  VtChartRadar *radar = vt_chart_radar_new ("Radar", NULL, 5);
  g_autoptr(VtChart) chart = NULL;
  g_autoptr(VtChartTable) table = NULL;
  Render r = { 0 };
  double *values;
  double tx, ty, rx, ry, bx, by, lx, ly, cx, cy, radius;
  VtChartColor inside, outside;

  vt_chart_radar_add_scaled_axis (radar, "Audit", 10);
  vt_chart_radar_add_axis (radar, "Right");
  vt_chart_radar_add_axis (radar, "Bottom");
  vt_chart_radar_add_axis (radar, "Left");
  values = vt_chart_radar_add_series (radar, "S", FALSE);
  values[0] = 8;
  values[1] = values[2] = values[3] = 4;
  g_assert_cmpfloat (vt_chart_radar_get_share (radar, 0, 8), ==, 0.8);
  g_assert_cmpfloat (vt_chart_radar_get_share (radar, 1, 4), ==, 0.8);
  g_assert_cmpfloat (vt_chart_radar_get_share (radar, 1, 9), ==, 1);
  g_assert_cmpfloat (vt_chart_radar_get_share (radar, 1, -1), ==, -1);
  chart = vt_chart_radar_wrap (radar);

  render (&r, chart, 600, 600, 1);
  hit_centre (&r, "S — Audit: 8 of 10", &tx, &ty);
  hit_centre (&r, "S — Right: 4.0", &rx, &ry);
  hit_centre (&r, "S — Bottom: 4.0", &bx, &by);
  hit_centre (&r, "S — Left: 4.0", &lx, &ly);
  cx = (lx + rx) / 2;
  cy = (ly + ry) / 2;
  radius = (rx - lx) / 2 / 0.8;
  g_assert_cmpfloat (radius, >, 50);
  /* The four marks make a square: the audit mark is no further out. */
  g_assert_cmpfloat_with_epsilon (tx, cx, 1);
  g_assert_cmpfloat_with_epsilon (cy - ty, by - cy, 1);
  g_assert_cmpfloat_with_epsilon (cy - ty, 0.8 * radius, 1);
  /* The mark is drawn there, and the filled shape stops at it. */
  assert_pixel (&r, (int) tx, (int) ty, &r.style->accent);
  inside = pixel (&r, (int) cx + 3, (int) (cy - 0.7 * radius));
  outside = pixel (&r, (int) cx + 3, (int) (cy - 0.9 * radius));
  g_assert_false (same_color (inside, &outside));
  g_assert_true (same_color (outside, &r.style->background));

  table = vt_chart_describe (chart);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[1], ==, "8 of 10");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 1))[1], ==, "4.0");
  g_assert_nonnull (strstr (table->summary, "own scale"));
  render_clear (&r);
}

/* The heatmap colours an audit-style 8 of 10 as it colours a 4 of 5. */
static void
test_heatmap_scaled_columns (void)
{
  VtChartHeatmap *heatmap = vt_chart_heatmap_new ("Heatmap", NULL, 5);
  g_autoptr(VtChart) chart = NULL;
  g_autoptr(VtChartTable) table = NULL;
  Render r = { 0 };
  double ax0, ay0, ax1, ay1, lx0, ly0, lx1, ly1;
  int *scores;

  vt_chart_heatmap_add_scaled_column (heatmap, "Audit", 10);
  vt_chart_heatmap_add_column (heatmap, "Levels");
  scores = vt_chart_heatmap_add_row (heatmap, "Supplier");
  scores[0] = 8;
  scores[1] = 4;
  chart = vt_chart_heatmap_wrap (heatmap);

  render (&r, chart, 600, 600, 1);
  g_assert_true (find_hit (&r, "Supplier — Audit: 8 of 10", 600, 600, &ax0, &ay0, &ax1, &ay1));
  g_assert_true (find_hit (&r, "Supplier — Levels: 4 of 5", 600, 600, &lx0, &ly0, &lx1, &ly1));
  /* Both cells have one colour, a quarter of the way into the cell (clear
   * of the number written in its middle). */
  {
    VtChartColor a = pixel (&r, (int) (ax0 + (ax1 - ax0) / 4), (int) (ay0 + (ay1 - ay0) / 4));
    VtChartColor l = pixel (&r, (int) (lx0 + (lx1 - lx0) / 4), (int) (ly0 + (ly1 - ly0) / 4));

    g_assert_true (same_color (a, &l));
    g_assert_false (same_color (a, &r.style->ready));
  }

  table = vt_chart_describe (chart);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[1], ==, "8 of 10");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[2], ==, "4");
  render_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  static Case cases[VT_TEST_N_CHARTS * VT_TEST_N_DATA];

  /* English month names, so that the probes can find "Aug 2025". */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint c = 0; c < VT_TEST_N_CHARTS; c++)
    for (guint d = 0; d < VT_TEST_N_DATA; d++)
      {
        Case *k = &cases[c * VT_TEST_N_DATA + d];
        g_autofree char *path = g_strdup_printf ("/charts/render/%s/%s", vt_test_chart_name (c), vt_test_data_name (d));

        k->chart = c;
        k->data = d;
        g_test_add_data_func (path, k, test_render);
      }
  g_test_add_func ("/charts/ranking/cut-line", test_ranking_cut_line);
  g_test_add_func ("/charts/radar/scaled-axes", test_radar_scaled_axes);
  g_test_add_func ("/charts/heatmap/scaled-columns", test_heatmap_scaled_columns);
  g_test_add_func ("/charts/ranking/bar-length", test_ranking_bar_length);
  g_test_add_func ("/charts/ranking/sort-stable", test_ranking_sort_stable);
  g_test_add_func ("/charts/funnel/widths", test_funnel_widths);
  g_test_add_func ("/charts/funnel/fits", test_funnel_fits);
  g_test_add_func ("/charts/funnel/table", test_table_text);
  g_test_add_func ("/charts/timeline/bar-top", test_timeline_bar_top);
  g_test_add_func ("/charts/timeline/fills-months", test_timeline_fills_months);
  g_test_add_func ("/charts/export/files", test_export);
  g_test_add_func ("/charts/export/pdf-text", test_pdf_text);
  g_test_add_func ("/charts/export/pdf-cjk-font", test_pdf_cjk_font);
  return g_test_run ();
}
