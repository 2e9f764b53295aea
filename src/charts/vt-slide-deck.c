/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-slide-deck.c: a round's bilingual slides, drawn with Cairo and Pango. */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vt-assessment.h"
#include "vt-bilingual.h"
#include "vt-charts.h"
#include "vt-criteria.h"
#include "vt-enums.h"
#include "vt-format.h"
#include "vt-round-charts.h"
#include "vt-round.h"
#include "vt-slide-deck.h"

/* The pages of the handout: 16:9, 297 mm wide (A4 landscape's width). */
#define HANDOUT_WIDTH  (297.0 / 25.4 * 72.0)
#define HANDOUT_HEIGHT (HANDOUT_WIDTH * 9.0 / 16.0)

typedef struct
{
  VtSlideKind            kind;
  const VtRoundSupplier *finalist;  /* VT_SLIDE_FINALIST only */
  guint                  number;    /* of the finalist, from 1 */
} Slide;

struct _VtSlideDeck
{
  VtRoundStats *stats;
  char         *languages[2];
  gboolean      hide_sensitive;
  GArray       *slides;
  GPtrArray    *finalists;  /* VtRoundSupplier, best first */
};

/* The titles, translated per slide with vt_bilingual_gettext(). The
 * charts' own titles are reused so that a slide and the chart on the
 * Reports page are called the same. */
static const char * const titles[] = {
  [VT_SLIDE_TITLE] = N_("Supplier selection round"),
  [VT_SLIDE_FUNNEL] = N_("Pipeline"),
  [VT_SLIDE_SECTORS] = N_("Suppliers by sector"),
  [VT_SLIDE_PROVINCES] = N_("Suppliers by province"),
  [VT_SLIDE_RANKING] = N_("Readiness ranking"),
  [VT_SLIDE_FINALIST] = N_("Readiness by criterion"),
  [VT_SLIDE_TIMELINE] = N_("Visits per month"),
  [VT_SLIDE_CLOSING] = N_("Thank you"),
};

/* Drawing ----------------------------------------------------------------- */

typedef struct
{
  VtSlideDeck        *deck;
  cairo_t            *cr;
  PangoContext       *pango;
  double              width;
  double              height;
  const VtChartStyle *style;
  guint               overflows;
} Canvas;

static const char *
tr (Canvas     *c,
    guint       which,
    const char *msgid)
{
  return vt_bilingual_gettext (c->deck->languages[which], msgid);
}

