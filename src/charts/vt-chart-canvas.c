/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-canvas.c: the drawing helpers every chart uses.
 *
 * Text goes through Pango so that Hangul and Vietnamese tone marks are
 * shaped; every label has a width to fit and is ellipsized or wrapped to
 * it. Thin lines are snapped to device pixels so that they stay sharp at
 * any scale factor.
 */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vt-chart-private.h"

void
vt_chart_canvas_init (VtChartCanvas      *canvas,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const VtChartStyle *style,
                      VtChartHits        *hits)
{
  double size;

  canvas->cr = cr;
  canvas->width = width;
  canvas->height = height;
  canvas->style = style;
  canvas->hits = hits;
  /* Text grows with the chart so that a slide or a large export reads
   * like the chart on screen, only bigger. */
  canvas->font_scale = CLAMP (MIN (width / 720.0, height / 440.0), 1.0, 3.0);
  size = pango_font_description_get_size (style->font) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (style->font))
    size = size * 96.0 / 72.0;
  if (size <= 0)
    size = 13.0;
  canvas->em = size * 1.4 * canvas->font_scale;
  canvas->line = MAX (1.0, round (canvas->font_scale)) * (style->high_contrast ? 2 : 1);
  canvas->pango = vt_chart_create_pango_context (cr);
}

/* Cairo 1.16 aborts (an assertion in cairo-array.c) while subsetting
 * Noto Sans CJK into a PDF or PostScript file when the text holds ơ
 * together with ờ or ớ. Latin text ends up in Noto Sans CJK when a font
 * names it, when fontconfig prefers it for "Sans" (as Korean desktops
 * are often set up) and when fontconfig's language is Korean but
 * Pango's is not. So vector output names a Latin family that covers
 * Vietnamese first (vt_chart_get_latin_family()), and tells Pango the
 * text is Vietnamese so that fontconfig ranks such fonts first; Hangul
 * still falls back to the Korean font, as Pango gives each script its
 * own language. */
PangoContext *
vt_chart_create_pango_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_RECORDING:
      pango_context_set_language (context, pango_language_from_string ("vi"));
      break;
    default:
      break;
    }
  return context;
}

static gboolean
covers_vietnamese (PangoFont *font)
{
  static const gunichar letters[] = { 0x01A1, 0x1EDB, 0x1EDD, 0x01B0, 0x1EF1, 0x0111, 0x1EA5 };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (!pango_font_has_char (font, letters[i]))
      return FALSE;
  return TRUE;
}

static gpointer
find_latin_family (gpointer data)
{
  static const char * const candidates[] = {
    "DejaVu Sans", "Noto Sans", "Cantarell", "Liberation Sans", "FreeSans", "Arial",
  };
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  const char *found = "Sans";

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      PangoFontDescription *wanted = pango_font_description_from_string (candidates[i]);
      PangoFont *font = pango_font_map_load_font (map, context, wanted);
      PangoFontDescription *got = font != NULL ? pango_font_describe (font) : NULL;
      const char *family = got != NULL ? pango_font_description_get_family (got) : NULL;
      gboolean usable = family != NULL && g_ascii_strcasecmp (family, candidates[i]) == 0 && covers_vietnamese (font);

      g_clear_pointer (&got, pango_font_description_free);
      g_clear_object (&font);
      pango_font_description_free (wanted);
      if (usable)
        {
          found = candidates[i];
          break;
        }
    }
  g_object_unref (context);
  g_object_unref (map);
  return (gpointer) found;
}

/**
 * vt_chart_get_latin_family:
 *
 * Returns: an installed font family that is not a CJK font and has every
 *   Vietnamese letter, to name before any other in PDF and PostScript
 *   output; "Sans" when there is none
 */
const char *
vt_chart_get_latin_family (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, find_latin_family, NULL);
  return once.retval;
}

void
vt_chart_canvas_clear (VtChartCanvas *canvas)
{
  g_clear_object (&canvas->pango);
}

