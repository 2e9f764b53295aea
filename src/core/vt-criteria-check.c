/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria-check.c: what stops a criterion set from being saved.
 *
 * The editor calls this after every keystroke, so it is a pure function
 * of the set: no store, no widgets. The store's own validation
 * (vt_criterion_set_validate) accepts every set this accepts.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "vt-audit.h"
#include "vt-criteria-check.h"

#define WEIGHT_EPSILON 0.001

void
vt_criterion_issue_free (VtCriterionIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

/**
 * vt_criterion_set_get_weight_sum:
 *
 * Returns: the sum of the weights of the set's criteria
 */
double
vt_criterion_set_get_weight_sum (const VtCriterionSet *set)
{
  double sum = 0;

  for (guint i = 0; i < set->criteria->len; i++)
    sum += ((VtCriterion *) g_ptr_array_index (set->criteria, i))->weight;
  return sum;
}

/**
 * vt_criterion_set_weights_ok:
 *
 * Returns: whether the weights add up to 100
 */
gboolean
vt_criterion_set_weights_ok (const VtCriterionSet *set)
{
  return fabs (vt_criterion_set_get_weight_sum (set) - 100.0) <= WEIGHT_EPSILON;
}

static void
add_issue (GPtrArray          *issues,
           VtCriterionProblem  problem,
           int                 criterion,
           int                 level,
           const char         *language,
           char               *message)
{
  VtCriterionIssue *issue = g_new0 (VtCriterionIssue, 1);

  issue->problem = problem;
  issue->criterion = criterion;
  issue->level = level;
  issue->language = language;
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

/* How a criterion is called in a message: its name in the user's
 * language, else any name it has, else its place in the list. */
static char *
describe (const VtCriterion *c,
          guint              index)
{
  const char *name = vt_criterion_get_name (c, vt_text_language ());

  if (vt_text_is_blank (name))
    name = c->name_en;
  if (vt_text_is_blank (name))
    name = c->name_vi;
  if (vt_text_is_blank (name))
    name = c->name_ko;
  if (vt_text_is_blank (name))
    /* Translators: a criterion that has no name yet, by its place in the list. */
    return g_strdup_printf (_("criterion %u"), index + 1);
  return g_strdup_printf ("“%s”", name);
}

/**
 * vt_language_get_display_name:
 * @language: "en", "vi" or "ko"
 *
 * Returns: the language's name as it reads inside a sentence of the
 *   user's language
 */
const char *
vt_language_get_display_name (const char *language)
{
  if (g_str_equal (language, "vi"))
    return _("Vietnamese");
  if (g_str_equal (language, "ko"))
    return _("Korean");
  return _("English");
}

static void
check_criterion (GPtrArray         *issues,
                 const VtCriterion *c,
                 guint              index,
                 GHashTable        *codes)
{
  static const char * const languages[] = { "en", "vi", "ko" };
  g_autofree char *who = describe (c, index);
  const char *names[] = { c->name_en, c->name_vi, c->name_ko };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    if (vt_text_is_blank (names[l]))
      add_issue (issues, VT_CRITERION_PROBLEM_NAME, (int) index, -1, languages[l],
                 /* Translators: the first %s is a criterion (“Cost”), the second a language. */
                 g_strdup_printf (_("%s needs a name in %s."), who, vt_language_get_display_name (languages[l])));

  if (vt_text_is_blank (c->code) || !g_hash_table_add (codes, c->code))
    add_issue (issues, VT_CRITERION_PROBLEM_CODE, (int) index, -1, NULL,
               g_strdup_printf (_("%s needs a code of its own."), who));

  if (vt_text_is_blank (c->area))
    add_issue (issues, VT_CRITERION_PROBLEM_AREA, (int) index, -1, NULL,
               g_strdup_printf (_("%s needs an area."), who));

  if (!(c->weight >= 0 && c->weight <= 100))
    add_issue (issues, VT_CRITERION_PROBLEM_WEIGHT, (int) index, -1, NULL,
               g_strdup_printf (_("The weight of %s must lie between 0 and 100."), who));

  for (int level = 0; level < vt_criterion_get_n_levels (c); level++)
    {
      const char *texts[] = { c->levels[level], c->levels_vi[level], c->levels_ko[level] };

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        if (vt_text_is_blank (texts[l]))
          add_issue (issues, VT_CRITERION_PROBLEM_LEVEL, (int) index, level, languages[l],
                     /* Translators: “Level 6 of “Cost” has no description in Korean.”;
                      * the number is the points of the level on its scale. */
                     g_strdup_printf (_("Level %d of %s has no description in %s."),
                                      vt_criterion_get_points (c, level), who,
                                      vt_language_get_display_name (languages[l])));
    }
}

/**
 * vt_criterion_set_check:
 *
 * Everything that stops @set from being saved, in the order the editor
 * shows its fields: the set, each criterion, then the weights and the
 * band rules. An empty array means the set can be saved.
 *
 * Returns: (transfer full) (element-type VtCriterionIssue): the issues
 */
GPtrArray *
vt_criterion_set_check (const VtCriterionSet *set)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_criterion_issue_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  if (vt_text_is_blank (set->name))
    add_issue (issues, VT_CRITERION_PROBLEM_SET_NAME, -1, -1, NULL,
               g_strdup (_("The criterion set needs a name.")));

  if (set->criteria->len == 0)
    add_issue (issues, VT_CRITERION_PROBLEM_NO_CRITERIA, -1, -1, NULL,
               g_strdup (_("The criterion set has no criteria.")));

  for (guint i = 0; i < set->criteria->len; i++)
    check_criterion (issues, g_ptr_array_index (set->criteria, i), i, codes);

  if (set->criteria->len > 0 && !vt_criterion_set_weights_ok (set))
    add_issue (issues, VT_CRITERION_PROBLEM_WEIGHT_SUM, -1, -1, NULL,
               /* Translators: %g is the sum of the weights, e.g. 98 or 102.5. */
               g_strdup_printf (_("The weights add up to %g; they must add up to 100."),
                                round (vt_criterion_set_get_weight_sum (set) * 1000) / 1000));

  if (!(set->conditional_min > 0 && set->conditional_min < set->ready_min && set->ready_min <= 100))
    add_issue (issues, VT_CRITERION_PROBLEM_BANDS, -1, -1, NULL,
               g_strdup (_("The band thresholds must rise: conditionally ready above 0, ready above that and at most 100.")));

  if (!(set->area_gap > 0 && set->area_gap <= 100 && set->min_coverage > 0 && set->min_coverage <= 100))
    add_issue (issues, VT_CRITERION_PROBLEM_RULES, -1, -1, NULL,
               g_strdup (_("The area gap and the share of weight that must be scored must lie between 1 and 100.")));

  return issues;
}

/**
 * vt_criterion_sets_next_version:
 * @sets: (element-type VtCriterionSet): every version of every set
 *
 * Returns: the version number a set called @name gets when saved
 */
int
vt_criterion_sets_next_version (GPtrArray  *sets,
                                const char *name)
{
  int last = 0;

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      VtCriterionSet *s = g_ptr_array_index (sets, i);

      if (g_strcmp0 (s->name, name) == 0)
        last = MAX (last, s->set_version);
    }
  return last + 1;
}

