/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-charts.c: chart data from the store's round and supplier stats. */

#define G_LOG_DOMAIN "vt-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vt-assessment.h"
#include "vt-charts.h"
#include "vt-criteria.h"
#include "vt-enums.h"
#include "vt-format.h"
#include "vt-round-charts.h"
#include "vt-round.h"
#include "vt-supplier.h"

static const char * const chart_ids[] = {
  "funnel", "ranking", "heatmap", "provinces", "sectors", "timeline",
};

G_STATIC_ASSERT (G_N_ELEMENTS (chart_ids) == VT_N_ROUND_CHARTS);

const char *
vt_round_chart_to_string (VtRoundChart chart)
{
  g_return_val_if_fail (chart < VT_N_ROUND_CHARTS, NULL);
  return chart_ids[chart];
}

gboolean
vt_round_chart_from_string (const char   *id,
                            VtRoundChart *chart)
{
  for (guint i = 0; i < VT_N_ROUND_CHARTS; i++)
    if (g_strcmp0 (id, chart_ids[i]) == 0)
      {
        *chart = i;
        return TRUE;
      }
  return FALSE;
}

/* "ko", "vi" or "en": the language the interface is translated to, for
 * names stored in several languages. */
const char *
vt_chart_language (void)
{
  return vt_format_get_language ();
}

VtChartBand
vt_chart_band_from_readiness (VtReadinessBand band)
{
  switch (band)
    {
    case VT_READINESS_BAND_NOT_READY:
      return VT_CHART_BAND_NOT_READY;
    case VT_READINESS_BAND_CONDITIONAL:
      return VT_CHART_BAND_CONDITIONAL;
    case VT_READINESS_BAND_READY:
      return VT_CHART_BAND_READY;
    case VT_READINESS_BAND_NONE:
    default:
      return VT_CHART_BAND_NONE;
    }
}

static int
target_of (const VtRound *round,
           VtStage        stage)
{
  return round->targets[stage] >= 0 ? round->targets[stage] : -1;
}

/* The name a chart shows: without the legal form that most Vietnamese
 * company names start with ("Công ty TNHH …", "Công ty Cổ phần …"), which
 * would otherwise fill the room and hide what tells them apart. */
const char *
vt_round_chart_supplier_name (const VtRoundSupplier *supplier,
                              const char            *language)
{
  static const char * const forms[] = {
    "Công ty TNHH MTV ", "Công ty TNHH ", "Công ty Cổ phần ", "Công ty CP ", "CÔNG TY TNHH ", "CÔNG TY CỔ PHẦN ",
  };
  const char *name = vt_round_supplier_get_name (supplier, language);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_has_prefix (name, forms[i]) && name[strlen (forms[i])] != '\0')
      return name + strlen (forms[i]);
  return name;
}

static VtChart *
funnel (const VtRoundStats *stats)
{
  VtChartFunnel *f = vt_chart_funnel_new (_("Pipeline"), stats->round->name);

  for (VtStage s = VT_STAGE_RECEIVED; s <= VT_STAGE_CONNECTED_TO_BUYER; s++)
    {
      /* The stages after the selection show once someone reaches them. */
      if (s > VT_STAGE_SELECTED && stats->reached[s] == 0 && target_of (stats->round, s) < 0)
        continue;
      vt_chart_funnel_add_stage (f, vt_stage_get_display_name (s), (int) stats->reached[s],
                                 target_of (stats->round, s));
    }
  return vt_chart_funnel_wrap (f);
}

static int
compare_by_index (gconstpointer a,
                  gconstpointer b)
{
  const VtRoundSupplier *x = *(VtRoundSupplier * const *) a;
  const VtRoundSupplier *y = *(VtRoundSupplier * const *) b;
  double ix = x->latest ? x->latest->readiness : -1, iy = y->latest ? y->latest->readiness : -1;

  if (ix != iy)
    return ix > iy ? -1 : 1;
  return g_strcmp0 (x->uuid, y->uuid);
}

/**
 * vt_round_chart_assessed:
 *
 * Returns: (transfer container) (element-type VtRoundSupplier): the
 *   suppliers of the round with a readiness index, best first
 */
GPtrArray *
vt_round_chart_assessed (const VtRoundStats *stats)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);

      if (s->latest != NULL && s->latest->readiness >= 0)
        g_ptr_array_add (list, s);
    }
  g_ptr_array_sort (list, compare_by_index);
  return list;
}

static VtChart *
ranking (const VtRoundStats *stats,
         const char         *language)
{
  VtChartRanking *r = vt_chart_ranking_new (_("Readiness ranking"), stats->round->name);
  g_autoptr(GPtrArray) list = vt_round_chart_assessed (stats);
  int target = target_of (stats->round, VT_STAGE_SELECTED);

  /* The band lines are the rules of the set most suppliers were assessed
   * with. */
  if (stats->criteria != NULL)
    {
      r->ready_at = stats->criteria->ready_min;
      r->conditional_at = stats->criteria->conditional_min;
    }
  r->cut = target > 0 ? target : (int) stats->reached[VT_STAGE_SELECTED];
  for (guint i = 0; i < list->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (list, i);

      vt_chart_ranking_add (r, vt_round_chart_supplier_name (s, language), s->latest->readiness,
                            vt_chart_band_from_readiness (s->band));
    }
  return vt_chart_ranking_wrap (r);
}

