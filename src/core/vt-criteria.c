/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-criteria.c: versioned sets of weighted readiness criteria. */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "vt-audit.h"
#include "vt-criteria.h"
#include "vt-error.h"

static void
vt_criterion_clear (VtCriterion *self)
{
  g_free (self->code);
  g_free (self->area);
  g_free (self->name_en);
  g_free (self->name_vi);
  g_free (self->name_ko);
  for (guint i = 0; i < VT_N_LEVELS; i++)
    {
      g_free (self->levels[i]);
      g_free (self->levels_vi[i]);
      g_free (self->levels_ko[i]);
    }
}

VT_DEFINE_RC_BOXED (VtCriterion, vt_criterion, vt_criterion_clear)

VtCriterion *
vt_criterion_new (const char *code,
                  const char *name_en,
                  double      weight)
{
  VtCriterion *self = g_rc_box_new0 (VtCriterion);

  self->code = g_strdup (code);
  self->name_en = g_strdup (name_en);
  self->area = g_strdup ("other");
  self->weight = weight;
  self->scale = VT_SCALE_LEVELS;
  return self;
}

/**
 * vt_criterion_copy:
 *
 * A deep copy, for editing without touching a set others hold.
 */
VtCriterion *
vt_criterion_copy (const VtCriterion *criterion)
{
  VtCriterion *self = vt_criterion_new (criterion->code, criterion->name_en, criterion->weight);

  self->id = criterion->id;
  self->position = criterion->position;
  g_free (self->area);
  self->area = g_strdup (criterion->area);
  self->name_vi = g_strdup (criterion->name_vi);
  self->name_ko = g_strdup (criterion->name_ko);
  self->knockout = criterion->knockout;
  self->scale = criterion->scale;
  for (guint i = 0; i < VT_N_LEVELS; i++)
    {
      self->levels[i] = g_strdup (criterion->levels[i]);
      self->levels_vi[i] = g_strdup (criterion->levels_vi[i]);
      self->levels_ko[i] = g_strdup (criterion->levels_ko[i]);
    }
  return self;
}

static const int audit_points[] = { 0, 4, 6, 8, 10 };

/**
 * vt_criterion_get_n_levels:
 *
 * Returns: how many levels the criterion's scale has: 6 (0-5) or 5 (the
 *   audit scale 0/4/6/8/10)
 */
int
vt_criterion_get_n_levels (const VtCriterion *criterion)
{
  return criterion->scale == VT_SCALE_AUDIT ? (int) G_N_ELEMENTS (audit_points) : VT_N_LEVELS;
}

/**
 * vt_criterion_get_points:
 *
 * Returns: what @level is worth on the criterion's scale, or -1 when the
 *   scale has no such level
 */
int
vt_criterion_get_points (const VtCriterion *criterion,
                         int                level)
{
  if (level < 0 || level >= vt_criterion_get_n_levels (criterion))
    return -1;
  return criterion->scale == VT_SCALE_AUDIT ? audit_points[level] : level;
}

int
vt_criterion_get_max_points (const VtCriterion *criterion)
{
  return vt_criterion_get_points (criterion, vt_criterion_get_n_levels (criterion) - 1);
}

/**
 * vt_criterion_normalise:
 *
 * Returns: @level as 0-100 of the scale's top, or -1 when not a level of
 *   the scale (unscored)
 */
double
vt_criterion_normalise (const VtCriterion *criterion,
                        int                level)
{
  int points = vt_criterion_get_points (criterion, level);

  if (points < 0)
    return -1;
  return 100.0 * points / vt_criterion_get_max_points (criterion);
}

/**
 * vt_criterion_is_low_level:
 *
 * The lowest two levels of a scale are low scores: they need a comment
 * that says what was seen.
 */
gboolean
vt_criterion_is_low_level (const VtCriterion *criterion,
                           int                level)
{
  return level >= 0 && level < 2 && level < vt_criterion_get_n_levels (criterion);
}