/**
 * vt_criterion_set_dup_save_note:
 * @original: the version being edited, as read from the store
 * @next_version: the version saving makes
 *
 * Returns: what saving does, in a sentence for the editor
 */
char *
vt_criterion_set_dup_save_note (const VtCriterionSet *original,
                                int                   next_version)
{
  if (original->n_assessments == 0)
    /* Translators: both numbers are versions of a criterion set. */
    return g_strdup_printf (_("No assessment uses version %d. Saving stores your changes as version %d."),
                            original->set_version, next_version);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u assessments; then the version in use and the version saving makes. */
                                       "%u assessment uses version %d. Saving keeps that version as it is and stores your changes as version %d.",
                                       "%u assessments use version %d. Saving keeps that version as it is and stores your changes as version %d.",
                                       original->n_assessments),
                          original->n_assessments, original->set_version, next_version);
}

/* Lower-case ASCII letters and digits of @name_en joined by hyphens. */
static char *
slug (const char *name_en)
{
  g_autofree char *ascii = g_str_to_ascii (name_en ? name_en : "", "C");
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
      if (out->len >= 24)
        break;
    }
  if (out->len == 0)
    g_string_append (out, "criterion");
  return g_string_free (out, FALSE);
}

/**
 * vt_criterion_set_make_code:
 *
 * Returns: a code for a new criterion called @name_en, unused in @set
 */
char *
vt_criterion_set_make_code (const VtCriterionSet *set,
                            const char           *name_en)
{
  g_autofree char *base = slug (name_en);
  char *code = g_strdup (base);

  for (int n = 2; vt_criterion_set_find_code (set, code) != NULL; n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s-%d", base, n);
    }
  return code;
}