static void
set_color (cairo_t            *cr,
           const VtChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
make_layout (Canvas     *c,
             const char *text,
             const char *language,
             double      px,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (c->pango);
  PangoFontDescription *font = pango_font_description_copy_static (c->style->font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* The language picks the right glyphs and fonts for each line. */
  if (language != NULL)
    pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* Draws @text in the box, wrapped, shrinking the type down to 60 % when
 * it does not fit. What still does not fit is cut with an ellipsis and
 * counted as an overflow: a slide must never need that.
 * Returns the height used. */
static double
draw_text (Canvas             *c,
           const char         *text,
           const char         *language,
           double              px,
           gboolean            bold,
           double              x,
           double              y,
           double              width,
           double              height,
           double              xalign,
           double              yalign,
           const VtChartColor *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink, logical;
  double size = px;

  if (text == NULL || *text == '\0' || width <= 0 || height <= 0)
    return 0;

  for (;;)
    {
      g_clear_object (&layout);
      layout = make_layout (c, text, language, size, bold, width);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      if ((logical.height <= height && logical.width <= width) || size <= px * 0.6)
        break;
      size *= 0.92;
    }

  if (logical.height > height || logical.width > width)
    {
      c->overflows++;
      g_debug ("Slide text does not fit %.0f×%.0f: %s", width, height, text);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
      pango_layout_get_pixel_extents (layout, &ink, &logical);
    }

  pango_layout_set_alignment (layout, xalign < 0.25 ? PANGO_ALIGN_LEFT :
                                      xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  cairo_save (c->cr);
  set_color (c->cr, color);
  cairo_move_to (c->cr, x, y + (height - logical.height) * yalign);
  pango_cairo_show_layout (c->cr, layout);
  cairo_restore (c->cr);
  return logical.height;
}

/* A title in both languages: the primary line large, the secondary below
 * in the secondary colour. Returns the height used. */
static double
draw_bilingual (Canvas     *c,
                const char *primary,
                const char *secondary,
                double      px,
                double      x,
                double      y,
                double      width,
                double      height,
                double      xalign)
{
  double first_h = height * 0.58, used;

  used = draw_text (c, primary, c->deck->languages[0], px, TRUE,
                    x, y, width, first_h, xalign, 1.0, &c->style->foreground);
  if (g_strcmp0 (primary, secondary) != 0)
    used = first_h + draw_text (c, secondary, c->deck->languages[1], px * 0.66, FALSE,
                                x, y + first_h, width, height - first_h, xalign, 0.0,
                                &c->style->secondary);
  return used;
}

static char *
both (Canvas     *c,
      const char *msgid,
      const char *separator)
{
  const char *a = tr (c, 0, msgid), *b = tr (c, 1, msgid);

  if (g_str_equal (a, b))
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

/* For names of the data, stored in several languages. */
static char *
both_names (const char *a,
            const char *b,
            const char *separator)
{
  if (b == NULL || a == NULL || g_str_equal (a, b))
    return g_strdup (a != NULL ? a : b);
  return g_strconcat (a, separator, b, NULL);
}

static void
draw_background (Canvas *c)
{
  set_color (c->cr, &c->style->background);
  cairo_paint (c->cr);
}

static double
margin (Canvas *c)
{
  return c->height * 0.05;
}

/* The header of a content slide; returns where the body starts. */
static double
draw_header (Canvas     *c,
             const char *primary,
             const char *secondary)
{
  double m = margin (c), h = c->height * 0.15;

  draw_bilingual (c, primary, secondary, c->height * 0.058, m, m * 0.8, c->width - 2 * m, h, 0);
  set_color (c->cr, &c->style->accent);
  cairo_rectangle (c->cr, m, m * 0.8 + h + c->height * 0.01, c->height * 0.12, c->height * 0.006);
  cairo_fill (c->cr);
  return m * 0.8 + h + c->height * 0.035;
}

static double
footer_top (Canvas *c)
{
  return c->height - margin (c) * 0.6 - c->height * 0.035;
}

static void
draw_footer (Canvas *c,
             guint   index)
{
  double m = margin (c), top = footer_top (c), h = c->height * 0.035;
  guint n = c->deck->slides->len;
  g_autofree char *first = vt_format_integer (c->deck->languages[0], index + 1);
  g_autofree char *total = vt_format_integer (c->deck->languages[0], n);
  g_autofree char *counter = g_strdup_printf ("%s / %s", first, total);
  const char *name = c->deck->stats->round->name;
  g_autofree char *left = strstr (name, "VITASK") != NULL ? g_strdup (name) : g_strdup_printf ("VITASK · %s", name);

  draw_text (c, left, c->deck->languages[0], c->height * 0.022, FALSE,
             m, top, c->width * 0.7 - m, h, 0, 0.5, &c->style->secondary);
  draw_text (c, counter, c->deck->languages[0], c->height * 0.022, FALSE,
             c->width * 0.7, top, c->width * 0.3 - m, h, 1, 0.5, &c->style->secondary);
}

/* @format with its conversions numbered (%d → %1$d), so that two
 * translations joined into one format take the same arguments. */
static char *
positional (const char *format)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *q = p + 1;

      g_string_append_c (out, *p);
      if (*p != '%')
        continue;
      if (p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
          continue;
        }
      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '$' && q > p + 1)
        continue;
      g_string_append_printf (out, "%u$", ++n);
    }
  return g_string_free (out, FALSE);
}

/* The charts' own words (legends, notes) in both languages. */
static const char *
translate_both (const char *context,
                const char *msgid,
                gpointer    user_data)
{
  VtSlideDeck *deck = user_data;
  const char *a = vt_bilingual_pgettext (deck->languages[0], context, msgid);
  const char *b = vt_bilingual_pgettext (deck->languages[1], context, msgid);
  g_autofree char *joined = NULL;

  if (g_str_equal (a, b))
    return a;
  if (strchr (msgid, '%') != NULL)
    {
      g_autofree char *pa = positional (a);
      g_autofree char *pb = positional (b);

      joined = g_strconcat (pa, " · ", pb, NULL);
    }
  else
    joined = g_strconcat (a, " · ", b, NULL);
  /* A few strings per deck, kept for the process's life. */
  return g_intern_string (joined);
}

/* A chart's own style at the slide's size: its text scales with the
 * chart (vt-chart-canvas.c), so the base size is chosen for the text to
 * come out at @text times the slide's height. */
static VtChartStyle *
chart_style (Canvas *c,
             double  width,
             double  height,
             double  text)
{
  VtChartStyle *style = vt_chart_style_copy (c->style);
  double scale = CLAMP (MIN (width / 720.0, height / 440.0), 1.0, 3.0);

  pango_font_description_set_absolute_size (style->font, c->height * text / scale * PANGO_SCALE);
  style->translate = translate_both;
  style->translate_data = c->deck;
  return style;
}

static void
draw_chart (Canvas  *c,
            VtChart *chart,
            double   x,
            double   y,
            double   width,
            double   height,
            double   text)
{
  g_autoptr(VtChartStyle) style = chart_style (c, width, height, text);

  cairo_save (c->cr);
  cairo_translate (c->cr, x, y);
  cairo_rectangle (c->cr, 0, 0, width, height);
  cairo_clip (c->cr);
  vt_chart_draw (chart, c->cr, width, height, style, NULL);
  cairo_restore (c->cr);
}

static int
target_of (const VtRound *round,
           VtStage        stage)
{
  return round->targets[stage] >= 0 ? round->targets[stage] : -1;
}

static VtChart *
funnel_chart (Canvas *c)
{
  const VtRoundStats *stats = c->deck->stats;
  VtChartFunnel *f = vt_chart_funnel_new (NULL, NULL);

  for (VtStage s = VT_STAGE_RECEIVED; s <= VT_STAGE_CONNECTED_TO_BUYER; s++)
    {
      g_autofree char *label = NULL;

      if (s > VT_STAGE_SELECTED && stats->reached[s] == 0 && target_of (stats->round, s) < 0)
        continue;
      label = both (c, vt_stage_get_msgid (s), "\n");
      vt_chart_funnel_add_stage (f, label, (int) stats->reached[s], target_of (stats->round, s));
    }
  return vt_chart_funnel_wrap (f);
}

typedef struct
{
  char *label;
  int   count;
  int   selected;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *t = data;

  g_free (t->label);
  g_free (t);
}

static VtChart *
distribution_chart (Canvas   *c,
                    gboolean  by_province)
{
  const VtRoundStats *stats = c->deck->stats;
  g_autofree char *dossiers = both (c, N_("Dossiers"), " · ");
  g_autofree char *selected = both (c, N_("Selected"), " · ");
  VtChartDistribution *d = vt_chart_distribution_new (NULL, NULL, dossiers, selected);
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tally_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);
      g_autofree char *label = NULL;
      Tally *t;

      if (by_province)
        label = s->province_code != NULL
                ? both_names (vt_round_supplier_get_province (s, c->deck->languages[0]),
                              vt_round_supplier_get_province (s, c->deck->languages[1]), "\n")
                : both (c, N_("Province not given"), "\n");
      else
        label = both (c, vt_sector_get_msgid (s->sector), "\n");

      t = g_hash_table_lookup (tallies, label);
      if (t == NULL)
        {
          t = g_new0 (Tally, 1);
          t->label = g_steal_pointer (&label);
          g_hash_table_insert (tallies, t->label, t);
          g_ptr_array_add (order, t);
        }
      t->count++;
      if (vt_round_supplier_is_selected (s))
        t->selected++;
    }
  for (guint i = 0; i < order->len; i++)
    {
      const Tally *t = g_ptr_array_index (order, i);

      vt_chart_distribution_add (d, t->label, t->count, t->selected);
    }
  vt_chart_distribution_sort (d);
  return vt_chart_distribution_wrap (d);
}