/**
 * vt_criterion_get_level_description:
 * @language: "vi", "ko" or anything else for English
 *
 * Returns: (nullable): what @level means, in @language when written in it
 */
const char *
vt_criterion_get_level_description (const VtCriterion *criterion,
                                    int                level,
                                    const char        *language)
{
  if (level < 0 || level >= VT_N_LEVELS)
    return NULL;
  if (g_strcmp0 (language, "vi") == 0 && criterion->levels_vi[level] != NULL)
    return criterion->levels_vi[level];
  if (g_strcmp0 (language, "ko") == 0 && criterion->levels_ko[level] != NULL)
    return criterion->levels_ko[level];
  return criterion->levels[level];
}

/**
 * vt_text_language:
 *
 * Returns: which of the languages criteria are written in ("ko", "vi" or
 *   "en") the process runs in
 */
const char *
vt_text_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ko"))
        return "ko";
      if (g_str_has_prefix (names[i], "vi"))
        return "vi";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }
  return "en";
}

const char *
vt_scale_to_string (VtScale scale)
{
  return scale == VT_SCALE_AUDIT ? "audit" : "levels";
}

gboolean
vt_scale_from_string (const char *text,
                      VtScale    *scale)
{
  if (g_strcmp0 (text, "levels") == 0)
    *scale = VT_SCALE_LEVELS;
  else if (g_strcmp0 (text, "audit") == 0)
    *scale = VT_SCALE_AUDIT;
  else
    return FALSE;
  return TRUE;
}

/**
 * vt_criterion_get_name:
 * @language: "vi", "ko" or anything else for English
 *
 * Returns: the criterion's name in @language, or in English when it has
 *   none in @language
 */
const char *
vt_criterion_get_name (const VtCriterion *criterion,
                       const char        *language)
{
  if (g_strcmp0 (language, "vi") == 0 && criterion->name_vi != NULL)
    return criterion->name_vi;
  if (g_strcmp0 (language, "ko") == 0 && criterion->name_ko != NULL)
    return criterion->name_ko;
  return criterion->name_en;
}

static void
vt_criterion_set_clear (VtCriterionSet *self)
{
  g_free (self->name);
  g_free (self->notes);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
}

VT_DEFINE_RC_BOXED (VtCriterionSet, vt_criterion_set, vt_criterion_set_clear)

VtCriterionSet *
vt_criterion_set_new (const char *name)
{
  VtCriterionSet *self = g_rc_box_new0 (VtCriterionSet);

  self->name = g_strdup (name);
  self->set_version = 1;
  self->ready_min = 80;
  self->conditional_min = 60;
  self->area_gap = 30;
  self->min_coverage = 80;
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_criterion_unref);
  return self;
}

VtCriterion *
vt_criterion_set_find (const VtCriterionSet *set,
                       gint64                criterion_id)
{
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (c->id == criterion_id)
        return c;
    }
  return NULL;
}

VtCriterion *
vt_criterion_set_find_code (const VtCriterionSet *set,
                            const char           *code)
{
  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (g_strcmp0 (c->code, code) == 0)
        return c;
    }
  return NULL;
}

/**
 * vt_criterion_set_copy:
 *
 * A deep copy with copied criteria, for the editor.
 */
VtCriterionSet *
vt_criterion_set_copy (const VtCriterionSet *set)
{
  VtCriterionSet *self = vt_criterion_set_new (set->name);

  self->id = set->id;
  self->version = set->version;
  self->set_version = set->set_version;
  self->is_default = set->is_default;
  self->notes = g_strdup (set->notes);
  self->ready_min = set->ready_min;
  self->conditional_min = set->conditional_min;
  self->area_gap = set->area_gap;
  self->min_coverage = set->min_coverage;
  self->n_assessments = set->n_assessments;
  for (guint i = 0; i < set->criteria->len; i++)
    g_ptr_array_add (self->criteria, vt_criterion_copy (g_ptr_array_index (set->criteria, i)));
  return self;
}

