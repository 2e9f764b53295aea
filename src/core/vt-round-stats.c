/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-round-stats.c: reads the numbers behind the charts through VtBackend.
 *
 * Bands are the ones stored with each assessment, computed by the core's
 * readiness rules when it was saved: nothing here scores on its own.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "vt-assessment.h"
#include "vt-backend.h"
#include "vt-criteria.h"
#include "vt-error.h"
#include "vt-round-stats.h"
#include "vt-round.h"
#include "vt-supplier.h"

static void
vt_round_supplier_clear (VtRoundSupplier *self)
{
  g_free (self->uuid);
  g_free (self->name_vi);
  g_free (self->name_en);
  g_free (self->name_ko);
  g_free (self->province_code);
  g_free (self->province_vi);
  g_free (self->province_en);
  g_free (self->province_ko);
  g_clear_pointer (&self->latest, vt_assessment_unref);
}

VT_DEFINE_RC_BOXED (VtRoundSupplier, vt_round_supplier, vt_round_supplier_clear)

VtRoundSupplier *
vt_round_supplier_new (void)
{
  VtRoundSupplier *self = g_rc_box_new0 (VtRoundSupplier);

  self->band = VT_READINESS_BAND_NONE;
  return self;
}

/* The name to show to a reader of @language: the Korean or English name
 * when there is one, else the Vietnamese legal name. */
const char *
vt_round_supplier_get_name (const VtRoundSupplier *supplier,
                            const char            *language)
{
  if (g_strcmp0 (language, "ko") == 0 && supplier->name_ko != NULL && *supplier->name_ko)
    return supplier->name_ko;
  if (g_strcmp0 (language, "en") == 0 && supplier->name_en != NULL && *supplier->name_en)
    return supplier->name_en;
  return supplier->name_vi;
}

/* Returns: (nullable): the province's name for @language */
const char *
vt_round_supplier_get_province (const VtRoundSupplier *supplier,
                                const char            *language)
{
  if (g_strcmp0 (language, "ko") == 0 && supplier->province_ko != NULL && *supplier->province_ko)
    return supplier->province_ko;
  if (g_strcmp0 (language, "en") == 0 && supplier->province_en != NULL && *supplier->province_en)
    return supplier->province_en;
  return supplier->province_vi;
}

/* The latest score on @criterion_id, or -1. */
int
vt_round_supplier_get_score (const VtRoundSupplier *supplier,
                             gint64                 criterion_id)
{
  if (supplier->latest == NULL)
    return -1;
  for (guint i = 0; i < supplier->latest->scores->len; i++)
    {
      const VtScore *s = g_ptr_array_index (supplier->latest->scores, i);

      if (s->criterion_id == criterion_id)
        return s->score;
    }
  return -1;
}

/* Whether the supplier is at the selection or beyond it. */
gboolean
vt_round_supplier_is_selected (const VtRoundSupplier *supplier)
{
  return supplier->stage == VT_STAGE_SELECTED
         || supplier->stage == VT_STAGE_IN_SUPPORT
         || supplier->stage == VT_STAGE_CONNECTED_TO_BUYER;
}

static void
vt_round_stats_clear (VtRoundStats *self)
{
  g_clear_pointer (&self->round, vt_round_unref);
  g_clear_pointer (&self->suppliers, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, vt_criterion_set_unref);
  g_clear_pointer (&self->visit_months, g_array_unref);
}

VT_DEFINE_RC_BOXED (VtRoundStats, vt_round_stats, vt_round_stats_clear)

VtRoundStats *
vt_round_stats_new (void)
{
  VtRoundStats *self = g_rc_box_new0 (VtRoundStats);

  self->suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_round_supplier_unref);
  self->visit_months = g_array_new (FALSE, TRUE, sizeof (VtVisitMonth));
  return self;
}

static void
vt_supplier_stats_clear (VtSupplierStats *self)
{
  g_clear_pointer (&self->supplier, vt_supplier_unref);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->criteria, vt_criterion_set_unref);
  g_clear_pointer (&self->round_median, g_array_unref);
}

VT_DEFINE_RC_BOXED (VtSupplierStats, vt_supplier_stats, vt_supplier_stats_clear)

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values (sorted in place), or -1 for none. */
double
vt_median (double *values,
           guint   n)
{
  if (n == 0)
    return -1;
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
median_score (GPtrArray *suppliers,
              gint64     criterion_id)
{
  g_autofree double *values = g_new (double, MAX (suppliers->len, 1));
  guint n = 0;

  for (guint i = 0; i < suppliers->len; i++)
    {
      int score = vt_round_supplier_get_score (g_ptr_array_index (suppliers, i), criterion_id);

      if (score >= 0)
        values[n++] = score;
    }
  return vt_median (values, n);
}

/* The median of the suppliers' latest scores on @criterion_id, or -1. */
double
vt_round_stats_median_score (const VtRoundStats *stats,
                             gint64              criterion_id)
{
  g_return_val_if_fail (stats != NULL, -1);
  return median_score (stats->suppliers, criterion_id);
}

/* Criterion sets by id, read once per load. */
static VtCriterionSet *
lookup_set (VtBackend   *backend,
            GHashTable  *sets,
            gint64       id,
            GError     **error)
{
  VtCriterionSet *set = g_hash_table_lookup (sets, &id);

  if (set == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      set = vt_backend_get_criterion_set (backend, id, error);
      if (set == NULL)
        {
          g_free (key);
          return NULL;
        }
      *key = id;
      g_hash_table_insert (sets, key, set);
    }
  return set;
}

static GHashTable *
sets_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) vt_criterion_set_unref);
}