static int
selection_cut (const VtRoundStats *stats)
{
  int target = target_of (stats->round, VT_STAGE_SELECTED);

  return target > 0 ? target : (int) stats->reached[VT_STAGE_SELECTED];
}

static VtChart *
ranking_chart (Canvas *c)
{
  const VtRoundStats *stats = c->deck->stats;
  VtChartRanking *r = vt_chart_ranking_new (NULL, NULL);
  g_autoptr(GPtrArray) list = vt_round_chart_assessed (stats);

  if (stats->criteria != NULL)
    {
      r->ready_at = stats->criteria->ready_min;
      r->conditional_at = stats->criteria->conditional_min;
    }
  r->cut = selection_cut (stats);
  /* The finalists and the few just below the cut: a room reads twenty
   * names, not a hundred. */
  for (guint i = 0; i < list->len && (int) i < MAX (r->cut, 12) + 4; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (list, i);

      vt_chart_ranking_add (r, vt_round_chart_supplier_name (s, c->deck->languages[0]), s->latest->readiness,
                            vt_chart_band_from_readiness (s->band));
    }
  return vt_chart_ranking_wrap (r);
}

static const char *
band_msgid (VtReadinessBand band)
{
  switch (band)
    {
    case VT_READINESS_BAND_READY:
      return NC_("readiness band", "Ready");
    case VT_READINESS_BAND_CONDITIONAL:
      return NC_("readiness band", "Conditionally ready");
    case VT_READINESS_BAND_NOT_READY:
      return NC_("readiness band", "Not ready");
    case VT_READINESS_BAND_NONE:
    default:
      return NC_("readiness band", "Not assessed");
    }
}

static const VtChartColor *
band_color (Canvas          *c,
            VtReadinessBand  band)
{
  switch (band)
    {
    case VT_READINESS_BAND_READY:
      return &c->style->ready;
    case VT_READINESS_BAND_CONDITIONAL:
      return &c->style->conditional;
    case VT_READINESS_BAND_NOT_READY:
      return &c->style->not_ready;
    case VT_READINESS_BAND_NONE:
    default:
      return &c->style->grid;
    }
}

/* Ink that reads on @fill. */
static VtChartColor
ink_on (const VtChartColor *fill)
{
  double luma = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;
  VtChartColor ink = { 0, 0, 0, 1 };

  if (luma < 0.5)
    ink.red = ink.green = ink.blue = 1;
  return ink;
}