static VtChart *
heatmap (const VtRoundStats *stats,
         const char         *language)
{
  VtChartHeatmap *h = vt_chart_heatmap_new (_("Scores by criterion"), stats->round->name, 5);
  g_autoptr(GPtrArray) list = vt_round_chart_assessed (stats);

  if (stats->criteria == NULL)
    return vt_chart_heatmap_wrap (h);
  /* Each criterion is coloured on its own scale: an audit-style 8 of 10
   * is as good as a 4 of 5. */
  for (guint j = 0; j < stats->criteria->criteria->len; j++)
    {
      const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);

      vt_chart_heatmap_add_scaled_column (h, vt_criterion_get_name (c, language),
                                          vt_criterion_get_max_points (c));
    }
  for (guint i = 0; i < list->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (list, i);
      int *scores = vt_chart_heatmap_add_row (h, vt_round_chart_supplier_name (s, language));

      for (guint j = 0; j < stats->criteria->criteria->len; j++)
        {
          const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);

          int level = vt_round_supplier_get_score (s, c->id);

          scores[j] = level >= 0 ? vt_criterion_get_points (c, level) : -1;
        }
    }
  return vt_chart_heatmap_wrap (h);
}

typedef struct
{
  int count;
  int selected;
} Tally;

static VtChart *
distribution (const VtRoundStats *stats,
              gboolean            by_province,
              const char         *language)
{
  VtChartDistribution *d = vt_chart_distribution_new (by_province ? _("Suppliers by province") : _("Suppliers by sector"),
                                                      stats->round->name, _("Dossiers"), _("Selected"));
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      const VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);
      const char *label;
      Tally *t;

      if (by_province)
        {
          label = vt_round_supplier_get_province (s, language);
          if (label == NULL)
            label = _("Province not given");
        }
      else
        label = vt_sector_get_display_name (s->sector);
      t = g_hash_table_lookup (tallies, label);
      if (t == NULL)
        {
          char *key = g_strdup (label);

          t = g_new0 (Tally, 1);
          g_hash_table_insert (tallies, key, t);
          g_ptr_array_add (order, key);
        }
      t->count++;
      if (vt_round_supplier_is_selected (s))
        t->selected++;
    }
  for (guint i = 0; i < order->len; i++)
    {
      const Tally *t = g_hash_table_lookup (tallies, g_ptr_array_index (order, i));

      vt_chart_distribution_add (d, g_ptr_array_index (order, i), t->count, t->selected);
    }
  vt_chart_distribution_sort (d);
  return vt_chart_distribution_wrap (d);
}

static VtChart *
timeline (const VtRoundStats *stats)
{
  VtChartTimeline *t = vt_chart_timeline_new (_("Visits per month"), stats->round->name);

  for (VtVisitKind k = VT_VISIT_KIND_FIRST; k <= VT_VISIT_KIND_TECHNICAL_ASSISTANCE; k++)
    vt_chart_timeline_add_kind (t, vt_visit_kind_get_display_name (k));
  for (guint i = 0; i < stats->visit_months->len; i++)
    {
      const VtVisitMonth *m = &g_array_index (stats->visit_months, VtVisitMonth, i);

      if (m->kind <= VT_VISIT_KIND_TECHNICAL_ASSISTANCE)
        vt_chart_timeline_add (t, m->year, m->month, m->kind, (int) m->count);
    }
  return vt_chart_timeline_wrap (t);
}

