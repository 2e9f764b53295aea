/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment.c: readiness assessments. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include "vt-assessment.h"
#include "vt-audit.h"

static void
vt_score_clear (VtScore *self)
{
  g_free (self->comment);
}

VT_DEFINE_RC_BOXED (VtScore, vt_score, vt_score_clear)

VtScore *
vt_score_new (gint64      criterion_id,
              int         score,
              const char *comment)
{
  VtScore *self = g_rc_box_new0 (VtScore);

  self->criterion_id = criterion_id;
  self->score = score;
  self->comment = g_strdup (comment);
  return self;
}

static void
vt_assessment_clear (VtAssessment *self)
{
  g_free (self->supplier_uuid);
  g_free (self->notes);
  g_clear_pointer (&self->assessor_ids, g_array_unref);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

VT_DEFINE_RC_BOXED (VtAssessment, vt_assessment, vt_assessment_clear)

VtAssessment *
vt_assessment_new (const char *supplier_uuid,
                   gint64      set_id)
{
  VtAssessment *self = g_rc_box_new0 (VtAssessment);

  self->supplier_uuid = g_strdup (supplier_uuid);
  self->set_id = set_id;
  self->readiness = -1;
  g_date_clear (&self->assessed_on, 1);
  self->assessor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_score_unref);
  return self;
}

/**
 * vt_assessment_set_score:
 *
 * Sets the one score and comment of a criterion, replacing any earlier.
 *
 * Returns: (transfer none): the score record
 */
VtScore *
vt_assessment_set_score (VtAssessment *assessment,
                         gint64        criterion_id,
                         int           score,
                         const char   *comment)
{
  for (guint i = 0; i < assessment->scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (assessment->scores, i);

      if (s->criterion_id == criterion_id)
        {
          s->score = score;
          g_free (s->comment);
          s->comment = g_strdup (comment);
          return s;
        }
    }

  g_ptr_array_add (assessment->scores, vt_score_new (criterion_id, score, comment));
  return g_ptr_array_index (assessment->scores, assessment->scores->len - 1);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const VtScore *x = *(VtScore * const *) a, *y = *(VtScore * const *) b;

  return x->criterion_id < y->criterion_id ? -1 : x->criterion_id > y->criterion_id;
}

VtFields *
vt_assessment_to_fields (const VtAssessment *a)
{
  VtFields *f = vt_fields_new ();
  g_autofree char *assessors = vt_ids_to_text (a->assessor_ids);
  /* A plain copy: g_ptr_array_copy() would take the free function too. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (a->scores->len);

  for (guint i = 0; i < a->scores->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (a->scores, i));

  vt_fields_add (f, "supplier", a->supplier_uuid);
  vt_fields_add_int (f, "visit_id", a->visit_id, 0);
  vt_fields_add_int (f, "set_id", a->set_id, 0);
  vt_fields_add_date (f, "assessed_on", &a->assessed_on);
  vt_fields_add (f, "notes", a->notes);
  vt_fields_add (f, "assessors", assessors);

  /* All scores as one value, in criterion order: a score can be added
   * later, and diffing needs the same field names on both sides. */
  g_ptr_array_sort (sorted, compare_scores);
  {
    GString *scores = g_string_new (NULL);

    for (guint i = 0; i < sorted->len; i++)
      {
        VtScore *s = g_ptr_array_index (sorted, i);

        g_string_append_printf (scores, "%s%" G_GINT64_FORMAT "=%d%s%s", i ? "; " : "",
                                s->criterion_id, s->score,
                                s->comment ? " " : "", s->comment ? s->comment : "");
      }
    vt_fields_add (f, "scores", scores->str);
    g_string_free (scores, TRUE);
  }
  return f;
}
