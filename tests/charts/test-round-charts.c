/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-round-charts.c: the store's chart data and its conversion to charts. */

#include "config.h"

#include <locale.h>

#include "vt-charts.h"
#include "vt-round-charts.h"
#include "vt-sample-data.h"
#include "vt-test-util.h"

static VtStore *
open_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VtStore *store = open_new_store (f);

  g_assert_true (vt_store_load_sample_data_sync (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
sample_round (VtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_sync (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  return ((VtRound *) g_ptr_array_index (rounds, 0))->id;
}

/* The sample round tells the 40 → 24 → 16 story; the stats must too. */
static void
test_round_stats (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_sync (store, sample_round (store), NULL, &error);
  g_autoptr(GPtrArray) visits = NULL;
  guint assessed = 0, selected = 0, with_province = 0, visits_counted = 0, visits_expected = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (stats->reached[VT_STAGE_RECEIVED], ==, VT_SAMPLE_SUPPLIERS);
  g_assert_cmpuint (stats->reached[VT_STAGE_FIRST_VISIT_DONE], ==, VT_SAMPLE_FIRST_VISITS);
  g_assert_cmpuint (stats->reached[VT_STAGE_SELECTED], ==, VT_SAMPLE_FINALISTS);
  g_assert_cmpint (stats->round->targets[VT_STAGE_SELECTED], ==, VT_SAMPLE_FINALISTS);
  g_assert_cmpuint (stats->suppliers->len, ==, VT_SAMPLE_SUPPLIERS);
  g_assert_nonnull (stats->criteria);
  g_assert_cmpuint (stats->criteria->criteria->len, >=, 10);

  for (guint i = 0; i < stats->suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (stats->suppliers, i);

      if (s->latest != NULL)
        {
          VtReadinessBand band;

          assessed++;
          /* The band is the one the core's rules stored, and the same as
           * they give now. */
          g_assert_cmpint (s->band, ==, s->latest->band);
          g_assert_cmpfloat_with_epsilon (vt_readiness_compute (stats->criteria, s->latest, &band),
                                          s->latest->readiness, 1e-9);
          g_assert_cmpint (s->band, ==, band);
          g_assert_cmpint (vt_round_supplier_get_score (s, ((VtCriterion *) g_ptr_array_index (stats->criteria->criteria, 0))->id), >=, 0);
        }
      else
        g_assert_cmpint (s->band, ==, VT_READINESS_BAND_NONE);
      if (vt_round_supplier_is_selected (s))
        selected++;
      if (s->province_vi != NULL)
        with_province++;
    }
  g_assert_cmpuint (assessed, ==, VT_SAMPLE_FIRST_VISITS);
  g_assert_cmpuint (selected, ==, VT_SAMPLE_FINALISTS);
  g_assert_cmpuint (with_province, >=, VT_SAMPLE_SUPPLIERS - 2);

  visits = vt_store_list_visits_sync (store, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    if (((VtVisit *) g_ptr_array_index (visits, i))->status != VT_VISIT_STATUS_CANCELLED)
      visits_expected++;
  for (guint i = 0; i < stats->visit_months->len; i++)
    {
      const VtVisitMonth *m = &g_array_index (stats->visit_months, VtVisitMonth, i);

      visits_counted += m->count;
      g_assert_cmpint (m->month, >=, 1);
      g_assert_cmpint (m->month, <=, 12);
      if (i > 0)
        g_assert_cmpint (m->year * 12 + m->month, >=,
                         g_array_index (stats->visit_months, VtVisitMonth, i - 1).year * 12
                         + g_array_index (stats->visit_months, VtVisitMonth, i - 1).month);
    }
  g_assert_cmpuint (visits_counted, ==, visits_expected);
  g_assert_cmpuint (visits_counted, >=, VT_SAMPLE_FIRST_VISITS + VT_SAMPLE_FINALISTS);
}

static void
test_round_missing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VtStore) store = open_new_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_sync (store, 12345, NULL, &error);

  g_assert_null (stats);
  g_assert_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND);
}

/* A finalist has two assessments; the median is of the round's latest
 * scores, worked out here by hand. */
static void
test_supplier_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) round = vt_store_get_round_stats_sync (store, sample_round (store), NULL, &error);
  VtRoundSupplier *finalist = NULL;
  g_autoptr(VtSupplierStats) stats = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < round->suppliers->len && finalist == NULL; i++)
    if (vt_round_supplier_is_selected (g_ptr_array_index (round->suppliers, i)))
      finalist = g_ptr_array_index (round->suppliers, i);
  g_assert_nonnull (finalist);

  stats = vt_store_get_supplier_stats_sync (store, finalist->uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->assessments->len, ==, 2);
  g_assert_cmpuint (stats->bands->len, ==, 2);
  g_assert_cmpuint (stats->round_median->len, ==, stats->criteria->criteria->len);
  for (guint j = 0; j < stats->criteria->criteria->len; j++)
    {
      const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);
      g_autofree double *values = g_new (double, round->suppliers->len);
      guint n = 0;

      for (guint i = 0; i < round->suppliers->len; i++)
        {
          int s = vt_round_supplier_get_score (g_ptr_array_index (round->suppliers, i), c->id);

          if (s >= 0)
            values[n++] = s;
        }
      g_assert_cmpfloat (g_array_index (stats->round_median, double, j), ==, vt_median (values, n));
      g_assert_cmpfloat (vt_round_stats_median_score (round, c->id), ==, vt_median (values, n));
    }
}