void
vt_chart_set_color (cairo_t            *cr,
                    const VtChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
vt_chart_set_color_alpha (cairo_t            *cr,
                          const VtChartColor *color,
                          double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Black or white, whichever reads better on @fill. */
VtChartColor
vt_chart_ink_on (const VtChartColor *fill)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;
  VtChartColor ink = { 0, 0, 0, 0.87 };

  if (luminance < 0.5)
    ink = (VtChartColor) { 1, 1, 1, 1 };
  return ink;
}

const VtChartColor *
vt_chart_band_color (const VtChartStyle *style,
                     VtChartBand         band)
{
  switch (band)
    {
    case VT_CHART_BAND_READY:
      return &style->ready;
    case VT_CHART_BAND_CONDITIONAL:
      return &style->conditional;
    case VT_CHART_BAND_NOT_READY:
      return &style->not_ready;
    case VT_CHART_BAND_NONE:
    default:
      return &style->grid;
    }
}

/* Moves @v (an x when @vertical, else a y) to where a thin line is crisp:
 * the centre of a device pixel for an odd width in device pixels, a pixel
 * edge for an even one. */
double
vt_chart_snap (VtChartCanvas *canvas,
               double         v,
               gboolean       vertical)
{
  double x = vertical ? v : 0, y = vertical ? 0 : v;
  double lw = canvas->line, lw0 = 0;
  long device_width;
  double d;

  cairo_user_to_device (canvas->cr, &x, &y);
  cairo_user_to_device_distance (canvas->cr, &lw, &lw0);
  device_width = lround (fabs (lw));
  d = vertical ? x : y;
  d = (device_width % 2 == 1) ? floor (d) + 0.5 : round (d);
  if (vertical)
    x = d;
  else
    y = d;
  cairo_device_to_user (canvas->cr, &x, &y);
  return vertical ? x : y;
}

void
vt_chart_hline (VtChartCanvas *canvas,
                double         x0,
                double         x1,
                double         y)
{
  y = vt_chart_snap (canvas, y, FALSE);
  cairo_set_line_width (canvas->cr, canvas->line);
  cairo_move_to (canvas->cr, x0, y);
  cairo_line_to (canvas->cr, x1, y);
  cairo_stroke (canvas->cr);
}

void
vt_chart_vline (VtChartCanvas *canvas,
                double         x,
                double         y0,
                double         y1)
{
  x = vt_chart_snap (canvas, x, TRUE);
  cairo_set_line_width (canvas->cr, canvas->line);
  cairo_move_to (canvas->cr, x, y0);
  cairo_line_to (canvas->cr, x, y1);
  cairo_stroke (canvas->cr);
}

/* Rounds a filled rectangle to whole device pixels so that neighbouring
 * bars do not blur into each other. */
void
vt_chart_snap_rect (VtChartCanvas *canvas,
                    double        *x,
                    double        *y,
                    double        *w,
                    double        *h)
{
  double x0 = *x, y0 = *y, x1 = *x + *w, y1 = *y + *h;

  cairo_user_to_device (canvas->cr, &x0, &y0);
  cairo_user_to_device (canvas->cr, &x1, &y1);
  x0 = round (x0);
  y0 = round (y0);
  x1 = round (x1);
  y1 = round (y1);
  cairo_device_to_user (canvas->cr, &x0, &y0);
  cairo_device_to_user (canvas->cr, &x1, &y1);
  *x = x0;
  *y = y0;
  *w = x1 - x0;
  *h = y1 - y0;
}

/**
 * vt_chart_layout:
 * @size: the text size relative to the base font
 * @max_width: the width to fit, or <= 0 for none
 * @max_lines: 1 to ellipsize at the end, more to wrap and ellipsize the
 *   last line
 */
PangoLayout *
vt_chart_layout (VtChartCanvas *canvas,
                 const char    *text,
                 double         size,
                 gboolean       bold,
                 double         max_width,
                 int            max_lines)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);
  PangoFontDescription *font = pango_font_description_copy_static (canvas->style->font);
  int base = pango_font_description_get_size (font);

  if (base <= 0)
    base = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, base * size * canvas->font_scale);
  else
    pango_font_description_set_size (font, (int) (base * size * canvas->font_scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  return layout;
}

double
vt_chart_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

double
vt_chart_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* Draws @layout with the point (@xalign, @yalign) of its extents at
 * (@x, @y): 0, 0 puts its top left there, 1, 0.5 its right middle. */
void
vt_chart_show_layout (VtChartCanvas      *canvas,
                      PangoLayout        *layout,
                      double              x,
                      double              y,
                      double              xalign,
                      double              yalign,
                      const VtChartColor *color)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  vt_chart_set_color (canvas->cr, color);
  cairo_move_to (canvas->cr,
                 x - logical.x / (double) PANGO_SCALE - xalign * logical.width / (double) PANGO_SCALE,
                 y - yalign * logical.height / (double) PANGO_SCALE);
  pango_cairo_show_layout (canvas->cr, layout);
}

/* One line of text fitted into @max_width. Returns its height. */
double
vt_chart_draw_text (VtChartCanvas      *canvas,
                    const char         *text,
                    double              size,
                    gboolean            bold,
                    double              x,
                    double              y,
                    double              max_width,
                    double              xalign,
                    double              yalign,
                    const VtChartColor *color)
{
  g_autoptr(PangoLayout) layout = vt_chart_layout (canvas, text, size, bold, max_width, 1);

  vt_chart_show_layout (canvas, layout, x, y, xalign, yalign, color);
  return vt_chart_layout_height (layout);
}

