/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-assessment.c: readiness assessments. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vt-assessment.h"
#include "vt-audit.h"
#include "vt-criteria.h"
#include "vt-error.h"
#include "vt-improvement-action.h"
#include "vt-readiness.h"

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
  g_clear_pointer (&self->assessor_scores, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_array_unref);
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
  self->assessor_scores = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_score_unref);
  self->evidence = g_array_new (FALSE, FALSE, sizeof (VtEvidence));
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_improvement_action_unref);
  self->checks = g_array_new (FALSE, FALSE, sizeof (VtActionCheck));
  self->band = VT_READINESS_BAND_NONE;
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

VtScore *
vt_assessment_get_score (const VtAssessment *assessment,
                         gint64              criterion_id)
{
  for (guint i = 0; i < assessment->scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (assessment->scores, i);

      if (s->criterion_id == criterion_id)
        return s;
    }
  return NULL;
}

/**
 * vt_assessment_set_assessor_score:
 *
 * Sets one assessor's own score of a criterion, replacing any earlier.
 * A @score of -1 takes it back.
 *
 * Returns: (transfer none) (nullable): the score record
 */
VtScore *
vt_assessment_set_assessor_score (VtAssessment *assessment,
                                  gint64        person_id,
                                  gint64        criterion_id,
                                  int           score,
                                  const char   *comment)
{
  VtScore *s = vt_assessment_get_assessor_score (assessment, person_id, criterion_id);

  if (score < 0)
    {
      if (s != NULL)
        g_ptr_array_remove (assessment->assessor_scores, s);
      return NULL;
    }
  if (s == NULL)
    {
      s = vt_score_new (criterion_id, score, comment);
      s->person_id = person_id;
      g_ptr_array_add (assessment->assessor_scores, s);
      return s;
    }
  s->score = score;
  g_free (s->comment);
  s->comment = g_strdup (comment);
  return s;
}

VtScore *
vt_assessment_get_assessor_score (const VtAssessment *assessment,
                                  gint64              person_id,
                                  gint64              criterion_id)
{
  for (guint i = 0; i < assessment->assessor_scores->len; i++)
    {
      VtScore *s = g_ptr_array_index (assessment->assessor_scores, i);

      if (s->person_id == person_id && s->criterion_id == criterion_id)
        return s;
    }
  return NULL;
}

void
vt_assessment_add_evidence (VtAssessment *assessment,
                            gint64        criterion_id,
                            gint64        attachment_id)
{
  VtEvidence e = { criterion_id, attachment_id };

  for (guint i = 0; i < assessment->evidence->len; i++)
    {
      VtEvidence *o = &g_array_index (assessment->evidence, VtEvidence, i);

      if (o->criterion_id == criterion_id && o->attachment_id == attachment_id)
        return;
    }
  g_array_append_val (assessment->evidence, e);
}

/**
 * vt_assessment_check_action:
 * @status: a VtActionStatus; %VT_ACTION_STATUS_OPEN takes the check back
 *
 * Records at this assessment whether an earlier action was done.
 */
void
vt_assessment_check_action (VtAssessment *assessment,
                            gint64        action_id,
                            int           status)
{
  VtActionCheck c = { action_id, status };

  for (guint i = 0; i < assessment->checks->len; i++)
    if (g_array_index (assessment->checks, VtActionCheck, i).action_id == action_id)
      {
        if (status == VT_ACTION_STATUS_OPEN)
          g_array_remove_index (assessment->checks, i);
        else
          g_array_index (assessment->checks, VtActionCheck, i).status = status;
        return;
      }
  if (status != VT_ACTION_STATUS_OPEN)
    g_array_append_val (assessment->checks, c);
}

/**
 * vt_assessment_validate:
 * @set: the criterion set version the assessment uses
 *
 * Every score must be a level of its criterion's scale in @set. A final
 * assessment (not a draft) also needs a comment on every low score (the
 * lowest two levels) that counts, and an assessor for every own score.
 *
 * Returns: %TRUE when the assessment can be saved as it is
 */
gboolean
vt_assessment_validate (const VtAssessment    *assessment,
                        const VtCriterionSet  *set,
                        GError               **error)
{
  GPtrArray *lists[] = { assessment->scores, assessment->assessor_scores };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        VtScore *s = g_ptr_array_index (lists[l], i);
        VtCriterion *c = vt_criterion_set_find (set, s->criterion_id);

        if (c == NULL || s->score < -1 || s->score >= vt_criterion_get_n_levels (c)
            || (l == 1 && s->score < 0))
          {
            g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                                 _("A score is outside its criterion’s scale or belongs to another criterion set."));
            return FALSE;
          }
        if (l == 1)
          {
            gboolean found = FALSE;

            for (guint k = 0; k < assessment->assessor_ids->len && !found; k++)
              found = g_array_index (assessment->assessor_ids, gint64, k) == s->person_id;
            if (!found)
              {
                g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                                     _("A score was given by someone who is not an assessor of this assessment."));
                return FALSE;
              }
          }
        if (l == 0 && !assessment->draft && vt_criterion_is_low_level (c, s->score) && vt_text_is_blank (s->comment))
          {
            g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                         _("“%s” has a low score: say in a comment what was seen."), c->name_en);
            return FALSE;
          }
      }
  return TRUE;
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
  vt_fields_add_int (f, "draft", a->draft, -1);
  vt_fields_add_int (f, "band", a->band, -1);

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
  {
    GString *own = g_string_new (NULL);

    for (guint i = 0; i < a->assessor_scores->len; i++)
      {
        VtScore *s = g_ptr_array_index (a->assessor_scores, i);

        g_string_append_printf (own, "%s%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "=%d", i ? "; " : "",
                                s->person_id, s->criterion_id, s->score);
      }
    vt_fields_add (f, "assessor_scores", own->str);
    g_string_free (own, TRUE);
  }
  return f;
}