static void
test_median (void)
{
  double odd[] = { 5, 1, 3 };
  double even[] = { 4, 1, 3, 2 };
  double one[] = { 2 };

  g_assert_cmpfloat (vt_median (odd, 3), ==, 3);
  g_assert_cmpfloat (vt_median (even, 4), ==, 2.5);
  g_assert_cmpfloat (vt_median (one, 1), ==, 2);
  g_assert_cmpfloat (vt_median (NULL, 0), ==, -1);
}

static void
test_band_mapping (void)
{
  g_assert_cmpint (vt_chart_band_from_readiness (VT_READINESS_BAND_READY), ==, VT_CHART_BAND_READY);
  g_assert_cmpint (vt_chart_band_from_readiness (VT_READINESS_BAND_CONDITIONAL), ==, VT_CHART_BAND_CONDITIONAL);
  g_assert_cmpint (vt_chart_band_from_readiness (VT_READINESS_BAND_NOT_READY), ==, VT_CHART_BAND_NOT_READY);
  g_assert_cmpint (vt_chart_band_from_readiness (VT_READINESS_BAND_NONE), ==, VT_CHART_BAND_NONE);
}

/* The charts of the sample round hold the round's numbers. */
static void
test_round_charts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_sync (store, sample_round (store), NULL, &error);
  g_autoptr(VtChart) funnel = NULL;
  g_autoptr(VtChart) ranking = NULL;
  g_autoptr(VtChart) heatmap = NULL;
  g_autoptr(VtChart) provinces = NULL;
  g_autoptr(VtChart) sectors = NULL;
  g_autoptr(VtChart) timeline = NULL;
  const VtChartFunnel *fd;
  const VtChartRanking *rd;
  const VtChartHeatmap *hd;
  const VtChartDistribution *pd, *sd;
  int total = 0, selected = 0;

  g_assert_no_error (error);
  funnel = vt_round_chart_new (stats, VT_ROUND_CHART_FUNNEL, "vi");
  fd = vt_chart_get_data (funnel);
  g_assert_cmpint (g_array_index (fd->stages, VtChartFunnelStage, VT_STAGE_RECEIVED).count, ==, 40);
  g_assert_cmpint (g_array_index (fd->stages, VtChartFunnelStage, VT_STAGE_FIRST_VISIT_DONE).count, ==, 24);
  g_assert_cmpint (g_array_index (fd->stages, VtChartFunnelStage, VT_STAGE_SELECTED).count, ==, 16);
  g_assert_cmpint (g_array_index (fd->stages, VtChartFunnelStage, VT_STAGE_SELECTED).target, ==, 16);
  g_assert_cmpint (g_array_index (fd->stages, VtChartFunnelStage, VT_STAGE_APPRAISED).target, ==, -1);

  ranking = vt_round_chart_new (stats, VT_ROUND_CHART_RANKING, "ko");
  rd = vt_chart_get_data (ranking);
  g_assert_cmpuint (rd->entries->len, ==, 24);
  g_assert_cmpint (rd->cut, ==, 16);
  /* The band lines are the set's rules. */
  g_assert_cmpfloat (rd->ready_at, ==, stats->criteria->ready_min);
  g_assert_cmpfloat (rd->conditional_at, ==, stats->criteria->conditional_min);
  for (guint i = 1; i < rd->entries->len; i++)
    g_assert_cmpfloat (g_array_index (rd->entries, VtChartRankingEntry, i - 1).index, >=,
                       g_array_index (rd->entries, VtChartRankingEntry, i).index);

  heatmap = vt_round_chart_new (stats, VT_ROUND_CHART_HEATMAP, "ko");
  hd = vt_chart_get_data (heatmap);
  g_assert_cmpuint (hd->rows->len, ==, 24);
  g_assert_cmpuint (hd->columns->len, ==, stats->criteria->criteria->len);
  g_assert_cmpstr (g_ptr_array_index (hd->columns, 0), ==,
                   vt_criterion_get_name (g_ptr_array_index (stats->criteria->criteria, 0), "ko"));
  /* Rows follow the ranking. */
  g_assert_cmpstr (g_array_index (hd->rows, VtChartHeatmapRow, 0).name, ==,
                   g_array_index (rd->entries, VtChartRankingEntry, 0).name);

  provinces = vt_round_chart_new (stats, VT_ROUND_CHART_PROVINCES, "vi");
  pd = vt_chart_get_data (provinces);
  for (guint i = 0; i < pd->entries->len; i++)
    {
      total += g_array_index (pd->entries, VtChartDistributionEntry, i).count;
      selected += g_array_index (pd->entries, VtChartDistributionEntry, i).selected;
    }
  g_assert_cmpint (total, ==, 40);
  g_assert_cmpint (selected, ==, 16);

  sectors = vt_round_chart_new (stats, VT_ROUND_CHART_SECTORS, "vi");
  sd = vt_chart_get_data (sectors);
  g_assert_cmpuint (sd->entries->len, >=, 2);
  g_assert_cmpuint (sd->entries->len, <=, 3);

  timeline = vt_round_chart_new (stats, VT_ROUND_CHART_TIMELINE, "vi");
  g_assert_cmpuint (((const VtChartTimeline *) vt_chart_get_data (timeline))->months->len, >=, 3);
}

