/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-chart-style.c: colour presets from the GNOME palette. */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vt-chart-style.h"

void
vt_chart_color_parse (VtChartColor *color,
                      const char   *spec)
{
  guint r, g, b;

  g_return_if_fail (color != NULL);
  g_return_if_fail (spec != NULL && spec[0] == '#' && strlen (spec) == 7);

  r = (g_ascii_xdigit_value (spec[1]) << 4) | g_ascii_xdigit_value (spec[2]);
  g = (g_ascii_xdigit_value (spec[3]) << 4) | g_ascii_xdigit_value (spec[4]);
  b = (g_ascii_xdigit_value (spec[5]) << 4) | g_ascii_xdigit_value (spec[6]);
  color->red = r / 255.0;
  color->green = g / 255.0;
  color->blue = b / 255.0;
  color->alpha = 1.0;
}

/* @amount 0 gives @a, 1 gives @b. */
VtChartColor
vt_chart_color_mix (const VtChartColor *a,
                    const VtChartColor *b,
                    double              amount)
{
  VtChartColor c;

  c.red = a->red + (b->red - a->red) * amount;
  c.green = a->green + (b->green - a->green) * amount;
  c.blue = a->blue + (b->blue - a->blue) * amount;
  c.alpha = a->alpha + (b->alpha - a->alpha) * amount;
  return c;
}

/**
 * vt_chart_style_new:
 *
 * The Adwaita colours for a light or dark background. The chart widget
 * replaces the colours with the ones of the current style sheet; exports
 * and the command line use these.
 */
VtChartStyle *
vt_chart_style_new (gboolean dark,
                    gboolean high_contrast)
{
  VtChartStyle *self = g_new0 (VtChartStyle, 1);
  static const char * const light[] = {
    "#1e1e1e", "#5e5c64", "#ffffff", "#deddda", "#1c71d8",
    "#26a269", "#e5a50a", "#c01c28",
    "#1c71d8", "#c64600", "#9a9996", "#813d9c",
  };
  static const char * const darkc[] = {
    "#ffffff", "#c0bfbc", "#242424", "#3d3846", "#78aeed",
    "#57e389", "#f8e45c", "#f66151",
    "#78aeed", "#ffa348", "#9a9996", "#dc8add",
  };
  const char * const *p = dark ? darkc : light;

  vt_chart_color_parse (&self->foreground, p[0]);
  vt_chart_color_parse (&self->secondary, p[1]);
  vt_chart_color_parse (&self->background, p[2]);
  vt_chart_color_parse (&self->grid, p[3]);
  vt_chart_color_parse (&self->accent, p[4]);
  vt_chart_color_parse (&self->ready, p[5]);
  vt_chart_color_parse (&self->conditional, p[6]);
  vt_chart_color_parse (&self->not_ready, p[7]);
  for (guint i = 0; i < VT_CHART_N_SERIES; i++)
    vt_chart_color_parse (&self->series[i], p[8 + i]);

  if (high_contrast)
    {
      self->secondary = self->foreground;
      self->grid = vt_chart_color_mix (&self->grid, &self->foreground, 0.5);
    }
  self->high_contrast = high_contrast;
  self->font = pango_font_description_from_string ("Sans 10");
  self->scale = 1;
  return self;
}

VtChartStyle *
vt_chart_style_copy (const VtChartStyle *style)
{
  VtChartStyle *self;

  g_return_val_if_fail (style != NULL, NULL);

  self = g_memdup2 (style, sizeof *style);
  self->font = pango_font_description_copy (style->font);
  return self;
}

void
vt_chart_style_free (VtChartStyle *style)
{
  if (style == NULL)
    return;
  g_clear_pointer (&style->font, pango_font_description_free);
  g_free (style);
}

void
vt_chart_style_set_font (VtChartStyle *style,
                         const char   *font)
{
  g_return_if_fail (style != NULL);
  g_clear_pointer (&style->font, pango_font_description_free);
  style->font = pango_font_description_from_string (font);
}

static gboolean
color_equal (const VtChartColor *a,
             const VtChartColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

gboolean
vt_chart_style_equal (const VtChartStyle *a,
                      const VtChartStyle *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (!color_equal (&a->foreground, &b->foreground)
      || !color_equal (&a->secondary, &b->secondary)
      || !color_equal (&a->background, &b->background)
      || !color_equal (&a->grid, &b->grid)
      || !color_equal (&a->accent, &b->accent)
      || !color_equal (&a->ready, &b->ready)
      || !color_equal (&a->conditional, &b->conditional)
      || !color_equal (&a->not_ready, &b->not_ready))
    return FALSE;
  for (guint i = 0; i < VT_CHART_N_SERIES; i++)
    if (!color_equal (&a->series[i], &b->series[i]))
      return FALSE;
  return a->scale == b->scale
         && a->high_contrast == b->high_contrast
         && a->translate == b->translate
         && a->translate_data == b->translate_data
         && pango_font_description_equal (a->font, b->font);
}

/**
 * vt_chart_style_translate:
 * @context: (nullable): the msgctxt
 * @msgid: a word or format the chart writes itself
 *
 * Returns: @msgid in the style's languages (see VtChartTranslateFunc), or
 *   in the interface's language
 */
const char *
vt_chart_style_translate (const VtChartStyle *style,
                          const char         *context,
                          const char         *msgid)
{
  if (style != NULL && style->translate != NULL)
    return style->translate (context, msgid, style->translate_data);
  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}