/* A supplier's name on one line. Names of one round often share their
 * start ("Công ty TNHH …", "주식회사 …"), so the middle gives way and the
 * distinctive end stays. */
double
vt_chart_draw_name (VtChartCanvas      *canvas,
                    const char         *text,
                    double              size,
                    double              x,
                    double              y,
                    double              max_width,
                    double              xalign,
                    double              yalign,
                    const VtChartColor *color)
{
  g_autoptr(PangoLayout) layout = vt_chart_layout (canvas, text, size, FALSE, max_width, 1);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  vt_chart_show_layout (canvas, layout, x, y, xalign, yalign, color);
  return vt_chart_layout_height (layout);
}

void
vt_chart_draw_background (VtChartCanvas *canvas)
{
  if (canvas->style->background.alpha <= 0)
    return;
  vt_chart_set_color (canvas->cr, &canvas->style->background);
  cairo_paint (canvas->cr);
}

/* The title and an optional subtitle at the top. Returns where the plot
 * can start. */
double
vt_chart_draw_header (VtChartCanvas *canvas,
                      const char    *title,
                      const char    *subtitle)
{
  double pad = canvas->em * VT_CHART_PAD;
  double y = pad;
  double w = canvas->width - 2 * pad;

  vt_chart_draw_background (canvas);
  if (title != NULL && *title != '\0')
    {
      g_autoptr(PangoLayout) layout = vt_chart_layout (canvas, title, 1.25, TRUE, w, 2);

      vt_chart_show_layout (canvas, layout, pad, y, 0, 0, &canvas->style->foreground);
      y += vt_chart_layout_height (layout);
    }
  if (subtitle != NULL && *subtitle != '\0')
    {
      g_autoptr(PangoLayout) layout = vt_chart_layout (canvas, subtitle, 0.9, FALSE, w, 2);

      vt_chart_show_layout (canvas, layout, pad, y, 0, 0, &canvas->style->secondary);
      y += vt_chart_layout_height (layout);
    }
  return y + pad * 0.75;
}

void
vt_chart_draw_empty (VtChartCanvas *canvas,
                     double         top,
                     const char    *message)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w = canvas->width - 2 * canvas->em;

  layout = vt_chart_layout (canvas, message, 1.0, FALSE, w, 3);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  vt_chart_show_layout (canvas, layout, canvas->width / 2,
                        top + (canvas->height - top) / 2, 0.5, 0.5,
                        &canvas->style->secondary);
}

/* A step of 1, 2 or 5 × 10^n that divides @range into at most
 * @max_ticks intervals. */
double
vt_chart_nice_step (double range,
                    int    max_ticks)
{
  double raw, mag, norm;

  if (range <= 0 || max_ticks < 1)
    return 1;
  raw = range / max_ticks;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1)
    return mag;
  if (norm <= 2)
    return 2 * mag;
  if (norm <= 5)
    return 5 * mag;
  return 10 * mag;
}

/* A readiness index as people read it, in the current locale. */
char *
vt_chart_format_index (double index)
{
  if (index < 0)
    /* TRANSLATORS: shown in a chart instead of a readiness index when a
     * supplier has not been assessed */
    return g_strdup (C_("readiness index", "—"));
  return g_strdup_printf ("%.1f", index);
}

/* Swatches with labels in a row, wrapped to @max_width. Returns the height
 * used. */
double
vt_chart_draw_legend (VtChartCanvas               *canvas,
                      double                       x,
                      double                       y,
                      double                       max_width,
                      const char * const          *labels,
                      const VtChartColor * const  *colors,
                      guint                        n)
{
  double em = canvas->em;
  double cx = x, cy = y, sw = em * 0.6;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = vt_chart_layout (canvas, labels[i], 0.9, FALSE, max_width - sw - em * 0.3, 1);
      double lw = vt_chart_layout_width (layout);
      double item = sw + em * 0.3 + lw + em * 0.9;

      if (cx > x && cx + item - em * 0.9 > x + max_width)
        {
          cx = x;
          cy += em;
        }
      vt_chart_set_color (canvas->cr, colors[i]);
      cairo_rectangle (canvas->cr, cx, cy + (em - sw) / 2, sw, sw);
      cairo_fill (canvas->cr);
      vt_chart_show_layout (canvas, layout, cx + sw + em * 0.3, cy + em / 2, 0, 0.5,
                            &canvas->style->foreground);
      cx += item;
    }
  return n > 0 ? cy + em - y : 0;
}