static void
test_supplier_charts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VtStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) round = vt_store_get_round_stats_sync (store, sample_round (store), NULL, &error);
  g_autoptr(VtSupplierStats) stats = NULL;
  g_autoptr(VtChart) radar = NULL;
  g_autoptr(VtChart) progress = NULL;
  const VtChartRadar *rd;
  const VtChartProgress *pd;

  for (guint i = 0; i < round->suppliers->len && stats == NULL; i++)
    if (vt_round_supplier_is_selected (g_ptr_array_index (round->suppliers, i)))
      stats = vt_store_get_supplier_stats_sync (store, ((VtRoundSupplier *) g_ptr_array_index (round->suppliers, i))->uuid,
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);

  radar = vt_supplier_chart_radar (stats, "vi");
  rd = vt_chart_get_data (radar);
  g_assert_cmpuint (rd->axes->len, ==, stats->criteria->criteria->len);
  g_assert_cmpuint (rd->series->len, ==, 3);
  g_assert_true (g_array_index (rd->series, VtChartRadarSeries, 2).dashed);
  g_assert_cmpfloat (g_array_index (rd->series, VtChartRadarSeries, 2).values[0], ==,
                     g_array_index (stats->round_median, double, 0));
  /* Audit-style criteria are drawn in their own points, on an axis that
   * ends at 10; 0-5 criteria on one that ends at 5. */
  {
    const VtAssessment *latest = g_ptr_array_index (stats->assessments, 1);
    guint n_audit = 0;

    for (guint j = 0; j < stats->criteria->criteria->len; j++)
      {
        const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);
        const VtScore *score = vt_assessment_get_score (latest, c->id);
        double drawn = g_array_index (rd->series, VtChartRadarSeries, 0).values[j];

        g_assert_cmpfloat (g_array_index (rd->axis_max, double, j), ==, c->scale == VT_SCALE_AUDIT ? 10 : 5);
        if (score != NULL && score->score >= 0)
          {
            g_assert_cmpfloat (drawn, ==, vt_criterion_get_points (c, score->score));
            g_assert_cmpfloat_with_epsilon (vt_chart_radar_get_share (rd, j, drawn) * 100,
                                            vt_criterion_normalise (c, score->score), 1e-9);
          }
        if (c->scale == VT_SCALE_AUDIT)
          n_audit++;
      }
    g_assert_cmpuint (n_audit, >=, 1);
  }

  progress = vt_supplier_chart_progress (stats, "vi");
  pd = vt_chart_get_data (progress);
  g_assert_cmpuint (pd->points->len, ==, 2);
  g_assert_cmpfloat (g_array_index (pd->points, VtChartProgressPoint, 1).index, ==,
                     ((VtAssessment *) g_ptr_array_index (stats->assessments, 1))->readiness);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/charts/store/round-stats", Fixture, NULL, fixture_set_up, test_round_stats, fixture_tear_down);
  g_test_add ("/charts/store/round-missing", Fixture, NULL, fixture_set_up, test_round_missing, fixture_tear_down);
  g_test_add ("/charts/store/supplier-stats", Fixture, NULL, fixture_set_up, test_supplier_stats, fixture_tear_down);
  g_test_add_func ("/charts/store/median", test_median);
  g_test_add_func ("/charts/store/band-mapping", test_band_mapping);
  g_test_add ("/charts/store/round-charts", Fixture, NULL, fixture_set_up, test_round_charts, fixture_tear_down);
  g_test_add ("/charts/store/supplier-charts", Fixture, NULL, fixture_set_up, test_supplier_charts, fixture_tear_down);
  return g_test_run ();
}