/* A rounded badge with the band's name in both languages. */
static void
draw_band (Canvas          *c,
           VtReadinessBand  band,
           double           x,
           double           y,
           double           width,
           double           height)
{
  const char *msgid = band_msgid (band);
  const VtChartColor *fill = band_color (c, band);
  VtChartColor ink = ink_on (fill);
  double r = height * 0.2, pad = height * 0.12;
  const char *a = vt_bilingual_pgettext (c->deck->languages[0], "readiness band", msgid);
  const char *b = vt_bilingual_pgettext (c->deck->languages[1], "readiness band", msgid);

  cairo_new_sub_path (c->cr);
  cairo_arc (c->cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (c->cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (c->cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (c->cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (c->cr);
  set_color (c->cr, fill);
  cairo_fill (c->cr);

  draw_text (c, a, c->deck->languages[0], height * 0.32, TRUE,
             x + pad, y + pad * 0.5, width - 2 * pad, height * 0.5 - pad * 0.5, 0.5, 1, &ink);
  if (!g_str_equal (a, b))
    draw_text (c, b, c->deck->languages[1], height * 0.24, FALSE,
               x + pad, y + height * 0.5, width - 2 * pad, height * 0.5 - pad * 0.5, 0.5, 0, &ink);
}

/* With the scores hidden the ranking is a list: places, names and bands,
 * no indices. */
static void
draw_ranking_list (Canvas *c,
                   double  x,
                   double  y,
                   double  width,
                   double  height)
{
  g_autoptr(GPtrArray) list = vt_round_chart_assessed (c->deck->stats);
  guint columns = list->len > 8 ? 2 : 1;
  guint rows = MAX (1, (list->len + columns - 1) / columns);
  double row_h = MIN (height / rows, c->height * 0.09);
  double col_w = width / columns;

  for (guint i = 0; i < list->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (list, i);
      double cx = x + (i / rows) * col_w, cy = y + (i % rows) * row_h;
      g_autofree char *place = vt_format_integer (c->deck->languages[0], i + 1);
      g_autofree char *name = both_names (vt_round_chart_supplier_name (s, c->deck->languages[0]),
                                          vt_round_chart_supplier_name (s, c->deck->languages[1]), " · ");
      double band_w = col_w * 0.3;

      draw_text (c, place, NULL, row_h * 0.42, TRUE, cx, cy, row_h, row_h * 0.9, 1, 0.5,
                 (int) i < selection_cut (c->deck->stats) ? &c->style->accent : &c->style->secondary);
      draw_text (c, name, c->deck->languages[0], row_h * 0.36, FALSE,
                 cx + row_h * 1.3, cy, col_w - row_h * 1.3 - band_w - row_h * 0.5, row_h * 0.9, 0, 0.5,
                 &c->style->foreground);
      draw_band (c, s->band, cx + col_w - band_w - row_h * 0.3, cy + row_h * 0.08, band_w, row_h * 0.78);
    }
}

static VtChart *
radar_chart (Canvas                *c,
             const VtRoundSupplier *s)
{
  const VtRoundStats *stats = c->deck->stats;
  VtChartRadar *r = vt_chart_radar_new (NULL, NULL, 5);
  double *median;

  if (stats->criteria == NULL)
    return vt_chart_radar_wrap (r);
  for (guint j = 0; j < stats->criteria->criteria->len; j++)
    {
      const VtCriterion *criterion = g_ptr_array_index (stats->criteria->criteria, j);
      /* Numbers: the names in two languages are listed beside the radar. */
      g_autofree char *axis = vt_format_integer (c->deck->languages[0], j + 1);

      /* In the criterion's own points, as the app's radar draws it. */
      vt_chart_radar_add_scaled_axis (r, axis, vt_criterion_get_max_points (criterion));
    }
  if (!c->deck->hide_sensitive && s->latest != NULL)
    {
      g_autofree char *label = both_names (vt_round_chart_supplier_name (s, c->deck->languages[0]),
                                           vt_round_chart_supplier_name (s, c->deck->languages[1]), " · ");

      vt_round_chart_fill_scores (vt_chart_radar_add_series (r, label, FALSE), stats->criteria, s->latest);
    }
  {
    g_autofree char *label = both (c, N_("Round median"), " · ");

    median = vt_chart_radar_add_series (r, label, TRUE);
  }
  for (guint j = 0; j < stats->criteria->criteria->len; j++)
    {
      const VtCriterion *criterion = g_ptr_array_index (stats->criteria->criteria, j);

      median[j] = vt_round_chart_level_to_points (criterion, vt_round_stats_median_score (stats, criterion->id));
    }
  return vt_chart_radar_wrap (r);
}

/* The criteria the radar's numbers stand for, in both languages. */
static void
draw_criteria_key (Canvas *c,
                   double  x,
                   double  y,
                   double  width,
                   double  height)
{
  const VtCriterionSet *set = c->deck->stats->criteria;
  double row_h, number_w;

  if (set == NULL || set->criteria->len == 0)
    return;
  row_h = MIN (height / set->criteria->len, c->height * 0.075);
  number_w = row_h * 0.9;
  for (guint j = 0; j < set->criteria->len; j++)
    {
      const VtCriterion *criterion = g_ptr_array_index (set->criteria, j);
      const char *a = vt_criterion_get_name (criterion, c->deck->languages[0]);
      const char *b = vt_criterion_get_name (criterion, c->deck->languages[1]);
      g_autofree char *number = vt_format_integer (c->deck->languages[0], j + 1);
      double cy = y + j * row_h;

      draw_text (c, number, NULL, row_h * 0.42, TRUE, x, cy, number_w * 0.8, row_h * 0.55, 1, 0,
                 &c->style->accent);
      draw_text (c, a, c->deck->languages[0], row_h * 0.4, FALSE,
                 x + number_w, cy, width - number_w, row_h * 0.55, 0, 0, &c->style->foreground);
      if (g_strcmp0 (a, b) != 0)
        draw_text (c, b, c->deck->languages[1], row_h * 0.32, FALSE,
                   x + number_w, cy + row_h * 0.52, width - number_w, row_h * 0.46, 0, 0,
                   &c->style->secondary);
    }
}

static void
draw_finalist (Canvas      *c,
               const Slide *slide,
               double       top)
{
  const VtRoundSupplier *s = slide->finalist;
  double m = margin (c), bottom = footer_top (c) - c->height * 0.02, gap = c->width * 0.02;
  double chart_w = c->width * 0.34, key_w = c->width * 0.29;
  double panel_w = c->width - 2 * m - chart_w - key_w - 2 * gap;
  double kx = m + chart_w + gap, px = kx + key_w + gap, y = top, line = c->height * 0.045;
  g_autoptr(VtChart) radar = radar_chart (c, s);
  g_autofree char *place = NULL;
  g_autofree char *sector = both (c, vt_sector_get_msgid (s->sector), "\n");
  g_autofree char *province = s->province_code != NULL
                              ? both_names (vt_round_supplier_get_province (s, c->deck->languages[0]),
                                            vt_round_supplier_get_province (s, c->deck->languages[1]), "\n")
                              : both (c, N_("Province not given"), "\n");
  const char *name_a = vt_round_supplier_get_name (s, c->deck->languages[0]);
  const char *name_b = vt_round_supplier_get_name (s, c->deck->languages[1]);

  draw_chart (c, radar, m, top, chart_w, bottom - top, 1 / 32.0);
  draw_criteria_key (c, kx, top, key_w, bottom - top);

  {
    g_autofree char *n = vt_format_integer (c->deck->languages[0], slide->number);
    g_autofree char *total = vt_format_integer (c->deck->languages[0], c->deck->finalists->len);

    place = g_strdup_printf ("%s / %s", n, total);
  }
  y += draw_text (c, place, NULL, line * 0.6, FALSE, px, y, panel_w, line * 0.8, 0, 0, &c->style->secondary);
  y += draw_bilingual (c, name_a, name_b, line * 0.85, px, y, panel_w, line * 3.6, 0) + line * 0.4;
  y += draw_text (c, sector, c->deck->languages[0], line * 0.55, FALSE, px, y, panel_w, line * 1.6, 0, 0,
                  &c->style->foreground) + line * 0.3;
  y += draw_text (c, province, c->deck->languages[0], line * 0.55, FALSE, px, y, panel_w, line * 1.6, 0, 0,
                  &c->style->foreground) + line * 0.5;

  draw_band (c, s->band, px, y, panel_w, line * 1.9);
  y += line * 2.3;

  if (!c->deck->hide_sensitive && s->latest != NULL)
    {
      g_autofree char *label = both (c, N_("Readiness index"), "\n");
      g_autofree char *value = vt_format_decimal (c->deck->languages[0], s->latest->readiness, 1);

      y += draw_text (c, label, c->deck->languages[0], line * 0.5, FALSE, px, y, panel_w, line * 1.5, 0, 0,
                      &c->style->secondary);
      draw_text (c, value, NULL, line * 1.4, TRUE, px, y, panel_w, MAX (0, bottom - y), 0, 0,
                 &c->style->foreground);
    }
}

static VtChart *
timeline_chart (Canvas *c)
{
  const VtRoundStats *stats = c->deck->stats;
  VtChartTimeline *t = vt_chart_timeline_new (NULL, NULL);

  for (VtVisitKind k = VT_VISIT_KIND_FIRST; k <= VT_VISIT_KIND_TECHNICAL_ASSISTANCE; k++)
    {
      g_autofree char *kind = both (c, vt_visit_kind_get_msgid (k), " · ");

      vt_chart_timeline_add_kind (t, kind);
    }
  for (guint i = 0; i < stats->visit_months->len; i++)
    {
      const VtVisitMonth *month = &g_array_index (stats->visit_months, VtVisitMonth, i);

      if (month->kind <= VT_VISIT_KIND_TECHNICAL_ASSISTANCE)
        vt_chart_timeline_add (t, month->year, month->month, month->kind, (int) month->count);
    }
  return vt_chart_timeline_wrap (t);
}

static char *
round_dates (const VtRound *round,
             const char    *language)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!g_date_valid (&round->starts_on))
    return NULL;
  from = g_date_time_new_utc (g_date_get_year (&round->starts_on), g_date_get_month (&round->starts_on),
                              g_date_get_day (&round->starts_on), 0, 0, 0);
  a = vt_format_date (language, from, VT_DATE_FORMAT_MEDIUM);
  if (!g_date_valid (&round->ends_on))
    return g_steal_pointer (&a);
  to = g_date_time_new_utc (g_date_get_year (&round->ends_on), g_date_get_month (&round->ends_on),
                            g_date_get_day (&round->ends_on), 0, 0, 0);
  b = vt_format_date (language, to, VT_DATE_FORMAT_MEDIUM);
  return g_strdup_printf ("%s – %s", a, b);
}

static void
draw_title_slide (Canvas *c)
{
  const VtRoundStats *stats = c->deck->stats;
  double m = margin (c) * 2, w = c->width - 2 * m, y = c->height * 0.2;
  g_autofree char *dates_a = round_dates (stats->round, c->deck->languages[0]);
  g_autofree char *dates_b = round_dates (stats->round, c->deck->languages[1]);
  const char *dossiers[2];

  set_color (c->cr, &c->style->accent);
  cairo_rectangle (c->cr, m, y - c->height * 0.04, c->height * 0.16, c->height * 0.01);
  cairo_fill (c->cr);

  y += draw_text (c, stats->round->name, c->deck->languages[0], c->height * 0.085, TRUE,
                  m, y, w, c->height * 0.22, 0, 0, &c->style->foreground) + c->height * 0.03;
  y += draw_bilingual (c, tr (c, 0, titles[VT_SLIDE_TITLE]), tr (c, 1, titles[VT_SLIDE_TITLE]),
                       c->height * 0.05, m, y, w, c->height * 0.15, 0) + c->height * 0.04;
  if (dates_a != NULL)
    y += draw_bilingual (c, dates_a, dates_b, c->height * 0.04, m, y, w, c->height * 0.11, 0) + c->height * 0.03;

  for (guint i = 0; i < 2; i++)
    dossiers[i] = vt_bilingual_ngettext (c->deck->languages[i], "%s dossier", "%s dossiers",
                                         stats->reached[VT_STAGE_RECEIVED]);
  {
    g_autofree char *n_a = vt_format_integer (c->deck->languages[0], stats->reached[VT_STAGE_RECEIVED]);
    g_autofree char *n_b = vt_format_integer (c->deck->languages[1], stats->reached[VT_STAGE_RECEIVED]);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    /* The format comes from our catalogue, which msgfmt checked. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    a = g_strdup_printf (dossiers[0], n_a);
    b = g_strdup_printf (dossiers[1], n_b);
#pragma GCC diagnostic pop
    draw_bilingual (c, a, b, c->height * 0.04, m, y, w, MAX (0, footer_top (c) - y), 0);
  }
}

static void
draw_closing_slide (Canvas *c)
{
  double m = margin (c) * 2, w = c->width - 2 * m;
  const char *a = tr (c, 0, titles[VT_SLIDE_CLOSING]), *b = tr (c, 1, titles[VT_SLIDE_CLOSING]);

  draw_text (c, a, c->deck->languages[0], c->height * 0.11, TRUE,
             m, c->height * 0.22, w, c->height * 0.2, 0.5, 1, &c->style->foreground);
  if (!g_str_equal (a, b))
    draw_text (c, b, c->deck->languages[1], c->height * 0.075, FALSE,
               m, c->height * 0.44, w, c->height * 0.14, 0.5, 0, &c->style->secondary);
  set_color (c->cr, &c->style->accent);
  cairo_rectangle (c->cr, c->width / 2 - c->height * 0.08, c->height * 0.64, c->height * 0.16, c->height * 0.01);
  cairo_fill (c->cr);
  draw_text (c, "VITASK", NULL, c->height * 0.05, TRUE,
             m, c->height * 0.68, w, c->height * 0.09, 0.5, 0, &c->style->foreground);
}

/* The deck ------------------------------------------------------------------ */

static void
build (VtSlideDeck *deck)
{
  g_autoptr(GPtrArray) list = vt_round_chart_assessed (deck->stats);
  int cut = selection_cut (deck->stats);
  Slide slide = { 0, };

  g_array_set_size (deck->slides, 0);
  g_ptr_array_set_size (deck->finalists, 0);

  /* The finalists are the selected suppliers with an assessment; before
   * anyone is selected, the best of the ranking down to the cut. */
  for (guint i = 0; i < list->len; i++)
    if (vt_round_supplier_is_selected (g_ptr_array_index (list, i)))
      g_ptr_array_add (deck->finalists, g_ptr_array_index (list, i));
  for (guint i = 0; deck->finalists->len == 0 && cut > 0 && i < list->len && (int) i < cut; i++)
    g_ptr_array_add (deck->finalists, g_ptr_array_index (list, i));

  for (VtSlideKind kind = VT_SLIDE_TITLE; kind <= VT_SLIDE_CLOSING; kind++)
    {
      slide.kind = kind;
      if (kind == VT_SLIDE_FINALIST)
        {
          for (guint i = 0; i < deck->finalists->len; i++)
            {
              slide.finalist = g_ptr_array_index (deck->finalists, i);
              slide.number = i + 1;
              g_array_append_val (deck->slides, slide);
            }
          slide.finalist = NULL;
          slide.number = 0;
          continue;
        }
      g_array_append_val (deck->slides, slide);
    }
}

/**
 * vt_slide_deck_new:
 * @stats: the round's numbers, as vt_round_stats_load() read them
 * @primary: the language of the large lines: "ko", "vi" or "en"
 * @secondary: the language of the small lines
 *
 * Returns: (transfer full): the round's slides
 */
VtSlideDeck *
vt_slide_deck_new (VtRoundStats *stats,
                   const char   *primary,
                   const char   *secondary)
{
  VtSlideDeck *deck;

  g_return_val_if_fail (stats != NULL && stats->round != NULL, NULL);

  deck = g_new0 (VtSlideDeck, 1);
  deck->stats = vt_round_stats_ref (stats);
  deck->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
  deck->finalists = g_ptr_array_new ();
  vt_slide_deck_set_languages (deck, primary, secondary);
  build (deck);
  return deck;
}

void
vt_slide_deck_free (VtSlideDeck *deck)
{
  if (deck == NULL)
    return;
  g_clear_pointer (&deck->stats, vt_round_stats_unref);
  g_clear_pointer (&deck->slides, g_array_unref);
  g_clear_pointer (&deck->finalists, g_ptr_array_unref);
  g_free (deck->languages[0]);
  g_free (deck->languages[1]);
  g_free (deck);
}

void
vt_slide_deck_set_languages (VtSlideDeck *deck,
                             const char  *primary,
                             const char  *secondary)
{
  g_return_if_fail (deck != NULL);

  g_free (deck->languages[0]);
  g_free (deck->languages[1]);
  deck->languages[0] = g_strdup (primary != NULL ? primary : "ko");
  deck->languages[1] = g_strdup (secondary != NULL ? secondary : "vi");
}

/**
 * vt_slide_deck_get_language:
 * @which: 0 for the primary language, 1 for the secondary
 */
const char *
vt_slide_deck_get_language (VtSlideDeck *deck,
                            guint        which)
{
  g_return_val_if_fail (deck != NULL && which < 2, NULL);
  return deck->languages[which];
}

/**
 * vt_slide_deck_set_hide_sensitive:
 * @hide: whether to leave out the individual scores: the ranking's
 *   indices, the finalists' radar series and readiness indices
 *
 * The slides never show contacts or revenue; the bands, the counts and the
 * round's medians stay.
 */
void
vt_slide_deck_set_hide_sensitive (VtSlideDeck *deck,
                                  gboolean     hide)
{
  g_return_if_fail (deck != NULL);
  deck->hide_sensitive = !!hide;
}

gboolean
vt_slide_deck_get_hide_sensitive (VtSlideDeck *deck)
{
  g_return_val_if_fail (deck != NULL, FALSE);
  return deck->hide_sensitive;
}

guint
vt_slide_deck_get_n_slides (VtSlideDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return deck->slides->len;
}

VtSlideKind
vt_slide_deck_get_kind (VtSlideDeck *deck,
                        guint        index)
{
  g_return_val_if_fail (deck != NULL && index < deck->slides->len, VT_SLIDE_TITLE);
  return g_array_index (deck->slides, Slide, index).kind;
}

/**
 * vt_slide_deck_get_title:
 * @language: "ko", "vi" or "en"
 *
 * Returns: (transfer full): the slide's heading in @language, as drawn:
 *   for the screen reader, the window title and tests
 */
char *
vt_slide_deck_get_title (VtSlideDeck *deck,
                         guint        index,
                         const char  *language)
{
  g_return_val_if_fail (deck != NULL && index < deck->slides->len, NULL);
  return g_strdup (vt_bilingual_gettext (language, titles[g_array_index (deck->slides, Slide, index).kind]));
}

/**
 * vt_slide_deck_draw:
 * @index: which slide
 * @width: @height: the slide's size, in the units of @cr (pixels or points)
 * @style: the colours and font family; the sizes come from @height
 *
 * Returns: how many texts did not fit their box even in smaller type and
 *   were cut: 0 on a good slide
 */
guint
vt_slide_deck_draw (VtSlideDeck        *deck,
                    guint               index,
                    cairo_t            *cr,
                    double              width,
                    double              height,
                    const VtChartStyle *style)
{
  Canvas c = { deck, cr, NULL, width, height, style, 0 };
  const Slide *slide;
  double top, bottom, m;

  g_return_val_if_fail (deck != NULL && index < deck->slides->len, 0);
  g_return_val_if_fail (cr != NULL && style != NULL, 0);

  slide = &g_array_index (deck->slides, Slide, index);
  cairo_save (cr);
  c.pango = pango_cairo_create_context (cr);
  draw_background (&c);
  m = margin (&c);

  if (slide->kind == VT_SLIDE_TITLE)
    draw_title_slide (&c);
  else if (slide->kind == VT_SLIDE_CLOSING)
    draw_closing_slide (&c);
  else
    {
      g_autoptr(VtChart) chart = NULL;
      const char *title = titles[slide->kind];

      top = draw_header (&c, tr (&c, 0, title), tr (&c, 1, title));
      bottom = footer_top (&c) - height * 0.02;
      switch (slide->kind)
        {
        case VT_SLIDE_FUNNEL:
          chart = funnel_chart (&c);
          break;
        case VT_SLIDE_SECTORS:
        case VT_SLIDE_PROVINCES:
          chart = distribution_chart (&c, slide->kind == VT_SLIDE_PROVINCES);
          break;
        case VT_SLIDE_RANKING:
          if (deck->hide_sensitive)
            draw_ranking_list (&c, m, top, width - 2 * m, bottom - top);
          else
            chart = ranking_chart (&c);
          break;
        case VT_SLIDE_FINALIST:
          draw_finalist (&c, slide, top);
          break;
        case VT_SLIDE_TIMELINE:
          chart = timeline_chart (&c);
          break;
        case VT_SLIDE_TITLE:
        case VT_SLIDE_CLOSING:
        default:
          g_assert_not_reached ();
        }
      if (chart != NULL)
        draw_chart (&c, chart, m, top, width - 2 * m, bottom - top,
                    slide->kind == VT_SLIDE_RANKING ? 1 / 42.0 : 1 / 34.0);
    }

  if (slide->kind != VT_SLIDE_TITLE)
    draw_footer (&c, index);

  g_clear_object (&c.pango);
  cairo_restore (cr);
  return c.overflows;
}

/**
 * vt_slide_deck_style_new:
 * @paper: light colours for a printed handout rather than the dark ones
 *   of a room with a projector
 *
 * Returns: (transfer full): the style slides are drawn with
 */
VtChartStyle *
vt_slide_deck_style_new (gboolean paper)
{
  VtChartStyle *style = vt_chart_style_new (!paper, FALSE);

  vt_chart_style_set_font (style, "Sans 12");
  return style;
}

/**
 * vt_slide_deck_write_pdf:
 * @file: where to write the handout; replaced only once it is complete
 *
 * Writes one slide per 16:9 page, in the light style.
 *
 * Returns: whether the handout was written
 */
gboolean
vt_slide_deck_write_pdf (VtSlideDeck  *deck,
                         GFile        *file,
                         GError      **error)
{
  g_autoptr(VtChartStyle) style = vt_slide_deck_style_new (TRUE);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *partial = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (deck != NULL, FALSE);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("A handout can only be written to a local file."));
      return FALSE;
    }

  partial = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, HANDOUT_WIDTH, HANDOUT_HEIGHT);
  title = g_strdup_printf ("%s · %s", deck->stats->round->name,
                           vt_bilingual_gettext (deck->languages[0], titles[VT_SLIDE_TITLE]));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      vt_slide_deck_draw (deck, i, cr, HANDOUT_WIDTH, HANDOUT_HEIGHT, style);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The handout could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The handout could not be written: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  VtSlideDeck *deck = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "vt-file");
  GError *error = NULL;

  if (vt_slide_deck_write_pdf (deck, file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vt_slide_deck_write_pdf_async:
 * @file: where to write the handout
 *
 * Writes the handout in a worker thread, from a deck of its own with
 * @deck's languages and hidden fields as they are now: @deck may change
 * or go meanwhile.
 */
void
vt_slide_deck_write_pdf_async (VtSlideDeck         *deck,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VtSlideDeck *copy;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (G_IS_FILE (file));

  copy = vt_slide_deck_new (deck->stats, deck->languages[0], deck->languages[1]);
  vt_slide_deck_set_hide_sensitive (copy, deck->hide_sensitive);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vt_slide_deck_write_pdf_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) vt_slide_deck_free);
  g_object_set_data_full (G_OBJECT (task), "vt-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
vt_slide_deck_write_pdf_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