/* The band stored with the assessment when it was saved: the scoring
 * rules of its criterion set decided it, and charts never rescore. */
static VtReadinessBand
band_of (const VtAssessment *assessment)
{
  if (assessment->readiness < 0 || assessment->band < VT_READINESS_BAND_NONE
      || assessment->band > VT_READINESS_BAND_READY)
    return VT_READINESS_BAND_NONE;
  return (VtReadinessBand) assessment->band;
}

/**
 * vt_round_stats_load:
 *
 * Reads a round's charts data through @backend. Call it on the store's
 * worker thread (vt_store_get_round_stats_async()).
 */
VtRoundStats *
vt_round_stats_load (VtBackend  *backend,
                     gint64      round_id,
                     GError    **error)
{
  g_autoptr(VtRoundStats) stats = vt_round_stats_new ();
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GArray) reached = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GHashTable) sets = sets_new ();
  g_autoptr(GHashTable) uses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 common_set = 0;
  guint common_uses = 0;

  rounds = vt_backend_list_rounds (backend, error);
  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      if (r->id == round_id)
        stats->round = vt_round_ref (r);
    }
  if (stats->round == NULL)
    {
      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_NOT_FOUND, _("The round no longer exists."));
      return NULL;
    }

  reached = vt_backend_count_stages (backend, round_id, TRUE, error);
  if (reached == NULL)
    return NULL;
  for (guint s = 0; s < VT_N_STAGES && s < reached->len; s++)
    stats->reached[s] = g_array_index (reached, guint64, s);

  suppliers = vt_backend_list_round_suppliers (backend, round_id, error);
  if (suppliers == NULL)
    return NULL;
  for (guint i = 0; i < suppliers->len; i++)
    {
      VtRoundSupplier *s = g_ptr_array_index (suppliers, i);
      guint n;

      const VtCriterionSet *set;

      if (s->latest == NULL)
        continue;
      s->band = band_of (s->latest);
      /* Whether a knock-out stopped it, by the rules of its own set. */
      set = lookup_set (backend, sets, s->latest->set_id, error);
      if (set == NULL)
        return NULL;
      {
        g_autoptr(VtReadiness) r = vt_readiness_evaluate (set, s->latest);

        s->knocked_out = r->status == VT_READINESS_STATUS_OK && r->knockouts->len > 0;
      }
      n = GPOINTER_TO_UINT (g_hash_table_lookup (uses, &s->latest->set_id)) + 1;
      g_hash_table_insert (uses, g_memdup2 (&s->latest->set_id, sizeof (gint64)), GUINT_TO_POINTER (n));
      if (n > common_uses)
        {
          common_uses = n;
          common_set = s->latest->set_id;
        }
    }
  g_ptr_array_extend_and_steal (stats->suppliers, g_steal_pointer (&suppliers));
  if (common_set != 0)
    stats->criteria = vt_criterion_set_ref (lookup_set (backend, sets, common_set, error));

  months = vt_backend_count_visit_months (backend, round_id, error);
  if (months == NULL)
    return NULL;
  g_array_append_vals (stats->visit_months, months->data, months->len);
  return g_steal_pointer (&stats);
}

/**
 * vt_supplier_stats_load:
 *
 * Reads a supplier's assessments, their bands and the median latest
 * scores of its round. Call it on the store's worker thread.
 */
VtSupplierStats *
vt_supplier_stats_load (VtBackend   *backend,
                        const char  *uuid,
                        GError     **error)
{
  g_autoptr(VtSupplierStats) stats = g_rc_box_new0 (VtSupplierStats);
  g_autoptr(GHashTable) sets = sets_new ();

  stats->bands = g_array_new (FALSE, TRUE, sizeof (VtReadinessBand));
  stats->round_median = g_array_new (FALSE, TRUE, sizeof (double));

  stats->supplier = vt_backend_get_supplier (backend, uuid, error);
  if (stats->supplier == NULL)
    return NULL;
  stats->assessments = vt_backend_list_assessments (backend, uuid, error);
  if (stats->assessments == NULL)
    return NULL;
  /* Drafts are still being entered: they are not the supplier's
   * readiness yet. */
  for (guint i = stats->assessments->len; i > 0; i--)
    if (((VtAssessment *) g_ptr_array_index (stats->assessments, i - 1))->draft)
      g_ptr_array_remove_index (stats->assessments, i - 1);
  for (guint i = 0; i < stats->assessments->len; i++)
    {
      VtReadinessBand band = band_of (g_ptr_array_index (stats->assessments, i));

      g_array_append_val (stats->bands, band);
    }
  if (stats->assessments->len == 0)
    return g_steal_pointer (&stats);

  {
    VtAssessment *latest = g_ptr_array_index (stats->assessments, stats->assessments->len - 1);

    stats->criteria = vt_criterion_set_ref (lookup_set (backend, sets, latest->set_id, error));
  }
  if (stats->supplier->round_id != 0)
    {
      g_autoptr(GPtrArray) round = vt_backend_list_round_suppliers (backend, stats->supplier->round_id, error);

      if (round == NULL)
        return NULL;
      for (guint j = 0; j < stats->criteria->criteria->len; j++)
        {
          const VtCriterion *c = g_ptr_array_index (stats->criteria->criteria, j);
          double m = median_score (round, c->id);

          g_array_append_val (stats->round_median, m);
        }
    }
  return g_steal_pointer (&stats);
}
