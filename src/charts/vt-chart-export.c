/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-export.c: draws a chart on a PNG, SVG or PDF surface.
 *
 * The chart is drawn into memory first and the file is then replaced in
 * one step, so a failed export never leaves half a file where a good one
 * was.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-chart-export.h"

/* Exports larger than this are refused rather than exhausting memory. */
#define MAX_SIDE 20000

gboolean
vt_chart_format_from_path (const char    *path,
                           VtChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = VT_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = VT_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = VT_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
vt_chart_format_get_suffix (VtChartFormat format)
{
  switch (format)
    {
    case VT_CHART_FORMAT_SVG:
      return ".svg";
    case VT_CHART_FORMAT_PDF:
      return ".pdf";
    case VT_CHART_FORMAT_PNG:
    default:
      return ".png";
    }
}

/* Cairo 1.16 aborts while subsetting Noto Sans CJK for a PDF when the
 * text holds ơ with ờ or ớ (see vt_chart_create_pango_context()). So a
 * PDF never names a CJK family: it names a Latin family that covers
 * Vietnamese, and fontconfig still falls back to the CJK font for Hangul
 * only. */
static VtChartStyle *
style_for_pdf (const VtChartStyle *style)
{
  VtChartStyle *copy = vt_chart_style_copy (style);
  const char *family = pango_font_description_get_family (style->font);

  if (family != NULL && strstr (family, "CJK") != NULL)
    family = "Sans";
  if (family != NULL)
    {
      g_autofree char *families = g_strdup_printf ("%s,%s", vt_chart_get_latin_family (), family);

      pango_font_description_set_family (copy->font, families);
    }
  return copy;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * vt_chart_export_bytes:
 * @width, @height: in pixels for PNG (multiplied by @style's scale for a
 *   sharper image), in points for SVG and PDF
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
vt_chart_export_bytes (VtChart             *chart,
                       VtChartFormat        format,
                       double               width,
                       double               height,
                       const VtChartStyle  *style,
                       GError             **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(VtChartStyle) pdf_style = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale = MAX (style->scale, 1);

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (!(width >= 1 && height >= 1 && width * scale <= MAX_SIDE && height * scale <= MAX_SIDE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart can be exported at 1 to %d pixels a side, not %.0f × %.0f."),
                   MAX_SIDE, width * scale, height * scale);
      return NULL;
    }

  switch (format)
    {
    case VT_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_array, out, width, height);
      break;
    case VT_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_array, out, width, height);
      style = pdf_style = style_for_pdf (style);
      break;
    case VT_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    }

  cr = cairo_create (surface);
  vt_chart_draw (chart, cr, width, height, style, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == VT_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_array, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
vt_chart_export_file (VtChart             *chart,
                      VtChartFormat        format,
                      GFile               *file,
                      double               width,
                      double               height,
                      const VtChartStyle  *style,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = vt_chart_export_bytes (chart, format, width, height, style, error);
  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}