VtChart *
vt_round_chart_new (const VtRoundStats *stats,
                    VtRoundChart        chart,
                    const char         *language)
{
  g_return_val_if_fail (stats != NULL, NULL);

  switch (chart)
    {
    case VT_ROUND_CHART_FUNNEL:
      return funnel (stats);
    case VT_ROUND_CHART_RANKING:
      return ranking (stats, language);
    case VT_ROUND_CHART_HEATMAP:
      return heatmap (stats, language);
    case VT_ROUND_CHART_PROVINCES:
      return distribution (stats, TRUE, language);
    case VT_ROUND_CHART_SECTORS:
      return distribution (stats, FALSE, language);
    case VT_ROUND_CHART_TIMELINE:
      return timeline (stats);
    case VT_N_ROUND_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_date (const GDate *date)
{
  return vt_format_day (NULL, date, VT_DATE_FORMAT_MEDIUM);
}

static const char *
supplier_name (const VtSupplier *s,
               const char       *language)
{
  if (g_strcmp0 (language, "ko") == 0 && s->name_ko != NULL && *s->name_ko)
    return s->name_ko;
  if (g_strcmp0 (language, "en") == 0 && s->name_en != NULL && *s->name_en)
    return s->name_en;
  return s->name_vi;
}

/* A median level, perhaps between two levels, in the criterion's points:
 * a median of 2.5 on the audit scale lies between 6 and 8 points. */
double
vt_round_chart_level_to_points (const VtCriterion *c,
                                double             level)
{
  int lo, hi;

  if (level < 0)
    return -1;
  lo = (int) floor (level);
  hi = (int) ceil (level);
  if (lo == hi)
    return vt_criterion_get_points (c, lo);
  return vt_criterion_get_points (c, lo)
         + (level - lo) * (vt_criterion_get_points (c, hi) - vt_criterion_get_points (c, lo));
}

/* Sets @values, one per criterion of @set, to the points of @a's scores;
 * leaves the criteria @a has no score for as they are. */
void
vt_round_chart_fill_scores (double               *values,
                            const VtCriterionSet *set,
                            const VtAssessment   *a)
{
  for (guint j = 0; j < set->criteria->len; j++)
    {
      const VtCriterion *c = g_ptr_array_index (set->criteria, j);

      for (guint k = 0; k < a->scores->len; k++)
        {
          const VtScore *s = g_ptr_array_index (a->scores, k);

          if (s->criterion_id == c->id && s->score >= 0)
            values[j] = vt_criterion_get_points (c, s->score);
        }
    }
}

/* The supplier's latest assessment against its previous one and the
 * median of its round. */
VtChart *
vt_supplier_chart_radar (const VtSupplierStats *stats,
                         const char            *language)
{
  VtChartRadar *r;
  guint n;

  g_return_val_if_fail (stats != NULL, NULL);

  r = vt_chart_radar_new (_("Readiness by criterion"), supplier_name (stats->supplier, language), 5);
  n = stats->assessments->len;
  if (stats->criteria == NULL || n == 0)
    return vt_chart_radar_wrap (r);
  /* Scores are drawn in each criterion's own points, as a share of its
   * top, so audit-style criteria (0/4/6/8/10) sit right beside 0-5 ones. */
  for (guint j = 0; j < stats->criteria->criteria->len; j++)
    {
      const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);

      vt_chart_radar_add_scaled_axis (r, vt_criterion_get_name (c, language), vt_criterion_get_max_points (c));
    }

  {
    const VtAssessment *latest = g_ptr_array_index (stats->assessments, n - 1);
    g_autofree char *date = format_date (&latest->assessed_on);
    /* TRANSLATORS: a series of the radar chart; %s is its date */
    g_autofree char *label = g_strdup_printf (_("Latest assessment, %s"), date);

    vt_round_chart_fill_scores (vt_chart_radar_add_series (r, label, FALSE), stats->criteria, latest);
  }
  if (n >= 2)
    {
      const VtAssessment *previous = g_ptr_array_index (stats->assessments, n - 2);
      g_autofree char *date = format_date (&previous->assessed_on);
      /* TRANSLATORS: a series of the radar chart; %s is its date */
      g_autofree char *label = g_strdup_printf (_("Previous assessment, %s"), date);

      vt_round_chart_fill_scores (vt_chart_radar_add_series (r, label, FALSE), stats->criteria, previous);
    }
  if (stats->round_median->len == stats->criteria->criteria->len)
    {
      double *median = vt_chart_radar_add_series (r, _("Round median"), TRUE);

      for (guint j = 0; j < stats->round_median->len; j++)
        median[j] = vt_round_chart_level_to_points (g_ptr_array_index (stats->criteria->criteria, j),
                                     g_array_index (stats->round_median, double, j));
    }
  return vt_chart_radar_wrap (r);
}

VtChart *
vt_supplier_chart_progress (const VtSupplierStats *stats,
                            const char            *language)
{
  VtChartProgress *p;

  g_return_val_if_fail (stats != NULL, NULL);

  p = vt_chart_progress_new (_("Readiness over time"), supplier_name (stats->supplier, language));
  if (stats->criteria != NULL)
    {
      p->ready_at = stats->criteria->ready_min;
      p->conditional_at = stats->criteria->conditional_min;
    }
  for (guint i = 0; i < stats->assessments->len; i++)
    {
      const VtAssessment *a = g_ptr_array_index (stats->assessments, i);
      VtReadinessBand band = g_array_index (stats->bands, VtReadinessBand, i);
      g_autofree char *label = NULL;

      if (a->readiness < 0 || !g_date_valid (&a->assessed_on))
        continue;
      /* TRANSLATORS: under a point of the progress chart: the assessment's
       * number, e.g. "Assessment 2" */
      label = g_strdup_printf (_("Assessment %u"), i + 1);
      vt_chart_progress_add (p, &a->assessed_on, a->readiness, vt_chart_band_from_readiness (band), label);
    }
  return vt_chart_progress_wrap (p);
}