/**
 * vt_criterion_set_list_areas:
 *
 * Returns: (transfer container) (element-type utf8): the area codes of
 *   the set, in the order their first criterion comes
 */
GPtrArray *
vt_criterion_set_list_areas (const VtCriterionSet *set)
{
  GPtrArray *areas = g_ptr_array_new ();

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (!g_ptr_array_find_with_equal_func (areas, c->area, g_str_equal, NULL))
        g_ptr_array_add (areas, c->area);
    }
  return areas;
}

gboolean
vt_criterion_set_validate (const VtCriterionSet  *set,
                           GError               **error)
{
  double sum = 0;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  if (set->name == NULL || *set->name == '\0')
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The criterion set needs a name."));
      return FALSE;
    }

  if (set->criteria->len == 0)
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The criterion set has no criteria."));
      return FALSE;
    }

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);

      if (c->code == NULL || c->name_en == NULL || !g_hash_table_add (codes, c->code))
        {
          g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Each criterion needs a name and a code of its own."));
          return FALSE;
        }
      if (c->weight < 0)
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                       _("The weight of “%s” cannot be negative."), c->name_en);
          return FALSE;
        }
      if (c->area == NULL || *c->area == '\0')
        {
          g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                       _("“%s” needs an area."), c->name_en);
          return FALSE;
        }
      for (int level = 0; level < vt_criterion_get_n_levels (c); level++)
        if (vt_text_is_blank (c->levels[level]))
          {
            g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                         _("Level %d of “%s” has no description."),
                         vt_criterion_get_points (c, level), c->name_en);
            return FALSE;
          }
      sum += c->weight;
    }

  if (fabs (sum - 100.0) > 0.001)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                   _("The weights of the criteria add up to %s; they must add up to 100."),
                   g_ascii_formatd (buf, sizeof buf, "%.1f", sum));
      return FALSE;
    }

  if (!(set->conditional_min > 0 && set->conditional_min < set->ready_min && set->ready_min <= 100))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The band thresholds must rise: conditionally ready above 0, ready above that and at most 100."));
      return FALSE;
    }
  if (!(set->area_gap > 0 && set->area_gap <= 100 && set->min_coverage > 0 && set->min_coverage <= 100))
    {
      g_set_error_literal (error, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                           _("The area gap and the share of weight that must be scored must lie between 1 and 100."));
      return FALSE;
    }

  return TRUE;
}

VtFields *
vt_criterion_set_to_fields (const VtCriterionSet *set)
{
  VtFields *f = vt_fields_new ();
  GString *criteria = g_string_new (NULL);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (set->criteria, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (criteria, "%s%s=%s%s%s", i ? "; " : "", c->code,
                              g_ascii_formatd (buf, sizeof buf, "%g", c->weight),
                              c->knockout ? "!" : "", c->scale == VT_SCALE_AUDIT ? " audit" : "");
    }

  vt_fields_add (f, "name", set->name);
  vt_fields_add_int (f, "set_version", set->set_version, 0);
  vt_fields_add_int (f, "is_default", set->is_default, -1);
  vt_fields_add (f, "notes", set->notes);
  vt_fields_add (f, "criteria", criteria->str);
  {
    char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
    char c[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *rules = g_strdup_printf ("ready>=%s conditional>=%s gap=%s coverage=%s",
                                              g_ascii_formatd (a, sizeof a, "%g", set->ready_min),
                                              g_ascii_formatd (b, sizeof b, "%g", set->conditional_min),
                                              g_ascii_formatd (c, sizeof c, "%g", set->area_gap),
                                              g_ascii_formatd (d, sizeof d, "%g", set->min_coverage));

    vt_fields_add (f, "bands", rules);
  }
  g_string_free (criteria, TRUE);
  return f;
}
